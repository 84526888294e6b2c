//! The claim types: [`DistanceClaim`], [`LengthClaim`], and [`Claim`] that
//! holds any of them (with [`RateClaim`]).

use serde::{Deserialize, Serialize};

use super::check;
use super::options::CheckOptions;
use super::phrase::{check_length, find_distance};
use super::quantifier::Quantifier;
use super::rate::RateClaim;
use super::reference::Reference;
use super::subject::Subject;
use super::verdict::{DistanceVerdict, Reading};
use crate::countries;
use crate::distance::{Convention, StatedDistance};
use crate::error::{Error, Reported, Result};
use crate::model::{Catalog, FrontLine, Place, Source, TargetRef};

/// A claim about the distance between subjects and a reference: "the
/// targets were more than 4,300 miles from Ukraine".
///
/// It keeps the quoted text, the quantifier and figure read from it, the
/// reading it states (every subject, unless set), the names of its subjects
/// and reference (to check it against a [`Catalog`]), who said it and the
/// source.
///
/// ```
/// use strikemap::{DistanceClaim, Source, Unit, claim::Quantifier};
/// let c = DistanceClaim::parse("the targets were more than 4,300 miles from Ukraine")?
///     .with_subjects(["Olenya", "Belaya", "Dyagilevo", "Ivanovo Severny", "Ukrainka"])
///     .with_reference("Ukraine")
///     .with_claimed_by("a news report")
///     .with_source(Source::new("a news report of 2 June 2025"));
/// assert_eq!(c.quantifier, Quantifier::MoreThan);
/// assert_eq!((c.stated.value(), c.stated.unit()), (4300.0, Unit::Miles));
/// assert_eq!(c.wording, "more than");
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "DistanceClaimFields")]
pub struct DistanceClaim {
    /// The text as quoted.
    pub text: String,
    /// What the claim says about the distance relative to the figure.
    pub quantifier: Quantifier,
    /// The quantifier's wording as written, lower case (`"over"`,
    /// `"within"`); empty for a bare figure.
    #[serde(default)]
    pub wording: String,
    /// The figure, its unit and precision.
    pub stated: StatedDistance,
    /// The reading the sentence states (every subject unless set).
    #[serde(default)]
    pub reading: Reading,
    /// The names of the subjects, for [`DistanceClaim::check_in`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// The name of the reference, for [`DistanceClaim::check_in`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Who made the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<String>,
    /// Where it was published.
    #[serde(default)]
    pub source: Source,
}

/// The serde form of a [`DistanceClaim`], checked on the way in: its
/// figure by [`StatedDistance::new`]'s rules, its text by
/// [`MAX_CLAIM_CHARS`](super::MAX_CLAIM_CHARS).
#[derive(Deserialize)]
struct DistanceClaimFields {
    text: String,
    quantifier: Quantifier,
    #[serde(default)]
    wording: String,
    stated: StatedDistance,
    #[serde(default)]
    reading: Reading,
    #[serde(default)]
    subjects: Vec<String>,
    #[serde(default)]
    reference: Option<String>,
    #[serde(default)]
    claimed_by: Option<String>,
    #[serde(default)]
    source: Source,
}

impl TryFrom<DistanceClaimFields> for DistanceClaim {
    type Error = Reported;
    fn try_from(f: DistanceClaimFields) -> Result<DistanceClaim, Reported> {
        check_length(&f.text).map_err(Reported)?;
        Ok(DistanceClaim {
            text: f.text,
            quantifier: f.quantifier,
            wording: f.wording,
            stated: f.stated,
            reading: f.reading,
            subjects: f.subjects,
            reference: f.reference,
            claimed_by: f.claimed_by,
            source: f.source,
        })
    }
}

/// The serde form of a [`LengthClaim`], checked as [`DistanceClaimFields`].
#[derive(Deserialize)]
struct LengthClaimFields {
    text: String,
    quantifier: Quantifier,
    #[serde(default)]
    wording: String,
    stated: StatedDistance,
    #[serde(default)]
    line: Option<String>,
    #[serde(default)]
    claimed_by: Option<String>,
    #[serde(default)]
    source: Source,
}

