//! Rules of a scoring round, as a team would run into them.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::assessor::Exclusion;
use crate::rubric::{Criterion, Rubric, Scale};

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

fn chair() -> Actor {
    Actor::new("anna", Role::Chair)
}
fn bram() -> Actor {
    Actor::new("bram", Role::Assessor)
}
fn cem() -> Actor {
    Actor::new("cem", Role::Assessor)
}
fn secretary() -> Actor {
    Actor::new("sara", Role::Secretary)
}

const CODES: [&str; 4] = ["K-4", "K-1", "K-3", "K-2"];

fn setup(exclusions: Vec<Exclusion>) -> RoundSetup {
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

fn seed(b: u8) -> [u8; 32] {
    [b; 32]
}

fn open() -> Round {
    Round::open(&chair(), setup(vec![]), seed(1)).unwrap()
}

fn exclusion(assessor: &str, candidate: &str) -> Exclusion {
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
fn filled(round: &Round, actor: &Actor, level: impl Fn(&str, &str) -> u8) -> Sheet {
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

fn submitted(round: &Round, actor: &Actor, level: impl Fn(&str, &str) -> u8) -> Sheet {
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

// --- Opening a round ---------------------------------------------------------

#[test]
fn a_round_freezes_the_rubric_sorts_codes_and_gives_everyone_a_plan() {
    let round = open();
    assert_eq!(round.number(), 1);
    assert_eq!(round.rubric(), &rubric());
    assert_eq!(round.rubric_hash(), rubric_hash(&rubric()));
    assert_eq!(round.candidates(), ["K-1", "K-2", "K-3", "K-4"]);
    assert_eq!(
        round.assessor_ids().collect::<Vec<_>>(),
        ["anna", "bram", "cem"]
    );
    assert_eq!(round.seed(), hex::encode(seed(1)));
    assert_eq!(round.status(), &RoundStatus::Open);
    for plan in round.assessors() {
        let mut order = plan.candidate_order.clone();
        order.sort();
        assert_eq!(order, round.candidates());
        let mut crits = plan.criterion_order.clone();
        crits.sort();
        assert_eq!(crits, ["bestuurlijk", "communicatie", "samenwerken"]);
    }
    assert!(round.verify().is_ok());
}

#[test]
fn only_a_chair_opens_a_round() {
    for role in [
        Role::Assessor,
        Role::Secretary,
        Role::Trainer,
        Role::Committee,
    ] {
        let r = Round::open(&Actor::new("x", role), setup(vec![]), seed(1));
        assert_eq!(r, Err(ScoringError::ChairOnly), "{role:?}");
    }
}

#[test]
fn a_round_needs_a_scorable_rubric() {
    let mut s = setup(vec![]);
    s.rubric.criteria[0].weight = 30;
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::RubricNotScorable {
            problem: RubricProblem::Weights { sum: 90 }
        })
    );
    let mut s = setup(vec![]);
    s.rubric.scale = Scale { min: 3, max: 3 };
    assert!(matches!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::RubricNotScorable {
            problem: RubricProblem::ScaleTooSmall
        })
    ));
    let mut s = setup(vec![]);
    s.rubric.criteria[1].knockout = Some(6);
    assert!(matches!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::RubricNotScorable {
            problem: RubricProblem::Knockout { .. }
        })
    ));
    let mut s = setup(vec![]);
    s.rubric.criteria[2].id = "samenwerken".into();
    assert!(matches!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::RubricNotScorable {
            problem: RubricProblem::CriterionIds
        })
    ));
    let mut s = setup(vec![]);
    s.rubric.criteria.clear();
    assert!(matches!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::RubricNotScorable {
            problem: RubricProblem::NoCriteria
        })
    ));
}

#[test]
fn a_round_needs_sound_candidates_and_assessors() {
    let mut s = setup(vec![]);
    s.candidates.push("K-1".into());
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::DuplicateCandidate {
            candidate: "K-1".into()
        })
    );
    let mut s = setup(vec![]);
    s.candidates.clear();
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::NoCandidates)
    );
    let mut s = setup(vec![]);
    s.candidates.push("Jan Jansen".into());
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::BadCode {
            candidate: "Jan Jansen".into()
        })
    );
    let mut s = setup(vec![]);
    s.assessors.clear();
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::NoAssessors)
    );
    let mut s = setup(vec![]);
    s.assessors[0].id = "bram".into();
    assert_eq!(
        Round::open(&chair(), s, seed(1)),
        Err(ScoringError::DuplicateAssessor { id: "bram".into() })
    );
    for role in [Role::Trainer, Role::Committee] {
        let mut s = setup(vec![]);
        s.assessors[0].role = role;
        assert_eq!(
            Round::open(&chair(), s, seed(1)),
            Err(ScoringError::RoleCannotScore { id: "cem".into() })
        );
    }
}

#[test]
fn exclusions_must_name_round_members_and_leave_someone_to_score() {
    let r = Round::open(&chair(), setup(vec![exclusion("dirk", "K-1")]), seed(1));
    assert_eq!(r, Err(ScoringError::UnknownAssessor { id: "dirk".into() }));
    let r = Round::open(&chair(), setup(vec![exclusion("bram", "K-9")]), seed(1));
    assert_eq!(
        r,
        Err(ScoringError::UnknownCandidate {
            candidate: "K-9".into()
        })
    );
    let all = vec![
        exclusion("anna", "K-2"),
        exclusion("bram", "K-2"),
        exclusion("cem", "K-2"),
    ];
    let r = Round::open(&chair(), setup(all), seed(1));
    assert_eq!(
        r,
        Err(ScoringError::NobodyLeftToScore {
            candidate: "K-2".into()
        })
    );
}

// --- Orders ------------------------------------------------------------------

#[test]
fn assessors_get_different_candidate_orders_whatever_the_seed() {
    for candidates in [3usize, 4, 6] {
        for s in 0..=40u8 {
            let mut set = setup(vec![]);
            set.candidates = (1..=candidates).map(|i| format!("K-{i}")).collect();
            let round = Round::open(&chair(), set, seed(s)).unwrap();
            let orders: BTreeSet<_> = round
                .assessors()
                .iter()
                .map(|p| &p.candidate_order)
                .collect();
            assert_eq!(orders.len(), 3, "{candidates} candidates, seed {s}");
        }
    }
}

