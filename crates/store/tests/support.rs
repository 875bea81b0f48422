//! What the store's integration tests share. The demo team and its members come from
//! `maatstaf_store::fixtures`, which the end-to-end suite uses too.

use maatstaf_store::Store;

/// A fresh store in a temporary data folder, holding the bundled demo team; keep the
/// folder alive as long as the store.
pub fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    (dir, store)
}
