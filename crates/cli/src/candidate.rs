//! `maatstaf candidate`: what an officer does for one candidate from the command line.
//! `copy` writes the candidate's own copy of what the team holds on them (AVG art. 15)
//! as `<CODE>.html` and `<CODE>.json`, the same as the app, logged the same way.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use maatstaf_core::access::Action;
use maatstaf_core::i18n::{Lang, Text};
use maatstaf_store::candidates::CandidateError;
use maatstaf_store::privacy::ErasureReason;
use maatstaf_store::sealing::SealingError;
use maatstaf_store::StoreError;

#[derive(Subcommand)]
pub enum CandidateCommand {
    /// Write a candidate's own copy of everything the team holds on them (AVG art. 15):
    /// <CODE>.html to read and <CODE>.json, in DIR
    Copy(CopyArgs),
    /// Erase a candidate's name and original texts (withdrawal or request); the code,
    /// blinded texts and scores stay as a withdrawn candidate
    Erase(EraseArgs),
}

#[derive(Args)]
pub struct EraseArgs {
    /// The team's id (see `maatstaf teams list`)
    #[arg(long, value_name = "ID")]
    team: i64,
    /// The candidate's code, e.g. K-7F3
    #[arg(long, value_name = "CODE")]
    code: String,
    /// Why: the candidate withdrew, or asked for erasure (goes into the log; no names)
    #[arg(long, value_parser = ["withdrawn", "request"])]
    reason: String,
    /// Language of the messages: nl or en
    #[arg(long, default_value = "nl", value_parser = ["nl", "en"])]
    lang: String,
    #[command(flatten)]
    sign_in: crate::signin::SignIn,
}

