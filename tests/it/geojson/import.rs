//! GeoJSON import: lossless round trips of strikemap's own files,
//! third-party files (geojson.io, QGIS, Natural Earth, points with their own
//! columns), typed errors for bad input, and the lenient mode's report.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use geojson::feature::Id;
use serde_json::{Value, json};
use strikemap::{
    CountryCode, Distance, Error, LatLon, Place, countries,
    io::geojson::{ExportOptions, FeatureKind, ImportOptions, Imported, MapFeature, MapItem},
};

use crate::common::rich_map::{catalog, rich_map};

fn p(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).unwrap()
}

fn code(c: &str) -> CountryCode {
    CountryCode::new(c).unwrap()
}

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/geojson/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn round_trip(options: &ExportOptions) {
    let first = rich_map(options).to_feature_collection();
    let text = serde_json::to_string(&first).unwrap();
    let back = Imported::parse(&text, &ImportOptions::default()).unwrap();
    assert!(back.skipped.is_empty());
    let again = back
        .to_map_export(options.clone())
        .unwrap()
        .to_feature_collection();
    let (a, b) = (
        serde_json::to_value(&first).unwrap(),
        serde_json::to_value(&again).unwrap(),
    );
    if a != b {
        for (fa, fb) in a["features"]
            .as_array()
            .unwrap()
            .iter()
            .zip(b["features"].as_array().unwrap())
        {
            assert_eq!(fa, fb, "feature {}", fa["id"]);
        }
    }
    assert_eq!(a, b);
    // The streaming reader gives the same.
    let streamed = Imported::from_reader(text.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(streamed, back);
}

#[test]
fn export_import_export_is_identical() {
    round_trip(&ExportOptions::default());
}

#[test]
fn round_trip_with_bbox_and_other_precision() {
    round_trip(
        &ExportOptions::default()
            .with_bbox(true)
            .with_precision(4)
            .unwrap(),
    );
    round_trip(
        &ExportOptions::default()
            .with_spacing(Distance::from_km(200.0))
            .unwrap()
            .with_precision(7)
            .unwrap(),
    );
}

#[test]
fn imported_models_match_the_originals() {
    let original = catalog();
    let text = serde_json::to_string(&rich_map(&ExportOptions::default()).to_feature_collection())
        .unwrap();
    let back = Imported::parse(&text, &ImportOptions::default()).unwrap();
    let c = back.to_catalog().unwrap();
    assert_eq!(&c.places()[..3], original.places());
    assert_eq!(c.places()[3].name(), "Depot");
    assert_eq!(c.strikes(), original.strikes());
    assert_eq!(c.front_lines()[0].name, "Southern front");
    assert_eq!(
        c.front_lines()[0].sources,
        original.front_lines()[0].sources
    );
    assert!(
        (c.front_lines()[0].length() - original.front_lines()[0].length())
            .abs()
            .as_metres()
            < 1.0
    );
    let ua = c.territory("Ukraine").unwrap();
    let kyiv = p(50.4501, 30.5234);
    assert!(ua.contains(kyiv));
    assert!(
        (ua.area_km2() - countries::ukraine_10m().area_km2()).abs() < 1.0,
        "{}",
        ua.area_km2()
    );
    let ring = back.features.iter().find_map(|f| match &f.item {
        MapItem::RangeRing(r) if r.name == "Ukrainka 4,300 mi" => Some((r.clone(), f)),
        _ => None,
    });
    let (ring, feature) = ring.unwrap();
    assert_eq!(ring.radius().as_miles(), 4_300.0);
    assert_eq!(feature.properties["claim"], "Tu-95MS combat radius");
    assert_eq!(feature.style.get("fill-opacity"), Some(&json!(0.2)));
    let depot = back
        .features
        .iter()
        .find(|f| f.id == Some(Id::Number(42.into())))
        .unwrap();
    assert_eq!(depot.properties["verdict"]["holds"], true);
    assert_eq!(depot.style.get("title"), Some(&json!("Fuel depot")));
    assert_eq!(
        depot.foreign_members["links"][0]["href"],
        "https://example.org/depot"
    );
    assert_eq!(back.members["name"], "June 2025");
    let arcs = back
        .features
        .iter()
        .filter(|f| f.kind() == FeatureKind::StrikeArc)
        .count();
    assert_eq!(arcs, 2);
}

#[test]
fn geojson_io_front_line_without_a_date() {
    let text = fixture("geojsonio_front_line.geojson");
    let err = Imported::parse(&text, &ImportOptions::default()).unwrap_err();
    assert_eq!(
        err.report().to_string(),
        "feature 0: properties.date: expected an ISO 8601 date such as \"2025-06-02\" \
         (or ImportOptions::with_as_of for undated lines), found nothing"
    );
    let options = ImportOptions::default().with_as_of(strikemap::Date::constant(2025, 6, 2));
    let map = Imported::parse(&text, &options).unwrap();
    let MapItem::FrontLine(front) = &map.features[0].item else {
        panic!()
    };
    assert_eq!(front.name, "feature 0");
    assert_eq!(front.as_of.to_string(), "2025-06-02");
    assert_eq!(front.line().parts()[0].len(), 5);
    assert!(map.features[0].properties.is_empty());
    assert!(front.distance_to(p(47.57, 35.5)).as_metres() < 1e-6);
}

#[test]
fn qgis_front_lines_keep_their_columns() {
    let map = Imported::parse(
        &fixture("qgis_front_line.geojson"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(map.members["name"], "front_2025_06_02");
    assert_eq!(map.features.len(), 2);
    let (first, second) = (&map.features[0], &map.features[1]);
    let MapItem::FrontLine(south) = &first.item else {
        panic!()
    };
    assert_eq!(
        (south.name.as_str(), south.line().parts().len()),
        ("Southern front", 2)
    );
    assert_eq!(first.properties["fid"], 1);
    assert_eq!(first.properties["source"], "DeepState map, 2 June 2025");
    assert_eq!(first.properties["confidence"], "medium");
    assert!(
        !first.properties.contains_key("date"),
        "the date became the model's"
    );
    let MapItem::FrontLine(kupiansk) = &second.item else {
        panic!()
    };
    assert_eq!(kupiansk.as_of.to_string(), "2025-06-02");
    // Written as a date-time, so the original text is kept.
    assert_eq!(second.properties["original:date"], "2025-06-02T00:00:00");
    assert!(second.properties["confidence"].is_null());
    // A non-WGS84 crs is refused.
    let bad = fixture("qgis_front_line.geojson").replace("OGC:1.3:CRS84", "EPSG::3857");
    let err = Imported::parse(&bad, &ImportOptions::default()).unwrap_err();
    assert!(
        err.is_format() && err.locations().eq(["crs"]),
        "{}",
        err.report()
    );
}

#[test]
fn country_boundaries_become_territories() {
    let map = Imported::parse(
        &fixture("country_boundaries.geojson"),
        &ImportOptions::default(),
    )
    .unwrap();
    let c = map.to_catalog().unwrap();
    let fiji = c.territory("Fiji").unwrap();
    assert_eq!(fiji.country, Some(code("FJ")));
    assert_eq!(fiji.area().polygons().len(), 2);
    assert!(fiji.contains(p(-17.0, 179.9)));
    assert!(fiji.contains(p(-17.0, -179.9)));
    assert!(!fiji.contains(p(-17.0, 170.0)));
    let za = c.territory("South Africa").unwrap();
    assert!(za.contains(p(-26.2, 28.0))); // Johannesburg
    assert!(!za.contains(p(-29.6, 28.2))); // Lesotho, the hole
    assert_eq!(map.features[1].properties["ISO_A3"], "ZAF");
    assert_eq!(map.features[1].properties["POP_EST"], 58_558_270);
    // Exported, the careless hole is wound clockwise and Fiji's pieces stay apart.
    let again = map
        .to_map_export(ExportOptions::default())
        .unwrap()
        .to_feature_collection();
    for f in &again.features {
        strikemap::io::geojson::check_winding(f.geometry.as_ref().unwrap()).unwrap();
    }
}

#[test]
fn points_with_their_own_properties_become_sites() {
    let text = fixture("points_with_properties.geojson");
    let options = ImportOptions::default();
    let err = Imported::parse(&text, &options).unwrap_err();
    assert!(
        err.report()
            .to_string()
            .starts_with("feature 2: properties.country: expected an ISO 3166-1 alpha-2 code"),
        "{}",
        err.report()
    );
    let map = Imported::parse(&text, &options.clone().with_default_country(code("UA"))).unwrap();
    let c = map.to_catalog().unwrap();
    let depot = c.place("Fuel depot").unwrap();
    assert_eq!(depot.site().country, code("UA")); // looked up: Kharkiv
    assert_eq!(map.features[0].id, Some(Id::String("p1".into())));
    assert_eq!(map.features[0].properties["type"], "fuel depot");
    assert_eq!(map.features[0].properties["tags"], json!(["fuel", "rail"]));
    assert_eq!(map.features[0].properties["Name"], "Fuel depot");
    assert_eq!(map.features[1].id, Some(Id::Number(2.into())));
    assert_eq!(map.features[1].properties["original:country"], "Ukraine");
    assert_eq!(
        c.place("Ammunition depot").unwrap().site().country,
        code("UA")
    );
    let tanker = &map.features[2];
    assert_eq!(tanker.item.name(), "Tanker");
    assert_eq!(tanker.properties["original:kind"], "vessel");
    assert_eq!(tanker.style.get("marker-color"), Some(&json!("#123456")));
    // Exported and read again, nothing changes.
    let once = map
        .to_map_export(ExportOptions::default())
        .unwrap()
        .to_feature_collection();
    let back = Imported::parse(
        &serde_json::to_string(&once).unwrap(),
        &ImportOptions::default(),
    )
    .unwrap();
    let twice = back
        .to_map_export(ExportOptions::default())
        .unwrap()
        .to_feature_collection();
    assert_eq!(
        serde_json::to_value(&once).unwrap(),
        serde_json::to_value(&twice).unwrap()
    );
    assert_eq!(
        serde_json::to_value(&once).unwrap()["features"][0]["properties"]["kind"],
        "site"
    );
}

/// A FeatureCollection of good features with one bad one at `at`.
fn collection_with(at: usize, bad: Value) -> String {
    let good = json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.52, 50.45]},
        "properties": {"kind": "city", "name": "Kyiv", "country": "UA"}});
    let mut features = vec![good.clone(); 4];
    features[at] = bad;
    json!({"type": "FeatureCollection", "features": features}).to_string()
}

