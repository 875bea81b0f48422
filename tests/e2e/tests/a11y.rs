//! Accessibility in the real WebKit window.
//!
//! The audit runs axe-core (the npm package, loaded into the page) on every screen of
//! the app, in Dutch and in English, for WCAG 2.0 and 2.1 at levels A and AA, and
//! fails on any violation. The keyboard test goes through a whole scoring and the
//! reveal with the keyboard alone, and checks at every stop that the focus is visible.

use maatstaf_e2e::demo::{CHAIR, GERRIT, MARLOES, PRIYA, SECRETARY};
use maatstaf_e2e::{key, App, Member};
use serde_json::json;

use crate::consistency::{export_demo, open_in_review};
use crate::scoring::{score_sheet, submit};
use crate::support::demo_without_open_round;

/// What the audit saw: every screen it checked, and every violation on them.
struct Audit {
    app: App,
    lang: &'static str,
    screens: Vec<String>,
    failures: Vec<String>,
}

impl Audit {
    async fn check(&mut self, screen: &str) {
        // Let transitions and late renders settle, so axe sees the screen as a user does.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        for v in self.app.axe_violations().await {
            let failure = format!("[{}] {screen}: {v}", self.lang);
            eprintln!("{failure}");
            self.failures.push(failure);
        }
        self.screens.push(screen.to_owned());
    }

    async fn sign_in(&self, button: &str, active: &str, member: Member) {
        self.app.switch_member(button, active, member).await;
    }
}

/// The code a saved intake got, from the notice ("… opgeslagen als K-XXX.").
async fn saved_code(app: &App) -> String {
    let notice = app.wait_text("#candidates-notice", "K-").await;
    notice
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .find(|w| w.starts_with("K-") && w.len() == 5)
        .unwrap_or_else(|| panic!("no code in {notice:?}"))
        .to_owned()
}

