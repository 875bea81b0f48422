//! The consistency log (one immutable snapshot per revealed round) and the signed
//! logboek a chair exports for a committee. What the numbers are and how the file is
//! built live in `maatstaf_core::{report, ledger}`; here we read, write and log.

use maatstaf_core::access::{Action, RULES_VERSION};
use maatstaf_core::assessor::{declared_pairs, ConflictDeclaration, ConflictKind};
use maatstaf_core::i18n::Lang;
use maatstaf_core::ledger::{
    content_sha256, exported_entry, verify_chain, Actor, EntryKind, ExportInfo, Fingerprint,
    Logboek, Section, SectionName,
};
use maatstaf_core::report::{
    consistency_view_named, logboek_report, ConsistencyView, ReportInput, RubricVersionInfo,
    SnapshotRecord, SnapshotRequest,
};
use maatstaf_core::stats::{Rating, Recognition};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde_json::{json, Value};

use crate::error::{Result, StoreError};
use crate::sealing::{open_identity, Unlocked};
use crate::{clock, ledger, Store};

/// The bootstrap seed of a round: the same round always gets the same intervals,
/// different rounds and teams get independent ones.
fn seed(team_id: i64, practice: bool, round: u32) -> u64 {
    let hex = content_sha256(&json!(["maatstaf-consistency", team_id, practice, round]));
    u64::from_str_radix(&hex[..16], 16).expect("sha256 hex")
}

fn require_team(conn: &Connection, team_id: i64) -> Result<()> {
    conn.query_row("SELECT 1 FROM teams WHERE id = ?1", [team_id], |_| Ok(()))
        .optional()?
        .ok_or(StoreError::NoSuchTeam(team_id))
}

