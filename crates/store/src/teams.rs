//! Formation teams, their members and candidate codes.
//!
//! Who may rename, delete or change a team is core's access rule
//! ([`maatstaf_core::access`]); this module adds one storage rule of its own: the last
//! chair or secretary with a PIN cannot be removed or given another role, or nobody
//! could manage the team any more.

use maatstaf_core::ledger::{Actor, EntryKind};
use maatstaf_core::team::{clean_name, Role};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use maatstaf_core::access::{Action, OFFICERS};

use crate::error::{Result, StoreError};
use crate::{clock, ledger, Store};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TeamSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub is_demo: bool,
    pub created_at: String,
    #[ts(type = "number")]
    pub members: i64,
    #[ts(type = "number")]
    pub candidates: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Member {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub party: Option<String>,
}

/// A candidate as every scoring screen knows them: by code only.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CandidateCode {
    #[ts(type = "number")]
    pub id: i64,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TeamDetail {
    pub team: TeamSummary,
    pub members: Vec<Member>,
    pub candidates: Vec<CandidateCode>,
}

/// What deleting a team takes with it, so the confirmation can name it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DeletionImpact {
    pub team: TeamSummary,
}

/// How every member list is ordered: by role (chair first), then by name.
/// Columns of `members`, unqualified: queries that join name no other `role` or `name`.
pub(crate) const MEMBER_ORDER: &str = "CASE role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1
        WHEN 'assessor' THEN 2 WHEN 'trainer' THEN 3 ELSE 4 END, name COLLATE NOCASE";

const SUMMARY_SQL: &str = "SELECT t.id, t.name, t.is_demo, t.created_at,
        (SELECT count(*) FROM members m WHERE m.team_id = t.id),
        (SELECT count(*) FROM candidates c WHERE c.team_id = t.id)
     FROM teams t";

fn summary_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<TeamSummary> {
    Ok(TeamSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        is_demo: row.get(2)?,
        created_at: row.get(3)?,
        members: row.get(4)?,
        candidates: row.get(5)?,
    })
}

