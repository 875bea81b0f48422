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

use maatstaf_core::access::Action;
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

    /// Asks the access rules whether `member_id`, the member switched in, may do
    /// `action` in their own team; the member as the log names them, and their team.
    fn training_actor(&self, member_id: i64, action: Action) -> Result<(LedgerActor, i64)> {
        let (_, _, team) = self.member_role(member_id)?;
        let allowed = self.authorize(team, action, Some(member_id))?;
        Ok((allowed.ledger, team))
    }
}
