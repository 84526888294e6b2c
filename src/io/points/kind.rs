//! [`FileKind`]: what a file holds, told by its first bytes, and
//! [`Sniffed`]: a reader whose first bytes have been looked at and are
//! still to be read.
//!
//! Every reader of an input file (the point readers, the GeoJSON targets
//! and references, the command line's `export`) asks here first, so that a
//! KML, Parquet or gzip file is refused with a message naming it, the same
//! message whichever command it was given to. The content decides, not the
//! name: a KML file named `.geojson` is KML.

use std::fs::File;
use std::io::{BufRead, Read};
use std::path::Path;

use crate::error::{Error, Result};
use crate::io::BOM;

/// How many bytes [`Sniffed::new`] looks at (fewer if the input is shorter).
pub const SNIFF_LEN: usize = 4096;

/// What a file holds, told by its first bytes ([`FileKind::sniff`]).
///
/// strikemap reads [`FileKind::Csv`] (point tables), [`FileKind::Json`]
/// (GeoJSON), [`FileKind::Kml`] and [`FileKind::Kmz`] (wherever GeoJSON is
/// read) and [`FileKind::Parquet`] (GeoParquet points, feature `parquet`);
/// the other kinds are named so that the error can say what the
/// file is and what to do with it ([`FileKind::require`]).
///
/// ```
/// use strikemap::io::points::FileKind;
/// assert_eq!(FileKind::sniff(b"name,lat,lon\n"), FileKind::Csv);
/// assert_eq!(FileKind::sniff(br#"{"type": "FeatureCollection"}"#), FileKind::Json);
/// // A ZIP archive (local file header: name length at 26, name at 30).
/// let mut kmz = b"PK\x03\x04".to_vec();
/// kmz.extend([0; 22]);
/// kmz.extend([7, 0, 0, 0]);
/// kmz.extend(b"doc.kml");
/// assert_eq!(FileKind::sniff(&kmz), FileKind::Kmz);
/// assert_eq!(FileKind::Kmz.name(), "KMZ (zipped KML, Google Earth)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileKind {
    /// Text that is not JSON or markup: a CSV table (or text of another
    /// kind, which the CSV reader then refuses by its header).
    Csv,
    /// JSON: `{` or `[` first (after white space and a UTF-8 byte order
    /// mark), as GeoJSON is.
    Json,
    /// A GeoJSON Text Sequence (RFC 8142): records starting with the
    /// record separator 0x1E.
    JsonSeq,
    /// KML (Google Earth): XML with a `<kml` element.
    Kml,
    /// KMZ: a ZIP archive whose first member is a `.kml` file.
    Kmz,
    /// GPX (GPS exchange format): XML with a `<gpx` element.
    Gpx,
    /// An HTML page (a web page saved instead of the file it shows).
    Html,
    /// Other XML (GML, an XML export).
    Xml,
    /// An Excel workbook (XLSX): a ZIP archive of Office XML.
    Xlsx,
    /// Another ZIP archive.
    Zip,
    /// gzip-compressed data (`\x1f\x8b`).
    Gzip,
    /// Apache Parquet (`PAR1`), as GeoParquet is.
    Parquet,
    /// An SQLite database, as a GeoPackage is.
    Sqlite,
    /// UTF-16 text (a UTF-16 byte order mark), as Excel's "Unicode Text" is.
    Utf16,
    /// Nothing, or only white space (and a byte order mark).
    Empty,
    /// Binary data of no kind named here (NUL bytes in its first bytes).
    Binary,
}

