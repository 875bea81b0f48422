//! The team's entry for the party's record of processing (*verwerkingsregister*):
//! filled in from the team's members, roles and retention date. It holds no candidate
//! data, so anyone at the laptop may read it; core writes the page.

use maatstaf_core::report::{processing_record, ProcessingRecordInput, RecordMember};

use crate::error::Result;
use crate::{clock, Store};

impl Store {
    /// The processing record of `team_id` as a standalone page in the store's language.
    pub fn processing_record(&self, team_id: i64) -> Result<String> {
        let detail = self.team_detail(team_id)?;
        let retention = self.retention(team_id)?;
        let members: Vec<RecordMember> = detail
            .members
            .into_iter()
            .map(|m| RecordMember {
                name: m.name,
                role: m.role,
                party: m.party,
            })
            .collect();
        let generated_at = clock::now();
        let input = ProcessingRecordInput {
            team: &detail.team.name,
            created_at: &detail.team.created_at,
            generated_at: &generated_at,
            members: &members,
            retain_until: retention.retain_until.as_deref(),
            closed_at: retention.closed_at.as_deref(),
        };
        Ok(processing_record(&input, self.language()?))
    }
}

#[cfg(test)]
mod tests {
    use crate::fixtures::demo_team;
    use crate::Store;

    #[test]
    fn the_demo_teams_record_names_its_members_and_no_candidate() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        let team = demo_team(&store);
        let before = store.ledger(team).unwrap().len();
        let html = store.processing_record(team).unwrap();
        assert!(html.contains("Verwerkingsregister"));
        assert!(html.contains("Gemeente Voorbeeld — formatie 2026"));
        assert!(html.contains("Anneke de Wit") && html.contains("<td>voorzitter</td>"));
        assert!(html.contains("Henk Jansma") && html.contains("<td>commissielid</td>"));
        for candidate in ["Sanne Hoekstra", "Kees Brouwer", "K-7F3"] {
            assert!(!html.contains(candidate), "{candidate}");
        }
        assert_eq!(
            store.ledger(team).unwrap().len(),
            before,
            "reading logs nothing"
        );
    }
}
