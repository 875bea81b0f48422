//! Kinship and partner words ("moeder", "mijn man", "married to a woman") and
//! partners' first names. Words for one's own child, parent or spouse are
//! replaced by a neutral word wherever they occur, because "een alleenstaande
//! ouder" reads as well as "moeder"; "man" and "vrouw" only count after a
//! possessive, "als" or "getrouwd met een", so "man en paard noemen" stays.
//! Brothers, sisters, uncles and aunts say nothing about the candidate's
//! gender and are only replaced after a possessive.

use super::context::Ctx;
use super::text::{self, plain_gap, Token};
use super::words::is_function;
use super::{rank, Candidate, Category};
use crate::i18n::Lang;

/// Kinship and partner words: (word, neutral replacement, only after a possessive).
const KIN_NL: &[(&str, &str, bool)] = &[
    ("moeder", "ouder", false),
    ("vader", "ouder", false),
    ("mama", "ouder", false),
    ("papa", "ouder", false),
    ("moeders", "ouders", true),
    ("vaders", "ouders", true),
    ("dochter", "kind", false),
    ("zoon", "kind", false),
    ("dochtertje", "kind", false),
    ("zoontje", "kind", false),
    ("dochters", "kinderen", false),
    ("zonen", "kinderen", false),
    ("zoons", "kinderen", false),
    ("echtgenote", "partner", false),
    ("echtgenoot", "partner", false),
    ("vriendin", "partner", true),
    ("vriendje", "partner", true),
    ("man", "partner", true),
    ("vrouw", "partner", true),
    ("opa", "grootouder", false),
    ("oma", "grootouder", false),
    ("grootvader", "grootouder", false),
    ("grootmoeder", "grootouder", false),
    ("schoonmoeder", "schoonouder", false),
    ("schoonvader", "schoonouder", false),
    ("stiefmoeder", "stiefouder", false),
    ("stiefvader", "stiefouder", false),
    ("broer", "familielid", true),
    ("zus", "familielid", true),
    ("zuster", "familielid", true),
    ("oom", "familielid", true),
    ("tante", "familielid", true),
    ("weduwe", "[burgerlijke staat]", false),
    ("weduwnaar", "[burgerlijke staat]", false),
    ("huisvrouw", "thuisblijvende ouder", false),
    ("huisman", "thuisblijvende ouder", false),
    ("moederschap", "ouderschap", false),
    ("vaderschap", "ouderschap", false),
];

const KIN_EN: &[(&str, &str, bool)] = &[
    ("mother", "parent", false),
    ("father", "parent", false),
    ("mum", "parent", false),
    ("mom", "parent", false),
    ("dad", "parent", false),
    ("daughter", "child", false),
    ("son", "child", false),
    ("daughters", "children", false),
    ("sons", "children", false),
    ("wife", "partner", false),
    ("husband", "partner", false),
    ("girlfriend", "partner", false),
    ("boyfriend", "partner", false),
    ("grandmother", "grandparent", false),
    ("grandfather", "grandparent", false),
    ("grandma", "grandparent", false),
    ("grandpa", "grandparent", false),
    ("woman", "person", true),
    ("man", "person", true),
    ("widow", "widowed person", false),
    ("widower", "widowed person", false),
];

pub(crate) fn find(text: &str, tokens: &[Token], lang: Lang, out: &mut Vec<Candidate>) {
    let ctx = Ctx { text, tokens };
    partner_names(text, tokens, lang, out);
    let (table, en) = match lang {
        Lang::Nl => (KIN_NL, false),
        Lang::En => (KIN_EN, true),
    };
    for (i, t) in tokens.iter().enumerate() {
        let Some((w, r, poss)) = table.iter().find(|(k, _, _)| t.is(k)) else {
            continue;
        };
        if !kin_context(&ctx, i, *poss, en) {
            continue;
        }
        let prev = ctx.word(ctx.prev(i));
        let possessed = matches!(prev, "mijn" | "m" | "mn" | "zijn" | "haar" | "diens");
        let r = match *w {
            "man" | "vrouw" if predicate(ctx.tokens, &ctx, i) => "persoon",
            "man" | "vrouw" if prev == "een" => "partner",
            "man" | "vrouw" if !possessed => "persoon",
            _ => r,
        };
        match ctx.prev(i) {
            // "onze zoon" -> "ons kind": "kind" takes "ons".
            Some(p) if *r == *"kind" && tokens[p].is("onze") => {
                let ons = if tokens[p].starts_upper() {
                    "Ons kind"
                } else {
                    "ons kind"
                };
                out.push(Candidate::new(
                    tokens[p].start,
                    t.end,
                    Category::Kinship,
                    ons,
                    rank::GENDER,
                ));
            }
            _ => out.push(Candidate::new(
                t.start,
                t.end,
                Category::Kinship,
                r,
                rank::GENDER,
            )),
        }
    }
}

