//! [`RangeRing`]: the area within a distance of a point, on the ellipsoid.
//!
//! The ring is the geodesic circle: the points reached from the centre by
//! the direct geodesic problem (Karney's algorithm through
//! `geographiclib-rs`) at the radius along many bearings, refined until
//! adjacent vertices are no more than the densify spacing apart, with a
//! vertex placed exactly on the antimeridian wherever the circle crosses it.
//!
//! Past the ellipsoid's cut locus (within a few tens of kilometres of the
//! largest radius, depending on the centre: about 19,994 km from Kyiv) a direct geodesic of the radius is no longer the
//! shortest path, and its end lies nearer the centre than the radius. Such
//! rings are solved as the complement of the points farther than the radius,
//! which lie around the antipode: along each bearing from the antipode the
//! vertex is where the inverse (shortest) distance from the centre equals
//! the radius. Either way every vertex is at the radius by the inverse
//! problem, which is what [`RangeRing::contains`] measures.
//!
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
/// How far (metres) a vertex's inverse distance from the centre may differ
/// from the radius before the ring is solved around the antipode instead.
const EXACT_M: f64 = 1e-6;
/// Radii up to this (metres) are inside the cut locus of every centre (a
/// unit test checks centres from the equator to the pole), so the direct
/// problem is exact and the check is skipped.
const SURELY_DIRECT_M: f64 = 19_000_000.0;

