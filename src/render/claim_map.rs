//! [`ClaimMap`]: the picture of a checked distance claim: the reference,
//! its buffer at the claimed figure (and at the figure read in the other
//! unit when a unit mix-up is diagnosed), and every subject coloured by its
//! verdict and labelled with its distance.

use crate::claim::{Claim, DistanceVerdict};
use crate::{Area, LatLon, Line, Result, Verdict};

use super::sketch::{Feature, Geometry, Sketch, centre_of};
use super::style::{Paint, Rgb};
use super::{Map, MapOptions, thousands};

/// The colour of a supported subject.
const SUPPORTED: Rgb = Rgb(0x1a, 0x98, 0x50);
/// The colour of a subject that does not support the claim.
const NOT_SUPPORTED: Rgb = Rgb(0xd7, 0x30, 0x27);
/// The colour of a borderline subject.
const BORDERLINE: Rgb = Rgb(0xf0, 0xa0, 0x20);

/// The shape of a claim's reference, as drawn.
///
/// ```
/// use strikemap::{countries, render::ReferenceShape};
/// let ukraine = ReferenceShape::Area(countries::get("UA")?.territory.area().clone());
/// assert!(matches!(ukraine, ReferenceShape::Area(_)));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum ReferenceShape {
    /// A territory's area.
    Area(Area),
    /// A front line or other line.
    Line(Line),
    /// A single place.
    Point(LatLon),
}

/// Which figure a buffer is drawn at, and so its colour.
///
/// ```
/// assert_ne!(strikemap::render::BufferKind::Claimed, strikemap::render::BufferKind::OtherUnit);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BufferKind {
    /// At the claimed figure in its stated unit (purple).
    Claimed,
    /// At the figure read in another unit, for a diagnosed unit mix-up
    /// (orange).
    OtherUnit,
}

/// A buffer around the reference (the area within a distance of it),
/// computed by the caller, with its legend label.
///
/// ```
/// use strikemap::{Distance, LatLon, model::RangeRing, render::{Buffer, BufferKind}};
/// let ring = RangeRing::new("ring", LatLon::new(51.17, 128.445)?, Distance::from_miles(4300.0))?;
/// let area = strikemap::Area::new(vec![strikemap::shape::Polygon::new(vec![ring.vertices(Distance::from_km(50.0))?])?])?;
/// let b = Buffer { kind: BufferKind::Claimed, area, label: "within 4,300 mi of Ukrainka".into() };
/// assert_eq!(b.kind, BufferKind::Claimed);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Buffer {
    /// Which figure it is drawn at.
    pub kind: BufferKind,
    /// The area within that distance of the reference.
    pub area: Area,
    /// The legend label ("within 4,300 mi of Ukraine").
    pub label: String,
}

/// A claim map: a checked distance claim drawn as its reference, the
/// buffers the caller supplies, the geodesic each distance was measured
/// along (dashed grey, to the reference's nearest point), and the subjects
/// coloured supported
/// (green) / not supported (red) / borderline (amber), each labelled with
/// its distance; the claim's text is the title, its source and verdict are
/// under it. Drawn in the azimuthal equidistant projection centred on the
/// reference, so distances from the centre are true.
///
/// ```
/// use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, countries, model::TargetRef};
/// use strikemap::render::{ClaimMap, MapOptions, ReferenceShape};
/// let ru = CountryCode::new("RU")?;
/// let bases = [AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, ru)];
/// let ukraine = &countries::get("UA")?.territory;
/// let verdict = DistanceClaim::parse("more than 4,300 miles from Ukraine")?
///     .check(&bases, TargetRef::Territory(ukraine))?;
/// let map = ClaimMap::new(&verdict)
///     .with_reference(ReferenceShape::Area(ukraine.area().clone()))
///     .map(&MapOptions::default().with_width(800))?;
/// let svg = map.to_svg();
/// assert!(svg.contains("more than 4,300 miles from Ukraine") && svg.contains("Not supported"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClaimMap<'a> {
    verdict: &'a DistanceVerdict,
    reference: Option<ReferenceShape>,
    buffers: Vec<Buffer>,
    notes: Vec<String>,
    attribution: Vec<String>,
}

