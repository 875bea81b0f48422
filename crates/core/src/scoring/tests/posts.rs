//! Several posts in one round: the generic criteria are scored once, each post's
//! total uses its own weights, and the allocation advice comes from the revealed
//! scores under the team's constraints.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::formation::{AssignmentOptions, Constraints};

/// The generic part (80) plus one portfolio criterion (20), as the 80/20 templates.
fn post_rubric(id: &str, portfolio: &str, generic: [u32; 2]) -> Rubric {
    Rubric {
        id: format!("wethouder-{id}"),
        title: format!("Wethouder {id}"),
        version: 1,
        scale: Scale { min: 1, max: 5 },
        criteria: vec![
            criterion("samenwerken", generic[0], Some(3)),
            criterion("bestuurlijk", generic[1], None),
            criterion(portfolio, 100 - generic[0] - generic[1], None),
        ],
    }
}

fn post(id: &str, name: &str, portfolio: &str, generic: [u32; 2]) -> Post {
    Post {
        id: id.into(),
        name: name.into(),
        rubric: post_rubric(id, portfolio, generic),
    }
}

fn two_posts() -> Vec<Post> {
    vec![
        post("financien", "Financiën", "begroting", [50, 30]),
        post("wonen", "Wonen", "woningbouw", [40, 40]),
    ]
}

fn post_setup(posts: Vec<Post>, candidates: &[&str]) -> PostRoundSetup {
    let base = setup(vec![]);
    PostRoundSetup {
        posts,
        candidates: candidates.iter().map(|c| (*c).to_owned()).collect(),
        assessors: base.assessors,
        exclusions: vec![],
    }
}

fn open_posts(candidates: &[&str]) -> Round {
    Round::open_for_posts(&chair(), post_setup(two_posts(), candidates), seed(7)).unwrap()
}

#[test]
fn the_generic_criteria_are_scored_once_per_candidate() {
    let round = open_posts(&["K-1", "K-2"]);
    let ids: Vec<&str> = round
        .rubric()
        .criteria
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["samenwerken", "bestuurlijk", "begroting", "woningbouw"]
    );
    // 2 candidates × 4 criteria, not 2 × (3 + 3).
    assert_eq!(round.work_order("bram").unwrap().len(), 8);
    let groups = criterion_groups(&round).unwrap();
    assert_eq!(groups.generic, ["samenwerken", "bestuurlijk"]);
    assert_eq!(groups.posts[0].name, "Financiën");
    assert_eq!(groups.posts[0].criteria, ["begroting"]);
    assert_eq!(groups.posts[1].criteria, ["woningbouw"]);
    // The assessor's screen gets the groups; a round on one rubric gets none.
    match view_for(&bram(), &round, &[]).unwrap() {
        RoundView::Scoring { work, .. } => assert_eq!(work.groups, Some(groups)),
        other => panic!("{other:?}"),
    }
    match view_for(&bram(), &open(), &[]).unwrap() {
        RoundView::Scoring { work, .. } => assert_eq!(work.groups, None),
        other => panic!("{other:?}"),
    }
}

