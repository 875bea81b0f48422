//! Language rules: vague, excluding and gender-coded words from the lexicon.

use super::lexicon::{Entry, Lexicon, Reading};
use super::matcher::{find, in_context, reads_as_adjective, tokenize, CLAUSE_START};
use super::{Finding, Rule};
use crate::i18n::{Lang, Text};

const NL_WORDS: &[&str] = &[
    "de", "het", "een", "en", "van", "met", "voor", "op", "niet", "zijn", "die", "dat", "te",
    "bij", "naar", "aan", "om", "wordt", "hij", "zij", "ze", "als", "ook", "geen", "wat", "welke",
    "hoe", "waar", "uit", "over", "door",
];
const EN_WORDS: &[&str] = &[
    "the", "and", "a", "of", "to", "with", "for", "on", "not", "is", "are", "that", "by", "an",
    "at", "from", "his", "her", "their", "they", "which", "how", "who", "when", "into", "about",
    "no", "can", "or", "be",
];

/// Dutch or English, judged by common function words; `None` when the text
/// is too short or too mixed to tell.
pub fn guess_lang(text: &str) -> Option<Lang> {
    let (mut nl, mut en) = (0usize, 0usize);
    for token in tokenize(text) {
        nl += usize::from(NL_WORDS.contains(&token.lower.as_str()));
        en += usize::from(EN_WORDS.contains(&token.lower.as_str()));
    }
    match nl.cmp(&en) {
        std::cmp::Ordering::Greater => Some(Lang::Nl),
        std::cmp::Ordering::Less => Some(Lang::En),
        std::cmp::Ordering::Equal => None,
    }
}

struct Hit<'a> {
    start: usize,
    end: usize,
    rule: Rule,
    entry: &'a Entry,
}

fn applies(entry: &Entry, lang: Option<Lang>) -> bool {
    entry.lang.is_none() || lang.is_none() || entry.lang == lang
}

