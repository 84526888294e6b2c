//! Reading claim phrases as people write them: a quantifier and a figure
//! ("more than 4,300 miles", "the roughly 620-mile front line", "more than
//! half", "52 out of 80") found inside a sentence.

use super::quantifier::Quantifier;
use crate::distance::{StatedDistance, resolution_of};
use crate::error::{Error, Result};

/// A quantifier and a distance found in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DistancePhrase {
    pub(crate) quantifier: Quantifier,
    /// The wording as recognised (lower case), empty for a bare figure.
    pub(crate) wording: String,
    pub(crate) stated: StatedDistance,
    /// What the text says the distance is from ("from Ukraine" gives
    /// `Ukraine`), if it says.
    pub(crate) reference: Option<String>,
}

/// Most words of a reference read after "from".
const REFERENCE_WORDS: usize = 6;

/// The reference named after the figure: the words after the first "from"
/// (up to punctuation, at most [`REFERENCE_WORDS`]), a leading "the" dropped.
fn reference_after(rest: &str) -> Option<String> {
    let lower = rest.to_lowercase();
    // Lower-casing can change byte lengths outside ASCII: work on the
    // original text only where the two agree.
    if lower.len() != rest.len() {
        return None;
    }
    let at = lower
        .match_indices("from")
        .find(|(i, _)| {
            let before_ok = *i == 0 || !lower.as_bytes()[i - 1].is_ascii_alphanumeric();
            let after = lower.as_bytes().get(i + 4);
            before_ok && after.is_some_and(|c| c.is_ascii_whitespace())
        })
        .map(|(i, _)| i + 4)?;
    let tail = &rest[at..];
    let end = tail
        .find(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '\u{201c}' | '\u{201d}'
            )
        })
        .unwrap_or(tail.len());
    let mut words: Vec<&str> = tail[..end]
        .split_whitespace()
        .take(REFERENCE_WORDS)
        .collect();
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.remove(0);
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// A quantifier and a rate found in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RatePhrase {
    pub(crate) quantifier: Quantifier,
    pub(crate) wording: String,
    /// The rate as a fraction, 0 to 1.
    pub(crate) fraction: f64,
    /// The place value of its last significant digit, as a fraction (0.01
    /// for "65%"), 0 for exact forms ("half", "52 of 80").
    pub(crate) resolution: f64,
    /// The words the rate was read from, e.g. `"65%"`, `"52 out of 80"`.
    pub(crate) figure: String,
}

fn fail(text: &str, reason: impl Into<String>) -> Error {
    Error::ClaimText {
        text: text.to_string(),
        reason: reason.into(),
    }
}

/// Unit words in the order they are tried (longest first), lower case.
const UNIT_WORDS: &[&str] = &[
    "nautical miles",
    "nautical-miles",
    "nautical mile",
    "nautical-mile",
    "statute miles",
    "statute mile",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "klicks",
    "metres",
    "meters",
    "metre",
    "meter",
    "miles",
    "mile",
    "kms",
    "nmi",
    "km",
    "nm",
    "mi",
    "m",
];

fn is_group_separator(c: char) -> bool {
    matches!(
        c,
        ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '_'
    )
}

/// A number starting at byte `start` of `text`: digits, thousands groups of
/// exactly three digits after a separator, an optional decimal part.
/// Returns the end (exclusive).
fn number_end(text: &str, start: usize) -> usize {
    let bytes: Vec<(usize, char)> = text[start..]
        .char_indices()
        .map(|(i, c)| (start + i, c))
        .collect();
    let mut i = 0;
    while i < bytes.len() && bytes[i].1.is_ascii_digit() {
        i += 1;
    }
    loop {
        // A group separator followed by exactly three digits.
        let group = i + 3 < bytes.len()
            && is_group_separator(bytes[i].1)
            && bytes[i + 1..=i + 3].iter().all(|(_, c)| c.is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|(_, c)| !c.is_ascii_digit());
        if group {
            i += 4;
        } else {
            break;
        }
    }
    if i + 1 < bytes.len() && bytes[i].1 == '.' && bytes[i + 1].1.is_ascii_digit() {
        i += 1;
        while i < bytes.len() && bytes[i].1.is_ascii_digit() {
            i += 1;
        }
    }
    bytes.get(i).map_or(text.len(), |(at, _)| *at)
}

