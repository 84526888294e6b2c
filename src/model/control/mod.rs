//! [`ControlMap`]: who held what, when. Dated snapshots of the area one
//! side holds, the line of contact derived from each, and the ground that
//! changed hands between two dates.
//!
//! - `mod.rs`: [`ControlMap`] (the series, `as_of`), [`AsOf`];
//! - `snapshot.rs`: [`Snapshot`] (one date: `holds`, distances, areas);
//! - `contact.rs`: [`ContactOptions`] and the derivation of the line of
//!   contact from the held area and the reference country's outline;
//! - `generalise.rs`: [`Generalised`] lengths (Douglas–Peucker on a local
//!   azimuthal-equidistant projection);
//! - `overlay.rs`: [`Change`] (gained and lost ground) and areas within a
//!   territory, by polygon overlay.
//!
//! Files are read by [`io::control`](crate::io::control).

mod contact;
mod generalise;
mod overlay;
mod snapshot;

use std::sync::Arc;

use jiff::civil::Date;

pub use contact::{ContactOptions, DEFAULT_BORDER_TOLERANCE};
pub use generalise::{GENERALISATION_TOLERANCES, Generalised, generalised_lengths};
pub use overlay::Change;
pub(crate) use overlay::union;
pub use snapshot::Snapshot;

use crate::error::{Error, Result};
use crate::shape::Area;

/// A series of dated snapshots of the area held by one side, and how the
/// line of contact is derived from them.
///
/// Snapshots are kept in date order, one per date. Each is prepared once
/// (its containment and distance indexes, and its line of contact, are
/// built on first use and shared by every later query and by clones), so a
/// million events dated across hundreds of snapshots cost one preparation
/// per snapshot. Changing how the contact line is derived
/// ([`ControlMap::with_contact`]) rebuilds every snapshot, so no answer
/// comes from the old settings.
///
/// ```
/// use strikemap::{Area, Date, LatLon, Territory, model::{ContactOptions, ControlMap}};
/// // A country (2° × 2°) and a held square on its eastern edge.
/// let country = Territory::new("Country", Area::from_lon_lat(&[vec![vec![
///     [30.0, 48.0], [32.0, 48.0], [32.0, 50.0], [30.0, 50.0], [30.0, 48.0]]]])?);
/// let held = Area::from_lon_lat(&[vec![vec![
///     [31.5, 48.5], [32.0, 48.5], [32.0, 49.5], [31.5, 49.5], [31.5, 48.5]]]])?;
/// let mut map = ControlMap::new("held").with_contact(ContactOptions::new(country));
/// map.insert(Date::constant(2025, 6, 1), held, "drawing")?;
/// let day = map.as_of(Date::constant(2025, 6, 2))?;
/// assert_eq!(day.date_used(), Date::constant(2025, 6, 1));
/// assert!(day.holds(LatLon::new(49.0, 31.8)?));
/// // The contact line is the held square's boundary away from the border:
/// // three sides (36.7 + 111.2 + 36.6 km), not the eastern edge on the
/// // border, and not the last 2 km (the border tolerance) before it.
/// let km = day.contact_line()?.length().as_km();
/// approx::assert_relative_eq!(km, 184.4 - 2.0 * 2.0, epsilon = 0.1);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ControlMap {
    /// Its name, e.g. `"Russian-occupied area (DeepStateMap)"`.
    pub name: String,
    snapshots: Vec<Snapshot>,
    contact: Option<Arc<ContactOptions>>,
}

/// The snapshot in force on a date: the latest on or before it.
///
/// It dereferences to the [`Snapshot`], and says which date was asked for
/// and which was used.
///
/// ```
/// use strikemap::{Area, Date, model::ControlMap};
/// let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
/// let mut map = ControlMap::new("held");
/// map.insert(Date::constant(2025, 5, 30), sq, "a")?;
/// let day = map.as_of(Date::constant(2025, 6, 2))?;
/// assert_eq!((day.date_asked(), day.date_used()), (Date::constant(2025, 6, 2), Date::constant(2025, 5, 30)));
/// assert_eq!(day.days_old(), 3);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AsOf<'a> {
    snapshot: &'a Snapshot,
    asked: Date,
}

