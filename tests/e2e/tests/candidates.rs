//! Candidates in the real app: a member is added, a candidate taken in, the
//! redaction proposals accepted plus one hand-drawn range, the text frozen; the
//! list then shows only the code, and the blinded text none of the identity.
//! Identities and intake need the secretary or the chair switched in with their PIN,
//! in the UI and in the IPC call itself; a scored candidate cannot be deleted.

use fantoccini::Locator;
use maatstaf_core::ledger::{Actor, EntryKind};
use maatstaf_e2e::demo::{CHAIR, GERRIT, SECRETARY};
use maatstaf_e2e::{App, Member, WAIT};
use serde_json::json;

use crate::support::{demo_without_open_round, exists};

const TEXT: &str =
    include_str!("../../../crates/core/tests/blinding_corpus/03-ozdemir-antwoord/text.txt");
/// The identity strings of that corpus text (its identity.toml and expect.toml).
/// The chair who creates the test's own team.
const MIRJAM: Member = ("Mirjam Bakker", "vuurtoren pannenkoek kievit");

const IDENTITY: &[&str] = &[
    "Sevda",
    "Özdemir",
    "Ozdemir",
    "D66",
    "1990-07-21",
    "Ik ben 34",
];

/// Selects the first occurrence of `word` inside `css`, as a mouse drag would.
async fn select_word(app: &App, css: &str, word: &str) {
    app.client
        .execute(
            "const [css, word] = arguments;
             const box = document.querySelector(css);
             const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
             for (let n = walker.nextNode(); n; n = walker.nextNode()) {
               const at = n.data.indexOf(word);
               if (at >= 0) {
                 const range = document.createRange();
                 range.setStart(n, at);
                 range.setEnd(n, at + word.length);
                 const sel = document.getSelection();
                 sel.removeAllRanges();
                 sel.addRange(range);
                 return true;
               }
             }
             throw new Error('word not found: ' + word);",
            vec![json!(css), json!(word)],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn intake_review_and_freeze_leave_only_the_code_and_the_blinded_text() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    app.wait_for("#team-list").await;

    // A team of our own, sealed from the start: whoever creates it is its chair and
    // chooses the passphrase. A passphrase that is too short is refused in Dutch.
    app.click("#new-team").await;
    app.type_into("#team-name", "Gemeente Lindeveld").await;
    app.type_into("#chair-name", "Mirjam Bakker").await;
    app.type_into("#chair-party", "Lokaal Belang").await;
    app.type_into("#passphrase", "kort").await;
    app.type_into("#passphrase-repeat", "kort").await;
    app.click("#team-name-save").await;
    app.wait_text("#team-name-error", "minstens 12 tekens of 4 woorden")
        .await;
    app.type_into("#passphrase", MIRJAM.1).await;
    app.wait_text("#passphrase-strength", "Sterk").await;
    app.type_into("#passphrase-repeat", MIRJAM.1).await;
    app.click("#team-name-save").await;
    app.wait_text("#team-detail-name", "Gemeente Lindeveld")
        .await;
    let members = app.wait_text("#member-list", "Mirjam Bakker").await;
    assert!(members.contains("Voorzitter"), "{members}");
    assert!(members.contains("Lokaal Belang"), "{members}");
    app.wait_text("#sealed-note", "Verzegeld").await;

    // Nothing of the intake is offered to nobody: the chair signs out, and signs in
    // again with her passphrase.
    app.click("#team-sign-out").await;
    app.click("#nav-candidates").await;
    app.wait_text("#candidates-team", "Gemeente Lindeveld")
        .await;
    app.wait_text("#candidates-gate", "Wissel eerst naar die rol")
        .await;
    assert!(!exists(&app, "#new-candidate").await);
    switch_in_candidates(&app, MIRJAM).await;

    // Intake. A bad birth date gets a Dutch message and saves nothing.
    app.click("#new-candidate").await;
    app.wait_text("#privacy-note", "geen foto's").await;
    app.type_into("#cand-name", "Sevda Özdemir").await;
    app.type_into("#cand-party", "D66").await;
    app.type_into("#cand-birth-date", "21-07-1990").await;
    app.type_into("#cand-aliases-input", "Ozdemir").await;
    app.click("#cand-aliases-add").await;
    app.wait_text("#cand-aliases-items", "Ozdemir").await;
    app.type_into("#criterion-id-0", "verbindend-leiderschap")
        .await;
    // WebDriver types a new line as the Enter key.
    app.type_into("#answer-0", &TEXT.trim_end().replace('\n', "\u{E007}"))
        .await;
    app.type_into("#cand-birth-date", "21/13/1990").await;
    app.click("#save-candidate").await;
    app.wait_text("#cand-birth-date-error", "DD-MM-JJJJ").await;
    app.type_into("#cand-birth-date", "30-02-1990").await;
    app.click("#save-candidate").await;
    app.wait_text("#cand-birth-date-error", "bestaande datum")
        .await;
    // Dates are typed the Dutch way.
    app.type_into("#cand-birth-date", "21-07-1990").await;
    app.click("#save-candidate").await;
    let code = saved_code(&app).await;
    assert_eq!(code.len(), 5, "{code}");
    // The list reloads after the intake; wait for it before counting.
    app.wait_for("#candidate-list tbody tr").await;
    let rows = app
        .client
        .find_all(Locator::Css("#candidate-list tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "the bad birth dates saved nothing");
    let list = app.text("#candidate-list").await;
    assert!(list.contains("concept"), "{list}");
    for secret in IDENTITY {
        assert!(!list.contains(secret), "the list shows {secret}: {list}");
    }

    // Review: accept every proposal, then redact "zwembad" by hand.
    app.click(".review-material").await;
    app.wait_text("#secretary-only", "secretaris").await;
    let original = app.text("#original-text").await;
    assert!(
        original.contains("Ozdemir laat iedereen uitpraten"),
        "{original}"
    );
    let proposals = app
        .client
        .find_all(Locator::Css("#original-text [data-proposal]"))
        .await
        .unwrap();
    assert!(
        proposals.len() >= 3,
        "the name, the party and the age are proposed"
    );
    assert!(app
        .wait_for("#freeze")
        .await
        .attr("disabled")
        .await
        .unwrap()
        .is_some());
    app.click("#accept-all").await;
    select_word(&app, "#original-text", "zwembad").await;
    app.wait_text("#manual-selection", "zwembad").await;
    app.select_option("#manual-category", "place").await;
    app.click("#add-manual").await;
    app.wait_for("#original-text [data-manual]").await;
    let preview = app.wait_text("#preview", "[plaats]").await;
    assert!(!preview.contains("zwembad"), "{preview}");
    for secret in IDENTITY {
        assert!(
            !preview.contains(secret),
            "the preview shows {secret}: {preview}"
        );
    }
    if let Some(path) = std::env::var_os("MAATSTAF_E2E_SCREENSHOT") {
        app.client.set_window_rect(0, 0, 1280, 800).await.unwrap();
        app.client
            .execute(
                "document.querySelector('#original-text [data-proposal]').focus()",
                vec![],
            )
            .await
            .unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        std::fs::write(path, app.client.screenshot().await.unwrap()).unwrap();
    }

    // Freeze, after a confirmation that says it cannot be undone: only the blinded
    // text remains, with its controlegetal behind "Details".
    app.click("#freeze").await;
    app.wait_text("#confirm-freeze", "niet ongedaan").await;
    app.click("#confirm-freeze-yes").await;
    let blinded = app.wait_text("#blinded-text", "[partij]").await;
    for secret in IDENTITY.iter().chain(&["zwembad"]) {
        assert!(
            !blinded.contains(secret),
            "the blinded text shows {secret}: {blinded}"
        );
    }
    assert!(
        blinded.contains("Zij bleken het over meer eens te zijn"),
        "{blinded}"
    );
    app.click("#blinded-details summary").await;
    let hash = app.wait_text("#blinded-hash", "Controlegetal").await;
    let hex = hash.rsplit(' ').next().unwrap();
    assert!(
        hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit()),
        "{hash}"
    );
    assert!(app
        .client
        .find(Locator::Css("#original-text"))
        .await
        .is_err());

    app.click("#back-to-list").await;
    let row = format!("#candidate-list tr[data-code='{code}']");
    let text = app.wait_text(&row, "geanonimiseerd").await;
    assert!(
        !text.contains(&hex[..8]),
        "no controlegetal in the list: {text}"
    );
    let page = app.page_text().await;
    for secret in IDENTITY {
        assert!(!page.contains(secret), "the page shows {secret}");
    }

    // The frozen text opens read-only.
    app.click(".review-material").await;
    app.wait_text("#blinded-text", "[partij]").await;
    assert!(app.client.find(Locator::Css("#freeze")).await.is_err());

    assert_eq!(app.csp_violations().await, Vec::<String>::new());
    app.quit().await;
}

/// The code the intake's notice names once the candidate is saved.
async fn saved_code(app: &App) -> String {
    let notice = app
        .wait_text("#candidates-notice", "Kandidaat opgeslagen als K-")
        .await;
    notice
        .split_whitespace()
        .find(|w| w.starts_with("K-"))
        .unwrap()
        .trim_end_matches('.')
        .to_owned()
}

/// Switches the acting member in the candidates area.
async fn switch_in_candidates(app: &App, member: Member) {
    app.switch_member("#candidates-switch", "#candidates-active-member", member)
        .await;
}

#[tokio::test]
async fn identities_need_the_secretary_and_a_scored_candidate_cannot_be_deleted() {
    let data = tempfile::tempdir().unwrap();
    // The demo's round 2 revealed: its comparison sheet shows an erased candidate.
    demo_without_open_round(data.path());
    let app = App::start(data.path()).await;
    app.click("#nav-candidates").await;
    let scored = "K-7F3";
    app.wait_text("#candidate-list", scored).await;

    // Nobody acting: the codes and statuses only, and the store refuses the call.
    app.wait_text("#candidates-gate", "Alleen de secretaris of de voorzitter")
        .await;
    for hidden in [
        "#new-candidate",
        ".show-identity",
        ".delete-candidate",
        ".review-material",
    ] {
        assert!(!exists(&app, hidden).await, "{hidden} is offered");
    }
    let teams = app.invoke("list_teams", json!({})).await;
    let demo = teams["ok"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["is_demo"] == true)
        .unwrap()["id"]
        .clone();
    let ask = json!({ "teamId": demo, "code": scored });
    let refused = app.invoke("candidate_identity", ask.clone()).await;
    assert_eq!(refused["err"]["code"], "access_nobody_acting", "{refused}");
    assert!(refused.get("ok").is_none());

    // An assessor switched in is refused too: by role, before any key is needed.
    switch_in_candidates(&app, GERRIT).await;
    app.wait_for("#candidates-gate").await;
    let refused = app.invoke("candidate_identity", ask.clone()).await;
    assert_eq!(
        refused["err"]["code"], "access_role_not_allowed",
        "{refused}"
    );
    assert_eq!(refused["err"]["params"]["role"], "assessor");

    // The secretary sees the identity and takes in a new candidate.
    switch_in_candidates(&app, SECRETARY).await;
    let allowed = app.invoke("candidate_identity", ask).await;
    assert_eq!(allowed["ok"]["code"], scored, "{allowed}");
    app.click(&format!(
        "#candidate-list tr[data-code='{scored}'] .show-identity"
    ))
    .await;
    let shown = app.text("#identity-dialog").await;
    assert!(
        shown.contains(allowed["ok"]["name"].as_str().unwrap()),
        "{shown}"
    );
    app.click_text("*[@id='identity-dialog']//button", "Sluiten")
        .await;
    app.click("#new-candidate").await;
    app.type_into("#cand-name", "Lotte de Graaf").await;
    app.type_into("#motivation", "Ik wil bijdragen aan een leefbare gemeente.")
        .await;
    app.click("#save-candidate").await;
    let code = saved_code(&app).await;

    // A candidate of the scored round cannot be deleted (the store refuses the call
    // itself), but their name and texts can be erased: the code and scores stay.
    let refused = app
        .invoke(
            "delete_candidate",
            json!({ "teamId": demo, "code": "K-R4M" }),
        )
        .await;
    assert_eq!(refused["err"]["code"], "candidate_scored", "{refused}");
    app.click("#candidate-list tr[data-code='K-R4M'] .delete-candidate")
        .await;
    app.wait_text("#delete-candidate-body", "de code blijft bestaan")
        .await;
    assert!(!exists(&app, "#delete-candidate-confirm").await);
    app.click("input[name='erase-reason'][value='request']")
        .await;
    app.click("#erase-candidate-confirm").await;
    app.wait_text(
        "#candidate-list tr[data-code='K-R4M']",
        "teruggetrokken, gegevens gewist",
    )
    .await;
    let gone = app
        .invoke(
            "candidate_identity",
            json!({ "teamId": demo, "code": "K-R4M" }),
        )
        .await;
    assert_eq!(gone["err"]["code"], "privacy_already_erased", "{gone}");

    // The new one, never scored, can.
    app.click(&format!(
        "#candidate-list tr[data-code='{code}'] .delete-candidate"
    ))
    .await;
    app.click("#delete-candidate-confirm").await;
    let t0 = std::time::Instant::now();
    while exists(&app, &format!("#candidate-list tr[data-code='{code}']")).await {
        assert!(t0.elapsed() < WAIT, "the deleted candidate stayed listed");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // The comparison sheet keeps the erased candidate's scores, marked as withdrawn.
    app.click("#nav-scoring").await;
    app.switch_scorer(CHAIR).await;
    let sheet = app
        .wait_text("#comparison-table", "teruggetrokken kandidaat")
        .await;
    assert!(
        sheet.contains("K-R4M") && !sheet.contains("Kees"),
        "{sheet}"
    );
    assert_eq!(app.csp_violations().await, Vec::<String>::new());
    app.quit().await;

    // The log names the deletion by code and who did it, and still verifies.
    let store = maatstaf_store::Store::open_in(data.path()).unwrap();
    let demo = demo.as_i64().unwrap();
    let log = store.ledger(demo).unwrap();
    let erased = log
        .iter()
        .find(|e| e.kind == EntryKind::CandidateErased)
        .unwrap();
    assert_eq!(erased.payload["candidate_code"], "K-R4M");
    assert_eq!(erased.payload["reason"], "request");
    let last = log.last().unwrap();
    assert_eq!(last.kind, EntryKind::CandidateDeleted);
    assert_eq!(last.payload["candidate_code"], code.as_str());
    assert!(matches!(&last.actor, Actor::Member { name, .. } if name == "Youssef Amrani"));
    let text = serde_json::to_string(&log).unwrap();
    assert!(
        !text.contains("Lotte") && !text.contains("Kees"),
        "no names in the log"
    );
    assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));
}

/// Clicks the `class` button in the member list row of `name`.
async fn click_member_button(app: &App, name: &str, class: &str) {
    let xpath = format!(
        "//ul[@id='member-list']/li[.//span[contains(@class,'member-name') and normalize-space()='{name}']]//button[contains(@class,'{class}')]"
    );
    app.client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no {class} button for {name}: {e}"))
        .click()
        .await
        .unwrap();
}

#[tokio::test]
async fn members_are_edited_and_removed_with_a_confirmation_that_names_them() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    app.wait_text("#team-detail", "Anneke de Wit").await;
    // The demo team is protected (its chair and secretary have PINs): with nobody
    // acting, adding a member is not offered, and the call itself is refused.
    app.wait_text("#team-acting", "Niemand is aangemeld.").await;
    let add = app.wait_for("#add-member").await;
    assert_eq!(add.prop("disabled").await.unwrap().as_deref(), Some("true"));
    let demo_id = app.invoke("list_teams", json!({})).await["ok"][0]["id"].clone();
    let refused = app
        .invoke(
            "add_member",
            json!({ "teamId": demo_id, "name": "Joost Veen", "role": "assessor", "party": null }),
        )
        .await;
    assert_eq!(refused["err"]["code"], "access_nobody_acting", "{refused}");
    assert!(!app.text("#member-list").await.contains("Joost"));

    // The chair switches in with her PIN and does it.
    app.switch_member("#team-switch", "#team-active-member", CHAIR)
        .await;
    app.click("#add-member").await;
    app.type_into("#member-name", "Joost Veen").await;
    app.click("#member-save").await;
    app.wait_text("#member-list", "Joost Veen").await;

    click_member_button(&app, "Joost Veen", "edit-member").await;
    app.type_into("#member-name", "   ").await;
    app.click("#member-save").await;
    app.wait_text("#member-error", "Vul een naam in.").await;
    app.type_into("#member-name", "Joost van der Veen").await;
    app.select_option("#member-role", "committee").await;
    app.click("#member-save").await;
    let list = app.wait_text("#member-list", "Joost van der Veen").await;
    assert!(list.contains("Commissielid"), "{list}");

    click_member_button(&app, "Joost van der Veen", "remove-member").await;
    let body = app
        .wait_text("#remove-member-body", "Joost van der Veen")
        .await;
    assert!(body.contains("Commissielid"), "{body}");
    app.click("#remove-member-confirm").await;
    let t0 = std::time::Instant::now();
    while app.text("#member-list").await.contains("Joost") {
        assert!(t0.elapsed() < WAIT, "the member stayed in the list");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.quit().await;

    // The log names the chair for every change, not the system.
    let store = maatstaf_store::Store::open_in(data.path()).unwrap();
    let demo = store.list_teams().unwrap()[0].id;
    let log = store.ledger(demo).unwrap();
    let changes: Vec<_> = log
        .iter()
        .filter(|e| {
            e.payload["name"]
                .as_str()
                .is_some_and(|n| n.starts_with("Joost"))
        })
        .collect();
    assert_eq!(changes.len(), 3, "added, changed, removed");
    for entry in changes {
        assert!(
            matches!(&entry.actor, Actor::Member { name, .. } if name == "Anneke de Wit"),
            "{entry:?}"
        );
    }
}
