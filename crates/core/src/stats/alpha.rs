//! Krippendorff's alpha via the coincidence matrix, and Krippendorff's bootstrap.
//!
//! Counting, not pairing: per unit we count how often each value occurs, so a
//! unit with m ratings costs O(m log m) instead of O(m²) rater pairs.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::estimate::{reasons, Estimate};
use super::matrix::RatingMatrix;

/// Level of measurement: decides the difference function δ².
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Level {
    Nominal,
    Ordinal,
    Interval,
    Ratio,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Nominal,
        Level::Ordinal,
        Level::Interval,
        Level::Ratio,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Nominal => "nominal",
            Level::Ordinal => "ordinal",
            Level::Interval => "interval",
            Level::Ratio => "ratio",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// Values of the units with two or more ratings, counted per unit.
#[derive(Debug, PartialEq)]
struct Pairable {
    /// Distinct values, ascending.
    values: Vec<f64>,
    /// n_c: how often each value occurs among pairable values.
    totals: Vec<f64>,
    /// n..: the number of pairable values.
    n: f64,
    /// Per unit: (value index, count) runs, flattened; `ends[u]` closes unit u.
    runs: Vec<(usize, f64)>,
    ends: Vec<usize>,
    /// m_u per pairable unit.
    sizes: Vec<f64>,
}

/// Whole-number data within `TABLE` of the first value (every rubric scale)
/// is counted through a lookup table instead of searched and sorted.
const TABLE: usize = 256;

impl Pairable {
    fn new(m: &RatingMatrix) -> Pairable {
        Pairable::small_integers(m).unwrap_or_else(|| Pairable::general(m))
    }

    fn general(m: &RatingMatrix) -> Pairable {
        let values = distinct_pairable_values(m);
        let mut totals = vec![0.0; values.len()];
        let mut runs = Vec::new();
        let mut ends = Vec::new();
        let mut sizes = Vec::new();
        let mut idx: Vec<usize> = Vec::with_capacity(m.n_raters());
        for row in m.rows() {
            if row.clone().flatten().nth(1).is_none() {
                continue;
            }
            idx.clear();
            idx.extend(row.flatten().map(|v| index_of(&values, v)));
            idx.sort_unstable();
            let mut i = 0;
            while i < idx.len() {
                let j = idx[i..].iter().take_while(|&&x| x == idx[i]).count();
                runs.push((idx[i], j as f64));
                totals[idx[i]] += j as f64;
                i += j;
            }
            ends.push(runs.len());
            sizes.push(idx.len() as f64);
        }
        let n = totals.iter().sum();
        Pairable {
            values,
            totals,
            n,
            runs,
            ends,
            sizes,
        }
    }

    /// The same result as `general`, or `None` when a pairable value is not a
    /// whole number within `TABLE` of the first one. One pass over the stored
    /// cells without a branch per cell: missing (NaN) and out-of-range values
    /// count in slots of their own, and a flag notes a fraction. The counts are
    /// whole numbers, so summing them as integers gives exactly the floats
    /// `general` adds up.
    fn small_integers(m: &RatingMatrix) -> Option<Pairable> {
        const WIDTH: usize = 2 * TABLE;
        const SPARE: usize = WIDTH;
        const MISSING: usize = WIDTH + 1;
        // 1.5·2^52: for |v| < 2^51, v + ROUND is v rounded to a whole number,
        // in the binade where consecutive floats are 1 apart.
        const ROUND: f64 = 6_755_399_441_055_744.0;
        const LIMIT: f64 = 1_125_899_906_842_624.0; // 2^50
        let anchor = m
            .rows()
            .find(|row| row.clone().flatten().nth(1).is_some())
            .and_then(|mut row| row.find_map(|v| v))?;
        if anchor.fract() != 0.0 || anchor.abs() >= LIMIT {
            return None;
        }
        // Slot s holds the value base + s. In that binade the bit patterns of
        // ROUND + base + s are consecutive, so a difference of bits is a slot.
        let base = anchor as i64 - TABLE as i64;
        let base_bits = (ROUND + base as f64).to_bits();
        // What NaN, a missing rating, rounds to here. Were another NaN to come
        // out, missing cells would count as unusable and the general path would
        // run: slower, never wrong.
        let missing_bits = (f64::NAN + ROUND).to_bits();
        let slot_of = |v: f64| {
            let bits = (v + ROUND).to_bits();
            if bits == missing_bits {
                MISSING
            } else {
                bits.wrapping_sub(base_bits).min(SPARE as u64) as usize
            }
        };
        let mut counts = [0u32; MISSING + 1];
        let mut slot_totals = [0u64; WIDTH];
        let mut runs = Vec::with_capacity(m.n_units() * 4);
        let mut ends = Vec::with_capacity(m.n_units());
        let mut sizes = Vec::with_capacity(m.n_units());
        // The slots the rows so far used, to be read in order after each row;
        // empty while low > high.
        let (mut low, mut high) = (SPARE, 0);
        // The values of those slots, NaN past the last, while they are few.
        let window = |low: usize, high: usize| {
            (high < low + WINDOW).then(|| {
                std::array::from_fn(|k| match low + k {
                    slot if slot <= high => (base + slot as i64) as f64,
                    _ => f64::NAN,
                })
            })
        };
        let mut wanted = None;
        for row in m.stored_rows() {
            if let Some(wanted) = &wanted {
                if let Some((hits, missing)) = count_in_window(row, wanted) {
                    let present = row.len() - missing;
                    if present < 2 {
                        continue;
                    }
                    // Fewer hits than ratings: a new value, a fraction or one out
                    // of range, which the pass below sorts out.
                    if hits.iter().sum::<usize>() == present {
                        for (k, &count) in hits.iter().enumerate().take(high + 1 - low) {
                            slot_totals[low + k] += count as u64;
                            // Through u32, as a row holds far fewer than 2^32
                            // ratings: one instruction, where a usize takes several.
                            runs.push((low + k, f64::from(count as u32)));
                            runs.truncate(runs.len() - usize::from(count == 0));
                        }
                        ends.push(runs.len());
                        sizes.push(f64::from(present as u32));
                        continue;
                    }
                }
            }
            let mut fraction = false;
            for &v in row {
                let back = (v + ROUND) - ROUND;
                // Bitwise `|`: one comparison, unordered (NaN) counting as neither.
                fraction |= (back < v) | (back > v);
                counts[slot_of(v)] += 1;
            }
            let present = row.len() - std::mem::take(&mut counts[MISSING]) as usize;
            let unusable = fraction | (std::mem::take(&mut counts[SPARE]) > 0);
            if present < 2 {
                // Units with one rating may hold any value.
                for &v in row {
                    counts[slot_of(v)] = 0;
                }
                continue;
            }
            if unusable {
                return None;
            }
            let seen: u32 = if low <= high {
                counts[low..=high].iter().sum()
            } else {
                0
            };
            if seen as usize != present {
                for &v in row.iter().filter(|v| !v.is_nan()) {
                    low = low.min(slot_of(v));
                    high = high.max(slot_of(v));
                }
                wanted = window(low, high);
            }
            for (slot, count) in counts[low..=high].iter_mut().enumerate() {
                let count = std::mem::take(count);
                slot_totals[low + slot] += u64::from(count);
                // Pushed and taken back when empty: which slots a row leaves
                // empty is random, and a branch on it would be mispredicted.
                runs.push((low + slot, f64::from(count)));
                runs.truncate(runs.len() - usize::from(count == 0));
            }
            ends.push(runs.len());
            sizes.push(f64::from(present as u32));
        }
        // Slots to indices of the values that occur, as `general` numbers them.
        let mut index = [0usize; WIDTH];
        let mut values = Vec::new();
        let mut totals = Vec::new();
        for (slot, &total) in slot_totals.iter().enumerate() {
            if total > 0 {
                index[slot] = values.len();
                values.push((base + slot as i64) as f64);
                totals.push(total as f64);
            }
        }
        for run in &mut runs {
            run.0 = index[run.0];
        }
        let n = totals.iter().sum();
        Some(Pairable {
            values,
            totals,
            n,
            runs,
            ends,
            sizes,
        })
    }

    fn units(&self) -> impl Iterator<Item = (&[(usize, f64)], f64)> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .zip(self.sizes.iter().copied())
            .map(|((s, e), m)| (&self.runs[s..e], m))
    }
}

