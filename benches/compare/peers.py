#!/usr/bin/env python3
"""Data set, Python peers and report for benches/compare/run.sh.

Subcommands:
  gen     write the deterministic data set into a directory (standard library only)
  run     time the Python peers that are installed (pyproj, geographiclib,
          shapely, geopandas) on that data set and print their results as JSON
  report  read every runner's JSON, print the markdown table (standard library only)

Every runner (this file, turf.mjs, the Rust driver) writes the same schema:
{"runner": str, "versions": {name: version}, "skipped": [{"op", "tool", "why"}],
 "results": [{"op", "tool", "family", "n", "per_query_s": [seconds per query,
 one per timed pass], "answers_m": [metres] or null, "reference": bool,
 "comparable": bool, "setup_s": {what: seconds}, "note": str}]}
The reverse look-up answers with text, not metres: its rows have
"answers_m": null and "labels": ["CC/REGION-CODE", one per point] (either
part empty where there is none), and the report gives agreement with
strikemap's labels instead of errors in metres.

Timing: the first --warm-up queries run once untimed; then whole passes over
all queries are timed and divided by the number of queries, repeating until
--min-repeats passes and --min-time seconds are both reached, or --max-time
seconds have gone by. The table shows the median pass. The reverse look-up
is a batch operation: each pass is one call on all its points, and its time
per point is the pass's time divided by the number of points.

--only OPS (comma-separated operation ids, see OPS) restricts `run` to those
operations; run.sh resolves its own --only into these ids.
"""

import argparse
import hashlib
import json
import math
import os
import platform
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

# The five air bases struck on 1 June 2025 (Operation Spiderweb), as in the
# crate's benches/territory.rs "far" query set.
AIR_BASES = [
    ("Olenya", 68.1517, 33.4639),
    ("Belaya", 52.915, 103.575),
    ("Dyagilevo", 54.6447, 39.5703),
    ("Ivanovo Severny", 57.0575, 40.9808),
    ("Ukrainka", 51.17, 128.445),
]

OPS = [
    ("point-to-point", "Point to point"),
    ("point-to-ukraine", "Point to Ukraine (1:10m)"),
    ("point-to-front-line", "Point to front line (10k vertices)"),
    ("geojson-export", "GeoJSON export to a file (per feature)"),
    ("reverse-lookup", "Reverse look-up to country + admin-1 region (per point, batch)"),
    ("parquet-export", "GeoParquet export of 1,000,000 events to a file (per row)"),
]
OP_IDS = [op for op, _ in OPS]

# The reverse look-up's points: uniform in this box (Ukraine, western Russia
# and their neighbours), --reverse-n of them.
REVERSE_LAT = (44.0, 60.0)
REVERSE_LON = (22.0, 50.0)

# Features in one pass of the GeoJSON export: the query points, repeated
# (the same number in the Rust driver and turf.mjs).
EXPORT_FEATURES = 100_000


# Rows in one pass of the GeoParquet export: the query points, repeated
# (the same number and columns in the Rust driver).
PARQUET_ROWS = 1_000_000


def export_properties(i):
    """The properties strikemap writes for the i-th exported event (a drone
    strike with a claimed count and a source), so every exporter writes the
    same features."""
    name = f"event {i}"
    return {
        "kind": "strike",
        "name": name,
        "target": name,
        "date": "2025-06-01",
        "timestamp": 1748736000000,
        "weapon": "drone",
        "strike_id": f"ev-{i}",
        "counts": [{"kind": "launched", "count": 3, "claimed_by": "local officials"}],
        "source": "synthetic",
        "title": name,
        "marker-color": "#d62728",
        "marker-size": "medium",
        "marker-symbol": "danger",
    }


# ---------------------------------------------------------------- gen


