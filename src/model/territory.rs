//! [`Territory`]: a named area such as a country.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{CountryCode, Source};
use crate::distance::Distance;
use crate::measure::{AreaMeasure as _, Buffered, Geodesic, Method, Nearest, PreparedArea, Target};
use crate::position::LatLon;
use crate::shape::Area;

/// A named area: a country, an occupied zone, a region.
///
/// Distances to it are 0 inside and otherwise to the nearest point of its
/// boundary, on WGS84. The area is private and held in its prepared
/// (indexed) form, built when the territory is made: every way to change
/// the area ([`Territory::set_area`], [`Territory::with_area`]) builds a new
/// index, so an answer can never come from geometry that has since changed.
/// Clones share the index.
///
/// ```
/// use strikemap::{Area, LatLon, Territory};
/// let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
/// let t = Territory::new("Square", square);
/// assert!(t.contains(LatLon::new(50.5, 30.5)?));
/// approx::assert_relative_eq!(t.distance_to(LatLon::new(50.5, 29.0)?).as_km(), 70.9, epsilon = 0.1);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Territory {
    /// Its name.
    pub name: String,
    /// The country it belongs to, if it is one or part of one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// Other names it is looked up by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The geometry, edges geodesic, in its prepared form (written as the area).
    area: Arc<PreparedArea>,
    /// The map scale of the data, e.g. `"1:50m"` (used for uncertainty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// Where it comes from.
    #[serde(default)]
    pub source: Source,
    /// How far the boundary was moved by simplifying it for size, if it was
    /// (an uncertainty budget adds it to the map error of its scale).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    simplification_error: Option<Distance>,
    /// The same boundary drawn at another scale, if known (an uncertainty
    /// budget compares the two); not written by serde.
    #[serde(skip)]
    other_scale: Option<Arc<Territory>>,
}

