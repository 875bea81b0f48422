//! The candidate's names in every form, the party, and `extra` strings.

use std::collections::HashSet;

use super::identity::Identity;
use super::text::{fold, fold_words, name_gap, Token};
use super::{rank, Candidate, Category};
use crate::i18n::Lang;

/// Dutch (and a few Arabic, French, German, Portuguese) name particles: "van der", "el", "ter".
const TUSSENVOEGSELS: &[&str] = &[
    "van", "de", "der", "den", "het", "t", "ter", "ten", "te", "in", "op", "onder", "aan", "bij",
    "uit", "voor", "el", "al", "la", "le", "du", "da", "das", "dos", "di", "del", "von", "zu",
    "vander", "vd", "d", "l", "ben", "bin", "ibn", "abu",
];

/// Surname cores (after "de", "van", "ter") that are everyday Dutch words.
const COMMON_CORES: &[&str] = &[
    "jong", "groot", "boer", "wit", "bruin", "bruijn", "graaf", "haan", "vos", "meer", "lange",
    "linden", "beek", "dam", "wijk", "koning", "veen", "wilde", "horst", "berg", "dijk", "bos",
    "heuvel", "brink", "bergen", "ruiter", "klein", "zwart", "leeuw", "hoek", "wal", "laan",
    "water", "weg", "kamp", "zand", "hout", "goede", "rooij", "heer", "ven", "burg", "poel",
    "velde", "broek", "haas", "wolf", "mol",
];

pub(crate) fn is_tv(word: &str) -> bool {
    TUSSENVOEGSELS.contains(&fold(word).as_str())
}

/// One way of writing something to hide, as folded words.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub words: Vec<String>,
    /// A surname core that is also a common word ("Jong", "Groot", "Meer"):
    /// at the start of a sentence the capital says nothing, so it does not match there.
    pub common_word: bool,
    /// Single words such as "Berg" or "Jong" are also ordinary Dutch words
    /// ("berg", "jong"), so they only match when written with a capital.
    pub needs_capital: bool,
}

impl Form {
    pub fn new(phrase: &str) -> Option<Form> {
        let words = fold_words(phrase);
        let needs_capital = words.len() == 1;
        (!words.is_empty()).then_some(Form {
            needs_capital,
            common_word: false,
            words,
        })
    }
}

/// A match of a form: where it ends, and whether a suffix was glued on.
pub(crate) struct FormMatch {
    pub end: usize,
    pub suffixed: bool,
}

/// Match `form` at token `i`. `glued` are endings allowed on the last word
/// ("Jansens", "GroenLinkser"); `apostrophe` are endings after an apostrophe
/// ("Fatima's", "VVD'er").
pub(crate) fn match_form(
    text: &str,
    tokens: &[Token],
    i: usize,
    form: &Form,
    glued: &[&str],
    apostrophe: &[&str],
) -> Option<FormMatch> {
    let n = form.words.len();
    if i + n > tokens.len() || (form.needs_capital && !tokens[i].starts_upper()) {
        return None;
    }
    if form.common_word && super::text::at_sentence_start(text, tokens[i].start) {
        return None;
    }
    let mut suffixed = false;
    for (k, word) in form.words.iter().enumerate() {
        let t = &tokens[i + k];
        if k > 0 && !name_gap(text, tokens[i + k - 1].end, t.start) {
            return None;
        }
        if t.folded == *word {
            continue;
        }
        let last = k + 1 == n;
        if last
            && glued
                .iter()
                .any(|s| t.folded.strip_suffix(s) == Some(word.as_str()))
        {
            suffixed = true;
            continue;
        }
        return None;
    }
    let mut end = tokens[i + n - 1].end;
    if !suffixed {
        let rest = &text[end..];
        for quote in ['\'', '\u{2019}'] {
            if let Some(after) = rest.strip_prefix(quote) {
                for s in apostrophe {
                    if let Some(tail) = after.get(..s.len()).filter(|t| t.eq_ignore_ascii_case(s)) {
                        let next = after[tail.len()..].chars().next();
                        if !next.is_some_and(char::is_alphanumeric) {
                            end += quote.len_utf8() + tail.len();
                            suffixed = true;
                            break;
                        }
                    }
                }
                // "Thomas'" : a bare apostrophe after a name ending in s is a possessive too.
                if !suffixed
                    && apostrophe.contains(&"s")
                    && form.words.last().is_some_and(|w| w.ends_with('s'))
                {
                    let next = after.chars().next();
                    if !next.is_some_and(char::is_alphanumeric) {
                        end += quote.len_utf8();
                        suffixed = true;
                    }
                }
            }
        }
    }
    Some(FormMatch { end, suffixed })
}

