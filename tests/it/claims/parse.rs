//! Reading claim phrases: every listed phrase, the other wordings, full
//! sentences, and the typed errors for text that is not a claim.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use strikemap::{
    DistanceClaim, Error, Unit,
    claim::{LengthClaim, Quantifier, Reading},
};

/// (text, quantifier, value, unit, resolution, wording)
const PHRASES: &[(&str, Quantifier, f64, Unit, f64, &str)] = &[
    (
        "more than 4,300 miles",
        Quantifier::MoreThan,
        4300.0,
        Unit::Miles,
        100.0,
        "more than",
    ),
    (
        "over 4,300km",
        Quantifier::MoreThan,
        4300.0,
        Unit::Kilometres,
        100.0,
        "over",
    ),
    (
        "roughly 620-mile",
        Quantifier::About,
        620.0,
        Unit::Miles,
        10.0,
        "roughly",
    ),
    (
        "about 1,000 kilometres",
        Quantifier::About,
        1000.0,
        Unit::Kilometres,
        1000.0,
        "about",
    ),
    (
        "within 300 km",
        Quantifier::AtMost,
        300.0,
        Unit::Kilometres,
        100.0,
        "within",
    ),
    (
        "less than 2 miles",
        Quantifier::LessThan,
        2.0,
        Unit::Miles,
        1.0,
        "less than",
    ),
    (
        "nearly 500 km",
        Quantifier::Nearly,
        500.0,
        Unit::Kilometres,
        100.0,
        "nearly",
    ),
    (
        "some 40 miles",
        Quantifier::About,
        40.0,
        Unit::Miles,
        10.0,
        "some",
    ),
    (
        "at least 10 km",
        Quantifier::AtLeast,
        10.0,
        Unit::Kilometres,
        10.0,
        "at least",
    ),
    (
        "at most 5 nmi",
        Quantifier::AtMost,
        5.0,
        Unit::NauticalMiles,
        1.0,
        "at most",
    ),
    (
        "up to 300 km",
        Quantifier::AtMost,
        300.0,
        Unit::Kilometres,
        100.0,
        "up to",
    ),
];

#[test]
fn every_listed_phrase() {
    for &(text, quantifier, value, unit, resolution, wording) in PHRASES {
        let c = DistanceClaim::parse(text).unwrap_or_else(|e| panic!("{text}: {}", e.report()));
        assert_eq!(c.quantifier, quantifier, "{text}");
        assert_eq!(c.stated.value(), value, "{text}");
        assert_eq!(c.stated.unit(), unit, "{text}");
        assert_eq!(c.stated.resolution(), resolution, "{text}");
        assert_eq!(c.wording, wording, "{text}");
        assert_eq!(c.text, text, "the quoted text is kept");
        assert_eq!(c.reading, Reading::Every);
        let l = LengthClaim::parse(text).unwrap();
        assert_eq!((l.quantifier, l.stated.value()), (quantifier, value));
    }
}

#[test]
fn other_wordings() {
    for (text, quantifier) in [
        ("beyond 300 km", Quantifier::MoreThan),
        ("above 300 km", Quantifier::MoreThan),
        ("in excess of 300 km", Quantifier::MoreThan),
        ("under 300 km", Quantifier::LessThan),
        ("below 300 km", Quantifier::LessThan),
        ("no more than 300 km", Quantifier::AtMost),
        ("no less than 300 km", Quantifier::AtLeast),
        ("almost 500 km", Quantifier::Nearly),
        ("just under 500 km", Quantifier::Nearly),
        ("just over 500 km", Quantifier::JustOver),
        ("a little over 500 km", Quantifier::JustOver),
        ("around 40 miles", Quantifier::About),
        ("approximately 40 miles", Quantifier::About),
        ("approx. 40 miles", Quantifier::About),
        ("an estimated 40 miles", Quantifier::About),
        ("~620 miles", Quantifier::About),
        ("≈ 620 miles", Quantifier::About),
        ("exactly 12 m", Quantifier::Exactly),
        ("4,300 miles", Quantifier::Exactly),
        ("4,300 miles or more", Quantifier::AtLeast),
        ("300 km or less", Quantifier::AtMost),
        ("a 620-mile or so front", Quantifier::About),
        ("OVER 4,300 KM", Quantifier::MoreThan),
    ] {
        let c = DistanceClaim::parse(text).unwrap_or_else(|e| panic!("{text}: {}", e.report()));
        assert_eq!(c.quantifier, quantifier, "{text}");
    }
}

