//! Anchors that belong to another criterion. A level description that shares
//! no subject with its criterion's name, definition and indicators is usually
//! a block copied from elsewhere; assessors then score something the
//! criterion never asked for, each in their own way.

use super::matcher::tokenize;
use super::{Finding, Rule, Severity};
use crate::i18n::Text;
use crate::rubric::Criterion;

/// An anchor needs this many subject words before it can be said to be about something else.
const MIN_SUBJECT_WORDS: usize = 3;
/// Words shorter than this are function words or too short to carry a subject.
const MIN_WORD_CHARS: usize = 5;
/// Two words share a subject when they start with this many of the same letters.
const STEM_CHARS: usize = 5;

/// Words that any anchor may use, whatever it is about: they must not make a
/// copied anchor look as if it belonged.
const GENERIC: &[&str] = &[
    "noemt",
    "benoemt",
    "beschrijft",
    "geeft",
    "maakt",
    "zonder",
    "waarbij",
    "daarbij",
    "concreet",
    "concrete",
    "voorbeeld",
    "voorbeelden",
    "duidelijk",
    "duidelijke",
    "alleen",
    "steeds",
    "altijd",
    "kandidaat",
    "enkele",
    "meerdere",
    "eigen",
    "welke",
    "wanneer",
    "waarom",
    "niveau",
    "gedrag",
    "andere",
    "anderen",
    "daarna",
    "eerst",
    "zelfs",
    "volledig",
    "gedeeltelijk",
    "namens",
    "names",
    "describes",
    "gives",
    "without",
    "example",
    "examples",
    "clear",
    "clearly",
    "candidate",
    "every",
    "their",
    "which",
    "where",
    "there",
    "about",
    "other",
    "others",
    "several",
    "level",
    "behaviour",
    "noemen",
    "zowel",
    "hardop",
    "vooraf",
    "achteraf",
    "zichtbaar",
    "juist",
    "juiste",
];

fn subject_words(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .map(|t| t.lower)
        .filter(|w| w.chars().count() >= MIN_WORD_CHARS && !GENERIC.contains(&w.as_str()))
        .filter(|w| !w.bytes().all(|b| b.is_ascii_digit()))
        .collect()
}

fn stem(w: &str) -> &str {
    w.char_indices().nth(STEM_CHARS).map_or(w, |(i, _)| &w[..i])
}

/// Subjects that sound anchors name in other words than their criterion: one
/// group per subject of the bundled templates' criteria (money, risk, interests,
/// working together, explaining, deciding, steering the civil service, time
/// pressure, housing, energy, social care). Each entry is the start of a word
/// ("begrot" for "begroting", "begrotingen"); an entry of six or more letters
/// also counts inside a compound ("programmabegroting"). A word from one group
/// never matches another group, so a block copied from another criterion is
/// still found.
const SUBJECTS: &[&[&str]] = &[
    // Geld en begroting / money and budget
    &[
        "begrot",
        "financ",
        "budget",
        "kosten",
        "uitgave",
        "inkomst",
        "bezuinig",
        "dekking",
        "reserve",
        "geldstro",
        "tekort",
        "overschot",
        "spending",
        "expendit",
        "revenue",
        "deficit",
    ],
    // Risico's / risk
    &[
        "risico",
        "gevaar",
        "onzeker",
        "tegenval",
        "beheersm",
        "risk",
        "uncertain",
        "hazard",
    ],
    // Belangen en integriteit / interests and integrity
    &[
        "belang",
        "integer",
        "integrit",
        "gedragscode",
        "nevenfunc",
        "onafhank",
        "vriendjes",
        "schijn",
        "conflict",
        "interest",
        "declare",
        "melden",
        "meldt",
    ],
    // Samenwerken in de regio / working together in the region
    &[
        "samenw",
        "overleg",
        "afspra",
        "regio",
        "buurgem",
        "provinc",
        "gemeenschapp",
        "cooperat",
        "collabor",
        "agreem",
        "region",
        "neighbour",
    ],
    // Uitleggen en luisteren / explaining and listening
    &[
        "uitleg",
        "toelicht",
        "commun",
        "inwoner",
        "bewoner",
        "burger",
        "luister",
        "reactie",
        "begrijpel",
        "eenvoudig",
        "explain",
        "resident",
        "citizen",
        "listen",
        "plain",
    ],
    // Besluiten en afwegen / deciding and weighing
    &[
        "besluit",
        "beslis",
        "keuze",
        "kiezen",
        "afweg",
        "knoop",
        "decis",
        "decide",
        "choice",
        "trade-off",
    ],
    // Verbinden van partijen / bringing parties together
    &[
        "verbind",
        "draagvl",
        "compromis",
        "standpunt",
        "fractie",
        "coalit",
        "opposit",
        "minderh",
        "bemidd",
        "tegengest",
        "consensus",
        "faction",
        "mediat",
        "opposing",
    ],
    // Sturen op de ambtelijke organisatie / steering the civil service
    &[
        "ambte",
        "ambtelijk",
        "opdracht",
        "sturen",
        "stuurt",
        "verantwoord",
        "akkoord",
        "directeur",
        "civil",
        "servant",
        "accountab",
        "steer",
    ],
    // Tijdsdruk / time pressure
    &[
        "tijdsdruk",
        "deadline",
        "spoed",
        "crisis",
        "haast",
        "onvolledig",
        "pressure",
        "urgent",
        "incomplete",
    ],
    // Wonen / housing
    &[
        "woning",
        "huisvest",
        "nieuwbouw",
        "bouwen",
        "bouwt",
        "huurder",
        "corporat",
        "starter",
        "housing",
        "dwelling",
        "tenant",
    ],
    // Energie en klimaat / energy and climate
    &[
        "energ", "klimaat", "warmte", "isolat", "isoler", "zonnep", "duurzaa", "aardgas",
        "gasvrij", "uitstoot", "climate", "insulat", "emission", "heating", "solar",
    ],
    // Sociaal domein / social care
    &[
        "jeugdz", "jeugdh", "zorgaan", "zorgvra", "zorgkost", "mantelz", "armoe", "bijstand",
        "schuldh", "particip", "wijkteam", "welfare", "poverty", "youth",
    ],
];

