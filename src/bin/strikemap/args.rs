//! The command line, declared with clap's derive API.
//!
//! Positions, distances, targets and claims are taken as plain text here and
//! read by the library afterwards, so that a mistake in one is reported on
//! one line naming the argument (clap's own errors cover only the shape of
//! the command line).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// What a target may be, for the help texts.
const TARGET_FORMS: &str = "a place name (Kyiv, \"Olenya air base\", XLMO, \"Pokrovsk, UA\": \
                            see strikemap find), LAT,LON (latitude first: 50.45,30.52 or \
                            50.45N,30.52E or 30.52E,50.45N), NAME=LAT,LON, country:CODE \
                            (country:UA, country:UKR, country:Ukraine), region:CODE \
                            (region:UA-63, region:\"Kharkiv Oblast\") or the path of a GeoJSON, KML or KMZ file (all its \
                            geometries together, if they are of one kind; narrow a file of \
                            several kinds with --kind or --feature)";

/// Where the files the examples name are.
const EXAMPLE_FILES: &str = "The files named in the examples are in examples/data/ of the \
                             source (synthetic data); run the examples from the root of a clone.";

/// Map military strikes: exact distances on the WGS84 ellipsoid, claim
/// checks and GeoJSON maps.
#[derive(Debug, Parser)]
#[command(
    name = "strikemap",
    version,
    about,
    after_help = concat!("Examples:\n  \
        strikemap distance 50.4501,30.5234 country:RU\n  \
        strikemap distances --from country:UA --to examples/data/acled_ukraine.csv > with_distances.csv\n\n\
        The files named in the examples are in examples/data/ of the source (synthetic data); \
        run the examples from the root of a clone.\n\n\
        Every point read from the command line is shown with the country it lies in \
        (\"50.4501°N, 30.5234°E — in Ukraine\"), so a swapped latitude and longitude shows \
        at once: in the text report, or on stderr when the output is JSON or GeoJSON.\n\n\
        Errors are one line on stderr starting with \"strikemap: error:\"; the exit code is 2.")
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The shortest distance between two points, countries or GeoJSON files,
    /// with the nearest point of each.
    #[command(after_help = format!("Examples:\n  \
        strikemap distance 50.4501,30.5234 68.1517,33.4650\n  \
        strikemap distance 51.17N,128.445E country:UA --units mi\n  \
        strikemap distance country:UA examples/data/bases.geojson --json\n  \
        strikemap distance examples/data/scenario.geojson 50.4501,30.5234 --kind front_line\n\n\
        A GeoJSON file is measured to as a whole if its features are of one kind (places, \
        front lines, territories, range rings, ...); a file of several kinds must be narrowed \
        with --kind and/or --feature, which apply to each file given. The report says what \
        was measured to.\n\n{EXAMPLE_FILES}"))]
    Distance(DistanceArgs),
    /// Distances from a reference to every point of a CSV or GeoJSON file
    /// (streamed: a million rows run in bounded memory).
    #[command(after_help = format!("Examples:\n  \
        strikemap distances --from country:UA --to examples/data/acled_ukraine.csv > with_distances.csv\n  \
        strikemap distances --from examples/data/frontline.geojson --to examples/data/events.geojson --json\n  \
        strikemap distances --from country:UA --to examples/data/acled_ukraine.csv --geojson -o events.geojson\n  \
        strikemap distances --from examples/data/frontline.geojson --to events.geojson --prefix front_ --geojson\n  \
        strikemap distances --from country:UA --to examples/data/acled_ukraine.csv --kml -o events.kml\n  \
        strikemap distances --from country:UA --to examples/data/control/events.csv \\\n      \
        --control examples/data/control/held --date-column event_date\n\n\
        KML/KMZ input: the Point Placemarks, their name, ExtendedData, TimeStamp and Folder as \
        columns. GeoParquet input: a WKB point column (geo metadata) or latitude/longitude \
        columns. --kml writes a Placemark per row; --parquet FILE writes GeoParquet 1.1 with \
        every column typed from all its values (feature parquet).\n\n\
        CSV: the latitude and longitude columns are found by name (lat or latitude; lon, lng, \
        long or longitude; any case), so an ACLED export works as it is; the delimiter (, ; \
        or tab) from the header line, and in a ;- or tab-separated file a comma in a \
        latitude or longitude is a decimal comma, as Excel writes them. The input is told \
        by its content, not its name; a pipe works (--to /dev/stdin). GeoJSON: a \
        FeatureCollection of Point features; their id and properties are the columns. The \
        output has every input column plus distance_m, distance_km, distance_mi and inside \
        (an input column of one of those names is an error); with \
        --geojson, a Point feature per row with those as its properties (a GeoJSON input's \
        features keep their id and other members, and their geometry with the longitude \
        normalised to [-180, 180]); a CSV row's feature gets a name (from its location, name \
        or title column) and an id (from its id, event_id or event_id_cnty column, else its \
        line number in the file). --prefix front_ names the added columns front_distance_m, \
        ..., so the output can be measured again against another reference. With \
        --control, held and front_distance_km are added too, each on the row's own date \
        (the --date-column, event_date by default: 2025-06-02, 20250602 or an RFC 3339 \
        timestamp), from the latest snapshot on or before it; a row undated or dated before \
        the first snapshot gets empty values and a count on stderr (an error with --strict).\n\n\
        Numbers: with --json and --geojson, a CSV column is written as numbers when every \
        non-empty value of it in the first {CHUNK} rows is a finite number (without a leading \
        zero such as 007); its empty values are then null, and a later value that is not a \
        number is written as text. Other columns are text. CSV output writes every value as \
        read.\n\n{EXAMPLE_FILES}", CHUNK = crate::distances::CHUNK))]
    Distances(DistancesArgs),
    /// A verdict on a distance claim such as "more than 4,300 miles", with
    /// its explanation (exit code 0 whatever the verdict).
    #[command(after_help = format!("Examples:\n  \
        strikemap check \"more than 4,300 miles\" --from country:UA \\\n      \
        --to Olenya=68.1517,33.4650 --to Belaya=52.915,103.575 --to Ukrainka=51.17,128.445\n  \
        strikemap check \"within 300 km\" --from 50.4501,30.5234 --to 49.9935,36.2304 --json\n  \
        strikemap check \"the roughly 620-mile front line\" --from examples/data/frontline.geojson\n  \
        strikemap check \"about 220 miles\" --control examples/data/control/held --date 2025-06-20\n\n\
        The command line has no catalog of places: give each place as NAME=LAT,LON or \
        LAT,LON. Without --to, the claim is about the length of the front line given \
        as --from.\n\n{EXAMPLE_FILES}"))]
    Check(CheckArgs),
    /// A geodesic range ring (the area within a distance of a point) as
    /// GeoJSON; right across the antimeridian and around the poles.
    #[command(after_help = "Examples:\n  \
        strikemap ring Ukrainka=51.17,128.445 4300mi -o ring.geojson\n  \
        strikemap ring 50.4501,30.5234 \"4,300 miles\" \"4,300 km\"")]
    Ring(RingArgs),
    /// A strike arc (the geodesic from a launch point to a target) as GeoJSON.
    #[command(after_help = "Examples:\n  \
        strikemap arc Engels=51.48,46.2 Kyiv=50.4501,30.5234 -o arc.geojson")]
    Arc(ArcArgs),
    /// Read a scenario GeoJSON file (e.g. edited in geojson.io) into the
    /// typed models, check it, and write it back normalised and styled.
    #[command(after_help = format!("Examples:\n  \
        strikemap export examples/data/scenario.geojson -o scenario.styled.geojson\n  \
        strikemap export examples/data/frontline.geojson --as-of 2025-06-02\n  \
        strikemap export examples/data/scenario.geojson -o scenario.kmz\n\n\
        With -o NAME.kml or NAME.kmz the map is written as KML (Google Earth, My Maps): one \
        Folder per kind, each feature's simplestyle colours as its KML Style, its properties \
        as ExtendedData, its date as a TimeStamp; the KML map is held in memory while it is \
        written. The input may be KML or KMZ too.\n\n\
        The file (a FeatureCollection, or a single Feature) is read twice, one feature at a \
        time: first to check everything, so nothing is written unless all is well, then to \
        write. Memory grows with the largest feature and with the names of places, \
        territories and front lines (a few hundred bytes each: 0.5 GB for 1.4 million \
        points), not with the geometry; a single Feature is read whole.\n\n{EXAMPLE_FILES}"))]
    Export(ExportArgs),
    /// The area within a distance of a target (a geodesic buffer on WGS84)
    /// as GeoJSON: "everything within 4,300 miles of Ukraine".
    #[command(after_help = "Examples:\n  \
        strikemap buffer country:UA 4300mi -o ukraine_4300mi.geojson\n  \
        strikemap buffer Kyiv \"100 km\"\n  \
        strikemap buffer examples/data/frontline.geojson 50km\n\n\
        TARGET is read as the distance command reads it: LAT,LON, NAME=LAT,LON, a place \
        name, country:CODE, region:CODE or a GeoJSON file. The boundary is at the distance \
        within 10 m (its vertices within 1 cm); a buffer reaching farther than 18,000 km \
        from the target's centre is refused.")]
    Buffer(BufferArgs),
    /// Where a point is: its country, admin-1 region, the nearest town and
    /// the nearest airfield (bundled data, exact on WGS84).
    #[command(after_help = "Examples:\n  \
        strikemap where 48.2829,37.1757\n  \
        strikemap where 30.5234,50.4501   # latitude and longitude swapped: in Iran\n  \
        strikemap where Olenya --json\n\n\
        POINT is LAT,LON (latitude first), NAME=LAT,LON, or a place name. The region is the \
        bundled Natural Earth admin-1 region the point lies in (Crimea and Sevastopol are \
        Ukraine's); distances and bearings are geodesic, from the place to the point.\n\n\
        --json keys: lat, lon, country (ISO alpha-2), country_name, region {code, name, \
        name_uk, name_ru, country, groups, boundary_error_m}, north_of_arctic_circle, \
        nearest_place, nearest_city (100,000 people or more) and nearest_airfield {name, km, \
        bearing, compass, text, place}, text. GeoNames lists districts of large cities as \
        places of their own, so the nearest place may be a district (Stare Misto in Kyiv); \
        the nearest city gives the context.")]
    Where(WhereArgs),
    /// Places and airfields of the bundled gazetteer that a name may mean,
    /// best first.
    #[command(after_help = "Examples:\n  \
        strikemap find Pokrovsk\n  \
        strikemap find \"Pokrovsk, Donetsk Oblast\"\n  \
        strikemap find Київ --json\n  \
        strikemap find XLMO\n\n\
        Names match ignoring case, diacritics, apostrophes and punctuation, in Latin or \
        Cyrillic script: the name, then other names and old names (Artemivsk for Bakhmut), \
        with codes of airfields (ICAO, IATA, local) first; close spellings only when nothing \
        matches exactly. Matches rank by population (an air base counts as 100,000 people, \
        another airfield as 1,000), ten times over for a place's own name. Qualify a name with a country or a region \
        (\"Pokrovsk, UA\", \"Pokrovsk, Donetsk Oblast\") or a kind (\"Olenya air base\", \
        \"Ivanovo city\"). A name given where a place is asked for (distance Kyiv Moscow) \
        is the best match when it is the only one or ranks 20 times above the next; \
        otherwise the command lists the candidates and how to qualify the name.\n\n\
        Data: GeoNames (CC BY 4.0) and OurAirports (public domain), bundled; see \
        data/README.md.")]
    Find(FindArgs),
    /// Draw a GeoJSON file as a map: PNG or SVG for articles, or one
    /// self-contained HTML page (no network needed to open it).
    #[command(after_help = "Examples:\n  \
        strikemap render examples/data/scenario.geojson -o map.png\n  \
        strikemap render examples/data/scenario.geojson -o map.html --title \"June 2025\"\n\n\
        Features are drawn with their simplestyle properties (marker-color, stroke, fill, \
        ...); the basemap is the bundled Natural Earth countries (and regions when zoomed \
        in). The projection is azimuthal equidistant for maps spanning more than ~1,800 km \
        and Lambert conformal conic for regional maps; its name is printed on the map. The \
        HTML page inlines Leaflet 1.9.4 and the data.")]
    Render(RenderArgs),
    /// Review a whole article: find every checkable claim (distances,
    /// lengths, counts, shares, places, directions), resolve its places,
    /// check what can be checked and say why the rest cannot.
    #[command(after_help = "Examples:\n  \
        strikemap review examples/data/june_2025_report.txt\n  \
        strikemap review examples/data/june_2025_report.txt --scenario examples/data/june_2025.geojson --json\n  \
        strikemap review examples/data/june_2025_report.txt \\\n      \
        --subjects \"the targets=Olenya,Belaya,Dyagilevo,Ivanovo Severny,Ukrainka\" --markdown\n  \
        strikemap review examples/data/june_2025_report.txt --html -o review.html\n\n\
        ARTICLE is a plain-text file (- reads standard input). Names resolve from the \
        --scenario catalog first (its names win), then the bundled gazetteer. Group words \
        (\"the targets\", \"the bases\") mean the scenario's places of that kind, or the \
        places named earlier in the paragraph; --subjects maps a phrase explicitly. \
        Front-line claims need --control DIR --date D (or a scenario with a front line). \
        --json keys: findings (sentence, sentence_span, span, kind, text, figure, \
        quantifier, subjects, reference, then verdict, reason and check, or cannot_check \
        and reason) and tally. The rules are in the crate docs (strikemap::review).")]
    Review(ReviewArgs),
    /// Who held what on a date, from your own control map files: the held
    /// area, the line of contact and its length at several resolutions,
    /// and (--since) the ground that changed hands.
    #[command(after_help = "Examples:\n  \
        strikemap front --control examples/data/control/held --date 2025-06-20 \\\n      \
        --within examples/data/control/country.geojson\n  \
        strikemap front --control examples/data/control/held.geojsons --date 2025-06-20 \\\n      \
        --since 2025-06-01 --by-region --json -o out/front.geojson\n\n\
        Real data (read your own copy; never redistribute it): git clone --depth 1 \
        https://github.com/cyterat/deepstate-map-data, then --control deepstate-map-data/data; \
        an ISW/CTP layer with a status per feature: --only status=VALUE.\n\n\
        --control is a folder of daily GeoJSON files (the date from each name, e.g. \
        deepstatemap_data_20250602.geojson, or from a date/as_of property), or one file with a \
        date per feature; features of one date are merged. The snapshot used is the latest on \
        or before --date. The line of contact is the held area's boundary where it lies inside \
        the reference country (--within, by default the country holding the held area; \
        Ukraine at 1:10m) and farther than --border-tolerance (2 km) from its border or coast. \
        Lengths and areas are on the WGS84 ellipsoid; the generalised lengths (Douglas-Peucker \
        at 0.5, 1, 2 and 5 km) show how much the length depends on the drawing.\n\n\
        --json keys: control, date_asked, date_used, days_old, held_km2, within, \
        held_within_km2, border_tolerance_km, contact_length_km, contact_parts, generalised \
        [{tolerance_km, length_km, vertices}], and with --since: since {date_asked, \
        date_used}, gained_km2, lost_km2; with --by-region: by_region [{code, name, \
        held_km2, gained_km2, lost_km2}].\n\n\
        strikemap ships no control map: DeepStateMap's and ISW's terms forbid redistribution. \
        See the README for where to get one.")]
    Front(FrontArgs),
}

