//! Validated geometry on the ellipsoid: [`Line`] (one or more polylines) and
//! [`Area`] (one or more polygons with holes).
//!
//! Edges are **geodesics** between consecutive vertices (the shortest path on
//! WGS84), not straight lines in longitude/latitude as RFC 7946 draws them.
//! Long edges are densified on GeoJSON export so that flat maps draw the
//! geodesic; for the short edges of boundary data the two agree to well
//! under a metre.

mod area;
mod geojson;
mod line;

pub use area::{Area, Polygon};
pub use line::Line;

use crate::error::{Error, Result};
use crate::position::LatLon;

/// Reads `[lon, lat]` positions, naming the vertex of a bad one.
pub(crate) fn positions_from_lon_lat(
    coords: &[[f64; 2]],
    location: &dyn Fn(usize) -> String,
) -> Result<Vec<LatLon>> {
    coords
        .iter()
        .enumerate()
        .map(|(i, c)| LatLon::from_lon_lat(*c).map_err(|e| e.at(location(i))))
        .collect()
}

pub(crate) fn empty(location: String, what: &str) -> Error {
    Error::geometry(location, format!("{what} is empty"))
}
