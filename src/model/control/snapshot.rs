//! [`Snapshot`]: the area one side held on one date, prepared for queries.

use std::sync::{Arc, OnceLock};

use jiff::civil::Date;

use super::contact::ContactOptions;
use super::generalise::{GENERALISATION_TOLERANCES, Generalised, generalised_lengths};
use super::overlay;
use crate::distance::Distance;
use crate::error::{Error, Result};
use crate::measure::{AreaMeasure as _, Geodesic, PreparedArea, Target as _};
use crate::model::{FrontLine, Territory};
use crate::position::LatLon;
use crate::shape::Area;

/// The area one side held on one date, with its line of contact.
///
/// Made by [`ControlMap::insert`](super::ControlMap::insert) (or the readers
/// of [`io::control`](crate::io::control)). Its indexes and its line of
/// contact are built on first use and shared by clones.
///
/// ```
/// use strikemap::{Area, Date, LatLon, model::ControlMap};
/// let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 49.0], [30.0, 48.0]]]])?;
/// let mut map = ControlMap::new("held");
/// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
/// let s = &map.snapshots()[0];
/// assert!(s.holds(LatLon::new(48.5, 30.5)?));
/// approx::assert_relative_eq!(s.distance_to_held(LatLon::new(48.5, 29.0)?).as_km(), 73.9, epsilon = 0.1);
/// approx::assert_relative_eq!(s.held_km2(), 8_213.0, epsilon = 5.0);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Snapshot {
    date: Date,
    origin: String,
    held: Arc<PreparedArea>,
    options: Option<Arc<ContactOptions>>,
    contact: Arc<OnceLock<Result<FrontLine>>>,
}

impl Snapshot {
    pub(super) fn new(
        date: Date,
        held: Area,
        origin: String,
        options: Option<Arc<ContactOptions>>,
    ) -> Snapshot {
        Snapshot {
            date,
            origin,
            held: Arc::new(PreparedArea::new(held)),
            options,
            contact: Arc::new(OnceLock::new()),
        }
    }

    /// The same snapshot with other contact settings (a fresh contact line).
    pub(super) fn rebuilt(self, options: Option<Arc<ContactOptions>>) -> Snapshot {
        Snapshot {
            options,
            contact: Arc::new(OnceLock::new()),
            ..self
        }
    }

