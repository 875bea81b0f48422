//! Consistency & logboek in the real app: the consistency view after two revealed
//! rounds, review mode on a fresh data folder (intact and tampered), and the banner
//! for a broken log at start.

use std::path::Path;

use fantoccini::Locator;
use maatstaf_core::ledger::{Section, SectionName};
use maatstaf_core::report::SnapshotRequest;
use maatstaf_core::rubric::Scale;
use maatstaf_core::stats::Rating;
use maatstaf_core::team::Role;
use maatstaf_e2e::App;
use maatstaf_store::fixtures::{demo_ratings, Discussed, DEMO_CRITERIA};
use maatstaf_store::Store;
use serde_json::json;

use crate::support::DEMO;

const ASSESSORS: [&str; 3] = ["Gerrit Bosma", "Marloes Kuipers", "Priya Ramdin"];

/// The demo already carries a revealed round 1 with its snapshot, so the tests reveal
/// rounds 2 (before the discussion) and 3 (after it).
fn ratings(store: &Store, team: i64, round: u32) -> Vec<Rating> {
    let discussed = if round == 2 {
        Discussed::Before
    } else {
        Discussed::After
    };
    demo_ratings(store, team, discussed)
}

/// Reveals `rounds` of the demo team through the store API the reveal calls.
fn seed_rounds(dir: &Path, rounds: &[u32]) -> (Store, i64) {
    let mut store = Store::open_in(dir).unwrap();
    let demo = store.list_teams().unwrap()[0].id;
    for &round in rounds {
        let r = ratings(&store, demo, round);
        store
            .record_snapshot(
                demo,
                &SnapshotRequest {
                    round,
                    practice: false,
                    rubric_version: 1,
                    rubric_sha256: &"5e".repeat(32),
                    scale: Scale { min: 1, max: 5 },
                    ratings: &r,
                },
            )
            .unwrap();
    }
    (store, demo)
}

async fn svg_text(app: &App, css: &str) -> String {
    let v = app
        .client
        .execute(
            "const el = document.querySelector(arguments[0]); return el ? el.textContent : null;",
            vec![json!(css)],
        )
        .await
        .unwrap();
    v.as_str()
        .unwrap_or_else(|| panic!("{css} is missing"))
        .to_owned()
}

async fn open_area(app: &App) {
    app.click("#nav-consistency").await;
    app.wait_for("#tab-consistency").await;
}

#[tokio::test]
async fn after_two_rounds_the_view_shows_alpha_leniency_a_hotspot_link_and_the_trend() {
    let data = tempfile::tempdir().unwrap();
    drop(seed_rounds(data.path(), &[2, 3]));
    let app = App::start(data.path()).await;
    open_area(&app).await;
    app.wait_for("#record-r3").await;
    app.wait_for("#record-r2").await;

    let alpha = svg_text(&app, "#alpha-r2 svg").await;
    for c in DEMO_CRITERIA {
        assert!(alpha.contains(c), "{c} in {alpha}");
    }
    assert!(
        alpha.contains('[') && alpha.contains(" – "),
        "intervals: {alpha}"
    );
    assert!(alpha.contains("0,800"), "the band line: {alpha}");

    let leniency = svg_text(&app, "#leniency-r2 svg").await;
    for a in ASSESSORS {
        assert!(leniency.contains(a), "{a} in {leniency}");
    }
    assert!(leniency.contains("n = 9"), "{leniency}");

    let link = app.wait_for("#hotspots-r2 a.hotspot-link").await;
    let anchor = link.attr("data-anchor").await.unwrap().unwrap();
    assert_eq!(
        link.attr("data-candidate").await.unwrap().as_deref(),
        Some("K-R4M")
    );
    assert_eq!(
        link.attr("data-criterion").await.unwrap().as_deref(),
        Some("Integriteit")
    );
    let cell = svg_text(&app, &format!("#cells-r2 g#{anchor}")).await;
    assert_eq!(cell, "1–5", "the cell the hotspot names");
    link.click().await.unwrap();
    let focused = app
        .client
        .execute(
            "return document.getElementById(arguments[0]).classList.contains('focused');",
            vec![json!(anchor)],
        )
        .await
        .unwrap();
    assert_eq!(focused, json!(true), "clicking the hotspot marks its cell");

    let changes = app.text("#changes-r3").await;
    assert!(changes.contains("Integriteit"), "{changes}");
    let trend = svg_text(&app, "#trend svg").await;
    assert!(
        trend.contains("Ronde 1") && trend.contains("Ronde 2") && trend.contains("Ronde 3"),
        "{trend}"
    );
    let advice = app.text("#advice-r2").await;
    assert!(advice.contains("Integriteit: niet betrouwbaar"), "{advice}");

    assert_eq!(app.csp_violations().await, Vec::<String>::new());
    app.quit().await;
}