/// Byte offsets where a number starts: a digit not preceded by a letter,
/// digit, decimal point or group separator that continues a number.
fn number_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut resume = 0;
    for (at, c) in text.char_indices() {
        if at < resume || !c.is_ascii_digit() {
            continue;
        }
        let prev = text[..at].chars().next_back();
        if prev.is_some_and(|p| p.is_alphanumeric() || p == '.') {
            continue;
        }
        starts.push(at);
        resume = number_end(text, at);
    }
    starts
}

/// Whether `rest` starts with `word` (ASCII case-insensitive) followed by a
/// word boundary.
fn starts_with_word(rest: &str, word: &str) -> bool {
    rest.len() >= word.len()
        && rest.is_char_boundary(word.len())
        && rest[..word.len()].eq_ignore_ascii_case(word)
        && rest[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// The end of a unit word after a number ending at `end` (after optional
/// white space or one hyphen), if there is one.
fn unit_end(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let gap = rest.len() - rest.trim_start().len();
    let after_gap = &rest[gap..];
    let (skip, rest) = match after_gap.strip_prefix('-') {
        Some(r) if gap == 0 => (1, r),
        _ => (gap, after_gap),
    };
    UNIT_WORDS
        .iter()
        .find(|w| starts_with_word(rest, w))
        .map(|w| end + skip + w.len())
}

/// Whether the text before a figure ends with "N to", "N and", "N-" or "N–":
/// the figure is the upper end of a range.
fn ends_a_range(before: &str) -> bool {
    let t = before.trim_end();
    let head = ["-", "–", "—"]
        .iter()
        .find_map(|d| t.strip_suffix(d))
        .or_else(|| {
            ["to", "and"].iter().find_map(|w| {
                t.strip_suffix(w)
                    .filter(|h| h.ends_with(char::is_whitespace))
            })
        });
    head.is_some_and(|h| {
        let h = h.trim_end();
        let h = UNIT_WORDS
            .iter()
            .find_map(|w| {
                let n = w.len();
                (h.len() >= n
                    && h.is_char_boundary(h.len() - n)
                    && h[h.len() - n..].eq_ignore_ascii_case(w))
                .then(|| h[..h.len() - n].trim_end())
            })
            .unwrap_or(h);
        h.ends_with(|c: char| c.is_ascii_digit())
    })
}

/// Whether the text after a figure's unit continues a range: "to 400",
/// "and 400", "-400", "– 400".
fn starts_a_range(after: &str) -> bool {
    let t = after.trim_start();
    let rest = ["-", "–", "—"]
        .iter()
        .find_map(|d| t.strip_prefix(d))
        .or_else(|| {
            ["to", "and"]
                .iter()
                .find(|w| starts_with_word(t, w))
                .map(|w| &t[w.len()..])
        });
    rest.is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// The quantifier in front of a figure starting at `start`, or after its
/// unit ending at `end`; a bare figure is [`Quantifier::Exactly`].
fn quantifier_around(text: &str, start: usize, end: usize) -> Result<(Quantifier, String)> {
    let before = &text[..start];
    let prefix = Quantifier::ending(before);
    let after = text[end..].trim_start();
    let suffix = Quantifier::suffix_wordings()
        .filter(|w| starts_with_word(after, w))
        .max_by_key(|w| w.len())
        .and_then(Quantifier::from_suffix);
    match (prefix, suffix) {
        (Some((p, pw)), Some((s, sw))) => Err(fail(
            text,
            format!(
                "two quantifiers for one figure: {pw:?} before it and {sw:?} after it ({} and {})",
                p.phrase(),
                s.phrase()
            ),
        )),
        (Some((q, w)), None) | (None, Some((q, w))) => Ok((q, w.to_string())),
        (None, None) => Ok((Quantifier::Exactly, String::new())),
    }
}

/// Finds the first figure with a unit in `text` and the quantifier around it.
///
/// A figure is a number followed by a unit word (after a space, a hyphen or
/// nothing): `4,300 miles`, `4,300km`, `620-mile`. Later figures (e.g. a
/// conversion in brackets) are ignored. A range (`300 to 400 km`,
/// `300-400 km`, `between 300 and 400 km`) is refused.
pub(crate) fn find_distance(text: &str) -> Result<DistancePhrase> {
    if text.trim().is_empty() {
        return Err(fail(
            text,
            "the text is empty; expected e.g. \"more than 4,300 miles\"",
        ));
    }
    let found = number_starts(text).into_iter().find_map(|start| {
        let end = number_end(text, start);
        unit_end(text, end).map(|unit_end| (start, unit_end))
    });
    let Some((start, end)) = found else {
        return Err(fail(
            text,
            "no distance found: expected a number followed by a unit (m, km, mi, nmi or their names), e.g. \"more than 4,300 miles\"",
        ));
    };
    let before = &text[..start];
    if before.ends_with(['-', '\u{2212}']) && !ends_a_range(before) {
        return Err(fail(text, "a distance cannot be negative"));
    }
    if ends_a_range(before)
        || starts_a_range(&text[end..])
        || before
            .to_lowercase()
            .split_whitespace()
            .any(|w| w == "between")
    {
        return Err(fail(
            text,
            "a range of distances is not supported; check each end as a claim of its own (\"at least 300 km\", \"at most 400 km\")",
        ));
    }
    let stated = StatedDistance::parse(&text[start..end]).map_err(|e| match e {
        Error::DistanceText { reason, .. } => fail(text, reason),
        other => other,
    })?;
    let (quantifier, wording) = quantifier_around(text, start, end)?;
    Ok(DistancePhrase {
        quantifier,
        wording,
        stated,
        reference: reference_after(&text[end..]),
    })
}

/// The digits of a number, separators removed.
fn digits(number: &str) -> String {
    number.chars().filter(|c| !is_group_separator(*c)).collect()
}

/// Fraction words, longest first, with their values.
const FRACTION_WORDS: &[(&str, f64)] = &[
    ("three quarters", 0.75),
    ("three-quarters", 0.75),
    ("two thirds", 2.0 / 3.0),
    ("two-thirds", 2.0 / 3.0),
    ("one quarter", 0.25),
    ("one-quarter", 0.25),
    ("a quarter", 0.25),
    ("one third", 1.0 / 3.0),
    ("one-third", 1.0 / 3.0),
    ("a third", 1.0 / 3.0),
    ("one half", 0.5),
    ("half", 0.5),
];

/// Percent signs and words after a number, longest first.
const PERCENT_WORDS: &[&str] = &["per cent", "percent", "%"];

/// Finds a rate in `text`: "N out of M" / "N of M" / "N of the M",
/// a percentage ("65%", "65 percent", "65 per cent"), or a fraction word
/// ("half", "a third", "two thirds", "a quarter", "three quarters"), with
/// the quantifier in front of it.
pub(crate) fn find_rate(text: &str) -> Result<RatePhrase> {
    if text.trim().is_empty() {
        return Err(fail(
            text,
            "the text is empty; expected e.g. \"52 out of 80\", \"65%\" or \"more than half\"",
        ));
    }
    let starts = number_starts(text);
    // "N out of M", "N of (the) M"
    for &start in &starts {
        let end = number_end(text, start);
        let mut rest = text[end..].trim_start();
        let mut had_word = false;
        for word in ["out", "of", "the"] {
            if starts_with_word(rest, word) {
                rest = rest[word.len()..].trim_start();
                had_word |= word == "of";
            } else if word == "of" {
                break;
            }
        }
        if !had_word || !rest.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let total_start = text.len() - rest.len();
        let total_end = number_end(text, total_start);
        let n: f64 = digits(&text[start..end]).parse().map_err(|_| {
            fail(
                text,
                format!("{:?} is not a whole number", &text[start..end]),
            )
        })?;
        let m: f64 = digits(&text[total_start..total_end]).parse().map_err(|_| {
            fail(
                text,
                format!("{:?} is not a whole number", &text[total_start..total_end]),
            )
        })?;
        if n.fract() != 0.0 || m.fract() != 0.0 {
            return Err(fail(text, "counts must be whole numbers"));
        }
        if m <= 0.0 {
            return Err(fail(
                text,
                "the total (M in \"N out of M\") must be above zero",
            ));
        }
        if n > m {
            return Err(fail(
                text,
                format!("{n} out of {m}: the count is larger than the total"),
            ));
        }
        let (quantifier, wording) = quantifier_around(text, start, total_end)?;
        return Ok(RatePhrase {
            quantifier,
            wording,
            fraction: n / m,
            resolution: 0.0,
            figure: text[start..total_end].to_string(),
        });
    }
    // "65%", "65 percent"
    for &start in &starts {
        let end = number_end(text, start);
        let rest = &text[end..];
        let trimmed = rest.trim_start();
        let word = PERCENT_WORDS.iter().find(|w| {
            if **w == "%" {
                trimmed.starts_with('%')
            } else {
                starts_with_word(trimmed, w)
            }
        });
        let Some(word) = word else { continue };
        let figure_end = end + (rest.len() - trimmed.len()) + word.len();
        let number = digits(&text[start..end]);
        let percent: f64 = number
            .parse()
            .map_err(|_| fail(text, format!("{number:?} is not a number")))?;
        if percent > 100.0 {
            return Err(fail(text, format!("{percent}% is more than 100%")));
        }
        let (quantifier, wording) = quantifier_around(text, start, figure_end)?;
        return Ok(RatePhrase {
            quantifier,
            wording,
            fraction: percent / 100.0,
            resolution: resolution_of(&number) / 100.0,
            figure: text[start..figure_end].to_string(),
        });
    }
    // Fraction words.
    let lower = text.to_ascii_lowercase();
    for (word, value) in FRACTION_WORDS {
        let mut from = 0;
        while let Some(found) = lower[from..].find(word) {
            let at = from + found;
            from = at + word.len();
            let boundary_before = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !boundary_before || !starts_with_word(&text[at..], word) {
                continue;
            }
            let (quantifier, wording) = quantifier_around(text, at, at + word.len())?;
            return Ok(RatePhrase {
                quantifier,
                wording,
                fraction: *value,
                resolution: 0.0,
                figure: text[at..at + word.len()].to_string(),
            });
        }
    }
    Err(fail(
        text,
        "no rate found: expected \"N out of M\", a percentage such as \"65%\", or a fraction such as \"half\" or \"two thirds\"",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Unit;

    #[test]
    fn numbers_and_units() {
        let t = "the targets were more than 4,300 miles (6,920 km) from Ukraine";
        let p = find_distance(t).unwrap();
        assert_eq!(p.quantifier, Quantifier::MoreThan);
        assert_eq!(p.stated.value(), 4300.0);
        assert_eq!(p.stated.unit(), Unit::Miles);
        assert_eq!(p.stated.text(), "4,300 miles");
        let p = find_distance("the roughly 620-mile front line").unwrap();
        assert_eq!((p.quantifier, p.stated.value()), (Quantifier::About, 620.0));
        let p = find_distance("within 5 m").unwrap();
        assert_eq!(p.stated.unit(), Unit::Metres);
        assert!(find_distance("5 million drones").is_err());
        let p = find_distance("a 4,300 mile or so trip").unwrap();
        assert_eq!(p.quantifier, Quantifier::About);
    }

    #[test]
    fn ranges_are_refused() {
        for t in [
            "300-400 km",
            "300 to 400 km",
            "between 300 and 400 km",
            "300 km to 400 km",
        ] {
            let e = find_distance(t).unwrap_err();
            assert!(
                e.report().to_string().contains("range"),
                "{t}: {}",
                e.report()
            );
        }
    }

    #[test]
    fn rates() {
        let r = find_rate("52 out of 80 drones were damaged").unwrap();
        assert_eq!((r.fraction, r.quantifier), (0.65, Quantifier::Exactly));
        let r = find_rate("more than half of the drones").unwrap();
        assert_eq!((r.fraction, r.quantifier), (0.5, Quantifier::MoreThan));
        let r = find_rate("about 65% of them").unwrap();
        assert_eq!((r.fraction, r.resolution), (0.65, 0.01));
        let r = find_rate("nearly two-thirds").unwrap();
        assert_eq!(r.quantifier, Quantifier::Nearly);
        let r = find_rate("41 of the 120 aircraft").unwrap();
        assert_eq!(r.figure, "41 of the 120");
        assert!(find_rate("behalf of").is_err());
        assert!(find_rate("90 of 80").is_err());
        assert!(find_rate("1 of 0").is_err());
    }

    #[test]
    fn resolutions() {
        assert_eq!(resolution_of("4300"), 100.0);
        assert_eq!(resolution_of("4.5"), 0.1);
        assert_eq!(resolution_of("0"), 1.0);
        assert_eq!(resolution_of("65"), 1.0);
    }
}
