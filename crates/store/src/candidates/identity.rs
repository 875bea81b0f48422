//! Who a code stands for: read only by an officer, and each look logged by code.

use maatstaf_core::access::Action;
use maatstaf_core::blinding::{Identity, IsoDate};
use maatstaf_core::ledger::{Actor as LedgerActor, EntryKind};
use serde_json::json;

use super::CandidateIdentity;
use crate::error::Result;
use crate::sealing::{open_identity, Unlocked};
use crate::{ledger, Store};

impl Store {
    /// Who a code stands for: for the intake screen, for the secretary or the chair.
    /// The look is logged (who, which code).
    pub fn candidate_identity(&mut self, by: &Unlocked, code: &str) -> Result<CandidateIdentity> {
        let who = self.check_unlocked(by, Action::ViewIdentity)?;
        let id = self.candidate_id(by.team_id(), code)?;
        let identity = self.identity_of(by, id, code)?;
        self.log_look(by.team_id(), &who.ledger, EntryKind::IdentityViewed, code)?;
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

    /// The stored identity, opened with the unlock; callers have checked the actor.
    fn identity_of(&self, by: &Unlocked, id: i64, code: &str) -> Result<CandidateIdentity> {
        let i = open_identity(&self.conn, by, id, code)?;
        Ok(CandidateIdentity {
            code: code.to_owned(),
            name: i.name,
            aliases: i.aliases,
            party: i.party,
            contact: i.contact,
            birth_date: i.birth_date,
            birth_place: i.birth_place,
            extra: i.extra,
        })
    }

    pub(super) fn blinding_identity(&self, by: &Unlocked, candidate_id: i64) -> Result<Identity> {
        let code: String = self.conn.query_row(
            "SELECT code FROM candidates WHERE id = ?1",
            [candidate_id],
            |r| r.get(0),
        )?;
        let c = self.identity_of(by, candidate_id, &code)?;
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
