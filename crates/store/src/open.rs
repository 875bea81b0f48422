//! Opening the data folder: refuse damaged or newer files without touching
//! them, copy the file before any migration, then migrate and seed the demo.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};

use crate::error::{Result, StoreError};
use crate::ledger::KEY_FILE;
use crate::private_files::{create_private_dir, create_private_file, restrict_file};
use crate::{clock, demo_seed, Store};

pub const DB_FILE: &str = "maatstaf.sqlite3";

/// Environment variable that points the app and the CLI at another data folder.
pub const DATA_DIR_ENV: &str = "MAATSTAF_DATA_DIR";

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_teams.sql"),
    include_str!("migrations/0002_ledger.sql"),
    include_str!("migrations/0003_rubrics.sql"),
    include_str!("migrations/0004_candidates.sql"),
    include_str!("migrations/0005_training.sql"),
    include_str!("migrations/0006_scoring.sql"),
    include_str!("migrations/0007_consistency.sql"),
    include_str!("migrations/0008_access.sql"),
    include_str!("migrations/0009_sealing.sql"),
    include_str!("migrations/0010_privacy.sql"),
    include_str!("migrations/0011_exports.sql"),
    include_str!("migrations/0012_packages.sql"),
    include_str!("migrations/0013_exports_kinds.sql"),
    include_str!("migrations/0014_decision_report.sql"),
    include_str!("migrations/0015_posts.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The newest schema version this build knows.
pub fn latest_schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The folder the app and the CLI share: `MAATSTAF_DATA_DIR`, or the platform's
/// app-data folder (`~/.local/share/maatstaf` on Linux).
pub fn default_data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("nl", "Maatstaf", "maatstaf").map(|p| p.data_dir().to_path_buf())
}

impl Store {
    /// Opens (creating if needed) the database in `dir`. A fresh folder gets the demo team.
    pub fn open_in(dir: &Path) -> Result<Store> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Io { path, source }
        };
        create_private_dir(dir).map_err(io(dir))?;
        let path = dir.join(DB_FILE);
        let existing = match std::fs::metadata(&path) {
            Ok(meta) if meta.len() > 0 => Some(inspect(&path)?),
            Ok(_) => None,
            // SQLite gives its WAL and SHM files the database file's permissions, so a
            // private empty file made first keeps all three private. Another process
            // creating it at the same moment is just as good.
            Err(_) => match create_private_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                    return Err(io(&path)(e))
                }
                _ => None,
            },
        };
        restrict_existing_files(dir).map_err(io(dir))?;
        let mut conn = Connection::open(&path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Deleted rows (a removed candidate, a deleted team) are overwritten with zeros
        // rather than left readable in free pages of the file.
        conn.pragma_update(None, "secure_delete", "ON")?;
        // Scores and ledger entries must survive a power cut or a killed process.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        if let Some(version) = existing.filter(|v| (1..latest_schema_version()).contains(v)) {
            back_up(&conn, dir, version)?;
        }
        migrations().to_latest(&mut conn)?;
        let mut store = Store {
            conn,
            path,
            interface: crate::access::Interface::App,
        };
        demo_seed::seed_once(&mut store)?;
        crate::training::install_bundled(&mut store)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// SQLite's own integrity check plus the schema version, for `maatstaf db check`.
    pub fn check(&self) -> Result<DbCheck> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let problems: Vec<String> = stmt
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<_>>()?;
        let ok = problems.len() == 1 && problems[0] == "ok";
        Ok(DbCheck {
            path: self.path.clone(),
            ok,
            problems: if ok { Vec::new() } else { problems },
            schema_version: self.schema_version()?,
            latest_schema_version: latest_schema_version(),
        })
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

/// Files an earlier version may have left readable by others: the database with its WAL
/// and SHM, the key file and the copies made before migrations.
fn restrict_existing_files(dir: &Path) -> std::io::Result<()> {
    for name in [
        DB_FILE.to_owned(),
        format!("{DB_FILE}-wal"),
        format!("{DB_FILE}-shm"),
        KEY_FILE.to_owned(),
    ] {
        restrict_file(&dir.join(name))?;
    }
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(DB_FILE) && name.ends_with(".bak") {
            restrict_file(&dir.join(name.as_ref()))?;
        }
    }
    Ok(())
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct DbCheck {
    pub path: PathBuf,
    pub ok: bool,
    pub problems: Vec<String>,
    pub schema_version: i64,
    pub latest_schema_version: i64,
}

/// Looks at an existing file read-only, so that a file we refuse stays byte-for-byte as it was.
fn inspect(path: &Path) -> Result<i64> {
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| corrupt(e.to_string()))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| corrupt(e.to_string()))?;
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| corrupt(e.to_string()))?;
    if check != "ok" {
        return Err(corrupt(check));
    }
    if version == 0 {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(|e| corrupt(e.to_string()))?;
        if tables > 0 {
            return Err(corrupt("it holds tables of another program".into()));
        }
    }
    if version > latest_schema_version() {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: latest_schema_version(),
        });
    }
    Ok(version)
}

