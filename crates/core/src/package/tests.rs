//! What a package holds, and every way a changed, foreign or broken one is refused.

use super::*;
use crate::assessor::{ConflictKind, ConflictPolicy};
use crate::ledger::signing_key_from_seed;
use crate::scoring::tests::{bram, cem, exclusion, open, submitted};
use crate::scoring::{BlindedCandidate, Round, ScoringError};

fn team_key() -> ed25519_dalek::SigningKey {
    signing_key_from_seed([7; 32])
}
fn bram_key() -> ed25519_dalek::SigningKey {
    signing_key_from_seed([9; 32])
}

fn head() -> ChainHead {
    ChainHead {
        seq: 12,
        hash: "ab".repeat(32),
    }
}

fn round_package(round: &Round) -> RoundPackage {
    let assignment = round.assignment_for("bram").unwrap();
    RoundPackage {
        team_uid: "team-uid".into(),
        team_name: "Formatie Dorp".into(),
        team_recipient: "age1example".into(),
        material: assignment
            .candidates()
            .iter()
            .map(|code| BlindedCandidate {
                code: code.clone(),
                sections: vec![],
            })
            .collect(),
        round: assignment,
        assessor: AssessorRef {
            id: "bram".into(),
            name: "Bram".into(),
        },
        assessor_key: None,
        policy: ConflictPolicy::default(),
        previous_sheet: None,
        chain_head: head(),
        written_at: "2026-12-02T10:00:00Z".into(),
    }
}

fn sheet_body(round: &Round) -> SheetBody {
    SheetBody {
        team_uid: "team-uid".into(),
        round: 1,
        assessor: "bram".into(),
        chain_head: head(),
        sheet: submitted(round, &bram(), |_, _| 4),
        declarations: vec![DeclaredTie {
            candidate: "K-2".into(),
            kind: ConflictKind::RecognisesPerson,
            note: None,
        }],
    }
}

fn score_outer(sealed: &[u8]) -> ScorePackage {
    ScorePackage {
        team_uid: "team-uid".into(),
        round: 1,
        assessor: "bram".into(),
        chain_head: head(),
        recipient: "age1example".into(),
        sealed: hex::encode(sealed),
    }
}

#[test]
fn an_assignment_holds_one_assessor_and_not_the_seed() {
    let mut round = open();
    let mut sheets = vec![];
    round
        .add_exclusion(&cem(), exclusion("cem", "K-1"), &mut sheets)
        .unwrap();
    let assignment = round.assignment_for("bram").unwrap();
    assert_eq!(assignment.assessors().len(), 1);
    assert_eq!(assignment.assessors()[0].assessor, "bram");
    assert!(
        assignment.exclusions().is_empty(),
        "cem's exclusion stays home"
    );
    assert_eq!(assignment.seed(), "");
    assert_eq!(
        assignment.work_order("bram").unwrap(),
        round.work_order("bram").unwrap()
    );
    assert_eq!(
        round.assignment_for("nobody"),
        Err(ScoringError::UnknownAssessor {
            id: "nobody".into()
        })
    );
}

#[test]
fn a_signed_round_package_reads_back_whole() {
    let package = round_package(&open());
    let bytes = Envelope::sign(PackageKind::Round, &package, &team_key()).to_bytes();
    let envelope = Envelope::read(&bytes).unwrap();
    assert_eq!(
        envelope.fingerprint().unwrap(),
        crate::ledger::Fingerprint::of(&team_key().verifying_key())
    );
    assert_eq!(RoundPackage::read(&envelope).unwrap(), package);
}

#[test]
fn one_changed_byte_anywhere_is_refused() {
    let package = round_package(&open());
    let bytes = Envelope::sign(PackageKind::Round, &package, &team_key()).to_bytes();
    // Every position: a changed byte either breaks the JSON or the signature, or
    // changes only insignificant whitespace.
    let mut accepted_changes = 0;
    for i in (0..bytes.len()).step_by(7) {
        let mut changed = bytes.clone();
        changed[i] ^= 0x01;
        match Envelope::read(&changed) {
            Err(PackageError::BadSignature | PackageError::Unreadable) => {}
            Ok(envelope) => {
                assert_eq!(RoundPackage::read(&envelope).unwrap(), package);
                accepted_changes += 1;
            }
            Err(other) => panic!("byte {i}: unexpected {other:?}"),
        }
    }
    assert!(accepted_changes < bytes.len() / 7 / 10);
}

