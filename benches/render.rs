//! Rendering the june_2025 claim map ("the targets were more than 4,300
//! miles from Ukraine", five air bases, Ukraine as the reference) at 1,600
//! px: layout (projecting the basemap exactly), SVG, and PNG. The budget
//! is one second.

#![allow(missing_docs)] // criterion_group! generates undocumented items
#![allow(clippy::expect_used)] // benchmark set-up

use std::time::Duration as StdDuration;

use criterion::{Criterion, criterion_group, criterion_main};
use strikemap::{
    AirBase, CountryCode, DistanceClaim, LatLon, countries,
    model::TargetRef,
    render::{ClaimMap, MapOptions, ReferenceShape},
};

fn bench(c: &mut Criterion) {
    let ru = CountryCode::new("RU").expect("code");
    // Positions as in examples/june_2025 (OurAirports).
    let bases: Vec<AirBase> = [
        ("Olenya", 68.1517, 33.4639),
        ("Belaya", 52.915, 103.575),
        ("Dyagilevo", 54.6447, 39.5703),
        ("Ivanovo Severny", 57.0583, 40.9817),
        ("Ukrainka", 51.17, 128.445),
    ]
    .into_iter()
    .map(|(name, lat, lon)| AirBase::new(name, LatLon::new(lat, lon).expect("position"), ru))
    .collect();
    let ukraine = &countries::get("UA").expect("Ukraine").territory;
    let verdict = DistanceClaim::parse("the targets were more than 4,300 miles from Ukraine")
        .expect("claim")
        .check(&bases, TargetRef::Territory(ukraine))
        .expect("verdict");
    let options = MapOptions::default();
    // The claim map as the example draws it: with the geodesic buffers of
    // Ukraine at 4,300 mi and at 4,300 km (the diagnosed unit mix-up),
    // computed once; the benches below draw it.
    let claim_map = ClaimMap::new(&verdict)
        .with_reference(ReferenceShape::Area(ukraine.area().clone()))
        .with_claim_buffers()
        .expect("buffers");
    assert_eq!(claim_map.buffers().len(), 2);
    let mut g = c.benchmark_group("render");
    g.sample_size(10)
        .measurement_time(StdDuration::from_secs(10))
        .warm_up_time(StdDuration::from_secs(1));
    g.bench_function("june_2025_claim_map_png_1600px", |b| {
        b.iter(|| {
            claim_map
                .clone()
                .map(&options)
                .expect("layout")
                .to_png()
                .expect("png")
        });
    });
    g.bench_function("june_2025_claim_map_layout_svg_1600px", |b| {
        b.iter(|| claim_map.clone().map(&options).expect("layout").to_svg());
    });
    g.bench_function("june_2025_claim_map_with_its_buffers_png_1600px", |b| {
        b.iter(|| {
            ClaimMap::new(&verdict)
                .with_reference(ReferenceShape::Area(ukraine.area().clone()))
                .with_claim_buffers()
                .expect("buffers")
                .map(&options)
                .expect("layout")
                .to_png()
                .expect("png")
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
