//! Conflicts of interest in the real app with the demo team: an assessor declares a
//! family tie with a candidate in the conflicts screen, the team's rule takes them off
//! that candidate in the open round, the chair's override is refused without a reason
//! and recorded with one, and all of it is still shown and logged after a restart.

use fantoccini::Locator;
use maatstaf_core::ledger::EntryKind;
use maatstaf_e2e::demo::{CHAIR, PRIYA};
use maatstaf_e2e::App;
use maatstaf_store::fixtures::demo_team;

/// A demo candidate (content/demo/team.toml).
const CODE: &str = "K-R4M";
const REASON: &str = "Aangetrouwde neef, al twintig jaar geen contact";

/// The declaration rows of the conflicts screen, once one mentions `needle`.
async fn declarations_with(app: &App, needle: &str) -> String {
    app.wait_text("#declarations", needle).await
}

#[tokio::test]
async fn a_declared_conflict_excludes_the_assessor_and_an_override_needs_a_reason() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    app.click("#nav-scoring").await;

    // The demo's round 2 is open and Priya has not scored it yet: every candidate is
    // on her sheet.
    app.switch_scorer(PRIYA).await;
    let order = app.text("#candidate-order").await;
    assert!(order.contains(CODE), "{order}");
    assert!(app
        .client
        .find(Locator::Css("#excluded-note"))
        .await
        .is_err());

    // Priya declares a family tie: the team's rule for family is "does not score".
    app.click("#tab-conflicts").await;
    app.wait_for("#conflict-code")
        .await
        .select_by_value(CODE)
        .await
        .unwrap();
    app.wait_for("#conflict-kind")
        .await
        .select_by_value("family")
        .await
        .unwrap();
    app.type_into("#conflict-note", "Neef van mijn vrouw").await;
    app.click("#declare-conflict").await;
    let message = app.wait_text("#conflict-message", CODE).await;
    assert!(message.contains("scoort niet"), "{message}");
    let mine = declarations_with(&app, CODE).await;
    assert!(
        mine.contains("Familie") && mine.contains("scoort niet"),
        "{mine}"
    );

    // The open round applies it: Priya's sheet no longer has that candidate.
    app.click("#tab-round").await;
    app.wait_text("#excluded-note", CODE).await;

    // The chair overrides the rule for this declaration: not without a reason.
    app.switch_scorer(CHAIR).await;
    app.click("#tab-conflicts").await;
    let all = declarations_with(&app, "Priya Ramdin").await;
    assert!(all.contains(CODE), "{all}");
    app.click_text("button", "Toch laten scoren").await;
    let refused = app.wait_text("#conflict-error", "reden").await;
    assert!(refused.contains("Afwijken"), "{refused}");
    let list = app.text("#declarations").await;
    assert!(!list.contains("afwijking van de regel"), "{list}");
    app.type_into("#declarations input", REASON).await;
    app.click_text("button", "Toch laten scoren").await;
    let overridden = declarations_with(&app, REASON).await;
    assert!(overridden.contains("scoort, gemeld"), "{overridden}");
    app.quit().await;

    // After a restart the declaration and the override are still there.
    let app = App::start(data.path()).await;
    app.click("#nav-scoring").await;
    app.switch_scorer(CHAIR).await;
    app.click("#tab-conflicts").await;
    let after = declarations_with(&app, REASON).await;
    assert!(
        after.contains(CODE) && after.contains("Priya Ramdin") && after.contains("Familie"),
        "{after}"
    );
    app.quit().await;

    // And the team's log records both, with the reason, in an intact chain.
    let store = maatstaf_store::Store::open_in(data.path()).unwrap();
    let demo = demo_team(&store);
    let log = store.ledger(demo).unwrap();
    let declared = log
        .iter()
        .find(|e| e.kind == EntryKind::ConflictDeclared && e.payload["candidate_code"] == CODE)
        .expect("the declaration is logged");
    let overridden = log
        .iter()
        .find(|e| e.kind == EntryKind::ConflictOverridden)
        .expect("the override is logged");
    assert!(overridden.seq > declared.seq);
    assert_eq!(overridden.payload["reason"], REASON);
    assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));
}