/// Exports the demo team's logboek with the scores of a seeded round 2, as the chair would.
pub(crate) fn export_demo(dir: &Path) -> Vec<u8> {
    let (mut store, demo) = seed_rounds(dir, &[2]);
    let scores: Vec<_> = ratings(&store, demo, 2)
        .into_iter()
        .map(|r| {
            json!({"round": 2, "candidate_code": r.unit, "criterion": r.criterion,
                   "assessor": r.rater, "level": r.value.map(|v| v as u8)})
        })
        .collect();
    let chair = maatstaf_store::fixtures::demo_unlock(&mut store, demo, Role::Chair);
    let decision =
        json!({"reasons": ["K-7F3 onderbouwt bestuurlijke ervaring en integriteit het sterkst"]});
    store
        .export_logboek(
            &chair,
            false,
            vec![
                Section {
                    name: SectionName::Scores,
                    content: json!(scores),
                },
                Section {
                    name: SectionName::Decision,
                    content: decision,
                },
            ],
        )
        .unwrap()
}

pub(crate) async fn open_in_review(app: &App, file: &Path) {
    app.click("#tab-review").await;
    let input = app.wait_for("#review-file").await;
    input
        .send_keys(&file.canonicalize().unwrap().display().to_string())
        .await
        .unwrap();
}

