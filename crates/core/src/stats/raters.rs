//! Per assessor and per cell: leniency, halo and disagreement hotspots.

use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, StudentsT};
use ts_rs::TS;

use super::estimate::{reasons, Estimate};

/// A cell is a hotspot when its highest and lowest score are this many levels apart.
pub const HOTSPOT_SPREAD: f64 = 2.0;

/// How much higher (positive) or lower (negative) an assessor scores than the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RaterLeniency {
    pub rater: String,
    /// Mean over cells of (own score − mean of the others' scores on that cell),
    /// in scale levels, with a t-based 95% interval.
    pub leniency: Estimate,
    /// Cells (candidate × criterion) this assessor shares with at least one other.
    pub n_cells: usize,
}

/// How much more an assessor's scores on different criteria hang together
/// for the same candidate than the team's do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RaterHalo {
    pub rater: String,
    /// halo(r) = mean over criterion pairs (a, b) of [ρ_r(a,b) − ρ̄_team(a,b)].
    /// ρ_s(a,b) is the Pearson correlation, across the candidates s scored on
    /// both a and b, between s's scores on a and on b (defined with at least
    /// three such candidates and variation in both). ρ̄_team(a,b) is the mean
    /// of ρ_s(a,b) over the other assessors s for whom it is defined. Only
    /// pairs where both ρ_r and ρ̄_team are defined count. Positive: this
    /// assessor differentiates less between criteria than colleagues do, the
    /// signature of a halo (Thorndike 1920). Range −2..2; no interval.
    pub halo: Estimate,
    /// Mean ρ_r over the counted pairs.
    pub own_mean_correlation: Option<f64>,
    /// Mean ρ̄_team over the same pairs.
    pub team_mean_correlation: Option<f64>,
    pub criterion_pairs: usize,
}

/// A candidate × criterion cell on which assessors are two or more levels apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Hotspot {
    pub candidate: String,
    pub criterion: String,
    pub min: f64,
    pub max: f64,
    pub spread: f64,
    pub n_ratings: usize,
}

/// Candidates × criteria × raters, read-only view for the per-rater measures.
pub(crate) struct Cube<'a> {
    pub candidates: &'a [String],
    pub criteria: &'a [String],
    pub raters: &'a [String],
    /// Indexed by ((candidate · criteria) + criterion) · raters + rater.
    pub values: &'a [Option<f64>],
}

impl Cube<'_> {
    fn cell(&self, candidate: usize, criterion: usize) -> &[Option<f64>] {
        let r = self.raters.len();
        let start = (candidate * self.criteria.len() + criterion) * r;
        &self.values[start..start + r]
    }

    fn cells(&self) -> impl Iterator<Item = (usize, usize, &[Option<f64>])> {
        (0..self.candidates.len())
            .flat_map(move |c| (0..self.criteria.len()).map(move |k| (c, k, self.cell(c, k))))
    }

    pub fn leniency(&self) -> Vec<RaterLeniency> {
        (0..self.raters.len())
            .map(|r| {
                let diffs: Vec<f64> = self
                    .cells()
                    .filter_map(|(_, _, cell)| {
                        let own = cell[r]?;
                        let others: Vec<f64> = cell
                            .iter()
                            .enumerate()
                            .filter(|&(s, _)| s != r)
                            .filter_map(|(_, v)| *v)
                            .collect();
                        (!others.is_empty())
                            .then(|| own - others.iter().sum::<f64>() / others.len() as f64)
                    })
                    .collect();
                RaterLeniency {
                    rater: self.raters[r].clone(),
                    leniency: mean_with_t_interval(&diffs),
                    n_cells: diffs.len(),
                }
            })
            .collect()
    }

    pub fn halo(&self) -> Vec<RaterHalo> {
        let k = self.criteria.len();
        let pairs: Vec<(usize, usize)> = (0..k)
            .flat_map(|a| (a + 1..k).map(move |b| (a, b)))
            .collect();
        // correlations[rater][pair]
        let correlations: Vec<Vec<Option<f64>>> = (0..self.raters.len())
            .map(|r| {
                pairs
                    .iter()
                    .map(|&(a, b)| self.within_rater_correlation(r, a, b))
                    .collect()
            })
            .collect();
        (0..self.raters.len())
            .map(|r| {
                let mut own_sum = 0.0;
                let mut team_sum = 0.0;
                let mut used = 0usize;
                for (p, own) in correlations[r].iter().enumerate() {
                    let Some(own) = own else { continue };
                    let team: Vec<f64> = correlations
                        .iter()
                        .enumerate()
                        .filter(|&(s, _)| s != r)
                        .filter_map(|(_, c)| c[p])
                        .collect();
                    if team.is_empty() {
                        continue;
                    }
                    own_sum += own;
                    team_sum += team.iter().sum::<f64>() / team.len() as f64;
                    used += 1;
                }
                let rater = self.raters[r].clone();
                if used == 0 {
                    let reason = if k < 2 {
                        reasons::single_criterion()
                    } else {
                        reasons::too_few_candidates_for_correlation()
                    };
                    return RaterHalo {
                        rater,
                        halo: Estimate::none(reason),
                        own_mean_correlation: None,
                        team_mean_correlation: None,
                        criterion_pairs: 0,
                    };
                }
                let (own, team) = (own_sum / used as f64, team_sum / used as f64);
                RaterHalo {
                    rater,
                    halo: Estimate::checked(own - team, None, reasons::undefined),
                    own_mean_correlation: Some(own),
                    team_mean_correlation: Some(team),
                    criterion_pairs: used,
                }
            })
            .collect()
    }

    fn within_rater_correlation(&self, r: usize, a: usize, b: usize) -> Option<f64> {
        let xy: Vec<(f64, f64)> = (0..self.candidates.len())
            .filter_map(|c| Some((self.cell(c, a)[r]?, self.cell(c, b)[r]?)))
            .collect();
        pearson(&xy)
    }

    pub fn hotspots(&self) -> Vec<Hotspot> {
        let mut spots: Vec<Hotspot> = self
            .cells()
            .filter_map(|(c, k, cell)| {
                let values: Vec<f64> = cell.iter().flatten().copied().collect();
                let min = values.iter().copied().reduce(f64::min)?;
                let max = values.iter().copied().reduce(f64::max)?;
                (max - min >= HOTSPOT_SPREAD).then(|| Hotspot {
                    candidate: self.candidates[c].clone(),
                    criterion: self.criteria[k].clone(),
                    min,
                    max,
                    spread: max - min,
                    n_ratings: values.len(),
                })
            })
            .collect();
        spots.sort_by(|x, y| y.spread.total_cmp(&x.spread));
        spots
    }
}

