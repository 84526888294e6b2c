#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `review` against the committed corpora of test articles: every expected
//! finding found (recall), no finding that is not expected (precision), each
//! with the expected outcome, and the distances and bearings the corpus
//! computed with pyproj and shapely.
//!
//! - `tests/fixtures/review/` (see its README), the corpus the rules were
//!   tuned on (`scripts/review/make_expected.py`): must have no problem.
//! - `tests/fixtures/review_holdout/` (see its README), written blind and
//!   frozen before `review` first ran on it (`scripts/review/make_holdout.py`):
//!   the same checks, printed; NOT yet asserted problem-free (see
//!   `holdout_precision_recall_and_outcomes`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use strikemap::io::geojson::{ImportOptions, Imported};
use strikemap::review::{Check, Context, Finding, Review, review};

/// A corpus folder under `tests/fixtures/`.
fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

/// Where the scenarios the corpora name live (both use the tuned corpus's
/// copy of june_2025).
fn scenario_dir() -> PathBuf {
    fixtures("review")
}

/// The articles of a corpus: (name, text, expectations).
fn corpus(dir: &str) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for txt in names {
        let json = txt.with_extension("json");
        let text = std::fs::read_to_string(&txt).unwrap();
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", json.display()));
        let name = txt.file_stem().unwrap().to_string_lossy().into_owned();
        out.push((name, text, expected));
    }
    out
}

/// The character span of the `occurrence`-th `key` in `text`.
fn key_span(text: &str, key: &str, occurrence: usize) -> (usize, usize) {
    let (byte, _) = text
        .match_indices(key)
        .nth(occurrence - 1)
        .unwrap_or_else(|| panic!("{key:?} occurrence {occurrence} is not in the article"));
    let start = text[..byte].chars().count();
    (start, start + key.chars().count())
}

/// What a finding's outcome is called in the corpus.
fn outcome_name(f: &Finding) -> (String, Option<String>) {
    match (f.outcome.verdict(), f.outcome.cannot_check()) {
        (Some(v), _) => (v.name().to_string(), None),
        (None, Some(c)) => ("cannot_check".to_string(), Some(c.name().to_string())),
        (None, None) => unreachable!(),
    }
}

/// The review of one article with the context its expectations name.
fn run(text: &str, expected: &Value) -> Review {
    let scenario = expected["scenario"].as_str().map(|name| {
        let path = scenario_dir().join(format!("{name}.geojson"));
        Imported::from_path(&path, &ImportOptions::default())
            .and_then(|i| i.to_catalog())
            .unwrap()
    });
    let mut context = Context::new();
    if let Some(c) = &scenario {
        context = context.with_scenario(c);
    }
    if let Some(map) = expected["subjects"].as_object() {
        for (phrase, names) in map {
            let names: Vec<String> = names
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap().to_string())
                .collect();
            context = context.with_subjects(phrase.as_str(), names);
        }
    }
    review(text, &context).unwrap()
}

/// Checks the numbers a finding's check gives against the corpus's.
fn numbers_agree(f: &Finding, e: &Value, problems: &mut Vec<String>) {
    if let (Some(measured), Some(Check::Distance(v))) = (e["measured_km"].as_object(), checked(f)) {
        for (name, km) in measured {
            let Some(s) = v.subjects.iter().find(|s| s.name == *name) else {
                problems.push(format!("subject {name} missing from {:?}", f.text));
                continue;
            };
            let ours = s.distance.as_km();
            let theirs = km.as_f64().unwrap();
            // The corpus measures to a boundary densified every 1 km with
            // pyproj: its minimum is within metres of the exact one.
            if (ours - theirs).abs() > 0.05 {
                problems.push(format!("{name}: {ours:.3} km, corpus {theirs:.3} km"));
            }
        }
    }
    if let (Some(theirs), Some(Check::Direction { bearing_deg, .. })) =
        (e["bearing_deg"].as_f64(), checked(f))
    {
        // The corpus's centroid comes from shapely on an equal-area
        // projection: within a few km of the spherical one, so within 1°.
        let off = ((bearing_deg - theirs + 540.0) % 360.0 - 180.0).abs();
        if off > 1.0 {
            problems.push(format!("bearing {bearing_deg:.2}°, corpus {theirs:.2}°"));
        }
    }
}

