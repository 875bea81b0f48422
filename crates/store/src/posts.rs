//! The team's posts (portefeuilles), each on a frozen rubric version, and the
//! allocation advice of a revealed round for several posts. The rules are core's
//! (`maatstaf_core::scoring::posts`); this module loads, asks and writes, with the
//! log entry in the same transaction.

use maatstaf_core::access::Action;
use maatstaf_core::formation::{AssignmentAnalysis, AssignmentOptions, Constraints};
use maatstaf_core::ledger::EntryKind;
use maatstaf_core::scoring::{self, Post, ScoringError};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::error::{Result, StoreError};
use crate::scoring::reading::{load_round, load_sheets};
use crate::{clock, ledger, rubrics, Store};

/// A post as the posts editor and the round setup list it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PostSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub slug: String,
    pub name: String,
    #[ts(type = "number")]
    pub rubric_version_id: i64,
    pub rubric_title: String,
    pub rubric_version: u32,
    /// A round scores it: it can no longer be removed.
    pub used: bool,
}

/// A pair the team rules out when asking for the allocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RuledOut {
    pub candidate: String,
    /// The post's short name (slug).
    pub post: String,
}

/// The number of resamples of the assessors for the robustness of the advice, and
/// the fixed seed that makes the same round give the same advice every time.
const RESAMPLES: u32 = 1000;
const ADVICE_SEED: u64 = 20;

pub(crate) fn list(conn: &Connection, team_id: i64) -> Result<Vec<PostSummary>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.slug, p.name, p.rubric_version_id,
                EXISTS (SELECT 1 FROM round_posts r WHERE r.post_id = p.id)
         FROM posts p WHERE p.team_id = ?1 ORDER BY p.id",
    )?;
    let rows: Vec<(i64, String, String, i64, bool)> = stmt
        .query_map([team_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, slug, name, rubric_version_id, used)| {
            let (rubric, _) = rubrics::frozen_version(conn, team_id, rubric_version_id)?;
            Ok(PostSummary {
                id,
                slug,
                name,
                rubric_version_id,
                rubric_title: rubric.title,
                rubric_version: rubric.version,
                used,
            })
        })
        .collect()
}

