//! Bad input gives typed errors that name the value and where it was; nothing panics.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use strikemap::{Area, Distance, Error, LatLon, Line, StatedDistance, countries, shape::Polygon};

#[test]
fn positions() {
    assert_eq!(
        LatLon::new(f64::NAN, 30.0)
            .unwrap_err()
            .report()
            .to_string(),
        "latitude NaN is not a finite number"
    );
    assert_eq!(
        LatLon::new(50.0, f64::INFINITY)
            .unwrap_err()
            .report()
            .to_string(),
        "longitude inf is not a finite number"
    );
    assert_eq!(
        LatLon::new(91.0, 30.0).unwrap_err(),
        Error::LatitudeOutOfRange { value: 91.0 }
    );
    // Longitudes beyond ±180° are refused; wrapping is asked for by name.
    assert_eq!(
        LatLon::new(10.0, 540.0).unwrap_err(),
        Error::LongitudeOutOfRange { value: 540.0 }
    );
    assert_eq!(LatLon::wrapping(10.0, 540.0).unwrap().lon(), 180.0);
    assert!(matches!(
        LatLon::parse("91N,30E"),
        Err(Error::LatitudeOutOfRange { .. })
    ));
}

#[test]
fn distance_text() {
    for (text, why) in [
        ("4,300 furlongs", "unknown unit \"furlongs\""),
        ("miles", "no number"),
        ("-5 km", "negative"),
        ("", "empty"),
    ] {
        let err = Distance::parse(text).unwrap_err();
        assert!(
            matches!(&err, Error::DistanceText { text: t, reason } if t == text && reason.contains(why)),
            "{text}: {}",
            err.report()
        );
        assert_eq!(StatedDistance::parse(text).unwrap_err(), err);
    }
}

#[test]
fn lines() {
    let err = Line::new(vec![]).unwrap_err();
    assert!(
        matches!(err.root(), Error::InvalidGeometry { .. }),
        "{}",
        err.report()
    );
    let err = Line::from_lon_lat(&[vec![[30.0, 50.0], [31.0, 51.0]], vec![]]).unwrap_err();
    assert_eq!(
        err.report().to_string(),
        "part 1: a line part needs at least 2 vertices, found 0"
    );
    let err =
        Line::from_lon_lat(&[vec![[30.0, 50.0], [31.0, 51.0], [f64::NAN, 52.0]]]).unwrap_err();
    assert_eq!(
        err.report().to_string(),
        "part 0, vertex 2: longitude NaN is not a finite number"
    );
}

#[test]
fn rings_and_polygons() {
    let open = vec![[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0]];
    let err = Polygon::from_lon_lat(&[open]).unwrap_err();
    assert!(
        err.report()
            .to_string()
            .starts_with("ring 0: the ring is not closed"),
        "{}",
        err.report()
    );
    let short = vec![[30.0, 50.0], [31.0, 50.0], [30.0, 50.0]];
    let square = vec![
        [30.0, 50.0],
        [31.0, 50.0],
        [31.0, 51.0],
        [30.0, 51.0],
        [30.0, 50.0],
    ];
    let err = Polygon::from_lon_lat(&[square.clone(), short]).unwrap_err();
    assert_eq!(
        err.report().to_string(),
        "ring 1: a ring needs at least 4 positions (first = last), found 3"
    );
    let nan = vec![[30.0, 50.0], [31.0, f64::NAN], [31.0, 51.0], [30.0, 50.0]];
    let err = Area::from_lon_lat(&[vec![square.clone()], vec![nan]]).unwrap_err();
    assert_eq!(
        err.report().to_string(),
        "polygon 1: ring 0, vertex 1: latitude NaN is not a finite number"
    );
    let err = Area::from_lon_lat(&[vec![square], vec![vec![]]]).unwrap_err();
    assert!(
        err.report().to_string().starts_with("polygon 1: ring 0"),
        "{}",
        err.report()
    );
    assert!(Area::new(vec![]).is_err());
    assert!(Polygon::new(vec![]).is_err());
}

