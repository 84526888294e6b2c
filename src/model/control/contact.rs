//! [`ContactOptions`]: how the line of contact is derived from a held area.
//!
//! The line of contact is the held area's boundary minus the stretches that
//! are the reference country's border or coast. A boundary point is on the
//! line of contact when it lies inside the reference country (its boundary
//! included) and farther than the tolerance from the country's outline, on
//! WGS84. The boundary is walked edge by edge along its geodesics: after
//! classifying a point, the walk skips ahead by the distance within which
//! the answer cannot change (a distance changes by at most the distance
//! moved; leaving the country means crossing its outline), but never by
//! less than `tolerance / 20` (10 to 100 m); an edge whose two ends agree
//! and whose margins together span it is not sampled at all. Where two classified points differ, the change is
//! found by bisection along the geodesic to a millimetre, so the
//! parts start and end exactly where the rule changes. A river front such as the Dnipro is line of contact: it is
//! not the country's outline.

use crate::distance::Distance;
use crate::error::{Error, Result};
use crate::measure::{PreparedLine, WGS84_A, WGS84_B, geodesic_between};
use crate::model::Territory;
use crate::position::LatLon;
use crate::shape::{Area, Line};

/// The default border tolerance: 2 km. A held area's boundary within 2 km
/// of the reference country's outline is taken to be the border or the
/// coast, not the line of contact. It absorbs the difference between the
/// control map's drawing of the border and the bundled boundary (Natural
/// Earth 1:10m is within about 200 m of the border at Ukraine's scale; the
/// control maps' own drawings differ from it by up to about 1 km).
pub const DEFAULT_BORDER_TOLERANCE: Distance = Distance::from_km(2.0);

/// How the line of contact is derived: the reference country (whose border
/// and coast are not the line of contact) and the tolerance within which
/// the held area's boundary counts as that border.
///
/// ```
/// use strikemap::{Distance, model::ContactOptions};
/// let options = ContactOptions::new(strikemap::countries::ukraine_10m().clone())
///     .with_tolerance(Distance::from_km(1.0))?;
/// assert_eq!(options.tolerance().as_km(), 1.0);
/// assert_eq!(options.reference().name, "Ukraine");
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ContactOptions {
    reference: Territory,
    outline: PreparedLine,
    tolerance: Distance,
}

impl ContactOptions {
    /// The reference country, with the default tolerance
    /// ([`DEFAULT_BORDER_TOLERANCE`], 2 km).
    ///
    /// ```
    /// let o = strikemap::model::ContactOptions::new(strikemap::countries::ukraine_10m().clone());
    /// assert_eq!(o.tolerance(), strikemap::model::DEFAULT_BORDER_TOLERANCE);
    /// ```
    pub fn new(reference: Territory) -> ContactOptions {
        let outline = reference.area().outline();
        ContactOptions {
            reference,
            outline: PreparedLine::new(outline),
            tolerance: DEFAULT_BORDER_TOLERANCE,
        }
    }

    /// The same with another border tolerance.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if the tolerance is negative or not finite.
    ///
    /// ```
    /// use strikemap::{Distance, model::ContactOptions};
    /// let o = ContactOptions::new(strikemap::countries::ukraine_10m().clone());
    /// assert!(o.with_tolerance(Distance::from_km(-1.0)).is_err());
    /// ```
    pub fn with_tolerance(mut self, tolerance: Distance) -> Result<ContactOptions> {
        let m = tolerance.as_metres();
        if !(m.is_finite() && m >= 0.0) {
            return Err(Error::InvalidNumber {
                field: "border tolerance",
                value: m,
                expected: "a finite distance ≥ 0",
            });
        }
        self.tolerance = tolerance;
        Ok(self)
    }

    /// The reference country.
    ///
    /// ```
    /// let o = strikemap::model::ContactOptions::new(strikemap::countries::ukraine_10m().clone());
    /// assert_eq!(o.reference().scale.as_deref(), Some("1:10m"));
    /// ```
    pub fn reference(&self) -> &Territory {
        &self.reference
    }

