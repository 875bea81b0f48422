//! The logboek: one signed file in which a chair hands a team's log to a committee.
//!
//! # Format (`maatstaf-logboek`, version 1)
//!
//! JSON Lines, UTF-8, every line the RFC 8785 (JCS) form of one object and ended by `\n`.
//! Each object's `type` says what the line is; the lines come in this order:
//!
//! 1. `header`: format and version, the team, export time, exporter, `with_identities`
//!    and the team's public key with its fingerprint.
//! 2. `entry`, once per ledger entry (seq 1, 2, …): the [`Entry`] fields. The last entry is
//!    always the `exported` entry recording this very export: the content hashes of all
//!    sections and the report, the identities choice and the key fingerprint.
//! 3. `section`, once per section: `name`, `sha256` (of the JCS form of `content`), `content`.
//! 4. `report`: `sha256` and `html`, the human-readable report.
//! 5. `signature`: the number of lines before it, the SHA-256 over their bytes, the
//!    header's hash, team id and export time, the entry count and last entry hash, every
//!    section's name and hash in order, the report hash, the public key, and `signature`:
//!    Ed25519 over [`SIGNATURE_CONTEXT`] followed by the JCS form of this line without
//!    its `signature` field.
//!
//! Because every line must be byte-for-byte canonical and carry or be covered by a hash,
//! [`verify_logboek`] can name the first line that differs from what was signed, and why.
//! The same description for readers outside the code is in `docs/logboek-format.md`.

mod history;
mod problem;
mod verify;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;

pub use history::{CheckpointCheck, History, HistoryProblem, Past, PreviousCheck};
pub use problem::{Problem, ProblemKind};
pub use verify::{verify_logboek, verify_logboek_against, Verification};

use super::canonical::{canonical_bytes, content_sha256, sha256_hex};
use super::entry::{next_entry, Actor, Entry, EntryKind};
use super::keys::{public_key_hex, Fingerprint, SigningKey, VerifyingKey};
use crate::i18n::Text;

pub const FORMAT: &str = "maatstaf-logboek";
pub const VERSION: u32 = 1;
/// Signed before the signature line's canonical bytes, so a logboek signature can never
/// be passed off as a signature over anything else.
pub const SIGNATURE_CONTEXT: &[u8] = b"maatstaf-logboek/1 signature\n";
pub const ALGORITHM: &str = "ed25519";

/// What the exporting app knows about this export; the rest of the header is derived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportInfo {
    pub team_id: String,
    pub team_name: String,
    /// RFC 3339 UTC.
    pub exported_at: String,
    pub exporter: Actor,
    /// Whether candidate identities are included (the `identities` section).
    pub with_identities: bool,
    /// The version of the access rules ([`crate::access::RULES_VERSION`]) the export
    /// was made under; `None` in files from before the rules were versioned.
    pub rules_version: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TeamRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Header {
    pub format: String,
    pub version: u32,
    pub team: TeamRef,
    pub exported_at: String,
    pub exporter: Actor,
    /// `false`: the file holds no candidate names, only codes.
    pub with_identities: bool,
    /// Ed25519 public key, 64 hex characters.
    pub public_key: String,
    pub fingerprint: Fingerprint,
}

/// The parts of an export besides the log. Names are fixed so that reviewers know what
/// each holds; only `identities` carries candidate names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SectionName {
    RubricVersions,
    BlindedSheets,
    Scores,
    Revisions,
    ConsistencySnapshots,
    Decision,
    Identities,
}

