//! [`Verdict`]s and the [`DistanceVerdict`] report: every subject, every
//! reading, the uncertainty budget and the explanation.
//!
//! **The verdict rule.** For each subject, the margin m is the signed
//! distance from its measured value to the nearest end of the band the
//! quantifier accepts (positive inside), and u is the sum of its uncertainty
//! budget. The subject's verdict is
//!
//! - *borderline* when |m| ≤ u and u > 0: an end of the band lies within the
//!   uncertainty of the measured value;
//! - otherwise *supported* when the measured value lies in the band, *not
//!   supported* when it does not (with u = 0 a value exactly on an end
//!   follows the quantifier: "at least" accepts it, "more than" does not).
//!
//! A claim about several subjects is decided for each reading with
//! three-valued logic (not supported < borderline < supported): *every*
//! subject takes the lowest verdict, *any* subject the highest, the
//! *farthest* subject its own.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::claim::Claim;
use super::mixup::UnitMixup;
use super::uncertainty::Uncertainty;
use crate::distance::{Distance, Unit};
use crate::measure::Method;
use crate::position::LatLon;

/// Whether the measurements back a claim.
///
/// ```
/// use strikemap::Verdict;
/// assert_eq!(serde_json::to_string(&Verdict::NotSupported)?, "\"not_supported\"");
/// assert_eq!(Verdict::Borderline.to_string(), "borderline");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The measured value satisfies the claim by more than its uncertainty.
    Supported,
    /// The measured value fails the claim by more than its uncertainty.
    NotSupported,
    /// The claim's threshold lies within the uncertainty of the measured value.
    Borderline,
}

impl Verdict {
    /// The snake-case name used in JSON: `supported`, `not_supported`, `borderline`.
    ///
    /// ```
    /// assert_eq!(strikemap::Verdict::NotSupported.name(), "not_supported");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::NotSupported => "not_supported",
            Verdict::Borderline => "borderline",
        }
    }

    /// The English words: `supported`, `not supported`, `borderline`.
    ///
    /// ```
    /// assert_eq!(strikemap::Verdict::NotSupported.words(), "not supported");
    /// ```
    pub const fn words(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::NotSupported => "not supported",
            Verdict::Borderline => "borderline",
        }
    }

    /// The verdict for a margin and an uncertainty (same unit), and whether
    /// the measured value lies in the accepted band (see the module
    /// documentation for the rule).
    ///
    /// ```
    /// use strikemap::Verdict;
    /// assert_eq!(Verdict::decide(5.0, 1.0, true), Verdict::Supported);
    /// assert_eq!(Verdict::decide(-0.5, 1.0, false), Verdict::Borderline);
    /// assert_eq!(Verdict::decide(0.0, 0.0, false), Verdict::NotSupported);
    /// ```
    pub fn decide(margin: f64, uncertainty: f64, inside: bool) -> Verdict {
        if uncertainty > 0.0 && margin.abs() <= uncertainty {
            Verdict::Borderline
        } else if inside {
            Verdict::Supported
        } else {
            Verdict::NotSupported
        }
    }

    /// The order used to combine verdicts: not supported < borderline < supported.
    pub(crate) const fn rank(self) -> u8 {
        match self {
            Verdict::NotSupported => 0,
            Verdict::Borderline => 1,
            Verdict::Supported => 2,
        }
    }
}

impl fmt::Display for Verdict {
    /// Prints the English words, e.g. `not supported`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words())
    }
}

/// Which subjects a claim about several is taken to be about.
///
/// ```
/// use strikemap::claim::Reading;
/// assert_eq!(Reading::default(), Reading::Every);
/// assert_eq!(serde_json::to_string(&Reading::Farthest)?, "\"farthest\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// Every subject ("the targets were more than ..."), the default.
    #[default]
    Every,
    /// The farthest subject alone ("the farthest target was ...").
    Farthest,
    /// At least one subject ("some targets were ...").
    Any,
}

