//! Two laptops in one test: the team's (the demo team, its open round 2 finished, round 3 open) and Marloes's own.

use maatstaf_core::ledger::{verify_logboek, EntryKind};
use maatstaf_core::package::{check_assessor, Envelope, PackageError, PackageKind};
use maatstaf_core::scoring::{RoundView, Score};
use maatstaf_core::team::Role;

use super::{AssignmentError, Received};
use crate::error::StoreError;
use crate::fixtures::{demo_member, demo_team, demo_unlock};
use crate::scoring::exchange::PackageImport;
use crate::Store;

const OWN_PASSPHRASE: &str = "zandduin lepelaar fietsbel winterpeen";
const NOTE: &str = "Marloes thuis: vat beide standpunten helder samen";

struct Laptops {
    _team_dir: tempfile::TempDir,
    team: Store,
    team_id: i64,
    marloes: i64,
    _own_dir: tempfile::TempDir,
    own: Store,
}

fn member(store: &Store, team: i64, name: &str) -> i64 {
    store.find_member(team, name).unwrap().unwrap().id
}

fn laptops() -> Laptops {
    let team_dir = tempfile::tempdir().unwrap();
    let mut team = Store::open_in(team_dir.path()).unwrap();
    let team_id = demo_team(&team);
    let chair = demo_member(&team, team_id, Role::Chair);
    crate::fixtures::demo_finish_open_round(&mut team, team_id);
    assert_eq!(team.open_next_round(team_id, chair).unwrap(), 3);
    let marloes = member(&team, team_id, "Marloes Kuipers");
    let own_dir = tempfile::tempdir().unwrap();
    let own = Store::open_in(own_dir.path()).unwrap();
    Laptops {
        _team_dir: team_dir,
        team,
        team_id,
        marloes,
        _own_dir: own_dir,
        own,
    }
}

fn round_package(l: &mut Laptops) -> Vec<u8> {
    let secretary = demo_unlock(&mut l.team, l.team_id, Role::Secretary);
    l.team
        .write_round_package(&secretary, 3, l.marloes)
        .unwrap()
        .bytes
}

/// Imports the round package on Marloes's laptop and scores every cell with her
/// level of round 1 (so no reasons are needed).
fn score_at_home(l: &mut Laptops) -> i64 {
    let bytes = round_package(l);
    let Received::Assignment { summary } = l
        .own
        .receive_package(&bytes, Some((OWN_PASSPHRASE, OWN_PASSPHRASE)))
        .unwrap()
    else {
        panic!("a round package becomes an assignment");
    };
    let id = summary.id.unwrap();
    let view = l.own.assignment(id).unwrap();
    let previous = view
        .previous
        .clone()
        .expect("her round 1 sheet travels along");
    let RoundView::Scoring { work, .. } = view.view else {
        panic!("she scores");
    };
    for cell in work.cells {
        let level = previous
            .score(&cell.candidate, &cell.criterion)
            .unwrap()
            .level;
        l.own
            .assignment_save_score(
                id,
                Score {
                    candidate: cell.candidate,
                    criterion: cell.criterion,
                    level,
                    evidence: NOTE.into(),
                    reason: None,
                },
            )
            .unwrap();
    }
    id
}

fn submit_at_home(l: &mut Laptops) -> Vec<u8> {
    let id = score_at_home(l);
    l.own.assignment_submit(id, OWN_PASSPHRASE).unwrap();
    l.own.assignment_score_package(id).unwrap().bytes
}

fn submit_on_team_laptop(l: &mut Laptops, name: &str) {
    let who = member(&l.team, l.team_id, name);
    crate::fixtures::fill_from_previous(&mut l.team, l.team_id, who, 3, "op de teamlaptop");
    l.team.submit_sheet(l.team_id, who, 3).unwrap();
}

fn import(l: &mut Laptops, bytes: &[u8]) -> Result<PackageImport, StoreError> {
    let secretary = demo_unlock(&mut l.team, l.team_id, Role::Secretary);
    l.team.import_team_package(&secretary, bytes)
}

fn package_error(result: Result<PackageImport, StoreError>) -> PackageError {
    match result {
        Err(StoreError::Package(e)) => e,
        other => panic!("expected a package refusal, got {other:?}"),
    }
}

