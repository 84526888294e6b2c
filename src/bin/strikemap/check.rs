//! `strikemap check CLAIM --from REF --to PLACE...`: a verdict on a
//! distance claim (or, with a front line and no places, a length claim).

use strikemap::{
    DistanceClaim, Error, Unit,
    claim::{CheckOptions, DistanceVerdict, LengthClaim},
    distance::Convention,
    io::target_spec::{ClaimReference, parse_endpoint},
};

use crate::args::CheckArgs;
use crate::errors::{CliResult, in_argument};
use crate::output::{Output, grouped};

/// Runs the command; the exit code is 0 whatever the verdict.
pub fn run(args: &CheckArgs) -> CliResult {
    if let (Some(control), Some(date)) = (&args.control, &args.date) {
        return run_on_control(args, control, date);
    }
    let from = args.from.as_deref().unwrap_or_default();
    let reference = ClaimReference::parse(from).map_err(in_argument("--from"))?;
    let options = CheckOptions::new().with_method(args.method.method());
    // The points read, each with the country it lies in.
    let mut read: Vec<(&str, String)> = Vec::new();
    if let ClaimReference::Place(p) = &reference {
        read.push(("--from", crate::echo::named(p.name(), p.position())));
    }
    let verdict = if args.to.is_empty() {
        length_verdict(args, &reference, &options)?
    } else {
        let places = args
            .to
            .iter()
            .map(|p| parse_endpoint(p).map_err(in_argument("--to")))
            .collect::<CliResult<Vec<_>>>()?;
        for place in &places {
            read.push(("--to", crate::echo::named(&place.name, place.position)));
        }
        let mut claim = DistanceClaim::parse_with(&args.claim, convention(args))
            .map_err(in_argument("CLAIM"))?;
        if let Some(reading) = args.reading {
            claim = claim.with_reading(reading.reading());
        }
        claim.check_with(&places, &reference, &options)?
    };
    if let Some(path) = &args.map {
        let names: Vec<&str> = std::iter::once(from)
            .chain(args.to.iter().map(String::as_str))
            .collect();
        crate::render::claim_map(&verdict, &reference, &names, path, args.width)?;
    }
    let mut out = Output::open(None)?;
    if args.json {
        // Standard output is JSON: the points read are shown on stderr.
        for (argument, shown) in &read {
            crate::echo::to_stderr(argument, shown);
        }
        out.json(&verdict)?;
    } else {
        out.text(&text(&verdict, &read))?;
    }
    out.finish()
}

/// A length claim against the line of contact of a control map on a date.
fn run_on_control(args: &CheckArgs, control: &std::path::Path, date: &str) -> CliResult {
    let (map, _) = crate::front::load(&crate::args::ControlArgs::of(control, None))?;
    let asked = crate::front::date(date, "--date")?;
    let day = map.as_of(asked).map_err(in_argument("--date"))?;
    let line = day.contact_line()?;
    let options = CheckOptions::new().with_method(args.method.method());
    let claim =
        LengthClaim::parse_with(&args.claim, convention(args)).map_err(in_argument("CLAIM"))?;
    let verdict = claim.check_with(line, &options)?;
    let mut out = Output::open(None)?;
    if args.json {
        out.json(&verdict)?;
    } else {
        let note = format!(
            "line of contact of {} on {} (snapshot of {})",
            map.name,
            asked,
            day.date_used()
        );
        out.text(&format!("{note}\n{}", text(&verdict, &[])))?;
    }
    out.finish()
}

/// How the claim's figures are read: `--decimal-comma`, or the default.
fn convention(args: &CheckArgs) -> Convention {
    if args.decimal_comma {
        Convention::DecimalComma
    } else {
        Convention::Unstated
    }
}

/// A claim about the length of the front line given as `--from`.
fn length_verdict(
    args: &CheckArgs,
    reference: &ClaimReference,
    options: &CheckOptions<'_>,
) -> CliResult<DistanceVerdict> {
    let ClaimReference::FrontLine(line) = reference else {
        return Err(Error::Format {
            expected: "at least one place (NAME=LAT,LON or LAT,LON) to measure from; \
                       only a claim about the length of a front line (a GeoJSON \
                       line as --from) needs none"
                .into(),
            found: "none".into(),
        }
        .at("argument --to")
        .into());
    };
    let claim =
        LengthClaim::parse_with(&args.claim, convention(args)).map_err(in_argument("CLAIM"))?;
    Ok(claim.check_with(line, options)?)
}

/// A measured value in the claim's unit and in km / mi.
fn value(metres: f64, unit: Unit) -> String {
    let show = |u: Unit| format!("{} {}", grouped(metres / u.metres(), 1), u.symbol());
    match unit {
        Unit::Kilometres => format!("{} ({})", show(Unit::Kilometres), show(Unit::Miles)),
        Unit::Miles => format!("{} ({})", show(Unit::Miles), show(Unit::Kilometres)),
        other => format!(
            "{} ({}, {})",
            show(other),
            show(Unit::Kilometres),
            show(Unit::Miles)
        ),
    }
}

/// The text report: verdict, the points read, subjects, readings, mix-up,
/// budget, explanation.
fn text(v: &DistanceVerdict, read: &[(&str, String)]) -> String {
    let mut s = String::new();
    s.push_str(&format!("claim:      {:?}\n", v.claim.text()));
    if let Some(r) = &v.reference {
        let scale = r
            .scale
            .as_deref()
            .map(|s| format!(", {s}"))
            .unwrap_or_default();
        s.push_str(&format!(
            "reference:  {} ({}{scale})\n",
            r.name,
            r.kind.name().replace('_', " ")
        ));
    }
    s.push_str(&format!(
        "verdict:    {} (reading: {}; method: {})\n",
        v.verdict.words().to_uppercase(),
        v.reading.words(),
        v.method
    ));
    if !read.is_empty() {
        s.push_str("\npoints read:\n");
        for (argument, shown) in read {
            s.push_str(&format!("  {argument:<7} {shown}\n"));
        }
    }
    s.push_str("\nsubjects:\n");
    for subject in &v.subjects {
        let inside = if subject.inside { ", inside" } else { "" };
        s.push_str(&format!(
            "  {}: {}{inside}, {}, margin {} {}\n",
            subject.name,
            value(subject.distance.as_metres(), v.unit),
            subject.verdict.words(),
            grouped(subject.margin_in_unit(), 1),
            v.unit.symbol(),
        ));
    }
    // With one subject every reading says the same: one line.
    if v.subjects.len() == 1
        && let Some(r) = v.readings.first()
    {
        s.push_str(&format!("\nreading:\n  {}\n", r.explanation));
    } else {
        s.push_str("\nreadings:\n");
        for r in &v.readings {
            s.push_str(&format!("  {}\n", r.explanation));
        }
    }
    if let Some(mixup) = &v.unit_mixup {
        s.push_str(&format!("\nunit mix-up: {}\n", mixup.summary));
    }
    s.push_str(&format!(
        "\nuncertainty: {}\n",
        value(v.uncertainty.total().as_metres(), v.unit)
    ));
    for part in v.uncertainty.parts() {
        s.push_str(&format!(
            "  {}: {} ({})\n",
            part.name.label(),
            value(part.metres, v.unit),
            part.note
        ));
    }
    s.push_str(&format!("\n{}\n", v.explanation));
    s
}
