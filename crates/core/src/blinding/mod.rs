//! Blinding: a redaction assistant for candidate text.
//!
//! A secretary pastes a candidate's answers, motivation or CV summary; [`propose`]
//! suggests redactions (names, party, contact details, dates, ages, places,
//! gender markers and special categories of personal data); the secretary
//! accepts, rejects or adds ranges; [`apply`] freezes the blinded text with a
//! SHA-256. Everything is rule-based and local: it lowers the chance that
//! assessors recognise a candidate, it does not make text anonymous. Known
//! raadsleden stay recognisable from what they did, which is why a reviewer
//! step stays necessary (see content brief section 5).

mod age;
mod apply;
mod codes;
mod contact;
mod context;
mod family;
mod gender;
mod health;
mod identity;
mod institutions;
mod kinship;
mod known;
mod labels;
mod lexicon;
mod names;
mod normalize;
mod places;
mod text;
mod words;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Lang;

pub use apply::{apply, sha256_hex, AppliedRedaction, ApplyError, BlindedText};
pub use codes::{candidate_code, unique_codes, CodeError, CODE_ALPHABET, CODE_SPACE};
pub use identity::{Identity, IdentityError, IsoDate};
pub use known::{known_terms, KnownTerm};
pub use lexicon::{LexiconEntry, LexiconError, RedactionLexicon};
pub use normalize::{intake_warnings, IntakeWarning};

/// What kind of identifying information a redaction hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Category {
    Name,
    Party,
    Email,
    Phone,
    Link,
    Date,
    Age,
    Place,
    Gender,
    Kinship,
    Origin,
    Religion,
    Health,
    Orientation,
    Pregnancy,
    Other,
}

impl Category {
    pub const ALL: [Category; 16] = [
        Category::Name,
        Category::Party,
        Category::Email,
        Category::Phone,
        Category::Link,
        Category::Date,
        Category::Age,
        Category::Place,
        Category::Gender,
        Category::Kinship,
        Category::Origin,
        Category::Religion,
        Category::Health,
        Category::Orientation,
        Category::Pregnancy,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Name => "name",
            Category::Party => "party",
            Category::Email => "email",
            Category::Phone => "phone",
            Category::Link => "link",
            Category::Date => "date",
            Category::Age => "age",
            Category::Place => "place",
            Category::Gender => "gender",
            Category::Kinship => "kinship",
            Category::Origin => "origin",
            Category::Religion => "religion",
            Category::Health => "health",
            Category::Orientation => "orientation",
            Category::Pregnancy => "pregnancy",
            Category::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The neutral text that replaces a range of this category when the
    /// secretary marks it by hand.
    pub fn placeholder(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Category::Name | Category::Gender => ("de kandidaat", "the candidate"),
            Category::Party => ("[partij]", "[party]"),
            Category::Email => ("[e-mail]", "[email]"),
            Category::Phone => ("[telefoon]", "[phone]"),
            Category::Link => ("[link]", "[link]"),
            Category::Date => ("[datum]", "[date]"),
            Category::Age => ("[leeftijd]", "[age]"),
            Category::Place => ("[plaats]", "[place]"),
            Category::Kinship => ("[familielid]", "[relative]"),
            Category::Origin => ("[herkomst]", "[origin]"),
            Category::Religion => ("[geloof]", "[religion]"),
            Category::Health => ("[gezondheid]", "[health]"),
            Category::Orientation => ("[geaardheid]", "[orientation]"),
            Category::Pregnancy => ("[zwangerschap]", "[pregnancy]"),
            Category::Other => ("[weggelaten]", "[redacted]"),
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

/// A suggested redaction: `start..end` are byte offsets into the input text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Proposal {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub replacement: String,
    /// The original text, so the secretary sees what would disappear.
    pub matched: String,
}

/// A redaction the secretary accepted or drew: byte offsets into the input text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Redaction {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub replacement: String,
}

impl Redaction {
    /// A range the secretary marks by hand, replaced by the category's placeholder.
    pub fn manual(start: usize, end: usize, category: Category, lang: Lang) -> Redaction {
        Redaction {
            start,
            end,
            category,
            replacement: category.placeholder(lang).to_owned(),
        }
    }
}

impl From<Proposal> for Redaction {
    fn from(p: Proposal) -> Redaction {
        Redaction {
            start: p.start,
            end: p.end,
            category: p.category,
            replacement: p.replacement,
        }
    }
}

impl From<&Proposal> for Redaction {
    fn from(p: &Proposal) -> Redaction {
        p.clone().into()
    }
}

/// A proposal before overlaps are resolved. Lower `rank` wins a conflict: an
/// e-mail address beats the name inside it, a name beats a pronoun rule.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub replacement: String,
    pub rank: u8,
}

