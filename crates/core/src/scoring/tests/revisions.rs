//! Re-scoring: the next round keeps the rubric, and a changed score needs a reason and
//! becomes a revision.

use super::*;

fn previous<'a>(sheets: &'a [Sheet], who: &str) -> Option<&'a Sheet> {
    sheets.iter().find(|s| s.assessor() == who)
}

#[test]
fn the_next_round_keeps_the_rubric_and_draws_new_orders() {
    let (r1, _) = revealed_round_one();
    let r2 = r1.next(&chair(), seed(2)).unwrap();
    assert_eq!(r2.number(), 2);
    assert_eq!(r2.rubric_hash(), r1.rubric_hash());
    assert_eq!(r2.candidates(), r1.candidates());
    assert_eq!(r2.status(), &RoundStatus::Open);
    assert_ne!(r2.assessors(), r1.assessors());
    assert!(r2.verify().is_ok());
    assert_eq!(r1.next(&chair(), seed(1)), Err(ScoringError::SeedReused));
    assert_eq!(r1.next(&bram(), seed(3)), Err(ScoringError::ChairOnly));
    assert_eq!(
        open().next(&chair(), seed(3)),
        Err(ScoringError::NotRevealed)
    );
}

#[test]
fn a_changed_score_needs_a_reason_and_becomes_a_revision() {
    let (r1, s1) = revealed_round_one();
    let mut r2 = r1.next(&chair(), seed(2)).unwrap();
    let mut bram2 = filled(&r2, &bram(), |cand, crit| {
        if (cand, crit) == ("K-1", "bestuurlijk") {
            4
        } else {
            3
        }
    });
    assert_eq!(
        bram2.submit(&bram(), &r2, previous(&s1, "bram"), "t2"),
        Err(ScoringError::RevisionReasonRequired {
            candidate: "K-1".into(),
            criterion: "bestuurlijk".into()
        })
    );
    let mut changed = bram2.score("K-1", "bestuurlijk").unwrap().clone();
    changed.reason = Some("  ".into());
    bram2.set_score(&bram(), &r2, changed.clone()).unwrap();
    assert!(matches!(
        bram2.submit(&bram(), &r2, previous(&s1, "bram"), "t2"),
        Err(ScoringError::RevisionReasonRequired { .. })
    ));
    changed.reason = Some("Voorbeeld uit de werkopdracht over het hoofd gezien.".into());
    bram2.set_score(&bram(), &r2, changed).unwrap();
    bram2
        .submit(&bram(), &r2, previous(&s1, "bram"), "t2")
        .unwrap();

    let anna2 = {
        let mut s = filled(&r2, &chair(), |_, _| 3);
        s.submit(&chair(), &r2, previous(&s1, "anna"), "t2")
            .unwrap();
        s
    };
    let s2 = vec![anna2, bram2];
    // Listing revisions before the reveal would show round 2's levels early.
    assert_eq!(
        revisions(&r1, &s1, &r2, &s2),
        Err(ScoringError::NotRevealed)
    );
    r2.close(&chair(), &s2).unwrap();
    r2.reveal(&chair(), &s2).unwrap();
    let revs = revisions(&r1, &s1, &r2, &s2).unwrap();
    assert_eq!(
        revs,
        [Revision {
            round: 2,
            candidate: "K-1".into(),
            criterion: "bestuurlijk".into(),
            assessor: "bram".into(),
            old: 3,
            new: 4,
            reason: "Voorbeeld uit de werkopdracht over het hoofd gezien.".into(),
        }]
    );
    // Round 1 is untouched: its sheets still say 3.
    assert_eq!(
        previous(&s1, "bram")
            .unwrap()
            .score("K-1", "bestuurlijk")
            .unwrap()
            .level,
        Some(3)
    );
    // The comparison of round 2 carries the reason beside the level.
    let cmp = comparison(view_for(&cem(), &r2, &s2).unwrap());
    let bestuurlijk = &cmp.candidates[0].cells[1];
    assert!(matches!(
        &bestuurlijk.entries[1],
        CellEntry::Scored {
            level: 4,
            reason: Some(_),
            ..
        }
    ));
}

#[test]
fn previous_sheets_must_be_the_assessors_own_from_the_round_before() {
    let (r1, s1) = revealed_round_one();
    let r2 = r1.next(&chair(), seed(2)).unwrap();
    let mut bram2 = filled(&r2, &bram(), |_, _| 3);
    assert_eq!(
        bram2.submit(&bram(), &r2, previous(&s1, "cem"), "t"),
        Err(ScoringError::WrongPreviousSheet)
    );
    let fresh = open();
    let mut fresh_sheet = filled(&fresh, &bram(), |_, _| 3);
    assert_eq!(
        fresh_sheet.submit(&bram(), &fresh, previous(&s1, "bram"), "t"),
        Err(ScoringError::WrongPreviousSheet),
        "round 1 has no previous round"
    );
    // A draft of round 1 is not a previous score either.
    let draft = filled(&open(), &bram(), |_, _| 3);
    assert_eq!(
        bram2.submit(&bram(), &r2, Some(&draft), "t"),
        Err(ScoringError::WrongPreviousSheet)
    );
    bram2
        .submit(&bram(), &r2, previous(&s1, "bram"), "t")
        .unwrap();
}

