//! The consistency snapshot a formation team sees: per criterion, overall, per
//! assessor and per cell.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::alpha::{krippendorff_alpha_bootstrap, pairable_units, Level};
use super::bands::{icc_bands, krippendorff_bands, Bands};
use super::estimate::Estimate;
use super::icc::icc;
use super::kappa::percent_agreement;
use super::matrix::{RatingMatrix, StatsError};
use super::raters::{Cube, Hotspot, RaterHalo, RaterLeniency};
use crate::rubric::Scale;

/// One score in long format: `rater` gave `value` to candidate `unit` on `criterion`.
/// `None` records that the rater saw the candidate but gave no score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Rating {
    /// The candidate's code (blinded).
    pub unit: String,
    pub criterion: String,
    pub rater: String,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnapshotOptions {
    /// Krippendorff bootstrap resamples per alpha; below 20 no interval is computed.
    pub bootstrap: u32,
    #[ts(type = "number")]
    pub seed: u64,
}

impl Default for SnapshotOptions {
    fn default() -> Self {
        SnapshotOptions {
            bootstrap: 1000,
            seed: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CriterionConsistency {
    pub criterion: String,
    /// Krippendorff's alpha, ordinal, with bootstrap interval.
    pub alpha_ordinal: Estimate,
    /// Krippendorff band id of the alpha value (`reliable`, `tentative`, `not_reliable`).
    pub alpha_band: Option<String>,
    /// ICC(2,1): how far one assessor's score can be trusted.
    pub icc2_1: Estimate,
    /// ICC(2,k): how far the mean of all k assessors can be trusted.
    pub icc2_k: Estimate,
    /// Koo & Li band id of ICC(2,1).
    pub icc2_1_band: Option<String>,
    /// Candidates every assessor of this criterion scored: the ones ICC used.
    pub icc_n_units: usize,
    pub percent_agreement: Estimate,
    /// Candidates with at least two scores on this criterion (the ones alpha used).
    pub n_units: usize,
    /// Assessors with at least one score on this criterion.
    pub n_raters: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OverallConsistency {
    /// Ordinal alpha over all candidate × criterion cells.
    pub alpha_ordinal: Estimate,
    pub alpha_band: Option<String>,
    /// Cells with at least two scores.
    pub n_units: usize,
    pub n_raters: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnapshotBands {
    pub krippendorff: Bands,
    pub icc: Bands,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConsistencySnapshot {
    /// In the order criteria first appear in the input.
    pub criteria: Vec<CriterionConsistency>,
    pub overall: OverallConsistency,
    /// In the order assessors first appear in the input.
    pub leniency: Vec<RaterLeniency>,
    pub halo: Vec<RaterHalo>,
    /// Largest spread first.
    pub hotspots: Vec<Hotspot>,
    pub bands: SnapshotBands,
    pub scale: Scale,
    pub options: SnapshotOptions,
}

/// Long-format ratings checked and indexed: candidates × criteria × raters.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingSet {
    candidates: Vec<String>,
    criteria: Vec<String>,
    raters: Vec<String>,
    values: Vec<Option<f64>>,
}

fn intern(names: &mut Vec<String>, index: &mut HashMap<String, usize>, name: &str) -> usize {
    *index.entry(name.to_owned()).or_insert_with(|| {
        names.push(name.to_owned());
        names.len() - 1
    })
}

impl RatingSet {
    /// Rejects a second rating for the same (unit, criterion, rater), a
    /// non-finite value and a value outside `scale`.
    pub fn new(ratings: &[Rating], scale: Scale) -> Result<RatingSet, StatsError> {
        let (mut candidates, mut criteria, mut raters) = (Vec::new(), Vec::new(), Vec::new());
        let (mut ci, mut ki, mut ri) = (HashMap::new(), HashMap::new(), HashMap::new());
        let mut keyed = Vec::with_capacity(ratings.len());
        for r in ratings {
            if let Some(v) = r.value {
                let (min, max) = (f64::from(scale.min), f64::from(scale.max));
                if !v.is_finite() {
                    return Err(StatsError::NotFinite {
                        unit: r.unit.clone(),
                        rater: r.rater.clone(),
                    });
                }
                if v < min || v > max {
                    return Err(StatsError::OutOfScale {
                        unit: r.unit.clone(),
                        criterion: r.criterion.clone(),
                        rater: r.rater.clone(),
                        value: v,
                        min,
                        max,
                    });
                }
            }
            let c = intern(&mut candidates, &mut ci, &r.unit);
            let k = intern(&mut criteria, &mut ki, &r.criterion);
            let q = intern(&mut raters, &mut ri, &r.rater);
            keyed.push((c, k, q, r));
        }
        let (nk, nr) = (criteria.len(), raters.len());
        let mut values = vec![None; candidates.len() * nk * nr];
        let mut seen = vec![false; values.len()];
        for (c, k, q, r) in keyed {
            let at = (c * nk + k) * nr + q;
            if std::mem::replace(&mut seen[at], true) {
                return Err(StatsError::DuplicateRating {
                    unit: r.unit.clone(),
                    criterion: r.criterion.clone(),
                    rater: r.rater.clone(),
                });
            }
            values[at] = r.value;
        }
        Ok(RatingSet {
            candidates,
            criteria,
            raters,
            values,
        })
    }

    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }

    pub fn criteria(&self) -> &[String] {
        &self.criteria
    }

    pub fn raters(&self) -> &[String] {
        &self.raters
    }

    fn cube(&self) -> Cube<'_> {
        Cube {
            candidates: &self.candidates,
            criteria: &self.criteria,
            raters: &self.raters,
            values: &self.values,
        }
    }

    fn value(&self, candidate: usize, criterion: usize, rater: usize) -> Option<f64> {
        self.values[(candidate * self.criteria.len() + criterion) * self.raters.len() + rater]
    }

    /// Candidates × the raters who scored `criterion` at least once.
    pub fn criterion_matrix(&self, criterion: usize) -> RatingMatrix {
        let raters: Vec<usize> = (0..self.raters.len())
            .filter(|&r| (0..self.candidates.len()).any(|c| self.value(c, criterion, r).is_some()))
            .collect();
        let rows: Vec<Vec<Option<f64>>> = (0..self.candidates.len())
            .map(|c| {
                raters
                    .iter()
                    .map(|&r| self.value(c, criterion, r))
                    .collect()
            })
            .collect();
        RatingMatrix::from_rows(&rows).expect("values were checked")
    }

    /// (candidate × criterion) cells × raters.
    pub fn cell_matrix(&self) -> RatingMatrix {
        if self.raters.is_empty() {
            return RatingMatrix::new(0, 0);
        }
        let rows: Vec<Vec<Option<f64>>> = self
            .values
            .chunks(self.raters.len())
            .map(<[Option<f64>]>::to_vec)
            .collect();
        RatingMatrix::from_rows(&rows).expect("values were checked")
    }

    pub fn leniency(&self) -> Vec<RaterLeniency> {
        self.cube().leniency()
    }

    pub fn halo(&self) -> Vec<RaterHalo> {
        self.cube().halo()
    }

    pub fn hotspots(&self) -> Vec<Hotspot> {
        self.cube().hotspots()
    }
}

/// A distinct, reproducible stream per criterion from one seed (SplitMix64 step).
fn sub_seed(seed: u64, i: u64) -> u64 {
    let mut z = seed.wrapping_add(i.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn band_id(bands: &Bands, e: &Estimate) -> Option<String> {
    e.value()
        .and_then(|v| bands.classify(v))
        .map(|b| b.id.clone())
}

/// Builds the team's consistency snapshot. Deterministic given `options.seed`.
pub fn consistency_snapshot(
    ratings: &[Rating],
    scale: Scale,
    options: SnapshotOptions,
) -> Result<ConsistencySnapshot, StatsError> {
    let set = RatingSet::new(ratings, scale)?;
    let kb = krippendorff_bands();
    let ib = icc_bands();
    let resamples = options.bootstrap as usize;

    let criteria = (0..set.criteria.len())
        .map(|k| {
            let m = set.criterion_matrix(k);
            let alpha = krippendorff_alpha_bootstrap(
                &m,
                Level::Ordinal,
                resamples,
                sub_seed(options.seed, k as u64),
            );
            let icc = icc(&m);
            CriterionConsistency {
                criterion: set.criteria[k].clone(),
                alpha_band: band_id(&kb, &alpha),
                alpha_ordinal: alpha,
                icc2_1_band: band_id(&ib, &icc.icc2),
                icc2_1: icc.icc2,
                icc2_k: icc.icc2k,
                icc_n_units: icc.n_units,
                percent_agreement: percent_agreement(&m),
                n_units: pairable_units(&m),
                n_raters: m.n_raters(),
            }
        })
        .collect();

    let cells = set.cell_matrix();
    let alpha = krippendorff_alpha_bootstrap(&cells, Level::Ordinal, resamples, options.seed);
    let overall = OverallConsistency {
        alpha_band: band_id(&kb, &alpha),
        alpha_ordinal: alpha,
        n_units: pairable_units(&cells),
        n_raters: set.raters.len(),
    };

    Ok(ConsistencySnapshot {
        criteria,
        overall,
        leniency: set.leniency(),
        halo: set.halo(),
        hotspots: set.hotspots(),
        bands: SnapshotBands {
            krippendorff: kb,
            icc: ib,
        },
        scale,
        options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::estimate::reasons;
    use crate::stats::raters::HOTSPOT_SPREAD;

    fn rating(unit: &str, criterion: &str, rater: &str, value: Option<f64>) -> Rating {
        Rating {
            unit: unit.into(),
            criterion: criterion.into(),
            rater: rater.into(),
            value,
        }
    }

    const SCALE: Scale = Scale { min: 1, max: 5 };
    const CRITERIA: [&str; 3] = ["analyse", "integriteit", "samenwerking"];

    /// Six candidates, three criteria. A and B differentiate between criteria;
    /// L scores exactly one level above A; H gives each candidate one overall score.
    fn team() -> Vec<Rating> {
        let a = [
            [2, 4, 3],
            [3, 2, 4],
            [4, 3, 2],
            [1, 2, 2],
            [3, 4, 4],
            [2, 1, 3],
        ];
        let b = [
            [3, 4, 2],
            [3, 3, 4],
            [4, 2, 2],
            [2, 2, 1],
            [3, 5, 4],
            [2, 2, 3],
        ];
        let h = [3, 4, 3, 1, 4, 2];
        let mut out = Vec::new();
        for c in 0..6 {
            let unit = format!("K{c}");
            for (k, crit) in CRITERIA.iter().enumerate() {
                out.push(rating(&unit, crit, "A", Some(f64::from(a[c][k]))));
                out.push(rating(&unit, crit, "B", Some(f64::from(b[c][k]))));
                out.push(rating(&unit, crit, "L", Some(f64::from(a[c][k] + 1))));
                out.push(rating(&unit, crit, "H", Some(f64::from(h[c]))));
            }
        }
        out
    }

    fn snapshot(ratings: &[Rating], seed: u64) -> ConsistencySnapshot {
        consistency_snapshot(
            ratings,
            SCALE,
            SnapshotOptions {
                bootstrap: 200,
                seed,
            },
        )
        .unwrap()
    }

    #[test]
    fn the_lenient_assessor_stands_out() {
        let s = snapshot(&team(), 1);
        let names: Vec<&str> = s.leniency.iter().map(|r| r.rater.as_str()).collect();
        assert_eq!(names, ["A", "B", "L", "H"]);
        let l = &s.leniency[2];
        assert_eq!(l.n_cells, 18);
        let v = l.leniency.value().unwrap();
        assert!(v > 0.5, "{v}");
        let [lo, hi] = l.leniency.ci95().unwrap();
        assert!(
            lo > 0.0 && lo < v && v < hi,
            "the interval excludes no difference: {lo}..{hi}"
        );
        assert!(
            s.leniency[0].leniency.value().unwrap() < 0.0,
            "A sits below L and the others"
        );
    }

    #[test]
    fn one_overall_impression_shows_as_halo() {
        let s = snapshot(&team(), 1);
        let h = s.halo.iter().find(|r| r.rater == "H").unwrap();
        assert_eq!(h.criterion_pairs, 3);
        assert_eq!(
            h.own_mean_correlation,
            Some(1.0),
            "same score on every criterion"
        );
        let team_r = h.team_mean_correlation.unwrap();
        assert!((h.halo.value().unwrap() - (1.0 - team_r)).abs() < 1e-12);
        let a = s.halo.iter().find(|r| r.rater == "A").unwrap();
        assert!(h.halo.value().unwrap() > 0.3 && h.halo.value().unwrap() > a.halo.value().unwrap());
    }

    #[test]
    fn hotspots_are_cells_two_or_more_levels_apart() {
        let ratings = vec![
            rating("K1", "analyse", "A", Some(1.0)),
            rating("K1", "analyse", "B", Some(4.0)),
            rating("K1", "analyse", "C", None),
            rating("K2", "analyse", "A", Some(2.0)),
            rating("K2", "analyse", "B", Some(3.0)),
            rating("K3", "analyse", "A", Some(5.0)),
            rating("K3", "analyse", "B", Some(3.0)),
        ];
        let s = snapshot(&ratings, 0);
        let cells: Vec<(&str, f64, f64, f64, usize)> = s
            .hotspots
            .iter()
            .map(|h| (h.candidate.as_str(), h.min, h.max, h.spread, h.n_ratings))
            .collect();
        assert_eq!(cells, [("K1", 1.0, 4.0, 3.0, 2), ("K3", 3.0, 5.0, 2.0, 2)]);
        assert_eq!(HOTSPOT_SPREAD, 2.0);
    }

    #[test]
    fn per_criterion_and_overall_figures() {
        let s = snapshot(&team(), 1);
        assert_eq!(
            s.criteria
                .iter()
                .map(|c| c.criterion.as_str())
                .collect::<Vec<_>>(),
            CRITERIA
        );
        for c in &s.criteria {
            assert_eq!((c.n_units, c.n_raters, c.icc_n_units), (6, 4, 6));
            assert!(
                c.alpha_ordinal.ci95().is_some()
                    && c.icc2_1.ci95().is_some()
                    && c.icc2_k.ci95().is_some()
            );
            assert!(c.percent_agreement.value().is_some());
            assert_eq!(
                c.alpha_band,
                band_id(&krippendorff_bands(), &c.alpha_ordinal)
            );
        }
        assert_eq!((s.overall.n_units, s.overall.n_raters), (18, 4));
        assert!(s.overall.alpha_ordinal.value().is_some());
    }

    #[test]
    fn same_seed_same_snapshot() {
        let a = serde_json::to_string(&snapshot(&team(), 42)).unwrap();
        assert_eq!(a, serde_json::to_string(&snapshot(&team(), 42)).unwrap());
        assert_ne!(a, serde_json::to_string(&snapshot(&team(), 43)).unwrap());
    }

    #[test]
    fn a_criterion_only_one_assessor_scored_says_so() {
        let mut ratings = team();
        ratings.push(rating("K0", "visie", "A", Some(3.0)));
        ratings.push(rating("K1", "visie", "A", Some(4.0)));
        let s = snapshot(&ratings, 1);
        let visie = s.criteria.iter().find(|c| c.criterion == "visie").unwrap();
        assert_eq!(visie.n_raters, 1);
        assert_eq!(
            visie.alpha_ordinal.reason(),
            Some(&reasons::no_pairable_units())
        );
        assert_eq!(visie.icc2_1.reason(), Some(&reasons::single_rater()));
        assert_eq!(visie.alpha_band, None);
    }

    #[test]
    fn bad_input_is_refused() {
        let mut twice = team();
        twice.push(rating("K0", "analyse", "A", Some(3.0)));
        assert!(matches!(
            consistency_snapshot(&twice, SCALE, SnapshotOptions::default()),
            Err(StatsError::DuplicateRating { ref rater, .. }) if rater == "A"
        ));
        let outside = vec![rating("K0", "analyse", "A", Some(6.0))];
        assert!(matches!(
            consistency_snapshot(&outside, SCALE, SnapshotOptions::default()),
            Err(StatsError::OutOfScale { value, .. }) if value == 6.0
        ));
    }
}
