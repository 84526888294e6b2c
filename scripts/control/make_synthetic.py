#!/usr/bin/env python3
"""Synthetic control maps with known answers, for tests/it/control.rs.

No real control map (DeepStateMap, ISW/CTP) may be committed: their terms
forbid redistribution. This script draws a made-up country and a held area
on two dates, and computes the answers strikemap must give with libraries
strikemap does not use: pyproj (GeographicLib's geodesics: lengths, areas,
points along edges) and shapely (containment, overlays).

Run: python3 scripts/control/make_synthetic.py   (needs pyproj, shapely)
Writes tests/fixtures/control/ (the tests' copy, with expected.json) and
examples/data/control/ (the same inputs, for the command lines of the
README, the guides and `strikemap --help`).
"""
import json
import math
import os
import shutil

from pyproj import Geod
from shapely.geometry import Point, Polygon

G = Geod(ellps="WGS84")
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "fixtures", "control")
TOL = 2000.0  # the border tolerance, metres (strikemap's default)
STEP = 0.05  # degrees between the vertices of the drawn squares


def box(lon0, lat0, lon1, lat1):
    """A counter-clockwise box with a vertex every STEP degrees (short edges,
    so straight lon/lat overlays and geodesic edges agree to well under 1 m)."""
    n = lambda a, b: max(1, round(abs(b - a) / STEP))
    ring = []
    for i in range(n(lon0, lon1)):
        ring.append((lon0 + (lon1 - lon0) * i / n(lon0, lon1), lat0))
    for i in range(n(lat0, lat1)):
        ring.append((lon1, lat0 + (lat1 - lat0) * i / n(lat0, lat1)))
    for i in range(n(lon0, lon1)):
        ring.append((lon1 - (lon1 - lon0) * i / n(lon0, lon1), lat1))
    for i in range(n(lat0, lat1)):
        ring.append((lon0, lat1 - (lat1 - lat0) * i / n(lat0, lat1)))
    ring.append(ring[0])
    return [[round(x, 9), round(y, 9)] for x, y in ring]


COUNTRY = box(30.0, 46.0, 34.0, 50.0)
HELD = {
    "2025-06-01": box(33.0, 47.0, 35.0, 48.0),  # straddles the eastern border
    "2025-06-15": box(32.5, 47.0, 35.0, 48.2),  # gained ground westwards and north
}


def seg_distance(p, a, b):
    """Geodesic distance (m) from p to the geodesic segment a-b, by golden
    section on the position along the segment (pyproj's inverse/forward)."""
    az, _, length = G.inv(a[0], a[1], b[0], b[1])
    if length == 0:
        return G.inv(p[0], p[1], a[0], a[1])[2]

    def f(s):
        lon, lat, _ = G.fwd(a[0], a[1], az, s)
        return G.inv(p[0], p[1], lon, lat)[2]

    lo, hi = 0.0, length
    r = (math.sqrt(5) - 1) / 2
    x1, x2 = hi - r * (hi - lo), lo + r * (hi - lo)
    f1, f2 = f(x1), f(x2)
    while hi - lo > 1e-4:
        if f1 < f2:
            hi, x2, f2 = x2, x1, f1
            x1 = hi - r * (hi - lo)
            f1 = f(x1)
        else:
            lo, x1, f1 = x1, x2, f2
            x2 = lo + r * (hi - lo)
            f2 = f(x2)
    return min(f(lo), f(hi), f(0.0), f(length))


def ring_distance(p, ring, near=None):
    """Distance from p to a ring (or line) of vertices; only edges whose
    vertices lie within `near` metres (plus the edge length) are solved."""
    best = float("inf")
    for a, b in zip(ring, ring[1:]):
        if near is not None:
            da = G.inv(p[0], p[1], a[0], a[1])[2]
            if da > near + 10000:
                continue
        best = min(best, seg_distance(p, a, b))
    return best


country_poly = Polygon(COUNTRY)


def is_contact(p):
    if not country_poly.covers(Point(p)):
        return False
    return ring_distance(p, COUNTRY, near=TOL * 4) > TOL


