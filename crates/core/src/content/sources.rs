//! The source register: one bibliography (`content/sources.toml`) that every
//! factual claim in the modules and lexicon headers points into with a claim
//! marker, `[@id]` or `[@id; @other]`. A trainer who is asked "where does that
//! figure come from?" finds the answer in one place, and the check catches a
//! marker whose entry is missing and an entry that nothing cites any more.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::diagnostic::{toml_error, Diagnostic, Embedded, Source, TomlProblem};
use super::exercise::{require_id, require_text};
use crate::i18n::Text;

/// The file name of the register in a content folder.
pub const REGISTER_FILE: &str = "sources.toml";

/// One entry of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceEntry {
    pub id: String,
    /// Authors or the issuing body, as they should be printed.
    pub author: String,
    pub title: String,
    /// `None` for an undated text; it prints as "z.j." (zonder jaartal).
    pub year: Option<u16>,
    /// A more precise date or the issue, when the year alone is ambiguous ("maart 2026").
    pub date: Option<String>,
    /// Journal, publisher or series.
    pub published_in: Option<String>,
    /// Kamerstuk number, such as "Kamerstukken II 2018/19, 30420, nr. 328".
    pub kamerstuk: Option<String>,
    pub doi: Option<String>,
    pub url: Option<String>,
}

impl SourceEntry {
    /// The entry as one line of a source list, without markup.
    pub fn citation(&self) -> String {
        let year = self.year.map_or("z.j.".to_owned(), |y| y.to_string());
        let mut out = format!("{} ({year}). {}.", self.author, self.title);
        for part in [&self.published_in, &self.date, &self.kamerstuk]
            .into_iter()
            .flatten()
        {
            out.push(' ');
            out.push_str(part);
            out.push('.');
        }
        if let Some(doi) = &self.doi {
            out.push_str(&format!(" doi:{doi}."));
        }
        if let Some(url) = &self.url {
            out.push(' ');
            out.push_str(url);
        }
        out
    }
}

/// The parsed register, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Register {
    pub entries: Vec<SourceEntry>,
    /// Where each entry's id stands, for "nobody cites this entry".
    pub(crate) id_places: Vec<(u32, u32)>,
}

impl Register {
    pub fn get(&self, id: &str) -> Option<&SourceEntry> {
        self.entries.iter().find(|e| e.id == id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterRaw {
    source: Vec<EntryRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryRaw {
    id: Spanned<String>,
    author: Spanned<String>,
    title: Spanned<String>,
    year: Option<Spanned<i64>>,
    date: Option<String>,
    published_in: Option<String>,
    kamerstuk: Option<String>,
    doi: Option<String>,
    url: Option<String>,
}

/// Parses the register. `path` is only used in the diagnostics.
pub fn parse_register(path: &str, text: &str) -> Result<Register, Vec<Diagnostic>> {
    let source = Source::new(path, text);
    let whole = Embedded::at(0);
    let raw: RegisterRaw =
        toml::from_str(text).map_err(|e| vec![toml_error(&e).into_diagnostic(&source, &whole)])?;
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for entry in &raw.source {
        require_id(&entry.id, "id", &mut problems);
        if !seen.insert(entry.id.get_ref().clone()) {
            problems.push(TomlProblem::new(
                entry.id.span().start,
                Text::new(
                    format!(
                        "bron-id \"{}\" staat al eerder in het register",
                        entry.id.get_ref()
                    ),
                    format!(
                        "source id \"{}\" is already in the register",
                        entry.id.get_ref()
                    ),
                ),
            ));
        }
        require_text(&entry.author, "author", &mut problems);
        require_text(&entry.title, "title", &mut problems);
        let year = entry.year.as_ref().map(|y| (*y.get_ref(), y.span().start));
        if let Some((year, at)) = year.filter(|(y, _)| !(1800..=2100).contains(y)) {
            problems.push(TomlProblem::new(
                at,
                Text::new(
                    format!("`year` moet een jaartal zijn, niet {year}"),
                    format!("`year` must be a year, not {year}"),
                ),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|p| p.into_diagnostic(&source, &whole))
            .collect());
    }
    let id_places = raw
        .source
        .iter()
        .map(|e| source.position(e.id.span().start))
        .collect();
    let entries = raw
        .source
        .into_iter()
        .map(|e| SourceEntry {
            id: e.id.into_inner(),
            author: e.author.into_inner(),
            title: e.title.into_inner(),
            year: e.year.map(|y| *y.get_ref() as u16),
            date: e.date,
            published_in: e.published_in,
            kamerstuk: e.kamerstuk,
            doi: e.doi,
            url: e.url,
        })
        .collect();
    Ok(Register { entries, id_places })
}

static BUNDLED_TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../content/sources.toml"
));

static BUNDLED: LazyLock<Register> =
    LazyLock::new(|| parse_register(REGISTER_FILE, BUNDLED_TEXT).unwrap_or_default());

/// The register that ships with the app. Modules render their source lists
/// from it; a broken bundled register is caught by the bundle's own test.
pub fn bundled_register() -> &'static Register {
    &BUNDLED
}

/// The text of the bundled register, as `content/sources.toml` holds it.
pub fn bundled_register_text() -> &'static str {
    BUNDLED_TEXT
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[@([a-z0-9-]+)((?:\s*;\s*@[a-z0-9-]+)*)\]").expect("valid marker pattern")
});

/// A claim marker in a text: the byte range of the whole `[@…]` and the ids it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    pub start: usize,
    pub end: usize,
    /// Each id with its byte offset in the text.
    pub ids: Vec<(String, usize)>,
}

