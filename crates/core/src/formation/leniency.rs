//! Own-party leniency: do assessors score candidates of their own party higher
//! than assessors from outside that party score the same cells?
//!
//! Per assessor of party P, over every cell (candidate of party P × criterion)
//! they scored: their score minus the mean score of the assessors who are not of
//! party P (another party or none) on that cell, where there is at least one such
//! score. Per party P, over the same cells: the mean score of P's assessors minus
//! the mean of the others. Each is a mean with n and a t-based 95% interval, or
//! the honest "too little data" the consistency view uses.
//!
//! Parties identify candidates, so this is computed only after the decision is
//! recorded and the candidates are unblinded: [`own_party_leniency`] refuses
//! before that, whoever asks.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Text;
use crate::scoring::SelectionState;
use crate::stats::raters::mean_with_t_interval;
use crate::stats::{Estimate, Rating};

/// One assessor's own-party leniency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssessorOwnParty {
    pub assessor: String,
    pub party: String,
    /// Mean of (own score − mean of the other parties' assessors) on own-party
    /// candidates' cells, in scale levels. Positive: more lenient to their own.
    pub leniency: Estimate,
    /// Cells counted.
    pub n_cells: usize,
}

/// One party's assessors together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartyLeniency {
    pub party: String,
    /// Mean of (mean of this party's assessors − mean of the others) on cells of
    /// this party's candidates, in scale levels.
    pub leniency: Estimate,
    pub n_cells: usize,
    /// This party's candidates that were scored.
    pub n_candidates: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OwnPartyLeniency {
    /// Assessors with a party, in the order they first appear in the ratings.
    pub assessors: Vec<AssessorOwnParty>,
    /// Parties of assessors, sorted by name.
    pub parties: Vec<PartyLeniency>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[error("{}", self.message().en)]
#[ts(export)]
pub enum LeniencyError {
    /// Before the decision and the unblinding the parties of candidates stay hidden.
    NotUnblinded,
}

impl LeniencyError {
    pub fn message(&self) -> Text {
        match self {
            LeniencyError::NotUnblinded => Text::new(
                "Mildheid voor de eigen partij is pas te zien na het besluit en het opheffen van de anonimisering: eerder zou het de partij van kandidaten verraden.",
                "Own-party leniency can be seen only after the decision and the unblinding: earlier it would give away the candidates' parties.",
            ),
        }
    }
}

fn key(p: &str) -> String {
    p.trim().to_lowercase()
}

/// Own-party leniency per assessor and per party. `assessor_parties` and
/// `candidate_parties` map ids and codes to party names (compared without regard
/// to case); assessors and candidates without a party are never "own party".
pub fn own_party_leniency(
    state: &SelectionState,
    ratings: &[Rating],
    assessor_parties: &HashMap<String, String>,
    candidate_parties: &HashMap<String, String>,
) -> Result<OwnPartyLeniency, LeniencyError> {
    if state.decision.is_none() || state.unblinded.is_none() {
        return Err(LeniencyError::NotUnblinded);
    }
    let party_of =
        |m: &HashMap<String, String>, id: &str| m.get(id).map(|p| key(p)).filter(|p| !p.is_empty());
    // Cells in first-seen order: (candidate, criterion) -> [(assessor, value)].
    let mut order: Vec<(String, String)> = Vec::new();
    let mut cells: HashMap<(String, String), Vec<(String, f64)>> = HashMap::new();
    let mut assessors: Vec<String> = Vec::new();
    for r in ratings {
        if !assessors.contains(&r.rater) {
            assessors.push(r.rater.clone());
        }
        let Some(v) = r.value else { continue };
        let k = (r.unit.clone(), r.criterion.clone());
        cells
            .entry(k.clone())
            .or_insert_with(|| {
                order.push(k);
                Vec::new()
            })
            .push((r.rater.clone(), v));
    }
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    // The cells of candidates of party `p`, split into p's scores and the others'.
    let split = |p: &str| {
        order
            .iter()
            .filter(|(c, _)| party_of(candidate_parties, c).as_deref() == Some(p))
            .map(|k| {
                let (own, other): (Vec<_>, Vec<_>) = cells[k]
                    .iter()
                    .partition(|(a, _)| party_of(assessor_parties, a).as_deref() == Some(p));
                (k, own, other)
            })
            .collect::<Vec<_>>()
    };

    let mut per_assessor = Vec::new();
    for a in &assessors {
        let Some(p) = party_of(assessor_parties, a) else {
            continue;
        };
        let diffs: Vec<f64> = split(&p)
            .into_iter()
            .filter_map(|(_, own, other)| {
                let mine = own.iter().find(|(b, _)| b == a)?.1;
                let others: Vec<f64> = other.iter().map(|(_, v)| *v).collect();
                (!others.is_empty()).then(|| mine - mean(&others))
            })
            .collect();
        per_assessor.push(AssessorOwnParty {
            assessor: a.clone(),
            party: assessor_parties[a].trim().to_owned(),
            leniency: mean_with_t_interval(&diffs),
            n_cells: diffs.len(),
        });
    }

    let mut names: Vec<(String, String)> = assessor_parties
        .values()
        .map(|p| (key(p), p.trim().to_owned()))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    names.sort();
    names.dedup_by(|a, b| a.0 == b.0);
    let parties = names
        .into_iter()
        .map(|(k, name)| {
            let mut candidates: Vec<&str> = Vec::new();
            let diffs: Vec<f64> = split(&k)
                .into_iter()
                .filter_map(|((c, _), own, other)| {
                    if own.is_empty() || other.is_empty() {
                        return None;
                    }
                    if !candidates.contains(&c.as_str()) {
                        candidates.push(c);
                    }
                    let own: Vec<f64> = own.iter().map(|(_, v)| *v).collect();
                    let other: Vec<f64> = other.iter().map(|(_, v)| *v).collect();
                    Some(mean(&own) - mean(&other))
                })
                .collect();
            PartyLeniency {
                party: name,
                leniency: mean_with_t_interval(&diffs),
                n_cells: diffs.len(),
                n_candidates: candidates.len(),
            }
        })
        .collect();
    Ok(OwnPartyLeniency {
        assessors: per_assessor,
        parties,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{Decision, Unblinding};

    fn unblinded() -> SelectionState {
        SelectionState {
            decision: Some(Decision {
                round: 1,
                choices: vec![],
                recorded_by: "anneke".into(),
                at: "2026-04-01T10:00:00Z".into(),
            }),
            unblinded: Some(Unblinding {
                by: "anneke".into(),
                at: "2026-04-01T10:05:00Z".into(),
            }),
        }
    }

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    /// Two VVD assessors, one D66 assessor, one without a party; a VVD candidate,
    /// a D66 candidate and one without a party, two criteria.
    fn ratings() -> Vec<Rating> {
        let rows: [(&str, &str, [Option<f64>; 4]); 5] = [
            ("K-1", "A", [Some(5.0), Some(4.0), Some(3.0), Some(3.0)]),
            ("K-1", "B", [Some(4.0), Some(4.0), Some(2.0), Some(4.0)]),
            ("K-2", "A", [Some(3.0), Some(2.0), Some(4.0), Some(3.0)]),
            ("K-2", "B", [Some(2.0), Some(3.0), Some(5.0), None]),
            ("K-3", "A", [Some(3.0), Some(3.0), Some(3.0), Some(3.0)]),
        ];
        let raters = ["gerrit", "kees", "priya", "ellen"];
        rows.iter()
            .flat_map(|(u, k, vs)| {
                raters.iter().zip(vs).map(move |(r, v)| Rating {
                    unit: (*u).into(),
                    criterion: (*k).into(),
                    rater: (*r).into(),
                    value: *v,
                })
            })
            .collect()
    }

    fn parties() -> (HashMap<String, String>, HashMap<String, String>) {
        (
            map(&[("gerrit", "VVD"), ("kees", "vvd"), ("priya", "D66")]),
            map(&[("K-1", "VVD"), ("K-2", "D66")]),
        )
    }

    #[test]
    fn matches_the_values_computed_by_hand() {
        let (ap, cp) = parties();
        let out = own_party_leniency(&unblinded(), &ratings(), &ap, &cp).unwrap();
        let ids: Vec<&str> = out.assessors.iter().map(|a| a.assessor.as_str()).collect();
        assert_eq!(ids, ["gerrit", "kees", "priya"], "ellen has no party");

        // gerrit on K-1: A 5 − (3+3)/2 = 2, B 4 − (2+4)/2 = 1.
        let g = &out.assessors[0];
        assert_eq!(g.n_cells, 2);
        assert!((g.leniency.value().unwrap() - 1.5).abs() < 1e-12);
        // sd 0.7071, t(1) 12.7062: 1.5 ± 6.3531.
        let [lo, hi] = g.leniency.ci95().unwrap();
        assert!((lo + 4.853_102).abs() < 1e-5 && (hi - 7.853_102).abs() < 1e-5);
        // kees: 4 − 3 and 4 − 3: no spread, no interval.
        assert_eq!(out.assessors[1].leniency.value(), Some(1.0));
        assert_eq!(out.assessors[1].leniency.ci95(), None);
        // priya on K-2: A 4 − (3+2+3)/3 = 4/3, B 5 − (2+3)/2 = 2.5.
        let p = out.assessors[2].leniency.value().unwrap();
        assert!((p - (4.0 / 3.0 + 2.5) / 2.0).abs() < 1e-12);

        let names: Vec<&str> = out.parties.iter().map(|p| p.party.as_str()).collect();
        assert_eq!(names, ["D66", "VVD"]);
        // VVD: A (5+4)/2 − 3 = 1.5, B 4 − 3 = 1.
        let vvd = &out.parties[1];
        assert_eq!((vvd.n_cells, vvd.n_candidates), (2, 1));
        assert!((vvd.leniency.value().unwrap() - 1.25).abs() < 1e-12);
        assert!((out.parties[0].leniency.value().unwrap() - p).abs() < 1e-12);
    }

    #[test]
    fn an_assessor_whose_party_has_no_candidates_gets_too_little_data() {
        let ap = map(&[("gerrit", "CDA")]);
        let out = own_party_leniency(&unblinded(), &ratings(), &ap, &parties().1).unwrap();
        assert_eq!(out.assessors.len(), 1);
        assert_eq!(out.assessors[0].n_cells, 0);
        assert!(matches!(
            out.assessors[0].leniency,
            Estimate::TooLittleData { .. }
        ));
    }

    #[test]
    fn is_refused_before_the_decision_and_the_unblinding() {
        let (ap, cp) = parties();
        let mut state = unblinded();
        state.unblinded = None;
        assert_eq!(
            own_party_leniency(&state, &ratings(), &ap, &cp),
            Err(LeniencyError::NotUnblinded)
        );
        assert_eq!(
            own_party_leniency(&SelectionState::default(), &ratings(), &ap, &cp),
            Err(LeniencyError::NotUnblinded)
        );
    }
}
