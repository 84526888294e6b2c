//! The documented command lines work verbatim: every `strikemap ...` line
//! of the shell blocks of README.md, docs/command_line.md and
//! docs/rendering.md, and every
//! example of `strikemap --help` and `strikemap COMMAND --help`, is run
//! from a copy of a fresh clone's layout (`examples/` and an empty `out/`
//! in a temporary directory, so `-o` and `>` write there).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_strikemap");

/// The `strikemap` command lines of the shell blocks of a Markdown file,
/// continuation lines (`\` at the end) joined.
fn markdown_commands(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut commands = Vec::new();
    let mut in_shell = false;
    let mut pending = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(fence) = trimmed.strip_prefix("```") {
            in_shell = !in_shell && matches!(fence, "sh" | "bash" | "shell" | "console");
            continue;
        }
        if !in_shell {
            continue;
        }
        pending.push_str(trimmed.trim_end_matches('\\').trim_end());
        if trimmed.ends_with('\\') {
            pending.push(' ');
            continue;
        }
        let command = std::mem::take(&mut pending);
        if command.starts_with("strikemap ") {
            commands.push(command);
        }
    }
    commands
}

/// The example lines of a help text (`  strikemap ...`, continuations joined).
fn help_commands(args: &[&str]) -> Vec<String> {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let mut commands = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if !trimmed.starts_with("strikemap ") {
            continue;
        }
        let mut command = trimmed.to_string();
        while command.ends_with('\\') {
            command.pop();
            command.push(' ');
            command.push_str(lines.next().unwrap_or_default().trim());
        }
        commands.push(command);
    }
    commands
}

/// A directory laid out like a clone for the commands: `examples/` (a link
/// to the crate's) and an empty `out/`.
fn clone_layout() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&examples, dir.path().join("examples")).unwrap();
    #[cfg(not(unix))]
    copy_dir(&examples, &dir.path().join("examples"));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    dir
}

#[cfg(not(unix))]
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs each command in order (later ones may read what earlier ones
/// wrote) through `sh`, with `strikemap` the binary under test.
fn run_all(commands: &[String], dir: &Path) {
    for command in commands {
        let line = format!("'{BIN}'{}", &command["strikemap".len()..]);
        let out = Command::new("sh")
            .arg("-c")
            .arg(&line)
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "`{command}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn readme_and_command_line_guide_commands_run() {
    let root = env!("CARGO_MANIFEST_DIR");
    for file in ["README.md", "docs/command_line.md", "docs/rendering.md"] {
        let mut commands = markdown_commands(&format!("{root}/{file}"));
        assert!(commands.len() >= 3, "{file}: {commands:?}");
        // GeoParquet needs the `parquet` feature.
        if !cfg!(feature = "parquet") {
            commands.retain(|c| !c.contains("--parquet") && !c.contains(".parquet"));
        }
        for command in &commands {
            assert!(!command.contains("tests/fixtures"), "{file}: {command}");
        }
        let dir = clone_layout();
        run_all(&commands, dir.path());
    }
}

#[test]
fn help_examples_run() {
    let mut commands = help_commands(&["--help"]);
    for command in [
        "distance",
        "distances",
        "check",
        "ring",
        "arc",
        "export",
        "render",
        "buffer",
    ] {
        let examples = help_commands(&[command, "--help"]);
        assert!(!examples.is_empty(), "{command}");
        commands.extend(examples);
    }
    let dir = clone_layout();
    run_all(&commands, dir.path());
}
