//! What a review reports: [`Finding`]s with their [`Outcome`], in a
//! [`Review`].

use std::fmt;

use serde::{Serialize, Serializer, ser::SerializeStruct};

use crate::claim::{DistanceVerdict, Quantifier, RateVerdict, Verdict};

/// A range of characters (Unicode scalar values, as Python and most
/// editors count them) of the article: `start` inclusive, `end` exclusive.
/// Serialised as `[start, end]`.
///
/// ```
/// let review = strikemap::review::review("It is 300 km from Kyiv.", &Default::default())?;
/// let span = review.findings[0].span;
/// assert_eq!((span.start, span.end), (6, 22));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// The first character, counting from 0.
    pub start: usize,
    /// Just past the last character.
    pub end: usize,
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

/// What kind of claim a finding is.
///
/// ```
/// assert_eq!(strikemap::review::FindingKind::Distance.name(), "distance");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// A distance between places: "more than 4,300 miles from Ukraine".
    Distance,
    /// The length of a line: "the roughly 620-mile front line".
    Length,
    /// A number of things: "472 drones".
    Count,
    /// A part of a whole: "52 out of 80 drones", "a third of the fleet".
    Share,
    /// A place said to be in a country or region: "Belaya in Siberia".
    Place,
    /// A place said to be in a part of a country: "the north-eastern
    /// Ukrainian city of Kharkiv".
    Direction,
    /// A place said to be near another, with no distance: "Dyagilevo near
    /// Moscow".
    Near,
}

impl FindingKind {
    /// The snake-case name used in JSON.
    ///
    /// ```
    /// assert_eq!(strikemap::review::FindingKind::Near.name(), "near");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            FindingKind::Distance => "distance",
            FindingKind::Length => "length",
            FindingKind::Count => "count",
            FindingKind::Share => "share",
            FindingKind::Place => "place",
            FindingKind::Direction => "direction",
            FindingKind::Near => "near",
        }
    }
}

impl fmt::Display for FindingKind {
    /// The snake-case name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a finding cannot be checked.
///
/// ```
/// assert_eq!(strikemap::review::CannotCheck::NeedsSource.name(), "needs_source");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CannotCheck {
    /// A distance whose subjects the text does not name and no group word,
    /// `--subjects` mapping or scenario supplies.
    NoSubjects,
    /// A place or reference that neither the scenario nor the gazetteer
    /// knows (or the gazetteer finds ambiguous).
    UnknownPlace,
    /// A count or share with nothing in the article to check it against.
    NeedsSource,
    /// The length of the front line, or a distance to it, with no control
    /// map (`--control`) or front line in the scenario.
    NeedsControlMap,
    /// A figure that reads two ways ("4.300 km": 4,300 or 4.3).
    AmbiguousNumber,
    /// "near": no distance is stated.
    NoDistanceStated,
    /// A distance that says how far but not from where ("1,800 km deep
    /// inside Russia"), or a border whose other side is not named.
    NoReference,
    /// What the claim measures is not something strikemap measures (the
    /// length of a border between two countries).
    NotMeasured,
    /// The claim text could not be read as a claim (a range, two
    /// alternatives, two quantifiers); the reason says which.
    Unreadable,
}

impl CannotCheck {
    /// The snake-case name used in JSON.
    ///
    /// ```
    /// assert_eq!(strikemap::review::CannotCheck::NeedsControlMap.name(), "needs_control_map");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            CannotCheck::NoSubjects => "no_subjects",
            CannotCheck::UnknownPlace => "unknown_place",
            CannotCheck::NeedsSource => "needs_source",
            CannotCheck::NeedsControlMap => "needs_control_map",
            CannotCheck::AmbiguousNumber => "ambiguous_number",
            CannotCheck::NoDistanceStated => "no_distance_stated",
            CannotCheck::NoReference => "no_reference",
            CannotCheck::NotMeasured => "not_measured",
            CannotCheck::Unreadable => "unreadable",
        }
    }

    /// A few words for a table: "needs a source", "needs a control map".
    ///
    /// ```
    /// assert_eq!(strikemap::review::CannotCheck::NeedsSource.words(), "needs a source");
    /// ```
    pub const fn words(self) -> &'static str {
        match self {
            CannotCheck::NoSubjects => "no subjects named",
            CannotCheck::UnknownPlace => "unknown place",
            CannotCheck::NeedsSource => "needs a source",
            CannotCheck::NeedsControlMap => "needs a control map",
            CannotCheck::AmbiguousNumber => "ambiguous number",
            CannotCheck::NoDistanceStated => "no distance stated",
            CannotCheck::NoReference => "no reference named",
            CannotCheck::NotMeasured => "not measured",
            CannotCheck::Unreadable => "not readable as a claim",
        }
    }
}

