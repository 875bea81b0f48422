//! Training: the module library, search, progress, imports and trainer sessions.

use maatstaf_store::training::{
    Answer, CaseSummary, ContentKind, GradeOutcome, ImportOutcome, ModuleProgress, ModuleSummary,
    ModuleView, SearchHit, SessionBoard, SessionSheet, SessionSummary, TrainingStatus,
};
use serde::Deserialize;
use tauri::State;
use ts_rs::TS;

use crate::ipc_error::IpcError;
use maatstaf_core::access::Action;

use crate::commands::access::require_actor;
use crate::state::{AppState, Sessions};

#[tauri::command]
pub fn list_modules(state: State<'_, AppState>) -> Result<Vec<ModuleSummary>, IpcError> {
    state.with_store(|s| Ok(s.list_modules()?))
}

#[tauri::command]
pub fn module_view(state: State<'_, AppState>, id: String) -> Result<ModuleView, IpcError> {
    state.with_store(|s| Ok(s.module_view(&id)?))
}

#[tauri::command]
pub fn search_modules(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<SearchHit>, IpcError> {
    state.with_store(|s| Ok(s.search_modules(&query)?))
}

#[tauri::command]
pub fn list_cases(state: State<'_, AppState>) -> Result<Vec<CaseSummary>, IpcError> {
    state.with_store(|s| Ok(s.list_cases()?))
}

#[tauri::command]
pub fn training_progress(
    state: State<'_, AppState>,
    member_id: i64,
) -> Result<Vec<ModuleProgress>, IpcError> {
    state.with_store(|s| Ok(s.training_progress(member_id)?))
}

#[tauri::command]
pub fn mark_module_read(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    module_id: String,
) -> Result<(), IpcError> {
    let member_id = require_actor(&sessions, team_id, Action::Practise)?;
    state.with_store(|s| Ok(s.mark_module_read(member_id, &module_id)?))
}

#[tauri::command]
pub fn grade_exercise(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    module_id: String,
    exercise_id: String,
    answer: Answer,
) -> Result<GradeOutcome, IpcError> {
    let member_id = require_actor(&sessions, team_id, Action::Practise)?;
    state.with_store(|s| Ok(s.grade_exercise(member_id, &module_id, &exercise_id, &answer)?))
}

#[tauri::command]
pub fn import_content(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    file_name: String,
    text: String,
) -> Result<ImportOutcome, IpcError> {
    let member_id = require_actor(&sessions, team_id, Action::ManageTrainingContent)?;
    state.with_store(|s| Ok(s.import_content(member_id, &file_name, &text)?))
}

#[tauri::command]
pub fn remove_content(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    kind: ContentKind,
    id: String,
) -> Result<(), IpcError> {
    let member_id = require_actor(&sessions, team_id, Action::ManageTrainingContent)?;
    state.with_store(|s| Ok(s.remove_content(member_id, kind, &id)?))
}

#[tauri::command]
pub fn start_session(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    case_id: String,
    module_ids: Vec<String>,
    participant_ids: Vec<i64>,
) -> Result<SessionSummary, IpcError> {
    let trainer_id = require_actor(&sessions, team_id, Action::LeadTraining)?;
    state.with_store(|s| {
        Ok(s.start_session(team_id, trainer_id, &case_id, &module_ids, &participant_ids)?)
    })
}

#[tauri::command]
pub fn list_sessions(
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<Vec<SessionSummary>, IpcError> {
    state.with_store(|s| Ok(s.list_sessions(team_id)?))
}

#[tauri::command]
pub fn session_sheet(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    session_id: i64,
) -> Result<SessionSheet, IpcError> {
    let member_id = require_actor(&sessions, team_id, Action::Practise)?;
    state.with_store(|s| Ok(s.session_sheet(session_id, member_id)?))
}

/// One practice score as the sheet sends it.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct PracticeEntry {
    pub round: u8,
    pub candidate: String,
    pub criterion: String,
    #[ts(type = "number")]
    pub score: i64,
}

#[tauri::command]
pub fn save_practice_score(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    session_id: i64,
    practice: PracticeEntry,
) -> Result<(), IpcError> {
    let member_id = require_actor(&sessions, team_id, Action::Practise)?;
    let PracticeEntry {
        round,
        candidate,
        criterion,
        score,
    } = practice;
    state.with_store(|s| {
        Ok(s.save_practice_score(session_id, member_id, round, &candidate, &criterion, score)?)
    })
}

#[tauri::command]
pub fn advance_session(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    session_id: i64,
) -> Result<SessionSummary, IpcError> {
    let trainer_id = require_actor(&sessions, team_id, Action::LeadTraining)?;
    state.with_store(|s| Ok(s.advance_session(session_id, trainer_id)?))
}

#[tauri::command]
pub fn session_board(
    state: State<'_, AppState>,
    session_id: i64,
) -> Result<SessionBoard, IpcError> {
    state.with_store(|s| Ok(s.session_board(session_id)?))
}

#[tauri::command]
pub fn training_status(
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<TrainingStatus, IpcError> {
    state.with_store(|s| Ok(s.training_status(team_id)?))
}

#[tauri::command]
pub fn set_min_agreement(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    minimum: Option<f64>,
) -> Result<TrainingStatus, IpcError> {
    let member_id = require_actor(&sessions, team_id, Action::SetMinAgreement)?;
    state.with_store(|s| Ok(s.set_min_agreement(team_id, member_id, minimum)?))
}
