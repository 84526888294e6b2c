//! Issue 15: marker Points after each range ring (its centre) and strike
//! arc (launch, impact), in every export path, skipped on import.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{Value, json};
use strikemap::{
    Distance, LatLon, MapExport,
    io::geojson::{
        ExportOptions, FeatureCollectionWriter, FeatureKind, ImportOptions, Imported, MapFeature,
        SequenceWriter, Style, Styles,
    },
    io::kml,
    model::{Endpoint, RangeRing, StrikeArc},
};

fn p(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).unwrap()
}

/// A ring that crosses ±180 (written as a MultiPolygon), one that holds
/// the North Pole, an arc across ±180 and a short arc.
fn features() -> Vec<MapFeature> {
    vec![
        RangeRing::new(
            "Anadyr 1,000 km",
            p(64.73, 177.5),
            Distance::from_km(1_000.0),
        )
        .unwrap()
        .into(),
        RangeRing::new(
            "Ukrainka 4,300 mi",
            p(51.17, 128.445),
            Distance::from_miles(4_300.0),
        )
        .unwrap()
        .into(),
        StrikeArc::new(
            Endpoint::new("Ukrainka", p(51.17, 128.45)),
            Endpoint::new("Elmendorf", p(61.25, -149.81)),
        )
        .into(),
        StrikeArc::new(
            Endpoint::new("Engels", p(51.4833, 46.2)),
            Endpoint::new("Kyiv", p(50.4501, 30.5234)),
        )
        .into(),
    ]
}

fn in_memory(options: &ExportOptions) -> Value {
    let mut map = MapExport::new(options.clone());
    map.extend(features()).unwrap();
    serde_json::to_value(map.to_feature_collection()).unwrap()
}

