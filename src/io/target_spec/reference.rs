//! The subjects and reference of a claim check, read from text:
//! [`parse_endpoint`] (`Olenya=68.1517,33.4639`) and [`ClaimReference`]
//! (`country:UA`, a position, or a GeoJSON file holding one place,
//! territory or front line).

use std::path::Path;

use crate::claim::{Reference, ReferenceData};
use crate::countries::{self, Country};
use crate::error::{Error, Result};
use crate::io::geojson::{ImportOptions, Imported, MapItem};
use crate::io::points::{FileKind, Sniffed};
use crate::measure::{Buffered, Method, Nearest, Target};
use crate::model::{CountryCode, Endpoint, FrontLine, Place, Site, TargetRef, Territory};
use crate::position::LatLon;

use super::{UNKNOWN_COUNTRY, after_prefix, named_place, named_position};
use crate::places::regions;

/// Reads a place: `NAME=LAT,LON` (`Olenya=68.1517,33.4639`), a bare
/// position named by its text (`68.1517,33.4639`), or a place name the
/// gazetteer resolves (`Kyiv`, `"Olenya air base"`, `XLMO`, `"Pokrovsk,
/// UA"`: see [`gazetteer::resolve`](crate::gazetteer::resolve)), named as
/// the gazetteer names it; positions as [`LatLon::parse`] reads them.
///
/// # Errors
/// [`Error::Format`] when the name before `=` is empty; the errors of
/// [`LatLon::parse`] for the position; [`Error::UnknownName`] (with close
/// names) or [`Error::Ambiguous`] (with the candidates) for a place name.
///
/// ```
/// use strikemap::{LatLon, io::target_spec::parse_endpoint};
/// let olenya = parse_endpoint("Olenya=68.1517N,33.4639E")?;
/// assert_eq!((olenya.name.as_str(), olenya.position), ("Olenya", LatLon::new(68.1517, 33.4639)?));
/// assert_eq!(parse_endpoint(" 52.915,103.575 ")?.name, "52.915,103.575");
/// assert_eq!(parse_endpoint("Olenya")?.name, "Olenya Air Base");
/// assert!(parse_endpoint("Pokrovsk").unwrap_err().is_ambiguous_name());
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn parse_endpoint(text: &str) -> Result<Endpoint> {
    let trimmed = text.trim();
    if let Some(place) = named_position(text) {
        return place.map(|p| Endpoint::new(p.name(), p.position()));
    }
    match LatLon::parse(trimmed) {
        Ok(p) => Ok(Endpoint::new(trimmed, p)),
        Err(e)
            if trimmed.chars().any(|c| c.is_ascii_digit())
                && !crate::gazetteer::is_known(trimmed) =>
        {
            Err(e)
        }
        Err(_) if trimmed.is_empty() => Err(Error::format(
            "place",
            "a place name, LAT,LON or NAME=LAT,LON",
            "nothing",
        )),
        Err(_) => {
            let place = named_place(trimmed)?;
            Ok(Endpoint::new(place.name(), place.position()))
        }
    }
}

