//! The team's candidates by code: the intake list with the status of their material,
//! and the blinded candidates scoring sees.

use maatstaf_core::scoring::{BlindedCandidate, MaterialSection};
use rusqlite::Connection;

use super::{err, parse_kind, CandidateError, CandidateListItem, MaterialStatus};
use crate::error::Result;
use crate::Store;

/// The team's candidates by code, with the status of their material, on `conn`.
fn candidate_list(conn: &Connection, team_id: i64) -> Result<Vec<CandidateListItem>> {
    let mut stmt = conn.prepare(
        "SELECT id, code, erased_at IS NOT NULL FROM candidates WHERE team_id = ?1 ORDER BY code",
    )?;
    let rows: Vec<(i64, String, bool)> = stmt
        .query_map([team_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT id, kind, criterion, blinded_sha256 FROM candidate_material
         WHERE candidate_id = ?1 ORDER BY id",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, code, erased) in rows {
        let material: Vec<MaterialStatus> = stmt
            .query_map([id], |r| {
                let sha: Option<String> = r.get(3)?;
                Ok(MaterialStatus {
                    id: r.get(0)?,
                    kind: parse_kind(&r.get::<_, String>(1)?),
                    criterion: r.get(2)?,
                    frozen: sha.is_some(),
                    short_hash: sha.map(|s| s[..8.min(s.len())].to_owned()),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let blinded = !material.is_empty() && material.iter().all(|m| m.frozen);
        out.push(CandidateListItem {
            id,
            code,
            material,
            blinded,
            erased,
        });
    }
    Ok(out)
}

/// Candidates whose material is all frozen, as scoring sees them: the code and the
/// blinded text, never a column of `candidate_identities`. On `conn`, so scoring's
/// transactions read the same candidates they record.
pub(crate) fn blinded_candidates(conn: &Connection, team_id: i64) -> Result<Vec<BlindedCandidate>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT kind, criterion, blinded_text FROM candidate_material
         WHERE candidate_id = ?1 ORDER BY id",
    )?;
    for item in candidate_list(conn, team_id)? {
        if !item.blinded {
            continue;
        }
        let sections: Vec<MaterialSection> = stmt
            .query_map([item.id], |r| {
                Ok(MaterialSection {
                    kind: parse_kind(&r.get::<_, String>(0)?),
                    criterion: r.get(1)?,
                    text: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let candidate = BlindedCandidate::new(item.code.clone(), sections).map_err(|e| {
            err(CandidateError::Unscorable {
                code: item.code.clone(),
                detail: e.to_string(),
            })
        })?;
        out.push(candidate);
    }
    Ok(out)
}

impl Store {
    /// The team's candidates by code, with the status of their material.
    pub fn candidates(&self, team_id: i64) -> Result<Vec<CandidateListItem>> {
        self.team(team_id)?;
        candidate_list(&self.conn, team_id)
    }

    /// Candidates whose material is all frozen, as scoring sees them: code and blinded text.
    pub fn blinded_candidates(&self, team_id: i64) -> Result<Vec<BlindedCandidate>> {
        blinded_candidates(&self.conn, team_id)
    }
}
