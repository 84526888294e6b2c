//! Streaming GeoJSON: FeatureCollections and RFC 8142 GeoJSON Text
//! Sequences written and read feature by feature; errors naming the
//! record or feature; the two readers of a FeatureCollection
//! (`FeatureCollectionReader`, `PointFeatures`) agreeing on member order,
//! error positions and byte order marks; a property test of export →
//! import → export.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use serde_json::{Value, json};
use strikemap::{
    City, CountryCode, Distance, FrontLine, LatLon, Line, MapExport, Site, Strike,
    io::geojson::{
        ExportOptions, FeatureCollectionReader, FeatureCollectionWriter, FeatureKind,
        ImportOptions, Imported, MapFeature, RECORD_SEPARATOR, SequenceReader, SequenceWriter,
        Style,
    },
    io::points::PointFeatures,
    io::target_spec::Composite,
    model::{Endpoint, RangeRing, StrikeArc, Weapon},
};

use crate::common::rich_map::{catalog, extra_features, rich_map};

fn p(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).unwrap()
}

fn code(c: &str) -> CountryCode {
    CountryCode::new(c).unwrap()
}

/// The i-th of many sites, spread over the globe.
fn site(i: usize) -> MapFeature {
    let lat = ((i * 37) % 17_000) as f64 / 100.0 - 85.0;
    let lon = ((i * 7_919) % 36_000) as f64 / 100.0 - 180.0;
    MapFeature::new(Site::new(format!("site {i}"), p(lat, lon), code("UA"))).with_property("n", i)
}

const N: usize = 10_000;

#[test]
fn ten_thousand_features_through_a_feature_collection() {
    let mut out = Vec::new();
    let mut w = FeatureCollectionWriter::new(&mut out, ExportOptions::default().with_bbox(true));
    for i in 0..N {
        w.write(site(i)).unwrap();
    }
    let summary = w.finish().unwrap();
    assert_eq!(
        (summary.features(), summary.geometry_types()),
        (N, vec!["Point"])
    );
    // The file is a valid FeatureCollection, the same as one built in memory
    // (apart from the collection's bbox, which a stream cannot know first).
    let v: Value = serde_json::from_slice(&out).unwrap();
    let mut map = MapExport::new(ExportOptions::default().with_bbox(true));
    map.extend((0..N).map(site)).unwrap();
    let mut expected = serde_json::to_value(map.to_feature_collection()).unwrap();
    expected.as_object_mut().unwrap().remove("bbox");
    assert_eq!(v, expected);
    // Read back feature by feature.
    let mut n = 0;
    for (i, f) in FeatureCollectionReader::new(&out[..], ImportOptions::default()).enumerate() {
        let f = f.unwrap();
        assert_eq!(f.item.name(), format!("site {i}"));
        assert_eq!(f.properties["n"], i);
        n += 1;
    }
    assert_eq!(n, N);
}

#[test]
fn ten_thousand_features_through_a_text_sequence() {
    let mut out = Vec::new();
    let mut w = SequenceWriter::new(&mut out, ExportOptions::default());
    for i in 0..N {
        w.write(site(i)).unwrap();
    }
    assert_eq!(w.finish().unwrap().features(), N);
    let records: Vec<&[u8]> = out.split(|b| *b == RECORD_SEPARATOR).skip(1).collect();
    assert_eq!(records.len(), N);
    assert_eq!(out[0], RECORD_SEPARATOR);
    for r in &records {
        assert_eq!(r.last(), Some(&b'\n'));
        let v: Value = serde_json::from_slice(r).unwrap();
        assert_eq!(v["type"], "Feature");
    }
    let back: Vec<MapFeature> = SequenceReader::new(&out[..], ImportOptions::default())
        .map(Result::unwrap)
        .collect();
    assert_eq!(back.len(), N);
    assert_eq!(back[N - 1].item.name(), format!("site {}", N - 1));
    // The same features as in memory, ids included.
    let mut map = MapExport::new(ExportOptions::default());
    map.extend(back).unwrap();
    let first: Value = serde_json::from_slice(records[0]).unwrap();
    assert_eq!(serde_json::to_value(&map.features()[0]).unwrap(), first);
}

