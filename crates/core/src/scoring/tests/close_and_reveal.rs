//! Close and reveal: the chair moves a round one way only, and only with submitted
//! sheets.

use super::*;

#[test]
fn revealing_before_everyone_submitted_needs_closing_first() {
    let mut round = open();
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 4),
    ];
    assert_eq!(
        round.reveal(&chair(), &sheets),
        Err(ScoringError::NotAllSubmitted { missing: 1 })
    );
    assert_eq!(round.status(), &RoundStatus::Open);
    round.close(&chair(), &sheets).unwrap();
    assert_eq!(
        round.status(),
        &RoundStatus::Closed {
            missing: vec!["cem".into()]
        }
    );
    round.reveal(&chair(), &sheets).unwrap();
    assert_eq!(
        round.status(),
        &RoundStatus::Revealed {
            missing: vec!["cem".into()]
        }
    );
}

#[test]
fn only_the_chair_closes_and_reveals() {
    let mut round = open();
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 3),
        submitted(&round, &cem(), |_, _| 3),
    ];
    for actor in [bram(), secretary(), Actor::new("tom", Role::Trainer)] {
        assert_eq!(round.close(&actor, &sheets), Err(ScoringError::ChairOnly));
        assert_eq!(round.reveal(&actor, &sheets), Err(ScoringError::ChairOnly));
    }
    assert_eq!(round.status(), &RoundStatus::Open);
    round.reveal(&chair(), &sheets).unwrap();
    assert_eq!(round.status(), &RoundStatus::Revealed { missing: vec![] });
}

#[test]
fn the_round_moves_one_way_only() {
    let mut round = open();
    let mut late = filled(&round, &cem(), |_, _| 3);
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 3),
    ];
    round.close(&chair(), &sheets).unwrap();
    assert_eq!(
        round.close(&chair(), &sheets),
        Err(ScoringError::RoundNotOpen)
    );
    assert_eq!(
        late.submit(&cem(), &round, None, "t"),
        Err(ScoringError::RoundNotOpen)
    );
    assert_eq!(
        late.set_score(&cem(), &round, score("K-1", "samenwerken", 2, "x")),
        Err(ScoringError::RoundNotOpen)
    );
    round.reveal(&chair(), &sheets).unwrap();
    assert_eq!(
        round.reveal(&chair(), &sheets),
        Err(ScoringError::AlreadyRevealed)
    );
    assert_eq!(
        round.close(&chair(), &sheets),
        Err(ScoringError::RoundNotOpen)
    );
}

#[test]
fn a_round_without_any_submitted_sheet_can_be_neither_closed_nor_revealed() {
    let mut round = open();
    let drafts = [filled(&round, &bram(), |_, _| 3)];
    assert_eq!(
        round.close(&chair(), &drafts),
        Err(ScoringError::NothingToReveal)
    );
    assert_eq!(
        round.reveal(&chair(), &drafts),
        Err(ScoringError::NotAllSubmitted { missing: 3 })
    );
    assert_eq!(round.status(), &RoundStatus::Open);
}
