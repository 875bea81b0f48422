//! Posts (portefeuilles): the team's posts on frozen rubrics, a first round for
//! several posts, and the allocation advice after the reveal.

use maatstaf_core::access::Action;
use maatstaf_core::formation::{AssignmentAnalysis, BalanceRule};
use maatstaf_store::posts::{PostSummary, RuledOut};
use maatstaf_store::scoring::AssessorChoice;
use tauri::State;

use crate::commands::access::require_actor;
use crate::ipc_error::IpcError;
use crate::state::{AppState, Sessions};

#[tauri::command]
pub fn list_posts(state: State<'_, AppState>, team_id: i64) -> Result<Vec<PostSummary>, IpcError> {
    state.with_store(|s| Ok(s.list_posts(team_id)?))
}

#[tauri::command]
pub fn define_post(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    name: String,
    rubric_version_id: i64,
) -> Result<Vec<PostSummary>, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| {
        s.define_post(team_id, actor, &name, rubric_version_id)?;
        Ok(s.list_posts(team_id)?)
    })
}

#[tauri::command]
pub fn remove_post(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    post_id: i64,
) -> Result<Vec<PostSummary>, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| {
        s.remove_post(team_id, actor, post_id)?;
        Ok(s.list_posts(team_id)?)
    })
}

#[tauri::command]
pub fn open_round_for_posts(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    post_ids: Vec<i64>,
    candidates: Vec<String>,
    assessors: Vec<AssessorChoice>,
    balance: Option<Vec<BalanceRule>>,
) -> Result<u32, IpcError> {
    let me = require_actor(&sessions, team_id, Action::OpenRound)?;
    let balance = balance.unwrap_or_default();
    state.with_store(|s| {
        Ok(s.open_round_for_posts(team_id, me, post_ids, candidates, assessors, &balance)?)
    })
}

#[tauri::command]
pub fn allocation_advice(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
    ruled_out: Vec<RuledOut>,
) -> Result<AssignmentAnalysis, IpcError> {
    let me = require_actor(&sessions, team_id, Action::ViewAllocation)?;
    state.with_store(|s| Ok(s.allocation_advice(team_id, me, round, &ruled_out)?))
}
