//! Grading exercises for the UI, so the rules live in one place and can be tested.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::exercise::{ChoiceExercise, SpotExercise};
use crate::i18n::Text;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum GradeError {
    #[error("choice {index} does not exist; the exercise has {count} choices")]
    NoSuchChoice { index: usize, count: usize },
    #[error("the range {start}..{end} does not lie on character boundaries of the text")]
    BadRange { start: usize, end: usize },
}

impl GradeError {
    pub fn message(&self) -> Text {
        match self {
            GradeError::NoSuchChoice { index, count } => Text::new(
                format!("keuze {index} bestaat niet; de oefening heeft {count} keuzes"),
                self.to_string(),
            ),
            GradeError::BadRange { start, end } => Text::new(
                format!("het bereik {start}..{end} valt niet op tekengrenzen van de tekst"),
                self.to_string(),
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ChoiceFeedback {
    /// Index into the exercise's `choices`.
    pub index: usize,
    pub correct: bool,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ChoiceResult {
    /// True when exactly the correct choices were selected.
    pub right: bool,
    /// One entry per selected choice, in the order of the choices.
    pub feedback: Vec<ChoiceFeedback>,
    /// Correct choices that were not selected.
    pub missed: Vec<usize>,
}

/// Grades a multiple-choice answer: `selected` are indices into `choices`.
pub fn grade_choice(
    exercise: &ChoiceExercise,
    selected: &[usize],
) -> Result<ChoiceResult, GradeError> {
    let count = exercise.choices.len();
    if let Some(&index) = selected.iter().find(|&&i| i >= count) {
        return Err(GradeError::NoSuchChoice { index, count });
    }
    let mut feedback = Vec::new();
    let mut missed = Vec::new();
    for (index, choice) in exercise.choices.iter().enumerate() {
        if selected.contains(&index) {
            feedback.push(ChoiceFeedback {
                index,
                correct: choice.correct,
                explanation: choice.explanation.clone(),
            });
        } else if choice.correct {
            missed.push(index);
        }
    }
    let right = missed.is_empty() && feedback.iter().all(|f| f.correct);
    Ok(ChoiceResult {
        right,
        feedback,
        missed,
    })
}

/// What the participant clicked in a spot exercise: a byte range of the
/// exercise text (from [`spot_tokens`]) or the words themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "by", rename_all = "lowercase")]
#[ts(export)]
pub enum SpotClick {
    Range { start: usize, end: usize },
    Phrase { phrase: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "result", rename_all = "lowercase")]
#[ts(export)]
pub enum SpotResult {
    /// The click touched a problem phrase; `start..end` is where it is in the text.
    Hit {
        problem: usize,
        phrase: String,
        explanation: String,
        start: usize,
        end: usize,
    },
    Miss,
}

/// Grades a click in a spot exercise. A click hits the problem phrase it
/// overlaps most; clicking one word of "past bij ons" counts.
pub fn grade_spot(exercise: &SpotExercise, click: &SpotClick) -> Result<SpotResult, GradeError> {
    let text = exercise.text.as_str();
    let (start, end) = match click {
        SpotClick::Range { start, end } => {
            let (start, end) = (*start.min(end), *start.max(end));
            if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                return Err(GradeError::BadRange { start, end });
            }
            (start, end)
        }
        SpotClick::Phrase { phrase } => {
            let phrase = phrase.trim();
            match find_case_insensitive(text, phrase) {
                Some(start) if !phrase.is_empty() => (start, start + phrase.len()),
                _ => return Ok(SpotResult::Miss),
            }
        }
    };
    let mut best: Option<(usize, usize, usize, usize)> = None;
    for (index, problem) in exercise.problems.iter().enumerate() {
        if problem.phrase.is_empty() {
            continue;
        }
        for (s, matched) in text.match_indices(problem.phrase.as_str()) {
            let e = s + matched.len();
            let overlap = if start == end {
                usize::from(s <= start && start < e)
            } else {
                end.min(e).saturating_sub(start.max(s))
            };
            if overlap > 0 && best.is_none_or(|(_, _, _, o)| overlap > o) {
                best = Some((index, s, e, overlap));
            }
        }
    }
    Ok(match best {
        Some((index, start, end, _)) => SpotResult::Hit {
            problem: index,
            phrase: exercise.problems[index].phrase.clone(),
            explanation: exercise.problems[index].explanation.clone(),
            start,
            end,
        },
        None => SpotResult::Miss,
    })
}

/// Byte offset of `needle` in `haystack`, ignoring case, on character boundaries.
fn find_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.to_lowercase();
    haystack
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| haystack[i..].to_lowercase().starts_with(&needle))
}

/// A piece of a spot exercise's text: a word the participant can click, or the
/// spaces and punctuation between words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SpotToken {
    /// Byte offsets into the text, to send back in [`SpotClick::Range`].
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub word: bool,
}

/// Splits the exercise text into clickable words and the gaps between them,
/// without telling which words are problems.
pub fn spot_tokens(exercise: &SpotExercise) -> Vec<SpotToken> {
    let text = exercise.text.as_str();
    let mut tokens: Vec<SpotToken> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        // Apostrophes and hyphens inside a word belong to it: "auto's", "ex-wethouder".
        let joins = (c == '\'' || c == '-' || c == '’')
            && n > 0
            && chars[n - 1].1.is_alphanumeric()
            && chars
                .get(n + 1)
                .is_some_and(|&(_, next)| next.is_alphanumeric());
        let word = c.is_alphanumeric() || joins;
        let end = i + c.len_utf8();
        match tokens.last_mut() {
            Some(last) if last.word == word => {
                last.end = end;
                last.text.push(c);
            }
            _ => tokens.push(SpotToken {
                start: i,
                end,
                text: c.to_string(),
                word,
            }),
        }
    }
    tokens
}
