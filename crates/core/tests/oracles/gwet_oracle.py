"""Gwet's AC1 / AC2 oracle values for crates/core/tests/stats_oracles.rs.

Run:
    python3 -m venv /tmp/irrvenv && /tmp/irrvenv/bin/pip install irrcac==0.4.4   # numpy 1.26.4, pandas 2.3.3
    /tmp/irrvenv/bin/python gwet_oracle.py
"""
import csv
import os

import numpy as np
import pandas as pd
from irrCAC.raw import CAC

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name):
    with open(os.path.join(HERE, "data", name), newline="") as f:
        rows = list(csv.reader(f))
    return pd.DataFrame([[float(v) if v != "" else np.nan for v in r[1:]] for r in rows[1:]], columns=rows[0][1:])


print("# irrCAC 0.4.4")
for name, categories in [("ordinal_missing.csv", [1.0, 2.0, 3.0, 4.0, 5.0]), ("two_raters.csv", [float(x) for x in range(1, 8)]),
                         ("fleiss_1971.csv", None)]:
    df = read(name)
    for w in ["identity", "linear", "quadratic"]:
        cac = CAC(df, weights=w, categories=categories, digits=17)
        print(f"gwet {name} {w} {cac.gwet()['est']['coefficient_value']!r}")
