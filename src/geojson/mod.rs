//! GeoJSON (RFC 7946): reading geometries into strikemap's types and
//! writing them back.

mod geometry;

pub use geometry::{area_from_geometry, line_from_geometry};
