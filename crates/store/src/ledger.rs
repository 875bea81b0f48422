//! Persisting each team's hash-chained log and the installation's signing key.
//! The chain rules live in `maatstaf_core::ledger`; here we only append inside the
//! same transaction as the change the entry records, and read back.

use std::path::Path;

use maatstaf_core::i18n::Text;
use maatstaf_core::ledger::{
    checkpoints, missing_payload_fields, next_entry, parse_utc, signing_key_from_seed,
    verify_chain, Actor, Checkpoint, Entry, EntryKind, Fingerprint, SigningKey,
};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::error::{Result, StoreError};
use crate::private_files::write_new_atomically;
use crate::{clock, Store};

/// The file in the data folder that holds this installation's Ed25519 seed.
pub const KEY_FILE: &str = "installation.ed25519";

/// Whether one team's log is intact, for the start-up check and the on-demand one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LedgerStatus {
    #[ts(type = "number")]
    pub team_id: i64,
    pub team_name: String,
    #[ts(type = "number")]
    pub entries: u64,
    pub intact: bool,
    pub problem: Option<Text>,
}

/// Appends `kind` to `team_id`'s log on `conn`, which should be the transaction of
/// the change being recorded, so the change and its entry commit together or not at all.
pub(crate) fn append(
    conn: &Connection,
    team_id: i64,
    actor: &Actor,
    kind: EntryKind,
    payload: Value,
) -> Result<Entry> {
    let missing = missing_payload_fields(kind, &payload);
    if !missing.is_empty() {
        return Err(StoreError::LedgerPayload {
            kind: kind.as_str(),
            missing: missing.join(", "),
        });
    }
    let last = last_entry(conn, team_id)?;
    let time = entry_time(last.as_ref());
    let entry = next_entry(last.as_ref(), time, actor.clone(), kind, payload);
    insert(conn, team_id, &entry)?;
    Ok(entry)
}

/// Now, or the last entry's time if the clock stepped back (NTP, a changed time zone
/// setting): that must not break the chain's order.
pub(crate) fn entry_time(last: Option<&Entry>) -> String {
    let time = clock::now();
    match last {
        Some(prev) if parse_utc(&prev.time) > parse_utc(&time) => prev.time.clone(),
        _ => time,
    }
}

/// Writes an entry built elsewhere (the logboek's `exported` entry); the caller has
/// chained it to [`last_entry`] on the same transaction.
pub(crate) fn insert(conn: &Connection, team_id: i64, entry: &Entry) -> Result<()> {
    conn.execute(
        "INSERT INTO ledger (team_id, seq, time, actor, kind, payload, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            team_id,
            entry.seq as i64,
            entry.time,
            serde_json::to_string(&entry.actor).expect("an actor serialises"),
            entry.kind.as_str(),
            entry.payload.to_string(),
            entry.prev_hash,
            entry.hash,
        ],
    )?;
    Ok(())
}

pub(crate) fn last_entry(conn: &Connection, team_id: i64) -> Result<Option<Entry>> {
    let mut stmt = conn.prepare(&format!(
        "{ENTRY_SQL} WHERE team_id = ?1 ORDER BY seq DESC LIMIT 1"
    ))?;
    stmt.query_row([team_id], entry_row).optional()?.transpose()
}

/// A team's whole log on `conn` (which may be a transaction), oldest first.
pub(crate) fn entries(conn: &Connection, team_id: i64) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(&format!("{ENTRY_SQL} WHERE team_id = ?1 ORDER BY seq"))?;
    let rows = stmt.query_map([team_id], entry_row)?;
    let mut entries = Vec::new();
    for row in rows {
        entries.push(row??);
    }
    Ok(entries)
}

const ENTRY_SQL: &str = "SELECT seq, time, actor, kind, payload, prev_hash, hash FROM ledger";