/// A control map given on the command line (`--control` and its options).
#[derive(Debug, Args)]
pub struct ControlArgs {
    /// A folder of daily control files, or one file with a date per feature.
    #[arg(long, value_name = "DIR_OR_FILE")]
    pub control: PathBuf,
    /// The reference country or region (country:UA, region:UA-14, or a
    /// GeoJSON file of one territory): its border and coast are not the line
    /// of contact, and --json's held_within_km2 is the held area inside it.
    #[arg(long, value_name = "TERRITORY")]
    pub within: Option<String>,
    /// How close to the reference's border or coast the held area's boundary
    /// counts as that border, not the line of contact (default 2 km).
    #[arg(long, value_name = "DISTANCE")]
    pub border_tolerance: Option<String>,
    /// Read only the features whose property KEY is VALUE (an ISW layer's status).
    #[arg(long, value_name = "KEY=VALUE")]
    pub only: Option<String>,
    /// Skip control files and features that cannot be read, listing them on
    /// stderr, instead of stopping at the first.
    #[arg(long)]
    pub skip_bad: bool,
}

impl ControlArgs {
    /// A control map at `path` with the default settings (and `within`),
    /// for the commands whose `--control` has no options of its own.
    pub fn of(path: &std::path::Path, within: Option<String>) -> ControlArgs {
        ControlArgs {
            control: path.to_path_buf(),
            within,
            border_tolerance: None,
            only: None,
            skip_bad: false,
        }
    }
}

