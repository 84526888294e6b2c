//! A map with every kind of feature and every field, for the GeoJSON
//! tests: export → import → export, and streamed against in-memory export.

use geojson::feature::Id;
use serde_json::json;
use strikemap::{
    AirBase, Area, Catalog, City, CountryCode, Distance, FrontLine, LatLon, Line, MapExport, Site,
    Source, Strike, Territory, countries,
    io::geojson::{ExportOptions, MapFeature, Style},
    model::{ClaimedCount, CountKind, Endpoint, RangeRing, StrikeArc, Weapon},
};

fn p(lat: f64, lon: f64) -> LatLon {
    LatLon::new(lat, lon).unwrap()
}

fn code(c: &str) -> CountryCode {
    CountryCode::new(c).unwrap()
}

/// Every kind of place, front lines (one across the antimeridian),
/// territories (with a hole, across the antimeridian, Ukraine at 1:10m) and
/// strikes with every field.
pub fn catalog() -> Catalog {
    let mut c = Catalog::new();
    let olenya = AirBase::new("Olenya", p(68.1517, 33.4639), code("RU")).with_icao("XLMO");
    let mut olenya = olenya;
    olenya.site = olenya.site.with_region("Murmansk Oblast").with_source(
        Source::new("Wikipedia")
            .with_url("https://en.wikipedia.org/wiki/Olenya_(air_base)")
            .with_date(strikemap::Date::constant(2025, 6, 2)),
    );
    c.add_place(olenya).unwrap();
    let mut kyiv = City::new("Kyiv", p(50.4501, 30.5234), code("UA")).with_population(2_952_301);
    kyiv.site = kyiv.site.with_alias("Kiev");
    c.add_place(kyiv).unwrap();
    c.add_place(
        Site::new("Çırağan Palace", p(41.0436, 29.0147), code("TR")).with_category("venue"),
    )
    .unwrap();
    let line = Line::from_vertices(vec![p(46.75, 33.0), p(47.57, 35.5), p(48.1, 37.7)]).unwrap();
    c.add_front_line(
        FrontLine::new(
            "Southern front",
            strikemap::Date::constant(2025, 6, 2),
            line,
        )
        .approximate()
        .with_waypoints(["Kherson", "Vasylivka", "Pokrovsk"])
        .with_source(Source::new("ISW"))
        .with_source(Source::new("DeepState").with_url("https://deepstatemap.live/")),
    )
    .unwrap();
    let across = Line::new(vec![
        vec![p(65.0, 175.0), p(66.0, -170.0)],
        vec![p(60.0, 150.0), p(61.0, 155.0)],
    ])
    .unwrap();
    c.add_front_line(FrontLine::new(
        "Across the date line",
        strikemap::Date::constant(2025, 1, 1),
        across,
    ))
    .unwrap();
    let holed = Area::from_lon_lat(&[vec![
        vec![
            [30.0, 50.0],
            [30.0, 52.0],
            [32.0, 52.0],
            [32.0, 50.0],
            [30.0, 50.0],
        ],
        vec![
            [30.5, 50.5],
            [31.5, 50.5],
            [31.5, 51.5],
            [30.5, 51.5],
            [30.5, 50.5],
        ],
    ]])
    .unwrap();
    c.add_territory(
        Territory::new("Holed", holed)
            .with_country(code("UA"))
            .with_alias("Donut"),
    )
    .unwrap();
    let fiji = Area::from_lon_lat(&[vec![vec![
        [177.0, -19.0],
        [-179.0, -19.0],
        [-179.0, -15.0],
        [177.0, -15.0],
        [177.0, -19.0],
    ]]])
    .unwrap();
    c.add_territory(Territory::new("Fiji-ish", fiji).with_scale("sketch"))
        .unwrap();
    c.add_territory(countries::ukraine_10m().clone()).unwrap();
    let spiderweb = Strike::new(
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
    .with_count(ClaimedCount::new(CountKind::Damaged, 5, "Russian Ministry of Defence").out_of(7))
    .with_description("Operation Spiderweb")
    .with_source(Source::new("a news report of 2 June 2025"));
    c.add_strike(spiderweb);
    c.add_strike(Strike::new(
        strikemap::Date::constant(2025, 6, 7),
        Endpoint::new("Kharkiv", p(49.9935, 36.2304)),
        Weapon::GlideBomb,
    ));
    c
}

/// Range rings (one around a pole, one holding nearly the world), an arc
/// over the Bering Strait with its own id, a site with a numeric id,
/// structured extra properties, its own style and a foreign member.
pub fn extra_features() -> Vec<MapFeature> {
    let mut out = Vec::new();
    let ukrainka = p(51.17, 128.45);
    out.push(
        MapFeature::new(
            RangeRing::new("Ukrainka 4,300 mi", ukrainka, Distance::from_miles(4_300.0)).unwrap(),
        )
        .with_property("claim", "Tu-95MS combat radius")
        .with_style(Style::new().with_fill_opacity(0.2).unwrap()),
    );
    out.push(
        RangeRing::new("Ukrainka 4,300 km", ukrainka, Distance::from_km(4_300.0))
            .unwrap()
            .into(),
    );
    out.push(
        RangeRing::new("McMurdo", p(-77.85, 166.67), Distance::from_km(2_000.0))
            .unwrap()
            .into(),
    );
    out.push(
        RangeRing::new(
            "Everything but the antipode",
            p(0.0, 0.0),
            Distance::from_km(15_000.0),
        )
        .unwrap()
        .into(),
    );
    let mut arc = StrikeArc::new(
        Endpoint::new("Ukrainka", ukrainka),
        Endpoint::new("Elmendorf", p(61.25, -149.81)),
    );
    arc.weapon = Some(Weapon::CruiseMissile);
    out.push(MapFeature::new(arc).with_id("arc/alaska"));
    let mut numbered = MapFeature::new(Site::new("Depot", p(49.5, 36.5), code("UA")))
        .with_property(
            "verdict",
            json!({"claim": "within 100 km of the front", "holds": true, "margin_km": 12.5}),
        )
        .with_property("tags", json!(["fuel", "rail"]))
        .with_style(
            Style::new()
                .with_title("Fuel depot")
                .with_description("seen burning 6 June"),
        );
    numbered.id = Some(Id::Number(42.into()));
    numbered.foreign_members.insert(
        "links".into(),
        json!([{"href": "https://example.org/depot"}]),
    );
    out.push(numbered);
    out
}

/// The catalog and the extra features in one collection named "June 2025".
pub fn rich_map(options: &ExportOptions) -> MapExport {
    let mut map = MapExport::new(options.clone());
    map.set_member("name", "June 2025").unwrap();
    map.add_catalog(&catalog()).unwrap();
    map.extend(extra_features()).unwrap();
    map
}
