//! Runs the linter over the corpus of good and bad criteria in
//! `lint_corpus.toml`, prints every miss and false alarm, and fails unless
//! there are none.

use std::collections::{BTreeMap, BTreeSet};

use maatstaf_core::lint::{lint, Finding, Rule};
use maatstaf_core::rubric::{parse_rubric, to_toml, Criterion, Rubric, Scale};
use serde::Deserialize;

use crate::support::{bundled_lexicon, root};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    fillers: BTreeMap<String, Vec<Criterion>>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    lang: Option<String>,
    expect: Vec<String>,
    criterion: Option<Criterion>,
    rubric: Option<String>,
}

fn corpus() -> Corpus {
    let text = std::fs::read_to_string(root().join("crates/core/tests/lint_corpus.toml")).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("lint_corpus.toml: {e}"))
}

/// The case as a rubric file, so it goes through the same parser as a user's file.
fn case_rubric(case: &Case, fillers: &BTreeMap<String, Vec<Criterion>>) -> Rubric {
    let text = match (&case.criterion, &case.rubric) {
        (Some(c), None) => {
            let lang = case.lang.as_deref().unwrap_or("nl");
            let mut criteria = vec![c.clone()];
            criteria.extend(fillers[lang].iter().cloned());
            to_toml(&Rubric {
                id: "corpus".into(),
                title: if lang == "nl" {
                    "Oefenrubriek".into()
                } else {
                    "Practice rubric".into()
                },
                version: 1,
                scale: Scale { min: 1, max: 5 },
                criteria,
            })
        }
        (None, Some(text)) => text.clone(),
        _ => panic!(
            "case {:?} needs exactly one of criterion and rubric",
            case.name
        ),
    };
    parse_rubric(&text).unwrap_or_else(|e| panic!("case {:?}: {e}", case.name))
}

fn describe(f: &Finding) -> String {
    format!(
        "{} {} [{}.{}]: {}",
        f.severity.as_str(),
        f.rule.as_str(),
        f.criterion.as_deref().unwrap_or("-"),
        f.field.as_deref().unwrap_or("-"),
        f.message.en
    )
}

#[test]
fn the_linter_finds_exactly_what_the_corpus_expects() {
    let corpus = corpus();
    let lexicon = bundled_lexicon();
    let (mut misses, mut false_alarms) = (Vec::new(), Vec::new());
    let (mut good, mut bad) = (0, 0);
    for case in &corpus.cases {
        let expected: BTreeSet<Rule> = case
            .expect
            .iter()
            .map(|r| {
                Rule::parse(r).unwrap_or_else(|| panic!("case {:?}: unknown rule {r:?}", case.name))
            })
            .collect();
        if expected.is_empty() {
            good += 1;
        } else {
            bad += 1;
        }
        let findings = lint(&case_rubric(case, &corpus.fillers), &lexicon);
        let found: BTreeSet<Rule> = findings.iter().map(|f| f.rule).collect();
        for rule in expected.difference(&found) {
            misses.push(format!(
                "{}: expected {} but it was not reported",
                case.name,
                rule.as_str()
            ));
        }
        for f in findings.iter().filter(|f| !expected.contains(&f.rule)) {
            false_alarms.push(format!("{}: {}", case.name, describe(f)));
        }
    }
    println!(
        "lint corpus: {} cases ({good} clean, {bad} with findings)",
        corpus.cases.len()
    );
    println!("misses ({}):", misses.len());
    for m in &misses {
        println!("  {m}");
    }
    println!("false alarms ({}):", false_alarms.len());
    for f in &false_alarms {
        println!("  {f}");
    }
    assert!(
        corpus.cases.len() >= 188,
        "the corpus must keep at least 188 cases"
    );
    assert!(
        good >= 53 && bad >= 135,
        "the corpus needs both good and bad cases"
    );
    assert!(
        misses.is_empty() && false_alarms.is_empty(),
        "{} misses, {} false alarms",
        misses.len(),
        false_alarms.len()
    );
}

#[test]
fn the_fillers_are_clean_on_their_own() {
    let corpus = corpus();
    let lexicon = bundled_lexicon();
    for (lang, fillers) in &corpus.fillers {
        // Two fillers plus a renamed copy of the first make a valid three-criterion rubric.
        let mut third = fillers[0].clone();
        third.id = "third".into();
        third.name = format!("{} (2)", third.name);
        let mut criteria = fillers.clone();
        criteria.push(third);
        for (c, weight) in criteria.iter_mut().zip([40, 30, 30]) {
            c.weight = weight;
        }
        let rubric = Rubric {
            id: "f".into(),
            title: "Fillers".into(),
            version: 1,
            scale: Scale { min: 1, max: 5 },
            criteria,
        };
        let findings = lint(&rubric, &lexicon);
        assert!(
            findings.is_empty(),
            "{lang} fillers: {:#?}",
            findings.iter().map(describe).collect::<Vec<_>>()
        );
    }
}
