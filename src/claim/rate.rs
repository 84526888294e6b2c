//! Rates: "52 of 80 drones damaged" is 65 %; [`RateClaim`]s compare a
//! stated rate with a count.
//!
//! A rate claim says something about a share: a percentage ("65 % of the
//! drones"), a fraction word ("more than half", "nearly two thirds") or a
//! count of a total ("52 out of 80"). It is checked against a
//! [`ClaimedCount`] with a total ("N out of M", e.g. another side's tally or
//! an independent count), whose rate N/M is exact:
//!
//! - the accepted band is the quantifier's (see [`Quantifier`]) around the
//!   stated rate, in fractions of 1;
//! - for [`About`](Quantifier::About) and [`Exactly`](Quantifier::Exactly)
//!   the band is widened by half a step of the count, 0.5/M, because a count
//!   out of M can only reach multiples of 1/M ("a third" of 41 is at best
//!   14/41 = 34.1 %);
//! - the uncertainty is the stated rounding of a percentage for threshold
//!   quantifiers: half its last significant digit, at most 5 % of it ("more
//!   than 65 %": 0.5 percentage points; "more than 60 %": half of 10 points,
//!   capped at 3); 0 for fraction words and counts, which are exact;
//! - the verdict rule is the distance rule ([`Verdict::decide`]), with
//!   margins in percentage points.

use serde::{Deserialize, Serialize};

use super::explain;
use super::phrase::{check_length, find_rate};
use super::quantifier::{Band, Quantifier};
use super::verdict::Verdict;
use crate::distance::Convention;
use crate::error::{Error, Reported, Result};
use crate::model::{ClaimedCount, Source};

/// A rate as stated: the fraction, its resolution and the words it was read
/// from.
///
/// ```
/// let r = strikemap::claim::StatedRate::new(0.65, 0.01)?;
/// assert_eq!(r.percent(), 65.0);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StatedRateFields")]
pub struct StatedRate {
    fraction: f64,
    resolution: f64,
    text: String,
}

/// The serde form of a [`StatedRate`], checked by [`StatedRate::new`]'s rules on the way in.
#[derive(Deserialize)]
struct StatedRateFields {
    fraction: f64,
    resolution: f64,
    text: String,
}

impl TryFrom<StatedRateFields> for StatedRate {
    type Error = Reported;
    fn try_from(f: StatedRateFields) -> Result<StatedRate, Reported> {
        let checked = StatedRate::new(f.fraction, f.resolution).map_err(Reported)?;
        Ok(StatedRate {
            text: f.text,
            ..checked
        })
    }
}

/// The serde form of a [`RateClaim`], checked on the way in: its rate by
/// [`StatedRate::new`]'s rules, its text by [`MAX_CLAIM_CHARS`](super::MAX_CLAIM_CHARS).
#[derive(Deserialize)]
struct RateClaimFields {
    text: String,
    quantifier: Quantifier,
    #[serde(default)]
    wording: String,
    stated: StatedRate,
    #[serde(default)]
    claimed_by: Option<String>,
    #[serde(default)]
    source: Source,
}

impl TryFrom<RateClaimFields> for RateClaim {
    type Error = Reported;
    fn try_from(f: RateClaimFields) -> Result<RateClaim, Reported> {
        check_length(&f.text).map_err(Reported)?;
        Ok(RateClaim {
            text: f.text,
            quantifier: f.quantifier,
            wording: f.wording,
            stated: f.stated,
            claimed_by: f.claimed_by,
            source: f.source,
        })
    }
}

impl StatedRate {
    /// A rate from a fraction (0 to 1) and the place value of its last
    /// significant digit as a fraction (0.01 for "65 %"; 0 for exact forms).
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if the fraction is outside [0, 1] or the
    /// resolution is negative or not finite.
    ///
    /// ```
    /// assert!(strikemap::claim::StatedRate::new(1.5, 0.0).is_err());
    /// ```
    pub fn new(fraction: f64, resolution: f64) -> Result<StatedRate> {
        if !(fraction.is_finite() && (0.0..=1.0).contains(&fraction)) {
            return Err(Error::InvalidNumber {
                field: "rate",
                value: fraction,
                expected: "a fraction from 0 to 1",
            });
        }
        if !(resolution.is_finite() && resolution >= 0.0) {
            return Err(Error::InvalidNumber {
                field: "resolution",
                value: resolution,
                expected: "a finite number, zero or more",
            });
        }
        Ok(StatedRate {
            fraction,
            resolution,
            text: format!("{}%", explain::percent_text(fraction * 100.0)),
        })
    }

