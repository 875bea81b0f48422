//! What the app holds while it runs: the open store, or why it could not open.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use maatstaf_store::ledger::LedgerStatus;
use maatstaf_store::scoring::ScoringMember;
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

/// Who is scoring on this laptop, per team, and how many wrong PINs were typed.
/// Lives only in memory: after a restart everybody types their PIN again.
#[derive(Default)]
pub struct ScoringSessions {
    inner: Mutex<SessionsInner>,
}

#[derive(Default)]
struct SessionsInner {
    active: std::collections::HashMap<i64, i64>,
    failures: std::collections::HashMap<i64, (u32, Instant)>,
}

/// Wrong PINs allowed before the app makes you wait; each further one doubles the wait.
const FREE_TRIES: u32 = 3;
const FIRST_WAIT_SECS: u64 = 5;

impl ScoringSessions {
    fn lock(&self) -> MutexGuard<'_, SessionsInner> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The member acting for `team_id`, if someone switched in.
    pub fn active(&self, team_id: i64) -> Option<i64> {
        self.lock().active.get(&team_id).copied()
    }

    /// The acting member among the team's `members`, for a screen to name them.
    pub fn active_member(&self, team_id: i64, members: &[ScoringMember]) -> Option<ScoringMember> {
        let id = self.active(team_id)?;
        members.iter().find(|m| m.id == id).cloned()
    }

    pub fn set_active(&self, team_id: i64, member_id: i64) {
        let mut inner = self.lock();
        inner.failures.remove(&member_id);
        inner.active.insert(team_id, member_id);
    }

    pub fn clear(&self, team_id: i64) {
        self.lock().active.remove(&team_id);
    }

    /// Seconds still to wait before `member_id`'s PIN may be tried again.
    pub fn wait_secs(&self, member_id: i64) -> u64 {
        match self.lock().failures.get(&member_id) {
            Some((n, until)) if *n >= FREE_TRIES && *until > Instant::now() => {
                until.saturating_duration_since(Instant::now()).as_secs() + 1
            }
            _ => 0,
        }
    }

    /// Records a wrong PIN; returns the wait that now applies (0 while tries are free).
    pub fn failed(&self, member_id: i64) -> u64 {
        let mut inner = self.lock();
        let entry = inner
            .failures
            .entry(member_id)
            .or_insert((0, Instant::now()));
        entry.0 += 1;
        if entry.0 < FREE_TRIES {
            return 0;
        }
        let wait = FIRST_WAIT_SECS << (entry.0 - FREE_TRIES).min(10);
        entry.1 = Instant::now() + std::time::Duration::from_secs(wait);
        wait
    }
}
