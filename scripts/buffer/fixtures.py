#!/usr/bin/env python3
"""Reference probes for strikemap's geodesic buffers (tests/it/buffer.rs).

For each case (a shape and a distance D) this writes, to
tests/fixtures/buffer/probes.json:

* probes: points near the expected boundary, about 150 m inside it
  (distance D - 150 m) and 150 m outside it (D + 150 m), each with its exact
  distance to the shape as computed here. The Rust test checks that a probe
  lies in the returned buffer exactly when its distance is at most D.
* boundary: points at distance D (to 1 mm), which must lie within 100 m of
  the returned buffer's boundary.

Reference distance (independent of strikemap): WGS84 geodesics from pyproj's
Geod (PROJ's copy of GeographicLib). The distance from a point to a geodesic
segment A-B is minimised over the position s along the segment: 33 samples
along the geodesic (Geod.fwd from A at the inverse azimuth), then golden
section search on the bracket around the best sample to |ds| < 1 mm, each
trial distance by Geod.inv. The distance is unimodal in s on such a bracket
for the segments used here (the longest is 150 km), so the error of the
minimum is below (1 mm)^2 / D plus GeographicLib's 15 nm: far below a
millimetre. Segments are pruned with the bound (dA + dB - L) / 2, which no
point of the segment beats (triangle inequality). The distance to a polygon
is 0 inside it (shapely, planar in lon/lat after unwrapping longitudes: used
only for probes at least 850 m from the shape's boundary, where the
geodesic and planar edges of these short edges cannot disagree).

Probe positions: along geodesic rays (a) inwards from outside the buffer
towards the shape's centre, first crossing of the level D +- 150 m, and (b)
for D <= 100 km also outwards from shape vertices, first crossing (these
reach into the concave parts, between arms of the shape). Each crossing is
bracketed by steps no longer than |f| (the distance is 1-Lipschitz) and
bisected to 1 m; the stored distance is recomputed at the stored (rounded)
coordinates.

Run: /tmp/gzvenv/bin/python scripts/buffer/fixtures.py  (pyproj 3.7.2, shapely 2.2.0, numpy)
"""

import json
import math
import os
import random
import sys

import numpy as np
from pyproj import Geod
from shapely.geometry import Polygon as SPolygon, MultiPolygon as SMulti, Point as SPoint

G = Geod(ellps="WGS84")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MILE = 1609.344
PROBE_M = 150.0
PHI = (math.sqrt(5) - 1) / 2


def unwrap(ring, ref):
    out = []
    for lon, lat in ring:
        while lon - ref > 180:
            lon -= 360
        while lon - ref < -180:
            lon += 360
        out.append((lon, lat))
    return out


