//! `strikemap render FILE -o MAP`, and the claim map of `check --map`.

use std::path::Path;

use strikemap::{
    Area, Distance, Error, LatLon,
    claim::{Claim, DistanceVerdict},
    io::target_spec::ClaimReference,
    model::RangeRing,
    render::{Buffer, BufferKind, ClaimMap, Format, Map, MapOptions, ReferenceShape},
    shape::Polygon,
};

use crate::args::RenderArgs;
use crate::errors::{CliError, CliResult, in_argument};

/// Runs `render`.
pub fn run(args: &RenderArgs) -> CliResult {
    Format::from_path(&args.output).map_err(in_argument("--output"))?;
    let shown = args.file.display().to_string();
    let text =
        std::fs::read_to_string(&args.file).map_err(|e| CliError::failed(&shown, "reading", e))?;
    let document: geojson::GeoJson = text.parse().map_err(|e: geojson::Error| {
        Error::Format {
            expected: "a GeoJSON document".into(),
            found: e.to_string(),
        }
        .at(shown.clone())
    })?;
    let title = args.title.clone().unwrap_or_else(|| {
        args.file
            .file_name()
            .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned())
    });
    let options = MapOptions::default()
        .with_width(args.width)
        .with_title(title);
    let map = Map::from_geojson(&document, &options).map_err(|e| e.at(shown.clone()))?;
    write(&map, &args.output)
}

fn write(map: &Map, path: &Path) -> CliResult {
    map.write_file(path)?;
    eprintln!(
        "strikemap: wrote {} ({} features, {} x {} px; projection: {})",
        path.display(),
        map.feature_count(),
        map.size().0,
        map.size().1,
        map.projection().name()
    );
    Ok(())
}

/// Draws the claim map of `check --map`; `places` are the texts of
/// `--from` and `--to` (a name among them adds the gazetteer's sources to
/// the attribution).
pub fn claim_map(
    verdict: &DistanceVerdict,
    reference: &ClaimReference,
    places: &[&str],
    path: &Path,
    width: u32,
) -> CliResult {
    Format::from_path(path).map_err(in_argument("--map"))?;
    let shape = match reference {
        ClaimReference::Country(c) => ReferenceShape::Area(c.territory.area().clone()),
        ClaimReference::Territory(t) => ReferenceShape::Area(t.area().clone()),
        ClaimReference::FrontLine(l) => ReferenceShape::Line(l.line().clone()),
        ClaimReference::Place(p) => ReferenceShape::Point(p.position()),
        _ => {
            return Err(Error::Format {
                expected: "a country, territory, front line or place to draw".into(),
                found: reference.name().to_string(),
            }
            .at("argument --map")
            .into());
        }
    };
    let (buffers, note) = claim_buffers(verdict, &shape)?;
    let mut map = ClaimMap::new(verdict).with_reference(shape);
    for b in buffers {
        map = map.with_buffer(b);
    }
    if let Some(note) = note {
        map = map.with_note(note);
    }
    // A place given by name comes from the bundled gazetteer.
    let by_name = |t: &&str| !t.contains('=') && LatLon::parse(t).is_err();
    if places.iter().any(by_name) {
        map = map
            .with_attribution("GeoNames")
            .with_attribution("OurAirports");
    }
    let map = map.map(&MapOptions::default().with_width(width))?;
    write(&map, path)
}

/// The buffers of a claim map: the area within the claimed figure of the
/// reference, and within the other unit's figure when a unit mix-up is
/// diagnosed; and a note when none can be drawn.
///
/// Only a point's buffer is drawn for now: it is its exact range ring.
// MERGE: use measure::buffer
fn claim_buffers(
    verdict: &DistanceVerdict,
    shape: &ReferenceShape,
) -> CliResult<(Vec<Buffer>, Option<String>)> {
    let Claim::Distance(claim) = &verdict.claim else {
        return Ok((Vec::new(), None));
    };
    let name = verdict
        .reference
        .as_ref()
        .map_or("the reference", |r| r.name.as_str());
    let ReferenceShape::Point(centre) = shape else {
        return Ok((
            Vec::new(),
            Some(format!(
                "No buffer drawn: the area within the claimed distance of {name} needs \
                 geodesic buffers (not in this build)"
            )),
        ));
    };
    let stated = &claim.stated;
    let mut figures = vec![(BufferKind::Claimed, stated.unit())];
    if let Some(mixup) = &verdict.unit_mixup {
        let other = mixup
            .matches
            .first()
            .map(|m| m.unit)
            .or_else(|| mixup.holds_under.first().map(|h| h.unit));
        if let Some(unit) = other {
            figures.push((BufferKind::OtherUnit, unit));
        }
    }
    let mut buffers = Vec::new();
    for (kind, unit) in figures {
        let radius = Distance::from_unit(stated.value(), unit);
        let ring = RangeRing::new(name, *centre, radius)?;
        let area = Area::new(vec![Polygon::new(vec![
            ring.vertices(Distance::from_km(25.0))?,
        ])?])?;
        let figure = format!(
            "{} {}",
            crate::output::grouped(stated.value(), 0),
            unit.symbol()
        );
        let label = match kind {
            BufferKind::Claimed => format!("Within {figure} of {name} (the claimed figure)"),
            BufferKind::OtherUnit => format!(
                "Within {figure} of {name} (the figure read in {})",
                unit.name()
            ),
        };
        buffers.push(Buffer { kind, area, label });
    }
    Ok((buffers, None))
}
