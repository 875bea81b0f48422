//! Places tied to the person: "geboren in Tilburg", "opgegroeid in de Haagse
//! wijk Transvaal", "woonachtig te Bergen op Zoom", where they studied or
//! worked ("ik studeerde rechten in Leiden", "werkte bij de gemeente
//! Nijmegen"), and the birth place wherever it appears.
//!
//! Limits: a place is a run of capitalised words after a residence, study or
//! work verb and its preposition, so a place without such a verb ("In Wirdum
//! zag ik ...") is only hidden when it is the birth place, in `extra`, or
//! accepted in another text of the candidate; sports clubs and schools
//! without a place in their name likewise need `extra`.

use super::identity::Identity;
use super::names::{match_form, Form};
use super::text::{name_gap, Token};
use super::{rank, Candidate, Category};
use crate::i18n::Lang;

/// Trigger phrases (folded), each followed by the place.
const TRIGGERS: &[&[&str]] = &[
    &["geboren", "in"],
    &["geboren", "te"],
    &["getogen", "in"],
    &["opgegroeid", "in"],
    &["opgegroeid", "te"],
    &["groeide", "op", "in"],
    &["groeide", "ik", "op", "in"],
    &["woonachtig", "in"],
    &["woonachtig", "te"],
    &["woon", "in"],
    &["woont", "in"],
    &["woonde", "in"],
    &["woonden", "in"],
    &["wonen", "in"],
    &["woon", "ik", "in"],
    &["woont", "zij", "in"],
    &["woont", "hij", "in"],
    &["verhuisd", "naar"],
    &["verhuisde", "naar"],
    &["verhuisden", "naar"],
    &["afkomstig", "uit"],
    &["kom", "uit"],
    &["kom", "oorspronkelijk", "uit"],
    &["komt", "uit"],
    &["kwam", "uit"],
    &["born", "in"],
    &["grew", "up", "in"],
    &["raised", "in"],
    &["live", "in"],
    &["lives", "in"],
    &["living", "in"],
    &["moved", "to"],
];

/// Verbs that tie a place to the person when "in", "te", "uit" or "naar" follows later in the clause.
const RESIDENCE: &[&str] = &[
    "woon",
    "woont",
    "woonde",
    "woonden",
    "wonen",
    "woonachtig",
    "geboren",
    "opgegroeid",
    "getogen",
    "groeide",
    "verhuisd",
    "verhuisde",
    "verhuisden",
    "afkomstig",
    "kom",
    "komt",
    "kwam",
    "kwamen",
    "komen",
    "lives",
    "live",
    "born",
    "grew",
    "raised",
    "moved",
];

/// Verbs of studying and working: they tie the place after "in", "te" or
/// "aan" to the person only when the clause is about the person ("ik
/// studeerde rechten in Leiden", "ze werkte tien jaar in Zwolle"), not in
/// "de GGD werkt in Tilburg aan ...".
const LIFE: &[&str] = &[
    "studeerde",
    "studeerden",
    "studeer",
    "studeert",
    "gestudeerd",
    "afgestudeerd",
    "studeerde",
    "promoveerde",
    "gepromoveerd",
    "werkte",
    "werkten",
    "werk",
    "gewerkt",
    "werkzaam",
    "opgeleid",
    "schoolging",
    "school",
    "revalideerde",
    "opgenomen",
    "studied",
    "worked",
    "work",
    "works",
    "lived",
    "graduated",
];

/// Subjects that make a clause about the person; a possessive does not ("mijn
/// collega's werkten in Breda" is about the colleagues).
const PERSON: &[&str] = &["ik", "hij", "zij", "ze", "i", "he", "she"];

/// Participles that tie a place to the person when they follow it: "in Tilburg geboren".
const AFTER_PLACE: &[&str] = &[
    "geboren",
    "verhuisd",
    "opgegroeid",
    "getogen",
    "gewoond",
    "gekomen",
    "gevlucht",
    "geëmigreerd",
    "geemigreerd",
    "neergestreken",
    "gestudeerd",
    "afgestudeerd",
    "gepromoveerd",
    "gewerkt",
    "opgeleid",
    "gerevalideerd",
];

/// Nouns for an area before its name: "de gemeente Nijmegen", "het dorp Wirdum".
const AREAS: &[&str] = &[
    "wijk",
    "buurt",
    "dorp",
    "stad",
    "gemeente",
    "stadsdeel",
    "provincie",
    "regio",
    "plaats",
    "kern",
];

/// Lower-case words inside place names: "Bergen op Zoom", "Alphen aan den Rijn".
const CONNECTORS: &[&str] = &["op", "aan", "den", "de", "bij", "an", "in", "upon", "on"];

pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    identity: &Identity,
    lang: Lang,
    known: &[Candidate],
    out: &mut Vec<Candidate>,
) {
    let names: Vec<(usize, usize)> = known
        .iter()
        .filter(|c| c.category == Category::Name)
        .map(|c| (c.start, c.end))
        .collect();
    let place = Category::Place.placeholder(lang);
    let mut push = |s: usize, e: usize| {
        out.push(Candidate::new(
            s,
            e,
            Category::Place,
            place,
            rank::PARTY_PLACE,
        ))
    };
    let birth = identity.birth_place.as_deref().and_then(Form::new);
    for i in 0..tokens.len() {
        if let Some(form) = &birth {
            if let Some(m) = match_form(text, tokens, i, form, &["se", "s"], &[]) {
                push(tokens[i].start, m.end);
            }
        }
        // "woont met haar man en drie dochters in Zwolle", "woont sinds 1995 in Leeuwarden":
        // a residence or origin verb, then "in/te/uit/naar" + a name later in the clause.
        let life = tokens[i].is_any(LIFE) && about_person(text, tokens, i, &names);
        if tokens[i].is_any(RESIDENCE) || life {
            let mut j = i + 1;
            while j + 1 < tokens.len()
                && j <= i + if life { 16 } else { 10 }
                && !text[tokens[j - 1].end..tokens[j].start]
                    .contains(['.', ';', ':', '!', '?', '\n'])
            {
                // "woont op Texel", "woonde vlak bij Zwolle"
                if tokens[j].is_any(&["in", "te", "uit", "naar", "op", "to", "from"])
                    || (tokens[j].is("bij") && j > 0 && tokens[j - 1].is_any(&["vlak", "dicht"]))
                    || (life && tokens[j].is_any(&["aan", "at", "bij"]))
                {
                    let mut at = j + 1;
                    let mut area = false;
                    if at + 1 < tokens.len()
                        && tokens[at].is_any(&["de", "het"])
                        && tokens[at + 1].starts_upper()
                    {
                        at += 1; // "in de Bijlmer", "uit het Rifgebergte"
                    } else if at + 2 < tokens.len()
                        && tokens[at].is_any(&["de", "het", "een"])
                        && tokens[at + 1].is_any(AREAS)
                        && tokens[at + 2].starts_upper()
                    {
                        at += 2; // "bij de gemeente Nijmegen", "in het dorp Wirdum"
                        area = true;
                    }
                    // "aan de Universiteit Leiden", "bij Rijkswaterstaat": only a name with a place in it.
                    let place = place_at(text, tokens, at);
                    if let Some((s, e)) = place {
                        let institution_only = tokens[j].is_any(&["aan", "at", "bij"])
                            && !tokens[j - 1].is_any(&["vlak", "dicht"])
                            && !area
                            && !text[s..e].contains(' ');
                        if !institution_only {
                            push(s, e);
                        }
                    }
                    // "verhuisde van Cork naar Utrecht", "moved from Cork to Utrecht": go on to the
                    // destination; "werkte als verpleegkundige in het Catharina Ziekenhuis in
                    // Eindhoven": go on to the town.
                    if !tokens[j].is_any(&["uit", "from"]) && !life && place.is_some() {
                        break;
                    }
                }
                j += 1;
            }
        }
        // "naar Groningen verhuisd", "in Lelydorp geboren": the verb after the place.
        if tokens[i].is_any(&["in", "naar", "uit", "te"]) && i + 1 < tokens.len() {
            // "in de Veenkoloniën gewoond"
            let at = if i + 2 < tokens.len()
                && tokens[i + 1].is_any(&["de", "het"])
                && tokens[i + 2].starts_upper()
            {
                i + 2
            } else {
                i + 1
            };
            if let Some((s, e)) = place_at(text, tokens, at) {
                let after = tokens.iter().position(|t| t.start >= e);
                if after.is_some_and(|a| {
                    tokens[a].is_any(AFTER_PLACE)
                        && super::text::plain_gap(text, &tokens[a - 1], &tokens[a])
                }) {
                    push(s, e);
                }
            }
        }
        for trig in TRIGGERS {
            let n = trig.len();
            if i + n >= tokens.len() || !(0..n).all(|k| tokens[i + k].folded == trig[k]) {
                continue;
            }
            // "opgegroeid in de wijk Groenewoud", "geboren in het dorp Wirdum"
            let mut at = i + n;
            if at + 2 < tokens.len()
                && tokens[at].is_any(&["de", "het", "een"])
                && tokens[at + 1].is_any(AREAS)
            {
                at += 2;
            }
            if let Some((s, e)) = place_at(text, tokens, at) {
                push(s, e);
            }
        }
    }
}