#[test]
fn orders_are_reproducible_from_the_recorded_seed() {
    let a = open();
    let b = open();
    assert_eq!(a.assessors(), b.assessors());
    let c = Round::open(&chair(), setup(vec![]), seed(2)).unwrap();
    assert_ne!(a.assessors(), c.assessors());
}

#[test]
fn chunked_mode_shuffles_criteria_and_by_candidate_keeps_the_rubric_order() {
    let rubric_order: Vec<String> = rubric().criteria.iter().map(|c| c.id.clone()).collect();
    let mut shuffled = 0;
    for s in 0..20u8 {
        let round = Round::open(&chair(), setup(vec![]), seed(s)).unwrap();
        assert_eq!(round.plan("anna").unwrap().criterion_order, rubric_order);
        assert_eq!(round.plan("cem").unwrap().criterion_order, rubric_order);
        let bram = round.plan("bram").unwrap();
        assert_eq!(bram.mode, ScoringMode::ByCriterion);
        if bram.criterion_order != rubric_order {
            shuffled += 1;
        }
    }
    // 3 criteria: 1 in 6 shuffles keeps the rubric order; 20 seeds all doing so would be broken.
    assert!(shuffled >= 10, "{shuffled}");
}

#[test]
fn work_order_runs_per_candidate_or_per_criterion() {
    let round = open();
    let plan = round.plan("anna").unwrap();
    let cells = round.work_order("anna").unwrap();
    assert_eq!(cells.len(), 12);
    // By candidate: the first three cells are one candidate, criteria in order.
    assert!(cells[..3]
        .iter()
        .all(|c| c.candidate == plan.candidate_order[0]));
    let plan = round.plan("bram").unwrap();
    let cells = round.work_order("bram").unwrap();
    // Chunked: the first four cells are one criterion across all candidates, in bram's order.
    assert!(cells[..4]
        .iter()
        .all(|c| c.criterion == plan.criterion_order[0]));
    let firsts: Vec<_> = cells[..4].iter().map(|c| c.candidate.clone()).collect();
    assert_eq!(firsts, plan.candidate_order);
}

#[test]
fn a_stored_round_that_was_altered_fails_verification() {
    let round = open();
    let mut json = serde_json::to_value(&round).unwrap();
    json["rubric"]["criteria"][0]["weight"] = 50.into();
    let altered: Round = serde_json::from_value(json).unwrap();
    assert_eq!(altered.verify(), Err(ScoringError::RubricChanged));

    let mut json = serde_json::to_value(&round).unwrap();
    let order = json["assessors"][0]["candidate_order"]
        .as_array_mut()
        .unwrap();
    order.swap(0, 1);
    let altered: Round = serde_json::from_value(json).unwrap();
    assert_eq!(altered.verify(), Err(ScoringError::Tampered));

    let back: Round = serde_json::from_str(&serde_json::to_string(&round).unwrap()).unwrap();
    assert_eq!(back, round);
    assert!(back.verify().is_ok());
}

// --- Sheets --------------------------------------------------------------------

#[test]
fn drafts_may_be_incomplete_but_submitting_needs_every_cell() {
    let round = open();
    let mut sheet = Sheet::new(&round, "bram").unwrap();
    sheet
        .set_score(
            &bram(),
            &round,
            score("K-1", "samenwerken", 4, "Bracht partijen samen."),
        )
        .unwrap();
    // A note without a level yet is a fine draft.
    let mut half = score("K-2", "samenwerken", 1, "Nog uitwerken");
    half.level = None;
    sheet.set_score(&bram(), &round, half).unwrap();
    assert_eq!(sheet.missing_cells(&round).unwrap().len(), 11);
    assert_eq!(
        sheet.submit(&bram(), &round, None, "2026-11-25T10:00:00Z"),
        Err(ScoringError::Incomplete { missing: 11 })
    );
    assert!(!sheet.is_submitted());
}

#[test]
fn submitting_needs_an_evidence_note_in_every_cell() {
    let round = open();
    let mut sheet = filled(&round, &bram(), |_, _| 3);
    sheet
        .set_score(&bram(), &round, score("K-3", "bestuurlijk", 3, "   \n "))
        .unwrap();
    assert_eq!(
        sheet.submit(&bram(), &round, None, "2026-11-25T10:00:00Z"),
        Err(ScoringError::EvidenceRequired {
            candidate: "K-3".into(),
            criterion: "bestuurlijk".into()
        })
    );
    let too_long = "x".repeat(MAX_EVIDENCE_CHARS + 1);
    assert_eq!(
        sheet.set_score(&bram(), &round, score("K-3", "bestuurlijk", 3, &too_long)),
        Err(ScoringError::EvidenceTooLong {
            max: MAX_EVIDENCE_CHARS as u32
        })
    );
    sheet
        .set_score(
            &bram(),
            &round,
            score("K-3", "bestuurlijk", 3, "Concreet voorbeeld."),
        )
        .unwrap();
    sheet
        .submit(&bram(), &round, None, "2026-11-25T10:00:00Z")
        .unwrap();
    assert_eq!(
        sheet.status(),
        &SheetStatus::Submitted {
            at: "2026-11-25T10:00:00Z".into()
        }
    );
}

#[test]
fn levels_outside_the_scale_are_refused() {
    let round = open();
    let mut sheet = Sheet::new(&round, "bram").unwrap();
    for level in [0, 6, 255] {
        assert_eq!(
            sheet.set_score(&bram(), &round, score("K-1", "samenwerken", level, "x")),
            Err(ScoringError::LevelOutOfScale {
                level,
                min: 1,
                max: 5
            })
        );
    }
    for level in 1..=5 {
        sheet
            .set_score(&bram(), &round, score("K-1", "samenwerken", level, "x"))
            .unwrap();
    }
    assert_eq!(
        sheet.scores().len(),
        1,
        "a cell is replaced, not duplicated"
    );
    assert_eq!(sheet.score("K-1", "samenwerken").unwrap().level, Some(5));
}

