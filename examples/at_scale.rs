//! strikemap at scale: a million events streamed to GeoJSON in flat
//! memory, measured exactly against Ukraine's 1:10m border on every core,
//! and indexed for "within D" and "k nearest" queries.
//!
//! ```text
//! cargo run --release --example at_scale -- [OUTPUT_DIR] [EVENTS]   # defaults: out/ 1000000
//! bash scripts/check_geojson.sh OUTPUT_DIR                          # checks the file with GDAL's ogrinfo
//! ```
//!
//! The events are synthetic (a low-discrepancy sequence over 44–56° N,
//! 22–45° E, dated over June 2025), so the run needs no data and gives the
//! same numbers everywhere. Writes `OUTPUT_DIR/events.geojson` (one styled
//! strike point per event) and `OUTPUT_DIR/manifest.txt`. Timings are
//! printed for orientation; the benchmarks in `benches/` are the
//! measurements.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;
use std::time::Instant;

use strikemap::{
    Distance, LatLon, Method, Source, Strike, countries,
    io::geojson::{ExportOptions, FeatureCollectionWriter, Manifest},
    measure::{PointIndex, nearest_many},
    model::{ClaimedCount, CountKind, Endpoint, Weapon},
};

const WEAPONS: [Weapon; 4] = [
    Weapon::Drone,
    Weapon::BallisticMissile,
    Weapon::CruiseMissile,
    Weapon::GlideBomb,
];

/// The i-th event position: golden-ratio steps, evenly spread over the box.
fn position(i: usize) -> Result<LatLon, strikemap::Error> {
    let f = i as f64;
    LatLon::new(
        44.0 + (f * 0.618_033_988_75).fract() * 12.0,
        22.0 + (f * 0.414_213_562_37).fract() * 23.0,
    )
}

/// The i-th event as a strike: a target, a day in June 2025, a weapon, a
/// claimed count and a source.
fn event(i: usize) -> Result<Strike, strikemap::Error> {
    let day = i8::try_from(1 + i % 30).unwrap_or(1);
    let date = strikemap::Date::constant(2025, 6, day);
    Ok(Strike::new(
        date,
        Endpoint::new(format!("event {i}"), position(i)?),
        WEAPONS[i % WEAPONS.len()],
    )
    .with_id(format!("ev-{i}"))
    .with_count(ClaimedCount::new(
        CountKind::Launched,
        1 + (i % 7) as u32,
        "synthetic",
    ))
    .with_source(Source::new("strikemap example at_scale (synthetic)")))
}

/// The peak resident memory of this process so far (Linux; `None` elsewhere).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn memory() -> String {
    peak_memory_mb().map_or_else(|| "n/a".to_string(), |mb| format!("{mb:.0} MB"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "out".to_string()));
    let n: usize = match args.next() {
        Some(text) => text.replace(['_', ','], "").parse()?,
        None => 1_000_000,
    };
    std::fs::create_dir_all(&dir)?;
    println!("strikemap at scale: {n} synthetic events");

    // 1. Stream every event to a FeatureCollection, one at a time: memory
    //    does not grow with the number of events (beyond 8 bytes an id).
    let clock = Instant::now();
    let path = dir.join("events.geojson");
    let file = BufWriter::with_capacity(1 << 20, File::create(&path)?);
    let mut writer = FeatureCollectionWriter::new(file, ExportOptions::default());
    for i in 0..n {
        writer.write(event(i)?)?;
    }
    let summary = writer.finish()?;
    let bytes = std::fs::metadata(&path)?.len();
    println!(
        "  GeoJSON: {} features, {:.0} MB, in {:.2} s; peak memory {}",
        summary.features(),
        bytes as f64 / 1e6,
        clock.elapsed().as_secs_f64(),
        memory()
    );
    let mut manifest = Manifest::new();
    manifest.add("events.geojson", &summary)?;
    manifest.write_to_dir(&dir)?;

    // 2. The exact geodesic distance from every event to Ukraine (1:10m,
    //    Crimea included), on all cores.
    let points = (0..n).map(position).collect::<Result<Vec<_>, _>>()?;
    let ukraine = countries::ukraine_10m();
    let clock = Instant::now();
    let nearest = nearest_many(ukraine, &points, Method::Geodesic);
    let seconds = clock.elapsed().as_secs_f64();
    let inside = nearest.iter().filter(|r| r.inside).count();
    let near = Distance::from_km(50.0);
    let within_50_km = nearest
        .iter()
        .filter(|r| !r.inside && r.distance <= near)
        .count();
    let farthest = nearest
        .iter()
        .map(|r| r.distance)
        .fold(Distance::ZERO, Distance::max);
    println!(
        "  Distance to Ukraine: {inside} inside, {within_50_km} outside but within 50 km, \
         farthest {farthest:.1} km away ({:.2} s, {:.1} µs an event)",
        seconds,
        seconds * 1e6 / n.max(1) as f64,
        farthest = farthest.as_km()
    );

    // 3. An index over the events: within 100 km of Kharkiv, nearest to Kyiv.
    let clock = Instant::now();
    let index = PointIndex::new(points.iter().copied().zip(0..n).collect());
    let built = clock.elapsed().as_secs_f64();
    let kharkiv = LatLon::new(49.9935, 36.2304)?;
    let kyiv = LatLon::new(50.4501, 30.5234)?;
    let clock = Instant::now();
    let around_kharkiv = index.within(kharkiv, Distance::from_km(100.0));
    let closest = index.nearest(kyiv, 3);
    let queried = clock.elapsed().as_secs_f64();
    println!(
        "  Index: built in {built:.2} s; {} events within 100 km of Kharkiv; \
         nearest to Kyiv: {} ({queried:.4} s for both queries)",
        around_kharkiv.len(),
        closest
            .iter()
            .map(|h| format!("event {} at {:.2} km", h.item, h.distance.as_km()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("  Peak memory of the whole run: {}", memory());
    println!("Open {} in QGIS or kepler.gl.", path.display());
    Ok(())
}
