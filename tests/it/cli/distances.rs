//! `strikemap distances`: CSV and GeoJSON input, CSV and JSON output,
//! chunked streaming, and every error path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn strikemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strikemap"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/cli/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs the command, expects success with nothing on stderr but the
/// reference read (`strikemap: read --from as ...`), and gives its stdout.
fn stdout(args: &[&str]) -> String {
    let out = strikemap().args(args).assert().success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr
            .lines()
            .all(|l| l.starts_with("strikemap: read --from as ")),
        "{stderr}"
    );
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// `strikemap distances --from country:UA --to FILE FORMAT` (FORMAT may be
/// empty), its standard output.
fn from_ukraine(file: &str, format: &str) -> String {
    let mut args = vec!["distances", "--from", "country:UA", "--to", file];
    if !format.is_empty() {
        args.push(format);
    }
    stdout(&args)
}

/// Parses CSV output into its header and rows.
fn csv_table(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// Runs the command and expects one error line on stderr and exit code 2
/// (rows before the bad one may have been written: the output streams).
fn fails(args: &[&str]) -> String {
    let out = strikemap().args(args).assert().code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("strikemap: error: "), "{stderr}");
    stderr
}

const ADDED: [&str; 4] = ["distance_m", "distance_km", "distance_mi", "inside"];

#[test]
fn acled_csv_to_csv() {
    let acled = fixture("acled_ukraine.csv");
    let text = from_ukraine(&acled, "");
    assert_eq!(text, from_ukraine(&acled, "--csv"));
    let (header, rows) = csv_table(&text);
    let (input_header, input_rows) = csv_table(&std::fs::read_to_string(&acled).unwrap());
    assert_eq!(header[..input_header.len()], input_header[..]);
    assert_eq!(header[input_header.len()..], ADDED);
    assert_eq!(rows.len(), input_rows.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, input) in rows.iter().zip(&input_rows) {
        // Every input field survives, quoted notes included.
        assert_eq!(row[..input.len()], input[..]);
        let m: f64 = row[col("distance_m")].parse().unwrap();
        let km: f64 = row[col("distance_km")].parse().unwrap();
        let mi: f64 = row[col("distance_mi")].parse().unwrap();
        assert!((km - m / 1000.0).abs() < 1e-5);
        assert!((mi - m / 1609.344).abs() < 1e-5);
        let inside = &row[col("inside")];
        if row[col("country")] == "Ukraine" {
            assert_eq!((inside.as_str(), m), ("true", 0.0), "{row:?}");
        } else {
            // Belgorod is about 30 km from the border.
            assert_eq!(inside, "false");
            assert!((10_000.0..60_000.0).contains(&m), "{row:?}");
        }
    }
}

#[test]
fn acled_csv_to_json() {
    let text = from_ukraine(&fixture("acled_ukraine.csv"), "--json");
    let rows: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[0]["event_id_cnty"], "UKRX0001");
    // Numeric columns as numbers, the others as text.
    assert_eq!(rows[0]["latitude"], 50.4501);
    assert_eq!(rows[0]["fatalities"], 0);
    assert_eq!(rows[0]["timestamp"], 1_748_736_000);
    assert_eq!(rows[0]["event_date"], "2025-06-01");
    assert_eq!(rows[0]["tags"], "");
    assert!(rows[0]["notes"].as_str().unwrap().contains("\"example\""));
    assert_eq!(rows[0]["inside"], Value::Bool(true));
    assert_eq!(rows[0]["distance_m"].as_f64(), Some(0.0));
    let belgorod = &rows[6];
    assert_eq!(belgorod["location"], "Belgorod");
    assert_eq!(belgorod["inside"], Value::Bool(false));
    let m = belgorod["distance_m"].as_f64().unwrap();
    assert!((belgorod["distance_km"].as_f64().unwrap() - m / 1000.0).abs() < 1e-9);
    assert!((belgorod["distance_mi"].as_f64().unwrap() - m / 1609.344).abs() < 1e-9);
}