impl TryFrom<LengthClaimFields> for LengthClaim {
    type Error = Reported;
    fn try_from(f: LengthClaimFields) -> Result<LengthClaim, Reported> {
        check_length(&f.text).map_err(Reported)?;
        Ok(LengthClaim {
            text: f.text,
            quantifier: f.quantifier,
            wording: f.wording,
            stated: f.stated,
            line: f.line,
            claimed_by: f.claimed_by,
            source: f.source,
        })
    }
}

impl DistanceClaim {
    /// A claim from its parts; the text is made up from them.
    ///
    /// ```
    /// use strikemap::{DistanceClaim, StatedDistance, Unit, claim::Quantifier};
    /// let c = DistanceClaim::new(Quantifier::AtMost, StatedDistance::new(300.0, Unit::Kilometres, 100.0)?);
    /// assert_eq!(c.text, "at most 300 km");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(quantifier: Quantifier, stated: StatedDistance) -> DistanceClaim {
        DistanceClaim {
            text: format!("{} {}", quantifier.phrase(), stated.text()),
            quantifier,
            wording: quantifier.phrase().to_string(),
            stated,
            reading: Reading::Every,
            subjects: Vec::new(),
            reference: None,
            claimed_by: None,
            source: Source::default(),
        }
    }

    /// Reads a claim from text: the first figure with a unit and the
    /// quantifier in front of it (or "or more" / "or less" / "or so" after
    /// it), anywhere in a sentence. A bare figure means
    /// [`Quantifier::Exactly`]. See [`Quantifier`] for the wordings.
    ///
    /// # Errors
    /// [`Error::ClaimText`] quoting the text when it holds no figure with a
    /// unit, the figure is negative or its unit unknown, the figure is a
    /// range ("300 to 400 km"), or it has a quantifier on both sides.
    ///
    /// ```
    /// use strikemap::{DistanceClaim, Error, claim::Quantifier};
    /// assert_eq!(DistanceClaim::parse("over 4,300km")?.quantifier, Quantifier::MoreThan);
    /// assert_eq!(DistanceClaim::parse("up to 300 km")?.quantifier, Quantifier::AtMost);
    /// let err = DistanceClaim::parse("very far from Ukraine").unwrap_err();
    /// assert!(matches!(&err, Error::ClaimText { text, .. } if text == "very far from Ukraine"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<DistanceClaim> {
        DistanceClaim::parse_with(text, Convention::Unstated)
    }

    /// Reads a claim from text as [`DistanceClaim::parse`] does, with the
    /// figure's separators read by the given [`Convention`] (see
    /// [`StatedDistance::parse`]).
    ///
    /// # Errors
    /// As [`DistanceClaim::parse`].
    ///
    /// ```
    /// use strikemap::{DistanceClaim, distance::Convention};
    /// assert!(DistanceClaim::parse("over 4.300 km").unwrap_err().is_ambiguous());
    /// let c = DistanceClaim::parse_with("over 4.300 km", Convention::DecimalComma)?;
    /// assert_eq!(c.stated.value(), 4300.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse_with(text: &str, convention: Convention) -> Result<DistanceClaim> {
        let phrase = find_distance(text, convention)?;
        Ok(DistanceClaim {
            text: text.to_string(),
            quantifier: phrase.quantifier,
            wording: phrase.wording,
            stated: phrase.stated,
            reading: Reading::Every,
            subjects: Vec::new(),
            reference: phrase.reference,
            claimed_by: None,
            source: Source::default(),
        })
    }

    /// Sets the names of the subjects (looked up by [`DistanceClaim::check_in`]).
    ///
    /// ```
    /// let c = strikemap::DistanceClaim::parse("within 300 km")?.with_subjects(["Kharkiv"]);
    /// assert_eq!(c.subjects, ["Kharkiv"]);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_subjects<S: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = S>,
    ) -> DistanceClaim {
        self.subjects = names.into_iter().map(Into::into).collect();
        self
    }

    /// Sets the name of the reference (a place, territory or front line in
    /// the catalog, or a bundled country).
    ///
    /// ```
    /// let c = strikemap::DistanceClaim::parse("within 300 km")?.with_reference("Ukraine");
    /// assert_eq!(c.reference.as_deref(), Some("Ukraine"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_reference(mut self, name: impl Into<String>) -> DistanceClaim {
        self.reference = Some(name.into());
        self
    }

    /// Sets the reading the sentence states.
    ///
    /// ```
    /// use strikemap::{DistanceClaim, claim::Reading};
    /// let c = DistanceClaim::parse("the farthest was more than 4,300 miles away")?.with_reading(Reading::Farthest);
    /// assert_eq!(c.reading, Reading::Farthest);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_reading(mut self, reading: Reading) -> DistanceClaim {
        self.reading = reading;
        self
    }

    /// Sets who made the claim.
    ///
    /// ```
    /// let c = strikemap::DistanceClaim::parse("within 300 km")?.with_claimed_by("Ministry of Defence");
    /// assert_eq!(c.claimed_by.as_deref(), Some("Ministry of Defence"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_claimed_by(mut self, who: impl Into<String>) -> DistanceClaim {
        self.claimed_by = Some(who.into());
        self
    }

    /// Sets the source.
    ///
    /// ```
    /// use strikemap::{DistanceClaim, Source};
    /// let c = DistanceClaim::parse("within 300 km")?.with_source(Source::new("AP"));
    /// assert_eq!(c.source.title, "AP");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> DistanceClaim {
        self.source = source;
        self
    }

    /// Checks the claim for these subjects against a reference (any
    /// [`Reference`]: a territory, front line, place, position, line or
    /// area, by value or by reference), on the WGS84 ellipsoid with the
    /// default uncertainty budget. When the text names a reference ("from
    /// Ukraine") that is not this one, the verdict carries a
    /// [`Warning::ReferenceMismatch`](super::Warning::ReferenceMismatch).
    ///
    /// # Errors
    /// [`Error::NoSubjects`] if `subjects` is empty.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, DistanceClaim, LatLon, Place, Verdict, model::TargetRef};
    /// let kyiv = Place::from(City::new("Kyiv", LatLon::new(50.4501, 30.5234)?, CountryCode::new("UA")?));
    /// let moscow = City::new("Moscow", LatLon::new(55.7558, 37.6173)?, CountryCode::new("RU")?);
    /// let v = DistanceClaim::parse("Moscow is about 750 km from Kyiv")?.check(&[moscow], &kyiv)?;
    /// assert_eq!(v.verdict, Verdict::Supported);
    /// approx::assert_relative_eq!(v.subjects[0].distance.as_km(), 757.1, epsilon = 0.1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn check<S: Subject>(
        &self,
        subjects: &[S],
        reference: impl Reference,
    ) -> Result<DistanceVerdict> {
        self.check_with(subjects, reference, &CheckOptions::default())
    }

    /// Checks the claim with options: the Earth model and overrides of the
    /// uncertainty budget.
    ///
    /// # Errors
    /// [`Error::NoSubjects`] if `subjects` is empty; [`Error::InvalidNumber`]
    /// if an override in `options` is negative or not finite.
    ///
    /// ```
    /// use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, Method, countries, claim::CheckOptions, model::TargetRef};
    /// let olenya = AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?);
    /// let ua = &countries::get("UA")?.territory;
    /// let claim = DistanceClaim::parse("more than 1,000 km")?;
    /// let v = claim.check_with(&[olenya], ua, &CheckOptions::new().with_method(Method::Haversine))?;
    /// assert_eq!(v.method, Method::Haversine);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn check_with<S: Subject>(
        &self,
        subjects: &[S],
        reference: impl Reference,
        options: &CheckOptions<'_>,
    ) -> Result<DistanceVerdict> {
        check::distance(self, subjects, &reference, options)
    }

    /// Checks the claim against a catalog: its [`subjects`](DistanceClaim::subjects)
    /// are looked up as places, its [`reference`](DistanceClaim::reference) as
    /// any target of the catalog, or else as a bundled country
    /// ([`countries::get`]).
    ///
    /// # Errors
    /// [`Error::NoSubjects`] if the claim names no subjects;
    /// [`Error::ClaimText`] if it names no reference;
    /// [`Error::UnknownName`] for a subject or reference not found.
    ///
    /// ```
    /// use strikemap::{AirBase, Catalog, CountryCode, DistanceClaim, LatLon, Verdict};
    /// let mut catalog = Catalog::new();
    /// catalog.add_place(AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?))?;
    /// let v = DistanceClaim::parse("more than 1,000 km")?
    ///     .with_subjects(["Olenya"])
    ///     .with_reference("Ukraine")
    ///     .check_in(&catalog)?;
    /// assert_eq!(v.verdict, Verdict::Supported);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn check_in(&self, catalog: &Catalog) -> Result<DistanceVerdict> {
        self.check_in_with(catalog, &CheckOptions::default())
    }

    /// [`DistanceClaim::check_in`] with options.
    ///
    /// # Errors
    /// As [`DistanceClaim::check_in`] and [`DistanceClaim::check_with`].
    ///
    /// ```
    /// use strikemap::{AirBase, Catalog, CountryCode, DistanceClaim, LatLon, Method, claim::CheckOptions};
    /// let mut catalog = Catalog::new();
    /// catalog.add_place(AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?))?;
    /// let claim = DistanceClaim::parse("more than 1,000 km")?.with_subjects(["Olenya"]).with_reference("UA");
    /// let v = claim.check_in_with(&catalog, &CheckOptions::new().with_method(Method::Haversine))?;
    /// assert_eq!(v.method, Method::Haversine);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn check_in_with(
        &self,
        catalog: &Catalog,
        options: &CheckOptions<'_>,
    ) -> Result<DistanceVerdict> {
        if self.subjects.is_empty() {
            return Err(Error::NoSubjects {
                claim: self.text.clone(),
            });
        }
        let Some(name) = self.reference.as_deref() else {
            return Err(Error::ClaimText {
                text: self.text.clone(),
                reason:
                    "the claim names no reference to measure to (see DistanceClaim::with_reference)"
                        .into(),
            });
        };
        let subjects = self
            .subjects
            .iter()
            .map(|subject| catalog.place(subject))
            .collect::<Result<Vec<&Place>>>()?;
        let reference = match catalog.target(name) {
            Ok(target) => target,
            Err(err) => match countries::get(name) {
                Ok(country) => TargetRef::Territory(&country.territory),
                Err(_) => return Err(err),
            },
        };
        self.check_with(&subjects, reference, options)
    }
}

