//! [`CsvPoints`]: points from the latitude/longitude columns of a CSV file.

use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;

use super::io_error;
use super::kind::{FileKind, SNIFF_LEN};
use crate::error::{Error, Result};
use crate::io::BOM;
use crate::position::LatLon;

/// The most [`CsvPoints::from_reader`] reads ahead to find the end of the
/// header line (a longer header is judged by its first 1 MiB).
const HEADER_LIMIT: usize = 1 << 20;

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

/// The character between the fields of a CSV file: `,`, `;`, a tab, or
/// another ASCII character.
///
/// In a file separated by anything but a comma (Excel writes `;` where the
/// decimal separator is a comma, and tabs), a comma in a latitude or
/// longitude is its decimal separator: `50,4501` is 50.4501. In a
/// comma-separated file it cannot be (a quoted `"50,4501"` is refused, not
/// read as 50.4501 or 504501).
///
/// ```
/// use strikemap::io::points::Delimiter;
/// assert_eq!("\\t".parse::<Delimiter>()?, Delimiter::TAB);
/// assert_eq!("tab".parse::<Delimiter>()?, Delimiter::TAB);
/// assert_eq!(";".parse::<Delimiter>()?.as_char(), ';');
/// assert!("ab".parse::<Delimiter>().is_err());
/// assert!(Delimiter::SEMICOLON.takes_decimal_commas() && !Delimiter::COMMA.takes_decimal_commas());
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Delimiter(u8);

impl Delimiter {
    /// `,`, the default.
    pub const COMMA: Delimiter = Delimiter(b',');
    /// `;`, as Excel writes CSV where the decimal separator is a comma.
    pub const SEMICOLON: Delimiter = Delimiter(b';');
    /// A tab (TSV files, Excel's "Text (Tab delimited)").
    pub const TAB: Delimiter = Delimiter(b'\t');

    /// A delimiter: one ASCII character that is not a letter, a digit, a
    /// quote, a point, a sign or a line break.
    ///
    /// # Errors
    /// [`Error::Format`] on `delimiter` for any other character.
    ///
    /// ```
    /// use strikemap::io::points::Delimiter;
    /// assert_eq!(Delimiter::new('|')?.as_char(), '|');
    /// assert!(Delimiter::new('"').is_err() && Delimiter::new('5').is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(c: char) -> Result<Delimiter> {
        match u8::try_from(c) {
            Ok(b) if b.is_ascii() && !b.is_ascii_alphanumeric() && !b"\"\r\n.+-".contains(&b) => {
                Ok(Delimiter(b))
            }
            _ => Err(Error::format(
                "delimiter",
                DELIMITER_FORMS,
                format!("{c:?}"),
            )),
        }
    }

    /// The character.
    ///
    /// ```
    /// assert_eq!(strikemap::io::points::Delimiter::TAB.as_char(), '\t');
    /// ```
    pub fn as_char(self) -> char {
        char::from(self.0)
    }

    /// Whether a comma in a number is its decimal separator (every
    /// delimiter but the comma).
    ///
    /// ```
    /// assert!(strikemap::io::points::Delimiter::TAB.takes_decimal_commas());
    /// ```
    pub fn takes_decimal_commas(self) -> bool {
        self != Delimiter::COMMA
    }
}

/// What a delimiter may be, for error messages.
const DELIMITER_FORMS: &str = "one ASCII character other than a letter, digit, quote, point, \
                               sign or line break (\\t or tab for a tab)";

impl FromStr for Delimiter {
    type Err = Error;

    /// Reads `,`, `;`, `|`, ...; a tab as `\t` (backslash, t), `tab` or the
    /// tab character itself.
    fn from_str(text: &str) -> Result<Delimiter> {
        if text == "\\t" || text.eq_ignore_ascii_case("tab") {
            return Ok(Delimiter::TAB);
        }
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Delimiter::new(c),
            _ => Err(Error::format(
                "delimiter",
                DELIMITER_FORMS,
                format!("{text:?}"),
            )),
        }
    }
}

impl fmt::Display for Delimiter {
    /// The character, a tab as `\t`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Delimiter::TAB => f.write_str("\\t"),
            d => write!(f, "{}", d.as_char()),
        }
    }
}

