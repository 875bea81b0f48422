//! A round's lifecycle: the chair opens the first or the next round, closes it and
//! reveals it; the reveal records the consistency snapshot and the revisions since the
//! previous round in the same transaction.

use std::collections::BTreeMap;

use maatstaf_core::access::Action;
use maatstaf_core::assessor::{self, ConflictDeclaration, Exclusion};
use maatstaf_core::formation::BalanceRule;
use maatstaf_core::ledger::{content_sha256, Actor as LedgerActor, EntryKind};
use maatstaf_core::report::SnapshotRequest;
use maatstaf_core::scoring::{
    self, AssessorSetup, NextRoundSetup, PostRoundSetup, Round, RoundSetup, Sheet,
};
use rusqlite::{params, Transaction};
use serde_json::json;

use super::balance::check_round_balance;
use super::reading::{
    latest_round_number, load_declarations, load_policy, load_round, load_selection, load_sheets,
    submitted_ratings,
};
use super::writing::{insert_round, update_round};
use super::{member, os_random, AssessorChoice, NextRoundPlan};
use crate::error::{Result, StoreError};
use crate::{candidates, ledger, rubrics, Store};

/// Called inside the reveal's transaction, after the round is stored as revealed.
/// The place for work that must happen exactly when a comparison becomes visible
/// (the consistency snapshot is added here by the statistics area). For now it
/// checks that the revealed round reads back and verifies.
pub fn on_round_revealed(tx: &Transaction<'_>, team_id: i64, round: &Round) -> Result<()> {
    let stored = load_round(tx, team_id, round.number())?;
    if !stored.is_revealed() {
        return Err(StoreError::ScoringDamaged(format!(
            "round {} was not stored as revealed",
            round.number()
        )));
    }
    // The consistency snapshot is taken at the reveal, in the same transaction, so a
    // revealed round never exists without its measurement of agreement.
    let ratings = submitted_ratings(tx, team_id, round.number())?;
    let rubric = round.rubric();
    crate::consistency::record_snapshot(
        tx,
        team_id,
        &SnapshotRequest {
            round: round.number(),
            practice: false,
            rubric_version: rubric.version,
            rubric_sha256: round.rubric_hash(),
            scale: rubric.scale,
            ratings: &ratings,
        },
    )?;
    Ok(())
}

/// Opens round 1 on `conn` (the caller's transaction). Shared by the app and the demo seed.
#[allow(clippy::too_many_arguments)] // each is one choice of the chair's setup
pub(crate) fn open_first_round(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    rubric_version_id: i64,
    candidates: Vec<String>,
    assessors: Vec<AssessorChoice>,
    balance: &[BalanceRule],
    seed: [u8; 32],
) -> Result<Round> {
    let basis = RoundBasis::Rubric(rubric_version_id);
    open_first_round_on(
        tx,
        team_id,
        actor_member,
        &basis,
        candidates,
        assessors,
        balance,
        seed,
    )
}

/// What a first round is scored on: one frozen rubric version, or the team's posts
/// (by id, in the chair's order), each on its own frozen rubric.
pub(crate) enum RoundBasis {
    Rubric(i64),
    Posts(Vec<i64>),
}

