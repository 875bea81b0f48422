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
use crate::sealing::{open_identity, Unlocked};
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
            .map(|c| {
                let mut reason = json!({ "portfolio": c.portfolio, "candidate_codes": c.candidates, "reason": c.reason });
                // In a round for several posts the portfolio is a post: name it as the team does.
                if let Some(post) = round.posts().iter().find(|p| p.id == c.portfolio) {
                    reason["post"] = json!(post.name);
                }
                reason
            })
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
    pub fn unblind(&mut self, by: &Unlocked, reason: &str) -> Result<Vec<UnblindedCandidate>> {
        self.check_unlocked(by, Action::Unblind)?;
        let (team_id, actor_member) = (by.team_id(), by.member_id());
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
        super::leniency::log_own_party_leniency(&tx, by, team_id, &state)?;
        tx.commit()?;
        self.unblinded_candidates(by)
    }

    /// Codes with names, only once the team is unblinded (refused before), for an
    /// officer who unlocked the sealed names.
    pub fn unblinded_candidates(&self, by: &Unlocked) -> Result<Vec<UnblindedCandidate>> {
        self.check_unlocked(by, Action::ViewUnblinded)?;
        let mut stmt = self
            .conn
            .prepare("SELECT id, code FROM candidates WHERE team_id = ?1 ORDER BY code")?;
        let rows = stmt
            .query_map([by.team_id()], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, code)| {
                let name = open_identity(&self.conn, by, id, &code)?.name;
                Ok(UnblindedCandidate { code, name })
            })
            .collect()
    }
}
