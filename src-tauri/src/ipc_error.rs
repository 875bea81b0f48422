//! The one error shape that crosses IPC. The UI shows `errors.<code>` from its
//! translation files, filled in with `params`; `detail` is for the curious.

use std::collections::BTreeMap;

use maatstaf_core::team::NameError;
use maatstaf_store::candidates::CandidateError;
use maatstaf_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    pub code: String,
    pub params: BTreeMap<String, String>,
    pub detail: String,
}

impl IpcError {
    pub fn new(code: &str, detail: impl ToString) -> IpcError {
        IpcError {
            code: code.to_owned(),
            params: BTreeMap::new(),
            detail: detail.to_string(),
        }
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> IpcError {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }
}

impl From<NameError> for IpcError {
    fn from(e: NameError) -> IpcError {
        match e {
            NameError::Empty => IpcError::new("name_empty", &e),
            NameError::TooLong { max } => IpcError::new("name_too_long", &e).with("max", max),
            NameError::ControlCharacter => IpcError::new("name_control_character", &e),
        }
    }
}

impl From<CandidateError> for IpcError {
    fn from(e: CandidateError) -> IpcError {
        let detail = e.to_string();
        match e {
            CandidateError::NoSuchCandidate(code) => {
                IpcError::new("no_such_candidate", detail).with("code", code)
            }
            CandidateError::NoSuchMaterial(id) => {
                IpcError::new("no_such_material", detail).with("id", id)
            }
            CandidateError::BadBirthDate(value) => {
                IpcError::new("bad_birth_date", detail).with("value", value)
            }
            CandidateError::TooLong { field, max } => IpcError::new("field_too_long", detail)
                .with("field", field)
                .with("max", max),
            CandidateError::ControlCharacter { field } => {
                IpcError::new("field_control_character", detail).with("field", field)
            }
            CandidateError::NoMaterial => IpcError::new("no_material", detail),
            CandidateError::MissingCriterion => IpcError::new("missing_criterion", detail),
            CandidateError::DuplicateCriterion(criterion) => {
                IpcError::new("duplicate_criterion", detail).with("criterion", criterion)
            }
            CandidateError::Frozen => IpcError::new("material_frozen", detail),
            CandidateError::BadRange { .. } => IpcError::new("bad_range", detail),
            CandidateError::Overlap(_) => IpcError::new("redactions_overlap", detail),
            CandidateError::Unscorable { code, .. } => {
                IpcError::new("candidate_unscorable", detail).with("code", code)
            }
            CandidateError::CodesExhausted(n) => {
                IpcError::new("codes_exhausted", detail).with("count", n)
            }
        }
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> IpcError {
        let detail = e.to_string();
        match e {
            StoreError::Corrupt { path, .. } => {
                IpcError::new("db_corrupt", detail).with("path", path.display())
            }
            StoreError::TooNew {
                path,
                found,
                supported,
            } => IpcError::new("db_too_new", detail)
                .with("path", path.display())
                .with("found", found)
                .with("supported", supported),
            StoreError::Io { path, .. } => {
                IpcError::new("data_dir_unusable", detail).with("path", path.display())
            }
            StoreError::NoSuchTeam(id) => IpcError::new("no_such_team", detail).with("id", id),
            StoreError::InvalidName(name) => name.into(),
            StoreError::NoSuchMember(id) => IpcError::new("no_such_member", detail).with("id", id),
            StoreError::Candidate(e) => e.into(),
            // Main did not map these yet; the app would not compile without them.
            StoreError::Demo(_)
            | StoreError::Sqlite(_)
            | StoreError::Migration(_)
            | StoreError::LedgerPayload { .. }
            | StoreError::LedgerDamaged { .. }
            | StoreError::KeyDamaged { .. } => IpcError::new("db_error", detail),
        }
    }
}
