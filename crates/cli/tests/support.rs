//! What the CLI's tests share: the `maatstaf` binary this crate built, as a command.

use std::path::Path;

use assert_cmd::Command;

/// The `maatstaf` binary, as built for these tests.
pub fn maatstaf() -> Command {
    Command::cargo_bin("maatstaf").unwrap()
}

/// `maatstaf` run in `dir`: outside the repository, so the default content/lexicon is
/// absent and the built-in lists are used.
pub fn maatstaf_in(dir: &Path) -> Command {
    let mut cmd = maatstaf();
    cmd.current_dir(dir);
    cmd
}

/// `maatstaf --data-dir DATA`, with `MAATSTAF_DATA_DIR` removed so only `data` counts.
pub fn maatstaf_on(data: &Path) -> Command {
    let mut cmd = maatstaf();
    cmd.env_remove("MAATSTAF_DATA_DIR")
        .arg("--data-dir")
        .arg(data);
    cmd
}

/// The demo chair's passphrase (content/demo/round-1.toml, in the README).
pub const CHAIR_PASSPHRASE: &str = "kompas lantaarn zeilboot hagel";

/// The demo team's id in the data folder `data`.
pub fn demo_id(data: &Path) -> String {
    let out = maatstaf_on(data)
        .args(["teams", "list", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["teams"][0]["id"].to_string()
}
