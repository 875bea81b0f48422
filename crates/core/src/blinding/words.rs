//! Small closed word classes the rules lean on. Folded (lower case, no diacritics).
//!
//! Without a part-of-speech tagger these lists stand in for one: a word that is
//! in none of them is treated as a content word (noun, adjective or verb).

use super::text::Token;

/// Articles, pronouns, prepositions, conjunctions and auxiliaries: with
/// `ADVERBS_NL`, the words that never start the noun phrase after a possessive.
pub(crate) const FUNCTION_NL: &[&str] = &[
    "de", "het", "zijn", "een", "t", "ik", "je", "jij", "u", "hij", "zij", "ze", "wij", "we",
    "jullie", "hen", "hun", "hem", "mij", "me", "ons", "zich", "die", "dat", "dit", "deze", "wat",
    "wie", "welke", "er", "hier", "daar", "waar", "aan", "achter", "bij", "binnen", "boven",
    "buiten", "door", "in", "met", "na", "naar", "naast", "om", "onder", "op", "over", "per",
    "sinds", "te", "tegen", "tot", "tussen", "uit", "van", "vanaf", "via", "voor", "zonder",
    "tijdens", "volgens", "en", "of", "maar", "want", "dus", "omdat", "als", "dan", "toen",
    "terwijl", "zodat", "wanneer", "hoewel", "nadat", "voordat", "tenzij", "is", "ben", "bent",
    "was", "waren", "wordt", "worden", "werd", "werden", "heeft", "hebben", "heb", "had", "hadden",
    "kan", "kunnen", "kon", "konden", "wil", "willen", "wilde", "wilden", "zal", "zullen", "zou",
    "zouden", "moet", "moeten", "mag", "mogen", "geen",
];

/// Common adverbs, quantifiers and particles. Besides closing noun phrases
/// (see `is_function`), they are skipped when looking past `zij`/`ze` for its verb.
pub(crate) const ADVERBS_NL: &[&str] = &[
    "niet",
    "ook",
    "al",
    "nog",
    "wel",
    "nu",
    "echt",
    "erg",
    "zeer",
    "heel",
    "zo",
    "altijd",
    "vaak",
    "nooit",
    "soms",
    "steeds",
    "graag",
    "hard",
    "goed",
    "snel",
    "veel",
    "meer",
    "minder",
    "weer",
    "even",
    "meteen",
    "eigenlijk",
    "gewoon",
    "bovendien",
    "misschien",
    "alleen",
    "samen",
    "zelf",
    "daarom",
    "daarna",
    "toch",
    "juist",
    "pas",
    "reeds",
    "inmiddels",
    "vooral",
    "allemaal",
    "allebei",
    "beiden",
    "enorm",
    "direct",
    "zeker",
    "vast",
    "ooit",
    "eerst",
    "later",
    "weleens",
    "nauwelijks",
    "genoeg",
    "ermee",
    "erbij",
    "erover",
    "eraan",
    "hiervoor",
    "daarvoor",
    "daarbij",
    "daarin",
    "daarmee",
    "gisteren",
    "vandaag",
    "morgen",
    "af",
    "mee",
    "terug",
    "uiteindelijk",
    "opnieuw",
    "ineens",
    "opeens",
    "nogal",
    "best",
    "helemaal",
    "echter",
    "immers",
    "regelmatig",
    "tegelijk",
];

pub(crate) const FUNCTION_EN: &[&str] = &[
    "the", "a", "an", "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us",
    "them", "my", "your", "his", "its", "our", "their", "this", "that", "these", "those", "what",
    "who", "which", "there", "here", "at", "by", "in", "on", "of", "to", "for", "from", "with",
    "without", "about", "into", "over", "under", "after", "before", "during", "since", "as", "and",
    "or", "but", "so", "because", "if", "when", "while", "than", "is", "am", "are", "was", "were",
    "be", "been", "has", "have", "had", "can", "could", "will", "would", "shall", "should", "may",
    "might", "must", "do", "does", "did", "not", "no", "also", "still", "again", "very", "well",
    "too", "just", "always", "often", "never", "up", "down", "out", "off", "back", "now", "then",
    "first", "together", "myself", "herself", "himself", "to", "know", "how",
];

/// Finite verb forms that mark a third-person singular subject.
pub(crate) const SINGULAR_VERBS: &[&str] = &[
    "is", "was", "heeft", "had", "kan", "kon", "wil", "wilde", "zal", "zou", "moet", "moest",
    "mag", "mocht", "wordt", "werd", "gaat", "ging", "doet", "deed", "staat", "stond", "ziet",
    "zag", "komt", "kwam", "blijft", "bleef", "krijgt", "kreeg", "vindt", "vond", "zegt", "zei",
    "weet", "wist", "houdt", "hield", "laat", "liet", "neemt", "nam", "geeft", "gaf", "brengt",
    "bracht", "denkt", "dacht", "zit", "zat", "ligt", "lag", "loopt", "liep", "schrijft",
    "schreef", "spreekt", "sprak", "leest", "las", "begon", "begint", "koos", "kiest",
];

/// Finite verb forms that mark a plural subject.
pub(crate) const PLURAL_VERBS: &[&str] = &[
    "zijn", "waren", "hebben", "hadden", "kunnen", "konden", "willen", "wilden", "zullen",
    "zouden", "moeten", "moesten", "mogen", "mochten", "worden", "werden", "gaan", "gingen",
    "doen", "deden", "staan", "stonden", "zien", "zagen", "komen", "kwamen", "blijven", "bleven",
    "krijgen", "kregen", "vinden", "vonden", "zeggen", "zeiden", "weten", "wisten",
];

