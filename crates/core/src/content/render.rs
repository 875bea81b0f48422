//! Module Markdown to safe HTML. Modules can be imported from other teams, so
//! the HTML is sanitised as if it were hostile: it cannot run script, load
//! anything from outside the app, or restyle the app.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};
use pulldown_cmark::{html, CowStr, Event, Parser, Tag, TagEnd, TextMergeStream};
use serde::Serialize;
use ts_rs::TS;

use crate::html::escape;

use super::exercise::Exercise;
use super::links::is_local;
use super::module::{is_exercise_block, markdown_options, Module};
use super::slug::{slugify, SlugSet};
use super::sources::{bundled_register, markers, Register};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Heading {
    /// The `id` of the heading element, for anchors and a table of contents.
    pub id: String,
    pub text: String,
    /// 1 for `#`, 2 for `##`, …
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RenderedModule {
    /// Sanitised HTML. Each exercise is `<div class="exercise" data-exercise-id="ID"></div>`;
    /// links to the internet have lost their `href`.
    pub html: String,
    pub headings: Vec<Heading>,
    pub exercises: Vec<Exercise>,
    /// The module's words without markup, exercises included, for full-text search.
    pub plain_text: String,
}

/// Renders a parsed module. Claim markers (`[@id]`) become numbered
/// references into a source list at the end, built from the bundled register.
pub fn render_module(module: &Module) -> RenderedModule {
    render_with(&module.body, &module.exercises, Some(bundled_register()))
}

/// Renders other Markdown, such as a case's `intro`, with the same rules and
/// sanitising as modules. Exercise blocks stay ordinary code blocks here.
pub fn render_markdown(markdown: &str) -> String {
    render_with(markdown, &[], None).html
}

fn render_with(
    markdown: &str,
    module_exercises: &[Exercise],
    register: Option<&Register>,
) -> RenderedModule {
    // Merged text, so a marker is never split over two events at its brackets.
    let events: Vec<Event> =
        TextMergeStream::new(Parser::new_ext(markdown, markdown_options())).collect();
    let mut cited = Cited::default();
    let mut out = Vec::with_capacity(events.len());
    let mut headings = Vec::new();
    let mut slugs = SlugSet::default();
    let mut footnotes = Footnotes::default();
    let mut plain = String::new();
    let mut exercises = module_exercises.iter();
    let mut skipping_exercise = false;

    for (i, event) in events.iter().enumerate() {
        if skipping_exercise {
            skipping_exercise = !matches!(event, Event::End(TagEnd::CodeBlock));
            continue;
        }
        match event {
            // parse_module parsed exactly these blocks, in this order.
            Event::Start(Tag::CodeBlock(kind))
                if is_exercise_block(kind) && exercises.len() > 0 =>
            {
                skipping_exercise = true;
                if let Some(exercise) = exercises.next() {
                    out.push(Event::Html(CowStr::from(format!(
                        "<div class=\"exercise\" data-exercise-id=\"{}\"></div>\n",
                        escape(exercise.id())
                    ))));
                    push_block(&mut plain, &exercise.plain_text());
                }
            }
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let text = heading_text(&events[i + 1..]);
                let id = slugs.assign(&text);
                headings.push(Heading {
                    id: id.clone(),
                    text: text.trim().to_owned(),
                    level: *level as u8,
                });
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(id)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::FootnoteReference(name) => {
                let (slug, number) = footnotes.get(name);
                out.push(Event::Html(CowStr::from(format!(
                    "<sup class=\"footnote-ref\"><a href=\"#{slug}\">{number}</a></sup>"
                ))));
                plain.push_str(&format!("[{number}]"));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let (slug, number) = footnotes.get(name);
                out.push(Event::Html(CowStr::from(format!(
                    "<div class=\"footnote\" id=\"{slug}\"><span class=\"footnote-label\">{number}</span>\n"
                ))));
                plain.push_str(&format!("[{number}] "));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                out.push(Event::Html(CowStr::from("</div>\n")));
            }
            Event::Text(text) if register.is_some() && text.contains("[@") => {
                let register = register.unwrap_or(&EMPTY);
                let mut rest_from = 0;
                for marker in markers(text) {
                    let before = &text[rest_from..marker.start];
                    plain.push_str(before);
                    out.push(Event::Text(CowStr::from(before.to_owned())));
                    let mut html = String::new();
                    for (id, _) in &marker.ids {
                        match register.get(id) {
                            Some(_) => {
                                let (slug, number) = cited.get(id);
                                html.push_str(&format!(
                                    "<sup class=\"source-ref\"><a href=\"#{slug}\">{number}</a></sup>"
                                ));
                                plain.push_str(&format!("[{number}]"));
                            }
                            // The check reports unknown ids; the reader still sees what was meant.
                            None => {
                                html.push_str(&escape(&format!("[@{id}]")));
                                plain.push_str(&format!("[@{id}]"));
                            }
                        }
                    }
                    out.push(Event::InlineHtml(CowStr::from(html)));
                    rest_from = marker.end;
                }
                let rest = &text[rest_from..];
                plain.push_str(rest);
                out.push(Event::Text(CowStr::from(rest.to_owned())));
            }
            other => {
                match other {
                    Event::Text(t) | Event::Code(t) => plain.push_str(t),
                    Event::SoftBreak | Event::HardBreak => plain.push(' '),
                    Event::End(
                        TagEnd::Paragraph
                        | TagEnd::Heading(_)
                        | TagEnd::Item
                        | TagEnd::CodeBlock
                        | TagEnd::TableRow
                        | TagEnd::TableHead,
                    ) => push_block(&mut plain, ""),
                    Event::End(TagEnd::TableCell) => plain.push(' '),
                    _ => {}
                }
                out.push(other.clone());
            }
        }
    }

    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, out.into_iter());
    let mut raw = alignment_as_class(raw);
    if let Some(register) = register.filter(|_| !cited.order.is_empty()) {
        raw.push_str("<ol class=\"sources\">\n");
        push_block(&mut plain, "");
        for (id, slug) in &cited.order {
            if let Some(entry) = register.get(id) {
                let citation = entry.citation();
                raw.push_str(&format!("<li id=\"{slug}\">{}</li>\n", escape(&citation)));
                push_block(&mut plain, &citation);
            }
        }
        raw.push_str("</ol>\n");
    }

    let ids: HashSet<String> = headings
        .iter()
        .map(|h| h.id.clone())
        .chain(footnotes.slugs())
        .chain(cited.order.iter().map(|(_, slug)| slug.clone()))
        .collect();
    let exercise_ids: HashSet<String> =
        module_exercises.iter().map(|e| e.id().to_owned()).collect();
    let html = sanitize(&raw, OurIds { ids, exercise_ids });

    RenderedModule {
        html,
        headings,
        exercises: module_exercises.to_vec(),
        plain_text: plain.trim().to_owned(),
    }
}

