//! The shortest distance from a point to one geodesic segment on WGS84.
//!
//! Method: the distance f(s) from P to the point X(s) at arc length s along
//! the segment has derivative f'(s) = cos θ, where θ is the angle at X
//! between the segment's direction and the direction pointing away from P
//! (first variation of arc length). The signs of f' at both ends decide
//! whether the minimum is an endpoint; otherwise it lies at the root of f'
//! inside the segment, found by a safeguarded iteration: each step is the
//! foot of the perpendicular in the gnomonic-like approximation Karney
//! suggests for the interception problem (spherical right-triangle step
//! with R·tan(d/R) replaced by the ellipsoidal m12/M21), kept inside a
//! bracket that shrinks with every evaluation, with bisection whenever the
//! step leaves the bracket or the point lies beyond the conjugate distance
//! (M21 ≤ 0). It converges quadratically in practice and cannot diverge.
//! Positions along the segment come from `geographiclib-rs`'s
//! `GeodesicLine`, distances from its inverse solution: Karney's algorithms
//! are used, not re-derived.

use geographiclib_rs::{GeodesicLine, InverseGeodesic, geodesic_capability as caps};

use super::{MEAN_RADIUS, geodesic_from, wgs84};
use crate::position::LatLon;

/// Tolerance on the position along the segment, in metres.
const S_TOLERANCE: f64 = 1e-7;
/// More than enough iterations: bisection alone halves 20,000 km to 1e-7 m in 48.
const MAX_ITERATIONS: usize = 80;

/// A geodesic segment with what every query needs precomputed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg {
    pub a: LatLon,
    pub b: LatLon,
    /// Length in metres.
    pub len: f64,
    /// Azimuth of the segment at `a`, degrees.
    pub azi_a: f64,
    /// Azimuth of the segment at `b` (forward), degrees.
    pub azi_b: f64,
}

impl Seg {
    pub(crate) fn new(a: LatLon, b: LatLon) -> Seg {
        let (len, azi_a, azi_b, _a12): (f64, f64, f64, f64) =
            wgs84().inverse(a.lat(), a.lon(), b.lat(), b.lon());
        Seg {
            a,
            b,
            len,
            azi_a,
            azi_b,
        }
    }
}

/// The distance from the query point to a vertex and the direction, at the
/// vertex, pointing away from the query point.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EndEval {
    pub d: f64,
    pub azi_away: f64,
}

pub(crate) fn end_eval(p: LatLon, v: LatLon) -> EndEval {
    let (d, _azi1, azi2, _a12): (f64, f64, f64, f64) =
        wgs84().inverse(p.lat(), p.lon(), v.lat(), v.lon());
    EndEval { d, azi_away: azi2 }
}

/// The nearest point of a segment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SegHit {
    /// Distance in metres.
    pub d: f64,
    /// Arc length from `a` to the nearest point, metres.
    pub s: f64,
    pub point: LatLon,
}

/// cos of the angle between the segment direction and the away-from-P direction.
fn slope(segment_azimuth: f64, away: f64) -> f64 {
    (segment_azimuth - away).to_radians().cos()
}

/// The nearest point of `seg` to `p`, given the evaluations at both ends.
pub(crate) fn nearest_on_segment(p: LatLon, seg: &Seg, ea: &EndEval, eb: &EndEval) -> SegHit {
    let at_a = SegHit {
        d: ea.d,
        s: 0.0,
        point: seg.a,
    };
    let at_b = SegHit {
        d: eb.d,
        s: seg.len,
        point: seg.b,
    };
    let nearer_end = if eb.d < ea.d { at_b } else { at_a };
    if ea.d == 0.0 || eb.d == 0.0 || seg.len == 0.0 {
        return nearer_end;
    }
    let ga = slope(seg.azi_a, ea.azi_away);
    let gb = slope(seg.azi_b, eb.azi_away);
    if ga >= 0.0 || gb <= 0.0 {
        // f is non-decreasing leaving a or non-increasing arriving at b, so
        // (a segment being shorter than half a great ellipse, f has at most
        // one interior turning point) the minimum is an endpoint.
        return nearer_end;
    }
    let interior = solve_interior(p, seg, ea.d, eb.d);
    if interior.d < nearer_end.d {
        interior
    } else {
        nearer_end
    }
}