/// How to read a CSV file: where latitude and longitude are, and the
/// delimiter. Every reader of CSV takes `impl Into<CsvOptions>`, so
/// `&ColumnNames` alone will do.
///
/// Without a delimiter, it is found from the header line: whichever of
/// `,`, `;` and tab occurs most often there outside quotes (`,` if none
/// does); a header with two of them equally often is refused, naming them.
///
/// ```
/// use strikemap::io::points::{ColumnNames, CsvOptions, CsvPoints, Delimiter};
/// let text = "name|lat|lon\nKyiv|50,4501|30,5234\n";
/// let options = CsvOptions::new().with_delimiter(Delimiter::new('|')?);
/// CsvPoints::from_reader(text.as_bytes(), "events.csv", &options)?.for_each(|row| {
///     assert_eq!(row?.position.lat(), 50.4501);
///     Ok(())
/// })?;
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CsvOptions {
    /// The latitude and longitude columns, if not found by their common names.
    pub columns: ColumnNames,
    /// The delimiter; `None` finds it from the header line.
    pub delimiter: Option<Delimiter>,
}

impl CsvOptions {
    /// The defaults: columns found by name, delimiter found from the header.
    ///
    /// ```
    /// assert_eq!(strikemap::io::points::CsvOptions::new().delimiter, None);
    /// ```
    pub fn new() -> CsvOptions {
        CsvOptions::default()
    }

    /// With the latitude and longitude columns named.
    ///
    /// ```
    /// use strikemap::io::points::{ColumnNames, CsvOptions};
    /// let o = CsvOptions::new().with_columns(ColumnNames { latitude: Some("Y".into()), longitude: Some("X".into()) });
    /// assert_eq!(o.columns.latitude.as_deref(), Some("Y"));
    /// ```
    #[must_use]
    pub fn with_columns(mut self, columns: ColumnNames) -> CsvOptions {
        self.columns = columns;
        self
    }

    /// With the delimiter given instead of found from the header.
    ///
    /// ```
    /// use strikemap::io::points::{CsvOptions, Delimiter};
    /// assert_eq!(CsvOptions::new().with_delimiter(Delimiter::TAB).delimiter, Some(Delimiter::TAB));
    /// ```
    #[must_use]
    pub fn with_delimiter(mut self, delimiter: Delimiter) -> CsvOptions {
        self.delimiter = Some(delimiter);
        self
    }
}

impl From<&ColumnNames> for CsvOptions {
    fn from(columns: &ColumnNames) -> CsvOptions {
        CsvOptions::new().with_columns(columns.clone())
    }
}

impl From<ColumnNames> for CsvOptions {
    fn from(columns: ColumnNames) -> CsvOptions {
        CsvOptions::new().with_columns(columns)
    }
}

impl From<&CsvOptions> for CsvOptions {
    fn from(options: &CsvOptions) -> CsvOptions {
        options.clone()
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
    reader: ::csv::Reader<Tracked<R>>,
    headers: Vec<String>,
    columns: LatLonColumns,
    delimiter: Delimiter,
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
    pub fn open(path: impl AsRef<Path>, options: impl Into<CsvOptions>) -> Result<CsvPoints<File>> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let file = File::open(path).map_err(|e| io_error(&shown, e))?;
        CsvPoints::from_reader(file, shown, options)
    }
}