    /// The border tolerance.
    ///
    /// ```
    /// let o = strikemap::model::ContactOptions::new(strikemap::countries::ukraine_10m().clone());
    /// assert_eq!(o.tolerance().as_km(), 2.0);
    /// ```
    pub fn tolerance(&self) -> Distance {
        self.tolerance
    }

    /// Whether a boundary point is on the line of contact (inside the
    /// reference and farther than the tolerance from its outline), and a
    /// distance along any path from it within which that cannot change:
    /// distances change by at most the distance moved, and leaving the
    /// reference means crossing its outline.
    fn classify_point(&self, p: LatLon) -> (bool, f64) {
        let tol = self.tolerance.as_metres();
        if !self.reference.contains(p) {
            // To be on the line it must cross the outline, then go farther
            // than the tolerance from it.
            return (false, self.outline.lower_bound(p) + tol);
        }
        match self.outline.within(p, tol) {
            Ok(d) => (false, tol - d),
            Err(bound) => (true, bound - tol),
        }
    }

    /// The shortest step along an edge between two classifications, in
    /// metres: the resolution at which a stretch shorter than it, entering
    /// and leaving the tolerance band between two samples, can be missed.
    fn min_step_metres(&self) -> f64 {
        (self.tolerance.as_metres() / 20.0).clamp(10.0, 100.0)
    }

    /// The line of contact of a held area.
    pub(super) fn derive(&self, held: &Area) -> Result<Line> {
        let mut parts = Vec::new();
        for polygon in held.polygons() {
            for ring in polygon.rings() {
                let nodes = self.classify(ring);
                runs(&nodes, &mut parts);
            }
        }
        if parts.is_empty() {
            return Err(Error::InvalidGeometry {
                reason: format!(
                    "the held area's boundary lies within {} of the outline of {} everywhere: \
                     it has no line of contact",
                    self.tolerance, self.reference.name
                ),
            });
        }
        Line::new(parts)
    }

