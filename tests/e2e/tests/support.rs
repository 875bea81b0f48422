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