#[test]
fn revisions_refuse_unrelated_rounds_and_reasonless_changes() {
    let (r1, s1) = revealed_round_one();
    assert_eq!(
        revisions(&r1, &s1, &r1, &s1),
        Err(ScoringError::NotConsecutive)
    );
    let mut r2 = r1.next(&chair(), seed(2)).unwrap();
    // A sheet that skipped the check (submitted without passing the previous sheet).
    let mut sneaky = filled(&r2, &bram(), |_, _| 5);
    sneaky.submit(&bram(), &r2, None, "t").unwrap();
    let s2 = vec![sneaky];
    r2.close(&chair(), &s2).unwrap();
    r2.reveal(&chair(), &s2).unwrap();
    assert!(matches!(
        revisions(&r1, &s1, &r2, &s2),
        Err(ScoringError::RevisionReasonRequired { .. })
    ));
}

#[test]
fn a_later_round_takes_in_a_candidate_added_since_and_can_drop_an_assessor() {
    let (r1, s1) = revealed_round_one();
    let carried = r1.carry_over();
    assert_eq!(carried.candidates, r1.candidates());
    assert_eq!(carried.assessors.len(), 3);
    let mut candidates = carried.candidates.clone();
    candidates.push("K-9".into());
    let setup = NextRoundSetup {
        candidates,
        assessors: vec![
            AssessorSetup {
                id: "anna".into(),
                role: Role::Chair,
                mode: ScoringMode::ByCandidate,
            },
            AssessorSetup {
                id: "bram".into(),
                role: Role::Assessor,
                mode: ScoringMode::ByCriterion,
            },
        ],
        exclusions: vec![],
    };
    let r2 = r1.next_with(&chair(), setup.clone(), seed(2)).unwrap();
    assert_eq!(r2.number(), 2);
    assert_eq!(r2.rubric_hash(), r1.rubric_hash());
    assert!(r2.candidates().contains(&"K-9".to_owned()));
    assert_eq!(r2.assessors().len(), 2);
    assert!(r2.verify().is_ok());
    assert!(r2.work_order("cem").is_err());
    // Bram scores the new candidate; his unchanged scores need no reason.
    let mut bram2 = filled(&r2, &bram(), |_, _| 3);
    bram2
        .submit(&bram(), &r2, previous(&s1, "bram"), "t2")
        .unwrap();
    assert!(bram2.score("K-9", "samenwerken").is_some());
    assert_eq!(
        r1.next_with(&bram(), setup.clone(), seed(3)),
        Err(ScoringError::ChairOnly)
    );
    assert_eq!(
        open().next_with(&chair(), setup, seed(3)),
        Err(ScoringError::NotRevealed)
    );
}

#[test]
fn a_later_round_keeps_exclusions_of_those_still_in_and_refuses_an_empty_setup() {
    let mut r1 = Round::open(&chair(), setup(vec![exclusion("bram", "K-1")]), seed(1)).unwrap();
    let sheets = vec![
        submitted(&r1, &chair(), |_, _| 3),
        submitted(&r1, &bram(), |_, _| 3),
        submitted(&r1, &cem(), |_, _| 3),
    ];
    r1.reveal(&chair(), &sheets).unwrap();
    let carried = r1.carry_over();
    let assessors: Vec<AssessorSetup> = carried
        .assessors
        .iter()
        .map(|a| AssessorSetup {
            id: a.id.clone(),
            role: if a.id == "anna" {
                Role::Chair
            } else {
                Role::Assessor
            },
            mode: a.mode,
        })
        .collect();
    let r2 = r1
        .next_with(
            &chair(),
            NextRoundSetup {
                candidates: carried.candidates.clone(),
                assessors: assessors.clone(),
                exclusions: vec![],
            },
            seed(2),
        )
        .unwrap();
    assert!(r2
        .work_order("bram")
        .unwrap()
        .iter()
        .all(|c| c.candidate != "K-1"));
    let empty = NextRoundSetup {
        candidates: vec![],
        assessors,
        exclusions: vec![],
    };
    assert_eq!(
        r1.next_with(&chair(), empty, seed(3)),
        Err(ScoringError::NoCandidates)
    );
}
