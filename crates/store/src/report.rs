//! The decision report's data: gathered from the rounds, the rubric, the training,
//! the consistency log, the decision, the dissent notes and the team's log; turned
//! into a document by core. Also the dissent notes themselves, the integrity track
//! (done or not, never its content) and the log entry for an exported report.

use std::collections::BTreeMap;

use maatstaf_core::access::Action;
use maatstaf_core::formation::leniency::{AssessorOwnParty, PartyLeniency};
use maatstaf_core::formation::OwnPartyLeniency;
use maatstaf_core::i18n::Lang;
use maatstaf_core::ledger::{sha256_hex, EntryKind};
use maatstaf_core::report::{
    decision_report, AllocationInput, DecisionReportInput, DissentInput, IntegrityInput,
    OwnPartyInput, ReportDoc, RubricInput, TrainingInput,
};
use maatstaf_core::scoring::{check_dissent, revisions, RoundView, ScoringError};
use rusqlite::params;
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::error::Result;
use crate::rubrics::frozen_versions;
use crate::scoring::reading::{latest_round_number, load_round, load_selection, load_sheets};
use crate::sealing::Unlocked;
use crate::{clock, ledger, Store};

/// A member's dissent note as the app lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DissentNote {
    #[ts(type = "number")]
    pub member_id: i64,
    pub member: String,
    pub text: String,
    /// RFC 3339, UTC.
    pub at: String,
}

/// In which form a report left the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Pdf,
    Html,
}

impl ReportFormat {
    fn as_str(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Html => "html",
        }
    }
}

