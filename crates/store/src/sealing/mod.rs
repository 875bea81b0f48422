//! Sealed team data: the team's keys, the officers' passphrases, and the candidate
//! fields that are stored only sealed (core's [`maatstaf_core::seal`] does the
//! cryptography; this module decides where it is kept).
//!
//! An [`Unlocked`] is what a chair or secretary gets for typing their passphrase: the
//! team's data key in memory. Every call that reads or writes an identity or an
//! unredacted text, or signs an export, takes one, so without a passphrase there is no
//! way to them, through the app, the command line or a copy of the data folder.
//!
//! `keys` creates, unlocks and shares the keys (and hands over teams from before
//! sealing); `fields` seals and opens the candidate fields.

use maatstaf_core::i18n::Text;
use maatstaf_core::seal::{PassphraseError, TeamKey};
use maatstaf_core::team::Role;
use serde::Serialize;
use ts_rs::TS;

mod fields;
mod keys;
#[cfg(test)]
mod tests;

pub(crate) use fields::{open_identity, open_original, seal_identity, seal_original};
pub(crate) use keys::{add_slot, install_keys, is_sealed, new_team_uid, SlotSource};
pub use keys::{NewOfficer, SealState, SealedTeam};

/// The operating system's randomness, for keys, salts and nonces.
pub(crate) fn rng() -> impl rand::CryptoRng {
    rand::TryRngCore::unwrap_err(rand::rngs::OsRng)
}

/// An officer's unlock of one team's sealed data: proof that they typed their
/// passphrase. Only [`crate::Store::unlock`] and the calls that create or seal a team
/// make one. The data key is wiped from memory when the last copy is dropped.
#[derive(Clone)]
pub struct Unlocked {
    team_id: i64,
    member_id: i64,
    role: Role,
    team_uid: String,
    key: TeamKey,
}

impl std::fmt::Debug for Unlocked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Unlocked")
            .field("team_id", &self.team_id)
            .field("member_id", &self.member_id)
            .finish_non_exhaustive()
    }
}

impl Unlocked {
    pub(crate) fn new(
        team_id: i64,
        member_id: i64,
        role: Role,
        team_uid: String,
        key: TeamKey,
    ) -> Unlocked {
        Unlocked {
            team_id,
            member_id,
            role,
            team_uid,
            key,
        }
    }

    /// The officer's role when they unlocked (the store checks the current one).
    pub fn role(&self) -> Role {
        self.role
    }

    pub fn team_id(&self) -> i64 {
        self.team_id
    }

    /// The officer who unlocked; they are the one acting.
    pub fn member_id(&self) -> i64 {
        self.member_id
    }

    /// The team's random id, bound into everything sealed for it.
    pub(crate) fn uid(&self) -> &str {
        &self.team_uid
    }

    pub(crate) fn key(&self) -> &TeamKey {
        &self.key
    }
}

/// Why sealed data could not be set up, opened or shared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum SealingError {
    #[error("the team is not sealed yet")]
    NotSealed,
    #[error("the team is sealed already")]
    AlreadySealed,
    #[error("{name} is not a chair or secretary")]
    NotAnOfficer { name: String },
    #[error("{name} has no access to the sealed data yet")]
    NoAccess { name: String },
    #[error("a chair or secretary of a sealed team signs in with a passphrase, not a PIN")]
    OfficerUsesPassphrase,
    #[error("only {name} can set their own passphrase")]
    OwnPassphrase { name: String },
    #[error(
        "this step opens sealed data: a chair or secretary must sign in with their passphrase"
    )]
    Locked,
    #[error("the unlock belongs to another team")]
    OtherTeam,
    #[error("{problem}")]
    Passphrase { problem: PassphraseError },
    #[error("sealed data of this team cannot be opened")]
    Damaged,
}

impl From<PassphraseError> for SealingError {
    fn from(e: PassphraseError) -> SealingError {
        SealingError::Passphrase { problem: e }
    }
}

impl SealingError {
    pub fn text(&self) -> Text {
        match self {
            SealingError::NotSealed => Text::new(
                "Dit team is nog niet verzegeld. Een voorzitter of secretaris stelt eerst een wachtwoordzin in; daarna worden namen en oorspronkelijke teksten versleuteld bewaard.",
                "This team is not sealed yet. A chair or secretary first sets a passphrase; after that, names and original texts are stored encrypted.",
            ),
            SealingError::AlreadySealed => Text::new(
                "Dit team is al verzegeld.",
                "This team is sealed already.",
            ),
            SealingError::NotAnOfficer { name } => Text::new(
                format!("{name} is geen voorzitter of secretaris; alleen zij hebben een wachtwoordzin."),
                format!("{name} is not a chair or secretary; only they have a passphrase."),
            ),
            SealingError::NoAccess { name } => Text::new(
                format!("{name} heeft nog geen toegang tot de verzegelde gegevens. Een andere voorzitter of secretaris die is aangemeld, kan die geven: {name} typt dan zelf een wachtwoordzin."),
                format!("{name} has no access to the sealed data yet. Another chair or secretary who is signed in can give it; {name} then types a passphrase of their own."),
            ),
            SealingError::OfficerUsesPassphrase => Text::new(
                "In een verzegeld team meldt een voorzitter of secretaris zich aan met een wachtwoordzin, niet met een pincode.",
                "In a sealed team a chair or secretary signs in with a passphrase, not a PIN.",
            ),
            SealingError::OwnPassphrase { name } => Text::new(
                format!("Alleen {name} kan een eigen wachtwoordzin kiezen. Meld u af, zodat {name} zich kan aanmelden."),
                format!("Only {name} can choose their own passphrase. Sign out so that {name} can sign in."),
            ),
            SealingError::Locked => Text::new(
                "Voor deze stap worden verzegelde namen of teksten geopend. Dat kan alleen een voorzitter of secretaris die zich met de eigen wachtwoordzin heeft aangemeld.",
                "This step opens sealed names or texts. Only a chair or secretary who signed in with their own passphrase can do that.",
            ),
            SealingError::OtherTeam => Text::new(
                "U bent aangemeld bij een ander team.",
                "You are signed in to another team.",
            ),
            SealingError::Passphrase { problem } => problem.text(),
            SealingError::Damaged => Text::new(
                "De verzegelde gegevens van dit team kunnen niet worden geopend: ze zijn beschadigd of gewijzigd buiten Maatstaf.",
                "This team's sealed data cannot be opened: it is damaged or was changed outside Maatstaf.",
            ),
        }
    }
}
