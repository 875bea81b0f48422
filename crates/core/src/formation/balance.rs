//! Balance rules: every candidate of a round is scored by assessors of each
//! coalition party, or of at least N different parties.
//!
//! A round's assessors each have a party (or none). Who actually scores a
//! candidate is the round's assessors minus the absent ones and minus the pairs
//! a conflict of interest excludes. A rule is broken for a candidate when the
//! parties of those who remain do not cover it; the chair sees which candidate
//! lacks which party before the round can open.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::assessor::Exclusion;
use crate::i18n::Text;

/// Longest party name in a rule.
pub const MAX_PARTY_CHARS: usize = 80;

/// One rule the chair sets for a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum BalanceRule {
    /// Every candidate is scored by at least one assessor of each of these parties.
    EachParty { parties: Vec<String> },
    /// Every candidate is scored by assessors of at least `n` different parties.
    AtLeastParties { n: u32 },
}

/// An assessor of the round with their party, if they have one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BalanceAssessor {
    pub id: String,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
}

/// A candidate for whom a rule is broken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BalanceGap {
    /// The candidate's code.
    pub candidate: String,
    /// The broken rule, as the chair set it.
    pub rule: BalanceRule,
    /// Parties whose assessors score this candidate, sorted.
    pub present: Vec<String>,
    /// For `EachParty`: the rule's parties nobody of which scores this candidate.
    /// For `AtLeastParties`: the parties of the round that could still cover it.
    pub missing: Vec<String>,
}

impl BalanceGap {
    /// What the chair reads: which candidate lacks whom.
    pub fn message(&self) -> Text {
        let c = &self.candidate;
        match &self.rule {
            BalanceRule::EachParty { .. } => {
                let (nl, en) = (list(&self.missing, "en"), list(&self.missing, "and"));
                Text::new(
                    format!("Kandidaat {c} wordt door niemand van {nl} gescoord."),
                    format!("Candidate {c} is scored by nobody from {en}."),
                )
            }
            BalanceRule::AtLeastParties { n } => {
                let found = self.present.len();
                let (pnl, pen) = if found == 0 {
                    ("geen enkele partij".to_owned(), "no party".to_owned())
                } else {
                    (
                        format!(
                            "{found} {} ({})",
                            if found == 1 { "partij" } else { "partijen" },
                            list(&self.present, "en")
                        ),
                        format!(
                            "{found} {} ({})",
                            if found == 1 { "party" } else { "parties" },
                            list(&self.present, "and")
                        ),
                    )
                };
                Text::new(
                    format!("Kandidaat {c} wordt gescoord door beoordelaars van {pnl}; de regel vraagt er minstens {n}."),
                    format!("Candidate {c} is scored by assessors of {pen}; the rule asks for at least {n}."),
                )
            }
        }
    }
}

fn list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[error("{}", self.message().en)]
#[ts(export)]
pub enum BalanceError {
    /// An `EachParty` rule without parties.
    NoParties,
    /// A blank party name, or one longer than [`MAX_PARTY_CHARS`].
    BadParty { party: String },
    /// The same party twice in one rule.
    DuplicateParty { party: String },
    /// `AtLeastParties` with n = 0.
    ZeroParties,
    /// More rules of one kind than one.
    DuplicateRule,
}

impl BalanceError {
    pub fn message(&self) -> Text {
        match self {
            BalanceError::NoParties => Text::new(
                "Noem minstens één partij die elke kandidaat moet scoren.",
                "Name at least one party that must score every candidate.",
            ),
            BalanceError::BadParty { party } => Text::new(
                format!("{party:?} is geen geldige partijnaam (niet leeg, hoogstens {MAX_PARTY_CHARS} tekens)."),
                format!("{party:?} is not a valid party name (not blank, at most {MAX_PARTY_CHARS} characters)."),
            ),
            BalanceError::DuplicateParty { party } => Text::new(
                format!("De partij {party} staat twee keer in de regel."),
                format!("The party {party} appears twice in the rule."),
            ),
            BalanceError::ZeroParties => Text::new(
                "Het aantal partijen moet minstens 1 zijn.",
                "The number of parties must be at least 1.",
            ),
            BalanceError::DuplicateRule => Text::new(
                "Een ronde heeft hoogstens één regel van elke soort.",
                "A round has at most one rule of each kind.",
            ),
        }
    }
}

