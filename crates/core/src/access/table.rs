//! The rule table itself: one row per [`Action`].

use super::{role_text, Action};
use crate::team::Role;

/// Bumped whenever a row of the table changes; every logboek export records it, so a
/// committee knows which rules the file was made under.
pub const RULES_VERSION: u32 = 7;

/// The chair and the secretary: they run the procedure and may see identities.
pub const OFFICERS: &[Role] = &[Role::Chair, Role::Secretary];
/// Everyone who may score in a live round (core's round decides who is in it).
pub const SCORERS: &[Role] = &[Role::Chair, Role::Secretary, Role::Assessor];
const CHAIR: &[Role] = &[Role::Chair];
const TRAINER: &[Role] = &[Role::Trainer];
const ANY_MEMBER: &[Role] = &[
    Role::Chair,
    Role::Secretary,
    Role::Assessor,
    Role::Trainer,
    Role::Committee,
];

/// What the team must have done before an action is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamNeed {
    Any,
    Decided,
    Unblinded,
}

/// One row of the table. Every action needs a member signed in (with their PIN, or a
/// chair or secretary of a sealed team with their passphrase), except the `bootstrap`
/// ones while the team is not protected yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Rule {
    pub roles: &'static [Role],
    pub bootstrap: bool,
    pub team: TeamNeed,
    pub ends_session: bool,
}

const fn member(roles: &'static [Role]) -> Rule {
    Rule {
        roles,
        bootstrap: false,
        team: TeamNeed::Any,
        ends_session: false,
    }
}

const fn setup(roles: &'static [Role]) -> Rule {
    Rule {
        bootstrap: true,
        ..member(roles)
    }
}

const fn ending(rule: Rule) -> Rule {
    Rule {
        ends_session: true,
        ..rule
    }
}

pub fn rule(action: Action) -> Rule {
    use Action as A;
    match action {
        A::RenameTeam | A::ChangeMembers | A::SetFirstPin | A::ChangeTeamSettings => {
            setup(OFFICERS)
        }
        A::DeleteTeam => ending(setup(OFFICERS)),
        A::SealTeam => setup(OFFICERS),
        A::GrantAccess => member(OFFICERS),
        A::EraseCandidate | A::ExportPersonalCopy | A::DeleteFile => member(OFFICERS),
        A::RecordDissent => member(SCORERS),
        A::ExportReport => member(OFFICERS),
        A::RecordRiskAnalysis => Rule {
            team: TeamNeed::Decided,
            ..member(OFFICERS)
        },
        A::SetRetention => member(CHAIR),
        A::CloseFormation => ending(Rule {
            team: TeamNeed::Decided,
            ..member(CHAIR)
        }),
        A::ResetPin => member(OFFICERS),
        A::EditRubric | A::FreezeRubric | A::ManagePosts => member(OFFICERS),
        A::AddCandidate | A::ViewIdentity | A::ReviewOriginal | A::FreezeMaterial => {
            member(OFFICERS)
        }
        A::DeleteCandidate => ending(member(OFFICERS)),
        A::OpenRound | A::CloseRound | A::RevealRound => member(CHAIR),
        A::SetConflictRule | A::OverrideConflict => member(CHAIR),
        A::Score => member(SCORERS),
        A::SubmitSheet => ending(member(SCORERS)),
        A::ViewRound | A::ExportComparison => member(SCORERS),
        // Advice from revealed scores, for everyone who sees the comparison sheet; the
        // store gives it only after the reveal.
        A::ViewAllocation => member(SCORERS),
        A::RecordDecision => member(OFFICERS),
        A::Unblind => ending(Rule {
            team: TeamNeed::Decided,
            ..member(CHAIR)
        }),
        // The names are sealed: only an officer who unlocked them can read them.
        A::ViewUnblinded => Rule {
            team: TeamNeed::Unblinded,
            ..member(OFFICERS)
        },
        A::ExportLogboek => member(OFFICERS),
        // Writing a round package signs with the team key; reading a score package opens
        // it with the team's recipient key: both need an officer's unlock.
        A::ExchangePackages => member(OFFICERS),
        A::ResolvePackageConflict => member(CHAIR),
        // An assessor who lost their passphrase needs a new key; the chair alone takes
        // the old one back, with a reason in the log that every committee's check shows.
        A::RevokeAssessorKey => member(CHAIR),
        A::ExportLogboekWithIdentities => ending(Rule {
            team: TeamNeed::Unblinded,
            ..member(OFFICERS)
        }),
        A::LeadTraining | A::SetMinAgreement | A::ManageTrainingContent => member(TRAINER),
        A::Practise => member(ANY_MEMBER),
    }
}

/// The whole table as JSON (`{"version", "rules": {action: rule}}`): the UI's tests
/// answer "who may" in their mocks from it rather than from a copy of their own.
pub fn rules_json() -> serde_json::Value {
    let rules: serde_json::Map<String, serde_json::Value> = Action::ALL
        .into_iter()
        .map(|a| (a.as_str().to_owned(), serde_json::json!(rule(a))))
        .collect();
    serde_json::json!({ "version": RULES_VERSION, "rules": rules })
}

/// The table as Markdown for the README (a test keeps them equal).
pub fn rule_table() -> String {
    let mut out = String::from(
        "| action | who, signed in | only when | signed out after |\n\
         | --- | --- | --- | --- |\n",
    );
    for action in Action::ALL {
        let r = rule(action);
        let who = r
            .roles
            .iter()
            .map(|role| role_text(*role).en)
            .collect::<Vec<_>>()
            .join(", ");
        let who = if r.bootstrap {
            format!("{who}; anyone while no chair or secretary has a PIN or passphrase")
        } else {
            who
        };
        let need = match r.team {
            TeamNeed::Any => "",
            TeamNeed::Decided => "the decision is recorded",
            TeamNeed::Unblinded => "the names are unblinded",
        };
        let ends = if r.ends_session { "yes" } else { "" };
        out.push_str(&format!(
            "| {} (`{}`) | {who} | {need} | {ends} |\n",
            action.text().en,
            action.as_str()
        ));
    }
    out.push_str(&format!("\nRules version {RULES_VERSION}.\n"));
    out
}
