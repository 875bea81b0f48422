//! The team's `age` identity: made the first time the team writes a package, kept
//! sealed with the team's data key, opened only with an officer's unlock.

use maatstaf_core::seal::Binding;
use rusqlite::{params, Connection};
use zeroize::Zeroizing;

use crate::cipher;
use crate::error::Result;
use crate::sealing::{rng, SealingError, Unlocked};

/// The team's recipient, made now if the team has none yet.
pub(super) fn ensure(conn: &Connection, by: &Unlocked) -> Result<String> {
    let existing: Option<String> = conn.query_row(
        "SELECT recipient FROM teams WHERE id = ?1",
        [by.team_id()],
        |r| r.get(0),
    )?;
    if let Some(recipient) = existing {
        return Ok(recipient);
    }
    let (recipient, secret) = cipher::new_identity();
    let sealed = by.key().seal(
        Binding::Recipient { team: by.uid() },
        secret.as_bytes(),
        &mut rng(),
    );
    conn.execute(
        "UPDATE teams SET recipient = ?1, sealed_recipient_identity = ?2 WHERE id = ?3",
        params![recipient, sealed, by.team_id()],
    )?;
    Ok(recipient)
}

/// The team's identity, to open score packages. None when the team never wrote a
/// package: then no score package can be meant for it.
pub(super) fn identity(conn: &Connection, by: &Unlocked) -> Result<Option<Zeroizing<String>>> {
    let sealed: Option<Vec<u8>> = conn.query_row(
        "SELECT sealed_recipient_identity FROM teams WHERE id = ?1",
        [by.team_id()],
        |r| r.get(0),
    )?;
    let Some(sealed) = sealed else {
        return Ok(None);
    };
    let opened = by
        .key()
        .open(Binding::Recipient { team: by.uid() }, &sealed)
        .map_err(|_| SealingError::Damaged)?;
    let text = String::from_utf8(opened.to_vec()).map_err(|_| SealingError::Damaged)?;
    Ok(Some(Zeroizing::new(text)))
}