    /// Its date.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
    /// assert_eq!(map.snapshots()[0].date(), Date::constant(2025, 6, 1));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn date(&self) -> Date {
        self.date
    }

    /// Where it came from: a file name, or a feature of one file.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "day1.geojson")?;
    /// assert_eq!(map.snapshots()[0].origin(), "day1.geojson");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The held area (edges geodesic).
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
    /// assert_eq!(map.snapshots()[0].area().polygons().len(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn area(&self) -> &Area {
        self.held.area()
    }

    /// The held area in its prepared (indexed) form.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
    /// assert_eq!(map.snapshots()[0].prepared().edge_count(), 3);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn prepared(&self) -> &PreparedArea {
        &self.held
    }

    /// Whether the point lies in the held area (exact geodesic edges; a
    /// point on the boundary is held).
    ///
    /// ```
    /// # use strikemap::{Area, Date, LatLon, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
    /// assert!(!map.snapshots()[0].holds(LatLon::new(49.5, 30.5)?));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn holds(&self, p: LatLon) -> bool {
        self.held.contains(p)
    }

    /// The distance from the point to the held area on WGS84 (0 inside).
    ///
    /// ```
    /// # use strikemap::{Area, Date, Distance, LatLon, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
    /// assert_eq!(map.snapshots()[0].distance_to_held(LatLon::new(48.5, 30.5)?), Distance::ZERO);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn distance_to_held(&self, p: LatLon) -> Distance {
        self.held.nearest_to(p).distance
    }

    /// The held area in km² on WGS84 (Karney's polygon area).
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
    /// assert!(map.snapshots()[0].held_km2() > 8_000.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn held_km2(&self) -> f64 {
        Geodesic.area_km2(self.area())
    }

    /// The part of the held area inside a territory (a country, a region),
    /// in km² on WGS84. The overlay is computed on longitude/latitude with
    /// straight edges, then measured on the ellipsoid (see
    /// [`Change`](super::Change) for the error this allows).
    ///
    /// # Errors
    /// [`Error::InvalidGeometry`] if the overlay produced an invalid ring.
    ///
    /// ```
    /// use strikemap::{Area, Date, Territory, model::ControlMap};
    /// let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 49.0], [30.0, 48.0]]]])?;
    /// let west = Territory::new("W", Area::from_lon_lat(&[vec![vec![[29.0, 47.0], [30.5, 47.0], [30.5, 50.0], [29.0, 50.0], [29.0, 47.0]]]])?);
    /// let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
    /// let s = &map.snapshots()[0];
    /// approx::assert_relative_eq!(s.held_km2_within(&west)?, s.held_km2() / 2.0, max_relative = 0.002);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn held_km2_within(&self, territory: &Territory) -> Result<f64> {
        Ok(overlay::intersection(self.area(), territory.area())?
            .map_or(0.0, |a| Geodesic.area_km2(&a)))
    }

    /// The line of contact: the held area's boundary where it is not the
    /// reference country's border or coast (see [`ContactOptions`]). Derived
    /// on first use, then shared.
    ///
    /// # Errors
    /// [`Error::NoReference`] if the control map has no contact settings
    /// ([`ControlMap::with_contact`](super::ControlMap::with_contact));
    /// [`Error::InvalidGeometry`] if no stretch of the boundary lies away
    /// from the border (there is no line of contact).
    ///
    /// ```
    /// use strikemap::{Area, Date, Territory, model::{ContactOptions, ControlMap}};
    /// let c = Territory::new("C", Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [32.0, 48.0], [32.0, 50.0], [30.0, 50.0], [30.0, 48.0]]]])?);
    /// let held = Area::from_lon_lat(&[vec![vec![[31.5, 48.5], [32.0, 48.5], [32.0, 49.5], [31.5, 49.5], [31.5, 48.5]]]])?;
    /// let mut map = ControlMap::new("held").with_contact(ContactOptions::new(c));
    /// map.insert(Date::constant(2025, 6, 1), held, "a")?;
    /// let line = map.snapshots()[0].contact_line()?;
    /// assert_eq!(line.as_of, Date::constant(2025, 6, 1));
    /// assert_eq!(line.line().parts().len(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn contact_line(&self) -> Result<&FrontLine> {
        let derived = self.contact.get_or_init(|| self.derive_contact());
        derived.as_ref().map_err(Clone::clone)
    }

    fn derive_contact(&self) -> Result<FrontLine> {
        let options = self.options.as_deref().ok_or(Error::NoReference {
            what: "a line of contact",
        })?;
        let line = options
            .derive(self.area())
            .map_err(|e| e.at(self.origin.clone()))?;
        Ok(FrontLine::new(
            format!("line of contact, {}", self.date),
            self.date,
            line,
        ))
    }

    /// The distance from the point to the line of contact on WGS84 (on
    /// either side of it).
    ///
    /// # Errors
    /// As [`Snapshot::contact_line`].
    ///
    /// ```
    /// use strikemap::{Area, Date, LatLon, Territory, model::{ContactOptions, ControlMap}};
    /// let c = Territory::new("C", Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [32.0, 48.0], [32.0, 50.0], [30.0, 50.0], [30.0, 48.0]]]])?);
    /// let held = Area::from_lon_lat(&[vec![vec![[31.5, 48.5], [32.0, 48.5], [32.0, 49.5], [31.5, 49.5], [31.5, 48.5]]]])?;
    /// let mut map = ControlMap::new("held").with_contact(ContactOptions::new(c));
    /// map.insert(Date::constant(2025, 6, 1), held, "a")?;
    /// // 0.25° of longitude west of the held square's western edge at 49°N: ~18.3 km.
    /// let d = map.snapshots()[0].distance_to_contact(LatLon::new(49.0, 31.25)?)?;
    /// approx::assert_relative_eq!(d.as_km(), 18.3, epsilon = 0.1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn distance_to_contact(&self, p: LatLon) -> Result<Distance> {
        Ok(self.contact_line()?.distance_to(p))
    }

    /// The contact line's length after generalisation at each of
    /// [`GENERALISATION_TOLERANCES`] (0.5, 1, 2 and 5 km), with the full
    /// length first (tolerance 0).
    ///
    /// # Errors
    /// As [`Snapshot::contact_line`].
    ///
    /// ```
    /// use strikemap::{Area, Date, Territory, model::{ContactOptions, ControlMap}};
    /// let c = Territory::new("C", Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [32.0, 48.0], [32.0, 50.0], [30.0, 50.0], [30.0, 48.0]]]])?);
    /// let held = Area::from_lon_lat(&[vec![vec![[31.5, 48.5], [32.0, 48.5], [32.0, 49.5], [31.5, 49.5], [31.5, 48.5]]]])?;
    /// let mut map = ControlMap::new("held").with_contact(ContactOptions::new(c));
    /// map.insert(Date::constant(2025, 6, 1), held, "a")?;
    /// let g = map.snapshots()[0].generalised()?;
    /// assert_eq!(g.len(), 5);
    /// assert_eq!(g[0].tolerance.as_km(), 0.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn generalised(&self) -> Result<Vec<Generalised>> {
        Ok(generalised_lengths(
            self.contact_line()?.line(),
            &GENERALISATION_TOLERANCES,
        ))
    }

    /// Builds the containment index and the line of contact (with its
    /// index) now; the held boundary's distance index, which only
    /// [`Snapshot::distance_to_held`] needs, is left to its first use.
    pub(super) fn prepare(&self) -> Result<()> {
        let probe = self.area().polygons()[0].exterior()[0];
        let _ = self.held.contains(probe);
        if self.options.is_some() {
            let line = self.contact_line()?;
            let _ = line.distance_to(probe);
        }
        Ok(())
    }
}
