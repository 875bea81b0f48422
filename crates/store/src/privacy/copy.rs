//! A candidate's own copy of what the team holds on them (AVG art. 15): the identity,
//! every piece of material with its original, the revealed scores and evidence notes
//! about them, declared ties and the decision. An officer who unlocked the team makes
//! it; the log records who, for which code, and the SHA-256 of the JSON — never what
//! is in it. Assessors are not named (core numbers them per round).

use maatstaf_core::access::Action;
use maatstaf_core::assessor::ConflictDeclaration;
use maatstaf_core::ledger::{sha256_hex, EntryKind};
use maatstaf_core::report::{
    personal_copy_html, CopyChoice, CopyConflict, CopyDecision, CopyIdentity, CopyMaterial,
    CopyRound, PersonalCopyData,
};
use maatstaf_core::scoring::{RoundView, SectionKind};
use rusqlite::{params, OptionalExtension};
use serde_json::json;

use crate::candidates::CandidateError;
use crate::error::{Result, StoreError};
use crate::sealing::{open_identity, open_original, Unlocked};
use crate::{clock, ledger, Store};

/// A candidate's copy: the data as JSON and as a readable page, and the SHA-256 of
/// [`PersonalCopy::json_bytes`] as the log records it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PersonalCopy {
    pub code: String,
    pub json: serde_json::Value,
    /// A standalone page in the store's language: no scripts, nothing remote.
    pub html: String,
    pub sha256: String,
}

impl PersonalCopy {
    /// The JSON file's bytes; `sha256` is their hash.
    pub fn json_bytes(&self) -> Vec<u8> {
        json_bytes(&self.json)
    }
}

fn json_bytes(value: &serde_json::Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("a JSON value serialises");
    bytes.push(b'\n');
    bytes
}

/// One material row before its original is opened.
struct MaterialRow {
    id: i64,
    kind: String,
    criterion: Option<String>,
    plain: String,
    sealed: bool,
    blinded: Option<String>,
    sha256: Option<String>,
    frozen_at: Option<String>,
}

impl Store {
    /// Everything the team holds on candidate `code`, for an officer who unlocked the
    /// team, logged as `personal_copy_exported` (code and hash). An erased candidate's
    /// copy says "erased" where the name and originals were.
    pub fn personal_copy(&mut self, by: &Unlocked, code: &str) -> Result<PersonalCopy> {
        let who = self.check_unlocked(by, Action::ExportPersonalCopy)?;
        let team_id = by.team_id();
        let team = self.team(team_id)?;
        let (candidate_id, erased_at): (i64, Option<String>) = self
            .conn
            .query_row(
                "SELECT id, erased_at FROM candidates WHERE team_id = ?1 AND code = ?2",
                params![team_id, code],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::Candidate(CandidateError::NoSuchCandidate(code.into())))?;

        let data = PersonalCopyData {
            team: team.name,
            code: code.to_owned(),
            made_at: clock::now(),
            erased_at,
            identity: self.copy_identity(by, candidate_id, code)?,
            material: self.copy_material(by, candidate_id)?,
            rounds: self.copy_rounds(by, code)?,
            rounds_not_revealed: self.rounds_not_revealed(team_id, code)?,
            conflicts: Vec::new(),
            decision: None,
        };
        let overview = self.scoring_overview(team_id)?;
        let conflicts = self
            .declarations_about(team_id, code)?
            .into_iter()
            .map(|d| CopyConflict {
                kind: d.kind,
                action: d.action(&overview.policy),
                overridden: d.override_rule.is_some(),
            })
            .collect();
        let decision = overview.selection.decision.map(|d| CopyDecision {
            round: d.round,
            at: d.at,
            choices: d
                .choices
                .into_iter()
                .filter(|c| c.candidates.iter().any(|c| c == code) || c.reason.contains(code))
                .map(|c| CopyChoice {
                    chosen: c.candidates.iter().any(|c| c == code),
                    portfolio: c.portfolio,
                    candidates: c.candidates,
                    reason: c.reason,
                })
                .collect(),
        });
        // A written answer is headed by its criterion's name, as the rounds show it.
        let mut material = data.material;
        for m in &mut material {
            m.criterion_name = m.criterion.as_ref().and_then(|id| {
                data.rounds
                    .iter()
                    .flat_map(|r| &r.criteria)
                    .find(|c| &c.id == id)
                    .map(|c| c.name.clone())
            });
        }
        let data = PersonalCopyData {
            material,
            conflicts,
            decision,
            ..data
        };

        let json = serde_json::to_value(&data).expect("the copy serialises");
        let sha256 = sha256_hex(&json_bytes(&json));
        let html = personal_copy_html(&data, self.language()?);
        let tx = self.conn.transaction()?;
        ledger::append(
            &tx,
            team_id,
            &who.ledger,
            EntryKind::PersonalCopyExported,
            json!({ "candidate_code": code, "sha256": sha256 }),
        )?;
        tx.commit()?;
        Ok(PersonalCopy {
            code: code.to_owned(),
            json,
            html,
            sha256,
        })
    }

