//! Who may do what in a team: every action that reads or changes team data is named
//! once here, with the roles that may do it, whether it needs a member switched in
//! with their PIN, and the state the team must be in.
//!
//! The store asks [`check`] before every such call, so neither the app nor the CLI can
//! get around a rule, and the log names the member the check let through. The README's
//! "who may do what" table is [`rule_table`] printed; a test keeps the two equal.
//!
//! A team is *protected* once one of its chairs or secretaries has a PIN. Before that
//! (a new team getting its officers) the setup actions marked `bootstrap` are open to
//! whoever is at the laptop; nothing else is.

mod backoff;
mod session;
mod table;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Text;
use crate::team::Role;

pub use backoff::{pin_wait_secs, FIRST_WAIT_SECS, FREE_TRIES};
pub use session::{Lookup, Session, SessionPolicy, Sessions};
pub use table::{rule, rule_table, rules_json, Rule, TeamNeed, OFFICERS, RULES_VERSION, SCORERS};

/// Everything a person can do to a team's data, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Action {
    RenameTeam,
    DeleteTeam,
    ChangeMembers,
    SetFirstPin,
    ResetPin,
    ChangeTeamSettings,
    EditRubric,
    FreezeRubric,
    ManagePosts,
    AddCandidate,
    ViewIdentity,
    ReviewOriginal,
    FreezeMaterial,
    DeleteCandidate,
    OpenRound,
    CloseRound,
    RevealRound,
    Score,
    SubmitSheet,
    ViewRound,
    ViewAllocation,
    SetConflictRule,
    OverrideConflict,
    RecordDecision,
    Unblind,
    ViewUnblinded,
    ExportComparison,
    ExportLogboek,
    ExportLogboekWithIdentities,
    LeadTraining,
    SetMinAgreement,
    ManageTrainingContent,
    Practise,
    SealTeam,
    GrantAccess,
    EraseCandidate,
    SetRetention,
    CloseFormation,
    ExportPersonalCopy,
    ExchangePackages,
    ResolvePackageConflict,
    RevokeAssessorKey,
    DeleteFile,
    RecordDissent,
    ExportReport,
    RecordRiskAnalysis,
}

impl Action {
    pub const ALL: [Action; 46] = [
        Action::RenameTeam,
        Action::DeleteTeam,
        Action::ChangeMembers,
        Action::SetFirstPin,
        Action::ResetPin,
        Action::ChangeTeamSettings,
        Action::EditRubric,
        Action::FreezeRubric,
        Action::ManagePosts,
        Action::AddCandidate,
        Action::ViewIdentity,
        Action::ReviewOriginal,
        Action::FreezeMaterial,
        Action::DeleteCandidate,
        Action::OpenRound,
        Action::CloseRound,
        Action::RevealRound,
        Action::Score,
        Action::SubmitSheet,
        Action::ViewRound,
        Action::ViewAllocation,
        Action::SetConflictRule,
        Action::OverrideConflict,
        Action::RecordDecision,
        Action::Unblind,
        Action::ViewUnblinded,
        Action::ExportComparison,
        Action::ExportLogboek,
        Action::ExportLogboekWithIdentities,
        Action::LeadTraining,
        Action::SetMinAgreement,
        Action::ManageTrainingContent,
        Action::Practise,
        Action::SealTeam,
        Action::GrantAccess,
        Action::EraseCandidate,
        Action::SetRetention,
        Action::CloseFormation,
        Action::ExportPersonalCopy,
        Action::ExchangePackages,
        Action::ResolvePackageConflict,
        Action::RevokeAssessorKey,
        Action::DeleteFile,
        Action::RecordDissent,
        Action::ExportReport,
        Action::RecordRiskAnalysis,
    ];

