//! Names anywhere a place is accepted, `strikemap where`, `strikemap find`
//! and `distances --where`, driven as a user would.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

fn strikemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strikemap"))
}

fn json(args: &[&str]) -> Value {
    let out = strikemap().args(args).arg("--json").assert().success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = strikemap().args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Runs the command; expects exit code 2, nothing on stdout, and the
/// error's one line first on stderr (candidates may follow on up to 5
/// lines).
fn fails(args: &[&str]) -> String {
    let out = strikemap().args(args).assert().code(2).stdout("");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.starts_with("strikemap: error: "), "{stderr}");
    assert!(stderr.lines().count() <= 6, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn names_work_where_points_are_accepted() {
    let v = json(&["distance", "Kyiv", "Moscow"]);
    // GeographicLib, Kyiv (50.45466, 30.5238) to Moscow (55.75222, 37.61556)
    // as GeoNames places them: about 756 km.
    let km = v["km"].as_f64().unwrap();
    assert!((740.0..770.0).contains(&km), "{v}");
    assert!(v["from"].as_str().unwrap().starts_with("Kyiv"), "{v}");
    let v = json(&["distance", "country:UA", "Olenya air base"]);
    assert!(v["to"].as_str().unwrap().contains("Olenya Air Base"), "{v}");
    assert!(v["km"].as_f64().unwrap() > 1_500.0);
    let v = json(&["distance", "Kharkiv", "region:\"Belgorod Oblast\""]);
    assert!(v["km"].as_f64().unwrap() > 20.0, "{v}");
    let v = json(&["distance", "Kyiv=50.4501,30.5234", "region:UA-63"]);
    assert!(v["from"].as_str().unwrap().starts_with("Kyiv"), "{v}");
}

#[test]
fn the_report_claim_checks_with_names() {
    let v = json(&[
        "check",
        "more than 4,300 miles",
        "--from",
        "country:UA",
        "--to",
        "Olenya",
        "--to",
        "Belaya",
        "--to",
        "Dyagilevo",
        "--to",
        "Ivanovo Severny",
        "--to",
        "Ukrainka",
    ]);
    let text = v.to_string();
    for name in [
        "Olenya Air Base",
        "Belaya Air Base",
        "Dyagilevo Air Base",
        "Ukrainka Air Base",
    ] {
        assert!(text.contains(name), "{name} in {text}");
    }
    // Only Ukrainka, in the Far East, is more than 4,300 miles away.
    assert_eq!(v["verdict"], "not_supported", "{text}");
}

#[test]
fn rings_and_arcs_take_names() {
    let out = strikemap()
        .args(["ring", "Ukrainka", "4300mi"])
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("Ukrainka Air Base") && stderr.contains("Amur Oblast"),
        "{stderr}"
    );
    let map: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(map["type"], "FeatureCollection");
    strikemap()
        .args(["arc", "Kyiv", "Engels air base"])
        .assert()
        .success();
}

#[test]
fn ambiguous_and_unknown_names_say_what_to_do() {
    let e = fails(&["distance", "Pokrovsk", "Kyiv"]);
    assert!(
        e.contains("ambiguous") && e.contains("Donetsk Oblast"),
        "{e}"
    );
    assert!(e.contains("Pokrovsk, UA"), "{e}");
    let e = fails(&["distance", "Dyagilevvo", "Kyiv"]);
    assert!(e.contains("did you mean") && e.contains("Dyagilevo"), "{e}");
    // country:UK is the United Kingdom, not Ukraine.
    let v = json(&["distance", "country:UK", "Kyiv"]);
    assert!(
        v["from"].as_str().unwrap().contains("United Kingdom"),
        "{v}"
    );
}

#[test]
fn where_reports_country_region_and_nearest_places() {
    let v = json(&["where", "49.9935,36.2304"]);
    assert_eq!(v["country"], "UA");
    assert_eq!(v["region"]["code"], "UA-63");
    assert_eq!(v["region"]["name"], "Kharkiv Oblast");
    assert_eq!(v["nearest_place"]["name"], "Kharkiv");
    assert!(v["nearest_place"]["km"].as_f64().unwrap() < 5.0);
    assert!(v["nearest_place"]["bearing"].is_number());
    assert!(v["nearest_airfield"]["name"].is_string());
    // Swapped latitude and longitude: Iran, at once.
    let v = json(&["where", "30.5234,50.4501"]);
    assert_eq!(v["country"], "IR");
    let text = stdout(&["where", "Olenya"]);
    assert!(
        text.contains("Murmansk Oblast") && text.contains("Arctic"),
        "{text}"
    );
    // At sea.
    let v = json(&["where", "43.5,34.0"]);
    assert_eq!(v["country"], Value::Null);
    assert_eq!(v["region"], Value::Null);
}

#[test]
fn find_lists_candidates_best_first() {
    let v = json(&["find", "Pokrovsk"]);
    let all = v.as_array().unwrap();
    assert!(all.len() >= 2, "{v}");
    assert!(
        all.iter()
            .any(|c| c["country"] == "UA" && c["region_code"] == "UA-14")
    );
    let v = json(&["find", "Київ"]);
    assert_eq!(v[0]["name"], "Kyiv");
    assert_eq!(v[0]["matched"], "other name");
    let v = json(&["find", "XLMO"]);
    assert_eq!(v[0]["kind"], "air_base");
    assert_eq!(v[0]["matched"], "code");
    let text = stdout(&["find", "Pokrovsk"]);
    assert!(text.contains("ambiguous"), "{text}");
}

#[test]
fn echoed_points_say_their_region() {
    let out = strikemap()
        .args(["distance", "49.9935,36.2304", "50.4501,30.5234"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("in Ukraine, Kharkiv Oblast"), "{text}");
}

#[test]
fn distances_where_adds_country_and_region_columns() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("events.csv");
    std::fs::write(
        &csv,
        "name,latitude,longitude\nKharkiv,49.9935,36.2304\nsea,43.5,34.0\nSimferopol,44.9521,34.1024\n",
    )
    .unwrap();
    let out = stdout(&[
        "distances",
        "--from",
        "country:RU",
        "--to",
        csv.to_str().unwrap(),
        "--where",
    ]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "name,latitude,longitude,distance_m,distance_km,distance_mi,inside,country,region_code,region"
    );
    assert!(
        lines.next().unwrap().ends_with(",UA,UA-63,Kharkiv Oblast"),
        "{out}"
    );
    assert!(lines.next().unwrap().ends_with(",false,,,"), "{out}");
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",UA,UA-43,Autonomous Republic of Crimea"),
        "{out}"
    );
    let v = json(&[
        "distances",
        "--from",
        "country:RU",
        "--to",
        csv.to_str().unwrap(),
        "--where",
    ]);
    assert_eq!(v[0]["region_code"], "UA-63");
    assert_eq!(v[1]["country"], Value::Null);
}
