//! The report itself reviewed: the claim sentences of the June 2025 report
//! (`examples/data/june_2025_report.txt`, quoted in DEVELOPERS.md) through
//! `review`, with the scenario's names and subjects, printed in article
//! order and written as a Markdown fact-check, an HTML page and JSON.

use std::path::Path;

use strikemap::Catalog;
use strikemap::review::{Context, review};

/// The report's claim sentences, as the article gives them.
pub const REPORT_TEXT: &str = include_str!("../data/june_2025_report.txt");

pub fn report(c: &Catalog, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    // The scenario's names win over the gazetteer, and "the targets" are
    // its five air bases.
    let r = review(REPORT_TEXT, &Context::new().with_scenario(c))?;
    println!("\nThe report reviewed (strikemap review, with the scenario):\n");
    for line in r.text().lines() {
        println!("  {line}");
    }
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