impl SectionName {
    pub const ALL: [SectionName; 7] = [
        SectionName::RubricVersions,
        SectionName::BlindedSheets,
        SectionName::Scores,
        SectionName::Revisions,
        SectionName::ConsistencySnapshots,
        SectionName::Decision,
        SectionName::Identities,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SectionName::RubricVersions => "rubric_versions",
            SectionName::BlindedSheets => "blinded_sheets",
            SectionName::Scores => "scores",
            SectionName::Revisions => "revisions",
            SectionName::ConsistencySnapshots => "consistency_snapshots",
            SectionName::Decision => "decision",
            SectionName::Identities => "identities",
        }
    }

    pub fn label(self) -> Text {
        let (nl, en) = match self {
            SectionName::RubricVersions => ("Versies van het beoordelingskader", "Rubric versions"),
            SectionName::BlindedSheets => ("Geanonimiseerde vergelijkingsbladen", "Blinded sheets"),
            SectionName::Scores => ("Scores", "Scores"),
            SectionName::Revisions => ("Herzieningen", "Revisions"),
            SectionName::ConsistencySnapshots => ("Consistentiemetingen", "Consistency snapshots"),
            SectionName::Decision => ("Besluit en redenen", "Decision and reasons"),
            SectionName::Identities => ("Identiteiten van kandidaten", "Candidate identities"),
        };
        Text::new(nl, en)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Section {
    pub name: SectionName,
    pub content: Value,
}

/// A section as it stands in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SectionLine {
    name: SectionName,
    sha256: String,
    content: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ReportLine {
    sha256: String,
    html: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SectionDigest {
    name: SectionName,
    sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SignatureLine {
    algorithm: String,
    public_key: String,
    /// Lines before this one.
    lines: u64,
    /// SHA-256 over the bytes of those lines, newlines included.
    sha256: String,
    header_sha256: String,
    team_id: String,
    exported_at: String,
    entries: u64,
    last_entry_hash: Option<String>,
    sections: Vec<SectionDigest>,
    report_sha256: String,
    signature: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Line {
    Header(Header),
    Entry(Entry),
    Section(SectionLine),
    Report(ReportLine),
    Signature(SignatureLine),
}

fn line_bytes(line: &Line) -> Vec<u8> {
    let mut bytes = canonical_bytes(line);
    bytes.push(b'\n');
    bytes
}

/// What the signature is taken over: the context, then the signature line without `signature`.
fn signed_message(sig: &SignatureLine) -> Vec<u8> {
    let mut value = serde_json::to_value(Line::Signature(sig.clone()))
        .expect("a signature line serialises to JSON");
    if let Some(map) = value.as_object_mut() {
        map.remove("signature");
    }
    let mut message = SIGNATURE_CONTEXT.to_vec();
    message.extend(canonical_bytes(&value));
    message
}

fn section_digests(sections: &[Section]) -> Vec<SectionDigest> {
    sections
        .iter()
        .map(|s| SectionDigest {
            name: s.name,
            sha256: content_sha256(&s.content),
        })
        .collect()
}

/// The payload of the `exported` entry that records an export in the team's log.
pub fn export_record(
    info: &ExportInfo,
    sections: &[Section],
    report_html: &str,
    key: &VerifyingKey,
) -> Value {
    let mut record = json!({
        "format": FORMAT,
        "version": VERSION,
        "with_identities": info.with_identities,
        "fingerprint": Fingerprint::of(key),
        "sections": section_digests(sections),
        "report_sha256": sha256_hex(report_html.as_bytes()),
    });
    if let Some(v) = info.rules_version {
        record["rules_version"] = json!(v);
    }
    record
}

/// The `exported` entry to append to the team's log (and persist) before building the
/// logboek: `Logboek::build` requires the entries to end with it.
pub fn exported_entry(
    prev: Option<&Entry>,
    info: &ExportInfo,
    sections: &[Section],
    report_html: &str,
    key: &VerifyingKey,
) -> Entry {
    next_entry(
        prev,
        info.exported_at.clone(),
        info.exporter.clone(),
        EntryKind::Exported,
        export_record(info, sections, report_html, key),
    )
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    #[error("the identities section may only be exported when identities were chosen")]
    IdentitiesNotChosen,
    #[error("section {0:?} is given more than once")]
    DuplicateSection(SectionName),
    #[error("the log must end with the `exported` entry for this export")]
    ExportNotRecorded,
}

impl BuildError {
    pub fn text(&self) -> Text {
        match self {
            BuildError::IdentitiesNotChosen => Text::new(
                "Identiteiten van kandidaten kunnen alleen mee als daarvoor gekozen is.",
                "Candidate identities can only be included when that was chosen.",
            ),
            BuildError::DuplicateSection(name) => Text::new(
                format!(
                    "Onderdeel '{}' is meer dan eens opgegeven.",
                    name.label().nl
                ),
                format!("Section '{}' is given more than once.", name.label().en),
            ),
            BuildError::ExportNotRecorded => Text::new(
                "Het logboek moet eindigen met de vermelding van deze export.",
                "The log must end with the entry recording this export.",
            ),
        }
    }
}

/// Namespace for building the export file.
pub struct Logboek;

impl Logboek {
    /// The complete logboek file, signed with the team's key.
    ///
    /// `entries` is the whole team log, ending with [`exported_entry`] for this export.
    /// The chain is written as it is, even when broken, so that the committee sees the
    /// problem rather than no file.
    pub fn build(
        info: &ExportInfo,
        entries: &[Entry],
        sections: &[Section],
        report_html: &str,
        key: &SigningKey,
    ) -> Result<Vec<u8>, BuildError> {
        use ed25519_dalek::Signer;

        for (i, s) in sections.iter().enumerate() {
            if s.name == SectionName::Identities && !info.with_identities {
                return Err(BuildError::IdentitiesNotChosen);
            }
            if sections[..i].iter().any(|t| t.name == s.name) {
                return Err(BuildError::DuplicateSection(s.name));
            }
        }
        let verifying = key.verifying_key();
        let recorded = entries.last().is_some_and(|e| {
            e.kind == EntryKind::Exported
                && e.payload == export_record(info, sections, report_html, &verifying)
        });
        if !recorded {
            return Err(BuildError::ExportNotRecorded);
        }

        let header = Header {
            format: FORMAT.to_owned(),
            version: VERSION,
            team: TeamRef {
                id: info.team_id.clone(),
                name: info.team_name.clone(),
            },
            exported_at: info.exported_at.clone(),
            exporter: info.exporter.clone(),
            with_identities: info.with_identities,
            public_key: public_key_hex(&verifying),
            fingerprint: Fingerprint::of(&verifying),
        };
        let header_line = line_bytes(&Line::Header(header));
        let mut out = header_line.clone();
        let mut lines = 1u64;
        for entry in entries {
            out.extend(line_bytes(&Line::Entry(entry.clone())));
            lines += 1;
        }
        for s in sections {
            out.extend(line_bytes(&Line::Section(SectionLine {
                name: s.name,
                sha256: content_sha256(&s.content),
                content: s.content.clone(),
            })));
            lines += 1;
        }
        let report_sha256 = sha256_hex(report_html.as_bytes());
        out.extend(line_bytes(&Line::Report(ReportLine {
            sha256: report_sha256.clone(),
            html: report_html.to_owned(),
        })));
        lines += 1;

        let mut sig = SignatureLine {
            algorithm: ALGORITHM.to_owned(),
            public_key: public_key_hex(&verifying),
            lines,
            sha256: sha256_hex(&out),
            header_sha256: sha256_hex(&header_line),
            team_id: info.team_id.clone(),
            exported_at: info.exported_at.clone(),
            entries: entries.len() as u64,
            last_entry_hash: entries.last().map(|e| e.hash.clone()),
            sections: section_digests(sections),
            report_sha256,
            signature: String::new(),
        };
        sig.signature = hex::encode(key.sign(&signed_message(&sig)).to_bytes());
        out.extend(line_bytes(&Line::Signature(sig)));
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
