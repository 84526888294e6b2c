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
use crate::model::{CountryCode, Source, Territory, edit_distance_within, normalise_name};
use crate::position::LatLon;
use crate::shape::Area;

use super::bounds::Bounds;

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

/// Each country's name and aliases as look-up keys ([`normalise_name`]), in
/// [`all`]'s order (computed on first use, not on every look-up).
fn name_keys() -> &'static [Vec<String>] {
    static KEYS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    KEYS.get_or_init(|| {
        all()
            .iter()
            .map(|c| {
                std::iter::once(&c.name)
                    .chain(&c.territory.aliases)
                    .map(|n| normalise_name(n))
                    .collect()
            })
            .collect()
    })
}

/// Common names people write for a country that are neither its ISO 3166-1
/// short name, its codes, nor one of Natural Earth's aliases in `data/`:
/// (name, ISO 3166-1 alpha-2 code of the bundled country).
const COMMON_NAMES: [(&str, &str); 14] = [
    // ISO 3166-1 reserves "UK" exceptionally for the United Kingdom (at its
    // request); "GB" is the assigned code. "Britain" and "Great Britain"
    // are the everyday names (the ISO name is "United Kingdom of Great
    // Britain and Northern Ireland").
    ("UK", "GB"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    // ISO 3166-1 "Palestine, State of" (PS) covers the West Bank (including
    // East Jerusalem) and the Gaza Strip; Natural Earth draws both in the
    // one PS feature bundled here.
    ("Gaza", "PS"),
    ("Gaza Strip", "PS"),
    ("West Bank", "PS"),
    ("State of Palestine", "PS"),
    // "Türkiye" (ISO 3166-1 since 2022) typed without the diaeresis.
    ("Turkiye", "TR"),
    // The Czech Republic's short name since 2016 is "Czechia" (ISO 3166-1).
    ("Czech", "CZ"),
    // The names the two Koreas are known by in English news.
    ("DPRK", "KP"),
    ("ROK", "KR"),
    ("Republic of Korea", "KR"),
    // "Moldavia", the older English name still found in reports.
    ("Moldavia", "MD"),
    ("Russian", "RU"),
];

/// Regions people write as if they were countries, refused with the
/// country they are part of under international law: (name, country,
/// its ISO 3166-1 alpha-2 code).
const REGIONS: [(&str, &str, &str); 9] = [
    // Transnistria: part of the Republic of Moldova (UN General Assembly
    // resolution 72/282, 2018, on the withdrawal of foreign forces from
    // the territory of Moldova).
    ("Transnistria", "Moldova", "MD"),
    ("Pridnestrovie", "Moldova", "MD"),
    // Abkhazia and South Ossetia (Tskhinvali region): parts of Georgia (UN
    // General Assembly resolution 62/249, 2008, and its yearly successors
    // on the displaced persons "from Abkhazia, Georgia and the Tskhinvali
    // region/South Ossetia, Georgia").
    ("Abkhazia", "Georgia", "GE"),
    ("South Ossetia", "Georgia", "GE"),
    ("Tskhinvali region", "Georgia", "GE"),
    // Crimea: part of Ukraine (UN General Assembly resolution 68/262,
    // 2014); the Donbas (Donetsk and Luhansk oblasts): part of Ukraine (UN
    // General Assembly resolution ES-11/4, 2022).
    ("Crimea", "Ukraine", "UA"),
    ("Donbas", "Ukraine", "UA"),
    ("Donbass", "Ukraine", "UA"),
    ("Sevastopol", "Ukraine", "UA"),
];

impl Country {
    /// The name a reader knows the country by: the ISO 3166-1 short name,
    /// or, where that is an inverted or official form ("Iran, Islamic
    /// Republic of", "Russian Federation"), the common name among its
    /// aliases ("Iran", "Russia").
    ///
    /// ```
    /// use strikemap::countries;
    /// assert_eq!(countries::get("IR")?.common_name(), "Iran");
    /// assert_eq!(countries::get("RU")?.common_name(), "Russia");
    /// assert_eq!(countries::get("UA")?.common_name(), "Ukraine");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn common_name(&self) -> &str {
        // Official forms whose common name is the first alias (ISO 3166-1
        // short names that are not what English text calls the country).
        const OFFICIAL: [&str; 6] = ["RU", "SY", "LA", "VN", "BN", "VA"];
        let official = self
            .iso_a2
            .is_some_and(|a2| OFFICIAL.contains(&a2.as_str()));
        if !official && !self.name.contains(',') {
            return &self.name;
        }
        self.territory
            .aliases
            .iter()
            .find(|a| !a.contains(['.', ',']) && a.len() < self.name.len())
            .map_or_else(
                || self.name.split(',').next().unwrap_or(&self.name),
                String::as_str,
            )
    }
}

/// The bundled country with this alpha-2 code.
fn by_alpha2(code: &str) -> Option<&'static Country> {
    all()
        .iter()
        .find(|c| c.iso_a2.is_some_and(|a2| a2.as_str() == code))
}

