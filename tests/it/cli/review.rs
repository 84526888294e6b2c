//! `strikemap review ARTICLE`: the terminal list, `--json` keys, Markdown,
//! HTML, `--scenario`, `--subjects`, standard input and its error paths.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const REPORT: &str = "examples/data/june_2025_report.txt";
const SCENARIO: &str = "tests/fixtures/review/june_2025.geojson";

fn strikemap() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_strikemap"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn json(args: &[&str]) -> Value {
    let out = strikemap().args(args).arg("--json").assert().success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

/// Runs the command and expects it to fail with every one of `words` on
/// stderr.
fn fails_saying(args: &[String], words: &[&str]) {
    let out = strikemap().args(args).assert().failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    for word in words {
        assert!(stderr.contains(word), "{args:?}: no {word:?} in {stderr:?}");
    }
}

fn finding<'a>(v: &'a Value, text_part: &str) -> &'a Value {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"].as_str().unwrap().contains(text_part))
        .unwrap_or_else(|| panic!("no finding with {text_part:?} in {v}"))
}

#[test]
fn json_has_the_stable_keys_in_article_order() {
    let v = json(&["review", REPORT, "--scenario", SCENARIO]);
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.len() >= 10, "{} findings", findings.len());
    let mut last = 0;
    for f in findings {
        for key in [
            "sentence",
            "sentence_span",
            "span",
            "kind",
            "text",
            "figure",
            "reason",
        ] {
            assert!(f.get(key).is_some(), "no {key} in {f}");
        }
        // Exactly one of a verdict (with its check) and cannot_check.
        assert_ne!(
            f.get("verdict").is_some(),
            f.get("cannot_check").is_some(),
            "{f}"
        );
        if f.get("verdict").is_some() {
            assert!(f["check"].is_object(), "{f}");
        }
        let start = f["span"][0].as_u64().unwrap();
        assert!(start >= last, "out of order: {f}");
        last = start;
    }
    let t = &v["tally"];
    assert_eq!(t["findings"].as_u64().unwrap() as usize, findings.len());

    // The span is a character range of the article holding the text.
    let article: Vec<char> =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(REPORT))
            .unwrap()
            .chars()
            .collect();
    for f in findings {
        let (s, e) = (
            f["span"][0].as_u64().unwrap() as usize,
            f["span"][1].as_u64().unwrap() as usize,
        );
        let at: String = article[s..e].iter().collect();
        assert_eq!(at, f["text"].as_str().unwrap());
    }

    // "the targets" are the scenario's five air bases: Ukrainka is 3,659
    // miles from Ukraine, so "more than 4,300 miles" is not supported for
    // every one, and the full distance check comes with it.
    let targets = finding(&v, "4,300 miles");
    assert_eq!(targets["kind"], "distance");
    assert_eq!(targets["verdict"], "not_supported");
    assert_eq!(targets["quantifier"], "more_than");
    assert_eq!(targets["subjects"], "the targets");
    assert_eq!(targets["reference"], "Ukraine");
    assert_eq!(targets["check"]["subjects"].as_array().unwrap().len(), 5);
    // Counts need a source; the share is checked for consistency.
    assert_eq!(finding(&v, "472 drones")["cannot_check"], "needs_source");
    assert_eq!(finding(&v, "52 out of 80")["kind"], "share");
    assert_eq!(finding(&v, "52 out of 80")["verdict"], "supported");
    // The scenario has a front line: the length is checked.
    let front = finding(&v, "620-mile");
    assert_eq!(front["kind"], "length");
    assert!(front.get("verdict").is_some(), "{front}");
    // Kharkiv is in the north-east of Ukraine.
    assert_eq!(finding(&v, "north-eastern")["verdict"], "supported");
}

