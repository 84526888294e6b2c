//! `strikemap distance FROM TO`: the shortest distance between two targets.

use serde::Serialize;
use strikemap::{
    Unit,
    io::target_spec::{Separation, TargetSpec},
};

use crate::args::DistanceArgs;
use crate::errors::{CliResult, in_argument};
use crate::output::{Output, grouped};

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
    let from = TargetSpec::parse(&args.from).map_err(in_argument("FROM"))?;
    let to = TargetSpec::parse(&args.to).map_err(in_argument("TO"))?;
    let method = args.method.method();
    let unit = args.units.unit();
    let s = from.separation_to(&to, method);
    let mut out = Output::open(None)?;
    if args.json {
        out.json(&DistanceJson {
            from: from.to_string(),
            to: to.to_string(),
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

/// The text report.
fn text(
    from: &TargetSpec,
    to: &TargetSpec,
    s: &Separation,
    unit: Unit,
    method: strikemap::Method,
) -> String {
    let inside = match (s.inside, from, to) {
        (false, _, _) => "no".to_string(),
        (true, TargetSpec::Point(_), _) => format!("yes: {from} lies inside {to}"),
        (true, _, TargetSpec::Point(_)) => format!("yes: {to} lies inside {from}"),
        (true, _, _) => "yes: they overlap or cross (distance 0)".to_string(),
    };
    let model = match method {
        strikemap::Method::Geodesic => "geodesic (WGS84 ellipsoid)",
        strikemap::Method::Haversine => "haversine (sphere of radius 6,371,008.8 m)",
    };
    format!(
        "distance:  {}\n\
         from:      {from}\n  \
         nearest: {:.6}\n\
         to:        {to}\n  \
         nearest: {:.6}\n\
         inside:    {inside}\n\
         method:    {model}\n",
        in_units(s, unit),
        s.from,
        s.to,
    )
}
