//! Puts the bundled demo team into a fresh database, once. A user who deletes
//! the demo does not get it back on the next start.

use maatstaf_core::demo::{parse_demo_team, BUNDLED_DEMO_TEAM};
use maatstaf_core::ledger::{Actor, EntryKind};
use rusqlite::params;
use serde_json::json;

use crate::error::Result;
use crate::teams::insert_member;
use crate::{clock, ledger, Store};

const SEEDED_KEY: &str = "demo_seeded";

pub(crate) fn seed_once(store: &mut Store) -> Result<()> {
    if store.setting(SEEDED_KEY)?.is_some() {
        return Ok(());
    }
    let demo = parse_demo_team(BUNDLED_DEMO_TEAM)?;
    let now = clock::now();
    let tx = store.conn.transaction()?;
    tx.execute(
        "INSERT INTO teams (name, is_demo, created_at) VALUES (?1, 1, ?2)",
        params![demo.name, now],
    )?;
    let team_id = tx.last_insert_rowid();
    ledger::append(
        &tx,
        team_id,
        &Actor::System,
        EntryKind::TeamCreated,
        json!({ "team_name": demo.name }),
    )?;
    for m in &demo.members {
        insert_member(&tx, team_id, &m.name, m.role, m.party.as_deref())?;
    }
    for c in &demo.candidates {
        tx.execute(
            "INSERT INTO candidates (team_id, code, created_at) VALUES (?1, ?2, ?3)",
            params![team_id, c.code, now],
        )?;
        tx.execute(
            "INSERT INTO candidate_identities (candidate_id, name, party) VALUES (?1, ?2, ?3)",
            params![tx.last_insert_rowid(), c.name, c.party],
        )?;
        ledger::append(
            &tx,
            team_id,
            &Actor::System,
            EntryKind::CandidateAdded,
            json!({ "candidate_code": c.code }),
        )?;
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)",
        params![SEEDED_KEY, now],
    )?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn a_fresh_folder_holds_the_demo_team_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let teams = store.list_teams().unwrap();
        assert_eq!(teams.len(), 1);
        assert_eq!(teams[0].name, "Gemeente Voorbeeld — formatie 2026");
        assert!(teams[0].is_demo);
        assert!(teams[0].members >= 5);
        assert_eq!(teams[0].candidates, 3);
        drop(store);
        assert_eq!(
            Store::open_in(dir.path())
                .unwrap()
                .list_teams()
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn a_deleted_demo_stays_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let demo = store.list_teams().unwrap()[0].id;
        store.delete_team(demo).unwrap();
        drop(store);
        assert!(Store::open_in(dir.path())
            .unwrap()
            .list_teams()
            .unwrap()
            .is_empty());
    }
}
