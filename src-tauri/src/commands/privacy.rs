//! Personal data from intake to deletion: erasing one candidate, the retention date,
//! closing the formation. The store decides; these carry the session.

use maatstaf_core::access::Action;
use maatstaf_store::exports::ExportKind;
use maatstaf_store::privacy::{ClosingReport, ErasureReason, Retention};
use tauri::{AppHandle, State};

use crate::commands::access::require_unlocked;
use crate::commands::exports::{ask_path, write, Ask};
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
    delete_exports: Option<Vec<i64>>,
) -> Result<ClosingReport, IpcError> {
    let actor = sessions.actor(team_id);
    let delete_exports = delete_exports.unwrap_or_default();
    let report = state.with_store(|s| {
        Ok(s.close_formation_deleting(team_id, actor, keep_appointed, &delete_exports)?)
    })?;
    sessions.after(team_id, Action::CloseFormation);
    Ok(report)
}

/// Saves a candidate's own copy where the officer chooses: the readable page, and the
/// same data as JSON beside it. `None` when the dialog was cancelled (nothing is logged
/// then). Returns the page's full path.
#[tauri::command]
pub async fn export_personal_copy(
    app: AppHandle,
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    code: String,
) -> Result<Option<String>, IpcError> {
    require_unlocked(&state, &sessions, team_id, Action::ExportPersonalCopy)?;
    let lang = state.with_store(|s| Ok(s.language()?))?;
    let ask = Ask {
        title: ("Inzage-exemplaar opslaan", "Save the personal copy"),
        filter: ("Webpagina", "Web page"),
        extension: "html",
        file_name: format!("{code}.html"),
    };
    let Some(path) = ask_path(&app, lang, ask) else {
        return Ok(None);
    };
    let by = require_unlocked(&state, &sessions, team_id, Action::ExportPersonalCopy)?;
    let copy = state.with_store(|s| Ok(s.personal_copy(&by, &code)?))?;
    write(&path, copy.html.as_bytes())?;
    let json = path.with_extension("json");
    write(&json, &copy.json_bytes())?;
    state.with_store(|s| {
        for p in [&path, &json] {
            s.record_export(team_id, ExportKind::PersonalCopy, &p.display().to_string())?;
        }
        Ok(())
    })?;
    Ok(Some(path.display().to_string()))
}

/// Saves the team's entry for the party's record of processing (no candidate data in
/// it) where the user chooses. Returns the full path, `None` when cancelled.
#[tauri::command]
pub async fn export_processing_record(
    app: AppHandle,
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<Option<String>, IpcError> {
    let (lang, html) = state.with_store(|s| Ok((s.language()?, s.processing_record(team_id)?)))?;
    let ask = Ask {
        title: ("Verwerkingsregister opslaan", "Save the processing record"),
        filter: ("Webpagina", "Web page"),
        extension: "html",
        file_name: "verwerkingsregister.html".into(),
    };
    let Some(path) = ask_path(&app, lang, ask) else {
        return Ok(None);
    };
    write(&path, html.as_bytes())?;
    state.with_store(|s| {
        Ok(s.record_export(
            team_id,
            ExportKind::ProcessingRecord,
            &path.display().to_string(),
        )?)
    })?;
    Ok(Some(path.display().to_string()))
}
