//! Kappa-type coefficients: Fleiss', Cohen's (weighted), Gwet's AC1/AC2, and
//! plain pairwise agreement.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::estimate::{reasons, Estimate};
use super::matrix::RatingMatrix;

/// Disagreement weights for ordered values, as distances over the whole scale:
/// linear |x−y|/(max−min), quadratic ((x−y)/(max−min))². On an integer scale
/// that counts steps, so an unused middle level still counts as a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Weights {
    Unweighted,
    Linear,
    Quadratic,
}

impl Weights {
    /// Disagreement 0..=1 between `x` and `y` on a scale `width` wide.
    fn disagreement(self, x: f64, y: f64, width: f64) -> f64 {
        match self {
            Weights::Unweighted => f64::from(u8::from(x != y)),
            Weights::Linear => (x - y).abs() / width,
            Weights::Quadratic => ((x - y) / width).powi(2),
        }
    }
}

fn distinct(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut v: Vec<f64> = values.collect();
    v.sort_unstable_by(f64::total_cmp);
    v.dedup();
    v
}

fn index_of(values: &[f64], v: f64) -> usize {
    values
        .binary_search_by(|x| x.total_cmp(&v))
        .expect("value is a category")
}

/// Fleiss' kappa and the number of units it used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FleissKappa {
    pub estimate: Estimate,
    /// Units every rater scored: the ones used.
    pub n_units: usize,
}

/// Fleiss' kappa (1971) on the units every rater scored; values are categories.
pub fn fleiss_kappa(m: &RatingMatrix) -> FleissKappa {
    let rows = m.complete_rows();
    let n_units = rows.len();
    if m.n_raters() < 2 {
        return FleissKappa {
            estimate: Estimate::none(reasons::single_rater()),
            n_units,
        };
    }
    let categories = distinct(rows.iter().flatten().copied());
    let counts: Vec<Vec<f64>> = rows
        .iter()
        .map(|row| {
            let mut c = vec![0.0; categories.len()];
            for &v in row {
                c[index_of(&categories, v)] += 1.0;
            }
            c
        })
        .collect();
    FleissKappa {
        estimate: fleiss_kappa_counts(&counts),
        n_units,
    }
}

/// Fleiss' kappa from a units × categories table of counts; every unit must
/// have the same number of ratings (at least two).
pub fn fleiss_kappa_counts(counts: &[Vec<f64>]) -> Estimate {
    if counts.len() < 2 {
        return Estimate::none(reasons::too_few_complete_units(counts.len()));
    }
    let m: f64 = counts[0].iter().sum();
    if m < 2.0 {
        return Estimate::none(reasons::single_rater());
    }
    if counts.iter().any(|row| row.iter().sum::<f64>() != m) {
        return Estimate::none(reasons::undefined());
    }
    let n = counts.len() as f64;
    let p_bar = counts
        .iter()
        .map(|row| (row.iter().map(|x| x * x).sum::<f64>() - m) / (m * (m - 1.0)))
        .sum::<f64>()
        / n;
    let width = counts[0].len();
    let p_e: f64 = (0..width)
        .map(|j| (counts.iter().map(|row| row[j]).sum::<f64>() / (n * m)).powi(2))
        .sum();
    if p_e >= 1.0 {
        return Estimate::none(reasons::no_variation());
    }
    Estimate::checked((p_bar - p_e) / (1.0 - p_e), None, reasons::undefined)
}