#[test]
fn unknown_cells_and_other_peoples_sheets_are_refused() {
    let round = open();
    let mut sheet = Sheet::new(&round, "bram").unwrap();
    assert_eq!(
        sheet.set_score(&bram(), &round, score("K-9", "samenwerken", 3, "x")),
        Err(ScoringError::UnknownCandidate {
            candidate: "K-9".into()
        })
    );
    assert_eq!(
        sheet.set_score(&bram(), &round, score("K-1", "charisma", 3, "x")),
        Err(ScoringError::UnknownCriterion {
            id: "charisma".into()
        })
    );
    for other in [cem(), chair(), secretary()] {
        assert_eq!(
            sheet.set_score(&other, &round, score("K-1", "samenwerken", 3, "x")),
            Err(ScoringError::NotYourSheet)
        );
    }
    assert_eq!(
        Sheet::new(&round, "sara"),
        Err(ScoringError::UnknownAssessor { id: "sara".into() })
    );
}

#[test]
fn a_submitted_sheet_cannot_change() {
    let round = open();
    let mut sheet = submitted(&round, &bram(), |_, _| 3);
    let before = sheet.clone();
    assert_eq!(
        sheet.set_score(
            &bram(),
            &round,
            score("K-1", "samenwerken", 5, "Toch beter.")
        ),
        Err(ScoringError::SheetLocked)
    );
    let cell = CellRef {
        candidate: "K-1".into(),
        criterion: "samenwerken".into(),
    };
    assert_eq!(
        sheet.clear_score(&bram(), &round, &cell),
        Err(ScoringError::SheetLocked)
    );
    assert_eq!(
        sheet.submit(&bram(), &round, None, "2026-11-25T11:00:00Z"),
        Err(ScoringError::SheetLocked)
    );
    assert_eq!(sheet, before);
}

#[test]
fn a_sheet_belongs_to_its_round() {
    let round = open();
    let mut anna = submitted(&round, &chair(), |_, _| 3);
    let bram_sheet = submitted(&round, &bram(), |_, _| 3);
    let cem_sheet = submitted(&round, &cem(), |_, _| 3);
    let mut r = round.clone();
    r.reveal(&chair(), &[anna.clone(), bram_sheet, cem_sheet])
        .unwrap();
    let r2 = r.next(&chair(), seed(2)).unwrap();
    let mut old_draft = Sheet::new(&round, "anna").unwrap();
    assert_eq!(
        old_draft.set_score(&chair(), &r2, score("K-1", "samenwerken", 3, "x")),
        Err(ScoringError::WrongRound { sheet: 1, round: 2 })
    );
    assert_eq!(
        anna.submit(&chair(), &r2, None, "t"),
        Err(ScoringError::SheetLocked),
        "a submitted sheet stays locked whatever round it is offered to"
    );
}

#[test]
fn the_timestamp_of_a_submission_is_required() {
    let round = open();
    let mut sheet = filled(&round, &bram(), |_, _| 3);
    assert_eq!(
        sheet.submit(&bram(), &round, None, " "),
        Err(ScoringError::MissingTimestamp)
    );
    assert!(!sheet.is_submitted());
}

// --- Conflicts in a round ------------------------------------------------------

#[test]
fn excluded_cells_are_neither_scorable_nor_required() {
    let round = Round::open(&chair(), setup(vec![exclusion("bram", "K-2")]), seed(1)).unwrap();
    let cells = round.work_order("bram").unwrap();
    assert_eq!(cells.len(), 9);
    assert!(cells.iter().all(|c| c.candidate != "K-2"));
    let mut sheet = filled(&round, &bram(), |_, _| 4);
    assert_eq!(
        sheet.set_score(&bram(), &round, score("K-2", "samenwerken", 4, "x")),
        Err(ScoringError::Excluded {
            candidate: "K-2".into()
        })
    );
    sheet.submit(&bram(), &round, None, "t").unwrap();
}

#[test]
fn an_exclusion_found_during_the_round_drops_the_draft_cells() {
    let mut round = open();
    let mut sheets = vec![
        filled(&round, &bram(), |_, _| 4),
        submitted(&round, &cem(), |_, _| 3),
    ];
    // Another assessor cannot recuse bram.
    assert_eq!(
        round.add_exclusion(&cem(), exclusion("bram", "K-3"), &mut sheets),
        Err(ScoringError::ChairOnly)
    );
    round
        .add_exclusion(&bram(), exclusion("bram", "K-3"), &mut sheets)
        .unwrap();
    assert!(round.is_excluded("bram", "K-3"));
    assert!(sheets[0].scores().iter().all(|s| s.candidate != "K-3"));
    assert_eq!(sheets[0].scores().len(), 9);
    sheets[0].submit(&bram(), &round, None, "t").unwrap();
    // Not once the assessor has submitted: the chair cannot strike submitted scores.
    assert_eq!(
        round.add_exclusion(&chair(), exclusion("cem", "K-1"), &mut sheets),
        Err(ScoringError::SheetLocked)
    );
    assert!(!round.is_excluded("cem", "K-1"));
    // The chair may exclude someone who has not started yet.
    round
        .add_exclusion(&chair(), exclusion("anna", "K-1"), &mut sheets)
        .unwrap();
    assert!(round.is_excluded("anna", "K-1"));
    // And not once the round is closed.
    round.close(&chair(), &sheets).unwrap();
    assert_eq!(
        round.add_exclusion(&chair(), exclusion("anna", "K-2"), &mut sheets),
        Err(ScoringError::RoundNotOpen)
    );
}

