//! The bundled demo team, described in `content/demo/team.toml`.

use serde::Deserialize;

use crate::team::{clean_name, Role};

/// The demo file as shipped; compiled in so a fresh data folder always gets it.
pub const BUNDLED_DEMO_TEAM: &str = include_str!("../../../content/demo/team.toml");

/// The demo team's posts (portefeuilles): each name with the bundled 80/20 template
/// it is scored on, so one round can score both with the generic criteria once.
pub const DEMO_POSTS: [(&str, &str); 2] = [
    ("Financiën", "wethouder-financien"),
    ("Wonen", "wethouder-wonen"),
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoTeam {
    pub name: String,
    pub members: Vec<DemoMember>,
    pub candidates: Vec<DemoCandidate>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoMember {
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub party: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCandidate {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub party: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("demo team file: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("demo team file: {0}")]
    Name(#[from] crate::team::NameError),
}

pub fn parse_demo_team(text: &str) -> Result<DemoTeam, DemoError> {
    let team: DemoTeam = toml::from_str(text)?;
    clean_name(&team.name)?;
    for m in &team.members {
        clean_name(&m.name)?;
    }
    Ok(team)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_demo_team_has_scoring_members_and_candidates() {
        let team = parse_demo_team(BUNDLED_DEMO_TEAM).unwrap();
        assert_eq!(team.name, "Gemeente Voorbeeld — formatie 2026");
        assert!(team.members.iter().filter(|m| m.role.scores()).count() >= 3);
        assert!(team.members.iter().any(|m| m.role == Role::Chair));
        assert!(team.candidates.len() >= 3);
    }

    #[test]
    fn the_demo_posts_share_their_generic_criteria_and_combine() {
        let posts: Vec<crate::scoring::Post> = DEMO_POSTS
            .iter()
            .map(|(name, template)| crate::scoring::Post {
                id: template.trim_start_matches("wethouder-").to_owned(),
                name: (*name).to_owned(),
                rubric: crate::rubric::template(template).unwrap(),
            })
            .collect();
        let (rubric, round_posts) = crate::scoring::combine_posts(&posts).unwrap();
        // Six generic criteria once, plus one portfolio criterion per post.
        assert_eq!(rubric.criteria.len(), 8);
        assert_eq!(round_posts.len(), 2);
    }

    #[test]
    fn a_typo_in_the_demo_file_is_refused() {
        let err = parse_demo_team("name = \"x\"\nmembers = []\ncandidates = []\ncolour = 1\n")
            .unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }
}
