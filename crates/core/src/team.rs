//! Formation teams and their members.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest team or member name we accept; long enough for
/// "Gemeente Súdwest-Fryslân — formatie 2026 (tweede ronde)" and then some.
pub const MAX_NAME_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum NameError {
    #[error("the name is empty")]
    Empty,
    #[error("the name is longer than {max} characters")]
    TooLong { max: usize },
    #[error("the name contains a control character")]
    ControlCharacter,
}

/// A trimmed, non-empty, printable name of bounded length.
pub fn clean_name(raw: &str) -> Result<String, NameError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(NameError::TooLong { max: MAX_NAME_CHARS });
    }
    if name.chars().any(char::is_control) {
        return Err(NameError::ControlCharacter);
    }
    Ok(name.to_owned())
}

/// What a member does in the formation; decides which actions the app offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    Chair,
    Secretary,
    Assessor,
    Trainer,
    Committee,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Chair,
        Role::Secretary,
        Role::Assessor,
        Role::Trainer,
        Role::Committee,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::Secretary => "secretary",
            Role::Assessor => "assessor",
            Role::Trainer => "trainer",
            Role::Committee => "committee",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Chairs and secretaries score too: in a formation they are usually negotiators.
    pub fn scores(self) -> bool {
        matches!(self, Role::Chair | Role::Secretary | Role::Assessor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(clean_name("  Gemeente Voorbeeld  ").unwrap(), "Gemeente Voorbeeld");
        assert_eq!(clean_name(" \t "), Err(NameError::Empty));
        assert_eq!(
            clean_name(&"x".repeat(MAX_NAME_CHARS + 1)),
            Err(NameError::TooLong { max: MAX_NAME_CHARS })
        );
        assert_eq!(clean_name("a\u{7}b"), Err(NameError::ControlCharacter));
        assert!(clean_name(&"é".repeat(MAX_NAME_CHARS)).is_ok());
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("king"), None);
    }
}
