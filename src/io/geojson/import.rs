//! Reading GeoJSON into strikemap's models: [`Imported`], [`Skipped`], and
//! [`MapFeature::from_feature`].
//!
//! A feature whose `kind` property names one of strikemap's kinds is read
//! with strikemap's own property names, strictly: every property is typed
//! and a wrong one is an error. What the export derives is recomputed on
//! export rather than read: `title` and a strike's or arc's `name` (kept as
//! a style or extra property if they differ), `timestamp`, the numeric
//! `*_km`, `*_mi` and `area_km2` values, `bbox` (checked, then dropped), a
//! range ring's geometry (from `centre` and `radius_m`) and the vertices of
//! a strike arc between its two ends. Style properties that differ from the
//! kind's default become the feature's [`Style`]; every other property is
//! kept in [`MapFeature::properties`] and written back on export.
//!
//! Any other feature is third-party data, read by its geometry: a Point is
//! a [`Site`], a (Multi)LineString a [`FrontLine`], a (Multi)Polygon a
//! [`Territory`]. Its name, country and date come from the usual property
//! names (`name`, `NAME`, `title`, …; `country`, `iso_a2`, …, or the
//! bundled boundary the point lies in; `date`, `as_of`, …); all its
//! properties are kept. A third-party property whose name strikemap writes
//! itself with another meaning (say a `country` that is not an ISO code) is
//! kept as `original:country`; if the file has an `original:country`
//! already (an older import's), that stays and the value goes under the
//! first free `original:country:2`, `original:country:3`, ….

use std::io::Read;
use std::path::Path;

use geojson::feature::Id;
use geojson::{Feature, FeatureCollection, JsonObject, JsonValue};
use jiff::civil::Date;
use serde::de::DeserializeOwned;

use super::geometry::{Geom, describe, read_geometry};
use super::schema::{self, key};
use super::{
    ExportOptions, FeatureCollectionReader, FeatureKind, ImportOptions, MapExport, MapFeature,
    MapItem, Style,
};
use crate::distance::Distance;
use crate::error::{Error, Result};
use crate::io::without_bom;
use crate::model::{
    AirBase, Catalog, City, ClaimedCount, CountryCode, Endpoint, FrontLine, Place, RangeRing, Site,
    Source, Strike, StrikeArc, Territory, Weapon,
};
use crate::position::LatLon;
use crate::shape::{Area, Line, Polygon};

/// A feature left out by a lenient import, and why.
///
/// ```
/// use strikemap::{io::geojson::{ImportOptions, Imported}};
/// let text = r#"{"type":"FeatureCollection","features":[
///     {"type":"Feature","geometry":{"type":"Point","coordinates":[30.5,95]},"properties":{}}]}"#;
/// let map = Imported::parse(text, &ImportOptions::default().with_lenient(true))?;
/// assert_eq!(map.skipped[0].index, 0);
/// assert_eq!(map.skipped[0].error.report().to_string(),
///     "feature 0: geometry.coordinates: latitude 95 is out of range [-90, 90]");
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// Its position in the collection (or the record number in a sequence).
    pub index: usize,
    /// What was wrong, naming the feature, the member and what was expected.
    pub error: Error,
}

/// A GeoJSON file read into strikemap's models: the features in file order,
/// what a lenient import skipped, and the collection's other members.
///
/// Exporting the features again with the same [`ExportOptions`] gives the
/// same GeoJSON as the file strikemap wrote (compared as JSON values): ids,
/// properties, styles and foreign members all survive.
///
/// ```
/// use strikemap::{City, CountryCode, LatLon, MapExport, io::geojson::{ExportOptions, ImportOptions, Imported, MapFeature}};
/// let mut map = MapExport::new(ExportOptions::default());
/// map.add(MapFeature::new(City::new("Kyiv", LatLon::new(50.4501, 30.5234)?, CountryCode::new("UA")?))
///     .with_property("verdict", "within range"))?;
/// let text = serde_json::to_string(&map.to_feature_collection())?;
/// let back = Imported::parse(&text, &ImportOptions::default())?;
/// assert_eq!(back.features[0].properties["verdict"], "within range");
/// let again = back.to_map_export(ExportOptions::default())?.to_feature_collection();
/// assert_eq!(serde_json::to_value(&again)?, serde_json::to_value(&map.to_feature_collection())?);
/// assert_eq!(back.to_catalog()?.place("Kyiv")?.position(), LatLon::new(50.4501, 30.5234)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    /// The features read, in file order.
    pub features: Vec<MapFeature>,
    /// The features a lenient import skipped, each with its error.
    pub skipped: Vec<Skipped>,
    /// Top-level members other than `type`, `features` and `bbox`.
    pub members: JsonObject,
}

/// Whether a reading error is about the document's own `type` (a lone
/// Feature, say, where a FeatureCollection was read), not a feature's.
fn is_top_level_type(e: &Error) -> bool {
    e.is_format() && e.locations().eq(["type"])
}

fn json_error(e: &serde_json::Error) -> Error {
    Error::format("GeoJSON text", "valid JSON", e.to_string())
}