impl Reading {
    /// Every reading, in report order.
    pub const ALL: [Reading; 3] = [Reading::Every, Reading::Farthest, Reading::Any];

    /// The snake-case name used in JSON: `every`, `farthest`, `any`.
    ///
    /// ```
    /// assert_eq!(strikemap::claim::Reading::Any.name(), "any");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Reading::Every => "every",
            Reading::Farthest => "farthest",
            Reading::Any => "any",
        }
    }

    /// The English words, e.g. `every subject`, `the farthest subject`, `any subject`.
    ///
    /// ```
    /// assert_eq!(strikemap::claim::Reading::Farthest.words(), "the farthest subject");
    /// ```
    pub const fn words(self) -> &'static str {
        match self {
            Reading::Every => "every subject",
            Reading::Farthest => "the farthest subject",
            Reading::Any => "any subject",
        }
    }
}

impl fmt::Display for Reading {
    /// Prints the snake-case name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What kind of thing a distance was measured to.
///
/// ```
/// assert_eq!(strikemap::claim::ReferenceKind::FrontLine.name(), "front_line");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    /// A point-like place.
    Place,
    /// A territory (distance 0 inside).
    Territory,
    /// A front line.
    FrontLine,
    /// A bare line with no name of its own.
    Line,
    /// A bare area with no name of its own.
    Area,
}

impl ReferenceKind {
    /// The snake-case name used in JSON.
    ///
    /// ```
    /// assert_eq!(strikemap::claim::ReferenceKind::Territory.name(), "territory");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            ReferenceKind::Place => "place",
            ReferenceKind::Territory => "territory",
            ReferenceKind::FrontLine => "front_line",
            ReferenceKind::Line => "line",
            ReferenceKind::Area => "area",
        }
    }
}

/// Something a check noticed that its caller should know: the verdict
/// stands, but may not answer the question the text asks.
///
/// ```
/// use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, claim::Warning, countries};
/// let olenya = AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?);
/// let russia = &countries::get("RU")?.territory;
/// let v = DistanceClaim::parse("more than 4,300 miles from Ukraine")?.check(&[olenya], russia)?;
/// assert!(matches!(&v.warnings[..], [Warning::ReferenceMismatch { stated, .. }] if stated == "Ukraine"));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// The claim's text names a reference ("from Ukraine") that is not the
    /// one it was measured to.
    ReferenceMismatch {
        /// The reference as the text names it.
        stated: String,
        /// The name of the reference measured to.
        measured_to: String,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::ReferenceMismatch {
                stated,
                measured_to,
            } => write!(
                f,
                "Warning: the claim says \u{201c}from {stated}\u{201d} but was measured to {measured_to}"
            ),
        }
    }
}

/// The reference a distance claim was measured to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceInfo {
    /// Its name.
    pub name: String,
    /// What it is.
    pub kind: ReferenceKind,
    /// The map scale of a territory's data, e.g. `"1:50m"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// Whether a front line is a sketch.
    #[serde(default)]
    pub approximate: bool,
}

/// One subject of a claim: what was measured and how it fares.
///
/// Written to JSON with the distance in every unit: `metres`, `km`,
/// `miles`, `value` (in the claim's `unit`), `margin` (in the claim's unit)
/// and `margin_metres`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "SubjectFields", from = "SubjectFields")]
pub struct SubjectResult {
    /// The subject's name (for a length claim, the line's).
    pub name: String,
    /// Where the subject is (`None` for a line in a length claim).
    pub position: Option<LatLon>,
    /// The measured distance (or length).
    pub distance: Distance,
    /// The claim's unit, in which [`SubjectResult::value`] and
    /// [`SubjectResult::margin_in_unit`] are given.
    pub unit: Unit,
    /// The point of the reference the distance was measured to (the border
    /// point of a territory, the point of a front line); `None` for lengths.
    pub reference_point: Option<LatLon>,
    /// Whether the subject lies inside the reference territory.
    pub inside: bool,
    /// Whether the measured value lies in the band the claim accepts
    /// (ignoring uncertainty).
    pub satisfies: bool,
    /// The verdict for this subject, with uncertainty.
    pub verdict: Verdict,
    /// The signed distance to the nearest end of the accepted band:
    /// positive inside the band, negative outside.
    pub margin: Distance,
    /// This subject's uncertainty budget.
    pub uncertainty: Uncertainty,
}

