//! Fuzz target `export_shapes`: range rings (`model::RangeRing::new`),
//! strike arcs (`model::StrikeArc::new`) and polygons
//! (`Area::from_lon_lat`, as a `Territory`) decoded from the input bytes,
//! written by `MapExport`.
//!
//! Input layout (every read past the end gives zeros): one byte of export
//! options (spacing, precision, bbox), then up to four shapes, each a tag
//! byte and its numbers. Coordinates are a selector byte (poles, the
//! equator, the antimeridian or a 32-bit fraction of the range); arcs may
//! end at their start's antipode or a pole; polygons have 3 to 10 vertices.
//! Spacings of 100 km and more keep a ring under about 800 vertices and one
//! execution in a few milliseconds.
//!
//! Invariants: nothing panics; a ring or arc exports (a ring may be refused
//! as `Error::InvalidGeometry` when nothing is left of it to draw, as
//! documented for areas); the output re-parses as GeoJSON; every
//! position lies in [-180, 180] × [-90, 90]; every polygon ring is closed
//! with at least 4 positions; every vertex of a ring of radius below
//! 19,990 km lies at the radius from its centre (inverse geodesic, within
//! 1 m), both as `RangeRing::vertices` gives them and as written (except
//! the vertices at a pole that close a ring round it along the map frame).
//! every check is made for every input.
#![allow(
    clippy::panic,
    reason = "a fuzz target reports a broken invariant by panicking"
)]

use strikemap::io::geojson::ExportOptions;
use strikemap::model::{Endpoint, RangeRing, StrikeArc};
use strikemap::{Area, Distance, Error, Geodesic, LatLon, MapExport, Metric, Territory};

/// The most shapes one input makes.
const MAX_SHAPES: usize = 4;
/// The radius below which ring vertices are checked against it.
const CHECKED_RADIUS_KM: f64 = 19_990.0;
/// How far a ring vertex may lie from the radius.
const TOLERANCE_M: f64 = 1.0;
/// About where geodesics from an equatorial centre stop being shortest
/// (half the equator less its flattening): radii near it are generated
/// often, since rings there once missed their radius (issue 17 finding,
/// `fuzz/regressions/export_shapes/`, fixed).
const OPEN_CUT_LOCUS_KM: f64 = 19_970.0;

/// The input as a stream of numbers; zeros once it runs out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    /// A fraction in [0, 1].
    fn unit(&mut self) -> f64 {
        let b = [self.u8(), self.u8(), self.u8(), self.u8()];
        f64::from(u32::from_le_bytes(b)) / f64::from(u32::MAX)
    }

    /// A value in [-limit, limit], often one of the edges or zero.
    fn coordinate(&mut self, limit: f64) -> f64 {
        match self.u8() % 8 {
            0 => limit,
            1 => -limit,
            2 => 0.0,
            3 => limit - 1e-9,
            _ => (self.unit() * 2.0 - 1.0) * limit,
        }
    }

    fn point(&mut self) -> LatLon {
        let lat = self.coordinate(90.0);
        let lon = self.coordinate(180.0);
        LatLon::new(lat, lon).unwrap_or_else(|e| panic!("decoding: {}", e.report()))
    }

    /// A radius up to 20,000 km, often near zero or the largest one.
    fn radius(&mut self) -> Distance {
        match self.u8() % 8 {
            0 => Distance::from_metres(self.unit() * 10.0),
            1 => Distance::from_km(20_003.931_458 - self.unit() * 20.0),
            2 => Distance::from_km(CHECKED_RADIUS_KM - self.unit()),
            3 => Distance::from_km(OPEN_CUT_LOCUS_KM - self.unit() * 50.0),
            _ => Distance::from_km(self.unit() * 20_000.0),
        }
    }
}

/// What was added, to check the output against.
enum Shape {
    Ring(RangeRing),
    Arc,
    Polygon,
}

fn antipode(p: LatLon) -> LatLon {
    LatLon::wrapping(-p.lat(), p.lon() + 180.0)
        .unwrap_or_else(|e| panic!("antipode: {}", e.report()))
}

