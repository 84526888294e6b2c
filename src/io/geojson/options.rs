//! [`ExportOptions`] and [`ImportOptions`].

use jiff::civil::Date;

use super::{FeatureKind, Style, Styles};
use crate::distance::Distance;
use crate::error::{Error, Result};
use crate::model::CountryCode;
use crate::position::LatLon;

/// How GeoJSON is written: coordinate precision, densification of
/// geodesic edges, bounding boxes, styles, strike arcs.
///
/// Defaults: 6 decimals (about 0.1 m), edges longer than 50 km densified,
/// no `bbox`, the default [`Styles`], an arc for every strike whose launch
/// point is known, marker Points for range rings and strike arcs.
///
/// ```
/// use strikemap::{Distance, io::geojson::{ExportOptions, FeatureKind, Style}};
/// let o = ExportOptions::default()
///     .with_precision(5)?
///     .with_spacing(Distance::from_km(25.0))?
///     .with_bbox(true)
///     .with_style(FeatureKind::FrontLine, Style::new().with_stroke("#000000")?);
/// assert_eq!((o.precision(), o.bbox()), (5, true));
/// assert_eq!(o.spacing().as_km(), 25.0);
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOptions {
    precision: u32,
    scale: f64,
    spacing: Distance,
    bbox: bool,
    styles: Styles,
    strike_arcs: bool,
    markers: bool,
}

impl Default for ExportOptions {
    fn default() -> ExportOptions {
        ExportOptions {
            precision: 6,
            scale: 1e6,
            spacing: Distance::from_km(50.0),
            bbox: false,
            styles: Styles::default(),
            strike_arcs: true,
            markers: true,
        }
    }
}

impl ExportOptions {
    /// Sets the number of decimals written in coordinates (0 to 15; 6 is
    /// about 0.1 m, 7 about 1 cm). Positions are rounded before anything is
    /// computed from them, so the distances written agree with the file.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] above 15 decimals (beyond double precision).
    ///
    /// ```
    /// assert!(strikemap::io::geojson::ExportOptions::default().with_precision(16).is_err());
    /// ```
    pub fn with_precision(mut self, decimals: u32) -> Result<ExportOptions> {
        if decimals > 15 {
            return Err(Error::InvalidNumber {
                field: "precision",
                value: f64::from(decimals),
                expected: "0 to 15 decimal places",
            });
        }
        self.precision = decimals;
        self.scale = 10f64.powi(decimals as i32);
        Ok(self)
    }

    /// Sets the longest geodesic edge written undivided: longer edges of
    /// lines, areas, arcs and range rings get intermediate vertices on the
    /// geodesic so that maps drawing straight lines in longitude/latitude
    /// show the geodesic. Edges along a meridian are exact as drawn and are
    /// left alone.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] unless the spacing is finite and at least 100 m.
    ///
    /// ```
    /// use strikemap::{Distance, io::geojson::ExportOptions};
    /// assert!(ExportOptions::default().with_spacing(Distance::from_metres(10.0)).is_err());
    /// ```
    pub fn with_spacing(mut self, spacing: Distance) -> Result<ExportOptions> {
        let m = spacing.as_metres();
        if !(m.is_finite() && m >= 100.0) {
            return Err(Error::InvalidNumber {
                field: "spacing",
                value: m,
                expected: "a finite distance of at least 100 m",
            });
        }
        self.spacing = spacing;
        Ok(self)
    }

    /// Writes a `bbox` on every feature and on the collection (RFC 7946 §5).
    ///
    /// ```
    /// assert!(strikemap::io::geojson::ExportOptions::default().with_bbox(true).bbox());
    /// ```
    #[must_use]
    pub fn with_bbox(mut self, bbox: bool) -> ExportOptions {
        self.bbox = bbox;
        self
    }

    /// Merges `style` into the style of every feature of `kind`.
    ///
    /// ```
    /// use strikemap::{io::geojson::{ExportOptions, FeatureKind, Style}};
    /// let o = ExportOptions::default().with_style(FeatureKind::City, Style::new().with_marker_symbol("star"));
    /// assert_eq!(o.styles().get(FeatureKind::City).get("marker-symbol"), Some(&serde_json::json!("star")));
    /// ```
    #[must_use]
    pub fn with_style(mut self, kind: FeatureKind, style: Style) -> ExportOptions {
        self.styles = self.styles.with(kind, style);
        self
    }

