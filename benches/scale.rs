//! Performance at scale: batches of a million points against Ukraine at
//! 1:10m and a 10,000-vertex front line, and proximity queries over a
//! million indexed places.

#![allow(missing_docs)] // criterion_group! generates undocumented items
#![allow(clippy::expect_used)] // benchmark set-up on bundled data

use std::hint::black_box;
use std::time::Duration as StdDuration;

#[path = "../tests/it/common/mod.rs"]
mod common;

use common::points;
use criterion::{Criterion, criterion_group, criterion_main};
use strikemap::{
    Distance, LatLon, Line, Method, countries,
    measure::{PointIndex, PreparedLine, nearest_many},
};

fn front_line() -> PreparedLine {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/data/front-line-10k.geojson"
    ))
    .expect("bench data");
    let fc: geojson::FeatureCollection = text.parse().expect("GeoJSON");
    let geometry = fc.features[0].geometry.as_ref().expect("geometry");
    PreparedLine::new(Line::try_from(geometry).expect("a line"))
}

fn batches(c: &mut Criterion) {
    let million = points(1_000_000, 7, (44.0, 53.0), (22.0, 41.0));
    let ukraine = countries::ukraine_10m().prepared();
    let front = front_line();
    let mut g = c.benchmark_group("batch_1m");
    g.sample_size(10)
        .measurement_time(StdDuration::from_secs(20))
        .warm_up_time(StdDuration::from_secs(1));
    g.bench_function("ukraine_10m", |b| {
        b.iter(|| black_box(nearest_many(ukraine, &million, Method::Geodesic)))
    });
    g.bench_function("front_line_10k", |b| {
        b.iter(|| black_box(nearest_many(&front, &million, Method::Geodesic)))
    });
    g.finish();
}

fn index(c: &mut Criterion) {
    let places: Vec<(LatLon, u32)> = points(1_000_000, 11, (-60.0, 75.0), (-180.0, 180.0))
        .into_iter()
        .zip(0..)
        .collect();
    let queries = points(64, 13, (40.0, 60.0), (20.0, 50.0));
    let mut g = c.benchmark_group("index_1m");
    g.sample_size(10)
        .measurement_time(StdDuration::from_secs(10))
        .warm_up_time(StdDuration::from_secs(1));
    g.bench_function("bulk_load", |b| {
        b.iter(|| black_box(PointIndex::new(places.clone())))
    });
    let index = PointIndex::new(places);
    let front = front_line();
    g.sample_size(20)
        .measurement_time(StdDuration::from_secs(5));
    g.bench_function("within_100km_x64", |b| {
        b.iter(|| {
            for q in &queries {
                black_box(index.within(*q, Distance::from_km(100.0)));
            }
        })
    });
    g.bench_function("nearest_10_x64", |b| {
        b.iter(|| {
            for q in &queries {
                black_box(index.nearest(*q, 10));
            }
        })
    });
    g.bench_function("within_20km_of_front_line", |b| {
        b.iter(|| black_box(index.within_line(&front, Distance::from_km(20.0))))
    });
    g.finish();
}

criterion_group!(benches, batches, index);
criterion_main!(benches);
