//! [`Reference`]: what a distance claim is measured to, and what its
//! uncertainty budget needs to know about it.

use std::borrow::Cow;

use super::verdict::{ReferenceInfo, ReferenceKind};
use crate::countries;
use crate::measure::{PreparedArea, PreparedLine, Target};
use crate::model::{AirBase, City, FrontLine, Place, Site, TargetRef, Territory, normalise_name};
use crate::position::LatLon;
use crate::shape::{Area, Line};

/// What a claim's budget and verdict need to know about a reference.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ReferenceData<'a> {
    /// A point: the precision of its coordinates counts.
    Point {
        /// Its name as shown in verdicts.
        name: Cow<'a, str>,
        /// Where it is.
        position: LatLon,
    },
    /// A territory: its map scale (and the same boundary at another scale,
    /// if it carries one) counts.
    Territory(&'a Territory),
    /// A front line: whether it is a sketch counts.
    FrontLine(&'a FrontLine),
    /// A bare line with no name or accuracy of its own.
    Line,
    /// A bare area with no name or scale of its own.
    Area,
}

impl ReferenceData<'_> {
    /// What a verdict says about the reference.
    pub(crate) fn info(&self) -> ReferenceInfo {
        let (name, kind, scale, approximate) = match self {
            ReferenceData::Point { name, .. } => {
                (name.to_string(), ReferenceKind::Place, None, false)
            }
            ReferenceData::Territory(t) => (
                t.name.clone(),
                ReferenceKind::Territory,
                t.scale.clone(),
                false,
            ),
            ReferenceData::FrontLine(f) => (
                f.name.clone(),
                ReferenceKind::FrontLine,
                None,
                f.approximate,
            ),
            ReferenceData::Line => ("a line".into(), ReferenceKind::Line, None, false),
            ReferenceData::Area => ("an area".into(), ReferenceKind::Area, None, false),
        };
        ReferenceInfo {
            name,
            kind,
            scale,
            approximate,
        }
    }

    /// Whether `stated` (a reference named in a claim's text, "Ukraine")
    /// names this reference: its name or an alias, its country's code or
    /// name, or any name for a bare shape (nothing to compare with).
    pub(crate) fn answers_to(&self, stated: &str) -> bool {
        let key = normalise_name(stated);
        let same = |name: &str| normalise_name(name) == key;
        match self {
            ReferenceData::Point { name, .. } => same(name),
            ReferenceData::Territory(t) => {
                same(&t.name)
                    || t.aliases.iter().any(|a| same(a))
                    || t.country.is_some_and(|c| {
                        countries::get(stated)
                            .is_ok_and(|country| country.iso_a2.is_some_and(|a2| a2 == c))
                    })
            }
            ReferenceData::FrontLine(f) => same(&f.name) || key.contains("front"),
            ReferenceData::Line | ReferenceData::Area => true,
        }
    }
}

/// Anything a distance claim can be measured to: a [`Target`] that says
/// what its budget needs ([`ReferenceData`]). Territories, front lines,
/// places (and air bases, cities, sites), positions, bare lines and areas
/// (and their prepared forms), a catalog's [`TargetRef`] and references
/// given on the command line.
///
/// ```
/// use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, Verdict, countries};
/// let olenya = AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?);
/// let ukraine = &countries::get("UA")?.territory;
/// let v = DistanceClaim::parse("more than 1,000 km from Ukraine")?.check(&[olenya], ukraine)?;
/// assert_eq!(v.verdict, Verdict::Supported);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub trait Reference: Target {
    /// What the claim's budget and verdict need to know.
    ///
    /// ```
    /// use strikemap::{LatLon, claim::{Reference, ReferenceData}};
    /// let p = LatLon::new(50.45, 30.52)?;
    /// assert!(matches!(p.reference_data(), ReferenceData::Point { .. }));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    fn reference_data(&self) -> ReferenceData<'_>;
}

impl<T: Reference + ?Sized> Reference for &T {
    fn reference_data(&self) -> ReferenceData<'_> {
        (**self).reference_data()
    }
}

impl Reference for Territory {
    fn reference_data(&self) -> ReferenceData<'_> {
        ReferenceData::Territory(self)
    }
}

impl Reference for FrontLine {
    fn reference_data(&self) -> ReferenceData<'_> {
        ReferenceData::FrontLine(self)
    }
}

/// A point reference named after its position.
fn point<'a>(name: impl Into<Cow<'a, str>>, position: LatLon) -> ReferenceData<'a> {
    ReferenceData::Point {
        name: name.into(),
        position,
    }
}

impl Reference for Place {
    fn reference_data(&self) -> ReferenceData<'_> {
        point(self.name(), self.position())
    }
}

impl Reference for AirBase {
    fn reference_data(&self) -> ReferenceData<'_> {
        point(self.site.name.as_str(), self.site.position)
    }
}

impl Reference for City {
    fn reference_data(&self) -> ReferenceData<'_> {
        point(self.site.name.as_str(), self.site.position)
    }
}

impl Reference for Site {
    fn reference_data(&self) -> ReferenceData<'_> {
        point(self.name.as_str(), self.position)
    }
}

impl Reference for LatLon {
    fn reference_data(&self) -> ReferenceData<'_> {
        point(format!("{}, {}", self.lat(), self.lon()), *self)
    }
}

impl Reference for Line {
    fn reference_data(&self) -> ReferenceData<'_> {
        ReferenceData::Line
    }
}

impl Reference for PreparedLine {
    fn reference_data(&self) -> ReferenceData<'_> {
        ReferenceData::Line
    }
}

impl Reference for Area {
    fn reference_data(&self) -> ReferenceData<'_> {
        ReferenceData::Area
    }
}

impl Reference for PreparedArea {
    fn reference_data(&self) -> ReferenceData<'_> {
        ReferenceData::Area
    }
}

impl Reference for TargetRef<'_> {
    fn reference_data(&self) -> ReferenceData<'_> {
        match self {
            TargetRef::Place(p) => p.reference_data(),
            TargetRef::Territory(t) => t.reference_data(),
            TargetRef::FrontLine(f) => f.reference_data(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::DistanceClaim;

    #[test]
    fn claims_keep_the_reference_their_text_names() {
        let read = |t: &str| DistanceClaim::parse(t).unwrap().reference;
        assert_eq!(
            read("the targets were more than 4,300 miles from Ukraine").as_deref(),
            Some("Ukraine")
        );
        assert_eq!(
            read("Moscow is about 750 km from Kyiv, officials said").as_deref(),
            Some("Kyiv")
        );
        assert_eq!(
            read("some 40 miles from the border").as_deref(),
            Some("border")
        );
        assert_eq!(read("more than 4,300 miles"), None);
        assert_eq!(
            read("more than 300 km away, far from it").as_deref(),
            Some("it")
        );
    }

    #[test]
    fn a_territory_answers_to_its_names_and_country() {
        let ua = &countries::get("UA").unwrap().territory;
        let data = ua.reference_data();
        for name in ["Ukraine", "ukraine", "UA", "UKR"] {
            assert!(data.answers_to(name), "{name}");
        }
        assert!(!data.answers_to("Russia"));
        assert!(!data.answers_to("Kharkiv"));
    }
}
