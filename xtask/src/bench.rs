//! `cargo xtask bench`: the targets the issues set, measured on the release build.
//! Each line says the measured value, the target and whether it is met.
//! `--domain-only` skips the app (build, start-up, size, memory) and measures
//! only the domain: content rendering, agreement statistics, training search and the
//! decision report.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::sh::{self, step, Result};
use crate::{deps, run, xvfb};

const START_RUNS: usize = 7;
const FIRST_PAINT_TARGET_MS: f64 = 500.0;
/// The app's start to first paint against a bare Tauri window's (`bench/floor`), medians
/// of starts taken in turn: an absolute time on a shared machine swings by half from hour
/// to hour, the ratio does not.
const FLOOR_RATIO_TARGET: f64 = 1.2;
const BINARY_TARGET_MB: f64 = 15.0;
const RSS_TARGET_MB: f64 = 150.0;
const CONTENT_TARGET_MS: f64 = 10.0;
const CONTENT_RUNS: &str = "101";
// Twice the 20x first set: one idle 2-core EPYC measured 16x before alpha's
// counting pass was rewritten, while this machine measured 22x on the same code
// (docs/performance.md), so a ratio met here has to leave room for another processor.
const ALPHA_SPEEDUP_TARGET: f64 = 40.0;
const ALPHA_AGREEMENT: f64 = 1e-9;
const ALPHA_ROUNDS: usize = 3;
const BOOTSTRAP_TARGET_MS: f64 = 1000.0;
const SEARCH_TARGET_MS: f64 = 20.0;
/// Importing ten score packages of a 20 x 8 round (issue 15).
const PACKAGES_TARGET_MS: f64 = 1000.0;
const REPORT_TARGET_MS: f64 = 2000.0;

/// Whether a value must stay under its target or reach it.
#[derive(Clone, Copy)]
enum Goal {
    Below,
    AtLeast,
}

struct Row {
    what: String,
    /// `Err` says why there is no value; such a row counts as missed.
    value: std::result::Result<f64, String>,
    unit: &'static str,
    goal: Goal,
    target: f64,
}

impl Row {
    fn below(what: impl Into<String>, value: Result<f64>, unit: &'static str, target: f64) -> Row {
        Row {
            what: what.into(),
            value,
            unit,
            goal: Goal::Below,
            target,
        }
    }

    fn met(&self) -> bool {
        match (self.value.as_ref(), self.goal) {
            (Ok(v), Goal::Below) => *v < self.target,
            (Ok(v), Goal::AtLeast) => *v >= self.target,
            (Err(_), _) => false,
        }
    }
}

pub fn bench(args: &[String]) -> Result {
    let domain_only = match args {
        [] => false,
        [flag] if flag == "--domain-only" => true,
        [extra, ..] => {
            return Err(format!(
                "`bench` takes only `--domain-only` (got `{extra}`)"
            ))
        }
    };
    let mut rows = Vec::new();
    if !domain_only {
        rows.extend(app_rows()?);
    }
    rows.extend(domain_rows()?);

    println!("\n{}", machine());
    println!(
        "{:<52} {:>10} {:>12}  result",
        "benchmark", "value", "target"
    );
    let mut failed = 0;
    for r in &rows {
        let ok = r.met();
        failed += usize::from(!ok);
        let value = match &r.value {
            Ok(v) => format!("{v:>7.1} {:<2}", r.unit),
            Err(_) => format!("{:>7} {:<2}", "-", ""),
        };
        let target = match r.goal {
            Goal::Below => format!("< {:>7.1} {:<2}", r.target, r.unit),
            Goal::AtLeast => format!(">= {:>6.1} {:<2}", r.target, r.unit),
        };
        let result = match (&r.value, ok) {
            (_, true) => "met".to_owned(),
            (Ok(_), false) => "MISSED".to_owned(),
            (Err(why), false) => format!("MISSED: {why}"),
        };
        println!("{:<52} {value} {target}  {result}", r.what);
    }
    if failed > 0 {
        return Err(format!("{failed} benchmark target(s) missed"));
    }
    Ok(())
}

