//! [`RangeRing`]: the area within a distance of a point, on the ellipsoid.
//!
//! The ring is the geodesic circle: the points reached from the centre by
//! the direct geodesic problem (Karney's algorithm through
//! `geographiclib-rs`) at the radius along many bearings, refined until
//! adjacent vertices are no more than the densify spacing apart, with a
//! vertex placed exactly on the antimeridian wherever the circle crosses it.
//! Unlike a circle drawn in longitude/latitude (Turf's `circle`), it stays
//! right when it encloses a pole or crosses the antimeridian; the GeoJSON
//! export then cuts it at ±180° and closes it along the pole.

use crate::bearing::Bearing;
use crate::distance::Distance;
use crate::error::{Error, Result};
use crate::measure::{Geodesic, MEAN_RADIUS, Metric as _};
use crate::position::LatLon;

/// Fewest vertices of a ring, whatever its size (one every 5°).
const MIN_VERTICES: usize = 72;
/// Most vertices of a ring; the refinement stops there.
const MAX_VERTICES: usize = 500_000;
/// Largest change of longitude, in degrees, between adjacent vertices of
/// rings and arcs (near a pole a short edge can span many degrees, and maps
/// draw it as a straight line in longitude/latitude).
pub(crate) const MAX_LON_STEP: f64 = 1.0;
/// Edges shorter than this (metres) are never split, whatever their change
/// of longitude (an edge through a pole).
pub(crate) const MIN_SPLIT_M: f64 = 1.0;
/// Bisection steps on the bearing to place a vertex on the antimeridian
/// (2⁻⁶⁰ of a few degrees: far below a micrometre).
const CROSSING_STEPS: usize = 60;

/// The area within a geodesic distance of a point: "4,300 miles from
/// Ukrainka air base".
///
/// The radius must be more than 0 and less than half the meridian
/// ([`RangeRing::MAX_RADIUS`], 20,003.931 km): no point on Earth is farther
/// from any other, so a larger ring would cover the whole Earth.
///
/// ```
/// use strikemap::{Distance, LatLon, model::RangeRing};
/// let ukrainka = LatLon::new(51.17, 128.45)?;
/// let ring = RangeRing::new("Ukrainka 4,300 mi", ukrainka, Distance::from_miles(4_300.0))?;
/// assert!(ring.contains(LatLon::new(90.0, 0.0)?)); // the North Pole
/// assert!(!ring.contains(LatLon::new(-33.9, 18.4)?)); // Cape Town
/// assert!(RangeRing::new("too far", ukrainka, Distance::from_km(25_000.0)).is_err());
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RangeRing {
    /// Its name, e.g. `"Ukrainka 4,300 mi"`.
    pub name: String,
    /// The centre.
    pub centre: LatLon,
    radius: Distance,
}

impl RangeRing {
    /// Half the WGS84 meridian, 20,003,931.458 m: the largest geodesic
    /// distance between two points on the ellipsoid (twice the meridian
    /// quadrant of 10,001,965.729 m, NIMA TR8350.2, 3rd ed., derived
    /// geometric constants; checked against `geographiclib-rs` in the tests).
    ///
    /// ```
    /// approx::assert_relative_eq!(strikemap::model::RangeRing::MAX_RADIUS.as_km(), 20_003.931, epsilon = 1e-3);
    /// ```
    pub const MAX_RADIUS: Distance = Distance::from_metres(20_003_931.458);

