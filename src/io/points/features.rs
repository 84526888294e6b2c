//! [`PointFeatures`]: the Point features of a GeoJSON FeatureCollection,
//! read one at a time.
//!
//! A thin layer over the crate's one walk over a FeatureCollection
//! (`io/geojson/walk.rs`), shared with
//! [`FeatureCollectionReader`](crate::io::geojson::FeatureCollectionReader):
//! the members of the collection may come in any order (`bbox` or foreign
//! members before `features`), each feature is parsed on its own (so one
//! malformed feature is reported with its index and the rest can still be
//! read), only one feature is in memory at a time, and a syntax error is
//! named by its line and column in the whole file. This file reads each
//! feature the walk hands out as a Point.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use geojson::{Feature, GeometryValue, JsonValue};

use super::{Sniffed, io_error};
use crate::error::{Error, Result};
use crate::io::geojson::FeatureWalk;
use crate::position::LatLon;

/// One Point feature with its position read.
#[derive(Debug, Clone, PartialEq)]
pub struct PointFeature {
    /// Its index in the collection's `features` array (from 0).
    pub index: usize,
    /// Its position.
    pub position: LatLon,
    /// The feature as read (id, properties, foreign members).
    pub feature: Feature,
}

/// The Point features of a GeoJSON FeatureCollection, read one at a time.
///
/// ```
/// use strikemap::io::points::PointFeatures;
/// let fc = r#"{"type": "FeatureCollection", "bbox": [30, 50, 40, 60], "features": [
///   {"type": "Feature", "properties": {"name": "Kyiv"}, "geometry": {"type": "Point", "coordinates": [30.5234, 50.4501]}},
///   {"type": "Feature", "properties": {"name": "Front"}, "geometry": {"type": "LineString", "coordinates": [[35, 47], [37, 48]]}}
/// ]}"#;
/// let mut names = Vec::new();
/// let mut bad = Vec::new();
/// PointFeatures::from_reader(fc.as_bytes(), "events.geojson").for_each(|f| {
///     match f {
///         Ok(f) => names.push(f.feature.property("name").cloned()),
///         Err(e) => bad.push(e.report().to_string()),
///     }
///     Ok(())
/// })?;
/// assert_eq!(names.len(), 1);
/// assert_eq!(bad, ["events.geojson: feature 1: geometry.type: expected Point, found LineString"]);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug)]
pub struct PointFeatures<R> {
    reader: R,
    source: String,
}

impl PointFeatures<BufReader<File>> {
    /// Opens a GeoJSON file.
    ///
    /// # Errors
    /// [`Error::Io`] naming the path.
    ///
    /// ```
    /// let path = std::env::temp_dir().join("strikemap-doc-open.geojson");
    /// std::fs::write(&path, r#"{"type": "FeatureCollection", "features": []}"#).unwrap();
    /// strikemap::io::points::PointFeatures::open(&path)?.for_each(|_| Ok(()))?;
    /// assert!(strikemap::io::points::PointFeatures::open("/no/such.geojson").is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<PointFeatures<BufReader<File>>> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let file = File::open(path).map_err(|e| io_error(&shown, e))?;
        Ok(PointFeatures::from_reader(BufReader::new(file), shown))
    }
}

impl<R: Read> PointFeatures<R> {
    /// Reads from `reader` (buffered here); `source` names it in errors.
    ///
    /// ```
    /// let fc = r#"{"type": "FeatureCollection", "features": []}"#;
    /// let mut n = 0;
    /// strikemap::io::points::PointFeatures::from_reader(fc.as_bytes(), "empty.geojson").for_each(|_| { n += 1; Ok(()) })?;
    /// assert_eq!(n, 0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_reader(reader: R, source: impl Into<String>) -> PointFeatures<R> {
        PointFeatures {
            reader,
            source: source.into(),
        }
    }

    /// Hands every feature to `each`, in file order: `Ok` for a Point
    /// feature, `Err` naming the feature index for anything else (a
    /// malformed feature, another geometry type, no geometry, a bad
    /// position). Returning `Err` from `each` stops reading and returns that
    /// error; returning `Ok` goes on (skipping a bad feature).
    ///
    /// # Errors
    /// The first error `each` returns; [`Error::Format`] if the input is not
    /// JSON (naming the line and column of the syntax error in the file,
    /// and the feature it is in), not a FeatureCollection, or has a `crs`
    /// other than WGS84; [`Error::Io`] if it cannot be read.
    ///
    /// ```
    /// let fc = r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [30.5, 50.4]}}]}"#;
    /// strikemap::io::points::PointFeatures::from_reader(fc.as_bytes(), "one.geojson").for_each(|f| {
    ///     assert_eq!(f?.position.lon(), 30.5);
    ///     Ok(())
    /// })?;
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn for_each(self, mut each: impl FnMut(Result<PointFeature>) -> Result<()>) -> Result<()> {
        let source = self.source;
        let mut walk = FeatureWalk::new(self.reader, source.clone());
        // I/O errors name the source already.
        let in_source = |e: Error| if e.is_io() { e } else { e.at(source.clone()) };
        while let Some((index, value)) = walk.next_feature().map_err(in_source)? {
            each(
                point_feature(index, value)
                    .map_err(|e| e.at(format!("feature {index}")).at(source.clone())),
            )?;
        }
        Ok(())
    }
}

