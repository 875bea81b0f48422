//! Gender markers: third-person pronouns and titles (kinship words are in `kinship`).
//!
//! Dutch pronouns are ambiguous, and there is no part-of-speech tagger here,
//! so the rules look at neighbouring words:
//! - `zij`/`ze` is "they" when the finite verb is plural ("ze hebben", "vinden
//!   zij", "omdat ze het belangrijk vinden"), "she" when it is singular; when
//!   no verb decides, it is treated as "she" (hiding too much is safer).
//!   `ze` after a verb with its own subject ("ik wil ze betrekken") or after a
//!   preposition is taken as "them": written Dutch uses `haar` for a woman there.
//! - `zijn` is the verb when a plural subject or article, adverb, participle or
//!   predicative adjective surrounds it ("wij zijn", "de plannen zijn
//!   ambitieus", "zijn er"); it is the possessive after a preposition, at the
//!   start of a clause, or once the clause already has a finite verb ("hij zet
//!   zijn kennis in").
//! - `haar` is hair after a colour or length adjective or a possessive
//!   ("grijs haar", "haar haar is kort"); a possessive before a noun ("haar
//!   werk" -> "diens werk"); otherwise an object ("ik sprak haar" -> "de
//!   kandidaat").
//! - `hun`/`hen` are only hidden when the text uses the neutral pronoun `die`
//!   for the person ("Die is sinds 2019 raadslid"), near a mention of the name.
//!
//! Limits: plural nouns after `haar` at a clause end can read as an infinitive
//! ("ik ken haar kinderen" -> "de kandidaat kinderen"), and pronouns that refer
//! to other people than the candidate are hidden too.

use super::context::{sentence_index, Ctx};
use super::text::Token;
use super::words::{
    is_function, is_function_en, is_participle, is_predicative, verb_number, Number, ADVERBS_NL,
    DETERMINERS, PLURAL_MARKERS, PLURAL_VERBS, PREPOSITIONS, SINGULAR_VERBS, SUBORDINATORS,
};
use super::{rank, Candidate, Category};
use crate::i18n::Lang;

/// Skipped, like the shared adverbs, between `zij`/`ze` and the word that tells
/// its number; the function-word lists file these four under other classes.
const ALSO_SKIPPED: &[&str] = &["dus", "daar", "hier", "er"];

const SUBJECTS: &[&str] = &[
    "ik", "jij", "je", "u", "wij", "we", "jullie", "hij", "zij", "ze",
];

const HAIR_ADJECTIVES: &[&str] = &[
    "grijs",
    "grijze",
    "blond",
    "blonde",
    "kort",
    "korte",
    "lang",
    "lange",
    "krullend",
    "krullende",
    "donker",
    "donkere",
    "zwart",
    "zwarte",
    "rood",
    "rode",
    "bruin",
    "bruine",
    "wit",
    "witte",
    "dun",
    "dunne",
    "dik",
    "dikke",
    "steil",
    "steile",
    "nat",
    "natte",
    "geverfd",
    "geverfde",
    "kaal",
    "golvend",
    "golvende",
    "lichte",
    "licht",
];

/// Feminine nouns for organisations that "haar" often refers to.
const INSTITUTIONS: &[&str] = &[
    "gemeente",
    "provincie",
    "overheid",
    "organisatie",
    "stad",
    "regering",
    "partij",
    "fractie",
    "coalitie",
    "commissie",
    "instelling",
    "school",
    "universiteit",
    "bibliotheek",
    "corporatie",
    "politie",
    "vereniging",
    "stichting",
    "rekenkamer",
    "oppositie",
    "meerderheid",
    "minderheid",
    "samenleving",
    "regio",
    "afdeling",
    "directie",
];

/// Masculine and neuter nouns for organisations that "zijn" often refers to.
const INSTITUTIONS_M: &[&str] = &[
    "college",
    "bestuur",
    "kabinet",
    "rijk",
    "fonds",
    "project",
    "programma",
    "plan",
    "team",
    "ministerie",
    "parlement",
    "waterschap",
    "bedrijf",
    "land",
    "dorp",
    "district",
    "stadsdeel",
    "ziekenhuis",
    "buurthuis",
    "bureau",
];

/// Plural nouns of time that end in "-en" like a plural verb.
const TIME_NOUNS: &[&str] = &[
    "jaren", "maanden", "weken", "dagen", "uren", "minuten", "eeuwen", "decennia",
];

const POSSESSIVES: &[&str] = &[
    "mijn", "m", "mn", "je", "jouw", "zijn", "haar", "ons", "onze", "hun", "uw", "diens",
];

