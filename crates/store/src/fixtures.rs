//! Test data shared by this crate's tests and the end-to-end suite; compiled only for tests
//! and with the `test-fixtures` feature, never into the app or the CLI.

use maatstaf_core::scoring::{CellEntry, RoundView, Score};
use maatstaf_core::stats::Rating;
use maatstaf_core::team::Role;

use crate::sealing::{NewOfficer, Unlocked};
use crate::Store;

/// The id of the bundled demo team.
pub fn demo_team(store: &Store) -> i64 {
    let teams = store.list_teams().unwrap();
    teams.iter().find(|t| t.is_demo).expect("the demo team").id
}

/// The demo team's officers' passphrases (`content/demo/round-1.toml`).
pub const DEMO_CHAIR_PASSPHRASE: &str = "kompas lantaarn zeilboot hagel";
pub const DEMO_SECRETARY_PASSPHRASE: &str = "molen regenjas kievit potlood";
/// The passphrase of the chair of every [`officer_team`].
pub const CHAIR_PASSPHRASE: &str = "vuurtoren pannenkoek kievit";

/// A new sealed team whose chair ("Voorzitter") has a passphrase, so the team is
/// protected; returns the team and the chair's unlock (the chair signed in).
pub fn sealed_team(store: &mut Store, name: &str) -> (i64, Unlocked) {
    let created = store
        .create_sealed_team(
            name,
            &NewOfficer {
                name: "Voorzitter".into(),
                party: None,
                passphrase: CHAIR_PASSPHRASE.into(),
                repeated: CHAIR_PASSPHRASE.into(),
            },
        )
        .unwrap();
    (created.team.id, created.unlocked)
}

/// [`sealed_team`], for tests that only need the chair as the member switched in.
pub fn officer_team(store: &mut Store, name: &str) -> (i64, i64) {
    let (team, chair) = sealed_team(store, name);
    (team, chair.member_id())
}

/// The demo team's chair or secretary, signed in with their passphrase.
pub fn demo_unlock(store: &mut Store, team: i64, role: Role) -> Unlocked {
    // By name: a test may add a second chair or secretary, who has no demo passphrase.
    let (name, passphrase) = match role {
        Role::Chair => ("Anneke de Wit", DEMO_CHAIR_PASSPHRASE),
        Role::Secretary => ("Youssef Amrani", DEMO_SECRETARY_PASSPHRASE),
        other => panic!("a {other:?} has no passphrase"),
    };
    let member = store
        .find_member(team, name)
        .unwrap()
        .expect("the demo officer")
        .id;
    store.unlock(team, member, passphrase).unwrap().unwrap()
}

/// The member of the demo team in `role` (the first, by the app's member order).
pub fn demo_member(store: &Store, team: i64, role: Role) -> i64 {
    store
        .team_detail(team)
        .unwrap()
        .members
        .iter()
        .find(|m| m.role == role)
        .unwrap()
        .id
}

/// The criteria of the demo team's rubric, in its order.
pub const DEMO_CRITERIA: [&str; 3] = ["Bestuurlijke ervaring", "Integriteit", "Samenwerking"];

/// Whether a round's scores were given before or after the team discussed them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Discussed {
    /// The assessors read "Integriteit" for K-R4M very differently (1, 3, 5).
    Before,
    /// After the discussion the same scores are closer.
    After,
}

/// The demo team's three assessors on its three candidates and three criteria, named by
/// member id as a scoring round names them.
pub fn demo_ratings(store: &Store, team: i64, discussed: Discussed) -> Vec<Rating> {
    let assessors: Vec<String> = store
        .team_detail(team)
        .unwrap()
        .members
        .iter()
        .filter(|m| m.role == Role::Assessor)
        .map(|m| m.id.to_string())
        .collect();
    assert_eq!(assessors.len(), 3, "the demo team has three assessors");
    // [candidate][criterion][assessor]
    let scores: [[[u8; 3]; 3]; 3] = match discussed {
        Discussed::Before => [
            [[4, 4, 5], [2, 4, 3], [3, 3, 4]],
            [[3, 3, 4], [1, 3, 5], [4, 3, 4]],
            [[2, 2, 3], [3, 4, 4], [2, 3, 3]],
        ],
        Discussed::After => [
            [[4, 4, 5], [3, 4, 3], [3, 3, 4]],
            [[3, 3, 4], [2, 2, 3], [4, 3, 4]],
            [[2, 2, 3], [4, 4, 4], [2, 3, 3]],
        ],
    };
    let mut out = Vec::new();
    for (c, code) in ["K-7F3", "K-R4M", "K-2XH"].iter().enumerate() {
        for (k, criterion) in DEMO_CRITERIA.iter().enumerate() {
            for (a, rater) in assessors.iter().enumerate() {
                out.push(Rating {
                    unit: (*code).into(),
                    criterion: (*criterion).into(),
                    rater: rater.clone(),
                    value: Some(f64::from(scores[c][k][a])),
                });
            }
        }
    }
    out
}

