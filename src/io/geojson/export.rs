//! Writing models as GeoJSON features (ids, foreign members; the geometry
//! is drawn in `drawn.rs`, the properties written in `properties.rs`), and
//! [`MapExport`], a FeatureCollection built in memory.
//!
//! Every position is rounded to the export precision *before* anything is
//! computed from it, and lengths and areas are measured on the geometry as
//! written, so the numbers in a file agree with its coordinates and
//! exporting what was imported gives the same file again.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Write;
use std::path::Path;

use geojson::feature::Id;
use geojson::{Feature, FeatureCollection, JsonObject, JsonValue};

use super::bbox::Extent;
use super::drawn::{Drawn, draw};
use super::marker::markers;
use super::properties::write_properties;
use super::{ExportOptions, FileSummary, MapFeature, MapItem, geometry_bbox};
use crate::error::{Error, Result};
use crate::model::{Catalog, StrikeArc};

/// Members of a Feature or FeatureCollection that strikemap writes itself.
pub(crate) const RESERVED_MEMBERS: [&str; 6] =
    ["type", "id", "geometry", "properties", "bbox", "features"];

/// An I/O error with the path (or `<input>`, `<output>`) it concerns.
pub(crate) fn io_error(path: impl Into<String>, err: std::io::Error) -> Error {
    Error::io(path, err)
}

/// Foreign members must not use a name GeoJSON reserves.
pub(crate) fn check_foreign_members(feature: &MapFeature) -> Result<()> {
    match feature
        .foreign_members
        .keys()
        .find(|k| RESERVED_MEMBERS.contains(&k.as_str()))
    {
        Some(k) => Err(Error::format(
            format!("foreign member {k:?}"),
            "a name other than type, id, geometry, properties, bbox and features",
            format!("{k:?}"),
        )),
        None => Ok(()),
    }
}

/// The feature: geometry, properties (strikemap's, then `title`, the kind's
/// style and the feature's style, then the extras), foreign members, a bbox
/// if asked for, and the id `id()` gives, asked for only once the feature is
/// known to be good (so a refused feature does not take an id).
pub(crate) fn build_feature(
    feature: &MapFeature,
    options: &ExportOptions,
    id: impl FnOnce() -> Id,
) -> Result<Feature> {
    build_drawn(feature, options, id).map(|(f, _)| f)
}

/// As [`build_feature`], with the geometry as drawn (for the markers).
fn build_drawn(
    feature: &MapFeature,
    options: &ExportOptions,
    id: impl FnOnce() -> Id,
) -> Result<(Feature, Drawn)> {
    check_foreign_members(feature)?;
    let drawn = draw(&feature.item, options)?;
    let mut props = JsonObject::new();
    write_properties(feature, &drawn, options, &mut props)?;
    let geometry = drawn.shape.to_geometry();
    let bbox = match options.bbox() {
        true => geometry_bbox(&geometry).map(|b| b.to_vec()),
        false => None,
    };
    let written = Feature {
        bbox,
        geometry: Some(geometry),
        id: Some(id()),
        properties: Some(props),
        foreign_members: (!feature.foreign_members.is_empty())
            .then(|| feature.foreign_members.clone()),
    };
    Ok((written, drawn))
}

