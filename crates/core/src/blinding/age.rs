//! Ages and birth years. A number, in digits or words, is only an age in an
//! age context ("41 jaar", "ben 41", "26-jarige", "sinds mijn 21e", "(41)"
//! after the name, "een vrouw van 43", "toen ik vijftien was"), so budgets,
//! "3 wethouders", percentages, "artikel 41" and "2026" stay. Life events date
//! a person too: "op mijn achttiende", "sinds mijn pensioen", the year of a
//! wedding or a graduation, the age of one's child.
//!
//! In a CV list, a line that starts with a year or a span of years is dated by
//! that year: the years of education ("1998–2002 Hbo Bestuurskunde", "2003:
//! afgestudeerd") and of the first job (the earliest other dated line) give the
//! birth year away within a few years, so they are proposed; later jobs, and
//! years of a policy or a project in running text, stay.

use super::identity::Identity;
use super::text::{plain_gap, Token};
use super::words::COPULAS;
use super::{rank, Candidate, Category};
use crate::i18n::Lang;

const TENS: &[&str] = &[
    "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig",
];

pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    identity: &Identity,
    lang: Lang,
    known: &[Candidate],
    out: &mut Vec<Candidate>,
) {
    let age = Category::Age.placeholder(lang);
    let year = match lang {
        Lang::Nl => "[jaar]",
        Lang::En => "[year]",
    };
    let birth_year = identity.birth_date.map(|d| u32::from(d.year));
    let life_stage = match lang {
        Lang::Nl => "[levensfase]",
        Lang::En => "[life stage]",
    };
    let mut genders = Vec::new();
    let mut push_gender = |s: usize, e: usize| genders.push((s, e));
    let mut ages = Vec::new();
    let mut push = |s: usize, e: usize, r: &str| ages.push((s, e, r.to_owned()));
    let word = |i: usize| tokens.get(i).map(|t| t.folded.as_str()).unwrap_or("");
    let gap = |a: usize, b: usize| b < tokens.len() && plain_gap(text, &tokens[a], &tokens[b]);

    for (i, t) in tokens.iter().enumerate() {
        let prev = if i > 0 { word(i - 1) } else { "" };
        let prev2 = if i > 1 { word(i - 2) } else { "" };
        let joined_prev =
            i > 0 && tokens[i - 1].end + 1 == t.start && text[tokens[i - 1].end..t.start] == *"-";

        // "veertigjarige", "vijftigjarig"
        if TENS.iter().any(|w| t.folded.starts_with(w))
            && (t.folded.ends_with("jarige") || t.folded.ends_with("jarig"))
        {
            push(t.start, t.end, age);
            continue;
        }
        // "sinds mijn 21e", "op mijn 18de"
        if let Some(n) = ordinal(&t.folded) {
            if (1..=110).contains(&n) && matches!(prev, "mijn" | "zijn" | "haar" | "diens" | "n") {
                push(t.start, t.end, age);
            }
            continue;
        }
        // "op mijn achttiende", "sinds haar vijftigste": an age as an ordinal after a possessive.
        if is_ordinal_word(&t.folded) && POSSESSIVE.contains(&prev) {
            push(t.start, t.end, age);
            continue;
        }
        // "sinds mijn pensioen", "met pensioen": retirement dates the person.
        if t.is_any(&["pensioen", "pensionering", "retirement", "vut"])
            && (POSSESSIVE.contains(&prev) || matches!(prev, "met" | "since"))
            && i > 0
        {
            push(tokens[i - 1].start, t.end, life_stage);
            continue;
        }
        // "een vrouw van in de vijftig", "van begin veertig", "eind dertig"
        if TENS.contains(&t.folded.as_str()) && i >= 2 {
            let from = if prev == "de" && prev2 == "in" {
                Some(i - 2)
            } else if matches!(prev, "begin" | "midden" | "eind" | "ergens") {
                Some(i - 1)
            } else {
                None
            };
            if let Some(from) = from {
                push(tokens[from].start, t.end, age);
                gendered_person(tokens, from.saturating_sub(3), &mut push_gender);
                continue;
            }
        }
        // Ages in words count like digits: "toen ik vijftien was", "een man van eenenzestig".
        let Some(n) = t.number().or_else(|| number_word(&t.folded)) else {
            continue;
        };
        let after = &text[t.end..];
        if after.starts_with(['%', ',', '.'])
            && after[1..].starts_with(|c: char| c.is_ascii_digit())
            || after.starts_with('%')
        {
            continue;
        }
        if text[..t.start].ends_with(['€', '$', '.', ',']) || prev == "artikel" || prev == "lid" {
            continue;
        }
        let next = word(i + 1);
        let next2 = word(i + 2);

        // Birth year, wherever it appears, and years in a birth or "since" context.
        if (1900..=2100).contains(&n) && !joined_prev {
            // "sinds 2018" dates the person only when the clause is about a person
            // ("sinds 2018 is ze raadslid"), not in "huren stegen sinds 2015".
            let since =
                matches!(prev, "sinds" | "since") && person_in_clause(text, tokens, i, known);
            let birth_context = since
                || matches!(
                    prev,
                    "geboren" | "geboortejaar" | "geb" | "afgestudeerd" | "born" | "graduated"
                )
                || (prev == "in" && (GRADUATION.contains(&prev2) || GRADUATION.contains(&next)));
            // "in 1998 trouwden we", "in 2004 studeerde ik af": a year of a life event.
            // "van 1998 tot 2002 studeerde ik": the span of a life event too.
            let life_event = matches!(prev, "in" | "sinds" | "vanaf" | "van" | "tot" | "since")
                && person_in_clause(text, tokens, i, known)
                && (clause_has(text, tokens, i, LIFE_EVENTS) || first_job(text, tokens, i));
            if Some(n) == birth_year || birth_context || life_event {
                push(t.start, t.end, year);
            }
            continue;
        }
        // "een dochter van zes": a child's age dates the parent.
        if matches!(prev, "van" | "of") && i >= 2 && CHILD_NOUNS.contains(&prev2) && n <= 40 {
            push(t.start, t.end, age);
            continue;
        }
        if !(12..=110).contains(&n) {
            continue;
        }
        // "een vrouw van 43", "a man of 52": gender and age in one phrase.
        if matches!(prev, "van" | "of") && i >= 2 && PERSON_NOUNS.contains(&prev2) {
            let end = if matches!(next, "jaar" | "years") && gap(i, i + 1) {
                tokens[i + 1].end
            } else {
                t.end
            };
            push(t.start, end, age);
            gendered_person(tokens, i - 2, &mut push_gender);
            continue;
        }
        // "26-jarige", "41 jarige", "41-year-old"
        if matches!(next, "jarige" | "jarig") && (gap(i, i + 1) || text[t.end..].starts_with('-')) {
            push(t.start, tokens[i + 1].end, age);
            // "een 43-jarige vrouw": the noun after the age says the gender.
            person_after(tokens, i + 2, &mut push_gender);
            continue;
        }
        if next == "year" && next2 == "old" && text[t.end..].starts_with('-') {
            push(t.start, tokens[i + 2].end, age);
            person_after(tokens, i + 3, &mut push_gender);
            continue;
        }
        // "41 jaar oud", "ben 41 jaar", "leeftijd van 41 jaar", "41 years old"
        let copula =
            COPULAS.contains(&prev) || matches!(prev, "am" | "is" | "was" | "aged" | "age");
        let leeftijd = prev == "van" && prev2 == "leeftijd" || prev == "leeftijd";
        if matches!(next, "jaar" | "years") && gap(i, i + 1) {
            if matches!(next2, "oud" | "jong" | "old" | "young") {
                push(t.start, tokens[i + 2].end, age);
                continue;
            }
            // "ben 41 jaar", and "Youssef el Idrissi, 39 jaar, vader van ..." (an apposition).
            let apposition = text[..t.start].trim_end().ends_with([',', '('])
                && text[tokens[i + 1].end..].starts_with([',', '.', ')']);
            if copula || leeftijd || apposition {
                push(t.start, tokens[i + 1].end, age);
                continue;
            }
            // "geboren in Emmen, 59 jaar geleden"
            if next2 == "geleden"
                && person_in_clause(text, tokens, i, known)
                && sentence_has(text, tokens, i, &["geboren", "born"])
            {
                push(t.start, tokens[i + 2].end, age);
                continue;
            }
            // "30 jaar ervaring": long experience gives the age away.
            if n >= 15 && matches!(next2, "ervaring" | "werkervaring" | "experience") {
                push(t.start, t.end, "[aantal]");
                continue;
            }
            continue;
        }
        // "ik ben 41.", "toen ik 16 was", "aged 41", "(41)" after the name
        let clause_end = next.is_empty()
            || (!gap(i, i + 1) && !text[t.end..].starts_with(')'))
            || matches!(next, "en" | "maar" | "want" | "dus" | "and" | "but" | "so");
        let toen_ik = matches!(prev, "ik" | "hij" | "zij" | "ze")
            && matches!(next, "was" | "werd")
            && gap(i, i + 1);
        let after_name = text[..t.start].ends_with('(')
            && text[t.end..].starts_with(')')
            && known
                .iter()
                .any(|c| c.category == Category::Name && text[c.end..t.start].trim() == "(");
        // "Daan Meijer is 29 en ...": the name as the subject.
        let named_subject = i >= 2
            && known
                .iter()
                .any(|c| c.category == Category::Name && c.end == tokens[i - 2].end);
        if (copula
            && clause_end
            && (named_subject
                || matches!(
                    prev2,
                    "ik" | "hij" | "zij" | "ze" | "i" | "he" | "she" | "kandidaat"
                )))
            || (leeftijd && clause_end)
            || toen_ik
            || after_name
            || prev == "aged"
        {
            push(t.start, t.end, age);
        }
    }
    for (s, e, r) in ages {
        out.push(Candidate::new(s, e, Category::Age, r, rank::AGE));
    }
    for (s, e) in cv_years(text, tokens) {
        out.push(Candidate::new(s, e, Category::Age, year, rank::AGE));
    }
    let person = match lang {
        Lang::Nl => "persoon",
        Lang::En => "person",
    };
    for (s, e) in genders {
        out.push(Candidate::new(s, e, Category::Gender, person, rank::AGE));
    }
}

