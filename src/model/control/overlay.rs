//! [`Change`]: the ground that changed hands between two snapshots, and
//! the overlays (intersection, difference) behind it.
//!
//! Overlays are computed by `geo`'s boolean operations (the `i_overlay`
//! crate) on longitude/latitude with straight edges; the results are then
//! measured on WGS84 with geodesic edges. So that the straight lines follow
//! the geodesics, every edge of the inputs is first given a vertex every
//! 0.01° along its geodesic (a straight line in longitude/latitude then
//! strays from its geodesic by about L²·tan φ/(8R) for pieces of length L,
//! about a centimetre for 0.01° at 48°N). The overlay joins collinear
//! vertices of its result into long straight edges; the result is given a
//! vertex every 0.01° again, so that reading its edges as geodesics changes
//! it by centimetres. Areas that cross the antimeridian are refused.

use geo::BooleanOps as _;
use geographiclib_rs::geodesic_capability as caps;
use jiff::civil::Date;

use super::Snapshot;
use crate::error::{Error, Result};
use crate::measure::{AreaMeasure as _, Geodesic, geodesic_between};
use crate::model::Territory;
use crate::position::LatLon;
use crate::shape::{Area, Polygon};

/// The ground that changed hands between two snapshots: what the side
/// gained (held on the later date, not the earlier) and lost (held on the
/// earlier date, not the later), as areas that can be exported and measured.
///
/// ```
/// use strikemap::{Area, Date, model::ControlMap};
/// let a = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 49.0], [30.0, 48.0]]]])?;
/// let b = Area::from_lon_lat(&[vec![vec![[30.5, 48.0], [31.5, 48.0], [31.5, 49.0], [30.5, 49.0], [30.5, 48.0]]]])?;
/// let mut map = ControlMap::new("held");
/// map.insert(Date::constant(2025, 6, 1), a, "a")?;
/// map.insert(Date::constant(2025, 7, 1), b, "b")?;
/// let change = map.change(Date::constant(2025, 6, 1), Date::constant(2025, 7, 1))?;
/// approx::assert_relative_eq!(change.gained_km2(), change.lost_km2(), max_relative = 0.01);
/// assert_eq!(change.dates(), (Date::constant(2025, 6, 1), Date::constant(2025, 7, 1)));
/// assert!(change.gained().is_some());
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    from: Date,
    to: Date,
    gained: Option<Area>,
    lost: Option<Area>,
}

impl Change {
    /// The change from snapshot `a` to snapshot `b`.
    pub(super) fn between(a: &Snapshot, b: &Snapshot) -> Result<Change> {
        let at = || format!("change from {} to {}", a.date(), b.date());
        let (ma, mb) = (
            to_geo(a.area()).map_err(|e| e.at(a.origin().to_string()))?,
            to_geo(b.area()).map_err(|e| e.at(b.origin().to_string()))?,
        );
        Ok(Change {
            from: a.date(),
            to: b.date(),
            gained: from_geo(&mb.difference(&ma)).map_err(|e| e.at(at()))?,
            lost: from_geo(&ma.difference(&mb)).map_err(|e| e.at(at()))?,
        })
    }

    /// The dates of the two snapshots compared (earlier, later as given).
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let a = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// # map.insert(Date::constant(2025, 6, 1), a, "a")?;
    /// let c = map.change(Date::constant(2025, 6, 1), Date::constant(2025, 6, 9))?;
    /// assert_eq!(c.dates().1, Date::constant(2025, 6, 1)); // the snapshot in force on 9 June
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn dates(&self) -> (Date, Date) {
        (self.from, self.to)
    }

