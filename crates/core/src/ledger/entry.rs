//! One entry of a team's log and how its hash is computed.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::canonical::{canonical_bytes, sha256_hex};
use crate::i18n::Text;

/// The `prev_hash` of the first entry: there is nothing before it.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who caused an entry: a team member (by id, with the name shown at the time) or the app itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export, rename = "LedgerActor")]
pub enum Actor {
    System,
    /// The `maatstaf` command line, run without a member signing in.
    Cli,
    Member {
        id: String,
        name: String,
    },
}

impl Actor {
    pub fn member(id: impl Into<String>, name: impl Into<String>) -> Actor {
        Actor::Member {
            id: id.into(),
            name: name.into(),
        }
    }

    /// How a reviewer sees the actor.
    pub fn display(&self) -> Text {
        match self {
            Actor::System => Text::new("systeem", "system"),
            Actor::Cli => Text::new("opdrachtregel", "command line"),
            Actor::Member { name, .. } => Text::new(name.clone(), name.clone()),
        }
    }
}

/// What happened. The details live in the entry's `payload`; [`EntryKind::payload_fields`]
/// names the fields each kind is expected to carry so a reviewer finds them in every export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EntryKind {
    TeamCreated,
    TeamRenamed,
    TeamDeleted,
    MemberAdded,
    MemberChanged,
    MemberRemoved,
    RubricFrozen,
    RubricVersionAdded,
    CandidateAdded,
    MaterialBlinded,
    CandidateDeleted,
    ConflictDeclared,
    RecognitionDeclared,
    ConflictRuleChanged,
    ConflictOverridden,
    RoundOpened,
    ScoreSubmitted,
    RoundClosed,
    RoundRevealed,
    ScoreRevised,
    ConsistencySnapshot,
    DecisionRecorded,
    Unblinded,
    Exported,
    ComparisonSheetExported,
    TrainingSessionStarted,
    TrainingModuleCompleted,
    TrainingSessionCompleted,
    TrainingThresholdChanged,
    PinSet,
    PinReset,
    PinFailed,
    IdentityViewed,
    OriginalViewed,
    RubricEdited,
    ContentImported,
    ContentRemoved,
    TeamSettingsChanged,
    TeamSealed,
    KeyAccessGranted,
    CandidateErased,
    FormationClosed,
    RetentionChanged,
    PersonalCopyExported,
    PackageWritten,
    AssessorKeyRegistered,
    AssessorKeyRevoked,
    ScorePackageImported,
    ScorePackageConflict,
    PackageConflictResolved,
    ScorePackageOpened,
    OwnPartyLeniency,
    FileDeleted,
    DissentRecorded,
    ReportExported,
    RiskAnalysisDone,
    PostDefined,
    PostRemoved,
}

impl EntryKind {
    pub const ALL: [EntryKind; 58] = [
        EntryKind::TeamCreated,
        EntryKind::TeamRenamed,
        EntryKind::TeamDeleted,
        EntryKind::MemberAdded,
        EntryKind::MemberChanged,
        EntryKind::MemberRemoved,
        EntryKind::RubricFrozen,
        EntryKind::RubricVersionAdded,
        EntryKind::CandidateAdded,
        EntryKind::MaterialBlinded,
        EntryKind::CandidateDeleted,
        EntryKind::ConflictDeclared,
        EntryKind::RecognitionDeclared,
        EntryKind::ConflictRuleChanged,
        EntryKind::ConflictOverridden,
        EntryKind::RoundOpened,
        EntryKind::ScoreSubmitted,
        EntryKind::RoundClosed,
        EntryKind::RoundRevealed,
        EntryKind::ScoreRevised,
        EntryKind::ConsistencySnapshot,
        EntryKind::DecisionRecorded,
        EntryKind::Unblinded,
        EntryKind::Exported,
        EntryKind::ComparisonSheetExported,
        EntryKind::TrainingSessionStarted,
        EntryKind::TrainingModuleCompleted,
        EntryKind::TrainingSessionCompleted,
        EntryKind::TrainingThresholdChanged,
        EntryKind::PinSet,
        EntryKind::PinReset,
        EntryKind::PinFailed,
        EntryKind::IdentityViewed,
        EntryKind::OriginalViewed,
        EntryKind::RubricEdited,
        EntryKind::ContentImported,
        EntryKind::ContentRemoved,
        EntryKind::TeamSettingsChanged,
        EntryKind::TeamSealed,
        EntryKind::KeyAccessGranted,
        EntryKind::CandidateErased,
        EntryKind::FormationClosed,
        EntryKind::RetentionChanged,
        EntryKind::PersonalCopyExported,
        EntryKind::PackageWritten,
        EntryKind::AssessorKeyRegistered,
        EntryKind::AssessorKeyRevoked,
        EntryKind::ScorePackageImported,
        EntryKind::ScorePackageConflict,
        EntryKind::PackageConflictResolved,
        EntryKind::ScorePackageOpened,
        EntryKind::OwnPartyLeniency,
        EntryKind::FileDeleted,
        EntryKind::DissentRecorded,
        EntryKind::ReportExported,
        EntryKind::RiskAnalysisDone,
        EntryKind::PostDefined,
        EntryKind::PostRemoved,
    ];