    /// Replaces every kind's style (e.g. [`Styles::none`] for plain output).
    ///
    /// ```
    /// use strikemap::{io::geojson::{ExportOptions, FeatureKind, Styles}};
    /// let o = ExportOptions::default().with_styles(Styles::none());
    /// assert!(o.styles().get(FeatureKind::City).is_empty());
    /// ```
    #[must_use]
    pub fn with_styles(mut self, styles: Styles) -> ExportOptions {
        self.styles = styles;
        self
    }

    /// Whether exporting a [`Catalog`](crate::Catalog) adds a
    /// [`StrikeArc`](crate::model::StrikeArc) for each strike with a launch point.
    ///
    /// ```
    /// assert!(!strikemap::io::geojson::ExportOptions::default().with_strike_arcs(false).strike_arcs());
    /// ```
    #[must_use]
    pub fn with_strike_arcs(mut self, arcs: bool) -> ExportOptions {
        self.strike_arcs = arcs;
        self
    }

    /// Whether collections ([`MapExport`](crate::MapExport) and the stream
    /// writers) write marker Points after each range ring (one at its
    /// centre, even for a ring cut at ±180°) and each strike arc (one at
    /// its launch point, one at its point of impact), of kind
    /// [`FeatureKind::Marker`], coloured as the ring or arc. Default: yes.
    /// The import skips markers (they are derived), so a file read and
    /// written again is the same either way.
    ///
    /// ```
    /// use strikemap::{Distance, LatLon, MapExport, io::geojson::ExportOptions, model::RangeRing};
    /// let ring = RangeRing::new("Engels 1,500 km", LatLon::new(51.48, 46.2)?, Distance::from_km(1_500.0))?;
    /// let mut with = MapExport::new(ExportOptions::default());
    /// with.add(ring.clone())?;
    /// let mut without = MapExport::new(ExportOptions::default().with_markers(false));
    /// without.add(ring)?;
    /// assert_eq!((with.len(), without.len()), (2, 1));
    /// assert_eq!(with.features()[1].property("role"), Some(&serde_json::json!("centre")));
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_markers(mut self, markers: bool) -> ExportOptions {
        self.markers = markers;
        self
    }

    /// Whether range rings and strike arcs get marker Points.
    ///
    /// ```
    /// assert!(strikemap::io::geojson::ExportOptions::default().markers());
    /// ```
    pub const fn markers(&self) -> bool {
        self.markers
    }

    /// Decimals written in coordinates.
    ///
    /// ```
    /// assert_eq!(strikemap::io::geojson::ExportOptions::default().precision(), 6);
    /// ```
    pub const fn precision(&self) -> u32 {
        self.precision
    }

    /// The longest geodesic edge written undivided.
    ///
    /// ```
    /// assert_eq!(strikemap::io::geojson::ExportOptions::default().spacing().as_km(), 50.0);
    /// ```
    pub const fn spacing(&self) -> Distance {
        self.spacing
    }

    /// Whether `bbox` members are written.
    ///
    /// ```
    /// assert!(!strikemap::io::geojson::ExportOptions::default().bbox());
    /// ```
    pub const fn bbox(&self) -> bool {
        self.bbox
    }

    /// The style of every kind.
    ///
    /// ```
    /// use strikemap::{io::geojson::{ExportOptions, FeatureKind}};
    /// assert!(!ExportOptions::default().styles().get(FeatureKind::Strike).is_empty());
    /// ```
    pub const fn styles(&self) -> &Styles {
        &self.styles
    }

    /// Whether catalogs are exported with strike arcs.
    ///
    /// ```
    /// assert!(strikemap::io::geojson::ExportOptions::default().strike_arcs());
    /// ```
    pub const fn strike_arcs(&self) -> bool {
        self.strike_arcs
    }

    /// Rounds a coordinate to the precision.
    pub(crate) fn round(&self, degrees: f64) -> f64 {
        (degrees * self.scale).round() / self.scale
    }

    /// Rounds a position to the precision.
    pub(crate) fn quantize(&self, p: LatLon) -> Result<LatLon> {
        LatLon::new(self.round(p.lat()), self.round(p.lon()))
    }
}

