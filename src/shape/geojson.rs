//! Reading one `geojson` geometry as a shape: `Area::try_from(&geometry)`,
//! `Line::try_from(&geometry)`, `LatLon::try_from(&geometry)`. Every error
//! names the member it found wrong (`coordinates[0][2]`).

use geojson::{Geometry, GeometryValue, Position};

use super::{Area, Line, Polygon};
use crate::error::{Error, Result};
use crate::position::LatLon;

/// Reads one GeoJSON position, naming where it sits in the coordinates.
fn position(pos: &Position, path: &dyn Fn() -> String) -> Result<LatLon> {
    let coords = pos.as_slice();
    if coords.len() < 2 {
        return Err(Error::format(
            path(),
            "a position [longitude, latitude]",
            format!("{} number(s)", coords.len()),
        )
        .at("geometry"));
    }
    LatLon::from_lon_lat([coords[0], coords[1]]).map_err(|e| e.at(path()))
}

fn positions(list: &[Position], path: &dyn Fn(usize) -> String) -> Result<Vec<LatLon>> {
    list.iter()
        .enumerate()
        .map(|(i, p)| position(p, &|| path(i)))
        .collect()
}

fn polygon(rings: &[Vec<Position>], prefix: &str) -> Result<Polygon> {
    let rings = rings
        .iter()
        .enumerate()
        .map(|(r, ring)| positions(ring, &|v| format!("coordinates{prefix}[{r}][{v}]")))
        .collect::<Result<Vec<_>>>()?;
    Polygon::new(rings).map_err(|e| e.at(format!("coordinates{prefix}")))
}

/// Reads a Polygon or MultiPolygon as an [`Area`].
///
/// # Errors
/// [`Error::Format`] for another geometry type or a short position;
/// coordinate and ring errors, each naming `coordinates[p][r][v]`.
///
/// ```
/// use strikemap::{Area, LatLon, Line};
/// let g: geojson::Geometry = r#"{"type":"Polygon","coordinates":[[[30,50],[31,50],[31,51],[30,50]]]}"#.parse()?;
/// let area = Area::try_from(&g)?;
/// assert_eq!(area.polygons().len(), 1);
/// let bad: geojson::Geometry = r#"{"type":"Polygon","coordinates":[[[30,50],[31,50],[31,91],[30,50]]]}"#.parse()?;
/// assert_eq!(Area::try_from(&bad).unwrap_err().report().to_string(),
///     "coordinates[0][2]: latitude 91 is out of range [-90, 90]");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl TryFrom<&Geometry> for Area {
    type Error = Error;

    fn try_from(geometry: &Geometry) -> Result<Area> {
        match &geometry.value {
            GeometryValue::Polygon { coordinates } => Area::new(vec![polygon(coordinates, "")?]),
            GeometryValue::MultiPolygon { coordinates } => Area::new(
                coordinates
                    .iter()
                    .enumerate()
                    .map(|(p, rings)| polygon(rings, &format!("[{p}]")))
                    .collect::<Result<Vec<_>>>()?,
            )
            .map_err(|e| e.at("coordinates")),
            other => Err(Error::format(
                "geometry.type",
                "Polygon or MultiPolygon",
                other.type_name(),
            )),
        }
    }
}

/// Reads a LineString or MultiLineString as a [`Line`].
///
/// # Errors
/// [`Error::Format`] for another geometry type or a short position;
/// coordinate errors naming `coordinates[p][v]`; a part with fewer than two
/// positions.
///
/// ```
/// use strikemap::Line;
/// let g: geojson::Geometry = r#"{"type":"LineString","coordinates":[[35,47],[37.5,48]]}"#.parse()?;
/// assert_eq!(Line::try_from(&g)?.segment_count(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl TryFrom<&Geometry> for Line {
    type Error = Error;

    fn try_from(geometry: &Geometry) -> Result<Line> {
        match &geometry.value {
            GeometryValue::LineString { coordinates } => {
                Line::new(vec![positions(coordinates, &|v| {
                    format!("coordinates[{v}]")
                })?])
                .map_err(|e| e.at("coordinates"))
            }
            GeometryValue::MultiLineString { coordinates } => Line::new(
                coordinates
                    .iter()
                    .enumerate()
                    .map(|(p, part)| positions(part, &|v| format!("coordinates[{p}][{v}]")))
                    .collect::<Result<Vec<_>>>()?,
            )
            .map_err(|e| e.at("coordinates")),
            other => Err(Error::format(
                "geometry.type",
                "LineString or MultiLineString",
                other.type_name(),
            )),
        }
    }
}

/// Reads a Point as a position.
///
/// # Errors
/// [`Error::Format`] for another geometry type or a short position; the
/// errors of [`LatLon::new`] for a bad coordinate, naming `coordinates`.
///
/// ```
/// use strikemap::LatLon;
/// let g: geojson::Geometry = r#"{"type":"Point","coordinates":[30.5234,50.4501]}"#.parse()?;
/// assert_eq!(LatLon::try_from(&g)?.lat(), 50.4501);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl TryFrom<&Geometry> for LatLon {
    type Error = Error;

    fn try_from(geometry: &Geometry) -> Result<LatLon> {
        match &geometry.value {
            GeometryValue::Point { coordinates } => {
                position(coordinates, &|| "coordinates".to_string())
            }
            other => Err(Error::format("geometry.type", "Point", other.type_name())),
        }
    }
}
