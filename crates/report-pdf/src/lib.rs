//! The decision report ([`ReportDoc`], built in `maatstaf-core`) as a PDF/A-2a: archivable,
//! with a tag tree (headings, paragraphs, lists, tables with header cells) that a
//! screen reader follows, the document's language and title set, and the fonts
//! (DejaVu Sans, cut down to Latin, Greek and the punctuation the report uses)
//! embedded. krilla checks the PDF/A rules while it writes and refuses a file that
//! breaks them.
//!
//! Pure: bytes out, no clock (the date is the report's own), no file system.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder, Validator};
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope,
    Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};
use maatstaf_core::i18n::Lang;
use maatstaf_core::report::{Anchor, Block, Drawing, ReportDoc, Shape};
use skrifa::instance::{LocationRef, Size};
use skrifa::MetadataProvider;

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.0;
const FOOTER_Y: f32 = PAGE_H - 30.0;
const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;
const CELL_PAD: f32 = 4.0;

/// Why no PDF could be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font cannot be read")]
    Font,
    #[error("the PDF cannot be written: {0}")]
    Write(String),
}

/// One of the two bundled faces, with what measuring needs.
struct Face {
    font: Font,
    bytes: &'static [u8],
}

impl Face {
    fn load(bytes: &'static [u8]) -> Result<Face, PdfError> {
        let font = Font::new(bytes.into(), 0).ok_or(PdfError::Font)?;
        skrifa::FontRef::new(bytes).map_err(|_| PdfError::Font)?;
        Ok(Face { font, bytes })
    }

    /// `text` with every character the font lacks replaced by `?`: PDF/A allows no
    /// glyph without a character behind it.
    fn drawable(&self, text: &str) -> String {
        let Ok(font) = skrifa::FontRef::new(self.bytes) else {
            return text.to_owned();
        };
        let charmap = font.charmap();
        text.chars()
            .map(|c| if charmap.map(c).is_some() { c } else { '?' })
            .collect()
    }

