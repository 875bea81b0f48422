//! The consistency plots, as self-contained SVG strings: agreement per criterion,
//! assessor leniency, the trend over rounds and the map of disagreement per cell.
//! The app, review mode and the HTML report all draw these same functions.

use crate::i18n::{Lang, Text};
use crate::stats::{Estimate, HOTSPOT_SPREAD};

use super::record::SnapshotRecord;
use super::svg::{clip, num, Axis, Drawing, Svg, ACCENT, BAD, GOOD, GRID, INK, MUTED, WARN};

const WIDTH: f64 = 680.0;
const LABEL_END: f64 = 172.0;
const PLOT_FROM: f64 = 182.0;
const PLOT_TO: f64 = 468.0;
const VALUE_AT: f64 = 480.0;
const ROW: f64 = 28.0;

const ZONE_BAD: &str = "#f7e1de";
const ZONE_WARN: &str = "#f9eed8";
const ZONE_GOOD: &str = "#e1f1e6";
/// The band behind practice sessions in the trend: grey, see-through over the zones.
const PRACTICE_BAND: &str = "#8a94a0";

/// Krippendorff's thresholds (see `stats::krippendorff_bands`).
const TENTATIVE: f64 = 0.667;
const RELIABLE: f64 = 0.800;

const PALETTE: [&str; 8] = [
    "#2b5c8a", "#b7791f", "#2f7d4f", "#8a3b8f", "#b83227", "#3c8d99", "#6b6b2a", "#5b4bb7",
];

fn tr(lang: Lang, nl: &str, en: &str) -> String {
    Text::new(nl, en).get(lang).to_owned()
}

fn band_colour(v: f64) -> &'static str {
    if v >= RELIABLE {
        GOOD
    } else if v >= TENTATIVE {
        WARN
    } else {
        BAD
    }
}

/// The lowest alpha value or interval bound worth showing, at most 0 − a margin.
fn alpha_floor<'a>(estimates: impl Iterator<Item = &'a Estimate>) -> f64 {
    let lowest = estimates
        .flat_map(|e| [e.value(), e.ci95().map(|c| c[0])])
        .flatten()
        .fold(-0.2_f64, f64::min);
    ((lowest / 0.2).floor() * 0.2).max(-1.0)
}

