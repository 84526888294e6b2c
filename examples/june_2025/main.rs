//! The June 2025 scenario: the five air bases hit on 1 June 2025, the cities
//! and venue of the report, the Kharkiv strike and the drone attacks, with
//! exact distances on the WGS84 ellipsoid.
//!
//! ```text
//! cargo run --example june_2025 [OUT_DIR]     # OUT_DIR defaults to out/june_2025
//! cargo run --example june_2025 -- [OUT_DIR] --control DIR   # and a control map of your own
//! ```

mod control;
mod review;
mod scenario;

use std::path::PathBuf;

use strikemap::{
    Catalog, Distance, Geodesic, MapExport, Metric, Target, Unit,
    claim::{Claim, DistanceVerdict},
    countries,
    io::geojson::{ExportOptions, Manifest, MapFeature},
    measure::buffer,
    model::{RangeRing, StrikeArc, Territory},
    render::{ClaimMap, Map, MapOptions, ReferenceShape},
};

fn km_mi(d: Distance) -> String {
    format!("{:>9.1} km {:>9.1} mi", d.as_km(), d.as_miles())
}

fn distances_from(c: &Catalog, from: &str) -> strikemap::Result<()> {
    println!("\nDistances from {from} (geodesic, WGS84):");
    for base in scenario::AIR_BASES {
        println!("  {:<16} {}", base, km_mi(c.distance(from, base)?));
    }
    Ok(())
}

/// Writes the map: places (with their verdicts), Ukraine, the sketched front
/// line, the strikes and their arcs, and the 4,300-mile and 4,300-km range
/// rings around Ukrainka, the farthest base; plus the manifest GDAL checks.
fn write_map(
    c: &Catalog,
    verdicts: &[DistanceVerdict],
    out: &std::path::Path,
) -> strikemap::Result<()> {
    let mut map = MapExport::new(ExportOptions::default().with_bbox(true));
    // Bottom layer first: areas, lines, arcs, then points on top.
    for territory in c.territories() {
        map.add(MapFeature::new(territory.clone()))?;
    }
    for front in c.front_lines() {
        let mut feature = MapFeature::new(front.clone());
        if let Some(v) = verdicts
            .iter()
            .find(|v| v.subjects.iter().any(|s| s.name == front.name))
        {
            feature = feature
                .with_property("claim", v.claim.text())
                .with_property("claim_verdict", v.verdict.name());
        }
        map.add(feature)?;
    }
    for arc in c.strikes().iter().filter_map(StrikeArc::from_strike) {
        map.add(MapFeature::new(arc))?;
    }
    for place in c.places() {
        let mut feature = MapFeature::new(place.clone());
        for v in verdicts {
            if let Some(subject) = v.subjects.iter().find(|s| s.name == place.name()) {
                feature = feature
                    .with_property("claim", v.claim.text())
                    .with_property("claim_verdict", subject.verdict.name())
                    .with_property(
                        "distance_from_ukraine_km",
                        (subject.distance.as_km() * 10.0).round() / 10.0,
                    )
                    .with_property(
                        "distance_from_ukraine_mi",
                        (subject.distance.as_miles() * 10.0).round() / 10.0,
                    );
            }
        }
        map.add(feature)?;
    }
    for strike in c.strikes() {
        map.add(MapFeature::new(strike.clone()))?;
    }
    let ukrainka = c.place("Ukrainka")?.position();
    for (name, radius) in [
        ("4,300 miles from Ukrainka", Distance::from_miles(4_300.0)),
        ("4,300 km from Ukrainka", Distance::from_km(4_300.0)),
    ] {
        map.add(MapFeature::new(RangeRing::new(name, ukrainka, radius)?))?;
    }
    let path = out.join("june_2025.geojson");
    map.write_file(&path)?;
    let mut manifest = Manifest::new();
    manifest.add("june_2025.geojson", map.summary())?;
    // The claim's picture: everything within 4,300 miles of Ukraine.
    let ukraine = c.territory("Ukraine")?;
    let started = std::time::Instant::now();
    let within = buffer(ukraine, Distance::from_miles(4_300.0))?;
    let took = started.elapsed();
    let mut buffered = MapExport::new(ExportOptions::default());
    buffered.add(
        MapFeature::new(Territory::new("within 4,300 miles of Ukraine", within))
            .with_property("buffer_of", "Ukraine")
            .with_property("distance", "4,300 mi")
            .with_property("distance_m", Distance::from_miles(4_300.0).as_metres()),
    )?;
    let buffer_path = out.join("ukraine_4300mi.geojson");
    buffered.write_file(&buffer_path)?;
    manifest.add("ukraine_4300mi.geojson", buffered.summary())?;
    manifest.write_to_dir(out)?;
    println!(
        "\nWrote everything within 4,300 miles of Ukraine (a geodesic buffer, {took:.1?}) to {}",
        buffer_path.display()
    );
    println!(
        "\nWrote the map ({} features: {}) to {}",
        map.len(),
        map.summary().geometry_types().join(", "),
        path.display()
    );
    println!(
        "  open it in https://geojson.io (drag the file onto the map) or in QGIS (Layer > Add Layer > Add Vector Layer)"
    );
    Ok(())
}

