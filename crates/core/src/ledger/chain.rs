//! The rules a sequence of entries must follow to count as one unbroken log.

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use ts_rs::TS;

use super::entry::{Entry, GENESIS_HASH};
use crate::i18n::Text;

/// The first entry that breaks the chain, and why. `index` is the entry's position in the
/// slice given to [`verify_chain`] (0-based), `seq` the number it carries.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum ChainError {
    #[error("entry {seq}: its hash does not match its content")]
    HashMismatch {
        index: u32,
        #[ts(type = "number")]
        seq: u64,
    },
    #[error("entry {seq}: it does not point to the entry before it")]
    PrevHashMismatch {
        index: u32,
        #[ts(type = "number")]
        seq: u64,
    },
    #[error("entry {expected} is missing (the next entry found is {seq})")]
    MissingSeq {
        index: u32,
        #[ts(type = "number")]
        seq: u64,
        #[ts(type = "number")]
        expected: u64,
    },
    #[error("entry {seq} appears more than once")]
    RepeatedSeq {
        index: u32,
        #[ts(type = "number")]
        seq: u64,
    },
    #[error("entry {seq} stands where entry {expected} belongs")]
    SeqOutOfOrder {
        index: u32,
        #[ts(type = "number")]
        seq: u64,
        #[ts(type = "number")]
        expected: u64,
    },
    #[error("entry {seq} is dated {time}, before the entry preceding it ({previous})")]
    TimeBackwards {
        index: u32,
        #[ts(type = "number")]
        seq: u64,
        time: String,
        previous: String,
    },
    #[error("entry {seq} has a time that is not an RFC 3339 UTC time: {time:?}")]
    BadTime {
        index: u32,
        #[ts(type = "number")]
        seq: u64,
        time: String,
    },
}

impl ChainError {
    pub fn index(&self) -> usize {
        match self {
            ChainError::HashMismatch { index, .. }
            | ChainError::PrevHashMismatch { index, .. }
            | ChainError::MissingSeq { index, .. }
            | ChainError::RepeatedSeq { index, .. }
            | ChainError::SeqOutOfOrder { index, .. }
            | ChainError::TimeBackwards { index, .. }
            | ChainError::BadTime { index, .. } => *index as usize,
        }
    }

    /// The sequence number of the broken entry as found in the log.
    pub fn seq(&self) -> u64 {
        match self {
            ChainError::HashMismatch { seq, .. }
            | ChainError::PrevHashMismatch { seq, .. }
            | ChainError::MissingSeq { seq, .. }
            | ChainError::RepeatedSeq { seq, .. }
            | ChainError::SeqOutOfOrder { seq, .. }
            | ChainError::TimeBackwards { seq, .. }
            | ChainError::BadTime { seq, .. } => *seq,
        }
    }

    pub fn text(&self) -> Text {
        match self {
            ChainError::HashMismatch { seq, .. } => Text::new(
                format!("Vermelding {seq} is gewijzigd: de inhoud past niet bij de hash."),
                format!("Entry {seq} has been altered: its content does not match its hash."),
            ),
            ChainError::PrevHashMismatch { seq, .. } => Text::new(
                format!(
                    "Vermelding {seq} sluit niet aan op de vermelding ervoor: \
                     een eerdere vermelding is gewijzigd of vervangen."
                ),
                format!(
                    "Entry {seq} does not link to the entry before it: \
                     an earlier entry was altered or replaced."
                ),
            ),
            ChainError::MissingSeq { seq, expected, .. } => Text::new(
                format!(
                    "Vermelding {expected} ontbreekt (na {} volgt {seq}).",
                    expected - 1
                ),
                format!(
                    "Entry {expected} is missing ({} is followed by {seq}).",
                    expected - 1
                ),
            ),
            ChainError::RepeatedSeq { seq, .. } => Text::new(
                format!("Vermelding {seq} komt meer dan eens voor."),
                format!("Entry {seq} appears more than once."),
            ),
            ChainError::SeqOutOfOrder { seq, expected, .. } => Text::new(
                format!(
                    "Vermeldingen staan niet op volgorde: vermelding {seq} staat waar \
                     vermelding {expected} hoort."
                ),
                format!(
                    "Entries are out of order: entry {seq} stands where entry {expected} belongs."
                ),
            ),
            ChainError::TimeBackwards {
                seq,
                time,
                previous,
                ..
            } => Text::new(
                format!(
                    "Vermeldingen staan niet op volgorde: vermelding {seq} ({time}) is \
                     ouder dan de vermelding ervoor ({previous})."
                ),
                format!(
                    "Entries are out of order: entry {seq} ({time}) is older than the \
                     entry before it ({previous})."
                ),
            ),
            ChainError::BadTime { seq, time, .. } => Text::new(
                format!("Vermelding {seq} heeft geen geldige UTC-tijd (RFC 3339): {time:?}."),
                format!("Entry {seq} has no valid UTC time (RFC 3339): {time:?}."),
            ),
        }
    }
}

