//! The one read path for scores: what a person may see of a round, and when.
//!
//! The rule, with the reason: until the chair reveals the round, nobody sees anyone
//! else's scores — not after submitting either, and not the chair. Seeing a
//! colleague's level first anchors your own (Englich, Mussweiler & Strack 2006:
//! even judges anchor on numbers), and the point of independent scoring is that
//! the discussion starts from judgements nobody has been able to shape. Before
//! the reveal a person sees their own sheet and the number of sheets submitted
//! ("3 of 5"); not who submitted, no totals, no rankings, no levels.
//! After the reveal, every participant sees the whole comparison sheet.

use serde::Serialize;
use ts_rs::TS;

use super::compare::{self, ComparisonSheet};
use super::posts::{criterion_groups, CriterionGroups};
use super::round::{AssessorPlan, CellRef, RoundProgress, RoundStatus};
use super::{Actor, Round, ScoringError, Sheet};
use crate::rubric::Rubric;
use crate::team::Role;

/// What [`view_for`] hands out.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "view", rename_all = "snake_case")]
#[ts(export)]
pub enum RoundView {
    /// An assessor before the reveal: their own work and the progress count.
    Scoring {
        round: u32,
        status: RoundStatus,
        rubric: Rubric,
        work: Box<AssessorWork>,
        progress: RoundProgress,
    },
    /// A chair or secretary who does not score in this round, before the reveal.
    Waiting {
        round: u32,
        status: RoundStatus,
        progress: RoundProgress,
    },
    /// Anyone taking part, after the reveal.
    Revealed { comparison: Box<ComparisonSheet> },
}

/// One assessor's own part of a round, and nothing of anyone else's.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AssessorWork {
    pub plan: AssessorPlan,
    /// Codes of candidates this assessor does not score (conflict of interest).
    pub excluded: Vec<String>,
    /// The cells to score, in this assessor's order.
    pub cells: Vec<CellRef>,
    /// Their sheet so far; null before they saved anything.
    pub sheet: Option<Sheet>,
    /// In a round for several posts: the criteria every post shares, then each
    /// post's own; null in a round on one rubric.
    pub groups: Option<CriterionGroups>,
}

/// What `viewer` may see of `round`, given every sheet the store holds (any round:
/// sheets of other rounds are ignored). Every screen and export that shows scores
/// must get them from here.
///
/// - Before the reveal, an assessor of the round gets [`RoundView::Scoring`]: their own
///   sheet, order and exclusions, and the count of submitted sheets — the same
///   before and after they submit. A chair or secretary who does not score gets
///   [`RoundView::Waiting`] with only the count.
/// - After the reveal, the round's assessors, chairs and secretaries get
///   [`RoundView::Revealed`] with the comparison sheet.
/// - Anyone else (a trainer, a party committee member, someone from another round)
///   gets [`ScoringError::NotParticipant`].
///
/// Inconsistent stored sheets (a sheet by someone outside the round, two sheets by
/// one assessor) make this fail rather than show a guess.
pub fn view_for(
    viewer: &Actor,
    round: &Round,
    sheets: &[Sheet],
) -> Result<RoundView, ScoringError> {
    let is_assessor = round.is_assessor(&viewer.id);
    let organises = matches!(viewer.role, Role::Chair | Role::Secretary);
    if !is_assessor && !organises {
        return Err(ScoringError::NotParticipant);
    }
    if round.is_revealed() {
        return Ok(RoundView::Revealed {
            comparison: Box::new(compare::build(round, sheets)?),
        });
    }
    let progress = round.progress(sheets)?;
    if !is_assessor {
        return Ok(RoundView::Waiting {
            round: round.number(),
            status: round.status().clone(),
            progress,
        });
    }
    let own = sheets
        .iter()
        .find(|s| s.round() == round.number() && s.assessor() == viewer.id)
        .cloned();
    Ok(RoundView::Scoring {
        round: round.number(),
        status: round.status().clone(),
        rubric: round.rubric().clone(),
        work: Box::new(AssessorWork {
            plan: round.plan(&viewer.id)?.clone(),
            excluded: round
                .exclusions()
                .iter()
                .filter(|e| e.assessor == viewer.id)
                .map(|e| e.candidate.clone())
                .collect(),
            cells: round.work_order(&viewer.id)?,
            sheet: own,
            groups: criterion_groups(round),
        }),
        progress,
    })
}
