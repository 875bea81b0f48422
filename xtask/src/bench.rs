//! `cargo xtask bench`: the targets the issues set, measured on the release build.
//! Each line says the measured value, the target and whether it is met.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::sh::{step, Result};
use crate::{deps, run, xvfb};

const START_RUNS: usize = 7;
const FIRST_PAINT_TARGET_MS: f64 = 500.0;
const BINARY_TARGET_MB: f64 = 15.0;
const RSS_TARGET_MB: f64 = 150.0;

struct Row {
    what: String,
    value: f64,
    unit: &'static str,
    target: f64,
}

pub fn bench(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(format!("`bench` takes no arguments (got `{extra}`)"));
    }
    deps::system_packages(false)?;
    deps::node_modules(false)?;
    let app = step("release build", run::build_release_app)?;
    let mut rows = Vec::new();

    let size_mb = std::fs::metadata(&app).map_err(|e| e.to_string())?.len() as f64 / 1e6;
    rows.push(Row {
        what: "release binary size".into(),
        value: size_mb,
        unit: "MB",
        target: BINARY_TARGET_MB,
    });

    let (paint_ms, rss_mb) = step("cold start under Xvfb", || start_up(&app))?;
    rows.push(Row {
        what: format!("start to first paint (median of {START_RUNS})"),
        value: paint_ms,
        unit: "ms",
        target: FIRST_PAINT_TARGET_MS,
    });
    rows.push(Row {
        what: "app process RSS after start (median)".into(),
        value: rss_mb,
        unit: "MB",
        target: RSS_TARGET_MB,
    });

    println!(
        "\n{:<48} {:>10} {:>10}  result",
        "benchmark", "value", "target"
    );
    let mut failed = 0;
    for r in &rows {
        let ok = r.value < r.target;
        failed += usize::from(!ok);
        println!(
            "{:<48} {:>7.1} {:<2} {:>7.1} {:<2}  {}",
            r.what,
            r.value,
            r.unit,
            r.target,
            r.unit,
            if ok { "met" } else { "MISSED" }
        );
    }
    if failed > 0 {
        return Err(format!("{failed} benchmark target(s) missed"));
    }
    Ok(())
}

/// Starts the app repeatedly on a prepared data folder and a fresh virtual display;
/// returns the median milliseconds from exec to the UI's first paint, and the median RSS.
fn start_up(app: &std::path::Path) -> Result<(f64, f64)> {
    let display = xvfb::Display::start_virtual()?;
    let data = std::env::temp_dir().join(format!("maatstaf-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let mut paints = Vec::new();
    let mut rss = Vec::new();
    // The first start creates the database and the demo; it is not counted.
    for run in 0..=START_RUNS {
        let t0 = Instant::now();
        let mut child = Command::new(app)
            .env("DISPLAY", &display.name)
            .env("MAATSTAF_DATA_DIR", &data)
            .env("MAATSTAF_REPORT_FIRST_PAINT", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start the app: {e}"))?;
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
        let elapsed = painted
            .map_err(|_| "the app did not report its first paint within 30 s".to_string())?;
        if run > 0 {
            paints.push(elapsed.as_secs_f64() * 1000.0);
            rss.push(rss_mb.ok_or("could not read the app's memory use")?);
        }
    }
    let _ = std::fs::remove_dir_all(&data);
    println!("first paint (ms): {paints:.0?}");
    Ok((median(&mut paints), median(&mut rss)))
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
