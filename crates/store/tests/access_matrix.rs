//! The access matrix (issue 13): every store method that changes or reveals team
//! data, called by each acting role of the demo team, by nobody, after an expired
//! session and from the command line without `--as`, must allow exactly what
//! `maatstaf_core::access::check` allows. A refusal
//! is exactly core's `AccessError` and changes nothing; an allowed call is never an
//! access refusal (it may still fail for a reason of its own, which is printed).
//!
//! The methods that open sealed identities or texts, or sign an export, take an
//! officer's unlock instead of a member id: only the chair and the secretary, signed
//! in with their passphrase, can call them at all. For everyone else the matrix checks
//! that core refuses them too, and that the store gives them no unlock.
//!
//! The data folder is prepared once; each allowed call runs on a fresh copy of its
//! database, so no call sees what another one did.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use maatstaf_core::access::{self, Acting, Action, SessionPolicy, Sessions, TeamState};
use maatstaf_core::assessor::{ConflictAction, ConflictKind};
use maatstaf_core::i18n::Lang;
use maatstaf_core::retention::format_date;
use maatstaf_core::scoring::{PortfolioChoice, Score, ScoringMode};
use maatstaf_core::team::Role;
use maatstaf_store::access::Interface;
use maatstaf_store::candidates::{IdentityInput, MaterialInput};
use maatstaf_store::fixtures::{
    demo_finish_open_round, demo_member, demo_team, demo_unlock, DEMO_CHAIR_PASSPHRASE,
};
use maatstaf_store::privacy::ErasureReason;
use maatstaf_store::scoring::AssessorChoice;
use maatstaf_store::sealing::{SealingError, Unlocked};
use maatstaf_store::training::{Answer, ContentKind, ImportOutcome};
use maatstaf_store::{Store, StoreError, DB_FILE};
use serde_json::{json, Value};

const SALT: [u8; 16] = [7; 16];
/// A passphrase an officer chooses in the matrix (sealing, giving access).
const NEW_PASSPHRASE: &str = "zeegras hooiberg lantaarnpaal";
const DEMO_ROUND: u32 = 1;
const PRACTICE_CASE: &str = "casus-havenstad";
const MODULE: &str = "m01-waarom-structuur-werkt";

/// A trainer's module file, as the Training area imports it.
fn module_file(id: &str, order: u32) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"Eigen module {id}\"\nsummary = \"Van de trainer.\"\nminutes = 10\ngoals = [\"Je kunt het.\"]\naudience = [\"negotiator\"]\norder = {order}\n+++\n# Eigen module\n\nOver **onderhandelen**.\n\n## Bronnen\n\n- Eigen ervaring.\n"
    )
}

/// What the prepared folder holds beyond the bundled demo, by id.
#[derive(Debug, Clone)]
struct Ctx {
    team: i64,
    chair: i64,
    secretary: i64,
    assessor: i64,
    trainer: i64,
    committee: i64,
    /// The chair and the secretary, signed in with their passphrase.
    chair_unlock: Unlocked,
    secretary_unlock: Unlocked,
    /// A member the chair added, without a PIN.
    no_pin: i64,
    /// The demo's frozen rubric version and a draft the chair made.
    frozen_rubric: i64,
    draft_rubric: i64,
    /// A candidate the chair took in, with material not yet frozen (not in scoring).
    new_code: String,
    new_material: i64,
    /// A conflict declared by the assessor, for the chair to override.
    declaration: i64,
    /// A practice session led by the trainer, the three assessors taking part.
    session: i64,
    /// A module the trainer imported, which may be removed.
    imported_module: String,
}

