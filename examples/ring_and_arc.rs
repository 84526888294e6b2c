//! Range rings and strike arcs on the ellipsoid, written as GeoJSON for map
//! tools, with a manifest for `scripts/check_geojson.sh`.
//!
//! ```text
//! cargo run --example ring_and_arc -- [OUTPUT_DIR]     # default: out/
//! bash scripts/check_geojson.sh OUTPUT_DIR              # checks the files with GDAL's ogrinfo
//! ```
//!
//! Writes `OUTPUT_DIR/ring_and_arc.geojson` (a FeatureCollection),
//! `OUTPUT_DIR/ring_and_arc.geojsons` (the same features as an RFC 8142
//! GeoJSON Text Sequence) and `OUTPUT_DIR/manifest.txt`; the same map as
//! `ring_and_arc.kml` and `ring_and_arc.kmz` for Google Earth (with
//! `kml_manifest.txt` for `scripts/check_kml.sh`), and with the `parquet`
//! feature (`cargo run --features parquet --example ring_and_arc`) as
//! `ring_and_arc.parquet` (GeoParquet 1.1).
//!
//! Ukrainka air base (Amur Oblast; position from Wikipedia, "Ukrainka (air
//! base)", rounded to 0.01°) is 4,331 km from the North Pole, so the
//! 4,300-mile ring around it encloses the pole and crosses the antimeridian:
//! the case where a circle drawn in longitude/latitude goes wrong. Open the `.geojson` in <https://geojson.io> (drag and drop) or in
//! QGIS (Layer → Add Layer → Add Vector Layer).

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use strikemap::{
    AirBase, CountryCode, Distance, Geodesic, LatLon, MapExport, Metric,
    io::geojson::{ExportOptions, Manifest, MapFeature, SequenceWriter},
    model::{Endpoint, RangeRing, StrikeArc},
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "out".to_string()));
    std::fs::create_dir_all(&dir)?;

    let ukrainka = LatLon::new(51.17, 128.45)?;
    let kyiv = LatLon::new(50.4501, 30.5234)?;
    // Joint Base Elmendorf–Richardson, Anchorage (Wikipedia), rounded to 0.01°.
    let elmendorf = LatLon::new(61.25, -149.81)?;
    let base = AirBase::new("Ukrainka", ukrainka, CountryCode::new("RU")?);
    let miles = RangeRing::new("Ukrainka 4,300 mi", ukrainka, Distance::from_miles(4_300.0))?;
    let km = RangeRing::new("Ukrainka 4,300 km", ukrainka, Distance::from_km(4_300.0))?;
    let to_kyiv = StrikeArc::new(
        Endpoint::new("Ukrainka", ukrainka),
        Endpoint::new("Kyiv", kyiv),
    );
    let to_alaska = StrikeArc::new(
        Endpoint::new("Ukrainka", ukrainka),
        Endpoint::new("Elmendorf", elmendorf),
    );

    let features: Vec<MapFeature> = vec![
        MapFeature::new(miles.clone())
            .with_property("note", "4,300 statute miles, geodesic on WGS84"),
        MapFeature::new(km),
        MapFeature::new(to_kyiv.clone()),
        MapFeature::new(to_alaska.clone()).with_property(
            "note",
            "illustration: crosses the antimeridian, so it is cut at ±180°",
        ),
        MapFeature::new(base),
    ];

    let options = ExportOptions::default().with_bbox(true);
    let mut manifest = Manifest::new();

    let mut map = MapExport::new(options.clone());
    map.extend(features.iter().cloned())?;
    let collection = dir.join("ring_and_arc.geojson");
    map.write_file(&collection)?;
    manifest.add("ring_and_arc.geojson", map.summary())?;

    let sequence = dir.join("ring_and_arc.geojsons");
    let mut seq = SequenceWriter::new(BufWriter::new(File::create(&sequence)?), options);
    for f in features {
        seq.write(f)?;
    }
    manifest.add("ring_and_arc.geojsons", &seq.finish()?)?;
    let manifest_path = manifest.write_to_dir(&dir)?;

    // The same map for Google Earth: KML and KMZ, one Folder per kind,
    // checked by scripts/check_kml.sh against kml_manifest.txt.
    let kml = dir.join("ring_and_arc.kml");
    strikemap::io::kml::write_kml(&map, BufWriter::new(File::create(&kml)?))?;
    let kmz = dir.join("ring_and_arc.kmz");
    strikemap::io::kml::write_kmz(&map, BufWriter::new(File::create(&kmz)?))?;
    let types = map.summary().geometry_types().join(",");
    let folders = 4; // range rings, strike arcs, air bases, markers (of rings and arcs)
    let kml_manifest = dir.join("kml_manifest.txt");
    std::fs::write(
        &kml_manifest,
        format!(
            "ring_and_arc.kml {n} {types} {folders}\nring_and_arc.kmz {n} {types} {folders}\n",
            n = map.len()
        ),
    )?;
    let parquet = write_parquet(&map, &dir)?;

    let pole = LatLon::new(90.0, 0.0)?;
    println!("Range rings and strike arcs on WGS84");
    println!(
        "  Ukrainka air base {ukrainka}: North Pole {:.0} km away, inside the 4,300-mile ring: {}",
        Geodesic.distance(ukrainka, pole).as_km(),
        miles.contains(pole)
    );
    println!("  arc Ukrainka → Kyiv: {:.0} km", to_kyiv.length().as_km());
    println!(
        "  arc Ukrainka → Elmendorf: {:.0} km (cut at the antimeridian)",
        to_alaska.length().as_km()
    );
    println!(
        "  {} features, geometry types {:?}",
        map.len(),
        map.summary().geometry_types()
    );
    println!("wrote");
    println!("  {}", collection.display());
    println!("  {}", sequence.display());
    println!("  {}", manifest_path.display());
    println!("  {}", kml.display());
    println!("  {}", kmz.display());
    println!("  {}", kml_manifest.display());
    if let Some(parquet) = parquet {
        println!("  {}", parquet.display());
    }
    Ok(())
}

/// The map as GeoParquet (feature `parquet`): each feature's exported
/// geometry as WKB and its properties as typed columns.
#[cfg(feature = "parquet")]
fn write_parquet(
    map: &MapExport,
    dir: &std::path::Path,
) -> Result<Option<PathBuf>, Box<dyn std::error::Error>> {
    use strikemap::io::parquet::{ColumnTypes, GeoParquetWriter};
    let mut types = ColumnTypes::new();
    for f in map.features() {
        for (k, v) in f.properties.iter().flatten() {
            types.observe(k, v);
        }
    }
    let path = dir.join("ring_and_arc.parquet");
    let mut writer = GeoParquetWriter::new(File::create(&path)?, &types.columns())?;
    let empty = serde_json::Map::new();
    for f in map.features() {
        if let Some(geometry) = &f.geometry {
            writer.write(geometry, f.properties.as_ref().unwrap_or(&empty))?;
        }
    }
    writer.finish()?;
    Ok(Some(path))
}

/// Without the `parquet` feature, no GeoParquet file.
#[cfg(not(feature = "parquet"))]
fn write_parquet(
    _map: &MapExport,
    _dir: &std::path::Path,
) -> Result<Option<PathBuf>, Box<dyn std::error::Error>> {
    Ok(None)
}
