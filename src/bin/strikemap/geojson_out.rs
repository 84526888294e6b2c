//! `strikemap ring`, `strikemap arc` and `strikemap export`: GeoJSON made by
//! the library's export (styled, RFC 7946), to standard output or a file.

use std::io::Write as _;

use strikemap::{
    Area, Catalog, Distance, Error, FrontLine, Geodesic, Line, MapExport, Territory, Unit,
    io::geojson::{ExportOptions, ImportOptions, Imported, MapFeature, MapItem},
    io::points::{FileKind, Sniffed},
    io::target_spec::parse_endpoint,
    measure::AreaMeasure as _,
    model::{Endpoint, RangeRing, StrikeArc},
};

use crate::args::{ArcArgs, BufferArgs, ExportArgs, GeoJsonArgs, RingArgs};
use crate::errors::{CliError, CliResult, in_argument};
use crate::output::Output;

/// The export options the flags ask for.
fn options(args: &GeoJsonArgs) -> CliResult<ExportOptions> {
    let options = ExportOptions::default()
        .with_precision(args.precision)
        .map_err(in_argument("--precision"))?;
    Ok(options.with_bbox(args.bbox).with_markers(!args.no_markers))
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

/// A stand-in for a model in the name check: the same name and aliases,
/// none of the geometry (a catalog refuses duplicate names and aliases).
fn add_name(names: &mut Catalog, item: &MapItem) -> strikemap::Result<()> {
    let tiny = || {
        Area::from_lon_lat(&[vec![vec![
            [0.0, 0.0],
            [0.001, 0.0],
            [0.0, 0.001],
            [0.0, 0.0],
        ]]])
    };
    match item {
        MapItem::Place(p) => names.add_place(p.clone()),
        MapItem::Territory(t) => {
            let mut stand_in = Territory::new(t.name.clone(), tiny()?);
            stand_in.aliases = t.aliases.clone();
            names.add_territory(stand_in)
        }
        MapItem::FrontLine(f) => {
            let line = Line::from_vertices(vec![f.line().parts()[0][0]; 2])?;
            names.add_front_line(FrontLine::new(f.name.clone(), f.as_of, line))
        }
        _ => Ok(()),
    }
}

/// Whether `-o` names a KML (`Some(false)`) or KMZ (`Some(true)`) file.
fn kml_output(path: Option<&std::path::Path>) -> Option<bool> {
    let ext = path?.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "kml" => Some(false),
        "kmz" => Some(true),
        _ => None,
    }
}

