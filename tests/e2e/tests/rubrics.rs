//! Rubrics in the real app: from a template to a frozen version 1 and a
//! draft version 2, live lint findings, a broken import, a refused freeze.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use maatstaf_e2e::{App, WAIT};

const CLEAN_DEFINITION: &str =
    "Brengt partijen met tegengestelde belangen tot een voorstel dat zij kunnen dragen.";

const TEAM: &str = "Gemeente Lindeveld — formatie 2026";

/// Opens the Rubrics area on a new team without rubrics (the demo team already
/// carries its frozen rubric), with its secretary signed in: only an officer edits.
async fn open_rubrics(app: &App) {
    app.create_team_as_chair(TEAM, ("Mirjam Bakker", "vuurtoren pannenkoek kievit"))
        .await;
    app.click("#nav-rubrics").await;
    app.wait_text("#rubrics-active-member", "Mirjam Bakker")
        .await;
    app.wait_text("#rubric-list", "nog geen rubriek").await;
}

async fn create_from_template(app: &App, template: &str) {
    app.click("#rubric-new").await;
    app.click(&format!("input[data-template='{template}']"))
        .await;
    app.click("#rubric-create-confirm").await;
    app.wait_text("#rubric-version", "Versie 1").await;
}

async fn wait_gone(app: &App, css: &str) {
    let t0 = Instant::now();
    while app.client.find(Locator::Css(css)).await.is_ok() {
        assert!(t0.elapsed() < WAIT, "{css} stayed on screen");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_template_is_linted_live_frozen_and_edited_into_version_two() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    open_rubrics(&app).await;
    create_from_template(&app, "wethouder-algemeen").await;
    app.wait_text("#rubric-summary", "fouten 0 · waarschuwingen 0")
        .await;
    app.wait_text("#rubric-list", "concept v1").await;

    // A vague criterion: the finding and its explanation appear beside the field.
    app.type_into("#crit-0-definition", "Is een dynamische persoonlijkheid.")
        .await;
    let finding = app
        .wait_text("#crit-0-definition-findings", "dit beschrijft een indruk")
        .await;
    assert!(finding.to_lowercase().contains("waarschuwing"), "{finding}");
    assert!(finding.contains("Tip:"), "{finding}");
    assert_eq!(
        app.text("#crit-0-definition-findings mark").await,
        "dynamische"
    );

    // Fixing it makes the finding go away.
    app.type_into("#crit-0-definition", CLEAN_DEFINITION).await;
    wait_gone(&app, "#crit-0-definition-findings").await;
    app.click("#rubric-save").await;
    app.wait_text("#rubric-save", "Opgeslagen").await;

    // Freeze: no warnings to accept, so the dialog only confirms.
    app.click("#rubric-freeze").await;
    app.wait_for("#freeze-dialog").await;
    app.click("#freeze-confirm").await;
    app.wait_text("#rubric-version", "vastgezet op").await;
    // The controlegetal is a technical detail: behind "Details".
    app.click("#rubric-details summary").await;
    let sha = app.wait_text("#rubric-sha", "SHA-256").await;
    assert!(sha.contains("Controlegetal"), "{sha}");
    app.wait_text("#rubric-list", "vastgezet, versie 1").await;
    let readonly = app
        .wait_for("#crit-0-definition")
        .await
        .attr("readonly")
        .await
        .unwrap();
    assert!(readonly.is_some(), "a frozen rubric is read-only");
    assert!(app
        .client
        .find(Locator::Css("#rubric-freeze"))
        .await
        .is_err());

    // Editing a frozen rubric makes version 2, a draft.
    app.click("#rubric-new-version").await;
    app.wait_text("#rubric-version", "Versie 2").await;
    app.wait_text("#rubric-version", "concept").await;
    app.wait_text("#rubric-list", "concept v2").await;
    assert_eq!(
        app.wait_for("#crit-0-definition")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some(CLEAN_DEFINITION),
        "version 2 starts as a copy of version 1"
    );

    // The side-by-side view shows what version 2 changes.
    app.type_into("#rubric-title", "Wethouder (profiel 2027)")
        .await;
    app.click("#rubric-save").await;
    app.wait_text("#rubric-save", "Opgeslagen").await;
    app.click("#rubric-compare").await;
    let diff = app
        .wait_text("#rubric-diff", "Wethouder (profiel 2027)")
        .await;
    assert!(diff.contains("Wethouder (algemeen profiel)"), "{diff}");
    assert!(diff.contains("v1") && diff.contains("v2"), "{diff}");
    assert_eq!(app.csp_violations().await, Vec::<String>::new());
    app.quit().await;

    // After a restart the list still shows the draft version 2.
    let app = App::start(data.path()).await;
    app.click_text("button", "Gemeente Lindeveld").await;
    app.wait_text("#team-detail-name", TEAM).await;
    app.click("#nav-rubrics").await;
    app.wait_text("#rubric-list", "concept v2").await;
    app.quit().await;
}

#[tokio::test]
async fn a_broken_import_names_line_and_column_and_changes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    open_rubrics(&app).await;
    app.click("#rubric-import").await;
    // Pasted text: typed newlines would arrive as Enter key presses.
    app.wait_for("#import-text").await;
    app.client
        .execute(
            "const el = document.querySelector('#import-text');
             el.value = arguments[0];
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec!["id = \"x\"\ntitle = \"t\"\nversion = \n".into()],
        )
        .await
        .unwrap();
    app.click("#import-confirm").await;
    let error = app.wait_text("#import-error", "Regel 3, kolom").await;
    assert!(error.contains("geen geldig rubriekbestand"), "{error}");
    app.click_text("button", "Annuleren").await;
    wait_gone(&app, "#import-rubric-dialog").await;
    app.wait_text("#rubric-list", "nog geen rubriek").await;
    app.quit().await;
}

#[tokio::test]
async fn freezing_a_rubric_with_an_error_is_refused_with_a_message() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    open_rubrics(&app).await;
    create_from_template(&app, "wethouder-wonen").await;
    // The weights no longer add up to 100: an error.
    app.type_into("#crit-0-weight", "50").await;
    app.wait_text("#rubric-weights", "van 100").await;
    app.wait_text("#rubric-weight-findings", "in plaats van 100")
        .await;
    app.click("#rubric-freeze").await;
    app.wait_text("#rubric-message", "Vastzetten kan niet")
        .await;
    app.wait_text("#rubric-version", "concept").await;
    app.wait_text("#rubric-list", "concept v1").await;
    assert!(app.client.find(Locator::Css("#rubric-sha")).await.is_err());
    app.quit().await;
}
