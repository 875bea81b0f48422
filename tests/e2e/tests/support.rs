//! What the end-to-end suites share beyond the `App` driver in `maatstaf_e2e`.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use maatstaf_e2e::{App, WAIT};

/// The bundled demo team's name, as the team list shows it.
pub const DEMO: &str = "Gemeente Voorbeeld — formatie 2026";

/// Whether the page has an element matching `css` now.
pub async fn exists(app: &App, css: &str) -> bool {
    app.client.find(Locator::Css(css)).await.is_ok()
}

/// Keeps a picture of the screen in tests/e2e/artifacts (ignored by git) for review.
pub async fn snapshot(app: &App, name: &str) {
    let png = app.client.screenshot().await.unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// Waits until `css` holds a text that differs from `old`, and returns it.
pub async fn wait_change(app: &App, css: &str, old: &str) -> String {
    let t0 = Instant::now();
    loop {
        let now = app.text(css).await;
        if now != old {
            return now;
        }
        assert!(t0.elapsed() < WAIT, "{css} stayed {old:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A fresh data folder whose demo team has no round open: Priya scores the demo's open
/// round 2 as she scored round 1 and the chair reveals it, through the store the app
/// calls. For suites about what comes after; the next round is round 3.
pub fn demo_without_open_round(dir: &std::path::Path) {
    let mut store = maatstaf_store::Store::open_in(dir).unwrap();
    let team = maatstaf_store::fixtures::demo_team(&store);
    maatstaf_store::fixtures::demo_finish_open_round(&mut store, team);
}
