//! Directions within a country: "the north-eastern Ukrainian city of
//! Kharkiv" is tested by the bearing of the place from the country's
//! centroid.

use crate::Verdict;
use crate::position::LatLon;
use crate::shape::Area;

/// How far (degrees) a bearing may be from the named direction and still
/// support it: 45°, so "eastern" covers east-north-east to east-south-east
/// and Kharkiv (about 72° from Ukraine's centroid) is both eastern and
/// north-eastern, as writers use the words.
pub const DIRECTION_TOLERANCE_DEG: f64 = 45.0;

/// Past [`DIRECTION_TOLERANCE_DEG`], how much further (degrees) a bearing is
/// borderline rather than not supported: 22.5° (one more half-octant).
pub const DIRECTION_BORDERLINE_DEG: f64 = 22.5;

/// A place closer to the centroid than this fraction of the country's
/// equivalent radius √(area/π) has no clear direction: borderline whatever
/// its bearing.
pub const CENTRAL_FRACTION: f64 = 0.10;

/// "central" holds within this fraction of the equivalent radius of the
/// centroid (borderline up to [`CENTRAL_BORDERLINE`]).
pub const CENTRAL_SUPPORTED: f64 = 1.0 / 3.0;

/// "central" is borderline up to this fraction of the equivalent radius.
pub const CENTRAL_BORDERLINE: f64 = 0.5;

/// The centroid of an area on the sphere: the direction of the integral of
/// the unit position vector over the area. For a ring, that integral is
/// half the sum over its edges of the edge's arc angle times the unit
/// normal of its great circle (a closed form, no triangulation); holes
/// count against their polygon. Latitudes are used as spherical ones,
/// which moves the centroid of a country by well under a kilometre
/// compared with the ellipsoid, far below what a direction word resolves.
pub(crate) fn centroid(area: &Area) -> Option<LatLon> {
    let mut sum = [0.0_f64; 3];
    for polygon in area.polygons() {
        for (i, ring) in polygon.rings().iter().enumerate() {
            let v = ring_moment(ring);
            // Orient each ring's moment: an exterior points into its ring,
            // a hole away from it.
            let mean = mean_vector(ring);
            let sign = if dot(v, mean) >= 0.0 { 1.0 } else { -1.0 };
            let sign = if i == 0 { sign } else { -sign };
            for k in 0..3 {
                sum[k] += sign * v[k];
            }
        }
    }
    let n = dot(sum, sum).sqrt();
    if n.is_nan() || n <= 0.0 {
        return None;
    }
    let lat = (sum[2] / n).asin().to_degrees();
    let lon = sum[1].atan2(sum[0]).to_degrees();
    LatLon::new(lat, lon).ok()
}

/// Unit vector of a point.
fn unit(p: LatLon) -> [f64; 3] {
    let (lat, lon) = (p.lat().to_radians(), p.lon().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

/// The mean of a ring's vertex vectors (which side of the sphere it is on).
fn mean_vector(ring: &[LatLon]) -> [f64; 3] {
    let mut m = [0.0; 3];
    for p in ring {
        let u = unit(*p);
        for k in 0..3 {
            m[k] += u[k];
        }
    }
    m
}

/// ½ Σ θ_e n̂_e over the ring's edges (closed or not).
fn ring_moment(ring: &[LatLon]) -> [f64; 3] {
    let mut m = [0.0; 3];
    let n = ring.len();
    for i in 0..n {
        let a = unit(ring[i]);
        let b = unit(ring[(i + 1) % n]);
        let c = cross(a, b);
        let s = dot(c, c).sqrt();
        if s == 0.0 {
            continue;
        }
        let theta = s.atan2(dot(a, b));
        for k in 0..3 {
            m[k] += 0.5 * theta * c[k] / s;
        }
    }
    m
}

/// The verdict on a direction: `named` the bearing the word names (`None`
/// for "central"), `bearing` the place's from the centroid, `fraction` its
/// distance from the centroid over the equivalent radius. Returns the
/// verdict and how far off the named bearing the place is (degrees).
pub(crate) fn verdict(named: Option<f64>, bearing: f64, fraction: f64) -> (Verdict, Option<f64>) {
    let Some(named) = named else {
        let v = if fraction <= CENTRAL_SUPPORTED {
            Verdict::Supported
        } else if fraction <= CENTRAL_BORDERLINE {
            Verdict::Borderline
        } else {
            Verdict::NotSupported
        };
        return (v, None);
    };
    let off = ((bearing - named).rem_euclid(360.0) + 180.0).rem_euclid(360.0) - 180.0;
    let off = off.abs();
    let v = if fraction < CENTRAL_FRACTION {
        Verdict::Borderline
    } else if off <= DIRECTION_TOLERANCE_DEG {
        Verdict::Supported
    } else if off <= DIRECTION_TOLERANCE_DEG + DIRECTION_BORDERLINE_DEG {
        Verdict::Borderline
    } else {
        Verdict::NotSupported
    };
    (v, Some(off))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centroid_of_a_small_square_is_its_middle() {
        let area = Area::from_lon_lat(&[vec![vec![
            [30.0, 49.0],
            [32.0, 49.0],
            [32.0, 51.0],
            [30.0, 51.0],
            [30.0, 49.0],
        ]]])
        .unwrap();
        let c = centroid(&area).unwrap();
        assert!((c.lon() - 31.0).abs() < 1e-9, "{c:?}");
        // Slightly south of 50°: the southern half is wider.
        assert!(c.lat() < 50.0 && c.lat() > 49.95, "{c:?}");
        // Either winding gives the same centroid.
        let rev = Area::from_lon_lat(&[vec![vec![
            [30.0, 49.0],
            [30.0, 51.0],
            [32.0, 51.0],
            [32.0, 49.0],
            [30.0, 49.0],
        ]]])
        .unwrap();
        let d = centroid(&rev).unwrap();
        assert!((c.lat() - d.lat()).abs() < 1e-12);
    }

    #[test]
    fn bands() {
        assert_eq!(verdict(Some(45.0), 72.0, 0.6).0, Verdict::Supported);
        assert_eq!(verdict(Some(45.0), 100.0, 0.6).0, Verdict::Borderline);
        assert_eq!(verdict(Some(45.0), 200.0, 0.6).0, Verdict::NotSupported);
        assert_eq!(verdict(Some(0.0), 350.0, 0.6).1, Some(10.0));
        assert_eq!(verdict(Some(45.0), 45.0, 0.05).0, Verdict::Borderline);
        assert_eq!(verdict(None, 0.0, 0.2).0, Verdict::Supported);
    }
}
