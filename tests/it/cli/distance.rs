//! `strikemap distance`: every target form, both output formats, every error path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn strikemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strikemap"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/cli/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs the command, expects success, and parses stdout as JSON.
fn json(args: &[&str]) -> Value {
    let out = strikemap().args(args).arg("--json").assert().success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

/// Runs the command and expects one error line on stderr and exit code 2.
fn fails(args: &[&str]) -> String {
    let out = strikemap().args(args).assert().code(2).stdout("");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("strikemap: error: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

fn num(v: &Value, key: &str) -> f64 {
    v[key].as_f64().unwrap_or_else(|| panic!("{key} in {v}"))
}

#[test]
fn point_to_point_json() {
    // Kyiv to Olenya air base; GeographicLib gives 1,978.451 km.
    let v = json(&["distance", "50.4501,30.5234", "68.1517,33.4639"]);
    assert!((num(&v, "metres") - 1_978_451.0).abs() < 5.0, "{v}");
    assert!((num(&v, "km") - num(&v, "metres") / 1000.0).abs() < 1e-9);
    assert!((num(&v, "mi") - num(&v, "metres") / 1609.344).abs() < 1e-9);
    assert_eq!(v["nearest_from"], serde_json::json!([50.4501, 30.5234]));
    assert_eq!(v["nearest_to"], serde_json::json!([68.1517, 33.4639]));
    assert_eq!(v["inside"], Value::Bool(false));
    assert_eq!(v["method"], "geodesic");
    assert_eq!(v["unit"], "km");
}

#[test]
fn hemisphere_letters_and_either_order() {
    let a = json(&["distance", "50.4501N,30.5234E", "33.4639E,68.1517N"]);
    let b = json(&["distance", "50.4501,30.5234", "68.1517,33.4639"]);
    assert_eq!(a["metres"], b["metres"]);
}

#[test]
fn negative_coordinates_are_not_taken_for_options() {
    let v = json(&["distance", "-33.9249,18.4241", "-34.6037,-58.3816"]);
    // Cape Town to Buenos Aires, about 6,870 km.
    assert!((num(&v, "km") - 6_870.0).abs() < 30.0, "{v}");
}

#[test]
fn point_inside_a_country() {
    for code in ["country:UA", "country:UKR", "country:Ukraine"] {
        let v = json(&["distance", "50.4501,30.5234", code]);
        assert_eq!(v["inside"], Value::Bool(true), "{code}");
        assert_eq!(num(&v, "metres"), 0.0);
        assert_eq!(v["nearest_to"], v["nearest_from"]);
    }
}

#[test]
fn country_to_a_point_outside_it() {
    // Ukrainka air base (Amur Oblast) from Ukraine: under 4,300 miles.
    let v = json(&["distance", "country:UA", "51.17N,128.445E", "--units", "mi"]);
    assert_eq!(v["inside"], Value::Bool(false));
    assert_eq!(v["unit"], "mi");
    let mi = num(&v, "value");
    assert!((3_600.0..4_300.0).contains(&mi), "{v}");
    assert_eq!(v["nearest_to"], serde_json::json!([51.17, 128.445]));
    // The nearest border point is in the east of Ukraine.
    assert!(v["nearest_from"][1].as_f64().unwrap() > 38.0, "{v}");
}

#[test]
fn haversine_differs_a_little() {
    let g = json(&["distance", "50.4501,30.5234", "68.1517,33.4639"]);
    let h = json(&[
        "distance",
        "50.4501,30.5234",
        "68.1517,33.4639",
        "--method",
        "haversine",
    ]);
    assert_eq!(h["method"], "haversine");
    let (g, h) = (num(&g, "metres"), num(&h, "metres"));
    assert!(g != h && ((g - h) / g).abs() < 0.0056);
}

#[test]
fn geojson_files_as_targets() {
    // A point inside Ukraine to the sketched front line.
    let v = json(&["distance", "49.9935,36.2304", &fixture("frontline.geojson")]);
    assert_eq!(v["inside"], Value::Bool(false));
    assert!((50.0..200.0).contains(&num(&v, "km")), "{v}");
    // Ukraine to the nearest of two bases (Olenya): both sides are shapes.
    let v = json(&["distance", "country:UA", &fixture("bases.geojson")]);
    assert_eq!(v["nearest_to"], serde_json::json!([68.1517, 33.4639]));
    assert!((1_700.0..1_800.0).contains(&num(&v, "km")), "{v}");
    // The front line lies inside Ukraine.
    let v = json(&["distance", &fixture("frontline.geojson"), "country:UA"]);
    assert_eq!(v["inside"], Value::Bool(true));
    assert_eq!(num(&v, "metres"), 0.0);
}

#[test]
fn neighbours_touch() {
    let v = json(&["distance", "country:UA", "country:PL"]);
    assert!(num(&v, "metres") < 1.0, "{v}");
}

#[test]
fn text_output() {
    strikemap()
        .args(["distance", "50.4501,30.5234", "68.1517,33.4639"])
        .assert()
        .success()
        .stdout(predicate::str::contains("distance:  1,978.45"))
        .stdout(predicate::str::contains(" km (1,229.35"))
        .stdout(predicate::str::contains(" mi)"))
        .stdout(predicate::str::contains(
            "nearest: 68.151700°N, 33.463900°E",
        ))
        .stdout(predicate::str::contains("inside:    no"))
        .stdout(predicate::str::contains("geodesic"));
    strikemap()
        .args([
            "distance",
            "50.4501,30.5234",
            "country:UA",
            "--units",
            "nmi",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("0.000 nmi (0.000 km, 0.000 mi)"))
        .stdout(predicate::str::contains("inside:    yes"))
        .stdout(predicate::str::contains("Ukraine (country:UA, 1:50m)"));
    strikemap()
        .args(["distance", "51.17,128.445", "country:UA", "--units", "mi"])
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(r"distance:  3,\d{3}\.\d{3} mi \(5,\d{3}\.\d{3} km\)")
                .unwrap(),
        );
}

#[test]
fn bad_coordinates() {
    let e = fails(&["distance", "91,30", "50,30"]);
    assert!(
        e.contains("argument FROM: latitude 91 is out of range [-90, 90]"),
        "{e}"
    );
    let e = fails(&["distance", "50,30", "50.45,abc"]);
    assert!(
        e.contains("argument TO: cannot read a position from \"50.45,abc\""),
        "{e}"
    );
    let e = fails(&["distance", "50.45", "50,30"]);
    assert!(e.contains("argument FROM"), "{e}");
    assert!(e.contains("expected two coordinates"), "{e}");
}

#[test]
fn unknown_country() {
    let e = fails(&["distance", "50,30", "country:Ukrain"]);
    assert!(
        e.contains("argument TO: unknown country \"Ukrain\"; did you mean \"Ukraine\"?"),
        "{e}"
    );
    let e = fails(&["distance", "50,30", "Ukraine"]);
    assert!(e.contains("did you mean \"country:Ukraine\"?"), "{e}");
}

#[test]
fn unreadable_or_bad_geojson() {
    let e = fails(&["distance", "50,30", "no/such/file.geojson"]);
    assert!(e.contains("argument TO: no/such/file.geojson: "), "{e}");
    let e = fails(&["distance", &fixture("bad_feature.geojson"), "50,30"]);
    assert!(
        e.contains("feature 1: coordinates: latitude 95 is out of range"),
        "{e}"
    );
    let e = fails(&["distance", &fixture("acled_ukraine.csv"), "50,30"]);
    assert!(e.contains("expected GeoJSON"), "{e}");
}

#[test]
fn usage_errors_exit_2_and_help_shows_an_example() {
    let e = fails(&["distance", "50,30"]);
    assert!(e.contains("usage: strikemap distance"), "{e}");
    strikemap()
        .args(["distance", "50,30", "51,31", "--units", "furlongs"])
        .assert()
        .code(2);
    strikemap()
        .args(["distance", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains(
            "strikemap distance 50.4501,30.5234",
        ));
}

/// Every point read is shown with the country it lies in: Kyiv with its
/// latitude and longitude swapped lies in Iran, and says so.
#[test]
fn a_swapped_point_shows_its_country() {
    let out = strikemap()
        .args(["distance", "30.5234,50.4501", "country:UA"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("from:      30.5234°N, 50.4501°E — in Iran, "),
        "{text}"
    );
    // With --json, stdout stays JSON and the point is shown on stderr.
    let out = strikemap()
        .args(["distance", "30.5234,50.4501", "10,-40", "--json"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    // The country, and the region (a province of Iran).
    let from = v["from"].as_str().unwrap();
    assert!(
        from.starts_with("30.5234°N, 50.4501°E — in Iran, "),
        "{from}"
    );
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert_eq!(lines[0], format!("strikemap: read FROM as {from}"));
    assert_eq!(
        lines[1],
        "strikemap: read TO as 10.0000°N, 40.0000°W — in no country (at sea)"
    );
}

/// A scenario file holds places, a front line and an area: measuring to
/// all of it at once is refused, with what it holds and the flags to pick.
#[test]
fn a_file_of_several_kinds_must_be_narrowed() {
    let scenario = fixture("scenario.geojson");
    let e = fails(&["distance", &scenario, "10,-60"]);
    assert!(
        e.contains("scenario.geojson: expected one kind of feature to measure to"),
        "{e}"
    );
    for listed in [
        "2 places, 1 front line, 1 territory",
        "--kind place",
        "--kind front_line",
        "--kind territory",
        "--feature NAME",
        "\"Sketched front line\" (front_line)",
    ] {
        assert!(e.contains(listed), "{listed} in {e}");
    }
    // Narrowed by kind or by name, it is measured to, and the report says what.
    let out = strikemap()
        .args(["distance", &scenario, "50.0,36.0", "--kind", "front_line"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("from:      1 feature of scenario.geojson (1 front line)"),
        "{text}"
    );
    let by_name = json(&[
        "distance",
        &scenario,
        "50.0,36.0",
        "--feature",
        "Sketched front line",
    ]);
    let by_kind = json(&["distance", &scenario, "50.0,36.0", "--kind", "front_line"]);
    assert_eq!(by_name["metres"], by_kind["metres"]);
    let two = json(&[
        "distance",
        "50.0,36.0",
        &scenario,
        "--kind",
        "place",
        "--kind",
        "territory",
    ]);
    assert_eq!(
        two["to"],
        "3 features of scenario.geojson (2 places, 1 territory)"
    );
    // A name the file does not hold is listed against what it holds.
    let e = fails(&["distance", &scenario, "50,36", "--feature", "Olenia"]);
    assert!(
        e.contains("expected a feature named \"Olenia\" (--feature)"),
        "{e}"
    );
    assert!(e.contains("\"Olenya\" (place)"), "{e}");
    // A file of one kind is used whole.
    let v = json(&["distance", "country:UA", &fixture("bases.geojson")]);
    assert_eq!(v["to"], "2 features of bases.geojson (2 places)");
    // The flags need a file.
    let e = fails(&["distance", "50,30", "51,31", "--kind", "place"]);
    assert!(e.contains("--feature/--kind"), "{e}");
}

/// A map written by strikemap (kinds in its `kind` property) with a range
/// ring: the ring is not silently measured to.
#[test]
fn a_range_ring_is_not_measured_to_silently() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.geojson");
    let map = map.to_str().unwrap();
    strikemap()
        .args(["ring", "Ukrainka=51.17,128.445", "4300mi", "-o", map])
        .assert()
        .success();
    // Add a place to the ring's collection.
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(map).unwrap()).unwrap();
    doc["features"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
        "type": "Feature", "properties": {"kind": "air_base", "name": "Ukrainka"},
        "geometry": {"type": "Point", "coordinates": [128.445, 51.17]}}));
    std::fs::write(map, doc.to_string()).unwrap();
    let e = fails(&["distance", map, "10,-60"]);
    assert!(e.contains("1 place, 1 range ring"), "{e}");
    assert!(e.contains("--kind range_ring"), "{e}");
    let v = json(&["distance", map, "10,-60", "--kind", "place"]);
    assert_eq!(v["nearest_from"], serde_json::json!([51.17, 128.445]));
}

/// Usage errors are one line, `strikemap: error: ...`, exit code 2, like
/// every other error; help and version print as before.
#[test]
fn usage_errors_are_one_line() {
    let e = fails(&[
        "distances",
        "--from",
        "country:UA",
        "--to",
        "x.csv",
        "--geojson",
        "--json",
    ]);
    assert!(
        e.starts_with("strikemap: error: the argument '--geojson' cannot be used with '--json'"),
        "{e}"
    );
    let e = fails(&["distance", "50,30", "51,31", "--units", "furlongs"]);
    assert!(e.contains("invalid value 'furlongs'"), "{e}");
    let e = fails(&["frobnicate"]);
    assert!(e.contains("unrecognized subcommand"), "{e}");
    strikemap()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("strikemap "));
}

/// Countries by the names people write; regions are not countries.
#[test]
fn countries_by_common_names() {
    for (name, want) in [
        ("country:UK", "United Kingdom (country:GB"),
        ("country:Britain", "United Kingdom (country:GB"),
        ("country:Gaza", "Palestine, State of (country:PS"),
        ("country:West Bank", "Palestine, State of (country:PS"),
        ("country:Türkiye", "Türkiye (country:TR"),
        ("country:Turkey", "Türkiye (country:TR"),
    ] {
        let v = json(&["distance", name, "10,-40"]);
        assert!(v["from"].as_str().unwrap().starts_with(want), "{name}: {v}");
    }
    let e = fails(&["distance", "country:Crimea", "10,-40"]);
    assert!(
        e.contains("not a country: a region of Ukraine (country:UA)"),
        "{e}"
    );
    let e = fails(&["distance", "country:Transnistria", "10,-40"]);
    assert!(e.contains("not a country: a region of Moldova"), "{e}");
}

#[test]
fn a_longitude_beyond_180_is_refused_not_wrapped() {
    let stderr = fails(&["distance", "50,200", "50.45,30.52"]);
    assert!(
        stderr.contains("longitude 200 is out of range [-180, 180]"),
        "{stderr}"
    );
}

#[test]
fn degrees_minutes_and_seconds_as_pasted() {
    let decimal = json(&["distance", "50.45,30.5", "49.9935,36.2304"]);
    for from in [
        "50°27′N 30°30′E",
        "50°27'00\"N, 30°30'00\"E",
        "50 27 00 N 30 30 00 E",
    ] {
        let v = json(&["distance", from, "49.9935,36.2304"]);
        let (a, b) = (num(&v, "metres"), num(&decimal, "metres"));
        assert!((a - b).abs() < 1e-6, "{from}: {a} vs {b}");
    }
}

/// A target file is read whole, so its size is bounded (and said); a byte
/// order mark before the JSON is fine (issue 17: memory, BOM).
#[test]
fn target_files_are_bounded_and_may_start_with_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.geojson");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(strikemap::io::target_spec::MAX_TARGET_FILE_BYTES + 1)
        .unwrap();
    let e = fails(&["distance", "50,30", big.to_str().unwrap()]);
    assert!(e.contains("at most 64 MiB"), "{e}");
    let bom = dir.path().join("bom.geojson");
    std::fs::write(
        &bom,
        "\u{feff}{\"type\": \"Point\", \"coordinates\": [30.5234, 50.4501]}",
    )
    .unwrap();
    let v = json(&["distance", "50.4501,30.5234", bom.to_str().unwrap()]);
    assert_eq!(v["metres"], 0.0, "{v}");
}
