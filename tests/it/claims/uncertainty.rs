//! The uncertainty budget: each of its four parts, how they add up, and
//! that each one alone can make a verdict borderline.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use strikemap::{
    AirBase, Area, City, CountryCode, Distance, DistanceClaim, FrontLine, Geodesic, LatLon, Line,
    Method, Metric, Place, Target, Territory, Verdict,
    claim::{
        APPROXIMATE_LINE_ALLOWANCE, CheckOptions, DistanceVerdict, HAVERSINE_FRACTION,
        METRES_PER_DEGREE, SURVEYED_LINE_ALLOWANCE, Uncertainty, UncertaintyKind,
        coordinate_precision, map_scale_error,
    },
    countries,
    model::TargetRef,
};

fn ru() -> CountryCode {
    CountryCode::new("RU").unwrap()
}

fn part(v: &DistanceVerdict, subject: usize, kind: UncertaintyKind) -> f64 {
    v.subjects[subject]
        .uncertainty
        .part(kind)
        .unwrap_or_else(|| panic!("no {} part", kind.name()))
        .metres
}

fn ukraine() -> &'static Territory {
    &countries::get("UA").unwrap().territory
}

fn dyagilevo() -> AirBase {
    AirBase::new("Dyagilevo", LatLon::new(54.6447, 39.5703).unwrap(), ru())
}

#[test]
fn stated_precision() {
    let base = [dyagilevo()];
    let ua = TargetRef::Territory(ukraine());
    let v = DistanceClaim::parse("more than 4,300 miles")
        .unwrap()
        .check(&base, ua)
        .unwrap();
    // Half of the last significant digit: 50 miles.
    approx::assert_relative_eq!(
        part(&v, 0, UncertaintyKind::StatedPrecision),
        50.0 * 1609.344,
        epsilon = 1e-6
    );
    // "1,000" is rounded to 1,000, but the part is capped at 5 %: 50 km.
    let v = DistanceClaim::parse("more than 1,000 km")
        .unwrap()
        .check(&base, ua)
        .unwrap();
    approx::assert_relative_eq!(
        part(&v, 0, UncertaintyKind::StatedPrecision),
        50_000.0,
        epsilon = 1e-6
    );
    // "about" and a bare figure carry it inside their band: 0.
    for text in ["about 460 km", "460 km"] {
        let v = DistanceClaim::parse(text)
            .unwrap()
            .check(&base, ua)
            .unwrap();
        assert_eq!(part(&v, 0, UncertaintyKind::StatedPrecision), 0.0, "{text}");
    }
    // Set by the caller.
    let options = CheckOptions::new().with_stated_precision(Distance::from_km(1.0));
    let v = DistanceClaim::parse("more than 1,000 km")
        .unwrap()
        .check_with(&base, ua, &options)
        .unwrap();
    assert_eq!(part(&v, 0, UncertaintyKind::StatedPrecision), 1000.0);
}

#[test]
fn coordinates() {
    // 4 decimals: one unit is 1e-4 degree, 11.13 m.
    let four = LatLon::new(54.6447, 39.5703).unwrap();
    approx::assert_relative_eq!(
        coordinate_precision(four).as_metres(),
        1e-4 * METRES_PER_DEGREE,
        epsilon = 1e-9
    );
    approx::assert_relative_eq!(
        coordinate_precision(four).as_metres(),
        11.132,
        epsilon = 1e-3
    );
    // A trailing zero is lost in storage: 51.1700, 128.4450 reads as 3 decimals.
    let ukrainka = LatLon::new(51.1700, 128.4450).unwrap();
    approx::assert_relative_eq!(
        coordinate_precision(ukrainka).as_metres(),
        111.32,
        epsilon = 0.01
    );
    let whole = LatLon::new(50.0, 30.0).unwrap();
    approx::assert_relative_eq!(coordinate_precision(whole).as_km(), 111.32, epsilon = 0.01);

    let ua = TargetRef::Territory(ukraine());
    let claim = DistanceClaim::parse("more than 100 km").unwrap();
    let v = claim.check(&[dyagilevo()], ua).unwrap();
    approx::assert_relative_eq!(
        part(&v, 0, UncertaintyKind::Coordinates),
        11.132,
        epsilon = 1e-3
    );
    // A point reference adds its own precision (Kyiv to 2 decimals: 1.1 km).
    let kyiv = Place::from(City::new(
        "Kyiv",
        LatLon::new(50.45, 30.52).unwrap(),
        CountryCode::new("UA").unwrap(),
    ));
    let v = claim
        .check(&[dyagilevo()], TargetRef::Place(&kyiv))
        .unwrap();
    approx::assert_relative_eq!(
        part(&v, 0, UncertaintyKind::Coordinates),
        11.132 + 1113.19,
        epsilon = 0.01
    );
    assert_eq!(
        part(&v, 0, UncertaintyKind::ReferenceData),
        0.0,
        "a point has no boundary data"
    );
    // Set by the caller, for subject and point reference alike.
    let options = CheckOptions::new().with_coordinate_precision(Distance::from_metres(500.0));
    let v = claim
        .check_with(&[dyagilevo()], TargetRef::Place(&kyiv), &options)
        .unwrap();
    assert_eq!(part(&v, 0, UncertaintyKind::Coordinates), 1000.0);
}

