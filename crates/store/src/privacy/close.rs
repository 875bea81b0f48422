//! Closing the formation: every candidate's personal data is erased (the appointed
//! candidates' names may stay), the codes, blinded texts, scores, reasons and the whole
//! log stay, so the logboek still verifies and committees can still review. Then the
//! file is rewritten without free pages and the copies made before migrations go.

use std::path::PathBuf;

use maatstaf_core::access::Action;
use maatstaf_core::ledger::EntryKind;
use rusqlite::params;
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use super::erase::{erase_personal_data, erase_texts};
use super::PrivacyError;
use crate::error::{Result, StoreError};
use crate::exports::DeletedFile;
use crate::scoring::reading::load_selection;
use crate::{clock, ledger, Store};

/// What closing erased, in counts (the log holds the same, never the contents).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClosingReport {
    #[ts(type = "number")]
    pub identities_erased: u64,
    #[ts(type = "number")]
    pub texts_erased: u64,
    /// Names kept: the appointed candidates', when the chair chose so.
    pub kept: Vec<String>,
    /// Copies of the database the app had made before migrations, now deleted.
    pub backups_removed: Vec<String>,
    /// The team's exports the chair chose to delete while closing.
    pub files_deleted: Vec<DeletedFile>,
}

impl Store {
    /// The chair closes the formation after the decision. `keep_appointed` keeps the
    /// names of the candidates the decision appoints; everything else personal goes.
    pub fn close_formation(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        keep_appointed: bool,
    ) -> Result<ClosingReport> {
        self.close_formation_deleting(team_id, actor, keep_appointed, &[])
    }

    /// Closes the formation as [`Store::close_formation`] does, and then deletes the
    /// team's exports named by `delete_exports` (ids from [`Store::exports`]). An id
    /// that is not one of the team's exports refuses the whole step before anything
    /// changes.
    pub fn close_formation_deleting(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        keep_appointed: bool,
        delete_exports: &[i64],
    ) -> Result<ClosingReport> {
        let who = self.authorize(team_id, Action::CloseFormation, actor)?;
        let listed = self.exports(team_id)?;
        if !delete_exports
            .iter()
            .all(|id| listed.iter().any(|e| e.id == *id))
        {
            return Err(PrivacyError::UnknownFile.into());
        }
        let closed: Option<String> = self.conn.query_row(
            "SELECT closed_at FROM teams WHERE id = ?1",
            [team_id],
            |r| r.get(0),
        )?;
        if closed.is_some() {
            return Err(PrivacyError::Closed.into());
        }
        let appointed: Vec<String> = if keep_appointed {
            load_selection(&self.conn, team_id)?
                .decision
                .map(|d| d.choices.into_iter().flat_map(|c| c.candidates).collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let backups = self.backups()?;
        let tx = self.conn.transaction()?;
        let candidates: Vec<(i64, String)> = tx
            .prepare("SELECT id, code FROM candidates WHERE team_id = ?1 ORDER BY code")?
            .query_map([team_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let (mut identities, mut texts) = (0u64, 0u64);
        let mut kept = Vec::new();
        for (id, code) in &candidates {
            let had_identity: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM sealed_identities WHERE candidate_id = ?1)
                     OR EXISTS (SELECT 1 FROM candidate_identities WHERE candidate_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if appointed.contains(code) {
                kept.push(code.clone());
                texts += erase_texts(&tx, *id)? as u64;
                continue;
            }
            identities += u64::from(had_identity);
            texts += erase_personal_data(&tx, *id)? as u64;
        }
        tx.execute(
            "UPDATE teams SET closed_at = ?1 WHERE id = ?2",
            params![clock::now(), team_id],
        )?;
        ledger::append(
            &tx,
            team_id,
            &who.ledger,
            EntryKind::FormationClosed,
            json!({
                "identities_purged": identities,
                "texts_purged": texts,
                "kept_appointed": kept.len(),
                "backups_removed": backups.len(),
            }),
        )?;
        tx.commit()?;
        let mut removed = Vec::new();
        for path in backups {
            std::fs::remove_file(&path).map_err(|source| StoreError::Io {
                path: path.clone(),
                source,
            })?;
            removed.push(
                path.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
        let mut files_deleted = Vec::new();
        for id in delete_exports {
            files_deleted.push(self.delete_export(team_id, actor, *id)?);
        }
        self.erase_free_space()?;
        Ok(ClosingReport {
            identities_erased: identities,
            texts_erased: texts,
            kept,
            backups_removed: removed,
            files_deleted,
        })
    }

    /// The copies of the database written before migrations (`*.bak` next to it): they
    /// hold whatever the database held then, personal data included.
    pub fn backups(&self) -> Result<Vec<PathBuf>> {
        let dir = self.path.parent().unwrap_or(std::path::Path::new("."));
        let io = |source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path = entry.map_err(io)?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if name.starts_with(crate::DB_FILE) && name.ends_with(".bak") {
                out.push(path);
            }
        }
        out.sort();
        Ok(out)
    }
}
