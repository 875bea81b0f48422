//! The demo team's decision report as PDF and HTML, checked with the distribution's
//! PDF tools: `qpdf --check` finds the file sound, `pdftotext` finds the headings and
//! the candidate codes and, while the team is blinded, no candidate's name;
//! `pdfinfo` finds the tag tree, and the XMP metadata claims PDF/A-2a. The agreement
//! plot is drawn as vector paths (no raster image) inside a Figure with its
//! alternative text; own-party leniency appears only after the unblinding.

use std::path::Path;
use std::process::Command;

use maatstaf_core::i18n::Lang;
use maatstaf_core::report::report_html;
use maatstaf_core::team::Role;
use maatstaf_report_pdf::render_pdf;
use maatstaf_store::fixtures::{demo_decide, demo_member, demo_team, demo_unlock};
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

/// The file with its streams uncompressed, as `qpdf --qdf` writes it.
fn uncompressed(path: &Path) -> String {
    let out = path.with_extension("qdf.pdf");
    let (ok, msg) = run(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            path.to_str().unwrap(),
            out.to_str().unwrap(),
        ],
    );
    assert!(ok, "{msg}");
    String::from_utf8_lossy(&std::fs::read(out).unwrap()).into_owned()
}

fn pdf_text(path: &Path) -> String {
    let (ok, text) = run("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    assert!(ok, "{text}");
    text
}

#[test]
fn the_demo_report_is_a_sound_tagged_pdf_a_with_codes_and_no_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(&dir.path().join("data")).unwrap();
    let team = demo_team(&store);
    let chair = demo_member(&store, team, Role::Chair);

    for (lang, headings, figure) in [
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
                "Overeenstemming en herkenning",
            ],
            [
                "Overeenstemming per criterium (Krippendorffs alfa",
                "Alle criteria samen",
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
                "Agreement and recognition",
            ],
            [
                "Agreement per criterion (Krippendorff's alpha",
                "All criteria together",
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
        // The plot: its caption and the words drawn inside it.
        for words in figure {
            assert!(text.contains(words), "{words} missing:\n{text}");
        }
        // Still blinded: no own-party leniency.
        assert!(!text.contains("Mildheid voor de eigen partij"), "{text}");
        assert!(!text.contains("Own-party leniency"), "{text}");

        // The plot is vector paths: filled and stroked curves (its dots) and lines,
        // no image; tagged as a Figure with its alternative text.
        let raw = uncompressed(&file);
        assert!(!raw.contains("/Subtype /Image"), "a raster image");
        assert!(
            raw.matches(" c ").count() + raw.matches(" c\n").count() >= 4 * 7,
            "a curve for each dot of the plot"
        );
        assert!(raw.contains("/S /Figure"), "a Figure in the tag tree");
        let alt = match lang {
            Lang::Nl => "/Alt (Grafiek: per criterium",
            Lang::En => "/Alt (Chart: per criterion",
        };
        assert!(raw.contains(alt), "the figure's alternative text");
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
        assert!(html.contains("<figure>\n<svg"), "the same plot on the page");
    }

    // Decided and unblinded: own-party leniency joins the report, in English too.
    demo_decide(&mut store, team);
    let by = demo_unlock(&mut store, team, Role::Chair);
    store.unblind(&by, "besluit is genomen").unwrap();
    let doc = store
        .decision_report(team, chair, None, None, Lang::En)
        .unwrap();
    let file = dir.path().join("verslag-unblinded.pdf");
    std::fs::write(&file, render_pdf(&doc).unwrap()).unwrap();
    let text = pdf_text(&file);
    assert!(text.contains("Own-party leniency"), "{text}");
    assert!(text.contains("Per party"), "{text}");
    assert!(!text.contains("Mildheid"), "English only");
    let (ok, check) = run("qpdf", &["--check", file.to_str().unwrap()]);
    assert!(ok, "qpdf --check: {check}");
}
