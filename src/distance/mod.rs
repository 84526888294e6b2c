//! [`Distance`] with its [`Unit`]s, and reading distances from text
//! ([`StatedDistance`], with the [`Convention`] for separators).

mod parse;

use std::cmp::Ordering;
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

#[cfg(test)]
pub(crate) use parse::resolution_of;
pub use parse::{Convention, MAX_STATED_DISTANCE, StatedDistance};
pub(crate) use parse::{NumberError, number_end, read_number};

/// Metres in one kilometre.
pub const METRES_PER_KM: f64 = 1_000.0;
/// Metres in one international statute mile (international yard and pound
/// agreement, 1959: 1 mile = 1,760 yd = 1,609.344 m).
pub const METRES_PER_MILE: f64 = 1_609.344;
/// Metres in one international nautical mile (International Hydrographic
/// Conference, 1929: 1,852 m).
pub const METRES_PER_NAUTICAL_MILE: f64 = 1_852.0;

/// A unit of length.
///
/// ```
/// use strikemap::Unit;
/// assert_eq!(Unit::Miles.metres(), 1_609.344);
/// assert_eq!(Unit::NauticalMiles.symbol(), "nmi");
/// assert_eq!("km".parse::<Unit>()?, Unit::Kilometres);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Metres (SI).
    Metres,
    /// Kilometres, 1,000 m.
    Kilometres,
    /// International statute miles, 1,609.344 m.
    Miles,
    /// International nautical miles, 1,852 m.
    NauticalMiles,
}

impl Unit {
    /// Every unit, smallest first.
    pub const ALL: [Unit; 4] = [
        Unit::Metres,
        Unit::Kilometres,
        Unit::Miles,
        Unit::NauticalMiles,
    ];

    /// The length of one of this unit, in metres.
    ///
    /// ```
    /// assert_eq!(strikemap::Unit::Kilometres.metres(), 1000.0);
    /// ```
    pub const fn metres(self) -> f64 {
        match self {
            Unit::Metres => 1.0,
            Unit::Kilometres => METRES_PER_KM,
            Unit::Miles => METRES_PER_MILE,
            Unit::NauticalMiles => METRES_PER_NAUTICAL_MILE,
        }
    }

    /// The short symbol: `m`, `km`, `mi`, `nmi`.
    ///
    /// ```
    /// assert_eq!(strikemap::Unit::Miles.symbol(), "mi");
    /// ```
    pub const fn symbol(self) -> &'static str {
        match self {
            Unit::Metres => "m",
            Unit::Kilometres => "km",
            Unit::Miles => "mi",
            Unit::NauticalMiles => "nmi",
        }
    }

    /// The plural English name: `metres`, `kilometres`, `miles`, `nautical miles`.
    ///
    /// ```
    /// assert_eq!(strikemap::Unit::NauticalMiles.name(), "nautical miles");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Unit::Metres => "metres",
            Unit::Kilometres => "kilometres",
            Unit::Miles => "miles",
            Unit::NauticalMiles => "nautical miles",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl FromStr for Unit {
    type Err = Error;
    /// Reads a unit word: `m`, `metres`, `km`, `kilometers`, `mi`, `miles`,
    /// `nmi`, `nm`, `nautical miles` (case-insensitive; singular or plural).
    fn from_str(s: &str) -> Result<Unit> {
        parse::unit_from_word(s).ok_or_else(|| Error::DistanceText {
            text: s.to_string(),
            reason: format!("unknown unit {s:?} (use m, km, mi or nmi)"),
        })
    }
}

