//! The reveal package: the comparison sheet of a revealed round, for the assessors who
//! scored elsewhere.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ChainHead, Envelope, PackageError, PackageKind};
use crate::scoring::ComparisonSheet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RevealPackage {
    pub team_uid: String,
    pub round: u32,
    pub comparison: ComparisonSheet,
    pub chain_head: ChainHead,
    pub written_at: String,
}

impl RevealPackage {
    pub fn read(envelope: &Envelope) -> Result<RevealPackage, PackageError> {
        let package: RevealPackage = envelope.body(PackageKind::Reveal)?;
        if package.comparison.round != package.round {
            return Err(PackageError::Inconsistent);
        }
        Ok(package)
    }
}
