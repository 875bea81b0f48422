//! Reading a logboek back and finding the first thing that is not as it was signed.

use std::ops::Range;

use ed25519_dalek::Signature;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::history::{check_history, History, Past};
use super::problem::{Problem, ProblemKind};
use super::{
    export_record, signed_message, ExportInfo, Header, Line, ReportLine, Section, SectionLine,
    SignatureLine, ALGORITHM, FORMAT, VERSION,
};
use crate::i18n::Text;
use crate::ledger::canonical::{canonical_bytes, content_sha256, sha256_hex};
use crate::ledger::chain::verify_chain;
use crate::ledger::entry::{Entry, EntryKind};
use crate::ledger::handover::{declared_fingerprint, handover_holds};
use crate::ledger::keys::{verifying_key_from_hex, Fingerprint, VerifyingKey};

/// The outcome of [`verify_logboek`]: whether the file is intact, the first problem if not,
/// and whatever could be read, so review mode can show the content next to the problem.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Verification {
    /// The file itself is complete, unaltered and validly signed (by whichever key).
    pub intact: bool,
    pub problem: Option<Problem>,
    /// The file is intact and signed with the key the reviewer expected. Without an
    /// expected key anyone holding a key could have signed it.
    pub signer_checked: bool,
    /// The checks against earlier logboeks and checkpoint codes, when any were given.
    pub history: History,
    /// The fingerprint of the header's key (or of the signing key if the header is unreadable).
    pub fingerprint: Option<Fingerprint>,
    pub header: Option<Header>,
    pub entries: Vec<Entry>,
    pub sections: Vec<Section>,
    pub report_html: Option<String>,
}

impl Verification {
    /// The file is intact and agrees with every earlier logboek and code given.
    pub fn passed(&self) -> bool {
        self.intact && self.history.holds()
    }
}

/// What the walk over the lines collected, with line numbers (1-based).
#[derive(Default)]
struct Parsed {
    header: Option<(Header, Range<usize>)>,
    entries: Vec<(Entry, u32)>,
    sections: Vec<(SectionLine, u32)>,
    report: Option<(ReportLine, u32)>,
    signature: Option<(SignatureLine, u32, usize)>,
    /// Problems found while reading, in line order.
    problem: Option<Problem>,
}

impl Parsed {
    fn note(&mut self, problem: Problem) {
        self.problem.get_or_insert(problem);
    }
}

