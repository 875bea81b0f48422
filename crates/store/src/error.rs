use std::path::PathBuf;

/// What can go wrong with the data folder. The app turns each variant into a
/// translated message, so variants carry what the message names (paths, versions).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database file {path} is damaged or is not a Maatstaf database: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error("the database file {path} was written by a newer Maatstaf (schema {found}, this version knows up to {supported})")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("cannot use the data folder {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("team {0} does not exist")]
    NoSuchTeam(i64),
    #[error("invalid name: {0}")]
    InvalidName(#[from] maatstaf_core::team::NameError),
    #[error("the bundled demo team is invalid: {0}")]
    Demo(#[from] maatstaf_core::demo::DemoError),
    #[error("{0}")]
    Training(#[from] crate::training::TrainingError),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
