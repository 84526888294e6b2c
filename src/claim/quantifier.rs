//! [`Quantifier`]: the words in front of a figure ("more than", "roughly",
//! "up to") and the [`Band`] of values each one accepts.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How far either side of the figure "about" (and "roughly", "some",
/// "around", ...) reaches at least: 5 % of the figure.
///
/// A fact-checker's reading of "roughly 620 miles" is "somewhere near 600 to
/// 650 miles", i.e. a few per cent; 5 % is the usual rounding journalists apply
/// when they say "about" (a rounder figure widens it, see
/// [`Quantifier::band`]).
pub const ABOUT_FRACTION: f64 = 0.05;

/// How far below the figure "nearly" (and "almost", "just under") reaches,
/// and how far above it "just over" reaches: 10 % of the figure.
pub const NEARLY_FRACTION: f64 = 0.10;

/// The cap on the stated rounding, as a fraction of the figure: half the
/// last significant digit, but never more than 5 % of the figure.
///
/// A round figure such as "1,000 km" has a resolution of 1,000 (the place
/// value of its only significant digit); reading it as "anything from 500
/// to 1,500 km" would be absurd, so the rounding is capped.
pub const ROUNDING_CAP_FRACTION: f64 = 0.05;

/// What a claim says about a measured value relative to its stated figure.
///
/// Each quantifier accepts a [`Band`] of values around the stated figure X
/// with resolution r (the place value of the last significant digit: 100 for
/// "4,300", 10 for "620"). The stated rounding is h = min(r/2, 5 % of X).
///
/// | quantifier | written as | accepted values | stated rounding in the uncertainty budget |
/// | --- | --- | --- | --- |
/// | [`MoreThan`](Quantifier::MoreThan) | more than, over, beyond, above, in excess of, exceeding, upwards of, greater/farther/further/longer than | value > X | h |
/// | [`AtLeast`](Quantifier::AtLeast) | at least, no less than, not less than, no fewer than, a minimum of, X or more | value ≥ X | h |
/// | [`LessThan`](Quantifier::LessThan) | less than, under, below, fewer/shorter/closer/nearer than | value < X | h |
/// | [`AtMost`](Quantifier::AtMost) | at most, up to, within, no more than, not more than, a maximum of, no farther/further than, X or less | value ≤ X | h |
/// | [`JustOver`](Quantifier::JustOver) | just over, just more than, slightly more than, a little over, a little more than, just beyond | X < value ≤ 1.1 X | h |
/// | [`Nearly`](Quantifier::Nearly) | nearly, almost, close to, just under, just short of, just shy of, just less than, slightly less than, not quite | 0.9 X ≤ value ≤ X | h |
/// | [`About`](Quantifier::About) | about, roughly, some, around, approximately, approx., circa, ca., an estimated, estimated, more or less, ~, ≈, X or so | X − t ≤ value ≤ X + t, t = max(5 % of X, min(r, 10 % of X)) | 0 (inside t) |
/// | [`Exactly`](Quantifier::Exactly) | a bare figure, exactly, precisely | X − h ≤ value ≤ X + h | 0 (inside h) |
///
/// So "roughly 620 miles" accepts 589–651 miles, "about 1,000 kilometres"
/// 900–1,100 km, "some 40 miles" 36–44 miles, a bare "4,300 miles"
/// 4,250–4,350 miles, and "nearly 500 km" 450–500 km.
///
/// ```
/// use strikemap::claim::Quantifier;
/// assert_eq!("over".parse::<Quantifier>()?, Quantifier::MoreThan);
/// assert_eq!("Up to".parse::<Quantifier>()?, Quantifier::AtMost);
/// let band = Quantifier::About.band(620.0, 10.0);
/// assert!(band.contains(600.0) && band.contains(640.0) && !band.contains(660.0));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantifier {
    /// Strictly more than the figure.
    MoreThan,
    /// The figure or more.
    AtLeast,
    /// Strictly less than the figure.
    LessThan,
    /// The figure or less ("up to", "within").
    AtMost,
    /// More than the figure, but by no more than 10 %.
    JustOver,
    /// The figure or a little less, down to 90 % of it.
    Nearly,
    /// Near the figure: within 5 % of it, or its rounding if coarser.
    About,
    /// The figure, to the precision it is stated with (a bare figure).
    Exactly,
}

