//! [`Area`] and [`Polygon`]: regions bounded by geodesic rings.

use serde::{Deserialize, Serialize};

use super::{empty, positions_from_lon_lat};
use crate::error::{Error, Reported, Result};
use crate::position::LatLon;

/// A polygon: an exterior ring and any number of holes. Each ring is closed
/// (its last vertex equals its first), has at least 4 positions and 3
/// distinct ones, and does not cross itself.
///
/// A ring divides the Earth into two regions; it bounds the **smaller** one,
/// whatever its winding order (so a clockwise ring read from a careless file
/// still means what was drawn). GeoJSON export writes RFC 7946 winding.
///
/// ```
/// use strikemap::{LatLon, shape::Polygon};
/// let ring = vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 50.0]];
/// let poly = Polygon::from_lon_lat(&[ring])?;
/// assert_eq!(poly.exterior().len(), 4);
/// assert!(poly.holes().is_empty());
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PolygonRings", into = "PolygonRings")]
pub struct Polygon {
    rings: Vec<Vec<LatLon>>,
}

#[derive(Serialize, Deserialize)]
struct PolygonRings {
    rings: Vec<Vec<LatLon>>,
}

impl TryFrom<PolygonRings> for Polygon {
    type Error = Reported;
    fn try_from(p: PolygonRings) -> Result<Polygon, Reported> {
        Polygon::new(p.rings).map_err(Reported)
    }
}

impl From<Polygon> for PolygonRings {
    fn from(p: Polygon) -> PolygonRings {
        PolygonRings { rings: p.rings }
    }
}

fn check_ring(ring: &[LatLon], location: impl Fn() -> String) -> Result<()> {
    if ring.len() < 4 {
        return Err(Error::geometry(
            location(),
            format!(
                "a ring needs at least 4 positions (first = last), found {}",
                ring.len()
            ),
        ));
    }
    let (first, last) = (ring[0], ring[ring.len() - 1]);
    if first != last {
        return Err(Error::geometry(
            location(),
            format!(
                "the ring is not closed: it starts at [{}, {}] and ends at [{}, {}] (lon, lat)",
                first.lon(),
                first.lat(),
                last.lon(),
                last.lat()
            ),
        ));
    }
    let mut distinct: Vec<LatLon> = ring[..ring.len() - 1].to_vec();
    distinct.sort_by(|a, b| {
        a.lat()
            .total_cmp(&b.lat())
            .then(a.lon().total_cmp(&b.lon()))
    });
    distinct.dedup();
    if distinct.len() < 3 {
        return Err(Error::geometry(
            location(),
            format!(
                "the ring has {} distinct position{}: it encloses nothing (a ring needs at least 3)",
                distinct.len(),
                if distinct.len() == 1 { "" } else { "s" }
            ),
        ));
    }
    if let Some((i, j)) = self_crossing(ring) {
        return Err(Error::geometry(
            location(),
            format!(
                "the ring crosses itself: edge {i} (from vertex {i}) crosses edge {j} (from vertex {j}), \
                 so the region it bounds is undefined (a bow tie has no area)"
            ),
        ));
    }
    Ok(())
}

