//! Rates: "N out of M" as a share, checked against a stated rate or
//! against another count.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use strikemap::{
    Error, Verdict,
    claim::{Claim, Quantifier, RateClaim, RateVerdict},
    model::{ClaimedCount, CountKind},
};

fn damaged(n: u32, m: u32) -> ClaimedCount {
    ClaimedCount::new(CountKind::Damaged, n, "Ministry of Defence").out_of(m)
}

#[test]
fn rate_phrases() {
    for (text, quantifier, fraction, resolution) in [
        (
            "52 out of 80 drones were damaged",
            Quantifier::Exactly,
            0.65,
            0.0,
        ),
        ("52 of 80", Quantifier::Exactly, 0.65, 0.0),
        (
            "41 of the 120 aircraft",
            Quantifier::Exactly,
            41.0 / 120.0,
            0.0,
        ),
        ("65% of the drones", Quantifier::Exactly, 0.65, 0.01),
        ("about 65 percent", Quantifier::About, 0.65, 0.01),
        ("over 60 per cent", Quantifier::MoreThan, 0.6, 0.1),
        (
            "more than half of the drones",
            Quantifier::MoreThan,
            0.5,
            0.0,
        ),
        ("nearly two thirds", Quantifier::Nearly, 2.0 / 3.0, 0.0),
        ("almost three-quarters", Quantifier::Nearly, 0.75, 0.0),
        (
            "a third of the bombers",
            Quantifier::Exactly,
            1.0 / 3.0,
            0.0,
        ),
        ("at least a quarter", Quantifier::AtLeast, 0.25, 0.0),
        ("12.5% hit", Quantifier::Exactly, 0.125, 0.001),
    ] {
        let c = RateClaim::parse(text).unwrap_or_else(|e| panic!("{text}: {}", e.report()));
        assert_eq!(c.quantifier, quantifier, "{text}");
        approx::assert_relative_eq!(c.stated.fraction(), fraction, epsilon = 1e-12);
        approx::assert_relative_eq!(c.stated.resolution(), resolution, epsilon = 1e-12);
        assert_eq!(c.text, text);
    }
}

#[test]
fn rate_errors_quote_the_text() {
    for (text, reason) in [
        ("many drones", "no rate found"),
        ("", "empty"),
        ("90 out of 80", "larger than the total"),
        ("3 of 0", "above zero"),
        ("120%", "more than 100"),
    ] {
        match RateClaim::parse(text) {
            Err(Error::ClaimText {
                text: quoted,
                reason: why,
            }) => {
                assert_eq!(quoted, text);
                assert!(why.contains(reason), "{text}: {why}");
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    // A count without a total cannot be a rate.
    let bare = ClaimedCount::new(CountKind::Damaged, 52, "MoD");
    assert!(matches!(
        RateClaim::parse("65%").unwrap().check(&bare),
        Err(Error::InvalidNumber {
            field: "out_of",
            ..
        })
    ));
    assert!(matches!(
        RateClaim::from_count(&bare),
        Err(Error::InvalidNumber { .. })
    ));
    let impossible = ClaimedCount::new(CountKind::Damaged, 90, "MoD").out_of(80);
    assert!(matches!(
        RateClaim::parse("65%").unwrap().check(&impossible),
        Err(Error::InvalidNumber { field: "count", .. })
    ));
}

fn check(text: &str, count: &ClaimedCount) -> RateVerdict {
    RateClaim::parse(text).unwrap().check(count).unwrap()
}

#[test]
fn against_a_stated_rate() {
    let tally = damaged(52, 80); // 65 %
    assert_eq!(
        check("65% of the drones were damaged", &tally).verdict,
        Verdict::Supported
    );
    assert_eq!(check("more than half", &tally).verdict, Verdict::Supported);
    assert_eq!(
        check("about two thirds", &tally).verdict,
        Verdict::Supported
    );
    assert_eq!(
        check("nearly two thirds", &tally).verdict,
        Verdict::Supported
    );
    assert_eq!(
        check("three quarters", &tally).verdict,
        Verdict::NotSupported
    );
    assert_eq!(
        check("less than half", &tally).verdict,
        Verdict::NotSupported
    );
    // "more than 60 %": rounding min(10/2, 5 % of 60) = 3 points; 65 % is 5 points clear.
    let v = check("more than 60%", &tally);
    assert_eq!(v.verdict, Verdict::Supported);
    approx::assert_relative_eq!(v.margin_points, 5.0, epsilon = 1e-9);
    approx::assert_relative_eq!(v.stated_precision_points, 3.0, epsilon = 1e-9);
    // "more than 64 %": 1 point clear of it, beyond its 0.5-point rounding.
    assert_eq!(check("more than 64%", &tally).verdict, Verdict::Supported);
    // 261 of 400 is 65.25 %: 0.25 points above "more than 65 %", inside its rounding.
    let v = check("more than 65%", &damaged(261, 400));
    assert_eq!(v.verdict, Verdict::Borderline);
    assert!(v.satisfies);
    assert!(
        v.explanation.contains("within the stated rounding"),
        "{}",
        v.explanation
    );
    assert_eq!(check("more than 65%", &tally).verdict, Verdict::Borderline);
    // A third of 41 can only be 14/41: half a count either side is allowed.
    let aircraft = ClaimedCount::new(CountKind::Hit, 14, "SBU").out_of(41);
    let v = check("a third of the aircraft", &aircraft);
    assert_eq!(v.verdict, Verdict::Supported);
    approx::assert_relative_eq!(v.count_step_points, 50.0 / 41.0, epsilon = 1e-12);
    // Exactly on a threshold with no rounding: the quantifier decides.
    let half = damaged(40, 80);
    assert_eq!(
        check("more than half", &half).verdict,
        Verdict::NotSupported
    );
    assert_eq!(check("at least half", &half).verdict, Verdict::Supported);
}

#[test]
fn against_another_count() {
    let russia = ClaimedCount::new(CountKind::Intercepted, 52, "Russia").out_of(80);
    let same_rate = ClaimedCount::new(CountKind::Intercepted, 13, "Observers").out_of(20);
    let ukraine = ClaimedCount::new(CountKind::Intercepted, 20, "Ukraine").out_of(80);
    let claim = RateClaim::from_count(&russia).unwrap();
    assert_eq!(claim.claimed_by.as_deref(), Some("Russia"));
    assert_eq!(claim.stated.fraction(), 0.65);
    let v = claim.check(&same_rate).unwrap();
    assert_eq!(v.verdict, Verdict::Supported);
    assert_eq!(v.rate, 0.65);
    let v = claim.check(&ukraine).unwrap();
    assert_eq!(v.verdict, Verdict::NotSupported);
    approx::assert_relative_eq!(v.margin_points, -(40.0 - 50.0 / 80.0), epsilon = 1e-9);
    assert!(
        v.explanation
            .contains("Ukraine reported 20 out of 80 intercepted: 25 %"),
        "{}",
        v.explanation
    );
    assert!(v.explanation.contains("NOT SUPPORTED"));
}

#[test]
fn rate_serde_round_trip() {
    let v = check(
        "more than half of the drones were damaged",
        &damaged(52, 80),
    );
    let json = serde_json::to_value(&v).unwrap();
    assert_eq!(json["verdict"], "supported");
    assert_eq!(json["evidence"]["out_of"], 80);
    let back: RateVerdict = serde_json::from_value(json).unwrap();
    assert_eq!(back, v);
    let c = Claim::from(v.claim.clone());
    assert_eq!(serde_json::to_value(&c).unwrap()["kind"], "rate");
    assert_eq!(c.quantifier(), Quantifier::MoreThan);
}
