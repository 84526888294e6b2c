//! The one error type of strikemap.

/// Everything that can go wrong in strikemap, with the offending value and
/// where it came from.
///
/// Errors raised deep inside (a coordinate, a distance text) are wrapped in
/// [`Error::At`] by the code that knows where the value came from (a file,
/// a feature index, a CSV line, a command-line argument), so the message
/// reads from the outside in: `feature 3, geometry.coordinates[0][5]:
/// latitude 91 is out of range [-90, 90]`.
///
/// ```
/// let err = strikemap::LatLon::new(91.0, 30.0).unwrap_err();
/// assert_eq!(err.to_string(), "latitude 91 is out of range [-90, 90]");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A latitude or longitude is NaN or infinite.
    #[error("{field} {value} is not a finite number")]
    NonFiniteCoordinate {
        /// `"latitude"` or `"longitude"`.
        field: &'static str,
        /// The value given.
        value: f64,
    },
    /// A latitude lies outside [-90, 90] degrees.
    #[error("latitude {value} is out of range [-90, 90]")]
    LatitudeOutOfRange {
        /// The value given, in degrees.
        value: f64,
    },
    /// A number given where a distance, bearing or fraction was expected is
    /// not usable (NaN, infinite, or outside its range).
    #[error("{field} {value} is invalid: {expected}")]
    InvalidNumber {
        /// What the number was for, e.g. `"distance"`, `"fraction"`.
        field: &'static str,
        /// The value given.
        value: f64,
        /// What was expected instead.
        expected: &'static str,
    },
    /// A distance could not be read from text such as `"4,300 miles"`.
    #[error("cannot read a distance from {text:?}: {reason}")]
    DistanceText {
        /// The text as given.
        text: String,
        /// What was wrong with it.
        reason: String,
    },
    /// A coordinate pair could not be read from text such as `"50.45N,30.52E"`.
    #[error("cannot read a position from {text:?}: {reason}")]
    PositionText {
        /// The text as given.
        text: String,
        /// What was wrong with it.
        reason: String,
    },
    /// A geometry (line, ring, polygon) is malformed.
    #[error("invalid geometry at {location}: {reason}")]
    InvalidGeometry {
        /// Which part, ring and vertex, e.g. `"part 0, ring 1, vertex 3"`.
        location: String,
        /// What was wrong.
        reason: String,
    },
    /// A name was not found; the closest known names are suggested.
    #[error("unknown {kind} {name:?}{}", suggest(.suggestions))]
    UnknownName {
        /// What was looked up: `"place"`, `"country"`, `"front line"`, ...
        kind: &'static str,
        /// The name as given.
        name: String,
        /// Known names closest to it, best first (possibly empty).
        suggestions: Vec<String>,
    },
    /// Two items in one collection share a name or alias.
    #[error("duplicate {kind} name {name:?}")]
    DuplicateName {
        /// What kind of item.
        kind: &'static str,
        /// The name used twice.
        name: String,
    },
    /// A claim phrase could not be understood.
    #[error("cannot read a claim from {text:?}: {reason}")]
    ClaimText {
        /// The text as given.
        text: String,
        /// What was wrong with it.
        reason: String,
    },
    /// A claim was checked against an empty set of subjects.
    #[error("claim {claim:?} has no subjects to check")]
    NoSubjects {
        /// The claim's quoted text.
        claim: String,
    },
    /// A JSON or GeoJSON document is malformed or has an unexpected shape.
    #[error("{member}: expected {expected}, found {found}")]
    Format {
        /// The member (or JSON path) that was wrong, e.g. `"geometry.coordinates[0]"`.
        member: String,
        /// What was expected there.
        expected: String,
        /// What was found.
        found: String,
    },
    /// A file or stream could not be read or written.
    #[error("{path}: {message}")]
    Io {
        /// The path (or `"<stdin>"`, `"<stdout>"`).
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// An error with the place it happened: a file, feature, line or argument.
    #[error("{at}: {source}")]
    At {
        /// Where: `"feature 3"`, `"line 17, column lat"`, `"argument FROM"`.
        at: String,
        /// What went wrong there.
        source: Box<Error>,
    },
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", quote_list(suggestions))
    }
}

fn quote_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

impl Error {
    /// Wraps this error with the place it happened (outermost last).
    ///
    /// ```
    /// let err = strikemap::LatLon::new(f64::NAN, 0.0).unwrap_err().at("feature 2");
    /// assert_eq!(err.to_string(), "feature 2: latitude NaN is not a finite number");
    /// ```
    #[must_use]
    pub fn at(self, at: impl Into<String>) -> Error {
        Error::At {
            at: at.into(),
            source: Box::new(self),
        }
    }

    /// The innermost error, with every [`Error::At`] wrapper removed.
    ///
    /// ```
    /// use strikemap::{Error, LatLon};
    /// let err = LatLon::new(95.0, 0.0).unwrap_err().at("line 4").at("events.csv");
    /// assert!(matches!(err.root(), Error::LatitudeOutOfRange { value } if *value == 95.0));
    /// ```
    pub fn root(&self) -> &Error {
        match self {
            Error::At { source, .. } => source.root(),
            other => other,
        }
    }

    pub(crate) fn geometry(location: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::InvalidGeometry {
            location: location.into(),
            reason: reason.into(),
        }
    }
}

/// `Result<T, strikemap::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_name_lists_suggestions() {
        let e = Error::UnknownName {
            kind: "place",
            name: "Olenia".into(),
            suggestions: vec!["Olenya".into(), "Belaya".into()],
        };
        assert_eq!(
            e.to_string(),
            "unknown place \"Olenia\"; did you mean \"Olenya\" or \"Belaya\"?"
        );
        let none = Error::UnknownName {
            kind: "country",
            name: "Atlantis".into(),
            suggestions: vec![],
        };
        assert_eq!(none.to_string(), "unknown country \"Atlantis\"");
    }

    #[test]
    fn nested_locations_read_outside_in() {
        let e = Error::LatitudeOutOfRange { value: 91.0 }
            .at("vertex 3")
            .at("feature 2");
        assert_eq!(
            e.to_string(),
            "feature 2: vertex 3: latitude 91 is out of range [-90, 90]"
        );
        assert_eq!(e.root(), &Error::LatitudeOutOfRange { value: 91.0 });
    }
}