#[test]
fn a_sheet_scored_at_home_joins_the_round_and_its_signature_enters_the_log() {
    let mut l = laptops();
    let bytes = round_package(&mut l);
    // First import: the assessor has no personal key yet, nothing is stored.
    let Received::NeedsKey { preview } = l.own.receive_package(&bytes, None).unwrap() else {
        panic!("a key is needed first");
    };
    assert_eq!(preview.assessor_name, "Marloes Kuipers");
    assert!(!preview.team_known);
    assert!(l.own.assignments().unwrap().is_empty());

    let package = submit_at_home(&mut l);
    let text = String::from_utf8_lossy(&package);
    assert!(!text.contains(NOTE), "no evidence note in the clear");
    assert!(!text.contains("\"level\""), "no level in the clear");
    assert!(!text.contains("Sanne Hoekstra") && !text.contains("Kees Brouwer"));
    // The round package holds no identity either.
    let round_text = String::from_utf8_lossy(&bytes);
    assert!(!round_text.contains("Sanne Hoekstra") && !round_text.contains("Joke van der"));

    let PackageImport::Merged {
        key_registered,
        fingerprint,
        ..
    } = import(&mut l, &package).unwrap()
    else {
        panic!("merged");
    };
    assert!(key_registered);
    assert_eq!(
        import(&mut l, &package).unwrap(),
        PackageImport::AlreadyImported {
            round: 3,
            assessor: "Marloes Kuipers".into()
        }
    );
    let status = l
        .team
        .exchange_status(l.team_id, demo_member(&l.team, l.team_id, Role::Chair), 3)
        .unwrap();
    let row = status
        .assessors
        .iter()
        .find(|a| a.member_id == l.marloes)
        .unwrap();
    assert!(row.package_imported);
    assert_eq!(row.fingerprint.as_deref(), Some(fingerprint.as_str()));

    submit_on_team_laptop(&mut l, "Gerrit Bosma");
    submit_on_team_laptop(&mut l, "Priya Ramdin");
    let chair = demo_member(&l.team, l.team_id, Role::Chair);
    l.team.reveal_round(l.team_id, chair, 3).unwrap();
    let RoundView::Revealed { comparison } = l.team.round_view(l.team_id, chair, 3).unwrap() else {
        panic!("revealed");
    };
    assert!(comparison.assessors.iter().all(|a| a.submitted));

    let opened = l
        .team
        .ledger(l.team_id)
        .unwrap()
        .into_iter()
        .find(|e| e.kind == EntryKind::ScorePackageOpened)
        .expect("the signed sheet is in the log at the reveal");
    let signed: Envelope = serde_json::from_value(opened.payload["signed_sheet"].clone()).unwrap();
    signed.verify().unwrap();
    assert_eq!(signed.fingerprint().unwrap().as_str(), fingerprint);
    assert_eq!(signed.kind, PackageKind::Sheet);

    let officer = demo_unlock(&mut l.team, l.team_id, Role::Chair);
    let logboek = l.team.export_logboek(&officer, false, vec![]).unwrap();
    assert!(verify_logboek(&logboek, None).passed());

    // The reveal package brings the comparison sheet to her laptop.
    let reveal = l.team.write_reveal_package(&officer, 3).unwrap().bytes;
    let Received::Reveal { summary } = l.own.receive_package(&reveal, None).unwrap() else {
        panic!("a reveal package");
    };
    let view = l.own.assignment(summary.id.unwrap()).unwrap();
    assert_eq!(view.comparison.unwrap().round, 3);
}

