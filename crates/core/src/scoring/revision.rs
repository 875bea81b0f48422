//! Changed scores between two rounds, for the team log.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{is_blank, Round, ScoringError, Sheet};

/// An assessor scored a cell differently in a later round, and said why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Revision {
    /// The round the new level was given in.
    pub round: u32,
    pub candidate: String,
    pub criterion: String,
    pub assessor: String,
    pub old: u8,
    pub new: u8,
    pub reason: String,
}

/// Every level that changed from round `previous` to round `next` (its successor),
/// per assessor who submitted in both, sorted by candidate, criterion, assessor.
///
/// Both rounds must be revealed: listing changes earlier would show the new
/// round's levels before its reveal. A change without a reason is an error (the
/// sheet's submit already refuses one, so it means the data was altered).
pub fn revisions(
    previous: &Round,
    previous_sheets: &[Sheet],
    next: &Round,
    next_sheets: &[Sheet],
) -> Result<Vec<Revision>, ScoringError> {
    if next.number() != previous.number() + 1 {
        return Err(ScoringError::NotConsecutive);
    }
    if next.rubric_hash() != previous.rubric_hash() {
        return Err(ScoringError::RubricChanged);
    }
    if !previous.is_revealed() || !next.is_revealed() {
        return Err(ScoringError::NotRevealed);
    }
    let before = previous.submitted_sheets(previous_sheets)?;
    let after = next.submitted_sheets(next_sheets)?;
    let mut out = Vec::new();
    for (assessor, sheet) in &after {
        let Some(old_sheet) = before.get(assessor) else {
            continue;
        };
        for score in sheet.scores() {
            let old = old_sheet
                .score(&score.candidate, &score.criterion)
                .and_then(|s| s.level);
            let (Some(old), Some(new)) = (old, score.level) else {
                continue;
            };
            if old == new {
                continue;
            }
            let reason = score.reason.clone().unwrap_or_default();
            if is_blank(&reason) {
                return Err(ScoringError::RevisionReasonRequired {
                    candidate: score.candidate.clone(),
                    criterion: score.criterion.clone(),
                });
            }
            out.push(Revision {
                round: next.number(),
                candidate: score.candidate.clone(),
                criterion: score.criterion.clone(),
                assessor: (*assessor).to_owned(),
                old,
                new,
                reason: reason.trim().to_owned(),
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.candidate, &a.criterion, &a.assessor).cmp(&(&b.candidate, &b.criterion, &b.assessor))
    });
    Ok(out)
}