/// A claim about the length of a line: "the roughly 620-mile front line".
///
/// ```
/// use strikemap::{claim::{LengthClaim, Quantifier}};
/// let c = LengthClaim::parse("the roughly 620-mile front line")?.with_line("Front line, June 2025");
/// assert_eq!(c.quantifier, Quantifier::About);
/// assert_eq!(c.stated.value(), 620.0);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "LengthClaimFields")]
pub struct LengthClaim {
    /// The text as quoted.
    pub text: String,
    /// What the claim says about the length relative to the figure.
    pub quantifier: Quantifier,
    /// The quantifier's wording as written, lower case; empty for a bare figure.
    #[serde(default)]
    pub wording: String,
    /// The figure, its unit and precision.
    pub stated: StatedDistance,
    /// The name of the front line, for [`LengthClaim::check_in`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
    /// Who made the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<String>,
    /// Where it was published.
    #[serde(default)]
    pub source: Source,
}

impl LengthClaim {
    /// A claim from its parts; the text is made up from them.
    ///
    /// ```
    /// use strikemap::{StatedDistance, Unit, claim::{LengthClaim, Quantifier}};
    /// let c = LengthClaim::new(Quantifier::About, StatedDistance::new(620.0, Unit::Miles, 10.0)?);
    /// assert_eq!(c.text, "about 620 mi");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(quantifier: Quantifier, stated: StatedDistance) -> LengthClaim {
        LengthClaim {
            text: format!("{} {}", quantifier.phrase(), stated.text()),
            quantifier,
            wording: quantifier.phrase().to_string(),
            stated,
            line: None,
            claimed_by: None,
            source: Source::default(),
        }
    }

    /// Reads a claim from text, as [`DistanceClaim::parse`] does.
    ///
    /// # Errors
    /// [`Error::ClaimText`] quoting the text, as for [`DistanceClaim::parse`].
    ///
    /// ```
    /// use strikemap::{claim::{LengthClaim, Quantifier}};
    /// assert_eq!(LengthClaim::parse("a front line of some 1,000 kilometres")?.quantifier, Quantifier::About);
    /// assert!(LengthClaim::parse("a long front line").is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<LengthClaim> {
        LengthClaim::parse_with(text, Convention::Unstated)
    }

    /// Reads a claim from text as [`LengthClaim::parse`] does, with the
    /// figure's separators read by the given [`Convention`].
    ///
    /// # Errors
    /// As [`DistanceClaim::parse`].
    ///
    /// ```
    /// use strikemap::{claim::LengthClaim, distance::Convention};
    /// let c = LengthClaim::parse_with("a front line of 1.200 km", Convention::DecimalComma)?;
    /// assert_eq!(c.stated.value(), 1200.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn parse_with(text: &str, convention: Convention) -> Result<LengthClaim> {
        let phrase = find_distance(text, convention)?;
        Ok(LengthClaim {
            text: text.to_string(),
            quantifier: phrase.quantifier,
            wording: phrase.wording,
            stated: phrase.stated,
            line: None,
            claimed_by: None,
            source: Source::default(),
        })
    }

    /// Sets the name of the front line (looked up by [`LengthClaim::check_in`]).
    ///
    /// ```
    /// let c = strikemap::claim::LengthClaim::parse("about 1,000 km long")?.with_line("Sketch");
    /// assert_eq!(c.line.as_deref(), Some("Sketch"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_line(mut self, name: impl Into<String>) -> LengthClaim {
        self.line = Some(name.into());
        self
    }

    /// Sets who made the claim.
    ///
    /// ```
    /// let c = strikemap::claim::LengthClaim::parse("about 1,000 km long")?.with_claimed_by("AP");
    /// assert_eq!(c.claimed_by.as_deref(), Some("AP"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_claimed_by(mut self, who: impl Into<String>) -> LengthClaim {
        self.claimed_by = Some(who.into());
        self
    }

    /// Sets the source.
    ///
    /// ```
    /// use strikemap::{Source, claim::LengthClaim};
    /// let c = LengthClaim::parse("about 1,000 km long")?.with_source(Source::new("AP"));
    /// assert_eq!(c.source.title, "AP");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> LengthClaim {
        self.source = source;
        self
    }

    /// Checks the claim against a front line's length on the WGS84 ellipsoid.
    ///
    /// # Errors
    /// None in practice (a front line always has a length); the `Result` is
    /// for symmetry with [`LengthClaim::check_with`].
    ///
    /// ```
    /// use strikemap::{FrontLine, LatLon, Line, Verdict, claim::LengthClaim};
    /// // Nine degrees along the equator, vertices given to 4 decimals (11 m).
    /// let line = Line::from_vertices(vec![LatLon::new(0.0001, 0.0001)?, LatLon::new(0.0001, 9.0001)?])?;
    /// let front = FrontLine::new("Equator", strikemap::Date::constant(2025, 6, 2), line);
    /// let v = LengthClaim::parse("about 1,000 km")?.check(&front)?;
    /// assert_eq!(v.verdict, Verdict::Supported); // 1,001.9 km, in 900–1,100 km
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn check(&self, line: &FrontLine) -> Result<DistanceVerdict> {
        self.check_with(line, &CheckOptions::default())
    }

    /// Checks the claim with options.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] if an override in `options` is negative or
    /// not finite.
    ///
    /// ```
    /// use strikemap::{Distance, FrontLine, LatLon, Line, Verdict, claim::{CheckOptions, LengthClaim}};
    /// let line = Line::from_vertices(vec![LatLon::new(0.0001, 0.0001)?, LatLon::new(0.0001, 9.0001)?])?;
    /// let front = FrontLine::new("Equator", strikemap::Date::constant(2025, 6, 2), line);
    /// let exact = CheckOptions::new().with_reference_resolution(Distance::ZERO);
    /// let v = LengthClaim::parse("more than 1,000 km")?.check_with(&front, &exact)?;
    /// assert_eq!(v.verdict, Verdict::Borderline); // 1,001.9 km, within the 50 km rounding of "1,000"
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn check_with(
        &self,
        line: &FrontLine,
        options: &CheckOptions<'_>,
    ) -> Result<DistanceVerdict> {
        check::length(self, line, options)
    }

    /// Checks the claim against the front line of the catalog named by
    /// [`line`](LengthClaim::line).
    ///
    /// # Errors
    /// [`Error::ClaimText`] if the claim names no line; [`Error::UnknownName`]
    /// if the line is not found.
    ///
    /// ```
    /// use strikemap::{Catalog, FrontLine, LatLon, Line, claim::LengthClaim};
    /// let line = Line::from_vertices(vec![LatLon::new(0.0, 0.0)?, LatLon::new(0.0, 9.0)?])?;
    /// let mut catalog = Catalog::new();
    /// catalog.add_front_line(FrontLine::new("Equator", strikemap::Date::constant(2025, 6, 2), line))?;
    /// let v = LengthClaim::parse("about 1,000 km")?.with_line("equator").check_in(&catalog)?;
    /// assert_eq!(v.subjects[0].name, "Equator");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn check_in(&self, catalog: &Catalog) -> Result<DistanceVerdict> {
        let Some(name) = self.line.as_deref() else {
            return Err(Error::ClaimText {
                text: self.text.clone(),
                reason: "the claim names no front line (see LengthClaim::with_line)".into(),
            });
        };
        self.check(catalog.front_line(name)?)
    }
}