impl Store {
    pub fn list_teams(&self) -> Result<Vec<TeamSummary>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SUMMARY_SQL} ORDER BY t.is_demo DESC, t.name COLLATE NOCASE, t.id"
        ))?;
        let teams = stmt
            .query_map([], summary_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(teams)
    }

    pub fn team(&self, id: i64) -> Result<TeamSummary> {
        self.conn
            .query_row(&format!("{SUMMARY_SQL} WHERE t.id = ?1"), [id], summary_row)
            .optional()?
            .ok_or(StoreError::NoSuchTeam(id))
    }

    pub fn team_detail(&self, id: i64) -> Result<TeamDetail> {
        let team = self.team(id)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, name, role, party FROM members WHERE team_id = ?1 ORDER BY {MEMBER_ORDER}"
        ))?;
        let members = stmt
            .query_map([id], member_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self
            .conn
            .prepare("SELECT id, code FROM candidates WHERE team_id = ?1 ORDER BY code")?;
        let candidates = stmt
            .query_map([id], |row| {
                Ok(CandidateCode {
                    id: row.get(0)?,
                    code: row.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(TeamDetail {
            team,
            members,
            candidates,
        })
    }

    pub fn create_team(&mut self, name: &str) -> Result<TeamSummary> {
        let name = clean_name(name)?;
        let tx = self.conn.transaction()?;
        let uid = crate::sealing::new_team_uid();
        tx.execute(
            "INSERT INTO teams (name, created_at, uid) VALUES (?1, ?2, ?3)",
            params![name, clock::now(), uid],
        )?;
        let id = tx.last_insert_rowid();
        ledger::append(
            &tx,
            id,
            &Actor::System,
            EntryKind::TeamCreated,
            json!({ "team_name": name, "team_uid": uid }),
        )?;
        tx.commit()?;
        self.team(id)
    }

    pub fn rename_team(&mut self, id: i64, name: &str, actor: Option<i64>) -> Result<TeamSummary> {
        let name = clean_name(name)?;
        let by = self.authorize(id, Action::RenameTeam, actor)?.ledger;
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE teams SET name = ?1 WHERE id = ?2",
            params![name, id],
        )?;
        if changed == 0 {
            return Err(StoreError::NoSuchTeam(id));
        }
        ledger::append(
            &tx,
            id,
            &by,
            EntryKind::TeamRenamed,
            json!({ "team_name": name }),
        )?;
        tx.commit()?;
        self.team(id)
    }

    /// Whether the team is protected: one of its chairs or secretaries has a PIN.
    pub fn team_protected(&self, id: i64) -> Result<bool> {
        self.team(id)?;
        Ok(!protected_members(&self.conn, id)?.is_empty())
    }

    pub fn deletion_impact(&self, id: i64) -> Result<DeletionImpact> {
        Ok(DeletionImpact {
            team: self.team(id)?,
        })
    }

    /// Removes the team and everything it holds, its log included: the log is
    /// append-only while the team exists, but a deleted team keeps no personal data.
    /// A protected team is only deleted by its chair or secretary (`actor`).
    pub fn delete_team(&mut self, id: i64, actor: Option<i64>) -> Result<()> {
        self.authorize(id, Action::DeleteTeam, actor)?;
        let tx = self.conn.transaction()?;
        let changed = tx.execute("DELETE FROM teams WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::NoSuchTeam(id));
        }
        tx.execute("DELETE FROM ledger WHERE team_id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    pub fn add_member(
        &mut self,
        team_id: i64,
        name: &str,
        role: Role,
        party: Option<&str>,
        actor: Option<i64>,
    ) -> Result<Member> {
        self.team(team_id)?;
        let name = clean_name(name)?;
        let party = clean_party(party)?;
        let by = self
            .authorize(team_id, Action::ChangeMembers, actor)?
            .ledger;
        let tx = self.conn.transaction()?;
        let id = insert_member(&tx, team_id, &name, role, party.as_deref(), &by)?;
        tx.commit()?;
        Ok(Member {
            id,
            name,
            role,
            party,
        })
    }

    fn member(&self, team_id: i64, member_id: i64) -> Result<Member> {
        self.team(team_id)?;
        team_member(&self.conn, team_id, member_id)?.ok_or(StoreError::NoSuchMember(member_id))
    }

    /// Changes a member's name, role and party, and logs the new values with who did it.
    pub fn update_member(
        &mut self,
        team_id: i64,
        member_id: i64,
        name: &str,
        role: Role,
        party: Option<&str>,
        actor: Option<i64>,
    ) -> Result<Member> {
        let before = self.member(team_id, member_id)?;
        let name = clean_name(name)?;
        let party = clean_party(party)?;
        let by = self
            .authorize(team_id, Action::ChangeMembers, actor)?
            .ledger;
        let tx = self.conn.transaction()?;
        if !OFFICERS.contains(&role) {
            keep_one_protected(&tx, team_id, &before)?;
            // Access to the sealed data comes with the office and goes with it: back in
            // office, they need an officer to give it again.
            tx.execute("DELETE FROM key_slots WHERE member_id = ?1", [member_id])?;
        }
        tx.execute(
            "UPDATE members SET name = ?1, role = ?2, party = ?3 WHERE id = ?4 AND team_id = ?5",
            params![name, role.as_str(), party, member_id, team_id],
        )?;
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::MemberChanged,
            json!({ "member_id": member_id.to_string(), "name": name, "role": role.as_str(), "party": party }),
        )?;
        tx.commit()?;
        Ok(Member {
            id: member_id,
            name,
            role,
            party,
        })
    }

    /// Removes a member from the team. Earlier log entries that name them stay:
    /// the log is append-only.
    pub fn remove_member(
        &mut self,
        team_id: i64,
        member_id: i64,
        actor: Option<i64>,
    ) -> Result<()> {
        let member = self.member(team_id, member_id)?;
        let by = self
            .authorize(team_id, Action::ChangeMembers, actor)?
            .ledger;
        let tx = self.conn.transaction()?;
        keep_one_protected(&tx, team_id, &member)?;
        tx.execute(
            "DELETE FROM members WHERE id = ?1 AND team_id = ?2",
            params![member_id, team_id],
        )?;
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::MemberRemoved,
            json!({ "member_id": member_id.to_string(), "name": member.name, "role": member.role.as_str() }),
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// A row of `SELECT id, name, role, party FROM members`.
fn member_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Member> {
    let role: String = row.get(2)?;
    Ok(Member {
        id: row.get(0)?,
        name: row.get(1)?,
        // The schema's CHECK constraint only admits known roles.
        role: Role::parse(&role).unwrap_or(Role::Assessor),
        party: row.get(3)?,
    })
}

/// A member of `team_id` on `conn`; `None` when the id is not a member of that team.
pub(crate) fn team_member(
    conn: &Connection,
    team_id: i64,
    member_id: i64,
) -> Result<Option<Member>> {
    Ok(conn
        .query_row(
            "SELECT id, name, role, party FROM members WHERE id = ?1 AND team_id = ?2",
            params![member_id, team_id],
            member_row,
        )
        .optional()?)
}

/// `NoSuchTeam` unless the team exists.
pub(crate) fn require_team(conn: &Connection, team_id: i64) -> Result<()> {
    let found: bool = conn.query_row(
        "SELECT count(*) > 0 FROM teams WHERE id = ?1",
        [team_id],
        |r| r.get(0),
    )?;
    if found {
        Ok(())
    } else {
        Err(StoreError::NoSuchTeam(team_id))
    }
}

/// A party is optional: blank means none.
pub(crate) fn clean_party(party: Option<&str>) -> Result<Option<String>> {
    Ok(party
        .filter(|p| !p.trim().is_empty())
        .map(clean_name)
        .transpose()?)
}

/// The members of `team_id` who are officers (chair or secretary) and can sign in as
/// one: with a passphrase in a sealed team (a PIN does not open it), with a PIN or a
/// passphrase otherwise. While there is one, the team is protected.
pub(crate) fn protected_members(conn: &Connection, team_id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT m.id, m.role FROM members m JOIN teams t ON t.id = m.team_id
             WHERE m.team_id = ?1
               AND (EXISTS (SELECT 1 FROM key_slots k WHERE k.member_id = m.id)
                    OR (t.public_key IS NULL
                        AND EXISTS (SELECT 1 FROM member_pins p WHERE p.member_id = m.id)))",
    )?;
    let rows = stmt
        .query_map([team_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter(|(_, role)| Role::parse(role).is_some_and(|r| OFFICERS.contains(&r)))
        .map(|(id, _)| id)
        .collect())
}

/// Refuses when `member` is the team's last chair or secretary with a PIN: without
/// them nobody could manage the team any more.
fn keep_one_protected(conn: &Connection, team_id: i64, member: &Member) -> Result<()> {
    if protected_members(conn, team_id)? == [member.id] {
        return Err(StoreError::LastProtectedMember {
            name: member.name.clone(),
        });
    }
    Ok(())
}

/// Adds a member and logs it with `by` as actor, on the caller's transaction.
pub(crate) fn insert_member(
    conn: &rusqlite::Connection,
    team_id: i64,
    name: &str,
    role: Role,
    party: Option<&str>,
    by: &Actor,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO members (team_id, name, role, party, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![team_id, name, role.as_str(), party, clock::now()],
    )?;
    let id = conn.last_insert_rowid();
    ledger::append(
        conn,
        team_id,
        by,
        EntryKind::MemberAdded,
        json!({ "member_id": id.to_string(), "name": name, "role": role.as_str(), "party": party }),
    )?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use maatstaf_core::team::NameError;

    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        (dir, store)
    }

    #[test]
    fn teams_are_created_renamed_and_deleted() {
        let (_dir, mut store) = store();
        let team = store
            .create_team("  Gemeente Lindeveld — formatie 2026 ")
            .unwrap();
        assert_eq!(team.name, "Gemeente Lindeveld — formatie 2026");
        assert!(!team.is_demo);
        store
            .add_member(team.id, "Piet", Role::Chair, None, None)
            .unwrap();
        let renamed = store.rename_team(team.id, "Lindeveld", None).unwrap();
        assert_eq!(renamed.name, "Lindeveld");
        assert_eq!(renamed.members, 1);
        store.delete_team(team.id, None).unwrap();
        assert!(matches!(
            store.team(team.id),
            Err(StoreError::NoSuchTeam(_))
        ));
        let orphans: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM members WHERE team_id = ?1",
                [team.id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(orphans, 0, "members go with their team");
    }

    #[test]
    fn bad_names_change_nothing() {
        let (_dir, mut store) = store();
        let before = store.list_teams().unwrap();
        assert!(matches!(
            store.create_team("   "),
            Err(StoreError::InvalidName(NameError::Empty))
        ));
        let demo = &before[0];
        assert!(store.rename_team(demo.id, "", None).is_err());
        assert_eq!(store.list_teams().unwrap(), before);
        assert!(matches!(
            store.rename_team(9999, "x", None),
            Err(StoreError::NoSuchTeam(9999))
        ));
        assert!(matches!(
            store.delete_team(9999, None),
            Err(StoreError::NoSuchTeam(9999))
        ));
    }

    #[test]
    fn members_are_edited_and_removed_with_a_log_entry() {
        let (_dir, mut store) = store();
        let team = store.create_team("Lindeveld").unwrap().id;
        let m = store
            .add_member(team, "Piet de Boer", Role::Assessor, Some("  "), None)
            .unwrap();
        assert_eq!(m.party, None, "a blank party is no party");
        let changed = store
            .update_member(
                team,
                m.id,
                " Piet Boer ",
                Role::Secretary,
                Some("Lokaal Belang"),
                None,
            )
            .unwrap();
        assert_eq!(changed.name, "Piet Boer");
        assert_eq!(
            store.team_detail(team).unwrap().members,
            vec![changed.clone()]
        );
        let entry = store.ledger(team).unwrap().pop().unwrap();
        assert_eq!(entry.kind, EntryKind::MemberChanged);
        assert_eq!(entry.payload["role"], "secretary");
        assert_eq!(entry.payload["member_id"], m.id.to_string());

        store.remove_member(team, m.id, None).unwrap();
        assert!(store.team_detail(team).unwrap().members.is_empty());
        let entry = store.ledger(team).unwrap().pop().unwrap();
        assert_eq!(entry.kind, EntryKind::MemberRemoved);
        assert_eq!(entry.payload["member_id"], m.id.to_string());
    }

    #[test]
    fn bad_member_edits_change_nothing() {
        let (_dir, mut store) = store();
        let team = store.create_team("Lindeveld").unwrap().id;
        let other = store.create_team("Elders").unwrap().id;
        let m = store
            .add_member(team, "Piet", Role::Chair, None, None)
            .unwrap();
        let entries = store.ledger(team).unwrap().len();
        assert!(matches!(
            store.update_member(team, m.id, "  ", Role::Chair, None, None),
            Err(StoreError::InvalidName(NameError::Empty))
        ));
        assert!(matches!(
            store.update_member(
                team,
                m.id,
                "Piet",
                Role::Chair,
                Some(&"p".repeat(500)),
                None
            ),
            Err(StoreError::InvalidName(NameError::TooLong { .. }))
        ));
        assert!(matches!(
            store.add_member(team, "", Role::Chair, None, None),
            Err(StoreError::InvalidName(NameError::Empty))
        ));
        // A member of one team cannot be edited or removed through another.
        assert!(matches!(
            store.update_member(other, m.id, "X", Role::Chair, None, None),
            Err(StoreError::NoSuchMember(_))
        ));
        assert!(matches!(
            store.remove_member(other, m.id, None),
            Err(StoreError::NoSuchMember(_))
        ));
        assert_eq!(store.team_detail(team).unwrap().members, vec![m]);
        assert_eq!(store.ledger(team).unwrap().len(), entries);
    }

    #[test]
    fn teams_keep_their_own_members_apart() {
        let (_dir, mut store) = store();
        let a = store.create_team("A").unwrap();
        let b = store.create_team("B").unwrap();
        store
            .add_member(a.id, "Alleen in A", Role::Assessor, Some("Partij"), None)
            .unwrap();
        assert_eq!(store.team_detail(a.id).unwrap().members.len(), 1);
        assert!(store.team_detail(b.id).unwrap().members.is_empty());
    }
}
