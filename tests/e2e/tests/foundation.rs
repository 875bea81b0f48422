//! The foundation in the real app: teams, restarts, language, a damaged database.

use maatstaf_e2e::App;

use crate::support::DEMO;

#[tokio::test]
async fn a_fresh_data_folder_shows_the_demo_team() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    app.wait_text("#team-list", DEMO).await;
    let detail = app.wait_text("#team-detail", "Anneke de Wit").await;
    assert!(detail.contains("Voorzitter"), "{detail}");
    assert!(detail.contains("K-7F3"), "{detail}");
    assert!(
        data.path().join("maatstaf.sqlite3").exists(),
        "the database lives in MAATSTAF_DATA_DIR"
    );
    assert_eq!(app.csp_violations().await, Vec::<String>::new());
    app.quit().await;
}

#[tokio::test]
async fn a_created_team_survives_a_restart_and_deleting_it_does_too() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    app.wait_text("#team-list", DEMO).await;

    // An empty name is refused with a Dutch message and creates nothing.
    app.click("#new-team").await;
    app.click("#team-name-save").await;
    app.wait_text("#team-name-error", "Vul een naam in.").await;
    app.type_into("#team-name", "Gemeente Lindeveld — formatie 2026")
        .await;
    app.type_into("#chair-name", "Mirjam Bakker").await;
    app.type_into("#passphrase", "vuurtoren pannenkoek kievit")
        .await;
    app.type_into("#passphrase-repeat", "vuurtoren pannenkoek kievit")
        .await;
    app.click("#team-name-save").await;
    app.wait_text("#team-detail-name", "Gemeente Lindeveld")
        .await;
    app.quit().await;

    let app = App::start(data.path()).await;
    let list = app
        .wait_text("#team-list", "Gemeente Lindeveld — formatie 2026")
        .await;
    assert!(list.contains(DEMO));
    assert_eq!(
        list.matches("formatie 2026").count(),
        2,
        "exactly the demo and the new team: {list}"
    );
    app.click_text("button", "Gemeente Lindeveld").await;
    app.wait_text("#team-detail-name", "Gemeente Lindeveld")
        .await;
    // The team was sealed at creation, so only its chair deletes it.
    app.switch_member(
        "#team-switch",
        "#team-active-member",
        ("Mirjam Bakker", "vuurtoren pannenkoek kievit"),
    )
    .await;
    app.click("#delete-team").await;
    let warning = app
        .wait_text("#delete-team-body", "Gemeente Lindeveld — formatie 2026")
        .await;
    assert!(warning.contains("niet ongedaan"), "{warning}");
    app.click("#delete-team-confirm").await;
    app.wait_for("#team-list").await;
    let t0 = std::time::Instant::now();
    while app.text("#team-list").await.contains("Lindeveld") {
        assert!(
            t0.elapsed() < maatstaf_e2e::WAIT,
            "the team stayed in the list"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.quit().await;

    let app = App::start(data.path()).await;
    let list = app.wait_text("#team-list", DEMO).await;
    assert!(!list.contains("Lindeveld"), "{list}");
    app.quit().await;
}

#[tokio::test]
async fn the_language_switch_changes_labels_and_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    assert_eq!(app.text("#new-team").await, "Nieuw team");
    app.click("#language-switch").await;
    app.wait_text("#new-team", "New team").await;
    app.wait_text("#team-detail", "Chair").await;
    app.quit().await;

    let app = App::start(data.path()).await;
    app.wait_text("#new-team", "New team").await;
    app.click("#language-switch").await;
    app.wait_text("#new-team", "Nieuw team").await;
    app.quit().await;
}

#[tokio::test]
async fn a_damaged_database_gets_the_error_screen_and_stays_unchanged() {
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("maatstaf.sqlite3");
    let garbage: Vec<u8> = b"Dit is geen database maar een boodschappenlijst.\n".repeat(300);
    std::fs::write(&db, &garbage).unwrap();
    let app = App::start(data.path()).await;
    let message = app.wait_text("#startup-error-message", "beschadigd").await;
    assert!(message.contains(&db.display().to_string()), "{message}");
    assert!(app.page_text().await.contains("niet gewijzigd"));
    app.quit().await;
    assert_eq!(
        std::fs::read(&db).unwrap(),
        garbage,
        "the damaged file is left exactly as it was"
    );
}
