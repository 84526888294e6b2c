//! Real data: "the targets were more than 4,300 miles from Ukraine" for the
//! five Russian air bases struck on 1 June 2025, against Ukraine's bundled
//! boundary (Natural Earth 1:50m, Crimea included).
//!
//! Positions are Wikipedia's (rounded as listed there). The distances are
//! computed here with strikemap's own measures and the verdicts asserted
//! relative to them; a few independent bounds check the distances
//! themselves.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use strikemap::{
    AirBase, Catalog, City, CountryCode, Distance, DistanceClaim, Geodesic, Haversine, LatLon,
    Metric, Source, Target, Unit, Verdict,
    claim::{DistanceVerdict, Reading, UncertaintyKind},
    countries,
    model::TargetRef,
};

const BASES: [(&str, f64, f64); 5] = [
    ("Olenya", 68.1517, 33.4639),
    ("Belaya", 52.915, 103.575),
    ("Dyagilevo", 54.6447, 39.5703),
    ("Ivanovo Severny", 57.0575, 40.9808),
    ("Ukrainka", 51.1700, 128.4450),
];

fn bases() -> Vec<AirBase> {
    let ru = CountryCode::new("RU").unwrap();
    BASES
        .iter()
        .map(|(name, lat, lon)| AirBase::new(*name, LatLon::new(*lat, *lon).unwrap(), ru))
        .collect()
}

fn claim() -> DistanceClaim {
    DistanceClaim::parse("the targets were more than 4,300 miles from Ukraine")
        .unwrap()
        .with_claimed_by("news reports")
        .with_source(Source::new("a news report of 2 June 2025"))
}

fn check() -> DistanceVerdict {
    let ua = &countries::get("UA").unwrap().territory;
    claim().check(&bases(), TargetRef::Territory(ua)).unwrap()
}

/// Distances to Ukraine (1:50m) computed directly, in metres, by name.
fn distances() -> Vec<(&'static str, f64)> {
    let ua = &countries::get("UA").unwrap().territory;
    BASES
        .iter()
        .map(|(name, lat, lon)| {
            (
                *name,
                ua.nearest_to(LatLon::new(*lat, *lon).unwrap())
                    .distance
                    .as_metres(),
            )
        })
        .collect()
}

#[test]
fn distances_pass_independent_sanity_bounds() {
    let kharkiv = LatLon::new(49.9935, 36.2304).unwrap(); // inside Ukraine
    let threshold = Distance::from_miles(4300.0);
    approx::assert_relative_eq!(threshold.as_km(), 6920.18, epsilon = 0.01);
    for ((name, lat, lon), (_, d)) in BASES.iter().zip(distances()) {
        let p = LatLon::new(*lat, *lon).unwrap();
        // Never farther than a city inside Ukraine.
        assert!(d <= Geodesic.distance(p, kharkiv).as_metres(), "{name}");
        // Ukraine spans less than 1,400 km, so never much nearer either.
        assert!(
            d >= Geodesic.distance(p, kharkiv).as_metres() - 1_400_000.0,
            "{name}"
        );
        // Every base is far closer than 4,300 miles.
        assert!(d < threshold.as_metres(), "{name}");
        // The sphere agrees to within 0.56 %.
        let ua = &countries::get("UA").unwrap().territory;
        let s = ua
            .nearest_by(p, strikemap::Method::Haversine)
            .distance
            .as_metres();
        assert!((s - d).abs() <= 0.0056 * d, "{name}");
    }
    let d: std::collections::HashMap<_, _> = distances().into_iter().collect();
    assert!(
        (5_000_000.0..6_500_000.0).contains(&d["Ukrainka"]),
        "Ukrainka: {} km",
        d["Ukrainka"] / 1e3
    );
    assert!((300_000.0..600_000.0).contains(&d["Dyagilevo"]));
    let farthest = d.iter().max_by(|a, b| a.1.total_cmp(b.1)).unwrap();
    assert_eq!(*farthest.0, "Ukrainka");
    // Haversine point check of the farthest base against its border point.
    let v = check();
    let uk = v.subject("Ukrainka").unwrap();
    let border = uk.reference_point.unwrap();
    let h = Haversine
        .distance(LatLon::new(51.17, 128.445).unwrap(), border)
        .as_metres();
    assert!((h - uk.distance.as_metres()).abs() <= 0.0056 * uk.distance.as_metres());
}

