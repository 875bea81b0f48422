//! Deleting a candidate, refused while scoring refers to them, and what the
//! confirmation says it removes.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::EntryKind;
use maatstaf_core::scoring::{Round, Sheet};
use rusqlite::Connection;
use serde_json::json;

use super::{err, CandidateError, CandidateRemoval};
use crate::error::Result;
use crate::{ledger, Store};

/// Whether any scoring round of the team includes `code` or any sheet scores them.
/// Stored rounds and sheets that cannot be read count as including the candidate:
/// a deletion is only allowed when it is certain nothing refers to them.
pub(super) fn in_scoring(conn: &Connection, team_id: i64, code: &str) -> Result<bool> {
    let mut stmt = conn.prepare("SELECT round FROM scoring_rounds WHERE team_id = ?1")?;
    let rounds: Vec<String> = stmt
        .query_map([team_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for json in rounds {
        match serde_json::from_str::<Round>(&json) {
            Ok(round) if !round.candidates().iter().any(|c| c == code) => {}
            _ => return Ok(true),
        }
    }
    let mut stmt = conn.prepare("SELECT sheet FROM score_sheets WHERE team_id = ?1")?;
    let sheets: Vec<String> = stmt
        .query_map([team_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for json in sheets {
        match serde_json::from_str::<Sheet>(&json) {
            Ok(sheet) if !sheet.scores().iter().any(|s| s.candidate == code) => {}
            _ => return Ok(true),
        }
    }
    Ok(false)
}

impl Store {
    /// What deleting a candidate removes, so the confirmation can say so.
    pub fn candidate_removal(
        &self,
        team_id: i64,
        actor: Option<i64>,
        code: &str,
    ) -> Result<CandidateRemoval> {
        self.authorize(team_id, Action::DeleteCandidate, actor)?;
        let id = self.candidate_id(team_id, code)?;
        let (sections, frozen) = self.conn.query_row(
            "SELECT count(*), count(frozen_at) FROM candidate_material WHERE candidate_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(CandidateRemoval {
            code: code.to_owned(),
            sections,
            frozen,
            in_scoring: in_scoring(&self.conn, team_id, code)?,
        })
    }

    /// Removes a candidate with identity and material, unless scoring refers to
    /// them. The log keeps the code and who deleted it, nothing that identifies.
    pub fn delete_candidate(&mut self, team_id: i64, actor: Option<i64>, code: &str) -> Result<()> {
        let who = self.authorize(team_id, Action::DeleteCandidate, actor)?;
        let id = self.candidate_id(team_id, code)?;
        let tx = self.conn.transaction()?;
        // Checked inside the transaction so no round can start in between.
        if in_scoring(&tx, team_id, code)? {
            return Err(err(CandidateError::CandidateScored(code.to_owned())));
        }
        // Frozen material refuses updates, not deletes: the whole candidate goes.
        tx.execute("DELETE FROM candidates WHERE id = ?1", [id])?;
        ledger::append(
            &tx,
            team_id,
            &who.ledger,
            EntryKind::CandidateDeleted,
            json!({
                "candidate_code": code,
                "member_id": who.member_id(),
                "role": who.member.as_ref().map(|m| m.role.as_str()),
            }),
        )?;
        tx.commit()?;
        Ok(())
    }
}
