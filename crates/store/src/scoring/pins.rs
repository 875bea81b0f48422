//! Who is acting: the members who may score, their PINs (set once, reset by an
//! officer), and the team's setting whether its chair and secretary score.

use maatstaf_core::access::{Action, OFFICERS};
use maatstaf_core::assessor::{self};
use maatstaf_core::ledger::EntryKind;
use maatstaf_core::scoring::Actor;
use maatstaf_core::team::Role;
use rusqlite::{params, Transaction};
use serde_json::json;

use super::{member, ScoringMember};
use crate::error::{Result, StoreError};
use crate::teams::MEMBER_ORDER;
use crate::{clock, ledger, Store};

pub(crate) fn set_pin_hash(
    tx: &Transaction<'_>,
    team_id: i64,
    member_id: i64,
    hash: &str,
) -> Result<()> {
    member(tx, team_id, member_id)?;
    let changed = tx.execute(
        "INSERT INTO member_pins (member_id, pin_hash, set_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (member_id) DO NOTHING",
        params![member_id, hash, clock::now()],
    )?;
    if changed == 0 {
        return Err(StoreError::PinAlreadySet);
    }
    Ok(())
}

impl Store {
    pub fn scoring_members(&self, team_id: i64) -> Result<Vec<ScoringMember>> {
        self.team(team_id)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT m.id, m.name, m.role, p.member_id IS NOT NULL,
                    EXISTS (SELECT 1 FROM key_slots k WHERE k.member_id = m.id), m.party
                 FROM members m
                 LEFT JOIN member_pins p ON p.member_id = m.id
                 WHERE m.team_id = ?1 ORDER BY {MEMBER_ORDER}"
        ))?;
        let rows = stmt.query_map([team_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, bool>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, role, has_pin, has_passphrase, party) = row?;
            let role = Role::parse(&role).ok_or(StoreError::NoSuchMember(id))?;
            out.push(ScoringMember {
                id,
                name,
                role,
                has_pin,
                has_passphrase,
                party,
            });
        }
        Ok(out)
    }

    /// The core actor for a member of the team; the app builds every scoring call from this.
    pub fn member_actor(&self, team_id: i64, member_id: i64) -> Result<Actor> {
        Ok(member(&self.conn, team_id, member_id)?.0)
    }

    /// Sets a member's first PIN (4–12 digits, not a guessable one), typed by that
    /// member. A PIN that is already set is not replaced here (see [`Store::reset_pin`]).
    /// In a protected team the acting chair or secretary (`actor`) must be there.
    pub fn set_pin(
        &mut self,
        team_id: i64,
        member_id: i64,
        pin: &str,
        salt: &[u8],
        actor: Option<i64>,
    ) -> Result<()> {
        let (who, _) = member(&self.conn, team_id, member_id)?;
        let by = self.authorize(team_id, Action::SetFirstPin, actor)?.ledger;
        if OFFICERS.contains(&who.role) && crate::sealing::is_sealed(&self.conn, team_id)? {
            return Err(crate::sealing::SealingError::OfficerUsesPassphrase.into());
        }
        let hash = assessor::hash_pin(pin, salt)?;
        let tx = self.conn.transaction()?;
        set_pin_hash(&tx, team_id, member_id, &hash)?;
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::PinSet,
            json!({ "member_id": member_id.to_string() }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Wipes a member's PIN (a forgotten one, or one somebody else set), so they can
    /// set a new one with the chair or secretary; their wrong-PIN count goes too.
    pub fn reset_pin(&mut self, team_id: i64, member_id: i64, actor: Option<i64>) -> Result<()> {
        let target = member(&self.conn, team_id, member_id)?.1;
        let by = self.authorize(team_id, Action::ResetPin, actor)?.ledger;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM member_pins WHERE member_id = ?1", [member_id])?;
        tx.execute("DELETE FROM pin_failures WHERE member_id = ?1", [member_id])?;
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::PinReset,
            json!({ "member_id": member_id.to_string(), "name": target.display().nl }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Whether the team lets its chair and secretary, who may see identities, score.
    pub fn officers_score(&self, team_id: i64) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT officers_score FROM teams WHERE id = ?1",
            [team_id],
            |r| r.get(0),
        )?)
    }

    /// The chair or the secretary (or, before the team is protected, anyone) decides
    /// whether officers score; logged.
    pub fn set_officers_score(
        &mut self,
        team_id: i64,
        officers_score: bool,
        actor: Option<i64>,
    ) -> Result<()> {
        let by = self
            .authorize(team_id, Action::ChangeTeamSettings, actor)?
            .ledger;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE teams SET officers_score = ?1 WHERE id = ?2",
            params![officers_score, team_id],
        )?;
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::TeamSettingsChanged,
            json!({ "officers_score": officers_score }),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub(super) fn check_officers_may_score(
        &self,
        team_id: i64,
        assessors: impl Iterator<Item = i64>,
    ) -> Result<()> {
        if self.officers_score(team_id)? {
            return Ok(());
        }
        for id in assessors {
            let (a, who) = member(&self.conn, team_id, id)?;
            if OFFICERS.contains(&a.role) {
                return Err(StoreError::OfficerMayNotScore(who.display().nl));
            }
        }
        Ok(())
    }
}
