//! Editable word lists for special categories of personal data (AVG art. 9:
//! origin, religion, health, sexual orientation) and other cues such as
//! pregnancy, gendered job titles and generation labels.
//!
//! Files are `content/lexicon/redaction-*.toml`, each a list of `[[entry]]`
//! tables with `term`, `category`, `replacement` and `note`. A term ending in
//! `*` also matches words that start with it ("moskee*" hides "moskeebestuur");
//! a term written in capitals only ("MS", "ADHD") or with a capital inside a
//! word ("PerspectieF") matches only as written, so "ms" and "perspectief" in
//! running text stay.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::identity::line_col;
use super::text::{fold_words, name_gap, Token};
use super::{rank, Candidate, Category};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct LexiconEntry {
    pub term: String,
    pub category: Category,
    pub replacement: String,
    #[serde(default)]
    pub note: String,
    /// Counts only in a sentence about a person ("ik gebruik een rollator", not
    /// "ouderen met een rollator"): for aids and other words that policy uses too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub personal: bool,
    /// Counts only when tied to the person's own practice ("onze moskee", "lid
    /// van de kerk", "ik ga naar de kerk"), not for a building or an
    /// organisation in policy ("de kerk in het dorpscentrum", "subsidie voor de
    /// moskee"): for places of worship and their bodies.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub practice: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    entry: Vec<LexiconEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}, line {line}, column {column}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl LexiconError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Nl => format!(
                "{}, regel {}, kolom {}: {}",
                self.file, self.line, self.column, self.message
            ),
        }
    }
}

#[derive(Debug, Clone)]
struct Compiled {
    words: Vec<String>,
    /// The term as written, per word, for capitals-only terms.
    exact: Option<Vec<String>>,
    prefix: bool,
    entry: usize,
}

/// The redaction word lists, ready to match.
#[derive(Debug, Clone, Default)]
pub struct RedactionLexicon {
    entries: Vec<LexiconEntry>,
    compiled: Vec<Compiled>,
}

/// The lists shipped with the app, used when no `content/lexicon` folder is found.
const BUNDLED: &[(&str, &str)] = &[
    (
        "redaction-origin.toml",
        include_str!("../../../../content/lexicon/redaction-origin.toml"),
    ),
    (
        "redaction-religion.toml",
        include_str!("../../../../content/lexicon/redaction-religion.toml"),
    ),
    (
        "redaction-health.toml",
        include_str!("../../../../content/lexicon/redaction-health.toml"),
    ),
    (
        "redaction-orientation.toml",
        include_str!("../../../../content/lexicon/redaction-orientation.toml"),
    ),
    (
        "redaction-pregnancy.toml",
        include_str!("../../../../content/lexicon/redaction-pregnancy.toml"),
    ),
    (
        "redaction-gender.toml",
        include_str!("../../../../content/lexicon/redaction-gender.toml"),
    ),
    (
        "redaction-age.toml",
        include_str!("../../../../content/lexicon/redaction-age.toml"),
    ),
    (
        "redaction-media.toml",
        include_str!("../../../../content/lexicon/redaction-media.toml"),
    ),
];