/// What a claim's distances are measured to, read from text.
///
/// ```
/// use strikemap::{DistanceClaim, Verdict, io::target_spec::{ClaimReference, parse_endpoint}};
/// let ukraine = ClaimReference::parse("country:UA")?;
/// let bases = [parse_endpoint("Olenya=68.1517,33.4639")?];
/// let v = DistanceClaim::parse("more than 1,000 km")?.check(&bases, ukraine.as_target_ref())?;
/// assert_eq!(v.verdict, Verdict::Supported);
/// assert_eq!(ukraine.name(), "Ukraine");
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ClaimReference {
    /// A bundled country (1:50m), from `country:UA`.
    Country(&'static Country),
    /// A place, from `NAME=LAT,LON`, `LAT,LON`, or a file holding one point.
    Place(Place),
    /// A territory, from a file holding one area.
    Territory(Territory),
    /// A front line, from a file holding one line.
    FrontLine(FrontLine),
}

impl ClaimReference {
    /// Reads a reference: `country:CODE` or `region:CODE` (as in
    /// [`TargetSpec`](crate::io::target_spec::TargetSpec)); `NAME=LAT,LON`,
    /// `LAT,LON` or a place name (a place; see [`parse_endpoint`]; a
    /// gazetteer place keeps its kind, country and region); or the path of
    /// a GeoJSON file (see [`ClaimReference::read`]).
    ///
    /// # Errors
    /// As [`countries::get`], [`regions::get`], [`parse_endpoint`] and
    /// [`ClaimReference::read`].
    ///
    /// ```
    /// use strikemap::io::target_spec::ClaimReference;
    /// assert_eq!(ClaimReference::parse("Kyiv=50.4501,30.5234")?.name(), "Kyiv");
    /// assert!(ClaimReference::parse("country:Atlantis").is_err());
    /// assert_eq!(ClaimReference::parse("region:\"Kursk Oblast\"")?.name(), "Kursk Oblast");
    /// assert_eq!(ClaimReference::parse("Kharkiv")?.name(), "Kharkiv");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<ClaimReference> {
        let trimmed = text.trim();
        if let Some(name) = after_prefix(trimmed, "country") {
            return Ok(ClaimReference::Country(countries::get(name)?));
        }
        if let Some(name) = after_prefix(trimmed, "region") {
            return Ok(ClaimReference::Territory(
                regions::get(name)?.territory().clone(),
            ));
        }
        let path = Path::new(trimmed);
        if path.exists() || super::looks_like_path(trimmed) {
            return ClaimReference::read(path);
        }
        if !trimmed.contains('=') && LatLon::parse(trimmed).is_err() {
            let digits = trimmed.chars().any(|c| c.is_ascii_digit());
            if !digits || crate::gazetteer::is_known(trimmed) {
                return Ok(ClaimReference::Place(named_place(trimmed)?));
            }
        }
        let place = parse_endpoint(trimmed)?;
        let site = Site::new(
            place.name,
            place.position,
            CountryCode::new(UNKNOWN_COUNTRY)?,
        );
        Ok(ClaimReference::Place(Place::Site(site)))
    }

    /// Reads a GeoJSON (or KML/KMZ) file holding exactly one place,
    /// territory or front line (strikemap's own export, or a feature drawn
    /// in geojson.io, QGIS or Google Earth): a FeatureCollection or a single Feature, read feature by
    /// feature through [`Imported::for_each_in_file`] (memory does not grow
    /// with the file). A line without a date is taken as of today (the date
    /// does not enter a verdict).
    ///
    /// # Errors
    /// [`Error::Io`] naming the path; [`Error::UnsupportedFormat`] if it is
    /// not JSON, KML or KMZ (CSV, empty, ...: see
    /// [`FileKind`](crate::io::points::FileKind)); the import's errors
    /// prefixed with the path; [`Error::Format`] when the file holds no
    /// target or more than one.
    ///
    /// ```
    /// let path = std::env::temp_dir().join("strikemap-doc-reference.geojson");
    /// std::fs::write(&path, r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Square"}, "geometry": {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 50]]]}}]}"#).unwrap();
    /// let r = strikemap::io::target_spec::ClaimReference::read(&path)?;
    /// assert_eq!(r.name(), "Square");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn read(path: impl AsRef<Path>) -> Result<ClaimReference> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let file = Sniffed::open(path)?;
        file.kind()
            .require(&[FileKind::Json, FileKind::Kml, FileKind::Kmz, FileKind::Zip])
            .map_err(|e| e.at(shown.clone()))?;
        let today = jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date();
        let options = ImportOptions::default().with_as_of(today);
        // Feature by feature, keeping only the first target of each kind:
        // memory does not grow with the file, whatever it holds.
        let (mut places, mut territories, mut lines) = (0usize, 0usize, 0usize);
        let mut first: Option<ClaimReference> = None;
        Imported::for_each_in_file(path, &options, |f| {
            let reference = match f.item {
                MapItem::Place(p) => {
                    places += 1;
                    ClaimReference::Place(p)
                }
                MapItem::Territory(t) => {
                    territories += 1;
                    ClaimReference::Territory(t)
                }
                MapItem::FrontLine(l) => {
                    lines += 1;
                    ClaimReference::FrontLine(l)
                }
                _ => return Ok(()),
            };
            first.get_or_insert(reference);
            Ok(())
        })?;
        match first {
            Some(reference) if places + territories + lines == 1 => Ok(reference),
            _ => Err(Error::format(
                "features",
                "one place, territory or front line to measure to",
                format!(
                    "{places} place(s), {territories} territory(ies) and {lines} front line(s)"
                ),
            )
            .at(shown)),
        }
    }

    /// The reference's name.
    ///
    /// ```
    /// let r = strikemap::io::target_spec::ClaimReference::parse("country:UA")?;
    /// assert_eq!(r.name(), "Ukraine");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        match self {
            ClaimReference::Country(c) => &c.name,
            ClaimReference::Place(p) => p.name(),
            ClaimReference::Territory(t) => &t.name,
            ClaimReference::FrontLine(f) => &f.name,
        }
    }

    /// The reference as a claim check takes it.
    ///
    /// ```
    /// use strikemap::{LatLon, Target, io::target_spec::ClaimReference};
    /// let r = ClaimReference::parse("country:UA")?;
    /// assert!(r.as_target_ref().nearest_to(LatLon::new(50.45, 30.52)?).inside);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn as_target_ref(&self) -> TargetRef<'_> {
        match self {
            ClaimReference::Country(c) => TargetRef::Territory(&c.territory),
            ClaimReference::Place(p) => TargetRef::Place(p),
            ClaimReference::Territory(t) => TargetRef::Territory(t),
            ClaimReference::FrontLine(f) => TargetRef::FrontLine(f),
        }
    }
}