/// Pearson's r with at least three points and variation in both variables.
fn pearson(xy: &[(f64, f64)]) -> Option<f64> {
    if xy.len() < 3 {
        return None;
    }
    let n = xy.len() as f64;
    let mx = xy.iter().map(|p| p.0).sum::<f64>() / n;
    let my = xy.iter().map(|p| p.1).sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for &(x, y) in xy {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx).powi(2);
        syy += (y - my).powi(2);
    }
    (sxx > 0.0 && syy > 0.0).then(|| (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

pub(crate) fn mean_with_t_interval(xs: &[f64]) -> Estimate {
    if xs.is_empty() {
        return Estimate::none(reasons::no_comparison());
    }
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let ci = (xs.len() >= 2)
        .then(|| {
            let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
            let t = StudentsT::new(0.0, 1.0, n - 1.0).ok()?.inverse_cdf(0.975);
            (sd > 0.0).then(|| [mean - t * sd / n.sqrt(), mean + t * sd / n.sqrt()])
        })
        .flatten();
    Estimate::checked(mean, ci, reasons::undefined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pearson_needs_three_points_and_variation() {
        assert_eq!(pearson(&[(1.0, 2.0), (2.0, 3.0)]), None);
        assert_eq!(pearson(&[(1.0, 2.0), (2.0, 2.0), (3.0, 2.0)]), None);
        assert!(
            (pearson(&[(1.0, 2.0), (2.0, 4.0), (3.0, 6.5)]).unwrap() - 0.997_948_715_788_673_3)
                .abs()
                < 1e-12
        );
    }

    #[test]
    fn t_interval_matches_the_textbook() {
        // mean 1, sd √(2/3), n 4; t(0.975, 3) = 3.182446305284263 (scipy.stats.t.ppf)
        let e = mean_with_t_interval(&[0.0, 1.0, 2.0, 1.0]);
        let [lo, hi] = e.ci95().unwrap();
        let sd = (2.0f64 / 3.0).sqrt();
        assert!(
            (lo - (1.0 - 3.182_446_305_284_263 * sd / 2.0)).abs() < 1e-9,
            "{lo}"
        );
        assert!(
            (hi - (1.0 + 3.182_446_305_284_263 * sd / 2.0)).abs() < 1e-9,
            "{hi}"
        );
        assert_eq!(
            mean_with_t_interval(&[]).reason(),
            Some(&reasons::no_comparison())
        );
    }
}
