//! Family status in any phrasing: a civil status said of the person ("ik ben
//! gescheiden", "als alleenstaande moeder"), its negation ("woont niet samen",
//! "is nooit getrouwd", "heeft geen kinderen"), a count of children ("mijn
//! drie kinderen", "vader van een tweeling"), and pregnancy and birth ("we
//! verwachten ons tweede kind", "uitgerekend in maart").
//!
//! The same words describe policy ("afval wordt gescheiden ingezameld",
//! "alleenstaande ouders in de bijstand", "de school heeft 300 kinderen"), so
//! a status word only counts when the clause says it of a person: a person as
//! subject and a copula before it, "als" before it, or a singular person noun
//! after it; a count only when it is small and owned or had by someone.

use super::context::{sentence_index, Ctx};
use super::text::Token;
use super::words::{is_function, is_function_en, is_participle};
use super::{rank, Candidate, Category};
use crate::i18n::Lang;

const STATUS_NL: &[&str] = &[
    "alleenstaand",
    "alleenstaande",
    "kinderloos",
    "kinderloze",
    "ongehuwd",
    "ongehuwde",
    "gehuwd",
    "gehuwde",
    "getrouwd",
    "getrouwde",
    "ongetrouwd",
    "ongetrouwde",
    "samenwonend",
    "samenwonende",
    "gescheiden",
    "vrijgezel",
    "single",
    "weduwe",
    "weduwnaar",
];

const STATUS_EN: &[&str] = &[
    "single",
    "divorced",
    "married",
    "unmarried",
    "childless",
    "widowed",
    "separated",
];

const SUBJECTS: &[&str] = &[
    "ik", "hij", "zij", "ze", "we", "wij", "i", "he", "she", "we",
];

const COPULAS: &[&str] = &[
    "ben", "is", "was", "werd", "word", "wordt", "raakte", "bleef", "blijf", "blijft", "am", "was",
    "became", "got", "zijn", "waren",
];

const NEGATIONS: &[&str] = &["niet", "nooit", "geen", "never", "not", "no"];

/// Singular person nouns that a status word describes: "alleenstaande moeder".
const PERSON_NOUNS: &[&str] = &[
    "ouder", "moeder", "vader", "man", "vrouw", "mama", "papa", "parent", "mother", "father",
];

const CHILD_NOUNS: &[&str] = &[
    "kind",
    "kinderen",
    "kindje",
    "kinderen",
    "zoon",
    "zonen",
    "zoons",
    "dochter",
    "dochters",
    "kleinkind",
    "kleinkinderen",
    "tweeling",
    "drieling",
    "pubers",
    "tieners",
    "stiefkinderen",
    "pleegkinderen",
    "pleegkind",
    "child",
    "children",
    "kids",
    "sons",
    "daughters",
    "son",
    "daughter",
    "grandchildren",
    "twins",
];

const SMALL_NUMBERS: &[&str] = &[
    "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
    "twaalf", "geen", "one", "two", "three", "four", "five", "six", "no", "enkele", "meerdere",
];

/// Words before a count that make it the person's own: "heb drie kinderen", "mijn twee zonen".
const HAVING: &[&str] = &[
    "heb", "heeft", "hebben", "had", "hadden", "kreeg", "kregen", "mijn", "m", "mn", "onze", "ons",
    "zijn", "haar", "diens", "van", "met", "have", "has", "my", "our", "his", "her", "of", "with",
];

const EXPECTING: &[&str] = &[
    "verwacht",
    "verwachten",
    "verwachtte",
    "verwachtten",
    "krijg",
    "krijgen",
    "kreeg",
    "kregen",
    "expect",
    "expecting",
];

const BIRTH_NOUNS: &[&str] = &[
    "kind", "kindje", "baby", "zoon", "dochter", "tweeling", "child", "baby",
];

const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "voorjaar",
    "zomer",
    "najaar",
    "winter",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "spring",
    "summer",
    "autumn",
];

pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    lang: Lang,
    known: &[Candidate],
    out: &mut Vec<Candidate>,
) {
    let ctx = Ctx { text, tokens };
    // Where the person is named: "Kees de Bruijn is gescheiden" has the name as its subject.
    let named: Vec<usize> = known
        .iter()
        .filter(|c| c.category == Category::Name)
        .filter_map(|c| {
            tokens
                .iter()
                .position(|t| t.start >= c.start && t.end <= c.end)
        })
        .collect();
    let family = match lang {
        Lang::Nl => "[gezinssituatie]",
        Lang::En => "[family]",
    };
    let pregnancy = Category::Pregnancy.placeholder(lang);
    let mut push = |s: usize, e: usize, cat: Category, r: &str| {
        out.push(Candidate::new(s, e, cat, r, rank::AGE))
    };
    let status = match lang {
        Lang::Nl => STATUS_NL,
        Lang::En => STATUS_EN,
    };
    // The last child count found: "twee zonen en een dochter" counts the second too.
    let mut last_count: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        let before = ctx.clause_before(i);
        let subject = before
            .iter()
            .any(|&j| tokens[j].is_any(SUBJECTS) || named.contains(&j));
        let prev = ctx.prev(i);
        let negated = prev.filter(|&p| tokens[p].is_any(NEGATIONS));
        let start = negated.map_or(t.start, |p| tokens[p].start);

        if t.is_any(status) && said_of_person(&ctx, i, &before, subject) {
            push(start, t.end, Category::Kinship, family);
            continue;
        }
        // "woont niet samen", "we wonen al tien jaar samen"
        if t.is("samen")
            && before
                .iter()
                .take(4)
                .any(|&j| tokens[j].folded.starts_with("woon") || tokens[j].is("wonen"))
            && subject
            && ctx
                .next(i)
                .is_none_or(|n| !tokens[n].is("met") || negated.is_some())
        {
            push(start, t.end, Category::Kinship, family);
            continue;
        }
        // "heeft geen partner", "nooit een relatie gehad"
        if t.is_any(&["partner", "relatie", "vriend", "vriendin", "partner"])
            && negated.is_some()
            && subject
        {
            push(start, t.end, Category::Kinship, family);
            continue;
        }
        // "moeder van vier", "vader van twee": the count of children without the noun.
        if (t.is_any(SMALL_NUMBERS) || t.number().is_some_and(|n| n <= 12))
            && prev.is_some_and(|p| tokens[p].is_any(&["van", "of"]))
            && prev
                .and_then(|p| ctx.prev(p))
                .is_some_and(|q| tokens[q].is_any(PERSON_NOUNS))
            && ctx.next(i).is_none_or(|n| !tokens[n].is_any(CHILD_NOUNS))
        {
            push(t.start, t.end, Category::Kinship, family);
            continue;
        }
        // "na de geboorte van onze zoon": the birth in the family; the child is kinship's.
        if t.is_any(&["geboorte", "birth"])
            && ctx.next(i).is_some_and(|n| {
                tokens[n].is_any(&["van", "of"])
                    && ctx.next(n).is_some_and(|m| {
                        tokens[m].is_any(&["mijn", "onze", "ons", "haar", "zijn", "my", "our"])
                    })
            })
        {
            push(t.start, t.end, Category::Pregnancy, pregnancy);
            continue;
        }
        // A life event of the family: "mijn scheiding", "sinds de scheiding", "na het
        // overlijden van mijn man". Policy uses the same nouns ("de scheiding van afval",
        // "scheiding van machten"), so see `own_life_event`.
        if t.is_any(LIFE_EVENTS) {
            if let Some(s) = own_life_event(&ctx, i, subject_in_sentence(&ctx, i, &named)) {
                push(s, t.end, Category::Kinship, family);
                continue;
            }
        }
        // "sinds mijn man overleed", "toen haar vrouw stierf": a partner's death is widowhood.
        if t.is_any(DIED) && partner_before(&ctx, i) {
            push(t.start, t.end, Category::Kinship, family);
            continue;
        }
        // "we gingen uit elkaar", "mijn vrouw en ik zijn uit elkaar": a separation told
        // by the couple; "de coalitie ging uit elkaar" has no couple and stays.
        if t.is("elkaar")
            && prev.is_some_and(|p| tokens[p].is("uit"))
            && before
                .iter()
                .take(4)
                .any(|&j| tokens[j].is_any(&["gingen", "gaan", "zijn", "waren", "raakten", "ging"]))
            && (before.iter().any(|&j| tokens[j].is_any(&["we", "wij"]))
                || (before.iter().any(|&j| tokens[j].is("ik"))
                    && before.iter().any(|&j| tokens[j].is("en"))))
        {
            push(
                tokens[prev.unwrap()].start,
                t.end,
                Category::Kinship,
                family,
            );
            continue;
        }
        // Counts of children: "heb drie kinderen", "mijn twee zonen", "geen kinderen", "vader van een tweeling".
        if t.is_any(CHILD_NOUNS) {
            let mut first = i;
            let mut k = prev;
            for _ in 0..2 {
                match k {
                    Some(p)
                        if tokens[p].is_any(SMALL_NUMBERS)
                            || tokens[p].number().is_some_and(|n| n <= 12)
                            || tokens[p].is_any(&["jonge", "kleine", "volwassen", "eigen"]) =>
                    {
                        first = p;
                        k = ctx.prev(p);
                    }
                    _ => break,
                }
            }
            let counted = first < i
                && tokens[first..i]
                    .iter()
                    .any(|t| t.is_any(SMALL_NUMBERS) || t.number().is_some());
            let listed = k.is_some_and(|p| {
                // "een dochter van zes en een zoon van negen": a count listed after another.
                tokens[p].is_any(&["en", "and"])
                    && last_count.is_some_and(|c| c < p && p - c <= 4 && before.contains(&c))
            });
            let had = before.iter().take(6).any(|&j| {
                tokens[j].is_any(&["heb", "heeft", "hebben", "had", "hadden", "have", "has"])
            });
            let owned = listed
                || (k.is_some_and(|p| tokens[p].is_any(HAVING)) || had)
                    && (subject
                        || k.is_some_and(|p| {
                            tokens[p].is_any(&[
                                "mijn", "m", "mn", "onze", "zijn", "haar", "diens", "my", "our",
                                "his", "her",
                            ])
                        })
                        || before.iter().any(|&j| tokens[j].is_any(PERSON_NOUNS)));
            if counted && owned {
                push(tokens[first].start, t.end, Category::Kinship, family);
                last_count = Some(i);
                continue;
            }
        }
        // "we verwachten ons tweede kind", "kreeg ik mijn eerste kind"
        if t.is_any(BIRTH_NOUNS) {
            let back: Vec<usize> = before.iter().take(4).copied().collect();
            if let Some(&v) = back.iter().find(|&&j| tokens[j].is_any(EXPECTING)) {
                if back
                    .iter()
                    .any(|&j| tokens[j].is_any(&["ons", "onze", "mijn", "een", "our", "my", "a"]))
                {
                    push(tokens[v].start, t.end, Category::Pregnancy, pregnancy);
                    continue;
                }
            }
        }
        // "uitgerekend in maart", "uitgerekend op 12 mei", "due in March"
        if t.is_any(&["uitgerekend", "due"]) {
            let after = ctx.clause_after(i);
            let end = after
                .iter()
                .take(4)
                .filter(|&&j| tokens[j].is_any(MONTHS) || tokens[j].number().is_some())
                .map(|&j| tokens[j].end)
                .max();
            // "ik ben uitgerekend in maart", not "uitgerekend nu" (of all times).
            let copula = prev.is_some_and(|p| tokens[p].is_any(&["ben", "is", "was", "am"]));
            if end.is_some() || copula {
                push(
                    t.start,
                    end.unwrap_or(t.end),
                    Category::Pregnancy,
                    pregnancy,
                );
            }
        }
    }
}

