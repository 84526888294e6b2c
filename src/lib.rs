#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bearing;
mod claim;
mod distance;
mod error;
mod io;
mod measure;
mod model;
mod places;
mod position;
mod shape;

pub use places::countries;

pub use bearing::Bearing;
pub use claim::{
    ABOUT_FRACTION, APPROXIMATE_LENGTH_FRACTION, APPROXIMATE_LINE_ALLOWANCE, Band, Bound,
    CheckOptions, Claim, DEFAULT_SCALE, DistanceClaim, DistanceVerdict, HAVERSINE_FRACTION,
    LengthClaim, MAP_ERROR_MM, METRES_PER_DEGREE, MIXUP_UNITS, NEARLY_FRACTION, Quantifier,
    ROUNDING_CAP_FRACTION, RateClaim, RateVerdict, Reading, ReadingVerdict, ReferenceInfo,
    ReferenceKind, SURVEYED_LENGTH_FRACTION, SURVEYED_LINE_ALLOWANCE, StatedRate, Subject,
    SubjectResult, Uncertainty, UncertaintyKind, UncertaintyPart, UnitMatch, UnitMixup,
    UnitReading, Verdict, coordinate_precision, map_scale_error,
};
pub use distance::{
    DisplayIn, Distance, METRES_PER_KM, METRES_PER_MILE, METRES_PER_NAUTICAL_MILE, StatedDistance,
    Unit,
};
pub use error::{Error, Result};
pub use io::geojson::{
    ExportOptions, FeatureCollectionReader, FeatureCollectionWriter, FeatureKind, FileSummary,
    ImportOptions, Imported, Manifest, MapExport, MapFeature, MapItem, MarkerSize,
    RECORD_SEPARATOR, SequenceReader, SequenceWriter, Skipped, Style, Styles, area_to_geometry,
    check_winding, geometry_bbox, line_to_geometry,
};
pub use io::points::{
    ColumnNames, CsvPoints, CsvRow, LatLonColumns, PointFeature, PointFeatures, PointFileKind,
};
pub use io::target_spec::{ClaimReference, Composite, Separation, TargetSpec, parse_endpoint};
pub use measure::{
    AreaMeasure, Geodesic, Haversine, Hit, LengthMeasure, MEAN_RADIUS, Method, Nearest, NearestOn,
    PointIndex, PointMeasure, PreparedArea, PreparedLine, Target, WGS84_A, WGS84_B, WGS84_F,
    nearest_many,
};
pub use model::{
    AirBase, Catalog, City, ClaimedCount, CountKind, CountryCode, Endpoint, FrontLine, Place,
    PlaceKind, RangeRing, Ranked, Site, Source, Strike, StrikeArc, TargetRef, Territory, Weapon,
};
pub use position::LatLon;
pub use shape::{Area, Line, Polygon};
