//! Times strikemap on the data set that `benches/compare/run.sh` generates
//! and prints the timings and the answers as JSON (the schema every peer
//! runner of `benches/compare/` writes; `peers.py report` reads them all).
//!
//! Usage: `strikemap-compare-driver DATA_DIR [--min-repeats R] [--min-time S] [--max-time S] [--warm-up N] [--only OPS]`
//!
//! Every operation runs single-threaded, one query at a time, like the peers.
//! A pass over all queries is timed as a whole; the per-query time of a pass
//! is its time divided by the number of queries, and passes repeat until
//! `--min-repeats` passes and `--min-time` seconds are both reached (or
//! `--max-time` seconds have gone by). Before timing, the first `--warm-up`
//! queries run once untimed.
//!
//! The reverse look-up is a batch operation (`regions::locate_all`, rayon):
//! each pass is one call on all its points, timed on a one-thread rayon pool
//! (the reference row) and on rayon's default pool (every core).
//!
//! `--only` takes comma-separated operation ids (`point-to-point`,
//! `point-to-ukraine`, `point-to-front-line`, `geojson-export`,
//! `reverse-lookup`, `parquet-export`) and runs only those.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::{Value, json};
use strikemap::{
    Area, Geodesic, LatLon, Line, Metric, Source, Strike, Target, countries,
    io::geojson::{ExportOptions, FeatureCollectionWriter},
    measure::PreparedLine,
    model::{ClaimedCount, CountKind, Endpoint, Weapon},
    regions,
};

/// The operations, as `peers.py` names them.
const OPS: [&str; 6] = [
    "point-to-point",
    "point-to-ukraine",
    "point-to-front-line",
    "geojson-export",
    "reverse-lookup",
    "parquet-export",
];

/// Rows in one pass of the GeoParquet export (the query points, repeated).
const PARQUET_ROWS: usize = 1_000_000;

/// Features in one pass of the GeoJSON export (the query points, repeated).
const EXPORT_FEATURES: usize = 100_000;

type Fallible<T> = Result<T, Box<dyn std::error::Error>>;

struct Timing {
    min_repeats: usize,
    min_time: f64,
    max_time: f64,
    warm_up: usize,
}

struct Measured {
    /// Seconds per query, one value per timed pass.
    per_query_s: Vec<f64>,
    /// The answers of the first timed pass, in metres.
    answers_m: Vec<f64>,
}

impl Timing {
    /// Times `query` over `inputs` (one call per input), as described in the module docs.
    fn run<I: Copy>(&self, inputs: &[I], mut query: impl FnMut(I) -> f64) -> Measured {
        for &q in inputs.iter().take(self.warm_up) {
            black_box(query(black_box(q)));
        }
        let mut per_query_s = Vec::new();
        let mut answers_m = Vec::new();
        let started = Instant::now();
        loop {
            let mut answers = Vec::with_capacity(inputs.len());
            let t = Instant::now();
            for &q in inputs {
                answers.push(query(black_box(q)));
            }
            let pass = t.elapsed().as_secs_f64();
            black_box(&answers);
            per_query_s.push(pass / inputs.len() as f64);
            if answers_m.is_empty() {
                answers_m = answers;
            }
            let total = started.elapsed().as_secs_f64();
            let enough = per_query_s.len() >= self.min_repeats && total >= self.min_time;
            if enough || total >= self.max_time {
                break;
            }
        }
        Measured {
            per_query_s,
            answers_m,
        }
    }
}

impl Timing {
    /// Times whole passes of `pass` (no warm-up beyond one untimed pass);
    /// the "answers" are the number of features of each pass.
    fn passes(
        &self,
        features: usize,
        mut pass: impl FnMut() -> Fallible<()>,
    ) -> Fallible<Measured> {
        pass()?;
        let mut per_query_s = Vec::new();
        let started = Instant::now();
        loop {
            let t = Instant::now();
            pass()?;
            per_query_s.push(t.elapsed().as_secs_f64() / features as f64);
            let total = started.elapsed().as_secs_f64();
            let enough = per_query_s.len() >= self.min_repeats && total >= self.min_time;
            if enough || total >= self.max_time {
                break;
            }
        }
        Ok(Measured {
            per_query_s,
            answers_m: vec![0.0; features],
        })
    }

