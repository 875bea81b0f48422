//! Help pages: one short page per area of the app, in Dutch and English, at
//! `help/<area>.<lang>.md`. They are Markdown like the modules and are rendered
//! by the same sanitising engine. Each page says what the area is for, the
//! steps, and what the area records in the log, under three fixed headings, so
//! a user finds the same answer in the same place on every page.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::Serialize;
use ts_rs::TS;

use super::diagnostic::{Diagnostic, Source};
use super::links::{classify, Target};
use super::module::markdown_options;
use super::render::render_markdown;
use crate::i18n::{Lang, Text};

/// The app's areas, in menu order, each of which has a help page per language.
pub const HELP_AREAS: [&str; 8] = [
    "teams",
    "training",
    "rubrics",
    "candidates",
    "scoring",
    "own",
    "consistency",
    "about",
];

/// The `##` sections every help page has, in this order.
fn required_sections(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Nl => ["Waarvoor", "Stappen", "Wat in het logboek komt"],
        Lang::En => ["What it is for", "Steps", "What the log records"],
    }
}

/// A checked help page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpPage {
    pub area: String,
    pub lang: Lang,
    pub title: String,
    pub markdown: String,
}

/// A help page as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RenderedHelp {
    pub area: String,
    pub title: String,
    /// Sanitised HTML of the page below its title.
    pub html: String,
}

impl HelpPage {
    pub fn render(&self) -> RenderedHelp {
        RenderedHelp {
            area: self.area.clone(),
            title: self.title.clone(),
            html: render_markdown(&self.markdown),
        }
    }
}

/// Whether `path` is a help page's path (`…/help/NAME.md`).
pub(crate) fn is_help_path(path: &str) -> bool {
    let mut parts = path.rsplit(['/', '\\']);
    let name = parts.next().unwrap_or("");
    name.ends_with(".md") && parts.next() == Some("help")
}

