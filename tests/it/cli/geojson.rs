//! `strikemap ring`, `arc` and `export`: GeoJSON to stdout and to files,
//! compared as JSON values, and their error paths.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use strikemap::{Geodesic, LatLon, Metric};

fn strikemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strikemap"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/cli/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn geojson(args: &[&str]) -> Value {
    let out = strikemap().args(args).assert().success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    v
}

fn fails(args: &[&str]) -> String {
    let out = strikemap().args(args).assert().code(2).stdout("");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("strikemap: error: "), "{stderr}");
    stderr
}

/// Every `[lon, lat]` position of a geometry.
fn positions(geometry: &Value) -> Vec<[f64; 2]> {
    fn walk(v: &Value, out: &mut Vec<[f64; 2]>) {
        match v.as_array() {
            Some(a) if a.first().is_some_and(Value::is_number) => {
                out.push([a[0].as_f64().unwrap(), a[1].as_f64().unwrap()]);
            }
            Some(a) => a.iter().for_each(|x| walk(x, out)),
            None => {}
        }
    }
    let mut out = Vec::new();
    walk(&geometry["coordinates"], &mut out);
    out
}

#[test]
fn ring_vertices_lie_at_the_radius() {
    let v = geojson(&["ring", "Kyiv=50.4501,30.5234", "500km"]);
    let features = v["features"].as_array().unwrap();
    // The ring, then its centre marker.
    assert_eq!(features.len(), 2);
    assert_eq!(features[1]["properties"]["role"], "centre");
    assert_eq!(
        features[1]["geometry"]["coordinates"],
        serde_json::json!([30.5234, 50.4501])
    );
    let ring = &features[0];
    assert_eq!(ring["geometry"]["type"], "Polygon");
    assert_eq!(ring["properties"]["kind"], "range_ring");
    assert_eq!(ring["properties"]["name"], "Kyiv 500km");
    assert_eq!(ring["properties"]["radius_km"].as_f64(), Some(500.0));
    assert!(ring["properties"]["stroke"].is_string(), "styled");
    let kyiv = LatLon::new(50.4501, 30.5234).unwrap();
    let all = positions(&ring["geometry"]);
    assert!(all.len() > 60);
    for [lon, lat] in all {
        let d = Geodesic.distance(kyiv, LatLon::from_lon_lat([lon, lat]).unwrap());
        // Rounded to 6 decimals: within a metre of 500 km.
        assert!((d.as_metres() - 500_000.0).abs() < 1.0, "{lon},{lat}: {d}");
    }
}

#[test]
fn rings_around_ukrainka_in_miles_and_km() {
    let v = geojson(&[
        "ring",
        "Ukrainka=51.17,128.445",
        "4300mi",
        "4,300 km",
        "--bbox",
    ]);
    let features = v["features"].as_array().unwrap();
    // Each ring followed by its centre marker.
    assert_eq!(features.len(), 4);
    assert_eq!(
        features[0]["properties"]["radius_mi"].as_f64(),
        Some(4300.0)
    );
    assert_eq!(
        features[2]["properties"]["radius_km"].as_f64(),
        Some(4300.0)
    );
    assert!(v["bbox"].is_array());
    for f in features {
        for [lon, lat] in positions(&f["geometry"]) {
            assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        }
    }
}

#[test]
fn ring_to_a_file_with_precision() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ring.geojson");
    strikemap()
        .args([
            "ring",
            "-33.9249,18.4241",
            "100 miles",
            "--precision",
            "3",
            "-o",
        ])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for [lon, lat] in positions(&v["features"][0]["geometry"]) {
        assert_eq!((lon * 1000.0).round() / 1000.0, lon);
        assert_eq!((lat * 1000.0).round() / 1000.0, lat);
    }
}

#[test]
fn ring_errors() {
    let e = fails(&["ring", "50,30", "4300 furlongs"]);
    assert!(
        e.contains("argument RADIUS: cannot read a distance from \"4300 furlongs\""),
        "{e}"
    );
    let e = fails(&["ring", "50,30", "0km"]);
    assert!(e.contains("argument RADIUS: radius 0 is invalid"), "{e}");
    let e = fails(&["ring", "50,30", "30,000 km"]);
    assert!(e.contains("argument RADIUS"), "{e}");
    let e = fails(&["ring", "Qwxzy Vvq", "10km"]);
    assert!(e.contains("argument CENTER: unknown place"), "{e}");
    let e = fails(&["ring", "50,30", "10km", "--precision", "20"]);
    assert!(e.contains("argument --precision"), "{e}");
    let e = fails(&["ring", "50,30", "10km", "-o", "/no/such/dir/ring.geojson"]);
    assert!(
        e.contains("/no/such/dir/ring.geojson: cannot create the output file"),
        "{e}"
    );
}

