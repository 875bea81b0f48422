//! Sealed names in the real app: a team is sealed from its creation, names are open
//! only while an officer who typed the passphrase is signed in, and never in the files.

use std::time::Instant;

use maatstaf_e2e::{App, Member, WAIT};
use maatstaf_store::fixtures::secrets_on_disk;
use serde_json::{json, Value};

const CHAIR: Member = ("Mirjam Bakker", "vuurtoren pannenkoek kievit");
const NAME: &str = "Wilhelmina Zwanenburg";
const TEXT: &str = "In Lindeveld heb ik het zwembadconflict opgelost door eerst te luisteren.";

#[tokio::test]
async fn names_are_open_only_while_the_officer_with_the_passphrase_is_signed_in() {
    let data = tempfile::tempdir().unwrap();
    let app = App::start_with(data.path(), &[("MAATSTAF_SESSION_IDLE_SECS", "4")]).await;
    app.wait_for("#team-list").await;
    app.create_team_as_chair("Gemeente Lindeveld", CHAIR).await;
    let teams = app.invoke("list_teams", json!({})).await;
    let team: Value = teams["ok"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Gemeente Lindeveld")
        .unwrap()["id"]
        .clone();

    // The chair, signed in by creating the team, takes in a candidate.
    let added = app
        .invoke(
            "add_candidate",
            json!({
                "teamId": team,
                "identity": { "name": NAME, "party": "Lindeveld Lokaal" },
                "material": [{ "kind": "motivation", "text": TEXT }],
            }),
        )
        .await;
    let code = added["ok"]
        .as_str()
        .unwrap_or_else(|| panic!("{added}"))
        .to_owned();
    let ask = json!({ "teamId": team, "code": code });
    assert_eq!(
        app.invoke("candidate_identity", ask.clone()).await["ok"]["name"],
        NAME
    );
    assert_eq!(
        secrets_on_disk(data.path(), &[NAME, "zwembadconflict"]),
        Vec::<String>::new()
    );

    // Nobody touches anything: the session ends by itself and the names are sealed again.
    let t0 = Instant::now();
    app.wait_for("#team-nobody").await;
    assert!(t0.elapsed() < WAIT);
    let refused = app.invoke("candidate_identity", ask.clone()).await;
    assert_eq!(refused["err"]["code"], "access_nobody_acting", "{refused}");

    // A wrong passphrase opens nothing and says so in Dutch.
    app.click("#team-switch").await;
    app.click(&format!("button[data-member=\"{}\"]", CHAIR.0))
        .await;
    app.type_into("#pin-input", "vuurtoren pannenkoek kieviet")
        .await;
    app.click("#pin-submit").await;
    app.wait_text("#pin-error", "wachtwoordzin klopt niet")
        .await;
    let refused = app.invoke("candidate_identity", ask.clone()).await;
    assert!(refused.get("ok").is_none(), "{refused}");

    // With her passphrase the chair reads the name again.
    app.type_into("#pin-input", CHAIR.1).await;
    app.click("#pin-submit").await;
    app.wait_text("#team-active-member", CHAIR.0).await;
    assert_eq!(
        app.invoke("candidate_identity", ask).await["ok"]["name"],
        NAME
    );
    app.quit().await;
    assert_eq!(
        secrets_on_disk(data.path(), &[NAME, "zwembadconflict"]),
        Vec::<String>::new()
    );
}
