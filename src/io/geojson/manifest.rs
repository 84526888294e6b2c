//! [`FileSummary`] and [`Manifest`]: what a GeoJSON file should hold, for
//! checking it with a real map tool (`scripts/check_geojson.sh` runs GDAL's
//! `ogrinfo` on every file a manifest lists).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use geojson::Feature;

use super::export::io_error;
use crate::error::{Error, Result};

/// How many features a file holds and of which geometry types.
///
/// ```
/// use strikemap::io::geojson::FileSummary;
/// let mut s = FileSummary::default();
/// s.add(&geojson::Feature::from(geojson::Geometry::new_point([30.5, 50.4])));
/// assert_eq!((s.features(), s.geometry_types()), (1, vec!["Point"]));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSummary {
    features: usize,
    types: BTreeSet<&'static str>,
}

impl FileSummary {
    /// Counts one feature and its geometry type (`"None"` without geometry).
    ///
    /// ```
    /// let mut s = strikemap::io::geojson::FileSummary::default();
    /// s.add(&geojson::Feature::default());
    /// assert_eq!(s.geometry_types(), ["None"]);
    /// ```
    pub fn add(&mut self, feature: &Feature) {
        self.add_type(
            feature
                .geometry
                .as_ref()
                .map_or("None", |g| g.value.type_name()),
        );
    }

    /// Counts one feature of the given geometry type.
    pub(crate) fn add_type(&mut self, geometry_type: &'static str) {
        self.features += 1;
        self.types.insert(geometry_type);
    }

    /// The number of features.
    ///
    /// ```
    /// assert_eq!(strikemap::io::geojson::FileSummary::default().features(), 0);
    /// ```
    pub fn features(&self) -> usize {
        self.features
    }

    /// The GeoJSON geometry types present, sorted.
    ///
    /// ```
    /// assert!(strikemap::io::geojson::FileSummary::default().geometry_types().is_empty());
    /// ```
    pub fn geometry_types(&self) -> Vec<&'static str> {
        self.types.iter().copied().collect()
    }
}

/// The files a program wrote into a directory, each with its expected
/// feature count and geometry types, saved as `manifest.txt`: one line per
/// file, `FILE COUNT TYPE,TYPE` (e.g. `rings.geojson 3 MultiPolygon,Polygon`),
/// so that a shell script can check them without a JSON parser.
///
/// ```
/// use strikemap::{io::geojson::{FileSummary, Manifest}};
/// let mut s = FileSummary::default();
/// s.add(&geojson::Feature::from(geojson::Geometry::new_point([30.5, 50.4])));
/// let mut m = Manifest::new();
/// m.add("cities.geojson", &s)?;
/// assert_eq!(m.to_text(), "cities.geojson 1 Point\n");
/// assert!(m.add("my cities.geojson", &s).is_err());
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    entries: Vec<(String, FileSummary)>,
}

impl Manifest {
    /// The name of the manifest file in its directory.
    ///
    /// ```
    /// assert_eq!(strikemap::io::geojson::Manifest::FILE_NAME, "manifest.txt");
    /// ```
    pub const FILE_NAME: &'static str = "manifest.txt";

    /// An empty manifest.
    ///
    /// ```
    /// assert_eq!(strikemap::io::geojson::Manifest::new().to_text(), "");
    /// ```
    pub fn new() -> Manifest {
        Manifest::default()
    }

    /// Lists a file (its name relative to the manifest's directory).
    ///
    /// # Errors
    /// [`Error::Format`] if the name is empty or holds white space.
    ///
    /// ```
    /// let mut m = strikemap::io::geojson::Manifest::new();
    /// assert!(m.add("", &strikemap::io::geojson::FileSummary::default()).is_err());
    /// ```
    pub fn add(&mut self, file: impl Into<String>, summary: &FileSummary) -> Result<()> {
        let file = file.into();
        if file.is_empty() || file.chars().any(char::is_whitespace) {
            return Err(Error::format(
                "manifest file name",
                "a file name without white space",
                format!("{file:?}"),
            ));
        }
        self.entries.push((file, summary.clone()));
        Ok(())
    }

    /// The manifest's text, one `FILE COUNT TYPES` line per file (`-` for
    /// no types).
    ///
    /// ```
    /// let mut m = strikemap::io::geojson::Manifest::new();
    /// m.add("empty.geojsons", &strikemap::io::geojson::FileSummary::default())?;
    /// assert_eq!(m.to_text(), "empty.geojsons 0 -\n");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (file, s) in &self.entries {
            let types = s.geometry_types().join(",");
            let types = if types.is_empty() {
                "-".to_string()
            } else {
                types
            };
            // Writing to a String cannot fail.
            let _ = writeln!(out, "{file} {} {types}", s.features());
        }
        out
    }

    /// Writes `manifest.txt` into `dir` and returns its path.
    ///
    /// # Errors
    /// [`Error::Io`] naming the path if it cannot be written.
    ///
    /// ```
    /// let dir = std::env::temp_dir();
    /// let path = strikemap::io::geojson::Manifest::new().write_to_dir(&dir)?;
    /// assert!(path.ends_with("manifest.txt"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn write_to_dir(&self, dir: impl AsRef<Path>) -> Result<PathBuf> {
        let path = dir.as_ref().join(Manifest::FILE_NAME);
        std::fs::write(&path, self.to_text())
            .map_err(|e| io_error(path.display().to_string(), e))?;
        Ok(path)
    }
}