fn checked(f: &Finding) -> Option<&Check> {
    match &f.outcome {
        strikemap::review::Outcome::Checked { check, .. } => Some(check),
        _ => None,
    }
}

/// What one corpus gave.
struct Score {
    articles: usize,
    expected: usize,
    found: usize,
    matched: usize,
    outcome_ok: usize,
    /// kind → (expected, matched, outcome agrees)
    by_kind: BTreeMap<String, (usize, usize, usize)>,
    problems: Vec<String>,
}

/// Runs `review` on every article of a corpus and compares.
fn score(dir: &str) -> Score {
    let mut sc = Score {
        articles: 0,
        expected: 0,
        found: 0,
        matched: 0,
        outcome_ok: 0,
        by_kind: BTreeMap::new(),
        problems: Vec::new(),
    };
    let problems = &mut sc.problems;
    for (name, text, expected) in corpus(dir) {
        sc.articles += 1;
        let r = run(&text, &expected);
        let wanted = expected["findings"].as_array().unwrap();
        let mut used = vec![false; r.findings.len()];
        for e in wanted {
            let kind = e["kind"].as_str().unwrap();
            let key = e["key"].as_str().unwrap();
            let occurrence = e["occurrence"].as_u64().unwrap_or(1) as usize;
            let (ks, ke) = key_span(&text, key, occurrence);
            let entry = sc.by_kind.entry(kind.to_string()).or_default();
            entry.0 += 1;
            let hit = r.findings.iter().enumerate().position(|(i, f)| {
                !used[i] && f.kind.name() == kind && f.span.start <= ks && ke <= f.span.end
            });
            let Some(i) = hit else {
                problems.push(format!("{name}: missed {kind} {key:?} (#{occurrence})"));
                continue;
            };
            used[i] = true;
            entry.1 += 1;
            let f = &r.findings[i];
            let (outcome, reason) = outcome_name(f);
            let want = e["outcome"].as_str().unwrap();
            let want_reason = e["reason"].as_str();
            if outcome == want && (want != "cannot_check" || reason.as_deref() == want_reason) {
                sc.outcome_ok += 1;
                entry.2 += 1;
            } else {
                problems.push(format!(
                    "{name}: {kind} {:?}: {outcome} {reason:?}, expected {want} {want_reason:?} ({})",
                    f.text,
                    f.outcome.reason()
                ));
            }
            let mut numbers = Vec::new();
            numbers_agree(f, e, &mut numbers);
            problems.extend(numbers.into_iter().map(|p| format!("{name}: {key:?}: {p}")));
        }
        for (i, f) in r.findings.iter().enumerate() {
            if !used[i] {
                problems.push(format!("{name}: unexpected {} {:?}", f.kind, f.text));
            }
        }
        for friend in expected["false_friends"].as_array().into_iter().flatten() {
            let friend = friend.as_str().unwrap();
            if text.contains(friend) {
                let (fs, fe) = key_span(&text, friend, 1);
                if let Some(f) = r.findings.iter().find(|f| {
                    f.span.start < fe
                        && fs < f.span.end
                        && f.figure
                            .contains(friend.split_whitespace().next().unwrap_or(friend))
                }) {
                    problems.push(format!(
                        "{name}: false friend {friend:?} inside {} {:?}",
                        f.kind, f.text
                    ));
                }
            }
        }
        sc.expected += wanted.len();
        sc.found += r.findings.len();
        sc.matched += used.iter().filter(|u| **u).count();
    }
    sc
}

