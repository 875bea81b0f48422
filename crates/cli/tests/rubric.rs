//! `maatstaf rubric lint`: exit codes, human and JSON output, lexicon lookup.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::maatstaf_in;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

const CRITERION: &str = r#"
[[criteria]]
id = "ID"
name = "NAME"
definition = "DEFINITION"
weight = WEIGHT
evidence = "werkopdracht"
indicators = ["Noemt de drie grootste posten uit een voorgelegd fragment", "Benoemt een risico met de omvang ervan"]
anchors = { 1 = "Haalt geen posten of risico's uit het fragment.", 3 = "Noemt de posten en één risico, zonder omvang.", 5 = "Noemt posten, risico's met omvang en een beheersmaatregel." }
"#;

fn rubric(criteria: &[(&str, &str, &str, u32)]) -> String {
    let mut text =
        "id = \"test\"\ntitle = \"Test\"\nversion = 1\nscale = { min = 1, max = 5 }\n".to_owned();
    for (id, name, definition, weight) in criteria {
        text.push_str(
            &CRITERION
                .replace("ID", id)
                .replace("NAME", name)
                .replace("DEFINITION", definition)
                .replace("WEIGHT", &weight.to_string()),
        );
    }
    text
}

fn clean() -> String {
    rubric(&[
        (
            "a",
            "Begrotingsinzicht",
            "Leest een programmabegroting en benoemt de risico's.",
            40,
        ),
        (
            "b",
            "Risicobeheer",
            "Stelt bij elk risico een beheersmaatregel voor.",
            30,
        ),
        (
            "c",
            "Verantwoording",
            "Legt de raad uit welke posten afwijken en waarom.",
            30,
        ),
    ])
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_clean_rubric_exits_0() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "r.toml", &clean());
    let out = maatstaf_in(&root())
        .args(["rubric", "lint"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn every_bundled_template_exits_0() {
    for entry in std::fs::read_dir(root().join("content/rubrics")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            maatstaf_in(&root())
                .args(["rubric", "lint"])
                .arg(&path)
                .assert()
                .code(0);
        }
    }
}

#[test]
fn errors_exit_1_with_one_line_per_finding() {
    let tmp = tempfile::tempdir().unwrap();
    let text = rubric(&[
        (
            "a",
            "Begrotingsinzicht",
            "Een jonge bestuurder die de begroting leest.",
            40,
        ),
        (
            "b",
            "Risicobeheer",
            "Stelt bij elk risico een beheersmaatregel voor.",
            30,
        ),
        (
            "c",
            "Verantwoording",
            "Legt de raad uit welke posten afwijken en waarom.",
            20,
        ),
    ]);
    let file = write(tmp.path(), "r.toml", &text);
    let out = maatstaf_in(&root())
        .args(["rubric", "lint"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("error weights-sum [weight]: de gewichten tellen op tot 90"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("error excludes-age [a.definition]: \"jonge\": "),
        "{stdout}"
    );
    assert!(lines[1].contains(" Tip: "), "{stdout}");

    let out = maatstaf_in(&root())
        .args(["rubric", "lint", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("error weights-sum [weight]: the weights add up to 90"),
        "{stdout}"
    );
    assert!(stdout.contains(" Suggestion: "), "{stdout}");
}

#[test]
fn warnings_alone_exit_0() {
    let tmp = tempfile::tempdir().unwrap();
    let text = rubric(&[
        (
            "a",
            "Begrotingsinzicht",
            "Heeft een bestuurlijke uitstraling bij de begroting.",
            40,
        ),
        (
            "b",
            "Risicobeheer",
            "Stelt bij elk risico een beheersmaatregel voor.",
            30,
        ),
        (
            "c",
            "Verantwoording",
            "Legt de raad uit welke posten afwijken en waarom.",
            30,
        ),
    ]);
    let file = write(tmp.path(), "r.toml", &text);
    let out = maatstaf_in(&root())
        .args(["rubric", "lint"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("warning vague-term [a.definition]:"));
}

#[test]
fn json_output_has_the_documented_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let text = rubric(&[
        (
            "a",
            "Begrotingsinzicht",
            "Een jonge bestuurder die de begroting leest.",
            40,
        ),
        (
            "b",
            "Risicobeheer",
            "Stelt bij elk risico een beheersmaatregel voor.",
            30,
        ),
        (
            "c",
            "Verantwoording",
            "Legt de raad uit welke posten afwijken en waarom.",
            20,
        ),
    ]);
    let file = write(tmp.path(), "r.toml", &text);
    let out = maatstaf_in(&root())
        .args(["rubric", "lint", "--json", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let object = json.as_object().unwrap();
    assert_eq!(object.keys().collect::<Vec<_>>(), ["findings"]);
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    for f in findings {
        let mut keys: Vec<&String> = f.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "criterion",
                "field",
                "message",
                "rule",
                "severity",
                "suggestion"
            ]
        );
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
    }
    assert_eq!(findings[0]["rule"], "weights-sum");
    assert_eq!(findings[0]["criterion"], Value::Null);
    assert_eq!(findings[0]["field"], "weight");
    assert!(findings[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("the weights add up to 90"));
    assert_eq!(findings[1]["rule"], "excludes-age");
    assert_eq!(findings[1]["severity"], "error");
    assert_eq!(findings[1]["criterion"], "a");
    assert_eq!(findings[1]["field"], "definition");
    assert!(findings[1]["suggestion"]
        .as_str()
        .unwrap()
        .starts_with("Describe the behaviour"));

    let clean_file = write(tmp.path(), "clean.toml", &clean());
    let out = maatstaf_in(&root())
        .args(["rubric", "lint", "--json"])
        .arg(&clean_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        serde_json::json!({ "findings": [] })
    );
}

#[test]
fn an_unreadable_file_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = maatstaf_in(&root())
        .args(["rubric", "lint"])
        .arg(tmp.path().join("absent.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kan het bestand niet lezen"));
}

#[test]
fn an_invalid_rubric_exits_2_naming_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let broken = clean().replace("weight = 30", "weight = \"dertig\"");
    let file = write(tmp.path(), "r.toml", &broken);
    let out = maatstaf_in(&root())
        .args(["rubric", "lint", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("r.toml: line 19, column 10:"), "{stderr}");

    let bad_level = clean().replacen("3 = \"Noemt", "drie = \"Noemt", 1);
    let file = write(tmp.path(), "r2.toml", &bad_level);
    let out = maatstaf_in(&root())
        .args(["rubric", "lint"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("regel 13, kolom"), "{stderr}");
    assert!(stderr.contains("\"drie\""), "{stderr}");
}

#[test]
fn a_lexicon_folder_can_be_given() {
    let tmp = tempfile::tempdir().unwrap();
    let lexicon = tmp.path().join("woorden");
    std::fs::create_dir(&lexicon).unwrap();
    write(
        &lexicon,
        "lint-eigen.toml",
        "[[entries]]\nterm = \"verantwoording\"\nkind = \"vague\"\nseverity = \"error\"\nexplanation = { nl = \"Te breed.\", en = \"Too broad.\" }\n",
    );
    let file = write(tmp.path(), "r.toml", &clean());
    let out = maatstaf_in(&root())
        .args(["rubric", "lint", "--lexicon"])
        .arg(&lexicon)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("error vague-term [c.name]: \"Verantwoording\": Te breed."));

    write(
        &lexicon,
        "lint-eigen.toml",
        "[[entries]]\nterm = \"x\"\nkind = \"onbekend\"\n",
    );
    let out = maatstaf_in(&root())
        .args(["rubric", "lint", "--lexicon"])
        .arg(&lexicon)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("lint-eigen.toml:3:8:"), "{stderr}");

    let out = maatstaf_in(&root())
        .args(["rubric", "lint", "--lexicon"])
        .arg(tmp.path().join("nergens"))
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn without_content_lexicon_the_built_in_lists_give_the_same_result() {
    let tmp = tempfile::tempdir().unwrap();
    let text = rubric(&[
        (
            "a",
            "Begrotingsinzicht",
            "Een jonge, ervaren bestuurder met natuurlijk gezag.",
            40,
        ),
        (
            "b",
            "Stressbestendigheid",
            "Is fit en heeft moedertaal Nederlands.",
            30,
        ),
        (
            "c",
            "Verantwoording",
            "Geboren en getogen, minimaal 10 jaar raadservaring.",
            30,
        ),
    ]);
    let file = write(tmp.path(), "r.toml", &text);
    let from_folder = maatstaf_in(&root())
        .args(["rubric", "lint", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    let built_in = maatstaf_in(tmp.path())
        .args(["rubric", "lint", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(built_in.status.code(), Some(1));
    let findings: Value = serde_json::from_slice(&built_in.stdout).unwrap();
    assert!(
        findings["findings"].as_array().unwrap().len() >= 8,
        "{findings}"
    );
    assert_eq!(from_folder.stdout, built_in.stdout);
}

#[test]
fn every_word_list_in_content_lexicon_is_built_in() {
    let built_in = maatstaf_core::lint::BUNDLED_LEXICON;
    let mut on_disk = 0;
    for entry in std::fs::read_dir(root().join("content/lexicon")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("lint-") && name.ends_with(".toml") {
            on_disk += 1;
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(
                built_in.iter().any(|(n, t)| *n == name && *t == text),
                "{name} is not in maatstaf_core::lint::BUNDLED_LEXICON"
            );
        }
    }
    assert_eq!(on_disk, built_in.len());
}
