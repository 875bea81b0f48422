//! Candidates: intake (identity apart from the assessed material), the redaction
//! review of each piece of material, freezing it, and the blinded view scoring uses.
//!
//! Identity strings leave this module only through [`Store::candidate_identity`] and
//! the review of material that is not frozen yet (the secretary's screen). Everything
//! else names a candidate by code.
//!
//! Every call that shows or changes an identity or unredacted text takes the acting
//! member (the one who switched in with their PIN) and asks core's access rules
//! ([`maatstaf_core::access`]) first; each look at an identity or an original is
//! logged by code, never with its content.
//!
//! One file per concern: `intake`, `identity` (looking up who a code stands for),
//! `review` (the redaction review and freezing), `listing` (the lists by code,
//! blinded for scoring), `removal`, `text` (cleaning, limits, UTF-16 positions)
//! and `codes`. This file holds the types that cross into the app and the errors.

use maatstaf_core::blinding::{Category, IntakeWarning};
use maatstaf_core::i18n::Lang;
use maatstaf_core::scoring::SectionKind;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Result, StoreError};
use crate::Store;

mod codes;
mod identity;
mod intake;
mod listing;
mod removal;
mod review;
#[cfg(test)]
mod tests;
mod text;

pub(crate) use listing::blinded_candidates;
pub use text::{byte_to_utf16, utf16_to_byte};

/// Longest free-text identity field (party, place, contact, one alias).
pub const MAX_FIELD_CHARS: usize = 200;
/// Longest piece of material; a long CV summary fits several times over.
pub const MAX_TEXT_CHARS: usize = 40_000;
/// Longest criterion id a secretary can type.
pub const MAX_CRITERION_CHARS: usize = 64;

/// What can be wrong with a candidate request. Each variant has a stable code for the UI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CandidateError {
    #[error("candidate {0} does not exist in this team")]
    NoSuchCandidate(String),
    #[error("material {0} does not exist in this team")]
    NoSuchMaterial(i64),
    #[error("birth date {0:?} is not an existing date written YYYY-MM-DD")]
    BadBirthDate(String),
    #[error("{field} is longer than {max} characters")]
    TooLong { field: String, max: usize },
    #[error("{field} contains a control character")]
    ControlCharacter { field: String },
    #[error("the intake has no material to assess")]
    NoMaterial,
    #[error("a written answer needs the criterion it answers")]
    MissingCriterion,
    #[error("criterion {0:?} has more than one written answer")]
    DuplicateCriterion(String),
    #[error("this material is frozen and cannot change")]
    Frozen,
    #[error("range {start}..{end} does not lie on characters of the text")]
    BadRange { start: usize, end: usize },
    #[error("redactions overlap: {0}")]
    Overlap(String),
    #[error("candidate {code} cannot be scored: {detail}")]
    Unscorable { code: String, detail: String },
    #[error("all {0} candidate codes of this team are taken")]
    CodesExhausted(usize),
    #[error("candidate {0} is part of a scoring round or has scores and cannot be deleted")]
    CandidateScored(String),
}

/// The identity form of the intake. Only the name is required. Stored sealed, as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IdentityInput {
    pub name: String,
    /// Other names and initials ("S. Özdemir", "Sevda").
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub party: Option<String>,
    /// Phone numbers, e-mail addresses, a website: free text.
    #[serde(default)]
    pub contact: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub birth_date: Option<String>,
    #[serde(default)]
    pub birth_place: Option<String>,
    /// Anything else to hide: a school, a club, a street.
    #[serde(default)]
    pub extra: Vec<String>,
}

/// One piece of material as typed at intake.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[ts(export)]
pub struct MaterialInput {
    pub kind: SectionKind,
    #[serde(default)]
    pub criterion: Option<String>,
    pub text: String,
}

/// A candidate's identity, for intake and unblinding only.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CandidateIdentity {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub party: Option<String>,
    pub contact: Option<String>,
    pub birth_date: Option<String>,
    pub birth_place: Option<String>,
    pub extra: Vec<String>,
}