    /// The snake_case name used in messages, the log and the README.
    pub fn as_str(self) -> &'static str {
        self.describe().0
    }

    /// What the action is, in both languages, for refusals and the rule table.
    pub fn text(self) -> Text {
        let (_, nl, en) = self.describe();
        Text::new(nl, en)
    }

    fn describe(self) -> (&'static str, &'static str, &'static str) {
        use Action as A;
        match self {
            A::RenameTeam => (
                "rename_team",
                "het team een andere naam geven",
                "rename the team",
            ),
            A::DeleteTeam => ("delete_team", "het team verwijderen", "delete the team"),
            A::ChangeMembers => (
                "change_members",
                "leden toevoegen, wijzigen of verwijderen",
                "add, change or remove members",
            ),
            A::SetFirstPin => (
                "set_first_pin",
                "de eerste pincode van een lid instellen",
                "set a member's first PIN",
            ),
            A::ResetPin => (
                "reset_pin",
                "de pincode van een lid wissen",
                "reset a member's PIN",
            ),
            A::ChangeTeamSettings => (
                "change_team_settings",
                "de instellingen van het team wijzigen",
                "change the team's settings",
            ),
            A::EditRubric => (
                "edit_rubric",
                "een rubriek maken, bewerken of importeren",
                "create, edit or import a rubric",
            ),
            A::FreezeRubric => ("freeze_rubric", "een rubriek vastzetten", "freeze a rubric"),
            A::ManagePosts => (
                "manage_posts",
                "de posten van het team vastleggen of verwijderen",
                "define or remove the team's posts",
            ),
            A::AddCandidate => (
                "add_candidate",
                "een kandidaat inschrijven",
                "take in a candidate",
            ),
            A::ViewIdentity => (
                "view_identity",
                "zien wie een kandidaat is",
                "see who a candidate is",
            ),
            A::ReviewOriginal => (
                "review_original",
                "de oorspronkelijke tekst lezen en anonimiseren",
                "read and redact the original text",
            ),
            A::FreezeMaterial => (
                "freeze_material",
                "geanonimiseerde tekst vastzetten",
                "freeze blinded material",
            ),
            A::DeleteCandidate => (
                "delete_candidate",
                "een kandidaat verwijderen",
                "delete a candidate",
            ),
            A::OpenRound => ("open_round", "een ronde openen", "open a round"),
            A::CloseRound => ("close_round", "een ronde sluiten", "close a round"),
            A::RevealRound => (
                "reveal_round",
                "de scores van een ronde zichtbaar maken",
                "reveal a round's scores",
            ),
            A::Score => (
                "score",
                "een eigen scoreformulier invullen en belangen melden",
                "fill in one's own sheet and declare conflicts",
            ),
            A::SubmitSheet => (
                "submit_sheet",
                "een eigen scoreformulier indienen",
                "submit one's own sheet",
            ),
            A::ViewRound => ("view_round", "een ronde bekijken", "view a round"),
            A::ViewAllocation => (
                "view_allocation",
                "de toewijzing van kandidaten aan posten bekijken",
                "view the allocation of candidates to posts",
            ),
            A::SetConflictRule => (
                "set_conflict_rule",
                "de regels voor belangenconflicten wijzigen",
                "change the conflict-of-interest rules",
            ),
            A::OverrideConflict => (
                "override_conflict",
                "een belangenconflict anders behandelen",
                "override a conflict of interest",
            ),
            A::RecordDecision => (
                "record_decision",
                "het besluit vastleggen",
                "record the decision",
            ),
            A::Unblind => (
                "unblind",
                "de namen achter de codes openen",
                "unblind the candidates",
            ),
            A::ViewUnblinded => (
                "view_unblinded",
                "de namen na het openen zien",
                "see the names after unblinding",
            ),
            A::ExportComparison => (
                "export_comparison",
                "het vergelijkingsblad exporteren",
                "export the comparison sheet",
            ),
            A::ExchangePackages => (
                "exchange_packages",
                "pakketten met beoordelaars uitwisselen",
                "exchange packages with assessors",
            ),
            A::ResolvePackageConflict => (
                "resolve_package_conflict",
                "kiezen tussen twee scorepakketten",
                "choose between two score packages",
            ),
            A::RevokeAssessorKey => (
                "revoke_assessor_key",
                "de sleutel van een beoordelaar intrekken",
                "revoke an assessor's key",
            ),
            A::ExportLogboek => (
                "export_logboek",
                "het logboek exporteren",
                "export the logbook",
            ),
            A::ExportLogboekWithIdentities => (
                "export_logboek_with_identities",
                "het logboek met namen exporteren",
                "export the logbook with names",
            ),
            A::LeadTraining => (
                "lead_training",
                "een trainingssessie starten of verder zetten",
                "start or advance a training session",
            ),
            A::SetMinAgreement => (
                "set_min_agreement",
                "de minimale overeenstemming voor live scoren instellen",
                "set the minimum agreement for live scoring",
            ),
            A::ManageTrainingContent => (
                "manage_training_content",
                "trainingsmateriaal importeren of verwijderen",
                "import or remove training content",
            ),
            A::Practise => (
                "practise",
                "als uzelf oefenen: modules, oefeningen, oefenscores",
                "practise as oneself: modules, exercises, practice scores",
            ),
            A::SealTeam => (
                "seal_team",
                "het team verzegelen met een wachtwoordzin",
                "seal the team with a passphrase",
            ),
            A::GrantAccess => (
                "grant_access",
                "een voorzitter of secretaris toegang geven tot de verzegelde gegevens",
                "give a chair or secretary access to the sealed data",
            ),
            A::EraseCandidate => (
                "erase_candidate",
                "de naam en teksten van een kandidaat wissen (terugtrekking of verzoek)",
                "erase a candidate's name and texts (withdrawal or request)",
            ),
            A::SetRetention => (
                "set_retention",
                "de bewaartermijn van het team wijzigen",
                "change the team's retention date",
            ),
            A::CloseFormation => (
                "close_formation",
                "de formatie afsluiten en de persoonsgegevens van kandidaten wissen",
                "close the formation and erase the candidates' personal data",
            ),
            A::ExportPersonalCopy => (
                "export_personal_copy",
                "een kandidaat een exemplaar geven van wat het team over hem of haar bewaart",
                "give a candidate a copy of what the team holds on them",
            ),
            A::DeleteFile => (
                "delete_file",
                "een bestand verwijderen dat Maatstaf heeft opgeslagen",
                "delete a file Maatstaf saved",
            ),
            A::RecordDissent => (
                "record_dissent",
                "vóór het besluit vastleggen dat u het oneens bent, met redenen",
                "record before the decision that one disagrees, with reasons",
            ),
            A::ExportReport => (
                "export_report",
                "het besluitverslag bekijken en opslaan",
                "preview and save the decision report",
            ),
            A::RecordRiskAnalysis => (
                "record_risk_analysis",
                "vastleggen dat de risicoanalyse van een gekozen kandidaat is gedaan",
                "record that a chosen candidate's risk analysis was done",
            ),
        }
    }
}

