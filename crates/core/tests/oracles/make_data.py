"""Writes the oracle data sets in data/ (deterministic: Python's random with fixed seeds).

Run: python3 make_data.py   (standard library only)
Layout of every CSV: header `unit,<rater ids>`; one row per unit; empty cell = missing.
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, raters, rows):
    with open(os.path.join(HERE, "data", name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit"] + raters)
        for unit, values in rows:
            w.writerow([unit] + ["" if v is None else v for v in values])


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C:
# 4 observers x 12 units with missing values.
k2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}
write("k2011.csv", list(k2011), [(f"u{i + 1}", [k2011[r][i] for r in k2011]) for i in range(12)])

# Ordinal 1..5, 7 raters x 40 units, rater leniency, ~20% missing.
rng = random.Random(20261125)
raters = [f"r{j + 1}" for j in range(7)]
bias = [rng.choice([-1, 0, 0, 1]) for _ in raters]
rows = []
for i in range(40):
    true = rng.randint(1, 5)
    values = []
    for j in range(7):
        if rng.random() < 0.2:
            values.append(None)
        else:
            values.append(clamp(true + bias[j] + rng.choice([-1, 0, 0, 0, 1]), 1, 5))
    rows.append((f"c{i + 1:02}", values))
write("ordinal_missing.csv", raters, rows)

# Positive continuous values, 5 raters x 25 units, ~15% missing (interval, ratio).
rng = random.Random(7)
rows = []
for i in range(25):
    true = rng.uniform(1.0, 20.0)
    values = [None if rng.random() < 0.15 else round(true * rng.uniform(0.8, 1.25) + rng.uniform(-1, 1) + 1.5, 2) for _ in range(5)]
    rows.append((f"x{i + 1:02}", values))
write("continuous.csv", [f"m{j + 1}" for j in range(5)], rows)

# Complete data for ICC: 12 units x 5 raters on 1..9, rater offsets.
rng = random.Random(1979)
offsets = [0, 1, -1, 2, 0]
rows = []
for i in range(12):
    true = rng.randint(2, 7)
    rows.append((f"t{i + 1:02}", [clamp(true + o + rng.choice([-1, 0, 0, 1]), 1, 9) for o in offsets]))
write("icc_complete.csv", [f"j{j + 1}" for j in range(5)], rows)

# Shrout & Fleiss (1979), Table 2: 6 targets x 4 judges.
sf = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
write("shrout_fleiss_1979.csv", ["J1", "J2", "J3", "J4"], [(f"T{i + 1}", r) for i, r in enumerate(sf)])

# Two raters on a 1..7 scale that never use 4; some missing.
rng = random.Random(1960)
levels = [1, 2, 3, 5, 6, 7]
rows = []
for i in range(60):
    a = rng.choice(levels)
    b = a if rng.random() < 0.5 else rng.choice(levels)
    rows.append((f"p{i + 1:02}", [None if rng.random() < 0.08 else a, None if rng.random() < 0.08 else b]))
write("two_raters.csv", ["A", "B"], rows)

# Fleiss (1971): 30 patients, 6 psychiatrists, 5 diagnoses (R irr's `diagnoses`).
diagnoses = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]
write("fleiss_1971.csv", [f"rater{j + 1}" for j in range(6)], [(str(i + 1), r) for i, r in enumerate(diagnoses)])
