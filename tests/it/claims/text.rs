//! Claim text that used to be misread without an error (issue 17): figures
//! whose separators read two ways, text built to make parsing slow, ranges,
//! alternatives and shares, edge values, claims about 0 m, and claims
//! deserialised around their constructors.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use proptest::prelude::*;
use strikemap::{
    City, CountryCode, DistanceClaim, Error, LatLon, Place, StatedDistance, Unit, Verdict,
    claim::{Claim, LengthClaim, MAX_CLAIM_CHARS, RateClaim, StatedRate},
    countries,
    distance::Convention,
};

fn city(name: &str, lat: f64, lon: f64) -> Place {
    Place::from(City::new(
        name,
        LatLon::new(lat, lon).unwrap(),
        CountryCode::new("UA").unwrap(),
    ))
}

fn kyiv() -> Place {
    city("Kyiv", 50.4501, 30.5234)
}

fn kharkiv() -> Place {
    city("Kharkiv", 49.9935, 36.2304)
}

/// The reason of a refused claim, with the whole chain.
fn refused(text: &str) -> String {
    match DistanceClaim::parse(text) {
        Ok(c) => panic!("{text:?} was read as {} {}", c.quantifier, c.stated.text()),
        Err(e) => e.report().to_string(),
    }
}

#[test]
fn a_figure_whose_point_reads_two_ways_is_refused_showing_both() {
    let e = DistanceClaim::parse("over 4.300 km").unwrap_err();
    assert!(e.is_ambiguous() && e.is_bad_input());
    assert_eq!(
        e.report().to_string(),
        "\"4.300 km\" is ambiguous: 4,300 km with \".\" grouping thousands, or 4.3 km with \".\" \
         as the decimal point; write \"4,300 km\" or \"4.3 km\", or pass --decimal-comma \
         (Convention::DecimalComma) for the first reading"
    );
    let e = DistanceClaim::parse("the base is 1.000 km away").unwrap_err();
    assert!(
        matches!(e.root(), Error::AmbiguousNumber { grouped, decimal, .. }
            if grouped == "1,000 km" && decimal == "1 km"),
        "{e:?}"
    );
    assert!(
        LengthClaim::parse("a 1.200 km front line")
            .unwrap_err()
            .is_ambiguous()
    );
    assert!(
        RateClaim::parse("12.500 of 20.000 drones")
            .unwrap_err()
            .is_ambiguous()
    );
}

#[test]
fn a_named_convention_reads_the_figure_one_way() {
    let c = DistanceClaim::parse_with("over 4.300 km", Convention::DecimalComma).unwrap();
    assert_eq!((c.stated.value(), c.stated.resolution()), (4300.0, 100.0));
    let c = DistanceClaim::parse_with("over 4.300 km", Convention::DecimalPoint).unwrap();
    assert_eq!((c.stated.value(), c.stated.resolution()), (4.3, 0.001));
    let c = DistanceClaim::parse_with("about 4,3 km", Convention::DecimalComma).unwrap();
    assert_eq!(c.stated.value(), 4.3);
    let c = LengthClaim::parse_with("a front line of 1.200 km", Convention::DecimalComma).unwrap();
    assert_eq!(c.stated.value(), 1200.0);
    let c = RateClaim::parse_with("62,5 % of the drones", Convention::DecimalComma).unwrap();
    assert_eq!(c.stated.percent(), 62.5);
}

#[test]
fn unambiguous_figures_read_as_before() {
    for (text, value, unit) in [
        ("over 4.3 km", 4.3, Unit::Kilometres),
        ("over 4,300 km", 4300.0, Unit::Kilometres),
        ("over 4 300 km", 4300.0, Unit::Kilometres),
        ("over 1,000,000 m", 1e6, Unit::Metres),
        ("over 4,300.5 miles", 4300.5, Unit::Miles),
        (
            "more than 4,300 miles (6,920 km) from Ukraine",
            4300.0,
            Unit::Miles,
        ),
    ] {
        let c = DistanceClaim::parse(text).unwrap_or_else(|e| panic!("{text}: {}", e.report()));
        assert_eq!((c.stated.value(), c.stated.unit()), (value, unit), "{text}");
    }
}

#[test]
fn malformed_groups_are_refused() {
    let e = refused("more than 4, 300 km");
    assert!(
        e.contains("\"4, 300 km\" is malformed") && e.contains("\"4,300 km\""),
        "{e}"
    );
    let e = refused("more than 4,3000 km");
    assert!(e.contains("\"4,3000\" is malformed"), "{e}");
    assert!(e.contains("--decimal-comma"), "{e}");
    // A year before a figure is not a split group.
    let c = DistanceClaim::parse("In 2024, 300 km of road were lost").unwrap();
    assert_eq!(c.stated.value(), 300.0);
}

