//! Agreement with and without the cells where an assessor recognised the
//! candidate: if blinding held, leaving those cells out should change little.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::alpha::{krippendorff_alpha_bootstrap, pairable_units, Level};
use super::estimate::Estimate;
use super::matrix::StatsError;
use super::snapshot::{Rating, RatingSet, SnapshotOptions};
use crate::rubric::Scale;

/// An assessor who recognised a candidate (by code) in the blinded material.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Recognition {
    pub rater: String,
    pub unit: String,
}

/// Ordinal alpha over all candidate × criterion cells, and over the same cells
/// without the scores of assessors who recognised the candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecognitionAgreement {
    pub all: Estimate,
    /// Cells with at least two scores.
    pub n_units_all: usize,
    pub unrecognised: Estimate,
    /// Cells with at least two scores once recognised scores are left out.
    pub n_units_unrecognised: usize,
    /// Scores left out because their assessor recognised the candidate.
    pub recognised_scores: usize,
}

/// Alpha with and without recognised scores, on the same seed.
pub fn recognition_agreement(
    ratings: &[Rating],
    recognised: &[Recognition],
    scale: Scale,
    options: SnapshotOptions,
) -> Result<RecognitionAgreement, StatsError> {
    let is_recognised = |r: &Rating| {
        recognised
            .iter()
            .any(|x| x.rater == r.rater && x.unit == r.unit)
    };
    let all = RatingSet::new(ratings, scale)?.cell_matrix();
    // Recognised scores become missing: the cells stay the same cells.
    let kept: Vec<Rating> = ratings
        .iter()
        .map(|r| Rating {
            value: if is_recognised(r) { None } else { r.value },
            ..r.clone()
        })
        .collect();
    let unrecognised = RatingSet::new(&kept, scale)?.cell_matrix();
    let resamples = options.bootstrap as usize;
    Ok(RecognitionAgreement {
        all: krippendorff_alpha_bootstrap(&all, Level::Ordinal, resamples, options.seed),
        n_units_all: pairable_units(&all),
        unrecognised: krippendorff_alpha_bootstrap(
            &unrecognised,
            Level::Ordinal,
            resamples,
            options.seed,
        ),
        n_units_unrecognised: pairable_units(&unrecognised),
        recognised_scores: ratings
            .iter()
            .filter(|r| r.value.is_some() && is_recognised(r))
            .count(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(unit: &str, rater: &str, value: f64) -> Rating {
        Rating {
            unit: unit.into(),
            criterion: "visie".into(),
            rater: rater.into(),
            value: Some(value),
        }
    }

    #[test]
    fn leaving_out_recognised_scores_changes_alpha_as_computed_by_hand() {
        // Three candidates the two assessors agree on; on the fourth they are two
        // levels apart, and B recognised that candidate.
        let ratings = [
            r("K-1", "A", 1.0),
            r("K-1", "B", 1.0),
            r("K-2", "A", 2.0),
            r("K-2", "B", 2.0),
            r("K-3", "A", 3.0),
            r("K-3", "B", 3.0),
            r("K-4", "A", 1.0),
            r("K-4", "B", 3.0),
        ];
        let recognised = [Recognition {
            rater: "B".into(),
            unit: "K-4".into(),
        }];
        let out = recognition_agreement(
            &ratings,
            &recognised,
            Scale { min: 1, max: 5 },
            SnapshotOptions {
                bootstrap: 0,
                seed: 1,
            },
        )
        .unwrap();
        // Ordinal: n = (3, 2, 3), δ²(1,3) = (8 − 3)² = 25, δ²(1,2) = δ²(2,3) = 2.5².
        // D_o = 2·25/8 = 6.25; D_e = 2(6·6.25 + 9·25 + 6·6.25)/56 = 600/56.
        let by_hand = 1.0 - 6.25 / (600.0 / 56.0);
        assert!((out.all.value().unwrap() - by_hand).abs() < 1e-12);
        assert!((by_hand - 5.0 / 12.0).abs() < 1e-12);
        assert_eq!(out.n_units_all, 4);
        // Without B's recognised score, K-4 has one score and drops out: full agreement.
        assert_eq!(out.unrecognised.value(), Some(1.0));
        assert_eq!(out.n_units_unrecognised, 3);
        assert_eq!(out.recognised_scores, 1);
    }
}
