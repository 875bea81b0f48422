//! How long a team keeps candidates' personal data: by default four weeks after the
//! decision (the NVP's sollicitatiecode for candidates who were not chosen), longer
//! only by the chair's choice with a reason, and never more than a year.

use serde::Serialize;
use time::{Date, Duration};
use ts_rs::TS;

use crate::i18n::Text;

/// Days after the decision that a team keeps the data unless the chair sets a date.
pub const DEFAULT_DAYS: i64 = 28;
/// The longest the chair may set, counted from today (the NVP code allows up to a
/// year with the candidate's consent).
pub const MAX_DAYS: i64 = 365;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum RetentionError {
    #[error("{date} is not a date written YYYY-MM-DD")]
    NotADate { date: String },
    #[error("{date} has passed")]
    InThePast { date: String },
    #[error("{date} is more than a year away")]
    TooFar { date: String },
    #[error("a new retention date needs a reason")]
    NoReason,
}

impl RetentionError {
    pub fn text(&self) -> Text {
        match self {
            RetentionError::NotADate { date } => Text::new(
                format!("'{date}' is geen datum. Schrijf JJJJ-MM-DD, bijvoorbeeld 2027-01-15."),
                format!("'{date}' is not a date. Write YYYY-MM-DD, for example 2027-01-15."),
            ),
            RetentionError::InThePast { date } => Text::new(
                format!("{date} ligt niet in de toekomst. Kies een latere datum, of sluit de formatie nu af."),
                format!("{date} is not in the future. Choose a later date, or close the formation now."),
            ),
            RetentionError::TooFar { date } => Text::new(
                format!("{date} ligt meer dan een jaar vooruit. Langer dan een jaar bewaren mag ook met toestemming van de kandidaat niet."),
                format!("{date} is more than a year ahead. Keeping data longer than a year is not allowed, even with the candidate's consent."),
            ),
            RetentionError::NoReason => Text::new(
                "Geef een reden voor de nieuwe bewaartermijn; die komt in het logboek.",
                "Give a reason for the new retention date; it goes into the log.",
            ),
        }
    }
}

/// A date as the app stores it.
pub fn parse_date(text: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.trim(), format).ok()
}

pub fn format_date(date: Date) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    date.format(format).expect("a date formats")
}

/// The day the data must be gone: the chair's date, or four weeks after the decision;
/// none while there is neither.
pub fn retain_until(decided_on: Option<Date>, chosen: Option<Date>) -> Option<Date> {
    chosen.or_else(|| decided_on.map(|d| d + Duration::days(DEFAULT_DAYS)))
}

/// Checks a date the chair chooses on `today`, with the reason they give.
pub fn check_new_date(text: &str, reason: &str, today: Date) -> Result<Date, RetentionError> {
    let date = parse_date(text).ok_or_else(|| RetentionError::NotADate {
        date: text.trim().to_owned(),
    })?;
    if date <= today {
        return Err(RetentionError::InThePast {
            date: format_date(date),
        });
    }
    if date > today + Duration::days(MAX_DAYS) {
        return Err(RetentionError::TooFar {
            date: format_date(date),
        });
    }
    if reason.trim().is_empty() {
        return Err(RetentionError::NoReason);
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn four_weeks_after_the_decision_unless_the_chair_chose_a_date() {
        assert_eq!(retain_until(None, None), None);
        assert_eq!(
            retain_until(Some(date!(2026 - 12 - 02)), None),
            Some(date!(2026 - 12 - 30))
        );
        assert_eq!(
            retain_until(Some(date!(2026 - 12 - 02)), Some(date!(2027 - 03 - 01))),
            Some(date!(2027 - 03 - 01))
        );
    }

    #[test]
    fn a_new_date_lies_ahead_within_a_year_and_has_a_reason() {
        let today = date!(2026 - 12 - 02);
        assert_eq!(
            check_new_date("2027-01-15", "kandidaat gaf toestemming", today),
            Ok(date!(2027 - 01 - 15))
        );
        assert!(matches!(
            check_new_date("15-01-2027", "x", today),
            Err(RetentionError::NotADate { .. })
        ));
        assert!(matches!(
            check_new_date("2026-12-02", "x", today),
            Err(RetentionError::InThePast { .. })
        ));
        assert!(matches!(
            check_new_date("2028-01-01", "x", today),
            Err(RetentionError::TooFar { .. })
        ));
        assert_eq!(
            check_new_date("2027-01-15", "  ", today),
            Err(RetentionError::NoReason)
        );
    }
}
