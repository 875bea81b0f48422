//! Mutation tests: a realistic export, then every kind of tampering a committee must catch.

use serde_json::{json, Value};

use super::*;
use crate::ledger::keys::signing_key_from_seed;
use crate::ledger::verify_logboek;

const TEAM_NAME: &str = "Gemeente Voorbeeld — formatie 2026";
const REVISION_REASON: &str = "Telfout bij criterium 2 hersteld";
const DECISION_REASON: &str = "Sterkste onderbouwing op bestuurlijke samenwerking";

fn key() -> SigningKey {
    signing_key_from_seed([42; 32])
}

fn other_key() -> SigningKey {
    signing_key_from_seed([99; 32])
}

fn info(exported_at: &str) -> ExportInfo {
    ExportInfo {
        team_id: "team-7f3a".into(),
        team_name: TEAM_NAME.into(),
        exported_at: exported_at.into(),
        exporter: Actor::member("m-anna", "Anna de Vries"),
        with_identities: false,
        rules_version: None,
    }
}

struct Export {
    info: ExportInfo,
    entries: Vec<Entry>,
    sections: Vec<Section>,
    report: String,
}

/// A selection from team creation to decision, as the store would log it.
fn history() -> Vec<Entry> {
    let anna = Actor::member("m-anna", "Anna de Vries");
    let bram = Actor::member("m-bram", "Bram Jansen");
    let chantal = Actor::member("m-chantal", "Chantal Öztürk");
    let steps: Vec<(&str, Actor, EntryKind, Value)> = vec![
        (
            "2026-03-02T09:00:00Z",
            anna.clone(),
            EntryKind::TeamCreated,
            json!({"team_name": TEAM_NAME}),
        ),
        (
            "2026-03-02T09:01:00Z",
            anna.clone(),
            EntryKind::MemberAdded,
            json!({"member_id": "m-bram", "role": "assessor"}),
        ),
        (
            "2026-03-02T09:01:30Z",
            anna.clone(),
            EntryKind::MemberAdded,
            json!({"member_id": "m-chantal", "role": "assessor"}),
        ),
        (
            "2026-03-02T09:10:00Z",
            anna.clone(),
            EntryKind::RubricFrozen,
            json!({"rubric_id": "wethouder-basis", "version": 1, "rubric_sha256": "a".repeat(64)}),
        ),
        (
            "2026-03-02T09:20:00Z",
            Actor::System,
            EntryKind::CandidateAdded,
            json!({"candidate_code": "K1"}),
        ),
        (
            "2026-03-02T09:20:00Z",
            Actor::System,
            EntryKind::CandidateAdded,
            json!({"candidate_code": "K2"}),
        ),
        (
            "2026-03-02T09:25:00Z",
            Actor::System,
            EntryKind::MaterialBlinded,
            json!({"candidate_code": "K1", "blinded_sha256": "b".repeat(64)}),
        ),
        (
            "2026-03-02T09:26:00Z",
            bram.clone(),
            EntryKind::ConflictDeclared,
            json!({"member_id": "m-bram", "candidate_code": "K2", "note": "oud-collega"}),
        ),
        (
            "2026-03-02T10:00:00Z",
            anna.clone(),
            EntryKind::RoundOpened,
            json!({"round": 1}),
        ),
        (
            "2026-03-02T10:30:00Z",
            anna.clone(),
            EntryKind::ScoreSubmitted,
            json!({"round": 1, "sheet_sha256": "c".repeat(64)}),
        ),
        (
            "2026-03-02T10:31:00Z",
            chantal.clone(),
            EntryKind::ScoreSubmitted,
            json!({"round": 1, "sheet_sha256": "d".repeat(64)}),
        ),
        (
            "2026-03-02T11:00:00Z",
            anna.clone(),
            EntryKind::RoundClosed,
            json!({"round": 1, "missing_assessors": ["m-bram"]}),
        ),
        (
            "2026-03-02T11:05:00Z",
            anna.clone(),
            EntryKind::RoundRevealed,
            json!({"round": 1}),
        ),
        (
            "2026-03-02T11:20:00Z",
            chantal,
            EntryKind::ScoreRevised,
            json!({"round": 1, "sheet_sha256": "e".repeat(64), "reason": REVISION_REASON}),
        ),
        (
            "2026-03-02T11:30:00Z",
            Actor::System,
            EntryKind::ConsistencySnapshot,
            json!({"snapshot_sha256": "f".repeat(64), "icc": 0.71}),
        ),
        (
            "2026-03-02T12:00:00Z",
            anna,
            EntryKind::DecisionRecorded,
            json!({"candidate_code": "K1", "reasons": [DECISION_REASON]}),
        ),
    ];
    let mut entries: Vec<Entry> = Vec::new();
    for (time, actor, kind, payload) in steps {
        let e = next_entry(entries.last(), time, actor, kind, payload);
        entries.push(e);
    }
    entries
}

