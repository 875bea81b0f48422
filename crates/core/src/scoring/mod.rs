//! Independent, blinded scoring on a frozen rubric.
//!
//! The order of events a team goes through, and the rule that guards each step:
//!
//! 1. A chair opens a [`Round`] on a frozen [`Rubric`](crate::rubric::Rubric) with the
//!    candidates' codes (never their names: see [`BlindedCandidate`]) and the assessors.
//!    Each assessor gets the candidates, and in chunked mode the criteria, in an order of
//!    their own drawn from the round's recorded seed, so order effects do not pile up
//!    on one candidate.
//! 2. Every assessor fills in a [`Sheet`]: a level and an evidence note per cell.
//!    Drafts may be incomplete; submitting needs every cell not excluded by a conflict
//!    of interest; a submitted sheet is locked.
//! 3. Nobody sees anybody else's scores before the round is revealed: [`view_for`] is
//!    the one read path, and before the reveal it hands out only the viewer's own sheet
//!    and a count of submitted sheets.
//! 4. The chair reveals the round once every sheet is in, or closes it first (which
//!    records who is missing) and then reveals. After the reveal everyone sees the
//!    [`ComparisonSheet`].
//! 5. After the discussion the chair may open the next round on the same rubric. Any
//!    level that differs from the same assessor's previous one needs a reason;
//!    [`revisions`] lists those changes for the log. Nothing is overwritten: every
//!    round keeps its own sheets.
//! 6. A [`Decision`] can be recorded only for a revealed round, and candidates may be
//!    unblinded only after that, once, by a chair ([`may_unblind`]).
//!
//! Time and randomness come in as arguments (`at` timestamps, 32-byte seeds): this
//! crate has no clock and no entropy source.

mod compare;
mod decision;
mod dissent;
mod error;
mod material;
mod order;
mod posts;
mod revision;
mod round;
mod sheet;
mod view;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::team::Role;

pub use compare::{
    AssessorColumn, AssessorTotal, CandidateRow, CellEntry, CellStats, ComparisonCell,
    ComparisonCriterion, ComparisonSheet, Knockout, LARGE_DISAGREEMENT,
};
pub use decision::{may_unblind, Decision, PortfolioChoice, SelectionState, Unblinding};
pub use dissent::{check_dissent, DissentError, MAX_DISSENT_CHARS};
pub use error::{RubricProblem, ScoringError};
pub use material::{BlindedCandidate, MaterialSection, SectionKind, MAX_CODE_CHARS};
pub use posts::{
    allocation_advice, combine_posts, criterion_groups, post_total, AllocationError,
    CriterionGroups, Post, PostCandidate, PostPart, PostSection, PostWeight, RoundPost,
    MAX_POST_CHARS,
};
pub use revision::{revisions, Revision};
pub use round::{
    rubric_hash, AssessorPlan, AssessorSetup, CarriedOver, CellRef, NextRoundAssessor,
    NextRoundSetup, PostRoundSetup, Round, RoundProgress, RoundSetup, RoundStatus, ScoringMode,
};
pub use sheet::{Score, Sheet, SheetStatus, MAX_EVIDENCE_CHARS, MAX_REASON_CHARS};
pub use view::{view_for, AssessorWork, RoundView};

/// Who is asking: every rule that depends on a person takes one of these. The app
/// builds it from the logged-in member, never from what a screen sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Actor {
    pub id: String,
    pub role: Role,
}

impl Actor {
    pub fn new(id: impl Into<String>, role: Role) -> Actor {
        Actor {
            id: id.into(),
            role,
        }
    }

    fn require_chair(&self) -> Result<(), ScoringError> {
        if self.role == Role::Chair {
            Ok(())
        } else {
            Err(ScoringError::ChairOnly)
        }
    }
}

/// Blank after trimming, the test used for every required free text.
fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

#[cfg(test)]
pub(crate) mod tests;
