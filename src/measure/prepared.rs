//! Prepared, indexed lines and areas for repeated exact queries.
//!
//! Each edge gets a box, in the space of geocentric unit vectors, that
//! provably holds the directions of every point of its geodesic: the edge is
//! sampled at spacing h and the box of the samples is widened by h/(2b),
//! because a direction on the ellipsoid turns by at most 1/b radians per
//! metre travelled (b = polar radius, the smallest distance from the centre).
//! The distance from a query's direction to a box bounds the angle θ to any
//! point of the edge, and every path on the ellipsoid between two points at
//! angle θ is at least b·θ long (projecting it radially onto the sphere of
//! radius b, which lies inside the ellipsoid, can only shorten it). So
//! `b·θ` is a lower bound that never excludes the true nearest edge. An R-tree
//! (`rstar`) yields edges in order of that bound; exact solving stops when
//! the bound exceeds the best exact distance found.
//!
//! Containment uses the same meridian-crossing test as the unprepared form,
//! with edges binned by longitude so a query looks at one bin.

use std::collections::HashMap;
use std::sync::OnceLock;

use geographiclib_rs::geodesic_capability as caps;
use rstar::RTree;
use rstar::primitives::{GeomWithData, Rectangle};

use super::conformal::{GaussSphere, meridian_radius};
use super::contains::{Edge, ring_holds_north_pole};
use super::nearest::{Nearest, NearestOn, Target, inside, on, on_boundary_is_inside, to_nearest};
use super::segment::{EndEval, Seg, SegHit, end_eval, nearest_on_segment};
use super::{MEAN_RADIUS, Method, WGS84_A, WGS84_B, WGS84_F, geodesic_from, sphere};
use crate::position::LatLon;
use crate::shape::{Area, Line};

type Boxed = GeomWithData<Rectangle<[f64; 3]>, u32>;

/// Sample spacing for edge boxes, metres.
const SAMPLE_SPACING: f64 = 2_000.0;
const MAX_SAMPLES: usize = 256;

/// The geocentric unit vector of a geodetic position on WGS84.
pub(crate) fn direction(p: LatLon) -> [f64; 3] {
    let e2 = WGS84_F * (2.0 - WGS84_F);
    let (lat, lon) = (p.lat().to_radians(), p.lon().to_radians());
    let (sl, cl) = lat.sin_cos();
    let n = WGS84_A / (1.0 - e2 * sl * sl).sqrt();
    let v = [n * cl * lon.cos(), n * cl * lon.sin(), n * (1.0 - e2) * sl];
    let len = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
    [v[0] / len, v[1] / len, v[2] / len]
}

/// The lower bound, in metres, from a squared chord between unit vectors.
pub(crate) fn lower_bound_metres(chord2: f64) -> f64 {
    let half = (chord2.sqrt() / 2.0).min(1.0);
    // Shrink by a hair so rounding can never make the bound exceed the truth.
    2.0 * half.asin() * WGS84_B * (1.0 - 1e-12) - 1e-6
}

/// Geodesic segments with boxes in an R-tree.
#[derive(Debug, Clone)]
pub(crate) struct SegmentIndex {
    segs: Vec<Seg>,
    places: Vec<NearestOn>,
    vertex_ids: Vec<(u32, u32)>,
    tree: RTree<Boxed>,
    conformal: Option<ConformalTree>,
    /// Great-circle arcs on the haversine sphere, built on the first
    /// spherical query.
    sphere: OnceLock<RTree<Boxed>>,
}

/// Points sampled along an edge (ends included) and their spacing, metres.
fn samples(seg: &Seg) -> (Vec<LatLon>, f64) {
    let count = if seg.len == 0.0 {
        1
    } else {
        ((seg.len / SAMPLE_SPACING).ceil() as usize).clamp(2, MAX_SAMPLES)
    };
    let mut points = vec![seg.a, seg.b];
    if count > 1 {
        let line = geodesic_from(seg.a, seg.azi_a);
        for i in 1..count {
            let s = seg.len * i as f64 / count as f64;
            let (_a12, lat, lon, ..) =
                line._gen_position(false, s, caps::LATITUDE | caps::LONGITUDE);
            if let Ok(p) = LatLon::wrapping(lat, lon) {
                points.push(p);
            }
        }
    }
    let spacing = if count > 1 {
        seg.len / count as f64
    } else {
        0.0
    };
    (points, spacing)
}

