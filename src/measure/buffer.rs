//! Geodesic buffers: the area within a distance of a point, a line or an
//! area, on the WGS84 ellipsoid ("everything within 4,300 miles of
//! Ukraine").
//!
//! # Method
//!
//! The buffer is the region where the exact distance to the shape (the
//! same [`Target`] distance every other measure uses) is at most `D`. Its
//! boundary is the contour `f(p) = distance(p, shape) − D = 0`, found in
//! four steps:
//!
//! 1. **Frame.** Positions are written in the azimuthal equidistant frame
//!    centred on the shape (the mean direction of its vertices): a point at
//!    `(x, y)` is reached from the centre by the direct geodesic problem
//!    (Karney's algorithm through `geographiclib-rs`) along the azimuth
//!    `atan2(x, y)` for `hypot(x, y)` metres. The frame is one-to-one out to
//!    well past the largest buffer it is used for (18,000 km from the
//!    centre: inside the ellipsoid's cut locus), and it has no trouble at a
//!    pole or the antimeridian: those are ordinary points in it.
//! 2. **Sparse grid.** A square grid of cells of side `s` (a quarter of the
//!    distance, at most 100 km) covers the frame out to `D + r` (`r`: the
//!    farthest vertex from the centre, plus 1 % and 10 km for the bulge of
//!    geodesic edges), beyond which every point is farther than `D`. A
//!    quadtree over the grid measures `f` at the centre of each block and
//!    drops the block when `|f|` exceeds its half-diagonal: `f` changes by
//!    at most the ground distance, which in this frame is never more than
//!    the frame distance (the frame stretches, never shrinks, across its
//!    radii), so such a block holds no boundary. Only the cells along the
//!    boundary are measured at their corners.
//! 3. **Marching squares.** In each remaining cell the corners' signs give
//!    the boundary's crossings of the cell's edges (a saddle is decided by
//!    the cell's centre); each crossing is solved exactly on its cell edge
//!    (Illinois method, to 1 cm of `f`), and the crossings are chained into
//!    closed rings with the buffer on their left.
//! 4. **Refinement.** Each edge of a ring is a geodesic between two exact
//!    boundary points; where the distance at its geodesic midpoint differs
//!    from `D` by more than the tolerance (10 m by default), a boundary point
//!    is solved near the midpoint (along the edge's normal in the frame) and
//!    inserted, recursively. So every vertex lies at `D` within 1 cm and
//!    every edge's midpoint within the tolerance, including at the sharp
//!    inward corners where the circles around two parts of the shape meet.
//!
//! A feature of the boundary smaller than a grid cell (a hole in the buffer
//! narrower than `s`, a quarter of `D`) can be missed; the cell can be set
//! smaller with [`BufferOptions::with_cell`].
//!
//! # Regions larger than a hemisphere
//!
//! An [`Area`]'s ring bounds the smaller of the two regions it divides the
//! Earth into. A buffer reaching farther than 9,000 km from its centre may
//! cover more than half the Earth, so it is returned as four polygons, the
//! four quadrants of the frame (cut along the geodesics from the centre
//! at azimuths 0°, 90°, 180° and 270°, with shared vertices every 500 km
//! along the cuts), each a quarter of the Earth at most. The GeoJSON export
//! removes the edges the quadrants share and writes one region again.
//!
//! # Limits
//!
//! The distance must be at least 1 m, and the buffer must reach no farther
//! than 18,000 km from the shape's centre (`D + r ≤ 18,000 km`: a point
//! buffered up to 18,000 km, Ukraine up to about 17,300 km). A larger
//! buffer is refused with [`Error::InvalidNumber`](crate::Error): it covers
//! all but a small region around the antipode, which this method does not
//! solve yet (a buffer of the whole Earth has no boundary and cannot be an
//! [`Area`] at all).

use std::collections::HashMap;

use geographiclib_rs::{DirectGeodesic as _, InverseGeodesic as _};

use super::{Method, PreparedArea, PreparedLine, Target, wgs84};
use crate::distance::Distance;
use crate::error::{Error, Result};
use crate::position::LatLon;
use crate::shape::{Area, Line, Polygon};

/// A target that can be buffered: a [`Target`] that also gives its
/// vertices, from which the buffer's frame and search region are set.
///
/// Implemented for positions, [`Line`], [`Area`], their prepared forms,
/// and (in `model` and `io`) for places, territories, front lines and
/// targets written as text.
///
/// ```
/// use strikemap::{LatLon, measure::Buffered};
/// let kyiv = LatLon::new(50.45, 30.52)?;
/// assert_eq!(kyiv.vertices(), vec![kyiv]);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub trait Buffered: Target {
    /// Every vertex of the shape: the point, every vertex of every line
    /// part, or every vertex of every ring (at least one).
    ///
    /// ```
    /// use strikemap::{Line, LatLon, measure::Buffered};
    /// let l = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// assert_eq!(l.vertices().len(), 2);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn vertices(&self) -> Vec<LatLon>;

    /// An indexed copy to measure on while buffering, for shapes that are
    /// measured by a full scan ([`Line`], [`Area`]); `None` (the default)
    /// measures the target itself.
    ///
    /// ```
    /// use strikemap::{LatLon, measure::Buffered};
    /// assert!(LatLon::new(50.45, 30.52)?.indexed().is_none());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn indexed(&self) -> Option<Box<dyn Target + '_>> {
        None
    }
}