#[test]
fn geojson_points_to_json_and_csv() {
    let events = fixture("events.geojson");
    let text = from_ukraine(&events, "--json");
    let rows: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["id"], "kyiv");
    assert_eq!(rows[0]["name"], "Kyiv");
    assert_eq!(rows[0]["fatalities"], 0);
    assert_eq!(rows[0]["latitude"].as_f64(), Some(50.4501));
    assert_eq!(rows[0]["longitude"].as_f64(), Some(30.5234));
    assert_eq!(rows[2]["note"], "in Russia");
    assert_eq!(rows[2]["inside"], Value::Bool(false));
    assert!(rows[2]["distance_km"].as_f64().unwrap() > 10.0);

    let (header, table) = csv_table(&from_ukraine(&events, ""));
    for name in ["id", "name", "fatalities", "note", "latitude", "longitude"] {
        assert!(header.contains(&name.to_string()), "{name} in {header:?}");
    }
    assert_eq!(header[header.len() - 4..], ADDED);
    assert_eq!(table.len(), 3);
    let note = header.iter().position(|h| h == "note").unwrap();
    assert_eq!(table[0][note], "");
    assert_eq!(table[2][note], "in Russia");
}

/// `--geojson`: a FeatureCollection for map tools, a Point per row with the
/// row's columns and the distance as properties; the distances are those of
/// the JSON output.
#[test]
fn csv_and_geojson_to_a_feature_collection() {
    let acled = fixture("acled_ukraine.csv");
    let args =
        |format: &str| stdout(&["distances", "--from", "country:UA", "--to", &acled, format]);
    let text = args("--geojson");
    assert!(text.ends_with("]}\n"), "{text}");
    let collection: Value = serde_json::from_str(&text).unwrap();
    let rows: Vec<Value> = serde_json::from_str(&args("--json")).unwrap();
    assert_eq!(collection["type"], "FeatureCollection");
    let features = collection["features"].as_array().unwrap();
    assert_eq!(features.len(), rows.len());
    for (f, row) in features.iter().zip(&rows) {
        assert_eq!(f["type"], "Feature");
        // Every column and the distance, and a name from the location.
        let mut properties = row.clone();
        properties["name"] = row["location"].clone();
        assert_eq!(f["properties"], properties);
        assert_eq!(f["id"], row["event_id_cnty"]);
        let lat = row["latitude"].as_f64().unwrap();
        let lon = row["longitude"].as_f64().unwrap();
        assert_eq!(
            f["geometry"],
            serde_json::json!({"type": "Point", "coordinates": [lon, lat]})
        );
    }
    // A GeoJSON input keeps its features (id, geometry, properties) and
    // gains the distance.
    let events = fixture("events.geojson");
    let text = from_ukraine(&events, "--geojson");
    let out: Value = serde_json::from_str(&text).unwrap();
    let input: Value = serde_json::from_str(&std::fs::read_to_string(&events).unwrap()).unwrap();
    let (got, given) = (
        out["features"].as_array().unwrap(),
        input["features"].as_array().unwrap(),
    );
    assert_eq!(got.len(), given.len());
    for (g, f) in got.iter().zip(given) {
        assert_eq!((&g["id"], &g["geometry"]), (&f["id"], &f["geometry"]));
        for (k, v) in f["properties"].as_object().unwrap() {
            assert_eq!(&g["properties"][k], v);
        }
        for k in ADDED {
            assert!(!g["properties"][k].is_null(), "{k}");
        }
    }
    assert_eq!(got[2]["properties"]["inside"], Value::Bool(false));
    assert!(got[2]["properties"]["distance_km"].as_f64().unwrap() > 10.0);
    // One format at a time.
    strikemap()
        .args([
            "distances",
            "--from",
            "country:UA",
            "--to",
            &events,
            "--geojson",
            "--csv",
        ])
        .assert()
        .code(2);
}

#[test]
fn reference_can_be_a_point_or_a_file() {
    let text = stdout(&[
        "distances",
        "--from",
        &fixture("frontline.geojson"),
        "--to",
        &fixture("events.geojson"),
        "--json",
    ]);
    let rows: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(rows.iter().all(|r| r["inside"] == Value::Bool(false)));
    let text = stdout(&[
        "distances",
        "--from",
        "50.4501,30.5234",
        "--to",
        &fixture("events.geojson"),
        "--json",
        "--method",
        "haversine",
    ]);
    let rows: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(rows[0]["distance_m"].as_f64(), Some(0.0));
    // Kyiv to Lviv, about 468 km.
    assert!((rows[1]["distance_km"].as_f64().unwrap() - 468.0).abs() < 5.0);
}

