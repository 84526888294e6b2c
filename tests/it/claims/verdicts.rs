//! Verdicts: every quantifier, every verdict, claims exactly at the
//! threshold, readings of a set of subjects, empty sets, length claims and
//! explanations.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use strikemap::{
    Bearing, Catalog, City, CountryCode, Distance, DistanceClaim, Error, FrontLine, Geodesic,
    LatLon, Line, Method, Metric, Place, StatedDistance, Unit, Verdict,
    claim::{CheckOptions, LengthClaim, Quantifier, Reading, Subject},
    model::{Endpoint, TargetRef},
};

fn kyiv() -> Place {
    Place::from(City::new(
        "Kyiv",
        LatLon::new(50.4501, 30.5234).unwrap(),
        CountryCode::new("UA").unwrap(),
    ))
}

/// A point `km` kilometres east of Kyiv, on the ellipsoid.
fn east_of_kyiv(name: &str, km: f64) -> Endpoint {
    let p = Geodesic
        .destination(
            kyiv().position(),
            Bearing::from_degrees(90.0).unwrap(),
            Distance::from_km(km),
        )
        .unwrap();
    Endpoint::new(name, p)
}

/// No uncertainty at all: verdicts follow the bands exactly.
fn zero_budget() -> CheckOptions<'static> {
    CheckOptions::new()
        .with_coordinate_precision(Distance::ZERO)
        .with_reference_resolution(Distance::ZERO)
        .with_stated_precision(Distance::ZERO)
}

fn claim(q: Quantifier, value: f64, unit: Unit, resolution: f64) -> DistanceClaim {
    DistanceClaim::new(q, StatedDistance::new(value, unit, resolution).unwrap())
}

fn verdict_at(c: &DistanceClaim, km: f64, options: &CheckOptions<'_>) -> Verdict {
    let kyiv = kyiv();
    let v = c
        .check_with(&[east_of_kyiv("P", km)], TargetRef::Place(&kyiv), options)
        .unwrap();
    approx::assert_relative_eq!(v.subjects[0].distance.as_km(), km, epsilon = 1e-6);
    v.verdict
}

#[test]
fn every_quantifier_accepts_its_band() {
    use Verdict::{NotSupported as N, Supported as S};
    let distances = [85.0, 92.0, 97.0, 99.8, 100.2, 103.0, 107.0, 115.0];
    // "... 100 km" with a resolution of 1 km: about → 95–105, exactly → 99.5–100.5.
    let table = [
        (Quantifier::MoreThan, [N, N, N, N, S, S, S, S]),
        (Quantifier::AtLeast, [N, N, N, N, S, S, S, S]),
        (Quantifier::LessThan, [S, S, S, S, N, N, N, N]),
        (Quantifier::AtMost, [S, S, S, S, N, N, N, N]),
        (Quantifier::JustOver, [N, N, N, N, S, S, S, N]),
        (Quantifier::Nearly, [N, S, S, S, N, N, N, N]),
        (Quantifier::About, [N, N, S, S, S, S, N, N]),
        (Quantifier::Exactly, [N, N, N, S, S, N, N, N]),
    ];
    let options = zero_budget();
    for (q, expected) in table {
        let c = claim(q, 100.0, Unit::Kilometres, 1.0);
        for (km, want) in distances.into_iter().zip(expected) {
            assert_eq!(
                verdict_at(&c, km, &options),
                want,
                "{} 100 km at {km} km",
                q.phrase()
            );
        }
    }
}

#[test]
fn every_verdict() {
    // "more than 100 km" (resolution 100): stated rounding min(50, 5 % of 100) = 5 km.
    let c = claim(Quantifier::MoreThan, 100.0, Unit::Kilometres, 100.0);
    let exact_positions = CheckOptions::new()
        .with_coordinate_precision(Distance::ZERO)
        .with_reference_resolution(Distance::ZERO);
    assert_eq!(verdict_at(&c, 120.0, &exact_positions), Verdict::Supported);
    assert_eq!(
        verdict_at(&c, 80.0, &exact_positions),
        Verdict::NotSupported
    );
    assert_eq!(verdict_at(&c, 102.0, &exact_positions), Verdict::Borderline);
    assert_eq!(verdict_at(&c, 98.0, &exact_positions), Verdict::Borderline);
    // Just outside the rounding either way.
    assert_eq!(verdict_at(&c, 105.5, &exact_positions), Verdict::Supported);
    assert_eq!(
        verdict_at(&c, 94.5, &exact_positions),
        Verdict::NotSupported
    );
    let v = c
        .check_with(
            &[east_of_kyiv("P", 102.0)],
            TargetRef::Place(&kyiv()),
            &exact_positions,
        )
        .unwrap();
    let s = &v.subjects[0];
    assert!(s.satisfies, "the value itself lies in the band");
    approx::assert_relative_eq!(s.margin_in_unit(), 2.0, epsilon = 1e-6);
    approx::assert_relative_eq!(s.uncertainty.total().as_km(), 5.0, epsilon = 1e-9);
}