impl BalanceRule {
    /// The rule with party names trimmed, or why it cannot be a rule.
    pub fn normalised(&self) -> Result<BalanceRule, BalanceError> {
        match self {
            BalanceRule::EachParty { parties } => {
                if parties.is_empty() {
                    return Err(BalanceError::NoParties);
                }
                let mut seen = BTreeSet::new();
                let mut out = Vec::with_capacity(parties.len());
                for p in parties {
                    let t = p.trim();
                    if t.is_empty() || t.chars().count() > MAX_PARTY_CHARS {
                        return Err(BalanceError::BadParty { party: p.clone() });
                    }
                    if !seen.insert(t.to_lowercase()) {
                        return Err(BalanceError::DuplicateParty {
                            party: t.to_owned(),
                        });
                    }
                    out.push(t.to_owned());
                }
                Ok(BalanceRule::EachParty { parties: out })
            }
            BalanceRule::AtLeastParties { n: 0 } => Err(BalanceError::ZeroParties),
            BalanceRule::AtLeastParties { n } => Ok(BalanceRule::AtLeastParties { n: *n }),
        }
    }
}

/// Checks and normalises a round's rules: each valid, at most one of each kind.
pub fn normalise_rules(rules: &[BalanceRule]) -> Result<Vec<BalanceRule>, BalanceError> {
    let each = rules
        .iter()
        .filter(|r| matches!(r, BalanceRule::EachParty { .. }))
        .count();
    if each > 1 || rules.len() - each > 1 {
        return Err(BalanceError::DuplicateRule);
    }
    rules.iter().map(BalanceRule::normalised).collect()
}

/// Party names compare without regard to case or surrounding spaces.
fn key(p: &str) -> String {
    p.trim().to_lowercase()
}