fn feature(geometry: Value) -> Value {
    json!({"type": "Feature", "geometry": geometry, "properties": {}})
}

#[test]
fn bad_input_gives_typed_errors_naming_feature_and_member() {
    let cases: Vec<(String, &str)> = vec![
        (
            "{\"type\": \"FeatureCollection\", \"features\": [".into(),
            "GeoJSON text: expected valid JSON, found EOF while parsing a list at line 1 column 43",
        ),
        (
            r#"{"type": "FeatureCollection"}"#.into(),
            "features: expected an array of features, found nothing",
        ),
        (
            r#"{"type": "FeatureCollection", "features": {}}"#.into(),
            "features: expected an array of features, found an object",
        ),
        (
            r#"{"type": "Topology"}"#.into(),
            "type: expected \"FeatureCollection\" or \"Feature\", found the string \"Topology\"",
        ),
        (
            r#"[1, 2]"#.into(),
            "GeoJSON text: expected a JSON object (a FeatureCollection or a Feature), found an array of 2 elements",
        ),
        (
            collection_with(1, json!(3)),
            "feature 1: feature: expected a GeoJSON Feature object, found the number 3",
        ),
        (
            collection_with(2, json!({"type": "Feature", "properties": {}})),
            "feature 2: geometry: expected a geometry object or null, found nothing",
        ),
        (
            collection_with(
                0,
                json!({"type": "Feature", "geometry": null, "properties": {}}),
            ),
            "feature 0: geometry: expected a geometry (every strikemap model has one), found null",
        ),
        (
            collection_with(
                1,
                json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [30, 50]}, "properties": "Kyiv"}),
            ),
            "feature 1: properties: expected an object or null, found the string \"Kyiv\"",
        ),
        (
            collection_with(
                1,
                json!({"type": "Feature", "id": true, "geometry": {"type": "Point", "coordinates": [30, 50]}}),
            ),
            "feature 1: id: expected a string or a number, found the boolean true",
        ),
        (
            collection_with(
                3,
                json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [30, 50]},
            "properties": {"kind": "city", "name": 5, "country": "UA"}}),
            ),
            "feature 3: properties.name: expected a string, found the number 5",
        ),
        (
            collection_with(0, feature(json!({"type": 7, "coordinates": [30, 50]}))),
            "feature 0: geometry.type: expected a geometry type such as \"Point\", found the number 7",
        ),
        (
            collection_with(0, feature(json!({"type": "Point"}))),
            "feature 0: geometry.coordinates: expected a position [longitude, latitude], found nothing",
        ),
        (
            collection_with(0, feature(json!({"type": "Point", "coordinates": []}))),
            "feature 0: geometry.coordinates: expected a position [longitude, latitude], found an empty array",
        ),
        (
            collection_with(0, feature(json!({"type": "LineString", "coordinates": []}))),
            "feature 0: geometry.coordinates: expected a line of at least 2 positions, found 0 positions",
        ),
        (
            collection_with(0, feature(json!({"type": "Polygon", "coordinates": []}))),
            "feature 0: geometry.coordinates: expected an array of rings, found an empty array",
        ),
        (
            collection_with(
                0,
                feature(json!({"type": "LineString", "coordinates": "30,50 31,51"})),
            ),
            "feature 0: geometry.coordinates: expected a line of at least 2 positions, found the string \"30,50 31,51\"",
        ),
        (
            collection_with(
                3,
                feature(
                    json!({"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31], [30, 50]]]}),
                ),
            ),
            "feature 3: geometry.coordinates[0][2]: expected a position [longitude, latitude], found 1 number",
        ),
        (
            collection_with(
                2,
                feature(
                    json!({"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 91], [30, 50]]]}),
                ),
            ),
            "feature 2: geometry.coordinates[0][2]: latitude 91 is out of range [-90, 90]",
        ),
        (
            collection_with(
                1,
                feature(json!({"type": "MultiLineString", "coordinates": [[[30, 50], [31, "x"]]]})),
            ),
            "feature 1: geometry.coordinates[0][1][1]: expected a number, found the string \"x\"",
        ),
        (
            collection_with(
                0,
                feature(
                    json!({"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 51]]]}),
                ),
            ),
            "feature 0: geometry.coordinates[0]: expected a closed ring (the last position equal to the first), found a ring from [30, 50] to [30, 51]",
        ),
        (
            collection_with(
                0,
                feature(
                    json!({"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [30, 50]]]}),
                ),
            ),
            "feature 0: geometry.coordinates[0]: expected a closed ring of at least 4 positions, found 3 positions",
        ),
        (
            collection_with(
                0,
                feature(json!({"type": "Point", "coordinates": [30, 50, 120]})),
            ),
            "feature 0: geometry.coordinates: expected a position [longitude, latitude] without altitude \
          (ImportOptions::with_drop_altitude reads 3D files), found 3 numbers",
        ),
        (
            collection_with(
                0,
                feature(json!({"type": "GeometryCollection", "geometries": []})),
            ),
            "feature 0: geometry.type: expected Point, LineString, MultiLineString, Polygon or MultiPolygon, \
          found \"GeometryCollection\" (no strikemap model is drawn that way)",
        ),
        (
            collection_with(
                2,
                json!({"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[30, 50], [31, 51]]},
            "properties": {"kind": "city", "name": "Kyiv", "country": "UA"}}),
            ),
            "feature 2: geometry.type: expected Point (for kind \"city\"), found \"LineString\"",
        ),
        (
            collection_with(
                1,
                json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [30, 50]},
            "properties": {"kind": "strike", "target": "Kyiv", "date": "June 7", "weapon": "drone"}}),
            ),
            "feature 1: properties.date: expected an ISO 8601 date such as \"2025-06-02\", found the string \"June 7\"",
        ),
        (
            collection_with(
                1,
                json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [30, 50]},
            "properties": {"kind": "city", "name": "Kyiv", "country": "Ukraine"}}),
            ),
            "feature 1: properties.country: expected an ISO 3166-1 alpha-2 code such as \"UA\", found the string \"Ukraine\"",
        ),
        (
            collection_with(
                0,
                json!({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
            "properties": {"kind": "range_ring", "name": "r", "centre": [0, 0], "radius_m": 3e7}}),
            ),
            "feature 0: properties.radius_m: radius 30000000 is invalid: a distance in metres of at least 1 (a smaller ring \
          cannot be told from its centre) and below half the meridian (20,003,931.458 m): a larger ring covers the whole Earth",
        ),
    ];
    for (text, want) in &cases {
        let err = Imported::parse(text, &ImportOptions::default()).unwrap_err();
        assert_eq!(&err.report().to_string(), want);
        // The same through the streaming reader, when the document is a collection.
        if text.contains("\"features\": [{") || text.contains("\"features\":[") {
            let streamed =
                Imported::from_reader(text.as_bytes(), &ImportOptions::default()).unwrap_err();
            assert_eq!(&streamed.report().to_string(), want);
        }
    }
    // Errors are typed: the root is a Format or coordinate error.
    let err = Imported::parse(&cases[18].0, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.root(), &Error::LatitudeOutOfRange { value: 91.0 });
    let err = Imported::parse(&cases[17].0, &ImportOptions::default()).unwrap_err();
    assert!(
        err.is_format() && err.locations().last() == Some("geometry.coordinates[0][2]"),
        "{}",
        err.report()
    );
    // Altitudes are read when asked to drop them.
    let three_d = collection_with(
        0,
        json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [30, 50, 120]},
        "properties": {"name": "x", "country": "UA"}}),
    );
    assert!(Imported::parse(&three_d, &ImportOptions::default().with_drop_altitude(true)).is_ok());
}

