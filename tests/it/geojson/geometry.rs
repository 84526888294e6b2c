//! Map geometry on the ellipsoid, written to RFC 7946: antimeridian cuts,
//! rings closed along the poles, winding, bounding boxes, range rings and
//! strike arcs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use geojson::{Geometry, GeometryValue};
use serde_json::Value;
use strikemap::{
    Area, Distance, Error, FrontLine, Geodesic, LatLon, Line, MapExport, Metric, Territory,
    io::geojson::{ExportOptions, MapFeature, check_winding, geometry_bbox, line_to_geometry},
    model::{Endpoint, RangeRing, StrikeArc},
};

fn p(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).unwrap()
}

fn geometry(item: impl Into<MapFeature>, options: &ExportOptions) -> Geometry {
    item.into().to_feature(options).unwrap().geometry.unwrap()
}

/// Every position of a geometry as [lon, lat].
fn positions(g: &Geometry) -> Vec<[f64; 2]> {
    let v: Value = serde_json::to_value(g).unwrap();
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<[f64; 2]>) {
        match v.as_array() {
            Some(a) if a.first().is_some_and(Value::is_number) => {
                out.push([a[0].as_f64().unwrap(), a[1].as_f64().unwrap()])
            }
            Some(a) => a.iter().for_each(|x| walk(x, out)),
            None => {}
        }
    }
    walk(&v["coordinates"], &mut out);
    out
}

/// Signed area on the lon/lat plane; positive counter-clockwise.
fn shoelace(ring: &[geojson::Position]) -> f64 {
    0.5 * ring
        .windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum::<f64>()
}

fn polygons(g: &Geometry) -> Vec<Vec<Vec<geojson::Position>>> {
    match &g.value {
        GeometryValue::Polygon { coordinates } => vec![coordinates.clone()],
        GeometryValue::MultiPolygon { coordinates } => coordinates.clone(),
        other => panic!("not a polygon: {}", other.type_name()),
    }
}

fn ukrainka_ring(options: &ExportOptions) -> (RangeRing, Geometry) {
    let ring = RangeRing::new(
        "Ukrainka 4,300 mi",
        p(51.17, 128.45),
        Distance::from_miles(4_300.0),
    )
    .unwrap();
    let g = geometry(ring.clone(), options);
    (ring, g)
}

#[test]
fn a_line_from_179e_to_179w_is_cut_at_the_antimeridian() {
    let line = Line::from_vertices(vec![p(10.0, 179.0), p(11.0, -179.0)]).unwrap();
    let g = line_to_geometry(&line, &ExportOptions::default()).unwrap();
    let GeometryValue::MultiLineString { coordinates } = &g.value else {
        panic!("{}", g.value.type_name())
    };
    assert_eq!(coordinates.len(), 2);
    let (end, start) = (
        &coordinates[0][coordinates[0].len() - 1],
        &coordinates[1][0],
    );
    assert_eq!((end[0], start[0]), (180.0, -180.0));
    assert_eq!(end[1], start[1]);
    assert!((end[1] - 10.5).abs() < 0.01, "{}", end[1]);
    assert_eq!(coordinates[0][0].as_slice(), [179.0, 10.0]);
    assert_eq!(coordinates[1].last().unwrap().as_slice(), [-179.0, 11.0]);
    // The crossing lies on the geodesic.
    let front = FrontLine::new("x", strikemap::Date::constant(2025, 1, 1), line);
    assert!(front.distance_to(p(end[1], 180.0)).as_metres() < 0.2);
    assert_eq!(geometry_bbox(&g), Some([179.0, 10.0, -179.0, 11.0]));
}

#[test]
fn lines_on_one_side_are_left_alone() {
    let line = Line::from_vertices(vec![p(10.0, 170.0), p(11.0, 179.9)]).unwrap();
    let g = line_to_geometry(&line, &ExportOptions::default()).unwrap();
    assert_eq!(g.value.type_name(), "LineString");
}

