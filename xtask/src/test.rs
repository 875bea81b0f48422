//! `cargo xtask test`: everything CI runs, in the order that fails fastest.

use std::collections::BTreeMap;
use std::path::Path;

use crate::sh::{self, step, Result};
use crate::{deps, jargon, package, run, xvfb};

pub fn test(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(format!("`test` takes no arguments (got `{extra}`)"));
    }
    let root = sh::root();
    step("system packages", || deps::system_packages(true))?;
    step("node modules", || deps::node_modules(true))?;
    let driver = step("tauri-driver", deps::tauri_driver)?;
    step("rustfmt", || {
        sh::run(sh::cmd("cargo", &["fmt", "--all", "--check"]))
    })?;
    step("plain Dutch in the interface texts", || {
        jargon::check(&root.join("ui/src/lib/i18n/nl"))
    })?;
    step("ui: type check", || npm(&["run", "check"]))?;
    step("ui: unit tests", || npm(&["run", "test"]))?;
    step("ui: build", || npm(&["run", "build"]))?;
    step("clippy", || {
        sh::run(sh::cmd(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--all-features",
                "--",
                "-D",
                "warnings",
            ],
        ))
    })?;
    let fresh_bindings = sh::target_dir().join("bindings-check");
    step("rust tests", || {
        let _ = std::fs::remove_dir_all(&fresh_bindings);
        let mut c = sh::cmd(
            "cargo",
            &[
                "test",
                "--workspace",
                "--all-features",
                "--exclude",
                "maatstaf-e2e",
            ],
        );
        // The ts-rs tests write the IPC types here instead of over the committed ones.
        c.env("TS_RS_EXPORT_DIR", &fresh_bindings);
        sh::run(c)
    })?;
    step("generated TypeScript bindings are current", || {
        compare_dirs(&fresh_bindings, &root.join("ui/src/lib/bindings"))
    })?;
    step("bundled content is valid", || {
        // The Rust tests just built the CLI (its integration tests run the binary);
        // `cargo run` would rebuild it with another feature set.
        let cli = sh::target_dir().join("debug/maatstaf");
        sh::run(sh::cmd(
            &cli.to_string_lossy(),
            &["content", "check", "content"],
        ))
    })?;
    let app = step("release build", run::build_release_app)?;
    step("end-to-end tests", || run_e2e(&app, &driver, &[], &[]))?;
    // The package reuses the release build above; installing it needs root (CI is).
    let deb = step("package", package::build_deb)?;
    step("package installed, started and removed", || {
        package::test_deb(&deb, &driver)
    })?;
    println!("\nAll checks passed.");
    Ok(())
}

/// The end-to-end tests (those whose names `filter` gives, or all) against the app at
/// `app`, on a display of their own when there is none.
pub fn run_e2e(app: &Path, driver: &Path, filter: &[&str], env: &[(&str, &str)]) -> Result {
    let display = xvfb::Display::existing_or_virtual()?;
    let mut args = vec![
        "test",
        "--package",
        "maatstaf-e2e",
        "--",
        "--test-threads=1",
    ];
    args.extend(filter);
    let mut c = sh::cmd("cargo", &args);
    c.env("DISPLAY", &display.name)
        .env("MAATSTAF_E2E_APP", app)
        .env("MAATSTAF_E2E_DRIVER", driver)
        .envs(env.iter().copied())
        .env_remove("MAATSTAF_DATA_DIR");
    sh::run(c)
}

fn npm(args: &[&str]) -> Result {
    let mut c = sh::cmd("npm", args);
    c.current_dir(sh::root().join("ui"));
    sh::run(c)
}

fn compare_dirs(fresh: &Path, committed: &Path) -> Result {
    let read = |dir: &Path| -> BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap_or_default(),
                )
            })
            .collect()
    };
    let (fresh, committed) = (read(fresh), read(committed));
    if fresh.is_empty() {
        return Err("the Rust tests generated no TypeScript bindings".into());
    }
    let mut problems = Vec::new();
    for (name, content) in &fresh {
        match committed.get(name) {
            None => problems.push(format!("missing: ui/src/lib/bindings/{name}")),
            Some(c) if c != content => {
                problems.push(format!("out of date: ui/src/lib/bindings/{name}"))
            }
            Some(_) => {}
        }
    }
    for name in committed.keys().filter(|n| !fresh.contains_key(*n)) {
        problems.push(format!("no longer generated: ui/src/lib/bindings/{name}"));
    }
    if problems.is_empty() {
        println!("{} binding files match the Rust types", fresh.len());
        Ok(())
    } else {
        Err(format!(
            "the TypeScript bindings differ from the Rust types (run `cargo test` and commit ui/src/lib/bindings):\n  {}",
            problems.join("\n  ")
        ))
    }
}
