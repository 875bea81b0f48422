//! The redaction review of one piece of material, and freezing it: the original with
//! proposals while open, only the blinded text once frozen.

use maatstaf_core::access::Action;
use maatstaf_core::blinding::{
    apply, detect_lang, intake_warnings, known_terms, propose_with_known, ApplyError, Category,
    KnownTerm, Redaction, RedactionLexicon,
};
use maatstaf_core::ledger::EntryKind;
use maatstaf_core::scoring::SectionKind;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::text::{byte_to_utf16, check_text, utf16_to_byte};
use super::{
    err, kind_str, parse_kind, CandidateError, FrozenMaterial, FrozenRedaction, MaterialReview,
    RedactionChoice, ReviewProposal, MAX_FIELD_CHARS,
};
use crate::error::Result;
use crate::sealing::{open_original, Unlocked};
use crate::{clock, ledger, Store};

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

/// One piece of material with its original opened by the officer's unlock.
fn material_row(conn: &Connection, by: &Unlocked, material_id: i64) -> Result<MaterialRow> {
    let mut row = conn
        .query_row(
            "SELECT m.id, c.code, c.id, m.kind, m.criterion, m.blinded_text,
                    m.blinded_sha256, m.frozen_at, m.redactions
             FROM candidate_material m JOIN candidates c ON c.id = m.candidate_id
             WHERE m.id = ?1 AND c.team_id = ?2",
            params![material_id, by.team_id()],
            |r| {
                Ok(MaterialRow {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    candidate_id: r.get(2)?,
                    kind: parse_kind(&r.get::<_, String>(3)?),
                    criterion: r.get(4)?,
                    original: String::new(),
                    blinded: r.get(5)?,
                    sha256: r.get(6)?,
                    frozen_at: r.get(7)?,
                    redactions: r.get(8)?,
                })
            },
        )
        .optional()?
        .ok_or(err(CandidateError::NoSuchMaterial(material_id)))?;
    row.original = open_original(conn, by, material_id)?;
    Ok(row)
}

impl Store {
    /// The facts the redaction assistant searches for; contact details count as extra strings.
    /// What the secretary accepted in the candidate's other, frozen material: one
    /// candidate, every text, so a town hidden in the CV is proposed in the answers too.
    fn accepted_terms(
        &self,
        by: &Unlocked,
        candidate_id: i64,
        except_material: i64,
    ) -> Result<Vec<KnownTerm>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, redactions FROM candidate_material
             WHERE candidate_id = ?1 AND id != ?2 AND frozen_at IS NOT NULL",
        )?;
        let rows = stmt
            .query_map(params![candidate_id, except_material], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut known = Vec::new();
        for (id, redactions) in rows {
            let original = open_original(&self.conn, by, id)?;
            let redactions: Vec<Redaction> = serde_json::from_str(&redactions).unwrap_or_default();
            known.extend(known_terms(&original, &redactions));
        }
        Ok(known)
    }

    /// The review of one piece of material: the original with proposals while it
    /// is open, only the blinded text once frozen.
    pub fn material_review(&mut self, by: &Unlocked, material_id: i64) -> Result<MaterialReview> {
        let who = self.check_unlocked(by, Action::ReviewOriginal)?;
        let row = material_row(&self.conn, by, material_id)?;
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
        let identity = self.blinding_identity(by, row.candidate_id)?;
        let known = self.accepted_terms(by, row.candidate_id, row.id)?;
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
        self.log_look(
            by.team_id(),
            &who.ledger,
            EntryKind::OriginalViewed,
            &row.code,
        )?;
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
        by: &Unlocked,
        material_id: i64,
        choices: &[RedactionChoice],
    ) -> Result<MaterialReview> {
        let who = self.check_unlocked(by, Action::FreezeMaterial)?;
        let team_id = by.team_id();
        let row = material_row(&self.conn, by, material_id)?;
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
        self.material_review(by, material_id)
    }
}