/// Seeds a data folder, adds what the matrix needs (as the members the rules let do
/// it), and returns the folder with the store still open on it.
fn prepare() -> (tempfile::TempDir, Store, Ctx) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let team = demo_team(&store);
    demo_finish_open_round(&mut store, team);
    let chair = demo_member(&store, team, Role::Chair);
    let secretary = demo_member(&store, team, Role::Secretary);
    let assessor = demo_member(&store, team, Role::Assessor);
    let trainer = demo_member(&store, team, Role::Trainer);
    let committee = demo_member(&store, team, Role::Committee);
    let chair_unlock = demo_unlock(&mut store, team, Role::Chair);
    let secretary_unlock = demo_unlock(&mut store, team, Role::Secretary);
    let assessors: Vec<i64> = store
        .team_detail(team)
        .unwrap()
        .members
        .iter()
        .filter(|m| m.role == Role::Assessor)
        .map(|m| m.id)
        .collect();

    let no_pin = store
        .add_member(team, "Nog geen pincode", Role::Assessor, None, Some(chair))
        .unwrap()
        .id;
    let frozen_rubric = store.frozen_rubrics(team).unwrap()[0].version_id;
    let draft_rubric = store
        .create_rubric_from_template(team, "wethouder-financien", Some(chair))
        .unwrap()
        .version_id;
    let new_code = store
        .add_candidate(
            &chair_unlock,
            &IdentityInput {
                name: "Fenna Dijkstra".into(),
                party: Some("Voorbeeld Lokaal".into()),
                ..IdentityInput::default()
            },
            &[MaterialInput {
                kind: maatstaf_core::scoring::SectionKind::Motivation,
                criterion: None,
                text: "Ik ben Fenna Dijkstra en woon al twintig jaar in Voorbeeld.".into(),
            }],
        )
        .unwrap();
    let new_material = store
        .candidates(team)
        .unwrap()
        .into_iter()
        .find(|c| c.code == new_code)
        .unwrap()
        .material[0]
        .id;
    let declaration = store
        .declare_conflict(
            team,
            assessor,
            "K-R4M",
            ConflictKind::Family,
            Some("Een neef."),
        )
        .unwrap()
        .id;
    let session = store
        .start_session(team, trainer, PRACTICE_CASE, &[], &assessors)
        .unwrap()
        .id;
    let imported_module = "eigen-voorbereid".to_owned();
    let outcome = store
        .import_content(
            trainer,
            "eigen-voorbereid.md",
            &module_file(&imported_module, 60),
        )
        .unwrap();
    assert!(
        matches!(outcome, ImportOutcome::Installed { .. }),
        "{outcome:?}"
    );

    let ctx = Ctx {
        team,
        chair,
        secretary,
        assessor,
        trainer,
        committee,
        chair_unlock,
        secretary_unlock,
        no_pin,
        frozen_rubric,
        draft_rubric,
        new_code,
        new_material,
        declaration,
        session,
        imported_module,
    };
    (dir, store, ctx)
}

/// Closes the store and folds the write-ahead log into the database file, so that
/// copying that one file copies everything.
fn seal(dir: &Path, store: Store) -> PathBuf {
    drop(store);
    let db = dir.join(DB_FILE);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        r.get::<_, i64>(0)
    })
    .unwrap();
    drop(conn);
    db
}

/// A store on a fresh copy of the sealed database.
fn fresh_copy(db: &Path) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(db, dir.path().join(DB_FILE)).unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    (dir, store)
}

/// Everything a refused call might have changed, as JSON.
fn snapshot(store: &Store, ctx: &Ctx) -> Value {
    let t = ctx.team;
    let members = store.team_detail(t).unwrap().members;
    let progress: Vec<Value> = members
        .iter()
        .map(|m| json!([m.id, store.training_progress(m.id).unwrap()]))
        .collect();
    json!({
        "ledger": store.ledger(t).unwrap(),
        "team_detail": store.team_detail(t).unwrap(),
        "list_rubrics": store.list_rubrics(t).unwrap(),
        "candidates": store.candidates(t).unwrap(),
        "scoring_overview": store.scoring_overview(t).unwrap(),
        "training_status": store.training_status(t).unwrap(),
        // What the PIN, practice and training-content calls would touch.
        "scoring_members": store.scoring_members(t).unwrap(),
        "training_progress": progress,
        "sessions": store.list_sessions(t).unwrap(),
        "modules": store.list_modules().unwrap(),
        "cases": store.list_cases().unwrap(),
        "snapshots": store.snapshots(t).unwrap(),
    })
}

type Outcome = Result<(), StoreError>;

/// How a store method names who acts.
#[derive(Clone, Copy)]
enum Call {
    /// `actor: Option<i64>`: nobody acting is a case the store itself decides.
    Optional(fn(&mut Store, &Ctx, Option<i64>) -> Outcome),
    /// `actor_member: i64`: the app's command layer (`require_actor` in
    /// src-tauri/src/commands/access.rs) refuses nobody before the store is asked,
    /// so the nobody and expired-session callers are skipped for these.
    Member(fn(&mut Store, &Ctx, i64) -> Outcome),
    /// `by: &Unlocked`: only a chair or secretary who typed their passphrase has one,
    /// so only they can call these; for anyone else core must refuse as well.
    Unlocked(fn(&mut Store, &Ctx, &Unlocked) -> Outcome),
}

#[derive(Clone, Copy)]
struct Row {
    action: Action,
    method: &'static str,
    call: Call,
}