/// Features whose later property layers override earlier ones: extras over
/// strikemap's own properties and over the styles, the feature's style over
/// the kind's and over `title`.
fn overriding_features() -> Vec<MapFeature> {
    let depot = Site::new("Depot 2", p(49.0, 36.0), code("UA")).with_category("fuel");
    let strike = Strike::new(
        strikemap::Date::constant(2025, 6, 2),
        Endpoint::new("Kharkiv", p(49.9935, 36.2304)),
        Weapon::BallisticMissile,
    )
    .with_launch(Endpoint::new("Belgorod", p(50.5997, 36.5983)));
    vec![
        MapFeature::new(depot)
            .with_property("name", "shown name")
            .with_property("category", json!({"nested": [1, 2]}))
            .with_property("marker-color", "#123456")
            .with_style(
                Style::new()
                    .with_marker_color("#abcdef")
                    .unwrap()
                    .with_title("styled title"),
            ),
        MapFeature::new(strike)
            .with_property("distance_km", "about 80")
            .with_property("timestamp", json!(null))
            .with_style(Style::new().with_marker_symbol("rocket")),
    ]
}

/// Default options, a bbox per feature at 4 decimals, and kind styles that
/// set `title` and override the default styles.
fn option_sets() -> Vec<ExportOptions> {
    vec![
        ExportOptions::default(),
        ExportOptions::default()
            .with_bbox(true)
            .with_precision(4)
            .unwrap(),
        ExportOptions::default()
            .with_style(FeatureKind::Site, Style::new().with_title("a site"))
            .with_style(
                FeatureKind::Strike,
                Style::new().with_marker_color("#000000").unwrap(),
            )
            .with_strike_arcs(false),
    ]
}

/// The stream writers serialize straight from the models, without building
/// the `geojson::Feature` that `MapExport` holds: both must write the same
/// features, for every kind, property layer and option.
#[test]
fn stream_writers_write_what_map_export_builds() {
    for options in option_sets() {
        let features = || extra_features().into_iter().chain(overriding_features());
        let mut map = rich_map(&options);
        map.extend(overriding_features()).unwrap();
        let mut expected = serde_json::to_value(map.to_feature_collection()).unwrap();
        let members = expected.as_object_mut().unwrap();
        members.remove("bbox");
        members.remove("name");
        let expected_features = expected["features"].as_array().unwrap().clone();
        assert!(expected_features.len() >= 18, "{}", expected_features.len());

        let mut out = Vec::new();
        let mut w = FeatureCollectionWriter::new(&mut out, options.clone());
        w.write_catalog(&catalog()).unwrap();
        for f in features() {
            w.write(f).unwrap();
        }
        assert_eq!(&w.finish().unwrap(), map.summary());
        crate::common::assert_unique_keys(&out);
        let got: Value = serde_json::from_slice(&out).unwrap();
        for (g, e) in got["features"]
            .as_array()
            .unwrap()
            .iter()
            .zip(&expected_features)
        {
            assert_eq!(g, e, "feature {}", e["id"]);
        }
        assert_eq!(got, expected);

        let mut out = Vec::new();
        let mut w = SequenceWriter::new(&mut out, options.clone());
        w.write_catalog(&catalog()).unwrap();
        for f in features() {
            w.write(f).unwrap();
        }
        assert_eq!(&w.finish().unwrap(), map.summary());
        let records: Vec<Value> = out
            .split(|b| *b == RECORD_SEPARATOR)
            .skip(1)
            .map(|r| {
                crate::common::assert_unique_keys(r);
                serde_json::from_slice(r).unwrap()
            })
            .collect();
        assert_eq!(records, expected_features);
    }
    // The layers did override.
    let map = {
        let mut m = MapExport::new(ExportOptions::default());
        m.extend(overriding_features()).unwrap();
        m
    };
    let props = |i: usize| map.features()[i].properties.clone().unwrap();
    assert_eq!(
        (
            &props(0)["name"],
            &props(0)["title"],
            &props(0)["marker-color"]
        ),
        (
            &json!("shown name"),
            &json!("styled title"),
            &json!("#123456")
        )
    );
    assert_eq!(
        (&props(1)["distance_km"], &props(1)["marker-symbol"]),
        (&json!("about 80"), &json!("rocket"))
    );
}

