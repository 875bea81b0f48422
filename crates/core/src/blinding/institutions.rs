//! Media and institutions named after a place: "de Leeuwarder Courant",
//! "Omroep Brabant", "het Streekziekenhuis Zevenaar", "ROC Tilburg". Their
//! name is a place marker even when the place is not in the identity file.
//!
//! A name is a run of capitalised words (with "van het" and the like inside)
//! that holds an institution word and at least one other capitalised word;
//! the lower-case word alone ("de regionale krant", "het ziekenhuis") is
//! neutral and stays.

use super::text::{name_gap, Token};
use super::words::is_function;
use super::{rank, Candidate, Category};
use crate::i18n::Lang;

/// Folded institution words, with what the name is replaced by (Dutch, English).
/// "College" is left out: "College van B en W" is the board, not a school.
const HEADS: &[(&[&str], &str, &str)] = &[
    (
        &[
            "courant",
            "dagblad",
            "krant",
            "nieuwsblad",
            "omroep",
            "rtv",
            "radio",
            "tv",
            "gazet",
            "bode",
            "stentor",
            "gazette",
            "herald",
        ],
        "[regionaal medium]",
        "[regional media]",
    ),
    (
        &[
            "ziekenhuis",
            "streekziekenhuis",
            "umc",
            "mc",
            "medisch",
            "gasthuis",
            "kliniek",
            "hospital",
            "ggz",
        ],
        "[ziekenhuis]",
        "[hospital]",
    ),
    (
        &[
            "universiteit",
            "university",
            "hogeschool",
            "roc",
            "gymnasium",
            "lyceum",
            "scholengemeenschap",
            "basisschool",
            "school",
            "mavo",
            "havo",
            "vwo",
            "atheneum",
        ],
        "[onderwijsinstelling]",
        "[school]",
    ),
];

/// Lower-case words inside an institution's name: "Dagblad van het Noorden".
const INSIDE: &[&str] = &["van", "het", "de", "voor", "aan", "of", "the"];

fn head(t: &Token) -> Option<(&'static str, &'static str)> {
    HEADS
        .iter()
        .find(|(words, _, _)| {
            words.contains(&t.folded.as_str())
                || (t.folded.len() > 8
                    && words.iter().any(|w| w.len() >= 6 && t.folded.ends_with(w)))
        })
        .map(|(_, nl, en)| (*nl, *en))
}

fn capital(t: &Token) -> bool {
    t.starts_upper()
}

/// Words that make a clause about the person: "haar behandeling liep via het ziekenhuis in Heerenveen".
const PERSON: &[&str] = &[
    "ik", "mijn", "hij", "zij", "ze", "zijn", "haar", "i", "my", "he", "she", "his", "her",
];

/// "het ziekenhuis in Heerenveen", "de school in Assen" in a clause about the
/// person: the institution is common, the town is theirs.
fn town_of_institution(text: &str, tokens: &[Token], lang: Lang, out: &mut Vec<Candidate>) {
    for i in 0..tokens.len().saturating_sub(2) {
        let (t, prep, town) = (&tokens[i], &tokens[i + 1], &tokens[i + 2]);
        if capital(t) || head(t).is_none() || !prep.is_any(&["in", "te"]) || !capital(town) {
            continue;
        }
        let sentence_start = text[..t.start]
            .rfind(['.', '!', '?', '\n', ';'])
            .map_or(0, |p| p + 1);
        let person = tokens[..i]
            .iter()
            .rev()
            .take_while(|x| x.start >= sentence_start)
            .any(|x| x.is_any(PERSON));
        if person && name_gap(text, prep.end, town.start) {
            out.push(Candidate::new(
                town.start,
                town.end,
                Category::Place,
                Category::Place.placeholder(lang),
                rank::PARTY_PLACE,
            ));
        }
    }
}

pub(crate) fn find(text: &str, tokens: &[Token], lang: Lang, out: &mut Vec<Candidate>) {
    town_of_institution(text, tokens, lang, out);
    let mut i = 0;
    while i < tokens.len() {
        if !capital(&tokens[i]) {
            i += 1;
            continue;
        }
        // The run of capitalised words from i, with connecting words inside.
        let mut j = i;
        let mut last = i;
        while j + 1 < tokens.len() && name_gap(text, tokens[j].end, tokens[j + 1].start) {
            let n = &tokens[j + 1];
            if capital(n) {
                last = j + 1;
                j += 1;
            } else if n.is_any(INSIDE)
                && (j + 2..tokens.len().min(j + 4))
                    .find(|&k| !tokens[k].is_any(INSIDE))
                    .is_some_and(|k| capital(&tokens[k]))
            {
                j += 1;
            } else {
                break;
            }
        }
        // "De Leeuwarder Courant" at a sentence start: the article is not part of the name.
        let first = if i < last && is_function(&tokens[i]) {
            i + 1
        } else {
            i
        };
        let i_start = first;
        let run = &tokens[first..=last];
        let heads: Vec<_> = run.iter().filter_map(head).collect();
        let capitals = run.iter().filter(|t| capital(t)).count();
        // A sentence's first word is capitalised anyway: "School is belangrijk" is no name.
        let first_only = capitals == 1;
        if let Some((nl, en)) = heads.first() {
            if !first_only && (capitals > heads.len() || run.len() > 2) {
                let r = if lang == Lang::En { *en } else { *nl };
                out.push(Candidate::new(
                    tokens[i_start].start,
                    tokens[last].end,
                    Category::Place,
                    r,
                    rank::PARTY_PLACE,
                ));
            }
        }
        i = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blinding::text::tokenize;

    fn hits(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        find(text, &tokenize(text), Lang::Nl, &mut out);
        out.iter()
            .map(|c| format!("{}={}", &text[c.start..c.end], c.replacement))
            .collect()
    }

    #[test]
    fn institutions_named_after_a_place() {
        assert_eq!(
            hits("Ik schreef voor de Leeuwarder Courant en het Dagblad van het Noorden."),
            [
                "Leeuwarder Courant=[regionaal medium]",
                "Dagblad van het Noorden=[regionaal medium]"
            ]
        );
        assert_eq!(
            hits("Zij werkte in Streekziekenhuis Zevenaar en gaf les aan ROC Tilburg."),
            [
                "Streekziekenhuis Zevenaar=[ziekenhuis]",
                "ROC Tilburg=[onderwijsinstelling]"
            ]
        );
    }

    #[test]
    fn common_nouns_and_sentence_starts_stay() {
        assert!(hits("De regionale krant schreef erover. Het ziekenhuis kampt met tekorten. School is belangrijk.").is_empty());
    }
}