/// Draws the pictures: the claim map of the distance claim (claim.png), and
/// the map file as a static image (map.png) and an HTML page (map.html).
fn write_pictures(
    c: &Catalog,
    verdicts: &[DistanceVerdict],
    out: &std::path::Path,
) -> strikemap::Result<()> {
    if let Some(verdict) = verdicts
        .iter()
        .find(|v| matches!(v.claim, Claim::Distance(_)))
    {
        let name = verdict
            .reference
            .as_ref()
            .map_or("Ukraine", |r| r.name.as_str());
        let reference = c.territory(name)?;
        // The area within 4,300 mi of Ukraine, and within 4,300 km (the
        // diagnosed unit mix-up), as geodesic buffers.
        let map = ClaimMap::new(verdict)
            .with_reference(ReferenceShape::Area(reference.area().clone()))
            .with_claim_buffers()?
            .with_attribution("OurAirports")
            .with_attribution("GeoNames")
            .map(&MapOptions::default())?;
        let path = out.join("claim.png");
        map.write_file(&path)?;
        println!("\nWrote the claim map to {}", path.display());
    }
    let text = std::fs::read_to_string(out.join("june_2025.geojson")).map_err(|e| {
        strikemap::Error::Io {
            path: "june_2025.geojson".into(),
            source: e.into(),
        }
    })?;
    let document: geojson::GeoJson =
        text.parse()
            .map_err(|e: geojson::Error| strikemap::Error::Format {
                expected: "GeoJSON".into(),
                found: e.to_string(),
            })?;
    let options =
        MapOptions::default().with_title("The June 2025 report: air bases, strikes, range rings");
    let map = Map::from_geojson(&document, &options)?;
    for file in ["map.png", "map.html"] {
        map.write_file(out.join(file))?;
    }
    println!(
        "Wrote the map as a picture and a page to {} and {} ({}; the page opens from disk)",
        out.join("map.png").display(),
        out.join("map.html").display(),
        map.projection().name()
    );
    Ok(())
}

fn print_verdicts(verdicts: &[DistanceVerdict]) {
    println!("\nClaims checked (exact, WGS84):");
    println!(
        "  {:<54} {:<9} {:<14} decided by",
        "claim", "reading", "verdict"
    );
    for v in verdicts {
        for r in &v.readings {
            println!(
                "  {:<54} {:<9} {:<14} {}",
                v.claim.text(),
                r.reading.name(),
                r.verdict.name(),
                r.decided_by
            );
        }
        if let Some(mixup) = &v.unit_mixup {
            println!("  {:<54} unit mix-up: {}", "", mixup.summary);
        }
    }
    for v in verdicts {
        println!("\n\"{}\": {}", v.claim.text(), v.verdict.name());
        println!("{}", textwrap(&v.explanation, 78, "  "));
    }
}

/// Wraps text at `width` columns with an indent (no dependency needed).
fn textwrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split_whitespace() {
        if line.len() + word.len() + 1 > width && !line.trim().is_empty() {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
        }
        line.push_str(word);
        line.push(' ');
    }
    out.push_str(line.trim_end());
    out
}

