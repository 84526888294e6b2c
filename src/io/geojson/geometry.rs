//! Writing strikemap's positions, [`Line`] and [`Area`] as `geojson`
//! geometries (rounded, densified along geodesics, cut at the antimeridian),
//! and reading whole documents member by member. Reading one `geojson`
//! geometry into a shape is a `TryFrom` conversion in `shape/geojson.rs`.

use geojson::{Geometry, GeometryValue, JsonValue, Position};

use super::antimeridian::{cut_line, cut_polygon};
use super::winding::{area_on_left, contains_point, planar_area};
use super::{ExportOptions, ImportOptions};
use crate::distance::Distance;
use crate::error::{Error, Result};
use crate::measure::{AreaMeasure as _, Geodesic, Metric as _};
use crate::position::{LatLon, wrap180};
use crate::shape::{Area, Line, Polygon};

// ----------------------------------------------------------------------
// Writing: positions rounded, geodesic edges densified, cut at ±180.
// ----------------------------------------------------------------------

/// The positions of an exported geometry, within [-180, 180].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    Point(LatLon),
    Lines(Vec<Vec<LatLon>>),
    Polygons(Vec<Vec<Vec<LatLon>>>),
}

fn ring_positions(ring: &[LatLon]) -> Vec<Position> {
    ring.iter()
        .map(|p| Position::from(p.to_lon_lat()))
        .collect()
}

impl Shape {
    /// The GeoJSON geometry: a single line or polygon is written as
    /// LineString or Polygon, several as MultiLineString or MultiPolygon.
    pub(crate) fn to_geometry(&self) -> Geometry {
        let value = match self {
            Shape::Point(p) => GeometryValue::new_point(p.to_lon_lat()),
            Shape::Lines(parts) if parts.len() == 1 => GeometryValue::LineString {
                coordinates: ring_positions(&parts[0]),
            },
            Shape::Lines(parts) => GeometryValue::MultiLineString {
                coordinates: parts.iter().map(|p| ring_positions(p)).collect(),
            },
            Shape::Polygons(polys) if polys.len() == 1 => GeometryValue::Polygon {
                coordinates: polys[0].iter().map(|r| ring_positions(r)).collect(),
            },
            Shape::Polygons(polys) => GeometryValue::MultiPolygon {
                coordinates: polys
                    .iter()
                    .map(|rings| rings.iter().map(|r| ring_positions(r)).collect())
                    .collect(),
            },
        };
        Geometry::new(value)
    }

    /// The geodesic length of every line part on WGS84.
    pub(crate) fn length(&self) -> Distance {
        match self {
            Shape::Lines(parts) => parts
                .iter()
                .flat_map(|p| p.windows(2))
                .map(|w| Geodesic.distance(w[0], w[1]))
                .sum(),
            _ => Distance::ZERO,
        }
    }

    /// The area in km² on WGS84 of the polygons as written (`None` if
    /// they do not form a valid [`Area`]).
    pub(crate) fn area_km2(&self) -> Option<f64> {
        let Shape::Polygons(polys) = self else {
            return None;
        };
        let polygons = polys
            .iter()
            .map(|rings| Polygon::new(rings.clone()))
            .collect::<Result<Vec<_>>>()
            .ok()?;
        Some(Geodesic.area_km2(&Area::new(polygons).ok()?))
    }
}

fn quantize_all(points: &[LatLon], options: &ExportOptions) -> Result<Vec<LatLon>> {
    points.iter().map(|p| options.quantize(*p)).collect()
}

/// Edges no longer than the spacing plus this are left undivided, so that
/// rounding a densified line does not make it densify again: 1 m, plus
/// twice the farthest rounding to the precision can move a position (half
/// a unit of the last decimal in both coordinates, a degree being at most
/// 111.7 km), since both ends of an edge move.
fn spacing_tolerance_m(options: &ExportOptions) -> f64 {
    let half_unit_deg = 0.5 * 10f64.powi(-(options.precision() as i32));
    1.0 + 2.0 * half_unit_deg * 111_700.0 * std::f64::consts::SQRT_2
}

