//! Control maps: loading 800 daily snapshots, one event measured against
//! the snapshot of its date, and a million events across 800 snapshots.
//!
//! Budgets (issue "Who controls what, when"): loading 800 snapshots of about
//! 80 KB ≤ 10 s; `as_of` + containment + distance to the line of contact for
//! one event ≤ 20 µs; 1,000,000 events across 800 snapshots ≤ 20 s on 2
//! cores, snapshots prepared once and shared (preparation included).
//!
//! No real control map may be committed, so the snapshots are made here: a
//! held area of 3,000 vertices around 48.3°N 38.9°E, straddling Ukraine's
//! eastern border (about half of it inside Ukraine, as the occupied area's
//! boundary is part border, part line of contact), its outline wobbling at
//! several scales and moving a little every day. Each file is about 80 KB,
//! like a DeepStateMap export.

#![allow(missing_docs)] // criterion_group! generates undocumented items
#![allow(clippy::expect_used, clippy::unwrap_used)] // benchmark set-up on generated data
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use strikemap::{
    Bearing, Date, Distance, Geodesic, LatLon, Metric as _,
    io::control::{ReadOptions, read},
    model::{ContactOptions, ControlMap},
};

const SNAPSHOTS: usize = 800;
const VERTICES: usize = 3_000;

fn first_day() -> Date {
    Date::constant(2024, 1, 1)
}

/// The held area's ring on day `day`, as `[lon, lat]` (counter-clockwise).
fn ring(day: usize) -> Vec<[f64; 2]> {
    let centre = LatLon::new(48.3, 38.9).unwrap();
    let t = day as f64;
    let mut ring: Vec<[f64; 2]> = (0..VERTICES)
        .map(|i| {
            let a = std::f64::consts::TAU * i as f64 / VERTICES as f64;
            let km = 200.0
                + 20.0 * (7.0 * a + 0.01 * t).sin()
                + 5.0 * (37.0 * a + 0.03 * t).sin()
                + 1.0 * (211.0 * a).sin();
            // Counter-clockwise: bearings decreasing.
            let bearing = Bearing::from_degrees((360.0 - a.to_degrees()) % 360.0).unwrap();
            let p = Geodesic
                .destination(centre, bearing, Distance::from_km(km))
                .unwrap();
            let round = |x: f64| (x * 1e6).round() / 1e6;
            [round(p.lon()), round(p.lat())]
        })
        .collect();
    ring.push(ring[0]);
    ring
}

fn write_snapshots(dir: &Path) {
    for day in 0..SNAPSHOTS {
        let date = first_day()
            .checked_add(jiff::Span::new().days(day as i64))
            .unwrap();
        let name = format!("deepstatemap_data_{}.geojson", date.strftime("%Y%m%d"));
        let doc = serde_json::json!({
            "type": "FeatureCollection",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
            "features": [{"type": "Feature", "properties": {},
                "geometry": {"type": "MultiPolygon", "coordinates": [[ring(day)]]}}],
        });
        std::fs::write(dir.join(name), serde_json::to_vec(&doc).unwrap()).unwrap();
    }
}

fn ukraine() -> ContactOptions {
    ContactOptions::new(strikemap::countries::ukraine_10m().clone())
}

/// `n` events around the held area, each dated on one of the snapshot days
/// (deterministic: the R2 low-discrepancy sequence, Roberts 2018).
fn events(n: usize) -> Vec<(Date, LatLon)> {
    let g = 1.324_717_957_244_746_f64;
    let (a1, a2, a3) = (1.0 / g, 1.0 / (g * g), 0.618_033_988_749_895);
    (0..n)
        .map(|i| {
            let i = i as f64;
            let u = (0.5 + a1 * i).fract();
            let v = (0.5 + a2 * i).fract();
            let w = (0.5 + a3 * i).fract();
            let day = (w * SNAPSHOTS as f64) as i64;
            let date = first_day()
                .checked_add(jiff::Span::new().days(day))
                .unwrap();
            (date, LatLon::new(45.5 + 5.5 * u, 34.0 + 8.0 * v).unwrap())
        })
        .collect()
}

fn measure_all(map: &ControlMap, events: &[(Date, LatLon)]) -> f64 {
    use rayon::prelude::*;
    events
        .par_iter()
        .map(|(d, p)| {
            let day = map.as_of(*d).unwrap();
            let held = day.holds(*p);
            let km = day.distance_to_contact(*p).unwrap().as_km();
            if held { km } else { -km }
        })
        .sum()
}

fn control(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    write_snapshots(dir.path());
    let size: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    eprintln!(
        "{SNAPSHOTS} snapshots of {} KB on average",
        size / SNAPSHOTS as u64 / 1000
    );

    let mut group = c.benchmark_group("control");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("load 800 daily snapshots (~80 KB each)", |b| {
        b.iter(|| black_box(read(dir.path(), &ReadOptions::new()).unwrap().map.len()));
    });

    let map = read(dir.path(), &ReadOptions::new())
        .unwrap()
        .map
        .with_contact(ukraine());
    let t = Instant::now();
    map.prepare().unwrap();
    eprintln!(
        "prepared {SNAPSHOTS} snapshots (lines of contact derived) in {:.2?}",
        t.elapsed()
    );
    let sample = events(10_000);
    let mut k = 0usize;
    group.bench_function(
        "one event: as_of + holds + distance to the line of contact",
        |b| {
            b.iter(|| {
                let (d, p) = sample[k % sample.len()];
                k += 1;
                let day = map.as_of(black_box(d)).unwrap();
                black_box((day.holds(p), day.distance_to_contact(p).unwrap()))
            });
        },
    );

    let million = events(1_000_000);
    group.bench_function(
        "1,000,000 events across 800 snapshots (preparation included)",
        |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    // A fresh map: every snapshot prepared again, as a new run would.
                    let fresh = map.clone().with_contact(ukraine());
                    let t = Instant::now();
                    fresh.prepare().unwrap();
                    black_box(measure_all(&fresh, &million));
                    total += t.elapsed();
                }
                total
            });
        },
    );
    group.finish();
}

criterion_group!(benches, control);
criterion_main!(benches);
