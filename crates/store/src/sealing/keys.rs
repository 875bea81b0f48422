//! Creating a team's keys, unlocking them with a passphrase, sharing them with another
//! officer, and sealing a team made before sealing existed (the hand-over).

use maatstaf_core::access::{pin_wait_secs, Action, OFFICERS};
use maatstaf_core::ledger::{
    public_key_hex, sign_handover, signing_key_from_seed, Actor, EntryKind, Fingerprint, SigningKey,
};
use maatstaf_core::seal::{
    check_passphrase, strength, Binding, KdfParams, KeySlot, SlotError, SlotKek, Strength, TeamKey,
};
use maatstaf_core::team::{clean_name, Role};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;
use zeroize::Zeroizing;

use super::fields::{seal_identity, seal_original};
use super::{rng, SealingError, Unlocked};
use crate::access::{pin_failures, PinRefusal};
use crate::candidates::IdentityInput;
use crate::error::{Result, StoreError};
use crate::teams::{clean_party, team_member, Member, TeamSummary};
use crate::{clock, ledger, Store};

/// The chair who creates a sealed team, with the passphrase they chose (typed twice).
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NewOfficer {
    pub name: String,
    #[serde(default)]
    pub party: Option<String>,
    pub passphrase: String,
    pub repeated: String,
}

/// A team created sealed: its chair is signed in and has unlocked it.
#[derive(Debug)]
pub struct SealedTeam {
    pub team: TeamSummary,
    pub chair_id: i64,
    pub unlocked: Unlocked,
}

/// Whether a team's data is sealed, with what, and who can open it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SealState {
    pub sealed: bool,
    /// The team's signing key, as a committee compares it.
    pub fingerprint: Option<Fingerprint>,
    /// Members with a passphrase for the sealed data.
    #[ts(type = "number[]")]
    pub with_access: Vec<i64>,
    /// Candidates of an unsealed team whose identity is stored in plain text.
    #[ts(type = "number")]
    pub plain_candidates: i64,
}

/// The key parts a team row holds.
struct TeamRow {
    uid: String,
    public_key: Option<String>,
    sealed_signing_key: Option<Vec<u8>>,
}

fn team_row(conn: &Connection, team_id: i64) -> Result<TeamRow> {
    conn.query_row(
        "SELECT uid, public_key, sealed_signing_key FROM teams WHERE id = ?1",
        [team_id],
        |r| {
            Ok(TeamRow {
                uid: r.get(0)?,
                public_key: r.get(1)?,
                sealed_signing_key: r.get(2)?,
            })
        },
    )
    .optional()?
    .ok_or(StoreError::NoSuchTeam(team_id))
}

/// A new random team id, as bound into the first log entry.
pub(crate) fn new_team_uid() -> String {
    let mut bytes = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rng(), &mut bytes);
    hex::encode(bytes)
}

