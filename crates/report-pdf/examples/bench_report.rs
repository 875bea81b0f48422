//! `cargo xtask bench`: renders the demo team's decision report (gathering the data
//! from a fresh demo database, building the document, writing the PDF/A and the HTML)
//! several times and prints the median as JSON. With an argument, also saves the PDF
//! there; with `--decided` after it, the saved report is made after the demo decision
//! and the unblinding, still by code (the README's pictures are made from it).

use std::time::Instant;

use maatstaf_core::i18n::Lang;
use maatstaf_core::report::report_html;
use maatstaf_core::team::Role;
use maatstaf_report_pdf::render_pdf;
use maatstaf_store::fixtures::{demo_decide, demo_member, demo_team, demo_unlock};
use maatstaf_store::Store;

const RUNS: usize = 7;

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open_in(dir.path()).expect("a demo database");
    let team = demo_team(&store);
    let chair = demo_member(&store, team, Role::Chair);
    let mut times = Vec::with_capacity(RUNS);
    let mut pdf = Vec::new();
    let mut pages = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let doc = store
            .decision_report(team, chair, None, None, Lang::Nl)
            .expect("the demo report");
        pdf = render_pdf(&doc).expect("the PDF");
        let html = report_html(&doc);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        pages = html.len();
    }
    times.sort_by(f64::total_cmp);
    if let Some(out) = std::env::args().nth(1) {
        if std::env::args().nth(2).as_deref() == Some("--decided") {
            demo_decide(&mut store, team);
            let by = demo_unlock(&mut store, team, Role::Chair);
            store
                .unblind(&by, "besluit is genomen")
                .expect("the unblinding");
            let doc = store
                .decision_report(team, chair, None, None, Lang::Nl)
                .expect("the demo report");
            pdf = render_pdf(&doc).expect("the PDF");
        }
        std::fs::write(&out, &pdf).expect("the PDF file");
    }
    println!(
        "{{\"report_ms\": {:.1}, \"pdf_bytes\": {}, \"html_bytes\": {pages}}}",
        times[RUNS / 2],
        pdf.len()
    );
}