impl<T: Buffered + ?Sized> Buffered for &T {
    fn vertices(&self) -> Vec<LatLon> {
        (**self).vertices()
    }

    fn indexed(&self) -> Option<Box<dyn Target + '_>> {
        (**self).indexed()
    }
}

impl Buffered for LatLon {
    fn vertices(&self) -> Vec<LatLon> {
        vec![*self]
    }
}

impl Buffered for Line {
    fn vertices(&self) -> Vec<LatLon> {
        self.parts().iter().flatten().copied().collect()
    }

    fn indexed(&self) -> Option<Box<dyn Target + '_>> {
        Some(Box::new(PreparedLine::new(self.clone())))
    }
}

impl Buffered for Area {
    fn vertices(&self) -> Vec<LatLon> {
        self.polygons()
            .iter()
            .flat_map(|p| p.rings().iter().flatten())
            .copied()
            .collect()
    }

    fn indexed(&self) -> Option<Box<dyn Target + '_>> {
        Some(Box::new(PreparedArea::new(self.clone())))
    }
}

impl Buffered for PreparedLine {
    fn vertices(&self) -> Vec<LatLon> {
        self.line().vertices()
    }
}

impl Buffered for PreparedArea {
    fn vertices(&self) -> Vec<LatLon> {
        self.area().vertices()
    }
}

/// How a buffer is computed: the distance, and the accuracy settings.
///
/// A [`Distance`] converts into options with the defaults, so
/// `buffer(&target, distance)` and `buffer(&target, options)` both work.
///
/// ```
/// use strikemap::{Distance, measure::BufferOptions};
/// let o = BufferOptions::new(Distance::from_km(100.0)).with_tolerance(Distance::from_metres(5.0));
/// assert_eq!(o.tolerance().as_metres(), 5.0);
/// assert_eq!(BufferOptions::from(Distance::from_km(100.0)).tolerance().as_metres(), 10.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BufferOptions {
    distance: Distance,
    tolerance: Distance,
    cell: Option<Distance>,
}

impl BufferOptions {
    /// The default tolerance: an edge's midpoint is within 10 m of the
    /// buffer's true boundary (the vertices are on it, within 1 cm).
    ///
    /// ```
    /// assert_eq!(strikemap::measure::BufferOptions::DEFAULT_TOLERANCE.as_metres(), 10.0);
    /// ```
    pub const DEFAULT_TOLERANCE: Distance = Distance::from_metres(10.0);

    /// The largest distance a buffer can reach from the shape's centre
    /// (18,000 km; see the [buffers guide](crate::guide::buffers)).
    ///
    /// ```
    /// assert_eq!(strikemap::measure::BufferOptions::MAX_REACH.as_km(), 18_000.0);
    /// ```
    pub const MAX_REACH: Distance = Distance::from_metres(18_000_000.0);

    /// Options for a buffer of `distance`, with the default tolerance and
    /// grid cell.
    ///
    /// ```
    /// use strikemap::{Distance, measure::BufferOptions};
    /// assert_eq!(BufferOptions::new(Distance::from_miles(4_300.0)).distance().as_miles(), 4_300.0);
    /// ```
    pub const fn new(distance: Distance) -> BufferOptions {
        BufferOptions {
            distance,
            tolerance: BufferOptions::DEFAULT_TOLERANCE,
            cell: None,
        }
    }

    /// With a different tolerance: how far an edge's midpoint may be from
    /// the true boundary (smaller: more vertices).
    ///
    /// ```
    /// use strikemap::{Distance, measure::BufferOptions};
    /// let o = BufferOptions::new(Distance::from_km(10.0)).with_tolerance(Distance::from_metres(0.1));
    /// assert_eq!(o.tolerance().as_metres(), 0.1);
    /// ```
    pub const fn with_tolerance(mut self, tolerance: Distance) -> BufferOptions {
        self.tolerance = tolerance;
        self
    }

    /// With a different grid cell (default: a quarter of the distance, at
    /// most 100 km): boundary features smaller than the cell may be missed.
    ///
    /// ```
    /// use strikemap::{Distance, measure::BufferOptions};
    /// let o = BufferOptions::new(Distance::from_km(10.0)).with_cell(Distance::from_km(1.0));
    /// assert_eq!(o.cell().as_km(), 1.0);
    /// ```
    pub const fn with_cell(mut self, cell: Distance) -> BufferOptions {
        self.cell = Some(cell);
        self
    }

    /// The buffer distance.
    ///
    /// ```
    /// use strikemap::{Distance, measure::BufferOptions};
    /// assert_eq!(BufferOptions::new(Distance::from_km(1.0)).distance().as_km(), 1.0);
    /// ```
    pub const fn distance(&self) -> Distance {
        self.distance
    }

    /// The tolerance (metres; see [`BufferOptions::with_tolerance`]).
    ///
    /// ```
    /// use strikemap::{Distance, measure::BufferOptions};
    /// assert_eq!(BufferOptions::new(Distance::from_km(1.0)).tolerance().as_metres(), 10.0);
    /// ```
    pub const fn tolerance(&self) -> Distance {
        self.tolerance
    }