impl<'a> ClaimMap<'a> {
    /// A map of a verdict, with no reference shape, buffer or note yet.
    ///
    /// ```
    /// # use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, countries, model::TargetRef};
    /// # let bases = [AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?)];
    /// # let v = DistanceClaim::parse("more than 1,000 km")?.check(&bases, TargetRef::Territory(&countries::get("UA")?.territory))?;
    /// let map = strikemap::render::ClaimMap::new(&v).map(&Default::default())?;
    /// assert_eq!(map.feature_count(), 2); // Olenya, and the geodesic it was measured along
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(verdict: &'a DistanceVerdict) -> ClaimMap<'a> {
        ClaimMap {
            verdict,
            reference: None,
            buffers: Vec::new(),
            notes: Vec::new(),
            attribution: Vec::new(),
        }
    }

    /// Sets the reference's shape (drawn, and the projection's centre).
    ///
    /// ```
    /// # use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, countries, model::TargetRef, render::{ClaimMap, ReferenceShape}};
    /// # let bases = [AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?)];
    /// # let v = DistanceClaim::parse("more than 1,000 km")?.check(&bases, TargetRef::Territory(&countries::get("UA")?.territory))?;
    /// let kyiv = LatLon::new(50.45, 30.52)?;
    /// let map = ClaimMap::new(&v).with_reference(ReferenceShape::Point(kyiv)).map(&Default::default())?;
    /// assert!(map.pixel_of(kyiv).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_reference(mut self, shape: ReferenceShape) -> ClaimMap<'a> {
        self.reference = Some(shape);
        self
    }

