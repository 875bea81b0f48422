//! Encryption to a team, in the `age` format (age-encryption.org/v1, X25519): a score
//! package is readable only by the team's laptop until the reveal. Core decides what a
//! valid package is; encrypting needs randomness, so it happens here.

use age::secrecy::ExposeSecret;
use maatstaf_core::package::PackageError;
use zeroize::Zeroizing;

/// A new team identity: the public recipient, and the secret identity as text (to be
/// sealed at once).
pub(crate) fn new_identity() -> (String, Zeroizing<String>) {
    let identity = age::x25519::Identity::generate();
    let secret = Zeroizing::new(identity.to_string().expose_secret().to_owned());
    (identity.to_public().to_string(), secret)
}

/// Encrypts `plaintext` to `recipient` (an `age1…` public key).
pub(crate) fn encrypt_to(recipient: &str, plaintext: &[u8]) -> Result<Vec<u8>, PackageError> {
    let recipient: age::x25519::Recipient =
        recipient.parse().map_err(|_| PackageError::Inconsistent)?;
    age::encrypt(&recipient, plaintext).map_err(|_| PackageError::Inconsistent)
}

/// Decrypts an `age` file with the team's identity (`AGE-SECRET-KEY-1…`).
pub(crate) fn decrypt_with(
    identity: &str,
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, PackageError> {
    let identity: age::x25519::Identity =
        identity.parse().map_err(|_| PackageError::CannotDecrypt)?;
    age::decrypt(&identity, ciphertext)
        .map(Zeroizing::new)
        .map_err(|_| PackageError::CannotDecrypt)
}
