//! The comparison sheet of a revealed round as a standalone HTML document: one
//! file with its own styles, no scripts and no remote resources, readable in any
//! browser and printable. Every piece of text that came from a person goes
//! through [`escape`].

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::html::escape;
use crate::i18n::Lang;
use crate::scoring::{CellEntry, ComparisonSheet, Knockout};

/// A complete page around `body` (already escaped HTML), with calm print-friendly styles.
pub fn page(lang: Lang, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        lang = lang.as_str(),
        title = escape(title),
    )
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;color:#1b2733;margin:2rem;line-height:1.45}\
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #c9d2db;padding:.35rem .5rem;text-align:left;vertical-align:top}\
th{background:#eef2f5}.level{font-weight:700}.spread-0{background:#eef7ee}.spread-1{background:#fbf7e6}\
.large{background:#fde2df;outline:2px solid #b3261e}.out{color:#b3261e;font-weight:700}.muted{color:#5b6b7a}\
.notes li{margin:.2rem 0}h2{margin-top:2rem;page-break-after:avoid}section{page-break-inside:avoid}\
@media print{body{margin:0}}";

fn say(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn number(lang: Lang, x: f64) -> String {
    let s = format!("{x:.1}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// The comparison sheet of a revealed round as a standalone page: candidates (by
/// code) × criteria with every assessor's level, the spread, large disagreements,
/// weighted totals, knockouts and all evidence notes. `assessor_names` maps
/// assessor ids to the names shown (members, not candidates).
pub fn comparison_sheet(
    sheet: &ComparisonSheet,
    assessor_names: &BTreeMap<String, String>,
    heading: &str,
    lang: Lang,
) -> String {
    let name = |id: &str| escape(assessor_names.get(id).map(String::as_str).unwrap_or(id));
    let mut b = String::new();
    let _ = writeln!(b, "<h1>{}</h1>", escape(heading));
    let _ = writeln!(
        b,
        "<p class=\"muted\">{} {} · {} {}–{} · {} {}</p>",
        say(lang, "Ronde", "Round"),
        sheet.round,
        say(lang, "schaal", "scale"),
        sheet.scale.min,
        sheet.scale.max,
        say(lang, "kader", "rubric"),
        escape(&sheet.rubric_hash[..sheet.rubric_hash.len().min(12)]),
    );
    let missing: Vec<String> = sheet
        .assessors
        .iter()
        .filter(|a| !a.submitted)
        .map(|a| name(&a.assessor))
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(
            b,
            "<p>{}: {}</p>",
            say(lang, "Niet ingeleverd", "Not submitted"),
            missing.join(", ")
        );
    }

    b.push_str("<table>\n<thead><tr><th>");
    b.push_str(say(lang, "Kandidaat", "Candidate"));
    b.push_str("</th>");
    for c in &sheet.criteria {
        let _ = write!(
            b,
            "<th>{} <span class=\"muted\">({}%)",
            escape(&c.name),
            c.weight
        );
        if let Some(k) = c.knockout {
            let _ = write!(b, " · {} &lt; {k}", say(lang, "knock-out", "knockout"));
        }
        b.push_str("</span></th>");
    }
    // With posts a total belongs to one post: the posts' sections below give them.
    let by_posts = !sheet.posts.is_empty();
    if !by_posts {
        let _ = write!(
            b,
            "<th>{}</th>",
            say(lang, "Gewogen totaal (0–100)", "Weighted total (0–100)")
        );
    }
    b.push_str("</tr></thead>\n<tbody>\n");
    for row in &sheet.candidates {
        let _ = write!(b, "<tr><th>{}", escape(&row.code));
        if row.withdrawn {
            let _ = write!(
                b,
                "<br><span class=\"withdrawn\">{}</span>",
                say(lang, "teruggetrokken kandidaat", "withdrawn candidate")
            );
        }
        if row.knocked_out {
            let _ = write!(
                b,
                "<br><span class=\"out\">{}</span>",
                say(lang, "knock-out", "knocked out")
            );
        }
        b.push_str("</th>");
        for cell in &row.cells {
            let class = match cell.stats {
                _ if cell.large_disagreement => "large".to_owned(),
                Some(s) => format!("spread-{}", s.spread.min(1)),
                None => String::new(),
            };
            let _ = write!(b, "<td class=\"{class}\">");
            for entry in &cell.entries {
                match entry {
                    CellEntry::Scored {
                        assessor, level, ..
                    } => {
                        let _ = write!(
                            b,
                            "{}: <span class=\"level\">{level}</span><br>",
                            name(assessor)
                        );
                    }
                    CellEntry::Excluded { assessor } => {
                        let _ = write!(
                            b,
                            "{}: <span class=\"muted\">{}</span><br>",
                            name(assessor),
                            say(lang, "uitgesloten (belang)", "excluded (conflict)")
                        );
                    }
                    CellEntry::Missing { assessor } => {
                        let _ = write!(b, "{}: <span class=\"muted\">—</span><br>", name(assessor));
                    }
                }
            }
            if let Some(s) = cell.stats {
                let _ = write!(
                    b,
                    "<span class=\"muted\">{} {} · {} {}</span>",
                    say(lang, "gem.", "mean"),
                    number(lang, s.mean),
                    say(lang, "spreiding", "spread"),
                    s.spread
                );
            }
            match &cell.knockout {
                Knockout::Out => {
                    let _ = write!(
                        b,
                        "<br><span class=\"out\">{}</span>",
                        say(lang, "onder knock-outgrens", "below knockout")
                    );
                }
                Knockout::Warning { assessors } => {
                    let who: Vec<String> = assessors.iter().map(|a| name(a)).collect();
                    let _ = write!(
                        b,
                        "<br><span class=\"out\">{}: {}</span>",
                        say(lang, "onder grens bij", "below limit for"),
                        who.join(", ")
                    );
                }
                Knockout::Clear => {}
            }
            b.push_str("</td>");
        }
        if by_posts {
            b.push_str("</tr>\n");
            continue;
        }
        b.push_str("<td>");
        for t in &row.totals {
            let total = t.total.map_or_else(|| "—".to_owned(), |x| number(lang, x));
            let _ = write!(b, "{}: {total}<br>", name(&t.assessor));
        }
        if let Some(mean) = row.mean_total {
            let _ = write!(
                b,
                "<strong>{} {}</strong>",
                say(lang, "gem.", "mean"),
                number(lang, mean)
            );
        }
        b.push_str("</td></tr>\n");
    }
    b.push_str("</tbody>\n</table>\n");

    post_sections(&mut b, sheet, &name, lang);

    let _ = writeln!(
        b,
        "<h2>{}</h2>",
        say(lang, "Onderbouwingen", "Evidence notes")
    );
    for row in &sheet.candidates {
        let _ = writeln!(b, "<section><h3>{}</h3>", escape(&row.code));
        for (criterion, cell) in sheet.criteria.iter().zip(&row.cells) {
            let _ = writeln!(
                b,
                "<h4>{}</h4><ul class=\"notes\">",
                escape(&criterion.name)
            );
            for entry in &cell.entries {
                if let CellEntry::Scored {
                    assessor,
                    level,
                    evidence,
                    reason,
                } = entry
                {
                    let _ = write!(
                        b,
                        "<li><strong>{} ({level})</strong>: {}",
                        name(assessor),
                        escape(evidence)
                    );
                    if let Some(reason) = reason {
                        let _ = write!(
                            b,
                            " <em>{}: {}</em>",
                            say(lang, "reden voor wijziging", "reason for change"),
                            escape(reason)
                        );
                    }
                    b.push_str("</li>\n");
                }
            }
            b.push_str("</ul>\n");
        }
        b.push_str("</section>\n");
    }
    page(lang, heading, &b)
}

/// In a round for several posts: per post its weights and each candidate's weighted
/// total for it (every assessor's, the mean) and whether a knock-out criterion of
/// the post rules the candidate out for it. Nothing for a round without posts.
fn post_sections(
    b: &mut String,
    sheet: &ComparisonSheet,
    name: &dyn Fn(&str) -> String,
    lang: Lang,
) {
    for post in &sheet.posts {
        let _ = writeln!(
            b,
            "<section class=\"post\"><h2>{} {}</h2>",
            say(lang, "Post", "Post"),
            escape(&post.name)
        );
        let weights: Vec<String> = post
            .weights
            .iter()
            .map(|w| {
                let criterion = sheet
                    .criteria
                    .iter()
                    .find(|c| c.id == w.criterion)
                    .map_or(w.criterion.as_str(), |c| c.name.as_str());
                format!("{} {}%", escape(criterion), w.weight)
            })
            .collect();
        let _ = writeln!(
            b,
            "<p class=\"muted\">{}: {}</p>",
            say(lang, "Gewichten", "Weights"),
            weights.join(" · ")
        );
        let _ = write!(
            b,
            "<table>\n<thead><tr><th>{}</th>",
            say(lang, "Kandidaat", "Candidate")
        );
        for a in &sheet.assessors {
            let _ = write!(b, "<th>{}</th>", name(&a.assessor));
        }
        let _ = writeln!(
            b,
            "<th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            say(
                lang,
                "Gemiddeld gewogen totaal (0–100)",
                "Mean weighted total (0–100)"
            ),
            say(lang, "Knock-out", "Knockout")
        );
        for c in &post.candidates {
            let _ = write!(b, "<tr><th>{}</th>", escape(&c.code));
            for a in &sheet.assessors {
                let total = c
                    .totals
                    .iter()
                    .find(|t| t.assessor == a.assessor)
                    .and_then(|t| t.total)
                    .map_or_else(|| "—".to_owned(), |x| number(lang, x));
                let _ = write!(b, "<td>{total}</td>");
            }
            let mean = c
                .mean_total
                .map_or_else(|| "—".to_owned(), |x| number(lang, x));
            let out = if c.knocked_out {
                format!(
                    "<span class=\"out\">{}</span>",
                    say(
                        lang,
                        "knock-out voor deze post",
                        "knocked out for this post"
                    )
                )
            } else {
                "—".to_owned()
            };
            let _ = writeln!(b, "<td><strong>{mean}</strong></td><td>{out}</td></tr>");
        }
        b.push_str("</tbody>\n</table>\n</section>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_escapes_its_title_and_loads_nothing() {
        let html = page(Lang::Nl, "<b>Titel</b>", "<p>ok</p>");
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<title>&lt;b&gt;Titel&lt;/b&gt;</title>"));
        assert!(html.contains("lang=\"nl\""));
        assert!(!html.contains("http"), "no remote resources");
    }
}