/// A length, stored in metres, that always knows its unit.
///
/// There is deliberately no `From<f64>`: build one with a unit-named
/// constructor and read it back with a unit-named accessor. Distances can be
/// negative when they are differences (a margin below a threshold).
///
/// ```
/// use strikemap::Distance;
/// let claim = Distance::from_miles(4_300.0);
/// approx::assert_relative_eq!(claim.as_km(), 6_920.179, epsilon = 1e-3);
/// assert!(claim > Distance::from_km(6_900.0));
/// assert_eq!((claim - Distance::from_miles(300.0)).as_miles(), 4_000.0);
/// assert_eq!(Distance::from_km(1.5).to_string(), "1.500 km");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Distance {
    metres: f64,
}

impl Distance {
    /// No length at all.
    pub const ZERO: Distance = Distance { metres: 0.0 };

    /// From metres.
    ///
    /// ```
    /// assert_eq!(strikemap::Distance::from_metres(12.0).as_metres(), 12.0);
    /// ```
    pub const fn from_metres(metres: f64) -> Distance {
        Distance { metres }
    }

    /// From kilometres.
    ///
    /// ```
    /// assert_eq!(strikemap::Distance::from_km(1.2).as_metres(), 1200.0);
    /// ```
    pub const fn from_km(km: f64) -> Distance {
        Distance {
            metres: km * METRES_PER_KM,
        }
    }

    /// From international statute miles (1,609.344 m).
    ///
    /// ```
    /// assert_eq!(strikemap::Distance::from_miles(1.0).as_metres(), 1609.344);
    /// ```
    pub const fn from_miles(miles: f64) -> Distance {
        Distance {
            metres: miles * METRES_PER_MILE,
        }
    }

    /// From international nautical miles (1,852 m).
    ///
    /// ```
    /// assert_eq!(strikemap::Distance::from_nautical_miles(2.0).as_metres(), 3704.0);
    /// ```
    pub const fn from_nautical_miles(nautical_miles: f64) -> Distance {
        Distance {
            metres: nautical_miles * METRES_PER_NAUTICAL_MILE,
        }
    }

    /// From a value in the given unit.
    ///
    /// ```
    /// use strikemap::{Distance, Unit};
    /// assert_eq!(Distance::from_unit(620.0, Unit::Miles), Distance::from_miles(620.0));
    /// ```
    pub const fn from_unit(value: f64, unit: Unit) -> Distance {
        Distance {
            metres: value * unit.metres(),
        }
    }

    /// In metres.
    ///
    /// ```
    /// assert_eq!(strikemap::Distance::from_km(2.0).as_metres(), 2000.0);
    /// ```
    pub const fn as_metres(self) -> f64 {
        self.metres
    }

    /// In kilometres.
    ///
    /// ```
    /// assert_eq!(strikemap::Distance::from_metres(2500.0).as_km(), 2.5);
    /// ```
    pub const fn as_km(self) -> f64 {
        self.metres / METRES_PER_KM
    }

    /// In international statute miles.
    ///
    /// ```
    /// assert_eq!(strikemap::Distance::from_metres(1609.344).as_miles(), 1.0);
    /// ```
    pub const fn as_miles(self) -> f64 {
        self.metres / METRES_PER_MILE
    }

    /// In international nautical miles.
    ///
    /// ```
    /// assert_eq!(strikemap::Distance::from_metres(926.0).as_nautical_miles(), 0.5);
    /// ```
    pub const fn as_nautical_miles(self) -> f64 {
        self.metres / METRES_PER_NAUTICAL_MILE
    }

    /// In the given unit.
    ///
    /// ```
    /// use strikemap::{Distance, Unit};
    /// assert_eq!(Distance::from_km(3.0).as_unit(Unit::Metres), 3000.0);
    /// ```
    pub const fn as_unit(self, unit: Unit) -> f64 {
        self.metres / unit.metres()
    }

    /// The absolute value.
    ///
    /// ```
    /// use strikemap::Distance;
    /// assert_eq!(Distance::from_km(-2.0).abs(), Distance::from_km(2.0));
    /// ```
    pub const fn abs(self) -> Distance {
        Distance {
            metres: self.metres.abs(),
        }
    }

