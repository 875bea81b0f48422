//! What an assessor reads about a candidate while scoring.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{is_blank, ScoringError};

/// Longest candidate code; codes are short labels such as `K-7Q2`, not descriptions.
pub const MAX_CODE_CHARS: usize = 16;

/// A candidate as assessors see them while scoring: a code and the material, nothing else.
///
/// There is deliberately no field for a name, party, birth date, gender, address,
/// photo or contact detail, and no catch-all map where one could be slipped in:
/// `deny_unknown_fields` makes deserialising a record that carries such a field an
/// error instead of a silent drop. Why by construction rather than by a "hidden"
/// flag: hiding fails quietly. Conference tools that hide names in one screen
/// leaked them through a history page, a bio field or a public link; a type that
/// cannot hold identity cannot leak it through any screen built on it. The link
/// between code and person lives only in the blinding key, which the chair opens
/// after the decision (see [`may_unblind`](super::may_unblind)).
///
/// The free text itself can still name a person ("as alderman in Zwolle I…"); redacting
/// it is the blinding module's job before the text reaches this type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct BlindedCandidate {
    pub code: String,
    pub sections: Vec<MaterialSection>,
}

/// One piece of a candidate's material.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct MaterialSection {
    pub kind: SectionKind,
    /// The criterion a written answer responds to; other kinds may name one when
    /// they were written for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub criterion: Option<String>,
    pub text: String,
}

/// The kinds of material there are. A closed list: "personal details" is not a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SectionKind {
    /// The candidate's answer to the question for one criterion.
    WrittenAnswer,
    Motivation,
    CvSummary,
    WorkSample,
}

impl BlindedCandidate {
    /// Checks the code and that every written answer says which criterion it answers.
    pub fn new(
        code: impl Into<String>,
        sections: Vec<MaterialSection>,
    ) -> Result<BlindedCandidate, ScoringError> {
        let code = code.into();
        check_code(&code)?;
        if sections
            .iter()
            .any(|s| s.kind == SectionKind::WrittenAnswer && s.criterion.is_none())
        {
            return Err(ScoringError::AnswerWithoutCriterion { candidate: code });
        }
        Ok(BlindedCandidate { code, sections })
    }

    /// The material to show beside one criterion, for chunked scoring: the written
    /// answers and anything else tied to that criterion.
    pub fn sections_for<'a>(
        &'a self,
        criterion: &'a str,
    ) -> impl Iterator<Item = &'a MaterialSection> + 'a {
        self.sections
            .iter()
            .filter(move |s| s.criterion.as_deref() == Some(criterion))
    }
}

/// A code is short, non-blank and plain: letters, digits and `-`.
pub(crate) fn check_code(code: &str) -> Result<(), ScoringError> {
    let plain = code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if is_blank(code) || code.chars().count() > MAX_CODE_CHARS || !plain {
        return Err(ScoringError::BadCode {
            candidate: code.to_owned(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(kind: SectionKind, criterion: Option<&str>) -> MaterialSection {
        MaterialSection {
            kind,
            criterion: criterion.map(str::to_owned),
            text: "…".into(),
        }
    }

    #[test]
    fn serialised_material_carries_only_code_and_sections() {
        let c = BlindedCandidate::new(
            "K-7Q2",
            vec![
                section(SectionKind::WrittenAnswer, Some("samenwerken")),
                section(SectionKind::CvSummary, None),
            ],
        )
        .unwrap();
        let json = serde_json::to_value(&c).unwrap();
        let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["code", "sections"]);
        for s in json["sections"].as_array().unwrap() {
            for key in s.as_object().unwrap().keys() {
                assert!(
                    ["kind", "criterion", "text"].contains(&key.as_str()),
                    "{key}"
                );
            }
        }
    }

    #[test]
    fn identity_fields_are_refused_when_reading_material() {
        for extra in [
            r#""name":"Jan de Vries""#,
            r#""party":"VVD""#,
            r#""born":"1970-01-01""#,
        ] {
            let json = format!(r#"{{"code":"K-1",{extra},"sections":[]}}"#);
            assert!(
                serde_json::from_str::<BlindedCandidate>(&json).is_err(),
                "{extra}"
            );
        }
        let json =
            r#"{"code":"K-1","sections":[{"kind":"cv_summary","text":"x","email":"a@b.nl"}]}"#;
        assert!(serde_json::from_str::<BlindedCandidate>(json).is_err());
        let ok = r#"{"code":"K-1","sections":[{"kind":"cv_summary","text":"x"}]}"#;
        assert!(serde_json::from_str::<BlindedCandidate>(ok).is_ok());
    }

    #[test]
    fn codes_are_short_plain_labels() {
        assert!(BlindedCandidate::new("K-01", vec![]).is_ok());
        for bad in [
            "",
            "  ",
            "Jan de Vries",
            "K_1",
            &"K".repeat(MAX_CODE_CHARS + 1),
        ] {
            assert_eq!(
                BlindedCandidate::new(bad, vec![]),
                Err(ScoringError::BadCode {
                    candidate: bad.to_owned()
                })
            );
        }
    }

    #[test]
    fn written_answers_must_name_their_criterion() {
        let err = BlindedCandidate::new("K-1", vec![section(SectionKind::WrittenAnswer, None)]);
        assert_eq!(
            err,
            Err(ScoringError::AnswerWithoutCriterion {
                candidate: "K-1".into()
            })
        );
    }

    #[test]
    fn chunked_view_picks_the_sections_of_one_criterion() {
        let c = BlindedCandidate::new(
            "K-1",
            vec![
                section(SectionKind::WrittenAnswer, Some("a")),
                section(SectionKind::WrittenAnswer, Some("b")),
                section(SectionKind::WorkSample, Some("a")),
                section(SectionKind::Motivation, None),
            ],
        )
        .unwrap();
        let kinds: Vec<_> = c.sections_for("a").map(|s| s.kind).collect();
        assert_eq!(kinds, [SectionKind::WrittenAnswer, SectionKind::WorkSample]);
    }
}
