//! The "Consistentie" view of one team: every recorded round with its plots and advice.

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::{Lang, Text};

use super::explain::{criterion_advice, explanations, leniency_advice, Explanation};
use super::plots::{alpha_chart, cell_anchor, hotspot_map, leniency_chart, trend_chart};
use super::record::SnapshotRecord;

/// Agreement on one criterion before and after a discussion (previous round → this one).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CriterionChange {
    pub criterion: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// A hotspot with where to find its cell.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HotspotLink {
    pub candidate: String,
    pub criterion: String,
    pub min: f64,
    pub max: f64,
    pub n_ratings: usize,
    /// The id of the cell in this round's spread map.
    pub anchor: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RecordView {
    pub record: SnapshotRecord,
    pub sha256: String,
    pub label: Text,
    pub alpha_svg: String,
    pub leniency_svg: String,
    pub hotspot_svg: String,
    pub hotspots: Vec<HotspotLink>,
    /// One verdict per criterion.
    pub advice: Vec<Text>,
    /// Assessors who score consistently higher or lower.
    pub leniency_notes: Vec<Text>,
    /// Against the previous round of the same kind (practice or live), when there is one.
    pub changes: Vec<CriterionChange>,
    pub previous_label: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ConsistencyView {
    /// Oldest first.
    pub records: Vec<RecordView>,
    /// Present once there is at least one record.
    pub trend_svg: Option<String>,
    pub explanations: Vec<Explanation>,
}

fn record_view(
    record: &SnapshotRecord,
    previous: Option<&SnapshotRecord>,
    lang: Lang,
) -> RecordView {
    let s = &record.snapshot;
    let changes = previous
        .map(|p| {
            s.criteria
                .iter()
                .map(|c| CriterionChange {
                    criterion: c.criterion.clone(),
                    before: p
                        .snapshot
                        .criteria
                        .iter()
                        .find(|b| b.criterion == c.criterion)
                        .and_then(|b| b.alpha_ordinal.value()),
                    after: c.alpha_ordinal.value(),
                })
                .chain([CriterionChange {
                    criterion: String::new(),
                    before: p.snapshot.overall.alpha_ordinal.value(),
                    after: s.overall.alpha_ordinal.value(),
                }])
                .collect()
        })
        .unwrap_or_default();
    RecordView {
        sha256: record.sha256(),
        label: record.label(),
        alpha_svg: alpha_chart(record, previous, lang),
        leniency_svg: leniency_chart(record, lang),
        hotspot_svg: hotspot_map(record, lang),
        hotspots: s
            .hotspots
            .iter()
            .map(|h| HotspotLink {
                candidate: h.candidate.clone(),
                criterion: h.criterion.clone(),
                min: h.min,
                max: h.max,
                n_ratings: h.n_ratings,
                anchor: cell_anchor(record, &h.candidate, &h.criterion).unwrap_or_default(),
            })
            .collect(),
        advice: s.criteria.iter().map(criterion_advice).collect(),
        leniency_notes: s.leniency.iter().filter_map(leniency_advice).collect(),
        changes,
        previous_label: previous.map(SnapshotRecord::label),
        record: record.clone(),
    }
}

/// The view of `records` (oldest first), with plots labelled in `lang`.
pub fn consistency_view(records: &[SnapshotRecord], lang: Lang) -> ConsistencyView {
    let views = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let previous = records[..i].iter().rev().find(|p| p.practice == r.practice);
            record_view(r, previous, lang)
        })
        .collect();
    ConsistencyView {
        records: views,
        trend_svg: (!records.is_empty()).then(|| trend_chart(records, lang)),
        explanations: explanations(),
    }
}

/// [`consistency_view`] with the criteria shown by their names in the rubric (`names`:
/// criterion id to name) instead of their ids. Each record's controlegetal stays that
/// of the record as stored: only what is drawn and listed is renamed.
pub fn consistency_view_named(
    records: &[SnapshotRecord],
    names: &std::collections::BTreeMap<String, String>,
    lang: Lang,
) -> ConsistencyView {
    let rename = |id: &mut String| {
        if let Some(name) = names.get(id.as_str()) {
            id.clone_from(name);
        }
    };
    let shown: Vec<SnapshotRecord> = records
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.cells.iter_mut().for_each(|c| rename(&mut c.criterion));
            r.snapshot
                .criteria
                .iter_mut()
                .for_each(|c| rename(&mut c.criterion));
            r.snapshot
                .hotspots
                .iter_mut()
                .for_each(|h| rename(&mut h.criterion));
            r
        })
        .collect();
    let mut view = consistency_view(&shown, lang);
    for (v, r) in view.records.iter_mut().zip(records) {
        v.sha256 = r.sha256();
    }
    view
}

#[cfg(test)]
mod tests {
    use super::super::record::tests::record;
    use super::*;

    #[test]
    fn criteria_are_shown_by_name_and_the_controlegetal_is_the_stored_one() {
        let stored = record(1);
        let names = [(
            "Integriteit".to_owned(),
            "Integriteit en omgang met belangen".to_owned(),
        )]
        .into_iter()
        .collect();
        let view = consistency_view_named(std::slice::from_ref(&stored), &names, Lang::Nl);
        assert_eq!(view.records[0].sha256, stored.sha256());
        let trend = view.trend_svg.unwrap();
        assert!(trend.contains("Integriteit en omgang"), "{trend}");
    }

    #[test]
    fn a_rescore_round_shows_agreement_before_and_after() {
        let view = consistency_view(&[record(1), record(2)], Lang::Nl);
        assert_eq!(view.records.len(), 2);
        assert!(view.records[0].changes.is_empty());
        let second = &view.records[1];
        assert_eq!(second.previous_label.as_ref().unwrap().nl, "Ronde 1");
        let integrity = second
            .changes
            .iter()
            .find(|c| c.criterion == "Integriteit")
            .unwrap();
        assert!(
            integrity.after.unwrap() > integrity.before.unwrap(),
            "the discussion of K-4 brought the assessors together: {integrity:?}"
        );
        let trend = view.trend_svg.unwrap();
        assert!(trend.contains(">Ronde 1<") && trend.contains(">Ronde 2<"));
    }

    #[test]
    fn hotspots_carry_the_anchor_of_their_cell() {
        let view = consistency_view(&[record(1)], Lang::Nl);
        let r = &view.records[0];
        let k4 = r.hotspots.iter().find(|h| h.candidate == "K-4").unwrap();
        assert!(r.hotspot_svg.contains(&format!("id=\"{}\"", k4.anchor)));
        assert_eq!(r.advice.len(), 3);
    }

    #[test]
    fn no_records_no_trend() {
        let view = consistency_view(&[], Lang::En);
        assert!(view.records.is_empty() && view.trend_svg.is_none());
        assert!(!view.explanations.is_empty());
    }
}