fn opt(
    action: Action,
    method: &'static str,
    f: fn(&mut Store, &Ctx, Option<i64>) -> Outcome,
) -> Row {
    Row {
        action,
        method,
        call: Call::Optional(f),
    }
}

fn mem(action: Action, method: &'static str, f: fn(&mut Store, &Ctx, i64) -> Outcome) -> Row {
    Row {
        action,
        method,
        call: Call::Member(f),
    }
}

fn unl(action: Action, method: &'static str, f: fn(&mut Store, &Ctx, &Unlocked) -> Outcome) -> Row {
    Row {
        action,
        method,
        call: Call::Unlocked(f),
    }
}

/// One row per store method that changes or reveals team data, with the action the
/// store is expected to check for it.
fn table() -> Vec<Row> {
    use Action as A;
    vec![
        // --- the team and its members ---
        opt(A::RenameTeam, "rename_team", |s, c, a| {
            s.rename_team(c.team, "Formatie Voorbeeld", a).map(drop)
        }),
        opt(A::DeleteTeam, "delete_team", |s, c, a| {
            s.delete_team(c.team, a)
        }),
        opt(A::ChangeMembers, "add_member", |s, c, a| {
            s.add_member(c.team, "Nieuw lid", Role::Committee, Some("Groen"), a)
                .map(drop)
        }),
        opt(A::ChangeMembers, "update_member", |s, c, a| {
            s.update_member(c.team, c.no_pin, "Andere naam", Role::Assessor, None, a)
                .map(drop)
        }),
        opt(A::ChangeMembers, "remove_member", |s, c, a| {
            s.remove_member(c.team, c.no_pin, a)
        }),
        opt(A::SetFirstPin, "set_pin", |s, c, a| {
            s.set_pin(c.team, c.no_pin, "8264", &SALT, a)
        }),
        opt(A::ResetPin, "reset_pin", |s, c, a| {
            s.reset_pin(c.team, c.assessor, a)
        }),
        opt(A::ChangeTeamSettings, "set_officers_score", |s, c, a| {
            s.set_officers_score(c.team, false, a)
        }),
        // --- sealing ---
        // The demo team is sealed already: an allowed call fails for that reason.
        opt(A::SealTeam, "seal_team", |s, c, a| {
            let officer = a.unwrap_or(c.chair);
            s.seal_team(c.team, officer, a, NEW_PASSPHRASE, NEW_PASSPHRASE)
                .map(drop)
        }),
        unl(A::GrantAccess, "grant_access", |s, c, u| {
            // A new passphrase for the other officer, who lost theirs.
            let other = if u.member_id() == c.chair {
                c.secretary
            } else {
                c.chair
            };
            s.grant_access(u, other, NEW_PASSPHRASE, NEW_PASSPHRASE)
        }),
        // --- rubrics ---
        opt(A::EditRubric, "create_rubric_from_template", |s, c, a| {
            s.create_rubric_from_template(c.team, "wethouder-wonen", a)
                .map(drop)
        }),
        opt(A::EditRubric, "import_rubric", |s, c, a| {
            let text = s.export_rubric(c.team, c.frozen_rubric)?;
            s.import_rubric(c.team, &text, a).map(drop)
        }),
        opt(A::EditRubric, "save_rubric_draft", |s, c, a| {
            let mut rubric = s.rubric_version(c.team, c.draft_rubric)?.rubric;
            rubric.title = format!("{} (bewerkt)", rubric.title);
            s.save_rubric_draft(c.team, c.draft_rubric, &rubric, a)
                .map(drop)
        }),
        opt(A::EditRubric, "new_rubric_version", |s, c, a| {
            s.new_rubric_version(c.team, c.frozen_rubric, a).map(drop)
        }),
        opt(A::FreezeRubric, "freeze_rubric", |s, c, a| {
            s.freeze_rubric(c.team, c.draft_rubric, &[], a).map(drop)
        }),
        // --- posts ---
        opt(A::ManagePosts, "define_post", |s, c, a| {
            s.define_post(c.team, a, "Sport en cultuur", c.frozen_rubric)
                .map(drop)
        }),
        opt(A::ManagePosts, "remove_post", |s, c, a| {
            // The demo's posts are not scored in a round (or there are none: then
            // an allowed call fails because the post does not exist).
            let post = s.list_posts(c.team)?.last().map_or(0, |p| p.id);
            s.remove_post(c.team, a, post)
        }),
        // --- candidates and their material ---
        unl(A::AddCandidate, "add_candidate", |s, _, u| {
            let identity = IdentityInput {
                name: "Bram Veenstra".into(),
                ..IdentityInput::default()
            };
            let material = [MaterialInput {
                kind: maatstaf_core::scoring::SectionKind::Motivation,
                criterion: None,
                text: "Bram Veenstra wil wethouder worden.".into(),
            }];
            s.add_candidate(u, &identity, &material).map(drop)
        }),
        unl(A::ViewIdentity, "candidate_identity", |s, _, u| {
            s.candidate_identity(u, "K-7F3").map(drop)
        }),
        unl(A::ReviewOriginal, "material_review", |s, c, u| {
            s.material_review(u, c.new_material).map(drop)
        }),
        unl(A::FreezeMaterial, "freeze_material", |s, c, u| {
            s.freeze_material(u, c.new_material, &[]).map(drop)
        }),
        opt(A::DeleteCandidate, "candidate_removal", |s, c, a| {
            s.candidate_removal(c.team, a, &c.new_code).map(drop)
        }),
        opt(A::DeleteCandidate, "delete_candidate", |s, c, a| {
            s.delete_candidate(c.team, a, &c.new_code)
        }),
        // --- scoring rounds ---
        mem(A::OpenRound, "open_round", |s, c, m| {
            let assessors = vec![AssessorChoice {
                member_id: c.assessor,
                mode: ScoringMode::ByCandidate,
            }];
            s.open_round(c.team, m, c.frozen_rubric, vec!["K-7F3".into()], assessors)
                .map(drop)
        }),
        mem(A::OpenRound, "open_next_round", |s, c, m| {
            s.open_next_round(c.team, m).map(drop)
        }),
        mem(A::CloseRound, "close_round", |s, c, m| {
            s.close_round(c.team, m, DEMO_ROUND)
        }),
        mem(A::RevealRound, "reveal_round", |s, c, m| {
            s.reveal_round(c.team, m, DEMO_ROUND)
        }),
        mem(A::Score, "save_score", |s, c, m| {
            let score = Score {
                candidate: "K-7F3".into(),
                criterion: "integriteit".into(),
                level: Some(3),
                evidence: "Meldt het belang.".into(),
                reason: None,
            };
            s.save_score(c.team, m, DEMO_ROUND, score)
        }),
        mem(A::Score, "declare_conflict", |s, c, m| {
            s.declare_conflict(
                c.team,
                m,
                "K-2XH",
                ConflictKind::BusinessTie,
                Some("Zelfde werkgever."),
            )
            .map(drop)
        }),
        mem(A::Score, "conflict_declarations", |s, c, m| {
            s.conflict_declarations(c.team, m).map(drop)
        }),
        mem(A::SubmitSheet, "submit_sheet", |s, c, m| {
            s.submit_sheet(c.team, m, DEMO_ROUND)
        }),
        mem(A::ViewRound, "round_view", |s, c, m| {
            s.round_view(c.team, m, DEMO_ROUND).map(drop)
        }),
        mem(A::ViewRound, "round_material", |s, c, m| {
            s.round_material(c.team, m, DEMO_ROUND).map(drop)
        }),
        mem(A::ViewRound, "comparison_html", |s, c, m| {
            s.comparison_html(c.team, m, DEMO_ROUND, Lang::Nl).map(drop)
        }),
        mem(A::ViewAllocation, "allocation_advice", |s, c, m| {
            s.allocation_advice(c.team, m, DEMO_ROUND, &[]).map(drop)
        }),
        mem(A::ExportComparison, "log_comparison_export", |s, c, m| {
            s.log_comparison_export(c.team, m, DEMO_ROUND, "<html></html>", "ronde-1.html")
        }),
        // --- conflicts, decision, unblinding ---
        mem(A::SetConflictRule, "set_conflict_rule", |s, c, m| {
            s.set_conflict_rule(
                c.team,
                m,
                ConflictKind::FormerColleague,
                ConflictAction::Exclude,
                "Strenger dan de standaard.",
            )
            .map(drop)
        }),
        mem(A::OverrideConflict, "override_conflict", |s, c, m| {
            s.override_conflict(
                c.team,
                m,
                c.declaration,
                ConflictAction::DeclareOnly,
                "Verre familie.",
            )
            .map(drop)
        }),
        mem(A::RecordDecision, "record_decision", |s, c, m| {
            s.record_decision(c.team, m, vec![decision()]).map(drop)
        }),
        unl(A::Unblind, "unblind", |s, _, u| {
            s.unblind(u, "Besluit genomen").map(drop)
        }),
        unl(A::ViewUnblinded, "unblinded_candidates", |s, _, u| {
            s.unblinded_candidates(u).map(drop)
        }),
        // --- the logboek ---
        unl(
            A::ExportLogboek,
            "export_logboek (without identities)",
            |s, _, u| s.export_logboek(u, false, Vec::new()).map(drop),
        ),
        unl(
            A::ExportLogboekWithIdentities,
            "export_logboek (with identities)",
            |s, _, u| s.export_logboek(u, true, Vec::new()).map(drop),
        ),
        // --- the end of personal data ---
        opt(A::EraseCandidate, "erase_candidate", |s, c, m| {
            s.erase_candidate(c.team, m, "K-2XH", ErasureReason::Withdrawn)
        }),
        opt(A::SetRetention, "set_retention", |s, c, m| {
            let later = time::OffsetDateTime::now_utc().date() + time::Duration::days(30);
            s.set_retention(
                c.team,
                m,
                &format_date(later),
                "Kandidaten gaven toestemming.",
            )
            .map(drop)
        }),
        opt(A::CloseFormation, "close_formation", |s, c, m| {
            s.close_formation(c.team, m, true).map(drop)
        }),
        // --- saved files, dissent and the decision report ---
        opt(A::DeleteFile, "delete_export", |s, c, m| {
            s.delete_export(c.team, m, 1).map(drop)
        }),
        opt(A::DeleteFile, "delete_backup", |s, c, m| {
            s.delete_backup(c.team, m, "maatstaf.sqlite3.v1-20261101T090000Z.bak")
                .map(drop)
        }),
        opt(A::RecordDissent, "record_dissent", |s, c, m| {
            s.record_dissent(c.team, m, "Oneens: K-R4M liet meer zien.")
                .map(drop)
        }),
        mem(A::ExportReport, "decision_report", |s, c, m| {
            s.decision_report(c.team, m, None, None, maatstaf_core::i18n::Lang::Nl)
                .map(drop)
        }),
        opt(A::ExportReport, "log_report_export", |s, c, m| {
            s.log_report_export(
                c.team,
                m,
                1,
                maatstaf_store::report::ReportFormat::Pdf,
                false,
                b"%PDF-",
            )
        }),
        opt(A::RecordRiskAnalysis, "record_risk_analysis", |s, c, m| {
            s.record_risk_analysis(c.team, m, "K-7F3")
        }),
        // --- a candidate's own copy ---
        unl(A::ExportPersonalCopy, "personal_copy", |s, _, u| {
            s.personal_copy(u, "K-7F3").map(drop)
        }),
        // --- scoring on assessors' own laptops ---
        unl(A::ExchangePackages, "write_round_package", |s, c, u| {
            s.write_round_package(u, 1, c.assessor).map(drop)
        }),
        unl(A::ExchangePackages, "write_reveal_package", |s, _, u| {
            s.write_reveal_package(u, 1).map(drop)
        }),
        unl(A::ExchangePackages, "import_team_package", |s, _, u| {
            s.import_team_package(u, b"{}").map(drop)
        }),
        mem(A::ExchangePackages, "exchange_status", |s, c, m| {
            s.exchange_status(c.team, m, 1).map(drop)
        }),
        unl(
            A::ResolvePackageConflict,
            "resolve_package_conflict",
            |s, _, u| s.resolve_package_conflict(u, 1, false, "Het pakket is ouder."),
        ),
        unl(A::RevokeAssessorKey, "revoke_assessor_key", |s, c, u| {
            s.revoke_assessor_key(u, c.assessor, "Wachtwoordzin kwijt.")
        }),
        // --- training ---
        mem(A::LeadTraining, "start_session", |s, c, m| {
            let people = [c.assessor, c.committee, c.secretary];
            s.start_session(c.team, m, PRACTICE_CASE, &[], &people)
                .map(drop)
        }),
        mem(A::LeadTraining, "advance_session", |s, c, m| {
            s.advance_session(c.session, m).map(drop)
        }),
        mem(A::SetMinAgreement, "set_min_agreement", |s, c, m| {
            s.set_min_agreement(c.team, m, Some(0.5)).map(drop)
        }),
        mem(A::ManageTrainingContent, "import_content", |s, _, m| {
            s.import_content(m, "eigen-matrix.md", &module_file("eigen-matrix", 61))
                .map(drop)
        }),
        mem(A::ManageTrainingContent, "remove_content", |s, c, m| {
            s.remove_content(m, ContentKind::Module, &c.imported_module)
        }),
        mem(A::Practise, "mark_module_read", |s, _, m| {
            s.mark_module_read(m, MODULE)
        }),
        mem(A::Practise, "grade_exercise", |s, _, m| {
            let answer = Answer::Choice { selected: vec![0] };
            s.grade_exercise(m, MODULE, "m01-meerkeuze-volgorde", &answer)
                .map(drop)
        }),
        mem(A::Practise, "save_practice_score", |s, c, m| {
            s.save_practice_score(c.session, m, 1, "H-1", "integriteit", 3)
        }),
        mem(A::Practise, "session_sheet", |s, c, m| {
            s.session_sheet(c.session, m).map(drop)
        }),
    ]
}

