//! Scoring as a team runs into it, on a real database: the demo's revealed round,
//! a second round, conflicts, PINs, the decision and the unblinding.

use maatstaf_core::access::AccessError;
use maatstaf_core::assessor::PinError;
use maatstaf_core::ledger::EntryKind;

use crate::access::PinRefusal;
use maatstaf_core::assessor::ConflictKind;
use maatstaf_core::ledger::content_sha256;
use maatstaf_core::scoring::{
    self, CellEntry, PortfolioChoice, RoundView, Score, ScoringError, SheetStatus,
};
use rusqlite::params;

use super::reading::load_sheets;
use super::*;
use crate::Store;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    (dir, store)
}

struct Demo {
    team: i64,
    chair: i64,
    gerrit: i64,
    priya: i64,
    marloes: i64,
    trainer: i64,
}

fn demo(store: &Store) -> Demo {
    let team = store.list_teams().unwrap()[0].id;
    let members = store.scoring_members(team).unwrap();
    let id = |name: &str| members.iter().find(|m| m.name == name).unwrap().id;
    Demo {
        team,
        chair: id("Anneke de Wit"),
        gerrit: id("Gerrit Bosma"),
        priya: id("Priya Ramdin"),
        marloes: id("Marloes Kuipers"),
        trainer: id("Ellen Verhoef"),
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

fn fill_like_round_one(store: &mut Store, d: &Demo, member: i64, round: u32, tag: &str) {
    crate::fixtures::fill_from_previous(store, d.team, member, round, tag);
}

fn ledger_kinds(store: &Store, team: i64) -> Vec<EntryKind> {
    store.ledger(team).unwrap().iter().map(|e| e.kind).collect()
}

#[test]
fn a_fresh_folder_has_a_revealed_demo_round_and_an_open_one_that_priya_has_not_scored() {
    let (_dir, store) = store();
    let d = demo(&store);
    let overview = store.scoring_overview(d.team).unwrap();
    // The round's generic rubric, and the 80/20 rubrics of the demo's two posts.
    let keys: Vec<&str> = overview.rubrics.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "wethouder-algemeen",
            "wethouder-financien",
            "wethouder-wonen"
        ]
    );
    assert_eq!(overview.candidates, ["K-2XH", "K-7F3", "K-R4M"]);
    let rounds: Vec<_> = overview
        .rounds
        .iter()
        .map(|r| {
            (
                r.number,
                r.state.as_str(),
                r.progress.submitted,
                r.progress.total,
            )
        })
        .collect();
    assert_eq!(rounds, [(1, "revealed", 3, 3), (2, "open", 2, 3)]);
    // Everyone can sign in: the chair and the secretary with their passphrase (their
    // old PINs are gone), the others with their PIN.
    for m in &overview.members {
        let officer = matches!(m.role, Role::Chair | Role::Secretary);
        assert_eq!(
            (m.has_pin, m.has_passphrase),
            (!officer, officer),
            "{}",
            m.name
        );
    }
    assert!(overview.members.iter().filter(|m| m.has_pin).count() >= 4);

    let RoundView::Revealed { comparison } = store.round_view(d.team, d.chair, 1).unwrap() else {
        panic!("revealed");
    };
    assert_eq!(comparison.assessors.len(), 3);
    let r4m = comparison
        .candidates
        .iter()
        .find(|r| r.code == "K-R4M")
        .unwrap();
    let integrity = r4m
        .cells
        .iter()
        .find(|c| c.criterion == "integriteit")
        .unwrap();
    assert!(integrity.large_disagreement);
    assert!(r4m.mean_total.unwrap() < 40.0);
    let f3 = comparison
        .candidates
        .iter()
        .find(|r| r.code == "K-7F3")
        .unwrap();
    assert!(f3.mean_total.unwrap() > 80.0);

    let kinds = ledger_kinds(&store, d.team);
    for kind in [
        EntryKind::RubricFrozen,
        EntryKind::MaterialBlinded,
        EntryKind::RoundOpened,
        EntryKind::ScoreSubmitted,
        EntryKind::RoundRevealed,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} in {kinds:?}");
    }
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == EntryKind::ScoreSubmitted)
            .count(),
        5
    );
    // Round 2 waits for Priya alone: her sheet is empty, the others' are in; the
    // revision that Gerrit gave a reason for enters the log at the reveal, not now.
    let RoundView::Scoring { work, progress, .. } = store.round_view(d.team, d.priya, 2).unwrap()
    else {
        panic!("Priya scores round 2");
    };
    assert_eq!(progress.submitted, 2);
    assert!(work.sheet.is_none_or(|s| s.scores().is_empty()));
    assert_eq!(work.cells.len(), 18);
    assert!(!kinds.contains(&EntryKind::ScoreRevised));
    for done in [d.gerrit, d.marloes] {
        assert!(matches!(
            store.round_view(d.team, done, 2).unwrap(),
            RoundView::Scoring { work, .. } if work.sheet.as_ref().is_some_and(|s| s.is_submitted())
        ));
    }
    assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));
}

