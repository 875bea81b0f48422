//! The Training area's storage rules, through the store's public API.

use maatstaf_core::access::AccessError;
use maatstaf_core::content::{SpotClick, SpotResult};
use maatstaf_core::team::Role;
use maatstaf_core::training::{Phase, SessionError};
use maatstaf_store::fixtures::demo_team;
use maatstaf_store::training::{
    Answer, ContentKind, ExerciseView, GradeOutcome, ImportOutcome, TrainingError,
};
use maatstaf_store::{Store, StoreError};

use crate::support::temp_store;

/// The demo team's id and its members by name.
fn demo(store: &Store) -> (i64, impl Fn(&str) -> i64) {
    let team = demo_team(store);
    let members = store.team_detail(team).unwrap().members;
    (team, move |name: &str| {
        members.iter().find(|m| m.name == name).unwrap().id
    })
}

const TRAINER: &str = "Ellen Verhoef";
const PEOPLE: [&str; 3] = ["Gerrit Bosma", "Priya Ramdin", "Marloes Kuipers"];

fn module(id: &str, order: u32, body: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"Eigen module {id}\"\nsummary = \"Van de trainer.\"\nminutes = 10\ngoals = [\"Je kunt het.\"]\naudience = [\"negotiator\"]\norder = {order}\n+++\n# Eigen module\n\n{body}\n\n## Bronnen\n\n- Eigen ervaring.\n"
    )
}

/// The access rules' refusal of a training action to someone who is not a trainer.
fn only_the_trainer(err: StoreError) -> bool {
    matches!(
        err,
        StoreError::Access(AccessError::RoleNotAllowed { ref role, .. }) if role != "trainer"
    )
}

fn trainer_error(err: StoreError) -> TrainingError {
    match err {
        StoreError::Training(e) => e,
        other => panic!("expected a training error, got {other}"),
    }
}

#[test]
fn the_bundled_modules_are_installed_in_order_and_read_only() {
    let (_dir, mut store) = temp_store();
    let modules = store.list_modules().unwrap();
    assert_eq!(modules.len(), 12);
    assert!(modules.iter().all(|m| m.bundled));
    let orders: Vec<u32> = modules.iter().map(|m| m.order).collect();
    let mut sorted = orders.clone();
    sorted.sort();
    assert_eq!(orders, sorted);
    assert_eq!(modules[0].id, "m01-waarom-structuur-werkt");
    assert!(modules[0].graded_exercises >= 2);
    assert_eq!(store.list_cases().unwrap().len(), 2);
    let (_, who) = demo(&store);
    let err = store
        .remove_content(who(TRAINER), ContentKind::Module, &modules[0].id)
        .unwrap_err();
    assert!(matches!(
        trainer_error(err),
        TrainingError::BundledReadOnly(_)
    ));
    assert_eq!(store.list_modules().unwrap().len(), 12);
}

#[test]
fn search_finds_modules_by_a_word_in_their_body_with_prefixes_and_without_accents() {
    let (_dir, store) = temp_store();
    let hits = store.search_modules("halo").unwrap();
    assert_eq!(hits[0].module_id, "m05-eerste-indruk-halo-klik-anker");
    assert!(hits[0]
        .snippet
        .iter()
        .any(|p| p.hit && p.text.to_lowercase().starts_with("halo")));
    let hits = store.search_modules("drieenhalf").unwrap();
    assert_eq!(hits.len(), 1, "diacritics are ignored: {hits:?}");
    assert_eq!(hits[0].module_id, "m12-handleiding-trainer");
    assert!(
        !store.search_modules("vooroorde").unwrap().is_empty(),
        "prefix"
    );
    assert!(store.search_modules("xylofoonquiz").unwrap().is_empty());
    assert!(store.search_modules("\" * -").unwrap().is_empty());
    assert!(
        store.search_modules("halo NEAR( OR").is_ok(),
        "operators are plain words"
    );
}

