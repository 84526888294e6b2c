//! GeoParquet 1.1 out and GeoParquet points in (feature `parquet`), for
//! data pipelines: DuckDB (spatial), GeoPandas, BigQuery, Apache Sedona.
//!
//! ```text
//! rows (JSON values by column) -> types.rs: ColumnTypes infers each
//!   column's type from every value (numbers, dates, instants, text)
//!   -> write.rs: GeoParquetWriter, a row group at a time (arrow + parquet):
//!      typed columns, geometry as WKB (wkb.rs), a bbox covering column,
//!      the `geo` metadata (version 1.1.0, CRS OGC:CRS84 as PROJJSON)
//! Parquet -> read.rs: ParquetPoints, a batch at a time: a WKB point
//!   column (`geo` metadata) or latitude/longitude columns -> PointFeature
//! ```
//!
//! The type rule is [`ColumnType`]'s. Writing is bounded in memory by the
//! row group ([`ROW_GROUP_ROWS`] rows); reading by the batch (8,192 rows).
//!
//! ```
//! use strikemap::{LatLon, io::parquet::{ColumnTypes, GeoParquetWriter}};
//! let rows = [serde_json::json!({"n": "1", "when": "2025-06-01"}), serde_json::json!({"n": "2.5", "when": ""})];
//! let mut types = ColumnTypes::new();
//! for row in &rows {
//!     for (k, v) in row.as_object().unwrap() { types.observe(k, v); }
//! }
//! let mut w = GeoParquetWriter::new(Vec::new(), &types.columns())?;
//! for row in &rows {
//!     w.write_point(LatLon::new(50.0, 30.0)?, row.as_object().unwrap())?;
//! }
//! assert_eq!(w.rows(), 2);
//! w.finish()?;
//! # Ok::<(), strikemap::Error>(())
//! ```

mod read;
mod types;
mod wkb;
mod write;

pub use read::ParquetPoints;
pub use types::{ColumnType, ColumnTypes};
pub use write::{GeoParquetWriter, ROW_GROUP_ROWS};
