//! Fuzz target `claim_text`: claim sentences (`DistanceClaim::parse`,
//! `LengthClaim::parse`, `RateClaim::parse`) and quantifier wordings
//! (`str::parse::<Quantifier>`).
//!
//! Invariants: nothing panics; a stated figure is finite and not negative,
//! a stated rate lies in [0, 1]; a distance claim read checks against
//! Ukraine's bundled territory for two fixed subjects (one inside, one
//! outside), a length claim against a fixed front line and a rate claim
//! against a fixed count, each without an error; every claim and verdict
//! serializes to JSON and deserializes back to an equal value.
#![allow(
    clippy::panic,
    reason = "a fuzz target reports a broken invariant by panicking"
)]

use std::sync::OnceLock;

use strikemap::claim::{LengthClaim, Quantifier, RateClaim};
use strikemap::model::{ClaimedCount, CountKind, Endpoint};
use strikemap::{Date, DistanceClaim, FrontLine, LatLon, Line, Territory, countries};

/// The longest input looked at, in bytes.
const MAX_LEN: usize = 64 * 1024;

/// The fixed reference and subjects of every check.
struct Fixture {
    ukraine: &'static Territory,
    subjects: [Endpoint; 2],
    line: FrontLine,
    count: ClaimedCount,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let point =
            |lat, lon| LatLon::new(lat, lon).unwrap_or_else(|e| panic!("fixture: {}", e.report()));
        let ukraine = &countries::get("UA")
            .unwrap_or_else(|e| panic!("fixture: {}", e.report()))
            .territory;
        let line = Line::from_vertices(vec![
            point(47.5, 37.0),
            point(48.6, 38.0),
            point(49.9, 37.9),
        ])
        .unwrap_or_else(|e| panic!("fixture: {}", e.report()));
        Fixture {
            ukraine,
            subjects: [
                Endpoint::new("Olenya", point(68.1517, 33.4639)),
                Endpoint::new("Kyiv", point(50.4501, 30.5234)),
            ],
            line: FrontLine::new("front", Date::constant(2025, 6, 2), line),
            count: ClaimedCount::new(CountKind::Intercepted, 52, "MoD").out_of(80),
        }
    })
}

/// Serializes a value to JSON and back, and compares (a macro, so that the
/// shared body needs no `serde` of its own).
macro_rules! round_trip {
    ($what:expr, $value:expr) => {{
        let value = $value;
        let what = $what;
        let json = serde_json::to_string(value)
            .unwrap_or_else(|e| panic!("{what} does not serialize: {e}: {value:?}"));
        let back = same_type(value, serde_json::from_str(&json))
            .unwrap_or_else(|e| panic!("{what} does not deserialize: {e}: {json}"));
        assert!(*value == back, "{what} changed through JSON: {json}");
    }};
}

/// Names the type a deserialization is to give: that of `_like`.
fn same_type<T, E>(_like: &T, read: Result<T, E>) -> Result<T, E> {
    read
}

/// Runs one input.
pub fn run(data: &[u8]) {
    if data.len() > MAX_LEN {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let fixture = fixture();

    if let Ok(claim) = DistanceClaim::parse(text) {
        let value = claim.stated.value();
        assert!(
            value.is_finite() && value >= 0.0,
            "{text:?} read as the figure {value}"
        );
        round_trip!("a distance claim", &claim);
        match claim.check(&fixture.subjects, fixture.ukraine) {
            Ok(verdict) => round_trip!("a distance verdict", &verdict),
            Err(e) => panic!("{text:?}: the check fails: {}", e.report()),
        }
    }

    if let Ok(claim) = LengthClaim::parse(text) {
        let value = claim.stated.value();
        assert!(
            value.is_finite() && value >= 0.0,
            "{text:?} read as the length {value}"
        );
        round_trip!("a length claim", &claim);
        match claim.check(&fixture.line) {
            Ok(verdict) => round_trip!("a length verdict", &verdict),
            Err(e) => panic!("{text:?}: the length check fails: {}", e.report()),
        }
    }

    if let Ok(claim) = RateClaim::parse(text) {
        let fraction = claim.stated.percent() / 100.0;
        assert!(
            (0.0..=1.0 + 1e-12).contains(&fraction),
            "{text:?} read as the rate {fraction}"
        );
        round_trip!("a rate claim", &claim);
        match claim.check(&fixture.count) {
            Ok(verdict) => round_trip!("a rate verdict", &verdict),
            Err(e) => panic!("{text:?}: the rate check fails: {}", e.report()),
        }
    }

    if let Ok(q) = text.parse::<Quantifier>() {
        assert_eq!(q.phrase().parse::<Quantifier>().ok(), Some(q), "{text:?}");
    }
}