#[test]
fn each_post_total_combines_the_shared_cells_by_its_own_weights() {
    let mut round = open_posts(&["K-1", "K-2"]);
    // bram: K-1 samenwerken 5, bestuurlijk 3, begroting 2, woningbouw 4; K-2 all 3.
    let bram_level = |cand: &str, crit: &str| match (cand, crit) {
        ("K-1", "samenwerken") => 5,
        ("K-1", "bestuurlijk") => 3,
        ("K-1", "begroting") => 2,
        ("K-1", "woningbouw") => 4,
        _ => 3,
    };
    let sheets = vec![
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), bram_level),
        submitted(&round, &cem(), |_, _| 1),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    let sheet = comparison(view_for(&bram(), &round, &sheets).unwrap());
    assert_eq!(sheet.posts.len(), 2);
    let total = |post: usize, cand: usize, assessor: &str| {
        sheet.posts[post].candidates[cand]
            .totals
            .iter()
            .find(|t| t.assessor == assessor)
            .unwrap()
            .total
            .unwrap()
    };
    // Financiën 50/30/20 on (level-1)/4: bram K-1 = 50·1 + 30·0.5 + 20·0.25 = 70.
    assert!((total(0, 0, "bram") - 70.0).abs() < 1e-9);
    // Wonen 40/40/20: bram K-1 = 40·1 + 40·0.5 + 20·0.75 = 75.
    assert!((total(1, 0, "bram") - 75.0).abs() < 1e-9);
    // Level 3 everywhere is 50 for every post; level 1 is 0.
    assert!((total(0, 0, "anna") - 50.0).abs() < 1e-9);
    assert!((total(1, 1, "cem") - 0.0).abs() < 1e-9);
    // Mean for K-1 on Financiën: (50 + 70 + 0) / 3.
    let mean = sheet.posts[0].candidates[0].mean_total.unwrap();
    assert!((mean - 40.0).abs() < 1e-9);
    // samenwerken has knockout 3: K-2's mean there is (3+3+1)/3 < 3, out for both.
    assert!(sheet.posts[0].candidates[1].knocked_out);
    assert!(sheet.posts[1].candidates[1].knocked_out);
    assert!(!sheet.posts[0].candidates[0].knocked_out);
    // The rows carry no rubric-wide total: only the posts' totals mean something.
    assert!(sheet.candidates.iter().all(|c| c.totals.is_empty()));
}

#[test]
fn a_stored_round_whose_post_weights_were_changed_does_not_verify() {
    let round = open_posts(&["K-1", "K-2"]);
    round.verify().unwrap();
    let mut json = serde_json::to_value(&round).unwrap();
    json["posts"][0]["weights"][0]["weight"] = serde_json::json!(90);
    let changed: Round = serde_json::from_value(json).unwrap();
    assert_eq!(changed.verify(), Err(ScoringError::Tampered));
}

#[test]
fn a_round_on_one_rubric_has_no_post_sections() {
    let (round, sheets) = revealed_round_one();
    let sheet = comparison(view_for(&bram(), &round, &sheets).unwrap());
    assert!(sheet.posts.is_empty());
    assert_eq!(sheet.candidates[0].totals.len(), 3);
    let json = serde_json::to_string(&round).unwrap();
    assert!(!json.contains("posts"), "{json}");
}

#[test]
fn posts_that_disagree_on_a_shared_criterion_do_not_open() {
    let mut posts = two_posts();
    posts[1].rubric.criteria[0].definition = "iets anders".into();
    let err = Round::open_for_posts(&chair(), post_setup(posts, &["K-1"]), seed(1)).unwrap_err();
    assert_eq!(
        err,
        ScoringError::PostCriterionDiffers {
            criterion: "samenwerken".into(),
            post: "Wonen".into()
        }
    );

    let mut posts = two_posts();
    posts[1].rubric.scale = Scale { min: 1, max: 4 };
    let err = Round::open_for_posts(&chair(), post_setup(posts, &["K-1"]), seed(1)).unwrap_err();
    assert_eq!(
        err,
        ScoringError::PostScalesDiffer {
            post: "Wonen".into()
        }
    );

    let mut posts = two_posts();
    posts[0].rubric.criteria[2].weight = 10;
    let err = Round::open_for_posts(&chair(), post_setup(posts, &["K-1"]), seed(1)).unwrap_err();
    assert_eq!(
        err,
        ScoringError::PostRubricNotScorable {
            post: "Financiën".into(),
            problem: RubricProblem::Weights { sum: 90 }
        }
    );

    let mut posts = two_posts();
    posts[1].id = "financien".into();
    let err = Round::open_for_posts(&chair(), post_setup(posts, &["K-1"]), seed(1)).unwrap_err();
    assert_eq!(
        err,
        ScoringError::DuplicatePost {
            post: "financien".into()
        }
    );

    let err = Round::open_for_posts(&chair(), post_setup(vec![], &["K-1"]), seed(1)).unwrap_err();
    assert_eq!(err, ScoringError::NoPosts);
    let err =
        Round::open_for_posts(&bram(), post_setup(two_posts(), &["K-1"]), seed(1)).unwrap_err();
    assert_eq!(err, ScoringError::ChairOnly);
}

