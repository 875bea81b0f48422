//! Blinded, independent scoring in the real app with the demo team: three assessors
//! re-score three candidates (one of them chunked) in their own orders, nobody sees
//! another's scores before the reveal, the comparison sheet keeps earlier rounds, and no
//! candidate's name reaches the page or any IPC response until the chair unblinds.
//! A submitted sheet survives `kill -9` of the app.

use std::process::Command;

use maatstaf_e2e::demo::{CHAIR, GERRIT, MARLOES, PRIYA, SECRETARY};
use maatstaf_e2e::App;

use crate::support::{demo_without_open_round, exists, snapshot, wait_change};

/// The demo candidates' identities (content/demo/team.toml).
const NAMES: [&str; 6] = [
    "Sanne Hoekstra",
    "Hoekstra",
    "Mehmet Yildiz",
    "Yildiz",
    "Joke van der Linden-Bakker",
    "Linden-Bakker",
];

/// Records every IPC response (and error) for the scan. `invoke` itself cannot be
/// replaced (Tauri defines it read-only), but every answer passes through the
/// callback map that `runCallback` reads, so its `get` is wrapped.
async fn record_ipc(app: &App) {
    app.client
        .execute(
            r#"
            if (!window.__ipcLog) {
              window.__ipcLog = [];
              const callbacks = window.__TAURI_INTERNALS__.callbacks;
              const get = Map.prototype.get;
              Object.defineProperty(callbacks, "get", {
                value: function (id) {
                  const callback = get.call(this, id);
                  if (!callback) return callback;
                  return function (data) {
                    window.__ipcLog.push(JSON.stringify(data));
                    return callback(data);
                  };
                },
              });
            }
            "#,
            vec![],
        )
        .await
        .unwrap();
}

/// A marker in the IPC log, so a check can look at what came after it.
async fn mark(app: &App, label: &str) {
    app.client
        .execute(
            "window.__ipcLog.push('MARK ' + arguments[0])",
            vec![serde_json::json!(label)],
        )
        .await
        .unwrap();
}

