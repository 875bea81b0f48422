//! Installing what the build and the tests need, and nothing else.

use std::path::{Path, PathBuf};

use crate::sh::{self, Result};

/// Debian/Ubuntu packages to build and open the app.
const RUN_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "pkg-config",
    "xvfb",
    "xauth",
];
/// More packages for the end-to-end tests and screenshots; qpdf and poppler-utils
/// (pdftotext, pdfinfo) check the decision report's PDF.
const TEST_PACKAGES: &[&str] = &[
    "webkit2gtk-driver",
    "imagemagick",
    "xdotool",
    "qpdf",
    "poppler-utils",
];

/// Vite 7 needs at least this Node.js.
const MIN_NODE: (u32, u32) = (20, 19);

pub const TAURI_DRIVER_VERSION: &str = "2.1.0";

pub fn system_packages(for_tests: bool) -> Result {
    let wanted: Vec<&str> = RUN_PACKAGES
        .iter()
        .chain(if for_tests { TEST_PACKAGES } else { &[] })
        .copied()
        .collect();
    if !sh::succeeds("dpkg-query", &["--version"]) {
        // Not Debian or Ubuntu: check the essentials ourselves and say what is missing.
        if !sh::succeeds("pkg-config", &["--exists", "webkit2gtk-4.1"]) {
            return Err("WebKitGTK 4.1 development files are missing. Install your distribution's \
                        webkit2gtk-4.1 development package (see https://v2.tauri.app/start/prerequisites/)."
                .into());
        }
        return Ok(());
    }
    let missing: Vec<&str> = wanted.into_iter().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let install = format!(
        "apt-get install -y --no-install-recommends {}",
        missing.join(" ")
    );
    println!("missing system packages: {}", missing.join(" "));
    let as_root = is_root();
    let via_sudo = !as_root && sh::succeeds("sudo", &["-n", "true"]);
    if !as_root && !via_sudo {
        return Err(format!(
            "these system packages are missing and I cannot install them without a password.\n\
             Run this, then try again:\n\n    sudo apt-get update && sudo {install}\n"
        ));
    }
    let prefix: &[&str] = if via_sudo { &["sudo", "-n"] } else { &[] };
    let apt = |args: &[&str]| {
        let all: Vec<&str> = prefix.iter().chain(args).copied().collect();
        let mut c = sh::cmd(all[0], &all[1..]);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        sh::run(c)
    };
    apt(&["apt-get", "update", "-q"])?;
    let mut args = vec!["apt-get", "install", "-y", "-q", "--no-install-recommends"];
    args.extend(&missing);
    apt(&args)
}

fn installed(package: &str) -> bool {
    sh::output(sh::cmd("dpkg-query", &["-W", "-f=${Status}", package]))
        .map(|s| s.contains("install ok installed"))
        .unwrap_or(false)
}

fn is_root() -> bool {
    sh::output(sh::cmd("id", &["-u"]))
        .map(|s| s.trim() == "0")
        .unwrap_or(false)
}

pub fn node() -> Result {
    let version = sh::output(sh::cmd("node", &["--version"])).map_err(|_| {
        format!(
            "Node.js {}.{} or newer is needed to build the interface, and `node` was not found. \
             Install Node.js 20 or 22 (for example from your distribution or nodejs.org), then try again.",
            MIN_NODE.0, MIN_NODE.1
        )
    })?;
    let mut parts = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .map(|p| p.parse::<u32>().unwrap_or(0));
    let found = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    if found < MIN_NODE {
        return Err(format!(
            "Node.js {} is too old to build the interface; {}.{} or newer is needed.",
            version.trim(),
            MIN_NODE.0,
            MIN_NODE.1
        ));
    }
    Ok(())
}

/// `npm install` when the lock file changed since the last one. (`npm ci` rejects
/// lock files written against this registry; `npm install` honours the lock file.)
pub fn node_modules(check_lock_unchanged: bool) -> Result {
    node()?;
    let ui = sh::root().join("ui");
    let stamp = ui.join("node_modules/.package-lock.json");
    if newer(&ui.join("package-lock.json"), &stamp) || newer(&ui.join("package.json"), &stamp) {
        let mut c = sh::cmd("npm", &["install", "--no-audit", "--no-fund"]);
        c.current_dir(&ui);
        sh::run(c)?;
    }
    if check_lock_unchanged && in_git_checkout() {
        sh::run(sh::cmd(
            "git",
            &["diff", "--exit-code", "--", "ui/package-lock.json"],
        ))
        .map_err(|_| {
            "npm changed ui/package-lock.json: commit the updated lock file".to_string()
        })?;
    }
    Ok(())
}

fn in_git_checkout() -> bool {
    sh::root().join(".git").exists()
}

/// True when `a` is newer than `b`, or `b` does not exist.
pub fn newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(a), modified(b)) {
        (Some(a), Some(b)) => a > b,
        (_, None) => true,
        (None, Some(_)) => false,
    }
}

/// tauri-driver, installed into the project's own target folder (it is a crates.io crate).
pub fn tauri_driver() -> Result<PathBuf> {
    let tools = sh::target_dir().join("tools");
    let driver = tools.join("bin/tauri-driver");
    if !driver.exists() {
        let tools_s = tools.to_string_lossy().into_owned();
        sh::run(sh::cmd(
            "cargo",
            &[
                "install",
                "tauri-driver",
                "--version",
                TAURI_DRIVER_VERSION,
                "--locked",
                "--root",
                &tools_s,
            ],
        ))?;
    }
    Ok(driver)
}