fn line_no(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn problem(
    kind: ProblemKind,
    line: Option<u32>,
    seq: Option<u64>,
    nl: String,
    en: String,
) -> Problem {
    Problem::new(kind, line, seq, Text::new(nl, en))
}

/// Checks a logboek file and, with `expected`, that it was signed with that key.
///
/// Problems are searched in this order and the first one found is reported: the file's
/// lines in order (unreadable, edited, misplaced or missing lines, cut short), then the
/// signature and keys, then the chain of entries, then the signed counts, sections and
/// report, then the log's own record of the export, and last the hash over all lines.
pub fn verify_logboek(bytes: &[u8], expected: Option<&Fingerprint>) -> Verification {
    verify_logboek_against(bytes, expected, &Past::default())
}

/// [`verify_logboek`], and then that every earlier logboek in `past` is an unchanged
/// prefix of this one and every checkpoint code is the hash of one of its entries.
/// The outcome of those checks is in [`Verification::history`]; [`Verification::passed`]
/// combines both.
pub fn verify_logboek_against(
    bytes: &[u8],
    expected: Option<&Fingerprint>,
    past: &Past,
) -> Verification {
    let parsed = read_lines(bytes);
    let problem = parsed
        .problem
        .clone()
        .or_else(|| check_signed(bytes, &parsed, expected));
    let header_key = parsed
        .header
        .as_ref()
        .and_then(|(h, _)| verifying_key_from_hex(&h.public_key));
    let signing_key = parsed
        .signature
        .as_ref()
        .and_then(|(s, _, _)| verifying_key_from_hex(&s.public_key));
    let history = check_history(
        parsed.header.as_ref().map(|(h, _)| &h.team),
        &parsed
            .entries
            .iter()
            .map(|(e, _)| e.clone())
            .collect::<Vec<_>>(),
        past,
    );
    Verification {
        intact: problem.is_none(),
        signer_checked: problem.is_none() && expected.is_some(),
        problem,
        history,
        fingerprint: header_key.or(signing_key).map(|k| Fingerprint::of(&k)),
        header: parsed.header.map(|(h, _)| h),
        entries: parsed.entries.into_iter().map(|(e, _)| e).collect(),
        sections: parsed
            .sections
            .into_iter()
            .map(|(s, _)| Section {
                name: s.name,
                content: s.content,
            })
            .collect(),
        report_html: parsed.report.map(|(r, _)| r.html),
    }
}

/// Lines with their newline, the last one possibly without (cut short).
fn split_lines(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            lines.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < bytes.len() {
        lines.push(start..bytes.len());
    }
    lines
}

enum LineError {
    /// With the column (1-based) where reading failed, when the JSON itself is broken.
    Malformed(Option<usize>),
    NotCanonical,
    /// Canonical but for a carriage return: an editor or mail program converted line endings.
    LineEnding,
}

/// Parses one line (without its newline); a readable but non-canonical line is returned
/// together with the error so that it can still be shown.
fn parse_line(text: &[u8]) -> (Option<Line>, Option<LineError>) {
    let value: Value = match serde_json::from_slice(text) {
        Ok(v) => v,
        Err(e) => return (None, Some(LineError::Malformed(Some(e.column())))),
    };
    let line: Line = match serde_json::from_value(value) {
        Ok(l) => l,
        Err(_) => return (None, Some(LineError::Malformed(None))),
    };
    let written = canonical_bytes(&line);
    let error = if written == text {
        None
    } else if text.strip_suffix(b"\r") == Some(written.as_slice()) {
        Some(LineError::LineEnding)
    } else {
        Some(LineError::NotCanonical)
    };
    (Some(line), error)
}

fn line_ending_changed(n: u32) -> Problem {
    problem(
        ProblemKind::AlteredLine,
        Some(n),
        None,
        format!(
            "De regeleinden zijn veranderd (vanaf regel {n}), bijvoorbeeld door een e-mail- of \
             tekstprogramma: het bestand is niet meer zoals het ondertekend is. Vraag het \
             bestand opnieuw op, als bijlage of op een USB-stick."
        ),
        format!(
            "The line endings were changed (from line {n}), for example by a mail program or \
             text editor: the file is no longer as it was signed. Ask for the file again, as \
             an attachment or on a USB stick."
        ),
    )
}

fn not_a_logboek() -> Problem {
    problem(
        ProblemKind::NotALogboek,
        Some(1),
        None,
        "Dit bestand is geen Maatstaf-logboek.".into(),
        "This file is not a Maatstaf logboek.".into(),
    )
}

fn read_lines(bytes: &[u8]) -> Parsed {
    let mut p = Parsed::default();
    let ranges = split_lines(bytes);
    if ranges.is_empty() {
        p.note(not_a_logboek());
        return p;
    }
    if !read_header(bytes, &ranges, &mut p) {
        return p;
    }

    #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum Stage {
        Entries,
        Sections,
        Report,
        Signed,
    }
    let mut stage = Stage::Entries;
    for (i, range) in ranges.iter().enumerate().skip(1) {
        let n = line_no(i);
        let complete = bytes[range.end - 1] == b'\n';
        let text = &bytes[range.start..range.end - usize::from(complete)];
        if !complete {
            p.note(problem(
                ProblemKind::Truncated,
                Some(n),
                None,
                format!("Het bestand is afgebroken: regel {n} is onvolledig en de ondertekening ontbreekt."),
                format!("The file was cut short: line {n} is incomplete and the signature is missing."),
            ));
        }
        let (line, error) = parse_line(text);
        match error {
            Some(LineError::Malformed(column)) => {
                let (nl, en) = match column {
                    Some(c) => (
                        format!("Regel {n} is beschadigd en niet leesbaar (bij {n}:{c})."),
                        format!("Line {n} is damaged and cannot be read (at {n}:{c})."),
                    ),
                    None => (
                        format!(
                            "Regel {n} is beschadigd: er ontbreken gegevens of ze kloppen niet."
                        ),
                        format!("Line {n} is damaged: information is missing or wrong."),
                    ),
                };
                p.note(problem(ProblemKind::MalformedLine, Some(n), None, nl, en));
            }
            Some(LineError::NotCanonical) => p.note(problem(
                ProblemKind::AlteredLine,
                Some(n),
                None,
                format!("Regel {n} is bewerkt: hij staat niet meer zoals Maatstaf hem schreef."),
                format!("Line {n} has been edited: it is no longer as Maatstaf wrote it."),
            )),
            Some(LineError::LineEnding) => p.note(line_ending_changed(n)),
            None => {}
        }
        let Some(line) = line else { continue };
        let unexpected = |what_nl: &str, what_en: &str| {
            problem(
                ProblemKind::UnexpectedLine,
                Some(n),
                None,
                format!("Regel {n} ({what_nl}) staat op een plaats waar hij niet hoort."),
                format!("Line {n} ({what_en}) stands where it does not belong."),
            )
        };
        if stage == Stage::Signed {
            p.note(problem(
                ProblemKind::UnexpectedLine,
                Some(n),
                None,
                format!("Na de ondertekening volgt nog regel {n}: die is later toegevoegd."),
                format!("Line {n} follows the signature: it was added afterwards."),
            ));
        }
        match line {
            Line::Header(_) => p.note(unexpected("een tweede kop", "a second header")),
            Line::Entry(entry) => {
                if stage > Stage::Entries {
                    p.note(unexpected("een vermelding", "an entry"));
                }
                p.entries.push((entry, n));
            }
            Line::Section(section) => {
                if stage > Stage::Sections {
                    p.note(unexpected("een onderdeel", "a section"));
                }
                stage = stage.max(Stage::Sections);
                p.sections.push((section, n));
            }
            Line::Report(report) => {
                if stage > Stage::Sections {
                    p.note(unexpected("een rapport", "a report"));
                }
                stage = stage.max(Stage::Report);
                p.report.get_or_insert((report, n));
            }
            Line::Signature(sig) => {
                if p.signature.is_none() {
                    p.signature = Some((sig, n, range.start));
                }
                stage = Stage::Signed;
            }
        }
    }
    if p.signature.is_none() {
        let n = line_no(ranges.len() - 1);
        p.note(problem(
            ProblemKind::Truncated,
            Some(n),
            None,
            format!("Het bestand is afgebroken na regel {n}: de ondertekening ontbreekt."),
            format!("The file was cut short after line {n}: the signature is missing."),
        ));
    }
    p
}

