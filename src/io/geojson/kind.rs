//! [`FeatureKind`]: what a map feature shows, written as its `kind` property.

use std::fmt;

/// What a map feature shows. Written as the feature's `kind` property
/// (`"air_base"`, `"city"`, ...), which is how [`Imported`](crate::io::geojson::Imported)
/// recognises strikemap's own features when a file is read back.
///
/// ```
/// use strikemap::io::geojson::FeatureKind;
/// assert_eq!(FeatureKind::RangeRing.name(), "range_ring");
/// assert_eq!(FeatureKind::from_name("strike_arc"), Some(FeatureKind::StrikeArc));
/// assert_eq!(FeatureKind::from_name("tank"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FeatureKind {
    /// An [`AirBase`](crate::AirBase): a Point.
    AirBase,
    /// A [`City`](crate::City): a Point.
    City,
    /// Any other [`Site`](crate::Site): a Point.
    Site,
    /// A [`FrontLine`](crate::FrontLine): a LineString or MultiLineString.
    FrontLine,
    /// A [`Territory`](crate::Territory): a Polygon or MultiPolygon.
    Territory,
    /// A [`Strike`](crate::Strike): a Point at the target.
    Strike,
    /// A [`StrikeArc`](crate::model::StrikeArc): the geodesic from launch point to
    /// target, a LineString or MultiLineString.
    StrikeArc,
    /// A [`RangeRing`](crate::model::RangeRing): the area within a distance of a
    /// point, a Polygon or MultiPolygon.
    RangeRing,
    /// A marker Point the export derives from a range ring (its centre) or
    /// a strike arc (its launch point and its point of impact), written
    /// right after it. Derived: the import skips it, and exporting again
    /// writes it afresh (see [`ExportOptions::with_markers`](crate::io::geojson::ExportOptions::with_markers)).
    Marker,
}

impl FeatureKind {
    /// Every kind, in the order their default styles are listed.
    ///
    /// ```
    /// assert_eq!(strikemap::io::geojson::FeatureKind::ALL.len(), 9);
    /// ```
    pub const ALL: [FeatureKind; 9] = [
        FeatureKind::AirBase,
        FeatureKind::City,
        FeatureKind::Site,
        FeatureKind::FrontLine,
        FeatureKind::Territory,
        FeatureKind::Strike,
        FeatureKind::StrikeArc,
        FeatureKind::RangeRing,
        FeatureKind::Marker,
    ];

    /// Every property strikemap writes for this kind and reads back (the
    /// derived ones, such as `distance_km`, are checked on reading; a
    /// [`FeatureKind::Marker`] is derived as a whole and not read), besides
    /// `title` and the simplestyle keys. The export and the import both
    /// take their names from this one list.
    ///
    /// ```
    /// use strikemap::io::geojson::FeatureKind;
    /// assert!(FeatureKind::RangeRing.properties().contains(&"radius_m"));
    /// assert!(!FeatureKind::City.properties().contains(&"radius_m"));
    /// ```
    pub fn properties(self) -> Vec<&'static str> {
        super::schema::keys(self)
    }

    /// The snake-case name written as the `kind` property.
    ///
    /// ```
    /// assert_eq!(strikemap::io::geojson::FeatureKind::AirBase.name(), "air_base");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            FeatureKind::AirBase => "air_base",
            FeatureKind::City => "city",
            FeatureKind::Site => "site",
            FeatureKind::FrontLine => "front_line",
            FeatureKind::Territory => "territory",
            FeatureKind::Strike => "strike",
            FeatureKind::StrikeArc => "strike_arc",
            FeatureKind::RangeRing => "range_ring",
            FeatureKind::Marker => "marker",
        }
    }

    /// The kind with this `kind` property value (exact, snake case), if any.
    ///
    /// ```
    /// use strikemap::io::geojson::FeatureKind;
    /// assert_eq!(FeatureKind::from_name("front_line"), Some(FeatureKind::FrontLine));
    /// assert_eq!(FeatureKind::from_name("Front line"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<FeatureKind> {
        FeatureKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The GeoJSON geometry types a feature of this kind is written as.
    ///
    /// ```
    /// use strikemap::io::geojson::FeatureKind;
    /// assert_eq!(FeatureKind::City.geometry_types(), ["Point"]);
    /// assert_eq!(FeatureKind::RangeRing.geometry_types(), ["Polygon", "MultiPolygon"]);
    /// ```
    pub const fn geometry_types(self) -> &'static [&'static str] {
        match self {
            FeatureKind::AirBase
            | FeatureKind::City
            | FeatureKind::Site
            | FeatureKind::Strike
            | FeatureKind::Marker => &["Point"],
            FeatureKind::FrontLine | FeatureKind::StrikeArc => &["LineString", "MultiLineString"],
            FeatureKind::Territory | FeatureKind::RangeRing => &["Polygon", "MultiPolygon"],
        }
    }

    /// Position in [`FeatureKind::ALL`].
    pub(crate) const fn index(self) -> usize {
        match self {
            FeatureKind::AirBase => 0,
            FeatureKind::City => 1,
            FeatureKind::Site => 2,
            FeatureKind::FrontLine => 3,
            FeatureKind::Territory => 4,
            FeatureKind::Strike => 5,
            FeatureKind::StrikeArc => 6,
            FeatureKind::RangeRing => 7,
            FeatureKind::Marker => 8,
        }
    }
}

impl fmt::Display for FeatureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_index_matches_all() {
        for (i, k) in FeatureKind::ALL.into_iter().enumerate() {
            assert_eq!(FeatureKind::from_name(k.name()), Some(k));
            assert_eq!(k.index(), i);
            assert_eq!(k.to_string(), k.name());
        }
    }
}
