//! Checking a logboek against what a committee already holds from before: earlier
//! logboeks of the same team and checkpoint codes written in the minutes.
//!
//! A signature only shows that a file did not change after it was signed; whoever has the
//! laptop's files can rewrite the log and sign again. What was handed out before cannot be
//! taken back, though: every entry of an earlier export must stand unchanged, in order, at
//! the start of a later one, and every code in the minutes must be the hash of an entry.

use serde::Serialize;
use ts_rs::TS;

use super::problem::Problem;
use super::verify::verify_logboek;
use super::TeamRef;
use crate::i18n::Text;
use crate::ledger::checkpoint::{Checkpoint, CheckpointCode};
use crate::ledger::entry::Entry;

/// What the reviewer brings from before.
#[derive(Debug, Clone, Copy, Default)]
pub struct Past<'a> {
    /// Earlier logboek files of the same team, as received.
    pub previous: &'a [Vec<u8>],
    /// Codes from the minutes.
    pub checkpoints: &'a [CheckpointCode],
}

/// Why the logboek does not agree with the past.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum HistoryProblem {
    /// The earlier logboek is itself damaged or altered, so it cannot vouch for anything.
    PreviousNotIntact { problem: Problem },
    /// The earlier logboek belongs to another team.
    OtherTeam {
        previous_team: TeamRef,
        team: Option<TeamRef>,
    },
    /// The first entry of the earlier logboek that this one does not hold unchanged.
    EntryDiffers {
        #[ts(type = "number")]
        seq: u64,
    },
    /// This logboek ends before the earlier one's entry `seq`.
    EntryMissing {
        #[ts(type = "number")]
        seq: u64,
    },
    /// No entry in this logboek has this code.
    CheckpointAbsent { code: CheckpointCode },
}

impl HistoryProblem {
    /// The entry the problem is about, if any.
    pub fn seq(&self) -> Option<u64> {
        match self {
            HistoryProblem::EntryDiffers { seq } | HistoryProblem::EntryMissing { seq } => {
                Some(*seq)
            }
            _ => None,
        }
    }

    pub fn text(&self) -> Text {
        match self {
            HistoryProblem::PreviousNotIntact { problem } => Text::new(
                format!(
                    "Het eerdere logboek is zelf niet intact, dus het bewijst niets: {}",
                    problem.message.nl
                ),
                format!(
                    "The earlier logboek is itself not intact, so it proves nothing: {}",
                    problem.message.en
                ),
            ),
            HistoryProblem::OtherTeam {
                previous_team,
                team,
            } => {
                let this = team
                    .as_ref()
                    .map_or_else(|| "?".to_owned(), |t| format!("{} ({})", t.name, t.id));
                Text::new(
                    format!(
                        "Het eerdere logboek is van een ander team: {} ({}), dit logboek van {this}.",
                        previous_team.name, previous_team.id
                    ),
                    format!(
                        "The earlier logboek is of another team: {} ({}), this logboek of {this}.",
                        previous_team.name, previous_team.id
                    ),
                )
            }
            HistoryProblem::EntryDiffers { seq } => Text::new(
                format!(
                    "Vermelding {seq} van het eerdere logboek staat niet ongewijzigd in dit \
                     logboek: de geschiedenis is vanaf daar herschreven."
                ),
                format!(
                    "Entry {seq} of the earlier logboek does not stand unchanged in this \
                     logboek: history was rewritten from there."
                ),
            ),
            HistoryProblem::EntryMissing { seq } => Text::new(
                format!(
                    "Dit logboek houdt op vóór vermelding {seq}, die in het eerdere logboek wel \
                     staat: vermeldingen zijn weggehaald, of het 'eerdere' logboek is het nieuwere."
                ),
                format!(
                    "This logboek ends before entry {seq}, which the earlier logboek holds: \
                     entries were removed, or the 'earlier' logboek is the newer one."
                ),
            ),
            HistoryProblem::CheckpointAbsent { code } => Text::new(
                format!(
                    "Controlecode {code} hoort bij geen enkele vermelding in dit logboek: de \
                     geschiedenis tot dat punt is herschreven, of de code is verkeerd overgenomen."
                ),
                format!(
                    "Checkpoint code {code} belongs to no entry in this logboek: history up to \
                     that point was rewritten, or the code was copied wrongly."
                ),
            ),
        }
    }
}

