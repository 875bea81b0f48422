//! App-wide commands: status, language, first paint.

use maatstaf_core::content::RenderedHelp;
use maatstaf_core::i18n::Lang;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::ipc_error::IpcError;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppStatus {
    pub version: String,
    pub data_dir: String,
    pub db_path: String,
    pub language: Lang,
    /// Set when the database could not be opened; the UI then shows only the error screen.
    pub problem: Option<IpcError>,
    /// This installation's signing-key fingerprint, for committees to compare out of band.
    pub fingerprint: Option<String>,
    /// Teams whose log was found broken at start (or at the last check on demand).
    pub broken_ledgers: Vec<maatstaf_store::ledger::LedgerStatus>,
    /// True until someone finished or skipped the first-run tour in this data folder.
    pub show_tour: bool,
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    let problem = state.startup_problem();
    let language = state.with_store(|s| Ok(s.language()?)).unwrap_or_default();
    AppStatus {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: state.data_dir.display().to_string(),
        db_path: state
            .data_dir
            .join(maatstaf_store::DB_FILE)
            .display()
            .to_string(),
        language,
        problem,
        fingerprint: state.with_store(|s| Ok(s.fingerprint()?)).ok(),
        broken_ledgers: state.broken_ledgers(),
        show_tour: state.with_store(|s| Ok(!s.tour_seen()?)).unwrap_or(false),
    }
}

/// The tour was finished or skipped; it does not come back in this data folder.
#[tauri::command]
pub fn finish_tour(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.with_store(|s| Ok(s.set_tour_seen()?))
}

/// The help page of an area of the app, in the given language.
#[tauri::command]
pub fn help_page(area: String, lang: Lang) -> Result<RenderedHelp, IpcError> {
    maatstaf_core::bundle::help_page(&area, lang)
        .ok_or_else(|| IpcError::new("no_such_help", &area).with("area", &area))
}

#[tauri::command]
pub fn set_language(state: State<'_, AppState>, lang: Lang) -> Result<(), IpcError> {
    state.with_store(|s| Ok(s.set_language(lang)?))
}

/// The UI calls this once it has rendered; `cargo xtask bench` reads the line it prints.
#[tauri::command]
pub fn first_paint(state: State<'_, AppState>) -> u64 {
    let ms = state.started.elapsed().as_millis() as u64;
    if std::env::var_os("MAATSTAF_REPORT_FIRST_PAINT").is_some() {
        println!("FIRST_PAINT_MS={ms}");
    }
    ms
}
