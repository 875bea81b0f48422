//! A dissent note: before the decision is recorded, each member who takes part in
//! the selection may write down, with reasons, that they disagree. The note is
//! logged and printed in the decision report; it does not change the decision.

use serde::Serialize;
use ts_rs::TS;

use super::{is_blank, SelectionState};
use crate::i18n::Text;

/// The longest note: a short reasoned paragraph, not a second report.
pub const MAX_DISSENT_CHARS: usize = 1000;

/// Why a dissent note was refused; nothing was saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum DissentError {
    #[error("the decision is recorded already")]
    AfterDecision,
    #[error("a dissent note needs its reasons")]
    Empty,
    #[error("a dissent note is at most {max} characters")]
    TooLong { max: u32 },
    #[error("this member has recorded a dissent note already")]
    AlreadyRecorded,
}

impl DissentError {
    pub fn text(&self) -> Text {
        match self {
            DissentError::AfterDecision => Text::new(
                "Het besluit is al vastgelegd. Een afwijkende mening legt u vast vóór het besluit.",
                "The decision is recorded already. A dissent is recorded before the decision.",
            ),
            DissentError::Empty => Text::new(
                "Schrijf op waarom u het oneens bent; een lege notitie wordt niet bewaard.",
                "Write down why you disagree; an empty note is not saved.",
            ),
            DissentError::TooLong { max } => Text::new(
                format!("Een afwijkende mening is hoogstens {max} tekens."),
                format!("A dissent is at most {max} characters."),
            ),
            DissentError::AlreadyRecorded => Text::new(
                "U hebt al een afwijkende mening vastgelegd; die staat in het logboek en wordt niet vervangen.",
                "You have recorded a dissent already; it is in the log and is not replaced.",
            ),
        }
    }
}

/// The note as it is kept (trimmed), or why it may not be recorded now.
pub fn check_dissent(
    text: &str,
    state: &SelectionState,
    already: bool,
) -> Result<String, DissentError> {
    if state.decision.is_some() {
        return Err(DissentError::AfterDecision);
    }
    if already {
        return Err(DissentError::AlreadyRecorded);
    }
    if is_blank(text) {
        return Err(DissentError::Empty);
    }
    let text = text.trim();
    if text.chars().count() > MAX_DISSENT_CHARS {
        return Err(DissentError::TooLong {
            max: MAX_DISSENT_CHARS as u32,
        });
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::Decision;

    #[test]
    fn a_note_is_kept_trimmed_before_the_decision_and_refused_after_it() {
        let open = SelectionState::default();
        assert_eq!(
            check_dissent("  Te weinig ervaring met begrotingen.  ", &open, false),
            Ok("Te weinig ervaring met begrotingen.".to_owned())
        );
        assert_eq!(
            check_dissent(" \n ", &open, false),
            Err(DissentError::Empty)
        );
        assert_eq!(
            check_dissent(&"x".repeat(MAX_DISSENT_CHARS + 1), &open, false),
            Err(DissentError::TooLong { max: 1000 })
        );
        assert_eq!(
            check_dissent("Oneens.", &open, true),
            Err(DissentError::AlreadyRecorded)
        );
        let decided = SelectionState {
            decision: Some(Decision {
                round: 1,
                choices: vec![],
                recorded_by: "Anneke".into(),
                at: "2026-12-02T10:00:00Z".into(),
            }),
            unblinded: None,
        };
        let refused = check_dissent("Oneens.", &decided, false).unwrap_err();
        assert_eq!(refused, DissentError::AfterDecision);
        assert!(refused.text().nl.contains("vóór het besluit"));
    }
}