    /// The grid cell: as set, or a quarter of the distance, at most 100 km.
    ///
    /// ```
    /// use strikemap::{Distance, measure::BufferOptions};
    /// assert_eq!(BufferOptions::new(Distance::from_km(1.0)).cell().as_metres(), 250.0);
    /// assert_eq!(BufferOptions::new(Distance::from_km(5_000.0)).cell().as_km(), 100.0);
    /// ```
    pub fn cell(&self) -> Distance {
        self.cell.unwrap_or(Distance::from_metres(
            (self.distance.as_metres() / 4.0).min(100_000.0),
        ))
    }
}

impl From<Distance> for BufferOptions {
    fn from(distance: Distance) -> BufferOptions {
        BufferOptions::new(distance)
    }
}

/// The area within a geodesic distance of a target, on WGS84: every point
/// whose shortest distance to the target (0 inside an area) is at most the
/// distance. The [buffers guide](crate::guide::buffers) gives the method,
/// its accuracy against pyproj and its limits.
///
/// `options` is a [`Distance`] or [`BufferOptions`].
///
/// # Errors
/// [`Error::InvalidNumber`] if the distance is not finite or less than
/// 1 m, the tolerance or cell is not positive (or the cell is smaller than
/// the distance / 5,000,000), or the buffer would reach
/// farther than [`BufferOptions::MAX_REACH`] from the shape's centre;
/// [`Error::InvalidGeometry`] if the rings found do not form a valid area
/// (not expected; reported rather than returned wrong).
///
/// ```
/// use strikemap::{Distance, LatLon, Target, measure::buffer};
/// let kyiv = LatLon::new(50.45, 30.52)?;
/// let area = buffer(&kyiv, Distance::from_km(100.0))?;
/// assert!(area.nearest_to(LatLon::new(50.45, 31.5)?).inside); // 70 km east
/// assert!(!area.nearest_to(LatLon::new(50.45, 32.2)?).inside); // 119 km east
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn buffer<T: Buffered + ?Sized>(target: &T, options: impl Into<BufferOptions>) -> Result<Area> {
    let options = options.into();
    let d = options.distance.as_metres();
    if !(d.is_finite() && d >= 1.0) {
        return Err(Error::InvalidNumber {
            field: "distance",
            value: d,
            expected: "a buffer distance of at least 1 m",
        });
    }
    let tol = options.tolerance.as_metres();
    let cell = options.cell().as_metres();
    for (field, value) in [("tolerance", tol), ("cell", cell)] {
        if !(value.is_finite() && value > 0.0) {
            return Err(Error::InvalidNumber {
                field,
                value,
                expected: "a positive, finite distance",
            });
        }
    }
    if 2.0 * d / cell > MAX_CELLS_ACROSS {
        return Err(Error::InvalidNumber {
            field: "cell",
            value: cell,
            expected: "a grid cell no smaller than the distance / 5,000,000",
        });
    }
    let vertices = target.vertices();
    let centre = mean_direction(&vertices)?;
    let frame = Frame { centre };
    let r = vertices
        .iter()
        .map(|v| frame.to_frame(*v).2)
        .fold(0.0, f64::max);
    let reach = d + 1.01 * r + 10_000.0;
    if reach > BufferOptions::MAX_REACH.as_metres() {
        return Err(Error::InvalidNumber {
            field: "distance",
            value: d,
            expected: "a buffer reaching no farther than 18,000 km from the shape's centre \
                       (distance plus the shape's radius): a larger one covers all the Earth \
                       but a region around the antipode, which buffers do not solve",
        });
    }
    let indexed = target.indexed();
    let measured: &dyn Target = match &indexed {
        Some(t) => t.as_ref(),
        None => &target,
    };
    let field = Field {
        target: measured,
        frame,
        d,
        reach,
    };
    let rings = Contour::new(&field, cell, reach)?.rings()?;
    let rings = rings
        .into_iter()
        .map(|ring| refine_ring(&field, ring, tol))
        .collect::<Result<Vec<_>>>()?;
    assemble(&field, rings)
}

/// The mean direction of the vertices (the first vertex if they cancel).
fn mean_direction(vertices: &[LatLon]) -> Result<LatLon> {
    let first = vertices.first().copied().ok_or_else(|| {
        Error::geometry("buffer", "the target has no vertices: nothing to buffer")
    })?;
    let mut sum = [0.0; 3];
    for v in vertices {
        let u = super::direction(*v);
        for k in 0..3 {
            sum[k] += u[k];
        }
    }
    let norm = (sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2]).sqrt();
    if norm < 1e-9 * vertices.len() as f64 {
        return Ok(first);
    }
    let lat = (sum[2] / norm).clamp(-1.0, 1.0).asin().to_degrees();
    let lon = sum[1].atan2(sum[0]).to_degrees();
    LatLon::wrapping(lat, lon)
}

