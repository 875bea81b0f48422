//! Reading, writing and fingerprinting rubric files.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use toml::Spanned;
use ts_rs::TS;

use super::{Criterion, Rubric, Scale};
use crate::i18n::{Lang, Text};

/// A place in a text file, both counted from 1; columns count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Why a text is not a rubric at all (as opposed to a rubric with lint findings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum RubricError {
    /// Invalid TOML, a missing or unknown key, or a value of the wrong type.
    /// `detail` is the TOML parser's own (English) explanation.
    Toml {
        at: Option<Position>,
        detail: String,
    },
    ScaleOrder {
        at: Position,
        min: u8,
        max: u8,
    },
    LevelNotANumber {
        at: Position,
        criterion: String,
        key: String,
    },
    DuplicateLevel {
        at: Position,
        criterion: String,
        level: u8,
    },
}

impl RubricError {
    pub fn position(&self) -> Option<Position> {
        match self {
            RubricError::Toml { at, .. } => *at,
            RubricError::ScaleOrder { at, .. }
            | RubricError::LevelNotANumber { at, .. }
            | RubricError::DuplicateLevel { at, .. } => Some(*at),
        }
    }

    pub fn text(&self) -> Text {
        let place = |nl: String, en: String| match self.position() {
            Some(p) => Text::new(
                format!("regel {}, kolom {}: {nl}", p.line, p.column),
                format!("line {}, column {}: {en}", p.line, p.column),
            ),
            None => Text::new(nl, en),
        };
        match self {
            RubricError::Toml { detail, .. } => place(
                format!("dit is geen geldig rubriekbestand ({detail})"),
                format!("this is not a valid rubric file ({detail})"),
            ),
            RubricError::ScaleOrder { min, max, .. } => place(
                format!("de schaal moet oplopen: min ({min}) moet kleiner zijn dan max ({max})"),
                format!("the scale must go up: min ({min}) must be below max ({max})"),
            ),
            RubricError::LevelNotANumber { criterion, key, .. } => place(
                format!(
                    "anker \"{key}\" bij criterium \"{criterion}\" is geen niveau; gebruik een getal van de schaal, zoals 1 = \"...\""
                ),
                format!(
                    "anchor \"{key}\" of criterion \"{criterion}\" is not a level; use a number on the scale, such as 1 = \"...\""
                ),
            ),
            RubricError::DuplicateLevel { criterion, level, .. } => place(
                format!("criterium \"{criterion}\" heeft twee ankers voor niveau {level}"),
                format!("criterion \"{criterion}\" has two anchors for level {level}"),
            ),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.text().get(lang).to_owned()
    }
}

impl fmt::Display for RubricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for RubricError {}

// Mirrors of the public types with spans where a structural error needs a position.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRubric {
    id: String,
    title: String,
    version: u32,
    scale: Spanned<Scale>,
    #[serde(default)]
    criteria: Vec<RawCriterion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    id: String,
    name: String,
    #[serde(default)]
    definition: String,
    weight: u32,
    #[serde(default)]
    knockout: Option<u8>,
    #[serde(default)]
    evidence: Option<String>,
    #[serde(default)]
    indicators: Vec<String>,
    #[serde(default)]
    anchors: BTreeMap<Spanned<String>, String>,
}

/// Parses a rubric file. Lint findings (missing anchors, vague words ...) are
/// not errors here: this only refuses text that cannot be read as a rubric.
pub fn parse_rubric(text: &str) -> Result<Rubric, RubricError> {
    let raw: RawRubric = toml::from_str(text).map_err(|e| RubricError::Toml {
        at: e.span().map(|s| Position::of_offset(text, s.start)),
        detail: e.message().trim().to_owned(),
    })?;
    let at = |span: std::ops::Range<usize>| Position::of_offset(text, span.start);
    let scale = *raw.scale.get_ref();
    if scale.min >= scale.max {
        return Err(RubricError::ScaleOrder {
            at: at(raw.scale.span()),
            min: scale.min,
            max: scale.max,
        });
    }
    let mut criteria = Vec::with_capacity(raw.criteria.len());
    for c in raw.criteria {
        let mut anchors = BTreeMap::new();
        for (key, value) in c.anchors {
            let level: u8 =
                key.get_ref()
                    .trim()
                    .parse()
                    .map_err(|_| RubricError::LevelNotANumber {
                        at: at(key.span()),
                        criterion: c.id.clone(),
                        key: key.get_ref().clone(),
                    })?;
            if anchors
                .insert(level.to_string(), normalise(value))
                .is_some()
            {
                return Err(RubricError::DuplicateLevel {
                    at: at(key.span()),
                    criterion: c.id.clone(),
                    level,
                });
            }
        }
        criteria.push(Criterion {
            id: normalise(c.id),
            name: normalise(c.name),
            definition: normalise(c.definition),
            weight: c.weight,
            knockout: c.knockout,
            evidence: c.evidence.map(normalise),
            indicators: c.indicators.into_iter().map(normalise).collect(),
            anchors,
        });
    }
    Ok(Rubric {
        id: normalise(raw.id),
        title: normalise(raw.title),
        version: raw.version,
        scale,
        criteria,
    })
}

/// Line endings inside strings follow the file (CRLF on some Windows checkouts);
/// the fingerprint must not.
fn normalise(s: String) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n")
    } else {
        s
    }
}