/// Nouns for a person that, with an age, describe the candidate: "een vrouw van 43".
const PERSON_NOUNS: &[&str] = &[
    "vrouw", "man", "moeder", "vader", "jongen", "meid", "meisje", "dame", "heer", "kerel",
    "woman", "mother", "father", "guy", "lady",
];

/// A person's own children, whose age gives the parent's away.
const CHILD_NOUNS: &[&str] = &[
    "dochter",
    "zoon",
    "dochtertje",
    "zoontje",
    "kind",
    "kindje",
    "daughter",
    "son",
];

const POSSESSIVE: &[&str] = &["mijn", "zijn", "haar", "diens", "my", "his", "her"];

/// Events of an education whose year, after "in", dates the person: "eindexamen in 1985",
/// "in 2003 afgestudeerd".
const GRADUATION: &[&str] = &[
    "geboren",
    "afgestudeerd",
    "eindexamen",
    "diploma",
    "gediplomeerd",
    "gepromoveerd",
    "propedeuse",
    "born",
    "graduated",
];

/// Words on a CV line that make it education: a school type, a degree or the act of studying.
const EDUCATION: &[&str] = &[
    "hbo",
    "mbo",
    "wo",
    "vwo",
    "havo",
    "vmbo",
    "mavo",
    "lts",
    "meao",
    "heao",
    "atheneum",
    "gymnasium",
    "lyceum",
    "universiteit",
    "hogeschool",
    "roc",
    "bachelor",
    "master",
    "msc",
    "bsc",
    "llm",
    "mba",
    "phd",
    "propedeuse",
    "studie",
    "opleiding",
    "student",
    "afgestudeerd",
    "diploma",
    "eindexamen",
    "promotie",
    "gepromoveerd",
    "stage",
    "stagiair",
    "stagiaire",
    "bijbaan",
    "university",
    "degree",
    "graduated",
];