    /// Times `pass`, one call on all `inputs` inputs per pass (the caller
    /// warms up); returns the seconds per input of each pass and what the
    /// first timed pass returned.
    fn batches<T>(&self, inputs: usize, mut pass: impl FnMut() -> T) -> (Vec<f64>, T) {
        let mut per_input_s = Vec::new();
        let mut first = None;
        let started = Instant::now();
        loop {
            let t = Instant::now();
            let got = black_box(pass());
            per_input_s.push(t.elapsed().as_secs_f64() / inputs as f64);
            if first.is_none() {
                first = Some(got);
            }
            let total = started.elapsed().as_secs_f64();
            let enough = per_input_s.len() >= self.min_repeats && total >= self.min_time;
            if enough || total >= self.max_time {
                break;
            }
        }
        #[allow(clippy::expect_used, reason = "the loop runs at least once")]
        (per_input_s, first.expect("one pass ran"))
    }
}

/// The i-th exported event: a drone strike on the query point `at`, with
/// the properties every exporter in `benches/compare/` writes.
fn event(i: usize, at: LatLon) -> Strike {
    Strike::new(
        strikemap::Date::constant(2025, 6, 1),
        Endpoint::new(format!("event {i}"), at),
        Weapon::Drone,
    )
    .with_id(format!("ev-{i}"))
    .with_count(ClaimedCount::new(CountKind::Launched, 3, "local officials"))
    .with_source(Source::new("synthetic"))
}

/// Writes `EXPORT_FEATURES` events (the query points, repeated) to `path`
/// through the stream writer.
fn export(queries: &[LatLon], path: &Path) -> Fallible<()> {
    let file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    let options = ExportOptions::default().with_strike_arcs(false);
    let mut writer = FeatureCollectionWriter::new(file, options);
    for i in 0..EXPORT_FEATURES {
        writer.write(event(i, queries[i % queries.len()]))?;
    }
    writer.finish()?;
    Ok(())
}

/// The columns of the GeoParquet export, with their types (as `peers.py`
/// builds the same rows for geopandas).
fn parquet_columns() -> Vec<(String, strikemap::io::parquet::ColumnType)> {
    use strikemap::io::parquet::ColumnType;
    [
        ("event_id", ColumnType::Text),
        ("event_date", ColumnType::Date),
        ("fatalities", ColumnType::Int64),
        ("notes", ColumnType::Text),
        ("distance_km", ColumnType::Float64),
        ("inside", ColumnType::Boolean),
    ]
    .map(|(n, t)| (n.to_string(), t))
    .to_vec()
}

/// Writes `PARQUET_ROWS` events (the query points, repeated) to `path` as
/// GeoParquet, each row built as the JSON object the writer takes.
fn parquet_export(queries: &[LatLon], path: &Path) -> Fallible<()> {
    use strikemap::io::parquet::GeoParquetWriter;
    let file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    let mut writer = GeoParquetWriter::new(file, &parquet_columns())?;
    let mut row = serde_json::Map::new();
    for i in 0..PARQUET_ROWS {
        row.insert("event_id".into(), json!(format!("EV{i:07}")));
        row.insert("event_date".into(), json!(format!("2025-06-{:02}", 1 + i % 28)));
        row.insert("fatalities".into(), json!(i % 7));
        row.insert("notes".into(), json!(format!("synthetic event {i}")));
        row.insert("distance_km".into(), json!((i % 1000) as f64 * 0.5 + 0.25));
        row.insert("inside".into(), json!(i % 3 == 0));
        writer.write_point(queries[i % queries.len()], &row)?;
    }
    writer.finish()?;
    Ok(())
}

fn result(
    op: &str,
    tool: &str,
    measured: &Measured,
    reference: bool,
    setup: Value,
    note: &str,
) -> Value {
    json!({
        "op": op,
        "tool": tool,
        "family": "strikemap",
        "n": measured.answers_m.len(),
        "per_query_s": measured.per_query_s,
        "answers_m": measured.answers_m,
        "reference": reference,
        "comparable": true,
        "setup_s": setup,
        "note": note,
    })
}