/// A row as an entry; a row whose JSON no longer parses is reported as damage, not a crash.
fn entry_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Entry>> {
    let seq: i64 = row.get(0)?;
    let actor: String = row.get(2)?;
    let kind: String = row.get(3)?;
    let payload: String = row.get(4)?;
    let parsed = (|| -> std::result::Result<Entry, serde_json::Error> {
        Ok(Entry {
            seq: seq as u64,
            time: row.get(1).unwrap_or_default(),
            actor: serde_json::from_str(&actor)?,
            kind: serde_json::from_value(Value::String(kind))?,
            payload: serde_json::from_str(&payload)?,
            prev_hash: row.get(5).unwrap_or_default(),
            hash: row.get(6).unwrap_or_default(),
        })
    })();
    Ok(parsed.map_err(|e| StoreError::LedgerDamaged {
        seq,
        detail: e.to_string(),
    }))
}

impl Store {
    /// A team's whole log, oldest first.
    pub fn ledger(&self, team_id: i64) -> Result<Vec<Entry>> {
        self.team(team_id)?;
        entries(&self.conn, team_id)
    }

    /// The team's checkpoints, oldest first: time, milestone and code, for the chair to
    /// read into the minutes. Nothing in them names a member, candidate or score.
    pub fn checkpoints(&self, team_id: i64) -> Result<Vec<Checkpoint>> {
        Ok(checkpoints(&self.ledger(team_id)?))
    }

    /// Checks every team's chain; the app does this at start and when asked.
    pub fn verify_ledgers(&self) -> Result<Vec<LedgerStatus>> {
        let teams = self.list_teams()?;
        let mut out = Vec::with_capacity(teams.len());
        for team in teams {
            let status = match self.ledger(team.id) {
                Ok(entries) => {
                    let problem = verify_chain(&entries).err().map(|e| e.text());
                    LedgerStatus {
                        team_id: team.id,
                        team_name: team.name,
                        entries: entries.len() as u64,
                        intact: problem.is_none(),
                        problem,
                    }
                }
                Err(StoreError::LedgerDamaged { seq, detail }) => LedgerStatus {
                    team_id: team.id,
                    team_name: team.name,
                    entries: 0,
                    intact: false,
                    problem: Some(Text::new(
                        format!("Regel {seq} van het logboek is onleesbaar: {detail}"),
                        format!("Entry {seq} of the log cannot be read: {detail}"),
                    )),
                },
                Err(e) => return Err(e),
            };
            out.push(status);
        }
        Ok(out)
    }

    /// This installation's signing key, created on first use next to the database.
    pub fn signing_key(&self) -> Result<SigningKey> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        load_or_create_key(&dir.join(KEY_FILE))
    }

    /// The key's fingerprint, for a committee to compare out of band.
    pub fn fingerprint(&self) -> Result<String> {
        Ok(Fingerprint::of(&self.signing_key()?.verifying_key())
            .as_str()
            .to_owned())
    }
}

fn load_or_create_key(path: &Path) -> Result<SigningKey> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::read_to_string(path) {
        Ok(text) => key_from_text(path, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let seed: [u8; 32] = rand::random();
            match write_new_atomically(path, hex::encode(seed).as_bytes()) {
                Ok(()) => Ok(signing_key_from_seed(seed)),
                // The app and the CLI started together: the other one's key is the key.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    key_from_text(path, &std::fs::read_to_string(path).map_err(io)?)
                }
                Err(e) => Err(io(e)),
            }
        }
        Err(e) => Err(io(e)),
    }
}