/// How GeoJSON is read into strikemap's models.
///
/// By default a file with one bad feature fails with that feature named;
/// [`ImportOptions::with_lenient`] skips bad features instead and lists
/// each in [`Imported::skipped`](crate::io::geojson::Imported::skipped). Third-party
/// files may lack what the models need: a front line's date
/// ([`ImportOptions::with_as_of`]) or a site's country (looked up in the
/// bundled boundaries, or [`ImportOptions::with_default_country`]).
///
/// ```
/// use strikemap::{CountryCode, io::geojson::ImportOptions};
/// let o = ImportOptions::default()
///     .with_lenient(true)
///     .with_as_of(strikemap::Date::constant(2025, 6, 2))
///     .with_default_country(CountryCode::new("UA")?);
/// assert!(o.lenient());
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOptions {
    lenient: bool,
    as_of: Option<Date>,
    default_country: Option<CountryCode>,
    country_lookup: bool,
    drop_altitude: bool,
}

impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions {
            lenient: false,
            as_of: None,
            default_country: None,
            country_lookup: true,
            drop_altitude: false,
        }
    }
}

impl ImportOptions {
    /// Skips features that cannot be read (reporting each) instead of failing.
    ///
    /// ```
    /// assert!(strikemap::io::geojson::ImportOptions::default().with_lenient(true).lenient());
    /// ```
    #[must_use]
    pub fn with_lenient(mut self, lenient: bool) -> ImportOptions {
        self.lenient = lenient;
        self
    }

    /// The date of lines that have none (a front line drawn in geojson.io
    /// or QGIS often has no date property).
    ///
    /// ```
    /// let o = strikemap::io::geojson::ImportOptions::default().with_as_of(strikemap::Date::constant(2025, 6, 2));
    /// assert_eq!(o.as_of().unwrap().to_string(), "2025-06-02");
    /// ```
    #[must_use]
    pub fn with_as_of(mut self, date: Date) -> ImportOptions {
        self.as_of = Some(date);
        self
    }

    /// The country of points that name none and lie in no bundled country.
    ///
    /// ```
    /// let o = strikemap::io::geojson::ImportOptions::default().with_default_country(strikemap::CountryCode::new("ua")?);
    /// assert_eq!(o.default_country().unwrap().as_str(), "UA");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    #[must_use]
    pub fn with_default_country(mut self, country: CountryCode) -> ImportOptions {
        self.default_country = Some(country);
        self
    }

    /// Whether points without a country property get the bundled country
    /// (Natural Earth 1:50m) they lie in (default: yes).
    ///
    /// ```
    /// assert!(!strikemap::io::geojson::ImportOptions::default().with_country_lookup(false).country_lookup());
    /// ```
    #[must_use]
    pub fn with_country_lookup(mut self, lookup: bool) -> ImportOptions {
        self.country_lookup = lookup;
        self
    }

    /// Reads positions with an altitude (`[lon, lat, alt]`, as QGIS writes
    /// 3D layers) by dropping the altitude; without this they are errors,
    /// since strikemap's models have no altitude.
    ///
    /// ```
    /// assert!(strikemap::io::geojson::ImportOptions::default().with_drop_altitude(true).drop_altitude());
    /// ```
    #[must_use]
    pub fn with_drop_altitude(mut self, drop: bool) -> ImportOptions {
        self.drop_altitude = drop;
        self
    }

    /// Whether bad features are skipped.
    ///
    /// ```
    /// assert!(!strikemap::io::geojson::ImportOptions::default().lenient());
    /// ```
    pub const fn lenient(&self) -> bool {
        self.lenient
    }

    /// The date of undated lines, if set.
    ///
    /// ```
    /// assert!(strikemap::io::geojson::ImportOptions::default().as_of().is_none());
    /// ```
    pub const fn as_of(&self) -> Option<Date> {
        self.as_of
    }

    /// The country of points without one, if set.
    ///
    /// ```
    /// assert!(strikemap::io::geojson::ImportOptions::default().default_country().is_none());
    /// ```
    pub const fn default_country(&self) -> Option<CountryCode> {
        self.default_country
    }

    /// Whether countries are looked up in the bundled boundaries.
    ///
    /// ```
    /// assert!(strikemap::io::geojson::ImportOptions::default().country_lookup());
    /// ```
    pub const fn country_lookup(&self) -> bool {
        self.country_lookup
    }

    /// Whether altitudes are dropped.
    ///
    /// ```
    /// assert!(!strikemap::io::geojson::ImportOptions::default().drop_altitude());
    /// ```
    pub const fn drop_altitude(&self) -> bool {
        self.drop_altitude
    }
}
