//! The score package: an assessor's submitted sheet, signed by them, encrypted to the
//! team, and signed again outside so anyone can see who sent it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ChainHead, Envelope, PackageError, PackageKind};
use crate::assessor::ConflictKind;
use crate::scoring::{Actor, Round, Score, ScoringError, Sheet, SheetStatus};

/// A tie with a candidate the assessor declared on their own laptop. The team's
/// laptop records it as if declared there, before it checks the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeclaredTie {
    pub candidate: String,
    pub kind: ConflictKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
}

/// What the assessor signs: their sheet and declarations, and where they belong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct SheetBody {
    pub team_uid: String,
    pub round: u32,
    pub assessor: String,
    pub chain_head: ChainHead,
    pub sheet: Sheet,
    pub declarations: Vec<DeclaredTie>,
}

/// The outside of a score package: readable by anyone, without a level or a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ScorePackage {
    pub team_uid: String,
    pub round: u32,
    pub assessor: String,
    pub chain_head: ChainHead,
    /// The team recipient it was encrypted to.
    pub recipient: String,
    /// The `age` file holding the signed [`SheetBody`] envelope, hex.
    pub sealed: String,
}

impl ScorePackage {
    pub fn read(envelope: &Envelope) -> Result<ScorePackage, PackageError> {
        envelope.body(PackageKind::Score)
    }

    /// Checks the decrypted inside against the outside: the same signer, the same team,
    /// round, assessor and chain head, and a submitted sheet of that assessor and round.
    pub fn open_inner(
        &self,
        outer: &Envelope,
        inner_bytes: &[u8],
    ) -> Result<(Envelope, SheetBody), PackageError> {
        let inner = Envelope::read(inner_bytes).map_err(|e| match e {
            PackageError::Unreadable => PackageError::Inconsistent,
            other => other,
        })?;
        let body: SheetBody = inner.body(PackageKind::Sheet)?;
        if inner.signer != outer.signer
            || body.team_uid != self.team_uid
            || body.round != self.round
            || body.assessor != self.assessor
            || body.chain_head != self.chain_head
            || body.sheet.assessor() != self.assessor
            || body.sheet.round() != self.round
            || !body.sheet.is_submitted()
        {
            return Err(PackageError::Inconsistent);
        }
        Ok((inner, body))
    }
}

/// The sheet rebuilt cell by cell against `round` with the same checks as on the
/// team's laptop, and submitted at the time the assessor submitted it. A sheet that
/// passes comes back equal to `sheet`; one that breaks a rule of the round (an
/// excluded candidate, a missing cell, a changed level without a reason) is refused.
pub fn replay_sheet(
    round: &Round,
    actor: &Actor,
    previous: Option<&Sheet>,
    sheet: &Sheet,
) -> Result<Sheet, ScoringError> {
    let SheetStatus::Submitted { at } = sheet.status() else {
        return Err(ScoringError::RoundNotOpen);
    };
    let mut fresh = Sheet::new(round, &actor.id)?;
    for score in sheet.scores() {
        fresh.set_score(actor, round, Score::clone(score))?;
    }
    fresh.submit(actor, round, previous, at)?;
    Ok(fresh)
}
