//! Fuzz target `distance_text`: figures with units as people write them
//! (`StatedDistance::parse`, `Distance::parse`) and unit words
//! (`str::parse::<Unit>`).
//!
//! Invariants: nothing panics; a figure read is finite and not negative, in
//! every unit; `Distance::parse` agrees with `StatedDistance::parse`; a unit
//! read prints as a symbol that reads back as the same unit.
#![allow(
    clippy::panic,
    reason = "a fuzz target reports a broken invariant by panicking"
)]

use strikemap::{Distance, StatedDistance, Unit};

/// The longest input looked at, in bytes.
const MAX_LEN: usize = 64 * 1024;

/// Runs one input.
pub fn run(data: &[u8]) {
    if data.len() > MAX_LEN {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();

    match StatedDistance::parse(text) {
        Ok(stated) => {
            let value = stated.value();
            assert!(
                value.is_finite() && value >= 0.0,
                "{text:?} read as the figure {value}"
            );
            let resolution = stated.resolution();
            assert!(
                resolution.is_finite() && resolution > 0.0,
                "{text:?} read with the resolution {resolution}"
            );
            let metres = stated.distance().as_metres();
            assert!(
                metres.is_finite() && metres >= 0.0,
                "{text:?} read as {metres} m"
            );
            for unit in Unit::ALL {
                let v = stated.in_unit(unit).value();
                assert!(v.is_finite() && v >= 0.0, "{text:?} in {unit}: {v}");
            }
            match Distance::parse(text) {
                Ok(d) => assert_eq!(d, stated.distance(), "{text:?}"),
                Err(e) => panic!(
                    "{text:?}: StatedDistance reads it, Distance does not: {}",
                    e.report()
                ),
            }
        }
        Err(e) => {
            let _ = e.report().to_string();
            assert!(
                Distance::parse(text).is_err(),
                "{text:?}: Distance reads it, StatedDistance does not"
            );
        }
    }

    if let Ok(unit) = text.parse::<Unit>() {
        let again = unit.symbol().parse::<Unit>().ok();
        assert_eq!(again, Some(unit), "{text:?} read as {unit:?}");
    }
}
