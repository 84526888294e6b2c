//! The property schema of strikemap's features: one name for each property
//! a model kind writes and reads back, used by both the export
//! (`properties.rs`) and the import (`import.rs`), so the two cannot drift.

use super::FeatureKind;

/// Property names, as written in GeoJSON.
pub(crate) mod key {
    /// The feature kind (`air_base`, `strike`, ...).
    pub(crate) const KIND: &str = "kind";
    /// The model's name.
    pub(crate) const NAME: &str = "name";
    /// A label for map tools (the name, or a strike's description).
    pub(crate) const TITLE: &str = "title";
    /// An ISO 8601 date.
    pub(crate) const DATE: &str = "date";
    /// The date as milliseconds since 1970 (derived from `date`).
    pub(crate) const TIMESTAMP: &str = "timestamp";
    /// A source's title.
    pub(crate) const SOURCE: &str = "source";
    /// A source's address.
    pub(crate) const SOURCE_URL: &str = "source_url";
    /// A source's date.
    pub(crate) const SOURCE_DATE: &str = "source_date";
    /// Several sources (front lines).
    pub(crate) const SOURCES: &str = "sources";
    /// An ISO 3166-1 alpha-2 code.
    pub(crate) const COUNTRY: &str = "country";
    /// A region's name.
    pub(crate) const REGION: &str = "region";
    /// Other names.
    pub(crate) const ALIASES: &str = "aliases";
    /// A site's category.
    pub(crate) const CATEGORY: &str = "category";
    /// An air base's ICAO code.
    pub(crate) const ICAO: &str = "icao";
    /// A city's population.
    pub(crate) const POPULATION: &str = "population";
    /// Whether a front line is a sketch.
    pub(crate) const APPROXIMATE: &str = "approximate";
    /// The names of a front line's vertices.
    pub(crate) const WAYPOINTS: &str = "waypoints";
    /// A territory's map scale.
    pub(crate) const SCALE: &str = "scale";
    /// A strike's (or arc's) target name.
    pub(crate) const TARGET: &str = "target";
    /// The weapon.
    pub(crate) const WEAPON: &str = "weapon";
    /// A strike's own id.
    pub(crate) const STRIKE_ID: &str = "strike_id";
    /// Where a strike was launched from (its name).
    pub(crate) const LAUNCH: &str = "launch";
    /// Where a strike was launched from (`[lon, lat]`).
    pub(crate) const LAUNCH_POSITION: &str = "launch_position";
    /// Claimed counts of a strike.
    pub(crate) const COUNTS: &str = "counts";
    /// A strike's description.
    pub(crate) const DESCRIPTION: &str = "description";
    /// A range ring's centre (`[lon, lat]`).
    pub(crate) const CENTRE: &str = "centre";
    /// A range ring's radius in metres (the value read back).
    pub(crate) const RADIUS_M: &str = "radius_m";
    /// Derived: a ring's radius in km.
    pub(crate) const RADIUS_KM: &str = "radius_km";
    /// Derived: a ring's radius in miles.
    pub(crate) const RADIUS_MI: &str = "radius_mi";
    /// Derived: a front line's length in km.
    pub(crate) const LENGTH_KM: &str = "length_km";
    /// Derived: a front line's length in miles.
    pub(crate) const LENGTH_MI: &str = "length_mi";
    /// Derived: a strike's or arc's distance in km.
    pub(crate) const DISTANCE_KM: &str = "distance_km";
    /// Derived: a strike's or arc's distance in miles.
    pub(crate) const DISTANCE_MI: &str = "distance_mi";
    /// Derived: a territory's area in km².
    pub(crate) const AREA_KM2: &str = "area_km2";
    /// A marker's ring or arc (its name).
    pub(crate) const MARKER_OF: &str = "marker_of";
    /// What a marker marks: `centre`, `launch` or `impact`.
    pub(crate) const ROLE: &str = "role";
}

use key::*;

/// Written for every place (air bases, cities, sites) and, where they have
/// them, for the other kinds.
const SOURCE_KEYS: [&str; 3] = [SOURCE, SOURCE_URL, SOURCE_DATE];
const PLACE: [&str; 6] = [KIND, NAME, COUNTRY, REGION, ALIASES, CATEGORY];

/// Every property strikemap writes for a kind and reads back (or checks,
/// for the derived ones), besides `title`; a property outside this list is
/// the user's own and travels untouched.
pub(crate) fn keys(kind: FeatureKind) -> Vec<&'static str> {
    let mut keys: Vec<&str> = match kind {
        FeatureKind::AirBase => [&PLACE[..], &[ICAO]].concat(),
        FeatureKind::City => [&PLACE[..], &[POPULATION]].concat(),
        FeatureKind::Site => PLACE.to_vec(),
        FeatureKind::FrontLine => vec![
            KIND,
            NAME,
            DATE,
            TIMESTAMP,
            APPROXIMATE,
            WAYPOINTS,
            SOURCES,
            LENGTH_KM,
            LENGTH_MI,
        ],
        FeatureKind::Territory => vec![KIND, NAME, COUNTRY, ALIASES, SCALE, AREA_KM2],
        FeatureKind::Strike => vec![
            KIND,
            NAME,
            DATE,
            TIMESTAMP,
            TARGET,
            WEAPON,
            STRIKE_ID,
            LAUNCH,
            LAUNCH_POSITION,
            COUNTS,
            DESCRIPTION,
            DISTANCE_KM,
            DISTANCE_MI,
        ],
        FeatureKind::StrikeArc => vec![
            KIND,
            NAME,
            DATE,
            TIMESTAMP,
            LAUNCH,
            TARGET,
            WEAPON,
            STRIKE_ID,
            DISTANCE_KM,
            DISTANCE_MI,
        ],
        FeatureKind::RangeRing => vec![KIND, NAME, CENTRE, RADIUS_M, RADIUS_KM, RADIUS_MI],
        FeatureKind::Marker => vec![KIND, NAME, MARKER_OF, ROLE],
    };
    if !matches!(kind, FeatureKind::FrontLine | FeatureKind::Marker) {
        keys.extend(SOURCE_KEYS);
    }
    keys
}