    /// The snake_case name used in files and over IPC.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::TeamCreated => "team_created",
            EntryKind::TeamRenamed => "team_renamed",
            EntryKind::TeamDeleted => "team_deleted",
            EntryKind::MemberAdded => "member_added",
            EntryKind::MemberChanged => "member_changed",
            EntryKind::MemberRemoved => "member_removed",
            EntryKind::RubricFrozen => "rubric_frozen",
            EntryKind::RubricVersionAdded => "rubric_version_added",
            EntryKind::CandidateAdded => "candidate_added",
            EntryKind::MaterialBlinded => "material_blinded",
            EntryKind::CandidateDeleted => "candidate_deleted",
            EntryKind::ConflictDeclared => "conflict_declared",
            EntryKind::RecognitionDeclared => "recognition_declared",
            EntryKind::ConflictRuleChanged => "conflict_rule_changed",
            EntryKind::ConflictOverridden => "conflict_overridden",
            EntryKind::RoundOpened => "round_opened",
            EntryKind::ScoreSubmitted => "score_submitted",
            EntryKind::RoundClosed => "round_closed",
            EntryKind::RoundRevealed => "round_revealed",
            EntryKind::ScoreRevised => "score_revised",
            EntryKind::ConsistencySnapshot => "consistency_snapshot",
            EntryKind::DecisionRecorded => "decision_recorded",
            EntryKind::Unblinded => "unblinded",
            EntryKind::Exported => "exported",
            EntryKind::ComparisonSheetExported => "comparison_sheet_exported",
            EntryKind::TrainingSessionStarted => "training_session_started",
            EntryKind::TrainingModuleCompleted => "training_module_completed",
            EntryKind::TrainingSessionCompleted => "training_session_completed",
            EntryKind::TrainingThresholdChanged => "training_threshold_changed",
            EntryKind::PinSet => "pin_set",
            EntryKind::PinReset => "pin_reset",
            EntryKind::PinFailed => "pin_failed",
            EntryKind::IdentityViewed => "identity_viewed",
            EntryKind::OriginalViewed => "original_viewed",
            EntryKind::RubricEdited => "rubric_edited",
            EntryKind::ContentImported => "content_imported",
            EntryKind::ContentRemoved => "content_removed",
            EntryKind::TeamSettingsChanged => "team_settings_changed",
            EntryKind::TeamSealed => "team_sealed",
            EntryKind::KeyAccessGranted => "key_access_granted",
            EntryKind::CandidateErased => "candidate_erased",
            EntryKind::FormationClosed => "formation_closed",
            EntryKind::RetentionChanged => "retention_changed",
            EntryKind::PersonalCopyExported => "personal_copy_exported",
            EntryKind::PackageWritten => "package_written",
            EntryKind::AssessorKeyRegistered => "assessor_key_registered",
            EntryKind::AssessorKeyRevoked => "assessor_key_revoked",
            EntryKind::ScorePackageImported => "score_package_imported",
            EntryKind::ScorePackageConflict => "score_package_conflict",
            EntryKind::PackageConflictResolved => "package_conflict_resolved",
            EntryKind::ScorePackageOpened => "score_package_opened",
            EntryKind::OwnPartyLeniency => "own_party_leniency",
            EntryKind::FileDeleted => "file_deleted",
            EntryKind::DissentRecorded => "dissent_recorded",
            EntryKind::ReportExported => "report_exported",
            EntryKind::RiskAnalysisDone => "risk_analysis_done",
            EntryKind::PostDefined => "post_defined",
            EntryKind::PostRemoved => "post_removed",
        }
    }

    /// Payload fields a reviewer must find for this kind: the content hashes that tie an
    /// entry to an export section, and the reasons the process requires. The store checks
    /// them with [`missing_payload_fields`] before appending.
    pub fn payload_fields(self) -> &'static [&'static str] {
        match self {
            EntryKind::TeamCreated | EntryKind::TeamRenamed => &["team_name"],
            EntryKind::MemberAdded | EntryKind::MemberChanged => &["member_id", "role"],
            EntryKind::MemberRemoved => &["member_id"],
            EntryKind::RubricFrozen | EntryKind::RubricVersionAdded => {
                &["rubric_id", "version", "rubric_sha256"]
            }
            EntryKind::CandidateAdded => &["candidate_code"],
            EntryKind::CandidateDeleted => &["candidate_code", "member_id", "role"],
            EntryKind::MaterialBlinded => &["candidate_code", "blinded_sha256"],
            EntryKind::ConflictDeclared | EntryKind::RecognitionDeclared => {
                &["member_id", "candidate_code"]
            }
            EntryKind::ConflictRuleChanged | EntryKind::ConflictOverridden => &["reason"],
            EntryKind::RoundOpened => &["round"],
            EntryKind::ScoreSubmitted => &["round", "sheet_sha256"],
            EntryKind::RoundClosed => &["round", "missing_assessors"],
            EntryKind::RoundRevealed => &["round"],
            EntryKind::ScoreRevised => &["round", "sheet_sha256", "reason"],
            EntryKind::ConsistencySnapshot => &["snapshot_sha256"],
            EntryKind::DecisionRecorded => &["reasons"],
            EntryKind::Unblinded => &["reason"],
            EntryKind::Exported => &[
                "format",
                "version",
                "sections",
                "report_sha256",
                "fingerprint",
            ],
            EntryKind::ComparisonSheetExported => &["round", "html_sha256"],
            EntryKind::TrainingSessionStarted | EntryKind::TrainingSessionCompleted => {
                &["session_id", "case_id"]
            }
            EntryKind::TrainingModuleCompleted => &["member_id", "module_id"],
            EntryKind::TrainingThresholdChanged => &["member_id"],
            EntryKind::TeamDeleted => &[],
            EntryKind::PinSet => &["member_id"],
            EntryKind::PinReset => &["member_id"],
            EntryKind::PinFailed => &["member_id", "failures"],
            EntryKind::IdentityViewed => &["candidate_code"],
            EntryKind::OriginalViewed => &["candidate_code"],
            EntryKind::RubricEdited => &["rubric_id", "version", "draft_sha256"],
            EntryKind::ContentImported => &["kind", "id", "sha256"],
            EntryKind::ContentRemoved => &["kind", "id"],
            EntryKind::TeamSettingsChanged => &["officers_score"],
            EntryKind::TeamSealed => &["team_uid", "fingerprint"],
            EntryKind::KeyAccessGranted => &["member_id"],
            EntryKind::CandidateErased => &["candidate_code", "reason"],
            EntryKind::FormationClosed => &["identities_purged", "texts_purged"],
            EntryKind::RetentionChanged => &["retain_until", "reason"],
            EntryKind::PersonalCopyExported => &["candidate_code", "sha256"],
            EntryKind::PackageWritten => &["kind", "round", "sha256", "chain_seq"],
            EntryKind::AssessorKeyRegistered => &["member_id", "fingerprint", "via"],
            EntryKind::AssessorKeyRevoked => &["member_id", "fingerprint", "reason"],
            EntryKind::ScorePackageImported => &[
                "round",
                "member_id",
                "fingerprint",
                "sha256",
                "sheet_sha256",
                "package",
            ],
            EntryKind::ScorePackageConflict => &["round", "member_id", "sha256"],
            EntryKind::PackageConflictResolved => {
                &["round", "member_id", "sha256", "kept", "reason"]
            }
            EntryKind::ScorePackageOpened => &["round", "member_id", "signed_sheet"],
            EntryKind::OwnPartyLeniency => &["round", "assessors", "parties"],
            EntryKind::FileDeleted => &["file_kind", "created_at"],
            EntryKind::DissentRecorded => &["member_id", "text"],
            EntryKind::ReportExported => &["round", "format", "sha256"],
            EntryKind::RiskAnalysisDone => &["candidate_code"],
            EntryKind::PostDefined => &["post", "name", "rubric_id", "version", "rubric_sha256"],
            EntryKind::PostRemoved => &["post", "name"],
        }
    }

    /// Label for review mode.
    pub fn label(self) -> Text {
        let (nl, en) = match self {
            EntryKind::TeamCreated => ("Team aangemaakt", "Team created"),
            EntryKind::TeamRenamed => ("Team hernoemd", "Team renamed"),
            EntryKind::TeamDeleted => ("Team verwijderd", "Team deleted"),
            EntryKind::MemberAdded => ("Lid toegevoegd", "Member added"),
            EntryKind::MemberChanged => ("Lid gewijzigd", "Member changed"),
            EntryKind::MemberRemoved => ("Lid verwijderd", "Member removed"),
            EntryKind::RubricFrozen => ("Beoordelingskader vastgezet", "Rubric frozen"),
            EntryKind::RubricVersionAdded => {
                ("Nieuwe versie beoordelingskader", "New rubric version")
            }
            EntryKind::CandidateAdded => ("Kandidaat toegevoegd", "Candidate added"),
            EntryKind::MaterialBlinded => ("Materiaal geanonimiseerd", "Material blinded"),
            EntryKind::CandidateDeleted => ("Kandidaat verwijderd", "Candidate deleted"),
            EntryKind::ConflictDeclared => ("Belangenverstrengeling gemeld", "Conflict declared"),
            EntryKind::RecognitionDeclared => ("Herkenning gemeld", "Recognition declared"),
            EntryKind::ConflictRuleChanged => (
                "Regel belangenverstrengeling gewijzigd",
                "Conflict rule changed",
            ),
            EntryKind::ConflictOverridden => (
                "Regel belangenverstrengeling doorbroken",
                "Conflict rule overridden",
            ),
            EntryKind::RoundOpened => ("Ronde geopend", "Round opened"),
            EntryKind::ScoreSubmitted => ("Score ingediend", "Score submitted"),
            EntryKind::RoundClosed => ("Ronde gesloten", "Round closed"),
            EntryKind::RoundRevealed => ("Scores zichtbaar gemaakt", "Round revealed"),
            EntryKind::ScoreRevised => ("Score herzien", "Score revised"),
            EntryKind::ConsistencySnapshot => ("Consistentiemeting", "Consistency snapshot"),
            EntryKind::DecisionRecorded => ("Besluit vastgelegd", "Decision recorded"),
            EntryKind::Unblinded => ("Anonimisering opgeheven", "Unblinded"),
            EntryKind::Exported => ("Logboek geëxporteerd", "Log exported"),
            EntryKind::ComparisonSheetExported => (
                "Vergelijkingsblad geëxporteerd",
                "Comparison sheet exported",
            ),
            EntryKind::TrainingSessionStarted => ("Training gestart", "Training session started"),
            EntryKind::TrainingModuleCompleted => {
                ("Trainingsmodule afgerond", "Training module completed")
            }
            EntryKind::TrainingSessionCompleted => {
                ("Training afgerond", "Training session completed")
            }
            EntryKind::TrainingThresholdChanged => (
                "Minimale oefenovereenstemming gewijzigd",
                "Minimum practice agreement changed",
            ),
            EntryKind::PinSet => ("Pincode ingesteld", "PIN set"),
            EntryKind::PinReset => ("Pincode gewist", "PIN reset"),
            EntryKind::PinFailed => ("Verkeerde pincode", "Wrong PIN"),
            EntryKind::IdentityViewed => ("Identiteit bekeken", "Identity viewed"),
            EntryKind::OriginalViewed => ("Oorspronkelijke tekst bekeken", "Original text viewed"),
            EntryKind::RubricEdited => ("Rubriek bewerkt", "Rubric edited"),
            EntryKind::ContentImported => (
                "Trainingsmateriaal geïmporteerd",
                "Training content imported",
            ),
            EntryKind::ContentRemoved => {
                ("Trainingsmateriaal verwijderd", "Training content removed")
            }
            EntryKind::TeamSettingsChanged => {
                ("Teaminstellingen gewijzigd", "Team settings changed")
            }
            EntryKind::TeamSealed => ("Team verzegeld", "Team sealed"),
            EntryKind::KeyAccessGranted => (
                "Toegang tot verzegelde gegevens gegeven",
                "Access to sealed data given",
            ),
            EntryKind::CandidateErased => ("Kandidaat gewist", "Candidate erased"),
            EntryKind::FormationClosed => ("Formatie afgesloten", "Formation closed"),
            EntryKind::RetentionChanged => ("Bewaartermijn gewijzigd", "Retention date changed"),
            EntryKind::PersonalCopyExported => (
                "Inzage-exemplaar voor een kandidaat gemaakt",
                "Personal copy made for a candidate",
            ),
            EntryKind::PackageWritten => (
                "Pakket voor een beoordelaar geschreven",
                "Package written for an assessor",
            ),
            EntryKind::AssessorKeyRegistered => (
                "Sleutel van een beoordelaar vastgelegd",
                "Assessor key registered",
            ),
            EntryKind::AssessorKeyRevoked => (
                "Sleutel van een beoordelaar ingetrokken",
                "Assessor key revoked",
            ),
            EntryKind::ScorePackageImported => ("Scorepakket ingelezen", "Score package imported"),
            EntryKind::ScorePackageConflict => (
                "Tweede, ander scorepakket apart gezet",
                "Second, different score package set aside",
            ),
            EntryKind::PackageConflictResolved => (
                "Keuze tussen twee scorepakketten gemaakt",
                "Choice between two score packages made",
            ),
            EntryKind::ScorePackageOpened => (
                "Ondertekend scoreformulier bij de onthulling vastgelegd",
                "Signed score sheet recorded at the reveal",
            ),
            EntryKind::OwnPartyLeniency => (
                "Mildheid voor de eigen partij gemeten",
                "Own-party leniency measured",
            ),
            EntryKind::FileDeleted => ("Opgeslagen bestand verwijderd", "Saved file deleted"),
            EntryKind::DissentRecorded => ("Afwijkende mening vastgelegd", "Dissent recorded"),
            EntryKind::ReportExported => ("Besluitverslag opgeslagen", "Decision report saved"),
            EntryKind::RiskAnalysisDone => (
                "Risicoanalyse gedaan (zonder inhoud)",
                "Risk analysis done (without its content)",
            ),
            EntryKind::PostDefined => ("Post vastgelegd", "Post defined"),
            EntryKind::PostRemoved => ("Post verwijderd", "Post removed"),
        };
        Text::new(nl, en)
    }
}

