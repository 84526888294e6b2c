//! [`Territory`]: a named area such as a country.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{CountryCode, Source};
use crate::distance::Distance;
use crate::measure::{AreaMeasure as _, Geodesic, Method, Nearest, PreparedArea, Target};
use crate::position::LatLon;
use crate::shape::Area;

/// A named area: a country, an occupied zone, a region.
///
/// Distances to it are 0 inside and otherwise to the nearest point of its
/// boundary, on WGS84, through an indexed copy built on first use.
///
/// ```
/// use strikemap::{Area, LatLon, Territory};
/// let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
/// let t = Territory::new("Square", square);
/// assert!(t.contains(LatLon::new(50.5, 30.5)?));
/// approx::assert_relative_eq!(t.distance_to(LatLon::new(50.5, 29.0)?).as_km(), 70.9, epsilon = 0.1);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Territory {
    /// Its name.
    pub name: String,
    /// The country it belongs to, if it is one or part of one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// Other names it is looked up by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The geometry, edges geodesic.
    pub area: Area,
    /// The map scale of the data, e.g. `"1:50m"` (used for uncertainty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// Where it comes from.
    #[serde(default)]
    pub source: Source,
    #[serde(skip)]
    prepared: OnceLock<Box<PreparedArea>>,
}

impl PartialEq for Territory {
    fn eq(&self, other: &Territory) -> bool {
        (
            &self.name,
            self.country,
            &self.aliases,
            &self.area,
            &self.scale,
            &self.source,
        ) == (
            &other.name,
            other.country,
            &other.aliases,
            &other.area,
            &other.scale,
            &other.source,
        )
    }
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
            area,
            scale: None,
            source: Source::default(),
            prepared: OnceLock::new(),
        }
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
    /// # use strikemap::*;
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
    /// # use strikemap::*;
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
    /// # use strikemap::*;
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// approx::assert_relative_eq!(Territory::new("Square", square).area_km2(), 7_892.0, epsilon = 5.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn area_km2(&self) -> f64 {
        Geodesic.area_km2(&self.area)
    }

    /// The prepared (indexed) form, built on first use.
    ///
    /// ```
    /// # use strikemap::*;
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// let t = Territory::new("Square", square);
    /// assert_eq!(t.prepared().edge_count(), 4);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn prepared(&self) -> &PreparedArea {
        self.prepared
            .get_or_init(|| Box::new(PreparedArea::new(self.area.clone())))
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