/// Distinct values of units with at least two ratings, ascending. Rubric data
/// has few distinct values, so a small sorted set beats sorting every value;
/// continuous data falls back to one sort.
fn distinct_pairable_values(m: &RatingMatrix) -> Vec<f64> {
    const SMALL: usize = 64;
    let pairable_rows = || {
        m.rows()
            .filter(|row| row.clone().flatten().nth(1).is_some())
    };
    let mut set: Vec<f64> = Vec::new();
    for row in pairable_rows() {
        for v in row.flatten() {
            if let Err(pos) = set.binary_search_by(|x| x.total_cmp(&v)) {
                if set.len() == SMALL {
                    let mut all: Vec<f64> = pairable_rows().flat_map(|r| r.flatten()).collect();
                    all.sort_unstable_by(f64::total_cmp);
                    all.dedup();
                    return all;
                }
                set.insert(pos, v);
            }
        }
    }
    set
}

fn index_of(values: &[f64], v: f64) -> usize {
    values
        .binary_search_by(|x| x.total_cmp(&v))
        .expect("value was collected")
}

/// How many slots a row's values may span for `count_in_window`.
const WINDOW: usize = 6;

/// How many cells of `row` equal each of `wanted`, and how many are missing
/// (NaN); `None` where there is no such pass. Equal means equal: a fraction
/// matches no whole number. Rubric scales span a few values, so comparing four
/// cells at a time with all of them takes fewer instructions than finding each
/// cell's slot and counting it there (about 4 against 18 a cell).
#[cfg(target_arch = "x86_64")]
fn count_in_window(row: &[f64], wanted: &[f64; WINDOW]) -> Option<([usize; WINDOW], usize)> {
    // SAFETY: called only where the processor has AVX2.
    std::arch::is_x86_feature_detected!("avx2")
        .then(|| unsafe { count_in_window_avx2(row, wanted) })
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn count_in_window_avx2(row: &[f64], wanted: &[f64; WINDOW]) -> ([usize; WINDOW], usize) {
    use std::arch::x86_64::{
        __m256d, __m256i, _mm256_castpd_si256, _mm256_cmp_pd, _mm256_extract_epi64, _mm256_set1_pd,
        _mm256_set_pd, _mm256_setzero_si256, _mm256_sub_epi64, _CMP_EQ_OQ, _CMP_UNORD_Q,
    };
    // A comparison gives all ones (−1) per matching lane; subtracting adds 1.
    let add = |count: __m256i, mask: __m256d| _mm256_sub_epi64(count, _mm256_castpd_si256(mask));
    let [w0, w1, w2, w3, w4, w5] = wanted.map(|w| _mm256_set1_pd(w));
    let mut c = [_mm256_setzero_si256(); WINDOW];
    let mut missing = _mm256_setzero_si256();
    // Written out: at opt-level "s" the compiler would not unroll a loop over
    // the six counts, and they would live in memory.
    let mut tally = |x: __m256d| {
        c[0] = add(c[0], _mm256_cmp_pd::<_CMP_EQ_OQ>(x, w0));
        c[1] = add(c[1], _mm256_cmp_pd::<_CMP_EQ_OQ>(x, w1));
        c[2] = add(c[2], _mm256_cmp_pd::<_CMP_EQ_OQ>(x, w2));
        c[3] = add(c[3], _mm256_cmp_pd::<_CMP_EQ_OQ>(x, w3));
        c[4] = add(c[4], _mm256_cmp_pd::<_CMP_EQ_OQ>(x, w4));
        c[5] = add(c[5], _mm256_cmp_pd::<_CMP_EQ_OQ>(x, w5));
        missing = add(missing, _mm256_cmp_pd::<_CMP_UNORD_Q>(x, x));
    };
    let mut quads = row.chunks_exact(4);
    for q in &mut quads {
        tally(_mm256_set_pd(q[3], q[2], q[1], q[0]));
    }
    if !quads.remainder().is_empty() {
        // Infinity is neither wanted nor missing.
        let mut q = [f64::INFINITY; 4];
        q[..quads.remainder().len()].copy_from_slice(quads.remainder());
        tally(_mm256_set_pd(q[3], q[2], q[1], q[0]));
    }
    let total = |v: __m256i| {
        (_mm256_extract_epi64::<0>(v)
            + _mm256_extract_epi64::<1>(v)
            + _mm256_extract_epi64::<2>(v)
            + _mm256_extract_epi64::<3>(v)) as usize
    };
    // Listed, not `c.map(total)`: the map made the whole alpha a sixth slower.
    (
        [
            total(c[0]),
            total(c[1]),
            total(c[2]),
            total(c[3]),
            total(c[4]),
            total(c[5]),
        ],
        total(missing),
    )
}

#[cfg(not(target_arch = "x86_64"))]
fn count_in_window(_: &[f64], _: &[f64; WINDOW]) -> Option<([usize; WINDOW], usize)> {
    None
}

/// δ² between value indices, in O(1).
struct Metric<'a> {
    level: Level,
    values: &'a [f64],
    /// Ordinal: the value's position among all pairable values, counted to its
    /// middle. Krippendorff's ordinal δ²(c,k) = (Σ_{g=c..k} n_g − (n_c+n_k)/2)²
    /// is exactly the squared difference of these positions, so ordinal alpha
    /// is interval alpha on them.
    ranks: Vec<f64>,
}

