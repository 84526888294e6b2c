//! Ring orientation: RFC 7946's right-hand rule on the longitude/latitude
//! plane (§3.1.6: exterior rings counter-clockwise, holes clockwise), and
//! which side of a ring on the ellipsoid is its area.

use geographiclib_rs::{PolygonArea, Winding};
use geojson::{Geometry, GeometryValue, Position};

use crate::error::{Error, Result};
use crate::measure::wgs84;
use crate::position::LatLon;

/// The signed area of a closed ring on the plane x = longitude,
/// y = latitude, in square degrees; positive when counter-clockwise.
pub(crate) fn planar_area(ring: &[LatLon]) -> f64 {
    shoelace(ring.iter().map(|p| (p.lon(), p.lat())))
}

fn shoelace(points: impl Iterator<Item = (f64, f64)> + Clone) -> f64 {
    let next = points.clone().skip(1);
    0.5 * points
        .zip(next)
        .map(|((x0, y0), (x1, y1))| x0 * y1 - x1 * y0)
        .sum::<f64>()
}

/// Whether `p` lies inside a closed ring on the plane (even-odd rule).
pub(crate) fn contains_point(ring: &[LatLon], p: LatLon) -> bool {
    let (px, py) = (p.lon(), p.lat());
    let mut inside = false;
    for w in ring.windows(2) {
        let (x0, y0, x1, y1) = (w[0].lon(), w[0].lat(), w[1].lon(), w[1].lat());
        if (y0 > py) != (y1 > py) {
            let x = x0 + (py - y0) / (y1 - y0) * (x1 - x0);
            if px < x {
                inside = !inside;
            }
        }
    }
    inside
}

/// Whether the smaller of the two regions a closed ring divides the
/// ellipsoid into lies on its left (Karney's polygon area through
/// `geographiclib-rs`: the signed, reduced area is positive then).
fn smaller_side_on_left(ring: &[LatLon]) -> bool {
    let mut pa = PolygonArea::new(wgs84(), Winding::CounterClockwise);
    for p in &ring[..ring.len().saturating_sub(1)] {
        pa.add_point(p.lat(), p.lon());
    }
    let (_perimeter, area, _n) = pa.compute(true);
    area >= 0.0
}

/// The rings of a strikemap polygon (each bounding the smaller region it
/// encloses) oriented with the polygon's area on the left: the exterior
/// with its region on the left, holes with theirs on the right.
pub(crate) fn area_on_left(rings: &[Vec<LatLon>]) -> Vec<Vec<LatLon>> {
    rings
        .iter()
        .enumerate()
        .map(|(i, ring)| {
            let want_left = i == 0;
            let mut r = ring.clone();
            if smaller_side_on_left(&r) != want_left {
                r.reverse();
            }
            r
        })
        .collect()
}

fn ring_area(ring: &[Position]) -> f64 {
    shoelace(ring.iter().map(|p| {
        let c = p.as_slice();
        (
            c.first().copied().unwrap_or(0.0),
            c.get(1).copied().unwrap_or(0.0),
        )
    }))
}

fn check_rings(rings: &[Vec<Position>], prefix: &str) -> Result<()> {
    for (r, ring) in rings.iter().enumerate() {
        let area = ring_area(ring);
        let (exterior, bad) = (r == 0, if r == 0 { area < 0.0 } else { area > 0.0 });
        if bad {
            return Err(Error::format(
                format!("coordinates{prefix}[{r}]"),
                if exterior {
                    "a counter-clockwise exterior ring (RFC 7946 §3.1.6)"
                } else {
                    "a clockwise hole (RFC 7946 §3.1.6)"
                },
                format!(
                    "a {} ring",
                    if area < 0.0 {
                        "clockwise"
                    } else {
                        "counter-clockwise"
                    }
                ),
            ));
        }
    }
    Ok(())
}

/// Checks RFC 7946's right-hand rule (§3.1.6) on a geometry as drawn on
/// the longitude/latitude plane: exterior rings counter-clockwise, holes
/// clockwise. Points and lines always pass; a GeometryCollection is checked
/// member by member.
///
/// # Errors
/// [`Error::Format`] naming the first ring wound the wrong way, e.g.
/// `coordinates[0][1]: expected a clockwise hole (RFC 7946 §3.1.6), found a
/// counter-clockwise ring`.
///
/// ```
/// let ccw: geojson::Geometry = r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#.parse()?;
/// strikemap::io::geojson::check_winding(&ccw)?;
/// let cw: geojson::Geometry = r#"{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,0]]]}"#.parse()?;
/// assert!(strikemap::io::geojson::check_winding(&cw).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_winding(geometry: &Geometry) -> Result<()> {
    match &geometry.value {
        GeometryValue::Polygon { coordinates } => check_rings(coordinates, ""),
        GeometryValue::MultiPolygon { coordinates } => coordinates
            .iter()
            .enumerate()
            .try_for_each(|(p, rings)| check_rings(rings, &format!("[{p}]"))),
        GeometryValue::GeometryCollection { geometries } => geometries
            .iter()
            .enumerate()
            .try_for_each(|(i, g)| check_winding(g).map_err(|e| e.at(format!("geometries[{i}]")))),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap()
    }

    #[test]
    fn plane_orientation_and_containment() {
        let ccw = vec![
            p(0.0, 0.0),
            p(0.0, 2.0),
            p(2.0, 2.0),
            p(2.0, 0.0),
            p(0.0, 0.0),
        ];
        assert_eq!(planar_area(&ccw), 4.0);
        assert!(contains_point(&ccw, p(1.0, 1.0)));
        assert!(!contains_point(&ccw, p(3.0, 1.0)));
        let mut cw = ccw.clone();
        cw.reverse();
        assert_eq!(planar_area(&cw), -4.0);
    }

    #[test]
    fn area_on_left_orients_exterior_and_holes() {
        let cw = vec![
            p(0.0, 0.0),
            p(2.0, 0.0),
            p(2.0, 2.0),
            p(0.0, 2.0),
            p(0.0, 0.0),
        ];
        let hole_ccw = vec![
            p(0.5, 0.5),
            p(0.5, 1.5),
            p(1.5, 1.5),
            p(1.5, 0.5),
            p(0.5, 0.5),
        ];
        let out = area_on_left(&[cw, hole_ccw]);
        assert!(planar_area(&out[0]) > 0.0);
        assert!(planar_area(&out[1]) < 0.0);
    }
}