/// Titles that precede a name and mark gender (or are simply part of the name reference).
const TITLES: &[&str] = &[
    "mevrouw", "meneer", "mevr", "mw", "dhr", "heer", "mr", "mrs", "ms", "miss", "drs", "dr", "ir",
];

pub(crate) struct NameModel {
    forms: Vec<Form>,
    surname_forms: Vec<Form>,
    /// Initial strings that may stand alone: "f", "fea", "jw".
    initials: HashSet<String>,
    party_forms: Vec<Form>,
    extra_forms: Vec<Form>,
    lang: Lang,
}

impl NameModel {
    pub fn new(identity: &Identity, lang: Lang) -> NameModel {
        let words: Vec<&str> = identity.name.split_whitespace().collect();
        // The surname starts at the first particle ("van", "el") after the first
        // word, or at a double name glued to a particle ("Bakker-de Vries"),
        // else it is the last word.
        let start = (1..words.len())
            .find(|&i| is_tv(words[i]) || words[i].split('-').skip(1).any(is_tv))
            .unwrap_or(words.len().saturating_sub(1).max(1).min(words.len()));
        let given = words[..start].join(" ");
        let surname = words[start..].join(" ");

        let mut phrases: Vec<String> = vec![identity.name.clone(), given.clone()];
        let mut surnames: Vec<String> = Vec::new();
        let mut stripped: Vec<String> = Vec::new();
        if !surname.is_empty() {
            surnames.push(surname.clone());
            // "van der Berg" -> "Berg"; "Bakker-de Vries" -> "Bakker", "de Vries", "Vries".
            let parts: Vec<&str> = surname.split('-').collect();
            let mut pieces: Vec<String> = parts.iter().map(|p| p.trim().to_owned()).collect();
            if parts.len() > 1 {
                pieces.push(surname.clone());
            }
            for piece in pieces {
                let ws: Vec<&str> = piece.split_whitespace().collect();
                let core_start = ws.iter().position(|w| !is_tv(w)).unwrap_or(0);
                surnames.push(piece.clone());
                surnames.push(ws[core_start..].join(" "));
                if core_start > 0 {
                    stripped.push(fold_words(&ws[core_start..].join(" ")).concat());
                }
            }
            // "Elamrani", "Vanderberg": particles written together, as in e-mail names.
            surnames.push(fold_words(&surname).concat());
        }
        if words.len() > 2 && start > 1 {
            phrases.push(words[0].to_owned());
        }
        phrases.extend(identity.aliases.iter().cloned());

        let mut initials = HashSet::new();
        let given_initials: String = fold_words(&given)
            .iter()
            .filter_map(|w| w.chars().next())
            .collect();
        for k in 1..=given_initials.len() {
            initials.insert(given_initials[..k].to_owned());
        }
        let all: Vec<String> = fold_words(&surname);
        let with_tv: String = all.iter().filter_map(|w| w.chars().next()).collect();
        let without_tv: String = all
            .iter()
            .filter(|w| !TUSSENVOEGSELS.contains(&w.as_str()))
            .filter_map(|w| w.chars().next())
            .collect();
        initials.insert(format!("{given_initials}{with_tv}"));
        initials.insert(format!("{given_initials}{without_tv}"));

        let party_forms = identity
            .party
            .as_deref()
            .map(party_phrases)
            .unwrap_or_default();
        let mut forms: Vec<Form> = phrases
            .iter()
            .chain(&surnames)
            .filter_map(|p| Form::new(p))
            .collect();
        forms.retain(|f| f.words.iter().map(String::len).sum::<usize>() >= 2);
        dedup(&mut forms);
        for f in &mut forms {
            f.common_word = f.words.len() == 1
                && stripped.contains(&f.words[0])
                && COMMON_CORES.contains(&f.words[0].as_str());
        }
        let mut surname_forms: Vec<Form> = surnames.iter().filter_map(|p| Form::new(p)).collect();
        dedup(&mut surname_forms);
        NameModel {
            forms,
            surname_forms,
            initials,
            party_forms: party_forms.iter().filter_map(|p| Form::new(p)).collect(),
            extra_forms: identity
                .extra
                .iter()
                .filter_map(|p| Form::new(p))
                .map(|mut f| {
                    f.needs_capital = false;
                    f
                })
                .collect(),
            lang,
        }
    }