    /// A ring of `radius` around `centre`.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if the radius is not finite, not positive, or
    /// not less than [`RangeRing::MAX_RADIUS`].
    ///
    /// ```
    /// use strikemap::{Distance, Error, LatLon, model::RangeRing};
    /// let c = LatLon::new(0.0, 0.0)?;
    /// assert!(RangeRing::new("r", c, Distance::from_km(1_000.0)).is_ok());
    /// let err = RangeRing::new("r", c, Distance::from_km(0.0)).unwrap_err();
    /// assert!(matches!(err, Error::InvalidNumber { field: "radius", .. }));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(name: impl Into<String>, centre: LatLon, radius: Distance) -> Result<RangeRing> {
        let metres = radius.as_metres();
        if !(metres.is_finite() && metres > 0.0 && radius < RangeRing::MAX_RADIUS) {
            return Err(Error::InvalidNumber {
                field: "radius",
                value: metres,
                expected: "a distance in metres above 0 and below half the meridian \
                           (20,003,931.458 m): a larger ring covers the whole Earth",
            });
        }
        Ok(RangeRing {
            name: name.into(),
            centre,
            radius,
        })
    }

    /// The radius (a geodesic distance on WGS84).
    ///
    /// ```
    /// use strikemap::{Distance, LatLon, model::RangeRing};
    /// let r = RangeRing::new("r", LatLon::new(0.0, 0.0)?, Distance::from_miles(4_300.0))?;
    /// assert_eq!(r.radius().as_miles(), 4_300.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn radius(&self) -> Distance {
        self.radius
    }

    /// Whether a point lies within the radius of the centre (boundary
    /// included), on WGS84.
    ///
    /// ```
    /// use strikemap::{Distance, LatLon, model::RangeRing};
    /// let r = RangeRing::new("r", LatLon::new(0.0, 0.0)?, Distance::from_km(200.0))?;
    /// assert!(r.contains(LatLon::new(0.0, 1.0)?));
    /// assert!(!r.contains(LatLon::new(0.0, 2.0)?));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn contains(&self, point: LatLon) -> bool {
        Geodesic.distance(self.centre, point) <= self.radius
    }

    /// The vertices of the ring, closed (the last equals the first), going
    /// counter-clockwise around the centre so that the enclosed area lies on
    /// the left. Adjacent vertices are at most `spacing` apart and at most 1°
    /// of longitude apart (near a pole); wherever the
    /// circle crosses the antimeridian a vertex lies on it (longitude 180).
    /// Every vertex is at the radius from the centre.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if `spacing` is not a positive, finite distance.
    ///
    /// ```
    /// use strikemap::{Distance, Geodesic, LatLon, Metric, model::RangeRing};
    /// let c = LatLon::new(51.17, 128.45)?;
    /// let ring = RangeRing::new("r", c, Distance::from_miles(4_300.0))?;
    /// let v = ring.vertices(Distance::from_km(50.0))?;
    /// assert_eq!(v.first(), v.last());
    /// for p in &v {
    ///     approx::assert_relative_eq!(Geodesic.distance(c, *p).as_miles(), 4_300.0, epsilon = 1e-6);
    /// }
    /// assert!(v.iter().any(|p| p.lon() == 180.0));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn vertices(&self, spacing: Distance) -> Result<Vec<LatLon>> {
        let step = spacing.as_metres();
        if !(step.is_finite() && step > 0.0) {
            return Err(Error::InvalidNumber {
                field: "spacing",
                value: step,
                expected: "a positive, finite distance",
            });
        }
        let r = self.radius.as_metres();
        // The circumference on a sphere of mean radius: a starting estimate only.
        let circumference =
            2.0 * std::f64::consts::PI * MEAN_RADIUS * (r / MEAN_RADIUS).sin().abs();
        let n0 = ((circumference / step).ceil() as usize).clamp(MIN_VERTICES, MAX_VERTICES);
        let at = |theta: f64| -> Result<LatLon> {
            Geodesic.destination(self.centre, Bearing::from_degrees(theta)?, self.radius)
        };
        // Decreasing bearings: counter-clockwise around the centre.
        let coarse = (0..=n0)
            .map(|i| {
                let theta = -360.0 * i as f64 / n0 as f64;
                Ok((theta, at(theta)?))
            })
            .collect::<Result<Vec<_>>>()?;
        let mut fine: Vec<(f64, LatLon)> = vec![coarse[0]];
        for pair in coarse.windows(2) {
            self.refine(pair[0], pair[1], spacing, &at, &mut fine, 0)?;
        }
        let mut out = Vec::with_capacity(fine.len() + 4);
        out.push(fine[0].1);
        for pair in fine.windows(2) {
            let ((ta, a), (tb, b)) = (pair[0], pair[1]);
            if crosses_antimeridian(a, b) {
                out.push(crossing(ta, a, tb, &at)?);
            }
            out.push(b);
        }
        // Close exactly (bearing -360 gives the start point up to rounding).
        if let (Some(first), Some(last)) = (out.first().copied(), out.last_mut()) {
            *last = first;
        }
        Ok(out)
    }

    /// Adds the vertices after `a` up to and including `b`, bisecting the
    /// bearing while adjacent vertices are farther apart than `spacing`.
    fn refine(
        &self,
        a: (f64, LatLon),
        b: (f64, LatLon),
        spacing: Distance,
        at: &dyn Fn(f64) -> Result<LatLon>,
        out: &mut Vec<(f64, LatLon)>,
        depth: usize,
    ) -> Result<()> {
        let d = Geodesic.distance(a.1, b.1);
        let turn = crate::position::wrap180(b.1.lon() - a.1.lon()).abs();
        let split = d > spacing || (turn > MAX_LON_STEP && d.as_metres() > MIN_SPLIT_M);
        if depth < 40 && out.len() < MAX_VERTICES && split {
            let theta = 0.5 * (a.0 + b.0);
            let mid = (theta, at(theta)?);
            self.refine(a, mid, spacing, at, out, depth + 1)?;
            self.refine(mid, b, spacing, at, out, depth + 1)?;
        } else {
            out.push(b);
        }
        Ok(())
    }
}

