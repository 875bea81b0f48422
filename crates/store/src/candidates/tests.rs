use maatstaf_core::blinding::{candidate_code, sha256_hex, Category};
use maatstaf_core::ledger::{Actor as LedgerActor, EntryKind};
use maatstaf_core::scoring::SectionKind;
use maatstaf_core::team::Role;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::*;

const OZDEMIR: &str =
    include_str!("../../../core/tests/blinding_corpus/03-ozdemir-antwoord/text.txt");

/// A fresh team with its secretary, who acts in every call unless a test says otherwise.
fn store() -> (tempfile::TempDir, Store, i64, Option<i64>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let team = store.create_team("Lindeveld").unwrap().id;
    let sec = member(&mut store, team, Role::Secretary);
    (dir, store, team, sec)
}

/// A new member of `team` in `role`, as the acting member id.
fn member(store: &mut Store, team: i64, role: Role) -> Option<i64> {
    let name = format!("Lid {}", role.as_str());
    Some(store.add_member(team, &name, role, None, None).unwrap().id)
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
fn freeze_all(store: &mut Store, team: i64, sec: Option<i64>, code: &str) {
    let item = store
        .candidates(team)
        .unwrap()
        .into_iter()
        .find(|c| c.code == code)
        .unwrap();
    for m in item.material {
        let review = store.material_review(team, sec, m.id).unwrap();
        store
            .freeze_material(team, sec, m.id, &accept_all(&review))
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
    let (_dir, mut store, team, sec) = store();
    let code = store
        .add_candidate(
            team,
            sec,
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

    let identity = store.candidate_identity(team, sec, &code).unwrap();
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
}

#[test]
fn bad_intake_changes_nothing() {
    let (_dir, mut store, team, sec) = store();
    let before = (
        count(&store, "candidates"),
        count(&store, "candidate_material"),
        store.ledger(team).unwrap().len(),
    );
    let bad_date = IdentityInput {
        birth_date: Some("1990-02-30".into()),
        ..sevda()
    };
    assert!(matches!(
        store.add_candidate(team, sec, &bad_date, &[motivation("tekst")]),
        Err(StoreError::Candidate(CandidateError::BadBirthDate(d))) if d == "1990-02-30"
    ));
    let written = IdentityInput {
        birth_date: Some("21-07-1990".into()),
        ..sevda()
    };
    assert!(store
        .add_candidate(team, sec, &written, &[motivation("tekst")])
        .is_err());
    let nameless = IdentityInput {
        name: "  ".into(),
        ..sevda()
    };
    assert!(matches!(
        store.add_candidate(team, sec, &nameless, &[motivation("tekst")]),
        Err(StoreError::InvalidName(_))
    ));
    assert!(matches!(
        store.add_candidate(team, sec, &sevda(), &[motivation("   ")]),
        Err(StoreError::Candidate(CandidateError::NoMaterial))
    ));
    let no_criterion = MaterialInput {
        criterion: Some(" ".into()),
        ..answer("x", "antwoord")
    };
    assert!(matches!(
        store.add_candidate(team, sec, &sevda(), &[no_criterion]),
        Err(StoreError::Candidate(CandidateError::MissingCriterion))
    ));
    assert!(matches!(
        store.add_candidate(
            team,
            sec,
            &sevda(),
            &[answer("a", "een"), answer("a", "twee")]
        ),
        Err(StoreError::Candidate(CandidateError::DuplicateCriterion(_)))
    ));
    let long_party = IdentityInput {
        party: Some("P".repeat(MAX_FIELD_CHARS + 1)),
        ..sevda()
    };
    assert!(matches!(
        store.add_candidate(team, sec, &long_party, &[motivation("tekst")]),
        Err(StoreError::Candidate(CandidateError::TooLong { .. }))
    ));
    assert!(matches!(
        store.add_candidate(9999, sec, &sevda(), &[motivation("tekst")]),
        Err(StoreError::NoSuchTeam(9999))
    ));
    let after = (
        count(&store, "candidates"),
        count(&store, "candidate_material"),
        store.ledger(team).unwrap().len(),
    );
    assert_eq!(before, after);
}

#[test]
fn only_the_name_is_required_and_blank_fields_are_none() {
    let (_dir, mut store, team, sec) = store();
    let minimal = IdentityInput {
        name: " Jan Jansen ".into(),
        aliases: vec![" ".into(), "J.".into(), "J.".into()],
        party: Some("  ".into()),
        birth_date: Some(" ".into()),
        ..IdentityInput::default()
    };
    let code = store
        .add_candidate(team, sec, &minimal, &[motivation("Ik doe mee.")])
        .unwrap();
    let id = store.candidate_identity(team, sec, &code).unwrap();
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
            team,
            sec,
            &sevda(),
            &[motivation("tekst")],
            &mut ChaCha8Rng::seed_from_u64(7),
        )
        .unwrap();
    assert_ne!(code, first);
    // Another team may use the same code: codes are unique per team.
    let other = store.create_team("Ander team").unwrap().id;
    let other_sec = member(&mut store, other, Role::Secretary);
    let same = store
        .add_candidate_with(
            other,
            other_sec,
            &sevda(),
            &[motivation("tekst")],
            &mut ChaCha8Rng::seed_from_u64(7),
        )
        .unwrap();
    assert_eq!(same, first);
}

#[test]
fn codes_do_not_follow_intake_order() {
    let (_dir, mut store, team, sec) = store();
    let codes: Vec<String> = (0..12)
        .map(|i| {
            let id = IdentityInput {
                name: format!("Kandidaat {i}"),
                ..IdentityInput::default()
            };
            store
                .add_candidate(team, sec, &id, &[motivation("tekst")])
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
        .add_candidate(team, sec, &sevda(), &[motivation(text)])
        .unwrap();
    let material_id = store.candidates(team).unwrap()[0].material[0].id;
    let review = store.material_review(team, sec, material_id).unwrap();
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
    let frozen = store
        .freeze_material(team, sec, material_id, &choices)
        .unwrap();
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
        store.freeze_material(team, sec, material_id, &[]),
        Err(StoreError::Candidate(CandidateError::Frozen))
    ));
    assert_eq!(store.ledger(team).unwrap().len(), entries);
    let again = store.material_review(team, sec, material_id).unwrap();
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
        .add_candidate(team, sec, &sevda(), &[cv_summary, motivation(answer)])
        .unwrap();
    let ids: Vec<i64> = store.candidates(team).unwrap()[0]
        .material
        .iter()
        .map(|m| m.id)
        .collect();
    let proposed = |store: &mut Store| -> Vec<String> {
        let review = store.material_review(team, sec, ids[1]).unwrap();
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

    let review = store.material_review(team, sec, ids[0]).unwrap();
    store
        .freeze_material(team, sec, ids[0], &accept_all(&review))
        .unwrap();
    assert!(
        proposed(&mut store).contains(&"Wirdum".to_owned()),
        "{:?}",
        proposed(&mut store)
    );

    let warnings = store.material_review(team, sec, ids[1]).unwrap().warnings;
    assert_eq!(
        warnings.len(),
        1,
        "the zero-width space is reported at intake"
    );
    assert!(store
        .material_review(team, sec, ids[0])
        .unwrap()
        .warnings
        .is_empty());
}

#[test]
fn bad_ranges_freeze_nothing() {
    let (_dir, mut store, team, sec) = store();
    let text = "🌷 Özdemir";
    store
        .add_candidate(team, sec, &sevda(), &[motivation(text)])
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
                store.freeze_material(team, sec, id, &bad),
                Err(StoreError::Candidate(
                    CandidateError::BadRange { .. } | CandidateError::Overlap(_)
                ))
            ),
            "{bad:?}"
        );
    }
    assert_eq!(store.ledger(team).unwrap().len(), entries);
    assert!(!store.candidates(team).unwrap()[0].blinded);
    assert!(store
        .material_review(team, sec, id)
        .unwrap()
        .original
        .is_some());
    // Material of another team is out of reach.
    let other = store.create_team("Ander").unwrap().id;
    let other_sec = member(&mut store, other, Role::Secretary);
    assert!(matches!(
        store.freeze_material(other, other_sec, id, &[]),
        Err(StoreError::Candidate(CandidateError::NoSuchMaterial(_)))
    ));
    assert!(store.material_review(other, other_sec, id).is_err());
}

