//! `strikemap front --control PATH --date DATE`: the held area, the line of
//! contact and its length at several resolutions, and (`--since`) the ground
//! that changed hands, from the user's own control map files.

use serde_json::{Value, json};
use strikemap::{
    Date, Distance, Error, FrontLine, MapExport, Territory, countries,
    io::control::{Loaded, ReadOptions, read},
    io::geojson::{ExportOptions, ImportOptions, Imported, MapFeature},
    io::target_spec::TargetSpec,
    model::{AsOf, ContactOptions, ControlMap, Generalised},
    regions,
};

use crate::args::{ControlArgs, FrontArgs};
use crate::errors::{CliError, CliResult, in_argument};
use crate::output::{Output, grouped};

/// Reads the control map the flags name, with its contact settings; bad
/// files are listed on stderr with `--skip-bad`.
pub fn load(args: &ControlArgs) -> CliResult<(ControlMap, Territory)> {
    let mut options = ReadOptions::new();
    if let Some(only) = &args.only {
        let Some((key, value)) = only.split_once('=') else {
            return Err(Error::Format {
                expected: "KEY=VALUE (e.g. status=Russian-controlled)".into(),
                found: format!("{only:?}"),
            }
            .at("argument --only")
            .into());
        };
        options = options.with_only(key.trim(), value.trim());
    }
    if args.skip_bad {
        options = options.skipping_bad();
    }
    let Loaded { map, skipped, .. } =
        read(&args.control, &options).map_err(in_argument("--control"))?;
    for s in &skipped {
        crate::print_stderr(&format!(
            "strikemap: warning: skipped {}",
            crate::errors::report_line(&s.error)
        ));
    }
    let within = match &args.within {
        Some(text) => within(text)?,
        None => default_within(&map)?,
    };
    let mut contact = ContactOptions::new(within.clone());
    if let Some(text) = &args.border_tolerance {
        let d = Distance::parse(text).map_err(in_argument("--border-tolerance"))?;
        contact = contact
            .with_tolerance(d)
            .map_err(in_argument("--border-tolerance"))?;
    }
    Ok((map.with_contact(contact), within))
}

/// The territory `--within` names: `country:CODE` or `region:CODE`
/// (Ukraine at 1:10m, the finest bundled).
fn within(text: &str) -> CliResult<Territory> {
    let path = std::path::Path::new(text.trim());
    if path.is_file() {
        // A GeoJSON file holding one territory (a drawing of one's own).
        let imported = Imported::from_path(path, &ImportOptions::default())
            .and_then(|i| i.to_catalog())
            .map_err(in_argument("--within"))?;
        return match imported.territories() {
            [one] => Ok(one.clone()),
            other => Err(Error::Format {
                expected: "a GeoJSON file holding one territory (a Polygon or MultiPolygon)".into(),
                found: format!("{} territories", other.len()),
            }
            .at(format!("argument --within {text}"))
            .into()),
        };
    }
    let spec = TargetSpec::parse(text).map_err(in_argument("--within"))?;
    match spec {
        TargetSpec::Country(c) if is_ukraine(c) => Ok(countries::ukraine_10m().clone()),
        TargetSpec::Country(c) => Ok(c.territory.clone()),
        TargetSpec::Region(r) => Ok(r.territory().clone()),
        other => Err(Error::Format {
            expected: "a country or region (country:UA, region:UA-14)".into(),
            found: other.to_string(),
        }
        .at("argument --within")
        .into()),
    }
}