fn sections() -> Vec<Section> {
    vec![
        Section {
            name: SectionName::RubricVersions,
            content: json!([{"id": "wethouder-basis", "version": 1, "criteria": ["samenwerking", "integriteit", "dossierkennis"]}]),
        },
        Section {
            name: SectionName::BlindedSheets,
            content: json!([{"candidate_code": "K1", "text": "Kandidaat heeft acht jaar ervaring als raadslid."}, {"candidate_code": "K2", "text": "Kandidaat leidde een regionale uitvoeringsdienst."}]),
        },
        Section {
            name: SectionName::Scores,
            content: json!([
                {"assessor": "m-anna", "candidate_code": "K1", "criterion": "samenwerking", "score": 4},
                {"assessor": "m-anna", "candidate_code": "K2", "criterion": "samenwerking", "score": 3},
                {"assessor": "m-chantal", "candidate_code": "K1", "criterion": "samenwerking", "score": 5}
            ]),
        },
        Section {
            name: SectionName::Revisions,
            content: json!([{"assessor": "m-chantal", "round": 1, "reason": REVISION_REASON}]),
        },
        Section {
            name: SectionName::ConsistencySnapshots,
            content: json!([{"icc": 0.71, "round": 1}]),
        },
        Section {
            name: SectionName::Decision,
            content: json!({"candidate_code": "K1", "reasons": [DECISION_REASON]}),
        },
    ]
}

fn export_at(exported_at: &str, key: &SigningKey) -> Export {
    let info = info(exported_at);
    let sections = sections();
    let report = "<h1>Logboek</h1><p>Geen identiteiten opgenomen.</p>".to_owned();
    let mut entries = history();
    let exported = exported_entry(
        entries.last(),
        &info,
        &sections,
        &report,
        &key.verifying_key(),
    );
    entries.push(exported);
    Export {
        info,
        entries,
        sections,
        report,
    }
}

fn build_with(export: &Export, key: &SigningKey) -> Vec<u8> {
    Logboek::build(
        &export.info,
        &export.entries,
        &export.sections,
        &export.report,
        key,
    )
    .unwrap()
}

fn logboek() -> Vec<u8> {
    build_with(&export_at("2026-03-02T12:30:00Z", &key()), &key())
}

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|b| *b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

fn join(lines: &[Vec<u8>]) -> Vec<u8> {
    lines.concat()
}

/// Index (0-based) of the first line containing `needle`.
fn line_with(bytes: &[u8], needle: &str) -> usize {
    lines(bytes)
        .iter()
        .position(|l| l.windows(needle.len()).any(|w| w == needle.as_bytes()))
        .unwrap_or_else(|| panic!("no line holds {needle:?}"))
}

/// Rewrites line `index` as a careful forger would: edit its JSON and write it canonically.
fn edit_line(bytes: &[u8], index: usize, edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut all = lines(bytes);
    let mut value: Value = serde_json::from_slice(&all[index]).unwrap();
    edit(&mut value);
    let mut line = canonical_bytes(&value);
    line.push(b'\n');
    all[index] = line;
    join(&all)
}

fn section_line(bytes: &[u8], name: SectionName) -> usize {
    lines(bytes)
        .iter()
        .position(|l| {
            let v: Value = serde_json::from_slice(l).unwrap();
            v["type"] == "section" && v["name"] == name.as_str()
        })
        .unwrap()
}

fn problem_of(bytes: &[u8]) -> Problem {
    let v = verify_logboek(bytes, None);
    assert!(!v.intact, "tampered logboek verified as intact");
    v.problem.expect("a broken logboek names its problem")
}

fn kind_of(bytes: &[u8]) -> ProblemKind {
    problem_of(bytes).kind
}