fn ticks(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

fn alpha_zones(svg: &mut Svg, x: Axis, top: f64, bottom: f64, lang: Lang) {
    let h = bottom - top;
    svg.rect(x.at(x.lo), top, x.at(TENTATIVE) - x.at(x.lo), h, ZONE_BAD);
    svg.rect(
        x.at(TENTATIVE),
        top,
        x.at(RELIABLE) - x.at(TENTATIVE),
        h,
        ZONE_WARN,
    );
    svg.rect(
        x.at(RELIABLE),
        top,
        x.at(x.hi) - x.at(RELIABLE),
        h,
        ZONE_GOOD,
    );
    for (v, colour) in [(TENTATIVE, WARN), (RELIABLE, GOOD)] {
        svg.line(x.at(v), top - 4.0, x.at(v), bottom, colour, 1.0, true);
    }
    svg.text(
        x.at(TENTATIVE) - 3.0,
        top - 8.0,
        "end",
        WARN,
        10,
        &tr(lang, "0,667", "0.667"),
    );
    svg.text(
        x.at(RELIABLE) + 3.0,
        top - 8.0,
        "start",
        GOOD,
        10,
        &tr(lang, "0,800", "0.800"),
    );
}

/// A tick every 0.2 on a short axis, every 0.5 on a long one, so labels never touch.
fn tick_step(x: Axis) -> f64 {
    if x.hi - x.lo > 1.21 {
        0.5
    } else {
        0.2
    }
}

fn x_ticks(svg: &mut Svg, x: Axis, y: f64, step: f64, lang: Lang, signed: bool) {
    svg.line(x.from, y, x.to, y, GRID, 1.0, false);
    for t in ticks(x.lo, x.hi, step) {
        svg.line(x.at(t), y, x.at(t), y + 4.0, MUTED, 1.0, false);
        let label = if signed && t > 0.0 {
            format!("+{}", num(t, lang))
        } else {
            num(t, lang)
        };
        svg.text(x.at(t), y + 16.0, "middle", MUTED, 10, &label);
    }
}

fn whisker(svg: &mut Svg, x: Axis, y: f64, ci: [f64; 2], colour: &str) {
    let (a, b) = (x.at(ci[0]), x.at(ci[1]));
    svg.line(a, y, b, y, colour, 2.0, false);
    svg.line(a, y - 5.0, a, y + 5.0, colour, 2.0, false);
    svg.line(b, y - 5.0, b, y + 5.0, colour, 2.0, false);
}

fn estimate_text(e: &Estimate, lang: Lang, signed: bool) -> String {
    match (e.value(), e.ci95()) {
        (Some(v), ci) => {
            let v_text = if signed && v > 0.0 {
                format!("+{}", num(v, lang))
            } else {
                num(v, lang)
            };
            match ci {
                Some([lo, hi]) => format!("{v_text} [{} – {}]", num(lo, lang), num(hi, lang)),
                None => v_text,
            }
        }
        (None, _) => tr(lang, "te weinig gegevens", "too little data"),
    }
}

/// Krippendorff's alpha per criterion and overall, with 95% intervals and the bands
/// of .667 and .800. With `before`, the previous round's value shows as an open circle.
pub fn alpha_chart(record: &SnapshotRecord, before: Option<&SnapshotRecord>, lang: Lang) -> String {
    alpha_drawing(record, before, lang).to_svg()
}

/// [`alpha_chart`]'s geometry, for the PDF.
pub fn alpha_drawing(
    record: &SnapshotRecord,
    before: Option<&SnapshotRecord>,
    lang: Lang,
) -> Drawing {
    let s = &record.snapshot;
    let rows = s.criteria.len() + 1;
    let top = 30.0;
    let bottom = top + rows as f64 * ROW;
    let height = bottom + 48.0;
    let lo = alpha_floor(
        s.criteria
            .iter()
            .map(|c| &c.alpha_ordinal)
            .chain([&s.overall.alpha_ordinal])
            .chain(before.iter().flat_map(|b| {
                b.snapshot
                    .criteria
                    .iter()
                    .map(|c| &c.alpha_ordinal)
                    .chain([&b.snapshot.overall.alpha_ordinal])
            })),
    );
    let x = Axis {
        lo,
        hi: 1.0,
        from: PLOT_FROM,
        to: PLOT_TO,
    };
    let title = tr(
        lang,
        "Overeenstemming per criterium (Krippendorffs alfa, ordinaal, met 95%-interval)",
        "Agreement per criterion (Krippendorff's alpha, ordinal, with 95% interval)",
    );
    let mut svg = Svg::new(WIDTH, height, &title);
    alpha_zones(&mut svg, x, top, bottom, lang);
    let previous = |name: Option<&str>| -> Option<f64> {
        let b = &before?.snapshot;
        match name {
            Some(n) => b
                .criteria
                .iter()
                .find(|c| c.criterion == n)?
                .alpha_ordinal
                .value(),
            None => b.overall.alpha_ordinal.value(),
        }
    };
    let overall_label = tr(lang, "Alle criteria samen", "All criteria together");
    let items = s
        .criteria
        .iter()
        .map(|c| (Some(c.criterion.as_str()), &c.alpha_ordinal))
        .chain([(None, &s.overall.alpha_ordinal)]);
    for (i, (name, estimate)) in items.enumerate() {
        let y = top + (i as f64 + 0.5) * ROW;
        if name.is_none() {
            svg.line(
                8.0,
                y - ROW / 2.0,
                WIDTH - 8.0,
                y - ROW / 2.0,
                GRID,
                1.0,
                false,
            );
        }
        let label = name.map_or(overall_label.clone(), |n| clip(n, 23));
        svg.text(LABEL_END, y + 4.0, "end", INK, 12, &label);
        if let Some(was) = previous(name) {
            svg.circle(x.at(was), y, 4.5, "#ffffff", MUTED);
        }
        match estimate.value() {
            Some(v) => {
                let colour = band_colour(v);
                if let Some(ci) = estimate.ci95() {
                    whisker(&mut svg, x, y, ci, colour);
                }
                svg.circle(x.at(v), y, 5.5, colour, "#ffffff");
            }
            None => svg.text(
                PLOT_FROM + 6.0,
                y + 4.0,
                "start",
                MUTED,
                11,
                &tr(lang, "geen waarde", "no value"),
            ),
        }
        svg.text(
            VALUE_AT,
            y + 4.0,
            "start",
            INK,
            11,
            &estimate_text(estimate, lang, false),
        );
    }
    x_ticks(&mut svg, x, bottom, tick_step(x), lang, false);
    let legend_y = bottom + 38.0;
    svg.circle(PLOT_FROM, legend_y - 4.0, 4.5, ACCENT, "#ffffff");
    svg.text(
        PLOT_FROM + 9.0,
        legend_y,
        "start",
        MUTED,
        10,
        &tr(lang, "alfa", "alpha"),
    );
    svg.line(
        PLOT_FROM + 48.0,
        legend_y - 4.0,
        PLOT_FROM + 70.0,
        legend_y - 4.0,
        ACCENT,
        2.0,
        false,
    );
    svg.text(
        PLOT_FROM + 75.0,
        legend_y,
        "start",
        MUTED,
        10,
        &tr(lang, "95%-interval", "95% interval"),
    );
    if before.is_some() {
        svg.circle(PLOT_FROM + 166.0, legend_y - 4.0, 4.5, "#ffffff", MUTED);
        svg.text(
            PLOT_FROM + 175.0,
            legend_y,
            "start",
            MUTED,
            10,
            &tr(lang, "vorige ronde", "previous round"),
        );
    }
    svg.drawing()
}

/// How much higher (+) or lower (−) each assessor scores than the others on the same
/// cells, with a 95% interval and the number of shared cells.
pub fn leniency_chart(record: &SnapshotRecord, lang: Lang) -> String {
    leniency_drawing(record, lang).to_svg()
}

/// [`leniency_chart`]'s geometry, for the PDF.
pub fn leniency_drawing(record: &SnapshotRecord, lang: Lang) -> Drawing {
    let s = &record.snapshot;
    let top = 30.0;
    let bottom = top + s.leniency.len().max(1) as f64 * ROW;
    let height = bottom + 30.0;
    let widest = s
        .leniency
        .iter()
        .flat_map(|r| {
            let e = &r.leniency;
            [e.value(), e.ci95().map(|c| c[0]), e.ci95().map(|c| c[1])]
        })
        .flatten()
        .fold(1.0_f64, |m, v| m.max(v.abs()));
    let range = f64::from(s.scale.max.saturating_sub(s.scale.min)).max(1.0);
    let m = ((widest * 2.0).ceil() / 2.0).min(range);
    let x = Axis {
        lo: -m,
        hi: m,
        from: PLOT_FROM,
        to: PLOT_TO,
    };
    let title = tr(
        lang,
        "Mildheid per beoordelaar: gemiddeld verschil met de anderen, in schaalpunten (95%-interval)",
        "Leniency per assessor: mean difference from the others, in scale points (95% interval)",
    );
    let mut svg = Svg::new(WIDTH, height, &title);
    svg.rect(
        x.at(-0.5),
        top,
        x.at(0.5) - x.at(-0.5),
        bottom - top,
        "#eef2f6",
    );
    svg.line(x.at(0.0), top - 4.0, x.at(0.0), bottom, MUTED, 1.0, false);
    svg.text(
        x.at(0.0) - 6.0,
        top - 8.0,
        "end",
        MUTED,
        10,
        &tr(lang, "← strenger", "← stricter"),
    );
    svg.text(
        x.at(0.0) + 6.0,
        top - 8.0,
        "start",
        MUTED,
        10,
        &tr(lang, "milder →", "more lenient →"),
    );
    for (i, r) in s.leniency.iter().enumerate() {
        let y = top + (i as f64 + 0.5) * ROW;
        svg.text(LABEL_END, y + 4.0, "end", INK, 12, &clip(&r.rater, 26));
        let stands_out = match (r.leniency.value(), r.leniency.ci95()) {
            (Some(v), Some([lo, hi])) => v.abs() >= 0.5 && (lo > 0.0 || hi < 0.0),
            _ => false,
        };
        let colour = if stands_out { WARN } else { ACCENT };
        if let Some(ci) = r.leniency.ci95() {
            whisker(&mut svg, x, y, ci, colour);
        }
        if let Some(v) = r.leniency.value() {
            svg.circle(x.at(v), y, 5.5, colour, "#ffffff");
        }
        let text = format!(
            "{} · n = {}",
            estimate_text(&r.leniency, lang, true),
            r.n_cells
        );
        svg.text(VALUE_AT, y + 4.0, "start", INK, 11, &text);
    }
    x_ticks(&mut svg, x, bottom, 0.5, lang, true);
    svg.drawing()
}

/// Overall and per-criterion alpha over the rounds. Practice sessions (another case,
/// other people) stand apart on the left, on a grey band, as loose squares; only live
/// rounds are joined by lines, so a practice session never looks like a step between
/// two live rounds.
pub fn trend_chart(records: &[SnapshotRecord], lang: Lang) -> String {
    let ordered: Vec<&SnapshotRecord> = records
        .iter()
        .filter(|r| r.practice)
        .chain(records.iter().filter(|r| !r.practice))
        .collect();
    let records = ordered;
    let (left, right, top, bottom) = (56.0, 430.0, 24.0, 214.0);
    let mut criteria: Vec<&str> = Vec::new();
    for r in &records {
        for c in &r.snapshot.criteria {
            if !criteria.contains(&c.criterion.as_str()) {
                criteria.push(&c.criterion);
            }
        }
    }
    // The trend draws criterion values and the overall interval; criterion intervals
    // are in the per-round chart and need not stretch this axis.
    let criterion_values = records.iter().flat_map(|r| {
        r.snapshot
            .criteria
            .iter()
            .filter_map(|c| c.alpha_ordinal.value())
    });
    let lo = alpha_floor(records.iter().map(|r| &r.snapshot.overall.alpha_ordinal))
        .min(criterion_values.fold(0.0_f64, f64::min).div_euclid(0.2) * 0.2)
        .max(-1.0);
    let y = Axis {
        lo,
        hi: 1.0,
        from: bottom,
        to: top,
    };
    let n = records.len().max(1);
    let step = (right - left) / n as f64;
    let xat = |i: usize| left + step * (i as f64 + 0.5);
    let height = bottom + 44.0 + (criteria.len() + 1).saturating_sub(8) as f64 * 16.0;
    let title = tr(
        lang,
        "Verloop van de overeenstemming over de rondes (Krippendorffs alfa)",
        "Agreement over the rounds (Krippendorff's alpha)",
    );
    let mut svg = Svg::new(WIDTH, height, &title);
    svg.rect(
        left,
        y.at(TENTATIVE),
        right - left,
        y.at(lo) - y.at(TENTATIVE),
        ZONE_BAD,
    );
    svg.rect(
        left,
        y.at(RELIABLE),
        right - left,
        y.at(TENTATIVE) - y.at(RELIABLE),
        ZONE_WARN,
    );
    svg.rect(
        left,
        y.at(1.0),
        right - left,
        y.at(RELIABLE) - y.at(1.0),
        ZONE_GOOD,
    );
    for t in ticks(lo, 1.0, 0.2) {
        svg.line(left - 4.0, y.at(t), left, y.at(t), MUTED, 1.0, false);
        svg.text(left - 7.0, y.at(t) + 3.5, "end", MUTED, 10, &num(t, lang));
    }
    for (v, colour) in [(TENTATIVE, WARN), (RELIABLE, GOOD)] {
        svg.line(left, y.at(v), right, y.at(v), colour, 1.0, true);
    }
    let practices = records.iter().filter(|r| r.practice).count();
    if practices > 0 {
        let band = step * practices as f64;
        svg.rect_styled(left, top, band, bottom - top, PRACTICE_BAND, 0.18, None);
        svg.text(
            left + band / 2.0,
            top - 6.0,
            "middle",
            MUTED,
            10,
            &tr(lang, "oefensessies", "practice sessions"),
        );
        if practices < n {
            svg.line(left + band, top, left + band, bottom, MUTED, 1.0, true);
        }
    }
    for (i, r) in records.iter().enumerate() {
        svg.text(
            xat(i),
            bottom + 16.0,
            "middle",
            INK,
            11,
            r.label().get(lang),
        );
        svg.text(
            xat(i),
            bottom + 30.0,
            "middle",
            MUTED,
            10,
            &format!("v{}", r.rubric_version),
        );
    }
    for (k, name) in criteria.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        let points: Vec<(f64, f64, bool)> = records
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let c = r.snapshot.criteria.iter().find(|c| c.criterion == *name)?;
                Some((xat(i), y.at(c.alpha_ordinal.value()?), r.practice))
            })
            .collect();
        let live: Vec<(f64, f64)> = points.iter().filter(|p| !p.2).map(|p| (p.0, p.1)).collect();
        svg.polyline(&live, colour, 1.5);
        for (px, py, practice) in &points {
            if *practice {
                svg.rect(px - 3.0, py - 3.0, 6.0, 6.0, colour);
            } else {
                svg.circle(*px, *py, 3.0, colour, colour);
            }
        }
        let ly = top + 6.0 + k as f64 * 16.0;
        svg.line(right + 18.0, ly, right + 34.0, ly, colour, 2.0, false);
        svg.text(right + 40.0, ly + 4.0, "start", INK, 11, &clip(name, 24));
    }
    let overall: Vec<(f64, f64, bool)> = records
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            Some((
                xat(i),
                y.at(r.snapshot.overall.alpha_ordinal.value()?),
                r.practice,
            ))
        })
        .collect();
    for (i, r) in records.iter().enumerate() {
        if let Some([a, b]) = r.snapshot.overall.alpha_ordinal.ci95() {
            svg.line(xat(i), y.at(a), xat(i), y.at(b), INK, 2.0, false);
        }
    }
    let live: Vec<(f64, f64)> = overall
        .iter()
        .filter(|p| !p.2)
        .map(|p| (p.0, p.1))
        .collect();
    svg.polyline(&live, INK, 3.0);
    for (px, py, practice) in &overall {
        if *practice {
            svg.rect_styled(
                px - 5.0,
                py - 5.0,
                10.0,
                10.0,
                "#ffffff",
                1.0,
                Some((INK, 2.0)),
            );
        } else {
            svg.circle(*px, *py, 5.0, INK, "#ffffff");
        }
    }
    let ly = top + 6.0 + criteria.len() as f64 * 16.0;
    svg.line(right + 18.0, ly, right + 34.0, ly, INK, 3.0, false);
    svg.text(
        right + 40.0,
        ly + 4.0,
        "start",
        INK,
        11,
        &tr(lang, "Alle criteria samen", "All criteria together"),
    );
    svg.finish()
}

