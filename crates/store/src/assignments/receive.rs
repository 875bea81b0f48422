//! Taking the team's packages in on the assessor's laptop: a round package becomes an
//! assignment (after the assessor made their personal key), a reveal package brings
//! the comparison sheet to it.
//!
//! The first package of a team is trusted on first use: the screen shows the team
//! key's fingerprint, to compare with the secretary's. Every later package of that
//! team must be signed by the same key.

use maatstaf_core::package::{Envelope, PackageError, PackageKind, RevealPackage, RoundPackage};
use maatstaf_core::scoring::Score;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::work::working_round;
use super::{keys, load, save_work, AssignmentError, AssignmentState, AssignmentSummary};
use crate::error::Result;
use crate::{clock, Store};

/// What taking a package in did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[ts(export)]
pub enum Received {
    /// A round package whose assessor has no personal key on this laptop yet: nothing
    /// is stored until they chose a passphrase (import again with it).
    NeedsKey { preview: AssignmentSummary },
    /// The round to score is here (or was here already, unchanged).
    Assignment { summary: AssignmentSummary },
    /// The comparison sheet of a round scored here.
    Reveal { summary: AssignmentSummary },
}

/// The team key this laptop knows for `team_uid`, from earlier packages.
fn known_team_key(conn: &Connection, team_uid: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT team_key FROM assignments WHERE team_uid = ?1 LIMIT 1",
            [team_uid],
            |r| r.get(0),
        )
        .optional()?)
}

fn check_team_key(conn: &Connection, team_uid: &str, envelope: &Envelope) -> Result<bool> {
    match known_team_key(conn, team_uid)? {
        Some(known) if known == envelope.signer => Ok(true),
        Some(_) => Err(PackageError::ChangedTeamKey.into()),
        None => Ok(false),
    }
}

impl Store {
    /// Takes in a round or reveal package. A round package whose assessor has no
    /// personal key yet needs `new_passphrase` (typed twice); without it, nothing is
    /// stored and the answer says so.
    pub fn receive_package(
        &mut self,
        bytes: &[u8],
        new_passphrase: Option<(&str, &str)>,
    ) -> Result<Received> {
        let envelope = Envelope::read(bytes)?;
        match envelope.kind {
            PackageKind::Round => self.receive_round(&envelope, bytes, new_passphrase),
            PackageKind::Reveal => self.receive_reveal(&envelope, bytes),
            found => Err(PackageError::WrongKind {
                expected: PackageKind::Round,
                found,
            }
            .into()),
        }
    }

    fn receive_round(
        &mut self,
        envelope: &Envelope,
        bytes: &[u8],
        new_passphrase: Option<(&str, &str)>,
    ) -> Result<Received> {
        let package = RoundPackage::read(envelope)?;
        let team_known = check_team_key(&self.conn, &package.team_uid, envelope)?;
        let assessor = package.assessor.id.clone();
        let existing: Option<(i64, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT id, package FROM assignments WHERE team_uid = ?1 AND round = ?2 AND assessor = ?3",
                params![package.team_uid, package.round.number(), assessor],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let has_key = keys::fingerprint(&self.conn, &package.team_uid, &assessor)?.is_some();
        let preview = |id: Option<i64>, conn: &Connection| -> Result<AssignmentSummary> {
            Ok(AssignmentSummary {
                id,
                team_name: package.team_name.clone(),
                team_fingerprint: envelope.fingerprint()?.as_str().to_owned(),
                team_known,
                round: package.round.number(),
                assessor_name: package.assessor.name.clone(),
                my_fingerprint: keys::fingerprint(conn, &package.team_uid, &assessor)?,
                state: AssignmentState::Scoring,
            })
        };
        if !has_key && new_passphrase.is_none() {
            return Ok(Received::NeedsKey {
                preview: preview(None, &self.conn)?,
            });
        }
        let tx = self.conn.transaction()?;
        if !has_key {
            let (passphrase, repeated) = new_passphrase.expect("checked above");
            keys::create(
                &tx,
                &package.team_uid,
                &assessor,
                passphrase,
                repeated,
                &[&package.assessor.name, &package.team_name],
            )?;
        }
        let id = match existing {
            Some((id, stored)) if stored == bytes => id,
            Some((id, _)) => {
                // The team wrote the round package again (a conflict came to light, a
                // rule changed): the new one counts, and the draft keeps every cell
                // that still fits.
                let old = load(&tx, id)?;
                if old.score_package.is_some() {
                    return Err(AssignmentError::Submitted.into());
                }
                tx.execute(
                    "UPDATE assignments SET package = ?2, team_key = ?3 WHERE id = ?1",
                    params![id, bytes, envelope.signer],
                )?;
                let fresh = load(&tx, id)?;
                if let Some(sheet) = &old.sheet {
                    let (round, actor) = working_round(&fresh)?;
                    let mut draft = maatstaf_core::scoring::Sheet::new(&round, &actor.id)?;
                    for score in sheet.scores() {
                        let _ = draft.set_score(&actor, &round, Score::clone(score));
                    }
                    save_work(&tx, id, &draft, &fresh.declarations)?;
                }
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO assignments (team_uid, team_key, round, assessor, package, imported_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        package.team_uid,
                        envelope.signer,
                        package.round.number(),
                        assessor,
                        bytes,
                        clock::now()
                    ],
                )?;
                tx.last_insert_rowid()
            }
        };
        let summary = preview(Some(id), &tx)?;
        tx.commit()?;
        Ok(Received::Assignment { summary })
    }

    fn receive_reveal(&mut self, envelope: &Envelope, bytes: &[u8]) -> Result<Received> {
        let package = RevealPackage::read(envelope)?;
        if known_team_key(&self.conn, &package.team_uid)?.is_none() {
            return Err(AssignmentError::NoAssignmentForReveal.into());
        }
        check_team_key(&self.conn, &package.team_uid, envelope)?;
        let id: i64 = self
            .conn
            .query_row(
                "SELECT id FROM assignments WHERE team_uid = ?1 AND round = ?2",
                params![package.team_uid, package.round],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(AssignmentError::NoAssignmentForReveal)?;
        self.conn.execute(
            "UPDATE assignments SET reveal = ?2 WHERE id = ?1",
            params![id, bytes],
        )?;
        Ok(Received::Reveal {
            summary: self.assignment_summary(id)?,
        })
    }
}