/// The posts `ids` as core takes them, in that order.
pub(crate) fn load_posts(conn: &Connection, team_id: i64, ids: &[i64]) -> Result<Vec<Post>> {
    ids.iter()
        .map(|id| {
            let row: Option<(String, String, i64)> = conn
                .query_row(
                    "SELECT slug, name, rubric_version_id FROM posts WHERE team_id = ?1 AND id = ?2",
                    params![team_id, id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let (slug, name, version_id) = row.ok_or(StoreError::NoSuchPost(*id))?;
            let (rubric, _) = rubrics::frozen_version(conn, team_id, version_id)?;
            Ok(Post {
                id: slug,
                name,
                rubric,
            })
        })
        .collect()
}

/// Records which posts round `number` scores.
pub(crate) fn insert_round_posts(
    conn: &Connection,
    team_id: i64,
    number: u32,
    ids: &[i64],
) -> Result<()> {
    for (position, id) in ids.iter().enumerate() {
        conn.execute(
            "INSERT INTO round_posts (team_id, round, position, post_id) VALUES (?1, ?2, ?3, ?4)",
            params![team_id, number, position as i64, id],
        )?;
    }
    Ok(())
}

/// A short name for a post from what the team calls it: "Sociaal Domein" →
/// "sociaal-domein", accents dropped.
pub fn post_slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

impl Store {
    /// The team's posts, oldest first.
    pub fn list_posts(&self, team_id: i64) -> Result<Vec<PostSummary>> {
        crate::teams::require_team(&self.conn, team_id)?;
        list(&self.conn, team_id)
    }

    /// A chair or secretary defines a post on a frozen rubric version. Its rubric must
    /// be scorable on its own (core's rules for a post), and its name must not give a
    /// short name another post of the team already has.
    pub fn define_post(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        name: &str,
        rubric_version_id: i64,
    ) -> Result<i64> {
        let by = self.authorize(team_id, Action::ManagePosts, actor)?.ledger;
        let tx = self.conn.transaction()?;
        let (rubric, sha256) =
            rubrics::frozen_version(&tx, team_id, rubric_version_id).map_err(|e| match e {
                StoreError::NoSuchRubric(_) | StoreError::RubricNotFrozen(_) => {
                    StoreError::RubricNotFrozen(rubric_version_id)
                }
                other => other,
            })?;
        let post = Post {
            id: post_slug(name),
            name: name.trim().to_owned(),
            rubric,
        };
        if post.id.is_empty() {
            return Err(ScoringError::BadPostName {
                post: name.trim().to_owned(),
            }
            .into());
        }
        scoring::combine_posts(std::slice::from_ref(&post))?;
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM posts WHERE team_id = ?1 AND slug = ?2)",
            params![team_id, post.id],
            |r| r.get(0),
        )?;
        if taken {
            return Err(ScoringError::DuplicatePost { post: post.name }.into());
        }
        tx.execute(
            "INSERT INTO posts (team_id, slug, name, rubric_version_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![team_id, post.id, post.name, rubric_version_id, clock::now()],
        )?;
        let id = tx.last_insert_rowid();
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::PostDefined,
            json!({
                "post": post.id,
                "name": post.name,
                "rubric_id": post.rubric.id,
                "version": post.rubric.version,
                "rubric_sha256": sha256,
            }),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// A chair or secretary removes a post no round has scored.
    pub fn remove_post(&mut self, team_id: i64, actor: Option<i64>, post_id: i64) -> Result<()> {
        let by = self.authorize(team_id, Action::ManagePosts, actor)?.ledger;
        let tx = self.conn.transaction()?;
        let post = list(&tx, team_id)?
            .into_iter()
            .find(|p| p.id == post_id)
            .ok_or(StoreError::NoSuchPost(post_id))?;
        if post.used {
            return Err(StoreError::PostInUse(post.name));
        }
        tx.execute(
            "DELETE FROM posts WHERE team_id = ?1 AND id = ?2",
            params![team_id, post_id],
        )?;
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::PostRemoved,
            json!({ "post": post.slug, "name": post.name }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The allocation advice of revealed round `number` for its posts, for a member
    /// who may see its comparison sheet, with the pairs the team rules out. Core
    /// refuses before the reveal and for a round without posts.
    pub fn allocation_advice(
        &self,
        team_id: i64,
        viewer: i64,
        number: u32,
        ruled_out: &[RuledOut],
    ) -> Result<AssignmentAnalysis> {
        self.authorize(team_id, Action::ViewAllocation, Some(viewer))?;
        // Whoever may see the comparison sheet may see the advice drawn from it.
        self.round_view(team_id, viewer, number)?;
        let constraints = Constraints {
            ruled_out: ruled_out
                .iter()
                .map(|r| (r.candidate.clone(), r.post.clone()))
                .collect(),
            ..Constraints::default()
        };
        advice(&self.conn, team_id, number, &constraints)?.map_err(StoreError::Allocation)
    }
}

/// Core's allocation advice for revealed round `number` with `constraints`, with
/// the app's runners-up, resamples and seed (the same advice the app shows). The
/// outer error is the store's, the inner why core gives no advice.
pub(crate) fn advice(
    conn: &Connection,
    team_id: i64,
    number: u32,
    constraints: &Constraints,
) -> Result<std::result::Result<AssignmentAnalysis, scoring::AllocationError>> {
    let round = load_round(conn, team_id, number)?;
    let sheets = load_sheets(conn, team_id, number)?;
    let options = AssignmentOptions {
        runners_up: 3,
        resamples: RESAMPLES,
        seed: ADVICE_SEED,
    };
    Ok(scoring::allocation_advice(
        &round,
        &sheets,
        constraints,
        options,
    ))
}

#[cfg(test)]
mod tests {
    use maatstaf_core::ledger::EntryKind;
    use maatstaf_core::scoring::{
        AllocationError, PortfolioChoice, RoundView, Score, ScoringError, ScoringMode,
    };
    use maatstaf_core::team::Role;
    use rusqlite::params;

    use super::*;
    use crate::scoring::AssessorChoice;

    struct Team {
        _dir: tempfile::TempDir,
        store: Store,
        team: i64,
        chair: i64,
        assessors: [i64; 2],
        rubrics: [i64; 2],
    }

    fn frozen(store: &Store, team: i64, key: &str, source: &str) -> i64 {
        store
            .conn
            .execute(
                "INSERT INTO rubric_versions (team_id, rubric_key, version, source_toml, sha256, frozen_at, created_at)
                 VALUES (?1, ?2, 1, ?3, 'abc', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                params![team, key, source],
            )
            .unwrap();
        store.conn.last_insert_rowid()
    }

    fn blinded(store: &Store, team: i64, code: &str) {
        store
            .conn
            .execute(
                "INSERT INTO candidates (team_id, code, created_at) VALUES (?1, ?2, '2026-01-01T00:00:00Z')",
                params![team, code],
            )
            .unwrap();
        let id = store.conn.last_insert_rowid();
        store
            .conn
            .execute(
                "INSERT INTO candidate_material (candidate_id, kind, original_text, blinded_text, blinded_sha256, frozen_at, created_at)
                 VALUES (?1, 'motivation', 'x', 'x', 'h', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                [id],
            )
            .unwrap();
    }

    /// A team with the Financiën and Wonen templates frozen and three blinded candidates.
    fn team() -> Team {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let team = store.create_team("Lindeveld").unwrap().id;
        let member = |store: &mut Store, name: &str, role: Role| {
            store.add_member(team, name, role, None, None).unwrap().id
        };
        let chair = member(&mut store, "Voorzitter", Role::Chair);
        let assessors = [
            member(&mut store, "Een", Role::Assessor),
            member(&mut store, "Twee", Role::Assessor),
        ];
        let rubrics = [
            frozen(
                &store,
                team,
                "fin",
                include_str!("../../../content/rubrics/wethouder-financien.toml"),
            ),
            frozen(
                &store,
                team,
                "won",
                include_str!("../../../content/rubrics/wethouder-wonen.toml"),
            ),
        ];
        for code in ["K-1", "K-2", "K-3"] {
            blinded(&store, team, code);
        }
        Team {
            _dir: dir,
            store,
            team,
            chair,
            assessors,
            rubrics,
        }
    }

    fn log_len(t: &Team) -> usize {
        t.store.ledger(t.team).unwrap().len()
    }

    fn define_both(t: &mut Team) -> [i64; 2] {
        let fin = t
            .store
            .define_post(t.team, Some(t.chair), "Financiën", t.rubrics[0])
            .unwrap();
        let won = t
            .store
            .define_post(t.team, Some(t.chair), "Wonen", t.rubrics[1])
            .unwrap();
        [fin, won]
    }

    #[test]
    fn posts_are_defined_on_frozen_rubrics_and_refusals_change_nothing() {
        let mut t = team();
        let [fin, _] = define_both(&mut t);
        let posts = t.store.list_posts(t.team).unwrap();
        assert_eq!(posts.len(), 2);
        assert_eq!(posts[0].slug, "financien");
        assert_eq!(posts[0].name, "Financiën");
        assert!(!posts[0].used);
        let log = t.store.ledger(t.team).unwrap();
        let entry = log.last().unwrap();
        assert_eq!(entry.kind, EntryKind::PostDefined);
        assert_eq!(entry.payload["name"], "Wonen");

        let before = (log_len(&t), t.store.list_posts(t.team).unwrap());
        // The same name again, a blank name, a draft rubric, an assessor: refused.
        assert!(matches!(
            t.store
                .define_post(t.team, Some(t.chair), " financiën ", t.rubrics[0]),
            Err(StoreError::Scoring(ScoringError::DuplicatePost { .. }))
        ));
        assert!(matches!(
            t.store
                .define_post(t.team, Some(t.chair), "  ", t.rubrics[0]),
            Err(StoreError::Scoring(ScoringError::BadPostName { .. }))
        ));
        t.store
            .conn
            .execute(
                "INSERT INTO rubric_versions (team_id, rubric_key, version, source_toml, created_at)
                 VALUES (?1, 'draft', 1, ?2, '2026-01-01T00:00:00Z')",
                params![
                    t.team,
                    include_str!("../../../content/rubrics/wethouder-wonen.toml")
                ],
            )
            .unwrap();
        let draft = t.store.conn.last_insert_rowid();
        assert!(matches!(
            t.store.define_post(t.team, Some(t.chair), "Sport", draft),
            Err(StoreError::RubricNotFrozen(_))
        ));
        assert!(matches!(
            t.store
                .define_post(t.team, Some(t.assessors[0]), "Sport", t.rubrics[0]),
            Err(StoreError::Access(_))
        ));
        assert!(matches!(
            t.store.remove_post(t.team, Some(t.chair), 999),
            Err(StoreError::NoSuchPost(999))
        ));
        assert_eq!((log_len(&t), t.store.list_posts(t.team).unwrap()), before);

        t.store.remove_post(t.team, Some(t.chair), fin).unwrap();
        assert_eq!(t.store.list_posts(t.team).unwrap().len(), 1);
        let log = t.store.ledger(t.team).unwrap();
        assert_eq!(log.last().unwrap().kind, EntryKind::PostRemoved);
        assert_eq!(log.last().unwrap().payload["post"], "financien");
    }

    fn choices(t: &Team) -> Vec<AssessorChoice> {
        t.assessors
            .iter()
            .map(|a| AssessorChoice {
                member_id: *a,
                mode: ScoringMode::ByCandidate,
            })
            .collect()
    }

    /// Every cell 3, except K-1 on begrotingsinzicht and K-2 on woningbouwopgave (5 and 4).
    fn score_all(t: &mut Team) {
        for (i, a) in t.assessors.into_iter().enumerate() {
            let i = i as u8;
            let RoundView::Scoring { work, .. } = t.store.round_view(t.team, a, 1).unwrap() else {
                panic!("scoring view");
            };
            for cell in work.cells {
                let level = match (cell.candidate.as_str(), cell.criterion.as_str()) {
                    ("K-1", "begrotingsinzicht") | ("K-2", "woningbouwopgave") => 5 - i,
                    _ => 3,
                };
                let score = Score {
                    candidate: cell.candidate.clone(),
                    criterion: cell.criterion.clone(),
                    level: Some(level),
                    evidence: "gezien in de werkopdracht".into(),
                    reason: None,
                };
                t.store.save_score(t.team, a, 1, score).unwrap();
            }
            t.store.submit_sheet(t.team, a, 1).unwrap();
        }
    }

    #[test]
    fn a_round_scores_two_posts_and_advises_the_allocation_after_the_reveal() {
        let mut t = team();
        let [fin, won] = define_both(&mut t);
        let codes = vec!["K-1".to_owned(), "K-2".to_owned(), "K-3".to_owned()];
        let n = t
            .store
            .open_round_for_posts(t.team, t.chair, vec![fin, won], codes, choices(&t), &[])
            .unwrap();
        assert_eq!(n, 1);
        // Six generic criteria once, plus one portfolio criterion per post: 8 per candidate.
        let RoundView::Scoring { work, .. } =
            t.store.round_view(t.team, t.assessors[0], 1).unwrap()
        else {
            panic!("scoring view");
        };
        assert_eq!(work.cells.len(), 3 * 8);
        assert_eq!(work.groups.as_ref().unwrap().generic.len(), 6);
        let opened = t
            .store
            .ledger(t.team)
            .unwrap()
            .into_iter()
            .find(|e| e.kind == EntryKind::RoundOpened)
            .unwrap();
        assert_eq!(opened.payload["posts"][0]["name"], "Financiën");
        assert_eq!(opened.payload["posts"][1]["post"], "wonen");
        assert!(t.store.list_posts(t.team).unwrap().iter().all(|p| p.used));

        // A post a round scores stays; the refusal changes nothing.
        let before = log_len(&t);
        assert!(matches!(
            t.store.remove_post(t.team, Some(t.chair), fin),
            Err(StoreError::PostInUse(name)) if name == "Financiën"
        ));
        assert_eq!(log_len(&t), before);
        assert_eq!(t.store.list_posts(t.team).unwrap().len(), 2);

        score_all(&mut t);
        // Advice only after the reveal.
        assert!(matches!(
            t.store.allocation_advice(t.team, t.chair, 1, &[]),
            Err(StoreError::Allocation(AllocationError::Scoring(
                ScoringError::NotRevealed
            )))
        ));
        t.store.reveal_round(t.team, t.chair, 1).unwrap();
        let RoundView::Revealed { comparison } = t.store.round_view(t.team, t.chair, 1).unwrap()
        else {
            panic!("revealed");
        };
        assert_eq!(comparison.posts.len(), 2);
        assert_eq!(comparison.posts[1].name, "Wonen");

        let advice = t
            .store
            .allocation_advice(t.team, t.assessors[0], 1, &[])
            .unwrap();
        let pick = |post: &str| {
            advice
                .best
                .pairs
                .iter()
                .find(|p| p.post == post)
                .unwrap()
                .candidate
                .clone()
        };
        assert_eq!(pick("financien"), "K-1");
        assert_eq!(pick("wonen"), "K-2");
        assert!(advice.robustness.is_some());
        assert!(!advice.runners_up.is_empty());

        // Ruling K-1 out of Financiën moves the advice; an unknown post is refused.
        let ruled = [RuledOut {
            candidate: "K-1".into(),
            post: "financien".into(),
        }];
        let advice = t
            .store
            .allocation_advice(t.team, t.chair, 1, &ruled)
            .unwrap();
        assert!(advice
            .best
            .pairs
            .iter()
            .all(|p| !(p.candidate == "K-1" && p.post == "financien")));
        let bad = [RuledOut {
            candidate: "K-1".into(),
            post: "sport".into(),
        }];
        assert!(matches!(
            t.store.allocation_advice(t.team, t.chair, 1, &bad),
            Err(StoreError::Allocation(AllocationError::Scoring(
                ScoringError::UnknownPost { .. }
            )))
        ));

        // The decision names a post of the round; another name is refused and changes nothing.
        let choice = |portfolio: &str| PortfolioChoice {
            portfolio: portfolio.into(),
            candidates: vec!["K-1".into()],
            reason: "Sterkst op begrotingsinzicht".into(),
        };
        let before = log_len(&t);
        assert!(matches!(
            t.store
                .record_decision(t.team, t.chair, vec![choice("Sport")]),
            Err(StoreError::Scoring(ScoringError::UnknownPost { .. }))
        ));
        assert_eq!(log_len(&t), before);
        t.store
            .record_decision(t.team, t.chair, vec![choice("financien")])
            .unwrap();
        let log = t.store.ledger(t.team).unwrap();
        let decided = log.last().unwrap();
        assert_eq!(decided.kind, EntryKind::DecisionRecorded);
        assert_eq!(decided.payload["reasons"][0]["post"], "Financiën");
    }
}
