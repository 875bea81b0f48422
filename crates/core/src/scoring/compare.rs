//! The comparison sheet a team discusses after a round is revealed.
//!
//! Built only by [`view_for`](super::view_for) once the round is revealed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::posts::{sections, PostSection};
use super::{Round, ScoringError, Sheet};
use crate::rubric::Scale;

/// A spread of this many levels or more between the lowest and highest score in a
/// cell is flagged for discussion: averaging would hide it.
pub const LARGE_DISAGREEMENT: u8 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComparisonSheet {
    pub round: u32,
    pub rubric_hash: String,
    pub scale: Scale,
    pub criteria: Vec<ComparisonCriterion>,
    /// Every assessor of the round, sorted by id; `submitted: false` marks a
    /// missing sheet.
    pub assessors: Vec<AssessorColumn>,
    /// Sorted by code, not by total: the sheet is for discussing evidence, not a
    /// leaderboard to anchor on.
    pub candidates: Vec<CandidateRow>,
    /// In a round for several posts: one section per post with each candidate's total
    /// for it. Then the rows' own totals are empty (a total needs one post's weights).
    pub posts: Vec<PostSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComparisonCriterion {
    pub id: String,
    pub name: String,
    pub weight: u32,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub knockout: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssessorColumn {
    pub assessor: String,
    pub submitted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CandidateRow {
    pub code: String,
    /// In the rubric's criterion order.
    pub cells: Vec<ComparisonCell>,
    /// Per assessor (column order): the weighted total on 0–100, or null when the
    /// assessor was excluded for this candidate or did not submit.
    pub totals: Vec<AssessorTotal>,
    /// The mean of the assessors' totals, null when nobody scored the candidate.
    pub mean_total: Option<f64>,
    /// True when any criterion is [`Knockout::Out`].
    pub knocked_out: bool,
    /// The candidate withdrew or asked for erasure after scoring: their name and
    /// texts are gone, their code and scores stay. Set by the store, which knows.
    pub withdrawn: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssessorTotal {
    pub assessor: String,
    pub total: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComparisonCell {
    pub criterion: String,
    /// One entry per assessor, in column order.
    pub entries: Vec<CellEntry>,
    /// Over the scored entries; null when there are none.
    pub stats: Option<CellStats>,
    /// Spread of at least [`LARGE_DISAGREEMENT`] levels.
    pub large_disagreement: bool,
    pub knockout: Knockout,
}

/// What one assessor contributed to a cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum CellEntry {
    Scored {
        assessor: String,
        level: u8,
        evidence: String,
        /// The reason given for changing the level since the previous round.
        #[ts(optional)]
        #[serde(skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Shown as "excluded (conflict)". The kind of conflict is deliberately left out:
    /// "family" next to a code would tell the table who the candidate is.
    Excluded { assessor: String },
    /// The assessor's sheet was not submitted when the round closed.
    Missing { assessor: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CellStats {
    pub n: u32,
    pub min: u8,
    pub max: u8,
    pub spread: u8,
    pub mean: f64,
}

/// A criterion's knockout for one candidate.
///
/// The rule: the candidate is out on a criterion when the **mean** level of the
/// assessors who scored it lies below the criterion's knockout level. One assessor
/// below it is not enough to rule someone out — that would hand every single
/// negotiator a veto, including over another party's candidates — but it is never
/// hidden either: it shows as a `warning` naming those assessors, to be discussed
/// before the next round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum Knockout {
    /// No knockout level, or nobody scored below it.
    Clear,
    /// Some assessors scored below the knockout level, the mean did not fall below it.
    Warning { assessors: Vec<String> },
    /// The mean level is below the knockout level.
    Out,
}

pub(crate) fn build(round: &Round, sheets: &[Sheet]) -> Result<ComparisonSheet, ScoringError> {
    let submitted = round.submitted_sheets(sheets)?;
    let rubric = round.rubric();
    let scale = rubric.scale;
    let range = f64::from(scale.max - scale.min);
    let assessors: Vec<AssessorColumn> = round
        .assessor_ids()
        .map(|id| AssessorColumn {
            assessor: id.to_owned(),
            submitted: submitted.contains_key(id),
        })
        .collect();

    let candidates = round
        .candidates()
        .iter()
        .map(|code| {
            let cells: Vec<ComparisonCell> = rubric
                .criteria
                .iter()
                .map(|criterion| {
                    let entries: Vec<CellEntry> = assessors
                        .iter()
                        .map(|col| {
                            let assessor = col.assessor.clone();
                            if round.is_excluded(&col.assessor, code) {
                                return CellEntry::Excluded { assessor };
                            }
                            let score = submitted
                                .get(col.assessor.as_str())
                                .and_then(|sheet| sheet.score(code, &criterion.id));
                            match score {
                                Some(s) => match s.level {
                                    Some(level) => CellEntry::Scored {
                                        assessor,
                                        level,
                                        evidence: s.evidence.clone(),
                                        reason: s.reason.clone(),
                                    },
                                    None => CellEntry::Missing { assessor },
                                },
                                None => CellEntry::Missing { assessor },
                            }
                        })
                        .collect();
                    let scored: Vec<(&str, u8)> = entries
                        .iter()
                        .filter_map(|e| match e {
                            CellEntry::Scored {
                                assessor, level, ..
                            } => Some((assessor.as_str(), *level)),
                            _ => None,
                        })
                        .collect();
                    let stats = cell_stats(scored.iter().map(|(_, l)| *l));
                    let knockout = match (criterion.knockout, stats) {
                        (Some(k), Some(stats)) if stats.mean < f64::from(k) => Knockout::Out,
                        (Some(k), Some(_)) => {
                            let below: Vec<String> = scored
                                .iter()
                                .filter(|(_, level)| *level < k)
                                .map(|(a, _)| (*a).to_owned())
                                .collect();
                            if below.is_empty() {
                                Knockout::Clear
                            } else {
                                Knockout::Warning { assessors: below }
                            }
                        }
                        _ => Knockout::Clear,
                    };
                    ComparisonCell {
                        criterion: criterion.id.clone(),
                        large_disagreement: stats.is_some_and(|s| s.spread >= LARGE_DISAGREEMENT),
                        entries,
                        stats,
                        knockout,
                    }
                })
                .collect();

            let by_posts = !round.posts().is_empty();
            let totals: Vec<AssessorTotal> = assessors
                .iter()
                .filter(|_| !by_posts)
                .enumerate()
                .map(|(i, col)| {
                    // Weights add up to 100 (checked when the round opened), so the sum
                    // of weight × normalised level lies on 0–100.
                    let total = rubric
                        .criteria
                        .iter()
                        .zip(&cells)
                        .map(|(criterion, cell)| match &cell.entries[i] {
                            CellEntry::Scored { level, .. } => Some(
                                f64::from(criterion.weight) * f64::from(level - scale.min) / range,
                            ),
                            _ => None,
                        })
                        .sum::<Option<f64>>();
                    AssessorTotal {
                        assessor: col.assessor.clone(),
                        total,
                    }
                })
                .collect();
            let given: Vec<f64> = totals.iter().filter_map(|t| t.total).collect();
            let mean_total =
                (!given.is_empty()).then(|| given.iter().sum::<f64>() / given.len() as f64);
            CandidateRow {
                code: code.clone(),
                knocked_out: cells.iter().any(|c| c.knockout == Knockout::Out),
                cells,
                totals,
                mean_total,
                withdrawn: false,
            }
        })
        .collect();

    Ok(ComparisonSheet {
        round: round.number(),
        rubric_hash: round.rubric_hash().to_owned(),
        scale,
        criteria: rubric
            .criteria
            .iter()
            .map(|c| ComparisonCriterion {
                id: c.id.clone(),
                name: c.name.clone(),
                weight: c.weight,
                knockout: c.knockout,
            })
            .collect(),
        assessors,
        candidates,
        posts: sections(round, sheets)?,
    })
}

fn cell_stats(levels: impl Iterator<Item = u8> + Clone) -> Option<CellStats> {
    let n = levels.clone().count();
    let min = levels.clone().min()?;
    let max = levels.clone().max()?;
    let mean = levels.map(f64::from).sum::<f64>() / n as f64;
    Some(CellStats {
        n: n as u32,
        min,
        max,
        spread: max - min,
        mean,
    })
}
