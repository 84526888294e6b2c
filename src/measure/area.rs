//! Lengths of lines and areas of regions on the ellipsoid.

use geographiclib_rs::{PolygonArea, Winding};

use super::{Geodesic, Haversine, MEAN_RADIUS, Method, Metric, wgs84};
use crate::distance::Distance;
use crate::shape::{Area, Line};

/// Square metres in one square kilometre.
const M2_PER_KM2: f64 = 1e6;

/// The length of a line on an Earth model.
pub trait LengthMeasure {
    /// The total length of every part, along geodesic edges.
    ///
    /// ```
    /// use strikemap::{Geodesic, LatLon, Line, measure::LengthMeasure};
    /// let l = Line::from_vertices(vec![LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 1.0)?, LatLon::new(0.0, 2.0)?])?;
    /// approx::assert_relative_eq!(Geodesic.length(&l).as_km(), 222.639, epsilon = 1e-3);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn length(&self, line: &Line) -> Distance;
}

/// The sum of the edge lengths on a model.
fn edge_sum(metric: &impl Metric, line: &Line) -> Distance {
    line.segments()
        .map(|(_, _, a, b)| metric.distance(a, b))
        .sum()
}

impl LengthMeasure for Geodesic {
    fn length(&self, line: &Line) -> Distance {
        edge_sum(self, line)
    }
}

/// Edges as great circles on the mean-radius sphere.
///
/// ```
/// use strikemap::{Geodesic, Haversine, LatLon, Line, measure::LengthMeasure};
/// let l = Line::from_vertices(vec![LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 1.0)?])?;
/// assert!(Haversine.length(&l) < Geodesic.length(&l));
/// # Ok::<(), strikemap::Error>(())
/// ```
impl LengthMeasure for Haversine {
    fn length(&self, line: &Line) -> Distance {
        edge_sum(self, line)
    }
}

/// The chosen model's length.
///
/// ```
/// use strikemap::{Haversine, LatLon, Line, Method, measure::LengthMeasure};
/// let l = Line::from_vertices(vec![LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 1.0)?])?;
/// assert_eq!(Method::Haversine.length(&l), Haversine.length(&l));
/// # Ok::<(), strikemap::Error>(())
/// ```
impl LengthMeasure for Method {
    fn length(&self, line: &Line) -> Distance {
        edge_sum(self, line)
    }
}

/// The area of a region on an Earth model.
pub trait AreaMeasure {
    /// The area in square kilometres: each polygon's exterior minus its
    /// holes, each ring bounding the smaller region it encloses.
    ///
    /// ```
    /// use strikemap::{Area, Geodesic, measure::AreaMeasure};
    /// // A 1°×1° cell at the equator: about 12,308 km².
    /// let cell = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]])?;
    /// approx::assert_relative_eq!(Geodesic.area_km2(&cell), 12_308.8, epsilon = 0.1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn area_km2(&self, area: &Area) -> f64;
}

/// The sphere of the mean radius as a `geographiclib-rs` model (flattening 0).
fn mean_sphere() -> &'static geographiclib_rs::Geodesic {
    static SPHERE: std::sync::LazyLock<geographiclib_rs::Geodesic> =
        std::sync::LazyLock::new(|| geographiclib_rs::Geodesic::new(MEAN_RADIUS, 0.0));
    &SPHERE
}

/// Area of the smaller region a ring bounds, in m² (Karney's method).
fn ring_area_m2(model: &geographiclib_rs::Geodesic, ring: &[crate::LatLon]) -> f64 {
    let mut pa = PolygonArea::new(model, Winding::CounterClockwise);
    for p in &ring[..ring.len() - 1] {
        pa.add_point(p.lat(), p.lon());
    }
    let (_perimeter, area, _n) = pa.compute(true);
    area.abs()
}

/// Exteriors minus holes on a model, in km².
fn area_on(model: &geographiclib_rs::Geodesic, area: &Area) -> f64 {
    area.polygons()
        .iter()
        .map(|poly| {
            let outer = ring_area_m2(model, poly.exterior());
            let holes: f64 = poly.holes().iter().map(|h| ring_area_m2(model, h)).sum();
            outer - holes
        })
        .sum::<f64>()
        / M2_PER_KM2
}

impl AreaMeasure for Geodesic {
    fn area_km2(&self, area: &Area) -> f64 {
        area_on(wgs84(), area)
    }
}

/// Great-circle edges on the mean-radius sphere (Karney's polygon area with
/// flattening 0).
///
/// ```
/// use strikemap::{Area, Geodesic, Haversine, measure::AreaMeasure};
/// let cell = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]])?;
/// let (sphere, ellipsoid) = (Haversine.area_km2(&cell), Geodesic.area_km2(&cell));
/// assert!(((sphere - ellipsoid) / ellipsoid).abs() < 0.01);
/// # Ok::<(), strikemap::Error>(())
/// ```
impl AreaMeasure for Haversine {
    fn area_km2(&self, area: &Area) -> f64 {
        area_on(mean_sphere(), area)
    }
}

/// The chosen model's area.
///
/// ```
/// use strikemap::{Area, Geodesic, Method, measure::AreaMeasure};
/// let cell = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]])?;
/// assert_eq!(Method::Geodesic.area_km2(&cell), Geodesic.area_km2(&cell));
/// # Ok::<(), strikemap::Error>(())
/// ```
impl AreaMeasure for Method {
    fn area_km2(&self, area: &Area) -> f64 {
        match self {
            Method::Geodesic => Geodesic.area_km2(area),
            Method::Haversine => Haversine.area_km2(area),
        }
    }
}
