//! `strikemap front`, `distances --control` and `check --control` on the
//! synthetic control maps of `scripts/control/make_synthetic.py`, whose
//! answers come from pyproj and shapely.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

use crate::common::fixture;

fn strikemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strikemap"))
}

fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("control/expected.json")).unwrap())
        .unwrap()
}

fn path(name: &str) -> String {
    fixture(name).display().to_string()
}

#[test]
fn front_reports_areas_lengths_and_change_as_json() {
    let exp = expected();
    let dir = tempfile::tempdir().unwrap();
    let line = dir.path().join("line.geojson");
    let out = strikemap()
        .args([
            "front",
            "--control",
            &path("control/held"),
            "--within",
            &path("control/country.geojson"),
        ])
        .args([
            "--date",
            "2025-06-20",
            "--since",
            "2025-06-03",
            "--json",
            "-o",
        ])
        .arg(&line)
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let want = &exp["snapshots"]["2025-06-15"];
    assert_eq!(v["date_used"], "2025-06-15");
    assert_eq!(v["date_asked"], "2025-06-20");
    approx::assert_relative_eq!(
        v["held_km2"].as_f64().unwrap(),
        want["held_km2"].as_f64().unwrap(),
        max_relative = 1e-9
    );
    approx::assert_relative_eq!(
        v["held_within_km2"].as_f64().unwrap(),
        want["held_within_km2"].as_f64().unwrap(),
        max_relative = 1e-6
    );
    approx::assert_abs_diff_eq!(
        v["contact_length_km"].as_f64().unwrap() * 1000.0,
        want["contact_length_m"].as_f64().unwrap(),
        epsilon = 0.05
    );
    let tolerances: Vec<f64> = v["generalised"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["tolerance_km"].as_f64().unwrap())
        .collect();
    assert_eq!(tolerances, [0.5, 1.0, 2.0, 5.0]);
    // Since 3 June: the 1 June snapshot, so the change is the fixture's.
    assert_eq!(v["since"]["date_used"], "2025-06-01");
    approx::assert_relative_eq!(
        v["gained_km2"].as_f64().unwrap(),
        exp["change"]["gained_km2"].as_f64().unwrap(),
        max_relative = 1e-6
    );
    assert_eq!(v["lost_km2"].as_f64().unwrap(), 0.0);
    // The GeoJSON: the line and the gained area.
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&line).unwrap()).unwrap();
    let kinds: Vec<&str> = written["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["front_line", "territory"]);
}

#[test]
fn distances_adds_held_and_front_distance_at_each_rows_date() {
    let exp = expected();
    let out = strikemap()
        .args([
            "distances",
            "--from",
            "country:UA",
            "--to",
            &path("control/events.csv"),
            "--json",
        ])
        .args([
            "--control",
            &path("control/held"),
            "--within",
            &path("control/country.geojson"),
        ])
        .assert()
        .success();
    let rows: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("1 row(s)")
            && stderr.contains("before the first control snapshot (2025-06-01)"),
        "{stderr}"
    );
    for (row, e) in rows
        .as_array()
        .unwrap()
        .iter()
        .zip(exp["events"].as_array().unwrap())
    {
        match e.get("held") {
            Some(held) => {
                assert_eq!(&row["held"], held, "{row}");
                approx::assert_abs_diff_eq!(
                    row["front_distance_km"].as_f64().unwrap() * 1000.0,
                    e["front_distance_m"].as_f64().unwrap(),
                    epsilon = 0.01
                );
            }
            None => assert!(
                row["held"].is_null() && row["front_distance_km"].is_null(),
                "{row}"
            ),
        }
    }
    // --strict makes the undated row an error.
    strikemap()
        .args([
            "distances",
            "--from",
            "country:UA",
            "--to",
            &path("control/events.csv"),
            "--strict",
        ])
        .args([
            "--control",
            &path("control/held"),
            "--within",
            &path("control/country.geojson"),
        ])
        .assert()
        .code(2);
}

#[test]
fn check_takes_a_length_claim_to_the_line_of_contact() {
    let out = strikemap()
        .args([
            "check",
            "about 160 miles",
            "--control",
            &path("control/held"),
            "--date",
            "2025-06-02",
            "--json",
        ])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let parts: Vec<&str> = v["uncertainty"]["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(parts.contains(&"resolution"), "{parts:?}");
    assert!(v["verdict"].is_string(), "{v}");
}

#[test]
fn a_date_before_the_first_snapshot_is_refused() {
    let out = strikemap()
        .args([
            "front",
            "--control",
            &path("control/held"),
            "--date",
            "2025-05-01",
        ])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr
            .contains("no control snapshot on or before 2025-05-01: the first is dated 2025-06-01"),
        "{stderr}"
    );
}
