//! [`StreamedFeature`]: a feature serialized straight from its model, for
//! the stream writers. It writes the members `geojson::Feature` writes, in
//! the same order, but its properties go from the model into the
//! serializer without a JSON object being built per feature (which cost
//! about a third of the time of a million-feature export).

use geojson::Geometry;
use geojson::feature::Id;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::drawn::{Drawn, draw};
use super::export::check_foreign_members;
use super::properties::{MapSink, write_properties};
use super::{ExportOptions, MapFeature, geometry_bbox};
use crate::error::Result;

/// A feature ready to serialize: everything that can fail (rounding,
/// densifying, cutting, member names) is done.
pub(crate) struct StreamedFeature<'a> {
    feature: &'a MapFeature,
    options: &'a ExportOptions,
    id: Id,
    drawn: Drawn,
    geometry: Geometry,
    bbox: Option<[f64; 4]>,
}

impl<'a> StreamedFeature<'a> {
    /// `feature` drawn with `options`, with the id `id()` gives (asked for
    /// only once the feature is known to be good).
    pub(crate) fn new(
        feature: &'a MapFeature,
        options: &'a ExportOptions,
        id: impl FnOnce() -> Id,
    ) -> Result<StreamedFeature<'a>> {
        check_foreign_members(feature)?;
        let drawn = draw(&feature.item, options)?;
        let id = id();
        let geometry = drawn.shape.to_geometry();
        let bbox = match options.bbox() {
            true => geometry_bbox(&geometry),
            false => None,
        };
        Ok(StreamedFeature {
            feature,
            options,
            id,
            drawn,
            geometry,
            bbox,
        })
    }

    /// The id written.
    pub(crate) fn id(&self) -> &Id {
        &self.id
    }

    /// The geometry as drawn.
    pub(crate) fn drawn(&self) -> &Drawn {
        &self.drawn
    }

    /// The geometry's GeoJSON type.
    pub(crate) fn geometry_type(&self) -> &'static str {
        self.geometry.value.type_name()
    }
}

/// The members in the order `geojson::Feature` writes them.
impl Serialize for StreamedFeature<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", "Feature")?;
        if let Some(bbox) = &self.bbox {
            map.serialize_entry("bbox", bbox)?;
        }
        map.serialize_entry("geometry", &self.geometry)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("properties", &Properties(self))?;
        for (k, v) in &self.feature.foreign_members {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

struct Properties<'f, 'a>(&'f StreamedFeature<'a>);

impl Serialize for Properties<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let f = self.0;
        let mut map = serializer.serialize_map(None)?;
        write_properties(
            f.feature,
            &f.drawn,
            f.options,
            &mut MapSink::new(&mut map, f.feature, f.options),
        )?;
        map.end()
    }
}
