//! The allocation of candidates to posts, against brute force.

use std::collections::HashMap;

use maatstaf_core::formation::{
    analyse, best_allocation, ranked_allocations, AssessorPairScore, AssignError,
    AssignmentOptions, AssignmentProblem, Constraints, PairScore, PostReservation,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn pair(candidate: &str, post: &str, score: f64) -> PairScore {
    PairScore {
        candidate: candidate.into(),
        post: post.into(),
        score,
    }
}

/// Every allocation's total, by enumerating each post's candidate.
fn brute_force(problem: &AssignmentProblem) -> Vec<(f64, Vec<usize>)> {
    fn go(
        p: &AssignmentProblem,
        post: usize,
        used: &mut Vec<bool>,
        chosen: &mut Vec<usize>,
        out: &mut Vec<(f64, Vec<usize>)>,
    ) {
        if post == p.posts().len() {
            let total = chosen
                .iter()
                .enumerate()
                .map(|(q, &c)| p.score(q, c).unwrap())
                .sum();
            out.push((total, chosen.clone()));
            return;
        }
        for c in 0..p.candidates().len() {
            if !used[c] && p.score(post, c).is_some() {
                used[c] = true;
                chosen.push(c);
                go(p, post + 1, used, chosen, out);
                chosen.pop();
                used[c] = false;
            }
        }
    }
    let mut out = Vec::new();
    go(
        problem,
        0,
        &mut vec![false; problem.candidates().len()],
        &mut Vec::new(),
        &mut out,
    );
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out
}

fn random_instance(rng: &mut ChaCha8Rng) -> (Vec<PairScore>, Constraints) {
    let posts = rng.random_range(1..=4);
    let candidates = rng.random_range(posts..=6);
    let mut scores = Vec::new();
    let mut constraints = Constraints::default();
    for c in 0..candidates {
        for p in 0..posts {
            // Two decimals, like weighted totals; a few pairs ruled out.
            let score = f64::from(rng.random_range(0..=500u32)) / 100.0;
            scores.push(pair(&format!("K-{c}"), &format!("P{p}"), score));
            if rng.random_bool(0.15) {
                constraints
                    .ruled_out
                    .push((format!("K-{c}"), format!("P{p}")));
            }
        }
    }
    (scores, constraints)
}

#[test]
fn the_best_allocation_and_its_runners_up_match_brute_force() {
    let mut rng = ChaCha8Rng::seed_from_u64(20);
    let (mut solved, mut infeasible) = (0, 0);
    for _ in 0..400 {
        let (scores, constraints) = random_instance(&mut rng);
        let problem = AssignmentProblem::new(&scores, &constraints).unwrap();
        let all = brute_force(&problem);
        match ranked_allocations(&problem, 4) {
            Err(AssignError::Infeasible { posts, candidates }) => {
                assert!(all.is_empty());
                assert!(candidates.len() < posts.len(), "Hall's condition fails");
                infeasible += 1;
            }
            Err(e) => panic!("{e}"),
            Ok(ranked) => {
                solved += 1;
                assert_eq!(ranked.len(), all.len().min(4));
                for (got, want) in ranked.iter().zip(&all) {
                    assert!(
                        (got.total - want.0).abs() < 1e-9,
                        "{} vs {}",
                        got.total,
                        want.0
                    );
                    let sum: f64 = got.pairs.iter().map(|p| p.score).sum();
                    assert!((sum - got.total).abs() < 1e-9);
                }
                // Each pair of the best, left out, costs what brute force says.
                let panel: Vec<AssessorPairScore> = scores
                    .iter()
                    .map(|s| AssessorPairScore {
                        assessor: "x".into(),
                        candidate: s.candidate.clone(),
                        post: s.post.clone(),
                        score: s.score,
                    })
                    .collect();
                let options = AssignmentOptions {
                    runners_up: 0,
                    resamples: 0,
                    seed: 0,
                };
                let analysis = analyse(&panel, &constraints, options).unwrap();
                assert!((analysis.best.total - all[0].0).abs() < 1e-9);
                for d in &analysis.decisive {
                    let (p, c) = (
                        problem.posts().iter().position(|x| *x == d.post).unwrap(),
                        problem
                            .candidates()
                            .iter()
                            .position(|x| *x == d.candidate)
                            .unwrap(),
                    );
                    let without = all
                        .iter()
                        .find(|(_, s)| s[p] != c)
                        .map(|(t, _)| all[0].0 - t);
                    match (d.margin, without) {
                        (Some(m), Some(w)) => assert!((m - w).abs() < 1e-9, "{m} vs {w}"),
                        (m, w) => assert_eq!(m, w),
                    }
                }
                // Distinct allocations, each filling every post with distinct candidates.
                for (i, a) in ranked.iter().enumerate() {
                    let mut who: Vec<&str> = a.pairs.iter().map(|p| p.candidate.as_str()).collect();
                    assert_eq!(a.pairs.len(), problem.posts().len());
                    who.sort_unstable();
                    who.dedup();
                    assert_eq!(who.len(), problem.posts().len());
                    for b in &ranked[..i] {
                        assert_ne!(a.pairs, b.pairs);
                    }
                    for p in &a.pairs {
                        assert!(!constraints
                            .ruled_out
                            .contains(&(p.candidate.clone(), p.post.clone())));
                    }
                }
            }
        }
    }
    assert!(
        solved > 300 && infeasible > 0,
        "{solved} solved, {infeasible} infeasible"
    );
}

#[test]
fn a_ruled_out_pair_makes_the_unconstrained_best_infeasible() {
    // Unconstrained: A → Financiën, B → Wonen (9 + 8 = 17).
    let scores = [
        pair("A", "Financiën", 9.0),
        pair("A", "Wonen", 7.0),
        pair("B", "Financiën", 6.0),
        pair("B", "Wonen", 8.0),
        pair("C", "Financiën", 5.0),
        pair("C", "Wonen", 4.0),
    ];
    let free = best_allocation(&AssignmentProblem::new(&scores, &Constraints::default()).unwrap())
        .unwrap();
    assert_eq!(free.total, 17.0);
    let who = |a: &maatstaf_core::formation::Allocation| {
        a.pairs
            .iter()
            .map(|p| format!("{}={}", p.post, p.candidate))
            .collect::<Vec<_>>()
    };
    assert_eq!(who(&free), ["Financiën=A", "Wonen=B"]);

    // A ruled out for Financiën: B → Financiën + A → Wonen (6 + 7) and
    // C → Financiën + B → Wonen (5 + 8) both total 13; the best is one of them.
    let ruled = Constraints {
        ruled_out: vec![("A".into(), "Financiën".into())],
        ..Constraints::default()
    };
    let best = best_allocation(&AssignmentProblem::new(&scores, &ruled).unwrap()).unwrap();
    assert_eq!(best.total, 13.0);
    assert!(!who(&best).contains(&"Financiën=A".to_owned()));

    // Wonen reserved for the CDA, whose only candidate is C: C → Wonen (4) + A → Financiën (9).
    let reserved = Constraints {
        reserved: vec![PostReservation {
            post: "Wonen".into(),
            party: "cda".into(),
        }],
        candidate_parties: HashMap::from([
            ("A".into(), "VVD".into()),
            ("B".into(), "D66".into()),
            ("C".into(), "CDA".into()),
        ]),
        ..Constraints::default()
    };
    let best = best_allocation(&AssignmentProblem::new(&scores, &reserved).unwrap()).unwrap();
    assert_eq!(who(&best), ["Financiën=A", "Wonen=C"]);
    assert_eq!(best.total, 13.0);

    // Both posts reserved for the CDA: one candidate for two posts is impossible,
    // and the error says which posts and candidates.
    let mut both = reserved.clone();
    both.reserved.push(PostReservation {
        post: "Financiën".into(),
        party: "CDA".into(),
    });
    let err = best_allocation(&AssignmentProblem::new(&scores, &both).unwrap()).unwrap_err();
    assert_eq!(
        err,
        AssignError::Infeasible {
            posts: vec!["Financiën".into(), "Wonen".into()],
            candidates: vec!["C".into()],
        }
    );
    assert_eq!(
        err.message().en,
        "The 2 posts Financiën and Wonen can only go to C (1 candidate), so not every post can get a candidate of its own."
    );
}

#[test]
fn bad_inputs_are_named() {
    let c = Constraints::default();
    assert_eq!(AssignmentProblem::new(&[], &c), Err(AssignError::NoPosts));
    assert!(matches!(
        AssignmentProblem::new(&[pair("A", "P", 1.0), pair("A", "P", 2.0)], &c),
        Err(AssignError::DuplicatePair { .. })
    ));
    assert!(matches!(
        AssignmentProblem::new(&[pair("A", "P", f64::NAN)], &c),
        Err(AssignError::BadScore { .. })
    ));
    assert_eq!(
        AssignmentProblem::new(&[pair("A", "P", 1.0), pair("A", "Q", 1.0)], &c),
        Err(AssignError::MorePostsThanCandidates {
            posts: 2,
            candidates: 1
        })
    );
    let unknown = Constraints {
        ruled_out: vec![("Z".into(), "P".into())],
        ..Constraints::default()
    };
    assert_eq!(
        AssignmentProblem::new(&[pair("A", "P", 1.0)], &unknown),
        Err(AssignError::UnknownCandidate {
            candidate: "Z".into()
        })
    );
}

fn panel(rows: &[(&str, &str, &str, f64)]) -> Vec<AssessorPairScore> {
    rows.iter()
        .map(|(a, c, p, s)| AssessorPairScore {
            assessor: (*a).into(),
            candidate: (*c).into(),
            post: (*p).into(),
            score: *s,
        })
        .collect()
}

#[test]
fn analysis_names_the_decisive_cells_and_resamples_the_panel_reproducibly() {
    // Three assessors. Means: A/Fin 4, A/Won 3, B/Fin 3.5 (one assessor sees it
    // very differently), B/Won 2.
    let scores = panel(&[
        ("g", "A", "Fin", 4.0),
        ("p", "A", "Fin", 4.0),
        ("m", "A", "Fin", 4.0),
        ("g", "A", "Won", 3.0),
        ("p", "A", "Won", 3.0),
        ("m", "A", "Won", 3.0),
        ("g", "B", "Fin", 5.0),
        ("p", "B", "Fin", 5.0),
        ("m", "B", "Fin", 0.5),
        ("g", "B", "Won", 2.0),
        ("p", "B", "Won", 2.0),
        ("m", "B", "Won", 2.0),
    ]);
    let options = AssignmentOptions {
        runners_up: 3,
        resamples: 500,
        seed: 7,
    };
    let out = analyse(&scores, &Constraints::default(), options).unwrap();
    // A→Fin + B→Won = 6; B→Fin + A→Won = 6.5.
    assert_eq!(out.best.total, 6.5);
    assert_eq!(out.runners_up.len(), 1);
    assert_eq!(out.runners_up[0].total, 6.0);
    // Either pair of the best, left out, forces the other allocation: margin 0.5.
    assert_eq!(out.decisive.len(), 2);
    assert!(out.decisive.iter().all(|d| d.margin == Some(0.5)));

    // When m is drawn often, B→Fin falls below 3.5 and the other allocation wins:
    // the best is not always best, and the same seed gives the same count.
    let r = out.robustness.clone().unwrap();
    assert_eq!(r.resamples, 500);
    assert!(r.same > 100 && r.same < 500, "{}", r.same);
    assert_eq!(r.no_allocation, 0);
    assert!(r
        .pairs
        .iter()
        .all(|(_, _, s)| (*s - f64::from(r.same) / 500.0).abs() < 1e-12));
    let again = analyse(&scores, &Constraints::default(), options).unwrap();
    assert_eq!(again.robustness, out.robustness);
    // P(best stays) = P(m drawn at most once in 3) = 1 − 7/27 = 20/27 ≈ 0.74.
    assert!((f64::from(r.same) / 500.0 - 20.0 / 27.0).abs() < 0.06);

    // One assessor: nothing to resample.
    let alone: Vec<_> = scores
        .iter()
        .filter(|s| s.assessor == "g")
        .cloned()
        .collect();
    assert!(analyse(&alone, &Constraints::default(), options)
        .unwrap()
        .robustness
        .is_none());
}
