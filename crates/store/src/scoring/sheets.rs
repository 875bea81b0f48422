//! An assessor's own sheet: autosaving a cell of the draft, and submitting it, which
//! locks it and logs its hash.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::EntryKind;
use maatstaf_core::scoring::{Score, Sheet};
use rusqlite::Transaction;
use serde_json::json;

use super::member;
use super::reading::{load_round, load_sheets};
use super::writing::upsert_sheet;
use crate::error::Result;
use crate::{clock, ledger, Store};

pub(crate) fn save_score(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    number: u32,
    score: Score,
) -> Result<()> {
    let (actor, _) = member(tx, team_id, actor_member)?;
    let round = load_round(tx, team_id, number)?;
    let mut sheet = load_sheets(tx, team_id, number)?
        .into_iter()
        .find(|s| s.assessor() == actor.id)
        .map_or_else(|| Sheet::new(&round, &actor.id), Ok)?;
    sheet.set_score(&actor, &round, score)?;
    upsert_sheet(tx, team_id, &sheet)?;
    Ok(())
}

pub(crate) fn submit(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    number: u32,
    at: &str,
) -> Result<()> {
    let (actor, who) = member(tx, team_id, actor_member)?;
    let round = load_round(tx, team_id, number)?;
    let mut sheet = load_sheets(tx, team_id, number)?
        .into_iter()
        .find(|s| s.assessor() == actor.id)
        .map_or_else(|| Sheet::new(&round, &actor.id), Ok)?;
    let previous = if number > 1 {
        load_sheets(tx, team_id, number - 1)?
            .into_iter()
            .find(|s| s.assessor() == actor.id && s.is_submitted())
    } else {
        None
    };
    sheet.submit(&actor, &round, previous.as_ref(), at)?;
    let sha = upsert_sheet(tx, team_id, &sheet)?.expect("a submitted sheet has a hash");
    ledger::append(
        tx,
        team_id,
        &who,
        EntryKind::ScoreSubmitted,
        json!({ "round": number, "sheet_sha256": sha }),
    )?;
    Ok(())
}

impl Store {
    /// Saves one cell of the actor's own draft (autosave).
    pub fn save_score(
        &mut self,
        team_id: i64,
        actor_member: i64,
        number: u32,
        score: Score,
    ) -> Result<()> {
        self.authorize(team_id, Action::Score, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        save_score(&tx, team_id, actor_member, number, score)?;
        tx.commit()?;
        Ok(())
    }

    /// Submits and locks the actor's sheet, with its log entry, in one transaction.
    pub fn submit_sheet(&mut self, team_id: i64, actor_member: i64, number: u32) -> Result<()> {
        self.authorize(team_id, Action::SubmitSheet, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        submit(&tx, team_id, actor_member, number, &clock::now())?;
        tx.commit()?;
        Ok(())
    }
}
