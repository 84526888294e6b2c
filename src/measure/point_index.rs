//! [`PointIndex`]: many places (or events) indexed for "within D" and
//! "k nearest" queries with exact geodesic answers.
//!
//! Positions are stored as geocentric unit vectors in an R-tree (`rstar`).
//! A place within geodesic distance D of a point is within the chord
//! 2·sin(D/2b) of it in unit-vector space (every path on the ellipsoid is at
//! least b·θ long, b the polar radius), so the tree returns a superset of the
//! answer that exact geodesic distances then trim: results are identical to
//! a brute-force exact scan.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rayon::prelude::*;
use rstar::primitives::GeomWithData;
use rstar::{AABB, RTree};

use crate::distance::Distance;
use crate::measure::{
    Geodesic, Metric as _, PreparedLine, Target as _, WGS84_B, direction, lower_bound_metres,
};
use crate::position::LatLon;

type Entry = GeomWithData<[f64; 3], u32>;

/// An item of a [`PointIndex`] with its distance from the query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit<'a, T> {
    /// The item.
    pub item: &'a T,
    /// Its position.
    pub position: LatLon,
    /// Its exact geodesic distance from the query (WGS84).
    pub distance: Distance,
    /// Its index in the order the items were given.
    pub index: usize,
}

/// Places or events indexed by position for exact proximity queries.
///
/// ```
/// use strikemap::{Distance, LatLon, measure::PointIndex};
/// let towns = vec![
///     (LatLon::new(50.45, 30.52)?, "Kyiv"),
///     (LatLon::new(49.99, 36.23)?, "Kharkiv"),
///     (LatLon::new(46.48, 30.72)?, "Odesa"),
/// ];
/// let index = PointIndex::new(towns);
/// let near = index.within(LatLon::new(50.0, 35.0)?, Distance::from_km(200.0));
/// assert_eq!(near.iter().map(|h| *h.item).collect::<Vec<_>>(), ["Kharkiv"]);
/// let two = index.nearest(LatLon::new(47.0, 31.0)?, 2);
/// assert_eq!((*two[0].item, *two[1].item), ("Odesa", "Kyiv"));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct PointIndex<T> {
    items: Vec<(LatLon, T)>,
    tree: RTree<Entry>,
}

/// The chord between unit vectors whose angle is that of a geodesic of
/// length `d` on the sphere of radius b (an upper bound for any geodesic of
/// length `d` on the ellipsoid).
fn chord_for(d: Distance) -> f64 {
    let angle = (d.as_metres() / WGS84_B).clamp(0.0, std::f64::consts::PI);
    // Widen by a hair so rounding can never exclude a true answer.
    2.0 * (angle / 2.0).sin() * (1.0 + 1e-12) + 1e-15
}

/// A heap entry ordered by distance (largest on top), ties by index.
struct Far(f64, usize);

impl PartialEq for Far {
    fn eq(&self, other: &Far) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Far {}
impl PartialOrd for Far {
    fn partial_cmp(&self, other: &Far) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Far {
    fn cmp(&self, other: &Far) -> Ordering {
        self.0.total_cmp(&other.0).then(self.1.cmp(&other.1))
    }
}

impl<T> PointIndex<T> {
    /// Bulk-loads items with their positions.
    ///
    /// ```
    /// use strikemap::{LatLon, measure::PointIndex};
    /// let index = PointIndex::new(vec![(LatLon::new(50.45, 30.52)?, "Kyiv")]);
    /// assert_eq!(index.len(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(items: Vec<(LatLon, T)>) -> PointIndex<T> {
        let entries: Vec<Entry> = items
            .iter()
            .enumerate()
            .map(|(i, (p, _))| GeomWithData::new(direction(*p), i as u32))
            .collect();
        PointIndex {
            items,
            tree: RTree::bulk_load(entries),
        }
    }

    /// How many items it holds.
    ///
    /// ```
    /// assert_eq!(strikemap::measure::PointIndex::<u8>::new(vec![]).len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether it holds nothing.
    ///
    /// ```
    /// assert!(strikemap::measure::PointIndex::<u8>::new(vec![]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items, in the order given.
    ///
    /// ```
    /// use strikemap::{LatLon, measure::PointIndex};
    /// let index = PointIndex::new(vec![(LatLon::new(50.45, 30.52)?, 7)]);
    /// assert_eq!(index.items()[0].1, 7);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn items(&self) -> &[(LatLon, T)] {
        &self.items
    }

