//! [`AirBase`]: a military airfield.

use serde::{Deserialize, Serialize};

use super::{CountryCode, Site};
use crate::position::LatLon;

/// A military airfield.
///
/// ```
/// use strikemap::{AirBase, CountryCode, LatLon};
/// let olenya = AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?)
///     .with_icao("XLMO");
/// assert_eq!(olenya.site.name, "Olenya");
/// assert_eq!(olenya.icao.as_deref(), Some("XLMO"));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AirBase {
    /// Name, position, country, region, aliases and source.
    #[serde(flatten)]
    pub site: Site,
    /// The ICAO location indicator, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icao: Option<String>,
}

impl AirBase {
    /// An air base with a name, position and country; refine its
    /// [`site`](AirBase::site) with the [`Site`] builders.
    ///
    /// ```
    /// use strikemap::{AirBase, CountryCode, LatLon, Site};
    /// let mut b = AirBase::new("Belaya", LatLon::new(52.915, 103.575)?, CountryCode::new("RU")?);
    /// b.site = b.site.with_region("Irkutsk Oblast");
    /// assert_eq!(b.site.region.as_deref(), Some("Irkutsk Oblast"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(name: impl Into<String>, position: LatLon, country: CountryCode) -> AirBase {
        AirBase {
            site: Site::new(name, position, country).with_category("air base"),
            icao: None,
        }
    }

    /// Wraps a site as an air base.
    ///
    /// ```
    /// use strikemap::{AirBase, CountryCode, LatLon, Site};
    /// let b = AirBase::from_site(Site::new("Engels", LatLon::new(51.48, 46.2)?, CountryCode::new("RU")?));
    /// assert_eq!(b.site.name, "Engels");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_site(site: Site) -> AirBase {
        AirBase { site, icao: None }
    }

    /// Sets the ICAO code.
    ///
    /// ```
    /// use strikemap::{AirBase, CountryCode, LatLon};
    /// let b = AirBase::new("Dyagilevo", LatLon::new(54.64, 39.57)?, CountryCode::new("RU")?).with_icao("UUBD");
    /// assert_eq!(b.icao.as_deref(), Some("UUBD"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_icao(mut self, icao: impl Into<String>) -> AirBase {
        self.icao = Some(icao.into());
        self
    }
}
