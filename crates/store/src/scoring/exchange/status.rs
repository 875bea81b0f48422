//! What the round screen shows officers of the exchange with assessors' laptops.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::EntryKind;
use maatstaf_core::team::Role;
use rusqlite::params;

use super::super::reading::load_round;
use super::import::fingerprint_of;
use super::write::registered_key;
use super::{AssessorExchange, ExchangeStatus, PackageConflict};
use crate::error::Result;
use crate::{ledger, teams, Store};

impl Store {
    pub fn exchange_status(
        &self,
        team_id: i64,
        viewer: i64,
        number: u32,
    ) -> Result<ExchangeStatus> {
        let allowed = self.authorize(team_id, Action::ExchangePackages, Some(viewer))?;
        let round = load_round(&self.conn, team_id, number)?;
        let written = ledger::entries(&self.conn, team_id)?
            .into_iter()
            .filter(|e| {
                e.kind == EntryKind::PackageWritten
                    && e.payload["kind"] == "round"
                    && e.payload["round"] == number
            })
            .filter_map(|e| e.payload["member_id"].as_str().map(str::to_owned))
            .collect::<Vec<_>>();
        let mut assessors = Vec::new();
        for id in round.assessor_ids() {
            let Ok(member_id) = id.parse::<i64>() else {
                continue;
            };
            let Some(member) = teams::team_member(&self.conn, team_id, member_id)? else {
                continue;
            };
            let package_imported: bool = self.conn.query_row(
                "SELECT count(*) > 0 FROM score_packages
                 WHERE team_id = ?1 AND round = ?2 AND assessor = ?3 AND state = 'merged'",
                params![team_id, number, id],
                |r| r.get(0),
            )?;
            assessors.push(AssessorExchange {
                member_id,
                name: member.name,
                fingerprint: registered_key(&self.conn, member_id)?
                    .and_then(|k| fingerprint_of(&k)),
                round_packages: written.iter().filter(|w| *w == id).count() as u32,
                package_imported,
            });
        }
        let is_chair = allowed
            .member
            .as_ref()
            .is_some_and(|m| m.role == Role::Chair);
        let conflicts = if is_chair {
            let mut stmt = self.conn.prepare(
                "SELECT p.id, p.assessor, p.imported_at,
                        (SELECT source FROM score_sheets s WHERE s.team_id = p.team_id
                           AND s.round = p.round AND s.assessor = p.assessor) = 'package'
                 FROM score_packages p
                 WHERE p.team_id = ?1 AND p.round = ?2 AND p.state = 'conflict' ORDER BY p.id",
            )?;
            let rows: Vec<(i64, String, String, Option<bool>)> = stmt
                .query_map(params![team_id, number], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            rows.into_iter()
                .map(|(package_id, assessor, imported_at, from_package)| {
                    let member_id = assessor.parse().unwrap_or_default();
                    let name = teams::team_member(&self.conn, team_id, member_id)?
                        .map_or(assessor, |m| m.name);
                    Ok(PackageConflict {
                        package_id,
                        round: number,
                        member_id,
                        name,
                        imported_at,
                        current_from_package: from_package.unwrap_or(false),
                    })
                })
                .collect::<Result<_>>()?
        } else {
            Vec::new()
        };
        Ok(ExchangeStatus {
            round: number,
            assessors,
            conflicts,
        })
    }
}
