//! The files the app wrote for a team, where the user saved them, so the app can list
//! them again and open their folder. The content of an export is in the team's log;
//! this keeps only the kind, the place and the time.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::{clock, Store};

/// What kind of file an export is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportKind {
    Logboek,
    LogboekWithNames,
    Comparison,
    Rubric,
}

impl ExportKind {
    fn as_str(self) -> &'static str {
        match self {
            ExportKind::Logboek => "logboek",
            ExportKind::LogboekWithNames => "logboek_with_names",
            ExportKind::Comparison => "comparison",
            ExportKind::Rubric => "rubric",
        }
    }

    fn parse(s: &str) -> Option<ExportKind> {
        [
            ExportKind::Logboek,
            ExportKind::LogboekWithNames,
            ExportKind::Comparison,
            ExportKind::Rubric,
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
}
