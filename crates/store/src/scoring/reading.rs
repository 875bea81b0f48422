//! Reading a team's scoring rows back as core values. Nothing here decides what a
//! viewer may see: callers pass what they load through `scoring::view_for`.

use maatstaf_core::access::OFFICERS;
use maatstaf_core::assessor::{ConflictDeclaration, ConflictPolicy};
use maatstaf_core::scoring::{self, Round, SelectionState, Sheet};
use maatstaf_core::stats::Rating;
use rusqlite::{params, Connection, OptionalExtension};

use super::{parse, FrozenRubricRef};
use crate::error::{Result, StoreError};
use crate::rubrics;

pub(crate) fn load_round(conn: &Connection, team_id: i64, number: u32) -> Result<Round> {
    let json: Option<String> = conn
        .query_row(
            "SELECT round FROM scoring_rounds WHERE team_id = ?1 AND number = ?2",
            params![team_id, number],
            |r| r.get(0),
        )
        .optional()?;
    let round: Round = parse("round", &json.ok_or(StoreError::NoSuchRound(number))?)?;
    round.verify()?;
    Ok(round)
}

/// Every level of the round's submitted sheets, rater by member id.
pub(super) fn submitted_ratings(
    conn: &Connection,
    team_id: i64,
    number: u32,
) -> Result<Vec<Rating>> {
    Ok(load_sheets(conn, team_id, number)?
        .iter()
        .filter(|sheet| sheet.is_submitted())
        .flat_map(|sheet| {
            sheet.scores().iter().filter_map(move |score| {
                score.level.map(|level| Rating {
                    unit: score.candidate.clone(),
                    criterion: score.criterion.clone(),
                    rater: sheet.assessor().to_owned(),
                    value: Some(f64::from(level)),
                })
            })
        })
        .collect())
}

pub(crate) fn latest_round_number(conn: &Connection, team_id: i64) -> Result<Option<u32>> {
    Ok(conn.query_row(
        "SELECT max(number) FROM scoring_rounds WHERE team_id = ?1",
        [team_id],
        |r| r.get(0),
    )?)
}

pub(crate) fn load_sheets(conn: &Connection, team_id: i64, number: u32) -> Result<Vec<Sheet>> {
    let mut stmt = conn.prepare(
        "SELECT sheet FROM score_sheets WHERE team_id = ?1 AND round = ?2 ORDER BY assessor",
    )?;
    let rows = stmt.query_map(params![team_id, number], |r| r.get::<_, String>(0))?;
    let mut sheets = Vec::new();
    for row in rows {
        sheets.push(parse("sheet", &row?)?);
    }
    Ok(sheets)
}

pub(super) fn load_policy(conn: &Connection, team_id: i64) -> Result<ConflictPolicy> {
    let json: Option<String> = conn
        .query_row(
            "SELECT policy FROM conflict_policies WHERE team_id = ?1",
            [team_id],
            |r| r.get(0),
        )
        .optional()?;
    json.map_or(Ok(ConflictPolicy::default()), |j| parse("policy", &j))
}

pub(crate) fn load_selection(conn: &Connection, team_id: i64) -> Result<SelectionState> {
    let json: Option<String> = conn
        .query_row(
            "SELECT state FROM selection_states WHERE team_id = ?1",
            [team_id],
            |r| r.get(0),
        )
        .optional()?;
    json.map_or(Ok(SelectionState::default()), |j| parse("selection", &j))
}

pub(crate) fn load_declarations(
    conn: &Connection,
    team_id: i64,
) -> Result<Vec<(i64, ConflictDeclaration)>> {
    let mut stmt = conn.prepare(
        "SELECT id, declaration FROM conflict_declarations WHERE team_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([team_id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, json) = row?;
        out.push((id, parse("declaration", &json)?));
    }
    Ok(out)
}

/// The team's frozen rubric versions as the scoring screen names them.
pub(super) fn frozen_rubric_refs(conn: &Connection, team_id: i64) -> Result<Vec<FrozenRubricRef>> {
    let mut out = Vec::new();
    for v in rubrics::frozen_versions(conn, team_id)? {
        out.push(FrozenRubricRef {
            title: v.rubric()?.title,
            id: v.id,
            key: v.key,
            version: v.version,
            sha256: v.sha256,
        });
    }
    Ok(out)
}

pub(super) fn status_str(round: &Round) -> &'static str {
    match round.status() {
        scoring::RoundStatus::Open => "open",
        scoring::RoundStatus::Closed { .. } => "closed",
        scoring::RoundStatus::Revealed { .. } => "revealed",
    }
}

/// Whether an assessor is a chair or secretary, who may look up identities while
/// scoring: the comparison sheet and the logboek say so next to their scores.
pub(crate) fn had_identity_access(conn: &Connection, team_id: i64, assessor: &str) -> Result<bool> {
    let Ok(id) = assessor.parse::<i64>() else {
        return Ok(false);
    };
    Ok(crate::teams::team_member(conn, team_id, id)?.is_some_and(|m| OFFICERS.contains(&m.role)))
}
