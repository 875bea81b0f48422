//! Training content: modules (Markdown with TOML front matter and exercise
//! blocks) and practice cases (TOML). Trainers write these files by hand, so
//! every problem is reported with the exact line and column in the file, in
//! Dutch and English. The format is described in the project's content brief.
//!
//! Everything here is pure: files come in as `(path, text)` pairs and the
//! caller decides where they come from.

mod case;
mod check;
mod diagnostic;
mod exercise;
mod grade;
mod help;
mod import;
mod links;
mod module;
mod render;
mod slug;
mod sources;

pub use case::{check_case_against_rubric, parse_case, Case, CaseCandidate, Gender, Reference};
pub use check::{check_content, load_content, ContentSet};
pub use diagnostic::Diagnostic;
pub use exercise::{CaseExercise, Choice, ChoiceExercise, Exercise, SpotExercise, SpotProblem};
pub use grade::{
    grade_choice, grade_spot, spot_tokens, ChoiceFeedback, ChoiceResult, GradeError, SpotClick,
    SpotResult, SpotToken,
};
pub use help::{parse_help, HelpPage, RenderedHelp, HELP_AREAS};
pub use import::{check_import, ImportCheck};
pub use module::{parse_module, Audience, Module};
pub use render::{render_markdown, render_module, Heading, RenderedModule};
pub use sources::{
    bundled_register, bundled_register_text, parse_register, Register, SourceEntry, REGISTER_FILE,
};

/// Module, exercise and case ids: lowercase letters, digits and hyphens.
/// They end up in file names, URLs and HTML attributes.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