    /// The ground gained, if any.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let a = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// # map.insert(Date::constant(2025, 6, 1), a, "a")?;
    /// assert!(map.change(Date::constant(2025, 6, 1), Date::constant(2025, 6, 1))?.gained().is_none());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn gained(&self) -> Option<&Area> {
        self.gained.as_ref()
    }

    /// The ground lost, if any.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let a = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// # map.insert(Date::constant(2025, 6, 1), a, "a")?;
    /// assert!(map.change(Date::constant(2025, 6, 1), Date::constant(2025, 6, 1))?.lost().is_none());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn lost(&self) -> Option<&Area> {
        self.lost.as_ref()
    }

    /// The ground gained, in km² on WGS84.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let a = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// # map.insert(Date::constant(2025, 6, 1), a, "a")?;
    /// assert_eq!(map.change(Date::constant(2025, 6, 1), Date::constant(2025, 6, 1))?.gained_km2(), 0.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn gained_km2(&self) -> f64 {
        self.gained.as_ref().map_or(0.0, |a| Geodesic.area_km2(a))
    }

    /// The ground lost, in km² on WGS84.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let a = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// # map.insert(Date::constant(2025, 6, 1), a, "a")?;
    /// assert_eq!(map.change(Date::constant(2025, 6, 1), Date::constant(2025, 6, 1))?.lost_km2(), 0.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn lost_km2(&self) -> f64 {
        self.lost.as_ref().map_or(0.0, |a| Geodesic.area_km2(a))
    }

    /// The ground gained inside a territory (a region), in km².
    ///
    /// # Errors
    /// As [`Snapshot::held_km2_within`].
    ///
    /// ```
    /// use strikemap::{Area, Date, Territory, model::ControlMap};
    /// let a = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 49.0], [30.0, 48.0]]]])?;
    /// let b = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [32.0, 48.0], [32.0, 49.0], [30.0, 49.0], [30.0, 48.0]]]])?;
    /// let east = Territory::new("E", Area::from_lon_lat(&[vec![vec![[31.5, 47.0], [33.0, 47.0], [33.0, 50.0], [31.5, 50.0], [31.5, 47.0]]]])?);
    /// let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), a, "a")?;
    /// map.insert(Date::constant(2025, 7, 1), b, "b")?;
    /// let c = map.change(Date::constant(2025, 6, 1), Date::constant(2025, 7, 1))?;
    /// // About half (the halves differ by the bulge of their geodesic edges).
    /// approx::assert_relative_eq!(c.gained_km2_within(&east)?, c.gained_km2() / 2.0, max_relative = 0.005);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn gained_km2_within(&self, territory: &Territory) -> Result<f64> {
        within(self.gained.as_ref(), territory)
    }

    /// The ground lost inside a territory (a region), in km².
    ///
    /// # Errors
    /// As [`Snapshot::held_km2_within`].
    ///
    /// ```
    /// # use strikemap::{Area, Date, Territory, model::ControlMap};
    /// # let a = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// # map.insert(Date::constant(2025, 6, 1), a.clone(), "a")?;
    /// let c = map.change(Date::constant(2025, 6, 1), Date::constant(2025, 6, 1))?;
    /// assert_eq!(c.lost_km2_within(&Territory::new("T", a))?, 0.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn lost_km2_within(&self, territory: &Territory) -> Result<f64> {
        within(self.lost.as_ref(), territory)
    }
}

fn within(area: Option<&Area>, territory: &Territory) -> Result<f64> {
    let Some(area) = area else { return Ok(0.0) };
    Ok(intersection(area, territory.area())?.map_or(0.0, |a| Geodesic.area_km2(&a)))
}

/// The union of several areas (`None` if there are none).
///
/// # Errors
/// As [`intersection`].
pub(crate) fn union(areas: &[Area]) -> Result<Option<Area>> {
    match areas {
        [] => Ok(None),
        [one] => Ok(Some(one.clone())),
        _ => {
            let mut acc = to_geo(&areas[0])?;
            for a in &areas[1..] {
                acc = acc.union(&to_geo(a)?);
            }
            from_geo(&acc)
        }
    }
}

/// The part of `a` inside `b`, if any.
pub(super) fn intersection(a: &Area, b: &Area) -> Result<Option<Area>> {
    from_geo(&to_geo(a)?.intersection(&to_geo(b)?))
}