/// Cores and CPU model, so numbers from different machines are not compared blindly.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown CPU", |(_, m)| m.trim())
        .to_owned();
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into());
    format!("machine: {cores} cores, {model} (load average {load} at the end)")
}

fn app_rows() -> Result<Vec<Row>> {
    deps::system_packages(false)?;
    deps::node_modules(false)?;
    let app = step("release build", run::build_release_app)?;
    let mut rows = Vec::new();

    let size_mb = std::fs::metadata(&app).map_err(|e| e.to_string())?.len() as f64 / 1e6;
    rows.push(Row::below(
        "release binary size",
        Ok(size_mb),
        "MB",
        BINARY_TARGET_MB,
    ));

    let floor = step("release build of the bare window", build_release_floor)?;
    let starts = step(
        "cold starts under Xvfb, the app and the bare window in turn",
        || start_up(&app, &floor),
    )?;
    rows.push(Row::below(
        format!("start to first paint (median of {START_RUNS})"),
        Ok(starts.app_ms),
        "ms",
        FIRST_PAINT_TARGET_MS,
    ));
    rows.push(Row::below(
        format!("first paint / bare window's ({:.0} ms)", starts.floor_ms),
        Ok(starts.app_ms / starts.floor_ms),
        "x",
        FLOOR_RATIO_TARGET,
    ));
    let rss_mb = starts.rss_mb;
    rows.push(Row::below(
        "app process RSS after start (median)",
        Ok(rss_mb),
        "MB",
        RSS_TARGET_MB,
    ));
    Ok(rows)
}

/// The domain targets, each timed by a release-built example that prints JSON.
fn domain_rows() -> Result<Vec<Row>> {
    step("release build of the core examples", || {
        sh::run(sh::cmd(
            "cargo",
            &["build", "--release", "-p", "maatstaf-core", "--examples"],
        ))
    })?;
    let mut rows = Vec::new();

    let content = step("content rendering", || {
        example("maatstaf-core", "bench_content", &["content", CONTENT_RUNS])
    })?;
    let modules = json_number(&content, "modules").unwrap_or(0.0);
    rows.push(Row::below(
        format!("content: parse + render all {modules} modules (median)"),
        json_number(&content, "render_all_ms").ok_or_else(|| unreadable(&content)),
        "ms",
        CONTENT_TARGET_MS,
    ));

    let csv = sh::target_dir().join("bench-alpha.csv");
    let csv_arg = csv.to_string_lossy().into_owned();
    // Rust and Python take turns, and the ratio is the median of the rounds' ratios:
    // a burst of load from elsewhere then slows one round, not one side.
    let mut ratios = Vec::new();
    let mut rust = String::new();
    let mut python_problem = None;
    for round in 1..=ALPHA_ROUNDS {
        rust = step(&format!("ordinal alpha in Rust, round {round}"), || {
            example("maatstaf-core", "bench_alpha", &[&csv_arg])
        })?;
        let rust_ms = json_number(&rust, "alpha_ordinal_ms").ok_or_else(|| unreadable(&rust))?;
        let rust_alpha = json_number(&rust, "alpha").ok_or_else(|| unreadable(&rust))?;
        let python = step(
            &format!("ordinal alpha in Python (krippendorff), round {round}"),
            || python_alpha(&csv),
        );
        match python {
            Ok((py_ms, py_alpha)) if (py_alpha - rust_alpha).abs() <= ALPHA_AGREEMENT => {
                println!(
                    "alpha 40 raters x 2000 units: Rust {rust_ms:.3} ms, Python {py_ms:.3} ms \
                     ({:.1}x), alpha {rust_alpha}",
                    py_ms / rust_ms
                );
                ratios.push(py_ms / rust_ms);
            }
            Ok((_, py_alpha)) => {
                python_problem = Some(format!(
                    "the alphas differ: Rust {rust_alpha}, Python {py_alpha}"
                ));
                break;
            }
            Err(e) => {
                python_problem = Some(e);
                break;
            }
        }
    }
    let speedup = match python_problem {
        Some(problem) => Err(problem),
        None => Ok(median(&mut ratios)),
    };
    rows.push(Row {
        what: format!("alpha 40x2000: Python / Rust time, median of {ALPHA_ROUNDS} rounds"),
        value: speedup,
        unit: "x",
        goal: Goal::AtLeast,
        target: ALPHA_SPEEDUP_TARGET,
    });
    rows.push(Row::below(
        "alpha bootstrap, 1000 resamples",
        json_number(&rust, "bootstrap_1000_ms").ok_or_else(|| unreadable(&rust)),
        "ms",
        BOOTSTRAP_TARGET_MS,
    ));

    rows.push(Row::below(
        "training search",
        search_ms(),
        "ms",
        SEARCH_TARGET_MS,
    ));
    let packages = step("score packages", || {
        example("maatstaf-store", "bench_packages", &["10", "20"])
    })?;
    rows.push(Row::below(
        "import + merge 10 score packages, 20 candidates x 8 criteria",
        json_number(&packages, "import_ms").ok_or_else(|| unreadable(&packages)),
        "ms",
        PACKAGES_TARGET_MS,
    ));

    let report = step("decision report", || {
        example("maatstaf-report-pdf", "bench_report", &[])
    })?;
    rows.push(Row::below(
        "demo decision report: data, PDF/A and HTML (median of 7)",
        json_number(&report, "report_ms").ok_or_else(|| unreadable(&report)),
        "ms",
        REPORT_TARGET_MS,
    ));
    Ok(rows)
}

