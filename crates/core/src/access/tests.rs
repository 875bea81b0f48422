use super::*;

const ALL_ROLES: [Role; 5] = Role::ALL;

fn member(role: Role) -> Acting {
    Acting::Member { id: 7, role }
}

fn protected() -> TeamState {
    TeamState {
        protected: true,
        ..TeamState::default()
    }
}

#[test]
fn every_action_has_a_distinct_name_and_both_languages() {
    let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Action::ALL.len());
    for a in Action::ALL {
        let t = a.text();
        assert!(
            !t.nl.is_empty() && !t.en.is_empty() && t.nl != t.en,
            "{a:?}"
        );
        assert_eq!(
            serde_json::to_value(a).unwrap(),
            serde_json::Value::String(a.as_str().to_owned())
        );
    }
}

#[test]
fn nobody_acting_is_refused_everything_in_a_protected_team() {
    for a in Action::ALL {
        assert_eq!(
            check(a, &Acting::Nobody, protected()),
            Err(AccessError::NobodyActing {
                action: a.as_str().to_owned()
            }),
            "{a:?}"
        );
        assert!(matches!(
            check(a, &Acting::Cli, protected()),
            Err(AccessError::CliNeedsMember { .. })
        ));
    }
}

#[test]
fn before_a_team_is_protected_only_its_setup_is_open_to_anyone() {
    let open: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| check(*a, &Acting::Nobody, TeamState::default()).is_ok())
        .collect();
    assert_eq!(
        open,
        [
            Action::RenameTeam,
            Action::DeleteTeam,
            Action::ChangeMembers,
            Action::SetFirstPin,
            Action::ChangeTeamSettings,
            Action::SealTeam,
        ]
    );
}

#[test]
fn names_after_unblinding_are_for_the_officers_who_hold_the_key() {
    let unblinded = TeamState {
        protected: true,
        decided: true,
        unblinded: true,
    };
    for role in [Role::Chair, Role::Secretary] {
        assert!(check(
            Action::ViewUnblinded,
            &Acting::Member { id: 1, role },
            unblinded
        )
        .is_ok());
    }
    for role in [Role::Assessor, Role::Trainer, Role::Committee] {
        assert!(check(
            Action::ViewUnblinded,
            &Acting::Member { id: 1, role },
            unblinded
        )
        .is_err());
    }
}

#[test]
fn before_protection_a_switched_in_assessor_is_anyone_too() {
    assert!(check(
        Action::ChangeMembers,
        &member(Role::Assessor),
        TeamState::default()
    )
    .is_ok());
    assert!(check(Action::ChangeMembers, &member(Role::Assessor), protected()).is_err());
    assert!(check(
        Action::EditRubric,
        &member(Role::Assessor),
        TeamState::default()
    )
    .is_err());
}

#[test]
fn identities_and_originals_are_for_the_officers_alone() {
    for a in [
        Action::ViewIdentity,
        Action::ReviewOriginal,
        Action::AddCandidate,
        Action::FreezeMaterial,
        Action::DeleteCandidate,
    ] {
        for role in ALL_ROLES {
            let allowed = check(a, &member(role), protected()).is_ok();
            assert_eq!(
                allowed,
                matches!(role, Role::Chair | Role::Secretary),
                "{a:?} {role:?}"
            );
        }
    }
}

#[test]
fn the_logboek_with_names_needs_an_officer_and_the_unblinding() {
    let a = Action::ExportLogboekWithIdentities;
    let decided = TeamState {
        decided: true,
        ..protected()
    };
    let unblinded = TeamState {
        unblinded: true,
        ..decided
    };
    assert_eq!(
        check(a, &member(Role::Chair), decided),
        Err(AccessError::UnblindingNeeded {
            action: a.as_str().to_owned()
        })
    );
    assert!(check(a, &member(Role::Secretary), unblinded).is_ok());
    assert!(matches!(
        check(a, &member(Role::Assessor), unblinded),
        Err(AccessError::RoleNotAllowed { .. })
    ));
    assert!(check(Action::ExportLogboek, &member(Role::Chair), protected()).is_ok());
    assert!(check(Action::ExportLogboek, &member(Role::Committee), protected()).is_err());
}

