//! Fuzz target `geojson_import`: GeoJSON text read strictly and leniently
//! (`io::geojson::Imported::parse`), streamed (`FeatureCollectionReader`,
//! `SequenceReader`), as points (`io::points::PointFeatures`) and as a
//! target (`io::target_spec::Composite::parse`).
//!
//! Invariants: nothing panics; a reader yields at most one item per input
//! byte and then ends; every feature read exports again (`MapExport`), that
//! export imports again, strictly, with as many features, and exporting
//! those gives the same GeoJSON (compared as JSON values), as
//! `Imported`'s documentation promises for files strikemap wrote. Every check
//! is made for every input.
#![allow(
    clippy::panic,
    reason = "a fuzz target reports a broken invariant by panicking"
)]

use strikemap::io::geojson::{
    ExportOptions, FeatureCollectionReader, ImportOptions, Imported, MapFeature, SequenceReader,
};
use strikemap::io::points::PointFeatures;
use strikemap::io::target_spec::Composite;
use strikemap::{Date, MapExport};

/// The longest input looked at, in bytes.
const MAX_LEN: usize = 64 * 1024;

/// The options of every import: an `as_of` date, so that undated lines read.
fn options(lenient: bool) -> ImportOptions {
    ImportOptions::default()
        .with_as_of(Date::constant(2025, 6, 2))
        .with_lenient(lenient)
        .with_drop_altitude(lenient)
}

/// Exports features (and top-level members), imports the export, and
/// exports that again: the two exports must be equal.
fn round_trip(what: &str, imported: &Imported) {
    let first = export(what, imported);
    let text = serde_json::to_string(&first)
        .unwrap_or_else(|e| panic!("{what}: the export does not serialize: {e}"));
    let again = Imported::parse(&text, &options(false))
        .unwrap_or_else(|e| panic!("{what}: the export does not import: {}: {text}", e.report()));
    assert_eq!(
        again.features.len(),
        imported.features.len(),
        "{what}: the export imports with another number of features: {text}"
    );
    let second = export(what, &again);
    assert!(
        second == first,
        "{what}: exporting the export's import changes it:\n{text}\n{}",
        second
    );
}

/// The features (each must export) and the top-level members (those
/// GeoJSON does not reserve) as a FeatureCollection.
fn export(what: &str, imported: &Imported) -> serde_json::Value {
    let mut map = MapExport::new(ExportOptions::default());
    for (key, value) in &imported.members {
        let _ = map.set_member(key, value.clone());
    }
    for (i, feature) in imported.features.iter().enumerate() {
        if let Err(e) = map.add(feature.clone()) {
            panic!("{what}: feature {i} read does not export: {}", e.report());
        }
    }
    serde_json::to_value(map.to_feature_collection())
        .unwrap_or_else(|e| panic!("{what}: the export does not serialize: {e}"))
}

/// Every feature of a stream as one `Imported`, checking the stream ends.
fn streamed(
    what: &str,
    limit: usize,
    items: impl Iterator<Item = strikemap::Result<MapFeature>>,
) -> Imported {
    let mut imported = Imported::default();
    let mut count = 0;
    for item in items {
        count += 1;
        assert!(count <= limit, "{what}: more than {limit} items");
        match item {
            Ok(feature) => imported.features.push(feature),
            Err(e) => {
                let _ = e.report().to_string();
            }
        }
    }
    imported
}

/// Builds what the first import would build: the index of every bundled
/// country, which a point without a `country` property is looked up in
/// (over a second under ASan, more than libFuzzer's `-timeout=1` allows
/// the first input).
pub fn init() {
    if let Ok(p) = strikemap::LatLon::new(0.0, -30.0) {
        let _ = strikemap::countries::containing(p);
    }
}

/// Runs one input with every check (the `features`-member finding is fixed:
/// such a Feature is refused on import).
pub fn run(data: &[u8]) {
    if data.len() > MAX_LEN {
        return;
    }
    run_with(data);
}

/// The same as [`run`] (kept for the regression replays, which name it).
#[allow(dead_code, reason = "used by the corpus replay, not the fuzz binary")]
pub fn run_strict(data: &[u8]) {
    run(data);
}

fn run_with(data: &[u8]) {
    let limit = data.len() + 1;

    for lenient in [false, true] {
        let options = options(lenient);
        if let Ok(text) = std::str::from_utf8(data) {
            match Imported::parse(text, &options) {
                Ok(imported) => {
                    let _ = imported.to_catalog().map_err(|e| e.report().to_string());
                    round_trip("Imported::parse", &imported);
                }
                Err(e) => {
                    let _ = e.report().to_string();
                }
            }
        }

        let mut reader = FeatureCollectionReader::new(data, options.clone());
        let mut imported = streamed("FeatureCollectionReader", limit, reader.by_ref());
        let _ = reader.skipped().len();
        imported.members = reader.members().clone();
        round_trip("FeatureCollectionReader", &imported);

        let mut reader = SequenceReader::new(data, options);
        let imported = streamed("SequenceReader", limit, reader.by_ref());
        let _ = reader.skipped().len();
        round_trip("SequenceReader", &imported);
    }

    let mut count = 0;
    let read = PointFeatures::from_reader(data, "fuzz").for_each(|feature| {
        count += 1;
        if let Ok(f) = feature {
            let (lat, lon) = (f.position.lat(), f.position.lon());
            assert!(
                (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon),
                "PointFeatures: position ({lat}, {lon})"
            );
        }
        Ok(())
    });
    assert!(count <= limit, "PointFeatures: {count} items");
    let _ = read.map_err(|e| e.report().to_string());

    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Composite::parse(text).map_err(|e| e.report().to_string());
    }
}
