//! Commands on the data folder the app uses: `teams` and `db`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use maatstaf_store::access::Interface;
use maatstaf_store::{default_data_dir, Store, StoreError};

#[derive(Subcommand)]
pub enum TeamsCommand {
    /// List the formation teams with their ids
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum DbCommand {
    /// Run SQLite's integrity check and show the schema version
    Check {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
}

/// Exit code for input we cannot read or use at all.
const UNUSABLE: u8 = 2;

pub(crate) fn open(dir: Option<PathBuf>) -> Result<Store, ExitCode> {
    let Some(dir) = dir.or_else(default_data_dir) else {
        eprintln!("maatstaf: no data folder: set --data-dir or MAATSTAF_DATA_DIR");
        return Err(ExitCode::from(UNUSABLE));
    };
    let store = Store::open_in(&dir).map(|mut s| {
        s.set_interface(Interface::Cli);
        s
    });
    store.map_err(|e| {
        eprintln!("maatstaf: {e}");
        match e {
            StoreError::Corrupt { .. } | StoreError::TooNew { .. } | StoreError::Io { .. } => {
                ExitCode::from(UNUSABLE)
            }
            _ => ExitCode::FAILURE,
        }
    })
}

pub fn teams(command: TeamsCommand, dir: Option<PathBuf>) -> ExitCode {
    let store = match open(dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let TeamsCommand::List { json } = command;
    let teams = match store.list_teams() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("maatstaf: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        println!("{}", serde_json::json!({ "teams": teams }));
    } else if teams.is_empty() {
        println!("No teams yet.");
    } else {
        println!(
            "{:>4}  {:<50} {:>7} {:>10}",
            "id", "name", "members", "candidates"
        );
        for t in &teams {
            let demo = if t.is_demo { " (demo)" } else { "" };
            println!(
                "{:>4}  {:<50} {:>7} {:>10}",
                t.id,
                format!("{}{demo}", t.name),
                t.members,
                t.candidates
            );
        }
    }
    ExitCode::SUCCESS
}

pub fn db(command: DbCommand, dir: Option<PathBuf>) -> ExitCode {
    let store = match open(dir) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let DbCommand::Check { json } = command;
    let check = match store.check() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("maatstaf: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        println!(
            "{}",
            serde_json::to_string(&check).expect("a check report serialises")
        );
    } else {
        println!("database: {}", check.path.display());
        println!(
            "schema version: {} (this build: {})",
            check.schema_version, check.latest_schema_version
        );
        if check.ok {
            println!("integrity: ok");
        } else {
            println!("integrity: DAMAGED");
            for p in &check.problems {
                println!("  {p}");
            }
        }
    }
    if check.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