/// Every claim marker in `text`, in order.
pub(crate) fn markers(text: &str) -> Vec<Marker> {
    MARKER
        .captures_iter(text)
        .map(|c| {
            let whole = c.get(0).expect("group 0 always matches");
            let mut ids = Vec::new();
            if let Some(first) = c.get(1) {
                ids.push((first.as_str().to_owned(), first.start()));
            }
            if let Some(rest) = c.get(2) {
                let mut at = rest.start();
                for piece in rest.as_str().split(';') {
                    let trimmed = piece.trim_start();
                    let offset = at + (piece.len() - trimmed.len());
                    if let Some(id) = trimmed.trim_end().strip_prefix('@') {
                        ids.push((id.to_owned(), offset + 1));
                    }
                    at += piece.len() + 1;
                }
            }
            Marker {
                start: whole.start(),
                end: whole.end(),
                ids,
            }
        })
        .collect()
}

/// Figures taken from the policy sources (the Kamerbrieven and Staat van het
/// Bestuur). A paragraph that names one must cite where it comes from: these
/// are the figures that were attributed to the wrong source before.
static POLICY_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|[^\d,.])(",
        r"(?:0,5|3|4|6|24|25,2|27|31|32|37|55|57|74|81|83|97)\s?(?:%|procent)",
        r"|40\s?(?:–|-|en|tot)\s?60\s?(?:%|procent)?",
        r"|53,5|55,5",
        r"|tien\s+maal",
        r")"
    ))
    .expect("valid figure pattern")
});

/// Policy figures in `block` as `(offset, figure)`, unless the block carries a claim marker.
pub(crate) fn uncited_figures(block: &str) -> Vec<(usize, String)> {
    if MARKER.is_match(block) {
        return Vec::new();
    }
    POLICY_FIGURE
        .captures_iter(block)
        .filter_map(|c| c.get(1))
        .map(|m| (m.start(), m.as_str().to_owned()))
        .collect()
}

/// The message for a policy figure without a marker.
pub(crate) fn uncited_message(figure: &str) -> Text {
    Text::new(
        format!(
            "het cijfer \"{figure}\" komt uit de beleidsbronnen: zet in dezelfde alinea een bronmarkering zoals [@kamerbrief-diversiteit-2026]"
        ),
        format!(
            "the figure \"{figure}\" comes from the policy sources: put a source marker such as [@kamerbrief-diversiteit-2026] in the same paragraph"
        ),
    )
}

/// The message for a marker whose id is not in the register.
pub(crate) fn unknown_message(id: &str) -> Text {
    Text::new(
        format!("bron \"{id}\" staat niet in het bronnenregister (content/{REGISTER_FILE})"),
        format!("source \"{id}\" is not in the source register (content/{REGISTER_FILE})"),
    )
}

/// The comment block at the top of a lexicon file: where its sources are named.
pub(crate) fn lexicon_header(text: &str) -> &str {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            end += line.len();
        } else {
            break;
        }
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_name_one_or_more_ids_with_their_offsets() {
        let text = "Zo [@a-1] en zo [@b; @c-2].";
        let found = markers(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].ids, vec![("a-1".to_owned(), 5)]);
        assert_eq!(&text[found[1].start..found[1].end], "[@b; @c-2]");
        let ids: Vec<&str> = found[1]
            .ids
            .iter()
            .map(|(id, at)| {
                assert_eq!(&text[*at..*at + id.len()], id);
                id.as_str()
            })
            .collect();
        assert_eq!(ids, ["b", "c-2"]);
    }

    #[test]
    fn links_and_footnotes_are_not_markers() {
        assert!(markers("[tekst](https://x.nl) en [^1] en [@ ruimte]").is_empty());
    }

    #[test]
    fn policy_figures_need_a_marker_in_their_block() {
        let found = uncited_figures(
            "Van de wethouders is 27% vrouw en 3 procent heeft een migratieachtergrond.",
        );
        let figures: Vec<&str> = found.iter().map(|(_, f)| f.as_str()).collect();
        assert_eq!(figures, ["27%", "3 procent"]);
        assert!(uncited_figures("Van de wethouders is 27% vrouw [@x].").is_empty());
        // Other numbers are not policy figures.
        assert!(uncited_figures("Een correlatie van 0,3% en 13% en 127 procent.").is_empty());
        assert_eq!(uncited_figures("tussen 40 en 60 procent").len(), 1);
        assert_eq!(uncited_figures("gemiddeld 53,5 jaar").len(), 1);
    }

    #[test]
    fn the_lexicon_header_stops_at_the_first_setting() {
        let text = "# Bron [@a]\n#\n\n[defaults]\n# later [@b]\n";
        assert_eq!(lexicon_header(text), "# Bron [@a]\n#\n\n");
    }

    #[test]
    fn a_register_needs_unique_ids_and_real_years() {
        let text = "[[source]]\nid = \"a\"\nauthor = \"X\"\ntitle = \"T\"\nyear = 2020\n\n[[source]]\nid = \"a\"\nauthor = \"Y\"\ntitle = \"U\"\nyear = 20\n";
        let problems = parse_register("sources.toml", text).unwrap_err();
        let lines: Vec<u32> = problems.iter().map(|d| d.line).collect();
        assert_eq!(lines, [8, 11]);
    }

    #[test]
    fn a_citation_prints_the_parts_that_are_there() {
        let text = "[[source]]\nid = \"k\"\nauthor = \"Minister van BZK\"\ntitle = \"Brief\"\nyear = 2019\nkamerstuk = \"Kamerstukken II 2018/19, 30420, nr. 328\"\n";
        let register = parse_register("sources.toml", text).unwrap();
        assert_eq!(
            register.entries[0].citation(),
            "Minister van BZK (2019). Brief. Kamerstukken II 2018/19, 30420, nr. 328."
        );
    }
}
