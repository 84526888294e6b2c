//! `strikemap render FILE -o MAP`, and the claim map of `check --map`.

use std::path::Path;

use strikemap::{
    Error, LatLon,
    claim::DistanceVerdict,
    io::geojson::{ExportOptions, ImportOptions, Imported},
    io::points::{FileKind, Sniffed},
    io::target_spec::ClaimReference,
    render::{ClaimMap, Format, Map, MapOptions, ReferenceShape},
};

use crate::args::RenderArgs;
use crate::errors::{CliError, CliResult, in_argument};

/// Runs `render`.
pub fn run(args: &RenderArgs) -> CliResult {
    Format::from_path(&args.output).map_err(in_argument("--output"))?;
    let shown = args.file.display().to_string();
    let document = read_document(&args.file, &shown)?;
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

/// The file as a GeoJSON document: GeoJSON as it is; KML or KMZ (told by
/// content) read into the models and exported as GeoJSON, styles kept.
fn read_document(path: &Path, shown: &str) -> CliResult<geojson::GeoJson> {
    let kind = Sniffed::open(path)?.kind();
    if matches!(kind, FileKind::Kml | FileKind::Kmz) {
        let imported = Imported::from_path(path, &ImportOptions::default())?;
        let export = imported.to_map_export(ExportOptions::default())?;
        return Ok(geojson::GeoJson::FeatureCollection(
            export.to_feature_collection(),
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| CliError::failed(shown, "reading", e))?;
    text.parse().map_err(|e: geojson::Error| {
        Error::Format {
            expected: "a GeoJSON document (or KML/KMZ)".into(),
            found: e.to_string(),
        }
        .at(shown.to_string())
        .into()
    })
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
    let mut map = ClaimMap::new(verdict)
        .with_reference(shape)
        .with_claim_buffers()?;
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