/// Table alignment arrives as a style attribute, which we never allow; a class keeps it.
fn alignment_as_class(html: String) -> String {
    const STYLE: &str = " style=\"text-align: ";
    let Some(first) = html.find(STYLE) else {
        return html;
    };
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    let mut next = Some(first);
    while let Some(at) = next {
        out.push_str(&rest[..at]);
        let after = &rest[at + STYLE.len()..];
        let side = ["left", "center", "right"]
            .into_iter()
            .find(|side| after.starts_with(side) && after[side.len()..].starts_with('"'));
        match side {
            Some(side) => {
                out.push_str(" class=\"align-");
                out.push_str(side);
                out.push('"');
                rest = &after[side.len() + 1..];
            }
            None => {
                out.push_str(STYLE);
                rest = after;
            }
        }
        next = rest.find(STYLE);
    }
    out.push_str(rest);
    out
}

fn push_block(plain: &mut String, text: &str) {
    if !plain.is_empty() && !plain.ends_with('\n') {
        plain.push('\n');
    }
    if !text.is_empty() {
        plain.push_str(text);
        plain.push('\n');
    }
}

/// The text of a heading whose start tag came just before `rest`.
fn heading_text(rest: &[Event]) -> String {
    let mut text = String::new();
    for event in rest {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

static EMPTY: Register = Register {
    entries: Vec::new(),
    id_places: Vec::new(),
};

/// Cited sources get ids `bron-<id>` and numbers in order of first citation.
#[derive(Default)]
struct Cited {
    order: Vec<(String, String)>,
}

impl Cited {
    fn get(&mut self, id: &str) -> (String, usize) {
        if let Some(at) = self.order.iter().position(|(known, _)| known == id) {
            return (self.order[at].1.clone(), at + 1);
        }
        let slug = format!("bron-{id}");
        self.order.push((id.to_owned(), slug.clone()));
        (slug, self.order.len())
    }
}

/// Footnotes get ids `fn-<name>` and numbers in order of first mention.
#[derive(Default)]
struct Footnotes {
    by_name: HashMap<String, (String, usize)>,
    slugs: SlugSet,
}

impl Footnotes {
    fn get(&mut self, name: &str) -> (String, usize) {
        let next = self.by_name.len() + 1;
        let slugs = &mut self.slugs;
        self.by_name
            .entry(name.to_owned())
            .or_insert_with(|| (slugs.assign(&format!("fn-{}", slugify(name))), next))
            .clone()
    }

    fn slugs(&self) -> impl Iterator<Item = String> + '_ {
        self.by_name.values().map(|(slug, _)| slug.clone())
    }
}

/// The ids this render produced; only these survive the sanitiser.
struct OurIds {
    ids: HashSet<String>,
    exercise_ids: HashSet<String>,
}

thread_local! {
    /// The ids of the render running on this thread, for the shared sanitiser's
    /// attribute filter (building the allowlist per call cost a third of a render).
    static OUR_IDS: RefCell<Option<OurIds>> = const { RefCell::new(None) };
}

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(sanitizer);

fn sanitize(html: &str, ours: OurIds) -> String {
    OUR_IDS.with(|cell| *cell.borrow_mut() = Some(ours));
    let clean = SANITIZER.clean(html).to_string();
    OUR_IDS.with(|cell| *cell.borrow_mut() = None);
    clean
}

/// Whether `value` is one of this render's ids; outside a render nothing is.
fn is_ours(value: &str, pick: fn(&OurIds) -> &HashSet<String>) -> bool {
    OUR_IDS.with(|cell| {
        cell.borrow()
            .as_ref()
            .is_some_and(|o| pick(o).contains(value))
    })
}

/// The allowlist. Everything not named here goes: scripts, frames, forms,
/// event handlers, `style`, classes other than ours, and every URL that is not
/// a same-page anchor or a relative path.
fn sanitizer() -> Builder<'static> {
    let mut builder = Builder::empty();
    builder
        .tags(HashSet::from([
            "a",
            "abbr",
            "b",
            "blockquote",
            "br",
            "caption",
            "cite",
            "code",
            "dd",
            "del",
            "details",
            "div",
            "dl",
            "dt",
            "em",
            "figcaption",
            "figure",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "i",
            "img",
            "kbd",
            "li",
            "mark",
            "ol",
            "p",
            "pre",
            "q",
            "s",
            "small",
            "span",
            "strong",
            "sub",
            "summary",
            "sup",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "u",
            "ul",
        ]))
        .clean_content_tags(HashSet::from([
            "script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript",
            "textarea", "select", "title",
        ]))
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href"])),
            ("img", HashSet::from(["src", "alt"])),
            ("h1", HashSet::from(["id"])),
            ("h2", HashSet::from(["id"])),
            ("h3", HashSet::from(["id"])),
            ("h4", HashSet::from(["id"])),
            ("h5", HashSet::from(["id"])),
            ("h6", HashSet::from(["id"])),
            ("div", HashSet::from(["id", "data-exercise-id"])),
            ("li", HashSet::from(["id"])),
            ("td", HashSet::from(["colspan", "rowspan"])),
            ("th", HashSet::from(["colspan", "rowspan"])),
            ("ol", HashSet::from(["start"])),
        ]))
        .allowed_classes(HashMap::from([
            ("div", HashSet::from(["exercise", "footnote"])),
            ("sup", HashSet::from(["footnote-ref", "source-ref"])),
            ("ol", HashSet::from(["sources"])),
            ("span", HashSet::from(["footnote-label"])),
            (
                "td",
                HashSet::from(["align-left", "align-center", "align-right"]),
            ),
            (
                "th",
                HashSet::from(["align-left", "align-center", "align-right"]),
            ),
        ]))
        .generic_attributes(HashSet::from(["lang", "title"]))
        // No scheme is allowed at all: only relative URLs survive, and the
        // filter below narrows those to anchors and local paths.
        .url_schemes(HashSet::new())
        .url_relative(UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        .attribute_filter(|element, attribute, value| match attribute {
            "href" | "src" => {
                let anchor_as_image = element == "img" && value.starts_with('#');
                (is_local(value) && !anchor_as_image).then_some(Cow::Borrowed(value))
            }
            // Ids and exercise slots come from us; raw HTML cannot add or forge them.
            "id" => is_ours(value, |o| &o.ids).then_some(Cow::Borrowed(value)),
            "data-exercise-id" => {
                is_ours(value, |o| &o.exercise_ids).then_some(Cow::Borrowed(value))
            }
            _ => Some(Cow::Borrowed(value)),
        });
    builder
}
