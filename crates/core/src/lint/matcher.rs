//! Finding lexicon terms in free text, with Dutch and English inflection.
//!
//! Text is split into words (runs of letters and digits). A term matches a
//! run of consecutive words separated only by spaces, hyphens, slashes or a
//! full stop, so "past bij ons" also matches across a line break. Each word
//! of a term matches its inflected forms ("jong" → "jonge", "jongere",
//! "jongeren", but not "jongleren"); the term's match mode decides whether
//! the last word may also be the start or the end of a compound.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Lang;

/// How the last word of a term meets the words of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum MatchMode {
    /// The word itself or an inflected form: "jong" finds "jonge", "jongere".
    #[default]
    Word,
    /// Only the word exactly as written (still case-insensitive).
    Exact,
    /// Any word that starts with the term: a stem ("compet" → "competitive")
    /// or the first part of a compound ("moedertaal" → "moedertaalspreker").
    Start,
    /// Any word that ends with the term or an inflected form of it: the last
    /// part of a compound ("ervaring" → "bestuurservaring").
    End,
    /// Start or end: "leider" → "leiderschap", "teamleider".
    Part,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PatternWord {
    /// A word and its spelling variants before an inflection ending.
    Word(String, Vec<String>),
    /// `#` in a term: any number ("max # jaar" → "max 40 jaar").
    Number,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern {
    pub words: Vec<PatternWord>,
    pub mode: MatchMode,
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub lower: String,
}

/// Numbers written as words, so "minstens vijf jaar" counts like "minstens 5 jaar".
const NUMBER_WORDS: &[&str] = &[
    "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
    "twaalf", "vijftien", "twintig", "dertig", "veertig", "vijftig", "zestig", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen", "twenty",
    "thirty", "forty", "fifty", "sixty",
];

impl Token {
    fn is_number(&self) -> bool {
        self.lower.bytes().all(|b| b.is_ascii_digit())
            || NUMBER_WORDS.contains(&self.lower.as_str())
    }
}

pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(Token {
                    start: s,
                    end: i,
                    lower: text[s..i].to_lowercase(),
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(Token {
            start: s,
            end: text.len(),
            lower: text[s..].to_lowercase(),
        });
    }
    tokens
}

/// Splits a lexicon term into pattern words; `None` when it has no words or
/// mixes `#` with letters.
pub(crate) fn compile(term: &str, mode: MatchMode, lang: Option<Lang>) -> Option<Pattern> {
    let mut words = Vec::new();
    for piece in term.split(|c: char| !(c.is_alphanumeric() || c == '#')) {
        if piece.is_empty() {
            continue;
        }
        if piece == "#" {
            words.push(PatternWord::Number);
        } else if piece.contains('#') {
            return None;
        } else {
            let word = piece.to_lowercase();
            let stems = stems(&word);
            words.push(PatternWord::Word(word, stems));
        }
    }
    if words.is_empty() {
        None
    } else {
        Some(Pattern { words, mode, lang })
    }
}

const NL_SUFFIXES: &[&str] = &[
    "", "e", "en", "er", "ere", "eren", "ers", "st", "ste", "s", "heid", "heden", "t", "te", "ten",
    "de", "den",
];
const EN_SUFFIXES: &[&str] = &[
    "", "s", "es", "er", "ers", "est", "ed", "d", "ing", "ly", "ness", "y",
];

fn suffixes(lang: Option<Lang>) -> impl Iterator<Item = &'static str> {
    let nl = matches!(lang, None | Some(Lang::Nl)).then_some(NL_SUFFIXES);
    let en = matches!(lang, None | Some(Lang::En)).then_some(EN_SUFFIXES);
    nl.into_iter().chain(en).flatten().copied()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'é' | 'ë' | 'ï')
}