impl Territory {
    /// A territory with a name and an area.
    ///
    /// ```
    /// use strikemap::{Area, Territory};
    /// let a = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]])?;
    /// assert_eq!(Territory::new("T", a).name, "T");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(name: impl Into<String>, area: Area) -> Territory {
        Territory {
            name: name.into(),
            country: None,
            aliases: Vec::new(),
            area: Arc::new(PreparedArea::new(area)),
            scale: None,
            source: Source::default(),
            simplification_error: None,
            other_scale: None,
        }
    }

    /// The geometry, edges geodesic.
    ///
    /// ```
    /// use strikemap::{Area, Territory};
    /// let a = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]])?;
    /// assert_eq!(Territory::new("T", a.clone()).area(), &a);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn area(&self) -> &Area {
        self.area.area()
    }

    /// Replaces the geometry (and builds its index).
    ///
    /// ```
    /// use strikemap::{Area, LatLon, Territory};
    /// let west = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]])?;
    /// let east = Area::from_lon_lat(&[vec![vec![[10.0, 0.0], [11.0, 0.0], [11.0, 1.0], [10.0, 0.0]]]])?;
    /// let mut t = Territory::new("T", west);
    /// let p = LatLon::new(0.2, 10.8)?;
    /// assert!(!t.contains(p));
    /// t.set_area(east);
    /// assert!(t.contains(p));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn set_area(&mut self, area: Area) {
        self.area = Arc::new(PreparedArea::new(area));
    }

    /// The same territory with another geometry (and its index).
    ///
    /// ```
    /// use strikemap::{Area, Territory};
    /// let a = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]])?;
    /// let b = Area::from_lon_lat(&[vec![vec![[10.0, 0.0], [11.0, 0.0], [11.0, 1.0], [10.0, 0.0]]]])?;
    /// assert_eq!(Territory::new("T", a).with_area(b.clone()).area(), &b);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_area(mut self, area: Area) -> Territory {
        self.set_area(area);
        self
    }

    /// The same boundary drawn at another scale, if known.
    ///
    /// ```
    /// use strikemap::countries;
    /// let ua = &countries::get("UA")?.territory;
    /// assert_eq!(ua.other_scale().and_then(|t| t.scale.as_deref()), Some("1:10m"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn other_scale(&self) -> Option<&Territory> {
        self.other_scale.as_deref()
    }

    /// Records the same boundary drawn at another scale (e.g. Natural Earth
    /// 1:10m beside 1:50m): a distance claim measured against this territory
    /// counts the difference between the two in its uncertainty budget.
    /// The other territory's own `other_scale` is dropped (no chains).
    ///
    /// ```
    /// use strikemap::{Area, Territory};
    /// let coarse = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]])?;
    /// let fine = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [0.5, -0.01], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]])?;
    /// let t = Territory::new("T", coarse).with_scale("1:50m")
    ///     .with_other_scale(Territory::new("T", fine).with_scale("1:10m"));
    /// assert_eq!(t.other_scale().unwrap().scale.as_deref(), Some("1:10m"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_other_scale(mut self, mut other: Territory) -> Territory {
        other.other_scale = None;
        self.other_scale = Some(Arc::new(other));
        self
    }

    /// Sets the country.
    ///
    /// ```
    /// # use strikemap::{Area, CountryCode, Territory};
    /// # let a = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]])?;
    /// let t = Territory::new("T", a).with_country(CountryCode::new("UA")?);
    /// assert_eq!(t.country.unwrap().as_str(), "UA");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_country(mut self, country: CountryCode) -> Territory {
        self.country = Some(country);
        self
    }

    /// Adds an alias.
    ///
    /// ```
    /// # use strikemap::{Area, Territory};
    /// # let a = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]])?;
    /// assert_eq!(Territory::new("T", a).with_alias("Tee").aliases, ["Tee"]);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_alias(mut self, alias: impl Into<String>) -> Territory {
        self.aliases.push(alias.into());
        self
    }

    /// Sets the map scale of the data.
    ///
    /// ```
    /// # use strikemap::{Area, Territory};
    /// # let a = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]])?;
    /// assert_eq!(Territory::new("T", a).with_scale("1:10m").scale.as_deref(), Some("1:10m"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_scale(mut self, scale: impl Into<String>) -> Territory {
        self.scale = Some(scale.into());
        self
    }

    /// Records how far simplifying the boundary for size moved it (the
    /// largest distance between the simplified and the original boundary):
    /// a claim's uncertainty budget adds it to the map error of the
    /// territory's scale.
    ///
    /// ```
    /// # use strikemap::{Area, Distance, Territory};
    /// # let a = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]])?;
    /// let t = Territory::new("T", a).with_simplification_error(Distance::from_metres(120.0));
    /// assert_eq!(t.simplification_error(), Some(Distance::from_metres(120.0)));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_simplification_error(mut self, error: Distance) -> Territory {
        self.simplification_error = Some(error);
        self
    }

    /// How far simplifying the boundary moved it, if recorded (see
    /// [`Territory::with_simplification_error`]).
    ///
    /// ```
    /// let ua = strikemap::countries::get("UA")?;
    /// assert_eq!(ua.territory.simplification_error(), None);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn simplification_error(&self) -> Option<Distance> {
        self.simplification_error
    }

    /// Sets the source.
    ///
    /// ```
    /// # use strikemap::{Area, Source, Territory};
    /// # let a = Area::from_lon_lat(&[vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]])?;
    /// assert_eq!(Territory::new("T", a).with_source(Source::new("NE")).source.title, "NE");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Territory {
        self.source = source;
        self
    }

    /// Whether a point lies inside (geodesic edges, holes excluded).
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// let t = Territory::new("Square", square);
    /// assert!(t.contains(LatLon::new(50.5, 30.5)?) && !t.contains(LatLon::new(52.0, 30.5)?));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn contains(&self, p: LatLon) -> bool {
        self.prepared().contains(p)
    }

    /// The shortest distance from a point on WGS84 (0 inside).
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// let t = Territory::new("Square", square);
    /// assert_eq!(t.distance_to(LatLon::new(50.5, 30.5)?), Distance::ZERO);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn distance_to(&self, from: LatLon) -> Distance {
        self.nearest_to(from).distance
    }

    /// The area in km² on WGS84.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// approx::assert_relative_eq!(Territory::new("Square", square).area_km2(), 7_892.0, epsilon = 5.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn area_km2(&self) -> f64 {
        Geodesic.area_km2(self.area())
    }

    /// The prepared (indexed) form of its area.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// let t = Territory::new("Square", square);
    /// assert_eq!(t.prepared().edge_count(), 4);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn prepared(&self) -> &PreparedArea {
        &self.area
    }
}

impl Target for Territory {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        self.prepared().nearest_to(from)
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        self.prepared().nearest_by(from, method)
    }
}

/// A territory is buffered on its prepared area.
impl Buffered for Territory {
    fn vertices(&self) -> Vec<LatLon> {
        self.prepared().vertices()
    }
}