/// `text` in lines of at most `width` characters, broken between words, at most
/// `max_lines` of them; what does not fit ends the last line with an ellipsis.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let len = current.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(rest);
    }
    let last = lines.len() - 1;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == last || l.chars().count() > width {
                clip(&l, width)
            } else {
                l
            }
        })
        .collect()
}

/// Candidates and criteria of the cell grid, in the order the record lists cells.
pub fn grid_order(record: &SnapshotRecord) -> (Vec<&str>, Vec<&str>) {
    let (mut rows, mut cols): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for c in &record.cells {
        if !rows.contains(&c.candidate.as_str()) {
            rows.push(&c.candidate);
        }
        if !cols.contains(&c.criterion.as_str()) {
            cols.push(&c.criterion);
        }
    }
    (rows, cols)
}

/// The element id of a cell in [`hotspot_map`], unique per round on one page.
pub fn cell_anchor(record: &SnapshotRecord, candidate: &str, criterion: &str) -> Option<String> {
    let (rows, cols) = grid_order(record);
    let r = rows.iter().position(|c| *c == candidate)?;
    let k = cols.iter().position(|c| *c == criterion)?;
    Some(format!(
        "cel-{}{}-{r}-{k}",
        if record.practice { "p" } else { "r" },
        record.round
    ))
}