/// The full check behind a verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Check {
    /// A distance or length claim, as `strikemap check` gives it.
    Distance(Box<DistanceVerdict>),
    /// A share stated beside a count pair, checked against the pair.
    Rate(Box<RateVerdict>),
    /// The internal consistency of counts: the part and the whole, or the
    /// parts and the total.
    Counts {
        /// The count or part, as read.
        part: f64,
        /// The whole, or the sum of the parts.
        whole: f64,
        /// Whether `part ≤ whole` (or the parts sum to at most the total).
        consistent: bool,
    },
    /// Where a place is: the country, admin-1 region and groups it lies in.
    Place {
        /// The place as resolved.
        place: String,
        /// Latitude, longitude in degrees (WGS84).
        position: [f64; 2],
        /// Where the place lies: its country.
        country: Option<String>,
        /// Its admin-1 region.
        region: Option<String>,
        /// What the text says it is in, as resolved.
        claimed: String,
        /// Whether it lies there.
        inside: bool,
    },
    /// A direction within a country (see [`direction`](crate::review#directions)).
    Direction {
        /// The place as resolved.
        place: String,
        /// The country.
        country: String,
        /// The country's centroid, latitude and longitude in degrees.
        centroid: [f64; 2],
        /// The WGS84 azimuth from the centroid to the place, degrees from north.
        bearing_deg: f64,
        /// The bearing the direction word names (`None` for "central").
        named_deg: Option<f64>,
        /// How far the bearing is from the named one, degrees.
        off_by_deg: Option<f64>,
        /// The place's distance from the centroid over the country's
        /// equivalent radius √(area/π).
        radius_fraction: f64,
    },
}

/// A finding's outcome: a verdict or why there is none.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Outcome {
    /// Checked.
    Checked {
        /// The verdict.
        verdict: Verdict,
        /// One line saying why.
        reason: String,
        /// The full check.
        check: Check,
    },
    /// Not checked.
    CannotCheck {
        /// Why, as a code.
        why: CannotCheck,
        /// One line saying why, and what would make it checkable.
        reason: String,
    },
}

impl Outcome {
    /// The verdict, if checked.
    ///
    /// ```
    /// let r = strikemap::review::review("Russia launched 472 drones.", &Default::default())?;
    /// assert_eq!(r.findings[0].outcome.verdict(), None);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn verdict(&self) -> Option<Verdict> {
        match self {
            Outcome::Checked { verdict, .. } => Some(*verdict),
            Outcome::CannotCheck { .. } => None,
        }
    }

    /// Why it could not be checked, if so.
    ///
    /// ```
    /// use strikemap::review::{CannotCheck, review};
    /// let r = review("Russia launched 472 drones.", &Default::default())?;
    /// assert_eq!(r.findings[0].outcome.cannot_check(), Some(CannotCheck::NeedsSource));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn cannot_check(&self) -> Option<CannotCheck> {
        match self {
            Outcome::Checked { .. } => None,
            Outcome::CannotCheck { why, .. } => Some(*why),
        }
    }

    /// The one-line reason.
    ///
    /// ```
    /// let r = strikemap::review::review("Russia launched 472 drones.", &Default::default())?;
    /// assert!(r.findings[0].outcome.reason().contains("source"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn reason(&self) -> &str {
        match self {
            Outcome::Checked { reason, .. } | Outcome::CannotCheck { reason, .. } => reason,
        }
    }

    /// A few words: the verdict ("not supported") or the reason code's words
    /// ("cannot check: needs a source").
    ///
    /// ```
    /// let r = strikemap::review::review("Russia launched 472 drones.", &Default::default())?;
    /// assert_eq!(r.findings[0].outcome.label(), "cannot check: needs a source");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn label(&self) -> String {
        match self {
            Outcome::Checked { verdict, .. } => verdict.words().to_string(),
            Outcome::CannotCheck { why, .. } => format!("cannot check: {}", why.words()),
        }
    }
}

