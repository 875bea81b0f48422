//! `maatstaf`: the command-line side of Maatstaf, on the same data folder as the app.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod rubric;

#[derive(Parser)]
#[command(name = "maatstaf", version, about = "Fair, structured wethouder selection: the command-line tool")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Rubrics: lint a rubric file.
    Rubric(rubric::RubricArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Rubric(args) => rubric::run(args),
    }
}