#[test]
fn reference_data_from_the_map_scale() {
    approx::assert_relative_eq!(
        map_scale_error("1:50m").unwrap().as_km(),
        3.5,
        epsilon = 1e-9
    );
    approx::assert_relative_eq!(
        map_scale_error("1:10m").unwrap().as_km(),
        0.7,
        epsilon = 1e-9
    );
    approx::assert_relative_eq!(
        map_scale_error("1:110m").unwrap().as_km(),
        7.7,
        epsilon = 1e-9
    );
    let base = dyagilevo();
    let p = base.site.position;
    let claim = DistanceClaim::parse("more than 100 km").unwrap();
    // Bundled Ukraine at 1:50m: the per-scale figure or the measured
    // difference to the 1:10m boundary, whichever is larger.
    let d50 = ukraine().nearest_to(p).distance;
    let d10 = countries::ukraine_10m().nearest_to(p).distance;
    let measured_difference = (d50 - d10).abs().as_metres();
    assert!(
        measured_difference > 100.0,
        "the two scales differ: {measured_difference} m"
    );
    let v = claim
        .check(&[&base], TargetRef::Territory(ukraine()))
        .unwrap();
    let want = measured_difference.max(3500.0);
    approx::assert_relative_eq!(
        part(&v, 0, UncertaintyKind::ReferenceData),
        want,
        epsilon = 1e-6
    );
    assert!(v.subjects[0].uncertainty.parts()[2].note.contains("1:10m"));
    // Ukraine at 1:10m, compared back with 1:50m.
    let v = claim
        .check(&[&base], TargetRef::Territory(countries::ukraine_10m()))
        .unwrap();
    approx::assert_relative_eq!(
        part(&v, 0, UncertaintyKind::ReferenceData),
        measured_difference.max(700.0),
        epsilon = 1e-6
    );
    // A territory of the caller's: its own scale, or 1:50m when none is given.
    let square = Area::from_lon_lat(&[vec![vec![
        [30.0, 50.0],
        [31.0, 50.0],
        [31.0, 51.0],
        [30.0, 51.0],
        [30.0, 50.0],
    ]]])
    .unwrap();
    let coarse = Territory::new("Square", square.clone()).with_scale("1:110m");
    let v = claim
        .check(&[&base], TargetRef::Territory(&coarse))
        .unwrap();
    approx::assert_relative_eq!(
        part(&v, 0, UncertaintyKind::ReferenceData),
        7700.0,
        epsilon = 1e-6
    );
    let unscaled = Territory::new("Square", square.clone());
    let v = claim
        .check(&[&base], TargetRef::Territory(&unscaled))
        .unwrap();
    approx::assert_relative_eq!(
        part(&v, 0, UncertaintyKind::ReferenceData),
        3500.0,
        epsilon = 1e-6
    );
    assert!(
        v.subjects[0].uncertainty.parts()[2]
            .note
            .contains("assumed")
    );
    // Another scale given by the caller is measured too.
    let shifted = Area::from_lon_lat(&[vec![vec![
        [30.0, 50.0],
        [31.2, 50.0],
        [31.2, 51.0],
        [30.0, 51.0],
        [30.0, 50.0],
    ]]])
    .unwrap();
    let other = Territory::new("Square, other scale", shifted).with_scale("1:10m");
    let options = CheckOptions::new().with_other_scale(&other);
    let v = claim
        .check_with(&[&base], TargetRef::Territory(&unscaled), &options)
        .unwrap();
    let diff = (unscaled.distance_to(p) - other.distance_to(p))
        .abs()
        .as_metres();
    assert!(diff > 3500.0);
    approx::assert_relative_eq!(
        part(&v, 0, UncertaintyKind::ReferenceData),
        diff,
        epsilon = 1e-6
    );
    // Set by the caller.
    let options = CheckOptions::new().with_reference_resolution(Distance::from_metres(42.0));
    let v = claim
        .check_with(&[&base], TargetRef::Territory(ukraine()), &options)
        .unwrap();
    assert_eq!(part(&v, 0, UncertaintyKind::ReferenceData), 42.0);
}

