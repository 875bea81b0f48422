//! Scoring rubrics: explicit criteria with observable indicators and
//! behaviourally anchored levels. The TOML file format is user-facing and
//! documented in `content/rubrics/README.md`; extend it only compatibly.

mod diff;
mod parse;
mod templates;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use diff::{diff, RubricChange};
pub use parse::{canonical_json, parse_rubric, sha256_hex, to_toml, Position, RubricError};
pub use templates::{template, templates, Template, BUNDLED_TEMPLATES};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Rubric {
    pub id: String,
    pub title: String,
    pub version: u32,
    pub scale: Scale,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Scale {
    pub min: u8,
    pub max: u8,
}

impl Scale {
    pub fn contains(self, level: u8) -> bool {
        (self.min..=self.max).contains(&level)
    }

    /// The middle level(s): one for an odd number of levels, two for an even number.
    pub fn middle(self) -> Vec<u8> {
        let low = (u16::from(self.min) + u16::from(self.max)) / 2;
        let high = (u16::from(self.min) + u16::from(self.max)).div_ceil(2);
        let mut levels = vec![low as u8];
        if high != low {
            levels.push(high as u8);
        }
        levels
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub definition: String,
    /// Share of the weighted total, in percent; a rubric's weights add up to
    /// 100, so no single weight is above [`MAX_WEIGHT`].
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
    /// Behavioural anchors by level ("1", "3", "5"). `parse_rubric` guarantees
    /// every key is a level number written without leading zeros.
    #[serde(default)]
    pub anchors: BTreeMap<String, String>,
}

/// What the rubric says about one level of a criterion: its own anchor, or
/// the nearest anchored levels around it so a scorer can interpolate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum AnchorLookup {
    Anchored {
        level: u8,
        text: String,
    },
    Between {
        level: u8,
        below: Option<LevelAnchor>,
        above: Option<LevelAnchor>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LevelAnchor {
    pub level: u8,
    pub text: String,
}

impl Criterion {
    /// The anchors as (level, text), lowest level first. Keys that are not
    /// numbers cannot occur after `parse_rubric`; they are skipped here.
    pub fn levels(&self) -> Vec<(u8, &str)> {
        let mut levels: Vec<(u8, &str)> = self
            .anchors
            .iter()
            .filter_map(|(k, v)| k.parse::<u8>().ok().map(|l| (l, v.as_str())))
            .collect();
        levels.sort_by_key(|(l, _)| *l);
        levels
    }

    pub fn anchor_for(&self, level: u8) -> AnchorLookup {
        let levels = self.levels();
        if let Some((_, text)) = levels.iter().find(|(l, _)| *l == level) {
            return AnchorLookup::Anchored {
                level,
                text: (*text).to_owned(),
            };
        }
        let to_anchor = |&(level, text): &(u8, &str)| LevelAnchor {
            level,
            text: text.to_owned(),
        };
        AnchorLookup::Between {
            level,
            below: levels.iter().rev().find(|(l, _)| *l < level).map(to_anchor),
            above: levels.iter().find(|(l, _)| *l > level).map(to_anchor),
        }
    }
}

/// The highest weight one criterion can carry: all of the total.
pub const MAX_WEIGHT: u32 = 100;

impl Rubric {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The sum of the weights; `u32::MAX` stands for a sum that does not fit,
    /// which a rubric file with absurd weights can ask for.
    pub fn total_weight(&self) -> u32 {
        self.checked_total_weight().unwrap_or(u32::MAX)
    }

    /// The sum of the weights, or `None` when it overflows.
    pub fn checked_total_weight(&self) -> Option<u32> {
        self.criteria
            .iter()
            .try_fold(0u32, |sum, c| sum.checked_add(c.weight))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion() -> Criterion {
        Criterion {
            id: "c".into(),
            name: "C".into(),
            definition: String::new(),
            weight: 100,
            knockout: None,
            evidence: None,
            indicators: vec![],
            anchors: [("1", "laag"), ("3", "midden"), ("5", "hoog")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        }
    }

    #[test]
    fn anchored_levels_return_their_text() {
        assert_eq!(
            criterion().anchor_for(3),
            AnchorLookup::Anchored {
                level: 3,
                text: "midden".into()
            }
        );
    }

    #[test]
    fn unanchored_levels_name_their_neighbours() {
        let c = criterion();
        assert_eq!(
            c.anchor_for(4),
            AnchorLookup::Between {
                level: 4,
                below: Some(LevelAnchor {
                    level: 3,
                    text: "midden".into()
                }),
                above: Some(LevelAnchor {
                    level: 5,
                    text: "hoog".into()
                }),
            }
        );
        assert_eq!(
            c.anchor_for(7),
            AnchorLookup::Between {
                level: 7,
                below: Some(LevelAnchor {
                    level: 5,
                    text: "hoog".into()
                }),
                above: None,
            }
        );
    }

    #[test]
    fn middle_levels_of_odd_and_even_scales() {
        assert_eq!(Scale { min: 1, max: 5 }.middle(), vec![3]);
        assert_eq!(Scale { min: 1, max: 4 }.middle(), vec![2, 3]);
        assert_eq!(Scale { min: 0, max: 10 }.middle(), vec![5]);
    }
}
