//! Own-party leniency, measured on the decided round once the candidates are
//! unblinded: recorded in the log in the unblinding's transaction, and shown to the
//! officers who may see the names. Before the unblinding the core refuses it, so no
//! path here can reveal a candidate's party early.

use std::collections::HashMap;

use maatstaf_core::access::Action;
use maatstaf_core::formation::{own_party_leniency, OwnPartyLeniency};
use maatstaf_core::ledger::{Actor as LedgerActor, EntryKind};
use maatstaf_core::scoring::SelectionState;
use rusqlite::Connection;
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use super::reading::{load_round, submitted_ratings};
use crate::error::{Result, StoreError};
use crate::sealing::{open_identity, Unlocked};
use crate::{ledger, Store};

/// Own-party leniency on the round the decision rests on, assessors by name.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct OwnPartyReport {
    pub round: u32,
    pub leniency: OwnPartyLeniency,
}

fn measure(
    conn: &Connection,
    by: &Unlocked,
    team_id: i64,
    state: &SelectionState,
) -> Result<OwnPartyReport> {
    let round = state
        .decision
        .as_ref()
        .map(|d| d.round)
        .ok_or(StoreError::NoRounds)?;
    let codes = load_round(conn, team_id, round)?.candidates().to_vec();
    let mut candidate_parties = HashMap::new();
    for code in codes {
        let id: Option<i64> = rusqlite::OptionalExtension::optional(conn.query_row(
            "SELECT id FROM candidates WHERE team_id = ?1 AND code = ?2",
            rusqlite::params![team_id, code],
            |r| r.get(0),
        ))?;
        // An erased candidate has no identity left, and so no party.
        let Some(id) = id else { continue };
        if let Ok(identity) = open_identity(conn, by, id, &code) {
            if let Some(party) = identity.party {
                candidate_parties.insert(code, party);
            }
        }
    }
    let mut stmt = conn.prepare("SELECT id, name, party FROM members WHERE team_id = ?1")?;
    let members: Vec<(String, String, Option<String>)> = stmt
        .query_map([team_id], |r| {
            Ok((r.get::<_, i64>(0)?.to_string(), r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let assessor_parties: HashMap<String, String> = members
        .iter()
        .filter_map(|(id, _, party)| Some((id.clone(), party.clone()?)))
        .collect();
    let ratings = submitted_ratings(conn, team_id, round)?;
    let mut leniency = own_party_leniency(state, &ratings, &assessor_parties, &candidate_parties)?;
    for a in &mut leniency.assessors {
        if let Some((_, name, _)) = members.iter().find(|(id, _, _)| *id == a.assessor) {
            a.assessor = name.clone();
        }
    }
    Ok(OwnPartyReport { round, leniency })
}

/// Called in the unblinding's transaction, after the state is saved as unblinded:
/// the measurement enters the log (and so the logboek) at the moment it may be seen.
pub(crate) fn log_own_party_leniency(
    conn: &Connection,
    by: &Unlocked,
    team_id: i64,
    state: &SelectionState,
) -> Result<()> {
    let report = measure(conn, by, team_id, state)?;
    ledger::append(
        conn,
        team_id,
        &LedgerActor::System,
        EntryKind::OwnPartyLeniency,
        json!({
            "round": report.round,
            "assessors": report.leniency.assessors,
            "parties": report.leniency.parties,
        }),
    )?;
    Ok(())
}

impl Store {
    /// Own-party leniency for an officer who may see the names: only after the
    /// decision and the unblinding (refused before, by the access rules and the core).
    pub fn own_party_leniency(&self, by: &Unlocked) -> Result<OwnPartyReport> {
        self.check_unlocked(by, Action::ViewUnblinded)?;
        let state = super::reading::load_selection(&self.conn, by.team_id())?;
        measure(&self.conn, by, by.team_id(), &state)
    }
}

#[cfg(test)]
mod tests {
    use maatstaf_core::access::AccessError;
    use maatstaf_core::scoring::PortfolioChoice;
    use maatstaf_core::team::Role;

    use super::*;

    #[test]
    fn is_measured_at_the_unblinding_logged_and_refused_before() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let team = store.list_teams().unwrap()[0].id;
        crate::fixtures::demo_finish_open_round(&mut store, team);
        let chair = crate::fixtures::demo_unlock(&mut store, team, Role::Chair);
        // Before the decision and the unblinding: refused, and nothing in the log.
        assert!(matches!(
            store.own_party_leniency(&chair),
            Err(StoreError::Access(AccessError::UnblindingNeeded { .. }))
        ));
        let choice = PortfolioChoice {
            portfolio: "Wonen".into(),
            candidates: vec!["K-7F3".into()],
            reason: "Hoogste onderbouwde scores.".into(),
        };
        store
            .record_decision(team, chair.member_id(), vec![choice])
            .unwrap();
        assert!(
            store.own_party_leniency(&chair).is_err(),
            "decided, not unblinded"
        );
        // Not even the measurement in the core is possible then.
        let state = super::super::reading::load_selection(&store.conn, team).unwrap();
        assert!(matches!(
            measure(&store.conn, &chair, team, &state),
            Err(StoreError::Leniency(_))
        ));
        assert!(!store
            .ledger(team)
            .unwrap()
            .iter()
            .any(|e| e.kind == EntryKind::OwnPartyLeniency));

        store.unblind(&chair, "Besluit genomen").unwrap();
        let report = store.own_party_leniency(&chair).unwrap();
        // The latest round, 2, where the K-7F3 levels are those of round 1.
        assert_eq!(report.round, 2);
        // Gerrit Bosma (Voorbeeld Lokaal) on K-7F3 (Voorbeeld Lokaal): his 5 5 4 5 4 4
        // against the mean of Priya's 5 5 5 4 4 5 and Marloes' 4 5 4 5 5 4:
        // ½ + 0 − ½ + ½ − ½ − ½ = −½ over six criteria.
        let gerrit = report
            .leniency
            .assessors
            .iter()
            .find(|a| a.assessor == "Gerrit Bosma")
            .unwrap();
        assert_eq!(gerrit.party, "Voorbeeld Lokaal");
        assert_eq!(gerrit.n_cells, 6);
        assert!((gerrit.leniency.value().unwrap() + 1.0 / 12.0).abs() < 1e-12);
        let lokaal = report
            .leniency
            .parties
            .iter()
            .find(|p| p.party == "Voorbeeld Lokaal")
            .unwrap();
        assert_eq!((lokaal.n_cells, lokaal.n_candidates), (6, 1));
        assert!((lokaal.leniency.value().unwrap() + 1.0 / 12.0).abs() < 1e-12);

        // The same numbers are in the log, right after the unblinding, by code and
        // party, never a candidate's name.
        let log = store.ledger(team).unwrap();
        let kinds: Vec<EntryKind> = log.iter().map(|e| e.kind).collect();
        assert!(kinds.ends_with(&[EntryKind::Unblinded, EntryKind::OwnPartyLeniency]));
        let entry = log.last().unwrap();
        assert_eq!(entry.payload["round"], 2);
        assert_eq!(
            entry.payload["assessors"],
            serde_json::to_value(&report.leniency.assessors).unwrap()
        );
        assert!(!serde_json::to_string(&entry.payload)
            .unwrap()
            .contains("Hoekstra"));
    }
}