/// Rejects a `crs` member naming anything but WGS84 longitude/latitude
/// (GeoJSON 2008 files may carry one; RFC 7946 coordinates are always WGS84).
pub(crate) fn check_crs(members: &JsonObject) -> Result<()> {
    let Some(crs) = members.get("crs") else {
        return Ok(());
    };
    let name = crs
        .pointer("/properties/name")
        .and_then(JsonValue::as_str)
        .unwrap_or("");
    if name.contains("CRS84") || name.ends_with(":4326") || name.ends_with("::4326") {
        Ok(())
    } else {
        Err(Error::format(
            "crs",
            "WGS84 longitude/latitude (urn:ogc:def:crs:OGC:1.3:CRS84), as RFC 7946 requires",
            describe(Some(crs)),
        ))
    }
}

impl Imported {
    /// Reads GeoJSON text: a FeatureCollection or a single Feature (after a
    /// UTF-8 byte order mark, if there is one).
    ///
    /// # Errors
    /// [`Error::Format`] for invalid JSON, a document that is not a
    /// FeatureCollection or Feature, or a FeatureCollection without
    /// `features`; unless lenient, the first bad feature's error, wrapped
    /// as `feature N: member: …`.
    ///
    /// ```
    /// use strikemap::{io::geojson::{ImportOptions, Imported}};
    /// let err = Imported::parse(r#"{"type":"FeatureCollection"}"#, &ImportOptions::default()).unwrap_err();
    /// assert_eq!(err.report().to_string(), "features: expected an array of features, found nothing");
    /// assert!(Imported::parse("{", &ImportOptions::default()).is_err());
    /// ```
    pub fn parse(text: &str, options: &ImportOptions) -> Result<Imported> {
        let value: JsonValue =
            serde_json::from_str(without_bom(text)).map_err(|e| json_error(&e))?;
        Imported::from_value(&value, options)
    }

