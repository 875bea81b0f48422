//! `maatstaf assign`: the allocation of candidates to posts with the highest total.
//!
//! The CSV has the header `candidate,post,score` and one row per pair; a pair that
//! is absent may not be allocated. Each candidate fills at most one post and each
//! post gets exactly one candidate. A file whose first line has semicolons and no
//! commas is read with `;` as separator, with a decimal comma (as Dutch
//! spreadsheets save it). Exit 0 with the allocation, 1 when no allocation fills
//! every post, 2 when the file cannot be read or is malformed.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use maatstaf_core::formation::{
    ranked_allocations, Allocation, AssignError, AssignmentProblem, Constraints, PairScore,
};
use maatstaf_core::i18n::Text;
use serde_json::json;

#[derive(Args, Debug)]
pub struct AssignArgs {
    /// CSV with the header candidate,post,score: one row per allowed pair
    pub file: PathBuf,
    /// Print {"assignment":[{"candidate","post","score"}],"total"} instead of a table
    #[arg(long)]
    pub json: bool,
}

const HEADER: [&str; 3] = ["candidate", "post", "score"];

fn read(bytes: &[u8]) -> Result<Vec<PairScore>, Text> {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let semicolon = first_line.contains(&b';') && !first_line.contains(&b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(if semicolon { b';' } else { b',' })
        .from_reader(bytes);
    let mut records = reader.records();
    let csv_error = |e: csv::Error| {
        let line = e.position().map_or(0, csv::Position::line);
        Text::new(format!("regel {line}: {e}"), format!("line {line}: {e}"))
    };
    let header = match records.next() {
        Some(h) => h.map_err(csv_error)?,
        None => return Err(Text::new("het bestand is leeg", "the file is empty")),
    };
    let found: Vec<String> = header
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    if found != HEADER {
        return Err(Text::new(
            format!(
                "regel 1: de kopregel moet candidate,post,score zijn, niet {}",
                header.iter().collect::<Vec<_>>().join(",")
            ),
            format!(
                "line 1: the header must be candidate,post,score, not {}",
                header.iter().collect::<Vec<_>>().join(",")
            ),
        ));
    }
    let mut pairs = Vec::new();
    let mut seen = HashSet::new();
    for record in records {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() != 3 {
            return Err(Text::new(
                format!(
                    "regel {line}: {} velden, verwacht 3 (candidate,post,score)",
                    record.len()
                ),
                format!(
                    "line {line}: {} fields, expected 3 (candidate,post,score)",
                    record.len()
                ),
            ));
        }
        let (candidate, post, cell) = (&record[0], &record[1], &record[2]);
        if candidate.is_empty() || post.is_empty() {
            return Err(Text::new(
                format!("regel {line}: kandidaat en post mogen niet leeg zijn"),
                format!("line {line}: the candidate and the post cannot be empty"),
            ));
        }
        let text = if semicolon {
            cell.replacen(',', ".", 1)
        } else {
            cell.to_owned()
        };
        let score = match text.parse::<f64>() {
            Ok(v) if v.is_finite() => v,
            _ => {
                return Err(Text::new(
                    format!("regel {line}: de score {cell:?} is geen getal"),
                    format!("line {line}: the score {cell:?} is not a number"),
                ))
            }
        };
        if !seen.insert((candidate.to_owned(), post.to_owned())) {
            return Err(Text::new(
                format!("regel {line}: kandidaat {candidate} en post {post} staan er al eerder in"),
                format!(
                    "line {line}: candidate {candidate} and post {post} appear earlier already"
                ),
            ));
        }
        pairs.push(PairScore {
            candidate: candidate.to_owned(),
            post: post.to_owned(),
            score,
        });
    }
    Ok(pairs)
}

fn table(ranked: &[Allocation]) -> String {
    let best = &ranked[0];
    let width = best
        .pairs
        .iter()
        .map(|p| p.post.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = String::from("Beste verdeling (hoogste totaalscore):\n");
    let _ = writeln!(
        out,
        "  {:<width$}  {:<12} {:>10}",
        "Post", "Kandidaat", "Score"
    );
    for p in &best.pairs {
        let _ = writeln!(
            out,
            "  {:<width$}  {:<12} {:>10}",
            p.post,
            p.candidate,
            trim(p.score)
        );
    }
    let _ = writeln!(
        out,
        "  {:<width$}  {:<12} {:>10}",
        "Totaal",
        "",
        trim(best.total)
    );
    if ranked.len() > 1 {
        let _ = writeln!(out, "\nDaarna:");
        for (i, a) in ranked.iter().enumerate().skip(1) {
            let who: Vec<String> = a
                .pairs
                .iter()
                .map(|p| format!("{} {}", p.post, p.candidate))
                .collect();
            let _ = writeln!(
                out,
                "  {}. totaal {} ({} minder): {}",
                i + 1,
                trim(a.total),
                trim(best.total - a.total),
                who.join(", ")
            );
        }
    }
    out.push_str("\nDit is een advies; het besluit en de redenen zijn aan het team.\n");
    out
}

/// A score as written: no trailing zeros, at most six decimals.
fn trim(x: f64) -> String {
    let s = format!("{:.6}", x + 0.0);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

pub fn run(args: AssignArgs) -> ExitCode {
    let fail = |t: Text, code: u8| {
        eprintln!(
            "maatstaf assign: {}: {}\n  ({})",
            args.file.display(),
            t.nl,
            t.en
        );
        ExitCode::from(code)
    };
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            return fail(
                Text::new(
                    format!("kan het bestand niet lezen: {e}"),
                    format!("cannot read the file: {e}"),
                ),
                2,
            )
        }
    };
    let pairs = match read(&bytes) {
        Ok(p) => p,
        Err(t) => return fail(t, 2),
    };
    let ranked = AssignmentProblem::new(&pairs, &Constraints::default())
        .and_then(|problem| ranked_allocations(&problem, 4));
    match ranked {
        Ok(ranked) if args.json => {
            let best = &ranked[0];
            println!(
                "{}",
                json!({ "assignment": best.pairs, "total": best.total })
            );
            ExitCode::SUCCESS
        }
        Ok(ranked) => {
            print!("{}", table(&ranked));
            ExitCode::SUCCESS
        }
        Err(e @ (AssignError::Infeasible { .. } | AssignError::MorePostsThanCandidates { .. })) => {
            fail(e.message(), 1)
        }
        Err(e) => fail(e.message(), 2),
    }
}