#[test]
fn alternatives_are_refused_not_read_as_the_second() {
    let e = refused("about 300 or 400 km");
    assert!(
        e.contains("two figures given as alternatives (\"300 or 400 km\")"),
        "{e}"
    );
    assert!(e.contains("\"about 300 km\", \"about 400 km\""), "{e}");
    for text in [
        "about 300 km or 400 km",
        "300/400 km",
        "within 300 or 400 miles",
    ] {
        assert!(refused(text).contains("alternatives"), "{text}");
    }
    // "or more" is a quantifier, not an alternative.
    assert!(DistanceClaim::parse("300 km or more").is_ok());
}

#[test]
fn a_share_of_a_distance_is_refused() {
    let e = refused("over 40 % of 300 km");
    assert!(
        e.contains("a share of a distance (\"40 % of 300 km\")"),
        "{e}"
    );
    for text in [
        "over 40% of the 300 km",
        "about 60 percent of 300 km",
        "more than half of the 1,000 km front",
        "two thirds of 300 km",
    ] {
        assert!(refused(text).contains("a share of a distance"), "{text}");
    }
}

#[test]
fn between_two_places_is_a_single_figure_and_a_range_quotes_its_own_numbers() {
    let c = DistanceClaim::parse("the distance between Kyiv and Kharkiv is about 410 km").unwrap();
    assert_eq!(c.stated.value(), 410.0);
    let v = c.check(&[kharkiv()], kyiv()).unwrap();
    assert_eq!(v.verdict, Verdict::Supported);
    for (text, low, high) in [
        ("between 300 and 400 km", "300 km", "400 km"),
        ("between 250 and 450 km", "250 km", "450 km"),
        ("250 to 450 miles", "250 miles", "450 miles"),
        ("250-450 km", "250 km", "450 km"),
        ("between 250 km and 450 km", "250 km", "450 km"),
    ] {
        let e = refused(text);
        assert!(e.contains("a range of distances"), "{text}: {e}");
        assert!(
            e.contains(&format!("\"at least {low}\", \"at most {high}\"")),
            "{text}: {e}"
        );
    }
}

#[test]
fn adversarial_text_is_refused_quickly_by_length() {
    // Found by a fuzzer: 128 KB of "1 " took 9.4 s (13.8 s as a rate).
    let text = "1 ".repeat(64 * 1024);
    let started = Instant::now();
    let e = DistanceClaim::parse(&text).unwrap_err();
    let r = RateClaim::parse(&text).unwrap_err();
    let took = started.elapsed();
    assert!(took < Duration::from_secs(1), "{took:?}");
    for e in [e, r] {
        assert!(e.is_too_long(), "{e:?}");
        assert_eq!(
            e.report().to_string(),
            format!(
                "claim text of 131072 characters is longer than the limit of {MAX_CLAIM_CHARS}"
            )
        );
    }
}

#[test]
fn text_just_under_the_limit_parses_in_linear_time() {
    for unit in ["1 ", "1,", "1.", "1 000 ", "1-", "or 1 "] {
        let text = unit.repeat(MAX_CLAIM_CHARS / unit.len());
        let started = Instant::now();
        let _ = DistanceClaim::parse(&text);
        let _ = RateClaim::parse(&text);
        let took = started.elapsed();
        assert!(took < Duration::from_millis(500), "{unit:?}: {took:?}");
    }
}

#[test]
fn edge_values_are_typed_errors() {
    let tiny = format!("over 0.{}1 km", "0".repeat(400));
    assert!(refused(&tiny).contains("more decimal places"));
    let huge = format!("over 1{} km", "0".repeat(306));
    assert!(refused(&huge).contains("largest distance a claim may state"));
}

