//! The one error shape that crosses IPC. The UI shows `errors.<code>` from its
//! translation files, filled in with `params`; `detail` is for the curious.

use std::collections::BTreeMap;

use maatstaf_core::access::AccessError;
use maatstaf_core::assessor::{ConflictError, PinError};
use maatstaf_core::i18n::Text;
use maatstaf_core::lint::FreezeError;
use maatstaf_core::rubric::RubricError;
use maatstaf_core::scoring::ScoringError;
use maatstaf_core::team::NameError;
use maatstaf_core::training::SessionError;
use maatstaf_store::candidates::CandidateError;
use maatstaf_store::sealing::SealingError;
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
            CandidateError::CandidateScored(code) => {
                IpcError::new("candidate_scored", detail).with("code", code)
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
            StoreError::Access(e) => e.into(),
            StoreError::Scoring(e) => e.into(),
            StoreError::Conflict(e) => e.into(),
            StoreError::Pin(e) => e.into(),
            StoreError::NoSuchRound(n) => IpcError::new("no_such_round", detail).with("round", n),
            StoreError::NotBlinded(code) => {
                IpcError::new("candidate_not_blinded", detail).with("code", code)
            }
            StoreError::RoundsExist => IpcError::new("rounds_exist", detail),
            StoreError::NoRounds => IpcError::new("no_rounds", detail),
            StoreError::PinAlreadySet => IpcError::new("pin_already_set", detail),
            StoreError::LiveScoringClosed => IpcError::new("live_scoring_closed", detail),
            StoreError::Balance(e) => core_rule("balance", &e, e.message()),
            StoreError::Leniency(e) => core_rule("leniency", &e, e.message()),
            StoreError::BalanceBroken(gaps) => {
                let say = |lang: fn(&Text) -> &String| {
                    gaps.iter()
                        .map(|g| lang(&g.message()).clone())
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                IpcError::new("balance_broken", detail)
                    .with("nl", say(|t| &t.nl))
                    .with("en", say(|t| &t.en))
                    .with(
                        "candidates",
                        gaps.iter()
                            .map(|g| g.candidate.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
            }
            StoreError::OfficerMayNotScore(name) => {
                IpcError::new("officer_may_not_score", detail).with("name", name)
            }
            StoreError::LastProtectedMember { name } => {
                IpcError::new("last_protected_member", detail).with("name", name)
            }
            StoreError::Candidate(e) => e.into(),
            StoreError::Sealing(e) => core_rule("sealing", &e, e.text()),
            StoreError::Privacy(e) => core_rule("privacy", &e, e.text()),
            StoreError::Dissent(e) => core_rule("dissent", &e, e.text()),
            StoreError::Retention(e) => core_rule("retention", &e, e.text()),
            StoreError::Package(e) => core_rule("package", &e, e.text()),
            StoreError::Assignment(e) => core_rule("assignment", &e, e.text()),
            StoreError::Training(e) => e.into(),
            StoreError::NoSuchPost(id) => IpcError::new("no_such_post", detail).with("id", id),
            StoreError::PostInUse(name) => IpcError::new("post_in_use", detail).with("name", name),
            StoreError::Allocation(e) => core_rule("allocation", &e, e.message()),
            StoreError::KeyDamaged { path } => {
                IpcError::new("key_damaged", detail).with("path", path.display())
            }
            StoreError::NoSuchRubric(id) => IpcError::new("no_such_rubric", detail).with("id", id),
            StoreError::NoSuchTemplate(id) => {
                IpcError::new("no_such_template", detail).with("id", id)
            }
            StoreError::InvalidRubric(e) => e.into(),
            StoreError::RubricFrozen { version } => {
                IpcError::new("rubric_frozen", detail).with("version", version)
            }
            StoreError::RubricNotFrozen(id) => {
                IpcError::new("rubric_not_frozen", detail).with("id", id)
            }
            StoreError::FreezeRefused(e) => e.into(),
            StoreError::RubricDamaged { version_id, .. } => {
                IpcError::new("rubric_damaged", detail).with("id", version_id)
            }
            StoreError::LedgerDamaged { seq, .. } => {
                IpcError::new("ledger_damaged", detail).with("seq", seq)
            }
            StoreError::Stats(e) => IpcError::new("stats_invalid", detail)
                .with("nl", e.text().nl)
                .with("en", e.text().en),
            StoreError::SnapshotExists { round, .. } => {
                IpcError::new("snapshot_exists", detail).with("round", round)
            }
            StoreError::SnapshotDamaged { id, .. } => {
                IpcError::new("snapshot_damaged", detail).with("id", id)
            }
            StoreError::Logboek(e) => IpcError::new("logboek_build", detail)
                .with("nl", e.text().nl)
                .with("en", e.text().en),
            StoreError::SectionNotAccepted(_)
            | StoreError::LedgerPayload { .. }
            | StoreError::Demo(_)
            | StoreError::ScoringDamaged(_)
            | StoreError::DemoScoring(_)
            | StoreError::Sqlite(_)
            | StoreError::Migration(_) => IpcError::new("db_error", detail),
        }
    }
}

/// A text that is not a rubric: the message names line and column in both languages.
impl From<RubricError> for IpcError {
    fn from(e: RubricError) -> IpcError {
        let text = e.text();
        let mut err = IpcError::new("rubric_invalid", &e)
            .with("nl", text.nl)
            .with("en", text.en);
        if let Some(at) = e.position() {
            err = err.with("line", at.line).with("column", at.column);
        }
        err
    }
}

impl From<FreezeError> for IpcError {
    fn from(e: FreezeError) -> IpcError {
        match e {
            FreezeError::HasErrors { errors } => {
                IpcError::new("freeze_has_errors", &e).with("errors", errors)
            }
            FreezeError::WarningsNotAccepted { warnings } => {
                IpcError::new("freeze_warnings_not_accepted", &e).with("warnings", warnings)
            }
        }
    }
}

/// A core rule's refusal: `code` is `<area>_<variant>`, `params` carry the variant's
/// fields plus the core's own message as `nl` and `en`, which the UI shows.
fn core_rule<E: Serialize + std::fmt::Display>(area: &str, e: &E, text: Text) -> IpcError {
    let value = serde_json::to_value(e).unwrap_or_default();
    let code = value
        .get("code")
        .and_then(|c| c.as_str())
        .unwrap_or("unknown");
    let mut err = IpcError::new(&format!("{area}_{code}"), e);
    if let Some(fields) = value.as_object() {
        for (k, v) in fields.iter().filter(|(k, _)| k.as_str() != "code") {
            let v = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            err = err.with(k, v);
        }
    }
    err.with("nl", text.nl).with("en", text.en)
}

impl From<ScoringError> for IpcError {
    fn from(e: ScoringError) -> IpcError {
        core_rule("scoring", &e, e.message())
    }
}

impl From<ConflictError> for IpcError {
    fn from(e: ConflictError) -> IpcError {
        core_rule("conflict", &e, e.message())
    }
}

impl From<SealingError> for IpcError {
    fn from(e: SealingError) -> IpcError {
        core_rule("sealing", &e, e.text())
    }
}

impl From<AccessError> for IpcError {
    fn from(e: AccessError) -> IpcError {
        core_rule("access", &e, e.text())
    }
}

impl From<maatstaf_store::access::PinRefusal> for IpcError {
    fn from(e: maatstaf_store::access::PinRefusal) -> IpcError {
        use maatstaf_store::access::PinRefusal;
        match e {
            PinRefusal::NotSet => IpcError::new("pin_not_set", &e),
            PinRefusal::Wrong => IpcError::new("pin_wrong", &e),
            PinRefusal::Wait { seconds } => IpcError::new("pin_wait", &e).with("seconds", seconds),
        }
    }
}

impl From<PinError> for IpcError {
    fn from(e: PinError) -> IpcError {
        core_rule("pin", &e, e.message())
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
