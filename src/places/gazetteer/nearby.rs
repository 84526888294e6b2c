//! Reverse look-up: where a point is ([`where_is`]): its country, region,
//! and the nearest populated place and airfield, exact on WGS84.

use std::fmt;
use std::sync::OnceLock;

use rstar::{PointDistance, RTree, primitives::GeomWithData};

use super::entry::Entry;
use super::table::table;
use crate::bearing::Bearing;
use crate::distance::Distance;
use crate::measure::{Geodesic, Metric};
use crate::places::countries::Country;
use crate::places::regions::{self, Region};
use crate::position::LatLon;

/// A gazetteer place near a point: how far, and in which direction the
/// point lies from it.
///
/// ```
/// use strikemap::{LatLon, gazetteer};
/// let w = gazetteer::where_is(LatLon::new(48.35, 37.25)?);
/// let near = w.nearest_place.expect("a place nearby");
/// assert!(near.distance.as_km() < 30.0);
/// assert!(near.to_string().contains(" of "));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Nearby {
    /// The place.
    pub entry: Entry,
    /// The geodesic distance from it to the point (WGS84).
    pub distance: Distance,
    /// The initial bearing from the place to the point.
    pub bearing: Bearing,
}

/// `12 km NE of Pokrovsk`, `0.4 km N of Olenya Air Base`, `at Kyiv`
/// (closer than 50 m).
impl fmt::Display for Nearby {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let km = self.distance.as_km();
        if km < 0.05 {
            return write!(f, "at {}", self.entry.name);
        }
        if km < 10.0 {
            write!(f, "{km:.1} km")?;
        } else {
            write!(f, "{km:.0} km")?;
        }
        write!(
            f,
            " {} of {}",
            self.bearing.compass_point(),
            self.entry.name
        )
    }
}

/// Where a point is: the country and region it lies in (exact containment
/// in the bundled boundaries, geodesic edges, made consistent by
/// [`regions::locate`]), and the nearest populated
/// place and airfield of the gazetteer (exact geodesic distances on WGS84).
///
/// ```
/// use strikemap::{LatLon, gazetteer};
/// let w = gazetteer::where_is(LatLon::new(49.9935, 36.2304)?);
/// assert_eq!(w.country.and_then(|c| c.iso_a2).map(|c| c.to_string()).as_deref(), Some("UA"));
/// assert_eq!(w.region.map(|r| r.code.as_str()), Some("UA-63"));
/// assert_eq!(w.nearest_place.map(|n| n.entry.name), Some("Kharkiv"));
/// assert!(w.to_string().starts_with("in Ukraine, Kharkiv Oblast"));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Whereabouts {
    /// The point asked about.
    pub position: LatLon,
    /// The bundled country it lies in (1:50m), `None` at sea.
    pub country: Option<&'static Country>,
    /// The bundled admin-1 region it lies in (1:10m, simplified), `None`
    /// at sea or where the region layer gives a region of another country
    /// (near a border the two layers draw differently).
    pub region: Option<&'static Region>,
    /// The nearest populated place (GeoNames lists districts of large
    /// cities as places of their own: the nearest place to the centre of
    /// Kyiv is its Stare Misto district).
    pub nearest_place: Option<Nearby>,
    /// The nearest city of at least [`CITY_POPULATION`] (100,000) people,
    /// for context ("35 km NE of Kharkiv").
    pub nearest_city: Option<Nearby>,
    /// The nearest airfield or air base.
    pub nearest_airfield: Option<Nearby>,
}

/// `in Ukraine, Kharkiv Oblast; 3.2 km NE of Kharkiv; nearest airfield:
/// 12 km SW of ...` (at sea: `in no country (at sea)`).
impl fmt::Display for Whereabouts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.country, self.region) {
            (Some(c), Some(r)) => write!(f, "in {}, {}", c.common_name(), r.name)?,
            (Some(c), None) => write!(f, "in {}", c.common_name())?,
            (None, _) => f.write_str("in no country (at sea)")?,
        }
        if let Some(n) = self.nearest_place {
            write!(f, "; {n}")?;
        }
        if let Some(c) = self.nearest_city
            && self.nearest_place.is_none_or(|n| n.entry.id != c.entry.id)
        {
            write!(f, " ({c})")?;
        }
        if let Some(n) = self.nearest_airfield {
            write!(f, "; nearest airfield: {n}")?;
        }
        Ok(())
    }
}

