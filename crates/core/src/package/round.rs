//! The round package: what one assessor needs to score on their own laptop.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ChainHead, Envelope, PackageError, PackageKind};
use crate::assessor::ConflictPolicy;
use crate::scoring::{rubric_hash, BlindedCandidate, Round, Sheet};

/// The assessor a package is for, as the team knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssessorRef {
    /// The member id on the team's laptop: the id their sheet carries.
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RoundPackage {
    pub team_uid: String,
    pub team_name: String,
    /// The `age` recipient score packages are encrypted to.
    pub team_recipient: String,
    /// This assessor's part of the round only ([`Round::assignment_for`]).
    pub round: Round,
    pub assessor: AssessorRef,
    /// The assessor's public key as the team registered it, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub assessor_key: Option<String>,
    /// The blinded material of the round's candidates, and nothing else.
    pub material: Vec<BlindedCandidate>,
    /// How a declared conflict is handled, so the assessor's laptop excludes exactly
    /// as the team's laptop will.
    pub policy: ConflictPolicy,
    /// The assessor's own submitted sheet of the previous round, if any: a changed
    /// level needs a reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub previous_sheet: Option<Sheet>,
    pub chain_head: ChainHead,
    pub written_at: String,
}

impl RoundPackage {
    /// Reads a round package and checks that it is whole: one assessor's part of an
    /// open round, the rubric matching its hash, material for every candidate and no
    /// more, and a previous sheet that is that assessor's of the round before.
    pub fn read(envelope: &Envelope) -> Result<RoundPackage, PackageError> {
        let package: RoundPackage = envelope.body(PackageKind::Round)?;
        let round = &package.round;
        let own_plan = round.assessors().len() == 1 && round.is_assessor(&package.assessor.id);
        let material_matches = package.material.len() == round.candidates().len()
            && package
                .material
                .iter()
                .all(|m| round.candidates().contains(&m.code));
        let previous_fits = package.previous_sheet.as_ref().is_none_or(|s| {
            s.assessor() == package.assessor.id
                && s.round() + 1 == round.number()
                && s.is_submitted()
        });
        if !own_plan
            || !material_matches
            || !previous_fits
            || rubric_hash(round.rubric()) != round.rubric_hash()
            || round
                .exclusions()
                .iter()
                .any(|e| e.assessor != package.assessor.id)
        {
            return Err(PackageError::Inconsistent);
        }
        if !matches!(round.status(), crate::scoring::RoundStatus::Open) {
            return Err(PackageError::RoundRevealed {
                round: round.number(),
            });
        }
        Ok(package)
    }
}
