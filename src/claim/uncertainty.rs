//! The uncertainty budget of a measured distance: named parts that add up.
//!
//! | part | what | how much |
//! | --- | --- | --- |
//! | `stated_precision` | the rounding of the claim's figure | h = min(resolution/2, 5 % of the figure) for threshold quantifiers ("more than 4,300 miles": 50 mi); 0 for "about" and bare figures, whose accepted band already contains it |
//! | `coordinates` | how precisely the subject's position (and a point reference's) is given | one unit in the last decimal place of the more precise of latitude and longitude, in metres of latitude: 4 decimals → 11.1 m ([`coordinate_precision`]); or set by the caller |
//! | `reference_data` | how well the boundary or line stands for the real one | a territory: 0.07 mm at its map scale ([`map_scale_error`]: 3.5 km at 1:50m, 0.7 km at 1:10m), or the measured difference to the same boundary at another scale if larger; a front line: 10 km if approximate, else 1 km; a place: 0 |
//! | `method` | the Earth model | 0 on the ellipsoid (Karney: ~15 nm); 0.56 % of the distance on a sphere (haversine) |
//!
//! The parts are **added** (not root-sum-squared): each is a bound on an
//! error, not a standard deviation, and nothing keeps them from pointing the
//! same way (a rounded-down figure, a coarse border drawn outward, a position
//! off in the same direction). The sum is the worst case, so a verdict of
//! supported or not supported holds whatever the errors are; the price is a
//! borderline zone at most √4 = 2 times wider than root-sum-square would give.

use std::f64::consts::PI;

use serde::{Deserialize, Serialize};

use crate::distance::Distance;
use crate::measure::WGS84_A;
use crate::position::LatLon;

/// The length of one degree along the equator, a·π/180 = 111,319.49 m
/// (WGS84 a = 6,378,137 m); used to turn decimal places of a coordinate into
/// metres. A degree of latitude is 110,574–111,694 m, so this is within 1 %.
pub const METRES_PER_DEGREE: f64 = WGS84_A * PI / 180.0;

/// The positional error assumed for boundary data, in millimetres on the
/// map at the data's scale: 0.07 mm.
///
/// Measured, not assumed: over a 0.25° grid of 10,244 points around Ukraine
/// (40–60° N, 15–50° E), the distance to Ukraine at 1:50m (Natural Earth via
/// world-atlas, bundled) differs from the distance at 1:10m by 1.6 km
/// (median), 3.46 km (95th percentile) and 12.7 km (largest, at intricate
/// coasts). The 95th percentile, rounded up to 3.5 km, is 0.07 mm at
/// 1:50,000,000; scaled by the denominator that gives 0.7 km at 1:10m and
/// 7.7 km at 1:110m.
pub const MAP_ERROR_MM: f64 = 0.07;

/// The scale assumed for a territory whose scale is not given: `"1:50m"`,
/// the scale of the bundled countries.
pub const DEFAULT_SCALE: &str = "1:50m";

/// The allowance for a front line marked approximate (a sketch drawn through
/// a few towns): 10 km, the order of how far a line drawn town to town
/// strays from a daily-mapped line of contact.
pub const APPROXIMATE_LINE_ALLOWANCE: Distance = Distance::from_km(10.0);

/// The allowance for a front line not marked approximate: 1 km, the order of
/// the precision of daily front-line maps. Set
/// [`CheckOptions::with_reference_resolution`](crate::claim::CheckOptions::with_reference_resolution)
/// when the line's source states its own.
pub const SURVEYED_LINE_ALLOWANCE: Distance = Distance::from_km(1.0);

/// The share of its length allowed for the length of an approximate front
/// line: 10 %. A line sketched through towns cuts the bends of the real one,
/// so its length is uncertain in proportion to the length.
pub const APPROXIMATE_LENGTH_FRACTION: f64 = 0.10;

/// The share of its length allowed for the length of a front line not marked
/// approximate: 1 %.
pub const SURVEYED_LENGTH_FRACTION: f64 = 0.01;

/// The largest relative error of the haversine sphere against the WGS84
/// ellipsoid: 0.56 % (for short north–south lines at the equator, where the
/// meridian's radius of curvature is 6,335 km against the sphere's 6,371 km;
/// see [`Haversine`](crate::Haversine)).
pub const HAVERSINE_FRACTION: f64 = 0.0056;

