//! Every reason a package is refused, in Dutch and English. A refused package changes
//! nothing.

use serde::Serialize;
use ts_rs::TS;

use super::PackageKind;
use crate::i18n::Text;
use crate::scoring::ScoringError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[error("{}", self.text().en)]
#[ts(export)]
pub enum PackageError {
    /// Not JSON, not a Maatstaf package, cut off or changed so it no longer parses.
    Unreadable,
    TooLarge {
        max_mb: u32,
    },
    NewerVersion {
        version: u32,
    },
    WrongKind {
        expected: PackageKind,
        found: PackageKind,
    },
    /// The signature does not match the content: changed after signing.
    BadSignature,
    /// Made for another team than the one it is imported into.
    OtherTeam,
    /// Signed by another key than the one this laptop knows for the team.
    ChangedTeamKey,
    NoSuchRound {
        round: u32,
    },
    /// The round was closed or revealed: no more sheets come in.
    RoundNotOpen {
        round: u32,
    },
    /// The round has been revealed already (for a round package on an assessor's laptop).
    RoundRevealed {
        round: u32,
    },
    /// A reveal package for a round that is not revealed.
    NotRevealed {
        round: u32,
    },
    /// The sender is not an assessor of that round.
    NotAssessor,
    /// Signed by another key than the one registered for this assessor.
    ChangedAssessorKey,
    /// The quoted log entry is not in this team's log.
    UnknownChainHead,
    /// Not encrypted to this team, or the encrypted part was changed.
    CannotDecrypt,
    /// The inside of the package says something else than its outside.
    Inconsistent,
    /// The sheet breaks a rule of the round (an excluded candidate, a missing cell,
    /// a changed level without reason).
    Sheet {
        error: ScoringError,
    },
    /// The chair chose between two packages without saying why.
    ReasonRequired,
    /// The choice between two packages was made already.
    AlreadyResolved,
    /// A key is revoked only with a reason.
    RevocationReasonRequired,
    /// There is no key registered for this assessor to revoke.
    NoRegisteredKey,
}

