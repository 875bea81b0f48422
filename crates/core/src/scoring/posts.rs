//! Several posts (portefeuilles) scored in one round.
//!
//! A post has its own frozen rubric: the generic criteria every wethouder needs plus a
//! portfolio part (as the 80/20 templates do). A round for several posts scores every
//! criterion once per candidate: a criterion that several posts share (the same id)
//! must mean the same in each of them (name, definition, indicators, anchors,
//! knockout; only its weight may differ), and its cell counts for every post that has
//! it. The weighted total of a candidate for a post combines the cells by that post's
//! weights, so the generic criteria are scored once and weighed per post.
//!
//! A round without posts is the single-rubric round it always was; nothing here
//! changes it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::round::{check_rubric, rubric_hash};
use super::{is_blank, AssessorTotal, Round, ScoringError, Sheet};
use crate::formation::{
    analyse, AssessorPairScore, AssignError, AssignmentAnalysis, AssignmentOptions, Constraints,
};
use crate::i18n::Text;
use crate::rubric::{Criterion, Rubric};

/// Longest post id and name.
pub const MAX_POST_CHARS: usize = 80;

/// A post the team fills, with its frozen rubric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Post {
    /// Short, stable id (letters, digits, '-').
    pub id: String,
    /// What the team calls it: "Financiën".
    pub name: String,
    pub rubric: Rubric,
}

/// One criterion's weight for one post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostWeight {
    pub criterion: String,
    pub weight: u32,
}

/// A post as a round keeps it: which rubric (by id, version and hash) and the weight
/// of each of its criteria. The criteria themselves are in the round's rubric.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoundPost {
    pub id: String,
    pub name: String,
    pub rubric_id: String,
    pub rubric_version: u32,
    pub rubric_hash: String,
    /// In the post's rubric order; the weights add up to 100.
    pub weights: Vec<PostWeight>,
}

/// How a scoring sheet groups the criteria of a round with posts: the criteria every
/// post shares first, then each post's own part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CriterionGroups {
    /// Criteria of every post, scored once.
    pub generic: Vec<String>,
    pub posts: Vec<PostPart>,
}

/// The criteria of one post that not every post has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostPart {
    pub post: String,
    pub name: String,
    pub criteria: Vec<String>,
}

/// One post's part of the comparison sheet: each candidate's weighted total for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostSection {
    pub post: String,
    pub name: String,
    pub weights: Vec<PostWeight>,
    /// In the round's candidate order.
    pub candidates: Vec<PostCandidate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostCandidate {
    pub code: String,
    /// Per assessor (column order): the weighted total on 0–100 for this post, null
    /// when the assessor was excluded for the candidate or did not submit.
    pub totals: Vec<AssessorTotal>,
    pub mean_total: Option<f64>,
    /// The mean level on one of this post's knockout criteria lies below its level.
    pub knocked_out: bool,
}

