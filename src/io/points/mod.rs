//! Reading many points from event tables, one row at a time: CSV files with
//! latitude/longitude columns (an ACLED export works as it is), GeoJSON
//! FeatureCollections of Point features, and the Point Placemarks of KML
//! and KMZ files ([`KmlPoints`]); GeoParquet points are read by
//! `io::parquet` (feature `parquet`).
//!
//! Both readers stream: they hold one row (or feature) at a time, so a file
//! of millions of events is read in bounded memory. Each hands its rows to a
//! callback as `Result`s: a bad row (a number that is not one, a latitude
//! beyond 90, a feature that is not a Point) arrives as an `Err` naming the
//! file, line or feature index and column, and the caller decides whether
//! to stop (return the error) or skip it (return `Ok`). Errors that end the
//! file (unreadable, not CSV, not JSON) are returned by the reader itself.
//! Pair them with [`nearest_many`](crate::measure::nearest_many) on chunks of rows to
//! measure in parallel.
//!
//! What a file holds is told by its content, in one place ([`FileKind`]),
//! for every reader of a file in strikemap: a KML, Parquet or gzip file is
//! refused with a message naming it. [`Sniffed`] reads the first bytes to
//! tell and still hands them out, so a pipe is read once and whole.
//!
//! CSV files may be separated by `,`, `;` or tabs (found from the header,
//! or given: [`CsvOptions`]); in a file that is not comma-separated a comma
//! in a latitude or longitude is its decimal separator ([`Delimiter`]).

mod csv;
mod features;
mod kind;

pub use self::csv::{ColumnNames, CsvOptions, CsvPoints, CsvRow, Delimiter, LatLonColumns};
pub use self::features::{KmlPoints, PointFeature, PointFeatures};
pub use self::kind::{FileKind, SNIFF_LEN, Sniffed};

use std::path::Path;

use crate::error::{Error, Result};

/// The two kinds of point files the readers take.
///
/// ```
/// use strikemap::io::points::PointFileKind;
/// assert_eq!(PointFileKind::from_name("events.CSV"), Some(PointFileKind::Csv));
/// assert_eq!(PointFileKind::from_name("events.geojson"), Some(PointFileKind::GeoJson));
/// assert_eq!(PointFileKind::from_name("events.dat"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointFileKind {
    /// A CSV table, read by [`CsvPoints`].
    Csv,
    /// A GeoJSON FeatureCollection, read by [`PointFeatures`].
    GeoJson,
    /// A KML document or KMZ archive, read by [`KmlPoints`].
    Kml,
    /// A (Geo)Parquet file, read by `io::parquet::ParquetPoints` (feature
    /// `parquet`).
    Parquet,
}

impl PointFileKind {
    /// The kind a file name says: `.csv`, `.tsv` and `.txt` are CSV;
    /// `.geojson` and `.json` are GeoJSON; `.kml` and `.kmz` KML; `.parquet`
    /// and `.geoparquet` Parquet (case-insensitive).
    ///
    /// ```
    /// use strikemap::io::points::PointFileKind;
    /// assert_eq!(PointFileKind::from_name("acled.CSV"), Some(PointFileKind::Csv));
    /// assert_eq!(PointFileKind::from_name("front.geojson"), Some(PointFileKind::GeoJson));
    /// assert_eq!(PointFileKind::from_name("map.kmz"), Some(PointFileKind::Kml));
    /// assert_eq!(PointFileKind::from_name("map.gpx"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<PointFileKind> {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
        match ext {
            "csv" | "tsv" | "txt" => Some(PointFileKind::Csv),
            "geojson" | "json" => Some(PointFileKind::GeoJson),
            "kml" | "kmz" => Some(PointFileKind::Kml),
            "parquet" | "geoparquet" => Some(PointFileKind::Parquet),
            _ => None,
        }
    }

    /// The kind of a file, told by its content ([`FileKind`]; the name is
    /// not used: a CSV file named `.geojson` is CSV). This opens and reads
    /// the start of the file: to read a pipe, use [`Sniffed`] on it and
    /// [`PointFileKind::try_from`] its kind instead, so the bytes looked at
    /// are not lost.
    ///
    /// # Errors
    /// [`Error::Io`] naming the path if it cannot be read;
    /// [`Error::UnsupportedFormat`], naming the path, for anything but CSV,
    /// JSON, KML/KMZ or Parquet (GPX, gzip, an empty file, ...).
    ///
    /// ```
    /// let path = std::env::temp_dir().join("strikemap-doc-detect-no-extension");
    /// std::fs::write(&path, "{\"type\": \"FeatureCollection\", \"features\": []}").unwrap();
    /// use strikemap::io::points::PointFileKind;
    /// assert_eq!(PointFileKind::detect(&path)?, PointFileKind::GeoJson);
    /// std::fs::write(&path, "<kml></kml>").unwrap();
    /// assert_eq!(PointFileKind::detect(&path)?, PointFileKind::Kml);
    /// std::fs::write(&path, "<gpx></gpx>").unwrap();
    /// let e = PointFileKind::detect(&path).unwrap_err();
    /// assert!(e.is_unsupported_format(), "{}", e.report());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn detect(path: impl AsRef<Path>) -> Result<PointFileKind> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let input = Sniffed::open(path)?;
        PointFileKind::try_from(input.kind()).map_err(|e| e.at(shown))
    }
}

impl TryFrom<FileKind> for PointFileKind {
    type Error = Error;

    /// CSV text is [`PointFileKind::Csv`], JSON [`PointFileKind::GeoJson`],
    /// KML, KMZ (and a ZIP archive, looked into for KML)
    /// [`PointFileKind::Kml`], Parquet [`PointFileKind::Parquet`].
    ///
    /// # Errors
    /// [`Error::UnsupportedFormat`] for any other kind, saying what to do.
    fn try_from(kind: FileKind) -> Result<PointFileKind> {
        let accepted = [
            FileKind::Csv,
            FileKind::Json,
            FileKind::Kml,
            FileKind::Kmz,
            FileKind::Zip,
            FileKind::Parquet,
        ];
        match kind.require(&accepted)? {
            FileKind::Json => Ok(PointFileKind::GeoJson),
            FileKind::Kml | FileKind::Kmz | FileKind::Zip => Ok(PointFileKind::Kml),
            FileKind::Parquet => Ok(PointFileKind::Parquet),
            _ => Ok(PointFileKind::Csv),
        }
    }
}

/// An I/O error on `path`.
fn io_error(path: &str, e: std::io::Error) -> Error {
    Error::io(path, e)
}
