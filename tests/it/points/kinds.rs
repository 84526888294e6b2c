//! `FileKind`: a file's format told by its first bytes (the name is only a
//! hint), and the readers of files refusing what they cannot read with a
//! message naming it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use strikemap::io::points::{FileKind, PointFileKind};
use strikemap::io::target_spec::{ClaimReference, Composite, TargetSpec};

pub const KML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
    <kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><name>Kyiv</name>\
    <Point><coordinates>30.5234,50.4501</coordinates></Point></Placemark></Document></kml>\n";

/// The first bytes of a ZIP archive whose first member is `name`.
pub fn zip(name: &str) -> Vec<u8> {
    let mut bytes = b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec();
    bytes.extend([0u8; 16]);
    bytes.extend((name.len() as u16).to_le_bytes());
    bytes.extend([0u8; 2]);
    bytes.extend(name.as_bytes());
    bytes.extend([0x9c, 0x00, 0x13, 0xff]);
    bytes
}

/// A GeoJSON FeatureCollection of one point.
const GEOJSON: &str = r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [30.5234, 50.4501]}}]}"#;

#[test]
fn formats_are_told_by_their_first_bytes() {
    let cases: Vec<(Vec<u8>, FileKind)> = vec![
        (b"name,lat,lon\nKyiv,50.45,30.52\n".to_vec(), FileKind::Csv),
        (b"\xef\xbb\xbfname;lat;lon\n".to_vec(), FileKind::Csv),
        (b"lat\tlon\n".to_vec(), FileKind::Csv),
        // Latin-1 text is text (its rows are reported one by one).
        (b"name,lat,lon\nK\xe9,50,30\n".to_vec(), FileKind::Csv),
        (GEOJSON.as_bytes().to_vec(), FileKind::Json),
        (
            format!("\u{feff}\n  {GEOJSON}").into_bytes(),
            FileKind::Json,
        ),
        (b"[1, 2]".to_vec(), FileKind::Json),
        (
            format!("\x1e{GEOJSON}\n\x1e{GEOJSON}\n").into_bytes(),
            FileKind::JsonSeq,
        ),
        (KML.as_bytes().to_vec(), FileKind::Kml),
        (b"<kml><Document/></kml>".to_vec(), FileKind::Kml),
        (zip("doc.kml"), FileKind::Kmz),
        (zip("[Content_Types].xml"), FileKind::Xlsx),
        (zip("events.csv"), FileKind::Zip),
        (b"PAR1\x15\x04\x15".to_vec(), FileKind::Parquet),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00".to_vec(), FileKind::Gzip),
        (b"SQLite format 3\x00\x10\x00".to_vec(), FileKind::Sqlite),
        (
            b"<?xml version=\"1.0\"?>\n<gpx version=\"1.1\"><wpt/></gpx>".to_vec(),
            FileKind::Gpx,
        ),
        (
            b"<!DOCTYPE html>\n<html><body>events</body></html>".to_vec(),
            FileKind::Html,
        ),
        (b"<?xml version=\"1.0\"?><root/>".to_vec(), FileKind::Xml),
        (b"\xff\xfen\x00a\x00m\x00e\x00".to_vec(), FileKind::Utf16),
        (b"".to_vec(), FileKind::Empty),
        (b" \r\n\t\n".to_vec(), FileKind::Empty),
        (b"\xef\xbb\xbf".to_vec(), FileKind::Empty),
        (b"\x00\x01\x02\x03binary".to_vec(), FileKind::Binary),
    ];
    for (bytes, kind) in cases {
        assert_eq!(
            FileKind::sniff(&bytes),
            kind,
            "{:?}",
            String::from_utf8_lossy(&bytes)
        );
    }
}

/// Writes `bytes` to `name` in a new directory.
fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// What each format is called, and what to do about it.
pub fn refused() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        (
            "events.geojsons",
            format!("\x1e{GEOJSON}\n").into_bytes(),
            "this is a GeoJSON Text Sequence (RFC 8142)",
        ),
        (
            "events.parquet",
            b"PAR1\x15\x04".to_vec(),
            "this is Apache Parquet",
        ),
        (
            "events.csv.gz",
            b"\x1f\x8b\x08\x00".to_vec(),
            "this is gzip-compressed data; decompress it first, e.g. zcat f.csv.gz | strikemap distances ... --to /dev/stdin",
        ),
        ("empty.geojson", Vec::new(), "this is an empty file"),
        (
            "blob.geojson",
            b"\x00\x00\x00\x01\x02".to_vec(),
            "this is binary data",
        ),
    ]
}

