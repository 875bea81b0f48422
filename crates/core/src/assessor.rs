//! Assessors: conflicts of interest with candidates, and the PIN that guards a
//! member's sheet on a shared laptop.

use std::collections::BTreeSet;

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Text;
use crate::scoring::Actor;
use crate::team::Role;

/// Longest note on a declaration or reason for an override.
pub const MAX_CONFLICT_TEXT_CHARS: usize = 500;

/// What ties an assessor to a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConflictKind {
    /// The candidate is a member of the assessor's own fraction or party.
    SameFraction,
    Family,
    /// A shared company, client, employer-employee or money relation, now or recently.
    BusinessTie,
    FormerColleague,
    /// Anything else; the declaration must say what.
    Other,
    /// The assessor recognises who the candidate is from the blinded material.
    /// Not an interest, but the blinding failed for this pair; statistics report
    /// agreement with and without such pairs.
    RecognisesPerson,
}

impl ConflictKind {
    pub const ALL: [ConflictKind; 6] = [
        ConflictKind::SameFraction,
        ConflictKind::Family,
        ConflictKind::BusinessTie,
        ConflictKind::FormerColleague,
        ConflictKind::Other,
        ConflictKind::RecognisesPerson,
    ];

    /// The rule a team starts with.
    ///
    /// - Family and business ties exclude: they are personal and financial interests
    ///   in the outcome, the kind the Gemeentewet (art. 28) keeps a council member
    ///   from voting on.
    /// - Other excludes too: whoever felt it worth declaring is taken at their word,
    ///   and the team can relax it with a reason.
    /// - Same fraction and former colleague are declared only. In a formation, parties
    ///   propose candidates and their own negotiators score them: excluding them
    ///   would leave a party's candidates to the other parties alone. Declaring it
    ///   lets the statistics check for own-party leniency. A past working relation
    ///   is common in a municipality and is not an interest by itself.
    /// - Recognising the person is declared only: local candidates are often known by
    ///   sight or reputation, excluding every such pair would empty the panel.
    pub fn default_action(self) -> ConflictAction {
        match self {
            ConflictKind::Family | ConflictKind::BusinessTie | ConflictKind::Other => {
                ConflictAction::Exclude
            }
            ConflictKind::SameFraction
            | ConflictKind::FormerColleague
            | ConflictKind::RecognisesPerson => ConflictAction::DeclareOnly,
        }
    }
}

/// What a declared conflict leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConflictAction {
    /// The assessor does not score that candidate.
    Exclude,
    /// The assessor scores, and the conflict is on record.
    DeclareOnly,
}

/// A team's deviation from a kind's default action, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PolicyDeviation {
    pub kind: ConflictKind,
    pub action: ConflictAction,
    pub reason: String,
}

/// A team's rule per conflict kind: the defaults, plus deviations that each carry
/// a reason (so the log can show why the team chose differently).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConflictPolicy {
    deviations: Vec<PolicyDeviation>,
}

impl ConflictPolicy {
    pub fn action(&self, kind: ConflictKind) -> ConflictAction {
        self.deviations
            .iter()
            .find(|d| d.kind == kind)
            .map_or(kind.default_action(), |d| d.action)
    }

    pub fn deviations(&self) -> &[PolicyDeviation] {
        &self.deviations
    }

    /// Sets the team's rule for a kind. Chair only. Going back to the default needs no
    /// reason; anything else needs a non-blank one.
    pub fn set_rule(
        &mut self,
        actor: &Actor,
        kind: ConflictKind,
        action: ConflictAction,
        reason: &str,
    ) -> Result<(), ConflictError> {
        if actor.role != Role::Chair {
            return Err(ConflictError::ChairOnly);
        }
        self.deviations.retain(|d| d.kind != kind);
        if action != kind.default_action() {
            let reason = required_text(reason)?;
            self.deviations.push(PolicyDeviation {
                kind,
                action,
                reason,
            });
            self.deviations.sort_by_key(|d| d.kind);
        }
        Ok(())
    }
}

/// The chair's decision to treat one declared conflict differently from the team rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConflictOverride {
    pub action: ConflictAction,
    pub reason: String,
    pub by: String,
}