/// Lower case letters and digits of `text`, other runs as one `-`,
/// appended to `out` (after a `-` if `out` holds text already).
fn push_slug(out: &mut String, text: &str) {
    let start = out.len();
    let mut gap = false;
    for c in text.chars() {
        if !c.is_alphanumeric() {
            gap = true;
            continue;
        }
        if gap && out.len() > start {
            out.push('-');
        }
        gap = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Lower case letters and digits of `text`, other runs as one `-`.
#[cfg(test)]
fn slug(text: &str) -> String {
    let mut out = String::new();
    push_slug(&mut out, text);
    out
}

/// The id derived from kind and name, e.g. `"air_base/olenya"` (just the
/// kind if the name has no letter or digit).
pub(crate) fn auto_id(item: &MapItem) -> String {
    let kind = item.kind().name();
    let mut out = String::with_capacity(kind.len() + 24);
    out.push_str(kind);
    out.push('/');
    match item {
        MapItem::Strike(s) => match &s.id {
            Some(id) => push_slug(&mut out, id),
            None => push_slug(&mut out, &format!("{} {}", s.date, s.target.name)),
        },
        MapItem::StrikeArc(a) => match &a.strike_id {
            Some(id) => push_slug(&mut out, id),
            None => push_slug(&mut out, &format!("{} {}", a.launch.name, a.target.name)),
        },
        other => push_slug(&mut out, &other.name()),
    }
    if out.len() == kind.len() + 1 {
        out.truncate(kind.len());
    }
    out
}

/// Hands out unique feature ids, in the order features are written (so
/// the result depends only on that order, and a stream can do it):
///
/// - a feature keeps its wanted (or derived) id if no earlier feature took
///   it. A number and a string with the same text (`1` and `"1"`) are the
///   same id to GeoJSON consumers, which compare ids as text, so the later
///   one is renamed;
/// - a taken id is renamed `STEM-N`: STEM is the id without a `-N` suffix
///   it may carry already (N a number of 2 or more, no leading zero), and N
///   the first of 2, 3, … after the last one given to that stem that no
///   feature took. So `x`, `x`, `x-2` become `x`, `x-2`, `x-3` (not
///   `x-2-2`), and `x-2`, `x`, `x` become `x-2`, `x`, `x-3`.
///
/// Each feature costs one or two set look-ups: the next N is remembered per
/// stem, so 20,000 features with one id take linear time.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ids {
    /// 64-bit hashes of the ids given out: 8 bytes a feature instead of the
    /// id text, so a million-feature stream stays small. A hash collision can
    /// only make an id look taken, which adds a suffix: ids stay unique.
    used: HashSet<u64, BuildHasherDefault<Prehashed>>,
    /// For each stem (by hash) that needed a suffix, the next N to try. A
    /// collision only makes two stems share a counter: N grows, ids stay
    /// unique.
    next: HashMap<u64, u64, BuildHasherDefault<Prehashed>>,
    /// How many range rings were given a colour so far (see [`ranked`]).
    rings: usize,
}

/// The colours of range rings, in the order rings are written: the
/// Tableau 10 palette from its green (the range ring default) on, so that
/// the first ring keeps the default and rings of different radii (4,300
/// miles and 4,300 km around one base) differ.
pub(crate) const RING_COLOURS: [&str; 10] = [
    "#2ca02c", "#9467bd", "#17becf", "#e377c2", "#8c564b", "#bcbd22", "#1f77b4", "#ff7f0e",
    "#7f7f7f", "#d62728",
];

/// The feature as written: a range ring that neither its own style, its
/// extra properties nor the export's style for rings gives a `stroke` is
/// coloured by its rank among the rings of the export (the k-th ring,
/// from 0, takes colour k mod 10 of [`RING_COLOURS`] for stroke and fill).
/// Stable: the same features in the same order get the same colours, in
/// memory and streamed.
pub(crate) fn ranked<'a>(
    feature: &'a MapFeature,
    options: &ExportOptions,
    ids: &mut Ids,
) -> std::borrow::Cow<'a, MapFeature> {
    use super::{FeatureKind, Style};
    if feature.kind() != FeatureKind::RangeRing {
        return std::borrow::Cow::Borrowed(feature);
    }
    let stroke = Style::default_for(FeatureKind::RangeRing)
        .get("stroke")
        .cloned();
    let set_elsewhere = feature.style.get("stroke").is_some()
        || feature.properties.contains_key("stroke")
        || options.styles().get(FeatureKind::RangeRing).get("stroke") != stroke.as_ref();
    let rank = ids.rings;
    ids.rings += 1;
    if set_elsewhere {
        return std::borrow::Cow::Borrowed(feature);
    }
    let colour = RING_COLOURS[rank % RING_COLOURS.len()];
    let mut style = Style::new().with_stroke(colour).unwrap_or_default();
    style = style.clone().with_fill(colour).unwrap_or(style);
    let mut out = feature.clone();
    out.style = style.merged(&feature.style);
    std::borrow::Cow::Owned(out)
}

