//! Orders: each assessor's candidate and criterion order, drawn from the recorded seed,
//! and the verification of a stored round.

use super::*;

#[test]
fn assessors_get_different_candidate_orders_whatever_the_seed() {
    for candidates in [3usize, 4, 6] {
        for s in 0..=40u8 {
            let mut set = setup(vec![]);
            set.candidates = (1..=candidates).map(|i| format!("K-{i}")).collect();
            let round = Round::open(&chair(), set, seed(s)).unwrap();
            let orders: BTreeSet<_> = round
                .assessors()
                .iter()
                .map(|p| &p.candidate_order)
                .collect();
            assert_eq!(orders.len(), 3, "{candidates} candidates, seed {s}");
        }
    }
}

#[test]
fn orders_are_reproducible_from_the_recorded_seed() {
    let a = open();
    let b = open();
    assert_eq!(a.assessors(), b.assessors());
    let c = Round::open(&chair(), setup(vec![]), seed(2)).unwrap();
    assert_ne!(a.assessors(), c.assessors());
}

#[test]
fn chunked_mode_shuffles_criteria_and_by_candidate_keeps_the_rubric_order() {
    let rubric_order: Vec<String> = rubric().criteria.iter().map(|c| c.id.clone()).collect();
    let mut shuffled = 0;
    for s in 0..20u8 {
        let round = Round::open(&chair(), setup(vec![]), seed(s)).unwrap();
        assert_eq!(round.plan("anna").unwrap().criterion_order, rubric_order);
        assert_eq!(round.plan("cem").unwrap().criterion_order, rubric_order);
        let bram = round.plan("bram").unwrap();
        assert_eq!(bram.mode, ScoringMode::ByCriterion);
        if bram.criterion_order != rubric_order {
            shuffled += 1;
        }
    }
    // 3 criteria: 1 in 6 shuffles keeps the rubric order; 20 seeds all doing so would be broken.
    assert!(shuffled >= 10, "{shuffled}");
}

#[test]
fn work_order_runs_per_candidate_or_per_criterion() {
    let round = open();
    let plan = round.plan("anna").unwrap();
    let cells = round.work_order("anna").unwrap();
    assert_eq!(cells.len(), 12);
    // By candidate: the first three cells are one candidate, criteria in order.
    assert!(cells[..3]
        .iter()
        .all(|c| c.candidate == plan.candidate_order[0]));
    let plan = round.plan("bram").unwrap();
    let cells = round.work_order("bram").unwrap();
    // Chunked: the first four cells are one criterion across all candidates, in bram's order.
    assert!(cells[..4]
        .iter()
        .all(|c| c.criterion == plan.criterion_order[0]));
    let firsts: Vec<_> = cells[..4].iter().map(|c| c.candidate.clone()).collect();
    assert_eq!(firsts, plan.candidate_order);
}

#[test]
fn a_stored_round_that_was_altered_fails_verification() {
    let round = open();
    let mut json = serde_json::to_value(&round).unwrap();
    json["rubric"]["criteria"][0]["weight"] = 50.into();
    let altered: Round = serde_json::from_value(json).unwrap();
    assert_eq!(altered.verify(), Err(ScoringError::RubricChanged));

    let mut json = serde_json::to_value(&round).unwrap();
    let order = json["assessors"][0]["candidate_order"]
        .as_array_mut()
        .unwrap();
    order.swap(0, 1);
    let altered: Round = serde_json::from_value(json).unwrap();
    assert_eq!(altered.verify(), Err(ScoringError::Tampered));

    let back: Round = serde_json::from_str(&serde_json::to_string(&round).unwrap()).unwrap();
    assert_eq!(back, round);
    assert!(back.verify().is_ok());
}