/// The source of one part of an [`Uncertainty`] budget.
///
/// ```
/// assert_eq!(strikemap::claim::UncertaintyKind::ReferenceData.name(), "reference_data");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UncertaintyKind {
    /// The rounding of the claim's figure.
    StatedPrecision,
    /// The precision of the positions given.
    Coordinates,
    /// The resolution of the boundary or line data.
    ReferenceData,
    /// The Earth model: ellipsoid (0) or sphere.
    Method,
    /// The resolution a line is drawn at: how much shorter it is when
    /// generalised at 5 km than as drawn (length claims only; see
    /// [`generalised_lengths`](crate::model::generalised_lengths)).
    Resolution,
}

impl UncertaintyKind {
    /// Every kind, in budget order.
    pub const ALL: [UncertaintyKind; 5] = [
        UncertaintyKind::StatedPrecision,
        UncertaintyKind::Coordinates,
        UncertaintyKind::ReferenceData,
        UncertaintyKind::Resolution,
        UncertaintyKind::Method,
    ];

    /// The snake-case name used in JSON.
    ///
    /// ```
    /// assert_eq!(strikemap::claim::UncertaintyKind::StatedPrecision.name(), "stated_precision");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            UncertaintyKind::StatedPrecision => "stated_precision",
            UncertaintyKind::Coordinates => "coordinates",
            UncertaintyKind::ReferenceData => "reference_data",
            UncertaintyKind::Method => "method",
            UncertaintyKind::Resolution => "resolution",
        }
    }

    /// The English label used in explanations, e.g. `stated precision`.
    ///
    /// ```
    /// assert_eq!(strikemap::claim::UncertaintyKind::ReferenceData.label(), "boundary or line data");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            UncertaintyKind::StatedPrecision => "stated precision",
            UncertaintyKind::Coordinates => "coordinates",
            UncertaintyKind::ReferenceData => "boundary or line data",
            UncertaintyKind::Method => "method",
            UncertaintyKind::Resolution => "drawing resolution",
        }
    }
}

/// One named part of an [`Uncertainty`] budget.
///
/// ```
/// use strikemap::{claim::{UncertaintyKind, UncertaintyPart}};
/// let p = UncertaintyPart::new(UncertaintyKind::Coordinates, 11.1, "4 decimals");
/// assert_eq!(p.distance().as_metres(), 11.1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UncertaintyPart {
    /// What it comes from.
    pub name: UncertaintyKind,
    /// How much, in metres (a bound, zero or more).
    pub metres: f64,
    /// How it was worked out, in plain words.
    pub note: String,
}

impl UncertaintyPart {
    /// A part with its size in metres and a note.
    ///
    /// ```
    /// use strikemap::{claim::{UncertaintyKind, UncertaintyPart}};
    /// assert_eq!(UncertaintyPart::new(UncertaintyKind::Method, 0.0, "ellipsoid").metres, 0.0);
    /// ```
    pub fn new(name: UncertaintyKind, metres: f64, note: impl Into<String>) -> UncertaintyPart {
        UncertaintyPart {
            name,
            metres,
            note: note.into(),
        }
    }

    /// The size as a [`Distance`].
    ///
    /// ```
    /// use strikemap::{claim::{UncertaintyKind, UncertaintyPart}};
    /// let p = UncertaintyPart::new(UncertaintyKind::ReferenceData, 3500.0, "1:50m");
    /// assert_eq!(p.distance().as_km(), 3.5);
    /// ```
    pub const fn distance(&self) -> Distance {
        Distance::from_metres(self.metres)
    }
}

/// An uncertainty budget: named parts and their sum.
///
/// Serialised as `{"metres": total, "parts": [{"name", "metres", "note"}, ...]}`.
///
/// ```
/// use strikemap::{claim::{Uncertainty, UncertaintyKind, UncertaintyPart}};
/// let u = Uncertainty::new(vec![
///     UncertaintyPart::new(UncertaintyKind::Coordinates, 11.1, "4 decimals"),
///     UncertaintyPart::new(UncertaintyKind::ReferenceData, 3500.0, "1:50m"),
/// ]);
/// approx::assert_relative_eq!(u.total().as_metres(), 3511.1, epsilon = 1e-9);
/// assert_eq!(u.part(UncertaintyKind::ReferenceData).unwrap().metres, 3500.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "UncertaintyFields", into = "UncertaintyFields")]
pub struct Uncertainty {
    parts: Vec<UncertaintyPart>,
}