/// The box of unit vectors `to_unit(sample)` widened by `margin` on every axis.
fn unit_box(
    points: &[LatLon],
    to_unit: impl Fn(LatLon) -> [f64; 3],
    margin: f64,
) -> Rectangle<[f64; 3]> {
    let mut lo = [f64::INFINITY; 3];
    let mut hi = [f64::NEG_INFINITY; 3];
    for p in points {
        let u = to_unit(*p);
        for k in 0..3 {
            lo[k] = lo[k].min(u[k]);
            hi[k] = hi[k].max(u[k]);
        }
    }
    let margin = margin + 1e-12;
    for k in 0..3 {
        lo[k] -= margin;
        hi[k] += margin;
    }
    Rectangle::from_corners(lo, hi)
}

/// The same edges indexed on Gauss's conformal sphere of the target, for
/// tight bounds on queries near it.
#[derive(Debug, Clone)]
struct ConformalTree {
    sphere: GaussSphere,
    tree: RTree<Boxed>,
    lat_min: f64,
    lat_max: f64,
}

/// The conformal sphere for a compact target (spanning at most 60° of
/// longitude and staying within 80° of the equator), if it has one.
fn conformal_sphere(sampled: &[(Vec<LatLon>, f64)]) -> Option<(GaussSphere, f64, f64)> {
    let first = *sampled.first()?.0.first()?;
    let mut lat = (f64::INFINITY, f64::NEG_INFINITY);
    let mut dlon = (f64::INFINITY, f64::NEG_INFINITY);
    let mut spacing = 0.0f64;
    for (points, h) in sampled {
        spacing = spacing.max(*h);
        for p in points {
            lat = (lat.0.min(p.lat()), lat.1.max(p.lat()));
            let d = (p.lon() - first.lon() + 180.0).rem_euclid(360.0) - 180.0;
            dlon = (dlon.0.min(d), dlon.1.max(d));
        }
    }
    // Between samples an edge can reach at most half a spacing further in
    // latitude (a meridian degree is at least M(0)·π/180 long).
    let widen = (spacing / 2.0 / meridian_radius(0.0)).to_degrees();
    let lat = (lat.0 - widen, lat.1 + widen);
    if dlon.1 - dlon.0 > 60.0 || lat.0 < -80.0 || lat.1 > 80.0 {
        return None;
    }
    let lon0 = first.lon() + (dlon.0 + dlon.1) / 2.0;
    Some((GaussSphere::new((lat.0 + lat.1) / 2.0, lon0), lat.0, lat.1))
}

impl SegmentIndex {
    pub(crate) fn new(segments: impl Iterator<Item = (NearestOn, LatLon, LatLon)>) -> SegmentIndex {
        let mut segs = Vec::new();
        let mut places = Vec::new();
        let mut vertex_ids = Vec::new();
        let mut next_id = 0u32;
        let mut prev_b: Option<(LatLon, u32)> = None;
        for (place, a, b) in segments {
            let ia = match prev_b {
                Some((v, id)) if v == a => id,
                _ => {
                    next_id += 1;
                    next_id - 1
                }
            };
            let ib = next_id;
            next_id += 1;
            prev_b = Some((b, ib));
            segs.push(Seg::new(a, b));
            places.push(place);
            vertex_ids.push((ia, ib));
        }
        let sampled: Vec<(Vec<LatLon>, f64)> = segs.iter().map(samples).collect();
        let sphere = conformal_sphere(&sampled);
        // Box margins: a direction turns at most 1/b radians per metre on the
        // ellipsoid, and at most k/R on the conformal sphere.
        let k_max = sphere
            .as_ref()
            .map_or(1.0, |(g, lo, hi)| g.max_scale(lo - 1.0, hi + 1.0));
        let mut boxes = Vec::with_capacity(segs.len());
        let mut conformal_boxes = Vec::with_capacity(segs.len());
        for (i, (points, spacing)) in sampled.iter().enumerate() {
            let spacing = *spacing;
            boxes.push(GeomWithData::new(
                unit_box(points, direction, spacing / 2.0 / WGS84_B),
                i as u32,
            ));
            if let Some((g, ..)) = &sphere {
                let margin = spacing / 2.0 * k_max / g.radius();
                conformal_boxes.push(GeomWithData::new(
                    unit_box(points, |p| g.unit(p), margin),
                    i as u32,
                ));
            }
        }
        let conformal = sphere.map(|(sphere, lat_min, lat_max)| ConformalTree {
            sphere,
            tree: RTree::bulk_load(conformal_boxes),
            lat_min,
            lat_max,
        });
        SegmentIndex {
            segs,
            places,
            vertex_ids,
            tree: RTree::bulk_load(boxes),
            conformal,
            sphere: OnceLock::new(),
        }
    }

