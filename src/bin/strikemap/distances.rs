//! `strikemap distances --from REF --to FILE`: the distance from a reference
//! to every point of a CSV or GeoJSON file, streamed in chunks.
//!
//! Rows are read one at a time by the library's readers, gathered into
//! chunks of [`CHUNK`], measured in parallel (`nearest_many`, rayon) against
//! the reference, whose lines and areas are prepared (indexed) once, and
//! written before the next chunk is read: memory stays bounded whatever the
//! size of the file.

use std::cell::Cell;
use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::Path;
use std::rc::Rc;

use geojson::{Feature, Geometry, GeometryValue, JsonObject};
use serde_json::Value;
use serde_json::ser::{CompactFormatter, Formatter as _};
use strikemap::{
    Error, LatLon, Method,
    io::geojson::{ExportOptions, FeatureCollectionWriter},
    io::points::{ColumnNames, CsvPoints, CsvRow, PointFeature, PointFeatures, PointFileKind},
    io::target_spec::TargetSpec,
    measure::{Nearest, nearest_many},
};

use crate::args::DistancesArgs;
use crate::errors::{CliError, CliResult, in_argument};
use crate::output::{Ordered, Output};
use crate::progress::{Counting, Progress};

/// Rows measured together.
pub const CHUNK: usize = 8_192;

/// The columns added to every row.
const ADDED: [&str; 4] = ["distance_m", "distance_km", "distance_mi", "inside"];

/// The output format.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
    /// A FeatureCollection of the points, their columns as properties.
    GeoJson,
}

/// Runs the command.
pub fn run(args: &DistancesArgs) -> CliResult {
    let reference = TargetSpec::parse(&args.from).map_err(in_argument("--from"))?;
    let kind = PointFileKind::detect(&args.to)?;
    let format = match (args.json, args.geojson) {
        (true, _) => Format::Json,
        (_, true) => Format::GeoJson,
        _ => Format::Csv,
    };
    let names = ColumnNames {
        latitude: args.lat_column.clone(),
        longitude: args.lon_column.clone(),
    };
    let mut run = Batch {
        reference: &reference,
        method: args.method.method(),
        skip_bad: args.skip_bad,
        skipped: 0,
        failed: None,
    };
    // Open the input before creating the output, so a bad input leaves no file.
    let input = Input::open(&args.to)?;
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
                .find_map(|h| added_clash(h, || format!("column {h:?}")));
            if let Some(clash) = clash {
                return Err(clash.at(input.label.clone()).into());
            }
            let mut out = Output::open(args.output.as_deref())?;
            run.csv_file(points, format, &mut out, &progress)?;
            progress.finish();
            end(out, format)?;
        }
        PointFileKind::GeoJson => {
            let columns = match format {
                // CSV needs every property name before the first row.
                Format::Csv => Some(property_columns(&args.to)?),
                Format::Json | Format::GeoJson => None,
            };
            let (count, progress) = input.progress();
            let features = PointFeatures::from_reader(
                Counting::new(BufReader::new(input.file), count),
                input.label.clone(),
            );
            let mut out = Output::open(args.output.as_deref())?;
            let files = (input.label.as_str(), &mut out);
            run.feature_file(features, format, columns.as_deref(), files, &progress)?;
            progress.finish();
            end(out, format)?;
        }
    }
    if run.skipped > 0 {
        crate::print_stderr(&format!(
            "strikemap: warning: skipped {} bad row(s) of {}",
            run.skipped, input.label
        ));
    }
    Ok(())
}

/// Ends the output: a line break after a FeatureCollection (CSV and JSON
/// end with one already), then the file put in place.
fn end(mut out: Output, format: Format) -> CliResult {
    if format == Format::GeoJson {
        out.text("\n")?;
    }
    out.finish()
}

/// The opened input file.
struct Input {
    file: File,
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

    fn measure(&self, positions: &[strikemap::LatLon]) -> Vec<Nearest> {
        nearest_many(self.reference, positions, self.method)
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
        let mut sink = Sink::new(out.writer(), format, &label);
        if format == Format::Csv {
            sink.csv_header(headers.iter().map(String::as_str))?;
        }
        let mut chunk: Vec<CsvRow> = Vec::with_capacity(CHUNK);
        let read = points.for_each(|row| {
            match row {
                Ok(row) => chunk.push(row),
                Err(e) => self.bad(e, progress)?,
            }
            if chunk.len() >= CHUNK {
                let written = self.csv_chunk(&mut chunk, &headers, &mut sink, progress);
                self.keep(written)?;
            }
            Ok(())
        });
        self.result(read)?;
        self.csv_chunk(&mut chunk, &headers, &mut sink, progress)?;
        sink.finish()
    }

