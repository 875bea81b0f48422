//! What a team and a committee see of the consistency log: stored snapshot records,
//! plain-language explanations, SVG plots and the logboek's HTML report; and the
//! comparison sheet of a revealed round; a candidate's own copy of their data and
//! the team's entry for the party's record of processing (verwerkingsregister); the
//! decision report for fracties, committees and the raad (`decision`).
//!
//! The plots are drawn here once, as SVG strings, so that the app, review mode and
//! the exported report show the same pictures. Pure: no clock, no I/O.

mod comparison_sheet;
mod decision;
mod explain;
mod html;
mod personal_copy;
pub mod plots;
mod processing_record;
mod record;
mod review;
mod svg;
mod view;

pub use comparison_sheet::comparison_sheet;
pub use decision::{
    decision_report, report_html, AllocationInput, Block, DecisionReportInput, DissentInput,
    IntegrityInput, OwnPartyInput, ReportDoc, RubricInput, TrainingInput,
};
pub use explain::{criterion_advice, explanations, leniency_advice, Explanation};
pub use html::{logboek_report, ReportInput, RubricVersionInfo};
pub use personal_copy::{
    personal_copy_html, CopyChoice, CopyConflict, CopyCriterion, CopyDecision, CopyIdentity,
    CopyMaterial, CopyRound, CopyScore, CopyTotal, PersonalCopyData,
};
pub use processing_record::{processing_record, ProcessingRecordInput, RecordMember};
pub use record::{CellSpread, SnapshotCounts, SnapshotRecord, SnapshotRequest};
pub use review::{review, BlindedSheetRow, Review, TimelineItem};
pub use svg::{Anchor, Drawing, Shape};
pub use view::{
    consistency_view, consistency_view_named, ConsistencyView, CriterionChange, HotspotLink,
    RecordView,
};