/// `strikemap front --control PATH --date DATE`.
#[derive(Debug, Args)]
pub struct FrontArgs {
    /// The control map.
    #[command(flatten)]
    pub control: ControlArgs,
    /// The date (YYYY-MM-DD): the latest snapshot on or before it is used.
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// Also the ground gained and lost since this date.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Also the held (gained, lost) km² per admin-1 region of the reference.
    #[arg(long)]
    pub by_region: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the line of contact (and with --since the gained and lost
    /// areas) as GeoJSON to this file.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Readings of a claim about several places, for `--reading`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReadingArg {
    /// Every place (the default).
    Every,
    /// The farthest place alone.
    Farthest,
    /// At least one place.
    Any,
}

impl ReadingArg {
    /// The library's reading.
    pub fn reading(self) -> strikemap::claim::Reading {
        match self {
            ReadingArg::Every => strikemap::claim::Reading::Every,
            ReadingArg::Farthest => strikemap::claim::Reading::Farthest,
            ReadingArg::Any => strikemap::claim::Reading::Any,
        }
    }
}

/// Units for `--units`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnitArg {
    /// Kilometres.
    #[value(alias = "kilometres", alias = "kilometers")]
    Km,
    /// International statute miles (1,609.344 m).
    #[value(alias = "miles")]
    Mi,
    /// International nautical miles (1,852 m).
    #[value(alias = "nm")]
    Nmi,
    /// Metres.
    #[value(alias = "metres", alias = "meters")]
    M,
}