/// Who is asking, as the store found them: a member switched in with their PIN (or
/// authenticated on the command line), the command line without anyone, or nobody.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acting {
    Nobody,
    Cli,
    Member { id: i64, role: Role },
}

impl Acting {
    pub fn role(&self) -> Option<Role> {
        match self {
            Acting::Member { role, .. } => Some(*role),
            _ => None,
        }
    }
}

/// What the rules need to know about the team.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TeamState {
    /// A chair or secretary has a PIN: from then on only they do the setup actions.
    pub protected: bool,
    /// The decision is recorded.
    pub decided: bool,
    /// The chair has opened the names behind the codes.
    pub unblinded: bool,
}

/// Why the rules refuse. Every variant has a Dutch and an English message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum AccessError {
    #[error("nobody is signed in: a member must switch in with their PIN to {action}")]
    NobodyActing { action: String },
    #[error("the command line may {action} only for a member who signs in with --as")]
    CliNeedsMember { action: String },
    #[error("a member acting as {role} may not {action}")]
    RoleNotAllowed { action: String, role: String },
    #[error("the team must record its decision before anyone may {action}")]
    DecisionNeeded { action: String },
    #[error("the chair must unblind the candidates before anyone may {action}")]
    UnblindingNeeded { action: String },
}

impl AccessError {
    pub fn text(&self) -> Text {
        let action = |a: &str| {
            Action::ALL
                .into_iter()
                .find(|x| x.as_str() == a)
                .map(Action::text)
                .unwrap_or_else(|| Text::new(a, a))
        };
        match self {
            AccessError::NobodyActing { action: a } => {
                let t = action(a);
                Text::new(
                    format!("Niemand is aangemeld. Meld u eerst aan met uw pincode; dat is nodig om dit te doen: {}.", t.nl),
                    format!("Nobody is signed in. Switch in with your PIN first; that is needed to {}.", t.en),
                )
            }
            AccessError::CliNeedsMember { action: a } => {
                let t = action(a);
                Text::new(
                    format!("Op de opdrachtregel kan dit alleen met --as LID: {}.", t.nl),
                    format!(
                        "On the command line you may {} only with --as MEMBER.",
                        t.en
                    ),
                )
            }
            AccessError::RoleNotAllowed { action: a, role } => {
                let t = action(a);
                let r = Role::parse(role).map_or_else(|| Text::new(role, role), role_text);
                Text::new(
                    format!("Als {} mag u dit niet: {}.", r.nl, t.nl),
                    format!("As {} you may not {}.", r.en, t.en),
                )
            }
            AccessError::DecisionNeeded { action: a } => {
                let t = action(a);
                Text::new(
                    format!("Dit kan pas als het besluit is vastgelegd: {}.", t.nl),
                    format!("The decision must be recorded before you can {}.", t.en),
                )
            }
            AccessError::UnblindingNeeded { action: a } => {
                let t = action(a);
                Text::new(
                    format!(
                        "Dit kan pas als de voorzitter de namen heeft geopend: {}.",
                        t.nl
                    ),
                    format!(
                        "The chair must unblind the candidates before you can {}.",
                        t.en
                    ),
                )
            }
        }
    }
}

