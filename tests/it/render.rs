//! Maps: projections against PROJ, and pixels of rendered PNGs at the
//! projected positions of known places.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use resvg::tiny_skia::Pixmap;
use strikemap::{
    AirBase, CountryCode, DistanceClaim, LatLon, MapExport, countries,
    io::geojson::{ExportOptions, MapFeature},
    model::TargetRef,
    render::{ClaimMap, Map, MapOptions, Projection, ReferenceShape},
};

use crate::common::read_csv;

#[test]
fn projections_match_proj() {
    let rows = read_csv("render/projections.csv");
    assert!(rows.len() > 250);
    let mut worst: f64 = 0.0;
    for r in &rows {
        let p = match r.case.as_str() {
            "aeqd" => Projection::AzimuthalEquidistant {
                centre: LatLon::new(r.get("p1"), r.get("p2")).unwrap(),
            },
            "lcc" => Projection::LambertConformalConic {
                lat0: r.get("p1"),
                lon0: r.get("p2"),
                lat1: r.get("p3"),
                lat2: r.get("p4"),
            },
            other => panic!("line {}: {other}", r.line),
        };
        let (x, y) = p
            .project(LatLon::new(r.get("lat"), r.get("lon")).unwrap())
            .unwrap_or_else(|| panic!("line {}: not drawn", r.line));
        let off = (x - r.get("x")).hypot(y - r.get("y"));
        worst = worst.max(off);
        assert!(
            off < 0.001,
            "line {} ({}): {off} m from PROJ",
            r.line,
            r.case
        );
    }
    println!(
        "projections: worst {worst:.2e} m from PROJ over {} points",
        rows.len()
    );
}

/// The colour at a pixel of a PNG.
fn pixel(png: &Pixmap, (x, y): (f64, f64)) -> [u8; 3] {
    let c = png
        .pixel(x.round() as u32, y.round() as u32)
        .unwrap_or_else(|| panic!("({x}, {y}) is off the map"));
    [c.red(), c.green(), c.blue()]
}

fn hex(text: &str) -> [u8; 3] {
    let t = text.trim_start_matches('#');
    let c = |i| u8::from_str_radix(&t[i..i + 2], 16).unwrap();
    [c(0), c(2), c(4)]
}

/// `top` at `opacity` over `below`, as an SVG renderer composes them.
fn over(below: [u8; 3], top: [u8; 3], opacity: f64) -> [u8; 3] {
    let mix =
        |b: u8, t: u8| (f64::from(b) * (1.0 - opacity) + f64::from(t) * opacity).round() as u8;
    [
        mix(below[0], top[0]),
        mix(below[1], top[1]),
        mix(below[2], top[2]),
    ]
}

fn close(a: [u8; 3], b: [u8; 3], tolerance: u8) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= tolerance)
}

fn ukrainka() -> AirBase {
    AirBase::new(
        "Ukrainka",
        LatLon::new(51.17, 128.445).unwrap(),
        CountryCode::new("RU").unwrap(),
    )
}

/// Ukraine (its default fill) and Ukrainka (its default marker), written by
/// strikemap's own export, read back and drawn.
#[test]
fn geojson_map_pixels_at_kyiv_and_ukrainka() {
    let ukraine = countries::get("UA").unwrap().territory.clone();
    let mut export = MapExport::new(ExportOptions::default());
    export.add(MapFeature::new(ukraine)).unwrap();
    export.add(MapFeature::new(ukrainka())).unwrap();
    let value = serde_json::to_value(export.to_feature_collection()).unwrap();
    let props = |i: usize| value["features"][i]["properties"].clone();
    let fill = hex(props(0)["fill"].as_str().unwrap());
    let fill_opacity = props(0)["fill-opacity"].as_f64().unwrap();
    let marker = hex(props(1)["marker-color"].as_str().unwrap());
    let document: geojson::GeoJson = serde_json::from_value(value).unwrap();
    let map = Map::from_geojson(&document, &MapOptions::default()).unwrap();
    assert_eq!(map.feature_count(), 2);
    assert!(matches!(
        map.projection(),
        Projection::AzimuthalEquidistant { .. }
    ));
    let png = Pixmap::decode_png(&map.to_png().unwrap()).unwrap();
    assert_eq!((png.width(), png.height()), map.size());

    let kyiv = map
        .pixel_of(LatLon::new(50.4501, 30.5234).unwrap())
        .unwrap();
    // Gomel: land outside Ukraine, away from labels: the colour under the fill.
    let gomel = map
        .pixel_of(LatLon::new(52.4345, 30.9754).unwrap())
        .unwrap();
    let land = pixel(&png, gomel);
    let expected = over(land, fill, fill_opacity);
    let got = pixel(&png, kyiv);
    assert!(
        close(got, expected, 4),
        "Kyiv {got:?}, expected {expected:?} (land {land:?})"
    );
    assert!(!close(got, land, 4), "Ukraine's fill is not drawn at Kyiv");
    let at = pixel(&png, map.pixel_of(ukrainka().site.position).unwrap());
    assert!(close(at, marker, 2), "Ukrainka {at:?}, marker {marker:?}");
}

