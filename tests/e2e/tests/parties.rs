//! Parties in the real app with the demo team: the chair's balance rule keeps a round
//! closed while a conflict of interest leaves a candidate without an assessor of one
//! coalition party, and says which candidate lacks whom; own-party leniency is shown
//! to the chair only after the decision and the unblinding.

use maatstaf_e2e::demo::{CHAIR, PRIYA, SECRETARY};
use maatstaf_e2e::App;
use serde_json::json;

use crate::support::{demo_without_open_round, exists};

async fn team_id(app: &App) -> serde_json::Value {
    app.invoke("list_teams", json!({})).await["ok"][0]["id"].clone()
}

/// The new parts of a screen pass the same axe-core audit as every other screen.
async fn assert_no_axe_violations(app: &App, what: &str) {
    let found = app.axe_violations().await;
    assert!(found.is_empty(), "{what}: {found:?}");
}

async fn rounds(app: &App) -> usize {
    let team = team_id(app).await;
    let screen = app
        .invoke("scoring_screen", json!({ "teamId": team }))
        .await;
    screen["ok"]["overview"]["rounds"].as_array().unwrap().len()
}

#[tokio::test]
async fn a_balance_rule_blocks_the_round_and_names_the_candidate_and_the_party() {
    let data = tempfile::tempdir().unwrap();
    demo_without_open_round(data.path());
    let app = App::start(data.path()).await;
    app.click("#nav-scoring").await;

    // Priya, the only assessor of Groen Voorbeeld, declares a family tie with K-2XH:
    // the team's rule takes her off that candidate.
    app.switch_scorer(PRIYA).await;
    app.click("#tab-conflicts").await;
    app.select_option("#conflict-code", "K-2XH").await;
    app.select_option("#conflict-kind", "family").await;
    app.type_into("#conflict-note", "Zus van mijn schoonmoeder")
        .await;
    app.click("#declare-conflict").await;
    app.wait_text("#conflict-message", "K-2XH").await;
    app.click("#tab-round").await;

    // The chair sets up round 3 with every coalition party required for every candidate.
    app.switch_scorer(CHAIR).await;
    app.click("#next-round").await;
    app.click("#setup-balance-each").await;
    let parties = app.text("#setup-balance").await;
    for party in ["Groen Voorbeeld", "Sociaal Voorbeeld", "Voorbeeld Lokaal"] {
        assert!(parties.contains(party), "{parties}");
    }
    app.click("#open-round").await;
    let confirm = app.text("#confirm-open-round-body").await;
    assert!(
        confirm.contains("Regel: elke kandidaat gescoord door iemand van"),
        "{confirm}"
    );
    app.click("#confirm-open-round-yes").await;
    let refused = app.wait_text("#setup-error", "Groen Voorbeeld").await;
    assert_eq!(
        refused,
        "Kandidaat K-2XH wordt door niemand van Groen Voorbeeld gescoord."
    );
    assert_eq!(rounds(&app).await, 2, "nothing opened");
    assert_no_axe_violations(&app, "the setup with a broken balance rule").await;

    // Without K-2XH the rule holds and the round opens.
    app.click("#setup-candidate-K-2XH").await;
    app.click("#open-round").await;
    app.click("#confirm-open-round-yes").await;
    app.wait_text("#round-progress", "0 van 3").await;
    assert_eq!(rounds(&app).await, 3);
    app.quit().await;
}

#[tokio::test]
async fn own_party_leniency_is_shown_to_the_chair_only_after_the_unblinding() {
    let data = tempfile::tempdir().unwrap();
    demo_without_open_round(data.path());
    let app = App::start(data.path()).await;
    app.click("#nav-scoring").await;
    app.switch_scorer(CHAIR).await;
    let team = team_id(&app).await;
    let ask = || app.invoke("own_party_leniency", json!({ "teamId": team }));

    // Before the decision: not on screen, and refused over IPC whatever one sends.
    app.wait_for("#decision").await;
    assert!(!exists(&app, "#own-party").await);
    assert!(ask().await["err"]["code"].is_string());

    app.type_into("#portfolio-0", "Wonen").await;
    app.click("#choose-0-K-7F3").await;
    app.type_into(
        "#decision-reason-0",
        "Sterkste onderbouwing, geen knock-out.",
    )
    .await;
    app.click("#record-decision").await;
    app.wait_text("#decision-recorded", "Wonen").await;
    // Decided but not unblinded: still nothing.
    assert!(!exists(&app, "#own-party").await);
    assert!(ask().await["err"]["code"].is_string());

    app.click("#unblind").await;
    app.type_into("#unblind-reason", "Besluit vastgelegd").await;
    app.click("#unblind-yes").await;
    app.wait_text("#signed-out-note", "De namen zijn geopend")
        .await;

    // The chair signs in again and sees it: Gerrit Bosma (Voorbeeld Lokaal) scored
    // K-7F3 of his own party 1/12 level lower than the other parties' assessors.
    app.switch_scorer(CHAIR).await;
    let panel = app.wait_text("#own-party-assessors", "Gerrit Bosma").await;
    assert!(panel.contains("Voorbeeld Lokaal"), "{panel}");
    assert!(panel.contains("0,08"), "{panel}");
    let parties = app.text("#own-party-parties").await;
    assert!(parties.contains("Voorbeeld Lokaal"), "{parties}");
    assert_no_axe_violations(&app, "own-party leniency").await;

    // The secretary may see the names, but the panel is the chair's.
    app.switch_scorer(SECRETARY).await;
    app.wait_text("#comparison-table", "Sanne Hoekstra").await;
    assert!(!exists(&app, "#own-party").await);
    app.quit().await;
}
