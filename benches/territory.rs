//! Distance from a point to Ukraine's territory: prepared (indexed) versus
//! naive (every vertex measured, then bounded edges solved), at 1:10m and 1:50m.

#![allow(missing_docs)] // criterion_group! generates undocumented items
#![allow(clippy::expect_used)] // benchmark set-up on literal data
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use strikemap::{LatLon, Target, countries};

fn p(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).expect("valid literal")
}

/// Query sets: points just outside the border, deep inside, and far away
/// (the five air bases of June 2025).
fn queries() -> Vec<(&'static str, Vec<LatLon>)> {
    vec![
        (
            "near",
            vec![
                p(51.6, 36.1),
                p(52.3, 23.0),
                p(48.2, 40.5),
                p(46.0, 28.0),
                p(44.9, 37.5),
                p(53.0, 31.0),
            ],
        ),
        (
            "inside",
            vec![
                p(50.45, 30.52),
                p(49.99, 36.23),
                p(46.48, 30.72),
                p(48.45, 35.05),
                p(44.95, 34.10),
            ],
        ),
        (
            "far",
            vec![
                p(68.1517, 33.4639),
                p(52.915, 103.575),
                p(54.6447, 39.5703),
                p(57.0575, 40.9808),
                p(51.17, 128.445),
            ],
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let ua50 = &countries::get("UA").expect("bundled").territory;
    let ua10 = countries::ukraine_10m();
    for (scale, territory) in [("10m", ua10), ("50m", ua50)] {
        let prepared = territory.prepared();
        let mut group = c.benchmark_group(format!("ukraine_{scale}"));
        for (name, points) in queries() {
            group.bench_function(format!("prepared_{name}"), |b| {
                b.iter(|| {
                    for q in &points {
                        black_box(prepared.nearest_to(black_box(*q)));
                    }
                })
            });
            group.bench_function(format!("naive_{name}"), |b| {
                b.iter(|| {
                    for q in &points {
                        black_box(territory.area().nearest_to(black_box(*q)));
                    }
                })
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
