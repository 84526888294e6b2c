//! Claims and verdicts: check quantitative distance claims ("the targets
//! were more than 4,300 miles from Ukraine", "the roughly 620-mile front
//! line", "52 of 80 drones") with an uncertainty budget and unit mix-up
//! detection.
//!
//! Data flow: text → [`DistanceClaim`] / [`LengthClaim`] / [`RateClaim`]
//! (quantifier + figure, who said it, source) → measured on the WGS84
//! ellipsoid (sphere only if asked) → [`DistanceVerdict`] / [`RateVerdict`]
//! (verdict per subject and per reading, margin, uncertainty budget, unit
//! mix-up, explanation).
//!
//! - Quantifiers and the values they accept: [`Quantifier`].
//! - The uncertainty budget and how its parts add up: [`Uncertainty`] and
//!   the constants [`MAP_ERROR_MM`], [`APPROXIMATE_LINE_ALLOWANCE`],
//!   [`HAVERSINE_FRACTION`], ...
//! - The verdict rule and the readings: [`Verdict`], [`Reading`].
//! - Unit mix-ups: [`UnitMixup`].
//! - Rates: [`RateClaim`].
//!
//! Modules: `quantifier` (comparisons and tolerances), `phrase` (reading
//! claim text), `claim` (claim types), `rate` (rate claims), `subject`
//! (what a claim is about), `options` (how to check), `uncertainty` (the
//! budget), `check` (measuring and deciding), `verdict` (the report types),
//! `mixup` (unit mix-up diagnosis), `explain` (plain-language text).

mod check;
#[allow(clippy::module_inception)]
mod claim;
mod explain;
mod mixup;
mod options;
pub(crate) mod phrase;
mod quantifier;
mod rate;
mod reference;
mod subject;
mod uncertainty;
mod verdict;

pub use claim::{Claim, DistanceClaim, LengthClaim};
pub use mixup::{MIXUP_UNITS, UnitMatch, UnitMixup, UnitReading};
pub use options::CheckOptions;
pub use phrase::MAX_CLAIM_CHARS;
pub use quantifier::{
    ABOUT_FRACTION, Band, Bound, NEARLY_FRACTION, Quantifier, ROUNDING_CAP_FRACTION,
};
pub use rate::{RateClaim, RateVerdict, StatedRate};
pub use reference::{Reference, ReferenceData};
pub use subject::Subject;
pub use uncertainty::{
    APPROXIMATE_LENGTH_FRACTION, APPROXIMATE_LINE_ALLOWANCE, DEFAULT_SCALE, HAVERSINE_FRACTION,
    MAP_ERROR_MM, METRES_PER_DEGREE, SURVEYED_LENGTH_FRACTION, SURVEYED_LINE_ALLOWANCE,
    Uncertainty, UncertaintyKind, UncertaintyPart, coordinate_precision, map_scale_error,
};
pub use verdict::{
    DistanceVerdict, Reading, ReadingVerdict, ReferenceInfo, ReferenceKind, SubjectResult, Verdict,
    Warning,
};
