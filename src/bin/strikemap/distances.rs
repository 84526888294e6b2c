//! `strikemap distances --from REF --to FILE`: the distance from a reference
//! to every point of a CSV or GeoJSON file, streamed in chunks.
//!
//! Rows are read one at a time by the library's readers, gathered into
//! chunks of [`CHUNK`], measured in parallel (`nearest_many`, rayon) against
//! the reference, whose lines and areas are prepared (indexed) once, and
//! written before the next chunk is read: memory stays bounded whatever the
//! size of the file.
//!
//! The input is opened once and read once, pipes too (`--to /dev/stdin`):
//! its kind is told from its first bytes, which are then read again from
//! memory. CSV output of a GeoJSON input needs every property name before
//! the first row, so its measured rows wait in a temporary file (removed at
//! once where the system allows, else at the end) until the input is read.

use std::cell::Cell;
use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use geojson::{Feature, Geometry, GeometryValue, JsonObject};
use serde_json::Value;
use serde_json::ser::{CompactFormatter, Formatter as _};
use strikemap::{
    ControlMap, Date, Error, LatLon, Method,
    io::control::date_from_value,
    io::geojson::{ExportOptions, FeatureCollectionWriter, FeatureKind, Style},
    io::kml::KmlWriter,
    io::points::{
        ColumnNames, CsvOptions, CsvPoints, CsvRow, Delimiter, KmlPoints, PointFeature,
        PointFeatures, PointFileKind, Sniffed,
    },
    io::target_spec::TargetSpec,
    measure::{Nearest, nearest_many},
};

use crate::target;

use crate::args::DistancesArgs;
use crate::errors::{CliError, CliResult, in_argument};
use crate::output::{Ordered, Output};
use crate::progress::{Counting, Progress};

/// Rows measured together.
pub const CHUNK: usize = 8_192;

/// The columns added to every row (after `--prefix`).
const ADDED: [&str; 4] = ["distance_m", "distance_km", "distance_mi", "inside"];

/// The columns `--control` adds after them (after `--prefix`).
const CONTROL_ADDED: [&str; 2] = ["held", "front_distance_km"];

/// The columns `--where` adds after them (after `--prefix`).
const WHERE_ADDED: [&str; 3] = ["country", "region_code", "region"];

/// What is added to a row: its measure, and (`--where`) the country and
/// region its point lies in.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Measured {
    near: Nearest,
    /// Country (ISO alpha-2), region code, region name; `None` without
    /// `--where`.
    at: Option<[Option<String>; 3]>,
    /// Held, and the distance to the line of contact in km, on the row's
    /// date (`--control`); `Some(None)` for a row dated before the first
    /// snapshot or undated.
    front: Option<Option<(bool, f64)>>,
}

impl Measured {
    /// The added values, in the order of the added columns.
    fn values(&self) -> Vec<Value> {
        let d = self.near.distance;
        let mut values = vec![
            Value::from(d.as_metres()),
            Value::from(d.as_km()),
            Value::from(d.as_miles()),
            Value::Bool(self.near.inside),
        ];
        if let Some(front) = &self.front {
            match front {
                Some((held, km)) => values.extend([Value::Bool(*held), Value::from(*km)]),
                None => values.extend([Value::Null, Value::Null]),
            }
        }
        if let Some(at) = &self.at {
            values.extend(
                at.iter()
                    .map(|v| v.clone().map_or(Value::Null, Value::String)),
            );
        }
        values
    }

    /// The added values as CSV fields (empty for no country or region).
    fn fields(&self) -> Vec<String> {
        let d = self.near.distance;
        let mut fields = vec![
            format!("{:.3}", d.as_metres()),
            format!("{:.6}", d.as_km()),
            format!("{:.6}", d.as_miles()),
            self.near.inside.to_string(),
        ];
        if let Some(front) = &self.front {
            match front {
                Some((held, km)) => fields.extend([held.to_string(), format!("{km:.6}")]),
                None => fields.extend([String::new(), String::new()]),
            }
        }
        if let Some(at) = &self.at {
            fields.extend(at.iter().map(|v| v.clone().unwrap_or_default()));
        }
        fields
    }
}

/// The country and region a point lies in ([`strikemap::regions::locate`]).
fn located(p: strikemap::LatLon) -> [Option<String>; 3] {
    let (country, region) = strikemap::regions::locate(p);
    [
        country.and_then(|c| c.iso_a2).map(|c| c.to_string()),
        region.map(|r| r.code.clone()),
        region.map(|r| r.name.clone()),
    ]
}

/// The columns a CSV row's feature takes its name from, the first non-empty.
const NAME_COLUMNS: [&str; 3] = ["location", "name", "title"];

/// The columns a CSV row's feature takes its id from, the first non-empty
/// (else the row's line number).
const ID_COLUMNS: [&str; 3] = ["id", "event_id", "event_id_cnty"];

/// The output format.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
    /// A FeatureCollection of the points, their columns as properties.
    GeoJson,
    /// KML: a Placemark per point, its columns as ExtendedData.
    Kml,
    /// GeoParquet (`--parquet FILE`): every row waits in a [`Spill`] until
    /// every column's type is known.
    Parquet,
}

impl Format {
    /// Whether each row is written as a Point feature.
    fn is_features(self) -> bool {
        matches!(self, Format::GeoJson | Format::Kml)
    }
}