/// A position on the unit sphere (the edges' great-circle approximation,
/// within metres of the geodesic for the edges where crossings matter).
fn unit(p: LatLon) -> [f64; 3] {
    let (lat, lon) = (p.lat().to_radians(), p.lon().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn det(a: [f64; 3], b: [f64; 3], c: [f64; 3]) -> f64 {
    a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
        + a[2] * (b[0] * c[1] - b[1] * c[0])
}

/// Orientation tests below this are taken as touching, never as crossing
/// (about 1e-12 rad, 6 µm: a ring touching itself at a vertex is allowed).
const CROSSING_EPS: f64 = 1e-12;

/// The first pair of edges of `ring` that cross properly (each passes
/// strictly from one side of the other to the other side), if any: a
/// sweep over the edges sorted by their lowest z on the unit sphere.
fn self_crossing(ring: &[LatLon]) -> Option<(usize, usize)> {
    let n = ring.len() - 1;
    let pts: Vec<[f64; 3]> = ring.iter().map(|p| unit(*p)).collect();
    // z range of each edge, widened by the arc's bulge beyond its chord.
    let mut edges: Vec<(f64, f64, usize)> = (0..n)
        .filter(|&i| ring[i] != ring[i + 1])
        .map(|i| {
            let (a, b) = (pts[i], pts[i + 1]);
            let chord2: f64 = (0..3).map(|k| (a[k] - b[k]).powi(2)).sum();
            let bulge = chord2 / 4.0 + 1e-12;
            (a[2].min(b[2]) - bulge, a[2].max(b[2]) + bulge, i)
        })
        .collect();
    edges.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut active: Vec<(f64, usize)> = Vec::new();
    for &(lo, hi, i) in &edges {
        active.retain(|&(top, _)| top >= lo);
        for &(_, j) in &active {
            let (i, j) = (i.min(j), i.max(j));
            // Edges sharing a vertex meet there; they cannot cross properly.
            if j == i + 1 || (i == 0 && j == n - 1) {
                continue;
            }
            if crosses(pts[i], pts[i + 1], pts[j], pts[j + 1]) {
                return Some((i, j));
            }
        }
        active.push((hi, i));
    }
    None
}

/// Whether the arcs a–b and c–d cross at a point inside both.
fn crosses(a: [f64; 3], b: [f64; 3], c: [f64; 3], d: [f64; 3]) -> bool {
    let (abc, abd) = (det(a, b, c), det(a, b, d));
    let (cda, cdb) = (det(c, d, a), det(c, d, b));
    let strictly_apart = |x: f64, y: f64| {
        (x > CROSSING_EPS && y < -CROSSING_EPS) || (x < -CROSSING_EPS && y > CROSSING_EPS)
    };
    // Both on the same side of the Earth (not a crossing at the antipode).
    let near: f64 = (0..3).map(|k| (a[k] + b[k]) * (c[k] + d[k])).sum();
    strictly_apart(abc, abd) && strictly_apart(cda, cdb) && near > 0.0
}

impl Polygon {
    /// Builds a polygon from rings: the exterior first, then holes.
    ///
    /// # Errors
    /// [`Error::InvalidGeometry`] naming the ring if there are no rings, or
    /// a ring is not closed, has fewer than 4 positions or fewer than 3
    /// distinct ones, or crosses itself (a bow tie: two of its edges cross
    /// strictly; touching at a vertex is allowed).
    ///
    /// ```
    /// use strikemap::{LatLon, shape::Polygon};
    /// let open = vec![LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 1.0)?, LatLon::new(1.0, 1.0)?, LatLon::new(1.0, 0.0)?];
    /// let err = Polygon::new(vec![open]).unwrap_err();
    /// assert!(err.report().to_string().starts_with("ring 0: the ring is not closed"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(rings: Vec<Vec<LatLon>>) -> Result<Polygon> {
        if rings.is_empty() {
            return Err(empty("polygon".into(), "the polygon has no rings: it"));
        }
        for (r, ring) in rings.iter().enumerate() {
            check_ring(ring, || format!("ring {r}"))?;
        }
        Ok(Polygon { rings })
    }

    /// Builds a polygon from GeoJSON-order rings of `[lon, lat]`.
    ///
    /// # Errors
    /// As [`Polygon::new`], with coordinate errors wrapped as `ring R, vertex V`.
    ///
    /// ```
    /// let err = strikemap::shape::Polygon::from_lon_lat(&[vec![[0.0, 0.0], [1.0, 0.0], [0.0, 0.0]]]).unwrap_err();
    /// assert!(err.report().to_string().contains("ring 0: a ring needs at least 4 positions"));
    /// ```
    pub fn from_lon_lat(rings: &[Vec<[f64; 2]>]) -> Result<Polygon> {
        let rings = rings
            .iter()
            .enumerate()
            .map(|(r, coords)| positions_from_lon_lat(coords, &|v| format!("ring {r}, vertex {v}")))
            .collect::<Result<Vec<_>>>()?;
        Polygon::new(rings)
    }

    /// The exterior ring.
    ///
    /// ```
    /// let p = strikemap::shape::Polygon::from_lon_lat(&[vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]])?;
    /// assert_eq!(p.exterior().len(), 4);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn exterior(&self) -> &[LatLon] {
        &self.rings[0]
    }

    /// The holes.
    ///
    /// ```
    /// let p = strikemap::shape::Polygon::from_lon_lat(&[vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]])?;
    /// assert!(p.holes().is_empty());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn holes(&self) -> &[Vec<LatLon>] {
        &self.rings[1..]
    }

    /// All rings, exterior first.
    ///
    /// ```
    /// let p = strikemap::shape::Polygon::from_lon_lat(&[vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]])?;
    /// assert_eq!(p.rings().len(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn rings(&self) -> &[Vec<LatLon>] {
        &self.rings
    }
}

