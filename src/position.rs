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
/// swapped by accident. Latitude must lie in [-90, 90] and longitude in
/// [-180, 180]; [`LatLon::wrapping`] wraps a computed longitude by whole
/// turns when asked to. [`LatLon::parse`] reads decimal degrees and
/// degrees, minutes and seconds as people write them.
///
/// ```
/// use strikemap::LatLon;
/// let kyiv = LatLon::new(50.4501, 30.5234)?;
/// assert_eq!(kyiv.lat(), 50.4501);
/// assert_eq!(kyiv.to_lon_lat(), [30.5234, 50.4501]);
/// assert_eq!(LatLon::wrapping(10.0, 540.0)?.lon(), 180.0);
/// assert!(LatLon::new(10.0, 540.0).is_err());
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
///
/// Exact: a value in range is returned as it is; otherwise the remainder
/// `x % 360` (fmod, exact in floating point, of the sign of `x`) is moved
/// into range by adding or subtracting 360, which is exact too (Sterbenz:
/// the remainder is then within a factor 2 of 360), so even a huge value
/// lands on its true remainder. (`rem_euclid` is not: for a tiny negative
/// value it rounds 360 + x.)
pub(crate) fn wrap180(x: f64) -> f64 {
    if x > -180.0 && x <= 180.0 {
        return x;
    }
    let r = x % 360.0;
    if r > 180.0 {
        r - 360.0
    } else if r <= -180.0 {
        r + 360.0
    } else {
        r
    }
}

/// Wraps a finite longitude into [-180, 180], keeping values already in
/// range; a value an odd number of half-turns away keeps its sign (540
/// becomes 180, -540 becomes -180). Exact, as [`wrap180`].
fn normalise_lon(lon: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon) {
        return lon;
    }
    let r = lon.rem_euclid(360.0);
    if r == 180.0 && lon < 0.0 {
        -180.0
    } else if r > 180.0 {
        r - 360.0
    } else {
        r
    }
}

/// Checks that a coordinate pair is finite and in range, without wrapping.
fn check(lat: f64, lon: f64) -> Result<()> {
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
    Ok(())
}

