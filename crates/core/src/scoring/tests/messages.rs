//! Messages: every scoring error speaks Dutch and English.

use super::*;

#[test]
fn every_error_speaks_dutch_and_english() {
    let s = || "x".to_owned();
    let errors = [
        ScoringError::ChairOnly,
        ScoringError::ChairOrSecretaryOnly,
        ScoringError::NotParticipant,
        ScoringError::NotYourSheet,
        ScoringError::RoundNotOpen,
        ScoringError::NotAllSubmitted { missing: 2 },
        ScoringError::NothingToReveal,
        ScoringError::AlreadyRevealed,
        ScoringError::NotRevealed,
        ScoringError::SeedReused,
        ScoringError::NotConsecutive,
        ScoringError::NoCandidates,
        ScoringError::NoAssessors,
        ScoringError::BadCode { candidate: s() },
        ScoringError::AnswerWithoutCriterion { candidate: s() },
        ScoringError::DuplicateCandidate { candidate: s() },
        ScoringError::DuplicateAssessor { id: s() },
        ScoringError::RoleCannotScore { id: s() },
        ScoringError::RubricNotScorable {
            problem: RubricProblem::Weights { sum: 90 },
        },
        ScoringError::NobodyLeftToScore { candidate: s() },
        ScoringError::NoPosts,
        ScoringError::DuplicatePost { post: s() },
        ScoringError::BadPostId { post: s() },
        ScoringError::BadPostName { post: s() },
        ScoringError::BadPostName {
            post: String::new(),
        },
        ScoringError::PostRubricNotScorable {
            post: s(),
            problem: RubricProblem::NoCriteria,
        },
        ScoringError::PostScalesDiffer { post: s() },
        ScoringError::PostCriterionDiffers {
            criterion: s(),
            post: s(),
        },
        ScoringError::UnknownPost { post: s() },
        ScoringError::UnknownCandidate { candidate: s() },
        ScoringError::UnknownCriterion { id: s() },
        ScoringError::UnknownAssessor { id: s() },
        ScoringError::Excluded { candidate: s() },
        ScoringError::LevelOutOfScale {
            level: 7,
            min: 1,
            max: 5,
        },
        ScoringError::EvidenceRequired {
            candidate: s(),
            criterion: s(),
        },
        ScoringError::EvidenceTooLong { max: 2 },
        ScoringError::ReasonTooLong { max: 2 },
        ScoringError::Incomplete { missing: 2 },
        ScoringError::SheetLocked,
        ScoringError::WrongRound { sheet: 1, round: 2 },
        ScoringError::WrongPreviousSheet,
        ScoringError::RevisionReasonRequired {
            candidate: s(),
            criterion: s(),
        },
        ScoringError::MissingTimestamp,
        ScoringError::DuplicateSheet { assessor: s() },
        ScoringError::RubricChanged,
        ScoringError::Tampered,
        ScoringError::EmptyDecision,
        ScoringError::BadPortfolio { portfolio: s() },
        ScoringError::DecisionReasonRequired { portfolio: s() },
        ScoringError::DecisionAlreadyRecorded,
        ScoringError::NoDecisionYet,
        ScoringError::AlreadyUnblinded,
    ];
    let mut dutch = BTreeSet::new();
    for e in &errors {
        let m = e.message();
        assert!(!m.nl.trim().is_empty() && !m.en.trim().is_empty(), "{e:?}");
        assert_ne!(m.nl, m.en, "{e:?}");
        assert_eq!(e.to_string(), m.en);
        dutch.insert(m.nl);
    }
    assert_eq!(dutch.len(), errors.len(), "two errors share a message");
    assert_eq!(
        ScoringError::LevelOutOfScale {
            level: 7,
            min: 1,
            max: 5
        }
        .message()
        .nl,
        "Niveau 7 ligt buiten de schaal 1–5."
    );
}
