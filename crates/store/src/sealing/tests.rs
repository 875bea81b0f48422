//! What sealing promises, tried the way someone with the data folder would.

use maatstaf_core::ledger::{handover_holds, verify_logboek, EntryKind, Fingerprint};
use maatstaf_core::scoring::SectionKind;
use maatstaf_core::team::Role;

use super::{SealingError, Unlocked};
use crate::access::PinRefusal;
use crate::candidates::{IdentityInput, MaterialInput};
use crate::error::StoreError;
use crate::fixtures::{
    demo_member, demo_team, sealed_team, secrets_on_disk, CHAIR_PASSPHRASE, DEMO_CHAIR_PASSPHRASE,
};
use crate::Store;

const NAME: &str = "Wilhelmina Zwanenburg-Oudshoorn";
const PARTY: &str = "Partij voor Lindeveld";
const BIRTH: &str = "1987-03-14";
const TEXT: &str =
    "Als wethouder van Lindeveld heb ik het zwembadconflict opgelost door te luisteren.";

fn identity() -> IdentityInput {
    IdentityInput {
        name: NAME.into(),
        party: Some(PARTY.into()),
        birth_date: Some(BIRTH.into()),
        ..IdentityInput::default()
    }
}

fn material() -> Vec<MaterialInput> {
    vec![MaterialInput {
        kind: SectionKind::Motivation,
        criterion: None,
        text: TEXT.into(),
    }]
}

const SECRETS: [&str; 4] = [NAME, PARTY, BIRTH, "zwembadconflict"];

fn sealed_store() -> (tempfile::TempDir, Store, i64, Unlocked) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let (team, chair) = sealed_team(&mut store, "Gemeente Lindeveld");
    (dir, store, team, chair)
}

#[test]
fn after_an_intake_no_name_party_birth_date_or_text_is_in_the_folders_files() {
    let (dir, mut store, _team, chair) = sealed_store();
    store
        .add_candidate(&chair, &identity(), &material())
        .unwrap();
    // With the database open (its write-ahead log holds the latest pages) and closed.
    assert_eq!(secrets_on_disk(dir.path(), &SECRETS), Vec::<String>::new());
    drop(store);
    assert_eq!(secrets_on_disk(dir.path(), &SECRETS), Vec::<String>::new());
    // And the officer still reads them with the passphrase.
    let mut store = Store::open_in(dir.path()).unwrap();
    let team = chair.team_id();
    let again = store
        .unlock(team, chair.member_id(), CHAIR_PASSPHRASE)
        .unwrap()
        .unwrap();
    let code = store.candidates(team).unwrap()[0].code.clone();
    let shown = store.candidate_identity(&again, &code).unwrap();
    assert_eq!(
        (shown.name.as_str(), shown.birth_date.as_deref()),
        (NAME, Some(BIRTH))
    );
    let material_id = store.candidates(team).unwrap()[0].material[0].id;
    let review = store.material_review(&again, material_id).unwrap();
    assert_eq!(review.original.as_deref(), Some(TEXT));
}

#[test]
fn a_wrong_passphrase_opens_nothing_and_is_counted_and_logged() {
    let (_dir, mut store, team, chair) = sealed_store();
    let member = chair.member_id();
    assert_eq!(
        store
            .unlock_at(team, member, "vuurtoren pannenkoek", 1_000)
            .unwrap()
            .unwrap_err(),
        PinRefusal::Wrong
    );
    for _ in 0..2 {
        let _ = store
            .unlock_at(team, member, "fout fout fout fout", 1_000)
            .unwrap();
    }
    // Three wrong in a row: even the right passphrase waits, as after wrong PINs.
    assert!(matches!(
        store
            .unlock_at(team, member, CHAIR_PASSPHRASE, 1_001)
            .unwrap()
            .unwrap_err(),
        PinRefusal::Wait { .. }
    ));
    let failed = store
        .ledger(team)
        .unwrap()
        .iter()
        .filter(|e| e.kind == EntryKind::PinFailed)
        .count();
    assert_eq!(failed, 3);
    assert!(store
        .unlock_at(team, member, CHAIR_PASSPHRASE, 10_000)
        .unwrap()
        .is_ok());
}

