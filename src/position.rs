//! [`LatLon`]: the validated position every other type is built from.
//!
//! This is the only module that knows GeoJSON and `geo` put longitude first:
//! [`LatLon::to_lon_lat`], [`LatLon::from_lon_lat`] and the `geo::Point`
//! conversions are the one place where the order is swapped.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Reported, Result};

/// A position on the WGS84 ellipsoid: geodetic latitude and longitude in
/// decimal degrees.
///
/// Built latitude first with [`LatLon::new`] (or from GeoJSON's
/// longitude-first order with [`LatLon::from_lon_lat`]), so the two cannot be
/// swapped by accident. Latitude must lie in [-90, 90]; longitude may be any
/// finite number and is normalised into [-180, 180]: values already in that
/// range are kept as given (so both -180 and 180 survive), others are wrapped
/// by whole turns (540 becomes 180, -190 becomes 170).
///
/// ```
/// use strikemap::LatLon;
/// let kyiv = LatLon::new(50.4501, 30.5234)?;
/// assert_eq!(kyiv.lat(), 50.4501);
/// assert_eq!(kyiv.to_lon_lat(), [30.5234, 50.4501]);
/// assert_eq!(LatLon::new(10.0, 540.0)?.lon(), 180.0);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "LatLonFields", into = "LatLonFields")]
pub struct LatLon {
    lat: f64,
    lon: f64,
}

/// The serde form of a [`LatLon`]: `{"lat": .., "lon": ..}`, validated on the way in.
#[derive(Serialize, Deserialize)]
struct LatLonFields {
    lat: f64,
    lon: f64,
}

impl TryFrom<LatLonFields> for LatLon {
    type Error = Reported;
    fn try_from(f: LatLonFields) -> Result<Self, Reported> {
        LatLon::new(f.lat, f.lon).map_err(Reported)
    }
}

impl From<LatLon> for LatLonFields {
    fn from(p: LatLon) -> Self {
        LatLonFields {
            lat: p.lat,
            lon: p.lon,
        }
    }
}

/// Wraps a longitude difference into (-180, 180].
pub(crate) fn wrap180(x: f64) -> f64 {
    let y = (x + 180.0).rem_euclid(360.0) - 180.0;
    if y == -180.0 { 180.0 } else { y }
}

/// Wraps a finite longitude into [-180, 180], keeping values already in range.
fn normalise_lon(lon: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon) {
        return lon;
    }
    let wrapped = (lon + 180.0).rem_euclid(360.0) - 180.0;
    // A value an odd number of half-turns away lands on -180; 540 reads better as 180.
    if wrapped == -180.0 && lon > 0.0 {
        180.0
    } else {
        wrapped
    }
}