impl UnitArg {
    /// The library's unit.
    pub fn unit(self) -> strikemap::Unit {
        match self {
            UnitArg::Km => strikemap::Unit::Kilometres,
            UnitArg::Mi => strikemap::Unit::Miles,
            UnitArg::Nmi => strikemap::Unit::NauticalMiles,
            UnitArg::M => strikemap::Unit::Metres,
        }
    }
}

/// Earth models for `--method`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MethodArg {
    /// The WGS84 ellipsoid (exact; the default).
    Geodesic,
    /// A sphere of mean radius (off by up to 0.56 %).
    Haversine,
}

impl MethodArg {
    /// The library's method.
    pub fn method(self) -> strikemap::Method {
        match self {
            MethodArg::Geodesic => strikemap::Method::Geodesic,
            MethodArg::Haversine => strikemap::Method::Haversine,
        }
    }
}

/// What a feature of a GeoJSON target file is, for `--kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum KindArg {
    /// Places: air bases, cities, sites (and Points of files drawn elsewhere).
    Place,
    /// Strikes (at their targets).
    Strike,
    /// Front lines (and LineStrings of files drawn elsewhere).
    #[value(name = "front_line", alias = "front-line", alias = "line")]
    FrontLine,
    /// Strike arcs.
    #[value(name = "strike_arc", alias = "strike-arc", alias = "arc")]
    StrikeArc,
    /// Territories (and Polygons of files drawn elsewhere).
    #[value(alias = "area")]
    Territory,
    /// Range rings.
    #[value(name = "range_ring", alias = "range-ring", alias = "ring")]
    RangeRing,
    /// A GeometryCollection of a file drawn elsewhere.
    #[value(name = "geometry_collection")]
    Collection,
}

