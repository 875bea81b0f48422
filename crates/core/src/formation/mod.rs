//! What sets a formation apart from a hiring panel: assessors come from the
//! coalition parties, they may recognise local candidates, and several posts
//! (portefeuilles) are filled at once.
//!
//! - [`balance`]: the chair's rules that every candidate is scored by assessors of
//!   each coalition party, or of at least N parties, checked before a round opens.
//! - [`leniency`]: whether assessors score candidates of their own party higher than
//!   the others do; only after the decision and the unblinding.
//! - [`assign`]: the allocation of candidates to posts with the highest total
//!   score, its runners-up, how robust it is and which cells decide it.
//!
//! Pure computation: parties, scores and seeds come in as values.

pub mod assign;
pub mod balance;
pub mod leniency;

pub use assign::{
    analyse, best_allocation, mean_scores, ranked_allocations, Allocation, AssessorPairScore,
    AssignError, AssignmentAnalysis, AssignmentOptions, AssignmentProblem, Constraints,
    DecisiveCell, PairScore, PostReservation, Robustness,
};
pub use balance::{
    check_balance, normalise_rules, BalanceAssessor, BalanceError, BalanceGap, BalanceRule,
};
pub use leniency::{
    own_party_leniency, AssessorOwnParty, LeniencyError, OwnPartyLeniency, PartyLeniency,
};