#[allow(clippy::too_many_arguments)] // each is one choice of the chair's setup
pub(crate) fn open_first_round_on(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    basis: &RoundBasis,
    candidates: Vec<String>,
    assessors: Vec<AssessorChoice>,
    balance: &[BalanceRule],
    seed: [u8; 32],
) -> Result<Round> {
    let (actor, who) = member(tx, team_id, actor_member)?;
    if latest_round_number(tx, team_id)?.is_some() {
        return Err(StoreError::RoundsExist);
    }
    let frozen = |id: i64| {
        rubrics::frozen_version(tx, team_id, id).map_err(|e| match e {
            StoreError::NoSuchRubric(_) | StoreError::RubricNotFrozen(_) => {
                StoreError::RubricNotFrozen(id)
            }
            other => other,
        })
    };
    let (rubric, posts) = match basis {
        RoundBasis::Rubric(id) => (Some(frozen(*id)?.0), Vec::new()),
        RoundBasis::Posts(ids) => (None, crate::posts::load_posts(tx, team_id, ids)?),
    };
    let (setups, exclusions, balance) =
        plan_assessors(tx, team_id, &candidates, &assessors, balance)?;
    let (round, rubric_version_id) = match (basis, rubric) {
        (RoundBasis::Rubric(id), Some(rubric)) => {
            let setup = RoundSetup {
                rubric,
                candidates,
                assessors: setups,
                exclusions,
            };
            (Round::open(&actor, setup, seed)?, *id)
        }
        (RoundBasis::Posts(ids), _) => {
            let setup = PostRoundSetup {
                posts,
                candidates,
                assessors: setups,
                exclusions,
            };
            let round = Round::open_for_posts(&actor, setup, seed)?;
            // The column names one rubric version: the first post's; the round's own
            // JSON and `round_posts` hold every post.
            let first: i64 = tx.query_row(
                "SELECT rubric_version_id FROM posts WHERE team_id = ?1 AND id = ?2",
                params![team_id, ids[0]],
                |r| r.get(0),
            )?;
            (round, first)
        }
        (RoundBasis::Rubric(_), None) => unreachable!("a rubric basis loads its rubric"),
    };
    store_opened(tx, team_id, rubric_version_id, &round, &who, &balance)?;
    if let RoundBasis::Posts(ids) = basis {
        crate::posts::insert_round_posts(tx, team_id, round.number(), ids)?;
    }
    Ok(round)
}

/// The assessors' setups, the exclusions for a declared conflict of interest and
/// the balance rules as checked, for a round about to open on these candidates.
fn plan_assessors(
    tx: &Transaction<'_>,
    team_id: i64,
    candidates: &[String],
    assessors: &[AssessorChoice],
    balance: &[BalanceRule],
) -> Result<(Vec<AssessorSetup>, Vec<Exclusion>, Vec<BalanceRule>)> {
    let material = candidates::blinded_candidates(tx, team_id)?;
    for code in candidates {
        if !material.iter().any(|c| &c.code == code) {
            return Err(StoreError::NotBlinded(code.clone()));
        }
    }
    let mut setups = Vec::new();
    for a in assessors {
        let (assessor, _) = member(tx, team_id, a.member_id)?;
        setups.push(AssessorSetup {
            id: assessor.id,
            role: assessor.role,
            mode: a.mode,
        });
    }
    let ids: Vec<String> = setups.iter().map(|s| s.id.clone()).collect();
    let declarations: Vec<ConflictDeclaration> = load_declarations(tx, team_id)?
        .into_iter()
        .map(|(_, d)| d)
        .collect();
    let exclusions =
        assessor::excluded_pairs(&declarations, &load_policy(tx, team_id)?, &ids, candidates);
    let balance = check_round_balance(tx, team_id, balance, &setups, candidates, &exclusions)?;
    Ok((setups, exclusions, balance))
}