#[test]
fn output_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    strikemap()
        .args(["distances", "--from", "country:UA", "--to"])
        .arg(fixture("acled_ukraine.csv"))
        .arg("-o")
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let (_, rows) = csv_table(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(rows.len(), 7);
}

#[test]
fn many_chunks_keep_their_order() {
    // 20,001 rows: more than two chunks of 8,192; alternately inside and
    // outside Ukraine.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(file, "id,Lat,Lng").unwrap();
    for i in 0..20_001 {
        let (lat, lon) = if i % 2 == 0 {
            (50.45, 30.52)
        } else {
            (55.75, 37.62)
        };
        writeln!(file, "{i},{lat},{lon}").unwrap();
    }
    drop(file);
    let text = from_ukraine(path.to_str().unwrap(), "");
    let (header, rows) = csv_table(&text);
    assert_eq!(
        header,
        [
            "id",
            "Lat",
            "Lng",
            "distance_m",
            "distance_km",
            "distance_mi",
            "inside"
        ]
    );
    assert_eq!(rows.len(), 20_001);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], i.to_string());
        assert_eq!(row[6], (i % 2 == 0).to_string(), "row {i}");
    }
}

#[test]
fn named_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("odd.csv");
    std::fs::write(&path, "name,Y,X\nKyiv,50.4501,30.5234\n").unwrap();
    let path = path.to_str().unwrap();
    let e = fails(&["distances", "--from", "country:UA", "--to", path]);
    assert!(
        e.contains("odd.csv: header: expected a latitude column named latitude, lat"),
        "{e}"
    );
    let text = stdout(&[
        "distances",
        "--from",
        "country:UA",
        "--to",
        path,
        "--lat",
        "y",
        "--lon",
        "X",
    ]);
    let (_, rows) = csv_table(&text);
    assert_eq!(rows[0][6], "true");
}

#[test]
fn bad_number_fails_with_file_line_and_column() {
    let path = fixture("bad_number.csv");
    let e = fails(&["distances", "--from", "country:UA", "--to", &path]);
    assert!(
        e.contains("bad_number.csv: line 4: column \"latitude\": expected a number (decimal degrees), found \"46.48x25\""),
        "{e}"
    );
}

#[test]
fn skip_bad_lists_skipped_rows() {
    let path = fixture("bad_number.csv");
    let out = strikemap()
        .args([
            "distances",
            "--from",
            "country:UA",
            "--to",
            &path,
            "--skip-bad",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("strikemap: warning: skipped ") && stderr.contains("line 4"),
        "{stderr}"
    );
    assert!(stderr.contains("skipped 1 bad row(s)"), "{stderr}");
    let (_, rows) = csv_table(&String::from_utf8(out.get_output().stdout.clone()).unwrap());
    let locations: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(locations, ["Kyiv", "Kharkiv", "Lviv"]);
}

/// A column (or property) named like one the command adds would stand twice
/// in the output: a typed error naming it, or skipped with --skip-bad.
#[test]
fn input_columns_named_like_the_added_ones_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("again.csv");
    std::fs::write(&csv, "id,lat,lon,distance_km\n1,50.45,30.52,12\n").unwrap();
    let csv = csv.to_str().unwrap();
    for format in ["--csv", "--json", "--geojson"] {
        let e = fails(&["distances", "--from", "country:UA", "--to", csv, format]);
        assert!(
            e.contains(
                "again.csv: column \"distance_km\": expected a name other than distance_m, \
                 distance_km, distance_mi, inside, which strikemap distances adds (to measure \
                 a file that has them, e.g. the output of distances, name the new ones with \
                 --prefix, e.g. --prefix front_ for front_distance_m), found \"distance_km\""
            ),
            "{e}"
        );
    }
    let geojson = dir.path().join("again.geojson");
    std::fs::write(
        &geojson,
        r#"{"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": 7, "geometry": {"type": "Point", "coordinates": [30.52, 50.45]},
           "properties": {"name": "a", "id": "a-1"}},
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.23, 49.99]},
           "properties": {"name": "b", "inside": true}}]}"#,
    )
    .unwrap();
    let geojson = geojson.to_str().unwrap();
    for format in ["--csv", "--json", "--geojson"] {
        let e = fails(&["distances", "--from", "country:UA", "--to", geojson, format]);
        assert!(
            e.contains("again.geojson: feature 1: properties.inside: expected a name other than"),
            "{e}"
        );
    }
    let out = strikemap()
        .args([
            "distances",
            "--from",
            "country:UA",
            "--to",
            geojson,
            "--json",
            "--skip-bad",
        ])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    // The property `id` is the column `id` (written once), not the feature's.
    assert_eq!(text.matches("\"id\"").count(), 1, "{text}");
    let rows: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!((rows.len(), &rows[0]["id"]), (1, &Value::from("a-1")));
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("skipped 1 bad row(s)"), "{stderr}");
}

