//! The one error type of strikemap.

use std::fmt;
use std::sync::Arc;

/// Everything that can go wrong in strikemap, with the offending value and
/// where it came from.
///
/// Errors raised deep inside (a coordinate, a distance text) are wrapped in
/// [`Error::At`] by the code that knows where the value came from (a file,
/// a feature index, a CSV line, a command-line argument). A wrapper's
/// `Display` says where only and its [`source`](std::error::Error::source)
/// gives the cause, so chain-walking reporters print each line once;
/// [`Error::report`] prints the chain on one line, outside in:
/// `feature 3: geometry.coordinates[0][5]: latitude 91 is out of range
/// [-90, 90]`. Ask what went wrong with the predicates ([`Error::is_io`],
/// [`Error::is_bad_input`], ...), [`Error::root`] and [`Error::locations`].
///
/// ```
/// let err = strikemap::LatLon::new(91.0, 30.0).unwrap_err();
/// assert_eq!(err.to_string(), "latitude 91 is out of range [-90, 90]");
/// let err = err.at("line 4");
/// assert_eq!(err.to_string(), "line 4");
/// assert_eq!(err.report().to_string(), "line 4: latitude 91 is out of range [-90, 90]");
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
    /// A longitude lies outside [-180, 180] degrees (see
    /// [`LatLon::wrapping`](crate::LatLon::wrapping) to wrap a computed one).
    #[error("longitude {value} is out of range [-180, 180]")]
    LongitudeOutOfRange {
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
    /// A number in a text reads two ways: `"4.300 km"` is 4,300 km where
    /// "." groups thousands and 4.3 km where it is the decimal point. Name
    /// the convention (e.g.
    /// [`StatedDistance::parse_with`](crate::StatedDistance::parse_with)
    /// with [`Convention::DecimalComma`](crate::distance::Convention), or
    /// `strikemap check --decimal-comma`) or write the figure unambiguously.
    #[error(
        "{text:?} is ambiguous: {grouped} with \"{separator}\" grouping thousands, or {decimal} with \"{separator}\" as the decimal point; write {grouped:?} or {decimal:?}, or pass --decimal-comma (Convention::DecimalComma) for the first reading"
    )]
    AmbiguousNumber {
        /// The figure as written, e.g. `"4.300 km"`.
        text: String,
        /// The separator that reads two ways, e.g. `'.'`.
        separator: char,
        /// The reading with the separator grouping thousands, e.g. `"4,300 km"`.
        grouped: String,
        /// The reading with the separator as the decimal point, e.g. `"4.3 km"`.
        decimal: String,
    },
    /// A text is longer than a parser accepts (claim text is limited to
    /// [`MAX_CLAIM_CHARS`](crate::claim::MAX_CLAIM_CHARS) characters).
    #[error("{what} of {chars} characters is longer than the limit of {limit}")]
    TextTooLong {
        /// What the text was, e.g. `"claim text"`.
        what: &'static str,
        /// Its length, in characters.
        chars: usize,
        /// The limit, in characters.
        limit: usize,
    },
    /// A coordinate pair could not be read from text such as `"50.45N,30.52E"`.
    #[error("cannot read a position from {text:?}: {reason}")]
    PositionText {
        /// The text as given.
        text: String,
        /// What was wrong with it.
        reason: String,
    },
    /// A geometry (line, ring, polygon) is malformed. Which part, ring or
    /// vertex is said by the [`Error::At`] wrappers around it, e.g.
    /// `part 0: ring 1: a ring needs at least 4 positions ...`.
    #[error("{reason}")]
    InvalidGeometry {
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
    /// A name fits several places about equally well: the candidates are
    /// listed, each with its country and region, and how to pick one.
    #[error("{name:?} is ambiguous: {} (qualify it: {hint})", .candidates.join("; "))]
    Ambiguous {
        /// What was looked up: `"place"`, `"region"`.
        kind: &'static str,
        /// The name as given.
        name: String,
        /// The candidates, best first, each as it is shown
        /// (`"Pokrovsk (UA, Donetsk Oblast, pop. 60,127)"`).
        candidates: Box<[String]>,
        /// How to qualify the name, e.g. `"e.g. \"Pokrovsk, UA\" for the first"`.
        hint: Box<str>,
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
    /// A JSON or GeoJSON document (or a text field) is malformed or has an
    /// unexpected shape. The member (or JSON path) that was wrong, e.g.
    /// `geometry.coordinates[0]`, is the innermost [`Error::At`] around it.
    #[error("expected {expected}, found {found}")]
    Format {
        /// What was expected there.
        expected: String,
        /// What was found.
        found: String,
    },
    /// A file holds what strikemap does not read (KML, Parquet,
    /// gzip-compressed data, ...), or nothing at all, as told by its first
    /// bytes ([`FileKind`](crate::io::points::FileKind)); `advice` says what
    /// to do with it.
    #[error("this is {format}; {advice}")]
    UnsupportedFormat {
        /// What the file is: `"KML (Google Earth)"`, `"an empty file"`.
        format: String,
        /// What to do: `"GPX is not supported: convert it with ..."`.
        advice: String,
    },
    /// Two columns of a table have the same name, so a row cannot be given
    /// as one object (JSON, GeoJSON properties) without losing a value.
    #[error("duplicate column name {name:?} (columns {first} and {second})")]
    DuplicateColumn {
        /// The name, as in the header.
        name: String,
        /// The first column of that name, counted from 1.
        first: usize,
        /// The next column of that name, counted from 1.
        second: usize,
    },
    /// A control map was asked for a date it has no snapshot for: before its
    /// first snapshot, or the map is empty.
    #[error("no control snapshot on or before {date}{}", match .first {
        Some(first) => format!(": the first is dated {first}"),
        None => ": the control map is empty".to_string(),
    })]
    NoSnapshot {
        /// The date asked for.
        date: jiff::civil::Date,
        /// The date of the first snapshot, if there is one.
        first: Option<jiff::civil::Date>,
    },
    /// A question needs a reference that was not given, e.g. the line of
    /// contact of a control map with no reference country
    /// ([`ControlMap::with_contact`](crate::model::ControlMap::with_contact)).
    #[error("{what} needs a reference country: none was set")]
    NoReference {
        /// What was asked for: `"a line of contact"`.
        what: &'static str,
    },
    /// Two snapshots of one control map carry the same date.
    #[error("two control snapshots are dated {date}: {first} and {second}")]
    DuplicateDate {
        /// The date both carry.
        date: jiff::civil::Date,
        /// Where the first came from (a file, a feature).
        first: String,
        /// Where the second came from.
        second: String,
    },
    /// A file or stream could not be read or written.
    ///
    /// `Display` names the path only; [`std::error::Error::source`] gives
    /// the operating system's [`std::io::Error`], so [`Error::report`] reads
    /// `events.csv: No such file or directory (os error 2)`.
    #[error("{path}")]
    Io {
        /// The path (or `"<stdin>"`, `"<stdout>"`, `"<input>"`, `"<output>"`).
        path: String,
        /// The [`std::io::Error`] itself (shared, so that `Error` stays
        /// `Clone`; it dereferences to `std::io::Error`).
        source: IoSource,
    },
    /// An error with the place it happened: a file, feature, line, member
    /// or argument. `Display` says where only; [`std::error::Error::source`]
    /// gives what went wrong there.
    #[error("{at}")]
    At {
        /// Where: `"feature 3"`, `"line 17"`, `"column lat"`, `"argument FROM"`.
        at: String,
        /// What went wrong there.
        source: Box<Error>,
    },
}