/// Parses one help page; the area and language come from its file name.
pub fn parse_help(path: &str, text: &str) -> Result<HelpPage, Vec<Diagnostic>> {
    let source = Source::new(path, text);
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let mut problems = Vec::new();
    let parsed = name
        .strip_suffix(".md")
        .and_then(|stem| stem.rsplit_once('.'))
        .and_then(|(area, lang)| Some((area, Lang::parse(lang)?)))
        .filter(|(area, _)| HELP_AREAS.contains(area));
    let Some((area, lang)) = parsed else {
        return Err(vec![source.diagnostic(
            0,
            Text::new(
                format!(
                    "een hulppagina heet <onderdeel>.<nl|en>.md, met als onderdeel een van: {}",
                    HELP_AREAS.join(", ")
                ),
                format!(
                    "a help page is named <area>.<nl|en>.md, with one of these areas: {}",
                    HELP_AREAS.join(", ")
                ),
            ),
        )]);
    };

    let mut title: Option<(String, usize)> = None;
    let mut sections: Vec<(String, usize)> = Vec::new();
    let mut heading: Option<(HeadingLevel, usize, String)> = None;
    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level, range.start, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, words)) = heading.as_mut() {
                    words.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, at, words)) = heading.take() {
                    let words = words.trim().to_owned();
                    match level {
                        HeadingLevel::H1 if title.is_none() && sections.is_empty() => {
                            title = Some((words, at))
                        }
                        HeadingLevel::H1 => problems.push(source.diagnostic(
                            at,
                            Text::new(
                                "een hulppagina heeft één titel (`#`), bovenaan",
                                "a help page has one title (`#`), at the top",
                            ),
                        )),
                        HeadingLevel::H2 => sections.push((words, at)),
                        _ => {}
                    }
                }
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. })
                if !matches!(classify(&dest_url), Target::Fragment(_) | Target::Remote) =>
            {
                problems.push(source.diagnostic(
                    range.start,
                    Text::new(
                        format!(
                            "link \"{dest_url}\": een hulppagina verwijst alleen naar een kop op dezelfde pagina"
                        ),
                        format!(
                            "link \"{dest_url}\": a help page links only to a heading on the same page"
                        ),
                    ),
                ));
            }
            Event::Html(_) | Event::InlineHtml(_) => problems.push(source.diagnostic(
                range.start,
                Text::new(
                    "een hulppagina bevat geen HTML, alleen Markdown",
                    "a help page holds no HTML, only Markdown",
                ),
            )),
            _ => {}
        }
    }

    let Some((title, title_at)) = title.filter(|(t, _)| !t.is_empty()) else {
        problems.insert(
            0,
            source.diagnostic(
                0,
                Text::new(
                    "een hulppagina begint met een titel: `# …`",
                    "a help page starts with a title: `# …`",
                ),
            ),
        );
        return Err(problems);
    };
    let required = required_sections(lang);
    let found: Vec<&str> = sections.iter().map(|(s, _)| s.as_str()).collect();
    if found != required {
        let at = sections.first().map_or(title_at, |(_, at)| *at);
        problems.push(source.diagnostic(
            at,
            Text::new(
                format!(
                    "de koppen (`##`) van een hulppagina zijn precies, in deze volgorde: {} (gevonden: {})",
                    quoted(&required),
                    quoted(&found)
                ),
                format!(
                    "the headings (`##`) of a help page are exactly, in this order: {} (found: {})",
                    quoted(&required),
                    quoted(&found)
                ),
            ),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // The title is shown by the app as the help panel's heading.
    let markdown = text[title_at..]
        .split_once('\n')
        .map_or("", |(_, rest)| rest)
        .to_owned();
    Ok(HelpPage {
        area: area.to_owned(),
        lang,
        title,
        markdown,
    })
}

fn quoted(list: &[&str]) -> String {
    if list.is_empty() {
        return "—".to_owned();
    }
    list.iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// When a set holds help pages, every area must have one in each language.
/// `paths` are those of the help pages that parsed or failed to parse.
pub(crate) fn check_help_complete(pages: &[HelpPage], paths: &[&str], out: &mut Vec<Diagnostic>) {
    let Some(first) = paths.first() else { return };
    let folder = first
        .rsplit_once(['/', '\\'])
        .map_or(String::new(), |(folder, _)| format!("{folder}/"));
    for area in HELP_AREAS {
        for lang in [Lang::Nl, Lang::En] {
            let name = format!("{folder}{area}.{}.md", lang.as_str());
            let present = pages.iter().any(|p| p.area == area && p.lang == lang)
                || paths.iter().any(|p| *p == name);
            if !present {
                out.push(Diagnostic {
                    path: name.clone(),
                    line: 1,
                    column: 1,
                    message: Text::new(
                        format!("de hulppagina {name} ontbreekt: elk onderdeel heeft er een in het Nederlands en in het Engels"),
                        format!("the help page {name} is missing: every area has one in Dutch and in English"),
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "# Teams\n\nKort.\n\n## Waarvoor\n\nIets.\n\n## Stappen\n\n1. Een.\n\n## Wat in het logboek komt\n\nAlles.\n";

    #[test]
    fn a_page_with_the_three_sections_parses_and_renders_without_its_title() {
        let page = parse_help("content/help/teams.nl.md", GOOD).unwrap();
        assert_eq!(page.area, "teams");
        assert_eq!(page.lang, Lang::Nl);
        assert_eq!(page.title, "Teams");
        let shown = page.render();
        assert!(shown.html.contains("<h2"), "{}", shown.html);
        assert!(shown.html.contains("Wat in het logboek komt"));
        assert!(
            !shown.html.contains("<h1"),
            "the panel shows the title itself"
        );
    }

    #[test]
    fn a_missing_or_renamed_section_is_reported_at_its_heading() {
        let text = GOOD.replace("## Stappen", "## Zo werkt het");
        let problems = parse_help("help/teams.nl.md", &text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 5);
        assert!(problems[0].message.get(Lang::Nl).contains("\"Stappen\""));
        assert!(problems[0].message.get(Lang::En).contains("Zo werkt het"));
    }

    #[test]
    fn english_pages_have_english_sections() {
        let problems = parse_help("help/teams.en.md", GOOD).unwrap_err();
        assert!(problems[0].message.get(Lang::En).contains("What it is for"));
    }

    #[test]
    fn unknown_areas_html_and_links_elsewhere_are_refused() {
        assert!(parse_help("help/kantine.nl.md", GOOD).is_err());
        assert!(parse_help("help/teams.de.md", GOOD).is_err());
        let html = GOOD.replace("Kort.", "<b>Kort.</b>");
        assert!(parse_help("help/teams.nl.md", &html).is_err());
        let link = GOOD.replace("Kort.", "[zie](../modules/01.md)");
        let problems = parse_help("help/teams.nl.md", &link).unwrap_err();
        assert_eq!(problems[0].line, 3);
        let fragment = GOOD.replace("Kort.", "[zie](#stappen)");
        assert!(parse_help("help/teams.nl.md", &fragment).is_ok());
        let untitled = GOOD.replace("# Teams\n", "");
        assert!(parse_help("help/teams.nl.md", &untitled).is_err());
    }

    #[test]
    fn a_set_with_help_needs_every_area_in_both_languages() {
        let page = parse_help("help/teams.nl.md", GOOD).unwrap();
        let mut out = Vec::new();
        check_help_complete(&[page], &["help/teams.nl.md"], &mut out);
        assert_eq!(out.len(), HELP_AREAS.len() * 2 - 1);
        assert!(out.iter().any(|d| d.path == "help/teams.en.md"));
        let mut none = Vec::new();
        check_help_complete(&[], &[], &mut none);
        assert!(none.is_empty(), "a set without help (an import) needs none");
    }
}