fn kin_context(ctx: &Ctx, i: usize, possessive_only: bool, en: bool) -> bool {
    // Words for one's own child, parent or spouse are replaced by a neutral word
    // wherever they occur: "een alleenstaande ouder" reads as well as "moeder".
    if !possessive_only {
        return true;
    }
    // "getrouwd met een vrouw", "samen met een man", "married to a woman"
    if ctx.tokens[i].is_any(&["man", "vrouw", "woman"]) {
        let back: Vec<&str> = (1..=4)
            .filter_map(|k| i.checked_sub(k))
            .map(|j| ctx.tokens[j].folded.as_str())
            .collect();
        if matches!(back.first(), Some(&"een") | Some(&"a"))
            && matches!(back.get(1), Some(&"met") | Some(&"to") | Some(&"with"))
            && back.iter().any(|w| {
                [
                    "getrouwd",
                    "trouwde",
                    "gehuwd",
                    "samen",
                    "relatie",
                    "samenwonend",
                    "woon",
                    "woont",
                    "married",
                    "lives",
                    "live",
                    "relationship",
                ]
                .contains(w)
            })
        {
            return true;
        }
    }
    let mut p = ctx.prev(i);
    // Skip one adjective or number: "mijn oudste dochter", "een trotse moeder", "mijn twee zonen".
    if let Some(q) = p {
        let w = ctx.tokens[q].folded.as_str();
        let adjective = (w.ends_with('e')
            && !["de", "je", "onze", "deze", "die", "the"].contains(&w))
            || w.ends_with("ste")
            || ctx.tokens[q].number().is_some();
        if adjective {
            p = ctx.prev(q);
        }
    }
    // "als Marokkaans-Nederlandse vrouw", "als eerste vrouw": walk back over adjectives to "als".
    if !en && ctx.tokens[i].is_any(&["man", "vrouw"]) {
        let mut j = i;
        for _ in 0..3 {
            let Some(q) = j.checked_sub(1) else { break };
            let gap = &ctx.text[ctx.tokens[q].end..ctx.tokens[j].start];
            if gap.contains([',', '.', ';', ':', '!', '?', '\n']) {
                break;
            }
            if ctx.tokens[q].is("als") {
                return true;
            }
            if is_function(&ctx.tokens[q]) {
                break;
            }
            j = q;
        }
    }
    let w = ctx.word(p);
    if en {
        let before = ctx.word(p.and_then(|p| ctx.prev(p)));
        return matches!(w, "my" | "his" | "her" | "their")
            || (!possessive_only
                && (matches!(w, "am" | "is" | "was")
                    || (w == "a" && matches!(before, "as" | "am" | "is" | "was"))))
            || (possessive_only && w == "a" && before == "as");
    }
    if matches!(w, "mijn" | "m" | "mn" | "zijn" | "haar" | "diens") {
        return true;
    }
    if possessive_only {
        return (w == "als" && ctx.tokens[i].is_any(&["man", "vrouw"]))
            || (!en && predicate(ctx.tokens, ctx, i));
    }
    let before = ctx.word(p.and_then(|p| ctx.prev(p)));
    matches!(
        w,
        "onze" | "ons" | "als" | "ben" | "is" | "was" | "werd" | "word"
    ) || (w == "een" && matches!(before, "ben" | "is" | "was" | "werd" | "als"))
}

/// "zij is een vrouw van haar woord", "hij is een man van weinig woorden": the
/// noun as the predicate of the person says their gender.
fn predicate(tokens: &[Token], ctx: &Ctx, i: usize) -> bool {
    let Some(een) = ctx.prev(i).filter(|&p| tokens[p].is("een")) else {
        return false;
    };
    tokens[i].is_any(&["man", "vrouw"])
        && ctx.prev(een).is_some_and(|c| {
            tokens[c].is_any(&["is", "ben", "was", "bleek", "blijft"])
                && ctx.prev(c).is_some_and(|s| {
                    tokens[s].is_any(&["ik", "hij", "zij", "ze"]) || tokens[s].starts_upper()
                })
        })
}

