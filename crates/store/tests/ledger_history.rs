//! Rewriting history in the SQLite file, as anyone with the laptop's files and sqlite3
//! can: the chain stays consistent with itself and the new export is validly signed, but
//! an earlier export or a checkpoint code from the minutes gives it away.

use std::path::Path;

use maatstaf_core::ledger::{
    next_entry, verify_logboek_against, Actor, CheckpointCode, Entry, EntryKind, History,
    HistoryProblem, Past,
};
use maatstaf_core::team::Role;
use maatstaf_store::{Store, DB_FILE};
use rusqlite::{params, Connection};
use serde_json::Value;

/// An honest export by the team's chair, signed in with their passphrase.
fn export(store: &mut Store, team: i64) -> Vec<u8> {
    let chair = maatstaf_store::fixtures::demo_unlock(store, team, Role::Chair);
    let sections = store.scoring_logboek_sections(team).unwrap();
    store.export_logboek(&chair, false, sections).unwrap()
}

/// Drops the append-only triggers, lets `edit` change the team's entries, recomputes
/// every seq and hash so the chain is consistent again, and puts the triggers back.
fn rewrite_history(db: &Path, team: i64, edit: impl FnOnce(&mut Vec<Entry>)) {
    let conn = Connection::open(db).unwrap();
    let triggers: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'ledger'",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(triggers.len(), 2, "{triggers:?}");
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
    }
    let mut entries: Vec<Entry> = conn
        .prepare("SELECT seq, time, actor, kind, payload, prev_hash, hash FROM ledger WHERE team_id = ?1 ORDER BY seq")
        .unwrap()
        .query_map([team], |r| {
            Ok(Entry {
                seq: r.get::<_, i64>(0)? as u64,
                time: r.get(1)?,
                actor: serde_json::from_str(&r.get::<_, String>(2)?).unwrap(),
                kind: serde_json::from_value(Value::String(r.get(3)?)).unwrap(),
                payload: serde_json::from_str(&r.get::<_, String>(4)?).unwrap(),
                prev_hash: r.get(5)?,
                hash: r.get(6)?,
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    edit(&mut entries);
    let mut chain: Vec<Entry> = Vec::new();
    for e in entries {
        let next = next_entry(chain.last(), e.time, e.actor, e.kind, e.payload);
        chain.push(next);
    }
    conn.execute("DELETE FROM ledger WHERE team_id = ?1", [team])
        .unwrap();
    for e in &chain {
        conn.execute(
            "INSERT INTO ledger (team_id, seq, time, actor, kind, payload, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                team,
                e.seq as i64,
                e.time,
                serde_json::to_string(&e.actor).unwrap(),
                e.kind.as_str(),
                e.payload.to_string(),
                e.prev_hash,
                e.hash
            ],
        )
        .unwrap();
    }
    for (_, sql) in &triggers {
        conn.execute_batch(sql).unwrap();
    }
}

struct Scene {
    dir: tempfile::TempDir,
    team: i64,
    x1: Vec<u8>,
    /// The code of a milestone before X1, as the secretary noted it.
    noted: CheckpointCode,
}

/// The demo team exported once, with a checkpoint code noted; the store is closed.
fn scene() -> Scene {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let team = store.list_teams().unwrap()[0].id;
    let noted = store
        .checkpoints(team)
        .unwrap()
        .into_iter()
        .find(|c| c.kind == EntryKind::RubricFrozen)
        .expect("the demo's rubric is frozen")
        .code;
    let x1 = export(&mut store, team);
    Scene {
        dir,
        team,
        x1,
        noted,
    }
}

/// Reopens the data folder (its start-up check must find nothing), exports and checks.
fn export_and_check(scene: &Scene) -> History {
    let mut store = Store::open_in(scene.dir.path()).unwrap();
    assert!(
        store.verify_ledgers().unwrap().iter().all(|s| s.intact),
        "the rewritten chain is consistent with itself"
    );
    let x2 = export(&mut store, scene.team);
    let v = verify_logboek_against(
        &x2,
        None,
        &Past {
            previous: std::slice::from_ref(&scene.x1),
            checkpoints: std::slice::from_ref(&scene.noted),
        },
    );
    assert!(
        v.intact,
        "the new export on its own looks fine: {:?}",
        v.problem
    );
    v.history
}

#[test]
fn a_deleted_early_entry_is_caught_by_the_earlier_export_and_the_noted_code() {
    let scene = scene();
    rewrite_history(&scene.dir.path().join(DB_FILE), scene.team, |entries| {
        entries.remove(1);
    });
    let history = export_and_check(&scene);
    assert_eq!(
        history.previous[0].problem,
        Some(HistoryProblem::EntryDiffers { seq: 2 })
    );
    assert_eq!(
        history.checkpoints[0].problem,
        Some(HistoryProblem::CheckpointAbsent {
            code: scene.noted.clone()
        })
    );
}

#[test]
fn a_reattributed_reveal_is_caught_naming_that_entry() {
    let scene = scene();
    let mut reveal_seq = 0;
    rewrite_history(&scene.dir.path().join(DB_FILE), scene.team, |entries| {
        let reveal = entries
            .iter_mut()
            .find(|e| e.kind == EntryKind::RoundRevealed)
            .expect("the demo's round is revealed");
        reveal_seq = reveal.seq;
        reveal.actor = Actor::member("999", "Iemand anders");
    });
    let history = export_and_check(&scene);
    assert_eq!(
        history.previous[0].problem,
        Some(HistoryProblem::EntryDiffers { seq: reveal_seq })
    );
    let noted_seq = history.checkpoints[0].found.as_ref().map(|c| c.seq);
    // The rubric was frozen before the reveal, so its code still stands: a code
    // vouches for history up to its entry, not after.
    assert!(noted_seq.is_some_and(|s| s < reveal_seq), "{history:?}");
}

#[test]
fn dropping_the_earlier_export_entries_is_caught() {
    let scene = scene();
    rewrite_history(&scene.dir.path().join(DB_FILE), scene.team, |entries| {
        entries.retain(|e| e.kind != EntryKind::Exported);
    });
    // A later export carries a later time; within the same second it could be the very
    // entry that was dropped, and then nothing would have been hidden.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let history = export_and_check(&scene);
    let x1_entries = history.previous[0].entries;
    assert_eq!(
        history.previous[0].problem,
        Some(HistoryProblem::EntryDiffers { seq: x1_entries })
    );
}

#[test]
fn an_honest_later_export_passes_both_checks() {
    let scene = scene();
    let history = export_and_check(&scene);
    assert!(history.holds(), "{history:?}");
    assert_eq!(history.previous.len(), 1);
    assert!(history.checkpoints[0].found.is_some());
}