/// How a new key slot is made: from the passphrase (the normal way), or from a key
/// derived once for a passphrase everybody knows (the demo team's officers).
pub(crate) enum SlotSource<'a> {
    Passphrase(&'a str),
    Derived(&'a SlotKek),
}

fn make_slot(key: &TeamKey, source: SlotSource<'_>, binding: Binding<'_>) -> Result<KeySlot> {
    Ok(match source {
        SlotSource::Passphrase(p) => KeySlot::wrap(key, p, binding, KdfParams::STRONG, &mut rng())
            .map_err(|_| SealingError::Damaged)?,
        SlotSource::Derived(kek) => kek.wrap(key, binding, &mut rng()),
    })
}

/// Gives `member` a slot for `key` (the team's data key, known to the caller).
pub(crate) fn add_slot(
    conn: &Connection,
    key: &TeamKey,
    uid: &str,
    member: i64,
    source: SlotSource<'_>,
) -> Result<()> {
    let slot = make_slot(key, source, Binding::Slot { team: uid, member })?;
    store_slot(conn, member, &slot)
}

fn store_slot(conn: &Connection, member_id: i64, slot: &KeySlot) -> Result<()> {
    conn.execute(
        "INSERT INTO key_slots (member_id, slot, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (member_id) DO UPDATE SET slot = excluded.slot, created_at = excluded.created_at",
        params![
            member_id,
            serde_json::to_string(slot).expect("a slot serialises"),
            clock::now()
        ],
    )?;
    // An officer of a sealed team signs in with the passphrase; an old PIN goes.
    conn.execute("DELETE FROM member_pins WHERE member_id = ?1", [member_id])?;
    conn.execute("DELETE FROM pin_failures WHERE member_id = ?1", [member_id])?;
    Ok(())
}

/// Makes the team's data key and signing key, stores the signing key sealed and the
/// data key in `officer`'s slot. Returns the data key and the signing key's fingerprint.
pub(crate) fn install_keys(
    conn: &Connection,
    team_id: i64,
    uid: &str,
    officer: i64,
    source: SlotSource<'_>,
) -> Result<(TeamKey, Fingerprint)> {
    let mut rng = rng();
    let data_key = TeamKey::generate(&mut rng);
    let mut seed = Zeroizing::new([0u8; 32]);
    rand::RngCore::fill_bytes(&mut rng, seed.as_mut());
    let signing = signing_key_from_seed(*seed);
    let public = signing.verifying_key();
    let sealed_seed = data_key.seal(Binding::SigningKey { team: uid }, seed.as_ref(), &mut rng);
    conn.execute(
        "UPDATE teams SET public_key = ?1, sealed_signing_key = ?2 WHERE id = ?3",
        params![public_key_hex(&public), sealed_seed, team_id],
    )?;
    add_slot(conn, &data_key, uid, officer, source)?;
    Ok((data_key, Fingerprint::of(&public)))
}

fn officer_of(conn: &Connection, team_id: i64, member_id: i64) -> Result<Member> {
    let member =
        team_member(conn, team_id, member_id)?.ok_or(StoreError::NoSuchMember(member_id))?;
    if !OFFICERS.contains(&member.role) {
        return Err(SealingError::NotAnOfficer { name: member.name }.into());
    }
    Ok(member)
}

fn slot_of(conn: &Connection, member_id: i64) -> Result<Option<KeySlot>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT slot FROM key_slots WHERE member_id = ?1",
            [member_id],
            |r| r.get(0),
        )
        .optional()?;
    json.map(|j| serde_json::from_str(&j).map_err(|_| SealingError::Damaged.into()))
        .transpose()
}

/// Whether the team has its own keys.
pub(crate) fn is_sealed(conn: &Connection, team_id: i64) -> Result<bool> {
    Ok(team_row(conn, team_id)?.public_key.is_some())
}