#[test]
fn the_demo_material_and_views_hold_no_identity() {
    let (_dir, store) = store();
    let d = demo(&store);
    let names = [
        "Sanne Hoekstra",
        "Hoekstra",
        "Mehmet Yildiz",
        "Yildiz",
        "Linden-Bakker",
    ];
    let material = store.round_material(d.team, d.gerrit, 1).unwrap();
    assert_eq!(material.len(), 3);
    let json = serde_json::to_string(&material).unwrap()
        + &serde_json::to_string(&store.round_view(d.team, d.gerrit, 1).unwrap()).unwrap()
        + &serde_json::to_string(&store.scoring_overview(d.team).unwrap()).unwrap();
    for name in names {
        assert!(!json.contains(name), "{name} leaked");
    }
}

#[test]
fn before_the_reveal_an_assessor_sees_only_their_own_sheet() {
    let (_dir, mut store) = store();
    let d = demo(&store);
    crate::fixtures::demo_finish_open_round(&mut store, d.team);
    let round = store.open_next_round(d.team, d.chair).unwrap();
    assert_eq!(round, 3);
    fill_like_round_one(&mut store, &d, d.gerrit, 3, "GERRIT-SECRET");
    store.submit_sheet(d.team, d.gerrit, 3).unwrap();
    fill_like_round_one(&mut store, &d, d.priya, 3, "PRIYA-DRAFT");

    for (viewer, own, others) in [
        (d.priya, "PRIYA-DRAFT", "GERRIT-SECRET"),
        (d.marloes, "", "GERRIT-SECRET"),
        (d.gerrit, "GERRIT-SECRET", "PRIYA-DRAFT"),
    ] {
        let view = store.round_view(d.team, viewer, 3).unwrap();
        let json = serde_json::to_string(&view).unwrap();
        assert!(!json.contains(others), "viewer {viewer} saw {others}");
        assert!(json.contains(own));
        for other in [d.gerrit, d.priya, d.marloes]
            .into_iter()
            .filter(|m| *m != viewer)
        {
            let sheet_of_other = format!("\"assessor\":\"{other}\",\"round\"");
            assert!(
                !json.contains(&sheet_of_other),
                "viewer {viewer} got {other}'s sheet"
            );
        }
        let RoundView::Scoring { progress, .. } = view else {
            panic!("scoring view before the reveal");
        };
        assert_eq!(
            progress,
            RoundProgress {
                submitted: 1,
                total: 3
            }
        );
    }
    // The chair does not score in this round: a count, nothing else.
    let chair = serde_json::to_string(&store.round_view(d.team, d.chair, 3).unwrap()).unwrap();
    assert!(chair.contains("\"view\":\"waiting\""), "{chair}");
    assert!(!chair.contains("GERRIT-SECRET") && !chair.contains("PRIYA-DRAFT"));
    // A trainer takes no part at all.
    assert!(matches!(
        store.round_view(d.team, d.trainer, 3),
        Err(StoreError::Access(AccessError::RoleNotAllowed { .. }))
    ));
}

#[test]
fn a_submit_is_one_transaction_and_a_submitted_sheet_is_final() {
    let (dir, mut store) = store();
    let d = demo(&store);
    crate::fixtures::demo_finish_open_round(&mut store, d.team);
    store.open_next_round(d.team, d.chair).unwrap();
    fill_like_round_one(&mut store, &d, d.gerrit, 3, "note");
    let before = store.ledger(d.team).unwrap().len();
    store.submit_sheet(d.team, d.gerrit, 3).unwrap();
    let entries = store.ledger(d.team).unwrap();
    assert_eq!(entries.len(), before + 1);
    let last = entries.last().unwrap();
    assert_eq!(last.kind, EntryKind::ScoreSubmitted);
    assert_eq!(last.payload["round"], 3);

    // What the log's hash says is exactly what is stored, also after reopening.
    drop(store);
    let mut store = Store::open_in(dir.path()).unwrap();
    let sheets = load_sheets(&store.conn, d.team, 3).unwrap();
    let sheet = sheets
        .iter()
        .find(|s| s.assessor() == d.gerrit.to_string())
        .unwrap();
    assert!(matches!(sheet.status(), SheetStatus::Submitted { .. }));
    assert_eq!(last.payload["sheet_sha256"], content_sha256(sheet));

    // Neither the core nor the database lets it change.
    let err = store
        .save_score(
            d.team,
            d.gerrit,
            3,
            score("K-7F3", "integriteit", 1, "anders"),
        )
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Scoring(ScoringError::SheetLocked)),
        "{err}"
    );
    let raw = store.conn.execute(
        "UPDATE score_sheets SET sheet = '{}' WHERE team_id = ?1 AND round = 3",
        [d.team],
    );
    assert!(raw.unwrap_err().to_string().contains("cannot change"));
    assert!(store.submit_sheet(d.team, d.gerrit, 3).is_err());
    assert_eq!(store.ledger(d.team).unwrap().len(), before + 1);
}

