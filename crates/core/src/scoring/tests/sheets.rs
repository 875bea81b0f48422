//! Sheets and submitting: drafts may be incomplete, a submitted sheet needs every cell
//! with its evidence and does not change.

use super::*;

#[test]
fn drafts_may_be_incomplete_but_submitting_needs_every_cell() {
    let round = open();
    let mut sheet = Sheet::new(&round, "bram").unwrap();
    sheet
        .set_score(
            &bram(),
            &round,
            score("K-1", "samenwerken", 4, "Bracht partijen samen."),
        )
        .unwrap();
    // A note without a level yet is a fine draft.
    let mut half = score("K-2", "samenwerken", 1, "Nog uitwerken");
    half.level = None;
    sheet.set_score(&bram(), &round, half).unwrap();
    assert_eq!(sheet.missing_cells(&round).unwrap().len(), 11);
    assert_eq!(
        sheet.submit(&bram(), &round, None, "2026-11-25T10:00:00Z"),
        Err(ScoringError::Incomplete { missing: 11 })
    );
    assert!(!sheet.is_submitted());
}

#[test]
fn submitting_needs_an_evidence_note_in_every_cell() {
    let round = open();
    let mut sheet = filled(&round, &bram(), |_, _| 3);
    sheet
        .set_score(&bram(), &round, score("K-3", "bestuurlijk", 3, "   \n "))
        .unwrap();
    assert_eq!(
        sheet.submit(&bram(), &round, None, "2026-11-25T10:00:00Z"),
        Err(ScoringError::EvidenceRequired {
            candidate: "K-3".into(),
            criterion: "bestuurlijk".into()
        })
    );
    let too_long = "x".repeat(MAX_EVIDENCE_CHARS + 1);
    assert_eq!(
        sheet.set_score(&bram(), &round, score("K-3", "bestuurlijk", 3, &too_long)),
        Err(ScoringError::EvidenceTooLong {
            max: MAX_EVIDENCE_CHARS as u32
        })
    );
    sheet
        .set_score(
            &bram(),
            &round,
            score("K-3", "bestuurlijk", 3, "Concreet voorbeeld."),
        )
        .unwrap();
    sheet
        .submit(&bram(), &round, None, "2026-11-25T10:00:00Z")
        .unwrap();
    assert_eq!(
        sheet.status(),
        &SheetStatus::Submitted {
            at: "2026-11-25T10:00:00Z".into()
        }
    );
}

#[test]
fn levels_outside_the_scale_are_refused() {
    let round = open();
    let mut sheet = Sheet::new(&round, "bram").unwrap();
    for level in [0, 6, 255] {
        assert_eq!(
            sheet.set_score(&bram(), &round, score("K-1", "samenwerken", level, "x")),
            Err(ScoringError::LevelOutOfScale {
                level,
                min: 1,
                max: 5
            })
        );
    }
    for level in 1..=5 {
        sheet
            .set_score(&bram(), &round, score("K-1", "samenwerken", level, "x"))
            .unwrap();
    }
    assert_eq!(
        sheet.scores().len(),
        1,
        "a cell is replaced, not duplicated"
    );
    assert_eq!(sheet.score("K-1", "samenwerken").unwrap().level, Some(5));
}

#[test]
fn unknown_cells_and_other_peoples_sheets_are_refused() {
    let round = open();
    let mut sheet = Sheet::new(&round, "bram").unwrap();
    assert_eq!(
        sheet.set_score(&bram(), &round, score("K-9", "samenwerken", 3, "x")),
        Err(ScoringError::UnknownCandidate {
            candidate: "K-9".into()
        })
    );
    assert_eq!(
        sheet.set_score(&bram(), &round, score("K-1", "charisma", 3, "x")),
        Err(ScoringError::UnknownCriterion {
            id: "charisma".into()
        })
    );
    for other in [cem(), chair(), secretary()] {
        assert_eq!(
            sheet.set_score(&other, &round, score("K-1", "samenwerken", 3, "x")),
            Err(ScoringError::NotYourSheet)
        );
    }
    assert_eq!(
        Sheet::new(&round, "sara"),
        Err(ScoringError::UnknownAssessor { id: "sara".into() })
    );
}

#[test]
fn a_submitted_sheet_cannot_change() {
    let round = open();
    let mut sheet = submitted(&round, &bram(), |_, _| 3);
    let before = sheet.clone();
    assert_eq!(
        sheet.set_score(
            &bram(),
            &round,
            score("K-1", "samenwerken", 5, "Toch beter.")
        ),
        Err(ScoringError::SheetLocked)
    );
    let cell = CellRef {
        candidate: "K-1".into(),
        criterion: "samenwerken".into(),
    };
    assert_eq!(
        sheet.clear_score(&bram(), &round, &cell),
        Err(ScoringError::SheetLocked)
    );
    assert_eq!(
        sheet.submit(&bram(), &round, None, "2026-11-25T11:00:00Z"),
        Err(ScoringError::SheetLocked)
    );
    assert_eq!(sheet, before);
}

#[test]
fn a_sheet_belongs_to_its_round() {
    let round = open();
    let mut anna = submitted(&round, &chair(), |_, _| 3);
    let bram_sheet = submitted(&round, &bram(), |_, _| 3);
    let cem_sheet = submitted(&round, &cem(), |_, _| 3);
    let mut r = round.clone();
    r.reveal(&chair(), &[anna.clone(), bram_sheet, cem_sheet])
        .unwrap();
    let r2 = r.next(&chair(), seed(2)).unwrap();
    let mut old_draft = Sheet::new(&round, "anna").unwrap();
    assert_eq!(
        old_draft.set_score(&chair(), &r2, score("K-1", "samenwerken", 3, "x")),
        Err(ScoringError::WrongRound { sheet: 1, round: 2 })
    );
    assert_eq!(
        anna.submit(&chair(), &r2, None, "t"),
        Err(ScoringError::SheetLocked),
        "a submitted sheet stays locked whatever round it is offered to"
    );
}

#[test]
fn the_timestamp_of_a_submission_is_required() {
    let round = open();
    let mut sheet = filled(&round, &bram(), |_, _| 3);
    assert_eq!(
        sheet.submit(&bram(), &round, None, " "),
        Err(ScoringError::MissingTimestamp)
    );
    assert!(!sheet.is_submitted());
}
