//! `strikemap where POINT` and `strikemap find NAME`: the gazetteer from
//! the command line.

use serde::Serialize;
use strikemap::{
    LatLon,
    gazetteer::{self, Candidate, Entry, Nearby, Whereabouts},
    io::target_spec::parse_endpoint,
    regions,
};

use crate::args::{FindArgs, WhereArgs};
use crate::errors::{CliResult, in_argument};
use crate::output::{Output, grouped};

/// A gazetteer entry in JSON.
#[derive(Serialize)]
struct EntryJson {
    id: &'static str,
    kind: &'static str,
    name: &'static str,
    lat: f64,
    lon: f64,
    country: String,
    region_code: Option<&'static str>,
    region: Option<&'static str>,
    population: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    codes: Vec<&'static str>,
    source: String,
}

impl From<&Entry> for EntryJson {
    fn from(e: &Entry) -> EntryJson {
        EntryJson {
            id: e.id,
            kind: e.kind.name(),
            name: e.name,
            lat: e.position.lat(),
            lon: e.position.lon(),
            country: e.country.to_string(),
            region_code: e.region,
            region: e.region_name(),
            population: e.population,
            codes: e.codes().collect(),
            source: e.source().title,
        }
    }
}

/// A nearby place in JSON: the place, the distance and the bearing from
/// it to the point.
#[derive(Serialize)]
struct NearbyJson {
    name: &'static str,
    km: f64,
    bearing: f64,
    compass: &'static str,
    text: String,
    place: EntryJson,
}

impl From<&Nearby> for NearbyJson {
    fn from(n: &Nearby) -> NearbyJson {
        NearbyJson {
            name: n.entry.name,
            km: n.distance.as_km(),
            bearing: n.bearing.as_degrees(),
            compass: n.bearing.compass_point(),
            text: n.to_string(),
            place: EntryJson::from(&n.entry),
        }
    }
}

/// A region in JSON.
#[derive(Serialize)]
struct RegionJson {
    code: &'static str,
    name: &'static str,
    name_uk: Option<&'static str>,
    name_ru: Option<&'static str>,
    country: String,
    groups: Vec<String>,
    boundary_error_m: f64,
}

/// `strikemap where --json`.
#[derive(Serialize)]
struct WhereJson {
    lat: f64,
    lon: f64,
    country: Option<String>,
    country_name: Option<&'static str>,
    region: Option<RegionJson>,
    north_of_arctic_circle: bool,
    nearest_place: Option<NearbyJson>,
    nearest_city: Option<NearbyJson>,
    nearest_airfield: Option<NearbyJson>,
    text: String,
}

/// A region's groups, `Far Eastern Federal District` or `Arctic zone of the
/// Russian Federation (part)`.
fn groups_of(code: &str) -> Vec<String> {
    regions::groups_of(code)
        .into_iter()
        .map(|(g, whole)| {
            if whole {
                g.name.clone()
            } else {
                format!("{} (part)", g.name)
            }
        })
        .collect()
}

fn where_json(w: &Whereabouts) -> WhereJson {
    WhereJson {
        lat: w.position.lat(),
        lon: w.position.lon(),
        country: w.country.and_then(|c| c.iso_a2).map(|c| c.to_string()),
        country_name: w.country.map(|c| c.common_name()),
        region: w.region.map(|r| RegionJson {
            code: &r.code,
            name: &r.name,
            name_uk: r.name_uk.as_deref(),
            name_ru: r.name_ru.as_deref(),
            country: r.country.to_string(),
            groups: groups_of(&r.code),
            boundary_error_m: r.boundary_error.as_metres(),
        }),
        north_of_arctic_circle: w.position.lat() >= regions::ARCTIC_CIRCLE_LAT,
        nearest_place: w.nearest_place.as_ref().map(NearbyJson::from),
        nearest_city: w.nearest_city.as_ref().map(NearbyJson::from),
        nearest_airfield: w.nearest_airfield.as_ref().map(NearbyJson::from),
        text: w.to_string(),
    }
}

