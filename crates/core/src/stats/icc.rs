//! Intraclass correlations in the Shrout & Fleiss (1979) / McGraw & Wong (1996)
//! forms, with the F-based 95% intervals as pingouin and R psych compute them.

use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, FisherSnedecor};
use ts_rs::TS;

use super::estimate::{reasons, Estimate};
use super::matrix::RatingMatrix;

/// The six ICC forms on the units every rater scored.
///
/// ICC1: one-way random, absolute agreement. ICC2: two-way random, absolute
/// agreement. ICC3: two-way mixed, consistency. The `k` forms are the
/// reliability of the mean of the k raters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IccTable {
    pub icc1: Estimate,
    pub icc2: Estimate,
    pub icc3: Estimate,
    pub icc1k: Estimate,
    pub icc2k: Estimate,
    pub icc3k: Estimate,
    /// Units every rater scored: the ones used.
    pub n_units: usize,
    pub n_raters: usize,
}

/// ICC(1,1) … ICC(3,k) on the complete units of `m`.
pub fn icc(m: &RatingMatrix) -> IccTable {
    icc_complete(&m.complete_rows(), m.n_raters())
}

fn all(reason: crate::i18n::Text, n_units: usize, n_raters: usize) -> IccTable {
    let e = Estimate::none(reason);
    IccTable {
        icc1: e.clone(),
        icc2: e.clone(),
        icc3: e.clone(),
        icc1k: e.clone(),
        icc2k: e.clone(),
        icc3k: e,
        n_units,
        n_raters,
    }
}

fn f_quantile(p: f64, d1: f64, d2: f64) -> f64 {
    match FisherSnedecor::new(d1, d2) {
        Ok(f) if (0.0..=1.0).contains(&p) => f.inverse_cdf(p),
        _ => f64::NAN,
    }
}

fn icc_complete(rows: &[Vec<f64>], k: usize) -> IccTable {
    let n = rows.len();
    if k < 2 {
        return all(reasons::single_rater(), n, k);
    }
    if n < 2 {
        return all(reasons::too_few_complete_units(n), n, k);
    }
    let (nf, kf) = (n as f64, k as f64);
    let grand = rows.iter().flatten().sum::<f64>() / (nf * kf);
    let row_means: Vec<f64> = rows.iter().map(|r| r.iter().sum::<f64>() / kf).collect();
    let col_means: Vec<f64> = (0..k)
        .map(|j| rows.iter().map(|r| r[j]).sum::<f64>() / nf)
        .collect();
    let ss_total: f64 = rows.iter().flatten().map(|x| (x - grand).powi(2)).sum();
    let ss_rows = kf * row_means.iter().map(|m| (m - grand).powi(2)).sum::<f64>();
    let ss_cols = nf * col_means.iter().map(|m| (m - grand).powi(2)).sum::<f64>();
    let ss_error = (ss_total - ss_rows - ss_cols).max(0.0);
    let ss_within = (ss_total - ss_rows).max(0.0);
    let msr = ss_rows / (nf - 1.0);
    let msc = ss_cols / (kf - 1.0);
    let mse = ss_error / ((nf - 1.0) * (kf - 1.0));
    let msw = ss_within / (nf * (kf - 1.0));
    if ss_total <= 0.0 || ss_total.is_nan() {
        return all(reasons::no_variation(), n, k);
    }

    let icc1 = (msr - msw) / (msr + (kf - 1.0) * msw);
    let icc2 = (msr - mse) / (msr + (kf - 1.0) * mse + kf * (msc - mse) / nf);
    let icc3 = (msr - mse) / (msr + (kf - 1.0) * mse);
    let icc1k = (msr - msw) / msr;
    let icc2k = (msr - mse) / (msr + (msc - mse) / nf);
    let icc3k = (msr - mse) / msr;

    // Shrout & Fleiss (1979) / McGraw & Wong (1996), as in pingouin 0.5+.
    let q = 0.975;
    let df1 = nf - 1.0;
    let df_err = (nf - 1.0) * (kf - 1.0);
    let df_within = nf * (kf - 1.0);

    let f1 = msr / msw;
    let f1l = f1 / f_quantile(q, df1, df_within);
    let f1u = f1 * f_quantile(q, df_within, df1);
    let ci1 = [
        (f1l - 1.0) / (f1l + kf - 1.0),
        (f1u - 1.0) / (f1u + kf - 1.0),
    ];
    let ci1k = [1.0 - 1.0 / f1l, 1.0 - 1.0 / f1u];

    let f3 = msr / mse;
    let f3l = f3 / f_quantile(q, df1, df_err);
    let f3u = f3 * f_quantile(q, df_err, df1);
    let ci3 = [
        (f3l - 1.0) / (f3l + kf - 1.0),
        (f3u - 1.0) / (f3u + kf - 1.0),
    ];
    let ci3k = [1.0 - 1.0 / f3l, 1.0 - 1.0 / f3u];

    // ICC2 uses Satterthwaite's approximate degrees of freedom.
    let fj = msc / mse;
    let a = kf * icc2 * fj + nf * (1.0 + (kf - 1.0) * icc2) - kf * icc2;
    let v = df_err * a.powi(2)
        / (df1 * (kf * icc2 * fj).powi(2) + (nf * (1.0 + (kf - 1.0) * icc2) - kf * icc2).powi(2));
    let f2u = f_quantile(q, df1, v);
    let f2l = f_quantile(q, v, df1);
    let base = kf * msc + (kf * nf - kf - nf) * mse;
    let l2 = nf * (msr - f2u * mse) / (f2u * base + nf * msr);
    let u2 = nf * (f2l * msr - mse) / (base + nf * f2l * msr);
    let ci2 = [l2, u2];
    let ci2k = [
        l2 * kf / (1.0 + l2 * (kf - 1.0)),
        u2 * kf / (1.0 + u2 * (kf - 1.0)),
    ];

    let est = |value: f64, ci: [f64; 2]| Estimate::checked(value, Some(ci), reasons::no_variation);
    IccTable {
        icc1: est(icc1, ci1),
        icc2: est(icc2, ci2),
        icc3: est(icc3, ci3),
        icc1k: est(icc1k, ci1k),
        icc2k: est(icc2k, ci2k),
        icc3k: est(icc3k, ci3k),
        n_units: n,
        n_raters: k,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_little_data_is_named() {
        let one_rater = RatingMatrix::from_rows(&[vec![Some(1.0)], vec![Some(2.0)]]).unwrap();
        assert_eq!(
            icc(&one_rater).icc2.reason(),
            Some(&reasons::single_rater())
        );
        let one_complete =
            RatingMatrix::from_rows(&[vec![Some(1.0), Some(2.0)], vec![Some(2.0), None]]).unwrap();
        let t = icc(&one_complete);
        assert_eq!(t.n_units, 1);
        assert_eq!(t.icc3k.reason(), Some(&reasons::too_few_complete_units(1)));
        let flat =
            RatingMatrix::from_rows(&[vec![Some(2.0), Some(2.0)], vec![Some(2.0), Some(2.0)]])
                .unwrap();
        assert_eq!(icc(&flat).icc1.reason(), Some(&reasons::no_variation()));
    }

    #[test]
    fn perfect_agreement_is_one() {
        let rows: Vec<Vec<Option<f64>>> = (1..=5).map(|v| vec![Some(v as f64); 3]).collect();
        let t = icc(&RatingMatrix::from_rows(&rows).unwrap());
        for e in [&t.icc1, &t.icc2, &t.icc3, &t.icc1k, &t.icc2k, &t.icc3k] {
            assert_eq!(e.value(), Some(1.0));
        }
    }
}
