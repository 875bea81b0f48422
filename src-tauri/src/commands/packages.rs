//! Scoring on an assessor's own laptop: the team's side (round packages out, score
//! packages and key files in, the chair's choice, the reveal package) and the
//! assessor's side (a package from the team in, scoring, the score package out). The
//! store decides everything; these carry the session and the file dialogs.

use std::sync::Mutex;

use maatstaf_core::access::Action;
use maatstaf_core::assessor::ConflictKind;
use maatstaf_core::i18n::Lang;
use maatstaf_core::scoring::Score;
use maatstaf_store::assignments::{AssignmentSummary, AssignmentView, Received};
use maatstaf_store::scoring::exchange::{ExchangeStatus, PackageImport, WrittenPackage};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::access::{require_actor, require_unlocked};
use crate::commands::exports::{ask_path, write, Ask};
use crate::ipc_error::IpcError;
use crate::state::{AppState, Sessions};

/// A package picked on the assessor's laptop that waits for the passphrase of a new
/// personal key: picked once, so the second step does not ask for the file again.
#[derive(Default)]
pub struct PendingPackage(Mutex<Option<Vec<u8>>>);

/// Asks which package file to open; `None` when the user cancels.
fn pick_package(app: &AppHandle, lang: Lang) -> Result<Option<Vec<u8>>, IpcError> {
    let (title, filter) = match lang {
        Lang::En => ("Open a Maatstaf package", "Maatstaf package"),
        Lang::Nl => ("Maatstaf-pakket openen", "Maatstaf-pakket"),
    };
    let mut dialog = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(filter, &["maatstaf"]);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let Some(path) = dialog.blocking_pick_file().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    std::fs::read(&path)
        .map(Some)
        .map_err(|e| IpcError::new("package_read_failed", e).with("path", path.display()))
}

fn save_package(
    app: &AppHandle,
    lang: Lang,
    title: (&str, &str),
    written: &WrittenPackage,
) -> Result<Option<String>, IpcError> {
    let ask = Ask {
        title,
        filter: ("Maatstaf-pakket", "Maatstaf package"),
        extension: "maatstaf",
        file_name: written.file_name.clone(),
    };
    let Some(path) = ask_path(app, lang, ask) else {
        return Ok(None);
    };
    write(&path, &written.bytes)?;
    Ok(Some(path.display().to_string()))
}

// The team's laptop.

#[tauri::command]
pub fn exchange_status(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
) -> Result<ExchangeStatus, IpcError> {
    let member = require_actor(&sessions, team_id, Action::ExchangePackages)?;
    state.with_store(|s| Ok(s.exchange_status(team_id, member, round)?))
}

/// Writes the round package for one assessor and saves it where the officer chooses.
/// The package is written (and logged) only once a place is chosen.
#[tauri::command]
pub async fn save_round_package(
    app: AppHandle,
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
    member_id: i64,
) -> Result<Option<String>, IpcError> {
    require_unlocked(&state, &sessions, team_id, Action::ExchangePackages)?;
    let (lang, file_name) = state.with_store(|s| {
        Ok((
            s.language()?,
            s.round_package_file_name(team_id, round, member_id)?,
        ))
    })?;
    let ask = Ask {
        title: ("Rondepakket opslaan", "Save the round package"),
        filter: ("Maatstaf-pakket", "Maatstaf package"),
        extension: "maatstaf",
        file_name,
    };
    let Some(path) = ask_path(&app, lang, ask) else {
        return Ok(None);
    };
    let by = require_unlocked(&state, &sessions, team_id, Action::ExchangePackages)?;
    let written = state.with_store(|s| Ok(s.write_round_package(&by, round, member_id)?))?;
    write(&path, &written.bytes)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn save_reveal_package(
    app: AppHandle,
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
) -> Result<Option<String>, IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::ExchangePackages)?;
    let (lang, written) =
        state.with_store(|s| Ok((s.language()?, s.write_reveal_package(&by, round)?)))?;
    save_package(
        &app,
        lang,
        ("Onthullingspakket opslaan", "Save the reveal package"),
        &written,
    )
}

/// Imports a score package or key file the officer picks. `None` when cancelled.
#[tauri::command]
pub async fn import_team_package(
    app: AppHandle,
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
) -> Result<Option<PackageImport>, IpcError> {
    require_unlocked(&state, &sessions, team_id, Action::ExchangePackages)?;
    let lang = state.with_store(|s| Ok(s.language()?))?;
    let Some(bytes) = pick_package(&app, lang)? else {
        return Ok(None);
    };
    let by = require_unlocked(&state, &sessions, team_id, Action::ExchangePackages)?;
    state
        .with_store(|s| Ok(s.import_team_package(&by, &bytes)?))
        .map(Some)
}