/// The azimuthal equidistant frame centred on a point (metres), turned so
/// that its y axis points to azimuth [`FRAME_TURN`]: the quadrant cuts then
/// run along the azimuths 45°, 135°, 225° and 315°, never along a meridian,
/// so no cut passes through a pole (where the containment test's meridian
/// to the North Pole would end on the boundary), unless the centre is one.
#[derive(Debug, Clone, Copy)]
struct Frame {
    centre: LatLon,
}

/// The azimuth (degrees) of the frame's y axis.
const FRAME_TURN: f64 = 45.0;

impl Frame {
    /// The ground position of frame point `(x, y)` (x east, y north).
    fn to_ground(self, x: f64, y: f64) -> Result<LatLon> {
        let s = x.hypot(y);
        if s == 0.0 {
            return Ok(self.centre);
        }
        let azi = x.atan2(y).to_degrees() + FRAME_TURN;
        let (lat, lon): (f64, f64) = wgs84().direct(self.centre.lat(), self.centre.lon(), azi, s);
        LatLon::wrapping(lat.clamp(-90.0, 90.0), lon)
    }

    /// The frame position `(x, y, distance)` of a ground position.
    fn to_frame(self, p: LatLon) -> (f64, f64, f64) {
        let (s, azi, _, _): (f64, f64, f64, f64) =
            wgs84().inverse(self.centre.lat(), self.centre.lon(), p.lat(), p.lon());
        let a = (azi - FRAME_TURN).to_radians();
        (s * a.sin(), s * a.cos(), s)
    }
}

/// The distance field `f = distance(p, target) − D` in the frame.
struct Field<'a> {
    target: &'a dyn Target,
    frame: Frame,
    d: f64,
    /// Beyond this frame radius every point is farther than `D`.
    reach: f64,
}

impl Field<'_> {
    /// `f` at a frame point (+∞ beyond the reach).
    fn at(&self, x: f64, y: f64) -> Result<f64> {
        if x.hypot(y) > self.reach {
            return Ok(f64::INFINITY);
        }
        Ok(self.at_ground(self.frame.to_ground(x, y)?))
    }

    fn at_ground(&self, p: LatLon) -> f64 {
        self.target.distance_by(p, Method::Geodesic).as_metres() - self.d
    }

    /// The root of `f` on the frame segment from `a` (value `fa`) to `b`
    /// (value `fb`, of the other sign), as a boundary vertex.
    fn root(&self, a: (f64, f64), fa: f64, b: (f64, f64), fb: f64) -> Result<Vertex> {
        let at = |t: f64| (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
        let len = (b.0 - a.0).hypot(b.1 - a.1);
        let (mut t0, mut f0, mut t1, mut f1) = (0.0, fa, 1.0, fb);
        let mut best = if fa.abs() < fb.abs() {
            (0.0, fa)
        } else {
            (1.0, fb)
        };
        let mut side = 0;
        for _ in 0..100 {
            if best.1.abs() <= ROOT_M || (t1 - t0) * len <= ROOT_M {
                break;
            }
            let t = if f0.is_finite() && f1.is_finite() {
                let t = (t0 * f1 - t1 * f0) / (f1 - f0);
                if t > t0 && t < t1 { t } else { 0.5 * (t0 + t1) }
            } else {
                0.5 * (t0 + t1)
            };
            let (x, y) = at(t);
            let ft = self.at(x, y)?;
            if ft.abs() < best.1.abs() {
                best = (t, ft);
            }
            if (ft > 0.0) == (f0 > 0.0) {
                (t0, f0) = (t, ft);
                if side == 1 {
                    f1 *= 0.5;
                }
                side = 1;
            } else {
                (t1, f1) = (t, ft);
                if side == -1 {
                    f0 *= 0.5;
                }
                side = -1;
            }
        }
        let (x, y) = at(best.0);
        Ok(Vertex {
            x,
            y,
            p: self.frame.to_ground(x, y)?,
        })
    }
}

/// Most grid cells across twice the distance (a cell set much smaller than
/// the distance would make the grid too large to walk).
const MAX_CELLS_ACROSS: f64 = 1e7;

/// A root is solved until `f` is within this (metres) of 0.
const ROOT_M: f64 = 0.01;

/// A boundary vertex: its frame position and its ground position.
#[derive(Debug, Clone, Copy)]
struct Vertex {
    x: f64,
    y: f64,
    p: LatLon,
}

/// A grid edge: from node `(i, j)` east (`false`) or north (`true`).
type EdgeId = (i64, i64, bool);

/// The sparse grid and the boundary's crossings of it.
struct Contour<'f, 'a> {
    field: &'f Field<'a>,
    s: f64,
    origin: f64,
    n: i64,
    nodes: HashMap<(i64, i64), f64>,
    /// Segments of the boundary, buffer on the left: start edge -> end edge.
    next: HashMap<EdgeId, EdgeId>,
}

impl<'f, 'a> Contour<'f, 'a> {
    /// Lays the grid (cells of `s` metres out to `reach`) and finds the
    /// cells the boundary crosses.
    fn new(field: &'f Field<'a>, s: f64, reach: f64) -> Result<Contour<'f, 'a>> {
        let half = reach + s;
        let n = (2.0 * half / s).ceil() as i64;
        let mut c = Contour {
            field,
            s,
            origin: -half,
            n,
            nodes: HashMap::new(),
            next: HashMap::new(),
        };
        let mut size = 1;
        while size < n {
            size *= 2;
        }
        c.block(0, 0, size)?;
        Ok(c)
    }

