//! Installed modules and cases: bundled install, listing, rendering, search,
//! import and removal.

use maatstaf_core::access::Action;
use maatstaf_core::bundle::{bundled_cases, bundled_modules, bundled_rubrics};
use maatstaf_core::content::{
    check_import, load_content, parse_case, parse_module, render_markdown, render_module,
    spot_tokens, Audience, Case, Diagnostic, Exercise, Heading, Module, SpotToken,
};
use maatstaf_core::ledger::{sha256_hex, EntryKind};
use maatstaf_core::rubric::Rubric;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::error::TrainingError;
use crate::error::Result;
use crate::{clock, ledger, Store};
use serde_json::json;

const BUNDLE_KEY: &str = "training_bundle";

/// The largest module or case a trainer can import: far above any real module.
pub const MAX_IMPORT_BYTES: usize = 512 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ModuleSummary {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub order: u32,
    pub audience: Vec<Audience>,
    /// Bundled modules are read-only; imported ones can be removed by a trainer.
    pub bundled: bool,
    /// Exercises that are graded (choice and spot).
    pub graded_exercises: u32,
}

/// An exercise as the participant sees it: without the answers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum ExerciseView {
    Choice {
        id: String,
        question: String,
        choices: Vec<String>,
        /// One answer is right: the participant picks one (radio buttons).
        single: bool,
    },
    Spot {
        id: String,
        instruction: String,
        tokens: Vec<SpotToken>,
        problems: u32,
    },
    Case {
        id: String,
        case: String,
        case_title: String,
        instruction: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ModuleView {
    pub module: ModuleSummary,
    pub goals: Vec<String>,
    /// Sanitised HTML with `<div class="exercise" data-exercise-id>` placeholders.
    pub html: String,
    pub headings: Vec<Heading>,
    pub exercises: Vec<ExerciseView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CaseSummary {
    pub id: String,
    pub title: String,
    pub municipality: String,
    pub rubric: String,
    pub candidates: u32,
    pub bundled: bool,
}

/// A piece of a search snippet; `hit` marks the words that matched.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub module_id: String,
    pub title: String,
    pub snippet: Vec<SnippetPart>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, rename = "TrainingContentKind")]
pub enum ContentKind {
    Module,
    Case,
}

/// What importing a file did. A refused file changed nothing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "lowercase")]
#[ts(export)]
pub enum ImportOutcome {
    Installed {
        kind: ContentKind,
        id: String,
        title: String,
        /// True when an earlier import of the same file was replaced.
        replaced: bool,
        /// Things that were removed but did not stop the import (remote images).
        warnings: Vec<Diagnostic>,
    },
    Refused {
        errors: Vec<Diagnostic>,
        warnings: Vec<Diagnostic>,
    },
}

fn fingerprint(files: &[(String, &str)]) -> String {
    let mut hash = Sha256::new();
    for (path, text) in files {
        hash.update(path.as_bytes());
        hash.update([0]);
        hash.update(text.as_bytes());
        hash.update([0]);
    }
    hex::encode(hash.finalize())
}

fn borrowed(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect()
}

/// The bundled rubrics, parsed. Cases are scored on these.
pub(crate) fn rubrics() -> Vec<Rubric> {
    bundled_rubrics()
        .iter()
        .filter_map(|(_, text)| toml::from_str(text).ok())
        .collect()
}

