//! `maatstaf log verify --previous … --checkpoint …`: a later logboek checked against an
//! earlier one and against codes from the minutes. The rewritten history is consistent
//! with itself and validly signed, as someone with the laptop's files could make it.

use std::path::{Path, PathBuf};

use maatstaf_core::ledger::{
    exported_entry, next_entry, signing_key_from_seed, Actor, CheckpointCode, Entry, EntryKind,
    ExportInfo, Logboek,
};
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::support::maatstaf;

fn steps() -> Vec<(EntryKind, Value)> {
    vec![
        (EntryKind::TeamCreated, json!({"team_name": "Voorbeeld"})),
        (
            EntryKind::MemberAdded,
            json!({"member_id": "m-bram", "role": "assessor"}),
        ),
        (
            EntryKind::RubricFrozen,
            json!({"rubric_id": 1, "version": 1, "rubric_sha256": "a".repeat(64)}),
        ),
        (EntryKind::RoundOpened, json!({"round": 1})),
        (EntryKind::RoundRevealed, json!({"round": 1})),
    ]
}

/// `steps` chained after `before`, then this export's own entry, signed.
fn logboek(before: &[Entry], steps: &[(EntryKind, Value)]) -> (Vec<u8>, Vec<Entry>) {
    let key = signing_key_from_seed([11; 32]);
    let anna = Actor::member("m-anna", "Anna de Vries");
    let mut entries = before.to_vec();
    for (kind, payload) in steps {
        let time = format!("2026-03-05T09:{:02}:00Z", entries.len());
        let e = next_entry(entries.last(), time, anna.clone(), *kind, payload.clone());
        entries.push(e);
    }
    let info = ExportInfo {
        team_id: "team-1".into(),
        team_name: "Voorbeeld".into(),
        exported_at: format!("2026-03-05T09:{:02}:00Z", entries.len()),
        exporter: anna,
        with_identities: false,
        rules_version: None,
    };
    let e = exported_entry(entries.last(), &info, &[], "<p>r</p>", &key.verifying_key());
    entries.push(e);
    let bytes = Logboek::build(&info, &entries, &[], "<p>r</p>", &key).unwrap();
    (bytes, entries)
}

struct Files {
    _dir: TempDir,
    x1: PathBuf,
    honest: PathBuf,
    rewritten: PathBuf,
    /// The code of the reveal (entry 5), noted before the rewrite.
    code: String,
}

fn files() -> Files {
    let dir = TempDir::new().unwrap();
    let (x1, first) = logboek(&[], &steps());
    let (honest, _) = logboek(&first, &[(EntryKind::RoundOpened, json!({"round": 2}))]);
    // Entry 2 deleted, every hash after it recomputed, the export redone.
    let mut fewer = steps();
    fewer.remove(1);
    let (rewritten, _) = logboek(&[], &fewer);
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    Files {
        x1: write("x1.jsonl", &x1),
        honest: write("x2.jsonl", &honest),
        rewritten: write("x2-herschreven.jsonl", &rewritten),
        code: CheckpointCode::of_hash(&first[4].hash)
            .unwrap()
            .as_str()
            .to_lowercase()
            .replace('-', " "),
        _dir: dir,
    }
}

fn verify(file: &Path, extra: &[&str]) -> (i32, String) {
    let out = maatstaf()
        .args(["log", "verify"])
        .arg(file)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap(),
    )
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_rewritten_history_fails_against_the_earlier_logboek_naming_the_entry() {
    let f = files();
    let (code, text) = verify(&f.rewritten, &[]);
    assert_eq!(code, 0, "on its own the rewritten file passes: {text}");

    let (code, text) = verify(&f.rewritten, &["--previous", s(&f.x1)]);
    assert_eq!(code, 1, "{text}");
    assert!(text.starts_with("NIET INTACT"), "{text}");
    assert!(
        text.contains("Vermelding 2 van het eerdere logboek"),
        "{text}"
    );
    assert!(text.contains("(vermelding 2)"), "{text}");

    let (code, text) = verify(
        &f.rewritten,
        &["--previous", s(&f.x1), "--json", "--lang", "en"],
    );
    assert_eq!(code, 1);
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["intact"], true);
    assert_eq!(
        json["previous"][0]["problem"],
        json!({"kind": "entry_differs", "seq": 2})
    );
}

#[test]
fn a_rewritten_history_fails_against_a_noted_checkpoint_naming_the_code() {
    let f = files();
    let (code, text) = verify(&f.rewritten, &["--checkpoint", &f.code, "--lang", "en"]);
    assert_eq!(code, 1, "{text}");
    let canonical = CheckpointCode::parse(&f.code).unwrap();
    assert!(
        text.contains(&format!("Checkpoint code {canonical} belongs to no entry")),
        "{text}"
    );
    assert!(text.contains("FAILS:"), "{text}");
}

#[test]
fn an_honest_later_logboek_passes_both_checks() {
    let f = files();
    let (code, text) = verify(
        &f.honest,
        &["--previous", s(&f.x1), "--checkpoint", &f.code],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.starts_with("INTACT"), "{text}");
    assert!(text.contains("klopt: Het eerdere logboek"), "{text}");
    assert!(
        text.contains("is vermelding 5 (Scores zichtbaar gemaakt"),
        "{text}"
    );
}

#[test]
fn an_altered_earlier_logboek_is_reported_as_such() {
    let f = files();
    let mut bytes = std::fs::read(&f.x1).unwrap();
    let at = bytes.windows(5).position(|w| w == b"m-bra").unwrap();
    bytes[at + 2] = b'X';
    std::fs::write(&f.x1, bytes).unwrap();
    let (code, text) = verify(&f.honest, &["--previous", s(&f.x1)]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("Het eerdere logboek is zelf niet intact"),
        "{text}"
    );
}

#[test]
fn a_malformed_code_or_a_missing_earlier_file_exits_2() {
    let f = files();
    let (code, text) = verify(&f.honest, &["--checkpoint", "ABCDE-12345"]);
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("--checkpoint: 'ABCDE-12345' is geen controlecode"),
        "{text}"
    );
    let (code, text) = verify(&f.honest, &["--previous", "bestaat-niet.jsonl"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("kan bestaat-niet.jsonl niet lezen"), "{text}");
}