/// Whether any line after the first is a logboek line: then a bad first line is a damaged
/// header, not a sign that this is some other file.
fn rest_looks_like_logboek(bytes: &[u8], ranges: &[Range<usize>]) -> bool {
    ranges.iter().skip(1).any(|r| {
        let text = bytes[r.clone()]
            .strip_suffix(b"\n")
            .unwrap_or(&bytes[r.clone()]);
        matches!(parse_line(text), (Some(_), _))
    })
}

fn damaged_header() -> Problem {
    problem(
        ProblemKind::MalformedLine,
        Some(1),
        None,
        "De kop (regel 1) is beschadigd en niet leesbaar.".into(),
        "The header (line 1) is damaged and cannot be read.".into(),
    )
}

/// Reads line 1; returns whether reading can go on.
fn read_header(bytes: &[u8], ranges: &[Range<usize>], p: &mut Parsed) -> bool {
    let range = ranges[0].clone();
    let complete = bytes[range.end - 1] == b'\n';
    let text = &bytes[range.start..range.end - usize::from(complete)];
    let value: Option<Value> = serde_json::from_slice(text).ok();
    let looks_like_header = value.as_ref().is_some_and(|v| {
        v.get("type") == Some(&Value::from("header"))
            && v.get("format") == Some(&Value::from(FORMAT))
    });
    if !looks_like_header {
        // Canonical headers start with this key, so a cut-off header still shows it.
        let header_start = br#"{"exported_at""#;
        let cut_header = !complete
            && ranges.len() == 1
            && (text.starts_with(header_start) || header_start.starts_with(text));
        if cut_header {
            p.note(problem(
                ProblemKind::Truncated,
                Some(1),
                None,
                "Het bestand is afgebroken in de kop (regel 1).".into(),
                "The file was cut short in its header (line 1).".into(),
            ));
            return false;
        }
        if rest_looks_like_logboek(bytes, ranges) {
            p.note(damaged_header());
            return true;
        }
        let mentions_format = text.windows(FORMAT.len()).any(|w| w == FORMAT.as_bytes());
        p.note(if value.is_none() && mentions_format {
            damaged_header()
        } else {
            not_a_logboek()
        });
        return false;
    }
    let value = value.unwrap_or_default();
    // A missing or non-numeric version is damage, caught below; another number is a
    // file from another Maatstaf.
    let version = value.get("version").and_then(Value::as_u64);
    if let Some(found) = version.filter(|v| *v != u64::from(VERSION)) {
        p.note(problem(
            ProblemKind::UnsupportedVersion,
            Some(1),
            None,
            format!("Dit logboek heeft formaatversie {found}; deze Maatstaf kent alleen versie {VERSION}."),
            format!("This logboek has format version {found}; this Maatstaf only knows version {VERSION}."),
        ));
        return false;
    }
    match parse_line(text) {
        (Some(Line::Header(header)), error) => {
            if matches!(error, Some(LineError::LineEnding)) {
                p.note(line_ending_changed(1));
            }
            if matches!(error, Some(LineError::NotCanonical)) {
                p.note(problem(
                    ProblemKind::AlteredLine,
                    Some(1),
                    None,
                    "De kop (regel 1) is bewerkt: hij staat niet meer zoals Maatstaf hem schreef."
                        .into(),
                    "The header (line 1) has been edited: it is no longer as Maatstaf wrote it."
                        .into(),
                ));
            }
            if !complete {
                p.note(problem(
                    ProblemKind::Truncated,
                    Some(1),
                    None,
                    "Het bestand is afgebroken na de kop.".into(),
                    "The file was cut short after its header.".into(),
                ));
            }
            p.header = Some((header, range));
        }
        _ => p.note(problem(
            ProblemKind::MalformedLine,
            Some(1),
            None,
            "De kop (regel 1) is beschadigd: er ontbreken gegevens.".into(),
            "The header (line 1) is damaged: information is missing.".into(),
        )),
    }
    true
}

