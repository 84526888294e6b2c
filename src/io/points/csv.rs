//! [`CsvPoints`]: points from the latitude/longitude columns of a CSV file.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::io_error;
use crate::error::{Error, Result};
use crate::position::LatLon;

/// Header names recognised as latitude, compared case-insensitively.
const LATITUDE_NAMES: [&str; 2] = ["latitude", "lat"];
/// Header names recognised as longitude, compared case-insensitively.
const LONGITUDE_NAMES: [&str; 4] = ["longitude", "lon", "lng", "long"];

/// Column names chosen by the user; `None` finds the column by its common
/// names (see [`LatLonColumns::find`]).
///
/// ```
/// let names = strikemap::io::points::ColumnNames { latitude: Some("Y".into()), ..Default::default() };
/// assert!(names.longitude.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnNames {
    /// The latitude column's header, exactly as in the file (case-insensitive).
    pub latitude: Option<String>,
    /// The longitude column's header, exactly as in the file (case-insensitive).
    pub longitude: Option<String>,
}

/// Where latitude and longitude are in a CSV header (0-based indices).
///
/// ```
/// use strikemap::{io::points::{ColumnNames, LatLonColumns}};
/// let acled = ["event_id_cnty", "event_date", "Latitude", "LONGITUDE", "fatalities"];
/// let c = LatLonColumns::find(&acled, &ColumnNames::default())?;
/// assert_eq!((c.latitude, c.longitude), (2, 3));
/// let err = LatLonColumns::find(&["x", "y"], &ColumnNames::default()).unwrap_err();
/// assert!(err.report().to_string().starts_with("header: expected a latitude column"));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatLonColumns {
    /// The latitude column.
    pub latitude: usize,
    /// The longitude column.
    pub longitude: usize,
}

impl LatLonColumns {
    /// Finds the columns: by the names given, or else by their common names,
    /// case-insensitively, ignoring surrounding spaces: `lat` or `latitude`;
    /// `lon`, `lng`, `long` or `longitude`.
    ///
    /// # Errors
    /// [`Error::Format`] on `header` when a column is missing, when a name
    /// given is not in the header, or when two columns could both be the
    /// latitude (or the longitude).
    ///
    /// ```
    /// use strikemap::{io::points::{ColumnNames, LatLonColumns}};
    /// let names = ColumnNames { latitude: Some("Y".into()), longitude: Some("X".into()) };
    /// let c = LatLonColumns::find(&["id", "X", "Y"], &names)?;
    /// assert_eq!((c.latitude, c.longitude), (2, 1));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn find<S: AsRef<str>>(headers: &[S], names: &ColumnNames) -> Result<LatLonColumns> {
        let latitude = column(
            headers,
            names.latitude.as_deref(),
            &LATITUDE_NAMES,
            "latitude",
        )?;
        let longitude = column(
            headers,
            names.longitude.as_deref(),
            &LONGITUDE_NAMES,
            "longitude",
        )?;
        if latitude == longitude {
            return Err(Error::format(
                "header",
                "different latitude and longitude columns",
                format!("column {:?} for both", headers[latitude].as_ref()),
            ));
        }
        Ok(LatLonColumns {
            latitude,
            longitude,
        })
    }
}

fn column<S: AsRef<str>>(
    headers: &[S],
    chosen: Option<&str>,
    common: &[&str],
    what: &str,
) -> Result<usize> {
    let key = |h: &str| h.trim().to_lowercase();
    let wanted: Vec<String> = match chosen {
        Some(name) => vec![key(name)],
        None => common.iter().map(|n| n.to_string()).collect(),
    };
    let hits: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| wanted.contains(&key(h.as_ref())))
        .map(|(i, _)| i)
        .collect();
    let listed = || {
        let names: Vec<String> = headers
            .iter()
            .map(|h| format!("{:?}", h.as_ref()))
            .collect();
        format!("columns {}", names.join(", "))
    };
    match (hits.as_slice(), chosen) {
        ([one], _) => Ok(*one),
        ([], Some(name)) => Err(Error::format(
            "header",
            format!("the {what} column {name:?}"),
            listed(),
        )),
        ([], None) => Err(Error::format(
            "header",
            format!("a {what} column named {}", common.join(", ")),
            listed(),
        )),
        (many, _) => {
            let names: Vec<String> = many
                .iter()
                .map(|&i| format!("{:?}", headers[i].as_ref()))
                .collect();
            Err(Error::format(
                "header",
                format!("one {what} column"),
                format!("{} (name the one to use)", names.join(" and ")),
            ))
        }
    }
}

