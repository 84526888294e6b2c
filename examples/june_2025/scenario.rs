//! The places and events of one June 2025 news report on the war in Ukraine,
//! as typed data.
//!
//! Places come from the bundled gazetteer where it has them: the air bases
//! from OurAirports (public domain), the cities from GeoNames (CC BY 4.0),
//! each with its region; the venue of the peace talks, Istanbul's Çırağan
//! Palace, is no town or airfield, so it comes from Wikipedia. The air
//! bases' Wikipedia infobox coordinates (stored copies read on 2026-11-26)
//! are kept as a cross-check ([`wikipedia_positions`]). The front line is a
//! sketch through towns on the line of contact, not a survey.

use strikemap::{
    Catalog, CountryCode, DistanceClaim, FrontLine, LatLon, Line, Place, Result, Site, Source,
    Strike,
    claim::LengthClaim,
    countries, gazetteer,
    model::{ClaimedCount, CountKind, Endpoint, Weapon},
};

/// The report the events come from. Nothing in the report names its outlet,
/// so it is cited by its date alone.
pub fn report() -> Source {
    Source::new("a news report of 2 June 2025").with_date(strikemap::Date::constant(2025, 6, 2))
}

fn wikipedia(article: &str) -> Source {
    Source::new(format!("Wikipedia: {article} (coordinates in the infobox)"))
        .with_url(format!(
            "https://en.wikipedia.org/wiki/{}",
            article.replace(' ', "_")
        ))
        .with_date(strikemap::Date::constant(2026, 11, 26))
}

/// A place of the gazetteer, under the name the report uses (the
/// gazetteer's own name kept as an alias: "Olenya" for "Olenya Air Base").
fn from_gazetteer(name: &str, query: &str) -> Result<Place> {
    let mut place = gazetteer::resolve(query)?.to_place();
    let site = place.site_mut();
    if site.name != name {
        let own = std::mem::replace(&mut site.name, name.to_string());
        site.aliases.retain(|a| a != name);
        site.aliases.insert(0, own);
    }
    Ok(place)
}

/// The five air bases hit on 1 June 2025, west to east.
pub const AIR_BASES: [&str; 5] = [
    "Olenya",
    "Dyagilevo",
    "Ivanovo Severny",
    "Belaya",
    "Ukrainka",
];

/// Towns on or next to the line of contact, south-west to north-east, as of
/// early June 2025: the Dnipro from Kherson to Kamianske, then overland to
/// the Russian border north of Vovchansk. Positions are the towns' centres
/// (Wikipedia), so the line is a sketch: it cuts the corners the real line
/// makes between them and comes out shorter.
const FRONT_TOWNS: [(&str, f64, f64); 19] = [
    ("Kherson", 46.6354, 32.6169),
    ("Beryslav", 46.8417, 33.4264),
    ("Nikopol", 47.5670, 34.3960),
    ("Kamianske (Zaporizhzhia Oblast)", 47.4731, 35.3022),
    ("Stepnohirsk", 47.5730, 35.3120),
    ("Orikhiv", 47.5676, 35.7842),
    ("Robotyne", 47.4447, 35.8397),
    ("Huliaipole", 47.6636, 36.2561),
    ("Velyka Novosilka", 47.8436, 36.8281),
    ("Kurakhove", 47.9859, 37.2828),
    ("Pokrovsk", 48.2825, 37.1757),
    ("Toretsk", 48.3979, 37.8434),
    ("Chasiv Yar", 48.5866, 37.8350),
    ("Siversk", 48.8669, 38.0969),
    ("Lyman", 48.9892, 37.8025),
    ("Borova", 49.3760, 37.6220),
    ("Kupiansk", 49.7105, 37.6156),
    ("Vovchansk", 50.2901, 36.9411),
    ("Russian border north of Vovchansk", 50.3700, 36.8600),
];

/// The air bases as the gazetteer is asked for them: the name the report
/// uses, and the query (the code where the name alone is not enough).
pub const AIR_BASE_QUERIES: [(&str, &str); 5] = [
    ("Olenya", "Olenya air base"),
    ("Dyagilevo", "Dyagilevo air base"),
    ("Ivanovo Severny", "Ivanovo Severny"),
    ("Belaya", "Belaya air base"),
    ("Ukrainka", "Ukrainka air base"),
];

/// The air bases as Wikipedia's infoboxes place them, for a cross-check of
/// the gazetteer: name, latitude, longitude, region, article. The infobox
/// coordinates are in degrees, minutes and seconds (in comments), converted
/// to decimal degrees (Olenya's article has carried both 33°28′12″E and
/// 33°27′54″E over time, the later is used).
pub const AIR_BASE_DATA: [(&str, f64, f64, &str, &str); 5] = [
    // 68°09′06″N 33°27′54″E
    (
        "Olenya",
        68.1517,
        33.4650,
        "Murmansk Oblast",
        "Olenya (air base)",
    ),
    // 52°54′54″N 103°34′30″E
    (
        "Belaya",
        52.9150,
        103.5750,
        "Irkutsk Oblast",
        "Belaya (air base)",
    ),
    // 54°38′30″N 39°34′18″E
    (
        "Dyagilevo",
        54.6417,
        39.5717,
        "Ryazan Oblast",
        "Dyagilevo (air base)",
    ),
    // 57°03′30″N 40°58′54″E
    (
        "Ivanovo Severny",
        57.0583,
        40.9817,
        "Ivanovo Oblast",
        "Ivanovo Severny",
    ),
    // 51°10′12″N 128°26′42″E
    (
        "Ukrainka",
        51.1700,
        128.4450,
        "Amur Oblast",
        "Ukrainka (air base)",
    ),
];

