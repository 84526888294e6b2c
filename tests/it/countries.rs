//! Bundled country boundaries: look-ups, recognised borders, containment.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use strikemap::{Error, LatLon, Target, countries};

fn p(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).unwrap()
}

#[test]
fn bundled_data_loads() {
    let all = countries::all();
    assert!(all.len() >= 230, "{}", all.len());
    assert_eq!(countries::ukraine_10m().name, "Ukraine");
    // Codes are unique.
    let mut codes: Vec<&str> = all.iter().filter_map(|c| c.iso_a3.as_deref()).collect();
    let n = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), n);
}

#[test]
fn looks_up_by_code_and_name() {
    for q in ["UA", "ua", "UKR", "Ukraine", "ukraine"] {
        assert_eq!(countries::get(q).unwrap().name, "Ukraine", "{q}");
    }
    assert_eq!(
        countries::get("Russia").unwrap().iso_a3.as_deref(),
        Some("RUS")
    );
    assert_eq!(countries::get("TR").unwrap().iso_a3.as_deref(), Some("TUR"));
    let err = countries::get("Rusia").unwrap_err();
    match &err {
        Error::UnknownName {
            kind, suggestions, ..
        } => {
            assert_eq!(*kind, "country");
            assert!(suggestions.iter().any(|s| s == "Russia"), "{suggestions:?}");
        }
        other => panic!("{other:?}"),
    }
    assert!(countries::get("Atlantis").is_err());
    assert!(countries::get("").is_err());
}

#[test]
fn crimea_is_ukraine() {
    let ua = &countries::get("UA").unwrap().territory;
    let ru = &countries::get("RU").unwrap().territory;
    let ua10 = countries::ukraine_10m();
    for (name, place) in [
        ("Simferopol", p(44.9521, 34.1024)),
        ("Sevastopol", p(44.58, 33.55)),
        ("Kerch", p(45.3562, 36.4674)),
    ] {
        assert!(ua.contains(place), "{name} in UA 1:50m");
        assert!(ua10.contains(place), "{name} in UA 1:10m");
        assert!(!ru.contains(place), "{name} not in RU");
        assert_eq!(ua.nearest_to(place).distance.as_metres(), 0.0);
        assert!(ru.nearest_to(place).distance.as_km() > 1.0, "{name}");
    }
    for (name, place) in [
        ("Moscow", p(55.7558, 37.6173)),
        ("Krasnodar", p(45.0355, 38.9753)),
        ("Kaliningrad", p(54.7104, 20.4522)),
    ] {
        assert!(ru.contains(place), "{name} in RU");
        assert!(!ua.contains(place), "{name} not in UA");
    }
    assert!(ua.contains(p(50.4501, 30.5234)));
}

#[test]
fn antimeridian_and_polar_countries() {
    let ru = &countries::get("RU").unwrap().territory;
    // Chukotka, east of the antimeridian (Provideniya, Anadyr is west of it).
    assert!(ru.contains(p(64.42, -173.23)));
    assert!(ru.contains(p(66.0, 175.0)));
    assert!(!ru.contains(p(64.5, -165.4))); // Nome, Alaska
    let aq = &countries::get("AQ").unwrap().territory;
    assert!(aq.contains(p(-90.0, 0.0)));
    assert!(aq.contains(p(-85.0, 120.0)));
    assert!(!aq.contains(p(0.0, 0.0)));
    assert!(!aq.contains(p(90.0, 0.0)));
    let fj = &countries::get("FJ").unwrap().territory;
    assert!(fj.contains(p(-17.8, 178.0))); // Viti Levu
}

#[test]
fn ukraine_area_matches_the_official_figure() {
    // Ukraine's official area, Crimea included: 603,628 km² (State Statistics
    // Service of Ukraine). Natural Earth's generalised coast and border at
    // 1:50m and 1:10m land within 1 % of it.
    for t in [
        &countries::get("UA").unwrap().territory,
        countries::ukraine_10m(),
    ] {
        let km2 = t.area_km2();
        assert!(
            (km2 / 603_628.0 - 1.0).abs() < 0.01,
            "{:?}: {km2} km²",
            t.scale
        );
    }
}