impl AsOf<'_> {
    /// The date asked for.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// # map.insert(Date::constant(2025, 5, 30), sq, "a")?;
    /// assert_eq!(map.as_of(Date::constant(2025, 6, 2))?.date_asked(), Date::constant(2025, 6, 2));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn date_asked(&self) -> Date {
        self.asked
    }

    /// The date of the snapshot used (on or before the date asked).
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// # map.insert(Date::constant(2025, 5, 30), sq, "a")?;
    /// assert_eq!(map.as_of(Date::constant(2025, 6, 2))?.date_used(), Date::constant(2025, 5, 30));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn date_used(&self) -> Date {
        self.snapshot.date()
    }

    /// How many days older the snapshot used is than the date asked.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// # map.insert(Date::constant(2025, 5, 30), sq, "a")?;
    /// assert_eq!(map.as_of(Date::constant(2025, 5, 30))?.days_old(), 0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn days_old(&self) -> i32 {
        days_between(self.snapshot.date(), self.asked)
    }

    /// The snapshot itself, with the lifetime of the map.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// # map.insert(Date::constant(2025, 5, 30), sq, "a")?;
    /// assert_eq!(map.as_of(Date::constant(2025, 6, 2))?.snapshot().origin(), "a");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn snapshot(&self) -> &Snapshot {
        self.snapshot
    }
}

impl std::ops::Deref for AsOf<'_> {
    type Target = Snapshot;
    fn deref(&self) -> &Snapshot {
        self.snapshot
    }
}

/// Whole days from `a` to `b` (negative if `b` is earlier).
fn days_between(a: Date, b: Date) -> i32 {
    // Civil dates: the span in days is exact (no time zones involved).
    b.since(a).map_or(0, |span| span.get_days())
}

impl ControlMap {
    /// An empty control map. Until [`ControlMap::with_contact`] names a
    /// reference country, snapshots answer containment, distances to the
    /// held area and areas, but not the line of contact.
    ///
    /// ```
    /// let map = strikemap::model::ControlMap::new("held");
    /// assert!(map.is_empty());
    /// ```
    pub fn new(name: impl Into<String>) -> ControlMap {
        ControlMap {
            name: name.into(),
            snapshots: Vec::new(),
            contact: None,
        }
    }

