//! Fuzz target `kml_import`: KML text (and KMZ, when the input is a ZIP
//! archive) read Placemark by Placemark (`io::kml::KmlReader`,
//! `io::kml::for_each_placemark`), into models strictly and leniently
//! (`io::geojson::Imported::from_kml`), as points (`io::points::KmlPoints`)
//! and as a target (`io::target_spec::Composite::parse` of the
//! FeatureCollection the Placemarks make).
//!
//! Invariants: nothing panics; every Placemark read is a GeoJSON Feature
//! object with finite coordinates; a lenient import reads or skips each
//! Placemark once; every feature read exports again (`MapExport`), that
//! export written as KML (`io::kml::write_kml`) reads back strictly with as
//! many features, and exporting those gives the same GeoJSON (compared as
//! JSON values). Every check is made for every input.
#![allow(
    clippy::panic,
    reason = "a fuzz target reports a broken invariant by panicking"
)]

use strikemap::io::geojson::{ExportOptions, ImportOptions, Imported};
use strikemap::io::kml::{self, KmlReader};
use strikemap::io::points::{KmlPoints, Sniffed};
use strikemap::io::target_spec::Composite;
use strikemap::{Date, MapExport};

/// The longest input looked at, in bytes.
const MAX_LEN: usize = 64 * 1024;

/// The options of every import: an `as_of` date, so that undated lines read.
fn options(lenient: bool) -> ImportOptions {
    ImportOptions::default()
        .with_as_of(Date::constant(2025, 6, 2))
        .with_lenient(lenient)
}

/// Every finite number of a JSON value's `coordinates`.
fn check_coordinates(value: &serde_json::Value) {
    match value {
        serde_json::Value::Number(n) => {
            assert!(n.as_f64().is_some_and(f64::is_finite), "coordinate {n}");
        }
        serde_json::Value::Array(a) => a.iter().for_each(check_coordinates),
        serde_json::Value::Object(o) => o.values().for_each(check_coordinates),
        _ => {}
    }
}

/// The features as a GeoJSON FeatureCollection value (each must export).
fn export(what: &str, imported: &Imported) -> serde_json::Value {
    let mut map = MapExport::new(ExportOptions::default());
    for (i, feature) in imported.features.iter().enumerate() {
        if let Err(e) = map.add(feature.clone()) {
            panic!("{what}: feature {i} read does not export: {}", e.report());
        }
    }
    serde_json::to_value(map.to_feature_collection())
        .unwrap_or_else(|e| panic!("{what}: the export does not serialize: {e}"))
}

/// Writes the features as KML, reads that back, and compares the GeoJSON
/// of both, feature by feature (KML groups them by kind).
fn round_trip(what: &str, imported: &Imported) {
    let mut map = MapExport::new(ExportOptions::default());
    for feature in &imported.features {
        let _ = map.add(feature.clone());
    }
    let mut text = Vec::new();
    kml::write_kml(&map, &mut text)
        .unwrap_or_else(|e| panic!("{what}: the KML export fails: {}", e.report()));
    let again = Imported::from_kml(&text[..], "again.kml", &options(false)).unwrap_or_else(|e| {
        panic!(
            "{what}: the KML export does not import: {}: {}",
            e.report(),
            String::from_utf8_lossy(&text)
        )
    });
    assert_eq!(
        again.features.len(),
        imported.features.len(),
        "{what}: the KML export imports with another number of features"
    );
    let sorted = |v: serde_json::Value| {
        let mut f: Vec<String> = v["features"]
            .as_array()
            .map(|a| a.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        f.sort();
        f
    };
    let first = sorted(export(what, imported));
    let second = sorted(export(what, &again));
    assert!(
        first == second,
        "{what}: the KML export reads back as other GeoJSON:\n{first:?}\n{second:?}"
    );
}

/// Runs one input.
pub fn run(data: &[u8]) {
    if data.len() > MAX_LEN {
        return;
    }
    let mut placemarks = 0usize;
    let mut features = Vec::new();
    let read = KmlReader::new(data, "fuzz.kml").for_each(|p| {
        placemarks += 1;
        if let Ok(p) = p {
            assert_eq!(p.feature["type"], "Feature");
            check_coordinates(&p.feature["geometry"]);
            features.push(p.feature);
        }
        Ok(())
    });
    if let Err(e) = read {
        let _ = e.report().to_string();
    }
    assert!(
        placemarks <= data.len(),
        "{placemarks} Placemarks from {} bytes",
        data.len()
    );

    if let Ok(input) = Sniffed::new(data, "fuzz.kmz") {
        let _ = kml::for_each_placemark(input, "fuzz.kmz", |p| p.map(drop).or(Ok(())));
    }
    if let Ok(input) = Sniffed::new(data, "fuzz.kml") {
        let _ = KmlPoints::new(input, "fuzz.kml").for_each(|p| {
            if let Ok(p) = p {
                assert!(p.position.lat().abs() <= 90.0 && p.position.lon().abs() <= 180.0);
            }
            Ok(())
        });
    }
    let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
    if let Ok(c) = Composite::parse(&collection.to_string()) {
        let _ = c.points().len();
    }

    let strict = Imported::from_kml(data, "fuzz.kml", &options(false));
    if let Ok(imported) = &strict {
        round_trip("strict", imported);
    }
    match Imported::from_kml(data, "fuzz.kml", &options(true)) {
        Ok(lenient) => {
            if strict.is_ok() {
                assert!(lenient.skipped.is_empty(), "a strict read skipped nothing");
            }
            round_trip("lenient", &lenient);
        }
        Err(e) => {
            let _ = e.report().to_string();
        }
    }
}