    pub fn find(&self, text: &str, tokens: &[Token], out: &mut Vec<Candidate>) {
        let (cand, of_cand) = match self.lang {
            Lang::Nl => ("de kandidaat", "van de kandidaat"),
            Lang::En => ("the candidate", "the candidate's"),
        };
        for i in 0..tokens.len() {
            // Longest form first, so "Fatima el Amrani" wins over "Fatima".
            let best = self
                .forms
                .iter()
                .filter_map(|f| match_form(text, tokens, i, f, &["s"], &["s"]))
                .max_by_key(|m| m.end)
                .map(|m| (tokens[i].start, m))
                .or_else(|| self.initials_at(text, tokens, i));
            if let Some((start, m)) = best {
                let start = self.title_before(text, tokens, i, start);
                let replacement = if m.suffixed {
                    possessive(text, start, m.end, of_cand, self.lang)
                } else {
                    cand.to_owned()
                };
                out.push(Candidate::new(
                    start,
                    m.end,
                    Category::Name,
                    replacement,
                    rank::NAME,
                ));
            }
            for f in &self.party_forms {
                if let Some(m) = match_form(text, tokens, i, f, &["er", "ers"], &["er", "ers"]) {
                    out.push(Candidate::new(
                        tokens[i].start,
                        m.end,
                        Category::Party,
                        Category::Party.placeholder(self.lang),
                        rank::PARTY_PLACE,
                    ));
                }
            }
            for f in &self.extra_forms {
                if let Some(m) = match_form(text, tokens, i, f, &[], &[]) {
                    out.push(Candidate::new(
                        tokens[i].start,
                        m.end,
                        Category::Other,
                        Category::Other.placeholder(self.lang),
                        rank::NAME,
                    ));
                }
            }
        }
    }

    /// "F.", "F.E.A.", "F. el Amrani", "J.W. van der Berg".
    fn initials_at(&self, text: &str, tokens: &[Token], i: usize) -> Option<(usize, FormMatch)> {
        let is_initial = |t: &Token| {
            t.text.chars().count() == 1
                && t.text.chars().all(char::is_alphabetic)
                && text[t.end..].starts_with('.')
        };
        if !is_initial(&tokens[i]) || !tokens[i].starts_upper() {
            return None;
        }
        if i > 0
            && tokens[i - 1].end == tokens[i].start.saturating_sub(1)
            && text[..tokens[i].start].ends_with('.')
            && is_initial(&tokens[i - 1])
        {
            return None; // not the first initial of the run
        }
        let mut letters = String::new();
        let mut j = i;
        while j < tokens.len()
            && is_initial(&tokens[j])
            && (j == i || name_gap(text, tokens[j - 1].end, tokens[j].start))
        {
            letters.push_str(&tokens[j].folded);
            j += 1;
        }
        let dot_end = tokens[j - 1].end + 1;
        if j < tokens.len() && name_gap(text, tokens[j - 1].end, tokens[j].start) {
            if let Some(m) = self
                .surname_forms
                .iter()
                .filter_map(|f| match_form(text, tokens, j, f, &["s"], &["s"]))
                .max_by_key(|m| m.end)
            {
                return Some((tokens[i].start, m));
            }
        }
        self.initials.contains(&letters).then_some((
            tokens[i].start,
            FormMatch {
                end: dot_end,
                suffixed: false,
            },
        ))
    }

    /// Extend a name match back over "mevrouw", "dhr.", "de heer", "mr.".
    fn title_before(&self, text: &str, tokens: &[Token], i: usize, start: usize) -> usize {
        if i == 0 {
            return start;
        }
        let t = &tokens[i - 1];
        let gap = &text[t.end..start];
        let gap_ok = matches!(gap.trim_start_matches('.'), " " | "\u{a0}");
        if !gap_ok || !t.is_any(TITLES) {
            return start;
        }
        if t.is("heer")
            && i >= 2
            && tokens[i - 2].is("de")
            && text[tokens[i - 2].end..t.start] == *" "
        {
            return tokens[i - 2].start;
        }
        t.start
    }
}

fn dedup(forms: &mut Vec<Form>) {
    let mut seen = HashSet::new();
    forms.retain(|f| seen.insert(f.words.join(" ")));
}

/// "Fatima's aanpak" reads best as "diens aanpak"; "het boek is van Fatima's" ... as "van de kandidaat".
fn possessive(text: &str, start: usize, end: usize, of_cand: &str, lang: Lang) -> String {
    if lang == Lang::Nl && text[..start].to_lowercase().ends_with("van ") {
        return "de kandidaat".to_owned(); // "van Fatima's" -> "van de kandidaat", not "van van ..."
    }
    let next_is_word = text[end..]
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
        && text[end..].starts_with([' ', '\u{a0}']);
    match (lang, next_is_word) {
        (Lang::Nl, true) => "diens".to_owned(),
        (Lang::En, true) => "the candidate's".to_owned(),
        _ => of_cand.to_owned(),
    }
}

