//! The best candidate in the best place: the allocation of candidates to posts
//! (portefeuilles) with the highest total score.
//!
//! Every post gets exactly one candidate and every candidate fills at most one
//! post. A pair without a score is not allowed, nor is one the team rules out, nor
//! a post reserved for a party with a candidate of another party. The allocation
//! is an assignment problem, solved by the Kuhn-Munkres (Hungarian) algorithm of
//! the `pathfinding` crate; the runners-up come from Murty's partitioning of the
//! solution space over the same solver. It advises; the decision is the team's.

use std::collections::{BTreeSet, HashMap, HashSet};

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Text;

/// Largest score magnitude accepted: scores are solved in millionths as whole
/// numbers, and this keeps every sum far from overflowing.
pub const MAX_SCORE: f64 = 1_000_000.0;
/// At most this many posts; candidates at most ten times as many.
pub const MAX_POSTS: usize = 100;
const SCALE: f64 = 1_000_000.0;

/// The score of one candidate for one post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PairScore {
    pub candidate: String,
    pub post: String,
    pub score: f64,
}

/// One assessor's score of one candidate for one post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssessorPairScore {
    pub assessor: String,
    pub candidate: String,
    pub post: String,
    pub score: f64,
}

/// A post the coalition agreed goes to a candidate of `party`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostReservation {
    pub post: String,
    pub party: String,
}

/// The team's constraints beyond "one post per candidate".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Constraints {
    /// (candidate, post) pairs the team rules out.
    #[serde(default)]
    pub ruled_out: Vec<(String, String)>,
    #[serde(default)]
    pub reserved: Vec<PostReservation>,
    /// Candidate code → party; needed only for reserved posts.
    #[serde(default)]
    pub candidate_parties: HashMap<String, String>,
}

/// Candidates and posts with the score of every allowed pair.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignmentProblem {
    candidates: Vec<String>,
    posts: Vec<String>,
    /// `[post][candidate]`: the score, or `None` where the pair is not allowed.
    scores: Vec<Vec<Option<f64>>>,
}

/// One allocation: a candidate for every post, in the order posts first appear.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Allocation {
    pub pairs: Vec<PairScore>,
    pub total: f64,
}

/// A pair of the best allocation and what it is worth to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DecisiveCell {
    pub candidate: String,
    pub post: String,
    pub score: f64,
    /// How much the best total drops when this pair is not allowed: a score this
    /// much lower and another allocation would be as good. `None` when no
    /// allocation without this pair fills every post.
    pub margin: Option<f64>,
}

/// How the best allocation fares when the panel is resampled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Robustness {
    pub resamples: u32,
    #[ts(type = "number")]
    pub seed: u64,
    /// Resamples whose best allocation is the same as the best one.
    pub same: u32,
    /// Resamples in which no allocation filled every post.
    pub no_allocation: u32,
    /// Per pair of the best allocation: the share of resamples that keep it.
    pub pairs: Vec<(String, String, f64)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssignmentOptions {
    /// How many allocations after the best one to list.
    pub runners_up: usize,
    /// Resamples of the assessors; below 20 robustness is not computed.
    pub resamples: u32,
    #[ts(type = "number")]
    pub seed: u64,
}