/// Every recognised wording, lower case, with its quantifier. Longer
/// wordings are tried before shorter ones ("no more than" before "more
/// than", "just under" before "under").
const WORDINGS: &[(&str, Quantifier)] = &[
    ("more than", Quantifier::MoreThan),
    ("over", Quantifier::MoreThan),
    ("beyond", Quantifier::MoreThan),
    ("above", Quantifier::MoreThan),
    ("in excess of", Quantifier::MoreThan),
    ("exceeding", Quantifier::MoreThan),
    ("upwards of", Quantifier::MoreThan),
    ("greater than", Quantifier::MoreThan),
    ("farther than", Quantifier::MoreThan),
    ("further than", Quantifier::MoreThan),
    ("longer than", Quantifier::MoreThan),
    ("at least", Quantifier::AtLeast),
    ("no less than", Quantifier::AtLeast),
    ("not less than", Quantifier::AtLeast),
    ("no fewer than", Quantifier::AtLeast),
    ("a minimum of", Quantifier::AtLeast),
    ("less than", Quantifier::LessThan),
    ("under", Quantifier::LessThan),
    ("below", Quantifier::LessThan),
    ("fewer than", Quantifier::LessThan),
    ("shorter than", Quantifier::LessThan),
    ("closer than", Quantifier::LessThan),
    ("nearer than", Quantifier::LessThan),
    ("at most", Quantifier::AtMost),
    ("up to", Quantifier::AtMost),
    ("within", Quantifier::AtMost),
    ("no more than", Quantifier::AtMost),
    ("not more than", Quantifier::AtMost),
    ("a maximum of", Quantifier::AtMost),
    ("no farther than", Quantifier::AtMost),
    ("no further than", Quantifier::AtMost),
    ("just over", Quantifier::JustOver),
    ("just more than", Quantifier::JustOver),
    ("slightly more than", Quantifier::JustOver),
    ("a little over", Quantifier::JustOver),
    ("a little more than", Quantifier::JustOver),
    ("just beyond", Quantifier::JustOver),
    ("nearly", Quantifier::Nearly),
    ("almost", Quantifier::Nearly),
    ("close to", Quantifier::Nearly),
    ("just under", Quantifier::Nearly),
    ("just short of", Quantifier::Nearly),
    ("just shy of", Quantifier::Nearly),
    ("just less than", Quantifier::Nearly),
    ("slightly less than", Quantifier::Nearly),
    ("not quite", Quantifier::Nearly),
    ("about", Quantifier::About),
    ("roughly", Quantifier::About),
    ("some", Quantifier::About),
    ("around", Quantifier::About),
    ("approximately", Quantifier::About),
    ("approx.", Quantifier::About),
    ("approx", Quantifier::About),
    ("circa", Quantifier::About),
    ("ca.", Quantifier::About),
    ("an estimated", Quantifier::About),
    ("estimated", Quantifier::About),
    ("more or less", Quantifier::About),
    ("~", Quantifier::About),
    ("≈", Quantifier::About),
    ("exactly", Quantifier::Exactly),
    ("precisely", Quantifier::Exactly),
];

/// Wordings that follow the figure and its unit ("4,300 miles or more").
const SUFFIX_WORDINGS: &[(&str, Quantifier)] = &[
    ("or more", Quantifier::AtLeast),
    ("or longer", Quantifier::AtLeast),
    ("or farther", Quantifier::AtLeast),
    ("or further", Quantifier::AtLeast),
    ("or less", Quantifier::AtMost),
    ("or fewer", Quantifier::AtMost),
    ("or shorter", Quantifier::AtMost),
    ("or closer", Quantifier::AtMost),
    ("or so", Quantifier::About),
];

