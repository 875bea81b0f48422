//! Formation teams: list, open, create, rename, delete.

use maatstaf_store::scoring::ScoringMember;
use maatstaf_store::teams::{DeletionImpact, TeamDetail, TeamSummary};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::ipc_error::IpcError;
use crate::state::{AppState, ScoringSessions};

#[tauri::command]
pub fn list_teams(state: State<'_, AppState>) -> Result<Vec<TeamSummary>, IpcError> {
    state.with_store(|s| Ok(s.list_teams()?))
}

#[tauri::command]
pub fn team_detail(state: State<'_, AppState>, id: i64) -> Result<TeamDetail, IpcError> {
    state.with_store(|s| Ok(s.team_detail(id)?))
}

/// Who is acting for a team on the home screen and whether the store lets them manage
/// its members. `protected`: a chair or secretary has a PIN, so only they may.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TeamAccess {
    pub members: Vec<ScoringMember>,
    pub active: Option<ScoringMember>,
    pub protected: bool,
    pub may_manage: bool,
}

#[tauri::command]
pub fn team_access(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
) -> Result<TeamAccess, IpcError> {
    let actor = sessions.active(team_id);
    state.with_store(|s| {
        let members = s.scoring_members(team_id)?;
        let active = sessions.active_member(team_id, &members);
        Ok(TeamAccess {
            protected: s.team_protected(team_id)?,
            may_manage: s.may_manage_team(team_id, actor)?,
            members,
            active,
        })
    })
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
pub fn delete_team(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    id: i64,
) -> Result<(), IpcError> {
    let actor = sessions.active(id);
    state.with_store(|s| Ok(s.delete_team(id, actor)?))?;
    sessions.clear(id);
    Ok(())
}