#[test]
fn a_collection_is_compact_json_and_closed_even_if_not_finished() {
    let mut out = Vec::new();
    {
        let mut w = FeatureCollectionWriter::new(&mut out, ExportOptions::default());
        w.write(site(0)).unwrap();
        w.write(site(1)).unwrap();
        // dropped without finish()
    }
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with(r#"{"type":"FeatureCollection","features":[{"type":"Feature","#),
        "{text}"
    );
    assert!(text.ends_with("}]}"), "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["features"].as_array().map(Vec::len), Some(2));
    // An empty collection, dropped or finished, is still a collection.
    for finish in [false, true] {
        let mut out = Vec::new();
        let w = FeatureCollectionWriter::new(&mut out, ExportOptions::default());
        if finish {
            w.finish().unwrap();
        } else {
            drop(w);
        }
        assert_eq!(
            serde_json::from_slice::<Value>(&out).unwrap(),
            json!({"type": "FeatureCollection", "features": []})
        );
    }
}

/// A writer that fails after `room` bytes.
struct Full {
    room: usize,
}

impl std::io::Write for Full {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.room < buf.len() {
            return Err(std::io::Error::other("disk full"));
        }
        self.room -= buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Each feature is written when `write` is called: the first that does
/// not fit is the one that fails, with a typed error naming the output.
#[test]
fn a_failing_output_is_a_typed_error() {
    let mut w = FeatureCollectionWriter::new(Full { room: 100 }, ExportOptions::default());
    let (at, err) = (0..10)
        .find_map(|i| w.write(site(i)).err().map(|e| (i, e)))
        .unwrap();
    assert_eq!(
        (at, err.report().to_string()),
        (0, "<output>: disk full".to_string())
    );
    let mut w = SequenceWriter::new(Full { room: 1_000 }, ExportOptions::default());
    let (at, err) = (0..10)
        .find_map(|i| w.write(site(i)).err().map(|e| (i, e)))
        .unwrap();
    assert!(at > 0 && at < 10, "{at}");
    assert!(matches!(err, strikemap::Error::Io { .. }), "{err:?}");
}

/// A bad feature is refused when it is written, and nothing of it reaches
/// the file; the features around it do.
#[test]
fn a_bad_feature_is_refused_at_once_and_writing_goes_on() {
    let mut bad = site(1);
    bad.foreign_members.insert("geometry".into(), json!(null));
    let mut out = Vec::new();
    let mut w = SequenceWriter::new(&mut out, ExportOptions::default());
    w.write(site(0)).unwrap();
    let err = w.write(bad).unwrap_err();
    assert!(
        err.report()
            .to_string()
            .contains("foreign member \"geometry\""),
        "{}",
        err.report()
    );
    w.write(site(2)).unwrap();
    // The refused feature did not take its id: the next "site 1" gets it.
    w.write(site(1)).unwrap();
    assert_eq!(w.finish().unwrap().features(), 3);
    let back: Vec<MapFeature> = SequenceReader::new(&out[..], ImportOptions::default())
        .map(Result::unwrap)
        .collect();
    let names: Vec<String> = back.iter().map(|f| f.item.name()).collect();
    assert_eq!(names, ["site 0", "site 2", "site 1"]);
    assert_eq!(
        back[2].id,
        Some(geojson::feature::Id::String("site/site-1".into()))
    );
    // The same in memory.
    let mut bad = site(1);
    bad.foreign_members.insert("bbox".into(), json!([]));
    let mut map = MapExport::new(ExportOptions::default());
    assert!(map.add(bad).is_err());
    let added = map.add(site(1)).unwrap();
    assert_eq!(
        added.id,
        Some(geojson::feature::Id::String("site/site-1".into()))
    );
}

#[test]
fn members_may_come_in_any_order() {
    let feature = json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.52, 50.45]},
        "properties": {"kind": "city", "name": "Kyiv", "country": "UA"}});
    let text = format!(
        r#"{{ "name": "a [tricky] name", "bbox": [30, 50, 31, 51], "features": [ {feature} , {feature} ], "count": 2, "type": "FeatureCollection", "done": true }}"#
    );
    let mut r = FeatureCollectionReader::new(text.as_bytes(), ImportOptions::default());
    assert_eq!(r.by_ref().map(Result::unwrap).count(), 2);
    assert_eq!(r.members()["name"], "a [tricky] name");
    assert_eq!(r.members()["count"], 2);
    assert_eq!(r.members()["done"], true);
    assert!(!r.members().contains_key("bbox"));
    let empty = br#"{"features": [], "type": "FeatureCollection"}"#;
    assert_eq!(
        FeatureCollectionReader::new(&empty[..], ImportOptions::default()).count(),
        0
    );
}

