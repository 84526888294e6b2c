//! Reading claim phrases as people write them: a quantifier and a figure
//! ("more than 4,300 miles", "the roughly 620-mile front line", "more than
//! half", "52 out of 80") found inside a sentence.

use super::quantifier::Quantifier;
use crate::distance::{Convention, NumberError, StatedDistance, number_end, read_number};
use crate::error::{Error, Result};

/// The longest claim text read, in characters: 10,000, some pages of prose.
///
/// A claim is a sentence or a paragraph; the limit bounds the work (and
/// memory) a parser spends on text from the web, and gives a clear error
/// instead.
pub const MAX_CLAIM_CHARS: usize = 10_000;

/// Refuses a text longer than [`MAX_CLAIM_CHARS`].
pub(crate) fn check_length(text: &str) -> Result<()> {
    // Counting stops at the limit, so this is cheap whatever the length.
    if text.len() > MAX_CLAIM_CHARS && text.chars().nth(MAX_CLAIM_CHARS).is_some() {
        return Err(Error::TextTooLong {
            what: "claim text",
            chars: text.chars().count(),
            limit: MAX_CLAIM_CHARS,
        });
    }
    Ok(())
}

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

/// The figures of a text: (start, end) byte ranges of numbers that start
/// with a digit not preceded by a letter, digit or decimal point. Linear:
/// each figure is scanned once.
pub(crate) fn figures(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut resume = 0;
    let mut prev: Option<char> = None;
    for (at, c) in text.char_indices() {
        let before = prev;
        prev = Some(c);
        if at < resume || !c.is_ascii_digit() {
            continue;
        }
        if before.is_some_and(|p| p.is_alphanumeric() || p == '.') {
            continue;
        }
        let end = number_end(text, at);
        found.push((at, end));
        resume = end;
    }
    found
}

