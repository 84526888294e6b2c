//! Point-to-point measures: distance, bearings, destination, points along the way.

use geo::{Bearing as _, Destination as _, Distance as _, InterpolatePoint as _};
use geographiclib_rs::{DirectGeodesic, InverseGeodesic, geodesic_capability as caps};
use serde::{Deserialize, Serialize};

use super::{Nearest, Target, geodesic_between, wgs84};
use crate::bearing::Bearing;
use crate::distance::Distance;
use crate::error::{Error, Result};
use crate::position::LatLon;

/// The WGS84 ellipsoid, measured with Karney's geodesic algorithms
/// (C. F. F. Karney, "Algorithms for geodesics", J. Geodesy 87, 43–55, 2013)
/// through `geo`'s `Geodesic` and `geographiclib-rs`. Accurate to about
/// 15 nm; the default everywhere in strikemap.
///
/// ```
/// use strikemap::{Geodesic, LatLon, Metric};
/// let kyiv = LatLon::new(50.4501, 30.5234)?;
/// let moscow = LatLon::new(55.7558, 37.6173)?;
/// let d = Geodesic.distance(kyiv, moscow);
/// approx::assert_relative_eq!(d.as_km(), 757.09, epsilon = 0.01);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geodesic;

/// A sphere of the mean Earth radius (6,371,008.8 m) with the haversine
/// formula: only when asked for. Its distances are off the ellipsoid's by up
/// to about 0.5 % (at most +0.56 % for short north–south lines near the
/// equator, where the meridian's radius of curvature is 6,335 km; −0.45 % near
/// the poles, where it is 6,400 km), which is enough to flip a verdict near a
/// claim's threshold.
///
/// ```
/// use strikemap::{Geodesic, Haversine, LatLon, Metric};
/// let kyiv = LatLon::new(50.4501, 30.5234)?;
/// let olenya = LatLon::new(68.1517, 33.4639)?;
/// let (e, s) = (Geodesic.distance(kyiv, olenya), Haversine.distance(kyiv, olenya));
/// assert!(((s - e) / e).abs() < 0.005);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Haversine;

/// The Earth model chosen at run time (e.g. from a command-line flag).
///
/// ```
/// use strikemap::{LatLon, Method, Metric};
/// let a = LatLon::new(0.0, 0.0)?;
/// let b = LatLon::new(0.0, 1.0)?;
/// assert!(Method::Geodesic.distance(a, b) > Method::Haversine.distance(a, b));
/// assert_eq!("haversine".parse::<Method>()?, Method::Haversine);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// [`Geodesic`]: the WGS84 ellipsoid (default).
    #[default]
    Geodesic,
    /// [`Haversine`]: a sphere, only when asked for.
    Haversine,
}

impl Method {
    /// The distance between two points on this model.
    pub(crate) fn between(self, a: LatLon, b: LatLon) -> Distance {
        Distance::from_metres(match self {
            Method::Geodesic => geo::Geodesic.distance(a.to_point(), b.to_point()),
            Method::Haversine => geo::Haversine.distance(a.to_point(), b.to_point()),
        })
    }

    /// The lower-case name, `geodesic` or `haversine`.
    ///
    /// ```
    /// assert_eq!(strikemap::Method::Geodesic.name(), "geodesic");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Method::Geodesic => "geodesic",
            Method::Haversine => "haversine",
        }
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Method {
    type Err = Error;
    fn from_str(s: &str) -> Result<Method> {
        match s.to_ascii_lowercase().as_str() {
            "geodesic" | "ellipsoid" | "wgs84" => Ok(Method::Geodesic),
            "haversine" | "sphere" | "spherical" => Ok(Method::Haversine),
            _ => Err(Error::format(
                "method",
                "geodesic or haversine",
                format!("{s:?}"),
            )),
        }
    }
}

