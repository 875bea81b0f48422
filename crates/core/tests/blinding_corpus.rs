//! Runs the blinding assistant over realistic candidate texts and reports
//! leaks (a string that must be hidden is still visible) and over-redactions
//! (a string that must stay is gone). Each case in `blinding_corpus/` has
//! `text.txt`, `identity.toml` and `expect.toml` with `hide` and `keep` lists.
//! A case may also have `earlier.txt`, another text of the same candidate: its
//! proposals count as accepted, and their terms are proposed in `text.txt` too.

use std::fs;
use std::path::Path;

use maatstaf_core::blinding::{
    apply, intake_warnings, known_terms, propose, propose_with_known, Identity, Redaction,
    RedactionLexicon,
};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    hide: Vec<String>,
    keep: Vec<String>,
}

/// `needle` occurs in `hay` as whole words (not inside a longer word).
fn contains_words(hay: &str, needle: &str) -> bool {
    let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    hay.match_indices(needle).any(|(i, _)| {
        let first_alnum = needle.chars().next().is_some_and(char::is_alphanumeric);
        let last_alnum = needle
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        (!first_alnum || edge(hay[..i].chars().next_back()))
            && (!last_alnum || edge(hay[i + needle.len()..].chars().next()))
    })
}

#[test]
fn corpus_has_no_leaks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blinding_corpus");
    let lexicon = RedactionLexicon::bundled();
    let mut cases: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 66,
        "the corpus needs at least 66 texts, found {}",
        cases.len()
    );

    let (mut leaks, mut over, mut checks, mut proposals) = (Vec::new(), Vec::new(), 0, 0);
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(case.join("text.txt")).unwrap();
        let identity =
            Identity::from_toml(&fs::read_to_string(case.join("identity.toml")).unwrap())
                .unwrap_or_else(|e| panic!("{name}/identity.toml: {e}"));
        let expect: Expect = toml::from_str(&fs::read_to_string(case.join("expect.toml")).unwrap())
            .unwrap_or_else(|e| panic!("{name}/expect.toml: {e}"));
        let words = text.split_whitespace().count();
        assert!(
            (80..=250).contains(&words),
            "{name}: {words} words, expected 80-250"
        );

        let known = match fs::read_to_string(case.join("earlier.txt")) {
            Ok(earlier) => {
                let accepted: Vec<Redaction> = propose(&earlier, &identity, &lexicon)
                    .iter()
                    .map(Redaction::from)
                    .collect();
                known_terms(&earlier, &accepted)
            }
            Err(_) => Vec::new(),
        };
        let found = propose_with_known(&text, &identity, &lexicon, &known);
        let invisible = text.chars().any(|c| {
            matches!(
                c,
                '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'
            )
        });
        assert_eq!(
            !intake_warnings(&text).is_empty(),
            invisible,
            "{name}: invisible characters must be warned about at intake, and only they"
        );
        proposals += found.len();
        let accepted: Vec<Redaction> = found.iter().map(Redaction::from).collect();
        let blinded = apply(&text, &accepted).unwrap();
        for h in &expect.hide {
            assert!(
                contains_words(&text, h),
                "{name}: must-hide {h:?} is not in the text"
            );
            checks += 1;
            if contains_words(&blinded.text, h) {
                leaks.push(format!("{name}: {h:?}"));
            }
        }
        for k in &expect.keep {
            assert!(
                contains_words(&text, k),
                "{name}: must-keep {k:?} is not in the text"
            );
            checks += 1;
            if !contains_words(&blinded.text, k) {
                over.push(format!("{name}: {k:?}"));
            }
        }
        if std::env::var_os("BLINDING_SHOW").is_some() {
            println!("=== {name}\n{}\n", blinded.text);
        }
    }
    println!(
        "blinding corpus: {} texts, {} proposals, {} checks, {} leaks, {} over-redactions",
        cases.len(),
        proposals,
        checks,
        leaks.len(),
        over.len()
    );
    for l in &leaks {
        println!("  LEAK  {l}");
    }
    for o in &over {
        println!("  OVER  {o}");
    }
    assert!(
        leaks.is_empty(),
        "{} leak(s), see the report above",
        leaks.len()
    );
    // One known over-redaction, kept on purpose: in "toen de fractie toch bij haar
    // standpunt bleef" (41-nguyen) "haar" is the party group's, but the same shape
    // ("de fractie steunde haar voorstel") usually means the candidate's, so the
    // assistant hides it. Lower this number when a rule gets it right; never raise it.
    const KNOWN_OVER_REDACTIONS: usize = 1;
    assert!(
        over.len() <= KNOWN_OVER_REDACTIONS,
        "{} over-redaction(s), at most {KNOWN_OVER_REDACTIONS} expected; see the report above",
        over.len()
    );
}
