//! Scoring rounds: who scores which candidates on which frozen rubric, in what order.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::error::RubricProblem;
use super::material::check_code;
use super::order::{candidate_orders, criterion_order};
use super::posts::{combine_posts, Post, RoundPost};
use super::{is_blank, Actor, ScoringError, Sheet};
use crate::assessor::Exclusion;
use crate::rubric::Rubric;
use crate::team::Role;

/// How an assessor works through the material.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ScoringMode {
    /// One candidate at a time, every criterion.
    ByCandidate,
    /// One criterion at a time across all candidates ("chunked", as Applied does):
    /// comparing like with like, and a strong answer on one criterion does not
    /// colour the next (halo).
    ByCriterion,
}

/// One assessor as the chair adds them to a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssessorSetup {
    pub id: String,
    pub role: Role,
    pub mode: ScoringMode,
}

/// What the chair chooses when opening the first round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoundSetup {
    /// The frozen rubric; the round keeps its own copy and hash.
    pub rubric: crate::rubric::Rubric,
    /// Candidate codes.
    pub candidates: Vec<String>,
    pub assessors: Vec<AssessorSetup>,
    /// Pairs kept out of scoring for a conflict of interest; see
    /// [`crate::assessor::excluded_pairs`].
    pub exclusions: Vec<Exclusion>,
}

/// What the chair chooses when opening a first round for several posts: like
/// [`RoundSetup`], with the posts (each with its frozen rubric) instead of one rubric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostRoundSetup {
    pub posts: Vec<Post>,
    pub candidates: Vec<String>,
    pub assessors: Vec<AssessorSetup>,
    pub exclusions: Vec<Exclusion>,
}

/// One assessor of a later round, as the chair keeps or adds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NextRoundAssessor {
    pub id: String,
    pub mode: ScoringMode,
}

/// What a next round starts from when the chair changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CarriedOver {
    /// Candidate codes of the previous round.
    pub candidates: Vec<String>,
    pub assessors: Vec<NextRoundAssessor>,
}

/// What the chair chooses when opening a later round: the rubric is the previous
/// round's; candidates (also those taken in since), assessors and modes are chosen
/// again. `exclusions` are new ones, added to those that carry over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NextRoundSetup {
    pub candidates: Vec<String>,
    pub assessors: Vec<AssessorSetup>,
    pub exclusions: Vec<Exclusion>,
}

/// One assessor's part of a round: their mode and their own presentation order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssessorPlan {
    pub assessor: String,
    pub mode: ScoringMode,
    /// Candidate codes in the order this assessor sees them.
    pub candidate_order: Vec<String>,
    /// Criterion ids in the order this assessor sees them: shuffled in chunked mode,
    /// the rubric's own order otherwise.
    pub criterion_order: Vec<String>,
}

/// Where a round stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum RoundStatus {
    /// Sheets can be filled in and submitted.
    Open,
    /// The chair stopped the round; `missing` assessors had not submitted.
    Closed { missing: Vec<String> },
    /// The comparison sheet is visible; `missing` as recorded at closing (empty when
    /// every sheet was in).
    Revealed { missing: Vec<String> },
}

/// A cell of a sheet: one candidate on one criterion.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CellRef {
    pub candidate: String,
    pub criterion: String,
}

/// "3 of 5 submitted": all anyone learns about other sheets before the reveal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoundProgress {
    pub submitted: u32,
    pub total: u32,
}

