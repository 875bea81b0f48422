//! One stored consistency measurement: the snapshot with what it was measured on.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ledger::content_sha256;
use crate::rubric::Scale;
use crate::stats::{
    consistency_snapshot, recognition_agreement, ConsistencySnapshot, Rating, Recognition,
    RecognitionAgreement, SnapshotOptions, StatsError,
};

/// What the reveal of a round hands over to be measured.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotRequest<'a> {
    pub round: u32,
    /// A practice round (training case) rather than a live one.
    pub practice: bool,
    pub rubric_version: u32,
    pub rubric_sha256: &'a str,
    pub scale: Scale,
    /// `rater` is the name the team knows the assessor by; `unit` the candidate code.
    pub ratings: &'a [Rating],
}

/// How much data the snapshot rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnapshotCounts {
    /// Scores given.
    pub scores: usize,
    /// Cells an assessor saw but left without a score.
    pub missing: usize,
    pub candidates: usize,
    pub criteria: usize,
    pub assessors: usize,
}

/// The lowest and highest score in one candidate × criterion cell of the comparison sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CellSpread {
    pub candidate: String,
    pub criterion: String,
    /// Scores in the cell.
    pub n: usize,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

impl CellSpread {
    pub fn spread(&self) -> Option<f64> {
        Some(self.max? - self.min?)
    }
}

/// A snapshot as the team's consistency log keeps it: never changed once recorded.
/// Its hash ([`SnapshotRecord::sha256`]) is what the ledger's `consistency_snapshot`
/// entry records, so a committee can tie the two together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnapshotRecord {
    pub round: u32,
    pub practice: bool,
    pub rubric_version: u32,
    pub rubric_sha256: String,
    /// RFC 3339 UTC.
    pub recorded_at: String,
    pub counts: SnapshotCounts,
    /// Every cell with at least one score, candidates and criteria in input order.
    pub cells: Vec<CellSpread>,
    pub snapshot: ConsistencySnapshot,
    /// Live rounds: alpha over all cells and without the scores of assessors who
    /// recognised the candidate. Absent in practice rounds and older records (so
    /// their controlegetal stays what it was).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub recognition: Option<RecognitionAgreement>,
}

impl SnapshotRecord {
    /// Measures `request`; `seed` makes the bootstrap intervals reproducible.
    pub fn measure(
        request: &SnapshotRequest<'_>,
        recorded_at: &str,
        seed: u64,
    ) -> Result<SnapshotRecord, StatsError> {
        let snapshot = consistency_snapshot(
            request.ratings,
            request.scale,
            SnapshotOptions {
                bootstrap: 1000,
                seed,
            },
        )?;
        let mut candidates: Vec<&str> = Vec::new();
        let mut criteria: Vec<&str> = Vec::new();
        let mut assessors: Vec<&str> = Vec::new();
        let mut cells: BTreeMap<(usize, usize), CellSpread> = BTreeMap::new();
        let (mut scores, mut missing) = (0, 0);
        for r in request.ratings {
            let c = position(&mut candidates, &r.unit);
            let k = position(&mut criteria, &r.criterion);
            position(&mut assessors, &r.rater);
            let Some(v) = r.value else {
                missing += 1;
                continue;
            };
            scores += 1;
            let cell = cells.entry((c, k)).or_insert_with(|| CellSpread {
                candidate: r.unit.clone(),
                criterion: r.criterion.clone(),
                n: 0,
                min: None,
                max: None,
            });
            cell.n += 1;
            cell.min = Some(cell.min.map_or(v, |m| m.min(v)));
            cell.max = Some(cell.max.map_or(v, |m| m.max(v)));
        }
        Ok(SnapshotRecord {
            round: request.round,
            practice: request.practice,
            rubric_version: request.rubric_version,
            rubric_sha256: request.rubric_sha256.to_owned(),
            recorded_at: recorded_at.to_owned(),
            counts: SnapshotCounts {
                scores,
                missing,
                candidates: candidates.len(),
                criteria: criteria.len(),
                assessors: assessors.len(),
            },
            cells: cells.into_values().collect(),
            snapshot,
            recognition: None,
        })
    }