    /// The smaller of two distances.
    ///
    /// ```
    /// use strikemap::Distance;
    /// assert_eq!(Distance::from_km(2.0).min(Distance::from_miles(1.0)), Distance::from_miles(1.0));
    /// ```
    pub fn min(self, other: Distance) -> Distance {
        Distance {
            metres: self.metres.min(other.metres),
        }
    }

    /// The larger of two distances.
    ///
    /// ```
    /// use strikemap::Distance;
    /// assert_eq!(Distance::from_km(2.0).max(Distance::from_miles(1.0)), Distance::from_km(2.0));
    /// ```
    pub fn max(self, other: Distance) -> Distance {
        Distance {
            metres: self.metres.max(other.metres),
        }
    }

    /// A total order (IEEE 754 `totalOrder`), for sorting.
    ///
    /// ```
    /// use strikemap::Distance;
    /// let mut d = vec![Distance::from_km(3.0), Distance::from_km(1.0)];
    /// d.sort_by(Distance::total_cmp);
    /// assert_eq!(d[0], Distance::from_km(1.0));
    /// ```
    pub fn total_cmp(&self, other: &Distance) -> Ordering {
        self.metres.total_cmp(&other.metres)
    }

    /// Whether the value is a finite number.
    ///
    /// ```
    /// assert!(strikemap::Distance::from_km(1.0).is_finite());
    /// assert!(!strikemap::Distance::from_km(f64::NAN).is_finite());
    /// ```
    pub const fn is_finite(self) -> bool {
        self.metres.is_finite()
    }

    /// A value that prints in the given unit, e.g. `4300.0 mi`.
    ///
    /// ```
    /// use strikemap::{Distance, Unit};
    /// let d = Distance::from_miles(4300.0);
    /// assert_eq!(format!("{:.0}", d.display_in(Unit::Miles)), "4300 mi");
    /// assert_eq!(format!("{:.1}", d.display_in(Unit::Kilometres)), "6920.2 km");
    /// ```
    pub const fn display_in(self, unit: Unit) -> DisplayIn {
        DisplayIn {
            distance: self,
            unit,
        }
    }

    /// Reads a distance as people write it: `"4,300 miles"`, `"4300 mi"`,
    /// `"620-mile"`, `"1,000 km"`, `"1 000 kilometres"`, `"250 nautical miles"`,
    /// `"12 m"`. See [`StatedDistance::parse`] to keep the stated value, unit
    /// and precision.
    ///
    /// # Errors
    /// [`Error::DistanceText`] quoting the text for an unknown unit, a missing
    /// number or unit, or a negative value.
    ///
    /// ```
    /// use strikemap::Distance;
    /// assert_eq!(Distance::parse("620-mile")?, Distance::from_miles(620.0));
    /// assert!(Distance::parse("4,300 furlongs").is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Distance> {
        StatedDistance::parse(text).map(|s| s.distance())
    }
}

impl FromStr for Distance {
    type Err = Error;
    fn from_str(s: &str) -> Result<Distance> {
        Distance::parse(s)
    }
}

/// A [`Distance`] shown in a chosen unit; made by [`Distance::display_in`].
#[derive(Debug, Clone, Copy)]
pub struct DisplayIn {
    distance: Distance,
    unit: Unit,
}

impl fmt::Display for DisplayIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.distance.as_unit(self.unit);
        match f.precision() {
            Some(p) => write!(f, "{value:.p$} {}", self.unit.symbol()),
            None => write!(f, "{value} {}", self.unit.symbol()),
        }
    }
}

impl fmt::Display for Distance {
    /// Prints metres below 1 km (`"850.0 m"`) and kilometres above
    /// (`"6920.179 km"`); the precision (default 1 decimal for metres,
    /// 3 for kilometres) can be set with `{:.N}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.metres.abs() < METRES_PER_KM {
            let p = f.precision().unwrap_or(1);
            write!(f, "{:.p$} m", self.metres)
        } else {
            let p = f.precision().unwrap_or(3);
            write!(f, "{:.p$} km", self.as_km())
        }
    }
}

