//! [`read`]: a control map from a folder of daily files or from one file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use geojson::{Feature, GeoJson};
use jiff::civil::Date;
use rayon::prelude::*;

use super::dates::{date_from_name, date_from_value};
use crate::error::{Error, Result};
use crate::io::geojson::check_crs;
use crate::io::points::FileKind;
use crate::model::{ControlMap, control_union as union};
use crate::shape::Area;

/// How control files are read.
///
/// ```
/// use strikemap::io::control::ReadOptions;
/// let o = ReadOptions::new().with_only("status", "Russian-controlled").skipping_bad();
/// assert!(o.skips_bad());
/// ```
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    only: Option<(String, String)>,
    skip_bad: bool,
    name: Option<String>,
}

impl ReadOptions {
    /// The defaults: every feature read, the first bad file or feature an
    /// error, the map named after the path.
    ///
    /// ```
    /// assert!(!strikemap::io::control::ReadOptions::new().skips_bad());
    /// ```
    pub fn new() -> ReadOptions {
        ReadOptions::default()
    }

    /// Reads only the features whose property `key` is the string `value`
    /// (an ISW layer's `status`, say); the others are left out, not errors.
    ///
    /// ```
    /// let o = strikemap::io::control::ReadOptions::new().with_only("status", "controlled");
    /// # let _ = o;
    /// ```
    #[must_use]
    pub fn with_only(mut self, key: impl Into<String>, value: impl Into<String>) -> ReadOptions {
        self.only = Some((key.into(), value.into()));
        self
    }

    /// Reports bad files and features in [`Loaded::skipped`] and goes on.
    ///
    /// ```
    /// assert!(strikemap::io::control::ReadOptions::new().skipping_bad().skips_bad());
    /// ```
    #[must_use]
    pub fn skipping_bad(mut self) -> ReadOptions {
        self.skip_bad = true;
        self
    }

    /// Whether bad input is skipped.
    ///
    /// ```
    /// assert!(!strikemap::io::control::ReadOptions::default().skips_bad());
    /// ```
    pub fn skips_bad(&self) -> bool {
        self.skip_bad
    }

    /// Names the control map (by default, the path as given).
    ///
    /// ```
    /// let o = strikemap::io::control::ReadOptions::new().with_name("DeepStateMap");
    /// # let _ = o;
    /// ```
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> ReadOptions {
        self.name = Some(name.into());
        self
    }
}

/// A control map read from files, and what was skipped.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The control map.
    pub map: ControlMap,
    /// The files read, in name order.
    pub files: Vec<PathBuf>,
    /// What was skipped ([`ReadOptions::skipping_bad`]), in file order.
    pub skipped: Vec<SkippedSnapshot>,
    /// How many features [`ReadOptions::with_only`] left out.
    pub filtered_out: usize,
}

/// A file, feature or date that could not be read, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedSnapshot {
    /// What was wrong, naming the file (and feature).
    pub error: Error,
}

/// One piece of held area read from a file.
struct Piece {
    date: Date,
    area: Area,
    origin: String,
}

