//! GeoJSON export: positions, properties of every kind, ids, styles,
//! precision, densified geodesics, RFC 7946 members.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{Value, json};
use strikemap::{
    AirBase, Area, Catalog, City, CountryCode, Distance, FrontLine, Geodesic, LatLon, Line,
    MapExport, Metric, Site, Source, Strike, Territory,
    io::geojson::{ExportOptions, FeatureKind, MapFeature, Style, Styles},
    model::{ClaimedCount, CountKind, Endpoint, RangeRing, StrikeArc, Weapon},
};

fn p(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).unwrap()
}

fn code(c: &str) -> CountryCode {
    CountryCode::new(c).unwrap()
}

fn value(map: &MapExport) -> Value {
    serde_json::to_value(map.to_feature_collection()).unwrap()
}

fn strike() -> Strike {
    Strike::new(
        strikemap::Date::constant(2025, 6, 1),
        Endpoint::new("Olenya", p(68.1517, 33.4639)),
        Weapon::Drone,
    )
    .with_id("spiderweb-olenya")
    .with_launch(Endpoint::new("Olenegorsk truck", p(68.1442, 33.2525)))
    .with_count(ClaimedCount::new(
        CountKind::Hit,
        41,
        "Security Service of Ukraine",
    ))
    .with_count(ClaimedCount::new(
        CountKind::Launched,
        117,
        "Security Service of Ukraine",
    ))
    .with_count(ClaimedCount::new(
        CountKind::Destroyed,
        0,
        "Russian Ministry of Defence",
    ))
    .with_description("Operation Spiderweb: drones launched from trucks")
    .with_source(
        Source::new("a news report of 2 June 2025")
            .with_url("https://example.org/report")
            .with_date(strikemap::Date::constant(2025, 6, 2)),
    )
}

fn front() -> FrontLine {
    let line = Line::from_vertices(vec![p(46.75, 33.0), p(47.57, 35.5), p(48.1, 37.7)]).unwrap();
    FrontLine::new(
        "Southern front",
        strikemap::Date::constant(2025, 6, 2),
        line,
    )
    .approximate()
    .with_waypoints(["Kherson", "Vasylivka", "Pokrovsk"])
    .with_source(Source::new("ISW map, 2 June 2025"))
}

#[test]
fn kyiv_is_written_longitude_first() {
    let kyiv = City::new("Kyiv", p(50.4501, 30.5234), code("UA"));
    let f = MapFeature::new(kyiv)
        .to_feature(&ExportOptions::default())
        .unwrap();
    let v = serde_json::to_value(&f).unwrap();
    let c = &v["geometry"]["coordinates"];
    let (x, y) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
    assert!(
        (30.5..30.6).contains(&x) && (50.4..50.5).contains(&y),
        "{c}"
    );
    assert_eq!(
        v["geometry"],
        json!({"type": "Point", "coordinates": [30.5234, 50.4501]})
    );
    assert!(v.get("crs").is_none());
}

#[test]
fn places_carry_every_field() {
    let olenya = AirBase::new("Olenya", p(68.1517, 33.4639), code("RU")).with_icao("XLMO");
    let kyiv = City::new("Kyiv", p(50.4501, 30.5234), code("UA")).with_population(2_952_301);
    let mut kyiv = kyiv;
    kyiv.site = kyiv.site.with_alias("Kiev").with_region("Kyiv City");
    let palace = Site::new("Ciragan Palace", p(41.0436, 29.0147), code("TR"))
        .with_category("venue")
        .with_source(Source::new("Wikipedia: Çırağan Palace"));
    let mut map = MapExport::new(ExportOptions::default());
    map.add(olenya).unwrap();
    map.add(kyiv).unwrap();
    map.add(palace).unwrap();
    let v = value(&map);
    let props: Vec<&Value> = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["properties"])
        .collect();
    assert_eq!(props[0]["kind"], "air_base");
    assert_eq!(props[0]["icao"], "XLMO");
    assert_eq!(props[0]["country"], "RU");
    assert_eq!(props[0]["category"], "air base");
    assert_eq!(props[1]["kind"], "city");
    assert_eq!(props[1]["population"], 2_952_301);
    assert_eq!(props[1]["aliases"], json!(["Kiev"]));
    assert_eq!(props[1]["region"], "Kyiv City");
    assert_eq!(props[2]["kind"], "site");
    assert_eq!(props[2]["source"], "Wikipedia: Çırağan Palace");
    assert_eq!(props[2]["title"], "Ciragan Palace");
    let ids: Vec<&str> = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["air_base/olenya", "city/kyiv", "site/ciragan-palace"]);
}