#[test]
fn countries() {
    for q in ["XX", "ZZZ", "Narnia", ""] {
        let err = countries::get(q).unwrap_err();
        assert!(
            matches!(&err, Error::UnknownName { kind: "country", name, .. } if name == q),
            "{q}: {}",
            err.report()
        );
    }
}

#[test]
fn csv_longitude_beyond_180_names_line_and_column() {
    use strikemap::io::points::{ColumnNames, CsvPoints};
    let csv = "name,lat,lon\nA,50.45,30.52\nB,50,200\n";
    let mut errors = Vec::new();
    CsvPoints::from_reader(csv.as_bytes(), "events.csv", ColumnNames::default())
        .unwrap()
        .for_each(|row| {
            if let Err(e) = row {
                errors.push(e);
            }
            Ok(())
        })
        .unwrap();
    let [e] = errors.as_slice() else {
        panic!("one bad row expected: {errors:?}")
    };
    assert_eq!(e.root(), &Error::LongitudeOutOfRange { value: 200.0 });
    let report = e.report().to_string();
    assert!(
        report.contains("line 3") && report.contains("column \"lon\""),
        "{report}"
    );
    assert!(
        report.ends_with("longitude 200 is out of range [-180, 180]"),
        "{report}"
    );
}

/// Issue 17: degenerate polygons are refused with a typed error naming the
/// ring, not measured as 0 km².
#[test]
fn degenerate_polygons() {
    use strikemap::{
        Error, Territory,
        io::geojson::{ExportOptions, ImportOptions, Imported, MapFeature},
    };
    let bow_tie = vec![
        [30.0, 50.0],
        [31.0, 51.0],
        [31.0, 50.0],
        [30.0, 51.0],
        [30.0, 50.0],
    ];
    let err = Polygon::from_lon_lat(std::slice::from_ref(&bow_tie)).unwrap_err();
    assert!(
        matches!(err.root(), Error::InvalidGeometry { .. }),
        "{}",
        err.report()
    );
    assert!(
        err.report().to_string().starts_with("ring 0: "),
        "{}",
        err.report()
    );
    assert!(
        err.report().to_string().contains("crosses itself"),
        "{}",
        err.report()
    );
    let same = vec![[30.0, 50.0]; 4];
    let err = Area::from_lon_lat(&[vec![same]]).unwrap_err();
    assert!(
        err.report().to_string().starts_with("polygon 0: ring 0: "),
        "{}",
        err.report()
    );
    let line = vec![[30.0, 50.0], [31.0, 50.0], [30.0, 50.0], [30.0, 50.0]];
    assert!(Polygon::from_lon_lat(&[line]).is_err());
    // Through the GeoJSON import, the feature is named.
    let text = serde_json::json!({"type": "FeatureCollection", "features": [{"type": "Feature",
        "properties": {"name": "bow tie"},
        "geometry": {"type": "Polygon", "coordinates": [bow_tie]}}]})
    .to_string();
    let err = Imported::parse(&text, &ImportOptions::default()).unwrap_err();
    assert!(
        err.report().to_string().starts_with("feature 0: "),
        "{}",
        err.report()
    );
    // A polygon that collapses at the export precision is refused, naming it.
    let small = Area::from_lon_lat(&[vec![vec![
        [30.0, 50.0],
        [30.0001, 50.0],
        [30.0001, 50.0001],
        [30.0, 50.0],
    ]]])
    .unwrap();
    let options = ExportOptions::default().with_precision(3).unwrap();
    let err = MapFeature::new(Territory::new("speck", small))
        .to_feature(&options)
        .unwrap_err();
    let text = err.report().to_string();
    assert!(
        text.contains("speck") && text.contains("precision 3"),
        "{text}"
    );
}
