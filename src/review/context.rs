//! [`Context`]: what a review resolves names and checks claims with.

use crate::Date;
use crate::claim::Reading;
use crate::distance::Convention;
use crate::error::Result;
use crate::measure::Method;
use crate::model::{Catalog, ControlMap};

use super::resolve;

/// What a review resolves names with and checks claims against: a
/// scenario catalog (its names win over the gazetteer), explicit subjects
/// for group words, a control map and the date to read it at, how figures
/// are read, and the Earth model.
///
/// `Context::default()` has none of them: names resolve from the bundled
/// gazetteer, countries and regions only.
///
/// ```
/// use strikemap::review::{Context, review};
/// use strikemap::{AirBase, Catalog, CountryCode, LatLon};
/// let mut scenario = Catalog::new();
/// scenario.add_place(AirBase::new("Ukrainka", LatLon::new(51.17, 128.445)?, CountryCode::new("RU")?))?;
/// let context = Context::new().with_scenario(&scenario);
/// let r = review("The targets were more than 4,300 miles from Ukraine.", &context)?;
/// // Ukrainka is 3,659 mi from Ukraine.
/// assert_eq!(r.findings[0].outcome.verdict(), Some(strikemap::Verdict::NotSupported));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    pub(crate) scenario: Option<&'a Catalog>,
    pub(crate) subjects: Vec<(String, Vec<String>)>,
    pub(crate) control: Option<(&'a ControlMap, Date)>,
    pub(crate) convention: Convention,
    pub(crate) method: Method,
}

impl<'a> Context<'a> {
    /// A context with nothing in it (the same as `Context::default()`).
    ///
    /// ```
    /// let c = strikemap::review::Context::new();
    /// assert!(c.scenario().is_none());
    /// ```
    pub fn new() -> Context<'a> {
        Context::default()
    }

    /// Resolves names from `catalog` first (its names win over the
    /// gazetteer), and group words ("the targets", "the bases") to its
    /// places of the matching kind.
    ///
    /// ```
    /// let catalog = strikemap::Catalog::new();
    /// let c = strikemap::review::Context::new().with_scenario(&catalog);
    /// assert!(c.scenario().is_some());
    /// ```
    pub fn with_scenario(mut self, catalog: &'a Catalog) -> Context<'a> {
        self.scenario = Some(catalog);
        self
    }

    /// Maps a phrase of the article ("the targets") to named places (each
    /// resolved like any name: scenario, then gazetteer). Matching ignores
    /// case.
    ///
    /// ```
    /// use strikemap::review::{Context, review};
    /// let c = Context::new().with_subjects("the cities", ["Kharkiv", "Lviv"]);
    /// let r = review("The cities are more than 300 km from Kyiv.", &c)?;
    /// assert_eq!(r.findings[0].subjects.as_deref(), Some("The cities"));
    /// assert_eq!(r.findings[0].outcome.verdict(), Some(strikemap::Verdict::Supported));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn with_subjects<I, S>(mut self, phrase: impl Into<String>, names: I) -> Context<'a>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.subjects.push((
            phrase.into().to_lowercase(),
            names.into_iter().map(Into::into).collect(),
        ));
        self
    }

    /// Resolves every name mapped with [`with_subjects`](Self::with_subjects)
    /// the way a review will (scenario, then gazetteer), so that a typo is an
    /// error before the review rather than an `unknown_place` in it.
    ///
    /// # Errors
    /// The first name that does not resolve to one place
    /// ([`crate::Error::UnknownName`], [`crate::Error::Ambiguous`]), inside
    /// [`crate::Error::At`] naming the phrase and the name's position.
    ///
    /// ```
    /// use strikemap::review::Context;
    /// assert!(Context::new().with_subjects("the cities", ["Kharkiv", "Lviv"]).check_subjects().is_ok());
    /// let err = Context::new().with_subjects("the cities", ["Kharkiv", "Nowhereville"]).check_subjects().unwrap_err();
    /// assert_eq!(err.to_string(), "subjects \"the cities\", name 2");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn check_subjects(&self) -> Result<()> {
        for (phrase, names) in &self.subjects {
            for (i, name) in names.iter().enumerate() {
                resolve::place_or_error(self, name)
                    .map_err(|e| e.at(format!("subjects {phrase:?}, name {}", i + 1)))?;
            }
        }
        Ok(())
    }

    /// Checks front-line claims against the line of contact of `map` on
    /// `date` (the latest snapshot on or before it).
    ///
    /// ```
    /// let map = strikemap::model::ControlMap::new("synthetic");
    /// let c = strikemap::review::Context::new().with_control(&map, strikemap::Date::constant(2025, 6, 2));
    /// assert!(c.scenario().is_none());
    /// ```
    pub fn with_control(mut self, map: &'a ControlMap, date: Date) -> Context<'a> {
        self.control = Some((map, date));
        self
    }

    /// Reads figures with `convention` ("4.300 km" is 4,300 km under
    /// [`Convention::DecimalComma`]); the default refuses such figures as
    /// ambiguous.
    ///
    /// ```
    /// use strikemap::{distance::Convention, review::{Context, review}};
    /// let text = "Kharkiv is about 410 km from Kyiv, and Lviv 1.000 km from Kharkiv.";
    /// let plain = review(text, &Context::new())?;
    /// assert_eq!(plain.findings[1].outcome.cannot_check(), Some(strikemap::review::CannotCheck::AmbiguousNumber));
    /// let comma = review(text, &Context::new().with_convention(Convention::DecimalComma))?;
    /// assert!(comma.findings[1].outcome.verdict().is_some());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn with_convention(mut self, convention: Convention) -> Context<'a> {
        self.convention = convention;
        self
    }

    /// Measures with `method` (WGS84 geodesics by default).
    ///
    /// ```
    /// let c = strikemap::review::Context::new().with_method(strikemap::Method::Haversine);
    /// assert!(c.scenario().is_none());
    /// ```
    pub fn with_method(mut self, method: Method) -> Context<'a> {
        self.method = method;
        self
    }

    /// The scenario catalog, if any.
    ///
    /// ```
    /// assert!(strikemap::review::Context::new().scenario().is_none());
    /// ```
    pub fn scenario(&self) -> Option<&'a Catalog> {
        self.scenario
    }

    /// The explicit subjects given for `phrase` (case ignored).
    pub(crate) fn subjects_for(&self, phrase: &str) -> Option<&[String]> {
        let key = phrase.to_lowercase();
        self.subjects
            .iter()
            .find(|(p, _)| *p == key)
            .map(|(_, names)| names.as_slice())
    }

    /// The reading a claim about several subjects takes.
    pub(crate) fn reading(&self) -> Reading {
        Reading::Every
    }
}