/// The forms a word takes before an inflection ending, following Dutch
/// spelling: "fit" → "fitt(e)", "groot" → "grot(e)", "actief" → "actiev(e)".
fn stems(word: &str) -> Vec<String> {
    let mut stems = vec![word.to_owned()];
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n >= 3 {
        let (last, prev, before) = (chars[n - 1], chars[n - 2], chars[n - 3]);
        let vowel_groups = chars
            .iter()
            .enumerate()
            .filter(|(i, c)| is_vowel(**c) && (*i == 0 || !is_vowel(chars[i - 1])))
            .count();
        if !is_vowel(last) && is_vowel(prev) && !is_vowel(before) && vowel_groups == 1 {
            stems.push(format!("{word}{last}"));
        }
        if !is_vowel(last) && prev == before && is_vowel(prev) {
            let mut undoubled: String = chars[..n - 2].iter().collect();
            undoubled.push(last);
            stems.push(undoubled);
        }
    }
    for stem in stems.clone() {
        if let Some(base) = stem.strip_suffix('f') {
            stems.push(format!("{base}v"));
        }
        if let Some(base) = stem.strip_suffix('s') {
            stems.push(format!("{base}z"));
        }
    }
    stems
}

/// `token` is a stem of a word plus an inflection ending.
fn inflects(token: &str, stems: &[String], lang: Option<Lang>) -> bool {
    stems.iter().any(|stem| {
        token
            .strip_prefix(stem.as_str())
            .is_some_and(|rest| suffixes(lang).any(|s| s == rest))
    })
}

/// `token` ends with a stem of a word plus an inflection ending.
fn ends_with_inflected(token: &str, stems: &[String], lang: Option<Lang>) -> bool {
    stems.iter().any(|stem| {
        token
            .match_indices(stem.as_str())
            .any(|(i, _)| suffixes(lang).any(|s| s == &token[i + stem.len()..]))
    })
}

fn word_matches(token: &Token, word: &PatternWord, mode: MatchMode, lang: Option<Lang>) -> bool {
    let PatternWord::Word(w, stems) = word else {
        return token.is_number();
    };
    let t = token.lower.as_str();
    match mode {
        MatchMode::Exact => t == w,
        MatchMode::Word => inflects(t, stems, lang),
        MatchMode::Start => t.starts_with(w.as_str()),
        MatchMode::End => ends_with_inflected(t, stems, lang),
        MatchMode::Part => t.starts_with(w.as_str()) || ends_with_inflected(t, stems, lang),
    }
}

fn joinable(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '/' | '.'))
        && gap.matches('.').count() <= 1
}

/// Byte ranges in `text` where the pattern occurs.
pub(crate) fn find(pattern: &Pattern, text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let n = pattern.words.len();
    let mut found = Vec::new();
    if tokens.len() < n {
        return found;
    }
    'start: for i in 0..=tokens.len() - n {
        for (k, word) in pattern.words.iter().enumerate() {
            let token = &tokens[i + k];
            let mode = match (k + 1 == n, pattern.mode) {
                (true, mode) => mode,
                (false, MatchMode::Exact) => MatchMode::Exact,
                (false, _) => MatchMode::Word,
            };
            if !word_matches(token, word, mode, pattern.lang) {
                continue 'start;
            }
            if k > 0 && !joinable(&text[tokens[i + k - 1].end..token.start]) {
                continue 'start;
            }
        }
        found.push((tokens[i].start, tokens[i + n - 1].end));
    }
    found
}

/// The first and last token of a match.
fn token_range(tokens: &[Token], (start, end): (usize, usize)) -> Option<(usize, usize)> {
    Some((
        tokens.iter().position(|t| t.start == start)?,
        tokens.iter().position(|t| t.end == end)?,
    ))
}

/// Function words: a word after the term that is one of these does not make it an adjective.
const FUNCTION_WORDS: &[&str] = &[
    "de", "het", "een", "en", "of", "maar", "want", "dat", "die", "hoe", "wat", "als", "om", "te",
    "in", "op", "met", "van", "voor", "bij", "aan", "naar", "door", "over", "uit", "tot", "zijn",
    "worden", "wordt", "hebben", "heeft", "is", "and", "or", "that", "how", "the", "a", "to",
];

