//! [`Catalog`]: the places, territories, front lines and strikes of a
//! scenario, looked up by name.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{FrontLine, Place, Strike, Territory, normalise_name, suggestions};
use crate::distance::Distance;
use crate::error::{Error, Reported, Result};
use crate::measure::{Buffered, Method, Nearest, Target};
use crate::position::LatLon;

/// A place with its distance from a reference, as returned by the
/// ranking queries of [`Catalog`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked<'a> {
    /// The place.
    pub place: &'a Place,
    /// Its distance from the reference (geodesic, WGS84).
    pub distance: Distance,
}

/// Anything in a [`Catalog`] a distance can be measured to.
#[derive(Debug, Clone, Copy)]
pub enum TargetRef<'a> {
    /// A place.
    Place(&'a Place),
    /// A territory.
    Territory(&'a Territory),
    /// A front line.
    FrontLine(&'a FrontLine),
}

impl TargetRef<'_> {
    /// The target's name.
    ///
    /// ```
    /// use strikemap::{Catalog, City, CountryCode, LatLon};
    /// let mut c = Catalog::new();
    /// c.add_place(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?))?;
    /// assert_eq!(c.target("kyiv")?.name(), "Kyiv");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        match self {
            TargetRef::Place(p) => p.name(),
            TargetRef::Territory(t) => &t.name,
            TargetRef::FrontLine(f) => &f.name,
        }
    }
}

impl Target for TargetRef<'_> {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        match self {
            TargetRef::Place(p) => p.nearest_to(from),
            TargetRef::Territory(t) => t.nearest_to(from),
            TargetRef::FrontLine(f) => f.nearest_to(from),
        }
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        match self {
            TargetRef::Place(p) => p.nearest_by(from, method),
            TargetRef::Territory(t) => t.nearest_by(from, method),
            TargetRef::FrontLine(f) => f.nearest_by(from, method),
        }
    }
}

