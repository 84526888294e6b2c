//! [`Place`]: any of the point-like models.

use serde::{Deserialize, Serialize};

use super::{AirBase, City, Site};
use crate::distance::Distance;
use crate::measure::{Buffered, Method, Nearest, Target};
use crate::position::LatLon;

/// What kind of place a [`Place`] is.
///
/// ```
/// assert_eq!(strikemap::model::PlaceKind::AirBase.name(), "air_base");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// An [`AirBase`].
    AirBase,
    /// A [`City`].
    City,
    /// Any other [`Site`].
    Site,
}

impl PlaceKind {
    /// The snake-case name used in JSON and GeoJSON `kind` properties.
    ///
    /// ```
    /// assert_eq!(strikemap::model::PlaceKind::City.name(), "city");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            PlaceKind::AirBase => "air_base",
            PlaceKind::City => "city",
            PlaceKind::Site => "site",
        }
    }
}

/// A point-like place: an air base, a city or another site.
///
/// ```
/// use strikemap::{City, CountryCode, LatLon, Place, model::PlaceKind};
/// let p = Place::from(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?));
/// assert_eq!((p.name(), p.kind()), ("Kyiv", PlaceKind::City));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// An air base.
    AirBase(AirBase),
    /// A city.
    City(City),
    /// Any other site.
    Site(Site),
}

impl Place {
    /// The shared details: name, position, country, region, aliases, source.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, Place};
    /// let p = Place::from(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?));
    /// assert_eq!(p.site().country.as_str(), "UA");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn site(&self) -> &Site {
        match self {
            Place::AirBase(b) => &b.site,
            Place::City(c) => &c.site,
            Place::Site(s) => s,
        }
    }

    /// The shared details, to change them.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, Place};
    /// let mut p = Place::from(City::new("Kiev", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?));
    /// p.site_mut().name = "Kyiv".into();
    /// assert_eq!(p.name(), "Kyiv");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn site_mut(&mut self) -> &mut Site {
        match self {
            Place::AirBase(b) => &mut b.site,
            Place::City(c) => &mut c.site,
            Place::Site(s) => s,
        }
    }

    /// The name.
    ///
    /// ```
    /// use strikemap::{CountryCode, LatLon, Place, Site};
    /// let p = Place::from(Site::new("Ciragan Palace", LatLon::new(41.0436, 29.0147)?, CountryCode::new("TR")?));
    /// assert_eq!(p.name(), "Ciragan Palace");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.site().name
    }

    /// The position.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, Place};
    /// let p = Place::from(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?));
    /// assert_eq!(p.position().to_lon_lat(), [30.52, 50.45]);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn position(&self) -> LatLon {
        self.site().position
    }

    /// The kind.
    ///
    /// ```
    /// use strikemap::{AirBase, CountryCode, LatLon, Place, model::PlaceKind};
    /// let p = Place::from(AirBase::new("Belaya", LatLon::new(52.915, 103.575)?, CountryCode::new("RU")?));
    /// assert_eq!(p.kind(), PlaceKind::AirBase);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn kind(&self) -> PlaceKind {
        match self {
            Place::AirBase(_) => PlaceKind::AirBase,
            Place::City(_) => PlaceKind::City,
            Place::Site(_) => PlaceKind::Site,
        }
    }

    /// The shortest distance from this place to any target on WGS84 (0 inside an area).
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, Place};
    /// let kyiv = Place::from(City::new("Kyiv", LatLon::new(50.4501, 30.5234)?, CountryCode::new("UA")?));
    /// let moscow = LatLon::new(55.7558, 37.6173)?;
    /// approx::assert_relative_eq!(kyiv.distance_to(&moscow).as_km(), 757.09, epsilon = 0.01);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn distance_to(&self, target: &impl Target) -> crate::Distance {
        target.nearest_to(self.position()).distance
    }
}

impl From<AirBase> for Place {
    fn from(b: AirBase) -> Place {
        Place::AirBase(b)
    }
}

impl From<City> for Place {
    fn from(c: City) -> Place {
        Place::City(c)
    }
}

impl From<Site> for Place {
    fn from(s: Site) -> Place {
        Place::Site(s)
    }
}

/// Places are point targets: distances are to their position.
macro_rules! point_target {
    ($($kind:ty => $position:expr),* $(,)?) => {$(
        impl Target for $kind {
            fn nearest_to(&self, from: LatLon) -> Nearest {
                ($position)(self).nearest_to(from)
            }

            fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
                ($position)(self).nearest_by(from, method)
            }

            fn distance_by(&self, from: LatLon, method: Method) -> Distance {
                ($position)(self).distance_by(from, method)
            }
        }

        impl Buffered for $kind {
            fn vertices(&self) -> Vec<LatLon> {
                vec![($position)(self)]
            }
        }
    )*};
}

point_target! {
    Place => Place::position,
    Site => |s: &Site| s.position,
    AirBase => |b: &AirBase| b.site.position,
    City => |c: &City| c.site.position,
}
