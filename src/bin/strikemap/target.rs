//! Targets given on the command line, and the narrowing of a GeoJSON file
//! to the features asked for (`--feature NAME`, `--kind KIND`).
//!
//! A file that holds one kind of feature (points, a front line, areas) is
//! measured to as a whole. A file that holds several kinds (a scenario with
//! places, front lines and range rings) is refused unless narrowed: measuring
//! to "everything in it" silently measures to a 4,300-mile range ring too.

use std::path::{Path, PathBuf};

use geojson::{Feature, FeatureCollection, GeoJson, GeometryValue};
use strikemap::{
    Error, LatLon,
    io::geojson::FeatureKind,
    io::target_spec::{Composite, TargetSpec},
};

use crate::args::{KindArg, NarrowArgs};
use crate::errors::{CliResult, in_argument};

/// A target as read, with what the output says it is.
pub struct Target {
    /// The target.
    pub spec: TargetSpec,
    /// `50.4501°N, 30.5234°E — in Ukraine`, `Ukraine (country:UA, 1:50m)`,
    /// `3 features of events.geojson (2 places, 1 territory)`.
    pub shown: String,
    /// Whether the target is (a narrowing of) a GeoJSON file.
    pub is_file: bool,
}

/// Reads the target given as `argument` (`FROM`, `--from`), narrowing a
/// GeoJSON file as the flags say.
pub fn read(text: &str, argument: &str, narrow: &NarrowArgs) -> CliResult<Target> {
    let trimmed = text.trim();
    let is_country = trimmed
        .split_once(':')
        .is_some_and(|(prefix, _)| prefix.trim().eq_ignore_ascii_case("country"));
    let path = Path::new(trimmed);
    let is_file = !is_country
        && LatLon::parse(trimmed).is_err()
        && (path.exists() || looks_like_path(trimmed));
    if !is_file {
        let spec = TargetSpec::parse(text).map_err(in_argument(argument))?;
        let shown = match &spec {
            TargetSpec::Point(p) => crate::echo::point(*p),
            TargetSpec::Place(p) => format!("{spec} — {}", crate::echo::country_of(p.position())),
            other => other.to_string(),
        };
        return Ok(Target {
            spec,
            shown,
            is_file: false,
        });
    }
    let (shapes, shown) = narrowed(path, narrow).map_err(in_argument(argument))?;
    Ok(Target {
        spec: TargetSpec::File {
            path: PathBuf::from(trimmed),
            shapes: Box::new(shapes),
        },
        shown,
        is_file: true,
    })
}

/// Refuses `--feature`/`--kind` when none of the targets is a file.
pub fn check_narrowing_used(targets: &[&Target], narrow: &NarrowArgs) -> CliResult {
    if narrow.is_empty() || targets.iter().any(|t| t.is_file) {
        return Ok(());
    }
    Err(Error::Format {
        expected: "a GeoJSON file to narrow (--feature and --kind pick features of a file)".into(),
        found: "no file among the targets".into(),
    }
    .at("argument --feature/--kind")
    .into())
}

/// Whether text names a file (as the library decides: a separator or a
/// GeoJSON or KML extension).
fn looks_like_path(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    text.contains('/')
        || text.contains(std::path::MAIN_SEPARATOR)
        || lower.ends_with(".geojson")
        || lower.ends_with(".json")
        || lower.ends_with(".kml")
        || lower.ends_with(".kmz")
}

/// What a feature is, for narrowing: the `kind` strikemap writes, or the
/// kind its geometry stands for in a file drawn elsewhere.
fn kind_of(feature: &Feature) -> Option<KindArg> {
    let written = feature
        .properties
        .as_ref()
        .and_then(|p| p.get("kind"))
        .and_then(|k| k.as_str())
        .and_then(FeatureKind::from_name);
    if let Some(kind) = written {
        return Some(match kind {
            FeatureKind::AirBase | FeatureKind::City | FeatureKind::Site => KindArg::Place,
            FeatureKind::Strike => KindArg::Strike,
            FeatureKind::FrontLine => KindArg::FrontLine,
            FeatureKind::StrikeArc => KindArg::StrikeArc,
            FeatureKind::RangeRing => KindArg::RangeRing,
            // A ring's or arc's marker is drawn from it, not a target.
            FeatureKind::Marker => return None,
            // FeatureKind is non-exhaustive; a territory, or a kind added
            // later, is measured to as an area.
            _ => KindArg::Territory,
        });
    }
    Some(match &feature.geometry.as_ref()?.value {
        GeometryValue::Point { .. } | GeometryValue::MultiPoint { .. } => KindArg::Place,
        GeometryValue::LineString { .. } | GeometryValue::MultiLineString { .. } => {
            KindArg::FrontLine
        }
        GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. } => KindArg::Territory,
        GeometryValue::GeometryCollection { .. } => KindArg::Collection,
    })
}