/// The rubric as a TOML file; `parse_rubric(&to_toml(r)) == Ok(r)`.
pub fn to_toml(rubric: &Rubric) -> String {
    toml::to_string_pretty(rubric).expect("a rubric always serialises to TOML")
}

/// One fixed JSON text per rubric content: field order follows the types,
/// anchors are sorted by key and nothing depends on the file's layout.
pub fn canonical_json(rubric: &Rubric) -> String {
    serde_json::to_string(rubric).expect("a rubric always serialises to JSON")
}

/// SHA-256 of `canonical_json`, in lowercase hex: the fingerprint a team
/// freezes before opening any candidate file.
pub fn sha256_hex(rubric: &Rubric) -> String {
    hex::encode(Sha256::digest(canonical_json(rubric).as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
id = "wethouder-financien"
title = "Wethouder Financiën"
version = 1
[scale]
min = 1
max = 5
[[criteria]]
id = "begrotingsinzicht"
name = "Begrotingsinzicht"
definition = "Leest een programmabegroting en benoemt risico's voor de portefeuille."
weight = 20            # weights of all criteria add up to 100
knockout = 2
evidence = "werkopdracht"
indicators = ["Noemt de drie grootste posten", "Benoemt een risico"]
[criteria.anchors]
1 = "Haalt geen posten of risico's uit het fragment."
3 = "Noemt de posten en één risico, zonder omvang."
5 = "Noemt posten, risico's met omvang en een beheersmaatregel."
"#;

    #[test]
    fn the_documented_example_parses() {
        let r = parse_rubric(SAMPLE).unwrap();
        assert_eq!(r.criteria.len(), 1);
        let c = &r.criteria[0];
        assert_eq!(c.knockout, Some(2));
        assert_eq!(
            c.levels().iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            vec![1, 3, 5]
        );
    }

    #[test]
    fn to_toml_round_trips() {
        let r = parse_rubric(SAMPLE).unwrap();
        assert_eq!(parse_rubric(&to_toml(&r)).unwrap(), r);
    }

    #[test]
    fn fingerprint_ignores_layout_and_key_order() {
        let reordered = r#"
title = "Wethouder Financiën"
id = "wethouder-financien"
version = 1
scale = { max = 5, min = 1 }

[[criteria]]
anchors = { 5 = "Noemt posten, risico's met omvang en een beheersmaatregel.", 3 = "Noemt de posten en één risico, zonder omvang.", 1 = "Haalt geen posten of risico's uit het fragment." }
indicators = [
  "Noemt de drie grootste posten",
  "Benoemt een risico",
]
evidence = "werkopdracht"
knockout = 2
weight = 20
definition = "Leest een programmabegroting en benoemt risico's voor de portefeuille."
name = "Begrotingsinzicht"
id = "begrotingsinzicht"
"#;
        let a = parse_rubric(SAMPLE).unwrap();
        let b = parse_rubric(reordered).unwrap();
        assert_eq!(canonical_json(&a), canonical_json(&b));
        assert_eq!(sha256_hex(&a), sha256_hex(&b));
        assert_eq!(sha256_hex(&a).len(), 64);

        let mut changed = a.clone();
        changed.criteria[0].weight = 25;
        assert_ne!(sha256_hex(&a), sha256_hex(&changed));
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = parse_rubric("id = \"x\"\ntitle = \"t\"\nversion = \n").unwrap_err();
        assert!(
            matches!(
                err,
                RubricError::Toml {
                    at: Some(Position { line: 3, .. }),
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.message(Lang::Nl).starts_with("regel 3, kolom"));
    }

    #[test]
    fn wrong_types_and_typos_name_their_line() {
        let wrong_type = SAMPLE.replace("weight = 20", "weight = \"twintig\"");
        let err = parse_rubric(&wrong_type).unwrap_err();
        assert_eq!(err.position().map(|p| p.line), Some(12), "{err:?}");

        let typo = SAMPLE.replace("knockout = 2", "knockuot = 2");
        let err = parse_rubric(&typo).unwrap_err();
        assert_eq!(err.position().map(|p| p.line), Some(13), "{err:?}");
        assert!(err.to_string().contains("knockuot"), "{err}");
    }

    #[test]
    fn a_scale_that_does_not_go_up_is_refused() {
        let err = parse_rubric(&SAMPLE.replace("max = 5", "max = 1")).unwrap_err();
        assert!(
            matches!(err, RubricError::ScaleOrder { min: 1, max: 1, .. }),
            "{err:?}"
        );
        assert_eq!(err.position().map(|p| p.line), Some(5));
    }

    #[test]
    fn level_keys_must_be_numbers() {
        let err = parse_rubric(&SAMPLE.replace("3 = \"Noemt", "midden = \"Noemt")).unwrap_err();
        match &err {
            RubricError::LevelNotANumber { at, criterion, key } => {
                assert_eq!((at.line, at.column), (18, 1));
                assert_eq!(criterion, "begrotingsinzicht");
                assert_eq!(key, "midden");
            }
            other => panic!("{other:?}"),
        }
        let dup = SAMPLE.replace("3 = \"Noemt", "03 = \"x\"\n3 = \"Noemt");
        assert!(matches!(
            parse_rubric(&dup),
            Err(RubricError::DuplicateLevel { level: 3, .. })
        ));
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        assert_eq!(
            Position::of_offset("é\nàb", 5),
            Position { line: 2, column: 2 }
        );
    }
}
