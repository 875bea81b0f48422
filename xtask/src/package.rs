//! `cargo xtask package`: the Debian package, made by the Tauri bundler from the same
//! release build that `run` and the end-to-end tests use (so it is not built twice),
//! with the `maatstaf` command line installed beside the app.
//!
//! And the package test that `cargo xtask test` runs: install the package with
//! apt-get, check what it put where, start the installed app on a fresh data folder
//! through the end-to-end harness, and remove the package again.

use std::path::{Path, PathBuf};

use crate::sh::{self, Result};
use crate::{deps, run, test};

/// The Debian package's name (from the product name) and where its files go.
const PACKAGE: &str = "maatstaf";
const INSTALLED_APP: &str = "/usr/bin/maatstaf-app";
const INSTALLED_CLI: &str = "/usr/bin/maatstaf";
const DESKTOP_FILE: &str = "/usr/share/applications/Maatstaf.desktop";
/// The icon sizes a desktop picks from; each must be installed.
const ICON_SIZES: &[u32] = &[16, 24, 32, 48, 64, 128, 256, 512];

pub fn package(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(format!("`package` takes no arguments (got `{extra}`)"));
    }
    deps::system_packages(false)?;
    deps::node_modules(false)?;
    let deb = build_deb()?;
    println!("\nThe package: {}", deb.display());
    println!("Install it with: sudo apt-get install {}", deb.display());
    Ok(())
}

/// The workspace's version, which the app, the CLI and the package all carry.
pub fn workspace_version() -> Result<String> {
    let manifest = std::fs::read_to_string(sh::root().join("Cargo.toml"))
        .map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    let mut in_package = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[workspace.package]";
        } else if in_package {
            if let Some(v) = line.strip_prefix("version") {
                let v = v
                    .trim_start()
                    .trim_start_matches('=')
                    .trim()
                    .trim_matches('"');
                return Ok(v.to_owned());
            }
        }
    }
    Err("Cargo.toml has no version in [workspace.package]".into())
}