impl KindArg {
    /// Every kind, in the order counts are listed.
    pub const ALL: [KindArg; 7] = [
        KindArg::Place,
        KindArg::Strike,
        KindArg::FrontLine,
        KindArg::StrikeArc,
        KindArg::Territory,
        KindArg::RangeRing,
        KindArg::Collection,
    ];

    /// The name `--kind` takes.
    pub fn name(self) -> &'static str {
        match self {
            KindArg::Place => "place",
            KindArg::Strike => "strike",
            KindArg::FrontLine => "front_line",
            KindArg::StrikeArc => "strike_arc",
            KindArg::Territory => "territory",
            KindArg::RangeRing => "range_ring",
            KindArg::Collection => "geometry_collection",
        }
    }

    /// The noun for `n` features of this kind: `1 place`, `2 places`.
    pub fn noun(self, n: usize) -> &'static str {
        let (one, many) = match self {
            KindArg::Place => ("place", "places"),
            KindArg::Strike => ("strike", "strikes"),
            KindArg::FrontLine => ("front line", "front lines"),
            KindArg::StrikeArc => ("strike arc", "strike arcs"),
            KindArg::Territory => ("territory", "territories"),
            KindArg::RangeRing => ("range ring", "range rings"),
            KindArg::Collection => ("geometry collection", "geometry collections"),
        };
        if n == 1 { one } else { many }
    }
}

/// Which features of a GeoJSON target file to measure to.
#[derive(Debug, Args, Default)]
pub struct NarrowArgs {
    /// Measure to the feature of this name (its name or title property, or
    /// its id) of a GeoJSON file given as a target; repeat for several.
    #[arg(long, value_name = "NAME")]
    pub feature: Vec<String>,
    /// Measure to the features of this kind of a GeoJSON file given as a
    /// target; repeat for several.
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Vec<KindArg>,
}

