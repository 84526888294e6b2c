//! Geodesic buffers (`measure::buffer`): Ukraine (1:50m) at 100 km, 4,300
//! miles and 15,000 km, a point at 4,300 miles, and a front line at 10 km.

#![allow(missing_docs)] // criterion_group! generates undocumented items
#![allow(clippy::expect_used)] // benchmark set-up on literal data
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use strikemap::{
    Distance, LatLon, Line, countries,
    measure::{PreparedLine, buffer},
};

fn p(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).expect("valid literal")
}

fn bench(c: &mut Criterion) {
    let ukraine = &countries::get("UA").expect("bundled").territory;
    let mut group = c.benchmark_group("buffer");
    group.sample_size(10);
    for (name, d) in [
        ("ukraine_100km", Distance::from_km(100.0)),
        ("ukraine_4300mi", Distance::from_miles(4_300.0)),
        ("ukraine_15000km", Distance::from_km(15_000.0)),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| buffer(black_box(ukraine), d).expect("buffer"))
        });
    }
    let ukrainka = p(51.17, 128.45);
    group.bench_function("point_4300mi", |b| {
        b.iter(|| buffer(black_box(&ukrainka), Distance::from_miles(4_300.0)).expect("buffer"))
    });
    let front = PreparedLine::new(
        Line::from_vertices(vec![
            p(46.6, 32.6),
            p(47.1, 34.3),
            p(47.5, 35.9),
            p(47.75, 37.3),
            p(48.5, 37.9),
            p(49.4, 37.7),
            p(50.4, 36.0),
        ])
        .expect("valid line"),
    );
    group.bench_function("front_line_10km", |b| {
        b.iter(|| buffer(black_box(&front), Distance::from_km(10.0)).expect("buffer"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