/// Which of `secrets` appear in the raw bytes of the files in `dir` (the data folder:
/// database, write-ahead log, backups), as "secret in path".
pub fn secrets_on_disk(dir: &std::path::Path, secrets: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for secret in secrets {
            if bytes.windows(secret.len()).any(|w| w == secret.as_bytes()) {
                found.push(format!("{secret} in {}", path.display()));
            }
        }
    }
    found
}

/// A sealed team with an open round of `candidates` candidates (codes `K-01`…), a
/// frozen rubric of eight criteria and `assessors` assessors, for the exchange
/// benchmark. Returns the team, the chair's unlock and the assessors' member ids.
pub fn exchange_round(
    store: &mut Store,
    candidates: usize,
    assessors: usize,
) -> (i64, Unlocked, Vec<i64>) {
    use rusqlite::params;

    let (team, chair) = sealed_team(store, "Bank van beoordelaars");
    let mut rubric = maatstaf_core::rubric::template("wethouder-financien").unwrap();
    let mut extra = rubric.criteria[0].clone();
    extra.id = "extra".into();
    extra.name = "Extra".into();
    rubric.criteria.push(extra);
    assert_eq!(rubric.criteria.len(), 8);
    for (i, c) in rubric.criteria.iter_mut().enumerate() {
        c.weight = if i < 4 { 12 } else { 13 };
        c.knockout = None;
    }
    let now = crate::clock::now();
    store
        .conn
        .execute(
            "INSERT INTO rubric_versions (team_id, rubric_key, version, source_toml, sha256, frozen_at, created_at)
             VALUES (?1, ?2, 1, ?3, 'bench', ?4, ?4)",
            params![team, rubric.id, maatstaf_core::rubric::to_toml(&rubric), now],
        )
        .unwrap();
    let rubric_version = store.conn.last_insert_rowid();
    let mut codes = Vec::new();
    for i in 1..=candidates {
        let code = format!("K-{i:02}");
        store
            .conn
            .execute(
                "INSERT INTO candidates (team_id, code, created_at) VALUES (?1, ?2, ?3)",
                params![team, code, now],
            )
            .unwrap();
        let id = store.conn.last_insert_rowid();
        let text =
            "Beschrijft een gesprek met twee fracties en vat beide standpunten samen. ".repeat(12);
        store
            .conn
            .execute(
                "INSERT INTO candidate_material (candidate_id, kind, original_text, blinded_text, blinded_sha256, frozen_at, created_at)
                 VALUES (?1, 'motivation', '', ?2, 'h', ?3, ?3)",
                params![id, text, now],
            )
            .unwrap();
        codes.push(code);
    }
    let mut ids = Vec::new();
    for i in 1..=assessors {
        ids.push(
            store
                .add_member(
                    team,
                    &format!("Beoordelaar {i}"),
                    Role::Assessor,
                    None,
                    Some(chair.member_id()),
                )
                .unwrap()
                .id,
        );
    }
    let choices = ids
        .iter()
        .map(|&member_id| crate::scoring::AssessorChoice {
            member_id,
            mode: maatstaf_core::scoring::ScoringMode::ByCriterion,
        })
        .collect();
    store
        .open_round(team, chair.member_id(), rubric_version, codes, choices)
        .unwrap();
    (team, chair, ids)
}

/// Records the demo team's decision as its chair: K-7F3 for Financiën, with a reason
/// (finishing the demo's open round first, if it still is).
pub fn demo_decide(store: &mut Store, team: i64) {
    let overview = store.scoring_overview(team).unwrap();
    if overview
        .rounds
        .iter()
        .any(|r| r.number == 2 && r.state == "open")
    {
        demo_finish_open_round(store, team);
    }
    let chair = demo_member(store, team, Role::Chair);
    store
        .record_decision(
            team,
            chair,
            vec![maatstaf_core::scoring::PortfolioChoice {
                portfolio: "Financiën".into(),
                candidates: vec!["K-7F3".into()],
                reason: "Sterkste onderbouwing op integriteit en bestuurlijke ervaring.".into(),
            }],
        )
        .unwrap();
}

/// Fills every cell of the member's work in `round` with the level they gave in the
/// round before it (so no reasons are needed) and a note naming the cell.
pub fn fill_from_previous(store: &mut Store, team: i64, member: i64, round: u32, tag: &str) {
    let chair = demo_member(store, team, Role::Chair);
    let RoundView::Revealed { comparison } = store.round_view(team, chair, round - 1).unwrap()
    else {
        panic!("the round before {round} is revealed");
    };
    let RoundView::Scoring { work, .. } = store.round_view(team, member, round).unwrap() else {
        panic!("an assessor of an open round gets the scoring view");
    };
    for cell in &work.cells {
        let level = comparison
            .candidates
            .iter()
            .find(|r| r.code == cell.candidate)
            .and_then(|r| r.cells.iter().find(|c| c.criterion == cell.criterion))
            .and_then(|c| {
                c.entries.iter().find_map(|e| match e {
                    CellEntry::Scored {
                        assessor, level, ..
                    } if *assessor == member.to_string() => Some(*level),
                    _ => None,
                })
            })
            .expect("the member scored this cell in the round before");
        let score = Score {
            candidate: cell.candidate.clone(),
            criterion: cell.criterion.clone(),
            level: Some(level),
            evidence: format!("{tag} {}/{}", cell.candidate, cell.criterion),
            reason: None,
        };
        store.save_score(team, member, round, score).unwrap();
    }
}