#[test]
fn a_module_view_is_sanitised_and_does_not_give_away_answers() {
    let (_dir, store) = temp_store();
    let view = store.module_view("m01-waarom-structuur-werkt").unwrap();
    assert!(view
        .html
        .contains("data-exercise-id=\"m01-meerkeuze-volgorde\""));
    assert!(view.headings.iter().any(|h| h.text == "Bronnen"));
    let json = serde_json::to_string(&view.exercises).unwrap();
    assert!(!json.contains("\"correct\""), "{json}");
    assert!(!json.contains("explanation"));
    assert!(view
        .exercises
        .iter()
        .any(|e| matches!(e, ExerciseView::Spot { tokens, .. } if !tokens.is_empty())));
    assert!(matches!(
        store.module_view("bestaat-niet").map_err(trainer_error),
        Err(TrainingError::NoSuchModule(_))
    ));
}

#[test]
fn exercises_are_graded_and_progress_survives_a_restart() {
    let (dir, mut store) = temp_store();
    let (_, who) = demo(&store);
    let me = who("Priya Ramdin");
    let m = "m01-waarom-structuur-werkt";
    let wrong = store
        .grade_exercise(
            me,
            m,
            "m01-meerkeuze-volgorde",
            &Answer::Choice { selected: vec![1] },
        )
        .unwrap();
    let GradeOutcome::Choice { result } = wrong else {
        panic!()
    };
    assert!(!result.right);
    assert!(!result.feedback[0].explanation.is_empty());
    let right = store
        .grade_exercise(
            me,
            m,
            "m01-meerkeuze-volgorde",
            &Answer::Choice { selected: vec![0] },
        )
        .unwrap();
    assert!(matches!(right, GradeOutcome::Choice { result } if result.right));

    let hit = store
        .grade_exercise(
            me,
            m,
            "m01-vind-gevoel",
            &Answer::Spot {
                click: SpotClick::Phrase {
                    phrase: "twintig jaar ervaring".into(),
                },
            },
        )
        .unwrap();
    let GradeOutcome::Spot {
        result,
        found,
        problems,
    } = hit
    else {
        panic!()
    };
    assert!(matches!(result, SpotResult::Hit { .. }));
    assert_eq!(found.len(), 1);
    assert!(problems >= 2);
    store.mark_module_read(me, m).unwrap();
    store.mark_module_read(me, m).unwrap();
    drop(store);

    let store = Store::open_in(dir.path()).unwrap();
    let progress = store.training_progress(me).unwrap();
    let p = progress.iter().find(|p| p.module_id == m).unwrap();
    assert!(p.read);
    assert_eq!(p.exercises_done, 1, "the choice; the spot is half done");
    let spot = p
        .exercises
        .iter()
        .find(|e| e.exercise_id == "m01-vind-gevoel")
        .unwrap();
    assert!(!spot.done);
    assert_eq!(spot.found.len(), 1);
    let other = store.training_progress(who("Gerrit Bosma")).unwrap();
    assert!(
        other.iter().all(|p| !p.read && p.exercises_done == 0),
        "progress is per person"
    );
}

#[test]
fn a_wrong_answer_kind_or_exercise_is_refused_and_not_recorded() {
    let (_dir, mut store) = temp_store();
    let (_, who) = demo(&store);
    let me = who("Priya Ramdin");
    let m = "m01-waarom-structuur-werkt";
    let err = store
        .grade_exercise(
            me,
            m,
            "m01-meerkeuze-volgorde",
            &Answer::Choice { selected: vec![9] },
        )
        .unwrap_err();
    assert!(matches!(trainer_error(err), TrainingError::Grade(_)));
    let err = store
        .grade_exercise(
            me,
            m,
            "m01-meerkeuze-volgorde",
            &Answer::Spot {
                click: SpotClick::Phrase { phrase: "x".into() },
            },
        )
        .unwrap_err();
    assert!(matches!(
        trainer_error(err),
        TrainingError::WrongAnswerKind { .. }
    ));
    let err = store
        .grade_exercise(me, m, "bestaat-niet", &Answer::Choice { selected: vec![0] })
        .unwrap_err();
    assert!(matches!(
        trainer_error(err),
        TrainingError::NoSuchExercise { .. }
    ));
    let p = store.training_progress(me).unwrap();
    assert!(p
        .iter()
        .all(|p| p.exercises.iter().all(|e| e.attempts == 0)));
}

