//! The comparison sheet of a revealed round as a standalone file, and the log entry
//! that records who took it out of the app.

use std::collections::BTreeMap;

use maatstaf_core::access::{Action, OFFICERS};
use maatstaf_core::ledger::{sha256_hex, EntryKind};
use maatstaf_core::scoring::{RoundView, ScoringError};
use serde_json::json;

use crate::error::Result;
use crate::{ledger, Store};

impl Store {
    /// The comparison sheet of a revealed round as a standalone HTML file, for
    /// `viewer` (who must be allowed to see it: the same `view_for` rule).
    pub fn comparison_html(
        &self,
        team_id: i64,
        viewer: i64,
        number: u32,
        lang: maatstaf_core::i18n::Lang,
    ) -> Result<String> {
        self.authorize(team_id, Action::ViewRound, Some(viewer))?;
        let RoundView::Revealed { comparison } = self.round_view(team_id, viewer, number)? else {
            return Err(ScoringError::NotRevealed.into());
        };
        // An officer could look up who the codes are while scoring; the sheet says so.
        let marker = match lang {
            maatstaf_core::i18n::Lang::Nl => "kon identiteiten inzien",
            maatstaf_core::i18n::Lang::En => "could see identities",
        };
        let names: BTreeMap<String, String> = self
            .scoring_members(team_id)?
            .into_iter()
            .map(|m| {
                let name = if OFFICERS.contains(&m.role) {
                    format!("{} ({marker})", m.name)
                } else {
                    m.name
                };
                (m.id.to_string(), name)
            })
            .collect();
        let team = self.team(team_id)?;
        let heading = match lang {
            maatstaf_core::i18n::Lang::Nl => {
                format!("Vergelijkingsblad ronde {number} — {}", team.name)
            }
            maatstaf_core::i18n::Lang::En => {
                format!("Comparison sheet round {number} — {}", team.name)
            }
        };
        Ok(maatstaf_core::report::comparison_sheet(
            &comparison,
            &names,
            &heading,
            lang,
        ))
    }

    /// Records that `viewer` exported round `number`'s comparison sheet as `html`:
    /// scores leave the app in that file, so the team's log says who, when and which
    /// file (by its SHA-256). Call it once the file is written.
    pub fn log_comparison_export(
        &mut self,
        team_id: i64,
        viewer: i64,
        number: u32,
        html: &str,
        file_name: &str,
    ) -> Result<()> {
        let actor = self
            .authorize(team_id, Action::ExportComparison, Some(viewer))?
            .ledger;
        let sha = sha256_hex(html.as_bytes());
        let tx = self.conn.transaction()?;
        ledger::append(
            &tx,
            team_id,
            &actor,
            EntryKind::ComparisonSheetExported,
            json!({ "round": number, "html_sha256": sha, "file": file_name }),
        )?;
        tx.commit()?;
        Ok(())
    }
}