impl Quantifier {
    /// Every quantifier.
    pub const ALL: [Quantifier; 8] = [
        Quantifier::MoreThan,
        Quantifier::AtLeast,
        Quantifier::LessThan,
        Quantifier::AtMost,
        Quantifier::JustOver,
        Quantifier::Nearly,
        Quantifier::About,
        Quantifier::Exactly,
    ];

    /// The snake-case name used in JSON: `more_than`, `at_least`, ...
    ///
    /// ```
    /// assert_eq!(strikemap::claim::Quantifier::AtMost.name(), "at_most");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Quantifier::MoreThan => "more_than",
            Quantifier::AtLeast => "at_least",
            Quantifier::LessThan => "less_than",
            Quantifier::AtMost => "at_most",
            Quantifier::JustOver => "just_over",
            Quantifier::Nearly => "nearly",
            Quantifier::About => "about",
            Quantifier::Exactly => "exactly",
        }
    }

    /// The canonical English wording, for explanations: `more than`, `at
    /// least`, `less than`, `at most`, `just over`, `nearly`, `about`,
    /// `exactly`.
    ///
    /// ```
    /// assert_eq!(strikemap::claim::Quantifier::MoreThan.phrase(), "more than");
    /// ```
    pub const fn phrase(self) -> &'static str {
        match self {
            Quantifier::MoreThan => "more than",
            Quantifier::AtLeast => "at least",
            Quantifier::LessThan => "less than",
            Quantifier::AtMost => "at most",
            Quantifier::JustOver => "just over",
            Quantifier::Nearly => "nearly",
            Quantifier::About => "about",
            Quantifier::Exactly => "exactly",
        }
    }

    /// The wordings recognised for this quantifier in front of a figure,
    /// lower case ([`Quantifier::Exactly`] is also what a bare figure means).
    ///
    /// ```
    /// use strikemap::claim::Quantifier;
    /// assert!(Quantifier::About.wordings().contains(&"roughly"));
    /// assert!(Quantifier::AtMost.wordings().contains(&"within"));
    /// ```
    pub fn wordings(self) -> Vec<&'static str> {
        WORDINGS
            .iter()
            .filter(|(_, q)| *q == self)
            .map(|(w, _)| *w)
            .collect()
    }

    /// Whether the quantifier compares against a threshold (its accepted
    /// values are bounded by the stated figure itself, so the speaker's
    /// rounding counts in the uncertainty budget) rather than a band whose
    /// width already contains the rounding ([`About`](Quantifier::About),
    /// [`Exactly`](Quantifier::Exactly)).
    ///
    /// ```
    /// use strikemap::claim::Quantifier;
    /// assert!(Quantifier::MoreThan.is_threshold());
    /// assert!(!Quantifier::About.is_threshold());
    /// ```
    pub const fn is_threshold(self) -> bool {
        !matches!(self, Quantifier::About | Quantifier::Exactly)
    }

    /// The values a claim "quantifier X" accepts, for a figure `value` stated
    /// with `resolution` (the place value of its last significant digit, see
    /// [`StatedDistance::resolution`](crate::StatedDistance::resolution)),
    /// both in the stated unit; the band is in that unit too. See the table
    /// on [`Quantifier`].
    ///
    /// ```
    /// use strikemap::claim::Quantifier;
    /// let more = Quantifier::MoreThan.band(4300.0, 100.0);
    /// assert!(!more.contains(4300.0) && more.contains(4300.5));
    /// let about = Quantifier::About.band(1000.0, 1000.0); // "about 1,000 km"
    /// assert_eq!((about.low.unwrap().value, about.high.unwrap().value), (900.0, 1100.0));
    /// let bare = Quantifier::Exactly.band(4300.0, 100.0); // "4,300 miles"
    /// assert_eq!((bare.low.unwrap().value, bare.high.unwrap().value), (4250.0, 4350.0));
    /// ```
    pub fn band(self, value: f64, resolution: f64) -> Band {
        let h = rounding(value, resolution);
        let bound = |value: f64, inclusive: bool| Some(Bound { value, inclusive });
        match self {
            Quantifier::MoreThan => Band::new(bound(value, false), None),
            Quantifier::AtLeast => Band::new(bound(value, true), None),
            Quantifier::LessThan => Band::new(None, bound(value, false)),
            Quantifier::AtMost => Band::new(None, bound(value, true)),
            Quantifier::JustOver => Band::new(
                bound(value, false),
                bound(value * (1.0 + NEARLY_FRACTION), true),
            ),
            Quantifier::Nearly => Band::new(
                bound(value * (1.0 - NEARLY_FRACTION), true),
                bound(value, true),
            ),
            Quantifier::About => {
                let step = resolution
                    .max(0.0)
                    .min(2.0 * ROUNDING_CAP_FRACTION * value.abs());
                let t = (ABOUT_FRACTION * value.abs()).max(step);
                Band::new(bound(value - t, true), bound(value + t, true))
            }
            Quantifier::Exactly => Band::new(bound(value - h, true), bound(value + h, true)),
        }
    }

    /// The part of the uncertainty budget that comes from the figure's
    /// stated precision, in the stated unit: the stated rounding
    /// h = min(resolution/2, 5 % of the figure) for threshold quantifiers, 0
    /// for [`About`](Quantifier::About) and [`Exactly`](Quantifier::Exactly),
    /// whose bands already contain it.
    ///
    /// ```
    /// use strikemap::claim::Quantifier;
    /// assert_eq!(Quantifier::MoreThan.stated_precision(4300.0, 100.0), 50.0);
    /// assert_eq!(Quantifier::MoreThan.stated_precision(1000.0, 1000.0), 50.0); // capped at 5 %
    /// assert_eq!(Quantifier::About.stated_precision(620.0, 10.0), 0.0);
    /// ```
    pub fn stated_precision(self, value: f64, resolution: f64) -> f64 {
        if self.is_threshold() {
            rounding(value, resolution)
        } else {
            0.0
        }
    }

    /// Reads a wording that follows a figure (`"or more"`, `"or less"`,
    /// `"or so"`), case-insensitive.
    pub(crate) fn from_suffix(words: &str) -> Option<(Quantifier, &'static str)> {
        let key = collapse(words);
        SUFFIX_WORDINGS
            .iter()
            .find(|(w, _)| *w == key)
            .map(|(w, q)| (*q, *w))
    }

    /// The longest wording at the end of `before` (the text in front of a
    /// figure), on a word boundary, with the quantifier it means.
    pub(crate) fn ending(before: &str) -> Option<(Quantifier, &'static str)> {
        let text = collapse(before);
        WORDINGS
            .iter()
            .filter(|(w, _)| {
                text.strip_suffix(w).is_some_and(|head| {
                    head.is_empty()
                        || !w.starts_with(char::is_alphanumeric)
                        || !head.ends_with(char::is_alphanumeric)
                })
            })
            .max_by_key(|(w, _)| w.len())
            .map(|(w, q)| (*q, *w))
    }

    /// The suffix wordings, for [`ending`](Quantifier::ending)'s sibling in
    /// the phrase parser.
    pub(crate) fn suffix_wordings() -> impl Iterator<Item = &'static str> {
        SUFFIX_WORDINGS.iter().map(|(w, _)| *w)
    }
}

