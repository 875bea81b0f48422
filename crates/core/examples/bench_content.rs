//! Times parsing and rendering every module of a content folder.
//!
//! `cargo run --release -p maatstaf-core --example bench_content -- content [RUNS]`
//! prints `{"render_all_ms": median, "fastest_ms": min, "modules": N, "runs": RUNS}`;
//! a fastest run far below the median means the machine was busy.

use std::time::Instant;

use maatstaf_core::content::{parse_module, render_module};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "content".to_owned());
    let runs: usize = match args.next().map(|n| n.parse()) {
        None => 20,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => fail("RUNS must be a positive whole number"),
    };

    let modules_dir = format!("{dir}/modules");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&modules_dir)
        .unwrap_or_else(|e| fail(&format!("cannot read {modules_dir}: {e}")))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
            (path.display().to_string(), text)
        })
        .collect();
    files.sort();

    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        for (path, text) in &files {
            match parse_module(path, text) {
                Ok(module) => {
                    std::hint::black_box(render_module(&module));
                }
                Err(diagnostics) => fail(&format!(
                    "{path} has {} problems; run `maatstaf content check` first",
                    diagnostics.len()
                )),
            }
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let fastest = times[0];
    println!(
        "{{\"render_all_ms\": {median:.3}, \"fastest_ms\": {fastest:.3}, \"modules\": {}, \"runs\": {runs}}}",
        files.len()
    );
}

fn fail(message: &str) -> ! {
    eprintln!("bench_content: {message}");
    std::process::exit(2)
}
