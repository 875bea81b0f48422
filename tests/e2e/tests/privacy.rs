//! The end of personal data in the real app: the retention date after the decision,
//! and the chair closing the formation.

use maatstaf_e2e::demo::{CHAIR, SECRETARY};
use maatstaf_e2e::App;
use serde_json::{json, Value};

use crate::support::demo_without_open_round;

async fn demo_id(app: &App) -> Value {
    app.invoke("list_teams", json!({})).await["ok"][0]["id"].clone()
}

#[tokio::test]
async fn after_the_decision_the_chair_closes_the_formation_and_the_names_are_gone() {
    let data = tempfile::tempdir().unwrap();
    // The demo's round 2 revealed, so that the team can decide.
    demo_without_open_round(data.path());
    let app = App::start(data.path()).await;
    let team = demo_id(&app).await;
    app.wait_text("#retention-date", "vier weken na het besluit")
        .await;

    // Closing before the decision is refused and changes nothing, whoever asks.
    app.switch_member("#team-switch", "#team-active-member", CHAIR)
        .await;
    let early = app
        .invoke(
            "close_formation",
            json!({ "teamId": team, "keepAppointed": true }),
        )
        .await;
    assert_eq!(early["err"]["code"], "access_decision_needed", "{early}");
    let decided = app
        .invoke(
            "record_decision",
            json!({ "teamId": team, "choices": [{
                "portfolio": "Financiën",
                "candidates": ["K-7F3"],
                "reason": "Sterkste onderbouwing op integriteit en bestuurlijke ervaring."
            }]}),
        )
        .await;
    assert!(decided.get("ok").is_some(), "{decided}");
    // A retention date in the past is refused in Dutch.
    app.click("#team-sign-out").await;
    app.switch_member("#team-switch", "#team-active-member", CHAIR)
        .await;
    app.wait_text("#retention-date", "Bewaren tot").await;
    app.click("#retention-edit").await;
    app.client
        .execute(
            "const i = document.querySelector('#retention-input'); i.value = '2020-01-01';
             i.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )
        .await
        .unwrap();
    app.type_into("#retention-reason", "toestemming").await;
    app.click("#retention-save").await;
    app.wait_text("#retention-card .error", "ligt niet in de toekomst")
        .await;

    // The secretary may not close: not offered, and refused when sent by hand.
    app.switch_member("#team-switch", "#team-active-member", SECRETARY)
        .await;
    app.wait_for("#retention-edit, #retention-date").await;
    let offered = app
        .client
        .execute(
            "return document.querySelector('#close-formation') !== null",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(offered, json!(false));
    let refused = app
        .invoke(
            "close_formation",
            json!({ "teamId": team, "keepAppointed": false }),
        )
        .await;
    assert_eq!(
        refused["err"]["code"], "access_role_not_allowed",
        "{refused}"
    );

    // Before the names go, a candidate asks what the team holds on them: the chair's copy
    // of K-7F3 opens with the name, the scores and their evidence, no assessor named.
    app.switch_member("#team-switch", "#team-active-member", CHAIR)
        .await;
    app.click("#nav-candidates").await;
    let chosen = tempfile::tempdir().unwrap();
    let file = chosen.path().join("inzage-K-7F3.html");
    app.click("#candidate-list tr[data-code='K-7F3'] .personal-copy")
        .await;
    app.save_as("Inzage-exemplaar opslaan", &file).await;
    app.wait_text("#candidates-notice", "inzage-K-7F3.html")
        .await;
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("Sanne Hoekstra"), "the name is in the copy");
    assert!(
        html.contains("Vat beide standpunten samen"),
        "an evidence note is in it"
    );
    assert!(!html.contains("Gerrit Bosma"), "no assessor is named");
    let data = std::fs::read_to_string(file.with_extension("json")).unwrap();
    assert!(data.contains("Vat beide standpunten samen"));

    // Both files of the copy are in the list of saved files; the chair deletes the data
    // file there, after a confirmation. The page stays.
    app.click("#nav-consistency").await;
    app.click("#tab-logboek").await;
    app.wait_text("#exports-list", "Inzage-exemplaar").await;
    app.click("#exports-list button[aria-label='Verwijderen: inzage-K-7F3.json']")
        .await;
    app.wait_text("#delete-file-dialog", "inzage-K-7F3.json")
        .await;
    app.click("#delete-file-confirm").await;
    app.wait_text("#exports-deleted", "inzage-K-7F3.json is verwijderd")
        .await;
    assert!(!file.with_extension("json").exists());
    assert!(file.exists());
    app.click("#nav-teams").await;

    // The chair closes it, keeping the appointed candidate's name.
    app.click("#close-formation").await;
    app.wait_text("#close-formation-dialog", "kan niet ongedaan")
        .await;
    // The copy's page may hold a name: its box is ticked, and it goes with the closing.
    app.wait_text("#close-files", "inzage-K-7F3.html").await;
    app.click("#close-formation-confirm").await;
    let report = app.wait_text("#closing-report", "Gewist: 2 namen").await;
    assert!(report.contains("Bewaard: 1"), "{report}");
    assert!(
        report.contains("Verwijderde bestanden: inzage-K-7F3.html"),
        "{report}"
    );
    assert!(!file.exists());
    app.wait_text("#retention-closed", "Afgesloten op").await;

    // The chair's session ended with the closing; the secretary signs in: the appointed
    // name opens, the others are gone.
    app.switch_member("#team-switch", "#team-active-member", SECRETARY)
        .await;
    let kept = app
        .invoke(
            "candidate_identity",
            json!({ "teamId": team, "code": "K-7F3" }),
        )
        .await;
    assert_eq!(kept["ok"]["name"], "Sanne Hoekstra", "{kept}");
    let gone = app
        .invoke(
            "candidate_identity",
            json!({ "teamId": team, "code": "K-2XH" }),
        )
        .await;
    assert_eq!(gone["err"]["code"], "privacy_closed", "{gone}");
    app.quit().await;
}