#[test]
fn only_a_trainer_imports_and_a_broken_file_changes_nothing() {
    let (_dir, mut store) = temp_store();
    let (_, who) = demo(&store);
    let good = module("eigen-a", 50, "Over **onderhandelen**.");
    let err = store
        .import_content(who("Gerrit Bosma"), "eigen-a.md", &good)
        .unwrap_err();
    assert!(only_the_trainer(err));

    let before = store.list_modules().unwrap();
    let broken = good.replace("minutes = 10", "minutes = 0");
    let outcome = store
        .import_content(who(TRAINER), "eigen-a.md", &broken)
        .unwrap();
    let ImportOutcome::Refused { errors, .. } = outcome else {
        panic!("refused")
    };
    assert_eq!(errors[0].path, "modules/eigen-a.md");
    assert_eq!(errors[0].line, 5);
    assert!(errors[0].message.nl.contains("minutes"));
    assert_eq!(store.list_modules().unwrap(), before);
    assert!(store
        .search_modules("onderhandelen eigen")
        .unwrap()
        .iter()
        .all(|h| h.module_id != "eigen-a"));

    let clash = module("m01-waarom-structuur-werkt", 51, "Tekst.");
    let outcome = store
        .import_content(who(TRAINER), "clash.md", &clash)
        .unwrap();
    assert!(matches!(outcome, ImportOutcome::Refused { .. }));
    assert_eq!(store.list_modules().unwrap(), before);
    let outcome = store
        .import_content(who(TRAINER), "notities.txt", "hallo")
        .unwrap();
    assert!(matches!(outcome, ImportOutcome::Refused { .. }));
}

#[test]
fn an_imported_module_with_script_and_a_remote_image_is_installed_inert() {
    let (_dir, mut store) = temp_store();
    let (_, who) = demo(&store);
    let text = module(
        "eigen-b",
        60,
        "Zebrapad-oefening.\n\n<script>alert('x')</script>\n\n![logo](https://example.org/logo.png)\n\n<img src=\"http://evil.example/p.gif\" onerror=\"alert(1)\">",
    );
    let outcome = store
        .import_content(who(TRAINER), "eigen-b.md", &text)
        .unwrap();
    let ImportOutcome::Installed {
        id,
        warnings,
        replaced,
        kind,
        ..
    } = outcome
    else {
        panic!("installed: {outcome:?}")
    };
    assert_eq!(
        (id.as_str(), kind, replaced),
        ("eigen-b", ContentKind::Module, false)
    );
    assert_eq!(warnings.len(), 1, "the remote image is named: {warnings:?}");
    let view = store.module_view("eigen-b").unwrap();
    assert!(!view.module.bundled);
    for bad in ["<script", "alert", "example.org", "evil.example", "onerror"] {
        assert!(!view.html.contains(bad), "{bad} in {}", view.html);
    }
    assert_eq!(
        store.search_modules("zebrapad").unwrap()[0].module_id,
        "eigen-b"
    );
    assert_eq!(store.list_modules().unwrap().last().unwrap().id, "eigen-b");

    let again = store
        .import_content(
            who(TRAINER),
            "eigen-b.md",
            &text.replace("Zebrapad", "Kruispunt"),
        )
        .unwrap();
    assert!(matches!(
        again,
        ImportOutcome::Installed { replaced: true, .. }
    ));
    assert!(store.search_modules("zebrapad").unwrap().is_empty());
    store
        .remove_content(who(TRAINER), ContentKind::Module, "eigen-b")
        .unwrap();
    assert!(store.search_modules("kruispunt").unwrap().is_empty());
    assert_eq!(store.list_modules().unwrap().len(), 12);
}

