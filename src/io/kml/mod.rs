//! KML and KMZ (Google Earth, Google My Maps) in and out.
//!
//! ```text
//! KML text -> read.rs: KmlReader, streamed with quick-xml, Placemark by
//!   Placemark, as GeoJSON Feature objects (style.rs: Style -> simplestyle;
//!   value.rs: ExtendedData text -> JSON values)
//!   -> the GeoJSON import (io::geojson: MapFeature, Catalog), the point
//!      readers (io::points), targets (io::target_spec)
//! KMZ -> kmz.rs: doc.kml, or the first .kml member, then as KML
//! MapExport / GeoJSON features -> write.rs: KmlWriter, one Folder per
//!   kind, simplestyle -> Style, properties -> ExtendedData; zipped as KMZ
//! ```
//!
//! Reading takes Placemarks with a Point, LineString, Polygon (holes
//! included; a LinearRing alone is an area) or a MultiGeometry of them,
//! their `name`, `description`, `ExtendedData` (`Data` and `SchemaData`,
//! typed by the schema's `SimpleField` types), `TimeStamp` or `TimeSpan`
//! (as `date`, and `begin`/`end`), the Folders around them (as `folder`)
//! and their style, inline or shared (`styleUrl` to a `Style` or to the
//! `normal` pair of a `StyleMap`), as simplestyle properties. Altitudes are
//! dropped: strikemap's models lie on the ellipsoid. `gx:Track` and
//! `Model` are refused by name.
//!
//! Writing takes the GeoJSON strikemap exports, so the geometry is the one
//! GeoJSON gets: positions rounded, long geodesic edges densified (every
//! 50 km by default), and rings and arcs that cross the antimeridian cut
//! at ±180 into a MultiGeometry of pieces. KML would allow longitudes
//! continuous across ±180, but KML 2.2 limits longitude to [-180, 180] and
//! GDAL, QGIS and My Maps do not unwrap them; the cut pieces are drawn
//! the same by all of them and by Google Earth (lines and rings are
//! `tessellate`d, so they lie on the ground).
//!
//! ```
//! use strikemap::{City, CountryCode, LatLon, MapExport, io::{geojson::{ExportOptions, ImportOptions, Imported}, kml}};
//! let mut map = MapExport::new(ExportOptions::default());
//! map.add(City::new("Kyiv", LatLon::new(50.4501, 30.5234)?, CountryCode::new("UA")?))?;
//! let mut text = Vec::new();
//! kml::write_kml(&map, &mut text)?;
//! let back = Imported::from_kml(&text[..], "map.kml", &ImportOptions::default())?;
//! assert_eq!(back.features[0].item.name(), "Kyiv");
//! # Ok::<(), strikemap::Error>(())
//! ```

mod import;
mod kmz;
mod read;
mod style;
mod value;
mod write;

pub use kmz::for_each_placemark;
pub use read::{KmlReader, Placemark};
pub use write::{KmlWriter, write_kml, write_kmz, zip_kml};

pub(crate) use import::import_each;
pub(crate) use kmz::KML_KINDS;