impl NarrowArgs {
    /// Whether no narrowing was asked for.
    pub fn is_empty(&self) -> bool {
        self.feature.is_empty() && self.kind.is_empty()
    }
}

/// `strikemap distance FROM TO`.
#[derive(Debug, Args)]
pub struct DistanceArgs {
    #[arg(value_name = "FROM", allow_hyphen_values = true, help = format!("Where to measure from: {TARGET_FORMS}"))]
    /// Where to measure from.
    pub from: String,
    #[arg(value_name = "TO", allow_hyphen_values = true, help = format!("Where to measure to: {TARGET_FORMS}"))]
    /// Where to measure to.
    pub to: String,
    /// The unit to print the distance in (the other of km and mi is printed too).
    #[arg(long, value_enum, default_value = "km")]
    pub units: UnitArg,
    /// The Earth model.
    #[arg(long, value_enum, default_value = "geodesic")]
    pub method: MethodArg,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Which features of a GeoJSON file to measure to.
    #[command(flatten)]
    pub narrow: NarrowArgs,
}

/// `strikemap distances --from REF --to FILE`.
#[derive(Debug, Args)]
pub struct DistancesArgs {
    #[arg(long, value_name = "REF", allow_hyphen_values = true, help = format!("The reference to measure from: {TARGET_FORMS}"))]
    /// The reference.
    pub from: String,
    /// The events: a CSV file with latitude/longitude columns, a GeoJSON
    /// FeatureCollection of Point features, a KML/KMZ file of Point
    /// Placemarks or a GeoParquet file of points (told by content).
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,
    /// Write a JSON array of objects (one per row).
    #[arg(long, conflicts_with_all = ["csv", "geojson"])]
    pub json: bool,
    /// Write CSV (the default).
    #[arg(long, conflicts_with = "geojson")]
    pub csv: bool,
    /// Write a GeoJSON FeatureCollection: a Point feature per row, its
    /// columns (or a GeoJSON input's properties, id and geometry) and the
    /// distance as properties, for QGIS, kepler.gl or geojson.io.
    #[arg(long)]
    pub geojson: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The Earth model.
    #[arg(long, value_enum, default_value = "geodesic")]
    pub method: MethodArg,
    /// The latitude column of a CSV file, if not lat or latitude.
    #[arg(long = "lat", value_name = "COLUMN")]
    pub lat_column: Option<String>,
    /// The longitude column of a CSV file, if not lon, lng, long or longitude.
    #[arg(long = "lon", value_name = "COLUMN")]
    pub lon_column: Option<String>,
    /// The delimiter of a CSV file, if not the one found from its header
    /// (the most frequent of , ; and tab there): one character, or \t (or
    /// tab) for a tab. Where it is not a comma, a comma in a latitude or
    /// longitude is a decimal comma (50,4501).
    #[arg(long, value_name = "CHAR", allow_hyphen_values = true)]
    pub delimiter: Option<String>,
    /// Skip rows (features) that cannot be read, listing them on stderr,
    /// instead of stopping at the first.
    #[arg(long)]
    pub skip_bad: bool,
    /// Put this before the names of the added columns (`--prefix front_`:
    /// front_distance_m, front_distance_km, front_distance_mi,
    /// front_inside), to measure a file that has them already.
    #[arg(long, value_name = "PREFIX", default_value = "")]
    pub prefix: String,
    /// Add the country (ISO alpha-2), region_code (ISO 3166-2) and region
    /// (name) each point lies in, by exact containment in the bundled
    /// countries and admin-1 regions (empty at sea).
    #[arg(long = "where")]
    pub r#where: bool,
    /// Which features of a GeoJSON file given as --from to measure to.
    #[command(flatten)]
    pub narrow: NarrowArgs,
    /// Add held (in the held area) and front_distance_km (to the line of
    /// contact), each on the row's own date, from this control map (a
    /// folder of daily files or one dated file).
    #[arg(long, value_name = "DIR_OR_FILE")]
    pub control: Option<PathBuf>,
    /// The column (or property) holding each row's date, with --control
    /// (default event_date, as ACLED's).
    #[arg(long, value_name = "COLUMN", requires = "control")]
    pub date_column: Option<String>,
    /// The reference country of the line of contact, with --control
    /// (country:UA, region:UA-14; default: where the held area lies).
    #[arg(long, value_name = "TERRITORY", requires = "control")]
    pub within: Option<String>,
    /// With --control: a row undated or dated before the first snapshot is
    /// an error, instead of empty values and a count on stderr.
    #[arg(long, requires = "control")]
    pub strict: bool,
    /// Write KML (Google Earth): a Placemark per row in one Folder, its
    /// columns (or a GeoJSON or KML input's properties) and the distance
    /// in its ExtendedData.
    #[arg(long, conflicts_with_all = ["json", "csv", "geojson"])]
    pub kml: bool,
    /// Write GeoParquet 1.1 to this file (a WKB point column with its `geo`
    /// metadata, CRS OGC:CRS84, a bbox covering column), every column typed
    /// from its values; needs the `parquet` feature.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["json", "csv", "geojson", "kml", "output"])]
    pub parquet: Option<PathBuf>,
}