/// The point features of a GeoJSON, KML or GeoParquet input.
enum FeatureInput<R: std::io::Read> {
    GeoJson(PointFeatures<R>),
    Kml(KmlPoints<R>),
    #[cfg(feature = "parquet")]
    Parquet(strikemap::io::parquet::ParquetPoints),
}

impl<R: std::io::Read> FeatureInput<R> {
    fn for_each(
        self,
        each: impl FnMut(strikemap::Result<PointFeature>) -> strikemap::Result<()>,
    ) -> strikemap::Result<()> {
        match self {
            FeatureInput::GeoJson(f) => f.for_each(each),
            FeatureInput::Kml(f) => f.for_each(each),
            #[cfg(feature = "parquet")]
            FeatureInput::Parquet(f) => f.for_each(each),
        }
    }
}

/// Runs the command.
pub fn run(args: &DistancesArgs) -> CliResult {
    let reference = target::read(&args.from, "--from", &args.narrow)?;
    target::check_narrowing_used(&[&reference], &args.narrow)?;
    let format = match (args.json, args.geojson, args.kml, &args.parquet) {
        (true, ..) => Format::Json,
        (_, true, ..) => Format::GeoJson,
        (_, _, true, _) => Format::Kml,
        (.., Some(_)) => Format::Parquet,
        _ => Format::Csv,
    };
    if format == Format::Parquet && !cfg!(feature = "parquet") {
        return Err(Error::Format {
            expected: "a strikemap built with the parquet feature \
                       (cargo install strikemap --features parquet)"
                .into(),
            found: "one without it".into(),
        }
        .at("argument --parquet")
        .into());
    }
    // Where the output goes: --parquet FILE, -o FILE or standard output.
    let output = args.parquet.as_deref().or(args.output.as_deref());
    let mut names = CsvOptions::new().with_columns(ColumnNames {
        latitude: args.lat_column.clone(),
        longitude: args.lon_column.clone(),
    });
    if let Some(text) = &args.delimiter {
        let delimiter: Delimiter = text.parse().map_err(in_argument("--delimiter"))?;
        names = names.with_delimiter(delimiter);
    }
    let control = match &args.control {
        Some(path) => Some(ControlRun::open(args, path)?),
        None => None,
    };
    let added: Vec<String> = ADDED
        .iter()
        .chain(if control.is_some() {
            &CONTROL_ADDED[..]
        } else {
            &[]
        })
        .chain(if args.r#where { &WHERE_ADDED[..] } else { &[] })
        .map(|name| format!("{}{name}", args.prefix))
        .collect();
    let mut run = Batch {
        reference: &reference.spec,
        method: args.method.method(),
        skip_bad: args.skip_bad,
        skipped: 0,
        failed: None,
        added: added.clone(),
        locate: args.r#where,
        numeric: None,
        control,
    };
    // Open the input before creating the output, so a bad input leaves no file.
    let input = Input::open(&args.to)?;
    let kind = PointFileKind::try_from(input.file.kind()).map_err(|e| e.at(input.label.clone()))?;
    match kind {
        PointFileKind::Csv => {
            let (count, progress) = input.progress();
            let points = CsvPoints::from_reader(
                Counting::new(BufReader::new(input.file), count),
                input.label.clone(),
                &names,
            )?;
            let clash = points
                .headers()
                .iter()
                .find_map(|h| added_clash(h, &added, || format!("column {h:?}")));
            if let Some(clash) = clash {
                return Err(clash.at(input.label.clone()).into());
            }
            let mut out = Output::open(output)?;
            run.csv_file(points, format, &mut out, &progress)?;
            progress.finish();
            end(out, format)?;
        }
        PointFileKind::GeoJson | PointFileKind::Kml | PointFileKind::Parquet => {
            let (count, progress) = input.progress();
            let features = match kind {
                PointFileKind::Kml => {
                    let label = input.label.clone();
                    let file =
                        Sniffed::new(Counting::new(BufReader::new(input.file), count), &label)?;
                    FeatureInput::Kml(KmlPoints::new(file, label))
                }
                PointFileKind::Parquet => parquet_input(&args.to)?,
                _ => FeatureInput::GeoJson(PointFeatures::from_reader(
                    Counting::new(BufReader::new(input.file), count),
                    input.label.clone(),
                )),
            };
            let mut out = Output::open(output)?;
            let files = (input.label.as_str(), &mut out);
            run.feature_file(features, format, files, &progress)?;
            progress.finish();
            end(out, format)?;
        }
    }
    if !matches!(reference.spec, TargetSpec::Country(_)) {
        // What was measured to: a point with its country, or what of a file
        // (after the output, so that a failure is its one line alone).
        crate::echo::to_stderr("--from", &reference.shown);
    }
    if run.skipped > 0 {
        crate::print_stderr(&format!(
            "strikemap: warning: skipped {} bad row(s) of {}",
            run.skipped, input.label
        ));
    }
    if let Some(c) = &run.control {
        c.report(&input.label);
    }
    Ok(())
}

/// `--control`: the control map, the date column, and the rows that had no
/// snapshot.
struct ControlRun {
    map: ControlMap,
    column: String,
    strict: bool,
    /// Rows undated or dated before the first snapshot.
    undated: Cell<u64>,
}

impl ControlRun {
    fn open(args: &DistancesArgs, path: &Path) -> CliResult<ControlRun> {
        let control = crate::args::ControlArgs::of(path, args.within.clone());
        let (map, _) = crate::front::load(&control)?;
        // Every line of contact now, in parallel, once.
        map.prepare()?;
        Ok(ControlRun {
            map,
            column: args
                .date_column
                .clone()
                .unwrap_or_else(|| "event_date".into()),
            strict: args.strict,
            undated: Cell::new(0),
        })
    }

    /// The date of a row from its date column's text (`None` if empty).
    fn date(&self, text: Option<&str>) -> strikemap::Result<Option<Date>> {
        match text.map(str::trim) {
            None | Some("") => Ok(None),
            Some(t) => date_from_value(&Value::String(t.to_string()))
                .map(Some)
                .map_err(|e| e.at(format!("column {}", self.column))),
        }
    }

    /// Held and the distance to the line of contact for each point on its
    /// date; `None` where there is no snapshot (an error with `--strict`).
    fn measure(
        &self,
        positions: &[LatLon],
        dates: &[Option<Date>],
    ) -> strikemap::Result<Vec<Option<(bool, f64)>>> {
        use rayon::prelude::*;
        let map = &self.map;
        let strict = self.strict;
        let out: Vec<strikemap::Result<Option<(bool, f64)>>> = positions
            .par_iter()
            .zip(dates)
            .map(|(p, d)| {
                let Some(d) = d else { return Ok(None) };
                match map.as_of(*d) {
                    Ok(day) => Ok(Some((day.holds(*p), day.distance_to_contact(*p)?.as_km()))),
                    Err(e) if e.is_no_snapshot() && !strict => Ok(None),
                    Err(e) => Err(e),
                }
            })
            .collect();
        let out = out.into_iter().collect::<strikemap::Result<Vec<_>>>()?;
        if self.strict
            && let Some(i) = dates.iter().position(Option::is_none)
        {
            return Err(Error::Format {
                expected: format!("a date in column {} (--strict)", self.column),
                found: "an empty value".into(),
            }
            .at(format!("row {} of this chunk", i + 1)));
        }
        self.undated
            .set(self.undated.get() + out.iter().filter(|v| v.is_none()).count() as u64);
        Ok(out)
    }

    fn report(&self, label: &str) {
        if self.undated.get() > 0 {
            let first = self
                .map
                .date_range()
                .map(|(a, _)| a.to_string())
                .unwrap_or_default();
            crate::print_stderr(&format!(
                "strikemap: warning: {} row(s) of {label} undated or dated before the first control snapshot ({first}): held and front_distance_km left empty",
                self.undated.get()
            ));
        }
    }
}

/// A GeoParquet input, opened again by its path (Parquet is read from its
/// footer, so a file, not a pipe).
#[cfg(feature = "parquet")]
fn parquet_input<R: std::io::Read>(path: &Path) -> CliResult<FeatureInput<R>> {
    Ok(FeatureInput::Parquet(
        strikemap::io::parquet::ParquetPoints::open(path)?,
    ))
}

/// Without the `parquet` feature a Parquet input is refused, saying so.
#[cfg(not(feature = "parquet"))]
fn parquet_input<R: std::io::Read>(path: &Path) -> CliResult<FeatureInput<R>> {
    Err(Error::Format {
        expected: "a strikemap built with the parquet feature to read Parquet \
                   (cargo install strikemap --features parquet)"
            .into(),
        found: "Apache Parquet".into(),
    }
    .at(path.display().to_string())
    .into())
}

/// Ends the output: a line break after a FeatureCollection (CSV and JSON
/// end with one already), then the file put in place.
fn end(mut out: Output, format: Format) -> CliResult {
    if format == Format::GeoJson {
        out.text("\n")?;
    }
    out.finish()
}

/// The opened input file, its first bytes read to tell its kind.
struct Input {
    file: Sniffed<File>,
    label: String,
    size: u64,
}

impl Input {
    fn open(path: &Path) -> CliResult<Input> {
        let label = path.display().to_string();
        let file = File::open(path).map_err(|e| Error::Io {
            path: label.clone(),
            source: e.into(),
        })?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        let file = Sniffed::new(file, &label)?;
        Ok(Input { file, label, size })
    }

    fn progress(&self) -> (Rc<Cell<u64>>, Progress) {
        let count = Rc::new(Cell::new(0));
        (count.clone(), Progress::new(self.size, count))
    }
}

/// One batch run: the reference and what happened so far.
struct Batch<'a> {
    reference: &'a TargetSpec,
    method: Method,
    skip_bad: bool,
    skipped: u64,
    /// A write failure, kept while the reader unwinds.
    failed: Option<CliError>,
    /// The names of the added columns, `--prefix` first.
    added: Vec<String>,
    /// Whether to add the country and region of each point (`--where`).
    locate: bool,
    /// Which CSV columns are written as numbers (JSON and GeoJSON output),
    /// decided on the first chunk.
    numeric: Option<Vec<bool>>,
    /// `--control`: held and the distance to the line of contact by date.
    control: Option<ControlRun>,
}