/// The head of a CV line: a year, or a span ("1998–2002", "2004 - 2008", "2019-heden").
fn line_years(text: &str, tokens: &[Token], first: usize, last: usize) -> Option<(u32, usize)> {
    let year = |t: &Token| t.number().filter(|n| (1900..=2100).contains(n));
    let start = year(&tokens[first])?;
    let mut end = first;
    if first < last {
        let gap = text[tokens[first].end..tokens[first + 1].start].trim();
        let to = matches!(gap, "-" | "–" | "—" | "/");
        let second = if tokens[first + 1].is_any(MONTH_HEADS) && first + 2 <= last {
            first + 2
        } else {
            first + 1
        };
        if to && (year(&tokens[second]).is_some() || tokens[second].is_any(SPAN_ENDS)) {
            end = second;
        }
    }
    Some((start, end))
}

const SPAN_ENDS: &[&str] = &["heden", "nu", "present", "now"];

/// Month names that may open a CV line before its year: "sep 1998 – jun 2002".
const MONTH_HEADS: &[&str] = &[
    "jan",
    "januari",
    "feb",
    "februari",
    "mrt",
    "maart",
    "apr",
    "april",
    "mei",
    "jun",
    "juni",
    "jul",
    "juli",
    "aug",
    "augustus",
    "sep",
    "sept",
    "september",
    "okt",
    "oktober",
    "nov",
    "november",
    "dec",
    "december",
    "january",
    "february",
    "march",
    "june",
    "july",
    "august",
    "oct",
    "october",
];

