//! Where output goes (standard output or a file) and how numbers and JSON
//! objects are written.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::errors::{CliError, CliResult};

/// A buffered destination with the name errors give it.
///
/// Where `-o PATH` is (or will be) a regular file, it is written under a
/// temporary name next to it, created exclusively (a file planted under
/// that name is never followed or reused), and renamed over PATH when
/// [`Output::finish`] succeeds: a command that fails half-way leaves no
/// partial file, an existing file stays as it was, and a replaced file
/// keeps its permissions. A symbolic link is followed: the file it points
/// to is replaced that way and the link stays. Anything else at PATH (a
/// device, a named pipe, a socket) is written through as it is, never
/// replaced.
pub struct Output {
    /// `<stdout>` or the file's path.
    pub label: String,
    writer: BufWriter<Box<dyn Write + Send>>,
    /// The temporary path and the final one, for a regular file.
    rename: Option<(PathBuf, PathBuf)>,
}

/// How many names are tried for the temporary file before giving up.
const TEMP_TRIES: u32 = 64;

/// Creates a new file next to `path` that did not exist before (never
/// following a link planted under the name), with `permissions` if given.
fn create_temp(
    path: &Path,
    permissions: Option<std::fs::Permissions>,
) -> io::Result<(PathBuf, File)> {
    let name = path.file_name().unwrap_or_default().to_os_string();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut last = io::Error::from(io::ErrorKind::AlreadyExists);
    for attempt in 0..TEMP_TRIES {
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(&name);
        temp_name.push(format!(
            ".strikemap-{}-{:x}.tmp",
            std::process::id(),
            nanos.wrapping_add(attempt.wrapping_mul(0x9E37_79B9))
        ));
        let temp = path.with_file_name(temp_name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => {
                if let Some(p) = &permissions
                    && let Err(e) = file.set_permissions(p.clone())
                {
                    let _ = std::fs::remove_file(&temp);
                    return Err(e);
                }
                return Ok((temp, file));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

impl Output {
    /// Standard output, or the file at `path` (see [`Output`] for how each
    /// kind of path is written).
    pub fn open(path: Option<&Path>) -> CliResult<Output> {
        let Some(path) = path else {
            return Ok(Output {
                label: "<stdout>".into(),
                // Stdout (not its lock), so that the writer is Send, as the
                // Parquet writer needs; the buffer keeps the locking rare.
                writer: BufWriter::with_capacity(1 << 16, Box::new(io::stdout())),
                rename: None,
            });
        };
        let label = path.display().to_string();
        let cannot = |e| CliError::failed(&label, "cannot create the output file", e);
        // Follow a symbolic link to what it points to (which may not exist yet).
        let target = match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => match std::fs::canonicalize(path) {
                Ok(resolved) => resolved,
                // A dangling link: create what it points to, through it.
                Err(_) => {
                    let file = File::create(path).map_err(cannot)?;
                    return Ok(Output::direct(label, file));
                }
            },
            _ => path.to_path_buf(),
        };
        match std::fs::metadata(&target) {
            Ok(meta) if meta.is_dir() => Err(cannot(io::Error::new(
                io::ErrorKind::IsADirectory,
                "it is a directory",
            ))),
            // A device, a named pipe, a socket: write to it as it is.
            Ok(meta) if !meta.is_file() => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .map_err(cannot)?;
                Ok(Output::direct(label, file))
            }
            found => {
                let permissions = found.ok().map(|m| m.permissions());
                let (temp, file) = create_temp(&target, permissions).map_err(cannot)?;
                Ok(Output {
                    label,
                    writer: BufWriter::with_capacity(1 << 16, Box::new(file)),
                    rename: Some((temp, target)),
                })
            }
        }
    }

    /// Writes straight into an open file (no temporary, nothing renamed).
    fn direct(label: String, file: File) -> Output {
        Output {
            label,
            writer: BufWriter::with_capacity(1 << 16, Box::new(file)),
            rename: None,
        }
    }

    /// Writes text.
    pub fn text(&mut self, text: &str) -> CliResult {
        self.writer
            .write_all(text.as_bytes())
            .map_err(|e| CliError::output(&self.label, e))
    }

    /// Writes a value as pretty JSON followed by a line break.
    pub fn json(&mut self, value: &impl Serialize) -> CliResult {
        serde_json::to_writer_pretty(&mut self.writer, value)
            .map_err(|e| CliError::output(&self.label, io::Error::from(e)))?;
        self.text("\n")
    }

    /// Flushes everything written and puts a file in place.
    pub fn finish(mut self) -> CliResult {
        self.writer
            .flush()
            .map_err(|e| CliError::output(&self.label, e))?;
        if let Some((temp, path)) = self.rename.take() {
            std::fs::rename(&temp, &path).map_err(|e| {
                let _ = std::fs::remove_file(&temp);
                CliError::output(&self.label, e)
            })?;
        }
        Ok(())
    }

    /// The underlying writer, for CSV and streaming JSON writers.
    pub fn writer(&mut self) -> &mut BufWriter<Box<dyn Write + Send>> {
        &mut self.writer
    }
}

impl Drop for Output {
    /// Removes the temporary file of an output that was not finished.
    fn drop(&mut self) {
        if let Some((temp, _)) = self.rename.take() {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// A number with thousands separators: `6350.2134` with 3 decimals is
/// `6,350.213`.
pub fn grouped(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + whole.len() / 3 + 1);
    if value.is_sign_negative() && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A JSON object whose members keep the order given (input columns first).
pub struct Ordered<'a>(pub &'a [(&'a str, serde_json::Value)]);

impl Serialize for Ordered<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(6350.21349, 3), "6,350.213");
        assert_eq!(grouped(1_234_567.0, 0), "1,234,567");
        assert_eq!(grouped(999.9996, 3), "1,000.000");
        assert_eq!(grouped(-0.0001, 2), "0.00");
        assert_eq!(grouped(-1234.5, 1), "-1,234.5");
        assert_eq!(grouped(12.0, 1), "12.0");
    }
}
