//! Who may manage a team: once a chair or secretary has a PIN, only an acting chair
//! or secretary of the team may change its members, set the first PIN of a chair or
//! secretary, or delete it; the last of them stays. Through the store's public API.

use maatstaf_core::ledger::{Actor, Entry, EntryKind};
use maatstaf_core::team::Role;
use maatstaf_store::scoring::ScoringStoreError;
use maatstaf_store::teams::{AdminAction, TeamDetail};
use maatstaf_store::{Store, StoreError};

const SALT: [u8; 16] = [7; 16];

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    (dir, store)
}

/// The demo team (every chair, secretary and assessor has a PIN) and who acts in it.
struct Demo {
    team: i64,
    chair: i64,
    secretary: i64,
    assessor: i64,
}

fn demo(store: &Store) -> Demo {
    let team = store.list_teams().unwrap()[0].id;
    let members = store.team_detail(team).unwrap().members;
    let first = |role: Role| members.iter().find(|m| m.role == role).unwrap().id;
    Demo {
        team,
        chair: first(Role::Chair),
        secretary: first(Role::Secretary),
        assessor: first(Role::Assessor),
    }
}

/// A chair of another team, with a PIN: who acts there has no say here.
fn outsider(store: &mut Store) -> i64 {
    let other = store.create_team("Ander team").unwrap().id;
    let chair = store
        .add_member(other, "Buitenstaander", Role::Chair, None, None)
        .unwrap()
        .id;
    store.set_pin(other, chair, "9137", &SALT, None).unwrap();
    chair
}

fn snapshot(store: &Store, team: i64) -> (TeamDetail, Vec<Entry>) {
    (
        store.team_detail(team).unwrap(),
        store.ledger(team).unwrap(),
    )
}

fn has_pin(store: &Store, team: i64, member: i64) -> bool {
    store
        .scoring_members(team)
        .unwrap()
        .iter()
        .any(|m| m.id == member && m.has_pin)
}

fn refused_for(err: StoreError, action: AdminAction) -> bool {
    matches!(err, StoreError::TeamAdminRequired(a) if a == action)
}

fn last_actor(store: &Store, team: i64) -> (EntryKind, Actor) {
    let entry = store.ledger(team).unwrap().pop().unwrap();
    (entry.kind, entry.actor)
}

fn named(store: &Store, team: i64, member: i64) -> Actor {
    let m = store.team_detail(team).unwrap().members;
    let m = m.iter().find(|m| m.id == member).unwrap();
    Actor::member(member.to_string(), m.name.clone())
}

#[test]
fn a_new_team_gets_its_chair_and_secretary_from_anyone() {
    let (_dir, mut store) = open();
    let team = store.create_team("Lindeveld").unwrap().id;
    assert!(!store.team_protected(team).unwrap());
    assert!(store.may_manage_team(team, None).unwrap());

    let chair = store
        .add_member(team, "Anneke", Role::Chair, None, None)
        .unwrap()
        .id;
    assert_eq!(
        last_actor(&store, team),
        (EntryKind::MemberAdded, Actor::System),
        "nobody acts: the log says so"
    );
    let assessor = store
        .add_member(team, "Gerrit", Role::Assessor, None, None)
        .unwrap()
        .id;
    store.set_pin(team, assessor, "1357", &SALT, None).unwrap();
    assert!(
        !store.team_protected(team).unwrap(),
        "an assessor's PIN protects nothing"
    );
    // Before the team is protected, whoever acts is named in the log.
    let secretary = store
        .add_member(team, "Sanne", Role::Secretary, None, Some(assessor))
        .unwrap()
        .id;
    assert_eq!(
        last_actor(&store, team),
        (EntryKind::MemberAdded, named(&store, team, assessor))
    );

    // The chair's first PIN needs nobody yet: it is what protects the team.
    store.set_pin(team, chair, "1470", &SALT, None).unwrap();
    assert!(store.team_protected(team).unwrap());
    assert!(!store.may_manage_team(team, None).unwrap());
    assert!(!store.may_manage_team(team, Some(assessor)).unwrap());
    assert!(store.may_manage_team(team, Some(chair)).unwrap());
    let err = store
        .set_pin(team, secretary, "2580", &SALT, None)
        .unwrap_err();
    assert!(
        matches!(
            err,
            ScoringStoreError::Store(StoreError::TeamAdminRequired(AdminAction::ProtectedPin))
        ),
        "{err}"
    );
    store
        .set_pin(team, secretary, "2580", &SALT, Some(chair))
        .unwrap();
    assert!(has_pin(&store, team, secretary));
}