fn read_json(path: &Path) -> Fallible<Value> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    Ok(serde_json::from_str(&text).map_err(|e| format!("parsing {}: {e}", path.display()))?)
}

fn lat_lon(v: &Value, at: &str) -> Fallible<LatLon> {
    let (lon, lat) = match v.as_array().map(Vec::as_slice) {
        Some([lon, lat, ..]) => (lon.as_f64(), lat.as_f64()),
        _ => (None, None),
    };
    match (lat, lon) {
        (Some(lat), Some(lon)) => Ok(LatLon::new(lat, lon)?),
        _ => Err(format!("{at}: expected [lon, lat], found {v}").into()),
    }
}

/// The first feature's geometry of a `GeoJSON` `FeatureCollection` file.
fn first_geometry(path: &Path) -> Fallible<geojson::Geometry> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let collection: geojson::FeatureCollection = text
        .parse()
        .map_err(|e| format!("parsing {}: {e}", path.display()))?;
    collection
        .features
        .into_iter()
        .next()
        .and_then(|f| f.geometry)
        .ok_or_else(|| format!("{}: no feature with a geometry", path.display()).into())
}

/// A point's answer as the report compares it: `"CC/REGION-CODE"`, either
/// part empty where there is none.
fn label((country, region): &Located) -> String {
    format!(
        "{}/{}",
        country
            .and_then(|c| c.iso_a2)
            .as_ref()
            .map_or("", |c| c.as_str()),
        region.map_or("", |r| r.code.as_str())
    )
}

/// Every feature's geometry of a `GeoJSON` `FeatureCollection` file, as areas.
fn all_areas(path: &Path) -> Fallible<Vec<Area>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let collection: geojson::FeatureCollection = text
        .parse()
        .map_err(|e| format!("parsing {}: {e}", path.display()))?;
    collection
        .features
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let g = f
                .geometry
                .as_ref()
                .ok_or_else(|| format!("{}: feature {i} has no geometry", path.display()))?;
            Ok(Area::try_from(g)?)
        })
        .collect()
}

type Located = (
    Option<&'static countries::Country>,
    Option<&'static regions::Region>,
);

/// A reverse look-up row: its labels in place of answers in metres.
fn reverse_row(
    tool: &str,
    per_point: Vec<f64>,
    found: &[Located],
    reference: bool,
    setup: Value,
    note: &str,
) -> Value {
    let labels: Vec<String> = found.iter().map(label).collect();
    json!({
        "op": "reverse-lookup",
        "tool": tool,
        "family": "strikemap",
        "n": found.len(),
        "per_query_s": per_point,
        "answers_m": null,
        "labels": labels,
        "reference": reference,
        "comparable": false,
        "setup_s": setup,
        "note": note,
    })
}