#[test]
fn a_refused_package_changes_nothing() {
    let mut l = laptops();
    let package = submit_at_home(&mut l);
    let log_before = l.team.ledger(l.team_id).unwrap().len();

    let mut flipped = package.clone();
    let at = flipped.len() / 2;
    flipped[at] ^= 0x02;
    assert!(matches!(
        package_error(import(&mut l, &flipped)),
        PackageError::BadSignature | PackageError::Unreadable
    ));
    assert_eq!(
        package_error(import(&mut l, &package[..package.len() - 40])),
        PackageError::Unreadable
    );
    let round = round_package(&mut l);
    let log_before = log_before + 1; // writing a round package is logged
    assert_eq!(
        package_error(import(&mut l, &round)),
        PackageError::WrongKind {
            expected: PackageKind::Score,
            found: PackageKind::Round
        }
    );
    // The same body signed by someone else's key.
    let envelope = Envelope::read(&package).unwrap();
    let stranger = maatstaf_core::ledger::signing_key_from_seed([3; 32]);
    let forged = Envelope::sign(PackageKind::Score, &envelope.body, &stranger).to_bytes();
    assert_eq!(
        package_error(import(&mut l, &forged)),
        PackageError::Inconsistent,
        "the inside is signed by Marloes, the outside by a stranger"
    );

    assert_eq!(l.team.ledger(l.team_id).unwrap().len(), log_before);
    let marloes_view = l.team.round_view(l.team_id, l.marloes, 3).unwrap();
    let RoundView::Scoring { work, progress, .. } = marloes_view else {
        panic!("still scoring");
    };
    assert!(work.sheet.is_none());
    assert_eq!(progress.submitted, 0);

    // Once revealed, no package comes in any more.
    import(&mut l, &package).unwrap();
    submit_on_team_laptop(&mut l, "Gerrit Bosma");
    submit_on_team_laptop(&mut l, "Priya Ramdin");
    let chair = demo_member(&l.team, l.team_id, Role::Chair);
    l.team.reveal_round(l.team_id, chair, 3).unwrap();
    let second = {
        let id = l.own.assignments().unwrap()[0].id.unwrap();
        l.own.assignment_score_package(id).unwrap().bytes
    };
    assert_eq!(
        import(&mut l, &second).unwrap(),
        PackageImport::AlreadyImported {
            round: 3,
            assessor: "Marloes Kuipers".into()
        }
    );
}

#[test]
fn a_package_for_another_team_or_from_a_changed_key_is_refused() {
    let mut l = laptops();
    let package = submit_at_home(&mut l);

    // Another team on the same laptop.
    let (other, other_unlock) = crate::fixtures::sealed_team(&mut l.team, "Andere formatie");
    let _ = other;
    assert_eq!(
        package_error(l.team.import_team_package(&other_unlock, &package)),
        PackageError::OtherTeam
    );

    // Marloes's key is registered by a key file; a package from a second laptop with a
    // new key for her is then refused.
    let id = l.own.assignments().unwrap()[0].id.unwrap();
    assert!(matches!(
        l.own.assignment_introduction(id, "niet mijn wachtwoordzin"),
        Err(StoreError::Assignment(AssignmentError::WrongPassphrase))
    ));
    let key_file = l
        .own
        .assignment_introduction(id, OWN_PASSPHRASE)
        .unwrap()
        .bytes;
    assert!(matches!(
        import(&mut l, &key_file).unwrap(),
        PackageImport::KeyRegistered { .. }
    ));
    let second_dir = tempfile::tempdir().unwrap();
    let mut second = Store::open_in(second_dir.path()).unwrap();
    let bytes = round_package(&mut l);
    let Received::Assignment { summary } = second
        .receive_package(
            &bytes,
            Some((
                "een heel andere zin voor later",
                "een heel andere zin voor later",
            )),
        )
        .unwrap()
    else {
        panic!("assignment");
    };
    let other_id = summary.id.unwrap();
    let view = second.assignment(other_id).unwrap();
    let previous = view.previous.unwrap();
    let RoundView::Scoring { work, .. } = view.view else {
        panic!()
    };
    for cell in work.cells {
        let level = previous
            .score(&cell.candidate, &cell.criterion)
            .unwrap()
            .level;
        second
            .assignment_save_score(
                other_id,
                Score {
                    candidate: cell.candidate,
                    criterion: cell.criterion,
                    level,
                    evidence: "tweede laptop".into(),
                    reason: None,
                },
            )
            .unwrap();
    }
    second
        .assignment_submit(other_id, "een heel andere zin voor later")
        .unwrap();
    let from_second = second.assignment_score_package(other_id).unwrap().bytes;
    assert_eq!(
        package_error(import(&mut l, &from_second)),
        PackageError::ChangedAssessorKey
    );
    assert!(matches!(
        import(&mut l, &package).unwrap(),
        PackageImport::Merged {
            key_registered: false,
            ..
        }
    ));
}