    /// The sealed identity, or `None` once it was erased.
    fn copy_identity(
        &self,
        by: &Unlocked,
        candidate_id: i64,
        code: &str,
    ) -> Result<Option<CopyIdentity>> {
        let sealed = self
            .conn
            .query_row(
                "SELECT 1 FROM sealed_identities WHERE candidate_id = ?1",
                [candidate_id],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !sealed {
            return Ok(None);
        }
        let i = open_identity(&self.conn, by, candidate_id, code)?;
        Ok(Some(CopyIdentity {
            name: i.name,
            aliases: i.aliases,
            party: i.party,
            contact: i.contact,
            birth_date: i.birth_date,
            birth_place: i.birth_place,
            extra: i.extra,
        }))
    }

    /// Every piece of material, its original opened (or `None` once erased).
    fn copy_material(&self, by: &Unlocked, candidate_id: i64) -> Result<Vec<CopyMaterial>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, kind, criterion, original_text, original_sealed IS NOT NULL,
                    blinded_text, blinded_sha256, frozen_at
             FROM candidate_material WHERE candidate_id = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([candidate_id], |r| {
                Ok(MaterialRow {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    criterion: r.get(2)?,
                    plain: r.get(3)?,
                    sealed: r.get(4)?,
                    blinded: r.get(5)?,
                    sha256: r.get(6)?,
                    frozen_at: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|m| {
                let original = if m.sealed {
                    Some(open_original(&self.conn, by, m.id)?)
                } else {
                    // A team from before sealing keeps its text plain until sealed.
                    Some(m.plain).filter(|t| !t.is_empty())
                };
                let kind: SectionKind = serde_json::from_value(json!(m.kind))
                    .map_err(|e| StoreError::ScoringDamaged(format!("material kind: {e}")))?;
                Ok(CopyMaterial {
                    kind,
                    criterion: m.criterion,
                    criterion_name: None,
                    original,
                    blinded_text: m.blinded,
                    blinded_sha256: m.sha256,
                    frozen_at: m.frozen_at,
                })
            })
            .collect()
    }

    /// The candidate's rows of every revealed round, read through `view_for` as the
    /// officer who unlocked.
    fn copy_rounds(&self, by: &Unlocked, code: &str) -> Result<Vec<CopyRound>> {
        let team_id = by.team_id();
        let mut out = Vec::new();
        for summary in self.scoring_overview(team_id)?.rounds {
            if summary.state != "revealed" {
                continue;
            }
            if let RoundView::Revealed { comparison } =
                self.round_view(team_id, by.member_id(), summary.number)?
            {
                out.extend(CopyRound::from_sheet(&comparison, code));
            }
        }
        Ok(out)
    }

    /// Rounds not revealed yet that include `code` (only their numbers: nobody sees
    /// their scores before the reveal).
    fn rounds_not_revealed(&self, team_id: i64, code: &str) -> Result<Vec<u32>> {
        let mut stmt = self.conn.prepare(
            "SELECT number, round FROM scoring_rounds
             WHERE team_id = ?1 AND status <> 'revealed' ORDER BY number",
        )?;
        let rows = stmt
            .query_map([team_id], |r| {
                Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::new();
        for (number, round) in rows {
            let round: serde_json::Value = serde_json::from_str(&round)
                .map_err(|e| StoreError::ScoringDamaged(format!("round: {e}")))?;
            let includes = round["candidates"]
                .as_array()
                .is_some_and(|c| c.iter().any(|c| c == code));
            if includes {
                out.push(number);
            }
        }
        Ok(out)
    }

    /// Conflicts declared about `code`, by any assessor.
    fn declarations_about(&self, team_id: i64, code: &str) -> Result<Vec<ConflictDeclaration>> {
        let mut stmt = self.conn.prepare(
            "SELECT declaration FROM conflict_declarations
             WHERE team_id = ?1 AND candidate_code = ?2 ORDER BY id",
        )?;
        let rows = stmt
            .query_map(params![team_id, code], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.iter()
            .map(|j| {
                serde_json::from_str(j)
                    .map_err(|e| StoreError::ScoringDamaged(format!("declaration: {e}")))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use maatstaf_core::assessor::ConflictKind;
    use maatstaf_core::i18n::Lang;
    use maatstaf_core::ledger::EntryKind;
    use maatstaf_core::team::Role;

    use crate::candidates::CandidateError;
    use crate::fixtures::{demo_member, demo_team, demo_unlock, DEMO_SECRETARY_PASSPHRASE};
    use crate::sealing::SealingError;
    use crate::{Store, StoreError};

    const MEMBERS: [&str; 7] = [
        "Anneke de Wit",
        "Youssef Amrani",
        "Gerrit Bosma",
        "Priya Ramdin",
        "Marloes Kuipers",
        "Ellen Verhoef",
        "Henk Jansma",
    ];

    fn open() -> (tempfile::TempDir, Store, i64) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let team = demo_team(&store);
        crate::fixtures::demo_finish_open_round(&mut store, team);
        (dir, store, team)
    }

    fn copies(store: &Store, team: i64) -> Vec<maatstaf_core::ledger::Entry> {
        store
            .ledger(team)
            .unwrap()
            .into_iter()
            .filter(|e| e.kind == EntryKind::PersonalCopyExported)
            .collect()
    }

    #[test]
    fn a_demo_candidates_copy_holds_their_name_scores_and_evidence_but_no_assessor() {
        let (_dir, mut store, team) = open();
        let chair = demo_unlock(&mut store, team, Role::Chair);
        let copy = store.personal_copy(&chair, "K-7F3").unwrap();
        assert_eq!(copy.code, "K-7F3");
        let json = &copy.json;
        assert_eq!(json["identity"]["name"], "Sanne Hoekstra");
        assert_eq!(json["rounds"][0]["round"], 1);
        let scores = &json["rounds"][0]["criteria"];
        assert!(!scores.as_array().unwrap().is_empty());
        let all = serde_json::to_string(json).unwrap();
        assert!(
            all.contains("Meldt bij burgemeester en secretaris"),
            "evidence"
        );
        assert!(!all.contains("Kees Brouwer"), "not another candidate");
        assert!(!all.contains("K-R4M"), "not another candidate's code");
        for name in MEMBERS {
            assert!(!all.contains(name), "{name} is not named in the JSON");
            assert!(!copy.html.contains(name), "{name} is not named in the page");
        }
        assert!(copy.html.contains("Sanne Hoekstra"));
        assert!(copy.html.contains("beoordelaar 3 (4)"), "{}", copy.html);
        assert!(copy.html.contains("Meldt bij burgemeester en secretaris"));
        assert!(
            copy.html
                .contains("Schriftelijk antwoord (Integriteit en omgang met belangen)"),
            "a written answer is headed by its criterion's name"
        );
        // The originals are there, opened with the unlock.
        assert!(json["material"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["original"].is_string() && m["blinded_sha256"].is_string()));

        let logged = copies(&store, team);
        assert_eq!(logged.len(), 1);
        assert_eq!(logged[0].payload["candidate_code"], "K-7F3");
        assert_eq!(logged[0].payload["sha256"], copy.sha256.as_str());
        assert_eq!(
            copy.sha256,
            maatstaf_core::ledger::sha256_hex(&copy.json_bytes())
        );
        let entry = serde_json::to_string(&logged[0].payload).unwrap();
        assert!(!entry.contains("Sanne"), "no name in the log: {entry}");
        assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));
    }

    #[test]
    fn the_secretary_may_and_the_page_follows_the_language() {
        let (_dir, mut store, team) = open();
        store.set_language(Lang::En).unwrap();
        let secretary = demo_unlock(&mut store, team, Role::Secretary);
        let copy = store.personal_copy(&secretary, "K-2XH").unwrap();
        assert!(copy.html.contains("lang=\"en\""));
        assert!(copy.html.contains("Joke van der Linden-Bakker"));
        assert!(copy.html.contains("assessor 1"));
        assert!(copy.html.contains("No decision yet."));
    }

    #[test]
    fn an_assessor_cannot_unlock_and_an_unknown_code_logs_nothing() {
        let (_dir, mut store, team) = open();
        let assessor = demo_member(&store, team, Role::Assessor);
        let refused = store.unlock(team, assessor, DEMO_SECRETARY_PASSPHRASE);
        assert!(
            matches!(
                refused,
                Err(StoreError::Sealing(SealingError::NotAnOfficer { .. }))
            ),
            "{refused:?}"
        );
        let chair = demo_unlock(&mut store, team, Role::Chair);
        let before = store.ledger(team).unwrap().len();
        let err = store.personal_copy(&chair, "K-XXX").unwrap_err();
        assert!(
            matches!(
                &err,
                StoreError::Candidate(CandidateError::NoSuchCandidate(c)) if c == "K-XXX"
            ),
            "{err:?}"
        );
        assert_eq!(store.ledger(team).unwrap().len(), before);
    }

    #[test]
    fn an_erased_candidates_copy_says_erased_and_keeps_the_scores() {
        let (_dir, mut store, team) = open();
        let chair = demo_unlock(&mut store, team, Role::Chair);
        store
            .erase_candidate(
                team,
                Some(chair.member_id()),
                "K-R4M",
                crate::privacy::ErasureReason::Withdrawn,
            )
            .unwrap();
        let copy = store.personal_copy(&chair, "K-R4M").unwrap();
        assert!(copy.json["identity"].is_null());
        assert!(copy.json["erased_at"].is_string());
        assert!(copy.json["material"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["original"].is_null() && m["blinded_text"].is_string()));
        assert_eq!(copy.json["rounds"][0]["round"], 1);
        assert!(copy.html.contains("Gewist"), "{}", copy.html);
        assert!(!copy.html.contains("Kees Brouwer"));
    }

    #[test]
    fn declared_ties_show_without_who_declared_them() {
        let (_dir, mut store, team) = open();
        let gerrit = store.find_member(team, "Gerrit Bosma").unwrap().unwrap().id;
        store
            .declare_conflict(
                team,
                gerrit,
                "K-R4M",
                ConflictKind::Other,
                Some("buurman van Gerrit Bosma"),
            )
            .unwrap();
        let chair = demo_unlock(&mut store, team, Role::Chair);
        let copy = store.personal_copy(&chair, "K-R4M").unwrap();
        let conflicts = copy.json["conflicts"].as_array().unwrap();
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0]["kind"], "other");
        let all = serde_json::to_string(&copy.json).unwrap();
        assert!(!all.contains("Gerrit") && !copy.html.contains("Gerrit"));
        assert!(
            !all.contains("buurman"),
            "the note could tell who declared it"
        );
    }
}