#[test]
fn strikes_carry_dates_counts_claimants_sources_and_distances() {
    let s = strike();
    let f = MapFeature::new(s.clone())
        .to_feature(&ExportOptions::default())
        .unwrap();
    let v = serde_json::to_value(&f).unwrap();
    let props = &v["properties"];
    assert_eq!(v["id"], "strike/spiderweb-olenya");
    assert_eq!(props["kind"], "strike");
    assert_eq!(props["name"], "Olenya");
    assert_eq!(props["date"], "2025-06-01");
    assert_eq!(props["timestamp"], 1_748_736_000_000_i64);
    assert_eq!(props["weapon"], "drone");
    assert_eq!(props["launch"], "Olenegorsk truck");
    assert_eq!(props["launch_position"], json!([33.2525, 68.1442]));
    assert_eq!(
        props["counts"][0],
        json!({"kind": "hit", "count": 41, "claimed_by": "Security Service of Ukraine"})
    );
    assert_eq!(
        props["counts"][2]["claimed_by"],
        "Russian Ministry of Defence"
    );
    assert_eq!(props["source"], "a news report of 2 June 2025");
    assert_eq!(props["source_url"], "https://example.org/report");
    assert_eq!(props["source_date"], "2025-06-02");
    assert_eq!(
        props["description"],
        "Operation Spiderweb: drones launched from trucks"
    );
    let km = s.range().unwrap().as_km();
    assert!((props["distance_km"].as_f64().unwrap() - km).abs() < 0.001);
    let mi = props["distance_mi"].as_f64().unwrap();
    assert!((mi - Distance::from_km(km).as_miles()).abs() < 0.001);
    assert_eq!(v["geometry"]["coordinates"], json!([33.4639, 68.1517]));
}

#[test]
fn front_lines_territories_arcs_and_rings() {
    let mut map = MapExport::new(ExportOptions::default());
    let f = front();
    let length_km = f.length().as_km();
    map.add(f).unwrap();
    let square = Area::from_lon_lat(&[vec![vec![
        [30.0, 50.0],
        [31.0, 50.0],
        [31.0, 51.0],
        [30.0, 51.0],
        [30.0, 50.0],
    ]]])
    .unwrap();
    map.add(
        Territory::new("Square", square)
            .with_country(code("UA"))
            .with_scale("1:10m"),
    )
    .unwrap();
    map.add(StrikeArc::from_strike(&strike()).unwrap()).unwrap();
    let ukrainka = p(51.17, 128.45);
    map.add(RangeRing::new("Ukrainka 4,300 mi", ukrainka, Distance::from_miles(4_300.0)).unwrap())
        .unwrap();
    let v = value(&map);
    let fs = v["features"].as_array().unwrap();
    let front = &fs[0]["properties"];
    assert_eq!(front["kind"], "front_line");
    assert_eq!(front["date"], "2025-06-02");
    assert_eq!(front["approximate"], true);
    assert_eq!(
        front["waypoints"],
        json!(["Kherson", "Vasylivka", "Pokrovsk"])
    );
    assert_eq!(front["sources"], json!([{"title": "ISW map, 2 June 2025"}]));
    assert!(
        (front["length_km"].as_f64().unwrap() - length_km).abs() < 0.01,
        "{front}"
    );
    assert!(front["length_mi"].as_f64().is_some());
    let terr = &fs[1]["properties"];
    assert_eq!(
        (
            terr["kind"].as_str(),
            terr["country"].as_str(),
            terr["scale"].as_str()
        ),
        (Some("territory"), Some("UA"), Some("1:10m"))
    );
    // A 1°x1° cell at 50°N: about 7,880 km².
    assert!(
        (terr["area_km2"].as_f64().unwrap() - 7_880.0).abs() < 50.0,
        "{terr}"
    );
    let arc = &fs[2];
    assert_eq!(arc["id"], "strike_arc/spiderweb-olenya");
    assert_eq!(arc["properties"]["kind"], "strike_arc");
    assert_eq!(arc["properties"]["name"], "Olenegorsk truck → Olenya");
    assert_eq!(arc["properties"]["strike_id"], "spiderweb-olenya");
    // The arc's markers: launch and impact, at its ends.
    assert_eq!(fs[3]["properties"]["role"], "launch");
    assert_eq!(fs[4]["properties"]["role"], "impact");
    let ring = &fs[5]["properties"];
    assert_eq!(ring["kind"], "range_ring");
    assert_eq!(ring["radius_mi"], 4300.0);
    assert_eq!(ring["radius_km"], 6920.179);
    assert_eq!(ring["centre"], json!([128.45, 51.17]));
}

