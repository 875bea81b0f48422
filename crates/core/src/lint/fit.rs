//! Fit and similarity: a criterion that asks whether a candidate fits the
//! group ("past in het college", "sluit goed aan bij de fractie", "klikt met
//! het team") rather than what they do. The fixed idioms ("het DNA van de
//! partij", "één van ons") are in `lint-fit.toml`; this rule catches the open
//! pattern of a fit verb, its preposition and a group, whatever words the
//! writer put between them.

use super::matcher::Token;
use super::{Finding, Rule, Severity};
use crate::i18n::Text;

/// Fit verbs, with the prepositions that introduce the group they fit into.
const FIT_VERBS: &[(&[&str], &[&str])] = &[
    (
        // Not "passend": "passend onderwijs in de groep" is education policy.
        &["past", "passen", "paste", "pasten"],
        &["bij", "in", "binnen"],
    ),
    (
        &["sluit", "sluiten", "aansluit", "aansluiten", "aansluitend"],
        &["bij"],
    ),
    (&["klikt", "klikken", "klikte", "klik"], &["met", "binnen"]),
    (&["hoort", "horen", "thuishoort"], &["bij", "in"]),
    (&["matcht", "matchen", "match"], &["met", "bij"]),
    (&["fits", "fit", "fitting"], &["in", "into", "with"]),
    (&["belongs", "belong"], &["in", "with", "to"]),
    (&["clicks", "click"], &["with"]),
];

/// Particles that make "past" another verb: "past de regels toe" (applies), "past het plan aan" (adjusts).
const OTHER_VERB: &[&str] = &["toe", "aan"];

/// The groups a candidate can be said to fit: the current members, not a task.
const GROUPS: &[&str] = &[
    "ons",
    "wij",
    "college",
    "fractie",
    "partij",
    "team",
    "groep",
    "club",
    "coalitie",
    "achterban",
    "cultuur",
    "gelederen",
    "kopgroep",
    "us",
    "we",
    "party",
    "group",
    "team",
    "culture",
    "caucus",
    "college",
];

/// Words that end the phrase after the preposition before a group is found:
/// "past bij de wensen van de fractie" is about the wishes, not the group.
const PHRASE_ENDS: &[&str] = &[
    "van", "voor", "met", "bij", "in", "op", "aan", "over", "naar", "en", "of", "die", "dat", "of",
    "for", "with", "and", "or", "that", "which", "to",
];

/// A word that may stand between the preposition and the group: an article or
/// modifier ("in het huidige college", "into the current team").
fn modifier(w: &str) -> bool {
    !PHRASE_ENDS.contains(&w)
}

/// The prepositions of a fit verb, or `None` for any other word.
fn prepositions_of(w: &str) -> Option<&'static [&'static str]> {
    FIT_VERBS
        .iter()
        .find(|(verbs, _)| verbs.contains(&w))
        .map(|(_, preps)| *preps)
}

fn is_group(w: &str) -> bool {
    GROUPS.contains(&w) || GROUPS.iter().any(|g| g.len() >= 5 && w.ends_with(g))
}

fn breaks_clause(gap: &str) -> bool {
    gap.contains([',', ';', '.', ':', '!', '?', '(', ')'])
}

