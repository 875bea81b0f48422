//! Conflicts of interest: an assessor's declaration, the team's rule for each kind,
//! and the chair's override; an excluding conflict takes effect in an open round.

use maatstaf_core::access::Action;
use maatstaf_core::assessor::{
    ConflictAction, ConflictDeclaration, ConflictKind, ConflictPolicy, Exclusion,
};
use maatstaf_core::ledger::EntryKind;
use maatstaf_core::scoring::{self, Actor, ScoringError};
use maatstaf_core::team::Role;
use rusqlite::{params, Transaction};
use serde_json::json;

use super::reading::{
    latest_round_number, load_declarations, load_policy, load_round, load_sheets,
};
use super::writing::{update_round, upsert_sheet};
use super::{member, to_json, StoredDeclaration};
use crate::error::{Result, StoreError};
use crate::{clock, ledger, Store};

pub(crate) fn declare(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    candidate_code: &str,
    kind: ConflictKind,
    note: Option<&str>,
) -> Result<StoredDeclaration> {
    let (actor, who) = member(tx, team_id, actor_member)?;
    let known: bool = tx.query_row(
        "SELECT count(*) > 0 FROM candidates WHERE team_id = ?1 AND code = ?2",
        params![team_id, candidate_code],
        |r| r.get(0),
    )?;
    if !known {
        return Err(ScoringError::UnknownCandidate {
            candidate: candidate_code.to_owned(),
        }
        .into());
    }
    let declaration = ConflictDeclaration::new(&actor.id, candidate_code, kind, note)?;
    tx.execute(
        "INSERT INTO conflict_declarations (team_id, member_id, candidate_code, kind, declaration, declared_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (team_id, member_id, candidate_code, kind) DO NOTHING",
        params![
            team_id,
            actor_member,
            candidate_code,
            to_json(&kind).trim_matches('"'),
            to_json(&declaration),
            clock::now()
        ],
    )?;
    let id: i64 = tx.query_row(
        "SELECT id FROM conflict_declarations
         WHERE team_id = ?1 AND member_id = ?2 AND candidate_code = ?3 AND kind = ?4",
        params![
            team_id,
            actor_member,
            candidate_code,
            to_json(&kind).trim_matches('"')
        ],
        |r| r.get(0),
    )?;
    let entry = if kind == ConflictKind::RecognisesPerson {
        EntryKind::RecognitionDeclared
    } else {
        EntryKind::ConflictDeclared
    };
    // The kind is on record in the log, which only the team reads; comparison
    // sheets show "excluded (conflict)" without it.
    ledger::append(
        tx,
        team_id,
        &who,
        entry,
        json!({ "member_id": actor.id, "candidate_code": candidate_code, "kind": kind }),
    )?;
    let policy = load_policy(tx, team_id)?;
    apply_to_open_round(tx, team_id, &actor, &declaration, &policy)?;
    Ok(StoredDeclaration {
        id,
        action: declaration.action(&policy),
        declaration,
    })
}

/// A conflict that excludes, declared while a round is open for this assessor, keeps
/// them out of that candidate from now on (the core refuses after they submitted).
fn apply_to_open_round(
    tx: &Transaction<'_>,
    team_id: i64,
    actor: &Actor,
    declaration: &ConflictDeclaration,
    policy: &ConflictPolicy,
) -> Result<()> {
    if declaration.action(policy) != ConflictAction::Exclude {
        return Ok(());
    }
    let Some(number) = latest_round_number(tx, team_id)? else {
        return Ok(());
    };
    let mut round = load_round(tx, team_id, number)?;
    if !round.is_assessor(&declaration.assessor)
        || round.is_excluded(&declaration.assessor, &declaration.candidate)
        || !matches!(round.status(), scoring::RoundStatus::Open)
        || !round.candidates().contains(&declaration.candidate)
    {
        return Ok(());
    }
    let mut sheets = load_sheets(tx, team_id, number)?;
    round.add_exclusion(
        actor,
        Exclusion {
            assessor: declaration.assessor.clone(),
            candidate: declaration.candidate.clone(),
        },
        &mut sheets,
    )?;
    update_round(tx, team_id, &round)?;
    for sheet in sheets
        .iter()
        .filter(|s| s.assessor() == declaration.assessor)
    {
        upsert_sheet(tx, team_id, sheet)?;
    }
    Ok(())
}

