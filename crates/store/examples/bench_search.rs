//! Times a full-text search over the installed training modules.
//!
//! `cargo run --release -p maatstaf-store --example bench_search -- [QUERY] [RUNS]`
//! prints `{"search_ms": median, "hits": N, "runs": RUNS}`. It uses a fresh
//! temporary data folder, so the bundled modules are installed first (not timed).

use std::time::Instant;

use maatstaf_store::Store;

fn main() {
    let mut args = std::env::args().skip(1);
    let query = args.next().unwrap_or_else(|| "halo".to_owned());
    let runs: usize = match args.next().map(|n| n.parse()) {
        None => 50,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => fail("RUNS must be a positive whole number"),
    };
    let dir = std::env::temp_dir().join(format!("maatstaf-bench-search-{}", std::process::id()));
    let store = Store::open_in(&dir).unwrap_or_else(|e| fail(&e.to_string()));
    let mut hits = 0;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let found = store
            .search_modules(&query)
            .unwrap_or_else(|e| fail(&e.to_string()));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        hits = std::hint::black_box(found).len();
    }
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!("{{\"search_ms\": {median:.3}, \"hits\": {hits}, \"runs\": {runs}}}");
}

fn fail(message: &str) -> ! {
    eprintln!("bench_search: {message}");
    std::process::exit(2)
}