/// Distances to the reference it holds.
impl Target for ClaimReference {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        self.as_target_ref().nearest_to(from)
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        self.as_target_ref().nearest_by(from, method)
    }
}

/// A claim's reference is buffered on the shape it holds.
impl Buffered for ClaimReference {
    fn vertices(&self) -> Vec<LatLon> {
        self.as_target_ref().vertices()
    }
}

/// A claim is checked against the reference it holds.
///
/// ```
/// use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, Verdict, io::target_spec::ClaimReference};
/// let olenya = AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?);
/// let ua = ClaimReference::parse("country:UA")?;
/// assert_eq!(DistanceClaim::parse("more than 1,000 km")?.check(&[olenya], &ua)?.verdict, Verdict::Supported);
/// # Ok::<(), strikemap::Error>(())
/// ```
impl Reference for ClaimReference {
    fn reference_data(&self) -> ReferenceData<'_> {
        match self {
            ClaimReference::Country(c) => c.territory.reference_data(),
            ClaimReference::Place(p) => p.reference_data(),
            ClaimReference::Territory(t) => t.reference_data(),
            ClaimReference::FrontLine(f) => f.reference_data(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints() {
        let e = parse_endpoint("Ivanovo Severny = 57.0575, 40.9808").unwrap();
        assert_eq!(e.name, "Ivanovo Severny");
        assert!(parse_endpoint("=50,30").is_err());
        assert!(matches!(
            parse_endpoint("X=91,30").unwrap_err(),
            Error::LatitudeOutOfRange { .. }
        ));
        assert!(matches!(
            parse_endpoint("50,abc").unwrap_err(),
            Error::PositionText { .. }
        ));
    }

    #[test]
    fn references() {
        let r = ClaimReference::parse("Country:UKR").unwrap();
        assert!(matches!(r.as_target_ref(), TargetRef::Territory(t) if t.name == "Ukraine"));
        let r = ClaimReference::parse("50.45,30.52").unwrap();
        assert!(matches!(r.as_target_ref(), TargetRef::Place(_)));
        let e = ClaimReference::parse("missing.geojson").unwrap_err();
        assert!(matches!(e, Error::Io { .. }));
    }
}
