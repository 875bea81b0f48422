//! Times ordinal Krippendorff's alpha and its bootstrap on seeded data
//! (40 raters × 2000 units, values 1..5, 10% missing) and writes the data as
//! CSV so `xtask/bench/krippendorff_py.py` can time Python on the same data.
//!
//! cargo run --release -p maatstaf-core --example bench_alpha -- /tmp/bench_alpha.csv

use std::fmt::Write as _;
use std::time::Instant;

use maatstaf_core::stats::{krippendorff_alpha, krippendorff_alpha_bootstrap, Level, RatingMatrix};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const RATERS: usize = 40;
const UNITS: usize = 2000;
const RUNS: usize = 201;

fn main() {
    let path = std::env::args().nth(1).expect("usage: bench_alpha OUT.csv");
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let rows: Vec<Vec<Option<f64>>> = (0..UNITS)
        .map(|_| {
            let truth: i32 = rng.random_range(1..=5);
            (0..RATERS)
                .map(|_| {
                    let noise: i32 = rng.random_range(-1..=1);
                    (rng.random::<f64>() >= 0.10).then(|| f64::from((truth + noise).clamp(1, 5)))
                })
                .collect()
        })
        .collect();

    let mut csv = String::from("unit");
    for r in 0..RATERS {
        write!(csv, ",r{r}").unwrap();
    }
    csv.push('\n');
    for (u, row) in rows.iter().enumerate() {
        write!(csv, "u{u}").unwrap();
        for v in row {
            match v {
                Some(v) => write!(csv, ",{v}").unwrap(),
                None => csv.push(','),
            }
        }
        csv.push('\n');
    }
    std::fs::write(&path, csv).expect("write the CSV");

    let m = RatingMatrix::from_rows(&rows).expect("finite values");
    let mut times = Vec::with_capacity(RUNS);
    let mut alpha = f64::NAN;
    for _ in 0..RUNS {
        let start = Instant::now();
        alpha = krippendorff_alpha(&m, Level::Ordinal)
            .value()
            .expect("alpha is defined");
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times[RUNS / 2];

    let start = Instant::now();
    let boot = krippendorff_alpha_bootstrap(&m, Level::Ordinal, 1000, 1);
    let bootstrap_ms = start.elapsed().as_secs_f64() * 1000.0;
    let ci = boot.ci95().expect("an interval");

    println!(
        "{}",
        serde_json::json!({
            "alpha_ordinal_ms": median,
            "bootstrap_1000_ms": bootstrap_ms,
            "alpha": alpha,
            "ci95": ci,
        })
    );
}
