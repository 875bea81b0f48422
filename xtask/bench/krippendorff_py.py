"""Times Python's `krippendorff` on the CSV written by crates/core/examples/bench_alpha.rs.

`cargo xtask bench` runs it in target/bench-venv (pip install krippendorff numpy):

    cargo run --release -p maatstaf-core --example bench_alpha -- /tmp/bench_alpha.csv
    target/bench-venv/bin/python xtask/bench/krippendorff_py.py /tmp/bench_alpha.csv

Prints {"alpha_ordinal_ms": median of 51 runs, "alpha": ...}; the alpha must equal the Rust one.
"""
import csv
import json
import statistics
import sys
import time

import krippendorff
import numpy as np

RUNS = 51

with open(sys.argv[1], newline="") as f:
    rows = list(csv.reader(f))
data = np.array([[float(v) if v != "" else np.nan for v in r[1:]] for r in rows[1:]])
reliability = data.T  # krippendorff wants raters x units

times = []
alpha = None
for _ in range(RUNS):
    start = time.perf_counter()
    alpha = krippendorff.alpha(reliability_data=reliability, level_of_measurement="ordinal")
    times.append((time.perf_counter() - start) * 1000.0)

print(json.dumps({"alpha_ordinal_ms": statistics.median(times), "alpha": float(alpha)}))