#[test]
fn bad_scores_and_incomplete_sheets_change_nothing() {
    let (_dir, mut store) = store();
    let d = demo(&store);
    crate::fixtures::demo_finish_open_round(&mut store, d.team);
    store.open_next_round(d.team, d.chair).unwrap();
    store
        .save_score(
            d.team,
            d.priya,
            3,
            score("K-7F3", "integriteit", 4, "eerste"),
        )
        .unwrap();
    let snapshot = |store: &Store| {
        (
            load_sheets(&store.conn, d.team, 3).unwrap(),
            store.ledger(d.team).unwrap().len(),
        )
    };
    let before = snapshot(&store);
    let bad = [
        score("K-7F3", "integriteit", 9, "buiten de schaal"),
        score("K-XXX", "integriteit", 3, "onbekende kandidaat"),
        score("K-7F3", "bestaat-niet", 3, "onbekend criterium"),
        score(
            "K-7F3",
            "integriteit",
            3,
            &"x".repeat(scoring::MAX_EVIDENCE_CHARS + 1),
        ),
    ];
    for s in bad {
        assert!(store.save_score(d.team, d.priya, 3, s).is_err());
    }
    // Someone outside the round, and a sheet that is not complete.
    assert!(store
        .save_score(d.team, d.trainer, 3, score("K-7F3", "integriteit", 3, "x"))
        .is_err());
    let err = store.submit_sheet(d.team, d.priya, 3).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Scoring(ScoringError::Incomplete { missing: 17 })
        ),
        "{err}"
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_re_score_needs_reasons_keeps_the_old_round_and_is_logged() {
    let (_dir, mut store) = store();
    let d = demo(&store);
    crate::fixtures::demo_finish_open_round(&mut store, d.team);
    let revisions_before = ledger_kinds(&store, d.team)
        .iter()
        .filter(|k| **k == EntryKind::ScoreRevised)
        .count();
    let round_one = serde_json::to_string(&store.round_view(d.team, d.chair, 1).unwrap()).unwrap();
    // Only the chair opens the next round.
    assert!(store.open_next_round(d.team, d.gerrit).is_err());
    store.open_next_round(d.team, d.chair).unwrap();
    fill_like_round_one(&mut store, &d, d.gerrit, 3, "herzien");
    store
        .save_score(
            d.team,
            d.gerrit,
            3,
            score("K-R4M", "integriteit", 3, "na bespreking"),
        )
        .unwrap();
    let err = store.submit_sheet(d.team, d.gerrit, 3).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Scoring(ScoringError::RevisionReasonRequired { .. })
        ),
        "{err}"
    );
    let mut changed = score("K-R4M", "integriteit", 3, "na bespreking");
    changed.reason = Some("Na de bespreking: melden in het college telt als volle stap.".into());
    store.save_score(d.team, d.gerrit, 3, changed).unwrap();
    store.submit_sheet(d.team, d.gerrit, 3).unwrap();
    // Before the reveal the log holds the sheet's hash and nothing of its levels or
    // reasons: nobody can work out Gerrit's revised sheet from it.
    let entries = store.ledger(d.team).unwrap();
    let submitted = entries.last().unwrap();
    assert_eq!(submitted.kind, EntryKind::ScoreSubmitted);
    let keys: Vec<&String> = submitted.payload.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["round", "sheet_sha256"]);
    assert_eq!(
        entries
            .iter()
            .filter(|e| e.kind == EntryKind::ScoreRevised)
            .count(),
        revisions_before
    );
    let log_text = serde_json::to_string(&entries).unwrap();
    assert!(!log_text.contains("volle stap") && !log_text.contains("na bespreking"));

    for m in [d.priya, d.marloes] {
        fill_like_round_one(&mut store, &d, m, 3, "gelijk");
        store.submit_sheet(d.team, m, 3).unwrap();
    }
    store.reveal_round(d.team, d.chair, 3).unwrap();
    // The reveal writes the revisions, named after the assessor who made them.
    let entries = store.ledger(d.team).unwrap();
    let revised: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == EntryKind::ScoreRevised && e.payload["round"] == 3)
        .collect();
    assert_eq!(revised.len(), 1);
    let revised = revised[0];
    assert!(
        matches!(&revised.actor, LedgerActor::Member { id, .. } if *id == d.gerrit.to_string())
    );
    assert!(revised.payload["reason"]
        .as_str()
        .unwrap()
        .contains("volle stap"));
    assert_eq!(revised.payload["changes"][0]["old"], 2);
    assert_eq!(revised.payload["changes"][0]["new"], 3);
    // Round 1 reads exactly as before; round 3 shows the reason next to the new level.
    assert_eq!(
        serde_json::to_string(&store.round_view(d.team, d.chair, 1).unwrap()).unwrap(),
        round_one
    );
    let RoundView::Revealed { comparison } = store.round_view(d.team, d.gerrit, 3).unwrap() else {
        panic!("revealed");
    };
    let cell = comparison
        .candidates
        .iter()
        .find(|r| r.code == "K-R4M")
        .unwrap()
        .cells
        .iter()
        .find(|c| c.criterion == "integriteit")
        .unwrap();
    assert!(cell.entries.iter().any(|e| matches!(
        e,
        CellEntry::Scored { level: 3, reason: Some(r), .. } if r.contains("volle stap")
    )));
    // A revealed round is final in the database too.
    let raw = store.conn.execute(
        "UPDATE scoring_rounds SET status = 'open' WHERE team_id = ?1 AND number = 3",
        [d.team],
    );
    assert!(raw.unwrap_err().to_string().contains("cannot change"));
}