fn decision() -> PortfolioChoice {
    PortfolioChoice {
        portfolio: "Wonen".into(),
        candidates: vec!["K-7F3".into()],
        reason: "Hoogste onderbouwde scores, geen knock-out.".into(),
    }
}

/// Someone at the laptop, as the app passes them to the store and as core sees them.
struct Caller {
    label: &'static str,
    member: Option<i64>,
    /// A chair's or secretary's unlock, from typing their passphrase.
    unlocked: Option<Unlocked>,
    interface: Interface,
    acting: Acting,
}

fn callers(store: &mut Store, ctx: &Ctx) -> Vec<Caller> {
    let member = |label, id, role| Caller {
        label,
        member: Some(id),
        unlocked: None,
        interface: Interface::App,
        acting: Acting::Member { id, role },
    };
    let officer = |label, unlocked: &Unlocked, role| Caller {
        unlocked: Some(unlocked.clone()),
        ..member(label, unlocked.member_id(), role)
    };
    // The chair switched in at t=0 and left the laptop; at t=61 the session has
    // expired, and what the app passes to the store is nobody.
    let mut sessions = Sessions::new(SessionPolicy::uniform(60));
    sessions.start(ctx.team, ctx.chair, Role::Chair, 0);
    assert_eq!(sessions.acting(ctx.team, 60), Some(ctx.chair), "still live");
    let expired = sessions.acting(ctx.team, 61);
    assert_eq!(expired, None, "the chair's session expired after 60 s idle");
    // Each demo member really has the role the matrix acts them in.
    let roles = store.team_detail(ctx.team).unwrap().members;
    for (id, role) in [
        (ctx.chair, Role::Chair),
        (ctx.secretary, Role::Secretary),
        (ctx.assessor, Role::Assessor),
        (ctx.trainer, Role::Trainer),
        (ctx.committee, Role::Committee),
    ] {
        assert!(
            roles.iter().any(|m| m.id == id && m.role == role),
            "{role:?}"
        );
    }
    assert_eq!(ctx.chair_unlock.member_id(), ctx.chair);
    assert_eq!(ctx.secretary_unlock.member_id(), ctx.secretary);
    // Nobody else gets an unlock, whatever they type: they cannot call the methods
    // that take one.
    let entries = store.ledger(ctx.team).unwrap().len();
    for id in [ctx.assessor, ctx.trainer, ctx.committee, ctx.no_pin] {
        match store.unlock(ctx.team, id, DEMO_CHAIR_PASSPHRASE) {
            Err(StoreError::Sealing(SealingError::NotAnOfficer { .. })) => {}
            other => panic!("member {id} asked for an unlock and got {other:?}"),
        }
    }
    assert_eq!(store.ledger(ctx.team).unwrap().len(), entries);
    vec![
        officer("chair", &ctx.chair_unlock, Role::Chair),
        officer("secretary", &ctx.secretary_unlock, Role::Secretary),
        member("assessor", ctx.assessor, Role::Assessor),
        member("trainer", ctx.trainer, Role::Trainer),
        member("committee", ctx.committee, Role::Committee),
        Caller {
            label: "nobody",
            member: None,
            unlocked: None,
            interface: Interface::App,
            acting: Acting::Nobody,
        },
        Caller {
            label: "expired session",
            member: expired,
            unlocked: None,
            interface: Interface::App,
            acting: Acting::Nobody,
        },
        // The command line without `--as`, which core sees as `Cli`.
        Caller {
            label: "command line without --as",
            member: None,
            unlocked: None,
            interface: Interface::Cli,
            acting: Acting::Cli,
        },
    ]
}

