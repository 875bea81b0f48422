//! The assessor's side of scoring on their own laptop ([`maatstaf_core::package`]).
//!
//! A round package from the team becomes an assignment: the assessor's part of the
//! round, scored here with the same rules as on the team's laptop (core's `Sheet` on
//! the round's [`Round::assignment_for`](maatstaf_core::scoring::Round::assignment_for)).
//! Submitting signs the sheet with the assessor's personal key, which only their
//! passphrase opens, encrypts it to the team and keeps the score package to send.
//!
//! `receive` takes round and reveal packages in, `work` is the scoring itself, `keys`
//! holds the personal key and `send` makes the files that go back.

use maatstaf_core::i18n::Text;
use maatstaf_core::package::{DeclaredTie, RoundPackage};
use maatstaf_core::scoring::{BlindedCandidate, ComparisonSheet, RoundView, Sheet};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Result, StoreError};

mod keys;
mod receive;
mod send;
#[cfg(test)]
mod tests;
mod work;

pub use receive::Received;

/// Where an assignment stands on the assessor's laptop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AssignmentState {
    Scoring,
    /// Submitted: the score package is ready to send.
    Submitted,
    /// The team's reveal package came in: the comparison sheet is here.
    Revealed,
}

/// A round package as the assessor sees it before and after importing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AssignmentSummary {
    /// Null before it is imported.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub team_name: String,
    /// The team key's fingerprint: compare it with what the secretary reads out.
    pub team_fingerprint: String,
    /// This laptop has had packages signed by that team key before.
    pub team_known: bool,
    pub round: u32,
    pub assessor_name: String,
    /// The assessor's personal key, once made.
    pub my_fingerprint: Option<String>,
    pub state: AssignmentState,
}

/// Everything the scoring screen on the assessor's laptop shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AssignmentView {
    pub summary: AssignmentSummary,
    /// The assessor's own work: the same view the team's laptop gives them.
    pub view: RoundView,
    pub material: Vec<BlindedCandidate>,
    /// Their own submitted sheet of the previous round, for the revision reasons.
    pub previous: Option<Sheet>,
    pub declarations: Vec<DeclaredTie>,
    pub comparison: Option<ComparisonSheet>,
}

/// What the assessor's laptop can refuse, apart from the package checks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum AssignmentError {
    #[error("this round to score is not on this laptop")]
    NoSuchAssignment,
    #[error("choose a passphrase for your personal key first")]
    PassphraseNeeded,
    #[error("the passphrase does not open your personal key")]
    WrongPassphrase,
    #[error("you submitted this round already")]
    Submitted,
    #[error("submit your scores first")]
    NotSubmitted,
    #[error("you did not score this round on this laptop")]
    NoAssignmentForReveal,
}

impl AssignmentError {
    pub fn text(&self) -> Text {
        match self {
            AssignmentError::NoSuchAssignment => Text::new(
                "Deze ronde staat niet op deze laptop.",
                "This round is not on this laptop.",
            ),
            AssignmentError::PassphraseNeeded => Text::new(
                "Kies eerst een wachtwoordzin voor uw persoonlijke sleutel.",
                "First choose a passphrase for your personal key.",
            ),
            AssignmentError::WrongPassphrase => Text::new(
                "Deze wachtwoordzin opent uw persoonlijke sleutel niet.",
                "This passphrase does not open your personal key.",
            ),
            AssignmentError::Submitted => Text::new(
                "U hebt deze ronde al ingediend; uw scores liggen vast.",
                "You submitted this round already; your scores are final.",
            ),
            AssignmentError::NotSubmitted => Text::new(
                "Dien eerst uw scores in; daarna is het scorepakket klaar.",
                "Submit your scores first; then the score package is ready.",
            ),
            AssignmentError::NoAssignmentForReveal => Text::new(
                "U hebt deze ronde niet op deze laptop gescoord.",
                "You did not score this round on this laptop.",
            ),
        }
    }
}

/// One stored assignment.
pub(crate) struct Stored {
    pub package: RoundPackage,
    pub team_key: String,
    pub sheet: Option<Sheet>,
    pub declarations: Vec<DeclaredTie>,
    pub score_package: Option<Vec<u8>>,
    pub reveal: Option<Vec<u8>>,
}

fn damaged(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::ScoringDamaged(format!("assignment {what}: {e}"))
}

/// package, team key, sheet, declarations, score package, reveal
type Row = (
    Vec<u8>,
    String,
    Option<String>,
    String,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
);

pub(crate) fn load(conn: &Connection, id: i64) -> Result<Stored> {
    let row: Option<Row> = conn
        .query_row(
            "SELECT package, team_key, sheet, declarations, score_package, reveal
             FROM assignments WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?;
    let (package, team_key, sheet, declarations, score_package, reveal) =
        row.ok_or(AssignmentError::NoSuchAssignment)?;
    let envelope = maatstaf_core::package::Envelope::read(&package)?;
    Ok(Stored {
        package: RoundPackage::read(&envelope)?,
        team_key,
        sheet: sheet
            .map(|s| serde_json::from_str(&s).map_err(|e| damaged("sheet", e)))
            .transpose()?,
        declarations: serde_json::from_str(&declarations).map_err(|e| damaged("ties", e))?,
        score_package,
        reveal,
    })
}

pub(crate) fn ids(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare("SELECT id FROM assignments ORDER BY imported_at DESC, id DESC")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

pub(crate) fn save_work(
    conn: &Connection,
    id: i64,
    sheet: &Sheet,
    declarations: &[DeclaredTie],
) -> Result<()> {
    conn.execute(
        "UPDATE assignments SET sheet = ?2, declarations = ?3 WHERE id = ?1",
        params![
            id,
            serde_json::to_string(sheet).expect("a sheet serialises"),
            serde_json::to_string(declarations).expect("ties serialise")
        ],
    )?;
    Ok(())
}
