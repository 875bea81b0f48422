//! A tiny SVG writer. Every text and attribute value passes through [`escape`]; only
//! presentation attributes are used (no `style`, no scripts, no external references),
//! so the markup is safe to insert under the app's content security policy.

use std::fmt::Write;

use crate::html::escape;
use crate::i18n::Lang;

pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', sans-serif";
pub const INK: &str = "#1f2933";
pub const MUTED: &str = "#4a5866";
pub const GRID: &str = "#d9dee3";
pub const GOOD: &str = "#1e6b3d";
pub const WARN: &str = "#8a5a00";
pub const BAD: &str = "#a12a20";
pub const ACCENT: &str = "#2b5c8a";

/// At most `max` characters, with an ellipsis when cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Two decimals, a decimal comma in Dutch and a real minus sign.
pub fn num(v: f64, lang: Lang) -> String {
    let s = format!("{:.2}", v.abs());
    let s = if lang == Lang::Nl {
        s.replace('.', ",")
    } else {
        s
    };
    if v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("−{s}")
    } else {
        s
    }
}

/// Where a text's `x` is: its start, its middle or its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn parse(anchor: &str) -> Anchor {
        match anchor {
            "middle" => Anchor::Middle,
            "end" => Anchor::End,
            _ => Anchor::Start,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One mark of a plot, in the plot's own units (pixels in SVG, points in the PDF).
/// Colours are `#rrggbb`.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Line {
        from: (f64, f64),
        to: (f64, f64),
        stroke: String,
        width: f64,
        dash: bool,
    },
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: String,
        /// 1 is opaque.
        opacity: f64,
        /// A stroke colour and width around it.
        outline: Option<(String, f64)>,
    },
    /// Stroked 1.5 wide.
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: String,
        stroke: String,
    },
    /// `y` is the baseline.
    Text {
        x: f64,
        y: f64,
        anchor: Anchor,
        fill: String,
        size: u32,
        text: String,
    },
    Polyline {
        points: Vec<(f64, f64)>,
        stroke: String,
        width: f64,
    },
    /// A named group (an anchor the app links to) begins; `None` ends it.
    Group(Option<String>),
}

/// A plot as geometry: the app and the HTML page get it as SVG ([`Drawing::to_svg`]),
/// the PDF draws the same shapes as vector paths.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    pub width: f64,
    pub height: f64,
    /// What the plot shows, in words: its title and alternative text.
    pub label: String,
    pub shapes: Vec<Shape>,
}

impl Drawing {
    /// The drawing as one self-contained SVG element.
    pub fn to_svg(&self) -> String {
        let (width, height) = (self.width, self.height);
        let mut out = String::new();
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{}" font-family="{}" font-size="12" fill="{INK}">"#,
            escape(&self.label),
            escape(FONT),
        );
        let _ = write!(out, "<title>{}</title>", escape(&self.label));
        for shape in &self.shapes {
            match shape {
                Shape::Line {
                    from: (x1, y1),
                    to: (x2, y2),
                    stroke,
                    width,
                    dash,
                } => {
                    let _ = write!(
                        out,
                        r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{}" stroke-width="{width}"{}/>"#,
                        escape(stroke),
                        if *dash {
                            r#" stroke-dasharray="4 3""#
                        } else {
                            ""
                        }
                    );
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
                    let _ = write!(
                        out,
                        r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{}""#,
                        w.max(0.0),
                        h.max(0.0),
                        escape(fill)
                    );
                    if let Some((stroke, width)) = outline {
                        let _ = write!(
                            out,
                            r#" stroke="{}" stroke-width="{width}""#,
                            escape(stroke)
                        );
                    }
                    if *opacity < 1.0 {
                        let _ = write!(out, r#" fill-opacity="{opacity}""#);
                    }
                    out.push_str("/>");
                }
                Shape::Circle {
                    cx,
                    cy,
                    r,
                    fill,
                    stroke,
                } => {
                    let _ = write!(
                        out,
                        r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r}" fill="{}" stroke="{}" stroke-width="1.5"/>"#,
                        escape(fill),
                        escape(stroke)
                    );
                }
                Shape::Text {
                    x,
                    y,
                    anchor,
                    fill,
                    size,
                    text,
                } => {
                    let _ = write!(
                        out,
                        r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{}" fill="{}" font-size="{size}">{}</text>"#,
                        anchor.as_str(),
                        escape(fill),
                        escape(text)
                    );
                }
                Shape::Polyline {
                    points,
                    stroke,
                    width,
                } => {
                    let pts: Vec<String> = points
                        .iter()
                        .map(|(x, y)| format!("{x:.1},{y:.1}"))
                        .collect();
                    let _ = write!(
                        out,
                        r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{width}"/>"#,
                        pts.join(" "),
                        escape(stroke)
                    );
                }
                Shape::Group(Some(id)) => {
                    let _ = write!(out, r#"<g id="{}">"#, escape(id));
                }
                Shape::Group(None) => out.push_str("</g>"),
            }
        }
        out.push_str("</svg>");
        out
    }
}

