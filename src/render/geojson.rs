//! A map of a GeoJSON file: each feature drawn with its simplestyle
//! properties, labelled by its `name` (or `title`), in the legend by its
//! `kind` (strikemap's own features) or geometry.

use geojson::{GeoJson, GeometryValue as Geom, Position};
use serde_json::{Map as JsonMap, Value};

use crate::io::geojson::{FeatureKind, Style};
use crate::{Error, LatLon, Result};

use super::sketch::{Feature, Geometry, Sketch};
use super::style::Paint;
use super::{Map, MapOptions};

/// A feature's properties.
type Properties = JsonMap<String, Value>;

/// Whether a property is styling (a simplestyle key other than
/// `description`, which popups show), not shown in popups.
fn is_style_key(key: &str) -> bool {
    key != "description" && crate::io::geojson::STYLE_KEYS.contains(&key)
}

impl Map {
    /// A map of a GeoJSON document (a FeatureCollection, a Feature or a
    /// bare geometry): Points, LineStrings, MultiLineStrings, Polygons and
    /// MultiPolygons, each drawn with its simplestyle properties
    /// (`marker-color`, `marker-size`, `stroke`, `stroke-width`,
    /// `stroke-opacity`, `fill`, `fill-opacity`; missing ones take
    /// simplestyle's defaults), labelled by `name` or `title`, with a popup
    /// of its properties. Features without a geometry are not drawn. The
    /// attribution adds GeoNames and OurAirports when a property names them.
    ///
    /// # Errors
    /// [`Error::Format`] at `feature N` for a MultiPoint or
    /// GeometryCollection; position errors (latitude out of range, ...)
    /// at `feature N`.
    ///
    /// ```
    /// use strikemap::render::{Map, MapOptions};
    /// let file: geojson::GeoJson = r#"{"type":"Feature","properties":{"name":"Line"},
    ///   "geometry":{"type":"LineString","coordinates":[[30,50],[36,50]]}}"#.parse().map_err(|_| "bad")?;
    /// let map = Map::from_geojson(&file, &MapOptions::default())?;
    /// assert_eq!(map.feature_count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_geojson(document: &GeoJson, options: &MapOptions) -> Result<Map> {
        let features: Vec<(Option<&geojson::Geometry>, Option<&Properties>)> = match document {
            GeoJson::FeatureCollection(fc) => fc
                .features
                .iter()
                .map(|f| (f.geometry.as_ref(), f.properties.as_ref()))
                .collect(),
            GeoJson::Feature(f) => vec![(f.geometry.as_ref(), f.properties.as_ref())],
            GeoJson::Geometry(g) => vec![(Some(g), None)],
        };
        let empty = JsonMap::new();
        let mut sketch = Sketch {
            title: "Map".into(),
            ..Sketch::default()
        };
        for (i, (geometry, props)) in features.into_iter().enumerate() {
            let Some(geometry) = geometry else { continue };
            let props = props.unwrap_or(&empty);
            let geometry =
                read_geometry(&geometry.value).map_err(|e| e.at(format!("feature {i}")))?;
            sketch.features.push(feature(geometry, props));
            for value in props.values() {
                let text = value.to_string();
                for source in ["GeoNames", "OurAirports"] {
                    if text.contains(source) && !sketch.attribution.iter().any(|a| a == source) {
                        sketch.attribution.push(source.to_string());
                    }
                }
            }
        }
        // Points on top of lines on top of areas, each layer in file order.
        sketch.features.sort_by_key(|f| match f.geometry {
            Geometry::Area(_) => 0,
            Geometry::Line(_) => 1,
            Geometry::Point(_) => 2,
        });
        Map::from_sketch(&sketch, options)
    }
}

fn feature(geometry: Geometry, props: &JsonMap<String, Value>) -> Feature {
    let is_area = matches!(geometry, Geometry::Area(_));
    let kind = props
        .get("kind")
        .and_then(Value::as_str)
        .and_then(FeatureKind::from_name);
    // A strikemap feature without simplestyle keys takes its kind's style.
    let mut style_props = kind
        .map(|k| Style::default_for(k).properties().clone())
        .unwrap_or_default();
    for (k, v) in props {
        style_props.insert(k.clone(), v.clone());
    }
    let mut paint = Paint::from_simplestyle(&style_props, is_area);
    if kind == Some(FeatureKind::RangeRing) {
        paint.dash = true;
    }
    let name = props
        .get("name")
        .or_else(|| props.get("title"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut f = Feature::new(geometry, paint);
    // A ring's or arc's marker has the colour of its ring or arc, which the
    // legend shows already; it gets neither a legend entry nor a label.
    if kind == Some(FeatureKind::Marker) {
        f.priority = 1;
        f.popup = popup(props);
        return f;
    }
    f.legend = Some(match (kind, &name) {
        (Some(FeatureKind::RangeRing | FeatureKind::Territory), Some(n)) => n.clone(),
        (Some(k), _) => k.name().replace('_', " "),
        (None, _) => match f.geometry {
            Geometry::Area(_) => "area".into(),
            Geometry::Line(_) => "line".into(),
            Geometry::Point(_) => "point".into(),
        },
    });
    // A strike is labelled by its target's name, which the target's own
    // marker beside it already shows.
    if matches!(f.geometry, Geometry::Point(_)) && kind != Some(FeatureKind::Strike) {
        f.label = name;
    }
    f.priority = match kind {
        Some(FeatureKind::AirBase) => 3,
        Some(FeatureKind::City) => 2,
        Some(FeatureKind::Strike) => 0,
        _ => 1,
    };
    f.popup = popup(props);
    f
}

/// The popup: every property but the styling ones.
fn popup(props: &Properties) -> Vec<(String, String)> {
    props
        .iter()
        .filter(|(k, _)| !is_style_key(k))
        .map(|(k, v)| {
            let shown = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (k.clone(), shown)
        })
        .collect()
}

fn position(p: &Position) -> Result<LatLon> {
    match p.as_slice() {
        [lon, lat, ..] => LatLon::from_lon_lat([*lon, *lat]),
        other => Err(Error::Format {
            expected: "a position [longitude, latitude]".into(),
            found: format!("{} numbers", other.len()),
        }),
    }
}

fn path(ps: &[Position]) -> Result<Vec<LatLon>> {
    ps.iter().map(position).collect()
}

fn read_geometry(g: &Geom) -> Result<Geometry> {
    Ok(match g {
        Geom::Point { coordinates } => Geometry::Point(position(coordinates)?),
        Geom::LineString { coordinates } => Geometry::Line(vec![path(coordinates)?]),
        Geom::MultiLineString { coordinates } => {
            Geometry::Line(coordinates.iter().map(|l| path(l)).collect::<Result<_>>()?)
        }
        Geom::Polygon { coordinates } => Geometry::Area(vec![
            coordinates.iter().map(|r| path(r)).collect::<Result<_>>()?,
        ]),
        Geom::MultiPolygon { coordinates } => Geometry::Area(
            coordinates
                .iter()
                .map(|rings| rings.iter().map(|r| path(r)).collect::<Result<_>>())
                .collect::<Result<_>>()?,
        ),
        other => {
            return Err(Error::format(
                "geometry",
                "a Point, LineString, MultiLineString, Polygon or MultiPolygon",
                other.type_name(),
            ));
        }
    })
}