#[test]
fn exterior_rings_are_counter_clockwise_and_holes_clockwise() {
    // Given the wrong way round: a clockwise exterior and a counter-clockwise hole.
    let cw = vec![
        [30.0, 50.0],
        [30.0, 52.0],
        [32.0, 52.0],
        [32.0, 50.0],
        [30.0, 50.0],
    ];
    let ccw_hole = vec![
        [30.5, 50.5],
        [31.5, 50.5],
        [31.5, 51.5],
        [30.5, 51.5],
        [30.5, 50.5],
    ];
    let area = Area::from_lon_lat(&[vec![cw, ccw_hole]]).unwrap();
    let g = geometry(Territory::new("holed", area), &ExportOptions::default());
    check_winding(&g).unwrap();
    let polys = polygons(&g);
    assert_eq!(polys.len(), 1);
    assert!(shoelace(&polys[0][0]) > 0.0);
    assert!(shoelace(&polys[0][1]) < 0.0);
    // A territory across the antimeridian: every piece counter-clockwise, holes clockwise.
    let fiji = Area::from_lon_lat(&[vec![
        vec![
            [178.0, -19.0],
            [-178.0, -19.0],
            [-178.0, -15.0],
            [178.0, -15.0],
            [178.0, -19.0],
        ],
        vec![
            [179.0, -18.0],
            [179.0, -16.0],
            [-179.0, -16.0],
            [-179.0, -18.0],
            [179.0, -18.0],
        ],
    ]])
    .unwrap();
    let g = geometry(Territory::new("Fiji-ish", fiji), &ExportOptions::default());
    check_winding(&g).unwrap();
    let polys = polygons(&g);
    assert_eq!(polys.len(), 2);
    for poly in &polys {
        assert!(shoelace(&poly[0]) > 0.0);
        let lons: Vec<f64> = poly[0].iter().map(|c| c[0]).collect();
        assert!(
            lons.iter().all(|l| *l >= 178.0) || lons.iter().all(|l| *l <= -178.0),
            "{lons:?}"
        );
    }
    let b = geometry_bbox(&g).unwrap();
    assert!(b[0] > b[2], "{b:?}");
    assert_eq!((b[0], b[2]), (178.0, -178.0));
    // check_winding catches a clockwise exterior.
    let bad: Geometry = r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[0,0],[1,1],[1,0],[0,0]]]]}"#.parse().unwrap();
    let err = check_winding(&bad).unwrap_err();
    assert_eq!(
        err.report().to_string(),
        "coordinates[1][0]: expected a counter-clockwise exterior ring (RFC 7946 §3.1.6), found a clockwise ring"
    );
}

#[test]
fn ukrainka_4300_mile_ring_holds_the_north_pole() {
    let options = ExportOptions::default();
    let (ring, g) = ukrainka_ring(&options);
    assert!(ring.contains(p(90.0, 0.0)));
    check_winding(&g).unwrap();
    // One polygon, closed along the pole: ... (180, lat) (180, 90) (-180, 90) (-180, lat) ...
    let GeometryValue::Polygon { coordinates } = &g.value else {
        panic!("{}", g.value.type_name())
    };
    let exterior = &coordinates[0];
    let at_pole: Vec<usize> = (0..exterior.len())
        .filter(|&i| exterior[i][1] == 90.0)
        .collect();
    assert_eq!(at_pole.len(), 2);
    let i = at_pole[0];
    assert_eq!(exterior[i].as_slice(), [180.0, 90.0]);
    assert_eq!(exterior[i + 1].as_slice(), [-180.0, 90.0]);
    assert_eq!(exterior[i - 1][0], 180.0);
    assert_eq!(exterior[i + 2][0], -180.0);
    assert_eq!(exterior[i - 1][1], exterior[i + 2][1]);
    // Every vertex off the pole is 4,300 miles from the base, to a metre.
    let centre = ring.centre;
    let want = Distance::from_miles(4_300.0).as_metres();
    let mut on_circle = 0;
    for c in positions(&g) {
        if c[1].abs() < 90.0 {
            let d = Geodesic
                .distance(centre, LatLon::from_lon_lat(c).unwrap())
                .as_metres();
            assert!((d - want).abs() < 1.0, "{c:?}: {d}");
            on_circle += 1;
        }
    }
    assert!(on_circle > 700, "{on_circle}");
    // Read back, strikemap's own containment agrees.
    let area = Area::try_from(&g).unwrap();
    let territory = Territory::new("read back", area);
    for (q, inside) in [
        (p(90.0, 0.0), true),
        (p(89.0, -100.0), true),
        (p(50.4501, 30.5234), true), // Kyiv, 6,350 km
        (p(61.25, -149.81), true),   // Anchorage, 4,844 km
        (p(-90.0, 0.0), false),
        (p(-33.92, 18.42), false), // Cape Town
        (p(40.71, -74.01), false), // New York, 10,000 km
    ] {
        assert_eq!(territory.contains(q), inside, "{q}");
        assert_eq!(ring.contains(q), inside, "{q}");
    }
    // The box spans every longitude up to the pole (RFC 7946 §5.3).
    let b = geometry_bbox(&g).unwrap();
    assert_eq!((b[0], b[2], b[3]), (-180.0, 180.0, 90.0));
}