/// All checks that compare the readable file against what was signed.
fn check_signed(bytes: &[u8], p: &Parsed, expected: Option<&Fingerprint>) -> Option<Problem> {
    // Reading notes a problem whenever either is missing; this only guards that promise.
    let (Some((header, header_range)), Some((sig, sig_line, sig_start))) =
        (&p.header, &p.signature)
    else {
        return Some(problem(
            ProblemKind::Truncated,
            None,
            None,
            "De kop of de ondertekening ontbreekt.".into(),
            "The header or the signature is missing.".into(),
        ));
    };
    let sig_line_no = *sig_line;
    let sig_line = Some(sig_line_no);

    let bad_signature = || {
        problem(
            ProblemKind::BadSignature,
            sig_line,
            None,
            "De ondertekening klopt niet: de ondertekeningsregel is gewijzigd of vervalst.".into(),
            "The signature is not valid: the signature line was altered or forged.".into(),
        )
    };
    let signing_key = verifying_key_from_hex(&sig.public_key);
    let signature = hex::decode(&sig.signature)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| Signature::from_bytes(&b));
    let (Some(signing_key), Some(signature)) = (signing_key, signature) else {
        return Some(bad_signature());
    };
    if sig.algorithm != ALGORITHM
        || signing_key
            .verify_strict(&signed_message(sig), &signature)
            .is_err()
    {
        return Some(bad_signature());
    }
    let signed_by = Fingerprint::of(&signing_key);
    if let Some(expected) = expected.filter(|e| **e != signed_by) {
        return Some(problem(
            ProblemKind::UnexpectedKey,
            sig_line,
            None,
            format!(
                "Ondertekend met sleutel {signed_by}, niet met de verwachte sleutel {expected}."
            ),
            format!("Signed with key {signed_by}, not with the expected key {expected}."),
        ));
    }
    if sha256_hex(&bytes[header_range.clone()]) != sig.header_sha256 {
        // With everything after the header as signed, the header itself was edited;
        // otherwise the signature line came from another export.
        return Some(if body_matches_signature(p, sig) {
            problem(
                ProblemKind::HeaderAltered,
                Some(1),
                None,
                "De kop (regel 1) is gewijzigd na ondertekening.".into(),
                "The header (line 1) was changed after signing.".into(),
            )
        } else {
            problem(
                ProblemKind::SignedOtherContent,
                sig_line,
                None,
                format!(
                    "De ondertekening hoort bij een andere export (team {}, {}), niet bij dit bestand.",
                    sig.team_id, sig.exported_at
                ),
                format!(
                    "The signature belongs to another export (team {}, {}), not to this file.",
                    sig.team_id, sig.exported_at
                ),
            )
        });
    }
    let header_key = verifying_key_from_hex(&header.public_key);
    if header_key != Some(signing_key) {
        return Some(problem(
            ProblemKind::KeyMismatch,
            sig_line,
            None,
            format!(
                "Ondertekend met sleutel {signed_by}, maar de kop noemt sleutel {}: opnieuw ondertekend door een ander.",
                header.fingerprint
            ),
            format!(
                "Signed with key {signed_by}, but the header names key {}: re-signed by someone else.",
                header.fingerprint
            ),
        ));
    }
    if header.fingerprint != signed_by {
        return Some(problem(
            ProblemKind::HeaderAltered,
            Some(1),
            None,
            "De vingerafdruk in de kop past niet bij de sleutel in de kop.".into(),
            "The fingerprint in the header does not match the header's key.".into(),
        ));
    }

    check_entries(p, sig, sig_line)
        .or_else(|| check_team_key(p, &signed_by, sig_line))
        .or_else(|| check_sections(p, header, sig, sig_line))
        .or_else(|| check_export_record(p, header, &signing_key))
        .or_else(|| {
            let lines_before = u64::from(sig_line_no) - 1;
            (lines_before != sig.lines || sha256_hex(&bytes[..*sig_start]) != sig.sha256).then(
                || {
                    problem(
                        ProblemKind::SignedOtherContent,
                        sig_line,
                        None,
                        "De ondertekening is gezet over andere inhoud dan dit bestand.".into(),
                        "The signature was made over content other than this file.".into(),
                    )
                },
            )
        })
}