#[test]
fn bad_feature_fails_or_is_skipped() {
    let path = fixture("bad_feature.geojson");
    for format in ["--json", "--csv"] {
        let e = fails(&["distances", "--from", "country:UA", "--to", &path, format]);
        assert!(
            e.contains(
                "bad_feature.geojson: feature 1: geometry.coordinates: latitude 95 is out of range"
            ),
            "{e}"
        );
    }
    let out = strikemap()
        .args([
            "distances",
            "--from",
            "country:UA",
            "--to",
            &path,
            "--json",
            "--skip-bad",
        ])
        .assert()
        .success();
    let rows: Vec<Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Kyiv", "Lviv"]);
}

#[test]
fn unreadable_and_malformed_files() {
    let e = fails(&[
        "distances",
        "--from",
        "country:UA",
        "--to",
        "no/such/events.csv",
    ]);
    assert!(e.contains("no/such/events.csv: "), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.geojson");
    std::fs::write(&broken, "{\"type\": \"FeatureCollection\", \"features\": [").unwrap();
    let e = fails(&[
        "distances",
        "--from",
        "country:UA",
        "--to",
        broken.to_str().unwrap(),
    ]);
    assert!(e.contains("broken.geojson: line 1, column"), "{e}");
    // A failed run leaves no output file behind, not even a partial one.
    let out = dir.path().join("out.csv");
    for input in ["no/such/events.csv".to_string(), fixture("bad_number.csv")] {
        strikemap()
            .args(["distances", "--from", "country:UA", "--to", &input, "-o"])
            .arg(&out)
            .assert()
            .code(2);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "only broken.geojson"
        );
    }
}

#[test]
fn bad_reference() {
    let e = fails(&[
        "distances",
        "--from",
        "country:Atlantis",
        "--to",
        &fixture("events.geojson"),
    ]);
    assert!(
        e.contains("argument --from: unknown country \"Atlantis\""),
        "{e}"
    );
    let e = fails(&[
        "distances",
        "--from",
        "95,30",
        "--to",
        &fixture("events.geojson"),
    ]);
    assert!(
        e.contains("argument --from: latitude 95 is out of range"),
        "{e}"
    );
}

#[test]
fn help_shows_an_example_and_formats_conflict() {
    strikemap()
        .args(["distances", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "strikemap distances --from country:UA --to",
        ));
    strikemap()
        .args([
            "distances",
            "--from",
            "country:UA",
            "--to",
            "x.csv",
            "--json",
            "--csv",
        ])
        .assert()
        .code(2);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(file, "id,lat,lon").unwrap();
    for i in 0..50_000 {
        writeln!(file, "{i},50.45,30.52").unwrap();
    }
    drop(file);
    // `strikemap distances ... | head -c N`: read the start, close the pipe.
    let read_start = |format: &str, n: usize| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_strikemap"))
            .args(["distances", format, "--from", "55.75,37.62", "--to"])
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut start = vec![0u8; n];
        std::io::Read::read_exact(&mut child.stdout.take().unwrap(), &mut start).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
        assert_eq!(out.status.code(), Some(0), "{format}");
        start
    };
    assert!(read_start("--csv", 22).starts_with(b"id,lat,lon,distance_m"));
    // The same for a FeatureCollection, whose writer is the library's.
    assert!(read_start("--geojson", 40).starts_with(br#"{"type":"FeatureCollection","features""#));
}

/// A CSV row's feature gets a name and an id; numbers stay numbers; a
/// column is numeric only if all its values are (`007` is a code).
#[test]
fn csv_features_have_names_ids_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("rows.csv");
    std::fs::write(
        &csv,
        "title,code,count,lat,lon\nDepot,007,3,50.45,30.52\n,12,,49.99,36.23\n",
    )
    .unwrap();
    let text = stdout(&[
        "distances",
        "--from",
        "country:UA",
        "--to",
        csv.to_str().unwrap(),
        "--geojson",
    ]);
    let v: Value = serde_json::from_str(&text).unwrap();
    let f = &v["features"];
    assert_eq!(f[0]["id"], 2, "line number without an id column");
    assert_eq!(f[0]["properties"]["name"], "Depot");
    assert_eq!(f[0]["properties"]["code"], "007");
    assert_eq!(f[0]["properties"]["count"], 3);
    assert_eq!(f[1]["properties"]["count"], Value::Null);
    assert_eq!(f[1]["properties"]["code"], "12");
    assert_eq!(f[1]["properties"]["lat"], 49.99);
    assert!(f[1]["properties"].get("name").is_none(), "{}", f[1]);
}

