//! `maatstaf package`: the exchange files between the team's laptop and an assessor's
//! own laptop. `round` writes a round package (an officer signs in with `--as`),
//! `import` takes any package in where it belongs, `inspect` shows what a file holds
//! and `verify` checks its signature (exit 0 valid, 1 invalid, 2 unreadable).

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use maatstaf_core::i18n::{Lang, Text};
use maatstaf_core::package::{
    Envelope, Introduction, PackageError, PackageKind, RevealPackage, RoundPackage, ScorePackage,
};
use maatstaf_store::assignments::Received;
use maatstaf_store::scoring::exchange::PackageImport;
use zeroize::Zeroizing;

use crate::candidate::fail;
use crate::signin::{sign_in, SignIn, REFUSED};

const UNREADABLE: u8 = 2;

#[derive(Subcommand)]
pub enum PackageCommand {
    /// Write the round package for one assessor of an open round (team's laptop)
    Round(RoundArgs),
    /// Import a package: a score package or key file into a team (give --team and
    /// --as), or a round or reveal package on an assessor's own laptop
    Import(ImportArgs),
    /// Show what a package holds (never the encrypted scores)
    Inspect(FileArgs),
    /// Check a package's signature: exit 0 valid, 1 invalid, 2 unreadable
    Verify(FileArgs),
}

#[derive(Args)]
pub struct RoundArgs {
    #[arg(long)]
    team: i64,
    #[arg(long)]
    round: u32,
    /// The assessor, by name or id
    #[arg(long, value_name = "MEMBER")]
    assessor: String,
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    #[arg(long, default_value = "nl")]
    lang: String,
    #[command(flatten)]
    sign_in: SignIn,
}

#[derive(Args)]
pub struct ImportArgs {
    file: PathBuf,
    /// The team a score package or key file belongs to
    #[arg(long)]
    team: Option<i64>,
    /// On an assessor's laptop: read the new personal key's passphrase from the first
    /// line of standard input (the first round package of a team asks for one)
    #[arg(long)]
    new_passphrase_stdin: bool,
    #[arg(long, default_value = "nl")]
    lang: String,
    #[command(flatten)]
    sign_in: SignIn,
}

#[derive(Args)]
pub struct FileArgs {
    file: PathBuf,
    #[arg(long)]
    json: bool,
    #[arg(long, default_value = "nl")]
    lang: String,
}

pub fn run(command: PackageCommand, data_dir: Option<PathBuf>) -> ExitCode {
    match command {
        PackageCommand::Round(args) => round(args, data_dir),
        PackageCommand::Import(args) => import(args, data_dir),
        PackageCommand::Inspect(args) => inspect(args, false),
        PackageCommand::Verify(args) => inspect(args, true),
    }
}

fn say(lang: Lang, t: Text) {
    eprintln!("maatstaf: {}", t.get(lang));
}

fn read(path: &Path, lang: Lang) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        say(
            lang,
            Text::new(
                format!("kan {} niet lezen: {e}", path.display()),
                format!("cannot read {}: {e}", path.display()),
            ),
        );
        ExitCode::from(UNREADABLE)
    })
}