#[test]
fn arc_from_launch_to_target() {
    let v = geojson(&["arc", "Engels=51.48,46.2", "Kyiv=50.4501,30.5234"]);
    let arc = &v["features"][0];
    assert_eq!(arc["geometry"]["type"], "LineString");
    assert_eq!(arc["properties"]["kind"], "strike_arc");
    assert_eq!(arc["properties"]["name"], "Engels → Kyiv");
    let all = positions(&arc["geometry"]);
    assert_eq!(all[0], [46.2, 51.48]);
    assert_eq!(*all.last().unwrap(), [30.5234, 50.4501]);
    assert!(all.len() > 10, "densified along the geodesic");
}

#[test]
fn arc_across_the_antimeridian_is_cut() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("arc.geojson");
    strikemap()
        .args(["arc", "Anadyr=64.73,177.5", "Nome=64.5,-165.4", "-o"])
        .arg(&path)
        .assert()
        .success();
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["features"][0]["geometry"]["type"], "MultiLineString");
}

#[test]
fn arc_errors() {
    let e = fails(&["arc", "Engels=51.48", "50,30"]);
    assert!(e.contains("argument FROM"), "{e}");
    let e = fails(&["arc", "51.48,46.2", "Kyiv=50.45,abc"]);
    assert!(
        e.contains("argument TO: cannot read a position from"),
        "{e}"
    );
}

/// Twice the signed area of a ring in longitude/latitude (positive when
/// counter-clockwise).
fn shoelace(ring: &[Value]) -> f64 {
    ring.windows(2)
        .map(|w| {
            let (a, b) = (&w[0], &w[1]);
            a[0].as_f64().unwrap() * b[1].as_f64().unwrap()
                - b[0].as_f64().unwrap() * a[1].as_f64().unwrap()
        })
        .sum()
}

#[test]
fn export_normalises_and_styles_a_scenario() {
    let v = geojson(&["export", &fixture("scenario.geojson")]);
    let features = v["features"].as_array().unwrap();
    let kinds: Vec<&str> = features
        .iter()
        .map(|f| f["properties"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["site", "site", "front_line", "territory"]);
    let ids: std::collections::HashSet<&str> =
        features.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 4, "unique ids");
    // Every property survives; styles are added (the file's own stroke wins).
    assert_eq!(
        features[0]["properties"]["note"],
        "air base, Murmansk Oblast"
    );
    assert!(features[1]["properties"]["marker-color"].is_string());
    assert_eq!(features[2]["properties"]["stroke"], "#ff0000");
    assert_eq!(positions(&features[1]["geometry"])[0], [30.5234, 50.4501]);
    // The clockwise ring of the file comes out counter-clockwise (RFC 7946).
    let exterior = features[3]["geometry"]["coordinates"][0]
        .as_array()
        .unwrap();
    assert!(shoelace(exterior) > 0.0);
}

#[test]
fn export_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let once = dir.path().join("once.geojson");
    strikemap()
        .args(["export", &fixture("scenario.geojson"), "-o"])
        .arg(&once)
        .assert()
        .success()
        .stdout("");
    let first: Value = serde_json::from_str(&std::fs::read_to_string(&once).unwrap()).unwrap();
    let second = geojson(&["export", once.to_str().unwrap()]);
    assert_eq!(first, second);
}

#[test]
fn export_errors_and_skipping() {
    let e = fails(&["export", "no/such/scenario.geojson"]);
    assert!(e.contains("no/such/scenario.geojson: "), "{e}");
    let bad = fixture("bad_feature.geojson");
    let e = fails(&["export", &bad]);
    assert!(
        e.contains(
            "bad_feature.geojson: feature 1: geometry.coordinates: latitude 95 is out of range"
        ),
        "{e}"
    );
    let out = strikemap()
        .args(["export", &bad, "--skip-bad"])
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("strikemap: warning:") && stderr.contains("feature 1"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["features"].as_array().unwrap().len(), 2);
    let e = fails(&["export", &fixture("acled_ukraine.csv")]);
    assert!(e.contains("acled_ukraine.csv: "), "{e}");
}

