//! Every bundled rubric template in `content/rubrics/` parses, lints clean
//! (no errors, no warnings) and keeps the shape the practice cases rely on.

use maatstaf_core::lint::{is_clean, lint, Severity};
use maatstaf_core::rubric::{parse_rubric, Rubric, Scale};

use crate::support::{bundled_lexicon, root};

/// The generic criteria of content-format.md that practice cases refer to.
const GENERIC: [(&str, &str); 6] = [
    ("verbindend-leiderschap", "Verbindend leiderschap"),
    ("integriteit", "Integriteit en omgang met belangen"),
    (
        "regionale-orientatie",
        "Regionale oriëntatie en samenwerking",
    ),
    (
        "bestuurlijk-vakmanschap",
        "Bestuurlijk vakmanschap (sturen op beleid, werken met de ambtelijke organisatie)",
    ),
    ("communicatie-inwoners", "Communicatie met inwoners en raad"),
    ("besluitvaardigheid", "Besluitvaardigheid onder druk"),
];

fn templates() -> Vec<(String, Rubric)> {
    let mut out: Vec<(String, Rubric)> = std::fs::read_dir(root().join("content/rubrics"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let rubric = parse_rubric(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                rubric,
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_template_parses_and_lints_clean() {
    let lexicon = bundled_lexicon();
    let templates = templates();
    let names: Vec<&str> = templates.iter().map(|(n, _)| n.as_str()).collect();
    for required in [
        "wethouder-algemeen",
        "wethouder-financien",
        "wethouder-wonen",
        "wethouder-sociaal-domein",
        "wethouder-klimaat-energie",
    ] {
        assert!(names.contains(&required), "missing template {required}");
    }
    for (name, rubric) in &templates {
        assert_eq!(&rubric.id, name, "a template's id is its file name");
        let findings = lint(rubric, &lexicon);
        let loud: Vec<String> = findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| {
                format!(
                    "{} {:?}.{:?}: {}",
                    f.rule.as_str(),
                    f.criterion,
                    f.field,
                    f.message.en
                )
            })
            .collect();
        assert!(is_clean(&findings), "{name}: {loud:#?}");
    }
}

#[test]
fn every_template_criterion_is_fully_specified() {
    for (name, rubric) in templates() {
        assert_eq!(rubric.scale, Scale { min: 1, max: 5 }, "{name}");
        assert_eq!(rubric.total_weight(), 100, "{name}");
        assert!(rubric.criteria.len() <= 7, "{name}");
        for c in &rubric.criteria {
            assert!(
                (2..=4).contains(&c.indicators.len()),
                "{name}/{}: 2-4 indicators",
                c.id
            );
            assert!(
                c.evidence.as_deref().is_some_and(|e| !e.trim().is_empty()),
                "{name}/{}: evidence",
                c.id
            );
            let levels: Vec<u8> = c.levels().iter().map(|(l, _)| *l).collect();
            assert!(
                levels == [1, 3, 5] || levels == [1, 2, 3, 4, 5],
                "{name}/{}: anchors {levels:?}",
                c.id
            );
        }
    }
}

#[test]
fn the_generic_rubric_has_the_six_shared_criteria() {
    let templates = templates();
    let (_, generic) = templates
        .iter()
        .find(|(n, _)| n == "wethouder-algemeen")
        .unwrap();
    let ids: Vec<(&str, &str)> = generic
        .criteria
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(ids, GENERIC);
}

#[test]
fn portfolio_variants_give_80_to_the_generic_criteria_and_20_to_the_portfolio() {
    for (name, rubric) in templates()
        .into_iter()
        .filter(|(n, _)| n != "wethouder-algemeen")
    {
        let generic: u32 = rubric
            .criteria
            .iter()
            .filter(|c| GENERIC.iter().any(|(id, _)| *id == c.id))
            .map(|c| c.weight)
            .sum();
        for (id, title) in GENERIC {
            let c = rubric
                .criterion(id)
                .unwrap_or_else(|| panic!("{name} lacks {id}"));
            assert_eq!(c.name, title, "{name}/{id}");
        }
        assert_eq!(generic, 80, "{name}");
        assert_eq!(rubric.total_weight() - generic, 20, "{name}");
    }
}
