//! [`Line`]: one or more polylines with geodesic edges.

use serde::{Deserialize, Serialize};

use super::{empty, positions_from_lon_lat};
use crate::error::{Error, Reported, Result};
use crate::position::LatLon;

/// One or more polylines (a front line drawn in several pieces is one
/// `Line` with several parts). Each part has at least two vertices;
/// repeated vertices (zero-length edges) are allowed. Edges are geodesics.
///
/// ```
/// use strikemap::{LatLon, Line};
/// let front = Line::new(vec![vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?]])?;
/// assert_eq!(front.parts().len(), 1);
/// assert_eq!(front.segment_count(), 1);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "LineParts", into = "LineParts")]
pub struct Line {
    parts: Vec<Vec<LatLon>>,
}

#[derive(Serialize, Deserialize)]
struct LineParts {
    parts: Vec<Vec<LatLon>>,
}

impl TryFrom<LineParts> for Line {
    type Error = Reported;
    fn try_from(p: LineParts) -> Result<Line, Reported> {
        Line::new(p.parts).map_err(Reported)
    }
}

impl From<Line> for LineParts {
    fn from(l: Line) -> LineParts {
        LineParts { parts: l.parts }
    }
}

impl Line {
    /// Builds a line from its parts.
    ///
    /// # Errors
    /// [`Error::InvalidGeometry`] naming the part if there are no parts or a
    /// part has fewer than two vertices.
    ///
    /// ```
    /// use strikemap::{LatLon, Line};
    /// let err = Line::new(vec![vec![LatLon::new(47.0, 35.0)?]]).unwrap_err();
    /// assert_eq!(err.report().to_string(), "part 0: a line part needs at least 2 vertices, found 1");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(parts: Vec<Vec<LatLon>>) -> Result<Line> {
        if parts.is_empty() {
            return Err(empty("line".into(), "the line has no parts: it"));
        }
        for (i, part) in parts.iter().enumerate() {
            if part.len() < 2 {
                return Err(Error::geometry(
                    format!("part {i}"),
                    format!(
                        "a line part needs at least 2 vertices, found {}",
                        part.len()
                    ),
                ));
            }
        }
        Ok(Line { parts })
    }

    /// A line from parts already known to be valid (each of at least two
    /// vertices, at least one part).
    pub(super) fn from_valid_parts(parts: Vec<Vec<LatLon>>) -> Line {
        debug_assert!(!parts.is_empty() && parts.iter().all(|p| p.len() >= 2));
        Line { parts }
    }

    /// A single-part line through the given vertices.
    ///
    /// # Errors
    /// As [`Line::new`].
    ///
    /// ```
    /// use strikemap::{LatLon, Line};
    /// let l = Line::from_vertices(vec![LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 1.0)?])?;
    /// assert_eq!(l.parts()[0].len(), 2);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_vertices(vertices: Vec<LatLon>) -> Result<Line> {
        Line::new(vec![vertices])
    }

    /// Builds a line from GeoJSON-order `[lon, lat]` parts.
    ///
    /// # Errors
    /// As [`Line::new`], plus coordinate errors wrapped with
    /// `part P, vertex V`.
    ///
    /// ```
    /// let err = strikemap::Line::from_lon_lat(&[vec![[35.0, 47.0], [37.5, f64::NAN]]]).unwrap_err();
    /// assert_eq!(err.report().to_string(), "part 0, vertex 1: latitude NaN is not a finite number");
    /// ```
    pub fn from_lon_lat(parts: &[Vec<[f64; 2]>]) -> Result<Line> {
        let parts = parts
            .iter()
            .enumerate()
            .map(|(p, coords)| positions_from_lon_lat(coords, &|v| format!("part {p}, vertex {v}")))
            .collect::<Result<Vec<_>>>()?;
        Line::new(parts)
    }

    /// The parts, each a list of vertices.
    ///
    /// ```
    /// let l = strikemap::Line::from_lon_lat(&[vec![[35.0, 47.0], [37.5, 48.0]]])?;
    /// assert_eq!(l.parts()[0][1].lat(), 48.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parts(&self) -> &[Vec<LatLon>] {
        &self.parts
    }

    /// How many edges (segments) all parts have together.
    ///
    /// ```
    /// let l = strikemap::Line::from_lon_lat(&[vec![[35.0, 47.0], [37.5, 48.0]], vec![[30.0, 50.0], [31.0, 50.0], [32.0, 50.0]]])?;
    /// assert_eq!(l.segment_count(), 3);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn segment_count(&self) -> usize {
        self.parts.iter().map(|p| p.len() - 1).sum()
    }

    /// Every edge as `(part, segment index within the part, start, end)`.
    pub(crate) fn segments(&self) -> impl Iterator<Item = (usize, usize, LatLon, LatLon)> + '_ {
        self.parts.iter().enumerate().flat_map(|(p, part)| {
            part.windows(2)
                .enumerate()
                .map(move |(i, w)| (p, i, w[0], w[1]))
        })
    }
}