/// The error that stops a reader after a write failure (never shown).
fn stop() -> Error {
    Error::Io {
        path: "<stdout>".into(),
        source: io::Error::other("output failed").into(),
    }
}

impl Batch<'_> {
    /// A bad row: stop (the default) or list it and go on.
    fn bad(&mut self, error: Error, progress: &Progress) -> strikemap::Result<()> {
        if !self.skip_bad {
            return Err(error);
        }
        self.skipped += 1;
        progress.warn(&format!(
            "strikemap: warning: skipped {}",
            crate::errors::report_line(&error)
        ));
        Ok(())
    }

    fn measure(
        &self,
        positions: &[strikemap::LatLon],
        dates: &[Option<Date>],
    ) -> strikemap::Result<Vec<Measured>> {
        use rayon::prelude::*;
        let near = nearest_many(self.reference, positions, self.method);
        let at: Vec<Option<[Option<String>; 3]>> = if self.locate {
            positions.par_iter().map(|p| Some(located(*p))).collect()
        } else {
            vec![None; positions.len()]
        };
        let front: Vec<Option<Option<(bool, f64)>>> = match &self.control {
            Some(c) => c.measure(positions, dates)?.into_iter().map(Some).collect(),
            None => vec![None; positions.len()],
        };
        Ok(near
            .into_iter()
            .zip(at)
            .zip(front)
            .map(|((near, at), front)| Measured { near, at, front })
            .collect())
    }

    /// Keeps a write failure and returns the error that stops the reader.
    fn keep(&mut self, result: CliResult) -> strikemap::Result<()> {
        result.map_err(|e| {
            self.failed = Some(e);
            stop()
        })
    }

    /// Hands back the write failure if there was one, else the reader's result.
    fn result(&mut self, read: strikemap::Result<()>) -> CliResult {
        match (self.failed.take(), read) {
            (Some(e), _) => Err(e),
            (None, r) => Ok(r?),
        }
    }

    fn csv_file<R: std::io::Read>(
        &mut self,
        points: CsvPoints<R>,
        format: Format,
        out: &mut Output,
        progress: &Progress,
    ) -> CliResult {
        let headers = points.headers().to_vec();
        let label = out.label.clone();
        if format == Format::Parquet {
            let mut spill = Spill::new()?;
            self.read_csv(points, &headers, &mut Rows::Spill(&mut spill), progress)?;
            return write_parquet(spill, &self.added, out);
        }
        let mut sink = Sink::new(out.writer(), format, &label, self.added.clone())?;
        if format == Format::Csv {
            sink.csv_header(headers.iter().map(String::as_str))?;
        }
        self.read_csv(points, &headers, &mut Rows::Sink(&mut sink), progress)?;
        sink.finish()
    }

    /// Reads, measures and hands on every CSV row, in chunks.
    fn read_csv<R: std::io::Read>(
        &mut self,
        points: CsvPoints<R>,
        headers: &[String],
        rows: &mut Rows<'_, '_>,
        progress: &Progress,
    ) -> CliResult {
        let mut chunk: Vec<CsvRow> = Vec::with_capacity(CHUNK);
        let read = points.for_each(|row| {
            match row {
                Ok(row) => chunk.push(row),
                Err(e) => self.bad(e, progress)?,
            }
            if chunk.len() >= CHUNK {
                let written = self.csv_chunk(&mut chunk, headers, rows, progress);
                self.keep(written)?;
            }
            Ok(())
        });
        self.result(read)?;
        self.csv_chunk(&mut chunk, headers, rows, progress)
    }

    fn csv_chunk(
        &mut self,
        chunk: &mut Vec<CsvRow>,
        headers: &[String],
        rows: &mut Rows<'_, '_>,
        progress: &Progress,
    ) -> CliResult {
        if self.numeric.is_none() {
            self.numeric = Some(numeric_columns(headers.len(), chunk));
        }
        let mut dates = vec![None; chunk.len()];
        if let Some(c) = &self.control {
            let Some(index) = headers.iter().position(|h| h == &c.column) else {
                return Err(Error::Format {
                    expected: format!("a date column {:?} (--date-column)", c.column),
                    found: format!("columns {}", headers.join(", ")),
                }
                .into());
            };
            let mut bad = Vec::new();
            for (i, row) in chunk.iter().enumerate() {
                match c.date(row.field(index)) {
                    Ok(d) => dates[i] = d,
                    Err(e) => bad.push((i, e.at(format!("line {}", row.line)))),
                }
            }
            for (i, e) in bad.into_iter().rev() {
                self.bad(e, progress)?;
                chunk.remove(i);
                dates.remove(i);
            }
        }
        let numeric = self.numeric.as_deref().unwrap_or_default();
        let positions: Vec<_> = chunk.iter().map(|r| r.position).collect();
        for (row, near) in chunk.iter().zip(self.measure(&positions, &dates)?) {
            let pairs = || -> Vec<(&str, Value)> {
                headers
                    .iter()
                    .zip(row.fields())
                    .enumerate()
                    .map(|(i, (h, f))| (h.as_str(), field_value(f, numeric.get(i) == Some(&true))))
                    .collect()
            };
            let sink = match rows {
                Rows::Spill(spill) => {
                    // As read: the Parquet types come from every value.
                    let text = headers
                        .iter()
                        .zip(row.fields())
                        .map(|(h, f)| (h.clone(), Value::String(f.to_string())))
                        .collect();
                    spill.push_pairs(text, &near, row.position)?;
                    continue;
                }
                Rows::Sink(sink) => sink,
            };
            match sink.format() {
                Format::Csv => sink.csv_row(row.fields(), &near)?,
                Format::Json | Format::Parquet => sink.json_row(pairs(), &near)?,
                Format::GeoJson | Format::Kml => {
                    sink.geojson_row(point_feature(row.position, row.line, pairs()), &near)?
                }
            }
        }
        chunk.clear();
        progress.tick();
        Ok(())
    }

    fn feature_file<R: std::io::Read>(
        &mut self,
        features: FeatureInput<R>,
        format: Format,
        (source, out): (&str, &mut Output),
        progress: &Progress,
    ) -> CliResult {
        let label = out.label.clone();
        if !matches!(format, Format::Csv | Format::Parquet) {
            let mut sink = Sink::new(out.writer(), format, &label, self.added.clone())?;
            self.read_features(features, &mut Rows::Sink(&mut sink), source, progress)?;
            return sink.finish();
        }
        // CSV needs every property name before the first row, Parquet
        // every column's type too.
        let mut spill = Spill::new()?;
        self.read_features(features, &mut Rows::Spill(&mut spill), source, progress)?;
        if format == Format::Parquet {
            return write_parquet(spill, &self.added, out);
        }
        let (columns, spilled) = spill.finish()?;
        let mut sink = Sink::new(out.writer(), Format::Csv, &label, self.added.clone())?;
        sink.csv_header(columns.iter().map(String::as_str))?;
        for row in spilled {
            let (pairs, near, _) = row?;
            sink.csv_row(csv_fields(&pairs, &columns), &near)?;
        }
        sink.finish()
    }

    /// Reads, measures and hands on every feature, in chunks.
    fn read_features<R: std::io::Read>(
        &mut self,
        features: FeatureInput<R>,
        rows: &mut Rows<'_, '_>,
        source: &str,
        progress: &Progress,
    ) -> CliResult {
        let mut chunk: Vec<PointFeature> = Vec::with_capacity(CHUNK);
        let read = features.for_each(|feature| {
            let clash = |f: &PointFeature| {
                let properties = f.feature.properties.as_ref()?;
                let clash = properties
                    .keys()
                    .find_map(|k| added_clash(k, &self.added, || format!("properties.{k}")))?;
                Some(clash.at(format!("feature {}", f.index)).at(source))
            };
            match feature {
                Ok(f) => match clash(&f) {
                    None => chunk.push(f),
                    Some(e) => self.bad(e, progress)?,
                },
                Err(e) => self.bad(e, progress)?,
            }
            if chunk.len() >= CHUNK {
                let written = self.feature_chunk(&mut chunk, rows, progress);
                self.keep(written)?;
            }
            Ok(())
        });
        self.result(read)?;
        self.feature_chunk(&mut chunk, rows, progress)
    }

    fn feature_chunk(
        &self,
        chunk: &mut Vec<PointFeature>,
        rows: &mut Rows<'_, '_>,
        progress: &Progress,
    ) -> CliResult {
        let mut dates = vec![None; chunk.len()];
        if let Some(c) = &self.control {
            for (i, f) in chunk.iter().enumerate() {
                let text = f.feature.property(&c.column).map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                });
                dates[i] = c
                    .date(text.as_deref())
                    .map_err(|e| e.at(format!("feature {}", f.index)))?;
            }
        }
        let positions: Vec<_> = chunk.iter().map(|f| f.position).collect();
        for (f, near) in chunk.iter().zip(self.measure(&positions, &dates)?) {
            match rows {
                Rows::Spill(spill) => spill.push(f, &near)?,
                Rows::Sink(sink) if sink.format().is_features() => {
                    // The feature as read (id, foreign members), its longitude
                    // normalised as RFC 7946 requires, with the distance added
                    // to its properties.
                    sink.geojson_row(normalised(f), &near)?;
                }
                Rows::Sink(sink) => {
                    let pairs = feature_pairs(f);
                    let pairs = pairs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                    sink.json_row(pairs, &near)?;
                }
            }
        }
        chunk.clear();
        progress.tick();
        Ok(())
    }
}

