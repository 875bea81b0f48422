//! Two laptops in one test, on the demo as shipped: its round 2 is open, Gerrit and
//! Marloes scored it on the team's laptop, Priya has not. The team's laptop writes
//! round packages for the three assessors; Priya scores chunked on her own laptop and
//! saves her signed, encrypted score package; the team's laptop imports it next to the
//! two sheets scored there; the reveal shows all three, on the team's laptop and,
//! by the reveal package, on Priya's; the logboek verifies, with Priya's key.

use std::path::Path;

use maatstaf_core::ledger::{verify_logboek, Fingerprint};
use maatstaf_core::package::check_assessor;
use maatstaf_core::team::Role;
use maatstaf_e2e::demo::{CHAIR, SECRETARY};
use maatstaf_e2e::App;
use maatstaf_store::fixtures::{demo_team, demo_unlock};
use maatstaf_store::Store;

use crate::scoring::score_sheet;

const OWN_PASSPHRASE: &str = "zandduin lepelaar fietsbel winterpeen";

async fn save_round_package(app: &App, name: &str, file: &Path) {
    let row = app
        .wait_for(&format!("#exchange-table tr[data-name=\"{name}\"]"))
        .await;
    let id = row.attr("id").await.unwrap().unwrap();
    let member = id.trim_start_matches("exchange-");
    app.click(&format!("#round-package-{member}")).await;
    app.save_as("Rondepakket opslaan", file).await;
    app.wait_text("#exchange-message", "Opgeslagen").await;
}

/// The team's laptop on `dir`, with the secretary signed in on the tab *Eigen laptops*.
async fn exchange_as_secretary(dir: &Path) -> App {
    let app = App::start(dir).await;
    app.click("#nav-scoring").await;
    app.wait_for("#assessor-switch").await;
    app.switch_scorer(SECRETARY).await;
    app.click("#tab-exchange").await;
    app
}

/// The fingerprint at the end of "…: 1fd5 fa21 …" as the screen shows it.
fn fingerprint_in(text: &str) -> String {
    text.rsplit(": ").next().unwrap().trim().to_owned()
}