/// The Point Placemarks of a KML document or KMZ archive, read one at a
/// time (streamed; a KMZ is unzipped in memory), each as a
/// [`PointFeature`] whose feature is the Placemark as GeoJSON (see
/// [`Placemark`](crate::io::kml::Placemark)).
///
/// ```
/// use strikemap::io::points::{KmlPoints, Sniffed};
/// let kml = r#"<kml><Document>
///   <Placemark><name>Kyiv</name><Point><coordinates>30.5234,50.4501,0</coordinates></Point></Placemark>
///   <Placemark><name>Front</name><LineString><coordinates>35,47 37,48</coordinates></LineString></Placemark>
/// </Document></kml>"#;
/// let (mut good, mut bad) = (Vec::new(), Vec::new());
/// KmlPoints::new(Sniffed::new(kml.as_bytes(), "events.kml")?, "events.kml").for_each(|f| {
///     match f {
///         Ok(f) => good.push(f.position),
///         Err(e) => bad.push(e.report().to_string()),
///     }
///     Ok(())
/// })?;
/// assert_eq!(good, [strikemap::LatLon::new(50.4501, 30.5234)?]);
/// assert_eq!(bad, ["events.kml: Placemark 1 \"Front\" (line 3): geometry.type: expected Point, found LineString"]);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug)]
pub struct KmlPoints<R> {
    input: Sniffed<R>,
    source: String,
}

impl<R: Read> KmlPoints<R> {
    /// Reads the sniffed input; `source` names it in errors.
    ///
    /// ```
    /// use strikemap::io::points::{KmlPoints, Sniffed};
    /// let points = KmlPoints::new(Sniffed::new(&b"<kml/>"[..], "x.kml")?, "x.kml");
    /// points.for_each(|_| Ok(()))?;
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(input: Sniffed<R>, source: impl Into<String>) -> KmlPoints<R> {
        KmlPoints {
            input,
            source: source.into(),
        }
    }

    /// Hands every Placemark to `each` as [`PointFeatures::for_each`] does
    /// features: `Ok` for a Point, `Err` naming the Placemark (index, name,
    /// line) for anything else.
    ///
    /// # Errors
    /// The first error `each` returns; as
    /// [`for_each_placemark`](crate::io::kml::for_each_placemark) for the
    /// document as a whole.
    ///
    /// ```
    /// use strikemap::io::points::{KmlPoints, Sniffed};
    /// let e = KmlPoints::new(Sniffed::new(&b"<kml><Placemark>"[..], "x.kml")?, "x.kml").for_each(|_| Ok(())).unwrap_err();
    /// assert!(e.report().to_string().starts_with("x.kml: "));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn for_each(self, mut each: impl FnMut(Result<PointFeature>) -> Result<()>) -> Result<()> {
        let source = self.source;
        crate::io::kml::for_each_placemark(self.input, &source, |placemark| {
            let read = placemark.and_then(|p| {
                let at = p.location();
                point_feature(p.index, p.feature).map_err(|e| e.at(at))
            });
            each(read.map_err(|e| e.at(source.clone())))
        })
        .map(drop)
    }
}

/// Reads one feature from its JSON object.
pub(crate) fn point_feature(index: usize, value: JsonValue) -> Result<PointFeature> {
    if !value.is_object() {
        return Err(Error::format(
            "feature",
            "a Feature object",
            json_kind(&value),
        ));
    }
    let feature: Feature = serde_json::from_value(value)
        .map_err(|e| Error::format("feature", "a GeoJSON Feature", e.to_string()))?;
    let Some(geometry) = &feature.geometry else {
        return Err(Error::format("geometry", "a Point", "null"));
    };
    let GeometryValue::Point { coordinates } = &geometry.value else {
        return Err(Error::format(
            "geometry.type",
            "Point",
            geometry.value.type_name(),
        ));
    };
    let c = coordinates.as_slice();
    if c.len() < 2 {
        return Err(Error::format(
            "geometry.coordinates",
            "a position [longitude, latitude]",
            format!("{} number(s)", c.len()),
        ));
    }
    let position = LatLon::from_lon_lat([c[0], c[1]]).map_err(|e| e.at("geometry.coordinates"))?;
    Ok(PointFeature {
        index,
        position,
        feature,
    })
}