impl Store {
    pub fn declare_conflict(
        &mut self,
        team_id: i64,
        actor_member: i64,
        candidate_code: &str,
        kind: ConflictKind,
        note: Option<&str>,
    ) -> Result<StoredDeclaration> {
        self.authorize(team_id, Action::Score, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let stored = declare(&tx, team_id, actor_member, candidate_code, kind, note)?;
        tx.commit()?;
        Ok(stored)
    }

    /// The declarations `viewer` may see: their own, or every one for the chair (who
    /// decides overrides).
    pub fn conflict_declarations(
        &self,
        team_id: i64,
        viewer: i64,
    ) -> Result<Vec<StoredDeclaration>> {
        self.authorize(team_id, Action::Score, Some(viewer))?;
        let (actor, _) = member(&self.conn, team_id, viewer)?;
        let policy = load_policy(&self.conn, team_id)?;
        Ok(load_declarations(&self.conn, team_id)?
            .into_iter()
            .filter(|(_, d)| actor.role == Role::Chair || d.assessor == actor.id)
            .map(|(id, declaration)| StoredDeclaration {
                id,
                action: declaration.action(&policy),
                declaration,
            })
            .collect())
    }

    pub fn set_conflict_rule(
        &mut self,
        team_id: i64,
        actor_member: i64,
        kind: ConflictKind,
        action: ConflictAction,
        reason: &str,
    ) -> Result<ConflictPolicy> {
        self.authorize(team_id, Action::SetConflictRule, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let (actor, who) = member(&tx, team_id, actor_member)?;
        let mut policy = load_policy(&tx, team_id)?;
        policy.set_rule(&actor, kind, action, reason)?;
        tx.execute(
            "INSERT INTO conflict_policies (team_id, policy, changed_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (team_id) DO UPDATE SET policy = excluded.policy, changed_at = excluded.changed_at",
            params![team_id, to_json(&policy), clock::now()],
        )?;
        let reason = if reason.trim().is_empty() {
            "standaardregel".to_owned()
        } else {
            reason.trim().to_owned()
        };
        ledger::append(
            &tx,
            team_id,
            &who,
            EntryKind::ConflictRuleChanged,
            json!({ "kind": kind, "action": action, "reason": reason }),
        )?;
        tx.commit()?;
        Ok(policy)
    }

    pub fn override_conflict(
        &mut self,
        team_id: i64,
        actor_member: i64,
        declaration_id: i64,
        action: ConflictAction,
        reason: &str,
    ) -> Result<StoredDeclaration> {
        self.authorize(team_id, Action::OverrideConflict, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let (actor, who) = member(&tx, team_id, actor_member)?;
        let (_, mut declaration) = load_declarations(&tx, team_id)?
            .into_iter()
            .find(|(id, _)| *id == declaration_id)
            .ok_or(StoreError::ScoringDamaged(format!(
                "declaration {declaration_id} not found"
            )))?;
        declaration.override_rule(&actor, action, reason)?;
        tx.execute(
            "UPDATE conflict_declarations SET declaration = ?2 WHERE id = ?1",
            params![declaration_id, to_json(&declaration)],
        )?;
        ledger::append(
            &tx,
            team_id,
            &who,
            EntryKind::ConflictOverridden,
            json!({
                "member_id": declaration.assessor,
                "candidate_code": declaration.candidate,
                "action": action,
                "reason": reason.trim(),
            }),
        )?;
        let policy = load_policy(&tx, team_id)?;
        tx.commit()?;
        Ok(StoredDeclaration {
            id: declaration_id,
            action: declaration.action(&policy),
            declaration,
        })
    }
}