/// The team state as the store reads it, through its public API.
fn store_state(store: &Store, team: i64) -> TeamState {
    let selection = store.scoring_overview(team).unwrap().selection;
    TeamState {
        protected: store.team_protected(team).unwrap(),
        decided: selection.decision.is_some(),
        unblinded: selection.unblinded.is_some(),
    }
}

#[derive(Default)]
struct Tally {
    refused: usize,
    allowed_ok: usize,
    allowed_domain: usize,
    skipped: usize,
    /// Refused by core, and not callable by them: they have no unlock.
    no_unlock: usize,
    failures: Vec<String>,
}

/// Walks `rows` × `callers` on the sealed database `db`, whose team is in `state`.
fn walk(db: &Path, ctx: &Ctx, state: TeamState, rows: &[Row], callers: &[Caller]) -> Tally {
    let mut tally = Tally::default();
    // Refusals change nothing, so they all run on one copy, checked after each.
    let mut dirs = Vec::new();
    let (dir, mut refusals) = fresh_copy(db);
    dirs.push(dir);
    assert_eq!(
        store_state(&refusals, ctx.team),
        state,
        "the prepared state"
    );
    let before = snapshot(&refusals, ctx);
    for row in rows {
        for caller in callers {
            let expected = access::check(row.action, &caller.acting, state);
            let run = |store: &mut Store| -> Option<Outcome> {
                store.set_interface(caller.interface);
                match (row.call, caller.member) {
                    (Call::Optional(f), who) => Some(f(store, ctx, who)),
                    (Call::Member(f), Some(id)) => Some(f(store, ctx, id)),
                    // No member to pass: the app's `require_actor` refuses first.
                    (Call::Member(_), None) => None,
                    // Without an unlock there is nothing to call these with.
                    (Call::Unlocked(f), _) => caller.unlocked.as_ref().map(|u| f(store, ctx, u)),
                }
            };
            let no_unlock = matches!(row.call, Call::Unlocked(_)) && caller.unlocked.is_none();
            let case = format!("{} ({:?}) by {}", row.method, row.action, caller.label);
            match expected {
                Err(expected) => {
                    let Some(got) = run(&mut refusals) else {
                        if no_unlock {
                            tally.no_unlock += 1;
                        } else {
                            tally.skipped += 1;
                        }
                        continue;
                    };
                    tally.refused += 1;
                    match got {
                        Err(StoreError::Access(e)) if e == expected => {}
                        Err(StoreError::Access(e)) => tally
                            .failures
                            .push(format!("{case}: refused as {e:?}, core says {expected:?}")),
                        Err(e) => tally.failures.push(format!(
                            "{case}: core refuses ({expected:?}) but the store answered {e:?}"
                        )),
                        Ok(()) => tally.failures.push(format!(
                            "{case}: core refuses ({expected:?}) but the store allowed it"
                        )),
                    }
                    if snapshot(&refusals, ctx) != before {
                        tally
                            .failures
                            .push(format!("{case}: the refusal changed the team's data"));
                        // Start over from the prepared data, so one leak is reported once.
                        let (dir, store) = fresh_copy(db);
                        refusals = store;
                        dirs.push(dir);
                    }
                }
                Ok(()) => {
                    if matches!((row.call, caller.member), (Call::Member(_), None)) {
                        tally.skipped += 1;
                        continue;
                    }
                    if no_unlock {
                        tally.failures.push(format!(
                            "{case}: core allows it but they have no unlock to call it with"
                        ));
                        continue;
                    }
                    let (_dir, mut store) = fresh_copy(db);
                    match run(&mut store).expect("a member is acting") {
                        Ok(()) => tally.allowed_ok += 1,
                        Err(StoreError::Access(e)) => tally.failures.push(format!(
                            "{case}: core allows it but the store refused: {e:?}"
                        )),
                        Err(e) => {
                            tally.allowed_domain += 1;
                            println!("allowed, failed for its own reason: {case}: {e}");
                        }
                    }
                }
            }
        }
    }
    tally
}