impl LatLon {
    /// Builds a position from latitude and longitude in decimal degrees,
    /// **latitude first**.
    ///
    /// # Errors
    /// [`Error::NonFiniteCoordinate`] if either value is NaN or infinite;
    /// [`Error::LatitudeOutOfRange`] if |latitude| > 90.
    ///
    /// ```
    /// use strikemap::{Error, LatLon};
    /// assert!(matches!(LatLon::new(f64::NAN, 0.0), Err(Error::NonFiniteCoordinate { field: "latitude", .. })));
    /// assert!(matches!(LatLon::new(91.0, 0.0), Err(Error::LatitudeOutOfRange { value }) if value == 91.0));
    /// assert_eq!(LatLon::new(0.0, -190.0)?.lon(), 170.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(lat: f64, lon: f64) -> Result<Self> {
        if !lat.is_finite() {
            return Err(Error::NonFiniteCoordinate {
                field: "latitude",
                value: lat,
            });
        }
        if !lon.is_finite() {
            return Err(Error::NonFiniteCoordinate {
                field: "longitude",
                value: lon,
            });
        }
        if !(-90.0..=90.0).contains(&lat) {
            return Err(Error::LatitudeOutOfRange { value: lat });
        }
        Ok(LatLon {
            lat,
            lon: normalise_lon(lon),
        })
    }

    /// Builds a position from a GeoJSON-order `[longitude, latitude]` pair.
    ///
    /// # Errors
    /// As [`LatLon::new`].
    ///
    /// ```
    /// let kyiv = strikemap::LatLon::from_lon_lat([30.5234, 50.4501])?;
    /// assert_eq!(kyiv.lat(), 50.4501);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_lon_lat(lon_lat: [f64; 2]) -> Result<Self> {
        LatLon::new(lon_lat[1], lon_lat[0])
    }

    /// Latitude in decimal degrees, positive north.
    ///
    /// ```
    /// assert_eq!(strikemap::LatLon::new(-33.9, 18.4)?.lat(), -33.9);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn lat(&self) -> f64 {
        self.lat
    }

    /// Longitude in decimal degrees, positive east, in [-180, 180].
    ///
    /// ```
    /// assert_eq!(strikemap::LatLon::new(-33.9, 18.4)?.lon(), 18.4);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn lon(&self) -> f64 {
        self.lon
    }

    /// The GeoJSON position `[longitude, latitude]` (RFC 7946 §3.1.1).
    ///
    /// ```
    /// let kyiv = strikemap::LatLon::new(50.45, 30.52)?;
    /// assert_eq!(kyiv.to_lon_lat(), [30.52, 50.45]);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn to_lon_lat(&self) -> [f64; 2] {
        [self.lon, self.lat]
    }

    /// The `[latitude, longitude]` pair, as people write it.
    ///
    /// ```
    /// assert_eq!(strikemap::LatLon::new(50.45, 30.52)?.to_lat_lon(), [50.45, 30.52]);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn to_lat_lon(&self) -> [f64; 2] {
        [self.lat, self.lon]
    }

    /// This position as a `geo::Point` (x = longitude, y = latitude).
    ///
    /// ```
    /// let p = strikemap::LatLon::new(50.45, 30.52)?.to_point();
    /// assert_eq!((p.x(), p.y()), (30.52, 50.45));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn to_point(&self) -> geo::Point<f64> {
        geo::Point::new(self.lon, self.lat)
    }

    /// Reads a `geo::Point` (x = longitude, y = latitude).
    ///
    /// # Errors
    /// As [`LatLon::new`].
    ///
    /// ```
    /// let p = strikemap::LatLon::from_point(geo::Point::new(30.52, 50.45))?;
    /// assert_eq!(p.lat(), 50.45);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_point(point: geo::Point<f64>) -> Result<Self> {
        LatLon::new(point.y(), point.x())
    }

    /// Reads a position as people write it: `"50.45,30.52"` (latitude first),
    /// `"50.45 30.52"`, `"50.45N,30.52E"`, `"30.52E, 50.45N"` (hemisphere
    /// letters fix the order), `"33.9S 18.4E"`.
    ///
    /// # Errors
    /// [`Error::PositionText`] quoting the text when it is not two numbers,
    /// uses a hemisphere letter twice or mixes up axes; the errors of
    /// [`LatLon::new`] when a value is out of range.
    ///
    /// ```
    /// use strikemap::LatLon;
    /// assert_eq!(LatLon::parse("30.52E,50.45N")?, LatLon::new(50.45, 30.52)?);
    /// assert_eq!(LatLon::parse("33.9S 18.4E")?, LatLon::new(-33.9, 18.4)?);
    /// assert!(LatLon::parse("50.45").is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self> {
        let fail = |reason: &str| Error::PositionText {
            text: text.to_string(),
            reason: reason.to_string(),
        };
        let pieces: Vec<&str> = text
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .collect();
        if pieces.len() != 2 {
            return Err(fail(
                "expected two numbers, latitude first (e.g. \"50.45,30.52\" or \"50.45N,30.52E\")",
            ));
        }
        let mut lat = None;
        let mut lon = None;
        let mut plain = Vec::new();
        for piece in pieces {
            let (number, hemisphere) = match piece.char_indices().last() {
                Some((i, c)) if c.is_ascii_alphabetic() => {
                    (&piece[..i], Some(c.to_ascii_uppercase()))
                }
                _ => (piece, None),
            };
            let value: f64 = number
                .trim_end_matches('°')
                .parse()
                .map_err(|_| fail(&format!("{piece:?} is not a number")))?;
            let (slot, signed) = match hemisphere {
                None => {
                    plain.push(value);
                    continue;
                }
                Some('N') => (&mut lat, value),
                Some('S') => (&mut lat, -value),
                Some('E') => (&mut lon, value),
                Some('W') => (&mut lon, -value),
                Some(other) => {
                    return Err(fail(&format!(
                        "unknown hemisphere letter {other:?} (use N, S, E or W)"
                    )));
                }
            };
            if hemisphere.is_some() && value < 0.0 {
                return Err(fail("a hemisphere letter goes with a positive number"));
            }
            if slot.replace(signed).is_some() {
                return Err(fail("the same axis is given twice"));
            }
        }
        match (lat, lon, plain.as_slice()) {
            (None, None, [a, b]) => LatLon::new(*a, *b),
            (Some(a), Some(b), []) => LatLon::new(a, b),
            (Some(a), None, [b]) => LatLon::new(a, *b),
            (None, Some(b), [a]) => LatLon::new(*a, b),
            _ => Err(fail("cannot tell latitude from longitude")),
        }
    }
}