#[derive(Args)]
pub struct CopyArgs {
    /// The team's id (see `maatstaf teams list`)
    #[arg(long, value_name = "ID")]
    team: i64,
    /// The candidate's code, e.g. K-7F3
    #[arg(long, value_name = "CODE")]
    code: String,
    /// The folder to write <CODE>.html and <CODE>.json into (made if missing); existing
    /// files are not overwritten
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Language of the messages: nl or en (the copy itself follows the app's language)
    #[arg(long, default_value = "nl", value_parser = ["nl", "en"])]
    lang: String,
    #[command(flatten)]
    sign_in: crate::signin::SignIn,
}

/// Exit code for input we cannot read or use at all.
const UNUSABLE: u8 = 2;

pub fn run(command: CandidateCommand, data_dir: Option<PathBuf>) -> ExitCode {
    match command {
        CandidateCommand::Copy(args) => copy(args, data_dir),
        CandidateCommand::Erase(args) => erase(args, data_dir),
    }
}

fn erase(args: EraseArgs, data_dir: Option<PathBuf>) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let mut store = match crate::data::open(data_dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let signed = match crate::signin::sign_in(&mut store, args.team, &args.sign_in, lang) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let reason = if args.reason == "request" {
        ErasureReason::Request
    } else {
        ErasureReason::Withdrawn
    };
    let actor = signed.map(|s| s.member_id);
    match store.erase_candidate(args.team, actor, &args.code, reason) {
        Ok(()) => {
            say_out(
                lang,
                Text::new(
                    format!("De naam en oorspronkelijke teksten van {} zijn gewist; de code en de scores blijven.", args.code),
                    format!("The name and original texts of {} have been erased; the code and the scores stay.", args.code),
                ),
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(e, lang),
    }
}

fn say_out(lang: Lang, t: Text) {
    println!("{}", t.get(lang));
}

fn say(lang: Lang, t: Text) {
    eprintln!("maatstaf: {}", t.get(lang));
}

/// The exit code and message for a store error.
pub(crate) fn fail(e: StoreError, lang: Lang) -> ExitCode {
    match e {
        StoreError::NoSuchTeam(id) => {
            say(
                lang,
                Text::new(
                    format!("team {id} bestaat niet (zie `maatstaf teams list`)"),
                    format!("team {id} does not exist (see `maatstaf teams list`)"),
                ),
            );
            ExitCode::from(UNUSABLE)
        }
        StoreError::Candidate(CandidateError::NoSuchCandidate(code)) => {
            say(lang, unknown_code(&code));
            ExitCode::from(UNUSABLE)
        }
        StoreError::Access(refusal) => {
            say(lang, refusal.text());
            ExitCode::from(crate::signin::REFUSED)
        }
        StoreError::Sealing(refusal) => {
            say(lang, refusal.text());
            ExitCode::from(crate::signin::REFUSED)
        }
        StoreError::Privacy(refusal) => {
            say(lang, refusal.text());
            ExitCode::from(crate::signin::REFUSED)
        }
        StoreError::Retention(refusal) => {
            say(lang, refusal.text());
            ExitCode::from(crate::signin::REFUSED)
        }
        StoreError::Package(refusal) => {
            say(lang, refusal.text());
            ExitCode::from(crate::signin::REFUSED)
        }
        StoreError::Assignment(refusal) => {
            say(lang, refusal.text());
            ExitCode::from(crate::signin::REFUSED)
        }
        StoreError::Scoring(refusal) => {
            say(lang, refusal.message());
            ExitCode::from(crate::signin::REFUSED)
        }
        StoreError::Dissent(refusal) => {
            say(lang, refusal.text());
            ExitCode::from(crate::signin::REFUSED)
        }
        e => {
            eprintln!("maatstaf: {e}");
            ExitCode::FAILURE
        }
    }
}

fn unknown_code(code: &str) -> Text {
    Text::new(
        format!("het team heeft geen kandidaat met code '{code}' (zie de lijst Kandidaten)"),
        format!("the team has no candidate with code '{code}' (see the Candidates list)"),
    )
}

/// A new file only this user may read (it holds a person's data); fails if it exists.
fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

fn cannot_create(path: &Path, e: &std::io::Error) -> Text {
    Text::new(
        format!("kan {} niet aanmaken: {e}", path.display()),
        format!("cannot create {}: {e}", path.display()),
    )
}

fn copy(args: CopyArgs, data_dir: Option<PathBuf>) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let mut store = match crate::data::open(data_dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let signed = match crate::signin::sign_in(&mut store, args.team, &args.sign_in, lang) {
        Ok(a) => a,
        Err(code) => return code,
    };
    if let Err(e) = store.check_access(
        args.team,
        Action::ExportPersonalCopy,
        signed.as_ref().map(|s| s.member_id),
    ) {
        return fail(e, lang);
    }
    // The copy opens the sealed name and texts: only an officer who gave their passphrase.
    let Some(by) = signed.and_then(|s| s.unlocked) else {
        let sealed = store
            .seal_state(args.team)
            .map(|s| s.sealed)
            .unwrap_or(true);
        return fail(
            StoreError::Sealing(if sealed {
                SealingError::Locked
            } else {
                SealingError::NotSealed
            }),
            lang,
        );
    };
    // Refuse before exporting: an export is logged, files that cannot be written should not be.
    match store.candidates(args.team) {
        Ok(list) if list.iter().any(|c| c.code == args.code) => {}
        Ok(_) => {
            say(lang, unknown_code(&args.code));
            return ExitCode::from(UNUSABLE);
        }
        Err(e) => return fail(e, lang),
    }
    if args.code.is_empty() || args.code.starts_with('.') || args.code.contains(['/', '\\']) {
        say(lang, unknown_code(&args.code));
        return ExitCode::from(UNUSABLE);
    }
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        say(lang, cannot_create(&args.out, &e));
        return ExitCode::from(UNUSABLE);
    }
    let html_path = args.out.join(format!("{}.html", args.code));
    let json_path = args.out.join(format!("{}.json", args.code));
    let mut html_file = match create_private(&html_path) {
        Ok(f) => f,
        Err(e) => {
            say(lang, cannot_create(&html_path, &e));
            return ExitCode::from(UNUSABLE);
        }
    };
    let mut json_file = match create_private(&json_path) {
        Ok(f) => f,
        Err(e) => {
            drop(html_file);
            let _ = std::fs::remove_file(&html_path);
            say(lang, cannot_create(&json_path, &e));
            return ExitCode::from(UNUSABLE);
        }
    };
    let copy = match store.personal_copy(&by, &args.code) {
        Ok(c) => c,
        Err(e) => {
            drop((html_file, json_file));
            let _ = std::fs::remove_file(&html_path);
            let _ = std::fs::remove_file(&json_path);
            return fail(e, lang);
        }
    };
    for (file, path, bytes) in [
        (&mut html_file, &html_path, copy.html.as_bytes().to_vec()),
        (&mut json_file, &json_path, copy.json_bytes()),
    ] {
        if let Err(e) = std::io::Write::write_all(file, &bytes).and_then(|()| file.sync_all()) {
            eprintln!("maatstaf: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    let t = Text::new(
        format!(
            "Kopie voor {code} geschreven naar {html} en {json}.\nSHA-256 van de JSON (staat in het logboek): {sha}\nDe bestanden bevatten persoonsgegevens: geef ze alleen aan de kandidaat zelf en verwijder ze daarna.\n",
            code = args.code,
            html = html_path.display(),
            json = json_path.display(),
            sha = copy.sha256,
        ),
        format!(
            "Copy for {code} written to {html} and {json}.\nSHA-256 of the JSON (recorded in the log): {sha}\nThe files hold personal data: give them only to the candidate and delete them afterwards.\n",
            code = args.code,
            html = html_path.display(),
            json = json_path.display(),
            sha = copy.sha256,
        ),
    );
    print!("{}", t.get(lang));
    ExitCode::SUCCESS
}