    /// Reads a parsed JSON document (a FeatureCollection or a Feature).
    ///
    /// # Errors
    /// As [`Imported::parse`], except for invalid JSON.
    ///
    /// ```
    /// use strikemap::{io::geojson::{ImportOptions, Imported}};
    /// let v = serde_json::json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.5, 50.4]},
    ///     "properties": {"name": "Somewhere", "country": "UA"}});
    /// let map = Imported::from_value(&v, &ImportOptions::default())?;
    /// assert_eq!(map.features[0].item.name(), "Somewhere");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_value(value: &JsonValue, options: &ImportOptions) -> Result<Imported> {
        let Some(obj) = value.as_object() else {
            return Err(Error::format(
                "GeoJSON text",
                "a JSON object (a FeatureCollection or a Feature)",
                describe(Some(value)),
            ));
        };
        match obj.get("type").and_then(JsonValue::as_str) {
            Some("FeatureCollection") => {}
            Some("Feature") => {
                let mut out = Imported::default();
                out.push(0, read_feature(value, 0, options), options)?;
                return Ok(out);
            }
            _ => {
                return Err(Error::format(
                    "type",
                    "\"FeatureCollection\" or \"Feature\"",
                    describe(obj.get("type")),
                ));
            }
        }
        let features = match obj.get("features") {
            Some(JsonValue::Array(a)) => a,
            other => {
                return Err(Error::format(
                    "features",
                    "an array of features",
                    describe(other),
                ));
            }
        };
        let mut out = Imported {
            members: obj
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "type" | "features" | "bbox"))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            ..Imported::default()
        };
        check_crs(&out.members)?;
        for (i, f) in features.iter().enumerate() {
            out.push(i, read_feature(f, i, options), options)?;
        }
        Ok(out)
    }

    /// Keeps a feature, or records (lenient) or returns its error.
    fn push(
        &mut self,
        index: usize,
        read: Result<Option<MapFeature>>,
        options: &ImportOptions,
    ) -> Result<()> {
        match read {
            Ok(Some(f)) => self.features.push(f),
            // A marker the export derived from a ring or arc.
            Ok(None) => {}
            Err(e) => {
                let error = e.at(format!("feature {index}"));
                if !options.lenient() {
                    return Err(error);
                }
                self.skipped.push(Skipped { index, error });
            }
        }
        Ok(())
    }

    /// Reads a FeatureCollection parsed by the `geojson` crate.
    ///
    /// # Errors
    /// As [`Imported::from_value`].
    ///
    /// ```
    /// use strikemap::{io::geojson::{ImportOptions, Imported}};
    /// let fc: geojson::FeatureCollection = r#"{"type":"FeatureCollection","features":[]}"#.parse()?;
    /// assert!(Imported::from_feature_collection(&fc, &ImportOptions::default())?.features.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_feature_collection(
        collection: &FeatureCollection,
        options: &ImportOptions,
    ) -> Result<Imported> {
        let value = serde_json::to_value(collection).map_err(|e| json_error(&e))?;
        Imported::from_value(&value, options)
    }

    /// Reads a FeatureCollection from a stream, feature by feature (see
    /// [`FeatureCollectionReader`]; a UTF-8 byte order mark is skipped).
    ///
    /// # Errors
    /// As [`Imported::parse`]; [`Error::Io`] if reading fails.
    ///
    /// ```
    /// use strikemap::{io::geojson::{ImportOptions, Imported}};
    /// let text = br#"{"type":"FeatureCollection","features":[]}"#;
    /// assert!(Imported::from_reader(&text[..], &ImportOptions::default())?.features.is_empty());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_reader(reader: impl Read, options: &ImportOptions) -> Result<Imported> {
        let mut stream = FeatureCollectionReader::new(reader, options.clone());
        let mut features = Vec::new();
        for f in stream.by_ref() {
            features.push(f?);
        }
        Ok(Imported {
            features,
            skipped: stream.skipped().to_vec(),
            members: stream.members().clone(),
        })
    }

    /// Reads a GeoJSON file: a FeatureCollection, streamed feature by
    /// feature (see [`FeatureCollectionReader`]), or a single Feature; or a
    /// KML or KMZ file (told by its content, whatever its name), Placemark
    /// by Placemark (see [`Imported::from_kml`]).
    ///
    /// # Errors
    /// [`Error::Io`] naming the path if it cannot be read; otherwise as
    /// [`Imported::parse`], prefixed with the path.
    ///
    /// ```
    /// use strikemap::io::geojson::{ImportOptions, Imported};
    /// let path = std::env::temp_dir().join("strikemap-doc-from-path.geojson");
    /// std::fs::write(&path, r#"{"type": "Feature", "properties": {"name": "Kyiv", "country": "UA"},
    ///     "geometry": {"type": "Point", "coordinates": [30.52, 50.45]}}"#).unwrap();
    /// let map = Imported::from_path(&path, &ImportOptions::default())?;
    /// assert_eq!(map.features[0].item.name(), "Kyiv");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>, options: &ImportOptions) -> Result<Imported> {
        let mut features = Vec::new();
        let mut out = Imported::for_each_in_file(path, options, |f| {
            features.push(f);
            Ok(())
        })?;
        out.features = features;
        Ok(out)
    }

    /// Reads a GeoJSON file as [`Imported::from_path`] does, handing each
    /// feature to `each` instead of keeping it: a FeatureCollection of any
    /// size is read in memory that grows with the largest feature (and what
    /// a lenient import skips), not with the file. A single Feature is read
    /// whole. The result holds the collection's members and the skipped
    /// features; its `features` is empty.
    ///
    /// # Errors
    /// As [`Imported::from_path`]; the first error `each` returns, prefixed
    /// with the path.
    ///
    /// ```
    /// use strikemap::io::geojson::{ImportOptions, Imported};
    /// let path = std::env::temp_dir().join("strikemap-doc-for-each.geojson");
    /// std::fs::write(&path, r#"{"type": "FeatureCollection", "name": "bases", "features": [
    ///     {"type": "Feature", "properties": {"name": "Olenya", "country": "RU"}, "geometry": {"type": "Point", "coordinates": [33.46, 68.15]}}]}"#).unwrap();
    /// let mut names = Vec::new();
    /// let rest = Imported::for_each_in_file(&path, &ImportOptions::default(), |f| {
    ///     names.push(f.item.name());
    ///     Ok(())
    /// })?;
    /// assert_eq!((names, rest.members["name"].as_str()), (vec!["Olenya".to_string()], Some("bases")));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn for_each_in_file(
        path: impl AsRef<Path>,
        options: &ImportOptions,
        mut each: impl FnMut(MapFeature) -> Result<()>,
    ) -> Result<Imported> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        // Told by content: KML and KMZ are read Placemark by Placemark.
        let input = crate::io::points::Sniffed::open(path)?;
        if crate::io::kml::KML_KINDS.contains(&input.kind()) {
            return crate::io::kml::import_each(input, &shown, options, each);
        }
        let mut stream = FeatureCollectionReader::new(input, options.clone());
        let mut read_any = false;
        for next in stream.by_ref() {
            match next {
                Ok(f) => {
                    read_any = true;
                    each(f).map_err(|e| e.at(shown.clone()))?;
                }
                // Not a FeatureCollection: a lone Feature (or a wrong
                // document, which `from_value` names), read whole.
                Err(e) if !read_any && is_top_level_type(&e) => {
                    let text =
                        std::fs::read_to_string(path).map_err(|e| Error::io(shown.clone(), e))?;
                    let value: JsonValue = serde_json::from_str(without_bom(&text))
                        .map_err(|e| json_error(&e).at(shown.clone()))?;
                    let mut whole =
                        Imported::from_value(&value, options).map_err(|e| e.at(shown.clone()))?;
                    for f in std::mem::take(&mut whole.features) {
                        each(f).map_err(|e| e.at(shown.clone()))?;
                    }
                    return Ok(whole);
                }
                Err(e) => return Err(e.at(shown)),
            }
        }
        Ok(Imported {
            features: Vec::new(),
            skipped: stream.skipped().to_vec(),
            members: stream.members().clone(),
        })
    }

    /// The places, territories, front lines and strikes as a [`Catalog`]
    /// (range rings and strike arcs have no place in one).
    ///
    /// # Errors
    /// [`Error::DuplicateName`] if two of them share a name or alias.
    ///
    /// ```
    /// use strikemap::{io::geojson::{ImportOptions, Imported}};
    /// let text = r#"{"type":"FeatureCollection","features":[
    ///   {"type":"Feature","geometry":{"type":"Point","coordinates":[30.52,50.45]},"properties":{"name":"Kyiv","country":"UA"}},
    ///   {"type":"Feature","geometry":{"type":"Point","coordinates":[30.6,50.5]},"properties":{"name":"kyiv","country":"UA"}}]}"#;
    /// let map = Imported::parse(text, &ImportOptions::default())?;
    /// assert!(map.to_catalog().is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn to_catalog(&self) -> Result<Catalog> {
        let mut c = Catalog::new();
        for f in &self.features {
            match &f.item {
                MapItem::Place(p) => c.add_place(p.clone())?,
                MapItem::Territory(t) => c.add_territory(t.clone())?,
                MapItem::FrontLine(l) => c.add_front_line(l.clone())?,
                MapItem::Strike(s) => c.add_strike(s.clone()),
                MapItem::StrikeArc(_) | MapItem::RangeRing(_) => {}
            }
        }
        Ok(c)
    }

    /// The features (and top-level members, except `crs`, which RFC 7946
    /// removed) exported again with `options`.
    ///
    /// # Errors
    /// As [`MapExport::add`].
    ///
    /// ```
    /// use strikemap::{io::geojson::{ExportOptions, ImportOptions, Imported}};
    /// let map = Imported::parse(r#"{"type":"FeatureCollection","name":"x","features":[]}"#, &ImportOptions::default())?;
    /// let fc = map.to_map_export(ExportOptions::default())?.to_feature_collection();
    /// assert_eq!(fc.foreign_members.unwrap()["name"], "x");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn to_map_export(&self, options: ExportOptions) -> Result<MapExport> {
        let mut map = MapExport::new(options);
        for (k, v) in &self.members {
            if k != "crs" {
                map.set_member(k, v.clone())?;
            }
        }
        map.extend(self.features.iter().cloned())?;
        Ok(map)
    }
}