/// Words after "ze"/"zij" that make it plural whatever the verb: "ze zijn samen", "zij allebei".
pub(crate) const PLURAL_MARKERS: &[&str] = &[
    "samen", "allebei", "beiden", "allemaal", "allen", "elk", "ieder",
];

/// Subordinating words: the finite verb of the clause they open comes at its end.
pub(crate) const SUBORDINATORS: &[&str] = &[
    "dat", "omdat", "als", "toen", "wanneer", "of", "zodat", "terwijl", "nadat", "voordat",
    "hoewel", "sinds", "waar", "waarin", "waarmee", "waarvoor", "waardoor", "die", "tenzij",
    "zodra", "doordat", "totdat", "ofschoon",
];

pub(crate) const PREPOSITIONS: &[&str] = &[
    "aan", "achter", "bij", "binnen", "boven", "buiten", "door", "in", "met", "na", "naar",
    "naast", "om", "onder", "op", "over", "per", "sinds", "tegen", "tot", "tussen", "uit", "van",
    "vanaf", "vanuit", "via", "voor", "zonder", "tijdens", "volgens", "namens", "dankzij",
    "ondanks", "rond", "rondom",
];

pub(crate) const DETERMINERS: &[&str] = &[
    "de", "het", "onze", "ons", "deze", "die", "alle", "veel", "vele", "mijn", "uw", "hun",
    "jullie", "sommige", "beide", "twee", "drie", "vier", "vijf", "zulke", "welke", "andere",
    "nieuwe",
];

pub(crate) const COPULAS: &[&str] = &[
    "ben", "bent", "is", "was", "werd", "word", "wordt", "blijf", "blijft", "bleef",
];

/// Predicative adjectives that commonly follow the verb "zijn".
const PREDICATIVE: &[&str] = &[
    "ambitieus",
    "goed",
    "slecht",
    "groot",
    "klein",
    "hoog",
    "laag",
    "nodig",
    "klaar",
    "trots",
    "blij",
    "bang",
    "tevreden",
    "helder",
    "sterk",
    "zwak",
    "duur",
    "goedkoop",
    "veilig",
    "open",
    "eerlijk",
    "gezond",
    "actief",
    "divers",
    "complex",
    "concreet",
    "urgent",
    "cruciaal",
    "essentieel",
    "fair",
    "genoeg",
    "waar",
    "anders",
    "zichtbaar",
    "bereid",
    "geschikt",
    "verantwoordelijk",
    "betrokken",
    "gericht",
    "verdeeld",
    "beperkt",
    "schaars",
];

pub(crate) fn is_function(t: &Token) -> bool {
    t.is_any(FUNCTION_NL) || t.is_any(ADVERBS_NL) || t.number().is_some()
}

pub(crate) fn is_function_en(t: &Token) -> bool {
    t.is_any(FUNCTION_EN) || t.number().is_some()
}

/// "gesproken", "gewerkt", "gekozen", "bereikt": past participles cannot be
/// the finite verb that tells singular from plural.
pub(crate) fn is_participle(t: &Token) -> bool {
    // "ver-", "be-", "ont-", "her-" words in "-en" are more often plural verbs
    // ("ze vertrekken") than strong participles ("verkozen"), so only "ge-" counts there.
    let w = t.folded.as_str();
    let weak = (w.ends_with('t') || w.ends_with('d'))
        && ["ge", "be", "ver", "ont", "her"]
            .iter()
            .any(|p| w.starts_with(p));
    let strong = w.ends_with("en") && w.starts_with("ge");
    (weak || strong) && w.len() > 5 && !is_verb_known(w)
}

fn is_verb_known(w: &str) -> bool {
    SINGULAR_VERBS.contains(&w)
        || PLURAL_VERBS.contains(&w)
        || matches!(
            w,
            "geven"
                | "gebruiken"
                | "geloven"
                | "gelden"
                | "gebeuren"
                | "genieten"
                | "beginnen"
                | "bepalen"
                | "betalen"
                | "beslissen"
                | "verbinden"
                | "versterken"
                | "verbeteren"
                | "vertellen"
                | "verdienen"
                | "helpen"
        )
}

/// An uninflected adjective as a predicate: "zijn ambitieus", "zijn betaalbaar".
pub(crate) fn is_predicative(t: &Token) -> bool {
    let w = t.folded.as_str();
    // Present participles as adjectives: "vasthoudend", "inspirerend" (long enough not to be "vriend").
    PREDICATIVE.contains(&w)
        || (w.len() >= 9 && w.ends_with("end"))
        || ["ig", "lijk", "baar", "isch", "eus", "zaam", "loos", "vol"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// Grammatical number a finite verb form shows, by list and then by ending:
/// Dutch plural present and past forms end in "-en"; singular forms end in
/// "-t", "-te" or "-de" or are in the list of irregular forms.
pub(crate) fn verb_number(t: &Token) -> Option<Number> {
    let w = t.folded.as_str();
    if SINGULAR_VERBS.contains(&w) {
        return Some(Number::Singular);
    }
    if PLURAL_VERBS.contains(&w) {
        return Some(Number::Plural);
    }
    if is_function(t) || is_participle(t) {
        return None;
    }
    if w.len() > 3 && (w.ends_with("en") || w.ends_with("den") || w.ends_with("ten")) {
        return Some(Number::Plural);
    }
    if w.len() > 2 && (w.ends_with('t') || w.ends_with("te") || w.ends_with("de")) {
        return Some(Number::Singular);
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Number {
    Singular,
    Plural,
}
