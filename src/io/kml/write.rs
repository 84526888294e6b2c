//! [`KmlWriter`]: GeoJSON features as KML Placemarks, streamed, one Folder
//! per kind; [`write_kml`] and [`write_kmz`] for a whole [`MapExport`].
//!
//! A feature is written from the GeoJSON strikemap exports (so geometry is
//! the exported one: rounded, geodesic edges densified, cut at ±180):
//! `name` and `description` as their elements, a `date` as a `TimeStamp`,
//! the simplestyle properties as an inline `Style`, and every property
//! (those too) in `ExtendedData` (see `value.rs` for how values are
//! written as text), so reading the file back gives the same properties;
//! foreign members of the feature go there too, as `geojson:NAME`.

use std::io::{Cursor, Write};

use geojson::{Feature, Geometry, GeometryValue, JsonObject, JsonValue, PointType};
use quick_xml::escape::{escape, partial_escape};

use super::style::KmlStyle;
use super::value::write_value;
use crate::error::{Error, Result};
use crate::io::geojson::{FeatureKind, MapExport};

/// The Folder a kind's features go in: its id and name.
fn kind_folder(kind: &str) -> (String, String) {
    let name = match FeatureKind::from_name(kind) {
        Some(FeatureKind::AirBase) => "Air bases",
        Some(FeatureKind::City) => "Cities",
        Some(FeatureKind::Site) => "Sites",
        Some(FeatureKind::FrontLine) => "Front lines",
        Some(FeatureKind::Territory) => "Territories",
        Some(FeatureKind::Strike) => "Strikes",
        Some(FeatureKind::StrikeArc) => "Strike arcs",
        Some(FeatureKind::RangeRing) => "Range rings",
        Some(FeatureKind::Marker) => "Markers",
        None => "Features",
    };
    let slug = if FeatureKind::from_name(kind).is_some() {
        kind
    } else {
        "features"
    };
    (format!("strikemap-{slug}"), name.to_string())
}

/// The prefix of the `Data` names that hold a GeoJSON feature's foreign
/// members (`geojson:links`), so that they survive a round trip.
pub(crate) const MEMBER: &str = "geojson:";

fn write_error(e: std::io::Error) -> Error {
    Error::io("<output>", e)
}

/// Writes KML 2.2 Placemarks one at a time: memory does not grow with the
/// number of features. A new Folder starts whenever a feature's folder
/// differs from the one before, so give the features grouped by kind (as
/// [`write_kml`] does) for one Folder per kind. Call
/// [`KmlWriter::finish`] to close the document.
///
/// ```
/// use strikemap::{City, CountryCode, LatLon, io::{geojson::{ExportOptions, MapFeature}, kml::KmlWriter}};
/// let kyiv = MapFeature::new(City::new("Kyiv", LatLon::new(50.4501, 30.5234)?, CountryCode::new("UA")?));
/// let mut w = KmlWriter::new(Vec::new(), Some("Cities"))?;
/// w.write(&kyiv.to_feature(&ExportOptions::default())?)?;
/// let kml = String::from_utf8(w.finish()?).unwrap();
/// assert!(kml.contains("<Folder id=\"strikemap-city\"><name>Cities</name>"));
/// assert!(kml.contains("<Point><coordinates>30.5234,50.4501</coordinates></Point>"));
/// assert!(kml.contains("<IconStyle><color>ff7f7f7f</color>"));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub struct KmlWriter<W: Write> {
    out: W,
    folder: Option<String>,
    written: usize,
    /// The KML Style of features whose properties set none.
    default_style: Option<String>,
}

