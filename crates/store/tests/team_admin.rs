//! Who may manage a team: once a chair or secretary has a PIN (or, in a sealed team,
//! a passphrase), only an acting chair or secretary of the team may change its
//! members, set a member's first PIN or reset one, or delete it; the last of them
//! stays. Through the store's public API.

use maatstaf_core::access::{AccessError, Action};
use maatstaf_core::ledger::{Actor, Entry, EntryKind};
use maatstaf_core::team::Role;
use maatstaf_store::access::PinRefusal;
use maatstaf_store::fixtures::{demo_member, demo_team, demo_unlock};
use maatstaf_store::sealing::SealingError;
use maatstaf_store::teams::TeamDetail;
use maatstaf_store::{Store, StoreError};

use crate::support::temp_store;

const SALT: [u8; 16] = [7; 16];

/// The demo team (every chair, secretary and assessor has a PIN) and who acts in it.
struct Demo {
    team: i64,
    chair: i64,
    secretary: i64,
    assessor: i64,
}

fn demo(store: &Store) -> Demo {
    let team = demo_team(store);
    Demo {
        team,
        chair: demo_member(store, team, Role::Chair),
        secretary: demo_member(store, team, Role::Secretary),
        assessor: demo_member(store, team, Role::Assessor),
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

/// A refusal by the access rules, for `action`.
fn refused_for(err: StoreError, action: Action) -> bool {
    let name = match &err {
        StoreError::Access(
            AccessError::NobodyActing { action }
            | AccessError::RoleNotAllowed { action, .. }
            | AccessError::CliNeedsMember { action }
            | AccessError::DecisionNeeded { action }
            | AccessError::UnblindingNeeded { action },
        ) => action.as_str(),
        _ => return false,
    };
    name == action.as_str()
}

fn may_manage(store: &Store, team: i64, actor: Option<i64>) -> bool {
    store.may(team, Action::ChangeMembers, actor).unwrap()
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
    let (_dir, mut store) = temp_store();
    let team = store.create_team("Lindeveld").unwrap().id;
    assert!(!store.team_protected(team).unwrap());
    assert!(may_manage(&store, team, None));

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
    assert!(!may_manage(&store, team, None));
    assert!(!may_manage(&store, team, Some(assessor)));
    assert!(may_manage(&store, team, Some(chair)));
    let err = store
        .set_pin(team, secretary, "2580", &SALT, None)
        .unwrap_err();
    assert!(refused_for(err, Action::SetFirstPin));
    store
        .set_pin(team, secretary, "2580", &SALT, Some(chair))
        .unwrap();
    assert!(has_pin(&store, team, secretary));
}

#[test]
fn a_protected_team_refuses_member_changes_by_anyone_but_its_chair_or_secretary() {
    let (_dir, mut store) = temp_store();
    let d = demo(&store);
    let stranger = outsider(&mut store);
    assert!(store.team_protected(d.team).unwrap());
    let before = snapshot(&store, d.team);

    for actor in [None, Some(d.assessor), Some(stranger)] {
        let err = store
            .add_member(d.team, "Indringer", Role::Secretary, None, actor)
            .unwrap_err();
        assert!(refused_for(err, Action::ChangeMembers), "add by {actor:?}");
        let err = store
            .update_member(d.team, d.assessor, "Gerrit", Role::Chair, None, actor)
            .unwrap_err();
        assert!(
            refused_for(err, Action::ChangeMembers),
            "update by {actor:?}"
        );
        let err = store.remove_member(d.team, d.chair, actor).unwrap_err();
        assert!(
            refused_for(err, Action::ChangeMembers),
            "remove by {actor:?}"
        );
        assert!(!may_manage(&store, d.team, actor));
    }
    assert_eq!(
        snapshot(&store, d.team),
        before,
        "a refusal changes nothing"
    );
}

#[test]
fn the_chair_and_the_secretary_manage_members_and_the_log_names_them() {
    let (_dir, mut store) = temp_store();
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
fn in_a_protected_team_only_its_chair_or_secretary_sets_a_first_pin() {
    let (_dir, mut store) = temp_store();
    let d = demo(&store);
    // Signed in before a second secretary joins (the fixture takes the first one).
    let secretary = demo_unlock(&mut store, d.team, Role::Secretary);
    assert_eq!(secretary.member_id(), d.secretary);
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

    for (member, actor) in [None, Some(d.assessor), Some(stranger)]
        .into_iter()
        .flat_map(|a| [(new_secretary, a), (new_assessor, a)])
    {
        let err = store
            .set_pin(d.team, member, "4826", &SALT, actor)
            .unwrap_err();
        assert!(refused_for(err, Action::SetFirstPin), "{actor:?}");
    }
    assert!(!has_pin(&store, d.team, new_secretary));
    assert!(
        !has_pin(&store, d.team, new_assessor),
        "nobody takes over an assessor by typing their first PIN"
    );
    assert_eq!(
        snapshot(&store, d.team),
        before,
        "a refusal changes nothing"
    );

    // The assessor types their own PIN while the chair is signed in.
    store
        .set_pin(d.team, new_assessor, "5193", &SALT, Some(d.chair))
        .unwrap();
    assert_eq!(
        last_actor(&store, d.team),
        (EntryKind::PinSet, named(&store, d.team, d.chair))
    );
    assert_eq!(
        store.verify_pin(d.team, new_assessor, "5193").unwrap(),
        Ok(Role::Assessor)
    );
    // The demo team is sealed: a new secretary signs in with a passphrase of their
    // own, which they type while the secretary is signed in, never with a PIN.
    let before = snapshot(&store, d.team);
    assert!(matches!(
        store.set_pin(d.team, new_secretary, "4826", &SALT, Some(d.secretary)),
        Err(StoreError::Sealing(SealingError::OfficerUsesPassphrase))
    ));
    assert!(!has_pin(&store, d.team, new_secretary));
    assert_eq!(
        snapshot(&store, d.team),
        before,
        "a refusal changes nothing"
    );
    let passphrase = "kraanvogel dijkhuis wilgenblad";
    store
        .grant_access(&secretary, new_secretary, passphrase, passphrase)
        .unwrap();
    assert_eq!(
        last_actor(&store, d.team),
        (
            EntryKind::KeyAccessGranted,
            named(&store, d.team, d.secretary)
        )
    );
    let unlocked = store
        .unlock(d.team, new_secretary, passphrase)
        .unwrap()
        .unwrap();
    assert_eq!(unlocked.member_id(), new_secretary);
    assert!(matches!(
        store.verify_pin(d.team, new_secretary, "4826"),
        Err(StoreError::Sealing(SealingError::OfficerUsesPassphrase))
    ));
}

#[test]
fn the_chair_resets_a_pin_somebody_else_set_and_the_log_says_so() {
    let (_dir, mut store) = temp_store();
    let d = demo(&store);
    let before = snapshot(&store, d.team);
    for actor in [None, Some(d.assessor)] {
        let err = store.reset_pin(d.team, d.assessor, actor).unwrap_err();
        assert!(refused_for(err, Action::ResetPin), "{actor:?}");
    }
    assert_eq!(
        snapshot(&store, d.team),
        before,
        "a refusal changes nothing"
    );

    store.reset_pin(d.team, d.assessor, Some(d.chair)).unwrap();
    assert!(!has_pin(&store, d.team, d.assessor));
    assert_eq!(
        last_actor(&store, d.team),
        (EntryKind::PinReset, named(&store, d.team, d.chair))
    );
    assert_eq!(
        store.verify_pin(d.team, d.assessor, "1357").unwrap(),
        Err(PinRefusal::NotSet)
    );
    store
        .set_pin(d.team, d.assessor, "8642", &SALT, Some(d.chair))
        .unwrap();
    assert_eq!(
        store.verify_pin(d.team, d.assessor, "8642").unwrap(),
        Ok(Role::Assessor)
    );
}

#[test]
fn wrong_pins_are_counted_in_the_database_logged_and_shown_to_the_officers() {
    let dir = tempfile::tempdir().unwrap();
    let (team, assessor, chair) = {
        let mut store = Store::open_in(dir.path()).unwrap();
        let d = demo(&store);
        for _ in 0..3 {
            assert!(store
                .verify_pin(d.team, d.assessor, "0000")
                .unwrap()
                .is_err());
        }
        (d.team, d.assessor, d.chair)
    };
    // A restart of the app does not reset the count: the fourth try must wait.
    let mut store = Store::open_in(dir.path()).unwrap();
    assert!(matches!(
        store.verify_pin(team, assessor, "1357").unwrap(),
        Err(PinRefusal::Wait { seconds }) if seconds > 0
    ));
    let failed: Vec<Entry> = store
        .ledger(team)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == EntryKind::PinFailed)
        .collect();
    assert_eq!(failed.len(), 3);
    assert_eq!(failed[2].payload["failures"], 3);
    assert!(store
        .recent_pin_failures(team, Some(assessor))
        .unwrap()
        .is_empty());
    let notice = store.recent_pin_failures(team, Some(chair)).unwrap();
    assert_eq!(notice.len(), 3);
    assert_eq!(notice[0].member, "Gerrit Bosma");
}

#[test]
fn a_protected_team_is_deleted_only_by_its_chair_or_secretary() {
    let (_dir, mut store) = temp_store();
    let d = demo(&store);
    let stranger = outsider(&mut store);
    let before = snapshot(&store, d.team);
    for actor in [None, Some(d.assessor), Some(stranger)] {
        let err = store.delete_team(d.team, actor).unwrap_err();
        assert!(refused_for(err, Action::DeleteTeam), "{actor:?}");
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
    let (_dir, mut store) = temp_store();
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
            Action::ChangeMembers
        ),
        "the demoted chair no longer manages the team"
    );
}

#[test]
fn the_last_officer_with_a_passphrase_of_a_sealed_team_cannot_be_removed_or_demoted() {
    let (_dir, mut store) = temp_store();
    let (team, chair) = maatstaf_store::fixtures::sealed_team(&mut store, "Lindeveld");
    let chair_id = chair.member_id();
    assert!(store.team_protected(team).unwrap());
    let secretary = store
        .add_member(team, "Sanne", Role::Secretary, None, Some(chair_id))
        .unwrap()
        .id;
    let before = snapshot(&store, team);
    // Only the chair can open the sealed data: without them nobody could.
    let err = store
        .remove_member(team, chair_id, Some(chair_id))
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::LastProtectedMember { name } if name == "Voorzitter"),
        "{err}"
    );
    let err = store
        .update_member(
            team,
            chair_id,
            "Voorzitter",
            Role::Assessor,
            None,
            Some(chair_id),
        )
        .unwrap_err();
    assert!(
        matches!(err, StoreError::LastProtectedMember { .. }),
        "{err}"
    );
    assert_eq!(snapshot(&store, team), before, "a refusal changes nothing");

    // Once the secretary has a passphrase of their own, the chair may step down.
    let passphrase = "kraanvogel dijkhuis wilgenblad";
    store
        .grant_access(&chair, secretary, passphrase, passphrase)
        .unwrap();
    store
        .update_member(
            team,
            chair_id,
            "Voorzitter",
            Role::Assessor,
            None,
            Some(secretary),
        )
        .unwrap();
    assert!(store.team_protected(team).unwrap());
    let unlocked = store.unlock(team, secretary, passphrase).unwrap().unwrap();
    assert_eq!(unlocked.member_id(), secretary);
    assert!(matches!(
        store.remove_member(team, secretary, Some(secretary)),
        Err(StoreError::LastProtectedMember { .. })
    ));
}
