//! The decision and the unblinding: a decision needs a revealed round and reasons; the
//! chair unblinds once, after it.

use super::*;

fn choice(portfolio: &str, codes: &[&str], reason: &str) -> PortfolioChoice {
    PortfolioChoice {
        portfolio: portfolio.into(),
        candidates: codes.iter().map(|c| (*c).to_owned()).collect(),
        reason: reason.into(),
    }
}

#[test]
fn a_decision_needs_a_revealed_round_and_reasons() {
    let mut round = open();
    let mut state = SelectionState::default();
    let good = vec![choice(
        "Financiën",
        &["K-2"],
        "Hoogste score op bestuurlijk vermogen.",
    )];
    assert_eq!(
        state.decide(&chair(), &round, good.clone(), "t"),
        Err(ScoringError::NotRevealed)
    );
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 3),
        submitted(&round, &cem(), |_, _| 3),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    assert_eq!(
        state.decide(&bram(), &round, good.clone(), "t"),
        Err(ScoringError::ChairOrSecretaryOnly)
    );
    assert_eq!(
        state.decide(&chair(), &round, vec![], "t"),
        Err(ScoringError::EmptyDecision)
    );
    assert_eq!(
        state.decide(
            &chair(),
            &round,
            vec![choice("Financiën", &["K-2"], " ")],
            "t"
        ),
        Err(ScoringError::DecisionReasonRequired {
            portfolio: "Financiën".into()
        })
    );
    assert_eq!(
        state.decide(
            &chair(),
            &round,
            vec![choice("Financiën", &["K-7"], "r")],
            "t"
        ),
        Err(ScoringError::UnknownCandidate {
            candidate: "K-7".into()
        })
    );
    let twice = vec![
        choice("Wonen", &["K-1"], "r"),
        choice(" Wonen", &["K-3"], "r"),
    ];
    assert_eq!(
        state.decide(&chair(), &round, twice, "t"),
        Err(ScoringError::BadPortfolio {
            portfolio: " Wonen".into()
        })
    );
    assert_eq!(state.decision, None);
    let decision = state
        .decide(&secretary(), &round, good.clone(), "2026-11-26T09:00:00Z")
        .unwrap();
    assert_eq!(decision.round, 1);
    assert_eq!(decision.recorded_by, "sara");
    assert_eq!(
        state.decide(&chair(), &round, good, "t"),
        Err(ScoringError::DecisionAlreadyRecorded)
    );
}

#[test]
fn unblinding_only_by_a_chair_after_the_decision_and_only_once() {
    let (round, _) = revealed_round_one();
    let mut state = SelectionState::default();
    assert_eq!(
        may_unblind(Role::Chair, &state),
        Err(ScoringError::NoDecisionYet)
    );
    assert_eq!(
        state.unblind(&chair(), "t"),
        Err(ScoringError::NoDecisionYet)
    );
    state
        .decide(
            &chair(),
            &round,
            vec![choice("Wonen", &["K-3"], "Beste onderbouwing.")],
            "t1",
        )
        .unwrap();
    for role in [
        Role::Secretary,
        Role::Assessor,
        Role::Trainer,
        Role::Committee,
    ] {
        assert_eq!(
            may_unblind(role, &state),
            Err(ScoringError::ChairOnly),
            "{role:?}"
        );
    }
    assert_eq!(may_unblind(Role::Chair, &state), Ok(()));
    state.unblind(&chair(), "t2").unwrap();
    assert_eq!(
        state.unblinded,
        Some(Unblinding {
            by: "anna".into(),
            at: "t2".into()
        })
    );
    assert_eq!(
        may_unblind(Role::Chair, &state),
        Err(ScoringError::AlreadyUnblinded)
    );
    assert_eq!(
        state.unblind(&chair(), "t3"),
        Err(ScoringError::AlreadyUnblinded)
    );
}
