//! KMZ: a ZIP archive holding a KML document (`doc.kml` by Google Earth's
//! habit, else the first `.kml` member), and [`for_each_placemark`], which
//! reads either, told by content.

use std::io::{BufReader, Cursor, Read};

use super::{KmlReader, Placemark};
use crate::error::{Error, Result};
use crate::io::points::{FileKind, Sniffed};

/// The kinds [`for_each_placemark`] reads.
pub(crate) const KML_KINDS: [FileKind; 3] = [FileKind::Kml, FileKind::Kmz, FileKind::Zip];

/// Reads the Placemarks of a KML or KMZ input, told by its first bytes
/// ([`FileKind::Kml`], or [`FileKind::Kmz`]: any ZIP archive
/// ([`FileKind::Zip`]) is looked into for a `.kml` member), handing each to `each` as
/// [`KmlReader::for_each`] does; `source` names the input in errors. A KML
/// document is streamed; a KMZ archive is read into memory, and its KML
/// member streamed from there. Returns the document's name, if any.
///
/// # Errors
/// [`Error::UnsupportedFormat`] for input of another kind; [`Error::Format`]
/// for a ZIP archive that cannot be read or holds no `.kml` member (naming
/// the members it has); as [`KmlReader::for_each`] otherwise.
///
/// ```
/// use strikemap::io::{kml, points::Sniffed};
/// let mut kmz = Vec::new();
/// kml::zip_kml(b"<kml><Placemark><Point><coordinates>30,50</coordinates></Point></Placemark></kml>", &mut kmz)?;
/// let mut n = 0;
/// kml::for_each_placemark(Sniffed::new(&kmz[..], "map.kmz")?, "map.kmz", |p| { p?; n += 1; Ok(()) })?;
/// assert_eq!(n, 1);
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn for_each_placemark<R: Read>(
    input: Sniffed<R>,
    source: &str,
    each: impl FnMut(Result<Placemark>) -> Result<()>,
) -> Result<Option<String>> {
    match input.kind().require(&KML_KINDS) {
        Ok(FileKind::Kmz | FileKind::Zip) => {}
        Ok(_) => return KmlReader::new(BufReader::new(input), source).for_each(each),
        Err(e) => return Err(e.at(source.to_string())),
    }
    let mut bytes = Vec::new();
    let mut input = input;
    input
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(source, e))?;
    let bad_zip = |e: zip::result::ZipError| {
        Error::format(
            source.to_string(),
            "a KMZ (a ZIP archive of a KML document, stored or deflated)",
            e.to_string(),
        )
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(bad_zip)?;
    let names: Vec<String> = archive
        .file_names()
        .flatten()
        .map(|n| n.into_owned())
        .collect();
    let member = names
        .iter()
        .position(|n| n.eq_ignore_ascii_case("doc.kml"))
        .or_else(|| {
            names
                .iter()
                .position(|n| n.to_ascii_lowercase().ends_with(".kml"))
        });
    let Some(member) = member else {
        let mut listed: Vec<&str> = names.iter().map(String::as_str).take(5).collect();
        if names.len() > 5 {
            listed.push("...");
        }
        return Err(Error::format(
            source.to_string(),
            "a KMZ holding a .kml document (doc.kml)",
            format!("no .kml member (members: {})", listed.join(", ")),
        ));
    };
    let name = names[member].clone();
    let file = archive.by_name(&name).map_err(bad_zip)?;
    KmlReader::new(BufReader::new(file), format!("{source}!{name}")).for_each(each)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_kmz_without_kml_names_its_members() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("files/icon.png", options).unwrap();
        zip.write_all(b"not a picture").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        let input = Sniffed::new(&bytes[..], "x.kmz").unwrap();
        assert_eq!(input.kind(), FileKind::Zip);
        // Told as a plain ZIP by its first member; looked into all the same.
        let e = for_each_placemark(input, "x.kmz", |_| Ok(())).unwrap_err();
        assert_eq!(
            e.report().to_string(),
            "x.kmz: expected a KMZ holding a .kml document (doc.kml), found no .kml member (members: files/icon.png)"
        );
        let mut kmz = b"PK\x03\x04".to_vec();
        kmz.extend([0; 22]);
        kmz.extend([7, 0, 0, 0]);
        kmz.extend(b"doc.kml");
        let e = for_each_placemark(
            Sniffed::new(&kmz[..], "y.kmz").unwrap(),
            "y.kmz",
            |_| Ok(()),
        )
        .unwrap_err();
        assert!(
            e.report().to_string().starts_with("y.kmz: expected a KMZ"),
            "{}",
            e.report()
        );
    }
}
