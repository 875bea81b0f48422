//! Blinded, independent scoring: PINs, conflicts of interest, rounds, sheets, the
//! decision and the unblinding. Every rule is `maatstaf_core::scoring`'s or
//! `maatstaf_core::assessor`'s; this module loads the core values, asks the core, and
//! writes the result and its log entry in one transaction.
//!
//! Every read of round data goes through [`scoring::view_for`]: no function here
//! hands out a `Round` or another assessor's `Sheet`.

use std::collections::BTreeMap;

use maatstaf_core::access::{Action, OFFICERS};
use maatstaf_core::assessor::{
    self, ConflictAction, ConflictDeclaration, ConflictKind, ConflictPolicy, Exclusion,
};
use maatstaf_core::ledger::{content_sha256, sha256_hex, Actor as LedgerActor, EntryKind};
use maatstaf_core::report::SnapshotRequest;
use maatstaf_core::scoring::{
    self, Actor, AssessorSetup, BlindedCandidate, PortfolioChoice, Round, RoundProgress,
    RoundSetup, RoundView, Score, ScoringError, ScoringMode, SelectionState, Sheet,
};
use maatstaf_core::stats::Rating;
use maatstaf_core::team::Role;
use rand::TryRngCore;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::error::{Result, StoreError};
use crate::teams::MEMBER_ORDER;
use crate::{candidates, clock, ledger, rubrics, Store};

/// A frozen rubric version a round can use.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FrozenRubricRef {
    #[ts(type = "number")]
    pub id: i64,
    pub key: String,
    pub version: u32,
    pub title: String,
    pub sha256: String,
}

/// A member as the assessor switch shows them. Members are not candidates: their
/// names may be shown.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScoringMember {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub has_pin: bool,
}

/// One round as listed: its number, where it stands, and "3 of 5 submitted".
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoundSummary {
    pub number: u32,
    /// open | closed | revealed
    pub state: String,
    pub progress: RoundProgress,
}

/// Everything the scoring screen needs that is not a round's content.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScoringOverview {
    pub members: Vec<ScoringMember>,
    pub rubrics: Vec<FrozenRubricRef>,
    /// Codes of candidates with frozen blinded material.
    pub candidates: Vec<String>,
    pub rounds: Vec<RoundSummary>,
    pub selection: SelectionState,
    pub policy: ConflictPolicy,
}

/// A declared conflict with its row id (for the chair's override).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StoredDeclaration {
    #[ts(type = "number")]
    pub id: i64,
    pub declaration: ConflictDeclaration,
    pub action: ConflictAction,
}

/// One assessor's mode when the chair opens a round.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[ts(export)]
pub struct AssessorChoice {
    #[ts(type = "number")]
    pub member_id: i64,
    pub mode: ScoringMode,
}

/// A code next to the person, shown only after the chair unblinded.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct UnblindedCandidate {
    pub code: String,
    pub name: String,
}

/// 32 bytes from the operating system, for round seeds and PIN salts.
pub fn os_random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::rngs::OsRng
        .try_fill_bytes(&mut bytes)
        .expect("the operating system provides randomness");
    bytes
}

// --- reading ---------------------------------------------------------------

fn member(conn: &Connection, team_id: i64, member_id: i64) -> Result<(Actor, LedgerActor)> {
    let m = crate::teams::team_member(conn, team_id, member_id)?
        .ok_or(StoreError::NoSuchMember(member_id))?;
    let id = member_id.to_string();
    Ok((
        Actor::new(id.clone(), m.role),
        LedgerActor::member(id, m.name),
    ))
}

fn parse<T: serde::de::DeserializeOwned>(what: &str, json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| StoreError::ScoringDamaged(format!("{what}: {e}")))
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("core scoring values serialise")
}

