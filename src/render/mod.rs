//! Maps to look at: static PNG and SVG for articles, and one
//! self-contained HTML page for analysts, drawn from a GeoJSON file
//! ([`Map::from_geojson`]) or from a checked claim ([`ClaimMap`]).
//!
//! ```text
//! GeoJSON features | DistanceVerdict + reference + buffers (claim_map.rs)
//!   -> sketch.rs: features in latitude/longitude, paint from simplestyle (style.rs)
//!   -> layout.rs: projection (projection.rs) and extent, basemap (bundled
//!      countries; regions when zoomed in), graticule, co-located points
//!      spread in screen space, labels placed greedily without overlaps,
//!      legend, scale bar, title, attribution
//!   -> svg.rs (SVG) -> png.rs (resvg, bundled DejaVu Sans) | html.rs (Leaflet, L.CRS.Simple)
//! ```
//!
//! The projection is chosen for the question (see [`Projection`]): claim
//! maps are azimuthal equidistant centred on the reference; other maps are
//! azimuthal equidistant when they span more than ~1,800 km from their
//! centre and Lambert conformal conic when regional. Web Mercator is never
//! used. The projection's name is printed on every map.
//!
//! ```
//! use strikemap::render::{Map, MapOptions};
//! let file: geojson::GeoJson = r##"{"type":"FeatureCollection","features":[
//!   {"type":"Feature","geometry":{"type":"Point","coordinates":[30.52,50.45]},
//!    "properties":{"name":"Kyiv","marker-color":"#d62728"}}]}"##.parse().map_err(|_| "bad")?;
//! let map = Map::from_geojson(&file, &MapOptions::default().with_width(800))?;
//! assert!(map.to_svg().contains(">Kyiv</text>"));
//! assert!(map.to_png()?.starts_with(b"\x89PNG"));
//! assert!(map.to_html().contains("L.CRS.Simple"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod claim_map;
mod geojson;
mod html;
mod layout;
mod png;
mod projection;
mod sketch;
mod style;
mod svg;

use std::path::Path;

pub use claim_map::{Buffer, BufferKind, ClaimMap, ReferenceShape};
pub use projection::Projection;

use crate::{Error, LatLon, Result};

/// How a map is drawn: its width in pixels (the height follows from the
/// extent), a title, and a projection other than the one chosen for it.
///
/// ```
/// let o = strikemap::render::MapOptions::default().with_width(1200).with_title("Strikes, 1 June 2025");
/// assert_eq!(o.width, 1200);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// Width in pixels (200 to 10,000; 1,600 by default).
    pub width: u32,
    /// The title; a claim map's is the claim's text.
    pub title: Option<String>,
    /// The projection; `None` chooses one (see the module documentation).
    pub projection: Option<Projection>,
}

impl Default for MapOptions {
    fn default() -> MapOptions {
        MapOptions {
            width: 1600,
            title: None,
            projection: None,
        }
    }
}

impl MapOptions {
    /// Sets the width in pixels.
    ///
    /// ```
    /// assert_eq!(strikemap::render::MapOptions::default().with_width(900).width, 900);
    /// ```
    pub fn with_width(mut self, width: u32) -> MapOptions {
        self.width = width;
        self
    }

    /// Sets the title.
    ///
    /// ```
    /// let o = strikemap::render::MapOptions::default().with_title("Air bases");
    /// assert_eq!(o.title.as_deref(), Some("Air bases"));
    /// ```
    pub fn with_title(mut self, title: impl Into<String>) -> MapOptions {
        self.title = Some(title.into());
        self
    }

    /// Sets the projection.
    ///
    /// ```
    /// use strikemap::render::{MapOptions, Projection};
    /// let o = MapOptions::default().with_projection(Projection::conic_for(44.0, 53.0, 32.0));
    /// assert!(o.projection.is_some());
    /// ```
    pub fn with_projection(mut self, projection: Projection) -> MapOptions {
        self.projection = Some(projection);
        self
    }
}

/// The file formats a map is written in, told by the file's extension.
///
/// ```
/// use strikemap::render::Format;
/// assert_eq!(Format::from_path("claim.PNG")?, Format::Png);
/// assert!(Format::from_path("claim.jpg").is_err());
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// PNG, drawn by resvg.
    Png,
    /// SVG.
    Svg,
    /// One self-contained HTML page (Leaflet inlined).
    Html,
}

impl Format {
    /// The format of a path: `.png`, `.svg`, `.html` or `.htm`.
    ///
    /// # Errors
    /// [`Error::Format`] for any other extension, at the path.
    ///
    /// ```
    /// assert_eq!(strikemap::render::Format::from_path("out/map.html")?, strikemap::render::Format::Html);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Format> {
        let path = path.as_ref();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "png" => Ok(Format::Png),
            "svg" => Ok(Format::Svg),
            "html" | "htm" => Ok(Format::Html),
            _ => Err(Error::format(
                path.display().to_string(),
                "a file name ending in .png, .svg or .html",
                if ext.is_empty() {
                    "no extension".to_string()
                } else {
                    format!(".{ext}")
                },
            )),
        }
    }
}

/// A map laid out and ready to write: projection, extent, basemap,
/// features, labels, legend, scale bar, title and attribution.
///
/// See the [module documentation](self) for an example.
#[derive(Debug, Clone)]
pub struct Map {
    layout: layout::Layout,
}

