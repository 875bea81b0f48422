//! The demo team's decision report as PDF and HTML, checked with the distribution's
//! PDF tools: `qpdf --check` finds the file sound, `pdftotext` finds the headings and
//! the candidate codes and, while the team is blinded, no candidate's name;
//! `pdfinfo` finds the tag tree, and the XMP metadata claims PDF/A-2a.

use std::path::Path;
use std::process::Command;

use maatstaf_core::i18n::Lang;
use maatstaf_core::report::report_html;
use maatstaf_core::team::Role;
use maatstaf_report_pdf::render_pdf;
use maatstaf_store::fixtures::{demo_member, demo_team};
use maatstaf_store::Store;

const NAMES: [&str; 3] = [
    "Sanne Hoekstra",
    "Kees Brouwer",
    "Joke van der Linden-Bakker",
];

fn run(program: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed (poppler-utils, qpdf): {e}"));
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn pdf_text(path: &Path) -> String {
    let (ok, text) = run("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    assert!(ok, "{text}");
    text
}

#[test]
fn the_demo_report_is_a_sound_tagged_pdf_a_with_codes_and_no_names() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(&dir.path().join("data")).unwrap();
    let team = demo_team(&store);
    let chair = demo_member(&store, team, Role::Chair);

    for (lang, headings) in [
        (
            Lang::Nl,
            [
                "Besluitverslag",
                "1. De procedure",
                "2. Kandidaten en scores",
                "3. Overeenstemming en herzieningen",
                "4. Het besluit",
                "5. Het integriteitsspoor",
                "6. Het logboek",
            ],
        ),
        (
            Lang::En,
            [
                "Decision report",
                "1. The procedure",
                "2. Candidates and scores",
                "3. Agreement and revisions",
                "4. The decision",
                "5. The integrity track",
                "6. The log",
            ],
        ),
    ] {
        let doc = store
            .decision_report(team, chair, None, None, lang)
            .unwrap();
        let bytes = render_pdf(&doc).unwrap();
        let file = dir.path().join(format!("verslag-{}.pdf", lang.as_str()));
        std::fs::write(&file, &bytes).unwrap();

        let (ok, check) = run("qpdf", &["--check", file.to_str().unwrap()]);
        assert!(ok, "qpdf --check: {check}");
        assert!(
            check.contains("No syntax or stream encoding errors"),
            "{check}"
        );

        let text = pdf_text(&file);
        for heading in headings {
            assert!(text.contains(heading), "{heading} missing:\n{text}");
        }
        for code in ["K-7F3", "K-R4M", "K-2XH"] {
            assert!(text.contains(code), "{code} missing");
        }
        for name in NAMES {
            assert!(!text.contains(name), "{name} in a blinded report");
            assert!(
                !bytes.windows(name.len()).any(|w| w == name.as_bytes()),
                "{name} in the file's bytes"
            );
        }

        let (ok, info) = run("pdfinfo", &[file.to_str().unwrap()]);
        assert!(ok, "{info}");
        assert!(info.contains("Tagged:          yes"), "{info}");
        let (ok, meta) = run("pdfinfo", &["-meta", file.to_str().unwrap()]);
        assert!(ok, "{meta}");
        assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
        assert!(
            meta.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
            "{meta}"
        );

        // The HTML page says the same.
        let html = report_html(&doc);
        for heading in headings {
            assert!(html.contains(heading), "{heading} missing from the page");
        }
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains(&format!("<html lang=\"{}\">", lang.as_str())));
        assert!(!html.contains("<script"));
        for name in NAMES {
            assert!(!html.contains(name));
        }
    }
}