/// Parses an RFC 3339 time and insists on UTC, so that times compare as written.
pub fn parse_utc(time: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(time, &Rfc3339)
        .ok()
        .filter(|t| t.offset().is_utc())
}

/// Checks that `entries` form one complete log: numbered 1, 2, 3, … in order, each hash
/// matching its entry, each entry pointing to the one before, and time never going back.
/// Reports the first entry that breaks a rule.
pub fn verify_chain(entries: &[Entry]) -> Result<(), ChainError> {
    let mut prev_time: Option<(OffsetDateTime, &str)> = None;
    for (i, entry) in entries.iter().enumerate() {
        let index = i as u32;
        let seq = entry.seq;
        let expected = i as u64 + 1;
        if seq != expected {
            let later = entries[i + 1..].iter().any(|e| e.seq == expected);
            return Err(if seq > expected && !later {
                ChainError::MissingSeq {
                    index,
                    seq,
                    expected,
                }
            } else if seq < expected && seq >= 1 {
                ChainError::RepeatedSeq { index, seq }
            } else {
                ChainError::SeqOutOfOrder {
                    index,
                    seq,
                    expected,
                }
            });
        }
        if entry.hash != entry.compute_hash() {
            return Err(ChainError::HashMismatch { index, seq });
        }
        let want_prev = if i == 0 {
            GENESIS_HASH
        } else {
            entries[i - 1].hash.as_str()
        };
        if entry.prev_hash != want_prev {
            return Err(ChainError::PrevHashMismatch { index, seq });
        }
        let Some(time) = parse_utc(&entry.time) else {
            return Err(ChainError::BadTime {
                index,
                seq,
                time: entry.time.clone(),
            });
        };
        if let Some((previous, previous_text)) = prev_time {
            if time < previous {
                return Err(ChainError::TimeBackwards {
                    index,
                    seq,
                    time: entry.time.clone(),
                    previous: previous_text.to_owned(),
                });
            }
        }
        prev_time = Some((time, &entry.time));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::entry::{next_entry, Actor, EntryKind};
    use serde_json::json;

    fn log(n: usize) -> Vec<Entry> {
        let mut entries: Vec<Entry> = Vec::new();
        for i in 0..n {
            let e = next_entry(
                entries.last(),
                format!("2026-03-02T09:{:02}:00Z", i),
                Actor::member("m1", "Anna"),
                EntryKind::ScoreSubmitted,
                json!({"round": 1, "sheet_sha256": format!("{i:064x}")}),
            );
            entries.push(e);
        }
        entries
    }

    #[test]
    fn an_untouched_log_verifies() {
        assert_eq!(verify_chain(&log(6)), Ok(()));
        assert_eq!(verify_chain(&[]), Ok(()));
    }

    #[test]
    fn an_altered_payload_is_a_hash_mismatch_at_that_entry() {
        let mut entries = log(5);
        entries[2].payload = json!({"round": 1, "sheet_sha256": "ff"});
        assert_eq!(
            verify_chain(&entries),
            Err(ChainError::HashMismatch { index: 2, seq: 3 })
        );
    }

    #[test]
    fn an_altered_and_rehashed_entry_breaks_the_next_link() {
        let mut entries = log(5);
        entries[2].actor = Actor::member("m2", "Bram");
        entries[2].hash = entries[2].compute_hash();
        assert_eq!(
            verify_chain(&entries),
            Err(ChainError::PrevHashMismatch { index: 3, seq: 4 })
        );
    }

    #[test]
    fn a_dropped_entry_is_named_as_missing() {
        let mut entries = log(5);
        entries.remove(2);
        let err = verify_chain(&entries).unwrap_err();
        assert_eq!(
            err,
            ChainError::MissingSeq {
                index: 2,
                seq: 4,
                expected: 3
            }
        );
        assert!(err.text().nl.contains("Vermelding 3 ontbreekt"));
        assert!(err.text().en.contains("Entry 3 is missing"));
    }

    #[test]
    fn a_log_that_does_not_start_at_one_is_missing_its_start() {
        let entries = log(4);
        assert_eq!(
            verify_chain(&entries[1..]),
            Err(ChainError::MissingSeq {
                index: 0,
                seq: 2,
                expected: 1
            })
        );
    }

    #[test]
    fn a_repeated_entry_is_named_as_repeated() {
        let mut entries = log(5);
        let copy = entries[1].clone();
        entries.insert(2, copy);
        assert_eq!(
            verify_chain(&entries),
            Err(ChainError::RepeatedSeq { index: 2, seq: 2 })
        );
    }

    #[test]
    fn swapped_entries_are_out_of_order() {
        let mut entries = log(5);
        entries.swap(1, 3);
        assert_eq!(
            verify_chain(&entries),
            Err(ChainError::SeqOutOfOrder {
                index: 1,
                seq: 4,
                expected: 2
            })
        );
    }

    #[test]
    fn time_may_not_go_backwards_but_may_stand_still() {
        let mut entries = log(1);
        for time in [
            "2026-03-02T10:00:00Z",
            "2026-03-02T10:00:00Z",
            "2026-03-02T09:59:59.5Z",
        ] {
            let e = next_entry(
                entries.last(),
                time,
                Actor::System,
                EntryKind::RoundOpened,
                json!({"round": 2}),
            );
            entries.push(e);
        }
        assert_eq!(
            verify_chain(&entries),
            Err(ChainError::TimeBackwards {
                index: 3,
                seq: 4,
                time: "2026-03-02T09:59:59.5Z".into(),
                previous: "2026-03-02T10:00:00Z".into(),
            })
        );
        assert_eq!(verify_chain(&entries[..3]), Ok(()));
    }

    #[test]
    fn fractional_seconds_compare_by_time_not_by_text() {
        let a = next_entry(
            None,
            "2026-03-02T10:00:00.5Z",
            Actor::System,
            EntryKind::TeamCreated,
            json!({}),
        );
        let b = next_entry(
            Some(&a),
            "2026-03-02T10:00:01Z",
            Actor::System,
            EntryKind::TeamRenamed,
            json!({}),
        );
        assert_eq!(verify_chain(&[a, b]), Ok(()));
    }

    #[test]
    fn times_must_be_rfc3339_utc() {
        for bad in [
            "2026-03-02 10:00:00",
            "2026-03-02T11:00:00+01:00",
            "gisteren",
        ] {
            let e = next_entry(None, bad, Actor::System, EntryKind::TeamCreated, json!({}));
            assert_eq!(
                verify_chain(&[e]),
                Err(ChainError::BadTime {
                    index: 0,
                    seq: 1,
                    time: bad.into()
                }),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_tampered_first_prev_hash_is_detected() {
        let mut entries = log(2);
        entries[0].prev_hash = "1".repeat(64);
        entries[0].hash = entries[0].compute_hash();
        assert_eq!(
            verify_chain(&entries),
            Err(ChainError::PrevHashMismatch { index: 0, seq: 1 })
        );
    }
}