/// The country most of the first snapshot's vertices lie in.
fn default_within(map: &ControlMap) -> CliResult<Territory> {
    let mut counts: Vec<(&'static countries::Country, usize)> = Vec::new();
    if let Some(first) = map.snapshots().first() {
        let vertices = first.area().polygons().iter().flat_map(|p| p.exterior());
        for v in vertices.step_by(7) {
            if let Some(c) = countries::containing(*v) {
                match counts.iter_mut().find(|(k, _)| std::ptr::eq(*k, c)) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((c, 1)),
                }
            }
        }
    }
    let Some((country, _)) = counts.into_iter().max_by_key(|&(_, n)| n) else {
        return Err(Error::Format {
            expected: "held areas inside a bundled country (or say which with --within)".into(),
            found: "none inside any".into(),
        }
        .at("argument --control")
        .into());
    };
    crate::print_stderr(&format!(
        "strikemap: note: the reference country is {} (where the held area lies; --within to change)",
        country.name
    ));
    if is_ukraine(country) {
        Ok(countries::ukraine_10m().clone())
    } else {
        Ok(country.territory.clone())
    }
}

/// Whether the country is Ukraine (measured at 1:10m, the finest bundled).
fn is_ukraine(c: &countries::Country) -> bool {
    c.iso_a2.is_some_and(|code| code.as_str() == "UA")
}

/// Reads a date argument.
pub fn date(text: &str, argument: &str) -> CliResult<Date> {
    text.trim().parse::<Date>().map_err(|_| {
        CliError::from(
            Error::Format {
                expected: "a date YYYY-MM-DD".into(),
                found: format!("{text:?}"),
            }
            .at(format!("argument {argument}")),
        )
    })
}

/// The line of contact's numbers for a snapshot.
struct Contact<'a> {
    line: &'a FrontLine,
    generalised: Vec<Generalised>,
}

/// Runs the command.
pub fn run(args: &FrontArgs) -> CliResult {
    let (map, within) = load(&args.control)?;
    let asked = date(&args.date, "--date")?;
    let day = map.as_of(asked).map_err(in_argument("--date"))?;
    let line = day.contact_line()?;
    let contact = Contact {
        line,
        generalised: day.generalised()?,
    };
    let held_within = day.held_km2_within(&within)?;
    let since = match &args.since {
        Some(text) => {
            let from = date(text, "--since")?;
            let earlier = map.as_of(from).map_err(in_argument("--since"))?;
            Some((earlier, map.change(from, asked)?))
        }
        None => None,
    };
    let by_region = if args.by_region {
        Some(region_rows(&day, &within, since.as_ref().map(|(_, c)| c))?)
    } else {
        None
    };
    if let Some(path) = &args.output {
        let mut export = MapExport::new(ExportOptions::default());
        export.add(MapFeature::new(line.clone()))?;
        if let Some((_, change)) = &since {
            let (a, b) = change.dates();
            if let Some(g) = change.gained() {
                export.add(MapFeature::new(Territory::new(
                    format!("gained {a} to {b}"),
                    g.clone(),
                )))?;
            }
            if let Some(l) = change.lost() {
                export.add(MapFeature::new(Territory::new(
                    format!("lost {a} to {b}"),
                    l.clone(),
                )))?;
            }
        }
        let mut out = Output::open(Some(path))?;
        let label = out.label.clone();
        export
            .write_to(out.writer())
            .map_err(|e| CliError::writing(&label, e))?;
        out.text("\n")?;
        out.finish()?;
    }
    let report = json!({
        "control": map.name,
        "date_asked": asked.to_string(),
        "date_used": day.date_used().to_string(),
        "days_old": day.days_old(),
        "held_km2": day.held_km2(),
        "within": within.name,
        "held_within_km2": held_within,
        "border_tolerance_km": map.contact().map(|c| c.tolerance().as_km()),
        "contact_length_km": contact.line.length().as_km(),
        "contact_parts": contact.line.line().parts().len(),
        "generalised": contact.generalised[1..].iter().map(|g| json!({
            "tolerance_km": g.tolerance.as_km(),
            "length_km": g.length.as_km(),
            "vertices": g.vertices,
        })).collect::<Vec<_>>(),
        "since": since.as_ref().map(|(e, _)| json!({
            "date_asked": e.date_asked().to_string(),
            "date_used": e.date_used().to_string(),
        })),
        "gained_km2": since.as_ref().map(|(_, c)| c.gained_km2()),
        "lost_km2": since.as_ref().map(|(_, c)| c.lost_km2()),
        "by_region": by_region,
    });
    let mut out = Output::open(None)?;
    if args.json {
        out.json(&strip_nulls(report))?;
    } else {
        out.text(&text(&report))?;
    }
    out.finish()
}