fn report(name: &str, tally: &Tally) {
    println!(
        "{name}: {} refused as core refuses, {} refused by core and without an unlock to call with, {} allowed and done, {} allowed but failed for their own reason, {} skipped (no member to pass to an actor_member method)",
        tally.refused, tally.no_unlock, tally.allowed_ok, tally.allowed_domain, tally.skipped
    );
    assert!(
        tally.failures.is_empty(),
        "{name}: the store disagrees with core's rules:\n{}",
        tally.failures.join("\n")
    );
}

#[test]
fn every_store_method_allows_exactly_what_core_allows() {
    let started = std::time::Instant::now();
    let rows = table();
    let covered: BTreeSet<Action> = rows.iter().map(|r| r.action).collect();
    let missing: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| !covered.contains(a))
        .collect();
    assert!(
        missing.is_empty(),
        "actions without a store method in the matrix: {missing:?}"
    );

    let (dir, mut store, ctx) = prepare();
    let callers = callers(&mut store, &ctx);
    let db = seal(dir.path(), store);
    let state = TeamState {
        protected: true,
        decided: false,
        unblinded: false,
    };
    let tally = walk(&db, &ctx, state, &rows, &callers);
    println!("matrix walked in {:.1?}", started.elapsed());
    report("protected demo team", &tally);
    assert!(tally.refused > 0 && tally.allowed_ok > 0 && tally.no_unlock > 0);
}

