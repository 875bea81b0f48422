//! Blinded, independent scoring: PINs, conflicts of interest, rounds, sheets, the
//! decision and the unblinding. Every rule is `maatstaf_core::scoring`'s or
//! `maatstaf_core::assessor`'s; this module loads the core values, asks the core, and
//! writes the result and its log entry in one transaction.
//!
//! Every read of round data goes through [`maatstaf_core::scoring::view_for`]: no function here
//! hands out a `Round` or another assessor's `Sheet`.
//!
//! One file per operation: `pins` (who is acting, PINs, whether officers score),
//! `rounds` (open, close, reveal, and what the reveal records), `sheets` (a draft
//! and its submission), `conflicts`, `decision` (the decision and the unblinding),
//! `overview` and `comparison` (what the scoring screen reads and exports), and
//! `logboek` (the scoring parts of the logboek). `reading` and `writing` hold the
//! row helpers they share. This file holds the types that cross into the app.

use maatstaf_core::assessor::{ConflictAction, ConflictDeclaration, ConflictPolicy};
use maatstaf_core::ledger::Actor as LedgerActor;
use maatstaf_core::scoring::{Actor, CarriedOver, RoundProgress, ScoringMode, SelectionState};
use maatstaf_core::team::Role;
use rand::TryRngCore;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Result, StoreError};

mod balance;
mod comparison;
mod conflicts;
mod decision;
pub mod exchange;
mod leniency;
mod logboek;
mod overview;
mod pins;
pub(crate) mod reading;
mod rounds;
mod sheets;
#[cfg(test)]
mod tests;
mod writing;

pub use leniency::OwnPartyReport;
pub use logboek::logboek_sections;
pub(crate) use pins::set_pin_hash;
pub use rounds::on_round_revealed;
pub(crate) use rounds::{open_first_round, open_next, reveal};
pub(crate) use sheets::{save_score, submit};

/// A frozen rubric version a round can use.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FrozenRubricRef {
    #[ts(type = "number")]
    pub id: i64,
    pub key: String,
    pub version: u32,
    pub title: String,
    pub sha256: String,
}

/// A member as the assessor switch shows them. Members are not candidates: their
/// names may be shown.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScoringMember {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub has_pin: bool,
    /// A chair or secretary of a sealed team: signs in with a passphrase, not a PIN.
    pub has_passphrase: bool,
    /// The member's party, for the round's balance rules.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
}

/// One round as listed: its number, where it stands, and "3 of 5 submitted".
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoundSummary {
    pub number: u32,
    /// open | closed | revealed
    pub state: String,
    pub progress: RoundProgress,
}

/// Everything the scoring screen needs that is not a round's content.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScoringOverview {
    pub members: Vec<ScoringMember>,
    pub rubrics: Vec<FrozenRubricRef>,
    /// Codes of candidates with frozen blinded material.
    pub candidates: Vec<String>,
    pub rounds: Vec<RoundSummary>,
    pub selection: SelectionState,
    pub policy: ConflictPolicy,
}

/// A declared conflict with its row id (for the chair's override).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StoredDeclaration {
    #[ts(type = "number")]
    pub id: i64,
    pub declaration: ConflictDeclaration,
    pub action: ConflictAction,
}

/// One assessor's mode when the chair opens a round.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[ts(export)]
pub struct AssessorChoice {
    #[ts(type = "number")]
    pub member_id: i64,
    pub mode: ScoringMode,
}

/// What the chair's setup of a next round starts from.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct NextRoundPlan {
    /// The number the new round gets.
    pub number: u32,
    /// The latest round, which the new one follows.
    pub previous: u32,
    /// Only after the reveal of the latest round can a next one open.
    pub previous_revealed: bool,
    /// The rubric stays the one of the earlier rounds.
    pub rubric_title: String,
    pub rubric_version: u32,
    /// The decision is recorded: no round opens any more.
    pub decided: bool,
    /// Candidates and assessors (with their modes) of the latest round.
    pub carried: CarriedOver,
    /// Candidates with blinded material who were not in the latest round.
    pub new_candidates: Vec<String>,
}

/// A code next to the person, shown only after the chair unblinded.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct UnblindedCandidate {
    pub code: String,
    pub name: String,
}

/// 32 bytes from the operating system, for round seeds and PIN salts.
pub fn os_random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::rngs::OsRng
        .try_fill_bytes(&mut bytes)
        .expect("the operating system provides randomness");
    bytes
}

fn member(conn: &Connection, team_id: i64, member_id: i64) -> Result<(Actor, LedgerActor)> {
    let m = crate::teams::team_member(conn, team_id, member_id)?
        .ok_or(StoreError::NoSuchMember(member_id))?;
    let id = member_id.to_string();
    Ok((
        Actor::new(id.clone(), m.role),
        LedgerActor::member(id, m.name),
    ))
}

fn parse<T: serde::de::DeserializeOwned>(what: &str, json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| StoreError::ScoringDamaged(format!("{what}: {e}")))
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("core scoring values serialise")
}
