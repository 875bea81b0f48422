//! The one place the store finds out who is acting and asks core's access rules
//! ([`maatstaf_core::access`]) whether they may. Every method that changes team data,
//! and every one that reveals an identity, an original text, a sheet before the reveal
//! or a logboek export, goes through [`Store::authorize`] first. What stays readable
//! to whoever is at the laptop is what the app shows every member anyway: codes and
//! counts, the log, the statistics of revealed rounds, the decision and its reasons.
//!
//! PINs are checked here too: wrong ones are counted in the database, so the back-off
//! survives a restart, and each is logged as `pin_failed` for the chair to see.

use maatstaf_core::access::{self, pin_wait_secs, Acting, Action, TeamState, OFFICERS};
use maatstaf_core::assessor;
use maatstaf_core::ledger::Actor as LedgerActor;
use maatstaf_core::scoring::SelectionState;
use maatstaf_core::team::Role;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Result, StoreError};
use crate::teams::{team_member, Member};
use crate::Store;

/// Which program is asking: the app (whose caller passes the member switched in with
/// their PIN) or the `maatstaf` command line (which acts as `cli` unless a member signs
/// in with `--as`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Interface {
    #[default]
    App,
    Cli,
}

/// An allowed caller: the member (if any) and how the log names them.
#[derive(Debug, Clone)]
pub(crate) struct Allowed {
    pub member: Option<Member>,
    pub ledger: LedgerActor,
}

impl Allowed {
    pub fn member_id(&self) -> Option<i64> {
        self.member.as_ref().map(|m| m.id)
    }
}

/// Why a PIN did not let a member in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum PinRefusal {
    #[error("this member has no PIN yet")]
    NotSet,
    #[error("wrong PIN")]
    Wrong,
    #[error("too many wrong PINs; try again in {seconds} s")]
    Wait { seconds: u64 },
}

/// A wrong PIN as the chair's notice lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PinFailure {
    pub member: String,
    pub at: String,
    pub failures: u32,
}

/// What the rules need to know about the team, read from the database.
pub(crate) fn team_state(conn: &Connection, team_id: i64) -> Result<TeamState> {
    let protected = !crate::teams::protected_members(conn, team_id)?.is_empty();
    let selection: Option<String> = conn
        .query_row(
            "SELECT state FROM selection_states WHERE team_id = ?1",
            [team_id],
            |r| r.get(0),
        )
        .optional()?;
    let selection: SelectionState = match selection {
        Some(json) => serde_json::from_str(&json).map_err(|e| StoreError::LedgerDamaged {
            seq: 0,
            detail: format!("the team's selection state cannot be read: {e}"),
        })?,
        None => SelectionState::default(),
    };
    Ok(TeamState {
        protected,
        decided: selection.decision.is_some(),
        unblinded: selection.unblinded.is_some(),
    })
}

/// The one "who is acting" lookup: `member_id` is who the caller says switched in
/// (the app's session, or a member who signed in on the command line).
pub(crate) fn acting(
    conn: &Connection,
    team_id: i64,
    member_id: Option<i64>,
    interface: Interface,
) -> Result<(Acting, Option<Member>)> {
    // A member of another team (or a removed one) is nobody here.
    let member = match member_id {
        Some(id) => team_member(conn, team_id, id)?,
        None => None,
    };
    Ok(match member {
        Some(m) => (
            Acting::Member {
                id: m.id,
                role: m.role,
            },
            Some(m),
        ),
        None if interface == Interface::Cli => (Acting::Cli, None),
        None => (Acting::Nobody, None),
    })
}