    /// The best search available for this query: on the conformal sphere
    /// when the query and a band around it qualify, else geocentric.
    pub(crate) fn nearest(&self, from: LatLon) -> Nearest {
        if let Some(found) = self
            .conformal
            .as_ref()
            .and_then(|ct| self.nearest_conformal(ct, from))
        {
            return found;
        }
        let u = direction(from);
        self.search(
            from,
            self.tree.nearest_neighbor_iter_with_distance_2(&u),
            lower_bound_metres,
            None,
        )
    }

    fn nearest_conformal(&self, ct: &ConformalTree, from: LatLon) -> Option<Nearest> {
        if !ct.sphere.accepts_lon(from.lon()) {
            return None;
        }
        let u = ct.sphere.unit(from);
        // An upper bound U on the answer: the start of the edge whose box is nearest.
        let first = ct.tree.nearest_neighbor(&u)?.data as usize;
        let seed = (first, end_eval(from, self.segs[first].a));
        let upper = seed.1.d;
        // A band wide enough that leaving it costs at least U (meridian arcs
        // out and back, each at least M(0)·margin), so paths that leave can
        // never beat the answer and the conformal bound decides.
        let margin = (upper / (2.0 * meridian_radius(0.0))).to_degrees() + 0.01;
        let lo = from.lat().min(ct.lat_min) - margin;
        let hi = from.lat().max(ct.lat_max) + margin;
        if lo < -85.0 || hi > 85.0 {
            return None;
        }
        let k = ct.sphere.max_scale(lo, hi);
        let radius = ct.sphere.radius();
        let bound = |chord2: f64| {
            let half = (chord2.sqrt() / 2.0).min(1.0);
            2.0 * half.asin() * radius / k * (1.0 - 1e-12) - 1e-6
        };
        Some(self.search(
            from,
            ct.tree.nearest_neighbor_iter_with_distance_2(&u),
            bound,
            Some(seed),
        ))
    }

    /// Exact search over edges yielded in increasing order of a lower bound
    /// (`bound` turns the squared chord to an edge's box into metres).
    fn search<'a>(
        &'a self,
        from: LatLon,
        edges: impl Iterator<Item = (&'a Boxed, f64)>,
        bound: impl Fn(f64) -> f64,
        seed: Option<(usize, EndEval)>,
    ) -> Nearest {
        let mut cache: HashMap<u32, EndEval> = HashMap::new();
        let mut best_d = f64::INFINITY;
        let mut best: Option<Nearest> = None;
        // `seed`: the start of edge i, already measured. It is the best so far
        // (the conformal bound relies on the answer never exceeding it).
        if let Some((i, e)) = seed {
            let seg = &self.segs[i];
            cache.insert(self.vertex_ids[i].0, e);
            best_d = e.d;
            best = Some(to_nearest(
                SegHit {
                    d: e.d,
                    s: 0.0,
                    point: seg.a,
                },
                seg,
                self.places[i],
            ));
        }
        let mut eval = |id: u32, v: LatLon| *cache.entry(id).or_insert_with(|| end_eval(from, v));
        for (item, chord2) in edges {
            if bound(chord2) >= best_d {
                break;
            }
            let i = item.data as usize;
            let seg = &self.segs[i];
            let (ia, ib) = self.vertex_ids[i];
            let (ea, eb) = (eval(ia, seg.a), eval(ib, seg.b));
            for (e, s, point) in [(ea, 0.0, seg.a), (eb, seg.len, seg.b)] {
                if e.d < best_d {
                    best_d = e.d;
                    best = Some(to_nearest(SegHit { d: e.d, s, point }, seg, self.places[i]));
                }
            }
            if (ea.d + eb.d - seg.len) / 2.0 >= best_d {
                continue;
            }
            let hit = nearest_on_segment(from, seg, &ea, &eb);
            if hit.d < best_d {
                best_d = hit.d;
                best = Some(to_nearest(hit, seg, self.places[i]));
            }
        }
        best.unwrap_or_else(|| inside(from))
    }

