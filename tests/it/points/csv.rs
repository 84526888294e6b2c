//! `CsvPoints`: the line each row is reported on (LF, CRLF, CR-only, quoted
//! line breaks, blank lines, a byte order mark), the delimiter found from the
//! header, decimal commas, and duplicate column names.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use strikemap::io::points::{ColumnNames, CsvPoints};

/// The line and first field of every good row, and the report of every bad one.
fn read(text: &[u8]) -> (Vec<(u64, String)>, Vec<String>) {
    let points = CsvPoints::from_reader(text, "t.csv", ColumnNames::default())
        .unwrap_or_else(|e| panic!("{}", e.report()));
    let mut good = Vec::new();
    let mut bad = Vec::new();
    points
        .for_each(|row| {
            match row {
                Ok(row) => good.push((row.line, row.field(0).unwrap_or("").to_string())),
                Err(e) => bad.push(e.report().to_string()),
            }
            Ok(())
        })
        .unwrap();
    (good, bad)
}

/// The lines of the good rows only.
fn lines(text: &[u8]) -> Vec<u64> {
    read(text).0.into_iter().map(|(line, _)| line).collect()
}

/// The report of the error that stops reading the header.
fn header_error(text: &[u8]) -> String {
    CsvPoints::from_reader(text, "t.csv", ColumnNames::default())
        .map(|_| ())
        .unwrap_err()
        .report()
        .to_string()
}

#[test]
fn every_line_ending_gives_the_line_a_row_starts_on() {
    for end in ["\n", "\r\n", "\r"] {
        let text = ["name,lat,lon", "A,50,30", "B,51,31", "C,52,32", ""].join(end);
        assert_eq!(lines(text.as_bytes()), [2, 3, 4], "ending {end:?}");
        // The last row needs no line ending.
        let text = ["name,lat,lon", "A,50,30", "B,51,31"].join(end);
        assert_eq!(
            lines(text.as_bytes()),
            [2, 3],
            "ending {end:?}, none at the end"
        );
    }
}

#[test]
fn bad_rows_are_named_by_their_line_whatever_the_line_ending() {
    for end in ["\n", "\r\n", "\r"] {
        let text = ["id,lat,lon", "1,50,30", "2,95,30", "3,50", "4,50,30", ""].join(end);
        let (good, bad) = read(text.as_bytes());
        assert_eq!(good, [(2, "1".into()), (5, "4".into())], "ending {end:?}");
        assert_eq!(
            bad,
            [
                "t.csv: line 3: column \"lat\": latitude 95 is out of range [-90, 90]",
                "t.csv: line 4: row: expected 3 fields, as in the header, found 2",
            ],
            "ending {end:?}"
        );
    }
}

#[test]
fn a_quoted_line_break_is_a_line_and_a_row_is_named_where_it_starts() {
    for end in ["\n", "\r\n", "\r"] {
        let text = [
            "name,lat,lon",
            "\"two",
            "lines\",50,30",
            "B,51,31",
            "\"three",
            "",
            "lines\",95,30",
            "D,52,32",
            "",
        ]
        .join(end);
        let (good, bad) = read(text.as_bytes());
        let expected: Vec<(u64, String)> = vec![
            (2, format!("two{end}lines")),
            (4, "B".into()),
            (8, "D".into()),
        ];
        assert_eq!(good, expected, "ending {end:?}");
        assert_eq!(
            bad,
            ["t.csv: line 5: column \"lat\": latitude 95 is out of range [-90, 90]"],
            "ending {end:?}"
        );
    }
}

#[test]
fn blank_lines_are_counted() {
    for end in ["\n", "\r\n", "\r"] {
        let text = ["name,lat,lon", "", "A,50,30", "", "", "B,51,31", ""].join(end);
        assert_eq!(lines(text.as_bytes()), [3, 6], "ending {end:?}");
    }
}

#[test]
fn a_byte_order_mark_is_not_a_line_or_a_column() {
    for end in ["\n", "\r\n", "\r"] {
        let text = format!(
            "\u{feff}{}",
            ["name,lat,lon", "A,50,30", "B,95,30", ""].join(end)
        );
        let points =
            CsvPoints::from_reader(text.as_bytes(), "t.csv", ColumnNames::default()).unwrap();
        assert_eq!(points.headers(), ["name", "lat", "lon"]);
        let (good, bad) = read(text.as_bytes());
        assert_eq!(good, [(2, "A".into())], "ending {end:?}");
        assert_eq!(
            bad,
            ["t.csv: line 3: column \"lat\": latitude 95 is out of range [-90, 90]"]
        );
    }
}