#[test]
fn an_imported_case_stays_while_a_module_uses_it() {
    let (_dir, mut store) = temp_store();
    let (_, who) = demo(&store);
    let havenstad = maatstaf_core::bundle::bundled_cases()
        .into_iter()
        .find(|(p, _)| p.ends_with("casus-havenstad.toml"))
        .unwrap()
        .1
        .replace("id = \"casus-havenstad\"", "id = \"casus-eigen\"");
    let outcome = store
        .import_content(who(TRAINER), "casus-eigen.toml", &havenstad)
        .unwrap();
    assert!(
        matches!(
            outcome,
            ImportOutcome::Installed {
                kind: ContentKind::Case,
                ..
            }
        ),
        "{outcome:?}"
    );
    let text = module(
        "eigen-c",
        70,
        "```exercise\nid = \"eigen-c-casus\"\nkind = \"case\"\ncase = \"casus-eigen\"\ninstruction = \"Oefen.\"\n```",
    );
    let outcome = store
        .import_content(who(TRAINER), "eigen-c.md", &text)
        .unwrap();
    assert!(
        matches!(outcome, ImportOutcome::Installed { .. }),
        "{outcome:?}"
    );
    let err = store
        .remove_content(who(TRAINER), ContentKind::Case, "casus-eigen")
        .unwrap_err();
    assert!(matches!(
        trainer_error(err),
        TrainingError::CaseUsedByModule { .. }
    ));
    store
        .remove_content(who(TRAINER), ContentKind::Module, "eigen-c")
        .unwrap();
    store
        .remove_content(who(TRAINER), ContentKind::Case, "casus-eigen")
        .unwrap();
    assert_eq!(store.list_cases().unwrap().len(), 2);
}

/// Scores every cell of `round` for a participant with `value(candidate_index, criterion_index)`.
fn score_all(
    store: &mut Store,
    session: i64,
    member: i64,
    round: u8,
    value: impl Fn(usize, usize) -> i64,
) {
    let sheet = store.session_sheet(session, member).unwrap();
    for (ci, c) in sheet.candidates.iter().enumerate() {
        for (ki, k) in sheet.criteria.iter().enumerate() {
            store
                .save_practice_score(session, member, round, &c.code, &k.id, value(ci, ki))
                .unwrap();
        }
    }
}