fn key_from_text(path: &Path, text: &str) -> Result<SigningKey> {
    let seed = hex::decode(text.trim())
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(|| StoreError::KeyDamaged {
            path: path.to_path_buf(),
        })?;
    Ok(signing_key_from_seed(seed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        (dir, store)
    }

    #[test]
    fn team_changes_are_logged_and_the_chain_verifies() {
        let (_dir, mut store) = store();
        let team = store.create_team("Logteam").unwrap();
        store.rename_team(team.id, "Logteam 2", None).unwrap();
        let entries = store.ledger(team.id).unwrap();
        let kinds: Vec<_> = entries.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [EntryKind::TeamCreated, EntryKind::TeamRenamed]);
        assert_eq!(entries[1].payload["team_name"], "Logteam 2");
        assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));
    }

    #[test]
    fn the_database_refuses_to_change_or_delete_entries() {
        let (_dir, store) = store();
        let demo = store.list_teams().unwrap()[0].id;
        let update = store.conn.execute(
            "UPDATE ledger SET payload = '{}' WHERE team_id = ?1",
            [demo],
        );
        assert!(update.unwrap_err().to_string().contains("append-only"));
        let delete = store
            .conn
            .execute("DELETE FROM ledger WHERE team_id = ?1", [demo]);
        assert!(delete.unwrap_err().to_string().contains("append-only"));
        assert!(!store.ledger(demo).unwrap().is_empty());
    }

    #[test]
    fn a_tampered_entry_is_reported_for_its_team() {
        let (_dir, store) = store();
        let demo = store.list_teams().unwrap()[0].id;
        // Someone with the file and sqlite3 drops the triggers and edits history.
        store
            .conn
            .execute_batch(&format!(
                "DROP TRIGGER ledger_is_append_only_update;
                 UPDATE ledger SET payload = '{{\"team_name\":\"Vervalst\"}}' WHERE team_id = {demo} AND seq = 1;"
            ))
            .unwrap();
        let status = store.verify_ledgers().unwrap();
        let broken = status.iter().find(|s| s.team_id == demo).unwrap();
        assert!(!broken.intact);
        assert!(
            broken.problem.as_ref().unwrap().en.contains('1'),
            "{broken:?}"
        );
    }

    #[test]
    fn a_payload_without_its_required_fields_is_refused_and_nothing_is_written() {
        let (_dir, store) = store();
        let demo = store.list_teams().unwrap()[0].id;
        let before = store.ledger(demo).unwrap().len();
        let err = append(
            &store.conn,
            demo,
            &Actor::System,
            EntryKind::RubricFrozen,
            json!({}),
        )
        .unwrap_err();
        assert!(matches!(err, StoreError::LedgerPayload { .. }), "{err}");
        assert_eq!(store.ledger(demo).unwrap().len(), before);
    }

    #[test]
    fn deleting_a_team_removes_its_log_with_it() {
        let (_dir, mut store) = store();
        let team = store.create_team("Weg").unwrap();
        store.delete_team(team.id, None).unwrap();
        let rows: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM ledger WHERE team_id = ?1",
                [team.id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rows, 0);
    }

    #[test]
    fn checkpoints_list_the_milestones_of_the_demo_team_and_nothing_personal() {
        let (_dir, store) = store();
        let demo = store.list_teams().unwrap()[0].id;
        let entries = store.ledger(demo).unwrap();
        let list = store.checkpoints(demo).unwrap();
        assert!(!list.is_empty());
        for c in &list {
            assert!(c.kind.is_milestone(), "{c:?}");
            let entry = entries.iter().find(|e| e.seq == c.seq).unwrap();
            assert!(c.code.matches(&entry.hash));
        }
        let json = serde_json::to_string(&list).unwrap();
        for name in ["Anneke", "Sanne Hoekstra"] {
            assert!(!json.contains(name), "{json}");
        }
        assert!(matches!(
            store.checkpoints(9999),
            Err(StoreError::NoSuchTeam(9999))
        ));
    }

    #[test]
    fn two_processes_creating_the_key_at_once_end_up_with_the_same_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEY_FILE);
        let keys: Vec<_> = std::thread::scope(|s| {
            let racers: Vec<_> = (0..8)
                .map(|_| s.spawn(|| load_or_create_key(&path).unwrap()))
                .collect();
            racers.into_iter().map(|r| r.join().unwrap()).collect()
        });
        let on_disk = load_or_create_key(&path).unwrap().verifying_key();
        assert!(keys.iter().all(|k| k.verifying_key() == on_disk));
    }

    #[test]
    fn the_installation_key_is_created_once_and_kept_private() {
        let (dir, store) = store();
        let first = store.fingerprint().unwrap();
        assert_eq!(store.fingerprint().unwrap(), first);
        assert_eq!(first.split(' ').count(), 8, "{first}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(KEY_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(KEY_FILE))
            .collect();
        assert_eq!(
            names,
            [KEY_FILE],
            "written under its name, no temporary file left"
        );
        std::fs::write(dir.path().join(KEY_FILE), "niet hex").unwrap();
        assert!(matches!(
            store.signing_key(),
            Err(StoreError::KeyDamaged { .. })
        ));
    }
}
