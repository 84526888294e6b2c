//! `strikemap`: the command-line tool over the strikemap library.
//!
//! A thin layer: each command reads its arguments (clap), hands every piece
//! of user input to the library to read and measure, and prints the result
//! as text, JSON, CSV or GeoJSON. Every failure is one line on stderr,
//! `strikemap: error: ...`, with exit code 2; usage errors are clap's (also
//! exit code 2).

mod args;
mod check;
mod distance;
mod distances;
mod errors;
mod geojson_out;
mod output;
mod progress;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};
use errors::{CliResult, one_line};

/// Exit code for every error (as clap uses for usage errors).
const FAILURE: u8 = 2;

/// Writes one line on stderr, ignoring failure (there is nowhere left to
/// report it).
pub fn print_stderr(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn main() -> ExitCode {
    // A bug must not print a panic message and a backtrace: one line, exit 2.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        print_stderr(&format!(
            "strikemap: error: internal error (please report it): {}",
            one_line(&message)
        ));
        std::process::exit(i32::from(FAILURE));
    }));
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of our output has gone (`| head`): nothing to say.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            print_stderr(&format!("strikemap: error: {}", one_line(&e)));
            ExitCode::from(FAILURE)
        }
    }
}

fn run(cli: &Cli) -> CliResult {
    match &cli.command {
        Command::Distance(a) => distance::run(a),
        Command::Distances(a) => distances::run(a),
        Command::Check(a) => check::run(a),
        Command::Ring(a) => geojson_out::ring(a),
        Command::Arc(a) => geojson_out::arc(a),
        Command::Export(a) => geojson_out::export(a),
    }
}
