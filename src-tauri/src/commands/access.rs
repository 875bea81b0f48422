//! Who is acting: signing in with a PIN, signing out, first PINs and resets, and the
//! one view every area's "who is acting" bar reads. The rules are core's; the store
//! applies them; these commands only carry the session.

use maatstaf_core::access::{AccessError, Action};
use maatstaf_store::access::AccessView;
use maatstaf_store::scoring::os_random;
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

/// Switches a member in with their PIN. Whoever was acting is signed out first, so a
/// failed or cancelled attempt leaves nobody acting, never the previous member.
#[tauri::command]
pub fn sign_in(
    state: State<'_, AppState>,
    sessions: State<'_, Sessions>,
    team_id: i64,
    member_id: i64,
    pin: String,
) -> Result<(), IpcError> {
    sessions.end(team_id);
    let role = state.with_store(|s| Ok(s.verify_pin(team_id, member_id, &pin)?))??;
    sessions.start(team_id, member_id, role);
    Ok(())
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
