//! [`ParquetPoints`]: the rows of a (Geo)Parquet file as points, read a
//! batch at a time.

use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type,
    UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use geojson::{Feature, Geometry, GeometryValue, JsonObject, JsonValue};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::wkb;
use crate::error::{Error, Result};
use crate::io::points::PointFeature;
use crate::position::LatLon;

/// The names a latitude or longitude column may have (any case).
const LATITUDE: [&str; 2] = ["latitude", "lat"];
const LONGITUDE: [&str; 4] = ["longitude", "lon", "lng", "long"];

/// Where a row's position is.
#[derive(Debug, Clone)]
enum Position {
    /// A WKB column (from the `geo` metadata), and the covering column to
    /// leave out of the properties, if any.
    Wkb(usize, Option<String>),
    /// Latitude and longitude columns.
    Columns(usize, usize),
}

/// The rows of a Parquet file as [`PointFeature`]s: the geometry is the
/// `geo` metadata's primary column (WKB Points, as GeoParquet 1.0 and 1.1
/// write them, and as strikemap's [`GeoParquetWriter`](super::GeoParquetWriter)
/// does), or else a latitude and a longitude column (`latitude`/`lat`,
/// `longitude`/`lon`/`lng`/`long`, any case); every other column is a
/// property (booleans, integers, floats, text, dates as `YYYY-MM-DD`,
/// timestamps as RFC 3339 text; the bbox covering column left out).
///
/// ```
/// use strikemap::{LatLon, io::parquet::{ColumnType, GeoParquetWriter, ParquetPoints}};
/// let path = std::env::temp_dir().join("strikemap-doc-points.parquet");
/// let columns = [("name".to_string(), ColumnType::Text), ("date".to_string(), ColumnType::Date)];
/// let mut w = GeoParquetWriter::new(std::fs::File::create(&path).unwrap(), &columns)?;
/// let row = serde_json::json!({"name": "Kyiv", "date": "2025-06-01"});
/// w.write_point(LatLon::new(50.45, 30.52)?, row.as_object().unwrap())?;
/// w.finish()?;
/// let mut read = Vec::new();
/// ParquetPoints::open(&path)?.for_each(|p| {
///     let p = p?;
///     read.push((p.position, p.feature.property("date").cloned()));
///     Ok(())
/// })?;
/// assert_eq!(read, [(LatLon::new(50.45, 30.52)?, Some(serde_json::json!("2025-06-01")))]);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub struct ParquetPoints {
    builder: ParquetRecordBatchReaderBuilder<File>,
    position: Position,
    source: String,
}

fn parquet_error(source: &str, e: impl std::fmt::Display) -> Error {
    Error::format(source.to_string(), "a Parquet file", e.to_string())
}

impl ParquetPoints {
    /// Opens a Parquet file and finds where its positions are.
    ///
    /// # Errors
    /// [`Error::Io`] naming the path; [`Error::Format`] naming the path if
    /// it is not Parquet, if it has neither a geometry column (`geo`
    /// metadata) nor latitude and longitude columns (naming the columns it
    /// has), or if the geometry column is not WKB; or for a column of a
    /// type strikemap does not read (lists, structs, ...), naming it.
    ///
    /// ```
    /// let e = strikemap::io::parquet::ParquetPoints::open("no/such.parquet").err().unwrap();
    /// assert!(e.is_io());
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<ParquetPoints> {
        let path = path.as_ref();
        let source = path.display().to_string();
        let file = File::open(path).map_err(|e| Error::io(source.clone(), e))?;
        let builder = ParquetRecordBatchReaderBuilder::try_new(file)
            .map_err(|e| parquet_error(&source, e))?;
        let position = find_position(&builder, &source)?;
        let schema = builder.schema().clone();
        for (i, field) in schema.fields().iter().enumerate() {
            let skipped = match &position {
                Position::Wkb(g, covering) => {
                    i == *g || covering.as_deref() == Some(field.name().as_str())
                }
                Position::Columns(..) => false,
            };
            if !skipped && !readable(field.data_type()) {
                return Err(Error::format(
                    format!("column {:?}", field.name()),
                    "a column of booleans, numbers, text, dates or timestamps",
                    format!("{}", field.data_type()),
                )
                .at(source));
            }
        }
        Ok(ParquetPoints {
            builder,
            position,
            source,
        })
    }

