//! Reading distances from text as people write them.

use serde::{Deserialize, Serialize};

use super::{Distance, Unit};
use crate::error::{Error, Result};

/// The largest distance a [`StatedDistance`] may state: 10⁹ km (a billion
/// kilometres, past the orbit of Jupiter).
///
/// No claim about places on Earth comes near it; the cap keeps every band
/// end (up to 110 % of the figure), margin and unit conversion of a claim
/// finite, so no verdict or JSON ever shows an infinite or `null` margin.
pub const MAX_STATED_DISTANCE: Distance = Distance::from_km(1e9);

/// How the separators in a figure are read: which of "." and "," is the
/// decimal point.
///
/// | convention | "4.300 km" | "4,300 km" | "4,3 km" | "4 300 km" | "1.000.000 m" |
/// | --- | --- | --- | --- | --- | --- |
/// | [`Unstated`](Convention::Unstated) (the default) | error: ambiguous | 4,300 km | error | 4,300 km | error |
/// | [`DecimalPoint`](Convention::DecimalPoint) | 4.3 km | 4,300 km | error | 4,300 km | error |
/// | [`DecimalComma`](Convention::DecimalComma) | 4,300 km | 4.3 km | 4.3 km | 4,300 km | 1,000,000 m |
///
/// See [`StatedDistance::parse`] for the rule.
///
/// ```
/// use strikemap::{StatedDistance, distance::Convention};
/// assert!(StatedDistance::parse("4.300 km").unwrap_err().is_ambiguous());
/// assert_eq!(StatedDistance::parse_with("4.300 km", Convention::DecimalComma)?.value(), 4300.0);
/// assert_eq!(StatedDistance::parse_with("4.300 km", Convention::DecimalPoint)?.value(), 4.3);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Convention {
    /// The text does not say: "," (and spaces, "'" and "_") group
    /// thousands, "." is the decimal point, and a figure that reads
    /// differently with "." grouping thousands ("4.300", "1.000") is refused
    /// as ambiguous. A figure that only reads with a decimal comma ("4,3",
    /// "1.000.000") is refused too.
    #[default]
    Unstated,
    /// "." is the decimal point; "," (and spaces, "'" and "_") group
    /// thousands: "4.300 km" is 4.3 km.
    DecimalPoint,
    /// "," is the decimal point; "." (and spaces, "'" and "_") group
    /// thousands: "4.300 km" is 4,300 km and "4,3 km" is 4.3 km.
    DecimalComma,
}

/// A distance as it was stated in text: the number, the unit, and the
/// precision the number implies.
///
/// The precision (`resolution`, in the stated unit) is the place value of
/// the last significant digit: for whole numbers the last non-zero digit
/// (`"4,300"` → 100, `"620"` → 10, `"1,000"` → 1,000, `"12"` → 1), for
/// decimals the last decimal place (`"4.5"` → 0.1). Claims use it as the
/// rounding the speaker applied.
///
/// Every `StatedDistance` satisfies the rules of [`StatedDistance::new`],
/// however it was made: parsed, built or deserialised.
///
/// ```
/// use strikemap::{StatedDistance, Unit};
/// let s = StatedDistance::parse("4,300 miles")?;
/// assert_eq!((s.value(), s.unit(), s.resolution()), (4300.0, Unit::Miles, 100.0));
/// assert_eq!(s.distance(), strikemap::Distance::from_miles(4300.0));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StatedDistanceFields")]
pub struct StatedDistance {
    value: f64,
    unit: Unit,
    resolution: f64,
    text: String,
}

/// The serde form of a [`StatedDistance`], checked by [`StatedDistance::new`]'s rules on the way in.
#[derive(Deserialize)]
struct StatedDistanceFields {
    value: f64,
    unit: Unit,
    resolution: f64,
    text: String,
}

impl TryFrom<StatedDistanceFields> for StatedDistance {
    type Error = crate::error::Reported;
    fn try_from(f: StatedDistanceFields) -> Result<StatedDistance, Self::Error> {
        check_parts(f.value, f.unit, f.resolution).map_err(crate::error::Reported)?;
        Ok(StatedDistance {
            value: f.value,
            unit: f.unit,
            resolution: f.resolution,
            text: f.text,
        })
    }
}

