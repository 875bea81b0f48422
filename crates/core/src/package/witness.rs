//! What a party committee checks with its own negotiator's key fingerprint: that every
//! score package the log says came from that key is signed by it, quotes a log entry
//! that is in the log, and that the sheet revealed for it is the one the negotiator
//! signed. The team's officers cannot change those scores without this failing.

use serde::Serialize;
use ts_rs::TS;

use super::{Envelope, PackageKind, ScorePackage, SheetBody};
use crate::i18n::Text;
use crate::ledger::{content_sha256, Entry, EntryKind, Fingerprint};

/// The outcome of [`check_assessor`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AssessorCheck {
    /// Score packages signed by the key that the log imported.
    pub packages: u32,
    /// Of those, the ones whose signed sheet the log recorded at a reveal and that match.
    pub revealed: u32,
    /// Everything that does not hold; empty when the check passes.
    pub problems: Vec<Text>,
    /// What the committee should know although the check passes: the chair revoked
    /// this key (with the reason), so later packages of that member carry another key,
    /// which the negotiator can confirm as theirs, or not.
    pub notices: Vec<Text>,
}

impl AssessorCheck {
    pub fn passed(&self) -> bool {
        self.packages > 0 && self.problems.is_empty()
    }
}

fn signed_by(envelope: &Envelope, fingerprint: &Fingerprint) -> bool {
    envelope.verify().is_ok() && envelope.fingerprint().is_ok_and(|f| &f == fingerprint)
}

/// The log's revocations of the key with `fingerprint`, each with the keys the same
/// member registered after it.
fn revocations(entries: &[Entry], fingerprint: &Fingerprint) -> Vec<Text> {
    entries
        .iter()
        .filter(|e| {
            e.kind == EntryKind::AssessorKeyRevoked
                && e.payload["fingerprint"].as_str() == Some(fingerprint.as_str())
        })
        .map(|revoked| {
            let member = &revoked.payload["member_id"];
            let later: Vec<&str> = entries
                .iter()
                .filter(|e| {
                    e.seq > revoked.seq
                        && e.kind == EntryKind::AssessorKeyRegistered
                        && &e.payload["member_id"] == member
                })
                .filter_map(|e| e.payload["fingerprint"].as_str())
                .collect();
            let reason = revoked.payload["reason"].as_str().unwrap_or_default();
            let (nl_later, en_later) = if later.is_empty() {
                (
                    "Er is daarna geen andere sleutel voor deze beoordelaar vastgelegd.".to_owned(),
                    "No other key was registered for this assessor after it.".to_owned(),
                )
            } else {
                (
                    format!(
                        "Daarna vastgelegd voor deze beoordelaar: {}. Vraag uw onderhandelaar of dat zijn of haar sleutel is.",
                        later.join(", ")
                    ),
                    format!(
                        "Registered for this assessor after it: {}. Ask your negotiator whether that is their key.",
                        later.join(", ")
                    ),
                )
            };
            Text::new(
                format!(
                    "Logregel {}: de voorzitter heeft deze sleutel ingetrokken, met als reden: \"{reason}\". {nl_later}",
                    revoked.seq
                ),
                format!(
                    "Log entry {}: the chair revoked this key, giving as the reason: \"{reason}\". {en_later}",
                    revoked.seq
                ),
            )
        })
        .collect()
}

/// Checks the log's score packages of the assessor holding the key with `fingerprint`.
pub fn check_assessor(entries: &[Entry], fingerprint: &Fingerprint) -> AssessorCheck {
    let mut check = AssessorCheck {
        packages: 0,
        revealed: 0,
        problems: Vec::new(),
        notices: revocations(entries, fingerprint),
    };
    // (round, member id, sheet hash) of every package of this key.
    let mut imported: Vec<(u64, String, String)> = Vec::new();
    for entry in entries
        .iter()
        .filter(|e| e.kind == EntryKind::ScorePackageImported)
    {
        let Ok(envelope) = serde_json::from_value::<Envelope>(entry.payload["package"].clone())
        else {
            check.problems.push(Text::new(
                format!("Logregel {}: het scorepakket is onleesbaar.", entry.seq),
                format!("Log entry {}: the score package cannot be read.", entry.seq),
            ));
            continue;
        };
        if envelope.fingerprint().ok().as_ref() != Some(fingerprint) {
            continue;
        }
        check.packages += 1;
        if !signed_by(&envelope, fingerprint) {
            check.problems.push(Text::new(
                format!(
                    "Logregel {}: de handtekening van het scorepakket klopt niet.",
                    entry.seq
                ),
                format!(
                    "Log entry {}: the score package's signature does not hold.",
                    entry.seq
                ),
            ));
            continue;
        }
        let Ok(package) = ScorePackage::read(&envelope) else {
            continue;
        };
        let quoted = entries
            .iter()
            .any(|e| e.seq == package.chain_head.seq && e.hash == package.chain_head.hash);
        if !quoted {
            check.problems.push(Text::new(
                format!(
                    "Logregel {}: het pakket noemt logregel {} met een hash die niet in dit logboek staat.",
                    entry.seq, package.chain_head.seq
                ),
                format!(
                    "Log entry {}: the package quotes log entry {} with a hash this logboek does not hold.",
                    entry.seq, package.chain_head.seq
                ),
            ));
        }
        imported.push((
            u64::from(package.round),
            package.assessor.clone(),
            entry.payload["sheet_sha256"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        ));
    }
    for entry in entries
        .iter()
        .filter(|e| e.kind == EntryKind::ScorePackageOpened)
    {
        let Ok(signed) = serde_json::from_value::<Envelope>(entry.payload["signed_sheet"].clone())
        else {
            continue;
        };
        if signed.fingerprint().ok().as_ref() != Some(fingerprint) {
            continue;
        }
        let body = signed
            .body::<SheetBody>(PackageKind::Sheet)
            .ok()
            .filter(|_| signed_by(&signed, fingerprint));
        let Some(body) = body else {
            check.problems.push(Text::new(
                format!(
                    "Logregel {}: het ondertekende scoreformulier klopt niet.",
                    entry.seq
                ),
                format!(
                    "Log entry {}: the signed score sheet does not hold.",
                    entry.seq
                ),
            ));
            continue;
        };
        let sheet_hash = content_sha256(&body.sheet);
        let matches = imported.iter().any(|(round, member, hash)| {
            *round == u64::from(body.round) && *member == body.assessor && *hash == sheet_hash
        });
        if matches {
            check.revealed += 1;
        } else {
            check.problems.push(Text::new(
                format!(
                    "Logregel {}: het onthulde scoreformulier van ronde {} is niet het formulier dat bij het inlezen is vastgelegd.",
                    entry.seq, body.round
                ),
                format!(
                    "Log entry {}: the revealed score sheet of round {} is not the sheet recorded at import.",
                    entry.seq, body.round
                ),
            ));
        }
    }
    if check.packages == 0 {
        check.problems.push(Text::new(
            "Het logboek bevat geen scorepakket dat met deze sleutel is ondertekend.",
            "The logboek holds no score package signed with this key.",
        ));
    }
    check
}
