//! Prepared (indexed) lines and areas give exactly the unindexed answers.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::points;
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

/// Replacing the geometry of a model that holds a prepared index gives the
/// answer for the new geometry, whether or not the old index was built, and
/// equality follows the geometry (issue: answers computed from geometry that
/// has since changed).
#[test]
fn replaced_geometry_is_measured_not_the_old_index() {
    use strikemap::{Area, Distance, FrontLine, Metric as _, Territory};
    let p = |lat, lon| LatLon::new(lat, lon).unwrap();
    let far = Line::from_vertices(vec![p(60.0, 10.0), p(60.5, 12.0)]).unwrap();
    let near = Line::from_vertices(vec![p(50.0, 36.0), p(50.1, 36.5)]).unwrap();
    let q = p(50.0, 36.2);
    let mut front = FrontLine::new("front", strikemap::Date::constant(2025, 6, 2), far.clone());
    let before = front.distance_to(q);
    assert!(before > Distance::from_km(1_000.0), "{before}");
    let copy = front.clone();
    front.set_line(near.clone());
    let after = front.distance_to(q);
    approx::assert_relative_eq!(
        after.as_metres(),
        near.nearest_to(q).distance.as_metres(),
        epsilon = 1e-6
    );
    assert!(after < Distance::from_km(10.0), "{after}");
    assert_eq!(strikemap::Geodesic.distance(q, &front), after);
    // The clone made before kept its own line and index; equality follows the geometry.
    assert_eq!(copy.distance_to(q), before);
    assert_ne!(copy, front);
    assert_eq!(copy.with_line(near), front);

    let square = |lon: f64| {
        Area::from_lon_lat(&[vec![vec![
            [lon, 50.0],
            [lon + 1.0, 50.0],
            [lon + 1.0, 51.0],
            [lon, 51.0],
            [lon, 50.0],
        ]]])
        .unwrap()
    };
    let inside = p(50.5, 36.5);
    let mut t = Territory::new("t", square(10.0));
    assert!(!t.contains(inside));
    assert!(t.distance_to(inside) > Distance::from_km(1_000.0));
    let old = t.clone();
    t.set_area(square(36.0));
    assert!(t.contains(inside));
    assert_eq!(t.distance_to(inside), Distance::ZERO);
    assert!(old.distance_to(inside) > Distance::from_km(1_000.0));
    assert_ne!(old, t);
    assert_eq!(old.with_area(square(36.0)), t);
}