#[test]
fn the_chair_closes_a_round_and_the_missing_are_recorded() {
    let (_dir, mut store) = store();
    let d = demo(&store);
    crate::fixtures::demo_finish_open_round(&mut store, d.team);
    store.open_next_round(d.team, d.chair).unwrap();
    // Nothing in yet: neither close nor reveal.
    assert!(store.close_round(d.team, d.chair, 3).is_err());
    fill_like_round_one(&mut store, &d, d.marloes, 3, "m");
    store.submit_sheet(d.team, d.marloes, 3).unwrap();
    let err = store.reveal_round(d.team, d.chair, 3).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Scoring(ScoringError::NotAllSubmitted { missing: 2 })
        ),
        "{err}"
    );
    assert!(
        store.close_round(d.team, d.gerrit, 3).is_err(),
        "chair only"
    );
    store.close_round(d.team, d.chair, 3).unwrap();
    let closed = store.ledger(d.team).unwrap().last().unwrap().clone();
    assert_eq!(closed.kind, EntryKind::RoundClosed);
    let mut missing = vec![d.gerrit.to_string(), d.priya.to_string()];
    missing.sort();
    assert_eq!(
        closed.payload["missing_assessors"],
        serde_json::json!(missing)
    );
    store.reveal_round(d.team, d.chair, 3).unwrap();
    let RoundView::Revealed { comparison } = store.round_view(d.team, d.priya, 3).unwrap() else {
        panic!("revealed");
    };
    assert_eq!(
        comparison.assessors.iter().filter(|a| a.submitted).count(),
        1
    );
}

#[test]
fn pins_are_hashed_checked_and_not_replaced() {
    let (_dir, mut store) = store();
    let d = demo(&store);
    assert_eq!(
        store.verify_pin(d.team, d.gerrit, "1357").unwrap(),
        Ok(Role::Assessor)
    );
    assert_eq!(
        store.verify_pin(d.team, d.gerrit, "1358").unwrap(),
        Err(PinRefusal::Wrong)
    );
    let salt = [3u8; 16];
    assert!(matches!(
        store.set_pin(d.team, d.gerrit, "8024", &salt, Some(d.chair)),
        Err(StoreError::PinAlreadySet)
    ));
    let newcomer = store
        .add_member(d.team, "Nieuwkomer", Role::Assessor, None, Some(d.chair))
        .unwrap()
        .id;
    assert_eq!(
        store.verify_pin(d.team, newcomer, "1357").unwrap(),
        Err(PinRefusal::NotSet)
    );
    assert!(matches!(
        store.set_pin(d.team, newcomer, "1111", &salt, Some(d.chair)),
        Err(StoreError::Pin(PinError::TooEasy))
    ));
    assert!(!store
        .scoring_members(d.team)
        .unwrap()
        .iter()
        .any(|m| m.id == newcomer && m.has_pin));
    store
        .set_pin(d.team, newcomer, "8024", &salt, Some(d.chair))
        .unwrap();
    assert_eq!(
        store.verify_pin(d.team, newcomer, "8024").unwrap(),
        Ok(Role::Assessor)
    );
    let stored: String = store
        .conn
        .query_row(
            "SELECT pin_hash FROM member_pins WHERE member_id = ?1",
            [newcomer],
            |r| r.get(0),
        )
        .unwrap();
    assert!(stored.starts_with("$argon2id$") && !stored.contains("8024"));
    // A member of another team cannot be used here.
    let other = store.create_team("Ander team").unwrap();
    assert!(matches!(
        store.verify_pin(other.id, d.gerrit, "1357"),
        Err(StoreError::NoSuchMember(_))
    ));
}