fn check_ring_vertex(ring: &RangeRing, vertex: LatLon, what: &str) {
    let radius = ring.radius().as_metres();
    let d = Geodesic.distance(ring.centre, vertex).as_metres();
    assert!(
        (d - radius).abs() <= TOLERANCE_M,
        "{what}: vertex {vertex:.9} of the ring of {radius} m round {:.9} is at {d} m",
        ring.centre
    );
}

/// Every position of a GeoJSON geometry value, in range.
fn positions(value: &serde_json::Value, out: &mut Vec<[f64; 2]>) {
    let Some(array) = value.as_array() else {
        panic!("coordinates member {value} is not an array");
    };
    if array.first().is_some_and(serde_json::Value::is_number) {
        assert_eq!(array.len(), 2, "position {value}");
        let n = |i: usize| array[i].as_f64().unwrap_or(f64::NAN);
        let (lon, lat) = (n(0), n(1));
        assert!(
            (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat),
            "position {value} out of range"
        );
        out.push([lon, lat]);
    } else {
        for v in array {
            positions(v, out);
        }
    }
}

/// The rings of a Polygon or MultiPolygon's coordinates.
fn rings(kind: &str, coordinates: &serde_json::Value) -> Vec<Vec<[f64; 2]>> {
    let polygons: Vec<&serde_json::Value> = match kind {
        "Polygon" => vec![coordinates],
        "MultiPolygon" => coordinates
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for polygon in polygons {
        for ring in polygon.as_array().into_iter().flatten() {
            let mut points = Vec::new();
            positions(ring, &mut points);
            out.push(points);
        }
    }
    out
}

/// Runs one input with every check (the cut-locus ring finding is fixed:
/// rings are checked up to [`CHECKED_RADIUS_KM`]).
pub fn run(data: &[u8]) {
    run_with(data, CHECKED_RADIUS_KM);
}

/// The same as [`run`] (kept for the regression replays, which name it).
#[allow(dead_code, reason = "used by the corpus replay, not the fuzz binary")]
pub fn run_strict(data: &[u8]) {
    run_with(data, CHECKED_RADIUS_KM);
}

/// Runs one input, checking ring vertices of radii below `checked_km`.
fn run_with(data: &[u8], checked_km: f64) {
    let checked_km = checked_km.min(CHECKED_RADIUS_KM);
    let mut bytes = Bytes(data);
    let flags = bytes.u8();
    let spacing = Distance::from_km(100.0 + f64::from(flags & 0x1f) * 30.0);
    let precision = [6, 7, 9, 15][usize::from((flags >> 5) & 3)];
    let options = ExportOptions::default()
        .with_spacing(spacing)
        .and_then(|o| o.with_precision(precision))
        .unwrap_or_else(|e| panic!("options: {}", e.report()))
        .with_bbox(flags & 0x80 != 0);
    let mut map = MapExport::new(options);
    let mut shapes = Vec::new();

    for _ in 0..MAX_SHAPES {
        if bytes.0.is_empty() {
            break;
        }
        match bytes.u8() % 3 {
            0 => {
                let centre = bytes.point();
                let Ok(ring) = RangeRing::new("ring", centre, bytes.radius()) else {
                    continue;
                };
                let checked = ring.radius().as_km() < checked_km;
                match ring.vertices(spacing) {
                    Ok(vertices) => {
                        assert!(vertices.len() >= 4, "a ring of {} vertices", vertices.len());
                        assert_eq!(vertices.first(), vertices.last(), "the ring is not closed");
                        if checked {
                            for v in &vertices {
                                check_ring_vertex(&ring, *v, "RangeRing::vertices");
                            }
                        }
                    }
                    Err(e) => panic!("RangeRing::vertices: {}", e.report()),
                }
                match map.add(ring.clone()) {
                    Ok(_) => shapes.push(Shape::Ring(ring)),
                    // Documented for areas: nothing is left to draw once the
                    // positions are rounded (a ring of millimetres at a pole).
                    Err(e) if matches!(e.root(), Error::InvalidGeometry { .. }) => {}
                    Err(e) => panic!("a range ring does not export: {}", e.report()),
                }
            }
            1 => {
                let launch = bytes.point();
                let target = match bytes.u8() % 5 {
                    0 => antipode(launch),
                    1 => LatLon::new(90.0, launch.lon()).unwrap_or(launch),
                    2 => LatLon::new(-90.0, bytes.coordinate(180.0)).unwrap_or(launch),
                    3 => launch,
                    _ => bytes.point(),
                };
                let arc = StrikeArc::new(Endpoint::new("a", launch), Endpoint::new("b", target));
                let length = arc.length().as_metres();
                assert!(
                    length.is_finite() && length >= 0.0,
                    "an arc of length {length} m"
                );
                match map.add(arc) {
                    Ok(_) => shapes.push(Shape::Arc),
                    Err(e) => panic!(
                        "a strike arc from {launch:.9} to {target:.9} does not export: {}",
                        e.report()
                    ),
                }
            }
            _ => {
                let n = 3 + usize::from(bytes.u8() % 8);
                let mut ring: Vec<[f64; 2]> = (0..n)
                    .map(|_| {
                        let p = bytes.point();
                        [p.lon(), p.lat()]
                    })
                    .collect();
                ring.push(ring[0]);
                let Ok(area) = Area::from_lon_lat(&[vec![ring]]) else {
                    continue;
                };
                match map.add(Territory::new("area", area)) {
                    Ok(_) => shapes.push(Shape::Polygon),
                    Err(e) => {
                        // Documented: nothing left to draw (on the antimeridian or a pole).
                        let _ = e.report().to_string();
                    }
                }
            }
        }
    }

    let mut out = Vec::new();
    map.write_to(&mut out)
        .unwrap_or_else(|e| panic!("write_to: {}", e.report()));
    let text = String::from_utf8(out).unwrap_or_else(|e| panic!("the output is not UTF-8: {e}"));
    if let Err(e) = text.parse::<geojson::GeoJson>() {
        panic!("the output does not parse as GeoJSON: {e}: {text}");
    }
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("the output is not JSON: {e}"));
    let written = value["features"].as_array().cloned().unwrap_or_default();
    // Each ring is followed by one marker (its centre, however the ring is
    // cut), each arc by two (launch, impact), at the rounded positions.
    let (markers, features): (Vec<_>, Vec<_>) = written
        .into_iter()
        .partition(|f| f["properties"]["kind"] == "marker");
    assert_eq!(features.len(), shapes.len(), "features written: {text}");
    let expected: usize = shapes
        .iter()
        .map(|s| match s {
            Shape::Ring(_) => 1,
            Shape::Arc => 2,
            Shape::Polygon => 0,
        })
        .sum();
    assert_eq!(markers.len(), expected, "markers written: {text}");
    let mut centres = markers
        .iter()
        .filter(|m| m["properties"]["role"] == "centre");
    for shape in &shapes {
        if let Shape::Ring(ring) = shape {
            let marker = centres
                .next()
                .unwrap_or_else(|| panic!("no centre marker: {text}"));
            let scale = 10f64.powi(precision as i32);
            let at = [ring.centre.lon(), ring.centre.lat()].map(|x| (x * scale).round() / scale);
            assert_eq!(
                marker["geometry"]["coordinates"],
                serde_json::json!(at),
                "{text}"
            );
        }
    }

    for (feature, shape) in features.iter().zip(&shapes) {
        let geometry = &feature["geometry"];
        let kind = geometry["type"].as_str().unwrap_or("");
        let coordinates = &geometry["coordinates"];
        let mut all = Vec::new();
        positions(coordinates, &mut all);
        let rings = rings(kind, coordinates);
        for ring in &rings {
            assert!(
                ring.len() >= 4,
                "a ring of {} positions: {feature}",
                ring.len()
            );
            assert_eq!(ring.first(), ring.last(), "a ring not closed: {feature}");
        }
        match shape {
            Shape::Ring(ring) => {
                assert!(!rings.is_empty(), "a range ring written as {kind}");
                if ring.radius().as_km() < checked_km {
                    for [lon, lat] in all {
                        if lat.abs() == 90.0 {
                            continue;
                        }
                        let vertex = LatLon::new(lat, lon)
                            .unwrap_or_else(|e| panic!("written vertex: {}", e.report()));
                        check_ring_vertex(ring, vertex, "written");
                    }
                }
            }
            Shape::Polygon => assert!(!rings.is_empty(), "a territory written as {kind}"),
            Shape::Arc => assert!(
                matches!(kind, "LineString" | "MultiLineString"),
                "a strike arc written as {kind}"
            ),
        }
    }
}
