//! Exercises: fenced code blocks with the info string `exercise` and a TOML body.

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use ts_rs::TS;

use super::diagnostic::{toml_error, TomlProblem};
use super::is_valid_id;
use crate::i18n::Text;

/// An interactive part of a module. The UI shows it where the module's HTML
/// has `<div class="exercise" data-exercise-id="ID">`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum Exercise {
    Choice(ChoiceExercise),
    Spot(SpotExercise),
    Case(CaseExercise),
}

impl Exercise {
    pub fn id(&self) -> &str {
        match self {
            Exercise::Choice(e) => &e.id,
            Exercise::Spot(e) => &e.id,
            Exercise::Case(e) => &e.id,
        }
    }

    /// The words a participant reads, for full-text search.
    pub(crate) fn plain_text(&self) -> String {
        match self {
            Exercise::Choice(e) => std::iter::once(e.question.as_str())
                .chain(e.choices.iter().map(|c| c.text.as_str()))
                .collect::<Vec<_>>()
                .join("\n"),
            Exercise::Spot(e) => format!("{}\n{}", e.instruction, e.text),
            Exercise::Case(e) => e.instruction.clone(),
        }
    }
}

/// Multiple choice: one or more choices are right, and each choice explains itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ChoiceExercise {
    pub id: String,
    pub question: String,
    pub choices: Vec<Choice>,
}

impl ChoiceExercise {
    /// Exactly one choice is right: the question takes one answer, and the app offers
    /// radio buttons instead of checkboxes (which would suggest that several may be right).
    pub fn single_answer(&self) -> bool {
        self.choices.iter().filter(|c| c.correct).count() == 1
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    pub explanation: String,
}

/// Spot the problem: the participant clicks the biased or vague phrases in `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SpotExercise {
    pub id: String,
    pub instruction: String,
    pub text: String,
    pub problems: Vec<SpotProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SpotProblem {
    /// Occurs literally in the exercise's `text`.
    pub phrase: String,
    pub explanation: String,
}

/// A practice case from `content/cases/`, run as a calibration exercise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CaseExercise {
    pub id: String,
    pub case: String,
    pub instruction: String,
}

/// An exercise with the places (offsets in its TOML) that cross-file checks point at.
pub(crate) struct ParsedExercise {
    pub exercise: Exercise,
    pub id_offset: usize,
    pub case_offset: Option<usize>,
}

