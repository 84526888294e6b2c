//! The export's defaults: range rings coloured by their rank, air bases
//! visible under strikes at the same position, buffers larger than a
//! hemisphere written as one region.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{Value, json};
use strikemap::{
    AirBase, CountryCode, Distance, LatLon, MapExport, Strike, Target,
    io::geojson::{ExportOptions, FeatureCollectionWriter, FeatureKind, MapFeature, Style},
    measure::buffer,
    model::{Endpoint, RangeRing, Territory, Weapon},
};

fn props(fc: &geojson::FeatureCollection, k: usize) -> &serde_json::Map<String, Value> {
    fc.features[k].properties.as_ref().unwrap()
}

#[test]
fn rings_of_different_radii_differ_in_colour_in_memory_and_streamed() {
    let ukrainka = LatLon::new(51.17, 128.445).unwrap();
    let rings = || {
        [
            Distance::from_miles(4_300.0),
            Distance::from_km(4_300.0),
            Distance::from_km(1_000.0),
        ]
        .map(|r| RangeRing::new(format!("{r}"), ukrainka, r).unwrap())
    };
    let mut map = MapExport::new(ExportOptions::default());
    for r in rings() {
        map.add(r).unwrap();
    }
    let fc = map.to_feature_collection();
    // Each ring is followed by its centre marker, in the ring's colour.
    let strokes: Vec<Value> = (0..3)
        .map(|k| props(&fc, 2 * k)["stroke"].clone())
        .collect();
    assert_eq!(
        strokes,
        [json!("#2ca02c"), json!("#9467bd"), json!("#17becf")]
    );
    let markers: Vec<Value> = (0..3)
        .map(|k| props(&fc, 2 * k + 1)["marker-color"].clone())
        .collect();
    assert_eq!(markers, strokes);
    assert_eq!(props(&fc, 2)["fill"], json!("#9467bd"));
    // The streaming writer gives the same file.
    let mut bytes = Vec::new();
    let mut w = FeatureCollectionWriter::new(&mut bytes, ExportOptions::default());
    for r in rings() {
        w.write(r).unwrap();
    }
    w.finish().unwrap();
    let streamed: Value = serde_json::from_slice(&bytes).unwrap();
    let in_memory: Value = serde_json::to_value(&fc).unwrap();
    assert_eq!(streamed["features"], in_memory["features"]);
    // A stroke of the ring's own, or of the export's style for rings, wins.
    let mut map = MapExport::new(ExportOptions::default());
    let red = Style::new().with_stroke("#ff0000").unwrap();
    map.add(MapFeature::new(rings()[0].clone()).with_style(red.clone()))
        .unwrap();
    map.add(rings()[1].clone()).unwrap();
    let fc = map.to_feature_collection();
    assert_eq!(props(&fc, 0)["stroke"], json!("#ff0000"));
    assert_eq!(props(&fc, 1)["marker-color"], json!("#ff0000"));
    assert_eq!(props(&fc, 2)["stroke"], json!("#9467bd"));
    let mut map = MapExport::new(ExportOptions::default().with_style(FeatureKind::RangeRing, red));
    map.add(rings()[1].clone()).unwrap();
    let fc = map.to_feature_collection();
    assert_eq!(props(&fc, 0)["stroke"], json!("#ff0000"));
    assert_eq!(props(&fc, 1)["marker-color"], json!("#ff0000"));
}

#[test]
fn a_strike_on_an_air_base_leaves_both_markers_visible() {
    let at = LatLon::new(68.1517, 33.4639).unwrap();
    let mut map = MapExport::new(ExportOptions::default());
    map.add(AirBase::new("Olenya", at, CountryCode::new("RU").unwrap()))
        .unwrap();
    map.add(Strike::new(
        strikemap::Date::constant(2025, 6, 1),
        Endpoint::new("Olenya", at),
        Weapon::Drone,
    ))
    .unwrap();
    let fc = map.to_feature_collection();
    // Same position, the base's marker larger than the strike's drawn over it.
    assert_eq!(fc.features[0].geometry, fc.features[1].geometry);
    assert_eq!(props(&fc, 0)["marker-size"], json!("large"));
    assert_eq!(props(&fc, 1)["marker-size"], json!("medium"));
    assert_ne!(
        props(&fc, 0)["marker-symbol"],
        props(&fc, 1)["marker-symbol"]
    );
}

#[test]
fn a_buffer_larger_than_a_hemisphere_is_written_as_one_region() {
    let ukrainka = LatLon::new(51.17, 128.445).unwrap();
    let area = buffer(&ukrainka, Distance::from_km(15_000.0)).unwrap();
    assert!(area.polygons().len() >= 4, "split into quadrants");
    let mut map = MapExport::new(ExportOptions::default());
    map.add(Territory::new("within 15,000 km", area.clone()))
        .unwrap();
    let fc = map.to_feature_collection();
    let geometry = fc.features[0].geometry.as_ref().unwrap();
    // The quadrants' shared edges are gone: no edge appears in two polygons.
    let v: Value = serde_json::to_value(geometry).unwrap();
    let polys: Vec<Value> = match v["type"].as_str().unwrap() {
        "Polygon" => vec![v["coordinates"].clone()],
        _ => v["coordinates"].as_array().unwrap().clone(),
    };
    let mut edges = std::collections::HashSet::new();
    for (k, poly) in polys.iter().enumerate() {
        for ring in poly.as_array().unwrap() {
            let pts = ring.as_array().unwrap();
            for w in pts.windows(2) {
                edges.insert((k, w[0].to_string(), w[1].to_string()));
            }
        }
    }
    for (k, a, b) in &edges {
        let shared =
            (0..polys.len()).any(|j| j != *k && edges.contains(&(j, b.clone(), a.clone())));
        assert!(!shared, "edge {a} -> {b} is shared");
    }
    // The written region: one polygon whose exterior runs along the map's
    // frame, around the far side (which holds the South Pole, so it is a
    // notch from the frame's bottom edge, not a hole). (Reading it back as an
    // `Area` takes each ring's smaller side, which for a region larger than a
    // hemisphere is not what was written.)
    assert_eq!(v["type"], "Polygon");
    let exterior = polys[0][0].as_array().unwrap();
    assert!(
        exterior.iter().any(|p| p[1] == json!(90.0)),
        "along the North Pole"
    );
    for (lat, lon, inside) in [
        (51.17, 128.445, true),
        (0.0, 0.0, true),
        (-51.17, -51.555, false),
        (-40.0, -60.0, false),
    ] {
        let p = LatLon::new(lat, lon).unwrap();
        assert_eq!(area.nearest_to(p).inside, inside, "{p}");
    }
}
