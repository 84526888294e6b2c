#!/usr/bin/env python3
"""Reference fixtures for strikemap's gazetteer tests, from the committed data.

Writes (relative to the repository root):

* tests/fixtures/gazetteer/border_points.json
* tests/fixtures/gazetteer/nearest_places.json

Reference libraries: shapely (GEOS) for point-in-polygon on the committed
data/regions-10m.geojson (planar lon/lat, boundary inclusive), pyproj's
Geod(ellps="WGS84") for geodesics. Nothing of strikemap's own code is used.

    python3 -m pip install -r scripts/requirements-fixtures.txt
    python3 scripts/gazetteer/fixtures.py

Deterministic: every random choice comes from random.Random with a fixed
seed; numbers are written with repr() (shortest round-trip form).

border_points: vertices of the simplified polygons in UA, RU (including
Chukotka at +-180 and Kaliningrad), BY and a few other regions. At each
vertex V with neighbours P (previous) and N (next) along its ring, the
directions V->P and V->N are taken in a local east/north metric (metres per
degree: 111,320 cos(lat) east, 110,574 north); their bisector, pointing to
the interior side of the ring (exterior rings counter-clockwise, holes
clockwise, so the interior is on the left), gives the probe 1 m inside
(pyproj Geod.fwd from V, azimuth of the bisector, 1 m) and the probe 1 m
outside (opposite azimuth). The vertex itself is a probe too. Each probe
records the sorted codes of every region whose polygon covers it (shapely
`intersects`: boundary included, so a vertex on a shared border has two or
more codes) and where it came from.

Vertices are skipped when the 1 m probes could be ambiguous: a corner angle
(the smaller of the two angles between the edges) under 30 degrees (the
probes would be less than 0.26 m from an edge), an adjacent edge shorter
than 20 m, or any other edge of the region's boundary within 5 m of the
vertex. A probe whose covering regions do not include the vertex's region
(inside probe) or do include it (outside probe) would mean the rule failed;
the script checks this and stops.

nearest_places: random points (seed 20261203) in and around UA, BY, PL and
RU, near the antimeridian, and a few worldwide. For each, every row of
data/places.tsv is measured with Geod.inv (brute force, no index); the row
with the smallest distance among kind "place", and likewise among kind
"airfield"/"air_base", is recorded with the distance in metres and the
forward azimuth at the nearest row towards the point (degrees clockwise from
north, in [0, 360)). The second-smallest distance is given too, so that a
test can tell near-ties.
"""

import hashlib
import json
import math
import os
import platform
import random
import sys

import numpy as np
import pyproj
import shapely
from pyproj import Geod
from shapely.geometry import Point, shape

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GEOD = Geod(ellps="WGS84")
M_LON = 111320.0
M_LAT = 110574.0
MIN_ANGLE = 30.0
MIN_EDGE_M = 20.0
CLEAR_M = 5.0
SEED_BORDER = 20261202
SEED_NEAREST = 20261203


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def generated_by(inputs):
    return {
        "command": "python3 scripts/gazetteer/fixtures.py",
        "python": platform.python_version(),
        "pyproj": pyproj.__version__,
        "proj": pyproj.proj_version_str,
        "shapely": shapely.__version__,
        "geos": shapely.geos_version_string,
        "ellipsoid": "WGS84 (pyproj Geod(ellps='WGS84'))",
        "inputs": {rel: sha256(os.path.join(ROOT, rel)) for rel in inputs},
    }


# ---------------------------------------------------------------- border points
def local(v, p):
    """East/north metres from v to p (planar lon/lat, scaled at v)."""
    c = math.cos(math.radians(v[1]))
    dlon = p[0] - v[0]
    return dlon * c * M_LON, (p[1] - v[1]) * M_LAT


def azimuth_of(e, n):
    return math.degrees(math.atan2(e, n)) % 360.0


def rings_of(geom):
    polys = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
    for pi, p in enumerate(polys):
        yield pi, 0, list(p.exterior.coords)
        for hi, h in enumerate(p.interiors):
            yield pi, hi + 1, list(h.coords)


