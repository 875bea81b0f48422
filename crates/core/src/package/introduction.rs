//! The key file: an assessor introduces their personal key to the team before the
//! first score package, so a substituted key cannot slip in with it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Envelope, PackageError, PackageKind};

/// Signed with the key it introduces: whoever made it holds that key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Introduction {
    pub team_uid: String,
    pub assessor: String,
    pub assessor_name: String,
    pub written_at: String,
}

impl Introduction {
    pub fn read(envelope: &Envelope) -> Result<Introduction, PackageError> {
        envelope.body(PackageKind::Introduction)
    }
}
