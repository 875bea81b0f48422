//! Personal data from intake to deletion: erasing one candidate, the retention date,
//! closing the formation. The store decides; these carry the session.

use maatstaf_core::access::Action;
use maatstaf_store::privacy::{ClosingReport, ErasureReason, Retention};
use tauri::State;

use crate::commands::access::require_unlocked;
use crate::ipc_error::IpcError;
use crate::state::{AppState, Sessions};

#[tauri::command]
pub fn erase_candidate(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    code: String,
    reason: ErasureReason,
) -> Result<(), IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.erase_candidate(team_id, actor, &code, reason)?))
}

#[tauri::command]
pub fn retention(state: State<'_, AppState>, team_id: i64) -> Result<Retention, IpcError> {
    state.with_store(|s| Ok(s.retention(team_id)?))
}

#[tauri::command]
pub fn set_retention(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    date: String,
    reason: String,
) -> Result<Retention, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.set_retention(team_id, actor, &date, &reason)?))
}

#[tauri::command]
pub fn close_formation(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    keep_appointed: bool,
) -> Result<ClosingReport, IpcError> {
    let actor = sessions.actor(team_id);
    let report = state.with_store(|s| Ok(s.close_formation(team_id, actor, keep_appointed)?))?;
    sessions.after(team_id, Action::CloseFormation);
    Ok(report)
}

/// A candidate's own copy, for the officer to save and hand over: the readable page
/// and the same data as JSON. Logged by the store with the JSON's hash.
#[derive(serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PersonalCopyFiles {
    pub code: String,
    pub html: String,
    pub json: String,
}

#[tauri::command]
pub fn personal_copy(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    code: String,
) -> Result<PersonalCopyFiles, IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::ExportPersonalCopy)?;
    let copy = state.with_store(|s| Ok(s.personal_copy(&by, &code)?))?;
    Ok(PersonalCopyFiles {
        json: String::from_utf8_lossy(&copy.json_bytes()).into_owned(),
        code: copy.code,
        html: copy.html,
    })
}

/// The team's entry for the party's record of processing (no candidate data in it).
#[tauri::command]
pub fn processing_record(state: State<'_, AppState>, team_id: i64) -> Result<String, IpcError> {
    state.with_store(|s| Ok(s.processing_record(team_id)?))
}