#[test]
fn stream_errors_name_the_record_or_feature() {
    let good = r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[30.52,50.45]},"properties":{"kind":"city","name":"Kyiv","country":"UA"}}"#;
    let bad_lat = r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[30.52,91]},"properties":{}}"#;
    // A sequence: a bad record, then broken JSON; reading goes on after both.
    let seq =
        format!("\x1e{good}\n\x1e{good}\n\x1e{good}\n\x1e{bad_lat}\n\x1e{{\"type\":\n\x1e{good}\n");
    let results: Vec<Result<MapFeature, strikemap::Error>> =
        SequenceReader::new(seq.as_bytes(), ImportOptions::default()).collect();
    assert_eq!(results.len(), 6);
    assert_eq!(
        results[3].as_ref().unwrap_err().report().to_string(),
        "record 3: geometry.coordinates: latitude 91 is out of range [-90, 90]"
    );
    assert!(
        results[4]
            .as_ref()
            .unwrap_err()
            .report()
            .to_string()
            .starts_with("record 4: GeoJSON text: expected valid JSON, found EOF")
    );
    assert!(results[5].is_ok());
    let mut lenient =
        SequenceReader::new(seq.as_bytes(), ImportOptions::default().with_lenient(true));
    assert_eq!(lenient.by_ref().filter(Result::is_ok).count(), 4);
    assert_eq!(
        lenient
            .skipped()
            .iter()
            .map(|s| s.index)
            .collect::<Vec<_>>(),
        [3, 4]
    );
    let no_rs = format!("{good}\n");
    let err = SequenceReader::new(no_rs.as_bytes(), ImportOptions::default())
        .next()
        .unwrap()
        .unwrap_err();
    assert!(
        err.report().to_string().contains("record separator 0x1E"),
        "{}",
        err.report()
    );
    // A collection: a bad feature is named and reading goes on; broken JSON ends it.
    let fc = format!(
        r#"{{"type":"FeatureCollection","features":[{good},{bad_lat},{good},{{"type": ]}}"#
    );
    let results: Vec<Result<MapFeature, strikemap::Error>> =
        FeatureCollectionReader::new(fc.as_bytes(), ImportOptions::default()).collect();
    assert_eq!(results.len(), 4);
    assert_eq!(
        results[1].as_ref().unwrap_err().report().to_string(),
        "feature 1: geometry.coordinates: latitude 91 is out of range [-90, 90]"
    );
    assert!(results[2].is_ok());
    assert!(
        results[3]
            .as_ref()
            .unwrap_err()
            .report()
            .to_string()
            .starts_with("feature 3: line 1, column "),
        "{:?}",
        results[3]
    );
    for (text, want) in [
        (
            r#"{"type":"FeatureCollection"}"#,
            "features: expected an array of features, found nothing",
        ),
        (
            r#"{"type":"FeatureCollection","features":{}}"#,
            "features: expected an array of features, found an object",
        ),
        (
            r#"{"type":"Feature","features":[]}"#,
            "type: expected \"FeatureCollection\", found the string \"Feature\"",
        ),
        (
            r#"{"type":"FeatureCollection","features":[]} x"#,
            "line 1, column 44: expected nothing after the FeatureCollection, found 'x'",
        ),
        (
            r#"[]"#,
            "line 1, column 1: expected a JSON object (a FeatureCollection), found '['",
        ),
        (
            "",
            "line 1, column 0: expected a JSON object (a FeatureCollection), found the end of the input",
        ),
        (
            r#"{"type":"FeatureCollection","features":[1 2]}"#,
            "feature 1: line 1, column 43: expected ',' or ']' between features, found '2'",
        ),
    ] {
        let mut r = FeatureCollectionReader::new(text.as_bytes(), ImportOptions::default());
        let err = r
            .by_ref()
            .filter_map(Result::err)
            .last()
            .unwrap_or_else(|| panic!("no error for {text}"));
        assert_eq!(err.report().to_string(), want, "{text}");
        assert!(r.next().is_none());
    }
}

