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

pub struct Svg {
    out: String,
}

impl Svg {
    pub fn new(width: f64, height: f64, label: &str) -> Svg {
        let mut out = String::new();
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{}" font-family="{}" font-size="12" fill="{INK}">"#,
            escape(label),
            escape(FONT),
        );
        let _ = write!(out, "<title>{}</title>", escape(label));
        Svg { out }
    }

    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
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
        let _ = write!(
            self.out,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="{width}"{}/>"#,
            if dash {
                r#" stroke-dasharray="4 3""#
            } else {
                ""
            }
        );
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, extra: &str) {
        let _ = write!(
            self.out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{fill}"{extra}/>"#,
            w.max(0.0),
            h.max(0.0)
        );
    }

    pub fn circle(&mut self, cx: f64, cy: f64, r: f64, fill: &str, stroke: &str) {
        let _ = write!(
            self.out,
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>"#
        );
    }

    /// `anchor`: start, middle or end.
    pub fn text(&mut self, x: f64, y: f64, anchor: &str, fill: &str, size: u32, text: &str) {
        let _ = write!(
            self.out,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" fill="{fill}" font-size="{size}">{}</text>"#,
            escape(text)
        );
    }

    pub fn polyline(&mut self, points: &[(f64, f64)], stroke: &str, width: f64) {
        if points.len() < 2 {
            return;
        }
        let pts: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = write!(
            self.out,
            r#"<polyline points="{}" fill="none" stroke="{stroke}" stroke-width="{width}"/>"#,
            pts.join(" ")
        );
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
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
