//! `maatstaf log`: checking a logboek export a committee received.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use maatstaf_core::access::Action;
use maatstaf_core::i18n::{Lang, Text};
use maatstaf_core::ledger::{
    verify_logboek, verify_logboek_against, CheckpointCode, Fingerprint, Past, Verification,
};
use maatstaf_store::sealing::SealingError;
use maatstaf_store::StoreError;
use serde_json::json;

#[derive(Subcommand)]
pub enum LogCommand {
    /// Check that a logboek file is complete, unaltered and signed
    Verify(VerifyArgs),
    /// Write a team's signed logboek, the same file as the app's export button
    Export(ExportArgs),
}

#[derive(Args)]
pub struct ExportArgs {
    /// The team's id (see `maatstaf teams list`)
    #[arg(long, value_name = "ID")]
    team: i64,
    /// Where to write the logboek (.jsonl); an existing file is not overwritten
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Include candidate names (the file and its report will say so)
    #[arg(long)]
    with_identities: bool,
    /// Language of the messages: nl or en
    #[arg(long, default_value = "nl", value_parser = ["nl", "en"])]
    lang: String,
    #[command(flatten)]
    sign_in: crate::signin::SignIn,
}

#[derive(Args)]
pub struct VerifyArgs {
    /// The logboek file (.jsonl) exported by a chair
    file: PathBuf,
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
    /// The fingerprint of the key the file must be signed with, as the chair gave it.
    /// Without it the signature is checked, but not who made it
    #[arg(long, value_name = "FINGERPRINT")]
    key: Option<String>,
    /// The fingerprint of your own negotiator's personal key: every score package they
    /// sent must be signed by it, and the sheet revealed must be the one they signed
    #[arg(long, value_name = "FINGERPRINT")]
    assessor_key: Option<String>,
    /// An earlier logboek of the same team: its entries must stand unchanged at the start
    /// of this one (repeatable)
    #[arg(long, value_name = "OLDER.jsonl")]
    previous: Vec<PathBuf>,
    /// A checkpoint code from the minutes: it must be the code of an entry in this logboek
    /// (repeatable)
    #[arg(long, value_name = "CODE")]
    checkpoint: Vec<String>,
    /// Language of the messages: nl or en
    #[arg(long, default_value = "nl", value_parser = ["nl", "en"])]
    lang: String,
}

/// Exit code for input we cannot read or use at all.
const UNUSABLE: u8 = 2;

pub fn run(command: LogCommand, data_dir: Option<PathBuf>) -> ExitCode {
    match command {
        LogCommand::Verify(args) => verify(args),
        LogCommand::Export(args) => export(args, data_dir),
    }
}

