//! The rubric linter: explains, per criterion and field, what makes a
//! criterion untestable, unfair or hard to score consistently.
//!
//! Unclear and untestable selection criteria are one of the causes of the
//! under-representation of women, people with a migration background, young
//! and practically educated people among wethouders. Every finding therefore
//! says why it matters (in Dutch and English) and, where it can, what to
//! write instead.

mod anchors;
mod fit;
mod freeze;
mod language;
mod lexicon;
mod matcher;
mod structure;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::{Lang, Text};
use crate::rubric::Rubric;

pub use freeze::{freeze_check, AcceptedWarning, FreezeError};
pub use language::guess_lang;
pub use lexicon::{Entry, Kind, Lexicon, LexiconError, Reading};
pub use matcher::MatchMode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Every check the linter makes; the kebab-case name is the stable rule id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum Rule {
    InvalidId,
    MissingName,
    MissingDefinition,
    FewIndicators,
    MissingAnchors,
    AnchorOutOfScale,
    GradeAnchor,
    IdenticalAnchors,
    MissingEvidence,
    WeightsSum,
    ZeroWeight,
    CriteriaCount,
    DuplicateId,
    DuplicateName,
    KnockoutOutOfScale,
    CompoundCriterion,
    VagueTerm,
    ExcludesAge,
    ExcludesLanguage,
    ExcludesOrigin,
    ExcludesFamily,
    ExcludesHealth,
    ExcludesReligion,
    ExcludesAppearance,
    ExcludesTenure,
    ExcludesEducation,
    MasculineCoded,
    FeminineCoded,
    SimilarityBias,
    AnchorOffTopic,
}

impl Rule {
    pub const ALL: [Rule; 30] = [
        Rule::InvalidId,
        Rule::MissingName,
        Rule::MissingDefinition,
        Rule::FewIndicators,
        Rule::MissingAnchors,
        Rule::AnchorOutOfScale,
        Rule::GradeAnchor,
        Rule::IdenticalAnchors,
        Rule::MissingEvidence,
        Rule::WeightsSum,
        Rule::ZeroWeight,
        Rule::CriteriaCount,
        Rule::DuplicateId,
        Rule::DuplicateName,
        Rule::KnockoutOutOfScale,
        Rule::CompoundCriterion,
        Rule::VagueTerm,
        Rule::ExcludesAge,
        Rule::ExcludesLanguage,
        Rule::ExcludesOrigin,
        Rule::ExcludesFamily,
        Rule::ExcludesHealth,
        Rule::ExcludesReligion,
        Rule::ExcludesAppearance,
        Rule::ExcludesTenure,
        Rule::ExcludesEducation,
        Rule::MasculineCoded,
        Rule::FeminineCoded,
        Rule::SimilarityBias,
        Rule::AnchorOffTopic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::InvalidId => "invalid-id",
            Rule::MissingName => "missing-name",
            Rule::MissingDefinition => "missing-definition",
            Rule::FewIndicators => "few-indicators",
            Rule::MissingAnchors => "missing-anchors",
            Rule::AnchorOutOfScale => "anchor-out-of-scale",
            Rule::GradeAnchor => "grade-anchor",
            Rule::IdenticalAnchors => "identical-anchors",
            Rule::MissingEvidence => "missing-evidence",
            Rule::WeightsSum => "weights-sum",
            Rule::ZeroWeight => "zero-weight",
            Rule::CriteriaCount => "criteria-count",
            Rule::DuplicateId => "duplicate-id",
            Rule::DuplicateName => "duplicate-name",
            Rule::KnockoutOutOfScale => "knockout-out-of-scale",
            Rule::CompoundCriterion => "compound-criterion",
            Rule::VagueTerm => "vague-term",
            Rule::ExcludesAge => "excludes-age",
            Rule::ExcludesLanguage => "excludes-language",
            Rule::ExcludesOrigin => "excludes-origin",
            Rule::ExcludesFamily => "excludes-family",
            Rule::ExcludesHealth => "excludes-health",
            Rule::ExcludesReligion => "excludes-religion",
            Rule::ExcludesAppearance => "excludes-appearance",
            Rule::ExcludesTenure => "excludes-tenure",
            Rule::ExcludesEducation => "excludes-education",
            Rule::MasculineCoded => "masculine-coded",
            Rule::FeminineCoded => "feminine-coded",
            Rule::SimilarityBias => "similarity-bias",
            Rule::AnchorOffTopic => "anchor-off-topic",
        }
    }

    pub fn parse(s: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// One problem the linter found.
///
/// `criterion` is the criterion's id (`None` for the rubric as a whole).
/// `field` names the field as in the file: `name`, `definition`, `evidence`,
/// `weight`, `knockout`, `id`, `title`, `indicators.0` (first indicator),
/// `anchors.3`, or `anchors` for the set of anchors. `span` is a byte range
/// into that field's text, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub criterion: Option<String>,
    pub field: Option<String>,
    pub span: Option<(usize, usize)>,
    pub message: Text,
    pub suggestion: Option<Text>,
}

