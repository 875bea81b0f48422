//! The end of the scoring: the chair records the decision, then opens the blinding key
//! once; only then do codes come with names.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::EntryKind;
use maatstaf_core::scoring::{PortfolioChoice, SelectionState};
use serde_json::json;

use super::reading::{latest_round_number, load_round, load_selection};
use super::writing::save_selection;
use super::{member, UnblindedCandidate};
use crate::error::{Result, StoreError};
use crate::{clock, ledger, Store};

impl Store {
    pub fn record_decision(
        &mut self,
        team_id: i64,
        actor_member: i64,
        choices: Vec<PortfolioChoice>,
    ) -> Result<SelectionState> {
        self.authorize(team_id, Action::RecordDecision, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let (actor, who) = member(&tx, team_id, actor_member)?;
        let last = latest_round_number(&tx, team_id)?.ok_or(StoreError::NoRounds)?;
        let round = load_round(&tx, team_id, last)?;
        let mut state = load_selection(&tx, team_id)?;
        let decision = state
            .decide(&actor, &round, choices, &clock::now())?
            .clone();
        save_selection(&tx, team_id, &state)?;
        let reasons: Vec<serde_json::Value> = decision
            .choices
            .iter()
            .map(|c| json!({ "portfolio": c.portfolio, "candidate_codes": c.candidates, "reason": c.reason }))
            .collect();
        ledger::append(
            &tx,
            team_id,
            &who,
            EntryKind::DecisionRecorded,
            json!({ "round": last, "reasons": reasons }),
        )?;
        tx.commit()?;
        Ok(state)
    }

    /// The chair opens the blinding key, once, after the decision. Returns each code
    /// with its person.
    pub fn unblind(
        &mut self,
        team_id: i64,
        actor_member: i64,
        reason: &str,
    ) -> Result<Vec<UnblindedCandidate>> {
        self.authorize(team_id, Action::Unblind, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let (actor, who) = member(&tx, team_id, actor_member)?;
        let mut state = load_selection(&tx, team_id)?;
        state.unblind(&actor, &clock::now())?;
        save_selection(&tx, team_id, &state)?;
        let reason = if reason.trim().is_empty() {
            "besluit vastgelegd".to_owned()
        } else {
            reason.trim().to_owned()
        };
        ledger::append(
            &tx,
            team_id,
            &who,
            EntryKind::Unblinded,
            json!({ "reason": reason }),
        )?;
        tx.commit()?;
        self.unblinded_candidates(team_id, Some(actor_member))
    }

    /// Codes with names, only once the team is unblinded; refused before.
    pub fn unblinded_candidates(
        &self,
        team_id: i64,
        actor: Option<i64>,
    ) -> Result<Vec<UnblindedCandidate>> {
        self.authorize(team_id, Action::ViewUnblinded, actor)?;
        let mut stmt = self.conn.prepare(
            "SELECT c.code, i.name FROM candidates c JOIN candidate_identities i ON i.candidate_id = c.id
             WHERE c.team_id = ?1 ORDER BY c.code",
        )?;
        let rows = stmt.query_map([team_id], |r| {
            Ok(UnblindedCandidate {
                code: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