/// A secretary added by the chair, without access to the sealed data yet.
fn add_secretary(store: &mut Store, team: i64, chair: &Unlocked) -> i64 {
    store
        .add_member(
            team,
            "Mirjam Bakker",
            Role::Secretary,
            None,
            Some(chair.member_id()),
        )
        .unwrap()
        .id
}

#[test]
fn a_second_officer_gets_access_with_a_passphrase_of_their_own() {
    let (_dir, mut store, team, chair) = sealed_store();
    let secretary = add_secretary(&mut store, team, &chair);
    // No access yet: signing in says who can give it.
    assert!(matches!(
        store.unlock(team, secretary, "molen regenjas kievit potlood"),
        Err(StoreError::Sealing(SealingError::NoAccess { .. }))
    ));
    // A PIN is no way in for an officer of a sealed team.
    assert!(matches!(
        store.set_pin(team, secretary, "4826", &[1; 16], Some(chair.member_id())),
        Err(StoreError::Sealing(SealingError::OfficerUsesPassphrase))
    ));
    // Weak or mistyped passphrases are refused and change nothing.
    for (p, r) in [
        ("kort", "kort"),
        ("molen regenjas kievit potlood", "molen regenjas kievit"),
    ] {
        assert!(matches!(
            store.grant_access(&chair, secretary, p, r),
            Err(StoreError::Sealing(SealingError::Passphrase { .. }))
        ));
    }
    assert!(!store
        .seal_state(team)
        .unwrap()
        .with_access
        .contains(&secretary));

    let code = store
        .add_candidate(&chair, &identity(), &material())
        .unwrap();
    store
        .grant_access(
            &chair,
            secretary,
            "molen regenjas kievit potlood",
            "molen regenjas kievit potlood",
        )
        .unwrap();
    let theirs = store
        .unlock(team, secretary, "molen regenjas kievit potlood")
        .unwrap()
        .unwrap();
    assert_eq!(store.candidate_identity(&theirs, &code).unwrap().name, NAME);
    assert_eq!(
        store.seal_state(team).unwrap().with_access,
        vec![chair.member_id(), secretary]
    );
    // The chair's own passphrase still works: access is added, not moved.
    assert!(store
        .unlock(team, chair.member_id(), CHAIR_PASSPHRASE)
        .unwrap()
        .is_ok());
    let granted = store
        .ledger(team)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == EntryKind::KeyAccessGranted)
        .count();
    assert_eq!(granted, 2, "the chair at creation, the secretary now");
}

#[test]
fn an_officer_who_is_no_longer_one_cannot_use_an_earlier_unlock() {
    let (_dir, mut store, team, chair) = sealed_store();
    let secretary = add_secretary(&mut store, team, &chair);
    store
        .grant_access(
            &chair,
            secretary,
            "molen regenjas kievit potlood",
            "molen regenjas kievit potlood",
        )
        .unwrap();
    let theirs = store
        .unlock(team, secretary, "molen regenjas kievit potlood")
        .unwrap()
        .unwrap();
    let code = store
        .add_candidate(&chair, &identity(), &material())
        .unwrap();
    store
        .update_member(
            team,
            secretary,
            "Mirjam Bakker",
            Role::Assessor,
            None,
            Some(chair.member_id()),
        )
        .unwrap();
    assert!(matches!(
        store.candidate_identity(&theirs, &code),
        Err(StoreError::Access(_))
    ));
}

