//! Files in the data folder that only this user may read: the folder 0700, its files 0600.
//!
//! Permissions are set when a file is made (before anything is written to it), not
//! afterwards, so there is no moment at which another account on the laptop could open it.
//! The process umask is left alone: it is shared by every thread of the app.
//! On other systems than Unix the user's profile folder already keeps other accounts out.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Creates `dir` (and its parents) if needed, and makes `dir` itself 0700, also when it
/// already existed with looser permissions from an earlier version.
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    restrict(dir, 0o700)
}

/// Creates an empty file readable only by this user, failing if it exists.
pub(crate) fn create_private_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Makes an existing file 0600 (a file left by an earlier version); a missing one is fine.
pub(crate) fn restrict_file(path: &Path) -> io::Result<()> {
    match restrict(path, 0o600) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let current = std::fs::metadata(path)?.permissions().mode() & 0o777;
    if current == mode {
        return Ok(());
    }
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(path: &Path, _mode: u32) -> io::Result<()> {
    std::fs::metadata(path).map(|_| ())
}

/// Writes `path` so that it either does not exist or holds all of `bytes`, never part:
/// a temporary file is written and synced, then linked into place, then the folder is
/// synced so the new name survives a power cut. Linking refuses to replace an existing
/// file, so when two processes race (the app and the CLI on first use), exactly one wins
/// and the other gets `AlreadyExists` and should read the winner's file.
pub(crate) fn write_new_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{:016x}.tmp", rand::random::<u64>()));
    let written = (|| {
        let mut file = create_private_file(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        match std::fs::hard_link(&temp, path) {
            // A file system without hard links (FAT on a USB stick) gets a plain rename;
            // there a racing writer is caught only by the existence check just before.
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists && !path.exists() => {
                std::fs::rename(&temp, path)
            }
            linked => linked,
        }
    })();
    // The temporary name goes in every case; the content lives on under `path` if linked.
    let _ = std::fs::remove_file(&temp);
    written?;
    sync_dir(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_never_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sleutel");
        write_new_atomically(&path, b"eerste").unwrap();
        let err = write_new_atomically(&path, b"tweede").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"eerste");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["sleutel"], "no temporary files left behind");
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_becomes_0700_and_files_0600() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a").join("maatstaf");
        create_private_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        create_private_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700, "an older, looser folder is tightened");

        let file = dir.join("f");
        drop(create_private_file(&file).unwrap());
        assert_eq!(mode(&file), 0o600);
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        restrict_file(&file).unwrap();
        assert_eq!(mode(&file), 0o600);
        restrict_file(&dir.join("bestaat-niet")).unwrap();

        let key = dir.join("k");
        write_new_atomically(&key, b"x").unwrap();
        assert_eq!(mode(&key), 0o600);
    }
}
