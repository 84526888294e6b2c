//! Streaming: FeatureCollections and GeoJSON Text Sequences (RFC 8142)
//! written and read one feature at a time, never holding them all.
//!
//! Features are serialized by `serde_json` straight from the models
//! (`streamed.rs`); the FeatureCollection around them is written with
//! `serde_json`'s formatter. [`FeatureCollectionReader`] is a thin layer
//! over the crate's one walk over a FeatureCollection (`walk.rs`), which
//! it shares with [`PointFeatures`](crate::io::points::PointFeatures):
//! the walk hands out each feature's JSON value, this reader turns it into
//! a [`MapFeature`] (or skips it, lenient).

use std::io::{BufRead, BufReader, Read, Write};

use geojson::{Feature, JsonObject, JsonValue};
use serde_json::ser::{CompactFormatter, Formatter as _};

use super::export::{Ids, catalog_features, io_error};
use super::import::{Skipped, read_feature};
use super::marker::markers;
use super::streamed::StreamedFeature;
use super::walk::FeatureWalk;
use super::{ExportOptions, FileSummary, ImportOptions, MapFeature};
use crate::error::{Error, Result};
use crate::io::BOM;
use crate::model::Catalog;

/// The record separator that starts every record of a GeoJSON Text
/// Sequence (RFC 8142 §2).
///
/// ```
/// assert_eq!(strikemap::io::geojson::RECORD_SEPARATOR, 0x1E);
/// ```
pub const RECORD_SEPARATOR: u8 = 0x1E;

/// A failure to write, as the `std::io::Error` behind it (serde_json hands
/// back the writer's own).
fn output_error(e: impl Into<std::io::Error>) -> Error {
    io_error("<output>", e.into())
}

fn input_error(e: std::io::Error) -> Error {
    io_error("<input>", e)
}

fn json_error(e: &serde_json::Error) -> Error {
    Error::format("GeoJSON text", "valid JSON", e.to_string())
}

/// Writes a FeatureCollection feature by feature, so memory does not grow
/// with the number of features (only the set of ids used, to keep them
/// unique, at 8 bytes a feature). Per-feature `bbox` is written if the
/// options ask for it; the collection's `bbox` cannot be, since it is only
/// known at the end.
///
/// Each feature is serialized by `serde_json` straight from the model (no
/// JSON object is built for it), with the members `geojson::Feature`
/// writes; the collection around them is written token by token with
/// `serde_json`'s formatter. Call [`FeatureCollectionWriter::finish`] to
/// see errors: a writer dropped unfinished closes the collection as best
/// it can, the way the `geojson` crate's `FeatureWriter` does.
///
/// ```
/// use strikemap::{City, CountryCode, LatLon, io::geojson::{ExportOptions, FeatureCollectionWriter}};
/// let mut out = Vec::new();
/// let mut w = FeatureCollectionWriter::new(&mut out, ExportOptions::default());
/// w.write(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?))?;
/// let summary = w.finish()?;
/// assert_eq!(summary.features(), 1);
/// let v: serde_json::Value = serde_json::from_slice(&out)?;
/// assert_eq!(v["features"][0]["geometry"]["coordinates"], serde_json::json!([30.52, 50.45]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct FeatureCollectionWriter<W: Write> {
    collection: Collection<W>,
    options: ExportOptions,
    ids: Ids,
    summary: FileSummary,
}

/// How far the collection around the features is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    /// Nothing yet.
    New,
    /// `{"type":"FeatureCollection","features":[` and, unless `first`, a feature.
    Open { first: bool },
    /// Closed.
    Closed,
}

/// `"key":`, as the first member of an object or after others.
fn object_key<W: Write>(w: &mut W, first: bool, key: &str) -> std::io::Result<()> {
    CompactFormatter.begin_object_key(w, first)?;
    serde_json::to_writer(&mut *w, key)?;
    CompactFormatter.end_object_key(w)?;
    CompactFormatter.begin_object_value(w)
}

