//! What the end-to-end suites share beyond the `App` driver in `maatstaf_e2e`.

use fantoccini::Locator;
use maatstaf_e2e::App;

/// The bundled demo team's name, as the team list shows it.
pub const DEMO: &str = "Gemeente Voorbeeld — formatie 2026";

/// Whether the page has an element matching `css` now.
pub async fn exists(app: &App, css: &str) -> bool {
    app.client.find(Locator::Css(css)).await.is_ok()
}
