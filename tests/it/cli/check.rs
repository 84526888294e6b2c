//! `strikemap check`: verdicts as text and JSON, length claims, and every
//! error path (a claim that cannot be read, bad places, bad references).

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

/// The five air bases hit on 1 June 2025 (positions as in examples/june_2025).
const BASES: [&str; 5] = [
    "Olenya=68.1517,33.4650",
    "Belaya=52.915,103.575",
    "Dyagilevo=54.6417,39.5717",
    "Ivanovo Severny=57.0583,40.9817",
    "Ukrainka=51.17,128.445",
];

fn check_args(claim: &str, reference: &str, places: &[&str]) -> Vec<String> {
    let mut args = vec![
        "check".to_string(),
        claim.to_string(),
        "--from".into(),
        reference.into(),
    ];
    for p in places {
        args.push("--to".into());
        args.push((*p).to_string());
    }
    args
}

fn json(args: &[String]) -> Value {
    let out = strikemap().args(args).arg("--json").assert().success();
    // Nothing on stderr but the points read, each with its country.
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.lines().all(|l| l.starts_with("strikemap: read --")),
        "{stderr}"
    );
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

fn fails(args: &[String]) -> String {
    let out = strikemap().args(args).assert().code(2).stdout("");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("strikemap: error: "), "{stderr}");
    stderr
}

#[test]
fn the_4300_mile_claim_as_json() {
    let v = json(&check_args("more than 4,300 miles", "country:UA", &BASES));
    assert_eq!(v["verdict"], "not_supported");
    let subjects = v["subjects"].as_array().unwrap();
    assert_eq!(subjects.len(), 5);
    for s in subjects {
        assert_eq!(s["satisfies"], Value::Bool(false), "{s}");
        assert!(s["metres"].as_f64().unwrap() > 400_000.0);
    }
    let olenya = &subjects[0];
    assert_eq!(olenya["name"], "Olenya");
    assert!(
        (olenya["km"].as_f64().unwrap() - 1_760.2).abs() < 1.0,
        "{olenya}"
    );
    let readings: Vec<&str> = v["readings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reading"].as_str().unwrap())
        .collect();
    assert_eq!(readings, ["every", "farthest", "any"]);
    for r in v["readings"].as_array().unwrap() {
        assert_eq!(r["verdict"], "not_supported");
    }
    // In kilometres the farthest base would do; Belaya is 4,303 km away.
    let mixup = &v["unit_mixup"];
    assert!(
        mixup["holds_under"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["unit"] == "kilometres" && h["reading"] == "farthest")
    );
    assert!(
        mixup["matches"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["subject"] == "Belaya")
    );
    assert!(v["uncertainty"]["metres"].as_f64().unwrap() > 0.0);
    assert!(v["explanation"].as_str().unwrap().contains("Ukraine"));
}

#[test]
fn a_supported_claim_has_no_mixup() {
    let v = json(&check_args(
        "more than 1,000 km",
        "country:UKR",
        &["Olenya=68.1517N,33.4639E"],
    ));
    assert_eq!(v["verdict"], "supported");
    assert_eq!(v["subjects"][0]["satisfies"], Value::Bool(true));
    assert_eq!(v["unit_mixup"], Value::Null);
}

#[test]
fn point_reference_bare_places_and_reading() {
    // Kharkiv is about 410 km from Kyiv.
    let v = json(&check_args(
        "within 300 km",
        "Kyiv=50.4501,30.5234",
        &["49.9935,36.2304"],
    ));
    assert_eq!(v["verdict"], "not_supported");
    assert_eq!(v["subjects"][0]["name"], "49.9935,36.2304");
    let mut args = check_args(
        "within 500 km",
        "50.4501,30.5234",
        &["Kharkiv=49.9935,36.2304", "Olenya=68.1517,33.4650"],
    );
    args.extend(["--reading".to_string(), "any".to_string()]);
    let v = json(&args);
    assert_eq!(v["reading"], "any");
    assert_eq!(v["verdict"], "supported");
}

#[test]
fn geojson_reference_and_haversine() {
    let mut args = check_args(
        "more than 100 km",
        &fixture("frontline.geojson"),
        &["Kyiv=50.4501,30.5234"],
    );
    args.extend(["--method".to_string(), "haversine".to_string()]);
    let v = json(&args);
    assert_eq!(v["method"], "haversine");
    assert_eq!(v["reference"]["kind"], "front_line");
    assert_eq!(v["verdict"], "supported");
}

#[test]
fn length_claim_about_a_front_line() {
    let v = json(&check_args(
        "the roughly 620-mile front line",
        &fixture("frontline.geojson"),
        &[],
    ));
    assert!(v["verdict"].is_string());
    let line = &v["subjects"][0];
    // The sketched line is about 578 km long.
    assert!((line["km"].as_f64().unwrap() - 578.0).abs() < 5.0, "{line}");
}

#[test]
fn text_output_has_verdict_subjects_and_explanation() {
    strikemap()
        .args(check_args("more than 4,300 miles", "country:UA", &BASES))
        .assert()
        .success()
        .stdout(predicate::str::contains("verdict:    NOT SUPPORTED"))
        .stdout(predicate::str::contains("Ukrainka: 3,659."))
        .stdout(predicate::str::contains("unit mix-up:"))
        .stdout(predicate::str::contains("uncertainty:"))
        .stdout(predicate::str::contains("Claim: “more than 4,300 miles”"));
}