/// The reverse look-up rows: `regions::locate_all` on all of
/// `reverse-points.json`, on one rayon thread and on rayon's default pool.
fn reverse_lookup(data: &Path, timing: &Timing) -> Fallible<Vec<Value>> {
    let points: Vec<LatLon> = read_json(&data.join("reverse-points.json"))?
        .as_array()
        .ok_or("reverse-points.json: expected an array")?
        .iter()
        .enumerate()
        .map(|(i, v)| lat_lon(v, &format!("reverse-points.json[{i}]")))
        .collect::<Fallible<_>>()?;
    if points.is_empty() {
        return Ok(Vec::new());
    }
    let n = points.len();

    // The layers are read and indexed lazily: a first call on a few points
    // reads both and builds their indexes (and the boundaries it touches).
    let t = Instant::now();
    black_box(regions::locate_all(&points[..timing.warm_up.clamp(1, n)]));
    let first_s = t.elapsed().as_secs_f64();

    // The data set holds copies of the two bundled layers, which the peers
    // read; check that they are what this build bundles.
    for (file, bundled) in [
        (
            "regions-10m.geojson",
            regions::all()
                .iter()
                .map(|r| r.territory().area())
                .collect::<Vec<_>>(),
        ),
        (
            "countries-50m.geojson",
            countries::all()
                .iter()
                .map(|c| c.territory.area())
                .collect(),
        ),
    ] {
        let from_file = all_areas(&data.join(file))?;
        if from_file.len() != bundled.len() || from_file.iter().zip(&bundled).any(|(a, b)| a != *b)
        {
            return Err(format!(
                "{file} in the data set differs from the one this build of strikemap bundles \
                 (was it replaced after the build? rerun run.sh)"
            )
            .into());
        }
    }

    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
    let (per_point_1, found_1) = timing.batches(n, || one.install(|| regions::locate_all(&points)));
    let (per_point_all, found_all) = timing.batches(n, || regions::locate_all(&points));
    let threads = rayon::current_num_threads();
    let first_call = format!(
        "first call on {} points (reads both layers, builds their indexes)",
        timing.warm_up.clamp(1, n)
    );
    Ok(vec![
        reverse_row(
            "strikemap regions::locate_all, 1 rayon thread",
            per_point_1,
            &found_1,
            true,
            json!({ first_call: first_s }),
            &format!(
                "exact containment, geodesic edges: {} countries at 1:50m, {} admin-1 regions at 1:10m, \
                 the region kept only if it is of the point's country; the whole batch inside \
                 ThreadPoolBuilder::new().num_threads(1).build()?.install(..); the first call reads and \
                 indexes what its points touch, the check of the data set's copies reads the other \
                 boundaries, and the first timed pass builds their containment indexes",
                countries::all().len(),
                regions::all().len()
            ),
        ),
        reverse_row(
            &format!("strikemap regions::locate_all, rayon default pool ({threads} threads)"),
            per_point_all,
            &found_all,
            false,
            json!({}),
            "the same call on rayon's default pool (one thread per core), the same labels expected",
        ),
    ])
}

