//! Progress per team member: modules read and exercise results.

use maatstaf_core::access::Action;
use maatstaf_core::content::{
    grade_choice, grade_spot, ChoiceResult, Exercise, SpotClick, SpotResult,
};
use maatstaf_core::ledger::EntryKind;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::error::TrainingError;
use crate::error::Result;
use crate::{clock, ledger, Store};

/// An answer to an exercise, graded in core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum Answer {
    Choice { selected: Vec<usize> },
    Spot { click: SpotClick },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum GradeOutcome {
    Choice {
        result: ChoiceResult,
    },
    Spot {
        result: SpotResult,
        /// Problems this member has found so far (indices), after this click.
        found: Vec<u32>,
        problems: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExerciseProgress {
    pub exercise_id: String,
    /// A choice answered right at least once, or every spot problem found.
    pub done: bool,
    pub attempts: u32,
    /// Spot exercises: the problems found so far.
    pub found: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ModuleProgress {
    pub module_id: String,
    pub read: bool,
    pub exercises_done: u32,
    pub exercises_total: u32,
    pub exercises: Vec<ExerciseProgress>,
}

impl Store {
    /// Marks a module as read by a member. Reading it again changes nothing.
    pub fn mark_module_read(&mut self, member_id: i64, module_id: &str) -> Result<()> {
        let (actor, team_id) = self.training_actor(member_id, Action::Practise)?;
        self.installed_module(module_id)?;
        let tx = self.conn.transaction()?;
        let first_time = tx.execute(
            "INSERT INTO training_reads (member_id, module_id, read_at) VALUES (?1, ?2, ?3)
             ON CONFLICT DO NOTHING",
            params![member_id, module_id, clock::now()],
        )? == 1;
        if first_time {
            ledger::append(
                &tx,
                team_id,
                &actor,
                EntryKind::TrainingModuleCompleted,
                json!({ "member_id": member_id.to_string(), "module_id": module_id }),
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Grades an answer and records the result for the member's progress.
    pub fn grade_exercise(
        &mut self,
        member_id: i64,
        module_id: &str,
        exercise_id: &str,
        answer: &Answer,
    ) -> Result<GradeOutcome> {
        self.training_actor(member_id, Action::Practise)?;
        let module = self.installed_module(module_id)?;
        let exercise = module
            .exercises
            .iter()
            .find(|e| e.id() == exercise_id)
            .ok_or_else(|| TrainingError::NoSuchExercise {
                module: module_id.to_owned(),
                exercise: exercise_id.to_owned(),
            })?;
        let now = clock::now();
        let record = |store: &mut Store, correct: bool, problem: Option<usize>| {
            store.conn.execute(
                "INSERT INTO training_results (member_id, module_id, exercise_id, correct, problem, answered_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![member_id, module_id, exercise_id, correct, problem, now],
            )
        };
        match (exercise, answer) {
            (Exercise::Choice(e), Answer::Choice { selected }) => {
                let result = grade_choice(e, selected).map_err(TrainingError::Grade)?;
                record(self, result.right, None)?;
                Ok(GradeOutcome::Choice { result })
            }
            (Exercise::Spot(e), Answer::Spot { click }) => {
                let result = grade_spot(e, click).map_err(TrainingError::Grade)?;
                let problem = match &result {
                    SpotResult::Hit { problem, .. } => Some(*problem),
                    SpotResult::Miss => None,
                };
                record(self, problem.is_some(), problem)?;
                let found = self.spot_found(member_id, module_id, exercise_id)?;
                Ok(GradeOutcome::Spot {
                    result,
                    found,
                    problems: e.problems.len() as u32,
                })
            }
            (Exercise::Choice(_), _) => {
                Err(TrainingError::WrongAnswerKind { expected: "choice" }.into())
            }
            (Exercise::Spot(_), _) => {
                Err(TrainingError::WrongAnswerKind { expected: "spot" }.into())
            }
            (Exercise::Case(_), _) => {
                Err(TrainingError::WrongAnswerKind { expected: "case" }.into())
            }
        }
    }

    fn spot_found(&self, member_id: i64, module_id: &str, exercise_id: &str) -> Result<Vec<u32>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT problem FROM training_results
             WHERE member_id = ?1 AND module_id = ?2 AND exercise_id = ?3 AND problem IS NOT NULL
             ORDER BY problem",
        )?;
        let found = stmt
            .query_map(params![member_id, module_id, exercise_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(found)
    }

    /// A member's progress on every installed module, in the library's order.
    pub fn training_progress(&self, member_id: i64) -> Result<Vec<ModuleProgress>> {
        self.member_role(member_id)?;
        let mut stmt = self.conn.prepare(
            "SELECT m.id, EXISTS (SELECT 1 FROM training_reads r WHERE r.member_id = ?1 AND r.module_id = m.id)
             FROM training_modules m ORDER BY m.bundled DESC, m.sort_order, m.id",
        )?;
        let modules: Vec<(String, bool)> = stmt
            .query_map([member_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT e.exercise_id, e.kind, e.problems,
                (SELECT count(*) FROM training_results r
                  WHERE r.member_id = ?1 AND r.module_id = e.module_id AND r.exercise_id = e.exercise_id),
                EXISTS (SELECT 1 FROM training_results r
                  WHERE r.member_id = ?1 AND r.module_id = e.module_id AND r.exercise_id = e.exercise_id
                    AND r.correct = 1)
             FROM training_exercises e WHERE e.module_id = ?2 AND e.kind != 'case' ORDER BY e.position",
        )?;
        let mut out = Vec::new();
        for (module_id, read) in modules {
            let rows: Vec<(String, String, u32, u32, bool)> = stmt
                .query_map(params![member_id, module_id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let mut exercises = Vec::new();
            for (exercise_id, kind, problems, attempts, any_right) in rows {
                let (done, found) = if kind == "spot" {
                    let found = self.spot_found(member_id, &module_id, &exercise_id)?;
                    (found.len() as u32 >= problems, found)
                } else {
                    (any_right, Vec::new())
                };
                exercises.push(ExerciseProgress {
                    exercise_id,
                    done,
                    attempts,
                    found,
                });
            }
            out.push(ModuleProgress {
                module_id,
                read,
                exercises_done: exercises.iter().filter(|e| e.done).count() as u32,
                exercises_total: exercises.len() as u32,
                exercises,
            });
        }
        Ok(out)
    }
}
