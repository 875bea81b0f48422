//! Candidates: intake, the redaction review, freezing, deleting.
//! Only `add_candidate`'s input, `candidate_identity` and the review of material that
//! is not frozen yet carry identity strings; every other response names a code.
//!
//! Every call that shows or changes an identity or unredacted text passes the unlock
//! of the officer who signed in with their passphrase (`Sessions`) to the store, which
//! opens the sealed data only with it and decides whether they may: never the UI.

use maatstaf_store::candidates::{
    CandidateIdentity, CandidateListItem, CandidateRemoval, IdentityInput, IntakeRubric,
    MaterialInput, MaterialReview, RedactionChoice,
};
use tauri::State;

use maatstaf_core::access::Action;

use crate::commands::access::require_unlocked;
use crate::ipc_error::IpcError;
use crate::state::{AppState, Sessions};

#[tauri::command]
pub fn list_candidates(
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<Vec<CandidateListItem>, IpcError> {
    state.with_store(|s| Ok(s.candidates(team_id)?))
}

#[tauri::command]
pub fn intake_rubrics(
    state: State<'_, AppState>,
    team_id: i64,
) -> Result<Vec<IntakeRubric>, IpcError> {
    state.with_store(|s| Ok(s.intake_rubrics(team_id)?))
}

/// Returns the new candidate's code, nothing else.
#[tauri::command]
pub fn add_candidate(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    identity: IdentityInput,
    material: Vec<MaterialInput>,
) -> Result<String, IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::AddCandidate)?;
    state.with_store(|s| Ok(s.add_candidate(&by, &identity, &material)?))
}

#[tauri::command]
pub fn candidate_identity(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    code: String,
) -> Result<CandidateIdentity, IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::ViewIdentity)?;
    state.with_store(|s| Ok(s.candidate_identity(&by, &code)?))
}

#[tauri::command]
pub fn material_review(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    material_id: i64,
) -> Result<MaterialReview, IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::ReviewOriginal)?;
    state.with_store(|s| Ok(s.material_review(&by, material_id)?))
}

#[tauri::command]
pub fn freeze_material(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    material_id: i64,
    redactions: Vec<RedactionChoice>,
) -> Result<MaterialReview, IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::FreezeMaterial)?;
    state.with_store(|s| Ok(s.freeze_material(&by, material_id, &redactions)?))
}

#[tauri::command]
pub fn candidate_removal(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    code: String,
) -> Result<CandidateRemoval, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.candidate_removal(team_id, actor, &code)?))
}

#[tauri::command]
pub fn delete_candidate(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    code: String,
) -> Result<(), IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.delete_candidate(team_id, actor, &code)?))?;
    sessions.after(team_id, Action::DeleteCandidate);
    Ok(())
}
