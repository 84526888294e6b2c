//! Country boundaries bundled in the crate, usable offline.
//!
//! Natural Earth 4.1.0 admin-0 countries at 1:50m (public domain), via the
//! `world-atlas` 2.0.2 npm package, with ISO 3166-1 codes and English names
//! from Debian's `iso-codes` 4.15. Crimea (including Sevastopol) is part of
//! Ukraine, following internationally recognised borders (UN General Assembly
//! resolution 68/262); Natural Earth's default file puts it in Russia, and the
//! build script (`scripts/countries/build.sh`) moves it explicitly. Ukraine is
//! also bundled at 1:10m for finer answers ([`ukraine_10m`]). See
//! `data/README.md` for counts, accuracy and how to rebuild.

use std::sync::OnceLock;

use geojson::{FeatureCollection, JsonValue};

use crate::error::{Error, Result};
use crate::model::{CountryCode, Source, Territory, normalise_name, suggestions};
use crate::position::LatLon;
use crate::shape::Area;

const COUNTRIES_50M: &str = include_str!("../../data/countries-50m.geojson");
const UKRAINE_10M: &str = include_str!("../../data/ukraine-10m.geojson");

/// A bundled country: its codes, names and boundary.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`None` for a few disputed areas, e.g. Somaliland).
    pub iso_a2: Option<CountryCode>,
    /// ISO 3166-1 alpha-3 code, e.g. `"UKR"`.
    pub iso_a3: Option<String>,
    /// English short name (ISO 3166-1), e.g. `"Ukraine"`, `"Russian Federation"`.
    pub name: String,
    /// The boundary as a territory (named like the country, 1:50m).
    pub territory: Territory,
}

fn text(props: Option<&geojson::JsonObject>, key: &str) -> Option<String> {
    props?.get(key)?.as_str().map(str::to_string)
}

fn load(data: &str, scale: &str, file: &str) -> Result<Vec<Country>> {
    let collection: FeatureCollection = data.parse().map_err(|e: geojson::Error| {
        Error::format(
            file.to_string(),
            "a GeoJSON FeatureCollection",
            e.to_string(),
        )
    })?;
    collection
        .features
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let at = || format!("{file}: feature {i}");
            let props = f.properties.as_ref();
            let name = text(props, "name").unwrap_or_default();
            let geometry = f
                .geometry
                .as_ref()
                .ok_or_else(|| Error::format("geometry", "a MultiPolygon", "null").at(at()))?;
            let area = Area::try_from(geometry).map_err(|e| e.at(at()))?;
            let iso_a2 = text(props, "iso_a2")
                .map(|c| CountryCode::new(&c))
                .transpose()?;
            let iso_a3 = text(props, "iso_a3");
            let source =
                Source::new(text(props, "source").unwrap_or_else(|| "Natural Earth".into()));
            let mut territory = Territory::new(name.clone(), area)
                .with_scale(scale)
                .with_source(source);
            territory.country = iso_a2;
            if let Some(JsonValue::Array(aliases)) = props.and_then(|p| p.get("aliases")) {
                territory.aliases = aliases
                    .iter()
                    .filter_map(|a| a.as_str().map(str::to_string))
                    .collect();
            }
            Ok(Country {
                iso_a2,
                iso_a3,
                name,
                territory,
            })
        })
        .collect()
}

/// The 1:50m countries as read, without their other scales.
fn countries_50m() -> &'static [Country] {
    static ALL: OnceLock<Vec<Country>> = OnceLock::new();
    ALL.get_or_init(|| {
        // Invariant: the bundled file parses (checked by tests on every build).
        #[allow(clippy::expect_used)]
        load(COUNTRIES_50M, "1:50m", "data/countries-50m.geojson").expect("bundled countries parse")
    })
}

/// Ukraine at 1:10m as read, without its other scale.
fn ukraine_10m_alone() -> &'static Territory {
    static UA: OnceLock<Territory> = OnceLock::new();
    UA.get_or_init(|| {
        // Invariant: the bundled file parses and holds exactly one feature
        // (checked by tests on every build of the crate).
        #[allow(clippy::expect_used)]
        let mut countries = load(UKRAINE_10M, "1:10m", "data/ukraine-10m.geojson")
            .expect("bundled Ukraine 1:10m parses");
        #[allow(clippy::expect_used)]
        countries
            .pop()
            .expect("bundled Ukraine 1:10m has one feature")
            .territory
    })
}

