//! Small per-installation preferences.

use maatstaf_core::i18n::Lang;
use rusqlite::{params, OptionalExtension};

use crate::error::Result;
use crate::Store;

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// The interface language; Dutch until someone switches.
    pub fn language(&self) -> Result<Lang> {
        Ok(self
            .setting("language")?
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or_default())
    }

    pub fn set_language(&mut self, lang: Lang) -> Result<()> {
        self.set_setting("language", lang.as_str())
    }

    /// Whether someone finished or skipped the first-run tour in this data folder.
    pub fn tour_seen(&self) -> Result<bool> {
        Ok(self.setting("tour_seen")?.is_some())
    }

    pub fn set_tour_seen(&mut self) -> Result<()> {
        self.set_setting("tour_seen", "1")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_dutch_until_switched_and_then_persists() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        assert_eq!(store.language().unwrap(), Lang::Nl);
        store.set_language(Lang::En).unwrap();
        drop(store);
        assert_eq!(
            Store::open_in(dir.path()).unwrap().language().unwrap(),
            Lang::En
        );
    }

    #[test]
    fn the_tour_shows_on_a_fresh_data_folder_until_it_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        assert!(!store.tour_seen().unwrap());
        store.set_tour_seen().unwrap();
        drop(store);
        assert!(Store::open_in(dir.path()).unwrap().tour_seen().unwrap());
    }
}