/// One data row of a CSV file, with its position read.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvRow {
    /// The line the row starts on (1 is the header).
    pub line: u64,
    /// The position from its latitude and longitude columns.
    pub position: LatLon,
    record: ::csv::StringRecord,
}

impl CsvRow {
    /// Every field, in column order, as in the file.
    ///
    /// ```
    /// use strikemap::{io::points::{ColumnNames, CsvPoints}};
    /// let text = "name,lat,lon\nKyiv,50.4501,30.5234\n";
    /// let points = CsvPoints::from_reader(text.as_bytes(), "events.csv", &ColumnNames::default())?;
    /// points.for_each(|row| {
    ///     assert_eq!(row?.fields().collect::<Vec<_>>(), ["Kyiv", "50.4501", "30.5234"]);
    ///     Ok(())
    /// })?;
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.record.iter()
    }

    /// One field, by column index.
    ///
    /// ```
    /// use strikemap::{io::points::{ColumnNames, CsvPoints}};
    /// let text = "name,lat,lon\nKyiv,50.4501,30.5234\n";
    /// let points = CsvPoints::from_reader(text.as_bytes(), "events.csv", &ColumnNames::default())?;
    /// points.for_each(|row| {
    ///     assert_eq!(row?.field(0), Some("Kyiv"));
    ///     Ok(())
    /// })?;
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn field(&self, index: usize) -> Option<&str> {
        self.record.get(index)
    }
}

/// Points from the latitude and longitude columns of a CSV file (first line:
/// the header; a UTF-8 byte order mark is ignored), read one row at a time.
///
/// ```
/// use strikemap::{io::points::{ColumnNames, CsvPoints}};
/// let csv = "event_id_cnty,latitude,longitude\nUKR1,50.4501,30.5234\nUKR2,fifty,30.0\n";
/// let points = CsvPoints::from_reader(csv.as_bytes(), "events.csv", &ColumnNames::default())?;
/// assert_eq!(points.headers()[0], "event_id_cnty");
/// let mut good = Vec::new();
/// let mut bad = Vec::new();
/// points.for_each(|row| {
///     match row {
///         Ok(row) => good.push(row),
///         Err(e) => bad.push(e.report().to_string()), // skip it
///     }
///     Ok(())
/// })?;
/// assert_eq!(good[0].field(0), Some("UKR1"));
/// assert_eq!(bad, ["events.csv: line 3: column \"latitude\": expected a number (decimal degrees), found \"fifty\""]);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug)]
pub struct CsvPoints<R> {
    reader: ::csv::Reader<R>,
    headers: Vec<String>,
    columns: LatLonColumns,
    source: String,
}

impl CsvPoints<File> {
    /// Opens a CSV file and finds its latitude and longitude columns.
    ///
    /// # Errors
    /// [`Error::Io`] naming the path; then as [`CsvPoints::from_reader`].
    ///
    /// ```
    /// let path = std::env::temp_dir().join("strikemap-doc-open.csv");
    /// std::fs::write(&path, "lat,lon\n50.45,30.52\n").unwrap();
    /// let points = strikemap::io::points::CsvPoints::open(&path, &strikemap::io::points::ColumnNames::default())?;
    /// assert_eq!(points.headers(), ["lat", "lon"]);
    /// assert!(strikemap::io::points::CsvPoints::open("/no/such.csv", &strikemap::io::points::ColumnNames::default()).is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn open(path: impl AsRef<Path>, names: &ColumnNames) -> Result<CsvPoints<File>> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let file = File::open(path).map_err(|e| io_error(&shown, e))?;
        CsvPoints::from_reader(file, shown, names)
    }
}

