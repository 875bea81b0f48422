//! Importing on the team's laptop: score packages (checked, decrypted, replayed
//! against the round and merged) and key files. At the reveal, the signed sheets of
//! the round's packages enter the log, so a committee can check its negotiator's
//! scores with that negotiator's key.

use maatstaf_core::access::Action;
use maatstaf_core::ledger::{sha256_hex, Actor as LedgerActor, EntryKind, Fingerprint};
use maatstaf_core::package::{
    replay_sheet, Envelope, Introduction, PackageError, PackageKind, ScorePackage, SheetBody,
};
use maatstaf_core::scoring::{Actor, Round, RoundStatus};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::json;

use super::super::conflicts::declare;
use super::super::reading::{load_round, load_sheets};
use super::super::writing::upsert_sheet_from;
use super::write::registered_key;
use super::{recipient, PackageImport};
use crate::error::{Result, StoreError};
use crate::sealing::Unlocked;
use crate::{cipher, clock, ledger, teams, Store};

impl Store {
    /// Imports a score package or a key file into the team `by` unlocked. Anything
    /// else, or anything that does not check out, is refused and changes nothing.
    pub fn import_team_package(&mut self, by: &Unlocked, bytes: &[u8]) -> Result<PackageImport> {
        let allowed = self.check_unlocked(by, Action::ExchangePackages)?;
        let envelope = Envelope::read(bytes)?;
        let identity = recipient::identity(&self.conn, by)?;
        let tx = self.conn.transaction()?;
        let outcome = match envelope.kind {
            PackageKind::Score => {
                let Some(identity) = identity else {
                    // The team never wrote a package, so none can be meant for it.
                    return Err(PackageError::OtherTeam.into());
                };
                import_score(&tx, by, &allowed.ledger, &identity, &envelope, bytes)?
            }
            PackageKind::Introduction => import_introduction(&tx, by, &allowed.ledger, &envelope)?,
            found => {
                return Err(PackageError::WrongKind {
                    expected: PackageKind::Score,
                    found,
                }
                .into())
            }
        };
        tx.commit()?;
        Ok(outcome)
    }
}

/// The member a package names, who must be in the team.
fn named_member(conn: &Connection, team_id: i64, assessor: &str) -> Result<teams::Member> {
    let id: i64 = assessor.parse().map_err(|_| PackageError::NotAssessor)?;
    teams::team_member(conn, team_id, id)?.ok_or(PackageError::NotAssessor.into())
}

/// Registers `signer` for the member, or checks it is the key registered already.
/// Returns whether it was registered now.
pub(super) fn check_key(
    tx: &Transaction<'_>,
    team_id: i64,
    officer: &LedgerActor,
    member: &teams::Member,
    envelope: &Envelope,
    via: &str,
) -> Result<bool> {
    match registered_key(tx, member.id)? {
        Some(known) if known == envelope.signer => Ok(false),
        Some(_) => Err(PackageError::ChangedAssessorKey.into()),
        None => {
            tx.execute(
                "INSERT INTO member_keys (member_id, public_key, registered_at) VALUES (?1, ?2, ?3)",
                params![member.id, envelope.signer, clock::now()],
            )?;
            ledger::append(
                tx,
                team_id,
                officer,
                EntryKind::AssessorKeyRegistered,
                json!({
                    "member_id": member.id.to_string(),
                    "fingerprint": envelope.fingerprint()?.as_str(),
                    "via": via,
                }),
            )?;
            Ok(true)
        }
    }
}

fn import_introduction(
    tx: &Transaction<'_>,
    by: &Unlocked,
    officer: &LedgerActor,
    envelope: &Envelope,
) -> Result<PackageImport> {
    let intro = Introduction::read(envelope)?;
    if intro.team_uid != by.uid() {
        return Err(PackageError::OtherTeam.into());
    }
    let member = named_member(tx, by.team_id(), &intro.assessor)?;
    let fingerprint = envelope.fingerprint()?.as_str().to_owned();
    let registered = check_key(tx, by.team_id(), officer, &member, envelope, "key_file")?;
    Ok(if registered {
        PackageImport::KeyRegistered {
            assessor: member.name,
            fingerprint,
        }
    } else {
        PackageImport::KeyKnown {
            assessor: member.name,
            fingerprint,
        }
    })
}