#[test]
fn a_session_runs_two_rounds_and_nobody_sees_others_scores_while_a_round_is_open() {
    let (_dir, mut store) = temp_store();
    let (team, who) = demo(&store);
    let trainer = who(TRAINER);
    let people: Vec<i64> = PEOPLE.iter().map(|n| who(n)).collect();

    // Bad starts change nothing.
    let err = store
        .start_session(team, people[0], "casus-havenstad", &[], &people[1..])
        .unwrap_err();
    assert!(only_the_trainer(err));
    let err = store
        .start_session(team, trainer, "casus-havenstad", &[], &[people[0], trainer])
        .unwrap_err();
    assert!(matches!(
        trainer_error(err),
        TrainingError::Session(SessionError::TooFewParticipants { .. })
    ));
    assert!(store.list_sessions(team).unwrap().is_empty());

    let s = store
        .start_session(
            team,
            trainer,
            "casus-havenstad",
            &["m07-eerst-alleen-scoren".to_owned()],
            &people,
        )
        .unwrap();
    assert_eq!(s.phase, Phase::Round1);
    assert_eq!(s.participants.len(), 3);

    score_all(&mut store, s.id, people[0], 1, |c, k| {
        ((c + k) % 5 + 1) as i64
    });
    let mine = store.session_sheet(s.id, people[1]).unwrap();
    assert!(
        mine.own.is_empty(),
        "another participant's scores are not shown"
    );
    assert!(!serde_json::to_string(&mine)
        .unwrap()
        .contains("justification"));
    assert!(store.session_board(s.id).unwrap().rounds.is_empty());
    assert_eq!(store.session_sheet(s.id, people[0]).unwrap().own.len(), 18);

    // The trainer cannot close the round early, and a participant cannot score round 2.
    let err = store.advance_session(s.id, trainer).unwrap_err();
    assert!(matches!(
        trainer_error(err),
        TrainingError::Session(SessionError::Incomplete { .. })
    ));
    let err = store
        .save_practice_score(s.id, people[1], 2, "H-1", "integriteit", 3)
        .unwrap_err();
    assert!(matches!(
        trainer_error(err),
        TrainingError::Session(SessionError::RoundNotOpen { round: 2 })
    ));
    let err = store
        .save_practice_score(s.id, people[1], 1, "H-1", "integriteit", 9)
        .unwrap_err();
    assert!(matches!(
        trainer_error(err),
        TrainingError::Session(SessionError::OutOfScale { .. })
    ));
    let err = store
        .save_practice_score(s.id, trainer, 1, "H-1", "integriteit", 3)
        .unwrap_err();
    assert!(matches!(
        trainer_error(err),
        TrainingError::Session(SessionError::NotAParticipant { .. })
    ));
    assert!(store.session_sheet(s.id, people[1]).unwrap().own.is_empty());

    score_all(&mut store, s.id, people[1], 1, |c, k| {
        ((c * 2 + k) % 5 + 1) as i64
    });
    score_all(&mut store, s.id, people[2], 1, |c, _| (c + 2) as i64);
    let err = store.advance_session(s.id, people[0]).unwrap_err();
    assert!(only_the_trainer(err));
    let s1 = store.advance_session(s.id, trainer).unwrap();
    assert_eq!(s1.phase, Phase::Spread);

    let board = store.session_board(s.id).unwrap();
    assert_eq!(board.rounds.len(), 1);
    assert!(!board.references_visible);
    let spread = &board.rounds[0].criteria[0].candidates[0];
    assert_eq!(spread.scores.len(), 3);
    assert!(spread.reference.is_none());
    let before = board.rounds[0].overall.value().unwrap();

    assert_eq!(
        store.advance_session(s.id, trainer).unwrap().phase,
        Phase::Reveal
    );
    let board = store.session_board(s.id).unwrap();
    assert!(board.rounds[0].criteria[0].candidates[0]
        .reference
        .is_some());

    assert_eq!(
        store.advance_session(s.id, trainer).unwrap().phase,
        Phase::Round2
    );
    for &p in &people {
        score_all(&mut store, s.id, p, 2, |c, _| (c + 2) as i64);
    }
    assert_eq!(
        store.session_board(s.id).unwrap().rounds.len(),
        1,
        "round 2 hidden while open"
    );
    assert_eq!(
        store.advance_session(s.id, trainer).unwrap().phase,
        Phase::Done
    );
    let board = store.session_board(s.id).unwrap();
    assert_eq!(board.rounds.len(), 2);
    let after = board.rounds[1].overall.value().unwrap();
    assert!(after > before, "{before} -> {after}");
    // Both practice rounds are in the team's consistency log, next to its live rounds.
    let practice: Vec<_> = store
        .snapshots(team)
        .unwrap()
        .into_iter()
        .filter(|r| r.practice)
        .collect();
    assert_eq!(practice.len(), 2);
    let err = store.advance_session(s.id, trainer).unwrap_err();
    assert!(matches!(
        trainer_error(err),
        TrainingError::Session(SessionError::Finished)
    ));
}

#[test]
fn live_scoring_opens_once_a_finished_session_reaches_the_minimum() {
    let (_dir, mut store) = temp_store();
    let (team, who) = demo(&store);
    let trainer = who(TRAINER);
    assert!(
        store.live_scoring_open(team).unwrap(),
        "open until a minimum is set"
    );
    let err = store
        .set_min_agreement(team, who("Gerrit Bosma"), Some(0.8))
        .unwrap_err();
    assert!(only_the_trainer(err));
    let err = store
        .set_min_agreement(team, trainer, Some(1.5))
        .unwrap_err();
    assert!(matches!(
        trainer_error(err),
        TrainingError::InvalidThreshold(_)
    ));
    assert_eq!(store.training_status(team).unwrap().min_agreement, None);

    let status = store.set_min_agreement(team, trainer, Some(0.8)).unwrap();
    assert_eq!(status.min_agreement, Some(0.8));
    assert!(!store.live_scoring_open(team).unwrap());

    let people: Vec<i64> = PEOPLE.iter().map(|n| who(n)).collect();
    let s = store
        .start_session(team, trainer, "casus-havenstad", &[], &people)
        .unwrap();
    for &p in &people {
        score_all(&mut store, s.id, p, 1, |c, k| {
            ((c + k + p as usize) % 5 + 1) as i64
        });
    }
    for _ in 0..3 {
        store.advance_session(s.id, trainer).unwrap();
    }
    for &p in &people {
        score_all(&mut store, s.id, p, 2, |c, k| ((c + k) % 5 + 1) as i64);
    }
    assert!(
        !store.live_scoring_open(team).unwrap(),
        "not before the session is done"
    );
    store.advance_session(s.id, trainer).unwrap();
    let status = store.training_status(team).unwrap();
    assert_eq!(status.best_agreement, Some(1.0));
    assert!(store.live_scoring_open(team).unwrap());

    store.set_min_agreement(team, trainer, None).unwrap();
    assert!(store.live_scoring_open(team).unwrap());
    let other = store.create_team("Ander team").unwrap().id;
    store
        .add_member(other, "T", Role::Trainer, None, None)
        .unwrap();
    assert!(
        store.live_scoring_open(other).unwrap(),
        "thresholds are per team"
    );
}