/// Builds the release app (when needed), the release CLI, then bundles the `.deb`.
pub fn build_deb() -> Result<PathBuf> {
    let root = sh::root();
    let target = sh::target_dir();
    run::build_release_app()?;
    sh::run(sh::cmd(
        "cargo",
        &["build", "--release", "--package", "maatstaf-cli"],
    ))?;
    let cli = target.join("release/maatstaf");
    // Where the CLI lives depends on the target folder, so it goes in through a
    // configuration the bundler merges over src-tauri/tauri.conf.json.
    let overlay = target.join("package/tauri.package.json");
    std::fs::create_dir_all(overlay.parent().unwrap()).map_err(|e| e.to_string())?;
    let config = format!(
        r#"{{"bundle":{{"linux":{{"deb":{{"files":{{"{INSTALLED_CLI}":{cli},"/usr/share/doc/{PACKAGE}/LICENSE":{licence}}}}}}}}}}}"#,
        cli = json_string(&cli),
        licence = json_string(&root.join("LICENSE")),
    );
    std::fs::write(&overlay, config).map_err(|e| e.to_string())?;
    let bundle_dir = target.join("release/bundle/deb");
    let _ = std::fs::remove_dir_all(&bundle_dir);
    let tauri = root.join("ui/node_modules/.bin/tauri");
    let overlay_s = overlay.to_string_lossy().into_owned();
    // `tauri bundle` packs what `cargo build --release` made; it does not build again.
    let mut c = sh::cmd(
        &tauri.to_string_lossy(),
        &[
            "bundle",
            "--bundles",
            "deb",
            "--features",
            "custom-protocol",
            "--config",
            &overlay_s,
            "--ci",
        ],
    );
    c.current_dir(root.join("src-tauri"));
    sh::run(c)?;
    let version = workspace_version()?;
    let debs: Vec<PathBuf> = std::fs::read_dir(&bundle_dir)
        .map_err(|e| format!("the bundler made no {}: {e}", bundle_dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "deb"))
        .collect();
    match debs.as_slice() {
        [deb] if file_name(deb).starts_with(&format!("Maatstaf_{version}_")) => Ok(deb.clone()),
        [deb] => Err(format!(
            "the package {} does not carry the workspace version {version}",
            deb.display()
        )),
        _ => Err(format!(
            "expected one .deb in {}, found {debs:?}",
            bundle_dir.display()
        )),
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn json_string(p: &Path) -> String {
    let s = p.to_string_lossy();
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// apt-get as root, or through `sudo -n`.
fn apt(args: &[&str]) -> Result {
    let as_root = sh::output(sh::cmd("id", &["-u"]))
        .map(|s| s.trim() == "0")
        .unwrap_or(false);
    let mut all: Vec<&str> = Vec::new();
    if !as_root {
        if !sh::succeeds("sudo", &["-n", "true"]) {
            return Err(format!(
                "installing the package needs root; run as root or allow `sudo -n`: apt-get {}",
                args.join(" ")
            ));
        }
        all.extend(["sudo", "-n"]);
    }
    all.push("apt-get");
    all.extend(args);
    let mut c = sh::cmd(all[0], &all[1..]);
    c.env("DEBIAN_FRONTEND", "noninteractive");
    sh::run(c)
}

fn installed(package: &str) -> bool {
    sh::output(sh::cmd("dpkg-query", &["-W", "-f=${Status}", package]))
        .map(|s| s.contains("install ok installed"))
        .unwrap_or(false)
}

/// Removes the package when dropped, also when a check fails half-way.
struct Installed;

impl Drop for Installed {
    fn drop(&mut self) {
        if installed(PACKAGE) {
            if let Err(e) = apt(&["remove", "-y", "-q", "--purge", PACKAGE]) {
                eprintln!("could not remove the package again: {e}");
            }
        }
    }
}

/// Installs `deb`, checks it, starts the installed app on a fresh data folder, removes it.
pub fn test_deb(deb: &Path, driver: &Path) -> Result {
    if installed(PACKAGE) {
        return Err(format!(
            "the package {PACKAGE} is installed already; remove it first (apt-get remove {PACKAGE}), \
             so this test installs and removes only its own"
        ));
    }
    let deb_s = deb.to_string_lossy().into_owned();
    let guard = Installed;
    apt(&["install", "-y", "-q", "--no-install-recommends", &deb_s])?;
    check_installed_files()?;

    // The CLI beside the app, on a data folder of its own: it makes the demo team.
    let data = sh::target_dir().join("package/cli-data");
    let _ = std::fs::remove_dir_all(&data);
    let data_s = data.to_string_lossy().into_owned();
    let teams = sh::output(sh::cmd(
        INSTALLED_CLI,
        &["teams", "list", "--data-dir", &data_s],
    ))?;
    if !teams.contains("Gemeente Voorbeeld") {
        return Err(format!(
            "the installed `maatstaf teams list` does not show the demo team:\n{teams}"
        ));
    }
    let version = workspace_version()?;
    let said = sh::output(sh::cmd(INSTALLED_CLI, &["--version"]))?;
    if !said.contains(&version) {
        return Err(format!(
            "the installed CLI says {said:?}, not version {version}"
        ));
    }

    // The installed app, started by the end-to-end harness on a fresh data folder.
    test::run_e2e(
        Path::new(INSTALLED_APP),
        driver,
        &[
            "--exact",
            "package::the_installed_app_opens_on_the_home_screen_of_a_fresh_data_folder",
        ],
        &[("MAATSTAF_E2E_VERSION", &version)],
    )?;

    drop(guard);
    for gone in [INSTALLED_APP, INSTALLED_CLI, DESKTOP_FILE] {
        if Path::new(gone).exists() {
            return Err(format!("{gone} is still there after removing the package"));
        }
    }
    println!("installed, started on a fresh data folder, and removed again");
    Ok(())
}

fn check_installed_files() -> Result {
    let mut missing = Vec::new();
    for file in [INSTALLED_APP, INSTALLED_CLI, DESKTOP_FILE] {
        if !Path::new(file).exists() {
            missing.push(file.to_owned());
        }
    }
    for size in ICON_SIZES {
        let icon = format!("/usr/share/icons/hicolor/{size}x{size}/apps/maatstaf-app.png");
        if !Path::new(&icon).exists() {
            missing.push(icon);
        }
    }
    let licence = format!("/usr/share/doc/{PACKAGE}/LICENSE");
    if !std::fs::read_to_string(&licence).is_ok_and(|l| l.contains("EUPL")) {
        missing.push(licence);
    }
    if !missing.is_empty() {
        return Err(format!(
            "the installed package lacks:\n  {}",
            missing.join("\n  ")
        ));
    }
    let desktop = std::fs::read_to_string(DESKTOP_FILE).map_err(|e| e.to_string())?;
    for line in [
        "Name=Maatstaf",
        "Comment=Fair, structured wethouder selection",
        "Comment[nl]=Eerlijk en toetsbaar wethouders selecteren",
        "Exec=maatstaf-app",
        "Icon=maatstaf-app",
    ] {
        if !desktop.lines().any(|l| l.starts_with(line)) {
            return Err(format!(
                "{DESKTOP_FILE} has no line starting `{line}`:\n{desktop}"
            ));
        }
    }
    Ok(())
}