#[test]
fn export_of_an_undated_line_needs_a_date() {
    let line = fixture("frontline.geojson");
    let e = fails(&["export", &line]);
    assert!(
        e.contains("feature 0: properties.date") && e.contains("--as-of"),
        "{e}"
    );
    let v = geojson(&["export", &line, "--as-of", "2025-06-02"]);
    assert_eq!(v["features"][0]["properties"]["kind"], "front_line");
    let e = fails(&["export", &line, "--as-of", "June"]);
    assert!(
        e.contains("argument --as-of: expected a date such as 2025-06-02"),
        "{e}"
    );
}

#[test]
fn help_shows_examples() {
    for (command, example) in [
        ("ring", "strikemap ring Ukrainka=51.17,128.445 4300mi"),
        ("arc", "strikemap arc Engels=51.48,46.2"),
        ("export", "strikemap export examples/data/scenario.geojson"),
    ] {
        strikemap()
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains(example));
    }
}

/// `-o PATH` writes regular files atomically (keeping their permissions)
/// and writes through to what is not a regular file: a symbolic link's
/// target (the link stays), a named pipe and a device node stay what they
/// are. Each is made in a temporary directory, never the system's own.
#[test]
#[cfg(unix)]
fn output_paths_keep_what_they_are() {
    use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
    let dir = tempfile::tempdir().unwrap();
    let ring = |path: &std::path::Path| {
        strikemap()
            .args(["ring", "0,0", "100km", "-o"])
            .arg(path)
            .assert()
            .success();
    };
    // A regular file with 0600 keeps 0600.
    let real = dir.path().join("real.geojson");
    std::fs::write(&real, "old").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    ring(&real);
    let meta = std::fs::metadata(&real).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .starts_with("{\"type\":\"FeatureCollection\"")
    );
    // A link to it stays a link; its target gets the output.
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.geojson");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    ring(&link);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .starts_with("{\"type\"")
    );
    // A named pipe stays a pipe, and its reader gets the output.
    let fifo = dir.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    ring(&fifo);
    assert!(reader.join().unwrap().starts_with("{\"type\""));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // A character device (a null device made here, when allowed) stays one.
    let dev = dir.path().join("null");
    let made = std::process::Command::new("mknod")
        .arg(&dev)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if made {
        ring(&dev);
        assert!(
            std::fs::symlink_metadata(&dev)
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("strikemap-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // A directory is refused, naming it.
    let err = fails(&["ring", "0,0", "100km", "-o", dir.path().to_str().unwrap()]);
    assert!(err.contains("is a directory"), "{err}");
}

/// `ring` and `arc` write GeoJSON; the points they read are shown on
/// stderr with their countries, and stdout stays GeoJSON.
#[test]
fn ring_and_arc_show_their_points_on_stderr() {
    let out = strikemap()
        .args(["ring", "30.5234,50.4501", "100km"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with("strikemap: read CENTER as 30.5234°N, 50.4501°E — in Iran, ")
            && stderr.lines().count() == 1,
        "{stderr}"
    );
    let out = strikemap()
        .args(["arc", "Engels=51.48,46.2", "Kyiv=50.4501,30.5234"])
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        "strikemap: read FROM as Engels: 51.4800°N, 46.2000°E — in Russia, Saratov Oblast\n\
         strikemap: read TO as Kyiv: 50.4501°N, 30.5234°E — in Ukraine, Kyiv\n"
    );
}

/// Messages name the command line's flags, never a Rust API.
#[test]
fn messages_name_flags_not_rust_api() {
    let e = fails(&["export", &fixture("frontline.geojson")]);
    assert!(!e.contains("::") && !e.contains("with_"), "{e}");
    assert!(e.contains("--as-of YYYY-MM-DD"), "{e}");
}

/// Issue 17: `export` reads a lone Feature, as its help says.
#[test]
fn export_reads_a_single_feature() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.geojson");
    std::fs::write(
        &path,
        r#"{"geometry": {"type": "Point", "coordinates": [30.5234, 50.4501]}, "type": "Feature",
            "properties": {"name": "Kyiv", "country": "UA"}}"#,
    )
    .unwrap();
    let v = geojson(&["export", path.to_str().unwrap()]);
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 1);
    assert_eq!(features[0]["properties"]["name"], "Kyiv");
    assert_eq!(positions(&features[0]["geometry"])[0], [30.5234, 50.4501]);
}