    fn coord(&self, i: i64) -> f64 {
        self.origin + i as f64 * self.s
    }

    fn node(&mut self, i: i64, j: i64) -> Result<f64> {
        if let Some(v) = self.nodes.get(&(i, j)) {
            return Ok(*v);
        }
        let v = self.field.at(self.coord(i), self.coord(j))?;
        self.nodes.insert((i, j), v);
        Ok(v)
    }

    /// Visits the block of `size` cells from cell `(i0, j0)`.
    fn block(&mut self, i0: i64, j0: i64, size: i64) -> Result<()> {
        if i0 >= self.n || j0 >= self.n {
            return Ok(());
        }
        let (x0, x1) = (self.coord(i0), self.coord(i0 + size));
        let (y0, y1) = (self.coord(j0), self.coord(j0 + size));
        // Nearest point of the block to the frame's centre.
        let nx = 0.0_f64.clamp(x0, x1);
        let ny = 0.0_f64.clamp(y0, y1);
        if nx.hypot(ny) > self.field.reach {
            return Ok(());
        }
        let (xc, yc) = (0.5 * (x0 + x1), 0.5 * (y0 + y1));
        let half_diagonal = 0.5 * (x1 - x0) * std::f64::consts::SQRT_2;
        if xc.hypot(yc) <= self.field.reach {
            let v = self.field.at(xc, yc)?;
            if v.abs() > LIPSCHITZ * half_diagonal + 1e-6 {
                return Ok(());
            }
        }
        if size == 1 {
            return self.cell(i0, j0);
        }
        let h = size / 2;
        for (di, dj) in [(0, 0), (h, 0), (0, h), (h, h)] {
            self.block(i0 + di, j0 + dj, h)?;
        }
        Ok(())
    }

    /// Marching squares in cell `(i, j)`: corners counter-clockwise, the
    /// boundary segments oriented with the buffer (f ≤ 0) on their left.
    fn cell(&mut self, i: i64, j: i64) -> Result<()> {
        let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)];
        let mut inside = [false; 4];
        for (k, &(a, b)) in corners.iter().enumerate() {
            inside[k] = self.node(a, b)? <= 0.0;
        }
        // Cell edge k runs from corner k to corner k + 1.
        let edges: [EdgeId; 4] = [
            (i, j, false),
            (i + 1, j, true),
            (i, j + 1, false),
            (i, j, true),
        ];
        let leaving: Vec<usize> = (0..4)
            .filter(|&k| inside[k] && !inside[(k + 1) % 4])
            .collect();
        let entering: Vec<usize> = (0..4)
            .filter(|&k| !inside[k] && inside[(k + 1) % 4])
            .collect();
        if leaving.is_empty() {
            return Ok(());
        }
        let centre_inside = if leaving.len() == 2 {
            let (xc, yc) = (self.coord(i) + 0.5 * self.s, self.coord(j) + 0.5 * self.s);
            self.field.at(xc, yc)? <= 0.0
        } else {
            false
        };
        for &k in &leaving {
            // The entering crossing that closes this segment: the next one
            // counter-clockwise when the centre is inside, else the next
            // one clockwise (the same one when there are only two).
            let m = if centre_inside {
                (1..4).map(|o| (k + o) % 4).find(|m| entering.contains(m))
            } else {
                (1..4)
                    .map(|o| (k + 4 - o) % 4)
                    .find(|m| entering.contains(m))
            };
            if let Some(m) = m {
                self.next.insert(edges[k], edges[m]);
            }
        }
        Ok(())
    }

    /// The nodes at the two ends of a grid edge.
    fn ends(e: EdgeId) -> ((i64, i64), (i64, i64)) {
        let (i, j, north) = e;
        if north {
            ((i, j), (i, j + 1))
        } else {
            ((i, j), (i + 1, j))
        }
    }

    /// The closed rings of exact boundary vertices (first = last).
    fn rings(mut self) -> Result<Vec<Vec<Vertex>>> {
        let mut solved: HashMap<EdgeId, Vertex> = HashMap::new();
        let mut ids: Vec<EdgeId> = self.next.keys().copied().collect();
        ids.sort_unstable();
        for &e in &ids {
            let (a, b) = Contour::ends(e);
            let (fa, fb) = (self.node(a.0, a.1)?, self.node(b.0, b.1)?);
            let pa = (self.coord(a.0), self.coord(a.1));
            let pb = (self.coord(b.0), self.coord(b.1));
            solved.insert(e, self.field.root(pa, fa, pb, fb)?);
        }
        let mut rings = Vec::new();
        let mut used: HashMap<EdgeId, bool> = HashMap::new();
        for &start in &ids {
            if used.contains_key(&start) {
                continue;
            }
            let mut ring = Vec::new();
            let mut e = start;
            loop {
                used.insert(e, true);
                if let Some(v) = solved.get(&e) {
                    ring.push(*v);
                }
                match self.next.get(&e) {
                    Some(&n) if n == start => break,
                    Some(&n) if !used.contains_key(&n) => e = n,
                    _ => {
                        return Err(Error::geometry(
                            "buffer",
                            "the boundary's crossings of the grid do not close into rings",
                        ));
                    }
                }
            }
            if let Some(first) = ring.first().copied() {
                ring.push(first);
            }
            rings.push(ring);
        }
        Ok(rings)
    }
}