impl Default for AssignmentOptions {
    fn default() -> Self {
        AssignmentOptions {
            runners_up: 3,
            resamples: 1000,
            seed: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssignmentAnalysis {
    pub best: Allocation,
    pub runners_up: Vec<Allocation>,
    /// Pairs of the best allocation, the one with the smallest margin first.
    pub decisive: Vec<DecisiveCell>,
    /// `None` with fewer than two assessors or 20 resamples.
    pub robustness: Option<Robustness>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[error("{}", self.message().en)]
pub enum AssignError {
    NoPosts,
    TooManyPosts {
        posts: usize,
    },
    MorePostsThanCandidates {
        posts: usize,
        candidates: usize,
    },
    DuplicatePair {
        candidate: String,
        post: String,
    },
    BadScore {
        candidate: String,
        post: String,
        score: f64,
    },
    UnknownCandidate {
        candidate: String,
    },
    UnknownPost {
        post: String,
    },
    /// No allocation fills every post: these posts together may go only to these
    /// (fewer) candidates.
    Infeasible {
        posts: Vec<String>,
        candidates: Vec<String>,
    },
}

fn list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

impl AssignError {
    pub fn message(&self) -> Text {
        match self {
            AssignError::NoPosts => Text::new("Er zijn geen posten om te verdelen.", "There are no posts to fill."),
            AssignError::TooManyPosts { posts } => Text::new(
                format!("{posts} posten is te veel; hoogstens {MAX_POSTS}."),
                format!("{posts} posts are too many; at most {MAX_POSTS}."),
            ),
            AssignError::MorePostsThanCandidates { posts, candidates } => {
                let (nl, en) = if *candidates == 1 {
                    ("kandidaat", "candidate")
                } else {
                    ("kandidaten", "candidates")
                };
                Text::new(
                    format!("Er zijn {posts} posten maar {candidates} {nl}: niet elke post kan een eigen kandidaat krijgen."),
                    format!("There are {posts} posts but {candidates} {en}: not every post can get a candidate of its own."),
                )
            }
            AssignError::DuplicatePair { candidate, post } => Text::new(
                format!("Kandidaat {candidate} heeft twee scores voor post {post}."),
                format!("Candidate {candidate} has two scores for post {post}."),
            ),
            AssignError::BadScore { candidate, post, score } => Text::new(
                format!("De score {score} van kandidaat {candidate} voor post {post} is geen getal tussen -{MAX_SCORE} en {MAX_SCORE}."),
                format!("The score {score} of candidate {candidate} for post {post} is not a number between -{MAX_SCORE} and {MAX_SCORE}."),
            ),
            AssignError::UnknownCandidate { candidate } => Text::new(
                format!("Kandidaat {candidate} heeft geen enkele score."),
                format!("Candidate {candidate} has no score at all."),
            ),
            AssignError::UnknownPost { post } => Text::new(
                format!("Post {post} heeft geen enkele score."),
                format!("Post {post} has no score at all."),
            ),
            AssignError::Infeasible { posts, candidates } if candidates.is_empty() => Text::new(
                format!("Geen enkele kandidaat mag naar {}, dus niet elke post kan worden vervuld.", list(posts, "of")),
                format!("No candidate may take {}, so not every post can be filled.", list(posts, "or")),
            ),
            AssignError::Infeasible { posts, candidates } => Text::new(
                format!(
                    "De {} posten {} kunnen alleen naar {} ({} {}), dus niet elke post kan een eigen kandidaat krijgen.",
                    posts.len(), list(posts, "en"), list(candidates, "of"), candidates.len(),
                    if candidates.len() == 1 { "kandidaat" } else { "kandidaten" }
                ),
                format!(
                    "The {} posts {} can only go to {} ({} {}), so not every post can get a candidate of its own.",
                    posts.len(), list(posts, "and"), list(candidates, "or"), candidates.len(),
                    if candidates.len() == 1 { "candidate" } else { "candidates" }
                ),
            ),
        }
    }
}

fn intern(names: &mut Vec<String>, index: &mut HashMap<String, usize>, name: &str) -> usize {
    *index.entry(name.to_owned()).or_insert_with(|| {
        names.push(name.to_owned());
        names.len() - 1
    })
}

fn check_score(candidate: &str, post: &str, score: f64) -> Result<(), AssignError> {
    if score.is_finite() && score.abs() <= MAX_SCORE {
        return Ok(());
    }
    Err(AssignError::BadScore {
        candidate: candidate.to_owned(),
        post: post.to_owned(),
        score,
    })
}

fn party_key(p: &str) -> String {
    p.trim().to_lowercase()
}

impl AssignmentProblem {
    /// Candidates and posts in the order they first appear in `scores`.
    pub fn new(
        scores: &[PairScore],
        constraints: &Constraints,
    ) -> Result<AssignmentProblem, AssignError> {
        let (mut candidates, mut posts) = (Vec::new(), Vec::new());
        let (mut ci, mut pi) = (HashMap::new(), HashMap::new());
        let mut keyed = Vec::with_capacity(scores.len());
        for s in scores {
            check_score(&s.candidate, &s.post, s.score)?;
            let c = intern(&mut candidates, &mut ci, &s.candidate);
            let p = intern(&mut posts, &mut pi, &s.post);
            keyed.push((p, c, s));
        }
        if posts.is_empty() {
            return Err(AssignError::NoPosts);
        }
        if posts.len() > MAX_POSTS || candidates.len() > 10 * MAX_POSTS {
            return Err(AssignError::TooManyPosts { posts: posts.len() });
        }
        let mut table = vec![vec![None; candidates.len()]; posts.len()];
        for (p, c, s) in keyed {
            if table[p][c].replace(s.score).is_some() {
                return Err(AssignError::DuplicatePair {
                    candidate: s.candidate.clone(),
                    post: s.post.clone(),
                });
            }
        }
        let cand = |c: &str| {
            ci.get(c).copied().ok_or(AssignError::UnknownCandidate {
                candidate: c.to_owned(),
            })
        };
        let post = |p: &str| {
            pi.get(p)
                .copied()
                .ok_or(AssignError::UnknownPost { post: p.to_owned() })
        };
        for (c, p) in &constraints.ruled_out {
            table[post(p)?][cand(c)?] = None;
        }
        for r in &constraints.reserved {
            let p = post(&r.post)?;
            for (c, code) in candidates.iter().enumerate() {
                let same = constraints
                    .candidate_parties
                    .get(code)
                    .is_some_and(|q| party_key(q) == party_key(&r.party));
                if !same {
                    table[p][c] = None;
                }
            }
        }
        if posts.len() > candidates.len() {
            return Err(AssignError::MorePostsThanCandidates {
                posts: posts.len(),
                candidates: candidates.len(),
            });
        }
        Ok(AssignmentProblem {
            candidates,
            posts,
            scores: table,
        })
    }

    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }

    pub fn posts(&self) -> &[String] {
        &self.posts
    }

    /// The score of `candidate` for `post`, if that pair is allowed.
    pub fn score(&self, post: usize, candidate: usize) -> Option<f64> {
        self.scores[post][candidate]
    }

    fn allocation(&self, chosen: &[usize]) -> Allocation {
        let pairs: Vec<PairScore> = chosen
            .iter()
            .enumerate()
            .map(|(p, &c)| PairScore {
                candidate: self.candidates[c].clone(),
                post: self.posts[p].clone(),
                score: self.scores[p][c].expect("allocations use allowed pairs"),
            })
            .collect();
        let total = pairs.iter().map(|p| p.score).sum();
        Allocation { pairs, total }
    }

    /// The best allocation under `forced` (post → candidate) and `forbidden`
    /// pairs, as the candidate per post, or `None` if no allocation fills every post.
    fn solve(
        &self,
        forced: &[(usize, usize)],
        forbidden: &HashSet<(usize, usize)>,
    ) -> Option<Vec<usize>> {
        let (np, nc) = (self.posts.len(), self.candidates.len());
        let allowed = |p: usize, c: usize| {
            self.scores[p][c].is_some()
                && !forbidden.contains(&(p, c))
                && forced.iter().all(|&(fp, fc)| (fp == p) == (fc == c))
        };
        let weight = |s: f64| (s * SCALE).round() as i64;
        let max_abs = self
            .scores
            .iter()
            .flatten()
            .flatten()
            .map(|&s| weight(s).abs())
            .max()
            .unwrap_or(0);
        // Any allocation through a disallowed pair totals less than any without.
        let penalty = -(1 + 2 * np as i64 * max_abs);
        let cells: Vec<i64> = (0..np)
            .flat_map(|p| (0..nc).map(move |c| (p, c)))
            .map(|(p, c)| {
                if allowed(p, c) {
                    weight(self.scores[p][c].expect("allowed"))
                } else {
                    penalty
                }
            })
            .collect();
        let matrix = Matrix::from_vec(np, nc, cells).expect("np × nc cells");
        let (_, chosen) = kuhn_munkres(&matrix);
        chosen
            .iter()
            .enumerate()
            .all(|(p, &c)| allowed(p, c))
            .then_some(chosen)
    }

    /// Why no allocation fills every post: a set of posts whose allowed candidates
    /// are fewer than they are (Hall's condition), found from a maximum matching.
    fn infeasible(&self) -> AssignError {
        let (np, nc) = (self.posts.len(), self.candidates.len());
        let cells: Vec<i64> = (0..np)
            .flat_map(|p| (0..nc).map(move |c| i64::from(self.scores[p][c].is_some())))
            .collect();
        let matrix = Matrix::from_vec(np, nc, cells).expect("np × nc cells");
        let (_, chosen) = kuhn_munkres(&matrix);
        let mut post_of: HashMap<usize, usize> = HashMap::new();
        for (p, &c) in chosen.iter().enumerate() {
            if self.scores[p][c].is_some() {
                post_of.insert(c, p);
            }
        }
        let Some(start) = (0..np).find(|&p| self.scores[p][chosen[p]].is_none()) else {
            return AssignError::Infeasible {
                posts: vec![],
                candidates: vec![],
            };
        };
        // Posts reachable from an unmatched post along alternating paths, and their
        // allowed candidates: all matched, to posts in the set, one fewer than it.
        let (mut posts, mut cands) = (BTreeSet::from([start]), BTreeSet::new());
        let mut queue = vec![start];
        while let Some(p) = queue.pop() {
            for c in (0..nc).filter(|&c| self.scores[p][c].is_some()) {
                if cands.insert(c) {
                    if let Some(&q) = post_of.get(&c) {
                        if posts.insert(q) {
                            queue.push(q);
                        }
                    }
                }
            }
        }
        AssignError::Infeasible {
            posts: posts.iter().map(|&p| self.posts[p].clone()).collect(),
            candidates: cands.iter().map(|&c| self.candidates[c].clone()).collect(),
        }
    }

    /// Murty's k-best assignments over the Kuhn-Munkres solver, best first.
    fn ranked(&self, k: usize) -> Result<Vec<Vec<usize>>, AssignError> {
        struct Node {
            forced: Vec<(usize, usize)>,
            forbidden: HashSet<(usize, usize)>,
            solution: Vec<usize>,
            total: i64,
        }
        let total = |s: &[usize]| -> i64 {
            s.iter()
                .enumerate()
                .map(|(p, &c)| (self.scores[p][c].expect("allowed") * SCALE).round() as i64)
                .sum()
        };
        let Some(first) = self.solve(&[], &HashSet::new()) else {
            return Err(self.infeasible());
        };
        let mut queue = vec![Node {
            forced: vec![],
            forbidden: HashSet::new(),
            total: total(&first),
            solution: first,
        }];
        let mut out = Vec::new();
        while out.len() < k {
            // The best node left; ties go to the one found first.
            let Some(best) = queue
                .iter()
                .enumerate()
                .rev()
                .max_by_key(|(_, n)| n.total)
                .map(|(i, _)| i)
            else {
                break;
            };
            let node = queue.remove(best);
            let free: Vec<usize> = (0..self.posts.len())
                .filter(|p| !node.forced.iter().any(|&(fp, _)| fp == *p))
                .collect();
            let mut forced = node.forced.clone();
            for &p in &free {
                let mut forbidden = node.forbidden.clone();
                forbidden.insert((p, node.solution[p]));
                if let Some(s) = self.solve(&forced, &forbidden) {
                    queue.push(Node {
                        forced: forced.clone(),
                        total: total(&s),
                        solution: s,
                        forbidden,
                    });
                }
                forced.push((p, node.solution[p]));
            }
            out.push(node.solution);
        }
        Ok(out)
    }
}

/// The allocation with the highest total score.
pub fn best_allocation(problem: &AssignmentProblem) -> Result<Allocation, AssignError> {
    let best = problem.ranked(1)?;
    Ok(problem.allocation(&best[0]))
}

/// The best `k` allocations, best first (fewer when there are not that many).
pub fn ranked_allocations(
    problem: &AssignmentProblem,
    k: usize,
) -> Result<Vec<Allocation>, AssignError> {
    Ok(problem
        .ranked(k)?
        .iter()
        .map(|s| problem.allocation(s))
        .collect())
}

/// Per pair of the best allocation, how much the best total drops without it.
fn decisive_cells(problem: &AssignmentProblem, best: &[usize]) -> Vec<DecisiveCell> {
    let best_total = problem.allocation(best).total;
    let mut cells: Vec<DecisiveCell> = best
        .iter()
        .enumerate()
        .map(|(p, &c)| {
            let without = problem
                .solve(&[], &HashSet::from([(p, c)]))
                .map(|s| problem.allocation(&s).total);
            DecisiveCell {
                candidate: problem.candidates[c].clone(),
                post: problem.posts[p].clone(),
                score: problem.scores[p][c].expect("allowed"),
                margin: without.map(|t| best_total - t),
            }
        })
        .collect();
    cells.sort_by(|a, b| match (a.margin, b.margin) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    cells
}

/// The mean score per pair over the assessors who scored it.
pub fn mean_scores(scores: &[AssessorPairScore]) -> Vec<PairScore> {
    let mut order: Vec<(String, String)> = Vec::new();
    let mut sums: HashMap<(String, String), (f64, usize)> = HashMap::new();
    for s in scores {
        let k = (s.candidate.clone(), s.post.clone());
        let e = sums.entry(k.clone()).or_insert_with(|| {
            order.push(k);
            (0.0, 0)
        });
        e.0 += s.score;
        e.1 += 1;
    }
    order
        .into_iter()
        .map(|k| {
            let (sum, n) = sums[&k];
            PairScore {
                candidate: k.0,
                post: k.1,
                score: sum / n as f64,
            }
        })
        .collect()
}

/// The best allocation of the panel's mean scores, its runners-up, the cells that
/// decide it, and how often it stays best when the assessors are resampled with
/// replacement (seeded: the same seed gives the same result).
pub fn analyse(
    scores: &[AssessorPairScore],
    constraints: &Constraints,
    options: AssignmentOptions,
) -> Result<AssignmentAnalysis, AssignError> {
    let mut seen = HashSet::new();
    for s in scores {
        check_score(&s.candidate, &s.post, s.score)?;
        if !seen.insert((&s.assessor, &s.candidate, &s.post)) {
            return Err(AssignError::DuplicatePair {
                candidate: s.candidate.clone(),
                post: s.post.clone(),
            });
        }
    }
    let problem = AssignmentProblem::new(&mean_scores(scores), constraints)?;
    let ranked = problem.ranked(options.runners_up + 1)?;
    let best = &ranked[0];
    let decisive = decisive_cells(&problem, best);

    let mut assessors: Vec<&str> = Vec::new();
    for s in scores {
        if !assessors.contains(&s.assessor.as_str()) {
            assessors.push(&s.assessor);
        }
    }
    let robustness = (assessors.len() >= 2 && options.resamples >= 20).then(|| {
        let (np, nc) = (problem.posts.len(), problem.candidates.len());
        let ai: HashMap<&str, usize> = assessors.iter().enumerate().map(|(i, a)| (*a, i)).collect();
        let pi: HashMap<&str, usize> = problem
            .posts
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_str(), i))
            .collect();
        let ci: HashMap<&str, usize> = problem
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), i))
            .collect();
        // Per pair: (assessor, score).
        let mut by_pair: Vec<Vec<(usize, f64)>> = vec![Vec::new(); np * nc];
        for s in scores {
            by_pair[pi[s.post.as_str()] * nc + ci[s.candidate.as_str()]]
                .push((ai[s.assessor.as_str()], s.score));
        }
        let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
        let (mut same, mut none) = (0u32, 0u32);
        let mut kept = vec![0u32; np];
        for _ in 0..options.resamples {
            let mut weight = vec![0u32; assessors.len()];
            for _ in 0..assessors.len() {
                weight[rng.random_range(0..assessors.len())] += 1;
            }
            let mut resampled = problem.clone();
            for p in 0..np {
                for c in 0..nc {
                    if problem.scores[p][c].is_none() {
                        continue;
                    }
                    let (sum, n) = by_pair[p * nc + c]
                        .iter()
                        .fold((0.0, 0u32), |(s, n), &(a, v)| {
                            (s + f64::from(weight[a]) * v, n + weight[a])
                        });
                    resampled.scores[p][c] = (n > 0).then(|| sum / f64::from(n));
                }
            }
            match resampled.solve(&[], &HashSet::new()) {
                None => none += 1,
                Some(s) => {
                    if &s == best {
                        same += 1;
                    }
                    for p in 0..np {
                        if s[p] == best[p] {
                            kept[p] += 1;
                        }
                    }
                }
            }
        }
        Robustness {
            resamples: options.resamples,
            seed: options.seed,
            same,
            no_allocation: none,
            pairs: (0..np)
                .map(|p| {
                    (
                        problem.candidates[best[p]].clone(),
                        problem.posts[p].clone(),
                        f64::from(kept[p]) / f64::from(options.resamples),
                    )
                })
                .collect(),
        }
    });
    Ok(AssignmentAnalysis {
        best: problem.allocation(best),
        runners_up: ranked[1..].iter().map(|s| problem.allocation(s)).collect(),
        decisive,
        robustness,
    })
}
