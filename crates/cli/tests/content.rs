//! `maatstaf content check` as a trainer or CI runs it.

use std::path::{Path, PathBuf};

use crate::support::maatstaf;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the fixture content in a temporary folder, to break on purpose.
fn content_copy() -> (tempfile::TempDir, String) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content");
    copy_dir(&fixture_dir(), &dir);
    let dir = dir.to_str().unwrap().to_owned();
    (tmp, dir)
}

fn edit(path: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {path}");
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// `maatstaf content check DIR --lang en`, run to the end.
fn check_en(dir: &str) -> std::process::Output {
    maatstaf()
        .args(["content", "check", dir, "--lang", "en"])
        .output()
        .unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn clean_content_exits_zero_with_a_summary() {
    let output = maatstaf()
        .args(["content", "check"])
        .arg(fixture_dir())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "2 modules, 3 oefeningen, 1 casus: geen problemen\n"
    );
}

#[test]
fn the_folder_defaults_to_content() {
    let (tmp, _) = content_copy();
    let output = maatstaf()
        .current_dir(tmp.path())
        .args(["content", "check", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "2 modules, 3 exercises, 1 case: no problems\n"
    );
}

#[test]
fn problems_exit_one_with_path_line_column_in_dutch_or_english() {
    let (_tmp, dir) = content_copy();
    edit(
        &format!("{dir}/modules/02-oefenen.md"),
        "minutes = 45",
        "minutes = 500",
    );
    edit(
        &format!("{dir}/modules/01-basis.md"),
        "(../img/figuur.png)",
        "(https://example.org/figuur.png)",
    );
    let output = maatstaf()
        .args(["content", "check", &dir])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "{dir}/modules/01-basis.md:21:1: afbeelding van internet (https://example.org/figuur.png): de app is offline; zet het bestand bij de content en verwijs er relatief naar\n\
             {dir}/modules/02-oefenen.md:5:11: `minutes` moet tussen 1 en 240 liggen, niet 500\n\
             2 modules, 2 oefeningen, 1 casus: 2 problemen\n"
        )
    );
    let output = check_en(&dir);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains(&format!(
        "{dir}/modules/02-oefenen.md:5:11: `minutes` must be between 1 and 240, not 500\n"
    )));
}

#[test]
fn json_output_has_the_documented_shape() {
    let (_tmp, dir) = content_copy();
    edit(
        &format!("{dir}/cases/casus-test.toml"),
        "age = 58",
        "age = 12",
    );
    let output = maatstaf()
        .args(["content", "check", &dir, "--json", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report,
        serde_json::json!({
            "diagnostics": [{
                "path": format!("{dir}/cases/casus-test.toml"),
                "line": 28,
                "column": 7,
                "message": "`age` must be between 18 and 110, not 12",
            }],
            "modules": 2,
            "exercises": 3,
            "cases": 1,
        })
    );
    // Keys come in the documented order.
    assert!(stdout(&output).starts_with("{\"diagnostics\":[{\"path\":"));
}

#[test]
fn json_output_for_clean_content_has_no_diagnostics() {
    let output = maatstaf()
        .args(["content", "check", "--json"])
        .arg(fixture_dir())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "{\"diagnostics\":[],\"modules\":2,\"exercises\":3,\"cases\":1}\n"
    );
}

#[test]
fn a_missing_folder_exits_two() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("bestaat-niet");
    let output = maatstaf()
        .args(["content", "check"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("kan de contentmap"), "{stderr}");
    assert!(stderr.contains("bestaat-niet"), "{stderr}");
}

#[test]
fn a_file_that_is_not_text_exits_two_naming_the_place() {
    let (_tmp, dir) = content_copy();
    std::fs::write(
        format!("{dir}/modules/03-kapot.md"),
        b"+++\nid = \"m03\"\ntitle = \"\xff\"\n",
    )
    .unwrap();
    let output = check_en(&dir);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "{dir}/modules/03-kapot.md:3:10: the file is not valid UTF-8 text"
        )),
        "{stderr}"
    );
}

#[test]
fn the_source_register_is_enforced_both_ways() {
    let (_tmp, dir) = content_copy();
    edit(
        &format!("{dir}/modules/01-basis.md"),
        "[@schmidt-hunter-1998]",
        "[@schmidt-1998]",
    );
    let output = check_en(&dir);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "{dir}/modules/01-basis.md:13:78: source \"schmidt-1998\" is not in the source register (content/sources.toml)\n\
             {dir}/sources.toml:4:6: source \"schmidt-hunter-1998\" is cited nowhere: put a marker [@schmidt-hunter-1998] at the claim or remove the source\n\
             2 modules, 3 exercises, 1 case: 2 problems\n"
        )
    );
}

#[test]
fn lexicon_headers_are_checked_with_the_modules() {
    let (_tmp, dir) = content_copy();
    std::fs::create_dir_all(format!("{dir}/lexicon")).unwrap();
    std::fs::write(
        format!("{dir}/lexicon/lint-origin.toml"),
        "# Only 3% of wethouders had a migration background.\n\n[defaults]\nkind = \"origin\"\n",
    )
    .unwrap();
    let output = check_en(&dir);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).starts_with(&format!(
            "{dir}/lexicon/lint-origin.toml:1:8: the figure \"3%\" comes from the policy sources"
        )),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_folder_without_a_register_exits_two() {
    let (_tmp, dir) = content_copy();
    std::fs::remove_file(format!("{dir}/sources.toml")).unwrap();
    let output = check_en(&dir);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("has no source register sources.toml"),
        "{stderr}"
    );
}

#[test]
fn the_repository_content_checks_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let output = maatstaf()
        .args(["content", "check", "--lang", "en"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).ends_with(": no problems\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn help_pages_are_checked_for_every_area_language_and_section() {
    let (_tmp, dir) = content_copy();
    let help = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/help");
    copy_dir(&help, &Path::new(&dir).join("help"));
    let output = check_en(&dir);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));

    std::fs::remove_file(format!("{dir}/help/about.en.md")).unwrap();
    edit(
        &format!("{dir}/help/teams.nl.md"),
        "## Stappen",
        "## Zo werkt het",
    );
    let output = check_en(&dir);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains(&format!(
            "{dir}/help/about.en.md:1:1: the help page {dir}/help/about.en.md is missing"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{dir}/help/teams.nl.md:5:1: the headings (`##`) of a help page are exactly"
        )),
        "{out}"
    );
    assert!(
        out.contains("\"Stappen\"") && out.contains("Zo werkt het"),
        "{out}"
    );
}