/// The ground distance between two frame points is at most their frame
/// distance (the frame's scale across radii is at least 1); this allows
/// for the ellipsoid and rounding.
const LIPSCHITZ: f64 = 1.01;

/// Most recursion levels when refining one ring edge.
const MAX_DEPTH: usize = 24;

/// Adds boundary vertices until every geodesic edge's midpoint is within
/// `tol` of the boundary.
fn refine_ring(field: &Field<'_>, ring: Vec<Vertex>, tol: f64) -> Result<Vec<Vertex>> {
    let mut out = Vec::with_capacity(ring.len() * 2);
    if let Some(first) = ring.first() {
        out.push(*first);
    }
    for w in ring.windows(2) {
        refine_edge(field, w[0], w[1], tol, 0, &mut out)?;
    }
    Ok(out)
}

fn refine_edge(
    field: &Field<'_>,
    a: Vertex,
    b: Vertex,
    tol: f64,
    depth: usize,
    out: &mut Vec<Vertex>,
) -> Result<()> {
    let (line, len) = super::geodesic_between(a.p, b.p);
    if depth < MAX_DEPTH && len > 2.0 * tol {
        use geographiclib_rs::geodesic_capability as caps;
        let (_a12, lat, lon, ..) =
            line._gen_position(false, 0.5 * len, caps::LATITUDE | caps::LONGITUDE);
        let mid = LatLon::wrapping(lat.clamp(-90.0, 90.0), lon)?;
        let fm = field.at_ground(mid);
        if fm.abs() > tol
            && let Some(v) = towards_boundary(field, a, b, mid, fm)?
        {
            refine_edge(field, a, v, tol, depth + 1, out)?;
            refine_edge(field, v, b, tol, depth + 1, out)?;
            return Ok(());
        }
    }
    out.push(b);
    Ok(())
}

/// The boundary point found from `mid` (value `fm`) along the frame normal
/// of the edge `a`–`b`: towards the buffer's left side when outside, away
/// when inside; `None` if no boundary lies within the edge's length.
fn towards_boundary(
    field: &Field<'_>,
    a: Vertex,
    b: Vertex,
    mid: LatLon,
    fm: f64,
) -> Result<Option<Vertex>> {
    let (mx, my, _) = field.frame.to_frame(mid);
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = dx.hypot(dy);
    if len == 0.0 {
        return Ok(None);
    }
    // Left normal; the buffer lies to the left of the edge.
    let (nx, ny) = (-dy / len, dx / len);
    let sign = if fm > 0.0 { 1.0 } else { -1.0 };
    let (mut t, mut ft) = (0.0, fm);
    let limit = len.max(4.0 * fm.abs());
    // Steps of |f| cannot pass the boundary (f changes by at most the
    // ground distance, which is at most the frame distance).
    for _ in 0..64 {
        let step = (ft.abs() / LIPSCHITZ).max(ROOT_M);
        let t1 = t + step;
        if t1 > limit {
            return Ok(None);
        }
        let (x, y) = (mx + sign * t1 * nx, my + sign * t1 * ny);
        let f1 = field.at(x, y)?;
        if f1.abs() <= ROOT_M {
            return Ok(Some(Vertex {
                x,
                y,
                p: field.frame.to_ground(x, y)?,
            }));
        }
        if (f1 > 0.0) != (fm > 0.0) {
            let a0 = (mx + sign * t * nx, my + sign * t * ny);
            return field.root(a0, ft, (x, y), f1).map(Some);
        }
        (t, ft) = (t1, f1);
    }
    let (x, y) = (mx + sign * t * nx, my + sign * t * ny);
    Ok(Some(Vertex {
        x,
        y,
        p: field.frame.to_ground(x, y)?,
    }))
}

/// Twice the signed area of a frame ring (positive counter-clockwise).
fn signed_area2(ring: &[Vertex]) -> f64 {
    ring.windows(2)
        .map(|w| w[0].x * w[1].y - w[1].x * w[0].y)
        .sum()
}

/// Whether frame point `(x, y)` lies inside a closed frame ring.
fn frame_contains(ring: &[Vertex], x: f64, y: f64) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        if (a.y > y) != (b.y > y) {
            let xi = a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x);
            if xi > x {
                inside = !inside;
            }
        }
    }
    inside
}

/// Frame radius beyond which a polygon may cover more than a hemisphere.
const HEMISPHERE_SAFE_M: f64 = 9_000_000.0;

/// Spacing (frame metres) of the shared vertices along the quadrant cuts.
const CUT_STEP_M: f64 = 500_000.0;