    /// Hands every row to `each`, in file order, as [`PointFeature`]
    /// (`index` is the row number from 0): `Err` naming the row for a
    /// position that is missing or out of range, or a geometry that is not
    /// a Point. Returning `Err` from `each` stops reading.
    ///
    /// # Errors
    /// The first error `each` returns; [`Error::Format`] naming the file if
    /// a batch cannot be read.
    ///
    /// ```
    /// # let path = std::env::temp_dir().join("strikemap-doc-points-2.parquet");
    /// # let w = strikemap::io::parquet::GeoParquetWriter::new(std::fs::File::create(&path).unwrap(), &[])?;
    /// # w.finish()?;
    /// let mut n = 0;
    /// strikemap::io::parquet::ParquetPoints::open(&path)?.for_each(|_| { n += 1; Ok(()) })?;
    /// assert_eq!(n, 0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn for_each(self, mut each: impl FnMut(Result<PointFeature>) -> Result<()>) -> Result<()> {
        let source = self.source;
        let reader = self
            .builder
            .with_batch_size(8_192)
            .build()
            .map_err(|e| parquet_error(&source, e))?;
        let mut index = 0usize;
        for batch in reader {
            let batch = batch.map_err(|e| parquet_error(&source, e))?;
            for row in 0..batch.num_rows() {
                let read = point(&batch, row, index, &self.position)
                    .map_err(|e| e.at(format!("row {index}")).at(source.clone()));
                each(read)?;
                index += 1;
            }
        }
        Ok(())
    }
}

/// Whether strikemap reads a column of this type as a property.
fn readable(t: &DataType) -> bool {
    matches!(
        t,
        DataType::Null
            | DataType::Boolean
            | DataType::Int8
            | DataType::Int16
            | DataType::Int32
            | DataType::Int64
            | DataType::UInt8
            | DataType::UInt16
            | DataType::UInt32
            | DataType::UInt64
            | DataType::Float32
            | DataType::Float64
            | DataType::Utf8
            | DataType::LargeUtf8
            | DataType::Date32
            | DataType::Timestamp(_, _)
    )
}

/// The position columns: the `geo` metadata's primary column, else
/// latitude and longitude columns.
fn find_position(
    builder: &ParquetRecordBatchReaderBuilder<File>,
    source: &str,
) -> Result<Position> {
    let schema = builder.schema();
    let geo = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|k| k.key == "geo"))
        .and_then(|k| k.value.as_deref())
        .and_then(|v| serde_json::from_str::<JsonValue>(v).ok());
    if let Some(geo) = geo
        && let Some(primary) = geo["primary_column"].as_str()
    {
        let column = &geo["columns"][primary];
        let encoding = column["encoding"].as_str().unwrap_or("WKB");
        if !encoding.eq_ignore_ascii_case("WKB") {
            return Err(Error::format(
                format!("column {primary:?}"),
                "a WKB geometry column (GeoParquet encoding \"WKB\")",
                format!("the encoding {encoding:?}"),
            )
            .at(source.to_string()));
        }
        let Ok(i) = schema.index_of(primary) else {
            return Err(Error::format(
                format!("column {primary:?}"),
                "the geometry column the geo metadata names",
                "no such column",
            )
            .at(source.to_string()));
        };
        let covering = column["covering"]["bbox"]["xmin"][0]
            .as_str()
            .map(str::to_string);
        return Ok(Position::Wkb(i, covering));
    }
    let find = |names: &[&str]| {
        names.iter().find_map(|n| {
            schema
                .fields()
                .iter()
                .position(|f| f.name().eq_ignore_ascii_case(n))
        })
    };
    match (find(&LATITUDE), find(&LONGITUDE)) {
        (Some(lat), Some(lon)) => Ok(Position::Columns(lat, lon)),
        _ => {
            let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
            Err(Error::format(
                "columns",
                "a geometry column (GeoParquet geo metadata) or latitude and longitude columns \
                 (latitude/lat, longitude/lon/lng/long)",
                format!("the columns {}", names.join(", ")),
            )
            .at(source.to_string()))
        }
    }
}

