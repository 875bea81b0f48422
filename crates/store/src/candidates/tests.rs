use maatstaf_core::blinding::{candidate_code, sha256_hex, Category};
use maatstaf_core::ledger::{Actor as LedgerActor, EntryKind};
use maatstaf_core::scoring::SectionKind;
use maatstaf_core::team::Role;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::fixtures::{demo_unlock, sealed_team};
use crate::sealing::{SealingError, Unlocked};

const OZDEMIR: &str =
    include_str!("../../../core/tests/blinding_corpus/03-ozdemir-antwoord/text.txt");

/// The passphrase the secretary of every test team chooses.
const SECRETARY_PASSPHRASE: &str = "gieter schommel bosbes zandpad";

/// A fresh sealed team with its secretary, signed in with their passphrase, who acts
/// in every call unless a test says otherwise.
fn store() -> (tempfile::TempDir, Store, i64, Unlocked) {
    let (dir, store, team, sec, _chair) = store_with_chair();
    (dir, store, team, sec)
}

/// [`store`], with the unlock of the chair ("Voorzitter") who created the team.
fn store_with_chair() -> (tempfile::TempDir, Store, i64, Unlocked, Unlocked) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let (team, chair) = sealed_team(&mut store, "Lindeveld");
    let sec = member(&mut store, team, chair.member_id(), Role::Secretary);
    store
        .grant_access(&chair, sec, SECRETARY_PASSPHRASE, SECRETARY_PASSPHRASE)
        .unwrap();
    let sec = store
        .unlock(team, sec, SECRETARY_PASSPHRASE)
        .unwrap()
        .unwrap();
    (dir, store, team, sec, chair)
}

/// A new member of `team` in `role`, added by the chair `by`.
fn member(store: &mut Store, team: i64, by: i64, role: Role) -> i64 {
    let name = format!("Lid {}", role.as_str());
    store
        .add_member(team, &name, role, None, Some(by))
        .unwrap()
        .id
}

fn sevda() -> IdentityInput {
    IdentityInput {
        name: "Sevda Özdemir".into(),
        aliases: vec!["Ozdemir".into(), "S. Özdemir".into()],
        party: Some("D66".into()),
        contact: Some("06-12345678, sevda@voorbeeld.nl".into()),
        birth_date: Some("1990-07-21".into()),
        birth_place: Some("Deventer".into()),
        extra: vec!["Zwemclub De Dolfijn".into()],
    }
}

fn answer(criterion: &str, text: &str) -> MaterialInput {
    MaterialInput {
        kind: SectionKind::WrittenAnswer,
        criterion: Some(criterion.into()),
        text: text.into(),
    }
}