impl Candidate {
    pub fn new(
        start: usize,
        end: usize,
        category: Category,
        replacement: impl Into<String>,
        rank: u8,
    ) -> Candidate {
        Candidate {
            start,
            end,
            category,
            replacement: replacement.into(),
            rank,
        }
    }
}

/// Ranks, from strongest to weakest.
pub(crate) mod rank {
    pub const CONTACT: u8 = 0;
    pub const DATE: u8 = 1;
    pub const NAME: u8 = 2;
    pub const PARTY_PLACE: u8 = 3;
    pub const AGE: u8 = 4;
    pub const LEXICON: u8 = 5;
    pub const GENDER: u8 = 6;
}

/// Guess whether a text is English rather than Dutch, from common function words.
/// Dutch wins ties: the users are Dutch.
pub fn detect_lang(text: &str) -> Lang {
    const NL: &[&str] = &[
        "de", "het", "een", "en", "van", "ik", "mijn", "met", "voor", "niet", "dat", "op", "zijn",
        "wij",
    ];
    const EN: &[&str] = &[
        "the", "a", "and", "of", "i", "my", "with", "for", "not", "that", "on", "to", "are",
        "have", "this",
    ];
    let (mut nl, mut en) = (0, 0);
    for t in text::tokenize(text) {
        nl += usize::from(NL.contains(&t.folded.as_str()));
        en += usize::from(EN.contains(&t.folded.as_str()));
    }
    if en > nl {
        Lang::En
    } else {
        Lang::Nl
    }
}

/// Suggest redactions for `text` about the person in `identity`. The result is
/// sorted and non-overlapping; replacements are in the text's own language and
/// start with a capital at the start of a sentence.
pub fn propose(text: &str, identity: &Identity, lexicon: &RedactionLexicon) -> Vec<Proposal> {
    propose_with_known(text, identity, lexicon, &[])
}

