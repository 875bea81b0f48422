//! Personal data from intake to deletion (AVG): erasing one candidate, the team's
//! retention date, closing the formation, and a candidate's own copy.
//!
//! One file per operation: `erase`, `retention`, `close`, `copy`.

use maatstaf_core::i18n::Text;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod close;
mod copy;
mod erase;
mod record;
mod retention;
#[cfg(test)]
mod tests;

pub use close::ClosingReport;
pub use copy::PersonalCopy;
pub use retention::Retention;

/// The codes of the team's candidates whose name and texts were erased.
pub(crate) fn erased_codes(
    conn: &rusqlite::Connection,
    team_id: i64,
) -> crate::error::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT code FROM candidates WHERE team_id = ?1 AND erased_at IS NOT NULL ORDER BY code",
    )?;
    let codes = stmt
        .query_map([team_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(codes)
}

/// Why a candidate's data is erased. A fixed choice, not free text: the reason goes
/// into the append-only log, which must never hold a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErasureReason {
    /// The candidate withdrew.
    Withdrawn,
    /// The candidate asked for erasure (AVG art. 17).
    Request,
}

/// Why erasing or closing was refused; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum PrivacyError {
    #[error("candidate {candidate} was erased already")]
    AlreadyErased { candidate: String },
    #[error("the formation is closed")]
    Closed,
    #[error("this file is not one that Maatstaf saved")]
    UnknownFile,
}

impl PrivacyError {
    pub fn text(&self) -> Text {
        match self {
            PrivacyError::AlreadyErased { candidate } => Text::new(
                format!("De gegevens van {candidate} zijn al gewist."),
                format!("The data of {candidate} has been erased already."),
            ),
            PrivacyError::Closed => Text::new(
                "Deze formatie is afgesloten: de persoonsgegevens van de kandidaten zijn gewist en er komen geen kandidaten meer bij.",
                "This formation is closed: the candidates' personal data has been erased and no candidates can be added.",
            ),
            PrivacyError::UnknownFile => Text::new(
                "Dit bestand staat niet in de lijst van bestanden die Maatstaf heeft opgeslagen; er is niets verwijderd.",
                "This file is not in the list of files Maatstaf saved; nothing was deleted.",
            ),
        }
    }
}