#[test]
fn unblinding_waits_for_the_decision_and_is_the_chairs() {
    let decided = TeamState {
        decided: true,
        ..protected()
    };
    assert!(matches!(
        check(Action::Unblind, &member(Role::Chair), protected()),
        Err(AccessError::DecisionNeeded { .. })
    ));
    assert!(check(Action::Unblind, &member(Role::Chair), decided).is_ok());
    assert!(check(Action::Unblind, &member(Role::Secretary), decided).is_err());
}

#[test]
fn training_is_led_by_the_trainer_and_everyone_practises_as_themselves() {
    for role in ALL_ROLES {
        let trainer = role == Role::Trainer;
        for a in [
            Action::LeadTraining,
            Action::SetMinAgreement,
            Action::ManageTrainingContent,
        ] {
            assert_eq!(check(a, &member(role), protected()).is_ok(), trainer);
        }
        assert!(check(Action::Practise, &member(role), protected()).is_ok());
    }
}

#[test]
fn the_steps_that_expose_most_end_the_session() {
    let ending: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| ends_session(*a))
        .collect();
    assert_eq!(
        ending,
        [
            Action::DeleteTeam,
            Action::DeleteCandidate,
            Action::SubmitSheet,
            Action::Unblind,
            Action::ExportLogboekWithIdentities,
            Action::CloseFormation,
        ]
    );
}

#[test]
fn refusals_read_well_in_both_languages() {
    let e = check(Action::OpenRound, &member(Role::Assessor), protected()).unwrap_err();
    let t = e.text();
    assert_eq!(t.nl, "Als beoordelaar mag u dit niet: een ronde openen.");
    assert_eq!(t.en, "As assessor you may not open a round.");
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["code"], "role_not_allowed");
    assert_eq!(json["role"], "assessor");
}

#[test]
fn the_readme_shows_the_rules_as_they_are() {
    let readme = include_str!("../../../../README.md");
    let table = rule_table();
    assert!(
        readme.contains(&table),
        "README.md's \"who may do what\" table differs from core's rules; paste this:\n\n{table}"
    );
}

/// Writes the rule table beside the generated TypeScript types (`TS_RS_EXPORT_DIR`, as
/// ts-rs does), for the UI's test mocks; `cargo xtask test` fails when the committed
/// copy differs.
#[test]
fn export_the_rules_for_the_ui_tests() {
    let Some(dir) = std::env::var_os("TS_RS_EXPORT_DIR") else {
        return;
    };
    let text = serde_json::to_string_pretty(&rules_json()).unwrap() + "\n";
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(std::path::Path::new(&dir).join("accessRules.json"), text).unwrap();
    let json = rules_json();
    assert_eq!(json["rules"].as_object().unwrap().len(), Action::ALL.len());
    assert_eq!(json["rules"]["unblind"]["team"], "decided");
}

#[test]
fn closing_the_formation_is_the_chairs_and_waits_for_the_decision() {
    let decided = TeamState {
        protected: true,
        decided: true,
        unblinded: false,
    };
    assert!(check(Action::CloseFormation, &member(Role::Chair), decided).is_ok());
    assert!(matches!(
        check(Action::CloseFormation, &member(Role::Chair), protected()),
        Err(AccessError::DecisionNeeded { .. })
    ));
    for role in [Role::Secretary, Role::Assessor, Role::Committee] {
        assert!(check(Action::CloseFormation, &member(role), decided).is_err());
    }
    for role in [Role::Chair, Role::Secretary] {
        assert!(check(Action::EraseCandidate, &member(role), protected()).is_ok());
        assert!(check(Action::ExportPersonalCopy, &member(role), protected()).is_ok());
    }
    assert!(check(Action::EraseCandidate, &member(Role::Assessor), protected()).is_err());
}
