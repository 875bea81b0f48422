//! Files the app writes for the user: the logboek, the comparison sheet and a rubric.
//! Each goes through the system's save dialog (opened from here, so the window itself
//! keeps no file-system permission), starting in the user's documents under
//! `Maatstaf`; the app remembers where it went, shows the full path and opens its
//! folder on request. Printing opens the comparison sheet in the system's browser.

use std::path::{Path, PathBuf};

use maatstaf_core::access::Action;
use maatstaf_core::i18n::Lang;
use maatstaf_core::ledger::verify_logboek;
use maatstaf_store::exports::{BackupRecord, DeletedFile, ExportKind, ExportRecord};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::commands::access::{require_actor, require_unlocked};
use crate::commands::consistency::logboek_file_name;
use crate::ipc_error::IpcError;
use crate::state::{AppState, Sessions};

/// Where the save dialog starts: the user's documents, in a `Maatstaf` folder (made
/// when missing). `None` when the system names no documents folder.
fn default_folder(app: &AppHandle) -> Option<PathBuf> {
    let docs = app
        .path()
        .document_dir()
        .ok()
        .or_else(|| app.path().home_dir().ok())?;
    let folder = docs.join("Maatstaf");
    std::fs::create_dir_all(&folder).ok()?;
    Some(folder)
}

pub(crate) struct Ask<'a> {
    pub title: (&'a str, &'a str),
    pub filter: (&'a str, &'a str),
    pub extension: &'a str,
    pub file_name: String,
}

/// Asks where to save through the system's save dialog; `None` when the user cancels.
/// A name typed without the extension gets it.
pub(crate) fn ask_path(app: &AppHandle, lang: Lang, ask: Ask<'_>) -> Option<PathBuf> {
    let pick = |(nl, en): (&str, &str)| match lang {
        Lang::En => en.to_owned(),
        _ => nl.to_owned(),
    };
    let mut dialog = app
        .dialog()
        .file()
        .set_title(pick(ask.title))
        .set_file_name(&ask.file_name)
        .add_filter(pick(ask.filter), &[ask.extension]);
    if let Some(folder) = default_folder(app) {
        dialog = dialog.set_directory(folder);
    }
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let mut path = dialog.blocking_save_file()?.into_path().ok()?;
    if path.extension().is_none() {
        path.set_extension(ask.extension);
    }
    Some(path)
}

pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), IpcError> {
    std::fs::write(path, bytes)
        .map_err(|e| IpcError::new("export_write_failed", e).with("path", path.display()))
}

/// Exports the team's logboek as the officer who switched in, to the place they choose,
/// and logs the export. `None` when they cancelled the dialog (nothing is logged then).
#[tauri::command]
pub async fn export_logboek(
    app: AppHandle,
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    with_identities: bool,
) -> Result<Option<ExportRecord>, IpcError> {
    let action = if with_identities {
        Action::ExportLogboekWithIdentities
    } else {
        Action::ExportLogboek
    };
    // Refused before the dialog opens (who acts, and the team's state: names only
    // after the unblinding), and asked again after it closes: the session may have
    // ended while the dialog was open.
    // Signing needs the team's key: only an officer who signed in with the passphrase.
    require_unlocked(&state, &sessions, team_id, action)?;
    let (lang, team) = state.with_store(|s| Ok((s.language()?, s.team(team_id)?.name)))?;
    let today = maatstaf_store::clock::now();
    let ask = Ask {
        title: ("Logboek opslaan", "Save the logbook"),
        filter: ("Logboek", "Logbook"),
        extension: "jsonl",
        file_name: logboek_file_name(&team, &today),
    };
    let Some(path) = ask_path(&app, lang, ask) else {
        return Ok(None);
    };
    let by = require_unlocked(&state, &sessions, team_id, action)?;
    let record = state.with_store(|s| {
        let scoring = s.scoring_logboek_sections(team_id)?;
        let bytes = s.export_logboek(&by, with_identities, scoring)?;
        // The header must read back; a logboek that does not is not written.
        if verify_logboek(&bytes, None).header.is_none() {
            return Err(IpcError::new("db_error", "the logboek has no header"));
        }
        write(&path, &bytes)?;
        let kind = if with_identities {
            ExportKind::LogboekWithNames
        } else {
            ExportKind::Logboek
        };
        Ok(s.record_export(team_id, kind, &path.display().to_string())?)
    })?;
    sessions.after(team_id, action);
    Ok(Some(record))
}

