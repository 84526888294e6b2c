//! Geodesic buffers against the reference probes of
//! `scripts/buffer/fixtures.py` (pyproj's GeographicLib; see the script for
//! the method): probes 150 m inside and outside the boundary are inside and
//! outside the returned area, every boundary vertex is at the distance, and
//! every reference boundary point is near the returned boundary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use strikemap::{
    Area, Distance, LatLon, Line, Method, Target,
    measure::{PreparedArea, PreparedLine, buffer},
};

use crate::common::fixture;

enum Shape {
    Point(LatLon),
    Line(PreparedLine),
    Area(PreparedArea),
}

impl Shape {
    fn read(geometry: &Value) -> Shape {
        let g: geojson::Geometry = serde_json::from_value(geometry.clone()).unwrap();
        match geometry["type"].as_str().unwrap() {
            "Point" => Shape::Point(LatLon::try_from(&g).unwrap()),
            "LineString" | "MultiLineString" => {
                Shape::Line(PreparedLine::new(Line::try_from(&g).unwrap()))
            }
            _ => Shape::Area(PreparedArea::new(Area::try_from(&g).unwrap())),
        }
    }

    fn target(&self) -> &dyn Target {
        match self {
            Shape::Point(p) => p,
            Shape::Line(l) => l,
            Shape::Area(a) => a,
        }
    }

    fn buffer(&self, d: Distance) -> Area {
        match self {
            Shape::Point(p) => buffer(p, d),
            Shape::Line(l) => buffer(l, d),
            Shape::Area(a) => buffer(a, d),
        }
        .unwrap()
    }
}

fn position(v: &Value) -> (LatLon, f64) {
    let a = v.as_array().unwrap();
    let p = LatLon::new(a[1].as_f64().unwrap(), a[0].as_f64().unwrap()).unwrap();
    (p, a[2].as_f64().unwrap())
}

/// The largest distance of a boundary vertex from the stated distance.
const VERTEX_M: f64 = 100.0;

/// Checks the fixture's cases whose names start with `prefix` (one test
/// per shape, so that they run in parallel); returns how many probes.
fn check_cases(prefix: &str) -> usize {
    let text = std::fs::read_to_string(fixture("buffer/probes.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let mut failures = Vec::new();
    let mut probes = 0;
    for case in doc["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        if !name.starts_with(prefix) {
            continue;
        }
        let d = case["distance_m"].as_f64().unwrap();
        let shape = Shape::read(&case["shape"]);
        let started = std::time::Instant::now();
        let area = shape.buffer(Distance::from_metres(d));
        let elapsed = started.elapsed();
        let split = area.polygons().len() >= 4;
        let prepared = PreparedArea::new(area.clone());
        for p in case["probes"].as_array().unwrap() {
            let (p, reference) = position(p);
            probes += 1;
            let expected = reference <= d;
            if prepared.contains(p) != expected {
                failures.push(format!(
                    "{name}: probe {p} at {reference:.1} m (D = {d} m) should be {}",
                    if expected { "inside" } else { "outside" }
                ));
            }
        }
        // Every vertex is at the distance (those on the quadrant cuts of a
        // split buffer lie inside it).
        let mut worst: f64 = 0.0;
        let mut vertices = 0;
        for ring in area.polygons().iter().flat_map(|p| p.rings()) {
            for v in ring {
                let got = shape.target().distance_by(*v, Method::Geodesic).as_metres();
                if (got - d).abs() <= VERTEX_M {
                    worst = worst.max((got - d).abs());
                    vertices += 1;
                } else if !(split && got < d) {
                    failures.push(format!("{name}: vertex {v} at {got:.1} m, not {d} m"));
                }
            }
        }
        // Every reference boundary point is near the returned boundary.
        let rings: Vec<Vec<LatLon>> = area
            .polygons()
            .iter()
            .flat_map(|p| p.rings().iter().cloned())
            .collect();
        let outline = PreparedLine::new(Line::new(rings).unwrap());
        let mut farthest: f64 = 0.0;
        for b in case["boundary"].as_array().unwrap() {
            let (p, _) = position(b);
            let off = outline.nearest_to(p).distance.as_metres();
            farthest = farthest.max(off);
            if off > VERTEX_M {
                failures.push(format!(
                    "{name}: boundary point {p} is {off:.1} m from the buffer's boundary"
                ));
            }
        }
        println!(
            "{name}: {} polygons, {vertices} boundary vertices within {worst:.3} m, reference boundary within {farthest:.3} m, {elapsed:.2?}",
            area.polygons().len()
        );
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    probes
}

#[test]
fn point_from_1_km_to_15000_km() {
    assert!(check_cases("point Kyiv") >= 200);
}

#[test]
fn ukraine_at_1_km() {
    assert!(check_cases("Ukraine 1000 m") >= 90);
}

#[test]
fn ukraine_from_100_km_to_15000_km() {
    let probes: usize = [
        "Ukraine 100000 m",
        "Ukraine 6920179 m",
        "Ukraine 10000000 m",
        "Ukraine 15000000 m",
    ]
    .into_iter()
    .map(check_cases)
    .sum();
    assert!(probes >= 200);
}

#[test]
fn front_line() {
    assert!(check_cases("front line") >= 200);
}

#[test]
fn around_the_north_pole_and_across_the_antimeridian() {
    assert!(check_cases("near North Pole") + check_cases("point 179.9E") >= 200);
}

#[test]
fn chukotka_across_the_antimeridian() {
    assert!(check_cases("Chukotka") >= 250);
}

#[test]
fn concave_shape_between_its_arms() {
    assert!(check_cases("concave U") >= 200);
}
