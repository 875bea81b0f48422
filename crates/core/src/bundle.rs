//! The training content that ships inside the binary: modules, practice cases
//! and rubrics from the repository's `content/` folder, embedded at compile time.
//! The store installs them on first start and after an upgrade.

use include_dir::{include_dir, Dir};

use crate::content::{parse_help, RenderedHelp};
use crate::i18n::Lang;

static MODULES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../content/modules");
static CASES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../content/cases");
static RUBRICS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../content/rubrics");
static HELP: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../content/help");

/// `(path, text)` of the files in `dir` ending in `ext`, sorted by path. Paths
/// are `folder/name` as in a content folder, so cross-file checks resolve them.
fn files(dir: &'static Dir<'static>, folder: &str, ext: &str) -> Vec<(String, &'static str)> {
    let mut files: Vec<(String, &'static str)> = dir
        .files()
        .filter_map(|file| {
            let name = file.path().file_name()?.to_str()?;
            let text = file.contents_utf8()?;
            name.ends_with(ext)
                .then(|| (format!("{folder}/{name}"), text))
        })
        .collect();
    files.sort();
    files
}

/// The bundled training modules, as `("modules/NAME.md", text)`.
pub fn bundled_modules() -> Vec<(String, &'static str)> {
    files(&MODULES, "modules", ".md")
}

/// The bundled practice cases, as `("cases/ID.toml", text)`.
pub fn bundled_cases() -> Vec<(String, &'static str)> {
    files(&CASES, "cases", ".toml")
}

/// The bundled rubrics, as `("rubrics/ID.toml", text)`.
pub fn bundled_rubrics() -> Vec<(String, &'static str)> {
    files(&RUBRICS, "rubrics", ".toml")
}

/// The bundled help pages, as `("help/AREA.LANG.md", text)`.
pub fn bundled_help() -> Vec<(String, &'static str)> {
    files(&HELP, "help", ".md")
}

/// The bundled help page of an area in a language, rendered; `None` for an unknown area.
pub fn help_page(area: &str, lang: Lang) -> Option<RenderedHelp> {
    let path = format!("help/{area}.{}.md", lang.as_str());
    let (path, text) = bundled_help().into_iter().find(|(p, _)| *p == path)?;
    parse_help(&path, text).ok().map(|page| page.render())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_content;

    #[test]
    fn the_bundle_holds_every_content_file_and_checks_clean() {
        let modules = bundled_modules();
        let cases = bundled_cases();
        let rubrics = bundled_rubrics();
        assert!(modules.len() >= 12, "{} modules", modules.len());
        assert!(cases.len() >= 2);
        assert!(rubrics.len() >= 5);
        assert!(
            rubrics.iter().all(|(p, _)| p.ends_with(".toml")),
            "no README"
        );
        let help = bundled_help();
        let files: Vec<(&str, &str)> = modules
            .iter()
            .chain(&cases)
            .chain(&help)
            .map(|(p, t)| (p.as_str(), *t))
            .collect();
        let rubrics: Vec<(&str, &str)> = rubrics.iter().map(|(p, t)| (p.as_str(), *t)).collect();
        let set = load_content(&files, &rubrics, &[]);
        assert_eq!(set.diagnostics, vec![]);
        assert_eq!(set.modules.len(), modules.len());
        assert_eq!(set.cases.len(), cases.len());
        assert_eq!(set.help.len(), crate::content::HELP_AREAS.len() * 2);
    }

    #[test]
    fn every_area_has_its_help_in_both_languages() {
        for area in crate::content::HELP_AREAS {
            let nl = help_page(area, Lang::Nl).unwrap_or_else(|| panic!("{area}.nl"));
            let en = help_page(area, Lang::En).unwrap_or_else(|| panic!("{area}.en"));
            assert!(nl.html.contains("Wat in het logboek komt"), "{area}");
            assert!(en.html.contains("What the log records"), "{area}");
            assert_ne!(nl.html, en.html, "{area} is translated");
        }
        assert_eq!(help_page("kantine", Lang::Nl), None);
    }
}