/// Every candidate × criterion cell coloured by how far apart the scores lie; cells
/// two or more levels apart (the hotspots) are outlined in red.
pub fn hotspot_map(record: &SnapshotRecord, lang: Lang) -> String {
    let (rows, cols) = grid_order(record);
    let label_w = 96.0;
    let cell_w = ((WIDTH - label_w - 16.0) / cols.len().max(1) as f64).min(120.0);
    let cell_h = 26.0;
    let max_chars = ((cell_w / 6.5) as usize).max(4);
    // Column headers wrap over up to three lines: criterion names are long.
    let headers: Vec<Vec<String>> = cols.iter().map(|n| wrap(n, max_chars, 3)).collect();
    let lines = headers.iter().map(Vec::len).max().unwrap_or(1);
    let top = 30.0 + 13.0 * lines as f64;
    let height = top + rows.len() as f64 * cell_h + 34.0;
    let title = tr(
        lang,
        "Spreiding per cel: laagste en hoogste score per kandidaat en criterium",
        "Spread per cell: lowest and highest score per candidate and criterion",
    );
    let mut svg = Svg::new(WIDTH, height, &title);
    for (k, header) in headers.iter().enumerate() {
        let cx = label_w + (k as f64 + 0.5) * cell_w;
        let first = top - 10.0 - 13.0 * (header.len() - 1) as f64;
        for (i, line) in header.iter().enumerate() {
            svg.text(cx, first + 13.0 * i as f64, "middle", INK, 11, line);
        }
    }
    for (r, code) in rows.iter().enumerate() {
        let y = top + r as f64 * cell_h;
        svg.text(label_w - 8.0, y + cell_h / 2.0 + 4.0, "end", INK, 12, code);
        for (k, criterion) in cols.iter().enumerate() {
            let x = label_w + k as f64 * cell_w;
            let cell = record
                .cells
                .iter()
                .find(|c| c.candidate == *code && c.criterion == *criterion);
            let spread = cell.and_then(|c| c.spread());
            let fill = match spread {
                None => "#f1f3f5",
                Some(s) if s >= HOTSPOT_SPREAD => "#f3c9c4",
                Some(s) if s >= 1.0 => "#f9eed8",
                Some(_) => "#e1f1e6",
            };
            let hot = spread.is_some_and(|s| s >= HOTSPOT_SPREAD);
            let id = cell_anchor(record, code, criterion).unwrap_or_default();
            svg.group(Some(&id));
            let outline = if hot { (BAD, 2.5) } else { ("#ffffff", 2.0) };
            svg.rect_styled(
                x + 1.0,
                y + 1.0,
                cell_w - 2.0,
                cell_h - 2.0,
                fill,
                1.0,
                Some(outline),
            );
            let text = match cell.and_then(|c| Some((c.min?, c.max?))) {
                Some((lo, hi)) if lo == hi => format!("{lo}"),
                Some((lo, hi)) => format!("{lo}–{hi}"),
                None => "–".to_owned(),
            };
            svg.text(
                x + cell_w / 2.0,
                y + cell_h / 2.0 + 4.0,
                "middle",
                if hot { BAD } else { INK },
                12,
                &text,
            );
            svg.group(None);
        }
    }
    let ly = top + rows.len() as f64 * cell_h + 22.0;
    let mut lx = label_w;
    for (fill, nl, en) in [
        ("#e1f1e6", "eensgezind", "agreed"),
        ("#f9eed8", "1 niveau verschil", "1 level apart"),
        ("#f3c9c4", "2 of meer: bespreken", "2 or more: discuss"),
    ] {
        svg.rect(lx, ly - 10.0, 14.0, 12.0, fill);
        svg.text(lx + 19.0, ly, "start", MUTED, 10, &tr(lang, nl, en));
        lx += 150.0;
    }
    svg.finish()
}

