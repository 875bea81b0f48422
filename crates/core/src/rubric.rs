//! Scoring rubrics: explicit criteria with observable indicators and
//! behaviourally anchored levels. The TOML file format is user-facing and
//! documented in `content/rubrics/README.md`; extend it only compatibly.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Rubric {
    pub id: String,
    pub title: String,
    pub version: u32,
    pub scale: Scale,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Scale {
    pub min: u8,
    pub max: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub definition: String,
    /// Share of the weighted total, in percent; a rubric's weights add up to 100.
    pub weight: u32,
    /// A score below this level rules the candidate out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub knockout: Option<u8>,
    /// Where the evidence comes from: interview question, written answer, work sample.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub evidence: Option<String>,
    #[serde(default)]
    pub indicators: Vec<String>,
    /// Behavioural anchors by level, as written in the file ("1", "3", "5").
    #[serde(default)]
    pub anchors: BTreeMap<String, String>,
}