/// Lower case, runs of white space folded to one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The stated rounding h = min(resolution/2, 5 % of |value|), in the stated unit.
pub(crate) fn rounding(value: f64, resolution: f64) -> f64 {
    (resolution.max(0.0) / 2.0).min(ROUNDING_CAP_FRACTION * value.abs())
}

impl fmt::Display for Quantifier {
    /// Prints the canonical wording, e.g. `more than`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.phrase())
    }
}

impl FromStr for Quantifier {
    type Err = Error;

    /// Reads a wording in front of a figure (`"more than"`, `"Over"`,
    /// `"roughly"`, `"up to"`, ...) or a snake-case name (`"more_than"`).
    ///
    /// # Errors
    /// [`Error::ClaimText`] quoting the text when it is no known wording.
    fn from_str(s: &str) -> Result<Quantifier> {
        let key = collapse(s);
        WORDINGS
            .iter()
            .find(|(w, _)| *w == key)
            .map(|(_, q)| *q)
            .or_else(|| Quantifier::ALL.into_iter().find(|q| q.name() == key))
            .ok_or_else(|| Error::ClaimText {
                text: s.to_string(),
                reason: "not a known quantifier (e.g. \"more than\", \"about\", \"up to\")".into(),
            })
    }
}

/// One end of a [`Band`].
///
/// ```
/// let b = strikemap::claim::Bound { value: 4300.0, inclusive: false };
/// assert!(!b.inclusive);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bound {
    /// Where the band ends, in the unit of the band.
    pub value: f64,
    /// Whether a value exactly at the end is accepted.
    pub inclusive: bool,
}