/// A consistent copy of the whole database, next to it, before its schema changes.
fn back_up(conn: &Connection, dir: &Path, version: i64) -> Result<PathBuf> {
    let stamp = clock::file_stamp();
    let mut target = dir.join(format!("{DB_FILE}.v{version}-{stamp}.bak"));
    let mut n = 1;
    while target.exists() {
        target = dir.join(format!("{DB_FILE}.v{version}-{stamp}-{n}.bak"));
        n += 1;
    }
    // VACUUM INTO fills an empty file, so the copy is private from its first byte.
    create_private_file(&target).map_err(|source| StoreError::Io {
        path: target.clone(),
        source,
    })?;
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_folder_gets_the_schema_and_the_pragmas() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_schema_version());
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        let sync: i64 = store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "synchronous=FULL");
        assert!(store.check().unwrap().ok);
    }

    #[test]
    fn deleted_rows_are_overwritten_not_left_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let on = |store: &Store| -> i64 {
            store
                .conn
                .query_row("PRAGMA secure_delete", [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(on(&store), 1);
        let marker = "Kwetsbaar-Geheim-Teamnaam-7Q2MZ";
        let team = store.create_team(marker).unwrap();
        store
            .conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        let bytes = std::fs::read(dir.path().join(DB_FILE)).unwrap();
        assert!(
            bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
            "the name is in the file before deletion"
        );
        store.delete_team(team.id, None).unwrap();
        store
            .conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        for name in [DB_FILE.to_owned(), format!("{DB_FILE}-wal")] {
            let bytes = std::fs::read(dir.path().join(&name)).unwrap_or_default();
            assert!(
                !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
                "{name} still holds the deleted team's name"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_data_folder_is_private_and_so_are_its_files() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("maatstaf");
        let store = Store::open_in(&dir).unwrap();
        store.fingerprint().unwrap();
        assert_eq!(mode(&dir), 0o700);
        for name in [
            DB_FILE.to_owned(),
            format!("{DB_FILE}-wal"),
            format!("{DB_FILE}-shm"),
            KEY_FILE.to_owned(),
        ] {
            assert_eq!(mode(&dir.join(&name)), 0o600, "{name}");
        }
        let copy = back_up(&store.conn, &dir, 1).unwrap();
        assert_eq!(mode(&copy), 0o600, "a backup is as private as the database");
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_left_open_by_an_earlier_version_is_closed_on_opening() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let open = |p: &Path, m: u32| {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
        };
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let copy = back_up(&store.conn, dir.path(), 1).unwrap();
        store.fingerprint().unwrap();
        drop(store);
        open(dir.path(), 0o755);
        for name in [DB_FILE, KEY_FILE] {
            open(&dir.path().join(name), 0o644);
        }
        open(&copy, 0o644);
        Store::open_in(dir.path()).unwrap();
        assert_eq!(mode(dir.path()), 0o700);
        for path in [dir.path().join(DB_FILE), dir.path().join(KEY_FILE), copy] {
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
    }

    #[test]
    fn a_damaged_file_is_refused_and_left_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        let garbage = b"this is not a database, it is a shopping list\n".repeat(200);
        std::fs::write(&path, &garbage).unwrap();
        let err = Store::open_in(dir.path()).unwrap_err();
        assert!(
            matches!(err, StoreError::Corrupt { ref path, .. } if path.ends_with(DB_FILE)),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), garbage);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no side files"
        );
    }

    #[test]
    fn a_file_from_a_newer_version_is_refused_and_left_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open_in(dir.path()).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn another_programs_database_is_not_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE photos (x);")
            .unwrap();
        let err = Store::open_in(dir.path()).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    }

    #[test]
    fn reopening_keeps_data_and_makes_no_backup_without_a_migration() {
        let dir = tempfile::tempdir().unwrap();
        let id = Store::open_in(dir.path())
            .unwrap()
            .create_team("Blijft")
            .unwrap()
            .id;
        let store = Store::open_in(dir.path()).unwrap();
        assert_eq!(store.team_detail(id).unwrap().team.name, "Blijft");
        let baks = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".bak")
            })
            .count();
        assert_eq!(baks, 0);
    }

    #[test]
    fn an_older_schema_is_copied_before_it_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        {
            let mut conn = Connection::open(&path).unwrap();
            migrations().to_version(&mut conn, 1).unwrap();
            conn.execute(
                "INSERT INTO teams (name, created_at) VALUES ('Van voor de update', '2026-03-19T10:00:00Z')",
                [],
            )
            .unwrap();
        }
        let store = Store::open_in(dir.path()).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_schema_version());
        assert!(store
            .list_teams()
            .unwrap()
            .iter()
            .any(|t| t.name == "Van voor de update"));
        let baks: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("maatstaf.sqlite3.v1-") && n.ends_with(".bak"))
            .collect();
        assert_eq!(baks.len(), 1, "{baks:?}");
        let copy = Connection::open(dir.path().join(&baks[0])).unwrap();
        let version: i64 = copy
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            version, 1,
            "the copy is the database as it was before the migration"
        );
    }

    #[test]
    fn a_backup_is_a_full_consistent_copy() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let copy = back_up(&store.conn, dir.path(), 1).unwrap();
        assert!(copy
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("maatstaf.sqlite3.v1-"));
        let conn = Connection::open(&copy).unwrap();
        let teams: i64 = conn
            .query_row("SELECT count(*) FROM teams", [], |r| r.get(0))
            .unwrap();
        assert_eq!(teams, 1, "the copy holds the demo team");
        let second = back_up(&store.conn, dir.path(), 1).unwrap();
        assert_ne!(copy, second, "a second copy never overwrites the first");
    }

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }
}
