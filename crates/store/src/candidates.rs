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

use maatstaf_core::access::Action;
use maatstaf_core::blinding::{
    apply, candidate_code, detect_lang, intake_warnings, known_terms, propose_with_known,
    ApplyError, Category, Identity, IntakeWarning, IsoDate, KnownTerm, Redaction, RedactionLexicon,
    CODE_SPACE,
};
use maatstaf_core::i18n::Lang;
use maatstaf_core::ledger::{Actor as LedgerActor, EntryKind};
use maatstaf_core::scoring::{BlindedCandidate, MaterialSection, Round, SectionKind, Sheet};
use maatstaf_core::team::clean_name;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::error::{Result, StoreError};
use crate::{clock, ledger, rubrics, Store};

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

/// Whether any scoring round of the team includes `code` or any sheet scores them.
/// Stored rounds and sheets that cannot be read count as including the candidate:
/// a deletion is only allowed when it is certain nothing refers to them.
fn in_scoring(conn: &Connection, team_id: i64, code: &str) -> Result<bool> {
    let mut stmt = conn.prepare("SELECT round FROM scoring_rounds WHERE team_id = ?1")?;
    let rounds: Vec<String> = stmt
        .query_map([team_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for json in rounds {
        match serde_json::from_str::<Round>(&json) {
            Ok(round) if !round.candidates().iter().any(|c| c == code) => {}
            _ => return Ok(true),
        }
    }
    let mut stmt = conn.prepare("SELECT sheet FROM score_sheets WHERE team_id = ?1")?;
    let sheets: Vec<String> = stmt
        .query_map([team_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for json in sheets {
        match serde_json::from_str::<Sheet>(&json) {
            Ok(sheet) if !sheet.scores().iter().any(|s| s.candidate == code) => {}
            _ => return Ok(true),
        }
    }
    Ok(false)
}

/// The identity form of the intake. Only the name is required.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
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

/// UTF-16 position of a byte offset that lies on a character boundary.
pub fn byte_to_utf16(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

/// Byte offset of a UTF-16 position; `None` inside a character or past the end.
pub fn utf16_to_byte(text: &str, unit: usize) -> Option<usize> {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units == unit {
            return Some(byte);
        }
        if units > unit {
            return None;
        }
        units += c.len_utf16();
    }
    (units == unit).then_some(text.len())
}

fn check_text(field: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(err(CandidateError::TooLong {
            field: field.to_owned(),
            max,
        }));
    }
    Ok(())
}

/// Trimmed, bounded, printable; blank becomes `None`.
fn optional_field(field: &str, raw: Option<&str>) -> Result<Option<String>> {
    let Some(value) = raw.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    check_text(field, value, MAX_FIELD_CHARS)?;
    // Contact details may span lines; nothing else may carry control characters.
    if value
        .chars()
        .any(|c| c.is_control() && !(field == "contact" && c == '\n'))
    {
        return Err(err(CandidateError::ControlCharacter {
            field: field.to_owned(),
        }));
    }
    Ok(Some(value.to_owned()))
}

fn list_field(field: &str, raw: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for item in raw {
        if let Some(v) = optional_field(field, Some(item))? {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    Ok(out)
}

/// The identity as it will be stored: checked and tidied.
fn clean_identity(input: &IdentityInput) -> Result<IdentityInput> {
    let birth_date = match input.birth_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(
            IsoDate::parse(raw)
                .ok_or_else(|| err(CandidateError::BadBirthDate(raw.to_owned())))?
                .to_string(),
        ),
    };
    Ok(IdentityInput {
        name: clean_name(&input.name)?,
        aliases: list_field("aliases", &input.aliases)?,
        party: optional_field("party", input.party.as_deref())?,
        contact: optional_field("contact", input.contact.as_deref())?,
        birth_date,
        birth_place: optional_field("birth_place", input.birth_place.as_deref())?,
        extra: list_field("extra", &input.extra)?,
    })
}

/// Drops empty sections, checks the rest.
fn clean_material(input: &[MaterialInput]) -> Result<Vec<MaterialInput>> {
    let mut out: Vec<MaterialInput> = Vec::new();
    for m in input {
        if m.text.trim().is_empty() {
            continue;
        }
        check_text("text", &m.text, MAX_TEXT_CHARS)?;
        let criterion = optional_field("criterion", m.criterion.as_deref())?;
        if let Some(c) = &criterion {
            check_text("criterion", c, MAX_CRITERION_CHARS)?;
        }
        if m.kind == SectionKind::WrittenAnswer {
            let Some(c) = &criterion else {
                return Err(err(CandidateError::MissingCriterion));
            };
            if out
                .iter()
                .any(|o| o.kind == SectionKind::WrittenAnswer && o.criterion.as_ref() == Some(c))
            {
                return Err(err(CandidateError::DuplicateCriterion(c.clone())));
            }
        }
        out.push(MaterialInput {
            kind: m.kind,
            criterion,
            // Line endings from a paste are normalised; the text is otherwise kept as typed.
            text: m.text.replace("\r\n", "\n"),
        });
    }
    if out.is_empty() {
        return Err(err(CandidateError::NoMaterial));
    }
    Ok(out)
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

/// A fresh code for the team, drawn from `rng` until it does not clash.
pub(crate) fn fresh_code<R: rand::Rng + ?Sized>(
    conn: &Connection,
    team_id: i64,
    rng: &mut R,
) -> Result<String> {
    let taken: i64 = conn.query_row(
        "SELECT count(*) FROM candidates WHERE team_id = ?1",
        [team_id],
        |r| r.get(0),
    )?;
    if taken as usize >= CODE_SPACE {
        return Err(err(CandidateError::CodesExhausted(CODE_SPACE)));
    }
    loop {
        let code = candidate_code(rng);
        let clash: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM candidates WHERE team_id = ?1 AND code = ?2)",
            params![team_id, code],
            |r| r.get(0),
        )?;
        if !clash {
            return Ok(code);
        }
    }
}

struct MaterialRow {
    id: i64,
    code: String,
    candidate_id: i64,
    kind: SectionKind,
    criterion: Option<String>,
    original: String,
    blinded: Option<String>,
    sha256: Option<String>,
    frozen_at: Option<String>,
    redactions: String,
}

fn material_row(conn: &Connection, team_id: i64, material_id: i64) -> Result<MaterialRow> {
    conn.query_row(
        "SELECT m.id, c.code, c.id, m.kind, m.criterion, m.original_text, m.blinded_text,
                m.blinded_sha256, m.frozen_at, m.redactions
         FROM candidate_material m JOIN candidates c ON c.id = m.candidate_id
         WHERE m.id = ?1 AND c.team_id = ?2",
        params![material_id, team_id],
        |r| {
            Ok(MaterialRow {
                id: r.get(0)?,
                code: r.get(1)?,
                candidate_id: r.get(2)?,
                kind: parse_kind(&r.get::<_, String>(3)?),
                criterion: r.get(4)?,
                original: r.get(5)?,
                blinded: r.get(6)?,
                sha256: r.get(7)?,
                frozen_at: r.get(8)?,
                redactions: r.get(9)?,
            })
        },
    )
    .optional()?
    .ok_or(err(CandidateError::NoSuchMaterial(material_id)))
}

/// The team's candidates by code, with the status of their material, on `conn`.
fn candidate_list(conn: &Connection, team_id: i64) -> Result<Vec<CandidateListItem>> {
    let mut stmt =
        conn.prepare("SELECT id, code FROM candidates WHERE team_id = ?1 ORDER BY code")?;
    let rows: Vec<(i64, String)> = stmt
        .query_map([team_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT id, kind, criterion, blinded_sha256 FROM candidate_material
         WHERE candidate_id = ?1 ORDER BY id",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, code) in rows {
        let material: Vec<MaterialStatus> = stmt
            .query_map([id], |r| {
                let sha: Option<String> = r.get(3)?;
                Ok(MaterialStatus {
                    id: r.get(0)?,
                    kind: parse_kind(&r.get::<_, String>(1)?),
                    criterion: r.get(2)?,
                    frozen: sha.is_some(),
                    short_hash: sha.map(|s| s[..8.min(s.len())].to_owned()),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let blinded = !material.is_empty() && material.iter().all(|m| m.frozen);
        out.push(CandidateListItem {
            id,
            code,
            material,
            blinded,
        });
    }
    Ok(out)
}

/// Candidates whose material is all frozen, as scoring sees them: the code and the
/// blinded text, never a column of `candidate_identities`. On `conn`, so scoring's
/// transactions read the same candidates they record.
pub(crate) fn blinded_candidates(conn: &Connection, team_id: i64) -> Result<Vec<BlindedCandidate>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT kind, criterion, blinded_text FROM candidate_material
         WHERE candidate_id = ?1 ORDER BY id",
    )?;
    for item in candidate_list(conn, team_id)? {
        if !item.blinded {
            continue;
        }
        let sections: Vec<MaterialSection> = stmt
            .query_map([item.id], |r| {
                Ok(MaterialSection {
                    kind: parse_kind(&r.get::<_, String>(0)?),
                    criterion: r.get(1)?,
                    text: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let candidate = BlindedCandidate::new(item.code.clone(), sections).map_err(|e| {
            err(CandidateError::Unscorable {
                code: item.code.clone(),
                detail: e.to_string(),
            })
        })?;
        out.push(candidate);
    }
    Ok(out)
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

    /// Takes in a candidate: identity and material in one transaction, under a
    /// random code that says nothing about the order of intake.
    pub fn add_candidate(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        identity: &IdentityInput,
        material: &[MaterialInput],
    ) -> Result<String> {
        // The operating system's randomness: codes must not be guessable from anything.
        let mut rng = rand::TryRngCore::unwrap_err(rand::rngs::OsRng);
        self.add_candidate_with(team_id, actor, identity, material, &mut rng)
    }

    pub(crate) fn add_candidate_with<R: rand::Rng + ?Sized>(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        identity: &IdentityInput,
        material: &[MaterialInput],
        rng: &mut R,
    ) -> Result<String> {
        let who = self.authorize(team_id, Action::AddCandidate, actor)?;
        let identity = clean_identity(identity)?;
        let material = clean_material(material)?;
        let now = clock::now();
        let tx = self.conn.transaction()?;
        let code = fresh_code(&tx, team_id, rng)?;
        tx.execute(
            "INSERT INTO candidates (team_id, code, created_at) VALUES (?1, ?2, ?3)",
            params![team_id, code, now],
        )?;
        let candidate_id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO candidate_identities
                 (candidate_id, name, party, aliases, contact, birth_date, birth_place, extra)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                candidate_id,
                identity.name,
                identity.party,
                serde_json::to_string(&identity.aliases).expect("strings serialise"),
                identity.contact,
                identity.birth_date,
                identity.birth_place,
                serde_json::to_string(&identity.extra).expect("strings serialise"),
            ],
        )?;
        for m in &material {
            tx.execute(
                "INSERT INTO candidate_material (candidate_id, kind, criterion, original_text, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![candidate_id, kind_str(m.kind), m.criterion, m.text, now],
            )?;
        }
        ledger::append(
            &tx,
            team_id,
            &who.ledger,
            EntryKind::CandidateAdded,
            json!({ "candidate_code": code }),
        )?;
        tx.commit()?;
        Ok(code)
    }

    /// The team's candidates by code, with the status of their material.
    pub fn candidates(&self, team_id: i64) -> Result<Vec<CandidateListItem>> {
        self.team(team_id)?;
        candidate_list(&self.conn, team_id)
    }

    /// Who a code stands for: for the intake screen, for the secretary or the chair.
    /// The look is logged (who, which code).
    pub fn candidate_identity(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        code: &str,
    ) -> Result<CandidateIdentity> {
        let who = self.authorize(team_id, Action::ViewIdentity, actor)?;
        let id = self.candidate_id(team_id, code)?;
        let identity = self.identity_of(id, code)?;
        self.log_look(team_id, &who.ledger, EntryKind::IdentityViewed, code)?;
        Ok(identity)
    }

    fn log_look(
        &mut self,
        team_id: i64,
        who: &LedgerActor,
        kind: EntryKind,
        code: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        ledger::append(&tx, team_id, who, kind, json!({ "candidate_code": code }))?;
        tx.commit()?;
        Ok(())
    }

    /// The stored identity, unchecked: callers have checked the actor.
    fn identity_of(&self, id: i64, code: &str) -> Result<CandidateIdentity> {
        let identity = self.conn.query_row(
            "SELECT name, aliases, party, contact, birth_date, birth_place, extra
             FROM candidate_identities WHERE candidate_id = ?1",
            [id],
            |r| {
                let aliases: String = r.get(1)?;
                let extra: String = r.get(6)?;
                Ok(CandidateIdentity {
                    code: code.to_owned(),
                    name: r.get(0)?,
                    aliases: serde_json::from_str(&aliases).unwrap_or_default(),
                    party: r.get(2)?,
                    contact: r.get(3)?,
                    birth_date: r.get(4)?,
                    birth_place: r.get(5)?,
                    extra: serde_json::from_str(&extra).unwrap_or_default(),
                })
            },
        )?;
        Ok(identity)
    }

    /// The facts the redaction assistant searches for; contact details count as extra strings.
    /// What the secretary accepted in the candidate's other, frozen material: one
    /// candidate, every text, so a town hidden in the CV is proposed in the answers too.
    fn accepted_terms(&self, candidate_id: i64, except_material: i64) -> Result<Vec<KnownTerm>> {
        let mut stmt = self.conn.prepare(
            "SELECT original_text, redactions FROM candidate_material
             WHERE candidate_id = ?1 AND id != ?2 AND frozen_at IS NOT NULL",
        )?;
        let rows = stmt.query_map(params![candidate_id, except_material], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut known = Vec::new();
        for row in rows {
            let (original, redactions) = row?;
            let redactions: Vec<Redaction> = serde_json::from_str(&redactions).unwrap_or_default();
            known.extend(known_terms(&original, &redactions));
        }
        Ok(known)
    }

    fn blinding_identity(&self, candidate_id: i64) -> Result<Identity> {
        let code: String = self.conn.query_row(
            "SELECT code FROM candidates WHERE id = ?1",
            [candidate_id],
            |r| r.get(0),
        )?;
        let c = self.identity_of(candidate_id, &code)?;
        let mut extra = c.extra;
        if let Some(contact) = &c.contact {
            extra.extend(
                contact
                    .split([',', ';', '\n'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            );
        }
        Ok(Identity {
            name: c.name,
            aliases: c.aliases,
            party: c.party,
            birth_date: c.birth_date.as_deref().and_then(IsoDate::parse),
            birth_place: c.birth_place,
            extra,
        })
    }

    /// The review of one piece of material: the original with proposals while it
    /// is open, only the blinded text once frozen.
    pub fn material_review(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        material_id: i64,
    ) -> Result<MaterialReview> {
        let who = self.authorize(team_id, Action::ReviewOriginal, actor)?;
        let row = material_row(&self.conn, team_id, material_id)?;
        let lang = detect_lang(&row.original);
        if let (Some(text), Some(sha256), Some(frozen_at)) =
            (row.blinded, row.sha256, row.frozen_at)
        {
            let applied: Vec<Redaction> = serde_json::from_str(&row.redactions).unwrap_or_default();
            // Recompute where each replacement sits in the blinded text, in UTF-16 units.
            let redactions = apply(&row.original, &applied)
                .map(|b| {
                    b.redactions
                        .into_iter()
                        .map(|a| FrozenRedaction {
                            out_start: byte_to_utf16(&b.text, a.out_start),
                            out_end: byte_to_utf16(&b.text, a.out_end),
                            category: a.category,
                        })
                        .collect()
                })
                .unwrap_or_default();
            return Ok(MaterialReview {
                id: row.id,
                code: row.code,
                kind: row.kind,
                criterion: row.criterion,
                lang,
                original: None,
                proposals: Vec::new(),
                placeholders: Default::default(),
                blinded: Some(FrozenMaterial {
                    text,
                    sha256,
                    frozen_at,
                    redactions,
                }),
                warnings: Vec::new(),
            });
        }
        let identity = self.blinding_identity(row.candidate_id)?;
        let known = self.accepted_terms(row.candidate_id, row.id)?;
        let warnings = intake_warnings(&row.original);
        let proposals = propose_with_known(
            &row.original,
            &identity,
            &RedactionLexicon::bundled(),
            &known,
        )
        .into_iter()
        .map(|p| ReviewProposal {
            start: byte_to_utf16(&row.original, p.start),
            end: byte_to_utf16(&row.original, p.end),
            byte_start: p.start,
            byte_end: p.end,
            category: p.category,
            replacement: p.replacement,
        })
        .collect();
        self.log_look(team_id, &who.ledger, EntryKind::OriginalViewed, &row.code)?;
        Ok(MaterialReview {
            id: row.id,
            code: row.code,
            kind: row.kind,
            criterion: row.criterion,
            lang,
            original: Some(row.original),
            proposals,
            placeholders: Category::ALL
                .into_iter()
                .map(|c| (c.as_str().to_owned(), c.placeholder(lang).to_owned()))
                .collect(),
            blinded: None,
            warnings,
        })
    }

    /// Applies the secretary's redactions and freezes the result: blinded text,
    /// SHA-256, redactions and time stored and logged in one transaction.
    pub fn freeze_material(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        material_id: i64,
        choices: &[RedactionChoice],
    ) -> Result<MaterialReview> {
        let who = self.authorize(team_id, Action::FreezeMaterial, actor)?;
        let row = material_row(&self.conn, team_id, material_id)?;
        if row.frozen_at.is_some() {
            return Err(err(CandidateError::Frozen));
        }
        let lang = detect_lang(&row.original);
        let mut redactions = Vec::with_capacity(choices.len());
        for c in choices {
            let bad = || {
                err(CandidateError::BadRange {
                    start: c.start,
                    end: c.end,
                })
            };
            let start = utf16_to_byte(&row.original, c.start).ok_or_else(bad)?;
            let end = utf16_to_byte(&row.original, c.end).ok_or_else(bad)?;
            let mut r = Redaction::manual(start, end, c.category, lang);
            if let Some(text) = c.replacement.as_deref().filter(|t| !t.trim().is_empty()) {
                check_text("replacement", text, MAX_FIELD_CHARS)?;
                r.replacement = text.to_owned();
            }
            redactions.push(r);
        }
        let blinded = apply(&row.original, &redactions).map_err(|e| match e {
            ApplyError::Overlap { .. } => err(CandidateError::Overlap(e.to_string())),
            ApplyError::EmptyRange { start, end } | ApplyError::OutOfBounds { start, end, .. } => {
                err(CandidateError::BadRange { start, end })
            }
            ApplyError::NotCharBoundary { offset } => err(CandidateError::BadRange {
                start: offset,
                end: offset,
            }),
        })?;
        redactions.sort_by_key(|r| r.start);
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE candidate_material
             SET redactions = ?1, blinded_text = ?2, blinded_sha256 = ?3, frozen_at = ?4
             WHERE id = ?5",
            params![
                serde_json::to_string(&redactions).expect("redactions serialise"),
                blinded.text,
                blinded.sha256,
                clock::now(),
                material_id
            ],
        )?;
        ledger::append(
            &tx,
            team_id,
            &who.ledger,
            EntryKind::MaterialBlinded,
            json!({
                "candidate_code": row.code,
                "blinded_sha256": blinded.sha256,
                "section_kind": kind_str(row.kind),
                "criterion": row.criterion,
            }),
        )?;
        tx.commit()?;
        self.material_review(team_id, actor, material_id)
    }

    /// Candidates whose material is all frozen, as scoring sees them: code and blinded text.
    pub fn blinded_candidates(&self, team_id: i64) -> Result<Vec<BlindedCandidate>> {
        blinded_candidates(&self.conn, team_id)
    }

    /// What deleting a candidate removes, so the confirmation can say so.
    pub fn candidate_removal(
        &self,
        team_id: i64,
        actor: Option<i64>,
        code: &str,
    ) -> Result<CandidateRemoval> {
        self.authorize(team_id, Action::DeleteCandidate, actor)?;
        let id = self.candidate_id(team_id, code)?;
        let (sections, frozen) = self.conn.query_row(
            "SELECT count(*), count(frozen_at) FROM candidate_material WHERE candidate_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(CandidateRemoval {
            code: code.to_owned(),
            sections,
            frozen,
            in_scoring: in_scoring(&self.conn, team_id, code)?,
        })
    }

    /// Removes a candidate with identity and material, unless scoring refers to
    /// them. The log keeps the code and who deleted it, nothing that identifies.
    pub fn delete_candidate(&mut self, team_id: i64, actor: Option<i64>, code: &str) -> Result<()> {
        let who = self.authorize(team_id, Action::DeleteCandidate, actor)?;
        let id = self.candidate_id(team_id, code)?;
        let tx = self.conn.transaction()?;
        // Checked inside the transaction so no round can start in between.
        if in_scoring(&tx, team_id, code)? {
            return Err(err(CandidateError::CandidateScored(code.to_owned())));
        }
        // Frozen material refuses updates, not deletes: the whole candidate goes.
        tx.execute("DELETE FROM candidates WHERE id = ?1", [id])?;
        ledger::append(
            &tx,
            team_id,
            &who.ledger,
            EntryKind::CandidateDeleted,
            json!({
                "candidate_code": code,
                "member_id": who.member_id(),
                "role": who.member.as_ref().map(|m| m.role.as_str()),
            }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Frozen rubric versions of the team, with their criteria, for the intake form.
    /// Read-only: rubrics are written elsewhere.
    pub fn intake_rubrics(&self, team_id: i64) -> Result<Vec<IntakeRubric>> {
        self.team(team_id)?;
        let mut versions = rubrics::frozen_versions(&self.conn, team_id)?;
        // Newest version of each rubric first.
        versions.sort_by(|a, b| (&a.key, b.version).cmp(&(&b.key, a.version)));
        Ok(versions
            .into_iter()
            // A frozen version was valid when it was frozen; one that no longer parses is skipped.
            .filter_map(|v| {
                let rubric = v.rubric().ok()?;
                Some(IntakeRubric {
                    version_id: v.id,
                    title: rubric.title,
                    version: rubric.version,
                    criteria: rubric
                        .criteria
                        .into_iter()
                        .map(|c| IntakeCriterion {
                            id: c.id,
                            name: c.name,
                        })
                        .collect(),
                })
            })
            .collect())
    }
}

#[cfg(test)]
mod tests;
