//! Sealing: what only an officer who knows a passphrase can read.
//!
//! Each team has a random 32-byte data key ([`TeamKey`]). Candidate identities, the
//! unredacted texts and the team's signing key are stored sealed with it
//! (XChaCha20-Poly1305, [`seal`]); the data key itself is stored only inside
//! [`KeySlot`]s, one per officer, each wrapped with a key derived from that officer's
//! passphrase by Argon2id. Whoever has the data folder but no passphrase has ciphertext.
//!
//! Every sealed value is bound to where it belongs ([`Binding`]): a sealed name moved to
//! another candidate, or a slot moved to another member, no longer opens.
//!
//! Core draws no randomness of its own: callers pass a cryptographic random source.

mod binding;
mod key;
mod passphrase;
mod slot;
#[cfg(test)]
mod tests;

pub use binding::Binding;
pub use key::{SealError, TeamKey};
pub use passphrase::{
    check_passphrase, strength, PassphraseError, Strength, StrengthLevel, MIN_CHARS, MIN_WORDS,
};
pub use slot::{KdfParams, KeySlot, SlotError, SlotKek};
