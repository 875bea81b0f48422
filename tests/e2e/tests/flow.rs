//! The team's workflow without dead ends (issue 16): a candidate who arrives after a
//! revealed round is scored in the next, a cancelled PIN switch leaves nobody acting, files
//! are saved through the system's save dialog to a folder the user chose and can be
//! found again, irreversible steps ask first, and no area scrolls sideways at the
//! app's minimum width.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use maatstaf_e2e::demo::{CHAIR, GERRIT, SECRETARY};
use maatstaf_e2e::{App, WAIT};
use serde_json::json;

use crate::support::{demo_without_open_round, exists, snapshot, wait_change};

/// As the secretary: takes in a candidate with a short motivation, then anonymises
/// and freezes it (after the confirmation). Returns the new code.
async fn take_in_and_freeze(app: &App) -> String {
    app.click("#nav-candidates").await;
    app.switch_member("#candidates-switch", "#candidates-active-member", SECRETARY)
        .await;
    app.click("#new-candidate").await;
    // Told at intake, before the work: this candidate can join the next round.
    app.wait_text("#intake-next-round", "ronde 3").await;
    app.type_into("#cand-name", "Ilse Vermeulen").await;
    app.type_into(
        "#motivation",
        "Als projectleider heb ik drie wijkplannen met bewoners opgesteld en uitgevoerd.",
    )
    .await;
    app.click("#save-candidate").await;
    let notice = app
        .wait_text("#candidates-notice", "Kandidaat opgeslagen als K-")
        .await;
    let code = notice
        .split_whitespace()
        .find(|w| w.starts_with("K-"))
        .unwrap()
        .trim_end_matches('.')
        .to_owned();
    let row = format!("#candidate-list tr[data-code='{code}']");
    app.click(&format!("{row} .review-material")).await;
    app.wait_for("#freeze").await;
    if exists(app, "#accept-all").await {
        app.click("#accept-all").await;
    }
    app.click("#freeze").await;
    app.wait_text("#confirm-freeze", "niet ongedaan").await;
    app.click("#confirm-freeze-yes").await;
    app.wait_for("#blinded-text").await;
    app.click("#back-to-list").await;
    app.wait_text(&row, "geanonimiseerd").await;
    code
}

