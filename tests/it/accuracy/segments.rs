//! Point-to-segment distances against an independent reference: dense
//! sampling plus golden-section minimisation with GeographicLib
//! (tests/fixtures/point_to_segment.csv, scripts/gen_geodesic_fixtures.py).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::read_csv;
use strikemap::{Geodesic, LatLon, Line, Metric, Target, measure::PreparedLine};

fn p(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).unwrap()
}

#[test]
fn segment_distances_within_a_millimetre() {
    let rows = read_csv("point_to_segment.csv");
    assert!(rows.len() >= 1_000, "{} rows", rows.len());
    let mut worst = (0.0f64, 0usize);
    let mut failures = Vec::new();
    for r in &rows {
        let q = p(r.get("plat"), r.get("plon"));
        let (a, b) = (
            p(r.get("alat"), r.get("alon")),
            p(r.get("blat"), r.get("blon")),
        );
        let line = Line::from_vertices(vec![a, b]).unwrap();
        let near = line.nearest_to(q);
        let err = (near.distance.as_metres() - r.get("dist_m")).abs();
        if err > worst.0 {
            worst = (err, r.line);
        }
        if err >= 1e-3 {
            failures.push(format!(
                "line {} ({}): {} vs {}",
                r.line,
                r.case,
                near.distance.as_metres(),
                r.get("dist_m")
            ));
        }
        // The reported nearest point is at the reported distance.
        let check = Geodesic.distance(q, near.point).as_metres();
        assert!(
            (check - near.distance.as_metres()).abs() < 1e-6,
            "line {}",
            r.line
        );
    }
    assert!(
        failures.is_empty(),
        "{} failures, e.g. {:?}",
        failures.len(),
        &failures[..failures.len().min(10)]
    );
    eprintln!(
        "worst segment error: {:e} m (line {}) over {} cases",
        worst.0,
        worst.1,
        rows.len()
    );
}

#[test]
fn nearest_points_match_the_reference() {
    for r in read_csv("point_to_segment.csv") {
        let q = p(r.get("plat"), r.get("plon"));
        let (a, b) = (
            p(r.get("alat"), r.get("alon")),
            p(r.get("blat"), r.get("blon")),
        );
        let near = Line::from_vertices(vec![a, b]).unwrap().nearest_to(q);
        let want = p(r.get("nlat"), r.get("nlon"));
        // The nearest point is unique unless the point is equidistant from
        // several (e.g. a pole of the geodesic); compare where the distance
        // function is sharp enough for the point to be well defined.
        let gap = Geodesic.distance(near.point, want).as_metres();
        let same_distance =
            (Geodesic.distance(q, want).as_metres() - near.distance.as_metres()).abs() < 1e-3;
        assert!(
            gap < 0.05 || same_distance,
            "line {} ({}): {} vs {}: {gap} m apart",
            r.line,
            r.case,
            near.point,
            want
        );
    }
}

#[test]
fn prepared_agrees_with_unprepared() {
    let rows = read_csv("point_to_segment.csv");
    for r in rows.iter().step_by(3) {
        let q = p(r.get("plat"), r.get("plon"));
        let (a, b) = (
            p(r.get("alat"), r.get("alon")),
            p(r.get("blat"), r.get("blon")),
        );
        let line = Line::from_vertices(vec![a, b]).unwrap();
        let prepared = PreparedLine::new(line.clone());
        let (x, y) = (
            line.nearest_to(q).distance.as_metres(),
            prepared.nearest_to(q).distance.as_metres(),
        );
        assert!(
            (x - y).abs() < 1e-6,
            "line {} ({}): {x} vs {y}",
            r.line,
            r.case
        );
    }
}