/// The outcome for one earlier logboek, in the order they were given.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PreviousCheck {
    pub team: Option<TeamRef>,
    pub exported_at: Option<String>,
    #[ts(type = "number")]
    pub entries: u64,
    pub problem: Option<HistoryProblem>,
    /// What was found, whether it holds or not.
    pub message: Text,
}

/// The outcome for one checkpoint code, in the order they were given.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CheckpointCheck {
    pub code: CheckpointCode,
    /// The entry with this code.
    pub found: Option<Checkpoint>,
    pub problem: Option<HistoryProblem>,
    pub message: Text,
}

/// All checks against the past; empty when the reviewer brought nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct History {
    pub previous: Vec<PreviousCheck>,
    pub checkpoints: Vec<CheckpointCheck>,
}

impl History {
    /// Whether every check holds (also when there were none).
    pub fn holds(&self) -> bool {
        self.previous.iter().all(|p| p.problem.is_none())
            && self.checkpoints.iter().all(|c| c.problem.is_none())
    }

    /// The first problem, earlier logboeks before codes.
    pub fn first_problem(&self) -> Option<&HistoryProblem> {
        self.previous
            .iter()
            .filter_map(|p| p.problem.as_ref())
            .chain(self.checkpoints.iter().filter_map(|c| c.problem.as_ref()))
            .next()
    }
}

/// Checks `entries` (of the logboek whose header names `team`) against `past`.
pub(super) fn check_history(team: Option<&TeamRef>, entries: &[Entry], past: &Past) -> History {
    History {
        previous: past
            .previous
            .iter()
            .map(|bytes| check_previous(team, entries, bytes))
            .collect(),
        checkpoints: past
            .checkpoints
            .iter()
            .map(|code| check_checkpoint(entries, code))
            .collect(),
    }
}

fn check_previous(team: Option<&TeamRef>, entries: &[Entry], bytes: &[u8]) -> PreviousCheck {
    let earlier = verify_logboek(bytes, None);
    let previous_team = earlier.header.as_ref().map(|h| h.team.clone());
    let problem = match (&earlier.problem, &previous_team) {
        (Some(problem), _) => Some(HistoryProblem::PreviousNotIntact {
            problem: problem.clone(),
        }),
        (None, Some(prev)) if team.is_none_or(|t| t.id != prev.id) => {
            Some(HistoryProblem::OtherTeam {
                previous_team: prev.clone(),
                team: team.cloned(),
            })
        }
        _ => first_difference(&earlier.entries, entries),
    };
    let exported_at = earlier.header.as_ref().map(|h| h.exported_at.clone());
    let count = earlier.entries.len() as u64;
    let message = match &problem {
        Some(p) => p.text(),
        None => {
            let when = exported_at.clone().unwrap_or_default();
            Text::new(
                format!(
                    "Het eerdere logboek (export van {when}, {count} vermeldingen) staat \
                     ongewijzigd aan het begin van dit logboek."
                ),
                format!(
                    "The earlier logboek (exported {when}, {count} entries) stands unchanged \
                     at the start of this logboek."
                ),
            )
        }
    };
    PreviousCheck {
        team: previous_team,
        exported_at,
        entries: count,
        problem,
        message,
    }
}

/// The first entry of `earlier` that `later` does not hold, identical, at the same place.
fn first_difference(earlier: &[Entry], later: &[Entry]) -> Option<HistoryProblem> {
    earlier
        .iter()
        .enumerate()
        .find_map(|(i, old)| match later.get(i) {
            None => Some(HistoryProblem::EntryMissing { seq: old.seq }),
            Some(new) if new != old => Some(HistoryProblem::EntryDiffers { seq: old.seq }),
            Some(_) => None,
        })
}