impl Buffered for TargetRef<'_> {
    fn vertices(&self) -> Vec<LatLon> {
        match self {
            TargetRef::Place(p) => p.vertices(),
            TargetRef::Territory(t) => t.vertices(),
            TargetRef::FrontLine(f) => f.vertices(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Entry {
    Place(usize),
    Territory(usize),
    FrontLine(usize),
}

/// The places, territories, front lines and strikes of a scenario.
///
/// Names and aliases are unique across the catalog and looked up
/// case-insensitively (hyphens and spaces alike); an unknown name is an
/// error that suggests the closest known names.
///
/// ```
/// use strikemap::{AirBase, Catalog, City, CountryCode, Distance, LatLon};
/// let ru = CountryCode::new("RU")?;
/// let mut c = Catalog::new();
/// c.add_place(City::new("Moscow", LatLon::new(55.7558, 37.6173)?, ru))?;
/// c.add_place(AirBase::new("Dyagilevo", LatLon::new(54.6447, 39.5703)?, ru))?;
/// c.add_place(AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, ru))?;
/// approx::assert_relative_eq!(c.distance("moscow", "DYAGILEVO")?.as_km(), 175.3, epsilon = 0.1);
/// assert_eq!(c.nearest("Moscow", &["Olenya", "Dyagilevo"])?.place.name(), "Dyagilevo");
/// assert_eq!(c.within("Moscow", Distance::from_km(500.0))?.len(), 1);
/// let err = c.place("Olenia").unwrap_err();
/// assert_eq!(err.report().to_string(), "unknown place \"Olenia\"; did you mean \"Olenya\"?");
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(try_from = "CatalogLists", into = "CatalogLists")]
pub struct Catalog {
    places: Vec<Place>,
    territories: Vec<Territory>,
    front_lines: Vec<FrontLine>,
    strikes: Vec<Strike>,
    names: HashMap<String, Entry>,
}

#[derive(Serialize, Deserialize)]
struct CatalogLists {
    #[serde(default)]
    places: Vec<Place>,
    #[serde(default)]
    territories: Vec<Territory>,
    #[serde(default)]
    front_lines: Vec<FrontLine>,
    #[serde(default)]
    strikes: Vec<Strike>,
}

impl TryFrom<CatalogLists> for Catalog {
    type Error = Reported;
    fn try_from(lists: CatalogLists) -> Result<Catalog, Reported> {
        Catalog::from_lists(lists).map_err(Reported)
    }
}

impl Catalog {
    fn from_lists(lists: CatalogLists) -> Result<Catalog> {
        let mut c = Catalog::new();
        for p in lists.places {
            c.add_place(p)?;
        }
        for t in lists.territories {
            c.add_territory(t)?;
        }
        for f in lists.front_lines {
            c.add_front_line(f)?;
        }
        for s in lists.strikes {
            c.add_strike(s);
        }
        Ok(c)
    }
}

impl From<Catalog> for CatalogLists {
    fn from(c: Catalog) -> CatalogLists {
        CatalogLists {
            places: c.places,
            territories: c.territories,
            front_lines: c.front_lines,
            strikes: c.strikes,
        }
    }
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Catalog) -> bool {
        self.places == other.places
            && self.territories == other.territories
            && self.front_lines == other.front_lines
            && self.strikes == other.strikes
    }
}

impl Catalog {
    /// An empty catalog.
    ///
    /// ```
    /// let c = strikemap::Catalog::new();
    /// assert!(c.places().is_empty());
    /// ```
    pub fn new() -> Catalog {
        Catalog::default()
    }

    fn register(&mut self, names: &[&str], kind: &'static str, entry: Entry) -> Result<()> {
        let keys: Vec<String> = names.iter().map(|n| normalise_name(n)).collect();
        for (key, name) in keys.iter().zip(names) {
            let clash = self.names.get(key).is_some_and(|e| *e != entry);
            if key.is_empty() || clash {
                return Err(Error::DuplicateName {
                    kind,
                    name: (*name).to_string(),
                });
            }
        }
        for key in keys {
            self.names.insert(key, entry);
        }
        Ok(())
    }

    /// Adds an air base, city or site.
    ///
    /// # Errors
    /// [`Error::DuplicateName`] if its name or an alias is already taken (or empty).
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let ru = CountryCode::new("RU")?;
    /// # let mut c = Catalog::new();
    /// # c.add_place(City::new("Moscow", LatLon::new(55.7558, 37.6173)?, ru))?;
    /// # c.add_place(AirBase::new("Dyagilevo", LatLon::new(54.6417, 39.5717)?, ru))?;
    /// assert_eq!(c.places().len(), 2);
    /// assert!(c.add_place(City::new("MOSCOW", LatLon::new(0.0, 0.0)?, ru)).is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn add_place(&mut self, place: impl Into<Place>) -> Result<()> {
        let place = place.into();
        let site = place.site();
        let mut names: Vec<&str> = vec![site.name.as_str()];
        names.extend(site.aliases.iter().map(String::as_str));
        self.register(&names, "place", Entry::Place(self.places.len()))?;
        self.places.push(place);
        Ok(())
    }

    /// Adds a territory.
    ///
    /// # Errors
    /// [`Error::DuplicateName`] if its name or an alias is already taken.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let square = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]]])?;
    /// let mut c = Catalog::new();
    /// c.add_territory(Territory::new("Square", square))?;
    /// assert_eq!(c.territory("square")?.name, "Square");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn add_territory(&mut self, territory: Territory) -> Result<()> {
        let mut names: Vec<&str> = vec![territory.name.as_str()];
        names.extend(territory.aliases.iter().map(String::as_str));
        self.register(
            &names,
            "territory",
            Entry::Territory(self.territories.len()),
        )?;
        self.territories.push(territory);
        Ok(())
    }

    /// Adds a front line.
    ///
    /// # Errors
    /// [`Error::DuplicateName`] if its name is already taken.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let line = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// # let front = FrontLine::new("Sketch", strikemap::Date::constant(2025, 6, 2), line);
    /// let mut c = Catalog::new();
    /// c.add_front_line(front)?;
    /// assert_eq!(c.front_lines().len(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn add_front_line(&mut self, front: FrontLine) -> Result<()> {
        self.register(
            &[front.name.as_str()],
            "front line",
            Entry::FrontLine(self.front_lines.len()),
        )?;
        self.front_lines.push(front);
        Ok(())
    }

    /// Adds a strike (strikes are not looked up by name).
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let target = Endpoint::new("Kharkiv", LatLon::new(49.9935, 36.2304)?);
    /// # let s = Strike::new(strikemap::Date::constant(2025, 6, 2), target, Weapon::BallisticMissile);
    /// let mut c = Catalog::new();
    /// c.add_strike(s);
    /// assert_eq!(c.strikes().len(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn add_strike(&mut self, strike: Strike) {
        self.strikes.push(strike);
    }

    /// Every place, in the order added.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let ru = CountryCode::new("RU")?;
    /// # let mut c = Catalog::new();
    /// # c.add_place(City::new("Moscow", LatLon::new(55.7558, 37.6173)?, ru))?;
    /// # c.add_place(AirBase::new("Dyagilevo", LatLon::new(54.6417, 39.5717)?, ru))?;
    /// assert_eq!(c.places()[0].name(), "Moscow");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Every territory, in the order added.
    ///
    /// ```
    /// assert!(strikemap::Catalog::new().territories().is_empty());
    /// ```
    pub fn territories(&self) -> &[Territory] {
        &self.territories
    }

    /// Every front line, in the order added.
    ///
    /// ```
    /// assert!(strikemap::Catalog::new().front_lines().is_empty());
    /// ```
    pub fn front_lines(&self) -> &[FrontLine] {
        &self.front_lines
    }

    /// Every strike, in the order added.
    ///
    /// ```
    /// assert!(strikemap::Catalog::new().strikes().is_empty());
    /// ```
    pub fn strikes(&self) -> &[Strike] {
        &self.strikes
    }

    fn unknown(&self, kind: &'static str, name: &str, filter: impl Fn(&Entry) -> bool) -> Error {
        let known = self.all_names().filter(|(_, e)| filter(e)).map(|(n, _)| n);
        Error::UnknownName {
            kind,
            name: name.to_string(),
            suggestions: suggestions(name, known),
        }
    }

    /// Every display name and alias with its entry.
    fn all_names(&self) -> impl Iterator<Item = (&str, Entry)> + '_ {
        let places = self.places.iter().enumerate().flat_map(|(i, p)| {
            std::iter::once(p.name())
                .chain(p.site().aliases.iter().map(String::as_str))
                .map(move |n| (n, Entry::Place(i)))
        });
        let territories = self.territories.iter().enumerate().flat_map(|(i, t)| {
            std::iter::once(t.name.as_str())
                .chain(t.aliases.iter().map(String::as_str))
                .map(move |n| (n, Entry::Territory(i)))
        });
        let fronts = self
            .front_lines
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name.as_str(), Entry::FrontLine(i)));
        places.chain(territories).chain(fronts)
    }

    /// A place by name or alias.
    ///
    /// # Errors
    /// [`Error::UnknownName`] with suggestions if no place has that name.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let ru = CountryCode::new("RU")?;
    /// # let mut c = Catalog::new();
    /// # c.add_place(City::new("Moscow", LatLon::new(55.7558, 37.6173)?, ru))?;
    /// # c.add_place(AirBase::new("Dyagilevo", LatLon::new(54.6417, 39.5717)?, ru))?;
    /// assert_eq!(c.place("dyagilevo")?.kind(), PlaceKind::AirBase);
    /// assert!(c.place("Dyagilev").is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn place(&self, name: &str) -> Result<&Place> {
        match self.names.get(&normalise_name(name)) {
            Some(Entry::Place(i)) => Ok(&self.places[*i]),
            _ => Err(self.unknown("place", name, |e| matches!(e, Entry::Place(_)))),
        }
    }

    /// A territory by name or alias.
    ///
    /// # Errors
    /// [`Error::UnknownName`] with suggestions if no territory has that name.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let ru = CountryCode::new("RU")?;
    /// # let mut c = Catalog::new();
    /// # c.add_place(City::new("Moscow", LatLon::new(55.7558, 37.6173)?, ru))?;
    /// # c.add_place(AirBase::new("Dyagilevo", LatLon::new(54.6417, 39.5717)?, ru))?;
    /// assert!(matches!(c.territory("Moscow"), Err(Error::UnknownName { .. })));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn territory(&self, name: &str) -> Result<&Territory> {
        match self.names.get(&normalise_name(name)) {
            Some(Entry::Territory(i)) => Ok(&self.territories[*i]),
            _ => Err(self.unknown("territory", name, |e| matches!(e, Entry::Territory(_)))),
        }
    }

    /// A front line by name.
    ///
    /// # Errors
    /// [`Error::UnknownName`] with suggestions if no front line has that name.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let ru = CountryCode::new("RU")?;
    /// # let mut c = Catalog::new();
    /// # c.add_place(City::new("Moscow", LatLon::new(55.7558, 37.6173)?, ru))?;
    /// # c.add_place(AirBase::new("Dyagilevo", LatLon::new(54.6417, 39.5717)?, ru))?;
    /// assert!(c.front_line("Front").is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn front_line(&self, name: &str) -> Result<&FrontLine> {
        match self.names.get(&normalise_name(name)) {
            Some(Entry::FrontLine(i)) => Ok(&self.front_lines[*i]),
            _ => Err(self.unknown("front line", name, |e| matches!(e, Entry::FrontLine(_)))),
        }
    }

    /// Any named place, territory or front line.
    ///
    /// # Errors
    /// [`Error::UnknownName`] with suggestions if nothing has that name.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let ru = CountryCode::new("RU")?;
    /// # let mut c = Catalog::new();
    /// # c.add_place(City::new("Moscow", LatLon::new(55.7558, 37.6173)?, ru))?;
    /// # c.add_place(AirBase::new("Dyagilevo", LatLon::new(54.6417, 39.5717)?, ru))?;
    /// let t = c.target("Dyagilevo")?;
    /// assert!(matches!(t, TargetRef::Place(_)));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn target(&self, name: &str) -> Result<TargetRef<'_>> {
        match self.names.get(&normalise_name(name)) {
            Some(Entry::Place(i)) => Ok(TargetRef::Place(&self.places[*i])),
            Some(Entry::Territory(i)) => Ok(TargetRef::Territory(&self.territories[*i])),
            Some(Entry::FrontLine(i)) => Ok(TargetRef::FrontLine(&self.front_lines[*i])),
            None => Err(self.unknown("name", name, |_| true)),
        }
    }

    /// The shortest distance on WGS84 from a named place to any named target
    /// (a place, a territory: 0 inside, or a front line).
    ///
    /// # Errors
    /// [`Error::UnknownName`] for either name.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let ru = CountryCode::new("RU")?;
    /// # let mut c = Catalog::new();
    /// # c.add_place(City::new("Moscow", LatLon::new(55.7558, 37.6173)?, ru))?;
    /// # c.add_place(AirBase::new("Dyagilevo", LatLon::new(54.6417, 39.5717)?, ru))?;
    /// approx::assert_relative_eq!(c.distance("Moscow", "Dyagilevo")?.as_km(), 175.7, epsilon = 0.1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn distance(&self, from: &str, to: &str) -> Result<Distance> {
        let from = self.place(from)?;
        Ok(self.target(to)?.nearest_to(from.position()).distance)
    }

    fn ranked<'a>(&'a self, from: &str, among: &[&str]) -> Result<Vec<Ranked<'a>>> {
        let origin = self.place(from)?.position();
        let mut out = among
            .iter()
            .map(|name| {
                let place = self.place(name)?;
                Ok(Ranked {
                    place,
                    distance: place.distance_to(&origin),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        out.sort_by(|a, b| a.distance.total_cmp(&b.distance));
        Ok(out)
    }

    /// The place of `among` nearest to `from`.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for any name; [`Error::NoSubjects`] if `among` is empty.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let ru = CountryCode::new("RU")?;
    /// # let mut c = Catalog::new();
    /// # c.add_place(City::new("Moscow", LatLon::new(55.7558, 37.6173)?, ru))?;
    /// # c.add_place(AirBase::new("Dyagilevo", LatLon::new(54.6417, 39.5717)?, ru))?;
    /// assert_eq!(c.nearest("Moscow", &["Dyagilevo"])?.place.name(), "Dyagilevo");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn nearest<'a>(&'a self, from: &str, among: &[&str]) -> Result<Ranked<'a>> {
        self.ranked(from, among)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::NoSubjects {
                claim: format!("nearest to {from}"),
            })
    }

    /// The place of `among` farthest from `from`.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for any name; [`Error::NoSubjects`] if `among` is empty.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let ru = CountryCode::new("RU")?;
    /// # let mut c = Catalog::new();
    /// # c.add_place(City::new("Moscow", LatLon::new(55.7558, 37.6173)?, ru))?;
    /// # c.add_place(AirBase::new("Dyagilevo", LatLon::new(54.6417, 39.5717)?, ru))?;
    /// let r = c.farthest("Dyagilevo", &["Moscow", "Dyagilevo"])?;
    /// assert_eq!(r.place.name(), "Moscow");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn farthest<'a>(&'a self, from: &str, among: &[&str]) -> Result<Ranked<'a>> {
        self.ranked(from, among)?
            .into_iter()
            .last()
            .ok_or_else(|| Error::NoSubjects {
                claim: format!("farthest from {from}"),
            })
    }

    /// Every other place within `distance` of `from` (inclusive), nearest first.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for `from`.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let ru = CountryCode::new("RU")?;
    /// # let mut c = Catalog::new();
    /// # c.add_place(City::new("Moscow", LatLon::new(55.7558, 37.6173)?, ru))?;
    /// # c.add_place(AirBase::new("Dyagilevo", LatLon::new(54.6417, 39.5717)?, ru))?;
    /// assert_eq!(c.within("Moscow", Distance::from_km(200.0))?.len(), 1);
    /// assert!(c.within("Moscow", Distance::from_km(100.0))?.is_empty());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn within<'a>(&'a self, from: &str, distance: Distance) -> Result<Vec<Ranked<'a>>> {
        let origin_place = self.place(from)?;
        let origin = origin_place.position();
        let mut out: Vec<Ranked<'a>> = self
            .places
            .iter()
            .filter(|p| !std::ptr::eq(*p, origin_place))
            .map(|place| Ranked {
                place,
                distance: place.distance_to(&origin),
            })
            .filter(|r| r.distance <= distance)
            .collect();
        out.sort_by(|a, b| a.distance.total_cmp(&b.distance));
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AirBase, City, CountryCode, Site};

    fn catalog() -> Catalog {
        let ru = CountryCode::new("RU").unwrap();
        let ua = CountryCode::new("UA").unwrap();
        let mut c = Catalog::new();
        c.add_place(
            City::new("Kyiv", LatLon::new(50.4501, 30.5234).unwrap(), ua).into_alias("Kiev"),
        )
        .unwrap();
        c.add_place(City::new(
            "Moscow",
            LatLon::new(55.7558, 37.6173).unwrap(),
            ru,
        ))
        .unwrap();
        c.add_place(AirBase::new(
            "Ivanovo Severny",
            LatLon::new(57.0575, 40.9808).unwrap(),
            ru,
        ))
        .unwrap();
        c.add_place(AirBase::new(
            "Dyagilevo",
            LatLon::new(54.6447, 39.5703).unwrap(),
            ru,
        ))
        .unwrap();
        c
    }

    trait IntoAlias {
        fn into_alias(self, a: &str) -> Self;
    }
    impl IntoAlias for City {
        fn into_alias(mut self, a: &str) -> City {
            self.site = self.site.with_alias(a);
            self
        }
    }

    #[test]
    fn lookups() {
        let c = catalog();
        assert_eq!(c.place("KIEV").unwrap().name(), "Kyiv");
        assert_eq!(
            c.place("ivanovo-severny").unwrap().name(),
            "Ivanovo Severny"
        );
        let e = c.place("Ivanovo").unwrap_err();
        assert!(
            matches!(&e, Error::UnknownName { suggestions, .. } if suggestions == &["Ivanovo Severny"])
        );
        let dup = City::new(
            "kyiv",
            LatLon::new(0.0, 0.0).unwrap(),
            CountryCode::new("UA").unwrap(),
        );
        assert!(matches!(
            catalog().add_place(dup),
            Err(Error::DuplicateName { .. })
        ));
        let empty = Site::new(
            "",
            LatLon::new(0.0, 0.0).unwrap(),
            CountryCode::new("UA").unwrap(),
        );
        assert!(catalog().add_place(empty).is_err());
    }

    #[test]
    fn rankings() {
        let c = catalog();
        let bases = ["Ivanovo Severny", "Dyagilevo"];
        assert_eq!(
            c.nearest("Moscow", &bases).unwrap().place.name(),
            "Dyagilevo"
        );
        assert_eq!(
            c.farthest("Moscow", &bases).unwrap().place.name(),
            "Ivanovo Severny"
        );
        assert!(matches!(
            c.nearest("Moscow", &[]),
            Err(Error::NoSubjects { .. })
        ));
        let within = c.within("Moscow", Distance::from_km(300.0)).unwrap();
        let names: Vec<&str> = within.iter().map(|r| r.place.name()).collect();
        assert_eq!(names, ["Dyagilevo", "Ivanovo Severny"]);
        assert!(within[0].distance <= within[1].distance);
        assert_eq!(
            c.within("Moscow", Distance::from_km(100.0)).unwrap().len(),
            0
        );
    }

    #[test]
    fn serde_round_trip() {
        let c = catalog();
        let json = serde_json::to_string(&c).unwrap();
        let back: Catalog = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        assert_eq!(back.place("Kiev").unwrap().name(), "Kyiv");
    }
}