/// Installs the bundled modules and cases when the database does not hold this
/// bundle yet (first start, or a new version of the app). Progress on
/// exercises that still exist is kept.
pub(crate) fn install_bundled(store: &mut Store) -> Result<()> {
    let modules = bundled_modules();
    let cases = bundled_cases();
    let mut all = modules.clone();
    all.extend(cases.iter().cloned());
    let print = fingerprint(&all);
    if store.setting(BUNDLE_KEY)?.as_deref() == Some(print.as_str()) {
        return Ok(());
    }
    let files: Vec<(&str, &str)> = all.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let rubric_files = bundled_rubrics();
    let rubric_files: Vec<(&str, &str)> =
        rubric_files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let set = load_content(&files, &rubric_files, &[]);
    if let Some(first) = set.diagnostics.first() {
        return Err(TrainingError::Bundle(first.display(maatstaf_core::i18n::Lang::En)).into());
    }
    let now = clock::now();
    let tx = store.conn.transaction()?;
    for case in &set.cases {
        let (path, text) = all
            .iter()
            .find(|(p, _)| p.ends_with(&format!("/{}.toml", case.id)))
            .ok_or_else(|| TrainingError::Bundle(case.id.clone()))?;
        put_case(&tx, case, path, text, true, &now)?;
    }
    for module in &set.modules {
        let (path, text) = all
            .iter()
            .find(|(p, t)| {
                p.ends_with(".md") && parse_module(p, t).is_ok_and(|m| m.id == module.id)
            })
            .ok_or_else(|| TrainingError::Bundle(module.id.clone()))?;
        put_module(&tx, module, path, text, true, &now)?;
    }
    // Bundled content that a new version no longer ships goes, unless a session still uses it.
    let module_ids: Vec<String> = set.modules.iter().map(|m| m.id.clone()).collect();
    let case_ids: Vec<String> = set.cases.iter().map(|c| c.id.clone()).collect();
    for id in ids(&tx, "SELECT id FROM training_modules WHERE bundled = 1")? {
        if !module_ids.contains(&id) {
            delete_module(&tx, &id)?;
        }
    }
    for id in ids(&tx, "SELECT id FROM training_cases WHERE bundled = 1")? {
        if !case_ids.contains(&id) {
            tx.execute(
                "DELETE FROM training_cases WHERE id = ?1
                 AND NOT EXISTS (SELECT 1 FROM training_sessions WHERE case_id = ?1)",
                [&id],
            )?;
        }
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![BUNDLE_KEY, print],
    )?;
    tx.commit()?;
    Ok(())
}

fn ids(tx: &Transaction<'_>, sql: &str) -> Result<Vec<String>> {
    let mut stmt = tx.prepare(sql)?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

fn delete_module(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM training_search WHERE module_id = ?1", [id])?;
    tx.execute("DELETE FROM training_modules WHERE id = ?1", [id])?;
    Ok(())
}

fn put_case(
    tx: &Transaction<'_>,
    case: &Case,
    path: &str,
    text: &str,
    bundled: bool,
    now: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO training_cases (id, path, source, bundled, title, rubric, installed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET path = excluded.path, source = excluded.source,
            bundled = excluded.bundled, title = excluded.title, rubric = excluded.rubric,
            installed_at = excluded.installed_at",
        params![case.id, path, text, bundled, case.title, case.rubric, now],
    )?;
    Ok(())
}

fn put_module(
    tx: &Transaction<'_>,
    module: &Module,
    path: &str,
    text: &str,
    bundled: bool,
    now: &str,
) -> Result<()> {
    let audience = serde_json::to_string(&module.audience).unwrap_or_else(|_| "[]".into());
    tx.execute(
        "INSERT INTO training_modules
            (id, path, source, bundled, title, summary, minutes, sort_order, audience, installed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (id) DO UPDATE SET path = excluded.path, source = excluded.source,
            bundled = excluded.bundled, title = excluded.title, summary = excluded.summary,
            minutes = excluded.minutes, sort_order = excluded.sort_order,
            audience = excluded.audience, installed_at = excluded.installed_at",
        params![
            module.id,
            path,
            text,
            bundled,
            module.title,
            module.summary,
            module.minutes,
            module.order,
            audience,
            now
        ],
    )?;
    // Exercises are updated in place, so results for exercises that remain survive.
    let mut keep = Vec::new();
    for (position, exercise) in module.exercises.iter().enumerate() {
        let (kind, problems, case) = match exercise {
            Exercise::Choice(_) => ("choice", 0, None),
            Exercise::Spot(e) => ("spot", e.problems.len(), None),
            Exercise::Case(e) => ("case", 0, Some(e.case.as_str())),
        };
        tx.execute(
            "INSERT INTO training_exercises (module_id, exercise_id, position, kind, problems, case_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (module_id, exercise_id) DO UPDATE SET position = excluded.position,
                kind = excluded.kind, problems = excluded.problems, case_id = excluded.case_id",
            params![module.id, exercise.id(), position, kind, problems, case],
        )?;
        keep.push(exercise.id().to_owned());
    }
    let existing: Vec<String> = {
        let mut stmt =
            tx.prepare("SELECT exercise_id FROM training_exercises WHERE module_id = ?1")?;
        let rows = stmt
            .query_map([&module.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        rows
    };
    for gone in existing.iter().filter(|e| !keep.contains(e)) {
        tx.execute(
            "DELETE FROM training_exercises WHERE module_id = ?1 AND exercise_id = ?2",
            params![module.id, gone],
        )?;
    }
    let rendered = render_module(module);
    let body = format!(
        "{}\n{}\n{}",
        module.summary,
        module.goals.join("\n"),
        rendered.plain_text
    );
    tx.execute(
        "DELETE FROM training_search WHERE module_id = ?1",
        [&module.id],
    )?;
    tx.execute(
        "INSERT INTO training_search (module_id, title, body) VALUES (?1, ?2, ?3)",
        params![module.id, module.title, body],
    )?;
    Ok(())
}

const SUMMARY_SQL: &str =
    "SELECT m.id, m.title, m.summary, m.minutes, m.sort_order, m.audience, m.bundled,
        (SELECT count(*) FROM training_exercises e WHERE e.module_id = m.id AND e.kind != 'case')
     FROM training_modules m";

fn summary_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ModuleSummary> {
    let audience: String = row.get(5)?;
    Ok(ModuleSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        summary: row.get(2)?,
        minutes: row.get(3)?,
        order: row.get(4)?,
        audience: serde_json::from_str(&audience).unwrap_or_default(),
        bundled: row.get(6)?,
        graded_exercises: row.get(7)?,
    })
}

/// Turns what someone typed into an FTS5 query: every word must occur, as a
/// prefix, so "vooroordeel" finds "vooroordelen". Operators cannot be typed.
fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

const HIT_START: char = '\u{2}';
const HIT_END: char = '\u{3}';

fn snippet_parts(snippet: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    let mut text = String::new();
    for c in snippet.chars() {
        if c == HIT_START || c == HIT_END {
            if !text.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut text),
                    hit,
                });
            }
            hit = c == HIT_START;
        } else {
            text.push(c);
        }
    }
    if !text.is_empty() {
        parts.push(SnippetPart { text, hit });
    }
    parts
}