/// A point on the unit sphere (x, y, z), for nearest-neighbour search by
/// chord length.
fn unit_vector(p: LatLon) -> [f64; 3] {
    let (lat, lon) = (p.lat().to_radians(), p.lon().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

type Tree = RTree<GeomWithData<[f64; 3], u32>>;

/// The population from which a place counts as a city for
/// [`Whereabouts::nearest_city`] and [`nearest_city`]: 100,000.
///
/// ```
/// use strikemap::{LatLon, gazetteer};
/// let city = gazetteer::nearest_city(LatLon::new(48.28, 37.18)?).unwrap();
/// assert!(city.entry.population >= gazetteer::CITY_POPULATION);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub const CITY_POPULATION: u64 = 100_000;

/// What a reverse look-up searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Search {
    Places,
    Cities,
    Airfields,
}

impl Search {
    fn takes(self, e: &Entry) -> bool {
        match self {
            Search::Places => !e.kind.is_airfield(),
            Search::Cities => !e.kind.is_airfield() && e.population >= CITY_POPULATION,
            Search::Airfields => e.kind.is_airfield(),
        }
    }
}

/// The rows one search takes, indexed by position (built on first use).
fn tree(search: Search) -> &'static Tree {
    static PLACES: OnceLock<Tree> = OnceLock::new();
    static CITIES: OnceLock<Tree> = OnceLock::new();
    static AIRFIELDS: OnceLock<Tree> = OnceLock::new();
    let cell = match search {
        Search::Places => &PLACES,
        Search::Cities => &CITIES,
        Search::Airfields => &AIRFIELDS,
    };
    cell.get_or_init(|| {
        let t = table();
        RTree::bulk_load(
            t.rows
                .iter()
                .enumerate()
                .filter_map(|(i, row)| {
                    let e = Entry::from_row(row)?;
                    let i = u32::try_from(i).ok()?;
                    search
                        .takes(&e)
                        .then(|| GeomWithData::new(unit_vector(e.position), i))
                })
                .collect(),
        )
    })
}

/// How much the ratio of geodesic distance to chord length may vary over
/// WGS84 between two nearby points (the ellipsoid's radii of curvature
/// differ from the mean radius by under 0.7 %), with room to spare: a
/// candidate farther by chord than the best geodesic one allows is skipped.
const CHORD_SLACK: f64 = 1.02;

/// The nearest entry of one kind to a point: the R-tree gives candidates in
/// order of chord length on the unit sphere; each is measured on WGS84
/// until no remaining candidate can be nearer.
fn nearest(p: LatLon, search: Search) -> Option<Nearby> {
    let t = table();
    let q = unit_vector(p);
    let mut best: Option<(Distance, Entry)> = None;
    for g in tree(search).nearest_neighbor_iter(&q) {
        let chord = g.geom().distance_2(&q).sqrt();
        if let Some((d, _)) = best {
            // The chord that the best distance so far spans on a sphere of
            // the mean radius, with slack for the ellipsoid.
            let angle = d.as_metres() / MEAN_RADIUS_M;
            if chord
                > 2.0
                    * (angle * CHORD_SLACK / 2.0)
                        .min(std::f64::consts::FRAC_PI_2)
                        .sin()
            {
                break;
            }
        }
        let Some(e) = Entry::from_row(t.rows[g.data as usize]) else {
            continue;
        };
        let d = Geodesic.distance(e.position, p);
        if best.is_none_or(|(b, _)| d < b) {
            best = Some((d, e));
        }
    }
    best.map(|(distance, entry)| Nearby {
        entry,
        distance,
        bearing: Geodesic.initial_bearing(entry.position, p),
    })
}

/// The mean radius of WGS84, (2a + b) / 3, in metres (IUGG).
const MEAN_RADIUS_M: f64 = 6_371_008.771_4;

/// The nearest populated place of the gazetteer to a point, exact on WGS84.
///
/// ```
/// let n = strikemap::gazetteer::nearest_place(strikemap::LatLon::new(49.9935, 36.2304)?).unwrap();
/// assert_eq!(n.entry.name, "Kharkiv");
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn nearest_place(p: LatLon) -> Option<Nearby> {
    nearest(p, Search::Places)
}

/// The nearest city of at least [`CITY_POPULATION`] (100,000) people to a
/// point, exact on WGS84.
///
/// ```
/// let n = strikemap::gazetteer::nearest_city(strikemap::LatLon::new(50.4501, 30.5234)?).unwrap();
/// assert_eq!(n.entry.name, "Kyiv");
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn nearest_city(p: LatLon) -> Option<Nearby> {
    nearest(p, Search::Cities)
}

/// The nearest airfield or air base of the gazetteer to a point, exact on
/// WGS84.
///
/// ```
/// let n = strikemap::gazetteer::nearest_airfield(strikemap::LatLon::new(68.15, 33.46)?).unwrap();
/// assert!(n.entry.codes().any(|c| c == "XLMO"));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn nearest_airfield(p: LatLon) -> Option<Nearby> {
    nearest(p, Search::Airfields)
}

/// Where a point is: country, region, nearest populated place and nearest
/// airfield (see [`Whereabouts`]). A point inside a region is in it
/// (distance 0); a point exactly on a border between two is in the first
/// in the bundled order.
///
/// ```
/// use strikemap::{LatLon, gazetteer};
/// let swapped = gazetteer::where_is(LatLon::new(30.5234, 50.4501)?);
/// assert_eq!(swapped.country.map(|c| c.common_name()), Some("Iran"));
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn where_is(p: LatLon) -> Whereabouts {
    let (country, region) = regions::locate(p);
    Whereabouts {
        position: p,
        country,
        region,
        nearest_place: nearest_place(p),
        nearest_city: nearest_city(p),
        nearest_airfield: nearest_airfield(p),
    }
}