impl RedactionLexicon {
    /// Parse `(file name, contents)` pairs; the name only appears in errors.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<RedactionLexicon, LexiconError> {
        let mut entries = Vec::new();
        for (file, text) in files {
            let parsed: LexiconFile = toml::from_str(text).map_err(|e| {
                let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
                LexiconError {
                    file: file.to_owned(),
                    line,
                    column,
                    message: e.message().trim().to_owned(),
                }
            })?;
            for entry in parsed.entry {
                if fold_words(entry.term.trim_end_matches('*')).is_empty()
                    || entry.replacement.trim().is_empty()
                {
                    let at = text.find(&format!("{:?}", entry.term)).unwrap_or(0);
                    let (line, column) = line_col(text, at);
                    return Err(LexiconError {
                        file: file.to_owned(),
                        line,
                        column,
                        message: format!(
                            "entry {:?} needs a term with letters and a replacement",
                            entry.term
                        ),
                    });
                }
                entries.push(entry);
            }
        }
        Ok(RedactionLexicon::from_entries(entries))
    }

    pub fn from_entries(entries: Vec<LexiconEntry>) -> RedactionLexicon {
        let compiled = entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let term = e.term.trim();
                let prefix = term.ends_with('*');
                let bare = term.trim_end_matches('*');
                let all_capitals = bare.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && bare
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase);
                // A capital inside a word ("PerspectieF", "GroenLinks") makes the term a name:
                // "perspectief" in running text stays.
                let inner_capital = bare.split(|c: char| !c.is_alphanumeric()).any(|w| {
                    w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase)
                });
                let capitals = all_capitals || inner_capital;
                let exact = capitals.then(|| {
                    super::text::tokenize(bare)
                        .into_iter()
                        .map(|t| t.text.to_owned())
                        .collect()
                });
                Compiled {
                    words: fold_words(bare),
                    exact,
                    prefix,
                    entry: i,
                }
            })
            .collect();
        RedactionLexicon { entries, compiled }
    }

    /// The lists shipped inside the binary.
    pub fn bundled() -> RedactionLexicon {
        RedactionLexicon::from_files(BUNDLED.iter().copied())
            .expect("the bundled redaction lexicon is valid")
    }

    /// File names of the bundled lists, so a caller can read the same files from disk.
    pub fn bundled_file_names() -> impl Iterator<Item = &'static str> {
        BUNDLED.iter().map(|(name, _)| *name)
    }

    pub fn entries(&self) -> &[LexiconEntry] {
        &self.entries
    }

    pub(crate) fn find(
        &self,
        text: &str,
        tokens: &[Token],
        known: &[Candidate],
        out: &mut Vec<Candidate>,
    ) {
        for i in 0..tokens.len() {
            for c in &self.compiled {
                if let Some(end) = self.match_at(text, tokens, i, c) {
                    let e = &self.entries[c.entry];
                    if e.personal
                        && (!about_a_person(text, tokens, i, known)
                            || names_a_role_or_group(text, tokens, i, end, c.words.last()))
                    {
                        continue;
                    }
                    if e.practice && !own_practice(text, tokens, i, known) {
                        continue;
                    }
                    out.push(Candidate::new(
                        tokens[i].start,
                        end,
                        e.category,
                        e.replacement.clone(),
                        rank::LEXICON,
                    ));
                }
            }
        }
    }

    fn match_at(&self, text: &str, tokens: &[Token], i: usize, c: &Compiled) -> Option<usize> {
        let n = c.words.len();
        if i + n > tokens.len() {
            return None;
        }
        for (k, word) in c.words.iter().enumerate() {
            let t = &tokens[i + k];
            if k > 0 && !name_gap(text, tokens[i + k - 1].end, t.start) {
                return None;
            }
            let last = k + 1 == n;
            let ok = match &c.exact {
                Some(exact) => {
                    t.text == exact[k]
                        || (last && c.prefix && t.text.starts_with(exact[k].as_str()))
                }
                None => {
                    t.folded == *word || (last && c.prefix && t.folded.starts_with(word.as_str()))
                }
            };
            if !ok {
                return None;
            }
        }
        Some(tokens[i + n - 1].end)
    }
}

/// Words that make a sentence about one person.
const PERSON: &[&str] = &[
    "ik", "mijn", "m", "mn", "me", "mij", "hij", "hem", "zij", "ze", "haar", "diens", "i", "my",
    "he", "she", "him", "his", "her",
];

/// Does the sentence around token `i` speak of one person: a personal pronoun or the name?
/// Only the clause counts, so "wil zij dat elke vergadering met een schrijftolk
/// wordt ondertiteld" and "mensen die een rolstoel gebruiken" stay: the aid is
/// not hers.
fn about_a_person(text: &str, tokens: &[Token], i: usize, known: &[Candidate]) -> bool {
    let (lo, hi) = clause_bounds(text, tokens, i);
    tokens[lo..=hi].iter().any(|t| t.is_any(PERSON))
        || known.iter().any(|c| {
            c.category == Category::Name && c.start >= tokens[lo].start && c.end <= tokens[hi].end
        })
}

/// Only spaces between two tokens: the same phrase.
fn spaced(text: &str, tokens: &[Token], a: usize, b: usize) -> bool {
    let gap = &text[tokens[a].end..tokens[b].start];
    !gap.is_empty() && gap.chars().all(char::is_whitespace) && !gap.contains('\n')
}

