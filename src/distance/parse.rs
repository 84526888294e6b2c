//! Reading distances from text as people write them.

use serde::{Deserialize, Serialize};

use super::{Distance, Unit};
use crate::error::{Error, Result};

/// A distance as it was stated in text: the number, the unit, and the
/// precision the number implies.
///
/// The precision (`resolution`, in the stated unit) is the place value of
/// the last significant digit: for whole numbers the last non-zero digit
/// (`"4,300"` → 100, `"620"` → 10, `"1,000"` → 1,000, `"12"` → 1), for
/// decimals the last decimal place (`"4.5"` → 0.1). Claims use it as the
/// rounding the speaker applied.
///
/// ```
/// use strikemap::{StatedDistance, Unit};
/// let s = StatedDistance::parse("4,300 miles")?;
/// assert_eq!((s.value(), s.unit(), s.resolution()), (4300.0, Unit::Miles, 100.0));
/// assert_eq!(s.distance(), strikemap::Distance::from_miles(4300.0));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatedDistance {
    value: f64,
    unit: Unit,
    resolution: f64,
    text: String,
}

impl StatedDistance {
    /// Builds a stated distance from its parts (the text is made up from them).
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if the value is negative or not finite, or the
    /// resolution is not a positive finite number.
    ///
    /// ```
    /// use strikemap::{StatedDistance, Unit};
    /// let s = StatedDistance::new(620.0, Unit::Miles, 10.0)?;
    /// assert_eq!(s.text(), "620 mi");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(value: f64, unit: Unit, resolution: f64) -> Result<StatedDistance> {
        if !(value.is_finite() && value >= 0.0) {
            return Err(Error::InvalidNumber {
                field: "distance",
                value,
                expected: "a finite number, zero or more",
            });
        }
        if !(resolution.is_finite() && resolution > 0.0) {
            return Err(Error::InvalidNumber {
                field: "resolution",
                value: resolution,
                expected: "a finite number above zero",
            });
        }
        Ok(StatedDistance {
            value,
            unit,
            resolution,
            text: format!("{value} {}", unit.symbol()),
        })
    }

    /// Reads `"4,300 miles"`, `"4300 mi"`, `"4300mi"`, `"620-mile"`,
    /// `"1,000 km"`, `"1 000 kilometres"`, `"250 nautical miles"`, `"12 m"`,
    /// `"4.5 km"`. Thousands may be grouped with commas, spaces or no-break
    /// spaces; the unit may follow the number directly, after a space or
    /// after a hyphen, singular or plural, in any case.
    ///
    /// # Errors
    /// [`Error::DistanceText`] quoting the text when there is no number, no
    /// unit or an unknown unit, or the value is negative.
    ///
    /// ```
    /// use strikemap::{Error, StatedDistance, Unit};
    /// assert_eq!(StatedDistance::parse("1 000 kilometres")?.value(), 1000.0);
    /// assert_eq!(StatedDistance::parse("620-mile")?.unit(), Unit::Miles);
    /// let err = StatedDistance::parse("-5 km").unwrap_err();
    /// assert_eq!(err.report().to_string(), "cannot read a distance from \"-5 km\": a distance cannot be negative");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<StatedDistance> {
        let fail = |reason: String| Error::DistanceText {
            text: text.to_string(),
            reason,
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(fail(
                "the text is empty; expected a number and a unit such as \"4,300 miles\"".into(),
            ));
        }
        let rest = trimmed.trim_start_matches(['~', '≈']).trim_start();
        if rest.starts_with(['-', '−']) {
            return Err(fail("a distance cannot be negative".into()));
        }
        let (number, unit_text) = split_number(rest);
        if number.is_empty() {
            return Err(fail(
                "no number before the unit; expected e.g. \"4,300 miles\"".into(),
            ));
        }
        let (value, resolution) =
            read_number(&number).ok_or_else(|| fail(format!("{number:?} is not a number")))?;
        let unit_word = unit_text
            .trim()
            .trim_start_matches('-')
            .trim()
            .trim_end_matches('.');
        if unit_word.is_empty() {
            return Err(fail(
                "no unit; expected m, km, mi or nmi after the number".into(),
            ));
        }
        let unit = unit_from_word(unit_word).ok_or_else(|| {
            fail(format!(
                "unknown unit {unit_word:?} (use m, km, mi, nmi or their names)"
            ))
        })?;
        Ok(StatedDistance {
            value,
            unit,
            resolution,
            text: text.to_string(),
        })
    }

    /// The number as stated, in [`StatedDistance::unit`].
    ///
    /// ```
    /// assert_eq!(strikemap::StatedDistance::parse("620-mile")?.value(), 620.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn value(&self) -> f64 {
        self.value
    }

    /// The unit as stated.
    ///
    /// ```
    /// assert_eq!(strikemap::StatedDistance::parse("620-mile")?.unit(), strikemap::Unit::Miles);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn unit(&self) -> Unit {
        self.unit
    }

    /// The place value of the last significant digit, in the stated unit
    /// (`"4,300"` → 100).
    ///
    /// ```
    /// assert_eq!(strikemap::StatedDistance::parse("4.5 km")?.resolution(), 0.1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn resolution(&self) -> f64 {
        self.resolution
    }

    /// The text it was read from.
    ///
    /// ```
    /// assert_eq!(strikemap::StatedDistance::parse("about 4,300 mi").is_err(), true);
    /// assert_eq!(strikemap::StatedDistance::parse(" 4,300 mi")?.text(), " 4,300 mi");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The stated distance.
    ///
    /// ```
    /// let s = strikemap::StatedDistance::parse("250 nautical miles")?;
    /// assert_eq!(s.distance().as_metres(), 463_000.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn distance(&self) -> Distance {
        Distance::from_unit(self.value, self.unit)
    }

    /// The same number read in another unit (for unit mix-up checks).
    ///
    /// ```
    /// use strikemap::{StatedDistance, Unit};
    /// let s = StatedDistance::parse("4,300 miles")?;
    /// assert_eq!(s.in_unit(Unit::Kilometres).distance().as_km(), 4300.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn in_unit(&self, unit: Unit) -> StatedDistance {
        StatedDistance {
            unit,
            text: format!("{} {}", self.value, unit.symbol()),
            ..self.clone()
        }
    }
}

