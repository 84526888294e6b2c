//! Cutting lines and rings at the antimeridian and closing rings along the
//! poles, as RFC 7946 §3.1.9 asks.
//!
//! Method. A line or ring is *unwrapped*: each vertex keeps its longitude and
//! gets a whole number of turns so that consecutive vertices differ by less
//! than 180° in `x = lon + 360·turns` (a vertex at a pole is entered along
//! the meridian of the vertex before it and left along the meridian of the
//! vertex after it, as the geodesics through a pole run). Wherever an edge
//! crosses `x = 180 + 360k`, a vertex is inserted on the antimeridian at the
//! latitude where the edge's geodesic crosses it (root-finding on the
//! geodesic line of `geographiclib-rs`). Every edge then lies in one *sheet*
//! `[-180 + 360k, 180 + 360k]`; a line is split where the sheet changes and
//! each part is shifted into `[-180, 180]`.
//!
//! A ring (oriented with its area on the left) is cut the same way into
//! *chains* running from one edge of the `[-180, 180] × [-90, 90]` map frame
//! to another; rings that stay in one sheet are kept whole. Chains are
//! joined by walking counter-clockwise round the frame from the end of each
//! chain to the nearest start of a chain, adding the frame's corners on the
//! way. This closes a ring around a pole along the pole (`… → (180, lat) →
//! (180, 90) → (-180, 90) → (-180, lat) → …`), pieces of an area cut by the
//! antimeridian along the antimeridian, and an area holding both poles as
//! the frame minus the hole. The rings found are exteriors when
//! counter-clockwise and holes when clockwise (on the longitude/latitude
//! plane); a hole inside no exterior gets the whole frame as its exterior.

use geographiclib_rs::geodesic_capability as caps;

use super::winding::{contains_point, planar_area};
use crate::error::Result;
use crate::measure::geodesic_between;
use crate::position::{LatLon, wrap180};

/// Bisection steps when locating a crossing on a geodesic (2⁻⁶⁴ of its length).
const CROSSING_STEPS: usize = 64;

/// A vertex of an unwrapped path: `x = lon + 360·turns`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Vx {
    lat: f64,
    /// Longitude in [-180, 180], as given.
    lon: f64,
    turns: i64,
}

impl Vx {
    fn x(&self) -> f64 {
        self.lon + 360.0 * self.turns as f64
    }

    fn on_antimeridian(&self) -> bool {
        self.lon.abs() == 180.0
    }

    fn at_pole(&self) -> bool {
        self.lat.abs() == 90.0
    }

    /// The position in sheet `sheet`: exact, since a vertex lies in the
    /// closed strip of its sheet (its longitude is ±180 when `turns` differs).
    fn in_sheet(&self, sheet: i64) -> Result<LatLon> {
        let lon = if self.turns == sheet {
            self.lon
        } else {
            self.lon + 360.0 * (self.turns - sheet) as f64
        };
        LatLon::wrapping(self.lat, lon)
    }
}

/// The sheet holding `x` (strictly inside it).
fn sheet_of(x: f64) -> i64 {
    ((x + 180.0) / 360.0).floor() as i64
}

fn push_unless_repeated(out: &mut Vec<Vx>, v: Vx) {
    if out.last().is_some_and(|p| p.lat == v.lat && p.x() == v.x()) {
        return;
    }
    out.push(v);
}

/// Unwraps positions into a path, expanding pole vertices into their
/// entry and exit meridians.
fn unwrap(points: &[LatLon]) -> Vec<Vx> {
    let mut out: Vec<Vx> = Vec::with_capacity(points.len() + 4);
    let mut last: Option<Vx> = None;
    let mut pole: Option<f64> = None;
    for p in points {
        if p.lat().abs() == 90.0 {
            let v = match out.last() {
                Some(prev) => Vx {
                    lat: p.lat(),
                    lon: prev.lon,
                    turns: prev.turns,
                },
                None => Vx {
                    lat: p.lat(),
                    lon: p.lon(),
                    turns: 0,
                },
            };
            push_unless_repeated(&mut out, v);
            pole = Some(p.lat());
            continue;
        }
        let turns = match last {
            None => 0,
            Some(prev) => {
                let x = prev.x() + wrap180(p.lon() - prev.lon);
                ((x - p.lon()) / 360.0).round() as i64
            }
        };
        let v = Vx {
            lat: p.lat(),
            lon: p.lon(),
            turns,
        };
        if let Some(lat) = pole.take() {
            push_unless_repeated(&mut out, Vx { lat, ..v });
        }
        out.push(v);
        last = Some(v);
    }
    out
}