/// Prints a corpus's numbers (`--nocapture` shows them).
fn print(label: &str, sc: &Score) {
    let precision = sc.matched as f64 / sc.found.max(1) as f64;
    let recall = sc.matched as f64 / sc.expected.max(1) as f64;
    eprintln!(
        "{label}: {} articles, {} expected, {} found, {} matched: precision {:.1} %, recall {:.1} %, outcomes agree {}/{}",
        sc.articles,
        sc.expected,
        sc.found,
        sc.matched,
        100.0 * precision,
        100.0 * recall,
        sc.outcome_ok,
        sc.matched
    );
    for (kind, (e, m, ok)) in &sc.by_kind {
        eprintln!("  {kind}: {m}/{e} found, {ok}/{m} outcomes agree");
    }
}

/// Prints a corpus's numbers and fails with its problems, if any.
fn print_and_assert_clean(label: &str, sc: &Score) {
    print(label, sc);
    assert!(
        sc.problems.is_empty(),
        "{} problems:\n{}",
        sc.problems.len(),
        sc.problems.join("\n")
    );
}

#[test]
fn corpus_precision_recall_and_outcomes() {
    let sc = score("review");
    assert!(sc.articles >= 10, "the corpus has {} articles", sc.articles);
    print_and_assert_clean("review corpus", &sc);
}

/// The held-out corpus (`tests/fixtures/review_holdout/`, written blind
/// from the module docs only). At first contact (src/ at a31b541) it gave
/// precision 100 %, recall 95.1 % (78 of 82) and outcomes 71/78; the
/// twelve problems it showed are fixed (see its README), so it now guards
/// against regressions like the tuned corpus. It is no longer held out:
/// the next blind corpus must be new articles.
#[test]
fn holdout_precision_recall_and_outcomes() {
    let articles = corpus("review_holdout");
    assert!(
        articles.len() >= 8,
        "the held-out corpus has {} articles",
        articles.len()
    );
    for (name, text, expected) in &articles {
        for e in expected["findings"].as_array().unwrap() {
            let key = e["key"].as_str().unwrap();
            let occurrence = e["occurrence"].as_u64().unwrap() as usize;
            assert!(
                text.match_indices(key).count() >= occurrence,
                "{name}: {key:?} #{occurrence}"
            );
        }
        for friend in expected["false_friends"].as_array().unwrap() {
            let friend = friend.as_str().unwrap();
            assert_eq!(
                text.matches(friend).count(),
                1,
                "{name}: false friend {friend:?}"
            );
        }
    }
    if let Some(python) = std::env::var_os("STRIKEMAP_FIXTURE_PYTHON") {
        let status = std::process::Command::new(python)
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/review/make_holdout.py"))
            .arg("--check")
            .status()
            .unwrap();
        assert!(
            status.success(),
            "make_holdout.py --check disagrees with the committed JSON"
        );
    }
    print_and_assert_clean("review held-out corpus", &score("review_holdout"));
}

/// DEVELOPERS.md quotes the June 2025 report's claim sentences: the quote
/// block between its markers is `examples/data/june_2025_report.txt`,
/// paragraph for paragraph.
#[test]
fn developers_md_quotes_the_report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let md = std::fs::read_to_string(root.join("DEVELOPERS.md")).unwrap();
    let begin = "<!-- june_2025_report.txt: begin -->\n";
    let start = md.find(begin).expect("begin marker") + begin.len();
    let end = md[start..]
        .find("<!-- june_2025_report.txt: end -->")
        .expect("end marker")
        + start;
    let quoted: Vec<String> = md[start..end]
        .split("\n>\n")
        .map(|p| p.trim().trim_start_matches("> ").to_string())
        .collect();
    let report = std::fs::read_to_string(root.join("examples/data/june_2025_report.txt")).unwrap();
    let paragraphs: Vec<String> = report
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    assert_eq!(quoted, paragraphs);
}