impl<W: Write> KmlWriter<W> {
    /// Starts a document, with `name` as its `name` if given.
    ///
    /// # Errors
    /// [`Error::Io`] if writing fails.
    ///
    /// ```
    /// let w = strikemap::io::kml::KmlWriter::new(Vec::new(), None)?;
    /// assert!(String::from_utf8(w.finish()?).unwrap().ends_with("</Document></kml>\n"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(mut out: W, name: Option<&str>) -> Result<KmlWriter<W>> {
        let mut head = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>",
        );
        if let Some(name) = name {
            head.push_str(&format!("<name>{}</name>", partial_escape(name)));
        }
        head.push('\n');
        out.write_all(head.as_bytes()).map_err(write_error)?;
        Ok(KmlWriter {
            out,
            folder: None,
            written: 0,
            default_style: None,
        })
    }

    /// Draws features whose properties hold no simplestyle colour with
    /// `style` (as their KML Style only: it is not added to their
    /// `ExtendedData`).
    ///
    /// ```
    /// use strikemap::io::{geojson::{FeatureKind, Style}, kml::KmlWriter};
    /// let f: geojson::Feature = r#"{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [30, 50]}}"#.parse()?;
    /// let mut w = KmlWriter::new(Vec::new(), None)?.with_default_style(&Style::default_for(FeatureKind::Strike));
    /// w.write(&f)?;
    /// assert!(String::from_utf8(w.finish()?)?.contains("<IconStyle><color>ff2827d6</color>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_default_style(mut self, style: &crate::io::geojson::Style) -> KmlWriter<W> {
        self.default_style = KmlStyle::write_from(style.properties());
        self
    }

    /// Writes a feature in the Folder of its `kind` property (`Air bases`,
    /// `Front lines`, ...; `Features` for a feature of no strikemap kind).
    ///
    /// # Errors
    /// [`Error::Io`] if writing fails; [`Error::Format`] for a feature
    /// without geometry.
    ///
    /// ```
    /// let f: geojson::Feature = r#"{"type": "Feature", "properties": {"name": "A", "kind": "front_line"},
    ///   "geometry": {"type": "LineString", "coordinates": [[30, 50], [31, 51]]}}"#.parse()?;
    /// let mut w = strikemap::io::kml::KmlWriter::new(Vec::new(), None)?;
    /// w.write(&f)?;
    /// assert!(String::from_utf8(w.finish()?)?.contains("<name>Front lines</name>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write(&mut self, feature: &Feature) -> Result<()> {
        let kind = feature
            .property("kind")
            .and_then(JsonValue::as_str)
            .unwrap_or("");
        let (id, name) = kind_folder(kind);
        self.write_in(&id, &name, feature)
    }

    /// Writes a feature in the Folder named `name` (with the id `id`; a
    /// Folder whose id starts with `strikemap-` is not read back as a
    /// `folder` property).
    ///
    /// # Errors
    /// As [`KmlWriter::write`].
    ///
    /// ```
    /// let f: geojson::Feature = r#"{"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "Point", "coordinates": [30, 50]}}"#.parse()?;
    /// let mut w = strikemap::io::kml::KmlWriter::new(Vec::new(), None)?;
    /// w.write_in("strikemap-events", "Events", &f)?;
    /// assert!(String::from_utf8(w.finish()?)?.contains("<Data name=\"n\"><value>1</value></Data>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_in(&mut self, id: &str, name: &str, feature: &Feature) -> Result<()> {
        let geometry = feature.geometry.as_ref().ok_or_else(|| {
            Error::format("geometry", "a geometry to draw", "null")
                .at(format!("feature {}", self.written))
        })?;
        let mut text = String::new();
        if self.folder.as_deref() != Some(id) {
            if self.folder.is_some() {
                text.push_str("</Folder>\n");
            }
            text.push_str(&format!(
                "<Folder id=\"{}\"><name>{}</name>\n",
                escape(id),
                partial_escape(name)
            ));
            self.folder = Some(id.to_string());
        }
        placemark(&mut text, feature, geometry, self.default_style.as_deref());
        self.out.write_all(text.as_bytes()).map_err(write_error)?;
        self.written += 1;
        Ok(())
    }

    /// How many features were written.
    ///
    /// ```
    /// assert_eq!(strikemap::io::kml::KmlWriter::new(Vec::new(), None)?.written(), 0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn written(&self) -> usize {
        self.written
    }

    /// Closes the open Folder and the document, and hands back the writer.
    ///
    /// # Errors
    /// [`Error::Io`] if writing or flushing fails.
    ///
    /// ```
    /// let out = strikemap::io::kml::KmlWriter::new(Vec::new(), None)?.finish()?;
    /// assert!(!out.is_empty());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn finish(mut self) -> Result<W> {
        let tail = if self.folder.is_some() {
            "</Folder>\n</Document></kml>\n"
        } else {
            "</Document></kml>\n"
        };
        self.out.write_all(tail.as_bytes()).map_err(write_error)?;
        self.out.flush().map_err(write_error)?;
        Ok(self.out)
    }
}

