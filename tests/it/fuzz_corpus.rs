//! The fuzz targets' inputs replayed under `cargo test`: every file of
//! `fuzz/seeds/NAME/` and `fuzz/regressions/NAME/` goes through the same
//! body (`fuzz/targets/NAME.rs`) that `cargo +nightly fuzz run NAME` runs.
//!
//! A regression input whose bug is not fixed yet is listed in [`OPEN`] and
//! replayed by its own `#[ignore]`d test below, so that the suite stays
//! green and `cargo test -- --ignored fuzz_corpus` shows what is left; when
//! the fix lands, delete both and the input is replayed with the rest.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../fuzz/targets/claim_text.rs"]
mod claim_text;
#[path = "../../fuzz/targets/control_snapshots.rs"]
mod control_snapshots;
#[path = "../../fuzz/targets/csv_points.rs"]
mod csv_points;
#[path = "../../fuzz/targets/distance_text.rs"]
mod distance_text;
#[path = "../../fuzz/targets/export_shapes.rs"]
mod export_shapes;
#[path = "../../fuzz/targets/geojson_import.rs"]
mod geojson_import;
#[path = "../../fuzz/targets/kml_import.rs"]
mod kml_import;
#[path = "../../fuzz/targets/position_text.rs"]
mod position_text;
#[path = "../../fuzz/targets/review.rs"]
mod review;

use std::path::{Path, PathBuf};

/// Regression inputs (`TARGET/FILE`, under `fuzz/regressions/`) whose bug
/// is not fixed yet; each has an `#[ignore]`d test below.
const OPEN: &[&str] = &[];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files of `fuzz/KIND/TARGET/`, sorted; none if the folder is missing.
fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = fuzz_dir().join(kind).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Replays the seeds and the fixed regressions of a target; returns how
/// many seeds there were.
fn replay(target: &str, run: fn(&[u8])) -> usize {
    let seeds = inputs("seeds", target);
    for path in &seeds {
        replay_file(path, run);
    }
    for path in inputs("regressions", target) {
        let name = format!("{target}/{}", path.file_name().unwrap().to_string_lossy());
        if !OPEN.contains(&name.as_str()) {
            replay_file(&path, run);
        }
    }
    seeds.len()
}

fn replay_file(path: &Path, run: fn(&[u8])) {
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // Name the input if the target panics.
    eprintln!("replaying {}", path.display());
    run(&data);
}

/// Replays one fixed regression input through the target's strict body
/// (which checks what the finding broke).
fn replay_fixed(name: &str, run: fn(&[u8])) {
    assert!(!OPEN.contains(&name), "{name} is still listed in OPEN");
    replay_file(&fuzz_dir().join("regressions").join(name), run);
}

#[test]
fn open_regressions_exist() {
    for name in OPEN {
        assert!(
            fuzz_dir().join("regressions").join(name).is_file(),
            "OPEN lists {name}, which is not in fuzz/regressions/"
        );
    }
}

#[test]
fn every_target_has_seeds_and_a_dictionary() {
    for target in [
        "claim_text",
        "control_snapshots",
        "csv_points",
        "distance_text",
        "export_shapes",
        "geojson_import",
        "position_text",
        "kml_import",
        "review",
    ] {
        assert!(!inputs("seeds", target).is_empty(), "no seeds for {target}");
        let dict = fuzz_dir().join("dict").join(format!("{target}.dict"));
        assert!(dict.is_file(), "no {}", dict.display());
        let body = fuzz_dir().join("targets").join(format!("{target}.rs"));
        assert!(body.is_file(), "no {}", body.display());
    }
}

#[test]
fn control_snapshots_corpus() {
    replay("control_snapshots", control_snapshots::run);
}

#[test]
fn distance_text_corpus() {
    replay("distance_text", distance_text::run);
}

#[test]
fn claim_text_corpus() {
    replay("claim_text", claim_text::run);
}

#[test]
fn position_text_corpus() {
    replay("position_text", position_text::run);
}

#[test]
fn geojson_import_corpus() {
    geojson_import::init();
    replay("geojson_import", geojson_import::run);
}

#[test]
fn csv_points_corpus() {
    replay("csv_points", csv_points::run);
}

#[test]
fn export_shapes_corpus() {
    replay("export_shapes", export_shapes::run);
}

#[test]
fn kml_import_corpus() {
    replay("kml_import", kml_import::run);
}

#[test]
fn review_corpus() {
    replay("review", review::run);
}

/// Empty input and a few bytes of every value go through every target.
#[test]
fn short_inputs() {
    let runs: [fn(&[u8]); 8] = [
        distance_text::run,
        claim_text::run,
        position_text::run,
        geojson_import::run,
        csv_points::run,
        export_shapes::run,
        kml_import::run,
        review::run,
    ];
    for run in runs {
        run(b"");
        for b in 0..=255u8 {
            run(&[b]);
            run(&[b, b, b, b, b, b, b, b, b]);
        }
    }
}

/// A ring of 19,989.93 km round (0°, 0°): `RangeRing::vertices` gives
/// vertices near the antipode, e.g. (0.0178°S, 179.5912°W), that lie
/// 19,987.03 km from the centre, 2.9 km short of the radius (documented:
/// "Every vertex is at the radius"). Beyond about 19,970 km the geodesics
/// from an equatorial centre pass the cut locus and stop being shortest.
#[test]
fn fixed_ring_vertices_beyond_cut_locus() {
    replay_fixed(
        "export_shapes/ring_vertices_beyond_cut_locus_off_radius",
        export_shapes::run_strict,
    );
}

/// `",l\r\n5,5"` (the header `,l` and one row, CRLF line ends) read with
/// the columns named `""` and `"l"`: the row `5,5` on line 2 comes back as
/// `CsvRow { line: 1, .. }`. Any CRLF file does it (`"lat,lon\r\n50,30\r\n"`
/// with the columns found by name too), so rows and row errors of files
/// written on Windows, as ACLED exports can be, name the line before theirs.
#[test]
fn fixed_csv_crlf_line_numbers() {
    replay_fixed(
        "csv_points/crlf_first_row_reported_on_header_line",
        csv_points::run_strict,
    );
}

/// A FeatureCollection of one Point feature with a member `"features": 1`:
/// `Imported::parse` (strict and lenient), `FeatureCollectionReader` and
/// `SequenceReader` all read it, keeping `features` as a foreign member, and
/// `MapExport::add` then refused the feature ("foreign member \"features\":
/// expected a name other than type, id, geometry, properties, bbox and
/// features"): a file strikemap read could not be written back. Fixed: the
/// import refuses a Feature's `features` member, naming it.
#[test]
fn fixed_feature_member_named_features() {
    geojson_import::init();
    replay_fixed(
        "geojson_import/feature_member_named_features_does_not_export",
        geojson_import::run_strict,
    );
}
