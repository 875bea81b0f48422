//! Scoring: the assessor switch with PINs, conflicts, rounds, sheets, the comparison
//! sheet, the decision and the unblinding. Who acts is never taken from the UI: it is
//! the member who switched in with their PIN (`ScoringSessions`).

use maatstaf_core::assessor::{ConflictAction, ConflictKind, ConflictPolicy};
use maatstaf_core::scoring::{BlindedCandidate, PortfolioChoice, RoundView, Score, SelectionState};
use maatstaf_store::scoring::{
    os_random, AssessorChoice, ScoringMember, ScoringOverview, StoredDeclaration,
    UnblindedCandidate,
};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::ipc_error::IpcError;
use crate::state::{AppState, ScoringSessions};

/// The scoring screen's frame: the team's scoring state and who is acting.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ScoringScreen {
    pub overview: ScoringOverview,
    pub active: Option<ScoringMember>,
}

fn acting(sessions: &ScoringSessions, team_id: i64) -> Result<i64, IpcError> {
    sessions
        .active(team_id)
        .ok_or_else(|| IpcError::new("no_active_member", "switch to an assessor first"))
}

#[tauri::command]
pub fn scoring_screen(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
) -> Result<ScoringScreen, IpcError> {
    state.with_store(|s| {
        let overview = s.scoring_overview(team_id)?;
        let active = sessions.active_member(team_id, &overview.members);
        Ok(ScoringScreen { overview, active })
    })
}

/// Switches the acting member; a member with a PIN must type it. Wrong PINs are
/// counted, and after three the app makes the next try wait longer each time.
#[tauri::command]
pub fn switch_assessor(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    member_id: i64,
    pin: String,
) -> Result<(), IpcError> {
    sessions.clear(team_id);
    let wait = sessions.wait_secs(member_id);
    if wait > 0 {
        return Err(IpcError::new("pin_wait", "too many wrong PINs").with("seconds", wait));
    }
    let ok = state.with_store(|s| Ok(s.check_member_pin(team_id, member_id, &pin)?))?;
    if !ok {
        let has_pin = state.with_store(|s| {
            Ok(s.scoring_members(team_id)?
                .iter()
                .any(|m| m.id == member_id && m.has_pin))
        })?;
        if !has_pin {
            return Err(IpcError::new("pin_not_set", "this member has no PIN yet"));
        }
        let wait = sessions.failed(member_id);
        return Err(if wait > 0 {
            IpcError::new("pin_wait", "too many wrong PINs").with("seconds", wait)
        } else {
            IpcError::new("pin_wrong", "wrong PIN")
        });
    }
    sessions.set_active(team_id, member_id);
    Ok(())
}

/// A member without a PIN sets one and is switched in. In a protected team a chair's
/// or secretary's first PIN needs the acting chair or secretary; a refusal keeps them
/// acting.
#[tauri::command]
pub fn set_first_pin(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    member_id: i64,
    pin: String,
) -> Result<(), IpcError> {
    let actor = sessions.active(team_id);
    state.with_store(|s| Ok(s.set_pin(team_id, member_id, &pin, &os_random::<16>(), actor)?))?;
    sessions.set_active(team_id, member_id);
    Ok(())
}

#[tauri::command]
pub fn leave_assessor(sessions: State<'_, ScoringSessions>, team_id: i64) {
    sessions.clear(team_id);
}

#[tauri::command]
pub fn round_view(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    round: u32,
) -> Result<RoundView, IpcError> {
    let me = acting(&sessions, team_id)?;
    state.with_store(|s| Ok(s.round_view(team_id, me, round)?))
}

#[tauri::command]
pub fn round_material(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    round: u32,
) -> Result<Vec<BlindedCandidate>, IpcError> {
    let me = acting(&sessions, team_id)?;
    state.with_store(|s| Ok(s.round_material(team_id, me, round)?))
}

#[tauri::command]
pub fn open_round(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    rubric_version_id: i64,
    candidates: Vec<String>,
    assessors: Vec<AssessorChoice>,
) -> Result<u32, IpcError> {
    let me = acting(&sessions, team_id)?;
    state.with_store(|s| Ok(s.open_round(team_id, me, rubric_version_id, candidates, assessors)?))
}

#[tauri::command]
pub fn open_next_round(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
) -> Result<u32, IpcError> {
    let me = acting(&sessions, team_id)?;
    state.with_store(|s| Ok(s.open_next_round(team_id, me)?))
}

#[tauri::command]
pub fn save_score(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    round: u32,
    score: Score,
) -> Result<(), IpcError> {
    let me = acting(&sessions, team_id)?;
    state.with_store(|s| Ok(s.save_score(team_id, me, round, score)?))
}

