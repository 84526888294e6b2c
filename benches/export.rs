//! GeoJSON export of a million point features with properties, streamed to a
//! file with [`FeatureCollectionWriter`] (memory stays flat: one feature at a time).

#![allow(missing_docs)] // criterion_group! generates undocumented items
#![allow(clippy::expect_used)] // benchmark set-up

use std::fs::File;
use std::io::BufWriter;
use std::time::Duration as StdDuration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use strikemap::{
    LatLon, Source, Strike,
    io::geojson::{ExportOptions, FeatureCollectionWriter},
    model::{ClaimedCount, CountKind, Endpoint, Weapon},
};

fn strikes(n: usize) -> impl Iterator<Item = Strike> {
    let date = strikemap::Date::constant(2025, 6, 1);
    (0..n).map(move |i| {
        let f = i as f64;
        let p = LatLon::new(
            44.0 + (f * 0.618_034).fract() * 9.0,
            22.0 + (f * 0.414_214).fract() * 19.0,
        )
        .expect("inside the box");
        Strike::new(date, Endpoint::new(format!("event {i}"), p), Weapon::Drone)
            .with_id(format!("ev-{i}"))
            .with_count(ClaimedCount::new(CountKind::Launched, 3, "local officials"))
            .with_source(Source::new("synthetic"))
    })
}

fn bench(c: &mut Criterion) {
    let path = std::env::temp_dir().join("strikemap-bench-1m.geojson");
    let mut g = c.benchmark_group("export_1m");
    g.sample_size(10)
        .measurement_time(StdDuration::from_secs(20))
        .warm_up_time(StdDuration::from_secs(1));
    // A new file each time: the previous one is removed before the clock
    // starts (overwriting it in place would also time the file system
    // writing the old one back: ext4 flushes a file truncated by
    // `File::create` when it is rewritten).
    g.bench_function("strike_points_to_file", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_file(&path);
            },
            |()| {
                let file =
                    BufWriter::with_capacity(1 << 20, File::create(&path).expect("temp file"));
                let mut w = FeatureCollectionWriter::new(
                    file,
                    ExportOptions::default().with_strike_arcs(false),
                );
                for s in strikes(1_000_000) {
                    w.write(s).expect("write");
                }
                w.finish().expect("finish")
            },
            BatchSize::PerIteration,
        )
    });
    // The same without the file: what the export itself costs.
    g.bench_function("strike_points_to_sink", |b| {
        b.iter(|| {
            let mut w = FeatureCollectionWriter::new(
                std::io::sink(),
                ExportOptions::default().with_strike_arcs(false),
            );
            for s in strikes(1_000_000) {
                w.write(s).expect("write");
            }
            w.finish().expect("finish")
        })
    });
    g.finish();
    let _ = std::fs::remove_file(&path);
}

criterion_group!(benches, bench);
criterion_main!(benches);
