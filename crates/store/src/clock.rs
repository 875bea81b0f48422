//! Wall-clock time for records. Kept in one place so every table uses one format.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Now, as RFC 3339 in UTC with second precision ("2026-11-25T09:14:03Z").
pub fn now() -> String {
    let now = OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .expect("0 is a valid nanosecond");
    now.format(&Rfc3339).expect("UTC time formats as RFC 3339")
}

/// Now, for file names ("20261125T091403Z").
pub fn file_stamp() -> String {
    now().replace(['-', ':'], "")
}

/// Today's date in UTC.
pub fn today() -> time::Date {
    OffsetDateTime::now_utc().date()
}