fn main() -> Fallible<()> {
    let mut args = std::env::args().skip(1);
    let mut data: Option<PathBuf> = None;
    let mut only: Vec<String> = OPS.iter().map(|op| (*op).to_string()).collect();
    let mut timing = Timing {
        min_repeats: 3,
        min_time: 1.0,
        max_time: 20.0,
        warm_up: 100,
    };
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--min-repeats" => timing.min_repeats = value()?.parse()?,
            "--min-time" => timing.min_time = value()?.parse()?,
            "--max-time" => timing.max_time = value()?.parse()?,
            "--warm-up" => timing.warm_up = value()?.parse()?,
            "--only" => {
                only = value()?.split(',').map(str::to_string).collect();
                if let Some(op) = only.iter().find(|op| !OPS.contains(&op.as_str())) {
                    return Err(format!("--only: unknown operation {op:?} (known: {OPS:?})").into());
                }
            }
            _ if data.is_none() && !a.starts_with("--") => data = Some(PathBuf::from(a)),
            _ => return Err(format!("unexpected argument {a:?}").into()),
        }
    }
    let data = data.ok_or("usage: strikemap-compare-driver DATA_DIR [options]")?;
    let want = |op: &str| only.iter().any(|o| o == op);

    let queries: Vec<LatLon> = read_json(&data.join("queries.json"))?
        .as_array()
        .ok_or("queries.json: expected an array")?
        .iter()
        .enumerate()
        .map(|(i, v)| lat_lon(v, &format!("queries.json[{i}]")))
        .collect::<Fallible<_>>()?;
    let pairs: Vec<(LatLon, LatLon)> = read_json(&data.join("pairs.json"))?
        .as_array()
        .ok_or("pairs.json: expected an array")?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let at = format!("pairs.json[{i}]");
            match v.as_array().map(Vec::as_slice) {
                Some([a, b]) => Ok((lat_lon(a, &at)?, lat_lon(b, &at)?)),
                _ => Err(format!("{at}: expected [[lon, lat], [lon, lat]]").into()),
            }
        })
        .collect::<Fallible<_>>()?;

    let mut results = Vec::new();

    // Point to point: Geodesic.distance (Karney's inverse on WGS84).
    if want("point-to-point") {
        let m = timing.run(&pairs, |(a, b)| Geodesic.distance(a, b).as_metres());
        results.push(result(
            "point-to-point",
            "strikemap Geodesic.distance",
            &m,
            true,
            json!({}),
            "WGS84 ellipsoid, Karney's algorithm (geographiclib-rs via geo)",
        ));
    }

    // Point to Ukraine at 1:10m: the bundled territory, prepared on first query.
    if want("point-to-ukraine") {
        let t = Instant::now();
        let ukraine = countries::ukraine_10m();
        let load_s = t.elapsed().as_secs_f64();
        // The data set holds a copy of the same file; check it is the same boundary.
        let from_file = Area::try_from(&first_geometry(&data.join("ukraine-10m.geojson"))?)?;
        if &from_file != ukraine.area() {
            return Err(
                "ukraine-10m.geojson in the data set differs from the bundled 1:10m boundary"
                    .into(),
            );
        }
        let t = Instant::now();
        black_box(ukraine.nearest_to(queries[0]));
        let first_s = t.elapsed().as_secs_f64();
        let m = timing.run(&queries, |q| ukraine.nearest_to(q).distance.as_metres());
        results.push(result(
            "point-to-ukraine",
            "strikemap countries::ukraine_10m() prepared",
            &m,
            true,
            json!({
                "parse bundled boundary": load_s,
                "first query (builds the index)": first_s,
            }),
            &format!(
                "exact on WGS84 (geodesic edges); 0 inside; {} edges",
                ukraine.prepared().edge_count()
            ),
        ));
        let m = timing.run(&queries, |q| {
            ukraine.area().nearest_to(q).distance.as_metres()
        });
        results.push(result(
            "point-to-ukraine",
            "strikemap unprepared scan (Area::nearest_to)",
            &m,
            false,
            json!({}),
            "same answers without the index: every edge bounded, the close ones solved",
        ));
    }

    // Point to the synthetic 10,000-vertex front line, prepared.
    if want("point-to-front-line") {
        let t = Instant::now();
        let line = Line::try_from(&first_geometry(&data.join("front-line-10k.geojson"))?)?;
        let parse_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let prepared = PreparedLine::new(line.clone());
        let build_s = t.elapsed().as_secs_f64();
        let m = timing.run(&queries, |q| prepared.nearest_to(q).distance.as_metres());
        results.push(result(
            "point-to-front-line",
            "strikemap PreparedLine",
            &m,
            true,
            json!({
                "parse GeoJSON": parse_s,
                "PreparedLine::new (index build)": build_s,
            }),
            &format!(
                "exact on WGS84 (geodesic edges); {} edges",
                line.segment_count()
            ),
        ));
        let m = timing.run(&queries, |q| line.nearest_to(q).distance.as_metres());
        results.push(result(
            "point-to-front-line",
            "strikemap unprepared scan (Line::nearest_to)",
            &m,
            false,
            json!({}),
            "same answers without the index",
        ));
    }

    // GeoJSON export: the query points as strike features, to a file.
    if want("geojson-export") {
        let path = data.join("export-strikemap.geojson");
        let m = timing.passes(EXPORT_FEATURES, || export(&queries, &path))?;
        let mut row = result(
            "geojson-export",
            "strikemap FeatureCollectionWriter",
            &m,
            true,
            json!({}),
            "streamed feature by feature to a file (BufWriter, 1 MiB)",
        );
        row["output"] = json!(path.display().to_string());
        results.push(row);
    }

    // GeoParquet export: the query points as a million event rows.
    if want("parquet-export") {
        let path = data.join("export-strikemap.parquet");
        let m = timing.passes(PARQUET_ROWS, || parquet_export(&queries, &path))?;
        let mut row = result(
            "parquet-export",
            "strikemap GeoParquetWriter",
            &m,
            true,
            json!({}),
            "each row built as a JSON object and written; row groups of 65,536, snappy; WKB, bbox covering, geo 1.1.0",
        );
        row["output"] = json!(path.display().to_string());
        results.push(row);
    }

    // Reverse look-up: country (1:50m) and admin-1 region (1:10m) of each
    // point, as one batch; on one rayon thread (the reference) and on all.
    if want("reverse-lookup") {
        results.extend(reverse_lookup(&data, &timing)?);
    }

    let out = json!({
        "runner": "strikemap driver",
        // strikemap's version and commit are recorded by run.sh.
        "versions": {},
        "results": results,
    });
    println!("{}", serde_json::to_string(&out)?);
    Ok(())
}