    /// The ring's vertices and the points where the rule changes, each with
    /// whether the stretch from it to the next node is line of contact.
    ///
    /// The walk classifies a point, then skips ahead by the distance within
    /// which its class cannot change (at least [`Self::min_step_metres`]);
    /// where two classified points differ, the change is found by bisection
    /// along the edge's geodesic to a millimetre.
    fn classify(&self, ring: &[LatLon]) -> Vec<(LatLon, bool)> {
        use geographiclib_rs::geodesic_capability as caps;
        let min_step = self.min_step_metres();
        let mut nodes = Vec::with_capacity(ring.len());
        let Some(&first) = ring.first() else {
            return nodes;
        };
        // The class at the last classified point, and how much farther
        // along the ring it is sure to hold.
        let (mut class, mut sure) = self.classify_point(first);
        for w in ring.windows(2) {
            let (a, b) = (w[0], w[1]);
            nodes.push((a, class));
            // Most edges lie where the answer is sure: skip them unsolved.
            let longest = longest_path(a, b);
            if sure >= longest {
                sure -= longest;
                continue;
            }
            // Or sure from both ends: b's margin holds backwards too.
            let (class_b, margin_b) = self.classify_point(b);
            if class_b == class && sure + margin_b >= longest {
                sure = margin_b;
                continue;
            }
            let (line, s12) = geodesic_between(a, b);
            let at = |s: f64| {
                let (_a12, lat, lon, ..) =
                    line._gen_position(false, s, caps::LATITUDE | caps::LONGITUDE);
                LatLon::wrapping(lat, lon).unwrap_or(a)
            };
            // `pos`: the last classified position along this edge (metres).
            let mut pos = 0.0;
            let mut sure_to = sure; // guaranteed up to this position
            loop {
                if sure_to >= s12 {
                    sure = sure_to - s12;
                    break;
                }
                let next = (pos + min_step).max(sure_to).min(s12);
                let (c, m) = if next >= s12 {
                    (class_b, margin_b)
                } else {
                    self.classify_point(at(next))
                };
                if c != class {
                    let (mut lo, mut hi) = (pos.max(sure_to.min(next)), next);
                    // To a millimetre: some 17 halvings of a 100 m step.
                    while hi - lo > 1e-3 {
                        let mid = 0.5 * (lo + hi);
                        if self.classify_point(at(mid)).0 == class {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    let x = if hi >= s12 { b } else { at(0.5 * (lo + hi)) };
                    if x != b {
                        match nodes.last_mut() {
                            Some(last) if last.0 == x => last.1 = c,
                            _ => nodes.push((x, c)),
                        }
                    }
                    class = c;
                }
                pos = next;
                sure_to = next + m;
                if next >= s12 {
                    sure = m;
                    break;
                }
            }
        }
        nodes
    }
}

/// An upper bound (metres) on the geodesic distance between two points: the
/// great-circle angle between their geodetic positions times the largest
/// radius of curvature of WGS84 (a²/b, at the poles). The ellipsoid's
/// metric is at most that radius times the unit sphere's, so the geodesic,
/// no longer than the image of the great circle, is no longer than this.
fn longest_path(a: LatLon, b: LatLon) -> f64 {
    const R_MAX: f64 = WGS84_A * WGS84_A / WGS84_B;
    let (p1, p2) = (a.lat().to_radians(), b.lat().to_radians());
    let dp = p2 - p1;
    let dl = (b.lon() - a.lon()).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    // Rounding: one part in 10¹² and a micrometre more.
    2.0 * h.sqrt().min(1.0).asin() * R_MAX * (1.0 + 1e-12) + 1e-6
}

/// Appends the runs of contact stretches of one closed ring's nodes as line
/// parts (a ring that is contact all round gives one closed part).
fn runs(nodes: &[(LatLon, bool)], parts: &mut Vec<Vec<LatLon>>) {
    let n = nodes.len();
    if n == 0 {
        return;
    }
    // Start where a run begins (the node before it is not contact).
    let Some(start) = (0..n).find(|&i| nodes[i].1 && !nodes[(i + n - 1) % n].1) else {
        if nodes.iter().all(|&(_, c)| c) {
            let mut closed: Vec<LatLon> = nodes.iter().map(|&(p, _)| p).collect();
            closed.push(nodes[0].0);
            parts.push(closed);
        }
        return;
    };
    let mut current: Vec<LatLon> = Vec::new();
    for k in 0..=n {
        let (p, contact) = nodes[(start + k) % n];
        if contact {
            current.push(p);
        } else if !current.is_empty() {
            current.push(p);
            push_part(parts, std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        push_part(parts, current);
    }
}

fn push_part(parts: &mut Vec<Vec<LatLon>>, mut part: Vec<LatLon>) {
    part.dedup();
    if part.len() >= 2 {
        parts.push(part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::{Geodesic, Metric as _};

    #[test]
    fn longest_path_bounds_the_geodesic() {
        let pts = [
            (0.0, 0.0, 0.0, 1.0),
            (0.0, 0.0, 1.0, 0.0),
            (89.0, 0.0, 89.9, 180.0),
            (48.0, 37.0, 48.001, 37.002),
            (-60.0, 10.0, 60.0, -170.0),
            (45.0, 179.9, 45.1, -179.9),
        ];
        for (la1, lo1, la2, lo2) in pts {
            let (a, b) = (
                LatLon::new(la1, lo1).unwrap(),
                LatLon::new(la2, lo2).unwrap(),
            );
            let s = Geodesic.distance(a, b).as_metres();
            let u = longest_path(a, b);
            assert!(u >= s, "{a:?} {b:?}: {u} < {s}");
            assert!(
                u <= s * 1.011 + 1e-3,
                "{a:?} {b:?}: bound {u} far above {s}"
            );
        }
    }
}