/// Ratings whose `rater` is the id of one of the team's members (as the scoring rounds
/// name assessors) get that member's name, so the snapshot reads as the team knows it.
fn with_member_names(conn: &Connection, team_id: i64, ratings: &[Rating]) -> Result<Vec<Rating>> {
    let mut stmt = conn.prepare("SELECT id, name FROM members WHERE team_id = ?1")?;
    let members: Vec<(String, String)> = stmt
        .query_map([team_id], |r| {
            Ok((r.get::<_, i64>(0)?.to_string(), r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ratings
        .iter()
        .map(|r| {
            let mut r = r.clone();
            if let Some((_, name)) = members.iter().find(|(id, _)| *id == r.rater) {
                r.rater = name.clone();
            }
            r
        })
        .collect())
}

/// The declared recognitions of the candidates and assessors in `ratings` (raters by
/// member id), with the assessor renamed as [`with_member_names`] renames raters.
fn recognitions(conn: &Connection, team_id: i64, ratings: &[Rating]) -> Result<Vec<Recognition>> {
    let declarations: Vec<ConflictDeclaration> =
        crate::scoring::reading::load_declarations(conn, team_id)?
            .into_iter()
            .map(|(_, d)| d)
            .collect();
    let pairs: Vec<Rating> = declared_pairs(&declarations, ConflictKind::RecognisesPerson)
        .into_iter()
        .filter(|p| {
            ratings
                .iter()
                .any(|r| r.rater == p.assessor && r.unit == p.candidate)
        })
        .map(|p| Rating {
            unit: p.candidate,
            criterion: String::new(),
            rater: p.assessor,
            value: None,
        })
        .collect();
    Ok(with_member_names(conn, team_id, &pairs)?
        .into_iter()
        .map(|r| Recognition {
            rater: r.rater,
            unit: r.unit,
        })
        .collect())
}

/// Measures a revealed round and stores the snapshot with its ledger entry, on `conn`:
/// call it on the transaction that reveals the round, so both commit or neither does.
/// A round (live or practice) gets one snapshot; asking again is refused.
pub fn record_snapshot(
    conn: &Connection,
    team_id: i64,
    request: &SnapshotRequest<'_>,
) -> Result<SnapshotRecord> {
    require_team(conn, team_id)?;
    let exists = conn
        .query_row(
            "SELECT 1 FROM consistency_snapshots WHERE team_id = ?1 AND practice = ?2 AND round = ?3",
            params![team_id, request.practice, request.round],
            |_| Ok(()),
        )
        .optional()?;
    if exists.is_some() {
        return Err(StoreError::SnapshotExists {
            round: request.round,
            practice: request.practice,
        });
    }
    let ratings = with_member_names(conn, team_id, request.ratings)?;
    let named = SnapshotRequest {
        ratings: &ratings,
        ..request.clone()
    };
    let seed = seed(team_id, request.practice, request.round);
    let mut record = SnapshotRecord::measure(&named, &clock::now(), seed)?;
    if !request.practice {
        let recognised = recognitions(conn, team_id, request.ratings)?;
        record.measure_recognition(&named, &recognised, seed)?;
    }
    let sha256 = record.sha256();
    conn.execute(
        "INSERT INTO consistency_snapshots
             (team_id, round, practice, rubric_version, rubric_sha256, recorded_at, record, sha256)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            team_id,
            record.round,
            record.practice,
            record.rubric_version,
            record.rubric_sha256,
            record.recorded_at,
            serde_json::to_string(&record).expect("a snapshot record serialises"),
            sha256,
        ],
    )?;
    ledger::append(
        conn,
        team_id,
        &Actor::System,
        EntryKind::ConsistencySnapshot,
        json!({
            "snapshot_sha256": sha256,
            "round": record.round,
            "practice": record.practice,
            "rubric_version": record.rubric_version,
            "rubric_sha256": record.rubric_sha256,
        }),
    )?;
    Ok(record)
}

fn snapshots_on(conn: &Connection, team_id: i64) -> Result<Vec<SnapshotRecord>> {
    let mut stmt = conn
        .prepare("SELECT id, record FROM consistency_snapshots WHERE team_id = ?1 ORDER BY id")?;
    let rows: Vec<(i64, String)> = stmt
        .query_map([team_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, text)| {
            serde_json::from_str(&text).map_err(|e| StoreError::SnapshotDamaged {
                id,
                detail: e.to_string(),
            })
        })
        .collect()
}

fn rubric_versions(conn: &Connection, team_id: i64) -> Result<Vec<RubricVersionInfo>> {
    let mut stmt = conn.prepare(
        "SELECT rubric_key, version, sha256, frozen_at, created_at, source_toml, accepted_warnings
         FROM rubric_versions WHERE team_id = ?1 ORDER BY rubric_key, version",
    )?;
    let rows = stmt
        .query_map([team_id], |r| {
            let warnings: String = r.get(6)?;
            Ok(RubricVersionInfo {
                rubric_key: r.get(0)?,
                version: r.get(1)?,
                sha256: r.get(2)?,
                frozen_at: r.get(3)?,
                created_at: r.get(4)?,
                source_toml: r.get(5)?,
                accepted_warnings: serde_json::from_str(&warnings)
                    .unwrap_or(Value::String(warnings)),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Frozen blinded material only: codes and blinded texts, never originals or names.
fn blinded_sheets(conn: &Connection, team_id: i64) -> Result<Value> {
    let mut stmt = conn.prepare(
        "SELECT c.code, m.kind, m.criterion, m.blinded_text, m.blinded_sha256, m.frozen_at
         FROM candidate_material m JOIN candidates c ON c.id = m.candidate_id
         WHERE c.team_id = ?1 AND m.frozen_at IS NOT NULL
         ORDER BY c.code, m.id",
    )?;
    let rows: Vec<Value> = stmt
        .query_map([team_id], |r| {
            Ok(json!({
                "candidate_code": r.get::<_, String>(0)?,
                "kind": r.get::<_, String>(1)?,
                "criterion": r.get::<_, Option<String>>(2)?,
                "blinded_text": r.get::<_, String>(3)?,
                "sha256": r.get::<_, String>(4)?,
                "frozen_at": r.get::<_, String>(5)?,
            }))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Value::Array(rows))
}

fn identities(conn: &Connection, by: &Unlocked) -> Result<Value> {
    let mut stmt =
        conn.prepare("SELECT id, code FROM candidates WHERE team_id = ?1 ORDER BY code")?;
    let rows = stmt
        .query_map([by.team_id()], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, code) in rows {
        let identity = open_identity(conn, by, id, &code)?;
        out.push(json!({
            "candidate_code": code,
            "name": identity.name,
            "party": identity.party,
        }));
    }
    Ok(Value::Array(out))
}

fn order(name: SectionName) -> usize {
    SectionName::ALL
        .iter()
        .position(|n| *n == name)
        .unwrap_or(usize::MAX)
}

impl Store {
    /// [`record_snapshot`] in a transaction of its own.
    pub fn record_snapshot(
        &mut self,
        team_id: i64,
        request: &SnapshotRequest<'_>,
    ) -> Result<SnapshotRecord> {
        let tx = self.conn.transaction()?;
        let record = record_snapshot(&tx, team_id, request)?;
        tx.commit()?;
        Ok(record)
    }

    /// The team's snapshots, oldest first.
    pub fn snapshots(&self, team_id: i64) -> Result<Vec<SnapshotRecord>> {
        self.team(team_id)?;
        snapshots_on(&self.conn, team_id)
    }

    /// The "Consistentie" view of a team, plots labelled in `lang`.
    /// The team's consistency log as the screen shows it: criteria by their names in
    /// the team's frozen rubrics (the records keep ids).
    pub fn consistency_view(&self, team_id: i64, lang: Lang) -> Result<ConsistencyView> {
        let mut names = std::collections::BTreeMap::new();
        for v in crate::rubrics::frozen_versions(&self.conn, team_id)? {
            if let Ok(rubric) = v.rubric() {
                for c in rubric.criteria {
                    names.insert(c.id, c.name);
                }
            }
        }
        Ok(consistency_view_named(
            &self.snapshots(team_id)?,
            &names,
            lang,
        ))
    }

    /// The signed logboek of a team, and the `exported` entry that records it in the
    /// team's log (both or neither). Rubric versions, blinded sheets, consistency
    /// snapshots and, only when `with_identities`, candidate identities come from the
    /// database; scores, revisions and the decision come in `extra_sections`.
    ///
    /// `actor` is the member who switched in (or signed in on the command line): an
    /// officer, and for `with_identities` only once the names are unblinded.
    pub fn export_logboek(
        &mut self,
        by: &Unlocked,
        with_identities: bool,
        extra_sections: Vec<Section>,
    ) -> Result<Vec<u8>> {
        let action = if with_identities {
            Action::ExportLogboekWithIdentities
        } else {
            Action::ExportLogboek
        };
        let exporter = self.check_unlocked(by, action)?.ledger;
        let team_id = by.team_id();
        for s in &extra_sections {
            if !matches!(
                s.name,
                SectionName::Scores | SectionName::Revisions | SectionName::Decision
            ) {
                return Err(StoreError::SectionNotAccepted(s.name.as_str()));
            }
        }
        let team = self.team(team_id)?;
        let lang = self.language()?;
        let key = self.team_signing_key(by)?;
        let verifying = key.verifying_key();
        let fingerprint = Fingerprint::of(&verifying);

        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut entries = ledger::entries(&tx, team_id)?;
        let rubrics = rubric_versions(&tx, team_id)?;
        let snapshots = snapshots_on(&tx, team_id)?;
        let mut sections = extra_sections;
        sections.push(Section {
            name: SectionName::RubricVersions,
            content: serde_json::to_value(&rubrics).expect("rubric versions serialise"),
        });
        sections.push(Section {
            name: SectionName::BlindedSheets,
            content: blinded_sheets(&tx, team_id)?,
        });
        sections.push(Section {
            name: SectionName::ConsistencySnapshots,
            content: serde_json::to_value(&snapshots).expect("snapshots serialise"),
        });
        if with_identities {
            sections.push(Section {
                name: SectionName::Identities,
                content: identities(&tx, by)?,
            });
        }
        sections.sort_by_key(|s| order(s.name));

        let info = ExportInfo {
            team_id: team_id.to_string(),
            team_name: team.name.clone(),
            exported_at: ledger::entry_time(entries.last()),
            exporter,
            with_identities,
            rules_version: Some(RULES_VERSION),
        };
        let names: Vec<SectionName> = sections.iter().map(|s| s.name).collect();
        let decision = sections
            .iter()
            .find(|s| s.name == SectionName::Decision)
            .map(|s| &s.content);
        let report = logboek_report(&ReportInput {
            lang,
            team_id: &info.team_id,
            team_name: &team.name,
            exported_at: &info.exported_at,
            exporter: &info.exporter,
            fingerprint: fingerprint.as_str(),
            with_identities,
            chain_problem: verify_chain(&entries).err().map(|e| e.text()),
            entries: &entries,
            sections: &names,
            rubric_versions: &rubrics,
            snapshots: &snapshots,
            decision,
        });
        let exported = exported_entry(entries.last(), &info, &sections, &report, &verifying);
        ledger::insert(&tx, team_id, &exported)?;
        entries.push(exported);
        let bytes = Logboek::build(&info, &entries, &sections, &report, &key)?;
        tx.commit()?;
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use maatstaf_core::access::AccessError;
    use maatstaf_core::ledger::{verify_logboek, ProblemKind};
    use maatstaf_core::rubric::Scale;
    use maatstaf_core::team::Role;

    use super::*;
    use crate::fixtures::{demo_ratings, demo_team, demo_unlock, Discussed, CHAIR_PASSPHRASE};
    use crate::sealing::{NewOfficer, SealingError};

    /// A team like the demo team but without its revealed round (which already
    /// carries its snapshot), so each test measures its own rounds. It is sealed, and
    /// its chair is signed in with their passphrase.
    fn store() -> (tempfile::TempDir, Store, i64, Unlocked) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let (team, chair) = sealed(&mut store, "Meetteam");
        for name in ["Gerrit Bosma", "Priya Ramdin", "Marloes Kuipers"] {
            store
                .add_member(team, name, Role::Assessor, None, Some(chair.member_id()))
                .unwrap();
        }
        (dir, store, team, chair)
    }

    /// A sealed team whose chair is Anneke de Wit, signed in.
    fn sealed(store: &mut Store, name: &str) -> (i64, Unlocked) {
        let created = store
            .create_sealed_team(
                name,
                &NewOfficer {
                    name: "Anneke de Wit".into(),
                    party: Some("Voorbeeld Lokaal".into()),
                    passphrase: CHAIR_PASSPHRASE.into(),
                    repeated: CHAIR_PASSPHRASE.into(),
                },
            )
            .unwrap();
        (created.team.id, created.unlocked)
    }

    /// The demo scores: round 1 before the discussion, later rounds after it.
    fn ratings(store: &Store, team: i64, round: u32) -> Vec<Rating> {
        let discussed = if round == 1 {
            Discussed::Before
        } else {
            Discussed::After
        };
        demo_ratings(store, team, discussed)
    }

    fn request<'a>(round: u32, ratings: &'a [Rating]) -> SnapshotRequest<'a> {
        SnapshotRequest {
            round,
            practice: false,
            rubric_version: 1,
            rubric_sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            scale: Scale { min: 1, max: 5 },
            ratings,
        }
    }

    #[test]
    fn a_revealed_round_is_measured_stored_and_logged() {
        let (_dir, mut store, demo, _chair) = store();
        let r = ratings(&store, demo, 1);
        let record = store.record_snapshot(demo, &request(1, &r)).unwrap();
        assert_eq!(record.counts.scores, 27);
        let names: Vec<&str> = record
            .snapshot
            .leniency
            .iter()
            .map(|l| l.rater.as_str())
            .collect();
        assert_eq!(names, ["Gerrit Bosma", "Marloes Kuipers", "Priya Ramdin"]);
        assert!(record.snapshot.criteria[0].alpha_ordinal.ci95().is_some());
        assert_eq!(record.snapshot.options.bootstrap, 1000);
        assert_eq!(
            store.snapshots(demo).unwrap(),
            std::slice::from_ref(&record)
        );
        let last = store.ledger(demo).unwrap().pop().unwrap();
        assert_eq!(last.kind, EntryKind::ConsistencySnapshot);
        assert_eq!(last.payload["snapshot_sha256"], record.sha256());
        assert_eq!(last.payload["round"], 1);
        assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));
    }

    #[test]
    fn the_same_round_gives_the_same_intervals_and_is_never_measured_twice() {
        let (_dir, mut store, demo, _chair) = store();
        let r = ratings(&store, demo, 1);
        let first = store.record_snapshot(demo, &request(1, &r)).unwrap();
        let entries = store.ledger(demo).unwrap().len();
        let again = store.record_snapshot(demo, &request(1, &r)).unwrap_err();
        assert!(
            matches!(
                again,
                StoreError::SnapshotExists {
                    round: 1,
                    practice: false
                }
            ),
            "{again}"
        );
        assert_eq!(store.ledger(demo).unwrap().len(), entries, "nothing logged");
        let (_dir2, mut other, demo2, _) = self::store();
        let r2 = ratings(&other, demo2, 1);
        let twin = other.record_snapshot(demo2, &request(1, &r2)).unwrap();
        assert_eq!(twin.snapshot, first.snapshot, "seeded by team and round");
        let mut practice = request(1, &r);
        practice.practice = true;
        assert!(
            store.record_snapshot(demo, &practice).is_ok(),
            "practice rounds count apart"
        );
    }

    #[test]
    fn bad_ratings_change_nothing() {
        let (_dir, mut store, demo, _chair) = store();
        let mut r = ratings(&store, demo, 1);
        r[0].value = Some(9.0);
        let before = store.ledger(demo).unwrap().len();
        let err = store.record_snapshot(demo, &request(1, &r)).unwrap_err();
        assert!(matches!(err, StoreError::Stats(_)), "{err}");
        assert!(store.snapshots(demo).unwrap().is_empty());
        assert_eq!(store.ledger(demo).unwrap().len(), before);
        assert!(matches!(
            store.record_snapshot(999, &request(1, &r)),
            Err(StoreError::NoSuchTeam(999))
        ));
    }

    #[test]
    fn snapshots_cannot_be_changed_or_deleted_while_the_team_exists() {
        let (_dir, mut store, demo, chair) = store();
        let r = ratings(&store, demo, 1);
        store.record_snapshot(demo, &request(1, &r)).unwrap();
        let update = store
            .conn
            .execute("UPDATE consistency_snapshots SET record = '{}'", []);
        assert!(update.unwrap_err().to_string().contains("never changed"));
        let delete = store.conn.execute("DELETE FROM consistency_snapshots", []);
        assert!(delete.unwrap_err().to_string().contains("never changed"));
        assert_eq!(store.snapshots(demo).unwrap().len(), 1);
        // The team is sealed, so protected: its chair deletes it.
        store.delete_team(demo, Some(chair.member_id())).unwrap();
        let left: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM consistency_snapshots WHERE team_id = ?1",
                [demo],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0, "a deleted team keeps nothing");
    }

    #[test]
    fn the_demo_teams_revealed_round_is_measured_at_its_reveal() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let demo = demo_team(&store);
        assert_eq!(store.snapshots(demo).unwrap().len(), 1);
        let log = store.ledger(demo).unwrap();
        let reveal = log
            .iter()
            .position(|e| e.kind == EntryKind::RoundRevealed)
            .unwrap();
        let snapshot = log
            .iter()
            .position(|e| e.kind == EntryKind::ConsistencySnapshot)
            .unwrap();
        assert_eq!(
            snapshot,
            reveal + 1,
            "the snapshot is logged with the reveal"
        );
    }

    #[test]
    fn the_view_shows_both_rounds_and_the_change() {
        let (_dir, mut store, demo, _chair) = store();
        for round in [1, 2] {
            let r = ratings(&store, demo, round);
            store.record_snapshot(demo, &request(round, &r)).unwrap();
        }
        let view = store.consistency_view(demo, Lang::Nl).unwrap();
        assert_eq!(view.records.len(), 2);
        let trend = view.trend_svg.unwrap();
        assert!(trend.contains(">Ronde 1<") && trend.contains(">Ronde 2<"));
        assert!(view.records[1].leniency_svg.contains("Priya Ramdin"));
        assert!(!view.records[0].hotspots.is_empty());
    }

    #[test]
    fn the_export_is_signed_logged_and_holds_codes_not_names() {
        let (_dir, mut store, demo, unlocked) = store();
        let r = ratings(&store, demo, 1);
        let record = store.record_snapshot(demo, &request(1, &r)).unwrap();
        let before = store.ledger(demo).unwrap().len();
        let chair = unlocked.member_id();
        assert_eq!(store.team_detail(demo).unwrap().members[0].id, chair);
        let decision = Section {
            name: SectionName::Decision,
            content: json!({"reasons": ["Sterkste onderbouwing op integriteit"]}),
        };
        let bytes = store
            .export_logboek(&unlocked, false, vec![decision])
            .unwrap();
        let v = verify_logboek(&bytes, None);
        assert!(v.intact, "{:?}", v.problem);
        // Signed with the team's own key, the one the committee is shown for this
        // team, not with the key of the laptop it was made on.
        let team_key = store.seal_state(demo).unwrap().fingerprint.unwrap();
        assert_eq!(v.fingerprint.as_ref().unwrap().as_str(), team_key.as_str());
        assert_ne!(team_key.as_str(), store.fingerprint().unwrap());
        let names: Vec<SectionName> = v.sections.iter().map(|s| s.name).collect();
        assert_eq!(
            names,
            [
                SectionName::RubricVersions,
                SectionName::BlindedSheets,
                SectionName::ConsistencySnapshots,
                SectionName::Decision
            ]
        );
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains("Sanne Hoekstra"), "no candidate names");
        assert!(text.contains(&record.sha256()));
        let report = v.report_html.unwrap();
        assert!(report.contains("alleen kandidaatcodes") && report.contains("<svg"));
        let log = store.ledger(demo).unwrap();
        assert_eq!(log.len(), before + 1);
        assert_eq!(log.last().unwrap().kind, EntryKind::Exported);
        assert_eq!(
            log.last().unwrap().actor,
            Actor::member(chair.to_string(), "Anneke de Wit"),
            "the log names the officer who exported, never a default"
        );
        assert_eq!(log.last().unwrap().payload["rules_version"], RULES_VERSION);
        assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));
    }

    #[test]
    fn identities_only_for_an_officer_after_the_unblinding_and_said_so() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let demo = demo_team(&store);
        crate::fixtures::demo_finish_open_round(&mut store, demo);
        // Only the chair and the secretary hold a passphrase for the sealed names; an
        // assessor cannot unlock them, so cannot ask for an export at all.
        let chair = demo_unlock(&mut store, demo, Role::Chair);
        let secretary = demo_unlock(&mut store, demo, Role::Secretary);
        let assessor = crate::fixtures::demo_member(&store, demo, Role::Assessor);
        assert!(matches!(
            store.unlock(demo, assessor, crate::fixtures::DEMO_CHAIR_PASSPHRASE),
            Err(StoreError::Sealing(SealingError::NotAnOfficer { .. }))
        ));
        let before = store.ledger(demo).unwrap();
        for officer in [&secretary, &chair] {
            let err = store.export_logboek(officer, true, Vec::new()).unwrap_err();
            assert!(
                matches!(err, StoreError::Access(_)),
                "{}: {err}",
                officer.member_id()
            );
        }
        assert_eq!(
            store.ledger(demo).unwrap(),
            before,
            "a refusal logs nothing"
        );

        store
            .record_decision(
                demo,
                chair.member_id(),
                vec![maatstaf_core::scoring::PortfolioChoice {
                    portfolio: "Financiën".into(),
                    candidates: vec!["K-7F3".into()],
                    reason: "Sterkste onderbouwing".into(),
                }],
            )
            .unwrap();
        let err = store.export_logboek(&chair, true, Vec::new()).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Access(AccessError::UnblindingNeeded { .. })
            ),
            "{err}"
        );
        store.unblind(&chair, "besluit genomen").unwrap();
        let bytes = store.export_logboek(&secretary, true, Vec::new()).unwrap();
        let v = verify_logboek(&bytes, None);
        assert!(v.intact, "{:?}", v.problem);
        assert!(v.header.unwrap().with_identities);
        let ids = v
            .sections
            .iter()
            .find(|s| s.name == SectionName::Identities)
            .unwrap();
        assert_eq!(ids.content[0]["name"], "Joke van der Linden-Bakker");
        assert!(v
            .report_html
            .unwrap()
            .contains("bevat namen van kandidaten"));
    }

    #[test]
    fn a_refused_export_changes_nothing() {
        let (_dir, mut store, demo, chair) = store();
        let before = store.ledger(demo).unwrap().len();
        let sneaky = Section {
            name: SectionName::Identities,
            content: json!([{"candidate_code": "K-7F3", "name": "Sanne Hoekstra"}]),
        };
        let err = store
            .export_logboek(&chair, false, vec![sneaky])
            .unwrap_err();
        assert!(
            matches!(err, StoreError::SectionNotAccepted("identities")),
            "{err}"
        );
        // An unlock of a team that has since been deleted exports nothing.
        let (gone, gone_chair) = sealed(&mut store, "Opgeheven");
        store
            .delete_team(gone, Some(gone_chair.member_id()))
            .unwrap();
        assert!(matches!(
            store.export_logboek(&gone_chair, false, Vec::new()),
            Err(StoreError::NoSuchTeam(id)) if id == gone
        ));
        assert_eq!(store.ledger(demo).unwrap().len(), before);
    }

    #[test]
    fn one_changed_byte_in_a_score_breaks_the_file() {
        let (_dir, mut store, _demo, chair) = store();
        let scores = Section {
            name: SectionName::Scores,
            content: json!([{"round": 1, "candidate_code": "K-7F3", "criterion": "Integriteit", "assessor": "Gerrit Bosma", "level": 4}]),
        };
        let bytes = store.export_logboek(&chair, false, vec![scores]).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let tampered = text.replacen("\"level\":4", "\"level\":5", 1);
        assert_ne!(text, tampered);
        let v = verify_logboek(tampered.as_bytes(), None);
        assert!(!v.intact);
        let p = v.problem.unwrap();
        assert_eq!(p.kind, ProblemKind::SectionAltered);
        assert!(p.message.nl.contains("Scores"), "{}", p.message.nl);
    }
}

