//! [`Strike`]: an attack on a target, with the counts sides claimed.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Source;
use crate::distance::Distance;
use crate::measure::{Geodesic, Metric as _};
use crate::position::LatLon;

/// The kind of weapon used.
///
/// ```
/// assert_eq!(strikemap::model::Weapon::BallisticMissile.name(), "ballistic_missile");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weapon {
    /// Uncrewed aerial vehicles (one-way attack or FPV drones).
    Drone,
    /// Ballistic missiles.
    BallisticMissile,
    /// Cruise missiles.
    CruiseMissile,
    /// Guided glide bombs.
    GlideBomb,
    /// Tube or rocket artillery.
    Artillery,
    /// Anything else (say what in the strike's description).
    Other,
}

impl Weapon {
    /// The snake-case name used in JSON.
    ///
    /// ```
    /// assert_eq!(strikemap::model::Weapon::GlideBomb.name(), "glide_bomb");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Weapon::Drone => "drone",
            Weapon::BallisticMissile => "ballistic_missile",
            Weapon::CruiseMissile => "cruise_missile",
            Weapon::GlideBomb => "glide_bomb",
            Weapon::Artillery => "artillery",
            Weapon::Other => "other",
        }
    }
}

/// What a claimed count counts.
///
/// ```
/// assert_eq!(strikemap::model::CountKind::Intercepted.name(), "intercepted");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountKind {
    /// Weapons launched.
    Launched,
    /// Weapons that hit, or targets hit.
    Hit,
    /// Targets (or weapons) destroyed.
    Destroyed,
    /// Weapons shot down or jammed.
    Intercepted,
    /// Targets damaged.
    Damaged,
}

impl CountKind {
    /// The snake-case name used in JSON.
    ///
    /// ```
    /// assert_eq!(strikemap::model::CountKind::Launched.name(), "launched");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            CountKind::Launched => "launched",
            CountKind::Hit => "hit",
            CountKind::Destroyed => "destroyed",
            CountKind::Intercepted => "intercepted",
            CountKind::Damaged => "damaged",
        }
    }
}

/// A number one side claimed: "162 drones downed", "52 of 80 damaged".
///
/// ```
/// use strikemap::{model::{ClaimedCount, CountKind}};
/// let c = ClaimedCount::new(CountKind::Damaged, 52, "Russian Ministry of Defence").out_of(80);
/// assert_eq!(c.rate(), Some(0.65));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClaimedCount {
    /// What is counted.
    pub kind: CountKind,
    /// How many.
    pub count: u32,
    /// Of how many, when the claim is "N out of M".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of: Option<u32>,
    /// Who claimed it.
    pub claimed_by: String,
}

impl ClaimedCount {
    /// A count claimed by someone.
    ///
    /// ```
    /// use strikemap::{model::{ClaimedCount, CountKind}};
    /// let c = ClaimedCount::new(CountKind::Launched, 472, "Ukrainian Air Force");
    /// assert_eq!((c.count, c.out_of), (472, None));
    /// ```
    pub fn new(kind: CountKind, count: u32, claimed_by: impl Into<String>) -> ClaimedCount {
        ClaimedCount {
            kind,
            count,
            out_of: None,
            claimed_by: claimed_by.into(),
        }
    }

    /// Makes it "N out of M".
    ///
    /// ```
    /// use strikemap::{model::{ClaimedCount, CountKind}};
    /// let c = ClaimedCount::new(CountKind::Damaged, 52, "as reported").out_of(80);
    /// assert_eq!(c.out_of, Some(80));
    /// ```
    #[must_use]
    pub fn out_of(mut self, total: u32) -> ClaimedCount {
        self.out_of = Some(total);
        self
    }

    /// N / M for "N out of M" claims (`None` otherwise, or when M is 0).
    ///
    /// ```
    /// use strikemap::{model::{ClaimedCount, CountKind}};
    /// assert_eq!(ClaimedCount::new(CountKind::Hit, 1, "x").out_of(4).rate(), Some(0.25));
    /// assert_eq!(ClaimedCount::new(CountKind::Hit, 1, "x").rate(), None);
    /// ```
    pub fn rate(&self) -> Option<f64> {
        match self.out_of {
            Some(total) if total > 0 => Some(f64::from(self.count) / f64::from(total)),
            _ => None,
        }
    }
}

/// A named point an attack came from or went to.
///
/// ```
/// let e = strikemap::model::Endpoint::new("Kharkiv", strikemap::LatLon::new(49.99, 36.23)?);
/// assert_eq!(e.name, "Kharkiv");
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Endpoint {
    /// The name.
    pub name: String,
    /// The position.
    pub position: LatLon,
}

impl Endpoint {
    /// A named point.
    ///
    /// ```
    /// let e = strikemap::model::Endpoint::new("Kyiv", strikemap::LatLon::new(50.45, 30.52)?);
    /// assert_eq!(e.position.lat(), 50.45);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(name: impl Into<String>, position: LatLon) -> Endpoint {
        Endpoint {
            name: name.into(),
            position,
        }
    }
}