/// One scoring round. Fields are private so the status can only move through the
/// checked transitions below; the store persists the whole value as it is (serde).
///
/// The round holds which assessor is excluded for which candidate. That is itself
/// sensitive (a "family" exclusion tells colleagues who is related to whom), so
/// screens should not be fed a `Round` before the reveal but a [`RoundView`](super::RoundView),
/// which gives each assessor only their own plan and exclusions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Round {
    number: u32,
    rubric_hash: String,
    rubric: Rubric,
    /// Candidate codes, sorted: a neutral order for the comparison sheet.
    candidates: Vec<String>,
    /// Sorted by assessor id.
    assessors: Vec<AssessorPlan>,
    exclusions: Vec<Exclusion>,
    /// The 32-byte seed the orders were drawn from, in hex.
    seed: String,
    status: RoundStatus,
    /// In an assessor's part of a round ([`Round::assignment_for`]): how many assessors
    /// the whole round has, so excluding this one still leaves the others. Zero in a
    /// whole round.
    #[serde(default, skip_serializing_if = "is_zero")]
    #[ts(skip)]
    whole_round_assessors: u32,
    /// The posts a round for several posts scores (see [`super::posts`]); empty in a
    /// round on one rubric, which then serialises exactly as before posts existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<RoundPost>>")]
    posts: Vec<RoundPost>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// SHA-256 over the rubric's JSON form (fields in declaration order, anchors sorted),
/// in hex. A round records it so a changed rubric can never pass as the frozen one.
pub fn rubric_hash(rubric: &Rubric) -> String {
    let json = serde_json::to_vec(rubric).expect("a rubric always serialises");
    hex::encode(Sha256::digest(json))
}

impl Round {
    /// Opens round 1. Only a chair may; the seed comes from OS randomness in the app.
    pub fn open(actor: &Actor, setup: RoundSetup, seed: [u8; 32]) -> Result<Round, ScoringError> {
        actor.require_chair()?;
        check_rubric(&setup.rubric)?;
        Round::build(
            1,
            setup.rubric,
            setup.candidates,
            setup.assessors,
            setup.exclusions,
            seed,
        )
    }

    /// Opens round 1 for several posts at once: the round is scored on the posts'
    /// criteria, each once per candidate (see [`super::posts::combine_posts`]), and
    /// keeps every post's weights for its totals.
    pub fn open_for_posts(
        actor: &Actor,
        setup: PostRoundSetup,
        seed: [u8; 32],
    ) -> Result<Round, ScoringError> {
        actor.require_chair()?;
        let (rubric, posts) = combine_posts(&setup.posts)?;
        let mut round = Round::build(
            1,
            rubric,
            setup.candidates,
            setup.assessors,
            setup.exclusions,
            seed,
        )?;
        round.posts = posts;
        Ok(round)
    }

    /// Opens the next round after a revealed one: same rubric, candidates, assessors,
    /// modes and exclusions, fresh orders from a fresh seed.
    pub fn next(&self, actor: &Actor, seed: [u8; 32]) -> Result<Round, ScoringError> {
        actor.require_chair()?;
        if !self.is_revealed() {
            return Err(ScoringError::NotRevealed);
        }
        if hex::encode(seed) == self.seed {
            return Err(ScoringError::SeedReused);
        }
        let modes: Vec<(String, ScoringMode)> = self
            .assessors
            .iter()
            .map(|p| (p.assessor.clone(), p.mode))
            .collect();
        let mut round = self.clone();
        round.number = self.number + 1;
        round.seed = hex::encode(seed);
        round.status = RoundStatus::Open;
        round.assessors = round.plans(&modes, &seed);
        Ok(round)
    }

    /// What carries over into a next round when the chair changes nothing: this
    /// round's candidates, and its assessors with their modes.
    pub fn carry_over(&self) -> CarriedOver {
        CarriedOver {
            candidates: self.candidates.clone(),
            assessors: self
                .assessors
                .iter()
                .map(|p| NextRoundAssessor {
                    id: p.assessor.clone(),
                    mode: p.mode,
                })
                .collect(),
        }
    }