/// Whether entries, sections and report are exactly as the signature line records them.
fn body_matches_signature(p: &Parsed, sig: &SignatureLine) -> bool {
    let sections: Vec<(super::SectionName, String)> = p
        .sections
        .iter()
        .map(|(s, _)| (s.name, content_sha256(&s.content)))
        .collect();
    let signed: Vec<(super::SectionName, String)> = sig
        .sections
        .iter()
        .map(|d| (d.name, d.sha256.clone()))
        .collect();
    p.entries.len() as u64 == sig.entries
        && p.entries.last().map(|(e, _)| &e.hash) == sig.last_entry_hash.as_ref()
        && sections == signed
        && p.report
            .as_ref()
            .map(|(r, _)| sha256_hex(r.html.as_bytes()))
            == Some(sig.report_sha256.clone())
}

fn check_entries(p: &Parsed, sig: &SignatureLine, sig_line: Option<u32>) -> Option<Problem> {
    let entries: Vec<Entry> = p.entries.iter().map(|(e, _)| e.clone()).collect();
    if let Err(err) = verify_chain(&entries) {
        return Some(Problem::from_chain(&err, Some(p.entries[err.index()].1)));
    }
    let found = entries.len() as u64;
    if found < sig.entries {
        let line = p.entries.last().map_or(2, |(_, n)| n + 1);
        let next = found + 1;
        return Some(problem(
            ProblemKind::MissingEntry,
            Some(line),
            Some(next),
            format!("Vermelding {next} ontbreekt: ondertekend zijn {} vermeldingen, dit bestand heeft er {found}.", sig.entries),
            format!("Entry {next} is missing: {} entries were signed, this file has {found}.", sig.entries),
        ));
    }
    if found > sig.entries {
        let (entry, line) = &p.entries[sig.entries as usize];
        return Some(problem(
            ProblemKind::UnsignedEntry,
            Some(*line),
            Some(entry.seq),
            format!("Vermelding {} is na ondertekening toegevoegd.", entry.seq),
            format!("Entry {} was added after signing.", entry.seq),
        ));
    }
    let last_hash = p.entries.last().map(|(e, _)| e.hash.clone());
    if last_hash != sig.last_entry_hash {
        let (seq, line) = p
            .entries
            .last()
            .map_or((None, sig_line), |(e, n)| (Some(e.seq), Some(*n)));
        return Some(problem(
            ProblemKind::HashMismatch,
            line,
            seq,
            "De vermeldingen zijn na ondertekening opnieuw berekend: de laatste hash verschilt van de ondertekende.".into(),
            "The entries were recomputed after signing: the last hash differs from the signed one.".into(),
        ));
    }
    None
}