/// Builds the rubric a round with posts is scored on: every criterion once, in the
/// order the posts first name them, each with the weight its first post gives it (the
/// totals per post use the posts' own weights). Each post's rubric must be scorable
/// on its own, all on the same scale, and a criterion in several posts must be the
/// same criterion in each.
pub fn combine_posts(posts: &[Post]) -> Result<(Rubric, Vec<RoundPost>), ScoringError> {
    let first = posts.first().ok_or(ScoringError::NoPosts)?;
    let mut ids = BTreeSet::new();
    let mut criteria: Vec<Criterion> = Vec::new();
    let mut round_posts = Vec::new();
    for post in posts {
        check_post_names(post)?;
        if !ids.insert(post.id.as_str()) {
            return Err(ScoringError::DuplicatePost {
                post: post.id.clone(),
            });
        }
        check_rubric(&post.rubric).map_err(|e| match e {
            ScoringError::RubricNotScorable { problem } => ScoringError::PostRubricNotScorable {
                post: post.name.clone(),
                problem,
            },
            other => other,
        })?;
        if post.rubric.scale != first.rubric.scale {
            return Err(ScoringError::PostScalesDiffer {
                post: post.name.clone(),
            });
        }
        for c in &post.rubric.criteria {
            match criteria.iter().find(|known| known.id == c.id) {
                Some(known) if !same_criterion(known, c) => {
                    return Err(ScoringError::PostCriterionDiffers {
                        criterion: c.id.clone(),
                        post: post.name.clone(),
                    })
                }
                Some(_) => {}
                None => criteria.push(c.clone()),
            }
        }
        round_posts.push(RoundPost {
            id: post.id.clone(),
            name: post.name.trim().to_owned(),
            rubric_id: post.rubric.id.clone(),
            rubric_version: post.rubric.version,
            rubric_hash: rubric_hash(&post.rubric),
            weights: post
                .rubric
                .criteria
                .iter()
                .map(|c| PostWeight {
                    criterion: c.id.clone(),
                    weight: c.weight,
                })
                .collect(),
        });
    }
    let rubric = Rubric {
        id: format!(
            "posten:{}",
            posts
                .iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
                .join("+")
        ),
        title: round_posts
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(" + "),
        version: 1,
        scale: first.rubric.scale,
        criteria,
    };
    Ok((rubric, round_posts))
}

fn check_post_names(post: &Post) -> Result<(), ScoringError> {
    let id_ok = !post.id.is_empty()
        && post.id.chars().count() <= MAX_POST_CHARS
        && post
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return Err(ScoringError::BadPostId {
            post: post.id.clone(),
        });
    }
    if is_blank(&post.name) || post.name.chars().count() > MAX_POST_CHARS {
        return Err(ScoringError::BadPostName {
            post: post.id.clone(),
        });
    }
    Ok(())
}

/// The same criterion apart from its weight.
fn same_criterion(a: &Criterion, b: &Criterion) -> bool {
    Criterion {
        weight: 0,
        ..a.clone()
    } == Criterion {
        weight: 0,
        ..b.clone()
    }
}

/// The criteria every post of the round has, then each post's own part; `None` for
/// a round without posts.
pub fn criterion_groups(round: &Round) -> Option<CriterionGroups> {
    let posts = round.posts();
    if posts.is_empty() {
        return None;
    }
    let in_post = |p: &RoundPost, id: &str| p.weights.iter().any(|w| w.criterion == id);
    let generic: Vec<String> = round
        .rubric()
        .criteria
        .iter()
        .filter(|c| posts.iter().all(|p| in_post(p, &c.id)))
        .map(|c| c.id.clone())
        .collect();
    Some(CriterionGroups {
        posts: posts
            .iter()
            .map(|p| PostPart {
                post: p.id.clone(),
                name: p.name.clone(),
                criteria: p
                    .weights
                    .iter()
                    .filter(|w| !generic.contains(&w.criterion))
                    .map(|w| w.criterion.clone())
                    .collect(),
            })
            .collect(),
        generic,
    })
}

/// One assessor's weighted total (0–100) for a candidate and a post: the post's
/// weights over the normalised levels of its criteria. `None` when a cell of the post
/// has no level on the sheet.
pub fn post_total(round: &Round, post: &RoundPost, sheet: &Sheet, candidate: &str) -> Option<f64> {
    let scale = round.rubric().scale;
    let range = f64::from(scale.max - scale.min);
    post.weights
        .iter()
        .map(|w| {
            let level = sheet.score(candidate, &w.criterion)?.level?;
            Some(f64::from(w.weight) * f64::from(level.saturating_sub(scale.min)) / range)
        })
        .sum()
}