impl Finding {
    pub(crate) fn new(rule: Rule, severity: Severity, message: Text) -> Finding {
        Finding {
            rule,
            severity,
            criterion: None,
            field: None,
            span: None,
            message,
            suggestion: None,
        }
    }

    pub(crate) fn at(mut self, criterion: Option<&str>, field: impl Into<String>) -> Finding {
        self.criterion = criterion.map(str::to_owned);
        self.field = Some(field.into());
        self
    }

    pub(crate) fn suggest(mut self, suggestion: Text) -> Finding {
        self.suggestion = Some(suggestion);
        self
    }
}

/// Lints a whole rubric: structure first, then the words of every field.
pub fn lint(rubric: &Rubric, lexicon: &Lexicon) -> Vec<Finding> {
    let mut findings = structure::rubric_findings(rubric);
    let all_text: Vec<&str> = std::iter::once(rubric.title.as_str())
        .chain(rubric.criteria.iter().flat_map(|c| {
            [c.name.as_str(), c.definition.as_str()]
                .into_iter()
                .chain(c.indicators.iter().map(String::as_str))
                .chain(c.anchors.values().map(String::as_str))
        }))
        .collect();
    let lang = guess_lang(&all_text.join("\n"));
    findings.extend(
        language::text_findings(&rubric.title, lang, lexicon)
            .into_iter()
            .map(|f| f.at(None, "title")),
    );
    for c in &rubric.criteria {
        findings.extend(structure::criterion_findings(rubric, c, lexicon));
        let mut fields: Vec<(String, &str)> = vec![
            ("name".into(), &c.name),
            ("definition".into(), &c.definition),
        ];
        if let Some(evidence) = &c.evidence {
            fields.push(("evidence".into(), evidence));
        }
        fields.extend(
            c.indicators
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("indicators.{i}"), t.as_str())),
        );
        fields.extend(
            c.levels()
                .into_iter()
                .map(|(l, t)| (format!("anchors.{l}"), t)),
        );
        for (field, text) in fields {
            findings.extend(
                language::text_findings(text, lang, lexicon)
                    .into_iter()
                    .map(|f| f.at(Some(&c.id), field.clone())),
            );
        }
    }
    findings
}

/// Lints the words of one free text, such as a field being typed in the
/// editor or a profielschets. `lang` picks the word lists; `None` guesses it
/// from the text and uses both lists when the text is too short to tell.
pub fn lint_text(text: &str, lang: Option<Lang>, lexicon: &Lexicon) -> Vec<Finding> {
    language::text_findings(text, lang.or_else(|| guess_lang(text)), lexicon)
}

/// A finding's byte span as UTF-16 offsets, the unit JavaScript strings
/// count in, for highlighting in the editor.
pub fn utf16_span(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let units = |to: usize| text[..to.min(text.len())].encode_utf16().count();
    (units(start), units(end))
}

/// True when no finding is an error or a warning: the bar for bundled templates.
pub fn is_clean(findings: &[Finding]) -> bool {
    findings.iter().all(|f| f.severity == Severity::Info)
}