fn json_kind(value: &JsonValue) -> &'static str {
    match value {
        JsonValue::Null => "null",
        JsonValue::Bool(_) => "a boolean",
        JsonValue::Number(_) => "a number",
        JsonValue::String(_) => "a string",
        JsonValue::Array(_) => "an array",
        JsonValue::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<(Vec<PointFeature>, Vec<String>)> {
        let mut good = Vec::new();
        let mut bad = Vec::new();
        PointFeatures::from_reader(text.as_bytes(), "f.geojson").for_each(|f| {
            match f {
                Ok(f) => good.push(f),
                Err(e) => bad.push(e.report().to_string()),
            }
            Ok(())
        })?;
        Ok((good, bad))
    }

    #[test]
    fn members_in_any_order_and_bad_features_named() {
        let (good, bad) = read(
            r#"{"features": [
                {"type": "Feature", "id": 7, "properties": {"a": 1}, "geometry": {"type": "Point", "coordinates": [30, 50]}},
                {"type": "Feature", "properties": null, "geometry": {"type": "Point", "coordinates": [30, 95]}},
                {"type": "Feature", "properties": null, "geometry": null},
                {"type": "Feature", "properties": null, "geometry": {"type": "Point", "coordinates": [30]}},
                {"type": "Feature", "properties": null, "geometry": {"type": "Point"}},
                42,
                {"type": "Feature", "properties": null, "geometry": {"type": "Point", "coordinates": [-179.5, -10]}}
              ], "foo": {"bar": [1, 2]}, "type": "FeatureCollection"}"#,
        )
        .unwrap();
        assert_eq!(good.len(), 2);
        assert_eq!(good[1].index, 6);
        assert_eq!(good[0].position, LatLon::new(50.0, 30.0).unwrap());
        assert_eq!(bad.len(), 5);
        assert_eq!(
            bad[0],
            "f.geojson: feature 1: geometry.coordinates: latitude 95 is out of range [-90, 90]"
        );
        assert_eq!(
            bad[1],
            "f.geojson: feature 2: geometry: expected a Point, found null"
        );
        assert!(bad[3].starts_with("f.geojson: feature 4: feature: expected a GeoJSON Feature"));
        assert_eq!(
            bad[4],
            "f.geojson: feature 5: feature: expected a Feature object, found a number"
        );
    }

    #[test]
    fn not_a_collection() {
        for (text, want) in [
            (
                r#"{"type": "Feature", "geometry": null, "properties": null}"#,
                "f.geojson: type: expected \"FeatureCollection\", found the string \"Feature\"",
            ),
            (
                r#"{"type": "FeatureCollection"}"#,
                "f.geojson: features: expected an array of features, found nothing",
            ),
            (
                r#"{"features": []}"#,
                "f.geojson: type: expected \"FeatureCollection\", found nothing",
            ),
            (
                r#"{"type": "Point", "features": []}"#,
                "f.geojson: type: expected \"FeatureCollection\", found the string \"Point\"",
            ),
            (
                "{\"type\": \"FeatureCollection\",\n \"features\": [1,}",
                "f.geojson: feature 1: line 2, column 17: expected a JSON value, found '}'",
            ),
            (
                "[]",
                "f.geojson: line 1, column 1: expected a JSON object (a FeatureCollection), found '['",
            ),
        ] {
            assert_eq!(read(text).unwrap_err().report().to_string(), want, "{text}");
        }
    }

    #[test]
    fn syntax_errors_name_the_line_and_column_in_the_file() {
        let text = "{\"type\": \"FeatureCollection\", \"features\": [\n\
            {\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [30, 50]}},\n\
            {\"type\": \"Feature\", \"properties\": {\"a\": 1 \"b\": 2}, \"geometry\": null}\n]}";
        let mut seen = 0;
        let e = PointFeatures::from_reader(text.as_bytes(), "f.geojson")
            .for_each(|f| {
                seen += 1;
                f.map(|_| ())
            })
            .unwrap_err();
        assert_eq!(seen, 1);
        assert_eq!(
            e.report().to_string(),
            "f.geojson: feature 1: line 3, column 43: expected valid JSON, found expected `,` or `}`"
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let (good, bad) = read(
            "\u{feff}{\"features\": [{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [30, 50]}}], \"type\": \"FeatureCollection\"}",
        )
        .unwrap();
        assert_eq!((good.len(), bad.len()), (1, 0));
    }

    #[test]
    fn a_crs_other_than_wgs84_is_refused() {
        let e = read(r#"{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}, "features": []}"#).unwrap_err();
        assert!(
            e.report()
                .to_string()
                .starts_with("f.geojson: crs: expected WGS84"),
            "{}",
            e.report()
        );
    }

    #[test]
    fn an_error_from_the_callback_stops_the_walk() {
        let text = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": null, "geometry": {"type": "Point", "coordinates": [30, 95]}},
            {"type": "Feature", "properties": null, "geometry": {"type": "Point", "coordinates": [30, 50]}}]}"#;
        let mut seen = 0;
        let e = PointFeatures::from_reader(text.as_bytes(), "f.geojson")
            .for_each(|f| {
                seen += 1;
                f.map(|_| ())
            })
            .unwrap_err();
        assert_eq!(seen, 1);
        assert!(e.report().to_string().contains("feature 0"));
    }
}
