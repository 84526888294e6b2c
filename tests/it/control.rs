#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Control maps: synthetic snapshots with answers computed by pyproj and
//! shapely (`scripts/control/make_synthetic.py`), and bad input.

use std::path::Path;

use serde_json::Value;
use strikemap::{
    Area, Date, Distance, LatLon, Territory,
    io::control::{ReadOptions, read},
    io::geojson::{ImportOptions, Imported},
    model::{ContactOptions, ControlMap},
};

use crate::common::fixture;

fn expected() -> Value {
    let text = std::fs::read_to_string(fixture("control/expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn country() -> Territory {
    let imported = Imported::from_path(
        fixture("control/country.geojson"),
        &ImportOptions::default(),
    )
    .unwrap();
    let catalog = imported.to_catalog().unwrap();
    catalog.territories()[0].clone()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn synthetic(path: &str) -> ControlMap {
    read(fixture(path), &ReadOptions::new())
        .unwrap()
        .map
        .with_contact(ContactOptions::new(country()))
}

#[test]
fn areas_and_contact_lines_match_pyproj_and_shapely() {
    let exp = expected();
    for path in ["control/held", "control/held.geojsons"] {
        let map = synthetic(path);
        assert_eq!(map.len(), 2, "{path}");
        for (d, want) in exp["snapshots"].as_object().unwrap() {
            let day = map.as_of(date(d)).unwrap();
            assert_eq!(day.date_used(), date(d));
            let f = |k: &str| want[k].as_f64().unwrap();
            // Areas: Karney's polygon area both sides; the overlay on
            // straight lon/lat edges of 0.05° moves crossings by < 1 m.
            approx::assert_relative_eq!(day.held_km2(), f("held_km2"), max_relative = 1e-9);
            approx::assert_relative_eq!(
                day.held_km2_within(&country()).unwrap(),
                f("held_within_km2"),
                max_relative = 1e-6
            );
            let line = day.contact_line().unwrap();
            assert_eq!(
                line.line().parts().len() as u64,
                want["contact_parts"].as_u64().unwrap(),
                "{path} {d}"
            );
            // Both bisect the ends of each part to 1 mm.
            approx::assert_abs_diff_eq!(
                line.length().as_metres(),
                f("contact_length_m"),
                epsilon = 0.05
            );
            // The ends: where the border tolerance starts, on the held edges.
            let ends = want["contact_ends"].as_array().unwrap();
            for (part, end) in line.line().parts().iter().zip(ends) {
                for (got, want) in [part[0], part[part.len() - 1]]
                    .into_iter()
                    .zip(end.as_array().unwrap())
                {
                    let w = LatLon::from_lon_lat([
                        want[0].as_f64().unwrap(),
                        want[1].as_f64().unwrap(),
                    ])
                    .unwrap();
                    let d = strikemap::Geodesic.distance(got, w).as_metres();
                    assert!(d < 0.01, "{path} {d}: end {got:?} vs {w:?}: {d} m");
                }
            }
        }
    }
}

use strikemap::Metric as _;

#[test]
fn change_between_dates_matches_shapely_and_pyproj() {
    let exp = &expected()["change"];
    let map = synthetic("control/held");
    let change = map
        .change(
            date(exp["from"].as_str().unwrap()),
            date(exp["to"].as_str().unwrap()),
        )
        .unwrap();
    approx::assert_relative_eq!(
        change.gained_km2(),
        exp["gained_km2"].as_f64().unwrap(),
        max_relative = 1e-6
    );
    assert_eq!(change.lost_km2(), 0.0);
    assert!(change.lost().is_none());
    // Gained and kept add up to the later held area.
    let later = map.as_of(date("2025-06-15")).unwrap().held_km2();
    let earlier = map.as_of(date("2025-06-01")).unwrap().held_km2();
    approx::assert_relative_eq!(earlier + change.gained_km2(), later, max_relative = 1e-6);
}

#[test]
fn events_are_measured_against_the_snapshot_of_their_date() {
    let exp = expected();
    let map = synthetic("control/held");
    for e in exp["events"].as_array().unwrap() {
        let d = date(e["date"].as_str().unwrap());
        let p = LatLon::new(e["lat"].as_f64().unwrap(), e["lon"].as_f64().unwrap()).unwrap();
        match e["date_used"].as_str() {
            None => {
                let err = map.as_of(d).unwrap_err();
                assert!(err.is_no_snapshot(), "{err}");
                assert!(
                    err.to_string().contains("the first is dated 2025-06-01"),
                    "{err}"
                );
            }
            Some(used) => {
                let day = map.as_of(d).unwrap();
                assert_eq!(day.date_used(), date(used));
                assert_eq!(day.holds(p), e["held"].as_bool().unwrap(), "{e}");
                let got = day.distance_to_contact(p).unwrap().as_metres();
                approx::assert_abs_diff_eq!(
                    got,
                    e["front_distance_m"].as_f64().unwrap(),
                    epsilon = 0.01
                );
            }
        }
    }
}

#[test]
fn a_held_area_on_the_border_only_has_no_line_of_contact() {
    // The held area is the country itself: all border.
    let c = country();
    let mut map = ControlMap::new("all").with_contact(ContactOptions::new(c.clone()));
    map.insert(date("2025-06-01"), c.area().clone(), "all")
        .unwrap();
    let err = map
        .as_of(date("2025-06-01"))
        .unwrap()
        .contact_line()
        .unwrap_err();
    assert!(
        err.report().to_string().contains("has no line of contact"),
        "{}",
        err.report().to_string()
    );
}

#[test]
fn a_hole_away_from_the_border_is_a_closed_part_of_the_line() {
    let ring = |lon0: f64, lat0: f64, lon1: f64, lat1: f64| {
        vec![
            [lon0, lat0],
            [lon1, lat0],
            [lon1, lat1],
            [lon0, lat1],
            [lon0, lat0],
        ]
    };
    let held = Area::from_lon_lat(&[vec![
        ring(31.0, 47.0, 33.0, 49.0),
        ring(31.5, 47.5, 32.0, 48.0),
    ]])
    .unwrap();
    let mut map = ControlMap::new("pocket").with_contact(ContactOptions::new(country()));
    map.insert(date("2025-06-01"), held.clone(), "pocket")
        .unwrap();
    let day = map.as_of(date("2025-06-01")).unwrap();
    let line = day.contact_line().unwrap();
    // Both rings lie wholly inside, away from the border: two closed parts.
    assert_eq!(line.line().parts().len(), 2);
    for part in line.line().parts() {
        assert_eq!(part.first(), part.last());
    }
    use strikemap::measure::LengthMeasure as _;
    let perimeter = strikemap::Geodesic.length(&held.outline());
    approx::assert_relative_eq!(
        line.length().as_metres(),
        perimeter.as_metres(),
        max_relative = 1e-12
    );
    // The pocket is not held.
    assert!(!day.holds(LatLon::new(47.75, 31.75).unwrap()));
}

#[test]
fn the_border_tolerance_moves_the_ends_of_the_line() {
    let exp = expected();
    let want = exp["snapshots"]["2025-06-01"]["contact_length_m"]
        .as_f64()
        .unwrap();
    let mut map = read(fixture("control/held"), &ReadOptions::new())
        .unwrap()
        .map;
    let wider = ContactOptions::new(country())
        .with_tolerance(Distance::from_km(5.0))
        .unwrap();
    map = map.with_contact(wider);
    let got = map
        .as_of(date("2025-06-01"))
        .unwrap()
        .contact_line()
        .unwrap()
        .length();
    // 3 km more tolerance at each of the two ends, along edges nearly
    // perpendicular to the border: about 6 km shorter.
    approx::assert_abs_diff_eq!(want - got.as_metres(), 6_000.0, epsilon = 20.0);
    assert!(
        ContactOptions::new(country())
            .with_tolerance(Distance::from_km(f64::NAN))
            .is_err()
    );
}

#[test]
fn generalised_lengths_never_exceed_the_drawn_length() {
    let map = synthetic("control/held");
    let g = map
        .as_of(date("2025-06-15"))
        .unwrap()
        .generalised()
        .unwrap();
    assert_eq!(g.len(), 5);
    for w in g.windows(2) {
        assert!(w[1].length <= w[0].length, "{g:?}");
        assert!(w[1].vertices <= w[0].vertices, "{g:?}");
    }
    // The drawn squares' 0.05° steps are straight to within metres: 2 vertices
    // survive per side at 0.5 km, so the length barely changes.
    approx::assert_relative_eq!(
        g[1].length.as_metres(),
        g[0].length.as_metres(),
        max_relative = 1e-3
    );
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

const SQUARE: &str =
    r#"{"type":"Polygon","coordinates":[[[30,48],[31,48],[31,49],[30,49],[30,48]]]}"#;

fn fc(geometry: &str, properties: &str) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{properties},"geometry":{geometry}}}]}}"#
    )
}

