#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bearing;
mod claim;
pub mod countries;
mod distance;
mod error;
mod geojson;
mod index;
mod measure;
mod model;
mod point_reader;
mod position;
mod shape;
mod target_spec;

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
pub use geojson::{
    ExportOptions, FeatureCollectionReader, FeatureCollectionWriter, FeatureKind, FileSummary,
    ImportOptions, Imported, Manifest, MapExport, MapFeature, MapItem, MarkerSize,
    RECORD_SEPARATOR, RangeRing, SequenceReader, SequenceWriter, Skipped, StrikeArc, Style, Styles,
    area_from_geometry, area_to_geometry, check_winding, geometry_bbox, line_from_geometry,
    line_to_geometry, point_from_geometry,
};
pub use index::{Hit, PointIndex};
pub use measure::{
    AreaMeasure, Geodesic, Haversine, LengthMeasure, MEAN_RADIUS, Method, Nearest, NearestOn,
    PointMeasure, PreparedArea, PreparedLine, Target, WGS84_A, WGS84_B, WGS84_F, nearest_many,
};
pub use model::{
    AirBase, Catalog, City, ClaimedCount, CountKind, CountryCode, Endpoint, FrontLine, Place,
    PlaceKind, Ranked, Site, Source, Strike, TargetRef, Territory, Weapon,
};
pub use point_reader::{
    ColumnNames, CsvPoints, CsvRow, LatLonColumns, PointFeature, PointFeatures, PointFileKind,
};
pub use position::LatLon;
pub use shape::{Area, Line, Polygon};
pub use target_spec::{ClaimReference, Composite, Separation, TargetSpec, parse_endpoint};