/// [`propose`], also proposing the terms accepted in the candidate's other
/// texts (see [`known_terms`]).
///
/// The rules read an NFKC-normalised copy without invisible format
/// characters; each proposal's range is mapped back to `text`, so it covers
/// the invisible characters inside the words it hides.
pub fn propose_with_known(
    text: &str,
    identity: &Identity,
    lexicon: &RedactionLexicon,
    known: &[KnownTerm],
) -> Vec<Proposal> {
    let normalized = normalize::Normalized::new(text);
    let norm = normalized.text.as_str();
    let lang = detect_lang(norm);
    let tokens = text::tokenize(norm);
    let mut found = Vec::new();
    contact::find(norm, lang, &mut found);
    labels::find(norm, &tokens, lang, &mut found);
    let names = names::NameModel::new(identity, lang);
    names.find(norm, &tokens, &mut found);
    known::find(norm, &tokens, known, &mut found);
    places::find(norm, &tokens, identity, lang, &found.clone(), &mut found);
    institutions::find(norm, &tokens, lang, &mut found);
    age::find(norm, &tokens, identity, lang, &found.clone(), &mut found);
    lexicon.find(norm, &tokens, &found.clone(), &mut found);
    family::find(norm, &tokens, lang, &found.clone(), &mut found);
    health::find(norm, &tokens, lang, &mut found);
    gender::find(norm, &tokens, lang, &found.clone(), &mut found);
    kinship::find(norm, &tokens, lang, &mut found);

    let chosen = resolve(found);
    chosen
        .into_iter()
        .map(|c| {
            let (start, end) = normalized.original(c.start, c.end);
            let matched = text[start..end].to_owned();
            // Word lists carry Dutch placeholders; an English text gets the English ones.
            let c = match english_label(&c) {
                Some(label) if lang == Lang::En => Candidate {
                    replacement: label.to_owned(),
                    ..c
                },
                _ => c,
            };
            let starts_lower = c.replacement.chars().next().is_some_and(char::is_lowercase);
            // Only where the writer used a capital: "haar" at the start of a wrapped line stays lower case.
            let original_upper = norm[c.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let replacement =
                if starts_lower && original_upper && text::at_sentence_start(norm, c.start) {
                    text::capitalize(&c.replacement)
                } else {
                    c.replacement
                };
            Proposal {
                start,
                end,
                category: c.category,
                replacement,
                matched,
            }
        })
        .collect()
}

/// The English for a Dutch bracketed placeholder of the word lists: the
/// category's own, or one of the labels the lists use besides.
fn english_label(c: &Candidate) -> Option<&'static str> {
    const LABELS: &[(&str, &str)] = &[
        ("[kleding]", "[clothing]"),
        ("[hulpmiddel]", "[aid]"),
        ("[levensfase]", "[life stage]"),
        ("[gezinssituatie]", "[family]"),
        ("[verlof]", "[leave]"),
        ("[regionaal medium]", "[regional media]"),
        ("[netwerk]", "[network]"),
        ("[familielid]", "[relative]"),
    ];
    if c.replacement == c.category.placeholder(Lang::Nl) {
        return Some(c.category.placeholder(Lang::En));
    }
    LABELS
        .iter()
        .find(|(nl, _)| *nl == c.replacement)
        .map(|(_, en)| *en)
}