/// Every (candidate, rule) that is broken, in the order of `candidates` and then
/// of `rules`. An assessor in `absent`, or excluded from a candidate by a conflict
/// of interest, does not count for that candidate; an assessor without a party
/// counts for no party.
pub fn check_balance(
    rules: &[BalanceRule],
    assessors: &[BalanceAssessor],
    candidates: &[String],
    exclusions: &[Exclusion],
    absent: &[String],
) -> Vec<BalanceGap> {
    let all_parties: BTreeSet<String> = assessors
        .iter()
        .filter(|a| !absent.contains(&a.id))
        .filter_map(|a| a.party.as_deref())
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    let mut gaps = Vec::new();
    for c in candidates {
        // Display names as the assessors' records spell them, deduplicated by key.
        let mut present: Vec<String> = Vec::new();
        for a in assessors {
            if absent.contains(&a.id)
                || exclusions
                    .iter()
                    .any(|e| &e.candidate == c && e.assessor == a.id)
            {
                continue;
            }
            if let Some(p) = a.party.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
                if !present.iter().any(|q| key(q) == key(p)) {
                    present.push(p.to_owned());
                }
            }
        }
        present.sort_by_key(|p| key(p));
        for rule in rules {
            let missing: Vec<String> = match rule {
                BalanceRule::EachParty { parties } => parties
                    .iter()
                    .filter(|p| !present.iter().any(|q| key(q) == key(p)))
                    .map(|p| p.trim().to_owned())
                    .collect(),
                BalanceRule::AtLeastParties { n } => {
                    if present.len() >= *n as usize {
                        continue;
                    }
                    all_parties
                        .iter()
                        .filter(|p| !present.iter().any(|q| key(q) == key(p)))
                        .cloned()
                        .collect()
                }
            };
            if matches!(rule, BalanceRule::EachParty { .. }) && missing.is_empty() {
                continue;
            }
            gaps.push(BalanceGap {
                candidate: c.clone(),
                rule: rule.clone(),
                present: present.clone(),
                missing,
            });
        }
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(id: &str, party: Option<&str>) -> BalanceAssessor {
        BalanceAssessor {
            id: id.into(),
            party: party.map(Into::into),
        }
    }

    fn x(assessor: &str, candidate: &str) -> Exclusion {
        Exclusion {
            assessor: assessor.into(),
            candidate: candidate.into(),
        }
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_owned()).collect()
    }

    /// Three coalition parties, four assessors; K-2 loses its only CDA assessor to
    /// a conflict, K-3 loses both VVD assessors to an absence and a conflict.
    fn round() -> (Vec<BalanceAssessor>, Vec<String>) {
        (
            vec![
                a("gerrit", Some("VVD")),
                a("priya", Some("D66")),
                a("marloes", Some("CDA")),
                a("kees", Some("vvd ")),
                a("ellen", None),
            ],
            s(&["K-1", "K-2", "K-3"]),
        )
    }

    #[test]
    fn each_party_names_the_candidate_and_the_parties_it_lacks() {
        let (assessors, candidates) = round();
        let rule = BalanceRule::EachParty {
            parties: s(&["VVD", "D66", "CDA"]),
        };
        let gaps = check_balance(
            std::slice::from_ref(&rule),
            &assessors,
            &candidates,
            &[x("marloes", "K-2"), x("kees", "K-3")],
            &s(&["gerrit"]),
        );
        assert_eq!(gaps.len(), 2);
        assert_eq!(gaps[0].candidate, "K-2");
        assert_eq!(gaps[0].missing, s(&["CDA"]));
        assert_eq!(gaps[0].present, s(&["D66", "vvd"]));
        assert_eq!(gaps[1].candidate, "K-3");
        assert_eq!(gaps[1].missing, s(&["VVD"]));
        assert_eq!(
            gaps[0].message().nl,
            "Kandidaat K-2 wordt door niemand van CDA gescoord."
        );
        // Without the absence and the conflicts, nothing is missing.
        assert!(check_balance(&[rule], &assessors, &candidates, &[], &[]).is_empty());
    }

    #[test]
    fn several_missing_parties_are_listed_in_the_rule_s_order() {
        let (assessors, candidates) = round();
        let rule = BalanceRule::EachParty {
            parties: s(&["GroenLinks", "VVD", "PvdA"]),
        };
        let gaps = check_balance(&[rule], &assessors, &candidates[..1], &[], &[]);
        assert_eq!(gaps[0].missing, s(&["GroenLinks", "PvdA"]));
        assert_eq!(
            gaps[0].message().en,
            "Candidate K-1 is scored by nobody from GroenLinks and PvdA."
        );
    }

    #[test]
    fn at_least_n_parties_counts_distinct_parties_not_assessors() {
        let (assessors, candidates) = round();
        let rule = BalanceRule::AtLeastParties { n: 2 };
        // K-1: only the two VVD assessors remain (and the one without a party).
        let ex = [x("priya", "K-1"), x("marloes", "K-1")];
        let gaps = check_balance(
            std::slice::from_ref(&rule),
            &assessors,
            &candidates,
            &ex,
            &[],
        );
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].candidate, "K-1");
        assert_eq!(gaps[0].present, s(&["VVD"]));
        assert_eq!(gaps[0].missing, s(&["CDA", "D66"]));
        assert_eq!(
            gaps[0].message().nl,
            "Kandidaat K-1 wordt gescoord door beoordelaars van 1 partij (VVD); de regel vraagt er minstens 2."
        );
        // Three parties are there for everyone else; four are not.
        let four = check_balance(
            &[BalanceRule::AtLeastParties { n: 4 }],
            &assessors,
            &candidates,
            &[],
            &[],
        );
        assert_eq!(four.len(), 3);
    }

    #[test]
    fn a_rule_must_make_sense() {
        assert_eq!(
            BalanceRule::EachParty { parties: vec![] }.normalised(),
            Err(BalanceError::NoParties)
        );
        assert_eq!(
            BalanceRule::EachParty {
                parties: s(&["VVD", " vvd"])
            }
            .normalised(),
            Err(BalanceError::DuplicateParty {
                party: "vvd".into()
            })
        );
        assert!(matches!(
            BalanceRule::EachParty {
                parties: s(&["  "])
            }
            .normalised(),
            Err(BalanceError::BadParty { .. })
        ));
        assert_eq!(
            BalanceRule::AtLeastParties { n: 0 }.normalised(),
            Err(BalanceError::ZeroParties)
        );
        assert_eq!(
            normalise_rules(&[
                BalanceRule::AtLeastParties { n: 1 },
                BalanceRule::AtLeastParties { n: 2 }
            ]),
            Err(BalanceError::DuplicateRule)
        );
        assert_eq!(
            normalise_rules(&[BalanceRule::EachParty {
                parties: s(&[" VVD "])
            }]),
            Ok(vec![BalanceRule::EachParty {
                parties: s(&["VVD"])
            }])
        );
    }
}
