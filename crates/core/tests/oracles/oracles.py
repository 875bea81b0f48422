"""Oracle values for crates/core/tests/stats_oracles.rs.

Run (the versions the committed digits came from):
    python3 -m venv /tmp/statsvenv
    /tmp/statsvenv/bin/pip install krippendorff==0.9.0 pingouin==0.7.0   # brings statsmodels 0.15.0, scikit-learn 1.9.1
    /tmp/statsvenv/bin/python oracles.py
Gwet's AC1/AC2 come from gwet_oracle.py (irrCAC needs an older numpy: own venv).
"""
import csv
import os
from importlib.metadata import version

import krippendorff
import numpy as np
import pandas as pd
import pingouin
from scipy.stats import f
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name):
    """Units x raters as float array, NaN = missing."""
    with open(os.path.join(HERE, "data", name), newline="") as f:
        rows = list(csv.reader(f))
    return np.array([[float(v) if v != "" else np.nan for v in r[1:]] for r in rows[1:]])


print("# " + ", ".join(f"{p} {version(p)}" for p in ["krippendorff", "pingouin", "statsmodels", "scikit-learn", "scipy", "numpy"]))

for name in ["k2011.csv", "ordinal_missing.csv", "continuous.csv"]:
    data = read(name)
    for level in ["nominal", "ordinal", "interval", "ratio"]:
        # krippendorff wants raters x units
        a = krippendorff.alpha(reliability_data=data.T, level_of_measurement=level)
        print(f"alpha {name} {level} {float(a)!r}")

def unrounded_ci(x):
    n, k = x.shape
    grand = x.mean()
    ss_total = ((x - grand) ** 2).sum()
    ss_rows = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((x.mean(axis=0) - grand) ** 2).sum()
    msb = ss_rows / (n - 1)
    msj = ss_cols / (k - 1)
    mse = (ss_total - ss_rows - ss_cols) / ((n - 1) * (k - 1))
    msw = (ss_total - ss_rows) / (n * (k - 1))
    icc2 = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n)
    df1, df1kd, df2kd = n - 1, n * (k - 1), (n - 1) * (k - 1)
    f1k, f3k = msb / msw, msb / mse
    f1l = f1k / f.ppf(0.975, df1, df1kd)
    f1u = f1k * f.ppf(0.975, df1kd, df1)
    f3l = f3k / f.ppf(0.975, df1, df2kd)
    f3u = f3k * f.ppf(0.975, df2kd, df1)
    fj = msj / mse
    vn = df2kd * (k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2) ** 2
    vd = df1 * k**2 * icc2**2 * fj**2 + (n * (1 + (k - 1) * icc2) - k * icc2) ** 2
    v = vn / vd
    f2u = f.ppf(0.975, n - 1, v)
    f2l = f.ppf(0.975, v, n - 1)
    l2 = n * (msb - f2u * mse) / (f2u * (k * msj + (k * n - k - n) * mse) + n * msb)
    u2 = n * (f2l * msb - mse) / (k * msj + (k * n - k - n) * mse + n * f2l * msb)
    return [
        ("ICC(1,1)", (f1l - 1) / (f1l + k - 1), (f1u - 1) / (f1u + k - 1)),
        ("ICC(A,1)", l2, u2),
        ("ICC(C,1)", (f3l - 1) / (f3l + k - 1), (f3u - 1) / (f3u + k - 1)),
        ("ICC(1,k)", 1 - 1 / f1l, 1 - 1 / f1u),
        ("ICC(A,k)", l2 * k / (1 + l2 * (k - 1)), u2 * k / (1 + u2 * (k - 1))),
        ("ICC(C,k)", 1 - 1 / f3l, 1 - 1 / f3u),
    ]


for name in ["shrout_fleiss_1979.csv", "icc_complete.csv", "ordinal_missing.csv"]:
    data = read(name)
    data = data[~np.isnan(data).any(axis=1)]  # units every rater scored
    n, k = data.shape
    long = pd.DataFrame(
        [(i, j, data[i, j]) for i in range(n) for j in range(k)], columns=["target", "rater", "score"]
    )
    res = pingouin.intraclass_corr(data=long, targets="target", raters="rater", ratings="score")
    for _, row in res.iterrows():
        lo, hi = row["CI95"]
        print(f"icc {name} n={n} {row['Type']} {float(row['ICC'])!r} {float(lo)!r} {float(hi)!r}")
    # pingouin rounds its intervals to two decimals; the same formulas
    # (pingouin 0.7.0 intraclass_corr) unrounded, with scipy's F quantiles:
    for typ, lo, hi in unrounded_ci(data):
        print(f"icc-ci-unrounded {name} {typ} {float(lo)!r} {float(hi)!r}")

data = read("fleiss_1971.csv").astype(int)
table, _ = aggregate_raters(data)
print(f"fleiss fleiss_1971.csv {float(fleiss_kappa(table, method='fleiss'))!r}")
data = read("ordinal_missing.csv")
complete = data[~np.isnan(data).any(axis=1)].astype(int)
table, _ = aggregate_raters(complete)
print(f"fleiss ordinal_missing.csv n={len(complete)} {float(fleiss_kappa(table, method='fleiss'))!r}")

data = read("two_raters.csv")
both = data[~np.isnan(data).any(axis=1)].astype(int)
labels = list(range(1, 8))  # the whole 1..7 scale: the unused 4 still counts as a step
for w in [None, "linear", "quadratic"]:
    kappa = cohen_kappa_score(both[:, 0], both[:, 1], labels=labels, weights=w)
    print(f"cohen two_raters.csv n={len(both)} {w or 'unweighted'} {float(kappa)!r}")
# What counting only the levels that occur would give (not what we want):
kappa = cohen_kappa_score(both[:, 0], both[:, 1], weights="linear")
print(f"cohen-observed-levels-only two_raters.csv linear {float(kappa)!r}")