fn motivation(text: &str) -> MaterialInput {
    MaterialInput {
        kind: SectionKind::Motivation,
        criterion: None,
        text: text.into(),
    }
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Accepts every proposal of every section of `code`, freezing them all.
fn freeze_all(store: &mut Store, team: i64, sec: &Unlocked, code: &str) {
    let item = store
        .candidates(team)
        .unwrap()
        .into_iter()
        .find(|c| c.code == code)
        .unwrap();
    for m in item.material {
        let review = store.material_review(sec, m.id).unwrap();
        store
            .freeze_material(sec, m.id, &accept_all(&review))
            .unwrap();
    }
}

/// Every proposal of a review, accepted as proposed.
fn accept_all(review: &MaterialReview) -> Vec<RedactionChoice> {
    review
        .proposals
        .iter()
        .map(|p| RedactionChoice {
            start: p.start,
            end: p.end,
            category: p.category,
            replacement: Some(p.replacement.clone()),
        })
        .collect()
}

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn intake_keeps_identity_apart_and_logs_only_the_code() {
    let (dir, mut store, team, sec) = store();
    let code = store
        .add_candidate(
            &sec,
            &sevda(),
            &[
                answer("samenwerken", OZDEMIR),
                motivation("Ik wil wethouder worden."),
            ],
        )
        .unwrap();
    assert!(code.starts_with("K-") && code.len() == 5, "{code}");
    let list = store.candidates(team).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].code, code);
    assert_eq!(list[0].material.len(), 2);
    assert!(!list[0].blinded);
    assert!(list[0]
        .material
        .iter()
        .all(|m| !m.frozen && m.short_hash.is_none()));

    let identity = store.candidate_identity(&sec, &code).unwrap();
    assert_eq!(identity.name, "Sevda Özdemir");
    assert_eq!(identity.aliases, ["Ozdemir", "S. Özdemir"]);
    assert_eq!(identity.birth_date.as_deref(), Some("1990-07-21"));
    assert_eq!(
        identity.contact.as_deref(),
        Some("06-12345678, sevda@voorbeeld.nl")
    );

    let log = store.ledger(team).unwrap();
    let [.., added, viewed] = log.as_slice() else {
        panic!("the intake and the look are logged");
    };
    assert_eq!(added.kind, EntryKind::CandidateAdded);
    assert_eq!(added.payload["candidate_code"], code.as_str());
    // Looking at who a code is leaves a trace: who looked, at which code.
    assert_eq!(viewed.kind, EntryKind::IdentityViewed);
    assert_eq!(
        viewed.payload,
        serde_json::json!({ "candidate_code": code })
    );
    assert_eq!(viewed.actor, added.actor);
    let whole_log = serde_json::to_string(&log).unwrap();
    for secret in ["Sevda", "Özdemir", "1990-07-21", "Deventer", "06-12345678"] {
        assert!(!whole_log.contains(secret), "the log names {secret}");
    }
    let list_json = serde_json::to_string(&store.candidates(team).unwrap()).unwrap();
    assert!(!list_json.contains("Özdemir") && !list_json.contains("D66"));

    // The identity and the texts are kept only sealed: nothing of them is in the
    // plain columns, nor anywhere in the data folder's files.
    let of_team = format!("candidate_id IN (SELECT id FROM candidates WHERE team_id = {team})");
    assert_eq!(
        count(&store, &format!("candidate_identities WHERE {of_team}")),
        0
    );
    assert_eq!(
        count(&store, &format!("sealed_identities WHERE {of_team}")),
        1
    );
    assert_eq!(
        count(
            &store,
            "candidate_material WHERE original_text != '' OR original_sealed IS NULL"
        ),
        0
    );
    for file in files_in(dir.path()) {
        let bytes = std::fs::read(&file).unwrap();
        for secret in [
            "Özdemir",
            "Sevda",
            "06-12345678",
            "Deventer",
            "Ik wil wethouder worden.",
            "parkeeroverlast",
        ] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{} holds {secret} in plain text",
                file.display()
            );
        }
    }
}