async fn ipc_log(app: &App) -> Vec<String> {
    let v = app
        .client
        .execute("return window.__ipcLog || []", vec![])
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

async fn inner_text(app: &App) -> String {
    let v = app
        .client
        .execute("return document.body.innerText", vec![])
        .await
        .unwrap();
    v.as_str().unwrap_or_default().to_owned()
}

/// Neither the screen nor anything the app answered names a candidate.
async fn assert_blind(app: &App, when: &str) {
    let text = inner_text(app).await;
    let log = ipc_log(app).await;
    assert!(!log.is_empty(), "the IPC recorder is in place ({when})");
    for name in NAMES {
        assert!(!text.contains(name), "{name} on screen {when}");
        if let Some(hit) = log.iter().find(|r| r.contains(name)) {
            panic!("{name} in an IPC response {when}: {hit}");
        }
    }
}

/// Scores every cell of the open sheet: the assessor's level from the round before (shown
/// beside the cell), except `change` = (candidate, start of the criterion's name,
/// level, reason).
/// Returns the criterion names in the order they were met.
pub(crate) async fn score_sheet(
    app: &App,
    tag: &str,
    change: Option<(&str, &str, u8, &str)>,
) -> Vec<String> {
    app.wait_for("#scoring-sheet").await;
    let position = app.text("#cell-position").await;
    let total: usize = position
        .split_whitespace()
        .nth(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no total in {position:?}"));
    let mut seen = Vec::new();
    for i in 0..total {
        let position = app.text("#cell-position").await;
        let candidate = app.text("#current-candidate").await;
        let criterion = app.text("#current-criterion").await;
        seen.push(format!("{candidate}/{criterion}"));
        let previous = app.wait_text("#previous-level", ":").await;
        let mut level: u8 = previous.trim().rsplit(' ').next().unwrap().parse().unwrap();
        let mut reason = None;
        if let Some((c, crit, l, r)) = change {
            if candidate == c && criterion.starts_with(crit) {
                level = l;
                reason = Some(r);
            }
        }
        app.click(&format!("#level-{level}")).await;
        app.type_into("#evidence", &format!("{tag} {candidate} {criterion}"))
            .await;
        if let Some(r) = reason {
            app.type_into("#reason", r).await;
        }
        app.wait_text("#autosave-status", "Opgeslagen").await;
        if i + 1 < total {
            app.click("#cell-next").await;
            wait_change(app, "#cell-position", &position).await;
        }
    }
    app.wait_text("#cells-done", &format!("{total} van {total}"))
        .await;
    seen
}

pub(crate) async fn submit(app: &App) {
    app.click("#submit-sheet").await;
    app.click("#submit-confirm-yes").await;
    app.wait_text("#signed-out-note", "ingeleverd en is afgemeld")
        .await;
}

#[tokio::test]
async fn three_assessors_rescore_blind_and_the_reveal_keeps_history() {
    let data = tempfile::tempdir().unwrap();
    demo_without_open_round(data.path());
    let app = App::start(data.path()).await;
    record_ipc(&app).await;
    app.click("#nav-scoring").await;
    app.wait_for("#assessor-switch").await;

    // The chair sees the demo's revealed round 2 and opens a re-scoring round.
    app.switch_scorer(CHAIR).await;
    app.wait_for("#comparison-table").await;
    let round2 = app.text("#comparison-table").await;
    assert!(round2.contains("K-7F3") && round2.contains("K-R4M"));
    assert_blind(&app, "on the revealed round 2").await;
    // The next round has its setup, with what carries over from round 2 ticked.
    app.click("#next-round").await;
    app.wait_text("#setup-carries", "ronde 2").await;
    app.wait_text("#setup-carried-K-7F3", "in ronde 2").await;
    app.click("#open-round").await;
    let body = app.wait_text("#confirm-open-round-body", "K-7F3").await;
    assert!(body.contains("Gerrit Bosma"), "{body}");
    app.wait_text("#confirm-open-round", "niet ongedaan").await;
    app.click("#confirm-open-round-yes").await;
    app.wait_text("#round-progress", "0 van 3 ingeleverd").await;
    assert!(
        exists(&app, "#waiting").await,
        "the chair does not score this round"
    );

    // Gerrit scores candidate by candidate and changes one level, with a reason.
    app.switch_scorer(GERRIT).await;
    let order_g = app.text("#candidate-order").await;
    assert!(app.text("#scoring-sheet").await.contains("Per kandidaat"));
    score_sheet(
        &app,
        "E2E-GERRIT",
        Some((
            "K-R4M",
            "Integriteit",
            3,
            "Na bespreking: melden in het college is een volle stap.",
        )),
    )
    .await;
    assert_blind(&app, "while Gerrit scores").await;
    submit(&app).await;
    app.wait_text("#round-progress", "1 van 3 ingeleverd").await;

    // Priya scores chunked (criterion by criterion) and cannot see Gerrit's sheet.
    mark(&app, "priya").await;
    app.switch_scorer(PRIYA).await;
    let sheet = app.wait_for("#scoring-sheet").await;
    assert_eq!(
        sheet.attr("data-mode").await.unwrap().as_deref(),
        Some("by_criterion")
    );
    let order_p = app.text("#candidate-order").await;
    let text = inner_text(&app).await;
    assert!(
        !text.contains("E2E-GERRIT"),
        "Gerrit's notes are not on Priya's screen"
    );
    let log = ipc_log(&app).await;
    let switched = log.iter().position(|r| r == "MARK priya").unwrap();
    assert!(
        log.len() > switched + 3,
        "Priya's screen was loaded over IPC"
    );
    assert!(
        !log[switched..].iter().any(|r| r.contains("E2E-GERRIT")),
        "no IPC response after the switch to Priya carries Gerrit's notes"
    );
    let seen = score_sheet(&app, "E2E-PRIYA", None).await;
    // Chunked: the first three cells are one criterion across the three candidates.
    let first_criterion = |s: &String| s.split_once('/').unwrap().1.to_owned();
    assert_eq!(first_criterion(&seen[0]), first_criterion(&seen[1]));
    assert_eq!(first_criterion(&seen[1]), first_criterion(&seen[2]));
    submit(&app).await;

    // Marloes: after two others submitted she still sees only her own sheet.
    app.switch_scorer(MARLOES).await;
    let order_m = app.text("#candidate-order").await;
    app.wait_text("#round-progress", "2 van 3 ingeleverd").await;
    let text = inner_text(&app).await;
    assert!(!text.contains("E2E-GERRIT") && !text.contains("E2E-PRIYA"));
    snapshot(&app, "scoring-sheet").await;
    score_sheet(&app, "E2E-MARLOES", None).await;
    submit(&app).await;
    assert_blind(&app, "after all three submitted").await;

    assert_ne!(order_g, order_p);
    assert_ne!(order_p, order_m);
    assert_ne!(order_g, order_m);
    // No other assessor's note came through IPC before the reveal.
    let log = ipc_log(&app).await;
    for r in &log {
        let owners = ["E2E-GERRIT", "E2E-PRIYA", "E2E-MARLOES"]
            .iter()
            .filter(|t| r.contains(*t))
            .count();
        assert!(
            owners <= 1,
            "a round view carried two assessors' notes: {r}"
        );
    }

    // The chair reveals round 3: every assessor's note and Gerrit's reason are there.
    app.switch_scorer(CHAIR).await;
    app.click("#reveal-round").await;
    // Revealing cannot be undone: the dialog says so and how many sheets are in.
    app.wait_text("#confirm-reveal-body", "3 van de 3").await;
    app.click("#confirm-reveal-yes").await;
    app.wait_for("#comparison-table").await;
    app.click("#notes-K-R4M summary").await;
    let notes = app.wait_text("#notes-K-R4M", "E2E-PRIYA").await;
    snapshot(&app, "scoring-comparison").await;
    assert!(notes.contains("E2E-GERRIT") && notes.contains("E2E-MARLOES"));
    assert!(notes.contains("melden in het college"), "{notes}");
    // Round 2 is still there as it was, and round 1 with its large disagreement.
    app.click("#round-tab-1").await;
    app.wait_text("#comparison-title", "ronde 1").await;
    assert!(
        exists(&app, "td[data-large='true']").await,
        "round 1 has a large disagreement"
    );
    app.click("#round-tab-2").await;
    app.wait_text("#comparison-title", "ronde 2").await;
    app.client.set_window_size(1280, 800).await.unwrap();
    app.client
        .execute(
            "document.getElementById('assessor-bar').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    snapshot(&app, "scoring-round1").await;
    let again = app.text("#comparison-table").await;
    assert_eq!(again, round2);
    app.click("#round-tab-3").await;
    app.wait_text("#comparison-title", "ronde 3").await;

    // Save as a standalone web page, through the system's save dialog.
    let chosen = tempfile::tempdir().unwrap();
    let file = chosen.path().join("vergelijkingsblad-ronde-3.html");
    app.click("#export-html").await;
    app.save_as("Vergelijkingsblad opslaan", &file).await;
    let shown = app
        .wait_text("#comparison-export-path", "vergelijkingsblad-ronde-3.html")
        .await;
    assert_eq!(shown, file.display().to_string());
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("E2E-GERRIT"));
    assert!(!NAMES.iter().any(|n| html.contains(n)));
    assert_blind(&app, "after the reveal, before the decision").await;

    // Decision, then the chair unblinds: now the names appear next to the codes.
    app.type_into("#portfolio-0", "Wonen").await;
    app.click("#choose-0-K-7F3").await;
    app.type_into(
        "#decision-reason-0",
        "Sterkste onderbouwing op alle criteria, geen knock-out.",
    )
    .await;
    app.click("#record-decision").await;
    app.wait_text("#decision-recorded", "Wonen").await;
    assert_blind(&app, "after the decision").await;
    app.click("#unblind").await;
    app.type_into("#unblind-reason", "Besluit vastgelegd").await;
    app.click("#unblind-yes").await;
    // Unblinding ends the chair's session: the names are for whoever signs in next.
    app.wait_text("#signed-out-note", "De namen zijn geopend")
        .await;
    app.switch_scorer(SECRETARY).await;
    app.wait_text("#comparison-table", "Sanne Hoekstra").await;
    assert_eq!(app.csp_violations().await, Vec::<String>::new());
    app.quit().await;
}

#[tokio::test]
async fn a_wrong_pin_shows_nothing_of_the_sheet() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    app.click("#nav-scoring").await;
    app.click(&format!("button[data-member=\"{}\"]", GERRIT.0))
        .await;
    app.type_into("#pin-input", "9999").await;
    app.click("#pin-submit").await;
    app.wait_text("#pin-error", "klopt niet").await;
    assert!(!exists(&app, "#scoring-sheet").await);
    assert!(!exists(&app, "#comparison-table").await);
    app.quit().await;
}

/// Every process below `pid`, as (pid, command line).
fn descendants(pid: u32) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut todo = vec![pid];
    while let Some(p) = todo.pop() {
        let children = Command::new("pgrep")
            .args(["-P", &p.to_string()])
            .output()
            .unwrap();
        for child in String::from_utf8_lossy(&children.stdout).split_whitespace() {
            let child: u32 = child.parse().unwrap();
            let args = std::fs::read_to_string(format!("/proc/{child}/cmdline"))
                .unwrap_or_default()
                .replace('\0', " ");
            out.push((child, args));
            todo.push(child);
        }
    }
    out
}