impl FileKind {
    /// The kind of a file from its first bytes (all of them, if it is
    /// shorter than [`SNIFF_LEN`]; [`Sniffed`] reads them for you).
    ///
    /// Magic numbers first (gzip, ZIP and what its first member is, Parquet,
    /// SQLite, a UTF-16 byte order mark); then, after a UTF-8 byte order
    /// mark and white space, the first character: `{` or `[` is JSON, 0x1E a
    /// GeoJSON Text Sequence, `<` markup (KML, GPX, HTML or other XML by its
    /// first elements); text with a NUL byte is binary; any other text is
    /// CSV. Text in another 8-bit encoding (Latin-1) is still CSV: its rows
    /// are refused one by one, naming the field.
    ///
    /// ```
    /// use strikemap::io::points::FileKind;
    /// assert_eq!(FileKind::sniff(b"\xef\xbb\xbf\n {\"type\": \"Point\"}"), FileKind::Json);
    /// assert_eq!(FileKind::sniff(b"<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">"), FileKind::Kml);
    /// assert_eq!(FileKind::sniff(b"\x1f\x8b\x08\x00"), FileKind::Gzip);
    /// assert_eq!(FileKind::sniff(b"  \n"), FileKind::Empty);
    /// ```
    pub fn sniff(head: &[u8]) -> FileKind {
        if head.starts_with(b"\x1f\x8b") {
            return FileKind::Gzip;
        }
        if head.starts_with(b"PK\x03\x04") {
            return zip_kind(head);
        }
        if head.starts_with(b"PK\x05\x06") {
            return FileKind::Zip;
        }
        if head.starts_with(b"PAR1") {
            return FileKind::Parquet;
        }
        if head.starts_with(b"SQLite format 3\0") {
            return FileKind::Sqlite;
        }
        if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
            return FileKind::Utf16;
        }
        let text = head.strip_prefix(BOM.as_bytes()).unwrap_or(head);
        let Some(first) = text.iter().position(|b| !b.is_ascii_whitespace()) else {
            return FileKind::Empty;
        };
        let text = &text[first..];
        match text[0] {
            b'{' | b'[' => FileKind::Json,
            0x1e => FileKind::JsonSeq,
            b'<' => markup_kind(text),
            _ if text.contains(&0) => FileKind::Binary,
            _ => FileKind::Csv,
        }
    }

    /// What this kind is called in messages: `"KML (Google Earth)"`,
    /// `"CSV text"`, `"an empty file"`.
    ///
    /// ```
    /// assert_eq!(strikemap::io::points::FileKind::Kml.name(), "KML (Google Earth)");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Csv => "text, not JSON",
            FileKind::Json => "JSON",
            FileKind::JsonSeq => "a GeoJSON Text Sequence (RFC 8142)",
            FileKind::Kml => "KML (Google Earth)",
            FileKind::Kmz => "KMZ (zipped KML, Google Earth)",
            FileKind::Gpx => "GPX (GPS exchange format)",
            FileKind::Html => "an HTML page",
            FileKind::Xml => "XML (neither KML nor GPX)",
            FileKind::Xlsx => "an Excel workbook (XLSX)",
            FileKind::Zip => "a ZIP archive",
            FileKind::Gzip => "gzip-compressed data",
            FileKind::Parquet => "Apache Parquet",
            FileKind::Sqlite => "an SQLite database (a GeoPackage?)",
            FileKind::Utf16 => "UTF-16 text",
            FileKind::Empty => "an empty file",
            FileKind::Binary => "binary data",
        }
    }

    /// What to do with a file of this kind, for the error message.
    fn advice(self, expected: &str) -> String {
        let convert =
            |ext: &str| format!("convert it with ogr2ogr -f GeoJSON out.geojson in.{ext}");
        match self {
            FileKind::Kml | FileKind::Kmz => {
                "it is read where GeoJSON is (strikemap export, distances --to, targets; \
                 io::kml), not as a table: give it there"
                    .to_string()
            }
            FileKind::Gpx => format!("GPX is not supported: {}", convert("gpx")),
            FileKind::JsonSeq => format!(
                "expected one GeoJSON document here: {}",
                convert("geojsons")
            ),
            FileKind::Parquet => format!(
                "GeoParquet points are read by strikemap distances --to (feature `parquet`); \
                 elsewhere {}",
                convert("parquet")
            ),
            FileKind::Sqlite => format!("it is not supported: {}", convert("gpkg")),
            FileKind::Gzip => "decompress it first, e.g. zcat f.csv.gz | strikemap distances ... \
                               --to /dev/stdin"
                .to_string(),
            FileKind::Zip => "unzip it first and give one of its files".to_string(),
            FileKind::Xlsx => "save it as CSV first (in Excel: File > Save As > CSV UTF-8)".into(),
            FileKind::Utf16 => "save it as UTF-8 (in Excel: CSV UTF-8), or convert it with \
                                iconv -f UTF-16 -t UTF-8"
                .to_string(),
            FileKind::Html => "give the file itself, not the web page that shows it \
                               (on GitHub: the Raw button)"
                .to_string(),
            FileKind::Csv | FileKind::Json | FileKind::Xml | FileKind::Empty | FileKind::Binary => {
                format!("expected {expected}")
            }
        }
    }

    /// `Ok` if this kind is one of `accepted`; otherwise the error naming
    /// what the file is and what to do with it (`this is GPX (GPS exchange
    /// format); GPX is not supported: convert it with ogr2ogr -f GeoJSON
    /// out.geojson in.gpx`).
    ///
    /// # Errors
    /// [`Error::UnsupportedFormat`] when this kind is not accepted.
    ///
    /// ```
    /// use strikemap::io::points::FileKind;
    /// assert!(FileKind::Json.require(&[FileKind::Json]).is_ok());
    /// let e = FileKind::Gzip.require(&[FileKind::Csv, FileKind::Json]).unwrap_err();
    /// assert!(e.report().to_string().starts_with("this is gzip-compressed data; decompress it first"));
    /// let e = FileKind::Csv.require(&[FileKind::Json]).unwrap_err();
    /// assert_eq!(e.report().to_string(), "this is text, not JSON; expected GeoJSON");
    /// ```
    pub fn require(self, accepted: &[FileKind]) -> Result<FileKind> {
        if accepted.contains(&self) {
            return Ok(self);
        }
        let expected = match (
            accepted.contains(&FileKind::Csv),
            accepted.contains(&FileKind::Json),
        ) {
            (true, true) => "a CSV table or GeoJSON",
            (true, false) => "a CSV table",
            _ => "GeoJSON",
        };
        Err(Error::UnsupportedFormat {
            format: self.name().to_string(),
            advice: self.advice(expected),
        })
    }
}

