//! Per-assessor presentation orders, derived from the round's seed.
//!
//! Everything here is value-stable on purpose: a stored round can be re-derived from
//! its seed and checked years later, so the shuffle does not lean on `rand`'s
//! sampling helpers (whose output may change between versions) but only on the
//! ChaCha20 key stream, which `rand_chacha` keeps stable.

use std::collections::BTreeSet;

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;
use sha2::{Digest, Sha256};

/// What an order is drawn for; keeps the candidate and criterion streams independent.
#[derive(Clone, Copy)]
pub(crate) enum Purpose {
    Candidates,
    Criteria,
}

fn rng_for(seed: &[u8; 32], assessor: &str, purpose: Purpose) -> ChaCha20Rng {
    let mut h = Sha256::new();
    h.update(b"maatstaf/scoring/order/v1\0");
    h.update(match purpose {
        Purpose::Candidates => b"candidates\0".as_slice(),
        Purpose::Criteria => b"criteria\0".as_slice(),
    });
    h.update(seed);
    h.update((assessor.len() as u64).to_le_bytes());
    h.update(assessor.as_bytes());
    ChaCha20Rng::from_seed(h.finalize().into())
}

/// A uniform index below `bound` (> 0), by rejection so no index is favoured.
fn below(rng: &mut ChaCha20Rng, bound: u64) -> u64 {
    let zone = u64::MAX - (u64::MAX % bound);
    loop {
        let x = rng.next_u64();
        if x < zone {
            return x % bound;
        }
    }
}

/// Fisher–Yates over `0..n`.
fn permutation(rng: &mut ChaCha20Rng, n: usize) -> Vec<usize> {
    let mut p: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = below(rng, i as u64 + 1) as usize;
        p.swap(i, j);
    }
    p
}

/// n!, saturating: only compared with small assessor counts.
fn factorial(n: usize) -> usize {
    (1..=n)
        .try_fold(1usize, |acc, k| acc.checked_mul(k))
        .unwrap_or(usize::MAX)
}

/// The candidate order (as indices into the round's sorted candidate list) for each
/// assessor, in the given assessor order.
///
/// Each assessor draws from a stream keyed by the round seed and their own id. When
/// a draw repeats the order of an assessor earlier in the list, the assessor draws
/// again from the same stream, until every possible order has been handed out once
/// (then the bookkeeping starts afresh). So with n candidates and at most n!
/// assessors nobody shares an order: with 3 candidates a plain random draw would
/// give two assessors the same order one time in six.
pub(crate) fn candidate_orders(seed: &[u8; 32], assessors: &[&str], n: usize) -> Vec<Vec<usize>> {
    let all = factorial(n);
    let mut used = BTreeSet::new();
    let mut orders = Vec::with_capacity(assessors.len());
    for assessor in assessors {
        if used.len() >= all {
            used.clear();
        }
        let mut rng = rng_for(seed, assessor, Purpose::Candidates);
        let order = loop {
            let p = permutation(&mut rng, n);
            if !used.contains(&p) {
                break p;
            }
        };
        used.insert(order.clone());
        orders.push(order);
    }
    orders
}

/// The criterion order for one assessor in chunked mode (indices into the rubric's
/// criteria). Repeats between assessors are allowed here: what matters for fairness
/// is the candidate order.
pub(crate) fn criterion_order(seed: &[u8; 32], assessor: &str, n: usize) -> Vec<usize> {
    permutation(&mut rng_for(seed, assessor, Purpose::Criteria), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(b: u8) -> [u8; 32] {
        let mut s = [0u8; 32];
        s[0] = b;
        s[31] = b.wrapping_mul(7);
        s
    }

    #[test]
    fn permutations_are_permutations() {
        let mut rng = rng_for(&seed(1), "a", Purpose::Candidates);
        for n in 0..12 {
            let mut p = permutation(&mut rng, n);
            p.sort_unstable();
            assert_eq!(p, (0..n).collect::<Vec<_>>());
        }
    }

    #[test]
    fn the_same_seed_and_id_give_the_same_order() {
        let ids = ["anna", "bram", "cem"];
        assert_eq!(
            candidate_orders(&seed(3), &ids, 6),
            candidate_orders(&seed(3), &ids, 6)
        );
        assert_ne!(
            candidate_orders(&seed(3), &ids, 6),
            candidate_orders(&seed(4), &ids, 6)
        );
    }

    #[test]
    fn orders_never_repeat_while_fresh_ones_are_left() {
        let ids = ["a1", "a2", "a3", "a4", "a5", "a6", "a7"];
        for s in 0..=255u8 {
            for n in 3..=5 {
                let k = ids.len().min(factorial(n));
                let orders = candidate_orders(&seed(s), &ids[..k], n);
                let distinct: BTreeSet<_> = orders.iter().collect();
                assert_eq!(distinct.len(), k, "seed {s}, {n} candidates");
            }
        }
    }

    #[test]
    fn more_assessors_than_orders_still_get_every_order_before_repeats() {
        let ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
        let orders = candidate_orders(&seed(9), &ids, 3);
        let first_six: BTreeSet<_> = orders[..6].iter().collect();
        assert_eq!(first_six.len(), 6);
        assert_eq!(orders.len(), 8);
    }

    #[test]
    fn every_candidate_comes_first_about_equally_often() {
        let n = 4;
        let mut first = [0u32; 4];
        for s in 0..=255u8 {
            for order in candidate_orders(&seed(s), &["x", "y", "z"], n) {
                first[order[0]] += 1;
            }
        }
        // 768 draws, 192 expected per candidate; a fair shuffle stays well within ±60.
        for count in first {
            assert!((132..=252).contains(&count), "{first:?}");
        }
    }
}
