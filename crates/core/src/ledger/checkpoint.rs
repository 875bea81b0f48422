//! Checkpoint codes: a short form of an entry's hash that a chair reads aloud and the
//! secretary writes in the minutes, so that history before it cannot later be rewritten
//! without the minutes showing it.
//!
//! A code is the first 100 bits of the hash in Crockford base32: 20 characters, written as
//! 4 groups of 5 (`7Q2MZ-K4B9X-…`). Crockford's alphabet leaves out I, L, O and U, so
//! nothing read aloud or copied by hand is ambiguous, and reading accepts the usual
//! slips: lower case, spaces or dashes anywhere, O for 0 and I or L for 1.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::entry::{Entry, EntryKind};
use crate::i18n::Text;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 100 bits is 25 hex digits of the hash, and exactly 20 base32 characters. Forging
/// another chain whose entry hash starts with the same 100 bits takes about 2^100 tries.
const HEX_DIGITS: usize = 25;
const CHARS: usize = 20;
const GROUP: usize = 5;

/// A checkpoint code, always held in its canonical form (`XXXXX-XXXXX-XXXXX-XXXXX`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(export)]
pub struct CheckpointCode(String);

impl Serialize for CheckpointCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Accepts any spelling [`CheckpointCode::parse`] accepts.
impl<'de> Deserialize<'de> for CheckpointCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        CheckpointCode::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a checkpoint code has 20 characters (4 groups of 5) from 0-9 and A-Z without I, L, O and U; {found:?} is not one")]
pub struct CheckpointCodeError {
    pub found: String,
}

impl CheckpointCodeError {
    pub fn text(&self) -> Text {
        Text::new(
            format!(
                "'{}' is geen controlecode: een controlecode heeft 20 tekens (4 groepen van 5), \
                 cijfers en letters zonder U.",
                self.found
            ),
            format!(
                "'{}' is not a checkpoint code: a checkpoint code has 20 characters (4 groups \
                 of 5), digits and letters without U.",
                self.found
            ),
        )
    }
}

impl CheckpointCode {
    /// The code of an entry hash (64 lowercase hex digits); `None` if `hash` is not hex.
    pub fn of_hash(hash: &str) -> Option<CheckpointCode> {
        let digits = hash.get(..HEX_DIGITS)?;
        let mut bits = u128::from_str_radix(digits, 16).ok()?;
        let mut chars = [0u8; CHARS];
        for c in chars.iter_mut().rev() {
            *c = ALPHABET[(bits & 31) as usize];
            bits >>= 5;
        }
        Some(CheckpointCode::from_canonical_chars(&chars))
    }

