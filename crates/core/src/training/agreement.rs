//! The spread of practice scores per criterion and the agreement between the
//! participants, for the trainer's projector view.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::content::{Case, Reference};
use crate::rubric::{Rubric, Scale};
use crate::stats::{consistency_snapshot, krippendorff_bands, Estimate, Rating, SnapshotOptions};

/// One practice score. `participant` is any stable label: it is used to pair
/// scores, never shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PracticeScore {
    pub participant: String,
    pub candidate: String,
    pub criterion: String,
    pub score: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CandidateSpread {
    pub code: String,
    /// Everyone's scores, lowest first: the spread without who gave what.
    pub scores: Vec<u8>,
    /// Shown once the trainer has revealed the reference scores.
    pub reference: Option<Reference>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CriterionSpread {
    pub criterion: String,
    pub name: String,
    pub candidates: Vec<CandidateSpread>,
    /// Krippendorff's alpha (ordinal) over the candidates on this criterion.
    pub alpha: Estimate,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoundAgreement {
    pub round: u8,
    pub scale: Scale,
    /// In the rubric's order.
    pub criteria: Vec<CriterionSpread>,
    /// Alpha over all candidate × criterion cells.
    pub overall: Estimate,
    /// Krippendorff band id of `overall` (`reliable`, `tentative`, `not_reliable`).
    pub overall_band: Option<String>,
    pub participants: usize,
}

/// The spread and agreement of one round. References are filled in only when
/// `with_references` is set.
pub fn round_agreement(
    rubric: &Rubric,
    case: &Case,
    round: u8,
    scores: &[PracticeScore],
    with_references: bool,
) -> RoundAgreement {
    let ratings: Vec<Rating> = scores
        .iter()
        .map(|s| Rating {
            unit: s.candidate.clone(),
            criterion: s.criterion.clone(),
            rater: s.participant.clone(),
            value: Some(f64::from(s.score)),
        })
        .collect();
    // Scores were checked against the scale and are unique per cell when stored;
    // without a snapshot there is simply nothing to say.
    let snapshot = consistency_snapshot(
        &ratings,
        rubric.scale,
        SnapshotOptions {
            bootstrap: 0,
            seed: 0,
        },
    )
    .ok();
    let no_data = || Estimate::TooLittleData {
        reason: crate::stats::reasons::no_pairable_units(),
    };

    let criteria = rubric
        .criteria
        .iter()
        .map(|criterion| {
            let candidates = case
                .candidates
                .iter()
                .map(|candidate| {
                    let mut values: Vec<u8> = scores
                        .iter()
                        .filter(|s| s.candidate == candidate.code && s.criterion == criterion.id)
                        .map(|s| s.score)
                        .collect();
                    values.sort_unstable();
                    CandidateSpread {
                        code: candidate.code.clone(),
                        scores: values,
                        reference: with_references
                            .then(|| candidate.reference.get(&criterion.id).cloned())
                            .flatten(),
                    }
                })
                .collect();
            let alpha = snapshot
                .as_ref()
                .and_then(|s| s.criteria.iter().find(|c| c.criterion == criterion.id))
                .map(|c| c.alpha_ordinal.clone())
                .unwrap_or_else(no_data);
            CriterionSpread {
                criterion: criterion.id.clone(),
                name: criterion.name.clone(),
                candidates,
                alpha,
            }
        })
        .collect();
    let overall = snapshot
        .as_ref()
        .map(|s| s.overall.alpha_ordinal.clone())
        .unwrap_or_else(no_data);
    let mut participants: Vec<&str> = scores.iter().map(|s| s.participant.as_str()).collect();
    participants.sort_unstable();
    participants.dedup();
    RoundAgreement {
        round,
        scale: rubric.scale,
        criteria,
        overall_band: overall
            .value()
            .and_then(|v| krippendorff_bands().classify(v).map(|b| b.id.clone())),
        overall,
        participants: participants.len(),
    }
}

/// Whether a team's practice agreement reaches the trainer's minimum.
/// No value (too little data) never reaches it.
pub fn meets_threshold(agreement: &Estimate, minimum: f64) -> bool {
    agreement.value().is_some_and(|v| v >= minimum)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_case;

    const RUBRIC: &str = "id = \"r\"\ntitle = \"R\"\nversion = 1\n[scale]\nmin = 1\nmax = 5\n[[criteria]]\nid = \"a\"\nname = \"Eerste\"\nweight = 50\n[[criteria]]\nid = \"b\"\nname = \"Tweede\"\nweight = 50\n";

    fn candidate(code: &str, a: u8, b: u8) -> String {
        format!(
            "[[candidates]]\ncode = \"{code}\"\nname = \"N\"\ngender = \"vrouw\"\nage = 40\nbackground = \"x\"\neducation = \"y\"\n[candidates.answers]\na = \"A\"\nb = \"B\"\n[candidates.reference.a]\nscore = {a}\njustification = \"Omdat a.\"\n[candidates.reference.b]\nscore = {b}\njustification = \"Omdat b.\"\n"
        )
    }

    fn fixture() -> (Rubric, Case) {
        let rubric: Rubric = toml::from_str(RUBRIC).unwrap();
        let text = format!(
            "id = \"c\"\ntitle = \"C\"\nmunicipality = \"M\"\nrubric = \"r\"\nintro = \"I\"\n{}{}{}",
            candidate("K-1", 1, 2),
            candidate("K-2", 3, 3),
            candidate("K-3", 5, 4)
        );
        (rubric, parse_case("cases/c.toml", &text).unwrap())
    }

    fn score(p: &str, c: &str, k: &str, s: u8) -> PracticeScore {
        PracticeScore {
            participant: p.into(),
            candidate: c.into(),
            criterion: k.into(),
            score: s,
        }
    }

    fn sheet(p: &str, values: [u8; 6]) -> Vec<PracticeScore> {
        let cells = [
            ("K-1", "a"),
            ("K-1", "b"),
            ("K-2", "a"),
            ("K-2", "b"),
            ("K-3", "a"),
            ("K-3", "b"),
        ];
        cells
            .iter()
            .zip(values)
            .map(|(&(c, k), v)| score(p, c, k, v))
            .collect()
    }

    #[test]
    fn the_spread_is_sorted_and_references_wait_for_the_reveal() {
        let (rubric, case) = fixture();
        let mut scores = sheet("x", [2, 2, 3, 3, 5, 4]);
        scores.extend(sheet("y", [1, 2, 4, 3, 5, 5]));
        scores.extend(sheet("z", [3, 1, 3, 3, 4, 4]));
        let hidden = round_agreement(&rubric, &case, 1, &scores, false);
        assert_eq!(hidden.criteria[0].name, "Eerste");
        assert_eq!(hidden.criteria[0].candidates[0].scores, vec![1, 2, 3]);
        assert!(hidden.criteria[0].candidates[0].reference.is_none());
        assert_eq!(hidden.participants, 3);
        assert!(hidden.overall.value().is_some());
        let shown = round_agreement(&rubric, &case, 1, &scores, true);
        let reference = shown.criteria[1].candidates[2].reference.as_ref().unwrap();
        assert_eq!(reference.score, 4);
        assert_eq!(reference.justification, "Omdat b.");
    }

    #[test]
    fn closer_scores_agree_more() {
        let (rubric, case) = fixture();
        let mut before = sheet("x", [1, 5, 5, 1, 2, 3]);
        before.extend(sheet("y", [4, 2, 2, 4, 5, 1]));
        before.extend(sheet("z", [3, 3, 1, 5, 3, 2]));
        let mut after = sheet("x", [1, 2, 3, 3, 5, 4]);
        after.extend(sheet("y", [1, 2, 3, 3, 5, 4]));
        after.extend(sheet("z", [2, 2, 3, 3, 5, 4]));
        let before = round_agreement(&rubric, &case, 1, &before, false).overall;
        let after = round_agreement(&rubric, &case, 2, &after, false).overall;
        assert!(after.value().unwrap() > before.value().unwrap());
        assert!(meets_threshold(&after, 0.8));
        assert!(!meets_threshold(&before, 0.8));
    }

    #[test]
    fn a_round_without_scores_has_no_agreement_and_meets_no_threshold() {
        let (rubric, case) = fixture();
        let empty = round_agreement(&rubric, &case, 1, &[], false);
        assert!(empty.overall.value().is_none());
        assert!(!meets_threshold(&empty.overall, -1.0));
        assert_eq!(empty.criteria[0].candidates.len(), 3);
    }
}
