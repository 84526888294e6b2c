//! GeoParquet: typed columns, the `geo` metadata, row groups, and reading
//! points back (feature `parquet`). Other readers (pyarrow, GeoPandas)
//! check the files in CI: `scripts/check_geoparquet.py`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{Value, json};
use strikemap::LatLon;
use strikemap::io::parquet::{ColumnType, ColumnTypes, GeoParquetWriter, ParquetPoints};

fn rows(n: usize) -> Vec<(LatLon, Value)> {
    (0..n)
        .map(|i| {
            let lat = -60.0 + (i % 1200) as f64 * 0.1;
            let lon = -179.5 + (i % 3590) as f64 * 0.1;
            let row = json!({
                "id": format!("EV{i:06}"),
                "n": (i as i64) - 5,
                "share": if i % 2 == 0 { json!(i) } else { json!(i as f64 + 0.5) },
                "date": format!("2025-06-{:02}", 1 + i % 28),
                "at": format!("2025-06-01T{:02}:00:00Z", i % 24),
                "ok": i % 3 == 0,
                "note": if i % 5 == 0 { Value::Null } else { json!(format!("row {i}")) },
                "code": "007",
            });
            (LatLon::new(lat, lon).unwrap(), row)
        })
        .collect()
}

#[test]
fn columns_are_typed_from_every_value() {
    let mut types = ColumnTypes::new();
    for (_, row) in rows(10) {
        for (k, v) in row.as_object().unwrap() {
            types.observe(k, v);
        }
    }
    let columns: Vec<(String, ColumnType)> = types.columns();
    let get = |name: &str| columns.iter().find(|(n, _)| n == name).unwrap().1;
    assert_eq!(get("id"), ColumnType::Text);
    assert_eq!(get("n"), ColumnType::Int64);
    assert_eq!(get("share"), ColumnType::Float64);
    assert_eq!(get("date"), ColumnType::Date);
    assert_eq!(get("at"), ColumnType::Timestamp);
    assert_eq!(get("ok"), ColumnType::Boolean);
    assert_eq!(get("note"), ColumnType::Text);
    assert_eq!(get("code"), ColumnType::Text);
}

#[test]
fn written_rows_read_back_with_the_geo_metadata_and_row_groups() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    let data = rows(25_000);
    let mut types = ColumnTypes::new();
    for (_, row) in &data {
        for (k, v) in row.as_object().unwrap() {
            types.observe(k, v);
        }
    }
    let file = std::fs::File::create(&path).unwrap();
    let mut w = GeoParquetWriter::new(file, &types.columns())
        .unwrap()
        .with_row_group_rows(10_000);
    for (p, row) in &data {
        w.write_point(*p, row.as_object().unwrap()).unwrap();
    }
    assert_eq!(w.rows(), 25_000);
    w.finish().unwrap();

    let reader =
        parquet::file::reader::SerializedFileReader::new(std::fs::File::open(&path).unwrap())
            .unwrap();
    let meta = parquet::file::reader::FileReader::metadata(&reader);
    assert_eq!(meta.num_row_groups(), 3);
    let geo = meta
        .file_metadata()
        .key_value_metadata()
        .unwrap()
        .iter()
        .find(|k| k.key == "geo")
        .unwrap();
    let geo: Value = serde_json::from_str(geo.value.as_deref().unwrap()).unwrap();
    assert_eq!(geo["version"], "1.1.0");
    assert_eq!(geo["primary_column"], "geometry");
    let column = &geo["columns"]["geometry"];
    assert_eq!(column["encoding"], "WKB");
    assert_eq!(column["geometry_types"], json!(["Point"]));
    assert_eq!(
        column["crs"]["id"],
        json!({"authority": "OGC", "code": "CRS84"})
    );
    assert_eq!(column["covering"]["bbox"]["xmin"], json!(["bbox", "xmin"]));
    let bbox: Vec<f64> = serde_json::from_value(column["bbox"].clone()).unwrap();
    assert!(
        (bbox[0] + 179.5).abs() < 1e-9 && (bbox[3] - 59.9).abs() < 1e-9,
        "{bbox:?}"
    );

    let mut back = Vec::new();
    ParquetPoints::open(&path)
        .unwrap()
        .for_each(|p| {
            back.push(p?);
            Ok(())
        })
        .unwrap();
    assert_eq!(back.len(), data.len());
    for (read, (p, row)) in back.iter().zip(&data) {
        assert_eq!(read.position, *p);
        let props = read.feature.properties.as_ref().unwrap();
        for key in ["id", "n", "date", "at", "ok", "note", "code"] {
            assert_eq!(props[key], row[key], "{key}");
        }
        assert_eq!(props["share"].as_f64(), row["share"].as_f64());
        assert!(!props.contains_key("bbox") && !props.contains_key("geometry"));
    }
}

#[test]
fn a_parquet_file_without_positions_names_its_columns() {
    use arrow_array::{ArrayRef, Int64Array, RecordBatch};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.parquet");
    let batch = RecordBatch::try_from_iter([(
        "count",
        std::sync::Arc::new(Int64Array::from(vec![1, 2])) as ArrayRef,
    )])
    .unwrap();
    let file = std::fs::File::create(&path).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(file, batch.schema(), None).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
    let e = ParquetPoints::open(&path).err().unwrap();
    assert_eq!(
        e.report().to_string(),
        format!(
            "{}: columns: expected a geometry column (GeoParquet geo metadata) or latitude and \
             longitude columns (latitude/lat, longitude/lon/lng/long), found the columns count",
            path.display()
        )
    );
    // Latitude and longitude columns are enough.
    let path = dir.path().join("latlon.parquet");
    let batch = RecordBatch::try_from_iter([
        (
            "Lat",
            std::sync::Arc::new(arrow_array::Float64Array::from(vec![50.45, 95.0])) as ArrayRef,
        ),
        (
            "lon",
            std::sync::Arc::new(arrow_array::Float64Array::from(vec![30.52, 0.0])) as ArrayRef,
        ),
    ])
    .unwrap();
    let file = std::fs::File::create(&path).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(file, batch.schema(), None).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
    let mut got = Vec::new();
    ParquetPoints::open(&path)
        .unwrap()
        .for_each(|p| {
            got.push(p.map(|p| p.position).map_err(|e| e.report().to_string()));
            Ok(())
        })
        .unwrap();
    assert_eq!(got[0], Ok(LatLon::new(50.45, 30.52).unwrap()));
    assert_eq!(
        got[1],
        Err(format!(
            "{}: row 1: geometry: latitude 95 is out of range [-90, 90]",
            path.display()
        ))
    );
}
