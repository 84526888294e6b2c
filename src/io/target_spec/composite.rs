//! [`Composite`]: points, lines and areas taken together as one target, as
//! read from a GeoJSON file.

use std::io::Read;
use std::path::Path;

use geojson::{GeoJson, Geometry, GeometryValue, Position};

use crate::error::{Error, Result};
use crate::io::points::{FileKind, Sniffed};
use crate::io::without_bom;
use crate::measure::{Buffered, Method, Nearest, PreparedArea, PreparedLine, Target};
use crate::position::LatLon;
use crate::shape::{Area, Line, Polygon};

/// Points, lines and areas taken together as one target: the nearest point
/// is the nearest over all of them, and a point inside any of the areas is
/// inside (distance 0).
///
/// Lines and areas are held in their prepared (indexed) forms; the points
/// are indexed too (as zero-length edges), so a composite of many features
/// answers as fast as a single front line or country.
///
/// ```
/// use strikemap::{LatLon, Target, io::target_spec::Composite};
/// let file = r#"{"type": "FeatureCollection", "features": [
///   {"type": "Feature", "properties": {"name": "Olenya"},
///    "geometry": {"type": "Point", "coordinates": [33.4639, 68.1517]}},
///   {"type": "Feature", "properties": {"name": "Square"},
///    "geometry": {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 51], [30, 50]]]}}
/// ]}"#;
/// let both = Composite::parse(file)?;
/// assert_eq!(both.points().len(), 1);
/// assert!(both.nearest_to(LatLon::new(50.5, 30.5)?).inside);
/// let n = both.nearest_to(LatLon::new(68.0, 33.0)?);
/// assert_eq!(n.point, LatLon::new(68.1517, 33.4639)?);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Composite {
    points: Vec<LatLon>,
    /// The points as a line of zero-length parts, for the segment index.
    point_index: Option<PreparedLine>,
    line: Option<PreparedLine>,
    area: Option<PreparedArea>,
}