/// One checkable claim found in an article.
///
/// Serialised with the keys `sentence`, `sentence_span`, `span`, `kind`,
/// `text`, `figure`, `quantifier`, `subjects`, `reference` (each `null` when
/// the claim has none), then either `verdict` (`supported`, `not_supported`,
/// `borderline`), `reason` and `check` (the full check), or `cannot_check`
/// (a [`CannotCheck`] code) and `reason`.
///
/// ```
/// let r = strikemap::review::review("Kharkiv is about 410 km from Kyiv.", &Default::default())?;
/// let json = serde_json::to_value(&r.findings[0]).unwrap();
/// assert_eq!(json["kind"], "distance");
/// assert_eq!(json["text"], "about 410 km from Kyiv");
/// assert_eq!(json["verdict"], "supported");
/// assert_eq!(json["check"]["subjects"][0]["name"], "Kharkiv");
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The sentence it is in, as written.
    pub sentence: String,
    /// Where the sentence is in the article.
    pub sentence_span: Span,
    /// Where the claim is in the article.
    pub span: Span,
    /// What kind of claim.
    pub kind: FindingKind,
    /// The claim as written (the article's text at `span`).
    pub text: String,
    /// The figure and unit, or the place or direction word, as written.
    pub figure: String,
    /// The quantifier, for figures.
    pub quantifier: Option<Quantifier>,
    /// The subjects as written ("the targets"), for distances and places.
    pub subjects: Option<String>,
    /// What it is measured from or said to be in, as written ("Ukraine").
    pub reference: Option<String>,
    /// The verdict or why there is none.
    pub outcome: Outcome,
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Finding", 12)?;
        m.serialize_field("sentence", &self.sentence)?;
        m.serialize_field("sentence_span", &self.sentence_span)?;
        m.serialize_field("span", &self.span)?;
        m.serialize_field("kind", &self.kind)?;
        m.serialize_field("text", &self.text)?;
        m.serialize_field("figure", &self.figure)?;
        m.serialize_field("quantifier", &self.quantifier)?;
        m.serialize_field("subjects", &self.subjects)?;
        m.serialize_field("reference", &self.reference)?;
        match &self.outcome {
            Outcome::Checked {
                verdict,
                reason,
                check,
            } => {
                m.serialize_field("verdict", verdict)?;
                m.serialize_field("reason", reason)?;
                m.serialize_field("check", check)?;
            }
            Outcome::CannotCheck { why, reason } => {
                m.serialize_field("cannot_check", why)?;
                m.serialize_field("reason", reason)?;
            }
        }
        m.end()
    }
}

/// Counts of findings by outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Tally {
    /// Findings in all.
    pub findings: usize,
    /// Supported.
    pub supported: usize,
    /// Not supported.
    pub not_supported: usize,
    /// Borderline.
    pub borderline: usize,
    /// Not checked.
    pub cannot_check: usize,
}

/// One sentence: "14 claims found: 6 supported, 2 not supported, 1
/// borderline, 5 not checkable."
///
/// ```
/// let r = strikemap::review::review("Russia launched 472 drones.", &Default::default())?;
/// assert_eq!(
///     r.tally().to_string(),
///     "1 claims found: 0 supported, 0 not supported, 0 borderline, 1 not checkable."
/// );
/// # Ok::<(), strikemap::Error>(())
/// ```
impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} claims found: {} supported, {} not supported, {} borderline, {} not checkable.",
            self.findings, self.supported, self.not_supported, self.borderline, self.cannot_check
        )
    }
}

/// The review of an article: every finding in article order.
///
/// Serialised as `{"findings": [...], "tally": {...}}` (the article itself
/// is not repeated).
///
/// ```
/// use strikemap::review::review;
/// let r = review("Russia launched 472 drones. Kharkiv is about 410 km from Kyiv.", &Default::default())?;
/// assert_eq!(r.findings.len(), 2);
/// assert_eq!((r.tally().supported, r.tally().cannot_check), (1, 1));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// The article as given.
    pub article: String,
    /// Every finding, in article order.
    pub findings: Vec<Finding>,
}

impl Review {
    /// Counts of findings by outcome.
    ///
    /// ```
    /// let r = strikemap::review::review("No figures here.", &Default::default())?;
    /// assert_eq!(r.tally().findings, 0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn tally(&self) -> Tally {
        let mut t = Tally {
            findings: self.findings.len(),
            ..Tally::default()
        };
        for f in &self.findings {
            match f.outcome.verdict() {
                Some(Verdict::Supported) => t.supported += 1,
                Some(Verdict::NotSupported) => t.not_supported += 1,
                Some(Verdict::Borderline) => t.borderline += 1,
                None => t.cannot_check += 1,
            }
        }
        t
    }
}

impl Serialize for Review {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Review", 2)?;
        m.serialize_field("findings", &self.findings)?;
        m.serialize_field("tally", &self.tally())?;
        m.end()
    }
}