/// Every screen of the app, as the demo team offers it, with the audit after each step.
async fn walk(audit: &mut Audit, logboek: &std::path::Path) {
    let app = &audit.app;
    // Home, with the first-run tour of a fresh data folder.
    app.wait_for("#tour").await;
    audit.check("Teams, first-run tour").await;
    audit.app.click("#tour-skip").await;
    audit.app.wait_text("#team-detail", "Anneke de Wit").await;
    audit.check("Teams").await;

    audit.app.click("#help-button").await;
    audit.app.wait_for("#help-body h2").await;
    audit.check("Help (Teams)").await;
    audit
        .app
        .display_shot(&format!("help-{}.png", audit.lang))
        .await;
    audit.app.click("#help-close").await;

    audit.app.click("#team-switch").await;
    audit
        .app
        .click(&format!("button[data-member=\"{}\"]", CHAIR.0))
        .await;
    audit.app.wait_for("#pin-input").await;
    audit.check("Teams, sign-in with PIN").await;
    audit.app.type_into("#pin-input", CHAIR.1).await;
    audit.app.click("#pin-submit").await;
    audit.app.wait_text("#team-active-member", CHAIR.0).await;
    audit.check("Teams, chair signed in").await;
    audit.app.click("#add-member").await;
    audit.app.wait_for("#member-name").await;
    audit.check("Teams, add-member dialog").await;
    audit.app.press(key::ESCAPE).await;

    // Training: library, a module with its exercises, practice sessions, import.
    audit.app.click("#nav-training").await;
    audit.app.wait_for("#module-list .module-card").await;
    audit.check("Training, library").await;
    audit.app.type_into("#module-search", "halo").await;
    audit.app.wait_for("#search-results .hit").await;
    audit.check("Training, search").await;
    // Emptying the search brings the module list back.
    audit
        .app
        .client
        .execute(
            "const box = document.getElementById('module-search');
             box.value = '';
             box.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )
        .await
        .unwrap();
    audit
        .app
        .click("#module-list [data-module-id=\"m01-waarom-structuur-werkt\"]")
        .await;
    audit.app.wait_for("#module-title").await;
    audit.app.wait_for("[data-exercise] [data-choice]").await;
    audit.check("Training, module with exercises").await;
    audit.app.click("#training-tab-sessions").await;
    audit.app.wait_for("#training-sessions").await;
    audit.check("Training, practice sessions").await;
    audit.app.click("#training-tab-import").await;
    audit.check("Training, import").await;

    // Rubrics: the list, a new one from a template, its editor with findings, freezing.
    audit.app.click("#nav-rubrics").await;
    audit.app.wait_for("#rubric-new").await;
    audit.check("Rubrics, list").await;
    audit.app.click("#rubric-new").await;
    audit.app.wait_for("input[data-template]").await;
    audit.check("Rubrics, new-rubric dialog").await;
    audit.app.click("input[data-template]").await;
    audit.app.click("#rubric-create-confirm").await;
    audit
        .app
        .type_into("#crit-0-definition", "Is een dynamische persoonlijkheid.")
        .await;
    audit.app.wait_for("#rubric-freeze").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    audit.check("Rubrics, editor with linter findings").await;
    audit.app.click("#rubric-freeze").await;
    audit.app.wait_for(".modal[role=dialog]").await;
    audit.check("Rubrics, freeze dialog").await;
    audit.app.press(key::ESCAPE).await;

    // Candidates: the list, the intake form, the redaction review.
    audit.app.click("#nav-candidates").await;
    audit.app.wait_for("#candidate-list").await;
    audit.check("Candidates, list (chair)").await;
    audit.app.click("#new-candidate").await;
    audit.app.wait_for("#cand-name").await;
    audit.check("Candidates, intake form").await;
    audit.app.type_into("#cand-name", "Sevda Özdemir").await;
    audit
        .app
        .type_into(
            "textarea[id^=\"answer-\"]",
            "Als wethouder in Deventer heeft mevrouw Özdemir (34) het jeugdbeleid vernieuwd.",
        )
        .await;
    audit.app.click("#save-candidate").await;
    let code = saved_code(&audit.app).await;
    audit
        .app
        .click(&format!("tr[data-code=\"{code}\"] .review-material"))
        .await;
    audit.app.wait_for("#original-text").await;
    audit.check("Candidates, redaction review").await;
    audit.app.type_into("#manual-find", "jeugdbeleid").await;
    audit
        .app
        .wait_text("#manual-selection", "jeugdbeleid")
        .await;
    audit.check("Candidates, redaction by typing").await;
    audit.app.click("#back-to-list").await;

    // Scoring: the revealed comparison sheet, a new round, an assessor's sheet, conflicts.
    audit.app.click("#nav-scoring").await;
    audit
        .sign_in("#switch-assessor", "#active-member", CHAIR)
        .await;
    audit.app.wait_for("#comparison-table").await;
    audit.check("Scoring, revealed comparison sheet").await;
    audit.app.click("#next-round").await;
    audit.app.wait_for("#setup-carries").await;
    audit.check("Scoring, set up the next round").await;
    audit.app.click("#open-round").await;
    audit.app.wait_for("#confirm-open-round-yes").await;
    audit.check("Scoring, confirm new round").await;
    audit.app.click("#confirm-open-round-yes").await;
    audit.app.wait_for("#round-progress").await;
    audit.check("Scoring, open round (chair)").await;
    audit.app.click("#switch-assessor").await;
    audit.app.wait_for("#assessor-switch").await;
    audit.check("Scoring, who is scoring").await;
    audit
        .app
        .click(&format!("button[data-member=\"{}\"]", GERRIT.0))
        .await;
    audit.app.type_into("#pin-input", GERRIT.1).await;
    audit.app.click("#pin-submit").await;
    audit.app.wait_for("#scoring-sheet").await;
    audit.app.click("#level-3").await;
    audit
        .app
        .type_into("#evidence", "Noemt twee besluiten met hun afweging.")
        .await;
    audit.app.wait_for("#autosave-status").await;
    audit.check("Scoring, assessor's sheet").await;
    audit.app.click("#submit-sheet").await;
    audit.app.wait_for(".modal[role=dialog]").await;
    audit.check("Scoring, submit dialog").await;
    audit.app.press(key::ESCAPE).await;
    audit.app.click("#tab-conflicts").await;
    audit.app.wait_for("#conflicts").await;
    audit.check("Scoring, declare conflicts").await;

    // Own laptops: the secretary saves Priya's round package, and this laptop opens it
    // as Priya's own would (a fresh personal key, then her sheet).
    let (save_title, open_title) = if audit.lang == "en" {
        ("Save the round package", "Open a Maatstaf package")
    } else {
        ("Rondepakket opslaan", "Maatstaf-pakket openen")
    };
    let package = logboek.with_file_name(format!("ronde-{}.maatstaf", audit.lang));
    audit
        .sign_in("#switch-assessor", "#active-member", SECRETARY)
        .await;
    audit.app.click("#tab-exchange").await;
    let row = audit
        .app
        .wait_for(&format!("#exchange-table tr[data-name=\"{}\"]", PRIYA.0))
        .await;
    let member = row.attr("id").await.unwrap().unwrap();
    audit.check("Scoring, own laptops").await;
    audit
        .app
        .click(&format!(
            "#round-package-{}",
            member.trim_start_matches("exchange-")
        ))
        .await;
    audit.app.save_as(save_title, &package).await;
    audit.app.wait_for("#exchange-message:not(:empty)").await;
    audit.app.click("#nav-own").await;
    audit.app.wait_for("#no-assignments").await;
    audit.check("Own laptop, nothing yet").await;
    audit.app.click("#open-package").await;
    audit.app.open_file(open_title, &package).await;
    audit.app.wait_for("#new-key").await;
    audit.check("Own laptop, new personal key").await;
    audit
        .app
        .type_into("#own-passphrase", "zandduin lepelaar fietsbel winterpeen")
        .await;
    audit
        .app
        .type_into(
            "#own-passphrase-repeat",
            "zandduin lepelaar fietsbel winterpeen",
        )
        .await;
    audit.app.click("#create-key").await;
    audit.app.wait_for("#scoring-sheet").await;
    audit.check("Own laptop, scoring sheet").await;

    // Consistency & logbook: the plots, the logbook tab, a logbook in review mode.
    audit.app.click("#nav-consistency").await;
    audit.app.wait_for(".plot svg").await;
    audit.check("Consistency, plots").await;
    audit.app.click("#tab-logboek").await;
    audit.check("Consistency, logbook").await;
    open_in_review(&audit.app, logboek).await;
    audit.app.wait_for("#review-scores").await;
    audit.check("Consistency, logbook in review mode").await;

    // About, and the help of another area opened with F1.
    audit.app.click("#nav-about").await;
    audit.app.wait_for("#about-fingerprint").await;
    audit.check("About Maatstaf").await;
    audit
        .app
        .display_shot(&format!("about-{}.png", audit.lang))
        .await;
    audit.app.press(key::F1).await;
    audit
        .app
        .wait_for("#help-body[data-area=\"about\"] h2")
        .await;
    audit.check("Help (About), opened with F1").await;
    audit.app.press(key::ESCAPE).await;

    // The secretary's view of candidates: identities on demand.
    audit.app.click("#nav-candidates").await;
    audit
        .sign_in("#candidates-switch", "#candidates-active-member", SECRETARY)
        .await;
    audit.check("Candidates, list (secretary)").await;
}

