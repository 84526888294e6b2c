//! [`Separation`]: the shortest distance between two targets that may both
//! be lines or areas, with the nearest point on each.
//!
//! Method. When either side is a single point this is the point-to-target
//! measure ([`Target::nearest_by`]). Otherwise:
//!
//! 1. every vertex (and every point) of each side is measured to the other
//!    side, exactly, through its prepared index; a vertex inside an area of
//!    the other side means they overlap (distance 0);
//! 2. if no vertex is inside, the edges of the two sides are tested for
//!    crossings; a crossing means distance 0 at the crossing point;
//! 3. otherwise the shortest of the vertex distances is the answer: between
//!    two edges that do not cross, the shortest distance is reached at an end
//!    of one of them (as in the plane and on the sphere).
//!
//! With [`Method::Haversine`] steps 1–2 still run on the ellipsoid (through
//! the indexes; the sphere has none), and only the vertices within 2 % of the
//! shortest ellipsoidal distance, the only ones that can be nearest on a
//! sphere that is within 0.56 % of the ellipsoid, are measured again on the
//! sphere.
//!
//! The crossing test of step 2 treats edges as great-circle arcs between the
//! vertices' directions; a geodesic on WGS84 departs from that arc by at most
//! a few metres per hundred kilometres of edge, so only edges that pass
//! within metres of each other can be judged differently, and for those the
//! distance is within metres of 0 either way.

use super::TargetSpec;
use crate::distance::Distance;
use crate::measure::{Method, Target};
use crate::position::LatLon;
use crate::shape::{Area, Line};

/// The shortest distance between two targets, and where it is reached.
///
/// ```
/// use strikemap::{Method, io::target_spec::TargetSpec};
/// let kyiv = TargetSpec::parse("50.4501,30.5234")?;
/// let ukraine = TargetSpec::parse("country:UA")?;
/// let s = kyiv.separation_to(&ukraine, Method::Geodesic);
/// assert!(s.inside && s.distance.as_metres() == 0.0);
/// let olenya = TargetSpec::parse("68.1517N,33.4639E")?;
/// let s = ukraine.separation_to(&olenya, Method::Geodesic);
/// assert!(!s.inside && s.distance.as_km() > 1_700.0);
/// assert_eq!(s.to, strikemap::LatLon::new(68.1517, 33.4639)?);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Separation {
    /// The shortest distance (0 when they overlap).
    pub distance: Distance,
    /// The nearest point of the first target.
    pub from: LatLon,
    /// The nearest point of the second target.
    pub to: LatLon,
    /// Whether they overlap: a point of one lies inside (or on the edge of)
    /// an area of the other (a point inside a country, a front line inside
    /// it, two neighbours along their border), or their edges cross. The
    /// distance is then 0 and `from` = `to` is a common point.
    pub inside: bool,
}

/// The vertices and edges of one side.
struct Shape<'a> {
    points: &'a [LatLon],
    line: Option<&'a Line>,
    area: Option<&'a Area>,
}

impl Shape<'_> {
    fn vertices(&self) -> impl Iterator<Item = LatLon> + '_ {
        let line = self
            .line
            .into_iter()
            .flat_map(|l| l.parts().iter().flatten());
        let area = self
            .area
            .into_iter()
            .flat_map(|a| a.polygons().iter().flat_map(|p| p.rings().iter().flatten()));
        self.points.iter().chain(line).chain(area).copied()
    }

    fn arcs(&self) -> Vec<Arc> {
        let line = self
            .line
            .into_iter()
            .flat_map(|l| l.segments().map(|s| (s.2, s.3)));
        let area = self
            .area
            .into_iter()
            .flat_map(|a| a.segments().map(|s| (s.3, s.4)));
        line.chain(area)
            .filter_map(|(a, b)| Arc::new(a, b))
            .collect()
    }
}