/// An attack: when, on what, with what, from where, and what each side claimed.
///
/// ```
/// use strikemap::{LatLon, Source, Strike, model::{ClaimedCount, CountKind, Endpoint, Weapon}};
/// let s = Strike::new(strikemap::Date::constant(2025, 6, 7), Endpoint::new("Kharkiv", LatLon::new(49.99, 36.23)?), Weapon::BallisticMissile)
///     .with_launch(Endpoint::new("Belgorod area", LatLon::new(50.6, 36.6)?))
///     .with_count(ClaimedCount::new(CountKind::Launched, 2, "Ukrainian Air Force"))
///     .with_source(Source::new("a news report of 2 June 2025"));
/// approx::assert_relative_eq!(s.range().unwrap().as_km(), 72.80, epsilon = 0.01);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Strike {
    /// A stable identifier, if the source has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The day it happened.
    pub date: Date,
    /// What was struck.
    pub target: Endpoint,
    /// With what.
    pub weapon: Weapon,
    /// Where it was launched from, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launch: Option<Endpoint>,
    /// Numbers claimed about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<ClaimedCount>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where it is reported.
    #[serde(default)]
    pub source: Source,
}

impl Strike {
    /// A strike on a target on a day with a weapon.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let target = Endpoint::new("Kharkiv", LatLon::new(49.9935, 36.2304)?);
    /// # let s = Strike::new(strikemap::Date::constant(2025, 6, 2), target, Weapon::BallisticMissile);
    /// assert_eq!(s.weapon, Weapon::BallisticMissile);
    /// assert!(s.launch.is_none() && s.counts.is_empty());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(date: Date, target: Endpoint, weapon: Weapon) -> Strike {
        Strike {
            id: None,
            date,
            target,
            weapon,
            launch: None,
            counts: Vec::new(),
            description: None,
            source: Source::default(),
        }
    }

    /// Sets the identifier.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let target = Endpoint::new("Kharkiv", LatLon::new(49.9935, 36.2304)?);
    /// # let s = Strike::new(strikemap::Date::constant(2025, 6, 2), target, Weapon::BallisticMissile);
    /// assert_eq!(s.with_id("kharkiv-1").id.as_deref(), Some("kharkiv-1"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_id(mut self, id: impl Into<String>) -> Strike {
        self.id = Some(id.into());
        self
    }

    /// Sets the launch point.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let target = Endpoint::new("Kharkiv", LatLon::new(49.9935, 36.2304)?);
    /// # let s = Strike::new(strikemap::Date::constant(2025, 6, 2), target, Weapon::BallisticMissile);
    /// let s = s.with_launch(Endpoint::new("Belgorod", LatLon::new(50.6, 36.6)?));
    /// assert!(s.range().is_some());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_launch(mut self, launch: Endpoint) -> Strike {
        self.launch = Some(launch);
        self
    }

    /// Adds a claimed count.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let target = Endpoint::new("Kharkiv", LatLon::new(49.9935, 36.2304)?);
    /// # let s = Strike::new(strikemap::Date::constant(2025, 6, 2), target, Weapon::BallisticMissile);
    /// let s = s.with_count(ClaimedCount::new(CountKind::Hit, 2, "city officials"));
    /// assert_eq!(s.counts[0].count, 2);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_count(mut self, count: ClaimedCount) -> Strike {
        self.counts.push(count);
        self
    }

    /// Sets the description.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let target = Endpoint::new("Kharkiv", LatLon::new(49.9935, 36.2304)?);
    /// # let s = Strike::new(strikemap::Date::constant(2025, 6, 2), target, Weapon::BallisticMissile);
    /// assert_eq!(s.with_description("near a school").description.as_deref(), Some("near a school"));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_description(mut self, text: impl Into<String>) -> Strike {
        self.description = Some(text.into());
        self
    }

    /// Sets the source.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let target = Endpoint::new("Kharkiv", LatLon::new(49.9935, 36.2304)?);
    /// # let s = Strike::new(strikemap::Date::constant(2025, 6, 2), target, Weapon::BallisticMissile);
    /// assert_eq!(s.with_source(Source::new("AP")).source.title, "AP");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Strike {
        self.source = source;
        self
    }

    /// The geodesic distance from launch point to target, if the launch point is known.
    ///
    /// ```
    /// # use strikemap::{*, claim::*, io::geojson::*, measure::*, model::*};
    /// # let target = Endpoint::new("Kharkiv", LatLon::new(49.9935, 36.2304)?);
    /// # let s = Strike::new(strikemap::Date::constant(2025, 6, 2), target, Weapon::BallisticMissile);
    /// assert!(s.range().is_none());
    /// let s = s.with_launch(Endpoint::new("Belgorod", LatLon::new(50.6, 36.6)?));
    /// approx::assert_relative_eq!(s.range().unwrap().as_km(), 72.42, epsilon = 0.01);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn range(&self) -> Option<Distance> {
        self.launch
            .as_ref()
            .map(|l| Geodesic.distance(l.position, self.target.position))
    }
}
