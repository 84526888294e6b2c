//! KML and KMZ read into strikemap's models: [`Imported::from_kml`], and
//! the KML branch of [`Imported::for_each_in_file`].
//!
//! Each Placemark is read as the GeoJSON feature it stands for (see
//! [`Placemark`](super::Placemark)), by the GeoJSON import: a Placemark
//! strikemap wrote (its `ExtendedData` has `kind`) is read back as the
//! model it was; any other is third-party data, read by its geometry (a
//! Point is a site, a line a front line, a polygon a territory) with its
//! name, date and every field kept.

use std::io::Read;

use super::for_each_placemark;
use crate::error::Result;
use crate::io::geojson::{ImportOptions, Imported, MapFeature, Skipped, read_feature};
use crate::io::points::Sniffed;

/// Reads the Placemarks of a KML or KMZ input into features, handing each
/// to `each` (see [`Imported::for_each_in_file`]); bad ones are errors, or
/// skipped if `options` is lenient. The document's name becomes the
/// `name` member.
pub(crate) fn import_each<R: Read>(
    input: Sniffed<R>,
    source: &str,
    options: &ImportOptions,
    mut each: impl FnMut(MapFeature) -> Result<()>,
) -> Result<Imported> {
    let mut skipped = Vec::new();
    let mut index = 0usize;
    let name = for_each_placemark(input, source, |placemark| {
        let at = index;
        index += 1;
        let read = placemark.and_then(|p| {
            let location = p.location();
            read_feature(&p.feature, p.index, options).map_err(|e| e.at(location))
        });
        match read {
            Ok(Some(f)) => each(f).map_err(|e| e.at(source.to_string())),
            // A marker the export derived from a ring or arc.
            Ok(None) => Ok(()),
            Err(error) if options.lenient() => {
                skipped.push(Skipped { index: at, error });
                Ok(())
            }
            Err(e) => Err(e.at(source.to_string())),
        }
    })?;
    let mut out = Imported {
        skipped,
        ..Imported::default()
    };
    if let Some(name) = name {
        out.members.insert("name".into(), name.into());
    }
    Ok(out)
}

impl Imported {
    /// Reads a KML document or KMZ archive (told by its first bytes) into
    /// strikemap's models; `source` names it in errors.
    ///
    /// # Errors
    /// [`Error::UnsupportedFormat`](crate::Error::UnsupportedFormat) if the
    /// input is neither; [`Error::Format`](crate::Error::Format) for XML
    /// that is not well formed (naming the line) and, unless lenient, for
    /// the first Placemark that cannot be read, naming it (`Placemark 3
    /// "Kyiv" (line 42)`) and the element or property.
    ///
    /// ```
    /// use strikemap::io::geojson::{ImportOptions, Imported};
    /// let kml = r#"<kml><Document><Placemark><name>Front</name><TimeStamp><when>2025-06-01</when></TimeStamp>
    ///   <LineString><coordinates>37,47 38,48</coordinates></LineString></Placemark></Document></kml>"#;
    /// let map = Imported::from_kml(kml.as_bytes(), "front.kml", &ImportOptions::default())?;
    /// let line = map.to_catalog()?.front_line("Front")?.as_of.to_string();
    /// assert_eq!(line, "2025-06-01");
    /// let bad = "<kml><Placemark><name>Empty</name></Placemark></kml>";
    /// let e = Imported::from_kml(bad.as_bytes(), "bad.kml", &ImportOptions::default()).unwrap_err();
    /// assert!(e.report().to_string().starts_with("bad.kml: Placemark 0 \"Empty\" (line 1): Placemark: expected a geometry"));
    /// let lenient = Imported::from_kml(bad.as_bytes(), "bad.kml", &ImportOptions::default().with_lenient(true))?;
    /// assert_eq!(lenient.skipped.len(), 1);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn from_kml(reader: impl Read, source: &str, options: &ImportOptions) -> Result<Imported> {
        let input = Sniffed::new(reader, source)?;
        let mut features = Vec::new();
        let mut out = import_each(input, source, options, |f| {
            features.push(f);
            Ok(())
        })?;
        out.features = features;
        Ok(out)
    }
}