fn entry_line(seq: usize) -> usize {
    seq // line 0 is the header, entry 1 is line index 1
}

#[test]
fn the_untouched_export_verifies_and_shows_its_content() {
    let bytes = logboek();
    let fp = Fingerprint::of(&key().verifying_key());
    let v = verify_logboek(&bytes, Some(&fp));
    assert_eq!(v.problem, None);
    assert!(v.intact);
    assert_eq!(v.fingerprint, Some(fp));
    let header = v.header.unwrap();
    assert_eq!(header.team.name, TEAM_NAME);
    assert!(!header.with_identities);
    assert_eq!(v.entries.len(), 17);
    assert_eq!(v.entries.last().unwrap().kind, EntryKind::Exported);
    assert_eq!(v.sections, sections());
    assert_eq!(
        v.report_html.as_deref(),
        Some("<h1>Logboek</h1><p>Geen identiteiten opgenomen.</p>")
    );
    // header, 17 entries, 6 sections, report, signature
    assert_eq!(lines(&bytes).len(), 1 + 17 + 6 + 1 + 1);
    assert!(bytes.ends_with(b"\n"));
}

#[test]
fn building_is_deterministic() {
    assert_eq!(logboek(), logboek());
}

fn flip(bytes: &[u8], at: usize, to: u8) -> Vec<u8> {
    let mut out = bytes.to_vec();
    assert_ne!(out[at], to);
    out[at] = to;
    out
}

fn position_of(bytes: &[u8], line: usize, needle: &str) -> usize {
    let start: usize = lines(bytes)[..line].iter().map(Vec::len).sum();
    let l = &lines(bytes)[line];
    start
        + l.windows(needle.len())
            .position(|w| w == needle.as_bytes())
            .unwrap()
}

#[test]
fn a_changed_byte_in_the_header_is_named() {
    let bytes = logboek();
    let at = position_of(&bytes, 0, "Voorbeeld");
    let p = problem_of(&flip(&bytes, at, b'W'));
    assert_eq!(p.kind, ProblemKind::HeaderAltered);
    assert_eq!(p.line, Some(1));
}

#[test]
fn a_changed_identities_flag_is_caught() {
    let bytes = logboek();
    let tampered = edit_line(&bytes, 0, |v| v["with_identities"] = json!(true));
    assert_eq!(kind_of(&tampered), ProblemKind::HeaderAltered);
}

#[test]
fn a_changed_export_time_is_a_header_edit_not_a_foreign_signature() {
    let bytes = logboek();
    let tampered = edit_line(&bytes, 0, |v| {
        v["exported_at"] = json!("2026-03-09T12:30:00Z")
    });
    assert_eq!(kind_of(&tampered), ProblemKind::HeaderAltered);
}

#[test]
fn a_damaged_header_is_damage_and_the_rest_is_still_shown() {
    let bytes = logboek();
    let at = position_of(&bytes, 0, "\"header\"") + 1;
    let v = verify_logboek(&flip(&bytes, at, b'H'), None);
    let p = v.problem.unwrap();
    assert_eq!((p.kind, p.line), (ProblemKind::MalformedLine, Some(1)));
    assert!(!p.kind.is_unreadable());
    assert_eq!(v.entries.len(), 17);
    assert_eq!(v.sections.len(), 6);
    assert!(
        v.fingerprint.is_some(),
        "the signing key still identifies the file"
    );
}

#[test]
fn a_changed_byte_in_an_entry_is_a_hash_mismatch_at_that_entry() {
    let bytes = logboek();
    let line = line_with(&bytes, "score_revised");
    let at = position_of(&bytes, line, "Telfout");
    let p = problem_of(&flip(&bytes, at, b'K'));
    assert_eq!(p.kind, ProblemKind::HashMismatch);
    assert_eq!(p.seq, Some(14));
    assert_eq!(p.line, Some(15));
    assert!(p.message.nl.contains("Vermelding 14"), "{}", p.message.nl);
    assert!(p.message.en.contains("Entry 14"), "{}", p.message.en);
}

#[test]
fn a_changed_byte_in_a_section_is_named() {
    let bytes = logboek();
    let line = section_line(&bytes, SectionName::BlindedSheets);
    let at = position_of(&bytes, line, "regionale");
    let p = problem_of(&flip(&bytes, at, b'R'));
    assert_eq!(p.kind, ProblemKind::SectionAltered);
    assert_eq!(p.line, Some(line as u32 + 1));
}

