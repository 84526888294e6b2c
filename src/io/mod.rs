//! Reading and writing: GeoJSON (RFC 7946) and KML/KMZ in and out, CSV,
//! GeoJSON, KML and (feature `parquet`) GeoParquet point tables streamed
//! in, GeoParquet out, and targets written as text (`country:UA`,
//! `50.45,30.52`, a file).

pub mod control;
pub mod geojson;
pub mod kml;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod points;
pub mod target_spec;

/// The UTF-8 byte order mark some editors write at the start of a file;
/// JSON parsers may ignore it (RFC 8259 §8.1), and strikemap's readers do.
pub(crate) const BOM: &str = "\u{feff}";

/// `text` without a leading byte order mark ([`BOM`]).
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}
