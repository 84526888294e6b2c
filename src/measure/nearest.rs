//! The nearest point of a target (a point, a line, an area) to a point, and
//! the exact, unindexed scans behind it.

use serde::{Deserialize, Serialize};

use super::Method;
use super::contains::{Edge, ON_BOUNDARY, RingTest, polygon_covers};
use super::segment::{EndEval, Seg, SegHit, end_eval, nearest_on_segment};
use super::sphere;
use crate::distance::Distance;
use crate::position::LatLon;
use crate::shape::{Area, Line};

/// Where on a line or area boundary the nearest point lies.
///
/// ```
/// use strikemap::{Geodesic, LatLon, Line, Target};
/// let line = Line::new(vec![
///     vec![LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 1.0)?],
///     vec![LatLon::new(1.0, 0.0)?, LatLon::new(1.0, 1.0)?, LatLon::new(1.0, 2.0)?],
/// ])?;
/// let near = line.nearest_to(LatLon::new(1.1, 1.5)?);
/// let on = near.on.expect("outside");
/// assert_eq!((on.part, on.segment), (1, 1));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NearestOn {
    /// The part of a line, or the polygon of an area.
    pub part: usize,
    /// The ring of the polygon (0 = exterior, 1.. = holes); `None` for lines.
    pub ring: Option<usize>,
    /// The edge within the part or ring (0 = from the first vertex to the second).
    pub segment: usize,
    /// How far along that edge, 0 at its start to 1 at its end.
    pub fraction: f64,
}

/// The nearest point of a target to a query point, and how far it is.
///
/// ```
/// use strikemap::{Area, LatLon, Target};
/// let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
/// let inside = square.nearest_to(LatLon::new(50.5, 30.5)?);
/// assert!(inside.inside && inside.distance.as_metres() == 0.0);
/// let outside = square.nearest_to(LatLon::new(50.5, 29.0)?);
/// assert!(!outside.inside);
/// approx::assert_relative_eq!(outside.distance.as_km(), 70.9, epsilon = 0.1);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Nearest {
    /// The shortest distance (0 inside an area).
    pub distance: Distance,
    /// The nearest point of the target (the query point itself inside an area).
    pub point: LatLon,
    /// Where on the target's edges the nearest point lies (`None` for point
    /// targets and for points inside an area).
    pub on: Option<NearestOn>,
    /// Whether the query point lies inside the area (always `false` for
    /// points and lines).
    pub inside: bool,
}

/// Anything a distance can be measured to: a point, a line, an area, their
/// prepared forms, and the models that hold them.
pub trait Target {
    /// The nearest point of this target to `from`, on the WGS84 ellipsoid.
    ///
    /// ```
    /// use strikemap::{LatLon, Target};
    /// let kyiv = LatLon::new(50.4501, 30.5234)?;
    /// let n = kyiv.nearest_to(LatLon::new(55.7558, 37.6173)?);
    /// assert_eq!(n.point, kyiv);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn nearest_to(&self, from: LatLon) -> Nearest;

    /// The nearest point with the chosen method; [`Method::Haversine`]
    /// measures on the sphere (edges as great circles, ~0.5 % error).
    ///
    /// ```
    /// use strikemap::{LatLon, Method, Target};
    /// let kyiv = LatLon::new(50.4501, 30.5234)?;
    /// let d = kyiv.nearest_by(LatLon::new(55.7558, 37.6173)?, Method::Haversine).distance;
    /// approx::assert_relative_eq!(d.as_km(), 755.0, epsilon = 2.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest;

    /// The shortest distance with the chosen method (0 inside an area); the
    /// same as `nearest_by(from, method).distance`, cheaper for points.
    ///
    /// ```
    /// use strikemap::{LatLon, Method, Target};
    /// let kyiv = LatLon::new(50.4501, 30.5234)?;
    /// let d = kyiv.distance_by(LatLon::new(55.7558, 37.6173)?, Method::Geodesic);
    /// approx::assert_relative_eq!(d.as_km(), 757.09, epsilon = 0.01);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn distance_by(&self, from: LatLon, method: Method) -> Distance {
        self.nearest_by(from, method).distance
    }
}

/// A reference to a target is a target (`Geodesic.distance(p, &ukraine)`).
impl<T: Target + ?Sized> Target for &T {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        (**self).nearest_to(from)
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        (**self).nearest_by(from, method)
    }

    fn distance_by(&self, from: LatLon, method: Method) -> Distance {
        (**self).distance_by(from, method)
    }
}

impl Target for LatLon {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        self.nearest_by(from, Method::Geodesic)
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        Nearest {
            distance: method.between(from, *self),
            point: *self,
            on: None,
            inside: false,
        }
    }

    fn distance_by(&self, from: LatLon, method: Method) -> Distance {
        method.between(from, *self)
    }
}