/// The [`std::io::Error`] behind an [`Error::Io`].
///
/// It is shared (an [`Arc`]) so that [`Error`] stays `Clone`, and it
/// dereferences to the `std::io::Error`. `std::io::Error` has no
/// `PartialEq`: two `IoSource`s are equal when their
/// [`kind`](std::io::Error::kind) and message are, so that `Error` keeps
/// `PartialEq`. As an error it is transparent: its `Display` and `source()`
/// are those of the `std::io::Error`.
///
/// ```
/// use std::io::ErrorKind;
/// use strikemap::{Error, io::points::{ColumnNames, CsvPoints}};
/// let err = CsvPoints::open("no/such/events.csv", &ColumnNames::default()).unwrap_err();
/// assert!(matches!(err.root(), Error::Io { source, .. } if source.kind() == ErrorKind::NotFound));
/// ```
#[derive(Debug, Clone)]
pub struct IoSource(Arc<std::io::Error>);

impl From<std::io::Error> for IoSource {
    fn from(e: std::io::Error) -> IoSource {
        IoSource(Arc::new(e))
    }
}

impl std::ops::Deref for IoSource {
    type Target = std::io::Error;

    fn deref(&self) -> &std::io::Error {
        &self.0
    }
}

impl AsRef<std::io::Error> for IoSource {
    fn as_ref(&self) -> &std::io::Error {
        &self.0
    }
}

