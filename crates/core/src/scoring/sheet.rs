//! An assessor's scores in one round.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::round::CellRef;
use super::{is_blank, Actor, Round, ScoringError};

/// Longest evidence note: room for a few observations, not an essay.
pub const MAX_EVIDENCE_CHARS: usize = 2000;
/// Longest reason for a changed score in a later round.
pub const MAX_REASON_CHARS: usize = 1000;

/// One cell as the assessor filled it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Score {
    pub candidate: String,
    pub criterion: String,
    /// Empty while the assessor has only written a note so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub level: Option<u8>,
    /// What the candidate showed that justifies the level.
    #[serde(default)]
    pub evidence: String,
    /// Why the level differs from this assessor's level in the previous round;
    /// required for such a change when submitting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum SheetStatus {
    Draft,
    /// Locked; `at` is the caller's timestamp (RFC 3339).
    Submitted {
        at: String,
    },
}

/// An assessor's sheet for one round. Private fields: a submitted sheet cannot be
/// edited by assigning to it, only through the checked methods, which refuse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Sheet {
    assessor: String,
    round: u32,
    /// At most one score per cell, sorted by candidate then criterion.
    scores: Vec<Score>,
    status: SheetStatus,
}

impl Sheet {
    /// An empty draft for an assessor of the round.
    pub fn new(round: &Round, assessor: &str) -> Result<Sheet, ScoringError> {
        round.require_assessor(assessor)?;
        Ok(Sheet {
            assessor: assessor.to_owned(),
            round: round.number(),
            scores: Vec::new(),
            status: SheetStatus::Draft,
        })
    }

    /// Saves one cell of a draft (replacing what was there). The level, when given,
    /// must lie on the rubric's scale; the note and reason may be incomplete but not
    /// over-long. Only the sheet's own assessor may write, only while the round is open.
    pub fn set_score(
        &mut self,
        actor: &Actor,
        round: &Round,
        score: Score,
    ) -> Result<(), ScoringError> {
        self.require_writable(actor, round)?;
        round.require_candidate(&score.candidate)?;
        if !round
            .rubric()
            .criteria
            .iter()
            .any(|c| c.id == score.criterion)
        {
            return Err(ScoringError::UnknownCriterion {
                id: score.criterion,
            });
        }
        if round.is_excluded(&self.assessor, &score.candidate) {
            return Err(ScoringError::Excluded {
                candidate: score.candidate,
            });
        }
        let scale = round.rubric().scale;
        if let Some(level) = score.level {
            if level < scale.min || level > scale.max {
                return Err(ScoringError::LevelOutOfScale {
                    level,
                    min: scale.min,
                    max: scale.max,
                });
            }
        }
        if score.evidence.chars().count() > MAX_EVIDENCE_CHARS {
            return Err(ScoringError::EvidenceTooLong {
                max: MAX_EVIDENCE_CHARS as u32,
            });
        }
        if score
            .reason
            .as_deref()
            .is_some_and(|r| r.chars().count() > MAX_REASON_CHARS)
        {
            return Err(ScoringError::ReasonTooLong {
                max: MAX_REASON_CHARS as u32,
            });
        }
        let key = |s: &Score| (s.candidate.clone(), s.criterion.clone());
        match self.scores.binary_search_by_key(&key(&score), key) {
            Ok(i) => self.scores[i] = score,
            Err(i) => self.scores.insert(i, score),
        }
        Ok(())
    }

    /// Empties one cell of a draft.
    pub fn clear_score(
        &mut self,
        actor: &Actor,
        round: &Round,
        cell: &CellRef,
    ) -> Result<(), ScoringError> {
        self.require_writable(actor, round)?;
        self.scores
            .retain(|s| s.candidate != cell.candidate || s.criterion != cell.criterion);
        Ok(())
    }

    /// The cells still lacking a level or an evidence note, in the assessor's own order.
    pub fn missing_cells(&self, round: &Round) -> Result<Vec<CellRef>, ScoringError> {
        let order = round.work_order(&self.assessor)?;
        Ok(order
            .into_iter()
            .filter(|cell| {
                self.score(&cell.candidate, &cell.criterion)
                    .is_none_or(|s| s.level.is_none() || is_blank(&s.evidence))
            })
            .collect())
    }

    /// Submits and locks the sheet. Every cell not excluded needs a level and a
    /// non-blank evidence note. From round 2 on, pass the same assessor's submitted
    /// sheet of the previous round (None if they did not submit one): every level
    /// that differs from it needs a non-blank reason.
    pub fn submit(
        &mut self,
        actor: &Actor,
        round: &Round,
        previous: Option<&Sheet>,
        at: &str,
    ) -> Result<(), ScoringError> {
        self.require_writable(actor, round)?;
        let missing = self.missing_cells(round)?;
        if let Some(first) = missing.first() {
            let blank_note = self
                .score(&first.candidate, &first.criterion)
                .is_some_and(|s| s.level.is_some());
            if missing.len() == 1 && blank_note {
                return Err(ScoringError::EvidenceRequired {
                    candidate: first.candidate.clone(),
                    criterion: first.criterion.clone(),
                });
            }
            return Err(ScoringError::Incomplete {
                missing: missing.len() as u32,
            });
        }
        if let Some(s) = self
            .scores
            .iter()
            .find(|s| round.is_excluded(&self.assessor, &s.candidate))
        {
            return Err(ScoringError::Excluded {
                candidate: s.candidate.clone(),
            });
        }
        if let Some(prev) = previous {
            if round.number() < 2
                || prev.round != round.number() - 1
                || prev.assessor != self.assessor
                || !prev.is_submitted()
            {
                return Err(ScoringError::WrongPreviousSheet);
            }
            for score in &self.scores {
                let old = prev
                    .score(&score.candidate, &score.criterion)
                    .and_then(|s| s.level);
                let changed = old.is_some_and(|old| Some(old) != score.level);
                if changed && score.reason.as_deref().is_none_or(is_blank) {
                    return Err(ScoringError::RevisionReasonRequired {
                        candidate: score.candidate.clone(),
                        criterion: score.criterion.clone(),
                    });
                }
            }
        }
        if is_blank(at) {
            return Err(ScoringError::MissingTimestamp);
        }
        self.status = SheetStatus::Submitted { at: at.to_owned() };
        Ok(())
    }

    pub fn assessor(&self) -> &str {
        &self.assessor
    }
    pub fn round(&self) -> u32 {
        self.round
    }
    pub fn scores(&self) -> &[Score] {
        &self.scores
    }
    pub fn status(&self) -> &SheetStatus {
        &self.status
    }
    pub fn is_submitted(&self) -> bool {
        matches!(self.status, SheetStatus::Submitted { .. })
    }

    pub fn score(&self, candidate: &str, criterion: &str) -> Option<&Score> {
        self.scores
            .iter()
            .find(|s| s.candidate == candidate && s.criterion == criterion)
    }

    pub(crate) fn require_draft(&self) -> Result<(), ScoringError> {
        if self.is_submitted() {
            Err(ScoringError::SheetLocked)
        } else {
            Ok(())
        }
    }

    fn require_writable(&self, actor: &Actor, round: &Round) -> Result<(), ScoringError> {
        if actor.id != self.assessor {
            return Err(ScoringError::NotYourSheet);
        }
        self.require_draft()?;
        if round.number() != self.round {
            return Err(ScoringError::WrongRound {
                sheet: self.round,
                round: round.number(),
            });
        }
        round.require_open()
    }

    pub(crate) fn drop_candidate(&mut self, candidate: &str) {
        self.scores.retain(|s| s.candidate != candidate);
    }
}