/// Does `word` belong to a subject group through `entry`?
fn in_group(word: &str, entry: &str) -> bool {
    word.starts_with(entry) || (entry.chars().count() >= 6 && word.contains(entry))
}

/// "belangenconflict" shares "belangen", "programmabegroting" shares "begroting";
/// "bezuiniging" shares "begroting" through their subject.
fn share(a: &str, b: &str) -> bool {
    stem(a) == stem(b)
        || a.contains(b)
        || b.contains(a)
        || SUBJECTS.iter().any(|group| {
            group.iter().any(|e| in_group(a, e)) && group.iter().any(|e| in_group(b, e))
        })
}

/// Findings for anchors whose subject words appear nowhere in the criterion.
pub(crate) fn off_topic(c: &Criterion) -> Vec<Finding> {
    let mut own: Vec<String> = subject_words(&c.name);
    own.extend(subject_words(&c.definition));
    for i in &c.indicators {
        own.extend(subject_words(i));
    }
    if own.len() < MIN_SUBJECT_WORDS {
        return Vec::new();
    }
    c.levels()
        .into_iter()
        .filter(|(_, text)| {
            let words = subject_words(text);
            words.len() >= MIN_SUBJECT_WORDS
                && !words.iter().any(|w| own.iter().any(|o| share(w, o)))
        })
        .map(|(level, _)| {
            Finding::new(
                Rule::AnchorOffTopic,
                Severity::Warning,
                Text::new(
                    format!("anker {level} gaat over iets anders dan de definitie en de indicatoren van \"{}\"; een beoordelaar weet dan niet of hij het criterium of het anker moet volgen, en scores lopen uiteen", c.name.trim()),
                    format!("anchor {level} is about something other than the definition and indicators of \"{}\"; an assessor cannot tell whether to follow the criterion or the anchor, and scores drift apart", c.name.trim()),
                ),
            )
            .at(Some(&c.id), format!("anchors.{level}"))
            .suggest(Text::new(
                "Beschrijf op dit niveau hetzelfde gedrag als in de indicatoren, met meer of minder ervan; een blok uit een ander criterium hoort daar.",
                "Describe the same behaviour as in the indicators at this level, more or less of it; a block from another criterion belongs there.",
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion(anchor: &str) -> Criterion {
        Criterion {
            id: "c".into(),
            name: "Begrotingsinzicht".into(),
            definition: "Leest een programmabegroting en benoemt de risico's voor de portefeuille."
                .into(),
            weight: 40,
            knockout: None,
            evidence: None,
            indicators: vec!["Noemt de drie grootste posten uit een voorgelegd fragment".into()],
            anchors: [("1".to_owned(), anchor.to_owned())].into(),
        }
    }

    #[test]
    fn an_anchor_from_another_criterion_is_found() {
        let f = off_topic(&criterion(
            "Vat de standpunten van beide fracties samen en doet een voorstel dat beide kunnen dragen.",
        ));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].field.as_deref(), Some("anchors.1"));
    }

    #[test]
    fn anchors_about_the_criterion_or_too_short_to_tell_pass() {
        assert!(off_topic(&criterion(
            "Noemt de posten van de begroting en één risico, zonder omvang."
        ))
        .is_empty());
        assert!(off_topic(&criterion("Geeft geen antwoord.")).is_empty());
    }

    #[test]
    fn an_anchor_in_other_words_for_the_same_subject_passes() {
        // "tekorten", "bezuinigingen" and "tegenvallers" are the budget and its risks.
        assert!(off_topic(&criterion(
            "Signaleert tekorten en mogelijke tegenvallers, maar stelt geen bezuinigingen voor."
        ))
        .is_empty());
        // A copied block stays found: parties and positions are another subject.
        assert_eq!(
            off_topic(&criterion(
                "Brengt fracties met tegengestelde standpunten samen tot een compromis."
            ))
            .len(),
            1
        );
    }
}
