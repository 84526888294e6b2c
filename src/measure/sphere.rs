//! Point to great-circle segment on the sphere (the [`Haversine`](super::Haversine)
//! model), in closed form with unit vectors.

use super::MEAN_RADIUS;
use super::nearest::{Nearest, NearestOn};
use crate::distance::Distance;
use crate::position::LatLon;

type V3 = [f64; 3];

pub(crate) fn unit(p: LatLon) -> V3 {
    let (lat, lon) = (p.lat().to_radians(), p.lon().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn cross(a: V3, b: V3) -> V3 {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn dot(a: V3, b: V3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn norm(a: V3) -> f64 {
    dot(a, a).sqrt()
}

/// The angle between two unit vectors, robust for small and large angles.
pub(crate) fn angle(a: V3, b: V3) -> f64 {
    norm(cross(a, b)).atan2(dot(a, b))
}

fn to_latlon(v: V3, fallback: LatLon) -> LatLon {
    let lat = v[2].atan2(v[0].hypot(v[1])).to_degrees();
    let lon = v[1].atan2(v[0]).to_degrees();
    LatLon::wrapping(lat, lon).unwrap_or(fallback)
}

/// Nearest point of the great-circle arc a–b to p: (angle in radians, point, fraction).
pub(crate) fn nearest_on_arc(p: LatLon, a: LatLon, b: LatLon) -> (f64, LatLon, f64) {
    let (vp, va, vb) = (unit(p), unit(a), unit(b));
    let (da, db) = (angle(vp, va), angle(vp, vb));
    let endpoint = if db < da { (db, b, 1.0) } else { (da, a, 0.0) };
    let n = cross(va, vb);
    let len = norm(n);
    if len < 1e-15 {
        return endpoint;
    }
    let n = [n[0] / len, n[1] / len, n[2] / len];
    let off = dot(vp, n);
    let q = [vp[0] - off * n[0], vp[1] - off * n[1], vp[2] - off * n[2]];
    let qn = norm(q);
    if qn < 1e-15 {
        // p is a pole of the great circle: every point of the arc is 90° away.
        return endpoint;
    }
    let q = [q[0] / qn, q[1] / qn, q[2] / qn];
    if dot(cross(va, q), n) >= 0.0 && dot(cross(q, vb), n) >= 0.0 {
        let d = angle(vp, q);
        if d < endpoint.0 {
            let total = angle(va, vb);
            let fraction = if total > 0.0 {
                angle(va, q) / total
            } else {
                0.0
            };
            return (d, to_latlon(q, a), fraction);
        }
    }
    endpoint
}

/// The nearest point over all segments, on the sphere of mean radius.
pub(crate) fn scan(
    from: LatLon,
    segments: impl Iterator<Item = (NearestOn, LatLon, LatLon)>,
) -> Nearest {
    let mut best = Nearest {
        distance: Distance::from_metres(f64::INFINITY),
        point: from,
        on: None,
        inside: false,
    };
    for (mut place, a, b) in segments {
        let (angle, point, fraction) = nearest_on_arc(from, a, b);
        let d = Distance::from_metres(angle * MEAN_RADIUS);
        if d < best.distance {
            place.fraction = fraction;
            best = Nearest {
                distance: d,
                point,
                on: Some(place),
                inside: false,
            };
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equator_foot() {
        let p = LatLon::new(1.0, 5.0).unwrap();
        let (d, q, f) = nearest_on_arc(
            p,
            LatLon::new(0.0, 0.0).unwrap(),
            LatLon::new(0.0, 10.0).unwrap(),
        );
        assert!((d - 1f64.to_radians()).abs() < 1e-12);
        assert!((q.lon() - 5.0).abs() < 1e-9 && q.lat().abs() < 1e-9);
        assert!((f - 0.5).abs() < 1e-12);
    }
}
