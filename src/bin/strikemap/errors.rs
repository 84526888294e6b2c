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
    /// The output could not be created or written.
    Output {
        /// `<stdout>` or the output file's path.
        path: String,
        /// What failed: `"cannot write"`, `"cannot create the output file"`.
        action: &'static str,
        /// The [`strikemap::Error::Io`] holding the operating system's error.
        error: strikemap::Error,
    },
}

impl CliError {
    /// A failure to write to `path`.
    pub fn output(path: &str, error: io::Error) -> CliError {
        CliError::failed(path, "cannot write", error)
    }

    /// A failure to `action` on `path`.
    pub fn failed(path: &str, action: &'static str, error: io::Error) -> CliError {
        CliError::Output {
            path: path.to_string(),
            action,
            error: strikemap::Error::Io {
                path: path.to_string(),
                source: error.into(),
            },
        }
    }

    /// A failure of one of the library's writers writing to `path`: its I/O
    /// errors are failures to write there, any other is about the input.
    pub fn writing(path: &str, error: strikemap::Error) -> CliError {
        match error.is_io() {
            true => CliError::Output {
                path: path.to_string(),
                action: "cannot write",
                error,
            },
            false => CliError::Input(error),
        }
    }

    /// The library's error behind this one.
    fn error(&self) -> &strikemap::Error {
        match self {
            CliError::Input(error) | CliError::Hinted { error, .. } => error,
            CliError::Output { error, .. } => error,
        }
    }

    /// Whether the reader of the output went away (`strikemap ... | head`):
    /// not worth an error message.
    pub fn is_broken_pipe(&self) -> bool {
        self.error().io_kind() == Some(io::ErrorKind::BrokenPipe)
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
            CliError::Input(e) => write!(f, "{}", cli_words(&e.report().to_string())),
            CliError::Hinted { error, hint } => {
                write!(f, "{} ({hint})", cli_words(&error.report().to_string()))
            }
            CliError::Output {
                path,
                action,
                error,
            } => match error.root() {
                // The path is said once, with what failed.
                strikemap::Error::Io { source, .. } => write!(f, "{path}: {action}: {source}"),
                other => write!(f, "{path}: {action}: {}", other.report()),
            },
        }
    }
}

/// The result of a command.
pub type CliResult<T = ()> = Result<T, CliError>;

/// Wraps a library error with the argument it came from.
pub fn in_argument(name: &str) -> impl FnOnce(strikemap::Error) -> CliError + '_ {
    move |e| CliError::Input(e.at(format!("argument {name}")))
}

/// The one line printed on stderr for a library error: its whole chain
/// ([`strikemap::Error::report`]), line breaks in quoted input shown as
/// spaces.
pub fn report_line(error: &strikemap::Error) -> String {
    one_line(&cli_words(&error.report().to_string()))
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

/// Clap's rendering of a usage error (`error: ...`, a blank line, `Usage:
/// ...`, a blank line, `For more information, try '--help'.`) as one line:
/// the message, any tip, and the usage in brackets.
pub fn usage_line(rendered: &str) -> String {
    let mut message = Vec::new();
    let mut usage = None;
    for paragraph in rendered.split("\n\n") {
        let text = paragraph
            .split(['\n', '\r'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(u) = text.strip_prefix("Usage: ") {
            usage = Some(u.to_string());
        } else if text.starts_with("For more information") || text.is_empty() {
            continue;
        } else {
            message.push(text.strip_prefix("error: ").unwrap_or(&text).to_string());
        }
    }
    let mut line = message.join("; ");
    if let Some(usage) = usage {
        let command = usage.split(" [").next().unwrap_or(&usage);
        let command = command.split(" <").next().unwrap_or(command);
        let command = command.split(" --").next().unwrap_or(command);
        line.push_str(&format!(" (usage: {usage}; more with {command} --help)"));
    }
    line
}

/// Library messages that name a Rust API the command line does not have,
/// and the command line's words for them.
const API_WORDS: [(&str, &str); 3] = [
    // `export` adds its own hint naming --as-of.
    (" (or ImportOptions::with_as_of for undated lines)", ""),
    ("ImportOptions::with_as_of", "--as-of YYYY-MM-DD"),
    (
        "set ImportOptions::with_default_country",
        "give the feature a \"country\" property",
    ),
];

/// A message with the library's API names replaced by the command line's
/// flags (see [`API_WORDS`]).
pub fn cli_words(text: &str) -> String {
    API_WORDS
        .iter()
        .fold(text.to_string(), |t, (api, cli)| t.replace(api, cli))
}