impl TargetSpec {
    fn shape(&self) -> Shape<'_> {
        match self {
            TargetSpec::Point(p) => Shape {
                points: std::slice::from_ref(p),
                line: None,
                area: None,
            },
            TargetSpec::Country(c) => Shape {
                points: &[],
                line: None,
                area: Some(c.territory.area()),
            },
            TargetSpec::Region(r) => Shape {
                points: &[],
                line: None,
                area: Some(r.territory().area()),
            },
            TargetSpec::Place(p) => Shape {
                points: std::slice::from_ref(&p.site().position),
                line: None,
                area: None,
            },
            TargetSpec::File { shapes, .. } => Shape {
                points: shapes.points(),
                line: shapes.line(),
                area: shapes.area(),
            },
        }
    }

    /// The shortest distance from this target to another, with the nearest
    /// point of each; see [`Separation`] and the method in this module's
    /// source. The measure is symmetric.
    ///
    /// ```
    /// use strikemap::{Method, io::target_spec::TargetSpec};
    /// let ukraine = TargetSpec::parse("country:UA")?;
    /// let poland = TargetSpec::parse("country:PL")?;
    /// let s = ukraine.separation_to(&poland, Method::Geodesic);
    /// assert!(s.distance.as_metres() < 1.0); // neighbours share a border
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn separation_to(&self, to: &TargetSpec, method: Method) -> Separation {
        if let Some(p) = self.as_point() {
            let n = to.nearest_by(p, method);
            return Separation {
                distance: n.distance,
                from: p,
                to: n.point,
                inside: n.inside,
            };
        }
        if let Some(q) = to.as_point() {
            let n = self.nearest_by(q, method);
            return Separation {
                distance: n.distance,
                from: n.point,
                to: q,
                inside: n.inside,
            };
        }
        let (a, b) = (self.shape(), to.shape());
        // Step 1 on the ellipsoid, through the indexes.
        // (whether the vertex is on the first side, the separation found)
        let mut found: Vec<(bool, Separation)> = Vec::new();
        for v in a.vertices() {
            let n = to.nearest_to(v);
            if n.inside {
                return overlap(v);
            }
            found.push((
                true,
                Separation {
                    distance: n.distance,
                    from: v,
                    to: n.point,
                    inside: false,
                },
            ));
        }
        for w in b.vertices() {
            let n = self.nearest_to(w);
            if n.inside {
                return overlap(w);
            }
            found.push((
                false,
                Separation {
                    distance: n.distance,
                    from: n.point,
                    to: w,
                    inside: false,
                },
            ));
        }
        let shortest = found
            .iter()
            .map(|(_, s)| s.distance)
            .min_by(Distance::total_cmp)
            .unwrap_or(Distance::ZERO);
        if shortest.as_metres() > 0.0
            && let Some(x) = first_crossing(&a.arcs(), &b.arcs())
        {
            return overlap(x);
        }
        let nearest = |x: &Separation, y: &Separation| x.distance.total_cmp(&y.distance);
        let best = match method {
            Method::Geodesic => found.into_iter().map(|(_, s)| s).min_by(nearest),
            Method::Haversine => {
                // The sphere's distances are within 0.56 % of the ellipsoid's
                // (see `Haversine`), so only vertices within 2 % of the
                // shortest can be the nearest on the sphere; the sphere has no
                // index, so measure only those.
                let limit = shortest * SPHERE_MARGIN;
                found
                    .into_iter()
                    .filter(|(_, s)| s.distance <= limit)
                    .map(|(first, s)| {
                        if first {
                            let n = to.nearest_by(s.from, method);
                            Separation {
                                distance: n.distance,
                                to: n.point,
                                ..s
                            }
                        } else {
                            let n = self.nearest_by(s.to, method);
                            Separation {
                                distance: n.distance,
                                from: n.point,
                                ..s
                            }
                        }
                    })
                    .min_by(nearest)
            }
        };
        // Invariant: both sides hold at least one vertex (lines, areas and
        // composites are validated non-empty), so `found` is not empty.
        #[allow(clippy::expect_used)]
        best.expect("both sides have vertices")
    }
}

/// How much farther than the shortest ellipsoidal vertex distance a vertex
/// may be and still be the nearest on the sphere (0.56 % each way, with room).
const SPHERE_MARGIN: f64 = 1.02;

fn overlap(at: LatLon) -> Separation {
    Separation {
        distance: Distance::ZERO,
        from: at,
        to: at,
        inside: true,
    }
}

type Vec3 = [f64; 3];