    /// The nearest point on the haversine sphere (edges as great-circle
    /// arcs): boxes around each arc (its end points' box widened by the
    /// sagitta 1 − cos(θ/2)) bound the angle from below, so the search is
    /// exact like the ellipsoidal one.
    pub(crate) fn nearest_on_sphere(&self, from: LatLon) -> Nearest {
        let tree = self.sphere.get_or_init(|| {
            let boxes = self
                .segs
                .iter()
                .enumerate()
                .map(|(i, seg)| {
                    let (u, v) = (sphere::unit(seg.a), sphere::unit(seg.b));
                    let sagitta = 1.0 - (sphere::angle(u, v) / 2.0).cos();
                    GeomWithData::new(unit_box(&[seg.a, seg.b], sphere::unit, sagitta), i as u32)
                })
                .collect();
            RTree::bulk_load(boxes)
        });
        let mut best = Nearest {
            distance: crate::Distance::from_metres(f64::INFINITY),
            point: from,
            on: None,
            inside: false,
        };
        for (item, chord2) in tree.nearest_neighbor_iter_with_distance_2(&sphere::unit(from)) {
            let bound = 2.0 * (chord2.sqrt() / 2.0).min(1.0).asin() * MEAN_RADIUS * (1.0 - 1e-12);
            if bound >= best.distance.as_metres() {
                break;
            }
            let i = item.data as usize;
            let seg = &self.segs[i];
            let (angle, point, fraction) = sphere::nearest_on_arc(from, seg.a, seg.b);
            let d = angle * MEAN_RADIUS;
            if d < best.distance.as_metres() {
                let mut place = self.places[i];
                place.fraction = fraction;
                best = Nearest {
                    distance: crate::Distance::from_metres(d),
                    point,
                    on: Some(place),
                    inside: false,
                };
            }
        }
        best
    }

    /// The boxes (in unit-vector space) that hold each edge.
    pub(crate) fn boxes(&self) -> impl Iterator<Item = &Rectangle<[f64; 3]>> + '_ {
        self.tree.iter().map(|b| b.geom())
    }

    /// A cheap lower bound (metres) on the distance from `from` to any edge:
    /// the geocentric bound to the nearest box.
    pub(crate) fn lower_bound(&self, from: LatLon) -> f64 {
        self.tree
            .nearest_neighbor_iter_with_distance_2(&direction(from))
            .next()
            .map_or(f64::INFINITY, |(_, chord2)| lower_bound_metres(chord2))
    }

    /// Whether some edge lies within `limit` metres of `from`: `Ok(d)` with
    /// the distance `d ≤ limit` (an upper bound on the shortest distance) to
    /// the first such edge found, or `Err(b)` with a lower bound `b > limit`
    /// on every edge's distance. Cheaper than [`SegmentIndex::nearest`]
    /// when any near edge will do.
    pub(crate) fn within(&self, from: LatLon, limit: f64) -> Result<f64, f64> {
        let u = direction(from);
        // The least lower bound of the edges passed over so far.
        let mut least = f64::INFINITY;
        for (item, chord2) in self.tree.nearest_neighbor_iter_with_distance_2(&u) {
            let bound = lower_bound_metres(chord2);
            if bound > limit {
                return Err(bound.min(least));
            }
            let seg = &self.segs[item.data as usize];
            let (ea, eb) = (end_eval(from, seg.a), end_eval(from, seg.b));
            let end = ea.d.min(eb.d);
            if end <= limit {
                return Ok(end);
            }
            let ellipse = (ea.d + eb.d - seg.len) / 2.0;
            if ellipse > limit {
                least = least.min(ellipse);
                continue;
            }
            let hit = nearest_on_segment(from, seg, &ea, &eb);
            if hit.d <= limit {
                return Ok(hit.d);
            }
            least = least.min(hit.d);
        }
        Err(least)
    }

    /// How many edges the index holds.
    pub(crate) fn len(&self) -> usize {
        self.segs.len()
    }
}

