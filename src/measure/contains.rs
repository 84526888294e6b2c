//! Is a point inside an area bounded by geodesic rings?
//!
//! Method: count where the meridian arc from the point north to the North
//! Pole crosses each ring, using the rings' geodesic edges (the crossing
//! latitude is solved on the edge's `GeodesicLine`, so the test agrees with
//! the edges the distances use). An odd count means the point and the North
//! Pole lie on different sides of the ring. A ring bounds the smaller of the
//! two regions it divides the Earth into; whether that region holds the
//! North Pole follows from the ring's winding around the polar axis and the
//! sign of its area (Karney's polygon area, through `geographiclib-rs`).
//!
//! The boundary belongs to the area, as PostGIS `ST_Covers` has it: a point
//! that is a vertex of a ring, or within [`ON_BOUNDARY`] (1 nm) of an edge,
//! is covered (inside, at distance 0), whether the ring is an exterior or a
//! hole. Counting crossings alone would put about half the vertices
//! outside, at distance 0.

use geographiclib_rs::{PolygonArea, Winding, geodesic_capability as caps};

use super::segment::{Seg, end_eval, nearest_on_segment};
use super::{WGS84_F, geodesic_from, wgs84};
use crate::position::{LatLon, wrap180};

/// How near an edge (metres) a point is on the boundary: 1 nanometre, far
/// below the precision of any coordinate (the 15th decimal of a degree is
/// about 0.1 nm) yet above the rounding of the geodesic computations.
pub(crate) const ON_BOUNDARY: f64 = 1e-9;

/// The margin of the cheap bounding test before the exact one, in degrees
/// (about 0.1 mm: far more than [`ON_BOUNDARY`]).
const NEAR_DEG: f64 = 1e-9;

/// One ring edge, ready for crossing tests.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Edge {
    a: LatLon,
    b: LatLon,
    /// Azimuth at `b`, degrees (forward).
    azi_b: f64,
    /// Longitude of `a` used for the crossing test (the other end's when `a` is a pole).
    lon_a: f64,
    /// Longitude of `b` used for the crossing test (the other end's when `b` is a pole).
    lon_b: f64,
    /// Signed change of longitude along the edge, in (-180, 180); 0 for meridians.
    dlon: f64,
    lat_min: f64,
    lat_max: f64,
    azi_a: f64,
    len: f64,
}

fn is_pole(p: LatLon) -> bool {
    p.lat().abs() == 90.0
}

impl Edge {
    pub(crate) fn new(a: LatLon, b: LatLon, len: f64, azi_a: f64, azi_b: f64) -> Edge {
        let (lon_a, lon_b) = match (is_pole(a), is_pole(b)) {
            (true, false) => (b.lon(), b.lon()),
            (false, true) => (a.lon(), a.lon()),
            _ => (a.lon(), b.lon()),
        };
        let mut dlon = wrap180(lon_b - lon_a);
        if dlon.abs() == 180.0 || len == 0.0 {
            // An edge over a pole (or a point) crosses no meridian strictly between its ends.
            dlon = 0.0;
        }
        let (mut lat_min, mut lat_max) = (a.lat().min(b.lat()), a.lat().max(b.lat()));
        let (ca, cb) = (azi_a.to_radians().cos(), azi_b.to_radians().cos());
        if ca * cb < 0.0 {
            // The geodesic's vertex (its highest or lowest point) lies inside the edge.
            // Clairaut: cos(beta_max) = |sin(alpha)| cos(beta) with reduced latitude beta.
            let beta_a = ((1.0 - WGS84_F) * a.lat().to_radians().tan()).atan();
            let cos_beta_max = (azi_a.to_radians().sin().abs() * beta_a.cos()).min(1.0);
            let beta_max = cos_beta_max.acos();
            let phi_max = (beta_max.tan() / (1.0 - WGS84_F)).atan().to_degrees();
            if ca > 0.0 {
                lat_max = lat_max.max(phi_max);
            } else {
                lat_min = lat_min.min(-phi_max);
            }
        }
        Edge {
            a,
            b,
            azi_b,
            lon_a,
            lon_b,
            dlon,
            lat_min,
            lat_max,
            azi_a,
            len,
        }
    }