#[test]
fn blinded_candidates_hold_only_fully_frozen_material_and_no_identity() {
    let (_dir, mut store, team, sec) = store();
    let sevda_code = store
        .add_candidate(
            team,
            sec,
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
            team,
            sec,
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

    freeze_all(&mut store, team, sec, &sevda_code);
    let blinded = store.blinded_candidates(team).unwrap();
    assert_eq!(blinded.len(), 1);
    assert_eq!(blinded[0].code, sevda_code);
    assert_eq!(blinded[0].sections.len(), 2);
    assert_eq!(
        blinded[0].sections[0].criterion.as_deref(),
        Some("samenwerken")
    );

    freeze_all(&mut store, team, sec, &fatima_code);
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
            team,
            sec,
            &sevda(),
            &[motivation("Özdemir"), answer("a", "tekst")],
        )
        .unwrap();
    freeze_all(&mut store, team, sec, &code);
    let removal = store.candidate_removal(team, sec, &code).unwrap();
    assert_eq!((removal.sections, removal.frozen), (2, 2));
    assert!(!removal.in_scoring);
    store.delete_candidate(team, sec, &code).unwrap();
    assert_eq!(
        count(&store, "candidate_identities WHERE name = 'Sevda Özdemir'"),
        0
    );
    assert_eq!(
        count(&store, "candidate_material WHERE original_text = 'Özdemir'"),
        0
    );
    assert!(store.candidates(team).unwrap().is_empty());
    assert!(matches!(
        store.candidate_identity(team, sec, &code),
        Err(StoreError::Candidate(CandidateError::NoSuchCandidate(_)))
    ));
    assert!(store.delete_candidate(team, sec, &code).is_err());
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

/// Every call that shows or changes an identity or unredacted text, as `actor`,
/// with whether it was allowed or the error it gave.
fn protected_calls(
    store: &mut Store,
    team: i64,
    actor: Option<i64>,
    code: &str,
    material: i64,
) -> Vec<(&'static str, Result<(), StoreError>)> {
    vec![
        (
            "add_candidate",
            store
                .add_candidate(team, actor, &sevda(), &[motivation("Ik wil het.")])
                .map(drop),
        ),
        (
            "candidate_identity",
            store.candidate_identity(team, actor, code).map(drop),
        ),
        (
            "material_review",
            store.material_review(team, actor, material).map(drop),
        ),
        (
            "candidate_removal",
            store.candidate_removal(team, actor, code).map(drop),
        ),
        (
            "freeze_material",
            store.freeze_material(team, actor, material, &[]).map(drop),
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
        "SELECT id, original_text || '|' || ifnull(blinded_text, '') || '|' || ifnull(blinded_sha256, '')
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

#[test]
fn identities_are_refused_to_anyone_but_the_teams_secretary_or_chair() {
    let (_dir, mut store, team, sec) = store();
    let chair = member(&mut store, team, Role::Chair);
    let assessor = member(&mut store, team, Role::Assessor);
    let trainer = member(&mut store, team, Role::Trainer);
    let other = store.create_team("Ander team").unwrap().id;
    let outsider = member(&mut store, other, Role::Secretary);
    let code = store
        .add_candidate(team, sec, &sevda(), &[answer("a", OZDEMIR)])
        .unwrap();
    let material = store.candidates(team).unwrap()[0].material[0].id;
    let before = snapshot(&store);

    // A member of another team is nobody here.
    for (actor, expected) in [
        (None, "nobody_acting"),
        (assessor, "role_not_allowed"),
        (trainer, "role_not_allowed"),
        (outsider, "nobody_acting"),
    ] {
        for (call, result) in protected_calls(&mut store, team, actor, &code, material) {
            match result {
                Err(StoreError::Access(e)) => assert_eq!(
                    serde_json::to_value(&e).unwrap()["code"],
                    expected,
                    "{call} as {actor:?}"
                ),
                other => panic!("{call} as {actor:?} gave {other:?}"),
            }
        }
        assert_eq!(snapshot(&store), before, "a refusal changed something");
    }

    // The secretary and the chair may read; the chair may also take in and delete.
    for actor in [sec, chair] {
        let identity = store.candidate_identity(team, actor, &code).unwrap();
        assert_eq!(identity.name, "Sevda Özdemir");
        let review = store.material_review(team, actor, material).unwrap();
        assert_eq!(review.original.as_deref(), Some(OZDEMIR));
        assert_eq!(
            store
                .candidate_removal(team, actor, &code)
                .unwrap()
                .sections,
            1
        );
    }
    let second = store
        .add_candidate(team, chair, &sevda(), &[motivation("Ik wil het.")])
        .unwrap();
    let log = store.ledger(team).unwrap();
    assert_eq!(log.last().unwrap().kind, EntryKind::CandidateAdded);
    assert_eq!(
        log.last().unwrap().actor,
        LedgerActor::member(chair.unwrap().to_string(), "Lid chair")
    );
    store.freeze_material(team, chair, material, &[]).unwrap();
    store.delete_candidate(team, chair, &second).unwrap();
    store.delete_candidate(team, sec, &code).unwrap();
    assert!(store.candidates(team).unwrap().is_empty());
}

fn demo_team(store: &Store) -> (i64, Option<i64>) {
    let demo = crate::fixtures::demo_team(store);
    let secretary = store
        .team_detail(demo)
        .unwrap()
        .members
        .into_iter()
        .find(|m| m.role == Role::Secretary)
        .unwrap()
        .id;
    (demo, Some(secretary))
}

#[test]
fn a_candidate_in_a_scoring_round_cannot_be_deleted_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let (demo, sec) = demo_team(&store);
    let scored = store.candidates(demo).unwrap()[0].code.clone();
    let before = snapshot(&store);
    let entries = store.ledger(demo).unwrap().len();
    assert!(
        store
            .candidate_removal(demo, sec, &scored)
            .unwrap()
            .in_scoring,
        "the confirmation knows before anyone tries"
    );

    match store.delete_candidate(demo, sec, &scored) {
        Err(StoreError::Candidate(CandidateError::CandidateScored(code))) => {
            assert_eq!(code, scored)
        }
        other => panic!("deleting a scored candidate gave {other:?}"),
    }
    assert_eq!(snapshot(&store), before);
    assert_eq!(store.ledger(demo).unwrap().len(), entries);
    assert!(store.candidate_identity(demo, sec, &scored).is_ok());
}

#[test]
fn a_permitted_deletion_appends_one_verifiable_entry_with_the_code_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let (demo, sec) = demo_team(&store);
    let code = store
        .add_candidate(demo, sec, &sevda(), &[motivation("Ik wil het.")])
        .unwrap();
    let entries = store.ledger(demo).unwrap().len();

    store.delete_candidate(demo, sec, &code).unwrap();

    let log = store.ledger(demo).unwrap();
    assert_eq!(log.len(), entries + 1);
    let last = log.last().unwrap();
    assert_eq!(last.kind, EntryKind::CandidateDeleted);
    assert_eq!(last.payload["candidate_code"], code.as_str());
    assert_eq!(last.payload["role"], "secretary");
    assert_eq!(last.payload["member_id"], sec.unwrap());
    assert_eq!(
        last.actor,
        LedgerActor::member(sec.unwrap().to_string(), "Youssef Amrani")
    );
    let entry_json = serde_json::to_string(last).unwrap();
    for secret in ["Sevda", "Özdemir", "D66", "Deventer"] {
        assert!(!entry_json.contains(secret), "the entry names {secret}");
    }
    assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));

    // The signed logboek of the team still verifies with the new kind of entry in it.
    let bytes = store.export_logboek(demo, sec, false, Vec::new()).unwrap();
    let v = maatstaf_core::ledger::verify_logboek(&bytes, None);
    assert!(v.intact, "{:?}", v.problem);
    assert!(String::from_utf8(bytes)
        .unwrap()
        .contains("candidate_deleted"));
}