    /// Adds alpha with and without the scores of assessors who recognised the
    /// candidate (`recognised`: rater as in the request's ratings, unit the code),
    /// on the same seed as the snapshot.
    pub fn measure_recognition(
        &mut self,
        request: &SnapshotRequest<'_>,
        recognised: &[Recognition],
        seed: u64,
    ) -> Result<(), StatsError> {
        self.recognition = Some(recognition_agreement(
            request.ratings,
            recognised,
            request.scale,
            SnapshotOptions {
                bootstrap: 1000,
                seed,
            },
        )?);
        Ok(())
    }

    /// SHA-256 of the record's canonical JSON: what the ledger entry carries.
    pub fn sha256(&self) -> String {
        content_sha256(self)
    }

    /// "Oefenronde 1" or "Ronde 2".
    pub fn label(&self) -> crate::i18n::Text {
        if self.practice {
            crate::i18n::Text::new(
                format!("Oefenronde {}", self.round),
                format!("Practice round {}", self.round),
            )
        } else {
            crate::i18n::Text::new(
                format!("Ronde {}", self.round),
                format!("Round {}", self.round),
            )
        }
    }
}

fn position<'a>(names: &mut Vec<&'a str>, name: &'a str) -> usize {
    names.iter().position(|n| *n == name).unwrap_or_else(|| {
        names.push(name);
        names.len() - 1
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub const CRITERIA: [&str; 3] = ["Bestuurlijke ervaring", "Integriteit", "Samenwerking"];
    pub const ASSESSORS: [&str; 3] = ["Gerrit Bosma", "Priya Ramdin", "Marloes Kuipers"];

    /// Six candidates, three assessors: Marloes scores about one level above the
    /// others, and on K-4 the assessors read "Integriteit" very differently.
    pub fn ratings(round: u32) -> Vec<Rating> {
        let base = [
            [4, 3, 4],
            [2, 3, 2],
            [3, 4, 3],
            [5, 4, 4],
            [1, 2, 2],
            [3, 2, 4],
        ];
        let mut out = Vec::new();
        for (c, row) in base.iter().enumerate() {
            for (k, crit) in CRITERIA.iter().enumerate() {
                for (a, name) in ASSESSORS.iter().enumerate() {
                    let mut v = row[k] + if a == 2 { 1 } else { 0 };
                    if round == 1 && c == 3 && k == 1 {
                        v = [1, 5, 3][a];
                    }
                    out.push(Rating {
                        unit: format!("K-{}", c + 1),
                        criterion: (*crit).into(),
                        rater: (*name).into(),
                        value: Some(f64::from(v.min(5))),
                    });
                }
            }
        }
        out
    }

    pub fn record(round: u32) -> SnapshotRecord {
        let ratings = ratings(round);
        SnapshotRecord::measure(
            &SnapshotRequest {
                round,
                practice: false,
                rubric_version: 1,
                rubric_sha256: &"ab".repeat(32),
                scale: Scale { min: 1, max: 5 },
                ratings: &ratings,
            },
            "2026-03-05T10:00:00Z",
            7,
        )
        .unwrap()
    }

    #[test]
    fn counts_and_cells_describe_the_data_measured() {
        let r = record(1);
        assert_eq!(
            r.counts,
            SnapshotCounts {
                scores: 54,
                missing: 0,
                candidates: 6,
                criteria: 3,
                assessors: 3
            }
        );
        assert_eq!(r.cells.len(), 18);
        let k4 = r
            .cells
            .iter()
            .find(|c| c.candidate == "K-4" && c.criterion == "Integriteit")
            .unwrap();
        assert_eq!(
            (k4.min, k4.max, k4.spread()),
            (Some(1.0), Some(5.0), Some(4.0))
        );
        assert_eq!(r.snapshot.hotspots[0].candidate, "K-4");
    }

    #[test]
    fn the_hash_changes_with_any_number() {
        let a = record(1);
        let mut b = a.clone();
        assert_eq!(a.sha256(), b.sha256());
        b.cells[0].n += 1;
        assert_ne!(a.sha256(), b.sha256());
        assert_eq!(a.sha256().len(), 64);
    }
}