/// A [`Line`] prepared for many exact nearest-point queries.
///
/// The line is fixed when the value is made; its index is built on the
/// first query (so making one is free) and shared by every later one.
/// Building costs about as much as a few hundred queries; each query then
/// solves only the few edges its lower bound cannot rule out. Results are
/// identical to the unprepared [`Target::nearest_to`].
///
/// ```
/// use strikemap::{LatLon, Line, Target, measure::PreparedLine};
/// let line = Line::from_vertices(vec![LatLon::new(47.0, 33.0)?, LatLon::new(48.0, 37.8)?, LatLon::new(49.8, 38.2)?])?;
/// let prepared = PreparedLine::new(line.clone());
/// let q = LatLon::new(50.0, 36.23)?;
/// approx::assert_relative_eq!(prepared.nearest_to(q).distance.as_metres(), line.nearest_to(q).distance.as_metres(), epsilon = 1e-6);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct PreparedLine {
    line: Line,
    /// Built on the first query; the line never changes after `new`.
    index: OnceLock<SegmentIndex>,
}

impl PreparedLine {
    /// Prepares a line.
    ///
    /// ```
    /// use strikemap::{LatLon, Line, measure::PreparedLine};
    /// let l = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// assert_eq!(PreparedLine::new(l).line().segment_count(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(line: Line) -> PreparedLine {
        PreparedLine {
            line,
            index: OnceLock::new(),
        }
    }

    /// The index, built on first use.
    fn index(&self) -> &SegmentIndex {
        self.index.get_or_init(|| {
            SegmentIndex::new(
                self.line
                    .segments()
                    .map(|(p, s, a, b)| (on(p, None, s), a, b)),
            )
        })
    }

    /// The line.
    ///
    /// ```
    /// use strikemap::{LatLon, Line, measure::PreparedLine};
    /// let l = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// assert_eq!(PreparedLine::new(l.clone()).line(), &l);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn line(&self) -> &Line {
        &self.line
    }

    /// The boxes (in unit-vector space) that hold each edge.
    pub(crate) fn boxes(&self) -> impl Iterator<Item = &Rectangle<[f64; 3]>> + '_ {
        self.index().boxes()
    }

    /// A cheap lower bound (metres) on the distance from `from` to the line.
    pub(crate) fn lower_bound(&self, from: LatLon) -> f64 {
        self.index().lower_bound(from)
    }

    /// Whether the line passes within `limit` metres of `from` (see
    /// [`SegmentIndex::within`]): `Ok(distance ≤ limit)` or
    /// `Err(lower bound > limit)`.
    pub(crate) fn within(&self, from: LatLon, limit: f64) -> Result<f64, f64> {
        self.index().within(from, limit)
    }
}

impl Target for PreparedLine {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        self.index().nearest(from)
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        match method {
            Method::Geodesic => self.nearest_to(from),
            Method::Haversine => self.index().nearest_on_sphere(from),
        }
    }
}

/// Ring metadata for containment.
#[derive(Debug, Clone, Copy)]
struct RingInfo {
    polygon: u32,
    is_hole: bool,
}

