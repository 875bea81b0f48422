//! RFC 8785 (JCS) bytes and SHA-256 digests: what every hash and signature here is taken over.

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The RFC 8785 canonical JSON form of `value`.
///
/// Only fails for values JSON cannot hold (non-string map keys); every type hashed here
/// is plain data with string keys, so a failure is a programming error.
pub(crate) fn canonical_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json_canonicalizer::to_vec(value).expect("ledger data always serialises to JSON")
}

pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// SHA-256 (hex) of raw bytes: how an exported file is named in the log.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(sha256(bytes))
}

/// SHA-256 (hex) of the canonical form of a JSON value: the content hash of a section.
pub fn content_sha256<T: Serialize>(value: &T) -> String {
    sha256_hex(&canonical_bytes(value))
}