/// Issue 17: `strikemap ring 50.45,30.52 "20003 km"` used to draw a small
/// circle around the antipode; the centre must be inside, every vertex at
/// the radius.
#[test]
fn a_ring_of_20003_km_holds_its_centre() {
    let v = geojson(&["ring", "50.45,30.52", "20003 km"]);
    let g = &v["features"][0]["geometry"];
    let c = LatLon::new(50.45, 30.52).unwrap();
    for [lon, lat] in positions(g) {
        let q = LatLon::from_lon_lat([lon, lat]).unwrap();
        if lat.abs() == 90.0 || lon.abs() == 180.0 {
            continue; // the map frame around the hole
        }
        let d = Geodesic.distance(c, q).as_metres();
        assert!((d - 20_003_000.0).abs() < 1.0, "{lon},{lat}: {d}");
    }
    // The centre is not in the hole: no ring of the polygon goes round it.
    let near_centre = positions(g)
        .iter()
        .filter(|[lon, lat]| (lat - 50.45).abs() < 5.0 && (lon - 30.52).abs() < 5.0)
        .count();
    assert_eq!(near_centre, 0);
}

/// A lone Feature after a UTF-8 byte order mark is read by `export` and by
/// `check --from` (issue 17: BOM, single Feature).
#[test]
fn a_lone_feature_after_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.geojson");
    std::fs::write(
        &path,
        "\u{feff}{\"type\":\"Feature\",\"properties\":{\"kind\":\"city\",\"name\":\"A\",\"country\":\"UA\"},\
         \"geometry\":{\"type\":\"Point\",\"coordinates\":[30,50]}}",
    )
    .unwrap();
    let out = geojson(&["export", path.to_str().unwrap()]);
    assert_eq!(out["features"][0]["properties"]["name"], "A", "{out}");
    strikemap()
        .args(["check", "more than 100 km", "--from"])
        .arg(&path)
        .args(["--to", "55,37"])
        .assert()
        .success()
        .stdout(predicate::str::contains("SUPPORTED"));
}

#[test]
fn arcs_get_end_markers_and_no_markers_leaves_them_out() {
    let v = geojson(&["arc", "Engels=51.4833,46.2", "Kyiv=50.4501,30.5234"]);
    let features = v["features"].as_array().unwrap();
    let kinds: Vec<&str> = features
        .iter()
        .map(|f| f["properties"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["strike_arc", "marker", "marker"]);
    let line = features[0]["geometry"]["coordinates"].as_array().unwrap();
    assert_eq!(features[1]["geometry"]["coordinates"], line[0]);
    assert_eq!(
        features[2]["geometry"]["coordinates"],
        *line.last().unwrap()
    );
    assert_eq!(features[1]["properties"]["name"], "Engels");
    assert_eq!(features[2]["properties"]["role"], "impact");
    for args in [
        &[
            "arc",
            "Engels=51.4833,46.2",
            "Kyiv=50.4501,30.5234",
            "--no-markers",
        ][..],
        &["ring", "Kyiv=50.4501,30.5234", "500km", "--no-markers"][..],
    ] {
        let v = geojson(args);
        let features = v["features"].as_array().unwrap();
        assert_eq!(features.len(), 1, "{args:?}");
        assert_ne!(features[0]["properties"]["kind"], "marker");
    }
}

#[test]
fn export_writes_markers_again_and_a_ring_file_is_one_target() {
    let dir = tempfile::tempdir().unwrap();
    let ring = dir.path().join("ring.geojson");
    Command::cargo_bin("strikemap")
        .unwrap()
        .args(["ring", "Kyiv=50.4501,30.5234", "500km", "-o"])
        .arg(&ring)
        .assert()
        .success();
    let first: Value = serde_json::from_str(&std::fs::read_to_string(&ring).unwrap()).unwrap();
    assert_eq!(first["features"].as_array().unwrap().len(), 2);
    // Exported again, the marker is read as derived and written afresh.
    let again = dir.path().join("again.geojson");
    Command::cargo_bin("strikemap")
        .unwrap()
        .arg("export")
        .arg(&ring)
        .arg("-o")
        .arg(&again)
        .assert()
        .success();
    let second: Value = serde_json::from_str(&std::fs::read_to_string(&again).unwrap()).unwrap();
    assert_eq!(second["features"], first["features"]);
    let plain = dir.path().join("plain.geojson");
    Command::cargo_bin("strikemap")
        .unwrap()
        .arg("export")
        .arg(&ring)
        .args(["--no-markers", "-o"])
        .arg(&plain)
        .assert()
        .success();
    let plain: Value = serde_json::from_str(&std::fs::read_to_string(&plain).unwrap()).unwrap();
    assert_eq!(plain["features"].as_array().unwrap().len(), 1);
    // As a target the file is one range ring: its marker is not a target.
    let out = Command::cargo_bin("strikemap")
        .unwrap()
        .arg("distance")
        .arg(&ring)
        .arg("49.9935,36.2304")
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("1 feature of ring.geojson (1 range ring)"),
        "{text}"
    );
}
