//! Writing core scoring values to their rows, inside the caller's transaction.

use maatstaf_core::ledger::content_sha256;
use maatstaf_core::scoring::{Round, SelectionState, Sheet};
use rusqlite::{params, Transaction};

use super::reading::status_str;
use super::to_json;
use crate::clock;
use crate::error::Result;

pub(super) fn insert_round(
    tx: &Transaction<'_>,
    team_id: i64,
    rubric_id: i64,
    round: &Round,
) -> Result<()> {
    tx.execute(
        "INSERT INTO scoring_rounds (team_id, number, rubric_version_id, status, round, opened_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            team_id,
            round.number(),
            rubric_id,
            status_str(round),
            to_json(round),
            clock::now()
        ],
    )?;
    Ok(())
}

pub(super) fn update_round(tx: &Transaction<'_>, team_id: i64, round: &Round) -> Result<()> {
    tx.execute(
        "UPDATE scoring_rounds SET status = ?3, round = ?4 WHERE team_id = ?1 AND number = ?2",
        params![team_id, round.number(), status_str(round), to_json(round)],
    )?;
    Ok(())
}

pub(super) fn upsert_sheet(
    tx: &Transaction<'_>,
    team_id: i64,
    sheet: &Sheet,
) -> Result<Option<String>> {
    upsert_sheet_from(tx, team_id, sheet, "laptop")
}

/// As [`upsert_sheet`], saying where the sheet was filled in: `laptop` (here) or
/// `package` (on the assessor's own laptop).
pub(super) fn upsert_sheet_from(
    tx: &Transaction<'_>,
    team_id: i64,
    sheet: &Sheet,
    source: &str,
) -> Result<Option<String>> {
    let sha = sheet.is_submitted().then(|| content_sha256(sheet));
    tx.execute(
        "INSERT INTO score_sheets (team_id, round, assessor, submitted, sheet, sheet_sha256, updated_at, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (team_id, round, assessor) DO UPDATE SET
            submitted = excluded.submitted, sheet = excluded.sheet,
            sheet_sha256 = excluded.sheet_sha256, updated_at = excluded.updated_at,
            source = excluded.source",
        params![
            team_id,
            sheet.round(),
            sheet.assessor(),
            sheet.is_submitted(),
            to_json(sheet),
            sha,
            clock::now(),
            source
        ],
    )?;
    Ok(sha)
}

pub(super) fn save_selection(
    tx: &Transaction<'_>,
    team_id: i64,
    state: &SelectionState,
) -> Result<()> {
    tx.execute(
        "INSERT INTO selection_states (team_id, state, changed_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (team_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at",
        params![team_id, to_json(state), clock::now()],
    )?;
    Ok(())
}
