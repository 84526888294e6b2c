//! Plain-language explanations of verdicts, with numbers in kilometres and
//! miles, for people to paste.

use super::mixup::UnitMixup;
use super::quantifier::{Band, Quantifier};
use super::rate::RateVerdict;
use super::verdict::{DistanceVerdict, Reading, ReferenceKind, SubjectResult, Verdict};
use crate::distance::{METRES_PER_KM, METRES_PER_MILE, StatedDistance, Unit};
use crate::measure::Method;
use crate::position::LatLon;

/// What the sentences of an explanation need to know about the claim.
pub(crate) struct Context<'a> {
    pub(crate) quantifier: Quantifier,
    pub(crate) stated: &'a StatedDistance,
    /// The accepted band, in metres.
    pub(crate) band: Band,
    /// The reference's name (`None` for a length claim).
    pub(crate) reference: Option<&'a str>,
    /// Whether the claim is about a length.
    pub(crate) length: bool,
}

/// `value` with `decimals` decimals and thousands grouped with commas:
/// `group(5888.8, 0)` is `"5,889"`.
pub(crate) fn group(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// A number with as many decimals as its size calls for: none from 100 up,
/// one from 10, two below.
pub(crate) fn auto(value: f64) -> String {
    let a = value.abs();
    let decimals = if a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else {
        2
    };
    group(value, decimals)
}

/// A percentage without trailing zeros: `65`, `65.5`, `33.3`.
pub(crate) fn percent_text(percent: f64) -> String {
    let text = format!("{percent:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_string()
}

/// `"5,889 km (3,659 mi)"`.
pub(crate) fn km_mi(metres: f64) -> String {
    format!(
        "{} km ({} mi)",
        auto(metres / METRES_PER_KM),
        auto(metres / METRES_PER_MILE)
    )
}

/// A small length for an uncertainty: `"11 m"`, `"3.5 km"`.
pub(crate) fn metres_text(metres: f64) -> String {
    if metres.abs() < METRES_PER_KM {
        format!("{} m", group(metres, 0))
    } else {
        format!("{} km", auto(metres / METRES_PER_KM))
    }
}

/// A length in the claim's unit, then in km and mi where that unit is
/// neither: `"4,300 mi (6,920 km)"`, `"300 km (186 mi)"`.
fn in_unit(metres: f64, unit: Unit) -> String {
    let value = auto(metres / unit.metres());
    match unit {
        Unit::Kilometres => format!("{value} km ({} mi)", auto(metres / METRES_PER_MILE)),
        Unit::Miles => format!("{value} mi ({} km)", auto(metres / METRES_PER_KM)),
        Unit::Metres | Unit::NauticalMiles => {
            format!("{value} {} ({})", unit.symbol(), km_mi(metres))
        }
    }
}

/// A position as printed in explanations.
fn at(p: LatLon) -> String {
    format!("{p:.4}")
}

/// The band in words: "more than 4,300 mi (6,920 km)", "between ...".
fn band_words(band: &Band, unit: Unit) -> String {
    match (band.low, band.high) {
        (Some(l), None) => format!(
            "{} {}",
            if l.inclusive { "at least" } else { "more than" },
            in_unit(l.value, unit)
        ),
        (None, Some(h)) => format!(
            "{} {}",
            if h.inclusive { "at most" } else { "less than" },
            in_unit(h.value, unit)
        ),
        (Some(l), Some(h)) => format!(
            "from {} to {}",
            in_unit(l.value, unit),
            in_unit(h.value, unit)
        ),
        (None, None) => "any size".to_string(),
    }
}

/// "Dyagilevo is 460 km (286 mi) from Ukraine" / "... lies inside Ukraine" /
/// "the line is 1,002 km (623 mi) long".
fn measured_words(s: &SubjectResult, ctx: &Context<'_>) -> String {
    match ctx.reference {
        None => format!("{} is {} long", s.name, km_mi(s.distance.as_metres())),
        Some(r) if s.inside => format!("{} lies inside {r}", s.name),
        Some(r) => format!("{} is {} from {r}", s.name, km_mi(s.distance.as_metres())),
    }
}

/// How a subject's value stands against the band: "4,014 mi (6,460 km)
/// short of the limit", "1,200 mi (1,931 km) inside the limit".
fn standing_words(s: &SubjectResult, ctx: &Context<'_>) -> String {
    let unit = ctx.stated.unit();
    let amount = in_unit(s.margin.as_metres().abs(), unit);
    let u = s.uncertainty.total().as_metres();
    let limit = if ctx.band.low.is_some() && ctx.band.high.is_some() {
        "the accepted range"
    } else {
        "the limit"
    };
    let side = if s.satisfies {
        format!("{amount} inside {limit}")
    } else if ctx.band.is_below(s.distance.as_metres()) {
        format!("{amount} short of {limit}")
    } else {
        format!("{amount} beyond {limit}")
    };
    if s.verdict == Verdict::Borderline {
        format!("{side}, within its uncertainty of {}", metres_text(u))
    } else {
        side
    }
}

/// One sentence on the verdict under a reading.
pub(crate) fn reading(
    reading: Reading,
    verdict: Verdict,
    decider: &SubjectResult,
    subjects: &[SubjectResult],
    ctx: &Context<'_>,
) -> String {
    let n = subjects.len();
    let k = subjects.iter().filter(|s| s.satisfies).count();
    let detail = format!(
        "{}, {}",
        measured_words(decider, ctx),
        standing_words(decider, ctx)
    );
    if n == 1 {
        return format!("{}: {detail}.", capitalise(verdict.words()));
    }
    match reading {
        Reading::Every => format!(
            "Every subject: {}, {k} of {n} lie in the accepted range; the one that fares worst: {detail}.",
            verdict.words()
        ),
        Reading::Farthest => format!("The farthest subject alone: {}; {detail}.", verdict.words()),
        Reading::Any => format!(
            "Any subject: {}; the one that fares best: {detail}.",
            verdict.words()
        ),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The reference point a subject was measured to, in words.
fn reference_point_words(
    s: &SubjectResult,
    kind: Option<ReferenceKind>,
    reference: &str,
) -> String {
    match (s.reference_point, kind) {
        (_, _) if s.inside => format!("it lies inside {reference}"),
        (Some(p), Some(ReferenceKind::Territory)) => {
            format!("measured to the border point of {reference} at {}", at(p))
        }
        (Some(p), Some(ReferenceKind::FrontLine)) => {
            format!("measured to the nearest point of the line at {}", at(p))
        }
        (Some(p), _) => format!("measured to {reference} at {}", at(p)),
        (None, _) => String::new(),
    }
}

fn method_words(method: Method) -> &'static str {
    match method {
        Method::Geodesic => "on the WGS84 ellipsoid",
        Method::Haversine => "on a sphere (haversine, as asked; up to 0.56 % off the ellipsoid)",
    }
}

/// The paragraph for a distance or length verdict.
pub(crate) fn distance(v: &DistanceVerdict, ctx: &Context<'_>) -> String {
    let mut out: Vec<String> = Vec::new();
    let claim_text = v.claim.text();
    let source = v.claim.source();
    let cited = if source.title.is_empty() {
        String::new()
    } else {
        format!(" ({source})")
    };
    out.push(match v.claim.claimed_by() {
        Some(who) => format!("{who} said: \u{201c}{claim_text}\u{201d}{cited}."),
        None => format!("Claim: \u{201c}{claim_text}\u{201d}{cited}."),
    });
    let unit = ctx.stated.unit();
    let what = if ctx.length { "length" } else { "distance" };
    let wording = if ctx.quantifier == Quantifier::Exactly {
        "a bare figure".to_string()
    } else {
        format!(
            "\u{201c}{} {}\u{201d}",
            ctx.quantifier.phrase(),
            ctx.stated.text()
        )
    };
    out.push(format!(
        "Read as {wording}, it accepts a {what} of {}.",
        band_words(&ctx.band, unit)
    ));
    let n = v.subjects.len();
    let mut sorted: Vec<&SubjectResult> = v.subjects.iter().collect();
    sorted.sort_by(|a, b| a.distance.as_metres().total_cmp(&b.distance.as_metres()));
    match &v.reference {
        None => {
            if let Some(s) = v.subjects.first() {
                out.push(format!(
                    "Measured {} along its edges, the line \u{201c}{}\u{201d} is {} long.",
                    method_words(v.method),
                    s.name,
                    km_mi(s.distance.as_metres())
                ));
            }
        }
        Some(r) => {
            let target = match r.kind {
                ReferenceKind::Territory => format!(
                    "the nearest point of {}{}",
                    r.name,
                    r.scale
                        .as_deref()
                        .map(|s| format!(" (boundary data at {s})"))
                        .unwrap_or_default()
                ),
                ReferenceKind::FrontLine => format!(
                    "the nearest point of the front line \u{201c}{}\u{201d}{}",
                    r.name,
                    if r.approximate {
                        " (an approximate sketch)"
                    } else {
                        ""
                    }
                ),
                ReferenceKind::Place => r.name.clone(),
                ReferenceKind::Line => "the nearest point of the line".to_string(),
                ReferenceKind::Area => "the nearest point of the area".to_string(),
            };
            let list: Vec<String> = sorted
                .iter()
                .map(|s| {
                    if s.inside {
                        format!("{} inside", s.name)
                    } else {
                        format!("{} {}", s.name, km_mi(s.distance.as_metres()))
                    }
                })
                .collect();
            if n == 1 {
                out.push(format!(
                    "Measured {} from {} to {target}: {} ({}).",
                    method_words(v.method),
                    v.subjects[0].name,
                    if v.subjects[0].inside {
                        "0 km".to_string()
                    } else {
                        km_mi(v.subjects[0].distance.as_metres())
                    },
                    reference_point_words(&v.subjects[0], Some(r.kind), &r.name)
                ));
            } else {
                out.push(format!(
                    "Measured {} from each of the {n} subjects to {target}: {}.",
                    method_words(v.method),
                    list.join(", ")
                ));
                let (near, far) = (sorted[0], sorted[n - 1]);
                out.push(format!(
                    "The nearest, {}, was {}; the farthest, {}, was {}.",
                    near.name,
                    reference_point_words(near, Some(r.kind), &r.name),
                    far.name,
                    reference_point_words(far, Some(r.kind), &r.name)
                ));
            }
        }
    }
    if let Some(stated) = v.reading(v.reading) {
        let as_stated = if n == 1 {
            String::new()
        } else {
            format!(" (about {}, as stated)", v.reading.words())
        };
        out.push(format!(
            "Verdict{as_stated}: {}. {}",
            v.verdict.words().to_uppercase(),
            stated.explanation
        ));
    }
    if n > 1 {
        let others: Vec<String> = v
            .readings
            .iter()
            .filter(|r| r.reading != v.reading)
            .map(|r| {
                format!(
                    "{} \u{2014} {} (decided by {})",
                    r.reading.words(),
                    r.verdict.words(),
                    r.decided_by
                )
            })
            .collect();
        out.push(format!("Other readings: {}.", others.join("; ")));
    }
    let parts: Vec<String> = v
        .uncertainty
        .parts()
        .iter()
        .map(|p| format!("{} {}", p.name.label(), metres_text(p.metres)))
        .collect();
    out.push(format!(
        "Uncertainty budget: at most {} \u{2014} {} \u{2014} added as a worst case; a subject is borderline when the limit lies within its budget.",
        km_mi(v.uncertainty.total().as_metres()),
        parts.join(", ")
    ));
    if let Some(m) = &v.unit_mixup {
        out.push(m.summary.clone());
    }
    out.join(" ")
}

/// The findings of a unit mix-up diagnosis in words.
pub(crate) fn mixup(m: &UnitMixup, stated: &StatedDistance, subjects: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    let value = group(stated.value(), 9)
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string();
    let mut units: Vec<Unit> = Vec::new();
    for h in &m.holds_under {
        if !units.contains(&h.unit) {
            units.push(h.unit);
        }
    }
    for unit in units {
        let readings: Vec<&str> = m
            .holds_under
            .iter()
            .filter(|h| h.unit == unit)
            .map(|h| match h.reading {
                Reading::Every => "every subject",
                Reading::Farthest => "the farthest subject",
                Reading::Any => "any subject",
            })
            .collect();
        let metres = stated.value() * unit.metres();
        let whom = if subjects == 1 {
            String::new()
        } else {
            format!(" for {}", readings.join(" and for "))
        };
        out.push(format!(
            "Possible unit mix-up: the claim would hold{whom} if the figure was {} ({value} {} = {}).",
            unit.name(),
            unit.symbol(),
            match unit {
                Unit::Kilometres => format!("{} mi", auto(metres / METRES_PER_MILE)),
                _ => format!("{} km", auto(metres / METRES_PER_KM)),
            }
        ));
    }
    for x in &m.matches {
        out.push(format!(
            "{value} matches {}'s distance in {} ({} {}).",
            x.subject,
            x.unit.name(),
            auto(x.value),
            x.unit.symbol()
        ));
    }
    out.join(" ")
}

/// The paragraph for a rate verdict.
pub(crate) fn rate(v: &RateVerdict) -> String {
    let c = &v.claim;
    let cited = if c.source.title.is_empty() {
        String::new()
    } else {
        format!(" ({})", c.source)
    };
    let mut out = vec![match &c.claimed_by {
        Some(who) => format!("{who} said: \u{201c}{}\u{201d}{cited}.", c.text),
        None => format!("Claim: \u{201c}{}\u{201d}{cited}.", c.text),
    }];
    let m = v.evidence.out_of.unwrap_or(0);
    out.push(format!(
        "{} reported {} out of {m} {}: {} %.",
        v.evidence.claimed_by,
        v.evidence.count,
        v.evidence.kind.name(),
        percent_text(v.rate * 100.0)
    ));
    let pct = |f: f64| format!("{} %", percent_text(f * 100.0));
    let band = match (v.band.low, v.band.high) {
        (Some(l), None) => format!(
            "{} {}",
            if l.inclusive { "at least" } else { "more than" },
            pct(l.value)
        ),
        (None, Some(h)) => format!(
            "{} {}",
            if h.inclusive { "at most" } else { "less than" },
            pct(h.value)
        ),
        (Some(l), Some(h)) => format!("from {} to {}", pct(l.value), pct(h.value)),
        (None, None) => "any rate".into(),
    };
    let widened = if v.count_step_points > 0.0 {
        format!(
            ", allowing half a count ({} points) either side",
            percent_text(v.count_step_points)
        )
    } else {
        String::new()
    };
    out.push(format!(
        "Read as \u{201c}{} {}\u{201d}, it accepts {band}{widened}.",
        c.quantifier.phrase(),
        c.stated.text()
    ));
    let standing = if v.satisfies {
        format!(
            "{} percentage points inside the accepted range",
            percent_text(v.margin_points.abs())
        )
    } else {
        format!(
            "{} percentage points outside it",
            percent_text(v.margin_points.abs())
        )
    };
    let borderline = if v.verdict == Verdict::Borderline {
        format!(
            ", within the stated rounding of {} points",
            percent_text(v.stated_precision_points)
        )
    } else {
        String::new()
    };
    out.push(format!(
        "Verdict: {}: {} % is {standing}{borderline}.",
        v.verdict.words().to_uppercase(),
        percent_text(v.rate * 100.0)
    ));
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(group(5888.8, 0), "5,889");
        assert_eq!(group(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(group(-641.2, 0), "-641");
        assert_eq!(group(-0.2, 0), "0");
        assert_eq!(auto(12.345), "12.3");
        assert_eq!(auto(0.5), "0.50");
        assert_eq!(km_mi(6_920_179.0), "6,920 km (4,300 mi)");
        assert_eq!(metres_text(11.13), "11 m");
        assert_eq!(metres_text(3500.0), "3.50 km");
        assert_eq!(percent_text(65.0), "65");
        assert_eq!(percent_text(100.0 / 3.0), "33.3");
    }
}