#[test]
fn figures_inside_sentences() {
    let c = DistanceClaim::parse("the targets were more than 4,300 miles from Ukraine").unwrap();
    assert_eq!(c.quantifier, Quantifier::MoreThan);
    assert_eq!(c.stated.text(), "4,300 miles");
    let c = LengthClaim::parse("along the roughly 620-mile front line").unwrap();
    assert_eq!(
        (c.quantifier, c.stated.value(), c.stated.unit()),
        (Quantifier::About, 620.0, Unit::Miles)
    );
    // A conversion in brackets after the figure is ignored.
    let c = DistanceClaim::parse("more than 4,300 miles (6,920 km) away").unwrap();
    assert_eq!(c.stated.unit(), Unit::Miles);
    // Other numbers without a unit are skipped.
    let c = DistanceClaim::parse("in 2025, 41 aircraft were hit some 40 miles inside").unwrap();
    assert_eq!((c.quantifier, c.stated.value()), (Quantifier::About, 40.0));
    // Grouping with spaces, decimals, nautical miles.
    assert_eq!(
        DistanceClaim::parse("about 1 000 km")
            .unwrap()
            .stated
            .value(),
        1000.0
    );
    let c = DistanceClaim::parse("within 4.5 km").unwrap();
    assert_eq!((c.stated.value(), c.stated.resolution()), (4.5, 0.1));
    assert_eq!(
        DistanceClaim::parse("at most 250 nautical miles")
            .unwrap()
            .stated
            .unit(),
        Unit::NauticalMiles
    );
    // "some" is a quantifier only as a whole word, "over" too.
    assert_eq!(
        DistanceClaim::parse("handsome 40 miles")
            .unwrap()
            .quantifier,
        Quantifier::Exactly
    );
    assert_eq!(
        DistanceClaim::parse("moreover 40 miles")
            .unwrap()
            .quantifier,
        Quantifier::Exactly
    );
}

fn claim_error(text: &str) -> String {
    match DistanceClaim::parse(text) {
        Err(Error::ClaimText {
            text: quoted,
            reason,
        }) => {
            assert_eq!(quoted, text, "the error quotes the text");
            reason
        }
        other => panic!("{text}: expected Error::ClaimText, got {other:?}"),
    }
}

#[test]
fn errors_quote_the_text() {
    for (text, reason) in [
        ("", "empty"),
        ("   ", "empty"),
        ("very far from Ukraine", "no distance found"),
        ("more than 4,300", "no distance found"),
        ("more than 4,300 furlongs", "no distance found"),
        ("5 million drones", "no distance found"),
        ("more than -5 km", "negative"),
        ("between 300 and 400 km", "range"),
        ("300-400 km", "range"),
        ("300 to 400 km", "range"),
        ("300 km to 400 km", "range"),
        ("more than 300 km or more", "two quantifiers"),
    ] {
        let why = claim_error(text);
        assert!(why.contains(reason), "{text:?}: {why}");
        let shown = DistanceClaim::parse(text).unwrap_err().report().to_string();
        assert!(
            shown.starts_with(&format!("cannot read a claim from {text:?}")),
            "{shown}"
        );
    }
    assert!(matches!(
        LengthClaim::parse("a long line"),
        Err(Error::ClaimText { .. })
    ));
}

#[test]
fn quantifier_words() {
    for q in Quantifier::ALL {
        for w in q.wordings() {
            assert_eq!(w.parse::<Quantifier>().unwrap(), q, "{w}");
        }
        assert_eq!(q.name().parse::<Quantifier>().unwrap(), q);
        assert_eq!(q.to_string(), q.phrase());
    }
    assert_eq!(
        "  Roughly ".parse::<Quantifier>().unwrap(),
        Quantifier::About
    );
    let err = "plenty".parse::<Quantifier>().unwrap_err();
    assert!(matches!(err, Error::ClaimText { ref text, .. } if text == "plenty"));
}
