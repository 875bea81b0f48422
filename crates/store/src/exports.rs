//! The files the app wrote for a team, where the user saved them, so the app can list
//! them again, open their folder and delete them. The content of an export is in the
//! team's log; this keeps only the kind, the place and the time. The copies of the
//! database made before migrations are listed (and deleted) here too.
//!
//! Deleting goes by an export's id or a backup's file name as this store listed it:
//! the store never deletes a path it did not write itself.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::EntryKind;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::error::{Result, StoreError};
use crate::privacy::PrivacyError;
use crate::{clock, ledger, Store};

/// What kind of file an export is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportKind {
    Logboek,
    LogboekWithNames,
    Comparison,
    Rubric,
    PersonalCopy,
    ProcessingRecord,
    Report,
    ReportWithNames,
}

impl ExportKind {
    fn as_str(self) -> &'static str {
        match self {
            ExportKind::Logboek => "logboek",
            ExportKind::LogboekWithNames => "logboek_with_names",
            ExportKind::Comparison => "comparison",
            ExportKind::Rubric => "rubric",
            ExportKind::PersonalCopy => "personal_copy",
            ExportKind::ProcessingRecord => "processing_record",
            ExportKind::Report => "report",
            ExportKind::ReportWithNames => "report_with_names",
        }
    }

    /// Whether a file of this kind may hold a candidate's name or personal data: the
    /// closing step proposes to delete these.
    pub fn may_hold_names(self) -> bool {
        matches!(
            self,
            ExportKind::LogboekWithNames | ExportKind::PersonalCopy | ExportKind::ReportWithNames
        )
    }

    fn parse(s: &str) -> Option<ExportKind> {
        [
            ExportKind::Logboek,
            ExportKind::LogboekWithNames,
            ExportKind::Comparison,
            ExportKind::Rubric,
            ExportKind::PersonalCopy,
            ExportKind::ProcessingRecord,
            ExportKind::Report,
            ExportKind::ReportWithNames,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// One file the app wrote, as the list of earlier exports shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExportRecord {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: ExportKind,
    /// The full path the file was saved to.
    pub path: String,
    /// The folder it is in, and its name: what the list shows.
    pub folder: String,
    pub file_name: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// Whether the file is still there (it may have been moved or deleted since).
    pub exists: bool,
    /// Whether it may hold names or other personal data of candidates.
    pub may_hold_names: bool,
}

/// A copy of the whole database that the app made next to it before a migration. It
/// holds whatever the database held then, every team's personal data included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupRecord {
    /// The file's name in the data folder: what the list shows and what delete names.
    pub file_name: String,
    /// RFC 3339, UTC: when the copy was made.
    pub created_at: String,
}

/// What deleting a listed file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DeletedFile {
    /// The export's kind; `None` for a copy of the database.
    pub kind: Option<ExportKind>,
    pub file_name: String,
    pub created_at: String,
    /// The file was no longer on disk (moved or deleted outside the app); its place in
    /// the list is gone now all the same.
    pub already_gone: bool,
}

/// The moment in a backup's name (`….v3-20261125T091403Z.bak`) as RFC 3339.
fn backup_time(name: &str) -> Option<String> {
    let stamp = name.split('-').nth(1)?.trim_end_matches(".bak");
    let b = stamp.as_bytes();
    if stamp.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let d = |r: std::ops::Range<usize>| {
        stamp
            .get(r)
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))
    };
    Some(format!(
        "{}-{}-{}T{}:{}:{}Z",
        d(0..4)?,
        d(4..6)?,
        d(6..8)?,
        d(9..11)?,
        d(11..13)?,
        d(13..15)?
    ))
}

/// Removes a file; one that is not there any more is reported, not an error.
fn remove(path: &std::path::Path) -> Result<bool> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(false),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(source) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn record(id: i64, kind: ExportKind, path: String, created_at: String) -> ExportRecord {
    let p = std::path::Path::new(&path);
    ExportRecord {
        id,
        kind,
        folder: p
            .parent()
            .map(|d| d.display().to_string())
            .unwrap_or_default(),
        file_name: p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        exists: p.is_file(),
        may_hold_names: kind.may_hold_names(),
        path,
        created_at,
    }
}

impl Store {
    /// Notes a file the app has just written for the team.
    pub fn record_export(
        &mut self,
        team_id: i64,
        kind: ExportKind,
        path: &str,
    ) -> Result<ExportRecord> {
        self.team(team_id)?;
        let at = clock::now();
        self.conn.execute(
            "INSERT INTO exports (team_id, kind, path, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![team_id, kind.as_str(), path, at],
        )?;
        Ok(record(
            self.conn.last_insert_rowid(),
            kind,
            path.to_owned(),
            at,
        ))
    }