    /// The longitude span `[west, west + width]` this edge covers (for binning).
    pub(crate) fn lon_span(&self) -> (f64, f64) {
        if self.dlon >= 0.0 {
            (self.lon_a, self.dlon)
        } else {
            (self.lon_a + self.dlon, -self.dlon)
        }
    }

    /// The longitudes this edge lies on when it covers none in between: its
    /// own meridian, or for an edge over a pole both ends' meridians.
    pub(crate) fn meridians(&self) -> Option<(f64, f64)> {
        (self.dlon == 0.0).then(|| (self.a.lon(), self.b.lon()))
    }

    /// Whether `p` is on this edge: one of its ends, or within
    /// [`ON_BOUNDARY`] of it.
    pub(crate) fn touches(&self, p: LatLon) -> bool {
        if same_point(p, self.a) || same_point(p, self.b) {
            return true;
        }
        if p.lat() < self.lat_min - NEAR_DEG || p.lat() > self.lat_max + NEAR_DEG {
            return false;
        }
        let polar = is_pole(self.a) || is_pole(self.b) || p.lat().abs() > 89.0;
        if !polar && self.len > 0.0 {
            let da = wrap180(p.lon() - self.lon_a);
            let (lo, hi) = if self.dlon >= 0.0 {
                (0.0, self.dlon)
            } else {
                (self.dlon, 0.0)
            };
            let over_pole = self.dlon == 0.0 && wrap180(self.b.lon() - self.a.lon()) != 0.0;
            if !over_pole && (da < lo - NEAR_DEG || da > hi + NEAR_DEG) {
                return false;
            }
        }
        let seg = Seg {
            a: self.a,
            b: self.b,
            len: self.len,
            azi_a: self.azi_a,
            azi_b: self.azi_b,
        };
        let hit = nearest_on_segment(p, &seg, &end_eval(p, self.a), &end_eval(p, self.b));
        hit.d <= ON_BOUNDARY
    }

    /// Whether the edge crosses the meridian arc from `p` north to the pole.
    pub(crate) fn crosses_north_of(&self, p: LatLon) -> bool {
        if self.dlon == 0.0 {
            return false;
        }
        // Both ends measured from p's meridian directly, so that an end on
        // it is exactly 0 for both edges that share it (da + dlon rounds,
        // and a point due south of a vertex could gain or lose a crossing).
        let da = wrap180(self.lon_a - p.lon());
        let db = wrap180(self.lon_b - p.lon());
        if (da > 0.0) == (db > 0.0) {
            return false;
        }
        if (db - da).abs() > 180.0 {
            // The ends straddle the opposite meridian, not p's.
            return false;
        }
        if p.lat() < self.lat_min {
            return true;
        }
        if p.lat() > self.lat_max {
            return false;
        }
        self.latitude_at(-da) > p.lat()
    }

    /// Latitude of the edge where its longitude has changed by `t` degrees
    /// from `a` (`t` has the sign of `dlon`, |t| ≤ |dlon|).
    fn latitude_at(&self, t: f64) -> f64 {
        let line = geodesic_from(self.a, self.azi_a);
        let at = |s: f64| -> (f64, f64) {
            let (_a12, lat, lon, ..) = line._gen_position(
                false,
                s,
                caps::LATITUDE | caps::LONGITUDE | caps::LONG_UNROLL,
            );
            // Unrolled: the longitude change from `a`, signed like dlon.
            (lat, lon - self.a.lon() - t)
        };
        // Illinois (modified regula falsi) on f(s) = dlon(s) - t, monotone in s.
        let (mut s0, mut s1) = (0.0, self.len);
        let (mut f0, mut f1) = (-t, self.dlon - t);
        let mut lat = self.a.lat();
        let mut side = 0;
        for _ in 0..100 {
            if (f1 - f0).abs() < 1e-300 || s1 - s0 < 1e-9 {
                break;
            }
            let s = (s0 * f1 - s1 * f0) / (f1 - f0);
            let (la, f) = at(s);
            lat = la;
            if f.abs() < 1e-13 {
                break;
            }
            if (f > 0.0) == (f1 > 0.0) {
                s1 = s;
                f1 = f;
                if side == -1 {
                    f0 *= 0.5;
                }
                side = -1;
            } else {
                s0 = s;
                f0 = f;
                if side == 1 {
                    f1 *= 0.5;
                }
                side = 1;
            }
        }
        lat
    }
}

