//! Reliability data in wide form: one row per unit, one column per rater.

use crate::i18n::Text;

/// Units × raters; `None` is a missing rating. Every present value is finite.
#[derive(Debug, Clone)]
pub struct RatingMatrix {
    units: usize,
    raters: usize,
    /// Row-major. A missing rating is stored as NaN, which no present value can
    /// be: a row is then a plain `&[f64]` that the alpha kernel reads without a
    /// branch per cell, at half the memory of `Option<f64>`.
    cells: Vec<f64>,
}

const MISSING: f64 = f64::NAN;

fn stored(value: Option<f64>) -> f64 {
    // -0.0 and 0.0 are one value: adding 0.0 turns the first into the second.
    value.map_or(MISSING, |x| x + 0.0)
}

fn rating(cell: f64) -> Option<f64> {
    (!cell.is_nan()).then_some(cell)
}

impl PartialEq for RatingMatrix {
    fn eq(&self, other: &RatingMatrix) -> bool {
        // Bits, not `==`: a missing cell (NaN) equals a missing cell.
        self.units == other.units
            && self.raters == other.raters
            && self
                .cells
                .iter()
                .zip(&other.cells)
                .all(|(a, b)| a.to_bits() == b.to_bits())
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StatsError {
    #[error("row {row} has {found} values, expected {expected}")]
    Ragged {
        row: usize,
        expected: usize,
        found: usize,
    },
    #[error("unit {unit}, rater {rater}: the value is not a finite number")]
    NotFinite { unit: String, rater: String },
    #[error("unit {unit}, criterion {criterion}: rater {rater} has more than one rating")]
    DuplicateRating {
        unit: String,
        criterion: String,
        rater: String,
    },
    #[error("unit {unit}, criterion {criterion}, rater {rater}: {value} lies outside the scale {min}..{max}")]
    OutOfScale {
        unit: String,
        criterion: String,
        rater: String,
        value: f64,
        min: f64,
        max: f64,
    },
}

impl StatsError {
    /// The message in both languages, for people.
    pub fn text(&self) -> Text {
        match self {
            StatsError::Ragged { row, expected, found } => Text::new(
                format!("rij {row} heeft {found} waarden, verwacht {expected}"),
                self.to_string(),
            ),
            StatsError::NotFinite { unit, rater } => Text::new(
                format!("eenheid {unit}, beoordelaar {rater}: de waarde is geen eindig getal"),
                self.to_string(),
            ),
            StatsError::DuplicateRating { unit, criterion, rater } => Text::new(
                format!("eenheid {unit}, criterium {criterion}: beoordelaar {rater} heeft meer dan één score"),
                self.to_string(),
            ),
            StatsError::OutOfScale { unit, criterion, rater, value, min, max } => Text::new(
                format!("eenheid {unit}, criterium {criterion}, beoordelaar {rater}: {value} ligt buiten de schaal {min}..{max}"),
                self.to_string(),
            ),
        }
    }
}

impl RatingMatrix {
    /// An all-missing matrix.
    pub fn new(units: usize, raters: usize) -> RatingMatrix {
        RatingMatrix {
            units,
            raters,
            cells: vec![MISSING; units * raters],
        }
    }

    /// From rows of equal length (one per unit); rejects ragged rows and non-finite values.
    pub fn from_rows(rows: &[Vec<Option<f64>>]) -> Result<RatingMatrix, StatsError> {
        let raters = rows.first().map_or(0, Vec::len);
        let mut cells = Vec::with_capacity(rows.len() * raters);
        for (row, values) in rows.iter().enumerate() {
            if values.len() != raters {
                return Err(StatsError::Ragged {
                    row,
                    expected: raters,
                    found: values.len(),
                });
            }
            for (rater, value) in values.iter().enumerate() {
                if value.is_some_and(|v| !v.is_finite()) {
                    return Err(StatsError::NotFinite {
                        unit: row.to_string(),
                        rater: rater.to_string(),
                    });
                }
            }
            cells.extend(values.iter().copied().map(stored));
        }
        Ok(RatingMatrix {
            units: rows.len(),
            raters,
            cells,
        })
    }

    /// Sets one cell; a non-finite value is refused.
    pub fn set(&mut self, unit: usize, rater: usize, value: Option<f64>) -> Result<(), StatsError> {
        if value.is_some_and(|v| !v.is_finite()) {
            return Err(StatsError::NotFinite {
                unit: unit.to_string(),
                rater: rater.to_string(),
            });
        }
        self.cells[unit * self.raters + rater] = stored(value);
        Ok(())
    }

    pub fn n_units(&self) -> usize {
        self.units
    }

    pub fn n_raters(&self) -> usize {
        self.raters
    }

    pub fn get(&self, unit: usize, rater: usize) -> Option<f64> {
        rating(self.cells[unit * self.raters + rater])
    }

    /// One unit's ratings, rater by rater.
    pub fn row(&self, unit: usize) -> impl Iterator<Item = Option<f64>> + Clone + '_ {
        self.stored_row(unit).iter().copied().map(rating)
    }

    pub fn rows(&self) -> impl Iterator<Item = impl Iterator<Item = Option<f64>> + Clone + '_> {
        (0..self.units).map(move |u| self.row(u))
    }

    /// The rows as stored, NaN for a missing rating.
    pub(crate) fn stored_rows(&self) -> impl Iterator<Item = &[f64]> {
        (0..self.units).map(move |u| self.stored_row(u))
    }

    fn stored_row(&self, unit: usize) -> &[f64] {
        &self.cells[unit * self.raters..(unit + 1) * self.raters]
    }

    /// Units that every rater scored, as dense rows.
    pub fn complete_rows(&self) -> Vec<Vec<f64>> {
        self.stored_rows()
            .filter(|row| !row.iter().any(|v| v.is_nan()))
            .map(<[f64]>::to_vec)
            .collect()
    }

    /// The same data with units and raters reordered (or subset) by index.
    pub fn select(&self, units: &[usize], raters: &[usize]) -> RatingMatrix {
        let mut cells = Vec::with_capacity(units.len() * raters.len());
        for &u in units {
            for &r in raters {
                cells.push(self.cells[u * self.raters + r]);
            }
        }
        RatingMatrix {
            units: units.len(),
            raters: raters.len(),
            cells,
        }
    }

    /// The values with `f` applied (e.g. a relabelling); `f` must keep them finite.
    pub fn map_values(&self, f: impl Fn(f64) -> f64) -> RatingMatrix {
        RatingMatrix {
            cells: self
                .cells
                .iter()
                .map(|&v| rating(v).map_or(MISSING, &f))
                .collect(),
            ..*self
        }
    }
}