fn round(args: RoundArgs, data_dir: Option<PathBuf>) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let mut store = match crate::data::open(data_dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let assessor = match store.find_member(args.team, &args.assessor) {
        Ok(Some(m)) => m.id,
        Ok(None) => {
            say(
                lang,
                Text::new(
                    format!("team {} heeft geen lid '{}'", args.team, args.assessor),
                    format!("team {} has no member '{}'", args.team, args.assessor),
                ),
            );
            return ExitCode::from(UNREADABLE);
        }
        Err(e) => return fail(e, lang),
    };
    let Some(by) = (match sign_in(&mut store, args.team, &args.sign_in, lang) {
        Ok(signed) => signed.and_then(|s| s.unlocked),
        Err(code) => return code,
    }) else {
        say(
            lang,
            Text::new(
                "Een rondepakket wordt ondertekend met de teamsleutel: meld u aan als voorzitter of secretaris met --as.",
                "A round package is signed with the team key: sign in as chair or secretary with --as.",
            ),
        );
        return ExitCode::from(REFUSED);
    };
    match store.write_round_package(&by, args.round, assessor) {
        Ok(written) => match std::fs::write(&args.out, &written.bytes) {
            Ok(()) => {
                println!("{}", args.out.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                say(
                    lang,
                    Text::new(
                        format!("kan {} niet schrijven: {e}", args.out.display()),
                        format!("cannot write {}: {e}", args.out.display()),
                    ),
                );
                ExitCode::FAILURE
            }
        },
        Err(e) => fail(e, lang),
    }
}

fn import(args: ImportArgs, data_dir: Option<PathBuf>) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let bytes = match read(&args.file, lang) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let kind = match Envelope::read(&bytes) {
        Ok(e) => e.kind,
        Err(e) => return package_refused(&e, lang),
    };
    let mut store = match crate::data::open(data_dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if matches!(kind, PackageKind::Score | PackageKind::Introduction) {
        let Some(team) = args.team else {
            say(
                lang,
                Text::new(
                    "Geef het team op met --team, en meld u aan met --as.",
                    "Give the team with --team, and sign in with --as.",
                ),
            );
            return ExitCode::from(UNREADABLE);
        };
        let Some(by) = (match sign_in(&mut store, team, &args.sign_in, lang) {
            Ok(signed) => signed.and_then(|s| s.unlocked),
            Err(code) => return code,
        }) else {
            say(
                lang,
                Text::new(
                    "Een scorepakket wordt geopend met de sleutel van het team: meld u aan als voorzitter of secretaris met --as.",
                    "A score package is opened with the team's key: sign in as chair or secretary with --as.",
                ),
            );
            return ExitCode::from(REFUSED);
        };
        return match store.import_team_package(&by, &bytes) {
            Ok(outcome) => {
                println!("{}", outcome_text(&outcome).get(lang));
                ExitCode::SUCCESS
            }
            Err(e) => fail(e, lang),
        };
    }
    let passphrase = if args.new_passphrase_stdin {
        let mut line = String::new();
        if std::io::stdin().lock().read_line(&mut line).is_err() {
            return ExitCode::from(UNREADABLE);
        }
        Some(Zeroizing::new(
            line.trim_end_matches(['\r', '\n']).to_owned(),
        ))
    } else {
        None
    };
    let pair = passphrase.as_ref().map(|p| (p.as_str(), p.as_str()));
    match store.receive_package(&bytes, pair) {
        Ok(Received::NeedsKey { preview }) => {
            say(
                lang,
                Text::new(
                    format!(
                        "Dit is het eerste rondepakket van {} voor {}: kies een wachtwoordzin voor de persoonlijke sleutel (--new-passphrase-stdin). Vingerafdruk van het team: {}",
                        preview.team_name, preview.assessor_name, preview.team_fingerprint
                    ),
                    format!(
                        "This is the first round package of {} for {}: choose a passphrase for the personal key (--new-passphrase-stdin). Team fingerprint: {}",
                        preview.team_name, preview.assessor_name, preview.team_fingerprint
                    ),
                ),
            );
            ExitCode::from(REFUSED)
        }
        Ok(Received::Assignment { summary }) | Ok(Received::Reveal { summary }) => {
            println!(
                "{}",
                Text::new(
                    format!(
                        "{}, ronde {}, voor {} (nummer {}). Vingerafdruk van het team: {}",
                        summary.team_name,
                        summary.round,
                        summary.assessor_name,
                        summary.id.unwrap_or_default(),
                        summary.team_fingerprint
                    ),
                    format!(
                        "{}, round {}, for {} (number {}). Team fingerprint: {}",
                        summary.team_name,
                        summary.round,
                        summary.assessor_name,
                        summary.id.unwrap_or_default(),
                        summary.team_fingerprint
                    ),
                )
                .get(lang)
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(e, lang),
    }
}

fn outcome_text(outcome: &PackageImport) -> Text {
    match outcome {
        PackageImport::Merged {
            round,
            assessor,
            fingerprint,
            ..
        } => Text::new(
            format!("De scores van {assessor} voor ronde {round} zijn ingelezen (sleutel {fingerprint})."),
            format!("{assessor}'s scores for round {round} are imported (key {fingerprint})."),
        ),
        PackageImport::AlreadyImported { round, assessor } => Text::new(
            format!("Dit pakket van {assessor} voor ronde {round} was al ingelezen; er is niets veranderd."),
            format!("This package of {assessor} for round {round} was imported before; nothing changed."),
        ),
        PackageImport::Conflict { round, assessor } => Text::new(
            format!("Voor {assessor} is in ronde {round} al een ander scoreformulier binnen. Het pakket staat apart; de voorzitter kiest, met een reden."),
            format!("{assessor} already has another score sheet in round {round}. The package is set aside; the chair chooses, with a reason."),
        ),
        PackageImport::KeyRegistered {
            assessor,
            fingerprint,
        } => Text::new(
            format!("De sleutel van {assessor} is vastgelegd: {fingerprint}."),
            format!("{assessor}'s key is registered: {fingerprint}."),
        ),
        PackageImport::KeyKnown {
            assessor,
            fingerprint,
        } => Text::new(
            format!("De sleutel van {assessor} was al vastgelegd: {fingerprint}."),
            format!("{assessor}'s key was registered already: {fingerprint}."),
        ),
    }
}

fn package_refused(e: &PackageError, lang: Lang) -> ExitCode {
    say(lang, e.text());
    match e {
        PackageError::Unreadable
        | PackageError::TooLarge { .. }
        | PackageError::NewerVersion { .. } => ExitCode::from(UNREADABLE),
        _ => ExitCode::from(REFUSED),
    }
}

/// What the file says of itself, without anything encrypted.
fn summary(envelope: &Envelope) -> Result<serde_json::Value, PackageError> {
    let fingerprint = envelope.fingerprint()?.as_str().to_owned();
    let mut out = serde_json::json!({
        "kind": envelope.kind,
        "version": envelope.version,
        "signer_fingerprint": fingerprint,
    });
    match envelope.kind {
        PackageKind::Round => {
            let p = RoundPackage::read(envelope)?;
            out["team_uid"] = p.team_uid.into();
            out["team_name"] = p.team_name.into();
            out["round"] = p.round.number().into();
            out["assessor"] = p.assessor.name.into();
            out["candidates"] = serde_json::json!(p.round.candidates());
            out["chain_head"] = serde_json::json!(p.chain_head);
        }
        PackageKind::Score => {
            let p = ScorePackage::read(envelope)?;
            out["team_uid"] = p.team_uid.into();
            out["round"] = p.round.into();
            out["assessor_id"] = p.assessor.into();
            out["chain_head"] = serde_json::json!(p.chain_head);
            out["encrypted_bytes"] = (p.sealed.len() / 2).into();
        }
        PackageKind::Introduction => {
            let p = Introduction::read(envelope)?;
            out["team_uid"] = p.team_uid.into();
            out["assessor"] = p.assessor_name.into();
        }
        PackageKind::Reveal => {
            let p = RevealPackage::read(envelope)?;
            out["team_uid"] = p.team_uid.into();
            out["round"] = p.round.into();
        }
        PackageKind::Sheet => {}
    }
    Ok(out)
}

fn inspect(args: FileArgs, verify_only: bool) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let bytes = match read(&args.file, lang) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let result = Envelope::read(&bytes).and_then(|e| summary(&e));
    match (result, args.json) {
        (Ok(info), true) => {
            let mut info = info;
            info["valid"] = true.into();
            println!("{}", serde_json::to_string_pretty(&info).expect("JSON"));
            ExitCode::SUCCESS
        }
        (Ok(info), false) => {
            let valid = Text::new("GELDIG: handtekening klopt", "VALID: the signature holds");
            println!("{}", valid.get(lang));
            if !verify_only {
                for (k, v) in info.as_object().expect("an object") {
                    println!("  {k}: {v}");
                }
            } else {
                println!("  signer_fingerprint: {}", info["signer_fingerprint"]);
            }
            ExitCode::SUCCESS
        }
        (Err(e), true) => {
            println!(
                "{}",
                serde_json::json!({ "valid": false, "reason": e, "message": e.text().get(lang) })
            );
            match e {
                PackageError::Unreadable
                | PackageError::TooLarge { .. }
                | PackageError::NewerVersion { .. } => ExitCode::from(UNREADABLE),
                _ => ExitCode::from(REFUSED),
            }
        }
        (Err(e), false) => package_refused(&e, lang),
    }
}