    /// One glyph per character (the report's scripts need no shaping), each with its
    /// advance in ems and the part of `text` it stands for.
    fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        let Ok(font) = skrifa::FontRef::new(self.bytes) else {
            return Vec::new();
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let em = self.font.units_per_em();
        text.char_indices()
            .map(|(i, c)| {
                let glyph = charmap.map(c).unwrap_or_default();
                let advance = metrics.advance_width(glyph).unwrap_or(em * 0.6) / em;
                KrillaGlyph::new(
                    GlyphId::new(glyph.to_u32()),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    i..i + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }

    /// The width of `text` at `size`, from the glyphs' advances.
    fn width(&self, text: &str, size: f32) -> f32 {
        self.glyphs(text).iter().map(|g| g.x_advance * size).sum()
    }

    /// Draws `text` with its baseline starting at `at`.
    fn draw(&self, surface: &mut Surface<'_>, at: Point, size: f32, text: &str) {
        let glyphs = self.glyphs(text);
        surface.draw_glyphs(at, &glyphs, self.font.clone(), text, size, false);
    }
}

/// A run of text placed on a page, tagged as one span of the structure tree.
struct Placed {
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    text: String,
    leaf: usize,
}

/// A decoration: not content, so drawn as an artifact.
enum Mark {
    Rule { x1: f32, x2: f32, y: f32 },
    Shade(Rect),
}

/// A plot placed on a page: its drawing scaled to the text's width, tagged as one
/// figure with its alternative text.
struct PlacedFigure {
    x: f32,
    y: f32,
    scale: f32,
    drawing: Drawing,
    leaf: usize,
}

#[derive(Default)]
struct PageContent {
    texts: Vec<Placed>,
    marks: Vec<Mark>,
    figures: Vec<PlacedFigure>,
}

/// The structure tree as the layout builds it; leaves are indices of placed texts.
enum LNode {
    Group(TagKind, Vec<LNode>),
    Leaf(usize),
}

struct Layout<'a> {
    regular: &'a Face,
    bold: &'a Face,
    pages: Vec<PageContent>,
    y: f32,
    leaves: usize,
}

impl<'a> Layout<'a> {
    fn face(&self, bold: bool) -> &'a Face {
        if bold {
            self.bold
        } else {
            self.regular
        }
    }

    fn new_page(&mut self) {
        self.pages.push(PageContent::default());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` more fits on this one.
    fn room(&mut self, height: f32) {
        if self.y + height > FOOTER_Y - 20.0 {
            self.new_page();
        }
    }

    fn page(&mut self) -> &mut PageContent {
        self.pages.last_mut().expect("a page is always open")
    }

    /// Places one line of text at the baseline `y`; returns its leaf.
    fn place(&mut self, x: f32, y: f32, size: f32, bold: bool, text: String) -> LNode {
        let text = self.face(bold).drawable(&text);
        let leaf = self.leaves;
        self.leaves += 1;
        self.page().texts.push(Placed {
            x,
            y,
            size,
            bold,
            text,
            leaf,
        });
        LNode::Leaf(leaf)
    }

    /// `text` broken into lines no wider than `width`: at spaces, and inside a word
    /// only when the word alone is wider.
    fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let face = self.face(bold);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ') {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if face.width(&candidate, size) <= width || line.is_empty() && word.is_empty() {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut where it must be.
                let mut piece = String::new();
                for c in word.chars() {
                    piece.push(c);
                    if face.width(&piece, size) > width && piece.chars().count() > 1 {
                        piece.pop();
                        lines.push(std::mem::take(&mut piece));
                        piece.push(c);
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        lines
    }

    /// A block of wrapped text (heading, paragraph, list item) from the current
    /// position; returns its leaves.
    fn text_block(&mut self, text: &str, size: f32, bold: bool, x: f32, width: f32) -> Vec<LNode> {
        let line_h = size * 1.4;
        let mut leaves = Vec::new();
        for line in self.wrap(text, size, bold, width) {
            self.room(line_h);
            self.y += line_h;
            let y = self.y - size * 0.35;
            if !line.is_empty() {
                leaves.push(self.place(x, y, size, bold, line));
            }
        }
        leaves
    }

    /// A plot as wide as the text, its caption above it.
    fn figure(&mut self, caption: &str, alt: &str, drawing: &Drawing) -> Vec<LNode> {
        let width = PAGE_W - 2.0 * MARGIN;
        let scale = (width / drawing.width as f32).min(1.0);
        let height = drawing.height as f32 * scale;
        self.y += 4.0;
        // The caption stays with its plot.
        self.room(BODY * 1.4 + height);
        let caption_leaves = self.text_block(caption, BODY, true, MARGIN, width);
        self.y += 4.0;
        self.room(height);
        let leaf = self.leaves;
        self.leaves += 1;
        let (x, y) = (MARGIN, self.y);
        self.page().figures.push(PlacedFigure {
            x,
            y,
            scale,
            drawing: drawing.clone(),
            leaf,
        });
        self.y += height + 8.0;
        vec![
            LNode::Group(Tag::Caption.into(), caption_leaves),
            LNode::Group(
                Tag::Figure(Some(alt.to_owned())).into(),
                vec![LNode::Leaf(leaf)],
            ),
        ]
    }

    fn table(&mut self, caption: &str, header: &[String], rows: &[Vec<String>]) -> LNode {
        let width = PAGE_W - 2.0 * MARGIN;
        let columns = header.len().max(1);
        // Column widths: each column's widest text, capped, and at least its longest
        // word; scaled to the page's width.
        let cell_texts = |i: usize| {
            std::iter::once(header.get(i).map(String::as_str).unwrap_or("")).chain(
                rows.iter()
                    .map(move |r| r.get(i).map(String::as_str).unwrap_or("")),
            )
        };
        let mut natural = Vec::with_capacity(columns);
        let mut least = Vec::with_capacity(columns);
        for i in 0..columns {
            // The first column holds row headers, set in bold.
            let face = if i == 0 { self.bold } else { self.regular };
            let widest = cell_texts(i)
                .map(|t| face.width(t, SMALL))
                .fold(0.0f32, f32::max)
                .min(240.0);
            let word = cell_texts(i)
                .flat_map(|t| t.split(' '))
                .map(|w| self.bold.width(w, SMALL))
                .fold(0.0f32, f32::max)
                .min(width / columns as f32);
            natural.push(widest.max(word) + 2.0 * CELL_PAD);
            least.push(word + 2.0 * CELL_PAD);
        }
        let natural_sum: f32 = natural.iter().sum();
        let least_sum: f32 = least.iter().sum();
        let widths: Vec<f32> = if natural_sum <= width {
            natural.iter().map(|w| w * width / natural_sum).collect()
        } else if least_sum < width {
            let k = (width - least_sum) / (natural_sum - least_sum);
            least
                .iter()
                .zip(&natural)
                .map(|(l, n)| l + (n - l) * k)
                .collect()
        } else {
            least.iter().map(|w| w * width / least_sum).collect()
        };

        let mut children = Vec::new();
        self.y += 4.0;
        let caption_leaves = self.text_block(caption, BODY, true, MARGIN, width);
        if !caption_leaves.is_empty() {
            children.push(LNode::Group(Tag::Caption.into(), caption_leaves));
        }
        let head = self.row(header, &widths, true);
        children.push(LNode::Group(
            Tag::THead.into(),
            vec![LNode::Group(Tag::TR.into(), head)],
        ));
        let mut body = Vec::new();
        for row in rows {
            let cells = self.row(row, &widths, false);
            body.push(LNode::Group(Tag::TR.into(), cells));
        }
        if !body.is_empty() {
            children.push(LNode::Group(Tag::TBody.into(), body));
        }
        self.y += 8.0;
        LNode::Group(Tag::Table.into(), children)
    }

    /// One table row; the header row and every row's first cell are header cells.
    fn row(&mut self, cells: &[String], widths: &[f32], header: bool) -> Vec<LNode> {
        let line_h = SMALL * 1.35;
        let wrapped: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                let text = if text.trim().is_empty() { "—" } else { text };
                self.wrap(text, SMALL, header || i == 0, w - 2.0 * CELL_PAD)
            })
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let height = lines as f32 * line_h + 2.0 * CELL_PAD;
        self.room(height);
        let top = self.y;
        if header {
            if let Some(rect) = Rect::from_xywh(MARGIN, top, widths.iter().sum(), height) {
                self.page().marks.push(Mark::Shade(rect));
            }
        }
        let mut x = MARGIN;
        let mut out = Vec::new();
        for (i, (lines, w)) in wrapped.into_iter().zip(widths).enumerate() {
            let mut leaves = Vec::new();
            for (n, line) in lines.into_iter().enumerate() {
                let y = top + CELL_PAD + (n as f32 + 1.0) * line_h - SMALL * 0.3;
                leaves.push(self.place(x + CELL_PAD, y, SMALL, header || i == 0, line));
            }
            let tag: TagKind = if header {
                Tag::TH(TableHeaderScope::Column).into()
            } else if i == 0 {
                Tag::TH(TableHeaderScope::Row).into()
            } else {
                Tag::TD.into()
            };
            out.push(LNode::Group(tag, leaves));
            x += w;
        }
        self.y = top + height;
        let (right, y) = (MARGIN + widths.iter().sum::<f32>(), self.y);
        self.page().marks.push(Mark::Rule {
            x1: MARGIN,
            x2: right,
            y,
        });
        out
    }
}

fn lay_out(doc: &ReportDoc, regular: &Face, bold: &Face) -> (Vec<PageContent>, Vec<LNode>) {
    let mut l = Layout {
        regular,
        bold,
        pages: Vec::new(),
        y: MARGIN,
        leaves: 0,
    };
    l.new_page();
    let width = PAGE_W - 2.0 * MARGIN;
    let mut tree = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let size = match level {
                    1 => 18.0,
                    2 => 14.0,
                    _ => 11.5,
                };
                // Space before, and a heading never ends a page.
                l.y += if *level <= 2 { 10.0 } else { 6.0 };
                l.room(size * 1.4 + 3.0 * BODY);
                let leaves = l.text_block(text, size, true, MARGIN, width);
                let level = NonZeroU16::new(u16::from((*level).clamp(1, 6))).expect("1 to 6");
                tree.push(LNode::Group(
                    Tag::Hn(level, Some(text.clone())).into(),
                    leaves,
                ));
                l.y += 2.0;
            }
            Block::Paragraph { text } => {
                let leaves = l.text_block(text, BODY, false, MARGIN, width);
                tree.push(LNode::Group(Tag::P.into(), leaves));
                l.y += 4.0;
            }
            Block::List { items } => {
                let mut list = Vec::new();
                for item in items {
                    l.room(BODY * 1.4);
                    let bullet_y = l.y + BODY * 1.4 - BODY * 0.35;
                    let label = l.place(MARGIN + 4.0, bullet_y, BODY, false, "•".into());
                    let body = l.text_block(item, BODY, false, MARGIN + 16.0, width - 16.0);
                    list.push(LNode::Group(
                        Tag::LI.into(),
                        vec![
                            LNode::Group(Tag::Lbl.into(), vec![label]),
                            LNode::Group(Tag::LBody.into(), body),
                        ],
                    ));
                }
                tree.push(LNode::Group(Tag::L(ListNumbering::Disc).into(), list));
                l.y += 4.0;
            }
            Block::Table {
                caption,
                header,
                rows,
            } => tree.push(l.table(caption, header, rows)),
            Block::Figure {
                caption,
                alt,
                drawing,
                ..
            } => tree.extend(l.figure(caption, alt, drawing)),
        }
    }
    (l.pages, tree)
}

fn to_node(node: LNode, ids: &mut [Option<Identifier>]) -> Option<Node> {
    match node {
        LNode::Leaf(i) => ids.get_mut(i)?.take().map(Node::Leaf),
        LNode::Group(tag, children) => {
            let mut group = TagGroup::new(tag);
            for child in children {
                if let Some(node) = to_node(child, ids) {
                    group.push(node);
                }
            }
            Some(Node::Group(group))
        }
    }
}

fn artifact(surface: &mut Surface<'_>, kind: ArtifactType, draw: impl FnOnce(&mut Surface<'_>)) {
    // An artifact's identifier belongs to no part of the tree.
    let _ = surface.start_tagged(ContentTag::Artifact(Artifact::new(kind, None)));
    draw(surface);
    surface.end_tagged();
}

/// An RFC 3339 moment ("…Z" or "…+01:00") as the PDF's date, with its offset.
fn date_of(rfc3339: &str) -> Option<DateTime> {
    let n = |r: std::ops::Range<usize>| rfc3339.get(r)?.parse::<u16>().ok();
    let zone = rfc3339
        .get(19..)
        .and_then(|rest| rest.find(['+', '-']).map(|i| &rest[i..]))
        .unwrap_or("");
    let (hour, minute) = match zone.get(..1) {
        Some(sign @ ("+" | "-")) => {
            let h = zone.get(1..3)?.parse::<i8>().ok()?;
            let m = zone.get(4..6)?.parse::<u8>().ok()?;
            (if sign == "-" { -h } else { h }, m)
        }
        _ => (0, 0),
    };
    Some(
        DateTime::new(n(0..4)?)
            .month(n(5..7)? as u8)
            .day(n(8..10)? as u8)
            .hour(n(11..13)? as u8)
            .minute(n(14..16)? as u8)
            .second(n(17..19)? as u8)
            .utc_offset_hour(hour)
            .utc_offset_minute(minute),
    )
}

/// "#rrggbb" as a colour; anything else as the text's colour.
fn colour(hex: &str) -> rgb::Color {
    let part = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    match (hex.len(), part(1), part(3), part(5)) {
        (7, Some(r), Some(g), Some(b)) => rgb::Color::new(r, g, b),
        _ => rgb::Color::new(27, 39, 51),
    }
}

fn fill_of(hex: &str, opacity: f64) -> Fill {
    Fill {
        paint: colour(hex).into(),
        opacity: NormalizedF32::new(opacity.clamp(0.0, 1.0) as f32).unwrap_or(NormalizedF32::ONE),
        rule: Default::default(),
    }
}

fn stroke_of(hex: &str, width: f64, dash: bool) -> Stroke {
    Stroke {
        paint: colour(hex).into(),
        width: width as f32,
        dash: dash.then(|| StrokeDash {
            array: vec![4.0, 3.0],
            offset: 0.0,
        }),
        ..Stroke::default()
    }
}

/// A circle as four cubic curves.
fn circle_path(cx: f32, cy: f32, r: f32) -> Option<krilla::geom::Path> {
    const K: f32 = 0.552_284_8;
    let k = r * K;
    let mut p = PathBuilder::new();
    p.move_to(cx + r, cy);
    p.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    p.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    p.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    p.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    p.close();
    p.finish()
}

/// Draws core's plot geometry as vector paths and text, in the drawing's own units
/// scaled onto the page: the same shapes the app draws as SVG.
fn draw_plot(surface: &mut Surface<'_>, face: &Face, placed: &PlacedFigure) {
    surface.push_transform(&Transform::from_row(
        placed.scale,
        0.0,
        0.0,
        placed.scale,
        placed.x,
        placed.y,
    ));
    for shape in &placed.drawing.shapes {
        match shape {
            Shape::Line {
                from,
                to,
                stroke,
                width,
                dash,
            } => {
                let mut p = PathBuilder::new();
                p.move_to(from.0 as f32, from.1 as f32);
                p.line_to(to.0 as f32, to.1 as f32);
                if let Some(path) = p.finish() {
                    surface.set_fill(None);
                    surface.set_stroke(Some(stroke_of(stroke, *width, *dash)));
                    surface.draw_path(&path);
                }
            }
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                opacity,
                outline,
            } => {
                let Some(rect) =
                    Rect::from_xywh(*x as f32, *y as f32, w.max(0.0) as f32, h.max(0.0) as f32)
                else {
                    continue;
                };
                let mut p = PathBuilder::new();
                p.push_rect(rect);
                if let Some(path) = p.finish() {
                    surface.set_fill(Some(fill_of(fill, *opacity)));
                    surface.set_stroke(outline.as_ref().map(|(c, w)| stroke_of(c, *w, false)));
                    surface.draw_path(&path);
                }
            }
            Shape::Circle {
                cx,
                cy,
                r,
                fill,
                stroke,
            } => {
                if let Some(path) = circle_path(*cx as f32, *cy as f32, *r as f32) {
                    surface.set_fill(Some(fill_of(fill, 1.0)));
                    surface.set_stroke(Some(stroke_of(stroke, 1.5, false)));
                    surface.draw_path(&path);
                }
            }
            Shape::Polyline {
                points,
                stroke,
                width,
            } => {
                let mut p = PathBuilder::new();
                for (i, (x, y)) in points.iter().enumerate() {
                    if i == 0 {
                        p.move_to(*x as f32, *y as f32);
                    } else {
                        p.line_to(*x as f32, *y as f32);
                    }
                }
                if let Some(path) = p.finish() {
                    surface.set_fill(None);
                    surface.set_stroke(Some(stroke_of(stroke, *width, false)));
                    surface.draw_path(&path);
                }
            }
            Shape::Text {
                x,
                y,
                anchor,
                fill,
                size,
                text,
            } => {
                let text = face.drawable(text);
                let size = *size as f32;
                let w = face.width(&text, size);
                let x = match anchor {
                    Anchor::Start => *x as f32,
                    Anchor::Middle => *x as f32 - w / 2.0,
                    Anchor::End => *x as f32 - w,
                };
                surface.set_stroke(None);
                surface.set_fill(Some(fill_of(fill, 1.0)));
                face.draw(surface, Point::from_xy(x, *y as f32), size, &text);
            }
            Shape::Group(_) => {}
        }
    }
    surface.set_stroke(None);
    surface.pop();
}

/// `doc` as a tagged PDF/A-2a document.
pub fn render_pdf(doc: &ReportDoc) -> Result<Vec<u8>, PdfError> {
    let regular = Face::load(REGULAR)?;
    let bold = Face::load(BOLD)?;
    let (pages, tree) = lay_out(doc, &regular, &bold);

    let configuration = ConfigurationBuilder::new()
        .set_validator(Validator::A(Archival::A2_A))
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let lang = doc.lang.as_str().to_owned();
    let mut metadata = Metadata::new()
        .title(doc.title.clone())
        .language(lang.clone())
        .creator("Maatstaf".into());
    if let Some(date) = date_of(&doc.generated_at) {
        metadata = metadata.creation_date(date);
    }
    document.set_metadata(metadata);

    let mut ids: Vec<Option<Identifier>> = Vec::new();
    let total = pages.len();
    let page_word = match doc.lang {
        Lang::Nl => ("Pagina", "van"),
        Lang::En => ("Page", "of"),
    };
    let black = Fill {
        paint: rgb::Color::new(27, 39, 51).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    };
    for (n, content) in pages.into_iter().enumerate() {
        let settings =
            PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| PdfError::Write("page".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for mark in &content.marks {
            artifact(&mut surface, ArtifactType::Layout, |s| match mark {
                Mark::Rule { x1, x2, y } => {
                    let mut path = PathBuilder::new();
                    path.move_to(*x1, *y);
                    path.line_to(*x2, *y);
                    if let Some(path) = path.finish() {
                        s.set_fill(None);
                        s.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(201, 210, 219).into(),
                            width: 0.6,
                            ..Stroke::default()
                        }));
                        s.draw_path(&path);
                        s.set_stroke(None);
                    }
                }
                Mark::Shade(rect) => {
                    let mut path = PathBuilder::new();
                    path.push_rect(*rect);
                    if let Some(path) = path.finish() {
                        s.set_stroke(None);
                        s.set_fill(Some(Fill {
                            paint: rgb::Color::new(238, 242, 245).into(),
                            opacity: NormalizedF32::ONE,
                            rule: Default::default(),
                        }));
                        s.draw_path(&path);
                    }
                }
            });
        }
        surface.set_fill(Some(black.clone()));
        for placed in content.texts {
            let face = if placed.bold { &bold } else { &regular };
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            face.draw(
                &mut surface,
                Point::from_xy(placed.x, placed.y),
                placed.size,
                &placed.text,
            );
            surface.end_tagged();
            if ids.len() <= placed.leaf {
                ids.resize_with(placed.leaf + 1, || None);
            }
            ids[placed.leaf] = Some(id);
        }
        for figure in &content.figures {
            // One marked piece of content per plot; the figure tag around it carries
            // the alternative text.
            let id = surface.start_tagged(ContentTag::Other);
            draw_plot(&mut surface, &regular, figure);
            surface.end_tagged();
            if ids.len() <= figure.leaf {
                ids.resize_with(figure.leaf + 1, || None);
            }
            ids[figure.leaf] = Some(id);
        }
        surface.set_fill(Some(black.clone()));
        let footer = format!("{} {} {} {total}", page_word.0, n + 1, page_word.1);
        let footer_x = PAGE_W - MARGIN - regular.width(&footer, SMALL);
        artifact(&mut surface, ArtifactType::PageNumber, |s| {
            regular.draw(s, Point::from_xy(footer_x, FOOTER_Y), SMALL, &footer);
        });
        surface.finish();
        page.finish();
    }

    let mut tag_tree = TagTree::new().with_lang(Some(lang));
    for node in tree {
        if let Some(node) = to_node(node, &mut ids) {
            tag_tree.push(node);
        }
    }
    document.set_tag_tree(tag_tree);
    document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))
}