/// Adds rounded intermediate vertices on every geodesic edge longer than the
/// spacing (edges along a meridian or through a pole are drawn exactly).
pub(crate) fn densify(points: &[LatLon], options: &ExportOptions) -> Result<Vec<LatLon>> {
    let spacing = options.spacing();
    let tolerance = spacing_tolerance_m(options);
    let mut out = Vec::with_capacity(points.len());
    if let Some(first) = points.first() {
        out.push(*first);
    }
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let meridian =
            a.lat().abs() == 90.0 || b.lat().abs() == 90.0 || wrap180(b.lon() - a.lon()) == 0.0;
        if !meridian && Geodesic.distance(a, b).as_metres() > spacing.as_metres() + tolerance {
            let between = Geodesic.points_between(a, b, spacing)?;
            for p in &between[1..between.len() - 1] {
                // Rounding may land an added vertex on its neighbour: leave it out.
                let q = options.quantize(*p)?;
                if out.last() != Some(&q) && q != b {
                    out.push(q);
                }
            }
        }
        out.push(b);
    }
    Ok(out)
}

/// A point, rounded.
pub(crate) fn point_shape(p: LatLon, options: &ExportOptions) -> Result<Shape> {
    Ok(Shape::Point(options.quantize(p)?))
}

/// Line parts from already rounded vertices: densified, then cut.
pub(crate) fn lines_shape(parts: &[Vec<LatLon>], options: &ExportOptions) -> Result<Shape> {
    let round = |x: f64| options.round(x);
    let mut out = Vec::new();
    for part in parts {
        out.extend(cut_line(&densify(part, options)?, &round)?);
    }
    Ok(Shape::Lines(out))
}

/// An area: rings rounded, densified, oriented with the area on the left, cut.
pub(crate) fn area_shape(area: &Area, options: &ExportOptions) -> Result<Shape> {
    let round = |x: f64| options.round(x);
    let mut out = Vec::new();
    for polygon in area.polygons() {
        let rings = polygon
            .rings()
            .iter()
            .map(|r| densify(&quantize_all(r, options)?, options))
            .collect::<Result<Vec<_>>>()?;
        out.extend(cut_polygon(&area_on_left(&rings), &round)?);
    }
    drawable(dissolve_shared_edges(out))
}

/// Polygons as written, with the edges two of them share removed and the
/// rest joined: the pieces of an area that tile a larger region (a buffer
/// larger than a hemisphere is four quadrants, see
/// [`measure::buffer`](crate::measure::buffer)) become one region, since
/// polygons of a MultiPolygon may touch only at points (OGC simple
/// features; GDAL's validity test). Polygons that share no edge are
/// returned as they are.
///
/// Every ring of `polygons` has the area on its left (exteriors
/// counter-clockwise, holes clockwise on the longitude/latitude plane), so
/// a shared edge appears once in each direction; the remaining edges are
/// chained into rings, counter-clockwise ones are exteriors and clockwise
/// ones holes of the smallest exterior holding them.
fn dissolve_shared_edges(polygons: Vec<Vec<Vec<LatLon>>>) -> Vec<Vec<Vec<LatLon>>> {
    use std::collections::HashMap;
    type Key = (u64, u64);
    let key = |p: LatLon| (p.lat().to_bits(), p.lon().to_bits());
    let mut edges: Vec<(LatLon, LatLon)> = Vec::new();
    let mut owner: HashMap<(Key, Key), usize> = HashMap::new();
    for (k, poly) in polygons.iter().enumerate() {
        for ring in poly {
            for w in ring.windows(2) {
                if w[0] != w[1] {
                    owner.entry((key(w[0]), key(w[1]))).or_insert(k);
                    edges.push((w[0], w[1]));
                }
            }
        }
    }
    let shared = |a: LatLon, b: LatLon, k: usize| {
        owner
            .get(&(key(b), key(a)))
            .is_some_and(|&other| other != k)
    };
    let any_shared = polygons.iter().enumerate().any(|(k, poly)| {
        poly.iter()
            .any(|ring| ring.windows(2).any(|w| shared(w[0], w[1], k)))
    });
    if !any_shared {
        return polygons;
    }
    // The edges left, by start vertex.
    let mut from: HashMap<Key, Vec<LatLon>> = HashMap::new();
    let mut count = 0usize;
    for (k, poly) in polygons.iter().enumerate() {
        for ring in poly {
            for w in ring.windows(2) {
                if w[0] != w[1] && !shared(w[0], w[1], k) {
                    from.entry(key(w[0])).or_default().push(w[1]);
                    count += 1;
                }
            }
        }
    }
    drop(edges);
    let mut starts: Vec<LatLon> = polygons
        .iter()
        .flatten()
        .flatten()
        .copied()
        .filter(|p| from.contains_key(&key(*p)))
        .collect();
    starts.dedup();
    let mut rings: Vec<Vec<LatLon>> = Vec::new();
    for start in starts {
        while from.get(&key(start)).is_some_and(|v| !v.is_empty()) {
            let mut ring = vec![start];
            let mut at = start;
            for _ in 0..=count {
                let Some(next) = from.get_mut(&key(at)).and_then(Vec::pop) else {
                    break;
                };
                ring.push(next);
                at = next;
                if at == start {
                    break;
                }
            }
            if ring.len() >= 4 && ring.first() == ring.last() {
                rings.push(ring);
            }
        }
    }
    let (exteriors, holes): (Vec<Vec<LatLon>>, Vec<Vec<LatLon>>) =
        rings.into_iter().partition(|r| planar_area(r) > 0.0);
    let mut out: Vec<Vec<Vec<LatLon>>> = exteriors.into_iter().map(|e| vec![e]).collect();
    for hole in holes {
        let inside = out
            .iter()
            .enumerate()
            .filter(|(_, p)| hole.iter().any(|v| contains_point(&p[0], *v)))
            .min_by(|a, b| planar_area(&a.1[0]).total_cmp(&planar_area(&b.1[0])))
            .map(|(k, _)| k);
        match inside {
            Some(k) => out[k].push(hole),
            // A hole in no exterior: the whole frame is the exterior.
            None => out.push(vec![frame_ring(), hole]),
        }
    }
    out
}