#[test]
fn scores_for_an_excluded_candidate_block_submitting() {
    // A sheet saved elsewhere before the exclusion reached it.
    let round = open();
    let mut sheet = filled(&round, &bram(), |_, _| 4);
    let mut r = round.clone();
    r.add_exclusion(&chair(), exclusion("bram", "K-4"), &mut [])
        .unwrap();
    assert_eq!(
        sheet.submit(&bram(), &r, None, "t"),
        Err(ScoringError::Excluded {
            candidate: "K-4".into()
        })
    );
    for criterion in ["samenwerken", "bestuurlijk", "communicatie"] {
        let cell = CellRef {
            candidate: "K-4".into(),
            criterion: criterion.into(),
        };
        sheet.clear_score(&bram(), &r, &cell).unwrap();
    }
    sheet.submit(&bram(), &r, None, "t").unwrap();
}

#[test]
fn views_of_a_later_round_ignore_earlier_rounds_sheets() {
    let (r1, s1) = revealed_round_one();
    let r2 = r1.next(&chair(), seed(2)).unwrap();
    let bram2 = filled(&r2, &bram(), |_, _| 2);
    let mut all = s1.clone();
    all.push(bram2.clone());
    let view = view_for(&bram(), &r2, &all).unwrap();
    match &view {
        RoundView::Scoring {
            work,
            progress,
            round,
            ..
        } => {
            assert_eq!(*round, 2);
            assert_eq!(work.sheet.as_ref(), Some(&bram2));
            assert_eq!(
                *progress,
                RoundProgress {
                    submitted: 0,
                    total: 3
                }
            );
        }
        other => panic!("{other:?}"),
    }
    assert_shows_nothing_of(&view, &["anna", "cem"]);
    // Round 1 stays readable as it was revealed.
    assert!(matches!(
        view_for(&bram(), &r1, &all),
        Ok(RoundView::Revealed { .. })
    ));
}

#[test]
fn sheets_survive_storage_unchanged() {
    let round = open();
    let sheet = submitted(&round, &bram(), |_, _| 4);
    let json = serde_json::to_string(&sheet).unwrap();
    let back: Sheet = serde_json::from_str(&json).unwrap();
    assert_eq!(back, sheet);
    assert!(back.is_submitted());
}

// --- No peeking ----------------------------------------------------------------

/// Nothing of `others` may appear anywhere in what `viewer` is shown.
fn assert_shows_nothing_of(view: &RoundView, others: &[&str]) {
    let json = serde_json::to_string(view).unwrap();
    for other in others {
        assert!(!json.contains(other), "{other} leaked into {json}");
    }
}

#[test]
fn before_submitting_an_assessor_sees_only_their_own_sheet() {
    let round = open();
    let anna = submitted(&round, &chair(), |_, _| 5);
    let cem_sheet = submitted(&round, &cem(), |_, _| 1);
    let bram_draft = filled(&round, &bram(), |_, _| 3);
    let sheets = [anna, cem_sheet, bram_draft.clone()];
    let view = view_for(&bram(), &round, &sheets).unwrap();
    match &view {
        RoundView::Scoring {
            work,
            progress,
            round: n,
            ..
        } => {
            assert_eq!(*n, 1);
            assert_eq!(work.sheet.as_ref(), Some(&bram_draft));
            assert_eq!(work.plan.assessor, "bram");
            assert_eq!(
                *progress,
                RoundProgress {
                    submitted: 2,
                    total: 3
                }
            );
        }
        other => panic!("{other:?}"),
    }
    assert_shows_nothing_of(&view, &["anna", "cem"]);
}

#[test]
fn after_submitting_an_assessor_still_sees_only_their_own_sheet_and_counts() {
    let round = open();
    let anna = submitted(&round, &chair(), |_, _| 5);
    let bram_sheet = submitted(&round, &bram(), |_, _| 3);
    let cem_draft = filled(&round, &cem(), |_, _| 1);
    let sheets = [anna, bram_sheet.clone(), cem_draft];
    let view = view_for(&bram(), &round, &sheets).unwrap();
    match &view {
        RoundView::Scoring { work, progress, .. } => {
            assert_eq!(work.sheet.as_ref(), Some(&bram_sheet));
            assert_eq!(
                *progress,
                RoundProgress {
                    submitted: 2,
                    total: 3
                }
            );
        }
        other => panic!("{other:?}"),
    }
    assert_shows_nothing_of(&view, &["anna", "cem"]);
}

#[test]
fn the_chair_does_not_see_other_sheets_before_the_reveal_either() {
    let round = open();
    let bram_sheet = submitted(&round, &bram(), |_, _| 2);
    let cem_sheet = submitted(&round, &cem(), |_, _| 4);
    let sheets = [bram_sheet.clone(), cem_sheet.clone()];
    // The chair scores too: own (empty) work only.
    let view = view_for(&chair(), &round, &sheets).unwrap();
    assert!(matches!(&view, RoundView::Scoring { work, .. } if work.sheet.is_none()));
    assert_shows_nothing_of(&view, &["bram", "cem"]);
    // A secretary who does not score sees only the count.
    let view = view_for(&secretary(), &round, &sheets).unwrap();
    assert_eq!(
        view,
        RoundView::Waiting {
            round: 1,
            status: RoundStatus::Open,
            progress: RoundProgress {
                submitted: 2,
                total: 3
            },
        }
    );
    assert_shows_nothing_of(&view, &["anna", "bram", "cem"]);
}

