//! [`MapItem`] and [`MapFeature`]: a typed model with what a GeoJSON
//! feature adds to it (id, style, extra properties).

use geojson::feature::Id;
use geojson::{JsonObject, JsonValue};

use super::{FeatureKind, Style};
use crate::model::{
    AirBase, City, FrontLine, Place, RangeRing, Site, Strike, StrikeArc, Territory,
};

/// Anything strikemap draws on a map: one of its models, or a range ring
/// or strike arc.
///
/// ```
/// use strikemap::{City, CountryCode, LatLon, io::geojson::{FeatureKind, MapItem}};
/// let kyiv = MapItem::from(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?));
/// assert_eq!((kyiv.kind(), kyiv.name()), (FeatureKind::City, "Kyiv".to_string()));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum MapItem {
    /// An air base, city or other site: a Point.
    Place(Place),
    /// A front line: a (Multi)LineString.
    FrontLine(FrontLine),
    /// A territory: a (Multi)Polygon.
    Territory(Territory),
    /// A strike: a Point at the target.
    Strike(Strike),
    /// A strike arc: a (Multi)LineString from launch point to target.
    StrikeArc(StrikeArc),
    /// A range ring: a (Multi)Polygon.
    RangeRing(RangeRing),
}

impl MapItem {
    /// The kind written as the `kind` property.
    ///
    /// ```
    /// use strikemap::{Distance, LatLon, io::geojson::{FeatureKind, MapItem}, model::RangeRing};
    /// let r = RangeRing::new("r", LatLon::new(0.0, 0.0)?, Distance::from_km(10.0))?;
    /// assert_eq!(MapItem::from(r).kind(), FeatureKind::RangeRing);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn kind(&self) -> FeatureKind {
        match self {
            MapItem::Place(Place::AirBase(_)) => FeatureKind::AirBase,
            MapItem::Place(Place::City(_)) => FeatureKind::City,
            MapItem::Place(Place::Site(_)) => FeatureKind::Site,
            MapItem::FrontLine(_) => FeatureKind::FrontLine,
            MapItem::Territory(_) => FeatureKind::Territory,
            MapItem::Strike(_) => FeatureKind::Strike,
            MapItem::StrikeArc(_) => FeatureKind::StrikeArc,
            MapItem::RangeRing(_) => FeatureKind::RangeRing,
        }
    }

    /// The name written as the `name` property: the model's name; a
    /// strike's target; an arc's `"launch → target"`.
    ///
    /// ```
    /// use strikemap::{LatLon, Strike, io::geojson::MapItem, model::{Endpoint, Weapon}};
    /// let s = Strike::new(strikemap::Date::constant(2025, 6, 1), Endpoint::new("Olenya", LatLon::new(68.15, 33.46)?), Weapon::Drone);
    /// assert_eq!(MapItem::from(s).name(), "Olenya");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn name(&self) -> String {
        match self {
            MapItem::Place(p) => p.name().to_string(),
            MapItem::FrontLine(f) => f.name.clone(),
            MapItem::Territory(t) => t.name.clone(),
            MapItem::Strike(s) => s.target.name.clone(),
            MapItem::StrikeArc(a) => a.name(),
            MapItem::RangeRing(r) => r.name.clone(),
        }
    }
}

macro_rules! map_item_from {
    ($($ty:ty => $body:expr),* $(,)?) => {
        $(impl From<$ty> for MapItem {
            fn from(value: $ty) -> MapItem {
                let f: fn($ty) -> MapItem = $body;
                f(value)
            }
        })*
    };
}

map_item_from! {
    Place => MapItem::Place,
    AirBase => |b| MapItem::Place(Place::AirBase(b)),
    City => |c| MapItem::Place(Place::City(c)),
    Site => |s| MapItem::Place(Place::Site(s)),
    FrontLine => MapItem::FrontLine,
    Territory => MapItem::Territory,
    Strike => MapItem::Strike,
    StrikeArc => MapItem::StrikeArc,
    RangeRing => MapItem::RangeRing,
}

