//! `--as MEMBER`: a member signs in on the command line, typed at the terminal or given
//! on standard input for scripts: a PIN (`--pin-stdin`), or for a chair or secretary of
//! a sealed team their passphrase (`--passphrase-stdin`), which also unlocks the team's
//! sealed data for this one command. Without `--as` the command line acts as `cli`,
//! which the access rules allow only the setup steps of a team that is not protected.

use std::io::BufRead;
use std::process::ExitCode;

use clap::Args;
use maatstaf_core::i18n::{Lang, Text};
use maatstaf_store::access::PinRefusal;
use maatstaf_store::sealing::Unlocked;
use maatstaf_store::{Store, StoreError};
use zeroize::Zeroizing;

/// Exit code for a refusal: a wrong PIN or passphrase, an unknown member, no permission.
pub(crate) const REFUSED: u8 = 1;

#[derive(Args, Clone, Default)]
pub struct SignIn {
    /// Act as this member of the team (name or id); asks for their PIN, or for a chair
    /// or secretary of a sealed team their passphrase
    #[arg(long = "as", value_name = "MEMBER")]
    pub member: Option<String>,
    /// Read the PIN from the first line of standard input instead of the terminal
    #[arg(long, requires = "member", conflicts_with = "passphrase_stdin")]
    pub pin_stdin: bool,
    /// Read the passphrase from the first line of standard input instead of the terminal
    #[arg(long, requires = "member")]
    pub passphrase_stdin: bool,
}

/// Who signed in: the member, and their unlock when they opened the team with a passphrase.
pub(crate) struct Signed {
    pub member_id: i64,
    pub unlocked: Option<Unlocked>,
}

fn refuse(lang: Lang, t: Text) -> ExitCode {
    eprintln!("maatstaf: {}", t.get(lang));
    ExitCode::from(REFUSED)
}

/// Reads the secret: one line of standard input, or typed at the terminal unseen.
fn read_secret(from_stdin: bool, prompt: Text, lang: Lang) -> std::io::Result<Zeroizing<String>> {
    let line = if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map(|_| line)?
    } else {
        rpassword::prompt_password(prompt.get(lang))?
    };
    // Only the line ending goes: spaces inside and around a passphrase are part of it.
    Ok(Zeroizing::new(
        line.trim_end_matches(['\r', '\n']).to_owned(),
    ))
}

/// The member to act as, after their PIN or passphrase was checked; `Ok(None)` without `--as`.
pub(crate) fn sign_in(
    store: &mut Store,
    team: i64,
    args: &SignIn,
    lang: Lang,
) -> Result<Option<Signed>, ExitCode> {
    let Some(who) = args.member.as_deref() else {
        return Ok(None);
    };
    let failed = |e: StoreError| {
        if let StoreError::Sealing(s) = &e {
            return refuse(lang, s.text());
        }
        eprintln!("maatstaf: {e}");
        ExitCode::FAILURE
    };
    let member = match store.find_member(team, who) {
        Ok(Some(m)) => m,
        Ok(None) => {
            return Err(refuse(
                lang,
                Text::new(
                    format!("team {team} heeft geen lid '{who}'"),
                    format!("team {team} has no member '{who}'"),
                ),
            ))
        }
        Err(e) => {
            eprintln!("maatstaf: {e}");
            return Err(ExitCode::from(2));
        }
    };
    let uses_passphrase = store.uses_passphrase(team, member.id).map_err(failed)?;
    if uses_passphrase && args.pin_stdin {
        return Err(refuse(
            lang,
            Text::new(
                format!(
                    "{} meldt zich aan met een wachtwoordzin: gebruik --passphrase-stdin",
                    member.name
                ),
                format!(
                    "{} signs in with a passphrase: use --passphrase-stdin",
                    member.name
                ),
            ),
        ));
    }
    let prompt = if uses_passphrase {
        Text::new("Wachtwoordzin: ", "Passphrase: ")
    } else {
        Text::new("Pincode: ", "PIN: ")
    };
    let secret =
        read_secret(args.pin_stdin || args.passphrase_stdin, prompt, lang).map_err(|e| {
            refuse(
                lang,
                Text::new(
                    format!("kan de pincode of wachtwoordzin niet lezen: {e}"),
                    format!("cannot read the PIN or passphrase: {e}"),
                ),
            )
        })?;
    let outcome = if uses_passphrase {
        store.unlock(team, member.id, &secret).map(|r| r.map(Some))
    } else {
        store
            .verify_pin(team, member.id, secret.trim())
            .map(|r| r.map(|_| None))
    };
    match outcome {
        Ok(Ok(unlocked)) => Ok(Some(Signed {
            member_id: member.id,
            unlocked,
        })),
        Ok(Err(refusal)) => {
            let t = match refusal {
                PinRefusal::NotSet => Text::new(
                    format!("{} heeft nog geen pincode", member.name),
                    format!("{} has no PIN yet", member.name),
                ),
                PinRefusal::Wrong if uses_passphrase => {
                    Text::new("verkeerde wachtwoordzin", "wrong passphrase")
                }
                PinRefusal::Wrong => Text::new("verkeerde pincode", "wrong PIN"),
                PinRefusal::Wait { seconds } => Text::new(
                    format!("te vaak een verkeerde pincode of wachtwoordzin; probeer het over {seconds} seconden opnieuw"),
                    format!("too many wrong attempts; try again in {seconds} seconds"),
                ),
            };
            Err(refuse(lang, t))
        }
        Err(e) => Err(failed(e)),
    }
}