impl Add for Distance {
    type Output = Distance;
    fn add(self, rhs: Distance) -> Distance {
        Distance::from_metres(self.metres + rhs.metres)
    }
}

impl Sub for Distance {
    type Output = Distance;
    fn sub(self, rhs: Distance) -> Distance {
        Distance::from_metres(self.metres - rhs.metres)
    }
}

impl AddAssign for Distance {
    fn add_assign(&mut self, rhs: Distance) {
        self.metres += rhs.metres;
    }
}

impl SubAssign for Distance {
    fn sub_assign(&mut self, rhs: Distance) {
        self.metres -= rhs.metres;
    }
}

impl Neg for Distance {
    type Output = Distance;
    fn neg(self) -> Distance {
        Distance::from_metres(-self.metres)
    }
}

impl Mul<f64> for Distance {
    type Output = Distance;
    fn mul(self, rhs: f64) -> Distance {
        Distance::from_metres(self.metres * rhs)
    }
}

impl Mul<Distance> for f64 {
    type Output = Distance;
    fn mul(self, rhs: Distance) -> Distance {
        Distance::from_metres(self * rhs.metres)
    }
}

impl Div<f64> for Distance {
    type Output = Distance;
    fn div(self, rhs: f64) -> Distance {
        Distance::from_metres(self.metres / rhs)
    }
}

/// The ratio of two distances (a plain number).
impl Div<Distance> for Distance {
    type Output = f64;
    fn div(self, rhs: Distance) -> f64 {
        self.metres / rhs.metres
    }
}

impl Sum for Distance {
    fn sum<I: Iterator<Item = Distance>>(iter: I) -> Distance {
        Distance::from_metres(iter.map(|d| d.metres).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn conversions() {
        let d = Distance::from_km(1.0);
        assert_relative_eq!(d.as_miles(), 0.621_371_192_237_334, epsilon = 1e-15);
        assert_relative_eq!(
            d.as_nautical_miles(),
            0.539_956_803_455_723_6,
            epsilon = 1e-15
        );
        for unit in Unit::ALL {
            assert_relative_eq!(Distance::from_unit(7.5, unit).as_unit(unit), 7.5);
        }
    }

    #[test]
    fn ordering_and_arithmetic() {
        let a = Distance::from_miles(1.0);
        let b = Distance::from_km(1.0);
        assert!(a > b);
        assert_eq!((a + b).as_metres(), 2609.344);
        assert_eq!((a - b).as_metres(), 609.344);
        assert_eq!((b * 3.0).as_km(), 3.0);
        assert_eq!((3.0 * b).as_km(), 3.0);
        assert_eq!((b / 4.0).as_metres(), 250.0);
        assert_eq!(a / b, 1.609344);
        assert_eq!(-b, Distance::from_km(-1.0));
        let total: Distance = [a, b].into_iter().sum();
        assert_eq!(total, a + b);
        let mut c = a;
        c += b;
        c -= a;
        assert_eq!(c, b);
    }

    #[test]
    fn display_prints_unit() {
        assert_eq!(Distance::from_metres(12.0).to_string(), "12.0 m");
        assert_eq!(Distance::from_km(6920.17936).to_string(), "6920.179 km");
        assert_eq!(format!("{:.0}", Distance::from_km(1.4)), "1 km");
        assert_eq!(
            format!(
                "{:.2}",
                Distance::from_km(1.0).display_in(Unit::NauticalMiles)
            ),
            "0.54 nmi"
        );
    }

    #[test]
    fn unit_words() {
        assert_eq!(
            "Nautical Miles".parse::<Unit>().unwrap(),
            Unit::NauticalMiles
        );
        assert!("furlong".parse::<Unit>().is_err());
    }
}