impl<W: Write> FeatureCollectionWriter<W> {
    /// A writer of one FeatureCollection into `writer` (wrap files in a
    /// `BufWriter`).
    ///
    /// ```
    /// let w = strikemap::io::geojson::FeatureCollectionWriter::new(Vec::new(), strikemap::io::geojson::ExportOptions::default());
    /// assert_eq!(w.summary().features(), 0);
    /// ```
    pub fn new(writer: W, options: ExportOptions) -> FeatureCollectionWriter<W> {
        FeatureCollectionWriter {
            collection: Collection {
                writer,
                framing: Framing::New,
            },
            options,
            ids: Ids::default(),
            summary: FileSummary::default(),
        }
    }

    /// Writes one feature (ids are made unique as in [`MapExport`](crate::MapExport)),
    /// followed by its markers if it is a range ring or strike arc (as
    /// [`MapExport::add`](crate::MapExport::add) writes them).
    ///
    /// # Errors
    /// As [`MapFeature::to_feature`]; [`Error::Io`] if writing fails.
    ///
    /// ```
    /// use strikemap::{LatLon, Site, CountryCode, io::geojson::{ExportOptions, FeatureCollectionWriter}};
    /// let mut w = FeatureCollectionWriter::new(Vec::new(), ExportOptions::default());
    /// w.write(Site::new("Depot", LatLon::new(49.0, 36.0)?, CountryCode::new("UA")?))?;
    /// assert_eq!(w.finish()?.features(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn write(&mut self, feature: impl Into<MapFeature>) -> Result<()> {
        let feature = feature.into();
        let feature = super::export::ranked(&feature, &self.options, &mut self.ids);
        let streamed = StreamedFeature::new(&feature, &self.options, || self.ids.assign(&feature))?;
        let markers = markers(
            &feature,
            streamed.drawn(),
            streamed.id(),
            &self.options,
            &mut self.ids,
        )?;
        let geometry_type = streamed.geometry_type();
        self.collection.write_value(&streamed)?;
        self.summary.add_type(geometry_type);
        for m in &markers {
            self.collection.write_value(m)?;
            self.summary.add(m);
        }
        Ok(())
    }

    /// Writes a feature already in GeoJSON form, as it is.
    ///
    /// # Errors
    /// [`Error::Io`] if writing fails.
    ///
    /// ```
    /// let mut w = strikemap::io::geojson::FeatureCollectionWriter::new(Vec::new(), strikemap::io::geojson::ExportOptions::default());
    /// w.write_geojson(&geojson::Feature::from(geojson::Geometry::new_point([30.5, 50.4])))?;
    /// assert_eq!(w.summary().geometry_types(), ["Point"]);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn write_geojson(&mut self, feature: &Feature) -> Result<()> {
        self.collection.write_value(feature)?;
        self.summary.add(feature);
        Ok(())
    }

    /// Writes a catalog as [`MapExport::add_catalog`](crate::MapExport::add_catalog) would.
    ///
    /// # Errors
    /// As [`FeatureCollectionWriter::write`].
    ///
    /// ```
    /// let mut w = strikemap::io::geojson::FeatureCollectionWriter::new(Vec::new(), strikemap::io::geojson::ExportOptions::default());
    /// w.write_catalog(&strikemap::Catalog::new())?;
    /// assert_eq!(w.finish()?.features(), 0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn write_catalog(&mut self, catalog: &Catalog) -> Result<()> {
        for f in catalog_features(catalog, &self.options) {
            self.write(f)?;
        }
        Ok(())
    }

    /// What was written so far.
    ///
    /// ```
    /// let w = strikemap::io::geojson::FeatureCollectionWriter::new(Vec::new(), strikemap::io::geojson::ExportOptions::default());
    /// assert!(w.summary().geometry_types().is_empty());
    /// ```
    pub fn summary(&self) -> &FileSummary {
        &self.summary
    }

    /// Closes the collection and flushes; returns what was written.
    ///
    /// # Errors
    /// [`Error::Io`] if writing or flushing fails.
    ///
    /// ```
    /// let mut out = Vec::new();
    /// strikemap::io::geojson::FeatureCollectionWriter::new(&mut out, strikemap::io::geojson::ExportOptions::default()).finish()?;
    /// let v: serde_json::Value = serde_json::from_slice(&out)?;
    /// assert_eq!(v, serde_json::json!({"type": "FeatureCollection", "features": []}));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn finish(mut self) -> Result<FileSummary> {
        self.collection.close().map_err(output_error)?;
        self.collection.writer.flush().map_err(output_error)?;
        Ok(std::mem::take(&mut self.summary))
    }
}