fn import_score(
    tx: &Transaction<'_>,
    by: &Unlocked,
    officer: &LedgerActor,
    identity: &str,
    envelope: &Envelope,
    bytes: &[u8],
) -> Result<PackageImport> {
    let team_id = by.team_id();
    let package = ScorePackage::read(envelope)?;
    if package.team_uid != by.uid() {
        return Err(PackageError::OtherTeam.into());
    }
    let member = named_member(tx, team_id, &package.assessor)?;
    let sha = sha256_hex(bytes);
    let seen: bool = tx.query_row(
        "SELECT count(*) > 0 FROM score_packages WHERE team_id = ?1 AND sha256 = ?2",
        params![team_id, sha],
        |r| r.get(0),
    )?;
    if seen {
        return Ok(PackageImport::AlreadyImported {
            round: package.round,
            assessor: member.name,
        });
    }
    let round = match load_round(tx, team_id, package.round) {
        Err(StoreError::NoSuchRound(round)) => {
            return Err(PackageError::NoSuchRound { round }.into())
        }
        other => other?,
    };
    if !matches!(round.status(), RoundStatus::Open) {
        return Err(PackageError::RoundNotOpen {
            round: package.round,
        }
        .into());
    }
    if !round.is_assessor(&package.assessor) {
        return Err(PackageError::NotAssessor.into());
    }
    if let Some(known) = registered_key(tx, member.id)? {
        if known != envelope.signer {
            return Err(PackageError::ChangedAssessorKey.into());
        }
    }
    let quoted: Option<String> = tx
        .query_row(
            "SELECT hash FROM ledger WHERE team_id = ?1 AND seq = ?2",
            params![team_id, package.chain_head.seq as i64],
            |r| r.get(0),
        )
        .optional()?;
    if quoted.as_deref() != Some(package.chain_head.hash.as_str()) {
        return Err(PackageError::UnknownChainHead.into());
    }
    let sealed = hex::decode(&package.sealed).map_err(|_| PackageError::Unreadable)?;
    let inner_bytes = cipher::decrypt_with(identity, &sealed)?;
    let (inner, body) = package.open_inner(envelope, &inner_bytes)?;
    let signed_sheet = String::from_utf8(inner.to_bytes()).expect("JSON is UTF-8");

    let current = load_sheets(tx, team_id, package.round)?
        .into_iter()
        .find(|s| s.assessor() == package.assessor);
    let fingerprint = envelope.fingerprint()?.as_str().to_owned();
    if current.as_ref().is_some_and(|s| s.is_submitted()) {
        // A sheet is in already (from this laptop or an earlier package): the chair
        // chooses, with a reason. The package waits, unapplied.
        store_package(
            tx,
            team_id,
            &package,
            &sha,
            bytes,
            &signed_sheet,
            "conflict",
        )?;
        ledger::append(
            tx,
            team_id,
            officer,
            EntryKind::ScorePackageConflict,
            json!({ "round": package.round, "member_id": package.assessor, "sha256": sha }),
        )?;
        return Ok(PackageImport::Conflict {
            round: package.round,
            assessor: member.name,
        });
    }
    let key_registered = check_key(tx, team_id, officer, &member, envelope, "score_package")?;
    let sheet_sha256 = merge_sheet(tx, team_id, &member, &round, &body)?;
    store_package(tx, team_id, &package, &sha, bytes, &signed_sheet, "merged")?;
    ledger::append(
        tx,
        team_id,
        officer,
        EntryKind::ScorePackageImported,
        json!({
            "round": package.round,
            "member_id": package.assessor,
            "fingerprint": fingerprint,
            "sha256": sha,
            "sheet_sha256": sheet_sha256,
            "package": serde_json::from_slice::<serde_json::Value>(bytes).map_err(|_| PackageError::Unreadable)?,
        }),
    )?;
    Ok(PackageImport::Merged {
        round: package.round,
        assessor: member.name,
        fingerprint,
        key_registered,
    })
}

/// Records the assessor's declarations as if made here, then replays their sheet
/// against the round as it now stands and stores it as submitted, from a package.
/// Returns the stored sheet's hash, as a submit on this laptop logs it.
pub(super) fn merge_sheet(
    tx: &Transaction<'_>,
    team_id: i64,
    member: &teams::Member,
    round: &Round,
    body: &SheetBody,
) -> Result<String> {
    for tie in &body.declarations {
        declare(
            tx,
            team_id,
            member.id,
            &tie.candidate,
            tie.kind,
            tie.note.as_deref(),
        )?;
    }
    // Declarations may have added exclusions to the round.
    let round = if body.declarations.is_empty() {
        round.clone()
    } else {
        load_round(tx, team_id, round.number())?
    };
    let actor = Actor::new(member.id.to_string(), member.role);
    let previous = if round.number() > 1 {
        load_sheets(tx, team_id, round.number() - 1)?
            .into_iter()
            .find(|s| s.assessor() == actor.id && s.is_submitted())
    } else {
        None
    };
    let sheet =
        replay_sheet(&round, &actor, previous.as_ref(), &body.sheet).map_err(PackageError::from)?;
    Ok(upsert_sheet_from(tx, team_id, &sheet, "package")?.expect("a replayed sheet is submitted"))
}

fn store_package(
    tx: &Transaction<'_>,
    team_id: i64,
    package: &ScorePackage,
    sha: &str,
    bytes: &[u8],
    signed_sheet: &str,
    state: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO score_packages (team_id, round, assessor, sha256, package, signed_sheet, state, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            team_id,
            package.round,
            package.assessor,
            sha,
            bytes,
            signed_sheet,
            state,
            clock::now()
        ],
    )?;
    Ok(())
}

/// Called in the reveal's transaction: every merged package's signed sheet enters the
/// log as it was signed. Before the reveal the log holds only hashes and ciphertext.
pub(crate) fn log_opened_packages(tx: &Transaction<'_>, team_id: i64, round: u32) -> Result<()> {
    let mut stmt = tx.prepare(
        "SELECT assessor, signed_sheet FROM score_packages
         WHERE team_id = ?1 AND round = ?2 AND state = 'merged' ORDER BY assessor",
    )?;
    let rows: Vec<(String, String)> = stmt
        .query_map(params![team_id, round], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (assessor, signed) in rows {
        let signed: serde_json::Value = serde_json::from_str(&signed)
            .map_err(|e| StoreError::ScoringDamaged(format!("signed sheet: {e}")))?;
        ledger::append(
            tx,
            team_id,
            &LedgerActor::System,
            EntryKind::ScorePackageOpened,
            json!({ "round": round, "member_id": assessor, "signed_sheet": signed }),
        )?;
    }
    Ok(())
}

/// The fingerprint of a stored public key, for the round screen.
pub(super) fn fingerprint_of(public_key: &str) -> Option<String> {
    maatstaf_core::ledger::verifying_key_from_hex(public_key)
        .map(|k| Fingerprint::of(&k).as_str().to_owned())
}