#[test]
fn a_family_tie_declared_during_a_round_excludes_and_is_logged_without_names() {
    let (_dir, mut store) = store();
    let d = demo(&store);
    crate::fixtures::demo_finish_open_round(&mut store, d.team);
    store.open_next_round(d.team, d.chair).unwrap();
    store
        .save_score(
            d.team,
            d.priya,
            3,
            score("K-2XH", "integriteit", 3, "concept"),
        )
        .unwrap();
    let stored = store
        .declare_conflict(d.team, d.priya, "K-2XH", ConflictKind::Family, None)
        .unwrap();
    assert_eq!(stored.action, ConflictAction::Exclude);
    let last = store.ledger(d.team).unwrap().last().unwrap().clone();
    assert_eq!(last.kind, EntryKind::ConflictDeclared);
    assert_eq!(last.payload["candidate_code"], "K-2XH");
    let RoundView::Scoring { work, .. } = store.round_view(d.team, d.priya, 3).unwrap() else {
        panic!("scoring");
    };
    assert_eq!(work.excluded, ["K-2XH"]);
    assert!(work.cells.iter().all(|c| c.candidate != "K-2XH"));
    assert!(
        work.sheet.unwrap().scores().is_empty(),
        "the draft lost that candidate"
    );
    // Recognising someone is declared, not excluded; an unknown code is refused.
    let recognised = store
        .declare_conflict(
            d.team,
            d.gerrit,
            "K-7F3",
            ConflictKind::RecognisesPerson,
            None,
        )
        .unwrap();
    assert_eq!(recognised.action, ConflictAction::DeclareOnly);
    assert!(store
        .declare_conflict(d.team, d.gerrit, "K-NOPE", ConflictKind::Family, None)
        .is_err());
    // Assessors see their own declarations; the chair sees all.
    assert_eq!(
        store.conflict_declarations(d.team, d.gerrit).unwrap().len(),
        1
    );
    assert_eq!(
        store.conflict_declarations(d.team, d.chair).unwrap().len(),
        2
    );
}

#[test]
fn team_rules_and_overrides_need_the_chair_and_a_reason() {
    let (_dir, mut store) = store();
    let d = demo(&store);
    crate::fixtures::demo_finish_open_round(&mut store, d.team);
    let before = store.ledger(d.team).unwrap().len();
    assert!(store
        .set_conflict_rule(
            d.team,
            d.chair,
            ConflictKind::SameFraction,
            ConflictAction::Exclude,
            " "
        )
        .is_err());
    assert!(store
        .set_conflict_rule(
            d.team,
            d.gerrit,
            ConflictKind::SameFraction,
            ConflictAction::Exclude,
            "x"
        )
        .is_err());
    assert_eq!(store.ledger(d.team).unwrap().len(), before);
    let policy = store
        .set_conflict_rule(
            d.team,
            d.chair,
            ConflictKind::SameFraction,
            ConflictAction::Exclude,
            "Afspraak in het team",
        )
        .unwrap();
    assert_eq!(
        policy.action(ConflictKind::SameFraction),
        ConflictAction::Exclude
    );
    assert_eq!(store.scoring_overview(d.team).unwrap().policy, policy);

    let declared = store
        .declare_conflict(d.team, d.marloes, "K-R4M", ConflictKind::Family, None)
        .unwrap();
    assert!(store
        .override_conflict(
            d.team,
            d.chair,
            declared.id,
            ConflictAction::DeclareOnly,
            ""
        )
        .is_err());
    let overridden = store
        .override_conflict(
            d.team,
            d.chair,
            declared.id,
            ConflictAction::DeclareOnly,
            "Verre neef, nooit ontmoet",
        )
        .unwrap();
    assert_eq!(overridden.action, ConflictAction::DeclareOnly);
    let last = store.ledger(d.team).unwrap().last().unwrap().clone();
    assert_eq!(last.kind, EntryKind::ConflictOverridden);
    assert_eq!(last.payload["reason"], "Verre neef, nooit ontmoet");
}

