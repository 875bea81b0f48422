//! Taking in a candidate: identity and material in one transaction under a fresh
//! code, and the frozen rubrics the intake form offers.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::EntryKind;
use rusqlite::params;
use serde_json::json;

use super::codes::fresh_code;
use super::text::{clean_identity, clean_material};
use super::{kind_str, IdentityInput, IntakeCriterion, IntakeRubric, MaterialInput};
use crate::error::Result;
use crate::sealing::{seal_identity, seal_original, Unlocked};
use crate::{clock, ledger, rubrics, Store};

impl Store {
    /// Takes in a candidate: identity and material in one transaction, under a
    /// random code that says nothing about the order of intake.
    /// The identity and the texts are stored only sealed with the team's key.
    pub fn add_candidate(
        &mut self,
        by: &Unlocked,
        identity: &IdentityInput,
        material: &[MaterialInput],
    ) -> Result<String> {
        // The operating system's randomness: codes must not be guessable from anything.
        let mut rng = rand::TryRngCore::unwrap_err(rand::rngs::OsRng);
        self.add_candidate_with(by, identity, material, &mut rng)
    }

    pub(crate) fn add_candidate_with<R: rand::Rng + ?Sized>(
        &mut self,
        by: &Unlocked,
        identity: &IdentityInput,
        material: &[MaterialInput],
        rng: &mut R,
    ) -> Result<String> {
        let who = self.check_unlocked(by, Action::AddCandidate)?;
        let team_id = by.team_id();
        if self.retention(team_id)?.closed_at.is_some() {
            return Err(crate::privacy::PrivacyError::Closed.into());
        }
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
        seal_identity(&tx, by, candidate_id, &code, &identity)?;
        for m in &material {
            tx.execute(
                "INSERT INTO candidate_material (candidate_id, kind, criterion, original_text, created_at)
                 VALUES (?1, ?2, ?3, '', ?4)",
                params![candidate_id, kind_str(m.kind), m.criterion, now],
            )?;
            seal_original(&tx, by, tx.last_insert_rowid(), &m.text)?;
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