/// Cohen's kappa between raters `a` and `b` on the units both scored.
///
/// `range` is the scale (min, max) the weights count over; `None` takes the
/// lowest and highest value the two raters used. Ignored when unweighted.
pub fn cohen_kappa(
    m: &RatingMatrix,
    a: usize,
    b: usize,
    weights: Weights,
    range: Option<(f64, f64)>,
) -> Estimate {
    let pairs: Vec<(f64, f64)> = (0..m.n_units())
        .filter_map(|u| Some((m.get(u, a)?, m.get(u, b)?)))
        .collect();
    if pairs.len() < 2 {
        return Estimate::none(reasons::too_few_shared_units(pairs.len()));
    }
    let values = distinct(pairs.iter().flat_map(|&(x, y)| [x, y]));
    let (lo, hi) = range.unwrap_or((values[0], values[values.len() - 1]));
    let width = hi - lo;
    if weights != Weights::Unweighted && (width <= 0.0 || width.is_nan()) {
        return Estimate::none(reasons::no_variation());
    }
    let n = pairs.len() as f64;
    let mut row_p = vec![0.0; values.len()];
    let mut col_p = vec![0.0; values.len()];
    let mut observed = 0.0;
    for &(x, y) in &pairs {
        row_p[index_of(&values, x)] += 1.0 / n;
        col_p[index_of(&values, y)] += 1.0 / n;
        observed += weights.disagreement(x, y, width) / n;
    }
    let mut expected = 0.0;
    for (i, &x) in values.iter().enumerate() {
        for (j, &y) in values.iter().enumerate() {
            expected += row_p[i] * col_p[j] * weights.disagreement(x, y, width);
        }
    }
    if expected <= 0.0 || expected.is_nan() {
        return Estimate::none(reasons::no_variation());
    }
    Estimate::checked(1.0 - observed / expected, None, reasons::undefined)
}

/// For each unit with at least two ratings, the share of rater pairs that give
/// the same value; averaged over those units.
pub fn percent_agreement(m: &RatingMatrix) -> Estimate {
    let mut sum = 0.0;
    let mut units = 0usize;
    let mut values = Vec::with_capacity(m.n_raters());
    for row in m.rows() {
        values.clear();
        values.extend(row.flatten());
        if values.len() < 2 {
            continue;
        }
        values.sort_unstable_by(f64::total_cmp);
        let mut agreeing = 0.0;
        for run in values.chunk_by(|x, y| x == y) {
            let c = run.len() as f64;
            agreeing += c * (c - 1.0) / 2.0;
        }
        let mu = values.len() as f64;
        sum += agreeing / (mu * (mu - 1.0) / 2.0);
        units += 1;
    }
    if units == 0 {
        return Estimate::none(reasons::no_pairable_units());
    }
    Estimate::checked(sum / units as f64, None, reasons::undefined)
}

