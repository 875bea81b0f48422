//! Posts in the real app: a round scored two posts at once (prepared through the
//! store: two assessors, the generic criteria once, a portfolio part per post), and
//! after the reveal the chair sees a total per post and, in the Toewijzing view, the
//! best allocation with the note that it advises and the team decides.

use maatstaf_e2e::App;
use maatstaf_store::fixtures::{posts_round_revealed, POSTS_CHAIR_PIN};
use maatstaf_store::Store;

#[tokio::test]
async fn a_round_for_two_posts_shows_the_best_allocation_after_the_reveal() {
    let data = tempfile::tempdir().unwrap();
    let team = {
        let mut store = Store::open_in(data.path()).unwrap();
        posts_round_revealed(&mut store)
    };
    let app = App::start(data.path()).await;
    app.click(&format!(".team-card[data-team-id=\"{team}\"]"))
        .await;
    app.click("#nav-scoring").await;
    app.switch_scorer(("Voorzitter", POSTS_CHAIR_PIN)).await;

    // One section per post, each with its own weights and totals: K-1's 5 on the
    // budget criterion (20%) lifts its Financiën total to 60, not its Wonen total.
    let fin = app
        .wait_text("#post-section-financien", "Begrotingsinzicht 20%")
        .await;
    assert!(fin.contains("K-1"), "{fin}");
    let row = app
        .text("#post-section-financien tr[data-code=\"K-1\"] [data-mean]")
        .await;
    assert_eq!(row, "60,0");
    let row = app
        .text("#post-section-wonen tr[data-code=\"K-1\"] [data-mean]")
        .await;
    assert_eq!(row, "50,0");

    app.click("#allocation-show").await;
    app.wait_for("#allocation-best").await;
    let fin = app
        .text("#allocation-best tr[data-post=\"financien\"]")
        .await;
    assert!(fin.contains("K-1"), "{fin}");
    let won = app.text("#allocation-best tr[data-post=\"wonen\"]").await;
    assert!(won.contains("K-2"), "{won}");
    let advice = app.text("#allocation-advice").await;
    assert!(
        advice.contains("Het besluit blijft bij het team"),
        "{advice}"
    );
    app.wait_text("#allocation-robustness", "herhalingen").await;
    app.client
        .execute(
            "document.getElementById('allocation-best').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    app.display_shot("allocation.png").await;
    // The post sections and the allocation view pass the same audit as every screen.
    let found = app.axe_violations().await;
    assert!(found.is_empty(), "allocation view: {found:?}");

    // Ruling K-1 out of Financiën moves the advice.
    app.select_option("#rule-out-candidate", "K-1").await;
    app.select_option("#rule-out-post", "financien").await;
    app.click("#rule-out-add").await;
    app.wait_text("#allocation-ruled-out", "K-1").await;
    let fin = app
        .text("#allocation-best tr[data-post=\"financien\"]")
        .await;
    assert!(!fin.contains("K-1"), "{fin}");
    app.quit().await;
}
