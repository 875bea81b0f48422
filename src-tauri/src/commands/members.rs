//! Team members: add, edit, remove. Who acts is the member switched in with their PIN
//! (`Sessions`); the store decides whether they may.

use maatstaf_core::team::Role;
use maatstaf_store::teams::Member;
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::{AppState, Sessions};

#[tauri::command]
pub fn add_member(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    name: String,
    role: Role,
    party: Option<String>,
) -> Result<Member, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.add_member(team_id, &name, role, party.as_deref(), actor)?))
}

#[tauri::command]
pub fn update_member(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    member_id: i64,
    name: String,
    role: Role,
    party: Option<String>,
) -> Result<Member, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| {
        Ok(s.update_member(team_id, member_id, &name, role, party.as_deref(), actor)?)
    })
}

#[tauri::command]
pub fn remove_member(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    member_id: i64,
) -> Result<(), IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.remove_member(team_id, member_id, actor)?))
}
