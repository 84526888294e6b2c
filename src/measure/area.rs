//! Lengths of lines and areas of regions on the ellipsoid.

use geographiclib_rs::{PolygonArea, Winding};

use super::{Geodesic, PointMeasure as _, wgs84};
use crate::distance::Distance;
use crate::shape::{Area, Line};

/// Square metres in one square kilometre.
const M2_PER_KM2: f64 = 1e6;

/// The length of a line on an Earth model.
pub trait LengthMeasure {
    /// The total length of every part, along geodesic edges.
    ///
    /// ```
    /// use strikemap::{Geodesic, LatLon, LengthMeasure, Line};
    /// let l = Line::from_vertices(vec![LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 1.0)?, LatLon::new(0.0, 2.0)?])?;
    /// approx::assert_relative_eq!(Geodesic.length(&l).as_km(), 222.639, epsilon = 1e-3);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn length(&self, line: &Line) -> Distance;
}

impl LengthMeasure for Geodesic {
    fn length(&self, line: &Line) -> Distance {
        line.segments()
            .map(|(_, _, a, b)| self.distance(a, b))
            .sum()
    }
}

/// The area of a region on an Earth model.
pub trait AreaMeasure {
    /// The area in square kilometres: each polygon's exterior minus its
    /// holes, each ring bounding the smaller region it encloses.
    ///
    /// ```
    /// use strikemap::{Area, AreaMeasure, Geodesic};
    /// // A 1°×1° cell at the equator: about 12,308 km².
    /// let cell = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]])?;
    /// approx::assert_relative_eq!(Geodesic.area_km2(&cell), 12_308.8, epsilon = 0.1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn area_km2(&self, area: &Area) -> f64;
}

/// Area of the smaller region a ring bounds, in m² (Karney's method).
fn ring_area_m2(ring: &[crate::LatLon]) -> f64 {
    let mut pa = PolygonArea::new(wgs84(), Winding::CounterClockwise);
    for p in &ring[..ring.len() - 1] {
        pa.add_point(p.lat(), p.lon());
    }
    let (_perimeter, area, _n) = pa.compute(true);
    area.abs()
}

impl AreaMeasure for Geodesic {
    fn area_km2(&self, area: &Area) -> f64 {
        area.polygons()
            .iter()
            .map(|poly| {
                let outer = ring_area_m2(poly.exterior());
                let holes: f64 = poly.holes().iter().map(|h| ring_area_m2(h)).sum();
                outer - holes
            })
            .sum::<f64>()
            / M2_PER_KM2
    }
}