    /// The rate as a fraction of 1.
    ///
    /// ```
    /// assert_eq!(strikemap::claim::StatedRate::new(0.65, 0.01)?.fraction(), 0.65);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn fraction(&self) -> f64 {
        self.fraction
    }

    /// The rate in per cent.
    ///
    /// ```
    /// approx::assert_relative_eq!(strikemap::claim::StatedRate::new(0.65, 0.01)?.percent(), 65.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn percent(&self) -> f64 {
        self.fraction * 100.0
    }

    /// The place value of the last significant digit, as a fraction of 1
    /// (0 for fraction words and counts).
    ///
    /// ```
    /// assert_eq!(strikemap::claim::StatedRate::new(0.5, 0.5)?.resolution(), 0.5);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub const fn resolution(&self) -> f64 {
        self.resolution
    }

    /// The words it was read from, e.g. `"65%"`, `"half"`, `"52 out of 80"`.
    ///
    /// ```
    /// assert!(!strikemap::claim::StatedRate::new(0.65, 0.01)?.text().is_empty());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// A claim about a share: "more than half of the drones were shot down",
/// "65 % were damaged", "52 out of 80 were damaged".
///
/// ```
/// use strikemap::{Verdict, claim::RateClaim, model::{ClaimedCount, CountKind}};
/// let tally = ClaimedCount::new(CountKind::Damaged, 52, "Ministry of Defence").out_of(80);
/// let v = RateClaim::parse("more than half of the drones were damaged")?.check(&tally)?;
/// assert_eq!(v.verdict, Verdict::Supported);
/// assert_eq!(v.rate, 0.65);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RateClaimFields")]
pub struct RateClaim {
    /// The text as quoted.
    pub text: String,
    /// What the claim says about the rate relative to the stated one.
    pub quantifier: Quantifier,
    /// The quantifier's wording as written, lower case; empty for a bare figure.
    #[serde(default)]
    pub wording: String,
    /// The stated rate.
    pub stated: StatedRate,
    /// Who made the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<String>,
    /// Where it was published.
    #[serde(default)]
    pub source: Source,
}

impl RateClaim {
    /// Reads a rate claim from text: "N out of M" / "N of (the) M", a
    /// percentage ("65%", "65 percent", "65 per cent") or a fraction word
    /// ("half", "a third", "two thirds", "a quarter", "three quarters"), with
    /// the quantifier in front of it (see [`Quantifier`]).
    ///
    /// # Errors
    /// [`Error::ClaimText`] quoting the text when it holds no rate, a count
    /// exceeds its total, a total is zero, or a percentage exceeds 100.
    ///
    /// ```
    /// use strikemap::{claim::{Quantifier, RateClaim}};
    /// let c = RateClaim::parse("nearly two thirds of the aircraft")?;
    /// assert_eq!(c.quantifier, Quantifier::Nearly);
    /// assert!(RateClaim::parse("many drones").is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<RateClaim> {
        RateClaim::parse_with(text, Convention::Unstated)
    }

    /// Reads a rate claim as [`RateClaim::parse`] does, with the numbers'
    /// separators read by the given [`Convention`] (see
    /// [`StatedDistance::parse`](crate::StatedDistance::parse)).
    ///
    /// # Errors
    /// As [`RateClaim::parse`].
    ///
    /// ```
    /// use strikemap::{claim::RateClaim, distance::Convention};
    /// let c = RateClaim::parse_with("about 62,5 % of the drones", Convention::DecimalComma)?;
    /// assert_eq!(c.stated.percent(), 62.5);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse_with(text: &str, convention: Convention) -> Result<RateClaim> {
        let phrase = find_rate(text, convention)?;
        Ok(RateClaim {
            text: text.to_string(),
            quantifier: phrase.quantifier,
            wording: phrase.wording,
            stated: StatedRate {
                fraction: phrase.fraction,
                resolution: phrase.resolution,
                text: phrase.figure,
            },
            claimed_by: None,
            source: Source::default(),
        })
    }

    /// The rate claim a count makes: "52 out of 80 damaged" claims exactly
    /// 52/80 = 65 %; to be checked against another count.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if the count has no total, a total of 0, or
    /// a count above its total.
    ///
    /// ```
    /// use strikemap::{Verdict, claim::RateClaim, model::{ClaimedCount, CountKind}};
    /// let russia = ClaimedCount::new(CountKind::Intercepted, 52, "Russia").out_of(80);
    /// let ukraine = ClaimedCount::new(CountKind::Intercepted, 13, "Ukraine").out_of(80);
    /// let v = RateClaim::from_count(&russia)?.check(&ukraine)?;
    /// assert_eq!(v.verdict, Verdict::NotSupported);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_count(count: &ClaimedCount) -> Result<RateClaim> {
        let (n, m) = count_and_total(count)?;
        Ok(RateClaim {
            text: format!("{n} out of {m} {}", count.kind.name()),
            quantifier: Quantifier::Exactly,
            wording: String::new(),
            stated: StatedRate {
                fraction: f64::from(n) / f64::from(m),
                resolution: 0.0,
                text: format!("{n} out of {m}"),
            },
            claimed_by: Some(count.claimed_by.clone()),
            source: Source::default(),
        })
    }

    /// Sets who made the claim.
    ///
    /// ```
    /// let c = strikemap::claim::RateClaim::parse("65%")?.with_claimed_by("AP");
    /// assert_eq!(c.claimed_by.as_deref(), Some("AP"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_claimed_by(mut self, who: impl Into<String>) -> RateClaim {
        self.claimed_by = Some(who.into());
        self
    }

    /// Sets the source.
    ///
    /// ```
    /// use strikemap::{Source, claim::RateClaim};
    /// assert_eq!(RateClaim::parse("65%")?.with_source(Source::new("AP")).source.title, "AP");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> RateClaim {
        self.source = source;
        self
    }

    /// The band of rates (fractions of 1) the claim accepts for a count out
    /// of `total` (see the module documentation).
    ///
    /// ```
    /// let b = strikemap::claim::RateClaim::parse("a third")?.band(41);
    /// assert!(b.contains(14.0 / 41.0));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn band(&self, total: u32) -> Band {
        let band = self
            .quantifier
            .band(self.stated.fraction, self.stated.resolution);
        if self.quantifier.is_threshold() || total == 0 {
            band
        } else {
            band.widened(0.5 / f64::from(total))
        }
    }

    /// Checks the claim against a count with a total.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if the count has no total, a total of 0, or
    /// a count above its total.
    ///
    /// ```
    /// use strikemap::{Verdict, claim::RateClaim, model::{ClaimedCount, CountKind}};
    /// let tally = ClaimedCount::new(CountKind::Damaged, 52, "MoD").out_of(80);
    /// assert_eq!(RateClaim::parse("about two thirds")?.check(&tally)?.verdict, Verdict::Supported);
    /// assert_eq!(RateClaim::parse("three quarters")?.check(&tally)?.verdict, Verdict::NotSupported);
    /// assert!(RateClaim::parse("65%")?.check(&ClaimedCount::new(CountKind::Damaged, 52, "MoD")).is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn check(&self, count: &ClaimedCount) -> Result<RateVerdict> {
        let (n, m) = count_and_total(count)?;
        let rate = f64::from(n) / f64::from(m);
        let band = self.band(m);
        let precision = self
            .quantifier
            .stated_precision(self.stated.fraction, self.stated.resolution);
        let margin = band.margin(rate);
        let satisfies = band.contains(rate);
        let verdict = Verdict::decide(margin, precision, satisfies);
        let mut v = RateVerdict {
            claim: self.clone(),
            verdict,
            evidence: count.clone(),
            rate,
            satisfies,
            margin_points: margin * 100.0,
            stated_precision_points: precision * 100.0,
            count_step_points: if self.quantifier.is_threshold() {
                0.0
            } else {
                50.0 / f64::from(m)
            },
            band,
            explanation: String::new(),
        };
        v.explanation = explain::rate(&v);
        Ok(v)
    }
}

