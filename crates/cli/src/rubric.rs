//! `maatstaf rubric ...`: check rubric files before a team freezes them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use maatstaf_core::i18n::Lang;
use maatstaf_core::lint::{bundled_lexicon, lint, Finding, Lexicon, Severity};
use maatstaf_core::rubric::parse_rubric;

#[derive(Args)]
pub struct RubricArgs {
    #[command(subcommand)]
    command: RubricCommand,
}

#[derive(Subcommand)]
enum RubricCommand {
    /// Check a rubric for untestable, excluding or badly structured criteria.
    Lint(LintArgs),
}

#[derive(Args)]
struct LintArgs {
    /// The rubric file (TOML).
    file: PathBuf,
    /// Print the findings as JSON.
    #[arg(long)]
    json: bool,
    /// Language of the messages.
    #[arg(long, default_value = "nl", value_parser = ["nl", "en"])]
    lang: String,
    /// Folder with the lint-*.toml word lists [default: ./content/lexicon, else the lists built into this program].
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
}

pub fn run(args: RubricArgs) -> ExitCode {
    match args.command {
        RubricCommand::Lint(args) => lint_command(args),
    }
}

fn say(lang: Lang, nl: String, en: String) -> String {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn lint_command(args: LintArgs) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let lexicon = match load_lexicon(args.lexicon.as_deref(), lang) {
        Ok(lexicon) => lexicon,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let file = args.file.display();
    let text = match std::fs::read_to_string(&args.file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!(
                "{}",
                say(
                    lang,
                    format!("{file}: kan het bestand niet lezen: {e}"),
                    format!("{file}: cannot read the file: {e}")
                )
            );
            return ExitCode::from(2);
        }
    };
    let rubric = match parse_rubric(&text) {
        Ok(rubric) => rubric,
        Err(e) => {
            eprintln!("{file}: {}", e.message(lang));
            return ExitCode::from(2);
        }
    };
    let findings = lint(&rubric, &lexicon);
    if args.json {
        println!("{}", json_report(&findings, lang));
    } else {
        for f in &findings {
            println!("{}", human_line(f, lang));
        }
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        let (e, w, i) = (
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        );
        eprintln!(
            "{}",
            say(
                lang,
                format!("{file}: {e} fout(en), {w} waarschuwing(en), {i} opmerking(en)"),
                format!("{file}: {e} error(s), {w} warning(s), {i} note(s)"),
            )
        );
    }
    if findings.iter().any(|f| f.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn load_lexicon(dir: Option<&Path>, lang: Lang) -> Result<Lexicon, String> {
    let default_dir = Path::new("content").join("lexicon");
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None if default_dir.is_dir() => default_dir,
        // An installed CLI has no content folder: use the lists built into it.
        None => return Ok(bundled_lexicon().clone()),
    };
    let shown = dir.display();
    let cannot = |e: std::io::Error| {
        say(
            lang,
            format!("{shown}: kan de woordenlijsten niet lezen: {e}"),
            format!("{shown}: cannot read the word lists: {e}"),
        )
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(cannot)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("lint-") && n.ends_with(".toml"))
        })
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(say(
            lang,
            format!("{shown}: bevat geen woordenlijsten (lint-*.toml)"),
            format!("{shown}: contains no word lists (lint-*.toml)"),
        ));
    }
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(cannot)?;
        files.push((path.display().to_string(), text));
    }
    Lexicon::from_toml(&files).map_err(|e| e.message(lang))
}

fn human_line(f: &Finding, lang: Lang) -> String {
    let place = match (&f.criterion, &f.field) {
        (Some(c), Some(field)) => format!(" [{c}.{field}]"),
        (Some(c), None) => format!(" [{c}]"),
        (None, Some(field)) => format!(" [{field}]"),
        (None, None) => String::new(),
    };
    let mut line = format!(
        "{} {}{place}: {}",
        f.severity.as_str(),
        f.rule.as_str(),
        f.message.get(lang)
    );
    if let Some(s) = &f.suggestion {
        line.push_str(&say(
            lang,
            format!(" Tip: {}", s.nl),
            format!(" Suggestion: {}", s.en),
        ));
    }
    line
}

fn json_report(findings: &[Finding], lang: Lang) -> String {
    let findings: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            serde_json::json!({
                "rule": f.rule.as_str(),
                "severity": f.severity.as_str(),
                "criterion": f.criterion,
                "field": f.field,
                "message": f.message.get(lang),
                "suggestion": f.suggestion.as_ref().map(|s| s.get(lang)),
            })
        })
        .collect();
    serde_json::json!({ "findings": findings }).to_string()
}