/// The latitude where the geodesic from `a` to `b` has changed longitude by
/// `dlon` degrees (same sign as the edge's change, smaller in size).
fn geodesic_crossing_latitude(a: LatLon, b: LatLon, dlon: f64) -> f64 {
    let (line, s12) = geodesic_between(a, b);
    let (mut lo, mut hi) = (0.0, s12);
    let mut lat = a.lat();
    for _ in 0..CROSSING_STEPS {
        let mid = 0.5 * (lo + hi);
        let (_a12, la, lon, ..) = line._gen_position(
            false,
            mid,
            caps::LATITUDE | caps::LONGITUDE | caps::LONG_UNROLL,
        );
        lat = la;
        // Longitude is monotone along a geodesic that misses the poles.
        let short = (lon - a.lon()) - dlon;
        if (short < 0.0) == (dlon > 0.0) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lat
}

/// Inserts a vertex on the antimeridian wherever an edge crosses it.
/// `round` is applied to the latitudes found.
fn insert_crossings(path: &[Vx], round: &dyn Fn(f64) -> f64) -> Result<Vec<Vx>> {
    let mut out = Vec::with_capacity(path.len() + 8);
    let Some(first) = path.first() else {
        return Ok(out);
    };
    out.push(*first);
    for w in path.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !a.on_antimeridian() && !b.on_antimeridian() {
            let (sa, sb) = (sheet_of(a.x()), sheet_of(b.x()));
            if sa != sb {
                // Edges are shorter than 180° of longitude: one boundary at most.
                let turns = sa.min(sb);
                let boundary = 180.0 + 360.0 * turns as f64;
                let lat = if a.at_pole() || b.at_pole() {
                    // Along a pole (or a meridian, which never crosses).
                    a.lat
                } else {
                    let pa = LatLon::wrapping(a.lat, a.lon)?;
                    let pb = LatLon::wrapping(b.lat, b.lon)?;
                    round(geodesic_crossing_latitude(pa, pb, boundary - a.x()))
                };
                out.push(Vx {
                    lat,
                    lon: 180.0,
                    turns,
                });
            }
        }
        out.push(b);
    }
    Ok(out)
}

/// The sheet of every edge: from its midpoint, or, for an edge lying on
/// the antimeridian, the sheet of the edge before it (`wrap_turns` is the
/// ring's winding for rings, `None` for lines).
fn edge_sheets(path: &[Vx], wrap_turns: Option<i64>) -> Vec<i64> {
    let own: Vec<Option<i64>> = path
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            if a.on_antimeridian() && b.on_antimeridian() && a.x() == b.x() {
                None
            } else {
                Some(sheet_of(0.5 * (a.x() + b.x())))
            }
        })
        .collect();
    let known_last = own.iter().rev().flatten().next().copied();
    let known_first = own.iter().flatten().next().copied();
    let mut carry = match (wrap_turns, known_last, known_first) {
        (Some(t), Some(last), _) => last - t,
        (None, _, Some(first)) => first,
        _ => path.first().map_or(0, |v| v.turns),
    };
    own.into_iter()
        .map(|s| {
            if let Some(s) = s {
                carry = s;
            }
            carry
        })
        .collect()
}

/// Splits a line at the antimeridian into parts within [-180, 180].
///
/// `points` are the line's vertices (already densified); `round` rounds
/// the latitudes of inserted vertices.
pub(crate) fn cut_line(points: &[LatLon], round: &dyn Fn(f64) -> f64) -> Result<Vec<Vec<LatLon>>> {
    let path = insert_crossings(&unwrap(points), round)?;
    if path.len() < 2 {
        return Ok(vec![points.to_vec()]);
    }
    let sheets = edge_sheets(&path, None);
    let mut parts: Vec<Vec<LatLon>> = Vec::new();
    let mut current = vec![path[0].in_sheet(sheets[0])?];
    for (i, w) in path.windows(2).enumerate() {
        let sheet = sheets[i];
        if i > 0 && sheet != sheets[i - 1] {
            parts.push(std::mem::take(&mut current));
            current.push(w[0].in_sheet(sheet)?);
        }
        current.push(w[1].in_sheet(sheet)?);
    }
    parts.push(current);
    Ok(parts)
}