#[test]
fn verdicts_under_every_reading() {
    let v = check();
    let d = distances();
    assert_eq!(v.subjects.len(), 5);
    for (s, (name, metres)) in v.subjects.iter().zip(&d) {
        assert_eq!(&s.name, name);
        assert_eq!(
            s.distance.as_metres(),
            *metres,
            "{name}: the verdict uses the exact ellipsoidal measure"
        );
        assert!(!s.satisfies);
        assert!(s.margin_in_unit() < 0.0);
        approx::assert_relative_eq!(
            s.margin_in_unit(),
            s.distance.as_miles() - 4300.0,
            epsilon = 1e-6
        );
    }
    let (near, near_m) = d
        .iter()
        .copied()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    let (far, far_m) = d
        .iter()
        .copied()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    assert_eq!((v.nearest.as_str(), v.farthest.as_str()), (near, far));
    let threshold = Distance::from_miles(4300.0).as_metres();
    let budget = v.subject(far).unwrap().uncertainty.total().as_metres();
    // Every target: decided by the nearest, far short.
    let every = v.reading(Reading::Every).unwrap();
    assert_eq!(
        (every.verdict, every.decided_by.as_str()),
        (Verdict::NotSupported, near)
    );
    assert!(threshold - near_m > budget);
    // The farthest target: short by more than the uncertainty, so not supported.
    let expected = if threshold - far_m > budget {
        Verdict::NotSupported
    } else {
        Verdict::Borderline
    };
    let farthest = v.reading(Reading::Farthest).unwrap();
    assert_eq!(
        (farthest.verdict, farthest.decided_by.as_str()),
        (expected, far)
    );
    assert_eq!(expected, Verdict::NotSupported);
    // Any target: the same as the farthest for a "more than" claim.
    assert_eq!(v.reading(Reading::Any).unwrap().verdict, expected);
    assert_eq!(
        v.verdict,
        Verdict::NotSupported,
        "the stated reading is every target"
    );
    assert_eq!(v.reading, Reading::Every);
    println!("{}", v.explanation);
}

#[test]
fn unit_mixup_kilometres() {
    let v = check();
    let m = v.unit_mixup.as_ref().expect("the claim fails in miles");
    assert_eq!(m.stated_unit, Unit::Miles);
    let d = distances();
    let km = Unit::Kilometres.metres();
    let nmi = Unit::NauticalMiles.metres();
    // Read as kilometres: holds for the farthest and any target (far > 4,300 km
    // by more than the budget), not for every (the nearest is far below).
    let far_m = d.iter().map(|x| x.1).fold(0.0, f64::max);
    let near_m = d.iter().map(|x| x.1).fold(f64::INFINITY, f64::min);
    assert!(far_m > 4300.0 * km + 60_000.0 && near_m < 4300.0 * km);
    let holds: Vec<(Unit, Reading)> = m.holds_under.iter().map(|h| (h.unit, h.reading)).collect();
    assert_eq!(
        holds,
        [
            (Unit::Kilometres, Reading::Farthest),
            (Unit::Kilometres, Reading::Any)
        ]
    );
    // Read as nautical miles (7,964 km) it fails under every reading.
    assert!(far_m < 4300.0 * nmi);
    // Matches: subjects whose distance in km (or nmi) is 4,300 within the
    // figure's rounding (50) plus their other uncertainty.
    let mut expected = Vec::new();
    for (unit, metres_per) in [(Unit::Kilometres, km), (Unit::NauticalMiles, nmi)] {
        for (s, (name, metres)) in v.subjects.iter().zip(&d) {
            let other: f64 = s
                .uncertainty
                .parts()
                .iter()
                .filter(|p| p.name != UncertaintyKind::StatedPrecision)
                .map(|p| p.metres)
                .sum();
            if (metres - 4300.0 * metres_per).abs() <= 50.0 * metres_per + other {
                expected.push((name.to_string(), unit));
            }
        }
    }
    let found: Vec<(String, Unit)> = m
        .matches
        .iter()
        .map(|x| (x.subject.clone(), x.unit))
        .collect();
    assert_eq!(found, expected);
    assert!(!found.is_empty(), "a base lies 4,300 km from Ukraine");
    for x in &m.matches {
        let metres = v.subject(&x.subject).unwrap().distance.as_metres();
        approx::assert_relative_eq!(x.value, metres / x.unit.metres(), epsilon = 1e-9);
        approx::assert_relative_eq!(x.difference, x.value - 4300.0, epsilon = 1e-9);
        assert!(
            m.summary.contains(&format!(
                "4,300 matches {}'s distance in {}",
                x.subject,
                x.unit.name()
            )),
            "{}",
            m.summary
        );
    }
    assert!(m.summary.contains("if the figure was kilometres"));
    assert!(v.explanation.contains(&m.summary));
}

fn assert_json_close(a: &serde_json::Value, b: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!(
                (x - y).abs() <= 1e-15 * x.abs().max(y.abs()),
                "{at}: {x} != {y}"
            );
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{at}");
            for (i, (x, y)) in x.iter().zip(y).enumerate() {
                assert_json_close(x, y, &format!("{at}[{i}]"));
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(
                x.keys().collect::<Vec<_>>(),
                y.keys().collect::<Vec<_>>(),
                "{at}"
            );
            for (k, x) in x {
                assert_json_close(x, &y[k], &format!("{at}.{k}"));
            }
        }
        _ => assert_eq!(a, b, "{at}"),
    }
}