async fn audit_in(lang: &'static str) -> (Vec<String>, Vec<String>) {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let logboek = files.path().join("logboek.jsonl");
    std::fs::write(&logboek, export_demo(files.path())).unwrap();
    demo_without_open_round(data.path());
    let app = App::start(data.path()).await;
    app.wait_for("#team-list").await;
    if lang == "en" {
        app.click("#language-switch").await;
        app.wait_text("#new-team", "New team").await;
    }
    let mut audit = Audit {
        app,
        lang,
        screens: Vec::new(),
        failures: Vec::new(),
    };
    walk(&mut audit, &logboek).await;
    let Audit {
        app,
        screens,
        failures,
        ..
    } = audit;
    app.quit().await;
    (screens, failures)
}

#[tokio::test]
async fn every_screen_passes_axe_at_wcag_a_and_aa_in_dutch_and_english() {
    let mut all = Vec::new();
    let mut checked = 0;
    for lang in ["nl", "en"] {
        let (screens, failures) = audit_in(lang).await;
        checked += screens.len();
        eprintln!(
            "[{lang}] axe-core checked {} screens: {}",
            screens.len(),
            screens.join("; ")
        );
        all.extend(failures);
    }
    assert!(checked >= 60, "the audit reached only {checked} screens");
    assert!(
        all.is_empty(),
        "{} axe-core violations:\n  {}",
        all.len(),
        all.join("\n  ")
    );
}

