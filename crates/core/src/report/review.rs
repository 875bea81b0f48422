//! Review mode: a committee member's read-only view of a logboek, integrity first.
//! Everything comes from the file, which may have been tampered with: text is shown
//! as text, and the plots escape every name they draw.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::i18n::{Lang, Text};
use crate::ledger::{EntryKind, Fingerprint, Header, History, Problem, SectionName, Verification};

use super::html::RubricVersionInfo;
use super::record::SnapshotRecord;
use super::view::{consistency_view, ConsistencyView};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TimelineItem {
    #[ts(type = "number")]
    pub seq: u64,
    pub time: String,
    pub kind: EntryKind,
    pub label: Text,
    pub actor: Text,
    /// The entry the integrity problem points at.
    pub broken: bool,
}

/// A frozen, blinded text as the `blinded_sheets` section holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BlindedSheetRow {
    pub candidate_code: String,
    pub kind: String,
    pub criterion: Option<String>,
    pub blinded_text: String,
    pub sha256: String,
    pub frozen_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Review {
    /// The file itself is intact (signed by whichever key: see `signer_checked`).
    pub intact: bool,
    pub problem: Option<Problem>,
    /// Signed with the fingerprint the reviewer typed; never true without one.
    pub signer_checked: bool,
    /// The checks against earlier logboeks and codes from the minutes.
    pub history: History,
    pub fingerprint: Option<Fingerprint>,
    pub header: Option<Header>,
    pub timeline: Vec<TimelineItem>,
    pub rubrics: Vec<RubricVersionInfo>,
    pub sheets: Vec<BlindedSheetRow>,
    pub consistency: ConsistencyView,
    /// Per consistency record: whether a `consistency_snapshot` entry carries its hash.
    pub snapshots_in_log: Vec<bool>,
    pub scores: Option<Value>,
    pub revisions: Option<Value>,
    pub decision: Option<Value>,
    pub identities: Option<Value>,
    /// Sections whose content is not in the form this Maatstaf writes.
    pub unreadable_sections: Vec<SectionName>,
}

fn typed<T: for<'de> Deserialize<'de>>(
    content: Option<&Value>,
    name: SectionName,
    unreadable: &mut Vec<SectionName>,
) -> Vec<T> {
    match content.map(|c| serde_json::from_value::<Vec<T>>(c.clone())) {
        None => Vec::new(),
        Some(Ok(v)) => v,
        Some(Err(_)) => {
            unreadable.push(name);
            Vec::new()
        }
    }
}

/// Turns a verification into what review mode shows, plots labelled in `lang`.
pub fn review(v: Verification, lang: Lang) -> Review {
    let section = |name: SectionName| {
        v.sections
            .iter()
            .find(|s| s.name == name)
            .map(|s| &s.content)
    };
    let mut unreadable = Vec::new();
    let rubrics = typed(
        section(SectionName::RubricVersions),
        SectionName::RubricVersions,
        &mut unreadable,
    );
    let sheets = typed(
        section(SectionName::BlindedSheets),
        SectionName::BlindedSheets,
        &mut unreadable,
    );
    let records: Vec<SnapshotRecord> = typed(
        section(SectionName::ConsistencySnapshots),
        SectionName::ConsistencySnapshots,
        &mut unreadable,
    );
    let logged: Vec<&str> = v
        .entries
        .iter()
        .filter(|e| e.kind == EntryKind::ConsistencySnapshot)
        .filter_map(|e| e.payload.get("snapshot_sha256").and_then(Value::as_str))
        .collect();
    let snapshots_in_log = records
        .iter()
        .map(|r| logged.contains(&r.sha256().as_str()))
        .collect();
    let broken_seq = v
        .problem
        .as_ref()
        .and_then(|p| p.seq)
        .or_else(|| v.history.first_problem().and_then(|p| p.seq()));
    let timeline = v
        .entries
        .iter()
        .map(|e| TimelineItem {
            seq: e.seq,
            time: e.time.clone(),
            kind: e.kind,
            label: e.kind.label(),
            actor: e.actor.display(),
            broken: Some(e.seq) == broken_seq,
        })
        .collect();
    Review {
        intact: v.intact,
        problem: v.problem.clone(),
        signer_checked: v.signer_checked,
        history: v.history.clone(),
        fingerprint: v.fingerprint.clone(),
        header: v.header.clone(),
        timeline,
        rubrics,
        sheets,
        consistency: consistency_view(&records, lang),
        snapshots_in_log,
        scores: section(SectionName::Scores).cloned(),
        revisions: section(SectionName::Revisions).cloned(),
        decision: section(SectionName::Decision).cloned(),
        identities: section(SectionName::Identities).cloned(),
        unreadable_sections: unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::super::record::tests::record;
    use super::*;
    use crate::ledger::{
        exported_entry, next_entry, signing_key_from_seed, verify_logboek, Actor, ExportInfo,
        Logboek, Section,
    };
    use serde_json::json;

    fn logboek() -> Vec<u8> {
        let key = signing_key_from_seed([5; 32]);
        let info = ExportInfo {
            team_id: "1".into(),
            team_name: "Gemeente Voorbeeld".into(),
            exported_at: "2026-03-05T16:00:00Z".into(),
            exporter: Actor::System,
            with_identities: false,
            rules_version: None,
        };
        let rec = record(1);
        let a = next_entry(
            None,
            "2026-03-05T09:00:00Z",
            Actor::System,
            EntryKind::TeamCreated,
            json!({"team_name": "x"}),
        );
        let b = next_entry(
            Some(&a),
            "2026-03-05T10:00:00Z",
            Actor::System,
            EntryKind::ConsistencySnapshot,
            json!({"snapshot_sha256": rec.sha256(), "round": 1, "practice": false}),
        );
        let sections = vec![
            Section {
                name: SectionName::ConsistencySnapshots,
                content: serde_json::to_value(vec![rec]).unwrap(),
            },
            Section {
                name: SectionName::Decision,
                content: json!({"reasons": ["Sterkste onderbouwing op alle criteria"]}),
            },
        ];
        let c = exported_entry(Some(&b), &info, &sections, "<p>r</p>", &key.verifying_key());
        Logboek::build(&info, &[a, b, c], &sections, "<p>r</p>", &key).unwrap()
    }

    #[test]
    fn an_intact_file_shows_its_plots_and_ties_snapshots_to_the_log() {
        let r = review(verify_logboek(&logboek(), None), Lang::Nl);
        assert!(r.intact, "{:?}", r.problem);
        assert_eq!(r.timeline.len(), 3);
        assert_eq!(r.timeline[1].label.nl, "Consistentiemeting");
        assert_eq!(r.consistency.records.len(), 1);
        assert!(r.consistency.records[0].alpha_svg.contains("Integriteit"));
        assert_eq!(r.snapshots_in_log, [true]);
        assert!(r.decision.is_some() && r.unreadable_sections.is_empty());
    }

    #[test]
    fn a_tampered_file_is_broken_and_points_at_its_entry() {
        let text = String::from_utf8(logboek()).unwrap();
        let tampered = text.replacen("\"team_name\":\"x\"", "\"team_name\":\"y\"", 1);
        let r = review(verify_logboek(tampered.as_bytes(), None), Lang::Nl);
        assert!(!r.intact);
        let p = r.problem.unwrap();
        assert_eq!(p.seq, Some(1));
        assert!(r.timeline[0].broken && !r.timeline[1].broken);
    }
}