def border_points():
    path = os.path.join(ROOT, "data/regions-10m.geojson")
    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    feats = [(f["properties"], shape(f["geometry"])) for f in fc["features"]]
    geoms = [g for _, g in feats]
    tree = shapely.STRtree(geoms)
    by_code = {p["code"]: (p, g) for p, g in feats}

    def covering(lon, lat):
        pt = Point(lon, lat)
        return sorted(feats[j][0]["code"] for j in tree.query(pt, predicate="intersects").tolist())

    rng = random.Random(SEED_BORDER)
    # (label, region codes to draw from, number of vertices, vertex filter)
    plan = [
        ("UA", [c for c in by_code if by_code[c][0]["country"] == "UA"], 32, None),
        ("UA-43/UA-40 (Crimea, Sevastopol)", ["UA-43", "UA-40"], 6, None),
        ("RU", [c for c in by_code if by_code[c][0]["country"] == "RU" and c not in ("RU-CHU", "RU-KGD")], 30, None),
        ("RU-CHU at the antimeridian", ["RU-CHU"], 6, lambda x, y: abs(x) == 180),
        ("RU-CHU near the antimeridian", ["RU-CHU"], 4, lambda x, y: 175 <= abs(x) < 180),
        ("RU-KGD (Kaliningrad)", ["RU-KGD"], 6, None),
        ("BY", [c for c in by_code if by_code[c][0]["country"] == "BY"], 14, None),
    ]
    plan += [("elsewhere", [c], 1, None) for c in ["PL-MZ", "MD-CU", "GE-TB", "US-CA", "FJ-W", "NZ-AUK", "DE-BE",
                                                   "TR-34", "LT-VL", "KZ-ALA"]]
    probes = []
    skipped = {"corner angle < 30 degrees": 0, "adjacent edge < 20 m": 0, "other edge within 5 m": 0}
    vid = 0
    for label, codes, want, filt in plan:
        cands = []
        for code in sorted(codes):
            if code not in by_code:
                continue
            p, g = by_code[code]
            for pi, ri, ring in rings_of(g):
                n = len(ring) - 1
                for k in range(n):
                    x, y = ring[k]
                    if filt is None or filt(x, y):
                        cands.append((code, pi, ri, k))
        rng.shuffle(cands)
        got = 0
        for code, pi, ri, k in cands:
            if got >= want:
                break
            p, g = by_code[code]
            ring = [r for a, b, r in rings_of(g) if a == pi and b == ri][0]
            n = len(ring) - 1
            v = ring[k]
            prv = ring[(k - 1) % n]
            nxt = ring[(k + 1) % n]
            ep, np_ = local(v, prv)
            en, nn = local(v, nxt)
            lp = math.hypot(ep, np_)
            ln = math.hypot(en, nn)
            if lp < MIN_EDGE_M or ln < MIN_EDGE_M:
                skipped["adjacent edge < 20 m"] += 1
                continue
            # angle at v between the edges, measured counter-clockwise from
            # V->N to V->P: the interior angle for a CCW exterior ring
            # (interior on the left of P->V->N), likewise for CW holes the
            # interior of the polygon is on the left of the ring direction.
            a_next = math.atan2(nn, en)
            a_prev = math.atan2(np_, ep)
            interior = math.degrees((a_prev - a_next) % (2 * math.pi))
            corner = min(interior, 360 - interior)
            if corner < MIN_ANGLE:
                skipped["corner angle < 30 degrees"] += 1
                continue
            # other edges near v
            bnd = shapely.boundary(g)
            others = bnd.difference(shapely.LineString([prv, v, nxt]).buffer(1e-9))
            vx = Point(v)
            if not others.is_empty:
                q = shapely.ops.nearest_points(others, vx)[0]
                if GEOD.inv(v[0], v[1], q.x, q.y)[2] < CLEAR_M:
                    skipped["other edge within 5 m"] += 1
                    continue
            # bisector towards the interior: rotate V->N counter-clockwise by
            # half the interior angle (in the east/north plane)
            ang = a_next + math.radians(interior) / 2
            e_in, n_in = math.cos(ang), math.sin(ang)
            az_in = azimuth_of(e_in, n_in)
            az_out = (az_in + 180.0) % 360.0
            lon_i, lat_i, _ = GEOD.fwd(v[0], v[1], az_in, 1.0)
            lon_o, lat_o, _ = GEOD.fwd(v[0], v[1], az_out, 1.0)
            cov_v = covering(v[0], v[1])
            cov_i = covering(lon_i, lat_i)
            cov_o = covering(lon_o, lat_o)
            at_line = abs(v[0]) == 180
            # at lon +-180 the outside probe may cross into the region's part
            # on the other side of the antimeridian
            if code not in cov_v or code not in cov_i or (code in cov_o and not at_line):
                raise SystemExit(f"ambiguous probe at {code} vertex {k}: {cov_v} {cov_i} {cov_o}")
            src = {"vertex_id": vid, "region": code, "polygon": pi, "ring": ri, "index": k, "set": label,
                   "corner_deg": round(corner, 3), "vertex": [v[0], v[1]], "on_antimeridian": at_line}
            probes.append({"kind": "vertex", "lat": v[1], "lon": v[0], "regions": cov_v, **src})
            probes.append({"kind": "inside_1m", "lat": lat_i, "lon": lon_i, "azimuth_deg": az_in,
                           "regions": cov_i, **src})
            probes.append({"kind": "outside_1m", "lat": lat_o, "lon": lon_o, "azimuth_deg": az_out,
                           "regions": cov_o, **src})
            vid += 1
            got += 1
        print(f"border_points: {label}: {got} vertices", file=sys.stderr)
    return probes, skipped