/// Reads a control map from a folder of snapshot files (`*.geojson`,
/// `*.json`, `*.geojsonl`, `*.geojsons`, `*.kml`, `*.kmz`, read in name
/// order) or from one file (a FeatureCollection, a Feature, a GeoJSON Text
/// Sequence, or KML/KMZ: each Placemark a feature, its TimeStamp its date).
///
/// A feature's date is its `date` or `as_of` property, else the date in
/// its file's name (see [`date_from_name`]). Features of one date are
/// merged into one snapshot (their union); two files giving the same date
/// is an error. Polygons and MultiPolygons are read; a feature of any other
/// geometry is an error (a snapshot must be an area).
///
/// # Errors
/// [`Error::Io`] if the path cannot be read; [`Error::UnsupportedFormat`]
/// for a file that is not GeoJSON; [`Error::Format`] or
/// [`Error::InvalidGeometry`] for a bad feature or a date that cannot be
/// read; [`Error::DuplicateDate`] for two files of one date. Each names the
/// file, and the feature by its index. With [`ReadOptions::skipping_bad`]
/// these go to [`Loaded::skipped`] instead, but an I/O error on the path
/// itself and a folder with no snapshot are still errors.
///
/// ```no_run
/// use strikemap::{Date, io::control::{ReadOptions, read}};
/// let loaded = read("deepstate-map-data/data", &ReadOptions::new())?;
/// let day = loaded.map.as_of(Date::constant(2025, 6, 2))?;
/// println!("{} km² held on {}", day.held_km2().round(), day.date_used());
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn read(path: impl AsRef<Path>, options: &ReadOptions) -> Result<Loaded> {
    let path = path.as_ref();
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(&shown, e))?;
    let files = if meta.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| Error::io(&shown, e))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && is_snapshot_file(p))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Error::format(
                shown,
                "a folder of snapshot files (*.geojson, *.json, *.geojsonl, *.geojsons, *.kml, *.kmz)",
                "none",
            ));
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    let per_file: Vec<(Vec<Piece>, Vec<Error>, usize)> =
        files.par_iter().map(|f| read_file(f, options)).collect();
    let labels: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    assemble(&shown, per_file, &labels, options).map(|(map, skipped, filtered_out)| Loaded {
        map,
        files,
        skipped,
        filtered_out,
    })
}

/// Reads a control map from one file's bytes (a FeatureCollection, a
/// Feature or a GeoJSON Text Sequence), as [`read`] reads a file; `name` is
/// the file's name, which gives the date of features that carry none.
///
/// # Errors
/// As [`read`], naming `name`.
///
/// ```
/// use strikemap::{Date, io::control::{ReadOptions, read_bytes}};
/// let text = br#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon",
///     "coordinates":[[[37,48],[38,48],[38,49],[37,49],[37,48]]]}}"#;
/// let loaded = read_bytes("held_20250602.geojson", text, &ReadOptions::new())?;
/// assert_eq!(loaded.map.date_range(), Some((Date::constant(2025, 6, 2), Date::constant(2025, 6, 2))));
/// assert!(read_bytes("held.geojson", text, &ReadOptions::new()).is_err()); // no date anywhere
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn read_bytes(name: &str, bytes: &[u8], options: &ReadOptions) -> Result<Loaded> {
    let file_name = Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(name);
    let one = match pieces_of(bytes, file_name, options) {
        Ok((pieces, errors, filtered)) => (
            pieces,
            errors.into_iter().map(|e| e.at(name.to_string())).collect(),
            filtered,
        ),
        Err(e) => (Vec::new(), vec![e.at(name.to_string())], 0),
    };
    assemble(name, vec![one], &[name.to_string()], options).map(|(map, skipped, filtered_out)| {
        Loaded {
            map,
            files: vec![PathBuf::from(name)],
            skipped,
            filtered_out,
        }
    })
}

/// The control map from each file's pieces, errors and filtered count.
fn assemble(
    shown: &str,
    per_file: Vec<(Vec<Piece>, Vec<Error>, usize)>,
    labels: &[String],
    options: &ReadOptions,
) -> Result<(ControlMap, Vec<SkippedSnapshot>, usize)> {
    let mut skipped = Vec::new();
    let mut filtered_out = 0;
    // Pieces by date, each date remembering the file(s) it came from.
    let mut by_date: BTreeMap<Date, (Vec<Piece>, String)> = BTreeMap::new();
    for ((pieces, errors, filtered), file_name) in per_file.into_iter().zip(labels) {
        filtered_out += filtered;
        for e in errors {
            if options.skip_bad {
                skipped.push(SkippedSnapshot { error: e });
            } else {
                return Err(e);
            }
        }
        let mut dates_here: Vec<Date> = Vec::new();
        for piece in pieces {
            let date = piece.date;
            match by_date.get_mut(&date) {
                Some((group, origin)) if origin == file_name => group.push(piece),
                Some((_, origin)) => {
                    let e = Error::DuplicateDate {
                        date,
                        first: origin.clone(),
                        second: file_name.clone(),
                    };
                    if options.skip_bad {
                        if !dates_here.contains(&date) {
                            skipped.push(SkippedSnapshot { error: e });
                            dates_here.push(date);
                        }
                    } else {
                        return Err(e);
                    }
                }
                None => {
                    by_date.insert(date, (vec![piece], file_name.clone()));
                }
            }
        }
    }
    let name = options.name.clone().unwrap_or_else(|| shown.to_string());
    let mut map = ControlMap::new(name);
    let merged: Vec<(Date, Result<Area>, String)> = by_date
        .into_par_iter()
        .map(|(date, (pieces, file))| {
            let origin = origin_of(&file, &pieces);
            let areas: Vec<Area> = pieces.into_iter().map(|p| p.area).collect();
            let area = union(&areas).and_then(|a| {
                a.ok_or_else(|| Error::InvalidGeometry {
                    reason: "the features of this date merge into nothing".into(),
                })
            });
            (date, area.map_err(|e| e.at(origin.clone())), origin)
        })
        .collect();
    for (date, area, origin) in merged {
        match area.and_then(|a| map.insert(date, a, origin)) {
            Ok(()) => {}
            Err(e) if options.skip_bad => skipped.push(SkippedSnapshot { error: e }),
            Err(e) => return Err(e),
        }
    }
    if map.is_empty() {
        return Err(Error::format(
            shown.to_string(),
            "at least one snapshot (a Polygon or MultiPolygon feature with a date)",
            format!("none ({} skipped)", skipped.len()),
        ));
    }
    Ok((map, skipped, filtered_out))
}