/// Whether going from `a` to `b` the short way round crosses longitude ±180
/// strictly between them.
fn crosses_antimeridian(a: LatLon, b: LatLon) -> bool {
    if a.lon().abs() == 180.0 || b.lon().abs() == 180.0 {
        return false;
    }
    let reached = a.lon() + crate::position::wrap180(b.lon() - a.lon());
    reached.abs() > 180.0
}

/// The point of the circle on the antimeridian between bearings `ta` (at
/// point `a`) and `tb`, found by bisection on the bearing.
fn crossing(ta: f64, a: LatLon, tb: f64, at: &dyn Fn(f64) -> Result<LatLon>) -> Result<LatLon> {
    let (mut lo, mut hi) = (ta, tb);
    let mut lat = a.lat();
    for _ in 0..CROSSING_STEPS {
        let mid = 0.5 * (lo + hi);
        let p = at(mid)?;
        lat = p.lat();
        if crosses_antimeridian(a, p) || p.lon().abs() == 180.0 {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    LatLon::new(lat, 180.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ring_has_minimum_vertices_and_right_radius() {
        let c = LatLon::new(10.0, 20.0).unwrap();
        let ring = RangeRing::new("r", c, Distance::from_metres(500.0)).unwrap();
        let v = ring.vertices(Distance::from_km(50.0)).unwrap();
        assert_eq!(v.len(), MIN_VERTICES + 1);
        for p in &v {
            assert!((Geodesic.distance(c, *p).as_metres() - 500.0).abs() < 1e-6);
        }
    }

    #[test]
    fn spacing_is_respected() {
        let c = LatLon::new(-40.0, 170.0).unwrap();
        let ring = RangeRing::new("r", c, Distance::from_km(3_000.0)).unwrap();
        let spacing = Distance::from_km(50.0);
        let v = ring.vertices(spacing).unwrap();
        for w in v.windows(2) {
            assert!(Geodesic.distance(w[0], w[1]) <= spacing);
        }
        assert_eq!(v.iter().filter(|p| p.lon() == 180.0).count(), 2);
    }

    #[test]
    fn max_radius_is_half_the_meridian() {
        use geographiclib_rs::InverseGeodesic;
        let s12: f64 = crate::measure::wgs84().inverse(90.0, 0.0, -90.0, 0.0);
        assert!(
            (s12 - RangeRing::MAX_RADIUS.as_metres()).abs() < 0.001,
            "{s12}"
        );
    }

    #[test]
    fn rejects_bad_radius_and_spacing() {
        let c = LatLon::new(0.0, 0.0).unwrap();
        for r in [f64::NAN, -1.0, 0.0, 20_003_931.458, 3e7] {
            assert!(
                RangeRing::new("r", c, Distance::from_metres(r)).is_err(),
                "{r}"
            );
        }
        let ring = RangeRing::new("r", c, Distance::from_km(10.0)).unwrap();
        assert!(ring.vertices(Distance::ZERO).is_err());
    }
}