/// Is an aid word at `i` (matched up to byte `end`) a role or a group rather
/// than the person's own aid? "werkte als gebarentolk" is a profession (but "als
/// rolstoelgebruiker" is the person); "rolstoelgebruikers" (plural) is a group
/// like "slechthorenden", and "rolstoeltoegankelijk" or "rolstoelvriendelijk"
/// describe a place.
fn names_a_role_or_group(
    text: &str,
    tokens: &[Token],
    i: usize,
    end: usize,
    term: Option<&String>,
) -> bool {
    let last = tokens[i..]
        .iter()
        .take_while(|t| t.end <= end)
        .last()
        .unwrap_or(&tokens[i]);
    let word = last.folded.as_str();
    let user = word.ends_with("gebruiker") || word.ends_with("user");
    let role = i > 0 && tokens[i - 1].is_any(&["als", "as"]) && spaced(text, tokens, i - 1, i);
    // "slechthorenden", "slechtzienden": an adjective used as a plural noun is a group.
    let group = word.ends_with("gebruikers")
        || word.ends_with("enden")
        || word.ends_with("users")
        || word.contains("toegankelijk")
        || word.contains("vriendelijk")
        || word.ends_with("accessible");
    // "meer rolstoelen in de bibliotheek", "gebarentolken voor de raad": the plural of an
    // aid is for many people, unless a possessive makes them the person's ("mijn hoortoestellen").
    let plural = term.is_some_and(|w| {
        [format!("{w}en"), format!("{w}len"), format!("{w}s")].contains(&word.to_owned())
    }) && !tokens[i.saturating_sub(2)..i].iter().any(|t| t.is_any(OWN));
    (role && !user) || group || plural
}

/// Possessives that make a place of worship the person's own: "onze moskee".
const OWN: &[&str] = &[
    "mijn", "m", "mn", "onze", "ons", "zijn", "haar", "diens", "my", "our", "his", "her",
];

/// Subjects that make the person the one who goes, belongs or acts.
const SUBJECT: &[&str] = &["ik", "wij", "we", "hij", "zij", "ze", "i", "he", "she"];

/// Prepositions of going, being in or being with: "naar de kerk", "in de moskee".
const GOING: &[&str] = &["naar", "in", "bij", "to", "at"];

/// Words before "van" that make it belonging: "lid van de kerk".
const MEMBER: &[&str] = &[
    "lid",
    "leden",
    "lidmaat",
    "bestuurslid",
    "vrijwilliger",
    "member",
    "volunteer",
];

/// A body one sits in: "in het bestuur van de moskee".
const BODIES: &[&str] = &["bestuur", "koor", "raad", "board", "choir", "council"];

/// Is a place of worship at `i` tied to the person's own practice? A possessive
/// before it ("in onze moskee", "mijn oude kerk"); or, in a sentence whose
/// subject is the person, a preposition of going, being in or belonging ("naar
/// de kerk", "in de kerk", "bij de moskee", "lid van de kerk"), also for a place
/// in a list after such a preposition ("ik ging naar de markt, de moskee").
/// Any other preposition ("subsidie voor de moskee", "over de kerk") and the
/// building as subject ("de kerk in het dorpscentrum krijgt") stay.
fn own_practice(text: &str, tokens: &[Token], i: usize, known: &[Candidate]) -> bool {
    // Walk back over an article, "eigen" and one inflected adjective ("de oude kerk").
    let mut k = i;
    let mut adjectives = 0;
    let before = loop {
        if k == 0 || !spaced(text, tokens, k - 1, k) {
            break None;
        }
        k -= 1;
        let t = &tokens[k];
        if t.is_any(OWN) {
            return true;
        }
        if t.is_any(&["de", "het", "the", "een", "a", "eigen", "own"]) {
            continue;
        }
        if adjectives == 0 && t.folded.ends_with('e') {
            adjectives += 1;
            continue;
        }
        break Some(k);
    };
    let tied = match before {
        Some(p) if tokens[p].is_any(GOING) => true,
        // "lid van de kerk"; "zat in het bestuur van de mandir" (a seat in its body).
        Some(p) if tokens[p].is_any(&["van", "of"]) && p > 0 && spaced(text, tokens, p - 1, p) => {
            tokens[p - 1].is_any(MEMBER)
                || (tokens[p - 1].is_any(BODIES)
                    && tokens[..p - 1]
                        .iter()
                        .rev()
                        .take(2)
                        .any(|t| t.is_any(&["in", "on"])))
        }
        Some(_) => false,
        // The start of a list item: a preposition of going earlier in the sentence.
        None => {
            let (lo, _) = sentence_bounds(text, tokens, i);
            tokens[lo..i].iter().any(|t| t.is_any(&["naar", "to"]))
        }
    };
    tied && person_subject(text, tokens, i, known)
}