/// One feature of a map: a [`MapItem`] and what the GeoJSON feature adds:
/// an id, a style, extra properties (claim verdicts, notes, a third-party
/// file's own columns) and foreign members.
///
/// Exporting writes the item's properties, then its style, then the extra
/// properties, which win over anything of the same name.
/// [`Imported`](crate::io::geojson::Imported) gives back exactly this from an exported
/// file, so that export → import → export is lossless.
///
/// ```
/// use strikemap::{AirBase, CountryCode, LatLon, io::geojson::{ExportOptions, MapFeature, Style}};
/// let olenya = AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, CountryCode::new("RU")?);
/// let f = MapFeature::new(olenya)
///     .with_property("verdict", "consistent")
///     .with_style(Style::new().with_marker_color("#000000")?);
/// let feature = f.to_feature(&ExportOptions::default())?;
/// assert_eq!(feature.property("verdict"), Some(&serde_json::json!("consistent")));
/// assert_eq!(feature.property("marker-color"), Some(&serde_json::json!("#000000")));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MapFeature {
    /// What is drawn.
    pub item: MapItem,
    /// The feature's `id`; when `None` the export derives one from the kind
    /// and name (e.g. `"air_base/olenya"`).
    pub id: Option<Id>,
    /// Style properties for this feature alone, merged over its kind's style.
    pub style: Style,
    /// Extra properties, written after (and over) strikemap's own.
    pub properties: JsonObject,
    /// Members of the Feature object other than `type`, `id`, `geometry`,
    /// `properties` and `bbox` (RFC 7946 §6.1), kept as read.
    pub foreign_members: JsonObject,
}

impl<T: Into<MapItem>> From<T> for MapFeature {
    fn from(item: T) -> MapFeature {
        MapFeature::new(item)
    }
}

impl MapFeature {
    /// A feature with no id, style or extra properties.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, io::geojson::MapFeature};
    /// let f = MapFeature::new(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?));
    /// assert!(f.id.is_none() && f.properties.is_empty());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(item: impl Into<MapItem>) -> MapFeature {
        MapFeature {
            item: item.into(),
            id: None,
            style: Style::new(),
            properties: JsonObject::new(),
            foreign_members: JsonObject::new(),
        }
    }

    /// Sets the id.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, io::geojson::MapFeature};
    /// let f = MapFeature::new(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?)).with_id("kyiv");
    /// assert_eq!(f.id, Some(geojson::feature::Id::String("kyiv".into())));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_id(mut self, id: impl Into<String>) -> MapFeature {
        self.id = Some(Id::String(id.into()));
        self
    }

    /// Merges `style` into this feature's style.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, io::geojson::{MapFeature, Style}};
    /// let f = MapFeature::new(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?))
    ///     .with_style(Style::new().with_marker_symbol("star"));
    /// assert!(!f.style.is_empty());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_style(mut self, style: Style) -> MapFeature {
        self.style = self.style.merged(&style);
        self
    }

    /// Adds an extra property (a claim verdict, a note), written after
    /// strikemap's own properties and over any of the same name.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, io::geojson::MapFeature};
    /// let f = MapFeature::new(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?))
    ///     .with_property("distance_to_front_km", 412.3);
    /// assert_eq!(f.properties["distance_to_front_km"], serde_json::json!(412.3));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_property(
        mut self,
        key: impl Into<String>,
        value: impl Into<JsonValue>,
    ) -> MapFeature {
        self.properties.insert(key.into(), value.into());
        self
    }

    /// The kind of the item.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, io::geojson::{FeatureKind, MapFeature}};
    /// let f = MapFeature::new(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?));
    /// assert_eq!(f.kind(), FeatureKind::City);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn kind(&self) -> FeatureKind {
        self.item.kind()
    }
}