impl<R: Read> CsvPoints<R> {
    /// Reads the header from `reader` and finds the latitude and longitude
    /// columns. `source` names the input in errors (a path, `"<stdin>"`).
    ///
    /// # Errors
    /// [`Error::Io`] if it cannot be read; the errors of
    /// [`LatLonColumns::find`], prefixed with `source`.
    ///
    /// ```
    /// use strikemap::{io::points::{ColumnNames, CsvPoints}};
    /// let text = "name,lat,lon\nKyiv,50.4501,30.5234\n";
    /// let points = CsvPoints::from_reader(text.as_bytes(), "events.csv", &ColumnNames::default())?;
    /// assert_eq!((points.columns().latitude, points.columns().longitude), (1, 2));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_reader(
        reader: R,
        source: impl Into<String>,
        names: &ColumnNames,
    ) -> Result<CsvPoints<R>> {
        let source = source.into();
        let mut reader = ::csv::ReaderBuilder::new().from_reader(reader);
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| match csv_error(e, &source) {
                io @ Error::Io { .. } => io,
                other => other.at("line 1").at(source.clone()),
            })?
            .iter()
            .map(str::to_string)
            .collect();
        let columns = LatLonColumns::find(&headers, names).map_err(|e| e.at(source.clone()))?;
        Ok(CsvPoints {
            reader,
            headers,
            columns,
            source,
        })
    }

    /// The header's column names, as in the file.
    ///
    /// ```
    /// use strikemap::{io::points::{ColumnNames, CsvPoints}};
    /// let text = "name,lat,lon\nKyiv,50.4501,30.5234\n";
    /// let points = CsvPoints::from_reader(text.as_bytes(), "events.csv", &ColumnNames::default())?;
    /// assert_eq!(points.headers(), ["name", "lat", "lon"]);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Where latitude and longitude are.
    ///
    /// ```
    /// use strikemap::{io::points::{ColumnNames, CsvPoints}};
    /// let text = "name,lat,lon\nKyiv,50.4501,30.5234\n";
    /// let points = CsvPoints::from_reader(text.as_bytes(), "events.csv", &ColumnNames::default())?;
    /// assert_eq!(points.columns().latitude, 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn columns(&self) -> LatLonColumns {
        self.columns
    }

    /// Hands every data row to `each`, in file order: `Ok` with its position,
    /// or `Err` naming the file, line and column for a bad row (a value that
    /// is not a number or out of range, a row with the wrong number of
    /// fields, text that is not UTF-8). Returning `Err` from `each` stops
    /// reading and returns that error; returning `Ok` goes on (skipping a bad
    /// row).
    ///
    /// # Errors
    /// The first error `each` returns; [`Error::Io`] if the input cannot be
    /// read.
    ///
    /// ```
    /// use strikemap::{io::points::{ColumnNames, CsvPoints}};
    /// let text = "name,lat,lon\nKyiv,50.4501,30.5234\n";
    /// let points = CsvPoints::from_reader(text.as_bytes(), "events.csv", &ColumnNames::default())?;
    /// let mut n = 0;
    /// points.for_each(|row| {
    ///     assert_eq!(row?.position.lat(), 50.4501);
    ///     n += 1;
    ///     Ok(())
    /// })?;
    /// assert_eq!(n, 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn for_each(mut self, mut each: impl FnMut(Result<CsvRow>) -> Result<()>) -> Result<()> {
        let mut record = ::csv::StringRecord::new();
        loop {
            match self.reader.read_record(&mut record) {
                Ok(false) => return Ok(()),
                Ok(true) => {
                    let line = record.position().map_or(0, ::csv::Position::line);
                    let row = self.position(&record).map(|position| CsvRow {
                        line,
                        position,
                        record: record.clone(),
                    });
                    each(row.map_err(|e| e.at(format!("line {line}")).at(self.source.clone())))?;
                }
                Err(e) if matches!(e.kind(), ::csv::ErrorKind::Io(_)) => {
                    return Err(csv_error(e, &self.source));
                }
                Err(e) => {
                    let line = e.position().map(::csv::Position::line);
                    let mut err = csv_error(e, &self.source);
                    if let Some(line) = line {
                        err = err.at(format!("line {line}"));
                    }
                    each(Err(err.at(self.source.clone())))?;
                }
            }
        }
    }

    fn position(&self, record: &::csv::StringRecord) -> Result<LatLon> {
        let value = |index: usize| -> Result<f64> {
            let name = &self.headers[index];
            let text = record.get(index).unwrap_or("").trim();
            let found = if text.is_empty() {
                "an empty value".to_string()
            } else {
                format!("{text:?}")
            };
            text.parse::<f64>().map_err(|_| {
                Error::format(
                    format!("column {name:?}"),
                    "a number (decimal degrees)",
                    found,
                )
            })
        };
        let lat = value(self.columns.latitude)?;
        let lon = value(self.columns.longitude)?;
        LatLon::new(lat, lon).map_err(|e| {
            let index = match e {
                Error::NonFiniteCoordinate {
                    field: "longitude", ..
                }
                | Error::LongitudeOutOfRange { .. } => self.columns.longitude,
                _ => self.columns.latitude,
            };
            e.at(format!("column {:?}", self.headers[index]))
        })
    }
}

