//! The phases of a trainer session and the rules for each.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Text;
use crate::rubric::Scale;
use crate::team::Role;

/// Agreement needs at least two independent scorers.
pub const MIN_PARTICIPANTS: usize = 2;

/// Where a session is. Scores of a round become visible to anyone only after
/// the round is closed; the reference scores only after the trainer reveals them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "SessionPhase")]
pub enum Phase {
    /// Participants score alone, one after another.
    Round1,
    /// Round 1 is closed: the projector shows the spread per criterion.
    Spread,
    /// The reference scores and their justification are shown; discussion.
    Reveal,
    /// Participants score again, alone.
    Round2,
    /// Both rounds closed: agreement before and after.
    Done,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Round1 => "round1",
            Phase::Spread => "spread",
            Phase::Reveal => "reveal",
            Phase::Round2 => "round2",
            Phase::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Phase> {
        [
            Phase::Round1,
            Phase::Spread,
            Phase::Reveal,
            Phase::Round2,
            Phase::Done,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }

    /// The round participants may score in now, if any.
    pub fn open_round(self) -> Option<u8> {
        match self {
            Phase::Round1 => Some(1),
            Phase::Round2 => Some(2),
            _ => None,
        }
    }

    pub fn next(self) -> Option<Phase> {
        match self {
            Phase::Round1 => Some(Phase::Spread),
            Phase::Spread => Some(Phase::Reveal),
            Phase::Reveal => Some(Phase::Round2),
            Phase::Round2 => Some(Phase::Done),
            Phase::Done => None,
        }
    }

    /// Whether everyone's scores of `round` may be shown (anonymised, on the projector).
    pub fn round_visible(self, round: u8) -> bool {
        match round {
            1 => self >= Phase::Spread,
            2 => self == Phase::Done,
            _ => false,
        }
    }

    pub fn references_visible(self) -> bool {
        self >= Phase::Reveal
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export, rename = "SessionError")]
pub enum SessionError {
    #[error("only a member with the trainer role can lead a session")]
    NotTrainer,
    #[error("a session needs at least {min} participants besides the trainer, not {found}")]
    TooFewParticipants { min: usize, found: usize },
    #[error("{name} does not take part in this session")]
    NotAParticipant { name: String },
    #[error("round {round} is not open for scoring")]
    RoundNotOpen { round: u8 },
    #[error("the score {score} lies outside the scale {min} to {max}")]
    OutOfScale { score: i64, min: u8, max: u8 },
    #[error("the practice case has no candidate {candidate}")]
    NoSuchCandidate { candidate: String },
    #[error("the rubric has no criterion {id}")]
    NoSuchCriterion { id: String },
    #[error("not everyone has finished scoring: {names}")]
    Incomplete { names: String },
    #[error("the session is finished")]
    Finished,
}

impl SessionError {
    pub fn message(&self) -> Text {
        let nl = match self {
            SessionError::NotTrainer => {
                "alleen een teamlid met de rol trainer kan een sessie leiden".to_owned()
            }
            SessionError::TooFewParticipants { min, found } => format!(
                "een sessie heeft naast de trainer minstens {min} deelnemers nodig, niet {found}"
            ),
            SessionError::NotAParticipant { name } => {
                format!("{name} doet niet mee aan deze sessie")
            }
            SessionError::RoundNotOpen { round } => {
                format!("ronde {round} is niet open om te scoren")
            }
            SessionError::OutOfScale { score, min, max } => {
                format!("de score {score} valt buiten de schaal van {min} tot {max}")
            }
            SessionError::NoSuchCandidate { candidate } => {
                format!("de oefencasus heeft geen kandidaat {candidate}")
            }
            SessionError::NoSuchCriterion { id } => {
                format!("het beoordelingskader heeft geen criterium {id}")
            }
            SessionError::Incomplete { names } => {
                format!("nog niet iedereen is klaar met scoren: {names}")
            }
            SessionError::Finished => "de sessie is afgerond".to_owned(),
        };
        Text::new(nl, self.to_string())
    }
}

/// Whether a member may act as trainer: lead a session, set the minimum
/// agreement, import or remove training content.
pub fn check_trainer(role: Role) -> Result<(), SessionError> {
    if role == Role::Trainer {
        Ok(())
    } else {
        Err(SessionError::NotTrainer)
    }
}

/// Whether `trainer` may start a session with `participants` scorers.
/// The trainer knows the reference scores, so they never score themselves.
pub fn check_start(
    trainer: Role,
    participants: usize,
    trainer_participates: bool,
) -> Result<(), SessionError> {
    check_trainer(trainer)?;
    let found = participants - usize::from(trainer_participates);
    if found < MIN_PARTICIPANTS {
        return Err(SessionError::TooFewParticipants {
            min: MIN_PARTICIPANTS,
            found,
        });
    }
    Ok(())
}

/// Whether a participant may give `score` in `round` now. `participant` is
/// `None` when the member does not take part, with their name for the message.
pub fn check_score(
    phase: Phase,
    round: u8,
    participant: Result<(), &str>,
    scale: Scale,
    score: i64,
) -> Result<(), SessionError> {
    if let Err(name) = participant {
        return Err(SessionError::NotAParticipant {
            name: name.to_owned(),
        });
    }
    if phase.open_round() != Some(round) {
        return Err(SessionError::RoundNotOpen { round });
    }
    if !u8::try_from(score).is_ok_and(|s| scale.contains(s)) {
        return Err(SessionError::OutOfScale {
            score,
            min: scale.min,
            max: scale.max,
        });
    }
    Ok(())
}

/// The phase after `phase`, when the trainer moves on. A round closes only
/// when every participant has scored every cell; `unfinished` names those who have not.
pub fn check_advance(phase: Phase, unfinished: &[String]) -> Result<Phase, SessionError> {
    let next = phase.next().ok_or(SessionError::Finished)?;
    if phase.open_round().is_some() && !unfinished.is_empty() {
        return Err(SessionError::Incomplete {
            names: unfinished.join(", "),
        });
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCALE: Scale = Scale { min: 1, max: 5 };

    #[test]
    fn only_a_trainer_with_two_other_participants_starts_a_session() {
        assert_eq!(check_start(Role::Trainer, 3, false), Ok(()));
        assert_eq!(
            check_start(Role::Chair, 3, false),
            Err(SessionError::NotTrainer)
        );
        assert_eq!(
            check_start(Role::Trainer, 2, true),
            Err(SessionError::TooFewParticipants { min: 2, found: 1 })
        );
    }

    #[test]
    fn scores_are_given_only_in_the_open_round_and_on_the_scale() {
        assert_eq!(check_score(Phase::Round1, 1, Ok(()), SCALE, 3), Ok(()));
        assert_eq!(
            check_score(Phase::Round1, 2, Ok(()), SCALE, 3),
            Err(SessionError::RoundNotOpen { round: 2 })
        );
        assert_eq!(
            check_score(Phase::Spread, 1, Ok(()), SCALE, 3),
            Err(SessionError::RoundNotOpen { round: 1 })
        );
        assert_eq!(
            check_score(Phase::Round2, 2, Ok(()), SCALE, 6),
            Err(SessionError::OutOfScale {
                score: 6,
                min: 1,
                max: 5
            })
        );
        assert!(matches!(
            check_score(Phase::Round1, 1, Err("Piet"), SCALE, 3),
            Err(SessionError::NotAParticipant { .. })
        ));
    }

    #[test]
    fn scores_and_references_stay_hidden_until_their_moment() {
        assert!(!Phase::Round1.round_visible(1));
        assert!(Phase::Spread.round_visible(1));
        assert!(!Phase::Spread.references_visible());
        assert!(Phase::Reveal.references_visible());
        assert!(!Phase::Round2.round_visible(2));
        assert!(Phase::Done.round_visible(2));
    }

    #[test]
    fn a_round_closes_only_when_everyone_has_finished() {
        assert_eq!(check_advance(Phase::Round1, &[]), Ok(Phase::Spread));
        assert_eq!(
            check_advance(Phase::Round1, &["Priya".into()]),
            Err(SessionError::Incomplete {
                names: "Priya".into()
            })
        );
        assert_eq!(check_advance(Phase::Reveal, &[]), Ok(Phase::Round2));
        assert_eq!(check_advance(Phase::Done, &[]), Err(SessionError::Finished));
        for p in ["round1", "spread", "reveal", "round2", "done"] {
            assert_eq!(Phase::parse(p).unwrap().as_str(), p);
        }
    }
}
