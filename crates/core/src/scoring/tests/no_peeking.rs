//! No peeking: before the reveal nobody, the chair included, sees another assessor's
//! sheet; only counts and the missing.

use super::*;

#[test]
fn before_submitting_an_assessor_sees_only_their_own_sheet() {
    let round = open();
    let anna = submitted(&round, &chair(), |_, _| 5);
    let cem_sheet = submitted(&round, &cem(), |_, _| 1);
    let bram_draft = filled(&round, &bram(), |_, _| 3);
    let sheets = [anna, cem_sheet, bram_draft.clone()];
    let view = view_for(&bram(), &round, &sheets).unwrap();
    match &view {
        RoundView::Scoring {
            work,
            progress,
            round: n,
            ..
        } => {
            assert_eq!(*n, 1);
            assert_eq!(work.sheet.as_ref(), Some(&bram_draft));
            assert_eq!(work.plan.assessor, "bram");
            assert_eq!(
                *progress,
                RoundProgress {
                    submitted: 2,
                    total: 3
                }
            );
        }
        other => panic!("{other:?}"),
    }
    assert_shows_nothing_of(&view, &["anna", "cem"]);
}

#[test]
fn after_submitting_an_assessor_still_sees_only_their_own_sheet_and_counts() {
    let round = open();
    let anna = submitted(&round, &chair(), |_, _| 5);
    let bram_sheet = submitted(&round, &bram(), |_, _| 3);
    let cem_draft = filled(&round, &cem(), |_, _| 1);
    let sheets = [anna, bram_sheet.clone(), cem_draft];
    let view = view_for(&bram(), &round, &sheets).unwrap();
    match &view {
        RoundView::Scoring { work, progress, .. } => {
            assert_eq!(work.sheet.as_ref(), Some(&bram_sheet));
            assert_eq!(
                *progress,
                RoundProgress {
                    submitted: 2,
                    total: 3
                }
            );
        }
        other => panic!("{other:?}"),
    }
    assert_shows_nothing_of(&view, &["anna", "cem"]);
}

#[test]
fn the_chair_does_not_see_other_sheets_before_the_reveal_either() {
    let round = open();
    let bram_sheet = submitted(&round, &bram(), |_, _| 2);
    let cem_sheet = submitted(&round, &cem(), |_, _| 4);
    let sheets = [bram_sheet.clone(), cem_sheet.clone()];
    // The chair scores too: own (empty) work only.
    let view = view_for(&chair(), &round, &sheets).unwrap();
    assert!(matches!(&view, RoundView::Scoring { work, .. } if work.sheet.is_none()));
    assert_shows_nothing_of(&view, &["bram", "cem"]);
    // A secretary who does not score sees only the count.
    let view = view_for(&secretary(), &round, &sheets).unwrap();
    assert_eq!(
        view,
        RoundView::Waiting {
            round: 1,
            status: RoundStatus::Open,
            progress: RoundProgress {
                submitted: 2,
                total: 3
            },
        }
    );
    assert_shows_nothing_of(&view, &["anna", "bram", "cem"]);
}

#[test]
fn a_closed_round_still_shows_nothing_but_counts_and_the_missing() {
    let mut round = open();
    let sheets = [
        submitted(&round, &bram(), |_, _| 2),
        filled(&round, &cem(), |_, _| 4),
    ];
    round.close(&chair(), &sheets).unwrap();
    let view = view_for(&bram(), &round, &sheets).unwrap();
    match &view {
        RoundView::Scoring {
            status, progress, ..
        } => {
            assert_eq!(
                status,
                &RoundStatus::Closed {
                    missing: vec!["anna".into(), "cem".into()]
                }
            );
            assert_eq!(
                *progress,
                RoundProgress {
                    submitted: 1,
                    total: 3
                }
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(!serde_json::to_string(&view).unwrap().contains("cem-note"));
}

#[test]
fn outsiders_see_nothing_at_any_time() {
    let mut round = open();
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 3),
        submitted(&round, &cem(), |_, _| 3),
    ];
    let outsiders = [
        Actor::new("tom", Role::Trainer),
        Actor::new("kim", Role::Committee),
        Actor::new("dirk", Role::Assessor),
    ];
    for _ in 0..2 {
        for o in &outsiders {
            assert_eq!(
                view_for(o, &round, &sheets),
                Err(ScoringError::NotParticipant),
                "{o:?}"
            );
        }
        round.reveal(&chair(), &sheets).ok();
    }
    assert!(round.is_revealed());
}

#[test]
fn inconsistent_stored_sheets_show_nothing() {
    let round = open();
    let a = submitted(&round, &bram(), |_, _| 3);
    let b = filled(&round, &bram(), |_, _| 2);
    assert_eq!(
        view_for(&cem(), &round, &[a, b]),
        Err(ScoringError::DuplicateSheet {
            assessor: "bram".into()
        })
    );
    // A sheet made for another round with someone who is not in this one.
    let mut other = setup(vec![]);
    other.assessors.push(AssessorSetup {
        id: "dirk".into(),
        role: Role::Assessor,
        mode: ScoringMode::ByCandidate,
    });
    let other_round = Round::open(&chair(), other, seed(5)).unwrap();
    let dirk = Sheet::new(&other_round, "dirk").unwrap();
    assert_eq!(
        view_for(&cem(), &round, &[dirk]),
        Err(ScoringError::UnknownAssessor { id: "dirk".into() })
    );
}
