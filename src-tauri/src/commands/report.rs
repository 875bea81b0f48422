//! The decision report: its preview (the document itself, which the window lays out),
//! saving it as a PDF/A or a web page through the save dialog (logged with the file's
//! SHA-256 and listed with the other files), the members' dissent notes and the
//! integrity track's "done". Names go in only after the unblinding, when the acting
//! officer chose them, and only for one who unlocked the sealed names.

use maatstaf_core::access::Action;
use maatstaf_core::i18n::Lang;
use maatstaf_core::report::{report_html, ReportDoc};
use maatstaf_store::exports::{ExportKind, ExportRecord};
use maatstaf_store::report::{DissentNote, ReportFormat};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::commands::access::{require_actor, require_unlocked};
use crate::commands::exports::{ask_path, write, Ask};
use crate::ipc_error::IpcError;
use crate::state::{AppState, Sessions};

/// Which report the officer asks for.
#[derive(Debug, Clone, Copy, Deserialize, TS)]
#[ts(export)]
pub struct ReportChoice {
    /// The revealed round; by default the one the decision rests on, else the latest.
    pub round: Option<u32>,
    pub lang: Lang,
    /// Names behind the codes: only after the unblinding, for an officer who unlocked them.
    pub with_names: bool,
}

/// The report as the officer's choice makes it.
fn document(
    state: &AppState,
    sessions: &Sessions,
    team_id: i64,
    choice: ReportChoice,
) -> Result<ReportDoc, IpcError> {
    let ReportChoice {
        round,
        lang,
        with_names,
    } = choice;
    if with_names {
        let by = require_unlocked(state, sessions, team_id, Action::ExportReport)?;
        state.with_store(|s| {
            Ok(s.decision_report(team_id, by.member_id(), round, Some(&by), lang)?)
        })
    } else {
        let me = require_actor(sessions, team_id, Action::ExportReport)?;
        state.with_store(|s| Ok(s.decision_report(team_id, me, round, None, lang)?))
    }
}

/// The report to preview in the window.
#[tauri::command]
pub fn report_preview(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    choice: ReportChoice,
) -> Result<ReportDoc, IpcError> {
    document(&state, &sessions, team_id, choice)
}

/// Saves the report as `format` ("pdf" or "html") where the officer chooses; logs it
/// with the file's SHA-256 and lists it. `None` when the dialog was cancelled.
#[tauri::command]
pub async fn export_report(
    app: AppHandle,
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    choice: ReportChoice,
    format: String,
) -> Result<Option<ExportRecord>, IpcError> {
    let format = match format.as_str() {
        "pdf" => ReportFormat::Pdf,
        "html" => ReportFormat::Html,
        other => return Err(IpcError::new("report_format", other).with("format", other)),
    };
    // Refused before the dialog opens, and built again after it closes: the session
    // may have ended while the dialog was open.
    document(&state, &sessions, team_id, choice)?;
    let app_lang = state.with_store(|s| Ok(s.language()?))?;
    let (extension, filter) = match format {
        ReportFormat::Pdf => ("pdf", ("PDF-document", "PDF document")),
        ReportFormat::Html => ("html", ("Webpagina", "Web page")),
    };
    let ask = Ask {
        title: ("Besluitverslag opslaan", "Save the decision report"),
        filter,
        extension,
        file_name: format!("besluitverslag.{extension}"),
    };
    let Some(path) = ask_path(&app, app_lang, ask) else {
        return Ok(None);
    };
    let doc = document(&state, &sessions, team_id, choice)?;
    let bytes = match format {
        ReportFormat::Pdf => maatstaf_report_pdf::render_pdf(&doc)
            .map_err(|e| IpcError::new("report_pdf_failed", e))?,
        ReportFormat::Html => report_html(&doc).into_bytes(),
    };
    let me = require_actor(&sessions, team_id, Action::ExportReport)?;
    write(&path, &bytes)?;
    let record = state.with_store(|s| {
        s.log_report_export(
            team_id,
            Some(me),
            doc.round,
            format,
            choice.with_names,
            &bytes,
        )?;
        let kind = if choice.with_names {
            ExportKind::ReportWithNames
        } else {
            ExportKind::Report
        };
        Ok(s.record_export(team_id, kind, &path.display().to_string())?)
    })?;
    Ok(Some(record))
}

#[tauri::command]
pub fn list_dissents(
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<Vec<DissentNote>, IpcError> {
    state.with_store(|s| Ok(s.dissents(team_id)?))
}

#[tauri::command]
pub fn record_dissent(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    text: String,
) -> Result<DissentNote, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.record_dissent(team_id, actor, &text)?))
}

/// A chosen candidate and whether their risicoanalyse was noted as done.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RiskAnalysis {
    pub code: String,
    pub done: bool,
}

#[tauri::command]
pub fn list_risk_analyses(
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<Vec<RiskAnalysis>, IpcError> {
    state.with_store(|s| {
        Ok(s.risk_analyses(team_id)?
            .into_iter()
            .map(|(code, done)| RiskAnalysis { code, done })
            .collect())
    })
}

#[tauri::command]
pub fn record_risk_analysis(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    code: String,
) -> Result<(), IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.record_risk_analysis(team_id, actor, &code)?))
}