/// Where a snapshot came from: its file, and its features when the file
/// holds several dates or pieces.
fn origin_of(file: &str, pieces: &[Piece]) -> String {
    match pieces {
        [one] if one.origin.is_empty() => file.to_string(),
        _ => {
            let features: Vec<&str> = pieces.iter().map(|p| p.origin.as_str()).collect();
            format!("{file} ({})", features.join(", "))
        }
    }
}

fn is_snapshot_file(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "geojson" | "json" | "geojsonl" | "geojsons" | "jsonl"
        )
    })
}

/// The pieces of one file, the errors of its features, and how many
/// features the filter left out. An error of the whole file is one error.
fn read_file(path: &Path, options: &ReadOptions) -> (Vec<Piece>, Vec<Error>, usize) {
    let shown = path.display().to_string();
    match read_file_inner(path, options) {
        Ok((pieces, errors, filtered)) => (
            pieces,
            errors.into_iter().map(|e| e.at(shown.clone())).collect(),
            filtered,
        ),
        Err(e) => (Vec::new(), vec![e.at(shown)], 0),
    }
}

type FileResult = (Vec<Piece>, Vec<Error>, usize);

fn read_file_inner(path: &Path, options: &ReadOptions) -> Result<FileResult> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path.display().to_string(), e))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    pieces_of(&bytes, name, options)
}

/// The pieces of one file's bytes; `file_name` gives the date of features
/// that carry none.
fn pieces_of(bytes: &[u8], file_name: &str, options: &ReadOptions) -> Result<FileResult> {
    let kind = FileKind::sniff(bytes).require(&[
        FileKind::Json,
        FileKind::JsonSeq,
        FileKind::Kml,
        FileKind::Kmz,
        FileKind::Zip,
    ])?;
    if matches!(kind, FileKind::Kml | FileKind::Kmz | FileKind::Zip) {
        return placemark_pieces(bytes, file_name, options);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| Error::format("file", "UTF-8 text", e.to_string()))?;
    let text = text.trim_start_matches('\u{feff}');
    let file_date = date_from_name(file_name)?;
    let features: Vec<(String, Result<Feature>)> = match kind {
        FileKind::JsonSeq => sequence(text),
        _ => match serde_json::from_str::<GeoJson>(text) {
            Ok(GeoJson::FeatureCollection(fc)) => {
                if let Some(members) = &fc.foreign_members {
                    check_crs(members)?;
                }
                fc.features
                    .into_iter()
                    .enumerate()
                    .map(|(i, f)| (format!("feature {i}"), Ok(f)))
                    .collect()
            }
            Ok(GeoJson::Feature(f)) => vec![(String::new(), Ok(f))],
            Ok(GeoJson::Geometry(g)) => vec![(String::new(), Ok(Feature::from(g)))],
            // Newline-delimited GeoJSON (one Feature per line).
            Err(_) if text.lines().filter(|l| !l.trim().is_empty()).count() > 1 => sequence(text),
            Err(e) => {
                return Err(Error::format(
                    "GeoJSON text",
                    "valid GeoJSON",
                    e.to_string(),
                ));
            }
        },
    };
    Ok(collect_pieces(features, file_date, options))
}

