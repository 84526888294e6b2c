//! [`City`]: a town or city.

use serde::{Deserialize, Serialize};

use super::{CountryCode, Site};
use crate::position::LatLon;

/// A town or city, positioned at its centre.
///
/// ```
/// use strikemap::{City, CountryCode, LatLon};
/// let kyiv = City::new("Kyiv", LatLon::new(50.4501, 30.5234)?, CountryCode::new("UA")?).with_population(2_952_301);
/// assert_eq!(kyiv.population, Some(2_952_301));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct City {
    /// Name, position, country, region, aliases and source.
    #[serde(flatten)]
    pub site: Site,
    /// Population, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
}

impl City {
    /// A city with a name, position and country; refine its
    /// [`site`](City::site) with the [`Site`] builders.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon};
    /// let c = City::new("Kharkiv", LatLon::new(49.9935, 36.2304)?, CountryCode::new("UA")?);
    /// assert_eq!(c.site.country.as_str(), "UA");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(name: impl Into<String>, position: LatLon, country: CountryCode) -> City {
        City {
            site: Site::new(name, position, country).with_category("city"),
            population: None,
        }
    }

    /// Wraps a site as a city.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, Site};
    /// let c = City::from_site(Site::new("Moscow", LatLon::new(55.7558, 37.6173)?, CountryCode::new("RU")?));
    /// assert_eq!(c.site.name, "Moscow");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_site(site: Site) -> City {
        City {
            site,
            population: None,
        }
    }

    /// Sets the population.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon};
    /// let c = City::new("Moscow", LatLon::new(55.7558, 37.6173)?, CountryCode::new("RU")?).with_population(13_000_000);
    /// assert_eq!(c.population, Some(13_000_000));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_population(mut self, population: u64) -> City {
        self.population = Some(population);
        self
    }
}