/// An area as a `geo` multipolygon in longitude/latitude.
fn to_geo(area: &Area) -> Result<geo::MultiPolygon<f64>> {
    let ring = |r: &[LatLon]| -> Result<geo::LineString<f64>> {
        let (lo, hi) = r
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                (lo.min(p.lon()), hi.max(p.lon()))
            });
        if hi - lo > 180.0 {
            return Err(Error::InvalidGeometry {
                reason: format!(
                    "a ring spans {:.1}° of longitude (it crosses the antimeridian or a pole): \
                     overlays of such areas are not supported",
                    hi - lo
                ),
            });
        }
        // Each edge is given a vertex every MAX_EDGE_DEGREES along its
        // geodesic, so that the overlay's straight lines follow the
        // geodesics to about a centimetre.
        let mut coords: Vec<geo::Coord<f64>> = Vec::with_capacity(r.len());
        for w in r.windows(2) {
            let (a, b) = (w[0], w[1]);
            coords.push(geo::Coord::from(a.to_point()));
            let span = crate::position::wrap180(b.lon() - a.lon())
                .abs()
                .max((b.lat() - a.lat()).abs());
            let n = (span / MAX_EDGE_DEGREES).ceil() as usize;
            if n > 1 {
                let (line, s12) = geodesic_between(a, b);
                for i in 1..n {
                    let (_a12, lat, lon, ..) = line._gen_position(
                        false,
                        s12 * i as f64 / n as f64,
                        caps::LATITUDE | caps::LONGITUDE,
                    );
                    coords.push(geo::Coord { x: lon, y: lat });
                }
            }
        }
        coords.extend(r.last().map(|p| geo::Coord::from(p.to_point())));
        Ok(geo::LineString::new(coords))
    };
    area.polygons()
        .iter()
        .map(|p| {
            let exterior = ring(p.exterior())?;
            let holes = p.holes().iter().map(|h| ring(h)).collect::<Result<_>>()?;
            Ok(geo::Polygon::new(exterior, holes))
        })
        .collect::<Result<Vec<_>>>()
        .map(geo::MultiPolygon::new)
}

/// The longest edge, in degrees of longitude or latitude, that an overlay's
/// result keeps: the overlay joins runs of collinear vertices into one
/// straight edge, which strikemap would read as a geodesic; vertices added
/// every 0.01° (about 1 km) keep the two within about 3 cm of each other.
const MAX_EDGE_DEGREES: f64 = 0.01;

/// A `geo` multipolygon back as an area (`None` if it is empty), its long
/// straight edges given vertices every [`MAX_EDGE_DEGREES`].
fn from_geo(mp: &geo::MultiPolygon<f64>) -> Result<Option<Area>> {
    let ring = |r: &geo::LineString<f64>| -> Result<Vec<LatLon>> {
        let mut coords: Vec<geo::Coord<f64>> = Vec::with_capacity(r.0.len());
        for w in r.0.windows(2) {
            let (a, b) = (w[0], w[1]);
            let steps = ((b.x - a.x).abs().max((b.y - a.y).abs()) / MAX_EDGE_DEGREES).ceil();
            let n = (steps as usize).max(1);
            for i in 0..n {
                let t = i as f64 / n as f64;
                coords.push(geo::Coord {
                    x: a.x + (b.x - a.x) * t,
                    y: a.y + (b.y - a.y) * t,
                });
            }
        }
        coords.extend(r.0.last().copied());
        let mut out: Vec<LatLon> = coords
            .into_iter()
            .map(|c| LatLon::from_point(geo::Point::from(c)))
            .collect::<Result<_>>()?;
        if out.first() != out.last()
            && let Some(&first) = out.first()
        {
            out.push(first);
        }
        Ok(out)
    };
    let polygons =
        mp.0.iter()
            .filter(|p| p.exterior().0.len() >= 4)
            .map(|p| {
                let mut rings = vec![ring(p.exterior())?];
                for h in p.interiors().iter().filter(|h| h.0.len() >= 4) {
                    rings.push(ring(h)?);
                }
                Polygon::new(rings)
            })
            .collect::<Result<Vec<_>>>()?;
    if polygons.is_empty() {
        return Ok(None);
    }
    Area::new(polygons).map(Some)
}