#[test]
fn after_the_decision_and_the_unblinding_the_names_open_to_whom_core_says() {
    let rows = table();
    let (dir, mut store, ctx) = prepare();
    let callers = callers(&mut store, &ctx);
    store
        .record_decision(ctx.team, ctx.chair, vec![decision()])
        .unwrap();
    let decided = TeamState {
        protected: true,
        decided: true,
        unblinded: false,
    };
    assert_eq!(store_state(&store, ctx.team), decided);
    // A copy of the decided state, before the unblinding.
    let decided_db = dir.path().join("decided.sqlite3");
    std::fs::copy(seal(dir.path(), store), &decided_db).unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    store.unblind(&ctx.chair_unlock, "Besluit genomen").unwrap();
    let db = seal(dir.path(), store);

    let names = [
        Action::Unblind,
        Action::ViewUnblinded,
        Action::ExportLogboekWithIdentities,
    ];
    let only = |wanted: &[Action]| -> Vec<Row> {
        rows.iter()
            .filter(|r| wanted.contains(&r.action))
            .copied()
            .collect()
    };

    let tally = walk(&decided_db, &ctx, decided, &only(&names), &callers);
    report("decided, not unblinded", &tally);

    let unblinded = TeamState {
        unblinded: true,
        ..decided
    };
    let tally = walk(&db, &ctx, unblinded, &only(&names), &callers);
    report("decided and unblinded", &tally);
    // Core allows each of the three to someone now: the chair unblinds (the store
    // refuses a second time for its own reason), and the two officers, who alone can
    // open the sealed names, see them and export with them. Nobody else does.
    assert_eq!(tally.allowed_ok + tally.allowed_domain, 1 + 2 + 2);
    assert_eq!(tally.allowed_ok, 2 + 2);
}