#[test]
fn a_changed_byte_in_the_signature_is_a_bad_signature() {
    let bytes = logboek();
    let last = lines(&bytes).len() - 1;
    let at = position_of(&bytes, last, "\"signature\":\"") + "\"signature\":\"".len() + 10;
    let to = if bytes[at] == b'0' { b'1' } else { b'0' };
    let p = problem_of(&flip(&bytes, at, to));
    assert_eq!(p.kind, ProblemKind::BadSignature);
    assert_eq!(p.line, Some(last as u32 + 1));
    // The signed hashes are part of the signed text too.
    let at = position_of(&bytes, last, "\"report_sha256\":\"") + "\"report_sha256\":\"".len();
    let to = if bytes[at] == b'0' { b'1' } else { b'0' };
    assert_eq!(kind_of(&flip(&bytes, at, to)), ProblemKind::BadSignature);
}

#[test]
fn damaged_json_is_a_malformed_line() {
    let bytes = logboek();
    let at = position_of(&bytes, 5, "{");
    let p = problem_of(&flip(&bytes, at, b'['));
    assert_eq!(p.kind, ProblemKind::MalformedLine);
    assert_eq!(p.line, Some(6));
}

#[test]
fn a_reformatted_line_is_an_altered_line() {
    let bytes = logboek();
    let mut all = lines(&bytes);
    let line = &mut all[3];
    let colon = line.iter().position(|b| *b == b':').unwrap();
    line.insert(colon + 1, b' ');
    let p = problem_of(&join(&all));
    assert_eq!(p.kind, ProblemKind::AlteredLine);
    assert_eq!(p.line, Some(4));
}

#[test]
fn converted_line_endings_are_named() {
    let bytes = logboek();
    let crlf: Vec<u8> = lines(&bytes)
        .iter()
        .flat_map(|l| [&l[..l.len() - 1], b"\r\n"].concat())
        .collect();
    let p = problem_of(&crlf);
    assert_eq!((p.kind, p.line), (ProblemKind::AlteredLine, Some(1)));
    assert!(p.message.nl.contains("regeleinden"), "{}", p.message.nl);
}

#[test]
fn every_changed_byte_anywhere_is_caught() {
    let bytes = logboek();
    let version_digit = position_of(&bytes, 0, "\"version\":1") + "\"version\":".len();
    // Every 41st byte keeps the debug-build run short and still hits every line.
    let mut lines_hit = std::collections::BTreeSet::new();
    for at in (0..bytes.len()).step_by(41).chain([version_digit]) {
        lines_hit.insert(bytes[..at].iter().filter(|b| **b == b'\n').count());
        let mut tampered = bytes.clone();
        tampered[at] ^= 0x01;
        let v = verify_logboek(&tampered, None);
        assert!(
            !v.intact,
            "byte {at} changed but the logboek still verifies"
        );
        let kind = v.problem.unwrap().kind;
        // Damage is reported as damage, not as "some other file" (exit 1, not 2), except
        // for a changed format version, which reads as a file from another Maatstaf.
        assert_eq!(
            kind.is_unreadable(),
            at == version_digit,
            "byte {at}: {kind:?}"
        );
    }
    assert_eq!(lines_hit.len(), lines(&bytes).len());
}

#[test]
fn a_changed_score_is_caught_even_with_a_fixed_up_section_hash() {
    let bytes = logboek();
    let line = section_line(&bytes, SectionName::Scores);
    let tampered = edit_line(&bytes, line, |v| v["content"][2]["score"] = json!(2));
    let p = problem_of(&tampered);
    assert_eq!(p.kind, ProblemKind::SectionAltered);
    assert_eq!(p.line, Some(line as u32 + 1));

    let forged = edit_line(&bytes, line, |v| {
        v["content"][2]["score"] = json!(2);
        v["sha256"] = json!(content_sha256(&v["content"]));
    });
    let p = problem_of(&forged);
    assert_eq!(p.kind, ProblemKind::SectionAltered);
    assert!(
        p.message.en.contains("differs from the signed section"),
        "{}",
        p.message.en
    );
}