impl MapFeature {
    /// Reads a feature parsed by the `geojson` crate; `index` (its position
    /// in the collection) names third-party features that have no name.
    ///
    /// # Errors
    /// [`Error::Format`] naming the member and what was expected, or a
    /// coordinate error naming where it sits (`geometry.coordinates[0][2]:
    /// latitude 91 is out of range [-90, 90]`).
    ///
    /// ```
    /// use strikemap::{io::geojson::{FeatureKind, ImportOptions, MapFeature}};
    /// let f: geojson::Feature = r##"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[35,47],[37.5,48]]},
    ///     "properties":{"stroke":"#ff0000"}}"##.parse()?;
    /// let opts = ImportOptions::default().with_as_of(strikemap::Date::constant(2025, 6, 2));
    /// let front = MapFeature::from_feature(&f, 7, &opts)?;
    /// assert_eq!(front.kind(), FeatureKind::FrontLine);
    /// assert_eq!(front.item.name(), "feature 7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_feature(
        feature: &Feature,
        index: usize,
        options: &ImportOptions,
    ) -> Result<MapFeature> {
        let value = serde_json::to_value(feature).map_err(|e| json_error(&e))?;
        read_feature(&value, index, options)?.ok_or_else(|| {
            Error::format(
                "properties.kind",
                "a model's kind (a \"marker\" is derived from its range ring or strike arc, \
                 and skipped when a collection is read)",
                "\"marker\"",
            )
        })
    }
}

/// The properties of one feature, consumed as they are read.
struct Props {
    map: JsonObject,
}

fn wrong(key: &str, expected: &str, found: Option<&JsonValue>) -> Error {
    Error::format(
        format!("properties.{key}"),
        expected.to_string(),
        describe(found),
    )
}

/// Reads `YYYY-MM-DD` exactly.
fn strict_date(text: &str) -> Option<Date> {
    text.parse::<Date>().ok().filter(|d| d.to_string() == text)
}

/// Reads a date, or the date of a date-time (UTC for instants).
fn loose_date(text: &str) -> Option<Date> {
    if let Ok(d) = text.parse::<Date>() {
        return Some(d);
    }
    if let Ok(dt) = text.parse::<jiff::civil::DateTime>() {
        return Some(dt.date());
    }
    text.parse::<jiff::Timestamp>()
        .ok()
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date())
}

const DATE: &str = "an ISO 8601 date such as \"2025-06-02\"";

impl Props {
    /// Removes a key; `null` counts as absent.
    fn take(&mut self, key: &str) -> Option<JsonValue> {
        match self.map.remove(key) {
            Some(JsonValue::Null) | None => None,
            Some(v) => Some(v),
        }
    }

    fn string(&mut self, key: &str) -> Result<Option<String>> {
        match self.take(key) {
            None => Ok(None),
            Some(JsonValue::String(s)) => Ok(Some(s)),
            Some(other) => Err(wrong(key, "a string", Some(&other))),
        }
    }