/// An assessor's declared tie with one candidate (by code). Names never enter here:
/// the secretary who holds the blinding key helps assessors find the right code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConflictDeclaration {
    pub assessor: String,
    pub candidate: String,
    pub kind: ConflictKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub override_rule: Option<ConflictOverride>,
}

impl ConflictDeclaration {
    /// A declaration; `Other` needs a note saying what the tie is.
    pub fn new(
        assessor: &str,
        candidate: &str,
        kind: ConflictKind,
        note: Option<&str>,
    ) -> Result<ConflictDeclaration, ConflictError> {
        if assessor.trim().is_empty() || candidate.trim().is_empty() {
            return Err(ConflictError::MissingParty);
        }
        let note = match note.map(str::trim).filter(|n| !n.is_empty()) {
            Some(n) if n.chars().count() > MAX_CONFLICT_TEXT_CHARS => {
                return Err(ConflictError::TooLong {
                    max: MAX_CONFLICT_TEXT_CHARS as u32,
                })
            }
            Some(n) => Some(n.to_owned()),
            None if kind == ConflictKind::Other => return Err(ConflictError::NoteRequired),
            None => None,
        };
        Ok(ConflictDeclaration {
            assessor: assessor.to_owned(),
            candidate: candidate.to_owned(),
            kind,
            note,
            override_rule: None,
        })
    }

    /// The chair treats this one declaration differently from the team rule, with a
    /// non-blank reason. A chair cannot override their own declaration.
    pub fn override_rule(
        &mut self,
        actor: &Actor,
        action: ConflictAction,
        reason: &str,
    ) -> Result<(), ConflictError> {
        if actor.role != Role::Chair {
            return Err(ConflictError::ChairOnly);
        }
        if actor.id == self.assessor {
            return Err(ConflictError::OwnConflict);
        }
        let reason = required_text(reason)?;
        self.override_rule = Some(ConflictOverride {
            action,
            reason,
            by: actor.id.clone(),
        });
        Ok(())
    }

    /// The action that applies: the chair's override if any, else the team rule.
    pub fn action(&self, policy: &ConflictPolicy) -> ConflictAction {
        self.override_rule
            .as_ref()
            .map_or_else(|| policy.action(self.kind), |o| o.action)
    }
}

/// An assessor who does not score a candidate. Carries no conflict kind on purpose:
/// the comparison sheet shows "excluded (conflict)", and "family" next to a code
/// would tell the table who the candidate is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Exclusion {
    pub assessor: String,
    pub candidate: String,
}

/// The (assessor, candidate) pairs a round must exclude, for the round's assessors
/// and candidates only, sorted and without duplicates. Feed the result to
/// [`RoundSetup::exclusions`](crate::scoring::RoundSetup).
pub fn excluded_pairs(
    declarations: &[ConflictDeclaration],
    policy: &ConflictPolicy,
    assessors: &[String],
    candidates: &[String],
) -> Vec<Exclusion> {
    let pairs: BTreeSet<Exclusion> = declarations
        .iter()
        .filter(|d| assessors.contains(&d.assessor) && candidates.contains(&d.candidate))
        .filter(|d| d.action(policy) == ConflictAction::Exclude)
        .map(|d| Exclusion {
            assessor: d.assessor.clone(),
            candidate: d.candidate.clone(),
        })
        .collect();
    pairs.into_iter().collect()
}

/// The pairs with a declaration of `kind`, whatever its action: for statistics that
/// report agreement with and without, say, recognised pairs.
pub fn declared_pairs(declarations: &[ConflictDeclaration], kind: ConflictKind) -> Vec<Exclusion> {
    let pairs: BTreeSet<Exclusion> = declarations
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| Exclusion {
            assessor: d.assessor.clone(),
            candidate: d.candidate.clone(),
        })
        .collect();
    pairs.into_iter().collect()
}

fn required_text(text: &str) -> Result<String, ConflictError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ConflictError::ReasonRequired);
    }
    if text.chars().count() > MAX_CONFLICT_TEXT_CHARS {
        return Err(ConflictError::TooLong {
            max: MAX_CONFLICT_TEXT_CHARS as u32,
        });
    }
    Ok(text.to_owned())
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[error("{}", self.message().en)]
#[ts(export)]
pub enum ConflictError {
    ChairOnly,
    OwnConflict,
    MissingParty,
    NoteRequired,
    ReasonRequired,
    TooLong { max: u32 },
}