impl Composite {
    /// Builds a composite from points, an optional line and an optional area.
    ///
    /// # Errors
    /// [`Error::Format`] if there is nothing at all to measure to.
    ///
    /// ```
    /// use strikemap::{LatLon, Line, io::target_spec::Composite};
    /// let line = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// let c = Composite::new(vec![LatLon::new(50.45, 30.52)?], Some(line), None)?;
    /// assert!(c.line().is_some() && c.area().is_none());
    /// assert!(Composite::new(vec![], None, None).is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(points: Vec<LatLon>, line: Option<Line>, area: Option<Area>) -> Result<Composite> {
        if points.is_empty() && line.is_none() && area.is_none() {
            return Err(Error::format(
                "geometries",
                "at least one point, line or area",
                "none",
            ));
        }
        let point_index = if points.is_empty() {
            None
        } else {
            Some(PreparedLine::new(Line::new(
                points.iter().map(|p| vec![*p, *p]).collect(),
            )?))
        };
        Ok(Composite {
            points,
            point_index,
            line: line.map(PreparedLine::new),
            area: area.map(PreparedArea::new),
        })
    }

    /// Reads every geometry of a GeoJSON document (a FeatureCollection, a
    /// Feature or a bare geometry; GeometryCollections are opened): Points
    /// and MultiPoints as points, (Multi)LineStrings as one line,
    /// (Multi)Polygons as one area. Features without a geometry (`null`,
    /// allowed by RFC 7946) have nothing to measure to and are passed over.
    ///
    /// # Errors
    /// The first bad geometry, naming its feature (`feature 3: coordinates[0][2]:
    /// latitude 91 is out of range [-90, 90]`); [`Error::Format`] if the
    /// document holds no geometry at all.
    ///
    /// ```
    /// let doc: geojson::GeoJson = r#"{"type": "LineString", "coordinates": [[35, 47], [37.5, 48]]}"#.parse()?;
    /// let c = strikemap::io::target_spec::Composite::from_geojson(&doc)?;
    /// assert_eq!(c.line().map(|l| l.segment_count()), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_geojson(geojson: &GeoJson) -> Result<Composite> {
        let mut parts = Parts::default();
        match geojson {
            GeoJson::FeatureCollection(fc) => {
                for (i, feature) in fc.features.iter().enumerate() {
                    if let Some(g) = &feature.geometry {
                        parts.add(g).map_err(|e| e.at(format!("feature {i}")))?;
                    }
                }
            }
            GeoJson::Feature(feature) => {
                if let Some(g) = &feature.geometry {
                    parts.add(g).map_err(|e| e.at("feature"))?;
                }
            }
            GeoJson::Geometry(g) => parts.add(g)?,
        }
        parts.finish()
    }

    /// Reads a GeoJSON text (after a UTF-8 byte order mark, if there is
    /// one); see [`Composite::from_geojson`].
    ///
    /// # Errors
    /// [`Error::Format`] if the text is not GeoJSON; then as
    /// [`Composite::from_geojson`].
    ///
    /// ```
    /// assert!(strikemap::io::target_spec::Composite::parse(r#"{"type": "Point", "coordinates": [30.52, 50.45]}"#).is_ok());
    /// let err = strikemap::io::target_spec::Composite::parse("{").unwrap_err();
    /// assert!(err.report().to_string().starts_with("document: expected GeoJSON"));
    /// ```
    pub fn parse(text: &str) -> Result<Composite> {
        let doc: GeoJson = without_bom(text).parse().map_err(|e: geojson::Error| {
            Error::format(
                "document",
                "GeoJSON (a FeatureCollection, a Feature or a geometry)",
                e.to_string(),
            )
        })?;
        Composite::from_geojson(&doc)
    }

    /// Reads a GeoJSON (or KML/KMZ) file of at most
    /// [`MAX_TARGET_FILE_BYTES`]; see [`Composite::from_geojson`].
    ///
    /// # Errors
    /// [`Error::Io`] naming the path if it cannot be read; as
    /// [`read_target_file`] for a larger file; otherwise the errors of
    /// [`Composite::parse`], prefixed with the path.
    ///
    /// ```
    /// let err = strikemap::io::target_spec::Composite::read("no/such/file.geojson").unwrap_err();
    /// assert!(err.report().to_string().starts_with("no/such/file.geojson: "));
    /// let path = std::env::temp_dir().join("strikemap-doc-composite.kml");
    /// std::fs::write(&path, "<?xml version=\"1.0\"?><kml><Placemark><Point><coordinates>30.52,50.45</coordinates></Point></Placemark></kml>").unwrap();
    /// assert_eq!(strikemap::io::target_spec::Composite::read(&path)?.points().len(), 1);
    /// std::fs::write(&path, "<?xml version=\"1.0\"?><kml><Document/></kml>").unwrap();
    /// let err = strikemap::io::target_spec::Composite::read(&path).unwrap_err();
    /// assert!(err.report().to_string().contains("expected at least one point, line or area"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn read(path: impl AsRef<Path>) -> Result<Composite> {
        let path = path.as_ref();
        let text = read_target_file(path)?;
        Composite::parse(&text).map_err(|e| e.at(path.display().to_string()))
    }

    /// The points (from Point and MultiPoint geometries), in file order.
    ///
    /// ```
    /// let c = strikemap::io::target_spec::Composite::parse(r#"{"type": "Point", "coordinates": [30.5, 50.4]}"#)?;
    /// assert_eq!(c.points().len(), 1);
    /// assert!(c.line().is_none() && c.area().is_none());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn points(&self) -> &[LatLon] {
        &self.points
    }

    /// Every line part together, if there were any.
    ///
    /// ```
    /// let c = strikemap::io::target_spec::Composite::parse(r#"{"type": "LineString", "coordinates": [[35, 47], [37, 48]]}"#)?;
    /// assert_eq!(c.line().map(|l| l.segment_count()), Some(1));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn line(&self) -> Option<&Line> {
        self.line.as_ref().map(PreparedLine::line)
    }

    /// Every polygon together, if there were any.
    ///
    /// ```
    /// let c = strikemap::io::target_spec::Composite::parse(r#"{"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 50]]]}"#)?;
    /// assert_eq!(c.area().map(|a| a.polygons().len()), Some(1));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn area(&self) -> Option<&Area> {
        self.area.as_ref().map(PreparedArea::area)
    }
}

impl Target for Composite {
    fn nearest_to(&self, from: LatLon) -> Nearest {
        self.nearest_by(from, Method::Geodesic)
    }

