//! Earth models and the measures they offer: between points, from a point to
//! a line or an area, lengths and areas.
//!
//! [`Geodesic`] (the WGS84 ellipsoid, Karney's algorithms through `geo` and
//! `geographiclib-rs`) is the default everywhere; [`Haversine`] (a sphere) is
//! there only when asked for, and its error is documented. [`buffer`] gives
//! the area within a distance of any [`Buffered`] target.

mod area;
mod batch;
mod buffer;
mod conformal;
mod contains;
mod nearest;
mod point;
mod point_index;
mod prepared;
mod segment;
mod sphere;

pub use area::{AreaMeasure, LengthMeasure};
pub use batch::nearest_many;
pub use buffer::{BufferOptions, Buffered, buffer};
pub use nearest::{Nearest, NearestOn, Target};
pub use point::{Geodesic, Haversine, Method, Metric};
pub use point_index::{Hit, PointIndex};
pub use prepared::{PreparedArea, PreparedLine};
pub(crate) use prepared::{direction, lower_bound_metres};

/// WGS84 semi-major axis (equatorial radius) in metres (NIMA TR8350.2, 3rd ed., table 3.1).
pub const WGS84_A: f64 = 6_378_137.0;
/// WGS84 flattening, 1/298.257223563 (NIMA TR8350.2, 3rd ed., table 3.1).
pub const WGS84_F: f64 = 1.0 / 298.257_223_563;
/// WGS84 semi-minor axis (polar radius) in metres, a·(1 − f).
pub const WGS84_B: f64 = WGS84_A * (1.0 - WGS84_F);
/// Mean Earth radius R₁ = (2a + b)/3 = 6,371,008.8 m (IUGG; Moritz 1980),
/// the sphere [`Haversine`] uses.
pub const MEAN_RADIUS: f64 = 6_371_008.8;

/// The WGS84 ellipsoid of `geographiclib-rs`, built once.
pub(crate) fn wgs84() -> &'static geographiclib_rs::Geodesic {
    static WGS84: std::sync::LazyLock<geographiclib_rs::Geodesic> =
        std::sync::LazyLock::new(geographiclib_rs::Geodesic::wgs84);
    &WGS84
}

/// The WGS84 geodesic leaving `a` at azimuth `azi` (degrees from north),
/// ready to give latitude, longitude and azimuth at distances along it.
pub(crate) fn geodesic_from(a: crate::LatLon, azi: f64) -> geographiclib_rs::GeodesicLine {
    use geographiclib_rs::geodesic_capability as caps;
    geographiclib_rs::GeodesicLine::new(
        wgs84(),
        a.lat(),
        a.lon(),
        azi,
        Some(caps::LATITUDE | caps::LONGITUDE | caps::AZIMUTH | caps::DISTANCE_IN),
        None,
        None,
    )
}

/// The WGS84 geodesic from `a` to `b` (as [`geodesic_from`]) and its
/// length in metres.
pub(crate) fn geodesic_between(
    a: crate::LatLon,
    b: crate::LatLon,
) -> (geographiclib_rs::GeodesicLine, f64) {
    use geographiclib_rs::InverseGeodesic as _;
    let (s12, azi1, _azi2, _a12): (f64, f64, f64, f64) =
        wgs84().inverse(a.lat(), a.lon(), b.lat(), b.lon());
    (geodesic_from(a, azi1), s12)
}