/// Words before an adjective used as a predicate or graded: "is ervaren", "zeer ervaren".
const COPULA_OR_DEGREE: &[&str] = &[
    "is",
    "zijn",
    "ben",
    "bent",
    "was",
    "waren",
    "zeer",
    "erg",
    "heel",
    "echt",
    "voldoende",
    "ruim",
    "breed",
    "aantoonbaar",
    "als",
    "een",
    "is",
    "very",
    "highly",
];

/// Does the word at `start..end` read as an adjective (see `Reading::Adjective`)?
pub(crate) fn reads_as_adjective(
    text: &str,
    tokens: &[Token],
    (start, end): (usize, usize),
) -> bool {
    let Some((first, last)) = token_range(tokens, (start, end)) else {
        return true;
    };
    let joined = |a: usize, b: usize| !breaks_clause(&text[tokens[a].end..tokens[b].start]);
    let before = first
        .checked_sub(1)
        .filter(|&p| joined(p, first))
        .map(|p| tokens[p].lower.as_str());
    let after = (last + 1 < tokens.len() && joined(last, last + 1))
        .then(|| tokens[last + 1].lower.as_str());
    before.is_none()
        || before.is_some_and(|w| COPULA_OR_DEGREE.contains(&w))
        || after.is_some_and(|w| !FUNCTION_WORDS.contains(&w))
}

/// The marker in an entry's `context` for "the term opens its clause".
pub(crate) const CLAUSE_START: &str = "^";

/// Words that may stand before a term that still opens its clause: "Is niet ouder dan 45".
const LEAD_WORDS: &[&str] = &[
    "is",
    "zijn",
    "ben",
    "bent",
    "niet",
    "wel",
    "liefst",
    "bij",
    "voorkeur",
    "be",
    "not",
    "at",
    "most",
    "preferably",
];

/// How many words before or after a term its context may stand.
const CONTEXT_WINDOW: usize = 3;

fn breaks_clause(gap: &str) -> bool {
    gap.contains([',', ';', '.', ':', '!', '?', '(', ')'])
}