#[test]
fn ids_are_unique_and_stable() {
    let build = || {
        let mut map = MapExport::new(ExportOptions::default());
        for _ in 0..3 {
            map.add(City::new("Kyiv", p(50.45, 30.52), code("UA")))
                .unwrap();
        }
        map.add(
            MapFeature::new(City::new("Lviv", p(49.84, 24.03), code("UA"))).with_id("city/kyiv-2"),
        )
        .unwrap();
        map.add(Strike::new(
            strikemap::Date::constant(2025, 6, 7),
            Endpoint::new("Kharkiv", p(49.99, 36.23)),
            Weapon::GlideBomb,
        ))
        .unwrap();
        value(&map)
    };
    let ids: Vec<Value> = build()["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].clone())
        .collect();
    assert_eq!(
        ids,
        [
            json!("city/kyiv"),
            json!("city/kyiv-2"),
            json!("city/kyiv-3"),
            json!("city/kyiv-4"),
            json!("strike/2025-06-07-kharkiv")
        ]
    );
    assert_eq!(build(), build());
}

#[test]
fn styles_default_per_kind_overridable_per_kind_and_feature() {
    let kyiv = || City::new("Kyiv", p(50.45, 30.52), code("UA"));
    let f = MapFeature::new(kyiv())
        .to_feature(&ExportOptions::default())
        .unwrap();
    for (k, want) in Style::default_for(FeatureKind::City).properties() {
        assert_eq!(f.property(k), Some(want), "{k}");
    }
    let options = ExportOptions::default().with_style(
        FeatureKind::City,
        Style::new().with_marker_color("#000000").unwrap(),
    );
    let f = MapFeature::new(kyiv()).to_feature(&options).unwrap();
    assert_eq!(f.property("marker-color"), Some(&json!("#000000")));
    assert_eq!(f.property("marker-symbol"), Some(&json!("town-hall")));
    let own = MapFeature::new(kyiv())
        .with_style(
            Style::new()
                .with_marker_color("#ffffff")
                .unwrap()
                .with_title("Capital"),
        )
        .with_property(
            "verdict",
            json!({"claim": "within 1,000 km of the front", "holds": true}),
        );
    let f = own.to_feature(&options).unwrap();
    assert_eq!(f.property("marker-color"), Some(&json!("#ffffff")));
    assert_eq!(f.property("title"), Some(&json!("Capital")));
    assert_eq!(f.property("verdict").unwrap()["holds"], true);
    let plain = MapFeature::new(kyiv())
        .to_feature(&ExportOptions::default().with_styles(Styles::none()))
        .unwrap();
    assert!(plain.property("marker-color").is_none());
    // Every kind has a distinct default look.
    let looks: std::collections::HashSet<String> = FeatureKind::ALL
        .iter()
        .map(|k| serde_json::to_string(Style::default_for(*k).properties()).unwrap())
        .collect();
    assert_eq!(looks.len(), FeatureKind::ALL.len());
}

#[test]
fn precision_rounds_positions_before_measuring() {
    let options = ExportOptions::default().with_precision(2).unwrap();
    let f = MapFeature::new(City::new("Kyiv", p(50.4501, 30.5234), code("UA")))
        .to_feature(&options)
        .unwrap();
    assert_eq!(
        serde_json::to_value(f.geometry.unwrap()).unwrap()["coordinates"],
        json!([30.52, 50.45])
    );
    let f = MapFeature::new(strike()).to_feature(&options).unwrap();
    let rounded = Geodesic.distance(p(68.14, 33.25), p(68.15, 33.46)).as_km();
    assert!((f.property("distance_km").unwrap().as_f64().unwrap() - rounded).abs() < 0.001);
    let six = MapFeature::new(City::new("X", p(50.123456789, 30.987654321), code("UA")))
        .to_feature(&ExportOptions::default())
        .unwrap();
    assert_eq!(
        serde_json::to_value(six.geometry.unwrap()).unwrap()["coordinates"],
        json!([30.987654, 50.123457])
    );
}

#[test]
fn long_geodesic_edges_are_densified_on_the_geodesic() {
    let line = Line::from_vertices(vec![p(50.0, 0.0), p(50.0, 40.0)]).unwrap();
    let f = FrontLine::new("long", strikemap::Date::constant(2025, 1, 1), line);
    let options = ExportOptions::default()
        .with_spacing(Distance::from_km(50.0))
        .unwrap();
    let g = MapFeature::new(f.clone())
        .to_feature(&options)
        .unwrap()
        .geometry
        .unwrap();
    let coords = serde_json::to_value(g).unwrap()["coordinates"].clone();
    let pts: Vec<LatLon> = coords
        .as_array()
        .unwrap()
        .iter()
        .map(|c| LatLon::from_lon_lat([c[0].as_f64().unwrap(), c[1].as_f64().unwrap()]).unwrap())
        .collect();
    assert!(pts.len() > 55, "{}", pts.len());
    for w in pts.windows(2) {
        assert!(Geodesic.distance(w[0], w[1]).as_km() <= 50.001);
    }
    // The geodesic bulges north of the parallel: its middle is near 51.7°N, not 50°N.
    let mid = pts[pts.len() / 2];
    assert!(mid.lat() > 51.6, "{mid}");
    for q in &pts {
        assert!(f.distance_to(*q).as_metres() < 0.2, "{q}");
    }
}

#[test]
fn catalogs_are_layered_with_strike_arcs() {
    let mut c = Catalog::new();
    c.add_place(City::new("Kyiv", p(50.45, 30.52), code("UA")))
        .unwrap();
    c.add_front_line(front()).unwrap();
    c.add_strike(strike());
    let mut map = MapExport::new(ExportOptions::default());
    map.add_catalog(&c).unwrap();
    let kinds: Vec<Value> = value(&map)["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["kind"].clone())
        .collect();
    assert_eq!(
        kinds,
        [
            json!("front_line"),
            json!("strike_arc"),
            json!("marker"),
            json!("marker"),
            json!("city"),
            json!("strike")
        ]
    );
    let mut map = MapExport::new(ExportOptions::default().with_strike_arcs(false));
    map.add_catalog(&c).unwrap();
    assert_eq!(map.len(), 3);
    assert_eq!(map.summary().geometry_types(), ["LineString", "Point"]);
}

#[test]
fn collection_members_follow_rfc_7946() {
    let mut map = MapExport::new(ExportOptions::default());
    map.set_member("name", "June 2025").unwrap();
    for key in ["crs", "type", "features", "bbox"] {
        assert!(map.set_member(key, 1).is_err(), "{key}");
    }
    map.add(City::new("Kyiv", p(50.45, 30.52), code("UA")))
        .unwrap();
    let v = value(&map);
    assert_eq!(v["type"], "FeatureCollection");
    assert_eq!(v["name"], "June 2025");
    assert!(v.get("crs").is_none() && v.get("bbox").is_none());
    let mut bad = MapFeature::new(City::new("Kyiv", p(50.45, 30.52), code("UA")));
    bad.foreign_members.insert("geometry".into(), json!(null));
    assert!(bad.to_feature(&ExportOptions::default()).is_err());
}

#[test]
fn files_are_written() {
    let dir = std::env::temp_dir().join(format!("strikemap-geojson-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut map = MapExport::new(ExportOptions::default());
    map.add(City::new("Kyiv", p(50.45, 30.52), code("UA")))
        .unwrap();
    let path = dir.join("kyiv.geojson");
    map.write_file(&path).unwrap();
    let back: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(back, value(&map));
    let err = map
        .write_file(dir.join("missing-dir").join("x.geojson"))
        .unwrap_err();
    assert!(
        matches!(err, strikemap::Error::Io { ref path, .. } if path.ends_with("x.geojson")),
        "{}",
        err.report()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

fn ids_of(features: Vec<MapFeature>) -> Vec<Value> {
    let mut map = MapExport::new(ExportOptions::default());
    map.extend(features).unwrap();
    value(&map)["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].clone())
        .collect()
}

/// Issue 17: the renaming rule. A taken id gets the next free `-N` of its
/// stem (the id without a `-N` it carries already); numbers and strings
/// with the same text are the same id.
#[test]
fn taken_ids_are_renamed_by_one_rule() {
    let site =
        |id: &str| MapFeature::new(Site::new("Depot", p(49.0, 36.0), code("UA"))).with_id(id);
    assert_eq!(
        ids_of(vec![site("x"), site("x"), site("x-2")]),
        [json!("x"), json!("x-2"), json!("x-3")]
    );
    assert_eq!(
        ids_of(vec![site("x-2"), site("x"), site("x"), site("x")]),
        [json!("x-2"), json!("x"), json!("x-3"), json!("x-4")]
    );
    let numbered = |n: u64| {
        let mut f = MapFeature::new(Site::new("Depot", p(49.0, 36.0), code("UA")));
        f.id = Some(geojson::feature::Id::Number(n.into()));
        f
    };
    assert_eq!(
        ids_of(vec![numbered(1), site("1"), numbered(1), numbered(2)]),
        [json!(1), json!("1-2"), json!("1-3"), json!(2)]
    );
}

/// Issue 17: 20,000 features with one id, or strikes on one date and
/// target, export in linear time (it was quadratic: 18 s and 30 s).
#[test]
fn many_identical_ids_export_quickly() {
    let start = std::time::Instant::now();
    let mut map = MapExport::new(ExportOptions::default());
    for _ in 0..20_000 {
        map.add(MapFeature::new(Site::new("Depot", p(49.0, 36.0), code("UA"))).with_id("x"))
            .unwrap();
    }
    let sites = start.elapsed();
    let start = std::time::Instant::now();
    let mut strikes = MapExport::new(ExportOptions::default());
    for _ in 0..20_000 {
        strikes
            .add(Strike::new(
                strikemap::Date::constant(2025, 6, 7),
                Endpoint::new("Kharkiv", p(49.99, 36.23)),
                Weapon::Drone,
            ))
            .unwrap();
    }
    let elapsed = start.elapsed();
    assert_eq!(
        map.features()[19_999].id,
        Some(geojson::feature::Id::String("x-20000".into()))
    );
    assert!(sites.as_secs_f64() < 2.0, "{sites:?}");
    assert!(elapsed.as_secs_f64() < 2.0, "{elapsed:?}");
}
