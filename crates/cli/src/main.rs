//! `maatstaf`: the command-line side of Maatstaf, on the same data folder as the app.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod stats;

#[derive(Parser)]
#[command(name = "maatstaf", version, about = "Fair, structured wethouder selection: the command-line tool")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Inter-rater agreement (Krippendorff's alpha, ICC, kappas) for a CSV of ratings
    Stats(stats::StatsArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Stats(args) => stats::run(args),
    }
}