/// The `lint-*.toml` word lists from `content/lexicon`, built into the program
/// so the app and an installed CLI lint the same way without reading files.
pub const BUNDLED_LEXICON: &[(&str, &str)] = &[
    (
        "lint-age.toml",
        include_str!("../../../../content/lexicon/lint-age.toml"),
    ),
    (
        "lint-appearance.toml",
        include_str!("../../../../content/lexicon/lint-appearance.toml"),
    ),
    (
        "lint-competencies.toml",
        include_str!("../../../../content/lexicon/lint-competencies.toml"),
    ),
    (
        "lint-education.toml",
        include_str!("../../../../content/lexicon/lint-education.toml"),
    ),
    (
        "lint-family.toml",
        include_str!("../../../../content/lexicon/lint-family.toml"),
    ),
    (
        "lint-fit.toml",
        include_str!("../../../../content/lexicon/lint-fit.toml"),
    ),
    (
        "lint-gender-feminine.toml",
        include_str!("../../../../content/lexicon/lint-gender-feminine.toml"),
    ),
    (
        "lint-gender-masculine.toml",
        include_str!("../../../../content/lexicon/lint-gender-masculine.toml"),
    ),
    (
        "lint-grades.toml",
        include_str!("../../../../content/lexicon/lint-grades.toml"),
    ),
    (
        "lint-health.toml",
        include_str!("../../../../content/lexicon/lint-health.toml"),
    ),
    (
        "lint-language.toml",
        include_str!("../../../../content/lexicon/lint-language.toml"),
    ),
    (
        "lint-origin.toml",
        include_str!("../../../../content/lexicon/lint-origin.toml"),
    ),
    (
        "lint-religion.toml",
        include_str!("../../../../content/lexicon/lint-religion.toml"),
    ),
    (
        "lint-tenure.toml",
        include_str!("../../../../content/lexicon/lint-tenure.toml"),
    ),
    (
        "lint-vague.toml",
        include_str!("../../../../content/lexicon/lint-vague.toml"),
    ),
];

/// The built-in word lists, parsed once. They are checked by the tests of
/// this crate, so a list that does not parse never ships.
pub fn bundled_lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        Lexicon::from_toml(BUNDLED_LEXICON)
            .unwrap_or_else(|e| panic!("the built-in word lists are invalid: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_round_trip() {
        for rule in Rule::ALL {
            assert_eq!(Rule::parse(rule.as_str()), Some(rule));
            assert_eq!(serde_json::to_value(rule).unwrap(), rule.as_str());
        }
        assert_eq!(Rule::parse("no-such-rule"), None);
    }

    #[test]
    fn free_text_is_linted_in_its_own_language() {
        let lexicon = bundled_lexicon();
        let text = "Wij zoeken een jonge, dynamische wethouder die past bij ons.";
        let findings = lint_text(text, None, lexicon);
        let found: Vec<(Rule, &str)> = findings
            .iter()
            .map(|f| {
                let (s, e) = f.span.unwrap();
                (f.rule, &text[s..e])
            })
            .collect();
        assert_eq!(
            found,
            [
                (Rule::ExcludesAge, "jonge"),
                (Rule::VagueTerm, "dynamische"),
                (Rule::SimilarityBias, "past bij ons")
            ]
        );
        assert!(!is_clean(&findings));
        assert!(findings
            .iter()
            .all(|f| f.criterion.is_none() && f.field.is_none()));
        assert!(lint_text("A young and dynamic alderman", Some(Lang::Nl), lexicon).is_empty());
        assert_eq!(
            lint_text("A young and dynamic alderman", Some(Lang::En), lexicon).len(),
            2
        );
    }

    #[test]
    fn spans_convert_to_utf16_for_the_editor() {
        let text = "Één jonge 🙂 kandidaat";
        let (s, e) = lint_text(text, Some(Lang::Nl), bundled_lexicon())[0]
            .span
            .unwrap();
        assert_eq!(&text[s..e], "jonge");
        assert_eq!(utf16_span(text, (s, e)), (4, 9));
        let after_emoji = text.find("kandidaat").unwrap();
        assert_eq!(utf16_span(text, (after_emoji, text.len())), (13, 22));
    }

    #[test]
    fn severities_order_from_info_to_error() {
        assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Info);
        assert_eq!(serde_json::to_value(Severity::Warning).unwrap(), "warning");
    }
}