#[test]
fn bad_control_files_get_errors_naming_file_and_feature() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(p, "held_20250601.geojson", &fc(SQUARE, "{}"));
    write(
        p,
        "held_20250602.geojson",
        &fc(r#"{"type":"Point","coordinates":[30,48]}"#, "{}"),
    );
    let err = read(p, &ReadOptions::new()).unwrap_err();
    let report = err.report().to_string();
    assert!(
        report.contains("held_20250602.geojson: feature 0: geometry"),
        "{report}"
    );
    assert!(report.contains("Polygon or MultiPolygon"), "{report}");

    // Skipping goes on and says what it skipped.
    let loaded = read(p, &ReadOptions::new().skipping_bad()).unwrap();
    assert_eq!(loaded.map.len(), 1);
    assert_eq!(loaded.skipped.len(), 1);

    // Two files of one date.
    std::fs::remove_file(p.join("held_20250602.geojson")).unwrap();
    write(p, "copy-2025-06-01.geojson", &fc(SQUARE, "{}"));
    let err = read(p, &ReadOptions::new()).unwrap_err();
    assert!(
        matches!(err.root(), strikemap::Error::DuplicateDate { .. }),
        "{err:?}"
    );
    assert!(
        err.report().to_string().contains("copy-2025-06-01.geojson")
            && err.report().to_string().contains("held_20250601.geojson"),
        "{}",
        err.report().to_string()
    );

    // No date anywhere.
    std::fs::remove_file(p.join("copy-2025-06-01.geojson")).unwrap();
    write(p, "held.geojson", &fc(SQUARE, "{}"));
    let report = read(p, &ReadOptions::new())
        .unwrap_err()
        .report()
        .to_string();
    assert!(
        report.contains("held.geojson: feature 0: properties") && report.contains("a date"),
        "{report}"
    );

    // A date that is not one.
    std::fs::remove_file(p.join("held.geojson")).unwrap();
    write(p, "held_20251302.geojson", &fc(SQUARE, "{}"));
    let report = read(p, &ReadOptions::new())
        .unwrap_err()
        .report()
        .to_string();
    assert!(
        report.contains("held_20251302.geojson") && report.contains("20251302"),
        "{report}"
    );

    // A bad date property names the feature and the member.
    std::fs::remove_file(p.join("held_20251302.geojson")).unwrap();
    write(p, "held_x.geojson", &fc(SQUARE, r#"{"date":"June 2025"}"#));
    let report = read(p, &ReadOptions::new())
        .unwrap_err()
        .report()
        .to_string();
    assert!(
        report.contains("held_x.geojson: feature 0: properties.date"),
        "{report}"
    );

    // A file that is not GeoJSON.
    std::fs::remove_file(p.join("held_x.geojson")).unwrap();
    write(
        p,
        "held_20250603.json",
        "event_date,lat,lon\n2025-06-03,48,30\n",
    );
    let err = read(p, &ReadOptions::new()).unwrap_err();
    assert!(
        err.report()
            .to_string()
            .starts_with(&format!("{}", p.join("held_20250603.json").display())),
        "{}",
        err.report().to_string()
    );

    // A crs that is not WGS84 longitude/latitude.
    let other = r#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[]}"#;
    write(p, "held_20250603.json", other);
    let report = read(p, &ReadOptions::new())
        .unwrap_err()
        .report()
        .to_string();
    assert!(
        report.contains("crs") && report.contains("CRS84"),
        "{report}"
    );

    // An empty folder.
    let empty = tempfile::tempdir().unwrap();
    assert!(
        read(empty.path(), &ReadOptions::new())
            .unwrap_err()
            .report()
            .to_string()
            .contains("snapshot files")
    );
}

#[test]
fn features_of_one_date_merge_and_a_filter_picks_a_status() {
    let dir = tempfile::tempdir().unwrap();
    // Boxes with a vertex every 0.05° (short edges: geodesic and straight
    // lon/lat edges agree to under a metre, so the union is the box).
    let boxed = |lon0: f64, lon1: f64| -> Vec<[f64; 2]> {
        let n = ((lon1 - lon0) / 0.05).round() as usize;
        let mut ring: Vec<[f64; 2]> = (0..n)
            .map(|i| [lon0 + (lon1 - lon0) * i as f64 / n as f64, 48.0])
            .collect();
        ring.extend((0..20).map(|i| [lon1, 48.0 + f64::from(i) * 0.05]));
        ring.extend((0..n).map(|i| [lon1 - (lon1 - lon0) * i as f64 / n as f64, 49.0]));
        ring.extend((0..20).map(|i| [lon0, 49.0 - f64::from(i) * 0.05]));
        ring.push([lon0, 48.0]);
        ring
    };
    let polygon = |ring: &[[f64; 2]]| {
        serde_json::json!({"type": "Polygon", "coordinates": [ring]}).to_string()
    };
    let (west, east) = (polygon(&boxed(30.0, 31.0)), polygon(&boxed(30.5, 32.0)));
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[
        {{"type":"Feature","properties":{{"date":"2025-06-01","status":"controlled"}},"geometry":{west}}},
        {{"type":"Feature","properties":{{"date":"2025-06-01","status":"controlled"}},"geometry":{east}}},
        {{"type":"Feature","properties":{{"date":"2025-06-01","status":"claimed"}},"geometry":{east}}}]}}"#
    );
    write(dir.path(), "isw.geojson", &text);
    let loaded = read(
        dir.path().join("isw.geojson"),
        &ReadOptions::new().with_only("status", "controlled"),
    )
    .unwrap();
    assert_eq!(loaded.filtered_out, 1);
    let day = loaded.map.as_of(date("2025-06-30")).unwrap();
    // The union: 2° × 1°, not 2.5° × 1° (the overlap counted once).
    let whole = Area::from_lon_lat(&[vec![boxed(30.0, 32.0)]]).unwrap();
    use strikemap::measure::AreaMeasure as _;
    approx::assert_relative_eq!(
        day.held_km2(),
        strikemap::Geodesic.area_km2(&whole),
        max_relative = 1e-6
    );
    assert!(
        day.origin().contains("feature 0, feature 1"),
        "{}",
        day.origin()
    );
}