/// Held, gained and lost km² per admin-1 region of the reference country.
fn region_rows(
    day: &AsOf<'_>,
    within: &Territory,
    change: Option<&strikemap::model::Change>,
) -> CliResult<Vec<Value>> {
    let Some(country) = within.country else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for r in regions::of_country(country) {
        let t = r.territory();
        let held = day.held_km2_within(t)?;
        let (gained, lost) = match change {
            Some(c) => (Some(c.gained_km2_within(t)?), Some(c.lost_km2_within(t)?)),
            None => (None, None),
        };
        if held > 0.0 || gained.is_some_and(|g| g > 0.0) || lost.is_some_and(|l| l > 0.0) {
            rows.push(strip_nulls(json!({
                "code": r.code, "name": r.name, "held_km2": held, "gained_km2": gained, "lost_km2": lost,
            })));
        }
    }
    Ok(rows)
}

/// The report without its null members.
fn strip_nulls(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            Value::Object(map.into_iter().filter(|(_, v)| !v.is_null()).collect())
        }
        other => other,
    }
}

/// The text report.
fn text(r: &Value) -> String {
    let num = |k: &str, d: usize| r[k].as_f64().map(|x| grouped(x, d)).unwrap_or_default();
    let mut s = String::new();
    s.push_str(&format!(
        "control map:      {}\n",
        r["control"].as_str().unwrap_or_default()
    ));
    s.push_str(&format!(
        "date:             {} (snapshot of {}, {} day(s) older)\n",
        r["date_asked"].as_str().unwrap_or_default(),
        r["date_used"].as_str().unwrap_or_default(),
        r["days_old"]
    ));
    s.push_str(&format!("held:             {} km²\n", num("held_km2", 0)));
    s.push_str(&format!(
        "held within {}: {} km²\n",
        r["within"].as_str().unwrap_or_default(),
        num("held_within_km2", 0)
    ));
    s.push_str(&format!(
        "line of contact:  {} km in {} part(s) (border tolerance {} km)\n",
        num("contact_length_km", 1),
        r["contact_parts"],
        num("border_tolerance_km", 1)
    ));
    if let Some(list) = r["generalised"].as_array() {
        s.push_str("  generalised (Douglas–Peucker):\n");
        for g in list {
            s.push_str(&format!(
                "    at {} km: {} km ({} vertices)\n",
                grouped(g["tolerance_km"].as_f64().unwrap_or_default(), 1),
                grouped(g["length_km"].as_f64().unwrap_or_default(), 1),
                g["vertices"]
            ));
        }
    }
    if r.get("gained_km2").is_some() {
        s.push_str(&format!(
            "since {} (snapshot of {}): gained {} km², lost {} km²\n",
            r["since"]["date_asked"].as_str().unwrap_or_default(),
            r["since"]["date_used"].as_str().unwrap_or_default(),
            num("gained_km2", 1),
            num("lost_km2", 1)
        ));
    }
    if let Some(rows) = r.get("by_region").and_then(Value::as_array) {
        s.push_str("by region:\n");
        for row in rows {
            let f = |k: &str| row[k].as_f64().map(|x| grouped(x, 1));
            let mut line = format!(
                "  {} {}: held {} km²",
                row["code"].as_str().unwrap_or_default(),
                row["name"].as_str().unwrap_or_default(),
                f("held_km2").unwrap_or_default()
            );
            if let (Some(g), Some(l)) = (f("gained_km2"), f("lost_km2")) {
                line.push_str(&format!(", gained {g} km², lost {l} km²"));
            }
            s.push_str(&line);
            s.push('\n');
        }
    }
    s
}