#[test]
fn a_changed_reason_is_caught_in_entries_and_sections() {
    let bytes = logboek();
    let line = line_with(&bytes, "score_revised");
    let tampered = edit_line(&bytes, line, |v| {
        v["payload"]["reason"] = json!("Op verzoek van de voorzitter")
    });
    let p = problem_of(&tampered);
    assert_eq!((p.kind, p.seq), (ProblemKind::HashMismatch, Some(14)));

    // A forger who also recomputes that entry's hash breaks the next link.
    let rehashed = edit_line(&bytes, line, |v| {
        v["payload"]["reason"] = json!("Op verzoek van de voorzitter");
        let mut e: Entry = serde_json::from_value(v.clone()).unwrap();
        e.hash = e.compute_hash();
        v["hash"] = json!(e.hash);
    });
    let p = problem_of(&rehashed);
    assert_eq!((p.kind, p.seq), (ProblemKind::PrevHashMismatch, Some(15)));

    // One who recomputes the whole chain still cannot match the signed last hash.
    let mut entries = history();
    entries[13].payload["reason"] = json!("Op verzoek van de voorzitter");
    let mut chain: Vec<Entry> = Vec::new();
    for e in entries.iter().chain(std::iter::once(
        &export_at("2026-03-02T12:30:00Z", &key()).entries[16],
    )) {
        let next = next_entry(
            chain.last(),
            e.time.clone(),
            e.actor.clone(),
            e.kind,
            e.payload.clone(),
        );
        chain.push(next);
    }
    let mut all = lines(&bytes);
    for (i, e) in chain.iter().enumerate() {
        all[entry_line(i + 1)] = line_bytes(&Line::Entry(e.clone()));
    }
    let p = problem_of(&join(&all));
    assert_eq!((p.kind, p.seq), (ProblemKind::HashMismatch, Some(17)));

    let decision = section_line(&bytes, SectionName::Decision);
    let tampered = edit_line(&bytes, decision, |v| {
        v["content"]["reasons"][0] = json!("Partijbelang")
    });
    assert_eq!(kind_of(&tampered), ProblemKind::SectionAltered);
}

#[test]
fn a_dropped_entry_is_named_as_missing() {
    let bytes = logboek();
    let mut all = lines(&bytes);
    all.remove(entry_line(6));
    let p = problem_of(&join(&all));
    assert_eq!(
        (p.kind, p.seq, p.line),
        (ProblemKind::MissingEntry, Some(6), Some(7))
    );
    assert!(
        p.message.nl.contains("Vermelding 6 ontbreekt"),
        "{}",
        p.message.nl
    );

    // The last entry has no successor to betray it; the signed count does.
    let mut all = lines(&bytes);
    all.remove(entry_line(17));
    let p = problem_of(&join(&all));
    assert_eq!((p.kind, p.seq), (ProblemKind::MissingEntry, Some(17)));
}

#[test]
fn a_repeated_entry_is_named_as_repeated() {
    let bytes = logboek();
    let mut all = lines(&bytes);
    let copy = all[entry_line(9)].clone();
    all.insert(entry_line(10), copy);
    let p = problem_of(&join(&all));
    assert_eq!(
        (p.kind, p.seq, p.line),
        (ProblemKind::RepeatedEntry, Some(9), Some(11))
    );
}

#[test]
fn swapped_entries_are_out_of_order() {
    let bytes = logboek();
    let mut all = lines(&bytes);
    all.swap(entry_line(10), entry_line(11));
    let p = problem_of(&join(&all));
    assert_eq!(
        (p.kind, p.seq, p.line),
        (ProblemKind::OutOfOrder, Some(11), Some(11))
    );
}

#[test]
fn an_entry_appended_after_signing_is_unsigned() {
    let export = export_at("2026-03-02T12:30:00Z", &key());
    let bytes = build_with(&export, &key());
    let extra = next_entry(
        export.entries.last(),
        "2026-03-02T13:00:00Z",
        Actor::System,
        EntryKind::Unblinded,
        json!({"reason": "x"}),
    );
    let mut all = lines(&bytes);
    all.insert(entry_line(18), line_bytes(&Line::Entry(extra)));
    let p = problem_of(&join(&all));
    assert_eq!((p.kind, p.seq), (ProblemKind::UnsignedEntry, Some(18)));
}