/// The area within a geodesic distance of a point: "4,300 miles from
/// Ukrainka air base".
///
/// The radius must be at least [`RangeRing::MIN_RADIUS`] (1 m: a smaller
/// ring cannot be told from its centre) and less than half the meridian
/// ([`RangeRing::MAX_RADIUS`], 20,003.931 km): no point on Earth is farther
/// from any other, so a larger ring would cover the whole Earth.
///
/// Every vertex lies at the radius by the inverse (shortest-path) geodesic
/// problem, within a micrometre, up to the largest radius: beyond the
/// ellipsoid's cut locus (about 19,994 km from Kyiv; it depends on the centre) a
/// ring is the Earth minus a small region around the antipode, and its
/// vertices are found on that region's edge (see the module docs). Close to
/// the maximum that region is tiny (about 0.9 km across at 20,003 km), so at
/// a coarse export precision its vertices collapse and the export refuses
/// the ring, naming the precision.
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

    /// The smallest radius, 1 m: below it the vertices of a ring are within
    /// millimetres of each other and of the centre, and a map (or a
    /// position rounded to 8 decimals) cannot tell the ring from its centre.
    ///
    /// ```
    /// use strikemap::{Distance, LatLon, model::RangeRing};
    /// assert_eq!(RangeRing::MIN_RADIUS.as_metres(), 1.0);
    /// assert!(RangeRing::new("r", LatLon::new(0.0, 0.0)?, Distance::from_metres(0.001)).is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const MIN_RADIUS: Distance = Distance::from_metres(1.0);

    /// A ring of `radius` around `centre`.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if the radius is not finite, less than
    /// [`RangeRing::MIN_RADIUS`], or not less than [`RangeRing::MAX_RADIUS`].
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
        if !(metres.is_finite()
            && radius >= RangeRing::MIN_RADIUS
            && radius < RangeRing::MAX_RADIUS)
        {
            return Err(Error::InvalidNumber {
                field: "radius",
                value: metres,
                expected: "a distance in metres of at least 1 (a smaller ring cannot be told \
                           from its centre) and below half the meridian (20,003,931.458 m): \
                           a larger ring covers the whole Earth",
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
    /// Every vertex is at the radius from the centre by the inverse geodesic
    /// problem (within a micrometre), whatever the radius: past the cut
    /// locus the vertices go clockwise around the antipode, which keeps the
    /// centre on the left.
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
        let direct = |theta: f64| -> Result<LatLon> {
            Geodesic.destination(self.centre, Bearing::from_degrees(theta)?, self.radius)
        };
        let out = self.trace(spacing, &direct)?;
        if self.radius.as_metres() <= SURELY_DIRECT_M || self.all_at_radius(&out) {
            return Ok(out);
        }
        // Past the cut locus: the edge of the far region around the antipode,
        // clockwise around it (bearings from it increasing).
        let antipode = LatLon::new(
            -self.centre.lat(),
            crate::position::wrap180(self.centre.lon() + 180.0),
        )?;
        let far = |theta: f64| -> Result<LatLon> { self.far_edge(antipode, -theta) };
        self.trace(spacing, &far)
    }

    /// Whether every vertex is at the radius by the inverse problem.
    fn all_at_radius(&self, vertices: &[LatLon]) -> bool {
        let r = self.radius.as_metres();
        vertices
            .iter()
            .all(|v| (Geodesic.distance(self.centre, *v).as_metres() - r).abs() <= EXACT_M)
    }

    /// The point at bearing `azimuth` from the antipode whose (shortest)
    /// distance from the centre is the radius: a root of
    /// f(s) = distance(centre, point s along the geodesic) − radius,
    /// positive at s = 0 (the antipode is at half the meridian, the farthest
    /// any point is), bracketed by doubling and found by the Illinois method.
    fn far_edge(&self, antipode: LatLon, azimuth: f64) -> Result<LatLon> {
        let r = self.radius.as_metres();
        let bearing = Bearing::from_degrees(azimuth)?;
        let eval = |s: f64| -> Result<(LatLon, f64)> {
            let q = Geodesic.destination(antipode, bearing, Distance::from_metres(s))?;
            Ok((q, Geodesic.distance(self.centre, q).as_metres() - r))
        };
        let (mut s0, mut f0) = (0.0, RangeRing::MAX_RADIUS.as_metres() - r);
        // The distance falls by at most s along the way: the root is beyond
        // MAX − r; double until f < 0.
        let mut s1 = (2.0 * f0).max(1.0);
        let (mut q, mut f1) = eval(s1)?;
        while f1 > 0.0 {
            (s0, f0) = (s1, f1);
            s1 *= 2.0;
            if s1 > RangeRing::MAX_RADIUS.as_metres() {
                return Err(Error::geometry(
                    self.name.clone(),
                    format!(
                        "no point at {} from the centre along bearing {azimuth}° from the antipode",
                        self.radius
                    ),
                ));
            }
            (q, f1) = eval(s1)?;
        }
        let mut side = 0;
        for _ in 0..200 {
            if f1.abs() <= EXACT_M / 10.0 || s1 - s0 < 1e-9 {
                break;
            }
            let s = (s0 * f1 - s1 * f0) / (f1 - f0);
            let (qs, fs) = eval(s)?;
            if fs > 0.0 {
                (s0, f0) = (s, fs);
                if side == 1 {
                    f1 *= 0.5;
                }
                side = 1;
            } else {
                (s1, f1, q) = (s, fs, qs);
                if side == -1 {
                    f0 *= 0.5;
                }
                side = -1;
            }
        }
        Ok(q)
    }

    /// The closed ring traced by `at` over decreasing bearings 0 … −360,
    /// refined to the spacing, with vertices on the antimeridian.
    fn trace(&self, spacing: Distance, at: &dyn Fn(f64) -> Result<LatLon>) -> Result<Vec<LatLon>> {
        let step = spacing.as_metres();
        let r = self.radius.as_metres();
        // The circumference on a sphere of mean radius: a starting estimate only.
        let circumference =
            2.0 * std::f64::consts::PI * MEAN_RADIUS * (r / MEAN_RADIUS).sin().abs();
        let n0 = ((circumference / step).ceil() as usize).clamp(MIN_VERTICES, MAX_VERTICES);
        // Decreasing bearings: counter-clockwise around the centre.
        let coarse = (0..=n0)
            .map(|i| {
                let theta = -360.0 * i as f64 / n0 as f64;
                Ok((theta, at(theta)?))
            })
            .collect::<Result<Vec<_>>>()?;
        let mut fine: Vec<(f64, LatLon)> = vec![coarse[0]];
        for pair in coarse.windows(2) {
            self.refine(pair[0], pair[1], spacing, at, &mut fine, 0)?;
        }
        let mut out = Vec::with_capacity(fine.len() + 4);
        out.push(fine[0].1);
        for pair in fine.windows(2) {
            let ((ta, a), (tb, b)) = (pair[0], pair[1]);
            if crosses_antimeridian(a, b) {
                out.push(crossing(ta, a, tb, at)?);
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
        // A pole's longitude means nothing: an edge to it is a meridian arc.
        let polar = a.1.lat().abs() == 90.0 || b.1.lat().abs() == 90.0;
        let turn = match polar {
            true => 0.0,
            false => crate::position::wrap180(b.1.lon() - a.1.lon()).abs(),
        };
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
    fn direct_is_exact_up_to_the_skipped_check() {
        // SURELY_DIRECT_M: below it the direct geodesic is the shortest path.
        let r = Distance::from_metres(SURELY_DIRECT_M);
        for lat in [0.0, 0.5, 15.0, 45.0, 75.0, 89.9] {
            let c = LatLon::new(lat, 10.0).unwrap();
            for k in 0..72 {
                let b = Bearing::from_degrees(5.0 * f64::from(k)).unwrap();
                let q = Geodesic.destination(c, b, r).unwrap();
                let d = Geodesic.distance(c, q).as_metres();
                assert!((d - SURELY_DIRECT_M).abs() <= EXACT_M, "{lat} {k}: {d}");
            }
        }
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
        for r in [f64::NAN, -1.0, 0.0, 1e-300, 0.999, 20_003_931.458, 3e7] {
            assert!(
                RangeRing::new("r", c, Distance::from_metres(r)).is_err(),
                "{r}"
            );
        }
        let ring = RangeRing::new("r", c, Distance::from_km(10.0)).unwrap();
        assert!(ring.vertices(Distance::ZERO).is_err());
    }
}