/// The map frame [-180, 180] × [-90, 90], counter-clockwise.
fn frame_ring() -> Vec<LatLon> {
    [
        (-90.0, -180.0),
        (-90.0, 180.0),
        (90.0, 180.0),
        (90.0, -180.0),
        (-90.0, -180.0),
    ]
    .iter()
    .filter_map(|&(lat, lon)| LatLon::new(lat, lon).ok())
    .collect()
}

/// Polygons, unless cutting left nothing to draw (rings lying wholly on
/// the antimeridian or the poles).
fn drawable(polygons: Vec<Vec<Vec<LatLon>>>) -> Result<Shape> {
    if polygons.is_empty() {
        return Err(Error::geometry(
            "area",
            "nothing is left to draw: every ring lies on the antimeridian or a pole",
        ));
    }
    Ok(Shape::Polygons(polygons))
}

/// A ring whose area is on its left (e.g. a range ring), rounded and cut.
pub(crate) fn ring_shape(ring: &[LatLon], options: &ExportOptions) -> Result<Shape> {
    let round = |x: f64| options.round(x);
    let ring = quantize_all(ring, options)?;
    drawable(cut_polygon(&[ring], &round)?)
}

/// Writes a [`Line`] as a LineString or MultiLineString: positions rounded
/// to the precision, geodesic edges longer than the spacing densified,
/// parts cut at the antimeridian (RFC 7946 §3.1.9).
///
/// # Errors
/// Only in the geodesic computations, for inputs no valid [`Line`] holds.
///
/// ```
/// use strikemap::{LatLon, Line, io::geojson::ExportOptions};
/// let l = Line::from_vertices(vec![LatLon::new(10.0, 179.0)?, LatLon::new(11.0, -179.0)?])?;
/// let g = strikemap::io::geojson::line_to_geometry(&l, &ExportOptions::default())?;
/// assert_eq!(g.value.type_name(), "MultiLineString");
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn line_to_geometry(line: &Line, options: &ExportOptions) -> Result<Geometry> {
    let parts = line
        .parts()
        .iter()
        .map(|p| quantize_all(p, options))
        .collect::<Result<Vec<_>>>()?;
    Ok(lines_shape(&parts, options)?.to_geometry())
}