def gen(args):
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)  # Mersenne Twister: same numbers on every CPython 3
    r6 = lambda x: round(x, 6)  # noqa: E731
    queries = [[r6(rng.uniform(22.0, 41.0)), r6(rng.uniform(44.0, 53.0))] for _ in range(args.n)]
    queries += [[lon, lat] for _, lat, lon in AIR_BASES]
    # Pairs: a point of the region to a point anywhere from Poland to the
    # Russian Far East (40–70 N, 20–130 E): a few km to about 6,500 km.
    pairs = [
        [q, [r6(rng.uniform(20.0, 130.0)), r6(rng.uniform(40.0, 70.0))]]
        for q in queries[: args.n]
    ]
    # Reverse look-up: drawn after the pairs from the same generator, so the
    # sets above are the same with or without them.
    (south, north), (west, east) = REVERSE_LAT, REVERSE_LON
    reverse = [[r6(rng.uniform(west, east)), r6(rng.uniform(south, north))] for _ in range(args.reverse_n)]
    (out / "queries.json").write_text(json.dumps(queries))
    (out / "pairs.json").write_text(json.dumps(pairs))
    (out / "reverse-points.json").write_text(json.dumps(reverse))
    repo = Path(args.repo)
    shutil.copyfile(repo / "data" / "ukraine-10m.geojson", out / "ukraine-10m.geojson")
    shutil.copyfile(repo / "benches" / "data" / "front-line-10k.geojson", out / "front-line-10k.geojson")
    # The two layers strikemap bundles for its reverse look-up (the driver
    # checks that these copies are what it was built with).
    shutil.copyfile(repo / "data" / "regions-10m.geojson", out / "regions-10m.geojson")
    shutil.copyfile(repo / "data" / "countries-50m.geojson", out / "countries-50m.geojson")
    files = {}
    for name in [
        "queries.json",
        "pairs.json",
        "reverse-points.json",
        "ukraine-10m.geojson",
        "front-line-10k.geojson",
        "regions-10m.geojson",
        "countries-50m.geojson",
    ]:
        files[name] = hashlib.sha256((out / name).read_bytes()).hexdigest()
    manifest = {
        "seed": args.seed,
        "n_region": args.n,
        "queries": len(queries),
        "pairs": len(pairs),
        "reverse_points": len(reverse),
        "region": "uniform in 44–53 N, 22–41 E, then the five air bases " + ", ".join(n for n, _, _ in AIR_BASES),
        "pairs_from": "each regional query point to a point uniform in 40–70 N, 20–130 E",
        "reverse_from": f"uniform in {south:g}–{north:g} N, {west:g}–{east:g} E, drawn after the pairs",
        "sha256": files,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    print(
        f"data set: {len(queries)} query points, {len(pairs)} pairs, {len(reverse):,} reverse look-up points in {out}",
        file=sys.stderr,
    )


# ---------------------------------------------------------------- run


class Timer:
    def __init__(self, args):
        self.min_repeats = args.min_repeats
        self.min_time = args.min_time
        self.max_time = args.max_time
        self.warm_up = args.warm_up

    def run(self, inputs, one=None, batch=None):
        """Time `one(x)` for each input (or `batch(inputs)` once per pass).

        Returns (seconds per query for each pass, answers of the first pass)."""
        if batch is None:
            batch = lambda xs: [one(x) for x in xs]  # noqa: E731
        batch(inputs[: self.warm_up])
        per_query, answers = [], None
        started = time.perf_counter()
        while True:
            t = time.perf_counter()
            got = batch(inputs)
            per_query.append((time.perf_counter() - t) / len(inputs))
            if answers is None:
                answers = [float(v) for v in got]
            total = time.perf_counter() - started
            if (len(per_query) >= self.min_repeats and total >= self.min_time) or total >= self.max_time:
                return per_query, answers


    def passes(self, n, one_pass):
        """Time whole passes of `one_pass()` (one untimed pass first);
        returns (seconds per feature for each pass, n zeros)."""
        one_pass()
        per_feature = []
        started = time.perf_counter()
        while True:
            t = time.perf_counter()
            one_pass()
            per_feature.append((time.perf_counter() - t) / n)
            total = time.perf_counter() - started
            if (len(per_feature) >= self.min_repeats and total >= self.min_time) or total >= self.max_time:
                return per_feature, [0.0] * n

    def batches(self, inputs, batch):
        """Time `batch(inputs)`, one call on all inputs per pass (after one
        untimed call on the first --warm-up inputs); returns (seconds per
        input for each pass, what the first timed pass returned)."""
        batch(inputs[: self.warm_up])
        per_input, first = [], None
        started = time.perf_counter()
        while True:
            t = time.perf_counter()
            got = batch(inputs)
            per_input.append((time.perf_counter() - t) / len(inputs))
            if first is None:
                first = got
            total = time.perf_counter() - started
            if (len(per_input) >= self.min_repeats and total >= self.min_time) or total >= self.max_time:
                return per_input, first


def result(op, tool, measured, family, comparable=True, setup=None, note=""):
    per_query, answers = measured
    return {
        "op": op,
        "tool": tool,
        "family": family,
        "n": len(answers),
        "per_query_s": per_query,
        "answers_m": answers if comparable else None,
        "reference": False,
        "comparable": comparable,
        "setup_s": setup or {},
        "note": note,
    }


def label_result(op, tool, per_query, labels, family, setup=None, note=""):
    """A row whose answers are text labels (the reverse look-up)."""
    row = result(op, tool, (per_query, labels), family, comparable=False, setup=setup, note=note)
    row["labels"] = labels
    return row


def boundary_vertices(geometry):
    """Every vertex of every ring (closing repeats dropped) as (lons, lats)."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    lons, lats = [], []
    for poly in polys:
        for ring in poly:
            pts = ring[:-1] if ring[0] == ring[-1] else ring
            lons += [p[0] for p in pts]
            lats += [p[1] for p in pts]
    return lons, lats


def run(args):
    data = Path(args.data)
    queries = json.loads((data / "queries.json").read_text())
    pairs = json.loads((data / "pairs.json").read_text())
    ukraine = json.loads((data / "ukraine-10m.geojson").read_text())["features"][0]["geometry"]
    front = json.loads((data / "front-line-10k.geojson").read_text())["features"][0]["geometry"]
    timer = Timer(args)
    versions = {"Python": platform.python_version()}
    results, skipped = [], []

    def want(op):
        return op in args.only

    def skip(op, tool, why):
        if not want(op):
            return
        skipped.append({"op": op, "tool": tool, "why": why})
        print(f"  skipped {tool} ({op}): {why}", file=sys.stderr)

    def step(name):
        print(f"  python: {name}", file=sys.stderr, flush=True)

    try:
        import numpy as np

        versions["numpy"] = np.__version__
    except ImportError:
        np = None

    # --- pyproj: Geod.inv (PROJ's C port of GeographicLib's geodesic code)
    try:
        import pyproj
        from pyproj import Geod

        versions["pyproj"] = f"{pyproj.__version__} (PROJ {pyproj.proj_version_str})"
    except ImportError:
        pyproj = None
        for op, tool in [
            ("point-to-point", "pyproj Geod.inv"),
            ("point-to-ukraine", "pyproj Geod.inv to every vertex"),
            ("point-to-front-line", "pyproj Geod.inv to every vertex"),
        ]:
            skip(op, tool, "pyproj not installed")
    if pyproj is not None:
        geod = Geod(ellps="WGS84")
    if pyproj is not None and want("point-to-point"):
        step("pyproj Geod.inv, one call per pair")
        results.append(
            result(
                "point-to-point",
                "pyproj Geod.inv, one call per pair",
                timer.run(pairs, one=lambda p: geod.inv(p[0][0], p[0][1], p[1][0], p[1][1])[2]),
                "pyproj",
                note="WGS84, Karney's algorithm in C; Python call overhead per pair",
            )
        )
        if np is not None:
            lon1 = np.array([p[0][0] for p in pairs])
            lat1 = np.array([p[0][1] for p in pairs])
            lon2 = np.array([p[1][0] for p in pairs])
            lat2 = np.array([p[1][1] for p in pairs])
            step("pyproj Geod.inv, vectorised")
            results.append(
                result(
                    "point-to-point",
                    "pyproj Geod.inv, numpy arrays (one call for all pairs)",
                    timer.run(
                        list(range(len(pairs))),
                        batch=lambda idx: geod.inv(lon1[: len(idx)], lat1[: len(idx)], lon2[: len(idx)], lat2[: len(idx)])[2],
                    ),
                    "pyproj",
                    note="WGS84, Karney's algorithm in C, one vectorised call",
                )
            )

    # --- geographiclib (pure Python port of Karney's algorithm)
    if want("point-to-point"):
        try:
            import geographiclib
            from geographiclib.geodesic import Geodesic as GLGeodesic

            versions["geographiclib"] = geographiclib.__version__
            wgs84 = GLGeodesic.WGS84
            step("geographiclib Inverse")
            results.append(
                result(
                    "point-to-point",
                    "geographiclib (Python) Geodesic.WGS84.Inverse",
                    timer.run(pairs, one=lambda p: wgs84.Inverse(p[0][1], p[0][0], p[1][1], p[1][0], GLGeodesic.DISTANCE)["s12"]),
                    "geographiclib",
                    note="WGS84, Karney's algorithm in pure Python",
                )
            )
        except ImportError:
            skip("point-to-point", "geographiclib (Python)", "geographiclib not installed")

    # --- shapely: planar distance in lon/lat degrees; also the containment test for the pyproj scan
    try:
        import shapely
        from shapely.geometry import shape

        versions["shapely"] = f"{shapely.__version__} (GEOS {shapely.geos_version_string})"
    except ImportError:
        shapely = None
        for op in ("point-to-ukraine", "point-to-front-line"):
            skip(op, "shapely", "shapely not installed")
    if shapely is not None and np is None:
        shapely = None
        skip("point-to-ukraine", "shapely", "numpy not installed")
    if shapely is not None:
        ua_shape = shape(ukraine)
        front_shape = shape(front)
        shapely.prepare(ua_shape)
        shapely.prepare(front_shape)
        qlon = np.array([q[0] for q in queries])
        qlat = np.array([q[1] for q in queries])
        qpts = shapely.points(qlon, qlat)
        for op, geom in [("point-to-ukraine", ua_shape), ("point-to-front-line", front_shape)]:
            if not want(op):
                continue
            step(f"shapely planar {op}")
            results.append(
                result(
                    op,
                    "shapely distance, planar lon/lat (vectorised)",
                    timer.run(list(range(len(queries))), batch=lambda idx, g=geom: shapely.distance(g, qpts[: len(idx)])),
                    "shapely",
                    comparable=False,
                    note="planar degrees, not comparable in accuracy (a degree of longitude is 111 km at the equator, 70 km at 51 N)",
                )
            )

        # --- geodesic-correct baseline with pyproj: Geod.inv to every vertex (numpy), shapely for "inside"
        if pyproj is not None:
            for op, geom, gj, contains in [
                ("point-to-ukraine", ua_shape, ukraine, True),
                ("point-to-front-line", front_shape, front, False),
            ]:
                if not want(op):
                    continue
                if gj["type"] in ("Polygon", "MultiPolygon"):
                    vlon, vlat = boundary_vertices(gj)
                else:
                    vlon, vlat = [c[0] for c in gj["coordinates"]], [c[1] for c in gj["coordinates"]]
                vlon, vlat = np.array(vlon), np.array(vlat)
                blon, blat = np.empty_like(vlon), np.empty_like(vlat)

                def scan(q, vlon=vlon, vlat=vlat, blon=blon, blat=blat, geom=geom, contains=contains):
                    if contains and shapely.contains_xy(geom, q[0], q[1]):
                        return 0.0
                    blon.fill(q[0])
                    blat.fill(q[1])
                    return float(np.min(geod.inv(blon, blat, vlon, vlat)[2]))

                step(f"pyproj vertex scan {op}")
                results.append(
                    result(
                        op,
                        "pyproj Geod.inv to every vertex (numpy)" + (" + shapely contains" if contains else ""),
                        timer.run(queries, one=scan),
                        "pyproj",
                        note=f"WGS84 exact to the nearest vertex ({len(vlon)} vertices), so too long where the nearest point lies mid-edge"
                        + ("; inside tested in planar lon/lat" if contains else ""),
                    )
                )

        # --- near-exact with pyproj + shapely: an azimuthal equidistant projection
        # centred on each query keeps distances from the query exact; edges
        # become slightly curved there, so the answer is near-exact, not exact.
        if pyproj is not None:
            from pyproj import Transformer

            for op, geom, contains in [("point-to-ukraine", ua_shape, True), ("point-to-front-line", front_shape, False)]:
                if not want(op):
                    continue
                coords = shapely.get_coordinates(geom)
                gx, gy = coords[:, 0].copy(), coords[:, 1].copy()
                origin = shapely.Point(0.0, 0.0)

                def aeqd(q, geom=geom, gx=gx, gy=gy, contains=contains, origin=origin):
                    if contains and shapely.contains_xy(geom, q[0], q[1]):
                        return 0.0
                    t = Transformer.from_pipeline(
                        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
                        f"+step +proj=aeqd +lat_0={q[1]} +lon_0={q[0]} +ellps=WGS84"
                    )
                    x, y = t.transform(gx, gy)
                    return shapely.distance(shapely.set_coordinates(geom, np.column_stack([x, y])), origin)

                step(f"pyproj AEQD per query {op}")
                results.append(
                    result(
                        op,
                        "pyproj azimuthal equidistant centred on each query + shapely distance"
                        + (" (+ contains)" if contains else ""),
                        timer.run(queries, one=aeqd),
                        "pyproj",
                        note="the careful Python way: distances from the centre are exact on WGS84, edges straight in the projection instead of geodesic, so near-exact"
                        + ("; inside tested in planar lon/lat" if contains else ""),
                    )
                )

    # --- geopandas: project to UTM 36N (EPSG:32636) and measure planar metres
    try:
        import geopandas as gpd

        versions["geopandas"] = gpd.__version__
    except ImportError:
        gpd = None
        skip("point-to-ukraine", "geopandas (projected CRS)", "geopandas not installed")
    if gpd is not None and shapely is not None:
        crs = "EPSG:32636"
        t = time.perf_counter()
        ua_utm = gpd.GeoSeries([shape(ukraine)], crs="EPSG:4326").to_crs(crs).iloc[0]
        front_utm = gpd.GeoSeries([shape(front)], crs="EPSG:4326").to_crs(crs).iloc[0]
        setup = {"project both boundaries to UTM 36N": time.perf_counter() - t}
        qlon = np.array([q[0] for q in queries])
        qlat = np.array([q[1] for q in queries])

        def projected(idx, target):
            pts = gpd.GeoSeries.from_xy(qlon[: len(idx)], qlat[: len(idx)], crs="EPSG:4326").to_crs(crs)
            return pts.distance(target).to_numpy()

        for op, target in [("point-to-ukraine", ua_utm), ("point-to-front-line", front_utm)]:
            if not want(op):
                continue
            step(f"geopandas UTM 36N {op}")
            results.append(
                result(
                    op,
                    "geopandas to_crs(UTM 36N) + distance (vectorised)",
                    timer.run(list(range(len(queries))), batch=lambda idx, t=target: projected(idx, t)),
                    "geopandas",
                    setup=setup if op == "point-to-ukraine" else None,
                    note="planar metres in EPSG:32636 (points projected inside the timed pass); accurate near 33 E, far off outside the zone",
                )
            )

    # --- GeoJSON export: the standard library's json, and geopandas (GDAL)
    def export_json(path):
        features = []
        for i in range(EXPORT_FEATURES):
            lon, lat = queries[i % len(queries)]
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "id": f"strike/ev-{i}",
                    "properties": export_properties(i),
                }
            )
        with open(path, "w") as f:
            json.dump({"type": "FeatureCollection", "features": features}, f)

    def time_export(tool, family, write, path, note):
        """Times `write(path)` over whole passes; the row names the file."""
        if not want("geojson-export"):
            return
        step(f"{tool} export")
        path.unlink(missing_ok=True)
        measured = timer.passes(EXPORT_FEATURES, lambda: write(path))
        row = result("geojson-export", tool, measured, family, comparable=False, note=note)
        row["output"] = str(path)
        results.append(row)

    time_export(
        "Python json.dump (standard library)",
        "python",
        export_json,
        data / "export-python-json.geojson",
        "a dict per feature, then one json.dump of the collection (it is all in memory first)",
    )

    if gpd is not None and shapely is not None:
        try:
            import pyogrio

            versions["pyogrio"] = f"{pyogrio.__version__} (GDAL {pyogrio.__gdal_version_string__})"
            engine = "pyogrio"
        except ImportError:
            engine = None

        def export_geopandas(path):
            rows = []
            for i in range(EXPORT_FEATURES):
                props = export_properties(i)
                props["counts"] = json.dumps(props["counts"])  # GDAL has no list-of-object fields
                props["id"] = f"strike/ev-{i}"
                rows.append(props)
            lon = [queries[i % len(queries)][0] for i in range(EXPORT_FEATURES)]
            lat = [queries[i % len(queries)][1] for i in range(EXPORT_FEATURES)]
            gdf = gpd.GeoDataFrame(rows, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
            # ID_FIELD: GDAL's GeoJSON driver writes that column as the feature id.
            gdf.to_file(path, driver="GeoJSON", ID_FIELD="id", **({"engine": engine} if engine else {}))

        time_export(
            "geopandas GeoDataFrame.to_file (GDAL GeoJSON driver)",
            "geopandas",
            export_geopandas,
            data / "export-geopandas.geojson",
            "a data frame of the properties, written by GDAL (counts given as JSON text, the id column as the feature id)",
        )
    else:
        skip("geojson-export", "geopandas to_file", "geopandas or shapely not installed")

    # --- GeoParquet export: geopandas to_parquet of the same million rows
    if want("parquet-export"):
        if gpd is None or np is None:
            skip("parquet-export", "geopandas to_parquet", "geopandas or numpy not installed")
        else:
            import datetime

            import pyarrow

            versions["pyarrow"] = pyarrow.__version__
            step(f"geopandas to_parquet, building the frame of {PARQUET_ROWS:,} rows")
            t0 = time.perf_counter()
            i = np.arange(PARQUET_ROWS)
            days = [datetime.date(2025, 6, d) for d in range(1, 29)]
            q = np.array(queries)
            frame = gpd.GeoDataFrame(
                {
                    "event_id": [f"EV{k:07d}" for k in range(PARQUET_ROWS)],
                    "event_date": [days[k % 28] for k in range(PARQUET_ROWS)],
                    "fatalities": (i % 7).astype("int64"),
                    "notes": [f"synthetic event {k}" for k in range(PARQUET_ROWS)],
                    "distance_km": (i % 1000) * 0.5 + 0.25,
                    "inside": i % 3 == 0,
                },
                geometry=gpd.points_from_xy(q[i % len(q), 0], q[i % len(q), 1]),
                crs="OGC:CRS84",
            )
            built = time.perf_counter() - t0
            path = data / "export-geopandas.parquet"
            step("geopandas to_parquet export")

            def write():
                frame.to_parquet(path, schema_version="1.1.0", write_covering_bbox=True)

            measured = timer.passes(PARQUET_ROWS, write)
            row = result(
                "parquet-export",
                "geopandas GeoDataFrame.to_parquet (pyarrow)",
                measured,
                "geopandas",
                comparable=False,
                setup={"build the GeoDataFrame of the rows (not in the time)": built},
                note="the frame built once beforehand (columns as numpy arrays and lists), then to_parquet "
                "(GeoParquet 1.1.0, write_covering_bbox=True, snappy)",
            )
            row["output"] = str(path)
            # Compared here, where pyarrow is (the report runs on the host's
            # Python): the driver wrote strikemap's file before this step.
            row["check"] = parquet_check(data / "export-strikemap.parquet", path)
            results.append(row)

    # --- reverse look-up: geopandas sjoin against the two layers strikemap bundles
    if want("reverse-lookup"):
        if gpd is None or np is None:
            skip("reverse-lookup", "geopandas sjoin", "geopandas or numpy not installed")
        else:
            results.append(reverse_lookup(data, timer, gpd, np, step))

    print(json.dumps({"runner": "python peers", "versions": versions, "skipped": skipped, "results": results}))


def reverse_lookup(data, timer, gpd, np, step):
    """geopandas.sjoin(points, layer, predicate="within") for the regions and
    for the countries, one answer per point, combined as strikemap's
    `regions::locate` combines its two layers."""
    step("geopandas read the regions and countries")
    points = json.loads((data / "reverse-points.json").read_text())
    t = time.perf_counter()
    regions = gpd.read_file(data / "regions-10m.geojson", columns=["code", "country"])
    countries = gpd.read_file(data / "countries-50m.geojson", columns=["iso_a2"])
    read_s = time.perf_counter() - t
    t = time.perf_counter()
    lon = np.array([p[0] for p in points])
    lat = np.array([p[1] for p in points])
    geometry = gpd.points_from_xy(lon, lat, crs="EPSG:4326")
    points_s = time.perf_counter() - t
    region_code = regions["code"].to_numpy(dtype=object)
    region_cc = regions["country"].fillna("").to_numpy(dtype=object)
    country_cc = countries["iso_a2"].fillna("").to_numpy(dtype=object)
    bundled_cc = np.array(sorted(set(country_cc) - {""}), dtype=object)

    def first_match(pts, layer):
        """For each point, the row of the first feature (in file order) it
        lies within, or -1. sjoin's "within" lists a point's matches in
        feature order, as strikemap returns the first of them."""
        joined = gpd.sjoin(pts, layer, predicate="within", how="inner")
        joined = joined[~joined.index.duplicated(keep="first")]
        first = np.full(len(pts), -1, dtype=np.intp)
        first[joined.index.to_numpy()] = joined["index_right"].to_numpy()
        return first

    def locate(idx):
        n = len(idx)
        # A fresh frame every pass: geopandas caches the STRtree on the points'
        # array (sjoin "within" builds it over the left frame, the points, and
        # queries it with each polygon), so each pass pays for building it,
        # once, shared by the two joins, as a user's script would.
        pts = gpd.GeoDataFrame(geometry=geometry[:n].copy(), crs="EPSG:4326")
        r = first_match(pts, regions)
        c = first_match(pts, countries)
        cc = np.where(c >= 0, country_cc[np.maximum(c, 0)], "")
        rcc = np.where(r >= 0, region_cc[np.maximum(r, 0)], "")
        code = np.where(r >= 0, region_code[np.maximum(r, 0)], "")
        # strikemap's rule: inside a country, a region of another country is
        # dropped; outside every country, the region's country is the answer
        # (if it is a bundled country).
        code = np.where((c >= 0) & (rcc != cc), "", code)
        cc = np.where((c < 0) & np.isin(rcc, bundled_cc), rcc, cc)
        return cc, code

    step(f"geopandas sjoin, reverse look-up of {len(points):,} points")
    per_point, (cc, code) = timer.batches(list(range(len(points))), locate)
    labels = [f"{a}/{b}" for a, b in zip(cc.tolist(), code.tolist())]
    return label_result(
        "reverse-lookup",
        "geopandas sjoin (country + region)",
        per_point,
        labels,
        "geopandas",
        setup={
            f"read both layers (read_file, {len(regions):,} regions, {len(countries):,} countries)": read_s,
            f"build {len(points):,} shapely points (points_from_xy)": points_s,
        },
        note="two sjoin(predicate='within') calls on all points, one per layer, planar lon/lat edges; "
        "each timed pass builds the STRtree over the points (sjoin's within builds it on the left frame), "
        "as a user pays it; the first match in file order per point; then strikemap's rule for combining the layers "
        "(a region of another country than the point's is dropped; outside every country, the region's country)",
    )


# ---------------------------------------------------------------- report


def fmt_time(s):
    if s < 1e-6:
        return f"{s * 1e9:.0f} ns"
    if s < 1e-3:
        return f"{s * 1e6:.3g} µs"
    if s < 1:
        return f"{s * 1e3:.3g} ms"
    return f"{s:.3g} s"


def fmt_ratio(r):
    if r is None:
        return ""
    if r >= 10:
        return f"{r:,.0f}×"
    return f"{r:.2f}×"


def fmt_m(m):
    if m == 0:
        return "0 m"
    if m < 1e-3:
        return f"{m * 1e9:.3g} nm"
    if m < 1:
        return f"{m * 1e3:.3g} mm"
    if m < 1000:
        return f"{m:.3g} m"
    return f"{m / 1000:,.3g} km"


def fmt_pct(p):
    if p == 0:
        return "0 %"
    if p < 1e-6:
        return "< 1e-6 %"
    if p < 0.01:
        return f"{p:.1e} %"
    if p >= 100:
        return f"{p:,.0f} %"
    return f"{p:.3g} %"


def errors(answers, reference):
    """Differences from the reference answers.

    Returns (max |Δ| m over all queries, max |Δ| % over queries with a
    reference distance > 0, median |Δ| m and median |Δ| % over those queries,
    how many queries one side puts inside (0) and the other not)."""
    diffs = [abs(a - r) for a, r in zip(answers, reference)]
    outside = [(abs(a - r), abs(a - r) / r * 100) for a, r in zip(answers, reference) if r > 0]
    flips = sum(1 for a, r in zip(answers, reference) if (a == 0) != (r == 0))
    return (
        max(diffs),
        max(p for _, p in outside) if outside else 0.0,
        statistics.median(m for m, _ in outside) if outside else 0.0,
        statistics.median(p for _, p in outside) if outside else 0.0,
        flips,
    )


def export_check(ref_path, path):
    """How the features of an exported file differ from strikemap's."""
    try:
        ref = json.loads(Path(ref_path).read_text())["features"]
        got = json.loads(Path(path).read_text())["features"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        return f"unreadable ({e})"
    if len(ref) != len(got):
        return f"{len(got):,} features, strikemap {len(ref):,}"
    ids = coords = 0
    keys = set()
    for a, b in zip(ref, got):
        ids += a.get("id") != b.get("id")
        coords += a["geometry"]["coordinates"] != (b.get("geometry") or {}).get("coordinates")
        pa, pb = a.get("properties") or {}, b.get("properties") or {}
        keys.update(k for k in set(pa) | set(pb) if pa.get(k) != pb.get(k))
    if not ids and not coords and not keys:
        return "the same features"
    parts = []
    if ids:
        parts.append(f"id differs in {ids:,}")
    if coords:
        parts.append(f"coordinates differ in {coords:,}")
    if keys:
        parts.append("properties differ: " + ", ".join(sorted(keys)))
    return "; ".join(parts)


def parquet_check(ref_path, path):
    """How the rows of a GeoParquet file differ from strikemap's."""
    try:
        import pyarrow.parquet as pq
        import shapely

        ref, got = pq.read_table(ref_path), pq.read_table(path)
    except Exception as e:  # noqa: BLE001 (any reader failure is reported in the table)
        return f"unreadable ({e})"
    if ref.num_rows != got.num_rows:
        return f"{got.num_rows:,} rows, strikemap {ref.num_rows:,}"
    import pyarrow

    def same_type(a, b):
        # string and large_string differ only in their offsets' width.
        text = (pyarrow.types.is_string, pyarrow.types.is_large_string)
        return a == b or (any(t(a) for t in text) and any(t(b) for t in text))

    differs = []
    for name in ["event_id", "event_date", "fatalities", "notes", "distance_km", "inside"]:
        if name not in got.column_names:
            differs.append(f"no {name}")
            continue
        a, b = ref.column(name), got.column(name)
        if not same_type(a.type, b.type):
            differs.append(f"{name} is {b.type}, strikemap {a.type}")
        elif not a.cast(b.type).equals(b):
            differs.append(f"{name} values")
    a = shapely.from_wkb(ref.column("geometry").to_numpy(zero_copy_only=False))
    b = shapely.from_wkb(got.column("geometry").to_numpy(zero_copy_only=False))
    if not all(shapely.equals_exact(a, b, 0.0)):
        differs.append("geometry")
    return "the same rows and types" if not differs else "; ".join(differs)


def fmt_agreement(labels, ref_labels):
    """The table's two cells for a reverse look-up row: agreement with the
    reference labels, and which part differs."""
    n = len(ref_labels)
    if len(labels) != n:
        return f"{len(labels):,} answers, strikemap {n:,}", ""
    differ = country = region = 0
    for a, b in zip(labels, ref_labels):
        if a != b:
            differ += 1
            (ca, ra), (cb, rb) = a.split("/", 1), b.split("/", 1)
            country += ca != cb
            region += ra != rb
    if not differ:
        return "the same labels (100 %)", ""
    pct = 100.0 * (n - differ) / n
    return (
        f"agreement {pct:.3f} % ({differ:,} of {n:,} points differ)",
        f"country differs at {country:,}, region at {region:,}",
    )


# Why two reverse look-ups differ at a point: the nearest border edge of the
# features either answer names, and how far a straight lon/lat edge and the
# geodesic through the same two vertices lie apart at its middle.
EARTH_R = 6_371_008.8
M_PER_DEG = EARTH_R * math.pi / 180


def _rings(geometry):
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [ring for poly in polys for ring in poly]


class _EdgeGrid:
    """A feature's boundary edges binned in CELL-degree cells (built lazily,
    for the few features the differing points name)."""

    CELL = 0.05

    def __init__(self, geometry):
        self.edges = []
        self.cells = {}
        for ring in _rings(geometry):
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                k = len(self.edges)
                self.edges.append((x1, y1, x2, y2))
                for cx in range(math.floor(min(x1, x2) / self.CELL), math.floor(max(x1, x2) / self.CELL) + 1):
                    for cy in range(math.floor(min(y1, y2) / self.CELL), math.floor(max(y1, y2) / self.CELL) + 1):
                        self.cells.setdefault((cx, cy), []).append(k)

    def nearest(self, lon, lat):
        """(metres, edge) to the nearest edge, in a plane tangent at the point."""
        cx, cy = math.floor(lon / self.CELL), math.floor(lat / self.CELL)
        near = {k for dx in (-1, 0, 1) for dy in (-1, 0, 1) for k in self.cells.get((cx + dx, cy + dy), ())}
        best = _nearest_edge(lon, lat, (self.edges[k] for k in near))
        # An edge found in the 3x3 cells is surely the nearest if it is nearer
        # than one cell's height; otherwise scan them all.
        if best[0] > self.CELL * math.cos(math.radians(lat)) * M_PER_DEG * 0.9:
            best = _nearest_edge(lon, lat, self.edges)
        return best


def _nearest_edge(lon, lat, edges):
    kx = math.cos(math.radians(lat)) * M_PER_DEG
    best = (math.inf, None)
    for e in edges:
        x1, y1, x2, y2 = (e[0] - lon) * kx, (e[1] - lat) * M_PER_DEG, (e[2] - lon) * kx, (e[3] - lat) * M_PER_DEG
        dx, dy = x2 - x1, y2 - y1
        ll = dx * dx + dy * dy
        t = 0.0 if ll == 0 else max(0.0, min(1.0, -(x1 * dx + y1 * dy) / ll))
        d = math.hypot(x1 + t * dx, y1 + t * dy)
        if d < best[0]:
            best = (d, e)
    return best


def _straight_vs_geodesic_m(edge):
    """How far apart the straight lon/lat edge and the great circle through
    its ends are at the edge's middle, in metres (the ellipsoid's geodesic
    lies within a few per cent of the great circle at these lengths)."""
    x1, y1, x2, y2 = edge
    v = [0.0, 0.0, 0.0]
    for lon, lat in ((x1, y1), (x2, y2)):
        la, lo = math.radians(lat), math.radians(lon)
        v[0] += math.cos(la) * math.cos(lo)
        v[1] += math.cos(la) * math.sin(lo)
        v[2] += math.sin(la)
    glat = math.degrees(math.atan2(v[2], math.hypot(v[0], v[1])))
    glon = math.degrees(math.atan2(v[1], v[0]))
    mlon, mlat = (x1 + x2) / 2, (y1 + y2) / 2
    return math.hypot((glon - mlon) * math.cos(math.radians(mlat)) * M_PER_DEG, (glat - mlat) * M_PER_DEG)


def reverse_differences(labels, ref_labels, data, limit=5000):
    """Sorts the points where `labels` differ from the reference into causes.

    Returns a dict of counts and examples, or None without the data set."""
    data = Path(data) if data else None
    if not data or not (data / "reverse-points.json").exists() or not (data / "regions-10m.geojson").exists():
        return None
    differ = [i for i, (a, b) in enumerate(zip(labels, ref_labels)) if a != b]
    if not differ:
        return {"differ": 0}
    points = json.loads((data / "reverse-points.json").read_text())
    layers = {}
    for name, key in (("regions-10m.geojson", "code"), ("countries-50m.geojson", "iso_a2")):
        for f in json.loads((data / name).read_text())["features"]:
            k = (f.get("properties") or {}).get(key)
            if k and (name, k) not in layers:
                layers[(name, k)] = f["geometry"]
    # Every vertex's latitudes by its exact longitude: a point on the
    # meridian of a vertex north of it is where a crossing count along the
    # meridian is at its most delicate.
    (south, north), (west, east) = REVERSE_LAT, REVERSE_LON
    vertex_lats = {}
    for geometry in layers.values():
        for ring in _rings(geometry):
            for lon, lat in ring:
                if west <= lon <= east and lat >= south:
                    vertex_lats.setdefault(lon, []).append(lat)
    grids = {}
    out = {"differ": len(differ), "analysed": min(len(differ), limit), "meridian": 0, "meridian_far": 0, "gap": 0, "border": 0, "other": 0}
    out["hist"] = {"< 1 m": 0, "1–10 m": 0, "10–100 m": 0, "100 m–1 km": 0, "≥ 1 km": 0}
    out["gap_max_d_m"] = 0.0
    out["meridian_examples"], out["other_examples"] = [], []
    for i in differ[:limit]:
        lon, lat = points[i]
        a, b = labels[i], ref_labels[i]
        (ca, ra), (cb, rb) = a.split("/", 1), b.split("/", 1)
        keys = [("regions-10m.geojson", r) for r in {ra, rb} if r] + [("countries-50m.geojson", c) for c in {ca, cb} if c]
        # Per feature: the nearest edge, and whether the point lies within that
        # edge's straight-vs-geodesic gap (it can be a farther feature's edge).
        d, gap, explained = math.inf, 0.0, math.inf
        for key in keys:
            if key in layers:
                if key not in grids:
                    grids[key] = _EdgeGrid(layers[key])
                df, edge = grids[key].nearest(lon, lat)
                gf = _straight_vs_geodesic_m(edge) if edge else 0.0
                if df <= gf:
                    explained = min(explained, df)
                if df < d:
                    d, gap = df, gf
        example = f"{lat:.6f} N {lon:.6f} E: strikemap {b}, here {a}, {fmt_m(d)} from the nearest border"
        if any(v > lat for v in vertex_lats.get(lon, ())):
            out["meridian"] += 1
            out["meridian_far"] += explained == math.inf and d >= 1
            if len(out["meridian_examples"]) < 5:
                out["meridian_examples"].append(example)
            continue
        for bound, name in ((1, "< 1 m"), (10, "1–10 m"), (100, "10–100 m"), (1000, "100 m–1 km"), (math.inf, "≥ 1 km")):
            if d < bound:
                out["hist"][name] += 1
                break
        if explained < math.inf:
            out["gap"] += 1
            out["gap_max_d_m"] = max(out["gap_max_d_m"], explained)
        elif d < 1:
            out["border"] += 1
        else:
            out["other"] += 1
            if len(out["other_examples"]) < 5:
                out["other_examples"].append(example + f" (edge gap {fmt_m(gap)})")
    return out


def machine():
    info = {"cores (nproc)": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count())}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["CPU"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        info["CPU"] = platform.processor() or "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory"] = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    os_name = platform.system()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    info["OS"] = f"{os_name}, kernel {platform.release()}"
    return info


def report(args):
    runs = []
    for path in args.results:
        text = Path(path).read_text().strip()
        if text:
            runs.append(json.loads(text))
    meta = dict(kv.split("=", 1) for kv in args.meta)
    manifest = json.loads(Path(args.data, "manifest.json").read_text()) if args.data else {}
    edges = {}
    for name in ["ukraine-10m.geojson", "front-line-10k.geojson"]:
        if args.data and Path(args.data, name).exists():
            g = json.loads(Path(args.data, name).read_text())["features"][0]["geometry"]
            lines = {"LineString": [g["coordinates"]], "MultiLineString": g["coordinates"], "Polygon": g["coordinates"]}.get(g["type"])
            if lines is None:
                lines = [ring for poly in g["coordinates"] for ring in poly]
            edges[name] = sum(len(line) - 1 for line in lines)
    results = [r for run in runs for r in run.get("results", [])]
    skipped = [s for run in runs for s in run.get("skipped", [])]
    versions = {}
    for run in runs:
        versions.update(run.get("versions", {}))

    lines = []
    w = lines.append
    w("# strikemap compared with Turf, pyproj/GeographicLib and shapely/geopandas")
    w("")
    w(f"Generated by `{meta.get('command', 'benches/compare/run.sh')}` on {meta.get('date', '?')}. "
      "Rerun it to get numbers for your machine (see `benches/compare/README.md`).")
    w("")
    present = {r["op"] for r in results}
    num = lambda k: f"{manifest[k]:,}" if isinstance(manifest.get(k), int) else "?"  # noqa: E731
    if present - {"reverse-lookup"}:
        w(f"Data set: {num('queries')} query points ({num('n_region')} uniform in 44–53 N, 22–41 E "
          f"plus the five air bases of 1 June 2025: Olenya, Belaya, Dyagilevo, Ivanovo Severny, Ukrainka), "
          f"{num('pairs')} point pairs (each regional point to a point in 40–70 N, 20–130 E), seed {manifest.get('seed', '?')}; "
          f"Ukraine at 1:10m (`data/ukraine-10m.geojson`, {edges.get('ukraine-10m.geojson', '?'):,} edges) and the synthetic "
          f"10,000-vertex front line (`benches/data/front-line-10k.geojson`, {edges.get('front-line-10k.geojson', '?'):,} edges).")
        w("")
        w("Every tool runs single-threaded, one query after another, on the same points. *Time per query* is the median over timed "
          "passes of (pass time ÷ queries); *ratio* is that time ÷ strikemap's (prepared) time for the same operation; "
          "*error* is |answer − strikemap's answer| in metres and in % of strikemap's distance: the largest over all queries "
          "(the % over those outside Ukraine), and the median over the queries that strikemap puts outside Ukraine "
          "(every query, for points and the front line), since inside both answers are 0.")
        w("")
    if "geojson-export" in present:
        w(f"GeoJSON export: each tool writes the query points, repeated to {EXPORT_FEATURES:,} drone-strike features with "
          "the same id and properties as strikemap's (dates, a timestamp, a claimed count, a source, simplestyle colours), "
          "as one FeatureCollection to a file; the time is per feature, building the features included, and the error "
          "column says how the file differs from strikemap's.")
        w("")
    if "parquet-export" in present:
        w(f"GeoParquet export: each tool writes the query points, repeated to {PARQUET_ROWS:,} event rows (an id, a date, "
          "an integer, a text, a float and a boolean column, a point geometry) as GeoParquet 1.1 with a bbox covering "
          "column, snappy-compressed, to a file; the time is per row. strikemap's time includes building each row (a JSON "
          "object, as `GeoParquetWriter::write_point` takes it); geopandas's frame is built once beforehand (its one-off "
          "cost is listed below). The error column compares the files' rows, column types and geometries with pyarrow.")
        w("")
    if "reverse-lookup" in present:
        counts = ""
        if args.data and Path(args.data, "regions-10m.geojson").exists():
            nr = len(json.loads(Path(args.data, "regions-10m.geojson").read_text())["features"])
            nc = len(json.loads(Path(args.data, "countries-50m.geojson").read_text())["features"])
            counts = f", {nr:,} regions and {nc:,} countries"
        (south, north), (west, east) = REVERSE_LAT, REVERSE_LON
        w(f"Reverse look-up: {num('reverse_points')} points uniform in {south:g}–{north:g} N, {west:g}–{east:g} E "
          f"(seed {manifest.get('seed', '?')}), each to its country and admin-1 region in the two layers strikemap bundles "
          f"(`data/countries-50m.geojson` and `data/regions-10m.geojson`{counts}). It is a batch operation: each pass is one "
          "call on all the points, and the time per point is the pass's time ÷ the points. strikemap on one rayon thread "
          "is the reference, as every other tool is single-threaded; its row on rayon's default pool shows what all the "
          "cores give. The answers are labels \"country/region\" (ISO 3166-1 alpha-2 / ISO 3166-2, either part empty "
          "where there is none); *agreement* is the share of points whose label is strikemap's, given in the error columns "
          "with which part of the label differs.")
        w("")
    ua_ref = next((r for r in results if r["op"] == "point-to-ukraine" and r.get("reference")), None)
    if ua_ref:
        inside = sum(1 for d in ua_ref["answers_m"] if d == 0)
        w(f"{inside:,} of the {len(ua_ref['answers_m']):,} query points lie inside Ukraine (distance 0): cheap for a containment "
          "test, while Turf's pointToPolygonDistance measures to the boundary for them too (a negative distance).")
        w("")
    w("| operation | tool | time per query (median) | ratio vs strikemap | max \\|error\\| vs strikemap | median \\|error\\| (outside) | queries × passes |")
    w("| --- | --- | --- | --- | --- | --- | --- |")
    for op, title in OPS:
        rows = [r for r in results if r["op"] == op]
        if not rows:
            continue
        ref = next((r for r in rows if r.get("reference")), None)
        ref_t = statistics.median(ref["per_query_s"]) if ref else None
        rows.sort(key=lambda r: (not r.get("reference"), r["family"] != "strikemap", statistics.median(r["per_query_s"])))
        for r in rows:
            t = statistics.median(r["per_query_s"])
            ratio = t / ref_t if ref_t else None
            if op == "reverse-lookup":
                if r.get("reference"):
                    err_max, err_med = "reference", "reference"
                elif ref is None or r.get("labels") is None or ref.get("labels") is None:
                    err_max, err_med = "no reference", ""
                else:
                    err_max, err_med = fmt_agreement(r["labels"], ref["labels"])
            elif op == "geojson-export":
                err_max = "reference" if r.get("reference") else (
                    export_check(ref["output"], r["output"]) if ref and r.get("output") else "no reference")
                err_med = ""
            elif op == "parquet-export":
                err_max = "reference" if r.get("reference") else (
                    r.get("check") or (parquet_check(ref["output"], r["output"]) if ref and r.get("output") else "no reference"))
                err_med = ""
            elif r.get("reference"):
                err_max, err_med = "reference", "reference"
            elif not r["comparable"] or r["answers_m"] is None:
                err_max, err_med = "not comparable (planar degrees)", ""
            elif ref is None:
                err_max, err_med = "no reference", ""
            else:
                mx, mxp, md, mdp, flips = errors(r["answers_m"], ref["answers_m"])
                err_max, err_med = f"{fmt_m(mx)} / {fmt_pct(mxp)}", f"{fmt_m(md)} / {fmt_pct(mdp)}"
                if flips:
                    err_max += f"; inside/outside differs at {flips} points"
            w(f"| {title} | {r['tool']} | {fmt_time(t)} | {fmt_ratio(ratio)} | {err_max} | {err_med} | {r['n']:,} × {len(r['per_query_s'])} |")
    w("")
    reverse_rows = [r for r in results if r["op"] == "reverse-lookup" and r.get("labels") is not None]
    reverse_ref = next((r for r in reverse_rows if r.get("reference")), None)
    for r in reverse_rows if reverse_ref else []:
        if r is reverse_ref or r["labels"] == reverse_ref["labels"]:
            continue
        why = reverse_differences(r["labels"], reverse_ref["labels"], args.data)
        if not why:
            continue
        w(f"Reverse look-up, where **{r['tool']}** and strikemap differ: {why['differ']:,} points"
          + (f" (the first {why['analysed']:,} sorted here)" if why["analysed"] < why["differ"] else "")
          + ". For each, the nearest border edge of the regions and countries either answer names, measured in a plane "
          "tangent at the point:")
        w("")
        w(f"- on the meridian of a boundary vertex north of them (the same longitude to the last digit), where a crossing "
          f"count along the meridian (strikemap's containment test) has to treat the vertex exactly: {why['meridian']:,}"
          + (f", of which {why['meridian_far']:,} lie farther from every border of either answer than its straight and "
             "geodesic edges lie apart, where the answer is not in doubt and strikemap's is the wrong one; for example "
             + "; ".join(why["meridian_examples"][:3]) if why["meridian"] else ""))
        w(f"- between a straight lon/lat edge and the geodesic through the same two vertices (nearer the straight edge than "
          "the two lie apart at the edge's middle: planar edges for this tool, geodesic ones for strikemap): "
          f"{why['gap']:,}" + (f", the farthest {fmt_m(why['gap_max_d_m'])} from the straight edge" if why["gap"] else ""))
        w(f"- on a border (within 1 m) with no such gap there (a point on the boundary is in no polygon for sjoin's "
          f"\"within\", in the first one for strikemap): {why['border']:,}")
        w(f"- none of these: {why['other']:,}"
          + ("; " + "; ".join(why["other_examples"]) if why["other_examples"] else ""))
        hist = ", ".join(f"{k}: {v:,}" for k, v in why["hist"].items())
        w(f"- distance to that border, for all but the first group: {hist}")
        w("")
    setups = [(r["op"], r["tool"], k, v) for r in results for k, v in r.get("setup_s", {}).items()]
    if setups:
        w("One-off costs, not in the times above:")
        w("")
        for op, tool, what, s in setups:
            w(f"- {tool} ({op}): {what} {fmt_time(s)}")
        w("")
    w("Notes per tool:")
    w("")
    seen = set()
    for r in results:
        key = (r["tool"], r["note"])
        if r["note"] and key not in seen:
            seen.add(key)
            w(f"- **{r['tool']}** ({r['op']}): {r['note']}")
    if skipped:
        w("")
        w("Skipped (not installed here; `run.sh --install` installs the pinned versions):")
        w("")
        for s in skipped:
            w(f"- {s['tool']} ({s['op']}): {s['why']}")
    w("")
    w("## Machine")
    w("")
    for k, v in machine().items():
        w(f"- {k}: {v}")
    for k, v in meta.items():
        if k.startswith("load average"):
            w(f"- {k}: {v}")
    w("")
    w("## Versions")
    w("")
    for k in ["strikemap", "rustc"]:
        if k in meta:
            w(f"- {k}: {meta[k]}")
    for k, v in versions.items():
        w(f"- {k}: {v}")
    w("")
    text = "\n".join(lines)
    print(text)
    if args.write:
        Path(args.write).write_text(text)
        print(f"\nwrote {args.write}", file=sys.stderr)


# ---------------------------------------------------------------- main


def only_ops(text):
    ops = [op for op in text.split(",") if op]
    unknown = [op for op in ops if op not in OP_IDS]
    if unknown or not ops:
        raise argparse.ArgumentTypeError(f"unknown operation {', '.join(unknown) or '(none)'}; known: {', '.join(OP_IDS)}")
    return ops


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("gen", help="write the data set")
    g.add_argument("--out", required=True)
    g.add_argument("--repo", required=True, help="the strikemap checkout (for the two GeoJSON files)")
    g.add_argument("--n", type=int, default=2000, help="regional query points (the five air bases are added)")
    g.add_argument("--reverse-n", type=int, default=1_000_000, help="points for the reverse look-up")
    g.add_argument("--seed", type=int, default=20250601)
    r = sub.add_parser("run", help="time the installed Python peers")
    r.add_argument("--data", required=True)
    r.add_argument("--min-repeats", type=int, default=3)
    r.add_argument("--min-time", type=float, default=1.0)
    r.add_argument("--max-time", type=float, default=20.0)
    r.add_argument("--warm-up", type=int, default=100)
    r.add_argument("--only", type=only_ops, default=OP_IDS, help="comma-separated operation ids (default: all)")
    o = sub.add_parser("report", help="print the table")
    o.add_argument("results", nargs="+")
    o.add_argument("--data")
    o.add_argument("--meta", action="append", default=[], help="key=value (strikemap, rustc, command, date)")
    o.add_argument("--write", help="also write the markdown here")
    args = p.parse_args()
    {"gen": gen, "run": run, "report": report}[args.cmd](args)


if __name__ == "__main__":
    main()
