//! [`Subject`]: anything a distance claim can be about: it has a name and a
//! position.

use crate::model::{AirBase, City, Endpoint, Place, Site, Strike};
use crate::position::LatLon;

/// Something with a name and a position that a distance claim is about: a
/// [`Place`], an [`AirBase`], a [`City`], a [`Site`], a strike's target
/// ([`Strike`], [`Endpoint`]).
///
/// Mix kinds in one claim with trait objects: `&[&dyn Subject]`.
///
/// ```
/// use strikemap::{AirBase, CountryCode, LatLon, claim::Subject, model::Endpoint};
/// let base = AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?);
/// let hit = Endpoint::new("Engels", LatLon::new(51.48, 46.2)?);
/// let both: [&dyn Subject; 2] = [&base, &hit];
/// assert_eq!(both[1].name(), "Engels");
/// assert_eq!(both[0].position().lat(), 68.1517);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub trait Subject {
    /// The name shown in verdicts and explanations.
    fn name(&self) -> &str;
    /// The position distances are measured from.
    fn position(&self) -> LatLon;
}

impl<T: Subject + ?Sized> Subject for &T {
    fn name(&self) -> &str {
        (**self).name()
    }

    fn position(&self) -> LatLon {
        (**self).position()
    }
}

impl Subject for Place {
    fn name(&self) -> &str {
        Place::name(self)
    }

    fn position(&self) -> LatLon {
        Place::position(self)
    }
}

impl Subject for Site {
    fn name(&self) -> &str {
        &self.name
    }

    fn position(&self) -> LatLon {
        self.position
    }
}

impl Subject for AirBase {
    fn name(&self) -> &str {
        &self.site.name
    }

    fn position(&self) -> LatLon {
        self.site.position
    }
}

impl Subject for City {
    fn name(&self) -> &str {
        &self.site.name
    }

    fn position(&self) -> LatLon {
        self.site.position
    }
}

impl Subject for Endpoint {
    fn name(&self) -> &str {
        &self.name
    }

    fn position(&self) -> LatLon {
        self.position
    }
}

/// A strike's subject is its target.
impl Subject for Strike {
    fn name(&self) -> &str {
        &self.target.name
    }

    fn position(&self) -> LatLon {
        self.target.position
    }
}