/// The payload fields of [`EntryKind::payload_fields`] that `payload` lacks (or has as `null`).
pub fn missing_payload_fields(kind: EntryKind, payload: &Value) -> Vec<&'static str> {
    kind.payload_fields()
        .iter()
        .copied()
        .filter(|field| payload.get(field).is_none_or(Value::is_null))
        .collect()
}

/// One link of the hash chain.
///
/// `hash` is the lowercase hex SHA-256 of the RFC 8785 (JCS) serialisation of the object
/// `{seq, time, actor, kind, payload, prev_hash}`, so anyone can recompute it with any JCS
/// implementation. Payloads must not hold candidate names: those belong in the
/// `identities` export section, which a chair includes only by choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Entry {
    /// 1, 2, 3, … without gaps.
    #[ts(type = "number")]
    pub seq: u64,
    /// RFC 3339 in UTC, as given by the caller (e.g. `2026-03-02T14:05:00Z`).
    pub time: String,
    pub actor: Actor,
    pub kind: EntryKind,
    pub payload: Value,
    /// `hash` of the previous entry; [`GENESIS_HASH`] for the first.
    pub prev_hash: String,
    pub hash: String,
}

/// The fields the hash covers, borrowed: everything but `hash`.
#[derive(Serialize)]
struct Hashed<'a> {
    seq: u64,
    time: &'a str,
    actor: &'a Actor,
    kind: EntryKind,
    payload: &'a Value,
    prev_hash: &'a str,
}