#[test]
fn a_sealed_identity_moved_to_another_candidate_does_not_open() {
    let (_dir, mut store, team, chair) = sealed_store();
    let first = store
        .add_candidate(&chair, &identity(), &material())
        .unwrap();
    let other = IdentityInput {
        name: "Kees Brouwer".into(),
        ..IdentityInput::default()
    };
    let second = store.add_candidate(&chair, &other, &material()).unwrap();
    // Someone with the file copies the first candidate's sealed name onto the second.
    store
        .conn
        .execute(
            "UPDATE sealed_identities SET sealed = (SELECT s.sealed FROM sealed_identities s
                 JOIN candidates c ON c.id = s.candidate_id WHERE c.code = ?1)
             WHERE candidate_id = (SELECT id FROM candidates WHERE code = ?2 AND team_id = ?3)",
            rusqlite::params![first, second, team],
        )
        .unwrap();
    assert!(matches!(
        store.candidate_identity(&chair, &second),
        Err(StoreError::Sealing(SealingError::Damaged))
    ));
}

#[test]
fn exports_are_signed_with_the_teams_own_key_named_in_its_first_entry() {
    let (_dir, mut store, team, chair) = sealed_store();
    let first = store.ledger(team).unwrap()[0].clone();
    assert_eq!(first.kind, EntryKind::TeamCreated);
    let fingerprint = store.seal_state(team).unwrap().fingerprint.unwrap();
    assert_eq!(first.payload["fingerprint"], fingerprint.as_str());
    assert_eq!(first.payload["team_uid"].as_str().map(str::len), Some(32));

    let bytes = store.export_logboek(&chair, false, Vec::new()).unwrap();
    let v = verify_logboek(&bytes, Some(&fingerprint));
    assert!(v.intact, "{:?}", v.problem);
    let installation = Fingerprint::parse(&store.fingerprint().unwrap()).unwrap();
    assert_ne!(installation, fingerprint, "not the laptop's key");
    assert!(!verify_logboek(&bytes, Some(&installation)).intact);
}

#[test]
fn a_team_from_before_sealing_is_sealed_by_an_officer_and_its_plain_copy_erased() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    // What an earlier version left: a team with a chair, PINs, plain identity and text.
    let team = store.create_team("Gemeente Oudstad").unwrap().id;
    let chair = store
        .add_member(team, "Anneke", Role::Chair, None, None)
        .unwrap()
        .id;
    let secretary = store
        .add_member(team, "Youssef", Role::Secretary, None, None)
        .unwrap()
        .id;
    store.set_pin(team, chair, "1470", &[3; 16], None).unwrap();
    store
        .set_pin(team, secretary, "2580", &[4; 16], Some(chair))
        .unwrap();
    store
        .conn
        .execute_batch(&format!(
            "INSERT INTO candidates (team_id, code, created_at) VALUES ({team}, 'K-OLD', '2026-03-01T10:00:00Z');
             INSERT INTO candidate_identities (candidate_id, name, party, birth_date)
                 VALUES (last_insert_rowid(), '{NAME}', '{PARTY}', '{BIRTH}');
             INSERT INTO candidate_material (candidate_id, kind, original_text, created_at)
                 SELECT id, 'motivation', '{TEXT}', '2026-03-01T10:00:00Z' FROM candidates WHERE code = 'K-OLD';"
        ))
        .unwrap();
    assert_eq!(store.seal_state(team).unwrap().plain_candidates, 1);
    // Nothing that needs the key works before sealing; an assessor cannot seal.
    let assessor = store
        .add_member(team, "Gerrit", Role::Assessor, None, Some(chair))
        .unwrap()
        .id;
    assert!(matches!(
        store.seal_team(
            team,
            chair,
            Some(assessor),
            CHAIR_PASSPHRASE,
            CHAIR_PASSPHRASE
        ),
        Err(StoreError::Access(_))
    ));
    // The chair seals it herself; another officer cannot choose her passphrase.
    assert!(matches!(
        store.seal_team(
            team,
            chair,
            Some(secretary),
            CHAIR_PASSPHRASE,
            CHAIR_PASSPHRASE
        ),
        Err(StoreError::Sealing(SealingError::OwnPassphrase { .. }))
    ));
    let unlocked = store
        .seal_team(team, chair, Some(chair), CHAIR_PASSPHRASE, CHAIR_PASSPHRASE)
        .unwrap();

    let state = store.seal_state(team).unwrap();
    assert!(state.sealed);
    assert_eq!(state.plain_candidates, 0);
    assert_eq!(
        store.candidate_identity(&unlocked, "K-OLD").unwrap().name,
        NAME
    );
    assert_eq!(secrets_on_disk(dir.path(), &SECRETS), Vec::<String>::new());
    // The officers' PINs are gone: the chair signs in with her passphrase, the
    // secretary once the chair gives her access.
    assert!(matches!(
        store.verify_pin(team, secretary, "2580"),
        Err(StoreError::Sealing(SealingError::OfficerUsesPassphrase))
    ));
    let log = store.ledger(team).unwrap();
    let handover = log
        .iter()
        .find(|e| e.kind == EntryKind::TeamSealed)
        .unwrap();
    assert!(
        handover_holds(handover),
        "the installation key signed the hand-over"
    );
    assert_eq!(handover.payload["sealed_identities"], 1);
    assert_eq!(
        handover.payload["fingerprint"],
        state.fingerprint.unwrap().as_str()
    );
    assert!(matches!(
        store.seal_team(team, chair, Some(chair), CHAIR_PASSPHRASE, CHAIR_PASSPHRASE),
        Err(StoreError::Sealing(SealingError::AlreadySealed))
    ));
}

