"""Checks a GeoParquet file strikemap wrote with independent readers:
pyarrow (schema, column types, the `geo` metadata) and GeoPandas (geometry
and CRS), against the GeoJSON strikemap wrote for the same rows.

    python scripts/check_geoparquet.py FILE.parquet SAME_ROWS.geojson [COLUMN=TYPE ...]

TYPE is a pyarrow type name (double, int64, bool, string, date32[day],
timestamp[us, tz=UTC]). The rows must be in the same order as the GeoJSON
features; geometries must match within 1e-9 degrees, and every property of
the GeoJSON that is a column must hold the same value (numbers within
1e-12 relative). Needs pyarrow, geopandas and shapely (CI installs them in
a venv: .ci/run).
"""
import json
import math
import sys

import geopandas
import pyarrow
import pyarrow.parquet as pq
import pyproj
import shapely.geometry


def fail(message):
    print(f"FAIL {message}")
    sys.exit(1)


def main():
    path, reference = sys.argv[1], sys.argv[2]
    expected_types = dict(arg.split("=", 1) for arg in sys.argv[3:])
    features = json.load(open(reference))["features"]

    file = pq.ParquetFile(path)
    geo = json.loads(file.metadata.metadata[b"geo"])
    if geo["version"] != "1.1.0":
        fail(f"{path}: geo version {geo['version']}")
    primary = geo["primary_column"]
    column = geo["columns"][primary]
    if column["encoding"] != "WKB":
        fail(f"{path}: encoding {column['encoding']}")
    if pyproj.CRS.from_json_dict(column["crs"]) != pyproj.CRS("OGC:CRS84"):
        fail(f"{path}: crs is not OGC:CRS84")
    types = sorted({f["geometry"]["type"] for f in features})
    if sorted(column["geometry_types"]) != types:
        fail(f"{path}: geometry_types {column['geometry_types']}, the GeoJSON has {types}")
    covering = column["covering"]["bbox"]
    table = file.read()
    schema = table.schema
    for name, want in expected_types.items():
        got = str(schema.field(name).type)
        if got != want:
            fail(f"{path}: column {name} is {got}, expected {want}")

    frame = geopandas.read_parquet(path)
    if frame.crs != pyproj.CRS("OGC:CRS84"):
        fail(f"{path}: GeoPandas reads the CRS as {frame.crs}")
    if len(frame) != len(features):
        fail(f"{path}: {len(frame)} rows, the GeoJSON has {len(features)} features")
    bbox_column = covering["xmin"][0]
    boxes = table.column(bbox_column).to_pylist()
    compared = 0
    for i, (feature, geometry) in enumerate(zip(features, frame.geometry)):
        want = shapely.geometry.shape(feature["geometry"])
        if not geometry.equals_exact(want, 1e-9):
            fail(f"{path}: row {i}: geometry {geometry.wkt[:80]} differs from {want.wkt[:80]}")
        box = boxes[i]
        west, south, east, north = geometry.bounds
        if not (math.isclose(box["ymin"], south) and math.isclose(box["ymax"], north)):
            fail(f"{path}: row {i}: bbox {box} against bounds {geometry.bounds}")
        for key, value in (feature.get("properties") or {}).items():
            if key not in frame.columns or value is None:
                continue
            got = frame[key].iloc[i]
            if isinstance(value, bool) or isinstance(value, str):
                same = str(got) == str(value) or (isinstance(value, bool) and bool(got) == value)
            elif isinstance(value, (int, float)):
                same = math.isclose(float(got), float(value), rel_tol=1e-12, abs_tol=1e-12)
            else:
                continue
            if not same:
                fail(f"{path}: row {i}: {key} = {got!r}, the GeoJSON has {value!r}")
            compared += 1
    print(
        f"ok   {path}: {len(frame)} rows, {len(schema)} columns, geometry {types}, CRS OGC:CRS84;"
        f" pyarrow {pyarrow.__version__}, GeoPandas {geopandas.__version__};"
        f" {compared} values equal to the GeoJSON's"
    )


main()