/// Ring edges binned by longitude for containment tests.
#[derive(Debug, Clone)]
pub(crate) struct ContainsIndex {
    rings: Vec<RingInfo>,
    /// Rings whose smaller region holds the North Pole.
    north: Vec<u32>,
    edges: Vec<(u32, Edge)>,
    bin_width: f64,
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl ContainsIndex {
    pub(crate) fn new(area: &Area) -> ContainsIndex {
        let mut rings = Vec::new();
        let mut north = Vec::new();
        let mut edges: Vec<(u32, Edge)> = Vec::new();
        for (p, poly) in area.polygons().iter().enumerate() {
            for (r, ring) in poly.rings().iter().enumerate() {
                let id = rings.len() as u32;
                rings.push(RingInfo {
                    polygon: p as u32,
                    is_hole: r > 0,
                });
                let ring_edges: Vec<Edge> = ring
                    .windows(2)
                    .map(|w| {
                        let s = Seg::new(w[0], w[1]);
                        Edge::new(w[0], w[1], s.len, s.azi_a, s.azi_b)
                    })
                    .collect();
                if ring_holds_north_pole(ring, &ring_edges) {
                    north.push(id);
                }
                edges.extend(ring_edges.into_iter().map(|e| (id, e)));
            }
        }
        let bins = (edges.len() * 2).next_power_of_two().clamp(256, 1 << 20);
        let bin_width = 360.0 / bins as f64;
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); bins];
        for (i, (_, e)) in edges.iter().enumerate() {
            let (west, width) = e.lon_span();
            // An edge along a meridian (or over a pole) crosses nothing but
            // can still hold a point: it goes in the bins of its meridians.
            let spans = match e.meridians() {
                Some((m0, m1)) if m0 == m1 => vec![(m0, 0.0)],
                Some((m0, m1)) => vec![(m0, 0.0), (m1, 0.0)],
                None => vec![(west, width)],
            };
            for (west, width) in spans {
                let first = ((west + 180.0) / bin_width).floor() as i64 - 1;
                let last = ((west + width + 180.0) / bin_width).floor() as i64 + 1;
                let last = last.min(first + bins as i64 - 1);
                for b in first..=last {
                    lists[b.rem_euclid(bins as i64) as usize].push(i as u32);
                }
            }
        }
        let mut offsets = Vec::with_capacity(bins + 1);
        let mut items = Vec::new();
        offsets.push(0);
        for list in lists {
            items.extend(list);
            offsets.push(items.len() as u32);
        }
        ContainsIndex {
            rings,
            north,
            edges,
            bin_width,
            offsets,
            items,
        }
    }

    pub(crate) fn contains(&self, p: LatLon) -> bool {
        let bins = self.offsets.len() - 1;
        let b =
            (((p.lon() + 180.0) / self.bin_width).floor() as i64).rem_euclid(bins as i64) as usize;
        let mut holding: Vec<u32> = self.north.clone();
        let in_bin = &self.items[self.offsets[b] as usize..self.offsets[b + 1] as usize];
        // The boundary is covered (see `contains.rs`).
        if in_bin.iter().any(|&i| self.edges[i as usize].1.touches(p)) {
            return true;
        }
        for &i in in_bin {
            let (ring, edge) = &self.edges[i as usize];
            if edge.crosses_north_of(p) {
                holding.push(*ring);
            }
        }
        holding.sort_unstable();
        // A ring holds p when it appears an odd number of times (crossings, plus
        // one if its region holds the North Pole).
        let mut odd: Vec<u32> = Vec::new();
        for ring in holding {
            if odd.last() == Some(&ring) {
                odd.pop();
            } else {
                odd.push(ring);
            }
        }
        odd.iter().any(|&r| {
            let info = self.rings[r as usize];
            !info.is_hole
                && !odd.iter().any(|&h| {
                    let hole = self.rings[h as usize];
                    hole.is_hole && hole.polygon == info.polygon
                })
        })
    }
}

/// Two prepared lines are equal when they index the same line: the index is
/// a function of the line alone.
impl PartialEq for PreparedLine {
    fn eq(&self, other: &PreparedLine) -> bool {
        self.line == other.line
    }
}

