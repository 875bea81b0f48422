//! Properties Krippendorff's alpha must have whatever the data.

use maatstaf_core::stats::{krippendorff_alpha, Level, RatingMatrix};
use proptest::prelude::*;

fn matrix() -> impl Strategy<Value = Vec<Vec<Option<u8>>>> {
    (2usize..16, 2usize..7).prop_flat_map(|(units, raters)| {
        prop::collection::vec(
            prop::collection::vec(prop::option::weighted(0.8, 1u8..=5), raters..=raters),
            units..=units,
        )
    })
}

fn to_matrix(rows: &[Vec<Option<u8>>], f: impl Fn(u8) -> f64) -> RatingMatrix {
    RatingMatrix::from_rows(
        &rows
            .iter()
            .map(|r| r.iter().map(|v| v.map(&f)).collect())
            .collect::<Vec<_>>(),
    )
    .unwrap()
}

/// Krippendorff's alpha as his 2011 paper defines it, with none of the
/// library's shortcuts: every ordered pair of ratings within a unit adds
/// 1/(m_u − 1) to the coincidence matrix o, and ordinal δ² sums the marginals
/// between two values. `None` where alpha is undefined.
fn reference_alpha(rows: &[Vec<Option<f64>>], level: Level) -> Option<f64> {
    let units: Vec<Vec<f64>> = rows
        .iter()
        .map(|r| r.iter().flatten().copied().collect::<Vec<f64>>())
        .filter(|u| u.len() >= 2)
        .collect();
    let mut values: Vec<f64> = units.iter().flatten().copied().collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    if units.len() < 2 || (level == Level::Ratio && values.first().is_some_and(|&v| v < 0.0)) {
        return None;
    }
    let index = |v: f64| values.iter().position(|&x| x == v).unwrap();
    let q = values.len();
    let mut o = vec![vec![0.0; q]; q];
    for unit in &units {
        let weight = 1.0 / (unit.len() as f64 - 1.0);
        for (i, &a) in unit.iter().enumerate() {
            for (j, &b) in unit.iter().enumerate() {
                if i != j {
                    o[index(a)][index(b)] += weight;
                }
            }
        }
    }
    let n_c: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = n_c.iter().sum();
    let delta = |c: usize, k: usize| {
        if c == k {
            return 0.0;
        }
        let (a, b) = (values[c], values[k]);
        match level {
            Level::Nominal => 1.0,
            Level::Ordinal => {
                let between: f64 = n_c[c.min(k)..=c.max(k)].iter().sum();
                (between - (n_c[c] + n_c[k]) / 2.0).powi(2)
            }
            Level::Interval => (a - b).powi(2),
            Level::Ratio => ((a - b) / (a + b)).powi(2),
        }
    };
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..q {
        for k in 0..q {
            observed += o[c][k] * delta(c, k);
            expected += n_c[c] * n_c[k] * delta(c, k);
        }
    }
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

proptest! {
    #[test]
    fn identical_raters_agree_perfectly(truth in prop::collection::vec(1u8..=5, 2..30), raters in 2usize..8) {
        prop_assume!(truth.iter().any(|&v| v != truth[0]));
        let rows: Vec<Vec<Option<u8>>> = truth.iter().map(|&v| vec![Some(v); raters]).collect();
        let m = to_matrix(&rows, f64::from);
        for level in Level::ALL {
            prop_assert_eq!(krippendorff_alpha(&m, level).value(), Some(1.0), "{:?}", level);
        }
    }

    #[test]
    fn relabelling_raters_and_units_changes_nothing(
        rows in matrix(),
        unit_seed in any::<u64>(),
        rater_seed in any::<u64>(),
    ) {
        let m = to_matrix(&rows, f64::from);
        let units = shuffled(m.n_units(), unit_seed);
        let raters = shuffled(m.n_raters(), rater_seed);
        let p = m.select(&units, &raters);
        for level in Level::ALL {
            let (a, b) = (krippendorff_alpha(&m, level), krippendorff_alpha(&p, level));
            prop_assert!(same(a.value(), b.value()), "{:?}: {:?} vs {:?}", level, a, b);
            prop_assert_eq!(a.reason(), b.reason());
        }
    }

    #[test]
    fn alpha_equals_the_pair_by_pair_definition(
        rows in matrix(),
        lone in prop::collection::vec((0usize..16, -4.5f64..500.0), 0..3),
        scale in prop::sample::select(vec![1.0, 0.5, 97.0, -1.0]),
    ) {
        // Whole numbers take the lookup table; halves, the wide range of 97 and
        // negatives the general path. Units rated once may hold anything.
        let mut rows: Vec<Vec<Option<f64>>> = rows
            .iter()
            .map(|r| r.iter().map(|v| v.map(|v| f64::from(v) * scale)).collect())
            .collect();
        for (unit, value) in lone {
            let width = rows[0].len();
            rows.push((0..width).map(|r| (r == unit % width).then_some(value)).collect());
        }
        let m = RatingMatrix::from_rows(&rows).unwrap();
        for level in Level::ALL {
            let fast = krippendorff_alpha(&m, level).value();
            let reference = reference_alpha(&rows, level);
            let close = match (fast, reference) {
                (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * y.abs().max(1.0),
                (x, y) => x == y,
            };
            prop_assert!(close, "{:?}: {:?} vs reference {:?}", level, fast, reference);
        }
    }

    #[test]
    fn ordinal_alpha_ignores_monotone_relabelling(rows in matrix(), steps in prop::collection::vec(0.01f64..50.0, 5)) {
        // Level v becomes the sum of the first v positive steps: strictly increasing.
        let new_value = |v: u8| steps[..usize::from(v)].iter().sum::<f64>();
        let a = krippendorff_alpha(&to_matrix(&rows, f64::from), Level::Ordinal);
        let b = krippendorff_alpha(&to_matrix(&rows, new_value), Level::Ordinal);
        prop_assert!(same(a.value(), b.value()), "{:?} vs {:?}", a, b);
    }
}

/// A permutation of 0..n from a seed (xorshift; the test needs no statistical quality).
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut s = seed | 1;
    for i in (1..n).rev() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        order.swap(i, (s % (i as u64 + 1)) as usize);
    }
    order
}