#[test]
fn lenient_mode_skips_bad_features_and_reports_each() {
    let text = json!({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.52, 50.45]}, "properties": {"kind": "city", "name": "Kyiv", "country": "UA"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.52, 95]}, "properties": {}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.23, 49.99]}, "properties": {"kind": "city", "name": "Kharkiv", "country": "UA"}},
        "not a feature",
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1]]]}, "properties": {}}
    ]})
    .to_string();
    assert!(Imported::parse(&text, &ImportOptions::default()).is_err());
    let options = ImportOptions::default().with_lenient(true);
    for map in [
        Imported::parse(&text, &options).unwrap(),
        Imported::from_reader(text.as_bytes(), &options).unwrap(),
    ] {
        let names: Vec<String> = map.features.iter().map(|f| f.item.name()).collect();
        assert_eq!(names, ["Kyiv", "Kharkiv"]);
        let report: Vec<(usize, String)> = map
            .skipped
            .iter()
            .map(|s| (s.index, s.error.report().to_string()))
            .collect();
        assert_eq!(
            report,
            [
                (1, "feature 1: geometry.coordinates: latitude 95 is out of range [-90, 90]".to_string()),
                (3, "feature 3: feature: expected a GeoJSON Feature object, found the string \"not a feature\"".to_string()),
                (4, "feature 4: geometry.coordinates[0]: expected a closed ring of at least 4 positions, found 3 positions".to_string()),
            ]
        );
    }
}

