//! The one shape every coefficient comes in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Text;

/// A coefficient, or the honest reason there is none.
///
/// Invariant: `value` and both `ci95` bounds are finite. Anything that would
/// come out as NaN or infinite becomes `TooLittleData` (for the value) or
/// `ci95: None` (for the interval) instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Estimate {
    Value {
        value: f64,
        /// Lower and upper bound of the 95% confidence interval, when one was computed.
        ci95: Option<[f64; 2]>,
    },
    TooLittleData {
        reason: Text,
    },
}

impl Estimate {
    /// A value with an optional interval; a non-finite value becomes
    /// `TooLittleData` with `reason`, a non-finite interval is dropped.
    pub(crate) fn checked(
        value: f64,
        ci95: Option<[f64; 2]>,
        reason: impl FnOnce() -> Text,
    ) -> Estimate {
        if !value.is_finite() {
            return Estimate::TooLittleData { reason: reason() };
        }
        Estimate::Value {
            value,
            ci95: finite_ci(ci95),
        }
    }

    pub(crate) fn none(reason: Text) -> Estimate {
        Estimate::TooLittleData { reason }
    }

    pub fn value(&self) -> Option<f64> {
        match self {
            Estimate::Value { value, .. } => Some(*value),
            Estimate::TooLittleData { .. } => None,
        }
    }

    pub fn ci95(&self) -> Option<[f64; 2]> {
        match self {
            Estimate::Value { ci95, .. } => *ci95,
            Estimate::TooLittleData { .. } => None,
        }
    }

    pub fn reason(&self) -> Option<&Text> {
        match self {
            Estimate::Value { .. } => None,
            Estimate::TooLittleData { reason } => Some(reason),
        }
    }

    /// The same estimate with its interval replaced (kept only if finite and ordered).
    pub(crate) fn with_ci(self, ci95: Option<[f64; 2]>) -> Estimate {
        match self {
            Estimate::Value { value, .. } => Estimate::Value {
                value,
                ci95: finite_ci(ci95),
            },
            other => other,
        }
    }
}

fn finite_ci(ci95: Option<[f64; 2]>) -> Option<[f64; 2]> {
    ci95.filter(|[lo, hi]| lo.is_finite() && hi.is_finite() && lo <= hi)
}

/// The reasons a coefficient can be missing, in both languages.
pub mod reasons {
    use crate::i18n::Text;

    pub fn no_pairable_units() -> Text {
        Text::new(
            "Geen enkele eenheid is door minstens twee beoordelaars gescoord.",
            "No unit was scored by at least two raters.",
        )
    }

    pub fn one_unit() -> Text {
        Text::new(
            "Maar één eenheid is door minstens twee beoordelaars gescoord; daar valt geen betrouwbaarheid uit af te leiden.",
            "Only one unit was scored by at least two raters; reliability cannot be judged from one unit.",
        )
    }

    pub fn no_variation() -> Text {
        Text::new(
            "Alle scores zijn gelijk: zonder variatie is de coëfficiënt niet gedefinieerd (0/0).",
            "All scores are equal: without variation the coefficient is undefined (0/0).",
        )
    }

    pub fn single_rater() -> Text {
        Text::new(
            "Er is maar één beoordelaar; overeenstemming vraagt er minstens twee.",
            "There is only one rater; agreement needs at least two.",
        )
    }

    pub fn too_few_complete_units(found: usize) -> Text {
        Text::new(
            format!(
                "Te weinig eenheden die door alle beoordelaars zijn gescoord ({found}); er zijn er minstens twee nodig."
            ),
            format!("Too few units scored by every rater ({found}); at least two are needed."),
        )
    }

    pub fn too_few_shared_units(found: usize) -> Text {
        Text::new(
            format!("Te weinig eenheden die beide beoordelaars hebben gescoord ({found}); er zijn er minstens twee nodig."),
            format!("Too few units scored by both raters ({found}); at least two are needed."),
        )
    }

    pub fn negative_ratio() -> Text {
        Text::new(
            "Het ratio-niveau vraagt waarden van nul of hoger.",
            "The ratio level needs values of zero or more.",
        )
    }

    pub fn weights_need_order() -> Text {
        Text::new(
            "Gewogen varianten vragen geordende, numerieke waarden; bij nominale gegevens bestaan ze niet.",
            "Weighted variants need ordered numeric values; they do not exist for nominal data.",
        )
    }

    pub fn needs_numbers() -> Text {
        Text::new(
            "Deze coëfficiënt vraagt numerieke scores; bij nominale gegevens bestaat hij niet.",
            "This coefficient needs numeric scores; it does not exist for nominal data.",
        )
    }

    pub fn exactly_two_raters(found: usize) -> Text {
        Text::new(
            format!(
                "Cohens kappa vergelijkt precies twee beoordelaars; dit bestand heeft er {found}."
            ),
            format!("Cohen's kappa compares exactly two raters; this file has {found}."),
        )
    }

    pub fn single_category() -> Text {
        Text::new(
            "Er is maar één mogelijke waarde; de kanscorrectie is dan niet gedefinieerd.",
            "There is only one possible value; the chance correction is then undefined.",
        )
    }

    pub fn no_comparison() -> Text {
        Text::new(
            "Deze beoordelaar heeft geen enkele cel gescoord die ook een ander heeft gescoord.",
            "This rater scored no cell that someone else also scored.",
        )
    }

    pub fn too_few_candidates_for_correlation() -> Text {
        Text::new(
            "Te weinig kandidaten om samenhang tussen criteria te meten: per paar criteria zijn minstens drie kandidaten met verschillende scores nodig, bij deze beoordelaar en bij de anderen.",
            "Too few candidates to measure how criteria hang together: each pair of criteria needs at least three candidates with differing scores, for this rater and for the others.",
        )
    }

    pub fn single_criterion() -> Text {
        Text::new(
            "Halo vergelijkt scores op verschillende criteria; er is er maar één.",
            "Halo compares scores on different criteria; there is only one.",
        )
    }

    pub fn undefined() -> Text {
        Text::new(
            "De coëfficiënt is voor deze gegevens niet gedefinieerd.",
            "The coefficient is undefined for these data.",
        )
    }
}