/// Whether two positions are the same point (any longitude at a pole).
fn same_point(p: LatLon, q: LatLon) -> bool {
    p == q || (is_pole(p) && p.lat() == q.lat())
}

/// Whether the smaller region bounded by `ring` contains the North Pole.
pub(crate) fn ring_holds_north_pole(ring: &[LatLon], edges: &[Edge]) -> bool {
    let winding: f64 = edges.iter().map(|e| e.dlon).sum();
    let turns = (winding / 360.0).round();
    if turns == 0.0 {
        return false;
    }
    let mut pa = PolygonArea::new(wgs84(), Winding::CounterClockwise);
    for p in &ring[..ring.len() - 1] {
        pa.add_point(p.lat(), p.lon());
    }
    let (_perimeter, signed_area, _n) = pa.compute(true);
    // Eastward winding puts the North Pole on the left; a positive (reduced)
    // area means the smaller region is on the left.
    (turns > 0.0) == (signed_area > 0.0)
}

/// A ring ready for containment tests.
#[derive(Debug, Clone)]
pub(crate) struct RingTest {
    pub edges: Vec<Edge>,
    pub holds_north_pole: bool,
}

impl RingTest {
    pub(crate) fn new(ring: &[LatLon], edges: Vec<Edge>) -> RingTest {
        let holds_north_pole = ring_holds_north_pole(ring, &edges);
        RingTest {
            edges,
            holds_north_pole,
        }
    }

    /// Whether `p` lies strictly in the region this ring bounds, by the
    /// crossing count (scanning every edge); see [`RingTest::touches`] for
    /// the boundary.
    pub(crate) fn contains(&self, p: LatLon) -> bool {
        let crossings = self.edges.iter().filter(|e| e.crosses_north_of(p)).count();
        (crossings % 2 == 1) != self.holds_north_pole
    }

    /// Whether `p` is on the ring (a vertex, or within [`ON_BOUNDARY`] of an edge).
    pub(crate) fn touches(&self, p: LatLon) -> bool {
        self.edges.iter().any(|e| e.touches(p))
    }
}

