//! Trainer sessions: two independent scoring rounds on a practice case, with
//! the spread and the reference scores shown in between.

use maatstaf_core::access::Action;
use maatstaf_core::content::Case;
use maatstaf_core::ledger::EntryKind;
use maatstaf_core::report::SnapshotRequest;
use maatstaf_core::rubric::{LevelAnchor, Rubric, Scale};
use maatstaf_core::stats::Rating;
use maatstaf_core::training::{
    check_advance, check_score, check_start, meets_threshold, round_agreement, Phase,
    PracticeScore, RoundAgreement, SessionError,
};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use super::content::rubrics;
use super::error::TrainingError;
use crate::error::Result;
use crate::{clock, ledger, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ParticipantStatus {
    #[ts(type = "number")]
    pub member_id: i64,
    pub name: String,
    /// Whether the participant has scored every cell of round 1 / round 2.
    /// Completion is shown; the scores themselves are not.
    pub round1_complete: bool,
    pub round2_complete: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SessionSummary {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub team_id: i64,
    #[ts(type = "number")]
    pub trainer_id: i64,
    pub trainer_name: String,
    pub case_id: String,
    pub case_title: String,
    pub modules: Vec<String>,
    pub phase: Phase,
    pub created_at: String,
    pub participants: Vec<ParticipantStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SheetCriterion {
    pub id: String,
    pub name: String,
    pub definition: String,
    pub anchors: Vec<LevelAnchor>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CandidateAnswers {
    /// Only the code: participants score blind.
    pub code: String,
    /// `[criterion id, written answer]`, in the rubric's order.
    pub answers: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OwnScore {
    pub round: u8,
    pub candidate: String,
    pub criterion: String,
    pub score: u8,
}

/// What one participant sees: the case, the rubric and only their own scores.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SessionSheet {
    #[ts(type = "number")]
    pub session_id: i64,
    #[ts(type = "number")]
    pub member_id: i64,
    pub member_name: String,
    pub phase: Phase,
    pub open_round: Option<u8>,
    pub case_title: String,
    pub intro_html: String,
    pub scale: Scale,
    pub criteria: Vec<SheetCriterion>,
    pub candidates: Vec<CandidateAnswers>,
    pub own: Vec<OwnScore>,
}

/// The trainer's projector view: only what the phase allows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SessionBoard {
    pub session: SessionSummary,
    /// Closed rounds only, anonymised.
    pub rounds: Vec<RoundAgreement>,
    pub references_visible: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TrainingStatus {
    #[ts(type = "number")]
    pub team_id: i64,
    pub min_agreement: Option<f64>,
    /// The highest overall agreement of a finished session's last round.
    pub best_agreement: Option<f64>,
    pub live_scoring_open: bool,
}

struct SessionRow {
    team_id: i64,
    trainer_id: i64,
    case_id: String,
    phase: Phase,
}

impl Store {
    fn session_row(&self, id: i64) -> Result<SessionRow> {
        let row: Option<(i64, i64, String, String)> = self
            .conn
            .query_row(
                "SELECT team_id, trainer_id, case_id, phase FROM training_sessions WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let (team_id, trainer_id, case_id, phase) = row.ok_or(TrainingError::NoSuchSession(id))?;
        Ok(SessionRow {
            team_id,
            trainer_id,
            case_id,
            // The schema's CHECK constraint only admits known phases.
            phase: Phase::parse(&phase).unwrap_or(Phase::Round1),
        })
    }

    fn case_and_rubric(&self, case_id: &str) -> Result<(Case, Rubric)> {
        let (case, _) = self.installed_case(case_id)?;
        let rubric = rubrics()
            .into_iter()
            .find(|r| r.id == case.rubric)
            .ok_or_else(|| TrainingError::NoSuchCase(case_id.to_owned()))?;
        Ok((case, rubric))
    }

    fn round_scores(&self, session_id: i64, round: u8) -> Result<Vec<(i64, PracticeScore)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id, candidate, criterion, score FROM training_scores
             WHERE session_id = ?1 AND round = ?2",
        )?;
        let scores = stmt
            .query_map(params![session_id, round], |r| {
                let member: i64 = r.get(0)?;
                Ok((
                    member,
                    PracticeScore {
                        participant: member.to_string(),
                        candidate: r.get(1)?,
                        criterion: r.get(2)?,
                        score: r.get(3)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(scores)
    }

    /// Starts a session for a team: `trainer_id` leads, `participant_ids` score.
    pub fn start_session(
        &mut self,
        team_id: i64,
        trainer_id: i64,
        case_id: &str,
        module_ids: &[String],
        participant_ids: &[i64],
    ) -> Result<SessionSummary> {
        self.team(team_id)?;
        let (_, role, trainer_team) = self.member_role(trainer_id)?;
        if trainer_team != team_id {
            return Err(TrainingError::NotInTeam { member: trainer_id }.into());
        }
        let trainer = self
            .authorize(team_id, Action::LeadTraining, Some(trainer_id))?
            .ledger;
        let mut participants: Vec<i64> = participant_ids.to_vec();
        participants.sort_unstable();
        participants.dedup();
        for &p in &participants {
            let (_, _, team) = self.member_role(p)?;
            if team != team_id {
                return Err(TrainingError::NotInTeam { member: p }.into());
            }
        }
        check_start(role, participants.len(), participants.contains(&trainer_id))
            .map_err(TrainingError::Session)?;
        self.case_and_rubric(case_id)?;
        for module in module_ids {
            self.installed_module(module)?;
        }
        let modules = serde_json::to_string(module_ids).unwrap_or_else(|_| "[]".into());
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO training_sessions (team_id, trainer_id, case_id, modules, phase, created_at)
             VALUES (?1, ?2, ?3, ?4, 'round1', ?5)",
            params![team_id, trainer_id, case_id, modules, clock::now()],
        )?;
        let id = tx.last_insert_rowid();
        for &p in &participants {
            tx.execute(
                "INSERT INTO training_participants (session_id, member_id) VALUES (?1, ?2)",
                params![id, p],
            )?;
        }
        let participants: Vec<String> = participants.iter().map(i64::to_string).collect();
        ledger::append(
            &tx,
            team_id,
            &trainer,
            EntryKind::TrainingSessionStarted,
            json!({
                "session_id": id.to_string(),
                "case_id": case_id,
                "modules": module_ids,
                "participants": participants,
            }),
        )?;
        tx.commit()?;
        self.session(id)
    }

    pub fn session(&self, id: i64) -> Result<SessionSummary> {
        let row = self.session_row(id)?;
        let (modules, created_at, trainer_name): (String, String, String) = self.conn.query_row(
            "SELECT s.modules, s.created_at, m.name FROM training_sessions s
             JOIN members m ON m.id = s.trainer_id WHERE s.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let (case, rubric) = self.case_and_rubric(&row.case_id)?;
        let cells = (case.candidates.len() * rubric.criteria.len()) as i64;
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.member_id, m.name,
                (SELECT count(*) FROM training_scores s WHERE s.session_id = p.session_id
                   AND s.member_id = p.member_id AND s.round = 1),
                (SELECT count(*) FROM training_scores s WHERE s.session_id = p.session_id
                   AND s.member_id = p.member_id AND s.round = 2)
             FROM training_participants p JOIN members m ON m.id = p.member_id
             WHERE p.session_id = ?1 ORDER BY m.name COLLATE NOCASE",
        )?;
        let participants = stmt
            .query_map([id], |r| {
                let (one, two): (i64, i64) = (r.get(2)?, r.get(3)?);
                Ok(ParticipantStatus {
                    member_id: r.get(0)?,
                    name: r.get(1)?,
                    round1_complete: one >= cells,
                    round2_complete: two >= cells,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(SessionSummary {
            id,
            team_id: row.team_id,
            trainer_id: row.trainer_id,
            trainer_name,
            case_id: row.case_id,
            case_title: case.title,
            modules: serde_json::from_str(&modules).unwrap_or_default(),
            phase: row.phase,
            created_at,
            participants,
        })
    }

    /// A team's sessions, newest first.
    pub fn list_sessions(&self, team_id: i64) -> Result<Vec<SessionSummary>> {
        self.team(team_id)?;
        let ids: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM training_sessions WHERE team_id = ?1 ORDER BY id DESC")?;
            let ids = stmt
                .query_map([team_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids
        };
        ids.into_iter().map(|id| self.session(id)).collect()
    }

    fn participant_name(
        &self,
        session_id: i64,
        member_id: i64,
    ) -> Result<std::result::Result<String, String>> {
        let (name, _, _) = self.member_role(member_id)?;
        let takes_part: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM training_participants WHERE session_id = ?1 AND member_id = ?2)",
            params![session_id, member_id],
            |r| r.get(0),
        )?;
        Ok(if takes_part { Ok(name) } else { Err(name) })
    }

    /// A participant's sheet: the blinded case, the rubric and their own scores only.
    pub fn session_sheet(&self, session_id: i64, member_id: i64) -> Result<SessionSheet> {
        let row = self.session_row(session_id)?;
        self.training_actor(member_id, Action::Practise)?;
        let member_name = self
            .participant_name(session_id, member_id)?
            .map_err(|name| TrainingError::Session(SessionError::NotAParticipant { name }))?;
        let (case, rubric) = self.case_and_rubric(&row.case_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT round, candidate, criterion, score FROM training_scores
             WHERE session_id = ?1 AND member_id = ?2 ORDER BY round, candidate, criterion",
        )?;
        let own = stmt
            .query_map(params![session_id, member_id], |r| {
                Ok(OwnScore {
                    round: r.get(0)?,
                    candidate: r.get(1)?,
                    criterion: r.get(2)?,
                    score: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(SessionSheet {
            session_id,
            member_id,
            member_name,
            phase: row.phase,
            open_round: row.phase.open_round(),
            case_title: case.title.clone(),
            intro_html: Store::case_intro_html(&case),
            scale: rubric.scale,
            criteria: rubric
                .criteria
                .iter()
                .map(|c| SheetCriterion {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    definition: c.definition.clone(),
                    anchors: c
                        .levels()
                        .into_iter()
                        .map(|(level, text)| LevelAnchor {
                            level,
                            text: text.to_owned(),
                        })
                        .collect(),
                })
                .collect(),
            candidates: case
                .candidates
                .iter()
                .map(|c| CandidateAnswers {
                    code: c.code.clone(),
                    answers: rubric
                        .criteria
                        .iter()
                        .map(|k| {
                            (
                                k.id.clone(),
                                c.answers.get(&k.id).cloned().unwrap_or_default(),
                            )
                        })
                        .collect(),
                })
                .collect(),
            own,
        })
    }

    /// Saves (or changes) one of a participant's scores in the open round.
    pub fn save_practice_score(
        &mut self,
        session_id: i64,
        member_id: i64,
        round: u8,
        candidate: &str,
        criterion: &str,
        score: i64,
    ) -> Result<()> {
        let row = self.session_row(session_id)?;
        self.training_actor(member_id, Action::Practise)?;
        let participant = self.participant_name(session_id, member_id)?;
        let (case, rubric) = self.case_and_rubric(&row.case_id)?;
        check_score(
            row.phase,
            round,
            participant.as_ref().map(|_| ()).map_err(String::as_str),
            rubric.scale,
            score,
        )
        .map_err(TrainingError::Session)?;
        if !case.candidates.iter().any(|c| c.code == candidate) {
            return Err(TrainingError::Session(SessionError::NoSuchCandidate {
                candidate: candidate.to_owned(),
            })
            .into());
        }
        if rubric.criterion(criterion).is_none() {
            return Err(TrainingError::Session(SessionError::NoSuchCriterion {
                id: criterion.to_owned(),
            })
            .into());
        }
        self.conn.execute(
            "INSERT INTO training_scores (session_id, member_id, round, candidate, criterion, score, saved_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (session_id, member_id, round, candidate, criterion)
             DO UPDATE SET score = excluded.score, saved_at = excluded.saved_at",
            params![session_id, member_id, round, candidate, criterion, score, clock::now()],
        )?;
        Ok(())
    }

    /// Moves the session on; only its trainer can, and a round closes only
    /// when every participant has finished it.
    pub fn advance_session(&mut self, session_id: i64, trainer_id: i64) -> Result<SessionSummary> {
        let row = self.session_row(session_id)?;
        let (trainer, _) = self.training_actor(trainer_id, Action::LeadTraining)?;
        if row.trainer_id != trainer_id {
            return Err(TrainingError::Session(SessionError::NotTrainer).into());
        }
        let summary = self.session(session_id)?;
        let unfinished: Vec<String> = summary
            .participants
            .iter()
            .filter(|p| match row.phase.open_round() {
                Some(1) => !p.round1_complete,
                Some(_) => !p.round2_complete,
                None => false,
            })
            .map(|p| p.name.clone())
            .collect();
        let next = check_advance(row.phase, &unfinished).map_err(TrainingError::Session)?;
        // A practice round that closes is measured like a live one, so the team's
        // consistency log shows its practice next to its live rounds.
        let closed = row
            .phase
            .open_round()
            .filter(|r| next.open_round() != Some(*r));
        let ratings: Vec<Rating> = match closed {
            Some(round) => self
                .round_scores(session_id, round)?
                .into_iter()
                .map(|(member, s)| Rating {
                    unit: s.candidate,
                    criterion: s.criterion,
                    rater: member.to_string(),
                    value: Some(f64::from(s.score)),
                })
                .collect(),
            None => Vec::new(),
        };
        let rubric = match closed {
            Some(_) => Some(self.case_and_rubric(&row.case_id)?.1),
            None => None,
        };
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE training_sessions SET phase = ?1 WHERE id = ?2",
            params![next.as_str(), session_id],
        )?;
        if next == Phase::Done {
            ledger::append(
                &tx,
                row.team_id,
                &trainer,
                EntryKind::TrainingSessionCompleted,
                json!({ "session_id": session_id.to_string(), "case_id": row.case_id }),
            )?;
        }
        if let Some(rubric) = rubric {
            let practice_round: u32 = tx.query_row(
                "SELECT count(*) + 1 FROM consistency_snapshots WHERE team_id = ?1 AND practice = 1",
                [row.team_id],
                |r| r.get(0),
            )?;
            let sha = maatstaf_core::rubric::sha256_hex(&rubric);
            crate::consistency::record_snapshot(
                &tx,
                row.team_id,
                &SnapshotRequest {
                    round: practice_round,
                    practice: true,
                    rubric_version: rubric.version,
                    rubric_sha256: &sha,
                    scale: rubric.scale,
                    ratings: &ratings,
                },
            )?;
        }
        tx.commit()?;
        self.session(session_id)
    }

    /// The projector view: anonymised spread and agreement of closed rounds.
    pub fn session_board(&self, session_id: i64) -> Result<SessionBoard> {
        let session = self.session(session_id)?;
        let (case, rubric) = self.case_and_rubric(&session.case_id)?;
        let references = session.phase.references_visible();
        let mut rounds = Vec::new();
        for round in [1u8, 2] {
            if session.phase.round_visible(round) {
                let scores: Vec<PracticeScore> = self
                    .round_scores(session_id, round)?
                    .into_iter()
                    .map(|(_, s)| s)
                    .collect();
                rounds.push(round_agreement(&rubric, &case, round, &scores, references));
            }
        }
        Ok(SessionBoard {
            session,
            rounds,
            references_visible: references,
        })
    }

    /// Sets (or with `None` clears) the minimum practice agreement the team
    /// must reach before its live scoring opens.
    pub fn set_min_agreement(
        &mut self,
        team_id: i64,
        member_id: i64,
        minimum: Option<f64>,
    ) -> Result<TrainingStatus> {
        self.team(team_id)?;
        let (_, _, member_team) = self.member_role(member_id)?;
        if member_team != team_id {
            return Err(TrainingError::NotInTeam { member: member_id }.into());
        }
        let actor = self
            .authorize(team_id, Action::SetMinAgreement, Some(member_id))?
            .ledger;
        let tx = self.conn.transaction()?;
        match minimum {
            Some(m) if !(0.0..=1.0).contains(&m) => {
                return Err(TrainingError::InvalidThreshold(m).into())
            }
            Some(m) => {
                tx.execute(
                    "INSERT INTO training_thresholds (team_id, min_alpha, set_by, set_at)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (team_id) DO UPDATE SET min_alpha = excluded.min_alpha,
                        set_by = excluded.set_by, set_at = excluded.set_at",
                    params![team_id, m, member_id, clock::now()],
                )?;
            }
            None => {
                tx.execute(
                    "DELETE FROM training_thresholds WHERE team_id = ?1",
                    [team_id],
                )?;
            }
        }
        // The threshold decides when live scoring may open, so the log says who moved it.
        ledger::append(
            &tx,
            team_id,
            &actor,
            EntryKind::TrainingThresholdChanged,
            json!({ "member_id": member_id.to_string(), "min_alpha": minimum }),
        )?;
        tx.commit()?;
        self.training_status(team_id)
    }

    pub fn training_status(&self, team_id: i64) -> Result<TrainingStatus> {
        self.team(team_id)?;
        let minimum: Option<f64> = self
            .conn
            .query_row(
                "SELECT min_alpha FROM training_thresholds WHERE team_id = ?1",
                [team_id],
                |r| r.get(0),
            )
            .optional()?;
        let done: Vec<(i64, String)> = {
            let mut stmt = self.conn.prepare(
                "SELECT id, case_id FROM training_sessions WHERE team_id = ?1 AND phase = 'done'",
            )?;
            let rows = stmt
                .query_map([team_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            rows
        };
        let mut best: Option<maatstaf_core::stats::Estimate> = None;
        for (id, case_id) in done {
            let (case, rubric) = self.case_and_rubric(&case_id)?;
            let scores: Vec<PracticeScore> = self
                .round_scores(id, 2)?
                .into_iter()
                .map(|(_, s)| s)
                .collect();
            let overall = round_agreement(&rubric, &case, 2, &scores, false).overall;
            if overall.value() > best.as_ref().and_then(|b| b.value()) {
                best = Some(overall);
            }
        }
        let open = match minimum {
            None => true,
            Some(m) => best.as_ref().is_some_and(|b| meets_threshold(b, m)),
        };
        Ok(TrainingStatus {
            team_id,
            min_agreement: minimum,
            best_agreement: best.and_then(|b| b.value()),
            live_scoring_open: open,
        })
    }

    /// Whether the team may start live scoring: always, until a trainer sets a
    /// minimum practice agreement; then only once a finished session reached it.
    pub fn live_scoring_open(&self, team_id: i64) -> Result<bool> {
        Ok(self.training_status(team_id)?.live_scoring_open)
    }
}
