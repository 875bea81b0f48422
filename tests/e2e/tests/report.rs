//! The decision report in the real app: an assessor's dissent before the decision,
//! the chair's preview and the saved PDF, with codes and without names while the team
//! is blinded; the saved file is logged with its SHA-256 and listed.

use maatstaf_core::ledger::EntryKind;
use maatstaf_e2e::demo::{CHAIR, GERRIT};
use maatstaf_e2e::App;

use crate::support::demo_without_open_round;

#[tokio::test]
async fn an_assessor_dissents_and_the_chair_previews_and_saves_the_report() {
    let data = tempfile::tempdir().unwrap();
    // The demo's round 2 revealed, so that the team can decide.
    demo_without_open_round(data.path());
    let app = App::start(data.path()).await;
    app.click("#nav-scoring").await;
    app.switch_scorer(GERRIT).await;
    app.wait_for("#comparison-table").await;

    // Before the decision, an assessor records that they disagree; the report itself
    // is for officers only.
    app.wait_text("#report-officers-only", "Alleen de voorzitter")
        .await;
    app.type_into(
        "#dissent-text",
        "K-R4M liet meer bestuurlijke ervaring zien.",
    )
    .await;
    app.click("#dissent-save").await;
    app.wait_text("#dissent-list", "Gerrit Bosma").await;

    // The chair previews the report: codes, the dissent, no names.
    app.switch_scorer(CHAIR).await;
    app.click("#report-preview").await;
    let doc = app.wait_text("#report-document", "6. Het logboek").await;
    for code in ["K-7F3", "K-R4M", "K-2XH"] {
        assert!(doc.contains(code), "{code} missing from the preview");
    }
    assert!(doc.contains("K-R4M liet meer bestuurlijke ervaring zien."));
    for name in [
        "Sanne Hoekstra",
        "Kees Brouwer",
        "Joke van der Linden-Bakker",
    ] {
        assert!(!doc.contains(name), "{name} in a blinded report");
    }

    // And saves it as a PDF through the save dialog.
    let chosen = tempfile::tempdir().unwrap();
    let file = chosen.path().join("besluitverslag-demo.pdf");
    app.click("#report-save-pdf").await;
    app.save_as("Besluitverslag opslaan", &file).await;
    app.wait_text("#report-done", "besluitverslag-demo.pdf")
        .await;
    app.quit().await;

    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF was written");
    let store = maatstaf_store::Store::open_in(data.path()).unwrap();
    let demo = store.list_teams().unwrap()[0].id;
    let logged = store
        .ledger(demo)
        .unwrap()
        .into_iter()
        .find(|e| e.kind == EntryKind::ReportExported)
        .expect("the export is in the log");
    assert_eq!(
        logged.payload["sha256"],
        maatstaf_core::ledger::sha256_hex(&bytes)
    );
    assert_eq!(logged.payload["format"], "pdf");
    assert!(store
        .exports(demo)
        .unwrap()
        .iter()
        .any(|e| e.file_name == "besluitverslag-demo.pdf"));
}