/// Well-known Dutch parties and their other names.
const PARTIES: &[&[&str]] = &[
    &["VVD", "Volkspartij voor Vrijheid en Democratie"],
    &[
        "CDA",
        "Christen-Democratisch Appèl",
        "Christen Democratisch Appel",
    ],
    &["D66", "Democraten 66"],
    &["PvdA", "Partij van de Arbeid"],
    &["GroenLinks", "GL", "Groen Links"],
    &[
        "GroenLinks-PvdA",
        "GL-PvdA",
        "GL/PvdA",
        "GroenLinks/PvdA",
        "PRO",
    ],
    &["SP", "Socialistische Partij"],
    &["PVV", "Partij voor de Vrijheid"],
    &["ChristenUnie", "CU", "Christen Unie"],
    &["SGP", "Staatkundig Gereformeerde Partij"],
    &["PvdD", "Partij voor de Dieren"],
    &["JA21"],
    &["BBB", "BoerBurgerBeweging"],
    &["NSC", "Nieuw Sociaal Contract"],
    &["Volt"],
    &["DENK"],
    &["50PLUS"],
    &["FvD", "Forum voor Democratie"],
];

/// "Partij van de Arbeid (PvdA)" -> the name, the abbreviation, and any known other names.
fn party_phrases(party: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (name, abbr) = match (party.find('('), party.rfind(')')) {
        (Some(a), Some(b)) if a < b => (party[..a].trim(), Some(party[a + 1..b].trim())),
        _ => (party.trim(), None),
    };
    out.push(name.to_owned());
    out.extend(abbr.map(str::to_owned));
    // "GroenLinks-PvdA" also brings "GroenLinks" and "PvdA" along.
    let parts: Vec<String> = out
        .iter()
        .flat_map(|p| p.split(['-', '/']))
        .map(str::to_owned)
        .collect();
    let known: Vec<String> = out
        .iter()
        .chain(&parts)
        .map(|p| fold_words(p).concat())
        .collect();
    for group in PARTIES {
        if group
            .iter()
            .any(|p| known.contains(&fold_words(p).concat()))
        {
            out.extend(group.iter().map(|p| p.to_string()));
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blinding::text::tokenize;

    fn hits(name: &str, text: &str) -> Vec<String> {
        let mut id = Identity::new(name);
        id.party = Some("Partij van de Arbeid (PvdA)".into());
        let model = NameModel::new(&id, Lang::Nl);
        let tokens = tokenize(text);
        let mut out = Vec::new();
        model.find(text, &tokens, &mut out);
        let out = super::super::resolve(out);
        out.iter()
            .map(|c| format!("{}={}", &text[c.start..c.end], c.replacement))
            .collect()
    }

    #[test]
    fn name_forms_with_particles_initials_and_possessives() {
        assert_eq!(
            hits("Fatima el Amrani", "Fatima el Amrani, F. El Amrani, F.E.A., Fatima's plan, mevrouw Amrani en Elamrani."),
            [
                "Fatima el Amrani=de kandidaat",
                "F. El Amrani=de kandidaat",
                "F.E.A.=de kandidaat",
                "Fatima's=diens",
                "mevrouw Amrani=de kandidaat",
                "Elamrani=de kandidaat"
            ]
        );
        assert_eq!(
            hits(
                "Jan-Willem van der Berg",
                "Van der Berg en Berg, J.W. van der Berg, Jansens berg."
            ),
            [
                "Van der Berg=de kandidaat",
                "Berg=de kandidaat",
                "J.W. van der Berg=de kandidaat"
            ]
        );
        assert_eq!(
            hits(
                "Kees Jansen",
                "Dat is Jansens werk. Het boek is Jansen's, niet van Jansen's"
            ),
            [
                "Jansens=diens",
                "Jansen's=van de kandidaat",
                "Jansen's=de kandidaat"
            ]
        );
        assert_eq!(
            hits(
                "Anouk Bakker-de Vries",
                "Bakker en De Vries, ook Anouk Bakker de Vries"
            ),
            [
                "Bakker=de kandidaat",
                "De Vries=de kandidaat",
                "Anouk Bakker de Vries=de kandidaat"
            ]
        );
        assert_eq!(
            hits("Sevda Özdemir", "Ozdemir zei: özdemir"),
            ["Ozdemir=de kandidaat"]
        );
    }

    #[test]
    fn joined_parties_bring_their_parts() {
        let mut id = Identity::new("A B");
        id.party = Some("GroenLinks-PvdA".into());
        let model = NameModel::new(&id, Lang::Nl);
        let text = "Eerst PvdA, toen GroenLinks, nu GroenLinks-PvdA.";
        let mut out = Vec::new();
        model.find(text, &tokenize(text), &mut out);
        let hits: Vec<_> = super::super::resolve(out)
            .iter()
            .map(|c| &text[c.start..c.end])
            .collect();
        assert_eq!(hits, ["PvdA", "GroenLinks", "GroenLinks-PvdA"]);
    }

    #[test]
    fn party_names_abbreviations_and_members() {
        assert_eq!(
            hits(
                "A B",
                "Als PvdA'er en lid van de Partij van de Arbeid; pvda"
            ),
            ["PvdA'er=[partij]", "Partij van de Arbeid=[partij]"]
        );
    }
}