def contact_parts(ring):
    """The parts of the held ring on the line of contact, found by sampling
    each edge every 50 m and bisecting each change to 1 mm."""
    parts, current = [], []
    for a, b in zip(ring, ring[1:]):
        az, _, length = G.inv(a[0], a[1], b[0], b[1])
        at = lambda s: G.fwd(a[0], a[1], az, s)[:2]
        n = max(1, math.ceil(length / 50.0))
        prev_s, prev_c = 0.0, is_contact(a)
        if prev_c and not current:
            current = [tuple(a)]
        for i in range(1, n + 1):
            s = length * i / n
            c = is_contact(at(s) if i < n else b)
            if c != prev_c:
                lo, hi = prev_s, s
                while hi - lo > 1e-3:
                    mid = (lo + hi) / 2
                    if is_contact(at(mid)) == prev_c:
                        lo = mid
                    else:
                        hi = mid
                x = at((lo + hi) / 2)
                if prev_c:
                    current.append(x)
                    parts.append(current)
                    current = []
                else:
                    current = [x]
            prev_s, prev_c = s, c
        if current:
            current.append(tuple(b))
    if current:
        # A run still open at the end of the ring goes on into its start.
        if parts and is_contact(ring[0]) and parts[0][0] == tuple(ring[0]):
            parts[0] = current[:-1] + parts[0]
        else:
            parts.append(current)
    return parts


def length(line):
    return sum(G.inv(a[0], a[1], b[0], b[1])[2] for a, b in zip(line, line[1:]))


def area_km2(poly):
    if poly.is_empty:
        return 0.0
    return abs(G.geometry_area_perimeter(poly)[0]) / 1e6


def main():
    os.makedirs(os.path.join(OUT, "held"), exist_ok=True)
    feature = lambda coords, props=None: {
        "type": "Feature",
        "properties": props or {},
        "geometry": {"type": "MultiPolygon", "coordinates": [[coords]]},
    }
    with open(os.path.join(OUT, "country.geojson"), "w") as f:
        json.dump({"type": "FeatureCollection", "features": [feature(COUNTRY, {"name": "Testland"})]}, f)
    expected = {"tolerance_m": TOL, "snapshots": {}, "events": []}
    for date, ring in HELD.items():
        name = "synthetic_data_" + date.replace("-", "") + ".geojson"
        doc = {
            "type": "FeatureCollection",
            "name": name[:-8],
            # An old-style crs member, as DeepStateMap exports carry.
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
            "features": [feature(ring)],
        }
        with open(os.path.join(OUT, "held", name), "w") as f:
            json.dump(doc, f)
        held = Polygon(ring)
        parts = contact_parts(ring)
        expected["snapshots"][date] = {
            "held_km2": area_km2(held),
            "held_within_km2": area_km2(held.intersection(country_poly)),
            "contact_length_m": sum(length(p) for p in parts),
            "contact_parts": len(parts),
            "contact_ends": [[list(p[0]), list(p[-1])] for p in parts],
        }
    a, b = Polygon(HELD["2025-06-01"]), Polygon(HELD["2025-06-15"])
    expected["change"] = {
        "from": "2025-06-01",
        "to": "2025-06-15",
        "gained_km2": area_km2(b.difference(a)),
        "lost_km2": area_km2(a.difference(b)),
    }
    # One file with a date per feature (GeoJSON Text Sequence), same shapes.
    with open(os.path.join(OUT, "held.geojsons"), "w") as f:
        for date, ring in HELD.items():
            f.write("\x1e" + json.dumps(feature(ring, {"date": date})) + "\n")
    # Events: (date, lon, lat); the snapshot in force is the latest on or before.
    events = [
        ("2025-06-05", 33.5, 47.5),  # held, middle of the first square
        ("2025-06-05", 32.8, 47.5),  # not held on 5 June (held from 15 June)
        ("2025-06-20", 32.8, 47.5),  # held on 20 June (the 15 June snapshot)
        ("2025-06-20", 31.0, 48.9),  # far inside the country, not held
        ("2025-06-01", 33.5, 48.1),  # just north of the first square
        ("2025-05-31", 33.5, 47.5),  # before the first snapshot
    ]
    lines = {d: [p for p in contact_parts(r)] for d, r in HELD.items()}
    for date, lon, lat in events:
        used = max((d for d in HELD if d <= date), default=None)
        row = {"date": date, "lon": lon, "lat": lat, "date_used": used}
        if used:
            row["held"] = Polygon(HELD[used]).covers(Point(lon, lat))
            row["front_distance_m"] = min(ring_distance((lon, lat), p) for p in lines[used])
        expected["events"].append(row)
    with open(os.path.join(OUT, "events.csv"), "w") as f:
        f.write("event_id,event_date,latitude,longitude\n")
        for i, (date, lon, lat) in enumerate(events):
            f.write(f"E{i + 1},{date},{lat},{lon}\n")
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    examples = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "data", "control")
    shutil.rmtree(examples, ignore_errors=True)
    shutil.copytree(os.path.join(OUT, "held"), os.path.join(examples, "held"))
    for name in ["country.geojson", "held.geojsons", "events.csv"]:
        shutil.copy(os.path.join(OUT, name), os.path.join(examples, name))
    print(json.dumps(expected["snapshots"], indent=1))
    print(json.dumps(expected["change"], indent=1))


if __name__ == "__main__":
    main()