#[test]
fn a_second_different_sheet_waits_for_the_chairs_choice_with_a_reason() {
    let mut l = laptops();
    let package = submit_at_home(&mut l);
    // Marloes also scored on the team's laptop.
    submit_on_team_laptop(&mut l, "Marloes Kuipers");
    assert_eq!(
        import(&mut l, &package).unwrap(),
        PackageImport::Conflict {
            round: 3,
            assessor: "Marloes Kuipers".into()
        }
    );
    let chair_id = demo_member(&l.team, l.team_id, Role::Chair);
    let status = l.team.exchange_status(l.team_id, chair_id, 3).unwrap();
    let conflict = &status.conflicts[0];
    assert!(!conflict.current_from_package);
    // The secretary does not see the choice; the chair does.
    let secretary_id = demo_member(&l.team, l.team_id, Role::Secretary);
    assert!(l
        .team
        .exchange_status(l.team_id, secretary_id, 3)
        .unwrap()
        .conflicts
        .is_empty());

    let chair = demo_unlock(&mut l.team, l.team_id, Role::Chair);
    assert!(matches!(
        l.team
            .resolve_package_conflict(&chair, conflict.package_id, true, "  "),
        Err(StoreError::Package(PackageError::ReasonRequired))
    ));
    l.team
        .resolve_package_conflict(
            &chair,
            conflict.package_id,
            true,
            "Thuis zorgvuldiger ingevuld",
        )
        .unwrap();
    assert!(matches!(
        l.team
            .resolve_package_conflict(&chair, conflict.package_id, false, "nog eens"),
        Err(StoreError::Package(PackageError::AlreadyResolved))
    ));
    let RoundView::Scoring { work, .. } = l.team.round_view(l.team_id, l.marloes, 3).unwrap()
    else {
        panic!("scoring");
    };
    let sheet = work.sheet.unwrap();
    assert!(sheet.scores().iter().all(|s| s.evidence == NOTE));
    let log = l.team.ledger(l.team_id).unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.kind, EntryKind::PackageConflictResolved);
    assert_eq!(last.payload["reason"], "Thuis zorgvuldiger ingevuld");
    // Taking the package registered Marloes's key, and the log says so.
    assert!(
        log.iter()
            .any(|e| e.kind == EntryKind::AssessorKeyRegistered
                && e.payload["via"] == "score_package")
    );
}

#[test]
fn a_tie_declared_at_home_excludes_there_and_is_recorded_at_the_team() {
    let mut l = laptops();
    let bytes = round_package(&mut l);
    let Received::Assignment { summary } = l
        .own
        .receive_package(&bytes, Some((OWN_PASSPHRASE, OWN_PASSPHRASE)))
        .unwrap()
    else {
        panic!()
    };
    let id = summary.id.unwrap();
    l.own
        .assignment_declare(
            id,
            "K-R4M",
            maatstaf_core::assessor::ConflictKind::Family,
            None,
        )
        .unwrap();
    let view = l.own.assignment(id).unwrap();
    let RoundView::Scoring { work, .. } = view.view else {
        panic!()
    };
    assert_eq!(work.excluded, vec!["K-R4M".to_owned()]);
    assert!(work.cells.iter().all(|c| c.candidate != "K-R4M"));
    let previous = view.previous.unwrap();
    for cell in work.cells {
        let level = previous
            .score(&cell.candidate, &cell.criterion)
            .unwrap()
            .level;
        l.own
            .assignment_save_score(
                id,
                Score {
                    candidate: cell.candidate,
                    criterion: cell.criterion,
                    level,
                    evidence: NOTE.into(),
                    reason: None,
                },
            )
            .unwrap();
    }
    l.own.assignment_submit(id, OWN_PASSPHRASE).unwrap();
    assert!(matches!(
        l.own.assignment_declare(
            id,
            "K-2XH",
            maatstaf_core::assessor::ConflictKind::Family,
            None
        ),
        Err(StoreError::Assignment(AssignmentError::Submitted))
    ));
    let package = l.own.assignment_score_package(id).unwrap().bytes;
    assert!(matches!(
        import(&mut l, &package).unwrap(),
        PackageImport::Merged { .. }
    ));
    let RoundView::Scoring { work, .. } = l.team.round_view(l.team_id, l.marloes, 3).unwrap()
    else {
        panic!()
    };
    assert_eq!(work.excluded, vec!["K-R4M".to_owned()]);
}