impl<'a> Metric<'a> {
    fn new(level: Level, p: &'a Pairable) -> Metric<'a> {
        let ranks = if level == Level::Ordinal {
            let mut before = 0.0;
            p.totals
                .iter()
                .map(|&n_c| {
                    let mid = before + n_c / 2.0;
                    before += n_c;
                    mid
                })
                .collect()
        } else {
            Vec::new()
        };
        Metric {
            level,
            values: &p.values,
            ranks,
        }
    }

    fn delta(&self, c: usize, k: usize) -> f64 {
        if c == k {
            return 0.0;
        }
        match self.level {
            Level::Nominal => 1.0,
            Level::Ordinal => squared(self.ranks[c], self.ranks[k]),
            Level::Interval => squared(self.values[c], self.values[k]),
            Level::Ratio => ratio(self.values[c], self.values[k]),
        }
    }

    /// Σ_c Σ_k n_c n_k δ²(c,k): the expected disagreement times n(n−1).
    fn expected_sum(&self, totals: &[f64], n: f64) -> f64 {
        let spread = |coords: &[f64]| {
            let mean = coords
                .iter()
                .zip(totals)
                .map(|(x, n_c)| x * n_c)
                .sum::<f64>()
                / n;
            2.0 * n
                * coords
                    .iter()
                    .zip(totals)
                    .map(|(x, n_c)| n_c * (x - mean).powi(2))
                    .sum::<f64>()
        };
        match self.level {
            Level::Nominal => n * n - totals.iter().map(|t| t * t).sum::<f64>(),
            Level::Ordinal => spread(&self.ranks),
            Level::Interval => spread(self.values),
            Level::Ratio => {
                let mut sum = 0.0;
                for c in 0..totals.len() {
                    for k in c + 1..totals.len() {
                        sum += 2.0 * totals[c] * totals[k] * self.delta(c, k);
                    }
                }
                sum
            }
        }
    }
}

/// What alpha needs, or the reason it is undefined.
struct AlphaParts<'a> {
    p: &'a Pairable,
    metric: Metric<'a>,
    /// Σ_u 1/(m_u−1) Σ_{c≠k} n_uc n_uk δ²: observed disagreement times n.
    observed_sum: f64,
    expected_sum: f64,
}