#[test]
fn a_closed_round_still_shows_nothing_but_counts_and_the_missing() {
    let mut round = open();
    let sheets = [
        submitted(&round, &bram(), |_, _| 2),
        filled(&round, &cem(), |_, _| 4),
    ];
    round.close(&chair(), &sheets).unwrap();
    let view = view_for(&bram(), &round, &sheets).unwrap();
    match &view {
        RoundView::Scoring {
            status, progress, ..
        } => {
            assert_eq!(
                status,
                &RoundStatus::Closed {
                    missing: vec!["anna".into(), "cem".into()]
                }
            );
            assert_eq!(
                *progress,
                RoundProgress {
                    submitted: 1,
                    total: 3
                }
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(!serde_json::to_string(&view).unwrap().contains("cem-note"));
}

#[test]
fn outsiders_see_nothing_at_any_time() {
    let mut round = open();
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 3),
        submitted(&round, &cem(), |_, _| 3),
    ];
    let outsiders = [
        Actor::new("tom", Role::Trainer),
        Actor::new("kim", Role::Committee),
        Actor::new("dirk", Role::Assessor),
    ];
    for _ in 0..2 {
        for o in &outsiders {
            assert_eq!(
                view_for(o, &round, &sheets),
                Err(ScoringError::NotParticipant),
                "{o:?}"
            );
        }
        round.reveal(&chair(), &sheets).ok();
    }
    assert!(round.is_revealed());
}

#[test]
fn inconsistent_stored_sheets_show_nothing() {
    let round = open();
    let a = submitted(&round, &bram(), |_, _| 3);
    let b = filled(&round, &bram(), |_, _| 2);
    assert_eq!(
        view_for(&cem(), &round, &[a, b]),
        Err(ScoringError::DuplicateSheet {
            assessor: "bram".into()
        })
    );
    // A sheet made for another round with someone who is not in this one.
    let mut other = setup(vec![]);
    other.assessors.push(AssessorSetup {
        id: "dirk".into(),
        role: Role::Assessor,
        mode: ScoringMode::ByCandidate,
    });
    let other_round = Round::open(&chair(), other, seed(5)).unwrap();
    let dirk = Sheet::new(&other_round, "dirk").unwrap();
    assert_eq!(
        view_for(&cem(), &round, &[dirk]),
        Err(ScoringError::UnknownAssessor { id: "dirk".into() })
    );
}

// --- Close and reveal ------------------------------------------------------------

#[test]
fn revealing_before_everyone_submitted_needs_closing_first() {
    let mut round = open();
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 4),
    ];
    assert_eq!(
        round.reveal(&chair(), &sheets),
        Err(ScoringError::NotAllSubmitted { missing: 1 })
    );
    assert_eq!(round.status(), &RoundStatus::Open);
    round.close(&chair(), &sheets).unwrap();
    assert_eq!(
        round.status(),
        &RoundStatus::Closed {
            missing: vec!["cem".into()]
        }
    );
    round.reveal(&chair(), &sheets).unwrap();
    assert_eq!(
        round.status(),
        &RoundStatus::Revealed {
            missing: vec!["cem".into()]
        }
    );
}

#[test]
fn only_the_chair_closes_and_reveals() {
    let mut round = open();
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 3),
        submitted(&round, &cem(), |_, _| 3),
    ];
    for actor in [bram(), secretary(), Actor::new("tom", Role::Trainer)] {
        assert_eq!(round.close(&actor, &sheets), Err(ScoringError::ChairOnly));
        assert_eq!(round.reveal(&actor, &sheets), Err(ScoringError::ChairOnly));
    }
    assert_eq!(round.status(), &RoundStatus::Open);
    round.reveal(&chair(), &sheets).unwrap();
    assert_eq!(round.status(), &RoundStatus::Revealed { missing: vec![] });
}

#[test]
fn the_round_moves_one_way_only() {
    let mut round = open();
    let mut late = filled(&round, &cem(), |_, _| 3);
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 3),
    ];
    round.close(&chair(), &sheets).unwrap();
    assert_eq!(
        round.close(&chair(), &sheets),
        Err(ScoringError::RoundNotOpen)
    );
    assert_eq!(
        late.submit(&cem(), &round, None, "t"),
        Err(ScoringError::RoundNotOpen)
    );
    assert_eq!(
        late.set_score(&cem(), &round, score("K-1", "samenwerken", 2, "x")),
        Err(ScoringError::RoundNotOpen)
    );
    round.reveal(&chair(), &sheets).unwrap();
    assert_eq!(
        round.reveal(&chair(), &sheets),
        Err(ScoringError::AlreadyRevealed)
    );
    assert_eq!(
        round.close(&chair(), &sheets),
        Err(ScoringError::RoundNotOpen)
    );
}

#[test]
fn a_round_without_any_submitted_sheet_can_be_neither_closed_nor_revealed() {
    let mut round = open();
    let drafts = [filled(&round, &bram(), |_, _| 3)];
    assert_eq!(
        round.close(&chair(), &drafts),
        Err(ScoringError::NothingToReveal)
    );
    assert_eq!(
        round.reveal(&chair(), &drafts),
        Err(ScoringError::NotAllSubmitted { missing: 3 })
    );
    assert_eq!(round.status(), &RoundStatus::Open);
}

// --- The comparison sheet -----------------------------------------------------------

#[test]
fn after_the_reveal_everyone_sees_the_same_comparison() {
    let mut round = open();
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 4),
        submitted(&round, &cem(), |_, _| 5),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    let for_bram = comparison(view_for(&bram(), &round, &sheets).unwrap());
    for viewer in [chair(), cem(), secretary()] {
        assert_eq!(
            comparison(view_for(&viewer, &round, &sheets).unwrap()),
            for_bram
        );
    }
    let codes: Vec<_> = for_bram
        .candidates
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(codes, ["K-1", "K-2", "K-3", "K-4"]);
    let cell = &for_bram.candidates[0].cells[0];
    assert_eq!(cell.entries.len(), 3);
    assert!(matches!(
        &cell.entries[1],
        CellEntry::Scored { assessor, level: 4, evidence, .. }
            if assessor == "bram" && evidence == "bram-note-K-1-samenwerken"
    ));
}