#[test]
fn unblinding_comes_once_after_the_decision_and_only_from_the_chair() {
    let (_dir, mut store) = store();
    let d = demo(&store);
    crate::fixtures::demo_finish_open_round(&mut store, d.team);
    // Only the officers hold a passphrase for the sealed names.
    let chair = crate::fixtures::demo_unlock(&mut store, d.team, Role::Chair);
    let secretary = crate::fixtures::demo_unlock(&mut store, d.team, Role::Secretary);
    assert!(matches!(
        store.unblinded_candidates(&chair),
        Err(StoreError::Access(AccessError::UnblindingNeeded { .. }))
    ));
    assert!(matches!(
        store.unblind(&chair, "te vroeg"),
        Err(StoreError::Access(AccessError::DecisionNeeded { .. }))
    ));
    let choice = PortfolioChoice {
        portfolio: "Wonen".into(),
        candidates: vec!["K-7F3".into()],
        reason: "Hoogste onderbouwde scores, geen knock-out.".into(),
    };
    let mut no_reason = choice.clone();
    no_reason.reason = " ".into();
    assert!(store
        .record_decision(d.team, d.chair, vec![no_reason])
        .is_err());
    assert!(store
        .record_decision(d.team, d.gerrit, vec![choice.clone()])
        .is_err());
    let state = store
        .record_decision(d.team, d.chair, vec![choice.clone()])
        .unwrap();
    assert_eq!(state.decision.unwrap().choices, vec![choice.clone()]);
    assert!(
        store
            .record_decision(d.team, d.chair, vec![choice])
            .is_err(),
        "once"
    );
    // The secretary has unlocked the names too, but unblinding is the chair's alone;
    // an assessor cannot even unlock them.
    assert!(
        matches!(
            store.unblind(&secretary, "Besluit genomen"),
            Err(StoreError::Access(AccessError::RoleNotAllowed { .. }))
        ),
        "chair only"
    );
    assert!(matches!(
        store.unlock(d.team, d.gerrit, crate::fixtures::DEMO_CHAIR_PASSPHRASE),
        Err(StoreError::Sealing(
            crate::sealing::SealingError::NotAnOfficer { .. }
        ))
    ));
    assert!(matches!(
        store.unblinded_candidates(&secretary),
        Err(StoreError::Access(AccessError::UnblindingNeeded { .. }))
    ));
    let names = store.unblind(&chair, "Besluit genomen").unwrap();
    assert!(names
        .iter()
        .any(|c| c.code == "K-7F3" && c.name == "Sanne Hoekstra"));
    // Once unblinded, both officers read the names with their unlock.
    assert_eq!(store.unblinded_candidates(&secretary).unwrap(), names);
    assert!(store.unblind(&chair, "nog eens").is_err());
    let kinds = ledger_kinds(&store, d.team);
    assert!(kinds.ends_with(&[
        EntryKind::DecisionRecorded,
        EntryKind::Unblinded,
        EntryKind::OwnPartyLeniency
    ]));
    // The log names codes, never people.
    let log = serde_json::to_string(&store.ledger(d.team).unwrap()).unwrap();
    assert!(!log.contains("Hoekstra"));
}