/// Verbs that take an infinitive: "ik wil haar bedanken".
const GOVERNORS: &[&str] = &[
    "wil", "kan", "zal", "moet", "mag", "ga", "gaat", "ging", "hoop", "probeer", "blijf", "wilde",
    "kon", "zou", "moest", "willen", "kunnen", "zullen", "moeten", "gaan", "laat", "liet", "help",
    "hielp",
];

impl Ctx<'_, '_> {
    /// Singular or plural for `zij`/`ze` at `i`.
    fn number_of(&self, i: usize) -> Number {
        let mut next = self.next(i);
        for _ in 0..3 {
            match next {
                Some(n)
                    if self.tokens[n].is_any(ADVERBS_NL) || self.tokens[n].is_any(ALSO_SKIPPED) =>
                {
                    next = self.next(n)
                }
                _ => break,
            }
        }
        if next.is_some_and(|n| self.tokens[n].is_any(PLURAL_MARKERS)) {
            return Number::Plural;
        }
        let prev = self.prev(i);
        let prev_word = self.word(prev);
        if SUBORDINATORS.contains(&prev_word) {
            if let Some(n) = self.clause_final(i) {
                return n;
            }
        } else if PREPOSITIONS.contains(&prev_word) && self.tokens[i].is("ze") {
            return Number::Plural;
        }
        // A finite verb right before the pronoun is its verb ("daarom vinden ze",
        // "geeft ze taallessen"); what follows is then an object, not a verb.
        if let Some(p) = prev {
            let before = self.word(self.prev(p));
            // "ik wil ze betrekken", "daarom wil ik ze": object position.
            if self.tokens[i].is("ze")
                && (SUBJECTS.contains(&before) || SUBJECTS.contains(&prev_word))
            {
                return Number::Plural;
            }
            if let Some(n) = verb_number(&self.tokens[p]) {
                return n;
            }
        }
        if let Some(n) = next.and_then(|n| verb_number(&self.tokens[n])) {
            return n;
        }
        self.clause_final(i).unwrap_or(Number::Singular)
    }

    /// The finite verb of a subordinate clause: the first word after the
    /// subject that is a known finite form, or looks like one by its ending.
    /// Nouns are skipped when an article, preposition or "en"/"of" precedes
    /// them ("de kosten", "met leerkrachten"); "-te"/"-de" words before a
    /// content word are inflected adjectives ("grote plannen"), not past tenses.
    fn clause_final(&self, i: usize) -> Option<Number> {
        let clause = self.clause_after(i);
        let known = |j: usize| {
            let t = &self.tokens[j];
            if t.is_any(SINGULAR_VERBS) {
                Some(Number::Singular)
            } else if t.is_any(PLURAL_VERBS) {
                Some(Number::Plural)
            } else {
                None
            }
        };
        for (k, &j) in clause.iter().enumerate() {
            if let Some(n) = known(j) {
                return Some(n);
            }
            let t = &self.tokens[j];
            let prev = self.word(self.prev(j));
            // "die zij al jaren kent": a plural of time is a noun, not the verb.
            if t.is_any(TIME_NOUNS) {
                continue;
            }
            if DETERMINERS.contains(&prev)
                || PREPOSITIONS.contains(&prev)
                || ["een", "en", "of", "als"].contains(&prev)
            {
                continue;
            }
            let next_content = clause
                .get(k + 1)
                .is_some_and(|&n| !is_function(&self.tokens[n]));
            let w = t.folded.as_str();
            if (w.ends_with("te") || w.ends_with("de")) && next_content {
                continue;
            }
            match verb_number(t) {
                // "dat ze verkozen is", "omdat ze verhogen wil": an "-en" word right
                // before a known finite form is a participle or infinitive.
                Some(Number::Plural)
                    if clause[k + 1..].iter().take(2).any(|&n| known(n).is_some()) =>
                {
                    continue
                }
                // "dat zij vragen stelt", "toen zij de motie over bouwen indiende": an
                // "-en" word before a singular verb that ends the clause is its object.
                Some(Number::Plural)
                    if clause.last().is_some_and(|&l| {
                        l != j && verb_number(&self.tokens[l]) == Some(Number::Singular)
                    }) =>
                {
                    continue
                }
                Some(n) => return Some(n),
                None => {}
            }
        }
        None
    }