/// Where one piece of material stands: no text, only its status.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MaterialStatus {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: SectionKind,
    pub criterion: Option<String>,
    pub frozen: bool,
    /// The first 8 hex digits of the blinded text's SHA-256, once frozen.
    pub short_hash: Option<String>,
}

/// A row of the candidate list: the code and the material's status, nothing that identifies.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CandidateListItem {
    #[ts(type = "number")]
    pub id: i64,
    pub code: String,
    pub material: Vec<MaterialStatus>,
    /// True when there is material and all of it is frozen.
    pub blinded: bool,
    /// The candidate's name and texts were erased (withdrawal or request).
    pub erased: bool,
}

/// A proposed redaction with offsets both ways: UTF-16 code units for the UI's
/// strings (`start`, `end`) and UTF-8 bytes as core uses them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReviewProposal {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub category: Category,
    pub replacement: String,
}

/// One redaction in a frozen text, in UTF-16 code units of the blinded text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FrozenRedaction {
    pub out_start: usize,
    pub out_end: usize,
    pub category: Category,
}

/// The review screen of one piece of material. Before freezing it carries the
/// original and the proposals (for the secretary); after, only the blinded text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MaterialReview {
    #[ts(type = "number")]
    pub id: i64,
    pub code: String,
    pub kind: SectionKind,
    pub criterion: Option<String>,
    /// The language the text is written in; manual redactions get its placeholders.
    pub lang: Lang,
    pub original: Option<String>,
    pub proposals: Vec<ReviewProposal>,
    /// What a hand-drawn redaction of each category becomes, in the text's language.
    pub placeholders: std::collections::BTreeMap<String, String>,
    pub blinded: Option<FrozenMaterial>,
    /// Invisible characters in the original (byte offsets, like `byte_start`), for the
    /// secretary to see before reviewing; empty once frozen.
    pub warnings: Vec<IntakeWarning>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FrozenMaterial {
    pub text: String,
    pub sha256: String,
    pub frozen_at: String,
    pub redactions: Vec<FrozenRedaction>,
}

/// A redaction the secretary accepted or drew, in UTF-16 code units of the original.
/// Without a replacement it gets the category's placeholder in the text's language.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[ts(export)]
pub struct RedactionChoice {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    #[serde(default)]
    pub replacement: Option<String>,
}

/// A frozen rubric version whose criteria the intake can offer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct IntakeRubric {
    #[ts(type = "number")]
    pub version_id: i64,
    pub title: String,
    pub version: u32,
    pub criteria: Vec<IntakeCriterion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct IntakeCriterion {
    pub id: String,
    pub name: String,
}

/// What deleting a candidate takes with it, for the confirmation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CandidateRemoval {
    pub code: String,
    #[ts(type = "number")]
    pub sections: i64,
    #[ts(type = "number")]
    pub frozen: i64,
    /// A round includes the candidate or a sheet scores them: deleting is refused, and
    /// the confirmation says so before anyone tries.
    pub in_scoring: bool,
}

fn err(e: CandidateError) -> StoreError {
    StoreError::Candidate(e)
}

fn kind_str(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::WrittenAnswer => "written_answer",
        SectionKind::Motivation => "motivation",
        SectionKind::CvSummary => "cv_summary",
        SectionKind::WorkSample => "work_sample",
    }
}

fn parse_kind(s: &str) -> SectionKind {
    match s {
        "written_answer" => SectionKind::WrittenAnswer,
        "motivation" => SectionKind::Motivation,
        "work_sample" => SectionKind::WorkSample,
        // The schema's CHECK constraint admits only these four.
        _ => SectionKind::CvSummary,
    }
}

impl Store {
    fn candidate_id(&self, team_id: i64, code: &str) -> Result<i64> {
        self.team(team_id)?;
        self.conn
            .query_row(
                "SELECT id FROM candidates WHERE team_id = ?1 AND code = ?2",
                params![team_id, code],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| err(CandidateError::NoSuchCandidate(code.to_owned())))
    }
}