/// Any claim: a distance, a length or a rate, serialised with a `kind` tag
/// (`"distance"`, `"length"`, `"rate"`).
///
/// ```
/// use strikemap::{DistanceClaim, claim::Claim};
/// let c = Claim::from(DistanceClaim::parse("more than 4,300 miles")?.with_claimed_by("AP"));
/// assert_eq!(c.text(), "more than 4,300 miles");
/// assert_eq!(c.claimed_by(), Some("AP"));
/// let json = serde_json::to_value(&c).unwrap();
/// assert_eq!(json["kind"], "distance");
/// assert_eq!(serde_json::from_value::<Claim>(json).unwrap(), c);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Claim {
    /// A distance between subjects and a reference.
    Distance(DistanceClaim),
    /// The length of a line.
    Length(LengthClaim),
    /// "N out of M" as a rate.
    Rate(RateClaim),
}

impl Claim {
    /// The text as quoted.
    ///
    /// ```
    /// let c = strikemap::claim::Claim::Distance(strikemap::DistanceClaim::parse("more than 4,300 miles")?);
    /// assert_eq!(c.text(), "more than 4,300 miles");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn text(&self) -> &str {
        match self {
            Claim::Distance(c) => &c.text,
            Claim::Length(c) => &c.text,
            Claim::Rate(c) => &c.text,
        }
    }

    /// Who made the claim.
    ///
    /// ```
    /// use strikemap::{claim::{Claim, LengthClaim}};
    /// let c = Claim::Length(LengthClaim::parse("the roughly 620-mile front line")?.with_claimed_by("AP"));
    /// assert_eq!(c.claimed_by(), Some("AP"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn claimed_by(&self) -> Option<&str> {
        match self {
            Claim::Distance(c) => c.claimed_by.as_deref(),
            Claim::Length(c) => c.claimed_by.as_deref(),
            Claim::Rate(c) => c.claimed_by.as_deref(),
        }
    }

    /// Where it was published.
    ///
    /// ```
    /// use strikemap::{DistanceClaim, Source, claim::Claim};
    /// let c = Claim::Distance(DistanceClaim::parse("within 300 km")?.with_source(Source::new("AP")));
    /// assert_eq!(c.source().title, "AP");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn source(&self) -> &Source {
        match self {
            Claim::Distance(c) => &c.source,
            Claim::Length(c) => &c.source,
            Claim::Rate(c) => &c.source,
        }
    }

    /// The quantifier.
    ///
    /// ```
    /// use strikemap::{DistanceClaim, claim::{Claim, Quantifier}};
    /// let c = Claim::Distance(DistanceClaim::parse("over 4,300km")?);
    /// assert_eq!(c.quantifier(), Quantifier::MoreThan);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn quantifier(&self) -> Quantifier {
        match self {
            Claim::Distance(c) => c.quantifier,
            Claim::Length(c) => c.quantifier,
            Claim::Rate(c) => c.quantifier,
        }
    }
}

impl From<DistanceClaim> for Claim {
    fn from(c: DistanceClaim) -> Claim {
        Claim::Distance(c)
    }
}

impl From<LengthClaim> for Claim {
    fn from(c: LengthClaim) -> Claim {
        Claim::Length(c)
    }
}

impl From<RateClaim> for Claim {
    fn from(c: RateClaim) -> Claim {
        Claim::Rate(c)
    }
}
