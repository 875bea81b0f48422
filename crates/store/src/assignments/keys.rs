//! The assessor's personal signing key for one team, on their own laptop: an Ed25519
//! key sealed with a data key that an Argon2id slot under their passphrase wraps, as
//! the officers' slots do. Nobody else at the laptop can sign in their name.

use maatstaf_core::ledger::{public_key_hex, signing_key_from_seed, Fingerprint, SigningKey};
use maatstaf_core::seal::{check_passphrase, Binding, KdfParams, KeySlot, SlotError, TeamKey};
use rusqlite::{params, Connection, OptionalExtension};
use zeroize::Zeroizing;

use super::AssignmentError;
use crate::clock;
use crate::error::Result;
use crate::sealing::{rng, SealingError};

/// The personal key's fingerprint for `assessor` in team `team_uid`, if made.
pub(super) fn fingerprint(
    conn: &Connection,
    team_uid: &str,
    assessor: &str,
) -> Result<Option<String>> {
    let public: Option<String> = conn
        .query_row(
            "SELECT public_key FROM personal_keys WHERE team_uid = ?1 AND assessor = ?2",
            params![team_uid, assessor],
            |r| r.get(0),
        )
        .optional()?;
    Ok(public
        .and_then(|p| maatstaf_core::ledger::verifying_key_from_hex(&p))
        .map(|k| Fingerprint::of(&k).as_str().to_owned()))
}

/// Makes the personal key, sealed under `passphrase` (checked as an officer's is).
pub(super) fn create(
    conn: &Connection,
    team_uid: &str,
    assessor: &str,
    passphrase: &str,
    repeated: &str,
    personal: &[&str],
) -> Result<()> {
    check_passphrase(passphrase, repeated, personal).map_err(SealingError::from)?;
    let mut rng = rng();
    let data_key = TeamKey::generate(&mut rng);
    let mut seed = Zeroizing::new([0u8; 32]);
    rand::RngCore::fill_bytes(&mut rng, seed.as_mut());
    let public = signing_key_from_seed(*seed).verifying_key();
    let slot = KeySlot::wrap(
        &data_key,
        passphrase,
        Binding::PersonalSlot {
            team: team_uid,
            member: assessor,
        },
        KdfParams::STRONG,
        &mut rng,
    )
    .map_err(|_| SealingError::Damaged)?;
    let sealed_seed = data_key.seal(
        Binding::PersonalKey {
            team: team_uid,
            member: assessor,
        },
        seed.as_ref(),
        &mut rng,
    );
    conn.execute(
        "INSERT INTO personal_keys (team_uid, assessor, public_key, slot, sealed_seed, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            team_uid,
            assessor,
            public_key_hex(&public),
            serde_json::to_string(&slot).expect("a slot serialises"),
            sealed_seed,
            clock::now()
        ],
    )?;
    Ok(())
}

/// Throws the personal key away, for an assessor who lost its passphrase; the caller
/// makes the new one with [`create`] in the same transaction, so a refused passphrase
/// keeps the old key. Score packages signed already keep their signature.
pub(super) fn forget(conn: &Connection, team_uid: &str, assessor: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM personal_keys WHERE team_uid = ?1 AND assessor = ?2",
        params![team_uid, assessor],
    )?;
    Ok(())
}

/// The personal signing key, if `passphrase` opens it.
pub(super) fn open(
    conn: &Connection,
    team_uid: &str,
    assessor: &str,
    passphrase: &str,
) -> Result<SigningKey> {
    let row: Option<(String, Vec<u8>)> = conn
        .query_row(
            "SELECT slot, sealed_seed FROM personal_keys WHERE team_uid = ?1 AND assessor = ?2",
            params![team_uid, assessor],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (slot, sealed_seed) = row.ok_or(AssignmentError::PassphraseNeeded)?;
    let slot: KeySlot = serde_json::from_str(&slot).map_err(|_| SealingError::Damaged)?;
    let binding = Binding::PersonalSlot {
        team: team_uid,
        member: assessor,
    };
    let data_key = slot.open(passphrase, binding).map_err(|e| match e {
        SlotError::WrongPassphrase => crate::StoreError::from(AssignmentError::WrongPassphrase),
        SlotError::Damaged => SealingError::Damaged.into(),
    })?;
    let seed = data_key
        .open(
            Binding::PersonalKey {
                team: team_uid,
                member: assessor,
            },
            &sealed_seed,
        )
        .map_err(|_| SealingError::Damaged)?;
    let seed: [u8; 32] = seed
        .as_slice()
        .try_into()
        .map_err(|_| SealingError::Damaged)?;
    Ok(signing_key_from_seed(seed))
}
