//! Training modules: TOML front matter between `+++` lines, then Markdown with
//! exercise blocks.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use toml::Spanned;
use ts_rs::TS;

use super::diagnostic::{toml_error, Diagnostic, Embedded, Source, TomlProblem};
use super::exercise::{parse_exercise, require_id, require_text, Exercise};
use super::slug::SlugSet;
use super::sources::{markers, uncited_figures};
use crate::i18n::Text;

/// The longest module we accept, in minutes: half a training day.
pub const MAX_MINUTES: i64 = 240;

/// Who a module is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Audience {
    Negotiator,
    Trainer,
    Committee,
}

/// A parsed training module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Module {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub goals: Vec<String>,
    pub audience: Vec<Audience>,
    pub order: u32,
    /// The Markdown after the front matter; `render_module` turns it into HTML.
    #[serde(skip)]
    #[ts(skip)]
    pub body: String,
    pub exercises: Vec<Exercise>,
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) places: ModulePlaces,
}

/// A line and column in the module's file, for checks across files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Place {
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ModulePlaces {
    pub path: String,
    pub id: Place,
    pub order: Place,
    /// Per exercise, in order: where its id is, and where its `case` key is.
    pub exercise_ids: Vec<Place>,
    pub exercise_cases: Vec<Option<Place>>,
    pub links: Vec<LinkPlace>,
    /// Level-2 headings in order, for the `## Bronnen` rule.
    pub sections: Vec<String>,
    pub heading_ids: Vec<String>,
    pub end: Place,
    /// Every id named by a claim marker outside code, where it stands.
    pub markers: Vec<(String, Place)>,
    /// Policy figures in a block without a claim marker.
    pub uncited: Vec<(String, Place)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkPlace {
    pub target: String,
    pub image: bool,
    pub place: Place,
}

impl Place {
    fn of(source: &Source, offset: usize) -> Place {
        let (line, column) = source.position(offset);
        Place { line, column }
    }

    pub fn diagnostic(self, path: &str, message: Text) -> Diagnostic {
        Diagnostic {
            path: path.to_owned(),
            line: self.line,
            column: self.column,
            message,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatterRaw {
    id: Spanned<String>,
    title: Spanned<String>,
    summary: Spanned<String>,
    minutes: Spanned<i64>,
    goals: Spanned<Vec<Spanned<String>>>,
    audience: Spanned<Vec<Spanned<Audience>>>,
    order: Spanned<i64>,
}

/// The options modules are read and rendered with: CommonMark, tables and footnotes.
pub(crate) fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES
}

/// Whether a fenced block's info string marks it as an exercise.
pub(crate) fn is_exercise_block(kind: &CodeBlockKind) -> bool {
    matches!(kind, CodeBlockKind::Fenced(info) if info.split_whitespace().next() == Some("exercise"))
}

/// Parses a module file. `path` is only used in the diagnostics.
pub fn parse_module(path: &str, text: &str) -> Result<Module, Vec<Diagnostic>> {
    let source = Source::new(path, text);
    let mut diagnostics = Vec::new();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };

    let (front, body_start) = match split_front_matter(text, start) {
        Ok(split) => split,
        Err(problem) => return Err(vec![source.diagnostic(problem.offset, problem.message)]),
    };
    let front_embedded = Embedded::at(front.0);
    let front_text = &text[front.0..front.1];
    let front = match toml::from_str::<FrontMatterRaw>(front_text) {
        Ok(raw) => {
            for problem in check_front_matter(&raw) {
                diagnostics.push(problem.into_diagnostic(&source, &front_embedded));
            }
            Some(raw)
        }
        Err(e) => {
            diagnostics.push(toml_error(&e).into_diagnostic(&source, &front_embedded));
            None
        }
    };

    let body = &text[body_start..];
    let mut places = ModulePlaces {
        path: path.to_owned(),
        // "The module should end with…": point at the start of its last line.
        end: Place::of(&source, text.trim_end().rfind('\n').map_or(0, |i| i + 1)),
        ..ModulePlaces::default()
    };
    let exercises = read_body(&source, body_start, body, &mut places, &mut diagnostics);

    match front {
        Some(raw) if diagnostics.is_empty() => {
            places.id = Place::of(&source, front_embedded.file_offset(raw.id.span().start));
            places.order = Place::of(&source, front_embedded.file_offset(raw.order.span().start));
            Ok(Module {
                id: raw.id.into_inner(),
                title: raw.title.into_inner(),
                summary: raw.summary.into_inner(),
                minutes: *raw.minutes.get_ref() as u32,
                goals: raw
                    .goals
                    .into_inner()
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect(),
                audience: raw
                    .audience
                    .into_inner()
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect(),
                order: *raw.order.get_ref() as u32,
                body: body.to_owned(),
                exercises,
                places,
            })
        }
        _ => Err(diagnostics),
    }
}

/// Finds the front matter: returns its byte range and where the body starts.
fn split_front_matter(text: &str, start: usize) -> Result<((usize, usize), usize), TomlProblem> {
    let mut lines = line_ranges(text, start);
    let opening = lines.next();
    if !matches!(opening, Some((s, e, _)) if text[s..e].trim_end() == "+++") {
        return Err(TomlProblem::new(
            start,
            Text::new(
                "een module begint met voorwerk in TOML tussen twee regels `+++`",
                "a module starts with TOML front matter between two `+++` lines",
            ),
        ));
    }
    let (_, _, front_start) = opening.unwrap_or_default();
    for (s, e, next) in lines {
        if text[s..e].trim_end() == "+++" {
            return Ok(((front_start, s), next));
        }
    }
    Err(TomlProblem::new(
        start,
        Text::new(
            "het voorwerk wordt niet afgesloten met een regel `+++`",
            "the front matter is not closed with a `+++` line",
        ),
    ))
}

/// (start, end without the line break, start of the next line) for each line.
fn line_ranges(text: &str, start: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut at = start;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let s = at;
        let (e, next) = match text[s..].find('\n') {
            Some(i) => (s + i, s + i + 1),
            None => (text.len(), text.len()),
        };
        at = next;
        Some((s, e, next))
    })
}