impl LatLon {
    /// Builds a position from latitude and longitude in decimal degrees,
    /// **latitude first**, refusing values out of range.
    ///
    /// Latitude must lie in [-90, 90] and longitude in [-180, 180] (both
    /// ends kept as given); nothing is reinterpreted. To wrap a longitude
    /// computed beyond ±180° by whole turns, ask for it by name with
    /// [`LatLon::wrapping`].
    ///
    /// # Errors
    /// [`Error::NonFiniteCoordinate`] if either value is NaN or infinite;
    /// [`Error::LatitudeOutOfRange`] if |latitude| > 90;
    /// [`Error::LongitudeOutOfRange`] if |longitude| > 180.
    ///
    /// ```
    /// use strikemap::{Error, LatLon};
    /// assert!(matches!(LatLon::new(f64::NAN, 0.0), Err(Error::NonFiniteCoordinate { field: "latitude", .. })));
    /// assert!(matches!(LatLon::new(91.0, 0.0), Err(Error::LatitudeOutOfRange { value }) if value == 91.0));
    /// assert!(matches!(LatLon::new(0.0, -190.0), Err(Error::LongitudeOutOfRange { value }) if value == -190.0));
    /// assert_eq!(LatLon::new(0.0, -180.0)?.lon(), -180.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(lat: f64, lon: f64) -> Result<Self> {
        check(lat, lon)?;
        if !(-180.0..=180.0).contains(&lon) {
            return Err(Error::LongitudeOutOfRange { value: lon });
        }
        Ok(LatLon { lat, lon })
    }

    /// Builds a position, **latitude first**, wrapping the longitude into
    /// [-180, 180] by whole turns: for longitudes computed rather than
    /// typed (a bearing walked past the antimeridian, an unrolled track).
    ///
    /// Values already in range are kept as given (so both -180 and 180
    /// survive); others are wrapped exactly, with the remainder of the value
    /// itself (540 becomes 180, -540 becomes -180, -190 becomes 170, and
    /// 1e300, a whole number of turns, becomes 0).
    ///
    /// # Errors
    /// [`Error::NonFiniteCoordinate`] if either value is NaN or infinite;
    /// [`Error::LatitudeOutOfRange`] if |latitude| > 90.
    ///
    /// ```
    /// use strikemap::LatLon;
    /// assert_eq!(LatLon::wrapping(10.0, 540.0)?.lon(), 180.0);
    /// assert_eq!(LatLon::wrapping(0.0, -190.0)?.lon(), 170.0);
    /// assert_eq!(LatLon::wrapping(0.0, 30.5)?.lon(), 30.5);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn wrapping(lat: f64, lon: f64) -> Result<Self> {
        check(lat, lon)?;
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

    /// Reads a position as people write it, latitude first unless
    /// hemisphere letters say otherwise.
    ///
    /// Accepted forms:
    /// - decimal degrees: `"50.45,30.52"`, `"50.45 30.52"`, `"50.45°N 30.52°E"`,
    ///   `"50.45N,30.52E"`, `"30.52E, 50.45N"`, `"33.9S 18.4E"`;
    /// - degrees and minutes, or degrees, minutes and seconds, with marks
    ///   (`°`, `′` or `'`, `″` or `"`) or separated by spaces:
    ///   `"50°27′N 30°31′E"`, `"50°27'00\"N, 30°31'00\"E"`,
    ///   `"50 27 00 N 30 31 00 E"`, `"50° 27.5′ N, 30° 31′ E"`.
    ///
    /// The two coordinates are split at a comma or semicolon, else after
    /// the first hemisphere letter when both have one, else at white space
    /// (then each is written without spaces). Degrees followed by minutes
    /// are whole; minutes and seconds are in [0, 60), and only the last
    /// part may have decimals. A hemisphere letter goes with an unsigned
    /// value; without one, a leading minus sign means south or west.
    ///
    /// # Errors
    /// [`Error::PositionText`] quoting the text when it is not two
    /// coordinates in one of these forms (the message lists them), uses a
    /// hemisphere letter twice, mixes up axes or has minutes or seconds of
    /// 60 or more; [`Error::LatitudeOutOfRange`] and
    /// [`Error::LongitudeOutOfRange`] (never wrapped: `"50,200"` is an error)
    /// as [`LatLon::new`].
    ///
    /// ```
    /// use strikemap::{Error, LatLon};
    /// assert_eq!(LatLon::parse("30.52E,50.45N")?, LatLon::new(50.45, 30.52)?);
    /// assert_eq!(LatLon::parse("33.9S 18.4E")?, LatLon::new(-33.9, 18.4)?);
    /// assert_eq!(LatLon::parse("50°27′N 30°30′E")?, LatLon::new(50.45, 30.5)?);
    /// assert_eq!(LatLon::parse("50 27 00 N 30 30 00 E")?, LatLon::new(50.45, 30.5)?);
    /// assert!(matches!(LatLon::parse("50,200"), Err(Error::LongitudeOutOfRange { value }) if value == 200.0));
    /// assert!(LatLon::parse("50.45").is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self> {
        let fail = |reason: String| Error::PositionText {
            text: text.to_string(),
            reason,
        };
        let coordinates = split_coordinates(text).ok_or_else(|| fail(FORMS.to_string()))?;
        let mut lat = None;
        let mut lon = None;
        let mut plain = Vec::new();
        for piece in coordinates {
            let (value, hemisphere) = read_coordinate(piece).map_err(fail)?;
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
                    return Err(fail(format!(
                        "unknown hemisphere letter {other:?} (use N, S, E or W)"
                    )));
                }
            };
            if value.is_sign_negative() {
                return Err(fail(
                    "a hemisphere letter goes with a positive number".into(),
                ));
            }
            if slot.replace(signed).is_some() {
                return Err(fail("the same axis is given twice".into()));
            }
        }
        match (lat, lon, plain.as_slice()) {
            (None, None, [a, b]) => LatLon::new(*a, *b),
            (Some(a), Some(b), []) => LatLon::new(a, b),
            (Some(a), None, [b]) => LatLon::new(a, *b),
            (None, Some(b), [a]) => LatLon::new(*a, b),
            _ => Err(fail("cannot tell latitude from longitude".into())),
        }
    }
}

/// The forms [`LatLon::parse`] reads, for its error message.
const FORMS: &str = "expected two coordinates, latitude first: decimal degrees \
    (\"50.45,30.52\", \"50.45N 30.52E\") or degrees, minutes and seconds \
    (\"50°27′N 30°31′E\", \"50°27'00\\\"N, 30°31'00\\\"E\", \"50 27 00 N 30 31 00 E\")";