    /// Opens the next round after a revealed one, with the candidates and assessors
    /// the chair chose: candidates taken in since may join, others may leave. The
    /// rubric stays (a changed level is compared with the previous round and needs a
    /// reason), and so does every exclusion whose candidate and assessor are both
    /// still in.
    pub fn next_with(
        &self,
        actor: &Actor,
        setup: NextRoundSetup,
        seed: [u8; 32],
    ) -> Result<Round, ScoringError> {
        actor.require_chair()?;
        if !self.is_revealed() {
            return Err(ScoringError::NotRevealed);
        }
        if hex::encode(seed) == self.seed {
            return Err(ScoringError::SeedReused);
        }
        let mut round = Round::build(
            self.number + 1,
            self.rubric.clone(),
            setup.candidates,
            setup.assessors,
            Vec::new(),
            seed,
        )?;
        let mut exclusions = setup.exclusions;
        exclusions.extend(self.exclusions.iter().cloned());
        exclusions.retain(|e| {
            round.candidates.contains(&e.candidate)
                && round.assessors.iter().any(|p| p.assessor == e.assessor)
        });
        round.exclusions = round.checked_exclusions(exclusions)?;
        round.posts = self.posts.clone();
        Ok(round)
    }

    fn build(
        number: u32,
        rubric: Rubric,
        candidates: Vec<String>,
        assessors: Vec<AssessorSetup>,
        exclusions: Vec<Exclusion>,
        seed: [u8; 32],
    ) -> Result<Round, ScoringError> {
        let mut candidates = candidates;
        for code in &candidates {
            check_code(code)?;
        }
        candidates.sort();
        if candidates.is_empty() {
            return Err(ScoringError::NoCandidates);
        }
        if let Some(w) = candidates.windows(2).find(|w| w[0] == w[1]) {
            return Err(ScoringError::DuplicateCandidate {
                candidate: w[0].clone(),
            });
        }
        let mut assessors = assessors;
        assessors.sort_by(|a, b| a.id.cmp(&b.id));
        if assessors.is_empty() {
            return Err(ScoringError::NoAssessors);
        }
        for a in &assessors {
            if is_blank(&a.id) {
                return Err(ScoringError::UnknownAssessor { id: a.id.clone() });
            }
            if !a.role.scores() {
                return Err(ScoringError::RoleCannotScore { id: a.id.clone() });
            }
        }
        if let Some(w) = assessors.windows(2).find(|w| w[0].id == w[1].id) {
            return Err(ScoringError::DuplicateAssessor {
                id: w[0].id.clone(),
            });
        }
        let modes: Vec<(String, ScoringMode)> =
            assessors.into_iter().map(|a| (a.id, a.mode)).collect();
        let mut round = Round {
            number,
            rubric_hash: rubric_hash(&rubric),
            rubric,
            candidates,
            assessors: Vec::new(),
            exclusions: Vec::new(),
            seed: hex::encode(seed),
            status: RoundStatus::Open,
            whole_round_assessors: 0,
            posts: Vec::new(),
        };
        round.assessors = round.plans(&modes, &seed);
        round.exclusions = round.checked_exclusions(exclusions)?;
        Ok(round)
    }

    fn plans(&self, modes: &[(String, ScoringMode)], seed: &[u8; 32]) -> Vec<AssessorPlan> {
        let ids: Vec<&str> = modes.iter().map(|(id, _)| id.as_str()).collect();
        let orders = candidate_orders(seed, &ids, self.candidates.len());
        modes
            .iter()
            .zip(orders)
            .map(|((id, mode), order)| {
                let criteria = &self.rubric.criteria;
                let criterion_order = match mode {
                    ScoringMode::ByCandidate => criteria.iter().map(|c| c.id.clone()).collect(),
                    ScoringMode::ByCriterion => criterion_order(seed, id, criteria.len())
                        .into_iter()
                        .map(|i| criteria[i].id.clone())
                        .collect(),
                };
                AssessorPlan {
                    assessor: id.clone(),
                    mode: *mode,
                    candidate_order: order
                        .into_iter()
                        .map(|i| self.candidates[i].clone())
                        .collect(),
                    criterion_order,
                }
            })
            .collect()
    }

