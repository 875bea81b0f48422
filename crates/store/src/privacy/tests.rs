//! Erasing, retention and closing, checked the way a committee and a candidate would.

use maatstaf_core::access::AccessError;
use maatstaf_core::i18n::Lang;
use maatstaf_core::ledger::{verify_logboek, EntryKind};
use maatstaf_core::retention::RetentionError;
use maatstaf_core::scoring::RoundView;
use maatstaf_core::team::Role;

use super::{ErasureReason, PrivacyError};
use crate::candidates::IdentityInput;
use crate::error::StoreError;
use crate::fixtures::{demo_decide, demo_member, demo_team, demo_unlock, secrets_on_disk};
use crate::Store;

fn demo() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    let team = demo_team(&store);
    (dir, store, team)
}

#[test]
fn an_erased_candidate_stays_in_the_scores_as_withdrawn_and_their_name_is_gone() {
    let (_dir, mut store, team) = demo();
    let secretary = demo_member(&store, team, Role::Secretary);
    let gerrit = demo_member(&store, team, Role::Assessor);
    // Nobody, or an assessor, may not erase; nothing changes.
    for actor in [None, Some(gerrit)] {
        assert!(matches!(
            store.erase_candidate(team, actor, "K-R4M", ErasureReason::Withdrawn),
            Err(StoreError::Access(_))
        ));
    }
    let by = demo_unlock(&mut store, team, Role::Secretary);
    assert!(store.candidate_identity(&by, "K-R4M").is_ok());

    store
        .erase_candidate(team, Some(secretary), "K-R4M", ErasureReason::Withdrawn)
        .unwrap();
    assert!(matches!(
        store.candidate_identity(&by, "K-R4M"),
        Err(StoreError::Privacy(PrivacyError::AlreadyErased { .. }))
    ));
    assert!(
        store.candidate_identity(&by, "K-7F3").is_ok(),
        "the others stay"
    );
    let list = store.candidates(team).unwrap();
    assert!(list.iter().find(|c| c.code == "K-R4M").unwrap().erased);
    let chair = demo_member(&store, team, Role::Chair);
    let RoundView::Revealed { comparison } = store.round_view(team, chair, 1).unwrap() else {
        panic!("round 1 is revealed");
    };
    let row = comparison
        .candidates
        .iter()
        .find(|r| r.code == "K-R4M")
        .unwrap();
    assert!(row.withdrawn && row.mean_total.is_some(), "scores stay");
    let html = store.comparison_html(team, chair, 1, Lang::Nl).unwrap();
    assert!(html.contains("teruggetrokken kandidaat"));
    assert!(matches!(
        store.erase_candidate(team, Some(secretary), "K-R4M", ErasureReason::Request),
        Err(StoreError::Privacy(PrivacyError::AlreadyErased { .. }))
    ));
    let entry = store
        .ledger(team)
        .unwrap()
        .into_iter()
        .find(|e| e.kind == EntryKind::CandidateErased)
        .unwrap();
    assert_eq!(entry.payload["reason"], "withdrawn");
    assert!(
        !entry.payload.to_string().contains("Kees"),
        "no name in the log"
    );
}

#[test]
fn the_retention_date_follows_the_decision_and_moves_only_by_the_chair_with_a_reason() {
    let (_dir, mut store, team) = demo();
    assert_eq!(store.retention(team).unwrap().retain_until, None);
    demo_decide(&mut store, team);
    let r = store.retention(team).unwrap();
    let in_four_weeks =
        maatstaf_core::retention::format_date(crate::clock::today() + time::Duration::days(28));
    assert_eq!(r.retain_until.as_deref(), Some(in_four_weeks.as_str()));
    assert!(!r.chosen && !r.overdue);

    let chair = demo_member(&store, team, Role::Chair);
    let secretary = demo_member(&store, team, Role::Secretary);
    assert!(matches!(
        store.set_retention(team, Some(chair), "2020-01-01", "toestemming"),
        Err(StoreError::Retention(RetentionError::InThePast { .. }))
    ));
    let later =
        maatstaf_core::retention::format_date(crate::clock::today() + time::Duration::days(90));
    assert!(matches!(
        store.set_retention(team, Some(secretary), &later, "toestemming"),
        Err(StoreError::Access(AccessError::RoleNotAllowed { .. }))
    ));
    assert_eq!(store.retention(team).unwrap(), r, "refusals change nothing");
    let set = store
        .set_retention(team, Some(chair), &later, "kandidaten gaven toestemming")
        .unwrap();
    assert_eq!(set.retain_until.as_deref(), Some(later.as_str()));
    assert!(set.chosen);
}

