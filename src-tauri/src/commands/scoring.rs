//! Scoring: the assessor switch with PINs, conflicts, rounds, sheets, the comparison
//! sheet, the decision and the unblinding. Who acts is never taken from the UI: it is
//! the member who switched in with their PIN (`Sessions`).

use maatstaf_core::assessor::{ConflictAction, ConflictKind, ConflictPolicy};
use maatstaf_core::formation::BalanceRule;
use maatstaf_core::scoring::{BlindedCandidate, PortfolioChoice, RoundView, Score, SelectionState};
use maatstaf_store::scoring::{
    AssessorChoice, NextRoundPlan, OwnPartyReport, ScoringMember, ScoringOverview,
    StoredDeclaration, UnblindedCandidate,
};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use maatstaf_core::access::Action;

use crate::commands::access::{require_actor, require_unlocked};
use crate::ipc_error::IpcError;
use crate::state::{AppState, Sessions};

/// The scoring screen's frame: the team's scoring state and who is acting.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ScoringScreen {
    pub overview: ScoringOverview,
    pub active: Option<ScoringMember>,
}

#[tauri::command]
pub fn scoring_screen(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
) -> Result<ScoringScreen, IpcError> {
    state.with_store(|s| {
        let overview = s.scoring_overview(team_id)?;
        let active = sessions.active_member(team_id, &overview.members);
        Ok(ScoringScreen { overview, active })
    })
}

#[tauri::command]
pub fn round_view(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
) -> Result<RoundView, IpcError> {
    let me = require_actor(&sessions, team_id, Action::ViewRound)?;
    state.with_store(|s| Ok(s.round_view(team_id, me, round)?))
}

#[tauri::command]
pub fn round_material(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
) -> Result<Vec<BlindedCandidate>, IpcError> {
    let me = require_actor(&sessions, team_id, Action::ViewRound)?;
    state.with_store(|s| Ok(s.round_material(team_id, me, round)?))
}

#[tauri::command]
pub fn open_round(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    rubric_version_id: i64,
    candidates: Vec<String>,
    assessors: Vec<AssessorChoice>,
    balance: Option<Vec<BalanceRule>>,
) -> Result<u32, IpcError> {
    let me = require_actor(&sessions, team_id, Action::OpenRound)?;
    let balance = balance.unwrap_or_default();
    state.with_store(|s| {
        Ok(s.open_round_balanced(
            team_id,
            me,
            rubric_version_id,
            candidates,
            assessors,
            &balance,
        )?)
    })
}

/// What the setup of the next round starts from (none before the first round).
#[tauri::command]
pub fn next_round_plan(
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<Option<NextRoundPlan>, IpcError> {
    state.with_store(|s| Ok(s.next_round_plan(team_id)?))
}

#[tauri::command]
pub fn open_next_round(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    candidates: Vec<String>,
    assessors: Vec<AssessorChoice>,
    balance: Option<Vec<BalanceRule>>,
) -> Result<u32, IpcError> {
    let me = require_actor(&sessions, team_id, Action::OpenRound)?;
    let balance = balance.unwrap_or_default();
    state.with_store(|s| {
        Ok(s.open_next_round_balanced(team_id, me, candidates, assessors, &balance)?)
    })
}

#[tauri::command]
pub fn save_score(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
    score: Score,
) -> Result<(), IpcError> {
    let me = require_actor(&sessions, team_id, Action::Score)?;
    state.with_store(|s| Ok(s.save_score(team_id, me, round, score)?))
}

/// Does `action` as the member who switched in, then returns the round as that member
/// now sees it (through the same no-peeking view as every read).
fn act_then_view(
    state: &AppState,
    sessions: &Sessions,
    team_id: i64,
    round: u32,
    action: Action,
    act: impl FnOnce(&mut maatstaf_store::Store, i64) -> Result<(), maatstaf_store::StoreError>,
) -> Result<RoundView, IpcError> {
    let me = require_actor(sessions, team_id, action)?;
    let view = state.with_store(|s| {
        act(s, me)?;
        Ok(s.round_view(team_id, me, round)?)
    })?;
    sessions.after(team_id, action);
    Ok(view)
}

#[tauri::command]
pub fn submit_sheet(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
) -> Result<RoundView, IpcError> {
    act_then_view(
        &state,
        &sessions,
        team_id,
        round,
        Action::SubmitSheet,
        |s, me| s.submit_sheet(team_id, me, round).map(drop),
    )
}

#[tauri::command]
pub fn close_round(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
) -> Result<RoundView, IpcError> {
    act_then_view(
        &state,
        &sessions,
        team_id,
        round,
        Action::CloseRound,
        |s, me| s.close_round(team_id, me, round).map(drop),
    )
}

#[tauri::command]
pub fn reveal_round(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
) -> Result<RoundView, IpcError> {
    act_then_view(
        &state,
        &sessions,
        team_id,
        round,
        Action::RevealRound,
        |s, me| s.reveal_round(team_id, me, round).map(drop),
    )
}

#[tauri::command]
pub fn declare_conflict(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    candidate: String,
    kind: ConflictKind,
    note: Option<String>,
) -> Result<StoredDeclaration, IpcError> {
    let me = require_actor(&sessions, team_id, Action::Score)?;
    state.with_store(|s| Ok(s.declare_conflict(team_id, me, &candidate, kind, note.as_deref())?))
}

#[tauri::command]
pub fn conflict_declarations(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
) -> Result<Vec<StoredDeclaration>, IpcError> {
    let me = require_actor(&sessions, team_id, Action::Score)?;
    state.with_store(|s| Ok(s.conflict_declarations(team_id, me)?))
}

#[tauri::command]
pub fn set_conflict_rule(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    kind: ConflictKind,
    action: ConflictAction,
    reason: String,
) -> Result<ConflictPolicy, IpcError> {
    let me = require_actor(&sessions, team_id, Action::SetConflictRule)?;
    state.with_store(|s| Ok(s.set_conflict_rule(team_id, me, kind, action, &reason)?))
}

#[tauri::command]
pub fn override_conflict(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    declaration_id: i64,
    action: ConflictAction,
    reason: String,
) -> Result<StoredDeclaration, IpcError> {
    let me = require_actor(&sessions, team_id, Action::OverrideConflict)?;
    state.with_store(|s| Ok(s.override_conflict(team_id, me, declaration_id, action, &reason)?))
}

#[tauri::command]
pub fn record_decision(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    choices: Vec<PortfolioChoice>,
) -> Result<SelectionState, IpcError> {
    let me = require_actor(&sessions, team_id, Action::RecordDecision)?;
    state.with_store(|s| Ok(s.record_decision(team_id, me, choices)?))
}

#[tauri::command]
pub fn unblind(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    reason: String,
) -> Result<Vec<UnblindedCandidate>, IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::Unblind)?;
    let names = state.with_store(|s| Ok(s.unblind(&by, &reason)?))?;
    sessions.after(team_id, Action::Unblind);
    Ok(names)
}

/// Names next to codes, only after the chair unblinded (refused before), for an
/// officer signed in with their passphrase.
#[tauri::command]
pub fn unblinded_candidates(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
) -> Result<Vec<UnblindedCandidate>, IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::ViewUnblinded)?;
    state.with_store(|s| Ok(s.unblinded_candidates(&by)?))
}

/// Own-party leniency on the decided round, only after the unblinding (refused
/// before), for an officer signed in with their passphrase.
#[tauri::command]
pub fn own_party_leniency(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
) -> Result<OwnPartyReport, IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::ViewUnblinded)?;
    state.with_store(|s| Ok(s.own_party_leniency(&by)?))
}