/// What a committee reads in the team's log about training: sessions started and
/// finished, modules read for the first time, and who moved the minimum agreement.
#[test]
fn training_events_are_in_the_teams_log_and_the_chain_still_verifies() {
    use maatstaf_core::ledger::{Actor, EntryKind};

    let (_dir, mut store) = temp_store();
    let (team, who) = demo(&store);
    let trainer = who(TRAINER);
    let before = store.ledger(team).unwrap().len();
    let kinds_since = |store: &Store, from: usize| -> Vec<EntryKind> {
        store.ledger(team).unwrap()[from..]
            .iter()
            .map(|e| e.kind)
            .filter(|k| *k != EntryKind::ConsistencySnapshot)
            .collect()
    };

    let reader = who("Gerrit Bosma");
    let first = store.list_modules().unwrap()[0].id.clone();
    store.mark_module_read(reader, &first).unwrap();
    store.mark_module_read(reader, &first).unwrap();
    let log = store.ledger(team).unwrap();
    assert_eq!(log.len(), before + 1, "reading again is not a new event");
    let read = log.last().unwrap();
    assert_eq!(read.kind, EntryKind::TrainingModuleCompleted);
    assert_eq!(read.payload["module_id"], first.as_str());
    assert!(matches!(&read.actor, Actor::Member { name, .. } if name == "Gerrit Bosma"));

    let refused = store.set_min_agreement(team, trainer, Some(1.5));
    assert!(refused.is_err());
    assert_eq!(
        store.ledger(team).unwrap().len(),
        before + 1,
        "a refusal logs nothing"
    );
    store.set_min_agreement(team, trainer, Some(0.7)).unwrap();
    let set = store.ledger(team).unwrap().last().unwrap().clone();
    assert_eq!(set.kind, EntryKind::TrainingThresholdChanged);
    assert_eq!(set.payload["min_alpha"], 0.7);

    let people: Vec<i64> = PEOPLE.iter().map(|n| who(n)).collect();
    let s = store
        .start_session(team, trainer, "casus-havenstad", &[], &people)
        .unwrap();
    for &p in &people {
        score_all(&mut store, s.id, p, 1, |c, k| ((c + k) % 5 + 1) as i64);
    }
    for _ in 0..3 {
        store.advance_session(s.id, trainer).unwrap();
    }
    for &p in &people {
        score_all(&mut store, s.id, p, 2, |c, k| ((c + k) % 5 + 1) as i64);
    }
    store.advance_session(s.id, trainer).unwrap();
    store.set_min_agreement(team, trainer, None).unwrap();

    assert_eq!(
        kinds_since(&store, before),
        [
            EntryKind::TrainingModuleCompleted,
            EntryKind::TrainingThresholdChanged,
            EntryKind::TrainingSessionStarted,
            EntryKind::TrainingSessionCompleted,
            EntryKind::TrainingThresholdChanged,
        ]
    );
    let log = store.ledger(team).unwrap();
    let started = log
        .iter()
        .find(|e| e.kind == EntryKind::TrainingSessionStarted)
        .unwrap();
    assert_eq!(started.payload["case_id"], "casus-havenstad");
    assert_eq!(started.payload["participants"].as_array().unwrap().len(), 3);
    assert!(log.last().unwrap().payload["min_alpha"].is_null());
    assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));
}