#[test]
fn a_file_cut_short_is_truncated_wherever_it_is_cut() {
    let bytes = logboek();
    let all = lines(&bytes);
    let boundary = |n: usize| all[..n].iter().map(Vec::len).sum::<usize>();
    let cuts = [
        ("mid-header", 40),
        ("after the header", boundary(1)),
        ("mid-entry", boundary(5) + 30),
        ("between entries", boundary(9)),
        ("mid-section", boundary(20) + 25),
        ("before the signature", boundary(all.len() - 1)),
        ("mid-signature", boundary(all.len() - 1) + 100),
        ("final newline", bytes.len() - 1),
    ];
    for (what, at) in cuts {
        let v = verify_logboek(&bytes[..at], None);
        assert!(!v.intact, "{what}");
        assert_eq!(v.problem.unwrap().kind, ProblemKind::Truncated, "{what}");
    }
    // What could be read is still shown.
    let v = verify_logboek(&bytes[..boundary(9)], None);
    assert_eq!(v.entries.len(), 8);
    assert!(v.header.is_some());
}

#[test]
fn a_signature_line_re_signed_with_another_key_does_not_match_the_header() {
    let bytes = logboek();
    let last = lines(&bytes).len() - 1;
    let forger = other_key();
    let tampered = edit_line(&bytes, last, |v| {
        let Line::Signature(mut sig) = serde_json::from_value(v.clone()).unwrap() else {
            unreachable!()
        };
        sig.public_key = public_key_hex(&forger.verifying_key());
        sig.signature =
            hex::encode(ed25519_dalek::Signer::sign(&forger, &signed_message(&sig)).to_bytes());
        *v = serde_json::to_value(Line::Signature(sig)).unwrap();
    });
    let p = problem_of(&tampered);
    assert_eq!(p.kind, ProblemKind::KeyMismatch);
    assert_eq!(p.line, Some(last as u32 + 1));
}

#[test]
fn a_forged_header_key_is_caught_by_the_logged_export_or_the_expected_key() {
    let bytes = logboek();
    let forger = other_key();
    let mut all = lines(&bytes);
    let mut header: Value = serde_json::from_slice(&all[0]).unwrap();
    header["public_key"] = json!(public_key_hex(&forger.verifying_key()));
    header["fingerprint"] = json!(Fingerprint::of(&forger.verifying_key()));
    let mut header_line = canonical_bytes(&header);
    header_line.push(b'\n');
    all[0] = header_line;
    let last = all.len() - 1;
    let Line::Signature(mut sig) = serde_json::from_slice(&all[last]).unwrap() else {
        unreachable!()
    };
    sig.public_key = public_key_hex(&forger.verifying_key());
    sig.header_sha256 = sha256_hex(&all[0]);
    sig.sha256 = sha256_hex(&join(&all[..last]));
    sig.signature =
        hex::encode(ed25519_dalek::Signer::sign(&forger, &signed_message(&sig)).to_bytes());
    all[last] = line_bytes(&Line::Signature(sig));
    let forged = join(&all);

    assert_eq!(kind_of(&forged), ProblemKind::ExportRecordMismatch);
    let expected = Fingerprint::of(&key().verifying_key());
    let v = verify_logboek(&forged, Some(&expected));
    assert_eq!(v.problem.unwrap().kind, ProblemKind::UnexpectedKey);
}

#[test]
fn a_complete_re_export_with_another_key_is_caught_by_the_expected_key() {
    let forger = other_key();
    let forged = build_with(&export_at("2026-03-02T12:30:00Z", &forger), &forger);
    // Internally consistent, so only the fingerprint the committee knows can tell.
    let v = verify_logboek(&forged, None);
    assert!(v.intact);
    assert_ne!(v.fingerprint, Some(Fingerprint::of(&key().verifying_key())));
    let expected = Fingerprint::of(&key().verifying_key());
    let p = verify_logboek(&forged, Some(&expected)).problem.unwrap();
    assert_eq!(p.kind, ProblemKind::UnexpectedKey);
    assert!(p.message.nl.contains(expected.as_str()));
}

