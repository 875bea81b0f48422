//! Conflicts in a round: excluded cells, exclusions found during the round, and sheets
//! as they are stored.

use super::*;

#[test]
fn excluded_cells_are_neither_scorable_nor_required() {
    let round = Round::open(&chair(), setup(vec![exclusion("bram", "K-2")]), seed(1)).unwrap();
    let cells = round.work_order("bram").unwrap();
    assert_eq!(cells.len(), 9);
    assert!(cells.iter().all(|c| c.candidate != "K-2"));
    let mut sheet = filled(&round, &bram(), |_, _| 4);
    assert_eq!(
        sheet.set_score(&bram(), &round, score("K-2", "samenwerken", 4, "x")),
        Err(ScoringError::Excluded {
            candidate: "K-2".into()
        })
    );
    sheet.submit(&bram(), &round, None, "t").unwrap();
}

#[test]
fn an_exclusion_found_during_the_round_drops_the_draft_cells() {
    let mut round = open();
    let mut sheets = vec![
        filled(&round, &bram(), |_, _| 4),
        submitted(&round, &cem(), |_, _| 3),
    ];
    // Another assessor cannot recuse bram.
    assert_eq!(
        round.add_exclusion(&cem(), exclusion("bram", "K-3"), &mut sheets),
        Err(ScoringError::ChairOnly)
    );
    round
        .add_exclusion(&bram(), exclusion("bram", "K-3"), &mut sheets)
        .unwrap();
    assert!(round.is_excluded("bram", "K-3"));
    assert!(sheets[0].scores().iter().all(|s| s.candidate != "K-3"));
    assert_eq!(sheets[0].scores().len(), 9);
    sheets[0].submit(&bram(), &round, None, "t").unwrap();
    // Not once the assessor has submitted: the chair cannot strike submitted scores.
    assert_eq!(
        round.add_exclusion(&chair(), exclusion("cem", "K-1"), &mut sheets),
        Err(ScoringError::SheetLocked)
    );
    assert!(!round.is_excluded("cem", "K-1"));
    // The chair may exclude someone who has not started yet.
    round
        .add_exclusion(&chair(), exclusion("anna", "K-1"), &mut sheets)
        .unwrap();
    assert!(round.is_excluded("anna", "K-1"));
    // And not once the round is closed.
    round.close(&chair(), &sheets).unwrap();
    assert_eq!(
        round.add_exclusion(&chair(), exclusion("anna", "K-2"), &mut sheets),
        Err(ScoringError::RoundNotOpen)
    );
}

#[test]
fn scores_for_an_excluded_candidate_block_submitting() {
    // A sheet saved elsewhere before the exclusion reached it.
    let round = open();
    let mut sheet = filled(&round, &bram(), |_, _| 4);
    let mut r = round.clone();
    r.add_exclusion(&chair(), exclusion("bram", "K-4"), &mut [])
        .unwrap();
    assert_eq!(
        sheet.submit(&bram(), &r, None, "t"),
        Err(ScoringError::Excluded {
            candidate: "K-4".into()
        })
    );
    for criterion in ["samenwerken", "bestuurlijk", "communicatie"] {
        let cell = CellRef {
            candidate: "K-4".into(),
            criterion: criterion.into(),
        };
        sheet.clear_score(&bram(), &r, &cell).unwrap();
    }
    sheet.submit(&bram(), &r, None, "t").unwrap();
}

#[test]
fn views_of_a_later_round_ignore_earlier_rounds_sheets() {
    let (r1, s1) = revealed_round_one();
    let r2 = r1.next(&chair(), seed(2)).unwrap();
    let bram2 = filled(&r2, &bram(), |_, _| 2);
    let mut all = s1.clone();
    all.push(bram2.clone());
    let view = view_for(&bram(), &r2, &all).unwrap();
    match &view {
        RoundView::Scoring {
            work,
            progress,
            round,
            ..
        } => {
            assert_eq!(*round, 2);
            assert_eq!(work.sheet.as_ref(), Some(&bram2));
            assert_eq!(
                *progress,
                RoundProgress {
                    submitted: 0,
                    total: 3
                }
            );
        }
        other => panic!("{other:?}"),
    }
    assert_shows_nothing_of(&view, &["anna", "cem"]);
    // Round 1 stays readable as it was revealed.
    assert!(matches!(
        view_for(&bram(), &r1, &all),
        Ok(RoundView::Revealed { .. })
    ));
}

#[test]
fn sheets_survive_storage_unchanged() {
    let round = open();
    let sheet = submitted(&round, &bram(), |_, _| 4);
    let json = serde_json::to_string(&sheet).unwrap();
    let back: Sheet = serde_json::from_str(&json).unwrap();
    assert_eq!(back, sheet);
    assert!(back.is_submitted());
}