/// The kind of a ZIP archive, by the name of its first member (local file
/// header: the name's length at offset 26, the name at 30).
fn zip_kind(head: &[u8]) -> FileKind {
    let name = head.get(26..28).and_then(|len| {
        let len = usize::from(u16::from_le_bytes([len[0], len[1]]));
        head.get(30..30 + len)
    });
    let Some(name) = name else {
        return FileKind::Zip;
    };
    let name = String::from_utf8_lossy(name).to_ascii_lowercase();
    if name.ends_with(".kml") {
        FileKind::Kmz
    } else if name == "[content_types].xml" || name.starts_with("xl/") {
        FileKind::Xlsx
    } else {
        FileKind::Zip
    }
}

/// The kind of markup, by its first elements (case-insensitive).
fn markup_kind(text: &[u8]) -> FileKind {
    let lower = String::from_utf8_lossy(text).to_ascii_lowercase();
    let root = root_element(&lower);
    let is = |name: &str| {
        root.is_some_and(|r| {
            r.strip_prefix(name).is_some_and(|after| {
                after.is_empty() || !after.as_bytes()[0].is_ascii_alphanumeric()
            })
        })
    };
    if lower.starts_with("<!doctype html") || is("html") {
        FileKind::Html
    } else if is("kml") || root.is_some_and(|r| r.starts_with("kml:kml")) {
        FileKind::Kml
    } else if is("gpx") {
        FileKind::Gpx
    } else {
        FileKind::Xml
    }
}

/// The text from the first element that is not a declaration (`<?xml`),
/// a comment or a doctype, if there is one in `text`.
fn root_element(text: &str) -> Option<&str> {
    let mut rest = text;
    loop {
        rest = &rest[rest.find('<')? + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = &comment[comment.find("-->")? + 3..];
        } else if rest.starts_with('?') || rest.starts_with('!') {
            rest = &rest[rest.find('>')? + 1..];
        } else {
            return Some(rest);
        }
    }
}

/// A reader whose first bytes ([`SNIFF_LEN`], or all if fewer) have been
/// read to tell its [`FileKind`], and which hands out every byte, those
/// first: so a pipe or `/dev/stdin` is read once, and whole.
///
/// ```
/// use std::io::Read;
/// use strikemap::io::points::{FileKind, Sniffed};
/// let mut input = Sniffed::new(&b"lat,lon\n50.45,30.52\n"[..], "<stdin>")?;
/// assert_eq!(input.kind(), FileKind::Csv);
/// let mut text = String::new();
/// input.read_to_string(&mut text).unwrap();
/// assert_eq!(text, "lat,lon\n50.45,30.52\n");
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug)]
pub struct Sniffed<R> {
    head: Vec<u8>,
    at: usize,
    inner: R,
    kind: FileKind,
}

/// How much white space [`Sniffed::new`] reads past, looking for text.
const MAX_BLANK: usize = 1 << 20;