#[derive(Serialize, Deserialize)]
struct UncertaintyFields {
    #[serde(default)]
    metres: f64,
    parts: Vec<UncertaintyPart>,
}

impl From<UncertaintyFields> for Uncertainty {
    /// The total is recomputed from the parts.
    fn from(f: UncertaintyFields) -> Uncertainty {
        Uncertainty::new(f.parts)
    }
}

impl From<Uncertainty> for UncertaintyFields {
    fn from(u: Uncertainty) -> UncertaintyFields {
        UncertaintyFields {
            metres: u.total().as_metres(),
            parts: u.parts,
        }
    }
}

impl Uncertainty {
    /// A budget of the given parts.
    ///
    /// ```
    /// assert_eq!(strikemap::claim::Uncertainty::new(vec![]).total().as_metres(), 0.0);
    /// ```
    pub fn new(parts: Vec<UncertaintyPart>) -> Uncertainty {
        Uncertainty { parts }
    }

    /// The parts, in budget order.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let line = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// # let front = FrontLine::new("Sketch", strikemap::Date::constant(2025, 6, 2), line);
    /// let verdict = LengthClaim::parse("about 200 km")?.check(&front)?;
    /// assert_eq!(verdict.uncertainty.parts().len(), 5); // with the drawing resolution
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parts(&self) -> &[UncertaintyPart] {
        &self.parts
    }

    /// The part of the given kind, if present.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let line = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// # let front = FrontLine::new("Sketch", strikemap::Date::constant(2025, 6, 2), line);
    /// let verdict = LengthClaim::parse("about 200 km")?.check(&front)?;
    /// let method = verdict.uncertainty.part(UncertaintyKind::Method).unwrap();
    /// assert_eq!(method.metres, 0.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn part(&self, kind: UncertaintyKind) -> Option<&UncertaintyPart> {
        self.parts.iter().find(|p| p.name == kind)
    }

    /// The sum of the parts (see the module documentation for why a sum).
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let line = Line::from_vertices(vec![LatLon::new(47.0, 35.0)?, LatLon::new(48.0, 37.5)?])?;
    /// # let front = FrontLine::new("Sketch", strikemap::Date::constant(2025, 6, 2), line);
    /// let verdict = LengthClaim::parse("about 200 km")?.check(&front)?;
    /// let u = &verdict.uncertainty;
    /// let sum: f64 = u.parts().iter().map(|p| p.metres).sum();
    /// approx::assert_relative_eq!(u.total().as_metres(), sum);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn total(&self) -> Distance {
        Distance::from_metres(self.parts.iter().map(|p| p.metres).sum())
    }

    /// Part by part, the largest over several budgets (with that budget's
    /// note); used to summarise the budgets of several subjects.
    pub(crate) fn largest<'a>(budgets: impl IntoIterator<Item = &'a Uncertainty>) -> Uncertainty {
        let mut out: Vec<UncertaintyPart> = Vec::new();
        for budget in budgets {
            for part in &budget.parts {
                match out.iter_mut().find(|p| p.name == part.name) {
                    Some(p) if p.metres < part.metres => *p = part.clone(),
                    Some(_) => {}
                    None => out.push(part.clone()),
                }
            }
        }
        Uncertainty::new(out)
    }
}

/// The number of decimals a coordinate was given with, read from the
/// shortest text that round-trips the number (so 51.1700 reads as 51.17: 2
/// decimals), at most 9.
fn decimals(value: f64) -> u32 {
    let text = value.to_string();
    let n = text.split_once('.').map_or(0, |(_, d)| d.len());
    u32::try_from(n).unwrap_or(u32::MAX).min(9)
}