/// A CV list item is short; a paragraph of running text is not one.
const MAX_ITEM_TOKENS: usize = 14;

/// Years on CV lines that date the person: the head year of every education
/// line and of the earliest other dated line (the first job) when at least two
/// lines are dated; and every year on a short education line that carries its
/// years elsewhere ("Hbo Bestuurskunde, Hogeschool Utrecht (1998–2002)").
fn cv_years(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut lines: Vec<(u32, usize, usize, bool)> = Vec::new();
    let mut out = Vec::new();
    let mut first = 0;
    while first < tokens.len() {
        let mut last = first;
        while last + 1 < tokens.len()
            && !text[tokens[last].end..tokens[last + 1].start].contains('\n')
        {
            last += 1;
        }
        let education = tokens[first..=last].iter().any(|t| {
            t.is_any(EDUCATION)
                || t.folded.starts_with("hogeschool")
                || t.folded.starts_with("universiteit")
        });
        // Only what opens the line: bullets and spaces may stand before the year,
        // and a month name before that.
        let line_start = text[..tokens[first].start].rfind('\n').map_or(0, |p| p + 1);
        let lead = text[line_start..tokens[first].start].trim();
        let head = if tokens[first].is_any(MONTH_HEADS) && first < last {
            first + 1
        } else {
            first
        };
        let dated = lead
            .chars()
            .all(|c| matches!(c, '-' | '•' | '*' | '·' | '–'))
            .then(|| line_years(text, tokens, head, last))
            .flatten();
        if let Some((y, end)) = dated {
            lines.push((y, first, end, education));
        } else if education && last - first < MAX_ITEM_TOKENS {
            let mut k = first;
            while k <= last {
                match line_years(text, tokens, k, last) {
                    Some((_, end)) => {
                        out.push((tokens[k].start, tokens[end].end));
                        k = end + 1;
                    }
                    None => k += 1,
                }
            }
        }
        first = last + 1;
    }
    let first_job = lines
        .iter()
        .filter(|l| !l.3)
        .min_by_key(|l| l.0)
        .filter(|_| lines.len() >= 2)
        .map(|l| l.1);
    out.extend(
        lines
            .iter()
            .filter(|l| l.3 || Some(l.1) == first_job)
            .map(|l| (tokens[l.1].start, tokens[l.2].end)),
    );
    out
}

