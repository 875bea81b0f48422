//! When a rubric may be frozen: no lint errors, and every warning accepted by
//! the team with a reason that is recorded with the freeze. A warning nobody
//! looked at must not slip into the rubric that decides who becomes wethouder.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Finding, Rule, Severity};
use crate::i18n::Text;

/// A warning the team accepted when freezing, with why. The rule, place and
/// span identify the warning; the message is kept so the record reads on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AcceptedWarning {
    pub rule: Rule,
    pub criterion: Option<String>,
    pub field: Option<String>,
    pub span: Option<(usize, usize)>,
    pub message: Text,
    pub reason: String,
}

impl AcceptedWarning {
    fn accepts(&self, f: &Finding) -> bool {
        self.rule == f.rule
            && self.criterion == f.criterion
            && self.field == f.field
            && self.span == f.span
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum FreezeError {
    #[error("the rubric has {errors} lint error(s); fix them before freezing")]
    HasErrors { errors: usize },
    #[error("{warnings} warning(s) have not been accepted with a reason")]
    WarningsNotAccepted { warnings: usize },
}

/// Decides whether a rubric with these findings may be frozen. On success it
/// returns the acceptances to record: one per current warning, reasons trimmed,
/// in the order of the findings. Acceptances of warnings that no longer occur
/// are dropped; a blank reason counts as not accepted.
pub fn freeze_check(
    findings: &[Finding],
    accepted: &[AcceptedWarning],
) -> Result<Vec<AcceptedWarning>, FreezeError> {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors > 0 {
        return Err(FreezeError::HasErrors { errors });
    }
    let mut record = Vec::new();
    let mut missing = 0;
    for warning in findings.iter().filter(|f| f.severity == Severity::Warning) {
        let reason = accepted
            .iter()
            .filter(|a| a.accepts(warning))
            .map(|a| a.reason.trim())
            .find(|r| !r.is_empty());
        match reason {
            Some(reason) => record.push(AcceptedWarning {
                rule: warning.rule,
                criterion: warning.criterion.clone(),
                field: warning.field.clone(),
                span: warning.span,
                message: warning.message.clone(),
                reason: reason.to_owned(),
            }),
            None => missing += 1,
        }
    }
    if missing > 0 {
        return Err(FreezeError::WarningsNotAccepted { warnings: missing });
    }
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: Rule, severity: Severity, field: &str) -> Finding {
        Finding::new(rule, severity, Text::new("bericht", "message")).at(Some("c"), field)
    }

    fn accept(f: &Finding, reason: &str) -> AcceptedWarning {
        AcceptedWarning {
            rule: f.rule,
            criterion: f.criterion.clone(),
            field: f.field.clone(),
            span: f.span,
            message: f.message.clone(),
            reason: reason.into(),
        }
    }

    #[test]
    fn errors_refuse_the_freeze_whatever_was_accepted() {
        let error = finding(Rule::MissingAnchors, Severity::Error, "anchors");
        let accepted = [accept(&error, "we weten het")];
        assert_eq!(
            freeze_check(&[error], &accepted),
            Err(FreezeError::HasErrors { errors: 1 })
        );
    }

    #[test]
    fn every_warning_needs_a_reason_that_is_not_blank() {
        let a = finding(Rule::FewIndicators, Severity::Warning, "indicators");
        let b = Finding {
            span: Some((0, 5)),
            ..finding(Rule::VagueTerm, Severity::Warning, "definition")
        };
        let findings = [a.clone(), b.clone()];
        assert_eq!(
            freeze_check(&findings, &[accept(&a, "Bewust: één indicator volstaat")]),
            Err(FreezeError::WarningsNotAccepted { warnings: 1 })
        );
        assert_eq!(
            freeze_check(&findings, &[accept(&a, "reden"), accept(&b, "   ")]),
            Err(FreezeError::WarningsNotAccepted { warnings: 1 })
        );
        // The same rule at another span is another warning.
        let elsewhere = AcceptedWarning {
            span: Some((6, 9)),
            ..accept(&b, "reden")
        };
        assert_eq!(
            freeze_check(&findings, &[accept(&a, "reden"), elsewhere]),
            Err(FreezeError::WarningsNotAccepted { warnings: 1 })
        );
    }

    #[test]
    fn accepted_warnings_are_recorded_trimmed_and_stale_ones_dropped() {
        let a = finding(Rule::FewIndicators, Severity::Warning, "indicators");
        let note = finding(Rule::MissingEvidence, Severity::Info, "evidence");
        let stale = finding(Rule::ZeroWeight, Severity::Warning, "weight");
        let record = freeze_check(
            &[a.clone(), note],
            &[accept(&stale, "oud"), accept(&a, "  Bewust zo gekozen  ")],
        )
        .unwrap();
        assert_eq!(record, vec![accept(&a, "Bewust zo gekozen")]);
        assert_eq!(freeze_check(&[], &[]), Ok(vec![]));
    }
}
