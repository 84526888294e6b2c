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
use crate::measure::{Method, Nearest, Target};
use crate::position::LatLon;

/// What to write for a target, for error messages.
const EXPECTED: &str = "LAT,LON (latitude first, e.g. 50.45,30.52 or 50.45N,30.52E), \
                        country:CODE (e.g. country:UA, country:UKR, country:Ukraine) \
                        or the path of a GeoJSON file";

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
    /// - a position as [`LatLon::parse`] reads it (`50.45,30.52`,
    ///   `50.45N,30.52E`, `30.52E,50.45N`);
    /// - otherwise the path of a GeoJSON file, read as a [`Composite`].
    ///
    /// # Errors
    /// [`Error::UnknownName`] (with suggestions) for an unknown country; the
    /// position errors of [`LatLon::parse`] for other text with digits in
    /// it that is not an existing file; the errors of
    /// [`Composite::read`] for a path; [`Error::Format`] saying what is
    /// accepted for anything else.
    ///
    /// ```
    /// use strikemap::io::target_spec::TargetSpec;
    /// let err = TargetSpec::parse("country:Atlantis").unwrap_err();
    /// assert_eq!(err.report().to_string(), "unknown country \"Atlantis\"");
    /// let err = TargetSpec::parse("91,30").unwrap_err();
    /// assert_eq!(err.report().to_string(), "latitude 91 is out of range [-90, 90]");
    /// let err = TargetSpec::parse("Ukraine").unwrap_err();
    /// assert!(err.report().to_string().contains("did you mean \"country:Ukraine\"?"));
    /// ```
    pub fn parse(text: &str) -> Result<TargetSpec> {
        let trimmed = text.trim();
        if let Some((prefix, name)) = trimmed.split_once(':')
            && prefix.trim().eq_ignore_ascii_case("country")
        {
            return Ok(TargetSpec::Country(countries::get(name.trim())?));
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
        if trimmed.chars().any(|c| c.is_ascii_digit()) {
            // Numbers, and not a file: a position with a mistake in it.
            return position.map(TargetSpec::Point);
        }
        let hint = match countries::get(trimmed) {
            Ok(c) => format!(" (did you mean \"country:{}\"?)", c.name),
            Err(_) => String::new(),
        };
        Err(Error::format("target", EXPECTED, format!("{text:?}{hint}")))
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
            _ => None,
        }
    }
}

/// Whether text names a file (a separator or a GeoJSON extension).
fn looks_like_path(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    text.contains('/')
        || text.contains(std::path::MAIN_SEPARATOR)
        || lower.ends_with(".geojson")
        || lower.ends_with(".json")
}

impl fmt::Display for TargetSpec {
    /// A short description: `50.4501°N, 30.5234°E`, `Ukraine (country:UA,
    /// 1:50m)`, or the file's path.
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
            TargetSpec::File { shapes, .. } => shapes.nearest_by(from, method),
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
        let e = TargetSpec::parse("kyiv").unwrap_err();
        assert!(
            e.report()
                .to_string()
                .starts_with("target: expected LAT,LON"),
            "{}",
            e.report()
        );
    }
}