#[test]
fn a_protected_team_refuses_member_changes_by_anyone_but_its_chair_or_secretary() {
    let (_dir, mut store) = open();
    let d = demo(&store);
    let stranger = outsider(&mut store);
    assert!(store.team_protected(d.team).unwrap());
    let before = snapshot(&store, d.team);

    for actor in [None, Some(d.assessor), Some(stranger)] {
        let err = store
            .add_member(d.team, "Indringer", Role::Secretary, None, actor)
            .unwrap_err();
        assert!(refused_for(err, AdminAction::Members), "add by {actor:?}");
        let err = store
            .update_member(d.team, d.assessor, "Gerrit", Role::Chair, None, actor)
            .unwrap_err();
        assert!(
            refused_for(err, AdminAction::Members),
            "update by {actor:?}"
        );
        let err = store.remove_member(d.team, d.chair, actor).unwrap_err();
        assert!(
            refused_for(err, AdminAction::Members),
            "remove by {actor:?}"
        );
        assert!(!store.may_manage_team(d.team, actor).unwrap());
    }
    assert_eq!(
        snapshot(&store, d.team),
        before,
        "a refusal changes nothing"
    );
}

#[test]
fn the_chair_and_the_secretary_manage_members_and_the_log_names_them() {
    let (_dir, mut store) = open();
    let d = demo(&store);

    let added = store
        .add_member(d.team, "Nieuw lid", Role::Assessor, None, Some(d.chair))
        .unwrap();
    assert_eq!(
        last_actor(&store, d.team),
        (EntryKind::MemberAdded, named(&store, d.team, d.chair))
    );
    store
        .update_member(
            d.team,
            added.id,
            "Nieuw lid",
            Role::Committee,
            Some("Lokaal Belang"),
            Some(d.secretary),
        )
        .unwrap();
    assert_eq!(
        last_actor(&store, d.team),
        (EntryKind::MemberChanged, named(&store, d.team, d.secretary))
    );
    let secretary = named(&store, d.team, d.secretary);
    store
        .remove_member(d.team, added.id, Some(d.secretary))
        .unwrap();
    assert_eq!(
        last_actor(&store, d.team),
        (EntryKind::MemberRemoved, secretary)
    );
    assert!(!store
        .team_detail(d.team)
        .unwrap()
        .members
        .iter()
        .any(|m| m.id == added.id));
    assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));
}

#[test]
fn in_a_protected_team_only_its_chair_or_secretary_sets_a_first_pin_for_those_roles() {
    let (_dir, mut store) = open();
    let d = demo(&store);
    let stranger = outsider(&mut store);
    let new_secretary = store
        .add_member(
            d.team,
            "Tweede secretaris",
            Role::Secretary,
            None,
            Some(d.chair),
        )
        .unwrap()
        .id;
    let new_assessor = store
        .add_member(
            d.team,
            "Nieuwe beoordelaar",
            Role::Assessor,
            None,
            Some(d.chair),
        )
        .unwrap()
        .id;
    let before = snapshot(&store, d.team);

    for actor in [None, Some(d.assessor), Some(stranger)] {
        let err = store
            .set_pin(d.team, new_secretary, "4826", &SALT, actor)
            .unwrap_err();
        assert!(
            matches!(
                err,
                ScoringStoreError::Store(StoreError::TeamAdminRequired(AdminAction::ProtectedPin))
            ),
            "{actor:?}: {err}"
        );
    }
    assert!(!has_pin(&store, d.team, new_secretary));
    assert_eq!(
        snapshot(&store, d.team),
        before,
        "a refusal changes nothing"
    );

    // An assessor starts by setting their own PIN, with nobody acting.
    store
        .set_pin(d.team, new_assessor, "5193", &SALT, None)
        .unwrap();
    assert!(has_pin(&store, d.team, new_assessor));
    store
        .set_pin(d.team, new_secretary, "4826", &SALT, Some(d.secretary))
        .unwrap();
    assert!(store
        .check_member_pin(d.team, new_secretary, "4826")
        .unwrap());
}

