//! [`FrontLine`]: a line of contact as of a date.

use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Source;
use crate::distance::Distance;
use crate::measure::{
    Buffered, Geodesic, LengthMeasure as _, Method, Nearest, PreparedLine, Target,
};
use crate::position::LatLon;
use crate::shape::Line;

/// A front line (line of contact) as of a date, in one or more parts.
///
/// The line is private and held in its prepared (indexed) form, built when
/// the front line is made: every way to change it ([`FrontLine::set_line`],
/// [`FrontLine::with_line`]) builds a new index, so an answer can never come
/// from geometry that has since changed. Clones share the index.
///
/// ```
/// use strikemap::{FrontLine, LatLon, Line, Source};
/// let line = Line::from_vertices(vec![LatLon::new(46.75, 33.0)?, LatLon::new(47.57, 35.5)?, LatLon::new(48.1, 37.7)?])?;
/// let front = FrontLine::new("Sketch", strikemap::Date::constant(2025, 6, 2), line)
///     .approximate()
///     .with_source(Source::new("ISW map, 2 June 2025"));
/// approx::assert_relative_eq!(front.length().as_km(), 385.25, epsilon = 0.01);
/// assert!(front.distance_to(LatLon::new(50.0, 36.23)?) > strikemap::Distance::from_km(100.0));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontLine {
    /// Its name.
    pub name: String,
    /// The date it describes.
    pub as_of: Date,
    /// The geometry, edges geodesic, in its prepared form (written as the line).
    line: Arc<PreparedLine>,
    /// Whether it is a rough sketch rather than a surveyed line.
    #[serde(default)]
    pub approximate: bool,
    /// Names of the vertices (e.g. the towns it was drawn through), if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waypoints: Vec<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

impl FrontLine {
    /// A front line with a name, date and geometry.
    ///
    /// ```
    /// use strikemap::{FrontLine, LatLon, Line};
    /// let l = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// let f = FrontLine::new("Zaporizhzhia sector", strikemap::Date::constant(2025, 6, 2), l);
    /// assert!(!f.approximate);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(name: impl Into<String>, as_of: Date, line: Line) -> FrontLine {
        FrontLine {
            name: name.into(),
            as_of,
            line: Arc::new(PreparedLine::new(line)),
            approximate: false,
            waypoints: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// The geometry, edges geodesic.
    ///
    /// ```
    /// use strikemap::{FrontLine, LatLon, Line};
    /// let l = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// let f = FrontLine::new("x", strikemap::Date::constant(2025, 6, 2), l.clone());
    /// assert_eq!(f.line(), &l);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn line(&self) -> &Line {
        self.line.line()
    }

    /// Replaces the geometry (and builds its index).
    ///
    /// ```
    /// use strikemap::{Distance, FrontLine, LatLon, Line};
    /// let old = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// let new = Line::from_vertices(vec![LatLon::new(50.0, 36.0)?, LatLon::new(50.0, 36.5)?])?;
    /// let mut f = FrontLine::new("x", strikemap::Date::constant(2025, 6, 2), old);
    /// f.set_line(new);
    /// assert_eq!(f.distance_to(LatLon::new(50.0, 36.5)?), Distance::ZERO);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn set_line(&mut self, line: Line) {
        self.line = Arc::new(PreparedLine::new(line));
    }

    /// The same front line with another geometry (and its index).
    ///
    /// ```
    /// use strikemap::{FrontLine, LatLon, Line};
    /// let a = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// let b = Line::from_vertices(vec![LatLon::new(50.0, 36.0)?, LatLon::new(50.0, 36.5)?])?;
    /// let f = FrontLine::new("x", strikemap::Date::constant(2025, 6, 2), a).with_line(b.clone());
    /// assert_eq!(f.line(), &b);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_line(mut self, line: Line) -> FrontLine {
        self.set_line(line);
        self
    }

    /// Marks it as a sketch.
    ///
    /// ```
    /// # use strikemap::{FrontLine, LatLon, Line};
    /// # let l = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// assert!(FrontLine::new("x", strikemap::Date::constant(2025, 6, 2), l).approximate().approximate);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn approximate(mut self) -> FrontLine {
        self.approximate = true;
        self
    }

    /// Names the vertices (e.g. the towns the line was drawn through).
    ///
    /// ```
    /// # use strikemap::{FrontLine, LatLon, Line};
    /// # let l = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// let f = FrontLine::new("x", strikemap::Date::constant(2025, 6, 2), l).with_waypoints(["Kamianske", "Pokrovsk"]);
    /// assert_eq!(f.waypoints.len(), 2);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_waypoints<S: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = S>,
    ) -> FrontLine {
        self.waypoints = names.into_iter().map(Into::into).collect();
        self
    }

    /// Adds a source.
    ///
    /// ```
    /// # use strikemap::{FrontLine, LatLon, Line, Source};
    /// # let l = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// let f = FrontLine::new("x", strikemap::Date::constant(2025, 6, 2), l).with_source(Source::new("DeepState"));
    /// assert_eq!(f.sources[0].title, "DeepState");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> FrontLine {
        self.sources.push(source);
        self
    }

    /// The length along its geodesic edges on WGS84.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let line = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// # let front = FrontLine::new("Sketch", strikemap::Date::constant(2025, 6, 2), line);
    /// approx::assert_relative_eq!(front.length().as_km(), 218.5, epsilon = 0.5);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn length(&self) -> Distance {
        Geodesic.length(self.line())
    }

    /// The shortest distance from a point to the line on WGS84.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let line = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// # let front = FrontLine::new("Sketch", strikemap::Date::constant(2025, 6, 2), line);
    /// assert_eq!(front.distance_to(LatLon::new(47.0, 35.0)?), Distance::ZERO);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn distance_to(&self, from: LatLon) -> Distance {
        self.nearest_to(from).distance
    }

    /// The prepared (indexed) form of its line.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let line = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// # let front = FrontLine::new("Sketch", strikemap::Date::constant(2025, 6, 2), line);
    /// assert_eq!(front.prepared().line().segment_count(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn prepared(&self) -> &PreparedLine {
        &self.line
    }
}

impl Target for FrontLine {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        self.prepared().nearest_to(from)
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        self.prepared().nearest_by(from, method)
    }
}

/// A front line is buffered on its prepared line.
impl Buffered for FrontLine {
    fn vertices(&self) -> Vec<LatLon> {
        self.prepared().vertices()
    }
}
