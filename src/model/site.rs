//! [`Site`]: any named place (a venue, a school, a depot).

use serde::{Deserialize, Serialize};

use super::{CountryCode, Source};
use crate::position::LatLon;

/// A named place: the general type behind [`AirBase`](crate::AirBase) and
/// [`City`](crate::City), and the type for anything else (a venue such as
/// Istanbul's Çırağan Palace, a school, a depot).
///
/// ```
/// use strikemap::{CountryCode, LatLon, Site, Source};
/// let palace = Site::new("Ciragan Palace", LatLon::new(41.0436, 29.0147)?, CountryCode::new("TR")?)
///     .with_category("venue")
///     .with_region("Istanbul")
///     .with_alias("Çırağan Palace")
///     .with_source(Source::new("Wikipedia: Çırağan Palace"));
/// assert_eq!(palace.aliases, ["Çırağan Palace"]);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    /// The name it is known by.
    pub name: String,
    /// Where it is.
    pub position: LatLon,
    /// The country it lies in (ISO 3166-1 alpha-2).
    pub country: CountryCode,
    /// Region, oblast, province or city district, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Other names and spellings it is looked up by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Where the position comes from.
    #[serde(default)]
    pub source: Source,
    /// What kind of site it is, e.g. `"venue"`, `"school"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

impl Site {
    /// A site with a name, position and country.
    ///
    /// ```
    /// use strikemap::{CountryCode, LatLon, Site};
    /// let s = Site::new("School No. 1", LatLon::new(49.99, 36.23)?, CountryCode::new("UA")?);
    /// assert_eq!(s.name, "School No. 1");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(name: impl Into<String>, position: LatLon, country: CountryCode) -> Site {
        Site {
            name: name.into(),
            position,
            country,
            region: None,
            aliases: Vec::new(),
            source: Source::default(),
            category: None,
        }
    }

    /// Sets the category.
    ///
    /// ```
    /// use strikemap::{CountryCode, LatLon, Site};
    /// let s = Site::new("X", LatLon::new(0.0, 0.0)?, CountryCode::new("UA")?).with_category("school");
    /// assert_eq!(s.category.as_deref(), Some("school"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_category(mut self, category: impl Into<String>) -> Site {
        self.category = Some(category.into());
        self
    }

    /// Sets the region.
    ///
    /// ```
    /// use strikemap::{CountryCode, LatLon, Site};
    /// let s = Site::new("X", LatLon::new(0.0, 0.0)?, CountryCode::new("UA")?).with_region("Kharkiv Oblast");
    /// assert_eq!(s.region.as_deref(), Some("Kharkiv Oblast"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_region(mut self, region: impl Into<String>) -> Site {
        self.region = Some(region.into());
        self
    }

    /// Adds an alias.
    ///
    /// ```
    /// use strikemap::{CountryCode, LatLon, Site};
    /// let s = Site::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?).with_alias("Kiev");
    /// assert_eq!(s.aliases, ["Kiev"]);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_alias(mut self, alias: impl Into<String>) -> Site {
        self.aliases.push(alias.into());
        self
    }

    /// Sets the source.
    ///
    /// ```
    /// use strikemap::{CountryCode, LatLon, Site, Source};
    /// let s = Site::new("X", LatLon::new(0.0, 0.0)?, CountryCode::new("UA")?).with_source(Source::new("AP"));
    /// assert_eq!(s.source.title, "AP");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Site {
        self.source = source;
        self
    }
}
