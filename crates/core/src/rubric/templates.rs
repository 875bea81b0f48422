//! The rubric templates from `content/rubrics`, built into the program so a
//! team can start from a rubric that already lints clean.

use serde::Serialize;
use ts_rs::TS;

use super::{parse_rubric, Rubric};

pub const BUNDLED_TEMPLATES: &[(&str, &str)] = &[
    (
        "wethouder-algemeen",
        include_str!("../../../../content/rubrics/wethouder-algemeen.toml"),
    ),
    (
        "wethouder-financien",
        include_str!("../../../../content/rubrics/wethouder-financien.toml"),
    ),
    (
        "wethouder-wonen",
        include_str!("../../../../content/rubrics/wethouder-wonen.toml"),
    ),
    (
        "wethouder-sociaal-domein",
        include_str!("../../../../content/rubrics/wethouder-sociaal-domein.toml"),
    ),
    (
        "wethouder-klimaat-energie",
        include_str!("../../../../content/rubrics/wethouder-klimaat-energie.toml"),
    ),
];

/// A bundled template as the "new rubric" dialog lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "RubricTemplate")]
pub struct Template {
    pub id: String,
    pub title: String,
    pub criteria: usize,
}

/// The bundled templates, in the order of `BUNDLED_TEMPLATES`.
pub fn templates() -> Vec<Template> {
    BUNDLED_TEMPLATES
        .iter()
        .filter_map(|(id, _)| template(id))
        .map(|r| Template {
            id: r.id.clone(),
            title: r.title.clone(),
            criteria: r.criteria.len(),
        })
        .collect()
}

/// One bundled template as a rubric; `None` for an unknown id.
pub fn template(id: &str) -> Option<Rubric> {
    BUNDLED_TEMPLATES
        .iter()
        .find(|(key, _)| *key == id)
        .and_then(|(_, text)| parse_rubric(text).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{bundled_lexicon, is_clean, lint};

    #[test]
    fn every_template_parses_lints_clean_and_carries_its_own_id() {
        assert_eq!(templates().len(), BUNDLED_TEMPLATES.len());
        for (id, text) in BUNDLED_TEMPLATES {
            let rubric = parse_rubric(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(rubric.id, *id);
            let findings = lint(&rubric, bundled_lexicon());
            assert!(is_clean(&findings), "{id}: {findings:#?}");
        }
        assert_eq!(template("geen-sjabloon"), None);
    }
}