#[cfg(test)]
mod tests {

    /// WCAG's contrast ratio of two `#rrggbb` colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let luminance = |hex: &str| {
            let channel = |i: usize| {
                let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if c <= 0.03928 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
        };
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn plot_text_is_readable_on_every_background_at_wcag_aa() {
        // The colours that text takes in the plots, on the page and on the shaded zones.
        for text in [INK, MUTED, GOOD, WARN, BAD, ACCENT] {
            for ground in ["#ffffff", "#f4f6f8", ZONE_BAD, ZONE_WARN, ZONE_GOOD] {
                let ratio = contrast(text, ground);
                assert!(ratio >= 4.5, "{text} on {ground}: {ratio:.2}:1");
            }
        }
    }

    use super::super::record::tests::{record, ASSESSORS, CRITERIA};
    use super::*;

    fn well_formed(svg: &str) {
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{svg}"
        );
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("style="), "the CSP blocks inline styles");
        assert!(!svg.contains("<script") && !svg.contains("href=\"http"));
        assert!(!svg.contains("NaN") && !svg.contains("\"inf"), "{svg}");
    }

    #[test]
    fn the_alpha_chart_names_every_criterion_and_the_band_lines() {
        let svg = alpha_chart(&record(1), None, Lang::Nl);
        well_formed(&svg);
        for c in CRITERIA {
            assert!(svg.contains(&format!(">{c}</text>")), "{c}");
        }
        assert!(svg.contains(">0,667<") && svg.contains(">0,800<"));
        assert!(svg.contains("Alle criteria samen"));
        assert!(!svg.contains("vorige ronde"));
        let with_before = alpha_chart(&record(2), Some(&record(1)), Lang::En);
        assert!(with_before.contains("previous round") && with_before.contains(">0.800<"));
    }

    #[test]
    fn the_leniency_chart_shows_each_assessor_with_n() {
        let r = record(2);
        let svg = leniency_chart(&r, Lang::Nl);
        well_formed(&svg);
        for a in ASSESSORS {
            assert!(svg.contains(a), "{a}");
        }
        assert!(svg.contains("n = 18"), "{svg}");
        // Marloes scores a level higher: her dot is drawn in the warning colour.
        let marloes = r
            .snapshot
            .leniency
            .iter()
            .find(|l| l.rater == "Marloes Kuipers")
            .unwrap();
        assert!(marloes.leniency.value().unwrap() > 0.5);
        assert!(svg.contains(WARN));
    }

    #[test]
    fn the_trend_has_a_label_per_round() {
        let mut practice = record(1);
        practice.practice = true;
        let svg = trend_chart(&[practice, record(1), record(2)], Lang::Nl);
        well_formed(&svg);
        for label in ["Oefenronde 1", "Ronde 1", "Ronde 2"] {
            assert!(svg.contains(&format!(">{label}</text>")), "{label}");
        }
    }

    #[test]
    fn a_practice_session_stands_apart_and_is_not_joined_to_live_rounds() {
        let mut practice = record(1);
        practice.practice = true;
        // Recorded between live rounds 1 and 2, drawn before them, on its own band.
        let svg = trend_chart(&[record(1), practice, record(2)], Lang::Nl);
        well_formed(&svg);
        let at = |label: &str| svg.find(&format!(">{label}</text>")).unwrap();
        assert!(at("Oefenronde 1") < at("Ronde 1") && at("Ronde 1") < at("Ronde 2"));
        assert!(svg.contains(">oefensessies</text>") && svg.contains(PRACTICE_BAND));
        // Every joining line has only live points: two rounds, so two points each.
        for line in svg.split("<polyline").skip(1) {
            let points = line
                .split("points=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            assert_eq!(points.split_whitespace().count(), 2, "{points}");
        }
        // Without live rounds there is no line at all.
        let mut only = record(1);
        only.practice = true;
        assert!(!trend_chart(&[only], Lang::Nl).contains("<polyline"));
    }

    #[test]
    fn long_names_wrap_between_words_and_end_with_an_ellipsis() {
        assert_eq!(
            wrap("Besluitvaardigheid onder druk", 14, 3),
            ["Besluitvaardi…", "onder druk"]
        );
        assert_eq!(
            wrap("Integriteit en omgang met belangen", 12, 3),
            ["Integriteit", "en omgang", "met belangen"]
        );
        let three = wrap("Bestuurlijk vakmanschap sturen op beleid en werken", 12, 3);
        assert_eq!(three.len(), 3);
        assert!(three[2].ends_with('…'), "{three:?}");
        assert_eq!(wrap("Kort", 12, 3), ["Kort"]);
    }

    #[test]
    fn hotspots_are_outlined_cells_with_an_anchor() {
        let r = record(1);
        let svg = hotspot_map(&r, Lang::Nl);
        well_formed(&svg);
        let anchor = cell_anchor(&r, "K-4", "Integriteit").unwrap();
        assert_eq!(anchor, "cel-r1-3-1");
        let at = svg.find(&format!("<g id=\"{anchor}\">")).unwrap();
        let cell = &svg[at..at + svg[at..].find("</g>").unwrap()];
        assert!(cell.contains(BAD) && cell.contains(">1–5<"), "{cell}");
        assert_eq!(cell_anchor(&r, "K-99", "Integriteit"), None);
    }

    #[test]
    fn names_from_a_file_cannot_inject_markup() {
        let mut r = record(1);
        r.snapshot.leniency[0].rater = "<script>alert(1)</script>".into();
        r.cells[0].candidate = "\"><a href=\"x".into();
        let svg = leniency_chart(&r, Lang::Nl) + &hotspot_map(&r, Lang::Nl);
        assert!(!svg.contains("<script") && !svg.contains("\"><a"));
        assert!(svg.contains("&lt;script&gt;"));
    }
}