/// Is the clause around token `i` about the person: a first- or third-person
/// word or a match of the name before it in the same sentence?
fn about_person(text: &str, tokens: &[Token], i: usize, names: &[(usize, usize)]) -> bool {
    let mut lo = i;
    while lo > 0 && !text[tokens[lo - 1].end..tokens[lo].start].contains(['.', '!', '?', '\n', ';'])
    {
        lo -= 1;
    }
    // "studeer" and "werk" are first person on their own.
    tokens[i].is_any(&["studeer", "werk"])
        || tokens[lo..i].iter().any(|t| t.is_any(PERSON))
        || tokens.get(i + 1).is_some_and(|t| t.is_any(PERSON))
        || names
            .iter()
            .any(|&(s, e)| s >= tokens[lo].start && e <= tokens[i].start)
}

/// A run of capitalised words starting at token `i`, with lower-case
/// connectors inside it, and "'s-Hertogenbosch" or "'t Zandt" style prefixes.
fn place_at(text: &str, tokens: &[Token], i: usize) -> Option<(usize, usize)> {
    let mut start = tokens[i].start;
    let mut j = i;
    // "'s-Hertogenbosch": the 's is a token of its own.
    if (tokens[j].is("s") || tokens[j].is("t"))
        && text[..tokens[j].start].ends_with(['\'', '\u{2019}'])
        && j + 1 < tokens.len()
    {
        start = tokens[j].start
            - text[..tokens[j].start]
                .chars()
                .next_back()
                .map_or(1, char::len_utf8);
        j += 1;
    }
    if !tokens[j].starts_upper() {
        return None;
    }
    let mut end = tokens[j].end;
    let mut k = j + 1;
    while k < tokens.len()
        && name_gap(text, tokens[k - 1].end, tokens[k].start)
        && !text[tokens[k - 1].end..tokens[k].start].contains('.')
    {
        if tokens[k].starts_upper() {
            end = tokens[k].end;
            k += 1;
        } else if (tokens[k].is_any(CONNECTORS) || tokens[k].is_any(AREAS))
            && k + 1 < tokens.len()
            && tokens[k + 1].starts_upper()
            && name_gap(text, tokens[k].end, tokens[k + 1].start)
        {
            // "Bergen op Zoom"; "de Tilburgse wijk Groenewoud" names the district too.
            end = tokens[k + 1].end;
            k += 2;
        } else {
            break;
        }
    }
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blinding::text::tokenize;

    fn hits(text: &str) -> Vec<String> {
        let mut id = Identity::new("A B");
        id.birth_place = Some("Tilburg".into());
        let tokens = tokenize(text);
        let mut out = Vec::new();
        find(text, &tokens, &id, Lang::Nl, &[], &mut out);
        super::super::resolve(out)
            .iter()
            .map(|c| text[c.start..c.end].to_owned())
            .collect()
    }

    #[test]
    fn places_after_triggers_and_the_birth_place() {
        assert_eq!(
            hits("Geboren in Tilburg, opgegroeid in Bergen op Zoom en woonachtig te 's-Hertogenbosch. Tilburgse roots."),
            ["Tilburg", "Bergen op Zoom", "'s-Hertogenbosch", "Tilburgse"]
        );
        assert!(hits("Ik woon in een rijtjeshuis en ben opgegroeid in de wijk.").is_empty());
    }

    #[test]
    fn places_where_the_person_studied_or_worked() {
        assert_eq!(
            hits("Ik studeerde rechten in Leiden en werkte daarna als verpleegkundige in het Catharina Ziekenhuis in Eindhoven."),
            ["Leiden", "Catharina Ziekenhuis in Eindhoven"]
        );
        assert_eq!(hits("Daarna werkte ze zes jaar in Zwolle."), ["Zwolle"]);
        assert_eq!(hits("Ik heb in Leiden gestudeerd."), ["Leiden"]);
        assert_eq!(hits("Zij woont op Texel, vlak bij Den Burg."), ["Texel"]);
        assert_eq!(hits("Hij woonde vlak bij Zwolle."), ["Zwolle"]);
        assert_eq!(
            hits("Ze is opgegroeid in de Haagse wijk Transvaal."),
            ["Haagse wijk Transvaal"]
        );
        assert!(
            hits("De GGD werkt in Utrecht aan preventie. Ik werk bij Rijkswaterstaat.").is_empty()
        );
    }
}
