//! `maatstaf report`: the decision report of a team's round as a PDF/A or a web page,
//! the same as the app makes, for an officer who signs in with `--as`. Names appear
//! only with `--names`, after the unblinding, for an officer who gave their passphrase.
//! The export is logged with the file's SHA-256.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use maatstaf_core::access::Action;
use maatstaf_core::i18n::{Lang, Text};
use maatstaf_core::report::report_html;
use maatstaf_store::report::ReportFormat;
use maatstaf_store::sealing::SealingError;
use maatstaf_store::StoreError;

use crate::candidate::fail;

#[derive(Args)]
pub struct ReportArgs {
    /// The team's id (see `maatstaf teams list`)
    #[arg(long, value_name = "ID")]
    team: i64,
    /// The revealed round to report on; by default the round the decision rests on,
    /// else the latest revealed round
    #[arg(long, value_name = "N")]
    round: Option<u32>,
    /// Where to write the report: FILE.pdf (PDF/A) or FILE.html; never overwritten
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Put the candidates' names behind their codes (only after the unblinding, for a
    /// chair or secretary who signs in with their passphrase)
    #[arg(long)]
    names: bool,
    /// Language of the report and the messages: nl or en
    #[arg(long, default_value = "nl", value_parser = ["nl", "en"])]
    lang: String,
    #[command(flatten)]
    sign_in: crate::signin::SignIn,
}

fn say(lang: Lang, t: Text) -> ExitCode {
    eprintln!("maatstaf: {}", t.get(lang));
    ExitCode::from(2)
}

pub fn run(args: ReportArgs, data_dir: Option<PathBuf>) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let format = match args.out.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("pdf") => ReportFormat::Pdf,
        Some(e) if e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm") => {
            ReportFormat::Html
        }
        _ => {
            return say(
                lang,
                Text::new(
                    format!(
                        "{} eindigt niet op .pdf of .html: kies een van beide",
                        args.out.display()
                    ),
                    format!(
                        "{} does not end in .pdf or .html: choose one of them",
                        args.out.display()
                    ),
                ),
            )
        }
    };
    let mut store = match crate::data::open(data_dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let signed = match crate::signin::sign_in(&mut store, args.team, &args.sign_in, lang) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let actor = signed.as_ref().map(|s| s.member_id);
    if let Err(e) = store.check_access(args.team, Action::ExportReport, actor) {
        return fail(e, lang);
    }
    let Some(signed) = signed else {
        return fail(
            StoreError::Access(maatstaf_core::access::AccessError::CliNeedsMember {
                action: Action::ExportReport.as_str().to_owned(),
            }),
            lang,
        );
    };
    let names = if args.names {
        match signed.unlocked.as_ref() {
            Some(by) => Some(by),
            None => return fail(StoreError::Sealing(SealingError::Locked), lang),
        }
    } else {
        None
    };
    let doc = match store.decision_report(args.team, signed.member_id, args.round, names, lang) {
        Ok(d) => d,
        Err(e) => return fail(e, lang),
    };
    let bytes = match format {
        ReportFormat::Pdf => match maatstaf_report_pdf::render_pdf(&doc) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("maatstaf: {e}");
                return ExitCode::FAILURE;
            }
        },
        ReportFormat::Html => report_html(&doc).into_bytes(),
    };
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&args.out)
        .and_then(|mut f| f.write_all(&bytes));
    if let Err(e) = written {
        return say(
            lang,
            Text::new(
                format!("kan {} niet schrijven: {e}", args.out.display()),
                format!("cannot write {}: {e}", args.out.display()),
            ),
        );
    }
    if let Err(e) = store.log_report_export(
        args.team,
        Some(signed.member_id),
        doc.round,
        format,
        names.is_some(),
        &bytes,
    ) {
        let _ = std::fs::remove_file(&args.out);
        return fail(e, lang);
    }
    println!(
        "{}",
        Text::new(
            format!("Het besluitverslag staat in {}.", args.out.display()),
            format!("The decision report is in {}.", args.out.display()),
        )
        .get(lang)
    );
    ExitCode::SUCCESS
}
