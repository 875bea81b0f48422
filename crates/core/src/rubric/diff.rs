//! What changed between two versions of a rubric, for a side-by-side view.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Criterion, Rubric};

/// One difference between two rubric versions. Field values are shown as
/// text: indicators one per line, absent optional fields as `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum RubricChange {
    /// `id`, `title`, `version`, `scale.min` or `scale.max`.
    RubricField {
        field: String,
        old: String,
        new: String,
    },
    CriterionAdded {
        criterion: String,
        name: String,
    },
    CriterionRemoved {
        criterion: String,
        name: String,
    },
    /// `name`, `definition`, `weight`, `knockout`, `evidence`, `indicators` or `anchors.N`.
    CriterionField {
        criterion: String,
        field: String,
        old: Option<String>,
        new: Option<String>,
    },
    /// The criteria both versions share appear in a different order.
    CriteriaReordered {
        old: Vec<String>,
        new: Vec<String>,
    },
}

pub fn diff(a: &Rubric, b: &Rubric) -> Vec<RubricChange> {
    let mut changes = Vec::new();
    let mut field = |name: &str, old: String, new: String| {
        if old != new {
            changes.push(RubricChange::RubricField {
                field: name.to_owned(),
                old,
                new,
            });
        }
    };
    field("id", a.id.clone(), b.id.clone());
    field("title", a.title.clone(), b.title.clone());
    field("version", a.version.to_string(), b.version.to_string());
    field(
        "scale.min",
        a.scale.min.to_string(),
        b.scale.min.to_string(),
    );
    field(
        "scale.max",
        a.scale.max.to_string(),
        b.scale.max.to_string(),
    );

    for old in &a.criteria {
        match b.criterion(&old.id) {
            None => changes.push(RubricChange::CriterionRemoved {
                criterion: old.id.clone(),
                name: old.name.clone(),
            }),
            Some(new) => criterion_changes(old, new, &mut changes),
        }
    }
    for new in &b.criteria {
        if a.criterion(&new.id).is_none() {
            changes.push(RubricChange::CriterionAdded {
                criterion: new.id.clone(),
                name: new.name.clone(),
            });
        }
    }

    let shared = |x: &Rubric, y: &Rubric| -> Vec<String> {
        x.criteria
            .iter()
            .filter(|c| y.criterion(&c.id).is_some())
            .map(|c| c.id.clone())
            .collect()
    };
    let (old_order, new_order) = (shared(a, b), shared(b, a));
    if old_order != new_order {
        changes.push(RubricChange::CriteriaReordered {
            old: old_order,
            new: new_order,
        });
    }
    changes
}

fn criterion_changes(a: &Criterion, b: &Criterion, changes: &mut Vec<RubricChange>) {
    let mut field = |name: &str, old: Option<String>, new: Option<String>| {
        if old != new {
            changes.push(RubricChange::CriterionField {
                criterion: a.id.clone(),
                field: name.to_owned(),
                old,
                new,
            });
        }
    };
    field("name", Some(a.name.clone()), Some(b.name.clone()));
    field(
        "definition",
        Some(a.definition.clone()),
        Some(b.definition.clone()),
    );
    field(
        "weight",
        Some(a.weight.to_string()),
        Some(b.weight.to_string()),
    );
    field(
        "knockout",
        a.knockout.map(|k| k.to_string()),
        b.knockout.map(|k| k.to_string()),
    );
    field("evidence", a.evidence.clone(), b.evidence.clone());
    field(
        "indicators",
        Some(a.indicators.join("\n")),
        Some(b.indicators.join("\n")),
    );

    let mut levels: Vec<u8> = a
        .levels()
        .iter()
        .chain(b.levels().iter())
        .map(|(l, _)| *l)
        .collect();
    levels.sort_unstable();
    levels.dedup();
    for level in levels {
        let key = level.to_string();
        field(
            &format!("anchors.{level}"),
            a.anchors.get(&key).cloned(),
            b.anchors.get(&key).cloned(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::parse_rubric;

    const V1: &str = r#"
id = "r"
title = "Rubriek"
version = 1
scale = { min = 1, max = 5 }
[[criteria]]
id = "a"
name = "A"
weight = 50
indicators = ["x", "y"]
anchors = { 1 = "laag", 3 = "midden", 5 = "hoog" }
[[criteria]]
id = "b"
name = "B"
weight = 50
"#;

    #[test]
    fn identical_rubrics_have_no_changes() {
        let r = parse_rubric(V1).unwrap();
        assert!(diff(&r, &r).is_empty());
    }

    #[test]
    fn changes_are_listed_with_old_and_new_values() {
        let a = parse_rubric(V1).unwrap();
        let mut b = a.clone();
        b.version = 2;
        b.criteria.retain(|c| c.id != "b");
        b.criteria[0].weight = 60;
        b.criteria[0].anchors.insert("3".into(), "middel".into());
        b.criteria[0].anchors.insert("4".into(), "ruim".into());
        b.criteria[0].knockout = Some(2);
        let mut c = b.criteria[0].clone();
        c.id = "c".into();
        c.name = "C".into();
        b.criteria.push(c);

        let changes = diff(&a, &b);
        let field = |criterion: &str, field: &str, old: Option<&str>, new: Option<&str>| {
            RubricChange::CriterionField {
                criterion: criterion.into(),
                field: field.into(),
                old: old.map(Into::into),
                new: new.map(Into::into),
            }
        };
        assert_eq!(
            changes,
            vec![
                RubricChange::RubricField {
                    field: "version".into(),
                    old: "1".into(),
                    new: "2".into()
                },
                field("a", "weight", Some("50"), Some("60")),
                field("a", "knockout", None, Some("2")),
                field("a", "anchors.3", Some("midden"), Some("middel")),
                field("a", "anchors.4", None, Some("ruim")),
                RubricChange::CriterionRemoved {
                    criterion: "b".into(),
                    name: "B".into()
                },
                RubricChange::CriterionAdded {
                    criterion: "c".into(),
                    name: "C".into()
                },
            ]
        );
    }

    #[test]
    fn reordering_is_reported_once() {
        let a = parse_rubric(V1).unwrap();
        let mut b = a.clone();
        b.criteria.reverse();
        assert_eq!(
            diff(&a, &b),
            vec![RubricChange::CriteriaReordered {
                old: vec!["a".into(), "b".into()],
                new: vec!["b".into(), "a".into()]
            }]
        );
    }
}