/// Builds the scenario: places, the sketched front line and the strikes.
pub fn catalog() -> Result<Catalog> {
    let mut c = Catalog::new();
    for (name, query) in AIR_BASE_QUERIES {
        c.add_place(from_gazetteer(name, query)?)?;
    }
    for name in ["Kyiv", "Moscow", "Kharkiv"] {
        c.add_place(from_gazetteer(name, name)?)?;
    }
    c.add_place(
        Site::new(
            "Ciragan Palace",
            LatLon::new(41.0436, 29.0147)?,
            CountryCode::new("TR")?,
        )
        .with_category("venue")
        .with_region("Istanbul")
        .with_alias("Çırağan Palace")
        .with_source(wikipedia("Çırağan Palace")),
    )?;

    // Ukraine's territory within its internationally recognised borders (1:50m, bundled).
    c.add_territory(countries::get("UA")?.territory.clone())?;

    let vertices = FRONT_TOWNS
        .iter()
        .map(|&(_, lat, lon)| LatLon::new(lat, lon))
        .collect::<Result<Vec<_>>>()?;
    c.add_front_line(
        FrontLine::new("Front line (sketch)", strikemap::Date::constant(2025, 6, 2), Line::from_vertices(vertices)?)
            .approximate()
            .with_waypoints(FRONT_TOWNS.iter().map(|t| t.0))
            .with_source(Source::new(
                "Sketch through towns on the line of contact shown by ISW's and DeepStateMap's maps of early June 2025; approximate",
            )),
    )?;

    let date = strikemap::Date::constant(2025, 6, 1);
    for name in AIR_BASES {
        let base = c.place(name)?;
        let strike = Strike::new(date, Endpoint::new(name, base.position()), Weapon::Drone)
            .with_id(format!(
                "spiderweb-{}",
                name.to_lowercase().replace(' ', "-")
            ))
            .with_description(
                "Ukrainian drone attack on a Russian air base (launched from trucks near the base)",
            )
            .with_source(report());
        c.add_strike(strike);
    }
    let kharkiv = c.place("Kharkiv")?.position();
    c.add_strike(
        Strike::new(strikemap::Date::constant(2025, 6, 2), Endpoint::new("Kharkiv", kharkiv), Weapon::BallisticMissile)
            .with_id("kharkiv-ballistic")
            .with_launch(Endpoint::new("Belgorod area (approximate launch point)", LatLon::new(50.60, 36.60)?))
            .with_count(ClaimedCount::new(CountKind::Hit, 2, "Kharkiv city officials"))
            .with_description("Two ballistic missiles struck Kharkiv, one near a school, one near an apartment building")
            .with_source(report()),
    );
    c.add_strike(
        Strike::new(
            date,
            Endpoint::new(
                "Ukraine, nationwide (marker at Kyiv)",
                c.place("Kyiv")?.position(),
            ),
            Weapon::Drone,
        )
        .with_id("overnight-drones-472")
        .with_count(ClaimedCount::new(
            CountKind::Launched,
            472,
            "Ukrainian Air Force",
        ))
        .with_count(ClaimedCount::new(CountKind::Damaged, 52, "as reported").out_of(80))
        .with_description("Russia launched 472 drones in one night")
        .with_source(report()),
    );
    c.add_strike(
        Strike::new(
            date,
            Endpoint::new(
                "Russia: eight regions and Crimea (marker at Moscow)",
                c.place("Moscow")?.position(),
            ),
            Weapon::Drone,
        )
        .with_id("downed-162")
        .with_count(ClaimedCount::new(
            CountKind::Intercepted,
            162,
            "Russian Ministry of Defence",
        ))
        .with_description("Air defences downed 162 drones over eight regions and Crimea")
        .with_source(report()),
    );
    Ok(c)
}

/// The quantitative spatial claims of the report, ready to check against the catalog.
pub fn distance_claims() -> Result<Vec<DistanceClaim>> {
    Ok(vec![
        DistanceClaim::parse("the targets were more than 4,300 miles from Ukraine")?
            .with_subjects(AIR_BASES)
            .with_reference("Ukraine")
            .with_claimed_by("The report")
            .with_source(report()),
    ])
}

/// The length claims of the report.
pub fn length_claims() -> Result<Vec<LengthClaim>> {
    Ok(vec![
        LengthClaim::parse("the roughly 620-mile front line")?
            .with_line("Front line (sketch)")
            .with_claimed_by("The report")
            .with_source(report()),
    ])
}