#[test]
fn a_new_team_opens_round_one_only_on_a_frozen_rubric_and_blinded_material() {
    let (_dir, mut store) = store();
    let d = demo(&store);
    let team = store.create_team("Lindeveld").unwrap().id;
    let chair = store
        .add_member(team, "Voorzitter", Role::Chair, None, None)
        .unwrap()
        .id;
    let a = store
        .add_member(team, "Een", Role::Assessor, None, None)
        .unwrap()
        .id;
    let choice = vec![AssessorChoice {
        member_id: a,
        mode: ScoringMode::ByCriterion,
    }];
    // No frozen rubric in this team: the demo's rubric id belongs to another team.
    let demo_rubric = store.scoring_overview(d.team).unwrap().rubrics[0].id;
    assert!(matches!(
        store.open_round(team, chair, demo_rubric, vec!["K-1".into()], choice.clone()),
        Err(StoreError::RubricNotFrozen(_))
    ));
    let source = include_str!("../../../../content/rubrics/wethouder-algemeen.toml");
    store
        .conn
        .execute(
            "INSERT INTO rubric_versions (team_id, rubric_key, version, source_toml, sha256, frozen_at, created_at)
             VALUES (?1, 'r', 1, ?2, 'abc', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            params![team, source],
        )
        .unwrap();
    let rubric = store.conn.last_insert_rowid();
    store
        .conn
        .execute(
            "INSERT INTO candidates (team_id, code, created_at) VALUES (?1, 'K-1', '2026-01-01T00:00:00Z')",
            [team],
        )
        .unwrap();
    // A candidate without frozen material cannot be scored, and the demo's codes are not ours.
    assert!(matches!(
        store.open_round(team, chair, rubric, vec!["K-1".into()], choice.clone()),
        Err(StoreError::NotBlinded(_))
    ));
    assert!(store
        .open_round(team, chair, rubric, vec!["K-7F3".into()], choice.clone())
        .is_err());
    let cid: i64 = store
        .conn
        .query_row(
            "SELECT id FROM candidates WHERE team_id = ?1 AND code = 'K-1'",
            [team],
            |r| r.get(0),
        )
        .unwrap();
    store
        .conn
        .execute(
            "INSERT INTO candidate_material (candidate_id, kind, original_text, blinded_text, blinded_sha256, frozen_at, created_at)
             VALUES (?1, 'motivation', 'x', 'x', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            [cid],
        )
        .unwrap();
    assert!(
        store
            .open_round(team, a, rubric, vec!["K-1".into()], choice.clone())
            .is_err(),
        "chair only"
    );
    // A trainer's minimum agreement on practice cases keeps live scoring closed until
    // the team reaches it; refusing writes no round.
    let trainer = store
        .add_member(team, "Trainer", Role::Trainer, None, None)
        .unwrap()
        .id;
    store.set_min_agreement(team, trainer, Some(0.667)).unwrap();
    assert!(matches!(
        store.open_round(team, chair, rubric, vec!["K-1".into()], choice.clone()),
        Err(StoreError::LiveScoringClosed)
    ));
    assert!(store.scoring_overview(team).unwrap().rounds.is_empty());
    store.set_min_agreement(team, trainer, None).unwrap();
    assert_eq!(
        store
            .open_round(team, chair, rubric, vec!["K-1".into()], choice.clone())
            .unwrap(),
        1
    );
    assert!(matches!(
        store.open_round(team, chair, rubric, vec!["K-1".into()], choice),
        Err(StoreError::RoundsExist)
    ));
    let RoundView::Scoring { work, .. } = store.round_view(team, a, 1).unwrap() else {
        panic!("scoring");
    };
    assert_eq!(work.cells.len(), 6);
}

#[test]
fn the_comparison_exports_as_standalone_escaped_html_after_the_reveal_only() {
    let (_dir, mut store) = store();
    let d = demo(&store);
    crate::fixtures::demo_finish_open_round(&mut store, d.team);
    let html = store
        .comparison_html(d.team, d.priya, 1, maatstaf_core::i18n::Lang::Nl)
        .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for code in ["K-7F3", "K-R4M", "K-2XH"] {
        assert!(html.contains(code));
    }
    assert!(html.contains("Gerrit Bosma"), "assessors by name");
    assert!(
        html.contains("class=\"large\""),
        "the large disagreement is marked"
    );
    assert!(html.contains("Onderbouwingen"));
    assert!(!html.contains("Hoekstra") && !html.contains("<script"));
    store.open_next_round(d.team, d.chair).unwrap();
    store
        .save_score(
            d.team,
            d.gerrit,
            3,
            score("K-7F3", "integriteit", 4, "<script>x</script>"),
        )
        .unwrap();
    assert!(matches!(
        store.comparison_html(d.team, d.gerrit, 3, maatstaf_core::i18n::Lang::En),
        Err(StoreError::Scoring(ScoringError::NotRevealed))
    ));
    assert!(store
        .comparison_html(d.team, d.trainer, 1, maatstaf_core::i18n::Lang::Nl)
        .is_err());
}

#[test]
fn an_exported_comparison_sheet_is_in_the_log_with_who_and_the_files_hash() {
    use sha2::{Digest, Sha256};

    let (_dir, mut store) = store();
    let d = demo(&store);
    let html = store
        .comparison_html(d.team, d.priya, 1, maatstaf_core::i18n::Lang::Nl)
        .unwrap();
    let before = store.ledger(d.team).unwrap().len();
    store
        .log_comparison_export(d.team, d.priya, 1, &html, "vergelijkingsblad.html")
        .unwrap();
    let log = store.ledger(d.team).unwrap();
    assert_eq!(log.len(), before + 1);
    let entry = log.last().unwrap();
    assert_eq!(entry.kind, EntryKind::ComparisonSheetExported);
    assert_eq!(entry.payload["round"], 1);
    assert_eq!(
        entry.payload["html_sha256"],
        hex::encode(Sha256::digest(html.as_bytes())).as_str()
    );
    assert!(matches!(&entry.actor, LedgerActor::Member { name, .. } if name == "Priya Ramdin"));
    assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));

    let other = store.create_team("Ander team").unwrap().id;
    assert!(
        store
            .log_comparison_export(other, d.priya, 1, &html, "x.html")
            .is_err(),
        "a member of another team is refused"
    );
    assert_eq!(store.ledger(d.team).unwrap().len(), before + 1);
}

