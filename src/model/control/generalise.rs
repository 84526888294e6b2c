//! [`Generalised`]: a line's length when drawn at coarser resolutions.
//!
//! A line's length depends on the resolution it is drawn at (the finer the
//! drawing, the longer the line). To show how much, the line is generalised
//! with the Douglas–Peucker algorithm (Douglas & Peucker 1973, as `geo`'s
//! `SimplifyIdx`) at each tolerance, on an azimuthal equidistant projection
//! centred on the line (computed exactly on WGS84 with GeographicLib's
//! inverse solution: a vertex at distance s and azimuth α from the centre is
//! drawn at (s·sin α, s·cos α)). Distances from the centre are true; across
//! a line of a few hundred km the projection's other distances are within
//! about 0.5 % of true, which only changes the tolerance by as much. The
//! kept vertices are the line's own, and the generalised line is measured on
//! WGS84 with geodesic edges.

use geo::SimplifyIdx as _;
use geographiclib_rs::InverseGeodesic as _;

use crate::distance::Distance;
use crate::measure::{Geodesic, Metric as _};
use crate::position::LatLon;
use crate::shape::Line;

/// The tolerances a contact line's length is reported at: 0.5, 1, 2 and 5 km.
pub const GENERALISATION_TOLERANCES: [Distance; 4] = [
    Distance::from_km(0.5),
    Distance::from_km(1.0),
    Distance::from_km(2.0),
    Distance::from_km(5.0),
];

/// A line's length after generalisation at a tolerance.
///
/// ```
/// use strikemap::{Distance, LatLon, Line, model::generalised_lengths};
/// // A zig-zag with 200 m teeth: gone at 0.5 km.
/// let zig: Vec<LatLon> = (0..=20)
///     .map(|i| LatLon::new(48.0 + if i % 2 == 0 { 0.0 } else { 0.0018 }, 30.0 + 0.01 * i as f64))
///     .collect::<Result<_, _>>()?;
/// let g = generalised_lengths(&Line::from_vertices(zig)?, &[Distance::from_km(0.5)]);
/// assert!(g[0].length > g[1].length);
/// assert_eq!(g[1].vertices, 2);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Generalised {
    /// The Douglas–Peucker tolerance (0 for the line as drawn).
    pub tolerance: Distance,
    /// The generalised line's length on WGS84.
    pub length: Distance,
    /// How many vertices it keeps.
    pub vertices: usize,
}

/// The line's length as drawn (tolerance 0), then after generalisation at
/// each tolerance given, in that order.
///
/// ```
/// use strikemap::{LatLon, Line, model::{GENERALISATION_TOLERANCES, generalised_lengths}};
/// let line = Line::from_vertices(vec![LatLon::new(48.0, 30.0)?, LatLon::new(48.0, 31.0)?])?;
/// let g = generalised_lengths(&line, &GENERALISATION_TOLERANCES);
/// assert_eq!(g.len(), 5);
/// assert!(g.iter().all(|x| x.length == g[0].length)); // nothing to generalise
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn generalised_lengths(line: &Line, tolerances: &[Distance]) -> Vec<Generalised> {
    let centre = centre_of(line);
    let projected: Vec<geo::LineString<f64>> = line
        .parts()
        .iter()
        .map(|part| part.iter().map(|&v| project(centre, v)).collect())
        .collect();
    let total = |keep: &dyn Fn(usize) -> Vec<usize>| -> (Distance, usize) {
        let mut metres = 0.0;
        let mut count = 0;
        for (i, part) in line.parts().iter().enumerate() {
            let kept = keep(i);
            count += kept.len();
            metres += kept
                .windows(2)
                .map(|w| Geodesic.distance(part[w[0]], part[w[1]]).as_metres())
                .sum::<f64>();
        }
        (Distance::from_metres(metres), count)
    };
    let mut out = Vec::with_capacity(tolerances.len() + 1);
    let (length, vertices) = total(&|i| (0..line.parts()[i].len()).collect());
    out.push(Generalised {
        tolerance: Distance::ZERO,
        length,
        vertices,
    });
    for &tolerance in tolerances {
        let eps = tolerance.as_metres();
        let (length, vertices) = total(&|i| projected[i].simplify_idx(eps));
        out.push(Generalised {
            tolerance,
            length,
            vertices,
        });
    }
    out
}

/// The point at the mean direction of the line's vertices.
fn centre_of(line: &Line) -> LatLon {
    let mut sum = [0.0f64; 3];
    for v in line.parts().iter().flatten() {
        let (la, lo) = (v.lat().to_radians(), v.lon().to_radians());
        sum[0] += la.cos() * lo.cos();
        sum[1] += la.cos() * lo.sin();
        sum[2] += la.sin();
    }
    let lat = sum[2].atan2(sum[0].hypot(sum[1])).to_degrees();
    let lon = sum[1].atan2(sum[0]).to_degrees();
    // A line has at least one part of at least two vertices.
    LatLon::wrapping(lat, lon).unwrap_or(line.parts()[0][0])
}

/// A vertex on the azimuthal equidistant projection centred on `centre`.
fn project(centre: LatLon, v: LatLon) -> geo::Coord<f64> {
    let (s12, azi1, _azi2, _a12): (f64, f64, f64, f64) =
        crate::measure::wgs84().inverse(centre.lat(), centre.lon(), v.lat(), v.lon());
    let azi = azi1.to_radians();
    geo::Coord {
        x: s12 * azi.sin(),
        y: s12 * azi.cos(),
    }
}
