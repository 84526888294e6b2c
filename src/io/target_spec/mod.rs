//! Targets written as text, the way people pass them on a command line
//! (`50.45,30.52`, `country:UA`, `frontline.geojson`): [`TargetSpec`] and
//! the distance between two of them ([`Separation`]); the subjects and
//! reference of a claim check ([`parse_endpoint`], [`ClaimReference`]).

mod composite;
mod reference;
mod separation;

use std::fmt;
use std::path::{Path, PathBuf};

pub use composite::{Composite, MAX_TARGET_FILE_BYTES, read_target_file};
pub use reference::{ClaimReference, parse_endpoint};
pub use separation::Separation;

use crate::countries::{self, Country};
use crate::error::{Error, Result};
use crate::measure::{Buffered, Method, Nearest, Target};
use crate::model::{CountryCode, Place, Site};
use crate::places::{gazetteer, regions};
use crate::position::LatLon;
use crate::regions::Region;

/// What to write for a target, for error messages.
const EXPECTED: &str = "a place name (Kyiv, \"Olenya air base\"), LAT,LON (latitude first, \
                        e.g. 50.45,30.52 or 50.45N,30.52E), NAME=LAT,LON, country:CODE (e.g. \
                        country:UA), region:CODE (e.g. region:UA-63) or the path of a GeoJSON file";

/// The country code of a place typed as `NAME=LAT,LON`, whose country is
/// not known: ISO 3166-1 leaves `ZZ` to users, and CLDR uses it for
/// "unknown region". No measure uses a place's country.
pub(crate) const UNKNOWN_COUNTRY: &str = "ZZ";

/// The text after `prefix:` (any case, quotes around it dropped), if the
/// text starts so.
pub(crate) fn after_prefix<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let (head, rest) = text.split_once(':')?;
    head.trim()
        .eq_ignore_ascii_case(prefix)
        .then(|| rest.trim().trim_matches(|c| c == '"' || c == '\''))
}

/// A place from the gazetteer for a bare name, or the error that says why
/// not, with a hint when the name is a country's or a region's.
pub(crate) fn named_place(text: &str) -> Result<Place> {
    match gazetteer::resolve(text) {
        Ok(entry) => Ok(entry.to_place()),
        Err(e) if e.is_unknown_name() => {
            if let Ok(c) = countries::get(text) {
                return Err(Error::format(
                    "target",
                    EXPECTED,
                    format!("{text:?} (did you mean \"country:{}\"?)", c.name),
                ));
            }
            if let Ok(r) = regions::get(text) {
                return Err(Error::format(
                    "target",
                    EXPECTED,
                    format!("{text:?} (did you mean \"region:{}\", {}?)", r.code, r.name),
                ));
            }
            Err(e)
        }
        Err(e) => Err(e),
    }
}

/// A place typed as `NAME=LAT,LON`, if the text is one.
pub(crate) fn named_position(text: &str) -> Option<Result<Place>> {
    let (name, position) = text.split_once('=')?;
    let name = name.trim();
    if name.is_empty() {
        return Some(Err(Error::format(
            "place",
            "a name before '=' (NAME=LAT,LON)",
            format!("{text:?}"),
        )));
    }
    Some(LatLon::parse(position).and_then(|p| {
        Ok(Place::Site(Site::new(
            name,
            p,
            CountryCode::new(UNKNOWN_COUNTRY)?,
        )))
    }))
}