    /// Does a singular finite verb follow `i` in its clause, before another clause opens?
    fn singular_verb_later(&self, i: usize) -> bool {
        self.clause_after(i)
            .into_iter()
            .take_while(|&j| !self.tokens[j].is_any(SUBORDINATORS))
            .any(|j| {
                let t = &self.tokens[j];
                t.is_any(SINGULAR_VERBS)
                    || (verb_number(t) == Some(Number::Singular)
                        && !is_predicative(t)
                        && !t.starts_upper()
                        && !DETERMINERS.contains(&self.word(self.prev(j))))
            })
    }

    /// Does the clause before `i` already have a finite verb?
    fn finite_before(&self, i: usize) -> bool {
        let before = self.clause_before(i);
        before.iter().any(|&j| {
            let t = &self.tokens[j];
            let p = self.word(self.prev(j));
            let w = t.folded.as_str();
            t.is_any(SINGULAR_VERBS)
                || t.is_any(PLURAL_VERBS)
                || (SUBJECTS.contains(&p) && !is_function(t))
                || (w.len() > 2
                    && (w.ends_with('t') || w.ends_with("te") || w.ends_with("de"))
                    && !is_function(t)
                    && !is_participle(t)
                    && !t.starts_upper()
                    && !DETERMINERS.contains(&p)
                    && !PREPOSITIONS.contains(&p)
                    && !["een", "het", "de"].contains(&p))
                // "collega's in de raad waarderen zijn kennis": a plural verb after a noun,
                // not a plural noun after an article or adjective ("de grote plannen zijn").
                || (w.len() > 4
                    && w.ends_with("en")
                    && !is_function(t)
                    && !is_participle(t)
                    && !t.starts_upper()
                    && self.prev(j).is_some()
                    && !DETERMINERS.contains(&p)
                    && !PREPOSITIONS.contains(&p)
                    && !["een", "het", "de", "en", "of"].contains(&p)
                    && !p.ends_with('e'))
        })
    }

    /// "de gemeente haar ...", "het college en zijn ...": the possessive right
    /// after an institution noun (or after "noun en") refers to the institution.
    fn owned_by_institution(&self, i: usize, nouns: &[&str]) -> bool {
        let Some(p) = self.prev(i) else { return false };
        let noun = if self.tokens[p].is("en") {
            self.prev(p)
        } else {
            Some(p)
        };
        noun.is_some_and(|q| {
            self.tokens[q].is_any(nouns)
                && matches!(self.word(self.prev(q)), "de" | "het" | "deze" | "onze")
        })
    }

    fn zijn_is_possessive(&self, i: usize) -> bool {
        if self.owned_by_institution(i, INSTITUTIONS_M) {
            return false;
        }
        let Some(n) = self.next(i) else { return false };
        let next = &self.tokens[n];
        if next.is("eigen") {
            return true;
        }
        if (is_function(next) && next.number().is_none())
            || is_participle(next)
            || is_predicative(next)
        {
            return false;
        }
        let Some(p) = self.prev(i) else { return true };
        let prev = self.tokens[p].folded.as_str();
        let clause_start = self.prev(p).is_none();
        if prev == "te" || ["wij", "we", "zij", "ze", "jullie"].contains(&prev) {
            return false;
        }
        if ["dat", "die", "dit", "het", "er", "wat", "deze", "dat"].contains(&prev) && clause_start
        {
            // "Dat zijn goede plannen" is the verb; in "die zijn partij altijd steunt"
            // the relative clause ends in a singular verb of its own, so "zijn" owns "partij".
            return ["die", "dat"].contains(&prev) && self.singular_verb_later(n);
        }
        // "dat hij zijn afspraken nakomt": the verb would be "is" after a singular subject.
        if PREPOSITIONS.contains(&prev)
            || SUBORDINATORS.contains(&prev)
            || ["hij", "ik", "jij", "u"].contains(&prev)
        {
            return true;
        }
        self.finite_before(i)
    }