/// Every post's section of a revealed round's comparison sheet (empty without posts).
pub(crate) fn sections(round: &Round, sheets: &[Sheet]) -> Result<Vec<PostSection>, ScoringError> {
    let submitted = round.submitted_sheets(sheets)?;
    let assessors: Vec<&str> = round.assessor_ids().collect();
    Ok(round
        .posts()
        .iter()
        .map(|post| PostSection {
            post: post.id.clone(),
            name: post.name.clone(),
            weights: post.weights.clone(),
            candidates: round
                .candidates()
                .iter()
                .map(|code| {
                    let totals: Vec<AssessorTotal> = assessors
                        .iter()
                        .map(|a| AssessorTotal {
                            assessor: (*a).to_owned(),
                            total: if round.is_excluded(a, code) {
                                None
                            } else {
                                submitted
                                    .get(*a)
                                    .and_then(|sheet| post_total(round, post, sheet, code))
                            },
                        })
                        .collect();
                    let given: Vec<f64> = totals.iter().filter_map(|t| t.total).collect();
                    let knocked_out = post.weights.iter().any(|w| {
                        let Some(k) = round
                            .rubric()
                            .criterion(&w.criterion)
                            .and_then(|c| c.knockout)
                        else {
                            return false;
                        };
                        let levels: Vec<f64> = submitted
                            .values()
                            .filter(|s| !round.is_excluded(s.assessor(), code))
                            .filter_map(|s| s.score(code, &w.criterion)?.level)
                            .map(f64::from)
                            .collect();
                        !levels.is_empty()
                            && levels.iter().sum::<f64>() / (levels.len() as f64) < f64::from(k)
                    });
                    PostCandidate {
                        code: code.clone(),
                        mean_total: (!given.is_empty())
                            .then(|| given.iter().sum::<f64>() / given.len() as f64),
                        totals,
                        knocked_out,
                    }
                })
                .collect(),
        })
        .collect())
}

/// Why no allocation advice can be given.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum AllocationError {
    #[error("{0}")]
    Scoring(ScoringError),
    #[error("{0}")]
    Assign(AssignError),
}

impl AllocationError {
    pub fn message(&self) -> Text {
        match self {
            AllocationError::Scoring(e) => e.message(),
            AllocationError::Assign(e) => e.message(),
        }
    }
}

/// The allocation advice from a revealed round with posts: every submitted assessor's
/// weighted total per (candidate, post), given to the assignment solver
/// ([`crate::formation::assign`]) with the team's constraints. A candidate an assessor
/// was excluded for takes that assessor's place out of the mean for that candidate. A
/// candidate knocked out on a post's knockout criterion is ruled out for that post.
/// Only after the reveal: it is advice from revealed scores.
pub fn allocation_advice(
    round: &Round,
    sheets: &[Sheet],
    constraints: &Constraints,
    options: AssignmentOptions,
) -> Result<AssignmentAnalysis, AllocationError> {
    if !round.is_revealed() {
        return Err(AllocationError::Scoring(ScoringError::NotRevealed));
    }
    if round.posts().is_empty() {
        return Err(AllocationError::Scoring(ScoringError::NoPosts));
    }
    for (candidate, post) in &constraints.ruled_out {
        round
            .require_candidate(candidate)
            .map_err(AllocationError::Scoring)?;
        if !round.posts().iter().any(|p| &p.id == post) {
            return Err(AllocationError::Scoring(ScoringError::UnknownPost {
                post: post.clone(),
            }));
        }
    }
    for r in &constraints.reserved {
        if !round.posts().iter().any(|p| p.id == r.post) {
            return Err(AllocationError::Scoring(ScoringError::UnknownPost {
                post: r.post.clone(),
            }));
        }
    }
    let section = sections(round, sheets).map_err(AllocationError::Scoring)?;
    let mut constraints = constraints.clone();
    let mut scores = Vec::new();
    for s in &section {
        for c in &s.candidates {
            if c.knocked_out {
                constraints.ruled_out.push((c.code.clone(), s.post.clone()));
            }
            for t in &c.totals {
                if let Some(total) = t.total {
                    scores.push(AssessorPairScore {
                        assessor: t.assessor.clone(),
                        candidate: c.code.clone(),
                        post: s.post.clone(),
                        score: total,
                    });
                }
            }
        }
    }
    analyse(&scores, &constraints, options).map_err(AllocationError::Assign)
}