/// The polygons of the buffer from its rings (buffer on the left in the
/// frame): counter-clockwise rings are exteriors, clockwise rings holes of
/// the smallest exterior holding them.
fn assemble(field: &Field<'_>, rings: Vec<Vec<Vertex>>) -> Result<Area> {
    let rings: Vec<Vec<Vertex>> = rings.into_iter().filter(|r| r.len() >= 4).collect();
    let (exteriors, holes): (Vec<Vec<Vertex>>, Vec<Vec<Vertex>>) =
        rings.into_iter().partition(|r| signed_area2(r) > 0.0);
    if exteriors.is_empty() {
        return Err(Error::geometry("buffer", "no boundary was found"));
    }
    let mut polygons: Vec<Vec<Vec<Vertex>>> = exteriors.into_iter().map(|e| vec![e]).collect();
    for hole in holes {
        let (x, y) = (hole[0].x, hole[0].y);
        let owner = polygons
            .iter()
            .enumerate()
            .filter(|(_, p)| frame_contains(&p[0], x, y))
            .min_by(|a, b| signed_area2(&a.1[0]).total_cmp(&signed_area2(&b.1[0])))
            .map(|(k, _)| k);
        if let Some(k) = owner {
            polygons[k].push(hole);
        }
    }
    let far = polygons
        .iter()
        .flatten()
        .flatten()
        .any(|v| v.x.hypot(v.y) > HEMISPHERE_SAFE_M);
    let polygons = if far {
        split_quadrants(field, &polygons)?
    } else {
        polygons
            .into_iter()
            .map(|rings| {
                Polygon::new(
                    rings
                        .into_iter()
                        .map(|r| r.into_iter().map(|v| v.p).collect())
                        .collect(),
                )
            })
            .collect::<Result<Vec<_>>>()?
    };
    Area::new(polygons)
}

/// The buffer cut into the frame's four quadrants, each a quarter of the
/// Earth at most, as polygons.
fn split_quadrants(field: &Field<'_>, polygons: &[Vec<Vec<Vertex>>]) -> Result<Vec<Polygon>> {
    use geo::BooleanOps as _;
    let to_geo = |ring: &[Vertex]| -> geo::LineString<f64> {
        ring.iter()
            .map(|v| geo::coord! { x: v.x, y: v.y })
            .collect()
    };
    let region = geo::MultiPolygon::new(
        polygons
            .iter()
            .map(|rings| {
                geo::Polygon::new(
                    to_geo(&rings[0]),
                    rings[1..].iter().map(|r| to_geo(r)).collect(),
                )
            })
            .collect(),
    );
    // Known ground positions of the rings' vertices, by frame position.
    let mut known: HashMap<(u64, u64), LatLon> = HashMap::new();
    for v in polygons.iter().flatten().flatten() {
        known.insert((v.x.to_bits(), v.y.to_bits()), v.p);
    }
    let e = 2.0 * field.reach;
    let mut out = Vec::new();
    for (sx, sy) in [(1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0)] {
        let quadrant = geo::Polygon::new(
            geo::LineString::from(vec![
                (0.0, 0.0),
                (sx * e, 0.0),
                (sx * e, sy * e),
                (0.0, sy * e),
                (0.0, 0.0),
            ]),
            vec![],
        );
        for piece in region.intersection(&quadrant) {
            let mut rings = Vec::new();
            for ring in std::iter::once(piece.exterior()).chain(piece.interiors()) {
                rings.push(ground_ring(field, ring, &known)?);
            }
            out.push(Polygon::new(rings)?);
        }
    }
    Ok(out)
}

/// A frame ring as ground positions: known vertices as solved, vertices on
/// a cut snapped onto it, and long edges along a cut divided at multiples
/// of [`CUT_STEP_M`] (so that neighbouring quadrants share them).
fn ground_ring(
    field: &Field<'_>,
    ring: &geo::LineString<f64>,
    known: &HashMap<(u64, u64), LatLon>,
) -> Result<Vec<LatLon>> {
    let snap = |c: f64| if c.abs() < SNAP_M { 0.0 } else { c };
    let pts: Vec<(f64, f64)> = ring.coords().map(|c| (snap(c.x), snap(c.y))).collect();
    let ground = |x: f64, y: f64| -> Result<LatLon> {
        match known.get(&(x.to_bits(), y.to_bits())) {
            Some(p) => Ok(*p),
            None => on_cut(field, x, y),
        }
    };
    let mut out: Vec<LatLon> = Vec::with_capacity(pts.len());
    for (k, &(x, y)) in pts.iter().enumerate() {
        if k > 0 {
            let (px, py) = pts[k - 1];
            // Along a cut (x = 0 or y = 0): shared vertices in between.
            let along: Option<(f64, f64, bool)> = if px == 0.0 && x == 0.0 {
                Some((py, y, true))
            } else if py == 0.0 && y == 0.0 {
                Some((px, x, false))
            } else {
                None
            };
            if let Some((from, to, vertical)) = along {
                let (lo, hi) = (from.min(to), from.max(to));
                let mut steps: Vec<f64> = ((lo / CUT_STEP_M).floor() as i64 + 1
                    ..=(hi / CUT_STEP_M).ceil() as i64 - 1)
                    .map(|m| m as f64 * CUT_STEP_M)
                    .filter(|c| *c > lo && *c < hi)
                    .collect();
                if to < from {
                    steps.reverse();
                }
                for c in steps {
                    out.push(if vertical {
                        ground(0.0, c)?
                    } else {
                        ground(c, 0.0)?
                    });
                }
            }
        }
        let p = ground(x, y)?;
        if out.last() != Some(&p) || k + 1 == pts.len() {
            out.push(p);
        }
    }
    if let (Some(first), Some(last)) = (out.first().copied(), out.last_mut()) {
        *last = first;
    }
    Ok(out)
}

