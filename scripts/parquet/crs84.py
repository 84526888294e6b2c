"""Writes src/io/parquet/crs84.json: the PROJJSON of OGC:CRS84 (WGS 84
longitude/latitude), which strikemap's GeoParquet writer puts in the `geo`
metadata's `crs`, as GeoParquet 1.1 asks (PROJJSON, the default being this
same CRS). Made by pyproj (PROJ's own definition), so it is PROJ's text.

    /tmp/gzvenv/bin/python scripts/parquet/crs84.py
"""
import json
import pathlib

import pyproj

out = pathlib.Path(__file__).resolve().parents[2] / "src/io/parquet/crs84.json"
crs = pyproj.CRS("OGC:CRS84").to_json_dict()
out.write_text(json.dumps(crs, separators=(",", ":")) + "\n")
print(f"{out}: PROJ {pyproj.proj_version_str}, {len(out.read_text())} bytes")
