//! `strikemap distance FROM TO`: the shortest distance between two targets.

use serde::Serialize;
use strikemap::{
    Unit,
    io::target_spec::{Separation, TargetSpec},
};

use crate::args::DistanceArgs;
use crate::errors::CliResult;
use crate::output::{Output, grouped};
use crate::target::{self, Target};

/// The `--json` form.
#[derive(Serialize)]
struct DistanceJson {
    from: String,
    to: String,
    metres: f64,
    km: f64,
    mi: f64,
    unit: &'static str,
    value: f64,
    nearest_from: [f64; 2],
    nearest_to: [f64; 2],
    inside: bool,
    method: &'static str,
}

/// Runs the command.
pub fn run(args: &DistanceArgs) -> CliResult {
    let from = target::read(&args.from, "FROM", &args.narrow)?;
    let to = target::read(&args.to, "TO", &args.narrow)?;
    target::check_narrowing_used(&[&from, &to], &args.narrow)?;
    let method = args.method.method();
    let unit = args.units.unit();
    let s = from.spec.separation_to(&to.spec, method);
    let mut out = Output::open(None)?;
    if args.json {
        // Standard output is JSON: the points read are shown on stderr.
        for (argument, t) in [("FROM", &from), ("TO", &to)] {
            if t.spec.as_point().is_some() {
                crate::echo::to_stderr(argument, &t.shown);
            }
        }
        out.json(&DistanceJson {
            from: from.shown.clone(),
            to: to.shown.clone(),
            metres: s.distance.as_metres(),
            km: s.distance.as_km(),
            mi: s.distance.as_miles(),
            unit: unit.symbol(),
            value: s.distance.as_unit(unit),
            nearest_from: s.from.to_lat_lon(),
            nearest_to: s.to.to_lat_lon(),
            inside: s.inside,
            method: method.name(),
        })?;
    } else {
        out.text(&text(&from, &to, &s, unit, method))?;
    }
    out.finish()
}

/// The distance in `unit`, then in the other common unit(s).
fn in_units(s: &Separation, unit: Unit) -> String {
    let show = |u: Unit| {
        let decimals = if u == Unit::Metres { 1 } else { 3 };
        format!(
            "{} {}",
            grouped(s.distance.as_unit(u), decimals),
            u.symbol()
        )
    };
    let others: Vec<String> = match unit {
        Unit::Kilometres => vec![show(Unit::Miles)],
        Unit::Miles => vec![show(Unit::Kilometres)],
        _ => vec![show(Unit::Kilometres), show(Unit::Miles)],
    };
    format!("{} ({})", show(unit), others.join(", "))
}

/// The text report; a point is shown with the country it lies in, a file
/// with what of it was measured to.
fn text(
    from: &Target,
    to: &Target,
    s: &Separation,
    unit: Unit,
    method: strikemap::Method,
) -> String {
    let inside = match (s.inside, &from.spec, &to.spec) {
        (false, _, _) => "no".to_string(),
        (true, TargetSpec::Point(p), _) => format!("yes: {p} lies inside {}", to.shown),
        (true, _, TargetSpec::Point(p)) => format!("yes: {p} lies inside {}", from.shown),
        (true, _, _) => "yes: they overlap or cross (distance 0)".to_string(),
    };
    let model = match method {
        strikemap::Method::Geodesic => "geodesic (WGS84 ellipsoid)",
        strikemap::Method::Haversine => "haversine (sphere of radius 6,371,008.8 m)",
    };
    format!(
        "distance:  {}\n\
         from:      {}\n  \
         nearest: {:.6}\n\
         to:        {}\n  \
         nearest: {:.6}\n\
         inside:    {inside}\n\
         method:    {model}\n",
        in_units(s, unit),
        from.shown,
        s.from,
        to.shown,
        s.to,
    )
}
