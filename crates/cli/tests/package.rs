//! `maatstaf package`: a round package out of the team's data folder, into an
//! assessor's own, and their score package back, as the two laptops would run it.

use maatstaf_core::scoring::{RoundView, Score};
use maatstaf_store::Store;

use crate::support::maatstaf_on;

const SECRETARY: &str = "Youssef Amrani";
const SECRETARY_PASSPHRASE: &str = "molen regenjas kievit potlood\n";
const OWN: &str = "zandduin lepelaar fietsbel winterpeen";

/// The demo team, whose round 2 is open and waits for Priya Ramdin; returns its id.
fn demo_team(dir: &std::path::Path) -> i64 {
    let store = Store::open_in(dir).unwrap();
    store.list_teams().unwrap()[0].id
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

#[test]
fn a_round_package_goes_out_and_a_score_package_comes_back() {
    let team_dir = tempfile::tempdir().unwrap();
    let own_dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let team = demo_team(team_dir.path());
    let round_file = files.path().join("ronde.maatstaf");

    let refused = maatstaf_on(team_dir.path())
        .args([
            "package",
            "round",
            "--team",
            &team.to_string(),
            "--round",
            "1",
        ])
        .args(["--assessor", "Priya Ramdin", "--out"])
        .arg(&round_file)
        .args(["--as", SECRETARY, "--passphrase-stdin"])
        .write_stdin(SECRETARY_PASSPHRASE)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("Ronde 1 is gesloten of al onthuld"));

    maatstaf_on(team_dir.path())
        .args([
            "package",
            "round",
            "--team",
            &team.to_string(),
            "--round",
            "2",
        ])
        .args(["--assessor", "Priya Ramdin", "--out"])
        .arg(&round_file)
        .args(["--as", SECRETARY, "--passphrase-stdin"])
        .write_stdin(SECRETARY_PASSPHRASE)
        .assert()
        .success();
    let inspect = maatstaf_on(team_dir.path())
        .args(["package", "inspect", "--json"])
        .arg(&round_file)
        .output()
        .unwrap();
    assert!(inspect.status.success());
    let info: serde_json::Value = serde_json::from_slice(&inspect.stdout).unwrap();
    assert_eq!(info["kind"], "round");
    assert_eq!(info["assessor"], "Priya Ramdin");
    assert_eq!(info["round"], 2);
    assert!(!text(&std::fs::read(&round_file).unwrap()).contains("Sanne Hoekstra"));

    // On Priya's laptop: the first package asks for a passphrase for her key.
    let first = maatstaf_on(own_dir.path())
        .args(["package", "import"])
        .arg(&round_file)
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(1));
    assert!(text(&first.stderr).contains("kies een wachtwoordzin"));
    maatstaf_on(own_dir.path())
        .args(["package", "import", "--new-passphrase-stdin"])
        .arg(&round_file)
        .write_stdin(format!("{OWN}\n"))
        .assert()
        .success();

    // She scores in the app; here through the store the app calls.
    let score_file = files.path().join("scores.maatstaf");
    {
        let mut own = Store::open_in(own_dir.path()).unwrap();
        let id = own.assignments().unwrap()[0].id.unwrap();
        let view = own.assignment(id).unwrap();
        let previous = view.previous.unwrap();
        let RoundView::Scoring { work, .. } = view.view else {
            panic!("scoring")
        };
        for cell in work.cells {
            let level = previous
                .score(&cell.candidate, &cell.criterion)
                .unwrap()
                .level;
            own.assignment_save_score(
                id,
                Score {
                    candidate: cell.candidate,
                    criterion: cell.criterion,
                    level,
                    evidence: "thuis gescoord".into(),
                    reason: None,
                },
            )
            .unwrap();
        }
        own.assignment_submit(id, OWN).unwrap();
        let package = own.assignment_score_package(id).unwrap();
        std::fs::write(&score_file, package.bytes).unwrap();
        assert!(matches!(
            own.receive_package(b"{}", None),
            Err(maatstaf_store::StoreError::Package(_))
        ));
    }

    maatstaf_on(team_dir.path())
        .args(["package", "verify"])
        .arg(&score_file)
        .assert()
        .success();
    let import = |expect: &str| {
        let out = maatstaf_on(team_dir.path())
            .args(["package", "import", "--team", &team.to_string()])
            .arg(&score_file)
            .args(["--as", SECRETARY, "--passphrase-stdin"])
            .write_stdin(SECRETARY_PASSPHRASE)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(text(&out.stdout).contains(expect), "{}", text(&out.stdout));
    };
    import("zijn ingelezen");
    import("was al ingelezen; er is niets veranderd");

    // The chair reveals; a committee checks its negotiator's key.
    {
        let mut store = Store::open_in(team_dir.path()).unwrap();
        let chair = store
            .find_member(team, "Anneke de Wit")
            .unwrap()
            .unwrap()
            .id;
        store.reveal_round(team, chair, 2).unwrap();
    }
    let logboek = files.path().join("logboek.jsonl");
    maatstaf_on(team_dir.path())
        .args(["log", "export", "--team", &team.to_string(), "--out"])
        .arg(&logboek)
        .args(["--as", "Anneke de Wit", "--passphrase-stdin"])
        .write_stdin("kompas lantaarn zeilboot hagel\n")
        .assert()
        .success();
    let info: serde_json::Value = serde_json::from_slice(
        &maatstaf_on(team_dir.path())
            .args(["package", "inspect", "--json"])
            .arg(&score_file)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let priya_key = info["signer_fingerprint"].as_str().unwrap().to_owned();
    let checked = maatstaf_on(team_dir.path())
        .args(["log", "verify", "--assessor-key", &priya_key])
        .arg(&logboek)
        .output()
        .unwrap();
    assert!(checked.status.success(), "{}", text(&checked.stdout));
    assert!(text(&checked.stdout)
        .contains("BEOORDELAAR: 1 scorepakket(ten) met deze sleutel ondertekend, 1 onthuld"));
    let team_key = "0000 0000 0000 0000 0000 0000 0000 0000";
    let other = maatstaf_on(team_dir.path())
        .args(["log", "verify", "--assessor-key", team_key])
        .arg(&logboek)
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(1));
    assert!(text(&other.stdout).contains("geen scorepakket dat met deze sleutel"));

    // A changed byte or a cut-off file is refused with its reason.
    let bytes = std::fs::read(&score_file).unwrap();
    let mut changed = bytes.clone();
    let at = bytes.len() / 3;
    changed[at] = if changed[at] == b'0' { b'1' } else { b'0' };
    let changed_file = files.path().join("changed.maatstaf");
    std::fs::write(&changed_file, &changed).unwrap();
    let out = maatstaf_on(team_dir.path())
        .args(["package", "verify", "--json"])
        .arg(&changed_file)
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let cut_file = files.path().join("cut.maatstaf");
    std::fs::write(&cut_file, &bytes[..bytes.len() / 2]).unwrap();
    let out = maatstaf_on(team_dir.path())
        .args(["package", "verify"])
        .arg(&cut_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("geen leesbaar Maatstaf-pakket"));
}
