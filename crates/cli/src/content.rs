//! `maatstaf content check [DIR]`: checks training modules, practice cases and
//! their links before they ship or after they are imported.

use std::path::Path;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use maatstaf_core::content::{load_content, REGISTER_FILE};
use maatstaf_core::i18n::{Lang, Text};
use serde::Serialize;

#[derive(Args)]
pub struct ContentArgs {
    #[command(subcommand)]
    command: ContentCommand,
}

#[derive(Subcommand)]
enum ContentCommand {
    /// Check modules, exercises, cases and links; prints path:line:column: message per problem.
    Check(CheckArgs),
}

#[derive(Args)]
struct CheckArgs {
    /// The content folder, with modules/, cases/, rubrics/, lexicon/, help/ and sources.toml.
    #[arg(default_value = "content")]
    dir: String,
    /// Print {"diagnostics":[…],"modules":N,"exercises":N,"cases":N} instead of lines
    /// (modules and cases count files; exercises count those in modules without errors).
    #[arg(long)]
    json: bool,
    /// Language of the messages.
    #[arg(long, default_value = "nl", value_parser = ["nl", "en"])]
    lang: String,
}

pub fn run(args: ContentArgs) -> ExitCode {
    match args.command {
        ContentCommand::Check(args) => check(&args),
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    modules: usize,
    exercises: usize,
    cases: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    line: u32,
    column: u32,
    message: &'a str,
}

/// The files of a content folder, read into memory.
struct Folder {
    modules: Vec<(String, String)>,
    cases: Vec<(String, String)>,
    rubrics: Vec<(String, String)>,
    /// The source register and the lexicons, whose header comments cite it.
    citing: Vec<(String, String)>,
    /// The app's help pages, one per area and language.
    help: Vec<(String, String)>,
    present: Vec<String>,
}

fn check(args: &CheckArgs) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let folder = match read_folder(&args.dir) {
        Ok(folder) => folder,
        Err(message) => {
            eprintln!("maatstaf: {}", message.get(lang));
            return ExitCode::from(2);
        }
    };
    let mut files = borrowed(&folder.modules);
    files.extend(borrowed(&folder.cases));
    files.extend(borrowed(&folder.citing));
    files.extend(borrowed(&folder.help));
    let present: Vec<&str> = folder.present.iter().map(String::as_str).collect();
    let set = load_content(&files, &borrowed(&folder.rubrics), &present);
    let exercises: usize = set.modules.iter().map(|m| m.exercises.len()).sum();

    if args.json {
        let report = JsonReport {
            diagnostics: set
                .diagnostics
                .iter()
                .map(|d| JsonDiagnostic {
                    path: &d.path,
                    line: d.line,
                    column: d.column,
                    message: d.message.get(lang),
                })
                .collect(),
            modules: folder.modules.len(),
            exercises,
            cases: folder.cases.len(),
        };
        match serde_json::to_string(&report) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("maatstaf: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        for diagnostic in &set.diagnostics {
            println!("{}", diagnostic.display(lang));
        }
        let summary = summary(
            folder.modules.len(),
            exercises,
            folder.cases.len(),
            set.diagnostics.len(),
        );
        println!("{}", summary.get(lang));
    }
    if set.diagnostics.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn borrowed(list: &[(String, String)]) -> Vec<(&str, &str)> {
    list.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect()
}

fn summary(modules: usize, exercises: usize, cases: usize, problems: usize) -> Text {
    let count = |n: usize, one: &str, many: &str| match n {
        0 => format!("geen {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let count_en = |n: usize, one: &str, many: &str| match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    Text::new(
        format!(
            "{}, {}, {}: {}",
            count(modules, "module", "modules"),
            count(exercises, "oefening", "oefeningen"),
            count(cases, "casus", "casussen"),
            count(problems, "probleem", "problemen"),
        ),
        format!(
            "{}, {}, {}: {}",
            count_en(modules, "module", "modules"),
            count_en(exercises, "exercise", "exercises"),
            count_en(cases, "case", "cases"),
            count_en(problems, "problem", "problems"),
        ),
    )
}

fn read_folder(dir: &str) -> Result<Folder, Text> {
    let root = Path::new(dir);
    if !root.is_dir() {
        return Err(Text::new(
            format!("kan de contentmap {dir} niet lezen: het is geen map of bestaat niet"),
            format!("cannot read the content folder {dir}: it is not a folder or does not exist"),
        ));
    }
    let base = dir.trim_end_matches(['/', '\\']);
    let base = if base.is_empty() { "/" } else { base };
    let mut present = Vec::new();
    list_files(root, base, &mut present)?;
    present.sort();
    let pick = |sub: &str, ext: &str| -> Result<Vec<(String, String)>, Text> {
        let prefix = format!("{base}/{sub}/");
        present
            .iter()
            .filter(|p| {
                p.strip_prefix(&prefix)
                    .is_some_and(|name| !name.contains('/') && name.ends_with(ext))
            })
            .map(|p| read_text(p).map(|text| (p.clone(), text)))
            .collect()
    };
    let modules = pick("modules", ".md")?;
    let cases = pick("cases", ".toml")?;
    let rubrics = pick("rubrics", ".toml")?;
    let help = pick("help", ".md")?;
    let register = format!("{base}/{REGISTER_FILE}");
    // Without the register every marker would be checked against the bundled
    // one and unused entries would go unnoticed, so a folder must have it.
    if !present.contains(&register) {
        return Err(Text::new(
            format!("de contentmap {dir} heeft geen bronnenregister {REGISTER_FILE}"),
            format!("the content folder {dir} has no source register {REGISTER_FILE}"),
        ));
    }
    let mut citing = vec![(register.clone(), read_text(&register)?)];
    citing.extend(pick("lexicon", ".toml")?);
    Ok(Folder {
        modules,
        cases,
        rubrics,
        citing,
        help,
        present,
    })
}

/// All files under `dir`, as `display/relative/path` with forward slashes.
/// Symbolic links to folders are not followed, so a loop cannot hang the check.
fn list_files(dir: &Path, display: &str, out: &mut Vec<String>) -> Result<(), Text> {
    let unreadable = |e: std::io::Error| {
        Text::new(
            format!("kan de map {display} niet lezen: {e}"),
            format!("cannot read the folder {display}: {e}"),
        )
    };
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{display}/{name}");
        let kind = entry.file_type().map_err(unreadable)?;
        if kind.is_dir() {
            list_files(&entry.path(), &path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn read_text(path: &str) -> Result<String, Text> {
    let bytes = std::fs::read(path).map_err(|e| {
        Text::new(
            format!("kan {path} niet lezen: {e}"),
            format!("cannot read {path}: {e}"),
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        Text::new(
            format!("{path}:{line}:{column}: het bestand is geen geldige UTF-8-tekst"),
            format!("{path}:{line}:{column}: the file is not valid UTF-8 text"),
        )
    })
}