impl Sniffed<File> {
    /// Opens a file and reads its first bytes.
    ///
    /// # Errors
    /// [`Error::Io`] naming the path.
    ///
    /// ```
    /// let e = strikemap::io::points::Sniffed::open("no/such/map.kml").unwrap_err();
    /// assert!(e.is_io() && e.report().to_string().starts_with("no/such/map.kml: "));
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<Sniffed<File>> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let file = File::open(path).map_err(|e| Error::io(shown.clone(), e))?;
        Sniffed::new(file, &shown)
    }
}

impl<R: Read> Sniffed<R> {
    /// Reads the first bytes of `reader` (until [`SNIFF_LEN`] or its end,
    /// however many reads a pipe takes) and tells their kind; `source`
    /// names the input in errors.
    ///
    /// # Errors
    /// [`Error::Io`] naming `source` if the reader fails.
    ///
    /// ```
    /// let input = strikemap::io::points::Sniffed::new(&b"\x1f\x8b\x08\x00"[..], "f.csv.gz")?;
    /// assert_eq!(input.kind(), strikemap::io::points::FileKind::Gzip);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(mut reader: R, source: &str) -> Result<Sniffed<R>> {
        let mut head = Vec::with_capacity(SNIFF_LEN);
        // More while there is only white space, so blank lines before a
        // header are not taken for an empty file.
        loop {
            let before = head.len();
            (&mut reader)
                .take(SNIFF_LEN as u64)
                .read_to_end(&mut head)
                .map_err(|e| Error::io(source, e))?;
            let blank = head
                .iter()
                .all(|b| b.is_ascii_whitespace() || BOM.as_bytes().contains(b));
            if head.len() == before || !blank || head.len() >= MAX_BLANK {
                break;
            }
        }
        Ok(Sniffed {
            kind: FileKind::sniff(&head),
            head,
            at: 0,
            inner: reader,
        })
    }

    /// The kind its first bytes tell.
    ///
    /// ```
    /// let input = strikemap::io::points::Sniffed::new(&b"{}"[..], "x")?;
    /// assert_eq!(input.kind(), strikemap::io::points::FileKind::Json);
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn kind(&self) -> FileKind {
        self.kind
    }

    /// The first bytes, as looked at.
    ///
    /// ```
    /// let input = strikemap::io::points::Sniffed::new(&b"lat,lon\n"[..], "x")?;
    /// assert_eq!(input.head(), b"lat,lon\n");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn head(&self) -> &[u8] {
        &self.head
    }
}

impl<R: Read> Read for Sniffed<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at < self.head.len() {
            let n = (self.head.len() - self.at).min(buf.len());
            buf[..n].copy_from_slice(&self.head[self.at..self.at + n]);
            self.at += n;
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

impl<R: BufRead> BufRead for Sniffed<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.at < self.head.len() {
            return Ok(&self.head[self.at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        let left = self.head.len() - self.at;
        if left > 0 {
            self.at += amt.min(left);
        } else {
            self.inner.consume(amt);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out one byte per read, as a slow pipe may.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), buf.is_empty()) {
                (Some((&b, rest)), false) => {
                    buf[0] = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn a_trickling_pipe_is_sniffed_whole_and_read_whole() {
        let text = "<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<kml><Document/></kml>\n";
        let mut input = Sniffed::new(Trickle(text.as_bytes()), "<stdin>").unwrap();
        assert_eq!(input.kind(), FileKind::Kml);
        let mut back = String::new();
        input.read_to_string(&mut back).unwrap();
        assert_eq!(back, text);
        let long = "x".repeat(SNIFF_LEN * 3);
        let mut input = Sniffed::new(std::io::BufReader::new(long.as_bytes()), "x").unwrap();
        assert_eq!(input.head().len(), SNIFF_LEN);
        let mut back = Vec::new();
        while let Ok(buf) = input.fill_buf() {
            if buf.is_empty() {
                break;
            }
            let n = buf.len().min(1000);
            back.extend_from_slice(&buf[..n]);
            input.consume(n);
        }
        assert_eq!(back, long.as_bytes());
    }

    #[test]
    fn markup_is_told_by_its_root_element() {
        for (text, kind) in [
            ("<kml>", FileKind::Kml),
            (
                "<kml:kml xmlns:kml=\"http://www.opengis.net/kml/2.2\">",
                FileKind::Kml,
            ),
            ("<kmlx/>", FileKind::Xml),
            ("<!-- <kml> --><root/>", FileKind::Xml),
            ("<HTML><body>", FileKind::Html),
            ("<gpx creator=\"x\">", FileKind::Gpx),
        ] {
            assert_eq!(FileKind::sniff(text.as_bytes()), kind, "{text}");
        }
    }
}