    fn checked_exclusions(
        &self,
        mut exclusions: Vec<Exclusion>,
    ) -> Result<Vec<Exclusion>, ScoringError> {
        for e in &exclusions {
            self.require_assessor(&e.assessor)?;
            self.require_candidate(&e.candidate)?;
        }
        exclusions.sort();
        exclusions.dedup();
        let assessors = match self.whole_round_assessors {
            0 => self.assessors.len(),
            whole => whole as usize,
        };
        for code in &self.candidates {
            let excluded = exclusions.iter().filter(|e| &e.candidate == code).count();
            if excluded == assessors {
                return Err(ScoringError::NobodyLeftToScore {
                    candidate: code.clone(),
                });
            }
        }
        Ok(exclusions)
    }

    /// Keeps an assessor out of scoring one candidate from now on, for a conflict that
    /// came to light during the round. The chair or the assessor themself may do it
    /// (recusing yourself is always allowed), while the round is open and before the
    /// assessor has submitted. `sheets` are the stored sheets (any round); the
    /// assessor's draft in this round loses its cells for that candidate, so the
    /// caller persists that sheet again.
    pub fn add_exclusion(
        &mut self,
        actor: &Actor,
        exclusion: Exclusion,
        sheets: &mut [Sheet],
    ) -> Result<(), ScoringError> {
        if actor.role != Role::Chair && actor.id != exclusion.assessor {
            return Err(ScoringError::ChairOnly);
        }
        self.require_open()?;
        self.submitted_sheets(sheets)?;
        let mut draft = None;
        for sheet in sheets.iter_mut() {
            if sheet.round() == self.number && sheet.assessor() == exclusion.assessor {
                sheet.require_draft()?;
                draft = Some(sheet);
            }
        }
        let mut all = self.exclusions.clone();
        all.push(exclusion.clone());
        self.exclusions = self.checked_exclusions(all)?;
        if let Some(sheet) = draft {
            sheet.drop_candidate(&exclusion.candidate);
        }
        Ok(())
    }

    /// The part of this round one assessor takes to their own laptop: the rubric, the
    /// candidates, their own plan and exclusions, and nothing of anyone else's (other
    /// plans and exclusions stay home, and so does the seed, from which every other
    /// plan could be drawn again). A sheet filled in against it obeys the same rules
    /// as one filled in on the team's laptop; the team's laptop checks it again
    /// against the whole round on import.
    pub fn assignment_for(&self, assessor: &str) -> Result<Round, ScoringError> {
        self.require_open()?;
        let plan = self.plan(assessor)?.clone();
        Ok(Round {
            number: self.number,
            rubric_hash: self.rubric_hash.clone(),
            rubric: self.rubric.clone(),
            candidates: self.candidates.clone(),
            assessors: vec![plan],
            exclusions: self
                .exclusions
                .iter()
                .filter(|e| e.assessor == assessor)
                .cloned()
                .collect(),
            seed: String::new(),
            status: RoundStatus::Open,
            whole_round_assessors: self.assessors.len() as u32,
            posts: self.posts.clone(),
        })
    }

    /// Stops the round: no more submissions, and the assessors who had not
    /// submitted are recorded as missing. Chair only, and only once at least one
    /// sheet is in.
    pub fn close(&mut self, actor: &Actor, sheets: &[Sheet]) -> Result<(), ScoringError> {
        actor.require_chair()?;
        self.require_open()?;
        let submitted = self.submitted_sheets(sheets)?;
        // A round closed with nothing in it could never be revealed nor followed.
        if submitted.is_empty() {
            return Err(ScoringError::NothingToReveal);
        }
        let missing = self
            .assessor_ids()
            .filter(|id| !submitted.contains_key(id))
            .map(str::to_owned)
            .collect();
        self.status = RoundStatus::Closed { missing };
        Ok(())
    }

