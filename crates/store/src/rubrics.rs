//! A team's rubrics and their versions. A version is a draft until the team
//! freezes it; a frozen version never changes (the schema's trigger refuses),
//! and editing it makes the next version. Whether a rubric may be frozen is
//! decided by `maatstaf_core::lint::freeze_check`.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::{Actor, EntryKind};
use maatstaf_core::lint::{bundled_lexicon, freeze_check, lint, AcceptedWarning, Finding};
use maatstaf_core::rubric::{self, parse_rubric, sha256_hex, to_toml, Rubric, RubricChange};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::error::{Result, StoreError};
use crate::{clock, ledger, Store};

/// The latest version of one rubric, for the list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RubricSummary {
    #[ts(type = "number")]
    pub version_id: i64,
    pub key: String,
    pub title: String,
    pub version: u32,
    pub criteria: u32,
    pub sha256: Option<String>,
    pub frozen_at: Option<String>,
}

/// One version of a rubric, as the editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RubricVersionView {
    #[ts(type = "number")]
    pub version_id: i64,
    #[ts(type = "number")]
    pub team_id: i64,
    pub key: String,
    pub version: u32,
    pub rubric: Rubric,
    pub sha256: Option<String>,
    pub frozen_at: Option<String>,
    pub accepted_warnings: Vec<AcceptedWarning>,
    /// Lint findings; spans are byte offsets into the field they name.
    pub findings: Vec<Finding>,
    /// Every version of this rubric, oldest first, for the side-by-side view.
    pub versions: Vec<VersionRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct VersionRef {
    #[ts(type = "number")]
    pub version_id: i64,
    pub version: u32,
    pub frozen_at: Option<String>,
}

struct Row {
    id: i64,
    team_id: i64,
    key: String,
    version: u32,
    source: String,
    sha256: Option<String>,
    frozen_at: Option<String>,
    accepted: String,
}

const ROW_SQL: &str = "SELECT id, team_id, rubric_key, version, source_toml, sha256, frozen_at,
        accepted_warnings FROM rubric_versions";

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        team_id: r.get(1)?,
        key: r.get(2)?,
        version: r.get(3)?,
        source: r.get(4)?,
        sha256: r.get(5)?,
        frozen_at: r.get(6)?,
        accepted: r.get(7)?,
    })
}

impl Row {
    fn rubric(&self) -> Result<Rubric> {
        parse_rubric(&self.source).map_err(|e| StoreError::RubricDamaged {
            version_id: self.id,
            detail: e.to_string(),
        })
    }
}

fn rubric_row_on(conn: &Connection, team_id: i64, version_id: i64) -> Result<Row> {
    conn.query_row(
        &format!("{ROW_SQL} WHERE id = ?1 AND team_id = ?2"),
        params![version_id, team_id],
        read_row,
    )
    .optional()?
    .ok_or(StoreError::NoSuchRubric(version_id))
}

/// A frozen version as read back: what scoring, the intake form and the rubric list need.
pub(crate) struct FrozenVersion {
    pub id: i64,
    pub key: String,
    pub version: u32,
    pub sha256: String,
    pub frozen_at: String,
    row: Row,
}

impl FrozenVersion {
    /// The rubric; a stored text that no longer parses is reported as damaged.
    pub fn rubric(&self) -> Result<Rubric> {
        self.row.rubric()
    }

    fn from_row(row: Row) -> Option<FrozenVersion> {
        Some(FrozenVersion {
            id: row.id,
            key: row.key.clone(),
            version: row.version,
            sha256: row.sha256.clone()?,
            frozen_at: row.frozen_at.clone()?,
            row,
        })
    }
}

/// The team's frozen versions on `conn` (a transaction where the caller needs one),
/// by key and version.
pub(crate) fn frozen_versions(conn: &Connection, team_id: i64) -> Result<Vec<FrozenVersion>> {
    let mut stmt = conn.prepare(&format!(
        "{ROW_SQL} WHERE team_id = ?1 AND frozen_at IS NOT NULL ORDER BY rubric_key, version"
    ))?;
    let rows: Vec<Row> = stmt
        .query_map([team_id], read_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows
        .into_iter()
        .filter_map(FrozenVersion::from_row)
        .collect())
}

