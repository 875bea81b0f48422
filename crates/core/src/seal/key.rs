//! The team's data key and the one construction that seals with it.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use rand::{CryptoRng, RngCore};
use zeroize::Zeroizing;

use super::Binding;
use crate::i18n::Text;

/// Sealed bytes start with this version byte, then the 24-byte nonce, then the
/// ciphertext with its 16-byte tag.
const VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;

/// A team's 32-byte data key. Wiped from memory when dropped; never printed.
#[derive(Clone)]
pub struct TeamKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for TeamKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TeamKey(…)")
    }
}

impl TeamKey {
    pub fn generate<R: RngCore + CryptoRng + ?Sized>(rng: &mut R) -> TeamKey {
        let mut bytes = Zeroizing::new([0u8; 32]);
        rng.fill_bytes(bytes.as_mut());
        TeamKey(bytes)
    }

    pub(crate) fn from_bytes(bytes: Zeroizing<[u8; 32]>) -> TeamKey {
        TeamKey(bytes)
    }

    pub(crate) fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// Too short, an unknown version, or a tag that does not match: the wrong key, the
    /// wrong place, or changed bytes. The cipher cannot tell these apart, on purpose.
    #[error("sealed data cannot be opened: wrong key, wrong place or damaged")]
    CannotOpen,
}

impl SealError {
    pub fn text(&self) -> Text {
        Text::new(
            "Verzegelde gegevens konden niet worden geopend: de sleutel past niet of de gegevens zijn beschadigd.",
            "Sealed data could not be opened: the key does not fit or the data is damaged.",
        )
    }
}

pub(crate) fn seal_with<R: RngCore + CryptoRng + ?Sized>(
    key: &[u8; 32],
    aad: &[u8],
    plaintext: &[u8],
    rng: &mut R,
) -> Vec<u8> {
    let mut nonce = [0u8; NONCE_LEN];
    rng.fill_bytes(&mut nonce);
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    let body = cipher
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .expect("XChaCha20-Poly1305 seals any length the app stores");
    let mut out = Vec::with_capacity(1 + NONCE_LEN + body.len());
    out.push(VERSION);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&body);
    out
}

pub(crate) fn open_with(
    key: &[u8; 32],
    aad: &[u8],
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, SealError> {
    if sealed.len() < 1 + NONCE_LEN + TAG_LEN || sealed[0] != VERSION {
        return Err(SealError::CannotOpen);
    }
    let nonce: [u8; NONCE_LEN] = sealed[1..1 + NONCE_LEN].try_into().expect("length checked");
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    cipher
        .decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &sealed[1 + NONCE_LEN..],
                aad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| SealError::CannotOpen)
}

impl TeamKey {
    /// Seals `plaintext` for `binding` with a fresh random nonce.
    pub fn seal<R: RngCore + CryptoRng + ?Sized>(
        &self,
        binding: Binding<'_>,
        plaintext: &[u8],
        rng: &mut R,
    ) -> Vec<u8> {
        seal_with(self.as_bytes(), &binding.bytes(), plaintext, rng)
    }

    /// Opens what [`TeamKey::seal`] sealed for the same `binding` with the same key.
    pub fn open(
        &self,
        binding: Binding<'_>,
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, SealError> {
        open_with(self.as_bytes(), &binding.bytes(), sealed)
    }
}
