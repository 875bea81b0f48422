//! Who may do what, in the real app: what a screen offers and what the app accepts
//! when someone sends the call themselves. Every refusal changes nothing.

use std::time::{Duration, Instant};

use maatstaf_core::ledger::{Actor, EntryKind};
use maatstaf_e2e::demo::{CHAIR, GERRIT, PRIYA, TRAINER};
use maatstaf_e2e::{App, Member, WAIT};
use serde_json::{json, Value};

async fn demo_id(app: &App) -> Value {
    app.invoke("list_teams", json!({})).await["ok"][0]["id"].clone()
}

async fn exists(app: &App, css: &str) -> bool {
    let found = app
        .client
        .execute(
            "return document.querySelector(arguments[0]) !== null",
            vec![json!(css)],
        )
        .await
        .unwrap();
    found == json!(true)
}

async fn open_logboek(app: &App) {
    app.click("#nav-consistency").await;
    app.click("#tab-logboek").await;
    app.wait_for("#export-card").await;
}

/// The demo members' ids by name, for calls sent by hand.
async fn member_id(app: &App, team: &Value, name: &str) -> Value {
    let view = app.invoke("access_view", json!({ "teamId": team })).await;
    view["ok"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
        .unwrap()["id"]
        .clone()
}

async fn sign_in(app: &App, team: &Value, (name, pin): Member) {
    let id = member_id(app, team, name).await;
    let r = app
        .invoke(
            "sign_in",
            json!({ "teamId": team, "memberId": id, "secret": pin }),
        )
        .await;
    assert!(r.get("ok").is_some(), "{name} signs in: {r}");
}

#[tokio::test]
async fn names_stay_in_until_the_decision_and_the_unblinding_whoever_asks() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    let team = demo_id(&app).await;
    open_logboek(&app).await;

    // An assessor: no export at all, no names, and the call itself is refused.
    app.switch_member("#logboek-switch", "#logboek-active-member", GERRIT)
        .await;
    app.wait_for("#export-gate").await;
    assert!(!exists(&app, "#export-identities").await);
    let export = app.wait_for("#export-logboek").await;
    assert_eq!(
        export.prop("disabled").await.unwrap().as_deref(),
        Some("true")
    );
    let refused = app
        .invoke(
            "export_logboek",
            json!({ "teamId": team, "withIdentities": true }),
        )
        .await;
    assert_eq!(
        refused["err"]["code"], "access_role_not_allowed",
        "{refused}"
    );
    assert!(refused["err"]["params"]["nl"]
        .as_str()
        .unwrap()
        .contains("Als beoordelaar mag u dit niet"));

    // The chair may export, but not with names: the demo team has not decided yet.
    app.switch_member("#logboek-switch", "#logboek-active-member", CHAIR)
        .await;
    assert!(!exists(&app, "#export-identities").await);
    let refused = app
        .invoke(
            "export_logboek",
            json!({ "teamId": team, "withIdentities": true }),
        )
        .await;
    assert_eq!(
        refused["err"]["code"], "access_unblinding_needed",
        "{refused}"
    );
    app.quit().await;

    // Nothing left the app: the log records no export, and no name is in it.
    let store = maatstaf_store::Store::open_in(data.path()).unwrap();
    let demo = store.list_teams().unwrap()[0].id;
    let log = store.ledger(demo).unwrap();
    assert!(!log.iter().any(|e| e.kind == EntryKind::Exported));
}

#[tokio::test]
async fn an_officers_session_ends_by_itself_after_the_idle_time() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start_with(data.path(), &[("MAATSTAF_SESSION_IDLE_SECS", "3")]).await;
    let team = demo_id(&app).await;
    app.switch_member("#team-switch", "#team-active-member", CHAIR)
        .await;
    // Nobody touches anything: the bar says so by itself once the app ended the session.
    let t0 = Instant::now();
    app.wait_for("#team-nobody").await;
    assert!(t0.elapsed() < WAIT);
    let refused = app
        .invoke("rename_team", json!({ "id": team, "name": "Overgenomen" }))
        .await;
    assert_eq!(refused["err"]["code"], "access_nobody_acting", "{refused}");
    assert!(app
        .text("#team-detail-name")
        .await
        .contains("Gemeente Voorbeeld"));

    // Signing out ends it at once, too.
    app.switch_member("#team-switch", "#team-active-member", CHAIR)
        .await;
    app.click("#team-sign-out").await;
    app.wait_for("#team-nobody").await;
    let refused = app
        .invoke("rename_team", json!({ "id": team, "name": "Overgenomen" }))
        .await;
    assert_eq!(refused["err"]["code"], "access_nobody_acting", "{refused}");
    app.quit().await;
}