/// The values a [`Quantifier`] accepts: an interval open on either side
/// when a bound is missing.
///
/// ```
/// use strikemap::claim::Quantifier;
/// let within = Quantifier::AtMost.band(300.0, 100.0);
/// assert!(within.contains(300.0));
/// assert_eq!(within.margin(250.0), 50.0);
/// assert_eq!(within.margin(320.0), -20.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// The lower end, if there is one.
    pub low: Option<Bound>,
    /// The upper end, if there is one.
    pub high: Option<Bound>,
}

impl Band {
    /// A band between two optional bounds.
    ///
    /// ```
    /// use strikemap::{claim::{Band, Bound}};
    /// let b = Band::new(Some(Bound { value: 1.0, inclusive: true }), None);
    /// assert!(b.contains(1.0));
    /// ```
    pub const fn new(low: Option<Bound>, high: Option<Bound>) -> Band {
        Band { low, high }
    }

    /// Whether `value` is accepted (bounds honour their inclusiveness).
    ///
    /// ```
    /// use strikemap::claim::Quantifier;
    /// assert!(Quantifier::AtLeast.band(10.0, 1.0).contains(10.0));
    /// assert!(!Quantifier::MoreThan.band(10.0, 1.0).contains(10.0));
    /// ```
    pub fn contains(&self, value: f64) -> bool {
        let above_low = self.low.is_none_or(|b| {
            if b.inclusive {
                value >= b.value
            } else {
                value > b.value
            }
        });
        let below_high = self.high.is_none_or(|b| {
            if b.inclusive {
                value <= b.value
            } else {
                value < b.value
            }
        });
        above_low && below_high
    }

    /// The signed distance from `value` to the nearest end of the band:
    /// positive inside, negative outside, 0 on an end (in the band's unit).
    ///
    /// ```
    /// use strikemap::claim::Quantifier;
    /// let more = Quantifier::MoreThan.band(4300.0, 100.0);
    /// assert_eq!(more.margin(3659.0), -641.0);
    /// ```
    pub fn margin(&self, value: f64) -> f64 {
        let from_low = self.low.map_or(f64::INFINITY, |b| value - b.value);
        let from_high = self.high.map_or(f64::INFINITY, |b| b.value - value);
        from_low.min(from_high)
    }