/// Life events whose year gives the birth year away.
const LIFE_EVENTS: &[&str] = &[
    "stage",
    "stageplek",
    "bijbaan",
    "studeren",
    "promoveerde",
    "gepromoveerd",
    "trouwde",
    "trouwden",
    "getrouwd",
    "huwelijk",
    "afgestudeerd",
    "studeerde",
    "eindexamen",
    "diploma",
    "emigreerde",
    "emigreerden",
    "gevlucht",
    "vluchtte",
    "vluchtten",
    "pensioen",
    "gepensioneerd",
    "bevallen",
    "beviel",
    "geboorte",
    "nederland",
    "vader",
    "moeder",
    "verhuisde",
    "verhuisden",
    "married",
    "graduated",
    "retired",
    "emigrated",
];

/// A number written as one word: Dutch from two to ninety-nine ("zes", "vijftien",
/// "eenenveertig"), English from twelve ("eighteen", "forty").
fn number_word(w: &str) -> Option<u32> {
    const TEENS: &[(&str, u32)] = &[
        ("twaalf", 12),
        ("dertien", 13),
        ("veertien", 14),
        ("vijftien", 15),
        ("zestien", 16),
        ("zeventien", 17),
        ("achttien", 18),
        ("negentien", 19),
    ];
    const UNITS: &[(&str, u32)] = &[
        ("een", 1),
        ("twee", 2),
        ("drie", 3),
        ("vier", 4),
        ("vijf", 5),
        ("zes", 6),
        ("zeven", 7),
        ("acht", 8),
        ("negen", 9),
    ];
    // Alone, "een" is far more often the article than the number: only compounds use it.
    let alone = UNITS.iter().skip(1).chain(&[("tien", 10), ("elf", 11)]);
    if let Some(&(_, n)) = TEENS.iter().chain(alone).find(|(t, _)| *t == w) {
        return Some(n);
    }
    let tens = |t: &str| {
        TENS.iter()
            .position(|x| *x == t)
            .map(|p| 20 + 10 * p as u32)
    };
    if let Some(n) = tens(w) {
        return Some(n);
    }
    UNITS
        .iter()
        .find_map(|(u, n)| {
            let rest = w.strip_prefix(u)?;
            let rest = rest
                .strip_prefix("en")
                .or_else(|| rest.strip_prefix("ën"))?;
            Some(n + tens(rest)?)
        })
        .or_else(|| english_number_word(w))
}

/// An English number from twelve to ninety written as one word: "eighteen", "forty".
fn english_number_word(w: &str) -> Option<u32> {
    const WORDS: &[(&str, u32)] = &[
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ];
    WORDS.iter().find(|(t, _)| *t == w).map(|(_, n)| *n)
}

/// "achttiende", "eenentwintigste", "vijftigste": ordinal numbers from twelve up, in words.
fn is_ordinal_word(w: &str) -> bool {
    w == "twaalfde" || w.ends_with("tiende") && w.len() > 6 || w.ends_with("tigste")
}

/// The person noun at or after token `from` ("vrouw" in "een vrouw van 43"), as a gender marker.
fn gendered_person(tokens: &[Token], from: usize, push: &mut impl FnMut(usize, usize)) {
    if let Some(t) = tokens[from..]
        .iter()
        .take(3)
        .find(|t| t.is_any(PERSON_NOUNS))
    {
        push(t.start, t.end);
    }
}

