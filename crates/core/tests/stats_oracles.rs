//! `maatstaf_core::stats` against published worked examples and independent
//! implementations.
//!
//! Oracle digits come from `oracles/oracles.py` (krippendorff 0.9.0, pingouin
//! 0.7.0, statsmodels 0.15.0, scikit-learn 1.9.1, scipy 1.17.1, numpy 2.4.6)
//! and `oracles/gwet_oracle.py` (irrCAC 0.4.4), both reading the CSV files in
//! `oracles/data/` (written by `oracles/make_data.py`); their output is kept in
//! `oracles/oracle_values.txt` and `oracles/gwet_values.txt`.

use maatstaf_core::stats::{
    cohen_kappa, fleiss_kappa, gwet_ac, icc, krippendorff_alpha, Estimate, IccTable, Level,
    RatingMatrix, Weights,
};

fn load(csv: &str) -> RatingMatrix {
    let rows: Vec<Vec<Option<f64>>> = csv
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.split(',')
                .skip(1)
                .map(|v| (!v.is_empty()).then(|| v.parse().unwrap()))
                .collect()
        })
        .collect();
    RatingMatrix::from_rows(&rows).unwrap()
}

const K2011: &str = include_str!("oracles/data/k2011.csv");
const ORDINAL: &str = include_str!("oracles/data/ordinal_missing.csv");
const CONTINUOUS: &str = include_str!("oracles/data/continuous.csv");
const SHROUT_FLEISS: &str = include_str!("oracles/data/shrout_fleiss_1979.csv");
const ICC_COMPLETE: &str = include_str!("oracles/data/icc_complete.csv");
const TWO_RATERS: &str = include_str!("oracles/data/two_raters.csv");
const FLEISS_1971: &str = include_str!("oracles/data/fleiss_1971.csv");

fn value(e: &Estimate) -> f64 {
    e.value()
        .unwrap_or_else(|| panic!("expected a value, got {e:?}"))
}

fn close(actual: f64, expected: f64, tol: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= tol,
        "{what}: {actual} vs {expected} (tolerance {tol})"
    );
}

#[test]
fn krippendorff_2011_worked_example() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", data C.
    let m = load(K2011);
    for (level, published) in [
        (Level::Nominal, 0.743),
        (Level::Ordinal, 0.815),
        (Level::Interval, 0.849),
        (Level::Ratio, 0.797),
    ] {
        close(
            value(&krippendorff_alpha(&m, level)),
            published,
            0.0005,
            level.as_str(),
        );
    }
}

#[test]
fn krippendorff_alpha_matches_python_krippendorff() {
    // krippendorff 0.9.0: krippendorff.alpha(reliability_data=data.T, level_of_measurement=level)
    let cases: [(&str, &str, [f64; 4]); 3] = [
        (
            "k2011",
            K2011,
            [
                0.743421052631579,
                0.8153875037548814,
                0.8491071428571428,
                0.7974027747116121,
            ],
        ),
        (
            "ordinal_missing",
            ORDINAL,
            [
                0.1965049744832208,
                0.642805553511709,
                0.641904960690183,
                0.5800509437607259,
            ],
        ),
        (
            "continuous",
            CONTINUOUS,
            [
                -0.0005944125222905328,
                0.9306255430286268,
                0.9244122214220798,
                0.924936133334075,
            ],
        ),
    ];
    for (name, csv, expected) in cases {
        let m = load(csv);
        for (level, want) in Level::ALL.into_iter().zip(expected) {
            close(
                value(&krippendorff_alpha(&m, level)),
                want,
                1e-9,
                &format!("{name} {}", level.as_str()),
            );
        }
    }
}

fn icc_values(t: &IccTable) -> [&Estimate; 6] {
    [&t.icc1, &t.icc2, &t.icc3, &t.icc1k, &t.icc2k, &t.icc3k]
}

#[test]
fn shrout_fleiss_1979_worked_example() {
    // Shrout & Fleiss (1979), Table 4: .17 .29 .71 .44 .62 .91.
    let t = icc(&load(SHROUT_FLEISS));
    assert_eq!((t.n_units, t.n_raters), (6, 4));
    for (e, published) in icc_values(&t)
        .into_iter()
        .zip([0.17, 0.29, 0.71, 0.44, 0.62, 0.91])
    {
        close(value(e), published, 0.005, "S&F");
    }
}

/// (ICC, CI low, CI high) per form, from pingouin 0.7.0 `intraclass_corr` (ICC)
/// and the same formulas unrounded with scipy's F quantiles (CI; pingouin
/// itself prints the interval to two decimals, checked separately).
type IccOracle = [(f64, f64, f64); 6];

fn check_icc(name: &str, t: &IccTable, oracle: IccOracle, pingouin_rounded: [(f64, f64); 6]) {
    let forms = ["ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"];
    for (((e, (v, lo, hi)), (rlo, rhi)), form) in icc_values(t)
        .into_iter()
        .zip(oracle)
        .zip(pingouin_rounded)
        .zip(forms)
    {
        close(value(e), v, 1e-9, &format!("{name} {form}"));
        let [clo, chi] = e.ci95().unwrap();
        close(clo, lo, 1e-9, &format!("{name} {form} ci low"));
        close(chi, hi, 1e-9, &format!("{name} {form} ci high"));
        close(
            clo,
            rlo,
            0.005 + 1e-12,
            &format!("{name} {form} pingouin ci low"),
        );
        close(
            chi,
            rhi,
            0.005 + 1e-12,
            &format!("{name} {form} pingouin ci high"),
        );
    }
}