/// Records a plot's shapes; [`Svg::finish`] gives the SVG, [`Svg::drawing`] the geometry.
pub struct Svg {
    drawing: Drawing,
}

impl Svg {
    pub fn new(width: f64, height: f64, label: &str) -> Svg {
        Svg {
            drawing: Drawing {
                width,
                height,
                label: label.to_owned(),
                shapes: Vec::new(),
            },
        }
    }

    fn push(&mut self, shape: Shape) {
        self.drawing.shapes.push(shape);
    }

    /// A named group begins (`Some`) or ends (`None`).
    pub fn group(&mut self, id: Option<&str>) {
        self.push(Shape::Group(id.map(str::to_owned)));
    }

    // A line is two points, a colour, a width and a dash: splitting them up reads worse.
    #[allow(clippy::too_many_arguments)]
    pub fn line(
        &mut self,
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: &str,
        width: f64,
        dash: bool,
    ) {
        self.push(Shape::Line {
            from: (x1, y1),
            to: (x2, y2),
            stroke: stroke.to_owned(),
            width,
            dash,
        });
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str) {
        self.rect_styled(x, y, w, h, fill, 1.0, None);
    }

    /// A rectangle with an opacity and an outline (colour, width).
    #[allow(clippy::too_many_arguments)]
    pub fn rect_styled(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: &str,
        opacity: f64,
        outline: Option<(&str, f64)>,
    ) {
        self.push(Shape::Rect {
            x,
            y,
            w,
            h,
            fill: fill.to_owned(),
            opacity,
            outline: outline.map(|(c, w)| (c.to_owned(), w)),
        });
    }

    pub fn circle(&mut self, cx: f64, cy: f64, r: f64, fill: &str, stroke: &str) {
        self.push(Shape::Circle {
            cx,
            cy,
            r,
            fill: fill.to_owned(),
            stroke: stroke.to_owned(),
        });
    }

    /// `anchor`: start, middle or end.
    pub fn text(&mut self, x: f64, y: f64, anchor: &str, fill: &str, size: u32, text: &str) {
        self.push(Shape::Text {
            x,
            y,
            anchor: Anchor::parse(anchor),
            fill: fill.to_owned(),
            size,
            text: text.to_owned(),
        });
    }

    pub fn polyline(&mut self, points: &[(f64, f64)], stroke: &str, width: f64) {
        if points.len() < 2 {
            return;
        }
        self.push(Shape::Polyline {
            points: points.to_vec(),
            stroke: stroke.to_owned(),
            width,
        });
    }

    pub fn drawing(self) -> Drawing {
        self.drawing
    }

    pub fn finish(self) -> String {
        self.drawing.to_svg()
    }
}

/// A linear scale from a data domain to pixels.
#[derive(Clone, Copy)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub from: f64,
    pub to: f64,
}

impl Axis {
    pub fn at(&self, v: f64) -> f64 {
        let v = v.clamp(self.lo, self.hi);
        self.from + (v - self.lo) / (self.hi - self.lo) * (self.to - self.from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_dutch_or_english() {
        assert_eq!(num(0.7234, Lang::Nl), "0,72");
        assert_eq!(num(-0.5, Lang::En), "−0.50");
        assert_eq!(num(-0.001, Lang::Nl), "0,00");
    }
}