/// Does the sentence around token `i` have the person as a subject: a subject
/// pronoun or the name?
fn person_subject(text: &str, tokens: &[Token], i: usize, known: &[Candidate]) -> bool {
    let (lo, hi) = sentence_bounds(text, tokens, i);
    tokens[lo..=hi].iter().any(|t| t.is_any(SUBJECT))
        || known.iter().any(|c| {
            c.category == Category::Name && c.start >= tokens[lo].start && c.end <= tokens[hi].end
        })
}

/// Complementisers and relatives that open a clause with a subject of its own:
/// "wil zij dat elke vergadering ...", "mensen die een rolstoel gebruiken".
/// Adverbial clauses ("zodat ik kon meedoen", "omdat ik slechthorend ben")
/// usually speak of the same person and do not cut.
const CLAUSE_OPENERS: &[&str] = &[
    "dat", "die", "waar", "waarin", "waarmee", "waarbij", "that", "which", "who", "where",
];

/// The clause around token `i`: within the sentence, up to a semicolon, colon
/// or bracket, and from a complementiser or relative that opens it.
fn clause_bounds(text: &str, tokens: &[Token], i: usize) -> (usize, usize) {
    let (first, last) = sentence_bounds(text, tokens, i);
    let cut =
        |a: usize, b: usize| text[tokens[a].end..tokens[b].start].contains([';', ':', '(', ')']);
    let mut lo = i;
    while lo > first && !cut(lo - 1, lo) && !tokens[lo].is_any(CLAUSE_OPENERS) {
        lo -= 1;
    }
    let mut hi = i;
    while hi < last && !cut(hi, hi + 1) && !tokens[hi + 1].is_any(CLAUSE_OPENERS) {
        hi += 1;
    }
    (lo, hi)
}

