use crate::support::{maatstaf, maatstaf_on};

#[test]
fn a_fresh_folder_lists_the_demo_team() {
    let dir = tempfile::tempdir().unwrap();
    let out = maatstaf_on(dir.path())
        .args(["teams", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let teams = v["teams"].as_array().unwrap();
    assert_eq!(teams.len(), 1);
    assert_eq!(teams[0]["name"], "Gemeente Voorbeeld — formatie 2026");
    assert_eq!(teams[0]["is_demo"], true);
    assert!(teams[0]["id"].is_i64());

    let text = maatstaf_on(dir.path())
        .args(["teams", "list"])
        .output()
        .unwrap();
    assert!(String::from_utf8(text.stdout)
        .unwrap()
        .contains("Gemeente Voorbeeld — formatie 2026 (demo)"));
}

#[test]
fn db_check_reports_integrity_and_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let out = maatstaf_on(dir.path())
        .args(["db", "check", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["schema_version"], v["latest_schema_version"]);
}

#[test]
fn the_data_folder_comes_from_the_environment_too() {
    let dir = tempfile::tempdir().unwrap();
    maatstaf()
        .env("MAATSTAF_DATA_DIR", dir.path())
        .args(["db", "check"])
        .assert()
        .success();
    assert!(dir.path().join("maatstaf.sqlite3").exists());
}

#[test]
fn a_damaged_database_is_named_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maatstaf.sqlite3");
    std::fs::write(&db, b"not a database at all, just text ".repeat(100)).unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = maatstaf_on(dir.path())
        .args(["teams", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("maatstaf.sqlite3") && err.contains("damaged"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