impl Map {
    fn from_sketch(sketch: &sketch::Sketch, options: &MapOptions) -> Result<Map> {
        let mut sketch = sketch.clone();
        if let Some(title) = &options.title {
            sketch.title = title.clone();
        }
        Ok(Map {
            layout: layout::Layout::new(&sketch, options.width, options.projection)?,
        })
    }

    /// The projection the map is drawn in.
    ///
    /// ```
    /// # use strikemap::render::{Map, MapOptions, Projection};
    /// # let file: geojson::GeoJson = r#"{"type":"FeatureCollection","features":[]}"#.parse().map_err(|_| "bad")?;
    /// let map = Map::from_geojson(&file, &MapOptions::default())?;
    /// assert!(matches!(map.projection(), Projection::LambertConformalConic { .. } | Projection::AzimuthalEquidistant { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn projection(&self) -> &Projection {
        &self.layout.projection
    }

    /// The canvas size in pixels, `(width, height)`.
    ///
    /// ```
    /// # use strikemap::render::{Map, MapOptions};
    /// # let file: geojson::GeoJson = r#"{"type":"FeatureCollection","features":[]}"#.parse().map_err(|_| "bad")?;
    /// let map = Map::from_geojson(&file, &MapOptions::default().with_width(1000))?;
    /// assert_eq!(map.size().0, 1000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn size(&self) -> (u32, u32) {
        (self.layout.width as u32, self.layout.height as u32)
    }

    /// The number of data features drawn (the basemap not counted).
    ///
    /// ```
    /// # use strikemap::render::{Map, MapOptions};
    /// # let file: geojson::GeoJson = r#"{"type":"FeatureCollection","features":[]}"#.parse().map_err(|_| "bad")?;
    /// assert_eq!(Map::from_geojson(&file, &MapOptions::default())?.feature_count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn feature_count(&self) -> usize {
        self.layout.features.len()
    }

    /// Where a position is drawn on the canvas, in pixels from the top
    /// left `(x, y)`; `None` if the projection does not draw it.
    ///
    /// ```
    /// # use strikemap::{LatLon, render::{Map, MapOptions}};
    /// # let file: geojson::GeoJson = r#"{"type":"FeatureCollection","features":[
    /// #  {"type":"Feature","geometry":{"type":"Point","coordinates":[30.52,50.45]},"properties":{}}]}"#.parse().map_err(|_| "bad")?;
    /// let map = Map::from_geojson(&file, &MapOptions::default())?;
    /// let (x, _y) = map.pixel_of(LatLon::new(50.45, 30.52)?).unwrap();
    /// assert!((x - 800.0).abs() < 1.0); // a single point is in the middle
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pixel_of(&self, position: LatLon) -> Option<(f64, f64)> {
        self.layout.pixel_of(position)
    }

    /// The map as an SVG document.
    ///
    /// ```
    /// # use strikemap::render::{Map, MapOptions};
    /// # let file: geojson::GeoJson = r#"{"type":"FeatureCollection","features":[]}"#.parse().map_err(|_| "bad")?;
    /// assert!(Map::from_geojson(&file, &MapOptions::default())?.to_svg().starts_with("<svg"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_svg(&self) -> String {
        svg::write(&self.layout)
    }

    /// The map as PNG bytes, drawn by resvg with the bundled font.
    ///
    /// # Errors
    /// [`Error::Format`] if the drawing fails (it should not).
    ///
    /// ```
    /// # use strikemap::render::{Map, MapOptions};
    /// # let file: geojson::GeoJson = r#"{"type":"FeatureCollection","features":[]}"#.parse().map_err(|_| "bad")?;
    /// let png = Map::from_geojson(&file, &MapOptions::default().with_width(400))?.to_png()?;
    /// assert_eq!(&png[1..4], b"PNG");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_png(&self) -> Result<Vec<u8>> {
        png::write(&self.to_svg())
    }

    /// The map as one self-contained HTML page: Leaflet and the data
    /// inlined, drawn in `L.CRS.Simple` on the same projected plane (see
    /// the [rendering guide](crate::guide::rendering)).
    ///
    /// ```
    /// # use strikemap::render::{Map, MapOptions};
    /// # let file: geojson::GeoJson = r#"{"type":"FeatureCollection","features":[]}"#.parse().map_err(|_| "bad")?;
    /// let page = Map::from_geojson(&file, &MapOptions::default())?.to_html();
    /// assert!(page.contains("data-features") && !page.contains("https://unpkg"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_html(&self) -> String {
        html::write(&self.layout)
    }

    /// Writes the map to a file in the format its extension names.
    ///
    /// # Errors
    /// As [`Format::from_path`] and [`Map::to_png`]; [`Error::Io`] if the
    /// file cannot be written.
    ///
    /// ```
    /// # use strikemap::render::{Map, MapOptions};
    /// # let file: geojson::GeoJson = r#"{"type":"FeatureCollection","features":[]}"#.parse().map_err(|_| "bad")?;
    /// let dir = tempfile::tempdir()?;
    /// Map::from_geojson(&file, &MapOptions::default())?.write_file(dir.path().join("map.svg"))?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_file(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let bytes = match Format::from_path(path)? {
            Format::Png => self.to_png()?,
            Format::Svg => self.to_svg().into_bytes(),
            Format::Html => self.to_html().into_bytes(),
        };
        std::fs::write(path, bytes).map_err(|e| Error::io(path.display().to_string(), e))
    }
}

/// "4,300" for a whole number; one decimal below 10.
pub(crate) fn thousands(v: f64) -> String {
    if v.abs() < 10.0 && v.fract() != 0.0 {
        return format!("{v:.1}");
    }
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 { format!("-{out}") } else { out }
}