/// Keep the strongest, then longest, candidates that do not overlap one already kept.
fn resolve(mut found: Vec<Candidate>) -> Vec<Candidate> {
    found.retain(|c| c.start < c.end);
    found.sort_by(|a, b| {
        a.rank
            .cmp(&b.rank)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for c in found {
        if kept.iter().all(|k| c.end <= k.start || c.start >= k.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

/// Blind a text by accepting every proposal (what `maatstaf blind` does).
pub fn blind_all(
    text: &str,
    identity: &Identity,
    lexicon: &RedactionLexicon,
) -> (Vec<Proposal>, BlindedText) {
    let proposals = propose(text, identity, lexicon);
    let accepted: Vec<Redaction> = proposals.iter().map(Redaction::from).collect();
    let blinded =
        apply(text, &accepted).expect("proposals are sorted, in bounds and on char boundaries");
    (proposals, blinded)
}

#[cfg(test)]
mod tests {
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    use super::*;

    fn fatima() -> Identity {
        Identity::from_toml(
            "name = \"Fatima el Amrani\"\nparty = \"GroenLinks-PvdA\"\nbirth_date = \"1983-03-12\"\nbirth_place = \"Tilburg\"\n",
        )
        .unwrap()
    }

    fn blind(text: &str) -> String {
        blind_all(text, &fatima(), &RedactionLexicon::bundled())
            .1
            .text
    }

    #[test]
    fn proposals_are_sorted_disjoint_and_point_at_what_they_match() {
        let text = "Fatima el Amrani (41) woont in Tilburg. Zij is moeder en haar werk is goed. Mail f.elamrani@x.nl.";
        let proposals = propose(text, &fatima(), &RedactionLexicon::bundled());
        assert!(proposals.len() >= 7, "{proposals:?}");
        for pair in proposals.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{pair:?}");
        }
        for p in &proposals {
            assert_eq!(&text[p.start..p.end], p.matched);
        }
    }

    #[test]
    fn replacements_read_naturally_and_keep_sentence_capitals() {
        assert_eq!(
            blind("Fatima el Amrani is raadslid. Ik sprak met mevrouw El Amrani en met haar. Zij vindt dat haar partij ..."),
            "De kandidaat is raadslid. Ik sprak met de kandidaat en met de kandidaat. De kandidaat vindt dat diens partij ..."
        );
        assert_eq!(
            blind("Haar haar is grijs en Fatima's plan is goed."),
            "Diens haar is grijs en diens plan is goed."
        );
    }

    #[test]
    fn traps_stay_untouched() {
        let text = "De plannen zijn ambitieus, wij zijn er klaar voor. Ze hebben gelijk en zij vinden dat ook. \
                    Grijs haar is geen bezwaar. Een budget van € 41 miljoen, 3 wethouders, 15% en artikel 41 in 2026. \
                    Ik zal man en paard noemen.";
        assert_eq!(blind(text), text);
    }

    #[test]
    fn english_text_gets_english_replacements() {
        let text =
            "Fatima el Amrani was born in Tilburg. She is a Muslim and her colleagues trust her.";
        assert_eq!(
            blind(text),
            "The candidate was born in [place]. The candidate is a [religion] and their colleagues trust the candidate."
        );
    }

    #[test]
    fn english_texts_get_english_labels_for_the_new_classes() {
        let text = "Fatima el Amrani wears a headscarf and uses a hearing aid. She is divorced and has two sons.";
        assert_eq!(
            blind(text),
            "The candidate wears a [clothing] and uses a [aid]. The candidate is [family] and has [family]."
        );
    }

    #[test]
    fn identity_also_comes_from_json() {
        let id: Identity =
            serde_json::from_str(r#"{"name":"A B","birth_date":"1990-01-31"}"#).unwrap();
        assert_eq!(id.birth_date.unwrap().to_string(), "1990-01-31");
        assert!(
            serde_json::from_str::<Identity>(r#"{"name":"A B","birth_date":"1990-02-31"}"#)
                .is_err()
        );
    }

    /// Random mixes of names, pronouns, digits, punctuation and multi-byte
    /// characters: proposing and applying never panics and stays consistent.
    #[test]
    fn arbitrary_text_never_panics() {
        const PIECES: &[&str] = &[
            "Fatima",
            "el",
            "Amrani",
            "F.",
            "E.",
            "'s",
            "’s",
            "haar",
            "zijn",
            "ze",
            "zij",
            "hij",
            "hem",
            "mevrouw",
            "dhr.",
            "41",
            "jaar",
            "-jarige",
            "21e",
            "1983",
            "12",
            "maart",
            "06-12345678",
            "+31",
            "@",
            "www.",
            ".nl",
            "Tilburg",
            "geboren",
            "in",
            "'s-",
            "Ö",
            "ĳ",
            "😀",
            "\u{301}",
            "é",
            " ",
            "  ",
            "\n",
            ".",
            ",",
            ":",
            "\"",
            "(",
            ")",
            "-",
            "moeder",
            "mijn",
            "vrouw",
            "man",
            "Die",
            "is",
            "hun",
            "€",
            "%",
            "moskee",
            "GroenLinks-PvdA",
            "'er",
        ];
        let mut rng = ChaCha8Rng::seed_from_u64(2026);
        let id = fatima();
        let lex = RedactionLexicon::bundled();
        for _ in 0..2000 {
            let n = rng.random_range(0..40);
            let text: String = (0..n)
                .map(|_| PIECES[rng.random_range(0..PIECES.len())])
                .collect();
            let proposals = propose(&text, &id, &lex);
            for pair in proposals.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{text:?}: {pair:?}");
            }
            let accepted: Vec<Redaction> = proposals.iter().map(Redaction::from).collect();
            let blinded = apply(&text, &accepted).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(blinded.redactions.len(), proposals.len());
        }
    }
}