/// Where each place comes from, where it lies, and for the air bases how far
/// the gazetteer's position (OurAirports) is from Wikipedia's.
fn print_places(c: &Catalog) -> strikemap::Result<()> {
    println!("\nPlaces and where they come from:");
    for p in c.places() {
        let site = p.site();
        println!(
            "  {:<16} {:<11} {}  {}",
            site.name,
            p.kind().name(),
            site.position,
            site.source.title
        );
        let w = strikemap::gazetteer::where_is(site.position);
        println!("  {:<16} {w}", "");
    }
    println!("  Cross-check, OurAirports against the Wikipedia infobox:");
    for (name, lat, lon, _, article) in scenario::AIR_BASE_DATA {
        let wiki = strikemap::LatLon::new(lat, lon)?;
        let apart = Geodesic.distance(c.place(name)?.position(), wiki);
        println!(
            "    {name:<16} {:>6.0} m apart (Wikipedia: {article})",
            apart.as_metres()
        );
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = PathBuf::from("out/june_2025");
    let mut control_dir: Option<PathBuf> = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--control" {
            control_dir = Some(
                args.next()
                    .ok_or("--control needs a folder or file")?
                    .into(),
            );
        } else {
            out = arg.into();
        }
    }
    let c = scenario::catalog()?;
    println!("strikemap: the June 2025 report ({})", scenario::report());

    print_places(&c)?;
    distances_from(&c, "Kyiv")?;
    distances_from(&c, "Moscow")?;

    let ukraine = &countries::get("UA")?.territory;
    let ukraine_10m = countries::ukraine_10m();
    println!(
        "\nDistance from Ukraine's territory (Natural Earth 1:50m; 1:10m in brackets), nearest border point:"
    );
    for base in scenario::AIR_BASES {
        let at = c.place(base)?.position();
        let n = ukraine.nearest_to(at);
        let n10 = ukraine_10m.nearest_to(at);
        println!(
            "  {:<16} {} [{:>9.1} km]  nearest {:.4}",
            base,
            km_mi(n.distance),
            n10.distance.as_km(),
            n.point
        );
    }

    for front in c.front_lines() {
        let length = front.length();
        println!(
            "\n{} as of {}{}: {} long, through {}",
            front.name,
            front.as_of,
            if front.approximate {
                " (approximate)"
            } else {
                ""
            },
            km_mi(length).trim(),
            front.waypoints.join(", ")
        );
        for s in &front.sources {
            println!("  source: {s}");
        }
        println!(
            "  note: a sketch through {} town centres cuts the corners of the real line, so it\n  comes out shorter; a length verdict below is about this sketch",
            front.waypoints.len()
        );
        let kharkiv = c.place("Kharkiv")?.position();
        println!(
            "  Kharkiv is {:.1} from it",
            front.distance_to(kharkiv).display_in(Unit::Kilometres)
        );
    }

    control::report(control_dir.as_deref(), &c)?;

    println!("\nStrikes:");
    for s in c.strikes() {
        let counts: Vec<String> = s
            .counts
            .iter()
            .map(|k| match k.out_of {
                Some(total) => format!(
                    "{} {} of {} ({})",
                    k.kind.name(),
                    k.count,
                    total,
                    k.claimed_by
                ),
                None => format!("{} {} ({})", k.kind.name(), k.count, k.claimed_by),
            })
            .collect();
        let range = s
            .range()
            .map(|r| format!(", range {:.0}", r.display_in(Unit::Kilometres)))
            .unwrap_or_default();
        println!(
            "  {} {} on {}{}{}",
            s.date,
            s.weapon.name(),
            s.target.name,
            range,
            if counts.is_empty() {
                String::new()
            } else {
                format!(": {}", counts.join("; "))
            }
        );
    }

    let mut verdicts: Vec<DistanceVerdict> = Vec::new();
    for claim in scenario::distance_claims()? {
        verdicts.push(claim.check_in(&c)?);
    }
    for claim in scenario::length_claims()? {
        verdicts.push(claim.check_in(&c)?);
    }
    print_verdicts(&verdicts);

    std::fs::create_dir_all(&out)?;
    let verdict_path = out.join("verdicts.json");
    std::fs::write(&verdict_path, serde_json::to_string_pretty(&verdicts)?)?;
    println!("\nWrote the verdicts (JSON) to {}", verdict_path.display());
    write_map(&c, &verdicts, &out)?;
    write_pictures(&c, &verdicts, &out)?;
    let path = out.join("scenario.json");
    std::fs::write(&path, serde_json::to_string_pretty(&c)?)?;
    println!("\nWrote the typed scenario to {}", path.display());
    review::report(&c, &out)?;
    Ok(())
}
