//! Reading many points from event tables, one row at a time: CSV files with
//! latitude/longitude columns (an ACLED export works as it is) and GeoJSON
//! FeatureCollections of Point features.
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

mod csv;
mod features;

pub use self::csv::{ColumnNames, CsvPoints, CsvRow, LatLonColumns};
pub use self::features::{PointFeature, PointFeatures};

use std::io::Read;
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
}

impl PointFileKind {
    /// The kind a file name says: `.csv`, `.tsv` and `.txt` are CSV;
    /// `.geojson` and `.json` are GeoJSON (case-insensitive).
    ///
    /// ```
    /// use strikemap::io::points::PointFileKind;
    /// assert_eq!(PointFileKind::from_name("acled.CSV"), Some(PointFileKind::Csv));
    /// assert_eq!(PointFileKind::from_name("front.geojson"), Some(PointFileKind::GeoJson));
    /// assert_eq!(PointFileKind::from_name("map.kml"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<PointFileKind> {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
        match ext {
            "csv" | "tsv" | "txt" => Some(PointFileKind::Csv),
            "geojson" | "json" => Some(PointFileKind::GeoJson),
            _ => None,
        }
    }

    /// The kind of a file: by its name, or else by its first non-blank
    /// character (`{` is GeoJSON, anything else CSV).
    ///
    /// # Errors
    /// [`Error::Io`] naming the path if it has no telling name and cannot
    /// be read.
    ///
    /// ```
    /// let path = std::env::temp_dir().join("strikemap-doc-detect-no-extension");
    /// std::fs::write(&path, "{\"type\": \"FeatureCollection\", \"features\": []}").unwrap();
    /// use strikemap::io::points::PointFileKind;
    /// assert_eq!(PointFileKind::detect("events.csv")?, PointFileKind::Csv);
    /// assert_eq!(PointFileKind::detect(&path)?, PointFileKind::GeoJson);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn detect(path: impl AsRef<Path>) -> Result<PointFileKind> {
        let path = path.as_ref();
        if let Some(kind) = PointFileKind::from_name(&path.to_string_lossy()) {
            return Ok(kind);
        }
        let shown = path.display().to_string();
        let mut head = [0u8; 512];
        let n = std::fs::File::open(path)
            .and_then(|mut f| f.read(&mut head))
            .map_err(|e| io_error(&shown, e))?;
        let first = head[..n]
            .iter()
            .find(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF));
        Ok(match first {
            Some(b'{') => PointFileKind::GeoJson,
            _ => PointFileKind::Csv,
        })
    }
}

/// An I/O error on `path`.
fn io_error(path: &str, e: std::io::Error) -> Error {
    Error::io(path, e)
}