impl ConflictError {
    pub fn message(&self) -> Text {
        match self {
            ConflictError::ChairOnly => Text::new(
                "Alleen de voorzitter mag de regels voor belangenconflicten aanpassen.",
                "Only the chair may change how conflicts of interest are handled.",
            ),
            ConflictError::OwnConflict => Text::new(
                "U kunt de regel voor uw eigen belangenconflict niet aanpassen.",
                "You cannot change the rule for your own conflict of interest.",
            ),
            ConflictError::MissingParty => Text::new(
                "Een melding noemt een beoordelaar en een kandidaatcode.",
                "A declaration names an assessor and a candidate code.",
            ),
            ConflictError::NoteRequired => Text::new(
                "Beschrijf kort wat de band met de kandidaat is.",
                "Describe briefly what ties you to the candidate.",
            ),
            ConflictError::ReasonRequired => Text::new(
                "Afwijken van de standaardregel kan alleen met een reden.",
                "Departing from the default rule needs a reason.",
            ),
            ConflictError::TooLong { max } => Text::new(
                format!("Hoogstens {max} tekens."),
                format!("At most {max} characters."),
            ),
        }
    }
}

// --- PINs -----------------------------------------------------------------

pub const PIN_MIN_DIGITS: usize = 4;
pub const PIN_MAX_DIGITS: usize = 12;
/// Salt length the caller must supply, from OS randomness.
pub const PIN_SALT_BYTES: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[error("{}", self.message().en)]
#[ts(export)]
pub enum PinError {
    Length { min: u32, max: u32 },
    NotDigits,
    TooEasy,
    SaltTooShort { min: u32 },
    Hashing,
}

impl PinError {
    pub fn message(&self) -> Text {
        match self {
            PinError::Length { min, max } => Text::new(
                format!("Een pincode heeft {min} tot {max} cijfers."),
                format!("A PIN has {min} to {max} digits."),
            ),
            PinError::NotDigits => Text::new(
                "Een pincode bestaat alleen uit cijfers.",
                "A PIN consists of digits only.",
            ),
            PinError::TooEasy => Text::new(
                "Deze pincode is te makkelijk te raden (zoals 0000 of 1234).",
                "This PIN is too easy to guess (like 0000 or 1234).",
            ),
            PinError::SaltTooShort { min } => Text::new(
                format!("Interne fout: de salt moet minstens {min} bytes zijn."),
                format!("Internal error: the salt must be at least {min} bytes."),
            ),
            PinError::Hashing => Text::new(
                "Interne fout bij het beveiligen van de pincode.",
                "Internal error while securing the PIN.",
            ),
        }
    }
}

/// A PIN is 4–12 ASCII digits and not one of the first guesses: one digit
/// repeated (0000) or a straight run up or down (1234, 9876).
pub fn check_pin(pin: &str) -> Result<(), PinError> {
    let n = pin.chars().count();
    if !(PIN_MIN_DIGITS..=PIN_MAX_DIGITS).contains(&n) {
        return Err(PinError::Length {
            min: PIN_MIN_DIGITS as u32,
            max: PIN_MAX_DIGITS as u32,
        });
    }
    if !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PinError::NotDigits);
    }
    let d: Vec<i8> = pin.bytes().map(|b| (b - b'0') as i8).collect();
    let steps: BTreeSet<i8> = d.windows(2).map(|w| w[1] - w[0]).collect();
    if steps.len() == 1 && steps.iter().all(|s| [-1, 0, 1].contains(s)) {
        return Err(PinError::TooEasy);
    }
    Ok(())
}

/// Hashes a PIN with Argon2id (the crate's default parameters) into a PHC string
/// (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), which records the parameters and salt
/// so [`verify_pin`] needs nothing else. `salt` comes from OS randomness in the app,
/// at least [`PIN_SALT_BYTES`] long.
///
/// What this protects against: someone at a shared laptop opening another member's
/// sheet. A 4-digit PIN does not withstand an attacker who copies the database and
/// tries all 10,000 PINs offline; the app's threat model for that is disk
/// encryption and keeping the laptop in hand.
pub fn hash_pin(pin: &str, salt: &[u8]) -> Result<String, PinError> {
    check_pin(pin)?;
    if salt.len() < PIN_SALT_BYTES {
        return Err(PinError::SaltTooShort {
            min: PIN_SALT_BYTES as u32,
        });
    }
    Argon2::default()
        .hash_password_with_salt(pin.as_bytes(), salt)
        .map(|hash| hash.to_string())
        .map_err(|_| PinError::Hashing)
}

