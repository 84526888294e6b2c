//! Input files as every command opens them: formats told by content and
//! refused by name, pipes read once and whole, CSV delimiters and line
//! numbers, duplicate columns.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command as Process, Stdio};

use assert_cmd::Command;
use serde_json::Value;

fn strikemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strikemap"))
}

/// Runs the command and expects one error line on stderr and exit code 2.
fn fails(args: &[&str]) -> String {
    let out = strikemap().args(args).assert().code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("strikemap: error: "), "{stderr}");
    stderr
}

/// Standard output of a run that succeeds (stderr may echo what was read).
fn stdout(args: &[&str]) -> String {
    let out = strikemap().args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Writes `bytes` to `name` in `dir`.
fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path: PathBuf = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

/// Runs `strikemap ARGS` with `input` written into its standard input
/// through a pipe (not a file), and returns its exit code, stdout, stderr.
fn piped(args: &[&str], input: Vec<u8>) -> (i32, String, String) {
    let mut child = Process::new(env!("CARGO_BIN_EXE_strikemap"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Written in small pieces, as a decompressor would.
    let writer = std::thread::spawn(move || {
        for piece in input.chunks(100) {
            if stdin.write_all(piece).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A CSV table of `n` rows named `row 0`, `row 1`, ...
fn csv_rows(n: usize) -> String {
    let mut text = String::from("event_id,notes,latitude,longitude\n");
    for i in 0..n {
        text.push_str(&format!(
            "row {i},\"note {i}, with a comma\",{}.{i},30.5\n",
            46 + i % 5
        ));
    }
    text
}

/// A FeatureCollection of `n` points named `row 0`, `row 1`, ... (the last
/// with a property the others lack).
fn geojson_rows(n: usize) -> String {
    let features: Vec<String> = (0..n)
        .map(|i| {
            let extra = if i + 1 == n { r#", "late": "yes""# } else { "" };
            format!(
                r#"{{"type": "Feature", "properties": {{"event_id": "row {i}"{extra}}}, "geometry": {{"type": "Point", "coordinates": [30.5, {}.{i}]}}}}"#,
                46 + i % 5
            )
        })
        .collect();
    format!(
        "{{\"type\": \"FeatureCollection\", \"features\": [\n{}\n]}}\n",
        features.join(",\n")
    )
}

/// The `event_id` of every row of CSV output.
fn csv_ids(text: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let at = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "event_id")
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap()[at].to_string())
        .collect()
}

fn names(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("row {i}")).collect()
}

#[test]
fn a_csv_pipe_arrives_whole() {
    for n in [1, 5, 37, 2_000] {
        let args = ["distances", "--from", "country:UA", "--to", "/dev/stdin"];
        let (code, out, err) = piped(&args, csv_rows(n).into_bytes());
        assert_eq!((code, err.as_str()), (0, ""), "{n} rows");
        assert_eq!(csv_ids(&out), names(n), "{n} rows");
    }
}

#[test]
fn a_geojson_pipe_arrives_whole_in_every_output_format() {
    for n in [1, 37, 2_000] {
        let input = geojson_rows(n).into_bytes();
        let args = ["distances", "--from", "country:UA", "--to", "/dev/stdin"];
        let (code, out, err) = piped(&args, input.clone());
        assert_eq!((code, err.as_str()), (0, ""), "{n} rows, CSV");
        assert_eq!(csv_ids(&out), names(n), "{n} rows, CSV");
        // Every property is a column, even one that only the last has.
        let header = out.lines().next().unwrap();
        assert!(header.starts_with("event_id,late,"), "{header}");
        let mut args = args.to_vec();
        args.push("--json");
        let (code, out, err) = piped(&args, input);
        assert_eq!((code, err.as_str()), (0, ""), "{n} rows, JSON");
        let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
        let ids: Vec<&str> = rows
            .iter()
            .map(|r| r["event_id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, names(n), "{n} rows, JSON");
    }
}

#[test]
fn a_bad_row_of_a_crlf_file_is_named_by_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "crlf.csv", b"id,lat,lon\r\n1,50,30\r\n2,95,30\r\n");
    let e = fails(&["distances", "--from", "country:UA", "--to", &path]);
    assert!(
        e.contains("crlf.csv: line 3: column \"lat\": latitude 95"),
        "{e}"
    );
    let path = file(&dir, "cr.csv", b"id,lat,lon\r1,50,30\r2,95,30\r");
    let e = fails(&["distances", "--from", "country:UA", "--to", &path]);
    assert!(
        e.contains("cr.csv: line 3: column \"lat\": latitude 95"),
        "{e}"
    );
}

#[test]
fn excel_semicolons_and_tabs_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let semicolons = file(
        &dir,
        "excel.csv",
        b"\xef\xbb\xbfevent_id;latitude;longitude\r\nrow 0;50,4501;30,5234\r\n",
    );
    let tabs = file(
        &dir,
        "events.tsv",
        b"event_id\tlatitude\tlongitude\nrow 0\t50,4501\t30.5234\n",
    );
    for path in [&semicolons, &tabs] {
        let rows: Vec<Value> = serde_json::from_str(&stdout(&[
            "distances",
            "--from",
            "50.4501,30.5234",
            "--to",
            path,
            "--json",
        ]))
        .unwrap();
        assert_eq!(rows.len(), 1, "{path}");
        assert_eq!(rows[0]["event_id"], "row 0", "{path}");
        assert_eq!(rows[0]["distance_m"].as_f64(), Some(0.0), "{path}");
    }
}

#[test]
fn the_delimiter_can_be_given() {
    let dir = tempfile::tempdir().unwrap();
    // A header that could be either: refused, then read as told.
    let path = file(
        &dir,
        "both.csv",
        b"note,with,commas;lat;lon\nrow 0;50,4501;30,5234\n",
    );
    let e = fails(&["distances", "--from", "country:UA", "--to", &path]);
    assert!(
        e.contains("both.csv: line 1: ") && e.contains("--delimiter"),
        "{e}"
    );
    let out = stdout(&[
        "distances",
        "--from",
        "50.4501,30.5234",
        "--to",
        &path,
        "--delimiter",
        ";",
        "--json",
    ]);
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["note,with,commas"], "row 0");
    assert_eq!(rows[0]["distance_m"].as_f64(), Some(0.0));
    let tabs = file(
        &dir,
        "tabs.txt",
        b"event_id\tlat\tlon\nrow 0\t50.4501\t30.5234\n",
    );
    for given in ["\\t", "\t", "tab"] {
        let out = stdout(&[
            "distances",
            "--from",
            "country:UA",
            "--to",
            &tabs,
            "--delimiter",
            given,
        ]);
        assert_eq!(csv_ids(&out), ["row 0"], "{given:?}");
    }
    let e = fails(&[
        "distances",
        "--from",
        "country:UA",
        "--to",
        &tabs,
        "--delimiter",
        "ab",
    ]);
    assert!(e.contains("argument --delimiter: "), "{e}");
}

#[test]
fn duplicate_columns_are_refused_in_every_output_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        &dir,
        "dup.csv",
        b"name,name,lat,lon\nKyiv,Kiev,50.45,30.52\n",
    );
    for format in ["--csv", "--json", "--geojson"] {
        let e = fails(&["distances", "--from", "country:UA", "--to", &path, format]);
        assert!(
            e.contains("dup.csv: line 1: duplicate column name \"name\" (columns 1 and 2)"),
            "{format}: {e}"
        );
    }
}

#[test]
fn every_command_names_a_format_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, message) in crate::points::kinds::refused() {
        let path = file(&dir, name, &bytes);
        let expected = format!("{path}: {message}");
        let runs: Vec<Vec<&str>> = vec![
            vec!["distance", &path, "50.45,30.52"],
            vec!["distance", "50.45,30.52", &path],
            vec!["distances", "--from", &path, "--to", &path],
            vec!["distances", "--from", "country:UA", "--to", &path],
            vec![
                "check",
                "more than 100 km",
                "--from",
                &path,
                "--to",
                "50.45,30.52",
            ],
            vec!["export", &path],
        ];
        for args in runs {
            // A Parquet file is a point table for distances --to (this one
            // is not a whole Parquet file: it is refused as such).
            if name == "events.parquet" && args[0] == "distances" && args[2] == "country:UA" {
                let e = fails(&args);
                assert!(e.contains(&path) && e.contains("Parquet"), "{args:?}: {e}");
                continue;
            }
            let e = fails(&args);
            assert!(e.contains(&expected), "{args:?}: {e}");
        }
    }
}