#[tokio::test]
async fn the_minimum_agreement_moves_only_with_the_trainer_signed_in() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    let team = demo_id(&app).await;
    let lower = json!({ "teamId": team, "minimum": 0.1 });

    let refused = app.invoke("set_min_agreement", lower.clone()).await;
    assert_eq!(refused["err"]["code"], "access_nobody_acting", "{refused}");

    app.click("#nav-training").await;
    app.switch_member("#training-switch", "#training-active-member", GERRIT)
        .await;
    app.click("#training-tab-sessions").await;
    app.wait_for("#session-list, #training-sessions, .sessions")
        .await;
    assert!(!exists(&app, "#threshold-input").await);
    let refused = app.invoke("set_min_agreement", lower.clone()).await;
    assert_eq!(
        refused["err"]["code"], "access_role_not_allowed",
        "{refused}"
    );

    app.switch_member("#training-switch", "#training-active-member", TRAINER)
        .await;
    app.type_into("#threshold-input", "0,5").await;
    app.click("#threshold-save").await;
    let t0 = Instant::now();
    loop {
        let status = app
            .invoke("training_status", json!({ "teamId": team }))
            .await;
        if status["ok"]["min_agreement"] == json!(0.5) {
            break;
        }
        assert!(t0.elapsed() < WAIT, "{status}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.quit().await;

    let store = maatstaf_store::Store::open_in(data.path()).unwrap();
    let demo = store.list_teams().unwrap()[0].id;
    let changes: Vec<_> = store
        .ledger(demo)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == EntryKind::TrainingThresholdChanged)
        .collect();
    assert_eq!(changes.len(), 1, "the refusals changed nothing");
    assert!(matches!(&changes[0].actor, Actor::Member { name, .. } if name == TRAINER.0));
}

/// Every cell of the signed-in assessor's sheet of round 2, as round 1's level (the
/// demo's revealed round); then submits.
async fn rescore(app: &App, team: &Value) {
    let view = app
        .invoke("round_view", json!({ "teamId": team, "round": 2 }))
        .await;
    let first = app
        .invoke("round_view", json!({ "teamId": team, "round": 1 }))
        .await;
    let me = view["ok"]["work"]["plan"]["assessor"].clone();
    let cells = view["ok"]["work"]["cells"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!cells.is_empty(), "{view}");
    for cell in cells {
        let (c, k) = (
            cell["candidate"].as_str().unwrap(),
            cell["criterion"].as_str().unwrap(),
        );
        let level = first["ok"]["comparison"]["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|row| row["code"] == c)
            .and_then(|row| {
                row["cells"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|x| x["criterion"] == k)
            })
            .and_then(|x| {
                x["entries"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|e| e["assessor"] == me)
            })
            .map(|e| e["level"].as_u64().unwrap() as u8)
            .unwrap_or(3);
        let score = json!({
            "candidate": c, "criterion": k, "level": level,
            "evidence": "Zelfde bewijs als in ronde 1.", "reason": null,
        });
        let r = app
            .invoke(
                "save_score",
                json!({ "teamId": team, "round": 2, "score": score }),
            )
            .await;
        assert!(r.get("ok").is_some(), "{r}");
    }
    let r = app
        .invoke("submit_sheet", json!({ "teamId": team, "round": 2 }))
        .await;
    assert!(r.get("ok").is_some(), "{r}");
}

#[tokio::test]
async fn a_revision_stays_out_of_the_logboek_until_the_reveal() {
    // The demo's round 2 is open: Gerrit submitted it with one level changed and his
    // reason, Marloes without changes, Priya not yet.
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    let team = demo_id(&app).await;
    app.click("#nav-scoring").await;
    const REASON: &str = "het noemen in het college is een begin van een stap";

    // The chair exports while the round is open: the file has the sheet's hash only.
    sign_in(&app, &team, CHAIR).await;
    let saved = tempfile::tempdir().unwrap();
    let text = export_through_dialog(&app, &team, &saved.path().join("voor.jsonl")).await;
    assert!(text.contains("score_submitted"));
    assert!(
        !text.contains(REASON),
        "the reason is out before the reveal"
    );
    assert!(
        !text.contains("score_revised"),
        "no revision before the reveal"
    );

    sign_in(&app, &team, PRIYA).await;
    rescore(&app, &team).await;
    sign_in(&app, &team, CHAIR).await;
    let r = app
        .invoke("reveal_round", json!({ "teamId": team, "round": 2 }))
        .await;
    assert!(r.get("ok").is_some(), "{r}");
    let text = export_through_dialog(&app, &team, &saved.path().join("na.jsonl")).await;
    assert!(text.contains("score_revised") && text.contains(REASON));
    app.quit().await;
}

/// Exports the logboek over IPC, as the page would, and answers the save dialog that
/// opens with `path`; returns what was saved there.
async fn export_through_dialog(
    app: &App,
    team: &serde_json::Value,
    path: &std::path::Path,
) -> String {
    let (answer, ()) = tokio::join!(
        app.invoke(
            "export_logboek",
            json!({ "teamId": team, "withIdentities": false }),
        ),
        app.save_as("Logboek opslaan", path),
    );
    assert_eq!(
        answer["ok"]["path"].as_str(),
        Some(path.display().to_string().as_str()),
        "{answer}"
    );
    std::fs::read_to_string(path).unwrap()
}
