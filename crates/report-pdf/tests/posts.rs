//! The decision report of a round for two posts, as PDF and HTML: the comparison
//! per post (each candidate's weighted total for it) and the allocation advice, with
//! the sentence that it advised and the decision is the team's. The demo round has
//! no posts, and its report no allocation advice.

use std::path::Path;
use std::process::Command;

use maatstaf_core::i18n::Lang;
use maatstaf_core::report::report_html;
use maatstaf_core::team::Role;
use maatstaf_report_pdf::render_pdf;
use maatstaf_store::fixtures::{demo_member, demo_team, posts_round_revealed};
use maatstaf_store::Store;

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext must be installed (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text as `pdftotext` may break it over lines: every run of white space as one.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_round_for_two_posts_reports_the_totals_per_post_and_the_allocation_advice() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(&dir.path().join("data")).unwrap();
    let team = posts_round_revealed(&mut store);
    let chair = store.find_member(team, "Voorzitter").unwrap().unwrap().id;

    for (lang, expected) in [
        (
            Lang::Nl,
            [
                "Post Financiën",
                "Post Wonen",
                "Gewogen totalen voor Financiën",
                "Gewogen totalen voor Wonen",
                "Advies voor de verdeling over de posten",
                "Beste verdeling",
                "Financiën: K-1, Wonen: K-2",
                "het besluit is aan het team",
                "Beslissende cellen",
                "Robuustheid",
                "De posten met hun rubriek",
            ],
        ),
        (
            Lang::En,
            [
                "Post Financiën",
                "Post Wonen",
                "Weighted totals for Financiën",
                "Weighted totals for Wonen",
                "Allocation advice over the posts",
                "Best allocation",
                "Financiën: K-1, Wonen: K-2",
                "the decision is the team's",
                "Decisive cells",
                "Robustness",
                "The posts with their rubric",
            ],
        ),
    ] {
        let doc = store
            .decision_report(team, chair, None, None, lang)
            .unwrap();
        let text = doc.text();
        for words in expected {
            assert!(text.contains(words), "{words} missing:\n{text}");
        }

        let file = dir.path().join(format!("posten-{}.pdf", lang.as_str()));
        std::fs::write(&file, render_pdf(&doc).unwrap()).unwrap();
        let pdf = flat(&pdf_text(&file));
        for words in expected {
            assert!(pdf.contains(words), "{words} missing from the PDF:\n{pdf}");
        }

        let html = report_html(&doc);
        for words in expected {
            let escaped = words.replace('\'', "&#39;");
            assert!(html.contains(&escaped), "{words} missing from the page");
        }
    }
}

#[test]
fn a_round_without_posts_has_no_allocation_advice() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(&dir.path().join("data")).unwrap();
    let team = demo_team(&store);
    let chair = demo_member(&store, team, Role::Chair);
    for lang in [Lang::Nl, Lang::En] {
        let doc = store
            .decision_report(team, chair, None, None, lang)
            .unwrap();
        let text = doc.text();
        for words in [
            "Advies voor de verdeling",
            "Allocation advice",
            "Gewogen totalen voor",
            "Weighted totals for",
        ] {
            assert!(!text.contains(words), "{words} in a round without posts");
        }
        let file = dir.path().join(format!("demo-{}.pdf", lang.as_str()));
        std::fs::write(&file, render_pdf(&doc).unwrap()).unwrap();
        let pdf = flat(&pdf_text(&file));
        assert!(!pdf.contains("Advies voor de verdeling"));
        assert!(!pdf.contains("Allocation advice"));
    }
}
