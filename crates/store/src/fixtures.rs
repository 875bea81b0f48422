//! Test data shared by this crate's tests and the end-to-end suite; compiled only for tests
//! and with the `test-fixtures` feature, never into the app or the CLI.

use maatstaf_core::stats::Rating;
use maatstaf_core::team::Role;

use crate::Store;

/// The id of the bundled demo team.
pub fn demo_team(store: &Store) -> i64 {
    let teams = store.list_teams().unwrap();
    teams.iter().find(|t| t.is_demo).expect("the demo team").id
}

/// A new team whose chair has a PIN (so the team is protected); returns the team and
/// the chair, to act as the member switched in.
pub fn officer_team(store: &mut Store, name: &str) -> (i64, i64) {
    let team = store.create_team(name).unwrap().id;
    let chair = store
        .add_member(team, "Voorzitter", Role::Chair, None, None)
        .unwrap()
        .id;
    store.set_pin(team, chair, "1470", &[7; 16], None).unwrap();
    (team, chair)
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
