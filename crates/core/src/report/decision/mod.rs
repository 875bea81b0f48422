//! The decision report: the reasoned advice a team hands its fracties, the party
//! committees and eventually the raad, generated from the data (never typed by hand).
//!
//! [`decision_report`] turns what the store gathered ([`DecisionReportInput`]) into a
//! [`ReportDoc`]: a plain list of headings, paragraphs, lists and tables. The same
//! document becomes standalone HTML here ([`report_html`]) and a tagged PDF/A in
//! `maatstaf-report-pdf`, so both always say the same. Pure: no clock, no I/O.
//!
//! Candidates appear by code. A name appears only when the store passes it in
//! [`DecisionReportInput::names`], which it does only after the unblinding and when
//! the acting officer chose so.

mod build;
mod html;

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::formation::{AssignmentAnalysis, OwnPartyLeniency};
use crate::i18n::{Lang, Text};
use crate::ledger::Checkpoint;
use crate::report::{Drawing, SnapshotRecord};
use crate::scoring::{ComparisonSheet, Revision, SelectionState};

pub use build::decision_report;
pub use html::report_html;

/// One piece of the report, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Block {
    /// Level 1 is the title, 2 a section, 3 a part of a section.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
    },
    List {
        items: Vec<String>,
    },
    /// `header` names the columns; every row has as many cells.
    Table {
        caption: String,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A plot, the same drawing as the app's: `svg` for the page and the preview,
    /// the geometry for the PDF's vector paths. `alt` says in words what it shows.
    Figure {
        caption: String,
        alt: String,
        svg: String,
        #[serde(skip)]
        #[ts(skip)]
        drawing: Drawing,
    },
}

/// The whole report: what the HTML page and the PDF are made of.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReportDoc {
    pub lang: Lang,
    pub title: String,
    /// The revealed round the report is about.
    pub round: u32,
    /// RFC 3339 with the offset of the machine's local time: when the report was
    /// made (also the PDF's creation date).
    pub generated_at: String,
    pub blocks: Vec<Block>,
}

impl ReportDoc {
    /// Every piece of text in the document, in order: for checks and search.
    pub fn text(&self) -> String {
        let mut out = self.title.clone();
        for block in &self.blocks {
            out.push('\n');
            match block {
                Block::Heading { text, .. } | Block::Paragraph { text } => out.push_str(text),
                Block::Figure { caption, alt, .. } => {
                    out.push_str(caption);
                    out.push('\n');
                    out.push_str(alt);
                }
                Block::List { items } => out.push_str(&items.join("\n")),
                Block::Table {
                    caption,
                    header,
                    rows,
                } => {
                    out.push_str(caption);
                    out.push('\n');
                    out.push_str(&header.join(" | "));
                    for row in rows {
                        out.push('\n');
                        out.push_str(&row.join(" | "));
                    }
                }
            }
        }
        out
    }
}

/// The training the team did before live scoring.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrainingInput {
    /// Module titles with how many members read each, in module order.
    pub modules: Vec<(String, usize)>,
    /// Members of the team (the denominator of the counts above).
    pub members: usize,
    /// Finished practice sessions: the case's title.
    pub practice_cases: Vec<String>,
    /// The minimum practice agreement a trainer set, if any.
    pub min_agreement: Option<f64>,
    /// The best overall agreement a finished practice session reached.
    pub best_agreement: Option<f64>,
}

/// The rubric the round was scored with.
#[derive(Debug, Clone, PartialEq)]
pub struct RubricInput {
    pub title: String,
    pub version: u32,
    /// RFC 3339; `None` when the store has no freeze date for it.
    pub frozen_at: Option<String>,
    pub sha256: String,
    /// Criterion name with its definition, in rubric order.
    pub definitions: Vec<(String, String)>,
}

/// A member's reasoned note that they disagree with the decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DissentInput {
    pub member: String,
    pub text: String,
    /// RFC 3339.
    pub at: String,
}

/// Whether the integrity track (the burgemeester's risicoanalyse) was done for a
/// candidate; never its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntegrityInput {
    pub code: String,
    pub done: bool,
}

/// Everything the report is made of, as the store gathered it.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionReportInput {
    pub team_name: String,
    /// RFC 3339. The store gives every moment in the input with the offset of the
    /// machine's local time; the report prints local times with that offset.
    pub generated_at: String,
    pub training: TrainingInput,
    pub rubric: RubricInput,
    /// The revealed round the report is about.
    pub comparison: ComparisonSheet,
    /// The consistency record made when that round was revealed, with the agreement
    /// with and without recognised scores where it was measured.
    pub agreement: Option<SnapshotRecord>,
    /// Every changed level with its reason, up to the report's round.
    pub revisions: Vec<Revision>,
    pub selection: SelectionState,
    pub dissents: Vec<DissentInput>,
    /// Code to name; empty unless the team has unblinded and the officer chose names.
    pub names: BTreeMap<String, String>,
    pub integrity: Vec<IntegrityInput>,
    /// The log's milestones, oldest first.
    pub checkpoints: Vec<Checkpoint>,
    /// The fingerprint of the key that signs the team's logboek.
    pub fingerprint: Option<String>,
    /// Own-party leniency as the log recorded it at the unblinding; printed only
    /// once the selection is unblinded.
    pub own_party: Option<OwnPartyInput>,
    /// In a round with posts: the allocation advice drawn from its revealed scores,
    /// or why there is none. `None` for a round without posts.
    pub allocation: Option<AllocationInput>,
    /// In a round with posts: each post's name with its own frozen rubric, in the
    /// round's post order. Empty for a round without posts.
    pub post_rubrics: Vec<(String, RubricInput)>,
}

/// The allocation advice of a round with posts as the report prints it.
#[derive(Debug, Clone, PartialEq)]
pub enum AllocationInput {
    Advice(AssignmentAnalysis),
    /// No allocation could be advised, with the reason in words.
    Unavailable(Text),
}

/// Own-party leniency measured on a round at the unblinding.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnPartyInput {
    pub round: u32,
    pub leniency: OwnPartyLeniency,
}
