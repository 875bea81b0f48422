//! Exchange files between the team's laptop and an assessor's own laptop.
//!
//! In a formation each negotiator brings their own laptop. The team's laptop (the
//! secretary's) holds the team; assessors score at home. Files travel by USB stick or
//! e-mail, so every file is signed, and every file that carries scores before the
//! reveal is also encrypted:
//!
//! 1. A [`RoundPackage`] (team → assessor) carries the frozen rubric, the blinded
//!    material, the assessor's own plan and exclusions, the conflict rules and the
//!    team log's [`ChainHead`]. Signed with the team key; it holds no identity and no
//!    one else's plan or scores.
//! 2. A [`ScorePackage`] (assessor → team) carries the submitted sheet and the
//!    assessor's declarations, signed with the assessor's personal key, encrypted to
//!    the team's recipient (only the team's laptop, unlocked by an officer, reads it)
//!    and signed again on the outside, so anyone can check who sent it without
//!    reading it. It quotes the chain head back: the assessor's copy witnesses the
//!    team's history up to there.
//! 3. An [`Introduction`] (assessor → team) registers the assessor's key before the
//!    first score package.
//! 4. A [`RevealPackage`] (team → assessor) carries the comparison sheet after the
//!    reveal, so everyone discusses from the same sheet.
//!
//! This module decides what a valid package is. It has no randomness, so it does not
//! encrypt: the store encrypts with the `age` format and hands the bytes in here.

mod envelope;
mod error;
mod introduction;
mod reveal;
mod round;
mod score;
#[cfg(test)]
mod tests;
mod witness;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use envelope::{Envelope, PackageKind, FORMAT, MAX_PACKAGE_BYTES, VERSION};
pub use error::PackageError;
pub use introduction::Introduction;
pub use reveal::RevealPackage;
pub use round::{AssessorRef, RoundPackage};
pub use score::{replay_sheet, DeclaredTie, ScorePackage, SheetBody};
pub use witness::{check_assessor, AssessorCheck};

/// The team log's last entry when a package was written. A package that quotes it
/// proves that the history up to that entry existed when it was written; the team's
/// laptop refuses a quote its own log does not contain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChainHead {
    #[ts(type = "number")]
    pub seq: u64,
    pub hash: String,
}

/// The chair's reason for choosing between two different score packages of one
/// assessor, trimmed; a choice without a reason is refused.
pub fn resolution_reason(reason: &str) -> Result<String, PackageError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(PackageError::ReasonRequired);
    }
    Ok(reason.to_owned())
}

/// The chair's reason for revoking an assessor's key, trimmed; every committee's
/// check of that key shows it, so a revocation without one is refused.
pub fn revocation_reason(reason: &str) -> Result<String, PackageError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(PackageError::RevocationReasonRequired);
    }
    Ok(reason.to_owned())
}