/// Is the match `start..end` in one of the contexts: a phrase within a few
/// words of it in the same clause, or (with `clause_start`) the clause's start?
pub(crate) fn in_context(
    context: &[Pattern],
    clause_start: bool,
    text: &str,
    tokens: &[Token],
    (start, end): (usize, usize),
) -> bool {
    let Some((first, last)) = token_range(tokens, (start, end)) else {
        return false;
    };
    let mut lo = first;
    while lo > 0 && !breaks_clause(&text[tokens[lo - 1].end..tokens[lo].start]) {
        lo -= 1;
    }
    let mut hi = last;
    while hi + 1 < tokens.len() && !breaks_clause(&text[tokens[hi].end..tokens[hi + 1].start]) {
        hi += 1;
    }
    if clause_start
        && tokens[lo..first]
            .iter()
            .all(|t| LEAD_WORDS.contains(&t.lower.as_str()))
    {
        return true;
    }
    let window =
        &tokens[lo.max(first.saturating_sub(CONTEXT_WINDOW))..=hi.min(last + CONTEXT_WINDOW)];
    context.iter().any(|p| !find(p, text, window).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(term: &str, mode: MatchMode, lang: Option<Lang>, text: &str) -> Vec<String> {
        let pattern = compile(term, mode, lang).unwrap();
        find(&pattern, text, &tokenize(text))
            .into_iter()
            .map(|(s, e)| text[s..e].to_owned())
            .collect()
    }

    fn nl(term: &str, text: &str) -> Vec<String> {
        hits(term, MatchMode::Word, Some(Lang::Nl), text)
    }

    #[test]
    fn inflected_dutch_forms_match() {
        assert_eq!(
            nl("jong", "Een jonge, jongere of de jongste"),
            ["jonge", "jongere", "jongste"]
        );
        assert_eq!(
            nl("jong", "Voor jongeren en JONG talent"),
            ["jongeren", "JONG"]
        );
        assert_eq!(
            nl("stressbestendig", "Stressbestendigheid is vereist"),
            ["Stressbestendigheid"]
        );
        assert_eq!(
            nl("representatief", "een representatieve kandidaat"),
            ["representatieve"]
        );
        assert_eq!(nl("fit", "fitte mensen"), ["fitte"]);
        assert_eq!(nl("groot", "grote woorden"), ["grote"]);
        assert_eq!(nl("dynamisch", "dynamische omgeving"), ["dynamische"]);
        assert_eq!(nl("klik", "het moet klikken"), ["klikken"]);
    }

    #[test]
    fn look_alike_words_do_not_match() {
        assert!(nl("jong", "Kan jongleren met dossiers").is_empty());
        assert!(nl("jong", "jongerenwerk in de wijk").is_empty());
        assert!(nl("fit", "profiteert").is_empty());
        assert!(nl("klik", "kliko-beleid").is_empty());
        assert!(
            nl("stevig", "stevigge").is_empty(),
            "unstressed -ig does not double"
        );
    }

    #[test]
    fn phrases_match_across_whitespace_but_not_across_commas() {
        assert_eq!(
            nl("past bij ons", "iemand die\n  past bij   ons team"),
            ["past bij   ons"]
        );
        assert!(nl("past bij ons", "past, bij ons").is_empty());
        assert_eq!(
            nl("natuurlijk gezag", "Natuurlijk-gezag"),
            ["Natuurlijk-gezag"]
        );
    }

    #[test]
    fn numbers_in_terms() {
        assert_eq!(nl("max # jaar", "max. 40 jaar oud"), ["max. 40 jaar"]);
        assert_eq!(
            hits(
                "# jaar ervaring",
                MatchMode::End,
                Some(Lang::Nl),
                "minimaal 10 jaar raadservaring"
            ),
            ["10 jaar raadservaring"]
        );
        assert_eq!(nl("max # jaar", "max veertig jaar"), ["max veertig jaar"]);
        assert!(nl("max # jaar", "max vele jaren").is_empty());
    }

    #[test]
    fn compound_modes() {
        assert_eq!(
            hits("moedertaal", MatchMode::Start, None, "moedertaalspreker"),
            ["moedertaalspreker"]
        );
        assert_eq!(
            hits(
                "leider",
                MatchMode::Part,
                Some(Lang::Nl),
                "leiderschap en teamleiders"
            ),
            ["leiderschap", "teamleiders"]
        );
        assert!(hits("leider", MatchMode::Word, Some(Lang::Nl), "leiderschap").is_empty());
        assert_eq!(
            hits(
                "vermogen",
                MatchMode::End,
                Some(Lang::Nl),
                "inlevingsvermogen"
            ),
            ["inlevingsvermogen"]
        );
        assert_eq!(
            hits("gezond", MatchMode::Exact, None, "gezond gezonde"),
            ["gezond"]
        );
    }

    #[test]
    fn english_inflection() {
        let en = |term: &str, text: &str| hits(term, MatchMode::Word, Some(Lang::En), text);
        assert_eq!(
            en("young", "younger staff, the youngest"),
            ["younger", "youngest"]
        );
        assert_eq!(en("dynamic", "Dynamic"), ["Dynamic"]);
        assert!(
            en("kind", "kinderen").is_empty(),
            "Dutch endings are not applied to English terms"
        );
    }

    #[test]
    fn terms_with_only_punctuation_do_not_compile() {
        assert!(compile(" - ", MatchMode::Word, None).is_none());
        assert!(compile("#40", MatchMode::Word, None).is_none());
        assert_eq!(
            compile("24/7", MatchMode::Word, None).unwrap().words.len(),
            2
        );
    }

    #[test]
    fn spans_are_byte_offsets_into_the_text() {
        let text = "Één jonge wethouder";
        let pattern = compile("jong", MatchMode::Word, Some(Lang::Nl)).unwrap();
        let spans = find(&pattern, text, &tokenize(text));
        assert_eq!(spans, [(6, 11)]);
        assert_eq!(&text[6..11], "jonge");
    }
}