/// The rules of [`StatedDistance::new`].
fn check_parts(value: f64, unit: Unit, resolution: f64) -> Result<()> {
    if !(value.is_finite() && value >= 0.0) {
        return Err(Error::InvalidNumber {
            field: "distance",
            value,
            expected: "a finite number, zero or more",
        });
    }
    if Distance::from_unit(value, unit) > MAX_STATED_DISTANCE {
        return Err(Error::InvalidNumber {
            field: "distance",
            value,
            expected: "at most 1e9 km (strikemap::distance::MAX_STATED_DISTANCE)",
        });
    }
    if !(resolution.is_finite() && resolution > 0.0) {
        return Err(Error::InvalidNumber {
            field: "resolution",
            value: resolution,
            expected: "a finite number above zero",
        });
    }
    Ok(())
}

impl StatedDistance {
    /// Builds a stated distance from its parts (the text is made up from them).
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if the value is negative, not finite or
    /// longer than [`MAX_STATED_DISTANCE`], or the resolution is not a
    /// positive finite number.
    ///
    /// ```
    /// use strikemap::{StatedDistance, Unit};
    /// let s = StatedDistance::new(620.0, Unit::Miles, 10.0)?;
    /// assert_eq!(s.text(), "620 mi");
    /// assert!(StatedDistance::new(1e300, Unit::Kilometres, 1.0).is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(value: f64, unit: Unit, resolution: f64) -> Result<StatedDistance> {
        check_parts(value, unit, resolution)?;
        Ok(StatedDistance {
            value,
            unit,
            resolution,
            text: format!("{value} {}", unit.symbol()),
        })
    }

    /// Reads `"4,300 miles"`, `"4300 mi"`, `"4300mi"`, `"620-mile"`,
    /// `"1,000 km"`, `"1 000 kilometres"`, `"250 nautical miles"`, `"12 m"`,
    /// `"4.5 km"`, with the [`Convention::Unstated`] reading of separators.
    /// The unit may follow the number directly, after a space or after a
    /// hyphen, singular or plural, in any case.
    ///
    /// **Separators.** A figure is digits with single separators between
    /// them: "," or "." (anywhere), "'" or "_", or a space (a no-break or
    /// thin space too) only in front of exactly three digits. It is read
    /// under each convention ("." as the decimal point, or "," as the
    /// decimal point). Under a convention, every separator but the decimal
    /// point groups thousands: the groups are all marked with one and the
    /// same character, the first group has 1 to 3 digits and does not start
    /// with 0, every other group has exactly 3, and the decimal point comes
    /// at most once, after them. Then:
    ///
    /// - a figure that reads differently with "." grouping thousands than
    ///   with "." as the decimal point is **ambiguous**: a single "."
    ///   followed by exactly three digits ("4.300", "1.000", "12.500");
    ///   [`Error::AmbiguousNumber`] shows both readings;
    /// - "," in front of exactly three digits groups thousands ("4,300" is
    ///   4,300, as in English-language reporting);
    /// - a figure that reads only with a decimal comma or "." grouping
    ///   ("4,3", "4,30", "4,3000", "1.000.000") or under neither ("4.3.1")
    ///   is refused;
    /// - "4, 300" (a space after the separator) is two numbers, not a
    ///   figure: claims refuse it.
    ///
    /// Name the convention with [`StatedDistance::parse_with`] to read the
    /// other ones.
    ///
    /// # Errors
    /// [`Error::AmbiguousNumber`] for an ambiguous figure;
    /// [`Error::DistanceText`] quoting the text when there is no number, no
    /// unit or an unknown unit, the number is malformed, the value is
    /// negative or beyond [`MAX_STATED_DISTANCE`], or it has so many
    /// decimal places that its resolution is no longer a positive number.
    ///
    /// ```
    /// use strikemap::{Error, StatedDistance, Unit};
    /// assert_eq!(StatedDistance::parse("1 000 kilometres")?.value(), 1000.0);
    /// assert_eq!(StatedDistance::parse("620-mile")?.unit(), Unit::Miles);
    /// assert_eq!(StatedDistance::parse("4.3 km")?.value(), 4.3);
    /// let err = StatedDistance::parse("-5 km").unwrap_err();
    /// assert_eq!(err.report().to_string(), "cannot read a distance from \"-5 km\": a distance cannot be negative");
    /// let err = StatedDistance::parse("4.300 km").unwrap_err();
    /// assert!(err.report().to_string().starts_with(
    ///     "\"4.300 km\" is ambiguous: 4,300 km with \".\" grouping thousands, or 4.3 km with \".\" as the decimal point"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<StatedDistance> {
        StatedDistance::parse_with(text, Convention::Unstated)
    }

    /// Reads a distance as [`StatedDistance::parse`] does, with the
    /// separators read by the given [`Convention`].
    ///
    /// # Errors
    /// As [`StatedDistance::parse`]; a named convention has one reading, so
    /// it never gives [`Error::AmbiguousNumber`].
    ///
    /// ```
    /// use strikemap::{StatedDistance, distance::Convention};
    /// let s = StatedDistance::parse_with("4,5 km", Convention::DecimalComma)?;
    /// assert_eq!((s.value(), s.resolution()), (4.5, 0.1));
    /// assert_eq!(StatedDistance::parse_with("1.000 km", Convention::DecimalComma)?.value(), 1000.0);
    /// assert!(StatedDistance::parse_with("4,5 km", Convention::DecimalPoint).is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse_with(text: &str, convention: Convention) -> Result<StatedDistance> {
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
        let end = if rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
            number_end(rest, 1)
        } else if rest.starts_with(|c: char| c.is_ascii_digit()) {
            number_end(rest, 0)
        } else {
            0
        };
        let (number, unit_text) = rest.split_at(end);
        if number.is_empty() {
            return Err(fail(
                "no number before the unit; expected e.g. \"4,300 miles\"".into(),
            ));
        }
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
        let digits = if number.starts_with('.') {
            format!("0{number}")
        } else {
            number.to_string()
        };
        let (value, resolution) = match read_number(&digits, convention) {
            Ok(read) => read,
            Err(NumberError::Ambiguous { grouped, decimal }) => {
                let unit_part = &rest[end..];
                return Err(Error::AmbiguousNumber {
                    text: trimmed.to_string(),
                    separator: '.',
                    grouped: format!("{grouped}{unit_part}"),
                    decimal: format!("{decimal}{unit_part}"),
                });
            }
            Err(NumberError::Malformed(reason)) => return Err(fail(reason)),
        };
        if Distance::from_unit(value, unit) > MAX_STATED_DISTANCE {
            return Err(fail(format!(
                "{number} {} is longer than the largest distance a claim may state, 1e9 km (MAX_STATED_DISTANCE)",
                unit.symbol()
            )));
        }
        if !(resolution.is_finite() && resolution > 0.0) {
            return Err(fail(format!(
                "{number:?} has more decimal places than a number can resolve"
            )));
        }
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

