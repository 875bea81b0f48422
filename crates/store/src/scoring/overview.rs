//! What the scoring screen reads: the overview of a team's scoring, a round as the
//! viewer may see it, and the blinded material of its candidates.

use maatstaf_core::access::Action;
use maatstaf_core::scoring::{self, BlindedCandidate, RoundView};

use super::reading::{
    frozen_rubric_refs, latest_round_number, load_policy, load_round, load_selection, load_sheets,
    status_str,
};
use super::{member, RoundSummary, ScoringOverview};
use crate::error::Result;
use crate::{candidates, Store};

impl Store {
    pub fn scoring_overview(&self, team_id: i64) -> Result<ScoringOverview> {
        let members = self.scoring_members(team_id)?;
        let rubrics = frozen_rubric_refs(&self.conn, team_id)?;
        let candidates = candidates::blinded_candidates(&self.conn, team_id)?
            .into_iter()
            .map(|c| c.code)
            .collect();
        let mut rounds = Vec::new();
        if let Some(last) = latest_round_number(&self.conn, team_id)? {
            for number in 1..=last {
                let round = load_round(&self.conn, team_id, number)?;
                let sheets = load_sheets(&self.conn, team_id, number)?;
                rounds.push(RoundSummary {
                    number,
                    state: status_str(&round).to_owned(),
                    progress: round.progress(&sheets)?,
                });
            }
        }
        Ok(ScoringOverview {
            members,
            rubrics,
            candidates,
            rounds,
            selection: load_selection(&self.conn, team_id)?,
            policy: load_policy(&self.conn, team_id)?,
        })
    }

    /// What `viewer` may see of round `number`: always through `scoring::view_for`.
    pub fn round_view(&self, team_id: i64, viewer: i64, number: u32) -> Result<RoundView> {
        self.authorize(team_id, Action::ViewRound, Some(viewer))?;
        let (actor, _) = member(&self.conn, team_id, viewer)?;
        let round = load_round(&self.conn, team_id, number)?;
        let sheets = load_sheets(&self.conn, team_id, number)?;
        let mut view = scoring::view_for(&actor, &round, &sheets)?;
        if let RoundView::Revealed { comparison } = &mut view {
            let erased = crate::privacy::erased_codes(&self.conn, team_id)?;
            for row in &mut comparison.candidates {
                row.withdrawn = erased.contains(&row.code);
            }
        }
        Ok(view)
    }

    /// The blinded material of the round's candidates, for a participant of the round.
    pub fn round_material(
        &self,
        team_id: i64,
        viewer: i64,
        number: u32,
    ) -> Result<Vec<BlindedCandidate>> {
        // view_for decides who takes part; its answer itself is not needed here.
        self.round_view(team_id, viewer, number)?;
        let round = load_round(&self.conn, team_id, number)?;
        Ok(candidates::blinded_candidates(&self.conn, team_id)?
            .into_iter()
            .filter(|c| round.candidates().contains(&c.code))
            .collect())
    }
}