impl Target for Line {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        let segments: Vec<(NearestOn, LatLon, LatLon)> = self
            .segments()
            .map(|(part, segment, a, b)| (on(part, None, segment), a, b))
            .collect();
        scan_geodesic(from, &segments)
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        match method {
            Method::Geodesic => self.nearest_to(from),
            Method::Haversine => sphere::scan(
                from,
                self.segments()
                    .map(|(part, segment, a, b)| (on(part, None, segment), a, b)),
            ),
        }
    }
}

impl Target for Area {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        if area_contains(self, from) {
            return inside(from);
        }
        let segments: Vec<(NearestOn, LatLon, LatLon)> = self
            .segments()
            .map(|(p, r, s, a, b)| (on(p, Some(r), s), a, b))
            .collect();
        on_boundary_is_inside(from, scan_geodesic(from, &segments))
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        match method {
            Method::Geodesic => self.nearest_to(from),
            Method::Haversine => {
                if area_contains(self, from) {
                    return inside(from);
                }
                on_boundary_is_inside(
                    from,
                    sphere::scan(
                        from,
                        self.segments()
                            .map(|(p, r, s, a, b)| (on(p, Some(r), s), a, b)),
                    ),
                )
            }
        }
    }
}

pub(crate) fn on(part: usize, ring: Option<usize>, segment: usize) -> NearestOn {
    NearestOn {
        part,
        ring,
        segment,
        fraction: 0.0,
    }
}

/// The nearest point of an area's boundary, or [`inside`] if the point is
/// on the boundary (within [`ON_BOUNDARY`]): the boundary is covered, so
/// the distance and the flag agree.
pub(crate) fn on_boundary_is_inside(from: LatLon, nearest: Nearest) -> Nearest {
    if nearest.distance.as_metres() <= ON_BOUNDARY {
        inside(from)
    } else {
        nearest
    }
}

pub(crate) fn inside(from: LatLon) -> Nearest {
    Nearest {
        distance: Distance::ZERO,
        point: from,
        on: None,
        inside: true,
    }
}

/// Whether `p` lies in `area` (geodesic edges; see the `contains` module).
pub(crate) fn area_contains(area: &Area, p: LatLon) -> bool {
    area.polygons().iter().any(|poly| {
        let rings: Vec<RingTest> = poly.rings().iter().map(|ring| ring_test(ring)).collect();
        polygon_covers(&rings, p)
    })
}

pub(crate) fn ring_test(ring: &[LatLon]) -> RingTest {
    let edges = ring
        .windows(2)
        .map(|w| {
            let s = Seg::new(w[0], w[1]);
            Edge::new(w[0], w[1], s.len, s.azi_a, s.azi_b)
        })
        .collect();
    RingTest::new(ring, edges)
}

/// Turns a segment hit into a [`Nearest`].
pub(crate) fn to_nearest(hit: SegHit, seg: &Seg, mut place: NearestOn) -> Nearest {
    place.fraction = if seg.len > 0.0 {
        (hit.s / seg.len).clamp(0.0, 1.0)
    } else {
        0.0
    };
    Nearest {
        distance: Distance::from_metres(hit.d),
        point: hit.point,
        on: Some(place),
        inside: false,
    }
}

/// The exact nearest point over every segment, unindexed: every vertex is
/// measured once, then only segments whose triangle-inequality bound
/// `(dA + dB − len)/2` beats the best so far are solved exactly.
pub(crate) fn scan_geodesic(from: LatLon, segments: &[(NearestOn, LatLon, LatLon)]) -> Nearest {
    let mut best: Option<Nearest> = None;
    let mut best_d = f64::INFINITY;
    let mut prev: Option<(LatLon, EndEval)> = None;
    let evals: Vec<(Seg, EndEval, EndEval)> = segments
        .iter()
        .map(|(_, a, b)| {
            let ea = match prev {
                Some((v, e)) if v == *a => e,
                _ => end_eval(from, *a),
            };
            let eb = end_eval(from, *b);
            prev = Some((*b, eb));
            (Seg::new(*a, *b), ea, eb)
        })
        .collect();
    // Upper bound first: the nearest vertex.
    for ((place, ..), (seg, ea, eb)) in segments.iter().zip(&evals) {
        for (e, s) in [(ea, 0.0), (eb, seg.len)] {
            if e.d < best_d {
                best_d = e.d;
                let point = if s == 0.0 { seg.a } else { seg.b };
                best = Some(to_nearest(SegHit { d: e.d, s, point }, seg, *place));
            }
        }
    }
    for ((place, ..), (seg, ea, eb)) in segments.iter().zip(&evals) {
        if (ea.d + eb.d - seg.len) / 2.0 >= best_d {
            continue;
        }
        let hit = nearest_on_segment(from, seg, ea, eb);
        if hit.d < best_d {
            best_d = hit.d;
            best = Some(to_nearest(hit, seg, *place));
        }
    }
    // Lines and areas are validated to have at least one segment.
    best.unwrap_or(Nearest {
        distance: Distance::from_metres(f64::INFINITY),
        point: from,
        on: None,
        inside: false,
    })
}