fn dot(a: Vec3, b: Vec3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn cross(a: Vec3, b: Vec3) -> Vec3 {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn unit(p: LatLon) -> Vec3 {
    let (lat, lon) = (p.lat().to_radians(), p.lon().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn normalise(v: Vec3) -> Option<Vec3> {
    let n = dot(v, v).sqrt();
    (n > 1e-15).then(|| [v[0] / n, v[1] / n, v[2] / n])
}

/// An edge as a great-circle arc, with a bounding cap for quick rejection.
struct Arc {
    a: Vec3,
    b: Vec3,
    /// a × b: the arc's pole (not normalised).
    normal: Vec3,
    /// The direction of the arc's midpoint.
    centre: Vec3,
    /// Cosine and sine of half the arc's angle (the cap radius).
    cos_r: f64,
    sin_r: f64,
}

impl Arc {
    /// `None` for a zero-length edge (its vertex is measured anyway).
    fn new(a: LatLon, b: LatLon) -> Option<Arc> {
        let (a, b) = (unit(a), unit(b));
        let normal = cross(a, b);
        normalise(normal)?;
        let centre = normalise([a[0] + b[0], a[1] + b[1], a[2] + b[2]])?;
        let cos_r = dot(a, centre).clamp(-1.0, 1.0);
        Some(Arc {
            a,
            b,
            normal,
            centre,
            cos_r,
            sin_r: (1.0 - cos_r * cos_r).max(0.0).sqrt(),
        })
    }

    /// Whether direction `c`, on this arc's great circle, lies between its ends.
    fn holds(&self, c: Vec3) -> bool {
        const EPS: f64 = -1e-12;
        dot(cross(self.a, c), self.normal) >= EPS && dot(cross(c, self.b), self.normal) >= EPS
    }

    /// A point where the two arcs cross, if they do.
    fn crossing(&self, other: &Arc) -> Option<Vec3> {
        // The caps must overlap: angle(centres) <= r1 + r2.
        let cos_sum = self.cos_r * other.cos_r - self.sin_r * other.sin_r;
        if dot(self.centre, other.centre) < cos_sum - 1e-12 {
            return None;
        }
        match normalise(cross(self.normal, other.normal)) {
            Some(x) => {
                let minus = [-x[0], -x[1], -x[2]];
                [x, minus]
                    .into_iter()
                    .find(|&c| self.holds(c) && other.holds(c))
            }
            // On one great circle: they cross where an end of one lies on the other.
            None => [other.a, other.b, self.a, self.b]
                .into_iter()
                .find(|&c| self.holds(c) && other.holds(c)),
        }
    }
}

fn first_crossing(a: &[Arc], b: &[Arc]) -> Option<LatLon> {
    a.iter()
        .find_map(|p| b.iter().find_map(|q| p.crossing(q)))
        .and_then(|c| {
            let lat = c[2].clamp(-1.0, 1.0).asin().to_degrees();
            let lon = c[1].atan2(c[0]).to_degrees();
            LatLon::new(lat, lon).ok()
        })
}

#[cfg(test)]
mod tests {
    use super::super::Composite;
    use super::*;

    fn file(geojson: &str) -> TargetSpec {
        TargetSpec::File {
            path: "test.geojson".into(),
            shapes: Box::new(Composite::parse(geojson).unwrap()),
        }
    }

    #[test]
    fn crossing_lines_are_zero_apart() {
        let a = file(r#"{"type": "LineString", "coordinates": [[30, 49], [32, 51]]}"#);
        let b = file(r#"{"type": "LineString", "coordinates": [[30, 51], [32, 49]]}"#);
        let s = a.separation_to(&b, Method::Geodesic);
        assert!(s.inside);
        assert_eq!(s.distance, Distance::ZERO);
        assert!((s.from.lon() - 31.0).abs() < 1e-9);
        assert!((s.from.lat() - 50.0).abs() < 0.05);
    }

    #[test]
    fn line_crossing_an_area_without_a_vertex_inside() {
        let square = file(
            r#"{"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 51], [30, 50]]]}"#,
        );
        let through = file(r#"{"type": "LineString", "coordinates": [[29, 50.5], [32, 50.5]]}"#);
        let s = through.separation_to(&square, Method::Geodesic);
        assert!(s.inside && s.distance == Distance::ZERO);
    }

    #[test]
    fn disjoint_shapes_use_the_nearest_vertex_and_are_symmetric() {
        let square = file(
            r#"{"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 51], [30, 50]]]}"#,
        );
        let east = file(r#"{"type": "LineString", "coordinates": [[32, 49], [32, 52]]}"#);
        let s = square.separation_to(&east, Method::Geodesic);
        let back = east.separation_to(&square, Method::Geodesic);
        assert!(!s.inside);
        assert!((s.distance.as_metres() - back.distance.as_metres()).abs() < 1e-6);
        // One degree of longitude at 50–51° N is 70–72 km.
        assert!((69.0..73.0).contains(&s.distance.as_km()), "{}", s.distance);
        assert!((s.from.lon() - 31.0).abs() < 1e-9);
        assert!((s.to.lon() - 32.0).abs() < 1e-6);
    }

    #[test]
    fn area_inside_area_overlaps() {
        let big = file(
            r#"{"type": "Polygon", "coordinates": [[[20, 40], [40, 40], [40, 60], [20, 60], [20, 40]]]}"#,
        );
        let small = file(
            r#"{"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 51], [30, 50]]]}"#,
        );
        assert!(big.separation_to(&small, Method::Haversine).inside);
        assert!(small.separation_to(&big, Method::Geodesic).inside);
    }

    #[test]
    fn arcs_across_the_antimeridian_cross() {
        let a = file(r#"{"type": "LineString", "coordinates": [[179, -1], [-179, 1]]}"#);
        let b = file(r#"{"type": "LineString", "coordinates": [[179, 1], [-179, -1]]}"#);
        let s = a.separation_to(&b, Method::Geodesic);
        assert!(s.inside);
        assert!((s.from.lon().abs() - 180.0).abs() < 1e-9);
    }
}