#[test]
fn a_single_feature_document_is_read() {
    let text = r#"{"type": "Feature", "id": "x", "geometry": {"type": "Point", "coordinates": [30.52, 50.45]},
        "properties": {"kind": "air_base", "name": "Test", "country": "UA", "icao": "UKXX"}}"#;
    let map = Imported::parse(text, &ImportOptions::default()).unwrap();
    let MapItem::Place(Place::AirBase(b)) = &map.features[0].item else {
        panic!()
    };
    assert_eq!(b.icao.as_deref(), Some("UKXX"));
    let f: geojson::Feature = text.parse().unwrap();
    let same = MapFeature::from_feature(&f, 0, &ImportOptions::default()).unwrap();
    assert_eq!(same, map.features[0]);
}

/// Issue 17: a third-party `original:NAME` is never overwritten; the value
/// strikemap moves aside goes under the first free `original:NAME:N`.
#[test]
fn existing_original_properties_are_kept() {
    let text = json!({"type": "FeatureCollection", "features": [{
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [30.52, 50.45]},
        "properties": {"name": "Depot", "kind": "fuel depot", "original:kind": "from an older import",
            "country": "Ukraine", "original:country": "UKR", "original:country:2": "older still",
            "iso_a2": "UA"}
    }]})
    .to_string();
    let map = Imported::parse(&text, &ImportOptions::default()).unwrap();
    let props = &map.features[0].properties;
    assert_eq!(props["original:kind"], "from an older import");
    assert_eq!(props["original:kind:2"], "fuel depot");
    assert_eq!(props["original:country"], "UKR");
    assert_eq!(props["original:country:2"], "older still");
    assert_eq!(props["original:country:3"], "Ukraine");
    let out = serde_json::to_value(
        map.to_map_export(ExportOptions::default())
            .unwrap()
            .to_feature_collection(),
    )
    .unwrap();
    let written = &out["features"][0]["properties"];
    assert_eq!(written["kind"], "site");
    assert_eq!(written["original:kind"], "from an older import");
    assert_eq!(written["original:kind:2"], "fuel depot");
    assert_eq!(written["country"], "UA");
}

