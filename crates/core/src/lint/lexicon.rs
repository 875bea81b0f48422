//! The linter's word lists, read from `content/lexicon/lint-*.toml` so a
//! trainer can read and extend them. The format is documented in
//! `content/lexicon/README.md`.

use std::fmt;

use serde::{Deserialize, Serialize};
use toml::Spanned;
use ts_rs::TS;

use super::matcher::{self, MatchMode, Pattern};
use super::{Rule, Severity};
use crate::i18n::{Lang, Text};
use crate::rubric::Position;

/// What a lexicon entry is about. The first kinds produce findings; `grade`
/// and `competency` are word lists the structure rules use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum Kind {
    Vague,
    Age,
    Language,
    Origin,
    Family,
    Health,
    Religion,
    Appearance,
    Tenure,
    Education,
    Masculine,
    Feminine,
    /// Asks whether a candidate fits the group rather than what they do ("past in het college").
    Fit,
    /// Bare grades ("goed", "voldoende"): an anchor made only of these describes no behaviour.
    Grade,
    /// Names of abilities ("leiderschap", "communicatie"): two joined in one criterion is two criteria.
    Competency,
    /// A name that joins words but measures one quality ("Integriteit en omgang met
    /// belangen"): the compound rule leaves it alone, and its explanation says why.
    OneQuality,
}

impl Kind {
    /// The lint rule an occurrence of this kind of term raises, if any.
    pub fn rule(self) -> Option<Rule> {
        Some(match self {
            Kind::Vague => Rule::VagueTerm,
            Kind::Age => Rule::ExcludesAge,
            Kind::Language => Rule::ExcludesLanguage,
            Kind::Origin => Rule::ExcludesOrigin,
            Kind::Family => Rule::ExcludesFamily,
            Kind::Health => Rule::ExcludesHealth,
            Kind::Religion => Rule::ExcludesReligion,
            Kind::Appearance => Rule::ExcludesAppearance,
            Kind::Tenure => Rule::ExcludesTenure,
            Kind::Education => Rule::ExcludesEducation,
            Kind::Masculine => Rule::MasculineCoded,
            Kind::Feminine => Rule::FeminineCoded,
            Kind::Fit => Rule::SimilarityBias,
            Kind::Grade | Kind::Competency | Kind::OneQuality => return None,
        })
    }
}

/// The reading a word with two parts of speech must have to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reading {
    /// Before a noun ("een ervaren bestuurder"), after a copula or degree word
    /// ("is zeer ervaren"), or opening the clause; not at the end of a clause
    /// as a verb ("hoe inwoners het besluit ervaren").
    Adjective,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub term: String,
    pub kind: Kind,
    pub severity: Severity,
    /// The language the term belongs to; `None` for both.
    pub lang: Option<Lang>,
    pub mode: MatchMode,
    /// Phrases around the term that make it harmless ("gezonde begroting").
    pub except: Vec<String>,
    /// Words of which one must stand near the term for it to count: a number
    /// pattern is an age only next to "leeftijd", "oud" or a person. `^` stands
    /// for the start of the clause.
    pub context: Vec<String>,
    /// How the term must read to count: `adjective` leaves the verb alone
    /// ("hoe inwoners het besluit ervaren" against "een ervaren bestuurder").
    pub reading: Option<Reading>,
    pub explanation: Option<Text>,
    pub suggestion: Option<Text>,
    pub source: Option<String>,
    pub(crate) pattern: Pattern,
    pub(crate) except_patterns: Vec<Pattern>,
    pub(crate) context_patterns: Vec<Pattern>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    entries: Vec<Entry>,
}

/// A lexicon file that cannot be used, with the place of the problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LexiconError {
    pub file: String,
    pub at: Option<Position>,
    pub problem: Text,
}