/// Appends one Placemark.
fn placemark(text: &mut String, feature: &Feature, geometry: &Geometry, default: Option<&str>) {
    let empty = JsonObject::new();
    let props = feature.properties.as_ref().unwrap_or(&empty);
    match &feature.id {
        Some(geojson::feature::Id::String(id)) => {
            text.push_str(&format!("<Placemark id=\"{}\">", escape(id.as_str())));
        }
        Some(geojson::feature::Id::Number(n)) => {
            text.push_str(&format!("<Placemark id=\"{n}\">"));
        }
        None => text.push_str("<Placemark>"),
    }
    let string = |k: &str| props.get(k).and_then(JsonValue::as_str);
    if let Some(name) = string("name") {
        text.push_str(&format!("<name>{}</name>", partial_escape(name)));
    }
    if let Some(description) = string("description") {
        text.push_str(&format!(
            "<description>{}</description>",
            partial_escape(description)
        ));
    }
    if let Some(date) = string("date").filter(|d| is_kml_time(d)) {
        text.push_str(&format!("<TimeStamp><when>{date}</when></TimeStamp>"));
    }
    match KmlStyle::write_from(props) {
        Some(style) => text.push_str(&style),
        None => text.push_str(default.unwrap_or_default()),
    }
    let data: Vec<(String, &JsonValue)> = props
        .iter()
        .filter(|(k, v)| !(matches!(k.as_str(), "name" | "description") && v.is_string()))
        .map(|(k, v)| (k.clone(), v))
        .chain(
            feature
                .foreign_members
                .iter()
                .flatten()
                .map(|(k, v)| (format!("{MEMBER}{k}"), v)),
        )
        .collect();
    if !data.is_empty() {
        text.push_str("<ExtendedData>");
        for (k, v) in data {
            text.push_str(&format!(
                "<Data name=\"{}\"><value>{}</value></Data>",
                escape(k.as_str()),
                partial_escape(write_value(v).as_str())
            ));
        }
        text.push_str("</ExtendedData>");
    }
    write_geometry(text, &geometry.value);
    text.push_str("</Placemark>\n");
}

/// Whether `text` is a time KML's `when` takes (an `xsd:date` or
/// `xsd:dateTime`; what jiff reads as a date or an instant).
fn is_kml_time(text: &str) -> bool {
    text.parse::<jiff::civil::Date>().is_ok()
        || text.parse::<jiff::Timestamp>().is_ok()
        || text.parse::<jiff::civil::DateTime>().is_ok()
}

fn coordinates(text: &mut String, positions: &[PointType]) {
    text.push_str("<coordinates>");
    for (i, p) in positions.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        position(text, p);
    }
    text.push_str("</coordinates>");
}

fn position(text: &mut String, p: &PointType) {
    let c = p.as_slice();
    if let [lon, lat, ..] = c {
        text.push_str(&format!("{lon},{lat}"));
    }
}

fn line(text: &mut String, positions: &[PointType]) {
    text.push_str("<LineString><tessellate>1</tessellate>");
    coordinates(text, positions);
    text.push_str("</LineString>");
}

fn polygon(text: &mut String, rings: &[Vec<PointType>]) {
    text.push_str("<Polygon><tessellate>1</tessellate>");
    for (i, ring) in rings.iter().enumerate() {
        let boundary = if i == 0 {
            "outerBoundaryIs"
        } else {
            "innerBoundaryIs"
        };
        text.push_str(&format!("<{boundary}><LinearRing>"));
        coordinates(text, ring);
        text.push_str(&format!("</LinearRing></{boundary}>"));
    }
    text.push_str("</Polygon>");
}

