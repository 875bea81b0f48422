//! Maatstaf's storage: one SQLite database per data folder, shared by the app and
//! the CLI. Queries live here; every decision about what is allowed lives in
//! `maatstaf-core`.

pub mod access;
pub mod assignments;
pub mod candidates;
mod cipher;
pub mod clock;
pub mod consistency;
mod demo_seed;
pub mod error;
pub mod exports;
#[cfg(any(test, feature = "test-fixtures"))]
pub mod fixtures;
pub mod ledger;
mod open;
pub mod posts;
pub mod privacy;
mod private_files;
pub mod report;
pub mod rubrics;
pub mod scoring;
pub mod sealing;
pub mod settings;
pub mod teams;
pub mod training;

pub use error::{Result, StoreError};
pub use open::{default_data_dir, latest_schema_version, DbCheck, DATA_DIR_ENV, DB_FILE};

#[derive(Debug)]
pub struct Store {
    conn: rusqlite::Connection,
    path: std::path::PathBuf,
    interface: access::Interface,
}