#[test]
fn claims_exactly_at_the_threshold() {
    let kyiv = kyiv();
    let subject = east_of_kyiv("P", 250.0);
    let measured = Geodesic.distance(subject.position(), kyiv.position());
    // The figure is the measured distance itself, in metres (exact in f64).
    let stated = StatedDistance::new(measured.as_metres(), Unit::Metres, 1.0).unwrap();
    let cases = [
        (Quantifier::MoreThan, Verdict::NotSupported),
        (Quantifier::AtLeast, Verdict::Supported),
        (Quantifier::LessThan, Verdict::NotSupported),
        (Quantifier::AtMost, Verdict::Supported),
        (Quantifier::JustOver, Verdict::NotSupported),
        (Quantifier::Nearly, Verdict::Supported),
    ];
    for (q, with_no_budget) in cases {
        let c = DistanceClaim::new(q, stated.clone());
        let v = c
            .check_with(&[&subject], TargetRef::Place(&kyiv), &zero_budget())
            .unwrap();
        assert_eq!(v.subjects[0].margin_in_unit(), 0.0, "{}", q.phrase());
        assert_eq!(
            v.verdict,
            with_no_budget,
            "{} with no uncertainty",
            q.phrase()
        );
        // With any uncertainty at all, a value on the threshold is borderline.
        let v = c.check(&[&subject], TargetRef::Place(&kyiv)).unwrap();
        assert_eq!(
            v.verdict,
            Verdict::Borderline,
            "{} with the default budget",
            q.phrase()
        );
    }
}

#[test]
fn empty_subjects_are_a_typed_error() {
    let c = DistanceClaim::parse("the targets were more than 4,300 miles from Ukraine").unwrap();
    let none: [Endpoint; 0] = [];
    let err = c.check(&none, TargetRef::Place(&kyiv())).unwrap_err();
    assert_eq!(
        err,
        Error::NoSubjects {
            claim: "the targets were more than 4,300 miles from Ukraine".into()
        }
    );
    let err = c
        .with_reference("Ukraine")
        .check_in(&Catalog::new())
        .unwrap_err();
    assert!(matches!(err, Error::NoSubjects { .. }));
    // Subjects named but no reference: a claim-text error naming the claim.
    let err = DistanceClaim::parse("more than 100 km")
        .unwrap()
        .with_subjects(["Kyiv"])
        .check_in(&Catalog::new())
        .unwrap_err();
    assert!(matches!(err, Error::ClaimText { ref text, .. } if text == "more than 100 km"));
}

#[test]
fn readings_of_a_set() {
    let kyiv = kyiv();
    let subjects = [
        east_of_kyiv("Near", 50.0),
        east_of_kyiv("Middle", 150.0),
        east_of_kyiv("Far", 400.0),
    ];
    let options = zero_budget();
    let verdicts = |text: &str| {
        let v = DistanceClaim::parse(text)
            .unwrap()
            .check_with(&subjects, TargetRef::Place(&kyiv), &options)
            .unwrap();
        let r: Vec<(Reading, Verdict, String)> = v
            .readings
            .iter()
            .map(|r| (r.reading, r.verdict, r.decided_by.clone()))
            .collect();
        (v, r)
    };
    let (v, r) = verdicts("more than 100 km");
    assert_eq!(v.verdict, Verdict::NotSupported);
    assert_eq!(
        r,
        [
            (Reading::Every, Verdict::NotSupported, "Near".to_string()),
            (Reading::Farthest, Verdict::Supported, "Far".to_string()),
            (Reading::Any, Verdict::Supported, "Far".to_string()),
        ]
    );
    assert_eq!(v.subjects.iter().filter(|s| s.satisfies).count(), 2);
    assert_eq!((v.nearest.as_str(), v.farthest.as_str()), ("Near", "Far"));
    // "within 100 km": the farthest fails, but one subject is within it.
    let (_, r) = verdicts("within 100 km");
    assert_eq!(r[0].1, Verdict::NotSupported);
    assert_eq!(r[1].1, Verdict::NotSupported);
    assert_eq!((r[2].1, r[2].2.as_str()), (Verdict::Supported, "Near"));
    // Everything holds.
    let (v, r) = verdicts("at least 10 km");
    assert_eq!(v.verdict, Verdict::Supported);
    assert!(r.iter().all(|(_, v, _)| *v == Verdict::Supported));
    // The stated reading decides the headline verdict.
    let v = DistanceClaim::parse("the farthest was more than 100 km away")
        .unwrap()
        .with_reading(Reading::Farthest)
        .check_with(&subjects, TargetRef::Place(&kyiv), &options)
        .unwrap();
    assert_eq!(
        (v.reading, v.verdict),
        (Reading::Farthest, Verdict::Supported)
    );
    assert!(v.unit_mixup.is_none(), "no diagnosis when the claim holds");
}