/// Events that change a family: divorce, a partner's death, a wedding.
const LIFE_EVENTS: &[&str] = &[
    "scheiding",
    "echtscheiding",
    "overlijden",
    "huwelijk",
    "bruiloft",
    "trouwdag",
    "weduwschap",
    "dood",
    "verlies",
    "divorce",
    "separation",
    "death",
    "passing",
    "wedding",
    "marriage",
];

/// Prepositions that date a life in relation to an event: "sinds de scheiding".
const SINCE: &[&str] = &[
    "sinds", "na", "voor", "tijdens", "door", "vanwege", "rond", "since", "after", "before",
    "during",
];

const POSSESSIVES: &[&str] = &[
    "mijn", "m", "mn", "zijn", "haar", "onze", "ons", "diens", "my", "his", "her", "our",
];

/// Is the life-event noun at `i` the person's own? Then the start of the span to hide.
/// - After a possessive: "mijn scheiding", "onze bruiloft" (the possessive goes too).
/// - After a dating preposition and an article ("sinds de scheiding", "na het
///   overlijden") in a sentence with the person as subject, unless "van" follows
///   with something that is not a person ("de scheiding van afval", "van machten").
/// - Any article, when "van" follows with a possessive: "het overlijden van mijn man".
fn own_life_event(ctx: &Ctx, i: usize, subject: bool) -> Option<usize> {
    let tokens = ctx.tokens;
    let prev = ctx.prev(i)?;
    if tokens[prev].is_any(POSSESSIVES) {
        return Some(tokens[prev].start);
    }
    // "mijn tweede huwelijk", "onze eerste bruiloft": a possessive before an inflected adjective.
    if let Some(p) = ctx.prev(prev).filter(|&p| tokens[p].is_any(POSSESSIVES)) {
        if tokens[prev].folded.ends_with('e') && !is_function(&tokens[prev]) {
            return Some(tokens[p].start);
        }
    }
    if !tokens[prev].is_any(&["de", "het", "the", "een", "a"]) {
        return None;
    }
    // What follows "van"/"of": a possessive or a person makes it a family's event.
    let of = ctx
        .next(i)
        .filter(|&n| tokens[n].is_any(&["van", "of"]))
        .map(|n| {
            ctx.next(n).is_some_and(|m| {
                tokens[m].is_any(POSSESSIVES)
                    || tokens[m].is_any(&["hem", "haar", "hen", "him", "them"])
                    // "scheiding van tafel en bed": the legal separation of a couple.
                    || tokens[m].is("tafel")
            })
        });
    match of {
        Some(true) => Some(tokens[i].start),
        Some(false) => None,
        None => {
            let dated = ctx.prev(prev).is_some_and(|p| tokens[p].is_any(SINCE));
            (dated && subject).then_some(tokens[i].start)
        }
    }
}