#[tauri::command]
pub fn resolve_package_conflict(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    package_id: i64,
    take_package: bool,
    reason: String,
) -> Result<(), IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::ResolvePackageConflict)?;
    state.with_store(|s| Ok(s.resolve_package_conflict(&by, package_id, take_package, &reason)?))
}

#[tauri::command]
pub fn revoke_assessor_key(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    member_id: i64,
    reason: String,
) -> Result<(), IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::RevokeAssessorKey)?;
    state.with_store(|s| Ok(s.revoke_assessor_key(&by, member_id, &reason)?))
}

// The assessor's laptop.

/// Opens a package from the team. A round package whose assessor has no personal key
/// here yet is kept until they chose a passphrase ([`receive_pending_package`]).
#[tauri::command]
pub async fn receive_package(
    app: AppHandle,
    state: State<'_, AppState>,
    pending: State<'_, PendingPackage>,
) -> Result<Option<Received>, IpcError> {
    let lang = state.with_store(|s| Ok(s.language()?))?;
    let Some(bytes) = pick_package(&app, lang)? else {
        return Ok(None);
    };
    let received = state.with_store(|s| Ok(s.receive_package(&bytes, None)?))?;
    let mut slot = pending.0.lock().expect("the pending package lock");
    *slot = matches!(received, Received::NeedsKey { .. }).then_some(bytes);
    Ok(Some(received))
}

/// Takes in the package picked last, making the personal key with this passphrase.
#[tauri::command]
pub fn receive_pending_package(
    state: State<'_, AppState>,
    pending: State<'_, PendingPackage>,
    passphrase: String,
    repeated: String,
) -> Result<Received, IpcError> {
    let mut slot = pending.0.lock().expect("the pending package lock");
    let Some(bytes) = slot.as_ref() else {
        return Err(IpcError::new("no_pending_package", "no package is waiting"));
    };
    let received =
        state.with_store(|s| Ok(s.receive_package(bytes, Some((&passphrase, &repeated)))?))?;
    *slot = None;
    Ok(received)
}

#[tauri::command]
pub fn assignments(state: State<'_, AppState>) -> Result<Vec<AssignmentSummary>, IpcError> {
    state.with_store(|s| Ok(s.assignments()?))
}

#[tauri::command]
pub fn assignment(state: State<'_, AppState>, id: i64) -> Result<AssignmentView, IpcError> {
    state.with_store(|s| Ok(s.assignment(id)?))
}

#[tauri::command]
pub fn assignment_save_score(
    state: State<'_, AppState>,
    id: i64,
    score: Score,
) -> Result<(), IpcError> {
    state.with_store(|s| Ok(s.assignment_save_score(id, score)?))
}

#[tauri::command]
pub fn assignment_declare(
    state: State<'_, AppState>,
    id: i64,
    candidate: String,
    kind: ConflictKind,
    note: Option<String>,
) -> Result<(), IpcError> {
    state.with_store(|s| Ok(s.assignment_declare(id, &candidate, kind, note.as_deref())?))
}

#[tauri::command]
pub fn assignment_submit(
    state: State<'_, AppState>,
    id: i64,
    passphrase: String,
) -> Result<(), IpcError> {
    state.with_store(|s| Ok(s.assignment_submit(id, &passphrase)?))
}

#[tauri::command]
pub async fn save_score_package(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<String>, IpcError> {
    let (lang, written) =
        state.with_store(|s| Ok((s.language()?, s.assignment_score_package(id)?)))?;
    save_package(
        &app,
        lang,
        ("Scorepakket opslaan", "Save the score package"),
        &written,
    )
}

#[tauri::command]
pub async fn save_key_file(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    passphrase: String,
) -> Result<Option<String>, IpcError> {
    let (lang, written) =
        state.with_store(|s| Ok((s.language()?, s.assignment_introduction(id, &passphrase)?)))?;
    save_package(
        &app,
        lang,
        ("Sleutelbestand opslaan", "Save the key file"),
        &written,
    )
}

/// Replaces a personal key whose passphrase is lost, then asks where to save the key
/// file that introduces the new one (`None` when the user cancels that dialog: the
/// new key stays, and the key file can be saved later).
#[tauri::command]
pub async fn assignment_new_key(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    passphrase: String,
    repeated: String,
) -> Result<Option<String>, IpcError> {
    let (lang, written) = state.with_store(|s| {
        Ok((
            s.language()?,
            s.assignment_new_key(id, &passphrase, &repeated)?,
        ))
    })?;
    save_package(
        &app,
        lang,
        ("Sleutelbestand opslaan", "Save the key file"),
        &written,
    )
}