/// Finds the root of f' inside (0, len), knowing f'(0) < 0 < f'(len).
fn solve_interior(p: LatLon, seg: &Seg, da: f64, db: f64) -> SegHit {
    let geod = wgs84();
    let line = geodesic_from(seg.a, seg.azi_a);
    let (mut lo, mut hi) = (0.0, seg.len);
    // Start at the planar foot of the perpendicular, from the end distances.
    let guess = (da * da - db * db + seg.len * seg.len) / (2.0 * seg.len);
    let mut s = if guess.is_finite() && guess > 0.0 && guess < seg.len {
        guess
    } else {
        0.5 * seg.len
    };
    let mut best = SegHit {
        d: f64::INFINITY,
        s,
        point: seg.a,
    };
    for _ in 0..MAX_ITERATIONS {
        let (_a12, lat, lon, azi, ..) = line._gen_position(
            false,
            s,
            caps::LATITUDE | caps::LONGITUDE | caps::AZIMUTH | caps::LONG_UNROLL,
        );
        let Ok(x) = LatLon::wrapping(lat, lon) else {
            break;
        };
        let (d, _azi1, away, m12, _mm12, mm21, _a12): (f64, f64, f64, f64, f64, f64, f64) =
            geod.inverse(p.lat(), p.lon(), x.lat(), x.lon());
        if d < best.d {
            best = SegHit { d, s, point: x };
        }
        if d == 0.0 {
            break;
        }
        let g = slope(azi, away);
        if g < 0.0 {
            lo = s;
        } else {
            hi = s;
        }
        // Foot of the perpendicular from P in the local (gnomonic-like) frame.
        let step = if mm21 > 0.0 && m12.is_finite() {
            MEAN_RADIUS * (-(m12 / mm21) * g / MEAN_RADIUS).atan()
        } else {
            f64::NAN
        };
        let mut next = s + step;
        if !(next > lo && next < hi) {
            next = 0.5 * (lo + hi);
        }
        if (next - s).abs() < S_TOLERANCE || hi - lo < S_TOLERANCE {
            evaluate_final(&line, p, next, &mut best);
            break;
        }
        s = next;
    }
    best
}

fn evaluate_final(line: &GeodesicLine, p: LatLon, s: f64, best: &mut SegHit) {
    let (_a12, lat, lon, ..) = line._gen_position(
        false,
        s,
        caps::LATITUDE | caps::LONGITUDE | caps::LONG_UNROLL,
    );
    if let Ok(x) = LatLon::wrapping(lat, lon) {
        let d: f64 = wgs84().inverse(p.lat(), p.lon(), x.lat(), x.lon());
        if d < best.d {
            *best = SegHit { d, s, point: x };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap()
    }

    fn nearest(pt: LatLon, a: LatLon, b: LatLon) -> SegHit {
        let seg = Seg::new(a, b);
        nearest_on_segment(pt, &seg, &end_eval(pt, a), &end_eval(pt, b))
    }

    #[test]
    fn equator_segment_point_north() {
        // On the equator the perpendicular from (1, 5) lands at (0, 5) on the equator.
        let hit = nearest(p(1.0, 5.0), p(0.0, 0.0), p(0.0, 10.0));
        assert!((hit.point.lon() - 5.0).abs() < 1e-9, "{:?}", hit);
        let meridian_degree = crate::Geodesic
            .distance(p(0.0, 5.0), p(1.0, 5.0))
            .as_metres();
        assert!((hit.d - meridian_degree).abs() < 1e-6);
    }

    #[test]
    fn endpoint_and_zero_length() {
        let hit = nearest(p(0.0, -3.0), p(0.0, 0.0), p(0.0, 10.0));
        assert_eq!(hit.s, 0.0);
        let z = nearest(p(1.0, 1.0), p(0.0, 0.0), p(0.0, 0.0));
        assert_eq!(z.s, 0.0);
        assert!(z.d > 0.0);
    }

    use crate::measure::Metric as _;
}
