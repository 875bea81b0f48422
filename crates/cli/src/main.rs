//! `maatstaf`: the command-line side of Maatstaf, on the same data folder as the app.

mod blind;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "maatstaf", version, about = "Fair, structured wethouder selection: the command-line tool")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Propose and accept every redaction for a candidate's text, print the blinded text
    Blind(blind::BlindArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Blind(args) => blind::run(args),
    }
}