fn alpha_parts<'a>(p: &'a Pairable, level: Level) -> Result<AlphaParts<'a>, Estimate> {
    match p.ends.len() {
        0 => return Err(Estimate::none(reasons::no_pairable_units())),
        1 => return Err(Estimate::none(reasons::one_unit())),
        _ => {}
    }
    if level == Level::Ratio && p.values.first().is_some_and(|&v| v < 0.0) {
        return Err(Estimate::none(reasons::negative_ratio()));
    }
    let metric = Metric::new(level, p);
    let expected_sum = metric.expected_sum(&p.totals, p.n);
    if expected_sum <= 0.0 || expected_sum.is_nan() {
        return Err(Estimate::none(reasons::no_variation()));
    }
    // One loop per level, so the level is not matched again for every pair.
    let (values, ranks) = (&p.values, &metric.ranks);
    let observed_sum = match level {
        Level::Nominal => observed_sum(p, |_, _| 1.0),
        Level::Ordinal => observed_sum(p, |c, k| squared(ranks[c], ranks[k])),
        Level::Interval => observed_sum(p, |c, k| squared(values[c], values[k])),
        Level::Ratio => observed_sum(p, |c, k| ratio(values[c], values[k])),
    };
    Ok(AlphaParts {
        p,
        metric,
        observed_sum,
        expected_sum,
    })
}

