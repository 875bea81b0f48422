//! Opening a round: the frozen rubric, sorted codes, who may open it, and what a
//! sound round needs.

use super::*;

#[test]
fn a_round_freezes_the_rubric_sorts_codes_and_gives_everyone_a_plan() {
    let round = open();
    assert_eq!(round.number(), 1);
    assert_eq!(round.rubric(), &rubric());
    assert_eq!(round.rubric_hash(), rubric_hash(&rubric()));
    assert_eq!(round.candidates(), ["K-1", "K-2", "K-3", "K-4"]);
    assert_eq!(
        round.assessor_ids().collect::<Vec<_>>(),
        ["anna", "bram", "cem"]
    );
    assert_eq!(round.seed(), hex::encode(seed(1)));
    assert_eq!(round.status(), &RoundStatus::Open);
    for plan in round.assessors() {
        let mut order = plan.candidate_order.clone();
        order.sort();
        assert_eq!(order, round.candidates());
        let mut crits = plan.criterion_order.clone();
        crits.sort();
        assert_eq!(crits, ["bestuurlijk", "communicatie", "samenwerken"]);
    }
    assert!(round.verify().is_ok());
}

#[test]
fn only_a_chair_opens_a_round() {
    for role in [
        Role::Assessor,
        Role::Secretary,
        Role::Trainer,
        Role::Committee,
    ] {
        let r = Round::open(&Actor::new("x", role), setup(vec![]), seed(1));
        assert_eq!(r, Err(ScoringError::ChairOnly), "{role:?}");
    }
}

#[test]
fn a_round_needs_a_scorable_rubric() {
    let mut s = setup(vec![]);
    s.rubric.criteria[0].weight = 30;
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::RubricNotScorable {
            problem: RubricProblem::Weights { sum: 90 }
        })
    );
    let mut s = setup(vec![]);
    s.rubric.scale = Scale { min: 3, max: 3 };
    assert!(matches!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::RubricNotScorable {
            problem: RubricProblem::ScaleTooSmall
        })
    ));
    let mut s = setup(vec![]);
    s.rubric.criteria[1].knockout = Some(6);
    assert!(matches!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::RubricNotScorable {
            problem: RubricProblem::Knockout { .. }
        })
    ));
    let mut s = setup(vec![]);
    s.rubric.criteria[2].id = "samenwerken".into();
    assert!(matches!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::RubricNotScorable {
            problem: RubricProblem::CriterionIds
        })
    ));
    let mut s = setup(vec![]);
    s.rubric.criteria.clear();
    assert!(matches!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::RubricNotScorable {
            problem: RubricProblem::NoCriteria
        })
    ));
}

#[test]
fn a_round_needs_sound_candidates_and_assessors() {
    let mut s = setup(vec![]);
    s.candidates.push("K-1".into());
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::DuplicateCandidate {
            candidate: "K-1".into()
        })
    );
    let mut s = setup(vec![]);
    s.candidates.clear();
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::NoCandidates)
    );
    let mut s = setup(vec![]);
    s.candidates.push("Jan Jansen".into());
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::BadCode {
            candidate: "Jan Jansen".into()
        })
    );
    let mut s = setup(vec![]);
    s.assessors.clear();
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::NoAssessors)
    );
    let mut s = setup(vec![]);
    s.assessors[0].id = "bram".into();
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::DuplicateAssessor { id: "bram".into() })
    );
    for role in [Role::Trainer, Role::Committee] {
        let mut s = setup(vec![]);
        s.assessors[0].role = role;
        assert_eq!(
            Round::open(&chair(), s, seed(1)),
            Err(ScoringError::RoleCannotScore { id: "cem".into() })
        );
    }
}

#[test]
fn exclusions_must_name_round_members_and_leave_someone_to_score() {
    let r = Round::open(&chair(), setup(vec![exclusion("dirk", "K-1")]), seed(1));
    assert_eq!(r, Err(ScoringError::UnknownAssessor { id: "dirk".into() }));
    let r = Round::open(&chair(), setup(vec![exclusion("bram", "K-9")]), seed(1));
    assert_eq!(
        r,
        Err(ScoringError::UnknownCandidate {
            candidate: "K-9".into()
        })
    );
    let all = vec![
        exclusion("anna", "K-2"),
        exclusion("bram", "K-2"),
        exclusion("cem", "K-2"),
    ];
    let r = Round::open(&chair(), setup(all), seed(1));
    assert_eq!(
        r,
        Err(ScoringError::NobodyLeftToScore {
            candidate: "K-2".into()
        })
    );
}