/// Writes the comparison sheet as a standalone web page to the place the user
/// chooses, logs the export and remembers where it went. `None` when cancelled.
#[tauri::command]
pub async fn export_comparison_html(
    app: AppHandle,
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
) -> Result<Option<ExportRecord>, IpcError> {
    let me = require_actor(&sessions, team_id, Action::ExportComparison)?;
    let lang = state.with_store(|s| {
        s.check_access(team_id, Action::ExportComparison, Some(me))?;
        Ok(s.language()?)
    })?;
    let ask = Ask {
        title: ("Vergelijkingsblad opslaan", "Save the comparison sheet"),
        filter: ("Webpagina", "Web page"),
        extension: "html",
        file_name: format!("vergelijkingsblad-ronde-{round}.html"),
    };
    let Some(path) = ask_path(&app, lang, ask) else {
        return Ok(None);
    };
    let me = require_actor(&sessions, team_id, Action::ExportComparison)?;
    Ok(Some(write_comparison(&state, team_id, me, round, &path)?))
}

/// Writes round `round`'s comparison sheet as `me` sees it to `path`, logs the export
/// and remembers where it went.
fn write_comparison(
    state: &AppState,
    team_id: i64,
    me: i64,
    round: u32,
    path: &Path,
) -> Result<ExportRecord, IpcError> {
    state.with_store(|s| {
        let lang = s.language()?;
        let html = s.comparison_html(team_id, me, round, lang)?;
        write(path, html.as_bytes())?;
        let file_name = path.file_name().unwrap_or_default().to_string_lossy();
        s.log_comparison_export(team_id, me, round, &html, &file_name)?;
        Ok(s.record_export(team_id, ExportKind::Comparison, &path.display().to_string())?)
    })
}

/// Printing: the comparison sheet is written as a web page into the data folder's
/// `afdrukken` folder and opened in the system's browser, which prints it (the
/// window's own print dialog does not appear on every desktop). Logged as an export.
#[tauri::command]
pub fn print_comparison(
    app: AppHandle,
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    round: u32,
) -> Result<ExportRecord, IpcError> {
    let me = require_actor(&sessions, team_id, Action::ExportComparison)?;
    let dir = state.data_dir.join("afdrukken");
    let unusable =
        |e: std::io::Error| IpcError::new("data_dir_unusable", e).with("path", dir.display());
    std::fs::create_dir_all(&dir).map_err(unusable)?;
    let path = dir.join(format!("vergelijkingsblad-team{team_id}-ronde{round}.html"));
    let record = write_comparison(&state, team_id, me, round, &path)?;
    open_in_system(&app, &record.path)?;
    Ok(record)
}

/// Saves a rubric version as a file (TOML) at the place the user chooses.
#[tauri::command]
pub async fn export_rubric(
    app: AppHandle,
    state: State<'_, AppState>,
    team_id: i64,
    version_id: i64,
    file_name: String,
) -> Result<Option<ExportRecord>, IpcError> {
    let (lang, text) =
        state.with_store(|s| Ok((s.language()?, s.export_rubric(team_id, version_id)?)))?;
    let ask = Ask {
        title: ("Rubriek opslaan als bestand", "Save the rubric as a file"),
        filter: ("Rubriek", "Rubric"),
        extension: "toml",
        file_name,
    };
    let Some(path) = ask_path(&app, lang, ask) else {
        return Ok(None);
    };
    write(&path, text.as_bytes())?;
    let record = state.with_store(|s| {
        Ok(s.record_export(team_id, ExportKind::Rubric, &path.display().to_string())?)
    })?;
    Ok(Some(record))
}

/// The team's earlier exports, newest first.
#[tauri::command]
pub fn list_exports(
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<Vec<ExportRecord>, IpcError> {
    state.with_store(|s| Ok(s.exports(team_id)?))
}

/// The copies of the database made before migrations, with their dates.
#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupRecord>, IpcError> {
    state.with_store(|s| Ok(s.database_backups()?))
}

/// Deletes one of the team's exports, named by its id in the list (never by a path
/// from the window), as the officer who switched in; logged in the team's log.
#[tauri::command]
pub fn delete_export(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    export_id: i64,
) -> Result<DeletedFile, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.delete_export(team_id, actor, export_id)?))
}

/// Deletes a copy of the database, named as the list names it.
#[tauri::command]
pub fn delete_backup(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    file_name: String,
) -> Result<DeletedFile, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.delete_backup(team_id, actor, &file_name)?))
}

fn open_in_system(app: &AppHandle, path: &str) -> Result<(), IpcError> {
    app.opener()
        .open_path(path, None::<&str>)
        .map_err(|e| IpcError::new("open_failed", e).with("path", path))
}

/// Opens the folder of one of the team's exports in the file manager. Only files the
/// app itself wrote can be opened this way: the window names an export by its id.
#[tauri::command]
pub fn open_export_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    team_id: i64,
    export_id: i64,
) -> Result<(), IpcError> {
    let record = state
        .with_store(|s| Ok(s.export(team_id, export_id)?))?
        .ok_or_else(|| IpcError::new("export_unknown", "no such export"))?;
    if !Path::new(&record.folder).is_dir() {
        return Err(
            IpcError::new("export_folder_gone", "the folder is gone").with("path", &record.folder)
        );
    }
    open_in_system(&app, &record.folder)
}