/// A region: one or more polygons (a country with islands is one `Area`).
///
/// ```
/// use strikemap::{Area, shape::Polygon};
/// let square = Polygon::from_lon_lat(&[vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]])?;
/// let area = Area::new(vec![square])?;
/// assert_eq!(area.polygons().len(), 1);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "AreaPolygons", into = "AreaPolygons")]
pub struct Area {
    polygons: Vec<Polygon>,
}

#[derive(Serialize, Deserialize)]
struct AreaPolygons {
    polygons: Vec<Polygon>,
}

impl TryFrom<AreaPolygons> for Area {
    type Error = Reported;
    fn try_from(a: AreaPolygons) -> Result<Area, Reported> {
        Area::new(a.polygons).map_err(Reported)
    }
}

impl From<Area> for AreaPolygons {
    fn from(a: Area) -> AreaPolygons {
        AreaPolygons {
            polygons: a.polygons,
        }
    }
}

impl Area {
    /// Builds an area from polygons.
    ///
    /// # Errors
    /// [`Error::InvalidGeometry`] if there are no polygons.
    ///
    /// ```
    /// assert!(strikemap::Area::new(vec![]).is_err());
    /// ```
    pub fn new(polygons: Vec<Polygon>) -> Result<Area> {
        if polygons.is_empty() {
            return Err(empty("area".into(), "the area has no polygons: it"));
        }
        Ok(Area { polygons })
    }

    /// Builds an area from GeoJSON MultiPolygon coordinates (`[lon, lat]`).
    ///
    /// # Errors
    /// As [`Polygon::from_lon_lat`], wrapped with `polygon P`.
    ///
    /// ```
    /// let err = strikemap::Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]]]).unwrap_err();
    /// assert!(err.report().to_string().starts_with("polygon 0: ring 0: the ring is not closed"));
    /// ```
    pub fn from_lon_lat(polygons: &[Vec<Vec<[f64; 2]>>]) -> Result<Area> {
        let polygons = polygons
            .iter()
            .enumerate()
            .map(|(p, rings)| {
                Polygon::from_lon_lat(rings).map_err(|e| e.at(format!("polygon {p}")))
            })
            .collect::<Result<Vec<_>>>()?;
        Area::new(polygons)
    }

    /// The polygons.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// assert_eq!(square.polygons()[0].exterior().len(), 5);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn polygons(&self) -> &[Polygon] {
        &self.polygons
    }

    /// The area's boundary as a line: one closed part per ring, exteriors
    /// and holes, in order (edges geodesic, as the area's).
    ///
    /// ```
    /// use strikemap::Area;
    /// let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// let outline = sq.outline();
    /// assert_eq!(outline.parts().len(), 1);
    /// assert_eq!(outline.parts()[0].len(), 4);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn outline(&self) -> super::Line {
        super::Line::from_valid_parts(
            self.polygons
                .iter()
                .flat_map(|p| p.rings.iter().cloned())
                .collect(),
        )
    }

    /// Every boundary edge as `(polygon, ring, segment, start, end)`.
    pub(crate) fn segments(
        &self,
    ) -> impl Iterator<Item = (usize, usize, usize, LatLon, LatLon)> + '_ {
        self.polygons.iter().enumerate().flat_map(|(p, poly)| {
            poly.rings.iter().enumerate().flat_map(move |(r, ring)| {
                ring.windows(2)
                    .enumerate()
                    .map(move |(i, w)| (p, r, i, w[0], w[1]))
            })
        })
    }

    /// How many boundary edges all rings have together.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// assert_eq!(square.segment_count(), 4);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn segment_count(&self) -> usize {
        self.polygons
            .iter()
            .flat_map(|p| p.rings.iter())
            .map(|r| r.len() - 1)
            .sum()
    }
}
