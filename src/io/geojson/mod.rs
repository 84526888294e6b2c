//! GeoJSON (RFC 7946) for map tools: strikemap's models written as
//! features and read back without loss; range rings and strike arcs on the
//! ellipsoid; simplestyle styling; streaming.
//!
//! The data flow reads one way:
//!
//! ```text
//! model (Place, FrontLine, Territory, Strike, StrikeArc, RangeRing)
//!   -> MapItem -> MapFeature (+ id, style, extra properties)
//!   -> drawn.rs: the geometry as written, measured (lengths, areas),
//!      through geometry.rs: positions rounded, geodesic edges densified,
//!      antimeridian.rs: cut at ±180 and closed along the poles,
//!      winding.rs: exteriors counter-clockwise; bbox.rs: bbox
//!   -> properties.rs: properties (kind, name, ISO dates + timestamp,
//!      counts, sources, distances with units), then style.rs: simplestyle
//!   -> marker.rs: marker Points after each range ring (its centre) and
//!      strike arc (launch, impact), in every collection writer
//!   -> export.rs: geojson::Feature, MapExport (in memory)
//!      | streamed.rs + stream.rs: FeatureCollectionWriter, SequenceWriter
//!        (RFC 8142), serialized straight from the models
//! GeoJSON text -> import.rs (Imported) | stream.rs readers (walk.rs: the
//!   FeatureCollection walked member by member, shared with io::points)
//!   -> geometry.rs: every member checked, errors name feature and member
//!   -> MapFeature -> Catalog
//! ```
//!
//! Positions are `[longitude, latitude]`, made only by
//! [`LatLon::to_lon_lat`](crate::LatLon::to_lon_lat). Edges are geodesics
//! on WGS84 throughout strikemap; since map tools draw straight lines in
//! longitude/latitude, the export adds vertices along long geodesic edges
//! (every 50 km by default). There is no `crs` member (RFC 7946 §4).

mod antimeridian;
mod bbox;
mod drawn;
mod export;
mod feature;
mod geometry;
mod import;
mod kind;
mod manifest;
mod marker;
mod options;
mod properties;
mod schema;
mod stream;
mod streamed;
mod style;
mod walk;
mod winding;

pub use bbox::geometry_bbox;
pub use export::MapExport;
pub use feature::{MapFeature, MapItem};
pub use geometry::{area_to_geometry, line_to_geometry};
pub(crate) use import::check_crs;
pub(crate) use import::read_feature;
pub use import::{Imported, Skipped};
pub use kind::FeatureKind;
pub use manifest::{FileSummary, Manifest};
pub use options::{ExportOptions, ImportOptions};
pub use stream::{
    FeatureCollectionReader, FeatureCollectionWriter, RECORD_SEPARATOR, SequenceReader,
    SequenceWriter,
};
pub(crate) use style::STYLE_KEYS;
pub use style::{MarkerSize, Style, Styles};
pub(crate) use walk::FeatureWalk;
pub use winding::check_winding;