/// Whether the polygon with these rings (exterior first) covers `p`: on a
/// ring's boundary, or inside the exterior and outside every hole.
pub(crate) fn polygon_covers(rings: &[RingTest], p: LatLon) -> bool {
    let Some((exterior, holes)) = rings.split_first() else {
        return false;
    };
    rings.iter().any(|r| r.touches(p))
        || (exterior.contains(p) && holes.iter().all(|h| !h.contains(p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::segment::Seg;

    fn ring(coords: &[(f64, f64)]) -> (Vec<LatLon>, RingTest) {
        let pts: Vec<LatLon> = coords
            .iter()
            .map(|&(lat, lon)| LatLon::new(lat, lon).unwrap())
            .collect();
        let edges = pts
            .windows(2)
            .map(|w| {
                let s = Seg::new(w[0], w[1]);
                Edge::new(w[0], w[1], s.len, s.azi_a, s.azi_b)
            })
            .collect();
        let t = RingTest::new(&pts, edges);
        (pts, t)
    }

    fn p(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap()
    }

    /// A point due south of a vertex (the same longitude, to the bit): the
    /// two edges that meet at the vertex count one crossing between them,
    /// for either winding and nudged off the meridian. (The regression of
    /// the rounding that broke this on real data, in Kaluga Oblast, is
    /// `tests/it/places.rs`, `points_due_south_of_a_vertex_are_in_their_region`.)
    #[test]
    fn a_point_due_south_of_a_vertex() {
        for lon in [35.14135, 34.49963, 0.1 + 0.2, 1e-12, -33.3333333333333] {
            let coords = [
                (54.0, lon - 1.0),
                (54.0, lon + 1.0),
                (54.6, lon + 1.0),
                (54.5, lon),
                (54.6, lon - 1.0),
                (54.0, lon - 1.0),
            ];
            for coords in [coords.to_vec(), coords.iter().rev().copied().collect()] {
                let (_, t) = ring(&coords);
                assert!(t.contains(p(54.264609, lon)), "{lon}");
                assert!(t.contains(p(54.264609, lon + 1e-9)), "{lon}");
                assert!(!t.contains(p(53.5, lon)), "{lon}");
                assert!(!t.contains(p(54.55, lon)), "{lon}: in the notch");
            }
        }
    }

    #[test]
    fn square_either_winding() {
        for coords in [
            [
                (0.0, 0.0),
                (0.0, 10.0),
                (10.0, 10.0),
                (10.0, 0.0),
                (0.0, 0.0),
            ],
            [
                (0.0, 0.0),
                (10.0, 0.0),
                (10.0, 10.0),
                (0.0, 10.0),
                (0.0, 0.0),
            ],
        ] {
            let (_, t) = ring(&coords);
            assert!(!t.holds_north_pole);
            assert!(t.contains(p(5.0, 5.0)));
            assert!(!t.contains(p(-1.0, 5.0)));
            assert!(!t.contains(p(5.0, 11.0)));
            assert!(!t.contains(p(50.0, 5.0)));
            // The geodesic top edge bulges north of latitude 10 at its middle.
            assert!(t.contains(p(10.03, 5.0)));
            assert!(!t.contains(p(10.045, 5.0)));
            assert!(!t.contains(p(10.03, 0.3)));
        }
    }

    #[test]
    fn vertices_and_edges_are_on_the_boundary() {
        let (pts, t) = ring(&[
            (0.0, 0.0),
            (0.0, 10.0),
            (10.0, 10.0),
            (10.0, 0.0),
            (0.0, 0.0),
        ]);
        for v in &pts {
            assert!(t.touches(*v), "{v}");
        }
        // On the meridian edge and the equator edge; not 1 mm off them.
        assert!(t.touches(p(5.0, 0.0)) && t.touches(p(0.0, 5.0)));
        assert!(!t.touches(p(5.0, -1e-8)) && !t.touches(p(-1e-8, 5.0)));
        assert!(polygon_covers(std::slice::from_ref(&t), p(5.0, 0.0)));
        assert!(!polygon_covers(&[t], p(5.0, -1e-8)));
    }

    #[test]
    fn antimeridian_and_polar_rings() {
        let (_, t) = ring(&[
            (-15.0, 178.0),
            (-15.0, -178.0),
            (-19.0, -178.0),
            (-19.0, 178.0),
            (-15.0, 178.0),
        ]);
        assert!(t.contains(p(-17.0, 180.0)));
        assert!(t.contains(p(-17.0, -179.5)));
        assert!(!t.contains(p(-17.0, 0.0)));
        let (_, polar) = ring(&[
            (80.0, 0.0),
            (80.0, 90.0),
            (80.0, 180.0),
            (80.0, -90.0),
            (80.0, 0.0),
        ]);
        assert!(polar.holds_north_pole);
        assert!(polar.contains(p(90.0, 0.0)));
        assert!(polar.contains(p(85.0, 45.0)));
        assert!(!polar.contains(p(70.0, 45.0)));
        assert!(!polar.contains(p(-90.0, 0.0)));
        let (_, south) = ring(&[
            (-80.0, 0.0),
            (-80.0, 90.0),
            (-80.0, 180.0),
            (-80.0, -90.0),
            (-80.0, 0.0),
        ]);
        assert!(!south.holds_north_pole);
        assert!(south.contains(p(-90.0, 0.0)));
        assert!(south.contains(p(-85.0, 100.0)));
        assert!(!south.contains(p(0.0, 100.0)));
    }
}
