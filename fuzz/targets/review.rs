//! Fuzz target `review`: whole articles through `review::review`, its JSON,
//! Markdown and HTML.
//!
//! The first byte chooses the context (bit 0: the June 2025 scenario of the
//! review corpus; bits 1–2: the number convention unstated, decimal point
//! or decimal comma); the rest, read as UTF-8 with invalid bytes replaced,
//! is the article.
//!
//! Invariants: nothing panics and `review` returns no error; every
//! finding's span is a character range of the article that holds exactly
//! the finding's text, inside its sentence span, whose characters are the
//! finding's sentence; findings come in article order; every finding has a
//! verdict or a reason it cannot be checked, and a non-empty reason; the
//! review serializes to JSON with one entry per finding and a tally that
//! adds up; the HTML contains no tag but the report's own (the article is
//! escaped) and the Markdown has one table row per finding.
#![allow(
    clippy::panic,
    reason = "a fuzz target reports a broken invariant by panicking"
)]

use std::sync::OnceLock;

use strikemap::Catalog;
use strikemap::distance::Convention;
use strikemap::io::geojson::{ImportOptions, Imported};
use strikemap::review::{Context, review};

/// The longest input looked at, in bytes.
const MAX_LEN: usize = 16 * 1024;

/// The tags the HTML report writes (each `<` of the output starts one).
const TAGS: &[&str] = &[
    "!DOCTYPE html>",
    "html ",
    "/html>",
    "head>",
    "/head>",
    "meta ",
    "title>",
    "/title>",
    "style>",
    "/style>",
    "body>",
    "/body>",
    "h1>",
    "/h1>",
    "h2>",
    "/h2>",
    "p>",
    "p class=",
    "/p>",
    "mark class=",
    "/mark>",
    "sup>",
    "/sup>",
    "a href=",
    "/a>",
    "br>",
    "ol class=",
    "/ol>",
    "li id=",
    "/li>",
    "q>",
    "/q>",
    "span class=",
    "/span>",
];

/// The scenario of the review corpus (air bases, cities, Ukraine, a front line).
fn scenario() -> &'static Catalog {
    static SCENARIO: OnceLock<Catalog> = OnceLock::new();
    SCENARIO.get_or_init(|| {
        let text = include_str!("../../tests/fixtures/review/june_2025.geojson");
        Imported::parse(text, &ImportOptions::default())
            .and_then(|i| i.to_catalog())
            .unwrap_or_else(|e| panic!("fixture: {}", e.report()))
    })
}

/// Runs one input.
pub fn run(data: &[u8]) {
    if data.len() > MAX_LEN {
        return;
    }
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut context = Context::new().with_convention(match (mode >> 1) % 3 {
        0 => Convention::Unstated,
        1 => Convention::DecimalPoint,
        _ => Convention::DecimalComma,
    });
    if mode & 1 == 1 {
        context = context.with_scenario(scenario());
    }
    let r = review(&text, &context)
        .unwrap_or_else(|e| panic!("review failed on {text:?}: {}", e.report()));
    let chars: Vec<char> = text.chars().collect();
    let mut last = (0, 0);
    for f in &r.findings {
        let (s, e) = (f.span.start, f.span.end);
        assert!(
            s < e && e <= chars.len(),
            "span {s}..{e} of {} chars: {f:?}",
            chars.len()
        );
        let at: String = chars[s..e].iter().collect();
        assert_eq!(at, f.text, "the span does not hold the finding's text");
        let (ss, se) = (f.sentence_span.start, f.sentence_span.end);
        assert!(
            ss <= s && e <= se,
            "span {s}..{e} outside its sentence {ss}..{se}"
        );
        let sentence: String = chars[ss..se].iter().collect();
        assert_eq!(
            sentence, f.sentence,
            "the sentence span does not hold the sentence"
        );
        assert!((s, e) >= last, "findings out of article order");
        last = (s, e);
        assert!(
            f.outcome.verdict().is_some() != f.outcome.cannot_check().is_some(),
            "a finding needs exactly one of a verdict and a reason it cannot be checked"
        );
        assert!(
            !f.outcome.reason().trim().is_empty(),
            "an empty reason: {f:?}"
        );
    }
    let json: serde_json::Value =
        serde_json::to_value(&r).unwrap_or_else(|e| panic!("the review does not serialize: {e}"));
    let listed = json["findings"].as_array().map_or(0, Vec::len);
    assert_eq!(listed, r.findings.len(), "JSON findings");
    let t = r.tally();
    assert_eq!(
        t.supported + t.not_supported + t.borderline + t.cannot_check,
        t.findings,
        "the tally does not add up"
    );
    let html = r.html("fuzz");
    for (i, _) in html.match_indices('<') {
        let after = &html[i + 1..];
        assert!(
            TAGS.iter().any(|tag| after.starts_with(tag)),
            "an unexpected tag in the HTML: {:?}",
            after.chars().take(40).collect::<String>()
        );
    }
    let markdown = r.markdown("fuzz");
    let rows = markdown.lines().filter(|l| l.starts_with("| \"")).count();
    assert_eq!(rows, r.findings.len(), "one Markdown table row per finding");
}