#[test]
fn the_next_round_is_set_up_by_the_chair_and_none_opens_after_the_decision() {
    let (_dir, mut store) = store();
    let d = demo(&store);
    // While round 2 is open, no next round: the plan says the previous one is not revealed.
    let plan = store.next_round_plan(d.team).unwrap().unwrap();
    assert_eq!(
        (plan.number, plan.previous, plan.previous_revealed),
        (3, 2, false)
    );
    assert!(store.open_next_round(d.team, d.chair).is_err());
    crate::fixtures::demo_finish_open_round(&mut store, d.team);
    let plan = store.next_round_plan(d.team).unwrap().unwrap();
    assert_eq!((plan.number, plan.previous), (3, 2));
    assert!(plan.previous_revealed && !plan.decided);
    assert_eq!(plan.carried.candidates.len(), 3);
    assert_eq!(plan.carried.assessors.len(), 3);
    assert!(plan.new_candidates.is_empty());

    // A code without blinded material cannot join.
    let gerrit = AssessorChoice {
        member_id: d.gerrit,
        mode: ScoringMode::ByCriterion,
    };
    let mut codes = plan.carried.candidates.clone();
    codes.push("K-ZZZ".into());
    assert!(matches!(
        store.open_next_round_with(d.team, d.chair, codes, vec![gerrit.clone()]),
        Err(StoreError::NotBlinded(code)) if code == "K-ZZZ"
    ));
    // Two candidates and one assessor: Priya is not asked, Gerrit works by criterion.
    let two = plan.carried.candidates[..2].to_vec();
    assert!(store
        .open_next_round_with(d.team, d.gerrit, two.clone(), vec![gerrit.clone()])
        .is_err());
    let n = store
        .open_next_round_with(d.team, d.chair, two.clone(), vec![gerrit])
        .unwrap();
    assert_eq!(n, 3);
    let RoundView::Scoring { work, .. } = store.round_view(d.team, d.gerrit, 3).unwrap() else {
        panic!("Gerrit scores round 3");
    };
    assert!(work.cells.iter().all(|c| two.contains(&c.candidate)));
    assert!(store.round_view(d.team, d.priya, 3).is_err());
    let opened = store.ledger(d.team).unwrap();
    let last = opened
        .iter()
        .rev()
        .find(|e| e.kind == EntryKind::RoundOpened)
        .unwrap();
    assert_eq!(last.payload["candidate_codes"], serde_json::json!(two));

    // After a decision on a revealed round, no round opens any more.
    let (_dir2, mut store) = self::store();
    let d = demo(&store);
    crate::fixtures::demo_finish_open_round(&mut store, d.team);
    let choice = PortfolioChoice {
        portfolio: "Wonen".into(),
        candidates: vec!["K-7F3".into()],
        reason: "Hoogste onderbouwde scores.".into(),
    };
    store
        .record_decision(d.team, d.chair, vec![choice])
        .unwrap();
    assert!(store.next_round_plan(d.team).unwrap().unwrap().decided);
    assert!(matches!(
        store.open_next_round(d.team, d.chair),
        Err(StoreError::Scoring(ScoringError::RoundAfterDecision))
    ));
}

#[test]
fn the_comparison_page_of_a_round_for_two_posts_has_a_section_per_post() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let team = crate::fixtures::posts_round_revealed(&mut store);
    let chair = store.find_member(team, "Voorzitter").unwrap().unwrap().id;
    let nl = store
        .comparison_html(team, chair, 1, maatstaf_core::i18n::Lang::Nl)
        .unwrap();
    assert!(nl.contains("<h2>Post Financiën</h2>"), "{nl}");
    assert!(nl.contains("<h2>Post Wonen</h2>"), "{nl}");
    assert!(nl.contains("Gemiddeld gewogen totaal (0–100)"), "{nl}");
    // A total belongs to one post: the main table has no total column.
    assert!(!nl.contains("<th>Gewogen totaal (0–100)</th>"), "{nl}");
    let en = store
        .comparison_html(team, chair, 1, maatstaf_core::i18n::Lang::En)
        .unwrap();
    assert!(en.contains("Mean weighted total (0–100)"), "{en}");
    // The demo round has no posts: no post section.
    let demo_dir = tempfile::tempdir().unwrap();
    let demo = Store::open_in(demo_dir.path()).unwrap();
    let demo_team = crate::fixtures::demo_team(&demo);
    let demo_chair = crate::fixtures::demo_member(&demo, demo_team, Role::Chair);
    let html = demo
        .comparison_html(demo_team, demo_chair, 1, maatstaf_core::i18n::Lang::Nl)
        .unwrap();
    assert!(!html.contains("class=\"post\""));
    assert!(html.contains("<th>Gewogen totaal (0–100)</th></tr></thead>\n<tbody>\n"));
}