impl Store {
    /// All installed modules, in the order of the path through them.
    pub fn list_modules(&self) -> Result<Vec<ModuleSummary>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SUMMARY_SQL} ORDER BY m.bundled DESC, m.sort_order, m.id"
        ))?;
        let modules = stmt
            .query_map([], summary_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(modules)
    }

    fn module_source(&self, id: &str) -> Result<(String, String)> {
        Ok(self
            .conn
            .query_row(
                "SELECT path, source FROM training_modules WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| TrainingError::NoSuchModule(id.to_owned()))?)
    }

    /// A parsed installed module. Installed sources passed the check, so they parse.
    pub(crate) fn installed_module(&self, id: &str) -> Result<Module> {
        let (path, source) = self.module_source(id)?;
        parse_module(&path, &source).map_err(|d| {
            TrainingError::Bundle(
                d.first()
                    .map(|d| d.display(maatstaf_core::i18n::Lang::En))
                    .unwrap_or_default(),
            )
            .into()
        })
    }

    /// A module rendered for reading, with its exercises without answers.
    pub fn module_view(&self, id: &str) -> Result<ModuleView> {
        let module = self.installed_module(id)?;
        let summary =
            self.conn
                .query_row(&format!("{SUMMARY_SQL} WHERE m.id = ?1"), [id], summary_row)?;
        let rendered = render_module(&module);
        let mut exercises = Vec::new();
        for exercise in &module.exercises {
            exercises.push(match exercise {
                Exercise::Choice(e) => ExerciseView::Choice {
                    id: e.id.clone(),
                    question: e.question.clone(),
                    choices: e.choices.iter().map(|c| c.text.clone()).collect(),
                    single: e.single_answer(),
                },
                Exercise::Spot(e) => ExerciseView::Spot {
                    id: e.id.clone(),
                    instruction: e.instruction.clone(),
                    tokens: spot_tokens(e),
                    problems: e.problems.len() as u32,
                },
                Exercise::Case(e) => ExerciseView::Case {
                    id: e.id.clone(),
                    case: e.case.clone(),
                    case_title: self
                        .case_summary(&e.case)
                        .map(|c| c.title)
                        .unwrap_or_else(|_| e.case.clone()),
                    instruction: e.instruction.clone(),
                },
            });
        }
        Ok(ModuleView {
            module: summary,
            goals: module.goals.clone(),
            html: rendered.html,
            headings: rendered.headings,
            exercises,
        })
    }

    /// Modules whose title or text contains every word of `query` (as a word
    /// prefix, diacritics ignored), best match first, with a snippet.
    pub fn search_modules(&self, query: &str) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT module_id, title, snippet(training_search, 2, char(2), char(3), '…', 16)
             FROM training_search WHERE training_search MATCH ?1 ORDER BY rank LIMIT 20",
        )?;
        let hits = stmt
            .query_map([fts], |r| {
                let snippet: String = r.get(2)?;
                Ok(SearchHit {
                    module_id: r.get(0)?,
                    title: r.get(1)?,
                    snippet: snippet_parts(&snippet),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(hits)
    }

    pub fn list_cases(&self) -> Result<Vec<CaseSummary>> {
        let ids = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM training_cases ORDER BY bundled DESC, title")?;
            let ids: Vec<String> = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids
        };
        ids.iter().map(|id| self.case_summary(id)).collect()
    }

    pub(crate) fn installed_case(&self, id: &str) -> Result<(Case, bool)> {
        let (path, source, bundled): (String, String, bool) = self
            .conn
            .query_row(
                "SELECT path, source, bundled FROM training_cases WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or_else(|| TrainingError::NoSuchCase(id.to_owned()))?;
        let case =
            parse_case(&path, &source).map_err(|_| TrainingError::NoSuchCase(id.to_owned()))?;
        Ok((case, bundled))
    }

    pub fn case_summary(&self, id: &str) -> Result<CaseSummary> {
        let (case, bundled) = self.installed_case(id)?;
        Ok(CaseSummary {
            id: case.id.clone(),
            title: case.title.clone(),
            municipality: case.municipality.clone(),
            rubric: case.rubric.clone(),
            candidates: case.candidates.len() as u32,
            bundled,
        })
    }

    /// A case's situation text as safe HTML.
    pub(crate) fn case_intro_html(case: &Case) -> String {
        render_markdown(&case.intro)
    }

    fn installed_files(&self) -> Result<Vec<(String, String, bool)>> {
        let mut stmt = self.conn.prepare(
            "SELECT path, source, bundled FROM training_modules
             UNION ALL SELECT path, source, bundled FROM training_cases",
        )?;
        let files = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(files)
    }

    /// Imports a trainer's module (`.md`) or practice case (`.toml`). The file is
    /// checked together with everything installed; with any error it is
    /// refused and nothing changes. Importing a file of the same name again
    /// replaces the earlier import.
    pub fn import_content(
        &mut self,
        member_id: i64,
        file_name: &str,
        text: &str,
    ) -> Result<ImportOutcome> {
        let (trainer, team_id) = self.training_actor(member_id, Action::ManageTrainingContent)?;
        if text.len() > MAX_IMPORT_BYTES {
            return Err(TrainingError::TooLarge {
                size: text.len(),
                max: MAX_IMPORT_BYTES,
            }
            .into());
        }
        let name = file_name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(file_name)
            .trim();
        let path = if name.ends_with(".md") {
            format!("modules/{name}")
        } else if name.ends_with(".toml") {
            format!("cases/{name}")
        } else {
            name.to_owned()
        };
        let installed: Vec<(String, String)> = self
            .installed_files()?
            .into_iter()
            .filter(|(p, _, bundled)| *bundled || *p != path)
            .map(|(p, t, _)| (p, t))
            .collect();
        let rubric_files = bundled_rubrics();
        let rubric_files: Vec<(&str, &str)> =
            rubric_files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
        let check = check_import(&borrowed(&installed), &rubric_files, (&path, text));
        if !check.errors.is_empty() {
            return Ok(ImportOutcome::Refused {
                errors: check.errors,
                warnings: check.warnings,
            });
        }
        let now = clock::now();
        let tx = self.conn.transaction()?;
        let outcome = if path.ends_with(".md") {
            let module =
                parse_module(&path, text).map_err(|_| TrainingError::Bundle(path.clone()))?;
            let replaced: Option<String> = tx
                .query_row(
                    "SELECT id FROM training_modules WHERE path = ?1 AND bundled = 0",
                    [&path],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(old) = replaced.as_ref().filter(|old| **old != module.id) {
                delete_module(&tx, old)?;
            }
            put_module(&tx, &module, &path, text, false, &now)?;
            ImportOutcome::Installed {
                kind: ContentKind::Module,
                id: module.id,
                title: module.title,
                replaced: replaced.is_some(),
                warnings: check.warnings,
            }
        } else {
            let case = parse_case(&path, text).map_err(|_| TrainingError::Bundle(path.clone()))?;
            let replaced: bool = tx.query_row(
                "SELECT count(*) FROM training_cases WHERE id = ?1 AND bundled = 0",
                [&case.id],
                |r| r.get::<_, i64>(0),
            )? > 0;
            put_case(&tx, &case, &path, text, false, &now)?;
            ImportOutcome::Installed {
                kind: ContentKind::Case,
                id: case.id,
                title: case.title,
                replaced,
                warnings: check.warnings,
            }
        };
        // Imported content is shared by every team on this laptop, so the trainer's own
        // team log records who brought in which file.
        if let ImportOutcome::Installed { kind, id, .. } = &outcome {
            ledger::append(
                &tx,
                team_id,
                &trainer,
                EntryKind::ContentImported,
                json!({ "kind": kind, "id": id, "file": name, "sha256": sha256_hex(text.as_bytes()) }),
            )?;
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Removes an imported module or case. Bundled content stays; a case that
    /// a module or a session still uses stays too.
    pub fn remove_content(&mut self, member_id: i64, kind: ContentKind, id: &str) -> Result<()> {
        let (trainer, team_id) = self.training_actor(member_id, Action::ManageTrainingContent)?;
        match kind {
            ContentKind::Module => {
                let bundled: bool = self
                    .conn
                    .query_row(
                        "SELECT bundled FROM training_modules WHERE id = ?1",
                        [id],
                        |r| r.get(0),
                    )
                    .optional()?
                    .ok_or_else(|| TrainingError::NoSuchModule(id.to_owned()))?;
                if bundled {
                    return Err(TrainingError::BundledReadOnly(id.to_owned()).into());
                }
                let tx = self.conn.transaction()?;
                delete_module(&tx, id)?;
                tx.commit()?;
            }
            ContentKind::Case => {
                let (_, bundled) = self.installed_case(id)?;
                if bundled {
                    return Err(TrainingError::BundledReadOnly(id.to_owned()).into());
                }
                let user: Option<String> = self
                    .conn
                    .query_row(
                        "SELECT module_id FROM training_exercises WHERE case_id = ?1 LIMIT 1",
                        [id],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(module) = user {
                    return Err(TrainingError::CaseUsedByModule {
                        case: id.to_owned(),
                        module,
                    }
                    .into());
                }
                let sessions: i64 = self.conn.query_row(
                    "SELECT count(*) FROM training_sessions WHERE case_id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
                if sessions > 0 {
                    return Err(TrainingError::CaseUsedBySession(id.to_owned()).into());
                }
                self.conn
                    .execute("DELETE FROM training_cases WHERE id = ?1", [id])?;
            }
        }
        let tx = self.conn.transaction()?;
        ledger::append(
            &tx,
            team_id,
            &trainer,
            EntryKind::ContentRemoved,
            json!({ "kind": kind, "id": id }),
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upgrade_reinstalls_the_bundle_and_keeps_progress() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let team = store.list_teams().unwrap()[0].id;
        let me = store.team_detail(team).unwrap().members[0].id;
        let m = "m01-waarom-structuur-werkt";
        store.mark_module_read(me, m).unwrap();
        // What an older version would have left: another text and another fingerprint.
        store
            .conn
            .execute(
                "UPDATE training_modules SET title = 'Oud' WHERE id = ?1",
                [m],
            )
            .unwrap();
        store.set_setting(BUNDLE_KEY, "older").unwrap();
        drop(store);
        let store = Store::open_in(dir.path()).unwrap();
        let modules = store.list_modules().unwrap();
        assert_eq!(modules[0].title, "Waarom structuur werkt");
        assert!(store.training_progress(me).unwrap()[0].read);
        assert_ne!(store.setting(BUNDLE_KEY).unwrap().as_deref(), Some("older"));
    }

    #[test]
    fn the_bundled_sqlite_has_fts5() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let enabled: i64 = store
            .conn
            .query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(enabled, 1);
    }

    #[test]
    fn queries_are_words_as_prefixes_and_cannot_use_operators() {
        assert_eq!(fts_query("halo"), Some("\"halo\"*".into()));
        assert_eq!(
            fts_query("  eerste\"indruk OR NEAR( "),
            Some("\"eerste\"* \"indruk\"* \"OR\"* \"NEAR\"*".into())
        );
        assert_eq!(fts_query(" -*\" "), None);
    }

    #[test]
    fn snippets_split_into_hits_and_text() {
        let parts = snippet_parts("het \u{2}halo\u{3}-effect");
        assert_eq!(
            parts,
            vec![
                SnippetPart {
                    text: "het ".into(),
                    hit: false
                },
                SnippetPart {
                    text: "halo".into(),
                    hit: true
                },
                SnippetPart {
                    text: "-effect".into(),
                    hit: false
                },
            ]
        );
    }
}