#[test]
fn a_cut_off_package_is_unreadable() {
    let bytes = Envelope::sign(PackageKind::Round, &round_package(&open()), &team_key()).to_bytes();
    for len in [0, 1, bytes.len() / 2, bytes.len() - 3] {
        assert_eq!(
            Envelope::read(&bytes[..len]),
            Err(PackageError::Unreadable),
            "cut at {len}"
        );
    }
    assert_eq!(Envelope::read(b"PK\x03\x04"), Err(PackageError::Unreadable));
}

#[test]
fn a_body_signed_again_by_another_key_names_that_key() {
    let package = round_package(&open());
    let mut envelope = Envelope::sign(PackageKind::Round, &package, &team_key());
    let other = Envelope::sign(PackageKind::Round, &package, &bram_key());
    // Keeping the team's name but another's signature does not verify.
    envelope.signature = other.signature.clone();
    assert_eq!(envelope.verify(), Err(PackageError::BadSignature));
    // Signed honestly by another key, it verifies, but names that key: the caller
    // compares it with the team key it knows.
    assert_ne!(other.fingerprint(), envelope.fingerprint());
}

#[test]
fn a_package_of_another_kind_says_what_it_is() {
    let bytes = Envelope::sign(PackageKind::Round, &round_package(&open()), &team_key()).to_bytes();
    let envelope = Envelope::read(&bytes).unwrap();
    let error = ScorePackage::read(&envelope).unwrap_err();
    assert_eq!(
        error,
        PackageError::WrongKind {
            expected: PackageKind::Score,
            found: PackageKind::Round
        }
    );
    assert_eq!(error.text().nl, "Dit is een rondepakket, geen scorepakket.");
}

#[test]
fn a_newer_format_asks_for_an_update() {
    let mut envelope = Envelope::sign(PackageKind::Round, &round_package(&open()), &team_key());
    envelope.version = VERSION + 1;
    assert_eq!(
        Envelope::read(&envelope.to_bytes()),
        Err(PackageError::NewerVersion {
            version: VERSION + 1
        })
    );
}

#[test]
fn a_round_package_with_someone_elses_plan_or_material_is_refused() {
    let round = open();
    let mut whole = round_package(&round);
    whole.round = round.clone();
    let mut extra = round_package(&round);
    extra.material.push(BlindedCandidate {
        code: "K-9".into(),
        sections: vec![],
    });
    let mut wrong_previous = round_package(&round);
    wrong_previous.previous_sheet = Some(submitted(&round, &cem(), |_, _| 3));
    for package in [whole, extra, wrong_previous] {
        let envelope = Envelope::sign(PackageKind::Round, &package, &team_key());
        assert_eq!(
            RoundPackage::read(&envelope),
            Err(PackageError::Inconsistent)
        );
    }
}

#[test]
fn the_inside_of_a_score_package_must_match_its_outside() {
    let round = open();
    let inner = Envelope::sign(PackageKind::Sheet, &sheet_body(&round), &bram_key()).to_bytes();
    let outer_body = score_outer(b"ciphertext");
    let outer = Envelope::sign(PackageKind::Score, &outer_body, &bram_key());
    let (_, body) = outer_body.open_inner(&outer, &inner).unwrap();
    assert_eq!(body, sheet_body(&round));

    let mut other_round = score_outer(b"ciphertext");
    other_round.round = 2;
    let outer2 = Envelope::sign(PackageKind::Score, &other_round, &bram_key());
    assert_eq!(
        other_round.open_inner(&outer2, &inner),
        Err(PackageError::Inconsistent)
    );
    // Signed inside by someone else than outside.
    let outer3 = Envelope::sign(PackageKind::Score, &outer_body, &team_key());
    assert_eq!(
        outer_body.open_inner(&outer3, &inner),
        Err(PackageError::Inconsistent)
    );
}

#[test]
fn a_replayed_sheet_passes_or_names_the_rule_it_breaks() {
    let mut round = open();
    let sheet = submitted(&round, &bram(), |_, _| 4);
    assert_eq!(replay_sheet(&round, &bram(), None, &sheet).unwrap(), sheet);
    // The chair excluded bram for K-1 on the team's laptop meanwhile.
    let mut sheets = vec![];
    round
        .add_exclusion(
            &crate::scoring::tests::chair(),
            exclusion("bram", "K-1"),
            &mut sheets,
        )
        .unwrap();
    assert_eq!(
        replay_sheet(&round, &bram(), None, &sheet),
        Err(ScoringError::Excluded {
            candidate: "K-1".into()
        })
    );
}

