//! Unit mix-up diagnosis: would a failed claim hold if its figure were in
//! another unit, and does the figure match a subject's distance in another
//! unit?
//!
//! When a distance or length claim is *not supported* under the reading it
//! states, the figure is read again in each other common unit (kilometres,
//! statute miles, nautical miles; metres are not tried) and the claim is
//! checked under every reading with the same budget (the stated rounding
//! scaled to the new unit). Every (unit, reading) under which it is
//! *supported* is reported. Separately, a subject *matches* when its
//! distance in another unit equals the figure within the figure's rounding
//! (half its last significant digit, at most 5 %) plus the subject's other
//! uncertainty (coordinates, reference data, method).

use serde::{Deserialize, Serialize};

use super::check::{Measured, assess, rounding_in};
use super::explain;
use super::options::CheckOptions;
use super::quantifier::Quantifier;
use super::verdict::{Reading, Verdict};
use crate::distance::{StatedDistance, Unit};

/// The units tried in a mix-up diagnosis: kilometres, statute miles,
/// nautical miles.
pub const MIXUP_UNITS: [Unit; 3] = [Unit::Kilometres, Unit::Miles, Unit::NauticalMiles];

/// A unit and reading under which a failed claim would hold.
///
/// ```
/// use strikemap::{Unit, claim::{Reading, UnitReading}};
/// let u = UnitReading { unit: Unit::Kilometres, reading: Reading::Farthest };
/// assert_eq!(serde_json::to_value(u).unwrap()["unit"], "kilometres");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UnitReading {
    /// The unit the figure would have to be in.
    pub unit: Unit,
    /// The reading under which the claim would then be supported.
    pub reading: Reading,
}

/// A subject whose distance in another unit matches the claim's figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitMatch {
    /// The subject's name.
    pub subject: String,
    /// The unit in which its distance matches the figure.
    pub unit: Unit,
    /// Its distance in that unit.
    pub value: f64,
    /// Its distance minus the figure, in that unit.
    pub difference: f64,
}

/// What a unit mix-up diagnosis found (see the module documentation).
///
/// ```
/// use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, Unit, countries, claim::Reading, model::TargetRef};
/// let belaya = AirBase::new("Belaya", LatLon::new(52.915, 103.575)?, CountryCode::new("RU")?);
/// let v = DistanceClaim::parse("more than 4,300 miles")?
///     .check(&[belaya], TargetRef::Territory(&countries::get("UA")?.territory))?;
/// let mixup = v.unit_mixup.expect("fails in miles");
/// assert!(mixup.matches.iter().any(|m| m.subject == "Belaya" && m.unit == Unit::Kilometres));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitMixup {
    /// The unit the claim states.
    pub stated_unit: Unit,
    /// Every other unit and reading under which the claim would be supported.
    pub holds_under: Vec<UnitReading>,
    /// Subjects whose distance in another unit matches the figure.
    pub matches: Vec<UnitMatch>,
    /// The findings in plain words.
    pub summary: String,
}

/// Diagnoses a claim that failed in its stated unit; `None` when nothing
/// was found.
pub(crate) fn diagnose(
    quantifier: Quantifier,
    stated: &StatedDistance,
    measured: &[Measured],
    options: &CheckOptions<'_>,
) -> Option<UnitMixup> {
    let others = MIXUP_UNITS.into_iter().filter(|u| *u != stated.unit());
    let mut holds_under = Vec::new();
    let mut matches = Vec::new();
    for unit in others {
        let other = stated.in_unit(unit);
        let assessment = assess(quantifier, &other, measured, options);
        holds_under.extend(
            Reading::ALL
                .into_iter()
                .filter(|r| assessment.verdict(*r) == Verdict::Supported)
                .map(|reading| UnitReading { unit, reading }),
        );
        let figure_m = stated.value() * unit.metres();
        for m in measured {
            let tolerance = rounding_in(stated, unit) + m.other_parts();
            if (m.metres - figure_m).abs() <= tolerance {
                let value = m.metres / unit.metres();
                matches.push(UnitMatch {
                    subject: m.name.clone(),
                    unit,
                    value,
                    difference: value - stated.value(),
                });
            }
        }
    }
    if holds_under.is_empty() && matches.is_empty() {
        return None;
    }
    let mut mixup = UnitMixup {
        stated_unit: stated.unit(),
        holds_under,
        matches,
        summary: String::new(),
    };
    mixup.summary = explain::mixup(&mixup, stated, measured.len());
    Some(mixup)
}
