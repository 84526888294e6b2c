//! `strikemap`: the command-line tool over the strikemap library.
//!
//! A thin layer: each command reads its arguments (clap), hands every piece
//! of user input to the library to read and measure, and prints the result
//! as text, JSON, CSV or GeoJSON. Every failure is one line on stderr,
//! `strikemap: error: ...`, with exit code 2; usage errors found by clap
//! are put in the same one-line form (`--help` and `--version` print as
//! clap prints them).

mod args;
mod check;
mod distance;
mod distances;
mod echo;
mod errors;
mod front;
mod geojson_out;
mod output;
mod places;
mod progress;
mod render;
mod review;
mod target;

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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
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

/// A command line clap refused: help and version as clap prints them, any
/// other error as one line, `strikemap: error: MESSAGE (usage: ...)`,
/// exit code 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit();
    }
    print_stderr(&format!(
        "strikemap: error: {}",
        errors::usage_line(&e.render().to_string())
    ));
    ExitCode::from(FAILURE)
}

fn run(cli: &Cli) -> CliResult {
    match &cli.command {
        Command::Distance(a) => distance::run(a),
        Command::Distances(a) => distances::run(a),
        Command::Check(a) => check::run(a),
        // Once the map is written (a failure is then its one line alone).
        Command::Ring(a) => geojson_out::ring(a).map(|()| echo_endpoints(&[("CENTER", &a.centre)])),
        Command::Arc(a) => {
            geojson_out::arc(a).map(|()| echo_endpoints(&[("FROM", &a.from), ("TO", &a.to)]))
        }
        Command::Export(a) => geojson_out::export(a),
        Command::Buffer(a) => geojson_out::buffer(a),
        Command::Where(a) => places::run_where(a),
        Command::Find(a) => places::run_find(a),
        Command::Front(a) => front::run(a),
        Command::Render(a) => render::run(a),
        Command::Review(a) => review::run(a),
    }
}

/// Shows on stderr each point of a command whose output is GeoJSON, with
/// the country it lies in (text the command then refuses is left to its
/// error message).
fn echo_endpoints(arguments: &[(&str, &String)]) {
    for (argument, text) in arguments {
        if let Ok(p) = strikemap::io::target_spec::parse_endpoint(text) {
            echo::to_stderr(argument, &echo::named(&p.name, p.position));
        }
    }
}