impl SubjectResult {
    /// The measured distance in the claim's unit.
    ///
    /// ```
    /// use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, countries};
    /// let olenya = AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?);
    /// let v = DistanceClaim::parse("more than 1,000 miles")?.check(&[olenya], &countries::get("UA")?.territory)?;
    /// let s = &v.subjects[0];
    /// assert_eq!(s.value(), s.distance.as_miles());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn value(&self) -> f64 {
        self.distance.as_unit(self.unit)
    }

    /// The margin in the claim's unit (positive inside the accepted band).
    ///
    /// ```
    /// use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, countries};
    /// let olenya = AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?);
    /// let v = DistanceClaim::parse("more than 1,000 miles")?.check(&[olenya], &countries::get("UA")?.territory)?;
    /// let s = &v.subjects[0];
    /// assert!((s.margin_in_unit() - (s.value() - 1_000.0)).abs() < 1e-9);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn margin_in_unit(&self) -> f64 {
        self.margin.as_unit(self.unit)
    }
}

/// The JSON form of [`SubjectResult`].
#[derive(Serialize, Deserialize)]
struct SubjectFields {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    position: Option<LatLon>,
    metres: f64,
    #[serde(default)]
    km: f64,
    #[serde(default)]
    miles: f64,
    #[serde(default)]
    value: f64,
    #[serde(default = "default_unit")]
    unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reference_point: Option<LatLon>,
    #[serde(default)]
    inside: bool,
    satisfies: bool,
    verdict: Verdict,
    #[serde(default)]
    margin: f64,
    margin_metres: f64,
    uncertainty: Uncertainty,
}

fn default_unit() -> Unit {
    Unit::Kilometres
}

impl From<SubjectResult> for SubjectFields {
    fn from(s: SubjectResult) -> SubjectFields {
        SubjectFields {
            metres: s.distance.as_metres(),
            km: s.distance.as_km(),
            miles: s.distance.as_miles(),
            value: s.value(),
            unit: s.unit,
            margin: s.margin_in_unit(),
            margin_metres: s.margin.as_metres(),
            name: s.name,
            position: s.position,
            reference_point: s.reference_point,
            inside: s.inside,
            satisfies: s.satisfies,
            verdict: s.verdict,
            uncertainty: s.uncertainty,
        }
    }
}

/// The distances are read from `metres` and `margin_metres`; the other
/// units are derived from them.
impl From<SubjectFields> for SubjectResult {
    fn from(f: SubjectFields) -> SubjectResult {
        SubjectResult {
            name: f.name,
            position: f.position,
            distance: Distance::from_metres(f.metres),
            unit: f.unit,
            reference_point: f.reference_point,
            inside: f.inside,
            satisfies: f.satisfies,
            verdict: f.verdict,
            margin: Distance::from_metres(f.margin_metres),
            uncertainty: f.uncertainty,
        }
    }
}

/// The verdict under one reading of a claim about several subjects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadingVerdict {
    /// The reading.
    pub reading: Reading,
    /// The verdict under it.
    pub verdict: Verdict,
    /// The subject that decides it: for *every*, the one that fares worst;
    /// for *any*, the one that fares best; for *farthest*, the farthest.
    pub decided_by: String,
    /// One sentence saying why.
    pub explanation: String,
}