#[test]
fn borderline_subjects_combine_three_ways() {
    let kyiv = kyiv();
    // more than 100 km, rounding 5 km: 80 no, 102 borderline, 200 yes.
    let subjects = [
        east_of_kyiv("No", 80.0),
        east_of_kyiv("Maybe", 102.0),
        east_of_kyiv("Yes", 200.0),
    ];
    let options = CheckOptions::new()
        .with_coordinate_precision(Distance::ZERO)
        .with_reference_resolution(Distance::ZERO);
    let v = DistanceClaim::parse("more than 100 km")
        .unwrap()
        .check_with(&subjects[1..], TargetRef::Place(&kyiv), &options)
        .unwrap();
    assert_eq!(
        v.reading(Reading::Every).unwrap().verdict,
        Verdict::Borderline
    );
    assert_eq!(v.reading(Reading::Any).unwrap().verdict, Verdict::Supported);
    let v = DistanceClaim::parse("more than 100 km")
        .unwrap()
        .check_with(&subjects[..2], TargetRef::Place(&kyiv), &options)
        .unwrap();
    assert_eq!(
        v.reading(Reading::Every).unwrap().verdict,
        Verdict::NotSupported
    );
    assert_eq!(
        v.reading(Reading::Farthest).unwrap().verdict,
        Verdict::Borderline
    );
    assert_eq!(
        v.reading(Reading::Any).unwrap().verdict,
        Verdict::Borderline
    );
}

#[test]
fn margins_are_in_the_claims_unit() {
    let kyiv = kyiv();
    let v = DistanceClaim::parse("more than 100 miles")
        .unwrap()
        .check_with(
            &[east_of_kyiv("P", 200.0)],
            TargetRef::Place(&kyiv),
            &zero_budget(),
        )
        .unwrap();
    let s = &v.subjects[0];
    approx::assert_relative_eq!(s.margin_in_unit(), 200.0 / 1.609344 - 100.0, epsilon = 1e-6);
    approx::assert_relative_eq!(s.margin.as_metres(), 200_000.0 - 160_934.4, epsilon = 1e-3);
    approx::assert_relative_eq!(s.value(), s.distance.as_miles(), epsilon = 1e-12);
    assert_eq!(v.unit, Unit::Miles);
}

#[test]
fn haversine_only_when_asked() {
    let kyiv = kyiv();
    let subject = [east_of_kyiv("P", 500.0)];
    let c = DistanceClaim::parse("about 500 km").unwrap();
    let ellipsoid = c.check(&subject, TargetRef::Place(&kyiv)).unwrap();
    assert_eq!(ellipsoid.method, Method::Geodesic);
    approx::assert_relative_eq!(
        ellipsoid.subjects[0].distance.as_km(),
        500.0,
        epsilon = 1e-6
    );
    let sphere = c
        .check_with(
            &subject,
            TargetRef::Place(&kyiv),
            &CheckOptions::new().with_method(Method::Haversine),
        )
        .unwrap();
    assert_eq!(sphere.method, Method::Haversine);
    let diff = (sphere.subjects[0].distance.as_km() - 500.0).abs();
    assert!(
        diff > 0.01 && diff < 0.0056 * 500.0,
        "sphere differs by {diff} km"
    );
    assert!(sphere.explanation.contains("haversine"));
}

#[test]
fn subjects_of_mixed_kinds() {
    let kyiv = kyiv();
    let moscow = City::new(
        "Moscow",
        LatLon::new(55.7558, 37.6173).unwrap(),
        CountryCode::new("RU").unwrap(),
    );
    let point = east_of_kyiv("Point", 300.0);
    let subjects: [&dyn Subject; 2] = [&moscow, &point];
    let v = DistanceClaim::parse("more than 250 km")
        .unwrap()
        .check(&subjects, TargetRef::Place(&kyiv))
        .unwrap();
    assert_eq!(v.verdict, Verdict::Supported);
    assert_eq!(v.subjects[0].name, "Moscow");
}