/// Every file under `dir`, in its subfolders too.
fn files_in(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_in(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn bad_intake_changes_nothing() {
    let (_dir, mut store, team, sec) = store();
    // The chair of a team that has since been deleted still holds their unlock.
    let (gone, gone_chair) = sealed_team(&mut store, "Opgeheven");
    store
        .delete_team(gone, Some(gone_chair.member_id()))
        .unwrap();
    let before = (
        count(&store, "candidates"),
        count(&store, "candidate_material"),
        count(&store, "sealed_identities"),
        store.ledger(team).unwrap().len(),
    );
    let bad_date = IdentityInput {
        birth_date: Some("1990-02-30".into()),
        ..sevda()
    };
    assert!(matches!(
        store.add_candidate(&sec, &bad_date, &[motivation("tekst")]),
        Err(StoreError::Candidate(CandidateError::BadBirthDate(d))) if d == "1990-02-30"
    ));
    let written = IdentityInput {
        birth_date: Some("21-07-1990".into()),
        ..sevda()
    };
    assert!(store
        .add_candidate(&sec, &written, &[motivation("tekst")])
        .is_err());
    let nameless = IdentityInput {
        name: "  ".into(),
        ..sevda()
    };
    assert!(matches!(
        store.add_candidate(&sec, &nameless, &[motivation("tekst")]),
        Err(StoreError::InvalidName(_))
    ));
    assert!(matches!(
        store.add_candidate(&sec, &sevda(), &[motivation("   ")]),
        Err(StoreError::Candidate(CandidateError::NoMaterial))
    ));
    let no_criterion = MaterialInput {
        criterion: Some(" ".into()),
        ..answer("x", "antwoord")
    };
    assert!(matches!(
        store.add_candidate(&sec, &sevda(), &[no_criterion]),
        Err(StoreError::Candidate(CandidateError::MissingCriterion))
    ));
    assert!(matches!(
        store.add_candidate(&sec, &sevda(), &[answer("a", "een"), answer("a", "twee")]),
        Err(StoreError::Candidate(CandidateError::DuplicateCriterion(_)))
    ));
    let long_party = IdentityInput {
        party: Some("P".repeat(MAX_FIELD_CHARS + 1)),
        ..sevda()
    };
    assert!(matches!(
        store.add_candidate(&sec, &long_party, &[motivation("tekst")]),
        Err(StoreError::Candidate(CandidateError::TooLong { .. }))
    ));
    assert!(matches!(
        store.add_candidate(&gone_chair, &sevda(), &[motivation("tekst")]),
        Err(StoreError::NoSuchTeam(id)) if id == gone
    ));
    let after = (
        count(&store, "candidates"),
        count(&store, "candidate_material"),
        count(&store, "sealed_identities"),
        store.ledger(team).unwrap().len(),
    );
    assert_eq!(before, after);
}

#[test]
fn only_the_name_is_required_and_blank_fields_are_none() {
    let (_dir, mut store, _team, sec) = store();
    let minimal = IdentityInput {
        name: " Jan Jansen ".into(),
        aliases: vec![" ".into(), "J.".into(), "J.".into()],
        party: Some("  ".into()),
        birth_date: Some(" ".into()),
        ..IdentityInput::default()
    };
    let code = store
        .add_candidate(&sec, &minimal, &[motivation("Ik doe mee.")])
        .unwrap();
    let id = store.candidate_identity(&sec, &code).unwrap();
    assert_eq!(id.name, "Jan Jansen");
    assert_eq!(id.aliases, ["J."]);
    assert_eq!((id.party, id.birth_date, id.contact), (None, None, None));
}

#[test]
fn a_clashing_code_is_drawn_again() {
    let (_dir, mut store, team, sec) = store();
    let first = candidate_code(&mut ChaCha8Rng::seed_from_u64(7));
    store
        .conn
        .execute(
            "INSERT INTO candidates (team_id, code, created_at) VALUES (?1, ?2, 'x')",
            params![team, first],
        )
        .unwrap();
    let code = store
        .add_candidate_with(
            &sec,
            &sevda(),
            &[motivation("tekst")],
            &mut ChaCha8Rng::seed_from_u64(7),
        )
        .unwrap();
    assert_ne!(code, first);
    // Another team may use the same code: codes are unique per team.
    let (other, other_chair) = sealed_team(&mut store, "Ander team");
    assert_ne!(other, team);
    let same = store
        .add_candidate_with(
            &other_chair,
            &sevda(),
            &[motivation("tekst")],
            &mut ChaCha8Rng::seed_from_u64(7),
        )
        .unwrap();
    assert_eq!(same, first);
}

#[test]
fn codes_do_not_follow_intake_order() {
    let (_dir, mut store, _team, sec) = store();
    let codes: Vec<String> = (0..12)
        .map(|i| {
            let id = IdentityInput {
                name: format!("Kandidaat {i}"),
                ..IdentityInput::default()
            };
            store
                .add_candidate(&sec, &id, &[motivation("tekst")])
                .unwrap()
        })
        .collect();
    let mut sorted = codes.clone();
    sorted.sort();
    // Twelve random codes come out sorted with chance 1/12!, about 2e-9.
    assert_ne!(codes, sorted);
    sorted.dedup();
    assert_eq!(sorted.len(), 12);
}

#[test]
fn review_offsets_are_utf16_and_freezing_stores_and_logs_the_blinded_text() {
    let (_dir, mut store, team, sec) = store();
    let text =
        "🌷 Özdemir woont in Deventer. Mail sevda@voorbeeld.nl. Ik zwem bij Zwemclub De Dolfijn.";
    let code = store
        .add_candidate(&sec, &sevda(), &[motivation(text)])
        .unwrap();
    let material_id = store.candidates(team).unwrap()[0].material[0].id;
    let review = store.material_review(&sec, material_id).unwrap();
    assert_eq!(review.original.as_deref(), Some(text));
    assert!(review.blinded.is_none());
    let ozdemir = review
        .proposals
        .iter()
        .find(|p| p.category == Category::Name)
        .expect("the name is proposed");
    // The tulip is 4 bytes and 2 UTF-16 units; Ö is 2 bytes and 1 unit.
    assert_eq!((ozdemir.byte_start, ozdemir.start), (5, 3));
    assert_eq!(utf16_slice(text, ozdemir.start, ozdemir.end), "Özdemir");
    for p in &review.proposals {
        assert_eq!(
            utf16_slice(text, p.start, p.end),
            text[p.byte_start..p.byte_end]
        );
    }
    let found: Vec<String> = review
        .proposals
        .iter()
        .map(|p| utf16_slice(text, p.start, p.end))
        .collect();
    assert!(
        found.iter().any(|f| f.contains("sevda@voorbeeld.nl")),
        "{found:?}"
    );
    assert!(found.iter().any(|f| f == "Deventer"), "{found:?}");

    // Accept all but the e-mail proposal and draw one range by hand: "zwem".
    let mut choices: Vec<RedactionChoice> = review
        .proposals
        .iter()
        .filter(|p| p.category != Category::Email)
        .map(|p| RedactionChoice {
            start: p.start,
            end: p.end,
            category: p.category,
            replacement: Some(p.replacement.clone()),
        })
        .collect();
    let zwem = text.find("zwem").unwrap();
    let zwem16 = byte_to_utf16(text, zwem);
    choices.push(RedactionChoice {
        start: zwem16,
        end: zwem16 + 4,
        category: Category::Other,
        replacement: None,
    });
    let frozen = store.freeze_material(&sec, material_id, &choices).unwrap();
    assert!(frozen.original.is_none() && frozen.proposals.is_empty());
    let blinded = frozen.blinded.unwrap();
    assert!(blinded.text.starts_with("🌷 "), "{}", blinded.text);
    assert!(!blinded.text.contains("Özdemir") && !blinded.text.contains("Deventer"));
    assert!(
        blinded.text.contains("sevda@voorbeeld.nl"),
        "a rejected proposal stays"
    );
    assert!(
        blinded.text.contains("Ik [weggelaten] bij"),
        "{}",
        blinded.text
    );
    assert_eq!(blinded.sha256, sha256_hex(&blinded.text));
    for r in &blinded.redactions {
        let shown = utf16_slice(&blinded.text, r.out_start, r.out_end);
        assert!(!shown.is_empty() && !shown.contains("Özdemir"));
    }

    let entry = store.ledger(team).unwrap().pop().unwrap();
    assert_eq!(entry.kind, EntryKind::MaterialBlinded);
    assert_eq!(entry.payload["candidate_code"], code.as_str());
    assert_eq!(entry.payload["blinded_sha256"], blinded.sha256.as_str());
    assert_eq!(entry.payload["section_kind"], "motivation");

    let item = &store.candidates(team).unwrap()[0];
    assert!(item.blinded);
    assert_eq!(
        item.material[0].short_hash.as_deref(),
        Some(&blinded.sha256[..8])
    );

    // Frozen is final, and the review no longer carries the original.
    let entries = store.ledger(team).unwrap().len();
    assert!(matches!(
        store.freeze_material(&sec, material_id, &[]),
        Err(StoreError::Candidate(CandidateError::Frozen))
    ));
    assert_eq!(store.ledger(team).unwrap().len(), entries);
    let again = store.material_review(&sec, material_id).unwrap();
    assert!(again.original.is_none());
    assert_eq!(again.blinded.unwrap().text, blinded.text);
}

#[test]
fn a_term_accepted_in_one_text_is_proposed_in_the_candidates_other_texts() {
    let (_dir, mut store, team, sec) = store();
    let cv = "Sevda groeide op in Wirdum en werkt als verpleegkundige.";
    let answer = "In Wirdum zag ik het dorpshuis sluiten. Öz\u{200B}demir schreef dit zelf.";
    let cv_summary = MaterialInput {
        kind: SectionKind::CvSummary,
        criterion: None,
        text: cv.into(),
    };
    store
        .add_candidate(&sec, &sevda(), &[cv_summary, motivation(answer)])
        .unwrap();
    let ids: Vec<i64> = store.candidates(team).unwrap()[0]
        .material
        .iter()
        .map(|m| m.id)
        .collect();
    let proposed = |store: &mut Store| -> Vec<String> {
        let review = store.material_review(&sec, ids[1]).unwrap();
        review
            .proposals
            .iter()
            .map(|p| answer[p.byte_start..p.byte_end].to_owned())
            .collect()
    };
    assert!(!proposed(&mut store).contains(&"Wirdum".to_owned()));
    assert!(
        proposed(&mut store).contains(&"Öz\u{200B}demir".to_owned()),
        "the name is found through the invisible character"
    );

    let review = store.material_review(&sec, ids[0]).unwrap();
    store
        .freeze_material(&sec, ids[0], &accept_all(&review))
        .unwrap();
    assert!(
        proposed(&mut store).contains(&"Wirdum".to_owned()),
        "{:?}",
        proposed(&mut store)
    );

    let warnings = store.material_review(&sec, ids[1]).unwrap().warnings;
    assert_eq!(
        warnings.len(),
        1,
        "the zero-width space is reported at intake"
    );
    assert!(store
        .material_review(&sec, ids[0])
        .unwrap()
        .warnings
        .is_empty());
}

#[test]
fn bad_ranges_freeze_nothing() {
    let (_dir, mut store, team, sec) = store();
    let text = "🌷 Özdemir";
    store
        .add_candidate(&sec, &sevda(), &[motivation(text)])
        .unwrap();
    let id = store.candidates(team).unwrap()[0].material[0].id;
    let entries = store.ledger(team).unwrap().len();
    let choice = |start, end| RedactionChoice {
        start,
        end,
        category: Category::Other,
        replacement: None,
    };
    for bad in [
        vec![choice(1, 3)],                // inside the tulip's surrogate pair
        vec![choice(3, 99)],               // past the end
        vec![choice(5, 5)],                // empty
        vec![choice(3, 7), choice(5, 10)], // overlapping
    ] {
        assert!(
            matches!(
                store.freeze_material(&sec, id, &bad),
                Err(StoreError::Candidate(
                    CandidateError::BadRange { .. } | CandidateError::Overlap(_)
                ))
            ),
            "{bad:?}"
        );
    }
    assert_eq!(store.ledger(team).unwrap().len(), entries);
    assert!(!store.candidates(team).unwrap()[0].blinded);
    assert!(store.material_review(&sec, id).unwrap().original.is_some());
    // Material of another team is out of reach, even for that team's chair who has
    // unlocked their own team.
    let entries = store.ledger(team).unwrap().len();
    let (_other, other_chair) = sealed_team(&mut store, "Ander");
    assert!(matches!(
        store.freeze_material(&other_chair, id, &[]),
        Err(StoreError::Candidate(CandidateError::NoSuchMaterial(_)))
    ));
    assert!(matches!(
        store.material_review(&other_chair, id),
        Err(StoreError::Candidate(CandidateError::NoSuchMaterial(_)))
    ));
    assert_eq!(store.ledger(team).unwrap().len(), entries);
}

#[test]
fn blinded_candidates_hold_only_fully_frozen_material_and_no_identity() {
    let (_dir, mut store, team, sec) = store();
    let sevda_code = store
        .add_candidate(
            &sec,
            &sevda(),
            &[
                answer("samenwerken", OZDEMIR),
                motivation("Sevda Özdemir wil graag wethouder worden."),
            ],
        )
        .unwrap();
    let fatima = IdentityInput {
        name: "Fatima el Amrani".into(),
        aliases: vec!["Fati".into()],
        party: Some("GroenLinks-PvdA".into()),
        birth_date: Some("1983-03-12".into()),
        birth_place: Some("Tilburg".into()),
        ..IdentityInput::default()
    };
    let fatima_code = store
        .add_candidate(
            &sec,
            &fatima,
            &[motivation(include_str!(
                "../../../core/tests/blinding_corpus/01-el-amrani-cv/text.txt"
            ))],
        )
        .unwrap();
    assert!(
        store.blinded_candidates(team).unwrap().is_empty(),
        "nothing frozen yet"
    );

    freeze_all(&mut store, team, &sec, &sevda_code);
    let blinded = store.blinded_candidates(team).unwrap();
    assert_eq!(blinded.len(), 1);
    assert_eq!(blinded[0].code, sevda_code);
    assert_eq!(blinded[0].sections.len(), 2);
    assert_eq!(
        blinded[0].sections[0].criterion.as_deref(),
        Some("samenwerken")
    );

    freeze_all(&mut store, team, &sec, &fatima_code);
    let blinded = store.blinded_candidates(team).unwrap();
    assert_eq!(blinded.len(), 2);
    let json = serde_json::to_string(&blinded).unwrap();
    for secret in [
        "Sevda",
        "Özdemir",
        "Ozdemir",
        "D66",
        "1990-07-21",
        "Fatima",
        "el Amrani",
        "Amrani",
        "GroenLinks",
        "1983",
        "Tilburg",
        "Fati ",
    ] {
        assert!(!json.contains(secret), "{secret} leaks into {json}");
    }
}

#[test]
fn deleting_a_candidate_removes_identity_and_material() {
    let (_dir, mut store, team, sec) = store();
    let code = store
        .add_candidate(
            &sec,
            &sevda(),
            &[motivation("Özdemir"), answer("a", "tekst")],
        )
        .unwrap();
    freeze_all(&mut store, team, &sec, &code);
    let id: i64 = store
        .conn
        .query_row("SELECT id FROM candidates WHERE code = ?1", [&code], |r| {
            r.get(0)
        })
        .unwrap();
    let of_candidate = |table: &str| format!("{table} WHERE candidate_id = {id}");
    assert_eq!(count(&store, &of_candidate("sealed_identities")), 1);
    assert_eq!(count(&store, &of_candidate("candidate_material")), 2);
    let sec_id = Some(sec.member_id());
    let removal = store.candidate_removal(team, sec_id, &code).unwrap();
    assert_eq!((removal.sections, removal.frozen), (2, 2));
    assert!(!removal.in_scoring);
    store.delete_candidate(team, sec_id, &code).unwrap();
    // The sealed identity and the material, sealed originals included, are gone.
    assert_eq!(count(&store, &of_candidate("sealed_identities")), 0);
    assert_eq!(count(&store, &of_candidate("candidate_material")), 0);
    assert!(store.candidates(team).unwrap().is_empty());
    assert!(matches!(
        store.candidate_identity(&sec, &code),
        Err(StoreError::Candidate(CandidateError::NoSuchCandidate(_)))
    ));
    assert!(store.delete_candidate(team, sec_id, &code).is_err());
}

#[test]
fn intake_offers_criteria_of_frozen_rubrics_only() {
    let (_dir, store, team, _sec) = store();
    let source = include_str!("../../../../content/rubrics/wethouder-algemeen.toml");
    for (version, frozen) in [(1, true), (2, false)] {
        store
            .conn
            .execute(
                "INSERT INTO rubric_versions (team_id, rubric_key, version, source_toml, sha256, frozen_at, created_at)
                 VALUES (?1, 'algemeen', ?2, ?3, ?4, ?5, 'x')",
                params![
                    team,
                    version,
                    source,
                    frozen.then_some("abc"),
                    frozen.then_some("2026-11-25T09:00:00Z")
                ],
            )
            .unwrap();
    }
    let rubrics = store.intake_rubrics(team).unwrap();
    assert_eq!(rubrics.len(), 1);
    assert_eq!(rubrics[0].title, "Wethouder (algemeen profiel)");
    assert!(rubrics[0]
        .criteria
        .iter()
        .any(|c| c.id == "verbindend-leiderschap"));
}

#[test]
fn utf16_offsets_convert_both_ways() {
    let text = "aÖ🌷b";
    assert_eq!(byte_to_utf16(text, 0), 0);
    assert_eq!(byte_to_utf16(text, 3), 2);
    assert_eq!(byte_to_utf16(text, 7), 4);
    assert_eq!(utf16_to_byte(text, 2), Some(3));
    assert_eq!(utf16_to_byte(text, 3), None, "inside the surrogate pair");
    assert_eq!(utf16_to_byte(text, 4), Some(7));
    assert_eq!(utf16_to_byte(text, 5), Some(8));
    assert_eq!(utf16_to_byte(text, 6), None);
}

/// Every call that shows or changes an identity or unredacted text: these need the
/// unlock of a chair or secretary (`by`), with whether it was allowed or the error it
/// gave.
fn unlocked_calls(
    store: &mut Store,
    by: &Unlocked,
    code: &str,
    material: i64,
) -> Vec<(&'static str, Result<(), StoreError>)> {
    vec![
        (
            "add_candidate",
            store
                .add_candidate(by, &sevda(), &[motivation("Ik wil het.")])
                .map(drop),
        ),
        (
            "candidate_identity",
            store.candidate_identity(by, code).map(drop),
        ),
        (
            "material_review",
            store.material_review(by, material).map(drop),
        ),
        (
            "freeze_material",
            store.freeze_material(by, material, &[]).map(drop),
        ),
    ]
}

/// The calls about a candidate that show no identity or text, as `actor`.
fn member_calls(
    store: &mut Store,
    team: i64,
    actor: Option<i64>,
    code: &str,
) -> Vec<(&'static str, Result<(), StoreError>)> {
    vec![
        (
            "candidate_removal",
            store.candidate_removal(team, actor, code).map(drop),
        ),
        (
            "delete_candidate",
            store.delete_candidate(team, actor, code).map(drop),
        ),
    ]
}

/// Everything a refused call must leave exactly as it was.
fn snapshot(store: &Store) -> String {
    let mut out = String::new();
    for sql in [
        "SELECT id, team_id, code, created_at FROM candidates ORDER BY id",
        "SELECT candidate_id, name || '|' || ifnull(party, '') || '|' || aliases || '|' || extra
         FROM candidate_identities ORDER BY candidate_id",
        "SELECT candidate_id, hex(sealed) FROM sealed_identities ORDER BY candidate_id",
        "SELECT id, original_text || '|' || ifnull(hex(original_sealed), '') || '|'
                || ifnull(blinded_text, '') || '|' || ifnull(blinded_sha256, '')
                || '|' || ifnull(frozen_at, '') || '|' || redactions
         FROM candidate_material ORDER BY id",
        "SELECT seq, hash FROM ledger ORDER BY team_id, seq",
    ] {
        let mut stmt = store.conn.prepare(sql).unwrap();
        let rows = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{:?} {:?}\n",
                    r.get::<_, rusqlite::types::Value>(0)?,
                    r.get::<_, rusqlite::types::Value>(1)?
                ))
            })
            .unwrap();
        for row in rows {
            out.push_str(&row.unwrap());
        }
    }
    out
}