/// A target read from text: a point, a bundled country, or every geometry
/// of a GeoJSON file taken together.
///
/// ```
/// use strikemap::{LatLon, Target, io::target_spec::TargetSpec};
/// let kyiv = TargetSpec::parse("50.4501N,30.5234E")?;
/// assert!(matches!(kyiv, TargetSpec::Point(_)));
/// let ukraine = TargetSpec::parse("country:UKR")?;
/// assert_eq!(ukraine.to_string(), "Ukraine (country:UA, 1:50m)");
/// assert!(ukraine.nearest_to(LatLon::new(50.4501, 30.5234)?).inside);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum TargetSpec {
    /// A position, from `LAT,LON` or `50.45N,30.52E`.
    Point(LatLon),
    /// A bundled country boundary (1:50m), from `country:UA`.
    Country(&'static Country),
    /// A bundled admin-1 region (1:10m), from `region:UA-63` or
    /// `region:"Kharkiv Oblast"`.
    Region(&'static Region),
    /// A named place: from the gazetteer (`Kyiv`, `"Olenya air base"`,
    /// `XLMO`), or typed as `NAME=LAT,LON`.
    Place(Box<Place>),
    /// Every geometry of a GeoJSON file, from its path.
    File {
        /// The path as given.
        path: PathBuf,
        /// What the file holds.
        shapes: Box<Composite>,
    },
}

impl TargetSpec {
    /// Reads a target from text:
    ///
    /// - `country:CODE`: a bundled country by ISO alpha-2 or alpha-3 code or
    ///   English name (`country:UA`, `country:UKR`, `country:Ukraine`);
    /// - `region:CODE`: a bundled admin-1 region by ISO 3166-2 code or name
    ///   (`region:UA-63`, `region:"Kharkiv Oblast"`, see [`regions::get`]);
    /// - a position as [`LatLon::parse`] reads it (`50.45,30.52`,
    ///   `50.45N,30.52E`, `30.52E,50.45N`);
    /// - the path of a GeoJSON file (an existing file, or text with a path
    ///   separator or a `.geojson`/`.json` ending), read as a [`Composite`];
    /// - `NAME=LAT,LON`: a named position;
    /// - otherwise a place name, resolved by the gazetteer
    ///   ([`gazetteer::resolve`]: `Kyiv`, `"Pokrovsk, UA"`, `"Olenya air
    ///   base"`, `XLMO`).
    ///
    /// # Errors
    /// [`Error::UnknownName`] (with suggestions) for an unknown country,
    /// region or place; [`Error::Ambiguous`] for a place name several
    /// places share; the position errors of [`LatLon::parse`] for other
    /// text with digits in it that is not an existing file; the errors of
    /// [`Composite::read`] for a path; [`Error::Format`] with a hint when a
    /// bare name is a country's or a region's.
    ///
    /// ```
    /// use strikemap::io::target_spec::TargetSpec;
    /// let err = TargetSpec::parse("country:Atlantis").unwrap_err();
    /// assert_eq!(err.report().to_string(), "unknown country \"Atlantis\"");
    /// let err = TargetSpec::parse("91,30").unwrap_err();
    /// assert_eq!(err.report().to_string(), "latitude 91 is out of range [-90, 90]");
    /// let err = TargetSpec::parse("Ukraine").unwrap_err();
    /// assert!(err.report().to_string().contains("did you mean \"country:Ukraine\"?"));
    /// assert_eq!(TargetSpec::parse("region:UA-63")?.to_string(), "Kharkiv Oblast (region:UA-63, UA)");
    /// assert!(TargetSpec::parse("Olenya")?.to_string().starts_with("Olenya Air Base"));
    /// assert!(TargetSpec::parse("Pokrovsk").unwrap_err().is_ambiguous_name());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<TargetSpec> {
        let trimmed = text.trim();
        if let Some(name) = after_prefix(trimmed, "country") {
            return Ok(TargetSpec::Country(countries::get(name)?));
        }
        if let Some(name) = after_prefix(trimmed, "region") {
            return Ok(TargetSpec::Region(regions::get(name)?));
        }
        let position = LatLon::parse(trimmed);
        if let Ok(p) = position {
            return Ok(TargetSpec::Point(p));
        }
        let path = Path::new(trimmed);
        if path.exists() || looks_like_path(trimmed) {
            return Ok(TargetSpec::File {
                path: path.to_path_buf(),
                shapes: Box::new(Composite::read(path)?),
            });
        }
        if let Some(place) = named_position(trimmed) {
            return place.map(|p| TargetSpec::Place(Box::new(p)));
        }
        if trimmed.chars().any(|c| c.is_ascii_digit()) && !gazetteer::is_known(trimmed) {
            // Numbers, not a file, not a name: a position with a mistake in it.
            return position.map(TargetSpec::Point);
        }
        if trimmed.is_empty() {
            return Err(Error::format("target", EXPECTED, "nothing"));
        }
        named_place(trimmed).map(|p| TargetSpec::Place(Box::new(p)))
    }

    /// The single position, if this target is one.
    ///
    /// ```
    /// let p = strikemap::io::target_spec::TargetSpec::parse("50.45,30.52")?;
    /// assert_eq!(p.as_point(), Some(strikemap::LatLon::new(50.45, 30.52)?));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn as_point(&self) -> Option<LatLon> {
        match self {
            TargetSpec::Point(p) => Some(*p),
            TargetSpec::Place(p) => Some(p.position()),
            _ => None,
        }
    }
}