/// Converts a `csv` error (the position is added by the caller).
fn csv_error(e: ::csv::Error, source: &str) -> Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(io) => io_error(source, io),
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Error::format(
            "row",
            format!("{expected_len} fields, as in the header"),
            format!("{len}"),
        ),
        ::csv::ErrorKind::Utf8 { err, .. } => Error::format(
            format!("field {}", err.field() + 1),
            "UTF-8 text",
            "invalid bytes",
        ),
        other => Error::format("CSV", "a CSV table", format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(csv: &str) -> (Vec<CsvRow>, Vec<String>) {
        let mut good = Vec::new();
        let mut bad = Vec::new();
        CsvPoints::from_reader(csv.as_bytes(), "t.csv", &ColumnNames::default())
            .unwrap()
            .for_each(|r| {
                match r {
                    Ok(r) => good.push(r),
                    Err(e) => bad.push(e.report().to_string()),
                }
                Ok(())
            })
            .unwrap();
        (good, bad)
    }

    #[test]
    fn finds_common_names() {
        for (header, lat, lon) in [
            ("lat,lon", 0, 1),
            ("LNG, Lat", 1, 0),
            ("id,Latitude,x,long", 1, 3),
        ] {
            let h: Vec<&str> = header.split(',').collect();
            let c = LatLonColumns::find(&h, &ColumnNames::default()).unwrap();
            assert_eq!((c.latitude, c.longitude), (lat, lon), "{header}");
        }
    }

    #[test]
    fn names_given_win_and_ambiguity_is_an_error() {
        let h = ["lat", "latitude", "Y", "X"];
        let err = LatLonColumns::find(&h, &ColumnNames::default()).unwrap_err();
        assert_eq!(
            err.report().to_string(),
            "header: expected one latitude column, found \"lat\" and \"latitude\" (name the one to use)"
        );
        let names = ColumnNames {
            latitude: Some("y".into()),
            longitude: Some("x".into()),
        };
        let c = LatLonColumns::find(&h, &names).unwrap();
        assert_eq!((c.latitude, c.longitude), (2, 3));
        let names = ColumnNames {
            latitude: Some("north".into()),
            longitude: None,
        };
        let err = LatLonColumns::find(&h, &names).unwrap_err();
        assert!(
            err.report()
                .to_string()
                .starts_with("header: expected the latitude column \"north\"")
        );
    }

    #[test]
    fn bad_rows_name_line_and_column() {
        let (good, bad) =
            read("id,lat,lon\n1,50,30\n2,91,30\n3,50,\n4,50,inf\n5,50\n6,\"48.0\",\"37.8\"\n");
        assert_eq!(good.len(), 2);
        assert_eq!(good[1].line, 7);
        assert_eq!(
            bad,
            [
                "t.csv: line 3: column \"lat\": latitude 91 is out of range [-90, 90]",
                "t.csv: line 4: column \"lon\": expected a number (decimal degrees), found an empty value",
                "t.csv: line 5: column \"lon\": longitude inf is not a finite number",
                "t.csv: line 6: row: expected 3 fields, as in the header, found 2",
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let (good, _) = read("\u{feff}latitude,longitude\n50,30\n");
        assert_eq!(good.len(), 1);
    }

    #[test]
    fn returning_an_error_stops() {
        let points = CsvPoints::from_reader(
            "lat,lon\nx,1\n50,30\n".as_bytes(),
            "t.csv",
            &ColumnNames::default(),
        )
        .unwrap();
        let mut seen = 0;
        let err = points
            .for_each(|r| {
                seen += 1;
                r.map(|_| ())
            })
            .unwrap_err();
        assert_eq!(seen, 1);
        assert!(
            err.report()
                .to_string()
                .starts_with("t.csv: line 2: column \"lat\"")
        );
    }
}
