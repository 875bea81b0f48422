//! Rules of a scoring round, as a team would run into them: one file per rule, and
//! here the rubric, the team and the sheets they share.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::assessor::Exclusion;
use crate::rubric::{Criterion, Rubric, Scale};

mod close_and_reveal;
mod comparison;
mod conflicts;
mod decision;
mod messages;
mod no_peeking;
mod opening;
mod orders;
mod posts;
mod revisions;
mod sheets;

fn criterion(id: &str, weight: u32, knockout: Option<u8>) -> Criterion {
    Criterion {
        id: id.into(),
        name: id.to_uppercase(),
        definition: String::new(),
        weight,
        knockout,
        evidence: None,
        indicators: vec![],
        anchors: BTreeMap::new(),
    }
}

fn rubric() -> Rubric {
    Rubric {
        id: "wethouder-2026".into(),
        title: "Profielschets wethouder".into(),
        version: 1,
        scale: Scale { min: 1, max: 5 },
        criteria: vec![
            criterion("samenwerken", 40, Some(3)),
            criterion("bestuurlijk", 35, None),
            criterion("communicatie", 25, None),
        ],
    }
}

pub(crate) fn chair() -> Actor {
    Actor::new("anna", Role::Chair)
}
pub(crate) fn bram() -> Actor {
    Actor::new("bram", Role::Assessor)
}
pub(crate) fn cem() -> Actor {
    Actor::new("cem", Role::Assessor)
}
fn secretary() -> Actor {
    Actor::new("sara", Role::Secretary)
}

const CODES: [&str; 4] = ["K-4", "K-1", "K-3", "K-2"];

pub(crate) fn setup(exclusions: Vec<Exclusion>) -> RoundSetup {
    RoundSetup {
        rubric: rubric(),
        candidates: CODES.iter().map(|c| (*c).to_owned()).collect(),
        assessors: vec![
            AssessorSetup {
                id: "cem".into(),
                role: Role::Assessor,
                mode: ScoringMode::ByCandidate,
            },
            AssessorSetup {
                id: "anna".into(),
                role: Role::Chair,
                mode: ScoringMode::ByCandidate,
            },
            AssessorSetup {
                id: "bram".into(),
                role: Role::Assessor,
                mode: ScoringMode::ByCriterion,
            },
        ],
        exclusions,
    }
}

pub(crate) fn seed(b: u8) -> [u8; 32] {
    [b; 32]
}

pub(crate) fn open() -> Round {
    Round::open(&chair(), setup(vec![]), seed(1)).unwrap()
}

pub(crate) fn exclusion(assessor: &str, candidate: &str) -> Exclusion {
    Exclusion {
        assessor: assessor.into(),
        candidate: candidate.into(),
    }
}

fn score(candidate: &str, criterion: &str, level: u8, evidence: &str) -> Score {
    Score {
        candidate: candidate.into(),
        criterion: criterion.into(),
        level: Some(level),
        evidence: evidence.into(),
        reason: None,
    }
}

/// A sheet with every cell of the assessor's work filled by `level(candidate, criterion)`.
pub(crate) fn filled(round: &Round, actor: &Actor, level: impl Fn(&str, &str) -> u8) -> Sheet {
    let mut sheet = Sheet::new(round, &actor.id).unwrap();
    for cell in round.work_order(&actor.id).unwrap() {
        let lv = level(&cell.candidate, &cell.criterion);
        let note = format!("{}-note-{}-{}", actor.id, cell.candidate, cell.criterion);
        sheet
            .set_score(
                actor,
                round,
                score(&cell.candidate, &cell.criterion, lv, &note),
            )
            .unwrap();
    }
    sheet
}

pub(crate) fn submitted(round: &Round, actor: &Actor, level: impl Fn(&str, &str) -> u8) -> Sheet {
    let mut sheet = filled(round, actor, level);
    sheet
        .submit(actor, round, None, "2026-11-25T10:00:00Z")
        .unwrap();
    sheet
}

fn comparison(view: RoundView) -> ComparisonSheet {
    match view {
        RoundView::Revealed { comparison } => *comparison,
        other => panic!("expected the comparison, got {other:?}"),
    }
}

/// Nothing of `others` may appear anywhere in what `viewer` is shown.
fn assert_shows_nothing_of(view: &RoundView, others: &[&str]) {
    let json = serde_json::to_string(view).unwrap();
    for other in others {
        assert!(!json.contains(other), "{other} leaked into {json}");
    }
}

fn revealed_round_one() -> (Round, Vec<Sheet>) {
    let mut round = open();
    let sheets = vec![
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 3),
        submitted(&round, &cem(), |_, _| 3),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    (round, sheets)
}