fn grouped(x: f64) -> String {
    let s = format!("{:.0}", x);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn explanation_can_be_pasted() {
    let v = check();
    let e = &v.explanation;
    assert!(e.starts_with("news reports said: \u{201c}the targets were more than 4,300 miles from Ukraine\u{201d} (a news report of 2 June 2025)."), "{e}");
    // Every distance in km and in miles.
    for s in &v.subjects {
        let both = format!(
            "{} {} km ({} mi)",
            s.name,
            grouped(s.distance.as_km()),
            grouped(s.distance.as_miles())
        );
        assert!(e.contains(&both), "{both} missing from: {e}");
    }
    assert!(e.contains("4,300 mi (6,920 km)"), "{e}");
    // The border points used for the nearest and farthest targets.
    for name in [&v.nearest, &v.farthest] {
        let p = v.subject(name).unwrap().reference_point.unwrap();
        assert!(
            e.contains(&format!(
                "{name}, was measured to the border point of Ukraine at {p:.4}"
            )),
            "{e}"
        );
    }
    assert!(e.contains("NOT SUPPORTED"));
    assert!(e.contains("Other readings: the farthest subject"));
}

#[test]
fn serde_round_trip() {
    let v = check();
    let json = serde_json::to_value(&v).unwrap();
    for key in [
        "claim",
        "verdict",
        "reading",
        "subjects",
        "readings",
        "unit_mixup",
        "uncertainty",
        "explanation",
    ] {
        assert!(json.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(json["verdict"], "not_supported");
    assert_eq!(json["claim"]["kind"], "distance");
    assert_eq!(json["claim"]["quantifier"], "more_than");
    let s0 = &json["subjects"][0];
    for key in [
        "name",
        "metres",
        "satisfies",
        "margin",
        "verdict",
        "reference_point",
    ] {
        assert!(s0.get(key).is_some(), "subject is missing {key}");
    }
    let readings: Vec<&str> = json["readings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reading"].as_str().unwrap())
        .collect();
    assert_eq!(readings, ["every", "farthest", "any"]);
    assert_eq!(json["unit_mixup"]["holds_under"][0]["unit"], "kilometres");
    assert_eq!(json["unit_mixup"]["holds_under"][0]["reading"], "farthest");
    let names: Vec<&str> = json["uncertainty"]["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "stated_precision",
            "coordinates",
            "reference_data",
            "method"
        ]
    );
    // Back and forth.
    let text = serde_json::to_string(&v).unwrap();
    let back: DistanceVerdict = serde_json::from_str(&text).unwrap();
    // serde_json (without its `float_roundtrip` feature) may read a float
    // back one unit in the last place off, so numbers compare to 1e-15.
    assert_json_close(&serde_json::to_value(&back).unwrap(), &json, "$");
    assert_eq!(back.verdict, v.verdict);
    assert_eq!(back.claim, v.claim);
    // A supported verdict has no diagnosis: `null`.
    let ua = &countries::get("UA").unwrap().territory;
    let ok = DistanceClaim::parse("more than 400 km")
        .unwrap()
        .check(&bases(), TargetRef::Territory(ua))
        .unwrap();
    assert_eq!(ok.verdict, Verdict::Supported);
    assert!(serde_json::to_value(&ok).unwrap()["unit_mixup"].is_null());
}

#[test]
fn checked_through_a_catalog_and_at_1_10m() {
    let mut catalog = Catalog::new();
    for b in bases() {
        catalog.add_place(b).unwrap();
    }
    let c = claim()
        .with_subjects(BASES.iter().map(|b| b.0))
        .with_reference("Ukraine");
    let v = c.check_in(&catalog).unwrap();
    assert_eq!(
        v.reference.as_ref().unwrap().scale.as_deref(),
        Some("1:50m")
    );
    assert_eq!(v.subjects, check().subjects);
    // At 1:10m the distances move by a few km; the verdicts do not.
    let fine = c
        .check(&bases(), TargetRef::Territory(countries::ukraine_10m()))
        .unwrap();
    for (a, b) in fine.subjects.iter().zip(&v.subjects) {
        assert!(
            (a.distance.as_metres() - b.distance.as_metres()).abs() < 5_000.0,
            "{}",
            a.name
        );
    }
    let verdicts = |v: &DistanceVerdict| v.readings.iter().map(|r| r.verdict).collect::<Vec<_>>();
    assert_eq!(verdicts(&fine), verdicts(&v));
    // An unknown base is reported with suggestions; an unknown reference too.
    let err = c
        .clone()
        .with_subjects(["Olenia"])
        .check_in(&catalog)
        .unwrap_err();
    assert!(
        err.report().to_string().contains("did you mean \"Olenya\""),
        "{}",
        err.report()
    );
    assert!(
        c.clone()
            .with_reference("Atlantis")
            .check_in(&catalog)
            .is_err()
    );
    // A city reference in the catalog.
    catalog
        .add_place(City::new(
            "Kyiv",
            LatLon::new(50.4501, 30.5234).unwrap(),
            CountryCode::new("UA").unwrap(),
        ))
        .unwrap();
    let v = c.with_reference("Kyiv").check_in(&catalog).unwrap();
    assert_eq!(v.reference.unwrap().name, "Kyiv");
}