/// The FeatureCollection around the features, and where it goes.
struct Collection<W: Write> {
    writer: W,
    framing: Framing,
}

impl<W: Write> Collection<W> {
    /// Writes one element of `features`, opening the collection first if
    /// this is the first.
    fn write_value(&mut self, feature: &impl serde::Serialize) -> Result<()> {
        let first = match self.framing {
            Framing::New => {
                self.open().map_err(output_error)?;
                true
            }
            Framing::Open { first } => first,
            Framing::Closed => {
                return Err(output_error(std::io::Error::other(
                    "the collection is already closed",
                )));
            }
        };
        let w = &mut self.writer;
        CompactFormatter
            .begin_array_value(w, first)
            .map_err(output_error)?;
        serde_json::to_writer(&mut *w, feature).map_err(output_error)?;
        CompactFormatter.end_array_value(w).map_err(output_error)?;
        self.framing = Framing::Open { first: false };
        Ok(())
    }

    /// `{"type":"FeatureCollection","features":[`.
    fn open(&mut self) -> std::io::Result<()> {
        let w = &mut self.writer;
        CompactFormatter.begin_object(w)?;
        object_key(w, true, "type")?;
        serde_json::to_writer(&mut *w, "FeatureCollection")?;
        CompactFormatter.end_object_value(w)?;
        object_key(w, false, "features")?;
        CompactFormatter.begin_array(w)?;
        self.framing = Framing::Open { first: true };
        Ok(())
    }

    /// `]}`, after opening the collection if nothing was written.
    fn close(&mut self) -> std::io::Result<()> {
        match self.framing {
            Framing::Closed => return Ok(()),
            Framing::New => self.open()?,
            Framing::Open { .. } => {}
        }
        self.framing = Framing::Closed;
        let w = &mut self.writer;
        CompactFormatter.end_array(w)?;
        CompactFormatter.end_object_value(w)?;
        CompactFormatter.end_object(w)
    }
}

/// Closes the collection of a writer dropped without
/// [`FeatureCollectionWriter::finish`] (errors cannot be reported here).
impl<W: Write> Drop for Collection<W> {
    fn drop(&mut self) {
        if self.framing != Framing::Closed && self.close().is_ok() {
            let _ = self.writer.flush();
        }
    }
}

/// `bytes` without a leading UTF-8 byte order mark.
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes)
}

/// One record of a sequence: the record separator, the feature's JSON, a
/// line feed.
fn write_record<W: Write>(writer: &mut W, feature: &impl serde::Serialize) -> Result<()> {
    writer
        .write_all(&[RECORD_SEPARATOR])
        .map_err(output_error)?;
    serde_json::to_writer(&mut *writer, feature).map_err(output_error)?;
    writer.write_all(b"\n").map_err(output_error)
}

/// Writes a GeoJSON Text Sequence (RFC 8142, `.geojsons`): each feature is
/// one record, the record separator 0x1E, the feature's JSON, a line feed.
///
/// ```
/// use strikemap::{City, CountryCode, LatLon, io::geojson::{ExportOptions, SequenceWriter}};
/// let mut out = Vec::new();
/// let mut w = SequenceWriter::new(&mut out, ExportOptions::default());
/// w.write(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?))?;
/// w.finish()?;
/// assert_eq!((out[0], *out.last().unwrap()), (0x1E, b'\n'));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub struct SequenceWriter<W: Write> {
    writer: W,
    options: ExportOptions,
    ids: Ids,
    summary: FileSummary,
}