    fn require_string(&mut self, key: &str) -> Result<String> {
        self.string(key)?
            .ok_or_else(|| wrong(key, "a string", None))
    }

    fn strings(&mut self, key: &str) -> Result<Vec<String>> {
        match self.take(key) {
            None => Ok(Vec::new()),
            Some(JsonValue::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    JsonValue::String(s) => Ok(s),
                    other => Err(wrong(key, "an array of strings", Some(&other))),
                })
                .collect(),
            Some(other) => Err(wrong(key, "an array of strings", Some(&other))),
        }
    }

    fn boolean(&mut self, key: &str) -> Result<Option<bool>> {
        match self.take(key) {
            None => Ok(None),
            Some(JsonValue::Bool(b)) => Ok(Some(b)),
            Some(other) => Err(wrong(key, "true or false", Some(&other))),
        }
    }

    fn count(&mut self, key: &str) -> Result<Option<u64>> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => v
                .as_u64()
                .map(Some)
                .ok_or_else(|| wrong(key, "a whole number ≥ 0", Some(&v))),
        }
    }

    fn number(&mut self, key: &str) -> Result<Option<f64>> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => v
                .as_f64()
                .map(Some)
                .ok_or_else(|| wrong(key, "a number", Some(&v))),
        }
    }

    fn date(&mut self, key: &str) -> Result<Option<Date>> {
        match self.take(key) {
            None => Ok(None),
            Some(JsonValue::String(s)) => strict_date(&s)
                .map(Some)
                .ok_or_else(|| wrong(key, DATE, Some(&JsonValue::String(s.clone())))),
            Some(other) => Err(wrong(key, DATE, Some(&other))),
        }
    }

    fn require_date(&mut self, key: &str) -> Result<Date> {
        self.date(key)?.ok_or_else(|| wrong(key, DATE, None))
    }

    fn position(&mut self, key: &str) -> Result<Option<LatLon>> {
        const POS: &str = "a position [longitude, latitude]";
        match self.take(key) {
            None => Ok(None),
            Some(v) => {
                let pair = v
                    .as_array()
                    .filter(|a| a.len() == 2)
                    .and_then(|a| Some([a[0].as_f64()?, a[1].as_f64()?]));
                let pair = pair.ok_or_else(|| wrong(key, POS, Some(&v)))?;
                LatLon::from_lon_lat(pair)
                    .map(Some)
                    .map_err(|e| e.at(format!("properties.{key}")))
            }
        }
    }

    fn country(&mut self, key: &str) -> Result<Option<CountryCode>> {
        match self.string(key)? {
            None => Ok(None),
            Some(s) => CountryCode::new(&s).map(Some).map_err(|_| {
                wrong(
                    key,
                    "an ISO 3166-1 alpha-2 code such as \"UA\"",
                    Some(&JsonValue::String(s)),
                )
            }),
        }
    }

    fn parse<T: DeserializeOwned>(&mut self, key: &str, expected: &str) -> Result<Option<T>> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => serde_json::from_value(v.clone()).map(Some).map_err(|e| {
                Error::format(
                    format!("properties.{key}"),
                    expected.to_string(),
                    format!("{} ({e})", describe(Some(&v))),
                )
            }),
        }
    }

    fn source(&mut self) -> Result<Source> {
        let title = self.string(key::SOURCE)?;
        let url = self.string(key::SOURCE_URL)?;
        let date = self.date(key::SOURCE_DATE)?;
        Ok(Source {
            title: title.unwrap_or_default(),
            url,
            date,
        })
    }

    /// Drops a value strikemap derives (recomputed on export), when it is a number.
    fn derived_number(&mut self, key: &str) {
        if self.map.get(key).is_some_and(JsonValue::is_number) {
            self.map.remove(key);
        }
    }

    /// Drops a value strikemap derives when it equals what it would write.
    fn derived_equal(&mut self, key: &str, value: &JsonValue) {
        if self.map.get(key) == Some(value) {
            self.map.remove(key);
        }
    }

    /// Drops the timestamp if it matches the date.
    fn timestamp(&mut self, date: Option<Date>) -> Result<()> {
        if let Some(d) = date {
            self.derived_equal(
                key::TIMESTAMP,
                &JsonValue::from(super::properties::unix_ms(d)),
            );
        }
        Ok(())
    }
}

fn expect_geometry(kind: FeatureKind, type_name: &str) -> Error {
    Error::format(
        "geometry.type",
        format!(
            "{} (for kind {:?})",
            kind.geometry_types().join(" or "),
            kind.name()
        ),
        format!("{type_name:?}"),
    )
}

fn area_of(polygons: Vec<Vec<Vec<LatLon>>>) -> Result<Area> {
    Area::new(
        polygons
            .into_iter()
            .map(Polygon::new)
            .collect::<Result<Vec<_>>>()?,
    )
    .map_err(|e| e.at("geometry.coordinates"))
}

