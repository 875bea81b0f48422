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
