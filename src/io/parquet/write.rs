//! [`GeoParquetWriter`]: rows streamed into GeoParquet 1.1, a row group at
//! a time.

use std::collections::BTreeSet;
use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{
    BinaryBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch, StructArray};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef, TimeUnit};
use geojson::{Geometry, GeometryValue, JsonObject, JsonValue};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use super::ColumnType;
use super::wkb;
use crate::error::{Error, Result};
use crate::position::LatLon;

/// The rows of a row group unless [`GeoParquetWriter::with_row_group_rows`]
/// says otherwise.
///
/// ```
/// assert_eq!(strikemap::io::parquet::ROW_GROUP_ROWS, 65_536);
/// ```
pub const ROW_GROUP_ROWS: usize = 65_536;

/// The PROJJSON of OGC:CRS84, made by `scripts/parquet/crs84.py` (pyproj).
const CRS84: &str = include_str!("crs84.json");

/// One column being filled.
enum Builder {
    Boolean(BooleanBuilder),
    Int64(Int64Builder),
    Float64(Float64Builder),
    Date(Date32Builder),
    Timestamp(TimestampMicrosecondBuilder),
    Text(StringBuilder),
}

impl Builder {
    fn new(kind: ColumnType) -> Builder {
        match kind {
            ColumnType::Boolean => Builder::Boolean(BooleanBuilder::new()),
            ColumnType::Int64 => Builder::Int64(Int64Builder::new()),
            ColumnType::Float64 => Builder::Float64(Float64Builder::new()),
            ColumnType::Date => Builder::Date(Date32Builder::new()),
            ColumnType::Timestamp => {
                Builder::Timestamp(TimestampMicrosecondBuilder::new().with_timezone("UTC"))
            }
            ColumnType::Text => Builder::Text(StringBuilder::new()),
        }
    }

    /// Appends a value; `false` if it does not fit the column's type.
    fn append(&mut self, value: Option<&JsonValue>) -> bool {
        let missing = match value {
            None | Some(JsonValue::Null) => true,
            Some(JsonValue::String(s)) => s.is_empty() && !matches!(self, Builder::Text(_)),
            _ => false,
        };
        if missing {
            match self {
                Builder::Boolean(b) => b.append_null(),
                Builder::Int64(b) => b.append_null(),
                Builder::Float64(b) => b.append_null(),
                Builder::Date(b) => b.append_null(),
                Builder::Timestamp(b) => b.append_null(),
                Builder::Text(b) => b.append_null(),
            }
            return true;
        }
        let Some(v) = value else { return true };
        match self {
            Builder::Boolean(b) => ColumnType::boolean(v).map(|x| b.append_value(x)).is_some(),
            Builder::Int64(b) => ColumnType::int(v).map(|x| b.append_value(x)).is_some(),
            Builder::Float64(b) => ColumnType::float(v).map(|x| b.append_value(x)).is_some(),
            Builder::Date(b) => ColumnType::days(v).map(|x| b.append_value(x)).is_some(),
            Builder::Timestamp(b) => ColumnType::micros(v).map(|x| b.append_value(x)).is_some(),
            Builder::Text(b) => {
                b.append_value(ColumnType::text(v));
                true
            }
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Boolean(b) => Arc::new(b.finish()),
            Builder::Int64(b) => Arc::new(b.finish()),
            Builder::Float64(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
            Builder::Timestamp(b) => Arc::new(b.finish()),
            Builder::Text(b) => Arc::new(b.finish()),
        }
    }
}

fn data_type(kind: ColumnType) -> DataType {
    match kind {
        ColumnType::Boolean => DataType::Boolean,
        ColumnType::Int64 => DataType::Int64,
        ColumnType::Float64 => DataType::Float64,
        ColumnType::Date => DataType::Date32,
        ColumnType::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        ColumnType::Text => DataType::Utf8,
    }
}

fn parquet_error(e: parquet::errors::ParquetError) -> Error {
    match e {
        parquet::errors::ParquetError::External(inner) => {
            Error::io("<output>", std::io::Error::other(inner.to_string()))
        }
        other => Error::io("<output>", std::io::Error::other(other.to_string())),
    }
}

fn arrow_error(e: arrow_schema::ArrowError) -> Error {
    Error::io("<output>", std::io::Error::other(e.to_string()))
}

/// A name not among `taken`: `name`, else `name_2`, `name_3`, ....
fn free_name(name: &str, taken: &[(String, ColumnType)]) -> String {
    let used = |n: &str| taken.iter().any(|(t, _)| t == n);
    if !used(name) {
        return name.to_string();
    }
    (2u32..)
        .map(|i| format!("{name}_{i}"))
        .find(|n| !used(n))
        .unwrap_or_else(|| name.to_string())
}

/// Writes rows as GeoParquet 1.1: the given columns, typed; a `geometry`
/// column of WKB; a `bbox` struct column (`xmin`, `ymin`, `xmax`, `ymax`)
/// named as its covering in the `geo` metadata (so engines can skip row
/// groups by box); and the `geo` metadata itself (version 1.1.0, primary
/// column, encoding WKB, the geometry types written, the file's bbox, CRS
/// OGC:CRS84 as PROJJSON). If a given column is named `geometry` or
/// `bbox`, those two get the first free name `geometry_2`, ....
///
/// Rows are buffered and written a row group at a time
/// ([`ROW_GROUP_ROWS`]), snappy-compressed: memory holds one row group,
/// whatever the number of rows. Types are fixed when the writer is made
/// (infer them with [`ColumnTypes`](super::ColumnTypes) over the rows
/// first); a value that does not fit its column's type is an error naming
/// the row and column.
///
/// ```
/// use strikemap::{LatLon, io::parquet::{ColumnType, GeoParquetWriter}};
/// let columns = [("name".to_string(), ColumnType::Text), ("n".to_string(), ColumnType::Int64)];
/// let mut w = GeoParquetWriter::new(Vec::new(), &columns)?;
/// let row = serde_json::json!({"name": "Kyiv", "n": 3});
/// w.write_point(LatLon::new(50.45, 30.52)?, row.as_object().unwrap())?;
/// let bytes = w.finish()?;
/// assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub struct GeoParquetWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: SchemaRef,
    columns: Vec<(String, ColumnType)>,
    builders: Vec<Builder>,
    geometry: BinaryBuilder,
    boxes: [Float64Builder; 4],
    buffered: usize,
    row_group_rows: usize,
    rows: u64,
    bbox: Option<[f64; 4]>,
    types: BTreeSet<&'static str>,
    geometry_name: String,
    bbox_name: String,
    wkb: Vec<u8>,
}