/// A country by ISO 3166-1 alpha-2 code (`"UA"`), alpha-3 code (`"UKR"`),
/// English name, alias or common name (`"Ukraine"`, `"Russia"`, `"UK"`,
/// `"Gaza"`), case-insensitive.
///
/// # Errors
/// [`Error::Format`] for a region written as a country (`"Crimea"`,
/// `"Transnistria"`, `"Abkhazia"`), naming the country it is part of;
/// [`Error::UnknownName`] with the closest names if nothing matches (codes
/// and aliases first on equal edit distance, so `"UKK"` suggests the United
/// Kingdom before Ukraine).
///
/// ```
/// use strikemap::{LatLon, countries};
/// let ua = countries::get("UKR")?;
/// assert_eq!(ua.name, "Ukraine");
/// assert!(ua.territory.contains(LatLon::new(44.95, 34.10)?)); // Simferopol
/// assert_eq!(countries::get("UK")?.name, "United Kingdom");
/// assert!(countries::get("Ukrain").unwrap_err().report().to_string().contains("did you mean \"Ukraine\""));
/// let crimea = countries::get("Crimea").unwrap_err();
/// assert!(crimea.report().to_string().contains("not a country: a region of Ukraine"));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn get(query: &str) -> Result<&'static Country> {
    let key = normalise_name(query);
    let upper = query.trim().to_ascii_uppercase();
    let all = all();
    let keys = name_keys();
    let found = all.iter().zip(keys).find_map(|(c, names)| {
        (c.iso_a2.is_some_and(|a2| a2.as_str() == upper)
            || c.iso_a3.as_deref() == Some(upper.as_str())
            || names.contains(&key))
        .then_some(c)
    });
    if let Some(c) = found {
        return Ok(c);
    }
    // "U.K." as "UK".
    let undotted = key.replace('.', "");
    if let Some(c) = COMMON_NAMES
        .iter()
        .find(|(name, _)| normalise_name(name) == undotted)
        .and_then(|(_, code)| by_alpha2(code))
    {
        return Ok(c);
    }
    if let Some((_, country, code)) = REGIONS
        .iter()
        .find(|(name, ..)| normalise_name(name) == key)
    {
        return Err(Error::Format {
            expected: "a country (an ISO 3166-1 code or an English name)".into(),
            found: format!(
                "{query:?}, which is not a country: a region of {country} (country:{code})"
            ),
        });
    }
    Err(Error::UnknownName {
        kind: "country",
        name: query.to_string(),
        suggestions: suggest(&key),
    })
}

/// Up to three names of countries close to `key` (a normalised query), one
/// per country, best first: by edit distance on the normalised name, an
/// alias or common name before a code before the ISO name on equal
/// distance, names that begin with the query last.
fn suggest(key: &str) -> Vec<String> {
    if key.is_empty() {
        return Vec::new();
    }
    let limit = (key.chars().count() / 3).max(1);
    // (score, rank: 0 an alias or common name, 1 a code, 2 the ISO name;
    // text shown, country index)
    let mut scored: Vec<(usize, u8, String, usize)> = Vec::new();
    for (i, c) in all().iter().enumerate() {
        let codes = c
            .iso_a2
            .map(|a2| a2.as_str().to_string())
            .into_iter()
            .chain(c.iso_a3.clone());
        let common = COMMON_NAMES
            .iter()
            .filter(|(_, code)| c.iso_a2.is_some_and(|a2| a2.as_str() == *code))
            .map(|(name, _)| (*name).to_string());
        let names = std::iter::once((c.name.clone(), 2))
            .chain(c.territory.aliases.iter().map(|a| (a.clone(), 0)))
            .chain(common.map(|n| (n, 0)))
            .chain(codes.map(|code| (code, 1)));
        for (text, rank) in names {
            let k = normalise_name(&text);
            let score = if let Some(d) = edit_distance_within(key, &k, limit) {
                d
            } else if key.chars().count() > 3 && k.starts_with(key) {
                limit + 1
            } else {
                continue;
            };
            // A code is suggested as the country's name.
            let shown = if text.chars().all(|ch| ch.is_ascii_uppercase()) && text.len() <= 4 {
                c.name.clone()
            } else {
                text
            };
            scored.push((score, rank, shown, i));
        }
    }
    scored.sort();
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for (_, _, shown, i) in scored {
        if !seen.contains(&i) {
            seen.push(i);
            out.push(shown);
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

/// The bundled country a point lies in (exact containment in the 1:50m
/// boundaries, Crimea in Ukraine), or `None` at sea or in a place no
/// bundled country covers.
///
/// Used to show where a point given as text lies, so that a swapped
/// latitude and longitude is seen at once.
///
/// ```
/// use strikemap::{LatLon, countries};
/// let kyiv = LatLon::new(50.4501, 30.5234)?;
/// assert_eq!(countries::containing(kyiv).map(|c| c.common_name()), Some("Ukraine"));
/// let swapped = LatLon::new(30.5234, 50.4501)?;
/// assert_eq!(countries::containing(swapped).map(|c| c.common_name()), Some("Iran"));
/// assert!(countries::containing(LatLon::new(30.0, -40.0)?).is_none()); // the Atlantic
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn containing(p: LatLon) -> Option<&'static Country> {
    static BOUNDS: OnceLock<Vec<Bounds>> = OnceLock::new();
    let bounds = BOUNDS.get_or_init(|| {
        all()
            .iter()
            .map(|c| Bounds::of(c.territory.area()))
            .collect()
    });
    all()
        .iter()
        .zip(bounds)
        .find(|(c, b)| b.may_hold(p) && c.territory.contains(p))
        .map(|(c, _)| c)
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