/// The person noun right at token `at`, if any, as a gender marker.
fn person_after(tokens: &[Token], at: usize, push: &mut impl FnMut(usize, usize)) {
    if let Some(t) = tokens.get(at).filter(|t| t.is_any(PERSON_NOUNS)) {
        push(t.start, t.end);
    }
}

/// "kreeg ik mijn eerste baan": the start of a career dates the person.
fn first_job(text: &str, tokens: &[Token], i: usize) -> bool {
    let (lo, hi) = around(text, tokens, i, CLAUSE_BREAKS);
    tokens[lo..hi]
        .iter()
        .zip(&tokens[lo + 1..=hi])
        .any(|(a, b)| {
            a.is_any(&["eerste", "first"])
                && b.is_any(&["baan", "job", "functie", "werkgever", "betrekking"])
        })
}

/// Does the clause around token `i` contain one of `words`?
fn clause_has(text: &str, tokens: &[Token], i: usize, words: &[&str]) -> bool {
    let (lo, hi) = around(text, tokens, i, CLAUSE_BREAKS);
    // "masterdiploma", "havodiploma": a compound of a diploma is one too.
    tokens[lo..=hi]
        .iter()
        .any(|t| t.is_any(words) || (t.folded.len() > 7 && t.folded.ends_with("diploma")))
}

const CLAUSE_BREAKS: &[char] = &[',', '.', ';', ':', '!', '?', '\n'];
const SENTENCE_BREAKS: &[char] = &['.', '!', '?', '\n'];

/// The first and last token of the stretch around token `i` that no `breaks` character interrupts.
fn around(text: &str, tokens: &[Token], i: usize, breaks: &[char]) -> (usize, usize) {
    let cut = |a: usize, b: usize| text[tokens[a].end..tokens[b].start].contains(breaks);
    let mut lo = i;
    while lo > 0 && !cut(lo - 1, lo) {
        lo -= 1;
    }
    let mut hi = i;
    while hi + 1 < tokens.len() && !cut(hi, hi + 1) {
        hi += 1;
    }
    (lo, hi)
}

/// Is there a person in the clause around token `i`: a first- or third-person
/// pronoun, or a match of the name?
fn person_in_clause(text: &str, tokens: &[Token], i: usize, known: &[Candidate]) -> bool {
    const PERSON: &[&str] = &[
        "ik",
        "mijn",
        "me",
        "mij",
        "hij",
        "zij",
        "ze",
        "haar",
        "zijn",
        "hem",
        "ben",
        "i",
        "my",
        "me",
        "he",
        "she",
        "his",
        "her",
        "him",
        "am",
        "raadslid",
        "lid",
        "wethouder",
        "voorzitter",
        "fractievoorzitter",
        "werkzaam",
        "actief",
        "getrouwd",
        "woont",
        "woon",
        "councillor",
        "member",
    ];
    let (lo, hi) = around(text, tokens, i, CLAUSE_BREAKS);
    let (start, end) = (tokens[lo].start, tokens[hi].end);
    // Or the sentence opens with the person: "Ik ben ..., vader van drie kinderen en sinds 2018 raadslid".
    let mut first = lo;
    while first > 0
        && !text[tokens[first - 1].end..tokens[first].start].contains(['.', '!', '?', '\n'])
    {
        first -= 1;
    }
    tokens[lo..=hi].iter().any(|t| t.is_any(PERSON))
        || tokens[first].is_any(&["ik", "hij", "zij", "ze", "i", "he", "she"])
        || known.iter().any(|c| {
            c.category == Category::Name
                && c.start >= start.min(tokens[first].start)
                && c.end <= end
                && (c.start >= start || c.start == tokens[first].start)
        })
}

/// Does the sentence around token `i` contain one of `words`?
fn sentence_has(text: &str, tokens: &[Token], i: usize, words: &[&str]) -> bool {
    let (lo, hi) = around(text, tokens, i, SENTENCE_BREAKS);
    tokens[lo..=hi].iter().any(|t| t.is_any(words))
}