#[test]
fn reference_data_for_front_lines() {
    let line = Line::from_vertices(vec![
        LatLon::new(46.75, 33.0).unwrap(),
        LatLon::new(48.1, 37.7).unwrap(),
    ])
    .unwrap();
    let mapped = FrontLine::new("Mapped", strikemap::Date::constant(2025, 6, 2), line);
    let sketch = mapped.clone().approximate();
    let claim = DistanceClaim::parse("more than 100 km").unwrap();
    let base = [dyagilevo()];
    let v = claim.check(&base, TargetRef::FrontLine(&mapped)).unwrap();
    assert_eq!(
        part(&v, 0, UncertaintyKind::ReferenceData),
        SURVEYED_LINE_ALLOWANCE.as_metres()
    );
    let v = claim.check(&base, TargetRef::FrontLine(&sketch)).unwrap();
    assert_eq!(
        part(&v, 0, UncertaintyKind::ReferenceData),
        APPROXIMATE_LINE_ALLOWANCE.as_metres()
    );
    assert_eq!(APPROXIMATE_LINE_ALLOWANCE, Distance::from_km(10.0));
}

#[test]
fn method() {
    let base = [dyagilevo()];
    let ua = TargetRef::Territory(ukraine());
    let claim = DistanceClaim::parse("more than 100 km").unwrap();
    let v = claim.check(&base, ua).unwrap();
    assert_eq!(part(&v, 0, UncertaintyKind::Method), 0.0);
    let haversine = CheckOptions::new().with_method(Method::Haversine);
    let v = claim.check_with(&base, ua, &haversine).unwrap();
    approx::assert_relative_eq!(
        part(&v, 0, UncertaintyKind::Method),
        HAVERSINE_FRACTION * v.subjects[0].distance.as_metres(),
        epsilon = 1e-6
    );
}

#[test]
fn parts_add_up() {
    let base = [dyagilevo()];
    let v = DistanceClaim::parse("more than 4,300 miles")
        .unwrap()
        .check_with(
            &base,
            TargetRef::Territory(ukraine()),
            &CheckOptions::new().with_method(Method::Haversine),
        )
        .unwrap();
    let u = &v.subjects[0].uncertainty;
    let names: Vec<UncertaintyKind> = u.parts().iter().map(|p| p.name).collect();
    // Every kind but the drawing resolution, which length claims alone carry.
    let distance_kinds: Vec<UncertaintyKind> = UncertaintyKind::ALL
        .into_iter()
        .filter(|k| *k != UncertaintyKind::Resolution)
        .collect();
    assert_eq!(names, distance_kinds);
    let sum: f64 = u.parts().iter().map(|p| p.metres).sum();
    assert_eq!(u.total().as_metres(), sum);
    assert!(
        u.parts()
            .iter()
            .all(|p| p.metres > 0.0 && !p.note.is_empty())
    );
    // The serde form carries the total and the named parts.
    let json = serde_json::to_value(u).unwrap();
    assert_eq!(json["metres"].as_f64().unwrap(), sum);
    assert_eq!(json["parts"][2]["name"], "reference_data");
    let back: Uncertainty = serde_json::from_value(json).unwrap();
    assert_eq!(&back, u);
    // The verdict's budget is each part at its largest over the subjects.
    assert_eq!(&v.uncertainty, u);
}

