//! One candidate, every text: a name, place or term the secretary accepted
//! for redaction in one of a candidate's texts is proposed wherever it occurs
//! in their other texts, so a town hidden in the CV does not show in the
//! written answer.
//!
//! Words whose meaning depends on the sentence (pronouns, "man", ages, years)
//! are not carried over: "haar" hidden in one text says nothing about "haar"
//! in the next, and "41" may be an age in the CV and a budget in the answer.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::text::{fold, name_gap, Token};
use super::{rank, Category, Redaction};

/// A redacted string from another text of the same candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KnownTerm {
    pub matched: String,
    pub category: Category,
    pub replacement: String,
}

/// Categories decided by the sentence around a word; carrying them to another text would guess.
fn context_bound(category: Category) -> bool {
    matches!(
        category,
        Category::Gender | Category::Kinship | Category::Age | Category::Date
    )
}

/// The terms of a text's accepted redactions that are worth proposing in the
/// candidate's other texts. Redactions outside `original` are skipped.
pub fn known_terms(original: &str, redactions: &[Redaction]) -> Vec<KnownTerm> {
    let mut out: Vec<KnownTerm> = Vec::new();
    for r in redactions {
        let Some(matched) = original.get(r.start..r.end) else {
            continue;
        };
        let words = super::text::fold_words(matched);
        let letters = words.iter().map(String::len).sum::<usize>();
        if context_bound(r.category)
            || letters < 3
            || words.iter().all(|w| w.bytes().all(|b| b.is_ascii_digit()))
        {
            continue;
        }
        // "Wirdum in Friesland" was one place there; each part may stand alone elsewhere.
        let parts: Vec<&str> = if r.category == Category::Place {
            matched.split(" in ").collect()
        } else {
            vec![matched]
        };
        for part in parts {
            if !out
                .iter()
                .any(|k| fold(&k.matched) == fold(part) && k.category == r.category)
            {
                out.push(KnownTerm {
                    matched: part.to_owned(),
                    category: r.category,
                    replacement: r.replacement.clone(),
                });
            }
        }
    }
    out
}

/// Occurrences of the known terms as whole words (case and diacritics aside).
pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    known: &[KnownTerm],
    out: &mut Vec<super::Candidate>,
) {
    for k in known {
        let words = super::text::fold_words(&k.matched);
        let n = words.len();
        if n == 0 || n > tokens.len() {
            continue;
        }
        for i in 0..=tokens.len() - n {
            let fits = (0..n).all(|j| {
                tokens[i + j].folded == words[j]
                    && (j == 0 || name_gap(text, tokens[i + j - 1].end, tokens[i + j].start))
            });
            if fits {
                out.push(super::Candidate::new(
                    tokens[i].start,
                    tokens[i + n - 1].end,
                    k.category,
                    k.replacement.clone(),
                    rank::PARTY_PLACE,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blinding::{propose_with_known, Identity, RedactionLexicon};

    #[test]
    fn a_place_hidden_in_the_cv_is_proposed_in_the_answer() {
        let cv = "Opgegroeid in Wirdum, raadslid sinds 2018. Zij is 41.";
        let id = Identity::new("Sanne Dijkstra");
        let lex = RedactionLexicon::bundled();
        let accepted: Vec<Redaction> = crate::blinding::propose(cv, &id, &lex)
            .iter()
            .map(Redaction::from)
            .collect();
        let known = known_terms(cv, &accepted);
        assert_eq!(
            known.iter().map(|k| k.matched.as_str()).collect::<Vec<_>>(),
            ["Wirdum"],
            "pronouns, ages and years are not carried over"
        );
        let answer = "In Wirdum zag ik hoe het dorpshuis dichtging; zij vond dat jammer.";
        let hidden: Vec<_> = propose_with_known(answer, &id, &lex, &known)
            .into_iter()
            .map(|p| p.matched)
            .collect();
        assert!(hidden.contains(&"Wirdum".to_owned()), "{hidden:?}");
        let without: Vec<_> = crate::blinding::propose(answer, &id, &lex)
            .into_iter()
            .map(|p| p.matched)
            .collect();
        assert!(!without.contains(&"Wirdum".to_owned()), "{without:?}");
    }
}