/// Where the measured features of a GeoJSON input go: to the output, or
/// (for CSV) to a [`Spill`] until every column is known.
enum Rows<'r, 'o> {
    Sink(&'r mut Sink<'o>),
    Spill(&'r mut Spill),
}

/// The measured rows of a GeoJSON input on their way to CSV: kept in a
/// temporary file, one JSON line each (its columns and its measure), while
/// the columns are gathered in order of appearance.
struct Spill {
    writer: BufWriter<File>,
    reader: File,
    /// The path, while the file is still to be removed.
    path: Option<PathBuf>,
    columns: Vec<String>,
    seen: HashSet<String>,
}

/// A measured row as kept in a [`Spill`]: its columns, its measure, and
/// its position (latitude, longitude).
type Spilled = (Vec<(String, Value)>, Measured, [f64; 2]);

impl Spill {
    fn new() -> CliResult<Spill> {
        let dir = std::env::temp_dir();
        let mut attempt = 0u32;
        let (path, file) = loop {
            let path = dir.join(format!(
                "strikemap-distances-{}-{attempt}.jsonl",
                std::process::id()
            ));
            match File::options()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => break (path, file),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 1000 => {
                    attempt += 1;
                }
                Err(e) => return Err(spill_error(&path, e)),
            }
        };
        let reader = File::open(&path).map_err(|e| spill_error(&path, e))?;
        // Removed now where an open file can be (Unix), else when dropped.
        let path = std::fs::remove_file(&path).err().map(|_| path);
        Ok(Spill {
            writer: BufWriter::new(file),
            reader,
            path,
            columns: Vec::new(),
            seen: HashSet::new(),
        })
    }

