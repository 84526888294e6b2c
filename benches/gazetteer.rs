//! The gazetteer and regions: loading the bundled tables, looking a name up,
//! and reverse look-up (country and region) of a million points.
//!
//! Budgets (issue "Places by name, offline"): load ≤ 50 ms, look-up ≤ 5 µs,
//! 1,000,000 points to country + region in ≤ 3 s on 2 cores.

#![allow(missing_docs)] // criterion_group! generates undocumented items
#![allow(clippy::expect_used)] // benchmark set-up on literal data
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use strikemap::{LatLon, gazetteer, regions};

/// `n` points spread over Ukraine, Russia west of the Urals and their
/// neighbours (44–60 N, 22–50 E), on a deterministic low-discrepancy grid
/// (no random crate needed).
fn points(n: usize) -> Vec<LatLon> {
    // The R2 sequence (Roberts 2018): fractional parts of i * (1/g, 1/g^2)
    // for the plastic number g.
    let g = 1.324_717_957_244_746_f64;
    let (a1, a2) = (1.0 / g, 1.0 / (g * g));
    (0..n)
        .map(|i| {
            let i = i as f64;
            let u = (0.5 + a1 * i).fract();
            let v = (0.5 + a2 * i).fract();
            LatLon::new(44.0 + 16.0 * u, 22.0 + 28.0 * v).expect("in range")
        })
        .collect()
}

fn load(c: &mut Criterion) {
    c.bench_function("gazetteer/load (split the bundled tables)", |b| {
        b.iter(|| black_box(gazetteer::split_bundled()));
    });
}

fn look_up(c: &mut Criterion) {
    gazetteer::load();
    let mut group = c.benchmark_group("gazetteer/resolve");
    for name in [
        "Kharkiv",
        "Kiev",
        "XLMO",
        "Olenya air base",
        "Pokrovsk, UA",
        "Київ",
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(gazetteer::resolve(black_box(name))))
        });
    }
    group.finish();
}

fn reverse(c: &mut Criterion) {
    let sample = points(1_000);
    // Build the indexes first: they are built once, on first use.
    let _ = regions::locate_all(&sample);
    let _ = gazetteer::where_is(sample[0]);
    let mut group = c.benchmark_group("gazetteer/reverse");
    group.bench_function(
        "where_is (country, region, nearest place and airfield)",
        |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % sample.len();
                black_box(gazetteer::where_is(sample[i]))
            });
        },
    );
    group.finish();
    let million = points(1_000_000);
    let mut group = c.benchmark_group("gazetteer/reverse");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function(
        "locate_all 1,000,000 points (country + region, rayon)",
        |b| {
            b.iter(|| black_box(regions::locate_all(&million)));
        },
    );
    group.finish();
}

criterion_group!(benches, load, look_up, reverse);
criterion_main!(benches);