class Shape:
    def __init__(self, geometry):
        self.geometry = geometry
        t = geometry["type"]
        c = geometry["coordinates"]
        self.parts = []  # polylines of (lon, lat)
        self.polys = None
        if t == "Point":
            self.parts = [[tuple(c)]]
        elif t == "LineString":
            self.parts = [[tuple(p) for p in c]]
        elif t == "MultiLineString":
            self.parts = [[tuple(p) for p in l] for l in c]
        elif t in ("Polygon", "MultiPolygon"):
            polys = [c] if t == "Polygon" else c
            self.parts = [[tuple(p) for p in ring] for poly in polys for ring in poly]
            self.ref = self.parts[0][0][0]
            self.polys = SMulti(
                [SPolygon(unwrap(poly[0], self.ref), [unwrap(h, self.ref) for h in poly[1:]]) for poly in polys]
            )
        self.vertices = np.array([p for part in self.parts for p in part])
        self.segments = []
        for part in self.parts:
            for a, b in zip(part, part[1:]):
                az, _, length = G.inv(a[0], a[1], b[0], b[1])
                self.segments.append((a, b, az, length))
        # Index of each segment's end vertices in self.vertices.
        self.seg_ends = []
        k = 0
        for part in self.parts:
            for i in range(len(part) - 1):
                self.seg_ends.append((k + i, k + i + 1))
            k += len(part)
        # Centre: mean direction of the vertices.
        lon = np.radians(self.vertices[:, 0])
        lat = np.radians(self.vertices[:, 1])
        x, y, z = (np.cos(lat) * np.cos(lon)).sum(), (np.cos(lat) * np.sin(lon)).sum(), np.sin(lat).sum()
        n = math.sqrt(x * x + y * y + z * z)
        self.centre = (math.degrees(math.atan2(y, x)), math.degrees(math.asin(z / n)))
        n = len(self.vertices)
        _, _, d = G.inv([self.centre[0]] * n, [self.centre[1]] * n, self.vertices[:, 0], self.vertices[:, 1])
        self.radius = float(np.max(d))

    def inside(self, lon, lat):
        if self.polys is None:
            return False
        (lon2, lat2), = unwrap([(lon, lat)], self.ref)
        return self.polys.contains(SPoint(lon2, lat2))

    def seg_distance(self, lon, lat, seg):
        a, b, az, length = seg
        if length == 0:
            return G.inv(lon, lat, a[0], a[1])[2]
        s = np.linspace(0.0, length, 33)
        n = len(s)
        plon, plat, _ = G.fwd([a[0]] * n, [a[1]] * n, [az] * n, s)
        _, _, d = G.inv([lon] * n, [lat] * n, plon, plat)
        k = int(np.argmin(d))
        lo, hi = s[max(k - 1, 0)], s[min(k + 1, n - 1)]

        def at(t):
            p = G.fwd(a[0], a[1], az, t)
            return G.inv(lon, lat, p[0], p[1])[2]

        x1, x2 = hi - PHI * (hi - lo), lo + PHI * (hi - lo)
        f1, f2 = at(x1), at(x2)
        while hi - lo > 1e-3:
            if f1 < f2:
                hi, x2, f2 = x2, x1, f1
                x1 = hi - PHI * (hi - lo)
                f1 = at(x1)
            else:
                lo, x1, f1 = x1, x2, f2
                x2 = lo + PHI * (hi - lo)
                f2 = at(x2)
        return min(float(d[k]), f1, f2)

    def distance(self, lon, lat):
        if self.inside(lon, lat):
            return 0.0
        n = len(self.vertices)
        _, _, dv = G.inv([lon] * n, [lat] * n, self.vertices[:, 0], self.vertices[:, 1])
        best = float(np.min(dv))
        bounds = []
        for seg, (i, j) in zip(self.segments, self.seg_ends):
            lb = (dv[i] + dv[j] - seg[3]) / 2
            if lb < best:
                bounds.append((lb, seg))
        bounds.sort(key=lambda x: x[0])
        for lb, seg in bounds:
            if lb >= best:
                break
            best = min(best, self.seg_distance(lon, lat, seg))
        return best


def first_crossing(shape, start, az, level, rho0, direction, limit):
    """Walks from start along az (rho from rho0, +1 outwards / -1 inwards)
    to the first point where the distance crosses level; bisects to 1 m."""

    def f(rho):
        lon, lat, _ = G.fwd(start[0], start[1], az, rho)
        return shape.distance(lon, lat) - level

    rho, fr = rho0, f(rho0)
    sign = fr > 0
    for _ in range(2000):
        step = max(abs(fr), 200.0)
        nxt = rho + direction * step
        if nxt < 0 or nxt > limit:
            return None
        fn = f(nxt)
        if (fn > 0) != sign:
            lo, hi = rho, nxt
            for _ in range(60):
                if abs(hi - lo) < 1.0:
                    break
                mid = 0.5 * (lo + hi)
                if (f(mid) > 0) == sign:
                    lo = mid
                else:
                    hi = mid
            lon, lat, _ = G.fwd(start[0], start[1], az, 0.5 * (lo + hi))
            return lon, lat
        rho, fr = nxt, fn
    return None


def probe(shape, lon, lat):
    lon, lat = round(lon, 9), round(lat, 9)
    if lon > 180:
        lon -= 360
    if lon < -180:
        lon += 360
    return [lon, lat, round(shape.distance(lon, lat), 4)]


def make_case(name, geometry, distance, rays, rng):
    shape = Shape(geometry)
    probes, boundary = [], []
    limit = 19_500_000.0
    outer = distance + shape.radius * 1.01 + 50_000.0
    starts = []
    if outer < limit:
        for k in range(rays):
            az = 360.0 * (k + rng.random()) / rays - 180.0
            starts.append((shape.centre, az, outer, -1))
    if distance <= 100_000 and len(shape.vertices) > 1:
        for k in range(rays):
            v = shape.vertices[rng.randrange(len(shape.vertices))]
            starts.append(((float(v[0]), float(v[1])), rng.uniform(-180, 180), 0.0, 1))
    for start, az, rho0, direction in starts:
        for level, out in ((distance - PROBE_M, probes), (distance + PROBE_M, probes), (distance, boundary)):
            hit = first_crossing(shape, start, az, level, rho0, direction, limit)
            if hit is not None:
                out.append(probe(shape, *hit))
    print(f"{name}: {len(probes)} probes, {len(boundary)} boundary points", file=sys.stderr)
    return {"name": name, "shape": geometry, "distance_m": distance, "probes": probes, "boundary": boundary}