/// An Earth model and what it measures: distances from a point to any
/// [`Target`] (a point, a line, an area, their prepared forms, the models
/// that hold them), bearings, destinations and points along the way.
///
/// Metric first, as in `geo`: `Geodesic.distance(from, to)`. [`Geodesic`]
/// is exact on WGS84; [`Haversine`] measures on a sphere; [`Method`] picks
/// one at run time and implements the same traits.
///
/// ```
/// use strikemap::{Geodesic, LatLon, Metric, countries};
/// let ukraine = &countries::get("UA")?.territory;
/// let olenya = LatLon::new(68.1517, 33.4639)?;
/// assert!(Geodesic.distance(olenya, ukraine).as_km() > 1_000.0);
/// let kyiv = LatLon::new(50.4501, 30.5234)?;
/// assert!(Geodesic.distance(kyiv, ukraine).as_metres() == 0.0);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub trait Metric {
    /// Which Earth model this is, as a run-time value.
    ///
    /// ```
    /// use strikemap::{Geodesic, Method, Metric};
    /// assert_eq!(Geodesic.method(), Method::Geodesic);
    /// ```
    fn method(&self) -> Method;

    /// The shortest distance from a point to a target (0 inside an area).
    ///
    /// # Units
    /// A [`Distance`]; read it with `as_metres`, `as_km`, `as_miles`.
    ///
    /// ```
    /// use strikemap::{Geodesic, LatLon, Line, Metric};
    /// let d = Geodesic.distance(LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 1.0)?);
    /// approx::assert_relative_eq!(d.as_metres(), 111_319.491, epsilon = 1e-3);
    /// let equator = Line::from_vertices(vec![LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 10.0)?])?;
    /// let d = Geodesic.distance(LatLon::new(1.0, 5.0)?, &equator);
    /// approx::assert_relative_eq!(d.as_metres(), 110_574.389, epsilon = 1e-3);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn distance(&self, from: LatLon, to: impl Target) -> Distance
    where
        Self: Sized,
    {
        to.distance_by(from, self.method())
    }

    /// The nearest point of a target, with where it lies on the target.
    ///
    /// ```
    /// use strikemap::{Geodesic, LatLon, Line, Metric};
    /// let line = Line::from_vertices(vec![LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 10.0)?])?;
    /// let n = Geodesic.nearest(LatLon::new(1.0, 5.0)?, &line);
    /// approx::assert_relative_eq!(n.point.lon(), 5.0, epsilon = 1e-9);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn nearest(&self, from: LatLon, to: impl Target) -> Nearest
    where
        Self: Sized,
    {
        to.nearest_by(from, self.method())
    }

    /// The bearing at `a` of the shortest path to `b` (the initial bearing).
    ///
    /// ```
    /// use strikemap::{Geodesic, LatLon, Metric};
    /// let b = Geodesic.initial_bearing(LatLon::new(0.0, 0.0)?, LatLon::new(10.0, 0.0)?);
    /// assert_eq!(b.as_degrees(), 0.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn initial_bearing(&self, a: LatLon, b: LatLon) -> Bearing;

    /// The bearing at `b` of the shortest path arriving from `a` (the final bearing).
    ///
    /// ```
    /// use strikemap::{Geodesic, LatLon, Metric};
    /// let b = Geodesic.final_bearing(LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 10.0)?);
    /// approx::assert_relative_eq!(b.as_degrees(), 90.0, epsilon = 1e-9);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn final_bearing(&self, a: LatLon, b: LatLon) -> Bearing;

    /// The point reached from `start` after `distance` along `bearing`.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if the distance is not finite.
    ///
    /// ```
    /// use strikemap::{Bearing, Distance, Geodesic, LatLon, Metric};
    /// let p = Geodesic.destination(LatLon::new(0.0, 0.0)?, Bearing::NORTH, Distance::from_metres(110_574.389))?;
    /// approx::assert_relative_eq!(p.lat(), 1.0, epsilon = 1e-8);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn destination(&self, start: LatLon, bearing: Bearing, distance: Distance) -> Result<LatLon>;

    /// The point a `fraction` (0 at `a`, 1 at `b`) of the way along the
    /// shortest path from `a` to `b`.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if the fraction is not finite.
    ///
    /// ```
    /// use strikemap::{Geodesic, LatLon, Metric};
    /// let m = Geodesic.intermediate(LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 10.0)?, 0.5)?;
    /// approx::assert_relative_eq!(m.lon(), 5.0, epsilon = 1e-9);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn intermediate(&self, a: LatLon, b: LatLon, fraction: f64) -> Result<LatLon>;

    /// Points along the shortest path from `a` to `b`, both ends included,
    /// no more than `max_spacing` apart (at most 100,000 points).
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if `max_spacing` is not a positive finite distance.
    ///
    /// ```
    /// use strikemap::{Distance, Geodesic, LatLon, Metric};
    /// let a = LatLon::new(50.45, 30.52)?;
    /// let b = LatLon::new(68.15, 33.46)?;
    /// let pts = Geodesic.points_between(a, b, Distance::from_km(100.0))?;
    /// assert_eq!(pts.len(), 21);
    /// assert_eq!((pts[0], pts[20]), (a, b));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn points_between(&self, a: LatLon, b: LatLon, max_spacing: Distance) -> Result<Vec<LatLon>> {
        let steps = step_count(self.method().between(a, b), max_spacing)?;
        evenly_spaced(a, b, steps, |fraction| self.intermediate(a, b, fraction))
    }
}

