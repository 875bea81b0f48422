//! `maatstaf stats`: the JSON contract, honest nulls, and exit codes.

use std::io::Write;

use serde_json::Value;

use crate::support::maatstaf;

const K2011: &str = include_str!("../../core/tests/oracles/data/k2011.csv");
const TWO_RATERS: &str = include_str!("../../core/tests/oracles/data/two_raters.csv");

fn file(content: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    f.write_all(content.as_bytes()).unwrap();
    f
}

fn run(content: &str, args: &[&str]) -> (i32, String, String) {
    let f = file(content);
    let out = maatstaf()
        .arg("stats")
        .arg(f.path())
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(content: &str, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = run(content, &all);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn close(v: &Value, expected: f64) {
    let x = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((x - expected).abs() < 1e-9, "{x} vs {expected}");
}

#[test]
fn json_has_every_coefficient_in_the_agreed_shape() {
    let v = json(K2011, &["--bootstrap", "500", "--seed", "9"]);
    assert_eq!(v["n_units"], 12);
    assert_eq!(v["n_raters"], 4);
    assert_eq!(v["level"], "ordinal", "ordinal is the default level");
    // Krippendorff (2011): ordinal alpha .815; krippendorff 0.9.0: 0.8153875037548814.
    close(&v["krippendorff_alpha"]["value"], 0.8153875037548814);
    let ci = v["krippendorff_alpha"]["ci95"].as_array().unwrap();
    assert_eq!(ci.len(), 2);
    assert!(ci[0].as_f64().unwrap() < 0.8153875 && 0.8153875 <= ci[1].as_f64().unwrap());
    for key in ["ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"] {
        let e = &v["icc"][key];
        assert!(e["value"].is_f64(), "{key}: {e}");
        assert_eq!(e["ci95"].as_array().map(Vec::len), Some(2), "{key}");
    }
    assert_eq!(v["icc_n_units"], 8, "units every rater scored");
    assert_eq!(v["fleiss_n_units"], 8);
    assert!(
        v["fleiss_kappa"].is_f64() && v["pairwise_agreement"].is_f64() && v["gwet_ac1"].is_f64()
    );
    assert!(v["cohen_kappa"].is_null(), "four raters");
    assert!(v["notes"]["cohen_kappa"]["en"]
        .as_str()
        .unwrap()
        .contains("exactly two raters"));
    assert!(v["notes"]["cohen_kappa"]["nl"]
        .as_str()
        .unwrap()
        .contains("precies twee"));
}

#[test]
fn no_interval_without_bootstrap_and_the_seed_fixes_it() {
    let v = json(K2011, &["--level", "interval"]);
    close(&v["krippendorff_alpha"]["value"], 0.8491071428571428);
    assert!(v["krippendorff_alpha"]["ci95"].is_null());
    let a = json(K2011, &["--bootstrap", "1000", "--seed", "5"]);
    let b = json(K2011, &["--bootstrap", "1000", "--seed", "5"]);
    let c = json(K2011, &["--bootstrap", "1000", "--seed", "6"]);
    assert_eq!(a["krippendorff_alpha"], b["krippendorff_alpha"]);
    assert_ne!(
        a["krippendorff_alpha"]["ci95"],
        c["krippendorff_alpha"]["ci95"]
    );
}

#[test]
fn cohen_kappa_for_two_raters_counts_steps_over_the_scale() {
    // scikit-learn 1.9.1, cohen_kappa_score(labels=1..7): see core's stats_oracles.rs.
    let v = json(TWO_RATERS, &["--scale", "1..7"]);
    close(&v["cohen_kappa"]["unweighted"], 0.41432360742705576);
    close(&v["cohen_kappa"]["linear"], 0.4691402069211559);
    close(&v["cohen_kappa"]["quadratic"], 0.5156498178080913);
    // irrCAC 0.4.4 AC1 with categories 1..7.
    close(&v["gwet_ac1"], 0.4450402144772118);
    assert_eq!(v["notes"], serde_json::json!({}));

    // Levels 1, 2 and 5 of 1..5 used; 3 and 4 never, yet 2 and 5 stay three steps apart.
    // Linear kappa by hand: observed disagreement (0 + 1 + 0 + 3 + 4 + 0 + 0 + 1) / 4 / 8
    // = 0.28125; expected from the margins (A: 1 ×3, 2 ×3, 5 ×2; B: 1 ×2, 2 ×4, 5 ×2)
    // = 25/64; kappa = 1 - 0.72 = 0.28 (scikit-learn with labels=1..5 agrees; counting
    // only the levels that occur it would give 0.2307...).
    let sparse = "unit,A,B\n1,1,1\n2,1,2\n3,2,2\n4,2,5\n5,5,1\n6,5,5\n7,2,2\n8,1,2\n";
    let v = json(sparse, &["--scale", "1..5"]);
    close(&v["cohen_kappa"]["linear"], 0.28);
    // Without --scale the range is the file's lowest to highest value: the same here.
    close(&json(sparse, &[])["cohen_kappa"]["linear"], 0.28);
}

#[test]
fn undefined_coefficients_are_null_with_a_reason() {
    // Everyone gives 3: nothing varies, so every chance-corrected coefficient is 0/0.
    let flat = "unit,A,B,C\nk1,3,3,3\nk2,3,3,3\nk3,3,3,\n";
    let (code, stdout, _) = run(flat, &["--json", "--bootstrap", "100"]);
    assert_eq!(code, 0);
    assert!(!stdout.contains("NaN") && !stdout.contains("inf"));
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert!(v["krippendorff_alpha"].is_null());
    assert!(v["notes"]["krippendorff_alpha"]["en"]
        .as_str()
        .unwrap()
        .contains("undefined"));
    for key in ["ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"] {
        assert!(v["icc"][key].is_null(), "{key}");
        assert!(v["notes"][key]["nl"].is_string(), "{key}");
    }
    assert!(v["fleiss_kappa"].is_null() && v["notes"]["fleiss_kappa"].is_object());
    assert!(v["gwet_ac1"].is_null() && v["notes"]["gwet_ac1"].is_object());
    close(&v["pairwise_agreement"], 1.0);

    // One rater: nothing is pairable.
    let v = json("unit,A\nk1,1\nk2,4\n", &[]);
    assert!(v["krippendorff_alpha"].is_null() && v["pairwise_agreement"].is_null());
    assert!(v["notes"]["pairwise_agreement"]["en"]
        .as_str()
        .unwrap()
        .contains("at least two raters"));

    // Two raters, labels at the nominal level: weighted kappas do not exist.
    let v = json(
        "unit,A,B\n1,ja,ja\n2,nee,ja\n3,nee,nee\n4,ja,ja\n",
        &["--level", "nominal"],
    );
    assert!(v["cohen_kappa"]["unweighted"].is_f64());
    assert!(v["cohen_kappa"]["linear"].is_null() && v["notes"]["cohen_kappa.linear"].is_object());
    assert!(v["icc"]["ICC2"].is_null() && v["notes"]["ICC2"].is_object());
}

#[test]
fn malformed_files_exit_2_naming_line_and_column() {
    let (code, _, err) = run("unit,A,B\nk1,1,2\nk2,3\n", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("line 3") && err.contains("regel 3"), "{err}");

    let (code, _, err) = run("unit,A,B\nk1,1,twee\n", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("line 2, column 3") && err.contains("\"B\"") && err.contains("not a number"),
        "{err}"
    );

    let (code, _, err) = run("unit\nk1\n", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("no raters"), "{err}");

    let (code, _, err) = run("unit,A,B\nk1,1,7\n", &["--scale", "1..5"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("line 2, column 3") && err.contains("outside the scale"),
        "{err}"
    );

    let (code, _, err) = run("unit,A,A\nk1,1,2\n", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("column 3"), "{err}");

    assert_eq!(run("unit,A,B\nk1,1,2\n", &["--scale", "5..1"]).0, 2);
    assert_eq!(run("unit,A,B\nk1,1,2\n", &["--bootstrap", "5"]).0, 2);
    assert_eq!(run("unit,A,B\nk1,1,2\n", &["--level", "fuzzy"]).0, 2);
    let missing = maatstaf()
        .args(["stats", "/nonexistent/x.csv"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn labels_are_fine_at_the_nominal_level_and_semicolons_are_read() {
    let v = json(
        "unit,A,B,C\n1,rood,rood,blauw\n2,blauw,blauw,blauw\n3,rood,rood,rood\n",
        &["--level", "nominal"],
    );
    assert!(v["krippendorff_alpha"]["value"].is_f64());
    let semicolons = "unit;A;B\nk1;3,5;3\nk2;2;2,5\nk3;4;4\n";
    let v = json(semicolons, &["--level", "interval"]);
    assert_eq!(v["n_raters"], 2);
    let comma = "unit,A,B\nk1,3.5,3\nk2,2,2.5\nk3,4,4\n";
    assert_eq!(
        v["krippendorff_alpha"],
        json(comma, &["--level", "interval"])["krippendorff_alpha"]
    );
}

#[test]
fn without_json_a_readable_table() {
    let (code, stdout, _) = run(K2011, &[]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Krippendorffs alpha (ordinaal)"));
    assert!(
        stdout.contains("0.815") && stdout.contains("betrouwbaar"),
        "{stdout}"
    );
    assert!(stdout.contains("ICC(2,1)") && stdout.contains("Koo"));
    assert!(stdout.contains("Cohens kappa: Cohens kappa vergelijkt precies twee beoordelaars"));
}

#[test]
fn a_recognition_column_adds_alpha_without_the_recognised_ratings() {
    // B recognised the candidate of K4, where the two raters are two levels apart.
    let csv = "unit,A,B,recognised\nK1,1,1,\nK2,2,2,\nK3,3,3,\nK4,1,3,B\n";
    let v = json(csv, &[]);
    assert_eq!(v["n_raters"], 2, "the recognition column is not a rater");
    // By hand (ordinal): 1 − 6.25 / (600/56) = 5/12.
    close(&v["krippendorff_alpha"]["value"], 5.0 / 12.0);
    close(&v["krippendorff_alpha_unrecognised"]["value"], 1.0);
    assert_eq!(v["recognised_ratings"], 1);
    let (code, table, _) = run(csv, &[]);
    assert_eq!(code, 0);
    assert!(table.contains("Alpha zonder herkende scores"), "{table}");
    assert!(table.contains("1 score van beoordelaars die de kandidaat herkenden"));

    // Without the column nothing changes in the output's shape.
    let plain = json("unit,A,B\nK1,1,1\nK2,2,2\nK3,3,3\nK4,1,3\n", &[]);
    assert!(plain.get("krippendorff_alpha_unrecognised").is_none());

    // A name that is not a rater is refused (exit 2).
    let (code, _, stderr) = run("unit,A,B,herkend\nK1,1,1,C\n", &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("\"C\" is not a rater of the header"),
        "{stderr}"
    );
}
