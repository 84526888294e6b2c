//! Fuzz target `control_snapshots`: one control file's bytes read as a
//! control map (`io::control::read_bytes`, strict and skipping bad
//! features, with a dated and an undated file name), then every snapshot
//! measured: containment, area, area within the reference, the line of
//! contact against a fixed reference country, its generalised lengths, a
//! distance to it, and the change from the first snapshot to the last.
//!
//! Invariants: nothing panics; areas are finite and ≥ 0 and the part within
//! the reference is at most the whole as the overlay sees it (to 0.1 %); the line of contact is no
//! longer than the held area's boundary (to 1 mm per part); generalised
//! lengths never exceed the length as drawn; distances are finite and ≥ 0;
//! gained and lost areas are finite and ≥ 0. Every check is made for every
//! input whose snapshots have at most 2,000 vertices (larger ones get the
//! area and containment checks only: see `MAX_VERTICES`).
#![allow(
    clippy::panic,
    reason = "a fuzz target reports a broken invariant by panicking"
)]

use strikemap::io::control::{ReadOptions, read_bytes};
use strikemap::measure::LengthMeasure as _;
use strikemap::model::{ContactOptions, ControlMap};
use strikemap::{Area, Geodesic, LatLon, Territory};

/// The longest input looked at, in bytes.
const MAX_LEN: usize = 32 * 1024;

/// The reference country: 30–34°E, 46–50°N (as the synthetic fixtures').
fn reference() -> Territory {
    let ring = vec![
        [30.0, 46.0],
        [34.0, 46.0],
        [34.0, 50.0],
        [30.0, 50.0],
        [30.0, 46.0],
    ];
    match Area::from_lon_lat(&[vec![ring]]) {
        Ok(area) => Territory::new("Testland", area),
        Err(e) => panic!("the reference does not build: {e}"),
    }
}

/// Builds what the first input would build: the reference's indexes.
#[allow(dead_code, reason = "used by the fuzz binary, not the corpus replay")]
pub fn init() {
    if let Ok(p) = LatLon::new(48.0, 32.0) {
        let _ = reference().contains(p);
    }
}

/// Runs one input with every check.
pub fn run(data: &[u8]) {
    if data.len() > MAX_LEN {
        return;
    }
    for name in ["held_20250602.geojson", "held.geojson"] {
        for skip in [false, true] {
            let options = if skip {
                ReadOptions::new().skipping_bad()
            } else {
                ReadOptions::new()
            };
            match read_bytes(name, data, &options) {
                Ok(loaded) => {
                    for s in &loaded.skipped {
                        let _ = s.error.report().to_string();
                    }
                    check(loaded.map.with_contact(ContactOptions::new(reference())));
                }
                Err(e) => {
                    let _ = e.report().to_string();
                }
            }
        }
    }
}

/// The most vertices a snapshot may have for its line of contact and the
/// overlays to be checked: merged features come back from the overlay with
/// a vertex every 0.01°, and under ASan a held area of several degrees then
/// takes seconds (release builds take milliseconds), beyond libFuzzer's
/// `-timeout=1` in CI.
const MAX_VERTICES: usize = 2_000;

fn check(map: ControlMap) {
    let probe = LatLon::new(48.0, 32.0).unwrap_or_else(|e| panic!("{e}"));
    let reference = reference();
    let vertices = |s: &strikemap::model::Snapshot| -> usize {
        s.area()
            .polygons()
            .iter()
            .flat_map(|p| p.rings())
            .map(Vec::len)
            .sum()
    };
    if map.snapshots().iter().any(|s| vertices(s) > MAX_VERTICES) {
        for s in map.snapshots() {
            let held = s.held_km2();
            assert!(held.is_finite() && held >= 0.0, "held area {held}");
            let _ = s.holds(probe);
        }
        return;
    }
    for s in map.snapshots() {
        let held = s.held_km2();
        assert!(held.is_finite() && held >= 0.0, "held area {held}");
        let _ = s.holds(probe);
        let d = s.distance_to_held(probe).as_metres();
        assert!(d.is_finite() && d >= 0.0, "distance to the held area {d}");
        // The part within the reference is at most the whole, both as the
        // overlay sees them: a ring that doubles back on itself (a spike
        // along an edge) has one area by Karney's winding sum and another
        // once the overlay has resolved it, so the whole is measured by the
        // same overlay (the held area within itself).
        let whole = Territory::new("held", s.area().clone());
        if let (Ok(within), Ok(all)) = (s.held_km2_within(&reference), s.held_km2_within(&whole)) {
            assert!(within.is_finite() && within >= 0.0, "held within {within}");
            assert!(all.is_finite() && all >= 0.0, "held within itself {all}");
            assert!(
                within <= all * 1.001 + 1e-6,
                "held within {within} > held within itself {all}"
            );
        }
        match s.contact_line() {
            Ok(line) => {
                let length = line.length().as_metres();
                let boundary = Geodesic.length(&s.area().outline()).as_metres();
                let parts = line.line().parts().len() as f64;
                assert!(
                    length <= boundary + 1e-3 * parts + 1e-6,
                    "line of contact {length} m longer than the boundary {boundary} m"
                );
                if let Ok(g) = s.generalised() {
                    for x in &g[1..] {
                        assert!(
                            x.length <= g[0].length,
                            "generalised {x:?} longer than drawn {:?}",
                            g[0]
                        );
                    }
                }
                let d = line.distance_to(probe).as_metres();
                assert!(d.is_finite() && d >= 0.0, "distance to the line {d}");
            }
            Err(e) => {
                let _ = e.report().to_string();
            }
        }
    }
    if let Some((first, last)) = map.date_range() {
        match map.change(first, last) {
            Ok(c) => {
                for km2 in [c.gained_km2(), c.lost_km2()] {
                    assert!(km2.is_finite() && km2 >= 0.0, "change {km2}");
                }
            }
            Err(e) => {
                let _ = e.report().to_string();
            }
        }
    }
}