#[test]
fn a_lost_passphrase_needs_a_new_key_that_the_team_takes_only_after_the_chair_revoked_the_old() {
    let mut l = laptops();
    let id = score_at_home(&mut l);
    let old_key = l.own.assignment_introduction(id, OWN_PASSPHRASE).unwrap();
    let old_fingerprint = Envelope::read(&old_key.bytes)
        .unwrap()
        .fingerprint()
        .unwrap();
    assert!(matches!(
        import(&mut l, &old_key.bytes).unwrap(),
        PackageImport::KeyRegistered { .. }
    ));

    // Marloes forgot her passphrase: a refused new one keeps the old key, a good one
    // replaces it, and the old passphrase opens nothing any more.
    const NEW: &str = "kwelder zeekraal ooievaar dakgoot";
    assert!(matches!(
        l.own.assignment_new_key(id, NEW, "iets anders"),
        Err(StoreError::Sealing(_))
    ));
    assert!(l.own.assignment_introduction(id, OWN_PASSPHRASE).is_ok());
    let new_key = l.own.assignment_new_key(id, NEW, NEW).unwrap();
    let new_fingerprint = Envelope::read(&new_key.bytes)
        .unwrap()
        .fingerprint()
        .unwrap();
    assert_ne!(new_fingerprint, old_fingerprint);
    assert!(matches!(
        l.own.assignment_submit(id, OWN_PASSPHRASE),
        Err(StoreError::Assignment(AssignmentError::WrongPassphrase))
    ));

    // The team refuses the new key until the chair revokes the old one, with a reason.
    let before = l.team.ledger(l.team_id).unwrap().len();
    assert_eq!(
        package_error(import(&mut l, &new_key.bytes)),
        PackageError::ChangedAssessorKey
    );
    let secretary = demo_unlock(&mut l.team, l.team_id, Role::Secretary);
    assert!(matches!(
        l.team.revoke_assessor_key(&secretary, l.marloes, "kwijt"),
        Err(StoreError::Access(_))
    ));
    let chair = demo_unlock(&mut l.team, l.team_id, Role::Chair);
    assert!(matches!(
        l.team.revoke_assessor_key(&chair, l.marloes, "  "),
        Err(StoreError::Package(PackageError::RevocationReasonRequired))
    ));
    let gerrit = member(&l.team, l.team_id, "Gerrit Bosma");
    assert!(matches!(
        l.team.revoke_assessor_key(&chair, gerrit, "geen sleutel"),
        Err(StoreError::Package(PackageError::NoRegisteredKey))
    ));
    assert_eq!(l.team.ledger(l.team_id).unwrap().len(), before);
    l.team
        .revoke_assessor_key(&chair, l.marloes, "Marloes is haar wachtwoordzin kwijt")
        .unwrap();
    let revoked = l.team.ledger(l.team_id).unwrap().last().unwrap().clone();
    assert_eq!(revoked.kind, EntryKind::AssessorKeyRevoked);
    assert_eq!(revoked.payload["fingerprint"], old_fingerprint.as_str());
    assert!(matches!(
        import(&mut l, &new_key.bytes).unwrap(),
        PackageImport::KeyRegistered { fingerprint, .. } if fingerprint == new_fingerprint.as_str()
    ));

    // Her sheet, scored before she lost the passphrase, goes in with the new key.
    l.own.assignment_submit(id, NEW).unwrap();
    let package = l.own.assignment_score_package(id).unwrap().bytes;
    assert!(matches!(
        import(&mut l, &package).unwrap(),
        PackageImport::Merged {
            key_registered: false,
            ..
        }
    ));
    for name in ["Gerrit Bosma", "Priya Ramdin"] {
        submit_on_team_laptop(&mut l, name);
    }
    let chair_id = demo_member(&l.team, l.team_id, Role::Chair);
    l.team.reveal_round(l.team_id, chair_id, 3).unwrap();

    // A committee checking the old key learns of the revocation, its reason and the
    // key registered after; the new key checks out on its own.
    let logboek = l.team.export_logboek(&chair, false, vec![]).unwrap();
    let entries = verify_logboek(&logboek, None).entries;
    let old = check_assessor(&entries, &old_fingerprint);
    assert_eq!(old.notices.len(), 1);
    let notice = &old.notices[0].nl;
    assert!(notice.contains("wachtwoordzin kwijt") && notice.contains(new_fingerprint.as_str()));
    let new = check_assessor(&entries, &new_fingerprint);
    assert!(new.passed() && new.notices.is_empty(), "{:?}", new.problems);
    assert_eq!(new.revealed, 1);
}