impl LexiconError {
    pub fn message(&self, lang: Lang) -> String {
        match self.at {
            Some(p) => format!("{}:{}: {}", self.file, p, self.problem.get(lang)),
            None => format!("{}: {}", self.file, self.problem.get(lang)),
        }
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LexiconError {}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    kind: Option<Kind>,
    severity: Option<Severity>,
    lang: Option<Lang>,
    #[serde(rename = "match")]
    mode: Option<MatchMode>,
    explanation: Option<Text>,
    suggestion: Option<Text>,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    term: Spanned<String>,
    kind: Option<Kind>,
    severity: Option<Severity>,
    lang: Option<Lang>,
    #[serde(rename = "match")]
    mode: Option<MatchMode>,
    #[serde(default)]
    except: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
    reading: Option<Reading>,
    explanation: Option<Text>,
    suggestion: Option<Text>,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    defaults: RawDefaults,
    #[serde(default)]
    entries: Vec<RawEntry>,
}

impl Lexicon {
    /// Parses lexicon files given as (file name, contents); the name only
    /// labels error messages. Entries of all files are combined.
    pub fn from_toml<N: AsRef<str>, T: AsRef<str>>(
        files: &[(N, T)],
    ) -> Result<Lexicon, LexiconError> {
        let mut entries = Vec::new();
        for (name, text) in files {
            parse_file(name.as_ref(), text.as_ref(), &mut entries)?;
        }
        Ok(Lexicon { entries })
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }
}

fn parse_file(name: &str, text: &str, entries: &mut Vec<Entry>) -> Result<(), LexiconError> {
    let error = |span: Option<std::ops::Range<usize>>, problem: Text| LexiconError {
        file: name.to_owned(),
        at: span.map(|s| Position::of_offset(text, s.start)),
        problem,
    };
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let detail = e.message().trim().to_owned();
        error(
            e.span(),
            Text::new(
                format!("dit is geen geldige woordenlijst ({detail})"),
                format!("this is not a valid word list ({detail})"),
            ),
        )
    })?;
    let d = raw.defaults;
    for e in raw.entries {
        let span = Some(e.term.span());
        let term = e.term.into_inner().trim().to_owned();
        let kind = e.kind.or(d.kind).ok_or_else(|| {
            error(
                span.clone(),
                Text::new(
                    format!("\"{term}\" heeft geen kind (soort); zet kind bij het woord of onder [defaults]"),
                    format!("\"{term}\" has no kind; set kind on the entry or under [defaults]"),
                ),
            )
        })?;
        let explanation = e.explanation.or_else(|| d.explanation.clone());
        if (kind.rule().is_some() || kind == Kind::OneQuality) && explanation.is_none() {
            return Err(error(
                span,
                Text::new(
                    format!("\"{term}\" heeft geen explanation (uitleg); de linter moet kunnen zeggen waarom het ertoe doet"),
                    format!("\"{term}\" has no explanation; the linter must be able to say why it matters"),
                ),
            ));
        }
        let lang = e.lang.or(d.lang);
        let mode = e.mode.or(d.mode).unwrap_or_default();
        let pattern = matcher::compile(&term, mode, lang).ok_or_else(|| {
            error(
                span.clone(),
                Text::new(
                    format!("\"{term}\" bevat geen woord; # staat alleen voor een getal"),
                    format!("\"{term}\" contains no word; # stands alone for a number"),
                ),
            )
        })?;
        let compile_all = |phrases: &[String], mode: MatchMode, what: (&str, &str)| {
            phrases
                .iter()
                .filter(|p| p.as_str() != matcher::CLAUSE_START)
                .map(|phrase| {
                    matcher::compile(phrase, mode, lang).ok_or_else(|| {
                        error(
                            span.clone(),
                            Text::new(
                                format!("{} \"{phrase}\" bij \"{term}\" bevat geen woord", what.0),
                                format!("{} \"{phrase}\" of \"{term}\" contains no word", what.1),
                            ),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()
        };
        let except_patterns =
            compile_all(&e.except, MatchMode::Word, ("uitzondering", "exception"))?;
        // Context words are short function words ("een", "is"): inflecting them would
        // let "een" find "en".
        let context_patterns = compile_all(&e.context, MatchMode::Exact, ("context", "context"))?;
        entries.push(Entry {
            term,
            kind,
            severity: e.severity.or(d.severity).unwrap_or(Severity::Warning),
            lang,
            mode,
            except: e.except,
            context: e.context,
            reading: e.reading,
            explanation,
            suggestion: e.suggestion.or_else(|| d.suggestion.clone()),
            source: e.source.or_else(|| d.source.clone()),
            pattern,
            except_patterns,
            context_patterns,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
[defaults]
kind = "vague"
severity = "warning"
lang = "nl"
explanation = { nl = "Vaag.", en = "Vague." }

[[entries]]
term = "klik"

[[entries]]
term = "jong"
kind = "age"
severity = "error"
explanation.nl = "Leeftijd."
explanation.en = "Age."
suggestion = { nl = "Beschrijf gedrag.", en = "Describe behaviour." }
source = "CRM"
"#;

    #[test]
    fn entries_inherit_defaults() {
        let lex = Lexicon::from_toml(&[("lint-test.toml", FILE)]).unwrap();
        let [klik, jong] = lex.entries() else {
            panic!()
        };
        assert_eq!(
            (klik.kind, klik.severity, klik.lang),
            (Kind::Vague, Severity::Warning, Some(Lang::Nl))
        );
        assert_eq!(klik.explanation.as_ref().unwrap().en, "Vague.");
        assert_eq!((jong.kind, jong.severity), (Kind::Age, Severity::Error));
        assert_eq!(jong.explanation.as_ref().unwrap().nl, "Leeftijd.");
        assert_eq!(jong.source.as_deref(), Some("CRM"));
        assert_eq!(lex.of_kind(Kind::Age).count(), 1);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let bad = FILE.replace("kind = \"age\"", "kind = \"leeftijd\"");
        let err = Lexicon::from_toml(&[("lint-test.toml", bad.as_str())]).unwrap_err();
        assert_eq!(err.file, "lint-test.toml");
        assert_eq!(err.at.map(|p| p.line), Some(13), "{err}");
        assert!(err.to_string().starts_with("lint-test.toml:13:8"), "{err}");

        let typo = FILE.replace("source = \"CRM\"", "bron = \"CRM\"");
        let err = Lexicon::from_toml(&[("x.toml", typo.as_str())]).unwrap_err();
        assert!(err.to_string().contains("bron"), "{err}");
    }

    #[test]
    fn finding_kinds_need_an_explanation_but_word_lists_do_not() {
        let missing = "[[entries]]\nterm = \"klik\"\nkind = \"vague\"\n";
        let err = Lexicon::from_toml(&[("a.toml", missing)]).unwrap_err();
        assert_eq!(err.at, Some(Position { line: 2, column: 8 }));
        assert!(err.message(Lang::Nl).contains("explanation"));

        let grades = "[defaults]\nkind = \"grade\"\n[[entries]]\nterm = \"goed\"\n";
        assert_eq!(
            Lexicon::from_toml(&[("g.toml", grades)])
                .unwrap()
                .entries()
                .len(),
            1
        );
    }

    #[test]
    fn terms_without_words_are_refused() {
        let bad = "[[entries]]\nterm = \"--\"\nkind = \"grade\"\n";
        assert!(Lexicon::from_toml(&[("a.toml", bad)]).is_err());
    }
}
