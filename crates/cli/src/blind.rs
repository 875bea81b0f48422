//! `maatstaf blind`: propose and accept every redaction for one text.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use maatstaf_core::blinding::{blind_all, intake_warnings, Identity, RedactionLexicon};
use maatstaf_core::i18n::Lang;

#[derive(clap::Args)]
pub struct BlindArgs {
    /// TOML file about the person: name (required), aliases, party, birth_date (YYYY-MM-DD), birth_place, extra
    #[arg(long, value_name = "PERSON.toml")]
    identity: PathBuf,
    /// The candidate's text (UTF-8)
    #[arg(value_name = "TEXT.txt")]
    text: PathBuf,
    /// Print {"text", "redactions": [{start, end, category}]} with byte offsets into the input
    #[arg(long)]
    json: bool,
    /// Folder with redaction-*.toml word lists (default: content/lexicon, else the built-in lists)
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// Language of messages: nl or en
    #[arg(long, default_value = "nl", value_parser = ["nl", "en"])]
    lang: String,
}

/// An input problem: exit code 2 with a message.
struct Invalid(String);

pub fn run(args: BlindArgs) -> ExitCode {
    let lang = Lang::parse(&args.lang).unwrap_or_default();
    match blind(&args, lang) {
        Ok(out) => {
            print!("{out}");
            if !out.ends_with('\n') {
                println!();
            }
            ExitCode::SUCCESS
        }
        Err(Invalid(message)) => {
            let prefix = if lang == Lang::Nl { "fout" } else { "error" };
            eprintln!("maatstaf blind: {prefix}: {message}");
            ExitCode::from(2)
        }
    }
}

fn blind(args: &BlindArgs, lang: Lang) -> Result<String, Invalid> {
    let identity_text = read(&args.identity, lang)?;
    let identity = Identity::from_toml(&identity_text)
        .map_err(|e| Invalid(format!("{}: {}", args.identity.display(), e.message(lang))))?;
    let text = read(&args.text, lang)?;
    let lexicon = load_lexicon(args.lexicon.as_deref(), lang)?;
    // Invisible characters do not stop the proposals, but the secretary should know
    // they are there; stderr keeps stdout the blinded text or the JSON alone.
    for w in intake_warnings(&text) {
        let prefix = if lang == Lang::Nl {
            "waarschuwing"
        } else {
            "warning"
        };
        eprintln!(
            "maatstaf blind: {prefix}: byte {}: {}",
            w.start,
            w.message.get(lang)
        );
    }
    let (_, blinded) = blind_all(&text, &identity, &lexicon);
    if args.json {
        // Field order as documented: {"text", "redactions": [{"start", "end", "category"}]}.
        #[derive(serde::Serialize)]
        struct Out<'a> {
            text: &'a str,
            redactions: Vec<Span>,
        }
        #[derive(serde::Serialize)]
        struct Span {
            start: usize,
            end: usize,
            category: &'static str,
        }
        let out = Out {
            text: &blinded.text,
            redactions: blinded
                .redactions
                .iter()
                .map(|r| Span {
                    start: r.start,
                    end: r.end,
                    category: r.category.as_str(),
                })
                .collect(),
        };
        Ok(serde_json::to_string(&out).expect("plain structs always serialise"))
    } else {
        Ok(blinded.text)
    }
}

fn read(path: &Path, lang: Lang) -> Result<String, Invalid> {
    let bytes = fs::read(path).map_err(|e| {
        Invalid(match lang {
            Lang::Nl => format!("kan {} niet lezen: {e}", path.display()),
            Lang::En => format!("cannot read {}: {e}", path.display()),
        })
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Invalid(match lang {
            Lang::Nl => format!("{} is geen geldige UTF-8-tekst (byte {at})", path.display()),
            Lang::En => format!("{} is not valid UTF-8 text (byte {at})", path.display()),
        })
    })
}

/// `--lexicon DIR` must hold word lists; the default folder may be missing,
/// and then the lists built into the binary are used.
fn load_lexicon(dir: Option<&Path>, lang: Lang) -> Result<RedactionLexicon, Invalid> {
    let explicit = dir.is_some();
    let dir = dir.unwrap_or(Path::new("content/lexicon"));
    let mut files: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("redaction-") && n.ends_with(".toml"))
            })
            .collect(),
        Err(_) if !explicit => Vec::new(),
        Err(e) => {
            return Err(Invalid(match lang {
                Lang::Nl => format!("kan de map {} niet lezen: {e}", dir.display()),
                Lang::En => format!("cannot read the folder {}: {e}", dir.display()),
            }))
        }
    };
    files.sort();
    if files.is_empty() {
        if explicit {
            return Err(Invalid(match lang {
                Lang::Nl => format!("{} bevat geen redaction-*.toml", dir.display()),
                Lang::En => format!("{} has no redaction-*.toml files", dir.display()),
            }));
        }
        return Ok(RedactionLexicon::bundled());
    }
    let mut texts = Vec::new();
    for f in &files {
        texts.push((f.display().to_string(), read(f, lang)?));
    }
    RedactionLexicon::from_files(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| Invalid(e.message(lang)))
}