/// Degree, minute and second marks.
fn mark(c: char) -> Option<usize> {
    match c {
        '°' | 'º' | '˚' => Some(0),
        '\'' | '′' | '’' => Some(1),
        '"' | '″' | '”' => Some(2),
        _ => None,
    }
}

/// Splits a position text into its two coordinates (see [`LatLon::parse`]).
fn split_coordinates(text: &str) -> Option<Vec<&str>> {
    let text = text.trim();
    let by_punctuation: Vec<&str> = text.split([',', ';']).map(str::trim).collect();
    if by_punctuation.len() > 1 {
        return (by_punctuation.len() == 2 && by_punctuation.iter().all(|p| !p.is_empty()))
            .then_some(by_punctuation);
    }
    // After the first hemisphere letter, when there are two.
    let letters: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| c.is_ascii_alphabetic())
        .map(|(i, _)| i)
        .collect();
    if let [first, _] = letters.as_slice() {
        let (a, b) = text.split_at(first + 1);
        let (a, b) = (a.trim(), b.trim());
        return (!a.is_empty() && !b.is_empty()).then(|| vec![a, b]);
    }
    let pieces: Vec<&str> = text.split_whitespace().collect();
    (pieces.len() == 2).then_some(pieces)
}

/// Reads one coordinate: a value in degrees (signed as written) and its
/// hemisphere letter, if any.
fn read_coordinate(piece: &str) -> std::result::Result<(f64, Option<char>), String> {
    let piece = piece.trim();
    let (body, hemisphere) = match piece.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            (piece[..i].trim_end(), Some(c.to_ascii_uppercase()))
        }
        _ => (piece, None),
    };
    if body.chars().any(|c| c.is_alphabetic()) {
        return Err(format!("{piece:?} is not a coordinate; {FORMS}"));
    }
    let (negative, body) = match body.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, body.strip_prefix('+').unwrap_or(body).trim_start()),
    };
    // Numbers, each with the mark after it (if any).
    let mut parts: Vec<(&str, Option<usize>)> = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if end == 0 {
            return Err(format!("{piece:?} is not a coordinate; {FORMS}"));
        }
        let number = &rest[..end];
        rest = rest[end..].trim_start();
        let mut marked = None;
        if let Some(c) = rest.chars().next()
            && let Some(m) = mark(c)
        {
            // Two apostrophes are a seconds mark.
            let (m, len) = if m == 1 && rest[c.len_utf8()..].starts_with(c) {
                (2, 2 * c.len_utf8())
            } else {
                (m, c.len_utf8())
            };
            marked = Some(m);
            rest = rest[len..].trim_start();
        }
        parts.push((number, marked));
    }
    let numbers = parts
        .iter()
        .map(|(n, _)| {
            n.parse::<f64>()
                .map_err(|_| format!("{n:?} is not a number"))
        })
        .collect::<std::result::Result<Vec<f64>, String>>()?;
    let marks_in_order = parts
        .iter()
        .enumerate()
        .all(|(i, (_, m))| m.is_none_or(|m| m == i));
    if parts.is_empty() || parts.len() > 3 || !marks_in_order {
        return Err(format!("{piece:?} is not a coordinate; {FORMS}"));
    }
    for (i, (number, _)) in parts.iter().enumerate() {
        if i + 1 < parts.len() && number.contains('.') {
            return Err(format!(
                "{piece:?}: only the last of degrees, minutes and seconds may have decimals"
            ));
        }
        if i > 0 && numbers[i] >= 60.0 {
            let what = if i == 1 { "minutes" } else { "seconds" };
            return Err(format!("{piece:?}: {what} must be less than 60"));
        }
    }
    let degrees = numbers
        .iter()
        .zip([1.0, 60.0, 3600.0])
        .map(|(n, per)| n / per)
        .sum::<f64>();
    Ok((if negative { -degrees } else { degrees }, hemisphere))
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
    fn wrapping_normalises_longitude() {
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
            assert_eq!(LatLon::wrapping(0.0, given).unwrap().lon(), want, "{given}");
        }
    }

    #[test]
    fn new_refuses_longitudes_beyond_180_naming_them() {
        for lon in [180.5, -190.0, 540.0, 1e300] {
            let e = LatLon::new(0.0, lon).unwrap_err();
            assert_eq!(e, Error::LongitudeOutOfRange { value: lon });
            assert!(e.is_out_of_range());
        }
        let e = LatLon::new(10.0, 200.0).unwrap_err();
        assert_eq!(
            e.report().to_string(),
            "longitude 200 is out of range [-180, 180]"
        );
        assert_eq!(LatLon::new(0.0, 180.0).unwrap().lon(), 180.0);
        assert_eq!(LatLon::new(0.0, -180.0).unwrap().lon(), -180.0);
        // serde goes through `new`.
        assert!(serde_json::from_str::<LatLon>(r#"{"lat":50,"lon":200}"#).is_err());
    }

    #[test]
    fn huge_longitudes_wrap_to_their_exact_remainder() {
        // Expected values by exact integer arithmetic:
        // python3 -c 'print(int(1e300) % 360, int(-1e308) % 360, int(1e17) % 360, int(-1e17) % 360)'
        // prints `0 64 280 80`; remainders above 180 are that minus 360.
        for (given, want) in [(1e300, 0.0), (-1e308, 64.0), (1e17, -80.0), (-1e17, 80.0)] {
            assert_eq!(
                LatLon::wrapping(0.0, given).unwrap().lon(),
                want,
                "{given:e}"
            );
            assert_eq!(wrap180(given), want, "{given:e}");
        }
        // In range: unchanged, to the bit (rem_euclid rounded 360 + x).
        for x in [
            -1.4e-14,
            -1e-300,
            -179.999999999,
            180.0,
            0.0,
            35.14135 - 35.1413,
        ] {
            assert_eq!(wrap180(x).to_bits(), x.to_bits(), "{x:e}");
        }
        assert_eq!(wrap180(-180.0), 180.0);
        assert_eq!(wrap180(540.0), 180.0);
        assert_eq!(wrap180(-181.0), 179.0);
        assert_eq!(wrap180(359.0), -1.0);
    }

    #[test]
    fn text_longitudes_beyond_180_are_errors_not_wrapped() {
        for (text, value) in [
            ("50,200", 200.0),
            ("50.45N 190E", 190.0),
            ("50, -180.5", -180.5),
        ] {
            assert_eq!(
                LatLon::parse(text).unwrap_err(),
                Error::LongitudeOutOfRange { value },
                "{text}"
            );
        }
        assert_eq!(LatLon::parse("50,180").unwrap().lon(), 180.0);
    }

    #[test]
    fn parses_degrees_minutes_and_seconds() {
        let want = LatLon::new(50.0 + 27.0 / 60.0, 30.0 + 31.0 / 60.0).unwrap();
        for text in [
            "50°27′N 30°31′E",
            "50°27'00\"N, 30°31'00\"E",
            "50 27 00 N 30 31 00 E",
            "50°27′00″N 30°31′00″E",
            "50° 27′ N, 30° 31′ E",
            "50°27'N,30°31'E",
            "30°31′E 50°27′N",
            "50°27′ 30°31′",
            "50 27, 30 31",
            "50°27.0′N 30°31.0′E",
        ] {
            let p = LatLon::parse(text).unwrap_or_else(|e| panic!("{text}: {}", e.report()));
            assert!((p.lat() - want.lat()).abs() < 1e-12, "{text}: {p:?}");
            assert!((p.lon() - want.lon()).abs() < 1e-12, "{text}: {p:?}");
        }
        let p = LatLon::parse("33°55'30\"S 18°25'27\"W").unwrap();
        assert!((p.lat() + (33.0 + 55.0 / 60.0 + 30.0 / 3600.0)).abs() < 1e-12);
        assert!((p.lon() + (18.0 + 25.0 / 60.0 + 27.0 / 3600.0)).abs() < 1e-12);
        for (bad, why) in [
            ("50°60′N 30°31′E", "minutes must be less than 60"),
            ("50°27′60″N 30°31′E", "seconds must be less than 60"),
            ("50.5°27′N 30°31′E", "only the last"),
            ("50′27°N 30°31′E", "expected two coordinates"),
            ("50 27 00 N", "expected two coordinates"),
            ("50 27 00 30 31 00", "expected two coordinates"),
            ("50°27′N 30°31′N", "the same axis"),
        ] {
            let e = LatLon::parse(bad).unwrap_err();
            assert!(matches!(e, Error::PositionText { .. }), "{bad}: {e:?}");
            assert!(
                e.report().to_string().contains(why),
                "{bad}: {}",
                e.report()
            );
        }
        // The refusal lists the forms that are read.
        let e = LatLon::parse("fifty north")
            .unwrap_err()
            .report()
            .to_string();
        assert!(
            e.contains("50°27′N 30°31′E") && e.contains("50.45,30.52"),
            "{e}"
        );
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