impl FromStr for LatLon {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        LatLon::parse(s)
    }
}

impl fmt::Display for LatLon {
    /// Prints `50.4501°N, 30.5234°E`; the precision (default 4 decimals,
    /// about 10 m) can be set with `{:.6}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = f.precision().unwrap_or(4);
        let ns = if self.lat < 0.0 { 'S' } else { 'N' };
        let ew = if self.lon < 0.0 { 'W' } else { 'E' };
        write!(
            f,
            "{:.*}°{ns}, {:.*}°{ew}",
            digits,
            self.lat.abs(),
            digits,
            self.lon.abs()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kyiv_comes_out_longitude_first() {
        let kyiv = LatLon::new(50.4501, 30.5234).unwrap();
        let [x, y] = kyiv.to_lon_lat();
        assert!((30.5..30.6).contains(&x) && (50.4..50.5).contains(&y));
        let p = kyiv.to_point();
        assert_eq!((p.x(), p.y()), (30.5234, 50.4501));
        assert_eq!(LatLon::from_lon_lat([x, y]).unwrap(), kyiv);
    }

    #[test]
    fn rejects_bad_values_naming_them() {
        let e = LatLon::new(f64::INFINITY, 0.0).unwrap_err();
        assert_eq!(
            e.report().to_string(),
            "latitude inf is not a finite number"
        );
        let e = LatLon::new(0.0, f64::NAN).unwrap_err();
        assert_eq!(
            e.report().to_string(),
            "longitude NaN is not a finite number"
        );
        let e = LatLon::new(-90.5, 0.0).unwrap_err();
        assert_eq!(e, Error::LatitudeOutOfRange { value: -90.5 });
        assert!(LatLon::new(90.0, 0.0).is_ok());
        assert!(LatLon::new(-90.0, 0.0).is_ok());
    }

    #[test]
    fn normalises_longitude() {
        for (given, want) in [
            (540.0, 180.0),
            (180.0, 180.0),
            (-180.0, -180.0),
            (-540.0, -180.0),
            (190.0, -170.0),
            (-190.0, 170.0),
            (720.5, 0.5),
            (359.0, -1.0),
        ] {
            assert_eq!(LatLon::new(0.0, given).unwrap().lon(), want, "{given}");
        }
    }

    #[test]
    fn parses_text() {
        let want = LatLon::new(50.45, 30.52).unwrap();
        for text in [
            "50.45,30.52",
            "50.45, 30.52",
            "50.45 30.52",
            "50.45N,30.52E",
            "30.52E,50.45N",
            "50.45n 30.52e",
            "50.45°N 30.52°E",
        ] {
            assert_eq!(LatLon::parse(text).unwrap(), want, "{text}");
        }
        assert_eq!(
            LatLon::parse("33.9S,18.4W").unwrap(),
            LatLon::new(-33.9, -18.4).unwrap()
        );
        for bad in [
            "", "50.45", "a,b", "50N,30N", "50X,30E", "1,2,3", "-50N,30E",
        ] {
            assert!(
                matches!(LatLon::parse(bad), Err(Error::PositionText { .. })),
                "{bad}"
            );
        }
        assert!(matches!(
            LatLon::parse("91,30"),
            Err(Error::LatitudeOutOfRange { .. })
        ));
    }

    #[test]
    fn serde_validates() {
        let p: LatLon = serde_json::from_str(r#"{"lat":50.45,"lon":30.52}"#).unwrap();
        assert_eq!(p, LatLon::new(50.45, 30.52).unwrap());
        assert!(serde_json::from_str::<LatLon>(r#"{"lat":95,"lon":30.52}"#).is_err());
        assert_eq!(
            serde_json::to_value(p).unwrap(),
            serde_json::json!({"lat":50.45,"lon":30.52})
        );
    }

    #[test]
    fn display() {
        let p = LatLon::new(-33.9249, 18.4241).unwrap();
        assert_eq!(p.to_string(), "33.9249°S, 18.4241°E");
        assert_eq!(format!("{p:.1}"), "33.9°S, 18.4°E");
    }
}
