//! The team's decision, and when candidates may be unblinded.
//!
//! The order is fixed: reveal, decide with written reasons, and only then see who the
//! codes are. Deciding after unblinding would let names and parties back into the
//! choice the blinding was meant to protect.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{is_blank, Actor, Round, ScoringError, MAX_REASON_CHARS};
use crate::team::Role;

/// The candidates chosen for one portfolio (or seat), and why. In a round with posts
/// the portfolio is a post's id, so the decision names the post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PortfolioChoice {
    pub portfolio: String,
    /// Candidate codes; may be empty when the team finds nobody suitable, which the
    /// reason then explains.
    pub candidates: Vec<String>,
    pub reason: String,
}

/// A recorded decision. Once recorded it is not replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Decision {
    /// The revealed round the decision rests on.
    pub round: u32,
    pub choices: Vec<PortfolioChoice>,
    pub recorded_by: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Unblinding {
    pub by: String,
    pub at: String,
}

/// What the store keeps about the end of a selection: the decision and the unblinding.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SelectionState {
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unblinded: Option<Unblinding>,
}

impl SelectionState {
    /// Whether a scoring round may still open: not once the decision is recorded, so
    /// a candidate taken in after it can no longer be scored (the intake says so).
    pub fn may_open_round(&self) -> Result<(), ScoringError> {
        if self.decision.is_some() {
            return Err(ScoringError::RoundAfterDecision);
        }
        Ok(())
    }

    /// Records the decision on `round`, which must be the latest round and revealed.
    /// A chair or secretary records it; every portfolio needs a non-blank name and
    /// reason, and every code must be a candidate of the round.
    pub fn decide(
        &mut self,
        actor: &Actor,
        round: &Round,
        choices: Vec<PortfolioChoice>,
        at: &str,
    ) -> Result<&Decision, ScoringError> {
        if !matches!(actor.role, Role::Chair | Role::Secretary) {
            return Err(ScoringError::ChairOrSecretaryOnly);
        }
        if self.decision.is_some() {
            return Err(ScoringError::DecisionAlreadyRecorded);
        }
        if !round.is_revealed() {
            return Err(ScoringError::NotRevealed);
        }
        if choices.is_empty() {
            return Err(ScoringError::EmptyDecision);
        }
        // In a round with posts a choice may name the post as the team calls it
        // ("Financiën"); the decision keeps the post's short name.
        let mut choices = choices;
        for choice in &mut choices {
            let named = choice.portfolio.trim().to_lowercase();
            if let Some(post) = round
                .posts()
                .iter()
                .find(|p| p.name.to_lowercase() == named)
            {
                choice.portfolio = post.id.clone();
            }
        }
        let mut portfolios = BTreeSet::new();
        for choice in &choices {
            if is_blank(&choice.portfolio) || !portfolios.insert(choice.portfolio.trim()) {
                return Err(ScoringError::BadPortfolio {
                    portfolio: choice.portfolio.clone(),
                });
            }
            if !round.posts().is_empty() && !round.posts().iter().any(|p| p.id == choice.portfolio)
            {
                return Err(ScoringError::UnknownPost {
                    post: choice.portfolio.clone(),
                });
            }
            if is_blank(&choice.reason) {
                return Err(ScoringError::DecisionReasonRequired {
                    portfolio: choice.portfolio.clone(),
                });
            }
            if choice.reason.chars().count() > MAX_REASON_CHARS {
                return Err(ScoringError::ReasonTooLong {
                    max: MAX_REASON_CHARS as u32,
                });
            }
            for code in &choice.candidates {
                round.require_candidate(code)?;
            }
        }
        if is_blank(at) {
            return Err(ScoringError::MissingTimestamp);
        }
        Ok(self.decision.insert(Decision {
            round: round.number(),
            choices,
            recorded_by: actor.id.clone(),
            at: at.to_owned(),
        }))
    }

    /// Records that the chair opened the blinding key. Checks [`may_unblind`] first.
    pub fn unblind(&mut self, actor: &Actor, at: &str) -> Result<&Unblinding, ScoringError> {
        may_unblind(actor.role, self)?;
        if is_blank(at) {
            return Err(ScoringError::MissingTimestamp);
        }
        Ok(self.unblinded.insert(Unblinding {
            by: actor.id.clone(),
            at: at.to_owned(),
        }))
    }
}

/// Whether someone in `role` may open the blinding key now: only a chair, only after
/// a decision is recorded, and only once (the unblinding is an event in the log,
/// not a view one can flip back and forth).
pub fn may_unblind(role: Role, state: &SelectionState) -> Result<(), ScoringError> {
    if role != Role::Chair {
        return Err(ScoringError::ChairOnly);
    }
    if state.decision.is_none() {
        return Err(ScoringError::NoDecisionYet);
    }
    if state.unblinded.is_some() {
        return Err(ScoringError::AlreadyUnblinded);
    }
    Ok(())
}