/// Separators that may group thousands, other than "." and ",".
fn is_space_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Separators read inside a figure whenever a digit follows.
fn is_mark_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\'' | '_')
}

/// The end (exclusive, in bytes) of the figure starting with the digit at
/// byte `start` of `text`: digits with single separators between them
/// ("," "." "'" "_" before any digit; a space only before exactly three
/// digits and then no fourth). Looks at the figure and at most four
/// characters past it, so scanning every figure of a text is linear.
pub(crate) fn number_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let digit_run = |from: usize| {
        bytes[from..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |n| from + n)
    };
    let mut i = digit_run(start);
    while let Some(c) = text[i..].chars().next() {
        let after = i + c.len_utf8();
        let digits_end = digit_run(after);
        let run = digits_end - after;
        let joins = if is_mark_separator(c) {
            run > 0
        } else {
            is_space_separator(c) && run == 3
        };
        if !joins {
            break;
        }
        i = digits_end;
    }
    i
}

/// Why a figure could not be read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NumberError {
    /// "." reads two ways: with "." grouping thousands ("4,300") and as the
    /// decimal point ("4.3"), both written for English readers.
    Ambiguous { grouped: String, decimal: String },
    /// Not a number under the convention; the reason, quoting the figure.
    Malformed(String),
}

/// The figure as plain ASCII digits ("4300", "4.3") when `decimal` is the
/// decimal point and every other separator groups thousands (see
/// [`StatedDistance::parse`]), or `None`.
fn reading(figure: &str, decimal: char) -> Option<String> {
    let mut groups: Vec<&str> = Vec::new();
    let mut separators: Vec<char> = Vec::new();
    let mut from = 0;
    for (i, c) in figure.char_indices() {
        if !c.is_ascii_digit() {
            groups.push(&figure[from..i]);
            separators.push(c);
            from = i + c.len_utf8();
        }
    }
    groups.push(&figure[from..]);
    if groups.iter().any(|g| g.is_empty()) {
        return None;
    }
    let decimals = separators.iter().filter(|c| **c == decimal).count();
    let whole_groups = match decimals {
        0 => groups.len(),
        1 if separators.last() == Some(&decimal) => groups.len() - 1,
        _ => return None,
    };
    let grouping = &separators[..whole_groups - 1];
    if let Some(first) = grouping.first() {
        let one_kind = grouping.iter().all(|c| c == first);
        let sizes = groups[0].len() <= 3
            && !groups[0].starts_with('0')
            && groups[1..whole_groups].iter().all(|g| g.len() == 3);
        if !one_kind || !sizes || *first == decimal {
            return None;
        }
    }
    let mut out: String = groups[..whole_groups].concat();
    if whole_groups < groups.len() {
        out.push('.');
        out.push_str(groups[whole_groups]);
    }
    Some(out)
}