    /// The band with both ends multiplied by `factor` (a unit conversion).
    ///
    /// ```
    /// use strikemap::claim::Quantifier;
    /// let km = Quantifier::AtMost.band(300.0, 100.0).scaled(1000.0);
    /// assert_eq!(km.high.unwrap().value, 300_000.0);
    /// ```
    #[must_use]
    pub fn scaled(&self, factor: f64) -> Band {
        let scale = |b: Bound| Bound {
            value: b.value * factor,
            inclusive: b.inclusive,
        };
        Band::new(self.low.map(scale), self.high.map(scale))
    }

    /// The band with both existing ends moved outwards by `by`.
    ///
    /// ```
    /// use strikemap::claim::Quantifier;
    /// let b = Quantifier::Exactly.band(0.5, 0.0).widened(0.01);
    /// assert!(b.contains(0.51) && !b.contains(0.52));
    /// ```
    #[must_use]
    pub fn widened(&self, by: f64) -> Band {
        Band::new(
            self.low.map(|b| Bound {
                value: b.value - by,
                ..b
            }),
            self.high.map(|b| Bound {
                value: b.value + by,
                ..b
            }),
        )
    }

    /// The band as it applies to lengths, which are never negative: `None`
    /// when no length (zero or more) lies in it ("less than 0 m", "just
    /// over 0 km"); otherwise the band without a lower end that every length
    /// passes ("at least 0 m", the 0 of "nearly 0 km").
    pub(crate) fn for_lengths(&self) -> Option<Band> {
        if let Some(h) = self.high
            && (h.value < 0.0 || (h.value == 0.0 && !h.inclusive))
        {
            return None;
        }
        if let (Some(l), Some(h)) = (self.low, self.high)
            && (l.value > h.value || (l.value == h.value && !(l.inclusive && h.inclusive)))
        {
            return None;
        }
        let low = self
            .low
            .filter(|l| l.value > 0.0 || (l.value == 0.0 && !l.inclusive));
        Some(Band::new(low, self.high))
    }

    /// Whether `value` lies below the band (short of its lower end).
    pub(crate) fn is_below(&self, value: f64) -> bool {
        self.low.is_some_and(|b| value < b.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_wording_wins() {
        assert_eq!(
            Quantifier::ending("the targets were no more than"),
            Some((Quantifier::AtMost, "no more than"))
        );
        assert_eq!(
            Quantifier::ending("just under"),
            Some((Quantifier::Nearly, "just under"))
        );
        assert_eq!(
            Quantifier::ending("a little over"),
            Some((Quantifier::JustOver, "a little over"))
        );
        assert_eq!(Quantifier::ending("handsome"), None);
        assert_eq!(Quantifier::ending("the"), None);
        assert_eq!(Quantifier::ending("~"), Some((Quantifier::About, "~")));
        assert_eq!(Quantifier::ending("was~"), Some((Quantifier::About, "~")));
    }

    #[test]
    fn bands_match_the_table() {
        let about = Quantifier::About.band(620.0, 10.0);
        assert_eq!(about.low.unwrap().value, 589.0);
        assert_eq!(about.high.unwrap().value, 651.0);
        let some = Quantifier::About.band(40.0, 10.0);
        assert_eq!(
            (some.low.unwrap().value, some.high.unwrap().value),
            (36.0, 44.0)
        );
        let nearly = Quantifier::Nearly.band(500.0, 100.0);
        assert_eq!(
            (nearly.low.unwrap().value, nearly.high.unwrap().value),
            (450.0, 500.0)
        );
        let over = Quantifier::JustOver.band(100.0, 100.0);
        assert!(!over.contains(100.0) && over.contains(110.0) && !over.contains(110.1));
    }

    #[test]
    fn every_wording_reads_back() {
        for (w, q) in WORDINGS {
            assert_eq!(w.parse::<Quantifier>().unwrap(), *q, "{w}");
            assert_eq!(Quantifier::ending(w), Some((*q, *w)), "{w}");
        }
        for q in Quantifier::ALL {
            assert_eq!(q.name().parse::<Quantifier>().unwrap(), q);
        }
        assert!("furlong".parse::<Quantifier>().is_err());
    }
}