#[test]
fn many_rows_across_buffer_boundaries_keep_their_lines() {
    // Rows of varied length, CRLF and quoted CRLF, over many reads.
    let mut text = String::from("name,lat,lon\r\n");
    let mut line = 2;
    let mut expected = Vec::new();
    for i in 0..5_000 {
        expected.push(line);
        if i % 7 == 0 {
            text.push_str(&format!("\"row {i}\r\nsecond line\",50.{i},30\r\n"));
            line += 2;
        } else {
            text.push_str(&format!("row {i}{},50.{i},30\r\n", "x".repeat(i % 13)));
            line += 1;
        }
    }
    assert_eq!(lines(text.as_bytes()), expected);
}

#[test]
fn an_empty_file_says_so() {
    for text in ["", "\u{feff}", "\n\n", "\r\n"] {
        let e = header_error(text.as_bytes());
        assert!(e.contains("an empty file"), "{text:?}: {e}");
        assert!(!e.contains("found columns"), "{text:?}: {e}");
    }
}

#[test]
fn semicolons_and_decimal_commas_as_excel_writes_them() {
    let text = "name;lat;lon\r\nKyiv;50,4501;30,5234\r\nLviv;49.8397;24.0297\r\nOdesa;-46,4825;30,7233\r\n";
    let points = CsvPoints::from_reader(text.as_bytes(), "t.csv", ColumnNames::default())
        .unwrap_or_else(|e| panic!("{}", e.report()));
    assert_eq!(points.headers(), ["name", "lat", "lon"]);
    let mut rows = Vec::new();
    points
        .for_each(|row| {
            let row = row?;
            rows.push((
                row.line,
                row.position.lat(),
                row.position.lon(),
                row.fields().map(str::to_string).collect::<Vec<_>>(),
            ));
            Ok(())
        })
        .unwrap();
    assert_eq!(rows[0].0, 2);
    assert_eq!((rows[0].1, rows[0].2), (50.4501, 30.5234));
    // The fields stay as written.
    assert_eq!(rows[0].3, ["Kyiv", "50,4501", "30,5234"]);
    assert_eq!((rows[1].1, rows[1].2), (49.8397, 24.0297));
    assert_eq!((rows[2].0, rows[2].1, rows[2].2), (4, -46.4825, 30.7233));
}

#[test]
fn tabs_are_found_from_the_header() {
    let text = "name\tlatitude\tlongitude\nKyiv\t50,4501\t30.5234\n";
    let (good, bad) = read(text.as_bytes());
    assert_eq!(good, [(2, "Kyiv".into())]);
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn a_comma_is_no_decimal_separator_in_a_comma_separated_file() {
    let (good, bad) = read(b"name,lat,lon\nKyiv,\"50,4501\",30.5234\n");
    assert!(good.is_empty());
    assert_eq!(bad.len(), 1);
    assert!(
        bad[0].starts_with(
            "t.csv: line 2: column \"lat\": expected a number (decimal degrees), found \"50,4501\""
        ),
        "{bad:?}"
    );
    assert!(bad[0].contains("comma-separated"), "{bad:?}");
}

#[test]
fn ambiguous_decimal_commas_are_refused() {
    for value in ["1.234,5", "50,45,01", "50,4a"] {
        let text = format!("name;lat;lon\nX;{value};30\n");
        let (good, bad) = read(text.as_bytes());
        assert!(good.is_empty(), "{value}");
        assert!(
            bad[0].starts_with(&format!(
                "t.csv: line 2: column \"lat\": expected a number (decimal degrees), found \"{value}\""
            )),
            "{bad:?}"
        );
    }
}

#[test]
fn a_header_with_two_delimiters_as_often_is_refused() {
    let e = header_error(b"lat;lon,x\n50;30,1\n");
    assert!(e.starts_with("t.csv: line 1: "), "{e}");
    assert!(e.contains("delimiter"), "{e}");
}

#[test]
fn a_column_name_used_twice_is_refused_with_both_positions() {
    let e = header_error(b"name,lat,name,lon\nKyiv,50.45,Kiev,30.52\n");
    assert_eq!(
        e,
        "t.csv: line 1: duplicate column name \"name\" (columns 1 and 3)"
    );
    // Names differ by case are different columns (JSON keys are).
    let (good, _) = read(b"Name,name,lat,lon\nKyiv,Kiev,50.45,30.52\n");
    assert_eq!(good.len(), 1);
}
