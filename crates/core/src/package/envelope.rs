//! The signed container every package travels in: JSON with the body, the signer's
//! Ed25519 public key and a signature over the canonical (RFC 8785) form of the rest.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::PackageError;
use crate::ledger::{public_key_hex, verifying_key_from_hex, Fingerprint};

/// What every package file says it is.
pub const FORMAT: &str = "maatstaf-package";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;
/// Larger files are refused before parsing: a round of twenty candidates with long
/// material stays far below this.
pub const MAX_PACKAGE_BYTES: usize = 32 * 1024 * 1024;

/// Which of the four exchanges a package is, plus the signed sheet inside a score
/// package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PackageKind {
    Round,
    Score,
    Sheet,
    Introduction,
    Reveal,
}

/// A signed package as it is written to disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    pub kind: PackageKind,
    /// The signer's Ed25519 public key, hex.
    pub signer: String,
    pub body: serde_json::Value,
    /// Ed25519 over the canonical JSON of every other field, hex.
    pub signature: String,
}

/// The part of an envelope the signature covers.
#[derive(Serialize)]
struct Signed<'a> {
    format: &'a str,
    version: u32,
    kind: PackageKind,
    signer: &'a str,
    body: &'a serde_json::Value,
}

impl Envelope {
    /// Signs `body` as a package of `kind`.
    pub fn sign<T: Serialize>(kind: PackageKind, body: &T, key: &SigningKey) -> Envelope {
        let body = serde_json::to_value(body).expect("package bodies serialise");
        let signer = public_key_hex(&key.verifying_key());
        let message = signed_bytes(FORMAT, VERSION, kind, &signer, &body);
        Envelope {
            format: FORMAT.to_owned(),
            version: VERSION,
            kind,
            signature: hex::encode(key.sign(&message).to_bytes()),
            signer,
            body,
        }
    }

    /// The file's bytes: indented JSON, so a curious reader can see what travels.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).expect("an envelope serialises");
        out.push(b'\n');
        out
    }

    /// Reads a package file and checks its signature against the key it names.
    /// Who that key belongs to is for the caller to check.
    pub fn read(bytes: &[u8]) -> Result<Envelope, PackageError> {
        if bytes.len() > MAX_PACKAGE_BYTES {
            return Err(PackageError::TooLarge {
                max_mb: (MAX_PACKAGE_BYTES / (1024 * 1024)) as u32,
            });
        }
        // Only the header first: a newer version's body may not parse as ours.
        #[derive(Deserialize)]
        struct Header {
            format: String,
            version: u32,
        }
        let header: Header = serde_json::from_slice(bytes).map_err(|_| PackageError::Unreadable)?;
        if header.format != FORMAT {
            return Err(PackageError::Unreadable);
        }
        if header.version > VERSION {
            return Err(PackageError::NewerVersion {
                version: header.version,
            });
        }
        let envelope: Envelope =
            serde_json::from_slice(bytes).map_err(|_| PackageError::Unreadable)?;
        envelope.verify()?;
        Ok(envelope)
    }

    /// Checks the signature against the key the envelope names.
    pub fn verify(&self) -> Result<(), PackageError> {
        let key = self.signer_key()?;
        let signature: [u8; 64] = hex::decode(&self.signature)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or(PackageError::BadSignature)?;
        let message = signed_bytes(
            &self.format,
            self.version,
            self.kind,
            &self.signer,
            &self.body,
        );
        key.verify(&message, &Signature::from_bytes(&signature))
            .map_err(|_| PackageError::BadSignature)
    }

    pub fn signer_key(&self) -> Result<VerifyingKey, PackageError> {
        verifying_key_from_hex(&self.signer).ok_or(PackageError::BadSignature)
    }

    /// The signer's fingerprint, as people compare it.
    pub fn fingerprint(&self) -> Result<Fingerprint, PackageError> {
        Ok(Fingerprint::of(&self.signer_key()?))
    }

    /// The body as the type a `kind` package carries.
    pub fn body<T: DeserializeOwned>(&self, kind: PackageKind) -> Result<T, PackageError> {
        if self.kind != kind {
            return Err(PackageError::WrongKind {
                expected: kind,
                found: self.kind,
            });
        }
        serde_json::from_value(self.body.clone()).map_err(|_| PackageError::Unreadable)
    }
}

fn signed_bytes(
    format: &str,
    version: u32,
    kind: PackageKind,
    signer: &str,
    body: &serde_json::Value,
) -> Vec<u8> {
    serde_json_canonicalizer::to_vec(&Signed {
        format,
        version,
        kind,
        signer,
        body,
    })
    .expect("JSON values canonicalise")
}
