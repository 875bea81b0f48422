//! What the app holds while it runs: the open store, or why it could not open.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use maatstaf_core::access::{self, Action, SessionPolicy};
use maatstaf_core::team::Role;

use maatstaf_store::ledger::LedgerStatus;
use maatstaf_store::scoring::ScoringMember;
use maatstaf_store::sealing::Unlocked;
use maatstaf_store::Store;

use crate::ipc_error::IpcError;

pub struct AppState {
    pub started: Instant,
    pub data_dir: PathBuf,
    store: Mutex<Result<Store, IpcError>>,
    /// The teams whose log was found broken, at start or at the last check on demand.
    broken_ledgers: Mutex<Vec<LedgerStatus>>,
}

impl AppState {
    pub fn open(started: Instant, data_dir: PathBuf) -> AppState {
        let store = Store::open_in(&data_dir).map_err(IpcError::from);
        // A log that cannot even be read counts as broken: the check itself reports it.
        let broken = match &store {
            Ok(s) => s.verify_ledgers().unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        let state = AppState {
            started,
            data_dir,
            store: Mutex::new(store),
            broken_ledgers: Mutex::new(Vec::new()),
        };
        state.set_ledger_check(&broken);
        state
    }

    pub fn set_ledger_check(&self, all: &[LedgerStatus]) {
        let mut guard = self
            .broken_ledgers
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *guard = all.iter().filter(|s| !s.intact).cloned().collect();
    }

    pub fn broken_ledgers(&self) -> Vec<LedgerStatus> {
        self.broken_ledgers
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// The store, or the startup problem again, so every command answers with the same message.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        let mut guard: MutexGuard<'_, Result<Store, IpcError>> = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match guard.as_mut() {
            Ok(store) => f(store),
            Err(problem) => Err(problem.clone()),
        }
    }

    pub fn startup_problem(&self) -> Option<IpcError> {
        let guard = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.as_ref().err().cloned()
    }
}

/// Who is switched in on this laptop, per team. The rules (idle time, which steps end
/// a session) are core's ([`maatstaf_core::access`]); this only holds the map and the
/// clock. Lives only in memory: after a restart everybody types their PIN again.
///
/// A chair or secretary of a sealed team who signs in with their passphrase also has
/// the team's data key here ([`Unlocked`]). It goes when their session ends for any
/// reason (idle time, signing out, a step that ends the session, another member
/// signing in): then the names and texts are sealed again.
pub struct Sessions {
    inner: Mutex<access::Sessions>,
    unlocked: Mutex<HashMap<i64, Unlocked>>,
}

/// Overrides every idle time, in seconds: what the end-to-end tests use to see a
/// session end without waiting five minutes.
pub const IDLE_ENV: &str = "MAATSTAF_SESSION_IDLE_SECS";

impl Default for Sessions {
    fn default() -> Self {
        let policy = std::env::var(IDLE_ENV)
            .ok()
            .and_then(|v| v.parse().ok())
            .map_or_else(SessionPolicy::default, SessionPolicy::uniform);
        Sessions {
            inner: Mutex::new(access::Sessions::new(policy)),
            unlocked: Mutex::new(HashMap::new()),
        }
    }
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Sessions {
    fn lock(&self) -> MutexGuard<'_, access::Sessions> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The member acting for `team_id` now, if any; using it counts as activity.
    pub fn actor(&self, team_id: i64) -> Option<i64> {
        let mut inner = self.lock();
        let now = now();
        inner.touch(team_id, now);
        inner.acting(team_id, now)
    }

    /// The member acting for `team_id` now, without counting the look as activity:
    /// for screens that only show who acts.
    pub fn peek(&self, team_id: i64) -> Option<i64> {
        self.lock().acting(team_id, now())
    }

    /// The acting member among the team's `members`, for a screen to name them.
    /// Looking does not count as activity.
    pub fn active_member(&self, team_id: i64, members: &[ScoringMember]) -> Option<ScoringMember> {
        let id = self.peek(team_id)?;
        members.iter().find(|m| m.id == id).cloned()
    }

    /// Seconds left before the team's session ends when nothing happens.
    pub fn remaining_secs(&self, team_id: i64) -> Option<u64> {
        self.lock().remaining_secs(team_id, now())
    }

    pub fn start(&self, team_id: i64, member_id: i64, role: Role) {
        self.keys().remove(&team_id);
        self.lock().start(team_id, member_id, role, now());
    }

    /// Starts the session of an officer who unlocked the team with their passphrase.
    pub fn start_unlocked(&self, unlocked: Unlocked) {
        let team_id = unlocked.team_id();
        self.start(team_id, unlocked.member_id(), unlocked.role());
        self.keys().insert(team_id, unlocked);
    }

    pub fn end(&self, team_id: i64) {
        self.keys().remove(&team_id);
        self.lock().end(team_id);
    }

    fn keys(&self) -> MutexGuard<'_, HashMap<i64, Unlocked>> {
        self.unlocked
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The acting officer's unlock of the team, if they signed in with their passphrase
    /// and their session is still running; using it counts as activity.
    pub fn unlocked(&self, team_id: i64) -> Option<Unlocked> {
        let acting = self.actor(team_id);
        let mut keys = self.keys();
        match keys.get(&team_id) {
            Some(u) if Some(u.member_id()) == acting => Some(u.clone()),
            Some(_) => {
                keys.remove(&team_id);
                None
            }
            None => None,
        }
    }

    /// Drops the data key of every session that has ended; the app calls this every
    /// few seconds, so an idle officer's key does not outlive their session.
    pub fn seal_expired(&self) {
        let now = now();
        let mut inner = self.lock();
        self.keys()
            .retain(|team, u| inner.acting(*team, now) == Some(u.member_id()));
    }

    /// Ends the session when core says `action` is one after which it must end.
    pub fn after(&self, team_id: i64, action: Action) {
        if access::ends_session(action) {
            self.end(team_id);
        }
    }
}
