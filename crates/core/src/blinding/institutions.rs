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

pub(crate) fn find(text: &str, tokens: &[Token], lang: Lang, out: &mut Vec<Candidate>) {
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