#[test]
fn every_refusal_has_a_dutch_and_an_english_text() {
    let all = [
        PackageError::Unreadable,
        PackageError::TooLarge { max_mb: 32 },
        PackageError::NewerVersion { version: 2 },
        PackageError::BadSignature,
        PackageError::OtherTeam,
        PackageError::ChangedTeamKey,
        PackageError::NoSuchRound { round: 3 },
        PackageError::RoundNotOpen { round: 1 },
        PackageError::RoundRevealed { round: 1 },
        PackageError::NotRevealed { round: 1 },
        PackageError::NotAssessor,
        PackageError::ChangedAssessorKey,
        PackageError::UnknownChainHead,
        PackageError::CannotDecrypt,
        PackageError::Inconsistent,
        PackageError::Sheet {
            error: ScoringError::Incomplete { missing: 2 },
        },
        PackageError::ReasonRequired,
        PackageError::AlreadyResolved,
    ];
    let mut seen = std::collections::BTreeSet::new();
    for error in all {
        let text = error.text();
        assert!(!text.nl.is_empty() && !text.en.is_empty());
        assert_ne!(text.nl, text.en);
        assert!(seen.insert(text.nl), "{error:?} shares its text");
    }
}

#[test]
fn choosing_between_two_packages_needs_a_reason() {
    assert_eq!(resolution_reason("  "), Err(PackageError::ReasonRequired));
    assert_eq!(
        resolution_reason(" de tweede is de juiste versie ").unwrap(),
        "de tweede is de juiste versie"
    );
}

fn entry(
    seq: u64,
    kind: crate::ledger::EntryKind,
    payload: serde_json::Value,
) -> crate::ledger::Entry {
    crate::ledger::Entry {
        seq,
        time: "2026-12-02T10:00:00Z".into(),
        actor: crate::ledger::Actor::System,
        kind,
        payload,
        prev_hash: String::new(),
        hash: if seq == 12 {
            "ab".repeat(32)
        } else {
            format!("{seq:064}")
        },
    }
}

/// A log with Bram's package imported (its sheet hash as stored) and its signed sheet
/// recorded at the reveal, holding `revealed` as the sheet.
fn witnessed_log(revealed: crate::scoring::Sheet) -> Vec<crate::ledger::Entry> {
    use crate::ledger::EntryKind;
    let round = open();
    let signed_body = sheet_body(&round);
    let outer = Envelope::sign(PackageKind::Score, &score_outer(b"x"), &bram_key());
    let opened = Envelope::sign(
        PackageKind::Sheet,
        &SheetBody {
            sheet: revealed,
            ..signed_body.clone()
        },
        &bram_key(),
    );
    vec![
        entry(12, EntryKind::RoundOpened, serde_json::json!({})),
        entry(
            13,
            EntryKind::ScorePackageImported,
            serde_json::json!({
                "round": 1, "member_id": "bram", "fingerprint": "", "sha256": "",
                "sheet_sha256": crate::ledger::content_sha256(&signed_body.sheet),
                "package": outer,
            }),
        ),
        entry(
            14,
            EntryKind::ScorePackageOpened,
            serde_json::json!({ "round": 1, "member_id": "bram", "signed_sheet": opened }),
        ),
    ]
}

#[test]
fn a_committee_finds_its_negotiators_signed_sheet_in_the_log() {
    let round = open();
    let fingerprint = crate::ledger::Fingerprint::of(&bram_key().verifying_key());
    let check = check_assessor(&witnessed_log(sheet_body(&round).sheet), &fingerprint);
    assert!(check.passed(), "{:?}", check.problems);
    assert_eq!((check.packages, check.revealed), (1, 1));

    // Another key: nothing of theirs is in this log.
    let other = crate::ledger::Fingerprint::of(&team_key().verifying_key());
    assert!(!check_assessor(&witnessed_log(sheet_body(&round).sheet), &other).passed());
}

#[test]
fn a_revealed_sheet_other_than_the_imported_one_is_caught() {
    let round = open();
    let fingerprint = crate::ledger::Fingerprint::of(&bram_key().verifying_key());
    let other_sheet = submitted(&round, &bram(), |_, _| 2);
    let check = check_assessor(&witnessed_log(other_sheet), &fingerprint);
    assert!(!check.passed());
    assert!(check.problems[0].nl.contains("niet het formulier"));
}
