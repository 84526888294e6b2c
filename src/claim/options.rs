//! [`CheckOptions`]: how a claim is checked (Earth model, uncertainty
//! overrides).

use crate::distance::Distance;
use crate::error::{Error, Result};
use crate::measure::Method;
use crate::model::Territory;

/// How to check a claim: the Earth model and, when the caller knows better
/// than the defaults, the parts of the uncertainty budget.
///
/// The default measures on the WGS84 ellipsoid and derives every part of
/// the budget from the data (see [`Uncertainty`](crate::claim::Uncertainty)).
///
/// ```
/// use strikemap::{Distance, Method, claim::CheckOptions};
/// let o = CheckOptions::new()
///     .with_method(Method::Haversine)
///     .with_coordinate_precision(Distance::from_km(2.0));
/// assert_eq!(o.method(), Method::Haversine);
/// assert_eq!(o.coordinate_precision(), Some(Distance::from_km(2.0)));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions<'a> {
    method: Method,
    coordinate_precision: Option<Distance>,
    reference_resolution: Option<Distance>,
    stated_precision: Option<Distance>,
    other_scale: Option<&'a Territory>,
}

impl<'a> CheckOptions<'a> {
    /// The defaults: ellipsoid, every part of the budget from the data.
    ///
    /// ```
    /// assert_eq!(strikemap::claim::CheckOptions::new().method(), strikemap::Method::Geodesic);
    /// ```
    pub fn new() -> CheckOptions<'a> {
        CheckOptions::default()
    }

    /// Measures with this Earth model. [`Method::Haversine`] adds 0.56 % of
    /// each distance to the budget.
    ///
    /// ```
    /// use strikemap::{Method, claim::CheckOptions};
    /// assert_eq!(CheckOptions::new().with_method(Method::Haversine).method(), Method::Haversine);
    /// ```
    #[must_use]
    pub fn with_method(mut self, method: Method) -> CheckOptions<'a> {
        self.method = method;
        self
    }

    /// Sets the precision of every subject's position (and of a point
    /// reference's), instead of deriving it from the decimals given: e.g.
    /// the half-width of an air base when its position is "the base".
    ///
    /// ```
    /// use strikemap::{Distance, claim::CheckOptions};
    /// let o = CheckOptions::new().with_coordinate_precision(Distance::from_metres(500.0));
    /// assert_eq!(o.coordinate_precision().unwrap().as_metres(), 500.0);
    /// ```
    #[must_use]
    pub fn with_coordinate_precision(mut self, precision: Distance) -> CheckOptions<'a> {
        self.coordinate_precision = Some(precision);
        self
    }

    /// Sets the resolution of the reference's boundary or line data
    /// (for a length claim: of the line's length), instead of deriving it
    /// from the territory's scale or the front line's `approximate` flag.
    ///
    /// ```
    /// use strikemap::{Distance, claim::CheckOptions};
    /// let o = CheckOptions::new().with_reference_resolution(Distance::ZERO);
    /// assert_eq!(o.reference_resolution(), Some(Distance::ZERO));
    /// ```
    #[must_use]
    pub fn with_reference_resolution(mut self, resolution: Distance) -> CheckOptions<'a> {
        self.reference_resolution = Some(resolution);
        self
    }

    /// Sets the stated-precision part of the budget, instead of deriving it
    /// from the claim's figure (e.g. zero when the speaker quoted an exact
    /// figure).
    ///
    /// ```
    /// use strikemap::{Distance, claim::CheckOptions};
    /// let o = CheckOptions::new().with_stated_precision(Distance::ZERO);
    /// assert_eq!(o.stated_precision(), Some(Distance::ZERO));
    /// ```
    #[must_use]
    pub fn with_stated_precision(mut self, precision: Distance) -> CheckOptions<'a> {
        self.stated_precision = Some(precision);
        self
    }

    /// Gives the reference territory at another map scale; the difference
    /// between the two distances is measured for every subject and counted in
    /// the budget when it exceeds the per-scale figure. (For the bundled
    /// Ukraine at 1:50m or 1:10m the other scale is found automatically.)
    ///
    /// ```
    /// use strikemap::{countries, claim::CheckOptions};
    /// let o = CheckOptions::new().with_other_scale(countries::ukraine_10m());
    /// assert!(o.other_scale().is_some());
    /// ```
    #[must_use]
    pub fn with_other_scale(mut self, territory: &'a Territory) -> CheckOptions<'a> {
        self.other_scale = Some(territory);
        self
    }

    /// The Earth model.
    ///
    /// ```
    /// use strikemap::{Method, claim::CheckOptions};
    /// assert_eq!(CheckOptions::new().with_method(Method::Haversine).method(), Method::Haversine);
    /// ```
    pub const fn method(&self) -> Method {
        self.method
    }

    /// The caller's coordinate precision, if set.
    ///
    /// ```
    /// use strikemap::{Distance, claim::CheckOptions};
    /// let o = CheckOptions::new().with_coordinate_precision(Distance::from_metres(50.0));
    /// assert_eq!(o.coordinate_precision(), Some(Distance::from_metres(50.0)));
    /// ```
    pub const fn coordinate_precision(&self) -> Option<Distance> {
        self.coordinate_precision
    }

    /// The caller's reference data resolution, if set.
    ///
    /// ```
    /// assert_eq!(strikemap::claim::CheckOptions::new().reference_resolution(), None);
    /// ```
    pub const fn reference_resolution(&self) -> Option<Distance> {
        self.reference_resolution
    }

    /// The caller's stated precision, if set.
    ///
    /// ```
    /// assert_eq!(strikemap::claim::CheckOptions::new().stated_precision(), None);
    /// ```
    pub const fn stated_precision(&self) -> Option<Distance> {
        self.stated_precision
    }

    /// The reference at another scale, if given.
    ///
    /// ```
    /// let ua10 = strikemap::countries::ukraine_10m();
    /// let o = strikemap::claim::CheckOptions::new().with_other_scale(ua10);
    /// assert_eq!(o.other_scale().map(|t| t.name.as_str()), Some("Ukraine"));
    /// ```
    pub const fn other_scale(&self) -> Option<&'a Territory> {
        self.other_scale
    }

    /// Checks that every override is a finite distance, zero or more.
    pub(crate) fn validate(&self) -> Result<()> {
        for (field, value) in [
            ("coordinate precision", self.coordinate_precision),
            ("reference resolution", self.reference_resolution),
            ("stated precision", self.stated_precision),
        ] {
            if let Some(d) = value
                && !(d.is_finite() && d.as_metres() >= 0.0)
            {
                return Err(Error::InvalidNumber {
                    field,
                    value: d.as_metres(),
                    expected: "a finite distance in metres, zero or more",
                });
            }
        }
        Ok(())
    }
}