#[tokio::test]
async fn a_candidate_taken_in_after_a_revealed_round_is_scored_in_the_next() {
    let data = tempfile::tempdir().unwrap();
    demo_without_open_round(data.path());
    let app = App::start(data.path()).await;
    app.wait_for("#team-list").await;
    let code = take_in_and_freeze(&app).await;

    // The chair prepares round 3: round 2's candidates are ticked and marked, the new
    // one is offered too. This round: only the new candidate, only Gerrit.
    app.click("#nav-scoring").await;
    app.switch_scorer(CHAIR).await;
    app.click("#next-round").await;
    app.wait_text(&format!("#setup-new-{code}"), "nieuw sinds ronde 2")
        .await;
    for old in ["K-2XH", "K-7F3", "K-R4M"] {
        app.wait_text(&format!("#setup-carried-{old}"), "in ronde 2")
            .await;
        app.click(&format!("#setup-candidate-{old}")).await;
    }
    let members: Vec<(i64, String)> = {
        let v = app
            .client
            .execute(
                "return [...document.querySelectorAll('[id^=setup-assessor-]')]\
                 .map(e => [Number(e.id.slice(15)), e.checked, e.parentElement.textContent])",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value::<Vec<(i64, bool, String)>>(v)
            .unwrap()
            .into_iter()
            .filter(|(_, checked, _)| *checked)
            .map(|(id, _, name)| (id, name))
            .collect()
    };
    assert_eq!(members.len(), 3, "round 2's three assessors carry over");
    for (id, name) in &members {
        if !name.contains(GERRIT.0) {
            app.click(&format!("#setup-assessor-{id}")).await;
        }
    }
    app.click("#open-round").await;
    let body = app.wait_text("#confirm-open-round-body", &code).await;
    assert!(!body.contains("K-7F3"), "{body}");
    assert!(body.contains(GERRIT.0) && !body.contains("Priya"), "{body}");
    app.wait_text("#confirm-open-round", "niet ongedaan").await;
    app.click("#confirm-open-round-yes").await;
    app.wait_text("#round-progress", "0 van 1 ingeleverd").await;

    // Gerrit scores the new candidate on every criterion and submits.
    app.switch_scorer(GERRIT).await;
    app.wait_text("#candidate-order", &code).await;
    let position = app.text("#cell-position").await;
    let total: usize = position
        .split_whitespace()
        .nth(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no total in {position:?}"));
    for i in 0..total {
        let position = app.text("#cell-position").await;
        assert_eq!(app.text("#current-candidate").await, code);
        app.click("#level-3").await;
        app.type_into("#evidence", "Drie wijkplannen met bewoners uitgevoerd.")
            .await;
        app.wait_text("#autosave-status", "Opgeslagen").await;
        if i + 1 < total {
            app.click("#cell-next").await;
            wait_change(&app, "#cell-position", &position).await;
        }
    }
    app.click("#submit-sheet").await;
    app.click("#submit-confirm-yes").await;
    app.wait_text("#signed-out-note", "ingeleverd en is afgemeld")
        .await;

    // Revealing asks first, and says it cannot be undone; cancelling reveals nothing.
    app.switch_scorer(CHAIR).await;
    app.click("#reveal-round").await;
    app.wait_text("#confirm-reveal-body", "1 van de 1").await;
    app.wait_text("#confirm-reveal", "niet ongedaan").await;
    app.click("#confirm-reveal-cancel").await;
    assert!(!exists(&app, "#comparison-table").await);
    app.click("#reveal-round").await;
    app.click("#confirm-reveal-yes").await;
    let table = app.wait_text("#comparison-table", &code).await;
    assert!(!table.contains("K-7F3"), "{table}");
    assert_eq!(app.csp_violations().await, Vec::<String>::new());
    app.quit().await;
}

#[tokio::test]
async fn a_cancelled_pin_switch_leaves_nobody_acting_on_every_screen() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    app.wait_for("#team-list").await;
    app.switch_member("#team-switch", "#team-active-member", CHAIR)
        .await;
    // Someone starts a switch, types a wrong PIN, then cancels.
    app.click("#team-switch").await;
    app.click(&format!("button[data-member=\"{}\"]", GERRIT.0))
        .await;
    app.type_into("#pin-input", "0000").await;
    app.click("#pin-submit").await;
    app.wait_text("#pin-error", "klopt niet").await;
    app.click("#team-switch-cancel").await;
    app.wait_for("#team-nobody").await;
    assert!(!exists(&app, "#team-active-member").await);
    // The app agrees: the chair's next action is refused as nobody's.
    let team = app.invoke("list_teams", json!({})).await["ok"][0]["id"].clone();
    let refused = app
        .invoke("rename_team", json!({ "id": team, "name": "Overgenomen" }))
        .await;
    assert_eq!(refused["err"]["code"], "access_nobody_acting", "{refused}");
    // Every other screen says the same.
    app.click("#nav-candidates").await;
    app.wait_for("#candidates-nobody").await;
    app.click("#nav-scoring").await;
    app.wait_text("#assessor-bar", "Niemand is aangemeld").await;
    assert!(!exists(&app, "#active-member").await);
    app.quit().await;
}

#[tokio::test]
async fn the_logboek_is_saved_where_the_user_chooses_and_can_be_found_again() {
    let data = tempfile::tempdir().unwrap();
    // A stand-in for the desktop's "open" command notes what the app asked to open.
    let bin = tempfile::tempdir().unwrap();
    let opened = bin.path().join("opened.txt");
    let fake = bin.path().join("xdg-open");
    std::fs::write(
        &fake,
        format!("#!/bin/sh\necho \"$@\" >> '{}'\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let app = App::start_with(data.path(), &[("PATH", &path)]).await;
    app.wait_for("#team-list").await;
    app.click("#nav-consistency").await;
    app.click("#tab-logboek").await;
    app.wait_for("#exports-none").await;
    app.switch_member("#logboek-switch", "#logboek-active-member", CHAIR)
        .await;

    let chosen = tempfile::tempdir().unwrap();
    let file = chosen.path().join("logboek-voor-de-commissie.jsonl");
    app.click("#export-logboek").await;
    app.save_as("Logboek opslaan", &file).await;
    let shown = app
        .wait_text("#export-path", "logboek-voor-de-commissie.jsonl")
        .await;
    assert_eq!(shown, file.display().to_string());
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.starts_with('{') && saved.contains("Gemeente Voorbeeld"));
    // Listed among the earlier exports, with its full path.
    let list = app.wait_text("#exports-list", "Logboek").await;
    assert!(list.contains(&file.display().to_string()), "{list}");

    // "Map openen" opens the folder it is in.
    app.click("#export-open-folder").await;
    let t0 = Instant::now();
    loop {
        let asked = std::fs::read_to_string(&opened).unwrap_or_default();
        if asked.contains(&chosen.path().display().to_string()) {
            break;
        }
        assert!(t0.elapsed() < WAIT, "the folder was not opened: {asked:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // After a restart the list still knows where the logboek went.
    app.quit().await;
    let app = App::start_with(data.path(), &[("PATH", &path)]).await;
    app.click("#nav-consistency").await;
    app.click("#tab-logboek").await;
    app.wait_text("#exports-list", &file.display().to_string())
        .await;
    app.quit().await;
}

/// Whether the page or any element in it scrolls sideways: the widths each element
/// needs against the widths it has, except boxes meant to scroll (tables, code).
async fn sideways(app: &App) -> Vec<String> {
    let v = app
        .client
        .execute(
            "const out = [];
             const root = document.documentElement;
             if (root.scrollWidth > root.clientWidth) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
             for (const el of document.querySelectorAll('main, main *, nav, header')) {
               const style = getComputedStyle(el);
               if (['auto', 'scroll'].includes(style.overflowX)) continue;
               if (el.closest('table, pre, svg')) continue;
               const r = el.getBoundingClientRect();
               if (r.width > 0 && r.right > root.clientWidth + 1)
                 out.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} ends at ${Math.round(r.right)}`);
             }
             return out.slice(0, 10);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

#[tokio::test]
async fn no_area_scrolls_sideways_at_800_pixels_nor_at_twice_the_text_size() {
    let data = tempfile::tempdir().unwrap();
    demo_without_open_round(data.path());
    let app = App::start(data.path()).await;
    app.wait_for("#team-list").await;
    app.client.set_window_size(800, 600).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    snapshot(&app, "flow-800-home").await;
    for area in [
        "teams",
        "training",
        "rubrics",
        "candidates",
        "scoring",
        "consistency",
    ] {
        // At 800 px the menu is folded into one line that stays in view: open it.
        app.click("#menu-toggle").await;
        app.click(&format!("#nav-{area}")).await;
        app.wait_for(&format!("#nav-{area}[aria-current='page']"))
            .await;
        app.wait_text("#menu-toggle", "Menu").await;
        tokio::time::sleep(Duration::from_millis(700)).await;
        let wide = sideways(&app).await;
        assert!(wide.is_empty(), "{area} at 800 px: {wide:?}");
        // The side menu stays in view on a long page.
        app.client
            .execute("window.scrollTo(0, document.body.scrollHeight)", vec![])
            .await
            .unwrap();
        let top: f64 = serde_json::from_value(
            app.client
                .execute(
                    "return document.querySelector('nav.sidebar').getBoundingClientRect().top",
                    vec![],
                )
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(top >= -1.0, "{area}: the menu scrolled away ({top})");
        app.client
            .execute("window.scrollTo(0, 0)", vec![])
            .await
            .unwrap();
    }

    // The comparison sheet and the scoring sheet, at 800 and at 1280 pixels.
    app.click("#menu-toggle").await;
    app.click("#nav-scoring").await;
    app.switch_scorer(SECRETARY).await;
    app.wait_for("#comparison-table").await;
    let wide = sideways(&app).await;
    assert!(wide.is_empty(), "comparison at 800 px: {wide:?}");
    snapshot(&app, "flow-800-comparison").await;
    app.client.set_window_size(1280, 800).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    snapshot(&app, "flow-1280-comparison").await;
    app.chair_opens_next_round().await;
    app.switch_scorer(GERRIT).await;
    app.wait_for("#scoring-sheet").await;
    snapshot(&app, "flow-1280-sheet").await;
    app.client.set_window_size(800, 600).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let wide = sideways(&app).await;
    assert!(wide.is_empty(), "scoring sheet at 800 px: {wide:?}");
    snapshot(&app, "flow-800-sheet").await;

    // Twice the text size (a council member's zoom), still at 800 pixels.
    app.client
        .execute("document.documentElement.style.fontSize = '30px'", vec![])
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let wide = sideways(&app).await;
    assert!(wide.is_empty(), "scoring sheet at 200 %: {wide:?}");
    snapshot(&app, "flow-800-sheet-200").await;
    app.click("#menu-toggle").await;
    app.click("#nav-teams").await;
    app.wait_for("#team-list").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let wide = sideways(&app).await;
    assert!(wide.is_empty(), "home at 200 %: {wide:?}");
    snapshot(&app, "flow-800-home-200").await;
    app.client.set_window_size(1280, 800).await.unwrap();
    app.client
        .execute("document.documentElement.style.fontSize = ''", vec![])
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    snapshot(&app, "flow-1280-home").await;
    assert!(app.client.find(Locator::Css("#team-list")).await.is_ok());
    app.quit().await;
}

/// The app at 1280×800 with the demo team, area by area: nothing scrolls sideways
/// here either, and the pictures (tests/e2e/artifacts/readme-*.png) are the ones the
/// README shows.
#[tokio::test]
async fn every_area_at_1280_pixels_fits_and_is_pictured() {
    let data = tempfile::tempdir().unwrap();
    demo_without_open_round(data.path());
    let app = App::start(data.path()).await;
    app.wait_for("#team-list").await;
    app.client.set_window_size(1280, 800).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    snapshot(&app, "readme-home").await;

    app.click("#nav-rubrics").await;
    app.click("#rubric-list button").await;
    app.wait_text("#rubric-version", "vastgezet op").await;
    app.click("#rubric-details summary").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(sideways(&app).await.is_empty());
    snapshot(&app, "readme-rubrics").await;

    app.click("#nav-candidates").await;
    app.switch_member("#candidates-switch", "#candidates-active-member", SECRETARY)
        .await;
    app.wait_text("#candidate-list", "geanonimiseerd").await;
    assert!(sideways(&app).await.is_empty());
    snapshot(&app, "readme-candidates").await;

    app.click("#nav-scoring").await;
    app.wait_for("#comparison-table").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(sideways(&app).await.is_empty());
    snapshot(&app, "readme-scoring").await;

    app.click("#nav-consistency").await;
    app.wait_for("#tab-logboek").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(sideways(&app).await.is_empty());
    snapshot(&app, "readme-consistency").await;
    app.click("#tab-logboek").await;
    app.wait_for("#exports-card").await;
    app.client
        .execute(
            "document.getElementById('export-card').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(sideways(&app).await.is_empty());
    snapshot(&app, "readme-logboek").await;
    app.quit().await;
}