/// Presses Enter on what has the focus, and checks that the focus is visible once the
/// screen has settled (an update may move it, to a new view's heading for instance).
async fn activate(app: &App, what: &str) {
    app.client
        .execute("window.__pressed = document.activeElement;", vec![])
        .await
        .unwrap();
    app.press(key::ENTER).await;
    let t0 = std::time::Instant::now();
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let focus = app.focus().await;
        if focus.visible {
            return;
        }
        if t0.elapsed() > std::time::Duration::from_secs(3) {
            let page = app
                .client
                .execute(
                    "const p = window.__pressed;
                     return (p ? p.outerHTML.slice(0, 160) + ' connected=' + p.isConnected
                       + ' disabled=' + p.disabled + ' display=' + getComputedStyle(p).display : 'null')
                       + ' | position: ' + (document.getElementById('cell-position') || {}).textContent;",
                    vec![],
                )
                .await
                .unwrap();
            panic!(
                "after activating {what}, the focus is not visible: {} ({page})",
                focus.what
            );
        }
    }
}

/// Signs in by keyboard through the switch behind `button`.
async fn keyboard_sign_in(app: &App, button: &str, (name, pin): Member) {
    app.tab_to(button, false, 60).await;
    activate(app, button).await;
    let member = format!("button[data-member=\"{name}\"]");
    app.tab_to(&member, false, 40).await;
    activate(app, &member).await;
    let focus = app.focus().await;
    assert_eq!(
        focus.id, "pin-input",
        "choosing a member puts the focus on the PIN field"
    );
    app.type_keys(pin).await;
    app.press(key::ENTER).await;
    app.wait_text("#active-member", name).await;
}