    /// Shows the comparison sheet to the team. Chair only; from an open round only
    /// when every sheet is in (otherwise close it first, so the missing are on record).
    pub fn reveal(&mut self, actor: &Actor, sheets: &[Sheet]) -> Result<(), ScoringError> {
        actor.require_chair()?;
        let submitted = self.submitted_sheets(sheets)?;
        let missing = match &self.status {
            RoundStatus::Revealed { .. } => return Err(ScoringError::AlreadyRevealed),
            RoundStatus::Closed { missing } => missing.clone(),
            RoundStatus::Open => {
                let missing = self.assessors.len() - submitted.len();
                if missing > 0 {
                    return Err(ScoringError::NotAllSubmitted {
                        missing: missing as u32,
                    });
                }
                Vec::new()
            }
        };
        if submitted.is_empty() {
            return Err(ScoringError::NothingToReveal);
        }
        self.status = RoundStatus::Revealed { missing };
        Ok(())
    }

    /// Counts of submitted sheets; never who.
    pub fn progress(&self, sheets: &[Sheet]) -> Result<RoundProgress, ScoringError> {
        Ok(RoundProgress {
            submitted: self.submitted_sheets(sheets)?.len() as u32,
            total: self.assessors.len() as u32,
        })
    }

    /// The cells an assessor has to score, in their own presentation order, without
    /// the candidates they are excluded for.
    pub fn work_order(&self, assessor: &str) -> Result<Vec<CellRef>, ScoringError> {
        let plan = self.plan(assessor)?;
        let cell = |candidate: &String, criterion: &String| CellRef {
            candidate: candidate.clone(),
            criterion: criterion.clone(),
        };
        let mut cells = Vec::new();
        match plan.mode {
            ScoringMode::ByCandidate => {
                for candidate in &plan.candidate_order {
                    for criterion in &plan.criterion_order {
                        cells.push(cell(candidate, criterion));
                    }
                }
            }
            ScoringMode::ByCriterion => {
                for criterion in &plan.criterion_order {
                    for candidate in &plan.candidate_order {
                        cells.push(cell(candidate, criterion));
                    }
                }
            }
        }
        cells.retain(|c| !self.is_excluded(assessor, &c.candidate));
        Ok(cells)
    }

    /// Checks a round read back from storage: the rubric still matches its hash and
    /// every order is the one its seed gives.
    pub fn verify(&self) -> Result<(), ScoringError> {
        if rubric_hash(&self.rubric) != self.rubric_hash {
            return Err(ScoringError::RubricChanged);
        }
        let seed: [u8; 32] = hex::decode(&self.seed)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or(ScoringError::Tampered)?;
        let modes: Vec<(String, ScoringMode)> = self
            .assessors
            .iter()
            .map(|p| (p.assessor.clone(), p.mode))
            .collect();
        if self.plans(&modes, &seed) != self.assessors {
            return Err(ScoringError::Tampered);
        }
        // Each post's weights name criteria of the round and add up to 100, or its
        // totals would not be the post's.
        for post in &self.posts {
            let known = post
                .weights
                .iter()
                .all(|w| self.rubric.criterion(&w.criterion).is_some());
            let sum = post
                .weights
                .iter()
                .fold(0u32, |sum, w| sum.saturating_add(w.weight));
            if !known || sum != 100 {
                return Err(ScoringError::Tampered);
            }
        }
        Ok(())
    }