/// One frozen version of the team and its recorded SHA-256. A draft is refused.
pub(crate) fn frozen_version(
    conn: &Connection,
    team_id: i64,
    version_id: i64,
) -> Result<(Rubric, String)> {
    let row = rubric_row_on(conn, team_id, version_id)?;
    match row.sha256.clone() {
        Some(sha) => Ok((row.rubric()?, sha)),
        None => Err(StoreError::RubricNotFrozen(version_id)),
    }
}

/// Checks a rubric the way a file would be checked: what cannot be written
/// and read back as the same rubric (a scale that does not go up, an anchor
/// key that is not a level) is refused.
fn validated(rubric: &Rubric) -> Result<Rubric> {
    Ok(parse_rubric(&to_toml(rubric))?)
}

/// A key that no rubric of the team uses yet: `base`, else `base-2`, `base-3` ...
fn free_key(conn: &Connection, team_id: i64, base: &str) -> Result<String> {
    let taken = |key: &str| -> Result<bool> {
        Ok(conn
            .query_row(
                "SELECT 1 FROM rubric_versions WHERE team_id = ?1 AND rubric_key = ?2 LIMIT 1",
                params![team_id, key],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    };
    if !taken(base)? {
        return Ok(base.to_owned());
    }
    let mut n = 2;
    loop {
        let key = format!("{base}-{n}");
        if !taken(&key)? {
            return Ok(key);
        }
        n += 1;
    }
}

/// A usable key from an imported rubric's id: lowercase letters, digits and hyphens.
fn key_from_id(id: &str) -> String {
    let mut key = String::new();
    for ch in id.trim().to_lowercase().chars() {
        if ch.is_ascii_lowercase() || ch.is_ascii_digit() {
            key.push(ch);
        } else if !key.ends_with('-') && !key.is_empty() {
            key.push('-');
        }
    }
    let key = key.trim_end_matches('-').to_owned();
    if key.is_empty() {
        "rubriek".to_owned()
    } else {
        key
    }
}

/// Inserts a draft version and logs it, on the caller's transaction.
fn insert_version(
    conn: &Connection,
    team_id: i64,
    mut rubric: Rubric,
    key: &str,
    version: u32,
    by: &Actor,
) -> Result<i64> {
    rubric.id = key.to_owned();
    rubric.version = version;
    let rubric = validated(&rubric)?;
    conn.execute(
        "INSERT INTO rubric_versions (team_id, rubric_key, version, source_toml, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![team_id, key, version, to_toml(&rubric), clock::now()],
    )?;
    let id = conn.last_insert_rowid();
    ledger::append(
        conn,
        team_id,
        by,
        EntryKind::RubricVersionAdded,
        json!({ "rubric_id": key, "version": version, "rubric_sha256": sha256_hex(&rubric) }),
    )?;
    Ok(id)
}

impl Store {
    fn rubric_row(&self, team_id: i64, version_id: i64) -> Result<Row> {
        self.team(team_id)?;
        rubric_row_on(&self.conn, team_id, version_id)
    }

    fn rows_of_key(&self, team_id: i64, key: &str) -> Result<Vec<Row>> {
        let mut stmt = self.conn.prepare(&format!(
            "{ROW_SQL} WHERE team_id = ?1 AND rubric_key = ?2 ORDER BY version"
        ))?;
        let rows = stmt
            .query_map(params![team_id, key], read_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The latest version of each of the team's rubrics, by title.
    pub fn list_rubrics(&self, team_id: i64) -> Result<Vec<RubricSummary>> {
        self.team(team_id)?;
        let mut stmt = self.conn.prepare(&format!(
            "{ROW_SQL} r WHERE team_id = ?1 AND version =
               (SELECT max(version) FROM rubric_versions x
                 WHERE x.team_id = r.team_id AND x.rubric_key = r.rubric_key)"
        ))?;
        let rows: Vec<Row> = stmt
            .query_map([team_id], read_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.push(summary(&row)?);
        }
        out.sort_by(|a, b| {
            a.title
                .to_lowercase()
                .cmp(&b.title.to_lowercase())
                .then(a.key.cmp(&b.key))
        });
        Ok(out)
    }

    /// One version with its lint findings and the list of its sibling versions.
    pub fn rubric_version(&self, team_id: i64, version_id: i64) -> Result<RubricVersionView> {
        let row = self.rubric_row(team_id, version_id)?;
        let rubric = row.rubric()?;
        let findings = lint(&rubric, bundled_lexicon());
        let accepted_warnings =
            serde_json::from_str(&row.accepted).map_err(|e| StoreError::RubricDamaged {
                version_id,
                detail: e.to_string(),
            })?;
        let versions = self
            .rows_of_key(team_id, &row.key)?
            .into_iter()
            .map(|r| VersionRef {
                version_id: r.id,
                version: r.version,
                frozen_at: r.frozen_at,
            })
            .collect();
        Ok(RubricVersionView {
            version_id: row.id,
            team_id: row.team_id,
            key: row.key,
            version: row.version,
            rubric,
            sha256: row.sha256,
            frozen_at: row.frozen_at,
            accepted_warnings,
            findings,
            versions,
        })
    }

    /// A new draft (version 1) from one of the bundled templates.
    pub fn create_rubric_from_template(
        &mut self,
        team_id: i64,
        template_id: &str,
        actor: Option<i64>,
    ) -> Result<RubricVersionView> {
        let by = self.authorize(team_id, Action::EditRubric, actor)?.ledger;
        let rubric = rubric::template(template_id)
            .ok_or_else(|| StoreError::NoSuchTemplate(template_id.to_owned()))?;
        let tx = self.conn.transaction()?;
        let key = free_key(&tx, team_id, template_id)?;
        let id = insert_version(&tx, team_id, rubric, &key, 1, &by)?;
        tx.commit()?;
        self.rubric_version(team_id, id)
    }

    /// A new draft (version 1) from the text of a rubric file. A text that is
    /// not a rubric is refused with its line and column, and nothing is saved.
    pub fn import_rubric(
        &mut self,
        team_id: i64,
        text: &str,
        actor: Option<i64>,
    ) -> Result<RubricVersionView> {
        let by = self.authorize(team_id, Action::EditRubric, actor)?.ledger;
        let rubric = parse_rubric(text)?;
        let tx = self.conn.transaction()?;
        let key = free_key(&tx, team_id, &key_from_id(&rubric.id))?;
        let id = insert_version(&tx, team_id, rubric, &key, 1, &by)?;
        tx.commit()?;
        self.rubric_version(team_id, id)
    }

    /// Replaces a draft's content. Its id and version number stay those of the
    /// row; a frozen version is refused.
    pub fn save_rubric_draft(
        &mut self,
        team_id: i64,
        version_id: i64,
        rubric: &Rubric,
        actor: Option<i64>,
    ) -> Result<RubricVersionView> {
        let by = self.authorize(team_id, Action::EditRubric, actor)?.ledger;
        let row = self.rubric_row(team_id, version_id)?;
        if row.frozen_at.is_some() {
            return Err(StoreError::RubricFrozen {
                version: row.version,
            });
        }
        let mut rubric = rubric.clone();
        rubric.id = row.key.clone();
        rubric.version = row.version;
        let rubric = validated(&rubric)?;
        let toml = to_toml(&rubric);
        if toml != to_toml(&row.rubric()?) {
            let tx = self.conn.transaction()?;
            tx.execute(
                "UPDATE rubric_versions SET source_toml = ?1 WHERE id = ?2 AND frozen_at IS NULL",
                params![toml, version_id],
            )?;
            ledger::append(
                &tx,
                team_id,
                &by,
                EntryKind::RubricEdited,
                json!({ "rubric_id": row.key, "version": row.version, "draft_sha256": sha256_hex(&rubric) }),
            )?;
            tx.commit()?;
        }
        self.rubric_version(team_id, version_id)
    }

    /// The version as a TOML file; a frozen one says so in a comment on top.
    pub fn export_rubric(&self, team_id: i64, version_id: i64) -> Result<String> {
        let row = self.rubric_row(team_id, version_id)?;
        let rubric = row.rubric()?;
        let head = match (&row.frozen_at, &row.sha256) {
            (Some(at), Some(sha)) => format!(
                "# Vastgezet / frozen: {at}\n# SHA-256 (canonieke vorm / canonical form): {sha}\n\n"
            ),
            _ => "# Concept / draft\n\n".to_owned(),
        };
        Ok(format!("{head}{}", to_toml(&rubric)))
    }

    /// Freezes a draft when core allows it: no lint errors, every warning
    /// accepted with a reason. Records the SHA-256 of the canonical form and
    /// logs the freeze in the same transaction.
    pub fn freeze_rubric(
        &mut self,
        team_id: i64,
        version_id: i64,
        accepted: &[AcceptedWarning],
        actor: Option<i64>,
    ) -> Result<RubricVersionView> {
        let by = self.authorize(team_id, Action::FreezeRubric, actor)?.ledger;
        let row = self.rubric_row(team_id, version_id)?;
        if row.frozen_at.is_some() {
            return Err(StoreError::RubricFrozen {
                version: row.version,
            });
        }
        let rubric = row.rubric()?;
        let record = freeze_check(&lint(&rubric, bundled_lexicon()), accepted)?;
        let sha = sha256_hex(&rubric);
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE rubric_versions SET sha256 = ?1, frozen_at = ?2, accepted_warnings = ?3
             WHERE id = ?4 AND frozen_at IS NULL",
            params![
                sha,
                clock::now(),
                serde_json::to_string(&record).expect("acceptances serialise"),
                version_id
            ],
        )?;
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::RubricFrozen,
            json!({
                "rubric_id": row.key,
                "version": row.version,
                "rubric_sha256": sha,
                "accepted_warnings": record,
            }),
        )?;
        tx.commit()?;
        self.rubric_version(team_id, version_id)
    }

    /// Editing a frozen rubric: a draft copy as the next version. When the
    /// rubric already has a draft, that draft is returned instead of a second one.
    pub fn new_rubric_version(
        &mut self,
        team_id: i64,
        version_id: i64,
        actor: Option<i64>,
    ) -> Result<RubricVersionView> {
        let by = self.authorize(team_id, Action::EditRubric, actor)?.ledger;
        let row = self.rubric_row(team_id, version_id)?;
        let latest = self
            .rows_of_key(team_id, &row.key)?
            .pop()
            .expect("the row itself is a version of its key");
        if latest.frozen_at.is_none() {
            return self.rubric_version(team_id, latest.id);
        }
        let rubric = row.rubric()?;
        let tx = self.conn.transaction()?;
        let id = insert_version(&tx, team_id, rubric, &row.key, latest.version + 1, &by)?;
        tx.commit()?;
        self.rubric_version(team_id, id)
    }

    /// What changed from version `old_id` to version `new_id` (both of this team).
    pub fn diff_rubric_versions(
        &self,
        team_id: i64,
        old_id: i64,
        new_id: i64,
    ) -> Result<Vec<RubricChange>> {
        let old = self.rubric_row(team_id, old_id)?.rubric()?;
        let new = self.rubric_row(team_id, new_id)?.rubric()?;
        Ok(rubric::diff(&old, &new))
    }

    /// A frozen version and its recorded SHA-256, for scoring. A draft is refused:
    /// candidates are only ever scored against a rubric that can no longer change.
    pub fn frozen_rubric(&self, team_id: i64, version_id: i64) -> Result<(Rubric, String)> {
        self.team(team_id)?;
        frozen_version(&self.conn, team_id, version_id)
    }

    /// Every frozen version of the team's rubrics, newest freeze first.
    pub fn frozen_rubrics(&self, team_id: i64) -> Result<Vec<RubricSummary>> {
        self.team(team_id)?;
        let mut versions = frozen_versions(&self.conn, team_id)?;
        versions.sort_by(|a, b| (&b.frozen_at, b.id).cmp(&(&a.frozen_at, a.id)));
        versions.iter().map(|v| summary(&v.row)).collect()
    }
}

fn summary(row: &Row) -> Result<RubricSummary> {
    let rubric = row.rubric()?;
    Ok(RubricSummary {
        version_id: row.id,
        key: row.key.clone(),
        title: rubric.title,
        version: row.version,
        criteria: rubric.criteria.len() as u32,
        sha256: row.sha256.clone(),
        frozen_at: row.frozen_at.clone(),
    })
}

#[cfg(test)]
mod tests {
    use maatstaf_core::lint::{FreezeError, Rule, Severity};
    use maatstaf_core::rubric::RubricError;

    use super::*;

    /// A team whose chair has a PIN, and the chair as the member switched in.
    fn store() -> (tempfile::TempDir, Store, i64, Option<i64>) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let (team, chair) = crate::fixtures::officer_team(&mut store, "Rubriekteam");
        (dir, store, team, Some(chair))
    }

    fn accept_all(view: &RubricVersionView, reason: &str) -> Vec<AcceptedWarning> {
        view.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(|f| AcceptedWarning {
                rule: f.rule,
                criterion: f.criterion.clone(),
                field: f.field.clone(),
                span: f.span,
                message: f.message.clone(),
                reason: reason.into(),
            })
            .collect()
    }

    #[test]
    fn a_template_becomes_a_clean_draft_and_a_second_copy_gets_its_own_key() {
        let (_dir, mut store, team, by) = store();
        let a = store
            .create_rubric_from_template(team, "wethouder-financien", by)
            .unwrap();
        assert_eq!((a.key.as_str(), a.version), ("wethouder-financien", 1));
        assert!(a.frozen_at.is_none() && a.sha256.is_none());
        assert!(a.findings.iter().all(|f| f.severity == Severity::Info));
        let b = store
            .create_rubric_from_template(team, "wethouder-financien", by)
            .unwrap();
        assert_eq!(b.key, "wethouder-financien-2");
        assert_eq!(b.rubric.id, "wethouder-financien-2");
        assert_eq!(store.list_rubrics(team).unwrap().len(), 2);
        assert!(matches!(
            store.create_rubric_from_template(team, "bestaat-niet", by),
            Err(StoreError::NoSuchTemplate(_))
        ));
        let kinds: Vec<_> = store.ledger(team).unwrap().iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds
                .iter()
                .filter(|k| **k == EntryKind::RubricVersionAdded)
                .count(),
            2
        );
    }

    #[test]
    fn a_vague_criterion_is_found_on_save_and_fixing_it_clears_the_finding() {
        let (_dir, mut store, team, by) = store();
        let view = store
            .create_rubric_from_template(team, "wethouder-algemeen", by)
            .unwrap();
        let mut rubric = view.rubric.clone();
        rubric.criteria[0].definition = "Is een dynamische persoonlijkheid.".into();
        let saved = store
            .save_rubric_draft(team, view.version_id, &rubric, by)
            .unwrap();
        let vague = saved
            .findings
            .iter()
            .find(|f| f.rule == Rule::VagueTerm)
            .expect("the vague word is found");
        assert_eq!(vague.field.as_deref(), Some("definition"));
        let (s, e) = vague.span.unwrap();
        assert_eq!(&saved.rubric.criteria[0].definition[s..e], "dynamische");

        rubric.criteria[0].definition = view.rubric.criteria[0].definition.clone();
        let fixed = store
            .save_rubric_draft(team, view.version_id, &rubric, by)
            .unwrap();
        assert!(fixed.findings.iter().all(|f| f.rule != Rule::VagueTerm));
    }

    #[test]
    fn an_invalid_draft_changes_nothing() {
        let (_dir, mut store, team, by) = store();
        let view = store
            .create_rubric_from_template(team, "wethouder-wonen", by)
            .unwrap();
        let mut bad = view.rubric.clone();
        bad.scale.max = bad.scale.min;
        assert!(matches!(
            store.save_rubric_draft(team, view.version_id, &bad, by),
            Err(StoreError::InvalidRubric(RubricError::ScaleOrder { .. }))
        ));
        let mut bad = view.rubric.clone();
        bad.criteria[0].anchors.insert("midden".into(), "x".into());
        assert!(store
            .save_rubric_draft(team, view.version_id, &bad, by)
            .is_err());
        assert_eq!(store.rubric_version(team, view.version_id).unwrap(), view);
    }

    #[test]
    fn a_broken_import_names_line_and_column_and_saves_nothing() {
        let (_dir, mut store, team, by) = store();
        let ledger_before = store.ledger(team).unwrap().len();
        let err = store
            .import_rubric(team, "id = \"x\"\ntitle = \"t\"\nversion = \n", by)
            .unwrap_err();
        match err {
            StoreError::InvalidRubric(e) => assert_eq!(e.position().unwrap().line, 3),
            other => panic!("{other:?}"),
        }
        assert!(store.list_rubrics(team).unwrap().is_empty());
        assert_eq!(store.ledger(team).unwrap().len(), ledger_before);
    }

    #[test]
    fn export_and_import_round_trip_the_content() {
        let (_dir, mut store, team, by) = store();
        let view = store
            .create_rubric_from_template(team, "wethouder-sociaal-domein", by)
            .unwrap();
        let text = store.export_rubric(team, view.version_id).unwrap();
        let imported = store.import_rubric(team, &text, by).unwrap();
        assert_eq!(imported.key, "wethouder-sociaal-domein-2");
        let mut expected = view.rubric.clone();
        expected.id = imported.key.clone();
        assert_eq!(imported.rubric, expected);
        let odd = store
            .import_rubric(
                team,
                &text.replace(
                    "id = \"wethouder-sociaal-domein\"",
                    "id = \"Mijn Rubriek!\"",
                ),
                by,
            )
            .unwrap();
        assert_eq!(odd.key, "mijn-rubriek");
    }

    #[test]
    fn errors_refuse_the_freeze_and_leave_the_draft_a_draft() {
        let (_dir, mut store, team, by) = store();
        let view = store
            .create_rubric_from_template(team, "wethouder-algemeen", by)
            .unwrap();
        let mut rubric = view.rubric.clone();
        rubric.criteria[0].weight = 50; // weights no longer add up to 100
        store
            .save_rubric_draft(team, view.version_id, &rubric, by)
            .unwrap();
        let ledger_before = store.ledger(team).unwrap().len();
        assert!(matches!(
            store.freeze_rubric(team, view.version_id, &[], by),
            Err(StoreError::FreezeRefused(FreezeError::HasErrors {
                errors: 1
            }))
        ));
        let after = store.rubric_version(team, view.version_id).unwrap();
        assert!(after.frozen_at.is_none());
        assert_eq!(store.ledger(team).unwrap().len(), ledger_before);
        assert!(matches!(
            store.frozen_rubric(team, view.version_id),
            Err(StoreError::RubricNotFrozen(_))
        ));
    }

    #[test]
    fn warnings_need_reasons_which_are_recorded_with_the_freeze() {
        let (_dir, mut store, team, by) = store();
        let view = store
            .create_rubric_from_template(team, "wethouder-algemeen", by)
            .unwrap();
        let mut rubric = view.rubric.clone();
        rubric.criteria[1].indicators.truncate(1);
        let draft = store
            .save_rubric_draft(team, view.version_id, &rubric, by)
            .unwrap();
        assert!(matches!(
            store.freeze_rubric(team, view.version_id, &accept_all(&draft, " "), by),
            Err(StoreError::FreezeRefused(
                FreezeError::WarningsNotAccepted { warnings: 1 }
            ))
        ));
        let frozen = store
            .freeze_rubric(
                team,
                view.version_id,
                &accept_all(&draft, "Het dilemma zelf is de toets"),
                by,
            )
            .unwrap();
        assert_eq!(frozen.accepted_warnings.len(), 1);
        assert_eq!(
            frozen.accepted_warnings[0].reason,
            "Het dilemma zelf is de toets"
        );
        assert_eq!(
            frozen.sha256.as_deref(),
            Some(sha256_hex(&frozen.rubric).as_str())
        );

        let entry = store.ledger(team).unwrap().pop().unwrap();
        assert_eq!(entry.kind, EntryKind::RubricFrozen);
        assert_eq!(entry.payload["rubric_id"], "wethouder-algemeen");
        assert_eq!(entry.payload["version"], 1);
        assert_eq!(
            entry.payload["rubric_sha256"],
            frozen.sha256.clone().unwrap()
        );
        assert_eq!(
            entry.payload["accepted_warnings"][0]["reason"],
            "Het dilemma zelf is de toets"
        );
        assert!(store.verify_ledgers().unwrap().iter().all(|s| s.intact));
    }

    #[test]
    fn a_frozen_rubric_never_changes_and_editing_it_makes_version_two() {
        let (_dir, mut store, team, by) = store();
        let view = store
            .create_rubric_from_template(team, "wethouder-wonen", by)
            .unwrap();
        let frozen = store.freeze_rubric(team, view.version_id, &[], by).unwrap();
        let sha = frozen.sha256.clone().unwrap();

        let mut changed = frozen.rubric.clone();
        changed.title = "Anders".into();
        assert!(matches!(
            store.save_rubric_draft(team, view.version_id, &changed, by),
            Err(StoreError::RubricFrozen { version: 1 })
        ));
        assert!(matches!(
            store.freeze_rubric(team, view.version_id, &[], by),
            Err(StoreError::RubricFrozen { .. })
        ));
        // Not even SQL can change it.
        let sql = store.conn.execute(
            "UPDATE rubric_versions SET source_toml = 'x' WHERE id = ?1",
            [view.version_id],
        );
        assert!(sql.is_err());
        assert_eq!(
            store.frozen_rubric(team, view.version_id).unwrap(),
            (frozen.rubric.clone(), sha.clone())
        );

        let v2 = store.new_rubric_version(team, view.version_id, by).unwrap();
        assert_eq!(
            (v2.key.as_str(), v2.version, v2.rubric.version),
            ("wethouder-wonen", 2, 2)
        );
        assert!(v2.frozen_at.is_none());
        assert_eq!(v2.versions.len(), 2);
        // Asking again opens the same draft rather than making version 3.
        assert_eq!(
            store
                .new_rubric_version(team, view.version_id, by)
                .unwrap()
                .version_id,
            v2.version_id
        );
        let edited = store
            .save_rubric_draft(team, v2.version_id, &changed, by)
            .unwrap();
        assert_eq!(edited.rubric.title, "Anders");
        assert_eq!(edited.rubric.version, 2);

        let list = store.list_rubrics(team).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!((list[0].version, list[0].frozen_at.is_none()), (2, true));
        assert_eq!(store.frozen_rubrics(team).unwrap().len(), 1);

        let changes = store
            .diff_rubric_versions(team, view.version_id, v2.version_id)
            .unwrap();
        assert!(changes.contains(&RubricChange::RubricField {
            field: "title".into(),
            old: frozen.rubric.title.clone(),
            new: "Anders".into()
        }));
        assert_eq!(store.frozen_rubric(team, view.version_id).unwrap().1, sha);
    }

    #[test]
    fn rubrics_stay_within_their_team() {
        let (_dir, mut store, team, by) = store();
        let other = store.create_team("Ander team").unwrap().id;
        let view = store
            .create_rubric_from_template(team, "wethouder-wonen", by)
            .unwrap();
        assert!(matches!(
            store.rubric_version(other, view.version_id),
            Err(StoreError::NoSuchRubric(_))
        ));
        // The chair of one team is nobody in another.
        assert!(matches!(
            store.freeze_rubric(other, view.version_id, &[], by),
            Err(StoreError::Access(_))
        ));
        assert!(store
            .rubric_version(team, view.version_id)
            .unwrap()
            .frozen_at
            .is_none());
        assert!(store.list_rubrics(other).unwrap().is_empty());
    }
}
