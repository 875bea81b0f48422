//! Puts the bundled demo team into a fresh database, once. A user who deletes
//! the demo does not get it back on the next start.

use std::collections::BTreeMap;

use maatstaf_core::demo::{parse_demo_team, BUNDLED_DEMO_TEAM};
use maatstaf_core::ledger::{content_sha256, Actor, EntryKind};
use maatstaf_core::rubric::parse_rubric;
use maatstaf_core::scoring::{BlindedCandidate, Score, ScoringMode};
use rusqlite::{params, Transaction};
use serde::Deserialize;
use serde_json::json;

use std::sync::{Arc, Mutex, OnceLock};

use maatstaf_core::seal::{KdfParams, SlotKek};
use maatstaf_core::team::Role;
use sha2::{Digest, Sha256};

use crate::candidates::IdentityInput;
use crate::error::{Result, StoreError};
use crate::scoring::{self, AssessorChoice};
use crate::sealing::{
    add_slot, install_keys, new_team_uid, seal_identity, seal_original, SlotSource, Unlocked,
};
use crate::{clock, ledger, Store};

/// The rubric the demo round is scored on, frozen as the team's first rubric.
const DEMO_RUBRIC: &str = include_str!("../../../content/rubrics/wethouder-algemeen.toml");
/// Blinded written answers of the three demo candidates.
const DEMO_MATERIAL: [&str; 3] = [
    include_str!("../../../content/demo/material/K-7F3.toml"),
    include_str!("../../../content/demo/material/K-R4M.toml"),
    include_str!("../../../content/demo/material/K-2XH.toml"),
];
/// The demo's revealed first round and the members' PINs.
const DEMO_ROUND: &str = include_str!("../../../content/demo/round-1.toml");
/// The demo's second round, open, with one assessor still to score.
const DEMO_OPEN_ROUND: &str = include_str!("../../../content/demo/round-2.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoRound {
    rubric: String,
    sheets: Vec<DemoSheet>,
    passphrases: BTreeMap<String, String>,
    pins: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoSheet {
    assessor: String,
    mode: ScoringMode,
    scores: Vec<(String, String, u8, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoOpenRound {
    sheets: Vec<DemoRevision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoRevision {
    assessor: String,
    changes: Vec<(String, String, u8, String, String)>,
}

const SEEDED_KEY: &str = "demo_seeded";

pub(crate) fn seed_once(store: &mut Store) -> Result<()> {
    if store.setting(SEEDED_KEY)?.is_some() {
        return Ok(());
    }
    let demo = parse_demo_team(BUNDLED_DEMO_TEAM)?;
    let round: DemoRound = toml::from_str(DEMO_ROUND)
        .map_err(|e| StoreError::DemoScoring(format!("demo data: {e}")))?;
    let open_round: DemoOpenRound = toml::from_str(DEMO_OPEN_ROUND)
        .map_err(|e| StoreError::DemoScoring(format!("demo data: {e}")))?;
    let now = clock::now();
    let uid = new_team_uid();
    let tx = store.conn.transaction()?;
    tx.execute(
        "INSERT INTO teams (name, is_demo, created_at, uid) VALUES (?1, 1, ?2, ?3)",
        params![demo.name, now, uid],
    )?;
    let team_id = tx.last_insert_rowid();
    let mut members = BTreeMap::new();
    for m in &demo.members {
        tx.execute(
            "INSERT INTO members (team_id, name, role, party, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![team_id, m.name, m.role.as_str(), m.party, now],
        )?;
        members.insert(m.name.clone(), tx.last_insert_rowid());
    }
    let officer = |name: &str| {
        members
            .get(name)
            .copied()
            .ok_or_else(|| StoreError::DemoScoring(format!("demo data: no member {name}")))
    };
    let mut officers = round.passphrases.iter();
    let (chair_name, chair_passphrase) = officers
        .next()
        .ok_or_else(|| StoreError::DemoScoring("demo data: no passphrase".into()))?;
    let chair = officer(chair_name)?;
    let (key, fingerprint) = install_keys(
        &tx,
        team_id,
        &uid,
        chair,
        SlotSource::Derived(&*demo_kek(chair_name, chair_passphrase)?),
    )?;
    for (name, passphrase) in officers {
        let kek = demo_kek(name, passphrase)?;
        add_slot(&tx, &key, &uid, officer(name)?, SlotSource::Derived(&kek))?;
    }
    let unlocked = Unlocked::new(team_id, chair, Role::Chair, uid.clone(), key);

    ledger::append(
        &tx,
        team_id,
        &Actor::System,
        EntryKind::TeamCreated,
        json!({ "team_name": demo.name, "team_uid": uid, "fingerprint": fingerprint.as_str() }),
    )?;
    for m in &demo.members {
        let id = members[&m.name];
        ledger::append(
            &tx,
            team_id,
            &Actor::System,
            EntryKind::MemberAdded,
            json!({ "member_id": id.to_string(), "name": m.name, "role": m.role.as_str(), "party": m.party }),
        )?;
        if round.passphrases.contains_key(&m.name) {
            ledger::append(
                &tx,
                team_id,
                &Actor::System,
                EntryKind::KeyAccessGranted,
                json!({ "member_id": id.to_string(), "name": m.name }),
            )?;
        }
    }
    for c in &demo.candidates {
        tx.execute(
            "INSERT INTO candidates (team_id, code, created_at) VALUES (?1, ?2, ?3)",
            params![team_id, c.code, now],
        )?;
        let identity = IdentityInput {
            name: c.name.clone(),
            party: c.party.clone(),
            ..IdentityInput::default()
        };
        seal_identity(&tx, &unlocked, tx.last_insert_rowid(), &c.code, &identity)?;
        ledger::append(
            &tx,
            team_id,
            &Actor::System,
            EntryKind::CandidateAdded,
            json!({ "candidate_code": c.code }),
        )?;
    }
    // A demo round that core refuses is a bug in the bundled data, said as such.
    seed_scoring(&tx, &unlocked, &round, &open_round, &members).map_err(|e| match e {
        StoreError::Sqlite(_) | StoreError::Io { .. } => e,
        other => StoreError::DemoScoring(other.to_string()),
    })?;
    seed_posts(&tx, team_id)?;
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)",
        params![SEEDED_KEY, now],
    )?;
    tx.commit()?;
    Ok(())
}

/// The demo team's posts (`maatstaf_core::demo::DEMO_POSTS`): each template frozen as a
/// rubric of the team and the post defined on it, as a chair would in the Rubrics area.
/// No round scores them yet: the demo's rounds stay as they are.
fn seed_posts(tx: &Transaction<'_>, team_id: i64) -> Result<()> {
    let now = clock::now();
    for (name, template) in maatstaf_core::demo::DEMO_POSTS {
        let source = maatstaf_core::rubric::BUNDLED_TEMPLATES
            .iter()
            .find(|(id, _)| *id == template)
            .map(|(_, text)| *text)
            .ok_or_else(|| StoreError::DemoScoring(format!("demo data: no template {template}")))?;
        let rubric = parse_rubric(source).map_err(|e| StoreError::DemoScoring(e.to_string()))?;
        let (version_id, sha) = freeze_rubric(tx, team_id, source, &rubric)?;
        let slug = crate::posts::post_slug(name);
        tx.execute(
            "INSERT INTO posts (team_id, slug, name, rubric_version_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![team_id, slug, name, version_id, now],
        )?;
        ledger::append(
            tx,
            team_id,
            &Actor::System,
            EntryKind::PostDefined,
            json!({ "post": slug, "name": name, "rubric_id": rubric.id,
                    "version": rubric.version, "rubric_sha256": sha }),
        )?;
    }
    Ok(())
}

/// Stores `rubric` (parsed from `source`) as a frozen rubric of the team, with its log
/// entry; returns its version id and hash.
fn freeze_rubric(
    tx: &Transaction<'_>,
    team_id: i64,
    source: &str,
    rubric: &maatstaf_core::rubric::Rubric,
) -> Result<(i64, String)> {
    let sha = maatstaf_core::rubric::sha256_hex(rubric);
    tx.execute(
        "INSERT INTO rubric_versions (team_id, rubric_key, version, source_toml, sha256, frozen_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![team_id, rubric.id, rubric.version, source, sha, clock::now()],
    )?;
    let version_id = tx.last_insert_rowid();
    ledger::append(
        tx,
        team_id,
        &Actor::System,
        EntryKind::RubricFrozen,
        json!({ "rubric_id": rubric.id, "version": rubric.version, "rubric_sha256": sha }),
    )?;
    Ok((version_id, sha))
}

/// The demo officers' passphrases are public, so their slots use a salt fixed per
/// member, and the slow derivation runs once per process, not once per demo seeded
/// (which every test's fresh data folder does).
fn demo_kek(name: &str, passphrase: &str) -> Result<Arc<SlotKek>> {
    static CACHE: OnceLock<Mutex<BTreeMap<String, Arc<SlotKek>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(kek) = cache.get(name) {
        return Ok(kek.clone());
    }
    let salt = &Sha256::digest(format!("maatstaf demo slot\0{name}").as_bytes())[..16];
    let kek = Arc::new(
        SlotKek::derive(passphrase, salt, KdfParams::STRONG)
            .map_err(|e| StoreError::DemoScoring(format!("demo passphrase: {e}")))?,
    );
    cache.insert(name.to_owned(), kek.clone());
    Ok(kek)
}

/// A frozen rubric, frozen blinded material, PINs, one revealed round and an open
/// second one, through the same scoring functions the app calls, on the seed's
/// transaction.
fn seed_scoring(
    tx: &Transaction<'_>,
    by: &Unlocked,
    round: &DemoRound,
    open_round: &DemoOpenRound,
    members: &BTreeMap<String, i64>,
) -> Result<(), StoreError> {
    let team_id = by.team_id();
    let bad = |what: String| StoreError::ScoringDamaged(format!("demo data: {what}"));
    let member = |name: &str| {
        members
            .get(name)
            .copied()
            .ok_or_else(|| bad(format!("no member {name}")))
    };
    let now = clock::now();

    let rubric = parse_rubric(DEMO_RUBRIC).map_err(|e| bad(e.to_string()))?;
    if rubric.id != round.rubric {
        return Err(bad(format!("round names rubric {}", round.rubric)));
    }
    let (rubric_version_id, _) = freeze_rubric(tx, team_id, DEMO_RUBRIC, &rubric)?;

    let mut codes = Vec::new();
    for text in DEMO_MATERIAL {
        let parsed: BlindedCandidate = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        let candidate = BlindedCandidate::new(parsed.code, parsed.sections)?;
        let candidate_id: i64 = tx.query_row(
            "SELECT id FROM candidates WHERE team_id = ?1 AND code = ?2",
            params![team_id, candidate.code],
            |r| r.get(0),
        )?;
        for section in &candidate.sections {
            let kind = serde_json::to_value(section.kind).expect("a kind serialises");
            tx.execute(
                "INSERT INTO candidate_material (candidate_id, kind, criterion, original_text,
                    blinded_text, blinded_sha256, frozen_at, created_at)
                 VALUES (?1, ?2, ?3, '', ?4, ?5, ?6, ?6)",
                params![
                    candidate_id,
                    kind.as_str(),
                    section.criterion,
                    section.text,
                    maatstaf_core::blinding::sha256_hex(&section.text),
                    now
                ],
            )?;
            seal_original(tx, by, tx.last_insert_rowid(), &section.text)?;
        }
        ledger::append(
            tx,
            team_id,
            &Actor::System,
            EntryKind::MaterialBlinded,
            json!({ "candidate_code": candidate.code, "blinded_sha256": content_sha256(&candidate) }),
        )?;
        codes.push(candidate.code);
    }

    for (name, pin) in &round.pins {
        let hash = maatstaf_core::assessor::hash_pin(pin, &scoring::os_random::<16>())?;
        scoring::set_pin_hash(tx, team_id, member(name)?, &hash)?;
    }

    let chair = member("Anneke de Wit")?;
    let assessors = round
        .sheets
        .iter()
        .map(|s| {
            Ok(AssessorChoice {
                member_id: member(&s.assessor)?,
                mode: s.mode,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let opened = scoring::open_first_round(
        tx,
        team_id,
        chair,
        rubric_version_id,
        codes.clone(),
        assessors.clone(),
        &[],
        scoring::os_random(),
    )?;
    for sheet in &round.sheets {
        let assessor = member(&sheet.assessor)?;
        for (candidate, criterion, level, evidence) in &sheet.scores {
            let score = Score {
                candidate: candidate.clone(),
                criterion: criterion.clone(),
                level: Some(*level),
                evidence: evidence.clone(),
                reason: None,
            };
            scoring::save_score(tx, team_id, assessor, opened.number(), score)?;
        }
        scoring::submit(tx, team_id, assessor, opened.number(), &now)?;
    }
    scoring::reveal(tx, team_id, chair, opened.number())?;

    let next = scoring::open_next(
        tx,
        team_id,
        chair,
        codes,
        &assessors,
        &[],
        scoring::os_random(),
    )?;
    for revision in &open_round.sheets {
        let assessor = member(&revision.assessor)?;
        let first = round
            .sheets
            .iter()
            .find(|s| s.assessor == revision.assessor)
            .ok_or_else(|| bad(format!("{} has no round 1 sheet", revision.assessor)))?;
        for (candidate, criterion, ..) in &revision.changes {
            if !first
                .scores
                .iter()
                .any(|s| (&s.0, &s.1) == (candidate, criterion))
            {
                return Err(bad(format!("no round 1 score {candidate}/{criterion}")));
            }
        }
        for (candidate, criterion, level, evidence) in &first.scores {
            let change = revision
                .changes
                .iter()
                .find(|c| (&c.0, &c.1) == (candidate, criterion));
            let (level, evidence, reason) =
                change.map_or((*level, evidence, None), |c| (c.2, &c.3, Some(c.4.clone())));
            let score = Score {
                candidate: candidate.clone(),
                criterion: criterion.clone(),
                level: Some(level),
                evidence: evidence.clone(),
                reason,
            };
            scoring::save_score(tx, team_id, assessor, next.number(), score)?;
        }
        scoring::submit(tx, team_id, assessor, next.number(), &now)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn a_fresh_folder_holds_the_demo_team_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let teams = store.list_teams().unwrap();
        assert_eq!(teams.len(), 1);
        assert_eq!(teams[0].name, "Gemeente Voorbeeld — formatie 2026");
        assert!(teams[0].is_demo);
        assert!(teams[0].members >= 5);
        assert_eq!(teams[0].candidates, 3);
        drop(store);
        assert_eq!(
            Store::open_in(dir.path())
                .unwrap()
                .list_teams()
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn the_demo_team_has_two_posts_on_their_own_frozen_rubrics() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let team = store.list_teams().unwrap()[0].id;
        let posts = store.list_posts(team).unwrap();
        let names: Vec<&str> = posts.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Financiën", "Wonen"]);
        assert!(posts.iter().all(|p| !p.used));
        assert_ne!(posts[0].rubric_version_id, posts[1].rubric_version_id);
        let logged = store
            .ledger(team)
            .unwrap()
            .iter()
            .filter(|e| e.kind == maatstaf_core::ledger::EntryKind::PostDefined)
            .count();
        assert_eq!(logged, 2);
    }

    #[test]
    fn a_deleted_demo_stays_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let demo = store.list_teams().unwrap()[0].id;
        let chair = store.team_detail(demo).unwrap().members[0].id;
        store.delete_team(demo, Some(chair)).unwrap();
        drop(store);
        assert!(Store::open_in(dir.path())
            .unwrap()
            .list_teams()
            .unwrap()
            .is_empty());
    }
}