/// The precision of a position, from the decimals it was given with: one
/// unit in the last decimal place of the more precise of its latitude and
/// longitude (a trailing zero is lost when a number is stored, so the less
/// precise one may only look coarser), as metres of arc:
/// 10^−decimals × [`METRES_PER_DEGREE`]. 4 decimals → 11.1 m, 3 → 111 m,
/// 2 → 1.1 km.
///
/// This is a bound on the rounding of the figures, not on what the figures
/// stand for: a position for an air base is a point on a site kilometres
/// across. Set
/// [`CheckOptions::with_coordinate_precision`](crate::claim::CheckOptions::with_coordinate_precision)
/// to say more.
///
/// ```
/// use strikemap::{LatLon, claim::coordinate_precision};
/// let olenya = LatLon::new(68.1517, 33.4639)?;
/// approx::assert_relative_eq!(coordinate_precision(olenya).as_metres(), 11.13, epsilon = 0.01);
/// let rough = LatLon::new(52.9, 103.6)?;
/// approx::assert_relative_eq!(coordinate_precision(rough).as_km(), 11.13, epsilon = 0.01);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn coordinate_precision(position: LatLon) -> Distance {
    let d = decimals(position.lat()).max(decimals(position.lon()));
    let exponent = i32::try_from(d).unwrap_or(9);
    Distance::from_metres(10f64.powi(-exponent) * METRES_PER_DEGREE)
}

/// The denominator of a map scale written as `"1:50m"`, `"1:10m"`,
/// `"1:110m"` (m = million), `"1:250k"` (k = thousand) or `"1:250,000"`.
fn scale_denominator(scale: &str) -> Option<f64> {
    let text = scale.trim().to_ascii_lowercase();
    let rest = text.strip_prefix("1:")?.trim();
    let (number, factor) = if let Some(n) = rest.strip_suffix('m') {
        (n, 1e6)
    } else if let Some(n) = rest.strip_suffix('k') {
        (n, 1e3)
    } else {
        (rest, 1.0)
    };
    let digits: String = number
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    let value: f64 = digits.parse().ok()?;
    (value.is_finite() && value > 0.0).then_some(value * factor)
}

/// The positional error of boundary data at a map scale: [`MAP_ERROR_MM`]
/// on the map (0.07 mm) times the scale's denominator. `None` if the scale
/// cannot be read.
///
/// ```
/// use strikemap::claim::map_scale_error;
/// approx::assert_relative_eq!(map_scale_error("1:50m").unwrap().as_km(), 3.5, epsilon = 1e-12);
/// approx::assert_relative_eq!(map_scale_error("1:10m").unwrap().as_km(), 0.7, epsilon = 1e-12);
/// approx::assert_relative_eq!(map_scale_error("1:250,000").unwrap().as_metres(), 17.5, epsilon = 1e-9);
/// assert!(map_scale_error("fine").is_none());
/// ```
pub fn map_scale_error(scale: &str) -> Option<Distance> {
    scale_denominator(scale).map(|d| Distance::from_metres(d * MAP_ERROR_MM / 1000.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_back() {
        assert_eq!(decimals(68.1517), 4);
        assert_eq!(decimals(51.17), 2);
        assert_eq!(decimals(30.0), 0);
        assert_eq!(decimals(1.0 / 3.0), 9);
    }

    #[test]
    fn scales() {
        assert_eq!(scale_denominator("1:50m"), Some(5e7));
        assert_eq!(scale_denominator("1:110M"), Some(1.1e8));
        assert_eq!(scale_denominator("1:250k"), Some(2.5e5));
        assert_eq!(scale_denominator("1:0"), None);
        assert_eq!(scale_denominator("50m"), None);
    }

    #[test]
    fn largest_takes_each_part_at_its_largest() {
        let a = Uncertainty::new(vec![
            UncertaintyPart::new(UncertaintyKind::Coordinates, 10.0, "a"),
            UncertaintyPart::new(UncertaintyKind::ReferenceData, 1.0, "a"),
        ]);
        let b = Uncertainty::new(vec![
            UncertaintyPart::new(UncertaintyKind::Coordinates, 5.0, "b"),
            UncertaintyPart::new(UncertaintyKind::ReferenceData, 2.0, "b"),
        ]);
        let l = Uncertainty::largest([&a, &b]);
        assert_eq!(l.total().as_metres(), 12.0);
        assert_eq!(l.part(UncertaintyKind::ReferenceData).unwrap().note, "b");
    }
}