/// A hasher for keys that are already hashes: passes the `u64` through.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used by `HashSet<u64>`; fold anything else in.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// FNV-1a over the id's bytes, its bits then mixed (MurmurHash3's
/// finaliser) since the set uses them as they are: fast for short keys, and
/// a collision can only add a suffix (see [`Ids`]).
fn id_hash(id: &str) -> u64 {
    let mut h = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The id without a disambiguating suffix `-N` (N ≥ 2, no leading zero):
/// `"x-3"` → `"x"`; `"ev-1"`, `"2025-06-02"` and `"x-"` stay as they are.
fn id_stem(id: &str) -> &str {
    match id.rsplit_once('-') {
        Some((head, tail))
            if !head.is_empty()
                && tail.bytes().all(|b| b.is_ascii_digit())
                && !tail.starts_with('0')
                && tail.len() <= 19
                && tail.parse::<u64>().is_ok_and(|n| n >= 2) =>
        {
            head
        }
        _ => id,
    }
}

impl Ids {
    pub(crate) fn assign(&mut self, feature: &MapFeature) -> Id {
        let (base, wanted) = match &feature.id {
            Some(Id::String(s)) => (s.clone(), feature.id.clone()),
            Some(Id::Number(n)) => (n.to_string(), feature.id.clone()),
            None => (auto_id(&feature.item), None),
        };
        self.assign_base(base, wanted)
    }

    /// The id `base` (a string id), or `STEM-N` if it is taken.
    pub(crate) fn assign_text(&mut self, base: String) -> Id {
        self.assign_base(base, None)
    }

    /// `wanted` (or `base` as a string) if its text `base` is free, else
    /// `STEM-N`.
    fn assign_base(&mut self, base: String, wanted: Option<Id>) -> Id {
        if self.used.insert(id_hash(&base)) {
            return wanted.unwrap_or(Id::String(base));
        }
        let stem = id_stem(&base);
        let key = id_hash(stem);
        let mut n = self.next.get(&key).copied().unwrap_or(2);
        loop {
            let candidate = format!("{stem}-{n}");
            n += 1;
            if self.used.insert(id_hash(&candidate)) {
                self.next.insert(key, n);
                return Id::String(candidate);
            }
        }
    }
}

/// Writes one feature through an id allocator, followed by its markers
/// (a range ring's centre, a strike arc's ends; see `marker.rs`).
pub(crate) fn export_feature(
    feature: &MapFeature,
    options: &ExportOptions,
    ids: &mut Ids,
) -> Result<Vec<Feature>> {
    let feature = ranked(feature, options, ids);
    let (written, drawn) = build_drawn(&feature, options, || ids.assign(&feature))?;
    let markers = match &written.id {
        Some(id) => markers(&feature, &drawn, id, options, ids)?,
        None => Vec::new(),
    };
    let mut out = Vec::with_capacity(1 + markers.len());
    out.push(written);
    out.extend(markers);
    Ok(out)
}

/// The features a catalog is drawn with, bottom layer first: territories,
/// front lines, strike arcs (if enabled), places, strikes.
pub(crate) fn catalog_features(catalog: &Catalog, options: &ExportOptions) -> Vec<MapFeature> {
    let mut out: Vec<MapFeature> = Vec::new();
    out.extend(catalog.territories().iter().cloned().map(MapFeature::new));
    out.extend(catalog.front_lines().iter().cloned().map(MapFeature::new));
    if options.strike_arcs() {
        out.extend(
            catalog
                .strikes()
                .iter()
                .filter_map(StrikeArc::from_strike)
                .map(MapFeature::new),
        );
    }
    out.extend(catalog.places().iter().cloned().map(MapFeature::new));
    out.extend(catalog.strikes().iter().cloned().map(MapFeature::new));
    out
}

impl MapFeature {
    /// This feature as a GeoJSON feature, with its id or the one derived
    /// from its kind and name (not made unique: use [`MapExport`] or a
    /// stream writer for collections).
    ///
    /// # Errors
    /// [`Error::Format`] if a foreign member uses a name GeoJSON reserves;
    /// [`Error::InvalidGeometry`] for an area of which nothing is left to
    /// draw (every ring on the antimeridian or a pole).
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, io::geojson::{ExportOptions, MapFeature}};
    /// let kyiv = City::new("Kyiv", LatLon::new(50.4501, 30.5234)?, CountryCode::new("UA")?);
    /// let f = MapFeature::new(kyiv).to_feature(&ExportOptions::default())?;
    /// let json = serde_json::to_value(&f)?;
    /// assert_eq!(json["geometry"]["coordinates"], serde_json::json!([30.5234, 50.4501]));
    /// assert_eq!(json["id"], "city/kyiv");
    /// assert_eq!(json["properties"]["kind"], "city");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_feature(&self, options: &ExportOptions) -> Result<Feature> {
        build_feature(self, options, || {
            self.id
                .clone()
                .unwrap_or_else(|| Id::String(auto_id(&self.item)))
        })
    }
}

