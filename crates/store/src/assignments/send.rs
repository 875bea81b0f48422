//! What goes back to the team: submitting signs the sheet with the personal key,
//! encrypts it to the team and keeps the score package; the key file introduces the
//! personal key before that.

use maatstaf_core::package::{Envelope, Introduction, PackageKind, ScorePackage, SheetBody};
use rusqlite::params;

use super::work::working_round;
use super::{keys, load, AssignmentError};
use crate::error::Result;
use crate::scoring::exchange::{file_part, WrittenPackage};
use crate::{cipher, clock, Store};

fn file_name(kind: &str, team: &str, round: Option<u32>, name: &str) -> String {
    match round {
        Some(n) => format!(
            "maatstaf-{kind}-ronde-{n}-{}-{}.maatstaf",
            file_part(team),
            file_part(name)
        ),
        None => format!(
            "maatstaf-{kind}-{}-{}.maatstaf",
            file_part(team),
            file_part(name)
        ),
    }
}

impl Store {
    /// Submits the sheet: core checks it is complete (and every changed level has its
    /// reason), the personal key signs it, and the score package is kept to be saved.
    pub fn assignment_submit(&mut self, id: i64, passphrase: &str) -> Result<()> {
        let stored = load(&self.conn, id)?;
        if stored.score_package.is_some() {
            return Err(AssignmentError::Submitted.into());
        }
        let package = &stored.package;
        let key = keys::open(
            &self.conn,
            &package.team_uid,
            &package.assessor.id,
            passphrase,
        )?;
        let (round, actor) = working_round(&stored)?;
        let mut sheet = match stored.sheet.clone() {
            Some(sheet) => sheet,
            None => maatstaf_core::scoring::Sheet::new(&round, &actor.id)?,
        };
        sheet.submit(
            &actor,
            &round,
            package.previous_sheet.as_ref(),
            &clock::now(),
        )?;
        let body = SheetBody {
            team_uid: package.team_uid.clone(),
            round: round.number(),
            assessor: actor.id.clone(),
            chain_head: package.chain_head.clone(),
            sheet: sheet.clone(),
            declarations: stored.declarations.clone(),
        };
        let inner = Envelope::sign(PackageKind::Sheet, &body, &key).to_bytes();
        let sealed = cipher::encrypt_to(&package.team_recipient, &inner)?;
        let outer = ScorePackage {
            team_uid: package.team_uid.clone(),
            round: round.number(),
            assessor: actor.id.clone(),
            chain_head: package.chain_head.clone(),
            recipient: package.team_recipient.clone(),
            sealed: hex::encode(sealed),
        };
        let bytes = Envelope::sign(PackageKind::Score, &outer, &key).to_bytes();
        self.conn.execute(
            "UPDATE assignments SET sheet = ?2, score_package = ?3 WHERE id = ?1",
            params![
                id,
                serde_json::to_string(&sheet).expect("a sheet serialises"),
                bytes
            ],
        )?;
        Ok(())
    }

    /// The score package of a submitted assignment, to save and send to the team.
    pub fn assignment_score_package(&self, id: i64) -> Result<WrittenPackage> {
        let stored = load(&self.conn, id)?;
        let bytes = stored
            .score_package
            .clone()
            .ok_or(AssignmentError::NotSubmitted)?;
        Ok(WrittenPackage {
            file_name: file_name(
                "scores",
                &stored.package.team_name,
                Some(stored.package.round.number()),
                &stored.package.assessor.name,
            ),
            bytes,
        })
    }

    /// A new personal key for the team of assignment `id`, replacing one whose
    /// passphrase is lost, and the key file that introduces it to the team.
    pub fn assignment_new_key(
        &mut self,
        id: i64,
        passphrase: &str,
        repeated: &str,
    ) -> Result<WrittenPackage> {
        let package = load(&self.conn, id)?.package;
        let tx = self.conn.transaction()?;
        keys::forget(&tx, &package.team_uid, &package.assessor.id)?;
        keys::create(
            &tx,
            &package.team_uid,
            &package.assessor.id,
            passphrase,
            repeated,
            &[&package.assessor.name, &package.team_name],
        )?;
        tx.commit()?;
        self.assignment_introduction(id, passphrase)
    }

    /// The key file that registers the personal key at the team, signed by that key.
    pub fn assignment_introduction(&self, id: i64, passphrase: &str) -> Result<WrittenPackage> {
        let stored = load(&self.conn, id)?;
        let package = &stored.package;
        let key = keys::open(
            &self.conn,
            &package.team_uid,
            &package.assessor.id,
            passphrase,
        )?;
        let intro = Introduction {
            team_uid: package.team_uid.clone(),
            assessor: package.assessor.id.clone(),
            assessor_name: package.assessor.name.clone(),
            written_at: clock::now(),
        };
        Ok(WrittenPackage {
            file_name: file_name("sleutel", &package.team_name, None, &package.assessor.name),
            bytes: Envelope::sign(PackageKind::Introduction, &intro, &key).to_bytes(),
        })
    }
}
