//! The team log: a hash chain of everything that happened in a selection, the signed
//! logboek export a committee checks, and the checkpoint codes that let it check a logboek
//! against earlier ones and the minutes: the signature alone only shows that the file did
//! not change after signing (see `docs/logboek-format.md`).
//!
//! Pure: times, keys and key seeds come in as arguments.

mod canonical;
mod chain;
mod checkpoint;
mod entry;
mod handover;
mod keys;
pub mod logboek;

pub use canonical::{content_sha256, sha256_hex};
pub use chain::{parse_utc, verify_chain, ChainError};
pub use checkpoint::{checkpoints, Checkpoint, CheckpointCode, CheckpointCodeError};
pub use entry::{missing_payload_fields, next_entry, Actor, Entry, EntryKind, GENESIS_HASH};
pub use handover::{declared_fingerprint, handover_holds, sign_handover};
pub use keys::{
    public_key_hex, signing_key_from_seed, verifying_key_from_hex, Fingerprint, FingerprintError,
    SigningKey, VerifyingKey,
};
pub use logboek::{
    export_record, exported_entry, verify_logboek, verify_logboek_against, BuildError,
    CheckpointCheck, ExportInfo, Header, History, HistoryProblem, Logboek, Past, PreviousCheck,
    Problem, ProblemKind, Section, SectionName, TeamRef, Verification,
};