#[test]
fn an_officer_made_assessor_after_signing_in_is_refused_with_the_old_unlock() {
    let (dir, mut store, ctx) = prepare();
    // The names are open, so the secretary's unlock would show them if it still counted.
    store
        .record_decision(ctx.team, ctx.chair, vec![decision()])
        .unwrap();
    store.unblind(&ctx.chair_unlock, "Besluit genomen").unwrap();
    assert!(!store
        .unblinded_candidates(&ctx.secretary_unlock)
        .unwrap()
        .is_empty());
    // The chair makes the secretary an assessor while the secretary is signed in.
    store
        .update_member(
            ctx.team,
            ctx.secretary,
            "Youssef Amrani",
            Role::Assessor,
            None,
            Some(ctx.chair),
        )
        .unwrap();
    match store.unlock(
        ctx.team,
        ctx.secretary,
        maatstaf_store::fixtures::DEMO_SECRETARY_PASSPHRASE,
    ) {
        Err(StoreError::Sealing(SealingError::NotAnOfficer { .. })) => {}
        other => panic!("a former secretary asked for an unlock again and got {other:?}"),
    }
    let db = seal(dir.path(), store);

    // Every method that takes an unlock, with the one they kept from before.
    let rows: Vec<Row> = table()
        .into_iter()
        .filter(|r| matches!(r.call, Call::Unlocked(_)))
        .collect();
    let demoted = Caller {
        label: "secretary made assessor, with the old unlock",
        member: Some(ctx.secretary),
        unlocked: Some(ctx.secretary_unlock.clone()),
        interface: Interface::App,
        acting: Acting::Member {
            id: ctx.secretary,
            role: Role::Assessor,
        },
    };
    let state = TeamState {
        protected: true,
        decided: true,
        unblinded: true,
    };
    let tally = walk(&db, &ctx, state, &rows, &[demoted]);
    report("a demoted officer", &tally);
    assert_eq!(tally.refused, rows.len(), "every call is refused");
    assert_eq!(tally.allowed_ok + tally.allowed_domain + tally.no_unlock, 0);
}