fn sentence_bounds(text: &str, tokens: &[Token], i: usize) -> (usize, usize) {
    let ends =
        |a: usize, b: usize| text[tokens[a].end..tokens[b].start].contains(['.', '!', '?', '\n']);
    let mut lo = i;
    while lo > 0 && !ends(lo - 1, lo) {
        lo -= 1;
    }
    let mut hi = i;
    while hi + 1 < tokens.len() && !ends(hi, hi + 1) {
        hi += 1;
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_parse_and_cover_every_special_category() {
        let lex = RedactionLexicon::bundled();
        for cat in [
            Category::Origin,
            Category::Religion,
            Category::Health,
            Category::Orientation,
            Category::Pregnancy,
        ] {
            assert!(
                lex.entries().iter().any(|e| e.category == cat),
                "{cat:?} missing"
            );
        }
    }

    #[test]
    fn errors_name_the_file_and_position() {
        let err = RedactionLexicon::from_files([(
            "x.toml",
            "[[entry]]\nterm = \"a\"\ncategory = \"colour\"\nreplacement = \"[x]\"\n",
        )])
        .unwrap_err();
        assert_eq!(
            (err.file.as_str(), err.line, err.column),
            ("x.toml", 3, 12),
            "{err}"
        );
        let err = RedactionLexicon::from_files([(
            "y.toml",
            "[[entry]]\nterm = \"*\"\ncategory = \"health\"\nreplacement = \"[x]\"\n",
        )])
        .unwrap_err();
        assert_eq!(err.line, 2, "{err}");
    }

    #[test]
    fn prefix_and_capital_terms() {
        let lex = RedactionLexicon::from_files([(
            "t.toml",
            "[[entry]]\nterm = \"moskee*\"\ncategory = \"religion\"\nreplacement = \"[geloof]\"\n\
             [[entry]]\nterm = \"MS\"\ncategory = \"health\"\nreplacement = \"[gezondheid]\"\n",
        )])
        .unwrap();
        let text = "Ik zat in het moskeebestuur en heb MS, zei ms Jones.";
        let tokens = super::super::text::tokenize(text);
        let mut out = Vec::new();
        lex.find(text, &tokens, &[], &mut out);
        let hits: Vec<_> = out.iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(hits, ["moskeebestuur", "MS"]);
    }

    #[test]
    fn personal_terms_count_only_in_a_sentence_about_a_person() {
        let lex = RedactionLexicon::bundled();
        let hits = |text: &str| {
            let tokens = super::super::text::tokenize(text);
            let mut out = Vec::new();
            lex.find(text, &tokens, &[], &mut out);
            out.iter()
                .map(|c| text[c.start..c.end].to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            hits("Sinds vorig jaar gebruik ik een rollator."),
            ["rollator"]
        );
        assert!(hits("Ouderen met een rollator moeten de stoep op kunnen.").is_empty());
    }

    fn bundled_hits(text: &str) -> Vec<String> {
        let lex = RedactionLexicon::bundled();
        let tokens = super::super::text::tokenize(text);
        let mut out = Vec::new();
        lex.find(text, &tokens, &[], &mut out);
        out.iter()
            .map(|c| text[c.start..c.end].to_owned())
            .collect()
    }

    #[test]
    fn an_aid_is_the_persons_own_not_a_role_a_group_or_a_place() {
        assert_eq!(
            bundled_hits("Ik werk met een schrijftolk."),
            ["schrijftolk"]
        );
        assert_eq!(
            bundled_hits("Tijdens vergaderingen heb ik een gebarentolk nodig."),
            ["gebarentolk"]
        );
        assert_eq!(bundled_hits("Ik zit in een rolstoel."), ["rolstoel"]);
        assert_eq!(
            bundled_hits("Als rolstoelgebruiker weet ik dat."),
            ["rolstoelgebruiker"]
        );
        assert!(bundled_hits("Ik werkte tien jaar als gebarentolk.").is_empty());
        assert!(
            bundled_hits("Ik wil de toegankelijkheid voor rolstoelgebruikers verbeteren.")
                .is_empty()
        );
        assert!(bundled_hits("Ik wil een rolstoeltoegankelijk stadhuis.").is_empty());
        assert!(bundled_hits(
            "Als wethouder wil zij dat elke raadsvergadering met een schrijftolk wordt ondertiteld."
        )
        .is_empty());
        assert!(bundled_hits("Ik help mensen die een rolstoel gebruiken.").is_empty());
        assert_eq!(
            bundled_hits("De raad regelde een schrijftolk, zodat ik kon meedoen."),
            ["schrijftolk"]
        );
        assert!(bundled_hits("Ik wil meer rolstoelen in de bibliotheek.").is_empty());
        assert_eq!(
            bundled_hits("Ik draag mijn hoortoestellen altijd."),
            ["hoortoestellen"]
        );
    }

    #[test]
    fn a_place_of_worship_only_in_the_persons_own_practice() {
        assert_eq!(
            bundled_hits("In onze moskee organiseer ik lessen."),
            ["moskee"]
        );
        assert_eq!(bundled_hits("Ik ben lid van de kerk."), ["kerk"]);
        assert_eq!(bundled_hits("Ik ga elke zondag naar de kerk."), ["kerk"]);
        assert_eq!(
            bundled_hits("In de kerk leidt zij een jongerengroep."),
            ["kerk"]
        );
        assert_eq!(
            bundled_hits("Hij zat in het bestuur van de synagoge."),
            ["synagoge"]
        );
        assert!(
            bundled_hits("De kerk in het dorpscentrum krijgt een nieuwe bestemming.").is_empty()
        );
        assert!(bundled_hits("Ik wil subsidie voor de moskee-vereniging.").is_empty());
        assert!(bundled_hits("Ik sprak met het bestuur over de kerk aan de Markt.").is_empty());
        assert!(bundled_hits("Het moskeebestuur vraagt een vergunning.").is_empty());
    }
}
