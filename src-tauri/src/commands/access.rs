//! Who is acting: signing in with a PIN or passphrase, signing out, first PINs and
//! resets, sealing a team and sharing its key, and the one view every area's "who is
//! acting" bar reads. The rules are core's; the store
//! applies them; these commands only carry the session.

use maatstaf_core::access::{AccessError, Action};
use maatstaf_core::seal::{strength, Strength};
use maatstaf_store::access::{AccessView, PinRefusal};
use maatstaf_store::scoring::os_random;
use maatstaf_store::sealing::{SealState, SealingError, Unlocked};
use tauri::State;

use crate::ipc_error::IpcError;
use crate::state::{AppState, Sessions};

/// The member switched in for the team, or the refusal core gives when nobody is,
/// named after what they tried to do.
pub(crate) fn require_actor(
    sessions: &Sessions,
    team_id: i64,
    action: Action,
) -> Result<i64, IpcError> {
    sessions.actor(team_id).ok_or_else(|| {
        AccessError::NobodyActing {
            action: action.as_str().to_owned(),
        }
        .into()
    })
}

/// The acting officer's unlock of the team's sealed data, or why there is none: nobody
/// signed in, a team that is not sealed yet, or a member who signed in without the
/// passphrase that opens it.
pub(crate) fn require_unlocked(
    state: &AppState,
    sessions: &Sessions,
    team_id: i64,
    action: Action,
) -> Result<Unlocked, IpcError> {
    let actor = require_actor(sessions, team_id, action)?;
    // A member whose role may not do this at all is told so, not asked for a key.
    state.with_store(|s| Ok(s.check_access(team_id, action, Some(actor))?))?;
    if let Some(unlocked) = sessions.unlocked(team_id) {
        return Ok(unlocked);
    }
    let sealed = state.with_store(|s| Ok(s.seal_state(team_id)?.sealed))?;
    Err(if sealed {
        SealingError::Locked
    } else {
        SealingError::NotSealed
    }
    .into())
}

#[tauri::command]
pub fn access_view(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
) -> Result<AccessView, IpcError> {
    // Showing who acts is not activity: a screen that asks again must not keep an
    // idle officer signed in.
    let actor = sessions.peek(team_id);
    let mut view = state.with_store(|s| Ok(s.access_view(team_id, actor)?))?;
    view.remaining_secs = sessions.remaining_secs(team_id);
    Ok(view)
}

/// Switches a member in with their PIN, or a chair or secretary of a sealed team with
/// their passphrase, which also unlocks the team's sealed data for their session.
/// Whoever was acting is signed out first, so a failed or cancelled attempt leaves
/// nobody acting, never the previous member.
#[tauri::command]
pub fn sign_in(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    member_id: i64,
    secret: String,
) -> Result<(), IpcError> {
    sessions.end(team_id);
    let uses_passphrase = state.with_store(|s| Ok(s.uses_passphrase(team_id, member_id)?))?;
    if uses_passphrase {
        let unlocked = state
            .with_store(|s| Ok(s.unlock(team_id, member_id, &secret)?))?
            .map_err(|refusal| match refusal {
                PinRefusal::Wrong => IpcError::new("passphrase_wrong", &refusal),
                other => other.into(),
            })?;
        sessions.start_unlocked(unlocked);
    } else {
        let role = state.with_store(|s| Ok(s.verify_pin(team_id, member_id, &secret)?))??;
        sessions.start(team_id, member_id, role);
    }
    Ok(())
}

/// Seals a team made before sealing existed (or without it): the officer sets the
/// first passphrase and is signed in with the team unlocked.
#[tauri::command]
pub fn seal_team(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    officer_id: i64,
    passphrase: String,
    repeated: String,
) -> Result<SealState, IpcError> {
    let actor = sessions.actor(team_id);
    let unlocked = state
        .with_store(|s| Ok(s.seal_team(team_id, officer_id, actor, &passphrase, &repeated)?))?;
    sessions.start_unlocked(unlocked);
    state.with_store(|s| Ok(s.seal_state(team_id)?))
}

/// A signed-in officer gives another chair or secretary access to the sealed data: the
/// other officer types a passphrase of their own (also when they lost theirs).
#[tauri::command]
pub fn grant_access(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    member_id: i64,
    passphrase: String,
    repeated: String,
) -> Result<SealState, IpcError> {
    let by = require_unlocked(&state, &sessions, team_id, Action::GrantAccess)?;
    state.with_store(|s| {
        s.grant_access(&by, member_id, &passphrase, &repeated)?;
        Ok(s.seal_state(team_id)?)
    })
}

#[tauri::command]
pub fn seal_state(state: State<'_, AppState>, team_id: i64) -> Result<SealState, IpcError> {
    state.with_store(|s| Ok(s.seal_state(team_id)?))
}

/// The hint under a passphrase field; `personal` are the member's and the team's names.
#[tauri::command]
pub fn passphrase_strength(passphrase: String, personal: Vec<String>) -> Strength {
    let personal: Vec<&str> = personal.iter().map(String::as_str).collect();
    strength(&passphrase, &personal)
}

#[tauri::command]
pub fn sign_out(sessions: State<'_, Sessions>, team_id: i64) {
    sessions.end(team_id);
}

/// A member without a PIN types their first one. In a protected team the chair or
/// secretary must be signed in (and stays so); otherwise the member is signed in.
#[tauri::command]
pub fn set_first_pin(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    member_id: i64,
    pin: String,
) -> Result<(), IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| Ok(s.set_pin(team_id, member_id, &pin, &os_random::<16>(), actor)?))?;
    if actor.is_none() {
        let role = state.with_store(|s| Ok(s.verify_pin(team_id, member_id, &pin)?))??;
        sessions.start(team_id, member_id, role);
    }
    Ok(())
}

#[tauri::command]
pub fn reset_pin(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    member_id: i64,
) -> Result<AccessView, IpcError> {
    let actor = require_actor(&sessions, team_id, Action::ResetPin)?;
    state.with_store(|s| {
        s.reset_pin(team_id, member_id, Some(actor))?;
        Ok(s.access_view(team_id, Some(actor))?)
    })
}

#[tauri::command]
pub fn set_officers_score(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    officers_score: bool,
) -> Result<AccessView, IpcError> {
    let actor = sessions.actor(team_id);
    state.with_store(|s| {
        s.set_officers_score(team_id, officers_score, actor)?;
        Ok(s.access_view(team_id, actor)?)
    })
}
