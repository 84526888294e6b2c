//! `strikemap ring`, `strikemap arc` and `strikemap export`: GeoJSON made by
//! the library's export (styled, RFC 7946), to standard output or a file.

use std::io::BufReader;

use strikemap::{
    Distance, Error, MapExport, Unit,
    io::geojson::{ExportOptions, ImportOptions, Imported, MapFeature},
    io::points::{FileKind, Sniffed},
    io::target_spec::parse_endpoint,
    model::{Endpoint, RangeRing, StrikeArc},
};

use crate::args::{ArcArgs, ExportArgs, GeoJsonArgs, RingArgs};
use crate::errors::{CliError, CliResult, in_argument};
use crate::output::Output;

/// The export options the flags ask for.
fn options(args: &GeoJsonArgs) -> CliResult<ExportOptions> {
    let options = ExportOptions::default()
        .with_precision(args.precision)
        .map_err(in_argument("--precision"))?;
    Ok(options.with_bbox(args.bbox))
}

/// Writes the collection where the flags say.
fn write(map: &MapExport, args: &GeoJsonArgs) -> CliResult {
    let mut out = Output::open(args.output.as_deref())?;
    let label = out.label.clone();
    map.write_to(out.writer())
        .map_err(|e| CliError::writing(&label, e))?;
    out.text("\n")?;
    out.finish()
}

/// The radii as written: a unit given as its own argument (`4300 miles`
/// unquoted) goes with the number before it.
fn radii(args: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for arg in args {
        match out.last_mut() {
            Some(last) if arg.trim().parse::<Unit>().is_ok() => {
                last.push(' ');
                last.push_str(arg.trim());
            }
            _ => out.push(arg.clone()),
        }
    }
    out
}

/// `strikemap ring CENTER RADIUS...`: one range ring per radius.
pub fn ring(args: &RingArgs) -> CliResult {
    let centre = parse_endpoint(&args.centre).map_err(in_argument("CENTER"))?;
    let mut map = MapExport::new(options(&args.geojson)?);
    for text in &radii(&args.radius) {
        let radius = Distance::parse(text).map_err(in_argument("RADIUS"))?;
        let name = format!("{} {}", centre.name, text.trim());
        let ring = RangeRing::new(name, centre.position, radius).map_err(in_argument("RADIUS"))?;
        map.add(MapFeature::new(ring))?;
    }
    write(&map, &args.geojson)
}

/// `strikemap arc FROM TO`: the geodesic from a launch point to a target.
pub fn arc(args: &ArcArgs) -> CliResult {
    let launch: Endpoint = parse_endpoint(&args.from).map_err(in_argument("FROM"))?;
    let target: Endpoint = parse_endpoint(&args.to).map_err(in_argument("TO"))?;
    let mut map = MapExport::new(options(&args.geojson)?);
    map.add(MapFeature::new(StrikeArc::new(launch, target)))?;
    write(&map, &args.geojson)
}

/// `strikemap export SCENARIO.geojson`: read into the typed models, check
/// them, and write them back normalised and styled.
pub fn export(args: &ExportArgs) -> CliResult {
    let label = args.scenario.display().to_string();
    let file = Sniffed::open(&args.scenario)?;
    file.kind()
        .require(&[FileKind::Json])
        .map_err(|e| e.at(label.clone()))?;
    let mut import = ImportOptions::default().with_lenient(args.skip_bad);
    if let Some(date) = &args.as_of {
        let date: jiff::civil::Date = date.parse().map_err(|e: jiff::Error| {
            CliError::Input(
                Error::Format {
                    expected: "a date such as 2025-06-02".into(),
                    found: format!("{date:?} ({e})"),
                }
                .at("argument --as-of"),
            )
        })?;
        import = import.with_as_of(date);
    }
    let imported = Imported::from_reader(BufReader::new(file), &import).map_err(|e| {
        let undated = e.is_format()
            && e.locations()
                .last()
                .is_some_and(|member| member.ends_with("properties.date"));
        let error = e.at(label.clone());
        match undated {
            true => CliError::Hinted {
                error,
                hint: "give the date of undated lines with --as-of YYYY-MM-DD",
            },
            false => CliError::Input(error),
        }
    })?;
    // Names must be unique and every model valid, as a catalog requires.
    imported.to_catalog().map_err(|e| e.at(label.clone()))?;
    for skipped in &imported.skipped {
        crate::print_stderr(&format!(
            "strikemap: warning: {label}: skipped {}",
            crate::errors::report_line(&skipped.error)
        ));
    }
    let map = imported
        .to_map_export(options(&args.geojson)?)
        .map_err(|e| e.at(label.clone()))?;
    write(&map, &args.geojson)
}