/// Verbs of dying, for a partner's death.
const DIED: &[&str] = &[
    "overleed",
    "overleden",
    "stierf",
    "gestorven",
    "died",
    "passed",
];

/// Partners whose death makes the person a widow or widower.
const PARTNERS: &[&str] = &[
    "man",
    "vrouw",
    "partner",
    "echtgenoot",
    "echtgenote",
    "vriend",
    "vriendin",
    "husband",
    "wife",
];

/// Is there a possessive and a partner noun just before `i` in its clause ("mijn man
/// overleed", "mijn vrouw is in 2019 overleden")?
fn partner_before(ctx: &Ctx, i: usize) -> bool {
    let before = ctx.clause_before(i);
    before.iter().take(5).any(|&j| {
        ctx.tokens[j].is_any(PARTNERS)
            && ctx
                .prev(j)
                .is_some_and(|p| ctx.tokens[p].is_any(POSSESSIVES))
    })
}

/// Does the sentence around `i` have the person as subject (a subject pronoun or the name)?
fn subject_in_sentence(ctx: &Ctx, i: usize, named: &[usize]) -> bool {
    let sentence = sentence_index(ctx.text, ctx.tokens);
    (0..ctx.tokens.len())
        .filter(|&j| sentence[j] == sentence[i])
        .any(|j| ctx.tokens[j].is_any(SUBJECTS) || named.contains(&j))
}

