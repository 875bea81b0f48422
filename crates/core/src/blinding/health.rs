//! Health events told as the person's own: "sinds mijn ongeluk", "na haar
//! operatie", "toen ik een ongeluk kreeg". The words on their own belong to
//! policy ("verkeersongelukken op de N33", "de operatie Schoon Schip"), so
//! they only count after a possessive of a person or with a verb of
//! undergoing in a clause with a person. Named conditions, treatments and
//! aids are in `redaction-health.toml`.

use super::context::Ctx;
use super::text::Token;
use super::{rank, Candidate, Category};
use crate::i18n::Lang;

/// Nouns (and the ends of compounds: "auto-ongeluk", "knieoperatie") for events that explain a limitation.
const EVENTS: &[&str] = &[
    "ongeluk",
    "ongeval",
    "operatie",
    "opname",
    "ziekte",
    "ziekteperiode",
    "ziekbed",
    "diagnose",
    "herstel",
    "behandeling",
    "behandelingen",
    "val",
    "accident",
    "surgery",
    "illness",
    "diagnosis",
    "treatment",
    "recovery",
];

const POSSESSIVES: &[&str] = &[
    "mijn", "m", "mn", "zijn", "haar", "diens", "my", "his", "her",
];

const UNDERGOING: &[&str] = &[
    "kreeg",
    "krijg",
    "kreeg",
    "had",
    "onderging",
    "overkwam",
    "raakte",
    "kregen",
    "got",
    "had",
    "underwent",
    "suffered",
];

const SUBJECTS: &[&str] = &["ik", "hij", "zij", "ze", "i", "he", "she"];

fn is_event(t: &Token) -> bool {
    t.is_any(EVENTS)
        || ["ongeluk", "ongeval", "operatie"]
            .iter()
            .any(|e| t.folded.len() > e.len() + 2 && t.folded.ends_with(e))
}

pub(crate) fn find(text: &str, tokens: &[Token], lang: Lang, out: &mut Vec<Candidate>) {
    let ctx = Ctx { text, tokens };
    let health = Category::Health.placeholder(lang);
    for (i, t) in tokens.iter().enumerate() {
        if !is_event(t) {
            continue;
        }
        // "auto-ongeluk" is two tokens: the clause goes on before the first.
        let head = if i > 0 && &text[tokens[i - 1].end..t.start] == "-" {
            i - 1
        } else {
            i
        };
        let before = ctx.clause_before(head);
        // "mijn ongeluk", "haar tweede operatie"
        let owned = before
            .iter()
            .take(2)
            .find(|&&j| tokens[j].is_any(POSSESSIVES))
            .copied();
        if let Some(p) = owned {
            out.push(Candidate::new(
                tokens[p].start,
                t.end,
                Category::Health,
                health,
                rank::LEXICON,
            ));
            continue;
        }
        // "de operatie aan zijn knie", "de behandeling van mijn rug"
        let body = ctx
            .next(i)
            .filter(|&n| tokens[n].is_any(&["aan", "van", "on", "to"]));
        if let Some(owner) = body
            .and_then(|n| ctx.next(n))
            .filter(|&o| tokens[o].is_any(POSSESSIVES))
        {
            let end = ctx.next(owner).map_or(tokens[owner].end, |b| tokens[b].end);
            out.push(Candidate::new(
                t.start,
                end,
                Category::Health,
                health,
                rank::LEXICON,
            ));
            continue;
        }
        // "toen ik een ongeluk kreeg", "hij kreeg in 2019 een operatie"
        let clause: Vec<usize> = before.iter().copied().chain(ctx.clause_after(i)).collect();
        if clause.iter().any(|&j| tokens[j].is_any(UNDERGOING))
            && clause.iter().any(|&j| tokens[j].is_any(SUBJECTS))
        {
            out.push(Candidate::new(
                t.start,
                t.end,
                Category::Health,
                health,
                rank::LEXICON,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blinding::text::tokenize;

    fn hits(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        find(text, &tokenize(text), Lang::Nl, &mut out);
        out.iter()
            .map(|c| text[c.start..c.end].to_owned())
            .collect()
    }

    #[test]
    fn the_persons_own_events_are_found() {
        assert_eq!(
            hits("Sinds mijn auto-ongeluk loop ik met een stok."),
            ["mijn auto-ongeluk"]
        );
        assert_eq!(
            hits("Toen ik in 2019 een ongeluk kreeg, stopte ik."),
            ["ongeluk"]
        );
        assert_eq!(
            hits("Na haar knieoperatie kwam ze terug."),
            ["haar knieoperatie"]
        );
    }

    #[test]
    fn events_in_policy_stay() {
        assert!(hits(
            "Het aantal verkeersongelukken op de N33 daalde. De operatie Schoon Schip liep goed."
        )
        .is_empty());
        assert!(hits("Ik pleitte voor een rotonde na een ongeluk op de N33.").is_empty());
    }
}
