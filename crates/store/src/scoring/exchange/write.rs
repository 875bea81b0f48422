//! Writing packages on the team's laptop: a round package for one assessor of an open
//! round, and a reveal package with the comparison sheet after the reveal. Both are
//! signed with the team key, which only an officer's unlock opens, and logged.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::{sha256_hex, EntryKind};
use maatstaf_core::package::{
    AssessorRef, ChainHead, Envelope, PackageError, PackageKind, RevealPackage, RoundPackage,
};
use maatstaf_core::scoring::{RoundStatus, RoundView, ScoringError};
use rusqlite::{Connection, OptionalExtension};
use serde_json::json;

use super::super::member;
use super::super::reading::{load_policy, load_round, load_sheets};
use super::{recipient, WrittenPackage};
use crate::error::{Result, StoreError};
use crate::sealing::Unlocked;
use crate::{candidates, clock, ledger, Store};

/// The team log's last entry: what a package quotes.
pub(super) fn chain_head(conn: &Connection, team_id: i64) -> Result<ChainHead> {
    let last = ledger::last_entry(conn, team_id)?.ok_or(StoreError::LedgerDamaged {
        seq: 0,
        detail: "the team has no log".into(),
    })?;
    Ok(ChainHead {
        seq: last.seq,
        hash: last.hash,
    })
}

pub(super) fn registered_key(conn: &Connection, member_id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT public_key FROM member_keys WHERE member_id = ?1",
            [member_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// A file name without the characters file systems or mail programs trip over.
pub(crate) fn file_part(text: &str) -> String {
    let slug: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    slug.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn round_file_name(number: u32, team: &str, assessor: &str) -> String {
    format!(
        "maatstaf-ronde-{number}-{}-{}.maatstaf",
        file_part(team),
        file_part(assessor)
    )
}

impl Store {
    /// The name the save dialog proposes for a round package.
    pub fn round_package_file_name(
        &self,
        team_id: i64,
        number: u32,
        assessor_member: i64,
    ) -> Result<String> {
        let team = self.team(team_id)?;
        let assessor = crate::teams::team_member(&self.conn, team_id, assessor_member)?
            .ok_or(StoreError::NoSuchMember(assessor_member))?;
        Ok(round_file_name(number, &team.name, &assessor.name))
    }

    /// The round package for one assessor of open round `number`: their part of the
    /// round, the blinded material, the conflict rules, their own previous sheet and
    /// the log's chain head, signed with the team key.
    pub fn write_round_package(
        &mut self,
        by: &Unlocked,
        number: u32,
        assessor_member: i64,
    ) -> Result<WrittenPackage> {
        let allowed = self.check_unlocked(by, Action::ExchangePackages)?;
        let signing = self.team_signing_key(by)?;
        let team = self.team(by.team_id())?;
        let tx = self.conn.transaction()?;
        let team_id = by.team_id();
        let round = load_round(&tx, team_id, number)?;
        if !matches!(round.status(), RoundStatus::Open) {
            return Err(PackageError::RoundNotOpen { round: number }.into());
        }
        let (assessor, _) = member(&tx, team_id, assessor_member)?;
        let assignment = round
            .assignment_for(&assessor.id)
            .map_err(|_| StoreError::Package(PackageError::NotAssessor))?;
        let material = candidates::blinded_candidates(&tx, team_id)?
            .into_iter()
            .filter(|c| round.candidates().contains(&c.code))
            .collect();
        let previous_sheet = if number > 1 {
            load_sheets(&tx, team_id, number - 1)?
                .into_iter()
                .find(|s| s.assessor() == assessor.id && s.is_submitted())
        } else {
            None
        };
        let name = crate::teams::team_member(&tx, team_id, assessor_member)?
            .ok_or(StoreError::NoSuchMember(assessor_member))?
            .name;
        let package = RoundPackage {
            team_uid: by.uid().to_owned(),
            team_name: team.name.clone(),
            team_recipient: recipient::ensure(&tx, by)?,
            round: assignment,
            assessor: AssessorRef {
                id: assessor.id.clone(),
                name: name.clone(),
            },
            assessor_key: registered_key(&tx, assessor_member)?,
            material,
            policy: load_policy(&tx, team_id)?,
            previous_sheet,
            chain_head: chain_head(&tx, team_id)?,
            written_at: clock::now(),
        };
        let bytes = Envelope::sign(PackageKind::Round, &package, &signing).to_bytes();
        ledger::append(
            &tx,
            team_id,
            &allowed.ledger,
            EntryKind::PackageWritten,
            json!({
                "kind": "round",
                "round": number,
                "member_id": assessor.id,
                "sha256": sha256_hex(&bytes),
                "chain_seq": package.chain_head.seq,
            }),
        )?;
        tx.commit()?;
        Ok(WrittenPackage {
            file_name: round_file_name(number, &team.name, &name),
            bytes,
        })
    }

    /// The reveal package of revealed round `number`: the comparison sheet everyone
    /// discusses from, signed with the team key.
    pub fn write_reveal_package(&mut self, by: &Unlocked, number: u32) -> Result<WrittenPackage> {
        let allowed = self.check_unlocked(by, Action::ExchangePackages)?;
        let RoundView::Revealed { comparison } =
            self.round_view(by.team_id(), by.member_id(), number)?
        else {
            return Err(ScoringError::NotRevealed.into());
        };
        let signing = self.team_signing_key(by)?;
        let team = self.team(by.team_id())?;
        let tx = self.conn.transaction()?;
        let package = RevealPackage {
            team_uid: by.uid().to_owned(),
            round: number,
            comparison: *comparison,
            chain_head: chain_head(&tx, by.team_id())?,
            written_at: clock::now(),
        };
        let bytes = Envelope::sign(PackageKind::Reveal, &package, &signing).to_bytes();
        ledger::append(
            &tx,
            by.team_id(),
            &allowed.ledger,
            EntryKind::PackageWritten,
            json!({
                "kind": "reveal",
                "round": number,
                "sha256": sha256_hex(&bytes),
                "chain_seq": package.chain_head.seq,
            }),
        )?;
        tx.commit()?;
        Ok(WrittenPackage {
            file_name: format!(
                "maatstaf-onthulling-ronde-{number}-{}.maatstaf",
                file_part(&team.name)
            ),
            bytes,
        })
    }
}