/// A prepared line is written as its line (the index is rebuilt on reading).
impl serde::Serialize for PreparedLine {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.line.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for PreparedLine {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<PreparedLine, D::Error> {
        Line::deserialize(deserializer).map(PreparedLine::new)
    }
}

/// Two prepared areas are equal when they index the same area: the index is
/// a function of the area alone.
impl PartialEq for PreparedArea {
    fn eq(&self, other: &PreparedArea) -> bool {
        self.area == other.area
    }
}

/// A prepared area is written as its area (the index is rebuilt on reading).
impl serde::Serialize for PreparedArea {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.area.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for PreparedArea {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<PreparedArea, D::Error> {
        Area::deserialize(deserializer).map(PreparedArea::new)
    }
}

/// An [`Area`] prepared for many exact queries: containment and the nearest
/// boundary point.
///
/// The area is fixed when the value is made; its indexes are built on the
/// first query (so making one is free) and shared by every later one.
///
/// ```
/// use strikemap::{Area, LatLon, Target, measure::PreparedArea};
/// let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
/// let prepared = PreparedArea::new(square);
/// assert!(prepared.contains(LatLon::new(50.5, 30.5)?));
/// let n = prepared.nearest_to(LatLon::new(50.5, 29.0)?);
/// approx::assert_relative_eq!(n.distance.as_km(), 70.9, epsilon = 0.1);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct PreparedArea {
    area: Area,
    /// The boundary's edges, built on the first distance query; the area
    /// never changes after `new`.
    boundary: OnceLock<SegmentIndex>,
    /// The containment bins, built on the first containment test (which
    /// needs no boundary index).
    inside: OnceLock<ContainsIndex>,
}

impl PreparedArea {
    /// Prepares an area.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// assert_eq!(PreparedArea::new(square).edge_count(), 4);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(area: Area) -> PreparedArea {
        PreparedArea {
            area,
            boundary: OnceLock::new(),
            inside: OnceLock::new(),
        }
    }

    /// The boundary index, built on first use.
    fn boundary(&self) -> &SegmentIndex {
        self.boundary.get_or_init(|| {
            SegmentIndex::new(
                self.area
                    .segments()
                    .map(|(p, r, s, a, b)| (on(p, Some(r), s), a, b)),
            )
        })
    }

    /// The containment index, built on first use.
    fn inside(&self) -> &ContainsIndex {
        self.inside.get_or_init(|| ContainsIndex::new(&self.area))
    }

    /// The area.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// assert_eq!(PreparedArea::new(square.clone()).area(), &square);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn area(&self) -> &Area {
        &self.area
    }

    /// Whether the point lies inside the area (holes excluded), with
    /// geodesic edges.
    ///
    /// ```
    /// use strikemap::{Area, LatLon, measure::PreparedArea};
    /// let ring = vec![[170.0, -15.0], [-170.0, -15.0], [-170.0, -20.0], [170.0, -20.0], [170.0, -15.0]];
    /// let across = PreparedArea::new(Area::from_lon_lat(&[vec![ring]])?);
    /// assert!(across.contains(LatLon::new(-17.0, 180.0)?));
    /// assert!(!across.contains(LatLon::new(-17.0, 0.0)?));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn contains(&self, p: LatLon) -> bool {
        self.inside().contains(p)
    }

    /// How many boundary edges the prepared form indexes.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// assert_eq!(PreparedArea::new(square).edge_count(), 4);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn edge_count(&self) -> usize {
        self.boundary().len()
    }
}

impl Target for PreparedArea {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        if self.contains(from) {
            return inside(from);
        }
        on_boundary_is_inside(from, self.boundary().nearest(from))
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        match method {
            Method::Geodesic => self.nearest_to(from),
            Method::Haversine => {
                if self.contains(from) {
                    return inside(from);
                }
                on_boundary_is_inside(from, self.boundary().nearest_on_sphere(from))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_vectors_are_unit() {
        for (lat, lon) in [(0.0, 0.0), (90.0, 0.0), (-45.0, 170.0), (50.45, 30.52)] {
            let u = direction(LatLon::new(lat, lon).unwrap());
            let n = (u[0] * u[0] + u[1] * u[1] + u[2] * u[2]).sqrt();
            assert!((n - 1.0).abs() < 1e-15);
        }
    }

    #[test]
    fn lower_bound_never_exceeds_geodesic() {
        use crate::measure::Metric as _;
        let pts: Vec<LatLon> = (0..200)
            .map(|i| {
                let f = i as f64;
                LatLon::new(((f * 37.1) % 180.0) - 90.0, ((f * 71.3) % 360.0) - 180.0).unwrap()
            })
            .collect();
        for a in &pts {
            for b in pts.iter().step_by(7) {
                let (ua, ub) = (direction(*a), direction(*b));
                let c2: f64 = (0..3).map(|k| (ua[k] - ub[k]).powi(2)).sum();
                let d = crate::Geodesic.distance(*a, *b).as_metres();
                assert!(lower_bound_metres(c2) <= d + 1e-9, "{a} {b}");
            }
        }
    }
}