impl PartialEq for IoSource {
    fn eq(&self, other: &IoSource) -> bool {
        self.0.kind() == other.0.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl fmt::Display for IoSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for IoSource {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// An [`Error`] with every cause in its chain, printed on one line joined by
/// `": "`, outside in, each once: what [`Error::report`] returns.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a>(&'a Error);

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut next: Option<&dyn std::error::Error> = Some(self.0);
        let mut first = true;
        while let Some(e) = next {
            if !first {
                f.write_str(": ")?;
            }
            first = false;
            write!(f, "{e}")?;
            next = e.source();
        }
        Ok(())
    }
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
    /// The wrapper's `Display` is the place only; its
    /// [`source`](std::error::Error::source) is this error. Print the whole
    /// chain with [`Error::report`].
    ///
    /// ```
    /// let err = strikemap::LatLon::new(f64::NAN, 0.0).unwrap_err().at("feature 2");
    /// assert_eq!(err.to_string(), "feature 2");
    /// assert_eq!(err.report().to_string(), "feature 2: latitude NaN is not a finite number");
    /// ```
    #[must_use]
    pub fn at(self, at: impl Into<String>) -> Error {
        Error::At {
            at: at.into(),
            source: Box::new(self),
        }
    }

    /// The whole chain on one line, outside in, joined by `": "`: every
    /// [`Error::At`] place, the error itself and its causes (such as the
    /// operating system's message behind [`Error::Io`]), each once.
    ///
    /// `Display` of an `Error` is its own message only, as chain-walking
    /// reporters (`anyhow`'s `{:#}`, `eyre`) expect; use this to show an
    /// error to a person without such a reporter.
    ///
    /// ```
    /// use strikemap::{LatLon, io::points::{ColumnNames, CsvPoints}};
    /// let err = LatLon::new(91.0, 30.0).unwrap_err().at("column lat").at("line 4");
    /// assert_eq!(err.report().to_string(), "line 4: column lat: latitude 91 is out of range [-90, 90]");
    ///
    /// let err = CsvPoints::open("no/such/events.csv", &ColumnNames::default()).unwrap_err();
    /// assert!(err.report().to_string().starts_with("no/such/events.csv: "));
    /// ```
    pub fn report(&self) -> impl fmt::Display + '_ {
        Report(self)
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

    /// The places of the [`Error::At`] wrappers, outside in.
    ///
    /// ```
    /// let err = strikemap::LatLon::new(95.0, 0.0).unwrap_err().at("column lat").at("line 4");
    /// assert_eq!(err.locations().collect::<Vec<_>>(), ["line 4", "column lat"]);
    /// ```
    pub fn locations(&self) -> impl Iterator<Item = &str> + '_ {
        let mut next = Some(self);
        std::iter::from_fn(move || match next? {
            Error::At { at, source } => {
                next = Some(source);
                Some(at.as_str())
            }
            _ => {
                next = None;
                None
            }
        })
    }