fn export(args: ExportArgs, data_dir: Option<PathBuf>) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let mut store = match crate::data::open(data_dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let fail = |e: StoreError| {
        let code = match e {
            StoreError::NoSuchTeam(id) => {
                let t = Text::new(
                    format!("team {id} bestaat niet (zie `maatstaf teams list`)"),
                    format!("team {id} does not exist (see `maatstaf teams list`)"),
                );
                eprintln!("maatstaf: {}", t.get(lang));
                return ExitCode::from(UNUSABLE);
            }
            StoreError::Access(refusal) => {
                eprintln!("maatstaf: {}", refusal.text().get(lang));
                return ExitCode::from(crate::signin::REFUSED);
            }
            StoreError::Sealing(refusal) => {
                eprintln!("maatstaf: {}", refusal.text().get(lang));
                return ExitCode::from(crate::signin::REFUSED);
            }
            _ => ExitCode::FAILURE,
        };
        eprintln!("maatstaf: {e}");
        code
    };
    let signed = match crate::signin::sign_in(&mut store, args.team, &args.sign_in, lang) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let action = if args.with_identities {
        Action::ExportLogboekWithIdentities
    } else {
        Action::ExportLogboek
    };
    if let Err(e) = store.check_access(args.team, action, signed.as_ref().map(|s| s.member_id)) {
        return fail(e);
    }
    // Signing opens the team's sealed key: only an officer who gave their passphrase.
    let Some(by) = signed.and_then(|s| s.unlocked) else {
        let sealed = store
            .seal_state(args.team)
            .map(|s| s.sealed)
            .unwrap_or(true);
        return fail(StoreError::Sealing(if sealed {
            SealingError::Locked
        } else {
            SealingError::NotSealed
        }));
    };
    // Refuse before exporting: an export is logged, a file that cannot be written should not be.
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
    let scoring = match store.scoring_logboek_sections(args.team) {
        Ok(sections) => sections,
        Err(e) => {
            drop(file);
            let _ = std::fs::remove_file(&args.out);
            eprintln!("maatstaf: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = match store.export_logboek(&by, args.with_identities, scoring) {
        Ok(b) => b,
        Err(e) => {
            drop(file);
            let _ = std::fs::remove_file(&args.out);
            return fail(e);
        }
    };
    if let Err(e) = std::io::Write::write_all(&mut file, &bytes).and_then(|()| file.sync_all()) {
        eprintln!("maatstaf: {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    let v = verify_logboek(&bytes, None);
    let fp = v.fingerprint.map(|f| f.to_string()).unwrap_or_default();
    // The export is a milestone: its code lets a committee later check this file's
    // history against any later logboek.
    let code = v
        .entries
        .last()
        .and_then(|e| CheckpointCode::of_hash(&e.hash))
        .map(|c| c.to_string())
        .unwrap_or_default();
    let t = Text::new(
        format!(
            "Logboek geschreven naar {} ({} vermeldingen, {}).\nVingerafdruk: {fp}\nControlecode: {code} (noteer dit in de notulen)\n",
            args.out.display(),
            v.entries.len(),
            if args.with_identities {
                "MET namen van kandidaten"
            } else {
                "alleen kandidaatcodes"
            }
        ),
        format!(
            "Logboek written to {} ({} entries, {}).\nFingerprint: {fp}\nCheckpoint code: {code} (note it in the minutes)\n",
            args.out.display(),
            v.entries.len(),
            if args.with_identities {
                "WITH candidate names"
            } else {
                "candidate codes only"
            }
        ),
    );
    print!("{}", t.get(lang));
    ExitCode::SUCCESS
}

fn verify(args: VerifyArgs) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    let expected = match args.key.as_deref().map(Fingerprint::parse).transpose() {
        Ok(fp) => fp,
        Err(e) => {
            eprintln!("maatstaf: --key: {}", e.text().get(lang));
            return ExitCode::from(UNUSABLE);
        }
    };
    let codes = match args
        .checkpoint
        .iter()
        .map(|c| CheckpointCode::parse(c))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(codes) => codes,
        Err(e) => {
            eprintln!("maatstaf: --checkpoint: {}", e.text().get(lang));
            return ExitCode::from(UNUSABLE);
        }
    };
    let read = |path: &PathBuf| {
        std::fs::read(path).map_err(|e| {
            let t = Text::new(
                format!("kan {} niet lezen: {e}", path.display()),
                format!("cannot read {}: {e}", path.display()),
            );
            eprintln!("maatstaf: {}", t.get(lang));
            ExitCode::from(UNUSABLE)
        })
    };
    let bytes = match read(&args.file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let previous = match args
        .previous
        .iter()
        .map(read)
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(p) => p,
        Err(code) => return code,
    };
    let past = Past {
        previous: &previous,
        checkpoints: &codes,
    };
    let assessor = match args
        .assessor_key
        .as_deref()
        .map(Fingerprint::parse)
        .transpose()
    {
        Ok(fp) => fp,
        Err(e) => {
            eprintln!("maatstaf: --assessor-key: {}", e.text().get(lang));
            return ExitCode::from(UNUSABLE);
        }
    };
    let v = verify_logboek_against(&bytes, expected.as_ref(), &past);
    let assessor_check = assessor
        .as_ref()
        .map(|fp| maatstaf_core::package::check_assessor(&v.entries, fp));
    if args.json {
        let mut json = as_json(&v, lang);
        if let Some(check) = &assessor_check {
            json["assessor"] = serde_json::json!({
                "passed": check.passed(),
                "packages": check.packages,
                "revealed": check.revealed,
                "problems": check.problems.iter().map(|p| p.get(lang)).collect::<Vec<_>>(),
                "notices": check.notices.iter().map(|p| p.get(lang)).collect::<Vec<_>>(),
            });
        }
        println!("{json}");
    } else {
        print!("{}", as_text(&v, lang));
        if let Some(check) = &assessor_check {
            print!("{}", assessor_text(check, lang));
        }
    }
    if assessor_check.as_ref().is_some_and(|c| !c.passed()) && v.problem.is_none() {
        return ExitCode::FAILURE;
    }
    match &v.problem {
        None if v.history.holds() => ExitCode::SUCCESS,
        Some(p) if p.kind.is_unreadable() => ExitCode::from(UNUSABLE),
        _ => ExitCode::FAILURE,
    }
}

fn as_json(v: &Verification, lang: Lang) -> serde_json::Value {
    json!({
        "intact": v.intact,
        "fingerprint": v.fingerprint,
        "team": v.header.as_ref().map(|h| &h.team),
        "entries": v.entries.len(),
        "with_identities": v.header.as_ref().is_some_and(|h| h.with_identities),
        "signer_checked": v.signer_checked,
        "problem": v.problem.as_ref().map(|p| json!({
            "kind": p.kind.as_str(),
            "seq": p.seq,
            "line": p.line,
            "message": p.message.get(lang),
        })),
        "previous": v.history.previous.iter().map(|p| json!({
            "holds": p.problem.is_none(),
            "problem": p.problem,
            "exported_at": p.exported_at,
            "entries": p.entries,
            "message": p.message.get(lang),
        })).collect::<Vec<_>>(),
        "checkpoints": v.history.checkpoints.iter().map(|c| json!({
            "code": c.code,
            "holds": c.problem.is_none(),
            "problem": c.problem,
            "seq": c.found.as_ref().map(|f| f.seq),
            "message": c.message.get(lang),
        })).collect::<Vec<_>>(),
    })
}

fn as_text(v: &Verification, lang: Lang) -> String {
    let t = |nl: &str, en: &str| Text::new(nl, en).get(lang).to_owned();
    let mut out = String::new();
    match (&v.problem, v.history.first_problem()) {
        (None, Some(p)) => {
            out.push_str(&format!(
                "{} {}\n",
                t(
                    "NIET INTACT: het bestand klopt op zichzelf, maar niet met wat eerder is vastgelegd.",
                    "NOT INTACT: the file is consistent in itself, but not with what was recorded before."
                ),
                p.text().get(lang)
            ));
            if let Some(seq) = p.seq() {
                out.push_str(&format!("  ({} {seq})\n", t("vermelding", "entry")));
            }
        }
        (None, None) if v.signer_checked => out.push_str(&t(
            "INTACT: het logboek is volledig, ongewijzigd en ondertekend met de verwachte sleutel.\n",
            "INTACT: the logboek is complete, unaltered and signed with the expected key.\n",
        )),
        (None, None) => out.push_str(&t(
            "INTACT: het logboek is volledig, ongewijzigd en ondertekend, maar de ondertekenaar is NIET gecontroleerd (geef --key).\n",
            "INTACT: the logboek is complete, unaltered and signed, but the signer was NOT checked (give --key).\n",
        )),
        (Some(p), _) => {
            out.push_str(&format!(
                "{} {}\n",
                t("NIET INTACT:", "NOT INTACT:"),
                p.message.get(lang)
            ));
            let mut place = Vec::new();
            if let Some(line) = p.line {
                place.push(format!("{} {line}", t("regel", "line")));
            }
            if let Some(seq) = p.seq {
                place.push(format!("{} {seq}", t("vermelding", "entry")));
            }
            if !place.is_empty() {
                out.push_str(&format!("  ({})\n", place.join(", ")));
            }
        }
    }
    if let Some(h) = &v.header {
        out.push_str(&format!(
            "{:<16}{} ({})\n",
            t("Team:", "Team:"),
            h.team.name,
            h.team.id
        ));
        out.push_str(&format!(
            "{:<16}{} {} {}\n",
            t("Geëxporteerd:", "Exported:"),
            h.exported_at,
            t("door", "by"),
            h.exporter.display().get(lang)
        ));
        out.push_str(&format!(
            "{:<16}{}\n",
            t("Identiteiten:", "Identities:"),
            if h.with_identities {
                t(
                    "opgenomen (namen van kandidaten staan erin)",
                    "included (candidate names are in it)",
                )
            } else {
                t("niet opgenomen (alleen codes)", "not included (codes only)")
            }
        ));
    }
    out.push_str(&format!(
        "{:<16}{}\n",
        t("Vermeldingen:", "Entries:"),
        v.entries.len()
    ));
    if let Some(fp) = &v.fingerprint {
        out.push_str(&format!("{:<16}{fp}\n", t("Sleutel:", "Key:")));
        if v.intact && !v.signer_checked {
            out.push_str(&t(
                "Vergelijk deze vingerafdruk met die van de voorzitter, of controleer met --key.\n",
                "Compare this fingerprint with the chair's, or check with --key.\n",
            ));
        }
    }
    for (holds, message) in v
        .history
        .previous
        .iter()
        .map(|p| (p.problem.is_none(), &p.message))
        .chain(
            v.history
                .checkpoints
                .iter()
                .map(|c| (c.problem.is_none(), &c.message)),
        )
    {
        let mark = if holds {
            t("klopt", "holds")
        } else {
            t("KLOPT NIET", "FAILS")
        };
        out.push_str(&format!("{mark}: {}\n", message.get(lang)));
    }
    out
}

fn assessor_text(check: &maatstaf_core::package::AssessorCheck, lang: Lang) -> String {
    let mut out = if check.passed() {
        Text::new(
            format!(
                "BEOORDELAAR: {} scorepakket(ten) met deze sleutel ondertekend, {} onthuld zoals ondertekend.\n",
                check.packages, check.revealed
            ),
            format!(
                "ASSESSOR: {} score package(s) signed with this key, {} revealed as signed.\n",
                check.packages, check.revealed
            ),
        )
        .get(lang)
        .to_owned()
    } else {
        Text::new("BEOORDELAAR: NIET IN ORDE\n", "ASSESSOR: NOT IN ORDER\n")
            .get(lang)
            .to_owned()
    };
    for line in check.problems.iter().chain(&check.notices) {
        out.push_str("  ");
        out.push_str(line.get(lang));
        out.push('\n');
    }
    out
}