/// The pieces of a file's features, the errors of those that could not be
/// read, and how many the filter left out.
fn collect_pieces(
    features: Vec<(String, Result<Feature>)>,
    file_date: Option<Date>,
    options: &ReadOptions,
) -> FileResult {
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut filtered = 0;
    let single = features.len() == 1;
    for (label, feature) in features {
        let result = feature.and_then(|f| {
            if let Some((key, value)) = &options.only {
                let matches = f
                    .property(key)
                    .and_then(serde_json::Value::as_str)
                    .is_some_and(|v| v == value);
                if !matches {
                    return Ok(None);
                }
            }
            piece(
                &f,
                file_date,
                if single { String::new() } else { label.clone() },
            )
            .map(Some)
        });
        match result {
            Ok(Some(p)) => pieces.push(p),
            Ok(None) => filtered += 1,
            Err(e) if label.is_empty() => errors.push(e),
            Err(e) => errors.push(e.at(label)),
        }
    }
    (pieces, errors, filtered)
}

/// The pieces of a KML or KMZ file (Google Earth drawings of the held
/// area): each Placemark read as a GeoJSON Feature by
/// [`io::kml`](crate::io::kml), its TimeStamp (or TimeSpan's begin) as its
/// `date`, named by its index, name and line in errors.
fn placemark_pieces(bytes: &[u8], file_name: &str, options: &ReadOptions) -> Result<FileResult> {
    let mut features: Vec<(String, Result<Feature>)> = Vec::new();
    let input = crate::io::points::Sniffed::new(bytes, file_name)?;
    crate::io::kml::for_each_placemark(input, file_name, |placemark| {
        match placemark {
            Ok(p) => {
                let label = p.location();
                let feature = serde_json::from_value::<Feature>(p.feature)
                    .map_err(|e| Error::format("Placemark", "a GeoJSON Feature", e.to_string()));
                features.push((label, feature));
            }
            Err(e) => features.push((String::from("Placemark"), Err(e))),
        }
        Ok(())
    })?;
    Ok(collect_pieces(
        features,
        date_from_name(file_name)?,
        options,
    ))
}

/// The records of a GeoJSON Text Sequence (RFC 8142) or of newline-delimited
/// GeoJSON, each as a feature or its error.
fn sequence(text: &str) -> Vec<(String, Result<Feature>)> {
    let records: Vec<&str> = if text.contains('\u{1e}') {
        text.split('\u{1e}').collect()
    } else {
        text.lines().collect()
    };
    records
        .into_iter()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .enumerate()
        .map(|(i, r)| {
            let f = serde_json::from_str::<Feature>(r)
                .map_err(|e| Error::format("GeoJSON text", "a GeoJSON Feature", e.to_string()));
            (format!("record {}", i + 1), f)
        })
        .collect()
}

fn piece(feature: &Feature, file_date: Option<Date>, origin: String) -> Result<Piece> {
    let dated = ["date", "as_of"]
        .into_iter()
        .find_map(|k| feature.property(k).map(|v| (k, v)));
    let date = match (dated, file_date) {
        (Some((key, value)), _) => {
            date_from_value(value).map_err(|e| e.at(format!("properties.{key}")))?
        }
        (None, Some(d)) => d,
        (None, None) => {
            return Err(Error::format(
                "properties",
                "a date: a date or as_of property, or a date in the file name (YYYYMMDD or YYYY-MM-DD)",
                "none",
            ));
        }
    };
    let geometry = feature.geometry.as_ref().ok_or_else(|| {
        Error::format(
            "geometry",
            "a Polygon or MultiPolygon (a held area)",
            "null",
        )
    })?;
    let area = Area::try_from(geometry)?;
    Ok(Piece { date, area, origin })
}
