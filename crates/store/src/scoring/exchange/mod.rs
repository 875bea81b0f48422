//! The team's side of scoring on assessors' own laptops ([`maatstaf_core::package`]):
//! writing a round package per assessor and a reveal package after the reveal
//! (`write`), importing score packages and key files (`import`), the chair's choice
//! between two different packages of one assessor (`resolve`), the chair revoking an
//! assessor's key (`revoke`), and what the round screen shows of it (`status`). The
//! team's `age` identity lives in `recipient`.
//!
//! Every import runs in one transaction: a refused package changes nothing.

use maatstaf_core::package::PackageError;
use serde::Serialize;
use ts_rs::TS;

mod import;
mod recipient;
mod resolve;
mod revoke;
mod status;
mod write;

pub(crate) use import::log_opened_packages;
pub(crate) use write::file_part;

/// A package ready to be saved: the file name the save dialog proposes, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenPackage {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// What importing a file on the team's laptop did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[ts(export)]
pub enum PackageImport {
    /// The assessor's sheet is in the round now.
    Merged {
        round: u32,
        assessor: String,
        fingerprint: String,
        /// Their key was not known yet and is registered now.
        key_registered: bool,
    },
    /// The same file was imported before: nothing changed.
    AlreadyImported { round: u32, assessor: String },
    /// A second, different package of the same assessor for the round: set aside
    /// until the chair chooses.
    Conflict { round: u32, assessor: String },
    /// A key file: the assessor's key is registered now.
    KeyRegistered {
        assessor: String,
        fingerprint: String,
    },
    /// A key file of a key that was registered already.
    KeyKnown {
        assessor: String,
        fingerprint: String,
    },
}

/// Per assessor of a round, what the officers see of the exchange: where they score
/// and which packages went out and came in. Never whether someone submitted on this
/// laptop: that stays "3 of 5" until the reveal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AssessorExchange {
    #[ts(type = "number")]
    pub member_id: i64,
    pub name: String,
    /// Their registered key's fingerprint, if any.
    pub fingerprint: Option<String>,
    /// Round packages written for them in this round.
    pub round_packages: u32,
    /// Their sheet came in by a score package.
    pub package_imported: bool,
}

/// A second score package waiting for the chair's choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PackageConflict {
    #[ts(type = "number")]
    pub package_id: i64,
    pub round: u32,
    #[ts(type = "number")]
    pub member_id: i64,
    pub name: String,
    pub imported_at: String,
    /// Whether the sheet in the round now came from this laptop or an earlier package.
    pub current_from_package: bool,
}

/// What the round screen shows of the exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExchangeStatus {
    pub round: u32,
    pub assessors: Vec<AssessorExchange>,
    /// Only the chair sees these (they choose).
    pub conflicts: Vec<PackageConflict>,
}

impl From<PackageError> for crate::StoreError {
    fn from(error: PackageError) -> Self {
        crate::StoreError::Package(error)
    }
}
