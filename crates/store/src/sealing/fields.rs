//! Candidate identities and unredacted texts, stored only sealed.

use maatstaf_core::seal::Binding;
use rusqlite::{params, Connection, OptionalExtension};

use super::{rng, SealingError, Unlocked};
use crate::candidates::IdentityInput;
use crate::error::{Result, StoreError};

/// Seals the cleaned identity of `candidate_id` (code `code`) into its row.
pub(crate) fn seal_identity(
    conn: &Connection,
    by: &Unlocked,
    candidate_id: i64,
    code: &str,
    identity: &IdentityInput,
) -> Result<()> {
    let json =
        zeroize::Zeroizing::new(serde_json::to_vec(identity).expect("an identity serialises"));
    let binding = Binding::Identity {
        team: &by.team_uid,
        candidate: code,
    };
    let sealed = by.key.seal(binding, &json, &mut rng());
    conn.execute(
        "INSERT INTO sealed_identities (candidate_id, sealed) VALUES (?1, ?2)
         ON CONFLICT (candidate_id) DO UPDATE SET sealed = excluded.sealed",
        params![candidate_id, sealed],
    )?;
    Ok(())
}

pub(crate) fn open_identity(
    conn: &Connection,
    by: &Unlocked,
    candidate_id: i64,
    code: &str,
) -> Result<IdentityInput> {
    let sealed: Vec<u8> = conn
        .query_row(
            "SELECT sealed FROM sealed_identities WHERE candidate_id = ?1",
            [candidate_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| gone(conn, candidate_id))?;
    let binding = Binding::Identity {
        team: &by.team_uid,
        candidate: code,
    };
    let json = by
        .key
        .open(binding, &sealed)
        .map_err(|_| SealingError::Damaged)?;
    serde_json::from_slice(&json).map_err(|_| SealingError::Damaged.into())
}

/// Seals a piece of material's unredacted text into its row; the plain column stays empty.
pub(crate) fn seal_original(
    conn: &Connection,
    by: &Unlocked,
    material_id: i64,
    text: &str,
) -> Result<()> {
    let binding = Binding::Original {
        team: &by.team_uid,
        material: material_id,
    };
    let sealed = by.key.seal(binding, text.as_bytes(), &mut rng());
    conn.execute(
        "UPDATE candidate_material SET original_sealed = ?1, original_text = '' WHERE id = ?2",
        params![sealed, material_id],
    )?;
    Ok(())
}

pub(crate) fn open_original(conn: &Connection, by: &Unlocked, material_id: i64) -> Result<String> {
    let sealed: Option<Vec<u8>> = conn
        .query_row(
            "SELECT original_sealed FROM candidate_material WHERE id = ?1",
            [material_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let Some(sealed) = sealed else {
        let candidate: i64 = conn.query_row(
            "SELECT candidate_id FROM candidate_material WHERE id = ?1",
            [material_id],
            |r| r.get(0),
        )?;
        return Err(gone(conn, candidate));
    };
    let binding = Binding::Original {
        team: &by.team_uid,
        material: material_id,
    };
    let text = by
        .key
        .open(binding, &sealed)
        .map_err(|_| SealingError::Damaged)?;
    String::from_utf8(text.to_vec()).map_err(|_| SealingError::Damaged.into())
}

/// Why a sealed value is missing: the candidate's data was erased, or the file was
/// changed outside the app.
fn gone(conn: &Connection, candidate_id: i64) -> StoreError {
    let why: Option<(String, bool, bool)> = conn
        .query_row(
            "SELECT c.code, c.erased_at IS NOT NULL, t.closed_at IS NOT NULL
             FROM candidates c JOIN teams t ON t.id = c.team_id WHERE c.id = ?1",
            [candidate_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .ok()
        .flatten();
    match why {
        Some((candidate, true, _)) => {
            crate::privacy::PrivacyError::AlreadyErased { candidate }.into()
        }
        Some((_, _, true)) => crate::privacy::PrivacyError::Closed.into(),
        _ => SealingError::Damaged.into(),
    }
}
