//! Candidate codes: random, so a code says nothing about the order of intake.

use maatstaf_core::blinding::{candidate_code, CODE_SPACE};
use rusqlite::{params, Connection};

use super::{err, CandidateError};
use crate::error::Result;

/// A fresh code for the team, drawn from `rng` until it does not clash.
pub(crate) fn fresh_code<R: rand::Rng + ?Sized>(
    conn: &Connection,
    team_id: i64,
    rng: &mut R,
) -> Result<String> {
    let taken: i64 = conn.query_row(
        "SELECT count(*) FROM candidates WHERE team_id = ?1",
        [team_id],
        |r| r.get(0),
    )?;
    if taken as usize >= CODE_SPACE {
        return Err(err(CandidateError::CodesExhausted(CODE_SPACE)));
    }
    loop {
        let code = candidate_code(rng);
        let clash: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM candidates WHERE team_id = ?1 AND code = ?2)",
            params![team_id, code],
            |r| r.get(0),
        )?;
        if !clash {
            return Ok(code);
        }
    }
}