#[test]
fn icc_matches_pingouin() {
    check_icc(
        "shrout_fleiss_1979",
        &icc(&load(SHROUT_FLEISS)),
        [
            (0.1657417684054755, -0.13293232487475096, 0.7225600623281211),
            (0.28976377952755916, 0.018786513374712027, 0.761084369648953),
            (0.7148407148407154, 0.34246476503392614, 0.9458582599553597),
            (0.44279713367926876, -0.8844421552381196, 0.9124154203407755),
            (0.6200505475989893, 0.0711368153025034, 0.927232040167722),
            (0.9093155423770697, 0.6756747138163055, 0.9858916781690623),
        ],
        [
            (-0.13, 0.72),
            (0.02, 0.76),
            (0.34, 0.95),
            (-0.88, 0.91),
            (0.07, 0.93),
            (0.68, 0.99),
        ],
    );
    check_icc(
        "icc_complete",
        &icc(&load(ICC_COMPLETE)),
        [
            (0.6852966699208158, 0.4580930740175092, 0.8751617708197542),
            (0.6994691182183094, 0.3117273593269743, 0.8989280805230562),
            (0.9027406417112305, 0.7967391402437539, 0.9663060254509235),
            (0.9158814149028704, 0.808673836156922, 0.9722621598916188),
            (0.9208687054652076, 0.6936802929192956, 0.9780073441518354),
            (0.9789069295447957, 0.9514537930365075, 0.9930745277413665),
        ],
        [
            (0.46, 0.88),
            (0.31, 0.9),
            (0.8, 0.97),
            (0.81, 0.97),
            (0.69, 0.98),
            (0.95, 0.99),
        ],
    );
    // With missing values: only the 9 units every rater scored count.
    let t = icc(&load(ORDINAL));
    assert_eq!(t.n_units, 9);
    check_icc(
        "ordinal_missing",
        &t,
        [
            (0.5586739882041895, 0.30320694718850183, 0.838864704139831),
            (0.5769361992494029, 0.2632276326580437, 0.8543762378467438),
            (0.8121998078770413, 0.6249317974505136, 0.9440997949847079),
            (0.8985933922145894, 0.7528438030053354, 0.9732918500376359),
            (0.9051770283704214, 0.7143591000162527, 0.9762295718247912),
            (0.9680242067386327, 0.9210314699621152, 0.991612367534008),
        ],
        [
            (0.3, 0.84),
            (0.26, 0.85),
            (0.62, 0.94),
            (0.75, 0.97),
            (0.71, 0.98),
            (0.92, 0.99),
        ],
    );
}

#[test]
fn fleiss_1971_worked_example() {
    // Fleiss (1971): 30 patients, 6 psychiatrists, kappa .430.
    let k = fleiss_kappa(&load(FLEISS_1971));
    assert_eq!(k.n_units, 30);
    close(value(&k.estimate), 0.430, 0.0005, "published");
    // statsmodels 0.15.0: fleiss_kappa(aggregate_raters(data)[0], method='fleiss')
    close(
        value(&k.estimate),
        0.43024452006014074,
        1e-12,
        "statsmodels",
    );
    let k = fleiss_kappa(&load(ORDINAL));
    assert_eq!(k.n_units, 9);
    close(
        value(&k.estimate),
        0.11429491307147452,
        1e-12,
        "statsmodels, complete units only",
    );
}

#[test]
fn cohen_kappa_matches_scikit_learn_over_the_whole_scale() {
    // scikit-learn 1.9.1: cohen_kappa_score(a, b, labels=range(1, 8), weights=w)
    // on the 48 units both raters scored. Level 4 is never used but counts as a step:
    // without `labels` scikit-learn gives 0.4827121688370005 for linear weights.
    let m = load(TWO_RATERS);
    let scale = Some((1.0, 7.0));
    close(
        value(&cohen_kappa(&m, 0, 1, Weights::Unweighted, scale)),
        0.41432360742705576,
        1e-12,
        "unweighted",
    );
    close(
        value(&cohen_kappa(&m, 0, 1, Weights::Linear, scale)),
        0.4691402069211559,
        1e-12,
        "linear",
    );
    close(
        value(&cohen_kappa(&m, 0, 1, Weights::Quadratic, scale)),
        0.5156498178080913,
        1e-12,
        "quadratic",
    );
}

#[test]
fn gwet_matches_irrcac() {
    // irrCAC 0.4.4: CAC(df, weights=w, categories=...).gwet()
    type Case<'a> = (&'a str, &'a str, Option<Vec<f64>>, [f64; 3]);
    let cases: [Case; 3] = [
        (
            "ordinal_missing",
            ORDINAL,
            Some((1..=5).map(f64::from).collect()),
            [0.2167143564079063, 0.4775002403990612, 0.6655407207990306],
        ),
        (
            "two_raters",
            TWO_RATERS,
            Some((1..=7).map(f64::from).collect()),
            [0.4450402144772118, 0.4725897920604918, 0.5125376128385163],
        ),
        (
            "fleiss_1971",
            FLEISS_1971,
            None,
            [0.4478845158445642, 0.38547361374539746, 0.3802283006676715],
        ),
    ];
    for (name, csv, categories, expected) in cases {
        let m = load(csv);
        for (w, want) in [Weights::Unweighted, Weights::Linear, Weights::Quadratic]
            .into_iter()
            .zip(expected)
        {
            close(
                value(&gwet_ac(&m, w, categories.as_deref())),
                want,
                1e-12,
                &format!("{name} {w:?}"),
            );
        }
    }
}