/// Whether `member_id` signs in with a passphrase (an officer with a key slot).
pub(crate) fn has_slot(conn: &Connection, member_id: i64) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM key_slots WHERE member_id = ?1",
            [member_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Store {
    /// Creates a team that is sealed from its first entry: a random team id and the
    /// team's own signing key are bound into `team_created`, the creator becomes its
    /// chair with a passphrase, and is signed in.
    pub fn create_sealed_team(&mut self, name: &str, chair: &NewOfficer) -> Result<SealedTeam> {
        let name = clean_name(name)?;
        let chair_name = clean_name(&chair.name)?;
        let party = clean_party(chair.party.as_deref())?;
        check_passphrase(&chair.passphrase, &chair.repeated, &[&chair_name, &name])
            .map_err(SealingError::from)?;
        let uid = new_team_uid();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO teams (name, created_at, uid) VALUES (?1, ?2, ?3)",
            params![name, clock::now(), uid],
        )?;
        let team_id = tx.last_insert_rowid();
        // The chair's row comes first so the slot can name them; the log still starts
        // with the team, because entries are appended in the order written here.
        tx.execute(
            "INSERT INTO members (team_id, name, role, party, created_at) VALUES (?1, ?2, 'chair', ?3, ?4)",
            params![team_id, chair_name, party, clock::now()],
        )?;
        let chair_id = tx.last_insert_rowid();
        let (key, fingerprint) = install_keys(
            &tx,
            team_id,
            &uid,
            chair_id,
            SlotSource::Passphrase(&chair.passphrase),
        )?;
        ledger::append(
            &tx,
            team_id,
            &Actor::System,
            EntryKind::TeamCreated,
            json!({ "team_name": name, "team_uid": uid, "fingerprint": fingerprint.as_str() }),
        )?;
        let as_chair = Actor::member(chair_id.to_string(), chair_name.clone());
        ledger::append(
            &tx,
            team_id,
            &as_chair,
            EntryKind::MemberAdded,
            json!({ "member_id": chair_id.to_string(), "name": chair_name, "role": Role::Chair.as_str(), "party": party }),
        )?;
        ledger::append(
            &tx,
            team_id,
            &as_chair,
            EntryKind::KeyAccessGranted,
            json!({ "member_id": chair_id.to_string(), "name": chair_name }),
        )?;
        tx.commit()?;
        Ok(SealedTeam {
            team: self.team(team_id)?,
            chair_id,
            unlocked: Unlocked::new(team_id, chair_id, Role::Chair, uid, key),
        })
    }

    /// Seals a team made before sealing existed, or made unsealed: `officer` sets the
    /// first passphrase, the team gets its own keys, every identity and original text
    /// is sealed and its plain copy erased (overwritten on disk), and the installation
    /// key signs the hand-over in the log. In a protected team `actor` must be `officer`.
    pub fn seal_team(
        &mut self,
        team_id: i64,
        officer: i64,
        actor: Option<i64>,
        passphrase: &str,
        repeated: &str,
    ) -> Result<Unlocked> {
        let who = self.authorize(team_id, Action::SealTeam, actor)?;
        let team = self.team(team_id)?;
        let member = officer_of(&self.conn, team_id, officer)?;
        if who.member_id().is_some_and(|m| m != officer) {
            return Err(SealingError::OwnPassphrase { name: member.name }.into());
        }
        check_passphrase(passphrase, repeated, &[&member.name, &team.name])
            .map_err(SealingError::from)?;
        let installation = self.signing_key()?;
        let row = team_row(&self.conn, team_id)?;
        if row.public_key.is_some() {
            return Err(SealingError::AlreadySealed.into());
        }
        let tx = self.conn.transaction()?;
        let (key, fingerprint) = install_keys(
            &tx,
            team_id,
            &row.uid,
            officer,
            SlotSource::Passphrase(passphrase),
        )?;
        let unlocked = Unlocked::new(team_id, officer, member.role, row.uid.clone(), key);
        let (identities, originals) = seal_plain_rows(&tx, &unlocked)?;
        // Other officers' PINs go too: they sign in with a passphrase of their own once
        // this officer gives them access.
        tx.execute(
            "DELETE FROM member_pins WHERE member_id IN
                 (SELECT id FROM members WHERE team_id = ?1 AND role IN ('chair', 'secretary'))",
            [team_id],
        )?;
        let head = ledger::last_entry(&tx, team_id)?
            .map(|e| e.hash)
            .unwrap_or_default();
        let (installation_key, signature) =
            sign_handover(&installation, &row.uid, &head, fingerprint.as_str());
        let by = Actor::member(officer.to_string(), member.name.clone());
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::TeamSealed,
            json!({
                "team_uid": row.uid,
                "fingerprint": fingerprint.as_str(),
                "sealed_identities": identities,
                "sealed_texts": originals,
                "installation_key": installation_key,
                "handover_signature": signature,
            }),
        )?;
        ledger::append(
            &tx,
            team_id,
            &by,
            EntryKind::KeyAccessGranted,
            json!({ "member_id": officer.to_string(), "name": member.name }),
        )?;
        tx.commit()?;
        self.erase_free_space()?;
        Ok(unlocked)
    }

    /// Opens the team's sealed data with an officer's passphrase: their sign-in. Wrong
    /// passphrases count towards the same back-off as wrong PINs, and are logged.
    pub fn unlock(
        &mut self,
        team_id: i64,
        member_id: i64,
        passphrase: &str,
    ) -> Result<std::result::Result<Unlocked, PinRefusal>> {
        self.unlock_at(team_id, member_id, passphrase, unix_now())
    }

    pub(crate) fn unlock_at(
        &mut self,
        team_id: i64,
        member_id: i64,
        passphrase: &str,
        now: u64,
    ) -> Result<std::result::Result<Unlocked, PinRefusal>> {
        let member = officer_of(&self.conn, team_id, member_id)?;
        let row = team_row(&self.conn, team_id)?;
        if row.public_key.is_none() {
            return Err(SealingError::NotSealed.into());
        }
        let Some(slot) = slot_of(&self.conn, member_id)? else {
            return Err(SealingError::NoAccess { name: member.name }.into());
        };
        let (failures, last_at) = pin_failures(&self.conn, member_id)?;
        let wait = pin_wait_secs(failures, last_at, now);
        if wait > 0 {
            return Ok(Err(PinRefusal::Wait { seconds: wait }));
        }
        let binding = Binding::Slot {
            team: &row.uid,
            member: member_id,
        };
        match slot.open(passphrase, binding) {
            Ok(key) => {
                self.conn
                    .execute("DELETE FROM pin_failures WHERE member_id = ?1", [member_id])?;
                Ok(Ok(Unlocked::new(
                    team_id,
                    member_id,
                    member.role,
                    row.uid,
                    key,
                )))
            }
            Err(SlotError::WrongPassphrase) => Ok(Err(
                self.record_sign_in_failure(team_id, &member, failures, now)?
            )),
            Err(SlotError::Damaged) => Err(SealingError::Damaged.into()),
        }
    }

    /// Gives `member_id` (a chair or secretary) access to the sealed data with a
    /// passphrase they type themselves, or a new one when they lost theirs. Needs an
    /// officer who has unlocked the team.
    pub fn grant_access(
        &mut self,
        by: &Unlocked,
        member_id: i64,
        passphrase: &str,
        repeated: &str,
    ) -> Result<()> {
        let who = self.check_unlocked(by, Action::GrantAccess)?;
        let team = self.team(by.team_id)?;
        let member = officer_of(&self.conn, by.team_id, member_id)?;
        check_passphrase(passphrase, repeated, &[&member.name, &team.name])
            .map_err(SealingError::from)?;
        let replaced = has_slot(&self.conn, member_id)?;
        let slot = make_slot(
            &by.key,
            SlotSource::Passphrase(passphrase),
            Binding::Slot {
                team: &by.team_uid,
                member: member_id,
            },
        )?;
        let tx = self.conn.transaction()?;
        store_slot(&tx, member_id, &slot)?;
        ledger::append(
            &tx,
            by.team_id,
            &who.ledger,
            EntryKind::KeyAccessGranted,
            json!({ "member_id": member_id.to_string(), "name": member.name, "replaced": replaced }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Whether `member_id` signs in with a passphrase rather than a PIN.
    pub fn uses_passphrase(&self, team_id: i64, member_id: i64) -> Result<bool> {
        team_member(&self.conn, team_id, member_id)?.ok_or(StoreError::NoSuchMember(member_id))?;
        has_slot(&self.conn, member_id)
    }

    /// See [`SealState`].
    pub fn seal_state(&self, team_id: i64) -> Result<SealState> {
        let row = team_row(&self.conn, team_id)?;
        let mut stmt = self.conn.prepare(
            "SELECT k.member_id FROM key_slots k JOIN members m ON m.id = k.member_id
             WHERE m.team_id = ?1 ORDER BY k.member_id",
        )?;
        let with_access = stmt
            .query_map([team_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let plain_candidates = self.conn.query_row(
            "SELECT count(*) FROM candidate_identities i JOIN candidates c ON c.id = i.candidate_id
             WHERE c.team_id = ?1",
            [team_id],
            |r| r.get(0),
        )?;
        Ok(SealState {
            sealed: row.public_key.is_some(),
            fingerprint: row
                .public_key
                .as_deref()
                .and_then(maatstaf_core::ledger::verifying_key_from_hex)
                .map(|k| Fingerprint::of(&k)),
            with_access,
            plain_candidates,
        })
    }

    /// The hint under a passphrase field while `name` (the member) types it.
    pub fn passphrase_strength(
        &self,
        team_id: i64,
        name: &str,
        passphrase: &str,
    ) -> Result<Strength> {
        let team = self.team(team_id)?;
        Ok(strength(passphrase, &[name, &team.name]))
    }

    /// The team's own signing key, opened with the officer's unlock.
    pub(crate) fn team_signing_key(&self, by: &Unlocked) -> Result<SigningKey> {
        let row = team_row(&self.conn, by.team_id)?;
        let sealed = row
            .sealed_signing_key
            .ok_or(StoreError::Sealing(SealingError::NotSealed))?;
        let seed = by
            .key
            .open(Binding::SigningKey { team: &by.team_uid }, &sealed)
            .map_err(|_| SealingError::Damaged)?;
        let seed: [u8; 32] = seed
            .as_slice()
            .try_into()
            .map_err(|_| SealingError::Damaged)?;
        Ok(signing_key_from_seed(seed))
    }

    /// Asks the access rules with the officer who unlocked as the actor, after checking
    /// the unlock belongs to this team as it is now.
    pub(crate) fn check_unlocked(
        &self,
        by: &Unlocked,
        action: Action,
    ) -> Result<crate::access::Allowed> {
        let row = team_row(&self.conn, by.team_id)?;
        if row.uid != by.team_uid {
            return Err(SealingError::OtherTeam.into());
        }
        if row.public_key.is_none() {
            return Err(SealingError::NotSealed.into());
        }
        self.authorize(by.team_id, action, Some(by.member_id))
    }

    /// Rewrites the database without its free pages and empties the write-ahead log,
    /// so erased plain text is gone from the files, not only from the tables.
    pub(crate) fn erase_free_space(&mut self) -> Result<()> {
        self.conn.execute_batch("VACUUM;")?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// Seals an unsealed team's plain identities and original texts, and erases the plain
/// copies. Returns how many of each.
fn seal_plain_rows(conn: &Connection, by: &Unlocked) -> Result<(usize, usize)> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.code, i.name, i.aliases, i.party, i.contact, i.birth_date, i.birth_place, i.extra
         FROM candidates c JOIN candidate_identities i ON i.candidate_id = c.id
         WHERE c.team_id = ?1",
    )?;
    let plain: Vec<(i64, String, IdentityInput)> = stmt
        .query_map([by.team_id], |r| {
            let aliases: String = r.get(3)?;
            let extra: String = r.get(8)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                IdentityInput {
                    name: r.get(2)?,
                    aliases: serde_json::from_str(&aliases).unwrap_or_default(),
                    party: r.get(4)?,
                    contact: r.get(5)?,
                    birth_date: r.get(6)?,
                    birth_place: r.get(7)?,
                    extra: serde_json::from_str(&extra).unwrap_or_default(),
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (id, code, identity) in &plain {
        seal_identity(conn, by, *id, code, identity)?;
        conn.execute(
            "DELETE FROM candidate_identities WHERE candidate_id = ?1",
            [id],
        )?;
    }
    let mut stmt = conn.prepare(
        "SELECT m.id, m.original_text FROM candidate_material m
         JOIN candidates c ON c.id = m.candidate_id
         WHERE c.team_id = ?1 AND m.original_sealed IS NULL",
    )?;
    let originals: Vec<(i64, String)> = stmt
        .query_map([by.team_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, text) in &originals {
        seal_original(conn, by, *id, text)?;
    }
    Ok((plain.len(), originals.len()))
}

impl Store {
    /// Records a wrong PIN or passphrase: counted for the back-off, logged for the
    /// officers' notice. Returns what the member is told.
    pub(crate) fn record_sign_in_failure(
        &mut self,
        team_id: i64,
        member: &Member,
        failures: u32,
        now: u64,
    ) -> Result<PinRefusal> {
        let failures = failures + 1;
        let actor = self.interface_actor();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO pin_failures (member_id, failures, last_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (member_id) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at",
            params![member.id, failures, now],
        )?;
        ledger::append(
            &tx,
            team_id,
            &actor,
            EntryKind::PinFailed,
            json!({ "member_id": member.id.to_string(), "name": member.name, "failures": failures }),
        )?;
        tx.commit()?;
        let wait = pin_wait_secs(failures, now, now);
        Ok(if wait > 0 {
            PinRefusal::Wait { seconds: wait }
        } else {
            PinRefusal::Wrong
        })
    }
}