/// One cell as JSON (null for a type that is not read).
fn cell(array: &dyn Array, row: usize) -> JsonValue {
    if array.is_null(row) {
        return JsonValue::Null;
    }
    macro_rules! prim {
        ($t:ty) => {
            JsonValue::from(array.as_primitive::<$t>().value(row))
        };
    }
    match array.data_type() {
        DataType::Boolean => JsonValue::Bool(array.as_boolean().value(row)),
        DataType::Int8 => prim!(Int8Type),
        DataType::Int16 => prim!(Int16Type),
        DataType::Int32 => prim!(Int32Type),
        DataType::Int64 => prim!(Int64Type),
        DataType::UInt8 => prim!(UInt8Type),
        DataType::UInt16 => prim!(UInt16Type),
        DataType::UInt32 => prim!(UInt32Type),
        DataType::UInt64 => prim!(UInt64Type),
        DataType::Float32 => prim!(Float32Type),
        DataType::Float64 => prim!(Float64Type),
        DataType::Utf8 => JsonValue::from(array.as_string::<i32>().value(row)),
        DataType::LargeUtf8 => JsonValue::from(array.as_string::<i64>().value(row)),
        DataType::Date32 => {
            let days = array.as_primitive::<Date32Type>().value(row);
            jiff::civil::date(1970, 1, 1)
                .checked_add(jiff::Span::new().days(i64::from(days)))
                .map_or(JsonValue::Null, |d| JsonValue::from(d.to_string()))
        }
        DataType::Timestamp(unit, _) => {
            use arrow_array::types::{
                TimestampMicrosecondType as Us, TimestampMillisecondType as Ms,
                TimestampNanosecondType as Ns, TimestampSecondType as S,
            };
            // Every unit is an i64 count of it since 1970-01-01T00:00:00Z.
            let (count, nanos_per) = match unit {
                TimeUnit::Second => (array.as_primitive::<S>().value(row), 1_000_000_000),
                TimeUnit::Millisecond => (array.as_primitive::<Ms>().value(row), 1_000_000),
                TimeUnit::Microsecond => (array.as_primitive::<Us>().value(row), 1_000),
                TimeUnit::Nanosecond => (array.as_primitive::<Ns>().value(row), 1),
            };
            jiff::Timestamp::from_nanosecond(i128::from(count) * nanos_per)
                .map_or(JsonValue::Null, |t| JsonValue::from(t.to_string()))
        }
        _ => JsonValue::Null,
    }
}

/// One row as a point feature.
fn point(batch: &RecordBatch, row: usize, index: usize, at: &Position) -> Result<PointFeature> {
    let schema = batch.schema();
    let (lon_lat, skip): ([f64; 2], Option<(usize, Option<&str>)>) = match at {
        Position::Wkb(g, covering) => {
            let column = batch.column(*g);
            let name = schema.field(*g).name();
            if column.is_null(row) {
                return Err(Error::format(format!("column {name:?}"), "a Point", "null"));
            }
            let bytes = match column.data_type() {
                DataType::Binary => column.as_binary::<i32>().value(row),
                DataType::LargeBinary => column.as_binary::<i64>().value(row),
                other => {
                    return Err(Error::format(
                        format!("column {name:?}"),
                        "a binary (WKB) column",
                        format!("{other}"),
                    ));
                }
            };
            let p = wkb::read_point(bytes).map_err(|e| e.at(format!("column {name:?}")))?;
            (p, Some((*g, covering.as_deref())))
        }
        Position::Columns(lat, lon) => {
            let number = |i: usize| {
                let name = schema.field(i).name();
                cell(batch.column(i).as_ref(), row)
                    .as_f64()
                    .ok_or_else(|| Error::format(format!("column {name:?}"), "a number", "null"))
            };
            ([number(*lon)?, number(*lat)?], None)
        }
    };
    let position = LatLon::from_lon_lat(lon_lat).map_err(|e| e.at("geometry"))?;
    let mut properties = JsonObject::new();
    for (i, field) in schema.fields().iter().enumerate() {
        if let Some((g, covering)) = skip
            && (i == g || covering == Some(field.name().as_str()))
        {
            continue;
        }
        properties.insert(field.name().clone(), cell(batch.column(i).as_ref(), row));
    }
    let feature = Feature {
        geometry: Some(Geometry::new(GeometryValue::new_point(lon_lat))),
        properties: Some(properties),
        ..Feature::default()
    };
    Ok(PointFeature {
        index,
        position,
        feature,
    })
}
