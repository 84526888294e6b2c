//! [`StrikeArc`]: the geodesic from a launch point to a target, for maps.

use jiff::civil::Date;

use super::ring::{MAX_LON_STEP, MIN_SPLIT_M};
use super::{Endpoint, Strike, Weapon};
use crate::distance::Distance;
use crate::error::Result;
use crate::measure::{Geodesic, Metric as _};
use crate::position::LatLon;
use crate::position::wrap180;

/// The shortest path on WGS84 from a launch point to a target, drawn on a
/// map as a densified line (cut at the antimeridian by the GeoJSON export).
///
/// ```
/// use strikemap::{LatLon, model::{Endpoint, StrikeArc}};
/// let arc = StrikeArc::new(
///     Endpoint::new("Engels", LatLon::new(51.48, 46.2)?),
///     Endpoint::new("Kyiv", LatLon::new(50.45, 30.52)?),
/// );
/// approx::assert_relative_eq!(arc.length().as_km(), 1_105.3, epsilon = 0.1);
/// assert_eq!(arc.name(), "Engels → Kyiv");
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct StrikeArc {
    /// Where the weapons were launched from.
    pub launch: Endpoint,
    /// What they were aimed at.
    pub target: Endpoint,
    /// The day of the strike, if known.
    pub date: Option<Date>,
    /// The weapon, if known.
    pub weapon: Option<Weapon>,
    /// The [`Strike::id`] it belongs to, if any.
    pub strike_id: Option<String>,
}

impl StrikeArc {
    /// An arc from `launch` to `target`, with no date, weapon or strike.
    ///
    /// ```
    /// use strikemap::{LatLon, model::{Endpoint, StrikeArc}};
    /// let a = StrikeArc::new(Endpoint::new("A", LatLon::new(0.0, 0.0)?), Endpoint::new("B", LatLon::new(0.0, 1.0)?));
    /// assert!(a.date.is_none());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(launch: Endpoint, target: Endpoint) -> StrikeArc {
        StrikeArc {
            launch,
            target,
            date: None,
            weapon: None,
            strike_id: None,
        }
    }

    /// The arc of a strike whose launch point is known (`None` otherwise),
    /// carrying its date, weapon and id.
    ///
    /// ```
    /// use strikemap::{LatLon, Strike, model::{Endpoint, StrikeArc, Weapon}};
    /// let s = Strike::new(strikemap::Date::constant(2025, 6, 7), Endpoint::new("Kharkiv", LatLon::new(49.99, 36.23)?), Weapon::Drone);
    /// assert!(StrikeArc::from_strike(&s).is_none());
    /// let s = s.with_launch(Endpoint::new("Belgorod area", LatLon::new(50.6, 36.6)?)).with_id("s1");
    /// let arc = StrikeArc::from_strike(&s).unwrap();
    /// assert_eq!((arc.strike_id.as_deref(), arc.weapon), (Some("s1"), Some(Weapon::Drone)));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_strike(strike: &Strike) -> Option<StrikeArc> {
        let launch = strike.launch.clone()?;
        Some(StrikeArc {
            launch,
            target: strike.target.clone(),
            date: Some(strike.date),
            weapon: Some(strike.weapon),
            strike_id: strike.id.clone(),
        })
    }

    /// `"launch → target"`, the name the GeoJSON export writes.
    ///
    /// ```
    /// use strikemap::{LatLon, model::{Endpoint, StrikeArc}};
    /// let a = StrikeArc::new(Endpoint::new("A", LatLon::new(0.0, 0.0)?), Endpoint::new("B", LatLon::new(0.0, 1.0)?));
    /// assert_eq!(a.name(), "A → B");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn name(&self) -> String {
        format!("{} → {}", self.launch.name, self.target.name)
    }

    /// The geodesic distance from launch point to target on WGS84.
    ///
    /// ```
    /// use strikemap::{LatLon, model::{Endpoint, StrikeArc}};
    /// let a = StrikeArc::new(Endpoint::new("A", LatLon::new(0.0, 0.0)?), Endpoint::new("B", LatLon::new(0.0, 1.0)?));
    /// approx::assert_relative_eq!(a.length().as_metres(), 111_319.491, epsilon = 1e-3);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn length(&self) -> Distance {
        Geodesic.distance(self.launch.position, self.target.position)
    }

    /// Points along the geodesic, both ends included, at most `spacing`
    /// apart and at most 1° of longitude apart (near a pole).
    ///
    /// # Errors
    /// [`Error::InvalidNumber`](crate::Error::InvalidNumber) if `spacing` is
    /// not a positive, finite distance.
    ///
    /// ```
    /// use strikemap::{Distance, LatLon, model::{Endpoint, StrikeArc}};
    /// let a = StrikeArc::new(Endpoint::new("A", LatLon::new(0.0, 0.0)?), Endpoint::new("B", LatLon::new(0.0, 10.0)?));
    /// assert_eq!(a.vertices(Distance::from_km(100.0))?.len(), 13);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn vertices(&self, spacing: Distance) -> Result<Vec<LatLon>> {
        let even = Geodesic.points_between(self.launch.position, self.target.position, spacing)?;
        let mut out = Vec::with_capacity(even.len());
        if let Some(first) = even.first() {
            out.push(*first);
        }
        for w in even.windows(2) {
            split_by_longitude(w[0], w[1], &mut out, 0)?;
        }
        Ok(out)
    }
}

/// Adds the points after `a` up to `b`, halving (along the geodesic) edges
/// that change longitude by more than [`MAX_LON_STEP`]. An edge from or to
/// a pole is a meridian arc, drawn exactly as it is: the pole's longitude
/// means nothing, so the change of longitude to it is no reason to split
/// (splitting by it made an arc to the pole differ from the same arc read
/// back, whose pole carries another longitude).
fn split_by_longitude(a: LatLon, b: LatLon, out: &mut Vec<LatLon>, depth: usize) -> Result<()> {
    let polar = a.lat().abs() == 90.0 || b.lat().abs() == 90.0;
    let turn = if polar {
        0.0
    } else {
        wrap180(b.lon() - a.lon()).abs()
    };
    if depth < 24 && turn > MAX_LON_STEP && Geodesic.distance(a, b).as_metres() > MIN_SPLIT_M {
        let mid = Geodesic.intermediate(a, b, 0.5)?;
        split_by_longitude(a, mid, out, depth + 1)?;
        split_by_longitude(mid, b, out, depth + 1)?;
    } else {
        out.push(b);
    }
    Ok(())
}
