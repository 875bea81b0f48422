//! `maatstaf log export` on a data folder holding the demo team, checked with `log verify`.

use std::path::Path;

use tempfile::TempDir;

use crate::support::{demo_id, maatstaf_on, CHAIR_PASSPHRASE};

/// `log export` signed in as `member`, their PIN or passphrase on standard input.
fn export_as(
    data: &Path,
    team: &str,
    file: &Path,
    (member, secret): (&str, &str),
    extra: &[&str],
) -> std::process::Output {
    let flag = if secret.contains(' ') {
        "--passphrase-stdin"
    } else {
        "--pin-stdin"
    };
    maatstaf_on(data)
        .args(["log", "export", "--team", team, "--as", member, flag])
        .args(extra)
        .arg("--out")
        .arg(file)
        .write_stdin(format!("{secret}\n"))
        .output()
        .unwrap()
}

/// `log export` signed in as the demo chair.
fn export_as_chair(data: &Path, team: &str, file: &Path, extra: &[&str]) -> std::process::Output {
    export_as(data, team, file, ("Anneke de Wit", CHAIR_PASSPHRASE), extra)
}

#[test]
fn an_exported_logboek_verifies_as_intact_and_holds_codes_only() {
    let data = TempDir::new().unwrap();
    let team = demo_id(data.path());
    let file = data.path().join("logboek.jsonl");
    let out = export_as_chair(data.path(), &team, &file, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("alleen kandidaatcodes"), "{said}");
    let code = said
        .lines()
        .find_map(|l| l.strip_prefix("Controlecode: "))
        .and_then(|l| l.split(' ').next())
        .expect("the export's checkpoint code is printed");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("K-7F3"), "codes are in the log");
    // The demo's revealed round travels with it: scores with their evidence, and its
    // consistency snapshot.
    let scores = text
        .lines()
        .find(|l| l.contains(r#""type":"section""#) && l.contains(r#""name":"scores""#))
        .expect("a scores section");
    assert!(
        scores.contains(r#""round":1"#) && scores.contains("evidence"),
        "{scores}"
    );
    assert!(text.contains(r#""name":"consistency_snapshots""#));
    assert!(
        !text.contains("Sanne Hoekstra"),
        "no candidate names by default"
    );

    let out = maatstaf_on(data.path())
        .args(["log", "verify"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let verdict = String::from_utf8(out.stdout).unwrap();
    assert!(verdict.starts_with("INTACT"), "{verdict}");
    let out = maatstaf_on(data.path())
        .args(["log", "verify", "--checkpoint", code])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "the printed code is the export's own: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        verdict.contains("Gemeente Voorbeeld — formatie 2026"),
        "{verdict}"
    );
    assert!(
        verdict.contains("door Anneke de Wit"),
        "the chair exports: {verdict}"
    );
}

#[test]
fn names_before_the_unblinding_are_refused_and_no_file_is_written() {
    let data = TempDir::new().unwrap();
    let team = demo_id(data.path());
    let file = data.path().join("met-namen.jsonl");
    // The demo team has no decision yet: not even its chair may take the names out.
    let out = export_as_chair(data.path(), &team, &file, &["--with-identities"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("namen heeft geopend"), "{err}");
    assert!(!file.exists());
    // Without --as the command line is nobody: refused, with the way out in the message.
    let out = maatstaf_on(data.path())
        .args([
            "log",
            "export",
            "--with-identities",
            "--team",
            &team,
            "--out",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--as"));
    assert!(!file.exists());
}

#[test]
fn an_assessor_a_wrong_passphrase_or_an_old_pin_exports_nothing() {
    let data = TempDir::new().unwrap();
    let team = demo_id(data.path());
    let file = data.path().join("logboek.jsonl");
    for (who, said) in [
        (("gerrit bosma", "1357"), "Als beoordelaar mag u dit niet"),
        (
            ("Anneke de Wit", "kompas lantaarn zeilboot storm"),
            "verkeerde wachtwoordzin",
        ),
        (
            ("Anneke de Wit", "1470"),
            "meldt zich aan met een wachtwoordzin",
        ),
        (("Niemand", "1470"), "geen lid 'Niemand'"),
    ] {
        let out = export_as(data.path(), &team, &file, who, &[]);
        assert_eq!(out.status.code(), Some(1), "{who:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{who:?}: {err}");
    }
    assert!(!file.exists());
}

#[test]
fn an_unknown_team_exits_2_and_writes_nothing() {
    let data = TempDir::new().unwrap();
    let file = data.path().join("niets.jsonl");
    let out = maatstaf_on(data.path())
        .args(["log", "export", "--team", "4242", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("team 4242 bestaat niet"), "{err}");
    assert!(!file.exists());
}

#[test]
fn an_existing_file_is_not_overwritten() {
    let data = TempDir::new().unwrap();
    let team = demo_id(data.path());
    let file = data.path().join("bestaat.jsonl");
    std::fs::write(&file, "van iemand anders").unwrap();
    let out = export_as_chair(data.path(), &team, &file, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "van iemand anders");
}