fn strategy_position() -> impl Strategy<Value = LatLon> {
    // Coordinates near the antimeridian and the poles come up often.
    let lat = prop_oneof![-89.9..89.9f64, 80.0..89.99f64, -89.99..-80.0f64];
    let lon = prop_oneof![-180.0..=180.0f64, 175.0..=180.0f64, -180.0..-175.0f64];
    (lat, lon).prop_map(|(lat, lon)| LatLon::new(lat, lon).unwrap())
}

fn strategy_feature() -> impl Strategy<Value = MapFeature> {
    let city = (strategy_position(), "[A-Za-zÀ-ÿ ]{1,12}")
        .prop_map(|(pos, name)| MapFeature::new(City::new(name, pos, code("UA"))));
    let front =
        (prop::collection::vec(strategy_position(), 2..5), 0u32..3).prop_map(|(pts, extra)| {
            let line = Line::from_vertices(pts).unwrap();
            MapFeature::new(FrontLine::new(
                "front",
                strikemap::Date::constant(2025, 6, 2),
                line,
            ))
            .with_property("extra", extra)
        });
    let ring = (strategy_position(), 10.0..3_000.0f64).prop_map(|(c, km)| {
        MapFeature::new(RangeRing::new("ring", c, Distance::from_km(km)).unwrap())
    });
    let arc = (strategy_position(), strategy_position()).prop_map(|(a, b)| {
        MapFeature::new(StrikeArc::new(Endpoint::new("a", a), Endpoint::new("b", b)))
    });
    let strike = (strategy_position(), strategy_position(), 0u32..500).prop_map(|(t, l, n)| {
        MapFeature::new(
            Strike::new(
                strikemap::Date::constant(2025, 6, 1),
                Endpoint::new("t", t),
                Weapon::BallisticMissile,
            )
            .with_launch(Endpoint::new("l", l))
            .with_count(strikemap::model::ClaimedCount::new(
                strikemap::model::CountKind::Launched,
                n,
                "someone",
            )),
        )
    });
    prop_oneof![city, front, ring, arc, strike]
}

proptest! {
    // 48 cases by default; PROPTEST_CASES=5000 for a longer search.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48),
        .. ProptestConfig::default()
    })]

    #[test]
    fn export_import_export_round_trips(features in prop::collection::vec(strategy_feature(), 1..4), bbox: bool) {
        let options = ExportOptions::default().with_bbox(bbox).with_spacing(Distance::from_km(500.0)).unwrap();
        let mut map = MapExport::new(options.clone());
        map.extend(features).unwrap();
        let first = map.to_feature_collection();
        let text = serde_json::to_string(&first).unwrap();
        let back = Imported::parse(&text, &ImportOptions::default()).unwrap();
        let again = back.to_map_export(options).unwrap().to_feature_collection();
        prop_assert_eq!(serde_json::to_value(&first).unwrap(), serde_json::to_value(&again).unwrap());
        for f in &first.features {
            strikemap::io::geojson::check_winding(f.geometry.as_ref().unwrap()).unwrap();
        }
    }
}