    fn push(&mut self, f: &PointFeature, near: &Measured) -> CliResult {
        self.push_pairs(feature_pairs(f), near, f.position)
    }

    fn push_pairs(
        &mut self,
        pairs: Vec<(String, Value)>,
        near: &Measured,
        position: LatLon,
    ) -> CliResult {
        for (name, _) in &pairs {
            if !self.seen.contains(name) {
                self.seen.insert(name.clone());
                self.columns.push(name.clone());
            }
        }
        let position = [position.lat(), position.lon()];
        serde_json::to_writer(&mut self.writer, &(pairs, near, position))
            .map_err(io::Error::from)
            .and_then(|()| self.writer.write_all(b"\n"))
            .map_err(|e| self.error(e))
    }

    fn error(&self, e: io::Error) -> CliError {
        spill_error(&std::env::temp_dir(), e)
    }

    /// The columns, and the rows read back.
    fn finish(mut self) -> CliResult<(Vec<String>, impl Iterator<Item = CliResult<Spilled>>)> {
        self.writer.flush().map_err(|e| self.error(e))?;
        let mut columns = std::mem::take(&mut self.columns);
        // Keep the position next to each other and last among the input columns.
        for name in ["latitude", "longitude"] {
            if let Some(i) = columns.iter().position(|c| c == name) {
                let c = columns.remove(i);
                columns.push(c);
            }
        }
        let reader = self.reader.try_clone().map_err(|e| self.error(e))?;
        let rows = serde_json::Deserializer::from_reader(BufReader::new(reader))
            .into_iter::<Spilled>()
            .map(move |row| {
                // The file (if it could not be removed before) goes with the rows.
                row.map_err(|e| self.error(io::Error::other(e)))
            });
        Ok((columns, rows))
    }
}