/// The team's own log names the key that signs its exports (at creation, or at the
/// hand-over of a team from before sealing, which the installation key signs): a file
/// signed with any other key was re-signed outside the team.
fn check_team_key(p: &Parsed, signed_by: &Fingerprint, sig_line: Option<u32>) -> Option<Problem> {
    if let Some((entry, line)) = p.entries.iter().find(|(e, _)| !handover_holds(e)) {
        return Some(problem(
            ProblemKind::HashMismatch,
            Some(*line),
            Some(entry.seq),
            format!("De overdracht naar de teamsleutel (vermelding {}) is niet ondertekend door de installatiesleutel die erin staat.", entry.seq),
            format!("The hand-over to the team key (entry {}) is not signed by the installation key it names.", entry.seq),
        ));
    }
    let entries: Vec<Entry> = p.entries.iter().map(|(e, _)| e.clone()).collect();
    let declared = declared_fingerprint(&entries)?;
    (declared != signed_by.as_str()).then(|| {
        problem(
            ProblemKind::KeyMismatch,
            sig_line,
            None,
            format!("Ondertekend met sleutel {signed_by}, maar het logboek van het team noemt sleutel {declared}: buiten het team opnieuw ondertekend."),
            format!("Signed with key {signed_by}, but the team's log names key {declared}: re-signed outside the team."),
        )
    })
}

