//! [`Bearing`]: a direction in degrees clockwise from true north.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Reported, Result};

/// A direction, in degrees clockwise from true north, normalised to [0, 360).
///
/// ```
/// use strikemap::Bearing;
/// assert_eq!(Bearing::from_degrees(-90.0)?.as_degrees(), 270.0);
/// assert_eq!(Bearing::from_degrees(450.0)?.to_string(), "90.0°");
/// assert!(Bearing::from_degrees(f64::NAN).is_err());
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "Degrees", into = "f64")]
pub struct Bearing {
    degrees: f64,
}

impl Bearing {
    /// North, 0°.
    pub const NORTH: Bearing = Bearing { degrees: 0.0 };
    /// East, 90°.
    pub const EAST: Bearing = Bearing { degrees: 90.0 };
    /// South, 180°.
    pub const SOUTH: Bearing = Bearing { degrees: 180.0 };
    /// West, 270°.
    pub const WEST: Bearing = Bearing { degrees: 270.0 };

    /// From degrees clockwise from north; any finite value, wrapped into [0, 360).
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if the value is NaN or infinite.
    ///
    /// ```
    /// assert_eq!(strikemap::Bearing::from_degrees(-45.0)?.as_degrees(), 315.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_degrees(degrees: f64) -> Result<Bearing> {
        if !degrees.is_finite() {
            return Err(Error::InvalidNumber {
                field: "bearing",
                value: degrees,
                expected: "a finite number of degrees",
            });
        }
        Ok(Bearing::wrap(degrees))
    }

    /// Wraps a finite value (the caller guarantees finiteness).
    pub(crate) fn wrap(degrees: f64) -> Bearing {
        let d = degrees.rem_euclid(360.0);
        // rem_euclid can round up to exactly 360.0 for tiny negative inputs.
        Bearing {
            degrees: if d >= 360.0 { 0.0 } else { d },
        }
    }

    /// Degrees clockwise from north, in [0, 360).
    ///
    /// ```
    /// assert_eq!(strikemap::Bearing::EAST.as_degrees(), 90.0);
    /// ```
    pub const fn as_degrees(self) -> f64 {
        self.degrees
    }

    /// The opposite direction.
    ///
    /// ```
    /// use strikemap::Bearing;
    /// assert_eq!(Bearing::EAST.reversed(), Bearing::WEST);
    /// ```
    #[must_use]
    pub fn reversed(self) -> Bearing {
        Bearing::wrap(self.degrees + 180.0)
    }

    /// The nearest of the 16 compass points, e.g. `"NE"`, `"SSW"`.
    ///
    /// ```
    /// assert_eq!(strikemap::Bearing::from_degrees(44.0)?.compass_point(), "NE");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn compass_point(self) -> &'static str {
        const POINTS: [&str; 16] = [
            "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW",
            "NW", "NNW",
        ];
        let index = ((self.degrees / 22.5).round() as usize) % 16;
        POINTS[index]
    }
}

impl TryFrom<f64> for Bearing {
    type Error = Error;
    fn try_from(degrees: f64) -> Result<Bearing> {
        Bearing::from_degrees(degrees)
    }
}

/// Degrees as written, read by serde before they are checked.
#[derive(Deserialize)]
#[serde(transparent)]
struct Degrees(f64);

impl TryFrom<Degrees> for Bearing {
    type Error = Reported;
    fn try_from(d: Degrees) -> Result<Bearing, Reported> {
        Bearing::from_degrees(d.0).map_err(Reported)
    }
}

impl From<Bearing> for f64 {
    fn from(b: Bearing) -> f64 {
        b.degrees
    }
}

impl fmt::Display for Bearing {
    /// Prints `123.4°`; precision (default 1) can be set with `{:.N}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = f.precision().unwrap_or(1);
        write!(f, "{:.p$}°", self.degrees)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps() {
        assert_eq!(Bearing::from_degrees(360.0).unwrap().as_degrees(), 0.0);
        assert_eq!(Bearing::from_degrees(-1e-17).unwrap().as_degrees(), 0.0);
        assert_eq!(Bearing::from_degrees(-720.0).unwrap().as_degrees(), 0.0);
        assert!(Bearing::from_degrees(f64::INFINITY).is_err());
        assert_eq!(Bearing::from_degrees(350.0).unwrap().compass_point(), "N");
        assert_eq!(Bearing::SOUTH.compass_point(), "S");
    }
}