fn streamed(options: &ExportOptions) -> Value {
    let mut bytes = Vec::new();
    let mut w = FeatureCollectionWriter::new(&mut bytes, options.clone());
    for f in features() {
        w.write(f).unwrap();
    }
    w.finish().unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

fn sequence(options: &ExportOptions) -> Vec<Value> {
    let mut bytes = Vec::new();
    let mut w = SequenceWriter::new(&mut bytes, options.clone());
    for f in features() {
        w.write(f).unwrap();
    }
    w.finish().unwrap();
    bytes
        .split(|b| *b == 0x1E)
        .filter(|r| !r.is_empty())
        .map(|r| serde_json::from_slice(r).unwrap())
        .collect()
}

fn kinds(fc: &Value) -> Vec<String> {
    fc["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["kind"].as_str().unwrap().to_string())
        .collect()
}

fn lon_lat(p: LatLon) -> Value {
    json!(p.to_lon_lat())
}

/// The first and last positions of a LineString or MultiLineString.
fn ends(geometry: &Value) -> (Value, Value) {
    let c = &geometry["coordinates"];
    match geometry["type"].as_str() {
        Some("LineString") => (c[0].clone(), c.as_array().unwrap().last().unwrap().clone()),
        Some("MultiLineString") => {
            let parts = c.as_array().unwrap();
            let last = parts.last().unwrap().as_array().unwrap();
            (parts[0][0].clone(), last.last().unwrap().clone())
        }
        other => panic!("not a line: {other:?}"),
    }
}

#[test]
fn rings_get_one_centre_marker_and_arcs_two_end_markers() {
    let fc = in_memory(&ExportOptions::default());
    assert_eq!(
        kinds(&fc),
        [
            "range_ring",
            "marker",
            "range_ring",
            "marker",
            "strike_arc",
            "marker",
            "marker",
            "strike_arc",
            "marker",
            "marker"
        ]
    );
    let fs = fc["features"].as_array().unwrap();
    let models = features();
    // Rings: the marker at the model's centre (6 decimals or fewer, so
    // rounding leaves it), which is also the `centre` property written.
    for (ring_at, f) in [(0, &models[0]), (2, &models[1])] {
        let strikemap::io::geojson::MapItem::RangeRing(ring) = &f.item else {
            panic!("a ring")
        };
        let (written, marker) = (&fs[ring_at], &fs[ring_at + 1]);
        assert_eq!(marker["geometry"]["type"], "Point");
        assert_eq!(marker["geometry"]["coordinates"], lon_lat(ring.centre));
        assert_eq!(
            marker["geometry"]["coordinates"],
            written["properties"]["centre"]
        );
        let props = &marker["properties"];
        assert_eq!(props["role"], "centre");
        assert_eq!(props["marker_of"], ring.name.as_str());
        assert_eq!(props["name"], format!("centre of {}", ring.name));
        assert_eq!(props["marker-color"], written["properties"]["stroke"]);
        assert_eq!(props["marker-symbol"], "cross");
        assert_eq!(props["marker-size"], "small");
        assert_eq!(
            marker["id"],
            format!("{}/centre", written["id"].as_str().unwrap())
        );
    }
    // The Anadyr ring is cut at ±180 and still has one marker.
    assert_eq!(fs[0]["geometry"]["type"], "MultiPolygon");
    // Arcs: markers at the ends of the line as written and of the model.
    for (arc_at, f) in [(4, &models[2]), (7, &models[3])] {
        let strikemap::io::geojson::MapItem::StrikeArc(arc) = &f.item else {
            panic!("an arc")
        };
        let written = &fs[arc_at];
        let (first, last) = ends(&written["geometry"]);
        let (launch, impact) = (&fs[arc_at + 1], &fs[arc_at + 2]);
        assert_eq!(launch["geometry"]["coordinates"], first);
        assert_eq!(impact["geometry"]["coordinates"], last);
        assert_eq!(first, lon_lat(arc.launch.position));
        assert_eq!(last, lon_lat(arc.target.position));
        assert_eq!(launch["properties"]["role"], "launch");
        assert_eq!(impact["properties"]["role"], "impact");
        assert_eq!(launch["properties"]["name"], arc.launch.name.as_str());
        assert_eq!(impact["properties"]["name"], arc.target.name.as_str());
        assert_eq!(launch["properties"]["marker-symbol"], "rocket");
        assert_eq!(impact["properties"]["marker-symbol"], "danger");
        for m in [launch, impact] {
            assert_eq!(m["properties"]["marker_of"], arc.name().as_str());
            assert_eq!(
                m["properties"]["marker-color"],
                written["properties"]["stroke"]
            );
        }
    }
    // The Ukrainka–Elmendorf arc crosses ±180.
    assert_eq!(fs[4]["geometry"]["type"], "MultiLineString");
}

#[test]
fn every_export_path_writes_the_same_markers() {
    for options in [
        ExportOptions::default(),
        ExportOptions::default().with_bbox(true),
        ExportOptions::default().with_precision(3).unwrap(),
    ] {
        let fc = in_memory(&options);
        assert_eq!(streamed(&options)["features"], fc["features"]);
        assert_eq!(sequence(&options), *fc["features"].as_array().unwrap());
        // add_detached hands back the feature and its markers.
        let mut map = MapExport::new(options.clone());
        let detached: Vec<Value> = features()
            .into_iter()
            .flat_map(|f| map.add_detached(f).unwrap())
            .map(|f| serde_json::to_value(f).unwrap())
            .collect();
        assert_eq!(detached, *fc["features"].as_array().unwrap());
        assert!(map.is_empty());
        assert_eq!(map.summary().features(), 10);
        assert_eq!(
            map.summary().geometry_types(),
            [
                "LineString",
                "MultiLineString",
                "MultiPolygon",
                "Point",
                "Polygon"
            ]
        );
    }
}

#[test]
fn markers_can_be_left_out() {
    let options = ExportOptions::default().with_markers(false);
    let fc = in_memory(&options);
    assert_eq!(
        kinds(&fc),
        ["range_ring", "range_ring", "strike_arc", "strike_arc"]
    );
    assert_eq!(streamed(&options)["features"], fc["features"]);
    assert_eq!(sequence(&options).len(), 4);
    // The rings keep their colours without their markers.
    assert_eq!(fc["features"][1]["properties"]["stroke"], "#9467bd");
}

#[test]
fn the_import_skips_markers_and_the_round_trip_is_identical() {
    for options in [
        ExportOptions::default(),
        ExportOptions::default().with_markers(false),
    ] {
        let mut map = MapExport::new(options.clone());
        map.extend(features()).unwrap();
        let mut first = Vec::new();
        map.write_to(&mut first).unwrap();
        let text = String::from_utf8(first.clone()).unwrap();
        let back = Imported::parse(&text, &ImportOptions::default()).unwrap();
        assert_eq!(back.features.len(), 4);
        assert!(back.skipped.is_empty());
        assert!(
            back.features
                .iter()
                .all(|f| f.kind() != FeatureKind::Marker)
        );
        let items: Vec<_> = back.features.iter().map(|f| f.item.clone()).collect();
        let models: Vec<_> = features().into_iter().map(|f| f.item).collect();
        assert_eq!(items, models);
        let mut again = Vec::new();
        back.to_map_export(options.clone())
            .unwrap()
            .write_to(&mut again)
            .unwrap();
        assert_eq!(
            String::from_utf8(again).unwrap(),
            text,
            "export → import → export"
        );
        // Streamed readers skip them too.
        let read: Vec<MapFeature> = strikemap::io::geojson::FeatureCollectionReader::new(
            &first[..],
            ImportOptions::default(),
        )
        .collect::<Result<_, _>>()
        .unwrap();
        assert_eq!(read, back.features);
        let mut seq = Vec::new();
        let mut w = SequenceWriter::new(&mut seq, options.clone());
        for f in features() {
            w.write(f).unwrap();
        }
        w.finish().unwrap();
        let read: Vec<MapFeature> =
            strikemap::io::geojson::SequenceReader::new(&seq[..], ImportOptions::default())
                .collect::<Result<_, _>>()
                .unwrap();
        assert_eq!(read, back.features);
    }
}

#[test]
fn a_marker_alone_is_not_a_model() {
    let fc = in_memory(&ExportOptions::default());
    let marker: geojson::Feature = serde_json::from_value(fc["features"][1].clone()).unwrap();
    let err = MapFeature::from_feature(&marker, 1, &ImportOptions::default()).unwrap_err();
    assert!(err.is_format(), "{}", err.report());
    assert!(
        err.report().to_string().contains("marker"),
        "{}",
        err.report()
    );
    // In a collection it is skipped, not an error, even when strict.
    let text = json!({"type": "FeatureCollection", "features": [fc["features"][1]]}).to_string();
    let map = Imported::parse(&text, &ImportOptions::default()).unwrap();
    assert!(map.features.is_empty() && map.skipped.is_empty());
}

#[test]
fn marker_styles_follow_the_options() {
    // The kind's style is written over the derived one.
    let options = ExportOptions::default().with_style(
        FeatureKind::Marker,
        Style::new()
            .with_marker_symbol("star")
            .with_marker_color("#000000")
            .unwrap(),
    );
    let fc = in_memory(&options);
    let m = &fc["features"][1]["properties"];
    assert_eq!(
        (m["marker-symbol"].as_str(), m["marker-color"].as_str()),
        (Some("star"), Some("#000000"))
    );
    // Plain output: no style at all, the roles still tell them apart.
    let fc = in_memory(&ExportOptions::default().with_styles(Styles::none()));
    let m = fc["features"][5]["properties"].as_object().unwrap();
    assert!(
        !m.contains_key("marker-color") && !m.contains_key("marker-size"),
        "{m:?}"
    );
    assert_eq!(m["role"], "launch");
}

#[test]
fn marker_ids_stay_unique() {
    let ring = RangeRing::new("Engels", p(51.48, 46.2), Distance::from_km(500.0)).unwrap();
    let mut map = MapExport::new(ExportOptions::default());
    map.add(ring.clone()).unwrap();
    map.add(ring).unwrap();
    let ids: Vec<Value> = map
        .features()
        .iter()
        .map(|f| serde_json::to_value(&f.id).unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            json!("range_ring/engels"),
            json!("range_ring/engels/centre"),
            json!("range_ring/engels-2"),
            json!("range_ring/engels-2/centre")
        ]
    );
}

#[test]
fn kml_keeps_markers_in_their_folder_and_reads_them_back_as_derived() {
    let mut map = MapExport::new(ExportOptions::default());
    map.extend(features()).unwrap();
    let mut bytes = Vec::new();
    kml::write_kml(&map, &mut bytes).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert_eq!(text.matches("<Point>").count(), 6, "{text}");
    let folder = text
        .split("<Folder id=\"strikemap-marker\">")
        .nth(1)
        .unwrap();
    assert_eq!(folder.matches("<Placemark").count(), 6);
    let back = Imported::from_kml(&bytes[..], "map.kml", &ImportOptions::default()).unwrap();
    assert_eq!(back.features.len(), 4);
    assert!(back.skipped.is_empty());
}