/// The error code of an access refusal, or a panic naming what came instead.
fn refusal_code(call: &str, who: &str, result: Result<(), StoreError>) -> serde_json::Value {
    match result {
        Err(StoreError::Access(e)) => serde_json::to_value(&e).unwrap()["code"].clone(),
        other => panic!("{call} as {who} gave {other:?}"),
    }
}

#[test]
fn identities_are_refused_to_anyone_but_the_teams_secretary_or_chair() {
    let (_dir, mut store, team, sec, chair) = store_with_chair();
    let chair_id = chair.member_id();
    let assessor = member(&mut store, team, chair_id, Role::Assessor);
    let trainer = member(&mut store, team, chair_id, Role::Trainer);
    let (other, outsider) = sealed_team(&mut store, "Ander team");
    let code = store
        .add_candidate(&sec, &sevda(), &[answer("a", OZDEMIR)])
        .unwrap();
    let material = store.candidates(team).unwrap()[0].material[0].id;
    let before = snapshot(&store);

    // Only a chair or secretary can unlock the sealed identities and texts: an
    // assessor or trainer gets no unlock, whatever they type.
    for who in [assessor, trainer] {
        for passphrase in [crate::fixtures::CHAIR_PASSPHRASE, SECRETARY_PASSPHRASE] {
            assert!(matches!(
                store.unlock(team, who, passphrase),
                Err(StoreError::Sealing(SealingError::NotAnOfficer { .. }))
            ));
        }
    }
    // The calls that show no identity refuse them, and nobody, as before; a member
    // of another team is nobody here.
    for (actor, expected) in [
        (None, "nobody_acting"),
        (Some(assessor), "role_not_allowed"),
        (Some(trainer), "role_not_allowed"),
        (Some(outsider.member_id()), "nobody_acting"),
    ] {
        for (call, result) in member_calls(&mut store, team, actor, &code) {
            assert_eq!(refusal_code(call, &format!("{actor:?}"), result), expected);
        }
        assert_eq!(snapshot(&store), before, "a refusal changed something");
    }
    // The chair of another team, with their own unlock, reaches only their own team:
    // neither this team's code nor its material is found there.
    assert!(matches!(
        store.unlock(
            team,
            outsider.member_id(),
            crate::fixtures::CHAIR_PASSPHRASE
        ),
        Err(StoreError::NoSuchMember(_))
    ));
    assert!(matches!(
        store.candidate_identity(&outsider, &code),
        Err(StoreError::Candidate(CandidateError::NoSuchCandidate(_)))
    ));
    assert!(matches!(
        store.material_review(&outsider, material),
        Err(StoreError::Candidate(CandidateError::NoSuchMaterial(_)))
    ));
    assert!(matches!(
        store.freeze_material(&outsider, material, &[]),
        Err(StoreError::Candidate(CandidateError::NoSuchMaterial(_)))
    ));
    assert_eq!(snapshot(&store), before, "a refusal changed something");
    assert!(store.candidates(other).unwrap().is_empty());

    // The secretary and the chair may read; the chair may also take in and delete.
    for by in [&sec, &chair] {
        let identity = store.candidate_identity(by, &code).unwrap();
        assert_eq!(identity.name, "Sevda Özdemir");
        let review = store.material_review(by, material).unwrap();
        assert_eq!(review.original.as_deref(), Some(OZDEMIR));
        assert_eq!(
            store
                .candidate_removal(team, Some(by.member_id()), &code)
                .unwrap()
                .sections,
            1
        );
    }
    let second = store
        .add_candidate(&chair, &sevda(), &[motivation("Ik wil het.")])
        .unwrap();
    let log = store.ledger(team).unwrap();
    assert_eq!(log.last().unwrap().kind, EntryKind::CandidateAdded);
    assert_eq!(
        log.last().unwrap().actor,
        LedgerActor::member(chair_id.to_string(), "Voorzitter")
    );

    // A secretary made an assessor after signing in keeps an unlock in memory, but
    // it opens nothing any more: the store asks for the role they have now.
    store
        .update_member(
            team,
            sec.member_id(),
            "Lid secretary",
            Role::Assessor,
            None,
            Some(chair_id),
        )
        .unwrap();
    let before = snapshot(&store);
    for (call, result) in unlocked_calls(&mut store, &sec, &code, material) {
        assert_eq!(
            refusal_code(call, "a demoted secretary", result),
            "role_not_allowed"
        );
    }
    for (call, result) in member_calls(&mut store, team, Some(sec.member_id()), &code) {
        assert_eq!(
            refusal_code(call, "a demoted secretary", result),
            "role_not_allowed"
        );
    }
    assert_eq!(snapshot(&store), before, "a refusal changed something");
    assert!(matches!(
        store.unlock(team, sec.member_id(), SECRETARY_PASSPHRASE),
        Err(StoreError::Sealing(SealingError::NotAnOfficer { .. }))
    ));

    store.freeze_material(&chair, material, &[]).unwrap();
    store
        .delete_candidate(team, Some(chair_id), &second)
        .unwrap();
    store.delete_candidate(team, Some(chair_id), &code).unwrap();
    assert!(store.candidates(team).unwrap().is_empty());
}

