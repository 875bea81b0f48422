//! `cargo xtask run | test | package | bench`: the project's two commands (and its benchmark),
//! from a fresh Debian 12 or Ubuntu machine to a running, tested app.

mod bench;
mod deps;
mod jargon;
mod package;
mod run;
mod sh;
mod test;
mod xvfb;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

  run     install what is missing, build, and open the app on the demo team
  test    everything: formatting, lints, Rust and UI tests, bindings, end-to-end tests,
          the accessibility audit, and the package installed, started and removed
  package build the Debian package (.deb) with the app and the `maatstaf` CLI
  bench   release app start-up, size and memory, plus the domain benchmarks
          (`bench --domain-only` skips the app)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run::run(&args[1..]),
        Some("test") => test::test(&args[1..]),
        Some("bench") => bench::bench(&args[1..]),
        Some("package") => package::package(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}