#[tokio::test]
async fn an_assessor_scores_at_home_and_the_team_reveals_all_three_sheets() {
    let team_dir = tempfile::tempdir().unwrap();
    let own_dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let package = |name: &str| files.path().join(name);

    // The team's laptop: the secretary writes three round packages for round 2.
    let app = exchange_as_secretary(team_dir.path()).await;
    app.wait_for("#exchange-table").await;
    for (name, file) in [
        ("Gerrit Bosma", "gerrit.maatstaf"),
        ("Priya Ramdin", "priya.maatstaf"),
        ("Marloes Kuipers", "marloes.maatstaf"),
    ] {
        save_round_package(&app, name, &package(file)).await;
    }
    let table = app.text("#exchange-table").await;
    assert!(table.contains("nog geen sleutel"), "{table}");
    app.quit().await;
    let bytes = std::fs::read(package("priya.maatstaf")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    // No name, and nothing of the sheets Gerrit and Marloes submitted.
    assert!(!text.contains("Sanne Hoekstra") && !text.contains("in het college noemen"));

    // Priya's own laptop: a fresh data folder.
    let own = App::start(own_dir.path()).await;
    own.click("#nav-own").await;
    own.wait_for("#no-assignments").await;
    own.click("#open-package").await;
    own.open_file("Maatstaf-pakket openen", &package("priya.maatstaf"))
        .await;
    own.wait_text("#new-key", "Priya Ramdin").await;
    own.wait_text("#team-fingerprint", "Vingerafdruk van het team")
        .await;
    // A too short passphrase is refused with its reason; nothing is stored.
    own.type_into("#own-passphrase", "kort").await;
    own.type_into("#own-passphrase-repeat", "kort").await;
    own.click("#create-key").await;
    own.wait_for("#own-error").await;
    own.type_into("#own-passphrase", OWN_PASSPHRASE).await;
    own.type_into("#own-passphrase-repeat", OWN_PASSPHRASE)
        .await;
    own.click("#create-key").await;
    own.wait_text("#assignment-title", "ronde 2").await;
    let fingerprint = fingerprint_in(&own.text("#my-fingerprint").await);
    let sheet = own.wait_for("#scoring-sheet").await;
    assert_eq!(
        sheet.attr("data-mode").await.unwrap().as_deref(),
        Some("by_criterion"),
        "Priya scores chunked, as the round set"
    );
    let seen = score_sheet(&own, "E2E-PRIYA-THUIS", None).await;
    let criterion = |s: &String| s.split_once('/').unwrap().1.to_owned();
    assert_eq!(criterion(&seen[0]), criterion(&seen[1]));
    own.click("#submit-sheet").await;
    own.type_into("#submit-passphrase", "niet mijn wachtwoordzin")
        .await;
    own.click("#submit-confirm-yes").await;
    own.wait_text("#submit-error", "opent uw persoonlijke sleutel niet")
        .await;
    own.type_into("#submit-passphrase", OWN_PASSPHRASE).await;
    own.click("#submit-confirm-yes").await;
    own.wait_for("#own-submitted").await;
    own.click("#save-score-package").await;
    own.save_as("Scorepakket opslaan", &package("priya-scores.maatstaf"))
        .await;
    own.wait_text("#own-message", "Opgeslagen").await;
    own.quit().await;
    let scores = std::fs::read(package("priya-scores.maatstaf")).unwrap();
    assert!(!String::from_utf8_lossy(&scores).contains("E2E-PRIYA-THUIS"));

    // The team's laptop: the secretary imports Priya's package.
    let app = exchange_as_secretary(team_dir.path()).await;
    app.click("#import-package").await;
    app.open_file("Maatstaf-pakket openen", &package("priya-scores.maatstaf"))
        .await;
    app.wait_text(
        "#exchange-message",
        "Priya Ramdin voor ronde 2 zijn ingelezen",
    )
    .await;
    // The same file again changes nothing.
    app.click("#import-package").await;
    app.open_file("Maatstaf-pakket openen", &package("priya-scores.maatstaf"))
        .await;
    app.wait_text("#exchange-message", "was al ingelezen").await;

    app.switch_scorer(CHAIR).await;
    app.click("#tab-round").await;
    app.wait_text("#round-progress", "3 van 3 ingeleverd").await;
    app.click("#reveal-round").await;
    app.click("#confirm-reveal-yes").await;
    app.wait_text("#comparison-title", "ronde 2").await;
    app.click("#notes-K-R4M summary").await;
    let notes = app.wait_text("#notes-K-R4M", "E2E-PRIYA-THUIS").await;
    // Gerrit's revised note and Marloes's, both scored on the team's laptop.
    assert!(
        notes.contains("Wil het in het college noemen") && notes.contains("Wil het 'even noemen'"),
        "{notes}"
    );
    // The secretary saves the reveal package for the assessors' laptops.
    app.switch_scorer(SECRETARY).await;
    app.click("#tab-exchange").await;
    app.click("#save-reveal-package").await;
    app.save_as("Onthullingspakket opslaan", &package("onthulling.maatstaf"))
        .await;
    app.wait_text("#exchange-message", "Opgeslagen").await;
    app.quit().await;

    // On Priya's laptop the reveal package brings the same comparison sheet.
    let own = App::start(own_dir.path()).await;
    own.click("#nav-own").await;
    own.click("#open-package").await;
    own.open_file("Maatstaf-pakket openen", &package("onthulling.maatstaf"))
        .await;
    own.wait_text("#own-message", "Onthulling ontvangen").await;
    own.wait_for("#own-revealed").await;
    own.click("#notes-K-R4M summary").await;
    let notes = own.wait_text("#notes-K-R4M", "E2E-PRIYA-THUIS").await;
    assert!(notes.contains("Wil het in het college noemen"), "{notes}");
    own.quit().await;

    // The logboek verifies, and Priya's key checks out in it.
    let mut store = Store::open_in(team_dir.path()).unwrap();
    let team = demo_team(&store);
    let chair = demo_unlock(&mut store, team, Role::Chair);
    let logboek = store.export_logboek(&chair, false, vec![]).unwrap();
    let verification = verify_logboek(&logboek, None);
    assert!(verification.passed(), "{:?}", verification.problem);
    let check = check_assessor(
        &verification.entries,
        &Fingerprint::parse(&fingerprint).unwrap(),
    );
    assert!(check.passed(), "{:?}", check.problems);
    assert_eq!((check.packages, check.revealed), (1, 1));
}

#[tokio::test]
async fn a_lost_passphrase_is_replaced_and_the_chair_revokes_the_old_key_with_a_reason() {
    let team_dir = tempfile::tempdir().unwrap();
    let own_dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let package = |name: &str| files.path().join(name);

    // The secretary writes Priya's round package.
    let app = exchange_as_secretary(team_dir.path()).await;
    save_round_package(&app, "Priya Ramdin", &package("priya.maatstaf")).await;
    app.quit().await;

    // Priya makes her key and sends the key file; then she forgets the passphrase and
    // makes a new key, whose file goes to the team too.
    let own = App::start(own_dir.path()).await;
    own.click("#nav-own").await;
    own.click("#open-package").await;
    own.open_file("Maatstaf-pakket openen", &package("priya.maatstaf"))
        .await;
    own.type_into("#own-passphrase", OWN_PASSPHRASE).await;
    own.type_into("#own-passphrase-repeat", OWN_PASSPHRASE)
        .await;
    own.click("#create-key").await;
    let old = fingerprint_in(&own.wait_text("#my-fingerprint", ":").await);
    own.click(".key-file summary").await;
    own.type_into("#key-file-passphrase", OWN_PASSPHRASE).await;
    own.click("#save-key-file").await;
    own.save_as("Sleutelbestand opslaan", &package("oud.maatstaf"))
        .await;
    own.wait_text("#own-message", "Opgeslagen").await;
    const NEW: &str = "kwelder zeekraal ooievaar dakgoot";
    own.click("#lost-key summary").await;
    own.type_into("#lost-passphrase", NEW).await;
    own.type_into("#lost-passphrase-repeat", NEW).await;
    own.display_shot("own-lost-passphrase.png").await;
    own.click("#replace-key").await;
    own.save_as("Sleutelbestand opslaan", &package("nieuw.maatstaf"))
        .await;
    own.wait_text("#own-message", "nieuwe sleutel is gemaakt")
        .await;
    let new = fingerprint_in(&own.wait_text("#my-fingerprint", ":").await);
    assert_ne!(old, new);
    own.quit().await;

    // The team's laptop registers the old key, refuses the new one, and takes it once
    // the chair revoked the old one; not without a reason.
    let app = exchange_as_secretary(team_dir.path()).await;
    app.click("#import-package").await;
    app.open_file("Maatstaf-pakket openen", &package("oud.maatstaf"))
        .await;
    app.wait_text("#exchange-message", "Priya Ramdin is vastgelegd")
        .await;
    app.click("#import-package").await;
    app.open_file("Maatstaf-pakket openen", &package("nieuw.maatstaf"))
        .await;
    app.wait_text("#exchange-error", "andere sleutel").await;
    app.wait_text("#exchange-table", &old).await;
    assert!(
        !crate::support::exists(&app, "[id^=revoke-key-]").await,
        "only the chair revokes"
    );
    app.switch_scorer(CHAIR).await;
    app.click("#tab-exchange").await;
    let row = app
        .wait_for("#exchange-table tr[data-name=\"Priya Ramdin\"]")
        .await;
    let member = row.attr("id").await.unwrap().unwrap();
    let member = member.trim_start_matches("exchange-");
    app.click(&format!("#revoke-key-{member}")).await;
    app.wait_text("#revoke-form", "Priya Ramdin").await;
    app.click("#revoke-confirm").await;
    app.wait_text("#exchange-error", "Geef een reden").await;
    app.type_into("#revoke-reason", "Priya is haar wachtwoordzin kwijt.")
        .await;
    app.display_shot("own-team-revoke.png").await;
    app.click("#revoke-confirm").await;
    app.wait_text("#exchange-message", "is ingetrokken").await;
    app.wait_text("#exchange-table", "nog geen sleutel").await;
    app.click("#import-package").await;
    app.open_file("Maatstaf-pakket openen", &package("nieuw.maatstaf"))
        .await;
    app.wait_text("#exchange-message", &new).await;
    app.quit().await;

    // The log holds the revocation with its reason and the old fingerprint.
    let store = Store::open_in(team_dir.path()).unwrap();
    let team = demo_team(&store);
    let log = store.ledger(team).unwrap();
    let revoked = log
        .iter()
        .find(|e| e.kind == maatstaf_core::ledger::EntryKind::AssessorKeyRevoked)
        .expect("the revocation is logged");
    assert_eq!(revoked.payload["fingerprint"], old.as_str());
    assert_eq!(
        revoked.payload["reason"],
        "Priya is haar wachtwoordzin kwijt."
    );
}