/// Whether text names a file (a separator, or a GeoJSON or KML extension).
fn looks_like_path(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    text.contains('/')
        || text.contains(std::path::MAIN_SEPARATOR)
        || lower.ends_with(".geojson")
        || lower.ends_with(".json")
        || lower.ends_with(".kml")
        || lower.ends_with(".kmz")
}

impl fmt::Display for TargetSpec {
    /// A short description: `50.4501°N, 30.5234°E`, `Ukraine (country:UA,
    /// 1:50m)`, `Kharkiv Oblast (region:UA-63, UA)`, `Kharkiv (city; UA, Kharkiv
    /// Oblast): 49.9818°N, 36.2548°E`, or the file's path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetSpec::Point(p) => write!(f, "{p}"),
            TargetSpec::Country(c) => {
                let code = c
                    .iso_a2
                    .map(|a2| a2.to_string())
                    .or_else(|| c.iso_a3.clone())
                    .unwrap_or_else(|| c.name.clone());
                write!(f, "{} (country:{code}", c.name)?;
                if let Some(scale) = &c.territory.scale {
                    write!(f, ", {scale}")?;
                }
                f.write_str(")")
            }
            TargetSpec::Region(r) => write!(f, "{} (region:{}, {})", r.name, r.code, r.country),
            TargetSpec::Place(p) => {
                let site = p.site();
                write!(f, "{}", site.name)?;
                let kind = site.category.as_deref().unwrap_or("place");
                if site.country.as_str() == UNKNOWN_COUNTRY {
                    write!(f, ": {}", site.position)
                } else {
                    write!(f, " ({kind}; {}", site.country)?;
                    if let Some(region) = &site.region {
                        write!(f, ", {region}")?;
                    }
                    write!(f, "): {}", site.position)
                }
            }
            TargetSpec::File { path, .. } => write!(f, "{}", path.display()),
        }
    }
}

impl Target for TargetSpec {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        self.nearest_by(from, Method::Geodesic)
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        match self {
            TargetSpec::Point(p) => p.nearest_by(from, method),
            TargetSpec::Country(c) => c.territory.nearest_by(from, method),
            TargetSpec::Region(r) => r.territory().nearest_by(from, method),
            TargetSpec::Place(p) => p.as_ref().nearest_by(from, method),
            TargetSpec::File { shapes, .. } => shapes.nearest_by(from, method),
        }
    }
}

/// A target written as text is buffered on the shape it names.
impl Buffered for TargetSpec {
    fn vertices(&self) -> Vec<LatLon> {
        match self {
            TargetSpec::Point(p) => vec![*p],
            TargetSpec::Country(c) => c.territory.vertices(),
            TargetSpec::Region(r) => r.territory().vertices(),
            TargetSpec::Place(p) => p.vertices(),
            TargetSpec::File { shapes, .. } => shapes.vertices(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_form() {
        let p = TargetSpec::parse(" 30.52E, 50.45N ").unwrap();
        assert_eq!(p.as_point(), Some(LatLon::new(50.45, 30.52).unwrap()));
        for code in ["country:UA", "country:UKR", "Country: ukraine"] {
            let c = TargetSpec::parse(code).unwrap();
            assert!(
                matches!(c, TargetSpec::Country(c) if c.name == "Ukraine"),
                "{code}"
            );
        }
        assert!(TargetSpec::parse("-33.9,18.4").is_ok());
    }

    #[test]
    fn errors_say_what_was_wrong() {
        let e = TargetSpec::parse("50.45,abc").unwrap_err();
        assert!(matches!(e, Error::PositionText { .. }), "{}", e.report());
        let e = TargetSpec::parse("50.45").unwrap_err();
        assert!(matches!(e, Error::PositionText { .. }), "{}", e.report());
        let e = TargetSpec::parse("country:Ukrain").unwrap_err();
        assert!(
            e.report().to_string().contains("did you mean \"Ukraine\""),
            "{}",
            e.report()
        );
        let e = TargetSpec::parse("missing/file.geojson").unwrap_err();
        assert!(matches!(e, Error::Io { .. }), "{}", e.report());
        let e = TargetSpec::parse("Kyivx Qwz").unwrap_err();
        assert!(e.is_unknown_name(), "{}", e.report());
        let e = TargetSpec::parse("Kharkiv Oblast").unwrap_err();
        assert!(
            e.report().to_string().contains("region:UA-63"),
            "{}",
            e.report()
        );
    }
}
