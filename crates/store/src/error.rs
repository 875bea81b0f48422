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
    #[error("the bundled demo scoring data is invalid: {0}")]
    DemoScoring(String),
    #[error("the log entry for `{kind}` lacks {missing}")]
    LedgerPayload { kind: &'static str, missing: String },
    #[error("log entry {seq} cannot be read: {detail}")]
    LedgerDamaged { seq: i64, detail: String },
    #[error("the installation key {path} is damaged; move it aside to make a new one (older exports keep their old fingerprint)")]
    KeyDamaged { path: PathBuf },
    #[error("the scores cannot be measured: {0}")]
    Stats(#[from] maatstaf_core::stats::StatsError),
    #[error("{} round {round} already has its consistency snapshot; snapshots are never replaced", if *practice { "practice" } else { "live" })]
    SnapshotExists { round: u32, practice: bool },
    #[error("consistency snapshot {id} cannot be read: {detail}")]
    SnapshotDamaged { id: i64, detail: String },
    #[error("the logboek cannot be built: {0}")]
    Logboek(#[from] maatstaf_core::ledger::BuildError),
    #[error("the logboek section {0} is read from the database, not passed in")]
    SectionNotAccepted(&'static str),
    #[error("rubric version {0} does not exist in this team")]
    NoSuchRubric(i64),
    #[error("there is no bundled rubric template `{0}`")]
    NoSuchTemplate(String),
    #[error("not a valid rubric: {0}")]
    InvalidRubric(#[from] maatstaf_core::rubric::RubricError),
    #[error("version {version} of this rubric is frozen and cannot change; make a new version")]
    RubricFrozen { version: u32 },
    #[error("rubric version {0} is not frozen")]
    RubricNotFrozen(i64),
    #[error("the rubric cannot be frozen: {0}")]
    FreezeRefused(#[from] maatstaf_core::lint::FreezeError),
    #[error("stored rubric version {version_id} cannot be read: {detail}")]
    RubricDamaged { version_id: i64, detail: String },
    #[error("{0}")]
    Candidate(#[from] crate::candidates::CandidateError),
    #[error("member {0} does not exist in this team")]
    NoSuchMember(i64),
    #[error("{0}")]
    Access(#[from] maatstaf_core::access::AccessError),
    #[error("{name} is the team's last chair or secretary with a PIN and cannot be removed or given another role")]
    LastProtectedMember { name: String },
    #[error("{0}")]
    Training(#[from] crate::training::TrainingError),
    #[error(transparent)]
    Scoring(#[from] maatstaf_core::scoring::ScoringError),
    #[error(transparent)]
    Conflict(#[from] maatstaf_core::assessor::ConflictError),
    #[error(transparent)]
    Pin(#[from] maatstaf_core::assessor::PinError),
    #[error("round {0} does not exist")]
    NoSuchRound(u32),
    #[error("candidate {0} has no frozen blinded material")]
    NotBlinded(String),
    #[error("the team already has a round; open the next one instead")]
    RoundsExist,
    #[error("the team has no round yet")]
    NoRounds,
    #[error("this member already has a PIN")]
    PinAlreadySet,
    #[error("stored scoring data cannot be read: {0}")]
    ScoringDamaged(String),
    #[error("live scoring opens once the team reaches its minimum agreement on a practice case")]
    LiveScoringClosed,
    #[error("{0}")]
    Balance(#[from] maatstaf_core::formation::BalanceError),
    #[error("{}", .0.iter().map(|g| g.message().en).collect::<Vec<_>>().join(" "))]
    BalanceBroken(Vec<maatstaf_core::formation::BalanceGap>),
    #[error("{0}")]
    Leniency(#[from] maatstaf_core::formation::LeniencyError),
    #[error("{0} is the chair or secretary, and this team has chosen that they do not score")]
    OfficerMayNotScore(String),
    #[error("{0}")]
    Sealing(#[from] crate::sealing::SealingError),
    #[error("{0}")]
    Privacy(#[from] crate::privacy::PrivacyError),
    #[error("{0}")]
    Package(maatstaf_core::package::PackageError),
    #[error("{0}")]
    Assignment(#[from] crate::assignments::AssignmentError),
    #[error("{0}")]
    Dissent(#[from] maatstaf_core::scoring::DissentError),
    #[error("{0}")]
    Retention(#[from] maatstaf_core::retention::RetentionError),
    #[error("post {0} does not exist in this team")]
    NoSuchPost(i64),
    #[error("the post {0} is scored in a round and cannot be removed")]
    PostInUse(String),
    #[error("{0}")]
    Allocation(maatstaf_core::scoring::AllocationError),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