/// Spans from a fit verb to the group it fits into.
fn spans(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let same_clause = |a: usize, b: usize| {
        (a..b).all(|k| !breaks_clause(&text[tokens[k].end..tokens[k + 1].start]))
    };
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Some(preps) = prepositions_of(&t.lower) else {
            continue;
        };
        let reach = (i + 7).min(tokens.len());
        let Some(mut p) = (i + 1..reach).find(|&j| preps.contains(&tokens[j].lower.as_str()))
        else {
            continue;
        };
        // "fits in with our party": the group follows the last of the prepositions.
        while p + 1 < tokens.len() && preps.contains(&tokens[p + 1].lower.as_str()) {
            p += 1;
        }
        if !same_clause(i, p)
            || (t.lower.starts_with("pas")
                && tokens[i + 1..p]
                    .iter()
                    .any(|t| OTHER_VERB.contains(&t.lower.as_str())))
        {
            continue;
        }
        let group = (p + 1..tokens.len().min(p + 4))
            .take_while(|&k| same_clause(p, k))
            .find(|&k| is_group(&tokens[k].lower) || !modifier(&tokens[k].lower))
            .filter(|&k| is_group(&tokens[k].lower));
        if let Some(k) = group {
            out.push((t.start, tokens[k].end));
        }
    }
    // A subordinate clause puts the verb last: "iemand die in onze fractie past".
    for (i, t) in tokens.iter().enumerate() {
        let Some(preps) = prepositions_of(&t.lower) else {
            continue;
        };
        let Some(g) = i.checked_sub(1).filter(|&g| is_group(&tokens[g].lower)) else {
            continue;
        };
        let Some(p) = (g.saturating_sub(3)..g)
            .rev()
            .find(|&p| preps.contains(&tokens[p].lower.as_str()))
        else {
            continue;
        };
        let modifiers_only = tokens[p + 1..g].iter().all(|m| modifier(&m.lower));
        let covered = out.iter().any(|&(s, e)| s < t.end && tokens[p].start < e);
        if modifiers_only && same_clause(p, i) && !covered {
            out.push((tokens[p].start, t.end));
        }
    }
    out.sort_unstable();
    out
}

/// Findings for fit criteria in one text.
pub(crate) fn findings(text: &str, tokens: &[Token]) -> Vec<Finding> {
    spans(text, tokens)
        .into_iter()
        .map(|(s, e)| {
            let quoted = &text[s..e];
            Finding {
                span: Some((s, e)),
                ..Finding::new(
                    Rule::SimilarityBias,
                    Severity::Warning,
                    Text::new(
                        format!("\"{quoted}\": {}", EXPLANATION.0),
                        format!("\"{quoted}\": {}", EXPLANATION.1),
                    ),
                )
                .suggest(Text::new(SUGGESTION.0, SUGGESTION.1))
            }
        })
        .collect()
}

const EXPLANATION: (&str, &str) = (
    "dit vraagt of de kandidaat op de groep lijkt, niet wat die doet (gelijkenisbias). Beoordelaars vinden wie op henzelf lijkt al snel 'passend'; zo blijft het college zoals het is en vallen vrouwen, jongeren en mensen met een migratieachtergrond af.",
    "this asks whether the candidate resembles the group, not what they do (similarity bias). Assessors quickly find people like themselves a 'fit'; the college stays as it is and women, young people and people with a migration background drop out.",
);

const SUGGESTION: (&str, &str) = (
    "Noem het gedrag dat het team nodig heeft, bijvoorbeeld \"Maakt afspraken met collega-wethouders over een gezamenlijk dossier en komt ze na\".",
    "Name the behaviour the team needs, for example \"Makes agreements with fellow aldermen on a shared file and keeps them\".",
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::matcher::tokenize;

    fn found(text: &str) -> Vec<&str> {
        spans(text, &tokenize(text))
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn a_fit_verb_with_a_group_is_found_whatever_stands_between() {
        assert_eq!(
            found("Past goed in het huidige college"),
            ["Past goed in het huidige college"]
        );
        assert_eq!(
            found("Sluit naadloos aan bij onze fractie."),
            ["Sluit naadloos aan bij onze fractie"]
        );
        assert_eq!(found("Klikt met het team"), ["Klikt met het team"]);
        assert_eq!(
            found("Iemand die in onze fractie past"),
            ["in onze fractie past"]
        );
        assert_eq!(
            found("Someone who fits in with our party"),
            ["fits in with our party"]
        );
    }

    #[test]
    fn fitting_a_task_or_applying_rules_is_not_fit_to_a_group() {
        assert!(found("Het voorstel past binnen de begroting").is_empty());
        assert!(found("Past de regels toe in het team").is_empty());
        assert!(found("Sluit aan bij de behoeften van inwoners").is_empty());
        assert!(found("Past bij, de fractie").is_empty());
        assert!(found("Zorgt voor passend onderwijs in elke groep").is_empty());
    }
}
