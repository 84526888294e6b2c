//! [`Drawn`]: an item's geometry as it will be written (positions rounded
//! to the export precision, edges densified, cut at ±180) and the numbers
//! measured on it, computed before any property is written.
//!
//! Everything that can fail happens here, so writing the properties
//! afterwards cannot fail (except in the writer), whether they go into a
//! JSON object or straight into a serializer.

use super::geometry::{Shape, area_shape, lines_shape, point_shape, ring_shape};
use super::{ExportOptions, MapItem};
use crate::distance::Distance;
use crate::error::Result;
use crate::measure::{Geodesic, Metric as _};
use crate::model::{RangeRing, StrikeArc};
use crate::position::LatLon;

/// An item's geometry as written and what is measured on it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Drawn {
    /// The geometry, rounded, densified and cut.
    pub(crate) shape: Shape,
    /// A strike's launch position or a range ring's centre, rounded.
    pub(crate) at: Option<LatLon>,
    /// A front line's or arc's length, a strike's launch-to-target
    /// distance, a range ring's radius.
    pub(crate) distance: Option<Distance>,
    /// A territory's area in km², measured on the polygons as written.
    pub(crate) area_km2: Option<f64>,
}

impl Drawn {
    fn shape(shape: Shape) -> Drawn {
        Drawn {
            shape,
            at: None,
            distance: None,
            area_km2: None,
        }
    }
}

/// Rounds positions, densifies and cuts the item's geometry, and measures
/// lengths, distances and areas on the result.
pub(crate) fn draw(item: &MapItem, options: &ExportOptions) -> Result<Drawn> {
    Ok(match item {
        MapItem::Place(place) => Drawn::shape(point_shape(place.position(), options)?),
        MapItem::FrontLine(front) => {
            let parts = front
                .line()
                .parts()
                .iter()
                .map(|p| {
                    p.iter()
                        .map(|v| options.quantize(*v))
                        .collect::<Result<Vec<_>>>()
                })
                .collect::<Result<Vec<_>>>()?;
            let shape = lines_shape(&parts, options)?;
            Drawn {
                distance: Some(shape.length()),
                ..Drawn::shape(shape)
            }
        }
        MapItem::Territory(t) => {
            let shape = area_shape(t.area(), options)?;
            Drawn {
                area_km2: shape.area_km2(),
                ..Drawn::shape(shape)
            }
        }
        MapItem::Strike(s) => {
            let target = options.quantize(s.target.position)?;
            let launch = match &s.launch {
                Some(l) => Some(options.quantize(l.position)?),
                None => None,
            };
            Drawn {
                at: launch,
                distance: launch.map(|l| Geodesic.distance(l, target)),
                ..Drawn::shape(Shape::Point(target))
            }
        }
        MapItem::StrikeArc(a) => {
            let mut arc = StrikeArc::new(a.launch.clone(), a.target.clone());
            arc.launch.position = options.quantize(a.launch.position)?;
            arc.target.position = options.quantize(a.target.position)?;
            let vertices = arc
                .vertices(options.spacing())?
                .into_iter()
                .map(|p| options.quantize(p))
                .collect::<Result<Vec<_>>>()?;
            Drawn {
                distance: Some(arc.length()),
                ..Drawn::shape(lines_shape(&[vertices], options)?)
            }
        }
        MapItem::RangeRing(r) => {
            let ring = RangeRing::new(r.name.clone(), options.quantize(r.centre)?, r.radius())?;
            Drawn {
                at: Some(ring.centre),
                distance: Some(ring.radius()),
                ..Drawn::shape(ring_shape(&ring.vertices(options.spacing())?, options)?)
            }
        }
    })
}
