//! The team's data key wrapped for one officer, opened with that officer's passphrase.

use argon2::{Algorithm, Argon2, Params, Version};
use rand::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use super::key::{open_with, seal_with};
use super::{Binding, TeamKey};
use crate::i18n::Text;

/// Argon2id's cost: memory in KiB, passes, lanes. Stored in each slot, so stronger
/// settings later do not lock out existing officers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes): about half a
    /// second on an ordinary laptop, paid once per sign-in, and a guess costs the same.
    pub const STRONG: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 4,
    };

    /// The most a slot may ask for: a slot written by hand with absurd costs would
    /// otherwise hang the app when someone signs in.
    const MAX_M_KIB: u32 = 1024 * 1024;
    const MAX_T: u32 = 16;
    const MAX_P: u32 = 16;

    fn argon2(&self) -> Result<Argon2<'static>, SlotError> {
        if self.m_kib > Self::MAX_M_KIB || self.t > Self::MAX_T || self.p > Self::MAX_P {
            return Err(SlotError::Damaged);
        }
        let params =
            Params::new(self.m_kib, self.t, self.p, Some(32)).map_err(|_| SlotError::Damaged)?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

/// One officer's copy of the team's data key, as stored: the Argon2id salt and cost,
/// and the data key sealed with the key derived from the passphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySlot {
    pub kdf: KdfParams,
    #[serde(with = "hex")]
    pub salt: Vec<u8>,
    #[serde(with = "hex")]
    pub sealed_key: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SlotError {
    #[error("the passphrase does not open this key slot")]
    WrongPassphrase,
    #[error("the key slot is damaged")]
    Damaged,
}

impl SlotError {
    pub fn text(&self) -> Text {
        match self {
            SlotError::WrongPassphrase => Text::new(
                "Deze wachtwoordzin klopt niet.",
                "This passphrase is not correct.",
            ),
            SlotError::Damaged => Text::new(
                "De sleutelgegevens van dit lid zijn beschadigd; een andere voorzitter of secretaris kan opnieuw toegang geven.",
                "This member's key data is damaged; another chair or secretary can give access again.",
            ),
        }
    }
}

const SALT_LEN: usize = 16;

/// A passphrase's key-encryption key for one salt and cost: the slow part of
/// [`KeySlot::wrap`], kept apart so a passphrase everyone knows (the demo team's) is
/// derived once per process rather than once per demo.
pub struct SlotKek {
    kdf: KdfParams,
    salt: Vec<u8>,
    kek: Zeroizing<[u8; 32]>,
}

impl SlotKek {
    pub fn derive(passphrase: &str, salt: &[u8], kdf: KdfParams) -> Result<SlotKek, SlotError> {
        Ok(SlotKek {
            kdf,
            salt: salt.to_vec(),
            kek: derive(passphrase, salt, kdf)?,
        })
    }

    /// Wraps `key` for `binding` (a team and member).
    pub fn wrap<R: RngCore + CryptoRng + ?Sized>(
        &self,
        key: &TeamKey,
        binding: Binding<'_>,
        rng: &mut R,
    ) -> KeySlot {
        KeySlot {
            kdf: self.kdf,
            salt: self.salt.clone(),
            sealed_key: seal_with(&self.kek, &binding.bytes(), key.as_bytes(), rng),
        }
    }
}

impl KeySlot {
    /// Wraps `key` for `binding` (a team and member) under `passphrase`, with a fresh salt.
    pub fn wrap<R: RngCore + CryptoRng + ?Sized>(
        key: &TeamKey,
        passphrase: &str,
        binding: Binding<'_>,
        kdf: KdfParams,
        rng: &mut R,
    ) -> Result<KeySlot, SlotError> {
        let mut salt = vec![0u8; SALT_LEN];
        rng.fill_bytes(&mut salt);
        Ok(SlotKek::derive(passphrase, &salt, kdf)?.wrap(key, binding, rng))
    }

    /// The data key, if `passphrase` is the one the slot was wrapped with.
    pub fn open(&self, passphrase: &str, binding: Binding<'_>) -> Result<TeamKey, SlotError> {
        let kek = derive(passphrase, &self.salt, self.kdf)?;
        let bytes = open_with(&kek, &binding.bytes(), &self.sealed_key)
            .map_err(|_| SlotError::WrongPassphrase)?;
        let key: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| SlotError::Damaged)?;
        Ok(TeamKey::from_bytes(Zeroizing::new(key)))
    }
}

/// The key-encryption key. The passphrase is taken in Unicode NFC form, so the same
/// words typed on another keyboard or system still open the slot.
fn derive(passphrase: &str, salt: &[u8], kdf: KdfParams) -> Result<Zeroizing<[u8; 32]>, SlotError> {
    if salt.len() < 8 {
        return Err(SlotError::Damaged);
    }
    let normalized = Zeroizing::new(passphrase.nfc().collect::<String>());
    let mut out = Zeroizing::new([0u8; 32]);
    kdf.argon2()?
        .hash_password_into(normalized.as_bytes(), salt, out.as_mut())
        .map_err(|_| SlotError::Damaged)?;
    Ok(out)
}
