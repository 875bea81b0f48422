//! The app as installed from the Debian package. `cargo xtask test` runs this test a
//! second time with `MAATSTAF_E2E_APP` set to the installed binary; in the ordinary
//! end-to-end run it checks the same on the release build.

use maatstaf_e2e::App;

use crate::support::DEMO;

#[tokio::test]
async fn the_installed_app_opens_on_the_home_screen_of_a_fresh_data_folder() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    // The home screen with the demo team, and the tour a fresh data folder gets.
    app.wait_text("#team-list", DEMO).await;
    app.wait_text("#tour", "Welkom bij Maatstaf").await;
    assert!(data.path().join("maatstaf.sqlite3").exists());
    app.display_shot("installed-home.png").await;
    // "Over Maatstaf" names this version and this data folder.
    app.click("#nav-about").await;
    let version = app.text("#about-version").await;
    let expected = std::env::var("MAATSTAF_E2E_VERSION")
        .unwrap_or_else(|_| env!("CARGO_PKG_VERSION").to_owned());
    assert_eq!(version, expected);
    let folder = app.text("#about-data-dir").await;
    assert_eq!(folder, data.path().display().to_string());
    let fingerprint = app.text("#about-fingerprint").await;
    assert_eq!(
        fingerprint
            .split_whitespace()
            .take(8)
            .filter(|g| g.len() == 4)
            .count(),
        8,
        "eight groups of four: {fingerprint}"
    );
    assert_eq!(app.csp_violations().await, Vec::<String>::new());
    app.quit().await;
}