/// Reads a feature of one of strikemap's kinds.
fn read_ours(
    kind: FeatureKind,
    geom: Geom,
    type_name: &str,
    props: &mut Props,
    options: &ImportOptions,
) -> Result<MapItem> {
    let mismatch = || expect_geometry(kind, type_name);
    let item = match kind {
        FeatureKind::AirBase | FeatureKind::City | FeatureKind::Site => {
            let Geom::Point(position) = geom else {
                return Err(mismatch());
            };
            let site = Site {
                name: props.require_string(key::NAME)?,
                position,
                country: props.country(key::COUNTRY)?.ok_or_else(|| {
                    wrong(
                        key::COUNTRY,
                        "an ISO 3166-1 alpha-2 code such as \"UA\"",
                        None,
                    )
                })?,
                region: props.string(key::REGION)?,
                aliases: props.strings(key::ALIASES)?,
                source: props.source()?,
                category: props.string(key::CATEGORY)?,
            };
            let place = match kind {
                FeatureKind::AirBase => Place::AirBase(AirBase {
                    site,
                    icao: props.string(key::ICAO)?,
                }),
                FeatureKind::City => Place::City(City {
                    site,
                    population: props.count(key::POPULATION)?,
                }),
                _ => Place::Site(site),
            };
            MapItem::Place(place)
        }
        FeatureKind::FrontLine => {
            let Geom::Lines(parts) = geom else {
                return Err(mismatch());
            };
            let name = props.require_string(key::NAME)?;
            let date = match props.date(key::DATE)? {
                Some(d) => d,
                None => options
                    .as_of()
                    .ok_or_else(|| wrong(key::DATE, DATE, None))?,
            };
            let mut front = FrontLine::new(
                name,
                date,
                Line::new(parts).map_err(|e| e.at("geometry.coordinates"))?,
            );
            front.approximate = props.boolean(key::APPROXIMATE)?.unwrap_or(false);
            front.waypoints = props.strings(key::WAYPOINTS)?;
            front.sources = props
                .parse::<Vec<Source>>(key::SOURCES, "an array of sources {title, url?, date?}")?
                .unwrap_or_default();
            props.timestamp(Some(date))?;
            props.derived_number(key::LENGTH_KM);
            props.derived_number(key::LENGTH_MI);
            MapItem::FrontLine(front)
        }
        FeatureKind::Territory => {
            let Geom::Polygons(polys) = geom else {
                return Err(mismatch());
            };
            let mut t = Territory::new(props.require_string(key::NAME)?, area_of(polys)?);
            t.country = props.country(key::COUNTRY)?;
            t.aliases = props.strings(key::ALIASES)?;
            t.scale = props.string(key::SCALE)?;
            t.source = props.source()?;
            props.derived_number(key::AREA_KM2);
            MapItem::Territory(t)
        }
        FeatureKind::Strike => {
            let Geom::Point(position) = geom else {
                return Err(mismatch());
            };
            let target = Endpoint::new(props.require_string(key::TARGET)?, position);
            let date = props.require_date(key::DATE)?;
            let weapon: Weapon = props
                .parse(key::WEAPON, "a weapon: drone, ballistic_missile, cruise_missile, glide_bomb, artillery or other")?
                .ok_or_else(|| wrong(key::WEAPON, "a weapon such as \"drone\"", None))?;
            let mut s = Strike::new(date, target, weapon);
            s.id = props.string(key::STRIKE_ID)?;
            let launch = props.string(key::LAUNCH)?;
            let launch_position = props.position(key::LAUNCH_POSITION)?;
            s.launch = match (launch, launch_position) {
                (Some(name), Some(p)) => Some(Endpoint::new(name, p)),
                (None, None) => None,
                (Some(_), None) => {
                    return Err(wrong(
                        key::LAUNCH_POSITION,
                        "a position [longitude, latitude] (with \"launch\")",
                        None,
                    ));
                }
                (None, Some(_)) => {
                    return Err(wrong(
                        key::LAUNCH,
                        "the launch point's name (with \"launch_position\")",
                        None,
                    ));
                }
            };
            s.counts = props
                .parse::<Vec<ClaimedCount>>(
                    key::COUNTS,
                    "an array of claimed counts {kind, count, out_of?, claimed_by}",
                )?
                .unwrap_or_default();
            s.description = props.string(key::DESCRIPTION)?;
            s.source = props.source()?;
            props.derived_equal(key::NAME, &JsonValue::from(s.target.name.as_str()));
            props.timestamp(Some(date))?;
            for key in [key::DISTANCE_KM, key::DISTANCE_MI] {
                props.derived_number(key);
            }
            MapItem::Strike(s)
        }
        FeatureKind::StrikeArc => {
            let Geom::Lines(parts) = geom else {
                return Err(mismatch());
            };
            let (Some(first), Some(last)) = (
                parts.first().and_then(|p| p.first()),
                parts.last().and_then(|p| p.last()),
            ) else {
                return Err(mismatch());
            };
            let mut arc = StrikeArc::new(
                Endpoint::new(props.require_string(key::LAUNCH)?, *first),
                Endpoint::new(props.require_string(key::TARGET)?, *last),
            );
            arc.date = props.date(key::DATE)?;
            arc.weapon = props.parse(key::WEAPON, "a weapon such as \"drone\"")?;
            arc.strike_id = props.string(key::STRIKE_ID)?;
            props.derived_equal(key::NAME, &JsonValue::from(arc.name()));
            props.timestamp(arc.date)?;
            for key in [key::DISTANCE_KM, key::DISTANCE_MI] {
                props.derived_number(key);
            }
            MapItem::StrikeArc(arc)
        }
        // Skipped before this by `read_feature`: derived, not a model.
        FeatureKind::Marker => return Err(mismatch()),
        FeatureKind::RangeRing => {
            if !matches!(geom, Geom::Polygons(_)) {
                return Err(mismatch());
            }
            let name = props.require_string(key::NAME)?;
            let centre = props
                .position(key::CENTRE)?
                .ok_or_else(|| wrong(key::CENTRE, "a position [longitude, latitude]", None))?;
            let radius = match (
                props.number(key::RADIUS_M)?,
                props.map.get(key::RADIUS_KM).and_then(JsonValue::as_f64),
                props.map.get(key::RADIUS_MI).and_then(JsonValue::as_f64),
            ) {
                (Some(m), _, _) => Distance::from_metres(m),
                (None, Some(km), _) => Distance::from_km(km),
                (None, None, Some(mi)) => Distance::from_miles(mi),
                (None, None, None) => {
                    return Err(wrong(
                        key::RADIUS_M,
                        "the radius in metres (or radius_km, radius_mi)",
                        None,
                    ));
                }
            };
            props.derived_number(key::RADIUS_KM);
            props.derived_number(key::RADIUS_MI);
            MapItem::RangeRing(
                RangeRing::new(name, centre, radius).map_err(|e| e.at("properties.radius_m"))?,
            )
        }
    };
    Ok(item)
}

