//! What a map shows, in geographic coordinates, before it is laid out:
//! features with their paint, labels and popups, the title and notes.

use crate::LatLon;
use crate::measure::wgs84;

use super::style::Paint;

/// A feature's geometry, latitude first, edges geodesic.
#[derive(Debug, Clone)]
pub(crate) enum Geometry {
    /// Polygons, each a list of rings (exterior first).
    Area(Vec<Vec<Vec<LatLon>>>),
    /// Parts of a line.
    Line(Vec<Vec<LatLon>>),
    /// A point.
    Point(LatLon),
}

impl Geometry {
    /// Every vertex.
    pub(crate) fn vertices(&self) -> Box<dyn Iterator<Item = LatLon> + '_> {
        match self {
            Geometry::Area(polys) => Box::new(polys.iter().flatten().flatten().copied()),
            Geometry::Line(parts) => Box::new(parts.iter().flatten().copied()),
            Geometry::Point(p) => Box::new(std::iter::once(*p)),
        }
    }
}

/// The kind of swatch a legend entry shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Swatch {
    Area,
    Line,
    Marker,
}

/// One feature to draw.
#[derive(Debug, Clone)]
pub(crate) struct Feature {
    pub geometry: Geometry,
    pub paint: Paint,
    /// The label drawn beside a point (static maps) or as its tooltip.
    pub label: Option<String>,
    /// The legend entry this feature belongs to.
    pub legend: Option<String>,
    /// Property name and value pairs for the HTML popup.
    pub popup: Vec<(String, String)>,
    /// Labels of higher priority are placed first.
    pub priority: i32,
}

impl Feature {
    pub(crate) fn new(geometry: Geometry, paint: Paint) -> Feature {
        Feature {
            geometry,
            paint,
            label: None,
            legend: None,
            popup: Vec::new(),
            priority: 0,
        }
    }

    pub(crate) fn swatch(&self) -> Swatch {
        match self.geometry {
            Geometry::Area(_) => Swatch::Area,
            Geometry::Line(_) => Swatch::Line,
            Geometry::Point(_) => Swatch::Marker,
        }
    }
}

/// Everything a map shows, before projection and layout.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sketch {
    pub features: Vec<Feature>,
    pub title: String,
    /// Lines under the title (the source, the verdict, notes).
    pub notes: Vec<String>,
    /// Data sources, beside "Natural Earth".
    pub attribution: Vec<String>,
    /// The centre of an azimuthal equidistant map (claim maps).
    pub centre: Option<LatLon>,
}

/// Edges longer than this are drawn through points along the geodesic.
const DENSIFY_M: f64 = 100_000.0;

/// The vertices of a path with points added every 100 km along long
/// geodesic edges (strikemap's edges are geodesics; the plane is not).
pub(crate) fn densify(path: &[LatLon]) -> Vec<LatLon> {
    use geographiclib_rs::{DirectGeodesic as _, InverseGeodesic as _};
    let mut out = Vec::with_capacity(path.len());
    for pair in path.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        out.push(a);
        // Along the antimeridian cut of RFC 7946 the edge is a seam, not a
        // path: keep it straight.
        if a.lon().abs() >= 179.9999 && b.lon().abs() >= 179.9999 {
            continue;
        }
        let (s, azi, _azi2, _a12): (f64, f64, f64, f64) =
            wgs84().inverse(a.lat(), a.lon(), b.lat(), b.lon());
        if s > DENSIFY_M && s.is_finite() {
            let n = (s / DENSIFY_M).ceil().min(2_000.0) as usize;
            for i in 1..n {
                let (lat, lon): (f64, f64) =
                    wgs84().direct(a.lat(), a.lon(), azi, s * i as f64 / n as f64);
                if let Ok(p) = LatLon::wrapping(lat, lon) {
                    out.push(p);
                }
            }
        }
    }
    if let Some(last) = path.last() {
        out.push(*last);
    }
    out
}

/// The centre of a set of positions: the mean of their unit vectors
/// (right across the antimeridian), or `None` for no positions.
pub(crate) fn centre_of(points: impl Iterator<Item = LatLon>) -> Option<LatLon> {
    let (mut x, mut y, mut z, mut n) = (0.0, 0.0, 0.0, 0usize);
    for p in points {
        let (la, lo) = (p.lat().to_radians(), p.lon().to_radians());
        x += la.cos() * lo.cos();
        y += la.cos() * lo.sin();
        z += la.sin();
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let h = (x * x + y * y).sqrt();
    if h < 1e-12 && z.abs() < 1e-12 {
        return LatLon::new(0.0, 0.0).ok();
    }
    LatLon::wrapping(z.atan2(h).to_degrees(), y.atan2(x).to_degrees()).ok()
}
