//! Why a logboek is not intact, in terms a committee member can act on.

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::Text;
use crate::ledger::chain::ChainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProblemKind {
    /// Not a Maatstaf logboek at all (empty, or the first line is something else).
    NotALogboek,
    /// A logboek of a format version this Maatstaf does not know.
    UnsupportedVersion,
    /// The file ends before its signature line: cut short.
    Truncated,
    /// A line is not valid JSON of the logboek's form.
    MalformedLine,
    /// A line is readable but not byte-for-byte as Maatstaf writes it.
    AlteredLine,
    /// A line of a kind that does not belong where it stands (e.g. after the signature).
    UnexpectedLine,
    /// The header differs from the signed header.
    HeaderAltered,
    /// An entry's content does not match its hash, or the log differs from the signed one.
    HashMismatch,
    /// An entry does not point to the entry before it.
    PrevHashMismatch,
    MissingEntry,
    RepeatedEntry,
    /// Sequence numbers or times out of order.
    OutOfOrder,
    /// An entry's time is not an RFC 3339 UTC time.
    InvalidTime,
    /// Entries after the last signed entry.
    UnsignedEntry,
    SectionAltered,
    ReportAltered,
    /// Candidate identities in a file whose header says it holds none.
    IdentitiesUndeclared,
    /// The log's `exported` entry does not match this file's sections, report or key.
    ExportRecordMismatch,
    /// The signature does not verify with the key in the signature line.
    BadSignature,
    /// The signature was made with a key other than the one in the header.
    KeyMismatch,
    /// The file's key is not the one the reviewer expected (`--key`).
    UnexpectedKey,
    /// A valid signature that belongs to another export.
    SignedOtherContent,
}

impl ProblemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::NotALogboek => "not_a_logboek",
            ProblemKind::UnsupportedVersion => "unsupported_version",
            ProblemKind::Truncated => "truncated",
            ProblemKind::MalformedLine => "malformed_line",
            ProblemKind::AlteredLine => "altered_line",
            ProblemKind::UnexpectedLine => "unexpected_line",
            ProblemKind::HeaderAltered => "header_altered",
            ProblemKind::HashMismatch => "hash_mismatch",
            ProblemKind::PrevHashMismatch => "prev_hash_mismatch",
            ProblemKind::MissingEntry => "missing_entry",
            ProblemKind::RepeatedEntry => "repeated_entry",
            ProblemKind::OutOfOrder => "out_of_order",
            ProblemKind::InvalidTime => "invalid_time",
            ProblemKind::UnsignedEntry => "unsigned_entry",
            ProblemKind::SectionAltered => "section_altered",
            ProblemKind::ReportAltered => "report_altered",
            ProblemKind::IdentitiesUndeclared => "identities_undeclared",
            ProblemKind::ExportRecordMismatch => "export_record_mismatch",
            ProblemKind::BadSignature => "bad_signature",
            ProblemKind::KeyMismatch => "key_mismatch",
            ProblemKind::UnexpectedKey => "unexpected_key",
            ProblemKind::SignedOtherContent => "signed_other_content",
        }
    }

    /// The file cannot be judged at all, as opposed to judged and found broken.
    pub fn is_unreadable(self) -> bool {
        matches!(
            self,
            ProblemKind::NotALogboek | ProblemKind::UnsupportedVersion
        )
    }
}

/// The first thing wrong with a logboek. `line` is 1-based; `seq` is set when the
/// problem is about a ledger entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Problem {
    pub kind: ProblemKind,
    pub line: Option<u32>,
    #[ts(type = "number | null")]
    pub seq: Option<u64>,
    pub message: Text,
}

impl Problem {
    pub(crate) fn new(
        kind: ProblemKind,
        line: Option<u32>,
        seq: Option<u64>,
        message: Text,
    ) -> Problem {
        Problem {
            kind,
            line,
            seq,
            message,
        }
    }

    pub(crate) fn from_chain(err: &ChainError, line: Option<u32>) -> Problem {
        let kind = match err {
            ChainError::HashMismatch { .. } => ProblemKind::HashMismatch,
            ChainError::PrevHashMismatch { .. } => ProblemKind::PrevHashMismatch,
            ChainError::MissingSeq { .. } => ProblemKind::MissingEntry,
            ChainError::RepeatedSeq { .. } => ProblemKind::RepeatedEntry,
            ChainError::SeqOutOfOrder { .. } | ChainError::TimeBackwards { .. } => {
                ProblemKind::OutOfOrder
            }
            ChainError::BadTime { .. } => ProblemKind::InvalidTime,
        };
        let seq = match err {
            ChainError::MissingSeq { expected, .. } => *expected,
            _ => err.seq(),
        };
        Problem::new(kind, line, Some(seq), err.text())
    }
}
