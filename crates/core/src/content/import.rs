//! Checking one file a trainer imports against everything already installed.
//! A file with an error is refused; a remote image is not an error here but a
//! warning, because the renderer removes it and the module stays usable.

use serde::Serialize;
use ts_rs::TS;

use super::check::load_content;
use super::diagnostic::Diagnostic;
use super::links::{classify, Target};
use super::module::parse_module;
use crate::i18n::Text;

/// The outcome of checking an imported file: it may be installed when `errors` is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportCheck {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

/// Checks `new` (`(path, text)`, a module `modules/NAME.md` or a case
/// `cases/ID.toml`) together with the `installed` modules and cases, which the
/// caller passes without an earlier version of the same file.
///
/// Problems that the installed files have on their own are not the new file's
/// fault and are left out; everything the new file adds is reported.
pub fn check_import(
    installed: &[(&str, &str)],
    rubrics: &[(&str, &str)],
    new: (&str, &str),
) -> ImportCheck {
    let before = load_content(installed, rubrics, &[]).diagnostics;
    let mut files = installed.to_vec();
    files.push(new);
    let after = load_content(&files, rubrics, &[]).diagnostics;

    let remote_images: Vec<(u32, u32, String)> = if new.0.ends_with(".md") {
        parse_module(new.0, new.1)
            .map(|m| {
                m.places
                    .links
                    .iter()
                    .filter(|l| l.image && classify(&l.target) == Target::Remote)
                    .map(|l| (l.place.line, l.place.column, l.target.clone()))
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };

    let mut check = ImportCheck::default();
    for diagnostic in after {
        if before.contains(&diagnostic) {
            continue;
        }
        let remote = remote_images.iter().find(|(line, column, _)| {
            diagnostic.path == new.0 && diagnostic.line == *line && diagnostic.column == *column
        });
        match remote {
            Some((_, _, url)) => check.warnings.push(Diagnostic {
                message: Text::new(
                    format!("afbeelding van internet ({url}) wordt niet getoond: de app gebruikt geen internet"),
                    format!("image from the internet ({url}) is not shown: the app does not use the internet"),
                ),
                ..diagnostic
            }),
            None => check.errors.push(diagnostic),
        }
    }
    check
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUBRIC: &str = "id = \"r\"\ntitle = \"R\"\nversion = 1\n[scale]\nmin = 1\nmax = 5\n[[criteria]]\nid = \"c\"\nname = \"C\"\nweight = 100\n";

    fn module(id: &str, order: u32, body: &str) -> String {
        format!(
            "+++\nid = \"{id}\"\ntitle = \"T\"\nsummary = \"S\"\nminutes = 5\ngoals = [\"G\"]\naudience = [\"negotiator\"]\norder = {order}\n+++\n# T\n\n{body}\n\n## Bronnen\n\n- Bron.\n"
        )
    }

    #[test]
    fn a_clean_module_has_no_errors_and_a_remote_image_only_warns() {
        let old = module("a", 1, "Tekst.");
        let new = module(
            "b",
            2,
            "![foto](https://example.org/x.png)\n\n<script>alert(1)</script>",
        );
        let check = check_import(
            &[("modules/a.md", &old)],
            &[("rubrics/r.toml", RUBRIC)],
            ("modules/b.md", &new),
        );
        assert_eq!(check.errors, vec![]);
        assert_eq!(check.warnings.len(), 1);
        assert_eq!(check.warnings[0].line, 12);
        assert!(check.warnings[0]
            .message
            .en
            .contains("https://example.org/x.png"));
    }

    #[test]
    fn a_clash_with_an_installed_module_is_an_error_in_the_new_file() {
        let old = module("a", 1, "Tekst.");
        let new = module("a", 2, "Tekst.");
        let check = check_import(&[("modules/a.md", &old)], &[], ("modules/b.md", &new));
        assert_eq!(check.errors.len(), 1, "{:?}", check.errors);
        assert_eq!(check.errors[0].path, "modules/b.md");
        assert_eq!(check.errors[0].line, 2);
        assert!(check.errors[0].message.en.contains("already used"));
    }

    #[test]
    fn problems_the_installed_files_already_had_are_not_blamed_on_the_import() {
        let broken = module("a", 1, "[weg](bestaat-niet.md)");
        let new = module("b", 2, "Tekst.");
        let check = check_import(&[("modules/a.md", &broken)], &[], ("modules/b.md", &new));
        assert_eq!(check, ImportCheck::default());
    }
}