#[test]
fn cell_statistics_flag_large_disagreement() {
    let mut round = open();
    let sheets = [
        submitted(
            &round,
            &chair(),
            |_, crit| if crit == "bestuurlijk" { 2 } else { 3 },
        ),
        submitted(&round, &bram(), |_, _| 3),
        submitted(
            &round,
            &cem(),
            |_, crit| if crit == "bestuurlijk" { 5 } else { 4 },
        ),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    let sheet = comparison(view_for(&bram(), &round, &sheets).unwrap());
    let row = &sheet.candidates[0];
    let bestuurlijk = row
        .cells
        .iter()
        .find(|c| c.criterion == "bestuurlijk")
        .unwrap();
    let stats = bestuurlijk.stats.unwrap();
    assert_eq!((stats.n, stats.min, stats.max, stats.spread), (3, 2, 5, 3));
    assert!((stats.mean - 10.0 / 3.0).abs() < 1e-9);
    assert!(bestuurlijk.large_disagreement);
    let communicatie = row
        .cells
        .iter()
        .find(|c| c.criterion == "communicatie")
        .unwrap();
    assert_eq!(communicatie.stats.unwrap().spread, 1);
    assert!(!communicatie.large_disagreement);
}

#[test]
fn weighted_totals_lie_on_zero_to_hundred() {
    let mut round = open();
    let sheets = [
        submitted(&round, &chair(), |_, _| 1),
        submitted(&round, &bram(), |_, _| 5),
        // samenwerken (40%) at 5, bestuurlijk (35%) at 3, communicatie (25%) at 1:
        // 40·1 + 35·0.5 + 25·0 = 57.5
        submitted(&round, &cem(), |_, crit| match crit {
            "samenwerken" => 5,
            "bestuurlijk" => 3,
            _ => 1,
        }),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    let sheet = comparison(view_for(&cem(), &round, &sheets).unwrap());
    let row = &sheet.candidates[2];
    let totals: Vec<_> = row.totals.iter().map(|t| t.total.unwrap()).collect();
    assert_eq!(totals[0], 0.0);
    assert_eq!(totals[1], 100.0);
    assert!((totals[2] - 57.5).abs() < 1e-9);
    assert!((row.mean_total.unwrap() - 157.5 / 3.0).abs() < 1e-9);
}

#[test]
fn knockouts_go_by_the_mean_and_warn_on_single_assessors() {
    // samenwerken has knockout 3: a mean below 3 rules out; a single score below 3 warns.
    let mut round = open();
    let level = |who: &'static str| {
        move |cand: &str, crit: &str| match (cand, crit, who) {
            ("K-1", "samenwerken", "anna") => 2, // mean (2+3+4)/3 = 3: warning
            ("K-2", "samenwerken", _) => 2,      // everyone 2: out
            ("K-3", "samenwerken", "cem") => 1,  // mean (3+3+1)/3 < 3: out
            _ => 3,
        }
    };
    let sheets = [
        submitted(&round, &chair(), level("anna")),
        submitted(&round, &bram(), |c, k| {
            if (c, k) == ("K-1", "samenwerken") {
                3
            } else {
                level("bram")(c, k)
            }
        }),
        submitted(&round, &cem(), |c, k| {
            if (c, k) == ("K-1", "samenwerken") {
                4
            } else {
                level("cem")(c, k)
            }
        }),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    let sheet = comparison(view_for(&chair(), &round, &sheets).unwrap());
    let samen = |i: usize| &sheet.candidates[i].cells[0];
    assert_eq!(
        samen(0).knockout,
        Knockout::Warning {
            assessors: vec!["anna".into()]
        }
    );
    assert!(!sheet.candidates[0].knocked_out);
    assert_eq!(samen(1).knockout, Knockout::Out);
    assert!(sheet.candidates[1].knocked_out);
    assert_eq!(samen(2).knockout, Knockout::Out);
    assert_eq!(samen(3).knockout, Knockout::Clear);
    assert!(!sheet.candidates[3].knocked_out);
    // No knockout level on the other criteria: never flagged, even at the bottom.
    assert_eq!(sheet.candidates[1].cells[1].knockout, Knockout::Clear);
}

#[test]
fn missing_and_excluded_assessors_are_marked_and_left_out_of_totals() {
    let mut round = Round::open(&chair(), setup(vec![exclusion("bram", "K-2")]), seed(1)).unwrap();
    let sheets = [
        submitted(&round, &chair(), |_, _| 4),
        submitted(&round, &bram(), |_, _| 2),
        filled(&round, &cem(), |_, _| 5), // never submitted
    ];
    round.close(&chair(), &sheets).unwrap();
    round.reveal(&chair(), &sheets).unwrap();
    let sheet = comparison(view_for(&cem(), &round, &sheets).unwrap());
    assert_eq!(
        sheet.assessors,
        [
            AssessorColumn {
                assessor: "anna".into(),
                submitted: true
            },
            AssessorColumn {
                assessor: "bram".into(),
                submitted: true
            },
            AssessorColumn {
                assessor: "cem".into(),
                submitted: false
            },
        ]
    );
    let k2 = &sheet.candidates[1];
    assert_eq!(k2.code, "K-2");
    assert_eq!(
        k2.cells[0].entries[1],
        CellEntry::Excluded {
            assessor: "bram".into()
        }
    );
    assert_eq!(
        k2.cells[0].entries[2],
        CellEntry::Missing {
            assessor: "cem".into()
        }
    );
    assert_eq!(k2.cells[0].stats.unwrap().n, 1);
    assert_eq!(k2.totals[1].total, None);
    assert_eq!(k2.totals[2].total, None);
    assert_eq!(k2.mean_total, Some(75.0));
    // The draft of the missing assessor shows nowhere.
    assert!(!serde_json::to_string(&sheet).unwrap().contains("cem-note"));
    // Where bram did score, the mean is over anna and bram.
    assert_eq!(sheet.candidates[0].mean_total, Some((75.0 + 25.0) / 2.0));
}

// --- Re-scoring ------------------------------------------------------------------------

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

fn previous<'a>(sheets: &'a [Sheet], who: &str) -> Option<&'a Sheet> {
    sheets.iter().find(|s| s.assessor() == who)
}

#[test]
fn the_next_round_keeps_the_rubric_and_draws_new_orders() {
    let (r1, _) = revealed_round_one();
    let r2 = r1.next(&chair(), seed(2)).unwrap();
    assert_eq!(r2.number(), 2);
    assert_eq!(r2.rubric_hash(), r1.rubric_hash());
    assert_eq!(r2.candidates(), r1.candidates());
    assert_eq!(r2.status(), &RoundStatus::Open);
    assert_ne!(r2.assessors(), r1.assessors());
    assert!(r2.verify().is_ok());
    assert_eq!(r1.next(&chair(), seed(1)), Err(ScoringError::SeedReused));
    assert_eq!(r1.next(&bram(), seed(3)), Err(ScoringError::ChairOnly));
    assert_eq!(
        open().next(&chair(), seed(3)),
        Err(ScoringError::NotRevealed)
    );
}

