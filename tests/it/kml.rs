//! KML and KMZ: GeoJSON → KML → models → GeoJSON round trips, files in the
//! shape Google Earth Pro and Google My Maps write (hand-written fixtures,
//! `tests/fixtures/kml/`), styles, the antimeridian, and malformed input.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{Value, json};
use strikemap::io::geojson::{ExportOptions, FeatureKind, ImportOptions, Imported, MapItem};
use strikemap::io::kml::{self, KmlReader};
use strikemap::{Distance, LatLon, MapExport, model::RangeRing};

use crate::common::fixture;
use crate::common::rich_map::rich_map;

/// The features of a collection by id, as JSON values.
fn by_id(collection: &geojson::FeatureCollection) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = collection
        .features
        .iter()
        .map(|f| {
            let v = serde_json::to_value(f).unwrap();
            (v["id"].to_string(), v)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn geojson_to_kml_to_models_to_geojson_is_lossless() {
    for options in [
        ExportOptions::default(),
        ExportOptions::default()
            .with_precision(3)
            .unwrap()
            .with_bbox(true),
    ] {
        let map = rich_map(&options);
        let first = map.to_feature_collection();
        for zipped in [false, true] {
            let mut bytes = Vec::new();
            match zipped {
                false => kml::write_kml(&map, &mut bytes).unwrap(),
                true => kml::write_kmz(&map, &mut bytes).unwrap(),
            }
            let back = Imported::from_kml(&bytes[..], "map.kml", &ImportOptions::default())
                .unwrap_or_else(|e| panic!("{}", e.report()));
            assert!(back.skipped.is_empty());
            assert_eq!(back.members["name"], "June 2025");
            let again = back
                .to_map_export(options.clone())
                .unwrap()
                .to_feature_collection();
            // Exact: positions are written with the digits GeoJSON has.
            assert_eq!(by_id(&again), by_id(&first), "zipped: {zipped}");
            assert_eq!(again.bbox, first.bbox);
        }
    }
}

#[test]
fn one_folder_per_kind_and_styles_as_kml_colours() {
    let map = rich_map(&ExportOptions::default());
    let mut bytes = Vec::new();
    kml::write_kml(&map, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    for kind in FeatureKind::ALL {
        let folders = text
            .matches(&format!("<Folder id=\"strikemap-{}\">", kind.name()))
            .count();
        assert!(folders <= 1, "{kind:?}: {folders} folders");
    }
    assert!(text.contains("<Folder id=\"strikemap-range_ring\"><name>Range rings</name>"));
    // Range rings: the first stroked #2ca02c at 0.9, as aabbggrr; the
    // second (coloured by its rank, #9467bd) filled at 0.08.
    assert!(text.contains("<LineStyle><color>e62ca02c</color><width>2</width></LineStyle>"));
    assert!(text.contains(
        "<PolyStyle><color>14bd6794</color><fill>1</fill><outline>1</outline></PolyStyle>"
    ));
    // The ring whose fill-opacity is 0.2 (0x33).
    assert!(text.contains("<PolyStyle><color>332ca02c</color>"));
    // Strikes: a TimeStamp, and the red of their kind on the icon.
    assert!(text.contains("<TimeStamp><when>2025-06-01</when></TimeStamp>"));
    assert!(text.contains("<IconStyle><color>ff2827d6</color>"));
}

/// Every longitude written, from every `coordinates` element.
fn longitudes(text: &str) -> Vec<f64> {
    text.split("<coordinates>")
        .skip(1)
        .flat_map(|c| c.split("</coordinates>").next().unwrap().split(' '))
        .map(|t| t.split(',').next().unwrap().parse::<f64>().unwrap())
        .collect()
}

#[test]
fn rings_across_the_antimeridian_are_cut_as_in_geojson() {
    let mut map = MapExport::new(ExportOptions::default());
    let anadyr = LatLon::new(64.73, 177.5).unwrap();
    map.add(RangeRing::new("Anadyr 1,000 km", anadyr, Distance::from_km(1_000.0)).unwrap())
        .unwrap();
    let geojson = map.to_feature_collection();
    let mut bytes = Vec::new();
    kml::write_kml(&map, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    // Two pieces, each within [-180, 180], meeting at ±180.
    assert_eq!(text.matches("<Polygon>").count(), 2, "{text}");
    assert!(text.contains("<MultiGeometry>"));
    let mut lons = longitudes(&text);
    // One centre marker for the cut ring, at its centre, in the Markers
    // folder after the rings.
    assert_eq!(text.matches("<Point>").count(), 1, "{text}");
    assert!(text.contains("<Folder id=\"strikemap-marker\"><name>Markers</name>"));
    assert_eq!(lons.pop(), Some(anadyr.lon()));
    assert!(lons.iter().all(|l| (-180.0..=180.0).contains(l)));
    assert!(lons.contains(&180.0) && lons.contains(&-180.0));
    let g = serde_json::to_value(&geojson.features[0].geometry).unwrap();
    assert_eq!(g["type"], "MultiPolygon");
    // The same positions as the GeoJSON, in the same order.
    let mut from_geojson = Vec::new();
    for polygon in g["coordinates"].as_array().unwrap() {
        for ring in polygon.as_array().unwrap() {
            for p in ring.as_array().unwrap() {
                from_geojson.push(p[0].as_f64().unwrap());
            }
        }
    }
    assert_eq!(lons, from_geojson);
}

#[test]
fn a_google_earth_pro_file_reads_as_sites_a_front_line_and_a_territory() {
    let map = Imported::from_path(
        fixture("kml/google_earth_pro.kml"),
        &ImportOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{}", e.report()));
    assert_eq!(map.members["name"], "Strikes June 2025.kml");
    let names: Vec<String> = map.features.iter().map(|f| f.item.name()).collect();
    assert_eq!(
        names,
        ["Olenya", "Belaya", "Front line (sketch)", "Exclusion zone"]
    );
    let olenya = &map.features[0];
    assert_eq!(olenya.kind(), FeatureKind::Site);
    match &olenya.item {
        MapItem::Place(p) => {
            assert_eq!(p.position(), LatLon::new(68.1517, 33.465).unwrap());
            // No country property: the bundled boundary it lies in.
            assert_eq!(p.site().country.as_str(), "RU");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(olenya.properties["folder"], "Air bases");
    assert_eq!(olenya.properties["date"], "2025-06-01");
    // A description is a simplestyle property: the feature's style.
    let description = olenya.style.get("description").and_then(Value::as_str);
    assert!(description.unwrap().starts_with("Tu-22M3"));
    // The StyleMap's normal style: red, scale 1.1 (medium).
    assert_eq!(olenya.style.get("marker-color"), Some(&json!("#ff0000")));
    let front = &map.features[2];
    match &front.item {
        MapItem::FrontLine(l) => assert_eq!(l.as_of.to_string(), "2025-06-01"),
        other => panic!("{other:?}"),
    }
    assert_eq!(front.properties["end"], "2025-06-02");
    assert_eq!(front.style.get("stroke"), Some(&json!("#d62714")));
    // Width 3 is a front line's default: no override is kept.
    assert_eq!(front.style.get("stroke-width"), None);
    match &map.features[3].item {
        MapItem::Territory(t) => {
            let polygons = t.area().polygons();
            assert_eq!(polygons.len(), 1);
            assert_eq!(polygons[0].holes().len(), 1);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(map.features[3].style.get("fill-opacity"), Some(&json!(0.5)));
}

#[test]
fn a_google_my_maps_export_keeps_its_columns_typed_and_its_layers() {
    let mut placemarks = Vec::new();
    let file = std::fs::File::open(fixture("kml/google_my_maps.kml")).unwrap();
    KmlReader::new(std::io::BufReader::new(file), "my_maps.kml")
        .for_each(|p| {
            placemarks.push(p?);
            Ok(())
        })
        .unwrap();
    assert_eq!(placemarks.len(), 3);
    let kyiv = &placemarks[0].feature["properties"];
    assert_eq!(kyiv["casualties"], 3);
    assert_eq!(kyiv["weapon"], "Shahed-136");
    assert_eq!(kyiv["folder"], "Reported strikes");
    assert_eq!(kyiv["marker-color"], "#0288d1");
    assert!(kyiv["description"].as_str().unwrap().contains("<a href="));
    assert_eq!(placemarks[0].line, 65);
    let zone = &placemarks[2].feature["properties"];
    assert_eq!(zone["fill"], "#e65100");
    assert_eq!(zone["fill-opacity"], 0.3);
    assert_eq!(zone["stroke-width"], 1.2);
    // And as models.
    let map =
        Imported::from_path(fixture("kml/google_my_maps.kml"), &ImportOptions::default()).unwrap();
    assert_eq!(map.features[2].kind(), FeatureKind::Territory);
}

/// The error a KML text gives, as one line.
fn error(kml: &str) -> String {
    Imported::from_kml(kml.as_bytes(), "bad.kml", &ImportOptions::default())
        .map(|_| ())
        .unwrap_err()
        .report()
        .to_string()
}

#[test]
fn malformed_kml_is_named_by_placemark_line_and_element() {
    let point = |c: &str| {
        format!(
            "<kml><Document>\n<Placemark><name>P</name><Point><coordinates>{c}</coordinates></Point></Placemark></Document></kml>"
        )
    };
    assert_eq!(
        error(&point("30.5,50.4,abc")),
        "bad.kml: Placemark 0 \"P\" (line 2): coordinates[0]: expected longitude,latitude[,altitude] as numbers, found \"30.5,50.4,abc\""
    );
    assert_eq!(
        error(&point("30.5,95")),
        "bad.kml: Placemark 0 \"P\" (line 2): geometry.coordinates: latitude 95 is out of range [-90, 90]"
    );
    assert!(
        error("<kml><Document>\n\n<Placemark></Document></kml>")
            .starts_with("bad.kml: line 3: expected well-formed XML")
    );
    assert_eq!(
        error("<kml><Placemark><name>E</name></Placemark></kml>"),
        "bad.kml: Placemark 0 \"E\" (line 1): Placemark: expected a geometry (Point, LineString, Polygon or MultiGeometry), found an empty Placemark"
    );
    assert_eq!(
        error(
            "<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 1,0 0,0</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>"
        ),
        "bad.kml: Placemark 0 (line 1): Polygon.outerBoundaryIs.LinearRing.coordinates: expected a ring of at least 4 positions, the last equal to the first, found 3 position(s)"
    );
    assert!(
        error("<kml><Placemark><gx:Track/></Placemark></kml>")
            .contains("a Track (not read by strikemap)")
    );
    assert!(error("<gpx/>").starts_with("bad.kml: this is GPX"));
    assert!(
        error("<?xml version=\"1.0\"?><kml><Placemark>&bogus;</Placemark></kml>")
            .contains("found &bogus;")
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut zip, b"no map here").unwrap();
    let kmz = zip.finish().unwrap().into_inner();
    let e = Imported::from_kml(&kmz[..], "bad.kmz", &ImportOptions::default()).unwrap_err();
    assert_eq!(
        e.report().to_string(),
        "bad.kmz: expected a KMZ holding a .kml document (doc.kml), found no .kml member (members: readme.txt)"
    );
}

#[test]
fn lenient_reading_skips_bad_placemarks_and_reads_the_rest() {
    let kml = "<kml><Document>\n<Placemark><name>Good</name><Point><coordinates>30.5,50.4</coordinates></Point></Placemark>\n\
        <Placemark><name>Bad</name><Point><coordinates>x,y</coordinates></Point></Placemark>\n\
        <Placemark><name>Also good</name><Point><coordinates>36.2,49.9</coordinates></Point></Placemark></Document></kml>";
    let map = Imported::from_kml(
        kml.as_bytes(),
        "m.kml",
        &ImportOptions::default().with_lenient(true),
    )
    .unwrap();
    assert_eq!(map.features.len(), 2);
    assert_eq!(map.skipped.len(), 1);
    assert_eq!(map.skipped[0].index, 1);
    assert!(
        map.skipped[0]
            .error
            .report()
            .to_string()
            .starts_with("Placemark 1 \"Bad\" (line 3): coordinates[0]")
    );
}

#[test]
fn gdal_reads_what_strikemap_writes_when_it_is_installed() {
    // GDAL's own check runs in CI (.ci/run, scripts/check_kml.sh); here
    // only the KMZ's member is checked, as GDAL and Google Earth look for it.
    let map = rich_map(&ExportOptions::default());
    let mut kmz = Vec::new();
    kml::write_kmz(&map, &mut kmz).unwrap();
    let archive = zip::ZipArchive::new(std::io::Cursor::new(kmz)).unwrap();
    let names: Vec<String> = archive
        .file_names()
        .flatten()
        .map(|n| n.into_owned())
        .collect();
    assert_eq!(names, ["doc.kml"]);
}