/// The full answer to a distance or length claim: the verdict under the
/// reading the sentence states, every subject, every reading, the unit
/// mix-up diagnosis, the uncertainty budget and a paragraph to paste.
///
/// Serialised with the keys `claim`, `verdict`, `reading`, `method`, `unit`,
/// `reference`, `subjects` (each with `name`, `metres`, `satisfies`,
/// `margin`, ...), `nearest`, `farthest`, `readings` (each with `reading` and
/// `verdict`), `unit_mixup` (`null` or the units and readings under which the
/// claim would hold), `uncertainty` (`metres` and `parts` with `name`,
/// `metres`, `note`) and `explanation`.
///
/// ```
/// use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, Verdict, countries, claim::Reading, model::TargetRef};
/// let ru = CountryCode::new("RU")?;
/// let bases = [
///     AirBase::new("Dyagilevo", LatLon::new(54.6447, 39.5703)?, ru),
///     AirBase::new("Ukrainka", LatLon::new(51.17, 128.445)?, ru),
/// ];
/// let ukraine = &countries::get("UA")?.territory;
/// let claim = DistanceClaim::parse("the targets were more than 4,300 miles from Ukraine")?;
/// let v = claim.check(&bases, TargetRef::Territory(ukraine))?;
/// assert_eq!(v.verdict, Verdict::NotSupported);
/// assert_eq!(v.reading(Reading::Farthest).unwrap().decided_by, "Ukrainka");
/// let json = serde_json::to_value(&v).unwrap();
/// assert_eq!(json["verdict"], "not_supported");
/// assert_eq!(json["readings"][0]["reading"], "every");
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistanceVerdict {
    /// The claim as checked.
    pub claim: Claim,
    /// The verdict under the reading the claim states.
    pub verdict: Verdict,
    /// The reading the claim states.
    pub reading: Reading,
    /// The Earth model used.
    pub method: Method,
    /// The claim's unit.
    pub unit: Unit,
    /// What distances were measured to (`None` for a length claim).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceInfo>,
    /// Every subject, in the order given.
    pub subjects: Vec<SubjectResult>,
    /// The name of the nearest subject.
    pub nearest: String,
    /// The name of the farthest subject.
    pub farthest: String,
    /// The verdict under every reading: every, farthest, any.
    pub readings: Vec<ReadingVerdict>,
    /// When the claim is not supported: the other units (km, mi, nmi)
    /// under which it would hold, and subjects whose distance in another
    /// unit matches the figure; `None` otherwise.
    pub unit_mixup: Option<UnitMixup>,
    /// The budget part by part at its largest over the subjects (each
    /// subject has its own in [`SubjectResult::uncertainty`]).
    pub uncertainty: Uncertainty,
    /// What the check noticed that the caller should know (e.g. the claim
    /// names another reference than the one it was measured to).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// A plain-language paragraph with the numbers in km and miles.
    pub explanation: String,
}

impl DistanceVerdict {
    /// The verdict under a reading.
    ///
    /// ```
    /// # use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, Verdict, countries, claim::Reading, model::TargetRef};
    /// # let olenya = AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?);
    /// let v = DistanceClaim::parse("more than 1,000 km")?
    ///     .check(&[olenya], TargetRef::Territory(&countries::get("UA")?.territory))?;
    /// assert_eq!(v.reading(Reading::Any).unwrap().verdict, Verdict::Supported);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn reading(&self, reading: Reading) -> Option<&ReadingVerdict> {
        self.readings.iter().find(|r| r.reading == reading)
    }

    /// A subject by name.
    ///
    /// ```
    /// # use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, countries, model::TargetRef};
    /// # let olenya = AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?);
    /// let v = DistanceClaim::parse("more than 1,000 km")?
    ///     .check(&[olenya], TargetRef::Territory(&countries::get("UA")?.territory))?;
    /// approx::assert_relative_eq!(v.subject("Olenya").unwrap().distance.as_km(), 1760.2, epsilon = 0.1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn subject(&self, name: &str) -> Option<&SubjectResult> {
        self.subjects.iter().find(|s| s.name == name)
    }
}