/// Gwet's AC1 (`Weights::Unweighted`) or AC2 (weighted) for any number of
/// raters with missing ratings (Gwet 2014, Handbook of Inter-Rater Reliability,
/// 4th ed., ch. 3–4; as irrCAC computes it).
///
/// `categories` is the full list of possible values; `None` takes the values
/// that occur. The weights count over the range of the categories.
pub fn gwet_ac(m: &RatingMatrix, weights: Weights, categories: Option<&[f64]>) -> Estimate {
    let cats = match categories {
        Some(c) => distinct(c.iter().copied().chain(m.rows().flat_map(|r| r.flatten()))),
        None => distinct(m.rows().flat_map(|r| r.flatten())),
    };
    let q = cats.len();
    if q < 2 {
        return Estimate::none(reasons::single_category());
    }
    let width = cats[q - 1] - cats[0];
    let w: Vec<Vec<f64>> = cats
        .iter()
        .map(|&x| {
            cats.iter()
                .map(|&y| 1.0 - weights.disagreement(x, y, width))
                .collect()
        })
        .collect();
    let t_w: f64 = w.iter().flatten().sum();

    let mut pa_sum = 0.0;
    let mut n_pairable = 0usize;
    let mut pi = vec![0.0; q];
    let mut n_rated = 0usize;
    let mut counts = vec![0.0; q];
    for row in m.rows() {
        counts.iter_mut().for_each(|c| *c = 0.0);
        let mut r_i = 0.0;
        for v in row.flatten() {
            counts[index_of(&cats, v)] += 1.0;
            r_i += 1.0;
        }
        if r_i == 0.0 {
            continue;
        }
        n_rated += 1;
        for k in 0..q {
            pi[k] += counts[k] / r_i;
        }
        if r_i >= 2.0 {
            let mut agree = 0.0;
            for k in 0..q {
                if counts[k] > 0.0 {
                    let weighted: f64 = (0..q).map(|l| w[k][l] * counts[l]).sum();
                    agree += counts[k] * (weighted - 1.0);
                }
            }
            pa_sum += agree / (r_i * (r_i - 1.0));
            n_pairable += 1;
        }
    }
    if n_pairable == 0 {
        return Estimate::none(reasons::no_pairable_units());
    }
    let p_a = pa_sum / n_pairable as f64;
    let p_e = t_w / (q * (q - 1)) as f64
        * pi.iter()
            .map(|s| s / n_rated as f64)
            .map(|p| p * (1.0 - p))
            .sum::<f64>();
    if p_e >= 1.0 {
        return Estimate::none(reasons::no_variation());
    }
    Estimate::checked((p_a - p_e) / (1.0 - p_e), None, reasons::undefined)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two(rows: &[(f64, f64)]) -> RatingMatrix {
        RatingMatrix::from_rows(
            &rows
                .iter()
                .map(|&(x, y)| vec![Some(x), Some(y)])
                .collect::<Vec<_>>(),
        )
        .unwrap()
    }

    #[test]
    fn an_unused_middle_level_still_counts_as_steps() {
        // The raters use 1, 2 and 5 of a 1..5 scale: 2 and 5 are three steps apart,
        // not one (as they would be when counting only the levels that occur).
        let pairs = [
            (1.0, 1.0),
            (1.0, 2.0),
            (2.0, 2.0),
            (5.0, 5.0),
            (5.0, 2.0),
            (1.0, 5.0),
            (2.0, 1.0),
        ];
        let m = two(&pairs);
        let squeezed = two(&pairs.map(|(x, y)| {
            (
                if x == 5.0 { 3.0 } else { x },
                if y == 5.0 { 3.0 } else { y },
            )
        }));
        for w in [Weights::Linear, Weights::Quadratic] {
            let whole = cohen_kappa(&m, 0, 1, w, Some((1.0, 5.0))).value().unwrap();
            let by_index = cohen_kappa(&squeezed, 0, 1, w, Some((1.0, 3.0)))
                .value()
                .unwrap();
            assert!(
                (whole - by_index).abs() > 0.01,
                "{w:?}: {whole} vs {by_index}"
            );
            assert_eq!(
                cohen_kappa(&m, 0, 1, w, None),
                cohen_kappa(&m, 0, 1, w, Some((1.0, 5.0)))
            );
        }
        let linear = cohen_kappa(&m, 0, 1, Weights::Linear, None)
            .value()
            .unwrap();
        let unweighted = cohen_kappa(&m, 0, 1, Weights::Unweighted, None)
            .value()
            .unwrap();
        assert!(linear > unweighted, "near misses earn partial credit");
    }

    #[test]
    fn percent_agreement_averages_per_unit_pair_shares() {
        let m = RatingMatrix::from_rows(&[
            vec![Some(1.0), Some(1.0), Some(2.0)], // 1 of 3 pairs
            vec![Some(3.0), Some(3.0), None],      // 1 of 1
            vec![Some(4.0), None, None],           // ignored
        ])
        .unwrap();
        let v = percent_agreement(&m).value().unwrap();
        assert!((v - (1.0 / 3.0 + 1.0) / 2.0).abs() < 1e-15);
    }

    #[test]
    fn kappas_refuse_undefined_cases() {
        let same = two(&[(2.0, 2.0), (2.0, 2.0), (2.0, 2.0)]);
        assert_eq!(
            cohen_kappa(&same, 0, 1, Weights::Unweighted, None).reason(),
            Some(&reasons::no_variation())
        );
        assert_eq!(
            fleiss_kappa(&same).estimate.reason(),
            Some(&reasons::no_variation())
        );
        assert_eq!(
            gwet_ac(&same, Weights::Unweighted, None).reason(),
            Some(&reasons::single_category())
        );
        let short = two(&[(1.0, 2.0)]);
        assert_eq!(
            cohen_kappa(&short, 0, 1, Weights::Linear, None).reason(),
            Some(&reasons::too_few_shared_units(1))
        );
    }
}