/// "21e", "18de", "21ste", "21st" -> 21
fn ordinal(w: &str) -> Option<u32> {
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let rest = &w[digits.len()..];
    (!digits.is_empty() && matches!(rest, "e" | "de" | "ste" | "st" | "nd" | "rd" | "th"))
        .then(|| digits.parse().ok())?
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blinding::text::tokenize;

    fn hits(text: &str) -> Vec<String> {
        let mut id = Identity::new("Fatima el Amrani");
        id.birth_date = crate::blinding::IsoDate::parse("1983-03-12");
        let tokens = tokenize(text);
        let mut known = Vec::new();
        crate::blinding::names::NameModel::new(&id, Lang::Nl).find(text, &tokens, &mut known);
        let mut out = Vec::new();
        find(text, &tokens, &id, Lang::Nl, &known, &mut out);
        out.iter()
            .map(|c| text[c.start..c.end].to_owned())
            .collect()
    }

    #[test]
    fn ages_in_context() {
        assert_eq!(
            hits("Ik ben 41 jaar. Als 26-jarige begon ik; sinds mijn 21e ben ik lid. In 1983 geboren, ik ben 41."),
            ["41 jaar", "26-jarige", "21e", "1983", "41"]
        );
        assert_eq!(
            hits(
                "Fatima el Amrani (41) is veertigjarige; 1983 was een goed jaar; 35 jaar ervaring"
            ),
            ["41", "veertigjarige", "1983", "35"]
        );
    }

    #[test]
    fn ages_in_words_and_decades() {
        assert_eq!(
            hits("Toen ik vijftien was, ging ik werken. Een vrouw van begin vijftig, een man van eenenzestig."),
            ["vijftien", "begin vijftig", "eenenzestig", "vrouw", "man"]
        );
        assert_eq!(
            hits("Een 43-jarige vrouw en a 52-year-old man."),
            ["43-jarige", "52-year-old", "vrouw", "man"]
        );
        assert_eq!(number_word("vierentachtig"), Some(84));
        assert_eq!(number_word("twaalf"), Some(12));
        assert_eq!(number_word("eighteen"), Some(18));
        assert_eq!(hits("When she was eighteen, she joined."), ["eighteen"]);
        assert!(hits("The council has twenty members and spent forty million.").is_empty());
        assert_eq!(number_word("eenheid"), None);
    }

    #[test]
    fn years_of_education_and_the_first_job_in_a_cv_list() {
        let cv = "Opleiding\n1998–2002 Hbo Bestuurskunde\n2003: afgestudeerd\n\
                  2003 - 2007 beleidsmedewerker\n2007–2015 projectleider\n\
                  2015-heden adviseur\nEindexamen in 1985 gehaald.";
        let mut found = hits(cv);
        found.sort();
        found.dedup();
        assert_eq!(found, ["1985", "1998–2002", "2003", "2003 - 2007"]);
        // One dated job line is not a list; a year of a project in running text stays.
        assert!(hits("2019–2022 wethouder\nIn 2015 werd het plan vastgesteld.").is_empty());
        assert!(hits("Het project liep van 2009 tot 2014.").is_empty());
        assert_eq!(
            hits("In 1999 liep ik stage. In 2000 kreeg ik mijn eerste baan. In 2016 was het beleid klaar."),
            ["1999", "2000"]
        );
        let mut found = hits(
            "Hbo Bestuurskunde, Hogeschool Utrecht (1998–2002)\nsep 2002 – jun 2006 trainee\n\
             2006–2010 adviseur\nVan 1994 tot 1998 studeerde ik rechten.",
        );
        found.sort();
        assert_eq!(found, ["1994", "1998", "1998–2002", "sep 2002 – jun 2006"]);
    }

    #[test]
    fn numbers_that_are_not_ages() {
        assert!(hits("De komende 4 jaar, 3 wethouders, 41% en 41 procent, artikel 41, € 41 miljoen, in 2026 en 2030, 12 jaar ervaring.").is_empty());
    }
}