/// Σ_u 2/(m_u−1) Σ_{c<k} n_uc n_uk δ²(c,k); a unit's values are distinct, so
/// `delta` is never asked for c = k.
fn observed_sum(p: &Pairable, delta: impl Fn(usize, usize) -> f64) -> f64 {
    let mut sum = 0.0;
    for (runs, m_u) in p.units() {
        let mut unit = 0.0;
        for (i, &(c, n_c)) in runs.iter().enumerate() {
            for &(k, n_k) in &runs[i + 1..] {
                unit += n_c * n_k * delta(c, k);
            }
        }
        sum += 2.0 * unit / (m_u - 1.0);
    }
    sum
}

fn squared(a: f64, b: f64) -> f64 {
    (a - b).powi(2)
}

fn ratio(a: f64, b: f64) -> f64 {
    ((a - b) / (a + b)).powi(2)
}

impl AlphaParts<'_> {
    fn alpha(&self) -> f64 {
        1.0 - (self.p.n - 1.0) * self.observed_sum / self.expected_sum
    }
}

/// Krippendorff's alpha at `level`; units with fewer than two ratings are ignored.
///
/// `TooLittleData` when fewer than two units have two ratings, when all
/// pairable values are equal (0/0), or for negative values at the ratio level.
pub fn krippendorff_alpha(m: &RatingMatrix, level: Level) -> Estimate {
    let p = Pairable::new(m);
    match alpha_parts(&p, level) {
        Ok(parts) => Estimate::checked(parts.alpha(), None, reasons::undefined),
        Err(none) => none,
    }
}

/// How many units have at least two ratings (the units alpha uses).
pub fn pairable_units(m: &RatingMatrix) -> usize {
    m.rows()
        .filter(|row| row.clone().flatten().nth(1).is_some())
        .count()
}

/// Alpha with a 95% interval from Krippendorff's bootstrap ("Algorithm for
/// bootstrapping a distribution of α", 2006, rev. 2011; as in Hayes' KALPHA):
///
/// 1. Segment [0,1) by the probabilities p_cc = o_cc/n.. and p_ck = 2·o_ck/n..
///    (c < k) of the observed coincidences, each segment carrying δ²_ck.
/// 2. Draw M = min(25·Q, (m−1)·n../2) values per resample, Q the number of
///    non-zero cells of the coincidence matrix and m the number of raters.
/// 3. α* = 1 − (mean δ² of the draws) / D_e, with D_e kept from the data;
///    α* below −1 is set to −1.
/// 4. A resample whose draws all fall on one diagonal cell shows no variation,
///    so its alpha is undefined; Krippendorff counts it as 0. (His algorithm
///    estimates how many such resamples to expect; we see each one directly.)
///
/// The interval is the 2.5th and 97.5th percentile of the sorted α*. Same
/// seed, same interval. `resamples` below 20 gives no interval.
pub fn krippendorff_alpha_bootstrap(
    m: &RatingMatrix,
    level: Level,
    resamples: usize,
    seed: u64,
) -> Estimate {
    let p = Pairable::new(m);
    let parts = match alpha_parts(&p, level) {
        Ok(parts) => parts,
        Err(none) => return none,
    };
    let alpha = Estimate::checked(parts.alpha(), None, reasons::undefined);
    if resamples < 20 {
        return alpha;
    }
    let ci = bootstrap_interval(&parts, m.n_raters(), resamples, seed);
    alpha.with_ci(Some(ci))
}