/// Whether `rest` starts with `word` (ASCII case-insensitive) followed by a
/// word boundary.
pub(crate) fn starts_with_word(rest: &str, word: &str) -> bool {
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
pub(crate) fn unit_end(text: &str, end: usize) -> Option<usize> {
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

/// What joins two neighbouring figures of a claim.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Join {
    /// "300 to 400", "300-400", "300 and 400": a range.
    Range,
    /// "300 or 400", "300/400": alternatives.
    Alternatives,
    /// "4, 300": one figure split after its separator, or two.
    SplitGroup,
}

/// How the gap between two figures joins them, if it does.
fn join(gap: &str) -> Option<Join> {
    let t = gap.trim();
    if ["-", "–", "—"].contains(&t) || t.eq_ignore_ascii_case("to") || t.eq_ignore_ascii_case("and")
    {
        Some(Join::Range)
    } else if t == "/" || t.eq_ignore_ascii_case("or") {
        Some(Join::Alternatives)
    } else if t == ","
        && gap.ends_with(char::is_whitespace)
        && !gap.starts_with(char::is_whitespace)
    {
        Some(Join::SplitGroup)
    } else {
        None
    }
}

/// The end of a figure's unit word if it has one, else of the figure.
fn with_unit(text: &str, end: usize) -> usize {
    unit_end(text, end).unwrap_or(end)
}

/// Share words that make "… of 300 km" a part of a distance.
const SHARE_WORDS: &[&str] = &[
    "%", "percent", "per cent", "half", "halves", "third", "thirds", "quarter", "quarters",
    "tenth", "tenths", "fifth", "fifths",
];

/// Where a share and "of" at the end of the text in front of a figure
/// start ("40 % of", "half of the"), if it ends with one.
fn share_of(before: &str) -> Option<usize> {
    // Only the tail matters: "per cent of the" is 15 bytes.
    let mut cut = before.len().saturating_sub(40);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let tail = before[cut..].to_ascii_lowercase();
    let mut t = tail.trim_end();
    if let Some(h) = t
        .strip_suffix("the")
        .filter(|h| h.ends_with(char::is_whitespace))
    {
        t = h.trim_end();
    }
    let h = t
        .strip_suffix("of")
        .filter(|h| h.ends_with(char::is_whitespace))?
        .trim_end();
    let word = SHARE_WORDS.iter().find(|w| {
        h.strip_suffix(**w).is_some_and(|head| {
            **w == "%" || head.is_empty() || !head.ends_with(char::is_alphanumeric)
        })
    })?;
    let mut at = cut + h.len() - word.len();
    if word.contains('%') || word.contains("cent") {
        // Back over the number of a percentage.
        let head = before[..at].trim_end();
        let number = head.trim_end_matches(|c: char| c.is_ascii_digit() || ".,'_".contains(c));
        if number.len() < head.len() {
            at = number.len();
        }
    }
    Some(at)
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
/// nothing): `4,300 miles`, `4,300km`, `620-mile`, read with `convention`.
/// Later figures (e.g. a conversion in brackets) are ignored. Refused, each
/// with its own message: a range (`300 to 400 km`, `300-400 km`, `between
/// 300 and 400 km`), alternatives (`300 or 400 km`), a share of a distance
/// (`40 % of 300 km`), a figure split after its separator (`4, 300 km`).
pub(crate) fn find_distance(text: &str, convention: Convention) -> Result<DistancePhrase> {
    check_length(text)?;
    if text.trim().is_empty() {
        return Err(fail(
            text,
            "the text is empty; expected e.g. \"more than 4,300 miles\"",
        ));
    }
    let all = figures(text);
    let found = all.iter().enumerate().find_map(|(k, &(start, end))| {
        unit_end(text, end).map(|unit_end| (k, start, end, unit_end))
    });
    let Some((k, start, number_end, end)) = found else {
        return Err(fail(
            text,
            "no distance found: expected a number followed by a unit (m, km, mi, nmi or their names), e.g. \"more than 4,300 miles\"",
        ));
    };
    let unit_word = text[number_end..end].trim_start().trim_start_matches('-');
    let before = &text[..start];
    let previous = k
        .checked_sub(1)
        .map(|i| all[i])
        .map(|(s, e)| (s, e, with_unit(text, e)))
        .and_then(|(s, e, u)| join(&text[u..start]).map(|j| (j, s, e, u)));
    let next = all
        .get(k + 1)
        .and_then(|&(s, e)| join(&text[end..s]).map(|j| (j, s, e, with_unit(text, e))));
    let quoted = |from: usize, to: usize| text[from..to].trim().to_string();
    let own_unit = |s: usize, e: usize, u: usize| {
        if u > e {
            quoted(s, u)
        } else {
            format!("{} {unit_word}", &text[s..e])
        }
    };
    match (previous, next) {
        (Some((Join::SplitGroup, s, e, u)), _)
            if u == e
                && e - s <= 3
                && number_end - start == 3
                && text[s..e].bytes().all(|b| b.is_ascii_digit())
                && text[start..number_end].bytes().all(|b| b.is_ascii_digit()) =>
        {
            return Err(fail(
                text,
                format!(
                    "{:?} is malformed: a space after the comma splits the figure; write \"{},{} {unit_word}\" if it is one number",
                    quoted(s, end),
                    &text[s..e],
                    &text[start..number_end],
                ),
            ));
        }
        (Some((Join::Range, s, e, u)), _) => {
            return Err(range_error(
                text,
                &quoted(s, end),
                &own_unit(s, e, u),
                &quoted(start, end),
            ));
        }
        (_, Some((Join::Range, s, e, u))) => {
            return Err(range_error(
                text,
                &quoted(start, u),
                &quoted(start, end),
                &own_unit(s, e, u),
            ));
        }
        (Some((Join::Alternatives, s, e, u)), _) => {
            return Err(alternatives_error(
                text,
                &quoted(s, end),
                &own_unit(s, e, u),
                &quoted(start, end),
                before_quantifier(text, s),
            ));
        }
        (_, Some((Join::Alternatives, s, e, u))) => {
            return Err(alternatives_error(
                text,
                &quoted(start, u),
                &quoted(start, end),
                &own_unit(s, e, u),
                before_quantifier(text, start),
            ));
        }
        _ => {}
    }
    if before.ends_with(['-', '\u{2212}']) {
        return Err(fail(text, "a distance cannot be negative"));
    }
    if let Some(share) = share_of(before) {
        return Err(fail(
            text,
            format!(
                "a share of a distance ({:?}) is not a distance claim; state the distance itself",
                quoted(share, end)
            ),
        ));
    }
    let stated =
        StatedDistance::parse_with(&text[start..end], convention).map_err(|e| match e {
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

/// The wording of the quantifier in front of byte `start`, with a space, or "".
fn before_quantifier(text: &str, start: usize) -> String {
    Quantifier::ending(&text[..start]).map_or_else(String::new, |(_, w)| format!("{w} "))
}

/// A range is refused, quoting its ends.
fn range_error(text: &str, range: &str, low: &str, high: &str) -> Error {
    fail(
        text,
        format!(
            "a range of distances ({range:?}) is not supported; check each end as a claim of its own (\"at least {low}\", \"at most {high}\")"
        ),
    )
}

/// Alternatives are refused, quoting both.
fn alternatives_error(text: &str, both: &str, first: &str, second: &str, wording: String) -> Error {
    fail(
        text,
        format!(
            "two figures given as alternatives ({both:?}); check each as a claim of its own (\"{wording}{first}\", \"{wording}{second}\")"
        ),
    )
}

/// The value and resolution of the figure `text[start..end]` of a claim.
fn number(text: &str, start: usize, end: usize, convention: Convention) -> Result<(f64, f64)> {
    let figure = &text[start..end];
    read_number(figure, convention).map_err(|e| match e {
        NumberError::Ambiguous { grouped, decimal } => Error::AmbiguousNumber {
            text: figure.to_string(),
            separator: '.',
            grouped,
            decimal,
        },
        NumberError::Malformed(reason) => fail(text, reason),
    })
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
pub(crate) fn find_rate(text: &str, convention: Convention) -> Result<RatePhrase> {
    check_length(text)?;
    if text.trim().is_empty() {
        return Err(fail(
            text,
            "the text is empty; expected e.g. \"52 out of 80\", \"65%\" or \"more than half\"",
        ));
    }
    let starts = figures(text);
    // "N out of M", "N of (the) M"
    for &(start, end) in &starts {
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
        let (n, _) = number(text, start, end, convention)?;
        let (m, _) = number(text, total_start, total_end, convention)?;
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
    for &(start, end) in &starts {
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
        let (percent, resolution) = number(text, start, end, convention)?;
        if percent > 100.0 {
            return Err(fail(text, format!("{percent}% is more than 100%")));
        }
        let (quantifier, wording) = quantifier_around(text, start, figure_end)?;
        return Ok(RatePhrase {
            quantifier,
            wording,
            fraction: percent / 100.0,
            resolution: resolution / 100.0,
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
    use crate::distance::resolution_of;

    #[test]
    fn numbers_and_units() {
        let t = "the targets were more than 4,300 miles (6,920 km) from Ukraine";
        let p = find_distance(t, Convention::Unstated).unwrap();
        assert_eq!(p.quantifier, Quantifier::MoreThan);
        assert_eq!(p.stated.value(), 4300.0);
        assert_eq!(p.stated.unit(), Unit::Miles);
        assert_eq!(p.stated.text(), "4,300 miles");
        let p = find_distance("the roughly 620-mile front line", Convention::Unstated).unwrap();
        assert_eq!((p.quantifier, p.stated.value()), (Quantifier::About, 620.0));
        let p = find_distance("within 5 m", Convention::Unstated).unwrap();
        assert_eq!(p.stated.unit(), Unit::Metres);
        assert!(find_distance("5 million drones", Convention::Unstated).is_err());
        let p = find_distance("a 4,300 mile or so trip", Convention::Unstated).unwrap();
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
            let e = find_distance(t, Convention::Unstated).unwrap_err();
            assert!(
                e.report().to_string().contains("range"),
                "{t}: {}",
                e.report()
            );
        }
    }

    #[test]
    fn rates() {
        let r = find_rate("52 out of 80 drones were damaged", Convention::Unstated).unwrap();
        assert_eq!((r.fraction, r.quantifier), (0.65, Quantifier::Exactly));
        let r = find_rate("more than half of the drones", Convention::Unstated).unwrap();
        assert_eq!((r.fraction, r.quantifier), (0.5, Quantifier::MoreThan));
        let r = find_rate("about 65% of them", Convention::Unstated).unwrap();
        assert_eq!((r.fraction, r.resolution), (0.65, 0.01));
        let r = find_rate("nearly two-thirds", Convention::Unstated).unwrap();
        assert_eq!(r.quantifier, Quantifier::Nearly);
        let r = find_rate("41 of the 120 aircraft", Convention::Unstated).unwrap();
        assert_eq!(r.figure, "41 of the 120");
        assert!(find_rate("behalf of", Convention::Unstated).is_err());
        assert!(find_rate("90 of 80", Convention::Unstated).is_err());
        assert!(find_rate("1 of 0", Convention::Unstated).is_err());
    }

    #[test]
    fn scanning_figures_is_linear() {
        // Under the length limit of the public parsers, but the scan itself
        // must not copy the rest of the text for every figure (a fuzzer's
        // 128 KB of "1 " took 9.4 s that way).
        for unit in ["1 ", "1,", "1 000 ", "1."] {
            let text = unit.repeat(128 * 1024 / unit.len());
            let started = std::time::Instant::now();
            let found = figures(&text);
            assert!(!found.is_empty());
            let took = started.elapsed();
            assert!(
                took < std::time::Duration::from_secs(1),
                "{unit:?}: {took:?}"
            );
        }
    }

    #[test]
    fn resolutions() {
        assert_eq!(resolution_of("4300"), 100.0);
        assert_eq!(resolution_of("4.5"), 0.1);
        assert_eq!(resolution_of("0"), 1.0);
        assert_eq!(resolution_of("65"), 1.0);
    }
}