/// Each part alone, when it is larger than the margin, makes the verdict borderline.
#[test]
fn each_part_can_make_a_verdict_borderline() {
    let kyiv = Place::from(City::new(
        "Kyiv",
        LatLon::new(50.4501, 30.5234).unwrap(),
        CountryCode::new("UA").unwrap(),
    ));
    let subject = AirBase::new("P", LatLon::new(50.4501, 31.9234).unwrap(), ru());
    let d = Geodesic.distance(kyiv.position(), subject.site.position);
    // A figure 2 km below the distance, stated to the metre.
    let figure = format!("more than {:.0} m", d.as_metres() - 2000.0);
    let claim = DistanceClaim::parse(&figure).unwrap();
    let zero = CheckOptions::new()
        .with_coordinate_precision(Distance::ZERO)
        .with_reference_resolution(Distance::ZERO)
        .with_stated_precision(Distance::ZERO);
    let check = |o: &CheckOptions<'_>| {
        claim
            .check_with(&[&subject], TargetRef::Place(&kyiv), o)
            .unwrap()
            .verdict
    };
    assert_eq!(check(&zero), Verdict::Supported);
    assert_eq!(
        check(&zero.with_stated_precision(Distance::from_km(3.0))),
        Verdict::Borderline
    );
    assert_eq!(
        check(&zero.with_coordinate_precision(Distance::from_km(1.5))),
        Verdict::Borderline,
        "1.5 km at both ends"
    );
    assert_eq!(
        check(&zero.with_reference_resolution(Distance::from_km(3.0))),
        Verdict::Borderline
    );
    // The sphere's 0.56 % of ~100 km is 0.56 km: not enough alone at 2 km...
    assert_eq!(
        check(&zero.with_method(Method::Haversine)),
        Verdict::Supported
    );
    // ...but it is for a figure 0.3 km below the spherical distance.
    let sphere = strikemap::Haversine.distance(kyiv.position(), subject.site.position);
    let tight =
        DistanceClaim::parse(&format!("more than {:.0} m", sphere.as_metres() - 300.0)).unwrap();
    let v = tight
        .check_with(
            &[&subject],
            TargetRef::Place(&kyiv),
            &zero.with_method(Method::Haversine),
        )
        .unwrap();
    assert_eq!(v.verdict, Verdict::Borderline);
}

/// The per-scale figure (`MAP_ERROR_MM`, 0.07 mm → 3.5 km at 1:50m) is the
/// 95th percentile, rounded up, of the difference between distances to
/// Ukraine at 1:50m and at 1:10m over a 0.25° grid around Ukraine.
#[test]
fn map_error_figure_is_measured() {
    let coarse = &countries::get("UA").unwrap().territory;
    let fine = countries::ukraine_10m();
    let mut diffs = Vec::new();
    for i in 0..=80 {
        for j in 0..=140 {
            let p = LatLon::new(40.0 + 0.25 * f64::from(i), 15.0 + 0.25 * f64::from(j)).unwrap();
            let (a, b) = (coarse.nearest_to(p).distance, fine.nearest_to(p).distance);
            if a.as_metres() > 0.0 || b.as_metres() > 0.0 {
                diffs.push((a - b).abs().as_metres());
            }
        }
    }
    diffs.sort_by(f64::total_cmp);
    let n = diffs.len();
    assert_eq!(n, 10_244);
    let p95 = diffs[n * 95 / 100];
    assert!((3400.0..=3500.0).contains(&p95), "95th percentile {p95} m");
    approx::assert_relative_eq!(diffs[n / 2], 1635.0, epsilon = 10.0);
    approx::assert_relative_eq!(
        map_scale_error("1:50m").unwrap().as_metres(),
        (p95 / 100.0).ceil() * 100.0,
        epsilon = 1e-6
    );
}