/// A feature's name: its `name` or `title` property, else its id.
fn name_of(feature: &Feature) -> Option<String> {
    let properties = feature.properties.as_ref();
    ["name", "title"]
        .iter()
        .find_map(|k| properties?.get(*k)?.as_str().map(str::to_string))
        .or_else(|| {
            feature.id.as_ref().map(|id| match id {
                geojson::feature::Id::String(s) => s.clone(),
                geojson::feature::Id::Number(n) => n.to_string(),
            })
        })
}

/// `2 places, 1 territory`: how many features of each kind, in the order
/// of [`KindArg::ALL`].
fn counts(kinds: &[KindArg]) -> String {
    KindArg::ALL
        .iter()
        .filter_map(|k| {
            let n = kinds.iter().filter(|x| *x == k).count();
            (n > 0).then(|| format!("{n} {}", k.noun(n)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The features of the file that the flags pick, as one target, and what
/// it is (`3 features of events.geojson (2 places, 1 territory)`).
fn narrowed(path: &Path, narrow: &NarrowArgs) -> strikemap::Result<(Composite, String)> {
    let shown_path = path.display().to_string();
    let file_name = path
        .file_name()
        .map_or_else(|| shown_path.clone(), |n| n.to_string_lossy().into_owned());
    let text = strikemap::io::target_spec::read_target_file(path)?;
    let doc: GeoJson = text.parse().map_err(|e: geojson::Error| {
        Error::Format {
            expected: "GeoJSON (a FeatureCollection, a Feature or a geometry)".into(),
            found: e.to_string(),
        }
        .at(shown_path.clone())
    })?;
    let features: Vec<Feature> = match doc {
        GeoJson::FeatureCollection(fc) => fc.features,
        GeoJson::Feature(f) => vec![f],
        GeoJson::Geometry(g) => vec![Feature {
            geometry: Some(g),
            ..Feature::default()
        }],
    };
    // Features without a geometry have nothing to measure to; they stay in
    // the list (geometry-less) so that errors name features by their index
    // in the file.
    let all: Vec<(Feature, Option<KindArg>, Option<String>)> = features
        .into_iter()
        .map(|f| {
            let kind = kind_of(&f);
            let name = name_of(&f);
            (f, kind, name)
        })
        .collect();
    let all_kinds: Vec<KindArg> = all.iter().filter_map(|(_, k, _)| *k).collect();
    let listing = || {
        let names: Vec<String> = all
            .iter()
            .filter_map(|(_, k, n)| Some(format!("{:?} ({})", n.as_ref()?, k.as_ref()?.name())))
            .take(12)
            .collect();
        let named = all.iter().filter(|(_, k, n)| k.is_some() && n.is_some());
        let more = if named.count() > names.len() {
            ", ..."
        } else {
            ""
        };
        format!(
            "{} ({}{}{more})",
            counts(&all_kinds),
            if names.is_empty() { "unnamed" } else { "" },
            names.join(", ")
        )
    };
    for wanted in &narrow.feature {
        if !all
            .iter()
            .any(|(_, _, n)| n.as_deref() == Some(wanted.as_str()))
        {
            return Err(Error::Format {
                expected: format!("a feature named {wanted:?} (--feature)"),
                found: listing(),
            }
            .at(shown_path));
        }
    }
    let is_picked = |k: &Option<KindArg>, n: &Option<String>| {
        k.is_some_and(|k| narrow.kind.is_empty() || narrow.kind.contains(&k))
            && (narrow.feature.is_empty() || n.as_ref().is_some_and(|n| narrow.feature.contains(n)))
    };
    let kinds: Vec<KindArg> = all
        .iter()
        .filter(|(_, k, n)| is_picked(k, n))
        .filter_map(|(_, k, _)| *k)
        .collect();
    if kinds.is_empty() && !all_kinds.is_empty() {
        return Err(Error::Format {
            expected: "at least one feature of the kind(s) asked for with --kind".into(),
            found: listing(),
        }
        .at(shown_path));
    }
    let mut distinct = kinds.clone();
    distinct.sort();
    distinct.dedup();
    if distinct.len() > 1 && narrow.is_empty() {
        let flags = distinct
            .iter()
            .map(|k| format!("--kind {}", k.name()))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Error::Format {
            expected: format!(
                "one kind of feature to measure to (the file holds several: pick with {flags} \
                 or --feature NAME; repeat either for several)"
            ),
            found: listing(),
        }
        .at(shown_path));
    }
    let n = kinds.len();
    let collection = FeatureCollection {
        bbox: None,
        features: all
            .into_iter()
            .map(|(f, k, name)| match is_picked(&k, &name) {
                true => f,
                false => Feature {
                    geometry: None,
                    ..f
                },
            })
            .collect(),
        foreign_members: None,
    };
    let shapes = Composite::from_geojson(&GeoJson::FeatureCollection(collection))
        .map_err(|e| e.at(shown_path.clone()))?;
    let shown = format!(
        "{n} feature{} of {file_name} ({})",
        if n == 1 { "" } else { "s" },
        counts(&kinds)
    );
    Ok((shapes, shown))
}