/// A piece of a ring from one side of the map frame to another.
#[derive(Debug)]
struct Chain {
    points: Vec<LatLon>,
}

/// Position of a point on the frame's boundary, counter-clockwise from the
/// corner (180, -90): up the east side (0..180), west along the top
/// (180..540), down the west side (540..720), east along the bottom (720..1080).
fn frame_position(p: LatLon) -> f64 {
    let (x, y) = (p.lon(), p.lat());
    if x >= 180.0 {
        y + 90.0
    } else if x <= -180.0 {
        540.0 + (90.0 - y)
    } else if y >= 90.0 {
        180.0 + (180.0 - x)
    } else if y <= -90.0 {
        720.0 + (x + 180.0)
    } else if x > 0.0 {
        // Not on the frame (should not happen): project to the nearer side.
        y + 90.0
    } else {
        540.0 + (90.0 - y)
    }
}

const PERIMETER: f64 = 1080.0;

/// The frame's corners with their frame positions.
fn corners() -> Result<[(f64, LatLon); 4]> {
    Ok([
        (0.0, LatLon::new(-90.0, 180.0)?),
        (180.0, LatLon::new(90.0, 180.0)?),
        (540.0, LatLon::new(90.0, -180.0)?),
        (720.0, LatLon::new(-90.0, -180.0)?),
    ])
}

/// Joins chains into closed rings along the frame.
fn join_chains(chains: &[Chain]) -> Result<Vec<Vec<LatLon>>> {
    let corners = corners()?;
    let n = chains.len();
    let starts: Vec<f64> = chains.iter().map(|c| frame_position(c.points[0])).collect();
    let ends: Vec<f64> = chains
        .iter()
        .map(|c| frame_position(c.points[c.points.len() - 1]))
        .collect();
    let mut used = vec![false; n];
    let mut rings = Vec::new();
    for first in 0..n {
        if used[first] {
            continue;
        }
        let mut ring: Vec<LatLon> = Vec::new();
        let mut cur = first;
        // Each step uses a chain, so n + 1 steps always close the ring.
        for _ in 0..=n {
            used[cur] = true;
            ring.extend_from_slice(&chains[cur].points);
            let from = ends[cur];
            let gap = |j: usize| (starts[j] - from).rem_euclid(PERIMETER);
            let next = (0..n)
                .filter(|&j| !used[j] || j == first)
                .min_by(|&a, &b| gap(a).total_cmp(&gap(b)).then(a.cmp(&b)));
            let Some(next) = next else { break };
            let along = gap(next);
            let mut passed: Vec<(f64, LatLon)> = corners
                .iter()
                .copied()
                .map(|(t, p)| ((t - from).rem_euclid(PERIMETER), p))
                .filter(|(d, _)| *d > 0.0 && *d < along)
                .collect();
            passed.sort_by(|a, b| a.0.total_cmp(&b.0));
            ring.extend(passed.into_iter().map(|(_, p)| p));
            if next == first {
                break;
            }
            cur = next;
        }
        ring.push(ring[0]);
        rings.push(ring);
    }
    Ok(rings)
}

fn on_frame(p: LatLon) -> bool {
    p.lon().abs() == 180.0 || p.lat().abs() == 90.0
}

/// Removes the artefacts of cutting from a closed ring: repeated vertices
/// and out-and-back spikes on the frame. Rings are returned closed; `None`
/// if fewer than 4 positions are left.
fn clean_ring(ring: &[LatLon]) -> Option<Vec<LatLon>> {
    let open = &ring[..ring.len().saturating_sub(1)];
    let mut st: Vec<LatLon> = Vec::with_capacity(ring.len());
    let push = |st: &mut Vec<LatLon>, p: LatLon| {
        if st.last().is_some_and(|&q| q == p && on_frame(p)) {
            return;
        }
        let n = st.len();
        if n >= 2 && st[n - 2] == p && on_frame(p) && on_frame(st[n - 1]) {
            st.pop();
            return;
        }
        st.push(p);
    };
    for &p in open {
        push(&mut st, p);
    }
    // The same across the start of the ring.
    loop {
        let n = st.len();
        if n >= 2 && st[n - 1] == st[0] && on_frame(st[0]) {
            st.pop();
        } else if n >= 3 && st[n - 1] == st[1] && on_frame(st[0]) && on_frame(st[1]) {
            st.pop();
            st.remove(0);
        } else {
            break;
        }
    }
    if st.len() < 3 {
        return None;
    }
    st.push(st[0]);
    Some(st)
}