impl<W: Write> SequenceWriter<W> {
    /// A writer of records into `writer` (wrap files in a `BufWriter`).
    ///
    /// ```
    /// let w = strikemap::io::geojson::SequenceWriter::new(Vec::new(), strikemap::io::geojson::ExportOptions::default());
    /// assert_eq!(w.summary().features(), 0);
    /// ```
    pub fn new(writer: W, options: ExportOptions) -> SequenceWriter<W> {
        SequenceWriter {
            writer,
            options,
            ids: Ids::default(),
            summary: FileSummary::default(),
        }
    }

    /// Writes one feature as a record, followed by its markers (one record
    /// each) if it is a range ring or strike arc.
    ///
    /// # Errors
    /// As [`MapFeature::to_feature`]; [`Error::Io`] if writing fails.
    ///
    /// ```
    /// use strikemap::{CountryCode, LatLon, Site, io::geojson::{ExportOptions, SequenceWriter}};
    /// let mut w = SequenceWriter::new(Vec::new(), ExportOptions::default());
    /// w.write(Site::new("Depot", LatLon::new(49.0, 36.0)?, CountryCode::new("UA")?))?;
    /// assert_eq!(w.summary().features(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn write(&mut self, feature: impl Into<MapFeature>) -> Result<()> {
        let feature = feature.into();
        let feature = super::export::ranked(&feature, &self.options, &mut self.ids);
        let streamed = StreamedFeature::new(&feature, &self.options, || self.ids.assign(&feature))?;
        let markers = markers(
            &feature,
            streamed.drawn(),
            streamed.id(),
            &self.options,
            &mut self.ids,
        )?;
        write_record(&mut self.writer, &streamed)?;
        self.summary.add_type(streamed.geometry_type());
        for m in &markers {
            write_record(&mut self.writer, m)?;
            self.summary.add(m);
        }
        Ok(())
    }

    /// Writes a feature already in GeoJSON form as a record.
    ///
    /// # Errors
    /// [`Error::Io`] if writing fails.
    ///
    /// ```
    /// let mut out = Vec::new();
    /// let mut w = strikemap::io::geojson::SequenceWriter::new(&mut out, strikemap::io::geojson::ExportOptions::default());
    /// w.write_geojson(&geojson::Feature::from(geojson::Geometry::new_point([30.5, 50.4])))?;
    /// w.finish()?;
    /// assert_eq!(out[0], 0x1E);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn write_geojson(&mut self, feature: &Feature) -> Result<()> {
        write_record(&mut self.writer, feature)?;
        self.summary.add(feature);
        Ok(())
    }

    /// Writes a catalog as [`MapExport::add_catalog`](crate::MapExport::add_catalog) would.
    ///
    /// # Errors
    /// As [`SequenceWriter::write`].
    ///
    /// ```
    /// let mut w = strikemap::io::geojson::SequenceWriter::new(Vec::new(), strikemap::io::geojson::ExportOptions::default());
    /// w.write_catalog(&strikemap::Catalog::new())?;
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn write_catalog(&mut self, catalog: &Catalog) -> Result<()> {
        for f in catalog_features(catalog, &self.options) {
            self.write(f)?;
        }
        Ok(())
    }

    /// What was written so far.
    ///
    /// ```
    /// let w = strikemap::io::geojson::SequenceWriter::new(Vec::new(), strikemap::io::geojson::ExportOptions::default());
    /// assert!(w.summary().geometry_types().is_empty());
    /// ```
    pub fn summary(&self) -> &FileSummary {
        &self.summary
    }

    /// Flushes; returns what was written.
    ///
    /// # Errors
    /// [`Error::Io`] if flushing fails.
    ///
    /// ```
    /// assert_eq!(strikemap::io::geojson::SequenceWriter::new(Vec::new(), strikemap::io::geojson::ExportOptions::default()).finish()?.features(), 0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn finish(mut self) -> Result<FileSummary> {
        self.writer.flush().map_err(output_error)?;
        Ok(self.summary)
    }
}