impl<W: Write + Send> GeoParquetWriter<W> {
    /// A writer of `columns` (name and type, in order) to `out`.
    ///
    /// # Errors
    /// [`Error::Io`] if the Parquet header cannot be written.
    ///
    /// ```
    /// let w = strikemap::io::parquet::GeoParquetWriter::new(Vec::new(), &[])?;
    /// assert_eq!(w.rows(), 0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(out: W, columns: &[(String, ColumnType)]) -> Result<GeoParquetWriter<W>> {
        let geometry_name = free_name("geometry", columns);
        let bbox_name = free_name("bbox", columns);
        let mut fields: Vec<Field> = columns
            .iter()
            .map(|(name, kind)| Field::new(name, data_type(*kind), true))
            .collect();
        fields.push(Field::new(&geometry_name, DataType::Binary, false));
        fields.push(Field::new(
            &bbox_name,
            DataType::Struct(box_fields()),
            false,
        ));
        let schema = Arc::new(Schema::new(fields));
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .build();
        let writer =
            ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(parquet_error)?;
        Ok(GeoParquetWriter {
            writer,
            schema,
            builders: columns.iter().map(|(_, k)| Builder::new(*k)).collect(),
            columns: columns.to_vec(),
            geometry: BinaryBuilder::new(),
            boxes: std::array::from_fn(|_| Float64Builder::new()),
            buffered: 0,
            row_group_rows: ROW_GROUP_ROWS,
            rows: 0,
            bbox: None,
            types: BTreeSet::new(),
            geometry_name,
            bbox_name,
            wkb: Vec::with_capacity(64),
        })
    }

    /// Rows per row group (at least 1; default [`ROW_GROUP_ROWS`]).
    ///
    /// ```
    /// let w = strikemap::io::parquet::GeoParquetWriter::new(Vec::new(), &[])?.with_row_group_rows(1000);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_row_group_rows(mut self, rows: usize) -> GeoParquetWriter<W> {
        self.row_group_rows = rows.max(1);
        self
    }

    /// How many rows were written.
    ///
    /// ```
    /// assert_eq!(strikemap::io::parquet::GeoParquetWriter::new(Vec::new(), &[])?.rows(), 0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Writes a row whose geometry is a point.
    ///
    /// # Errors
    /// As [`GeoParquetWriter::write`].
    ///
    /// ```
    /// use strikemap::{LatLon, io::parquet::GeoParquetWriter};
    /// let mut w = GeoParquetWriter::new(Vec::new(), &[])?;
    /// w.write_point(LatLon::new(50.45, 30.52)?, &serde_json::Map::new())?;
    /// assert_eq!(w.rows(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn write_point(&mut self, position: LatLon, values: &JsonObject) -> Result<()> {
        let geometry = Geometry::new(GeometryValue::new_point(position.to_lon_lat()));
        self.write(&geometry, values)
    }

    /// Writes a row: `values` by column name (a missing one, null or `""`
    /// is null), and its geometry (altitudes dropped).
    ///
    /// # Errors
    /// [`Error::Format`] naming the row (from 0) and column when a value
    /// does not fit its column's type, or for a geometry with no position;
    /// [`Error::Io`] if writing a row group fails.
    ///
    /// ```
    /// use strikemap::{LatLon, io::parquet::{ColumnType, GeoParquetWriter}};
    /// let mut w = GeoParquetWriter::new(Vec::new(), &[("n".to_string(), ColumnType::Int64)])?;
    /// let bad = serde_json::json!({"n": "twelve"});
    /// let e = w.write_point(LatLon::new(0.0, 0.0)?, bad.as_object().unwrap()).unwrap_err();
    /// assert_eq!(e.report().to_string(), "row 0: column \"n\": expected a value of type Int64, found \"twelve\"");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn write(&mut self, geometry: &Geometry, values: &JsonObject) -> Result<()> {
        let Some(b) = crate::io::geojson::geometry_bbox(geometry) else {
            return Err(
                Error::format("geometry", "a geometry with positions", "none")
                    .at(format!("row {}", self.rows)),
            );
        };
        // Check every value first, so a refused row leaves nothing behind.
        for (name, kind) in &self.columns {
            let value = values.get(name);
            let fits = match value {
                None | Some(JsonValue::Null) => true,
                Some(v) => match ColumnType::of(v) {
                    None => true,
                    Some(t) => t.join(*kind) == *kind,
                },
            };
            if !fits {
                return Err(Error::format(
                    format!("column {name:?}"),
                    format!("a value of type {kind:?}"),
                    value.map_or_else(String::new, ToString::to_string),
                )
                .at(format!("row {}", self.rows)));
            }
        }
        for (builder, (name, _)) in self.builders.iter_mut().zip(&self.columns) {
            builder.append(values.get(name));
        }
        self.wkb.clear();
        wkb::write(&geometry.value, &mut self.wkb);
        self.geometry.append_value(&self.wkb);
        let [w, s, e, n] = [b[0], b[1], b[2], b[3]];
        for (builder, x) in self.boxes.iter_mut().zip([w, s, e, n]) {
            builder.append_value(x);
        }
        // A box across the antimeridian (west > east) widens the file's
        // box to every longitude.
        let (fw, fe) = if w > e { (-180.0, 180.0) } else { (w, e) };
        self.bbox = Some(match self.bbox {
            None => [fw, s, fe, n],
            Some(t) => [t[0].min(fw), t[1].min(s), t[2].max(fe), t[3].max(n)],
        });
        self.types.insert(wkb::type_name(&geometry.value));
        self.buffered += 1;
        self.rows += 1;
        if self.buffered >= self.row_group_rows {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the buffered rows as a row group.
    fn flush(&mut self) -> Result<()> {
        if self.buffered == 0 {
            return Ok(());
        }
        let mut arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        arrays.push(Arc::new(self.geometry.finish()));
        let boxes: Vec<ArrayRef> = self
            .boxes
            .iter_mut()
            .map(|b| Arc::new(b.finish()) as ArrayRef)
            .collect();
        let boxes = StructArray::try_new(box_fields(), boxes, None).map_err(arrow_error)?;
        arrays.push(Arc::new(boxes));
        let batch = RecordBatch::try_new(self.schema.clone(), arrays).map_err(arrow_error)?;
        self.writer.write(&batch).map_err(parquet_error)?;
        self.writer.flush().map_err(parquet_error)?;
        self.buffered = 0;
        Ok(())
    }

    /// The `geo` metadata (GeoParquet 1.1.0).
    fn geo_metadata(&self) -> String {
        let crs: JsonValue = serde_json::from_str(CRS84).unwrap_or(JsonValue::Null);
        let bbox = &self.bbox_name;
        let mut column = serde_json::json!({
            "encoding": "WKB",
            "geometry_types": self.types.iter().collect::<Vec<_>>(),
            "crs": crs,
            "edges": "planar",
            "covering": {"bbox": {
                "xmin": [bbox, "xmin"], "ymin": [bbox, "ymin"],
                "xmax": [bbox, "xmax"], "ymax": [bbox, "ymax"]
            }}
        });
        if let Some(b) = self.bbox {
            column["bbox"] = serde_json::json!(b);
        }
        serde_json::json!({
            "version": "1.1.0",
            "primary_column": self.geometry_name,
            "columns": {self.geometry_name.clone(): column}
        })
        .to_string()
    }

    /// Writes the last row group and the footer with the `geo` metadata,
    /// and hands back the writer.
    ///
    /// # Errors
    /// [`Error::Io`] if writing fails.
    ///
    /// ```
    /// let bytes = strikemap::io::parquet::GeoParquetWriter::new(Vec::new(), &[])?.finish()?;
    /// assert!(bytes.ends_with(b"PAR1"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn finish(mut self) -> Result<W> {
        self.flush()?;
        let geo = self.geo_metadata();
        self.writer
            .append_key_value_metadata(KeyValue::new("geo".to_string(), geo));
        self.writer.into_inner().map_err(parquet_error)
    }
}

/// The fields of the bbox covering column.
fn box_fields() -> Fields {
    Fields::from(
        ["xmin", "ymin", "xmax", "ymax"]
            .map(|n| Field::new(n, DataType::Float64, false))
            .to_vec(),
    )
}