/// The rings of one polygon, each closed and oriented with its area on the
/// left (exterior counter-clockwise, holes clockwise, on the sphere), cut
/// into polygons within [-180, 180] × [-90, 90]: exteriors
/// counter-clockwise, holes clockwise, as RFC 7946 asks.
pub(crate) fn cut_polygon(
    rings: &[Vec<LatLon>],
    round: &dyn Fn(f64) -> f64,
) -> Result<Vec<Vec<Vec<LatLon>>>> {
    let mut whole: Vec<Vec<LatLon>> = Vec::new();
    let mut chains: Vec<Chain> = Vec::new();
    for ring in rings {
        cut_ring(ring, round, &mut whole, &mut chains)?;
    }
    let mut out_rings = join_chains(&chains)?;
    out_rings.extend(whole);
    let mut exteriors: Vec<Vec<Vec<LatLon>>> = Vec::new();
    let mut holes: Vec<Vec<LatLon>> = Vec::new();
    for ring in out_rings {
        let Some(ring) = clean_ring(&ring) else {
            continue;
        };
        if planar_area(&ring) >= 0.0 {
            exteriors.push(vec![ring]);
        } else {
            holes.push(ring);
        }
    }
    let mut homeless = Vec::new();
    for hole in holes {
        let probe = hole
            .iter()
            .copied()
            .find(|p| !on_frame(*p))
            .unwrap_or(hole[0]);
        match exteriors
            .iter_mut()
            .find(|poly| contains_point(&poly[0], probe))
        {
            Some(poly) => poly.push(hole),
            None => homeless.push(hole),
        }
    }
    if !homeless.is_empty() {
        // The area holds both poles: the whole map minus the holes.
        let frame: Vec<LatLon> = [
            (-90.0, -180.0),
            (-90.0, 180.0),
            (90.0, 180.0),
            (90.0, -180.0),
            (-90.0, -180.0),
        ]
        .into_iter()
        .map(|(lat, lon)| LatLon::new(lat, lon))
        .collect::<Result<_>>()?;
        let mut poly = vec![frame];
        poly.extend(homeless);
        exteriors.push(poly);
    }
    Ok(exteriors)
}