/// How many equal steps cover `total` with none longer than `max_spacing`
/// (1 to 99,999).
fn step_count(total: Distance, max_spacing: Distance) -> Result<usize> {
    let spacing = max_spacing.as_metres();
    if !(spacing.is_finite() && spacing > 0.0) {
        return Err(Error::InvalidNumber {
            field: "spacing",
            value: spacing,
            expected: "a positive, finite distance",
        });
    }
    Ok(((total.as_metres() / spacing).ceil() as usize).clamp(1, 99_999))
}

/// `a`, the points at fractions 1/steps … (steps−1)/steps, and `b`.
fn evenly_spaced(
    a: LatLon,
    b: LatLon,
    steps: usize,
    at: impl Fn(f64) -> Result<LatLon>,
) -> Result<Vec<LatLon>> {
    let mut points = Vec::with_capacity(steps + 1);
    points.push(a);
    for i in 1..steps {
        points.push(at(i as f64 / steps as f64)?);
    }
    points.push(b);
    Ok(points)
}

fn check_finite(field: &'static str, value: f64) -> Result<()> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(Error::InvalidNumber {
            field,
            value,
            expected: "a finite number",
        })
    }
}

/// A point computed by Karney's or the spherical formulas: always a valid
/// latitude (the algorithms clamp it), longitude wrapped into range.
fn computed(point: geo::Point<f64>) -> Result<LatLon> {
    LatLon::from_point(point)
}

impl Metric for Geodesic {
    fn method(&self) -> Method {
        Method::Geodesic
    }

    fn initial_bearing(&self, a: LatLon, b: LatLon) -> Bearing {
        Bearing::wrap(geo::Geodesic.bearing(a.to_point(), b.to_point()))
    }

    fn final_bearing(&self, a: LatLon, b: LatLon) -> Bearing {
        let (_azi1, azi2, _a12): (f64, f64, f64) =
            wgs84().inverse(a.lat(), a.lon(), b.lat(), b.lon());
        Bearing::wrap(azi2)
    }

    fn destination(&self, start: LatLon, bearing: Bearing, distance: Distance) -> Result<LatLon> {
        check_finite("distance", distance.as_metres())?;
        let (lat, lon): (f64, f64) = wgs84().direct(
            start.lat(),
            start.lon(),
            bearing.as_degrees(),
            distance.as_metres(),
        );
        LatLon::wrapping(lat, lon)
    }

    fn intermediate(&self, a: LatLon, b: LatLon, fraction: f64) -> Result<LatLon> {
        check_finite("fraction", fraction)?;
        computed(geo::Geodesic.point_at_ratio_between(a.to_point(), b.to_point(), fraction))
    }

    /// Solves the inverse problem once and walks one geodesic line, instead
    /// of one inverse per point.
    fn points_between(&self, a: LatLon, b: LatLon, max_spacing: Distance) -> Result<Vec<LatLon>> {
        let (line, s12) = geodesic_between(a, b);
        let steps = step_count(Distance::from_metres(s12), max_spacing)?;
        evenly_spaced(a, b, steps, |fraction| {
            let (_a12, lat, lon, ..) =
                line._gen_position(false, fraction * s12, caps::LATITUDE | caps::LONGITUDE);
            LatLon::wrapping(lat, lon)
        })
    }
}

impl Metric for Haversine {
    fn method(&self) -> Method {
        Method::Haversine
    }

    fn initial_bearing(&self, a: LatLon, b: LatLon) -> Bearing {
        Bearing::wrap(geo::Haversine.bearing(a.to_point(), b.to_point()))
    }

