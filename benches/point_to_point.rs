//! Point-to-point distance: strikemap's API against geo's `Geodesic` and
//! `Haversine` alone, on the same pairs.

#![allow(missing_docs)] // criterion_group! generates undocumented items
#![allow(clippy::expect_used)] // benchmark set-up on literal data

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use geo::Distance as _;
use strikemap::{Geodesic, Haversine, LatLon, Metric};

fn pairs() -> Vec<(LatLon, LatLon)> {
    // A deterministic spread of pairs over the globe (no RNG dependency).
    (0..1000)
        .map(|i| {
            let f = f64::from(i);
            let a = LatLon::new((f * 0.173).sin() * 89.0, (f * 0.311).cos() * 179.0);
            let b = LatLon::new((f * 0.419).cos() * 89.0, (f * 0.271).sin() * 179.0);
            (a.expect("in range"), b.expect("in range"))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let pairs = pairs();
    let points: Vec<(geo::Point, geo::Point)> = pairs
        .iter()
        .map(|(a, b)| (a.to_point(), b.to_point()))
        .collect();
    let mut g = c.benchmark_group("point_to_point_1000");
    g.bench_function("strikemap_geodesic", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(x, y)| Geodesic.distance(black_box(*x), black_box(*y)).as_metres())
                .sum::<f64>()
        })
    });
    g.bench_function("geo_geodesic", |b| {
        b.iter(|| {
            points
                .iter()
                .map(|(x, y)| geo::Geodesic.distance(black_box(*x), black_box(*y)))
                .sum::<f64>()
        })
    });
    g.bench_function("strikemap_haversine", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(x, y)| Haversine.distance(black_box(*x), black_box(*y)).as_metres())
                .sum::<f64>()
        })
    });
    g.bench_function("geo_haversine", |b| {
        b.iter(|| {
            points
                .iter()
                .map(|(x, y)| geo::Haversine.distance(black_box(*x), black_box(*y)))
                .sum::<f64>()
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