/// Exports `map`, reads it back and exports it again: the two files must
/// be the same JSON.
fn assert_round_trip(map: &strikemap::MapExport, options: &ExportOptions, what: &str) {
    let first = serde_json::to_value(map.to_feature_collection()).unwrap();
    let back = Imported::parse(&first.to_string(), &ImportOptions::default()).unwrap();
    let again = serde_json::to_value(
        back.to_map_export(options.clone())
            .unwrap()
            .to_feature_collection(),
    )
    .unwrap();
    if first != again {
        for (a, b) in first["features"]
            .as_array()
            .unwrap()
            .iter()
            .zip(again["features"].as_array().unwrap())
        {
            assert_eq!(a, b, "{what}: feature {}", a["id"]);
        }
    }
    assert_eq!(first, again, "{what}");
}

/// Issue 17: export → import → export is identical at every precision, for
/// long lines, arcs to a pole, near-antipodal arcs and awkward polygons.
#[test]
fn round_trips_are_idempotent_at_low_precision_poles_and_antipodes() {
    use strikemap::{
        Area, FrontLine, Line, Territory,
        model::{Endpoint, StrikeArc},
    };
    let date = strikemap::Date::constant(2025, 6, 2);
    let arcs = [
        ("to the North Pole", p(50.45, 30.52), p(90.0, 0.0)),
        ("to the South Pole", p(-33.9, 18.4), p(-90.0, 45.0)),
        ("from the North Pole", p(90.0, 10.0), p(60.0, -150.0)),
        ("near-antipodal", p(0.0, 0.0), p(0.5, 179.5)),
        ("near-antipodal 2", p(40.0, 30.0), p(-40.2, -150.3)),
        (
            "nearly antipodal on the equator",
            p(0.0, 10.0),
            p(0.0, -170.4),
        ),
    ];
    for precision in 0..=7 {
        let options = ExportOptions::default().with_precision(precision).unwrap();
        let mut map = strikemap::MapExport::new(options.clone());
        let line = Line::from_vertices(vec![p(47.0, 30.0), p(55.0, 38.0)]).unwrap();
        map.add(FrontLine::new("long line", date, line)).unwrap();
        let line =
            Line::from_vertices(vec![p(60.0, 170.0), p(62.0, -160.0), p(64.0, 175.0)]).unwrap();
        map.add(FrontLine::new("across the antimeridian", date, line))
            .unwrap();
        for (name, a, b) in arcs {
            map.add(StrikeArc::new(
                Endpoint::new(name, a),
                Endpoint::new("end", b),
            ))
            .unwrap();
        }
        if precision >= 2 {
            // A repeated vertex and a spike: drawn as given, and again.
            let square = Area::from_lon_lat(&[vec![vec![
                [30.0, 50.0],
                [31.0, 50.0],
                [31.0, 50.0],
                [31.0, 51.0],
                [30.5, 52.0],
                [30.5, 51.0],
                [30.0, 51.0],
                [30.0, 50.0],
            ]]])
            .unwrap();
            map.add(Territory::new("awkward", square)).unwrap();
        }
        assert_round_trip(&map, &options, &format!("precision {precision}"));
    }
}