#[tokio::test]
async fn a_submitted_sheet_survives_kill_9_right_after_submit() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    app.click("#nav-scoring").await;
    // The demo's round 2 waits for Priya alone.
    app.switch_scorer(PRIYA).await;
    score_sheet(&app, "KILL9", None).await;
    submit(&app).await;

    let own = Command::new("pgrep")
        .args(["-f", "maatstaf-app"])
        .output()
        .unwrap();
    let candidates: Vec<u32> = String::from_utf8_lossy(&own.stdout)
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect();
    let ours: Vec<u32> = descendants(app.driver_pid())
        .into_iter()
        .filter(|(pid, args)| candidates.contains(pid) && args.contains("maatstaf-app"))
        .map(|(pid, _)| pid)
        .collect();
    assert_eq!(
        ours.len(),
        1,
        "exactly one app below our tauri-driver: {ours:?}"
    );
    let status = Command::new("kill")
        .args(["-9", &ours[0].to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    app.quit().await;

    let app = App::start(data.path()).await;
    app.click("#nav-scoring").await;
    app.switch_scorer(PRIYA).await;
    // Her sheet came through the kill: she sees it submitted.
    app.wait_for("#sheet-submitted").await;
    app.wait_text("#round-progress", "3 van 3 ingeleverd").await;
    app.quit().await;
}
