//! Property tests for invariants: symmetry, triangle inequality, nearest
//! points no farther than any vertex, zero inside areas, serde round trips.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use strikemap::{Area, Geodesic, LatLon, Line, Metric, Target, measure::PreparedArea};

fn latlon() -> impl Strategy<Value = LatLon> {
    (-90.0f64..=90.0, -180.0f64..=180.0).prop_map(|(lat, lon)| LatLon::new(lat, lon).unwrap())
}

fn near_ukraine() -> impl Strategy<Value = LatLon> {
    (43.0f64..54.0, 20.0f64..42.0).prop_map(|(lat, lon)| LatLon::new(lat, lon).unwrap())
}

fn star() -> Area {
    // A concave star around Kyiv with geodesic edges.
    let mut ring: Vec<[f64; 2]> = (0..10)
        .map(|i| {
            let angle = f64::from(i) * 36.0_f64.to_radians();
            let r = if i % 2 == 0 { 4.0 } else { 1.5 };
            [31.0 + r * angle.sin() * 1.4, 49.0 + r * angle.cos()]
        })
        .collect();
    ring.push(ring[0]);
    Area::from_lon_lat(&[vec![ring]]).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn distance_is_symmetric(a in latlon(), b in latlon()) {
        let (ab, ba) = (Geodesic.distance(a, b).as_metres(), Geodesic.distance(b, a).as_metres());
        prop_assert!((ab - ba).abs() < 1e-6);
    }

    #[test]
    fn triangle_inequality(a in latlon(), b in latlon(), c in latlon()) {
        let d = |x, y| Geodesic.distance(x, y).as_metres();
        prop_assert!(d(a, c) <= d(a, b) + d(b, c) + 1e-6);
    }

    #[test]
    fn nearest_on_a_line_beats_every_vertex(p in latlon(), a in latlon(), b in latlon(), c in latlon()) {
        let line = Line::from_vertices(vec![a, b, c]).unwrap();
        let n = line.nearest_to(p);
        for v in [a, b, c] {
            prop_assert!(n.distance.as_metres() <= Geodesic.distance(p, v).as_metres() + 1e-6);
        }
        prop_assert!((Geodesic.distance(p, n.point).as_metres() - n.distance.as_metres()).abs() < 1e-6);
    }

    #[test]
    fn zero_inside_and_prepared_agrees(p in near_ukraine()) {
        let area = star();
        let prepared = PreparedArea::new(area.clone());
        let (slow, fast) = (area.nearest_to(p), prepared.nearest_to(p));
        prop_assert_eq!(slow.inside, fast.inside);
        prop_assert_eq!(slow.inside, slow.distance.as_metres() == 0.0);
        prop_assert!((slow.distance.as_metres() - fast.distance.as_metres()).abs() < 1e-6);
    }

    #[test]
    fn latlon_serde_round_trip(p in latlon()) {
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<LatLon>(&json).unwrap(), p);
    }
}
