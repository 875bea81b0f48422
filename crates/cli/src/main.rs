//! `maatstaf`: the command-line side of Maatstaf, on the same data folder as the app.

use std::path::PathBuf;
mod assign;
mod blind;
mod candidate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod content;
mod data;
mod log;
mod package;
mod report;
mod rubric;
mod signin;
mod stats;
mod team;

#[derive(Parser)]
#[command(
    name = "maatstaf",
    version,
    about = "Fair, structured wethouder selection: the command-line tool"
)]
struct Cli {
    /// The data folder shared with the app (default: $MAATSTAF_DATA_DIR, else the app's own folder)
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Formation teams in the data folder
    Teams {
        #[command(subcommand)]
        command: data::TeamsCommand,
    },
    /// One formation team: its processing record (verwerkingsregister)
    Team {
        #[command(subcommand)]
        command: team::TeamCommand,
    },
    /// One candidate: their own copy of what the team holds on them
    Candidate {
        #[command(subcommand)]
        command: candidate::CandidateCommand,
    },
    /// The database itself
    Db {
        #[command(subcommand)]
        command: data::DbCommand,
    },
    /// Training content: modules, exercises and practice cases.
    Content(content::ContentArgs),
    /// Rubrics: lint a rubric file.
    Rubric(rubric::RubricArgs),
    /// The allocation of candidates to posts with the highest total score, from a CSV
    Assign(assign::AssignArgs),
    /// Inter-rater agreement (Krippendorff's alpha, ICC, kappas) for a CSV of ratings
    Stats(stats::StatsArgs),
    /// The team log and its signed logboek export
    Log {
        #[command(subcommand)]
        command: log::LogCommand,
    },
    /// Exchange files for scoring on an assessor's own laptop
    Package {
        #[command(subcommand)]
        command: package::PackageCommand,
    },
    /// Propose and accept every redaction for a candidate's text, print the blinded text
    Blind(blind::BlindArgs),
    /// The decision report of a team's round as FILE.pdf (PDF/A) or FILE.html
    Report(report::ReportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Teams { command } => data::teams(command, cli.data_dir),
        Command::Team { command } => team::run(command, cli.data_dir),
        Command::Candidate { command } => candidate::run(command, cli.data_dir),
        Command::Db { command } => data::db(command, cli.data_dir),
        Command::Content(args) => content::run(args),
        Command::Rubric(args) => rubric::run(args),
        Command::Assign(args) => assign::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Log { command } => log::run(command, cli.data_dir),
        Command::Package { command } => package::run(command, cli.data_dir),
        Command::Blind(args) => blind::run(args),
        Command::Report(args) => report::run(args, cli.data_dir),
    }
}
