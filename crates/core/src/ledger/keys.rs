//! Ed25519 keys for signing exports, and the fingerprint people compare by eye or phone.

use std::fmt;

pub use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::canonical::sha256;
use crate::i18n::Text;

/// A team's signing key from 32 random bytes. Core has no randomness of its own: the app
/// draws the seed from the operating system and stores the key itself.
pub fn signing_key_from_seed(seed: [u8; 32]) -> SigningKey {
    SigningKey::from_bytes(&seed)
}

pub fn public_key_hex(key: &VerifyingKey) -> String {
    hex::encode(key.as_bytes())
}

/// The public key written as 64 hex characters, if it is a valid Ed25519 point.
pub fn verifying_key_from_hex(text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = hex::decode(text).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// The first 16 bytes of the SHA-256 of a public key, as 8 groups of 4 lowercase hex
/// characters (`3f2a 09bc …`): short enough to read out over the phone, long enough that
/// nobody can make a second key with the same fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(export)]
pub struct Fingerprint(String);

impl Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Accepts any spelling [`Fingerprint::parse`] accepts.
impl<'de> Deserialize<'de> for Fingerprint {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Fingerprint::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a fingerprint has 32 hexadecimal characters (8 groups of 4)")]
pub struct FingerprintError;

impl FingerprintError {
    pub fn text(&self) -> Text {
        Text::new(
            "Een vingerafdruk bestaat uit 32 hexadecimale tekens (8 groepen van 4).",
            "A fingerprint has 32 hexadecimal characters (8 groups of 4).",
        )
    }
}

const FINGERPRINT_BYTES: usize = 16;

impl Fingerprint {
    pub fn of(key: &VerifyingKey) -> Fingerprint {
        let digest = sha256(key.as_bytes());
        Fingerprint::from_hex(&hex::encode(&digest[..FINGERPRINT_BYTES]))
    }

    /// Reads a fingerprint as people type or paste it: spaces, dashes and colons are
    /// ignored, and so is letter case.
    pub fn parse(input: &str) -> Result<Fingerprint, FingerprintError> {
        let hex: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | ':'))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if hex.len() == FINGERPRINT_BYTES * 2 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            Ok(Fingerprint::from_hex(&hex))
        } else {
            Err(FingerprintError)
        }
    }

    fn from_hex(hex: &str) -> Fingerprint {
        let groups: Vec<&str> = (0..hex.len()).step_by(4).map(|i| &hex[i..i + 4]).collect();
        Fingerprint(groups.join(" "))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_eight_groups_of_four_and_differ_per_key() {
        let a = signing_key_from_seed([7; 32]).verifying_key();
        let b = signing_key_from_seed([8; 32]).verifying_key();
        let fa = Fingerprint::of(&a);
        assert_eq!(fa.as_str().len(), 8 * 4 + 7);
        assert_eq!(fa.as_str().split(' ').count(), 8);
        assert!(fa.as_str().split(' ').all(|g| g.len() == 4));
        assert_ne!(fa, Fingerprint::of(&b));
        assert_eq!(fa, Fingerprint::of(&a));
    }

    #[test]
    fn parsing_is_lenient_about_spacing_case_and_separators() {
        let fp = Fingerprint::of(&signing_key_from_seed([7; 32]).verifying_key());
        let squashed = fp.as_str().replace(' ', "").to_uppercase();
        assert_eq!(Fingerprint::parse(&squashed).unwrap(), fp);
        let dashed = fp.as_str().replace(' ', "-");
        assert_eq!(Fingerprint::parse(&format!("  {dashed}\n")).unwrap(), fp);
        assert_eq!(Fingerprint::parse(fp.as_str()).unwrap(), fp);
        assert_eq!(Fingerprint::parse("abcd"), Err(FingerprintError));
        assert_eq!(Fingerprint::parse(&"g".repeat(32)), Err(FingerprintError));
    }

    #[test]
    fn fingerprints_travel_as_strings() {
        let fp = Fingerprint::of(&signing_key_from_seed([1; 32]).verifying_key());
        let json = serde_json::to_string(&fp).unwrap();
        assert_eq!(json, format!("\"{fp}\""));
        let back: Fingerprint = serde_json::from_str(&json.to_uppercase()).unwrap();
        assert_eq!(back, fp);
        assert!(serde_json::from_str::<Fingerprint>("\"12\"").is_err());
    }

    #[test]
    fn public_keys_round_trip_through_hex() {
        let key = signing_key_from_seed([3; 32]).verifying_key();
        assert_eq!(verifying_key_from_hex(&public_key_hex(&key)), Some(key));
        assert_eq!(verifying_key_from_hex("00"), None);
    }
}
