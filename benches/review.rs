//! Reviewing articles: the June 2025 report with its scenario, each article
//! of the two test corpora (`tests/fixtures/review/`,
//! `tests/fixtures/review_holdout/`) and the whole corpus, and the HTML
//! report of the June 2025 review.

#![allow(missing_docs)] // criterion_group! generates undocumented items
#![allow(clippy::expect_used)] // benchmark set-up

use std::path::Path;
use std::time::Duration as StdDuration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use strikemap::io::geojson::{ImportOptions, Imported};
use strikemap::review::{Context, review};

fn articles(dir: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("article"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scenario = Imported::from_path(
        root.join("tests/fixtures/review/june_2025.geojson"),
        &ImportOptions::default(),
    )
    .and_then(|i| i.to_catalog())
    .expect("scenario");
    let report =
        std::fs::read_to_string(root.join("examples/data/june_2025_report.txt")).expect("report");
    let with_scenario = Context::new().with_scenario(&scenario);
    // Load the bundled gazetteer, countries and regions before timing.
    let _ = review(&report, &with_scenario).expect("review");

    let mut g = c.benchmark_group("review");
    g.sample_size(20)
        .measurement_time(StdDuration::from_secs(5))
        .warm_up_time(StdDuration::from_secs(1));
    g.throughput(Throughput::Bytes(report.len() as u64));
    g.bench_function("june_2025_report_with_scenario", |b| {
        b.iter(|| review(&report, &with_scenario).expect("review"));
    });
    let done = review(&report, &with_scenario).expect("review");
    g.bench_function("june_2025_report_html", |b| {
        b.iter(|| done.html("the June 2025 report"));
    });
    let corpus: Vec<String> = articles("review")
        .into_iter()
        .chain(articles("review_holdout"))
        .collect();
    let bytes: usize = corpus.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    let plain = Context::new();
    g.bench_function("both_corpora_every_article", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|a| review(a, &plain).expect("review").findings.len())
                .sum::<usize>()
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
