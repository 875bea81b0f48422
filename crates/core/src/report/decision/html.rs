//! The decision report as one standalone web page: its own styles, no script, no
//! remote resource; every text goes through [`escape`].

use std::fmt::Write;

use super::{Block, ReportDoc};
use crate::html::escape;

const STYLE: &str = "body{font-family:'DejaVu Sans',system-ui,sans-serif;color:#1b2733;margin:2rem auto;max-width:52rem;line-height:1.45;padding:0 1rem}\
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #c9d2db;page-break-after:avoid}h3{margin-top:1.4rem;page-break-after:avoid}\
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem}caption{text-align:left;font-weight:600;padding:.2rem 0}\
th,td{border:1px solid #c9d2db;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eef2f5}\
tr{page-break-inside:avoid}figure{margin:1rem 0;page-break-inside:avoid}figure svg{max-width:100%;height:auto}figcaption{font-size:.9rem;color:#3a4856}@media print{body{margin:0;max-width:none}}";

/// `doc` as a complete HTML page.
pub fn report_html(doc: &ReportDoc) -> String {
    let mut b = String::new();
    let _ = write!(
        b,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        doc.lang.as_str(),
        escape(&doc.title)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 6);
                let _ = writeln!(b, "<h{level}>{}</h{level}>", escape(text));
            }
            Block::Paragraph { text } => {
                let _ = writeln!(b, "<p>{}</p>", escape(text));
            }
            Block::List { items } => {
                b.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(b, "<li>{}</li>", escape(item));
                }
                b.push_str("</ul>\n");
            }
            Block::Table {
                caption,
                header,
                rows,
            } => {
                let _ = write!(
                    b,
                    "<table>\n<caption>{}</caption>\n<thead><tr>",
                    escape(caption)
                );
                for h in header {
                    let _ = write!(b, "<th scope=\"col\">{}</th>", escape(h));
                }
                b.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    b.push_str("<tr>");
                    for (i, cell) in row.iter().enumerate() {
                        if i == 0 {
                            let _ = write!(b, "<th scope=\"row\">{}</th>", escape(cell));
                        } else {
                            let _ = write!(b, "<td>{}</td>", escape(cell));
                        }
                    }
                    b.push_str("</tr>\n");
                }
                b.push_str("</tbody>\n</table>\n");
            }
            Block::Figure {
                caption, alt, svg, ..
            } => {
                // The SVG comes from core's plot writer, which escapes every text.
                let _ = writeln!(
                    b,
                    "<figure>\n{svg}\n<figcaption><strong>{}</strong><br>{}</figcaption>\n</figure>",
                    escape(caption),
                    escape(alt)
                );
            }
        }
    }
    b.push_str("</main>\n</body>\n</html>\n");
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_page_escapes_every_text_and_marks_row_and_column_headers() {
        let doc = ReportDoc {
            lang: Lang::En,
            title: "Report <b>".into(),
            round: 2,
            generated_at: "2026-12-02T10:00:00Z".into(),
            blocks: vec![
                Block::Heading {
                    level: 9,
                    text: "<script>x</script>".into(),
                },
                Block::Paragraph {
                    text: "A & B".into(),
                },
                Block::List {
                    items: vec!["\"quoted\"".into()],
                },
                Block::Table {
                    caption: "Totals".into(),
                    header: vec!["Candidate".into(), "Total".into()],
                    rows: vec![vec!["K-7F3".into(), "<89>".into()]],
                },
            ],
        };
        let html = report_html(&doc);
        assert!(html.contains("<html lang=\"en\">"));
        assert!(html.contains("<title>Report &lt;b&gt;</title>"));
        assert!(html.contains("<h6>&lt;script&gt;x&lt;/script&gt;</h6>"));
        assert!(!html.contains("<script"));
        assert!(html.contains("<p>A &amp; B</p>"));
        assert!(html.contains("<th scope=\"col\">Candidate</th>"));
        assert!(html.contains("<th scope=\"row\">K-7F3</th><td>&lt;89&gt;</td>"));
        assert!(doc.text().contains("K-7F3 | <89>"));
    }

    #[test]
    fn dates_read_as_words_in_both_languages() {
        use super::super::build::day;
        assert_eq!(day(Lang::Nl, "2026-12-02T10:00:00Z"), "2 december 2026");
        assert_eq!(day(Lang::En, "2026-03-01T10:00:00Z"), "1 March 2026");
        assert_eq!(day(Lang::Nl, "onbekend"), "onbekend");
    }

    #[test]
    fn times_read_as_local_time_with_the_offset_shown() {
        use super::super::build::moment;
        assert_eq!(
            moment(Lang::Nl, "2026-12-02T10:14:03+01:00"),
            "2 december 2026, 10:14 (UTC+01:00)"
        );
        assert_eq!(
            moment(Lang::En, "2026-07-01T09:05:00+02:00"),
            "1 July 2026, 09:05 (UTC+02:00)"
        );
        assert_eq!(
            moment(Lang::En, "2026-07-01T09:05:00-04:00"),
            "1 July 2026, 09:05 (UTC-04:00)"
        );
        assert_eq!(
            moment(Lang::Nl, "2026-12-02T09:14:03Z"),
            "2 december 2026, 09:14 UTC"
        );
    }

    #[test]
    fn a_figure_is_the_plot_with_its_caption_and_alternative_text() {
        let drawing = crate::report::Drawing {
            width: 100.0,
            height: 40.0,
            label: "Agreement <per> criterion".into(),
            shapes: vec![crate::report::Shape::Circle {
                cx: 10.0,
                cy: 10.0,
                r: 5.0,
                fill: "#1e6b3d".into(),
                stroke: "#ffffff".into(),
            }],
        };
        let doc = ReportDoc {
            lang: Lang::En,
            title: "Report".into(),
            round: 1,
            generated_at: "2026-12-02T10:00:00+01:00".into(),
            blocks: vec![Block::Figure {
                caption: drawing.label.clone(),
                alt: "Dots & bars".into(),
                svg: drawing.to_svg(),
                drawing,
            }],
        };
        let html = report_html(&doc);
        assert!(html.contains("<figure>\n<svg"), "{html}");
        assert!(html.contains("<circle cx=\"10.0\""), "{html}");
        assert!(html.contains("Agreement &lt;per&gt; criterion</strong><br>Dots &amp; bars"));
        assert!(doc.text().contains("Dots & bars"));
    }
}