/// Common names resolve; regions written as countries are refused with the
/// country they belong to; suggestions prefer codes and aliases.
#[test]
fn common_names_regions_and_suggestions() {
    for (name, code) in [
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("GB", "GB"),
        ("Britain", "GB"),
        ("Great Britain", "GB"),
        ("Gaza", "PS"),
        ("West Bank", "PS"),
        ("Palestine", "PS"),
        ("Moldova", "MD"),
        ("Russia", "RU"),
        ("Syria", "SY"),
        ("Iran", "IR"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Czechia", "CZ"),
        ("Czech Republic", "CZ"),
        ("North Korea", "KP"),
        ("South Korea", "KR"),
    ] {
        let c = countries::get(name).unwrap_or_else(|e| panic!("{name}: {}", e.report()));
        assert_eq!(
            c.iso_a2.map(|a| a.as_str().to_string()).as_deref(),
            Some(code),
            "{name}"
        );
    }
    for (region, country) in [
        ("Transnistria", "Moldova"),
        ("Abkhazia", "Georgia"),
        ("South Ossetia", "Georgia"),
        ("Donbas", "Ukraine"),
        ("Crimea", "Ukraine"),
    ] {
        let e = countries::get(region).unwrap_err();
        assert!(e.is_format(), "{region}");
        let text = e.report().to_string();
        assert!(
            text.contains(&format!("not a country: a region of {country}")),
            "{text}"
        );
    }
    let e = countries::get("UKK").unwrap_err().report().to_string();
    assert!(e.contains("did you mean \"United Kingdom\""), "{e}");
    let e = countries::get("Great Britian")
        .unwrap_err()
        .report()
        .to_string();
    assert!(e.contains("did you mean \"Great Britain\""), "{e}");
    let e = countries::get("Gazza").unwrap_err().report().to_string();
    assert!(e.contains("did you mean \"Gaza\""), "{e}");
    assert_eq!(countries::get("IR").unwrap().common_name(), "Iran");
}

/// Issue 17: a point ON the boundary is covered (as PostGIS `ST_Covers`):
/// every vertex of Ukraine 1:50m is inside at distance 0, through every
/// way of asking; points 1 m off an edge are inside or outside as drawn.
#[test]
fn boundary_points_are_covered_and_distance_agrees() {
    use strikemap::{Distance, Geodesic, Metric, measure::PreparedArea};
    let ua = countries::get("UA").unwrap();
    let area = ua.territory.area().clone();
    let prepared = PreparedArea::new(area.clone());
    let mut checked = 0;
    for polygon in area.polygons() {
        for ring in polygon.rings() {
            for &v in ring {
                assert!(ua.territory.contains(v), "Territory::contains {v}");
                assert!(prepared.contains(v), "PreparedArea::contains {v}");
                for n in [
                    ua.territory.nearest_to(v),
                    prepared.nearest_to(v),
                    area.nearest_to(v),
                ] {
                    assert!(n.inside, "inside {v}");
                    assert_eq!(n.distance, Distance::ZERO, "{v}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
    // 1 m either side of the middle of long edges of the exterior: the
    // flag and the distance agree, and the side is the drawn one.
    let exterior = area.polygons()[0].exterior();
    let inside_on_left = {
        // Which side is inside: try the first long edge.
        let (a, b) = (exterior[0], exterior[1]);
        let mid = Geodesic.intermediate(a, b, 0.5).unwrap();
        let azi = Geodesic.initial_bearing(mid, b).as_degrees();
        let left = Geodesic
            .destination(
                mid,
                strikemap::Bearing::from_degrees(azi - 90.0).unwrap(),
                Distance::from_metres(1.0),
            )
            .unwrap();
        prepared.contains(left)
    };
    let mut sides = 0;
    for w in exterior.windows(2).step_by(7) {
        let (a, b) = (w[0], w[1]);
        if Geodesic.distance(a, b).as_metres() < 200.0 {
            continue;
        }
        let mid = Geodesic.intermediate(a, b, 0.5).unwrap();
        let azi = Geodesic.initial_bearing(mid, b).as_degrees();
        for (turn, want_inside) in [(-90.0, inside_on_left), (90.0, !inside_on_left)] {
            let q = Geodesic
                .destination(
                    mid,
                    strikemap::Bearing::from_degrees(azi + turn).unwrap(),
                    Distance::from_metres(1.0),
                )
                .unwrap();
            let n = prepared.nearest_to(q);
            assert_eq!(prepared.contains(q), want_inside, "{q} off {a} {b}");
            assert_eq!(n.inside, want_inside, "{q}");
            assert_eq!(ua.territory.contains(q), want_inside, "{q}");
            if want_inside {
                assert_eq!(n.distance, Distance::ZERO);
            } else {
                assert!(
                    (n.distance.as_metres() - 1.0).abs() < 1e-3,
                    "{q}: {}",
                    n.distance
                );
            }
            sides += 1;
        }
    }
    assert!(sides > 20, "{sides}");
}

/// `countries::containing` skips countries by a box before the exact test:
/// it must answer exactly as testing every country does, everywhere
/// (seeded points over the whole Earth, the poles and the antimeridian).
#[test]
fn containing_agrees_with_testing_every_country() {
    let mut points = crate::common::points(400, 17, (-90.0, 90.0), (-180.0, 180.0));
    points.extend(crate::common::points(200, 18, (40.0, 72.0), (20.0, 180.0)));
    for lat in [-90.0, -89.9, 66.0, 89.9, 90.0] {
        for lon in [-180.0, -179.99, 0.0, 179.99, 180.0] {
            points.push(LatLon::new(lat, lon).unwrap());
        }
    }
    for p in points {
        let fast = countries::containing(p).map(|c| c.name.as_str());
        let every = countries::all()
            .iter()
            .find(|c| c.territory.contains(p))
            .map(|c| c.name.as_str());
        assert_eq!(fast, every, "{p}");
    }
}