impl Store {
    /// A member who takes part in the selection records, before the decision, that
    /// they disagree, with their reasons. Logged with the text; never replaced.
    pub fn record_dissent(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        text: &str,
    ) -> Result<DissentNote> {
        let who = self.authorize(team_id, Action::RecordDissent, actor)?;
        let member = who
            .member
            .ok_or(maatstaf_core::access::AccessError::NobodyActing {
                action: Action::RecordDissent.as_str().to_owned(),
            })?;
        let already: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM dissents WHERE team_id = ?1 AND member_id = ?2)",
            params![team_id, member.id],
            |r| r.get(0),
        )?;
        let text = check_dissent(text, &load_selection(&self.conn, team_id)?, already)?;
        let at = clock::now();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO dissents (team_id, member_id, member_name, text, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![team_id, member.id, member.name, text, at],
        )?;
        ledger::append(
            &tx,
            team_id,
            &who.ledger,
            EntryKind::DissentRecorded,
            json!({ "member_id": member.id.to_string(), "text": text }),
        )?;
        tx.commit()?;
        Ok(DissentNote {
            member_id: member.id,
            member: member.name,
            text,
            at,
        })
    }

    /// The team's dissent notes, oldest first.
    pub fn dissents(&self, team_id: i64) -> Result<Vec<DissentNote>> {
        self.team(team_id)?;
        let mut stmt = self.conn.prepare(
            "SELECT member_id, member_name, text, created_at FROM dissents
             WHERE team_id = ?1 ORDER BY id",
        )?;
        let notes = stmt
            .query_map([team_id], |r| {
                Ok(DissentNote {
                    member_id: r.get(0)?,
                    member: r.get(1)?,
                    text: r.get(2)?,
                    at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(notes)
    }

    /// An officer notes that the burgemeester's risicoanalyse was done for a chosen
    /// candidate: only that it was done, never what it found. Logged.
    pub fn record_risk_analysis(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        code: &str,
    ) -> Result<()> {
        let who = self.authorize(team_id, Action::RecordRiskAnalysis, actor)?;
        let chosen = chosen_codes(&self.conn, team_id)?;
        if !chosen.iter().any(|c| c == code) {
            return Err(ScoringError::UnknownCandidate {
                candidate: code.to_owned(),
            }
            .into());
        }
        let tx = self.conn.transaction()?;
        let added = tx.execute(
            "INSERT OR IGNORE INTO risk_analyses (team_id, candidate_code, done_at)
             VALUES (?1, ?2, ?3)",
            params![team_id, code, clock::now()],
        )?;
        if added > 0 {
            ledger::append(
                &tx,
                team_id,
                &who.ledger,
                EntryKind::RiskAnalysisDone,
                json!({ "candidate_code": code }),
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The chosen candidates with whether their risicoanalyse was noted as done.
    pub fn risk_analyses(&self, team_id: i64) -> Result<Vec<(String, bool)>> {
        self.team(team_id)?;
        let done: Vec<String> = self
            .conn
            .prepare("SELECT candidate_code FROM risk_analyses WHERE team_id = ?1")?
            .query_map([team_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(chosen_codes(&self.conn, team_id)?
            .into_iter()
            .map(|code| {
                let is_done = done.contains(&code);
                (code, is_done)
            })
            .collect())
    }

    /// Everything the decision report of round `round` (by default the round the
    /// decision rests on, else the latest revealed one) is made of, as `viewer` may
    /// see it. Names only with `names`: an officer who unlocked them, after the
    /// unblinding (refused before).
    pub fn decision_report_input(
        &self,
        team_id: i64,
        viewer: i64,
        round: Option<u32>,
        names: Option<&Unlocked>,
    ) -> Result<DecisionReportInput> {
        self.authorize(team_id, Action::ExportReport, Some(viewer))?;
        let mut selection = load_selection(&self.conn, team_id)?;
        let number = match round {
            Some(n) => n,
            None => match &selection.decision {
                Some(d) => d.round,
                None => latest_revealed(&self.conn, team_id)?.ok_or(ScoringError::NotRevealed)?,
            },
        };
        let RoundView::Revealed { comparison } = self.round_view(team_id, viewer, number)? else {
            return Err(ScoringError::NotRevealed.into());
        };
        let team = self.team(team_id)?;
        // The decision and the unblinding name the member who acted, not their id
        // (a member removed since keeps the id).
        let member_names: BTreeMap<String, String> = self
            .conn
            .prepare("SELECT id, name FROM members WHERE team_id = ?1")?
            .query_map([team_id], |r| {
                Ok((r.get::<_, i64>(0)?.to_string(), r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let by_name = |id: &mut String| {
            if let Some(name) = member_names.get(id.as_str()) {
                *id = name.clone();
            }
        };
        if let Some(d) = selection.decision.as_mut() {
            by_name(&mut d.recorded_by);
        }
        if let Some(u) = selection.unblinded.as_mut() {
            by_name(&mut u.by);
        }

        let frozen = frozen_versions(&self.conn, team_id)?;
        let version = frozen.iter().find(|v| v.sha256 == comparison.rubric_hash);
        let rubric = match version {
            Some(v) => {
                let r = v.rubric()?;
                RubricInput {
                    title: r.title.clone(),
                    version: v.version,
                    frozen_at: Some(v.frozen_at.clone()),
                    sha256: v.sha256.clone(),
                    definitions: r
                        .criteria
                        .iter()
                        .map(|c| (c.name.clone(), c.definition.clone()))
                        .collect(),
                }
            }
            None => {
                let r = load_round(&self.conn, team_id, number)?.rubric().clone();
                RubricInput {
                    title: r.title.clone(),
                    version: r.version,
                    frozen_at: None,
                    sha256: comparison.rubric_hash.clone(),
                    definitions: r
                        .criteria
                        .iter()
                        .map(|c| (c.name.clone(), c.definition.clone()))
                        .collect(),
                }
            }
        };

        let mut changes = Vec::new();
        for n in 2..=number {
            let (prev, next) = (
                load_round(&self.conn, team_id, n - 1)?,
                load_round(&self.conn, team_id, n)?,
            );
            if prev.is_revealed() && next.is_revealed() {
                changes.extend(revisions(
                    &prev,
                    &load_sheets(&self.conn, team_id, n - 1)?,
                    &next,
                    &load_sheets(&self.conn, team_id, n)?,
                )?);
            }
        }

        let agreement = self
            .snapshots(team_id)?
            .into_iter()
            .find(|s| !s.practice && s.round == number);

        // Own-party leniency as the log recorded it at the unblinding: before that
        // the log has no such entry, and the report none.
        let own_party = if selection.unblinded.is_some() {
            ledger::entries(&self.conn, team_id)?
                .into_iter()
                .rev()
                .find(|e| e.kind == EntryKind::OwnPartyLeniency)
                .and_then(|e| {
                    let read = |key: &str| e.payload.get(key).cloned().unwrap_or_default();
                    Some(OwnPartyInput {
                        round: serde_json::from_value(read("round")).ok()?,
                        leniency: OwnPartyLeniency {
                            assessors: serde_json::from_value::<Vec<AssessorOwnParty>>(read(
                                "assessors",
                            ))
                            .ok()?,
                            parties: serde_json::from_value::<Vec<PartyLeniency>>(read("parties"))
                                .ok()?,
                        },
                    })
                })
        } else {
            None
        };

        let names: BTreeMap<String, String> = match names {
            Some(by) => self
                .unblinded_candidates(by)?
                .into_iter()
                .map(|c| (c.code, c.name))
                .collect(),
            None => BTreeMap::new(),
        };

        let fingerprint = match self.seal_state(team_id)?.fingerprint {
            Some(fp) => Some(fp.as_str().to_owned()),
            None => Some(self.fingerprint()?),
        };

        // A round with posts: the advice as the app gives it without pairs the team
        // ruled out by hand (knock-outs rule pairs out by themselves).
        let allocation = if comparison.posts.is_empty() {
            None
        } else {
            Some(
                match crate::posts::advice(
                    &self.conn,
                    team_id,
                    number,
                    &maatstaf_core::formation::Constraints::default(),
                )? {
                    Ok(analysis) => AllocationInput::Advice(analysis),
                    Err(why) => AllocationInput::Unavailable(why.message()),
                },
            )
        };

        // Each post's own frozen rubric: the round's combined rubric is frozen only
        // as its posts' rubrics are.
        let post_rubrics = if comparison.posts.is_empty() {
            Vec::new()
        } else {
            load_round(&self.conn, team_id, number)?
                .posts()
                .iter()
                .map(|p| {
                    let known = frozen.iter().find(|v| v.sha256 == p.rubric_hash);
                    let (title, frozen_at) = match known {
                        Some(v) => (v.rubric()?.title, Some(v.frozen_at.clone())),
                        None => (p.rubric_id.clone(), None),
                    };
                    Ok((
                        p.name.clone(),
                        RubricInput {
                            title,
                            version: p.rubric_version,
                            frozen_at,
                            sha256: p.rubric_hash.clone(),
                            definitions: Vec::new(),
                        },
                    ))
                })
                .collect::<Result<Vec<_>>>()?
        };

        let mut input = DecisionReportInput {
            team_name: team.name,
            generated_at: clock::now(),
            training: self.training_input(team_id)?,
            rubric,
            comparison: *comparison,
            agreement,
            revisions: changes,
            selection,
            dissents: self
                .dissents(team_id)?
                .into_iter()
                .map(|d| DissentInput {
                    member: d.member,
                    text: d.text,
                    at: d.at,
                })
                .collect(),
            names,
            integrity: self
                .risk_analyses(team_id)?
                .into_iter()
                .map(|(code, done)| IntegrityInput { code, done })
                .collect(),
            checkpoints: self.checkpoints(team_id)?,
            fingerprint,
            own_party,
            allocation,
            post_rubrics,
        };
        in_local_time(&mut input, machine_offset);
        Ok(input)
    }

    /// The decision report as a document, ready for HTML or PDF.
    pub fn decision_report(
        &self,
        team_id: i64,
        viewer: i64,
        round: Option<u32>,
        names: Option<&Unlocked>,
        lang: Lang,
    ) -> Result<ReportDoc> {
        let input = self.decision_report_input(team_id, viewer, round, names)?;
        Ok(decision_report(&input, lang))
    }

    /// Records that `actor` took the report out of the app as `bytes`: the file's
    /// SHA-256 goes into the team's log.
    pub fn log_report_export(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        round: u32,
        format: ReportFormat,
        with_names: bool,
        bytes: &[u8],
    ) -> Result<()> {
        let who = self.authorize(team_id, Action::ExportReport, actor)?;
        let tx = self.conn.transaction()?;
        ledger::append(
            &tx,
            team_id,
            &who.ledger,
            EntryKind::ReportExported,
            json!({
                "round": round,
                "format": format.as_str(),
                "with_names": with_names,
                "sha256": sha256_hex(bytes),
            }),
        )?;
        tx.commit()?;
        Ok(())
    }

    fn training_input(&self, team_id: i64) -> Result<TrainingInput> {
        let members = self.scoring_members(team_id)?;
        let mut modules = Vec::new();
        let progress: Vec<Vec<_>> = members
            .iter()
            .map(|m| self.training_progress(m.id))
            .collect::<Result<_>>()?;
        for module in self.list_modules()? {
            let read = progress
                .iter()
                .filter(|p| p.iter().any(|m| m.module_id == module.id && m.read))
                .count();
            if read > 0 {
                modules.push((module.title, read));
            }
        }
        let practice_cases = self
            .list_sessions(team_id)?
            .into_iter()
            .filter(|s| s.phase == maatstaf_core::training::Phase::Done)
            .map(|s| s.case_title)
            .collect();
        let status = self.training_status(team_id)?;
        Ok(TrainingInput {
            modules,
            members: members.len(),
            practice_cases,
            min_agreement: status.min_agreement,
            best_agreement: status.best_agreement,
        })
    }
}

/// The machine's offset from UTC at `moment` (summer or winter time in the
/// Netherlands), from the system's time zone.
fn machine_offset(moment: chrono::DateTime<chrono::Utc>) -> chrono::FixedOffset {
    use chrono::Offset;
    moment.with_timezone(&chrono::Local).offset().fix()
}

/// `rfc3339` as the same moment at the offset `offset_at` gives for it, offset
/// written out ("2026-12-02T10:14:03+01:00"); unchanged when it cannot be read.
fn local_time(
    rfc3339: &str,
    offset_at: impl Fn(chrono::DateTime<chrono::Utc>) -> chrono::FixedOffset,
) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => {
            let utc = t.with_timezone(&chrono::Utc);
            utc.with_timezone(&offset_at(utc))
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
        }
        Err(_) => rfc3339.to_owned(),
    }
}

/// Every moment the report prints, in local time with its offset: the store knows
/// the machine's time zone, core only formats what it is given.
fn in_local_time(
    input: &mut DecisionReportInput,
    offset_at: impl Fn(chrono::DateTime<chrono::Utc>) -> chrono::FixedOffset + Copy,
) {
    let local = |t: &mut String| *t = local_time(t, offset_at);
    local(&mut input.generated_at);
    if let Some(at) = input.rubric.frozen_at.as_mut() {
        local(at);
    }
    for (_, r) in &mut input.post_rubrics {
        if let Some(at) = r.frozen_at.as_mut() {
            local(at);
        }
    }
    for d in &mut input.dissents {
        local(&mut d.at);
    }
    if let Some(d) = input.selection.decision.as_mut() {
        local(&mut d.at);
    }
    if let Some(u) = input.selection.unblinded.as_mut() {
        local(&mut u.at);
    }
    for c in &mut input.checkpoints {
        local(&mut c.time);
    }
}

/// The codes the recorded decision chose, in the decision's order.
fn chosen_codes(conn: &rusqlite::Connection, team_id: i64) -> Result<Vec<String>> {
    Ok(load_selection(conn, team_id)?
        .decision
        .map(|d| {
            let mut codes: Vec<String> = Vec::new();
            for code in d.choices.into_iter().flat_map(|c| c.candidates) {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
            codes
        })
        .unwrap_or_default())
}

fn latest_revealed(conn: &rusqlite::Connection, team_id: i64) -> Result<Option<u32>> {
    let Some(latest) = latest_round_number(conn, team_id)? else {
        return Ok(None);
    };
    for n in (1..=latest).rev() {
        if load_round(conn, team_id, n)?.is_revealed() {
            return Ok(Some(n));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use maatstaf_core::access::AccessError;
    use maatstaf_core::scoring::DissentError;
    use maatstaf_core::team::Role;

    use super::*;
    use crate::error::StoreError;
    use crate::fixtures::{demo_decide, demo_member, demo_team, demo_unlock};

    const NAMES: [&str; 3] = [
        "Sanne Hoekstra",
        "Kees Brouwer",
        "Joke van der Linden-Bakker",
    ];

    fn demo() -> (tempfile::TempDir, Store, i64) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let team = demo_team(&store);
        (dir, store, team)
    }

    #[test]
    fn a_member_records_a_dissent_before_the_decision_once_and_it_is_logged() {
        let (_dir, mut store, team) = demo();
        let gerrit = demo_member(&store, team, Role::Assessor);
        let log = store.ledger(team).unwrap().len();
        // Nobody signed in, or an empty note: refused, nothing kept.
        assert!(matches!(
            store.record_dissent(team, None, "Oneens."),
            Err(StoreError::Access(AccessError::NobodyActing { .. }))
        ));
        assert!(matches!(
            store.record_dissent(team, Some(gerrit), "   "),
            Err(StoreError::Dissent(DissentError::Empty))
        ));
        assert!(store.dissents(team).unwrap().is_empty());
        assert_eq!(store.ledger(team).unwrap().len(), log);

        let note = store
            .record_dissent(team, Some(gerrit), " K-R4M liet meer ervaring zien. ")
            .unwrap();
        assert_eq!(note.text, "K-R4M liet meer ervaring zien.");
        assert_eq!(note.member, "Gerrit Bosma");
        assert!(matches!(
            store.record_dissent(team, Some(gerrit), "Nog iets."),
            Err(StoreError::Dissent(DissentError::AlreadyRecorded))
        ));
        let entry = store.ledger(team).unwrap().pop().unwrap();
        assert_eq!(entry.kind, EntryKind::DissentRecorded);
        assert_eq!(entry.payload["text"], "K-R4M liet meer ervaring zien.");

        demo_decide(&mut store, team);
        let secretary = demo_member(&store, team, Role::Secretary);
        assert!(matches!(
            store.record_dissent(team, Some(secretary), "Te laat."),
            Err(StoreError::Dissent(DissentError::AfterDecision))
        ));
        assert_eq!(store.dissents(team).unwrap().len(), 1);
    }

    #[test]
    fn the_report_names_candidates_only_after_the_unblinding_and_by_choice() {
        let (_dir, mut store, team) = demo();
        let chair = demo_member(&store, team, Role::Chair);
        let gerrit = demo_member(&store, team, Role::Assessor);
        // An assessor may not make the report.
        assert!(matches!(
            store.decision_report(team, gerrit, None, None, Lang::Nl),
            Err(StoreError::Access(_))
        ));
        let doc = store
            .decision_report(team, chair, None, None, Lang::Nl)
            .unwrap();
        let text = doc.text();
        for code in ["K-7F3", "K-R4M", "K-2XH"] {
            assert!(text.contains(code), "{code}");
        }
        for name in NAMES {
            assert!(!text.contains(name), "{name} in a blinded report");
        }
        assert!(text.contains("Het besluit is nog niet vastgelegd."));
        // Agreement is reported per criterion by name, with its interval.
        assert!(
            text.contains("Integriteit en omgang met belangen | 0,66 | 0,33 – 0,90"),
            "{text}"
        );

        store
            .record_dissent(team, Some(gerrit), "K-R4M liet meer ervaring zien.")
            .unwrap();
        demo_decide(&mut store, team);
        // Decided but still blinded: the agreement with and without recognised
        // candidates is there, own-party leniency is not.
        let decided = store
            .decision_report(team, chair, None, None, Lang::Nl)
            .unwrap()
            .text();
        assert!(
            decided.contains("Overeenstemming en herkenning"),
            "{decided}"
        );
        assert!(
            !decided.contains("Mildheid voor de eigen partij"),
            "{decided}"
        );
        // Names before the unblinding: refused.
        let by = demo_unlock(&mut store, team, Role::Chair);
        assert!(store
            .decision_report(team, chair, None, Some(&by), Lang::Nl)
            .is_err());
        store.unblind(&by, "besluit is genomen").unwrap();
        let by = demo_unlock(&mut store, team, Role::Chair);
        let blind = store
            .decision_report(team, chair, None, None, Lang::En)
            .unwrap()
            .text();
        assert!(!blind.contains("Sanne Hoekstra"), "names only by choice");
        // After the unblinding the report gives own-party leniency, in English.
        assert!(blind.contains("Own-party leniency"), "{blind}");
        assert!(blind.contains("Agreement and recognition"), "{blind}");
        assert!(blind.contains("Gerrit Bosma"), "the dissent is printed");
        let named = store
            .decision_report(team, chair, None, Some(&by), Lang::En)
            .unwrap()
            .text();
        assert!(named.contains("K-7F3 (Sanne Hoekstra)"), "{named}");
        assert!(named.contains("Sterkste onderbouwing op integriteit"));
        assert!(named.contains("The names behind the codes were opened"));
        // By the member's name, not their number.
        assert!(
            named.contains("by Anneke de Wit, on the basis of round"),
            "{named}"
        );
        assert!(named.contains("by Anneke de Wit."), "{named}");
    }

    #[test]
    fn the_risk_analysis_is_noted_as_done_for_a_chosen_candidate_only() {
        let (_dir, mut store, team) = demo();
        let secretary = demo_member(&store, team, Role::Secretary);
        assert!(matches!(
            store.record_risk_analysis(team, Some(secretary), "K-7F3"),
            Err(StoreError::Access(AccessError::DecisionNeeded { .. }))
        ));
        demo_decide(&mut store, team);
        assert_eq!(
            store.risk_analyses(team).unwrap(),
            vec![("K-7F3".to_owned(), false)]
        );
        assert!(store
            .record_risk_analysis(team, Some(secretary), "K-R4M")
            .is_err());
        store
            .record_risk_analysis(team, Some(secretary), "K-7F3")
            .unwrap();
        assert_eq!(
            store.risk_analyses(team).unwrap(),
            vec![("K-7F3".to_owned(), true)]
        );
        let entry = store.ledger(team).unwrap().pop().unwrap();
        assert_eq!(entry.kind, EntryKind::RiskAnalysisDone);
        let chair = demo_member(&store, team, Role::Chair);
        let text = store
            .decision_report(team, chair, None, None, Lang::Nl)
            .unwrap()
            .text();
        assert!(text.contains("K-7F3 | gedaan"), "{text}");
    }

    #[test]
    fn the_report_prints_local_times_with_their_offset() {
        use chrono::FixedOffset;
        // Winter time in Amsterdam, whatever the machine running the test says.
        let winter = |_| FixedOffset::east_opt(3600).unwrap();
        assert_eq!(
            local_time("2026-12-02T09:14:03Z", winter),
            "2026-12-02T10:14:03+01:00"
        );
        assert_eq!(local_time("not a time", winter), "not a time");

        let (_dir, mut store, team) = demo();
        let chair = demo_member(&store, team, Role::Chair);
        demo_decide(&mut store, team);
        let mut input = store
            .decision_report_input(team, chair, None, None)
            .unwrap();
        let decided_utc = input.selection.decision.as_ref().unwrap().at.clone();
        in_local_time(&mut input, winter);
        let decided = input.selection.decision.as_ref().unwrap().at.clone();
        assert!(decided.ends_with("+01:00"), "{decided}");
        assert_eq!(
            chrono::DateTime::parse_from_rfc3339(&decided).unwrap(),
            chrono::DateTime::parse_from_rfc3339(&decided_utc).unwrap(),
            "the same moment"
        );
        let text = decision_report(&input, Lang::Nl).text();
        let hm = &decided[11..16];
        assert!(
            text.contains(&format!("{hm} (UTC+01:00)")),
            "{hm} with its offset:\n{text}"
        );
        assert!(
            !text.contains(" UTC,") && !text.contains(":00 UTC"),
            "{text}"
        );
    }
}