    fn csv_chunk(
        &self,
        chunk: &mut Vec<CsvRow>,
        headers: &[String],
        sink: &mut Sink<'_>,
        progress: &Progress,
    ) -> CliResult {
        let positions: Vec<_> = chunk.iter().map(|r| r.position).collect();
        for (row, near) in chunk.iter().zip(self.measure(&positions)) {
            let pairs = || -> Vec<(&str, Value)> {
                headers
                    .iter()
                    .zip(row.fields())
                    .map(|(h, f)| (h.as_str(), Value::String(f.to_string())))
                    .collect()
            };
            match sink.format() {
                Format::Csv => sink.csv_row(row.fields(), &near)?,
                Format::Json => sink.json_row(pairs(), &near)?,
                Format::GeoJson => sink.geojson_row(point_feature(row.position, pairs()), &near)?,
            }
        }
        chunk.clear();
        progress.tick();
        Ok(())
    }

    fn feature_file<R: std::io::Read>(
        &mut self,
        features: PointFeatures<R>,
        format: Format,
        columns: Option<&[String]>,
        (source, out): (&str, &mut Output),
        progress: &Progress,
    ) -> CliResult {
        let label = out.label.clone();
        let mut sink = Sink::new(out.writer(), format, &label);
        if let Some(columns) = columns {
            sink.csv_header(columns.iter().map(String::as_str))?;
        }
        let mut chunk: Vec<PointFeature> = Vec::with_capacity(CHUNK);
        let read = features.for_each(|feature| {
            let clash = |f: &PointFeature| {
                let properties = f.feature.properties.as_ref()?;
                let clash = properties
                    .keys()
                    .find_map(|k| added_clash(k, || format!("properties.{k}")))?;
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
                let written = self.feature_chunk(&mut chunk, columns, &mut sink, progress);
                self.keep(written)?;
            }
            Ok(())
        });
        self.result(read)?;
        self.feature_chunk(&mut chunk, columns, &mut sink, progress)?;
        sink.finish()
    }

