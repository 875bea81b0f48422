//! Team members: add, edit, remove.

use maatstaf_core::team::Role;
use maatstaf_store::teams::Member;
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn add_member(
    state: State<'_, AppState>,
    team_id: i64,
    name: String,
    role: Role,
    party: Option<String>,
) -> Result<Member, IpcError> {
    state.with_store(|s| Ok(s.add_member(team_id, &name, role, party.as_deref())?))
}

#[tauri::command]
pub fn update_member(
    state: State<'_, AppState>,
    team_id: i64,
    member_id: i64,
    name: String,
    role: Role,
    party: Option<String>,
) -> Result<Member, IpcError> {
    state.with_store(|s| Ok(s.update_member(team_id, member_id, &name, role, party.as_deref())?))
}

#[tauri::command]
pub fn remove_member(
    state: State<'_, AppState>,
    team_id: i64,
    member_id: i64,
) -> Result<(), IpcError> {
    state.with_store(|s| Ok(s.remove_member(team_id, member_id)?))
}