fn first_string(props: &JsonObject, keys: &[&str]) -> Option<(String, String)> {
    keys.iter()
        .find_map(|k| {
            props
                .get(*k)
                .and_then(JsonValue::as_str)
                .map(|v| (k.to_string(), v.to_string()))
        })
        .filter(|(_, v)| !v.trim().is_empty())
}

fn id_text(id: Option<&Id>) -> Option<String> {
    match id {
        Some(Id::String(s)) => Some(s.clone()),
        Some(Id::Number(n)) => Some(n.to_string()),
        None => None,
    }
}

/// Reads a third-party feature by its geometry, keeping every property.
fn read_theirs(
    geom: Geom,
    props: &mut Props,
    index: usize,
    id: Option<&Id>,
    options: &ImportOptions,
) -> Result<MapItem> {
    let name_keys = [
        key::NAME,
        "Name",
        "NAME",
        key::TITLE,
        "label",
        "ADMIN",
        "NAME_EN",
        "name_en",
    ];
    let name = first_string(&props.map, &name_keys)
        .map(|(_, v)| v)
        .or_else(|| id_text(id))
        .unwrap_or_else(|| format!("feature {index}"));
    let country_of = |props: &JsonObject| {
        [
            key::COUNTRY,
            "iso_a2",
            "ISO_A2",
            "country_code",
            "ISO_A2_EH",
        ]
        .iter()
        .find_map(|k| {
            props
                .get(*k)
                .and_then(JsonValue::as_str)
                .and_then(|s| CountryCode::new(s).ok())
        })
    };
    let (item, keys): (MapItem, Vec<&str>) = match geom {
        Geom::Point(position) => {
            let country = country_of(&props.map)
                .or_else(|| {
                    options
                        .country_lookup()
                        .then(|| crate::countries::containing(position).and_then(|c| c.iso_a2))
                        .flatten()
                })
                .or(options.default_country())
                .ok_or_else(|| {
                    wrong(
                        key::COUNTRY,
                        "an ISO 3166-1 alpha-2 code such as \"UA\" (the point lies in no bundled country; \
                         set ImportOptions::with_default_country)",
                        None,
                    )
                })?;
            (
                MapItem::Place(Place::Site(Site::new(name, position, country))),
                schema::keys(FeatureKind::Site),
            )
        }
        Geom::Lines(parts) => {
            let date_keys = [key::DATE, "as_of", "Date", "DATE", "as_of_date"];
            let date = match first_string(&props.map, &date_keys) {
                Some((key, text)) => loose_date(&text)
                    .ok_or_else(|| wrong(&key, DATE, Some(&JsonValue::String(text.clone()))))?,
                None => options.as_of().ok_or_else(|| {
                    wrong(key::DATE, "an ISO 8601 date such as \"2025-06-02\" (or ImportOptions::with_as_of for undated lines)", None)
                })?,
            };
            let line = Line::new(parts).map_err(|e| e.at("geometry.coordinates"))?;
            (
                MapItem::FrontLine(FrontLine::new(name, date, line)),
                schema::keys(FeatureKind::FrontLine),
            )
        }
        Geom::Polygons(polys) => {
            let mut t = Territory::new(name, area_of(polys)?);
            t.country = country_of(&props.map);
            (MapItem::Territory(t), schema::keys(FeatureKind::Territory))
        }
    };
    // What strikemap will write under its own names; a third-party value
    // that differs is kept under "original:NAME".
    let ours = match &item {
        MapItem::Place(p) => vec![
            (key::KIND, JsonValue::from("site")),
            (key::NAME, p.name().into()),
            (key::COUNTRY, p.site().country.as_str().into()),
        ],
        MapItem::FrontLine(f) => vec![
            (key::KIND, "front_line".into()),
            (key::NAME, f.name.as_str().into()),
            (key::DATE, f.as_of.to_string().into()),
        ],
        MapItem::Territory(t) => {
            let mut v = vec![
                (key::KIND, JsonValue::from("territory")),
                (key::NAME, t.name.as_str().into()),
            ];
            if let Some(c) = t.country {
                v.push((key::COUNTRY, c.as_str().into()));
            }
            v
        }
        _ => Vec::new(),
    };
    for key in &keys {
        let Some(value) = props.map.remove(*key) else {
            continue;
        };
        let same = ours.iter().any(|(k, v)| k == key && *v == value);
        if !same && !value.is_null() {
            let aside = free_original_key(&props.map, key);
            props.map.insert(aside, value);
        }
    }
    Ok(item)
}