/// The first name of a partner gives the candidate's (or the partner's) gender
/// away: "getrouwd met Ans", "mijn man Peter", "married to Sean".
fn partner_names(text: &str, tokens: &[Token], lang: Lang, out: &mut Vec<Candidate>) {
    const BEFORE: &[&[&str]] = &[
        &["getrouwd", "met"],
        &["gehuwd", "met"],
        &["trouwde", "met"],
        &["samenwonend", "met"],
        &["woon", "samen", "met"],
        &["woont", "samen", "met"],
        &["married", "to"],
        &["lives", "with"],
        &["man"],
        &["vrouw"],
        &["echtgenoot"],
        &["echtgenote"],
        &["partner"],
        &["vriend"],
        &["vriendin"],
        &["husband"],
        &["wife"],
    ];
    let r = if lang == Lang::En { "[name]" } else { "[naam]" };
    for (i, t) in tokens.iter().enumerate() {
        if !t.starts_upper()
            || text::at_sentence_start(text, t.start)
            || i == 0
            || !(plain_gap(text, &tokens[i - 1], t) || &text[tokens[i - 1].end..t.start] == ", ")
        {
            continue;
        }
        for phrase in BEFORE {
            let n = phrase.len();
            let fits = i >= n && (0..n).all(|k| tokens[i - n + k].folded == phrase[k]);
            // "mijn man Peter", but not "man en paard" or "De man Jansen" with another role.
            let owned = n > 1
                || (i >= 2
                    && tokens[i - 2].is_any(&[
                        "mijn", "m", "mn", "zijn", "haar", "diens", "my", "his", "her",
                    ]));
            if fits && owned {
                let mut end = t.end;
                let mut j = i + 1;
                // "Ans de Wit": capitalised words, with name particles between them.
                while j < tokens.len() && plain_gap(text, &tokens[j - 1], &tokens[j]) {
                    if tokens[j].starts_upper() {
                        end = tokens[j].end;
                        j += 1;
                    } else if super::names::is_tv(tokens[j].text)
                        && j + 1 < tokens.len()
                        && tokens[j + 1].starts_upper()
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                out.push(Candidate::new(
                    t.start,
                    end,
                    Category::Kinship,
                    r,
                    rank::GENDER,
                ));
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blinding::text::tokenize;

    fn hits(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        find(
            text,
            &tokenize(text),
            crate::blinding::detect_lang(text),
            &mut out,
        );
        out.sort_by_key(|c| c.start);
        out.iter()
            .map(|c| format!("{}={}", &text[c.start..c.end], c.replacement))
            .collect()
    }

    #[test]
    fn kinship_words_become_neutral() {
        assert_eq!(
            hits("Als moeder van twee weet ik dat. Mijn man werkt."),
            ["moeder=ouder", "man=partner"]
        );
        assert!(
            hits("Ik zal man en paard noemen; vrouwen en mannen, moeders in de bijstand.")
                .is_empty()
        );
        assert_eq!(hits("Als vrouw in de politiek"), ["vrouw=persoon"]);
        assert_eq!(
            hits("We wonen met onze zoon in de stad."),
            ["onze zoon=ons kind"]
        );
        assert_eq!(hits("Hij is getrouwd met een vrouw."), ["vrouw=partner"]);
        assert_eq!(
            hits("Zij is een vrouw van haar woord. De man van de bakker zit in de raad."),
            ["vrouw=persoon"]
        );
    }

    #[test]
    fn partner_names_are_hidden() {
        assert_eq!(
            hits("Ik ben getrouwd met Ans de Wit en mijn man Peter kookt. Man en Paard."),
            ["Ans de Wit=[naam]", "man=partner", "Peter=[naam]"]
        );
        assert_eq!(hits("Zijn partner, Joost, is leraar."), ["Joost=[naam]"]);
    }

    #[test]
    fn english_kinship() {
        assert_eq!(
            hits("She is a mother of two. As a woman in politics, my husband says. She is married to a woman."),
            ["mother=parent", "woman=person", "husband=partner", "woman=person"]
        );
    }
}
