//! Erasing one candidate, on withdrawal or on request: name and texts go, the code,
//! blinded texts and scores stay as a withdrawn candidate, so the comparison sheet,
//! the statistics and the log keep working.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::EntryKind;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::{ErasureReason, PrivacyError};
use crate::error::Result;
use crate::{clock, ledger, Store};

/// Erases the personal data of candidate `candidate_id`: the sealed identity (and a
/// plain one from before sealing), every original text, and material that was never
/// blinded. Returns how many texts went.
pub(super) fn erase_personal_data(conn: &Connection, candidate_id: i64) -> Result<usize> {
    conn.execute(
        "DELETE FROM sealed_identities WHERE candidate_id = ?1",
        [candidate_id],
    )?;
    conn.execute(
        "DELETE FROM candidate_identities WHERE candidate_id = ?1",
        [candidate_id],
    )?;
    erase_texts(conn, candidate_id)
}

/// Erases a candidate's unredacted texts, keeping the blinded ones that were assessed.
pub(super) fn erase_texts(conn: &Connection, candidate_id: i64) -> Result<usize> {
    let texts = conn.query_row(
        "SELECT count(*) FROM candidate_material
         WHERE candidate_id = ?1 AND (original_sealed IS NOT NULL OR original_text <> '')",
        [candidate_id],
        |r| r.get::<_, i64>(0),
    )? as usize;
    conn.execute(
        "DELETE FROM candidate_material WHERE candidate_id = ?1 AND frozen_at IS NULL",
        [candidate_id],
    )?;
    conn.execute(
        "UPDATE candidate_material SET original_sealed = NULL, original_text = ''
         WHERE candidate_id = ?1",
        [candidate_id],
    )?;
    Ok(texts)
}

impl Store {
    /// Erases one candidate's name and texts, by a chair or secretary. No passphrase
    /// is needed: erasing must stay possible when the sealed data can no longer be
    /// opened.
    pub fn erase_candidate(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        code: &str,
        reason: ErasureReason,
    ) -> Result<()> {
        let who = self.authorize(team_id, Action::EraseCandidate, actor)?;
        let row: Option<(i64, Option<String>)> = self
            .conn
            .query_row(
                "SELECT id, erased_at FROM candidates WHERE team_id = ?1 AND code = ?2",
                params![team_id, code],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((id, erased)) = row else {
            return Err(crate::candidates::CandidateError::NoSuchCandidate(code.to_owned()).into());
        };
        if erased.is_some() {
            return Err(PrivacyError::AlreadyErased {
                candidate: code.to_owned(),
            }
            .into());
        }
        let tx = self.conn.transaction()?;
        let texts = erase_personal_data(&tx, id)?;
        tx.execute(
            "UPDATE candidates SET erased_at = ?1 WHERE id = ?2",
            params![clock::now(), id],
        )?;
        ledger::append(
            &tx,
            team_id,
            &who.ledger,
            EntryKind::CandidateErased,
            json!({ "candidate_code": code, "reason": reason, "texts_erased": texts }),
        )?;
        tx.commit()?;
        self.erase_free_space()
    }
}