    fn nearest_by(&self, from: LatLon, method: Method) -> Nearest {
        let mut best: Option<Nearest> = None;
        if let Some(area) = &self.area {
            let n = area.nearest_by(from, method);
            if n.inside {
                return n;
            }
            best = Some(n);
        }
        let from_points = self.point_index.as_ref().map(|p| Nearest {
            on: None,
            ..p.nearest_by(from, method)
        });
        let from_line = self.line.as_ref().map(|l| l.nearest_by(from, method));
        for n in [from_points, from_line].into_iter().flatten() {
            if best.is_none_or(|b| n.distance < b.distance) {
                best = Some(n);
            }
        }
        // `Composite::new` guarantees at least one of the three parts.
        best.unwrap_or(Nearest {
            distance: crate::Distance::from_metres(f64::INFINITY),
            point: from,
            on: None,
            inside: false,
        })
    }
}

/// Every point, line vertex and ring vertex of the file.
impl Buffered for Composite {
    fn vertices(&self) -> Vec<LatLon> {
        let mut out = self.points.clone();
        if let Some(line) = &self.line {
            out.extend(line.vertices());
        }
        if let Some(area) = &self.area {
            out.extend(area.vertices());
        }
        out
    }
}

/// The geometries collected so far.
#[derive(Default)]
struct Parts {
    points: Vec<LatLon>,
    line_parts: Vec<Vec<LatLon>>,
    polygons: Vec<Polygon>,
}