#[test]
fn a_changed_score_needs_a_reason_and_becomes_a_revision() {
    let (r1, s1) = revealed_round_one();
    let mut r2 = r1.next(&chair(), seed(2)).unwrap();
    let mut bram2 = filled(&r2, &bram(), |cand, crit| {
        if (cand, crit) == ("K-1", "bestuurlijk") {
            4
        } else {
            3
        }
    });
    assert_eq!(
        bram2.submit(&bram(), &r2, previous(&s1, "bram"), "t2"),
        Err(ScoringError::RevisionReasonRequired {
            candidate: "K-1".into(),
            criterion: "bestuurlijk".into()
        })
    );
    let mut changed = bram2.score("K-1", "bestuurlijk").unwrap().clone();
    changed.reason = Some("  ".into());
    bram2.set_score(&bram(), &r2, changed.clone()).unwrap();
    assert!(matches!(
        bram2.submit(&bram(), &r2, previous(&s1, "bram"), "t2"),
        Err(ScoringError::RevisionReasonRequired { .. })
    ));
    changed.reason = Some("Voorbeeld uit de werkopdracht over het hoofd gezien.".into());
    bram2.set_score(&bram(), &r2, changed).unwrap();
    bram2
        .submit(&bram(), &r2, previous(&s1, "bram"), "t2")
        .unwrap();

    let anna2 = {
        let mut s = filled(&r2, &chair(), |_, _| 3);
        s.submit(&chair(), &r2, previous(&s1, "anna"), "t2")
            .unwrap();
        s
    };
    let s2 = vec![anna2, bram2];
    // Listing revisions before the reveal would show round 2's levels early.
    assert_eq!(
        revisions(&r1, &s1, &r2, &s2),
        Err(ScoringError::NotRevealed)
    );
    r2.close(&chair(), &s2).unwrap();
    r2.reveal(&chair(), &s2).unwrap();
    let revs = revisions(&r1, &s1, &r2, &s2).unwrap();
    assert_eq!(
        revs,
        [Revision {
            round: 2,
            candidate: "K-1".into(),
            criterion: "bestuurlijk".into(),
            assessor: "bram".into(),
            old: 3,
            new: 4,
            reason: "Voorbeeld uit de werkopdracht over het hoofd gezien.".into(),
        }]
    );
    // Round 1 is untouched: its sheets still say 3.
    assert_eq!(
        previous(&s1, "bram")
            .unwrap()
            .score("K-1", "bestuurlijk")
            .unwrap()
            .level,
        Some(3)
    );
    // The comparison of round 2 carries the reason beside the level.
    let cmp = comparison(view_for(&cem(), &r2, &s2).unwrap());
    let bestuurlijk = &cmp.candidates[0].cells[1];
    assert!(matches!(
        &bestuurlijk.entries[1],
        CellEntry::Scored {
            level: 4,
            reason: Some(_),
            ..
        }
    ));
}

#[test]
fn previous_sheets_must_be_the_assessors_own_from_the_round_before() {
    let (r1, s1) = revealed_round_one();
    let r2 = r1.next(&chair(), seed(2)).unwrap();
    let mut bram2 = filled(&r2, &bram(), |_, _| 3);
    assert_eq!(
        bram2.submit(&bram(), &r2, previous(&s1, "cem"), "t"),
        Err(ScoringError::WrongPreviousSheet)
    );
    let fresh = open();
    let mut fresh_sheet = filled(&fresh, &bram(), |_, _| 3);
    assert_eq!(
        fresh_sheet.submit(&bram(), &fresh, previous(&s1, "bram"), "t"),
        Err(ScoringError::WrongPreviousSheet),
        "round 1 has no previous round"
    );
    // A draft of round 1 is not a previous score either.
    let draft = filled(&open(), &bram(), |_, _| 3);
    assert_eq!(
        bram2.submit(&bram(), &r2, Some(&draft), "t"),
        Err(ScoringError::WrongPreviousSheet)
    );
    bram2
        .submit(&bram(), &r2, previous(&s1, "bram"), "t")
        .unwrap();
}

#[test]
fn revisions_refuse_unrelated_rounds_and_reasonless_changes() {
    let (r1, s1) = revealed_round_one();
    assert_eq!(
        revisions(&r1, &s1, &r1, &s1),
        Err(ScoringError::NotConsecutive)
    );
    let mut r2 = r1.next(&chair(), seed(2)).unwrap();
    // A sheet that skipped the check (submitted without passing the previous sheet).
    let mut sneaky = filled(&r2, &bram(), |_, _| 5);
    sneaky.submit(&bram(), &r2, None, "t").unwrap();
    let s2 = vec![sneaky];
    r2.close(&chair(), &s2).unwrap();
    r2.reveal(&chair(), &s2).unwrap();
    assert!(matches!(
        revisions(&r1, &s1, &r2, &s2),
        Err(ScoringError::RevisionReasonRequired { .. })
    ));
}

// --- Decision and unblinding -------------------------------------------------------------

fn choice(portfolio: &str, codes: &[&str], reason: &str) -> PortfolioChoice {
    PortfolioChoice {
        portfolio: portfolio.into(),
        candidates: codes.iter().map(|c| (*c).to_owned()).collect(),
        reason: reason.into(),
    }
}