#[test]
fn closing_waits_for_the_decision_then_keeps_scores_and_log_and_erases_the_rest() {
    let (dir, mut store, team) = demo();
    let chair = demo_member(&store, team, Role::Chair);
    assert!(matches!(
        store.close_formation(team, Some(chair), true),
        Err(StoreError::Access(AccessError::DecisionNeeded { .. }))
    ));
    demo_decide(&mut store, team);
    // A copy an earlier migration left next to the database.
    let backup = dir
        .path()
        .join(format!("{}.v8-20261101T090000Z.bak", crate::DB_FILE));
    std::fs::write(&backup, b"Kees Brouwer").unwrap();
    assert_eq!(store.backups().unwrap(), vec![backup.clone()]);

    let report = store.close_formation(team, Some(chair), true).unwrap();
    assert_eq!(report.kept, vec!["K-7F3".to_owned()]);
    assert_eq!(report.identities_erased, 2);
    assert!(report.texts_erased >= 3);
    assert_eq!(report.backups_removed.len(), 1);
    assert!(!backup.exists());

    let by = demo_unlock(&mut store, team, Role::Chair);
    assert!(
        store.candidate_identity(&by, "K-7F3").is_ok(),
        "the appointed name stays"
    );
    assert!(matches!(
        store.candidate_identity(&by, "K-2XH"),
        Err(StoreError::Privacy(PrivacyError::Closed))
    ));
    // What committees review still works.
    assert!(store.comparison_html(team, chair, 1, Lang::Nl).is_ok());
    assert!(!store
        .consistency_view(team, Lang::Nl)
        .unwrap()
        .records
        .is_empty());
    let fingerprint = store.seal_state(team).unwrap().fingerprint.unwrap();
    let bytes = store.export_logboek(&by, false, Vec::new()).unwrap();
    let v = verify_logboek(&bytes, Some(&fingerprint));
    assert!(v.intact, "{:?}", v.problem);
    // No new candidates, no second closing.
    let none = IdentityInput {
        name: "Nieuw".into(),
        ..IdentityInput::default()
    };
    assert!(matches!(
        store.add_candidate(&by, &none, &[]),
        Err(StoreError::Privacy(PrivacyError::Closed))
    ));
    assert!(matches!(
        store.close_formation(team, Some(chair), false),
        Err(StoreError::Privacy(PrivacyError::Closed))
    ));
    let closed = store
        .ledger(team)
        .unwrap()
        .into_iter()
        .find(|e| e.kind == EntryKind::FormationClosed)
        .unwrap();
    assert_eq!(closed.payload["identities_purged"], 2);
    assert!(store.retention(team).unwrap().closed_at.is_some());
}

#[test]
fn closing_a_team_from_before_sealing_leaves_no_plain_name_or_text_in_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let team = store.create_team("Gemeente Oudstad").unwrap().id;
    let chair = store
        .add_member(team, "Anneke", Role::Chair, None, None)
        .unwrap()
        .id;
    store.set_pin(team, chair, "1470", &[3; 16], None).unwrap();
    store
        .conn
        .execute_batch(&format!(
            "INSERT INTO candidates (team_id, code, created_at) VALUES ({team}, 'K-OLD', '2026-03-01T10:00:00Z');
             INSERT INTO candidate_identities (candidate_id, name, birth_date)
                 VALUES (last_insert_rowid(), 'Wilhelmina Zwanenburg', '1987-03-14');
             INSERT INTO candidate_material (candidate_id, kind, original_text, created_at)
                 SELECT id, 'motivation', 'Het zwembadconflict loste ik op.', '2026-03-01T10:00:00Z'
                 FROM candidates WHERE code = 'K-OLD';
             INSERT INTO selection_states (team_id, state, changed_at) VALUES ({team},
                 '{{\"decision\":{{\"round\":1,\"choices\":[],\"recorded_by\":\"{chair}\",\"at\":\"2026-03-05T10:00:00Z\"}}}}', '2026-03-05T10:00:00Z');"
        ))
        .unwrap();
    let secrets = ["Wilhelmina Zwanenburg", "1987-03-14", "zwembadconflict"];
    assert!(
        !secrets_on_disk(dir.path(), &secrets).is_empty(),
        "the test data is there"
    );
    let report = store.close_formation(team, Some(chair), false).unwrap();
    assert_eq!(report.identities_erased, 1);
    assert_eq!(secrets_on_disk(dir.path(), &secrets), Vec::<String>::new());
    drop(store);
    assert_eq!(secrets_on_disk(dir.path(), &secrets), Vec::<String>::new());
}

#[test]
fn closing_deletes_the_exports_the_chair_chose_and_reports_them() {
    use crate::exports::ExportKind;
    let (dir, mut store, team) = demo();
    let chair = demo_member(&store, team, Role::Chair);
    demo_decide(&mut store, team);
    let file = |name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, "Kees Brouwer").unwrap();
        path.display().to_string()
    };
    let copy = store
        .record_export(team, ExportKind::PersonalCopy, &file("K-7F3.html"))
        .unwrap();
    let rubric = store
        .record_export(team, ExportKind::Rubric, &file("rubriek.toml"))
        .unwrap();
    // An id that is not the team's refuses the whole step: nothing is closed.
    assert!(matches!(
        store.close_formation_deleting(team, Some(chair), false, &[copy.id, rubric.id + 99]),
        Err(StoreError::Privacy(PrivacyError::UnknownFile))
    ));
    assert!(store.retention(team).unwrap().closed_at.is_none());
    assert!(std::path::Path::new(&copy.path).exists());

    let report = store
        .close_formation_deleting(team, Some(chair), false, &[copy.id])
        .unwrap();
    assert_eq!(report.files_deleted.len(), 1);
    assert_eq!(report.files_deleted[0].kind, Some(ExportKind::PersonalCopy));
    assert!(!std::path::Path::new(&copy.path).exists());
    assert!(std::path::Path::new(&rubric.path).exists());
    let kinds: Vec<_> = store
        .exports(team)
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, vec![ExportKind::Rubric]);
}