/// `{"search_ms": …}` from the store's example, once another worker has written it.
fn search_ms() -> Result<f64> {
    if !sh::root()
        .join("crates/store/examples/bench_search.rs")
        .exists()
    {
        return Err("not built yet".into());
    }
    let out = step("training search", || {
        example("maatstaf-store", "bench_search", &[])
    })?;
    json_number(&out, "search_ms").ok_or_else(|| unreadable(&out))
}

/// Runs a release-built example from the repository root; returns its standard output.
fn example(package: &str, name: &str, args: &[&str]) -> Result<String> {
    let mut all = vec![
        "run",
        "--quiet",
        "--release",
        "-p",
        package,
        "--example",
        name,
        "--",
    ];
    all.extend_from_slice(args);
    let out = sh::output(sh::cmd("cargo", &all))?;
    println!("{}", out.trim());
    Ok(out)
}

/// Times Python's `krippendorff` on the CSV, in a venv of its own; (median ms, alpha).
fn python_alpha(csv: &Path) -> Result<(f64, f64)> {
    let venv = sh::target_dir().join("bench-venv");
    let python = venv.join("bin/python");
    let python_str = python.to_string_lossy().into_owned();
    if !python.exists() {
        let venv_str = venv.to_string_lossy().into_owned();
        sh::run(sh::cmd("python3", &["-m", "venv", &venv_str]))
            .map_err(|e| format!("no Python venv ({e}); install python3 and python3-venv"))?;
    }
    if !sh::succeeds(&python_str, &["-c", "import krippendorff, numpy"]) {
        sh::run(sh::cmd(
            &python_str,
            &["-m", "pip", "install", "--quiet", "krippendorff", "numpy"],
        ))
        .map_err(|e| format!("could not install krippendorff and numpy with pip ({e})"))?;
    }
    let script = sh::root().join("xtask/bench/krippendorff_py.py");
    let out = sh::output(sh::cmd(
        &python_str,
        &[&script.to_string_lossy(), &csv.to_string_lossy()],
    ))?;
    println!("{}", out.trim());
    let ms = json_number(&out, "alpha_ordinal_ms").ok_or_else(|| unreadable(&out))?;
    let alpha = json_number(&out, "alpha").ok_or_else(|| unreadable(&out))?;
    Ok((ms, alpha))
}