fn check_front_matter(raw: &FrontMatterRaw) -> Vec<TomlProblem> {
    let mut problems = Vec::new();
    require_id(&raw.id, "id", &mut problems);
    require_text(&raw.title, "title", &mut problems);
    require_text(&raw.summary, "summary", &mut problems);
    let minutes = *raw.minutes.get_ref();
    if !(1..=MAX_MINUTES).contains(&minutes) {
        problems.push(TomlProblem::new(
            raw.minutes.span().start,
            Text::new(
                format!("`minutes` moet tussen 1 en {MAX_MINUTES} liggen, niet {minutes}"),
                format!("`minutes` must be between 1 and {MAX_MINUTES}, not {minutes}"),
            ),
        ));
    }
    if raw.goals.get_ref().is_empty() {
        problems.push(TomlProblem::new(
            raw.goals.span().start,
            Text::new(
                "`goals` noemt minstens één leerdoel",
                "`goals` lists at least one learning goal",
            ),
        ));
    }
    for goal in raw.goals.get_ref() {
        require_text(goal, "goals", &mut problems);
    }
    let audience = raw.audience.get_ref();
    if audience.is_empty() {
        problems.push(TomlProblem::new(
            raw.audience.span().start,
            Text::new(
                "`audience` noemt minstens één doelgroep: \"negotiator\", \"trainer\" of \"committee\"",
                "`audience` lists at least one of \"negotiator\", \"trainer\" or \"committee\"",
            ),
        ));
    }
    for (i, who) in audience.iter().enumerate() {
        if audience[..i].iter().any(|w| w.get_ref() == who.get_ref()) {
            problems.push(TomlProblem::new(
                who.span().start,
                Text::new(
                    "deze doelgroep staat al eerder in `audience`",
                    "this audience is already listed in `audience`",
                ),
            ));
        }
    }
    let order = *raw.order.get_ref();
    if u32::try_from(order).is_err() {
        problems.push(TomlProblem::new(
            raw.order.span().start,
            Text::new(
                format!("`order` moet een geheel getal van 0 of meer zijn, niet {order}"),
                format!("`order` must be a whole number of 0 or more, not {order}"),
            ),
        ));
    }
    problems
}

/// Walks the Markdown once: parses exercise blocks and notes links, images and headings.
fn read_body(
    source: &Source,
    body_start: usize,
    body: &str,
    places: &mut ModulePlaces,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Exercise> {
    let mut exercises = Vec::new();
    let mut exercise: Option<(String, Vec<(usize, usize)>)> = None;
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut heading_texts = Vec::new();
    let mut code = Vec::new();
    let mut uncited = Vec::new();

    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        let at = body_start + range.start;
        match &event {
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => code.push(range.clone()),
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::TableRow | Tag::TableHead | Tag::Heading { .. },
            ) => {
                for (offset, figure) in uncited_figures(&body[range.clone()]) {
                    uncited.push((range.start + offset, figure));
                }
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) if is_exercise_block(&kind) => {
                // Until the block has text, problems point at the fence itself.
                exercise = Some((String::new(), vec![(0, at)]));
            }
            Event::Text(text) if exercise.is_some() => {
                if let Some((toml, pieces)) = exercise.as_mut() {
                    pieces.push((toml.len(), at));
                    toml.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((toml, pieces)) = exercise.take() {
                    let embedded = Embedded::from_pieces(pieces);
                    match parse_exercise(&toml) {
                        Ok(parsed) => {
                            let place = |o: usize| Place::of(source, embedded.file_offset(o));
                            places.exercise_ids.push(place(parsed.id_offset));
                            places.exercise_cases.push(parsed.case_offset.map(place));
                            exercises.push(parsed.exercise);
                        }
                        Err(problems) => diagnostics.extend(
                            problems
                                .into_iter()
                                .map(|p| p.into_diagnostic(source, &embedded)),
                        ),
                    }
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => places.links.push(LinkPlace {
                target: dest_url.into_string(),
                image: false,
                place: Place::of(source, at),
            }),
            Event::Start(Tag::Image { dest_url, .. }) => places.links.push(LinkPlace {
                target: dest_url.into_string(),
                image: true,
                place: Place::of(source, at),
            }),
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, t)) = heading.as_mut() {
                    t.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    if level == HeadingLevel::H2 {
                        places.sections.push(text.trim().to_owned());
                    }
                    heading_texts.push(text);
                }
            }
            _ => {}
        }
    }
    let mut slugs = SlugSet::default();
    places.heading_ids = heading_texts.iter().map(|t| slugs.assign(t)).collect();
    let in_code = |offset: usize| code.iter().any(|r| r.contains(&offset));
    places.markers = markers(body)
        .into_iter()
        .filter(|m| !in_code(m.start))
        .flat_map(|m| m.ids)
        .map(|(id, offset)| (id, Place::of(source, body_start + offset)))
        .collect();
    // A paragraph inside a list item is seen twice; report each figure once.
    uncited.sort();
    uncited.dedup();
    places.uncited = uncited
        .into_iter()
        .filter(|(offset, _)| !in_code(*offset))
        .map(|(offset, figure)| (figure, Place::of(source, body_start + offset)))
        .collect();
    exercises
}