fn check_sections(
    p: &Parsed,
    header: &Header,
    sig: &SignatureLine,
    sig_line: Option<u32>,
) -> Option<Problem> {
    for (i, (section, n)) in p.sections.iter().enumerate() {
        let n = *n;
        let label = section.name.label();
        let altered =
            |nl: String, en: String| problem(ProblemKind::SectionAltered, Some(n), None, nl, en);
        let computed = content_sha256(&section.content);
        if computed != section.sha256 {
            return Some(altered(
                format!(
                    "Onderdeel '{}' (regel {}) is gewijzigd: de inhoud past niet bij de hash.",
                    label.nl, n
                ),
                format!(
                    "Section '{}' (line {}) was altered: its content does not match its hash.",
                    label.en, n
                ),
            ));
        }
        match sig.sections.get(i) {
            None => {
                return Some(altered(
                    format!(
                        "Onderdeel '{}' (regel {}) is niet ondertekend: later toegevoegd.",
                        label.nl, n
                    ),
                    format!(
                        "Section '{}' (line {}) was not signed: added later.",
                        label.en, n
                    ),
                ))
            }
            Some(d) if d.name != section.name => {
                let signed = d.name.label();
                return Some(altered(
                    format!(
                        "Op regel {} staat onderdeel '{}' waar '{}' is ondertekend.",
                        n, label.nl, signed.nl
                    ),
                    format!(
                        "Line {} holds section '{}' where '{}' was signed.",
                        n, label.en, signed.en
                    ),
                ));
            }
            Some(d) if d.sha256 != computed => {
                return Some(altered(
                    format!(
                        "Onderdeel '{}' (regel {}) verschilt van het ondertekende onderdeel.",
                        label.nl, n
                    ),
                    format!(
                        "Section '{}' (line {}) differs from the signed section.",
                        label.en, n
                    ),
                ))
            }
            Some(_) => {}
        }
    }
    if let Some(d) = sig.sections.get(p.sections.len()) {
        let label = d.name.label();
        return Some(problem(
            ProblemKind::SectionAltered,
            sig_line,
            None,
            format!(
                "Onderdeel '{}' is ondertekend maar ontbreekt in het bestand.",
                label.nl
            ),
            format!(
                "Section '{}' was signed but is missing from the file.",
                label.en
            ),
        ));
    }
    if let Some((_, n)) = p
        .sections
        .iter()
        .find(|(s, _)| s.name == super::SectionName::Identities && !header.with_identities)
    {
        return Some(problem(
            ProblemKind::IdentitiesUndeclared,
            Some(*n),
            None,
            format!("Regel {n} bevat identiteiten van kandidaten, maar de kop zegt dat die er niet in staan."),
            format!("Line {n} holds candidate identities, but the header says there are none."),
        ));
    }
    let report_problem = |nl: &str, en: &str, line| {
        Some(problem(
            ProblemKind::ReportAltered,
            line,
            None,
            nl.into(),
            en.into(),
        ))
    };
    match &p.report {
        None => report_problem(
            "Het rapport ontbreekt in het bestand.",
            "The report is missing from the file.",
            sig_line,
        ),
        Some((report, n)) => {
            let computed = sha256_hex(report.html.as_bytes());
            if computed != report.sha256 || computed != sig.report_sha256 {
                report_problem(
                    "Het rapport is gewijzigd na ondertekening.",
                    "The report was changed after signing.",
                    Some(*n),
                )
            } else {
                None
            }
        }
    }
}

fn check_export_record(p: &Parsed, header: &Header, key: &VerifyingKey) -> Option<Problem> {
    let sections: Vec<Section> = p
        .sections
        .iter()
        .map(|(s, _)| Section {
            name: s.name,
            content: s.content.clone(),
        })
        .collect();
    let info = ExportInfo {
        team_id: header.team.id.clone(),
        team_name: header.team.name.clone(),
        exported_at: header.exported_at.clone(),
        exporter: header.exporter.clone(),
        with_identities: header.with_identities,
        rules_version: p.entries.last().and_then(|(entry, _)| {
            entry.payload["rules_version"]
                .as_u64()
                .and_then(|v| u32::try_from(v).ok())
        }),
    };
    let report = p.report.as_ref().map_or("", |(r, _)| r.html.as_str());
    let want = export_record(&info, &sections, report, key);
    match p.entries.last() {
        Some((entry, _)) if entry.kind == EntryKind::Exported && entry.payload == want => None,
        Some((entry, n)) => Some(problem(
            ProblemKind::ExportRecordMismatch,
            Some(*n),
            Some(entry.seq),
            format!(
                "De laatste vermelding ({}) legt deze export niet vast zoals het bestand hem bevat.",
                entry.seq
            ),
            format!(
                "The last entry ({}) does not record this export as the file holds it.",
                entry.seq
            ),
        )),
        None => Some(problem(
            ProblemKind::ExportRecordMismatch,
            None,
            None,
            "Het logboek bevat geen vermeldingen, ook niet die van deze export.".into(),
            "The log holds no entries, not even the one recording this export.".into(),
        )),
    }
}