    /// Reads a code as people copy it from the minutes.
    pub fn parse(input: &str) -> Result<CheckpointCode, CheckpointCodeError> {
        let error = || CheckpointCodeError {
            found: input.trim().to_owned(),
        };
        let mut chars = Vec::with_capacity(CHARS);
        for c in input.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let canonical = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return Err(error()),
            };
            chars.push(canonical as u8);
        }
        if chars.len() != CHARS {
            return Err(error());
        }
        Ok(CheckpointCode::from_canonical_chars(&chars))
    }

    fn from_canonical_chars(chars: &[u8]) -> CheckpointCode {
        let groups: Vec<&str> = chars
            .chunks(GROUP)
            .map(|g| std::str::from_utf8(g).expect("the alphabet is ASCII"))
            .collect();
        CheckpointCode(groups.join("-"))
    }

    /// Whether this is the code of `hash`.
    pub fn matches(&self, hash: &str) -> bool {
        CheckpointCode::of_hash(hash).as_ref() == Some(self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CheckpointCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl EntryKind {
    /// The moments after which a chair reads the checkpoint code into the minutes: the
    /// steps a committee would most want to be sure were not redone afterwards.
    pub fn is_milestone(self) -> bool {
        matches!(
            self,
            EntryKind::RubricFrozen
                | EntryKind::RubricVersionAdded
                | EntryKind::RoundRevealed
                | EntryKind::DecisionRecorded
                | EntryKind::Unblinded
                | EntryKind::Exported
        )
    }
}

/// One milestone of a team's log with its code. It says when and what, never who or
/// about which candidate, so listing checkpoints reveals no identity and no score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Checkpoint {
    #[ts(type = "number")]
    pub seq: u64,
    pub time: String,
    pub kind: EntryKind,
    pub label: Text,
    pub code: CheckpointCode,
}

impl Checkpoint {
    /// The checkpoint of any entry, milestone or not (an entry whose hash is not hex has none).
    pub fn of(entry: &Entry) -> Option<Checkpoint> {
        Some(Checkpoint {
            seq: entry.seq,
            time: entry.time.clone(),
            kind: entry.kind,
            label: entry.kind.label(),
            code: CheckpointCode::of_hash(&entry.hash)?,
        })
    }
}

/// The checkpoints of a team's log, oldest first: one per milestone entry.
pub fn checkpoints(entries: &[Entry]) -> Vec<Checkpoint> {
    entries
        .iter()
        .filter(|e| e.kind.is_milestone())
        .filter_map(Checkpoint::of)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::entry::{next_entry, Actor};
    use serde_json::json;

    const HASH: &str = "ffffffffffffffffffffffff8000000000000000000000000000000000000000";

    #[test]
    fn a_code_is_the_first_100_bits_in_4_groups_of_5() {
        let zero = CheckpointCode::of_hash(&"0".repeat(64)).unwrap();
        assert_eq!(zero.as_str(), "00000-00000-00000-00000");
        // 24 hex f's and an 8: 97 one bits, then 0, 0, 0 in the last character.
        let code = CheckpointCode::of_hash(HASH).unwrap();
        assert_eq!(code.as_str(), "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZR");
        // 0x21 = 33 = 1·32 + 1.
        let mixed =
            CheckpointCode::of_hash(&format!("{:0<64}", "0000000000000000000000021")).unwrap();
        assert_eq!(mixed.as_str(), "00000-00000-00000-00011");
    }

    #[test]
    fn codes_differ_when_the_first_100_bits_do() {
        let a = CheckpointCode::of_hash(&format!("{:0<64}", "1")).unwrap();
        let b = CheckpointCode::of_hash(&format!("{:0<64}", "2")).unwrap();
        assert_ne!(a, b);
        // Bits after the first 100 do not count.
        let c = CheckpointCode::of_hash(&format!("{}{}", "0".repeat(25), "f".repeat(39))).unwrap();
        assert_eq!(c.as_str(), "00000-00000-00000-00000");
    }

    #[test]
    fn parsing_forgives_case_spaces_dashes_and_look_alikes() {
        let code = CheckpointCode::of_hash(HASH).unwrap();
        for spelling in [
            "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZR",
            "zzzzz zzzzz zzzzz zzzzr",
            " ZZZZZZZZZZZZZZZZZZZR ",
            "zzzzz-zzzzz - zzzzz-zzzzr",
        ] {
            assert_eq!(CheckpointCode::parse(spelling).unwrap(), code, "{spelling}");
        }
        assert_eq!(
            CheckpointCode::parse("OOOOO-IIIII-LLLLL-00000")
                .unwrap()
                .as_str(),
            "00000-11111-11111-00000"
        );
    }

    #[test]
    fn wrong_codes_are_refused_with_a_message_in_both_languages() {
        for bad in [
            "",
            "ZZZZZ-ZZZZZ-ZZZZZ",
            "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZU",
            "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZ!",
            "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-Z",
            "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZé",
        ] {
            let err = CheckpointCode::parse(bad).unwrap_err();
            assert!(err.text().nl.contains("20 tekens"), "{bad}");
            assert!(err.text().en.contains("20 characters"), "{bad}");
        }
    }

    #[test]
    fn a_code_matches_its_hash_only() {
        let code = CheckpointCode::of_hash(HASH).unwrap();
        assert!(code.matches(HASH));
        assert!(!code.matches(&"0".repeat(64)));
        assert!(!code.matches("not hex"));
    }

    #[test]
    fn checkpoints_are_the_milestones_with_time_kind_and_code() {
        let actor = Actor::member("m1", "Anna");
        let mut entries: Vec<Entry> = Vec::new();
        for (kind, payload) in [
            (EntryKind::TeamCreated, json!({"team_name": "T"})),
            (
                EntryKind::RubricFrozen,
                json!({"rubric_id": 1, "version": 1, "rubric_sha256": "ab"}),
            ),
            (
                EntryKind::ScoreSubmitted,
                json!({"round": 1, "sheet_sha256": "cd"}),
            ),
            (EntryKind::RoundRevealed, json!({"round": 1})),
            (EntryKind::DecisionRecorded, json!({"reasons": ["r"]})),
            (EntryKind::Unblinded, json!({"reason": "besluit"})),
        ] {
            let e = next_entry(
                entries.last(),
                "2026-03-02T09:00:00Z",
                actor.clone(),
                kind,
                payload,
            );
            entries.push(e);
        }
        let list = checkpoints(&entries);
        let seqs: Vec<u64> = list.iter().map(|c| c.seq).collect();
        assert_eq!(seqs, [2, 4, 5, 6]);
        assert_eq!(list[1].kind, EntryKind::RoundRevealed);
        assert_eq!(list[1].time, "2026-03-02T09:00:00Z");
        assert!(list[1].code.matches(&entries[3].hash));
        let json = serde_json::to_value(&list[0]).unwrap();
        assert_eq!(json["code"], list[0].code.as_str());
        assert!(json.get("actor").is_none(), "no names in a checkpoint");
    }
}