/// The ground position of a vertex the quadrant cut added: where the cut
/// crosses the boundary, it is solved again on the cut (the boolean
/// operations cross the frame chord of the boundary's edge, which is off
/// the geodesic edge by up to tens of metres on the longest edges).
fn on_cut(field: &Field<'_>, x: f64, y: f64) -> Result<LatLon> {
    let f = field.at(x, y)?;
    let along_y = x == 0.0 && y != 0.0;
    let along_x = y == 0.0 && x != 0.0;
    if !(along_x || along_y) || !f.is_finite() || f.abs() <= ROOT_M || f.abs() > CUT_SEARCH_M {
        return field.frame.to_ground(x, y);
    }
    let w = 2.0 * f.abs() + 1.0;
    let (a, b) = if along_y {
        ((0.0, y - w), (0.0, y + w))
    } else {
        ((x - w, 0.0), (x + w, 0.0))
    };
    let (fa, fb) = (field.at(a.0, a.1)?, field.at(b.0, b.1)?);
    if (fa > 0.0) == (fb > 0.0) {
        return field.frame.to_ground(x, y);
    }
    Ok(field.root(a, fa, b, fb)?.p)
}

/// Vertices a cut added farther than this (metres) from the boundary are
/// on the cut inside the buffer, not on its boundary.
const CUT_SEARCH_M: f64 = 1_000.0;

/// Frame coordinates this close to a cut (metres) are put on it (the
/// boolean operations round to about a centimetre at the largest extents).
const SNAP_M: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::{Geodesic, Metric as _};

    fn all_vertices_at(area: &Area, target: &dyn Target, d: f64, tol: f64) {
        for poly in area.polygons() {
            for ring in poly.rings() {
                for v in ring {
                    let got = target.distance_by(*v, Method::Geodesic).as_metres();
                    assert!((got - d).abs() <= tol, "{v}: {got} vs {d}");
                }
            }
        }
    }

    #[test]
    fn point_buffer_is_the_range_ring() {
        let c = LatLon::new(50.45, 30.52).unwrap();
        let area = buffer(&c, Distance::from_km(100.0)).unwrap();
        assert_eq!(area.polygons().len(), 1);
        all_vertices_at(&area, &c, 100_000.0, 0.02);
        assert!(area.nearest_to(c).inside);
        let far = Geodesic
            .destination(
                c,
                crate::Bearing::from_degrees(33.0).unwrap(),
                Distance::from_km(100.2),
            )
            .unwrap();
        assert!(!area.nearest_to(far).inside);
    }

    #[test]
    fn two_points_make_one_area_with_inward_corners() {
        let l = Line::new(vec![
            vec![
                LatLon::new(0.0, 0.0).unwrap(),
                LatLon::new(0.0, 0.0001).unwrap(),
            ],
            vec![
                LatLon::new(0.0, 1.5).unwrap(),
                LatLon::new(0.0, 1.5001).unwrap(),
            ],
        ])
        .unwrap();
        let area = buffer(&l, Distance::from_km(100.0)).unwrap();
        assert_eq!(area.polygons().len(), 1);
        // The midpoint between the two is 83 km from each: inside.
        assert!(area.nearest_to(LatLon::new(0.0, 0.75).unwrap()).inside);
        // 1 km beyond the corner where the circles meet (north of the midpoint) is outside.
        let corner_lat = {
            let mut lo = 0.0;
            let mut hi = 1.0;
            for _ in 0..60 {
                let m = 0.5 * (lo + hi);
                let p = LatLon::new(m, 0.75).unwrap();
                if l.distance_by(p, Method::Geodesic).as_metres() < 100_000.0 {
                    lo = m;
                } else {
                    hi = m;
                }
            }
            lo
        };
        assert!(
            area.nearest_to(LatLon::new(corner_lat - 0.001, 0.75).unwrap())
                .inside
        );
        assert!(
            !area
                .nearest_to(LatLon::new(corner_lat + 0.001, 0.75).unwrap())
                .inside
        );
        all_vertices_at(&area, &l, 100_000.0, 0.02);
    }

    #[test]
    fn large_buffers_are_split_into_quadrants() {
        let c = LatLon::new(51.17, 128.45).unwrap();
        let area = buffer(&c, Distance::from_km(15_000.0)).unwrap();
        assert!(area.polygons().len() >= 4);
        assert!(area.nearest_to(c).inside);
        assert!(
            !area
                .nearest_to(LatLon::new(-51.17, 128.45 - 180.0).unwrap())
                .inside
        );
        assert!(area.nearest_to(LatLon::new(0.0, 0.0).unwrap()).inside);
    }

    #[test]
    fn refuses_bad_distances() {
        let c = LatLon::new(0.0, 0.0).unwrap();
        for d in [f64::NAN, 0.0, 0.5, 18_500_000.0] {
            assert!(buffer(&c, Distance::from_metres(d)).is_err(), "{d}");
        }
    }
}