/// N and M of an "N out of M" count, checked.
fn count_and_total(count: &ClaimedCount) -> Result<(u32, u32)> {
    match count.out_of {
        Some(m) if m > 0 && count.count <= m => Ok((count.count, m)),
        Some(m) if m > 0 => Err(Error::InvalidNumber {
            field: "count",
            value: f64::from(count.count),
            expected: "a count no larger than its total (N out of M with N ≤ M)",
        }),
        other => Err(Error::InvalidNumber {
            field: "out_of",
            value: f64::from(other.unwrap_or(0)),
            expected: "a total above zero (a count \"N out of M\")",
        }),
    }
}

/// The answer to a rate claim.
///
/// ```
/// use strikemap::{Verdict, claim::RateClaim, model::{ClaimedCount, CountKind}};
/// let tally = ClaimedCount::new(CountKind::Damaged, 52, "MoD").out_of(80);
/// let v = RateClaim::parse("65% of the drones were damaged")?.check(&tally)?;
/// assert_eq!(v.verdict, Verdict::Supported);
/// assert!(v.explanation.contains("52 out of 80"));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateVerdict {
    /// The claim as checked.
    pub claim: RateClaim,
    /// The verdict.
    pub verdict: Verdict,
    /// The count it was checked against.
    pub evidence: ClaimedCount,
    /// The count's rate N/M, a fraction of 1.
    pub rate: f64,
    /// Whether the rate lies in the accepted band (ignoring uncertainty).
    pub satisfies: bool,
    /// The signed distance to the nearest end of the band, in percentage
    /// points: positive inside.
    pub margin_points: f64,
    /// The stated rounding counted as uncertainty, in percentage points.
    pub stated_precision_points: f64,
    /// Half a step of the count (50/M percentage points) by which the band
    /// was widened, 0 for threshold quantifiers.
    pub count_step_points: f64,
    /// The accepted rates, fractions of 1.
    pub band: Band,
    /// A plain-language paragraph.
    pub explanation: String,
}
