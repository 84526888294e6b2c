//! Reading and writing: GeoJSON (RFC 7946) in and out, CSV and GeoJSON
//! point tables streamed in, and targets written as text (`country:UA`,
//! `50.45,30.52`, a file).

pub mod geojson;
pub mod points;
pub mod target_spec;
