//! What the app holds while it runs: the open store, or why it could not open.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use maatstaf_store::ledger::LedgerStatus;
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