impl<R: Read> CsvPoints<R> {
    /// Reads the header from `reader`, finds the delimiter (unless given)
    /// and the latitude and longitude columns. `source` names the input in
    /// errors (a path, `"<stdin>"`). A UTF-8 byte order mark is skipped;
    /// lines may end in LF, CRLF or CR alone, and a row is named by the
    /// line it starts on, counting blank lines and line breaks in quoted
    /// fields.
    ///
    /// # Errors
    /// [`Error::Io`] if it cannot be read; [`Error::UnsupportedFormat`] if
    /// it is empty or not text (JSON, KML, gzip, ...: see
    /// [`FileKind`](super::FileKind)); [`Error::Format`] if the header has
    /// two delimiters equally often; [`Error::DuplicateColumn`] if two
    /// columns have the same name; the errors of [`LatLonColumns::find`];
    /// each prefixed with `source` (and the header's line).
    ///
    /// ```
    /// use strikemap::{Error, io::points::{ColumnNames, CsvPoints}};
    /// let text = "name,lat,lon\nKyiv,50.4501,30.5234\n";
    /// let points = CsvPoints::from_reader(text.as_bytes(), "events.csv", &ColumnNames::default())?;
    /// assert_eq!((points.columns().latitude, points.columns().longitude), (1, 2));
    /// let e = CsvPoints::from_reader(&b"id;lat;id;lon\n"[..], "e.csv", &ColumnNames::default()).unwrap_err();
    /// assert!(matches!(e.root(), Error::DuplicateColumn { first: 1, second: 3, .. }));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_reader(
        reader: R,
        source: impl Into<String>,
        options: impl Into<CsvOptions>,
    ) -> Result<CsvPoints<R>> {
        let source = source.into();
        let options = options.into();
        let input = Tracked::new(reader).map_err(|e| io_error(&source, e))?;
        let at_source = |e: Error| e.at(source.clone());
        FileKind::sniff(input.head())
            .require(&[FileKind::Csv])
            .map_err(at_source)?;
        let (header_line, found) = header_delimiter(input.head());
        let delimiter = match options.delimiter {
            Some(d) => d,
            None => found.map_err(|e| at_source(e.at(format!("line {header_line}"))))?,
        };
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter.0)
            .from_reader(input);
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| match csv_error(e, &source) {
                io @ Error::Io { .. } => io,
                other => at_source(other.at(format!("line {header_line}"))),
            })?
            .iter()
            .map(str::to_string)
            .collect();
        if headers.is_empty() {
            return Err(at_source(
                FileKind::Empty
                    .require(&[FileKind::Csv])
                    .err()
                    .unwrap_or_else(|| Error::format("header", "a header line", "an empty file")),
            ));
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, name) in headers.iter().enumerate() {
            if let Some(first) = seen.insert(name, i) {
                return Err(at_source(
                    Error::DuplicateColumn {
                        name: name.clone(),
                        first: first + 1,
                        second: i + 1,
                    }
                    .at(format!("line {header_line}")),
                ));
            }
        }
        let columns = LatLonColumns::find(&headers, &options.columns).map_err(at_source)?;
        Ok(CsvPoints {
            reader,
            headers,
            columns,
            delimiter,
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

    /// The delimiter, as given or found from the header.
    ///
    /// ```
    /// use strikemap::{io::points::{ColumnNames, CsvPoints, Delimiter}};
    /// let points = CsvPoints::from_reader(&b"name;lat;lon\n"[..], "excel.csv", &ColumnNames::default())?;
    /// assert_eq!(points.delimiter(), Delimiter::SEMICOLON);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn delimiter(&self) -> Delimiter {
        self.delimiter
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
    /// let text = "name,lat,lon\r\nKyiv,50.4501,30.5234\r\n";
    /// let points = CsvPoints::from_reader(text.as_bytes(), "events.csv", &ColumnNames::default())?;
    /// let mut n = 0;
    /// points.for_each(|row| {
    ///     let row = row?;
    ///     assert_eq!((row.line, row.position.lat()), (2, 50.4501));
    ///     n += 1;
    ///     Ok(())
    /// })?;
    /// assert_eq!(n, 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn for_each(mut self, mut each: impl FnMut(Result<CsvRow>) -> Result<()>) -> Result<()> {
        let mut record = ::csv::StringRecord::new();
        loop {
            let read = self.reader.read_record(&mut record);
            let end = self.reader.position().byte();
            match read {
                Ok(false) => return Ok(()),
                Ok(true) => {
                    let start = record.position().map_or(end, ::csv::Position::byte);
                    let line = self.reader.get_mut().line_of(start, end);
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
                    let start = e.position().map(::csv::Position::byte);
                    let mut err = csv_error(e, &self.source);
                    if let Some(start) = start {
                        let line = self.reader.get_mut().line_of(start, end);
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
            degrees(text, self.delimiter).ok_or_else(|| {
                let found = if text.is_empty() {
                    "an empty value".to_string()
                } else if text.contains(',') && !self.delimiter.takes_decimal_commas() {
                    format!(
                        "{text:?} (a comma is not a decimal separator in a comma-separated file)"
                    )
                } else {
                    format!("{text:?}")
                };
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

/// A latitude or longitude from its text: a decimal number, with a comma
/// for the point where `delimiter` allows it (one comma, digits on both
/// sides, no point).
fn degrees(text: &str, delimiter: Delimiter) -> Option<f64> {
    if !text.contains(',') {
        return text.parse().ok();
    }
    let (whole, fraction) = text.split_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = whole.strip_prefix(['-', '+']).unwrap_or(whole);
    (delimiter.takes_decimal_commas() && digits(unsigned) && digits(fraction))
        .then(|| format!("{whole}.{fraction}").parse().ok())
        .flatten()
}

/// The line the header is on (after blank lines), and the delimiter its
/// text shows: the most frequent of `,`, `;` and tab outside quotes, `,`
/// if none is there, an error if two are there equally often.
fn header_delimiter(head: &[u8]) -> (u64, Result<Delimiter>) {
    let mut line = 1;
    let mut at = 0;
    while at < head.len() && matches!(head[at], b'\r' | b'\n') {
        if head[at] == b'\r' || at == 0 || head[at - 1] != b'\r' {
            line += 1;
        }
        at += 1;
    }
    let mut counts = [
        (Delimiter::COMMA, 0usize),
        (Delimiter::SEMICOLON, 0),
        (Delimiter::TAB, 0),
    ];
    let mut quoted = false;
    for &b in &head[at..] {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(c) = counts.iter_mut().find(|(d, _)| d.0 == b) {
                    c.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let found = match counts {
        [(_, 0), ..] => Ok(Delimiter::COMMA),
        [(a, n), (b, m), _] if n == m => Err(Error::Format {
            expected: "one delimiter (name the one to use: CsvOptions::with_delimiter, \
                       or --delimiter on the command line)"
                .into(),
            found: format!("{n} {} and {n} {} in the header", name(a), name(b)),
        }),
        [(d, _), ..] => Ok(d),
    };
    (line, found)
}

/// A delimiter's name in messages, in the plural.
fn name(d: Delimiter) -> &'static str {
    match d {
        Delimiter::COMMA => "commas",
        Delimiter::SEMICOLON => "semicolons",
        Delimiter::TAB => "tabs",
        _ => "delimiters",
    }
}

/// The reader under the `csv` reader: it hands out the input without its
/// byte order mark, first its head (read ahead to sniff its kind and find
/// the header line), and keeps the bytes handed out but not yet passed by
/// [`Tracked::line_of`], to count lines as a person does: LF, CRLF and CR
/// alone each end one (the `csv` crate counts LF only, and counts from
/// before the blank lines it skips).
#[derive(Debug)]
struct Tracked<R> {
    head: Vec<u8>,
    /// The next byte of `head` to hand out.
    at: usize,
    inner: R,
    /// Bytes handed out, from `window[start]` at stream offset `base`.
    window: Vec<u8>,
    start: usize,
    base: u64,
    /// The line of the byte at `base`, from 1.
    line: u64,
    /// Whether the byte before `base` is a CR.
    after_cr: bool,
}

impl<R: Read> Tracked<R> {
    /// Reads the head: [`SNIFF_LEN`] bytes, or more until the end of the
    /// header line (up to [`HEADER_LIMIT`]), or all there is.
    fn new(mut inner: R) -> std::io::Result<Tracked<R>> {
        let mut head = Vec::with_capacity(SNIFF_LEN);
        (&mut inner).take(SNIFF_LEN as u64).read_to_end(&mut head)?;
        while head.len() < HEADER_LIMIT && !has_header_line(&head) {
            let before = head.len();
            (&mut inner).take(SNIFF_LEN as u64).read_to_end(&mut head)?;
            if head.len() == before {
                break;
            }
        }
        let at = if head.starts_with(BOM.as_bytes()) {
            BOM.len()
        } else {
            0
        };
        Ok(Tracked {
            head,
            at,
            inner,
            window: Vec::new(),
            start: 0,
            base: 0,
            line: 1,
            after_cr: false,
        })
    }
}

impl<R> Tracked<R> {
    /// The head, without the byte order mark.
    fn head(&self) -> &[u8] {
        self.head.get(self.at..).unwrap_or_default()
    }

    /// The line of a record the `csv` reader began looking for at stream
    /// offset `from` and ended at `to`: the line of its first byte that is
    /// not a line break.
    fn line_of(&mut self, from: u64, to: u64) -> u64 {
        while self.base < to {
            let Some(&b) = self.window.get(self.start) else {
                break;
            };
            if self.base >= from && !matches!(b, b'\r' | b'\n') {
                break;
            }
            match b {
                b'\r' => self.line += 1,
                b'\n' if !self.after_cr => self.line += 1,
                _ => {}
            }
            self.after_cr = b == b'\r';
            self.start += 1;
            self.base += 1;
        }
        // Drop what is passed, now and then (not on every row).
        if self.start >= 1 << 16 && self.start * 2 >= self.window.len() {
            self.window.drain(..self.start);
            self.start = 0;
        }
        self.line
    }
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = if self.at < self.head.len() {
            let n = (self.head.len() - self.at).min(buf.len());
            buf[..n].copy_from_slice(&self.head[self.at..self.at + n]);
            self.at += n;
            n
        } else {
            self.inner.read(buf)?
        };
        self.window.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// Whether `head` holds a whole first non-blank line (a line break outside
/// quotes after some text).
fn has_header_line(head: &[u8]) -> bool {
    let mut quoted = false;
    let mut text = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted && text => return true,
            b'\r' | b'\n' => {}
            _ => text = true,
        }
    }
    false
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
        CsvPoints::from_reader(csv.as_bytes(), "t.csv", ColumnNames::default())
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
            ColumnNames::default(),
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
