#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bearing;
pub mod countries;
mod distance;
mod error;
mod geojson;
mod measure;
mod model;
mod position;
mod shape;

pub use bearing::Bearing;
pub use distance::{
    DisplayIn, Distance, METRES_PER_KM, METRES_PER_MILE, METRES_PER_NAUTICAL_MILE, StatedDistance,
    Unit,
};
pub use error::{Error, Result};
pub use geojson::{area_from_geometry, line_from_geometry};
pub use measure::{
    AreaMeasure, Geodesic, Haversine, LengthMeasure, MEAN_RADIUS, Method, Nearest, NearestOn,
    PointMeasure, PreparedArea, PreparedLine, Target, WGS84_A, WGS84_B, WGS84_F,
};
pub use model::{
    AirBase, Catalog, City, ClaimedCount, CountKind, CountryCode, Endpoint, FrontLine, Place,
    PlaceKind, Ranked, Site, Source, Strike, TargetRef, Territory, Weapon,
};
pub use position::LatLon;
pub use shape::{Area, Line, Polygon};