    fn haar_kind(&self, i: usize) -> Haar {
        let prev = self.prev(i).map(|p| &self.tokens[p]);
        let next = self.next(i).map(|n| &self.tokens[n]);
        let next_is_np =
            next.is_some_and(|n| (!is_function(n) || n.number().is_some()) && !is_participle(n));
        if prev.is_some_and(|p| p.is_any(HAIR_ADJECTIVES)) {
            return Haar::Hair;
        }
        if prev.is_some_and(|p| p.is_any(POSSESSIVES)) && !next_is_np {
            return Haar::Hair;
        }
        if prev.is_some_and(|p| p.is("het"))
            && next.is_none_or(|n| n.is_any(&["is", "was", "wordt", "werd", "zit", "zat"]))
        {
            return Haar::Hair;
        }
        // "dat de gemeente haar eigen doelen niet haalt", "de stad en haar inwoners":
        // "haar" right after a feminine institution noun refers to it.
        if self.owned_by_institution(i, INSTITUTIONS) {
            return Haar::Hair;
        }
        // "de gemeente moet haar eigen regels volgen": "haar eigen" points back to the subject.
        if next.is_some_and(|n| n.is("eigen"))
            && self
                .clause_before(i)
                .iter()
                .any(|&j| self.tokens[j].is_any(INSTITUTIONS) && self.word(self.prev(j)) == "de")
        {
            return Haar::Hair;
        }
        // "collega's noemen haar vasthoudend": an adjective after "haar" is a predicate;
        // "ik heb haar zien debatteren": a verb after it makes it an object.
        let verb_cluster = self.next(i).and_then(|n| self.next(n)).is_some_and(|nn| {
            let w = self.tokens[nn].folded.as_str();
            w.ends_with("en")
                && !is_function(&self.tokens[nn])
                && next.is_some_and(|n| n.folded.ends_with('t'))
        });
        // ("wie haar leert kennen": a finite verb and an infinitive after it.)
        if !next_is_np
            || verb_cluster
            || next.is_some_and(|n| {
                is_predicative(n) || n.is_any(SINGULAR_VERBS) || n.is_any(PLURAL_VERBS)
            })
        {
            return Haar::Object;
        }
        let n = self.next(i).expect("checked above");
        let infinitive = self.tokens[n].folded.ends_with("en")
            && self.next(n).is_none()
            && prev.is_some_and(|p| p.is_any(GOVERNORS) || verb_number(p).is_some());
        if infinitive {
            Haar::Object
        } else {
            Haar::Possessive
        }
    }
}

enum Haar {
    Hair,
    Possessive,
    Object,
}

pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    lang: Lang,
    known: &[Candidate],
    out: &mut Vec<Candidate>,
) {
    let ctx = Ctx { text, tokens };
    let mut push = |t: &Token, cat: Category, r: &str| {
        out.push(Candidate::new(t.start, t.end, cat, r, rank::GENDER))
    };
    if lang == Lang::En {
        for (i, t) in tokens.iter().enumerate() {
            let next_is_np = ctx.next(i).is_some_and(|n| !is_function_en(&tokens[n]));
            match t.folded.as_str() {
                "he" | "she" | "him" => push(t, Category::Gender, "the candidate"),
                "his" | "her" if next_is_np => push(t, Category::Gender, "their"),
                "her" => push(t, Category::Gender, "the candidate"),
                "his" | "hers" => push(t, Category::Gender, "theirs"),
                "himself" | "herself" => push(t, Category::Gender, "themselves"),
                "mr" | "mrs" | "ms" | "miss" => push(t, Category::Gender, "the candidate"),
                _ => {}
            }
        }
        return;
    }

    let sentence_of = sentence_index(text, tokens);
    let name_sentences: Vec<usize> = known
        .iter()
        .filter(|c| c.category == Category::Name)
        .filter_map(|c| tokens.iter().position(|t| t.start >= c.start))
        .map(|i| sentence_of[i])
        .collect();
    let near_name = |i: usize| {
        name_sentences
            .iter()
            .any(|&s| s <= sentence_of[i] && sentence_of[i] <= s + 2)
    };
    let gendered = tokens
        .iter()
        .any(|t| t.is_any(&["hij", "hem", "hijzelf", "hemzelf"]));
    let mut neutral = false;

    for (i, t) in tokens.iter().enumerate() {
        match t.folded.as_str() {
            "hij" | "hem" => push(t, Category::Gender, "de kandidaat"),
            "hijzelf" | "zijzelf" | "hemzelf" | "haarzelf" => {
                push(t, Category::Gender, "de kandidaat zelf")
            }
            "zij" | "ze" if ctx.number_of(i) == Number::Singular => {
                push(t, Category::Gender, "de kandidaat")
            }
            "zijn" if ctx.zijn_is_possessive(i) => push(t, Category::Gender, "diens"),
            "haar" => match ctx.haar_kind(i) {
                Haar::Hair => {}
                Haar::Possessive => push(t, Category::Gender, "diens"),
                Haar::Object => push(t, Category::Gender, "de kandidaat"),
            },
            "die"
                if !gendered
                    && ctx.prev(i).is_none()
                    && near_name(i)
                    && ctx
                        .next(i)
                        .is_some_and(|n| tokens[n].is_any(SINGULAR_VERBS)) =>
            {
                neutral = true;
                push(t, Category::Gender, "de kandidaat");
            }
            "hun" | "hen" if neutral && near_name(i) => {
                let next_is_np = ctx
                    .next(i)
                    .is_some_and(|n| !is_function(&tokens[n]) && !is_participle(&tokens[n]));
                push(
                    t,
                    Category::Gender,
                    if t.is("hun") && next_is_np {
                        "diens"
                    } else {
                        "de kandidaat"
                    },
                );
            }
            "mevrouw" | "meneer" | "mevr" | "mw" | "dhr" => {
                let prev = ctx.word(i.checked_sub(1));
                let next = ctx.next(i).or_else(|| {
                    (text[t.end..].starts_with(". "))
                        .then_some(i + 1)
                        .filter(|&n| n < tokens.len())
                });
                let addressed = matches!(prev, "geachte" | "beste" | "lieve" | "dames");
                let other = next.is_some_and(|n| {
                    tokens[n].starts_upper() || tokens[n].is_any(&["de", "en", "of"])
                });
                if !addressed && !other {
                    push(t, Category::Gender, "de kandidaat");
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blinding::text::tokenize;

    fn hits(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let mut out = Vec::new();
        find(
            text,
            &tokens,
            crate::blinding::detect_lang(text),
            &[],
            &mut out,
        );
        out.sort_by_key(|c| c.start);
        out.iter()
            .map(|c| format!("{}={}", &text[c.start..c.end], c.replacement))
            .collect()
    }

    #[test]
    fn zijn_verb_or_possessive() {
        assert!(hits(
            "De plannen zijn ambitieus en wij zijn er klaar voor. Er zijn drie wethouders."
        )
        .is_empty());
        assert!(hits("Daarom zijn investeringen nodig. Het moet duidelijk zijn.").is_empty());
        assert_eq!(
            hits("Met zijn ervaring zet hij zijn kennis in."),
            ["zijn=diens", "hij=de kandidaat", "zijn=diens"]
        );
        assert_eq!(hits("Zijn aanpak werkt."), ["Zijn=diens"]);
    }

    #[test]
    fn pronouns_after_a_conjunction_or_relative() {
        assert_eq!(
            hits("De wethouder, die zijn partij altijd steunt, bleef."),
            ["zijn=diens"]
        );
        assert_eq!(
            hits("De raadsleden, die zij al jaren kent, steunen ons."),
            ["zij=de kandidaat"]
        );
        assert_eq!(
            hits("Het dossier waarmee zij de raad overtuigde was dik, omdat haar aanpak werkt."),
            ["zij=de kandidaat", "haar=diens"]
        );
        assert!(
            hits("Dat zijn kansen die de stad benut. Die zijn goed. Dat zijn goede plannen.")
                .is_empty()
        );
        assert!(hits("De inwoners zeggen dat ze het al jaren belangrijk vinden.").is_empty());
    }

    #[test]
    fn zij_she_or_they() {
        assert!(hits(
            "De inwoners zeggen dat ze het belangrijk vinden. Zij vinden dat, ze hebben gelijk."
        )
        .is_empty());
        assert!(hits("Daarom vinden ze dat ook. Ik wil ze betrekken.").is_empty());
        assert_eq!(hits("Ze is sinds 2018 raadslid."), ["Ze=de kandidaat"]);
        assert_eq!(
            hits("Ik weet dat zij het belangrijk vindt."),
            ["zij=de kandidaat"]
        );
        assert_eq!(
            hits("Omdat ze het budget wil verhogen."),
            ["ze=de kandidaat"]
        );
    }

    #[test]
    fn haar_possessive_object_or_hair() {
        assert_eq!(hits("Haar haar is grijs."), ["Haar=diens"]);
        assert!(hits("Ze heeft grijs haar.")
            .iter()
            .all(|h| !h.starts_with("haar")));
        assert_eq!(
            hits("Ik heb haar gesproken over haar werk."),
            ["haar=de kandidaat", "haar=diens"]
        );
        assert_eq!(hits("Ik wil haar bedanken."), ["haar=de kandidaat"]);
    }

    #[test]
    fn possessives_of_institutions_stay() {
        assert!(hits("Ik vind dat de gemeente haar eigen doelen haalt, net als het college en zijn wethouders.").is_empty());
        assert_eq!(hits("De gemeente waardeerde haar inzet."), ["haar=diens"]);
    }

    #[test]
    fn english_pronouns() {
        assert_eq!(
            hits("She is a mother of two and her work shows it; I met her. As a woman in politics, my husband says."),
            ["She=the candidate", "her=their", "her=the candidate"]
        );
    }
}