/// Opens the round after the latest, revealed one on the caller's transaction, with
/// the same rubric, or the same posts. Shared by the app and the demo seed.
pub(crate) fn open_next(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    candidates: Vec<String>,
    assessors: &[AssessorChoice],
    balance: &[BalanceRule],
    seed: [u8; 32],
) -> Result<Round> {
    let (actor, who) = member(tx, team_id, actor_member)?;
    load_selection(tx, team_id)?.may_open_round()?;
    let last = latest_round_number(tx, team_id)?.ok_or(StoreError::NoRounds)?;
    let previous = load_round(tx, team_id, last)?;
    let (setups, exclusions, balance) =
        plan_assessors(tx, team_id, &candidates, assessors, balance)?;
    let round = previous.next_with(
        &actor,
        NextRoundSetup {
            candidates,
            assessors: setups,
            exclusions,
        },
        seed,
    )?;
    let rubric_id: i64 = tx.query_row(
        "SELECT rubric_version_id FROM scoring_rounds WHERE team_id = ?1 AND number = ?2",
        params![team_id, last],
        |r| r.get(0),
    )?;
    store_opened(tx, team_id, rubric_id, &round, &who, &balance)?;
    if !round.posts().is_empty() {
        tx.execute(
            "INSERT INTO round_posts (team_id, round, position, post_id)
             SELECT team_id, ?3, position, post_id FROM round_posts
             WHERE team_id = ?1 AND round = ?2",
            params![team_id, last, round.number()],
        )?;
    }
    Ok(round)
}

/// Stores a round just opened with its `round_opened` log entry.
fn store_opened(
    tx: &Transaction<'_>,
    team_id: i64,
    rubric_version_id: i64,
    round: &Round,
    who: &LedgerActor,
    balance: &[BalanceRule],
) -> Result<()> {
    insert_round(tx, team_id, rubric_version_id, round)?;
    ledger::append(
        tx,
        team_id,
        who,
        EntryKind::RoundOpened,
        opened_payload(round, &balance),
    )?;
    Ok(())
}

/// The `round_opened` payload; a round for several posts names each post with the
/// hash of its frozen rubric.
fn opened_payload(round: &Round, balance: &impl serde::Serialize) -> serde_json::Value {
    let mut payload = json!({
        "round": round.number(),
        "rubric_sha256": round.rubric_hash(),
        "seed": round.seed(),
        "candidate_codes": round.candidates(),
        "balance_rules": balance,
    });
    if !round.posts().is_empty() {
        payload["posts"] = round
            .posts()
            .iter()
            .map(|p| json!({ "post": p.id, "name": p.name, "rubric_sha256": p.rubric_hash }))
            .collect();
    }
    payload
}

pub(crate) fn reveal(
    tx: &Transaction<'_>,
    team_id: i64,
    actor_member: i64,
    number: u32,
) -> Result<()> {
    let (actor, who) = member(tx, team_id, actor_member)?;
    let mut round = load_round(tx, team_id, number)?;
    let sheets = load_sheets(tx, team_id, number)?;
    round.reveal(&actor, &sheets)?;
    update_round(tx, team_id, &round)?;
    ledger::append(
        tx,
        team_id,
        &who,
        EntryKind::RoundRevealed,
        json!({ "round": number }),
    )?;
    log_revisions(tx, team_id, &round, &sheets)?;
    super::exchange::log_opened_packages(tx, team_id, number)?;
    on_round_revealed(tx, team_id, &round)
}