/// The countries bundled at a finer scale too, by alpha-2 code: their
/// 1:50m territory carries the finer one as [`Territory::other_scale`], and
/// the finer one carries the 1:50m one.
fn finer_scales() -> [(&'static str, &'static Territory); 1] {
    [("UA", ukraine_10m_alone())]
}

/// Every bundled country at 1:50m (parsed once, on first use). A country
/// also bundled at a finer scale (Ukraine, 1:10m) carries it as
/// [`Territory::other_scale`].
///
/// ```
/// let all = strikemap::countries::all();
/// assert!(all.len() > 200);
/// ```
pub fn all() -> &'static [Country] {
    static ALL: OnceLock<Vec<Country>> = OnceLock::new();
    ALL.get_or_init(|| {
        let finer = finer_scales();
        countries_50m()
            .iter()
            .map(|c| {
                let mut c = c.clone();
                let code = c.iso_a2.map(|a2| a2.as_str().to_string());
                if let Some((_, fine)) = finer.iter().find(|(a2, _)| Some(*a2) == code.as_deref()) {
                    c.territory = c.territory.with_other_scale((*fine).clone());
                }
                c
            })
            .collect()
    })
}

/// A country by ISO 3166-1 alpha-2 code (`"UA"`), alpha-3 code (`"UKR"`),
/// English name or alias (`"Ukraine"`, `"Russia"`), case-insensitive.
///
/// # Errors
/// [`Error::UnknownName`] with the closest names if nothing matches.
///
/// ```
/// use strikemap::{LatLon, countries};
/// let ua = countries::get("UKR")?;
/// assert_eq!(ua.name, "Ukraine");
/// assert!(ua.territory.contains(LatLon::new(44.95, 34.10)?)); // Simferopol
/// assert!(countries::get("Ukrain").unwrap_err().report().to_string().contains("did you mean \"Ukraine\""));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn get(query: &str) -> Result<&'static Country> {
    let key = normalise_name(query);
    let upper = query.trim().to_ascii_uppercase();
    let all = all();
    let found = all.iter().find(|c| {
        c.iso_a2.is_some_and(|a2| a2.as_str() == upper)
            || c.iso_a3.as_deref() == Some(upper.as_str())
            || normalise_name(&c.name) == key
            || c.territory.aliases.iter().any(|a| normalise_name(a) == key)
    });
    found.ok_or_else(|| Error::UnknownName {
        kind: "country",
        name: query.to_string(),
        suggestions: suggestions(
            query,
            all.iter().flat_map(|c| {
                std::iter::once(c.name.as_str())
                    .chain(c.territory.aliases.iter().map(String::as_str))
            }),
        ),
    })
}

/// Ukraine at 1:10m (Natural Earth 4.1.0 via world-atlas, Crimea included),
/// for answers finer than the 1:50m default; its
/// [`other_scale`](Territory::other_scale) is the 1:50m Ukraine.
///
/// ```
/// let ua = strikemap::countries::ukraine_10m();
/// assert_eq!(ua.scale.as_deref(), Some("1:10m"));
/// assert_eq!(ua.other_scale().and_then(|t| t.scale.as_deref()), Some("1:50m"));
/// ```
pub fn ukraine_10m() -> &'static Territory {
    static UA: OnceLock<Territory> = OnceLock::new();
    UA.get_or_init(|| {
        let fine = ukraine_10m_alone().clone();
        match countries_50m()
            .iter()
            .find(|c| c.iso_a2.is_some_and(|a2| a2.as_str() == "UA"))
        {
            Some(coarse) => fine.with_other_scale(coarse.territory.clone()),
            None => fine,
        }
    })
}

/// The bundled country (1:50m) a point lies in, if any: exact containment
/// with geodesic edges. Disputed areas without an ISO code are skipped.
///
/// ```
/// use strikemap::{LatLon, countries};
/// let simferopol = LatLon::new(44.9521, 34.1024)?;
/// assert_eq!(countries::containing(simferopol).map(|c| c.name.as_str()), Some("Ukraine"));
/// assert!(countries::containing(LatLon::new(0.0, -30.0)?).is_none()); // the Atlantic
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn containing(p: LatLon) -> Option<&'static Country> {
    all()
        .iter()
        .find(|c| c.iso_a2.is_some() && c.territory.contains(p))
}