#[test]
fn invalid_overrides_are_refused() {
    let options = CheckOptions::new().with_coordinate_precision(Distance::from_metres(-1.0));
    let err = DistanceClaim::parse("within 300 km")
        .unwrap()
        .check_with(
            &[east_of_kyiv("P", 1.0)],
            TargetRef::Place(&kyiv()),
            &options,
        )
        .unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidNumber {
            field: "coordinate precision",
            ..
        }
    ));
}

fn sketch(approximate: bool) -> FrontLine {
    // Nine degrees along the equator: 1,001.875 km; 4 decimals everywhere.
    let line = Line::from_vertices(vec![
        LatLon::new(0.0001, 0.0001).unwrap(),
        LatLon::new(0.0001, 4.5001).unwrap(),
        LatLon::new(0.0001, 9.0001).unwrap(),
    ])
    .unwrap();
    let f = FrontLine::new("Sketch", strikemap::Date::constant(2025, 6, 2), line);
    if approximate { f.approximate() } else { f }
}

#[test]
fn length_claims() {
    let front = sketch(false);
    let length = front.length();
    approx::assert_relative_eq!(length.as_km(), 1001.875, epsilon = 0.01);
    let v = LengthClaim::parse("a front line of about 1,000 km")
        .unwrap()
        .check(&front)
        .unwrap();
    assert_eq!(v.verdict, Verdict::Supported);
    assert!(v.reference.is_none());
    assert_eq!(v.subjects[0].name, "Sketch");
    approx::assert_relative_eq!(
        v.subjects[0].distance.as_metres(),
        length.as_metres(),
        epsilon = 1e-6
    );
    assert!(
        v.explanation.contains("1,002 km (623 mi) long"),
        "{}",
        v.explanation
    );
    // "roughly 620 miles" accepts 589–651 mi; 1,002 km is 623 mi.
    let v = LengthClaim::parse("the roughly 620-mile front line")
        .unwrap()
        .check(&front)
        .unwrap();
    assert_eq!(v.verdict, Verdict::Supported);
    // A sketch's 10 % allowance (100 km) dwarfs the 31-mile band: borderline.
    let v = LengthClaim::parse("the roughly 620-mile front line")
        .unwrap()
        .check(&sketch(true))
        .unwrap();
    assert_eq!(v.verdict, Verdict::Borderline);
    // Not supported, with a unit mix-up: 1,000 nmi = 1,852 km; 623 mi ≈ 1,002 km.
    let v = LengthClaim::parse("about 1,000 miles")
        .unwrap()
        .check(&front)
        .unwrap();
    assert_eq!(v.verdict, Verdict::NotSupported);
    let mixup = v.unit_mixup.expect("a mix-up is diagnosed");
    assert!(mixup.holds_under.iter().any(|h| h.unit == Unit::Kilometres));
    assert!(mixup.summary.contains("kilometres"));
    // Looked up by name.
    let mut catalog = Catalog::new();
    catalog.add_front_line(sketch(false)).unwrap();
    let v = LengthClaim::parse("about 1,000 km")
        .unwrap()
        .with_line("sketch")
        .check_in(&catalog)
        .unwrap();
    assert_eq!(v.verdict, Verdict::Supported);
    assert!(matches!(
        LengthClaim::parse("about 1,000 km")
            .unwrap()
            .with_line("Other")
            .check_in(&catalog),
        Err(Error::UnknownName { .. })
    ));
    assert!(matches!(
        LengthClaim::parse("about 1,000 km")
            .unwrap()
            .check_in(&catalog),
        Err(Error::ClaimText { .. })
    ));
}

#[test]
fn explanations_name_both_units_and_the_reference_point() {
    let kyiv = kyiv();
    let subjects = [east_of_kyiv("Near", 50.0), east_of_kyiv("Far", 400.0)];
    let v = DistanceClaim::parse("they were within 300 km of Kyiv")
        .unwrap()
        .with_claimed_by("A spokesman")
        .check(&subjects, TargetRef::Place(&kyiv))
        .unwrap();
    let e = &v.explanation;
    assert!(
        e.starts_with("A spokesman said: \u{201c}they were within 300 km of Kyiv\u{201d}"),
        "{e}"
    );
    for number in ["50.0 km (31.1 mi)", "400 km (249 mi)", "300 km (186 mi)"] {
        assert!(e.contains(number), "{number} missing from: {e}");
    }
    assert!(
        e.contains("50.4501°N, 30.5234°E"),
        "reference point missing: {e}"
    );
    assert!(e.contains("NOT SUPPORTED"), "{e}");
    for r in &v.readings {
        assert!(
            r.explanation.contains(" km (") && r.explanation.contains(" mi)"),
            "{}",
            r.explanation
        );
    }
}