/// The demo's open round 2 finished: Priya Ramdin scores it as she scored round 1
/// and the chair reveals it, so no round is open and round 3 comes next.
pub fn demo_finish_open_round(store: &mut Store, team: i64) {
    let priya = store
        .find_member(team, "Priya Ramdin")
        .unwrap()
        .expect("the demo assessor")
        .id;
    fill_from_previous(store, team, priya, 2, "gelijk aan ronde 1");
    store.submit_sheet(team, priya, 2).unwrap();
    let chair = demo_member(store, team, Role::Chair);
    store.reveal_round(team, chair, 2).unwrap();
}

/// The PIN of the chair ("Voorzitter") of [`posts_round_revealed`].
pub const POSTS_CHAIR_PIN: &str = "2580";

/// A team "Lindeveld" with the posts Financiën and Wonen (their 80/20 templates
/// frozen), three blinded candidates and a first round for both posts, scored by two
/// assessors and revealed: K-1 strongest on the budget criterion, K-2 on housing. The
/// chair gets the PIN [`POSTS_CHAIR_PIN`] last, so the setup ran while the team was
/// not yet protected. Returns the team.
pub fn posts_round_revealed(store: &mut Store) -> i64 {
    use maatstaf_core::scoring::{RoundView, Score, ScoringMode};
    use rusqlite::params;

    let team = store.create_team("Lindeveld").unwrap().id;
    let member = |store: &mut Store, name: &str, role: Role| {
        store.add_member(team, name, role, None, None).unwrap().id
    };
    let chair = member(store, "Voorzitter", Role::Chair);
    let assessors = [
        member(store, "Beoordelaar Een", Role::Assessor),
        member(store, "Beoordelaar Twee", Role::Assessor),
    ];
    let now = crate::clock::now();
    let mut posts = Vec::new();
    for (name, template) in maatstaf_core::demo::DEMO_POSTS {
        let rubric = maatstaf_core::rubric::template(template).unwrap();
        store
            .conn
            .execute(
                "INSERT INTO rubric_versions (team_id, rubric_key, version, source_toml, sha256, frozen_at, created_at)
                 VALUES (?1, ?2, 1, ?3, ?4, ?5, ?5)",
                params![
                    team,
                    rubric.id,
                    maatstaf_core::rubric::to_toml(&rubric),
                    maatstaf_core::rubric::sha256_hex(&rubric),
                    now
                ],
            )
            .unwrap();
        let version = store.conn.last_insert_rowid();
        posts.push(store.define_post(team, Some(chair), name, version).unwrap());
    }
    let codes = ["K-1", "K-2", "K-3"];
    for code in codes {
        store
            .conn
            .execute(
                "INSERT INTO candidates (team_id, code, created_at) VALUES (?1, ?2, ?3)",
                params![team, code, now],
            )
            .unwrap();
        let id = store.conn.last_insert_rowid();
        store
            .conn
            .execute(
                "INSERT INTO candidate_material (candidate_id, kind, original_text, blinded_text, blinded_sha256, frozen_at, created_at)
                 VALUES (?1, 'motivation', '', 'Motivatie.', 'h', ?2, ?2)",
                params![id, now],
            )
            .unwrap();
    }
    let choices = assessors
        .iter()
        .map(|&member_id| crate::scoring::AssessorChoice {
            member_id,
            mode: ScoringMode::ByCandidate,
        })
        .collect();
    let codes = codes.iter().map(|c| (*c).to_owned()).collect();
    store
        .open_round_for_posts(team, chair, posts, codes, choices, &[])
        .unwrap();
    for a in assessors {
        let RoundView::Scoring { work, .. } = store.round_view(team, a, 1).unwrap() else {
            panic!("an assessor of the open round scores");
        };
        for cell in work.cells {
            let level = match (cell.candidate.as_str(), cell.criterion.as_str()) {
                ("K-1", "begrotingsinzicht") | ("K-2", "woningbouwopgave") => 5,
                _ => 3,
            };
            let score = Score {
                candidate: cell.candidate,
                criterion: cell.criterion,
                level: Some(level),
                evidence: "Gezien in de werkopdracht.".into(),
                reason: None,
            };
            store.save_score(team, a, 1, score).unwrap();
        }
        store.submit_sheet(team, a, 1).unwrap();
    }
    store.reveal_round(team, chair, 1).unwrap();
    store
        .set_pin(team, chair, POSTS_CHAIR_PIN, &[9; 16], None)
        .unwrap();
    team
}
