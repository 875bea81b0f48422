//! `maatstaf team`: documents about one formation team. `record` writes the team's
//! filled-in entry for the party's record of processing (verwerkingsregister). It holds
//! members and roles but no candidate data, so no sign-in is needed, and nothing is logged.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use maatstaf_core::i18n::{Lang, Text};

#[derive(Subcommand)]
pub enum TeamCommand {
    /// Write the team's processing record (verwerkingsregister) as an HTML page
    Record(RecordArgs),
    /// Close the formation after the decision: erase every candidate's name, contact
    /// details and original texts (and the database copies made before migrations);
    /// codes, blinded texts, scores and the log stay. Only the chair
    Close(CloseArgs),
}

#[derive(Args)]
pub struct CloseArgs {
    /// The team's id (see `maatstaf teams list`)
    #[arg(long, value_name = "ID")]
    team: i64,
    /// Keep the names of the candidates the decision appoints
    #[arg(long)]
    keep_appointed: bool,
    /// Language of the messages: nl or en
    #[arg(long, default_value = "nl", value_parser = ["nl", "en"])]
    lang: String,
    #[command(flatten)]
    sign_in: crate::signin::SignIn,
}

#[derive(Args)]
pub struct RecordArgs {
    /// The team's id (see `maatstaf teams list`)
    #[arg(long, value_name = "ID")]
    team: i64,
    /// Where to write the record (.html); an existing file is not overwritten
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Language of the messages: nl or en (the record itself follows the app's language)
    #[arg(long, default_value = "nl", value_parser = ["nl", "en"])]
    lang: String,
}

/// Exit code for input we cannot read or use at all.
const UNUSABLE: u8 = 2;

pub fn run(command: TeamCommand, data_dir: Option<PathBuf>) -> ExitCode {
    match command {
        TeamCommand::Record(args) => record(args, data_dir),
        TeamCommand::Close(args) => close(args, data_dir),
    }
}

fn close(args: CloseArgs, data_dir: Option<PathBuf>) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let mut store = match crate::data::open(data_dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let signed = match crate::signin::sign_in(&mut store, args.team, &args.sign_in, lang) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let actor = signed.map(|s| s.member_id);
    match store.close_formation(args.team, actor, args.keep_appointed) {
        Ok(r) => {
            let t = Text::new(
                format!(
                    "Formatie afgesloten. Gewist: {} namen en {} oorspronkelijke teksten; bewaard: {} namen van benoemde kandidaten; verwijderde reservekopieën: {}.",
                    r.identities_erased, r.texts_erased, r.kept.len(), r.backups_removed.len()
                ),
                format!(
                    "Formation closed. Erased: {} names and {} original texts; kept: {} names of appointed candidates; backup copies removed: {}.",
                    r.identities_erased, r.texts_erased, r.kept.len(), r.backups_removed.len()
                ),
            );
            println!("{}", t.get(lang));
            ExitCode::SUCCESS
        }
        Err(e) => crate::candidate::fail(e, lang),
    }
}

fn record(args: RecordArgs, data_dir: Option<PathBuf>) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let store = match crate::data::open(data_dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let html = match store.processing_record(args.team) {
        Ok(h) => h,
        Err(e) => return crate::candidate::fail(e, lang),
    };
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&args.out)
    {
        Ok(f) => f,
        Err(e) => {
            let t = Text::new(
                format!("kan {} niet aanmaken: {e}", args.out.display()),
                format!("cannot create {}: {e}", args.out.display()),
            );
            eprintln!("maatstaf: {}", t.get(lang));
            return ExitCode::from(UNUSABLE);
        }
    };
    if let Err(e) =
        std::io::Write::write_all(&mut file, html.as_bytes()).and_then(|()| file.sync_all())
    {
        eprintln!("maatstaf: {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    let t = Text::new(
        format!(
            "Verwerkingsregister geschreven naar {}. Vul de open regels in (verwerkingsverantwoordelijke, grondslag) en bewaar het bij het register van de partij.\n",
            args.out.display()
        ),
        format!(
            "Processing record written to {}. Fill in the open lines (controller, lawful basis) and keep it with the party's record.\n",
            args.out.display()
        ),
    );
    print!("{}", t.get(lang));
    ExitCode::SUCCESS
}