    /// The kind of the [`std::io::Error`] if this is (or wraps) an
    /// [`Error::Io`].
    ///
    /// ```
    /// use strikemap::{io::points::{ColumnNames, CsvPoints}};
    /// let err = CsvPoints::open("no/such/events.csv", &ColumnNames::default()).unwrap_err();
    /// assert_eq!(err.io_kind(), Some(std::io::ErrorKind::NotFound));
    /// assert_eq!(strikemap::LatLon::new(95.0, 0.0).unwrap_err().io_kind(), None);
    /// ```
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        match self.root() {
            Error::Io { source, .. } => Some(source.kind()),
            _ => None,
        }
    }

    /// Whether a control map had no snapshot for the date asked
    /// ([`Error::NoSnapshot`]), wherever it was wrapped.
    ///
    /// ```
    /// use strikemap::{Date, model::ControlMap};
    /// let err = ControlMap::new("held").as_of(Date::constant(2025, 6, 2)).unwrap_err();
    /// assert!(err.is_no_snapshot());
    /// ```
    pub fn is_no_snapshot(&self) -> bool {
        matches!(self.root(), Error::NoSnapshot { .. })
    }

    /// Whether a file or stream could not be read or written
    /// ([`Error::Io`], possibly wrapped in [`Error::At`]).
    ///
    /// ```
    /// use strikemap::{io::points::{ColumnNames, CsvPoints}};
    /// let err = CsvPoints::open("no/such/events.csv", &ColumnNames::default()).unwrap_err();
    /// assert!(err.is_io() && !err.is_bad_input());
    /// ```
    pub fn is_io(&self) -> bool {
        matches!(self.root(), Error::Io { .. })
    }

    /// Whether the input itself is wrong (a value, a text, a geometry, a
    /// name, a document), as opposed to a failure to read or write it
    /// ([`Error::is_io`]). Every error is one or the other.
    ///
    /// ```
    /// let err = strikemap::Distance::parse("-5 km").unwrap_err().at("argument RADIUS");
    /// assert!(err.is_bad_input() && !err.is_io());
    /// ```
    pub fn is_bad_input(&self) -> bool {
        match self.root() {
            Error::NonFiniteCoordinate { .. }
            | Error::LatitudeOutOfRange { .. }
            | Error::LongitudeOutOfRange { .. }
            | Error::InvalidNumber { .. }
            | Error::DistanceText { .. }
            | Error::AmbiguousNumber { .. }
            | Error::TextTooLong { .. }
            | Error::PositionText { .. }
            | Error::InvalidGeometry { .. }
            | Error::UnknownName { .. }
            | Error::Ambiguous { .. }
            | Error::DuplicateName { .. }
            | Error::ClaimText { .. }
            | Error::NoSubjects { .. }
            | Error::Format { .. }
            | Error::UnsupportedFormat { .. }
            | Error::DuplicateColumn { .. }
            | Error::NoSnapshot { .. }
            | Error::NoReference { .. }
            | Error::DuplicateDate { .. } => true,
            Error::Io { .. } | Error::At { .. } => false,
        }
    }

    /// Whether a document or field has an unexpected shape
    /// ([`Error::Format`]); the member is the innermost of
    /// [`Error::locations`].
    ///
    /// ```
    /// let err = strikemap::io::geojson::Imported::parse("[]", &Default::default()).unwrap_err();
    /// assert!(err.is_format());
    /// ```
    pub fn is_format(&self) -> bool {
        matches!(self.root(), Error::Format { .. })
    }

    /// Whether a file is of a kind strikemap does not read, or empty
    /// ([`Error::UnsupportedFormat`]).
    ///
    /// ```
    /// let e = strikemap::io::points::FileKind::sniff(b"PAR1").require(&[]).unwrap_err();
    /// assert!(e.is_unsupported_format() && e.is_bad_input() && !e.is_format());
    /// ```
    pub fn is_unsupported_format(&self) -> bool {
        matches!(self.root(), Error::UnsupportedFormat { .. })
    }

    /// Whether a number in a text reads two ways ([`Error::AmbiguousNumber`]).
    ///
    /// ```
    /// let err = strikemap::DistanceClaim::parse("over 4.300 km").unwrap_err().at("argument CLAIM");
    /// assert!(err.is_ambiguous() && err.is_bad_input());
    /// ```
    pub fn is_ambiguous(&self) -> bool {
        matches!(self.root(), Error::AmbiguousNumber { .. })
    }

    /// Whether a text is longer than its parser accepts ([`Error::TextTooLong`]).
    ///
    /// ```
    /// let err = strikemap::DistanceClaim::parse(&"1 ".repeat(6_000)).unwrap_err();
    /// assert!(err.is_too_long());
    /// ```
    pub fn is_too_long(&self) -> bool {
        matches!(self.root(), Error::TextTooLong { .. })
    }

    /// Whether a name was not found ([`Error::UnknownName`]).
    ///
    /// ```
    /// let err = strikemap::countries::get("Atlantis").unwrap_err();
    /// assert!(err.is_unknown_name());
    /// ```
    pub fn is_unknown_name(&self) -> bool {
        matches!(self.root(), Error::UnknownName { .. })
    }

    /// Whether a name fits several places about equally well
    /// ([`Error::Ambiguous`]).
    ///
    /// ```
    /// let err = strikemap::gazetteer::resolve("Pokrovsk").unwrap_err();
    /// assert!(err.is_ambiguous_name() && !err.is_ambiguous());
    /// ```
    pub fn is_ambiguous_name(&self) -> bool {
        matches!(self.root(), Error::Ambiguous { .. })
    }

    /// Whether a number is outside what it may be: a latitude beyond ±90°
    /// ([`Error::LatitudeOutOfRange`]), a longitude beyond ±180°
    /// ([`Error::LongitudeOutOfRange`]), a NaN or infinite coordinate
    /// ([`Error::NonFiniteCoordinate`]), or a distance, bearing or fraction
    /// that is not usable ([`Error::InvalidNumber`]).
    ///
    /// ```
    /// let err = strikemap::LatLon::new(91.0, 30.0).unwrap_err().at("line 4");
    /// assert!(err.is_out_of_range());
    /// assert!(!strikemap::Distance::parse("far").unwrap_err().is_out_of_range());
    /// ```
    pub fn is_out_of_range(&self) -> bool {
        matches!(
            self.root(),
            Error::LatitudeOutOfRange { .. }
                | Error::LongitudeOutOfRange { .. }
                | Error::NonFiniteCoordinate { .. }
                | Error::InvalidNumber { .. }
        )
    }

    /// An [`Error::InvalidGeometry`] at `location` (`"part 0"`, `"ring 1"`).
    pub(crate) fn geometry(location: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::InvalidGeometry {
            reason: reason.into(),
        }
        .at(location)
    }

    /// An [`Error::Format`] at `member` (`"geometry.coordinates[0]"`).
    pub(crate) fn format(
        member: impl Into<String>,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Error {
        Error::Format {
            expected: expected.into(),
            found: found.into(),
        }
        .at(member)
    }

    /// An [`Error::Io`] on `path` (or `"<input>"`, `"<output>"`).
    pub(crate) fn io(path: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source: source.into(),
        }
    }
}