/// Writes an [`Area`] as a Polygon or MultiPolygon: positions rounded,
/// long geodesic edges densified, exterior rings counter-clockwise and
/// holes clockwise, cut at the antimeridian, a ring around a pole closed
/// along the pole (RFC 7946 §3.1.6, §3.1.9).
///
/// # Errors
/// [`Error::InvalidGeometry`] if nothing is left to draw (every ring lies
/// on the antimeridian or a pole).
///
/// ```
/// use strikemap::{Area, io::geojson::ExportOptions};
/// let cw = Area::from_lon_lat(&[vec![vec![[30.0, 50.0], [30.0, 51.0], [31.0, 51.0], [31.0, 50.0], [30.0, 50.0]]]])?;
/// let g = strikemap::io::geojson::area_to_geometry(&cw, &ExportOptions::default())?;
/// strikemap::io::geojson::check_winding(&g)?; // written counter-clockwise
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn area_to_geometry(area: &Area, options: &ExportOptions) -> Result<Geometry> {
    Ok(area_shape(area, options)?.to_geometry())
}

// ----------------------------------------------------------------------
// Reading: any JSON value checked member by member, naming the path.
// ----------------------------------------------------------------------

/// A geometry read from JSON, with its GeoJSON type name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Geom {
    Point(LatLon),
    Lines(Vec<Vec<LatLon>>),
    Polygons(Vec<Vec<Vec<LatLon>>>),
}

/// How a JSON value is described in an error: `"the string \"x\""`, `"an
/// array of 3 elements"`.
pub(crate) fn describe(value: Option<&JsonValue>) -> String {
    match value {
        None => "nothing".into(),
        Some(JsonValue::Null) => "null".into(),
        Some(JsonValue::Bool(b)) => format!("the boolean {b}"),
        Some(JsonValue::Number(n)) => format!("the number {n}"),
        Some(JsonValue::String(s)) => {
            let short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                format!("the string {short:?}…")
            } else {
                format!("the string {s:?}")
            }
        }
        Some(JsonValue::Array(a)) if a.is_empty() => "an empty array".into(),
        Some(JsonValue::Array(a)) => format!("an array of {} element{}", a.len(), plural(a.len())),
        Some(JsonValue::Object(_)) => "an object".into(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn format_error(member: &str, expected: &str, found: Option<&JsonValue>) -> Error {
    Error::format(member.to_string(), expected.to_string(), describe(found))
}

fn array<'a>(
    value: Option<&'a JsonValue>,
    member: &str,
    expected: &str,
) -> Result<&'a Vec<JsonValue>> {
    match value {
        Some(JsonValue::Array(a)) => Ok(a),
        other => Err(format_error(member, expected, other)),
    }
}

const POSITION: &str = "a position [longitude, latitude]";

fn read_position(value: &JsonValue, member: &str, options: &ImportOptions) -> Result<LatLon> {
    let items = array(Some(value), member, POSITION)?;
    let mut numbers = Vec::with_capacity(2);
    for (i, item) in items.iter().enumerate() {
        match item.as_f64() {
            Some(x) => numbers.push(x),
            None => {
                return Err(format_error(
                    &format!("{member}[{i}]"),
                    "a number",
                    Some(item),
                ));
            }
        }
    }
    match numbers.len() {
        0 => Err(format_error(member, POSITION, Some(value))),
        1 => Err(Error::format(member.to_string(), POSITION, "1 number")),
        2 => LatLon::from_lon_lat([numbers[0], numbers[1]]).map_err(|e| e.at(member)),
        _ if options.drop_altitude() => {
            LatLon::from_lon_lat([numbers[0], numbers[1]]).map_err(|e| e.at(member))
        }
        n => Err(Error::format(
            member.to_string(),
            "a position [longitude, latitude] without altitude \
                       (ImportOptions::with_drop_altitude reads 3D files)",
            format!("{n} numbers"),
        )),
    }
}

fn read_line(value: &JsonValue, member: &str, options: &ImportOptions) -> Result<Vec<LatLon>> {
    const LINE: &str = "a line of at least 2 positions";
    let items = array(Some(value), member, LINE)?;
    let points = items
        .iter()
        .enumerate()
        .map(|(i, v)| read_position(v, &format!("{member}[{i}]"), options))
        .collect::<Result<Vec<_>>>()?;
    if points.len() < 2 {
        return Err(Error::format(
            member.to_string(),
            LINE,
            format!("{} position{}", points.len(), plural(points.len())),
        ));
    }
    Ok(points)
}