    fn final_bearing(&self, a: LatLon, b: LatLon) -> Bearing {
        // The final bearing from a to b is the reverse of the initial bearing from b to a.
        Bearing::wrap(geo::Haversine.bearing(b.to_point(), a.to_point()) + 180.0)
    }

    fn destination(&self, start: LatLon, bearing: Bearing, distance: Distance) -> Result<LatLon> {
        check_finite("distance", distance.as_metres())?;
        computed(geo::Haversine.destination(
            start.to_point(),
            bearing.as_degrees(),
            distance.as_metres(),
        ))
    }

    fn intermediate(&self, a: LatLon, b: LatLon, fraction: f64) -> Result<LatLon> {
        check_finite("fraction", fraction)?;
        computed(geo::Haversine.point_at_ratio_between(a.to_point(), b.to_point(), fraction))
    }
}

impl Metric for Method {
    fn method(&self) -> Method {
        *self
    }

    fn initial_bearing(&self, a: LatLon, b: LatLon) -> Bearing {
        match self {
            Method::Geodesic => Geodesic.initial_bearing(a, b),
            Method::Haversine => Haversine.initial_bearing(a, b),
        }
    }

    fn final_bearing(&self, a: LatLon, b: LatLon) -> Bearing {
        match self {
            Method::Geodesic => Geodesic.final_bearing(a, b),
            Method::Haversine => Haversine.final_bearing(a, b),
        }
    }

    fn destination(&self, start: LatLon, bearing: Bearing, distance: Distance) -> Result<LatLon> {
        match self {
            Method::Geodesic => Geodesic.destination(start, bearing, distance),
            Method::Haversine => Haversine.destination(start, bearing, distance),
        }
    }

    fn intermediate(&self, a: LatLon, b: LatLon, fraction: f64) -> Result<LatLon> {
        match self {
            Method::Geodesic => Geodesic.intermediate(a, b, fraction),
            Method::Haversine => Haversine.intermediate(a, b, fraction),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap()
    }

    #[test]
    fn destination_inverts_distance_and_bearing() {
        let a = p(50.45, 30.52);
        let b = p(43.2, 131.9);
        for m in [Method::Geodesic, Method::Haversine] {
            let d = m.distance(a, b);
            let back = m.destination(a, m.initial_bearing(a, b), d).unwrap();
            assert!(m.distance(back, b).as_metres() < 1e-3, "{m}");
            let mid = m.intermediate(a, b, 0.5).unwrap();
            let half = m.distance(a, mid).as_metres();
            assert!((half - d.as_metres() / 2.0).abs() < 1e-3, "{m}");
        }
    }

    #[test]
    fn non_finite_inputs_are_errors() {
        let a = p(0.0, 0.0);
        assert!(
            Geodesic
                .destination(a, Bearing::NORTH, Distance::from_metres(f64::NAN))
                .is_err()
        );
        assert!(Haversine.intermediate(a, a, f64::INFINITY).is_err());
        assert!(Geodesic.points_between(a, a, Distance::ZERO).is_err());
    }

    #[test]
    fn points_between_match_intermediate_points() {
        let (a, b) = (p(50.45, 30.52), p(51.17, 128.445));
        let pts = Geodesic
            .points_between(a, b, Distance::from_km(500.0))
            .unwrap();
        let steps = pts.len() - 1;
        assert_eq!((pts[0], pts[steps]), (a, b));
        for (i, q) in pts.iter().enumerate() {
            let want = Geodesic
                .intermediate(a, b, i as f64 / steps as f64)
                .unwrap();
            assert!(Geodesic.distance(*q, want).as_metres() < 1e-6, "{i}");
        }
    }

    #[test]
    fn haversine_error_is_within_half_a_percent() {
        let pairs = [
            (p(0.0, 0.0), p(0.0, 10.0)),
            (p(80.0, 0.0), p(89.0, 0.0)),
            (p(50.45, 30.52), p(43.2, 131.9)),
        ];
        for (a, b) in pairs {
            let e = Geodesic.distance(a, b);
            let s = Haversine.distance(a, b);
            assert!(((s - e) / e).abs() < 0.0056, "{a} {b}: {}", (s - e) / e);
        }
    }
}
