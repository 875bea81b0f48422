//! `maatstaf assign`: the allocation, its JSON, and the exit codes.

use std::io::Write;

use serde_json::Value;

use crate::support::maatstaf;

fn run(content: &str, args: &[&str]) -> (i32, String, String) {
    let mut f = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    f.write_all(content.as_bytes()).unwrap();
    let out = maatstaf()
        .arg("assign")
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

const THREE_FOR_TWO: &str = "candidate,post,score
A,Financiën,9
A,Wonen,7
B,Financiën,6
B,Wonen,8
C,Financiën,5
C,Wonen,4.5
";

#[test]
fn json_gives_the_allocation_with_the_maximal_total() {
    let (code, stdout, stderr) = run(THREE_FOR_TWO, &["--json"]);
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!({
            "assignment": [
                {"candidate": "A", "post": "Financiën", "score": 9.0},
                {"candidate": "B", "post": "Wonen", "score": 8.0}
            ],
            "total": 17.0
        })
    );
}

#[test]
fn an_absent_pair_is_not_allowed_and_the_table_lists_the_runners_up() {
    // Without A for Financiën the best is B there and A on Wonen (6 + 7).
    let file = THREE_FOR_TWO.replace("A,Financiën,9\n", "");
    let (code, stdout, _) = run(&file, &["--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["total"], 13.0);
    // Posts come in the order they first appear: Wonen, then Financiën.
    assert_eq!(
        v["assignment"][0],
        serde_json::json!({"candidate": "A", "post": "Wonen", "score": 7.0})
    );
    assert_eq!(v["assignment"][1]["candidate"], "B");

    let (code, table, _) = run(THREE_FOR_TWO, &[]);
    assert_eq!(code, 0);
    assert!(table.contains("Financiën  A"), "{table}");
    assert!(
        table.contains("2. totaal 13.5 (3.5 minder): Financiën A, Wonen C"),
        "{table}"
    );
    assert!(table.contains("advies"), "{table}");
}

#[test]
fn exit_1_says_clearly_why_no_allocation_fills_every_post() {
    let (code, stdout, stderr) = run(
        "candidate,post,score\nA,Financiën,9\nA,Wonen,7\nB,Sociaal Domein,6\nC,Sociaal Domein,5\n",
        &["--json"],
    );
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("The 2 posts Financiën and Wonen can only go to A (1 candidate)"),
        "{stderr}"
    );
    let (code, _, stderr) = run("candidate,post,score\nA,Financiën,9\nA,Wonen,7\n", &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("Er zijn 2 posten maar 1 kandidaat"),
        "{stderr}"
    );
}

#[test]
fn exit_2_on_an_unreadable_or_malformed_file() {
    for (content, says) in [
        ("", "the file is empty"),
        (
            "kandidaat,post,score\nA,P,1\n",
            "the header must be candidate,post,score",
        ),
        (
            "candidate,post,score\nA,P\n",
            "line 2: 2 fields, expected 3",
        ),
        (
            "candidate,post,score\nA,P,hoog\n",
            "line 2: the score \"hoog\" is not a number",
        ),
        (
            "candidate,post,score\nA,P,1\nA,P,2\n",
            "line 3: candidate A and post P appear earlier",
        ),
        ("candidate,post,score\n,P,1\n", "cannot be empty"),
        ("candidate,post,score\n", "There are no posts"),
    ] {
        let (code, stdout, stderr) = run(content, &["--json"]);
        assert_eq!(code, 2, "{content:?}: {stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(says), "{content:?}: {stderr}");
    }
    let out = maatstaf()
        .args(["assign", "/nonexistent/scores.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the file"));
}

#[test]
fn a_dutch_spreadsheet_with_semicolons_and_decimal_commas_is_read() {
    let (code, stdout, stderr) = run(
        "candidate;post;score\nA;Financiën;7,5\nB;Financiën;7,25\n",
        &["--json"],
    );
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["total"], 7.5);
}
