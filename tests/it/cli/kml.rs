//! KML, KMZ and GeoParquet on the command line: `export -o map.kml|kmz`,
//! `distances --to events.kml`, `distances --kml`, `--parquet`, and
//! `--skip-bad` over bad Placemarks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

fn strikemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strikemap"))
}

fn data(name: &str) -> String {
    format!("{}/examples/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (String, String) {
    let out = strikemap().args(args).assert().success();
    let o = out.get_output();
    (
        String::from_utf8(o.stdout.clone()).unwrap(),
        String::from_utf8(o.stderr.clone()).unwrap(),
    )
}

/// The features of a FeatureCollection, by id.
fn features(text: &str) -> Vec<(String, Value)> {
    let v: Value = serde_json::from_str(text).unwrap();
    let mut out: Vec<(String, Value)> = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["id"].to_string(), f.clone()))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn export_to_kml_and_kmz_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = data("scenario.geojson");
    let (geojson, _) = run(&["export", &scenario]);
    for name in ["map.kml", "map.kmz"] {
        let path = dir.path().join(name).display().to_string();
        run(&["export", &scenario, "-o", &path]);
        let bytes = std::fs::read(&path).unwrap();
        let kind = strikemap::io::points::FileKind::sniff(&bytes);
        assert!(kind.name().starts_with("KM"), "{name}: {kind:?}");
        // Read back by content, through the same command.
        let (again, _) = run(&["export", &path]);
        assert_eq!(features(&again), features(&geojson), "{name}");
    }
}

#[test]
fn distances_reads_kml_points_and_writes_kml() {
    let dir = tempfile::tempdir().unwrap();
    let kml = dir.path().join("events.kml").display().to_string();
    run(&[
        "distances",
        "--from",
        "country:UA",
        "--to",
        &data("acled_ukraine.csv"),
        "--kml",
        "-o",
        &kml,
    ]);
    let text = std::fs::read_to_string(&kml).unwrap();
    assert!(text.contains("<Folder id=\"strikemap-events\"><name>Events</name>"));
    assert!(text.contains("<Data name=\"distance_km\"><value>"));
    // The KML measured again (named .kml, told by content), as JSON.
    let (json, _) = run(&[
        "distances",
        "--from",
        "country:RU",
        "--to",
        &kml,
        "--json",
        "--prefix",
        "ru_",
    ]);
    let rows: Value = serde_json::from_str(&json).unwrap();
    let csv_rows = std::fs::read_to_string(data("acled_ukraine.csv"))
        .unwrap()
        .lines()
        .count()
        - 1;
    assert_eq!(rows.as_array().unwrap().len(), csv_rows);
    let first = &rows[0];
    assert!(first["ru_distance_km"].as_f64().unwrap() > 0.0);
    assert_eq!(first["distance_km"], 0.0);
    assert_eq!(first["inside"], true);
}

#[test]
fn skip_bad_reports_bad_placemarks_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.kml");
    std::fs::write(
        &path,
        "<kml><Document>\n\
         <Placemark><name>Kyiv</name><Point><coordinates>30.5234,50.4501</coordinates></Point></Placemark>\n\
         <Placemark><name>Typo</name><Point><coordinates>30.5,fifty</coordinates></Point></Placemark>\n\
         <Placemark><name>Front</name><LineString><coordinates>35,47 36,48</coordinates></LineString></Placemark>\n\
         <Placemark><name>Kharkiv</name><Point><coordinates>36.2304,49.9935</coordinates></Point></Placemark>\n\
         </Document></kml>",
    )
    .unwrap();
    let path = path.display().to_string();
    let out = strikemap()
        .args(["distances", "--from", "country:RU", "--to", &path])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("mixed.kml: Placemark 1 \"Typo\" (line 3): coordinates[0]"),
        "{stderr}"
    );
    let (csv, stderr) = run(&[
        "distances",
        "--from",
        "country:RU",
        "--to",
        &path,
        "--skip-bad",
    ]);
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(
        stderr.contains("skipped")
            && stderr.contains(
                "Placemark 2 \"Front\" (line 4): geometry.type: expected Point, found LineString"
            ),
        "{stderr}"
    );
    assert!(stderr.contains("skipped 2 bad row(s)"), "{stderr}");
    // export: stops at the bad Placemark, or lists it and writes the rest.
    let out = strikemap().args(["export", &path]).assert().code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("Placemark 1 \"Typo\" (line 3)"), "{stderr}");
    let (geojson, stderr) = run(&["export", &path, "--skip-bad", "--as-of", "2025-06-01"]);
    assert!(
        stderr.contains("warning") && stderr.contains("skipped Placemark 1 \"Typo\""),
        "{stderr}"
    );
    assert_eq!(features(&geojson).len(), 3);
}

#[test]
fn a_kml_file_is_a_target() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("front.kml");
    std::fs::write(
        &path,
        "<kml><Placemark><name>Front</name><TimeStamp><when>2025-06-01</when></TimeStamp>\
         <LineString><coordinates>35,47 37,48</coordinates></LineString></Placemark></kml>",
    )
    .unwrap();
    let path = path.display().to_string();
    let (text, _) = run(&["distance", &path, "47.5,36.0", "--json"]);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(v["km"].as_f64().unwrap() < 30.0, "{text}");
    assert_eq!(v["from"], "1 feature of front.kml (1 front line)");
}

#[cfg(feature = "parquet")]
#[test]
fn distances_writes_geoparquet_and_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let parquet = dir.path().join("events.parquet").display().to_string();
    let (out, _) = run(&[
        "distances",
        "--from",
        "country:UA",
        "--to",
        &data("events.geojson"),
        "--parquet",
        &parquet,
    ]);
    assert!(out.is_empty());
    let (json, _) = run(&[
        "distances",
        "--from",
        "country:UA",
        "--to",
        &parquet,
        "--json",
        "--prefix",
        "again_",
    ]);
    let (direct, _) = run(&[
        "distances",
        "--from",
        "country:UA",
        "--to",
        &data("events.geojson"),
        "--json",
    ]);
    let a: Value = serde_json::from_str(&json).unwrap();
    let b: Value = serde_json::from_str(&direct).unwrap();
    let rows = |v: &Value| v.as_array().unwrap().len();
    assert_eq!(rows(&a), rows(&b));
    for (x, y) in a.as_array().unwrap().iter().zip(b.as_array().unwrap()) {
        assert_eq!(x["distance_m"], y["distance_m"]);
        assert_eq!(x["again_distance_m"], y["distance_m"]);
        assert_eq!(x["latitude"], y["latitude"]);
        assert_eq!(x["name"], y["name"]);
    }
}