#[test]
fn zero_figures_get_the_verdicts_they_deserve() {
    let ukraine = &countries::get("UA").unwrap().territory;
    for (text, want) in [
        ("within 0 km", Verdict::Supported),
        ("at most 0 m", Verdict::Supported),
        ("at least 0 m", Verdict::Supported),
        ("less than 0 m", Verdict::NotSupported),
        ("more than 0 m", Verdict::NotSupported),
    ] {
        let v = DistanceClaim::parse(text)
            .unwrap()
            .check(&[kyiv()], ukraine)
            .unwrap();
        assert_eq!(v.verdict, want, "{text}: {}", v.explanation);
        assert!(v.unit_mixup.is_none(), "{text}");
        let json = serde_json::to_value(&v).unwrap();
        assert!(json["subjects"][0]["margin"].is_number(), "{text}: {json}");
    }
    let v = DistanceClaim::parse("less than 0 m")
        .unwrap()
        .check(&[kyiv()], ukraine)
        .unwrap();
    assert!(
        v.explanation
            .starts_with("No distance is less than 0 m: the claim can never hold.")
    );
    // "at least 0 m" holds for a point anywhere; "within 0 km" fails outside.
    let moscow = city("Moscow", 55.7558, 37.6173);
    let at_least = DistanceClaim::parse("at least 0 m").unwrap();
    assert_eq!(
        at_least
            .check(std::slice::from_ref(&moscow), ukraine)
            .unwrap()
            .verdict,
        Verdict::Supported
    );
    let within = DistanceClaim::parse("within 0 km").unwrap();
    assert_eq!(
        within.check(&[moscow], ukraine).unwrap().verdict,
        Verdict::NotSupported
    );
    // A point just inside the border, within its uncertainty, stays borderline.
    let near_border = city("Hoptivka", 50.2, 36.25); // ~1 km from the 1:50m border
    let v = within.check(&[near_border], ukraine).unwrap();
    assert_ne!(v.verdict, Verdict::NotSupported, "{}", v.explanation);
}

#[test]
fn deserialising_goes_through_the_checks() {
    let claim = DistanceClaim::parse("within 300 km").unwrap();
    let mut json = serde_json::to_value(&claim).unwrap();
    assert_eq!(
        serde_json::from_value::<DistanceClaim>(json.clone()).unwrap(),
        claim
    );
    json["stated"]["value"] = (-5.0).into();
    json["stated"]["resolution"] = 0.0.into();
    let e = serde_json::from_value::<DistanceClaim>(json.clone()).unwrap_err();
    assert!(e.to_string().contains("distance -5 is invalid"), "{e}");
    json["kind"] = "distance".into();
    assert!(serde_json::from_value::<Claim>(json.clone()).is_err());

    let length = LengthClaim::parse("about 620 miles").unwrap();
    let mut json = serde_json::to_value(&length).unwrap();
    assert_eq!(
        serde_json::from_value::<LengthClaim>(json.clone()).unwrap(),
        length
    );
    json["stated"]["resolution"] = (-1.0).into();
    assert!(serde_json::from_value::<LengthClaim>(json).is_err());

    let rate = StatedRate::new(0.65, 0.01).unwrap();
    let mut json = serde_json::to_value(&rate).unwrap();
    assert_eq!(
        serde_json::from_value::<StatedRate>(json.clone()).unwrap(),
        rate
    );
    json["fraction"] = 7.5.into();
    let e = serde_json::from_value::<StatedRate>(json).unwrap_err();
    assert!(e.to_string().contains("rate 7.5 is invalid"), "{e}");

    let claim = RateClaim::parse("65% of the drones").unwrap();
    let mut json = serde_json::to_value(&claim).unwrap();
    assert_eq!(
        serde_json::from_value::<RateClaim>(json.clone()).unwrap(),
        claim
    );
    json["stated"]["fraction"] = 7.5.into();
    assert!(serde_json::from_value::<RateClaim>(json).is_err());

    let mut json = serde_json::to_value(DistanceClaim::parse("within 300 km").unwrap()).unwrap();
    json["text"] = "x".repeat(MAX_CLAIM_CHARS + 1).into();
    let e = serde_json::from_value::<DistanceClaim>(json).unwrap_err();
    assert!(e.to_string().contains("longer than the limit"), "{e}");
}

proptest! {
    /// Whatever text parses as a stated distance is a value
    /// `StatedDistance::new` accepts, and its text reads back the same.
    #[test]
    fn a_parsed_distance_is_always_valid(
        text in prop_oneof![
            "[0-9]{1,12}([.,' ][0-9]{1,5}){0,3} ?(km|m|mi|nmi|miles)",
            "0\\.0{0,400}[1-9] km",
            "[1-9]0{0,320} (m|km|mi)",
            any::<String>(),
        ],
        convention in prop_oneof![
            Just(Convention::Unstated),
            Just(Convention::DecimalPoint),
            Just(Convention::DecimalComma),
        ],
    ) {
        if let Ok(s) = StatedDistance::parse_with(&text, convention) {
            let rebuilt = StatedDistance::new(s.value(), s.unit(), s.resolution());
            prop_assert!(rebuilt.is_ok(), "{text:?}: {:?}", rebuilt);
            prop_assert!(s.distance().is_finite());
            let again = StatedDistance::parse_with(s.text(), convention).unwrap();
            prop_assert_eq!(again, s);
        }
        if let Ok(c) = DistanceClaim::parse_with(&text, convention) {
            let s = c.stated;
            prop_assert!(StatedDistance::new(s.value(), s.unit(), s.resolution()).is_ok());
        }
    }
}