    /// Adds a buffer (drawn under the reference, in its kind's colour).
    ///
    /// ```
    /// # use strikemap::{AirBase, CountryCode, Distance, DistanceClaim, LatLon, countries, model::{RangeRing, TargetRef}, render::{Buffer, BufferKind, ClaimMap}};
    /// # let bases = [AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?)];
    /// # let v = DistanceClaim::parse("more than 1,000 km")?.check(&bases, TargetRef::Territory(&countries::get("UA")?.territory))?;
    /// # let ring = RangeRing::new("r", LatLon::new(50.45, 30.52)?, Distance::from_km(1000.0))?;
    /// # let area = strikemap::Area::new(vec![strikemap::shape::Polygon::new(vec![ring.vertices(Distance::from_km(50.0))?])?])?;
    /// let map = ClaimMap::new(&v)
    ///     .with_buffer(Buffer { kind: BufferKind::Claimed, area, label: "within 1,000 km of Kyiv".into() })
    ///     .map(&Default::default())?;
    /// assert!(map.to_svg().contains("within 1,000 km of Kyiv"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_buffer(mut self, buffer: Buffer) -> ClaimMap<'a> {
        self.buffers.push(buffer);
        self
    }

    /// Adds the buffers the claim asks for, computed on WGS84 with
    /// [`measure::buffer`](crate::measure::buffer): the area within the
    /// claimed figure of the reference (set by
    /// [`ClaimMap::with_reference`] first), and, when a unit mix-up is
    /// diagnosed, within the figure read in the other unit. A claim that is
    /// not a distance claim, or a map without a reference, gets none.
    ///
    /// # Errors
    /// As [`measure::buffer`](crate::measure::buffer) (a figure beyond
    /// what a buffer can reach, say).
    ///
    /// ```
    /// use strikemap::{City, DistanceClaim, LatLon, render::{ClaimMap, ReferenceShape}};
    /// let kyiv = LatLon::new(50.4501, 30.5234)?;
    /// let lviv = City::new("Lviv", LatLon::new(49.8397, 24.0297)?, strikemap::CountryCode::new("UA")?);
    /// let verdict = DistanceClaim::parse("within 500 km")?.check(&[lviv], &kyiv)?;
    /// let map = ClaimMap::new(&verdict).with_reference(ReferenceShape::Point(kyiv)).with_claim_buffers()?;
    /// assert_eq!(map.buffers().len(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn with_claim_buffers(mut self) -> Result<ClaimMap<'a>> {
        let Claim::Distance(claim) = &self.verdict.claim else {
            return Ok(self);
        };
        let Some(shape) = self.reference.clone() else {
            return Ok(self);
        };
        let name = self
            .verdict
            .reference
            .as_ref()
            .map_or("the reference", |r| r.name.as_str())
            .to_string();
        let stated = &claim.stated;
        let mut figures = vec![(BufferKind::Claimed, stated.unit())];
        if let Some(mixup) = &self.verdict.unit_mixup {
            let other = mixup
                .matches
                .first()
                .map(|m| m.unit)
                .or_else(|| mixup.holds_under.first().map(|h| h.unit));
            if let Some(unit) = other.filter(|u| *u != stated.unit()) {
                figures.push((BufferKind::OtherUnit, unit));
            }
        }
        for (kind, unit) in figures {
            let radius = crate::Distance::from_unit(stated.value(), unit);
            let area = match &shape {
                ReferenceShape::Point(p) => crate::measure::buffer(p, radius)?,
                ReferenceShape::Line(l) => crate::measure::buffer(l, radius)?,
                ReferenceShape::Area(a) => crate::measure::buffer(a, radius)?,
            };
            let figure = format!("{} {}", thousands(stated.value()), unit.symbol());
            let label = match kind {
                BufferKind::Claimed => format!("Within {figure} of {name} (the claimed figure)"),
                BufferKind::OtherUnit => format!(
                    "Within {figure} of {name} (the figure read in {})",
                    unit.name()
                ),
            };
            self.buffers.push(Buffer { kind, area, label });
        }
        Ok(self)
    }

    /// The buffers added so far.
    ///
    /// ```
    /// let lviv = strikemap::City::new("Lviv", strikemap::LatLon::new(49.84, 24.03)?, strikemap::CountryCode::new("UA")?);
    /// let v = strikemap::DistanceClaim::parse("within 500 km")?.check(&[lviv], &strikemap::LatLon::new(50.45, 30.52)?)?;
    /// assert!(strikemap::render::ClaimMap::new(&v).buffers().is_empty());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn buffers(&self) -> &[Buffer] {
        &self.buffers
    }

    /// Adds a line of text under the title (e.g. why no buffer is drawn).
    ///
    /// ```
    /// # use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, countries, model::TargetRef, render::ClaimMap};
    /// # let bases = [AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?)];
    /// # let v = DistanceClaim::parse("more than 1,000 km")?.check(&bases, TargetRef::Territory(&countries::get("UA")?.territory))?;
    /// let map = ClaimMap::new(&v).with_note("Positions: OurAirports").map(&Default::default())?;
    /// assert!(map.to_svg().contains("Positions: OurAirports"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_note(mut self, note: impl Into<String>) -> ClaimMap<'a> {
        self.notes.push(note.into());
        self
    }

    /// Adds a data source to the attribution ("GeoNames", "OurAirports");
    /// "Natural Earth" is always there.
    ///
    /// ```
    /// # use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, countries, model::TargetRef, render::ClaimMap};
    /// # let bases = [AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?)];
    /// # let v = DistanceClaim::parse("more than 1,000 km")?.check(&bases, TargetRef::Territory(&countries::get("UA")?.territory))?;
    /// let map = ClaimMap::new(&v).with_attribution("OurAirports").map(&Default::default())?;
    /// assert!(map.to_svg().contains("Data: Natural Earth, OurAirports"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_attribution(mut self, source: impl Into<String>) -> ClaimMap<'a> {
        self.attribution.push(source.into());
        self
    }

    /// Lays the map out.
    ///
    /// # Errors
    /// None in practice: the layout fails only if a position it makes
    /// itself is refused by [`LatLon::new`].
    ///
    /// ```
    /// # use strikemap::{AirBase, CountryCode, DistanceClaim, LatLon, countries, model::TargetRef, render::ClaimMap};
    /// # let bases = [AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?)];
    /// # let v = DistanceClaim::parse("more than 1,000 km")?.check(&bases, TargetRef::Territory(&countries::get("UA")?.territory))?;
    /// let png = ClaimMap::new(&v).map(&Default::default())?.to_png()?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn map(&self, options: &MapOptions) -> Result<Map> {
        Map::from_sketch(&self.sketch(), options)
    }

    fn sketch(&self) -> Sketch {
        let v = self.verdict;
        let reference_name = v
            .reference
            .as_ref()
            .map_or_else(|| "the reference".to_string(), |r| r.name.clone());
        let mut s = Sketch {
            title: format!("\u{201c}{}\u{201d}", v.claim.text()),
            attribution: self.attribution.clone(),
            ..Sketch::default()
        };
        let mut said = Vec::new();
        if let Some(who) = v.claim.claimed_by() {
            said.push(format!("Claimed by {who}"));
        }
        let source = v.claim.source().to_string();
        if !source.is_empty() {
            said.push(format!("source: {source}"));
        }
        if !said.is_empty() {
            s.notes.push(said.join("; "));
        }
        s.notes.push(format!(
            "Verdict: {} (reading: {}; method: {}; distances to {})",
            v.verdict.words(),
            v.reading.words(),
            v.method,
            reference_name
        ));
        if let Some(m) = &v.unit_mixup {
            s.notes.push(m.summary.clone());
        }
        s.notes.extend(self.notes.iter().cloned());

        for b in &self.buffers {
            let colour = match b.kind {
                BufferKind::Claimed => Rgb(0x6a, 0x3d, 0x9a),
                BufferKind::OtherUnit => Rgb(0xe0, 0x82, 0x14),
            };
            let paint = Paint {
                stroke: Some(colour),
                stroke_width: 2.5,
                stroke_opacity: 1.0,
                dash: b.kind == BufferKind::OtherUnit,
                fill: Some(colour),
                fill_opacity: 0.07,
                ..Paint::default()
            };
            let rings = b
                .area
                .polygons()
                .iter()
                .map(|p| p.rings().to_vec())
                .collect();
            let mut f = Feature::new(Geometry::Area(rings), paint);
            f.legend = Some(b.label.clone());
            f.popup = vec![("buffer".into(), b.label.clone())];
            s.features.push(f);
        }
        let blue = Rgb(0x25, 0x5a, 0xa8);
        if let Some(shape) = &self.reference {
            let (geometry, paint) = match shape {
                ReferenceShape::Area(a) => (
                    Geometry::Area(a.polygons().iter().map(|p| p.rings().to_vec()).collect()),
                    Paint {
                        stroke: Some(Rgb(0x14, 0x35, 0x6e)),
                        stroke_width: 1.5,
                        fill: Some(blue),
                        fill_opacity: 0.45,
                        ..Paint::default()
                    },
                ),
                ReferenceShape::Line(l) => (
                    Geometry::Line(l.parts().to_vec()),
                    Paint {
                        stroke: Some(blue),
                        stroke_width: 3.0,
                        ..Paint::default()
                    },
                ),
                ReferenceShape::Point(p) => (
                    Geometry::Point(*p),
                    Paint {
                        marker: blue,
                        marker_radius: 8.0,
                        ..Paint::default()
                    },
                ),
            };
            s.centre = centre_of(match shape {
                ReferenceShape::Area(a) => Box::new(
                    a.polygons()
                        .iter()
                        .flat_map(|p| p.exterior().iter().copied()),
                ) as Box<dyn Iterator<Item = LatLon>>,
                ReferenceShape::Line(l) => Box::new(l.parts().iter().flatten().copied()),
                ReferenceShape::Point(p) => Box::new(std::iter::once(*p)),
            });
            let mut f = Feature::new(geometry, paint);
            f.legend = Some(format!("Reference: {reference_name}"));
            f.label = Some(reference_name.clone());
            f.priority = 10;
            f.popup = vec![("reference".into(), reference_name.clone())];
            s.features.push(f);
        }
        // What was measured: the geodesic from each subject to the point of
        // the reference it was measured to, under the markers.
        for subject in &v.subjects {
            if let (Some(at), Some(to)) = (subject.position, subject.reference_point)
                && !subject.inside
            {
                let paint = Paint {
                    stroke: Some(Rgb(0x44, 0x44, 0x44)),
                    stroke_width: 1.2,
                    stroke_opacity: 0.8,
                    dash: true,
                    ..Paint::default()
                };
                let mut f = Feature::new(Geometry::Line(vec![vec![at, to]]), paint);
                f.legend = Some("Distance measured (geodesic, to the nearest point)".into());
                f.popup = vec![
                    ("from".into(), subject.name.clone()),
                    ("to".into(), format!("{reference_name} at {to}")),
                ];
                s.features.push(f);
            }
        }
        let stated_unit = match &v.claim {
            Claim::Distance(c) => c.stated.unit(),
            _ => v.unit,
        };
        for subject in &v.subjects {
            let Some(at) = subject.position else { continue };
            let (colour, legend) = match subject.verdict {
                Verdict::Supported => (SUPPORTED, "Supported"),
                Verdict::NotSupported => (NOT_SUPPORTED, "Not supported"),
                Verdict::Borderline => (BORDERLINE, "Borderline"),
            };
            let paint = Paint {
                marker: colour,
                marker_radius: 7.5,
                ..Paint::default()
            };
            let km = subject.distance.as_km();
            let mi = subject.distance.as_miles();
            let distance = if stated_unit == crate::Unit::Kilometres {
                format!(
                    "{} km ({} mi)",
                    thousands(km.round()),
                    thousands(mi.round())
                )
            } else {
                format!(
                    "{} mi ({} km)",
                    thousands(mi.round()),
                    thousands(km.round())
                )
            };
            let mut f = Feature::new(Geometry::Point(at), paint);
            f.label = Some(format!("{} {distance}", subject.name));
            f.legend = Some(legend.to_string());
            f.priority = 5;
            f.popup = vec![
                ("name".into(), subject.name.clone()),
                ("verdict".into(), subject.verdict.words().to_string()),
                ("distance".into(), distance),
                (
                    "margin".into(),
                    format!(
                        "{} {}",
                        thousands(subject.margin_in_unit().round()),
                        v.unit.symbol()
                    ),
                ),
                ("inside".into(), subject.inside.to_string()),
            ];
            s.features.push(f);
        }
        s
    }
}