/// Reads a FeatureCollection feature by feature, in constant memory per
/// feature: an iterator of [`MapFeature`]s (read as
/// [`Imported`](crate::io::geojson::Imported) reads them).
///
/// A feature that cannot be read gives an error naming it (`feature 3:
/// …`) and reading goes on with the next one; with
/// [`ImportOptions::with_lenient`] such features are skipped and listed in
/// [`FeatureCollectionReader::skipped`]. Broken JSON (named by its line
/// and column in the whole input: `feature 3: line 40, column 12: …`) or
/// a document that is not a FeatureCollection ends the iteration with an
/// error. The members of the collection may come in any order; the others
/// than `type`, `features` and `bbox` are collected in
/// [`FeatureCollectionReader::members`]. A UTF-8 byte order mark at the
/// start is skipped.
///
/// ```
/// use strikemap::{io::geojson::{FeatureCollectionReader, ImportOptions}};
/// let text = br#"{"bbox":[30,50,31,51],"type":"FeatureCollection","features":[
///   {"type":"Feature","geometry":{"type":"Point","coordinates":[30.52,50.45]},"properties":{"kind":"city","name":"Kyiv","country":"UA"}},
///   {"type":"Feature","geometry":{"type":"Point","coordinates":[30.6,95]},"properties":{"kind":"city","name":"Bad","country":"UA"}}
/// ],"name":"demo"}"#;
/// let mut r = FeatureCollectionReader::new(&text[..], ImportOptions::default());
/// assert_eq!(r.next().unwrap()?.item.name(), "Kyiv");
/// let err = r.next().unwrap().unwrap_err();
/// assert_eq!(err.report().to_string(), "feature 1: geometry.coordinates: latitude 95 is out of range [-90, 90]");
/// assert!(r.next().is_none());
/// assert_eq!(r.members()["name"], "demo");
/// # Ok::<(), strikemap::Error>(())
/// ```
pub struct FeatureCollectionReader<R: Read> {
    walk: FeatureWalk<R>,
    options: ImportOptions,
    skipped: Vec<Skipped>,
}

impl<R: Read> FeatureCollectionReader<R> {
    /// A reader of the FeatureCollection in `reader`.
    ///
    /// ```
    /// let mut r = strikemap::io::geojson::FeatureCollectionReader::new(&b"{\"type\":\"FeatureCollection\",\"features\":[]}"[..], Default::default());
    /// assert!(r.next().is_none());
    /// ```
    pub fn new(reader: R, options: ImportOptions) -> FeatureCollectionReader<R> {
        FeatureCollectionReader {
            walk: FeatureWalk::new(reader, "<input>"),
            options,
            skipped: Vec::new(),
        }
    }

    /// Top-level members read so far, other than `type`, `features` and `bbox`.
    ///
    /// ```
    /// let r = strikemap::io::geojson::FeatureCollectionReader::new(&b""[..], Default::default());
    /// assert!(r.members().is_empty());
    /// ```
    pub fn members(&self) -> &JsonObject {
        self.walk.members()
    }

    /// The features skipped so far (lenient mode), each with its error.
    ///
    /// ```
    /// let r = strikemap::io::geojson::FeatureCollectionReader::new(&b""[..], Default::default());
    /// assert!(r.skipped().is_empty());
    /// ```
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }
}

impl<R: Read> Iterator for FeatureCollectionReader<R> {
    type Item = Result<MapFeature>;

    fn next(&mut self) -> Option<Result<MapFeature>> {
        loop {
            let (index, value) = match self.walk.next_feature() {
                Ok(Some(feature)) => feature,
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            };
            match read_feature(&value, index, &self.options) {
                Ok(Some(f)) => return Some(Ok(f)),
                // A marker the export derived from a ring or arc.
                Ok(None) => {}
                Err(e) => {
                    let error = e.at(format!("feature {index}"));
                    if !self.options.lenient() {
                        return Some(Err(error));
                    }
                    self.skipped.push(Skipped { index, error });
                }
            }
        }
    }
}

