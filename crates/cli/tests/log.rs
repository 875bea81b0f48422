//! `maatstaf log verify` on logboeken built through the core API, intact and tampered.

use std::path::{Path, PathBuf};

use maatstaf_core::ledger::{
    exported_entry, next_entry, signing_key_from_seed, Actor, Entry, EntryKind, ExportInfo,
    Fingerprint, Logboek, Section, SectionName, SigningKey,
};
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::support::maatstaf;

fn key() -> SigningKey {
    signing_key_from_seed([11; 32])
}

fn logboek() -> Vec<u8> {
    let info = ExportInfo {
        team_id: "team-1".into(),
        team_name: "Gemeente Voorbeeld".into(),
        exported_at: "2026-03-05T16:00:00Z".into(),
        exporter: Actor::member("m-anna", "Anna de Vries"),
        with_identities: false,
        rules_version: None,
    };
    let anna = Actor::member("m-anna", "Anna de Vries");
    let mut entries: Vec<Entry> = Vec::new();
    for (time, kind, payload) in [
        (
            "2026-03-05T09:00:00Z",
            EntryKind::TeamCreated,
            json!({"team_name": "Gemeente Voorbeeld"}),
        ),
        (
            "2026-03-05T10:00:00Z",
            EntryKind::RoundOpened,
            json!({"round": 1}),
        ),
        (
            "2026-03-05T11:00:00Z",
            EntryKind::ScoreSubmitted,
            json!({"round": 1, "sheet_sha256": "ab".repeat(32)}),
        ),
        (
            "2026-03-05T12:00:00Z",
            EntryKind::ScoreRevised,
            json!({"round": 1, "sheet_sha256": "cd".repeat(32), "reason": "Telfout"}),
        ),
        (
            "2026-03-05T15:00:00Z",
            EntryKind::DecisionRecorded,
            json!({"reasons": ["Beste onderbouwing"]}),
        ),
    ] {
        let e = next_entry(entries.last(), time, anna.clone(), kind, payload);
        entries.push(e);
    }
    let sections = vec![
        Section {
            name: SectionName::Scores,
            content: json!([{"candidate_code": "K1", "score": 4}]),
        },
        Section {
            name: SectionName::Decision,
            content: json!({"reasons": ["Beste onderbouwing"]}),
        },
    ];
    let report = "<h1>Logboek</h1>";
    let exported = exported_entry(
        entries.last(),
        &info,
        &sections,
        report,
        &key().verifying_key(),
    );
    entries.push(exported);
    Logboek::build(&info, &entries, &sections, report, &key()).unwrap()
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn verify_json(path: &Path, extra: &[&str]) -> (i32, Value) {
    let out = maatstaf()
        .args(["log", "verify"])
        .arg(path)
        .arg("--json")
        .args(extra)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap(), json)
}

/// The logboek with one byte of the `reason` in the score_revised entry changed.
fn with_altered_reason() -> Vec<u8> {
    let mut bytes = logboek();
    let at = bytes.windows(7).position(|w| w == b"Telfout").unwrap();
    bytes[at] = b'X';
    bytes
}

#[test]
fn an_intact_logboek_passes_with_dutch_text_by_default() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "logboek.jsonl", &logboek());
    let out = maatstaf()
        .args(["log", "verify"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("INTACT: het logboek is volledig"),
        "{text}"
    );
    assert!(text.contains("Gemeente Voorbeeld (team-1)"), "{text}");
    assert!(text.contains("niet opgenomen (alleen codes)"), "{text}");
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("de ondertekenaar is NIET gecontroleerd"),
        "without --key the signer is not claimed to be checked: {text}"
    );
    let fp = Fingerprint::of(&key().verifying_key());
    assert!(text.contains(fp.as_str()), "{text}");

    let out = maatstaf()
        .args(["log", "verify", "--lang", "en"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("INTACT: the logboek is complete"),
        "{text}"
    );
    assert!(text.contains("Entries:        6"), "{text}");
}

#[test]
fn json_output_for_an_intact_logboek() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "logboek.jsonl", &logboek());
    let (code, json) = verify_json(&path, &[]);
    assert_eq!(code, 0);
    let fp = Fingerprint::of(&key().verifying_key());
    assert_eq!(
        json,
        json!({
            "intact": true,
            "fingerprint": fp.as_str(),
            "team": {"id": "team-1", "name": "Gemeente Voorbeeld"},
            "entries": 6,
            "with_identities": false,
            "signer_checked": false,
            "problem": null,
            "previous": [],
            "checkpoints": [],
        })
    );
}

#[test]
fn a_tampered_logboek_fails_naming_the_entry_and_why() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "logboek.jsonl", &with_altered_reason());
    let out = maatstaf()
        .args(["log", "verify"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("NIET INTACT: Vermelding 4 is gewijzigd"),
        "{text}"
    );
    assert!(text.contains("(regel 5, vermelding 4)"), "{text}");

    let (code, json) = verify_json(&path, &["--lang", "en"]);
    assert_eq!(code, 1);
    assert_eq!(json["intact"], false);
    assert_eq!(json["problem"]["kind"], "hash_mismatch");
    assert_eq!(json["problem"]["seq"], 4);
    assert_eq!(json["problem"]["line"], 5);
    assert!(json["problem"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Entry 4 has been altered"));
    assert_eq!(json["entries"], 6, "what could be read is still reported");
}

#[test]
fn dropped_and_cut_short_logboeken_fail_with_their_reason() {
    let dir = TempDir::new().unwrap();
    let bytes = logboek();
    let mut lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
    lines.remove(3);
    let dropped = write(&dir, "dropped.jsonl", &lines.concat());
    let (code, json) = verify_json(&dropped, &[]);
    assert_eq!(
        (code, json["problem"]["kind"].as_str()),
        (1, Some("missing_entry"))
    );
    assert_eq!(json["problem"]["seq"], 3);

    let cut = write(&dir, "cut.jsonl", &bytes[..bytes.len() - 40]);
    let (code, json) = verify_json(&cut, &[]);
    assert_eq!(
        (code, json["problem"]["kind"].as_str()),
        (1, Some("truncated"))
    );
}

#[test]
fn the_expected_key_is_checked() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "logboek.jsonl", &logboek());
    let right = Fingerprint::of(&key().verifying_key())
        .as_str()
        .replace(' ', "")
        .to_uppercase();
    let (code, json) = verify_json(&path, &["--key", &right]);
    assert_eq!((code, json["intact"].as_bool()), (0, Some(true)));
    assert_eq!(json["signer_checked"], true);
    let out = maatstaf()
        .args(["log", "verify", "--key", &right])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "INTACT: het logboek is volledig, ongewijzigd en ondertekend met de verwachte sleutel"
        ),
        "{text}"
    );

    let other = Fingerprint::of(&signing_key_from_seed([12; 32]).verifying_key());
    let (code, json) = verify_json(&path, &["--key", other.as_str()]);
    assert_eq!(
        (code, json["problem"]["kind"].as_str()),
        (1, Some("unexpected_key"))
    );

    let out = maatstaf()
        .args(["log", "verify", "--key", "abc"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("32 hexadecimale tekens"));
}

#[test]
fn unreadable_files_exit_with_2() {
    let dir = TempDir::new().unwrap();
    let out = maatstaf()
        .args(["log", "verify"])
        .arg(dir.path().join("bestaat-niet.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("kan "),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let csv = write(&dir, "scores.csv", b"kandidaat;score\nK1;4\n");
    let (code, json) = verify_json(&csv, &[]);
    assert_eq!(
        (code, json["problem"]["kind"].as_str()),
        (2, Some("not_a_logboek"))
    );
}