#[test]
fn the_next_round_keeps_the_posts_and_the_decision_names_one() {
    let mut round = open_posts(&["K-1", "K-2"]);
    let sheets = vec![
        submitted(&round, &chair(), |_, _| 4),
        submitted(&round, &bram(), |_, _| 4),
        submitted(&round, &cem(), |_, _| 4),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    let next = round.next(&chair(), seed(8)).unwrap();
    assert_eq!(next.posts(), round.posts());

    let choice = |portfolio: &str| PortfolioChoice {
        portfolio: portfolio.into(),
        candidates: vec!["K-1".into()],
        reason: "Sterkste op begroting".into(),
    };
    let mut state = SelectionState::default();
    let err = state
        .decide(
            &chair(),
            &round,
            vec![choice("Sport")],
            "2026-11-26T10:00:00Z",
        )
        .unwrap_err();
    assert_eq!(
        err,
        ScoringError::UnknownPost {
            post: "Sport".into()
        }
    );
    assert!(state.decision.is_none());
    // The post's name as the team calls it is kept as the post's short name.
    let decision = state
        .decide(
            &chair(),
            &round,
            vec![choice(" financiën ")],
            "2026-11-26T10:00:00Z",
        )
        .unwrap();
    assert_eq!(decision.choices[0].portfolio, "financien");
}

/// A round with `n` candidates and the two posts, revealed with random levels.
fn random_revealed(rng: &mut ChaCha8Rng, n: usize) -> (Round, Vec<Sheet>) {
    let codes: Vec<String> = (1..=n).map(|i| format!("K-{i}")).collect();
    let codes_ref: Vec<&str> = codes.iter().map(String::as_str).collect();
    let mut posts = two_posts();
    posts.push(post("sociaal", "Sociaal Domein", "zorg", [30, 50]));
    let posts = posts[..rng.random_range(2..=3)].to_vec();
    let mut round =
        Round::open_for_posts(&chair(), post_setup(posts, &codes_ref), seed(rng.random())).unwrap();
    let mut sheets = Vec::new();
    for actor in [chair(), bram(), cem()] {
        let levels: BTreeMap<(String, String), u8> = round
            .work_order(&actor.id)
            .unwrap()
            .into_iter()
            // Knockouts at 3 on samenwerken: keep it at 3 or more so no post is empty.
            .map(|c| {
                let low = if c.criterion == "samenwerken" { 3 } else { 1 };
                ((c.candidate, c.criterion), rng.random_range(low..=5))
            })
            .collect();
        sheets.push(submitted(&round, &actor, |cand, crit| {
            levels[&(cand.to_owned(), crit.to_owned())]
        }));
    }
    round.reveal(&chair(), &sheets).unwrap();
    (round, sheets)
}

/// The best total by trying every allocation: posts in order, each to a candidate not
/// yet used and not ruled out.
fn brute_force(round: &Round, sheets: &[Sheet], ruled_out: &[(String, String)]) -> Option<f64> {
    let mean = |cand: &str, post: &RoundPost| {
        let totals: Vec<f64> = sheets
            .iter()
            .filter_map(|s| post_total(round, post, s, cand))
            .collect();
        totals.iter().sum::<f64>() / totals.len() as f64
    };
    fn go(
        i: usize,
        used: &mut Vec<usize>,
        round: &Round,
        ok: &dyn Fn(usize, usize) -> bool,
        value: &dyn Fn(usize, usize) -> f64,
    ) -> Option<f64> {
        if i == round.posts().len() {
            return Some(0.0);
        }
        let mut best: Option<f64> = None;
        for c in 0..round.candidates().len() {
            if used.contains(&c) || !ok(i, c) {
                continue;
            }
            used.push(c);
            if let Some(rest) = go(i + 1, used, round, ok, value) {
                let t = rest + value(i, c);
                best = Some(best.map_or(t, |b: f64| b.max(t)));
            }
            used.pop();
        }
        best
    }
    let ok = |p: usize, c: usize| {
        !ruled_out
            .iter()
            .any(|(rc, rp)| rc == &round.candidates()[c] && rp == &round.posts()[p].id)
    };
    let value = |p: usize, c: usize| mean(&round.candidates()[c], &round.posts()[p]);
    go(0, &mut Vec::new(), round, &ok, &value)
}

fn options() -> AssignmentOptions {
    AssignmentOptions {
        runners_up: 2,
        resamples: 50,
        seed: 3,
    }
}

#[test]
fn the_allocation_from_the_scores_matches_brute_force_also_when_the_best_is_ruled_out() {
    let mut rng = ChaCha8Rng::seed_from_u64(20);
    for _ in 0..25 {
        let n = rng.random_range(3..=6);
        let (round, sheets) = random_revealed(&mut rng, n);
        let advice =
            allocation_advice(&round, &sheets, &Constraints::default(), options()).unwrap();
        let expected = brute_force(&round, &sheets, &[]).unwrap();
        assert!((advice.best.total - expected).abs() < 1e-6);
        assert_eq!(advice.best.pairs.len(), round.posts().len());
        assert!(advice.robustness.is_some());

        // Rule out every pair of the unconstrained best: it becomes infeasible.
        let ruled_out: Vec<(String, String)> = advice
            .best
            .pairs
            .iter()
            .map(|p| (p.candidate.clone(), p.post.clone()))
            .collect();
        let constraints = Constraints {
            ruled_out: ruled_out.clone(),
            ..Constraints::default()
        };
        match (
            allocation_advice(&round, &sheets, &constraints, options()),
            brute_force(&round, &sheets, &ruled_out),
        ) {
            (Ok(constrained), Some(expected)) => {
                assert!((constrained.best.total - expected).abs() < 1e-6);
                for p in &constrained.best.pairs {
                    assert!(!ruled_out.contains(&(p.candidate.clone(), p.post.clone())));
                }
            }
            (Err(AllocationError::Assign(_)), None) => {}
            (got, want) => panic!("solver {got:?}, brute force {want:?}"),
        }
    }
}

#[test]
fn no_allocation_advice_before_the_reveal_or_without_posts() {
    let round = open_posts(&["K-1", "K-2", "K-3"]);
    let sheets = vec![submitted(&round, &bram(), |_, _| 4)];
    let err = allocation_advice(&round, &sheets, &Constraints::default(), options()).unwrap_err();
    assert_eq!(err, AllocationError::Scoring(ScoringError::NotRevealed));

    let (round, sheets) = revealed_round_one();
    let err = allocation_advice(&round, &sheets, &Constraints::default(), options()).unwrap_err();
    assert_eq!(err, AllocationError::Scoring(ScoringError::NoPosts));
}

#[test]
fn a_knocked_out_candidate_is_not_advised_for_that_post() {
    let mut round = open_posts(&["K-1", "K-2", "K-3"]);
    // K-1 is best everywhere but below the knockout on samenwerken (1 < 3).
    let level = |cand: &str, crit: &str| match (cand, crit) {
        ("K-1", "samenwerken") => 2,
        ("K-1", _) => 5,
        ("K-2", "woningbouw") => 5,
        _ => 3,
    };
    let sheets = vec![
        submitted(&round, &chair(), level),
        submitted(&round, &bram(), level),
        submitted(&round, &cem(), level),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    let advice = allocation_advice(&round, &sheets, &Constraints::default(), options()).unwrap();
    assert!(advice.best.pairs.iter().all(|p| p.candidate != "K-1"));
    let wonen = advice
        .best
        .pairs
        .iter()
        .find(|p| p.post == "wonen")
        .unwrap();
    assert_eq!(wonen.candidate, "K-2");
}
