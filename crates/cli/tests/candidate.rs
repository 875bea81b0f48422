//! `maatstaf candidate copy` on a data folder holding the demo team.

use std::path::Path;

use tempfile::TempDir;

use crate::support::{demo_id, maatstaf_on, CHAIR_PASSPHRASE};

/// `candidate copy` signed in as the demo chair with `passphrase` on standard input.
fn copy(data: &Path, team: &str, code: &str, out: &Path, passphrase: &str) -> std::process::Output {
    maatstaf_on(data)
        .args(["candidate", "copy", "--team", team, "--code", code])
        .args(["--as", "Anneke de Wit", "--passphrase-stdin", "--out"])
        .arg(out)
        .write_stdin(format!("{passphrase}\n"))
        .output()
        .unwrap()
}

/// How many `personal_copy_exported` entries the demo team's log holds, read back
/// through a logboek export (the only way the command line shows the log).
fn copies_logged(data: &Path, team: &str) -> usize {
    let file = data.join(format!("logboek-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&file);
    let out = maatstaf_on(data)
        .args(["log", "export", "--team", team])
        .args(["--as", "Anneke de Wit", "--passphrase-stdin", "--out"])
        .arg(&file)
        .write_stdin(format!("{CHAIR_PASSPHRASE}\n"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::remove_file(&file).unwrap();
    text.matches(r#""kind":"personal_copy_exported""#).count()
}

#[test]
fn the_copy_writes_a_page_and_json_with_the_candidates_scores() {
    let data = TempDir::new().unwrap();
    let team = demo_id(data.path());
    let dir = data.path().join("kopie");
    let out = copy(data.path(), &team, "K-7F3", &dir, CHAIR_PASSPHRASE);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("Kopie voor K-7F3"), "{said}");
    let html = std::fs::read_to_string(dir.join("K-7F3.html")).unwrap();
    assert!(html.contains("Sanne Hoekstra"));
    assert!(html.contains("beoordelaar 1"));
    assert!(!html.contains("Gerrit Bosma"), "assessors are not named");
    let bytes = std::fs::read(dir.join("K-7F3.json")).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(json["code"], "K-7F3");
    assert_eq!(json["rounds"][0]["round"], 1);
    // The hash printed (and logged) is the file's.
    let sha = said
        .lines()
        .find_map(|l| l.split(": ").nth(1).filter(|s| s.len() == 64))
        .expect("the hash is printed");
    assert_eq!(sha, maatstaf_core::ledger::sha256_hex(&bytes));
    assert_eq!(copies_logged(data.path(), &team), 1);
}

#[test]
fn a_wrong_passphrase_or_an_unknown_code_writes_and_logs_nothing() {
    let data = TempDir::new().unwrap();
    let team = demo_id(data.path());
    let dir = data.path().join("kopie");
    let out = copy(
        data.path(),
        &team,
        "K-7F3",
        &dir,
        "kompas lantaarn zeilboot storm",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("verkeerde wachtwoordzin"));
    assert!(!dir.join("K-7F3.html").exists() && !dir.join("K-7F3.json").exists());

    let out = copy(data.path(), &team, "K-XXX", &dir, CHAIR_PASSPHRASE);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("geen kandidaat met code 'K-XXX'"), "{err}");
    assert!(!dir.join("K-XXX.html").exists());

    // An assessor has no passphrase and may not: refused before anything is written.
    let out = maatstaf_on(data.path())
        .args(["candidate", "copy", "--team", &team, "--code", "K-7F3"])
        .args(["--as", "Gerrit Bosma", "--pin-stdin", "--out"])
        .arg(&dir)
        .write_stdin("1357\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.join("K-7F3.html").exists());
    assert_eq!(copies_logged(data.path(), &team), 0);
}

#[test]
fn an_existing_file_is_not_overwritten_and_nothing_is_logged() {
    let data = TempDir::new().unwrap();
    let team = demo_id(data.path());
    let dir = data.path().join("kopie");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("K-7F3.json"), "van iemand anders").unwrap();
    let out = copy(data.path(), &team, "K-7F3", &dir, CHAIR_PASSPHRASE);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.join("K-7F3.json")).unwrap(),
        "van iemand anders"
    );
    assert!(
        !dir.join("K-7F3.html").exists(),
        "the half that was made is gone"
    );
    assert_eq!(copies_logged(data.path(), &team), 0);
}