/// Splits `"4,300 miles"` into the number part (separators removed) and the rest.
fn split_number(text: &str) -> (String, &str) {
    let mut number = String::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut end = text.len();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_ascii_digit() || c == '.' {
            number.push(c);
        } else if is_group_separator(c)
            && !number.is_empty()
            && i + 3 < chars.len() + 1
            && chars[i + 1..]
                .iter()
                .take(3)
                .all(|(_, d)| d.is_ascii_digit())
            && chars.get(i + 4).is_none_or(|(_, d)| !d.is_ascii_digit())
        {
            // A thousands separator: exactly three digits follow.
        } else {
            end = at;
            break;
        }
        i += 1;
    }
    (number, &text[end..])
}

fn is_group_separator(c: char) -> bool {
    matches!(
        c,
        ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '_'
    )
}

/// The value and the place value of its last significant digit.
fn read_number(digits: &str) -> Option<(f64, f64)> {
    let value: f64 = digits.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    let resolution = resolution_of(digits);
    Some((value, resolution))
}

/// The place value of the last significant digit of a number written as
/// `digits` (separators removed): 100 for "4300", 0.1 for "4.5", 1 for "0".
pub(crate) fn resolution_of(digits: &str) -> f64 {
    match digits.split_once('.') {
        Some((_, decimals)) if !decimals.is_empty() => {
            10f64.powi(-i32::try_from(decimals.len()).unwrap_or(i32::MAX))
        }
        _ => {
            let whole = digits.trim_end_matches('.');
            let zeros = whole.len() - whole.trim_end_matches('0').len();
            if zeros == whole.len() {
                1.0
            } else {
                10f64.powi(i32::try_from(zeros).unwrap_or(i32::MAX))
            }
        }
    }
}

/// Maps a unit word (any case, singular or plural) to a [`Unit`].
pub(super) fn unit_from_word(word: &str) -> Option<Unit> {
    let w: String = word
        .trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(match w.as_str() {
        "m" | "metre" | "metres" | "meter" | "meters" => Unit::Metres,
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" | "klicks" => {
            Unit::Kilometres
        }
        "mi" | "mile" | "miles" | "statute mile" | "statute miles" => Unit::Miles,
        "nmi" | "nm" | "nautical mile" | "nautical miles" | "nautical-mile" | "nautical-miles" => {
            Unit::NauticalMiles
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_people_write() {
        for (text, value, unit, resolution) in [
            ("4,300 miles", 4300.0, Unit::Miles, 100.0),
            ("4300 mi", 4300.0, Unit::Miles, 100.0),
            ("4300mi", 4300.0, Unit::Miles, 100.0),
            ("620-mile", 620.0, Unit::Miles, 10.0),
            ("1,000 km", 1000.0, Unit::Kilometres, 1000.0),
            ("1 000 kilometres", 1000.0, Unit::Kilometres, 1000.0),
            ("1\u{a0}000 kilometers", 1000.0, Unit::Kilometres, 1000.0),
            ("250 nautical miles", 250.0, Unit::NauticalMiles, 10.0),
            ("12 m", 12.0, Unit::Metres, 1.0),
            ("4.5 KM", 4.5, Unit::Kilometres, 0.1),
            ("0 m", 0.0, Unit::Metres, 1.0),
            ("1,234,567 m", 1_234_567.0, Unit::Metres, 1.0),
            ("  300 km ", 300.0, Unit::Kilometres, 100.0),
            ("2 Miles", 2.0, Unit::Miles, 1.0),
        ] {
            let s =
                StatedDistance::parse(text).unwrap_or_else(|e| panic!("{text}: {}", e.report()));
            assert_eq!(
                (s.value(), s.unit(), s.resolution()),
                (value, unit, resolution),
                "{text}"
            );
            assert_eq!(s.text(), text);
        }
    }

    #[test]
    fn errors_quote_the_text() {
        for (text, reason) in [
            ("4,300 furlongs", "unknown unit \"furlongs\""),
            ("miles", "no number"),
            ("-5 km", "cannot be negative"),
            ("−5 km", "cannot be negative"),
            ("", "empty"),
            ("   ", "empty"),
            ("4300", "no unit"),
            ("4.3.1 km", "not a number"),
            ("1,00 km", "unknown unit"),
        ] {
            let err = StatedDistance::parse(text).unwrap_err();
            let Error::DistanceText {
                text: quoted,
                reason: why,
            } = &err
            else {
                panic!("{text}: wrong error {err:?}");
            };
            assert_eq!(quoted, text);
            assert!(why.contains(reason), "{text}: {why}");
            assert!(err.report().to_string().contains(&format!("{text:?}")));
        }
    }

    #[test]
    fn new_validates() {
        assert!(StatedDistance::new(-1.0, Unit::Metres, 1.0).is_err());
        assert!(StatedDistance::new(f64::NAN, Unit::Metres, 1.0).is_err());
        assert!(StatedDistance::new(1.0, Unit::Metres, 0.0).is_err());
    }
}
