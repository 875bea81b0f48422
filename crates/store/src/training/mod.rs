//! The Training area: installed modules and practice cases, search, progress
//! per member, trainer sessions and the minimum practice agreement.
//!
//! Bundled content is installed from the binary on first start and after an
//! upgrade; imported content is checked by `maatstaf_core::content` first and
//! installed only when the check finds no error.

mod content;
mod error;
mod progress;
mod session;

pub use content::{
    CaseSummary, ContentKind, ExerciseView, ImportOutcome, ModuleSummary, ModuleView, SearchHit,
    SnippetPart,
};
pub use error::TrainingError;
pub use progress::{Answer, ExerciseProgress, GradeOutcome, ModuleProgress};
pub use session::{
    CandidateAnswers, OwnScore, ParticipantStatus, SessionBoard, SessionSheet, SessionSummary,
    SheetCriterion, TrainingStatus,
};

pub(crate) use content::install_bundled;

use maatstaf_core::ledger::Actor as LedgerActor;
use maatstaf_core::team::Role;
use rusqlite::OptionalExtension;

use crate::error::Result;
use crate::Store;

impl Store {
    /// A member's name and role, or `NoSuchMember`.
    fn member_role(&self, member_id: i64) -> Result<(String, Role, i64)> {
        let row: Option<(String, String, i64)> = self
            .conn
            .query_row(
                "SELECT name, role, team_id FROM members WHERE id = ?1",
                [member_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (name, role, team) = row.ok_or(TrainingError::NoSuchMember(member_id))?;
        Ok((name, Role::parse(&role).unwrap_or(Role::Assessor), team))
    }

    /// The member as the team's log names them, and their team.
    fn ledger_actor(&self, member_id: i64) -> Result<(LedgerActor, i64)> {
        let (name, _, team) = self.member_role(member_id)?;
        Ok((LedgerActor::member(member_id.to_string(), name), team))
    }

    /// Succeeds when `member_id` is a trainer; the trainer as the log names them, and
    /// their team.
    fn require_trainer(&self, member_id: i64) -> Result<(LedgerActor, i64)> {
        let (name, role, team) = self.member_role(member_id)?;
        maatstaf_core::training::check_trainer(role).map_err(TrainingError::Session)?;
        Ok((LedgerActor::member(member_id.to_string(), name), team))
    }
}