impl Entry {
    /// The hash this entry should carry, computed from its other fields.
    pub fn compute_hash(&self) -> String {
        sha256_hex(&canonical_bytes(&Hashed {
            seq: self.seq,
            time: &self.time,
            actor: &self.actor,
            kind: self.kind,
            payload: &self.payload,
            prev_hash: &self.prev_hash,
        }))
    }
}

/// The entry that follows `prev` (or the first entry when `prev` is `None`), hashed.
pub fn next_entry(
    prev: Option<&Entry>,
    time: impl Into<String>,
    actor: Actor,
    kind: EntryKind,
    payload: Value,
) -> Entry {
    let mut entry = Entry {
        seq: prev.map_or(1, |p| p.seq + 1),
        time: time.into(),
        actor,
        kind,
        payload,
        prev_hash: prev.map_or_else(|| GENESIS_HASH.to_owned(), |p| p.hash.clone()),
        hash: String::new(),
    };
    entry.hash = entry.compute_hash();
    entry
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_hash_is_sha256_over_the_jcs_form_of_all_other_fields() {
        let e = next_entry(
            None,
            "2026-03-02T09:00:00Z",
            Actor::member("m1", "Anna"),
            EntryKind::TeamCreated,
            json!({"team_name": "Formatie Voorbeeld", "b": 2, "a": 1}),
        );
        // Keys sorted, no whitespace: what any RFC 8785 implementation produces.
        let jcs = concat!(
            r#"{"actor":{"id":"m1","name":"Anna","type":"member"},"kind":"team_created","#,
            r#""payload":{"a":1,"b":2,"team_name":"Formatie Voorbeeld"},"#,
            r#""prev_hash":"0000000000000000000000000000000000000000000000000000000000000000","#,
            r#""seq":1,"time":"2026-03-02T09:00:00Z"}"#
        );
        assert_eq!(e.hash, sha256_hex(jcs.as_bytes()));
        assert_eq!(e.prev_hash, GENESIS_HASH);
        assert_eq!(e.seq, 1);
    }

    #[test]
    fn entries_link_to_their_predecessor() {
        let a = next_entry(
            None,
            "2026-03-02T09:00:00Z",
            Actor::System,
            EntryKind::TeamCreated,
            json!({}),
        );
        let b = next_entry(
            Some(&a),
            "2026-03-02T09:01:00Z",
            Actor::System,
            EntryKind::RoundOpened,
            json!({"round": 1}),
        );
        assert_eq!(b.seq, 2);
        assert_eq!(b.prev_hash, a.hash);
        assert_ne!(b.hash, a.hash);
        assert_eq!(b.hash, b.compute_hash());
    }

    #[test]
    fn kinds_serialise_as_their_snake_case_names() {
        for kind in EntryKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), json!(kind.as_str()));
            let back: EntryKind = serde_json::from_value(json!(kind.as_str())).unwrap();
            assert_eq!(back, kind);
        }
    }

    #[test]
    fn required_payload_fields_are_reported_when_missing() {
        let ok = json!({"round": 1, "sheet_sha256": "ab", "reason": "telfout"});
        assert!(missing_payload_fields(EntryKind::ScoreRevised, &ok).is_empty());
        let no_reason = json!({"round": 1, "sheet_sha256": "ab", "reason": null});
        assert_eq!(
            missing_payload_fields(EntryKind::ScoreRevised, &no_reason),
            vec!["reason"]
        );
        assert_eq!(
            missing_payload_fields(EntryKind::ConflictOverridden, &json!({})),
            vec!["reason"]
        );
    }
}