/// `strikemap check CLAIM --from REF --to PLACE...`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The claim as quoted, e.g. "more than 4,300 miles" or "within 300 km".
    #[arg(value_name = "CLAIM", allow_hyphen_values = true)]
    pub claim: String,
    /// What the distances are measured to: country:CODE, NAME=LAT,LON,
    /// LAT,LON, or a GeoJSON file (FeatureCollection or Feature) holding one
    /// place, territory or front line, read one feature at a time.
    #[arg(
        long,
        value_name = "REF",
        allow_hyphen_values = true,
        required_unless_present = "control"
    )]
    pub from: Option<String>,
    /// A place the claim is about, NAME=LAT,LON or LAT,LON (repeat for several).
    #[arg(long, value_name = "PLACE", allow_hyphen_values = true)]
    pub to: Vec<String>,
    /// The reading the claim states, if not "every place".
    #[arg(long, value_enum)]
    pub reading: Option<ReadingArg>,
    /// The Earth model.
    #[arg(long, value_enum, default_value = "geodesic")]
    pub method: MethodArg,
    /// Print the verdict as JSON (keys verdict, subjects, readings,
    /// unit_mixup, uncertainty, explanation, ...).
    #[arg(long)]
    pub json: bool,
    /// Read the claim's figures with "," as the decimal point and "."
    /// grouping thousands ("4.300 km" is 4,300 km, "4,3 km" is 4.3 km).
    /// Without it, "," groups thousands and a figure such as "4.300 km",
    /// which reads both ways, is refused.
    #[arg(long)]
    pub decimal_comma: bool,
    /// Check a length claim against the line of contact derived from this
    /// control map (a folder of daily files or one dated file) on --date.
    #[arg(long, value_name = "DIR_OR_FILE", requires = "date", conflicts_with_all = ["from", "to"])]
    pub control: Option<std::path::PathBuf>,
    /// The date of the line of contact (with --control).
    #[arg(long, value_name = "DATE", requires = "control")]
    pub date: Option<String>,
    /// Also draw the claim map to FILE: .png, .svg or .html (the reference,
    /// its buffer at the claimed figure, the places coloured by verdict).
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// The claim map's width in pixels.
    #[arg(long, value_name = "PX", default_value_t = 1600, requires = "map")]
    pub width: u32,
}

/// Where and how GeoJSON is written.
#[derive(Debug, Args)]
pub struct GeoJsonArgs {
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Decimals in coordinates (6 is about 0.1 m).
    #[arg(long, value_name = "N", default_value_t = 6)]
    pub precision: u32,
    /// Write a bbox on the collection and on every feature.
    #[arg(long)]
    pub bbox: bool,
    /// Leave out the marker Points written after each range ring (its
    /// centre) and strike arc (launch point, point of impact).
    #[arg(long)]
    pub no_markers: bool,
}

/// `strikemap ring CENTER RADIUS...`.
#[derive(Debug, Args)]
pub struct RingArgs {
    /// The centre, NAME=LAT,LON or LAT,LON.
    #[arg(value_name = "CENTER", allow_hyphen_values = true)]
    pub centre: String,
    /// The radius as text, e.g. 4300mi, "4,300 miles", 500km (several make several rings).
    #[arg(value_name = "RADIUS", required = true, num_args = 1..)]
    pub radius: Vec<String>,
    /// Output options.
    #[command(flatten)]
    pub geojson: GeoJsonArgs,
}