/// The claim map: Ukraine in the reference blue, Ukrainka red (not
/// supported), the claim as title, the projection named.
#[test]
fn claim_map_pixels_and_text() {
    let ukraine = &countries::get("UA").unwrap().territory;
    let olenya = AirBase::new(
        "Olenya",
        LatLon::new(68.1517, 33.4639).unwrap(),
        CountryCode::new("RU").unwrap(),
    );
    let verdict = DistanceClaim::parse("the targets were more than 4,300 miles from Ukraine")
        .unwrap()
        .check(&[olenya, ukrainka()], TargetRef::Territory(ukraine))
        .unwrap();
    let map = ClaimMap::new(&verdict)
        .with_reference(ReferenceShape::Area(ukraine.area().clone()))
        .map(&MapOptions::default())
        .unwrap();
    let svg = map.to_svg();
    assert!(svg.contains("\u{201c}the targets were more than 4,300 miles from Ukraine\u{201d}"));
    assert!(svg.contains("Projection: azimuthal equidistant centred on"));
    assert!(svg.contains("Reference: Ukraine") && svg.contains("Not supported"));
    assert!(
        svg.contains("Ukrainka 3,659 mi (5,889 km)"),
        "label with its distance"
    );
    let png = Pixmap::decode_png(&map.to_png().unwrap()).unwrap();
    let land = pixel(
        &png,
        map.pixel_of(LatLon::new(52.4345, 30.9754).unwrap())
            .unwrap(),
    );
    let kyiv = pixel(
        &png,
        map.pixel_of(LatLon::new(50.4501, 30.5234).unwrap())
            .unwrap(),
    );
    // The documented reference fill: #255aa8 at 0.45.
    let expected = over(land, hex("#255aa8"), 0.45);
    assert!(
        close(kyiv, expected, 4),
        "Kyiv {kyiv:?}, expected {expected:?}"
    );
    let at = pixel(&png, map.pixel_of(ukrainka().site.position).unwrap());
    assert!(close(at, hex("#d73027"), 2), "Ukrainka {at:?}");
    // The map is centred on the reference: Ukraine is near the middle.
    let (w, _) = map.size();
    let (kx, _) = map.pixel_of(LatLon::new(49.0, 31.3).unwrap()).unwrap();
    assert!(kx > 0.0 && kx < f64::from(w));
}

#[test]
fn text_is_escaped_and_the_svg_renders() {
    let file: geojson::GeoJson = r##"{"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[30.52,50.45]},
       "properties":{"name":"<b>K&yiv</b>","marker-color":"#00ff00"}}]}"##
        .parse()
        .unwrap();
    let map =
        Map::from_geojson(&file, &MapOptions::default().with_title("A \"title\" <x>")).unwrap();
    let svg = map.to_svg();
    assert!(svg.contains("&lt;b&gt;K&amp;yiv&lt;/b&gt;") && !svg.contains("<b>"));
    assert!(svg.contains("A &quot;title&quot; &lt;x&gt;"));
    let html = map.to_html();
    assert!(!html.contains("K&yiv</b>"), "no closing tag in the script");
    assert!(
        !html.contains("<script src") && !html.contains("<link"),
        "nothing loaded from elsewhere"
    );
    // A single regional point: the conic.
    assert!(matches!(
        map.projection(),
        Projection::LambertConformalConic { .. }
    ));
    let png = Pixmap::decode_png(&map.to_png().unwrap()).unwrap();
    let at = pixel(
        &png,
        map.pixel_of(LatLon::new(50.45, 30.52).unwrap()).unwrap(),
    );
    assert!(close(at, [0, 255, 0], 2), "{at:?}");
}

#[test]
fn bad_geometry_names_the_feature() {
    let file: geojson::GeoJson = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[30,50]},"properties":{}},
      {"type":"Feature","geometry":{"type":"MultiPoint","coordinates":[[30,50]]},"properties":{}}]}"#
        .parse()
        .unwrap();
    let err = Map::from_geojson(&file, &MapOptions::default()).unwrap_err();
    assert!(
        err.report().to_string().contains("feature 1"),
        "{}",
        err.report()
    );
    assert!(err.root().is_format());
}

/// A range ring across the antimeridian, cut there by the GeoJSON export
/// (RFC 7946), is drawn as one shape: its boundary is stroked, the cut is not.
#[test]
fn a_ring_cut_at_the_antimeridian_has_no_seam() {
    use strikemap::{Distance, model::RangeRing};
    let anadyr = LatLon::new(64.73, 177.5).unwrap();
    let ring = RangeRing::new("1,000 km from Anadyr", anadyr, Distance::from_km(1000.0)).unwrap();
    let boundary = ring.vertices(Distance::from_km(50.0)).unwrap();
    let mut export = MapExport::new(ExportOptions::default());
    export.add(MapFeature::new(ring)).unwrap();
    let value = serde_json::to_value(export.to_feature_collection()).unwrap();
    assert_eq!(
        value["features"][0]["geometry"]["type"], "MultiPolygon",
        "cut at ±180"
    );
    let stroke = hex(value["features"][0]["properties"]["stroke"]
        .as_str()
        .unwrap());
    let document: geojson::GeoJson = serde_json::from_value(value).unwrap();
    let map = Map::from_geojson(&document, &MapOptions::default()).unwrap();
    let png = Pixmap::decode_png(&map.to_png().unwrap()).unwrap();
    let greenish = |c: [u8; 3]| close(c, stroke, 40);
    // On the boundary (its northernmost vertex): the stroke.
    let north = boundary
        .iter()
        .copied()
        .max_by(|a, b| a.lat().total_cmp(&b.lat()))
        .unwrap();
    let on = pixel(&png, map.pixel_of(north).unwrap());
    assert!(greenish(on), "boundary {on:?}, stroke {stroke:?}");
    // Along the cut inside the ring: no stroke.
    for lat in [61.0, 63.0, 66.0, 68.0] {
        let at = pixel(
            &png,
            map.pixel_of(LatLon::new(lat, 180.0).unwrap()).unwrap(),
        );
        assert!(!greenish(at), "seam stroked at {lat}°N, 180°: {at:?}");
    }
}
