//! The command line's errors: the library's, and failures to write output.

use std::fmt;
use std::io;

/// Why a command failed.
#[derive(Debug)]
pub enum CliError {
    /// Wrong input (an argument, a file, a row, a feature), as the library
    /// reports it.
    Input(strikemap::Error),
    /// Wrong input, with what to do about it on the command line.
    Hinted {
        /// The library's error.
        error: strikemap::Error,
        /// The flag or form that fixes it.
        hint: &'static str,
    },
    /// The output could not be written.
    Output {
        /// `<stdout>` or the output file's path.
        path: String,
        /// The operating system's error.
        error: io::Error,
    },
}

impl CliError {
    /// A failure to write to `path`.
    pub fn output(path: &str, error: io::Error) -> CliError {
        CliError::Output {
            path: path.to_string(),
            error,
        }
    }

    /// Whether the reader of the output went away (`strikemap ... | head`):
    /// not worth an error message.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Output { error, .. } if error.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl From<strikemap::Error> for CliError {
    fn from(e: strikemap::Error) -> CliError {
        CliError::Input(e)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Input(e) => write!(f, "{e}"),
            CliError::Hinted { error, hint } => write!(f, "{error} ({hint})"),
            CliError::Output { path, error } => write!(f, "{path}: cannot write: {error}"),
        }
    }
}

/// The result of a command.
pub type CliResult<T = ()> = Result<T, CliError>;

/// Wraps a library error with the argument it came from.
pub fn in_argument(name: &str) -> impl FnOnce(strikemap::Error) -> CliError + '_ {
    move |e| CliError::Input(e.at(format!("argument {name}")))
}

/// Formats an error as the one line printed on stderr (line breaks in
/// quoted input are shown as spaces so the message stays on one line).
pub fn one_line(error: &dyn fmt::Display) -> String {
    let text = error.to_string();
    text.split(['\n', '\r'])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