fn write_geometry(text: &mut String, value: &GeometryValue) {
    match value {
        GeometryValue::Point { coordinates: p } => {
            text.push_str("<Point><coordinates>");
            position(text, p);
            text.push_str("</coordinates></Point>");
        }
        GeometryValue::LineString { coordinates: l } => line(text, l),
        GeometryValue::Polygon { coordinates: r } => polygon(text, r),
        GeometryValue::MultiPoint { coordinates } => {
            text.push_str("<MultiGeometry>");
            for p in coordinates {
                write_geometry(text, &GeometryValue::new_point(p.clone()));
            }
            text.push_str("</MultiGeometry>");
        }
        GeometryValue::MultiLineString { coordinates } => {
            text.push_str("<MultiGeometry>");
            for l in coordinates {
                line(text, l);
            }
            text.push_str("</MultiGeometry>");
        }
        GeometryValue::MultiPolygon { coordinates } => {
            text.push_str("<MultiGeometry>");
            for p in coordinates {
                polygon(text, p);
            }
            text.push_str("</MultiGeometry>");
        }
        GeometryValue::GeometryCollection { geometries } => {
            text.push_str("<MultiGeometry>");
            for g in geometries {
                write_geometry(text, &g.value);
            }
            text.push_str("</MultiGeometry>");
        }
    }
}

/// The rank of a feature's kind, for grouping: strikemap's kinds in the
/// order of [`FeatureKind::ALL`], then the rest.
fn kind_rank(feature: &Feature) -> usize {
    feature
        .property("kind")
        .and_then(JsonValue::as_str)
        .and_then(FeatureKind::from_name)
        .and_then(|k| FeatureKind::ALL.iter().position(|x| *x == k))
        .unwrap_or(FeatureKind::ALL.len())
}

/// Writes a whole map as one KML document: its features grouped by kind,
/// one Folder each (in the order of [`FeatureKind::ALL`], file order within
/// a kind), the map's `name` member (if any) as the document's name.
///
/// # Errors
/// [`Error::Io`] if writing fails.
///
/// ```
/// use strikemap::{Distance, LatLon, MapExport, io::{geojson::ExportOptions, kml::write_kml}, model::RangeRing};
/// let mut map = MapExport::new(ExportOptions::default());
/// map.add(RangeRing::new("Engels 1,500 km", LatLon::new(51.48, 46.2)?, Distance::from_km(1_500.0))?)?;
/// let mut out = Vec::new();
/// write_kml(&map, &mut out)?;
/// let kml = String::from_utf8(out).unwrap();
/// assert!(kml.contains("<PolyStyle><color>142ca02c</color><fill>1</fill>"));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn write_kml(map: &MapExport, out: impl Write) -> Result<()> {
    let collection = map.to_feature_collection();
    let name = collection
        .foreign_members
        .as_ref()
        .and_then(|m| m.get("name"))
        .and_then(JsonValue::as_str)
        .map(str::to_string);
    let mut features: Vec<&Feature> = collection.features.iter().collect();
    features.sort_by_key(|f| kind_rank(f));
    let mut writer = KmlWriter::new(out, name.as_deref())?;
    for f in features {
        writer.write(f)?;
    }
    writer.finish().map(drop)
}

/// Zips a KML document as a KMZ: one member, `doc.kml`, deflated (the
/// name Google Earth writes and looks for first).
///
/// # Errors
/// [`Error::Io`] if writing fails.
///
/// ```
/// let mut kmz = Vec::new();
/// strikemap::io::kml::zip_kml(b"<kml/>", &mut kmz)?;
/// assert_eq!(strikemap::io::points::FileKind::sniff(&kmz), strikemap::io::points::FileKind::Kmz);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn zip_kml(kml: &[u8], mut out: impl Write) -> Result<()> {
    let zip_error = |e: zip::result::ZipError| write_error(std::io::Error::other(e));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("doc.kml", options).map_err(zip_error)?;
    zip.write_all(kml).map_err(write_error)?;
    let bytes = zip.finish().map_err(zip_error)?.into_inner();
    out.write_all(&bytes).map_err(write_error)?;
    out.flush().map_err(write_error)
}

/// Writes a whole map as a KMZ: [`write_kml`], then [`zip_kml`] (the
/// document is held in memory while it is zipped).
///
/// # Errors
/// [`Error::Io`] if writing fails.
///
/// ```
/// use strikemap::{MapExport, io::geojson::ExportOptions};
/// let mut kmz = Vec::new();
/// strikemap::io::kml::write_kmz(&MapExport::new(ExportOptions::default()), &mut kmz)?;
/// assert!(kmz.starts_with(b"PK\x03\x04"));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn write_kmz(map: &MapExport, out: impl Write) -> Result<()> {
    let mut kml = Vec::new();
    write_kml(map, &mut kml)?;
    zip_kml(&kml, out)
}
