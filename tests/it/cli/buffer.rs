//! `strikemap buffer TARGET DISTANCE`: the buffer as GeoJSON, its
//! properties, its boundary at the distance, and its error paths.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use strikemap::{Area, LatLon, Method, Target, countries};

fn strikemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strikemap"))
}

fn feature(args: &[&str]) -> Value {
    let out = strikemap().args(args).assert().success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 1);
    features[0].clone()
}

fn area_of(feature: &Value) -> Area {
    let g: geojson::Geometry = serde_json::from_value(feature["geometry"].clone()).unwrap();
    Area::try_from(&g).unwrap()
}

#[test]
fn a_country_buffer_has_its_properties_and_boundary() {
    let f = feature(&["buffer", "country:UA", "500km"]);
    assert_eq!(f["geometry"]["type"], "Polygon");
    let p = &f["properties"];
    assert_eq!(p["distance"], "500km");
    assert_eq!(p["distance_m"].as_f64(), Some(500_000.0));
    assert_eq!(p["buffer_of"], "Ukraine (country:UA, 1:50m)");
    assert!(p["method"].as_str().unwrap().contains("geodesic buffer"));
    assert!(p["fill"].is_string(), "styled");
    let ukraine = &countries::get("UA").unwrap().territory;
    // Every written vertex (rounded to 6 decimals, about 0.1 m; the export
    // adds no vertices on edges this short) is at 500 km.
    let area = area_of(&f);
    for ring in area.polygons().iter().flat_map(|p| p.rings()) {
        for v in ring {
            let d = ukraine.distance_by(*v, Method::Geodesic).as_metres();
            assert!((d - 500_000.0).abs() < 11.0, "{v}: {d}");
        }
    }
    // Kyiv, Moscow, Vilnius, Bucharest, Istanbul, Tbilisi: inside exactly
    // when within 500 km of Ukraine (none is within 20 km of the boundary).
    let mut outside = 0;
    for (lat, lon) in [
        (50.45, 30.52),
        (55.75, 37.62),
        (54.69, 25.28),
        (44.43, 26.10),
        (41.01, 28.98),
        (41.72, 44.79),
        (52.52, 13.40),
        (59.94, 30.31),
    ] {
        let p = LatLon::new(lat, lon).unwrap();
        let d = ukraine.distance_by(p, Method::Geodesic).as_km();
        assert!((d - 500.0).abs() > 20.0, "{p}: {d} km");
        assert_eq!(area.nearest_to(p).inside, d <= 500.0, "{p}: {d} km");
        outside += usize::from(d > 500.0);
    }
    assert_eq!(outside, 3); // Tbilisi, Berlin, St Petersburg
}

#[test]
fn units_and_places_are_read_as_everywhere() {
    let a = feature(&["buffer", "Ukrainka=51.17,128.445", "4300", "miles"]);
    assert_eq!(
        a["properties"]["distance_m"].as_f64(),
        Some(4_300.0 * 1_609.344)
    );
    // Across the antimeridian: cut into a MultiPolygon, or one polygon
    // whose ring runs along ±180 (RFC 7946 §3.1.9).
    let lons: Vec<f64> = a["geometry"]["coordinates"]
        .to_string()
        .split(['[', ']', ','])
        .filter_map(|t| t.parse().ok())
        .collect();
    assert!(lons.iter().all(|x| x.abs() <= 180.0));
    assert!(lons.iter().any(|x| *x == 180.0 || *x == -180.0));
    let k = feature(&["buffer", "Kyiv", "100 km"]);
    assert!(
        k["properties"]["buffer_of"]
            .as_str()
            .unwrap()
            .starts_with("Kyiv")
    );
}

#[test]
fn writes_a_file_and_echoes_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ua.geojson");
    strikemap()
        .args([
            "buffer",
            "region:UA-63",
            "50km",
            "-o",
            path.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("read TARGET as"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["features"].as_array().unwrap().len(), 1);
}

#[test]
fn bad_distances_are_refused_in_one_line() {
    for (args, says) in [
        (vec!["buffer", "Kyiv", "0km"], "at least 1 m"),
        (vec!["buffer", "Kyiv", "19000km"], "18,000 km"),
        (vec!["buffer", "Kyiv", "100", "km", "5km"], "one distance"),
        (vec!["buffer", "Kyiv", "far"], "argument DISTANCE"),
    ] {
        let out = strikemap().args(&args).assert().code(2).stdout("");
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}