fn where_text(typed: &str, w: &Whereabouts) -> String {
    let p: LatLon = w.position;
    let mut out = if typed
        .chars()
        .any(|c| c.is_alphabetic() && !"NSEW".contains(c))
    {
        format!("{typed}: {p}\n")
    } else {
        format!("{p}\n")
    };
    let country = match w.country {
        Some(c) => match c.iso_a2 {
            Some(a2) => format!("{} ({a2})", c.common_name()),
            None => c.common_name().to_string(),
        },
        None => "none (at sea)".to_string(),
    };
    out.push_str(&format!("  country:          {country}\n"));
    match w.region {
        Some(r) => {
            let groups = groups_of(&r.code);
            out.push_str(&format!("  region:           {} ({})\n", r.name, r.code));
            if !groups.is_empty() {
                out.push_str(&format!("  region groups:    {}\n", groups.join("; ")));
            }
        }
        None => out.push_str("  region:           none\n"),
    }
    if p.lat() >= regions::ARCTIC_CIRCLE_LAT {
        out.push_str(&format!(
            "  Arctic:           north of the Arctic Circle ({}°N)\n",
            regions::ARCTIC_CIRCLE_LAT
        ));
    }
    for (label, n) in [
        ("nearest place:   ", &w.nearest_place),
        ("nearest city:    ", &w.nearest_city),
        ("nearest airfield:", &w.nearest_airfield),
    ] {
        if let Some(n) = n {
            out.push_str(&format!("  {label} {n} — {}\n", n.entry));
        }
    }
    out
}

/// Runs `strikemap where`.
pub fn run_where(args: &WhereArgs) -> CliResult {
    let point = parse_endpoint(&args.point).map_err(in_argument("POINT"))?;
    let w = gazetteer::where_is(point.position);
    let mut out = Output::open(None)?;
    if args.json {
        out.json(&where_json(&w))?;
    } else {
        out.text(&where_text(args.point.trim(), &w))?;
    }
    out.finish()
}

/// A candidate in JSON.
#[derive(Serialize)]
struct CandidateJson {
    #[serde(flatten)]
    entry: EntryJson,
    matched: &'static str,
    name_matched: &'static str,
}

fn matched(c: &Candidate) -> &'static str {
    match c.matched {
        gazetteer::Match::Code => "code",
        gazetteer::Match::Name => "name",
        gazetteer::Match::OtherName => "other name",
        _ => "close spelling",
    }
}

/// Runs `strikemap find`.
pub fn run_find(args: &FindArgs) -> CliResult {
    let found = gazetteer::find(&args.name);
    let shown: Vec<&Candidate> = found.iter().take(args.limit).collect();
    let mut out = Output::open(None)?;
    if args.json {
        let json: Vec<CandidateJson> = shown
            .iter()
            .map(|c| CandidateJson {
                entry: EntryJson::from(&c.entry),
                matched: matched(c),
                name_matched: c.name_matched,
            })
            .collect();
        out.json(&json)?;
        return out.finish();
    }
    let mut text = String::new();
    if found.is_empty() {
        text.push_str(&format!("no place matches {:?}\n", args.name.trim()));
    }
    for (i, c) in shown.iter().enumerate() {
        let how = match c.matched {
            gazetteer::Match::Name => String::new(),
            _ => format!(" [{}: {}]", matched(c), c.name_matched),
        };
        text.push_str(&format!(
            "{:>2}. {}{how}\n    {} — {}\n",
            i + 1,
            c.entry,
            c.entry.position,
            c.entry.id
        ));
    }
    if found.len() > shown.len() {
        text.push_str(&format!(
            "... and {} more (--limit {})\n",
            grouped((found.len() - shown.len()) as f64, 0),
            found.len()
        ));
    }
    match gazetteer::resolve(&args.name) {
        Ok(e) if !found.is_empty() => {
            text.push_str(&format!("\n{:?} resolves to {e}\n", args.name.trim()));
        }
        Err(e) if e.is_ambiguous_name() => text.push_str(&format!(
            "\n{:?} is ambiguous: qualify it (see `strikemap find --help`)\n",
            args.name.trim()
        )),
        _ => {}
    }
    out.text(&text)?;
    out.finish()
}