#[test]
fn without_a_scenario_the_targets_are_the_places_named_before() {
    let v = json(&["review", REPORT]);
    // "the targets" are the five places named earlier in the paragraph,
    // not Moscow (a landmark: "near Moscow").
    let targets = finding(&v, "4,300 miles");
    let names: Vec<&str> = targets["check"]["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(!names.contains(&"Moscow"), "{names:?}");
    assert_eq!(targets["verdict"], "not_supported");
    // The front line needs a control map.
    let front = finding(&v, "620-mile");
    assert_eq!(front["cannot_check"], "needs_control_map");
    assert!(
        front["reason"].as_str().unwrap().contains("--control"),
        "{front}"
    );
}

#[test]
fn subjects_map_a_phrase_to_places() {
    let v = json(&[
        "review",
        REPORT,
        "--subjects",
        "the targets=Olenya Air Base,Belaya Air Base",
    ]);
    let targets = finding(&v, "4,300 miles");
    assert_eq!(targets["verdict"], "not_supported", "{targets}");
    let names: Vec<&str> = targets["check"]["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn bad_subjects_are_refused_naming_the_argument_and_the_name() {
    let subjects = |mapping: &str| ["review", REPORT, "--subjects", mapping].map(str::to_string);
    fails_saying(&subjects("the targets"), &["--subjects", "PHRASE=NAME"]);
    fails_saying(&subjects("=Olenya"), &["--subjects"]);
    fails_saying(
        &subjects("the targets=Olenya Air Base,Nowhereville"),
        &["--subjects", "name 2", "Nowhereville"],
    );
    // A phrase the article does not use is worth a note, not an error.
    strikemap()
        .args([
            "review",
            REPORT,
            "--subjects",
            "the depots=Kharkiv",
            "--json",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("\"the depots\" does not occur"));
}

#[test]
fn terminal_output_lists_sentences_verdicts_and_a_tally() {
    let out = strikemap()
        .args(["review", REPORT, "--scenario", SCENARIO])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("\u{201c}Russia launched 472 drones in one night.\u{201d}"),
        "{text}"
    );
    assert!(
        text.contains("count \u{201c}472 drones\u{201d}: cannot check"),
        "{text}"
    );
    assert!(text.contains("not supported"), "{text}");
    let last = text.lines().last().unwrap();
    assert!(
        last.contains("claims found:") && last.contains("supported"),
        "{last}"
    );
}

#[test]
fn markdown_and_html_reports() {
    let out = strikemap()
        .args(["review", REPORT, "--markdown", "--title", "June 2025"])
        .assert()
        .success();
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(md.starts_with("# Fact-check: June 2025\n"), "{md}");
    assert!(md.contains("| claim | kind | verdict | why |"), "{md}");
    assert!(
        md.contains("| \"472 drones\" | count | cannot check: needs a source |"),
        "{md}"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.html");
    strikemap()
        .args(["review", REPORT, "--scenario", SCENARIO, "--html", "-o"])
        .arg(&path)
        .assert()
        .success();
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // The default title is the file name; self-contained: no scripts, no
    // links to fetch.
    assert!(html.contains("<title>Fact-check: june_2025_report</title>"));
    assert!(
        !html.contains("<script") && !html.contains("http"),
        "not self-contained"
    );
    assert!(html.contains("<mark class=\"not-supported\" title="));
    assert!(html.contains("<mark class=\"cannot-check\" title="));
    // Every finding has its note.
    let v = json(&["review", REPORT, "--scenario", SCENARIO]);
    let n = v["findings"].as_array().unwrap().len();
    assert_eq!(html.matches("<li id=\"n").count(), n);
}

#[test]
fn output_formats_conflict() {
    fails_saying(
        &["review", REPORT, "--json", "--html"].map(str::to_string),
        &["cannot be used with"],
    );
}

#[test]
fn standard_input_is_read_for_a_dash() {
    let out = strikemap()
        .args(["review", "-", "--json"])
        .write_stdin("Kharkiv is about 410 km from Kyiv. It is 4.300 km from Lisbon.")
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(finding(&v, "410 km")["verdict"], "supported");
    assert_eq!(finding(&v, "4.300 km")["cannot_check"], "ambiguous_number");
    // --decimal-comma says how the article writes numbers.
    let out = strikemap()
        .args(["review", "-", "--json", "--decimal-comma"])
        .write_stdin("Kharkiv is about 4.300 km from Lisbon.")
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(finding(&v, "4.300 km").get("verdict").is_some(), "{v}");
}

#[test]
fn unreadable_articles_are_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"Kharkiv is 410 km from Kyiv.\n\xe9t\xe9\n").unwrap();
    let bad = bad.to_string_lossy().into_owned();
    fails_saying(
        &["review".to_string(), bad],
        &["latin1.txt", "UTF-8", "byte 29"],
    );
    let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    fails_saying(
        &args(&["review", "no/such/article.txt"]),
        &["no/such/article.txt"],
    );
    fails_saying(
        &args(&["review", REPORT, "--scenario", "no/such/scenario.geojson"]),
        &["--scenario"],
    );
    fails_saying(
        &args(&["review", REPORT, "--control", "examples/data/control/held"]),
        &["--date"],
    );
}

#[test]
fn a_control_map_checks_the_front_line() {
    let v = json(&[
        "review",
        REPORT,
        "--control",
        "examples/data/control/held",
        "--date",
        "2025-06-20",
    ]);
    let front = finding(&v, "620-mile");
    assert!(front.get("verdict").is_some(), "{front}");
    assert_eq!(
        front["check"]["kind"].as_str().unwrap_or("length"),
        "length",
        "{front}"
    );
}
