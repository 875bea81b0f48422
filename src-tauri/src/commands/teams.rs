//! Formation teams: list, open, create, rename, delete.

use maatstaf_store::sealing::NewOfficer;
use maatstaf_store::teams::{DeletionImpact, TeamDetail, TeamSummary};
use tauri::State;

use crate::ipc_error::IpcError;
use maatstaf_core::access::Action;

use crate::state::{AppState, Sessions};

#[tauri::command]
pub fn list_teams(state: State<'_, AppState>) -> Result<Vec<TeamSummary>, IpcError> {
    state.with_store(|s| Ok(s.list_teams()?))
}

#[tauri::command]
pub fn team_detail(state: State<'_, AppState>, id: i64) -> Result<TeamDetail, IpcError> {
    state.with_store(|s| Ok(s.team_detail(id)?))
}

/// Creates a sealed team; whoever creates it becomes its chair, with the passphrase
/// they chose, and is signed in.
#[tauri::command]
pub fn create_team(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    name: String,
    chair: NewOfficer,
) -> Result<TeamSummary, IpcError> {
    let created = state.with_store(|s| Ok(s.create_sealed_team(&name, &chair)?))?;
    sessions.start_unlocked(created.unlocked);
    Ok(created.team)
}

#[tauri::command]
pub fn rename_team(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    id: i64,
    name: String,
) -> Result<TeamSummary, IpcError> {
    let actor = sessions.actor(id);
    state.with_store(|s| Ok(s.rename_team(id, &name, actor)?))
}

#[tauri::command]
pub fn deletion_impact(state: State<'_, AppState>, id: i64) -> Result<DeletionImpact, IpcError> {
    state.with_store(|s| Ok(s.deletion_impact(id)?))
}

#[tauri::command]
pub fn delete_team(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    id: i64,
) -> Result<(), IpcError> {
    let actor = sessions.actor(id);
    state.with_store(|s| Ok(s.delete_team(id, actor)?))?;
    sessions.after(id, Action::DeleteTeam);
    Ok(())
}
