//! Prepared (indexed) lines and areas give exactly the unindexed answers.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::points;
use strikemap::{
    LatLon, Line, Metric, Target, countries,
    measure::{PreparedArea, PreparedLine},
};

fn queries() -> Vec<LatLon> {
    let mut q = points(300, 3, (40.0, 56.0), (18.0, 45.0)); // around Ukraine
    q.extend(points(100, 5, (-89.0, 89.0), (-180.0, 180.0))); // anywhere
    q.extend([
        LatLon::new(68.1517, 33.4639).unwrap(),
        LatLon::new(51.17, 128.445).unwrap(),
        LatLon::new(90.0, 0.0).unwrap(),
        LatLon::new(-90.0, 0.0).unwrap(),
        LatLon::new(-48.5, -148.5).unwrap(), // near Ukraine's antipode
    ]);
    q
}

#[test]
fn ukraine_prepared_equals_naive() {
    for territory in [
        countries::ukraine_10m(),
        &countries::get("UA").unwrap().territory,
    ] {
        let prepared = PreparedArea::new(territory.area().clone());
        for q in queries() {
            let (fast, slow) = (prepared.nearest_to(q), territory.area().nearest_to(q));
            assert_eq!(fast.inside, slow.inside, "{q}");
            let diff = (fast.distance.as_metres() - slow.distance.as_metres()).abs();
            assert!(diff < 1e-6, "{q}: {} vs {}", fast.distance, slow.distance);
        }
    }
}

#[test]
fn front_line_prepared_equals_naive() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/data/front-line-10k.geojson"
    ))
    .unwrap();
    let fc: geojson::FeatureCollection = text.parse().unwrap();
    let line: Line = Line::try_from(fc.features[0].geometry.as_ref().unwrap()).unwrap();
    let prepared = PreparedLine::new(line.clone());
    for q in queries().into_iter().step_by(3) {
        let (fast, slow) = (prepared.nearest_to(q), line.nearest_to(q));
        let diff = (fast.distance.as_metres() - slow.distance.as_metres()).abs();
        assert!(diff < 1e-6, "{q}: {} vs {}", fast.distance, slow.distance);
        // At a shared vertex either edge may be named; the point is the same.
        let gap = strikemap::Geodesic
            .distance(fast.point, slow.point)
            .as_metres();
        assert!(
            gap < 1e-3,
            "{q}: nearest points {} and {} differ",
            fast.point,
            slow.point
        );
    }
}

#[test]
fn countries_spanning_the_antimeridian_agree() {
    // Russia and Fiji have no conformal sphere (too wide); the geocentric bound serves.
    for code in ["RU", "FJ", "US", "AQ"] {
        let t = &countries::get(code).unwrap().territory;
        for q in points(15, 9, (-80.0, 80.0), (-180.0, 180.0)) {
            let (fast, slow) = (t.nearest_to(q), t.area().nearest_to(q));
            assert_eq!(fast.inside, slow.inside, "{code} {q}");
            assert!(
                (fast.distance.as_metres() - slow.distance.as_metres()).abs() < 1e-6,
                "{code} {q}"
            );
        }
    }
}

#[test]
fn haversine_prepared_equals_naive() {
    use strikemap::Method;
    let ua = countries::ukraine_10m();
    let prepared = PreparedArea::new(ua.area().clone());
    let boundary = Line::new(
        ua.area()
            .polygons()
            .iter()
            .flat_map(|p| p.rings().to_vec())
            .collect(),
    )
    .unwrap();
    let prepared_line = PreparedLine::new(boundary.clone());
    for q in queries() {
        let (fast, slow) = (
            prepared.nearest_by(q, Method::Haversine),
            ua.area().nearest_by(q, Method::Haversine),
        );
        assert_eq!(fast.inside, slow.inside, "{q}");
        assert!(
            (fast.distance.as_metres() - slow.distance.as_metres()).abs() < 1e-6,
            "{q}: {} vs {}",
            fast.distance,
            slow.distance
        );
        let (fl, sl) = (
            prepared_line.nearest_by(q, Method::Haversine),
            boundary.nearest_by(q, Method::Haversine),
        );
        assert!(
            (fl.distance.as_metres() - sl.distance.as_metres()).abs() < 1e-6,
            "{q}"
        );
        // The sphere stays within 0.56 % of the ellipsoid.
        let exact = prepared.nearest_to(q).distance.as_metres();
        assert!(
            (fast.distance.as_metres() - exact).abs() <= 0.0056 * exact + 1e-6,
            "{q}"
        );
    }
}

#[test]
fn long_edges_that_bulge_poleward_agree() {
    // A 40°-wide edge at 60° N bulges about 3° north of its ends; points near
    // the bulge test that the index bounds hold beyond the vertices' latitudes.
    let line = Line::from_vertices(vec![
        LatLon::new(60.0, 10.0).unwrap(),
        LatLon::new(60.0, 50.0).unwrap(),
    ])
    .unwrap();
    let prepared = PreparedLine::new(line.clone());
    for q in points(300, 21, (58.0, 66.0), (5.0, 55.0)) {
        let (fast, slow) = (prepared.nearest_to(q), line.nearest_to(q));
        assert!(
            (fast.distance.as_metres() - slow.distance.as_metres()).abs() < 1e-6,
            "{q}"
        );
    }
}