/// The changed levels of a later round and their reasons, one `score_revised` entry per
/// assessor, written in the reveal's transaction: at submit time the log holds only
/// the sheet's hash, so nothing in it shows a level before everyone may see it.
fn log_revisions(
    tx: &Transaction<'_>,
    team_id: i64,
    round: &Round,
    sheets: &[Sheet],
) -> Result<()> {
    if round.number() < 2 {
        return Ok(());
    }
    let previous = load_round(tx, team_id, round.number() - 1)?;
    let previous_sheets = load_sheets(tx, team_id, round.number() - 1)?;
    let revisions = scoring::revisions(&previous, &previous_sheets, round, sheets)?;
    let mut by_assessor: BTreeMap<&str, Vec<&scoring::Revision>> = BTreeMap::new();
    for r in &revisions {
        by_assessor.entry(&r.assessor).or_default().push(r);
    }
    for (assessor, changes) in by_assessor {
        let Some(sheet) = sheets.iter().find(|s| s.assessor() == assessor) else {
            continue;
        };
        let who = match assessor.parse::<i64>().ok() {
            Some(id) => crate::teams::team_member(tx, team_id, id)?
                .map_or(LedgerActor::System, |m| {
                    LedgerActor::member(assessor, m.name)
                }),
            None => LedgerActor::System,
        };
        let reason = changes
            .iter()
            .map(|c| {
                format!(
                    "{} / {}: {} → {}: {}",
                    c.candidate, c.criterion, c.old, c.new, c.reason
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        let changes: Vec<serde_json::Value> = changes
            .iter()
            .map(|c| {
                json!({
                    "candidate_code": c.candidate,
                    "criterion": c.criterion,
                    "old": c.old,
                    "new": c.new,
                    "reason": c.reason.trim(),
                })
            })
            .collect();
        ledger::append(
            tx,
            team_id,
            &who,
            EntryKind::ScoreRevised,
            json!({
                "round": round.number(),
                "sheet_sha256": content_sha256(sheet),
                "reason": reason,
                "changes": changes,
            }),
        )?;
    }
    Ok(())
}

impl Store {
    pub fn open_round(
        &mut self,
        team_id: i64,
        actor_member: i64,
        rubric_version_id: i64,
        candidates: Vec<String>,
        assessors: Vec<AssessorChoice>,
    ) -> Result<u32> {
        self.open_round_balanced(
            team_id,
            actor_member,
            rubric_version_id,
            candidates,
            assessors,
            &[],
        )
    }

    /// Opens round 1 under the chair's balance rules: refused, with which candidate
    /// lacks whom, while a rule is broken.
    pub fn open_round_balanced(
        &mut self,
        team_id: i64,
        actor_member: i64,
        rubric_version_id: i64,
        candidates: Vec<String>,
        assessors: Vec<AssessorChoice>,
        balance: &[BalanceRule],
    ) -> Result<u32> {
        let basis = RoundBasis::Rubric(rubric_version_id);
        self.open_first(
            team_id,
            actor_member,
            &basis,
            candidates,
            assessors,
            balance,
        )
    }

    /// Opens round 1 for several posts (the team's posts `post_ids`, in this order):
    /// every criterion once per candidate, a total per post. Same rules as
    /// [`Store::open_round_balanced`], and core's rules for posts.
    pub fn open_round_for_posts(
        &mut self,
        team_id: i64,
        actor_member: i64,
        post_ids: Vec<i64>,
        candidates: Vec<String>,
        assessors: Vec<AssessorChoice>,
        balance: &[BalanceRule],
    ) -> Result<u32> {
        let basis = RoundBasis::Posts(post_ids);
        self.open_first(
            team_id,
            actor_member,
            &basis,
            candidates,
            assessors,
            balance,
        )
    }

    fn open_first(
        &mut self,
        team_id: i64,
        actor_member: i64,
        basis: &RoundBasis,
        candidates: Vec<String>,
        assessors: Vec<AssessorChoice>,
        balance: &[BalanceRule],
    ) -> Result<u32> {
        self.authorize(team_id, Action::OpenRound, Some(actor_member))?;
        self.check_officers_may_score(team_id, assessors.iter().map(|a| a.member_id))?;
        // A trainer's minimum agreement on practice cases gates the first live round.
        if !self.live_scoring_open(team_id)? {
            return Err(StoreError::LiveScoringClosed);
        }
        let tx = self.conn.transaction()?;
        let round = open_first_round_on(
            &tx,
            team_id,
            actor_member,
            basis,
            candidates,
            assessors,
            balance,
            os_random(),
        )?;
        tx.commit()?;
        Ok(round.number())
    }

    /// The chair opens the next round after a revealed one with the same candidates,
    /// assessors and modes, fresh orders.
    pub fn open_next_round(&mut self, team_id: i64, actor_member: i64) -> Result<u32> {
        let last = latest_round_number(&self.conn, team_id)?.ok_or(StoreError::NoRounds)?;
        let carried = load_round(&self.conn, team_id, last)?.carry_over();
        let assessors = carried
            .assessors
            .iter()
            .map(|a| {
                Ok(AssessorChoice {
                    member_id: a
                        .id
                        .parse()
                        .map_err(|_| StoreError::ScoringDamaged(format!("assessor id {}", a.id)))?,
                    mode: a.mode,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        self.open_next_round_with(team_id, actor_member, carried.candidates, assessors)
    }

    /// What the chair's setup of the next round starts from: the rubric that stays,
    /// the candidates and assessors that carry over, and the candidates blinded since.
    pub fn next_round_plan(&self, team_id: i64) -> Result<Option<NextRoundPlan>> {
        let Some(last) = latest_round_number(&self.conn, team_id)? else {
            return Ok(None);
        };
        let previous = load_round(&self.conn, team_id, last)?;
        let carried = previous.carry_over();
        let blinded: Vec<String> = candidates::blinded_candidates(&self.conn, team_id)?
            .into_iter()
            .map(|c| c.code)
            .collect();
        let new_candidates = blinded
            .iter()
            .filter(|c| !carried.candidates.contains(c))
            .cloned()
            .collect();
        let rubric = previous.rubric();
        Ok(Some(NextRoundPlan {
            number: last + 1,
            previous: last,
            previous_revealed: previous.is_revealed(),
            rubric_title: rubric.title.clone(),
            rubric_version: rubric.version,
            decided: load_selection(&self.conn, team_id)?
                .may_open_round()
                .is_err(),
            carried,
            new_candidates,
        }))
    }

    /// The chair opens the next round after a revealed one with the candidates and
    /// assessors of their choice (candidates taken in since among them); the rubric
    /// and the exclusions for a conflict of interest carry over.
    pub fn open_next_round_with(
        &mut self,
        team_id: i64,
        actor_member: i64,
        candidates: Vec<String>,
        assessors: Vec<AssessorChoice>,
    ) -> Result<u32> {
        self.open_next_round_balanced(team_id, actor_member, candidates, assessors, &[])
    }

    /// [`Store::open_next_round_with`] under the chair's balance rules.
    pub fn open_next_round_balanced(
        &mut self,
        team_id: i64,
        actor_member: i64,
        candidates: Vec<String>,
        assessors: Vec<AssessorChoice>,
        balance: &[BalanceRule],
    ) -> Result<u32> {
        self.authorize(team_id, Action::OpenRound, Some(actor_member))?;
        self.check_officers_may_score(team_id, assessors.iter().map(|a| a.member_id))?;
        let tx = self.conn.transaction()?;
        let round = open_next(
            &tx,
            team_id,
            actor_member,
            candidates,
            &assessors,
            balance,
            os_random(),
        )?;
        tx.commit()?;
        Ok(round.number())
    }

    /// The chair stops the round; those who had not submitted are recorded as missing.
    pub fn close_round(&mut self, team_id: i64, actor_member: i64, number: u32) -> Result<()> {
        self.authorize(team_id, Action::CloseRound, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        let (actor, who) = member(&tx, team_id, actor_member)?;
        let mut round = load_round(&tx, team_id, number)?;
        let sheets = load_sheets(&tx, team_id, number)?;
        round.close(&actor, &sheets)?;
        let missing = match round.status() {
            scoring::RoundStatus::Closed { missing } => missing.clone(),
            _ => Vec::new(),
        };
        update_round(&tx, team_id, &round)?;
        ledger::append(
            &tx,
            team_id,
            &who,
            EntryKind::RoundClosed,
            json!({ "round": number, "missing_assessors": missing }),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn reveal_round(&mut self, team_id: i64, actor_member: i64, number: u32) -> Result<()> {
        self.authorize(team_id, Action::RevealRound, Some(actor_member))?;
        let tx = self.conn.transaction()?;
        reveal(&tx, team_id, actor_member, number)?;
        tx.commit()?;
        Ok(())
    }
}