/// A FeatureCollection built in memory: features with unique ids, a `bbox`
/// over all of them if asked for, and a summary of what was written.
///
/// Ids: a feature keeps its id (or the one derived from kind and name)
/// unless an earlier feature took it; then it gets `STEM-N`, STEM being the
/// id without a `-N` (N ≥ 2) it may carry, N the next of 2, 3, … that no
/// feature took. A number and a string with the same text (`1`, `"1"`) are
/// the same id, as GeoJSON consumers compare them as text. So `x`, `x`,
/// `x-2` are written `x`, `x-2`, `x-3`; each feature costs constant time.
/// For sets too large to hold, see
/// [`FeatureCollectionWriter`](crate::io::geojson::FeatureCollectionWriter).
///
/// Range rings: a ring whose style (its own, its extra properties, or the
/// export's style for rings) sets no `stroke` is coloured by its rank among
/// the export's rings, in the order they are added: the first takes the
/// default green `#2ca02c`, then `#9467bd`, `#17becf`, `#e377c2`, `#8c564b`,
/// `#bcbd22`, `#1f77b4`, `#ff7f0e`, `#7f7f7f`, `#d62728` (Tableau 10), and
/// round again after ten. The streaming writers do the same.
///
/// Markers: each range ring is followed by a Point at its centre (one, even
/// for a ring cut at ±180°) and each strike arc by Points at its launch
/// point and point of impact, of kind `marker` with `marker_of` (the ring's
/// or arc's name) and `role` (`centre`, `launch`, `impact`), coloured as the
/// ring or arc; [`ExportOptions::with_markers`] turns them off. They are
/// derived: the import skips them and writes them again on export.
///
/// ```
/// use strikemap::{Distance, LatLon, MapExport, io::geojson::ExportOptions, model::RangeRing};
/// let ukrainka = LatLon::new(51.17, 128.45)?;
/// let mut map = MapExport::new(ExportOptions::default().with_bbox(true));
/// map.add(RangeRing::new("Ukrainka 4,300 mi", ukrainka, Distance::from_miles(4_300.0))?)?;
/// let fc = map.to_feature_collection();
/// // The ring, then its centre marker.
/// assert_eq!(fc.features.len(), 2);
/// // The ring holds the North Pole: the box spans every longitude.
/// assert_eq!(fc.bbox.as_ref().map(|b| (b[0], b[2], b[3])), Some((-180.0, 180.0, 90.0)));
/// // A second ring gets the next colour.
/// map.add(RangeRing::new("Ukrainka 4,300 km", ukrainka, Distance::from_km(4_300.0))?)?;
/// let fc = map.to_feature_collection();
/// let stroke = |k: usize| fc.features[k].properties.as_ref().map(|p| p["stroke"].clone());
/// assert_eq!(stroke(0), Some(serde_json::json!("#2ca02c")));
/// assert_eq!(stroke(2), Some(serde_json::json!("#9467bd")));
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct MapExport {
    options: ExportOptions,
    ids: Ids,
    features: Vec<Feature>,
    extent: Extent,
    members: JsonObject,
    summary: FileSummary,
}