fn load_round(conn: &Connection, team_id: i64, number: u32) -> Result<Round> {
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

fn latest_round_number(conn: &Connection, team_id: i64) -> Result<Option<u32>> {
    Ok(conn.query_row(
        "SELECT max(number) FROM scoring_rounds WHERE team_id = ?1",
        [team_id],
        |r| r.get(0),
    )?)
}

fn load_sheets(conn: &Connection, team_id: i64, number: u32) -> Result<Vec<Sheet>> {
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

fn load_policy(conn: &Connection, team_id: i64) -> Result<ConflictPolicy> {
    let json: Option<String> = conn
        .query_row(
            "SELECT policy FROM conflict_policies WHERE team_id = ?1",
            [team_id],
            |r| r.get(0),
        )
        .optional()?;
    json.map_or(Ok(ConflictPolicy::default()), |j| parse("policy", &j))
}

fn load_selection(conn: &Connection, team_id: i64) -> Result<SelectionState> {
    let json: Option<String> = conn
        .query_row(
            "SELECT state FROM selection_states WHERE team_id = ?1",
            [team_id],
            |r| r.get(0),
        )
        .optional()?;
    json.map_or(Ok(SelectionState::default()), |j| parse("selection", &j))
}

fn load_declarations(conn: &Connection, team_id: i64) -> Result<Vec<(i64, ConflictDeclaration)>> {
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
fn frozen_rubric_refs(conn: &Connection, team_id: i64) -> Result<Vec<FrozenRubricRef>> {
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

fn status_str(round: &Round) -> &'static str {
    match round.status() {
        scoring::RoundStatus::Open => "open",
        scoring::RoundStatus::Closed { .. } => "closed",
        scoring::RoundStatus::Revealed { .. } => "revealed",
    }
}

// --- writing ---------------------------------------------------------------

fn insert_round(tx: &Transaction<'_>, team_id: i64, rubric_id: i64, round: &Round) -> Result<()> {
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

fn update_round(tx: &Transaction<'_>, team_id: i64, round: &Round) -> Result<()> {
    tx.execute(
        "UPDATE scoring_rounds SET status = ?3, round = ?4 WHERE team_id = ?1 AND number = ?2",
        params![team_id, round.number(), status_str(round), to_json(round)],
    )?;
    Ok(())
}

fn upsert_sheet(tx: &Transaction<'_>, team_id: i64, sheet: &Sheet) -> Result<Option<String>> {
    let sha = sheet.is_submitted().then(|| content_sha256(sheet));
    tx.execute(
        "INSERT INTO score_sheets (team_id, round, assessor, submitted, sheet, sheet_sha256, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (team_id, round, assessor) DO UPDATE SET
            submitted = excluded.submitted, sheet = excluded.sheet,
            sheet_sha256 = excluded.sheet_sha256, updated_at = excluded.updated_at",
        params![
            team_id,
            sheet.round(),
            sheet.assessor(),
            sheet.is_submitted(),
            to_json(sheet),
            sha,
            clock::now()
        ],
    )?;
    Ok(sha)
}

fn save_selection(tx: &Transaction<'_>, team_id: i64, state: &SelectionState) -> Result<()> {
    tx.execute(
        "INSERT INTO selection_states (team_id, state, changed_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (team_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at",
        params![team_id, to_json(state), clock::now()],
    )?;
    Ok(())
}

/// Called inside the reveal's transaction, after the round is stored as revealed.
/// The place for work that must happen exactly when a comparison becomes visible
/// (the consistency snapshot is added here by the statistics area). For now it
/// checks that the revealed round reads back and verifies.
pub fn on_round_revealed(tx: &Transaction<'_>, team_id: i64, round: &Round) -> Result<()> {
    let stored = load_round(tx, team_id, round.number())?;
    if !stored.is_revealed() {
        return Err(StoreError::ScoringDamaged(format!(
            "round {} was not stored as revealed",
            round.number()
        )));
    }
    // The consistency snapshot is taken at the reveal, in the same transaction, so a
    // revealed round never exists without its measurement of agreement.
    let ratings: Vec<Rating> = load_sheets(tx, team_id, round.number())?
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
        .collect();
    let rubric = round.rubric();
    crate::consistency::record_snapshot(
        tx,
        team_id,
        &SnapshotRequest {
            round: round.number(),
            practice: false,
            rubric_version: rubric.version,
            rubric_sha256: round.rubric_hash(),
            scale: rubric.scale,
            ratings: &ratings,
        },
    )?;
    Ok(())
}

/// Opens round 1 on `conn` (the caller's transaction). Shared by the app and the demo seed.
pub(crate) fn open_first_round(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    rubric_version_id: i64,
    candidates: Vec<String>,
    assessors: Vec<AssessorChoice>,
    seed: [u8; 32],
) -> Result<Round> {
    let (actor, who) = member(tx, team_id, actor_member)?;
    if latest_round_number(tx, team_id)?.is_some() {
        return Err(StoreError::RoundsExist);
    }
    let (rubric, _) =
        rubrics::frozen_version(tx, team_id, rubric_version_id).map_err(|e| match e {
            StoreError::NoSuchRubric(_) | StoreError::RubricNotFrozen(_) => {
                StoreError::RubricNotFrozen(rubric_version_id)
            }
            other => other,
        })?;
    let material = candidates::blinded_candidates(tx, team_id)?;
    for code in &candidates {
        if !material.iter().any(|c| &c.code == code) {
            return Err(StoreError::NotBlinded(code.clone()));
        }
    }
    let mut setups = Vec::new();
    for a in &assessors {
        let (assessor, _) = member(tx, team_id, a.member_id)?;
        setups.push(AssessorSetup {
            id: assessor.id,
            role: assessor.role,
            mode: a.mode,
        });
    }
    let ids: Vec<String> = setups.iter().map(|s| s.id.clone()).collect();
    let declarations: Vec<ConflictDeclaration> = load_declarations(tx, team_id)?
        .into_iter()
        .map(|(_, d)| d)
        .collect();
    let exclusions =
        assessor::excluded_pairs(&declarations, &load_policy(tx, team_id)?, &ids, &candidates);
    let round = Round::open(
        &actor,
        RoundSetup {
            rubric,
            candidates,
            assessors: setups,
            exclusions,
        },
        seed,
    )?;
    insert_round(tx, team_id, rubric_version_id, &round)?;
    ledger::append(
        tx,
        team_id,
        &who,
        EntryKind::RoundOpened,
        json!({
            "round": round.number(),
            "rubric_sha256": round.rubric_hash(),
            "seed": round.seed(),
            "candidate_codes": round.candidates(),
        }),
    )?;
    Ok(round)
}

pub(crate) fn save_score(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    number: u32,
    score: Score,
) -> Result<()> {
    let (actor, _) = member(tx, team_id, actor_member)?;
    let round = load_round(tx, team_id, number)?;
    let mut sheet = load_sheets(tx, team_id, number)?
        .into_iter()
        .find(|s| s.assessor() == actor.id)
        .map_or_else(|| Sheet::new(&round, &actor.id), Ok)?;
    sheet.set_score(&actor, &round, score)?;
    upsert_sheet(tx, team_id, &sheet)?;
    Ok(())
}

pub(crate) fn submit(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    number: u32,
    at: &str,
) -> Result<()> {
    let (actor, who) = member(tx, team_id, actor_member)?;
    let round = load_round(tx, team_id, number)?;
    let mut sheet = load_sheets(tx, team_id, number)?
        .into_iter()
        .find(|s| s.assessor() == actor.id)
        .map_or_else(|| Sheet::new(&round, &actor.id), Ok)?;
    let previous = if number > 1 {
        load_sheets(tx, team_id, number - 1)?
            .into_iter()
            .find(|s| s.assessor() == actor.id && s.is_submitted())
    } else {
        None
    };
    sheet.submit(&actor, &round, previous.as_ref(), at)?;
    let sha = upsert_sheet(tx, team_id, &sheet)?.expect("a submitted sheet has a hash");
    ledger::append(
        tx,
        team_id,
        &who,
        EntryKind::ScoreSubmitted,
        json!({ "round": number, "sheet_sha256": sha }),
    )?;
    Ok(())
}

pub(crate) fn reveal(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    number: u32,
) -> Result<()> {
    let (actor, who) = member(tx, team_id, actor_member)?;
    let mut round = load_round(tx, team_id, number)?;
    let sheets = load_sheets(tx, team_id, number)?;
    round.reveal(&actor, &sheets)?;
    update_round(tx, team_id, &round)?;
    ledger::append(
        tx,
        team_id,
        &who,
        EntryKind::RoundRevealed,
        json!({ "round": number }),
    )?;
    log_revisions(tx, team_id, &round, &sheets)?;
    on_round_revealed(tx, team_id, &round)
}

/// The changed levels of a later round and their reasons, one `score_revised` entry per
/// assessor, written in the reveal's transaction: at submit time the log holds only
/// the sheet's hash, so nothing in it shows a level before everyone may see it.
fn log_revisions(
    tx: &Transaction<'_>,
    team_id: i64,
    round: &Round,
    sheets: &[Sheet],
) -> Result<()> {
    if round.number() < 2 {
        return Ok(());
    }
    let previous = load_round(tx, team_id, round.number() - 1)?;
    let previous_sheets = load_sheets(tx, team_id, round.number() - 1)?;
    let revisions = scoring::revisions(&previous, &previous_sheets, round, sheets)?;
    let mut by_assessor: BTreeMap<&str, Vec<&scoring::Revision>> = BTreeMap::new();
    for r in &revisions {
        by_assessor.entry(&r.assessor).or_default().push(r);
    }
    for (assessor, changes) in by_assessor {
        let Some(sheet) = sheets.iter().find(|s| s.assessor() == assessor) else {
            continue;
        };
        let who = match assessor.parse::<i64>().ok() {
            Some(id) => crate::teams::team_member(tx, team_id, id)?
                .map_or(LedgerActor::System, |m| {
                    LedgerActor::member(assessor, m.name)
                }),
            None => LedgerActor::System,
        };
        let reason = changes
            .iter()
            .map(|c| {
                format!(
                    "{} / {}: {} → {}: {}",
                    c.candidate, c.criterion, c.old, c.new, c.reason
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        let changes: Vec<serde_json::Value> = changes
            .iter()
            .map(|c| {
                json!({
                    "candidate_code": c.candidate,
                    "criterion": c.criterion,
                    "old": c.old,
                    "new": c.new,
                    "reason": c.reason.trim(),
                })
            })
            .collect();
        ledger::append(
            tx,
            team_id,
            &who,
            EntryKind::ScoreRevised,
            json!({
                "round": round.number(),
                "sheet_sha256": content_sha256(sheet),
                "reason": reason,
                "changes": changes,
            }),
        )?;
    }
    Ok(())
}

pub(crate) fn declare(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    candidate_code: &str,
    kind: ConflictKind,
    note: Option<&str>,
) -> Result<StoredDeclaration> {
    let (actor, who) = member(tx, team_id, actor_member)?;
    let known: bool = tx.query_row(
        "SELECT count(*) > 0 FROM candidates WHERE team_id = ?1 AND code = ?2",
        params![team_id, candidate_code],
        |r| r.get(0),
    )?;
    if !known {
        return Err(ScoringError::UnknownCandidate {
            candidate: candidate_code.to_owned(),
        }
        .into());
    }
    let declaration = ConflictDeclaration::new(&actor.id, candidate_code, kind, note)?;
    tx.execute(
        "INSERT INTO conflict_declarations (team_id, member_id, candidate_code, kind, declaration, declared_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (team_id, member_id, candidate_code, kind) DO NOTHING",
        params![
            team_id,
            actor_member,
            candidate_code,
            to_json(&kind).trim_matches('"'),
            to_json(&declaration),
            clock::now()
        ],
    )?;
    let id: i64 = tx.query_row(
        "SELECT id FROM conflict_declarations
         WHERE team_id = ?1 AND member_id = ?2 AND candidate_code = ?3 AND kind = ?4",
        params![
            team_id,
            actor_member,
            candidate_code,
            to_json(&kind).trim_matches('"')
        ],
        |r| r.get(0),
    )?;
    let entry = if kind == ConflictKind::RecognisesPerson {
        EntryKind::RecognitionDeclared
    } else {
        EntryKind::ConflictDeclared
    };
    // The kind is on record in the log, which only the team reads; comparison
    // sheets show "excluded (conflict)" without it.
    ledger::append(
        tx,
        team_id,
        &who,
        entry,
        json!({ "member_id": actor.id, "candidate_code": candidate_code, "kind": kind }),
    )?;
    let policy = load_policy(tx, team_id)?;
    apply_to_open_round(tx, team_id, &actor, &declaration, &policy)?;
    Ok(StoredDeclaration {
        id,
        action: declaration.action(&policy),
        declaration,
    })
}

/// A conflict that excludes, declared while a round is open for this assessor, keeps
/// them out of that candidate from now on (the core refuses after they submitted).
fn apply_to_open_round(
    tx: &Transaction<'_>,
    team_id: i64,
    actor: &Actor,
    declaration: &ConflictDeclaration,
    policy: &ConflictPolicy,
) -> Result<()> {
    if declaration.action(policy) != ConflictAction::Exclude {
        return Ok(());
    }
    let Some(number) = latest_round_number(tx, team_id)? else {
        return Ok(());
    };
    let mut round = load_round(tx, team_id, number)?;
    if !round.is_assessor(&declaration.assessor)
        || round.is_excluded(&declaration.assessor, &declaration.candidate)
        || !matches!(round.status(), scoring::RoundStatus::Open)
        || !round.candidates().contains(&declaration.candidate)
    {
        return Ok(());
    }
    let mut sheets = load_sheets(tx, team_id, number)?;
    round.add_exclusion(
        actor,
        Exclusion {
            assessor: declaration.assessor.clone(),
            candidate: declaration.candidate.clone(),
        },
        &mut sheets,
    )?;
    update_round(tx, team_id, &round)?;
    for sheet in sheets
        .iter()
        .filter(|s| s.assessor() == declaration.assessor)
    {
        upsert_sheet(tx, team_id, sheet)?;
    }
    Ok(())
}

pub(crate) fn set_pin_hash(
    tx: &Transaction<'_>,
    team_id: i64,
    member_id: i64,
    hash: &str,
) -> Result<()> {
    member(tx, team_id, member_id)?;
    let changed = tx.execute(
        "INSERT INTO member_pins (member_id, pin_hash, set_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (member_id) DO NOTHING",
        params![member_id, hash, clock::now()],
    )?;
    if changed == 0 {
        return Err(StoreError::PinAlreadySet);
    }
    Ok(())
}

impl Store {
    // --- who is acting -----------------------------------------------------

    pub fn scoring_members(&self, team_id: i64) -> Result<Vec<ScoringMember>> {
        self.team(team_id)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT m.id, m.name, m.role, p.member_id IS NOT NULL FROM members m
                 LEFT JOIN member_pins p ON p.member_id = m.id
                 WHERE m.team_id = ?1 ORDER BY {MEMBER_ORDER}"
        ))?;
        let rows = stmt.query_map([team_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, role, has_pin) = row?;
            let role = Role::parse(&role).ok_or(StoreError::NoSuchMember(id))?;
            out.push(ScoringMember {
                id,
                name,
                role,
                has_pin,
            });
        }
        Ok(out)
    }

    /// The core actor for a member of the team; the app builds every scoring call from this.
    pub fn member_actor(&self, team_id: i64, member_id: i64) -> Result<Actor> {
        Ok(member(&self.conn, team_id, member_id)?.0)
    }

    /// Sets a member's first PIN (4–12 digits, not a guessable one), typed by that
    /// member. A PIN that is already set is not replaced here (see [`Store::reset_pin`]).
    /// In a protected team the acting chair or secretary (`actor`) must be there.
    pub fn set_pin(
        &mut self,
        team_id: i64,
        member_id: i64,
        pin: &str,
        salt: &[u8],
        actor: Option<i64>,
    ) -> Result<()> {
        member(&self.conn, team_id, member_id)?;
        let by = self.authorize(team_id, Action::SetFirstPin, actor)?.ledger;
        let hash = assessor::hash_pin(pin, salt)?;
        let tx = self.conn.transaction()?;
        set_pin_hash(&tx, team_id, member_id, &hash)?;
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::PinSet,
            json!({ "member_id": member_id.to_string() }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Wipes a member's PIN (a forgotten one, or one somebody else set), so they can
    /// set a new one with the chair or secretary; their wrong-PIN count goes too.
    pub fn reset_pin(&mut self, team_id: i64, member_id: i64, actor: Option<i64>) -> Result<()> {
        let target = member(&self.conn, team_id, member_id)?.1;
        let by = self.authorize(team_id, Action::ResetPin, actor)?.ledger;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM member_pins WHERE member_id = ?1", [member_id])?;
        tx.execute("DELETE FROM pin_failures WHERE member_id = ?1", [member_id])?;
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::PinReset,
            json!({ "member_id": member_id.to_string(), "name": target.display().nl }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Whether the team lets its chair and secretary, who may see identities, score.
    pub fn officers_score(&self, team_id: i64) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT officers_score FROM teams WHERE id = ?1",
            [team_id],
            |r| r.get(0),
        )?)
    }

    /// The chair or the secretary (or, before the team is protected, anyone) decides
    /// whether officers score; logged.
    pub fn set_officers_score(
        &mut self,
        team_id: i64,
        officers_score: bool,
        actor: Option<i64>,
    ) -> Result<()> {
        let by = self
            .authorize(team_id, Action::ChangeTeamSettings, actor)?
            .ledger;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE teams SET officers_score = ?1 WHERE id = ?2",
            params![officers_score, team_id],
        )?;
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::TeamSettingsChanged,
            json!({ "officers_score": officers_score }),
        )?;
        tx.commit()?;
        Ok(())
    }

    fn check_officers_may_score(
        &self,
        team_id: i64,
        assessors: impl Iterator<Item = i64>,
    ) -> Result<()> {
        if self.officers_score(team_id)? {
            return Ok(());
        }
        for id in assessors {
            let (a, who) = member(&self.conn, team_id, id)?;
            if OFFICERS.contains(&a.role) {
                return Err(StoreError::OfficerMayNotScore(who.display().nl));
            }
        }
        Ok(())
    }

    // --- overview and reads --------------------------------------------------

    pub fn scoring_overview(&self, team_id: i64) -> Result<ScoringOverview> {
        let members = self.scoring_members(team_id)?;
        let rubrics = frozen_rubric_refs(&self.conn, team_id)?;
        let candidates = candidates::blinded_candidates(&self.conn, team_id)?
            .into_iter()
            .map(|c| c.code)
            .collect();
        let mut rounds = Vec::new();
        if let Some(last) = latest_round_number(&self.conn, team_id)? {
            for number in 1..=last {
                let round = load_round(&self.conn, team_id, number)?;
                let sheets = load_sheets(&self.conn, team_id, number)?;
                rounds.push(RoundSummary {
                    number,
                    state: status_str(&round).to_owned(),
                    progress: round.progress(&sheets)?,
                });
            }
        }
        Ok(ScoringOverview {
            members,
            rubrics,
            candidates,
            rounds,
            selection: load_selection(&self.conn, team_id)?,
            policy: load_policy(&self.conn, team_id)?,
        })
    }

    /// What `viewer` may see of round `number`: always through `scoring::view_for`.
    pub fn round_view(&self, team_id: i64, viewer: i64, number: u32) -> Result<RoundView> {
        self.authorize(team_id, Action::ViewRound, Some(viewer))?;
        let (actor, _) = member(&self.conn, team_id, viewer)?;
        let round = load_round(&self.conn, team_id, number)?;
        let sheets = load_sheets(&self.conn, team_id, number)?;
        Ok(scoring::view_for(&actor, &round, &sheets)?)
    }

    /// The blinded material of the round's candidates, for a participant of the round.
    pub fn round_material(
        &self,
        team_id: i64,
        viewer: i64,
        number: u32,
    ) -> Result<Vec<BlindedCandidate>> {
        // view_for decides who takes part; its answer itself is not needed here.
        self.round_view(team_id, viewer, number)?;
        let round = load_round(&self.conn, team_id, number)?;
        Ok(candidates::blinded_candidates(&self.conn, team_id)?
            .into_iter()
            .filter(|c| round.candidates().contains(&c.code))
            .collect())
    }

    /// The comparison sheet of a revealed round as a standalone HTML file, for
    /// `viewer` (who must be allowed to see it: the same `view_for` rule).
    pub fn comparison_html(
        &self,
        team_id: i64,
        viewer: i64,
        number: u32,
        lang: maatstaf_core::i18n::Lang,
    ) -> Result<String> {
        self.authorize(team_id, Action::ViewRound, Some(viewer))?;
        let RoundView::Revealed { comparison } = self.round_view(team_id, viewer, number)? else {
            return Err(ScoringError::NotRevealed.into());
        };
        // An officer could look up who the codes are while scoring; the sheet says so.
        let marker = match lang {
            maatstaf_core::i18n::Lang::Nl => "kon identiteiten inzien",
            maatstaf_core::i18n::Lang::En => "could see identities",
        };
        let names: BTreeMap<String, String> = self
            .scoring_members(team_id)?
            .into_iter()
            .map(|m| {
                let name = if OFFICERS.contains(&m.role) {
                    format!("{} ({marker})", m.name)
                } else {
                    m.name
                };
                (m.id.to_string(), name)
            })
            .collect();
        let team = self.team(team_id)?;
        let heading = match lang {
            maatstaf_core::i18n::Lang::Nl => {
                format!("Vergelijkingsblad ronde {number} — {}", team.name)
            }
            maatstaf_core::i18n::Lang::En => {
                format!("Comparison sheet round {number} — {}", team.name)
            }
        };
        Ok(maatstaf_core::report::comparison_sheet(
            &comparison,
            &names,
            &heading,
            lang,
        ))
    }

    /// Records that `viewer` exported round `number`'s comparison sheet as `html`:
    /// scores leave the app in that file, so the team's log says who, when and which
    /// file (by its SHA-256). Call it once the file is written.
    pub fn log_comparison_export(
        &mut self,
        team_id: i64,
        viewer: i64,
        number: u32,
        html: &str,
        file_name: &str,
    ) -> Result<()> {
        let actor = self
            .authorize(team_id, Action::ExportComparison, Some(viewer))?
            .ledger;
        let sha = sha256_hex(html.as_bytes());
        let tx = self.conn.transaction()?;
        ledger::append(
            &tx,
            team_id,
            &actor,
            EntryKind::ComparisonSheetExported,
            json!({ "round": number, "html_sha256": sha, "file": file_name }),
        )?;
        tx.commit()?;
        Ok(())
    }

    // --- round lifecycle -----------------------------------------------------

    pub fn open_round(
        &mut self,
        team_id: i64,
        actor_member: i64,
        rubric_version_id: i64,
        candidates: Vec<String>,
        assessors: Vec<AssessorChoice>,
    ) -> Result<u32> {
        self.authorize(team_id, Action::OpenRound, Some(actor_member))?;
        self.check_officers_may_score(team_id, assessors.iter().map(|a| a.member_id))?;
        // A trainer's minimum agreement on practice cases gates the first live round.
        if !self.live_scoring_open(team_id)? {
            return Err(StoreError::LiveScoringClosed);
        }
        let tx = self.conn.transaction()?;
        let round = open_first_round(
            &tx,
            team_id,
            actor_member,
            rubric_version_id,
            candidates,
            assessors,
            os_random(),
        )?;
        tx.commit()?;
        Ok(round.number())
    }

    /// The chair opens the next round after a revealed one: same rubric, candidates,
    /// assessors and modes, fresh orders.
    pub fn open_next_round(&mut self, team_id: i64, actor_member: i64) -> Result<u32> {
        self.authorize(team_id, Action::OpenRound, Some(actor_member))?;
        if let Some(last) = latest_round_number(&self.conn, team_id)? {
            let previous = load_round(&self.conn, team_id, last)?;
            let ids: Vec<i64> = previous
                .assessors()
                .iter()
                .filter_map(|a| a.assessor.parse().ok())
                .collect();
            self.check_officers_may_score(team_id, ids.into_iter())?;
        }
        let tx = self.conn.transaction()?;
        let (actor, who) = member(&tx, team_id, actor_member)?;
        let last = latest_round_number(&tx, team_id)?.ok_or(StoreError::NoRounds)?;
        let previous = load_round(&tx, team_id, last)?;
        let round = previous.next(&actor, os_random())?;
        let rubric_id: i64 = tx.query_row(
            "SELECT rubric_version_id FROM scoring_rounds WHERE team_id = ?1 AND number = ?2",
            params![team_id, last],
            |r| r.get(0),
        )?;
        insert_round(&tx, team_id, rubric_id, &round)?;
        ledger::append(
            &tx,
            team_id,
            &who,
            EntryKind::RoundOpened,
            json!({ "round": round.number(), "rubric_sha256": round.rubric_hash(), "seed": round.seed() }),
        )?;
        tx.commit()?;
        Ok(round.number())
    }

    /// Saves one cell of the actor's own draft (autosave).
    pub fn save_score(
        &mut self,
        team_id: i64,
        actor_member: i64,
        number: u32,
        score: Score,
    ) -> Result<()> {
        self.authorize(team_id, Action::Score, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        save_score(&tx, team_id, actor_member, number, score)?;
        tx.commit()?;
        Ok(())
    }

    /// Submits and locks the actor's sheet, with its log entry, in one transaction.
    pub fn submit_sheet(&mut self, team_id: i64, actor_member: i64, number: u32) -> Result<()> {
        self.authorize(team_id, Action::SubmitSheet, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        submit(&tx, team_id, actor_member, number, &clock::now())?;
        tx.commit()?;
        Ok(())
    }

    /// The chair stops the round; those who had not submitted are recorded as missing.
    pub fn close_round(&mut self, team_id: i64, actor_member: i64, number: u32) -> Result<()> {
        self.authorize(team_id, Action::CloseRound, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let (actor, who) = member(&tx, team_id, actor_member)?;
        let mut round = load_round(&tx, team_id, number)?;
        let sheets = load_sheets(&tx, team_id, number)?;
        round.close(&actor, &sheets)?;
        let missing = match round.status() {
            scoring::RoundStatus::Closed { missing } => missing.clone(),
            _ => Vec::new(),
        };
        update_round(&tx, team_id, &round)?;
        ledger::append(
            &tx,
            team_id,
            &who,
            EntryKind::RoundClosed,
            json!({ "round": number, "missing_assessors": missing }),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn reveal_round(&mut self, team_id: i64, actor_member: i64, number: u32) -> Result<()> {
        self.authorize(team_id, Action::RevealRound, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        reveal(&tx, team_id, actor_member, number)?;
        tx.commit()?;
        Ok(())
    }

    // --- conflicts -------------------------------------------------------------

    pub fn declare_conflict(
        &mut self,
        team_id: i64,
        actor_member: i64,
        candidate_code: &str,
        kind: ConflictKind,
        note: Option<&str>,
    ) -> Result<StoredDeclaration> {
        self.authorize(team_id, Action::Score, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let stored = declare(&tx, team_id, actor_member, candidate_code, kind, note)?;
        tx.commit()?;
        Ok(stored)
    }

    /// The declarations `viewer` may see: their own, or every one for the chair (who
    /// decides overrides).
    pub fn conflict_declarations(
        &self,
        team_id: i64,
        viewer: i64,
    ) -> Result<Vec<StoredDeclaration>> {
        self.authorize(team_id, Action::Score, Some(viewer))?;
        let (actor, _) = member(&self.conn, team_id, viewer)?;
        let policy = load_policy(&self.conn, team_id)?;
        Ok(load_declarations(&self.conn, team_id)?
            .into_iter()
            .filter(|(_, d)| actor.role == Role::Chair || d.assessor == actor.id)
            .map(|(id, declaration)| StoredDeclaration {
                id,
                action: declaration.action(&policy),
                declaration,
            })
            .collect())
    }

    pub fn set_conflict_rule(
        &mut self,
        team_id: i64,
        actor_member: i64,
        kind: ConflictKind,
        action: ConflictAction,
        reason: &str,
    ) -> Result<ConflictPolicy> {
        self.authorize(team_id, Action::SetConflictRule, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let (actor, who) = member(&tx, team_id, actor_member)?;
        let mut policy = load_policy(&tx, team_id)?;
        policy.set_rule(&actor, kind, action, reason)?;
        tx.execute(
            "INSERT INTO conflict_policies (team_id, policy, changed_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (team_id) DO UPDATE SET policy = excluded.policy, changed_at = excluded.changed_at",
            params![team_id, to_json(&policy), clock::now()],
        )?;
        let reason = if reason.trim().is_empty() {
            "standaardregel".to_owned()
        } else {
            reason.trim().to_owned()
        };
        ledger::append(
            &tx,
            team_id,
            &who,
            EntryKind::ConflictRuleChanged,
            json!({ "kind": kind, "action": action, "reason": reason }),
        )?;
        tx.commit()?;
        Ok(policy)
    }

    pub fn override_conflict(
        &mut self,
        team_id: i64,
        actor_member: i64,
        declaration_id: i64,
        action: ConflictAction,
        reason: &str,
    ) -> Result<StoredDeclaration> {
        self.authorize(team_id, Action::OverrideConflict, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let (actor, who) = member(&tx, team_id, actor_member)?;
        let (_, mut declaration) = load_declarations(&tx, team_id)?
            .into_iter()
            .find(|(id, _)| *id == declaration_id)
            .ok_or(StoreError::ScoringDamaged(format!(
                "declaration {declaration_id} not found"
            )))?;
        declaration.override_rule(&actor, action, reason)?;
        tx.execute(
            "UPDATE conflict_declarations SET declaration = ?2 WHERE id = ?1",
            params![declaration_id, to_json(&declaration)],
        )?;
        ledger::append(
            &tx,
            team_id,
            &who,
            EntryKind::ConflictOverridden,
            json!({
                "member_id": declaration.assessor,
                "candidate_code": declaration.candidate,
                "action": action,
                "reason": reason.trim(),
            }),
        )?;
        let policy = load_policy(&tx, team_id)?;
        tx.commit()?;
        Ok(StoredDeclaration {
            id: declaration_id,
            action: declaration.action(&policy),
            declaration,
        })
    }

    // --- decision and unblinding ---------------------------------------------

    pub fn record_decision(
        &mut self,
        team_id: i64,
        actor_member: i64,
        choices: Vec<PortfolioChoice>,
    ) -> Result<SelectionState> {
        self.authorize(team_id, Action::RecordDecision, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let (actor, who) = member(&tx, team_id, actor_member)?;
        let last = latest_round_number(&tx, team_id)?.ok_or(StoreError::NoRounds)?;
        let round = load_round(&tx, team_id, last)?;
        let mut state = load_selection(&tx, team_id)?;
        let decision = state
            .decide(&actor, &round, choices, &clock::now())?
            .clone();
        save_selection(&tx, team_id, &state)?;
        let reasons: Vec<serde_json::Value> = decision
            .choices
            .iter()
            .map(|c| json!({ "portfolio": c.portfolio, "candidate_codes": c.candidates, "reason": c.reason }))
            .collect();
        ledger::append(
            &tx,
            team_id,
            &who,
            EntryKind::DecisionRecorded,
            json!({ "round": last, "reasons": reasons }),
        )?;
        tx.commit()?;
        Ok(state)
    }

    /// The chair opens the blinding key, once, after the decision. Returns each code
    /// with its person.
    pub fn unblind(
        &mut self,
        team_id: i64,
        actor_member: i64,
        reason: &str,
    ) -> Result<Vec<UnblindedCandidate>> {
        self.authorize(team_id, Action::Unblind, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let (actor, who) = member(&tx, team_id, actor_member)?;
        let mut state = load_selection(&tx, team_id)?;
        state.unblind(&actor, &clock::now())?;
        save_selection(&tx, team_id, &state)?;
        let reason = if reason.trim().is_empty() {
            "besluit vastgelegd".to_owned()
        } else {
            reason.trim().to_owned()
        };
        ledger::append(
            &tx,
            team_id,
            &who,
            EntryKind::Unblinded,
            json!({ "reason": reason }),
        )?;
        tx.commit()?;
        self.unblinded_candidates(team_id, Some(actor_member))
    }

    /// Codes with names, only once the team is unblinded; refused before.
    pub fn unblinded_candidates(
        &self,
        team_id: i64,
        actor: Option<i64>,
    ) -> Result<Vec<UnblindedCandidate>> {
        self.authorize(team_id, Action::ViewUnblinded, actor)?;
        let mut stmt = self.conn.prepare(
            "SELECT c.code, i.name FROM candidates c JOIN candidate_identities i ON i.candidate_id = c.id
             WHERE c.team_id = ?1 ORDER BY c.code",
        )?;
        let rows = stmt.query_map([team_id], |r| {
            Ok(UnblindedCandidate {
                code: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests;

/// The scoring parts of a committee's logboek: every revealed round's submitted
/// sheets, the revisions between consecutive rounds with their reasons, and the
/// decision. Sheets of a round that is not revealed stay out: nobody has seen them yet.
pub fn logboek_sections(
    conn: &Connection,
    team_id: i64,
) -> Result<Vec<maatstaf_core::ledger::Section>> {
    use maatstaf_core::ledger::{Section, SectionName};
    use maatstaf_core::scoring::revisions;

    let mut revealed = Vec::new();
    let mut number = 1;
    while let Some(latest) = latest_round_number(conn, team_id)? {
        if number > latest {
            break;
        }
        let round = load_round(conn, team_id, number)?;
        if round.is_revealed() {
            let sheets = load_sheets(conn, team_id, number)?;
            revealed.push((round, sheets));
        }
        number += 1;
    }
    let mut scores = Vec::new();
    for (round, sheets) in &revealed {
        for sheet in sheets.iter().filter(|s| s.is_submitted()) {
            scores.push(serde_json::json!({
                "round": round.number(),
                "assessor": sheet.assessor(),
                "identity_access": had_identity_access(conn, team_id, sheet.assessor())?,
                "status": sheet.status(),
                "scores": sheet.scores(),
            }));
        }
    }
    let mut changes = Vec::new();
    for pair in revealed.windows(2) {
        let ((prev, prev_sheets), (next, next_sheets)) = (&pair[0], &pair[1]);
        if next.number() == prev.number() + 1 {
            changes.extend(revisions(prev, prev_sheets, next, next_sheets)?);
        }
    }
    let mut sections = vec![
        Section {
            name: SectionName::Scores,
            content: serde_json::json!(scores),
        },
        Section {
            name: SectionName::Revisions,
            content: serde_json::json!(changes),
        },
    ];
    if let Some(decision) = load_selection(conn, team_id)?.decision {
        sections.push(Section {
            name: SectionName::Decision,
            content: serde_json::json!(decision),
        });
    }
    Ok(sections)
}

/// Whether an assessor is a chair or secretary, who may look up identities while
/// scoring: the comparison sheet and the logboek say so next to their scores.
pub(crate) fn had_identity_access(conn: &Connection, team_id: i64, assessor: &str) -> Result<bool> {
    let Ok(id) = assessor.parse::<i64>() else {
        return Ok(false);
    };
    Ok(crate::teams::team_member(conn, team_id, id)?.is_some_and(|m| OFFICERS.contains(&m.role)))
}

impl Store {
    /// See [`logboek_sections`].
    pub fn scoring_logboek_sections(
        &self,
        team_id: i64,
    ) -> Result<Vec<maatstaf_core::ledger::Section>> {
        logboek_sections(&self.conn, team_id)
    }
}