/// Whether `pin` matches a hash made by [`hash_pin`]; false for a malformed hash.
pub fn verify_pin(pin: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(pin.as_bytes(), hash)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chair() -> Actor {
        Actor::new("voorzitter", Role::Chair)
    }

    fn ids(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn defaults_exclude_family_business_and_other_and_declare_the_rest() {
        let policy = ConflictPolicy::default();
        use ConflictAction::*;
        use ConflictKind::*;
        let expected = [
            (SameFraction, DeclareOnly),
            (Family, Exclude),
            (BusinessTie, Exclude),
            (FormerColleague, DeclareOnly),
            (Other, Exclude),
            (RecognisesPerson, DeclareOnly),
        ];
        for (kind, action) in expected {
            assert_eq!(policy.action(kind), action, "{kind:?}");
        }
    }

    #[test]
    fn a_team_rule_that_departs_from_the_default_needs_a_reason() {
        let mut policy = ConflictPolicy::default();
        let k = ConflictKind::SameFraction;
        assert_eq!(
            policy.set_rule(&chair(), k, ConflictAction::Exclude, "  "),
            Err(ConflictError::ReasonRequired)
        );
        assert_eq!(policy.action(k), ConflictAction::DeclareOnly);
        policy
            .set_rule(
                &chair(),
                k,
                ConflictAction::Exclude,
                "Elke partij heeft genoeg andere onderhandelaars.",
            )
            .unwrap();
        assert_eq!(policy.action(k), ConflictAction::Exclude);
        assert_eq!(policy.deviations().len(), 1);
        // Back to the default: no reason needed, and the deviation is gone.
        policy
            .set_rule(&chair(), k, ConflictAction::DeclareOnly, "")
            .unwrap();
        assert_eq!(policy.action(k), ConflictAction::DeclareOnly);
        assert!(policy.deviations().is_empty());
    }

    #[test]
    fn only_a_chair_sets_team_rules() {
        let mut policy = ConflictPolicy::default();
        for role in [
            Role::Assessor,
            Role::Secretary,
            Role::Trainer,
            Role::Committee,
        ] {
            let actor = Actor::new("x", role);
            let r = policy.set_rule(
                &actor,
                ConflictKind::Family,
                ConflictAction::DeclareOnly,
                "reden",
            );
            assert_eq!(r, Err(ConflictError::ChairOnly));
        }
        assert_eq!(policy.action(ConflictKind::Family), ConflictAction::Exclude);
    }

    #[test]
    fn other_needs_a_note_and_notes_are_bounded() {
        assert_eq!(
            ConflictDeclaration::new("anna", "K-1", ConflictKind::Other, Some(" ")),
            Err(ConflictError::NoteRequired)
        );
        assert!(
            ConflictDeclaration::new("anna", "K-1", ConflictKind::Other, Some("buurvrouw")).is_ok()
        );
        assert!(ConflictDeclaration::new("anna", "K-1", ConflictKind::Family, None).is_ok());
        let long = "x".repeat(MAX_CONFLICT_TEXT_CHARS + 1);
        assert_eq!(
            ConflictDeclaration::new("anna", "K-1", ConflictKind::Family, Some(&long)),
            Err(ConflictError::TooLong {
                max: MAX_CONFLICT_TEXT_CHARS as u32
            })
        );
        assert_eq!(
            ConflictDeclaration::new("", "K-1", ConflictKind::Family, None),
            Err(ConflictError::MissingParty)
        );
    }

    #[test]
    fn overrides_need_a_chair_a_reason_and_someone_else() {
        let mut d = ConflictDeclaration::new("anna", "K-1", ConflictKind::Family, None).unwrap();
        let policy = ConflictPolicy::default();
        assert_eq!(d.action(&policy), ConflictAction::Exclude);
        let assessor = Actor::new("bram", Role::Assessor);
        assert_eq!(
            d.override_rule(&assessor, ConflictAction::DeclareOnly, "verre neef"),
            Err(ConflictError::ChairOnly)
        );
        assert_eq!(
            d.override_rule(&chair(), ConflictAction::DeclareOnly, ""),
            Err(ConflictError::ReasonRequired)
        );
        let mut own =
            ConflictDeclaration::new("voorzitter", "K-1", ConflictKind::Family, None).unwrap();
        assert_eq!(
            own.override_rule(&chair(), ConflictAction::DeclareOnly, "verre neef"),
            Err(ConflictError::OwnConflict)
        );
        assert_eq!(d.action(&policy), ConflictAction::Exclude);
        d.override_rule(
            &chair(),
            ConflictAction::DeclareOnly,
            "Verre neef, nooit ontmoet.",
        )
        .unwrap();
        assert_eq!(d.action(&policy), ConflictAction::DeclareOnly);
        assert_eq!(d.override_rule.as_ref().unwrap().by, "voorzitter");
    }

    #[test]
    fn excluded_pairs_follow_rules_and_overrides_within_the_round() {
        let mut policy = ConflictPolicy::default();
        let decl = |a, c, k| ConflictDeclaration::new(a, c, k, None).unwrap();
        let mut cousin = decl("cem", "K-2", ConflictKind::Family);
        cousin
            .override_rule(
                &chair(),
                ConflictAction::DeclareOnly,
                "Aangetrouwd, geen contact.",
            )
            .unwrap();
        let declarations = vec![
            decl("anna", "K-1", ConflictKind::Family),
            decl("anna", "K-1", ConflictKind::BusinessTie),
            decl("bram", "K-2", ConflictKind::SameFraction),
            decl("bram", "K-3", ConflictKind::RecognisesPerson),
            cousin,
            decl("dirk", "K-1", ConflictKind::Family), // not in this round
            decl("anna", "K-9", ConflictKind::Family), // candidate not in this round
        ];
        let assessors = ids(&["anna", "bram", "cem"]);
        let candidates = ids(&["K-1", "K-2", "K-3"]);
        let pairs = excluded_pairs(&declarations, &policy, &assessors, &candidates);
        assert_eq!(
            pairs,
            vec![Exclusion {
                assessor: "anna".into(),
                candidate: "K-1".into()
            }]
        );

        policy
            .set_rule(
                &chair(),
                ConflictKind::SameFraction,
                ConflictAction::Exclude,
                "Afspraak in het team.",
            )
            .unwrap();
        let pairs = excluded_pairs(&declarations, &policy, &assessors, &candidates);
        assert_eq!(pairs.len(), 2);
        assert!(pairs.contains(&Exclusion {
            assessor: "bram".into(),
            candidate: "K-2".into()
        }));

        let recognised = declared_pairs(&declarations, ConflictKind::RecognisesPerson);
        assert_eq!(
            recognised,
            vec![Exclusion {
                assessor: "bram".into(),
                candidate: "K-3".into()
            }]
        );
    }

    #[test]
    fn pin_rules() {
        for ok in ["2580", "730196", "000000000001", "1357"] {
            assert_eq!(check_pin(ok), Ok(()), "{ok}");
        }
        let length = PinError::Length { min: 4, max: 12 };
        assert_eq!(check_pin("123"), Err(length.clone()));
        assert_eq!(check_pin("1234567890123"), Err(length));
        assert_eq!(check_pin("12a4"), Err(PinError::NotDigits));
        assert_eq!(check_pin("١٢٣٤"), Err(PinError::NotDigits)); // Arabic-Indic digits
        for easy in ["0000", "1234", "9876", "3456789", "77777777"] {
            assert_eq!(check_pin(easy), Err(PinError::TooEasy), "{easy}");
        }
    }

    #[test]
    fn pins_hash_to_phc_strings_and_verify() {
        let salt = [7u8; PIN_SALT_BYTES];
        let hash = hash_pin("2580", &salt).unwrap();
        assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");
        assert!(verify_pin("2580", &hash));
        assert!(!verify_pin("2581", &hash));
        assert!(!verify_pin("2580", "not a hash"));
        let other_salt = hash_pin("2580", &[8u8; PIN_SALT_BYTES]).unwrap();
        assert_ne!(hash, other_salt, "the salt must change the hash");
        assert_eq!(
            hash_pin("2580", &[1u8; 8]),
            Err(PinError::SaltTooShort { min: 16 })
        );
        assert_eq!(hash_pin("1234", &salt), Err(PinError::TooEasy));
    }
}
