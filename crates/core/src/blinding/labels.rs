//! Labelled fields in CV-style text: "Woonplaats: Breda", "Geslacht: vrouw".
//! The value after the colon, up to the end of the line, is hidden.

use super::text::Token;
use super::{rank, Candidate, Category};
use crate::i18n::Lang;

/// Folded label words and what their value reveals, with a Dutch and English placeholder.
const LABELS: &[(&[&str], Category, &str, &str)] = &[
    (&["woonplaats"], Category::Place, "[plaats]", "[place]"),
    (&["geboorteplaats"], Category::Place, "[plaats]", "[place]"),
    (&["adres"], Category::Place, "[adres]", "[address]"),
    (&["address"], Category::Place, "[adres]", "[address]"),
    (
        &["place", "of", "birth"],
        Category::Place,
        "[plaats]",
        "[place]",
    ),
    (&["residence"], Category::Place, "[plaats]", "[place]"),
    (&["geslacht"], Category::Gender, "[geslacht]", "[gender]"),
    (&["gender"], Category::Gender, "[geslacht]", "[gender]"),
    (&["sex"], Category::Gender, "[geslacht]", "[gender]"),
    (&["aanhef"], Category::Gender, "[aanhef]", "[title]"),
    (
        &["nationaliteit"],
        Category::Origin,
        "[nationaliteit]",
        "[nationality]",
    ),
    (
        &["nationality"],
        Category::Origin,
        "[nationaliteit]",
        "[nationality]",
    ),
    (
        &["geboorteland"],
        Category::Origin,
        "[herkomst]",
        "[origin]",
    ),
    (&["religie"], Category::Religion, "[geloof]", "[religion]"),
    (&["geloof"], Category::Religion, "[geloof]", "[religion]"),
    (
        &["geloofsovertuiging"],
        Category::Religion,
        "[geloof]",
        "[religion]",
    ),
    (
        &["burgerlijke", "staat"],
        Category::Kinship,
        "[burgerlijke staat]",
        "[marital status]",
    ),
    (
        &["marital", "status"],
        Category::Kinship,
        "[burgerlijke staat]",
        "[marital status]",
    ),
    (
        &["gezinssituatie"],
        Category::Kinship,
        "[gezinssituatie]",
        "[family]",
    ),
    (&["geboortedatum"], Category::Date, "[datum]", "[date]"),
    (
        &["date", "of", "birth"],
        Category::Date,
        "[datum]",
        "[date]",
    ),
    (&["leeftijd"], Category::Age, "[leeftijd]", "[age]"),
    (&["age"], Category::Age, "[leeftijd]", "[age]"),
    (&["partij"], Category::Party, "[partij]", "[party]"),
    (&["party"], Category::Party, "[partij]", "[party]"),
    (&["telefoon"], Category::Phone, "[telefoon]", "[phone]"),
    (&["mobiel"], Category::Phone, "[telefoon]", "[phone]"),
    (&["phone"], Category::Phone, "[telefoon]", "[phone]"),
    (&["naam"], Category::Name, "de kandidaat", "the candidate"),
    (&["name"], Category::Name, "de kandidaat", "the candidate"),
];

pub(crate) fn find(text: &str, tokens: &[Token], lang: Lang, out: &mut Vec<Candidate>) {
    for i in 0..tokens.len() {
        // A label starts a line.
        let line_start = text[..tokens[i].start].rfind('\n').map_or(0, |n| n + 1);
        if !text[line_start..tokens[i].start].trim().is_empty() {
            continue;
        }
        for (words, category, nl, en) in LABELS {
            let n = words.len();
            if i + n > tokens.len() || !(0..n).all(|k| tokens[i + k].folded == words[k]) {
                continue;
            }
            let after = &text[tokens[i + n - 1].end..];
            let Some(rest) = after.trim_start_matches([' ', '\t']).strip_prefix(':') else {
                continue;
            };
            let value_start =
                text.len() - rest.len() + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
            let line_end = text[value_start..]
                .find('\n')
                .map_or(text.len(), |e| value_start + e);
            let value_end = value_start + text[value_start..line_end].trim_end().len();
            if value_end > value_start {
                let r = if lang == Lang::En { en } else { nl };
                out.push(Candidate::new(
                    value_start,
                    value_end,
                    *category,
                    *r,
                    rank::CONTACT,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blinding::text::tokenize;

    #[test]
    fn values_of_labelled_fields() {
        let text = "Naam: F. el Amrani\nWoonplaats:  Breda \nGeslacht: vrouw\nBurgerlijke staat: gehuwd\nOpleiding: bestuurskunde\nIk woon in de plaats: Breda";
        let mut out = Vec::new();
        find(text, &tokenize(text), Lang::Nl, &mut out);
        let hits: Vec<_> = out
            .iter()
            .map(|c| format!("{}={}", &text[c.start..c.end], c.replacement))
            .collect();
        assert_eq!(
            hits,
            [
                "F. el Amrani=de kandidaat",
                "Breda=[plaats]",
                "vrouw=[geslacht]",
                "gehuwd=[burgerlijke staat]"
            ]
        );
    }
}