/// Findings for the words of one text, without criterion or field.
pub(crate) fn text_findings(text: &str, lang: Option<Lang>, lexicon: &Lexicon) -> Vec<Finding> {
    let tokens = tokenize(text);
    if tokens.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for entry in lexicon.entries().iter().filter(|e| applies(e, lang)) {
        let Some(rule) = entry.kind.rule() else {
            continue;
        };
        for (start, end) in find(&entry.pattern, text, &tokens) {
            let excepted = entry.except_patterns.iter().any(|p| {
                find(p, text, &tokens)
                    .iter()
                    .any(|&(s, e)| s < end && start < e)
            });
            let out_of_context = !entry.context.is_empty()
                && !in_context(
                    &entry.context_patterns,
                    entry.context.iter().any(|c| c == CLAUSE_START),
                    text,
                    &tokens,
                    (start, end),
                );
            let other_reading = entry.reading == Some(Reading::Adjective)
                && !reads_as_adjective(text, &tokens, (start, end));
            if !excepted && !out_of_context && !other_reading {
                hits.push(Hit {
                    start,
                    end,
                    rule,
                    entry,
                });
            }
        }
    }
    // "gezond verstand" is vague, not a health requirement: a term inside a
    // longer term of another rule is the longer term's business.
    let inside_longer = |h: &Hit| {
        hits.iter().any(|o| {
            o.rule != h.rule
                && o.start <= h.start
                && h.end <= o.end
                && o.end - o.start > h.end - h.start
        })
    };
    let mut kept: Vec<&Hit> = hits.iter().filter(|h| !inside_longer(h)).collect();
    kept.sort_by_key(|h| (h.rule, h.start, std::cmp::Reverse(h.end)));

    // Overlapping hits of one rule ("minimaal 10 jaar" and "10 jaar
    // raadservaring") are one finding over their joint span.
    let mut merged: Vec<(usize, usize, Rule, &Entry, super::Severity)> = Vec::new();
    for h in kept {
        match merged.last_mut() {
            Some(m) if m.2 == h.rule && h.start < m.1 => {
                if h.end - h.start > m.1 - m.0 {
                    m.3 = h.entry;
                }
                m.1 = m.1.max(h.end);
                m.4 = m.4.max(h.entry.severity);
            }
            _ => merged.push((h.start, h.end, h.rule, h.entry, h.entry.severity)),
        }
    }
    merged.sort_by_key(|m| (m.0, m.2));
    let mut findings: Vec<Finding> = merged
        .into_iter()
        .map(|(start, end, rule, entry, severity)| {
            let quoted = &text[start..end];
            let explanation = entry
                .explanation
                .clone()
                .unwrap_or_else(|| Text::new("", ""));
            Finding {
                rule,
                severity,
                criterion: None,
                field: None,
                span: Some((start, end)),
                message: Text::new(
                    format!("\"{quoted}\": {}", explanation.nl),
                    format!("\"{quoted}\": {}", explanation.en),
                ),
                suggestion: entry.suggestion.clone(),
            }
        })
        .collect();
    // The open fit pattern adds what the fixed idioms of the word list did not already cover.
    for f in super::fit::findings(text, &tokens) {
        let (s, e) = f.span.expect("fit findings have a span");
        let covered = findings
            .iter()
            .any(|o| o.rule == f.rule && o.span.is_some_and(|(os, oe)| os < e && s < oe));
        if !covered {
            findings.push(f);
        }
    }
    findings.sort_by_key(|f| (f.span.map(|s| s.0), f.rule));
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Severity;

    const LEXICON: &str = r##"
[defaults]
lang = "nl"
explanation = { nl = "Uitleg.", en = "Explanation." }

[[entries]]
term = "jong"
kind = "age"
severity = "error"

[[entries]]
term = "jonge hond"
kind = "age"
severity = "warning"

[[entries]]
term = "gezond verstand"
kind = "vague"

[[entries]]
term = "gezond"
match = "exact"
kind = "health"
except = ["financieel gezond"]

[[entries]]
term = "minimaal # jaar"
kind = "tenure"

[[entries]]
term = "# jaar ervaring"
match = "end"
kind = "tenure"

[[entries]]
term = "ervaren"
kind = "vague"

[[entries]]
term = "ervaren"
kind = "masculine"
severity = "info"

[[entries]]
term = "young"
lang = "en"
kind = "age"
"##;

    fn lexicon() -> Lexicon {
        Lexicon::from_toml(&[("lint-test.toml", LEXICON)]).unwrap()
    }

    fn rules(text: &str) -> Vec<(Rule, String)> {
        text_findings(text, guess_lang(text), &lexicon())
            .into_iter()
            .map(|f| {
                let (s, e) = f.span.unwrap();
                (f.rule, text[s..e].to_owned())
            })
            .collect()
    }

    #[test]
    fn guesses_language_from_function_words() {
        assert_eq!(
            guess_lang("Leest de begroting en noemt een risico"),
            Some(Lang::Nl)
        );
        assert_eq!(
            guess_lang("Reads the budget and names a risk"),
            Some(Lang::En)
        );
        assert_eq!(guess_lang("Begrotingsinzicht"), None);
    }

    #[test]
    fn a_term_inside_a_longer_term_of_another_rule_is_left_to_it() {
        assert_eq!(
            rules("Heeft gezond verstand"),
            [(Rule::VagueTerm, "gezond verstand".into())]
        );
    }

    #[test]
    fn exceptions_silence_a_term() {
        assert!(rules("Houdt de gemeente financieel gezond").is_empty());
        assert_eq!(
            rules("Is gezond en fit"),
            [(Rule::ExcludesHealth, "gezond".into())]
        );
    }

    #[test]
    fn overlapping_terms_of_one_rule_become_one_finding() {
        assert_eq!(
            rules("Heeft minimaal 10 jaar raadservaring"),
            [(
                Rule::ExcludesTenure,
                "minimaal 10 jaar raadservaring".into()
            )]
        );
        let f = text_findings("een jonge hond", Some(Lang::Nl), &lexicon());
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].severity,
            Severity::Error,
            "the strictest severity wins"
        );
    }

    #[test]
    fn one_word_can_raise_two_rules() {
        assert_eq!(
            rules("Een ervaren bestuurder"),
            [
                (Rule::VagueTerm, "ervaren".into()),
                (Rule::MasculineCoded, "ervaren".into())
            ]
        );
    }

    #[test]
    fn word_lists_follow_the_text_language() {
        assert!(rules("Het team is young en de wethouder ook").is_empty());
        assert_eq!(
            rules("The team is young and eager"),
            [(Rule::ExcludesAge, "young".into())]
        );
    }

    #[test]
    fn messages_quote_the_words_found() {
        let f = text_findings("Een jonge kandidaat", Some(Lang::Nl), &lexicon());
        assert_eq!(f[0].message.nl, "\"jonge\": Uitleg.");
        assert_eq!(f[0].message.en, "\"jonge\": Explanation.");
    }
}