#[test]
fn a_ring_near_but_not_around_the_pole_crosses_the_antimeridian() {
    let ring = RangeRing::new(
        "Ukrainka 4,300 km",
        p(51.17, 128.45),
        Distance::from_km(4_300.0),
    )
    .unwrap();
    assert!(!ring.contains(p(90.0, 0.0)));
    let g = geometry(ring.clone(), &ExportOptions::default());
    check_winding(&g).unwrap();
    assert_eq!(polygons(&g).len(), 2);
    let b = geometry_bbox(&g).unwrap();
    assert!(b[0] > b[2], "{b:?}");
    assert!(b[3] > 89.0 && b[3] < 90.0);
    let territory = Territory::new("read back", Area::try_from(&g).unwrap());
    assert!(!territory.contains(p(90.0, 0.0)));
    assert!(territory.contains(p(60.0, 179.5)) == ring.contains(p(60.0, 179.5)));
    assert!(territory.contains(p(55.75, 37.62)) == ring.contains(p(55.75, 37.62)));
}

#[test]
fn a_ring_around_the_south_pole_is_closed_along_it() {
    // McMurdo Station, Antarctica; the pole is about 1,360 km away.
    let ring = RangeRing::new(
        "McMurdo 2,000 km",
        p(-77.85, 166.67),
        Distance::from_km(2_000.0),
    )
    .unwrap();
    assert!(ring.contains(p(-90.0, 0.0)));
    let g = geometry(ring, &ExportOptions::default());
    check_winding(&g).unwrap();
    let pts = positions(&g);
    assert!(pts.contains(&[-180.0, -90.0]) && pts.contains(&[180.0, -90.0]));
    let territory = Territory::new("read back", Area::try_from(&g).unwrap());
    assert!(territory.contains(p(-90.0, 0.0)));
    assert!(!territory.contains(p(90.0, 0.0)));
    let b = geometry_bbox(&g).unwrap();
    assert_eq!((b[0], b[1], b[2]), (-180.0, -90.0, 180.0));
}