/// Does `action` as the member who switched in, then returns the round as that member
/// now sees it (through the same no-peeking view as every read).
fn act_then_view(
    state: &AppState,
    sessions: &ScoringSessions,
    team_id: i64,
    round: u32,
    action: impl FnOnce(
        &mut maatstaf_store::Store,
        i64,
    ) -> Result<(), maatstaf_store::scoring::ScoringStoreError>,
) -> Result<RoundView, IpcError> {
    let me = acting(sessions, team_id)?;
    state.with_store(|s| {
        action(s, me)?;
        Ok(s.round_view(team_id, me, round)?)
    })
}

#[tauri::command]
pub fn submit_sheet(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    round: u32,
) -> Result<RoundView, IpcError> {
    act_then_view(&state, &sessions, team_id, round, |s, me| {
        s.submit_sheet(team_id, me, round).map(drop)
    })
}

#[tauri::command]
pub fn close_round(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    round: u32,
) -> Result<RoundView, IpcError> {
    act_then_view(&state, &sessions, team_id, round, |s, me| {
        s.close_round(team_id, me, round).map(drop)
    })
}

#[tauri::command]
pub fn reveal_round(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    round: u32,
) -> Result<RoundView, IpcError> {
    act_then_view(&state, &sessions, team_id, round, |s, me| {
        s.reveal_round(team_id, me, round).map(drop)
    })
}

/// Writes the comparison sheet as a standalone HTML file into the data folder's
/// `exports` folder (the window itself has no file access) and returns its path.
#[tauri::command]
pub fn export_comparison_html(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    round: u32,
) -> Result<String, IpcError> {
    let me = acting(&sessions, team_id)?;
    let html = state.with_store(|s| {
        let lang = s.language()?;
        Ok(s.comparison_html(team_id, me, round, lang)?)
    })?;
    let dir = state.data_dir.join("exports");
    let unusable =
        |e: std::io::Error| IpcError::new("data_dir_unusable", e).with("path", dir.display());
    std::fs::create_dir_all(&dir).map_err(unusable)?;
    let mut n = 1;
    let mut path = dir.join(format!("vergelijkingsblad-team{team_id}-ronde{round}.html"));
    while path.exists() {
        n += 1;
        path = dir.join(format!(
            "vergelijkingsblad-team{team_id}-ronde{round}-{n}.html"
        ));
    }
    std::fs::write(&path, &html).map_err(unusable)?;
    let file_name = path.file_name().unwrap_or_default().to_string_lossy();
    state.with_store(|s| Ok(s.log_comparison_export(team_id, me, round, &html, &file_name)?))?;
    Ok(path.display().to_string())
}

#[tauri::command]
pub fn declare_conflict(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    candidate: String,
    kind: ConflictKind,
    note: Option<String>,
) -> Result<StoredDeclaration, IpcError> {
    let me = acting(&sessions, team_id)?;
    state.with_store(|s| Ok(s.declare_conflict(team_id, me, &candidate, kind, note.as_deref())?))
}

#[tauri::command]
pub fn conflict_declarations(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
) -> Result<Vec<StoredDeclaration>, IpcError> {
    let me = acting(&sessions, team_id)?;
    state.with_store(|s| Ok(s.conflict_declarations(team_id, me)?))
}

#[tauri::command]
pub fn set_conflict_rule(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    kind: ConflictKind,
    action: ConflictAction,
    reason: String,
) -> Result<ConflictPolicy, IpcError> {
    let me = acting(&sessions, team_id)?;
    state.with_store(|s| Ok(s.set_conflict_rule(team_id, me, kind, action, &reason)?))
}

#[tauri::command]
pub fn override_conflict(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    declaration_id: i64,
    action: ConflictAction,
    reason: String,
) -> Result<StoredDeclaration, IpcError> {
    let me = acting(&sessions, team_id)?;
    state.with_store(|s| Ok(s.override_conflict(team_id, me, declaration_id, action, &reason)?))
}

#[tauri::command]
pub fn record_decision(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    choices: Vec<PortfolioChoice>,
) -> Result<SelectionState, IpcError> {
    let me = acting(&sessions, team_id)?;
    state.with_store(|s| Ok(s.record_decision(team_id, me, choices)?))
}

#[tauri::command]
pub fn unblind(
    state: State<'_, AppState>,
    sessions: State<'_, ScoringSessions>,
    team_id: i64,
    reason: String,
) -> Result<Vec<UnblindedCandidate>, IpcError> {
    let me = acting(&sessions, team_id)?;
    state.with_store(|s| Ok(s.unblind(team_id, me, &reason)?))
}

/// Names next to codes, only after the chair unblinded (refused before).
#[tauri::command]
pub fn unblinded_candidates(
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<Vec<UnblindedCandidate>, IpcError> {
    state.with_store(|s| Ok(s.unblinded_candidates(team_id)?))
}
