//! Fuzz target `csv_points`: event tables read by `io::points::CsvPoints`,
//! once finding the latitude/longitude columns by their common names and
//! once with the columns named (the first two header fields), every row
//! handed to the callback consumed.
//!
//! Invariants: nothing panics; at most one row per input line; a row read
//! starts on a line after the header, lies in [-90, 90] × [-180, 180], and
//! its latitude is exactly the number in its latitude column (no silent
//! reinterpretation). every check is made for every input.
#![allow(
    clippy::panic,
    reason = "a fuzz target reports a broken invariant by panicking"
)]

use strikemap::io::points::{ColumnNames, CsvPoints};

/// The longest input looked at, in bytes.
const MAX_LEN: usize = 64 * 1024;

fn read(data: &[u8], names: &ColumnNames, check_lines: bool) {
    let points = match CsvPoints::from_reader(data, "fuzz.csv", names) {
        Ok(points) => points,
        Err(e) => {
            let _ = e.report().to_string();
            return;
        }
    };
    let columns = points.columns();
    let width = points.headers().len();
    assert!(
        columns.latitude < width
            && columns.longitude < width
            && columns.latitude != columns.longitude,
        "columns {columns:?} of a {width}-column header"
    );
    let lines = data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64 + 1;
    let mut rows = 0u64;
    let result = points.for_each(|row| {
        rows += 1;
        assert!(rows <= lines, "{rows} rows from {lines} lines");
        match row {
            Ok(row) => {
                if check_lines {
                    assert!(row.line >= 2, "a row on line {}", row.line);
                }
                let (lat, lon) = (row.position.lat(), row.position.lon());
                assert!(
                    (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon),
                    "line {}: position ({lat}, {lon})",
                    row.line
                );
                let field = row.field(columns.latitude).unwrap_or("");
                // A decimal comma is read in files not separated by commas.
                let stated: Option<f64> = field
                    .trim()
                    .parse()
                    .ok()
                    .or_else(|| field.trim().replacen(',', ".", 1).parse().ok());
                assert_eq!(
                    stated,
                    Some(lat),
                    "line {}: latitude column {field:?} read as {lat}",
                    row.line
                );
                let _ = row.fields().count();
            }
            Err(e) => {
                let _ = e.report().to_string();
            }
        }
        Ok(())
    });
    let _ = result.map_err(|e| e.report().to_string());
}

/// Runs one input with every check (the CRLF line-number finding,
/// `fuzz/regressions/csv_points/`, is fixed: the line check is made for
/// every input).
pub fn run(data: &[u8]) {
    run_with(data, true);
}

/// The same as [`run`] (kept for the regression replays, which name it).
#[allow(dead_code, reason = "used by the corpus replay, not the fuzz binary")]
pub fn run_strict(data: &[u8]) {
    run_with(data, true);
}

fn run_with(data: &[u8], check_lines: bool) {
    if data.len() > MAX_LEN {
        return;
    }
    read(data, &ColumnNames::default(), check_lines);

    let header = data.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let header = String::from_utf8_lossy(header);
    let mut fields = header
        .split(',')
        .map(|f| f.trim().trim_matches('"').to_string());
    let names = ColumnNames {
        latitude: fields.next(),
        longitude: fields.next(),
    };
    read(data, &names, check_lines);
}
