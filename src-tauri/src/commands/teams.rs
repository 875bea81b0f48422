//! Formation teams: list, open, create, rename, delete.

use maatstaf_store::teams::{DeletionImpact, TeamDetail, TeamSummary};
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn list_teams(state: State<'_, AppState>) -> Result<Vec<TeamSummary>, IpcError> {
    state.with_store(|s| Ok(s.list_teams()?))
}

#[tauri::command]
pub fn team_detail(state: State<'_, AppState>, id: i64) -> Result<TeamDetail, IpcError> {
    state.with_store(|s| Ok(s.team_detail(id)?))
}

#[tauri::command]
pub fn create_team(state: State<'_, AppState>, name: String) -> Result<TeamSummary, IpcError> {
    state.with_store(|s| Ok(s.create_team(&name)?))
}

#[tauri::command]
pub fn rename_team(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<TeamSummary, IpcError> {
    state.with_store(|s| Ok(s.rename_team(id, &name)?))
}

#[tauri::command]
pub fn deletion_impact(state: State<'_, AppState>, id: i64) -> Result<DeletionImpact, IpcError> {
    state.with_store(|s| Ok(s.deletion_impact(id)?))
}

#[tauri::command]
pub fn delete_team(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.with_store(|s| Ok(s.delete_team(id)?))
}
