use maatstaf_core::content::GradeError;
use maatstaf_core::training::SessionError;

/// What can go wrong in the Training area. Refused imports are not errors:
/// they come back as [`super::ImportOutcome::Refused`] with their diagnostics.
#[derive(Debug, thiserror::Error)]
pub enum TrainingError {
    #[error("module {0} is not installed")]
    NoSuchModule(String),
    #[error("module {module} has no exercise {exercise}")]
    NoSuchExercise { module: String, exercise: String },
    #[error("practice case {0} is not installed")]
    NoSuchCase(String),
    #[error("team member {0} does not exist")]
    NoSuchMember(i64),
    #[error("training session {0} does not exist")]
    NoSuchSession(i64),
    #[error("member {member} is not in the session's team")]
    NotInTeam { member: i64 },
    #[error("the answer does not fit a {expected} exercise")]
    WrongAnswerKind { expected: &'static str },
    #[error("{0} is bundled with Maatstaf and cannot be removed")]
    BundledReadOnly(String),
    #[error("practice case {case} is still used by module {module}")]
    CaseUsedByModule { case: String, module: String },
    #[error("practice case {0} is used by a training session")]
    CaseUsedBySession(String),
    #[error("the file is {size} bytes; the largest file that can be imported is {max} bytes")]
    TooLarge { size: usize, max: usize },
    #[error("the minimum agreement must lie between 0 and 1, not {0}")]
    InvalidThreshold(f64),
    #[error("{0}")]
    Session(#[from] SessionError),
    #[error("{0}")]
    Grade(#[from] GradeError),
    #[error("the bundled content does not load: {0}")]
    Bundle(String),
}