fn check_checkpoint(entries: &[Entry], code: &CheckpointCode) -> CheckpointCheck {
    let found = entries
        .iter()
        .find(|e| code.matches(&e.hash))
        .and_then(Checkpoint::of);
    let (problem, message) = match &found {
        None => {
            let problem = HistoryProblem::CheckpointAbsent { code: code.clone() };
            let text = problem.text();
            (Some(problem), text)
        }
        Some(c) => (
            None,
            Text::new(
                format!(
                    "Controlecode {code} is vermelding {} ({}, {}).",
                    c.seq, c.label.nl, c.time
                ),
                format!(
                    "Checkpoint code {code} is entry {} ({}, {}).",
                    c.seq, c.label.en, c.time
                ),
            ),
        ),
    };
    CheckpointCheck {
        code: code.clone(),
        found,
        problem,
        message,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::ledger::entry::{next_entry, Actor, EntryKind};
    use crate::ledger::keys::{signing_key_from_seed, Fingerprint};
    use crate::ledger::logboek::{exported_entry, verify_logboek_against, ExportInfo, Logboek};

    fn anna() -> Actor {
        Actor::member("m-anna", "Anna de Vries")
    }

    fn steps() -> Vec<(EntryKind, serde_json::Value)> {
        vec![
            (EntryKind::TeamCreated, json!({"team_name": "Voorbeeld"})),
            (
                EntryKind::MemberAdded,
                json!({"member_id": "m-bram", "role": "assessor"}),
            ),
            (
                EntryKind::RubricFrozen,
                json!({"rubric_id": 1, "version": 1, "rubric_sha256": "a".repeat(64)}),
            ),
            (EntryKind::RoundOpened, json!({"round": 1})),
            (EntryKind::RoundRevealed, json!({"round": 1})),
        ]
    }

    /// A chain built from `steps`, one minute apart.
    fn chain(steps: &[(EntryKind, serde_json::Value)], after: &[Entry]) -> Vec<Entry> {
        let mut entries = after.to_vec();
        for (kind, payload) in steps {
            let time = format!("2026-03-02T09:{:02}:00Z", entries.len());
            let e = next_entry(entries.last(), time, anna(), *kind, payload.clone());
            entries.push(e);
        }
        entries
    }

    /// A signed logboek of `team_id` ending with its own `exported` entry; returns the
    /// file and the entries including that one.
    fn export(team_id: &str, mut entries: Vec<Entry>) -> (Vec<u8>, Vec<Entry>) {
        let key = signing_key_from_seed([5; 32]);
        let info = ExportInfo {
            team_id: team_id.into(),
            team_name: "Voorbeeld".into(),
            exported_at: format!("2026-03-02T09:{:02}:00Z", entries.len()),
            exporter: anna(),
            with_identities: false,
            rules_version: Some(1),
        };
        let e = exported_entry(entries.last(), &info, &[], "<p>r</p>", &key.verifying_key());
        entries.push(e);
        let bytes = Logboek::build(&info, &entries, &[], "<p>r</p>", &key).unwrap();
        (bytes, entries)
    }

    fn against(bytes: &[u8], previous: &[Vec<u8>], codes: &[CheckpointCode]) -> History {
        let v = verify_logboek_against(
            bytes,
            None,
            &Past {
                previous,
                checkpoints: codes,
            },
        );
        assert!(v.intact, "{:?}", v.problem);
        v.history
    }

    #[test]
    fn an_honest_later_export_holds_against_the_earlier_one_and_its_codes() {
        let (x1, first) = export("7", chain(&steps(), &[]));
        let (x2, _) = export(
            "7",
            chain(&[(EntryKind::RoundOpened, json!({"round": 2}))], &first),
        );
        let revealed = CheckpointCode::of_hash(&first[4].hash).unwrap();
        let history = against(&x2, &[x1], std::slice::from_ref(&revealed));
        assert!(history.holds(), "{history:?}");
        assert!(history.previous[0].message.en.contains("6 entries"));
        let found = history.checkpoints[0].found.as_ref().unwrap();
        assert_eq!((found.seq, found.kind), (5, EntryKind::RoundRevealed));
    }

    #[test]
    fn a_deleted_early_entry_is_named_even_with_the_chain_recomputed() {
        let (x1, first) = export("7", chain(&steps(), &[]));
        let code = CheckpointCode::of_hash(&first[4].hash).unwrap();
        // Entry 2 removed and every later hash recomputed: consistent with itself.
        let mut rewritten = steps();
        rewritten.remove(1);
        let (x2, _) = export("7", chain(&rewritten, &[]));
        let history = against(&x2, &[x1], std::slice::from_ref(&code));
        assert!(!history.holds());
        assert_eq!(
            history.previous[0].problem,
            Some(HistoryProblem::EntryDiffers { seq: 2 })
        );
        assert!(history.previous[0].message.nl.contains("Vermelding 2"));
        assert_eq!(
            history.checkpoints[0].problem,
            Some(HistoryProblem::CheckpointAbsent { code: code.clone() })
        );
        assert!(history.checkpoints[0].message.en.contains(code.as_str()));
        let json = serde_json::to_value(&history.previous[0].problem).unwrap();
        assert_eq!(json, json!({"kind": "entry_differs", "seq": 2}));
    }

    #[test]
    fn a_changed_early_payload_is_named() {
        let (x1, _) = export("7", chain(&steps(), &[]));
        let mut changed = steps();
        changed[3].1 = json!({"round": 9});
        let (x2, _) = export("7", chain(&changed, &[]));
        let history = against(&x2, &[x1], &[]);
        assert_eq!(
            history.first_problem().and_then(HistoryProblem::seq),
            Some(4)
        );
    }

    #[test]
    fn a_shorter_or_swapped_logboek_names_the_first_missing_entry() {
        let (x1, first) = export("7", chain(&steps(), &[]));
        let (x2, _) = export(
            "7",
            chain(&[(EntryKind::RoundOpened, json!({"round": 2}))], &first),
        );
        let history = against(&x1, &[x2], &[]);
        assert_eq!(
            history.previous[0].problem,
            Some(HistoryProblem::EntryMissing { seq: 7 })
        );
    }

    #[test]
    fn an_earlier_logboek_of_another_team_or_itself_altered_is_reported_as_such() {
        let (x1, first) = export("7", chain(&steps(), &[]));
        let (x2, _) = export(
            "7",
            chain(&[(EntryKind::RoundOpened, json!({"round": 2}))], &first),
        );
        let (other, _) = export("8", chain(&steps(), &[]));
        let history = against(&x2, &[other], &[]);
        assert!(matches!(
            history.previous[0].problem,
            Some(HistoryProblem::OtherTeam { ref previous_team, .. }) if previous_team.id == "8"
        ));

        let mut altered = x1.clone();
        let at = altered.windows(9).position(|w| w == b"Voorbeeld").unwrap();
        altered[at] = b'W';
        let history = against(&x2, &[altered], &[]);
        let Some(HistoryProblem::PreviousNotIntact { problem }) = &history.previous[0].problem
        else {
            panic!("{history:?}");
        };
        assert!(history.previous[0]
            .message
            .nl
            .starts_with("Het eerdere logboek is zelf niet intact"));
        assert!(problem.line.is_some());
        let history = against(&x2, &[b"geen logboek".to_vec()], &[]);
        assert!(matches!(
            history.previous[0].problem,
            Some(HistoryProblem::PreviousNotIntact { .. })
        ));
    }

    #[test]
    fn the_signer_counts_as_checked_only_with_the_right_expected_key() {
        let (x1, _) = export("7", chain(&steps(), &[]));
        let right = Fingerprint::of(&signing_key_from_seed([5; 32]).verifying_key());
        let wrong = Fingerprint::of(&signing_key_from_seed([6; 32]).verifying_key());
        let past = Past::default();
        assert!(!verify_logboek_against(&x1, None, &past).signer_checked);
        assert!(verify_logboek_against(&x1, Some(&right), &past).signer_checked);
        let v = verify_logboek_against(&x1, Some(&wrong), &past);
        assert!(!v.signer_checked && !v.intact && !v.passed());
    }
}
