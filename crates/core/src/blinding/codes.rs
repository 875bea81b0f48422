//! Candidate codes such as "K-7F3": what assessors see instead of a name.

use std::collections::HashSet;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;

/// Digits and capitals without look-alikes: no 0/O, no 1/I/L.
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

const CODE_LEN: usize = 3;

/// How many distinct codes exist.
pub const CODE_SPACE: usize = CODE_ALPHABET.len() * CODE_ALPHABET.len() * CODE_ALPHABET.len();

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("cannot make {asked} distinct codes; there are only {available}")]
    TooMany { asked: usize, available: usize },
}

/// One random code, "K-" and three characters from [`CODE_ALPHABET`].
pub fn candidate_code<R: Rng + ?Sized>(rng: &mut R) -> String {
    let mut code = String::from("K-");
    for _ in 0..CODE_LEN {
        code.push(char::from(
            CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())],
        ));
    }
    code
}

/// `n` distinct codes for one team, reproducible from `seed`.
pub fn unique_codes(n: usize, seed: u64) -> Result<Vec<String>, CodeError> {
    if n > CODE_SPACE {
        return Err(CodeError::TooMany {
            asked: n,
            available: CODE_SPACE,
        });
    }
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let mut seen = HashSet::with_capacity(n);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let code = candidate_code(&mut rng);
        if seen.insert(code.clone()) {
            out.push(code);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_the_right_shape_and_no_look_alikes() {
        for code in unique_codes(500, 7).unwrap() {
            assert_eq!(code.len(), 5);
            assert!(code.starts_with("K-"));
            assert!(
                code[2..]
                    .chars()
                    .all(|c| !"01OIL".contains(c) && CODE_ALPHABET.contains(&(c as u8))),
                "{code}"
            );
        }
    }

    #[test]
    fn codes_never_repeat_and_are_reproducible() {
        let codes = unique_codes(2000, 42).unwrap();
        assert_eq!(codes.iter().collect::<HashSet<_>>().len(), 2000);
        assert_eq!(unique_codes(8, 42).unwrap(), codes[..8]);
        assert_ne!(unique_codes(8, 43).unwrap(), codes[..8]);
        assert_eq!(unique_codes(CODE_SPACE, 1).unwrap().len(), CODE_SPACE);
        assert!(unique_codes(CODE_SPACE + 1, 1).is_err());
    }
}