/// A number field of a flat JSON object such as `{"render_all_ms": 3.1, "modules": 12}`.
fn json_number(json: &str, key: &str) -> Option<f64> {
    let quoted = format!("\"{key}\"");
    let after = &json[json.find(&quoted)? + quoted.len()..];
    let value = after.trim_start().strip_prefix(':')?.trim_start();
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))
        .unwrap_or(value.len());
    value[..end].parse().ok()
}

fn unreadable(output: &str) -> String {
    format!("unexpected output `{}`", output.trim())
}

fn build_release_floor() -> Result<std::path::PathBuf> {
    sh::run(sh::cmd(
        "cargo",
        &[
            "build",
            "--release",
            "--package",
            "maatstaf-floor",
            "--features",
            "custom-protocol",
        ],
    ))?;
    Ok(sh::target_dir().join("release/maatstaf-floor"))
}

/// Medians of the cold starts: the app's first paint, the bare window's, and the app's RSS.
struct Starts {
    app_ms: f64,
    floor_ms: f64,
    rss_mb: f64,
}

/// Starts the app (on a prepared data folder) and the bare window in turn on one fresh
/// virtual display, so both meet the same load; each reports its first paint (the app's
/// home screen with its teams, see `ui/src/lib/firstPaint.ts`, the bare window's static
/// page the same way). Returns the medians from exec to that report, and the app's RSS.
fn start_up(app: &Path, floor: &Path) -> Result<Starts> {
    let display = xvfb::Display::start_virtual()?;
    let data = std::env::temp_dir().join(format!("maatstaf-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let mut paints = Vec::new();
    let mut floors = Vec::new();
    let mut rss = Vec::new();
    // The first start creates the database and the demo; it is not counted.
    for run in 0..=START_RUNS {
        let (app_ms, rss_mb) = first_paint(app, &display.name, Some(&data))?;
        let (floor_ms, _) = first_paint(floor, &display.name, None)?;
        if run > 0 {
            paints.push(app_ms);
            floors.push(floor_ms);
            rss.push(rss_mb.ok_or("could not read the app's memory use")?);
        }
    }
    let _ = std::fs::remove_dir_all(&data);
    println!("first paint (ms): app {paints:.0?}, bare window {floors:.0?}");
    Ok(Starts {
        app_ms: median(&mut paints),
        floor_ms: median(&mut floors),
        rss_mb: median(&mut rss),
    })
}

/// One cold start of `binary`: milliseconds from exec to its `FIRST_PAINT_MS=` line, and
/// its RSS once the first screen has settled.
fn first_paint(binary: &Path, display: &str, data: Option<&Path>) -> Result<(f64, Option<f64>)> {
    let t0 = Instant::now();
    let mut command = Command::new(binary);
    command
        .env("DISPLAY", display)
        .env("MAATSTAF_REPORT_FIRST_PAINT", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(data) = data {
        command.env("MAATSTAF_DATA_DIR", data);
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", binary.display()))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            if line.starts_with("FIRST_PAINT_MS=") {
                let _ = tx.send(t0.elapsed());
            }
        }
    });
    let painted = rx.recv_timeout(Duration::from_secs(30));
    // Memory once the first screen has settled.
    std::thread::sleep(Duration::from_millis(1500));
    let rss_mb = rss_of(child.id());
    let _ = child.kill();
    let _ = child.wait();
    let elapsed = painted.map_err(|_| {
        format!(
            "{} did not report its first paint within 30 s",
            binary.display()
        )
    })?;
    Ok((elapsed.as_secs_f64() * 1000.0, rss_mb))
}

fn rss_of(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1000.0)
}

pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}