/// An [`Error`] shown with its whole chain: the error of the `TryFrom`
/// conversions serde's `try_from` uses, since serde keeps only the
/// `Display` of a conversion error.
#[derive(Debug)]
pub(crate) struct Reported(pub(crate) Error);

impl fmt::Display for Reported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.report())
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
        assert_eq!(e.to_string(), "feature 2");
        assert_eq!(
            e.report().to_string(),
            "feature 2: vertex 3: latitude 91 is out of range [-90, 90]"
        );
        assert_eq!(e.root(), &Error::LatitudeOutOfRange { value: 91.0 });
        assert_eq!(e.locations().collect::<Vec<_>>(), ["feature 2", "vertex 3"]);
        assert!(e.is_out_of_range() && e.is_bad_input() && !e.is_io());
    }

    /// Each error of a chain, as `source()` walks it.
    fn chain(e: &Error) -> Vec<String> {
        let mut lines = Vec::new();
        let mut next: Option<&dyn std::error::Error> = Some(e);
        while let Some(e) = next {
            lines.push(e.to_string());
            next = e.source();
        }
        lines
    }

    /// Every line of a chain is its own: none repeats another's text.
    fn assert_each_once(lines: &[String]) {
        for (i, a) in lines.iter().enumerate() {
            for (j, b) in lines.iter().enumerate() {
                if i != j {
                    assert!(!a.contains(b.as_str()), "{a:?} contains {b:?}");
                }
            }
        }
    }

    #[test]
    fn a_csv_chain_prints_each_line_once() {
        let text = "name,lat,lon\nKyiv,50.45,30.52\nNowhere,95,30\n";
        let points = crate::io::points::CsvPoints::from_reader(
            text.as_bytes(),
            "events.csv",
            crate::io::points::ColumnNames::default(),
        )
        .unwrap_or_else(|e| panic!("{}", e.report()));
        let mut errors = Vec::new();
        let read = points.for_each(|row| {
            if let Err(e) = row {
                errors.push(e);
            }
            Ok(())
        });
        assert!(read.is_ok());
        let [e] = errors.as_slice() else {
            panic!("{errors:?}")
        };
        let lines = chain(e);
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert_eq!(
            lines[3], "latitude 95 is out of range [-90, 90]",
            "{lines:?}"
        );
        assert_each_once(&lines);
        assert_eq!(e.report().to_string(), lines.join(": "));
        assert!(e.is_out_of_range());
    }

    #[test]
    fn an_io_chain_keeps_the_io_error_and_prints_each_line_once() {
        let e = crate::io::points::CsvPoints::open(
            "no/such/events.csv",
            crate::io::points::ColumnNames::default(),
        )
        .err()
        .map(|e| e.at("argument --to"));
        let Some(e) = e else {
            panic!("the file exists")
        };
        let lines = chain(&e);
        assert_eq!(lines[..2], ["argument --to", "no/such/events.csv"]);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_each_once(&lines);
        assert_eq!(e.io_kind(), Some(std::io::ErrorKind::NotFound));
        assert!(e.is_io() && !e.is_bad_input());
        assert_eq!(e.locations().collect::<Vec<_>>(), ["argument --to"]);
        let Error::Io { source, .. } = e.root() else {
            panic!("{e:?}")
        };
        assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        assert_eq!(lines[2], source.to_string());
        assert_eq!(e.clone(), e);
    }

    #[test]
    fn a_format_member_is_a_location() {
        let e =
            Error::format("geometry.coordinates[0]", "a position", "1 number(s)").at("feature 3");
        assert_eq!(
            e.report().to_string(),
            "feature 3: geometry.coordinates[0]: expected a position, found 1 number(s)"
        );
        assert_each_once(&chain(&e));
        assert!(e.is_format() && e.is_bad_input());
        assert_eq!(e.locations().last(), Some("geometry.coordinates[0]"));
    }
}
