//! `maatstaf report` on a data folder holding the demo team.

use std::path::Path;

use tempfile::TempDir;

use crate::support::{demo_id, maatstaf_on, CHAIR_PASSPHRASE};

fn report(data: &Path, team: &str, out: &Path, extra: &[&str]) -> std::process::Output {
    maatstaf_on(data)
        .args([
            "report",
            "--team",
            team,
            "--as",
            "Anneke de Wit",
            "--passphrase-stdin",
        ])
        .args(extra)
        .arg("--out")
        .arg(out)
        .write_stdin(format!("{CHAIR_PASSPHRASE}\n"))
        .output()
        .unwrap()
}

#[test]
fn an_officer_writes_the_report_as_pdf_and_html_and_the_export_is_logged() {
    let data = TempDir::new().unwrap();
    let team = demo_id(data.path());
    let pdf = data.path().join("verslag.pdf");
    let out = report(data.path(), &team, &pdf, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Het besluitverslag staat in"));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let html = data.path().join("report.html");
    let out = report(data.path(), &team, &html, &["--lang", "en"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("Decision report"));
    assert!(page.contains("K-7F3") && !page.contains("Sanne Hoekstra"));

    // Both exports are in the log, with the files' SHA-256.
    let log = data.path().join("logboek.jsonl");
    let out = maatstaf_on(data.path())
        .args(["log", "export", "--team", &team])
        .args(["--as", "Anneke de Wit", "--passphrase-stdin", "--out"])
        .arg(&log)
        .write_stdin(format!("{CHAIR_PASSPHRASE}\n"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(text.matches(r#""kind":"report_exported""#).count(), 2);
}

#[test]
fn refusals_are_clear_and_write_nothing() {
    let data = TempDir::new().unwrap();
    let team = demo_id(data.path());
    // Not a PDF or a web page.
    let doc = data.path().join("verslag.docx");
    let out = report(data.path(), &team, &doc, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("eindigt niet op .pdf of .html"));
    assert!(!doc.exists());
    // Without --as: the command line alone may not make the report.
    let pdf = data.path().join("verslag.pdf");
    let out = maatstaf_on(data.path())
        .args(["report", "--team", &team, "--out"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!pdf.exists());
    // Names before the unblinding: refused, nothing written.
    let out = report(data.path(), &team, &pdf, &["--names"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!pdf.exists());
    // A round that does not exist.
    let out = report(data.path(), &team, &pdf, &["--round", "7"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(!pdf.exists());
    // An existing file is not overwritten.
    std::fs::write(&pdf, b"eerder").unwrap();
    let out = report(data.path(), &team, &pdf, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&pdf).unwrap(), b"eerder");
}
