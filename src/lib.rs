#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bearing;
pub mod claim;
pub mod distance;
mod error;
pub mod guide;
pub mod io;
pub mod measure;
pub mod model;
mod places;
mod position;
pub mod render;
pub mod review;
pub mod shape;

pub use bearing::Bearing;
pub use claim::{DistanceClaim, Verdict};
pub use distance::{Distance, StatedDistance, Unit};
pub use error::{Error, Result};
pub use io::geojson::MapExport;
/// The civil date every dated model takes (`jiff::civil::Date`), re-exported
/// so that no other crate is needed: `Date::constant(2025, 6, 2)` or
/// `"2025-06-02".parse::<Date>()`.
///
/// ```
/// let d: strikemap::Date = "2025-06-02".parse().map_err(|_| "bad date")?;
/// assert_eq!(d, strikemap::Date::constant(2025, 6, 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub use jiff::civil::Date;
pub use measure::{Geodesic, Haversine, Method, Metric, Target};
pub use model::{
    AirBase, Catalog, City, ControlMap, CountryCode, FrontLine, Place, Site, Source, Strike,
    Territory,
};
pub use places::{countries, gazetteer, regions};
pub use position::LatLon;
pub use shape::{Area, Line};