#[test]
fn a_length_claim_on_the_line_of_contact_carries_its_resolution_spread() {
    use strikemap::claim::{LengthClaim, UncertaintyKind};
    let map = synthetic("control/held");
    let day = map.as_of(date("2025-06-15")).unwrap();
    let line = day.contact_line().unwrap();
    let v = LengthClaim::parse("about 220 miles")
        .unwrap()
        .check(line)
        .unwrap();
    let g = day.generalised().unwrap();
    let least = g
        .iter()
        .map(|x| x.length.as_metres())
        .fold(f64::INFINITY, f64::min);
    let part = v.subjects[0]
        .uncertainty
        .part(UncertaintyKind::Resolution)
        .unwrap();
    approx::assert_relative_eq!(
        part.metres,
        g[0].length.as_metres() - least,
        max_relative = 1e-12
    );
    assert!(
        part.note.contains("as drawn") && part.note.contains("Douglas"),
        "{}",
        part.note
    );
}

#[test]
fn control_snapshots_drawn_in_google_earth_read_from_kml_and_kmz() {
    let kml = r#"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>held 1 June</name><TimeStamp><when>2025-06-01</when></TimeStamp>
<Polygon><outerBoundaryIs><LinearRing><coordinates>30,48 31,48 31,49 30,49 30,48</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>held 15 June</name><TimeStamp><when>2025-06-15</when></TimeStamp>
<Polygon><outerBoundaryIs><LinearRing><coordinates>30,48 31.5,48 31.5,49 30,49 30,48</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>"#;
    let geojson = |east: f64| {
        Area::from_lon_lat(&[vec![vec![
            [30.0, 48.0],
            [east, 48.0],
            [east, 49.0],
            [30.0, 49.0],
            [30.0, 48.0],
        ]]])
        .unwrap()
    };
    use strikemap::measure::AreaMeasure as _;
    let mut kmz = Vec::new();
    strikemap::io::kml::zip_kml(kml.as_bytes(), &mut kmz).unwrap();
    for (name, bytes) in [("held.kml", kml.as_bytes()), ("held.kmz", &kmz[..])] {
        let loaded = strikemap::io::control::read_bytes(name, bytes, &ReadOptions::new()).unwrap();
        assert_eq!(loaded.map.len(), 2, "{name}");
        for (d, east) in [("2025-06-01", 31.0), ("2025-06-15", 31.5)] {
            let day = loaded.map.as_of(date(d)).unwrap();
            assert_eq!(day.date_used(), date(d));
            approx::assert_relative_eq!(
                day.held_km2(),
                strikemap::Geodesic.area_km2(&geojson(east)),
                max_relative = 1e-12
            );
        }
    }
    // A Placemark that is not an area is named by its index, name and line.
    let bad = kml.replace(
        "<Polygon><outerBoundaryIs><LinearRing><coordinates>30,48 31.5,48 31.5,49 30,49 30,48</coordinates></LinearRing></outerBoundaryIs></Polygon>",
        "<Point><coordinates>30,48</coordinates></Point>",
    );
    let report =
        strikemap::io::control::read_bytes("held.kml", bad.as_bytes(), &ReadOptions::new())
            .unwrap_err()
            .report()
            .to_string();
    assert!(
        report.contains("Placemark 1 \"held 15 June\" (line 5)"),
        "{report}"
    );
}
