//! Rubrics: list, create from a template, edit drafts with live linting,
//! import and export TOML, freeze, new versions and the side-by-side diff.

use maatstaf_core::lint::{bundled_lexicon, lint, AcceptedWarning, Finding};
use maatstaf_core::rubric::{parse_rubric, templates, to_toml, Rubric, RubricChange, Template};
use maatstaf_store::rubrics::{RubricSummary, RubricVersionView};
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::{AppState, Sessions};

#[tauri::command]
pub fn list_rubrics(
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<Vec<RubricSummary>, IpcError> {
    state.with_store(|s| Ok(s.list_rubrics(team_id)?))
}

#[tauri::command]
pub fn rubric_templates() -> Vec<Template> {
    templates()
}

#[tauri::command]
pub fn create_rubric_from_template(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    template_id: String,
) -> Result<RubricVersionView, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.create_rubric_from_template(team_id, &template_id, actor)?))
}

#[tauri::command]
pub fn get_rubric(
    state: State<'_, AppState>,
    team_id: i64,
    version_id: i64,
) -> Result<RubricVersionView, IpcError> {
    state.with_store(|s| Ok(s.rubric_version(team_id, version_id)?))
}

#[tauri::command]
pub fn save_rubric_draft(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    version_id: i64,
    rubric: Rubric,
) -> Result<RubricVersionView, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.save_rubric_draft(team_id, version_id, &rubric, actor)?))
}

/// Lints an unsaved draft as it is being typed; nothing is stored.
#[tauri::command]
pub fn lint_rubric_draft(rubric: Rubric) -> Result<Vec<Finding>, IpcError> {
    let rubric = parse_rubric(&to_toml(&rubric))?;
    Ok(lint(&rubric, bundled_lexicon()))
}

#[tauri::command]
pub fn import_rubric(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    text: String,
) -> Result<RubricVersionView, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.import_rubric(team_id, &text, actor)?))
}

#[tauri::command]
pub fn freeze_rubric(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    version_id: i64,
    accepted: Vec<AcceptedWarning>,
) -> Result<RubricVersionView, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.freeze_rubric(team_id, version_id, &accepted, actor)?))
}

#[tauri::command]
pub fn new_rubric_version(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    version_id: i64,
) -> Result<RubricVersionView, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.new_rubric_version(team_id, version_id, actor)?))
}

#[tauri::command]
pub fn diff_rubric_versions(
    state: State<'_, AppState>,
    team_id: i64,
    old_id: i64,
    new_id: i64,
) -> Result<Vec<RubricChange>, IpcError> {
    state.with_store(|s| Ok(s.diff_rubric_versions(team_id, old_id, new_id)?))
}