#[test]
fn a_ring_holding_both_poles_is_the_world_minus_a_hole() {
    // 15,000 km from the Gulf of Guinea: everything but a cap around the antipode.
    let ring = RangeRing::new("15,000 km", p(0.0, 0.0), Distance::from_km(15_000.0)).unwrap();
    assert!(ring.contains(p(90.0, 0.0)) && ring.contains(p(-90.0, 0.0)));
    assert!(!ring.contains(p(0.0, 180.0)));
    let g = geometry(ring.clone(), &ExportOptions::default());
    check_winding(&g).unwrap();
    // The antipodal cap straddles the antimeridian, so the map frame is notched on both sides.
    let polys = polygons(&g);
    assert_eq!(polys.len(), 1);
    let ext = &polys[0][0];
    for corner in [
        [-180.0, -90.0],
        [180.0, -90.0],
        [180.0, 90.0],
        [-180.0, 90.0],
    ] {
        assert!(ext.iter().any(|c| c.as_slice() == corner), "{corner:?}");
    }
    assert!(shoelace(ext) > 0.0);
    // A point of the cap is outside the polygon on the plane: its edge passes between.
    let lons_near_cap: Vec<f64> = ext
        .iter()
        .filter(|c| c[1].abs() < 10.0 && c[0].abs() > 100.0)
        .map(|c| c[0])
        .collect();
    assert!(!lons_near_cap.is_empty());
    // Off-centre, the cap does not touch the antimeridian: a frame with a hole.
    let ring = RangeRing::new("15,000 km", p(0.0, 90.0), Distance::from_km(15_000.0)).unwrap();
    let g = geometry(ring, &ExportOptions::default());
    check_winding(&g).unwrap();
    let polys = polygons(&g);
    assert_eq!((polys.len(), polys[0].len()), (1, 2));
    assert!(shoelace(&polys[0][1]) < 0.0);
}

#[test]
fn rings_larger_than_half_the_meridian_are_rejected() {
    let err = RangeRing::new("too big", p(0.0, 0.0), Distance::from_km(20_100.0)).unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidNumber {
                field: "radius",
                ..
            }
        ),
        "{}",
        err.report()
    );
    assert!(
        err.report().to_string().contains("covers the whole Earth"),
        "{}",
        err.report()
    );
    assert!(RangeRing::new("ok", p(0.0, 0.0), Distance::from_km(20_000.0)).is_ok());
}

#[test]
fn strike_arcs_are_densified_and_cut() {
    let arc = StrikeArc::new(
        Endpoint::new("Ukrainka", p(51.17, 128.45)),
        Endpoint::new("Elmendorf", p(61.25, -149.81)),
    );
    let g = geometry(arc.clone(), &ExportOptions::default());
    let GeometryValue::MultiLineString { coordinates } = &g.value else {
        panic!("{}", g.value.type_name())
    };
    assert_eq!(coordinates.len(), 2);
    assert_eq!(coordinates[0][0].as_slice(), [128.45, 51.17]);
    let last = coordinates[1].last().unwrap();
    assert_eq!(last.as_slice(), [-149.81, 61.25]);
    let pts: Vec<LatLon> = positions(&g)
        .into_iter()
        .map(|c| LatLon::from_lon_lat(c).unwrap())
        .collect();
    let mut total = Distance::ZERO;
    for w in pts.windows(2) {
        let d = Geodesic.distance(w[0], w[1]);
        assert!(d.as_km() <= 50.001, "{d}");
        total += d;
    }
    // The parts meet at the antimeridian: the drawn length is the geodesic's.
    assert!(
        (total - arc.length()).abs().as_metres() < 1.0,
        "{total} vs {}",
        arc.length()
    );
    let b = geometry_bbox(&g).unwrap();
    assert_eq!((b[0], b[2]), (128.45, -149.81));
}

#[test]
fn collection_bbox_crosses_the_antimeridian_west_greater_than_east() {
    let mut map = MapExport::new(ExportOptions::default().with_bbox(true));
    map.add(StrikeArc::new(
        Endpoint::new("Ukrainka", p(51.17, 128.45)),
        Endpoint::new("Elmendorf", p(61.25, -149.81)),
    ))
    .unwrap();
    map.add(strikemap::City::new(
        "Petropavlovsk",
        p(53.02, 158.65),
        strikemap::CountryCode::new("RU").unwrap(),
    ))
    .unwrap();
    let fc = map.to_feature_collection();
    let b = fc.bbox.clone().unwrap();
    assert!(b[0] > b[2], "{b:?}");
    assert_eq!((b[0], b[2]), (128.45, -149.81));
    for f in &fc.features {
        let fb = f.bbox.as_ref().unwrap();
        assert_eq!(fb.len(), 4);
    }
    // The arc's markers (launch, impact), then the city.
    assert_eq!(
        fc.features[1].bbox.as_deref(),
        Some(&[128.45, 51.17, 128.45, 51.17][..])
    );
    assert_eq!(
        fc.features[2].bbox.as_deref(),
        Some(&[-149.81, 61.25, -149.81, 61.25][..])
    );
    assert_eq!(
        fc.features[3].bbox.as_deref(),
        Some(&[158.65, 53.02, 158.65, 53.02][..])
    );
}

