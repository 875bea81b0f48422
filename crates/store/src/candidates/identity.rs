//! Who a code stands for: read only by an officer, and each look logged by code.

use maatstaf_core::access::Action;
use maatstaf_core::blinding::{Identity, IsoDate};
use maatstaf_core::ledger::{Actor as LedgerActor, EntryKind};
use serde_json::json;

use super::CandidateIdentity;
use crate::error::Result;
use crate::{ledger, Store};

impl Store {
    /// Who a code stands for: for the intake screen, for the secretary or the chair.
    /// The look is logged (who, which code).
    pub fn candidate_identity(
        &mut self,
        team_id: i64,
        actor: Option<i64>,
        code: &str,
    ) -> Result<CandidateIdentity> {
        let who = self.authorize(team_id, Action::ViewIdentity, actor)?;
        let id = self.candidate_id(team_id, code)?;
        let identity = self.identity_of(id, code)?;
        self.log_look(team_id, &who.ledger, EntryKind::IdentityViewed, code)?;
        Ok(identity)
    }

    pub(super) fn log_look(
        &mut self,
        team_id: i64,
        who: &LedgerActor,
        kind: EntryKind,
        code: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        ledger::append(&tx, team_id, who, kind, json!({ "candidate_code": code }))?;
        tx.commit()?;
        Ok(())
    }

    /// The stored identity, unchecked: callers have checked the actor.
    fn identity_of(&self, id: i64, code: &str) -> Result<CandidateIdentity> {
        let identity = self.conn.query_row(
            "SELECT name, aliases, party, contact, birth_date, birth_place, extra
             FROM candidate_identities WHERE candidate_id = ?1",
            [id],
            |r| {
                let aliases: String = r.get(1)?;
                let extra: String = r.get(6)?;
                Ok(CandidateIdentity {
                    code: code.to_owned(),
                    name: r.get(0)?,
                    aliases: serde_json::from_str(&aliases).unwrap_or_default(),
                    party: r.get(2)?,
                    contact: r.get(3)?,
                    birth_date: r.get(4)?,
                    birth_place: r.get(5)?,
                    extra: serde_json::from_str(&extra).unwrap_or_default(),
                })
            },
        )?;
        Ok(identity)
    }

    pub(super) fn blinding_identity(&self, candidate_id: i64) -> Result<Identity> {
        let code: String = self.conn.query_row(
            "SELECT code FROM candidates WHERE id = ?1",
            [candidate_id],
            |r| r.get(0),
        )?;
        let c = self.identity_of(candidate_id, &code)?;
        let mut extra = c.extra;
        if let Some(contact) = &c.contact {
            extra.extend(
                contact
                    .split([',', ';', '\n'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            );
        }
        Ok(Identity {
            name: c.name,
            aliases: c.aliases,
            party: c.party,
            birth_date: c.birth_date.as_deref().and_then(IsoDate::parse),
            birth_place: c.birth_place,
            extra,
        })
    }
}
