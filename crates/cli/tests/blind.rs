//! `maatstaf blind`: blinded output, JSON offsets into the input, exit codes.

use std::fs;
use std::path::Path;

use crate::support::maatstaf_in;

const PERSON: &str = "name = \"Sevda Özdemir\"\nparty = \"D66\"\nbirth_date = \"1985-06-02\"\nbirth_place = \"Enschede\"\n";
const TEXT: &str = "Sevda Özdemir is geboren in Enschede. Zij is raadslid voor D66 en haar collega's vinden dat ze goed luistert. \
Mail sevda@example.nl. De plannen zijn ambitieus en kosten € 2 miljoen.\n";

fn files(dir: &Path, person: &str, text: &str) -> (String, String) {
    let p = dir.join("person.toml");
    let t = dir.join("text.txt");
    fs::write(&p, person).unwrap();
    fs::write(&t, text).unwrap();
    (p.display().to_string(), t.display().to_string())
}

#[test]
fn prints_the_blinded_text() {
    let dir = tempfile::tempdir().unwrap();
    let (p, t) = files(dir.path(), PERSON, TEXT);
    let out = maatstaf_in(dir.path())
        .args(["blind", "--identity", &p, &t])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "De kandidaat is geboren in [plaats]. De kandidaat is raadslid voor [partij] en diens collega's vinden dat de kandidaat goed luistert. \
Mail [e-mail]. De plannen zijn ambitieus en kosten € 2 miljoen.\n"
    );
}

#[test]
fn json_has_byte_offsets_into_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let (p, t) = files(dir.path(), PERSON, TEXT);
    let out = maatstaf_in(dir.path())
        .args(["blind", "--identity", &p, &t, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("{\"text\":\"De kandidaat"), "{stdout}");
    assert!(
        stdout.contains("{\"start\":0,\"end\":14,\"category\":\"name\"}"),
        "{stdout}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(v["text"]
        .as_str()
        .unwrap()
        .starts_with("De kandidaat is geboren in [plaats]."));
    let reds = v["redactions"].as_array().unwrap();
    let originals: Vec<(&str, &str)> = reds
        .iter()
        .map(|r| {
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                r.as_object().unwrap().len(),
                3,
                "only start, end and category"
            );
            (&TEXT[s..e], r["category"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        originals,
        [
            ("Sevda Özdemir", "name"),
            ("Enschede", "place"),
            ("Zij", "gender"),
            ("D66", "party"),
            ("haar", "gender"),
            ("ze", "gender"),
            ("sevda@example.nl", "email"),
        ]
    );
}

#[test]
fn invalid_or_unreadable_input_exits_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let (p, t) = files(
        dir.path(),
        "name = \"A B\"\nbirth_date = \"1985-13-02\"\n",
        TEXT,
    );
    let out = maatstaf_in(dir.path())
        .args(["blind", "--identity", &p, &t])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("regel 2, kolom 14"), "{err}");

    let (p, t) = files(dir.path(), "aliases = [\"x\"]\n", TEXT);
    let out = maatstaf_in(dir.path())
        .args(["blind", "--identity", &p, &t, "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("name"));

    let missing = dir.path().join("nope.txt").display().to_string();
    let (p, _) = files(dir.path(), PERSON, TEXT);
    let out = maatstaf_in(dir.path())
        .args(["blind", "--identity", &p, &missing])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kan"));

    let bad = dir.path().join("latin1.txt");
    fs::write(&bad, b"Caf\xe9 Sevda").unwrap();
    let out = maatstaf_in(dir.path())
        .args(["blind", "--identity", &p, bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
}

#[test]
fn lexicon_folder_overrides_and_is_validated() {
    let dir = tempfile::tempdir().unwrap();
    let (p, t) = files(
        dir.path(),
        "name = \"A B\"\n",
        "Ik ben fan van de blauwe vlag.\n",
    );
    let blind_with = |lexicon: &Path| {
        maatstaf_in(dir.path())
            .args(["blind", "--identity", &p, &t, "--lexicon"])
            .arg(lexicon)
            .output()
            .unwrap()
    };
    let lex = dir.path().join("lex");
    fs::create_dir(&lex).unwrap();
    fs::write(
        lex.join("redaction-test.toml"),
        "[[entry]]\nterm = \"blauwe vlag\"\ncategory = \"other\"\nreplacement = \"[x]\"\nnote = \"\"\n",
    )
    .unwrap();
    let out = blind_with(&lex);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Ik ben fan van de [x].\n"
    );

    fs::write(
        lex.join("redaction-test.toml"),
        "[[entry]]\nterm = \"x\"\ncategory = \"kleur\"\nreplacement = \"[x]\"\n",
    )
    .unwrap();
    let out = blind_with(&lex);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("regel 3, kolom 12"));

    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    assert_eq!(blind_with(&empty).status.code(), Some(2));
}

#[test]
fn the_built_in_lists_apply_without_a_content_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (p, t) = files(
        dir.path(),
        "name = \"A B\"\n",
        "Ik was actief in het moskeebestuur.\n",
    );
    let out = maatstaf_in(dir.path())
        .args(["blind", "--identity", &p, &t])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Ik was actief in het [geloof].\n"
    );
}

#[test]
fn invisible_characters_are_read_through_and_warned_about_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Sevda \u{d6}z\u{ad}demir woont in Enschede.\n";
    let (p, t) = files(dir.path(), PERSON, text);
    let out = maatstaf_in(dir.path())
        .args(["blind", "--json", "--identity", &p, &t])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let blinded = json["text"].as_str().unwrap();
    assert!(!blinded.contains("demir"), "{blinded}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("waarschuwing") && stderr.contains("U+00AD"),
        "{stderr}"
    );
}