#[derive(Deserialize)]
struct KindProbe {
    kind: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceRaw {
    id: Spanned<String>,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    question: Spanned<String>,
    choices: Spanned<Vec<ChoiceItemRaw>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceItemRaw {
    text: Spanned<String>,
    correct: bool,
    explanation: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpotRaw {
    id: Spanned<String>,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    instruction: Spanned<String>,
    text: Spanned<String>,
    problems: Spanned<Vec<SpotProblemRaw>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpotProblemRaw {
    phrase: Spanned<String>,
    explanation: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseRaw {
    id: Spanned<String>,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    case: Spanned<String>,
    instruction: Spanned<String>,
}

/// Parses one exercise body. Offsets in the problems are into `toml`.
pub(crate) fn parse_exercise(toml: &str) -> Result<ParsedExercise, Vec<TomlProblem>> {
    // Parsed once; the kind probe and the full read each deserialise a copy.
    let root = toml::de::DeTable::parse(toml).map_err(|e| vec![toml_error(&e)])?;
    let read = || toml::de::Deserializer::from(root.clone());
    let probe = KindProbe::deserialize(read()).map_err(|e| vec![toml_error(&e)])?;
    let Some(kind) = probe.kind else {
        return Err(vec![TomlProblem::new(
            0,
            Text::new(
                "verplichte sleutel `kind` ontbreekt; kies \"choice\", \"spot\" of \"case\"",
                "required key `kind` is missing; use \"choice\", \"spot\" or \"case\"",
            ),
        )]);
    };
    let mut problems = Vec::new();
    let parsed =
        match kind.get_ref().as_str() {
            "choice" => {
                let raw = ChoiceRaw::deserialize(read()).map_err(|e| vec![toml_error(&e)])?;
                check_choice(&raw, &mut problems);
                ParsedExercise {
                    id_offset: raw.id.span().start,
                    case_offset: None,
                    exercise: Exercise::Choice(ChoiceExercise {
                        id: raw.id.into_inner(),
                        question: raw.question.into_inner(),
                        choices: raw
                            .choices
                            .into_inner()
                            .into_iter()
                            .map(|c| Choice {
                                text: c.text.into_inner(),
                                correct: c.correct,
                                explanation: c.explanation.into_inner(),
                            })
                            .collect(),
                    }),
                }
            }
            "spot" => {
                let raw = SpotRaw::deserialize(read()).map_err(|e| vec![toml_error(&e)])?;
                check_spot(&raw, &mut problems);
                ParsedExercise {
                    id_offset: raw.id.span().start,
                    case_offset: None,
                    exercise: Exercise::Spot(SpotExercise {
                        id: raw.id.into_inner(),
                        instruction: raw.instruction.into_inner(),
                        text: raw.text.into_inner(),
                        problems: raw
                            .problems
                            .into_inner()
                            .into_iter()
                            .map(|p| SpotProblem {
                                phrase: p.phrase.into_inner(),
                                explanation: p.explanation.into_inner(),
                            })
                            .collect(),
                    }),
                }
            }
            "case" => {
                let raw = CaseRaw::deserialize(read()).map_err(|e| vec![toml_error(&e)])?;
                require_id(&raw.case, "case", &mut problems);
                require_text(&raw.instruction, "instruction", &mut problems);
                check_id(&raw.id, &mut problems);
                ParsedExercise {
                    id_offset: raw.id.span().start,
                    case_offset: Some(raw.case.span().start),
                    exercise: Exercise::Case(CaseExercise {
                        id: raw.id.into_inner(),
                        case: raw.case.into_inner(),
                        instruction: raw.instruction.into_inner(),
                    }),
                }
            }
            other => {
                return Err(vec![TomlProblem::new(
            kind.span().start,
            Text::new(
                format!(
                    "onbekende soort oefening \"{other}\"; kies \"choice\", \"spot\" of \"case\""
                ),
                format!("unknown exercise kind \"{other}\"; use \"choice\", \"spot\" or \"case\""),
            ),
        )])
            }
        };
    if problems.is_empty() {
        Ok(parsed)
    } else {
        Err(problems)
    }
}

fn check_choice(raw: &ChoiceRaw, problems: &mut Vec<TomlProblem>) {
    check_id(&raw.id, problems);
    require_text(&raw.question, "question", problems);
    let choices = raw.choices.get_ref();
    if choices.len() < 2 {
        problems.push(TomlProblem::new(
            raw.choices.span().start,
            Text::new(
                format!(
                    "een meerkeuzevraag heeft minstens twee keuzes (`[[choices]]`), deze heeft er {}",
                    choices.len()
                ),
                format!(
                    "a choice exercise needs at least two choices (`[[choices]]`), this one has {}",
                    choices.len()
                ),
            ),
        ));
    } else if !choices.iter().any(|c| c.correct) {
        problems.push(TomlProblem::new(
            raw.choices.span().start,
            Text::new(
                "geen enkele keuze is goed: zet bij minstens één keuze `correct = true`",
                "no choice is right: set `correct = true` on at least one choice",
            ),
        ));
    }
    for choice in choices {
        require_text(&choice.text, "text", problems);
        require_text(&choice.explanation, "explanation", problems);
    }
}

fn check_spot(raw: &SpotRaw, problems: &mut Vec<TomlProblem>) {
    check_id(&raw.id, problems);
    require_text(&raw.instruction, "instruction", problems);
    require_text(&raw.text, "text", problems);
    let list = raw.problems.get_ref();
    if list.is_empty() {
        problems.push(TomlProblem::new(
            raw.problems.span().start,
            Text::new(
                "een vind-de-fout-oefening heeft minstens één `[[problems]]`",
                "a spot exercise needs at least one `[[problems]]`",
            ),
        ));
    }
    let text = raw.text.get_ref();
    for (i, problem) in list.iter().enumerate() {
        let phrase = problem.phrase.get_ref();
        require_text(&problem.explanation, "explanation", problems);
        if phrase.trim().is_empty() {
            require_text(&problem.phrase, "phrase", problems);
        } else if !text.contains(phrase.as_str()) {
            problems.push(TomlProblem::new(
                problem.phrase.span().start,
                Text::new(
                    format!("\"{phrase}\" komt niet letterlijk voor in `text`"),
                    format!("\"{phrase}\" does not occur literally in `text`"),
                ),
            ));
        } else if list[..i].iter().any(|p| p.phrase.get_ref() == phrase) {
            problems.push(TomlProblem::new(
                problem.phrase.span().start,
                Text::new(
                    format!("\"{phrase}\" staat al eerder in `problems`"),
                    format!("\"{phrase}\" is already listed in `problems`"),
                ),
            ));
        }
    }
}

fn check_id(id: &Spanned<String>, problems: &mut Vec<TomlProblem>) {
    require_id(id, "id", problems);
}

pub(crate) fn require_id(id: &Spanned<String>, key: &str, problems: &mut Vec<TomlProblem>) {
    if !is_valid_id(id.get_ref()) {
        problems.push(TomlProblem::new(
            id.span().start,
            Text::new(
                format!(
                    "`{key}` \"{}\" mag alleen kleine letters, cijfers en streepjes bevatten",
                    id.get_ref()
                ),
                format!(
                    "`{key}` \"{}\" may only contain lowercase letters, digits and hyphens",
                    id.get_ref()
                ),
            ),
        ));
    }
}

pub(crate) fn require_text(value: &Spanned<String>, key: &str, problems: &mut Vec<TomlProblem>) {
    if value.get_ref().trim().is_empty() {
        problems.push(TomlProblem::new(
            value.span().start,
            Text::new(format!("`{key}` is leeg"), format!("`{key}` is empty")),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(correct: bool) -> Choice {
        Choice {
            text: "x".into(),
            correct,
            explanation: "y".into(),
        }
    }

    #[test]
    fn a_question_with_one_right_choice_takes_one_answer() {
        let mut e = ChoiceExercise {
            id: "q".into(),
            question: "Welk niveau past het best?".into(),
            choices: vec![choice(false), choice(true), choice(false)],
        };
        assert!(e.single_answer());
        e.choices[2].correct = true;
        assert!(!e.single_answer(), "two right answers: checkboxes");
    }
}
