//! `cargo xtask run`: from nothing to the app on screen; seconds when nothing changed.

use std::path::PathBuf;

use crate::sh::{self, Result};
use crate::{deps, xvfb};

pub fn run(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(format!("`run` takes no arguments (got `{extra}`)"));
    }
    deps::system_packages(false)?;
    deps::node_modules(false)?;
    let app = build_release_app()?;
    let display = xvfb::Display::existing_or_virtual()?;
    if display.is_virtual() {
        println!(
            "No display found: the app runs on a virtual one ({}), out of sight.",
            display.name
        );
    }
    let mut c = sh::cmd(&app.to_string_lossy(), &[]);
    c.env("DISPLAY", &display.name);
    sh::run(c)
}

/// Builds the UI when its sources changed, then the release app that embeds it.
pub fn build_release_app() -> Result<PathBuf> {
    let root = sh::root();
    let ui = root.join("ui");
    let dist_index = ui.join("dist/index.html");
    if ui_changed_since(&dist_index) {
        let mut c = sh::cmd("npm", &["run", "build"]);
        c.current_dir(&ui);
        sh::run(c)?;
    }
    sh::run(sh::cmd(
        "cargo",
        &[
            "build",
            "--release",
            "--package",
            "maatstaf-app",
            "--features",
            "custom-protocol",
        ],
    ))?;
    Ok(sh::target_dir().join("release/maatstaf-app"))
}

/// Rebuilding the UI touches `dist/`, which relinks the app; so only when a source is newer.
fn ui_changed_since(built: &std::path::Path) -> bool {
    let ui = sh::root().join("ui");
    let mut stack = vec![ui.join("src")];
    let mut files = vec![
        ui.join("index.html"),
        ui.join("package-lock.json"),
        ui.join("vite.config.ts"),
    ];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.iter().any(|f| deps::newer(f, built))
}
