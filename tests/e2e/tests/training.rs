//! The Training area in the real app: modules and exercises, progress across a
//! restart, search, imports (broken and hostile files) and a trainer session
//! with three participants through the second round.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use maatstaf_e2e::demo::{GERRIT, MARLOES, PRIYA, TRAINER};
use maatstaf_e2e::{App, Member, WAIT};
use serde_json::json;

const M01: &str = "m01-waarom-structuur-werkt";

/// Starts the app once the previous one (of this or an earlier test) has had
/// time to exit: on a loaded machine WebKit needs more than the harness's pause.
async fn start(data: &std::path::Path) -> App {
    tokio::time::sleep(Duration::from_millis(1500)).await;
    App::start(data).await
}

/// Opens the Training area with `who` signed in with their PIN: progress and
/// practice scores count only for the member who signed in.
async fn open_training(app: &App, who: Member) {
    app.click("#nav-training").await;
    app.wait_for("#module-list").await;
    sign_in(app, who).await;
}

async fn sign_in(app: &App, who: Member) {
    app.switch_member("#training-switch", "#training-active-member", who)
        .await;
}

/// Picks the option whose text contains `text`, as a user would in the list.
async fn choose(app: &App, select: &str, text: &str) {
    app.wait_for(select).await;
    let t0 = Instant::now();
    loop {
        let picked = app
            .client
            .execute(
                "const s = document.querySelector(arguments[0]);
                 const o = [...s.options].find((o) => o.textContent.includes(arguments[1]));
                 if (!o) return false;
                 s.value = o.value; o.selected = true;
                 s.dispatchEvent(new Event('change', { bubbles: true }));
                 return true;",
                vec![json!(select), json!(text)],
            )
            .await
            .unwrap();
        if picked == json!(true) {
            return;
        }
        assert!(t0.elapsed() < WAIT, "{select} never offered {text:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Hands a file to the import field, as choosing it in the file dialog does.
async fn upload(app: &App, name: &str, text: &str) {
    app.wait_for("#import-file").await;
    app.client
        .execute(
            "const input = document.querySelector('#import-file');
             const files = new DataTransfer();
             files.items.add(new File([arguments[1]], arguments[0], { type: 'text/markdown' }));
             input.files = files.files;
             input.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(name), json!(text)],
        )
        .await
        .unwrap();
}

async fn count(app: &App, css: &str) -> usize {
    app.client.find_all(Locator::Css(css)).await.unwrap().len()
}

async fn wait_count(app: &App, css: &str, n: usize) {
    let t0 = Instant::now();
    while count(app, css).await != n {
        assert!(t0.elapsed() < WAIT, "{css} never counted {n}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Saves a 1280×800 picture of the window when MAATSTAF_E2E_SHOTS names a folder.
async fn shot(app: &App, name: &str) {
    if let Some(dir) = std::env::var_os("MAATSTAF_E2E_SHOTS") {
        let _ = app.client.set_window_size(1280, 800).await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        let png = app.client.screenshot().await.unwrap();
        std::fs::write(std::path::Path::new(&dir).join(name), png).unwrap();
    }
}

#[tokio::test]
async fn an_exercise_answered_wrong_then_right_explains_itself_and_progress_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let app = start(data.path()).await;
    open_training(&app, PRIYA).await;
    app.click(&format!("[data-module-id=\"{M01}\"]")).await;
    app.wait_text("#module-title", "Waarom structuur werkt")
        .await;

    let choice = "[data-exercise=\"m01-meerkeuze-volgorde\"]";
    app.click(&format!("{choice} [data-choice=\"1\"]")).await;
    app.click(&format!("{choice} button.check")).await;
    app.wait_text(&format!("{choice} [data-verdict]"), "Nog niet goed")
        .await;
    let why_wrong = app
        .text(&format!("{choice} [data-explanation=\"1\"]"))
        .await;
    assert!(why_wrong.len() > 20, "{why_wrong}");

    app.click(&format!("{choice} [data-choice=\"1\"]")).await;
    app.click(&format!("{choice} [data-choice=\"0\"]")).await;
    app.click(&format!("{choice} button.check")).await;
    app.wait_text(&format!("{choice} [data-verdict]"), "Goed!")
        .await;
    let why_right = app
        .text(&format!("{choice} [data-explanation=\"0\"]"))
        .await;
    assert!(why_right.starts_with("Klopt"), "{why_right}");
    assert_ne!(why_wrong, why_right);
    app.client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView()",
            vec![json!(choice)],
        )
        .await
        .unwrap();
    shot(&app, "training-module.png").await;

    let spot = "[data-exercise=\"m01-vind-gevoel\"]";
    app.click(&format!("{spot} [data-token=\"twintig\"]")).await;
    app.wait_text(&format!("{spot} [data-found]"), "1 van 2")
        .await;
    app.wait_text(&format!("{spot} [data-hit]"), "ervaring")
        .await;

    app.click("#mark-read").await;
    app.wait_for("#module-read").await;
    assert_eq!(app.csp_violations().await, Vec::<String>::new());
    app.quit().await;

    let app = start(data.path()).await;
    open_training(&app, PRIYA).await;
    let card = format!("[data-module-id=\"{M01}\"]");
    let text = app.wait_text(&card, "Gelezen").await;
    assert!(text.contains("1 van 3 oefeningen"), "{text}");
    sign_in(&app, GERRIT).await;
    let t0 = Instant::now();
    while app.text(&card).await.contains("Gelezen") {
        assert!(t0.elapsed() < WAIT, "progress is per person");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.quit().await;
}

#[tokio::test]
async fn search_finds_a_module_by_a_word_in_its_body() {
    let data = tempfile::tempdir().unwrap();
    let app = start(data.path()).await;
    open_training(&app, PRIYA).await;
    app.type_into("#module-search", "drieenhalf").await;
    let results = app
        .wait_text("#search-results", "Handleiding voor de trainer")
        .await;
    assert!(
        results.contains("drieënhalf"),
        "the snippet shows the word: {results}"
    );
    assert_eq!(count(&app, "#search-results .hit").await, 1);
    app.click("#search-results .hit").await;
    app.wait_text("#module-title", "Handleiding voor de trainer")
        .await;
    app.quit().await;
}

const FRONT: &str = "+++
id = \"eigen-onderhandelen\"
title = \"Eigen module: onderhandelen\"
summary = \"Een module van de trainer.\"
minutes = 15
goals = [\"Je weet hoe je onderhandelt.\"]
audience = [\"negotiator\"]
order = 40
+++
";

#[tokio::test]
async fn imports_refuse_a_broken_file_and_keep_script_and_remote_images_inert() {
    let data = tempfile::tempdir().unwrap();
    let app = start(data.path()).await;
    open_training(&app, GERRIT).await;
    app.click("#training-tab-import").await;
    app.wait_text("#import-trainer-only", "trainer").await;

    sign_in(&app, TRAINER).await;
    let broken = format!(
        "{}# Kapot\n\n## Bronnen\n\n- x\n",
        FRONT.replace("minutes = 15", "minutes = 0")
    );
    upload(&app, "kapot.md", &broken).await;
    let errors = app.wait_text("#import-errors", "kapot.md:5:").await;
    assert!(
        errors.contains("modules/kapot.md:5:11: `minutes` moet tussen 1 en 240 liggen"),
        "{errors}"
    );
    assert!(errors.contains("niets veranderd"), "{errors}");
    app.click("#training-tab-library").await;
    wait_count(&app, "#module-list > li", 12).await;

    app.click("#training-tab-import").await;
    let hostile = format!(
        "{FRONT}# Onderhandelen\n\nDit is het zeepkistmodel.\n\n<script>window.__pwned = 1</script>\n\n![logo](https://example.org/logo.png)\n\n<img src=\"http://evil.example/p.gif\" onerror=\"window.__pwned = 2\">\n\n## Bronnen\n\n- Eigen ervaring.\n"
    );
    upload(&app, "eigen.md", &hostile).await;
    app.wait_text("#import-ok", "Eigen module: onderhandelen")
        .await;
    let warnings = app.text("#import-warnings").await;
    assert!(warnings.contains("example.org/logo.png"), "{warnings}");
    app.wait_text("#imported-list", "Eigen module: onderhandelen")
        .await;

    app.click("#training-tab-library").await;
    app.type_into("#module-search", "zeepkistmodel").await;
    app.wait_text("#search-results", "Eigen module").await;
    app.click("#search-results .hit").await;
    app.wait_text("#module-body", "zeepkistmodel").await;
    let html = app
        .client
        .execute(
            "return document.querySelector('#module-body').innerHTML",
            vec![],
        )
        .await
        .unwrap();
    let html = html.as_str().unwrap();
    for bad in ["<script", "example.org", "evil.example", "onerror"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let pwned = app
        .client
        .execute("return window.__pwned === undefined", vec![])
        .await
        .unwrap();
    assert_eq!(pwned, json!(true), "no script ran");
    assert_eq!(app.csp_violations().await, Vec::<String>::new());
    app.quit().await;
}

/// One participant's turn: they sign in with their PIN, score every cell, and end
/// the turn, which signs them out for the next.
async fn turn(app: &App, who: Member, round: u8, level: impl Fn(usize, usize) -> u8) {
    let name = who.0;
    sign_in(app, who).await;
    app.click("#start-turn").await;
    let progress = app.wait_text("#sheet-progress", "van 18").await;
    assert!(
        progress.starts_with("0 van 18"),
        "{name} starts round {round} with an empty sheet: {progress}"
    );
    let cells: Vec<String> = {
        let list = app
            .client
            .execute(
                "return [...new Set([...document.querySelectorAll('#score-sheet [data-cell]')].map((b) => b.dataset.cell))]",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(list).unwrap()
    };
    assert_eq!(cells.len(), 18);
    // The sheet goes criterion by criterion, each with the three candidates.
    for (i, cell) in cells.iter().enumerate() {
        let value = level(i % 3, i / 3);
        app.click(&format!(
            "#score-sheet [data-cell=\"{cell}\"][data-level=\"{value}\"]"
        ))
        .await;
    }
    app.wait_text("#sheet-progress", "18 van 18").await;
    app.click("#end-turn").await;
    app.wait_for("#participant-status").await;
    app.wait_for("#training-nobody").await;
}

/// The trainer signs in and moves the session on.
async fn advance(app: &App) {
    sign_in(app, TRAINER).await;
    app.click("#advance-session").await;
}

#[tokio::test]
async fn a_trainer_session_runs_to_the_second_round_with_three_participants() {
    let data = tempfile::tempdir().unwrap();
    let app = start(data.path()).await;
    open_training(&app, TRAINER).await;
    app.click("#training-tab-sessions").await;
    app.click("#new-session").await;
    choose(&app, "#session-case", "Havenstad").await;
    for name in ["Anneke de Wit", "Youssef Amrani"] {
        app.click_text("label", name).await;
    }
    app.click("#start-session").await;
    app.wait_text("#session-phase", "Ronde 1").await;
    let status = app.text("#participant-status").await;
    for name in ["Gerrit Bosma", "Priya Ramdin", "Marloes Kuipers"] {
        assert!(status.contains(name), "{status}");
    }
    assert!(!status.contains("Anneke"), "{status}");

    turn(&app, GERRIT, 1, |c, k| ((c + k) % 5 + 1) as u8).await;
    // Closing early is refused: two participants have not finished.
    advance(&app).await;
    app.wait_text("#session-error", "Nog niet iedereen").await;
    turn(&app, PRIYA, 1, |c, k| ((c * 2 + k) % 5 + 1) as u8).await;
    turn(&app, MARLOES, 1, |c, _| (c + 2) as u8).await;
    assert_eq!(
        count(&app, "#projector").await,
        0,
        "nothing shown before the round closes"
    );

    advance(&app).await;
    app.wait_text("#session-phase", "spreiding").await;
    app.wait_for("#projector .dotplot").await;
    assert_eq!(count(&app, "#projector [data-criterion]").await, 6);
    assert_eq!(count(&app, "#projector circle.dot").await, 54);
    assert_eq!(count(&app, "#projector rect.marker").await, 0);
    assert_eq!(count(&app, "#references").await, 0);

    app.click("#advance-session").await;
    app.wait_text("#session-phase", "Referentiescores").await;
    app.wait_for("#references").await;
    assert_eq!(count(&app, "#projector rect.marker").await, 18);
    app.client
        .execute(
            "document.querySelector('#projector .plots').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    shot(&app, "training.png").await;

    app.click("#advance-session").await;
    app.wait_text("#session-phase", "Ronde 2").await;
    for who in [GERRIT, PRIYA, MARLOES] {
        turn(&app, who, 2, |c, _| (c + 2) as u8).await;
    }
    advance(&app).await;
    app.wait_text("#session-phase", "Afgerond").await;
    let table = app.wait_text("#agreement-table", "Ronde 2").await;
    assert!(table.contains("Ronde 1"), "{table}");
    let after = app.text("[data-overall=\"2\"]").await;
    assert!(
        after.contains("1,00"),
        "identical second-round scores agree fully: {after}"
    );
    let before = app.text("[data-overall=\"1\"]").await;
    assert!(!before.contains("1,00"), "{before}");
    shot(&app, "training-done.png").await;
    assert_eq!(app.csp_violations().await, Vec::<String>::new());
    app.quit().await;
}