impl Spill {
    /// The rows kept so far, read again from the start (for a second pass).
    #[cfg(feature = "parquet")]
    fn reread(&mut self) -> CliResult<impl Iterator<Item = CliResult<Spilled>> + '_> {
        use std::io::Seek as _;
        self.writer.flush().map_err(|e| self.error(e))?;
        let mut reader = self.reader.try_clone().map_err(|e| self.error(e))?;
        reader
            .seek(io::SeekFrom::Start(0))
            .map_err(|e| self.error(e))?;
        Ok(
            serde_json::Deserializer::from_reader(BufReader::new(reader))
                .into_iter::<Spilled>()
                .map(|row| {
                    row.map_err(|e| spill_error(&std::env::temp_dir(), io::Error::other(e)))
                }),
        )
    }
}

/// Writes the rows kept in `spill` as GeoParquet: a first pass over them
/// types every column (`io::parquet::ColumnTypes`: input columns and the
/// added ones), the second writes them, a row group at a time.
#[cfg(feature = "parquet")]
fn write_parquet(mut spill: Spill, added: &[String], out: &mut Output) -> CliResult {
    use strikemap::io::parquet::{ColumnTypes, GeoParquetWriter};
    let mut types = ColumnTypes::new();
    for row in spill.reread()? {
        let (pairs, near, _) = row?;
        for (k, v) in &pairs {
            types.observe(k, v);
        }
        for (k, v) in added.iter().zip(near.values()) {
            types.observe(k, &v);
        }
    }
    let label = out.label.clone();
    let writing = |e: Error| CliError::writing(&label, e);
    let mut writer = GeoParquetWriter::new(out.writer(), &types.columns()).map_err(writing)?;
    for row in spill.reread()? {
        let (pairs, near, [lat, lon]) = row?;
        let mut values: JsonObject = pairs.into_iter().collect();
        values.extend(added.iter().cloned().zip(near.values()));
        let position = LatLon::new(lat, lon)?;
        writer.write_point(position, &values).map_err(writing)?;
    }
    writer.finish().map_err(writing)?;
    Ok(())
}

/// Without the `parquet` feature `--parquet` is refused before any row is
/// read; this is never reached.
#[cfg(not(feature = "parquet"))]
fn write_parquet(_spill: Spill, _added: &[String], _out: &mut Output) -> CliResult {
    Ok(())
}