#[test]
fn exit_code_is_0_whatever_the_verdict() {
    for claim in [
        "more than 4,300 miles",
        "more than 100 miles",
        "about 1,094 miles",
    ] {
        strikemap()
            .args(check_args(claim, "country:UA", &["Olenya=68.1517,33.4650"]))
            .assert()
            .code(0);
    }
}

#[test]
fn a_claim_that_cannot_be_read() {
    let e = fails(&check_args(
        "very far from Ukraine",
        "country:UA",
        &BASES[..1],
    ));
    assert!(
        e.contains("argument CLAIM: cannot read a claim from \"very far from Ukraine\""),
        "{e}"
    );
}

#[test]
fn bad_places_and_references() {
    let e = fails(&check_args("within 300 km", "country:UA", &["Qwxzy Vvq"]));
    assert!(
        e.contains("argument --to: unknown place \"Qwxzy Vvq\""),
        "{e}"
    );
    let e = fails(&check_args("within 300 km", "country:UA", &["Pokrovsk"]));
    assert!(
        e.contains("argument --to: \"Pokrovsk\" is ambiguous"),
        "{e}"
    );
    let e = fails(&check_args(
        "within 300 km",
        "country:UA",
        &["Olenya=98,33"],
    ));
    assert!(
        e.contains("argument --to: latitude 98 is out of range"),
        "{e}"
    );
    let e = fails(&check_args("within 300 km", "country:Narnia", &BASES[..1]));
    assert!(
        e.contains("argument --from: unknown country \"Narnia\""),
        "{e}"
    );
    let e = fails(&check_args(
        "within 300 km",
        "no/such/ref.geojson",
        &BASES[..1],
    ));
    assert!(e.contains("argument --from: no/such/ref.geojson: "), "{e}");
    let e = fails(&check_args(
        "within 300 km",
        &fixture("bases.geojson"),
        &BASES[..1],
    ));
    assert!(
        e.contains("expected one place, territory or front line"),
        "{e}"
    );
    let e = fails(&check_args("within 300 km", "country:UA", &[]));
    assert!(
        e.contains("argument --to: expected at least one place"),
        "{e}"
    );
}

#[test]
fn help_shows_an_example() {
    strikemap()
        .args(["check", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "strikemap check \"more than 4,300 miles\"",
        ));
}

/// With one subject the three readings say the same: one line, not three.
/// Every point read is listed with its country.
#[test]
fn one_subject_prints_one_reading() {
    let out = strikemap()
        .args([
            "check",
            "within 300 km",
            "--from",
            "Kyiv=50.4501,30.5234",
            "--to",
            "49.9935,36.2304",
        ])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let reading = "Not supported: 49.9935,36.2304 is 410 km";
    assert_eq!(
        text.matches(reading).count(),
        2,
        "reading + explanation: {text}"
    );
    assert!(text.contains("\nreading:\n  Not supported"), "{text}");
    assert!(
        text.contains("  --from  Kyiv: 50.4501°N, 30.5234°E — in Ukraine, Kyiv"),
        "{text}"
    );
    assert!(
        text.contains("  --to    49.9935°N, 36.2304°E — in Ukraine, Kharkiv Oblast\n"),
        "{text}"
    );
    // With --json, on stderr.
    let out = strikemap()
        .args([
            "check",
            "within 300 km",
            "--from",
            "50.4501,30.5234",
            "--to",
            "36.2304,49.9935",
            "--json",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("strikemap: read --to as 36.2304°N, 49.9935°E — in Iran"),
        "{stderr}"
    );
}

#[test]
fn an_ambiguous_figure_is_refused_unless_decimal_comma_is_passed() {
    let args = check_args("over 4.300 km", "country:UA", &["Olenya=68.1517,33.4639"]);
    let stderr = fails(&args);
    assert!(
        stderr.contains("argument CLAIM: \"4.300 km\" is ambiguous: 4,300 km with \".\" grouping thousands, or 4.3 km with \".\" as the decimal point"),
        "{stderr}"
    );
    assert!(stderr.contains("--decimal-comma"), "{stderr}");
    let mut args = args;
    args.push("--decimal-comma".into());
    let v = json(&args);
    assert_eq!(v["claim"]["stated"]["value"], 4300.0, "{v}");
    let v = json(&check_args(
        "over 4.3 km",
        "country:UA",
        &["Olenya=68.1517,33.4639"],
    ));
    assert_eq!(v["claim"]["stated"]["value"], 4.3, "{v}");
}

#[test]
fn zero_figures_for_a_place_inside_the_reference() {
    for (claim, verdict) in [
        ("within 0 km", "supported"),
        ("at least 0 m", "supported"),
        ("less than 0 m", "not_supported"),
    ] {
        let v = json(&check_args(claim, "country:UA", &["Kyiv=50.4501,30.5234"]));
        assert_eq!(v["verdict"], verdict, "{claim}: {v}");
    }
}

/// Issue 17: `check --from` reads a lone Feature, and says what it measured to.
#[test]
fn a_single_feature_reference() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("square.geojson");
    std::fs::write(
        &path,
        r#"{"type": "Feature", "properties": {"name": "Square"},
            "geometry": {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 51], [30, 50]]]}}"#,
    )
    .unwrap();
    let v = json(&check_args(
        "more than 100 km",
        path.to_str().unwrap(),
        &["Kharkiv=49.99,36.23"],
    ));
    assert_eq!(v["reference"]["kind"], "territory");
    assert_eq!(v["reference"]["name"], "Square");
    assert_eq!(v["verdict"], "supported");
}
