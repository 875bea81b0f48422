//! Practice cases (`content/cases/<id>.toml`): fictional candidates with written
//! answers and a reference score per rubric criterion, for calibration.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;
use ts_rs::TS;

use super::diagnostic::{toml_error, Diagnostic, Embedded, Source, TomlProblem};
use super::exercise::{require_id, require_text};
use super::module::Place;
use crate::i18n::Text;
use crate::rubric::{AnchorLookup, Criterion, Rubric};

/// Youngest and oldest age a fictional candidate may have: a wethouder must be
/// able to stand for election, so at least 18.
pub const CANDIDATE_AGES: std::ops::RangeInclusive<i64> = 18..=110;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Gender {
    Vrouw,
    Man,
    Anders,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Case {
    pub id: String,
    pub title: String,
    pub municipality: String,
    /// Id of the rubric in `content/rubrics/` the candidates are scored on.
    pub rubric: String,
    /// Situation text for participants, in Markdown.
    pub intro: String,
    pub candidates: Vec<CaseCandidate>,
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) places: CasePlaces,
}

/// A fictional candidate. `code` is what participants see; the identity
/// fields are for the trainer's reveal afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CaseCandidate {
    pub code: String,
    pub name: String,
    pub gender: Gender,
    pub age: u32,
    pub background: String,
    pub education: String,
    /// For the trainer only: which trap each answer sets and the discussion to expect.
    pub trainer_key: Option<String>,
    /// Written answer per criterion id.
    pub answers: BTreeMap<String, String>,
    /// Reference score per criterion id.
    pub reference: BTreeMap<String, Reference>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Reference {
    pub score: u8,
    pub justification: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CasePlaces {
    pub path: String,
    pub id: Place,
    pub rubric: Place,
    pub candidates: Vec<CandidatePlaces>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CandidatePlaces {
    pub answers: Place,
    pub reference: Place,
    pub answer_keys: Vec<(String, Place)>,
    /// Criterion id, where the key is, where its score is.
    pub reference_keys: Vec<(String, Place, Place)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseRaw {
    id: Spanned<String>,
    title: Spanned<String>,
    municipality: Spanned<String>,
    rubric: Spanned<String>,
    intro: Spanned<String>,
    candidates: Spanned<Vec<CandidateRaw>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CandidateRaw {
    code: Spanned<String>,
    name: Spanned<String>,
    gender: Gender,
    age: Spanned<i64>,
    background: Spanned<String>,
    education: Spanned<String>,
    trainer_key: Option<String>,
    answers: Spanned<BTreeMap<Spanned<String>, Spanned<String>>>,
    reference: Spanned<BTreeMap<Spanned<String>, ReferenceRaw>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReferenceRaw {
    score: Spanned<i64>,
    justification: Spanned<String>,
}

/// Parses a case file. Whether its answers fit the rubric is checked by
/// [`check_case_against_rubric`], since that needs the rubric.
pub fn parse_case(path: &str, text: &str) -> Result<Case, Vec<Diagnostic>> {
    let source = Source::new(path, text);
    let whole = Embedded::at(0);
    let raw: CaseRaw =
        toml::from_str(text).map_err(|e| vec![toml_error(&e).into_diagnostic(&source, &whole)])?;
    let problems = check_case(&raw);
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|p| p.into_diagnostic(&source, &whole))
            .collect());
    }
    let place = |offset: usize| {
        let (line, column) = source.position(offset);
        Place { line, column }
    };
    let candidate_places = raw
        .candidates
        .get_ref()
        .iter()
        .map(|c| CandidatePlaces {
            answers: place(c.answers.span().start),
            reference: place(c.reference.span().start),
            answer_keys: c
                .answers
                .get_ref()
                .keys()
                .map(|k| (k.get_ref().clone(), place(k.span().start)))
                .collect(),
            reference_keys: c
                .reference
                .get_ref()
                .iter()
                .map(|(k, r)| {
                    (
                        k.get_ref().clone(),
                        place(k.span().start),
                        place(r.score.span().start),
                    )
                })
                .collect(),
        })
        .collect();
    Ok(Case {
        places: CasePlaces {
            path: path.to_owned(),
            id: place(raw.id.span().start),
            rubric: place(raw.rubric.span().start),
            candidates: candidate_places,
        },
        id: raw.id.into_inner(),
        title: raw.title.into_inner(),
        municipality: raw.municipality.into_inner(),
        rubric: raw.rubric.into_inner(),
        intro: raw.intro.into_inner(),
        candidates: raw
            .candidates
            .into_inner()
            .into_iter()
            .map(|c| CaseCandidate {
                code: c.code.into_inner(),
                name: c.name.into_inner(),
                gender: c.gender,
                age: *c.age.get_ref() as u32,
                background: c.background.into_inner(),
                education: c.education.into_inner(),
                trainer_key: c.trainer_key,
                answers: c
                    .answers
                    .into_inner()
                    .into_iter()
                    .map(|(k, v)| (k.into_inner(), v.into_inner()))
                    .collect(),
                reference: c
                    .reference
                    .into_inner()
                    .into_iter()
                    .map(|(k, r)| {
                        (
                            k.into_inner(),
                            Reference {
                                score: *r.score.get_ref() as u8,
                                justification: r.justification.into_inner(),
                            },
                        )
                    })
                    .collect(),
            })
            .collect(),
    })
}

fn check_case(raw: &CaseRaw) -> Vec<TomlProblem> {
    let mut problems = Vec::new();
    require_id(&raw.id, "id", &mut problems);
    require_id(&raw.rubric, "rubric", &mut problems);
    for (field, key) in [
        (&raw.title, "title"),
        (&raw.municipality, "municipality"),
        (&raw.intro, "intro"),
    ] {
        require_text(field, key, &mut problems);
    }
    let candidates = raw.candidates.get_ref();
    if candidates.is_empty() {
        problems.push(TomlProblem::new(
            raw.candidates.span().start,
            Text::new(
                "een casus heeft minstens één `[[candidates]]`",
                "a case needs at least one `[[candidates]]`",
            ),
        ));
    }
    for (i, c) in candidates.iter().enumerate() {
        require_text(&c.code, "code", &mut problems);
        if candidates[..i]
            .iter()
            .any(|o| o.code.get_ref() == c.code.get_ref())
        {
            problems.push(TomlProblem::new(
                c.code.span().start,
                Text::new(
                    format!(
                        "code \"{}\" is al gebruikt voor een andere kandidaat",
                        c.code.get_ref()
                    ),
                    format!(
                        "code \"{}\" is already used for another candidate",
                        c.code.get_ref()
                    ),
                ),
            ));
        }
        for (field, key) in [
            (&c.name, "name"),
            (&c.background, "background"),
            (&c.education, "education"),
        ] {
            require_text(field, key, &mut problems);
        }
        let age = *c.age.get_ref();
        if !CANDIDATE_AGES.contains(&age) {
            problems.push(TomlProblem::new(
                c.age.span().start,
                Text::new(
                    format!(
                        "`age` moet tussen {} en {} liggen, niet {age}",
                        CANDIDATE_AGES.start(),
                        CANDIDATE_AGES.end()
                    ),
                    format!(
                        "`age` must be between {} and {}, not {age}",
                        CANDIDATE_AGES.start(),
                        CANDIDATE_AGES.end()
                    ),
                ),
            ));
        }
        for answer in c.answers.get_ref().values() {
            require_text(answer, "answers", &mut problems);
        }
        for reference in c.reference.get_ref().values() {
            require_text(&reference.justification, "justification", &mut problems);
            let score = *reference.score.get_ref();
            if u8::try_from(score).is_err() {
                problems.push(score_problem(reference.score.span().start, score, None));
            }
        }
    }
    problems
}

fn score_problem(offset: usize, score: i64, scale: Option<(u8, u8)>) -> TomlProblem {
    let message = match scale {
        Some((min, max)) => Text::new(
            format!(
                "`score` moet tussen {min} en {max} liggen (de schaal van de rubric), niet {score}"
            ),
            format!("`score` must be between {min} and {max} (the rubric's scale), not {score}"),
        ),
        None => Text::new(
            format!("`score` moet een geheel getal van 0 tot en met 255 zijn, niet {score}"),
            format!("`score` must be a whole number from 0 to 255, not {score}"),
        ),
    };
    TomlProblem::new(offset, message)
}

/// Checks that every candidate answers and has a reference score for exactly
/// the criteria of `rubric`, with scores on its scale.
/// The shortest quote that counts as quoting an anchor: long enough that it
/// cannot match a few common words by chance.
const MIN_QUOTE_CHARS: usize = 15;

/// The parts of `text` between double quotes ("…", “…” or „…”).
fn quotes(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '"' | '“' | '„') => open = Some(i + c.len_utf8()),
            (Some(start), '"' | '”' | '“') => {
                out.push(&text[start..i]);
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Lowercase, without the sentence punctuation a quote may drop at its ends.
fn normalized(text: &str) -> String {
    text.trim()
        .trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '…'))
        .trim()
        .to_lowercase()
}

/// A participant who applies the anchors literally must be able to retrace a
/// reference score, so its justification quotes the anchor of its level, or
/// for an in-between level one of the anchors around it.
fn unquoted_anchor(code: &str, criterion: &Criterion, reference: &Reference) -> Option<Text> {
    let anchors: Vec<String> = match criterion.anchor_for(reference.score) {
        AnchorLookup::Anchored { text, .. } => vec![text],
        AnchorLookup::Between { below, above, .. } => {
            below.into_iter().chain(above).map(|a| a.text).collect()
        }
    };
    if anchors.is_empty() {
        return None;
    }
    let anchors: Vec<String> = anchors.iter().map(|a| normalized(a)).collect();
    let quoted = quotes(&reference.justification).into_iter().any(|q| {
        let q = normalized(q);
        q.chars().count() >= MIN_QUOTE_CHARS && anchors.iter().any(|a| a.contains(&q))
    });
    (!quoted).then(|| {
        let id = &criterion.id;
        let score = reference.score;
        Text::new(
            format!("de toelichting bij referentiescore {score} van {code} op `{id}` citeert geen anker van dat niveau: zet minstens {MIN_QUOTE_CHARS} tekens uit het anker letterlijk tussen aanhalingstekens"),
            format!("the justification of reference score {score} for {code} on `{id}` quotes no anchor of that level: put at least {MIN_QUOTE_CHARS} characters of the anchor in double quotes, word for word"),
        )
    })
}

pub fn check_case_against_rubric(case: &Case, rubric: &Rubric) -> Vec<Diagnostic> {
    let path = case.places.path.as_str();
    let mut out = Vec::new();
    let known = |id: &str| rubric.criteria.iter().any(|c| c.id == id);
    for (candidate, places) in case.candidates.iter().zip(&case.places.candidates) {
        let code = &candidate.code;
        for criterion in &rubric.criteria {
            let id = &criterion.id;
            if !candidate.answers.contains_key(id) {
                out.push(places.answers.diagnostic(
                    path,
                    Text::new(
                        format!("kandidaat {code} heeft geen antwoord voor criterium `{id}` van rubric `{}`", rubric.id),
                        format!("candidate {code} has no answer for criterion `{id}` of rubric `{}`", rubric.id),
                    ),
                ));
            }
            if !candidate.reference.contains_key(id) {
                out.push(places.reference.diagnostic(
                    path,
                    Text::new(
                        format!("kandidaat {code} heeft geen referentiescore voor criterium `{id}` van rubric `{}`", rubric.id),
                        format!("candidate {code} has no reference score for criterion `{id}` of rubric `{}`", rubric.id),
                    ),
                ));
            }
        }
        let unknown = |id: &str| {
            Text::new(
                format!("rubric `{}` heeft geen criterium `{id}`", rubric.id),
                format!("rubric `{}` has no criterion `{id}`", rubric.id),
            )
        };
        for (id, place) in &places.answer_keys {
            if !known(id) {
                out.push(place.diagnostic(path, unknown(id)));
            }
        }
        for (id, place, score_place) in &places.reference_keys {
            if !known(id) {
                out.push(place.diagnostic(path, unknown(id)));
            }
            if let Some(reference) = candidate.reference.get(id) {
                if let Some(criterion) = rubric.criterion(id) {
                    if let Some(message) = unquoted_anchor(code, criterion, reference) {
                        out.push(place.diagnostic(path, message));
                    }
                }
                if !(rubric.scale.min..=rubric.scale.max).contains(&reference.score) {
                    let problem = score_problem(
                        0,
                        i64::from(reference.score),
                        Some((rubric.scale.min, rubric.scale.max)),
                    );
                    out.push(score_place.diagnostic(path, problem.message));
                }
            }
        }
    }
    out
}
