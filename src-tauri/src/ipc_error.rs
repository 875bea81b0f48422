//! The one error shape that crosses IPC. The UI shows `errors.<code>` from its
//! translation files, filled in with `params`; `detail` is for the curious.

use std::collections::BTreeMap;

use maatstaf_core::team::NameError;
use maatstaf_core::training::SessionError;
use maatstaf_store::training::TrainingError;
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
            StoreError::Training(e) => e.into(),
            StoreError::Demo(_) | StoreError::Sqlite(_) | StoreError::Migration(_) => {
                IpcError::new("db_error", detail)
            }
        }
    }
}

impl From<SessionError> for IpcError {
    fn from(e: SessionError) -> IpcError {
        let detail = e.to_string();
        match e {
            SessionError::NotTrainer => IpcError::new("session_not_trainer", detail),
            SessionError::TooFewParticipants { min, found } => {
                IpcError::new("session_too_few_participants", detail)
                    .with("min", min)
                    .with("found", found)
            }
            SessionError::NotAParticipant { name } => {
                IpcError::new("session_not_a_participant", detail).with("name", name)
            }
            SessionError::RoundNotOpen { round } => {
                IpcError::new("session_round_not_open", detail).with("round", round)
            }
            SessionError::OutOfScale { score, min, max } => {
                IpcError::new("session_out_of_scale", detail)
                    .with("score", score)
                    .with("min", min)
                    .with("max", max)
            }
            SessionError::NoSuchCandidate { candidate } => {
                IpcError::new("session_no_such_candidate", detail).with("candidate", candidate)
            }
            SessionError::NoSuchCriterion { id } => {
                IpcError::new("session_no_such_criterion", detail).with("id", id)
            }
            SessionError::Incomplete { names } => {
                IpcError::new("session_incomplete", detail).with("names", names)
            }
            SessionError::Finished => IpcError::new("session_finished", detail),
        }
    }
}

impl From<TrainingError> for IpcError {
    fn from(e: TrainingError) -> IpcError {
        let detail = e.to_string();
        match e {
            TrainingError::NoSuchModule(id) => {
                IpcError::new("training_no_such_module", detail).with("id", id)
            }
            TrainingError::NoSuchExercise { exercise, .. } => {
                IpcError::new("training_no_such_exercise", detail).with("id", exercise)
            }
            TrainingError::NoSuchCase(id) => {
                IpcError::new("training_no_such_case", detail).with("id", id)
            }
            TrainingError::NoSuchMember(id) => {
                IpcError::new("training_no_such_member", detail).with("id", id)
            }
            TrainingError::NoSuchSession(id) => {
                IpcError::new("training_no_such_session", detail).with("id", id)
            }
            TrainingError::NotInTeam { member } => {
                IpcError::new("training_not_in_team", detail).with("id", member)
            }
            TrainingError::WrongAnswerKind { .. } | TrainingError::Grade(_) => {
                IpcError::new("training_bad_answer", detail)
            }
            TrainingError::BundledReadOnly(id) => {
                IpcError::new("training_bundled_read_only", detail).with("id", id)
            }
            TrainingError::CaseUsedByModule { case, module } => {
                IpcError::new("training_case_used_by_module", detail)
                    .with("case", case)
                    .with("module", module)
            }
            TrainingError::CaseUsedBySession(case) => {
                IpcError::new("training_case_used_by_session", detail).with("case", case)
            }
            TrainingError::TooLarge { max, .. } => {
                IpcError::new("training_too_large", detail).with("max_kb", max / 1024)
            }
            TrainingError::InvalidThreshold(_) => {
                IpcError::new("training_invalid_threshold", detail)
            }
            TrainingError::Session(e) => e.into(),
            TrainingError::Bundle(_) => IpcError::new("db_error", detail),
        }
    }
}