    /// Sets how the line of contact is derived (the reference country and
    /// the border tolerance), rebuilding every snapshot's prepared state.
    ///
    /// ```
    /// use strikemap::{Area, Territory, model::{ContactOptions, ControlMap}};
    /// let c = Territory::new("C", Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [32.0, 48.0], [32.0, 50.0], [30.0, 48.0]]]])?);
    /// let map = ControlMap::new("held").with_contact(ContactOptions::new(c));
    /// assert_eq!(map.contact().map(|o| o.reference().name.as_str()), Some("C"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_contact(mut self, options: ContactOptions) -> ControlMap {
        let options = Arc::new(options);
        self.snapshots = self
            .snapshots
            .into_iter()
            .map(|s| s.rebuilt(Some(Arc::clone(&options))))
            .collect();
        self.contact = Some(options);
        self
    }

    /// How the line of contact is derived, if set.
    ///
    /// ```
    /// assert!(strikemap::model::ControlMap::new("held").contact().is_none());
    /// ```
    pub fn contact(&self) -> Option<&ContactOptions> {
        self.contact.as_deref()
    }

    /// Adds the snapshot of one date; `origin` says where it came from (a
    /// file name, `"feature 3"`), for messages.
    ///
    /// # Errors
    /// [`Error::DuplicateDate`] if a snapshot of that date is already held.
    ///
    /// ```
    /// use strikemap::{Area, Date, model::ControlMap};
    /// let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 2), sq.clone(), "a.geojson")?;
    /// let err = map.insert(Date::constant(2025, 6, 2), sq, "b.geojson").unwrap_err();
    /// assert_eq!(err.to_string(), "two control snapshots are dated 2025-06-02: a.geojson and b.geojson");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn insert(&mut self, date: Date, held: Area, origin: impl Into<String>) -> Result<()> {
        let origin = origin.into();
        match self.snapshots.binary_search_by_key(&date, Snapshot::date) {
            Ok(i) => Err(Error::DuplicateDate {
                date,
                first: self.snapshots[i].origin().to_string(),
                second: origin,
            }),
            Err(i) => {
                let snapshot = Snapshot::new(date, held, origin, self.contact.clone());
                self.snapshots.insert(i, snapshot);
                Ok(())
            }
        }
    }

    /// The snapshot in force on `date`: the latest dated on or before it.
    ///
    /// # Errors
    /// [`Error::NoSnapshot`] if the date is before the first snapshot, or
    /// the map is empty.
    ///
    /// ```
    /// use strikemap::{Area, Date, model::ControlMap};
    /// let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
    /// assert_eq!(map.as_of(Date::constant(2025, 7, 1))?.date_used(), Date::constant(2025, 6, 1));
    /// let err = map.as_of(Date::constant(2025, 5, 31)).unwrap_err();
    /// assert_eq!(err.to_string(), "no control snapshot on or before 2025-05-31: the first is dated 2025-06-01");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn as_of(&self, date: Date) -> Result<AsOf<'_>> {
        let after = self.snapshots.partition_point(|s| s.date() <= date);
        match after.checked_sub(1) {
            Some(i) => Ok(AsOf {
                snapshot: &self.snapshots[i],
                asked: date,
            }),
            None => Err(Error::NoSnapshot {
                date,
                first: self.snapshots.first().map(Snapshot::date),
            }),
        }
    }

    /// The snapshot dated exactly `date`, if there is one.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
    /// assert!(map.get(Date::constant(2025, 6, 1)).is_some() && map.get(Date::constant(2025, 6, 2)).is_none());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn get(&self, date: Date) -> Option<&Snapshot> {
        self.snapshots
            .binary_search_by_key(&date, Snapshot::date)
            .ok()
            .map(|i| &self.snapshots[i])
    }

    /// The snapshots, in date order.
    ///
    /// ```
    /// assert!(strikemap::model::ControlMap::new("held").snapshots().is_empty());
    /// ```
    pub fn snapshots(&self) -> &[Snapshot] {
        &self.snapshots
    }

    /// How many snapshots it holds.
    ///
    /// ```
    /// assert_eq!(strikemap::model::ControlMap::new("held").len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.snapshots.len()
    }

    /// Whether it holds no snapshot.
    ///
    /// ```
    /// assert!(strikemap::model::ControlMap::new("held").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.snapshots.is_empty()
    }

    /// The first and last dates, if any.
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
    /// assert_eq!(map.date_range(), Some((Date::constant(2025, 6, 1), Date::constant(2025, 6, 1))));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn date_range(&self) -> Option<(Date, Date)> {
        Some((
            self.snapshots.first()?.date(),
            self.snapshots.last()?.date(),
        ))
    }

    /// Prepares every snapshot now, in parallel, instead of on first use:
    /// its containment index and, when a reference is set, its line of
    /// contact and that line's distance index (what `holds` and
    /// `distance_to_contact` need); returns the first error of a contact
    /// derivation, if any.
    ///
    /// # Errors
    /// The first error of a contact derivation (see
    /// [`Snapshot::contact_line`]).
    ///
    /// ```
    /// # use strikemap::{Area, Date, model::ControlMap};
    /// # let sq = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 48.0]]]])?;
    /// # let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), sq, "a")?;
    /// map.prepare()?;
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn prepare(&self) -> Result<()> {
        use rayon::prelude::*;
        self.snapshots.par_iter().try_for_each(Snapshot::prepare)
    }

    /// The ground that changed hands from the snapshot in force on `from`
    /// to the one in force on `to`.
    ///
    /// # Errors
    /// [`Error::NoSnapshot`] if either date is before the first snapshot;
    /// [`Error::InvalidGeometry`] if the overlay produced a ring that is not
    /// a valid area (reported with the dates).
    ///
    /// ```
    /// use strikemap::{Area, Date, model::ControlMap};
    /// let a = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 49.0], [30.0, 48.0]]]])?;
    /// let b = Area::from_lon_lat(&[vec![vec![[30.0, 48.0], [31.5, 48.0], [31.5, 49.0], [30.0, 49.0], [30.0, 48.0]]]])?;
    /// let mut map = ControlMap::new("held");
    /// map.insert(Date::constant(2025, 6, 1), a, "a")?;
    /// map.insert(Date::constant(2025, 7, 1), b, "b")?;
    /// let change = map.change(Date::constant(2025, 6, 1), Date::constant(2025, 7, 1))?;
    /// // Gained less lost is the later area less the earlier.
    /// let (later, earlier) = (map.snapshots()[1].held_km2(), map.snapshots()[0].held_km2());
    /// approx::assert_relative_eq!(change.gained_km2() - change.lost_km2(), later - earlier, max_relative = 1e-6);
    /// // Edges are geodesics: the later square's longer top and bottom edges
    /// // bulge farther north than the earlier's, so slivers change hands too.
    /// approx::assert_relative_eq!(change.gained_km2(), 4_117.6, epsilon = 0.1);
    /// assert!(change.lost_km2() < 10.0);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn change(&self, from: Date, to: Date) -> Result<Change> {
        let (a, b) = (self.as_of(from)?, self.as_of(to)?);
        Change::between(a.snapshot(), b.snapshot())
    }
}