#[test]
fn the_demo_officers_open_the_demo_with_the_documented_passphrases() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let team = demo_team(&store);
    let chair = demo_member(&store, team, Role::Chair);
    let unlocked = store
        .unlock(team, chair, DEMO_CHAIR_PASSPHRASE)
        .unwrap()
        .unwrap();
    assert!(!store
        .candidate_identity(&unlocked, "K-7F3")
        .unwrap()
        .name
        .is_empty());
    assert!(store.seal_state(team).unwrap().sealed);
    // The demo's candidate names are sealed on disk like any team's.
    drop(store);
    let names = [
        "Sanne Hoekstra",
        "Kees Brouwer",
        "Joke van der Linden-Bakker",
    ];
    assert_eq!(secrets_on_disk(dir.path(), &names), Vec::<String>::new());
}

#[test]
fn only_officers_who_can_open_the_team_keep_it_managed() {
    let (_dir, mut store, team, chair) = sealed_store();
    let me = Some(chair.member_id());
    // An assessor with a PIN becomes secretary: a PIN does not open a sealed team, so
    // the chair is still the last officer who can sign in and cannot step down.
    let gerrit = store
        .add_member(team, "Gerrit Bosma", Role::Assessor, None, me)
        .unwrap()
        .id;
    store.set_pin(team, gerrit, "1357", &[5; 16], me).unwrap();
    store
        .update_member(team, gerrit, "Gerrit Bosma", Role::Secretary, None, me)
        .unwrap();
    assert!(matches!(
        store.update_member(
            team,
            chair.member_id(),
            "Voorzitter",
            Role::Assessor,
            None,
            me
        ),
        Err(StoreError::LastProtectedMember { .. })
    ));
    // Given access, the secretary can take over; an officer who steps down loses it.
    store
        .grant_access(
            &chair,
            gerrit,
            "molen regenjas kievit potlood",
            "molen regenjas kievit potlood",
        )
        .unwrap();
    store
        .update_member(team, gerrit, "Gerrit Bosma", Role::Assessor, None, me)
        .unwrap();
    assert!(!store
        .seal_state(team)
        .unwrap()
        .with_access
        .contains(&gerrit));
    store
        .update_member(team, gerrit, "Gerrit Bosma", Role::Secretary, None, me)
        .unwrap();
    assert!(matches!(
        store.unlock(team, gerrit, "molen regenjas kievit potlood"),
        Err(StoreError::Sealing(SealingError::NoAccess { .. }))
    ));
}