/// The demo team and its secretary, signed in with their passphrase.
fn demo_team(store: &mut Store) -> (i64, Unlocked) {
    let demo = crate::fixtures::demo_team(store);
    let secretary = demo_unlock(store, demo, Role::Secretary);
    (demo, secretary)
}

#[test]
fn a_candidate_in_a_scoring_round_cannot_be_deleted_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let (demo, sec) = demo_team(&mut store);
    let sec_id = Some(sec.member_id());
    let scored = store.candidates(demo).unwrap()[0].code.clone();
    let before = snapshot(&store);
    let entries = store.ledger(demo).unwrap().len();
    assert!(
        store
            .candidate_removal(demo, sec_id, &scored)
            .unwrap()
            .in_scoring,
        "the confirmation knows before anyone tries"
    );

    match store.delete_candidate(demo, sec_id, &scored) {
        Err(StoreError::Candidate(CandidateError::CandidateScored(code))) => {
            assert_eq!(code, scored)
        }
        other => panic!("deleting a scored candidate gave {other:?}"),
    }
    assert_eq!(snapshot(&store), before);
    assert_eq!(store.ledger(demo).unwrap().len(), entries);
    assert!(store.candidate_identity(&sec, &scored).is_ok());
}

#[test]
fn a_permitted_deletion_appends_one_verifiable_entry_with_the_code_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let (demo, sec) = demo_team(&mut store);
    let sec_id = sec.member_id();
    let code = store
        .add_candidate(&sec, &sevda(), &[motivation("Ik wil het.")])
        .unwrap();
    let entries = store.ledger(demo).unwrap().len();

    store.delete_candidate(demo, Some(sec_id), &code).unwrap();

    let log = store.ledger(demo).unwrap();
    assert_eq!(log.len(), entries + 1);
    let last = log.last().unwrap();
    assert_eq!(last.kind, EntryKind::CandidateDeleted);
    assert_eq!(last.payload["candidate_code"], code.as_str());
    assert_eq!(last.payload["role"], "secretary");
    assert_eq!(last.payload["member_id"], sec_id);
    assert_eq!(
        last.actor,
        LedgerActor::member(sec_id.to_string(), "Youssef Amrani")
    );
    let entry_json = serde_json::to_string(last).unwrap();
    for secret in ["Sevda", "Özdemir", "D66", "Deventer"] {
        assert!(!entry_json.contains(secret), "the entry names {secret}");
    }
    assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));

    // The signed logboek of the team still verifies with the new kind of entry in it.
    let bytes = store.export_logboek(&sec, false, Vec::new()).unwrap();
    let v = maatstaf_core::ledger::verify_logboek(&bytes, None);
    assert!(v.intact, "{:?}", v.problem);
    assert!(String::from_utf8(bytes)
        .unwrap()
        .contains("candidate_deleted"));
}