impl Parts {
    fn add(&mut self, geometry: &Geometry) -> Result<()> {
        match &geometry.value {
            GeometryValue::Point { coordinates } => {
                self.points.push(position(coordinates, "coordinates")?);
            }
            GeometryValue::MultiPoint { coordinates } => {
                for (i, p) in coordinates.iter().enumerate() {
                    self.points.push(position(p, &format!("coordinates[{i}]"))?);
                }
            }
            GeometryValue::LineString { .. } | GeometryValue::MultiLineString { .. } => {
                let line = Line::try_from(geometry)?;
                self.line_parts.extend(line.parts().iter().cloned());
            }
            GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. } => {
                let area = Area::try_from(geometry)?;
                self.polygons.extend(area.polygons().iter().cloned());
            }
            GeometryValue::GeometryCollection { geometries } => {
                for (i, g) in geometries.iter().enumerate() {
                    self.add(g).map_err(|e| e.at(format!("geometries[{i}]")))?;
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Composite> {
        let line = if self.line_parts.is_empty() {
            None
        } else {
            Some(Line::new(self.line_parts)?)
        };
        let area = if self.polygons.is_empty() {
            None
        } else {
            Some(Area::new(self.polygons)?)
        };
        Composite::new(self.points, line, area)
    }
}

/// Reads a GeoJSON position `[lon, lat]`, naming the member when it is wrong.
fn position(pos: &Position, member: &str) -> Result<LatLon> {
    let coords = pos.as_slice();
    if coords.len() < 2 {
        return Err(Error::format(
            member.to_string(),
            "a position [longitude, latitude]",
            format!("{} number(s)", coords.len()),
        ));
    }
    LatLon::from_lon_lat([coords[0], coords[1]]).map_err(|e| e.at(member))
}

/// The largest file read whole as one target (64 MiB): a target is a
/// country, a front line, a set of places, which fit in far less. Its
/// geometry is held in memory as parsed GeoJSON, about eight times the file,
/// so the limit bounds a target's memory at about 0.5 GB. Event tables of any
/// size are streamed instead (`io::points`, `strikemap distances`).
///
/// ```
/// assert_eq!(strikemap::io::target_spec::MAX_TARGET_FILE_BYTES, 64 * 1024 * 1024);
/// ```
pub const MAX_TARGET_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a file that holds one target (at most [`MAX_TARGET_FILE_BYTES`])
/// as text, without a leading byte order mark.
///
/// # Errors
/// [`Error::Io`] naming the path if it cannot be read;
/// [`Error::InvalidNumber`] (field `file size`, at the path) if it is
/// larger than the limit; [`Error::UnsupportedFormat`] (at the path) if its
/// content is not JSON, KML or KMZ (CSV, gzip, empty, ...: see
/// [`FileKind`]); [`Error::Format`] for a KML Placemark that cannot be
/// read, naming it. A KML or KMZ file is returned as the GeoJSON
/// FeatureCollection of its Placemarks (see
/// [`Placemark`](crate::io::kml::Placemark)).
///
/// ```
/// let path = std::env::temp_dir().join("strikemap-doc-target.geojson");
/// std::fs::write(&path, "\u{feff}{\"type\": \"Point\", \"coordinates\": [30.5, 50.4]}").unwrap();
/// assert!(strikemap::io::target_spec::read_target_file(&path)?.starts_with('{'));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn read_target_file(path: &Path) -> Result<String> {
    let shown = path.display().to_string();
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(shown.clone(), e))?
        .len();
    if size > MAX_TARGET_FILE_BYTES {
        return Err(Error::InvalidNumber {
            field: "file size",
            value: size as f64,
            expected: "at most 64 MiB for a file read whole as one target \
                       (measure many events with `distances`, which streams)",
        }
        .at(shown));
    }
    // Told by its content first, so that a CSV or gzip file is named; KML
    // and KMZ are read as the GeoJSON they stand for.
    let mut input = Sniffed::open(path)?;
    if crate::io::kml::KML_KINDS.contains(&input.kind()) {
        return kml_as_geojson(input, &shown);
    }
    input
        .kind()
        .require(&[FileKind::Json])
        .map_err(|e| e.at(shown.clone()))?;
    let mut text = String::new();
    input
        .read_to_string(&mut text)
        .map_err(|e| Error::io(shown, e))?;
    Ok(match text.strip_prefix(crate::io::BOM) {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// A KML or KMZ file as the text of a GeoJSON FeatureCollection of its
/// Placemarks (each checked; the first bad one is the error).
fn kml_as_geojson(input: Sniffed<std::fs::File>, shown: &str) -> Result<String> {
    let mut features = Vec::new();
    crate::io::kml::for_each_placemark(input, shown, |p| {
        features.push(p.map_err(|e| e.at(shown.to_string()))?.feature);
        Ok(())
    })?;
    let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
    Ok(collection.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ll(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap_or_else(|e| unreachable!("{}", e.report()))
    }

    #[test]
    fn nearest_over_points_lines_and_areas() -> Result<()> {
        let c = Composite::parse(
            r#"{"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": null, "geometry": {"type": "MultiPoint", "coordinates": [[40, 50], [41, 50]]}},
              {"type": "Feature", "properties": null, "geometry": {"type": "LineString", "coordinates": [[30, 45], [31, 45]]}},
              {"type": "Feature", "properties": null, "geometry": null},
              {"type": "Feature", "properties": null, "geometry": {"type": "GeometryCollection", "geometries": [
                 {"type": "Polygon", "coordinates": [[[20, 50], [21, 50], [21, 51], [20, 51], [20, 50]]]}]}}
            ]}"#,
        )?;
        assert_eq!(c.points().len(), 2);
        let near_point = c.nearest_to(ll(50.1, 41.0));
        assert_eq!(near_point.point, ll(50.0, 41.0));
        assert!(near_point.on.is_none());
        let near_line = c.nearest_to(ll(45.1, 30.5));
        assert!(near_line.on.is_some());
        assert!(near_line.distance.as_km() < 12.0);
        assert!(c.nearest_to(ll(50.5, 20.5)).inside);
        let haversine = c.nearest_by(ll(50.1, 41.0), Method::Haversine);
        assert!((haversine.distance.as_km() - near_point.distance.as_km()).abs() < 0.1);
        Ok(())
    }

    #[test]
    fn a_byte_order_mark_is_skipped() -> Result<()> {
        let c = Composite::parse("\u{feff}{\"type\": \"Point\", \"coordinates\": [30.52, 50.45]}")?;
        assert_eq!(c.points(), [ll(50.45, 30.52)]);
        Ok(())
    }

    #[test]
    fn bad_feature_is_named() {
        let err = Composite::parse(
            r#"{"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": null, "geometry": {"type": "Point", "coordinates": [30, 50]}},
              {"type": "Feature", "properties": null, "geometry": {"type": "Point", "coordinates": [30, 95]}}
            ]}"#,
        )
        .map(|_| ())
        .unwrap_err();
        assert_eq!(
            err.report().to_string(),
            "feature 1: coordinates: latitude 95 is out of range [-90, 90]"
        );
        let short = Composite::parse(r#"{"type": "MultiPoint", "coordinates": [[30, 50], [30]]}"#)
            .map(|_| ())
            .unwrap_err();
        assert_eq!(
            short.report().to_string(),
            "coordinates[1]: expected a position [longitude, latitude], found 1 number(s)"
        );
    }

    #[test]
    fn empty_collection_is_an_error() {
        let err = Composite::parse(r#"{"type": "FeatureCollection", "features": []}"#)
            .map(|_| ())
            .unwrap_err();
        assert_eq!(
            err.report().to_string(),
            "geometries: expected at least one point, line or area, found none"
        );
    }
}