/// Reads a figure (as found by [`number_end`]) under a convention: its
/// value and the place value of its last significant digit.
pub(crate) fn read_number(
    figure: &str,
    convention: Convention,
) -> std::result::Result<(f64, f64), NumberError> {
    let point = reading(figure, '.');
    let comma = reading(figure, ',');
    let chosen = match convention {
        Convention::DecimalPoint => point.ok_or_else(|| {
            NumberError::Malformed(format!(
                "{figure:?} is not a number with \".\" as the decimal point and \",\" grouping thousands in threes"
            ))
        })?,
        Convention::DecimalComma => comma.ok_or_else(|| {
            NumberError::Malformed(format!(
                "{figure:?} is not a number with \",\" as the decimal point and \".\" grouping thousands in threes"
            ))
        })?,
        Convention::Unstated => match (point, comma) {
            (Some(p), Some(c)) if p != c && figure.contains('.') => {
                return Err(NumberError::Ambiguous {
                    grouped: group_thousands(&c),
                    decimal: trim_decimals(&p),
                });
            }
            (Some(p), _) => p,
            (None, Some(c)) => {
                return Err(NumberError::Malformed(format!(
                    "{figure:?} is malformed: \",\" groups thousands only in front of exactly three digits and \".\" is the decimal point; it reads as {} only with \",\" as the decimal point (or \".\" grouping thousands): pass --decimal-comma (Convention::DecimalComma) if that is meant",
                    trim_decimals(&c)
                )));
            }
            (None, None) => {
                return Err(NumberError::Malformed(format!(
                    "{figure:?} is not a number: separators group thousands in threes (\"4,300\", \"4 300\") with at most one decimal point after them"
                )));
            }
        },
    };
    let value: f64 = chosen
        .parse()
        .map_err(|_| NumberError::Malformed(format!("{figure:?} is not a number")))?;
    Ok((value, resolution_of(&chosen)))
}

/// "4300" as "4,300"; decimals kept.
fn group_thousands(digits: &str) -> String {
    let (whole, decimals) = digits
        .split_once('.')
        .map_or((digits, None), |(w, d)| (w, Some(d)));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(d) = decimals {
        out.push('.');
        out.push_str(d);
    }
    out
}

