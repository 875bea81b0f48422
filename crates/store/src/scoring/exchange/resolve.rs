//! The chair's choice when a second, different score package of one assessor came in
//! for a round: keep the sheet the round has, or take the package's. Logged with the
//! reason; the other stays on record as set aside.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::EntryKind;
use maatstaf_core::package::{resolution_reason, Envelope, PackageError, PackageKind, SheetBody};
use maatstaf_core::scoring::RoundStatus;
use rusqlite::{params, OptionalExtension};
use serde_json::json;

use super::super::reading::load_round;
use super::import::{check_key, merge_sheet};
use crate::error::Result;
use crate::sealing::Unlocked;
use crate::{ledger, teams, Store};

impl Store {
    pub fn resolve_package_conflict(
        &mut self,
        by: &Unlocked,
        package_id: i64,
        take_package: bool,
        reason: &str,
    ) -> Result<()> {
        let allowed = self.check_unlocked(by, Action::ResolvePackageConflict)?;
        let reason = resolution_reason(reason)?;
        let team_id = by.team_id();
        let tx = self.conn.transaction()?;
        let row: Option<(u32, String, String, String, String)> = tx
            .query_row(
                "SELECT round, assessor, sha256, signed_sheet, state FROM score_packages
                 WHERE id = ?1 AND team_id = ?2",
                params![package_id, team_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((number, assessor, sha, signed, state)) = row else {
            return Err(PackageError::AlreadyResolved.into());
        };
        if state != "conflict" {
            return Err(PackageError::AlreadyResolved.into());
        }
        let round = load_round(&tx, team_id, number)?;
        if !matches!(round.status(), RoundStatus::Open) {
            return Err(PackageError::RoundNotOpen { round: number }.into());
        }
        if take_package {
            let inner = Envelope::read(signed.as_bytes())?;
            let body: SheetBody = inner.body(PackageKind::Sheet)?;
            let member_id: i64 = assessor.parse().map_err(|_| PackageError::NotAssessor)?;
            let member =
                teams::team_member(&tx, team_id, member_id)?.ok_or(PackageError::NotAssessor)?;
            check_key(
                &tx,
                team_id,
                &allowed.ledger,
                &member,
                &inner,
                "score_package",
            )?;
            tx.execute(
                "DELETE FROM score_sheets WHERE team_id = ?1 AND round = ?2 AND assessor = ?3",
                params![team_id, number, assessor],
            )?;
            tx.execute(
                "UPDATE score_packages SET state = 'set_aside'
                 WHERE team_id = ?1 AND round = ?2 AND assessor = ?3 AND state = 'merged'",
                params![team_id, number, assessor],
            )?;
            merge_sheet(&tx, team_id, &member, &round, &body)?;
        }
        tx.execute(
            "UPDATE score_packages SET state = ?2 WHERE id = ?1",
            params![
                package_id,
                if take_package { "merged" } else { "set_aside" }
            ],
        )?;
        ledger::append(
            &tx,
            team_id,
            &allowed.ledger,
            EntryKind::PackageConflictResolved,
            json!({
                "round": number,
                "member_id": assessor,
                "sha256": sha,
                "kept": if take_package { "package" } else { "existing" },
                "reason": reason,
            }),
        )?;
        tx.commit()?;
        Ok(())
    }
}