/// Where a third-party value of `key` is kept: `original:KEY`, or if the
/// file has that already (say from an older import), the first free of
/// `original:KEY:2`, `original:KEY:3`, …, so no property is overwritten.
fn free_original_key(props: &JsonObject, key: &str) -> String {
    let first = format!("original:{key}");
    if !props.contains_key(&first) {
        return first;
    }
    (2u64..)
        .map(|n| format!("{first}:{n}"))
        .find(|k| !props.contains_key(k))
        .unwrap_or(first)
}

/// Reads one feature object; errors name the member but not the feature
/// (the caller adds `feature N`). `None` for a marker (`kind: "marker"`),
/// which the export derives from a ring or arc and so is not read back.
pub(crate) fn read_feature(
    value: &JsonValue,
    index: usize,
    options: &ImportOptions,
) -> Result<Option<MapFeature>> {
    let Some(obj) = value.as_object() else {
        return Err(Error::format(
            "feature",
            "a GeoJSON Feature object",
            describe(Some(value)),
        ));
    };
    match obj.get("type") {
        Some(JsonValue::String(t)) if t == "Feature" => {}
        other => {
            return Err(Error::format("type", "\"Feature\"", describe(other)));
        }
    }
    let id = match obj.get("id") {
        None | Some(JsonValue::Null) => None,
        Some(JsonValue::String(s)) => Some(Id::String(s.clone())),
        Some(JsonValue::Number(n)) => Some(Id::Number(n.clone())),
        other => {
            return Err(Error::format("id", "a string or a number", describe(other)));
        }
    };
    let map = match obj.get("properties") {
        None | Some(JsonValue::Null) => JsonObject::new(),
        Some(JsonValue::Object(o)) => o.clone(),
        other => {
            return Err(Error::format(
                "properties",
                "an object or null",
                describe(other),
            ));
        }
    };
    if map.get(key::KIND).and_then(JsonValue::as_str) == Some(FeatureKind::Marker.name()) {
        return Ok(None);
    }
    if let Some(b) = obj.get("bbox") {
        let ok = b
            .as_array()
            .is_some_and(|a| (a.len() == 4 || a.len() == 6) && a.iter().all(JsonValue::is_number));
        if !ok {
            return Err(Error::format(
                "bbox",
                "an array of 4 numbers [west, south, east, north]",
                describe(Some(b)),
            ));
        }
    }
    let Some(geometry) = obj.get("geometry") else {
        return Err(Error::format(
            "geometry",
            "a geometry object or null",
            "nothing",
        ));
    };
    let Some((geom, type_name)) = read_geometry(geometry, options)? else {
        return Err(Error::format(
            "geometry",
            "a geometry (every strikemap model has one)",
            "null",
        ));
    };
    let foreign_members: JsonObject = obj
        .iter()
        .filter(|(k, _)| {
            !matches!(
                k.as_str(),
                "type" | "id" | "properties" | "bbox" | "geometry"
            )
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    // A member GeoJSON writers reserve for collections: no export could keep
    // it, so it is refused here rather than lost there (found by fuzzing).
    if foreign_members.contains_key("features") {
        return Err(Error::format(
            "features",
            "no \"features\" member in a Feature (it belongs to a FeatureCollection)",
            "a \"features\" member",
        ));
    }
    let mut props = Props { map };
    let ours = props
        .map
        .get(key::KIND)
        .and_then(JsonValue::as_str)
        .and_then(FeatureKind::from_name);
    let item = match ours {
        Some(kind) => {
            props.map.remove(key::KIND);
            read_ours(kind, geom, type_name, &mut props, options)?
        }
        None => read_theirs(geom, &mut props, index, id.as_ref(), options)?,
    };
    let name = JsonValue::from(item.name());
    let mut style = Style::take_from(&mut props.map);
    if style.get(key::TITLE) == Some(&name) {
        style.remove(key::TITLE);
    }
    let style = style.without(&Style::default_for(item.kind()));
    Ok(Some(MapFeature {
        item,
        id,
        style,
        properties: props.map,
        foreign_members,
    }))
}
