//! The team's retention date: shown on the home screen, changed only by the chair with
//! a reason (logged); once it passes, the app asks the chair to close the formation.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::EntryKind;
use maatstaf_core::retention::{check_new_date, format_date, parse_date, retain_until};
use rusqlite::params;
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::error::Result;
use crate::scoring::reading::load_selection;
use crate::{clock, ledger, Store};

/// Until when a team keeps its candidates' personal data.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Retention {
    /// YYYY-MM-DD; none before the decision unless the chair chose a date.
    pub retain_until: Option<String>,
    /// The date is the chair's choice, not the default four weeks after the decision.
    pub chosen: bool,
    /// The date has passed and the formation is not closed: time to close it.
    pub overdue: bool,
    /// When the formation was closed, if it was.
    pub closed_at: Option<String>,
}

impl Store {
    /// See [`Retention`]; readable by anyone at the laptop (it holds no personal data).
    pub fn retention(&self, team_id: i64) -> Result<Retention> {
        self.team(team_id)?;
        let (chosen, closed_at): (Option<String>, Option<String>) = self.conn.query_row(
            "SELECT retain_until, closed_at FROM teams WHERE id = ?1",
            [team_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let decided_on = load_selection(&self.conn, team_id)?
            .decision
            .and_then(|d| parse_date(d.at.get(..10).unwrap_or_default()));
        let until = retain_until(decided_on, chosen.as_deref().and_then(parse_date));
        Ok(Retention {
            retain_until: until.map(format_date),
            chosen: chosen.is_some(),
            overdue: closed_at.is_none() && until.is_some_and(|d| d < clock::today()),
            closed_at,
        })
    }

    /// The chair sets another retention date (in the future, within a year) with a reason.
    pub fn set_retention(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        date: &str,
        reason: &str,
    ) -> Result<Retention> {
        let who = self.authorize(team_id, Action::SetRetention, actor)?;
        let date = check_new_date(date, reason, clock::today())?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE teams SET retain_until = ?1 WHERE id = ?2",
            params![format_date(date), team_id],
        )?;
        ledger::append(
            &tx,
            team_id,
            &who.ledger,
            EntryKind::RetentionChanged,
            json!({ "retain_until": format_date(date), "reason": reason.trim() }),
        )?;
        tx.commit()?;
        self.retention(team_id)
    }
}
