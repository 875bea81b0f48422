//! Who a text is about: the facts the assistant searches for.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::i18n::Lang;

/// The person a text is about. Only `name` is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Identity {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Party name; "Partij van de Arbeid (PvdA)" gives the abbreviation too,
    /// and well-known Dutch parties bring their other names along.
    #[serde(default)]
    pub party: Option<String>,
    #[serde(default)]
    #[ts(as = "Option<String>")]
    pub birth_date: Option<IsoDate>,
    #[serde(default)]
    pub birth_place: Option<String>,
    /// Anything else that identifies the person: a school, a sports club, a street.
    #[serde(default)]
    pub extra: Vec<String>,
}

/// A calendar date written YYYY-MM-DD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IsoDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl IsoDate {
    pub fn parse(s: &str) -> Option<IsoDate> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1000 && (1..=days).contains(&day)).then_some(IsoDate {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IsoDate, D::Error> {
        // TOML lets people write the date bare (birth_date = 1983-03-12): accept both.
        let raw = match toml::Value::deserialize(d)? {
            toml::Value::String(s) => s,
            toml::Value::Datetime(dt) => dt.to_string(),
            other => {
                return Err(serde::de::Error::custom(format!(
                    "expected a date YYYY-MM-DD, found {}",
                    other.type_str()
                )))
            }
        };
        IsoDate::parse(&raw).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid date {raw:?}: expected an existing date YYYY-MM-DD"
            ))
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    #[error("line {line}, column {column}: {message}")]
    Invalid {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the name is empty")]
    EmptyName,
}

impl IdentityError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (
                IdentityError::Invalid {
                    line,
                    column,
                    message,
                },
                Lang::Nl,
            ) => {
                format!("regel {line}, kolom {column}: {message}")
            }
            (IdentityError::EmptyName, Lang::Nl) => "de naam is leeg".to_owned(),
        }
    }
}

/// 1-based line and column of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

impl Identity {
    pub fn new(name: impl Into<String>) -> Identity {
        Identity {
            name: name.into(),
            aliases: vec![],
            party: None,
            birth_date: None,
            birth_place: None,
            extra: vec![],
        }
    }

    pub fn from_toml(text: &str) -> Result<Identity, IdentityError> {
        let identity: Identity = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            IdentityError::Invalid {
                line,
                column,
                message: e.message().trim().to_owned(),
            }
        })?;
        if identity.name.trim().is_empty() {
            return Err(IdentityError::EmptyName);
        }
        Ok(identity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_full_identity() {
        let id = Identity::from_toml(
            "name = \"Fatima el Amrani\"\naliases = [\"Fati\"]\nparty = \"GroenLinks-PvdA\"\nbirth_date = \"1983-03-12\"\nbirth_place = \"Tilburg\"\nextra = [\"De Regenboog\"]\n",
        )
        .unwrap();
        assert_eq!(id.name, "Fatima el Amrani");
        assert_eq!(
            id.birth_date,
            Some(IsoDate {
                year: 1983,
                month: 3,
                day: 12
            })
        );
        assert_eq!(id.aliases, ["Fati"]);
    }

    #[test]
    fn accepts_a_bare_toml_date() {
        let id = Identity::from_toml("name = \"A B\"\nbirth_date = 1990-02-28\n").unwrap();
        assert_eq!(id.birth_date.unwrap().to_string(), "1990-02-28");
    }

    #[test]
    fn invalid_dates_and_missing_names_are_errors_with_a_position() {
        let err = Identity::from_toml("name = \"A B\"\nbirth_date = \"1983-02-30\"\n").unwrap_err();
        assert!(
            matches!(
                err,
                IdentityError::Invalid {
                    line: 2,
                    column: 14,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.message(Lang::Nl).starts_with("regel 2, kolom 14"));
        let err = Identity::from_toml("aliases = []\n").unwrap_err();
        assert!(err.to_string().contains("name"), "{err}");
        let err = Identity::from_toml("name = \"A\"\nnaam = \"B\"\n").unwrap_err();
        assert!(
            matches!(
                err,
                IdentityError::Invalid {
                    line: 2,
                    column: 1,
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(
            Identity::from_toml("name = \"  \""),
            Err(IdentityError::EmptyName)
        );
    }
}
