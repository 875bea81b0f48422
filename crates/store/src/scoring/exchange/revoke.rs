//! The chair takes back an assessor's registered key, for example when the assessor
//! lost the passphrase that opens it and made a new one. The revocation and its
//! reason go into the log, and every committee that checks the old key with
//! `maatstaf log verify --assessor-key` is shown both, with the key registered after.
//! Sheets already imported with the old key stay as they are.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::{verifying_key_from_hex, EntryKind, Fingerprint};
use maatstaf_core::package::{revocation_reason, PackageError};
use rusqlite::params;
use serde_json::json;

use super::write::registered_key;
use crate::error::{Result, StoreError};
use crate::sealing::Unlocked;
use crate::{ledger, teams, Store};

impl Store {
    /// Revokes the key registered for `member_id`; the next key file or score package
    /// of that member registers their new key.
    pub fn revoke_assessor_key(
        &mut self,
        by: &Unlocked,
        member_id: i64,
        reason: &str,
    ) -> Result<()> {
        let allowed = self.check_unlocked(by, Action::RevokeAssessorKey)?;
        let reason = revocation_reason(reason)?;
        let team_id = by.team_id();
        let tx = self.conn.transaction()?;
        teams::team_member(&tx, team_id, member_id)?.ok_or(StoreError::NoSuchMember(member_id))?;
        let public = registered_key(&tx, member_id)?.ok_or(PackageError::NoRegisteredKey)?;
        let fingerprint = verifying_key_from_hex(&public)
            .map(|k| Fingerprint::of(&k))
            .ok_or_else(|| StoreError::ScoringDamaged(format!("key of member {member_id}")))?;
        tx.execute(
            "DELETE FROM member_keys WHERE member_id = ?1",
            params![member_id],
        )?;
        ledger::append(
            &tx,
            team_id,
            &allowed.ledger,
            EntryKind::AssessorKeyRevoked,
            json!({
                "member_id": member_id.to_string(),
                "fingerprint": fingerprint.as_str(),
                "reason": reason,
            }),
        )?;
        tx.commit()?;
        Ok(())
    }
}