    fn hit(&self, index: usize, distance: f64) -> Hit<'_, T> {
        let (position, item) = &self.items[index];
        Hit {
            item,
            position: *position,
            distance: Distance::from_metres(distance),
            index,
        }
    }

    fn sorted(&self, mut found: Vec<(f64, usize)>) -> Vec<Hit<'_, T>> {
        found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        found.into_iter().map(|(d, i)| self.hit(i, d)).collect()
    }

    /// Every item within `distance` (inclusive) of `from`, nearest first
    /// (ties in the order given).
    ///
    /// ```
    /// use strikemap::{Distance, LatLon, measure::PointIndex};
    /// let index = PointIndex::new(vec![(LatLon::new(50.45, 30.52)?, "Kyiv"), (LatLon::new(49.99, 36.23)?, "Kharkiv")]);
    /// let near = index.within(LatLon::new(50.0, 30.5)?, Distance::from_km(100.0));
    /// assert_eq!(near.len(), 1);
    /// assert!(near[0].distance < Distance::from_km(51.0));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn within(&self, from: LatLon, distance: Distance) -> Vec<Hit<'_, T>> {
        let chord = chord_for(distance);
        let found: Vec<(f64, usize)> = self
            .tree
            .locate_within_distance(direction(from), chord * chord)
            .filter_map(|e| {
                let i = e.data as usize;
                let d = Geodesic.distance(from, self.items[i].0).as_metres();
                (d <= distance.as_metres()).then_some((d, i))
            })
            .collect();
        self.sorted(found)
    }

    /// Every item within `distance` (inclusive) of a line, nearest first;
    /// the distance is to the nearest point of the line.
    ///
    /// ```
    /// use strikemap::{Distance, LatLon, Line, measure::{PointIndex, PreparedLine}};
    /// let index = PointIndex::new(vec![(LatLon::new(48.5, 37.9)?, 1), (LatLon::new(50.45, 30.52)?, 2)]);
    /// let front = PreparedLine::new(Line::from_vertices(vec![LatLon::new(47.8, 37.0)?, LatLon::new(49.0, 37.9)?])?);
    /// let near = index.within_line(&front, Distance::from_km(50.0));
    /// assert_eq!(near.len(), 1);
    /// assert_eq!(*near[0].item, 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn within_line(&self, line: &PreparedLine, distance: Distance) -> Vec<Hit<'_, T>> {
        let chord = chord_for(distance);
        // The edge boxes come in R-tree leaf order (neighbours together);
        // querying their unions in runs keeps the look-ups few.
        const RUN: usize = 32;
        let mut candidates: Vec<usize> = Vec::new();
        let mut query = |lo: [f64; 3], hi: [f64; 3]| {
            let grown = AABB::from_corners(
                [lo[0] - chord, lo[1] - chord, lo[2] - chord],
                [hi[0] + chord, hi[1] + chord, hi[2] + chord],
            );
            candidates.extend(
                self.tree
                    .locate_in_envelope(&grown)
                    .map(|e| e.data as usize),
            );
        };
        let (mut lo, mut hi, mut run) = ([f64::INFINITY; 3], [f64::NEG_INFINITY; 3], 0);
        for b in line.boxes() {
            let (l, h) = (b.lower(), b.upper());
            for k in 0..3 {
                lo[k] = lo[k].min(l[k]);
                hi[k] = hi[k].max(h[k]);
            }
            run += 1;
            if run == RUN {
                query(lo, hi);
                (lo, hi, run) = ([f64::INFINITY; 3], [f64::NEG_INFINITY; 3], 0);
            }
        }
        if run > 0 {
            query(lo, hi);
        }
        candidates.sort_unstable();
        candidates.dedup();
        // Exact distances in parallel (only positions cross threads).
        let limit = distance.as_metres();
        let found: Vec<(f64, usize)> = candidates
            .into_iter()
            .map(|i| (i, self.items[i].0))
            .collect::<Vec<_>>()
            .into_par_iter()
            .with_min_len(64)
            .filter_map(|(i, p)| {
                // Most candidates of the widened boxes are farther than D:
                // a cheap bound rules them out before the exact distance.
                if line.lower_bound(p) > limit {
                    return None;
                }
                let d = line.nearest_to(p).distance.as_metres();
                (d <= limit).then_some((d, i))
            })
            .collect();
        self.sorted(found)
    }

    /// The `k` items nearest to `from`, nearest first (ties broken by the
    /// order given).
    ///
    /// ```
    /// use strikemap::{LatLon, measure::PointIndex};
    /// let index = PointIndex::new(vec![(LatLon::new(50.45, 30.52)?, "Kyiv"), (LatLon::new(49.99, 36.23)?, "Kharkiv")]);
    /// assert_eq!(*index.nearest(LatLon::new(50.0, 35.0)?, 1)[0].item, "Kharkiv");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn nearest(&self, from: LatLon, k: usize) -> Vec<Hit<'_, T>> {
        if k == 0 {
            return Vec::new();
        }
        let mut heap: BinaryHeap<Far> = BinaryHeap::with_capacity(k + 1);
        for (e, chord2) in self
            .tree
            .nearest_neighbor_iter_with_distance_2(&direction(from))
        {
            if heap.len() == k {
                let kth = heap.peek().map_or(f64::INFINITY, |f| f.0);
                if lower_bound_metres(chord2) > kth {
                    break;
                }
            }
            let i = e.data as usize;
            let d = Geodesic.distance(from, self.items[i].0).as_metres();
            heap.push(Far(d, i));
            if heap.len() > k {
                heap.pop();
            }
        }
        self.sorted(heap.into_iter().map(|f| (f.0, f.1)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pseudo_random_points(n: usize, seed: u64) -> Vec<(LatLon, usize)> {
        let mut x = seed;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..n)
            .map(|i| {
                let lat = (2.0 * next() - 1.0).asin().to_degrees();
                let lon = 360.0 * next() - 180.0;
                (LatLon::new(lat, lon).unwrap(), i)
            })
            .collect()
    }

    #[test]
    fn matches_brute_force() {
        let pts = pseudo_random_points(5_000, 42);
        let index = PointIndex::new(pts.clone());
        for (q, _) in pseudo_random_points(30, 7) {
            for d in [
                Distance::from_km(10.0),
                Distance::from_km(800.0),
                Distance::from_km(15_000.0),
            ] {
                let got: Vec<usize> = index.within(q, d).iter().map(|h| h.index).collect();
                let mut want: Vec<(f64, usize)> = pts
                    .iter()
                    .map(|(p, i)| (Geodesic.distance(q, *p).as_metres(), *i))
                    .filter(|(m, _)| *m <= d.as_metres())
                    .collect();
                want.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                assert_eq!(got, want.iter().map(|w| w.1).collect::<Vec<_>>());
            }
            let mut all: Vec<(f64, usize)> = pts
                .iter()
                .map(|(p, i)| (Geodesic.distance(q, *p).as_metres(), *i))
                .collect();
            all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let got: Vec<usize> = index.nearest(q, 7).iter().map(|h| h.index).collect();
            assert_eq!(got, all[..7].iter().map(|w| w.1).collect::<Vec<_>>());
        }
        assert!(index.nearest(LatLon::new(0.0, 0.0).unwrap(), 0).is_empty());
    }

    #[test]
    fn within_line_matches_brute_force() {
        use crate::measure::Target as _;
        let pts = pseudo_random_points(20_000, 99);
        let index = PointIndex::new(pts.clone());
        let vertices: Vec<LatLon> = (0..200)
            .map(|i| {
                LatLon::new(
                    40.0 + f64::from(i) * 0.1,
                    20.0 + (f64::from(i) * 0.3).sin() * 5.0,
                )
                .unwrap()
            })
            .collect();
        let line = PreparedLine::new(crate::Line::from_vertices(vertices).unwrap());
        for d in [Distance::from_km(50.0), Distance::from_km(400.0)] {
            let got: Vec<usize> = index
                .within_line(&line, d)
                .iter()
                .map(|h| h.index)
                .collect();
            let mut want: Vec<(f64, usize)> = pts
                .iter()
                .map(|(p, i)| (line.nearest_to(*p).distance.as_metres(), *i))
                .filter(|(m, _)| *m <= d.as_metres())
                .collect();
            want.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            assert!(!want.is_empty());
            assert_eq!(got, want.iter().map(|w| w.1).collect::<Vec<_>>());
        }
    }
}
