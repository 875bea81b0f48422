//! `maatstaf team record`: the processing record of the demo team.

use tempfile::TempDir;

use crate::support::maatstaf_on;

#[test]
fn the_record_is_written_once_and_names_no_candidate() {
    let data = TempDir::new().unwrap();
    let out = maatstaf_on(data.path())
        .args(["teams", "list", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let team = json["teams"][0]["id"].to_string();
    let file = data.path().join("register.html");
    let out = maatstaf_on(data.path())
        .args(["team", "record", "--team", &team, "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("Verwerkingsregister"));
    assert!(html.contains("Anneke de Wit"));
    assert!(!html.contains("Sanne Hoekstra"));

    let out = maatstaf_on(data.path())
        .args(["team", "record", "--team", &team, "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "an existing file is not overwritten"
    );

    let out = maatstaf_on(data.path())
        .args(["team", "record", "--team", "4242", "--out"])
        .arg(data.path().join("niets.html"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("team 4242 bestaat niet"));
}

fn demo_team(data: &std::path::Path) -> String {
    let out = maatstaf_on(data)
        .args(["teams", "list", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["teams"][0]["id"].to_string()
}

/// Runs `maatstaf` with `args`, signed in as `member` with `secret` on standard input.
fn as_member(
    data: &std::path::Path,
    args: &[&str],
    member: &str,
    secret: &str,
) -> std::process::Output {
    let flag = if secret.contains(' ') {
        "--passphrase-stdin"
    } else {
        "--pin-stdin"
    };
    maatstaf_on(data)
        .args(args)
        .args(["--as", member, flag])
        .write_stdin(format!("{secret}\n"))
        .output()
        .unwrap()
}

const CHAIR: (&str, &str) = ("Anneke de Wit", "kompas lantaarn zeilboot hagel");
const SECRETARY: (&str, &str) = ("Youssef Amrani", "molen regenjas kievit potlood");

#[test]
fn closing_needs_the_chair_and_the_decision_and_erasing_needs_an_officer() {
    let data = TempDir::new().unwrap();
    let team = demo_team(data.path());
    let close = ["team", "close", "--team", &team, "--keep-appointed"];

    // Before the decision: refused, with the reason, nothing changed.
    let out = as_member(data.path(), &close, CHAIR.0, CHAIR.1);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("besluit"),
        "{out:?}"
    );
    // An assessor may not erase; nobody signed in neither.
    let erase = [
        "candidate",
        "erase",
        "--team",
        &team,
        "--code",
        "K-R4M",
        "--reason",
        "withdrawn",
    ];
    let out = as_member(data.path(), &erase, "Gerrit Bosma", "1357");
    assert_eq!(out.status.code(), Some(1));
    let out = maatstaf_on(data.path()).args(erase).output().unwrap();
    assert_eq!(out.status.code(), Some(1));

    // The secretary erases one candidate; a second time says it is done already.
    let out = as_member(data.path(), &erase, SECRETARY.0, SECRETARY.1);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("K-R4M"));
    let out = as_member(data.path(), &erase, SECRETARY.0, SECRETARY.1);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("al gewist"));

    // The decision, through the store as the app records it (the demo's open round
    // closed without Priya's sheet and revealed first); then the chair closes.
    {
        let mut store = maatstaf_store::Store::open_in(data.path()).unwrap();
        let id: i64 = team.parse().unwrap();
        let chair = store.find_member(id, CHAIR.0).unwrap().unwrap().id;
        store.close_round(id, chair, 2).unwrap();
        store.reveal_round(id, chair, 2).unwrap();
        store
            .record_decision(
                id,
                chair,
                vec![maatstaf_core::scoring::PortfolioChoice {
                    portfolio: "Financiën".into(),
                    candidates: vec!["K-7F3".into()],
                    reason: "Sterkste onderbouwing.".into(),
                }],
            )
            .unwrap();
    }
    let out = as_member(data.path(), &close, SECRETARY.0, SECRETARY.1);
    assert_eq!(out.status.code(), Some(1), "only the chair closes");
    let out = as_member(data.path(), &close, CHAIR.0, CHAIR.1);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("Gewist: 1 namen") && said.contains("bewaard: 1"),
        "{said}"
    );
}