#[test]
fn a_signature_taken_from_another_export_is_signed_other_content() {
    let earlier = build_with(&export_at("2026-03-01T17:00:00Z", &key()), &key());
    let bytes = logboek();
    let mut all = lines(&bytes);
    let last = all.len() - 1;
    all[last] = lines(&earlier).last().unwrap().clone();
    let p = problem_of(&join(&all));
    assert_eq!(p.kind, ProblemKind::SignedOtherContent);
    assert!(
        p.message.en.contains("2026-03-01T17:00:00Z"),
        "{}",
        p.message.en
    );
}

#[test]
fn swapped_or_dropped_sections_are_caught() {
    let bytes = logboek();
    let first = section_line(&bytes, SectionName::RubricVersions);
    let mut all = lines(&bytes);
    all.swap(first, first + 1);
    let p = problem_of(&join(&all));
    assert_eq!(
        (p.kind, p.line),
        (ProblemKind::SectionAltered, Some(first as u32 + 1))
    );

    let mut all = lines(&bytes);
    all.remove(first + 5);
    assert_eq!(kind_of(&join(&all)), ProblemKind::SectionAltered);
}

#[test]
fn lines_after_the_signature_are_unexpected() {
    let mut bytes = logboek();
    let n = lines(&bytes).len();
    bytes.extend_from_slice(lines(&bytes)[3].clone().as_slice());
    let p = problem_of(&bytes);
    assert_eq!(
        (p.kind, p.line),
        (ProblemKind::UnexpectedLine, Some(n as u32 + 1))
    );
}

#[test]
fn a_changed_report_is_caught() {
    let bytes = logboek();
    let line = line_with(&bytes, "\"type\":\"report\"");
    let tampered = edit_line(&bytes, line, |v| {
        v["html"] = json!("<h1>Logboek</h1><p>Alles in orde.</p>");
        v["sha256"] = json!(sha256_hex(b"<h1>Logboek</h1><p>Alles in orde.</p>"));
    });
    assert_eq!(kind_of(&tampered), ProblemKind::ReportAltered);
}

#[test]
fn other_files_are_not_logboeken() {
    assert_eq!(kind_of(b""), ProblemKind::NotALogboek);
    assert_eq!(kind_of(b"naam;score\nK1;4\n"), ProblemKind::NotALogboek);
    assert_eq!(
        kind_of(b"{\"type\":\"header\"}\n"),
        ProblemKind::NotALogboek
    );
    let bytes = logboek();
    let newer = edit_line(&bytes, 0, |v| v["version"] = json!(2));
    let p = problem_of(&newer);
    assert_eq!(p.kind, ProblemKind::UnsupportedVersion);
    assert!(p.kind.is_unreadable());
}

#[test]
fn identities_travel_only_when_chosen() {
    let mut export = export_at("2026-03-02T12:30:00Z", &key());
    export.sections.push(Section {
        name: SectionName::Identities,
        content: json!({"K1": "Fatima El Amrani"}),
    });
    assert_eq!(
        Logboek::build(
            &export.info,
            &export.entries,
            &export.sections,
            &export.report,
            &key()
        ),
        Err(BuildError::IdentitiesNotChosen)
    );

    export.info.with_identities = true;
    export.entries.pop();
    let exported = exported_entry(
        export.entries.last(),
        &export.info,
        &export.sections,
        &export.report,
        &key().verifying_key(),
    );
    export.entries.push(exported);
    let v = verify_logboek(&build_with(&export, &key()), None);
    assert!(v.intact, "{:?}", v.problem);
    assert!(v.header.unwrap().with_identities);
}

#[test]
fn building_requires_the_export_to_be_logged() {
    let export = export_at("2026-03-02T12:30:00Z", &key());
    let without = &export.entries[..export.entries.len() - 1];
    assert_eq!(
        Logboek::build(
            &export.info,
            without,
            &export.sections,
            &export.report,
            &key()
        ),
        Err(BuildError::ExportNotRecorded)
    );
    // Recorded with other sections than the ones exported: refused as well.
    assert_eq!(
        Logboek::build(
            &export.info,
            &export.entries,
            &export.sections[1..],
            &export.report,
            &key()
        ),
        Err(BuildError::ExportNotRecorded)
    );
    let mut doubled = export.sections.clone();
    doubled.push(doubled[0].clone());
    assert_eq!(
        Logboek::build(
            &export.info,
            &export.entries,
            &doubled,
            &export.report,
            &key()
        ),
        Err(BuildError::DuplicateSection(SectionName::RubricVersions))
    );
}
