//! Freezing a blinded text: accepted proposals and the secretary's own ranges
//! become one text with a SHA-256, so later edits are detectable.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::{Category, Redaction};
use crate::i18n::Lang;

/// One redaction as applied: `start..end` in the input, `out_start..out_end`
/// in the blinded text. The original words are deliberately not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppliedRedaction {
    pub start: usize,
    pub end: usize,
    pub out_start: usize,
    pub out_end: usize,
    pub category: Category,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BlindedText {
    pub text: String,
    pub redactions: Vec<AppliedRedaction>,
    /// Lower-case hex SHA-256 of `text` (UTF-8).
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum ApplyError {
    #[error("range {start}..{end} is empty or reversed")]
    EmptyRange { start: usize, end: usize },
    #[error("range {start}..{end} lies outside the text ({len} bytes)")]
    OutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("offset {offset} is inside a character")]
    NotCharBoundary { offset: usize },
    #[error("ranges {first_start}..{first_end} and {second_start}..{second_end} overlap")]
    Overlap {
        first_start: usize,
        first_end: usize,
        second_start: usize,
        second_end: usize,
    },
}

impl ApplyError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Nl => match self {
                ApplyError::EmptyRange { start, end } => {
                    format!("het bereik {start}..{end} is leeg of omgekeerd")
                }
                ApplyError::OutOfBounds { start, end, len } => {
                    format!("het bereik {start}..{end} valt buiten de tekst ({len} bytes)")
                }
                ApplyError::NotCharBoundary { offset } => {
                    format!("positie {offset} valt midden in een teken")
                }
                ApplyError::Overlap {
                    first_start,
                    first_end,
                    second_start,
                    second_end,
                } => {
                    format!("de bereiken {first_start}..{first_end} en {second_start}..{second_end} overlappen")
                }
            },
        }
    }
}

pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Replace every accepted range. Ranges may come in any order (accepted
/// proposals and hand-drawn ranges mixed); they must not overlap.
pub fn apply(text: &str, accepted: &[Redaction]) -> Result<BlindedText, ApplyError> {
    let mut sorted: Vec<&Redaction> = accepted.iter().collect();
    sorted.sort_by_key(|r| (r.start, r.end));
    for r in &sorted {
        if r.start >= r.end {
            return Err(ApplyError::EmptyRange {
                start: r.start,
                end: r.end,
            });
        }
        if r.end > text.len() {
            return Err(ApplyError::OutOfBounds {
                start: r.start,
                end: r.end,
                len: text.len(),
            });
        }
        for offset in [r.start, r.end] {
            if !text.is_char_boundary(offset) {
                return Err(ApplyError::NotCharBoundary { offset });
            }
        }
    }
    for pair in sorted.windows(2) {
        if pair[1].start < pair[0].end {
            return Err(ApplyError::Overlap {
                first_start: pair[0].start,
                first_end: pair[0].end,
                second_start: pair[1].start,
                second_end: pair[1].end,
            });
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut redactions = Vec::with_capacity(sorted.len());
    let mut at = 0;
    for r in sorted {
        out.push_str(&text[at..r.start]);
        let out_start = out.len();
        out.push_str(&r.replacement);
        redactions.push(AppliedRedaction {
            start: r.start,
            end: r.end,
            out_start,
            out_end: out.len(),
            category: r.category,
            replacement: r.replacement.clone(),
        });
        at = r.end;
    }
    out.push_str(&text[at..]);
    let sha256 = sha256_hex(&out);
    Ok(BlindedText {
        text: out,
        redactions,
        sha256,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: usize, end: usize) -> Redaction {
        Redaction::manual(start, end, Category::Other, Lang::Nl)
    }

    #[test]
    fn merges_proposals_and_manual_ranges_in_any_order() {
        let text = "Fatima woont in Tilburg.";
        let accepted = [
            Redaction::manual(16, 23, Category::Place, Lang::Nl),
            Redaction::manual(0, 6, Category::Name, Lang::Nl),
        ];
        let b = apply(text, &accepted).unwrap();
        assert_eq!(b.text, "de kandidaat woont in [plaats].");
        assert_eq!(
            (b.redactions[0].out_start, b.redactions[0].out_end),
            (0, 12)
        );
        assert_eq!(
            &b.text[b.redactions[1].out_start..b.redactions[1].out_end],
            "[plaats]"
        );
        assert_eq!(b.sha256, sha256_hex("de kandidaat woont in [plaats]."));
        assert_eq!(b.sha256.len(), 64);
    }

    #[test]
    fn bad_ranges_are_errors() {
        let text = "Özdemir is hier";
        assert_eq!(
            apply(text, &[r(0, 99)]),
            Err(ApplyError::OutOfBounds {
                start: 0,
                end: 99,
                len: text.len()
            })
        );
        assert_eq!(
            apply(text, &[r(1, 3)]),
            Err(ApplyError::NotCharBoundary { offset: 1 })
        );
        assert_eq!(
            apply(text, &[r(3, 3)]),
            Err(ApplyError::EmptyRange { start: 3, end: 3 })
        );
        assert!(matches!(
            apply(text, &[r(0, 8), r(5, 10)]),
            Err(ApplyError::Overlap { .. })
        ));
        assert!(apply(text, &[r(0, 8), r(5, 10)])
            .unwrap_err()
            .message(Lang::Nl)
            .contains("overlappen"));
        assert_eq!(apply(text, &[]).unwrap().text, text);
    }
}