impl PackageError {
    pub fn text(&self) -> Text {
        match self {
            PackageError::Unreadable => Text::new(
                "Dit bestand is geen leesbaar Maatstaf-pakket: het is afgebroken, beschadigd of iets anders.",
                "This file is not a readable Maatstaf package: it is cut off, damaged or something else.",
            ),
            PackageError::TooLarge { max_mb } => Text::new(
                format!("Dit bestand is groter dan {max_mb} MB en is dus geen Maatstaf-pakket."),
                format!("This file is larger than {max_mb} MB, so it is not a Maatstaf package."),
            ),
            PackageError::NewerVersion { version } => Text::new(
                format!("Dit pakket is gemaakt met een nieuwere Maatstaf (formaat {version}). Werk Maatstaf bij."),
                format!("This package was made by a newer Maatstaf (format {version}). Update Maatstaf."),
            ),
            PackageError::WrongKind { expected, found } => Text::new(
                format!("Dit is een {}, geen {}.", kind_nl(*found), kind_nl(*expected)),
                format!("This is a {}, not a {}.", kind_en(*found), kind_en(*expected)),
            ),
            PackageError::BadSignature => Text::new(
                "De handtekening klopt niet: het pakket is na het ondertekenen veranderd.",
                "The signature does not match: the package was changed after it was signed.",
            ),
            PackageError::OtherTeam => Text::new(
                "Dit pakket hoort bij een ander formatieteam.",
                "This package belongs to another formation team.",
            ),
            PackageError::ChangedTeamKey => Text::new(
                "Dit pakket is ondertekend met een andere teamsleutel dan eerdere pakketten van dit team. Vraag de secretaris om de vingerafdruk.",
                "This package is signed with another team key than earlier packages of this team. Ask the secretary for the fingerprint.",
            ),
            PackageError::NoSuchRound { round } => Text::new(
                format!("Ronde {round} bestaat niet in dit team."),
                format!("Round {round} does not exist in this team."),
            ),
            PackageError::RoundNotOpen { round } => Text::new(
                format!("Ronde {round} is gesloten of al onthuld: er komen geen scores meer bij."),
                format!("Round {round} is closed or revealed: no more scores come in."),
            ),
            PackageError::RoundRevealed { round } => Text::new(
                format!("Ronde {round} is al onthuld; scoren kan niet meer."),
                format!("Round {round} has been revealed; scoring is over."),
            ),
            PackageError::NotRevealed { round } => Text::new(
                format!("Ronde {round} is nog niet onthuld."),
                format!("Round {round} has not been revealed yet."),
            ),
            PackageError::NotAssessor => Text::new(
                "De afzender is geen beoordelaar in deze ronde.",
                "The sender is not an assessor in this round.",
            ),
            PackageError::ChangedAssessorKey => Text::new(
                "Dit pakket is ondertekend met een andere sleutel dan de sleutel die voor deze beoordelaar is vastgelegd. Heeft de beoordelaar een nieuwe sleutel gemaakt, omdat de wachtwoordzin kwijt is? Dan trekt de voorzitter eerst de oude sleutel in.",
                "This package is signed with another key than the one registered for this assessor. Did the assessor make a new key because their passphrase is lost? Then the chair first revokes the old key.",
            ),
            PackageError::UnknownChainHead => Text::new(
                "Het pakket noemt een logregel die niet in het logboek van dit team staat.",
                "The package quotes a log entry that is not in this team's log.",
            ),
            PackageError::CannotDecrypt => Text::new(
                "Het versleutelde deel kan hier niet worden geopend: het is niet voor dit team versleuteld, of het is veranderd.",
                "The encrypted part cannot be opened here: it was not encrypted for this team, or it was changed.",
            ),
            PackageError::Inconsistent => Text::new(
                "De binnenkant van het pakket klopt niet met de buitenkant.",
                "The inside of the package does not match its outside.",
            ),
            PackageError::Sheet { error } => {
                let inner = error.message();
                Text::new(
                    format!("Het scoreformulier in het pakket voldoet niet aan de ronde: {}", inner.nl),
                    format!("The score sheet in the package does not fit the round: {}", inner.en),
                )
            }
            PackageError::ReasonRequired => Text::new(
                "Geef een reden voor de keuze tussen de twee scorepakketten; die komt in het logboek.",
                "Give a reason for the choice between the two score packages; it goes into the logbook.",
            ),
            PackageError::AlreadyResolved => Text::new(
                "Over dit scorepakket is al beslist.",
                "This score package has been decided on already.",
            ),
            PackageError::RevocationReasonRequired => Text::new(
                "Geef een reden om de sleutel in te trekken; die komt in het logboek en elke partijcommissie ziet hem bij de controle van deze sleutel.",
                "Give a reason for revoking the key; it goes into the logbook and every party committee sees it when checking this key.",
            ),
            PackageError::NoRegisteredKey => Text::new(
                "Voor deze beoordelaar is geen sleutel vastgelegd; er valt niets in te trekken.",
                "No key is registered for this assessor; there is nothing to revoke.",
            ),
        }
    }
}

fn kind_nl(kind: PackageKind) -> &'static str {
    match kind {
        PackageKind::Round => "rondepakket",
        PackageKind::Score => "scorepakket",
        PackageKind::Sheet => "ondertekend scoreformulier",
        PackageKind::Introduction => "sleutelbestand",
        PackageKind::Reveal => "onthullingspakket",
    }
}

fn kind_en(kind: PackageKind) -> &'static str {
    match kind {
        PackageKind::Round => "round package",
        PackageKind::Score => "score package",
        PackageKind::Sheet => "signed score sheet",
        PackageKind::Introduction => "key file",
        PackageKind::Reveal => "reveal package",
    }
}

impl From<ScoringError> for PackageError {
    fn from(error: ScoringError) -> Self {
        PackageError::Sheet { error }
    }
}