#[tokio::test]
async fn the_keyboard_alone_scores_a_candidate_submits_and_reveals_with_the_focus_always_visible() {
    let data = tempfile::tempdir().unwrap();
    demo_without_open_round(data.path());
    let app = App::start(data.path()).await;
    app.wait_for("#tour").await;

    // The first stop on the screen is the skip link; it takes the focus to the content.
    app.press(key::TAB).await;
    let first = app.focus().await;
    assert_eq!(first.id, "skip-link", "{}", first.what);
    assert!(first.visible, "the skip link shows when it has the focus");
    activate(&app, "the skip link").await;
    let heading = app.focus().await;
    assert!(
        heading.what.starts_with("h2"),
        "the skip link lands on the first heading of the content: {}",
        heading.what
    );
    // The tour is skipped with the keyboard too.
    app.tab_to("#tour-skip", false, 10).await;
    activate(&app, "the tour's skip button").await;

    // To the scoring area through the menu; the focus lands on its heading.
    app.tab_to("#nav-scoring", true, 30).await;
    activate(&app, "Scoren in the menu").await;
    let t0 = std::time::Instant::now();
    loop {
        let landed = app.focus().await;
        if landed.what.starts_with("h2") && landed.visible {
            break;
        }
        assert!(
            t0.elapsed() < maatstaf_e2e::WAIT,
            "opening an area puts a visible focus on its heading: {}",
            landed.what
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // The chair opens a new round.
    keyboard_sign_in(&app, "#switch-assessor", CHAIR).await;
    app.tab_to("#next-round", false, 80).await;
    activate(&app, "Nieuwe ronde openen").await;
    app.wait_text("#setup-carries", "ronde 2").await;
    app.tab_to("#open-round", false, 80).await;
    activate(&app, "the round setup's open button").await;
    app.wait_for("#confirm-open-round-yes").await;
    app.tab_to("#confirm-open-round-yes", false, 5).await;
    activate(&app, "the confirmation").await;
    app.wait_text("#round-progress", "0 van 3").await;

    // Gerrit scores every cell: a level and an evidence note, then the next cell.
    keyboard_sign_in(&app, "#switch-assessor", GERRIT).await;
    app.wait_for("#scoring-sheet").await;
    let position = app.text("#cell-position").await;
    let total: usize = position
        .split_whitespace()
        .nth(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no total in {position:?}"));
    for i in 0..total {
        // Round 3 shows each cell's level from round 2; keeping it asks no reason for a change.
        let previous = app.wait_text("#previous-level", ":").await;
        let level: u8 = previous.trim().rsplit(' ').next().unwrap().parse().unwrap();
        app.tab_to(&format!("#level-{level}"), false, 40).await;
        activate(&app, "a level").await;
        let pressed = app
            .client
            .execute(
                "return document.getElementById(arguments[0]).getAttribute('aria-pressed');",
                vec![json!(format!("level-{level}"))],
            )
            .await
            .unwrap();
        assert_eq!(pressed, json!("true"), "Enter chose level {level}");
        if i == 0 {
            app.display_shot("scoring-keyboard-focus.png").await;
        }
        app.tab_to("#evidence", false, 10).await;
        app.type_keys(&format!("Toetsbaar bewijs {}", i + 1)).await;
        app.wait_text("#autosave-status", "Opgeslagen").await;
        if i + 1 < total {
            let before = app.text("#cell-position").await;
            // "Volgende" sits above the criterion: back up to it.
            app.tab_to("#cell-next", true, 40).await;
            activate(&app, "Volgende").await;
            let t0 = std::time::Instant::now();
            while app.text("#cell-position").await == before {
                assert!(
                    t0.elapsed() < maatstaf_e2e::WAIT,
                    "the sheet stayed on {before}"
                );
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        }
    }
    app.wait_text("#cells-done", &format!("{total} van {total}"))
        .await;
    app.tab_to("#submit-sheet", false, 60).await;
    activate(&app, "Inleveren").await;
    app.wait_for("#submit-confirm-yes").await;
    app.tab_to("#submit-confirm-yes", false, 5).await;
    activate(&app, "the submit confirmation").await;
    app.wait_text("#signed-out-note", "ingeleverd en is afgemeld")
        .await;

    // The other two assessors submit (with the mouse; this test is about one sheet).
    for member in [PRIYA, MARLOES] {
        app.switch_scorer(member).await;
        score_sheet(&app, "E2E", None).await;
        submit(&app).await;
    }

    // The chair reveals the round by keyboard, and the comparison sheet is a real table.
    keyboard_sign_in(&app, "#switch-assessor", CHAIR).await;
    app.tab_to("#reveal-round", false, 80).await;
    activate(&app, "Scores zichtbaar maken").await;
    app.wait_for("#confirm-reveal-yes").await;
    app.tab_to("#confirm-reveal-yes", false, 5).await;
    activate(&app, "the reveal confirmation").await;
    app.wait_for("#comparison-table").await;
    let table = app
        .client
        .execute(
            "const t = document.getElementById('comparison-table');
             return { caption: t.caption ? t.caption.textContent : '',
                      cols: t.querySelectorAll('thead th[scope=col]').length,
                      rows: t.querySelectorAll('tbody th[scope=row]').length };",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        table["caption"].as_str().unwrap().contains("ronde 3"),
        "{table}"
    );
    assert!(table["cols"].as_u64().unwrap() >= 3, "{table}");
    assert_eq!(table["rows"], json!(3), "{table}");
    // The table scrolls sideways on its own: the keyboard reaches it.
    app.tab_to(".table-wrap", false, 40).await;
    app.quit().await;
}

/// Text the layout cuts off at the current text size: elements that hide what
/// overflows them while their content is wider or taller, and controls placed where
/// no scrolling reaches (left of or above the page).
async fn lost_content(app: &App) -> Vec<String> {
    let v = app
        .client
        .execute(
            "const lost = [];
             for (const el of document.querySelectorAll('#app *')) {
               const s = getComputedStyle(el);
               // Hidden on purpose: text for screen readers only, and the skip link until it has the focus.
               if (s.display === 'none' || s.visibility === 'hidden'
                   || el.closest('.visually-hidden, .sr-only, .skip-link')) continue;
               const r = el.getBoundingClientRect();
               if (r.width === 0 || r.height === 0) continue;
               const clips = (s.overflowX === 'hidden' || s.overflowX === 'clip')
                 && el.scrollWidth > el.clientWidth + 1
                 || (s.overflowY === 'hidden' || s.overflowY === 'clip')
                 && el.scrollHeight > el.clientHeight + 1;
               if (clips && el.innerText.trim()) lost.push('clipped: ' + el.tagName.toLowerCase()
                 + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.'));
               if (el.matches('button, a[href], input, select, textarea')
                   && (r.right + scrollX < 0 || r.bottom + scrollY < 0))
                 lost.push('unreachable: ' + el.outerHTML.slice(0, 80));
             }
             return lost;",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

#[tokio::test]
async fn at_twice_the_text_size_nothing_is_cut_off_or_out_of_reach() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    app.wait_for("#tour").await;
    // What a system text size of 200 % does: the root size doubles, and every size in
    // the app is relative to it.
    let base = app
        .client
        .execute(
            "const nav = parseFloat(getComputedStyle(document.querySelector('#nav-teams')).fontSize);
             const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
             document.documentElement.style.fontSize = (2 * root) + 'px';
             return nav;",
            vec![],
        )
        .await
        .unwrap();
    let nav = app
        .client
        .execute(
            "return parseFloat(getComputedStyle(document.querySelector('#nav-teams')).fontSize);",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        nav.as_f64().unwrap() >= 1.9 * base.as_f64().unwrap(),
        "the menu text grew with the root size: {base} → {nav}"
    );
    let mut problems = Vec::new();
    for (area, ready) in [
        ("teams", "#team-detail"),
        ("training", "#module-list"),
        ("rubrics", "#rubric-new"),
        ("candidates", "#candidate-list"),
        ("scoring", "#assessor-switch"),
        ("own", "#open-package"),
        ("consistency", ".plot svg"),
        ("about", "#about-facts"),
    ] {
        app.click(&format!("#nav-{area}")).await;
        app.wait_for(ready).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        for p in lost_content(&app).await {
            problems.push(format!("{area}: {p}"));
        }
    }
    app.press(key::F1).await;
    app.wait_for("#help-body h2").await;
    for p in lost_content(&app).await {
        problems.push(format!("help: {p}"));
    }
    assert!(
        problems.is_empty(),
        "at 200 % text:\n  {}",
        problems.join("\n  ")
    );
    app.quit().await;
}
