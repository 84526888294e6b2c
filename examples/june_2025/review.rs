//! The report itself reviewed: the claim sentences of the June 2025 report
//! (`examples/data/june_2025_report.txt`, quoted in DEVELOPERS.md) through
//! `review`, with the scenario's names and subjects, printed in article
//! order and written as a Markdown fact-check, an HTML page and JSON.

use std::path::Path;

use strikemap::Catalog;
use strikemap::review::{Context, review};

use crate::textwrap;

/// The report's claim sentences, as the article gives them.
pub const REPORT_TEXT: &str = include_str!("../data/june_2025_report.txt");

pub fn report(c: &Catalog, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    // The scenario's names win over the gazetteer, and "the targets" are
    // its five air bases.
    let r = review(REPORT_TEXT, &Context::new().with_scenario(c))?;
    println!("\nThe report reviewed (strikemap review, with the scenario):");
    let mut sentence = None;
    for (i, f) in r.findings.iter().enumerate() {
        if sentence != Some(f.sentence_span) {
            println!("\n  \u{201c}{}\u{201d}", f.sentence);
            sentence = Some(f.sentence_span);
        }
        println!(
            "  {:>2}. {} \u{201c}{}\u{201d}: {}",
            i + 1,
            f.kind,
            f.text,
            f.outcome.label()
        );
        println!("{}", textwrap(f.outcome.reason(), 78, "      "));
    }
    let t = r.tally();
    println!(
        "\n  {} claims found: {} supported, {} not supported, {} borderline, {} not checkable.",
        t.findings, t.supported, t.not_supported, t.borderline, t.cannot_check
    );
    let title = "the June 2025 report";
    std::fs::write(out.join("review.md"), r.markdown(title))?;
    std::fs::write(out.join("review.html"), r.html(title))?;
    std::fs::write(out.join("review.json"), serde_json::to_string_pretty(&r)?)?;
    println!(
        "Wrote the fact-check to {} (and review.md, review.json)",
        out.join("review.html").display()
    );
    Ok(())
}