#[cfg(test)]
mod recognition_tests {
    use maatstaf_core::rubric::Scale;
    use maatstaf_core::stats::Estimate;

    use super::*;
    use crate::fixtures::{demo_ratings, Discussed};

    #[test]
    fn a_live_snapshot_reports_alpha_without_the_recognised_scores() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let team = store.list_teams().unwrap()[0].id;
        let members = store.scoring_members(team).unwrap();
        let priya = members
            .iter()
            .find(|m| m.name == "Priya Ramdin")
            .unwrap()
            .id;
        store
            .declare_conflict(team, priya, "K-2XH", ConflictKind::RecognisesPerson, None)
            .unwrap();
        let ratings = demo_ratings(&store, team, Discussed::After);
        let request = |round, practice| SnapshotRequest {
            round,
            practice,
            rubric_version: 1,
            rubric_sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            scale: Scale { min: 1, max: 5 },
            ratings: &ratings,
        };
        let record = store.record_snapshot(team, &request(2, false)).unwrap();
        let r = record.recognition.clone().expect("a live round");
        // Priya's three scores of K-2XH are left out; the cells stay pairable.
        assert_eq!(r.recognised_scores, 3);
        assert_eq!(r.n_units_all, 9);
        assert_eq!(r.n_units_unrecognised, 9);
        assert_eq!(r.all, record.snapshot.overall.alpha_ordinal);
        assert!(matches!(r.unrecognised, Estimate::Value { .. }));
        assert_ne!(r.unrecognised.value(), r.all.value());
        // It is part of what the log's controlegetal covers, and it reads back.
        assert_eq!(store.snapshots(team).unwrap().last(), Some(&record));
        let last = store.ledger(team).unwrap().pop().unwrap();
        assert_eq!(last.payload["snapshot_sha256"], record.sha256());

        // Practice rounds have no recognition section.
        let practice = store.record_snapshot(team, &request(1, true)).unwrap();
        assert!(practice.recognition.is_none());
    }
}