/// The output of `distances` measured again against another reference:
/// refused without --prefix (with the hint), accepted with it.
#[test]
fn output_fed_back_with_a_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("ua.geojson");
    let first = first.to_str().unwrap();
    let acled = fixture("acled_ukraine.csv");
    stdout(&[
        "distances",
        "--from",
        "country:UA",
        "--to",
        &acled,
        "--geojson",
        "-o",
        first,
    ]);
    let frontline = fixture("frontline.geojson");
    let e = fails(&[
        "distances",
        "--from",
        &frontline,
        "--to",
        first,
        "--geojson",
    ]);
    assert!(e.contains("--prefix"), "{e}");
    let text = stdout(&[
        "distances",
        "--from",
        &frontline,
        "--to",
        first,
        "--geojson",
        "--prefix",
        "front_",
    ]);
    let v: Value = serde_json::from_str(&text).unwrap();
    let p = &v["features"][0]["properties"];
    assert_eq!(p["distance_m"], 0.0);
    assert!(p["front_distance_km"].as_f64().unwrap() > 100.0, "{p}");
    assert_eq!(p["front_inside"], false);
    assert_eq!(v["features"][0]["id"], "UKRX0001");
    // CSV output's header too.
    let csv = stdout(&[
        "distances",
        "--from",
        &frontline,
        "--to",
        first,
        "--prefix",
        "front_",
    ]);
    let header = csv.lines().next().unwrap();
    let columns: Vec<&str> = header.split(',').collect();
    for kept in ADDED {
        assert!(columns.contains(&kept), "{kept} in {header}");
    }
    assert!(
        header.ends_with("front_distance_m,front_distance_km,front_distance_mi,front_inside"),
        "{header}"
    );
}

/// GeoJSON input with a longitude out of [-180, 180] (and an altitude):
/// the output is valid RFC 7946, the longitude normalised.
#[test]
fn geojson_output_normalises_longitudes() {
    // A longitude beyond 180 in the input is refused, naming the feature and
    // the value: text input is never reinterpreted (it used to be written
    // out unchanged, [390, 50, 123], which is not RFC 7946).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("east.geojson");
    let feature = |lon: f64| {
        format!(
            r#"{{"type": "FeatureCollection", "features": [{{"type": "Feature", "properties": {{"name": "x"}},
            "geometry": {{"type": "Point", "coordinates": [{lon}, 50, 123]}}}}]}}"#
        )
    };
    let args = |p: &std::path::Path| {
        vec![
            "distances".to_string(),
            "--from".into(),
            "country:UA".into(),
            "--to".into(),
            p.to_str().unwrap().into(),
            "--geojson".into(),
        ]
    };
    std::fs::write(&path, feature(390.0)).unwrap();
    let a = args(&path);
    let e = fails(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        e.contains("feature 0: geometry.coordinates: longitude 390 is out of range [-180, 180]"),
        "{e}"
    );
    // In range, the position is written as read, altitude kept.
    std::fs::write(&path, feature(-180.0)).unwrap();
    let a = args(&path);
    let text = stdout(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["features"][0]["geometry"],
        serde_json::json!({"type": "Point", "coordinates": [-180.0, 50.0, 123.0]})
    );
}