fn bootstrap_interval(
    parts: &AlphaParts<'_>,
    raters: usize,
    resamples: usize,
    seed: u64,
) -> [f64; 2] {
    let p = parts.p;
    // Upper triangle of the coincidence matrix, off-diagonal cells doubled.
    let mut cells: std::collections::BTreeMap<(usize, usize), f64> = Default::default();
    for (runs, m_u) in p.units() {
        for (i, &(c, n_c)) in runs.iter().enumerate() {
            if n_c > 1.0 {
                *cells.entry((c, c)).or_default() += n_c * (n_c - 1.0) / (m_u - 1.0);
            }
            for &(k, n_k) in &runs[i + 1..] {
                *cells.entry((c, k)).or_default() += 2.0 * n_c * n_k / (m_u - 1.0);
            }
        }
    }
    let q: usize = cells.keys().map(|(c, k)| if c == k { 1 } else { 2 }).sum();
    let mut cumulative = Vec::with_capacity(cells.len());
    let mut deltas = Vec::with_capacity(cells.len());
    let mut diagonal = Vec::with_capacity(cells.len());
    let mut acc = 0.0;
    for (&(c, k), &o) in &cells {
        acc += o / p.n;
        cumulative.push(acc);
        deltas.push(parts.metric.delta(c, k));
        diagonal.push(c == k);
    }
    let pairs_cap = ((raters.saturating_sub(1)) as f64 * p.n / 2.0).floor() as usize;
    let draws = (25 * q).min(pairs_cap).max(1);
    let expected = parts.expected_sum / (p.n * (p.n - 1.0));
    let last = cumulative.len() - 1;

    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut alphas: Vec<f64> = (0..resamples)
        .map(|_| {
            let mut sum = 0.0;
            let mut first_cell = None;
            let mut one_diagonal_cell = true;
            for _ in 0..draws {
                let r: f64 = rng.random();
                let cell = cumulative.partition_point(|&c| c <= r).min(last);
                sum += deltas[cell];
                match first_cell {
                    None => first_cell = Some(cell),
                    Some(f) if f != cell => one_diagonal_cell = false,
                    _ => {}
                }
            }
            one_diagonal_cell &= first_cell.is_some_and(|c| diagonal[c]);
            if one_diagonal_cell {
                0.0
            } else {
                (1.0 - sum / draws as f64 / expected).max(-1.0)
            }
        })
        .collect();
    alphas.sort_unstable_by(f64::total_cmp);
    let b = resamples as f64;
    let lo = ((0.025 * b).floor() as usize).max(1) - 1;
    let hi = (((0.975 * b).floor() as usize) + 1).min(resamples) - 1;
    [alphas[lo], alphas[hi]]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(rows: &[&[Option<f64>]]) -> RatingMatrix {
        RatingMatrix::from_rows(&rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn undefined_cases_say_why_instead_of_giving_a_number() {
        let constant = m(&[&[Some(3.0), Some(3.0)], &[Some(3.0), Some(3.0)]]);
        let e = krippendorff_alpha(&constant, Level::Interval);
        assert_eq!(e.reason(), Some(&reasons::no_variation()));

        let one_unit = m(&[&[Some(1.0), Some(2.0)], &[Some(3.0), None]]);
        assert_eq!(
            krippendorff_alpha(&one_unit, Level::Nominal).reason(),
            Some(&reasons::one_unit())
        );

        let single_rater = m(&[&[Some(1.0)], &[Some(2.0)], &[Some(3.0)]]);
        assert_eq!(
            krippendorff_alpha(&single_rater, Level::Ordinal).reason(),
            Some(&reasons::no_pairable_units())
        );

        let signed_zero = m(&[&[Some(0.0), Some(-0.0)], &[Some(1.0), Some(1.0)]]);
        assert_eq!(
            krippendorff_alpha(&signed_zero, Level::Nominal).value(),
            Some(1.0)
        );

        let negative = m(&[&[Some(-1.0), Some(2.0)], &[Some(3.0), Some(3.0)]]);
        assert_eq!(
            krippendorff_alpha(&negative, Level::Ratio).reason(),
            Some(&reasons::negative_ratio())
        );
    }

    /// Seeded matrices of whole numbers in `lo..=hi`, with missing cells and
    /// some units rated once (their values far outside the range).
    fn random_whole(seed: u64, lo: i32, hi: i32) -> RatingMatrix {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let units = rng.random_range(2..40);
        let raters = rng.random_range(2..9);
        let rows: Vec<Vec<Option<f64>>> = (0..units)
            .map(|u| {
                let mut row: Vec<Option<f64>> = (0..raters)
                    .map(|_| {
                        rng.random_bool(0.8)
                            .then(|| f64::from(rng.random_range(lo..=hi)))
                    })
                    .collect();
                if u % 7 == 3 {
                    row.fill(None);
                    row[0] = Some(f64::from(hi) + 1000.0);
                }
                row
            })
            .collect();
        RatingMatrix::from_rows(&rows).unwrap()
    }

    #[test]
    fn the_lookup_table_counts_exactly_what_the_general_path_counts() {
        let mut compared = 0;
        for seed in 0..300 {
            let (lo, hi) = [(1, 5), (0, 10), (-3, 3), (-200, 50), (7, 7)][seed as usize % 5];
            let data = random_whole(seed, lo, hi);
            let general = Pairable::general(&data);
            match Pairable::small_integers(&data) {
                Some(fast) => {
                    assert_eq!(fast, general, "seed {seed}, {lo}..={hi}");
                    compared += 1;
                }
                None => assert!(general.ends.is_empty(), "seed {seed} has pairable units"),
            }
        }
        assert!(
            compared > 250,
            "only {compared} matrices had pairable units"
        );
    }

    #[test]
    fn the_window_counts_equal_values_and_missing_cells_only() {
        let wanted = [1.0, 2.0, 3.0, f64::NAN, f64::NAN, f64::NAN];
        let row = [1.0, 3.0, f64::NAN, 2.5, 3.0, 7.0, -0.0, 1.0, 2.0];
        // Every length, so every remainder after the groups of four.
        for len in 0..=row.len() {
            let expected = (
                std::array::from_fn(|k| row[..len].iter().filter(|&&v| v == wanted[k]).count()),
                row[..len].iter().filter(|v| v.is_nan()).count(),
            );
            match count_in_window(&row[..len], &wanted) {
                Some(counted) => assert_eq!(counted, expected, "{len} cells"),
                None => assert!(!cfg!(target_arch = "x86_64") || !avx2()),
            }
        }
        assert_eq!(
            count_in_window(&row, &wanted).map(|(hits, _)| hits),
            avx2().then_some([2, 1, 2, 0, 0, 0])
        );
    }

    fn avx2() -> bool {
        #[cfg(target_arch = "x86_64")]
        return std::arch::is_x86_feature_detected!("avx2");
        #[cfg(not(target_arch = "x86_64"))]
        return false;
    }

    #[test]
    fn fractions_and_wide_ranges_take_the_general_path() {
        let halves = m(&[&[Some(1.5), Some(2.0)], &[Some(1.0), Some(1.0)]]);
        assert_eq!(Pairable::small_integers(&halves), None);
        let wide = m(&[&[Some(0.0), Some(300.0)], &[Some(1.0), Some(1.0)]]);
        assert_eq!(Pairable::small_integers(&wide), None);
        let huge = m(&[&[Some(1e17), Some(1e17)], &[Some(1e17), Some(1e17)]]);
        assert_eq!(Pairable::small_integers(&huge), None);
        // The table reaches from 256 below the first value to 255 above it.
        let edges = m(&[&[Some(0.0), Some(-256.0)], &[Some(255.0), Some(255.0)]]);
        assert_eq!(
            Pairable::small_integers(&edges),
            Some(Pairable::general(&edges))
        );
        let beyond = m(&[&[Some(0.0), Some(-256.0)], &[Some(256.0), Some(255.0)]]);
        assert_eq!(Pairable::small_integers(&beyond), None);
        // A fraction in a unit rated once does not count.
        let lone_fraction = m(&[
            &[Some(1.0), Some(2.0)],
            &[Some(2.0), Some(2.0)],
            &[Some(0.5), None],
        ]);
        assert_eq!(
            Pairable::small_integers(&lone_fraction),
            Some(Pairable::general(&lone_fraction))
        );
        assert_eq!(
            krippendorff_alpha(&halves, Level::Interval),
            krippendorff_alpha(&halves.map_values(|v| v * 2.0), Level::Interval)
        );
    }

    #[test]
    fn bootstrap_is_seeded_and_brackets_alpha() {
        let rows: Vec<Vec<Option<f64>>> = (0..30)
            .map(|u| {
                (0..4)
                    .map(|r| Some(((u % 5) + usize::from((u + r) % 7 == 0)) as f64))
                    .collect()
            })
            .collect();
        let data = RatingMatrix::from_rows(&rows).unwrap();
        let a = krippendorff_alpha_bootstrap(&data, Level::Ordinal, 1000, 7);
        let b = krippendorff_alpha_bootstrap(&data, Level::Ordinal, 1000, 7);
        let c = krippendorff_alpha_bootstrap(&data, Level::Ordinal, 1000, 8);
        assert_eq!(a, b);
        assert_ne!(a.ci95(), c.ci95());
        let [lo, hi] = a.ci95().unwrap();
        let v = a.value().unwrap();
        assert!(
            lo < v && v <= hi && lo >= -1.0 && hi <= 1.0,
            "{lo} {v} {hi}"
        );
        assert_eq!(krippendorff_alpha(&data, Level::Ordinal).value(), Some(v));
        assert_eq!(
            krippendorff_alpha_bootstrap(&data, Level::Ordinal, 0, 7).ci95(),
            None
        );
    }

    #[test]
    fn bootstrap_draws_min_of_25q_and_pairs() {
        // Two raters, 200 units: 80 agree on 1, 80 on 2, 40 disagree. Then
        // o_11 = o_22 = 160, o_12 = o_21 = 40, n.. = 400, Q = 4, so
        // M = min(25·4, (2−1)·400/2) = 100 draws, each a disagreement with
        // p = 0.2. D_e = 2·200·200/(400·399). α* = 1 − mean/D_e has standard
        // deviation √(0.2·0.8/100)/D_e ≈ 0.0798: a 95% interval about
        // ±0.156 wide (it would be ±0.111 with M = 200).
        let mut rows = Vec::new();
        rows.extend((0..80).map(|_| vec![Some(1.0), Some(1.0)]));
        rows.extend((0..80).map(|_| vec![Some(2.0), Some(2.0)]));
        rows.extend((0..40).map(|_| vec![Some(1.0), Some(2.0)]));
        let data = RatingMatrix::from_rows(&rows).unwrap();
        let e = krippendorff_alpha_bootstrap(&data, Level::Nominal, 4000, 11);
        let d_e = 2.0 * 200.0 * 200.0 / (400.0 * 399.0);
        assert!((e.value().unwrap() - (1.0 - 0.2 / d_e)).abs() < 1e-12);
        let [lo, hi] = e.ci95().unwrap();
        let half = (hi - lo) / 2.0;
        let predicted = 1.96 * (0.2f64 * 0.8 / 100.0).sqrt() / d_e;
        assert!(
            (half - predicted).abs() < 0.015,
            "half-width {half}, predicted {predicted}"
        );
    }
}