/// `strikemap export SCENARIO.geojson`: read into the typed models, check
/// them, and write them back normalised and styled.
///
/// The file is read twice, feature by feature, so memory does not grow with
/// its geometry: first to check every feature (and that names are unique,
/// as a catalog requires), so that nothing is written unless all is well,
/// then to write. What stays in memory is one feature at a time plus the
/// names of places, territories and front lines and 8 bytes an id.
pub fn export(args: &ExportArgs) -> CliResult {
    let label = args.scenario.display().to_string();
    let file = Sniffed::open(&args.scenario)?;
    file.kind()
        .require(&[FileKind::Json, FileKind::Kml, FileKind::Kmz, FileKind::Zip])
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
    let reading = |e: Error| {
        let undated = e.is_format()
            && e.locations()
                .last()
                .is_some_and(|member| member.ends_with("properties.date"));
        match undated {
            true => CliError::Hinted {
                error: e,
                hint: "give the date of undated lines with --as-of YYYY-MM-DD",
            },
            false => CliError::Input(e),
        }
    };
    let options = options(&args.geojson)?;
    // First pass: everything the export could refuse.
    let mut names = Catalog::new();
    let mut check = MapExport::new(options.clone());
    let first = Imported::for_each_in_file(&args.scenario, &import, |f| {
        add_name(&mut names, &f.item)?;
        check.add_detached(f).map(drop)
    })
    .map_err(reading)?;
    drop(names);
    for skipped in &first.skipped {
        crate::print_stderr(&format!(
            "strikemap: warning: {label}: skipped {}",
            crate::errors::report_line(&skipped.error)
        ));
    }
    let mut map = MapExport::new(options);
    for (k, v) in &first.members {
        if k != "crs" {
            map.set_member(k, v.clone())
                .map_err(|e| e.at(label.clone()))?;
        }
    }
    if let Some(zipped) = kml_output(args.geojson.output.as_deref()) {
        // KML groups features by kind: the map is built in memory.
        Imported::for_each_in_file(&args.scenario, &import.clone().with_lenient(true), |f| {
            map.add(f).map(drop)
        })
        .map_err(CliError::Input)?;
        let mut out = Output::open(args.geojson.output.as_deref())?;
        let out_label = out.label.clone();
        let written = match zipped {
            true => strikemap::io::kml::write_kmz(&map, out.writer()),
            false => strikemap::io::kml::write_kml(&map, out.writer()),
        };
        written.map_err(|e| CliError::writing(&out_label, e))?;
        return out.finish();
    }
    // Second pass: write, feature by feature; the collection's members and
    // bbox go after the features (member order means nothing in JSON).
    let mut out = Output::open(args.geojson.output.as_deref())?;
    let out_label = out.label.clone();
    let io = |e: std::io::Error| CliError::output(&out_label, e);
    out.writer()
        .write_all(br#"{"type":"FeatureCollection","features":["#)
        .map_err(io)?;
    let mut written = 0usize;
    let mut write_error: Option<std::io::Error> = None;
    Imported::for_each_in_file(&args.scenario, &import.clone().with_lenient(true), |f| {
        let features = map.add_detached(f)?;
        let w = out.writer();
        let mut result = Ok(());
        for feature in &features {
            result = result
                .and_then(|()| match written > 0 {
                    true => w.write_all(b","),
                    false => Ok(()),
                })
                .and_then(|()| {
                    serde_json::to_writer(&mut *w, feature).map_err(std::io::Error::from)
                });
            written += 1;
        }
        result.map_err(|e| {
            let error = Error::Io {
                path: out_label.clone(),
                source: std::io::Error::new(e.kind(), e.to_string()).into(),
            };
            write_error = Some(e);
            error
        })
    })
    .map_err(|e| match write_error.take() {
        Some(w) => io(w),
        None => CliError::Input(e),
    })?;
    out.writer().write_all(b"]").map_err(io)?;
    let rest = map.to_feature_collection();
    let tail = rest
        .bbox
        .map(|b| ("bbox".to_string(), serde_json::json!(b)))
        .into_iter()
        .chain(rest.foreign_members.unwrap_or_default());
    for (k, v) in tail {
        let w = out.writer();
        w.write_all(b",").map_err(io)?;
        serde_json::to_writer(&mut *w, &k).map_err(|e| io(e.into()))?;
        w.write_all(b":").map_err(io)?;
        serde_json::to_writer(&mut *w, &v).map_err(|e| io(e.into()))?;
    }
    out.text("}\n")?;
    out.finish()
}

/// `strikemap buffer TARGET DISTANCE`: the area within the distance of the
/// target, as one feature with the distance, the reference and the method.
pub fn buffer(args: &BufferArgs) -> CliResult {
    let target = crate::target::read(&args.target, "TARGET", &args.narrow)?;
    crate::target::check_narrowing_used(&[&target], &args.narrow)?;
    let texts = radii(&args.distance);
    let [text] = texts.as_slice() else {
        return Err(CliError::Input(
            Error::Format {
                expected: "one distance, e.g. 4300mi or \"4,300 miles\"".into(),
                found: args.distance.join(" "),
            }
            .at("argument DISTANCE"),
        ));
    };
    let distance = Distance::parse(text).map_err(in_argument("DISTANCE"))?;
    let area =
        strikemap::measure::buffer(&target.spec, distance).map_err(in_argument("DISTANCE"))?;
    let name = format!("within {} of {}", text.trim(), target.shown);
    // Measured on the area itself: the export's polygons of a buffer larger
    // than a hemisphere are measured as the smaller side of their rings.
    let area_km2 = (Geodesic.area_km2(&area) * 1000.0).round() / 1000.0;
    let mut map = MapExport::new(options(&args.geojson)?);
    map.add(
        MapFeature::new(Territory::new(name, area))
            .with_property("buffer_of", target.shown.clone())
            .with_property("distance", text.trim())
            .with_property("distance_m", distance.as_metres())
            .with_property("area_km2", area_km2)
            .with_property(
                "method",
                "geodesic buffer on WGS84 (measure::buffer: contour of the exact distance, \
                 boundary within 10 m)",
            ),
    )?;
    write(&map, &args.geojson)?;
    crate::echo::to_stderr("TARGET", &target.shown);
    Ok(())
}
