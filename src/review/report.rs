//! A review as a fact-check to paste (Markdown) and as the article with its
//! findings highlighted (one self-contained HTML page).

use std::fmt::Write as _;

use super::finding::{Outcome, Review};
use crate::Verdict;

/// The CSS class and colour of an outcome.
fn class(outcome: &Outcome) -> (&'static str, &'static str) {
    match outcome.verdict() {
        Some(Verdict::Supported) => ("supported", "#1a7f37"),
        Some(Verdict::NotSupported) => ("not-supported", "#cf222e"),
        Some(Verdict::Borderline) => ("borderline", "#9a6700"),
        None => ("cannot-check", "#57606a"),
    }
}

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A reason as a sentence: its first letter upper-case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// Escapes text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

impl Review {
    /// The review as plain text, as `strikemap review` prints it: each
    /// sentence that holds findings in quotes, then its findings numbered in
    /// article order with their kind, text, verdict and reason on a line of
    /// its own, then the tally.
    ///
    /// ```
    /// let r = strikemap::review::review("Russia launched 472 drones.", &Default::default())?;
    /// let text = r.text();
    /// assert!(text.starts_with("\u{201c}Russia launched 472 drones.\u{201d}\n  1. count \u{201c}472 drones\u{201d}: cannot check"));
    /// assert!(text.ends_with("1 not checkable.\n"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut last_sentence = None;
        for (i, f) in self.findings.iter().enumerate() {
            if last_sentence != Some(f.sentence_span) {
                let _ = write!(out, "\n\u{201c}{}\u{201d}\n", f.sentence);
                last_sentence = Some(f.sentence_span);
            }
            let _ = write!(
                out,
                "  {}. {} \u{201c}{}\u{201d}: {}\n     {}\n",
                i + 1,
                f.kind,
                f.text,
                f.outcome.label(),
                f.outcome.reason()
            );
        }
        let _ = writeln!(out, "\n{}", self.tally());
        out.trim_start().to_string()
    }

    /// The review as a Markdown fact-check: a summary line, then a table of
    /// the findings in article order (claim, kind, verdict, why).
    ///
    /// ```
    /// let r = strikemap::review::review("Russia launched 472 drones.", &Default::default())?;
    /// let md = r.markdown("Overnight attack");
    /// assert!(md.starts_with("# Fact-check: Overnight attack"));
    /// assert!(md.contains("| \"472 drones\" | count | cannot check: needs a source |"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn markdown(&self, title: &str) -> String {
        let mut out = format!("# Fact-check: {title}\n\n{}\n\n", self.tally());
        out.push_str("| claim | kind | verdict | why |\n| --- | --- | --- | --- |\n");
        for f in &self.findings {
            let _ = writeln!(
                out,
                "| \"{}\" | {} | {} | {} |",
                cell(&f.text),
                f.kind,
                f.outcome.label(),
                cell(&capitalised(f.outcome.reason()))
            );
        }
        out.push_str(
            "\nChecked with strikemap: distances on the WGS84 ellipsoid; places from the bundled gazetteer (GeoNames, CC BY 4.0; OurAirports, public domain) and Natural Earth boundaries (public domain).\n",
        );
        out
    }

    /// The article as one self-contained HTML page (no scripts, no network):
    /// each finding highlighted in its verdict's colour, with the verdict
    /// and reason in a numbered note beside it and in a list at the end.
    /// Overlapping findings are highlighted once, with all their notes.
    ///
    /// ```
    /// let r = strikemap::review::review("Russia launched 472 drones.", &Default::default())?;
    /// let html = r.html("Overnight attack");
    /// assert!(html.contains("<mark class=\"cannot-check\" title=\"1: cannot check: needs a source\""));
    /// assert!(!html.contains("<script"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn html(&self, title: &str) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fact-check: {}</title>\n<style>\n\
             body{{font:17px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328}}\n\
             mark{{background:none;border-bottom:3px solid;padding:0 1px}}\n\
             mark.supported{{border-color:#1a7f37;background:#dafbe1}} mark.not-supported{{border-color:#cf222e;background:#ffebe9}}\n\
             mark.borderline{{border-color:#9a6700;background:#fff8c5}} mark.cannot-check{{border-color:#8c959f;background:#f6f8fa}}\n\
             sup a{{text-decoration:none;font:bold 12px sans-serif}}\n\
             ol.notes li{{margin:.4rem 0;font:14px/1.4 sans-serif}} .label{{font-weight:bold}}\n\
             .tally{{font:14px sans-serif;color:#57606a}}\n</style></head><body>\n<h1>Fact-check: {}</h1>\n",
            escape(title),
            escape(title)
        );
        let t = self.tally();
        // The tally doubles as the key to the highlight colours.
        let _ = writeln!(
            out,
            "<p class=\"tally\">{} claims found: <mark class=\"supported\">{} supported</mark>, <mark class=\"not-supported\">{} not supported</mark>, <mark class=\"borderline\">{} borderline</mark>, <mark class=\"cannot-check\">{} not checkable</mark>.</p>",
            t.findings, t.supported, t.not_supported, t.borderline, t.cannot_check
        );
        // Group overlapping findings into one highlight.
        let chars: Vec<char> = self.article.chars().collect();
        let mut groups: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        for (i, f) in self.findings.iter().enumerate() {
            match groups.last_mut() {
                Some((_, end, members)) if f.span.start < *end => {
                    *end = (*end).max(f.span.end);
                    members.push(i);
                }
                _ => groups.push((f.span.start, f.span.end, vec![i])),
            }
        }
        let mut body = String::new();
        let mut at = 0;
        for (start, end, members) in &groups {
            body.push_str(&escape(&chars[at..*start].iter().collect::<String>()));
            // The group takes the colour of its worst outcome.
            let worst = members
                .iter()
                .map(|i| &self.findings[*i].outcome)
                .min_by_key(|o| o.verdict().map_or(3, |v| v.rank()))
                .map_or(("cannot-check", ""), class);
            let tip: Vec<String> = members
                .iter()
                .map(|i| format!("{}: {}", i + 1, self.findings[*i].outcome.label()))
                .collect();
            let _ = write!(
                body,
                "<mark class=\"{}\" title=\"{}\">{}</mark>",
                worst.0,
                escape(&tip.join("; ")),
                escape(&chars[*start..*end].iter().collect::<String>())
            );
            for i in members {
                let _ = write!(
                    body,
                    "<sup><a href=\"#n{}\" id=\"r{}\">{}</a></sup>",
                    i + 1,
                    i + 1,
                    i + 1
                );
            }
            at = *end;
        }
        body.push_str(&escape(
            &chars[at.min(chars.len())..].iter().collect::<String>(),
        ));
        for paragraph in body.split("\n\n") {
            let p = paragraph.trim();
            if !p.is_empty() {
                let _ = writeln!(out, "<p>{}</p>", p.replace('\n', "<br>"));
            }
        }
        out.push_str("<h2>Findings</h2>\n<ol class=\"notes\">\n");
        for (i, f) in self.findings.iter().enumerate() {
            let (_, colour) = class(&f.outcome);
            let _ = writeln!(
                out,
                "<li id=\"n{}\"><a href=\"#r{}\">\u{2191}</a> <q>{}</q> ({}): <span class=\"label\" style=\"color:{colour}\">{}</span>. {}</li>",
                i + 1,
                i + 1,
                escape(&f.text),
                f.kind,
                escape(&f.outcome.label()),
                escape(&capitalised(f.outcome.reason()))
            );
        }
        out.push_str(
            "</ol>\n<p class=\"tally\">Checked with strikemap: distances on the WGS84 ellipsoid; places from GeoNames (CC BY 4.0) and OurAirports (public domain); boundaries from Natural Earth (public domain).</p>\n</body></html>\n",
        );
        out
    }
}