/// `strikemap arc FROM TO`.
#[derive(Debug, Args)]
pub struct ArcArgs {
    /// The launch point, NAME=LAT,LON or LAT,LON.
    #[arg(value_name = "FROM", allow_hyphen_values = true)]
    pub from: String,
    /// The target, NAME=LAT,LON or LAT,LON.
    #[arg(value_name = "TO", allow_hyphen_values = true)]
    pub to: String,
    /// Output options.
    #[command(flatten)]
    pub geojson: GeoJsonArgs,
}

/// `strikemap where POINT`.
#[derive(Debug, Args)]
pub struct WhereArgs {
    /// The point: LAT,LON (latitude first), NAME=LAT,LON, or a place name.
    #[arg(value_name = "POINT", allow_hyphen_values = true)]
    pub point: String,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `strikemap find NAME`.
#[derive(Debug, Args)]
pub struct FindArgs {
    /// The name, optionally qualified: "Pokrovsk, UA", "Olenya air base".
    #[arg(value_name = "NAME", allow_hyphen_values = true)]
    pub name: String,
    /// Print a JSON array instead of text.
    #[arg(long)]
    pub json: bool,
    /// At most this many candidates.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
}

/// `strikemap export SCENARIO.geojson`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The scenario: a GeoJSON FeatureCollection (or Feature), or a KML or
    /// KMZ file (told by content). Written as KML or KMZ when -o ends in
    /// .kml or .kmz.
    #[arg(value_name = "SCENARIO")]
    pub scenario: PathBuf,
    /// The date of front lines that have none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Skip features that cannot be read, listing them on stderr, instead
    /// of stopping at the first.
    #[arg(long)]
    pub skip_bad: bool,
    /// Output options.
    #[command(flatten)]
    pub geojson: GeoJsonArgs,
}

/// `strikemap render FILE -o MAP`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The GeoJSON file to draw.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The map to write: .png, .svg or .html.
    #[arg(short, long, value_name = "MAP")]
    pub output: PathBuf,
    /// Width in pixels.
    #[arg(long, value_name = "PX", default_value_t = 1600)]
    pub width: u32,
    /// The title printed on the map (default: the file's name).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

/// `strikemap buffer TARGET DISTANCE`.
#[derive(Debug, Args)]
pub struct BufferArgs {
    #[arg(value_name = "TARGET", allow_hyphen_values = true, help = format!("What to buffer: {TARGET_FORMS}"))]
    /// What to buffer.
    pub target: String,
    /// The distance as text, e.g. 4300mi, "4,300 miles" or 4300 miles, 500km.
    #[arg(value_name = "DISTANCE", required = true, num_args = 1..)]
    pub distance: Vec<String>,
    /// Which features of a GeoJSON file given as TARGET.
    #[command(flatten)]
    pub narrow: NarrowArgs,
    /// Output options.
    #[command(flatten)]
    pub geojson: GeoJsonArgs,
}

/// `strikemap review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The article: a plain-text file, or - for standard input.
    #[arg(value_name = "ARTICLE")]
    pub article: PathBuf,
    /// A GeoJSON catalog whose names win over the gazetteer (e.g. the
    /// june_2025 example's june_2025.geojson).
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
    /// Map a phrase of the article to places: "PHRASE=NAME,NAME,..."
    /// (repeat for several phrases).
    #[arg(long, value_name = "PHRASE=NAMES")]
    pub subjects: Vec<String>,
    /// Check front-line claims against the line of contact of this control
    /// map (a folder of daily files or one dated file) on --date.
    #[arg(long, value_name = "DIR_OR_FILE", requires = "date")]
    pub control: Option<PathBuf>,
    /// The date to read the control map at (with --control).
    #[arg(long, value_name = "DATE", requires = "control")]
    pub date: Option<String>,
    /// Read figures with "," as the decimal point ("4.300 km" is 4,300 km).
    #[arg(long)]
    pub decimal_comma: bool,
    /// The Earth model.
    #[arg(long, value_enum, default_value = "geodesic")]
    pub method: MethodArg,
    /// Print the review as JSON.
    #[arg(long, conflicts_with_all = ["markdown", "html"])]
    pub json: bool,
    /// Print the review as a Markdown fact-check.
    #[arg(long, conflicts_with = "html")]
    pub markdown: bool,
    /// Write the article as a self-contained HTML page with each finding
    /// highlighted.
    #[arg(long)]
    pub html: bool,
    /// The title of the Markdown or HTML report (default: the file name).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