/// A role's name in both languages, as the rule table and refusals use it.
pub fn role_text(role: Role) -> Text {
    match role {
        Role::Chair => Text::new("voorzitter", "chair"),
        Role::Secretary => Text::new("secretaris", "secretary"),
        Role::Assessor => Text::new("beoordelaar", "assessor"),
        Role::Trainer => Text::new("trainer", "trainer"),
        Role::Committee => Text::new("commissielid", "committee member"),
    }
}

/// Whether `acting` may do `action` in a team in state `team`. A refusal says why.
pub fn check(action: Action, acting: &Acting, team: TeamState) -> Result<(), AccessError> {
    let rule = rule(action);
    let name = action.as_str().to_owned();
    let open_to_anyone = rule.bootstrap && !team.protected;
    match acting {
        _ if open_to_anyone => {}
        Acting::Member { role, .. } if !rule.roles.contains(role) => {
            return Err(AccessError::RoleNotAllowed {
                action: name,
                role: role.as_str().to_owned(),
            });
        }
        Acting::Member { .. } => {}
        Acting::Nobody => return Err(AccessError::NobodyActing { action: name }),
        Acting::Cli => return Err(AccessError::CliNeedsMember { action: name }),
    }
    match rule.team {
        TeamNeed::Any => Ok(()),
        TeamNeed::Decided if team.decided => Ok(()),
        TeamNeed::Decided => Err(AccessError::DecisionNeeded { action: name }),
        TeamNeed::Unblinded if team.unblinded => Ok(()),
        TeamNeed::Unblinded => Err(AccessError::UnblindingNeeded { action: name }),
    }
}

/// Whether the acting member's session ends once `action` succeeded: after the steps
/// that expose the most, the next person at the laptop must not inherit them.
pub fn ends_session(action: Action) -> bool {
    rule(action).ends_session
}

#[cfg(test)]
mod tests;
