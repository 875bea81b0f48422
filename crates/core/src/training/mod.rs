//! Trainer sessions on a practice case: participants score alone, the trainer
//! shows the anonymised spread, reveals the reference scores, runs a second
//! round and compares agreement before and after. The rules about who may do
//! what, and who may see which scores when, live here.

mod agreement;
mod session;

pub use agreement::{
    meets_threshold, round_agreement, CandidateSpread, CriterionSpread, PracticeScore,
    RoundAgreement,
};
pub use session::{
    check_advance, check_score, check_start, check_trainer, Phase, SessionError, MIN_PARTICIPANTS,
};
