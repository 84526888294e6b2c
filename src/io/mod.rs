//! Reading and writing: GeoJSON (RFC 7946) in and out, CSV and GeoJSON
//! point tables streamed in, and targets written as text (`country:UA`,
//! `50.45,30.52`, a file).

pub mod geojson;
pub mod kml;
pub mod points;
pub mod target_spec;

/// The UTF-8 byte order mark some editors write at the start of a file;
/// JSON parsers may ignore it (RFC 8259 §8.1), and strikemap's readers do.
pub(crate) const BOM: &str = "\u{feff}";

/// `text` without a leading byte order mark ([`BOM`]).
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}