# ---------------------------------------------------------------- nearest places
def read_places():
    rows = []
    with open(os.path.join(ROOT, "data/places.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for i, line in enumerate(f):
            v = dict(zip(header, line.rstrip("\n").split("\t")))
            rows.append((i, v["id"], v["kind"], v["name"], float(v["lat"]), float(v["lon"])))
    return rows


def random_points():
    rng = random.Random(SEED_NEAREST)
    pts = []

    def box(label, n, lat0, lat1, lon0, lon1):
        for _ in range(n):
            # uniform on the sphere within the box
            z = rng.uniform(math.sin(math.radians(lat0)), math.sin(math.radians(lat1)))
            pts.append((label, math.degrees(math.asin(z)), rng.uniform(lon0, lon1)))

    box("UA", 50, 44.0, 52.5, 22.0, 40.5)
    box("BY/PL", 30, 49.0, 56.0, 14.0, 32.5)
    box("RU west", 40, 43.0, 70.0, 27.0, 60.0)
    box("RU east", 40, 42.0, 75.0, 60.0, 180.0)
    box("antimeridian", 10, 62.0, 71.0, 175.0, 185.0)
    box("world", 30, -60.0, 75.0, -180.0, 180.0)
    out = []
    for label, lat, lon in pts:
        if lon > 180:
            lon -= 360
        out.append((label, lat, lon))
    return out


def nearest_places():
    rows = read_places()
    lats = np.array([r[4] for r in rows])
    lons = np.array([r[5] for r in rows])
    kinds = np.array([r[2] for r in rows])
    is_place = kinds == "place"
    is_air = (kinds == "airfield") | (kinds == "air_base")
    out = []
    for label, lat, lon in random_points():
        az12, _, dist = GEOD.inv(lons, lats, np.full_like(lons, lon), np.full_like(lats, lat))
        rec = {"set": label, "lat": lat, "lon": lon}
        for key, mask in (("place", is_place), ("airfield", is_air)):
            idx = np.flatnonzero(mask)
            d = dist[idx]
            order = np.lexsort((idx, d))  # by distance, then row
            best = idx[order[0]]
            r = rows[best]
            rec[key] = {"row": int(r[0]), "id": r[1], "kind": r[2], "name": r[3], "lat": r[4], "lon": r[5],
                        "distance_m": float(dist[best]), "azimuth_deg": float(az12[best] % 360.0),
                        "second_distance_m": float(d[order[1]])}
        out.append(rec)
    return out


def main():
    global ROOT
    if len(sys.argv) == 3 and sys.argv[1] == "--root":
        ROOT = os.path.abspath(sys.argv[2])
    os.makedirs(os.path.join(ROOT, "tests/fixtures/gazetteer"), exist_ok=True)
    probes, skipped = border_points()
    doc = {
        "generated_by": {**generated_by(["data/regions-10m.geojson"]), "seed": SEED_BORDER,
                         "rule": f"probes 1 m inside/outside along the corner bisector (Geod.fwd); vertices skipped "
                                 f"if the corner angle < {MIN_ANGLE:g} deg, an adjacent edge < {MIN_EDGE_M:g} m, or "
                                 f"another edge within {CLEAR_M:g} m; regions = codes whose polygon covers the "
                                 f"probe (shapely intersects, planar lon/lat, boundary inclusive)",
                         "skipped_vertices": skipped},
        "probes": probes,
    }
    p = os.path.join(ROOT, "tests/fixtures/gazetteer/border_points.json")
    with open(p, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {p}: {len(probes)} probes, skipped {skipped}", file=sys.stderr)
    near = nearest_places()
    doc = {
        "generated_by": {**generated_by(["data/places.tsv"]), "seed": SEED_NEAREST,
                         "rule": "brute force over every row of data/places.tsv with Geod.inv; nearest kind "
                                 "'place' and nearest kind 'airfield' or 'air_base'; ties by row; azimuth at "
                                 "the row towards the point, degrees in [0, 360); row = 0-based data row"},
        "points": near,
    }
    p = os.path.join(ROOT, "tests/fixtures/gazetteer/nearest_places.json")
    with open(p, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {p}: {len(near)} points", file=sys.stderr)


if __name__ == "__main__":
    import shapely.ops  # noqa: F401

    main()