impl MapExport {
    /// An empty collection written with `options`.
    ///
    /// ```
    /// assert!(strikemap::MapExport::new(strikemap::io::geojson::ExportOptions::default()).is_empty());
    /// ```
    pub fn new(options: ExportOptions) -> MapExport {
        MapExport {
            options,
            ids: Ids::default(),
            features: Vec::new(),
            extent: Extent::new(),
            members: JsonObject::new(),
            summary: FileSummary::default(),
        }
    }

    /// Adds a feature (any model, range ring or arc converts into one) and
    /// returns it as written. A range ring or strike arc is followed by its
    /// marker Points (unless [`ExportOptions::with_markers`] is `false`).
    ///
    /// # Errors
    /// As [`MapFeature::to_feature`].
    ///
    /// ```
    /// use strikemap::{AirBase, CountryCode, LatLon, MapExport, io::geojson::ExportOptions};
    /// let ru = CountryCode::new("RU")?;
    /// let mut map = MapExport::new(ExportOptions::default());
    /// map.add(AirBase::new("Olenya", LatLon::new(68.1517, 33.4639)?, ru))?;
    /// let second = map.add(AirBase::new("Olenya", LatLon::new(68.15, 33.46)?, ru))?;
    /// assert_eq!(second.id, Some(geojson::feature::Id::String("air_base/olenya-2".into())));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn add(&mut self, feature: impl Into<MapFeature>) -> Result<&Feature> {
        let written = self.add_detached(feature)?;
        let first = self.features.len();
        self.features.extend(written);
        Ok(&self.features[first])
    }

    /// Adds a feature as [`MapExport::add`] does (its id made unique among
    /// all added so far, the bbox and summary counting it) but hands back
    /// what is written instead of keeping it, so memory does not grow with
    /// the features (only with their ids, 8 bytes each): the feature, then
    /// its markers if it is a range ring or strike arc. For writing
    /// collections too large to hold, feature by feature;
    /// [`MapExport::to_feature_collection`] then holds only the kept
    /// features, the members and the bbox.
    ///
    /// # Errors
    /// As [`MapFeature::to_feature`].
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, MapExport, io::geojson::ExportOptions};
    /// use strikemap::model::{Endpoint, StrikeArc};
    /// let ua = CountryCode::new("UA")?;
    /// let mut map = MapExport::new(ExportOptions::default());
    /// let a = map.add_detached(City::new("Kyiv", LatLon::new(50.45, 30.52)?, ua))?;
    /// let b = map.add_detached(City::new("Kyiv", LatLon::new(50.46, 30.53)?, ua))?;
    /// assert_eq!(b[0].id, Some(geojson::feature::Id::String("city/kyiv-2".into())));
    /// assert!(map.is_empty() && a[0].id != b[0].id);
    /// // An arc comes with a marker at each end.
    /// let arc = StrikeArc::new(Endpoint::new("Engels", LatLon::new(51.48, 46.2)?),
    ///     Endpoint::new("Kyiv", LatLon::new(50.45, 30.52)?));
    /// assert_eq!(map.add_detached(arc)?.len(), 3);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn add_detached(&mut self, feature: impl Into<MapFeature>) -> Result<Vec<Feature>> {
        let written = export_feature(&feature.into(), &self.options, &mut self.ids)?;
        for feature in &written {
            if let Some(b) = feature.geometry.as_ref().and_then(geometry_bbox) {
                self.extent.add_bbox(b);
            }
            self.summary.add(feature);
        }
        Ok(written)
    }

    /// Adds every feature of an iterator, in order.
    ///
    /// # Errors
    /// The first error of [`MapExport::add`].
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, MapExport, io::geojson::{ExportOptions, MapFeature}};
    /// let ua = CountryCode::new("UA")?;
    /// let cities = [("Kyiv", 50.45, 30.52), ("Kharkiv", 49.99, 36.23)]
    ///     .map(|(n, lat, lon)| LatLon::new(lat, lon).map(|p| MapFeature::new(City::new(n, p, ua))));
    /// let mut map = MapExport::new(ExportOptions::default());
    /// map.extend(cities.into_iter().collect::<Result<Vec<_>, _>>()?)?;
    /// assert_eq!(map.len(), 2);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn extend(&mut self, features: impl IntoIterator<Item = MapFeature>) -> Result<()> {
        for f in features {
            self.add(f)?;
        }
        Ok(())
    }

    /// Adds a catalog's territories, front lines, strike arcs (if the
    /// options ask for them), places and strikes, in that order (bottom
    /// layer first).
    ///
    /// # Errors
    /// As [`MapExport::add`].
    ///
    /// ```
    /// use strikemap::{Catalog, City, CountryCode, LatLon, MapExport, io::geojson::ExportOptions};
    /// let mut c = Catalog::new();
    /// c.add_place(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?))?;
    /// let mut map = MapExport::new(ExportOptions::default());
    /// map.add_catalog(&c)?;
    /// assert_eq!(map.len(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn add_catalog(&mut self, catalog: &Catalog) -> Result<()> {
        self.extend(catalog_features(catalog, &self.options))
    }

    /// Sets a top-level member of the collection (e.g. `"name"`).
    ///
    /// # Errors
    /// [`Error::Format`] for the names GeoJSON reserves (`type`, `features`,
    /// `bbox`, ...) and for `crs`, which RFC 7946 removed.
    ///
    /// ```
    /// let mut map = strikemap::MapExport::new(strikemap::io::geojson::ExportOptions::default());
    /// map.set_member("name", "June 2025")?;
    /// assert!(map.set_member("crs", serde_json::json!({})).is_err());
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn set_member(&mut self, key: &str, value: impl Into<JsonValue>) -> Result<()> {
        if RESERVED_MEMBERS.contains(&key) || key == "crs" {
            return Err(Error::format(
                key.to_string(),
                "a member name GeoJSON does not reserve (RFC 7946 has no crs)",
                format!("{key:?}"),
            ));
        }
        self.members.insert(key.to_string(), value.into());
        Ok(())
    }

    /// How many features are held (markers included).
    ///
    /// ```
    /// assert_eq!(strikemap::MapExport::new(strikemap::io::geojson::ExportOptions::default()).len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.features.len()
    }

    /// Whether no feature was added.
    ///
    /// ```
    /// assert!(strikemap::MapExport::new(strikemap::io::geojson::ExportOptions::default()).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.features.is_empty()
    }

    /// The features as written.
    ///
    /// ```
    /// assert!(strikemap::MapExport::new(strikemap::io::geojson::ExportOptions::default()).features().is_empty());
    /// ```
    pub fn features(&self) -> &[Feature] {
        &self.features
    }

    /// The number of features and their geometry types.
    ///
    /// ```
    /// use strikemap::{City, CountryCode, LatLon, MapExport, io::geojson::ExportOptions};
    /// let mut map = MapExport::new(ExportOptions::default());
    /// map.add(City::new("Kyiv", LatLon::new(50.45, 30.52)?, CountryCode::new("UA")?))?;
    /// assert_eq!(map.summary().geometry_types(), ["Point"]);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn summary(&self) -> &FileSummary {
        &self.summary
    }

    /// The FeatureCollection (with a `bbox` if the options ask for one).
    ///
    /// ```
    /// let fc = strikemap::MapExport::new(strikemap::io::geojson::ExportOptions::default()).to_feature_collection();
    /// assert!(fc.features.is_empty() && fc.bbox.is_none());
    /// ```
    pub fn to_feature_collection(&self) -> FeatureCollection {
        let bbox = if self.options.bbox() {
            self.extent.to_bbox().map(|b| b.to_vec())
        } else {
            None
        };
        FeatureCollection {
            bbox,
            features: self.features.clone(),
            foreign_members: (!self.members.is_empty()).then(|| self.members.clone()),
        }
    }

    /// Writes the FeatureCollection as compact JSON.
    ///
    /// # Errors
    /// [`Error::Io`] if writing fails (named `<output>`; add the path with
    /// [`Error::at`]).
    ///
    /// ```
    /// let mut out = Vec::new();
    /// strikemap::MapExport::new(strikemap::io::geojson::ExportOptions::default()).write_to(&mut out)?;
    /// let v: serde_json::Value = serde_json::from_slice(&out)?;
    /// assert_eq!(v["type"], "FeatureCollection");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_to(&self, mut writer: impl Write) -> Result<()> {
        serde_json::to_writer(&mut writer, &self.to_feature_collection())
            .map_err(|e| io_error("<output>", e.into()))?;
        writer.flush().map_err(|e| io_error("<output>", e))
    }

    /// Writes the FeatureCollection to a file (created or replaced).
    ///
    /// # Errors
    /// [`Error::Io`] naming the path if it cannot be created or written.
    ///
    /// ```
    /// let path = std::env::temp_dir().join("strikemap-doc-empty.geojson");
    /// strikemap::MapExport::new(strikemap::io::geojson::ExportOptions::default()).write_file(&path)?;
    /// assert!(std::fs::read_to_string(&path)?.contains("FeatureCollection"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_file(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let file = std::fs::File::create(path).map_err(|e| io_error(name.clone(), e))?;
        self.write_to(std::io::BufWriter::new(file))
            .map_err(|e| match e {
                Error::Io { source, .. } => Error::Io { path: name, source },
                other => other,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Ivanovo Severny"), "ivanovo-severny");
        assert_eq!(slug("  Kyiv (city)  "), "kyiv-city");
        assert_eq!(slug("Енгельс-2"), "енгельс-2");
        assert_eq!(slug("→"), "");
        assert_eq!(slug("ÇIRAĞAN Sarayı"), "çirağan-sarayı");
    }

    #[test]
    fn auto_ids_are_kind_slash_slug() {
        use crate::model::{Endpoint, Site, Strike, Weapon};
        use crate::{CountryCode, LatLon};
        let p = LatLon::new(50.0, 36.0).unwrap();
        let ua = CountryCode::new("UA").unwrap();
        let id = |item: MapItem| auto_id(&item);
        assert_eq!(
            id(Site::new("Depot No. 7", p, ua).into()),
            "site/depot-no-7"
        );
        assert_eq!(id(Site::new("→", p, ua).into()), "site");
        let strike = Strike::new(
            crate::Date::constant(2025, 6, 2),
            Endpoint::new("Kharkiv", p),
            Weapon::Drone,
        );
        assert_eq!(id(strike.clone().into()), "strike/2025-06-02-kharkiv");
        assert_eq!(id(strike.with_id("EV 1").into()), "strike/ev-1");
    }

    #[test]
    fn stems_drop_only_disambiguating_suffixes() {
        for (id, stem) in [
            ("x-3", "x"),
            ("x-2-2", "x-2"),
            ("city/kyiv-12", "city/kyiv"),
            ("ev-1", "ev-1"),
            ("2025-06-02", "2025-06-02"),
            ("x-", "x-"),
            ("-5", "-5"),
            ("x-99999999999999999999", "x-99999999999999999999"),
        ] {
            assert_eq!(id_stem(id), stem, "{id}");
        }
    }
}