/// Every property the export writes for a kind is in that kind's schema
/// (the one list the import reads), and every name in a schema is written
/// for some feature of the rich map: the two sides cannot drift.
#[test]
fn export_writes_exactly_each_kinds_schema() {
    use std::collections::{BTreeMap, BTreeSet};
    use strikemap::io::geojson::{ExportOptions, FeatureKind};
    let fc = crate::common::rich_map::rich_map(&ExportOptions::default()).to_feature_collection();
    let extra: BTreeSet<String> = crate::common::rich_map::extra_features()
        .iter()
        .flat_map(|f| f.properties.keys().cloned())
        .collect();
    let style = [
        "marker-color",
        "marker-size",
        "marker-symbol",
        "stroke",
        "stroke-width",
        "stroke-opacity",
        "fill",
        "fill-opacity",
        "title",
        "description",
    ];
    let mut seen: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for f in &fc.features {
        let props = f.properties.as_ref().unwrap();
        let kind = props["kind"].as_str().unwrap();
        let schema = FeatureKind::ALL
            .into_iter()
            .find(|k| k.name() == kind)
            .unwrap()
            .properties();
        for key in props.keys() {
            let ours = schema.contains(&key.as_str());
            let theirs = style.contains(&key.as_str())
                || extra.contains(key)
                || key.starts_with("original:");
            assert!(
                ours || theirs,
                "{kind}: property {key:?} is not in its schema"
            );
            if ours {
                seen.entry(
                    FeatureKind::ALL
                        .into_iter()
                        .find(|k| k.name() == kind)
                        .unwrap()
                        .name(),
                )
                .or_default()
                .insert(key.clone());
            }
        }
    }
    // Every name a schema lists is written by some feature of the rich map
    // (the rich map's air bases have no aliases, its sites do).
    let written: BTreeSet<&String> = seen.values().flatten().collect();
    for kind in FeatureKind::ALL {
        let missing: Vec<_> = kind
            .properties()
            .into_iter()
            .filter(|k| !written.iter().any(|w| w.as_str() == *k))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: schema names {missing:?} that no feature of the rich map writes",
            kind.name()
        );
    }
}

/// What both readers of a FeatureCollection make of `text`: the names read
/// (or the errors of single features, as text), then the error that ended
/// the reading, if any.
fn both_readers(text: &str) -> [(Vec<String>, Option<String>); 2] {
    let mut read = Vec::new();
    let mut end = None;
    for f in FeatureCollectionReader::new(text.as_bytes(), ImportOptions::default()) {
        match f {
            Ok(f) => read.push(f.item.name().to_string()),
            Err(e) => {
                let e = e.report().to_string();
                // Broken JSON and a document that is not a collection end
                // the reading; a feature that is not a map feature does not.
                if e.contains(": line ") || !e.starts_with("feature ") {
                    end = Some(e);
                } else {
                    read.push(e);
                }
            }
        }
    }
    let collection = (read, end);
    let mut read = Vec::new();
    let end = PointFeatures::from_reader(text.as_bytes(), "f.geojson")
        .for_each(|f| {
            read.push(match f {
                Ok(f) => f
                    .feature
                    .property("name")
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string(),
                Err(e) => e.report().to_string(),
            });
            Ok(())
        })
        .err()
        .map(|e| e.report().to_string());
    [collection, (read, end)]
}

const KYIV: &str = r#"{"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.52, 50.45]}, "properties": {"kind": "city", "name": "Kyiv", "country": "UA"}}"#;

#[test]
fn both_readers_place_a_syntax_error_in_the_whole_file() {
    // Line 3, inside the second feature: a comma missing after "Lviv".
    let text = format!(
        "{{\"type\": \"FeatureCollection\", \"features\": [\n  {KYIV},\n  {}\n]}}\n",
        r#"{"type": "Feature", "properties": {"kind": "city", "name": "Lviv" "country": "UA"}, "geometry": null}"#
    );
    let [collection, points] = both_readers(&text);
    assert_eq!(collection.0, ["Kyiv"]);
    assert_eq!(
        collection.1.as_deref(),
        Some("feature 1: line 3, column 69: expected valid JSON, found expected `,` or `}`")
    );
    assert_eq!(points.0, ["Kyiv"]);
    assert_eq!(
        points.1.as_deref(),
        Some(
            "f.geojson: feature 1: line 3, column 69: expected valid JSON, found expected `,` or `}`"
        )
    );
    // Between members, after the features.
    let text = format!(
        "{{\"type\": \"FeatureCollection\",\n\"features\": [{KYIV}],\n\n  \"name\" \"x\"}}"
    );
    let [collection, points] = both_readers(&text);
    assert_eq!(
        collection.1.as_deref(),
        Some("name: line 4, column 10: expected ':' after the member name, found '\"'")
    );
    assert_eq!(
        points.1.as_deref(),
        Some("f.geojson: name: line 4, column 10: expected ':' after the member name, found '\"'")
    );
}

