//! Point-to-area distances and containment against an independent reference
//! (tests/fixtures/point_to_polygon.json: GeographicLib with dense sampling,
//! inside/outside cross-checked by a winding-number test and by construction).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use strikemap::{Area, LatLon, Target, measure::PreparedArea, shape::Polygon};

fn ring(v: &Value) -> Vec<LatLon> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| LatLon::new(p[0].as_f64().unwrap(), p[1].as_f64().unwrap()).unwrap())
        .collect()
}

fn cases() -> Vec<(String, Area, Vec<Value>)> {
    let text = std::fs::read_to_string(crate::common::fixture("point_to_polygon.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc["polygons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let mut rings = vec![ring(&p["exterior"])];
            rings.extend(p["holes"].as_array().unwrap().iter().map(ring));
            let area = Area::new(vec![Polygon::new(rings).unwrap()]).unwrap();
            (
                p["name"].as_str().unwrap().to_string(),
                area,
                p["queries"].as_array().unwrap().clone(),
            )
        })
        .collect()
}

#[test]
fn distances_and_containment_match_the_reference() {
    let mut total = 0;
    let mut worst = 0.0f64;
    for (name, area, queries) in cases() {
        let prepared = PreparedArea::new(area.clone());
        for q in &queries {
            let p = LatLon::new(q["lat"].as_f64().unwrap(), q["lon"].as_f64().unwrap()).unwrap();
            let on_boundary = q["on_boundary"].as_bool().unwrap_or(false);
            let want_inside = q["inside"].as_bool().unwrap();
            let want = q["dist_m"].as_f64().unwrap();
            for (how, got) in [
                ("naive", area.nearest_to(p)),
                ("prepared", prepared.nearest_to(p)),
            ] {
                let kind = q["kind"].as_str().unwrap();
                if on_boundary {
                    assert!(
                        got.distance.as_metres() < 1e-6,
                        "{name} {kind} {p} ({how}): {}",
                        got.distance
                    );
                    continue;
                }
                assert_eq!(got.inside, want_inside, "{name} {kind} {p} ({how})");
                let err = (got.distance.as_metres() - want).abs();
                worst = worst.max(err);
                assert!(
                    err < 1e-3,
                    "{name} {kind} {p} ({how}): {} vs {want}",
                    got.distance.as_metres()
                );
            }
            total += 1;
        }
    }
    assert!(total >= 400, "{total} queries");
    eprintln!("worst area error {worst:e} m over {total} queries");
}

#[test]
fn boundary_distances_match_for_inside_points_too() {
    // Distance to the boundary (all rings) for every query, as a line.
    for (name, area, queries) in cases() {
        let rings: Vec<Vec<LatLon>> = area.polygons()[0].rings().to_vec();
        let boundary = strikemap::Line::new(rings).unwrap();
        for q in &queries {
            let p = LatLon::new(q["lat"].as_f64().unwrap(), q["lon"].as_f64().unwrap()).unwrap();
            let want = q["boundary_dist_m"].as_f64().unwrap();
            let got = boundary.nearest_to(p).distance.as_metres();
            assert!((got - want).abs() < 1e-3, "{name} {p}: {got} vs {want}");
        }
    }
}
