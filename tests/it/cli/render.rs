//! `strikemap render` and `strikemap check --map`: the files written, what
//! they say, and the errors for names the renderer cannot write.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use predicates::prelude::*;

fn strikemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_strikemap"))
}

fn example(name: &str) -> String {
    format!("{}/examples/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn render_writes_png_svg_and_html() {
    let dir = tempfile::tempdir().unwrap();
    for (file, magic) in [
        ("map.png", &b"\x89PNG"[..]),
        ("map.svg", &b"<svg"[..]),
        ("map.html", &b"<!DOCTYPE html>"[..]),
    ] {
        let out = dir.path().join(file);
        strikemap()
            .args(["render", &example("scenario.geojson"), "-o"])
            .arg(&out)
            .args(["--width", "900", "--title", "Scenario <1>"])
            .assert()
            .success()
            .stderr(predicate::str::contains("projection:"));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{file}");
        if file != "map.png" {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains("Scenario &lt;1&gt;"), "{file}: escaped title");
            assert!(text.contains("Natural Earth"), "{file}: attribution");
        }
    }
}

#[test]
fn render_refuses_an_unknown_extension_and_a_missing_file() {
    strikemap()
        .args(["render", &example("scenario.geojson"), "-o", "map.jpg"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".png, .svg or .html"));
    strikemap()
        .args(["render", "no-such-file.geojson", "-o", "map.png"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-file.geojson"));
}

#[test]
fn check_map_draws_the_ring_of_a_point_reference_and_the_mixup() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("claim.svg");
    strikemap()
        .args([
            "check",
            "more than 4,300 miles",
            "--from",
            "Kyiv=50.4501,30.5234",
            "--to",
            "Ukrainka=51.17,128.445",
            "--to",
            "Belaya=52.915,103.575",
            "--map",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("verdict:"));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains("\u{201c}more than 4,300 miles\u{201d}"),
        "title"
    );
    assert!(svg.contains("Within 4,300 mi of Kyiv (the claimed figure)"));
    assert!(svg.contains("Within 4,300 km of Kyiv (the figure read in kilometres)"));
    assert!(svg.contains("Not supported"), "both fall short in miles");
    assert!(svg.contains("Projection: azimuthal equidistant centred on 50.45°N 30.52°E"));
}

#[test]
fn check_map_of_a_country_draws_its_buffer() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("claim.html");
    strikemap()
        .args([
            "check",
            "more than 1,000 km",
            "--from",
            "country:UA",
            "--to",
            "Olenya=68.1517,33.4650",
            "--map",
        ])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    // The area within 1,000 km of Ukraine, a geodesic buffer, is drawn and labelled.
    assert!(
        html.contains("Within 1,000 km of Ukraine"),
        "no buffer label"
    );
    assert!(!html.contains("No buffer drawn"));
    assert!(html.contains("L.CRS.Simple"));
}

#[test]
fn render_draws_a_kml_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kml.png");
    strikemap()
        .args([
            "render",
            &crate::common::fixture("kml/google_earth_pro.kml")
                .display()
                .to_string(),
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
}
