//! `--as MEMBER`: a member signs in on the command line with their PIN, typed at the
//! terminal or given on standard input (`--pin-stdin`, for scripts). Without it the
//! command line acts as `cli`, which the access rules allow only the setup steps of a
//! team that is not protected yet.

use std::io::BufRead;
use std::process::ExitCode;

use clap::Args;
use maatstaf_core::i18n::{Lang, Text};
use maatstaf_store::Store;

/// Exit code for a refusal: a wrong PIN, an unknown member, no permission.
pub(crate) const REFUSED: u8 = 1;

#[derive(Args, Clone, Default)]
pub struct SignIn {
    /// Act as this member of the team (name or id); asks for their PIN
    #[arg(long = "as", value_name = "MEMBER")]
    pub member: Option<String>,
    /// Read the PIN from the first line of standard input instead of the terminal
    #[arg(long, requires = "member")]
    pub pin_stdin: bool,
}

/// The member id to act as, after their PIN was checked; `Ok(None)` without `--as`.
pub(crate) fn sign_in(
    store: &mut Store,
    team: i64,
    args: &SignIn,
    lang: Lang,
) -> Result<Option<i64>, ExitCode> {
    let Some(who) = args.member.as_deref() else {
        return Ok(None);
    };
    let refuse = |t: Text| {
        eprintln!("maatstaf: {}", t.get(lang));
        ExitCode::from(REFUSED)
    };
    let member = match store.find_member(team, who) {
        Ok(Some(m)) => m,
        Ok(None) => {
            return Err(refuse(Text::new(
                format!("team {team} heeft geen lid '{who}'"),
                format!("team {team} has no member '{who}'"),
            )))
        }
        Err(e) => {
            eprintln!("maatstaf: {e}");
            return Err(ExitCode::from(2));
        }
    };
    let pin = if args.pin_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map(|_| line)
    } else {
        rpassword::prompt_password(Text::new("Pincode: ", "PIN: ").get(lang))
    };
    let pin = match pin {
        Ok(p) => p.trim().to_owned(),
        Err(e) => {
            return Err(refuse(Text::new(
                format!("kan de pincode niet lezen: {e}"),
                format!("cannot read the PIN: {e}"),
            )))
        }
    };
    match store.verify_pin(team, member.id, &pin) {
        Ok(Ok(_)) => Ok(Some(member.id)),
        Ok(Err(refusal)) => {
            use maatstaf_store::access::PinRefusal;
            let t = match refusal {
                PinRefusal::NotSet => Text::new(
                    format!("{} heeft nog geen pincode", member.name),
                    format!("{} has no PIN yet", member.name),
                ),
                PinRefusal::Wrong => Text::new("verkeerde pincode", "wrong PIN"),
                PinRefusal::Wait { seconds } => Text::new(
                    format!("te vaak een verkeerde pincode; probeer het over {seconds} seconden opnieuw"),
                    format!("too many wrong PINs; try again in {seconds} seconds"),
                ),
            };
            Err(refuse(t))
        }
        Err(e) => {
            eprintln!("maatstaf: {e}");
            Err(ExitCode::FAILURE)
        }
    }
}