/// Reads a GeoJSON Text Sequence (RFC 8142) record by record: an iterator
/// of [`MapFeature`]s. A record that cannot be read (broken JSON included,
/// since the next record separator starts afresh) gives an error naming it
/// (`record 3: …`), or, lenient, is skipped and listed in
/// [`SequenceReader::skipped`]. A UTF-8 byte order mark before the first
/// record separator is skipped.
///
/// ```
/// use strikemap::{io::geojson::{ImportOptions, SequenceReader}};
/// let text = b"\x1e{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[30.52,50.45]},\"properties\":{\"kind\":\"city\",\"name\":\"Kyiv\",\"country\":\"UA\"}}\n\x1e{\"type\":\n";
/// let mut r = SequenceReader::new(&text[..], ImportOptions::default());
/// assert_eq!(r.next().unwrap()?.item.name(), "Kyiv");
/// assert!(r.next().unwrap().unwrap_err().report().to_string().starts_with("record 1: GeoJSON text: expected valid JSON"));
/// assert!(r.next().is_none());
/// # Ok::<(), strikemap::Error>(())
/// ```
pub struct SequenceReader<R: Read> {
    reader: BufReader<R>,
    options: ImportOptions,
    index: usize,
    started: bool,
    done: bool,
    skipped: Vec<Skipped>,
}

impl<R: Read> SequenceReader<R> {
    /// A reader of the sequence in `reader`.
    ///
    /// ```
    /// let mut r = strikemap::io::geojson::SequenceReader::new(&b""[..], Default::default());
    /// assert!(r.next().is_none());
    /// ```
    pub fn new(reader: R, options: ImportOptions) -> SequenceReader<R> {
        SequenceReader {
            reader: BufReader::new(reader),
            options,
            index: 0,
            started: false,
            done: false,
            skipped: Vec::new(),
        }
    }

    /// The records skipped so far (lenient mode), each with its error.
    ///
    /// ```
    /// let r = strikemap::io::geojson::SequenceReader::new(&b""[..], Default::default());
    /// assert!(r.skipped().is_empty());
    /// ```
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// The bytes up to the next record separator (which is consumed).
    fn record(&mut self) -> Result<Option<Vec<u8>>> {
        let mut buf = Vec::new();
        let n = self
            .reader
            .read_until(RECORD_SEPARATOR, &mut buf)
            .map_err(input_error)?;
        if n == 0 {
            return Ok(None);
        }
        if buf.last() == Some(&RECORD_SEPARATOR) {
            buf.pop();
        }
        Ok(Some(buf))
    }
}

impl<R: Read> Iterator for SequenceReader<R> {
    type Item = Result<MapFeature>;

    fn next(&mut self) -> Option<Result<MapFeature>> {
        if !self.started {
            self.started = true;
            match self.record() {
                Ok(Some(prefix)) if !without_bom(&prefix).iter().all(u8::is_ascii_whitespace) => {
                    self.done = true;
                    return Some(Err(Error::format(
                        "GeoJSON text sequence",
                        "records each starting with the record separator 0x1E (RFC 8142)",
                        "text before the first record separator",
                    )));
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
        while !self.done {
            let bytes = match self.record() {
                Ok(Some(b)) => b,
                Ok(None) => {
                    self.done = true;
                    break;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            if bytes.iter().all(u8::is_ascii_whitespace) {
                // An empty record (RS RS): nothing to read.
                continue;
            }
            let index = self.index;
            self.index += 1;
            let read = serde_json::from_slice::<JsonValue>(&bytes)
                .map_err(|e| json_error(&e))
                .and_then(|v| read_feature(&v, index, &self.options))
                .map_err(|e| e.at(format!("record {index}")));
            match read {
                Ok(Some(f)) => return Some(Ok(f)),
                // A marker the export derived from a ring or arc.
                Ok(None) => {}
                Err(error) if self.options.lenient() => self.skipped.push(Skipped { index, error }),
                Err(error) => return Some(Err(error)),
            }
        }
        None
    }
}
