//! The chair's balance rules for a round: checked with the round's assessors and
//! their parties and the exclusions for a conflict of interest, in the transaction
//! that opens the round. A broken rule refuses the opening and names which
//! candidate lacks whom; the rules a round opened with are in its `round_opened`
//! log entry.

use maatstaf_core::assessor::Exclusion;
use maatstaf_core::formation::{check_balance, normalise_rules, BalanceAssessor, BalanceRule};
use maatstaf_core::scoring::AssessorSetup;
use rusqlite::Connection;

use crate::error::{Result, StoreError};

/// The rules, normalised, if every candidate satisfies them.
pub(crate) fn check_round_balance(
    conn: &Connection,
    team_id: i64,
    rules: &[BalanceRule],
    assessors: &[AssessorSetup],
    candidates: &[String],
    exclusions: &[Exclusion],
) -> Result<Vec<BalanceRule>> {
    let rules = normalise_rules(rules)?;
    if rules.is_empty() {
        return Ok(rules);
    }
    let mut with_party = Vec::with_capacity(assessors.len());
    for a in assessors {
        let id: i64 =
            a.id.parse()
                .map_err(|_| StoreError::ScoringDamaged(format!("assessor id {}", a.id)))?;
        let party = crate::teams::team_member(conn, team_id, id)?.and_then(|m| m.party);
        with_party.push(BalanceAssessor {
            id: a.id.clone(),
            party,
        });
    }
    let gaps = check_balance(&rules, &with_party, candidates, exclusions, &[]);
    if gaps.is_empty() {
        Ok(rules)
    } else {
        Err(StoreError::BalanceBroken(gaps))
    }
}

#[cfg(test)]
mod tests {
    use maatstaf_core::assessor::ConflictKind;
    use maatstaf_core::formation::BalanceError;
    use maatstaf_core::ledger::EntryKind;
    use maatstaf_core::scoring::ScoringMode;

    use super::*;
    use crate::scoring::AssessorChoice;
    use crate::Store;

    const PARTIES: [&str; 3] = ["Voorbeeld Lokaal", "Groen Voorbeeld", "Sociaal Voorbeeld"];

    fn each_party() -> Vec<BalanceRule> {
        vec![BalanceRule::EachParty {
            parties: PARTIES.iter().map(|p| (*p).to_owned()).collect(),
        }]
    }

    /// The demo team after its revealed round 1, with Priya (the only assessor of
    /// Groen Voorbeeld) excluded from K-2XH for a family tie.
    fn demo_with_conflict() -> (tempfile::TempDir, Store, i64, i64, Vec<AssessorChoice>) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let team = store.list_teams().unwrap()[0].id;
        let members = store.scoring_members(team).unwrap();
        let id = |name: &str| members.iter().find(|m| m.name == name).unwrap().id;
        let chair = id("Anneke de Wit");
        crate::fixtures::demo_finish_open_round(&mut store, team);
        store
            .declare_conflict(
                team,
                id("Priya Ramdin"),
                "K-2XH",
                ConflictKind::Family,
                None,
            )
            .unwrap();
        let assessors = ["Gerrit Bosma", "Priya Ramdin", "Marloes Kuipers"]
            .iter()
            .map(|n| AssessorChoice {
                member_id: id(n),
                mode: ScoringMode::ByCandidate,
            })
            .collect();
        (dir, store, team, chair, assessors)
    }

    #[test]
    fn a_broken_rule_refuses_the_round_naming_who_is_missing_and_changes_nothing() {
        let (_dir, mut store, team, chair, assessors) = demo_with_conflict();
        let codes = store
            .next_round_plan(team)
            .unwrap()
            .unwrap()
            .carried
            .candidates;
        let before = store.ledger(team).unwrap().len();

        let err = store
            .open_next_round_balanced(team, chair, codes.clone(), assessors.clone(), &each_party())
            .unwrap_err();
        let StoreError::BalanceBroken(gaps) = &err else {
            panic!("{err}");
        };
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].candidate, "K-2XH");
        assert_eq!(gaps[0].missing, ["Groen Voorbeeld"]);
        assert_eq!(
            err.to_string(),
            "Candidate K-2XH is scored by nobody from Groen Voorbeeld."
        );
        assert_eq!(
            gaps[0].message().nl,
            "Kandidaat K-2XH wordt door niemand van Groen Voorbeeld gescoord."
        );
        // At least three parties is broken for the same candidate.
        assert!(matches!(
            store.open_next_round_balanced(
                team,
                chair,
                codes.clone(),
                assessors.clone(),
                &[BalanceRule::AtLeastParties { n: 3 }],
            ),
            Err(StoreError::BalanceBroken(g)) if g.len() == 1 && g[0].present.len() == 2
        ));
        // A rule that is not a rule is refused as such.
        assert!(matches!(
            store.open_next_round_balanced(
                team,
                chair,
                codes.clone(),
                assessors.clone(),
                &[BalanceRule::EachParty { parties: vec![] }],
            ),
            Err(StoreError::Balance(BalanceError::NoParties))
        ));
        // Nothing was saved: no round 3, no log entry.
        assert_eq!(store.ledger(team).unwrap().len(), before);
        assert_eq!(store.next_round_plan(team).unwrap().unwrap().number, 3);

        // Without K-2XH the rule holds, the round opens and its log entry has the rule.
        let others: Vec<String> = codes.into_iter().filter(|c| c != "K-2XH").collect();
        let n = store
            .open_next_round_balanced(team, chair, others, assessors, &each_party())
            .unwrap();
        assert_eq!(n, 3);
        let log = store.ledger(team).unwrap();
        let opened = log
            .iter()
            .rev()
            .find(|e| e.kind == EntryKind::RoundOpened)
            .unwrap();
        assert_eq!(opened.payload["balance_rules"][0]["kind"], "each_party");
        assert_eq!(
            opened.payload["balance_rules"][0]["parties"],
            serde_json::json!(PARTIES)
        );
    }

    #[test]
    fn at_least_two_parties_is_met_despite_the_conflict() {
        let (_dir, mut store, team, chair, assessors) = demo_with_conflict();
        let codes = store
            .next_round_plan(team)
            .unwrap()
            .unwrap()
            .carried
            .candidates;
        let rule = [BalanceRule::AtLeastParties { n: 2 }];
        assert_eq!(
            store
                .open_next_round_balanced(team, chair, codes, assessors, &rule)
                .unwrap(),
            3
        );
    }
}