/// Is a status word at `i` said of a person: "ik ben gescheiden", "als
/// alleenstaande moeder", "is nooit getrouwd geweest"?
fn said_of_person(ctx: &Ctx, i: usize, before: &[usize], subject: bool) -> bool {
    let tokens = ctx.tokens;
    // "gescheiden afvalinzameling": before a noun that is not a person it describes the noun.
    if ctx.next(i).is_some_and(|n| {
        !is_function(&tokens[n])
            && !is_function_en(&tokens[n])
            && !is_participle(&tokens[n])
            && !tokens[n].is_any(PERSON_NOUNS)
    }) {
        return false;
    }
    let next_person = ctx.next(i).is_some_and(|n| tokens[n].is_any(PERSON_NOUNS));
    let als = before
        .iter()
        .take(2)
        .any(|&j| tokens[j].is_any(&["als", "as"]));
    // The copula must be this word's: only adverbs and a year may stand between
    // ("ben sinds 2015 gescheiden"), not "ben voorstander van gescheiden ...".
    let copula = before
        .iter()
        .take(4)
        .take_while(|&&j| is_function(&tokens[j]) || tokens[j].is_any(COPULAS))
        .any(|&j| tokens[j].is_any(COPULAS));
    // "en is ongehuwd": a word that only names a civil status needs no subject in view;
    // "gescheiden" and "single" also describe waste and tickets.
    let unambiguous = !tokens[i].is_any(&["gescheiden", "single", "separated"]);
    // "getrouwd met Ans": a participle with its partner.
    let partner = ctx
        .next(i)
        .is_some_and(|n| tokens[n].is_any(&["met", "to"]))
        && tokens[i].is_any(&["getrouwd", "gehuwd", "married"]);
    next_person || als || (subject && (copula || partner)) || (unambiguous && copula)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blinding::text::tokenize;

    fn hits(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let lang = crate::blinding::detect_lang(text);
        find(text, &tokenize(text), lang, &[], &mut out);
        out.sort_by_key(|c| c.start);
        out.iter()
            .map(|c| text[c.start..c.end].to_owned())
            .collect()
    }

    #[test]
    fn civil_status_of_the_person_in_any_phrasing() {
        assert_eq!(hits("Ik ben sinds 2015 gescheiden."), ["gescheiden"]);
        assert_eq!(
            hits("Als alleenstaande moeder weet ik dat."),
            ["alleenstaande"]
        );
        assert_eq!(hits("Hij is nooit getrouwd geweest."), ["nooit getrouwd"]);
        assert_eq!(hits("Zij woont niet samen."), ["niet samen"]);
        assert_eq!(hits("Ik heb geen kinderen."), ["geen kinderen"]);
        assert_eq!(
            hits("Hij heeft twee zonen en een dochter."),
            ["twee zonen", "een dochter"]
        );
        assert_eq!(hits("Ik ben vader van een tweeling."), ["een tweeling"]);
        assert_eq!(hits("Ze is moeder van vier."), ["vier"]);
        assert_eq!(
            hits("Ze heeft geen partner en geen kinderen, en is ongehuwd."),
            ["geen partner", "geen kinderen", "ongehuwd"]
        );
        assert_eq!(hits("Wij hebben samen drie dochters."), ["drie dochters"]);
    }

    #[test]
    fn the_same_words_in_policy_stay() {
        assert!(
            hits("Afval wordt gescheiden ingezameld. Ik zorg dat afval gescheiden wordt.")
                .is_empty()
        );
        assert!(hits("Ik help alleenstaande ouders in de bijstand.").is_empty());
        assert!(hits("Ik ben voorstander van gescheiden afvalinzameling.").is_empty());
        assert!(
            hits("De school heeft 300 kinderen en hij helpt twee kinderen met lezen.").is_empty()
        );
        assert!(hits("Bewoners wonen hier samen met hun buren.").is_empty());
    }

    #[test]
    fn a_life_event_of_the_person_in_any_phrasing() {
        assert_eq!(
            hits("Sinds de scheiding woon ik weer in de stad."),
            ["scheiding"]
        );
        assert_eq!(hits("Na de scheiding ben ik verhuisd."), ["scheiding"]);
        assert_eq!(
            hits("Na mijn scheiding ben ik verhuisd."),
            ["mijn scheiding"]
        );
        assert_eq!(
            hits("Mijn tweede huwelijk eindigde anders."),
            ["Mijn tweede huwelijk"]
        );
        assert_eq!(
            hits("Het overlijden van mijn man veranderde alles."),
            ["overlijden"]
        );
        assert_eq!(
            hits("Sinds het overlijden van haar vrouw zit ze in de raad."),
            ["overlijden"]
        );
        assert_eq!(hits("Ik ben als weduwe alleen komen te staan."), ["weduwe"]);
        assert_eq!(
            hits("Sinds mijn man overleed, woon ik alleen."),
            ["overleed"]
        );
        assert_eq!(hits("Mijn vrouw is in 2019 overleden."), ["overleden"]);
        assert_eq!(hits("In 2018 gingen we uit elkaar."), ["uit elkaar"]);
        assert!(hits("De coalitie ging in 2018 uit elkaar.").is_empty());
        assert!(hits("Het aantal inwoners dat overleed aan covid daalde.").is_empty());
    }

    #[test]
    fn the_same_event_nouns_in_policy_stay() {
        assert!(hits("De scheiding van afval moet beter, vind ik.").is_empty());
        assert!(hits("Ik sta voor de scheiding van machten.").is_empty());
        assert!(hits("Na de scheiding van het afval daalden de kosten.").is_empty());
        assert!(hits("Sinds de scheiding daalden de kosten voor de gemeente.").is_empty());
        assert!(hits("Het huwelijk van de twee gemeenten is een fusie.").is_empty());
        assert!(hits("Na het verlies van de zetel ging ik door.").is_empty());
    }

    #[test]
    fn pregnancy_and_birth() {
        assert_eq!(
            hits("We verwachten ons tweede kind."),
            ["verwachten ons tweede kind"]
        );
        assert_eq!(
            hits("Ik ben uitgerekend in maart."),
            ["uitgerekend in maart"]
        );
        assert!(hits("Dat gebeurt uitgerekend nu.").is_empty());
        assert_eq!(
            hits("Na de geboorte van onze zoon nam ik verlof."),
            ["geboorte"]
        );
        assert_eq!(
            hits("She is divorced and is due in May, the doctor says."),
            ["divorced", "due in May"]
        );
    }
}