/// "4.300" as "4.3", "1.000" as "1".
fn trim_decimals(digits: &str) -> String {
    if digits.contains('.') {
        digits
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    } else {
        digits.to_string()
    }
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
            ("1,00 km", "only with \",\" as the decimal point"),
            ("4,3000 km", "only with \",\" as the decimal point"),
            ("1.000.000 m", "only with \",\" as the decimal point"),
            ("1,2,3 km", "is not a number"),
            ("1,000 000 km", "is not a number"),
            ("1e3 km", "unknown unit"),
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
    fn separators_by_convention() {
        use Convention::{DecimalComma, DecimalPoint, Unstated};
        // (text, Unstated, DecimalPoint, DecimalComma): Some((value, resolution)) or None (refused).
        type Read = Option<(f64, f64)>;
        let cases: &[(&str, Read, Read, Read)] = &[
            ("4.3 km", Some((4.3, 0.1)), Some((4.3, 0.1)), None),
            (
                "4,300 km",
                Some((4300.0, 100.0)),
                Some((4300.0, 100.0)),
                Some((4.3, 0.001)),
            ),
            (
                "4 300 km",
                Some((4300.0, 100.0)),
                Some((4300.0, 100.0)),
                Some((4300.0, 100.0)),
            ),
            ("1,000,000 m", Some((1e6, 1e6)), Some((1e6, 1e6)), None),
            ("4.300 km", None, Some((4.3, 0.001)), Some((4300.0, 100.0))),
            ("1.000 km", None, Some((1.0, 0.001)), Some((1000.0, 1000.0))),
            ("0.500 km", Some((0.5, 0.001)), Some((0.5, 0.001)), None),
            ("1,234.5 km", Some((1234.5, 0.1)), Some((1234.5, 0.1)), None),
            ("1.234,5 km", None, None, Some((1234.5, 0.1))),
            ("4,3 km", None, None, Some((4.3, 0.1))),
            ("1.000.000 m", None, None, Some((1e6, 1e6))),
            ("4,3000 km", None, None, Some((4.3, 0.0001))),
            (
                "1'000 m",
                Some((1000.0, 1000.0)),
                Some((1000.0, 1000.0)),
                Some((1000.0, 1000.0)),
            ),
            (".5 km", Some((0.5, 0.1)), Some((0.5, 0.1)), None),
        ];
        for (text, unstated, point, comma) in cases {
            for (convention, want) in [
                (Unstated, unstated),
                (DecimalPoint, point),
                (DecimalComma, comma),
            ] {
                let got = StatedDistance::parse_with(text, convention)
                    .ok()
                    .map(|s| (s.value(), s.resolution()));
                assert_eq!(got, *want, "{text} {convention:?}");
            }
        }
        let e = StatedDistance::parse("4.300 km").unwrap_err();
        assert_eq!(
            e,
            Error::AmbiguousNumber {
                text: "4.300 km".into(),
                separator: '.',
                grouped: "4,300 km".into(),
                decimal: "4.3 km".into(),
            }
        );
        assert_eq!(
            e.report().to_string(),
            "\"4.300 km\" is ambiguous: 4,300 km with \".\" grouping thousands, or 4.3 km with \".\" as the decimal point; write \"4,300 km\" or \"4.3 km\", or pass --decimal-comma (Convention::DecimalComma) for the first reading"
        );
        assert!(
            StatedDistance::parse("12.500 miles")
                .unwrap_err()
                .is_ambiguous()
        );
    }

    #[test]
    fn edge_values_are_refused_not_zero_or_infinite() {
        let tiny = format!("0.{}1 km", "0".repeat(400));
        let e = StatedDistance::parse(&tiny).unwrap_err();
        assert!(
            e.report().to_string().contains("more decimal places"),
            "{}",
            e.report()
        );
        let huge = format!("1{} km", "0".repeat(306));
        let e = StatedDistance::parse(&huge).unwrap_err();
        assert!(
            e.report().to_string().contains("MAX_STATED_DISTANCE"),
            "{}",
            e.report()
        );
        assert!(StatedDistance::parse("1,000,000,000 km").is_ok());
        assert!(StatedDistance::parse("1,000,000,001 km").is_err());
        assert!(StatedDistance::new(1e12, Unit::Metres, 1.0).is_ok());
        assert!(StatedDistance::new(1e12, Unit::Miles, 1.0).is_err());
    }

    #[test]
    fn serde_validates() {
        let s = StatedDistance::parse("4,300 miles").unwrap();
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(serde_json::from_value::<StatedDistance>(json).unwrap(), s);
        for bad in [
            serde_json::json!({"value": -5.0, "unit": "kilometres", "resolution": 1.0, "text": "x"}),
            serde_json::json!({"value": 5.0, "unit": "kilometres", "resolution": 0.0, "text": "x"}),
            serde_json::json!({"value": 1e300, "unit": "kilometres", "resolution": 1.0, "text": "x"}),
        ] {
            let e = serde_json::from_value::<StatedDistance>(bad.clone()).unwrap_err();
            assert!(e.to_string().contains("is invalid"), "{bad}: {e}");
        }
    }

    #[test]
    fn new_validates() {
        assert!(StatedDistance::new(-1.0, Unit::Metres, 1.0).is_err());
        assert!(StatedDistance::new(f64::NAN, Unit::Metres, 1.0).is_err());
        assert!(StatedDistance::new(1.0, Unit::Metres, 0.0).is_err());
    }
}