#[test]
fn a_protected_team_is_deleted_only_by_its_chair_or_secretary() {
    let (_dir, mut store) = open();
    let d = demo(&store);
    let stranger = outsider(&mut store);
    let before = snapshot(&store, d.team);
    for actor in [None, Some(d.assessor), Some(stranger)] {
        let err = store.delete_team(d.team, actor).unwrap_err();
        assert!(refused_for(err, AdminAction::DeleteTeam), "{actor:?}");
    }
    assert_eq!(
        snapshot(&store, d.team),
        before,
        "a refusal changes nothing"
    );
    assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));

    store.delete_team(d.team, Some(d.secretary)).unwrap();
    assert!(matches!(store.team(d.team), Err(StoreError::NoSuchTeam(_))));
    // A team nobody protects yet is deleted by anyone.
    let team = store.create_team("Proef").unwrap().id;
    store
        .add_member(team, "Voorzitter zonder pincode", Role::Chair, None, None)
        .unwrap();
    store.delete_team(team, None).unwrap();
    assert!(store.team(team).is_err());
}

#[test]
fn the_last_chair_or_secretary_with_a_pin_cannot_be_removed_or_demoted() {
    let (_dir, mut store) = open();
    let team = store.create_team("Lindeveld").unwrap().id;
    let chair = store
        .add_member(team, "Anneke", Role::Chair, None, None)
        .unwrap()
        .id;
    store.set_pin(team, chair, "1470", &SALT, None).unwrap();
    let secretary = store
        .add_member(team, "Sanne", Role::Secretary, None, Some(chair))
        .unwrap()
        .id;
    let before = snapshot(&store, team);

    let err = store.remove_member(team, chair, Some(chair)).unwrap_err();
    assert!(
        matches!(&err, StoreError::LastProtectedMember { name } if name == "Anneke"),
        "{err}"
    );
    let err = store
        .update_member(team, chair, "Anneke", Role::Assessor, None, Some(chair))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::LastProtectedMember { .. }),
        "{err}"
    );
    assert_eq!(snapshot(&store, team), before, "a refusal changes nothing");

    // A secretary without a PIN protects nothing: they go freely.
    store.remove_member(team, secretary, Some(chair)).unwrap();
    // Chair to secretary keeps the team protected; renaming is no demotion.
    store
        .update_member(
            team,
            chair,
            "Anneke de Wit",
            Role::Secretary,
            None,
            Some(chair),
        )
        .unwrap();
    assert!(store.team_protected(team).unwrap());

    // With a second one holding a PIN, the first may step down.
    let chair2 = store
        .add_member(team, "Piet", Role::Chair, None, Some(chair))
        .unwrap()
        .id;
    store
        .set_pin(team, chair2, "8024", &SALT, Some(chair))
        .unwrap();
    store
        .update_member(
            team,
            chair,
            "Anneke de Wit",
            Role::Assessor,
            None,
            Some(chair2),
        )
        .unwrap();
    assert!(matches!(
        store.remove_member(team, chair2, Some(chair2)),
        Err(StoreError::LastProtectedMember { .. })
    ));
    assert!(
        refused_for(
            store.remove_member(team, chair2, Some(chair)).unwrap_err(),
            AdminAction::Members
        ),
        "the demoted chair no longer manages the team"
    );
}