    pub fn number(&self) -> u32 {
        self.number
    }
    /// The posts of a round for several posts; empty otherwise.
    pub fn posts(&self) -> &[RoundPost] {
        &self.posts
    }
    pub fn rubric_hash(&self) -> &str {
        &self.rubric_hash
    }
    pub fn rubric(&self) -> &Rubric {
        &self.rubric
    }
    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }
    pub fn assessors(&self) -> &[AssessorPlan] {
        &self.assessors
    }
    pub fn assessor_ids(&self) -> impl Iterator<Item = &str> {
        self.assessors.iter().map(|p| p.assessor.as_str())
    }
    pub fn exclusions(&self) -> &[Exclusion] {
        &self.exclusions
    }
    pub fn seed(&self) -> &str {
        &self.seed
    }
    pub fn status(&self) -> &RoundStatus {
        &self.status
    }
    pub fn is_revealed(&self) -> bool {
        matches!(self.status, RoundStatus::Revealed { .. })
    }

    pub fn is_excluded(&self, assessor: &str, candidate: &str) -> bool {
        self.exclusions
            .iter()
            .any(|e| e.assessor == assessor && e.candidate == candidate)
    }

    pub fn is_assessor(&self, id: &str) -> bool {
        self.assessors.iter().any(|p| p.assessor == id)
    }

    pub fn plan(&self, assessor: &str) -> Result<&AssessorPlan, ScoringError> {
        self.assessors
            .iter()
            .find(|p| p.assessor == assessor)
            .ok_or_else(|| ScoringError::UnknownAssessor {
                id: assessor.to_owned(),
            })
    }

    pub(crate) fn require_open(&self) -> Result<(), ScoringError> {
        match self.status {
            RoundStatus::Open => Ok(()),
            _ => Err(ScoringError::RoundNotOpen),
        }
    }

    pub(crate) fn require_assessor(&self, id: &str) -> Result<(), ScoringError> {
        self.plan(id).map(|_| ())
    }

    pub(crate) fn require_candidate(&self, code: &str) -> Result<(), ScoringError> {
        if self.candidates.iter().any(|c| c == code) {
            Ok(())
        } else {
            Err(ScoringError::UnknownCandidate {
                candidate: code.to_owned(),
            })
        }
    }

    /// This round's submitted sheets by assessor. Sheets of other rounds are ignored;
    /// a sheet by someone outside the round, or two sheets by one assessor, means the
    /// stored data is inconsistent and nothing is shown.
    pub(crate) fn submitted_sheets<'a>(
        &self,
        sheets: &'a [Sheet],
    ) -> Result<BTreeMap<&'a str, &'a Sheet>, ScoringError> {
        let mut seen = BTreeSet::new();
        let mut submitted = BTreeMap::new();
        for sheet in sheets.iter().filter(|s| s.round() == self.number) {
            self.require_assessor(sheet.assessor())?;
            if !seen.insert(sheet.assessor()) {
                return Err(ScoringError::DuplicateSheet {
                    assessor: sheet.assessor().to_owned(),
                });
            }
            if sheet.is_submitted() {
                submitted.insert(sheet.assessor(), sheet);
            }
        }
        Ok(submitted)
    }
}

/// The rubric must be scorable: criteria with unique ids, a scale of at least two
/// levels, knockouts on the scale, and weights adding up to 100 so a weighted total
/// lands on 0–100. The rubric linter says more; this is the minimum scoring needs.
pub(crate) fn check_rubric(rubric: &Rubric) -> Result<(), ScoringError> {
    let problem = |problem| Err(ScoringError::RubricNotScorable { problem });
    if rubric.criteria.is_empty() {
        return problem(RubricProblem::NoCriteria);
    }
    if rubric.scale.min >= rubric.scale.max {
        return problem(RubricProblem::ScaleTooSmall);
    }
    let ids: BTreeSet<&str> = rubric.criteria.iter().map(|c| c.id.as_str()).collect();
    if ids.len() != rubric.criteria.len() || ids.iter().any(|id| is_blank(id)) {
        return problem(RubricProblem::CriterionIds);
    }
    let sum = rubric
        .criteria
        .iter()
        .fold(0u32, |sum, c| sum.saturating_add(c.weight));
    if sum != 100 {
        return problem(RubricProblem::Weights { sum });
    }
    let scale = rubric.scale;
    if let Some(c) = rubric
        .criteria
        .iter()
        .find(|c| c.knockout.is_some_and(|k| k <= scale.min || k > scale.max))
    {
        return problem(RubricProblem::Knockout {
            criterion: c.id.clone(),
        });
    }
    Ok(())
}