/// Even-odd test on the lon/lat plane over every ring of every polygon: how
/// a map tool reads the written geometry.
fn planar_contains(g: &Geometry, q: LatLon) -> bool {
    let (x, y) = (q.lon(), q.lat());
    let mut inside = false;
    for poly in polygons(g) {
        for ring in poly {
            for w in ring.windows(2) {
                let (x0, y0, x1, y1) = (w[0][0], w[0][1], w[1][0], w[1][1]);
                if (y0 > y) != (y1 > y) && x < x0 + (y - y0) / (y1 - y0) * (x1 - x0) {
                    inside = !inside;
                }
            }
        }
    }
    inside
}

/// Issue 17: rings near the largest radius. Past the ellipsoid's cut locus
/// a direct geodesic of the radius is not the shortest path; every vertex
/// must still be at the radius (inverse problem) and the centre inside.
#[test]
fn rings_up_to_the_largest_radius_are_exact() {
    let centres = [
        p(50.45, 30.52),
        p(0.0, 0.0),
        p(-33.9, 18.4),
        p(10.0, -179.5),
        p(75.0, 100.0),
    ];
    let radii_km = [
        1.0, 6_920.2, 15_000.0, 19_990.0, 19_995.0, 20_000.0, 20_003.0,
    ];
    for c in centres {
        for km in radii_km {
            let r = Distance::from_km(km);
            let ring = RangeRing::new("r", c, r).unwrap();
            let v = ring.vertices(Distance::from_km(50.0)).unwrap();
            assert_eq!(v.first(), v.last());
            assert!(v.len() > 70, "{c} {km}: {}", v.len());
            for q in &v {
                let d = Geodesic.distance(c, *q);
                assert!(
                    (d.as_metres() - r.as_metres()).abs() < 1.0,
                    "{c} {km} km: vertex {q} at {d}"
                );
            }
            let g = geometry(ring.clone(), &ExportOptions::default());
            check_winding(&g).unwrap();
            assert!(
                planar_contains(&g, c),
                "{c} {km} km: centre outside its ring"
            );
            let lon = if c.lon() > 0.0 {
                c.lon() - 180.0
            } else {
                c.lon() + 180.0
            };
            let antipode = p(-c.lat(), lon);
            if km > 19_000.0 {
                assert!(!ring.contains(antipode), "{antipode}");
                if lon.abs() < 179.0 {
                    assert!(
                        !planar_contains(&g, antipode),
                        "{c} {km} km: antipode {antipode} inside"
                    );
                }
            }
        }
    }
}

/// Issue 17: a ring that no map can tell from its centre is refused.
#[test]
fn degenerate_rings_are_refused() {
    for m in [1e-3, 1e-300] {
        let err = RangeRing::new("tiny", p(50.0, 30.0), Distance::from_metres(m)).unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidNumber {
                    field: "radius",
                    ..
                }
            ),
            "{}",
            err.report()
        );
    }
    // Written at 0 decimals a 20 km ring is a handful of identical points.
    let ring = RangeRing::new("Kyiv 20 km", p(50.45, 30.52), Distance::from_km(20.0)).unwrap();
    let options = ExportOptions::default().with_precision(0).unwrap();
    let err = MapFeature::new(ring.clone())
        .to_feature(&options)
        .unwrap_err();
    let text = err.report().to_string();
    assert!(
        text.contains("Kyiv 20 km") && text.contains("precision 0"),
        "{text}"
    );
    assert!(
        matches!(err.root(), Error::InvalidGeometry { .. }),
        "{text}"
    );
    // At 3 decimals (about 100 m) it is drawn.
    assert!(
        MapFeature::new(ring)
            .to_feature(&ExportOptions::default().with_precision(3).unwrap())
            .is_ok()
    );
}
