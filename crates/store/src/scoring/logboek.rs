//! The scoring parts of a committee's logboek, read from the stored rounds.

use rusqlite::Connection;

use super::reading::{
    had_identity_access, latest_round_number, load_round, load_selection, load_sheets,
};
use crate::error::Result;
use crate::Store;

/// The scoring parts of a committee's logboek: every revealed round's submitted
/// sheets, the revisions between consecutive rounds with their reasons, and the
/// decision. Sheets of a round that is not revealed stay out: nobody has seen them yet.
pub fn logboek_sections(
    conn: &Connection,
    team_id: i64,
) -> Result<Vec<maatstaf_core::ledger::Section>> {
    use maatstaf_core::ledger::{Section, SectionName};
    use maatstaf_core::scoring::revisions;

    let mut revealed = Vec::new();
    let mut number = 1;
    while let Some(latest) = latest_round_number(conn, team_id)? {
        if number > latest {
            break;
        }
        let round = load_round(conn, team_id, number)?;
        if round.is_revealed() {
            let sheets = load_sheets(conn, team_id, number)?;
            revealed.push((round, sheets));
        }
        number += 1;
    }
    let mut scores = Vec::new();
    for (round, sheets) in &revealed {
        for sheet in sheets.iter().filter(|s| s.is_submitted()) {
            scores.push(serde_json::json!({
                "round": round.number(),
                "assessor": sheet.assessor(),
                "identity_access": had_identity_access(conn, team_id, sheet.assessor())?,
                "status": sheet.status(),
                "scores": sheet.scores(),
            }));
        }
    }
    let mut changes = Vec::new();
    for pair in revealed.windows(2) {
        let ((prev, prev_sheets), (next, next_sheets)) = (&pair[0], &pair[1]);
        if next.number() == prev.number() + 1 {
            changes.extend(revisions(prev, prev_sheets, next, next_sheets)?);
        }
    }
    let mut sections = vec![
        Section {
            name: SectionName::Scores,
            content: serde_json::json!(scores),
        },
        Section {
            name: SectionName::Revisions,
            content: serde_json::json!(changes),
        },
    ];
    if let Some(decision) = load_selection(conn, team_id)?.decision {
        sections.push(Section {
            name: SectionName::Decision,
            content: serde_json::json!(decision),
        });
    }
    Ok(sections)
}

impl Store {
    /// See [`logboek_sections`].
    pub fn scoring_logboek_sections(
        &self,
        team_id: i64,
    ) -> Result<Vec<maatstaf_core::ledger::Section>> {
        logboek_sections(&self.conn, team_id)
    }
}