def densified(ring, step):
    """The ring with vertices added along each geodesic edge every `step`
    metres (so that its planar lon/lat edges agree with the geodesic ones
    within metres for the inside test)."""
    out = [ring[0]]
    for a, b in zip(ring, ring[1:]):
        length = G.inv(a[0], a[1], b[0], b[1])[2]
        n = int(length // step)
        for lon, lat in G.npts(a[0], a[1], b[0], b[1], n):
            out.append([round(lon, 9), round(lat, 9)])
        out.append(b)
    return out


def ukraine():
    with open(os.path.join(ROOT, "data", "countries-50m.geojson")) as f:
        for feat in json.load(f)["features"]:
            if feat["properties"].get("iso_a2") == "UA":
                return feat["geometry"]
    raise SystemExit("Ukraine not found")


def main():
    rng = random.Random(15)
    front = {
        "type": "LineString",
        "coordinates": [
            [32.6, 46.6], [33.4, 46.8], [34.3, 47.1], [35.2, 47.45], [35.9, 47.5], [36.6, 47.7],
            [37.3, 47.75], [37.6, 48.1], [37.9, 48.5], [38.0, 48.95], [37.7, 49.4], [37.9, 49.8],
            [37.0, 50.2], [36.0, 50.4],
        ],
    }
    chukotka = {
        "type": "Polygon",
        "coordinates": [[[172.0, 64.3], [178.5, 64.6], [-178.0, 65.0], [-172.0, 64.4], [-170.5, 66.0],
                         [-174.5, 67.1], [-179.0, 68.9], [176.0, 69.9], [171.0, 69.6], [172.0, 64.3]]],
    }
    chukotka["coordinates"][0] = densified(chukotka["coordinates"][0], 10_000.0)
    # A U open to the north: arms 2 degrees apart (about 222 km). Edges along
    # meridians and the equator are geodesics; the one at 1N bulges 16 m.
    concave = {
        "type": "Polygon",
        "coordinates": [[[10.0, 0.0], [14.0, 0.0], [14.0, 4.0], [13.0, 4.0], [13.0, 1.0], [11.0, 1.0],
                         [11.0, 4.0], [10.0, 4.0], [10.0, 0.0]]],
    }
    cases = []
    radii = [1_000.0, 100_000.0, 4_300 * MILE, 10_000_000.0, 15_000_000.0]
    for d in radii:
        cases.append(make_case(f"point Kyiv {d:.0f} m", {"type": "Point", "coordinates": [30.5234, 50.4501]}, d, 24, rng))
    for d in radii:
        cases.append(make_case(f"Ukraine {d:.0f} m", ukraine(), d, 24, rng))
    for d in [1_000.0, 100_000.0, 4_300 * MILE]:
        cases.append(make_case(f"front line {d:.0f} m", front, d, 24, rng))
    for d in [1_000.0, 100_000.0, 4_300 * MILE]:
        cases.append(make_case(f"near North Pole {d:.0f} m", {"type": "Point", "coordinates": [45.0, 89.5]}, d, 24, rng))
    for d in [100_000.0, 4_300 * MILE]:
        cases.append(make_case(f"point 179.9E {d:.0f} m", {"type": "Point", "coordinates": [179.9, 65.0]}, d, 24, rng))
    for d in [1_000.0, 100_000.0, 4_300 * MILE, 15_000_000.0]:
        cases.append(make_case(f"Chukotka {d:.0f} m", chukotka, d, 24, rng))
    for d in [1_000.0, 80_000.0, 120_000.0]:
        cases.append(make_case(f"concave U {d:.0f} m", concave, d, 24, rng))
    out = {
        "generator": "scripts/buffer/fixtures.py",
        "reference": "pyproj 3.7.2 Geod(ellps='WGS84'); point-to-geodesic-segment by sampling and golden section; shapely 2.2.0 for inside",
        "probe_m": PROBE_M,
        "cases": cases,
    }
    path = os.path.join(ROOT, "tests", "fixtures", "buffer", "probes.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
