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
use crate::error::{Error, Result};
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
            not_collapsed(&shape, item, options)?;
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
            let shape = ring_shape(&ring.vertices(options.spacing())?, options)?;
            not_collapsed(&shape, item, options)?;
            Drawn {
                at: Some(ring.centre),
                distance: Some(ring.radius()),
                ..Drawn::shape(shape)
            }
        }
    })
}

/// Refuses polygons whose rings, rounded to the export precision, no longer
/// enclose anything (fewer than 3 distinct positions): a ring of 20 km
/// written with 0 decimals is a handful of identical points.
fn not_collapsed(shape: &Shape, item: &MapItem, options: &ExportOptions) -> Result<()> {
    let Shape::Polygons(polys) = shape else {
        return Ok(());
    };
    for rings in polys {
        for ring in rings {
            let mut distinct: Vec<[f64; 2]> = ring.iter().map(|p| p.to_lon_lat()).collect();
            distinct.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
            distinct.dedup();
            if distinct.len() < 3 {
                let decimals = options.precision();
                return Err(Error::geometry(
                    format!("{} {:?}", item.kind().name(), item.name()),
                    format!(
                        "written at precision {decimals} ({decimals} decimal{}), its {} vertices \
                         collapse to {} distinct position{}: export with more decimals \
                         (ExportOptions::with_precision, --precision)",
                        if decimals == 1 { "" } else { "s" },
                        ring.len(),
                        distinct.len(),
                        if distinct.len() == 1 { "" } else { "s" }
                    ),
                ));
            }
        }
    }
    Ok(())
}
