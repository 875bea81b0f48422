//! Scoring on the assessor's laptop, with core's rules for a sheet: the same view,
//! autosave of a cell, and declaring a tie with a candidate (an excluding one takes
//! the candidate out of the work, as the team's conflict rules say).

use maatstaf_core::assessor::{ConflictAction, ConflictDeclaration, ConflictKind, Exclusion};
use maatstaf_core::package::{DeclaredTie, Envelope, RevealPackage};
use maatstaf_core::scoring::{view_for, Actor, Round, Score, Sheet};
use maatstaf_core::team::Role;

use super::{
    ids, keys, load, save_work, AssignmentError, AssignmentState, AssignmentSummary,
    AssignmentView, Stored,
};
use crate::error::Result;
use crate::Store;

/// The assessor's part of the round with the exclusions their own declarations add.
pub(super) fn working_round(stored: &Stored) -> Result<(Round, Actor)> {
    let mut round = stored.package.round.clone();
    let actor = Actor::new(stored.package.assessor.id.clone(), Role::Assessor);
    for tie in &stored.declarations {
        let declaration =
            ConflictDeclaration::new(&actor.id, &tie.candidate, tie.kind, tie.note.as_deref())?;
        if declaration.action(&stored.package.policy) == ConflictAction::Exclude
            && !round.is_excluded(&actor.id, &tie.candidate)
        {
            round.add_exclusion(
                &actor,
                Exclusion {
                    assessor: actor.id.clone(),
                    candidate: tie.candidate.clone(),
                },
                &mut [],
            )?;
        }
    }
    Ok((round, actor))
}

fn state(stored: &Stored) -> AssignmentState {
    if stored.reveal.is_some() {
        AssignmentState::Revealed
    } else if stored.score_package.is_some() {
        AssignmentState::Submitted
    } else {
        AssignmentState::Scoring
    }
}

fn writable(stored: &Stored) -> Result<()> {
    if stored.score_package.is_some() {
        return Err(AssignmentError::Submitted.into());
    }
    Ok(())
}

impl Store {
    pub(crate) fn assignment_summary(&self, id: i64) -> Result<AssignmentSummary> {
        let stored = load(&self.conn, id)?;
        let team_key = maatstaf_core::ledger::verifying_key_from_hex(&stored.team_key)
            .ok_or(maatstaf_core::package::PackageError::BadSignature)?;
        Ok(AssignmentSummary {
            id: Some(id),
            team_name: stored.package.team_name.clone(),
            team_fingerprint: maatstaf_core::ledger::Fingerprint::of(&team_key)
                .as_str()
                .to_owned(),
            team_known: true,
            round: stored.package.round.number(),
            assessor_name: stored.package.assessor.name.clone(),
            my_fingerprint: keys::fingerprint(
                &self.conn,
                &stored.package.team_uid,
                &stored.package.assessor.id,
            )?,
            state: state(&stored),
        })
    }

    /// The rounds to score on this laptop, newest first.
    pub fn assignments(&self) -> Result<Vec<AssignmentSummary>> {
        ids(&self.conn)?
            .into_iter()
            .map(|id| self.assignment_summary(id))
            .collect()
    }

    pub fn assignment(&self, id: i64) -> Result<AssignmentView> {
        let stored = load(&self.conn, id)?;
        let (round, actor) = working_round(&stored)?;
        let sheets: Vec<Sheet> = stored.sheet.iter().cloned().collect();
        let comparison = stored
            .reveal
            .as_deref()
            .map(|bytes| -> Result<_> {
                Ok(RevealPackage::read(&Envelope::read(bytes)?)?.comparison)
            })
            .transpose()?;
        Ok(AssignmentView {
            summary: self.assignment_summary(id)?,
            view: view_for(&actor, &round, &sheets)?,
            material: stored.package.material.clone(),
            previous: stored.package.previous_sheet.clone(),
            declarations: stored.declarations.clone(),
            comparison,
        })
    }

    /// Saves one cell of the draft (autosave), with the rules of the team's laptop.
    pub fn assignment_save_score(&mut self, id: i64, score: Score) -> Result<()> {
        let stored = load(&self.conn, id)?;
        writable(&stored)?;
        let (round, actor) = working_round(&stored)?;
        let mut sheet = match stored.sheet.clone() {
            Some(sheet) => sheet,
            None => Sheet::new(&round, &actor.id)?,
        };
        sheet.set_score(&actor, &round, score)?;
        save_work(&self.conn, id, &sheet, &stored.declarations)
    }

    /// Declares a tie with a candidate. It travels in the score package and the team's
    /// laptop records it; one that excludes takes the candidate out of the work here
    /// at once, and their cells out of the draft.
    pub fn assignment_declare(
        &mut self,
        id: i64,
        candidate: &str,
        kind: ConflictKind,
        note: Option<&str>,
    ) -> Result<()> {
        let stored = load(&self.conn, id)?;
        writable(&stored)?;
        let (round, actor) = working_round(&stored)?;
        if !round.candidates().iter().any(|c| c == candidate) {
            return Err(maatstaf_core::scoring::ScoringError::UnknownCandidate {
                candidate: candidate.to_owned(),
            }
            .into());
        }
        ConflictDeclaration::new(&actor.id, candidate, kind, note)?;
        let mut declarations = stored.declarations.clone();
        if declarations
            .iter()
            .any(|d| d.candidate == candidate && d.kind == kind)
        {
            return Ok(());
        }
        declarations.push(DeclaredTie {
            candidate: candidate.to_owned(),
            kind,
            note: note
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned),
        });
        let updated = Stored {
            declarations,
            ..stored
        };
        let (round, actor) = working_round(&updated)?;
        let sheet = match updated.sheet.clone() {
            Some(old) => {
                let mut fresh = Sheet::new(&round, &actor.id)?;
                for score in old.scores() {
                    if !round.is_excluded(&actor.id, &score.candidate) {
                        fresh.set_score(&actor, &round, Score::clone(score))?;
                    }
                }
                fresh
            }
            None => Sheet::new(&round, &actor.id)?,
        };
        save_work(&self.conn, id, &sheet, &updated.declarations)
    }
}