impl Drop for Spill {
    fn drop(&mut self) {
        if let Some(path) = &self.path {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A failure of the temporary file under `path`.
fn spill_error(path: &Path, e: io::Error) -> CliError {
    CliError::failed(
        &path.display().to_string(),
        "cannot use a temporary file",
        e,
    )
}

/// A row's fields for `columns`: its value of each (as CSV text), or empty.
fn csv_fields<'a>(
    pairs: &'a [(String, Value)],
    columns: &'a [String],
) -> impl Iterator<Item = String> + 'a {
    columns.iter().map(|c| {
        pairs
            .iter()
            .find(|(k, _)| k == c)
            .map(|(_, v)| csv_text(v))
            .unwrap_or_default()
    })
}

/// A feature's columns: its id (as `id`, unless a property of that name
/// exists), its properties, and its position (as `latitude` and `longitude`
/// unless properties of those names exist): each name once.
fn feature_pairs(f: &PointFeature) -> Vec<(String, Value)> {
    let mut pairs = Vec::new();
    let properties = f.feature.properties.as_ref();
    if let Some(id) = &f.feature.id
        && !properties.is_some_and(|p| p.contains_key("id"))
    {
        pairs.push((
            "id".to_string(),
            serde_json::to_value(id).unwrap_or(Value::Null),
        ));
    }
    if let Some(properties) = properties {
        pairs.extend(properties.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    for (name, value) in [
        ("latitude", f.position.lat()),
        ("longitude", f.position.lon()),
    ] {
        if !pairs.iter().any(|(k, _)| k == name) {
            pairs.push((name.to_string(), Value::from(value)));
        }
    }
    pairs
}

/// The error for an input column (or property) named like one this command
/// adds, as `member` names it: the output would hold two of them (as when
/// the output of `distances` is measured again).
fn added_clash(name: &str, added: &[String], member: impl FnOnce() -> String) -> Option<Error> {
    added.iter().any(|a| a == name).then(|| {
        Error::Format {
            expected: format!(
                "a name other than {}, which strikemap distances adds (to measure a file \
                 that has them, e.g. the output of distances, name the new ones with \
                 --prefix, e.g. --prefix front_ for front_{})",
                added.join(", "),
                ADDED[0]
            ),
            found: format!("{name:?}"),
        }
        .at(member())
    })
}

/// Whether a CSV field reads as a number for JSON: finite, and not written
/// with a leading zero (`007`, a code rather than a number).
fn parse_number(text: &str) -> Option<Value> {
    let t = text.trim();
    let digits = t.trim_start_matches(['-', '+']);
    if digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.") {
        return None;
    }
    if let Ok(i) = t.parse::<i64>() {
        return Some(Value::from(i));
    }
    let x: f64 = t.parse().ok().filter(|x: &f64| x.is_finite())?;
    // "1e5" and ".5" are numbers; "inf" and "NaN" are not (above).
    serde_json::Number::from_f64(x).map(Value::Number)
}

/// Which of `columns` columns hold numbers: every non-empty value in the
/// chunk reads as one, and there is at least one.
fn numeric_columns(columns: usize, chunk: &[CsvRow]) -> Vec<bool> {
    (0..columns)
        .map(|i| {
            let mut values = chunk
                .iter()
                .filter_map(|row| row.fields().nth(i))
                .filter(|f| !f.trim().is_empty())
                .peekable();
            values.peek().is_some() && values.all(|f| parse_number(f).is_some())
        })
        .collect()
}

/// A CSV field as JSON: a number in a numeric column (null if empty; text
/// if it does not read as one), text otherwise.
fn field_value(field: &str, numeric: bool) -> Value {
    if !numeric {
        return Value::String(field.to_string());
    }
    if field.trim().is_empty() {
        return Value::Null;
    }
    parse_number(field).unwrap_or_else(|| Value::String(field.to_string()))
}

/// A CSV row as a Point feature whose properties are its columns, with a
/// `name` (from [`NAME_COLUMNS`]) and an id (from [`ID_COLUMNS`], else the
/// row's line number).
fn point_feature(position: LatLon, line: u64, pairs: Vec<(&str, Value)>) -> Feature {
    let first = |names: &[&str]| {
        names.iter().find_map(|n| {
            pairs
                .iter()
                .find(|(k, v)| k == n && !matches!(v, Value::Null) && v.as_str() != Some(""))
                .map(|(_, v)| v.clone())
        })
    };
    let name = first(&NAME_COLUMNS);
    let id = match first(&ID_COLUMNS) {
        Some(Value::Number(n)) => geojson::feature::Id::Number(n),
        Some(Value::String(s)) => geojson::feature::Id::String(s),
        _ => geojson::feature::Id::Number(line.into()),
    };
    let mut properties: JsonObject = pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    if let Some(name) = name
        && !properties.contains_key("name")
    {
        properties.insert("name".to_string(), name);
    }
    Feature {
        geometry: Some(Geometry::new(GeometryValue::new_point(
            position.to_lon_lat(),
        ))),
        id: Some(id),
        properties: Some(properties),
        ..Feature::default()
    }
}

/// A GeoJSON input feature for output: its Point's position as read into
/// [`LatLon`] (longitude in [-180, 180]), any altitude kept as the third
/// element; everything else as read.
fn normalised(f: &PointFeature) -> Feature {
    let mut feature = f.feature.clone();
    if let Some(geometry) = &mut feature.geometry
        && let GeometryValue::Point { coordinates } = &geometry.value
    {
        let mut position = f.position.to_lon_lat().to_vec();
        position.extend(coordinates.as_slice().iter().skip(2));
        geometry.value = GeometryValue::new_point(position);
        // A bbox of the input would describe the longitudes as written.
        geometry.bbox = None;
    }
    feature.bbox = None;
    feature
}

/// A JSON value as a CSV field: strings as they are, null as empty, other
/// values as JSON.
fn csv_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Writes rows as CSV, as a JSON array or as a GeoJSON FeatureCollection.
struct Sink<'o> {
    label: &'o str,
    kind: SinkKind<'o>,
    /// The names of the added columns.
    added: Vec<String>,
}

/// The writer behind a [`Sink`].
enum SinkKind<'o> {
    Csv(Box<csv::Writer<&'o mut BufWriter<Box<dyn Write + Send>>>>),
    Json {
        out: &'o mut BufWriter<Box<dyn Write + Send>>,
        rows: u64,
    },
    GeoJson(Box<FeatureCollectionWriter<&'o mut BufWriter<Box<dyn Write + Send>>>>),
    Kml(Box<KmlWriter<&'o mut BufWriter<Box<dyn Write + Send>>>>),
}

/// A `csv` error as an I/O error, keeping the kind (a closed pipe).
fn csv_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

impl<'o> Sink<'o> {
    fn new(
        out: &'o mut BufWriter<Box<dyn Write + Send>>,
        format: Format,
        label: &'o str,
        added: Vec<String>,
    ) -> CliResult<Sink<'o>> {
        let kind = match format {
            Format::Csv => SinkKind::Csv(Box::new(csv::Writer::from_writer(out))),
            Format::Json | Format::Parquet => SinkKind::Json { out, rows: 0 },
            Format::GeoJson => SinkKind::GeoJson(Box::new(FeatureCollectionWriter::new(
                out,
                ExportOptions::default(),
            ))),
            // Events drawn as strikes are (a red marker).
            Format::Kml => SinkKind::Kml(Box::new(
                KmlWriter::new(out, None)
                    .map_err(|e| CliError::writing(label, e))?
                    .with_default_style(&Style::default_for(FeatureKind::Strike)),
            )),
        };
        Ok(Sink { label, kind, added })
    }

    fn format(&self) -> Format {
        match self.kind {
            SinkKind::Csv(_) => Format::Csv,
            SinkKind::Json { .. } => Format::Json,
            SinkKind::GeoJson(_) => Format::GeoJson,
            SinkKind::Kml(_) => Format::Kml,
        }
    }

    /// Writes `feature` with the distance added to its properties.
    fn geojson_row(&mut self, mut feature: Feature, n: &Measured) -> CliResult {
        let properties = feature.properties.get_or_insert_with(JsonObject::new);
        for (key, value) in self.added.iter().zip(n.values()) {
            properties.insert(key.clone(), value);
        }
        let written = match &mut self.kind {
            SinkKind::GeoJson(writer) => writer.write_geojson(&feature),
            SinkKind::Kml(writer) => writer.write_in("strikemap-events", "Events", &feature),
            _ => return Ok(()),
        };
        written.map_err(|e| CliError::writing(self.label, e))
    }

    fn csv_header<'a>(&mut self, columns: impl Iterator<Item = &'a str>) -> CliResult {
        let SinkKind::Csv(csv) = &mut self.kind else {
            return Ok(());
        };
        let record: Vec<String> = columns
            .map(str::to_string)
            .chain(self.added.iter().cloned())
            .collect();
        csv.write_record(&record)
            .map_err(|e| CliError::output(self.label, csv_io(e)))
    }

    fn csv_row<S: AsRef<[u8]>>(
        &mut self,
        mut fields: impl Iterator<Item = S>,
        n: &Measured,
    ) -> CliResult {
        let SinkKind::Csv(csv) = &mut self.kind else {
            return Ok(());
        };
        let added = n.fields();
        fields
            .try_for_each(|f| csv.write_field(f))
            .and_then(|()| csv.write_record(&added))
            .map_err(|e| CliError::output(self.label, csv_io(e)))
    }

    fn json_row(&mut self, pairs: Vec<(&str, Value)>, n: &Measured) -> CliResult {
        let SinkKind::Json { out, rows } = &mut self.kind else {
            return Ok(());
        };
        let mut pairs: Vec<(&str, Value)> = pairs;
        pairs.extend(self.added.iter().map(String::as_str).zip(n.values()));
        // `[` before the first row, `,` before the others, each on a line.
        let first = *rows == 0;
        *rows += 1;
        let w = &mut **out;
        (if first {
            CompactFormatter.begin_array(w)
        } else {
            Ok(())
        })
        .and_then(|()| CompactFormatter.begin_array_value(w, first))
        .and_then(|()| w.write_all(b"\n"))
        .and_then(|()| serde_json::to_writer(&mut *w, &Ordered(&pairs)).map_err(Into::into))
        .map_err(|e| CliError::output(self.label, e))
    }

    fn finish(self) -> CliResult {
        let result = match self.kind {
            SinkKind::Csv(mut csv) => csv.flush(),
            SinkKind::Json { out, rows } => {
                // `]` (after `[` if no row was written), each on a line.
                let w = out;
                (if rows == 0 {
                    CompactFormatter.begin_array(w)
                } else {
                    w.write_all(b"\n")
                })
                .and_then(|()| CompactFormatter.end_array(w))
                .and_then(|()| w.write_all(b"\n"))
            }
            SinkKind::GeoJson(writer) => {
                return match writer.finish() {
                    Ok(_) => Ok(()),
                    Err(e) => Err(CliError::writing(self.label, e)),
                };
            }
            SinkKind::Kml(writer) => {
                return match writer.finish() {
                    Ok(_) => Ok(()),
                    Err(e) => Err(CliError::writing(self.label, e)),
                };
            }
        };
        result.map_err(|e| CliError::output(self.label, e))
    }
}
