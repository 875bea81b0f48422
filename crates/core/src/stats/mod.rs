//! How consistently a formation team applies its rubric: inter-rater agreement
//! (Krippendorff's alpha, ICC, Fleiss', Cohen's and Gwet's coefficients), per
//! assessor leniency and halo, and the cells where assessors disagree most.
//!
//! Every coefficient is an [`Estimate`]: a number (with a 95% interval where one
//! exists) or the reason it cannot honestly be given. Small teams produce small
//! data; a NaN, or a 1.0 computed from a single unit, would mislead them.
//!
//! Pure computation: randomness comes in as a seed, data as values.

mod alpha;
mod bands;
mod estimate;
mod icc;
mod kappa;
mod matrix;
pub(crate) mod raters;
mod recognition;
mod snapshot;

pub use alpha::{krippendorff_alpha, krippendorff_alpha_bootstrap, pairable_units, Level};
pub use bands::{icc_bands, krippendorff_bands, Band, Bands};
pub use estimate::{reasons, Estimate};
pub use icc::{icc, IccTable};
pub use kappa::{
    cohen_kappa, fleiss_kappa, fleiss_kappa_counts, gwet_ac, percent_agreement, FleissKappa,
    Weights,
};
pub use matrix::{RatingMatrix, StatsError};
pub use raters::{Hotspot, RaterHalo, RaterLeniency, HOTSPOT_SPREAD};
pub use recognition::{recognition_agreement, Recognition, RecognitionAgreement};
pub use snapshot::{
    consistency_snapshot, ConsistencySnapshot, CriterionConsistency, OverallConsistency, Rating,
    RatingSet, SnapshotBands, SnapshotOptions,
};