    fn feature_chunk(
        &self,
        chunk: &mut Vec<PointFeature>,
        columns: Option<&[String]>,
        sink: &mut Sink<'_>,
        progress: &Progress,
    ) -> CliResult {
        let positions: Vec<_> = chunk.iter().map(|f| f.position).collect();
        for (f, near) in chunk.iter().zip(self.measure(&positions)) {
            if sink.format() == Format::GeoJson {
                // The feature as read (geometry, id, foreign members), with
                // the distance added to its properties.
                sink.geojson_row(f.feature.clone(), &near)?;
                continue;
            }
            let pairs = feature_pairs(f);
            match columns {
                Some(columns) => {
                    let fields = columns.iter().map(|c| {
                        pairs
                            .iter()
                            .find(|(k, _)| k == c)
                            .map(|(_, v)| csv_text(v))
                            .unwrap_or_default()
                    });
                    sink.csv_row(fields, &near)?;
                }
                None => {
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
/// adds, as `member` names it: the output would hold two of them.
fn added_clash(name: &str, member: impl FnOnce() -> String) -> Option<Error> {
    ADDED.contains(&name).then(|| {
        Error::Format {
            expected: format!(
                "a name other than {}, which strikemap distances adds (rename it)",
                ADDED.join(", ")
            ),
            found: format!("{name:?}"),
        }
        .at(member())
    })
}

/// A CSV row as a Point feature whose properties are its columns.
fn point_feature(position: LatLon, pairs: Vec<(&str, Value)>) -> Feature {
    let properties: JsonObject = pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    Feature {
        geometry: Some(Geometry::new(GeometryValue::new_point(
            position.to_lon_lat(),
        ))),
        properties: Some(properties),
        ..Feature::default()
    }
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

/// The columns of a GeoJSON file for CSV output: a first pass over the file
/// collecting every name [`feature_pairs`] gives, in order of appearance.
fn property_columns(path: &Path) -> CliResult<Vec<String>> {
    let mut columns: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    PointFeatures::open(path)?.for_each(|feature| {
        // Bad features are reported (or skipped) by the second pass.
        if let Ok(f) = feature {
            for (name, _) in feature_pairs(&f) {
                if seen.insert(name.clone()) {
                    columns.push(name);
                }
            }
        }
        Ok(())
    })?;
    // Keep the position next to each other and last among the input columns.
    for name in ["latitude", "longitude"] {
        if let Some(i) = columns.iter().position(|c| c == name) {
            let c = columns.remove(i);
            columns.push(c);
        }
    }
    Ok(columns)
}

/// Writes rows as CSV, as a JSON array or as a GeoJSON FeatureCollection.
struct Sink<'o> {
    label: &'o str,
    kind: SinkKind<'o>,
}

/// The writer behind a [`Sink`].
enum SinkKind<'o> {
    Csv(Box<csv::Writer<&'o mut BufWriter<Box<dyn Write>>>>),
    Json {
        out: &'o mut BufWriter<Box<dyn Write>>,
        rows: u64,
    },
    GeoJson(Box<FeatureCollectionWriter<&'o mut BufWriter<Box<dyn Write>>>>),
}

/// A `csv` error as an I/O error, keeping the kind (a closed pipe).
fn csv_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

impl<'o> Sink<'o> {
    fn new(out: &'o mut BufWriter<Box<dyn Write>>, format: Format, label: &'o str) -> Sink<'o> {
        let kind = match format {
            Format::Csv => SinkKind::Csv(Box::new(csv::Writer::from_writer(out))),
            Format::Json => SinkKind::Json { out, rows: 0 },
            Format::GeoJson => SinkKind::GeoJson(Box::new(FeatureCollectionWriter::new(
                out,
                ExportOptions::default(),
            ))),
        };
        Sink { label, kind }
    }

    fn format(&self) -> Format {
        match self.kind {
            SinkKind::Csv(_) => Format::Csv,
            SinkKind::Json { .. } => Format::Json,
            SinkKind::GeoJson(_) => Format::GeoJson,
        }
    }

    /// Writes `feature` with the distance added to its properties.
    fn geojson_row(&mut self, mut feature: Feature, n: &Nearest) -> CliResult {
        let SinkKind::GeoJson(writer) = &mut self.kind else {
            return Ok(());
        };
        let d = n.distance;
        let properties = feature.properties.get_or_insert_with(JsonObject::new);
        for (key, value) in [
            (ADDED[0], Value::from(d.as_metres())),
            (ADDED[1], Value::from(d.as_km())),
            (ADDED[2], Value::from(d.as_miles())),
            (ADDED[3], Value::Bool(n.inside)),
        ] {
            properties.insert(key.to_string(), value);
        }
        writer
            .write_geojson(&feature)
            .map_err(|e| CliError::writing(self.label, e))
    }

    fn csv_header<'a>(&mut self, columns: impl Iterator<Item = &'a str>) -> CliResult {
        let SinkKind::Csv(csv) = &mut self.kind else {
            return Ok(());
        };
        let record: Vec<&str> = columns.chain(ADDED).collect();
        csv.write_record(&record)
            .map_err(|e| CliError::output(self.label, csv_io(e)))
    }

    fn csv_row<S: AsRef<[u8]>>(
        &mut self,
        mut fields: impl Iterator<Item = S>,
        n: &Nearest,
    ) -> CliResult {
        let SinkKind::Csv(csv) = &mut self.kind else {
            return Ok(());
        };
        let d = n.distance;
        let added = [
            format!("{:.3}", d.as_metres()),
            format!("{:.6}", d.as_km()),
            format!("{:.6}", d.as_miles()),
            n.inside.to_string(),
        ];
        fields
            .try_for_each(|f| csv.write_field(f))
            .and_then(|()| csv.write_record(&added))
            .map_err(|e| CliError::output(self.label, csv_io(e)))
    }

    fn json_row(&mut self, mut pairs: Vec<(&str, Value)>, n: &Nearest) -> CliResult {
        let SinkKind::Json { out, rows } = &mut self.kind else {
            return Ok(());
        };
        let d = n.distance;
        pairs.extend([
            (ADDED[0], Value::from(d.as_metres())),
            (ADDED[1], Value::from(d.as_km())),
            (ADDED[2], Value::from(d.as_miles())),
            (ADDED[3], Value::Bool(n.inside)),
        ]);
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
        };
        result.map_err(|e| CliError::output(self.label, e))
    }
}