    /// The team's earlier exports, newest first.
    pub fn exports(&self, team_id: i64) -> Result<Vec<ExportRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, kind, path, created_at FROM exports WHERE team_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([team_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, kind, path, at) = row?;
            if let Some(kind) = ExportKind::parse(&kind) {
                out.push(record(id, kind, path, at));
            }
        }
        Ok(out)
    }

    /// One of the team's exports by id: the app opens only files it wrote itself.
    pub fn export(&self, team_id: i64, id: i64) -> Result<Option<ExportRecord>> {
        Ok(self.exports(team_id)?.into_iter().find(|e| e.id == id))
    }

    /// The copies of the database made before migrations, oldest first, with the time
    /// each was made.
    pub fn database_backups(&self) -> Result<Vec<BackupRecord>> {
        Ok(self
            .backups()?
            .into_iter()
            .map(|path| {
                let file_name = path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                let created_at = backup_time(&file_name).unwrap_or_default();
                BackupRecord {
                    file_name,
                    created_at,
                }
            })
            .collect())
    }

    /// An officer deletes one of the team's exports, named by its id in the list: the
    /// file goes (if it is still there), its place in the list goes, and the team's log
    /// records the kind and date (never the path, which may hold a name).
    pub fn delete_export(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        id: i64,
    ) -> Result<DeletedFile> {
        let who = self.authorize(team_id, Action::DeleteFile, actor)?;
        let record = self.export(team_id, id)?.ok_or(PrivacyError::UnknownFile)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM exports WHERE id = ?1 AND team_id = ?2",
            params![id, team_id],
        )?;
        // The file goes before the log entry is kept: if it cannot be removed, nothing
        // changes.
        let already_gone = remove(std::path::Path::new(&record.path))?;
        ledger::append(
            &tx,
            team_id,
            &who.ledger,
            EntryKind::FileDeleted,
            json!({
                "file_kind": record.kind.as_str(),
                "created_at": record.created_at,
                "already_gone": already_gone,
            }),
        )?;
        tx.commit()?;
        Ok(DeletedFile {
            kind: Some(record.kind),
            file_name: record.file_name,
            created_at: record.created_at,
            already_gone,
        })
    }

    /// An officer deletes a copy of the database, named as [`Store::database_backups`]
    /// lists it. The copy belongs to no one team, so no team's log records it.
    pub fn delete_backup(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        file_name: &str,
    ) -> Result<DeletedFile> {
        self.authorize(team_id, Action::DeleteFile, actor)?;
        let path = self
            .backups()?
            .into_iter()
            .find(|p| p.file_name().is_some_and(|n| n == file_name))
            .ok_or(PrivacyError::UnknownFile)?;
        let already_gone = remove(&path)?;
        Ok(DeletedFile {
            kind: None,
            file_name: file_name.to_owned(),
            created_at: backup_time(file_name).unwrap_or_default(),
            already_gone,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_are_listed_newest_first_per_team_and_say_whether_the_file_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let team = store.list_teams().unwrap()[0].id;
        let saved = dir.path().join("Maatstaf").join("logboek.jsonl");
        std::fs::create_dir_all(saved.parent().unwrap()).unwrap();
        std::fs::write(&saved, "{}").unwrap();
        let first = store
            .record_export(team, ExportKind::Logboek, &saved.display().to_string())
            .unwrap();
        assert_eq!(first.file_name, "logboek.jsonl");
        assert_eq!(
            first.folder,
            dir.path().join("Maatstaf").display().to_string()
        );
        assert!(first.exists);
        let gone = dir.path().join("weg.html").display().to_string();
        store
            .record_export(team, ExportKind::Comparison, &gone)
            .unwrap();
        let list = store.exports(team).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].kind, ExportKind::Comparison);
        assert!(!list[0].exists);
        assert_eq!(
            store.export(team, first.id).unwrap().unwrap().path,
            first.path
        );
        assert!(store.export(team + 1000, first.id).unwrap().is_none());
        assert!(store
            .record_export(team + 1000, ExportKind::Rubric, "/x")
            .is_err());
    }

    use crate::error::StoreError;
    use crate::fixtures::{demo_member, demo_team};
    use maatstaf_core::team::Role;

    fn saved(dir: &std::path::Path, name: &str) -> String {
        let path = dir.join("Maatstaf").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "Kees Brouwer").unwrap();
        path.display().to_string()
    }

    #[test]
    fn an_officer_deletes_a_listed_export_and_the_log_records_its_kind_and_date_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let team = demo_team(&store);
        let secretary = demo_member(&store, team, Role::Secretary);
        let assessor = demo_member(&store, team, Role::Assessor);
        let path = saved(dir.path(), "kopie-Kees-Brouwer.html");
        let other = saved(dir.path(), "logboek.jsonl");
        let copy = store
            .record_export(team, ExportKind::PersonalCopy, &path)
            .unwrap();
        assert!(copy.may_hold_names);
        store
            .record_export(team, ExportKind::Logboek, &other)
            .unwrap();

        // An assessor may not delete; the file and the list stay.
        assert!(matches!(
            store.delete_export(team, Some(assessor), copy.id),
            Err(StoreError::Access(_))
        ));
        assert!(std::path::Path::new(&path).exists());

        let deleted = store.delete_export(team, Some(secretary), copy.id).unwrap();
        assert_eq!(deleted.kind, Some(ExportKind::PersonalCopy));
        assert!(!deleted.already_gone);
        assert!(!std::path::Path::new(&path).exists());
        assert!(std::path::Path::new(&other).exists());
        let list = store.exports(team).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].kind, ExportKind::Logboek);

        let entry = store.ledger(team).unwrap().pop().unwrap();
        assert_eq!(entry.kind, EntryKind::FileDeleted);
        assert_eq!(entry.payload["file_kind"], "personal_copy");
        assert_eq!(entry.payload["created_at"], copy.created_at.as_str());
        let logged = entry.payload.to_string();
        assert!(
            !logged.contains("Kees") && !logged.contains("Maatstaf"),
            "{logged}"
        );
    }

    #[test]
    fn an_unknown_id_or_another_teams_export_is_refused_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let team = demo_team(&store);
        let secretary = demo_member(&store, team, Role::Secretary);
        let path = saved(dir.path(), "vergelijkingsblad.html");
        let sheet = store
            .record_export(team, ExportKind::Comparison, &path)
            .unwrap();
        let other_team = store.create_team("Andere fractie").unwrap().id;
        let theirs = store
            .record_export(other_team, ExportKind::Rubric, &path)
            .unwrap();
        let log_before = store.ledger(team).unwrap().len();
        for id in [sheet.id + 1000, theirs.id] {
            let refused = store.delete_export(team, Some(secretary), id);
            let Err(StoreError::Privacy(e)) = refused else {
                panic!("{refused:?}");
            };
            assert_eq!(e, PrivacyError::UnknownFile);
            assert!(e.text().nl.contains("niets verwijderd"));
        }
        assert!(std::path::Path::new(&path).exists());
        assert_eq!(store.exports(team).unwrap().len(), 1);
        assert_eq!(store.exports(other_team).unwrap().len(), 1);
        assert_eq!(store.ledger(team).unwrap().len(), log_before);
    }

    #[test]
    fn a_file_already_gone_from_disk_is_reported_and_its_place_in_the_list_goes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let team = demo_team(&store);
        let secretary = demo_member(&store, team, Role::Secretary);
        let path = saved(dir.path(), "logboek-met-namen.jsonl");
        let export = store
            .record_export(team, ExportKind::LogboekWithNames, &path)
            .unwrap();
        std::fs::remove_file(&path).unwrap();
        assert!(!store.exports(team).unwrap()[0].exists);
        let deleted = store
            .delete_export(team, Some(secretary), export.id)
            .unwrap();
        assert!(deleted.already_gone);
        assert!(store.exports(team).unwrap().is_empty());
        let entry = store.ledger(team).unwrap().pop().unwrap();
        assert_eq!(entry.payload["already_gone"], true);
    }

    #[test]
    fn backups_are_listed_with_their_date_and_only_a_listed_one_can_be_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let team = demo_team(&store);
        let chair = demo_member(&store, team, Role::Chair);
        let name = format!("{}.v8-20261101T090000Z.bak", crate::DB_FILE);
        std::fs::write(dir.path().join(&name), b"Kees Brouwer").unwrap();
        let outside = dir.path().join("notities.bak");
        std::fs::write(&outside, b"x").unwrap();
        let list = store.database_backups().unwrap();
        assert_eq!(
            list,
            vec![BackupRecord {
                file_name: name.clone(),
                created_at: "2026-11-01T09:00:00Z".into(),
            }]
        );
        for bad in ["notities.bak", "../notities.bak", "maatstaf.sqlite3"] {
            assert!(matches!(
                store.delete_backup(team, Some(chair), bad),
                Err(StoreError::Privacy(PrivacyError::UnknownFile))
            ));
        }
        assert!(outside.exists());
        assert!(store.delete_backup(team, None, &name).is_err());
        let deleted = store.delete_backup(team, Some(chair), &name).unwrap();
        assert_eq!(deleted.kind, None);
        assert_eq!(deleted.created_at, "2026-11-01T09:00:00Z");
        assert!(!dir.path().join(&name).exists());
        assert!(store.database_backups().unwrap().is_empty());
    }
}