#[test]
fn geojson_readers_name_the_format_they_were_given() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, message) in refused() {
        // The extension does not matter: a KML named .geojson is KML.
        for name in [name.to_string(), format!("{name}.geojson")] {
            let path = file(&dir, &name, &bytes);
            let shown = path.display().to_string();
            let e = Composite::read(&path).unwrap_err();
            assert_eq!(
                e.report().to_string(),
                format!("{shown}: {}", e.root()),
                "{name}"
            );
            assert!(
                e.report()
                    .to_string()
                    .starts_with(&format!("{shown}: {message}")),
                "{name}: {}",
                e.report()
            );
            assert!(e.is_unsupported_format() && e.is_bad_input(), "{name}");
            let e = ClaimReference::read(&path).unwrap_err();
            assert!(
                e.report()
                    .to_string()
                    .starts_with(&format!("{shown}: {message}")),
                "{name}: {}",
                e.report()
            );
            let e = TargetSpec::parse(&shown).unwrap_err();
            assert!(
                e.report()
                    .to_string()
                    .starts_with(&format!("{shown}: {message}")),
                "{name}: {}",
                e.report()
            );
            // Parquet is a point table (GeoParquet), read by distances.
            if name.starts_with("events.parquet") {
                assert_eq!(
                    PointFileKind::detect(&path).unwrap(),
                    PointFileKind::Parquet
                );
                continue;
            }
            let e = PointFileKind::detect(&path).unwrap_err();
            assert!(
                e.report()
                    .to_string()
                    .starts_with(&format!("{shown}: {message}")),
                "{name}: {}",
                e.report()
            );
        }
    }
}

#[test]
fn a_csv_file_where_geojson_is_read_is_named_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "bases.geojson", b"name,lat,lon\nOlenya,68.15,33.46\n");
    let e = Composite::read(&path).unwrap_err();
    assert!(
        e.report().to_string().contains("not JSON") && e.report().to_string().contains("GeoJSON"),
        "{}",
        e.report()
    );
    assert_eq!(PointFileKind::detect(&path).unwrap(), PointFileKind::Csv);
}

#[test]
fn a_byte_order_mark_before_json_or_csv_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "p", format!("\u{feff}{GEOJSON}").as_bytes());
    assert_eq!(Composite::read(&path).unwrap().points().len(), 1);
    assert_eq!(
        PointFileKind::detect(&path).unwrap(),
        PointFileKind::GeoJson
    );
    let path = file(&dir, "q.geojson", b"\xef\xbb\xbflat,lon\n50,30\n");
    assert_eq!(PointFileKind::detect(&path).unwrap(), PointFileKind::Csv);
}

#[test]
fn kml_and_kmz_are_read_wherever_geojson_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut kmz = Vec::new();
    strikemap::io::kml::zip_kml(KML.as_bytes(), &mut kmz).unwrap();
    // Told by content: a KML named .geojson is KML.
    for (name, bytes) in [
        ("map.kml", KML.as_bytes().to_vec()),
        ("map.kml.geojson", KML.as_bytes().to_vec()),
        ("map.kmz", kmz.clone()),
    ] {
        let path = file(&dir, name, &bytes);
        let shown = path.display().to_string();
        assert_eq!(Composite::read(&path).unwrap().points().len(), 1, "{name}");
        assert_eq!(
            ClaimReference::read(&path).unwrap().name(),
            "Kyiv",
            "{name}"
        );
        assert!(matches!(
            TargetSpec::parse(&shown).unwrap(),
            TargetSpec::File { .. }
        ));
        assert_eq!(
            PointFileKind::detect(&path).unwrap(),
            PointFileKind::Kml,
            "{name}"
        );
    }
    // A KMZ without a KML document in it names what it holds.
    let path = file(&dir, "empty.kmz", &zip("doc.kml"));
    let e = Composite::read(&path).unwrap_err();
    assert!(
        e.report().to_string().contains("expected a KMZ"),
        "{}",
        e.report()
    );
}