#[test]
fn a_decision_needs_a_revealed_round_and_reasons() {
    let mut round = open();
    let mut state = SelectionState::default();
    let good = vec![choice(
        "Financiën",
        &["K-2"],
        "Hoogste score op bestuurlijk vermogen.",
    )];
    assert_eq!(
        state.decide(&chair(), &round, good.clone(), "t"),
        Err(ScoringError::NotRevealed)
    );
    let sheets = [
        submitted(&round, &chair(), |_, _| 3),
        submitted(&round, &bram(), |_, _| 3),
        submitted(&round, &cem(), |_, _| 3),
    ];
    round.reveal(&chair(), &sheets).unwrap();
    assert_eq!(
        state.decide(&bram(), &round, good.clone(), "t"),
        Err(ScoringError::ChairOrSecretaryOnly)
    );
    assert_eq!(
        state.decide(&chair(), &round, vec![], "t"),
        Err(ScoringError::EmptyDecision)
    );
    assert_eq!(
        state.decide(
            &chair(),
            &round,
            vec![choice("Financiën", &["K-2"], " ")],
            "t"
        ),
        Err(ScoringError::DecisionReasonRequired {
            portfolio: "Financiën".into()
        })
    );
    assert_eq!(
        state.decide(
            &chair(),
            &round,
            vec![choice("Financiën", &["K-7"], "r")],
            "t"
        ),
        Err(ScoringError::UnknownCandidate {
            candidate: "K-7".into()
        })
    );
    let twice = vec![
        choice("Wonen", &["K-1"], "r"),
        choice(" Wonen", &["K-3"], "r"),
    ];
    assert_eq!(
        state.decide(&chair(), &round, twice, "t"),
        Err(ScoringError::BadPortfolio {
            portfolio: " Wonen".into()
        })
    );
    assert_eq!(state.decision, None);
    let decision = state
        .decide(&secretary(), &round, good.clone(), "2026-11-26T09:00:00Z")
        .unwrap();
    assert_eq!(decision.round, 1);
    assert_eq!(decision.recorded_by, "sara");
    assert_eq!(
        state.decide(&chair(), &round, good, "t"),
        Err(ScoringError::DecisionAlreadyRecorded)
    );
}

#[test]
fn unblinding_only_by_a_chair_after_the_decision_and_only_once() {
    let (round, _) = revealed_round_one();
    let mut state = SelectionState::default();
    assert_eq!(
        may_unblind(Role::Chair, &state),
        Err(ScoringError::NoDecisionYet)
    );
    assert_eq!(
        state.unblind(&chair(), "t"),
        Err(ScoringError::NoDecisionYet)
    );
    state
        .decide(
            &chair(),
            &round,
            vec![choice("Wonen", &["K-3"], "Beste onderbouwing.")],
            "t1",
        )
        .unwrap();
    for role in [
        Role::Secretary,
        Role::Assessor,
        Role::Trainer,
        Role::Committee,
    ] {
        assert_eq!(
            may_unblind(role, &state),
            Err(ScoringError::ChairOnly),
            "{role:?}"
        );
    }
    assert_eq!(may_unblind(Role::Chair, &state), Ok(()));
    state.unblind(&chair(), "t2").unwrap();
    assert_eq!(
        state.unblinded,
        Some(Unblinding {
            by: "anna".into(),
            at: "t2".into()
        })
    );
    assert_eq!(
        may_unblind(Role::Chair, &state),
        Err(ScoringError::AlreadyUnblinded)
    );
    assert_eq!(
        state.unblind(&chair(), "t3"),
        Err(ScoringError::AlreadyUnblinded)
    );
}

// --- Messages ----------------------------------------------------------------------------

#[test]
fn every_error_speaks_dutch_and_english() {
    let s = || "x".to_owned();
    let errors = [
        ScoringError::ChairOnly,
        ScoringError::ChairOrSecretaryOnly,
        ScoringError::NotParticipant,
        ScoringError::NotYourSheet,
        ScoringError::RoundNotOpen,
        ScoringError::NotAllSubmitted { missing: 2 },
        ScoringError::NothingToReveal,
        ScoringError::AlreadyRevealed,
        ScoringError::NotRevealed,
        ScoringError::SeedReused,
        ScoringError::NotConsecutive,
        ScoringError::NoCandidates,
        ScoringError::NoAssessors,
        ScoringError::BadCode { candidate: s() },
        ScoringError::AnswerWithoutCriterion { candidate: s() },
        ScoringError::DuplicateCandidate { candidate: s() },
        ScoringError::DuplicateAssessor { id: s() },
        ScoringError::RoleCannotScore { id: s() },
        ScoringError::RubricNotScorable {
            problem: RubricProblem::Weights { sum: 90 },
        },
        ScoringError::NobodyLeftToScore { candidate: s() },
        ScoringError::UnknownCandidate { candidate: s() },
        ScoringError::UnknownCriterion { id: s() },
        ScoringError::UnknownAssessor { id: s() },
        ScoringError::Excluded { candidate: s() },
        ScoringError::LevelOutOfScale {
            level: 7,
            min: 1,
            max: 5,
        },
        ScoringError::EvidenceRequired {
            candidate: s(),
            criterion: s(),
        },
        ScoringError::EvidenceTooLong { max: 2 },
        ScoringError::ReasonTooLong { max: 2 },
        ScoringError::Incomplete { missing: 2 },
        ScoringError::SheetLocked,
        ScoringError::WrongRound { sheet: 1, round: 2 },
        ScoringError::WrongPreviousSheet,
        ScoringError::RevisionReasonRequired {
            candidate: s(),
            criterion: s(),
        },
        ScoringError::MissingTimestamp,
        ScoringError::DuplicateSheet { assessor: s() },
        ScoringError::RubricChanged,
        ScoringError::Tampered,
        ScoringError::EmptyDecision,
        ScoringError::BadPortfolio { portfolio: s() },
        ScoringError::DecisionReasonRequired { portfolio: s() },
        ScoringError::DecisionAlreadyRecorded,
        ScoringError::NoDecisionYet,
        ScoringError::AlreadyUnblinded,
    ];
    let mut dutch = BTreeSet::new();
    for e in &errors {
        let m = e.message();
        assert!(!m.nl.trim().is_empty() && !m.en.trim().is_empty(), "{e:?}");
        assert_ne!(m.nl, m.en, "{e:?}");
        assert_eq!(e.to_string(), m.en);
        dutch.insert(m.nl);
    }
    assert_eq!(dutch.len(), errors.len(), "two errors share a message");
    assert_eq!(
        ScoringError::LevelOutOfScale {
            level: 7,
            min: 1,
            max: 5
        }
        .message()
        .nl,
        "Niveau 7 ligt buiten de schaal 1–5."
    );
}