/// Asks core whether the caller may do `action` in `team_id` now, on `conn` (the
/// caller's transaction, where there is one). Refusals are [`StoreError::Access`].
pub(crate) fn authorize_on(
    conn: &Connection,
    team_id: i64,
    action: Action,
    member_id: Option<i64>,
    interface: Interface,
) -> Result<Allowed> {
    crate::teams::require_team(conn, team_id)?;
    let (who, member) = acting(conn, team_id, member_id, interface)?;
    access::check(action, &who, team_state(conn, team_id)?)?;
    let ledger = match (&member, interface) {
        (Some(m), _) => LedgerActor::member(m.id.to_string(), m.name.clone()),
        (None, Interface::Cli) => LedgerActor::Cli,
        (None, Interface::App) => LedgerActor::System,
    };
    Ok(Allowed { member, ledger })
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Store {
    /// Marks this store as opened by the command line: unsigned calls act as `cli`.
    pub fn set_interface(&mut self, interface: Interface) {
        self.interface = interface;
    }

    /// Whether `member_id` (or nobody) may do `action` in the team now.
    pub(crate) fn authorize(
        &self,
        team_id: i64,
        action: Action,
        member_id: Option<i64>,
    ) -> Result<Allowed> {
        authorize_on(&self.conn, team_id, action, member_id, self.interface)
    }

    /// Whether `member_id` (or nobody) may do `action` in the team now; the refusal
    /// says why. For callers that must refuse before doing anything of their own
    /// (the command line, before it creates a file).
    pub fn check_access(&self, team_id: i64, action: Action, member_id: Option<i64>) -> Result<()> {
        self.authorize(team_id, action, member_id).map(drop)
    }

    /// The member of the team a person names on the command line: by id, or by name
    /// (ignoring case).
    pub fn find_member(&self, team_id: i64, who: &str) -> Result<Option<Member>> {
        crate::teams::require_team(&self.conn, team_id)?;
        let who = who.trim();
        if let Ok(id) = who.parse::<i64>() {
            return team_member(&self.conn, team_id, id);
        }
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM members WHERE team_id = ?1 AND name = ?2 COLLATE NOCASE",
                params![team_id, who],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => team_member(&self.conn, team_id, id),
            None => Ok(None),
        }
    }

    /// For screens: whether the member acting (or nobody) may do `action` now.
    pub fn may(&self, team_id: i64, action: Action, member_id: Option<i64>) -> Result<bool> {
        match self.authorize(team_id, action, member_id) {
            Ok(_) => Ok(true),
            Err(StoreError::Access(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Checks `pin` for a member who wants to switch in, with the back-off of core's
    /// [`pin_wait_secs`]. A wrong PIN is counted and logged; a right one clears the
    /// count. Returns the member's role for the session.
    pub fn verify_pin(
        &mut self,
        team_id: i64,
        member_id: i64,
        pin: &str,
    ) -> Result<std::result::Result<Role, PinRefusal>> {
        self.verify_pin_at(team_id, member_id, pin, unix_now())
    }

    pub(crate) fn verify_pin_at(
        &mut self,
        team_id: i64,
        member_id: i64,
        pin: &str,
        now: u64,
    ) -> Result<std::result::Result<Role, PinRefusal>> {
        let member = team_member(&self.conn, team_id, member_id)?
            .ok_or(StoreError::NoSuchMember(member_id))?;
        if OFFICERS.contains(&member.role) && crate::sealing::is_sealed(&self.conn, team_id)? {
            return Err(crate::sealing::SealingError::OfficerUsesPassphrase.into());
        }
        let hash: Option<String> = self
            .conn
            .query_row(
                "SELECT pin_hash FROM member_pins WHERE member_id = ?1",
                [member_id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(hash) = hash else {
            return Ok(Err(PinRefusal::NotSet));
        };
        let (failures, last_at) = pin_failures(&self.conn, member_id)?;
        let wait = pin_wait_secs(failures, last_at, now);
        if wait > 0 {
            return Ok(Err(PinRefusal::Wait { seconds: wait }));
        }
        if assessor::verify_pin(pin, &hash) {
            self.conn
                .execute("DELETE FROM pin_failures WHERE member_id = ?1", [member_id])?;
            return Ok(Ok(member.role));
        }
        Ok(Err(
            self.record_sign_in_failure(team_id, &member, failures, now)?
        ))
    }

    /// How the log names a call that no member made: the app itself, or the command line.
    pub(crate) fn interface_actor(&self) -> LedgerActor {
        match self.interface {
            Interface::App => LedgerActor::System,
            Interface::Cli => LedgerActor::Cli,
        }
    }

    /// The wrong PINs of the last fortnight, newest first, for the officers' notice.
    /// Only an officer acting sees them.
    pub fn recent_pin_failures(
        &self,
        team_id: i64,
        member_id: Option<i64>,
    ) -> Result<Vec<PinFailure>> {
        if !self.may(team_id, Action::ResetPin, member_id)? {
            return Ok(Vec::new());
        }
        let since = time::OffsetDateTime::now_utc() - time::Duration::days(14);
        let since = since
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        let mut stmt = self.conn.prepare(
            "SELECT json_extract(payload, '$.name'), time, json_extract(payload, '$.failures')
             FROM ledger WHERE team_id = ?1 AND kind = 'pin_failed' AND time >= ?2
             ORDER BY seq DESC LIMIT 20",
        )?;
        let rows = stmt
            .query_map(params![team_id, since], |r| {
                Ok(PinFailure {
                    member: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                    at: r.get(1)?,
                    failures: r.get::<_, Option<u32>>(2)?.unwrap_or(1),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

pub(crate) fn pin_failures(conn: &Connection, member_id: i64) -> Result<(u32, u64)> {
    Ok(conn
        .query_row(
            "SELECT failures, last_at FROM pin_failures WHERE member_id = ?1",
            [member_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, 0)))
}

/// Who is acting in a team and what they may do now: one answer for every area's
/// "who is acting" bar, so a screen offers only what the store will accept.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AccessView {
    pub members: Vec<crate::scoring::ScoringMember>,
    pub active: Option<crate::scoring::ScoringMember>,
    /// A chair or secretary has a PIN, so only they do the team's setup.
    pub protected: bool,
    /// The team has its own keys: names and original texts are sealed, and its chair and
    /// secretary sign in with a passphrase.
    pub sealed: bool,
    /// Every action the acting member (or nobody) may do now.
    pub allowed: Vec<Action>,
    /// Whether the chair and the secretary score too (a team setting).
    pub officers_score: bool,
    /// Wrong PINs of the last fortnight; shown to an acting officer only.
    pub pin_failures: Vec<PinFailure>,
    /// Seconds of inactivity left before the session ends; filled in by the app,
    /// which holds the sessions.
    #[ts(type = "number | null")]
    pub remaining_secs: Option<u64>,
}

impl Store {
    /// See [`AccessView`]. `member_id` is the member switched in, if any.
    pub fn access_view(&self, team_id: i64, member_id: Option<i64>) -> Result<AccessView> {
        let members = self.scoring_members(team_id)?;
        let active = member_id.and_then(|id| members.iter().find(|m| m.id == id).cloned());
        // The same question as `authorize` asks, once per action on one reading.
        let (who, _) = acting(&self.conn, team_id, member_id, self.interface)?;
        let state = team_state(&self.conn, team_id)?;
        let allowed = Action::ALL
            .into_iter()
            .filter(|a| access::check(*a, &who, state).is_ok())
            .collect();
        Ok(AccessView {
            members,
            active,
            protected: state.protected,
            sealed: crate::sealing::is_sealed(&self.conn, team_id)?,
            allowed,
            officers_score: self.officers_score(team_id)?,
            pin_failures: self.recent_pin_failures(team_id, member_id)?,
            remaining_secs: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{demo_member, demo_team};

    #[test]
    fn the_access_view_offers_exactly_what_the_store_then_allows() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let team = demo_team(&store);
        let mut callers = vec![None];
        callers.extend(Role::ALL.map(|r| Some(demo_member(&store, team, r))));
        for caller in callers {
            let view = store.access_view(team, caller).unwrap();
            let allowed: Vec<Action> = Action::ALL
                .into_iter()
                .filter(|a| store.may(team, *a, caller).unwrap())
                .collect();
            assert_eq!(view.allowed, allowed, "{caller:?}");
            assert_eq!(view.active.map(|m| m.id), caller);
        }
    }
}