/// Cuts one ring: a ring staying in one sheet goes to `whole`, others are
/// split into `chains`.
fn cut_ring(
    ring: &[LatLon],
    round: &dyn Fn(f64) -> f64,
    whole: &mut Vec<Vec<LatLon>>,
    chains: &mut Vec<Chain>,
) -> Result<()> {
    // Start at a vertex off the poles so the closing vertex unwraps cleanly.
    let open = &ring[..ring.len().saturating_sub(1)];
    let Some(start) = open.iter().position(|p| p.lat().abs() != 90.0) else {
        return Ok(());
    };
    let mut rotated: Vec<LatLon> = open[start..]
        .iter()
        .chain(&open[..start])
        .copied()
        .collect();
    rotated.push(rotated[0]);
    let path = insert_crossings(&unwrap(&rotated), round)?;
    let (Some(first), Some(last)) = (path.first(), path.last()) else {
        return Ok(());
    };
    if path.len() < 4 {
        return Ok(());
    }
    let winding = last.turns - first.turns;
    let sheets = edge_sheets(&path, Some(winding));
    let n = sheets.len();
    let changes: Vec<usize> = (0..n)
        .filter(|&i| {
            let before = if i == 0 {
                sheets[n - 1] - winding
            } else {
                sheets[i - 1]
            };
            before != sheets[i]
        })
        .collect();
    let Some(&j) = changes.first() else {
        let sheet = sheets[0];
        whole.push(
            path.iter()
                .map(|v| v.in_sheet(sheet))
                .collect::<Result<_>>()?,
        );
        return Ok(());
    };
    // Rotate the path to start where the sheet changes.
    let shift = |v: Vx| Vx {
        turns: v.turns + winding,
        ..v
    };
    let mut w: Vec<Vx> = path[j..].to_vec();
    w.extend(path[1..=j].iter().copied().map(shift));
    let mut s: Vec<i64> = sheets[j..].to_vec();
    s.extend(sheets[..j].iter().map(|k| k + winding));
    let mut current = vec![w[0].in_sheet(s[0])?];
    for (i, pair) in w.windows(2).enumerate() {
        if i > 0 && s[i] != s[i - 1] {
            chains.push(Chain {
                points: std::mem::take(&mut current),
            });
            current.push(pair[0].in_sheet(s[i])?);
        }
        current.push(pair[1].in_sheet(s[i])?);
    }
    chains.push(Chain { points: current });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap()
    }

    fn same(x: f64) -> f64 {
        x
    }

    #[test]
    fn line_across_the_antimeridian_is_cut_at_one_latitude() {
        let parts = cut_line(&[p(10.0, 179.0), p(11.0, -179.0)], &same).unwrap();
        assert_eq!(parts.len(), 2);
        let (end, start) = (parts[0][1], parts[1][0]);
        assert_eq!((end.lon(), start.lon()), (180.0, -180.0));
        assert_eq!(end.lat(), start.lat());
        assert!((end.lat() - 10.5).abs() < 0.01, "{}", end.lat());
    }

    #[test]
    fn line_on_one_side_is_kept() {
        let pts = [p(10.0, 170.0), p(11.0, 180.0), p(12.0, 175.0)];
        assert_eq!(cut_line(&pts, &same).unwrap(), vec![pts.to_vec()]);
        let pts = [p(10.0, -180.0), p(11.0, -170.0)];
        assert_eq!(cut_line(&pts, &same).unwrap(), vec![pts.to_vec()]);
    }

    #[test]
    fn square_across_the_antimeridian_becomes_two_polygons() {
        let ring = vec![
            p(-19.0, 170.0),
            p(-19.0, -170.0),
            p(-15.0, -170.0),
            p(-15.0, 170.0),
            p(-19.0, 170.0),
        ];
        let polys = cut_polygon(&[ring], &same).unwrap();
        assert_eq!(polys.len(), 2);
        for poly in &polys {
            assert_eq!(poly.len(), 1);
            assert!(planar_area(&poly[0]) > 0.0);
            let lons: Vec<f64> = poly[0].iter().map(|q| q.lon()).collect();
            assert!(
                lons.iter().all(|l| *l >= 170.0) || lons.iter().all(|l| *l <= -170.0),
                "{lons:?}"
            );
        }
        // Cutting a piece again changes nothing.
        for poly in &polys {
            assert_eq!(&cut_polygon(poly, &same).unwrap(), &vec![poly.clone()]);
        }
    }

    #[test]
    fn polar_ring_is_closed_along_the_pole() {
        // Eastward around the North Pole at latitude 80: the cap is on the left.
        let mut ring: Vec<LatLon> = (0..36).map(|i| p(80.0, -170.0 + 10.0 * i as f64)).collect();
        ring.push(ring[0]);
        let polys = cut_polygon(&[ring], &same).unwrap();
        assert_eq!(polys.len(), 1);
        let r = &polys[0][0];
        assert!(planar_area(r) > 0.0);
        assert!(r.iter().any(|q| q.lat() == 90.0 && q.lon() == 180.0));
        assert!(r.iter().any(|q| q.lat() == 90.0 && q.lon() == -180.0));
        assert_eq!(cut_polygon(&polys[0], &same).unwrap(), polys);
    }

    #[test]
    fn hole_without_exterior_gets_the_frame() {
        // Clockwise on the plane, area on the left: everything but the square.
        let ring = vec![
            p(0.0, 0.0),
            p(1.0, 0.0),
            p(1.0, 1.0),
            p(0.0, 1.0),
            p(0.0, 0.0),
        ];
        let polys = cut_polygon(&[ring], &same).unwrap();
        assert_eq!(polys.len(), 1);
        assert_eq!(polys[0].len(), 2);
        assert_eq!(polys[0][0][0], p(-90.0, -180.0));
    }

    #[test]
    fn clean_ring_removes_frame_spikes() {
        let r = vec![
            p(0.0, -180.0),
            p(0.0, 0.0),
            p(0.0, 180.0),
            p(90.0, 180.0),
            p(0.0, 180.0),
            p(90.0, 180.0),
            p(90.0, -180.0),
            p(0.0, -180.0),
        ];
        let c = clean_ring(&r).unwrap();
        assert_eq!(
            c,
            vec![
                p(0.0, -180.0),
                p(0.0, 0.0),
                p(0.0, 180.0),
                p(90.0, 180.0),
                p(90.0, -180.0),
                p(0.0, -180.0)
            ]
        );
    }
}