#[tokio::test]
async fn an_exported_logboek_opens_intact_on_a_fresh_folder_and_a_tampered_copy_as_broken() {
    let source = tempfile::tempdir().unwrap();
    let bytes = export_demo(source.path());
    // The demo team's own key signs its logboeks, not the laptop's installation key.
    let store = Store::open_in(source.path()).unwrap();
    let demo = maatstaf_store::fixtures::demo_team(&store);
    let fingerprint = store
        .seal_state(demo)
        .unwrap()
        .fingerprint
        .unwrap()
        .to_string();
    drop(store);
    let files = tempfile::tempdir().unwrap();
    let intact = files.path().join("logboek.jsonl");
    std::fs::write(&intact, &bytes).unwrap();
    // One byte of one score changed: a 4 becomes a 5.
    let mut tampered_bytes = bytes.clone();
    let needle = b"{\"content\":[{\"assessor\"";
    let section = tampered_bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("the scores section");
    let at = section
        + tampered_bytes[section..]
            .windows(9)
            .position(|w| w == b"\"level\":4")
            .unwrap()
        + 8;
    tampered_bytes[at] = b'5';
    let tampered = files.path().join("logboek-gewijzigd.jsonl");
    std::fs::write(&tampered, &tampered_bytes).unwrap();

    let fresh = tempfile::tempdir().unwrap();
    let own_log = {
        let store = Store::open_in(fresh.path()).unwrap();
        store.ledger(store.list_teams().unwrap()[0].id).unwrap()
    };
    let app = App::start(fresh.path()).await;
    open_area(&app).await;
    // Without the chair's fingerprint the file is consistent, but nobody checked who signed it.
    open_in_review(&app, &intact).await;
    let unchecked = app
        .wait_text("#review-verdict", "ondertekenaar niet gecontroleerd")
        .await;
    assert!(!unchecked.contains("Intact"), "{unchecked}");
    let class = app
        .client
        .execute(
            "return document.getElementById('review-integrity').className;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        !class.as_str().unwrap().split(' ').any(|c| c == "intact"),
        "no green headline: {class}"
    );
    app.click("#review-close").await;
    app.wait_for("#review-key")
        .await
        .send_keys(&fingerprint)
        .await
        .unwrap();
    open_in_review(&app, &intact).await;
    let verdict = app.wait_text("#review-verdict", "Intact").await;
    assert!(
        verdict.contains("volledig, ongewijzigd en ondertekend met de verwachte sleutel"),
        "{verdict}"
    );
    assert_eq!(app.text("#review-team").await, DEMO);
    let order = app
        .client
        .execute(
            "return [...document.querySelectorAll('#review > [id]')].map((e) => e.id);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        order,
        json!([
            "review-integrity",
            "review-rubric",
            "review-timeline",
            "review-sheets",
            "review-consistency",
            "review-decision"
        ]),
        "integrity first, then rubric, timeline, sheets, consistency and decision"
    );
    let review = app.text("#review").await;
    assert!(review.contains("Consistentiemeting") && review.contains("Logboek geëxporteerd"));
    assert!(review.contains("K-7F3 onderbouwt"), "the decision");
    let leniency = svg_text(&app, "#review-consistency #leniency-r1 svg").await;
    assert!(leniency.contains("Priya Ramdin"), "{leniency}");
    let inputs = app
        .client
        .find_all(Locator::Css(
            "#review input, #review textarea, #review select",
        ))
        .await
        .unwrap();
    assert!(inputs.is_empty(), "nothing in review mode can be edited");

    app.click("#review-close").await;
    open_in_review(&app, &tampered).await;
    app.wait_text("#review-verdict", "Niet intact").await;
    let problem = app.text("#review-problem").await;
    assert!(
        problem.contains("Scores") && problem.contains("gewijzigd"),
        "{problem}"
    );
    let line = tampered_bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    assert_eq!(app.text("#review-where").await, format!("Regel {line}"));
    assert_eq!(app.csp_violations().await, Vec::<String>::new());

    // Review mode kept the logboek apart: the reviewer's folder holds only its own demo.
    app.click("#nav-teams").await;
    let list = app.wait_text("#team-list", DEMO).await;
    assert_eq!(list.matches("formatie 2026").count(), 1, "{list}");
    app.quit().await;
    let store = Store::open_in(fresh.path()).unwrap();
    let teams = store.list_teams().unwrap();
    assert_eq!(teams.len(), 1);
    assert_eq!(
        store.ledger(teams[0].id).unwrap(),
        own_log,
        "opening a logboek writes nothing into the reviewer's own log"
    );
}

#[tokio::test]
async fn a_broken_log_is_named_in_a_red_banner_at_start_and_by_the_check() {
    let data = tempfile::tempdir().unwrap();
    drop(Store::open_in(data.path()).unwrap());
    // Someone with the file and sqlite3 edits history behind the app's back.
    let conn = rusqlite::Connection::open(data.path().join("maatstaf.sqlite3")).unwrap();
    conn.execute_batch(
        "DROP TRIGGER ledger_is_append_only_update;
         UPDATE ledger SET payload = '{\"team_name\":\"Vervalst\"}' WHERE seq = 1;",
    )
    .unwrap();
    drop(conn);

    let app = App::start(data.path()).await;
    let banner = app.wait_text("#ledger-banner", DEMO).await;
    assert!(
        banner.contains("Niet intact") && banner.contains("Vermelding 1 is gewijzigd"),
        "{banner}"
    );
    open_area(&app).await;
    app.click("#tab-logboek").await;
    let fingerprint = app.text("#fingerprint").await;
    assert_eq!(fingerprint.split(' ').count(), 8, "{fingerprint}");
    app.click("#verify-ledgers").await;
    let results = app.wait_text("#ledger-results", DEMO).await;
    assert!(results.contains("Vermelding 1 is gewijzigd"), "{results}");
    app.quit().await;
}