fn read_ring(value: &JsonValue, member: &str, options: &ImportOptions) -> Result<Vec<LatLon>> {
    const RING: &str = "a closed ring of at least 4 positions";
    let items = array(Some(value), member, RING)?;
    let points = items
        .iter()
        .enumerate()
        .map(|(i, v)| read_position(v, &format!("{member}[{i}]"), options))
        .collect::<Result<Vec<_>>>()?;
    if points.len() < 4 {
        return Err(Error::format(
            member.to_string(),
            RING,
            format!("{} position{}", points.len(), plural(points.len())),
        ));
    }
    let (first, last) = (points[0], points[points.len() - 1]);
    if first != last {
        let [x0, y0] = first.to_lon_lat();
        let [x1, y1] = last.to_lon_lat();
        return Err(Error::format(
            member.to_string(),
            "a closed ring (the last position equal to the first)",
            format!("a ring from [{x0}, {y0}] to [{x1}, {y1}]"),
        ));
    }
    Ok(points)
}

fn read_list<T>(
    value: Option<&JsonValue>,
    member: &str,
    expected: &str,
    read: impl Fn(&JsonValue, &str) -> Result<T>,
) -> Result<Vec<T>> {
    let items = array(value, member, expected)?;
    if items.is_empty() {
        return Err(format_error(member, expected, value));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, v)| read(v, &format!("{member}[{i}]")))
        .collect()
}

/// Reads a GeoJSON geometry object, checking every member; errors name the
/// path from `geometry` (e.g. `geometry.coordinates[0][2]`). `null` reads
/// as `None`.
pub(crate) fn read_geometry(
    value: &JsonValue,
    options: &ImportOptions,
) -> Result<Option<(Geom, &'static str)>> {
    const SUPPORTED: &str = "Point, LineString, MultiLineString, Polygon or MultiPolygon";
    let obj = match value {
        JsonValue::Null => return Ok(None),
        JsonValue::Object(o) => o,
        other => {
            return Err(format_error(
                "geometry",
                "a geometry object or null",
                Some(other),
            ));
        }
    };
    let kind = match obj.get("type") {
        Some(JsonValue::String(t)) => t.as_str(),
        other => {
            return Err(format_error(
                "geometry.type",
                "a geometry type such as \"Point\"",
                other,
            ));
        }
    };
    let coords = obj.get("coordinates");
    const C: &str = "geometry.coordinates";
    let geom = match kind {
        "Point" => {
            let Some(c) = coords else {
                return Err(format_error(C, POSITION, None));
            };
            (Geom::Point(read_position(c, C, options)?), "Point")
        }
        "LineString" => {
            let Some(c) = coords else {
                return Err(format_error(C, "a line of at least 2 positions", None));
            };
            (Geom::Lines(vec![read_line(c, C, options)?]), "LineString")
        }
        "MultiLineString" => {
            let parts = read_list(coords, C, "an array of lines", |v, m| {
                read_line(v, m, options)
            })?;
            (Geom::Lines(parts), "MultiLineString")
        }
        "Polygon" => {
            let rings = read_list(coords, C, "an array of rings", |v, m| {
                read_ring(v, m, options)
            })?;
            (Geom::Polygons(vec![rings]), "Polygon")
        }
        "MultiPolygon" => {
            let polys = read_list(coords, C, "an array of polygons", |v, m| {
                read_list(Some(v), m, "an array of rings", |v, m| {
                    read_ring(v, m, options)
                })
            })?;
            (Geom::Polygons(polys), "MultiPolygon")
        }
        "MultiPoint" | "GeometryCollection" => {
            return Err(Error::format(
                "geometry.type",
                SUPPORTED,
                format!("{kind:?} (no strikemap model is drawn that way)"),
            ));
        }
        other => {
            return Err(Error::format(
                "geometry.type",
                SUPPORTED,
                format!("{other:?}"),
            ));
        }
    };
    Ok(Some(geom))
}