#[test]
fn both_readers_take_members_in_any_order() {
    let text = format!(
        r#"{{"bbox": [30, 50, 31, 51], "name": "a [tricky] {{name}}", "features": [{KYIV}, {KYIV}], "count": 2, "type": "FeatureCollection"}}"#
    );
    for (read, end) in both_readers(&text) {
        assert_eq!(read, ["Kyiv", "Kyiv"]);
        assert_eq!(end, None);
    }
    let mut r = FeatureCollectionReader::new(text.as_bytes(), ImportOptions::default());
    assert_eq!(r.by_ref().count(), 2);
    assert_eq!(r.members()["name"], "a [tricky] {name}");
    assert_eq!(r.members()["count"], 2);
    // `type` last and wrong: the features were read, then the error.
    let text = format!(r#"{{"features": [{KYIV}], "type": "Topology"}}"#);
    let [collection, points] = both_readers(&text);
    assert_eq!(collection.0, ["Kyiv"]);
    assert_eq!(
        collection.1.as_deref(),
        Some("type: expected \"FeatureCollection\", found the string \"Topology\"")
    );
    assert_eq!(points.0, ["Kyiv"]);
    assert_eq!(
        points.1.as_deref(),
        Some("f.geojson: type: expected \"FeatureCollection\", found the string \"Topology\"")
    );
}

#[test]
fn a_byte_order_mark_is_skipped_by_every_reader() {
    let text = format!("\u{feff}{{\"type\": \"FeatureCollection\", \"features\": [{KYIV}]}}");
    for (read, end) in both_readers(&text) {
        assert_eq!(read, ["Kyiv"]);
        assert_eq!(end, None);
    }
    let options = ImportOptions::default();
    assert_eq!(Imported::parse(&text, &options).unwrap().features.len(), 1);
    assert_eq!(
        Imported::from_reader(text.as_bytes(), &options)
            .unwrap()
            .features
            .len(),
        1
    );
    let composite = Composite::parse(&text).unwrap();
    assert_eq!(
        format!("{composite:?}"),
        format!("{:?}", Composite::parse(&text[3..]).unwrap())
    );
    let sequence = format!("\u{feff}\x1e{KYIV}\n");
    let read: Vec<MapFeature> = SequenceReader::new(sequence.as_bytes(), options)
        .map(Result::unwrap)
        .collect();
    assert_eq!(read.len(), 1);
    // Positions count from after the mark, as editors show them.
    let broken = "\u{feff}{\"type\": \"FeatureCollection\", \"features\": [}";
    for (_, end) in both_readers(broken) {
        assert!(end.unwrap().contains("line 1, column 44: "));
    }
}

#[test]
fn lenient_reading_skips_bad_features_and_goes_on() {
    let bad = r#"{"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.52, 95]}, "properties": {}}"#;
    let text =
        format!(r#"{{"features": [{KYIV}, {bad}, 7, {KYIV}], "type": "FeatureCollection"}}"#);
    let mut r =
        FeatureCollectionReader::new(text.as_bytes(), ImportOptions::default().with_lenient(true));
    assert_eq!(r.by_ref().map(Result::unwrap).count(), 2);
    let skipped: Vec<(usize, String)> = r
        .skipped()
        .iter()
        .map(|s| (s.index, s.error.report().to_string()))
        .collect();
    assert_eq!(
        skipped,
        [
            (
                1,
                "feature 1: geometry.coordinates: latitude 95 is out of range [-90, 90]"
                    .to_string()
            ),
            (
                2,
                "feature 2: feature: expected a GeoJSON Feature object, found the number 7"
                    .to_string()
            ),
        ]
    );
    // Not lenient: each bad feature is an error, and reading goes on.
    let [collection, points] = both_readers(&text);
    assert_eq!(collection.0.len(), 4);
    assert_eq!(
        (collection.0[0].as_str(), collection.0[3].as_str()),
        ("Kyiv", "Kyiv")
    );
    assert_eq!(collection.1, None);
    assert_eq!(points.0.len(), 4);
    assert_eq!(
        points.0[2],
        "f.geojson: feature 2: feature: expected a Feature object, found a number"
    );
}
