#!/usr/bin/env python3
"""Independent sanity check of tests/fixtures/ with pyproj (PROJ's C geodesic
code), not with the geographiclib Python package that generated them.

    pip install -r scripts/requirements-fixtures.txt
    python3 scripts/check_geodesic_fixtures.py

Checks (exit status 1 if any fails):

* point_to_point.csv: pyproj Geod.inv distance equals s12_m to < 1e-6 m
  (azimuth differences are reported).
* direct.csv: pyproj Geod.fwd lands within 1e-6 m of (lat2, lon2).
* point_to_segment.csv: brute force over 10,000 + 1 equally spaced samples of
  the segment (pyproj's own inverse azimuth + fwd) and both endpoints:
  dist_m <= brute + 1e-6 m (the reference is never worse than brute force) and
  dist_m >= brute - spacing/2 - 1e-6 m (it is not impossibly good); the nearest
  point N is at distance dist_m from P and lies on the segment at frac.
* point_to_polygon.json: the same brute force for the boundary distance (over
  all edges whose triangle-inequality lower bound could beat the best),
  inside/outside by an independent winding number, ring orientation, and the
  shape requirements of each named polygon.
"""

import csv
import json
import math
import os
import sys
import time

import pyproj

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, "tests", "fixtures")
GEOD = pyproj.Geod(ellps="WGS84")
NBRUTE = 10000
KM = 1000.0

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        if len(failures) <= 30:
            print("FAIL:", msg)


def wrap180(x):
    y = math.remainder(x, 360.0)
    return 180.0 if y == -180.0 else y


def read_csv(name):
    with open(os.path.join(FIX, name)) as fh:
        lines = [l for l in fh if not l.startswith("#")]
    rd = csv.DictReader(lines)
    rows = []
    for r in rd:
        rows.append({k: (v if k == "case" else float(v)) for k, v in r.items()})
    return rows


def inv1(lat1, lon1, lat2, lon2):
    az12, az21, d = GEOD.inv(lon1, lat1, lon2, lat2)
    return az12, az21, d


def brute_segment(plat, plon, alat, alon, blat, blon, n=NBRUTE):
    """Min distance from P to n+1 samples of the segment, plus the endpoints.
    Returns (min, spacing)."""
    az, _, L = inv1(alat, alon, blat, blon)
    dA = inv1(plat, plon, alat, alon)[2]
    dB = inv1(plat, plon, blat, blon)[2]
    if L == 0.0:
        return dA, 0.0
    ss = [L * i / n for i in range(n + 1)]
    lons, lats, _ = GEOD.fwd([alon] * (n + 1), [alat] * (n + 1), [az] * (n + 1), ss)
    _, _, ds = GEOD.inv([plon] * (n + 1), [plat] * (n + 1), lons, lats)
    return min(min(ds), dA, dB), L / n


def by_case(rows):
    out = {}
    for r in rows:
        out.setdefault(r["case"], []).append(r)
    return out


def check_p2p():
    rows = read_csv("point_to_point.csv")
    print("point_to_point.csv: %d rows" % len(rows))
    check(len(rows) >= 1200, "point_to_point rows < 1200")
    for case, rs in by_case(rows).items():
        maxd = 0.0
        maxaz = 0.0
        for r in rs:
            az12, az21, d = inv1(r["lat1"], r["lon1"], r["lat2"], r["lon2"])
            diff = abs(d - r["s12_m"])
            maxd = max(maxd, diff)
            check(diff < 1e-6, "p2p %s %r: pyproj %r" % (case, r, d))
            # azimuths are conventional for coincident points and at the poles
            if r["s12_m"] > 0 and abs(r["lat1"]) < 90 and abs(r["lat2"]) < 90 \
                    and case not in ("antipodal", "coincident"):
                maxaz = max(maxaz, abs(wrap180(az12 - r["azi1_deg"])),
                            abs(wrap180(az21 + 180.0 - r["azi2_deg"])))
        print("  %-14s %4d rows  max |ds| %.3g m  max |dazi| %.3g deg" % (
            case, len(rs), maxd, maxaz))


def check_direct():
    rows = read_csv("direct.csv")
    print("direct.csv: %d rows" % len(rows))
    for case, rs in by_case(rows).items():
        maxd = 0.0
        for r in rs:
            lon2, lat2, _ = GEOD.fwd(r["lon1"], r["lat1"], r["azi1_deg"], r["s12_m"])
            d = inv1(lat2, lon2, r["lat2"], r["lon2"])[2]
            maxd = max(maxd, d)
            check(d < 1e-6, "direct %s %r: pyproj lands %r m away" % (case, r, d))
            check(-180.0 <= r["lon2"] <= 180.0, "direct lon2 range %r" % r)
        print("  %-14s %4d rows  max position error %.3g m  max s12 %.0f km" % (
            case, len(rs), maxd, max(r["s12_m"] for r in rs) / KM))


def check_segments():
    rows = read_csv("point_to_segment.csv")
    print("point_to_segment.csv: %d rows" % len(rows))
    check(len(rows) >= 1200, "point_to_segment rows < 1200")
    half_meridian = inv1(90.0, 0.0, -90.0, 0.0)[2]
    for case, rs in by_case(rows).items():
        gap_max = -math.inf
        gap_min = math.inf
        nerr = 0.0
        ferr = 0.0
        lmax = 0.0
        for r in rs:
            p, a, b = (r["plat"], r["plon"]), (r["alat"], r["alon"]), (r["blat"], r["blon"])
            L = inv1(a[0], a[1], b[0], b[1])[2]
            lmax = max(lmax, L)
            check(L < half_meridian, "segment not shorter than half meridian %r" % r)
            brute, h = brute_segment(p[0], p[1], a[0], a[1], b[0], b[1])
            gap = brute - r["dist_m"]
            gap_max, gap_min = max(gap_max, gap), min(gap_min, gap)
            check(gap >= -1e-6, "segment %s: reference %r > brute %r: %r" % (
                case, r["dist_m"], brute, r))
            check(gap <= h / 2 + 1e-6, "segment %s: reference %r << brute %r: %r" % (
                case, r["dist_m"], brute, r))
            # N: at distance dist_m from P, on the segment, at frac
            dpn = inv1(p[0], p[1], r["nlat"], r["nlon"])[2]
            nerr = max(nerr, abs(dpn - r["dist_m"]))
            check(abs(dpn - r["dist_m"]) < 1e-6, "segment %s: |PN| %r != dist %r" % (
                case, dpn, r["dist_m"]))
            if L > 0:
                dan = inv1(a[0], a[1], r["nlat"], r["nlon"])[2]
                dnb = inv1(r["nlat"], r["nlon"], b[0], b[1])[2]
                check(dan + dnb - L < 1e-6, "segment %s: N off the segment %r" % (case, r))
                ferr = max(ferr, abs(dan - r["frac"] * L))
                check(abs(dan - r["frac"] * L) < 1e-6, "segment %s: frac %r" % (case, r))
            else:
                check(r["frac"] == 0.0, "zero-length frac %r" % r)
            check(0.0 <= r["frac"] <= 1.0, "frac range %r" % r)
        print("  %-22s %4d rows  brute-ref in [%.3g, %.3g] m  max ||PN|-dist| %.2g m  "
              "max |AN - frac L| %.2g m  max L %.0f km" % (
                  case, len(rs), gap_min, gap_max, nerr, ferr, lmax / KM))
    cs = by_case(rows)
    for r in cs.get("far", []):
        check(r["dist_m"] > 10000 * KM, "far: %r" % r)
    for r in cs.get("perpendicular_far", []):
        check(0 < r["frac"] < 1 and 3000 * KM * 0.97 < r["dist_m"] < 9000 * KM * 1.01,
              "perpendicular_far: %r" % r)
    for r in cs.get("on_vertex", []):
        check(r["dist_m"] == 0.0, "on_vertex: %r" % r)


def ring_edges(rings):
    for ri, ring in enumerate(rings):
        for k in range(len(ring) - 1):
            yield ri, k, ring[k], ring[k + 1]


def winding_inside(lat, lon, rings):
    tot = 0.0
    for ring in rings:
        n = len(ring)
        az, _, _ = GEOD.inv([lon] * n, [lat] * n, [v[1] for v in ring], [v[0] for v in ring])
        tot += sum(wrap180(az[i + 1] - az[i]) for i in range(n - 1))
    k = round(tot / 360.0)
    return k == -1, abs(tot - 360.0 * k)


def check_polygons():
    with open(os.path.join(FIX, "point_to_polygon.json")) as fh:
        doc = json.load(fh)
    polys = doc["polygons"]
    nq = sum(len(p["queries"]) for p in polys)
    print("point_to_polygon.json: %d polygons, %d queries" % (len(polys), nq))
    check(len(polys) >= 8 and nq >= 400, "polygon counts")
    nfar = 0
    for poly in polys:
        rings = [poly["exterior"]] + poly["holes"]
        for i, ring in enumerate(rings):
            check(ring[0] == ring[-1], "%s ring not closed" % poly["name"])
            area, _ = GEOD.polygon_area_perimeter([v[1] for v in ring[:-1]],
                                                  [v[0] for v in ring[:-1]])
            check(area > 0 if i == 0 else area < 0, "%s ring %d orientation" % (poly["name"], i))
        edges = list(ring_edges(rings))
        elen = [inv1(a[0], a[1], b[0], b[1])[2] for _, _, a, b in edges]
        # reflex vertices of the exterior (concavity)
        ext = poly["exterior"]
        nv = len(ext) - 1
        reflex = 0
        turning = 0.0
        for i in range(nv):
            u, v, w = ext[(i - 1) % nv], ext[i], ext[(i + 1) % nv]
            az_in = inv1(u[0], u[1], v[0], v[1])[1] + 180.0  # forward azimuth at v
            az_out = inv1(v[0], v[1], w[0], w[1])[0]
            turn = wrap180(az_out - az_in)
            turning += turn
            if turn > 1e-6:  # turning right on a CCW ring
                reflex += 1
        # a simple CCW ring turns left by 360 deg minus its (small) geodesic excess
        check(-360.0 < turning < -300.0, "%s: total turning %r" % (poly["name"], turning))
        stats = dict(vertices=nv, holes=len(poly["holes"]), reflex=reflex,
                     turning=round(turning, 2),
                     min_edge_km=round(min(elen) / KM, 1), max_edge_km=round(max(elen) / KM, 1))
        # midpoints (for the triangle-inequality prune)
        mids = []
        for (_, _, a, b), L in zip(edges, elen):
            az = inv1(a[0], a[1], b[0], b[1])[0]
            lon, lat, _ = GEOD.fwd(a[1], a[0], az, L / 2)
            mids.append((lat, lon))
        gmin, gmax, kinds = math.inf, -math.inf, {}
        for q in poly["queries"]:
            kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
            lat, lon = q["lat"], q["lon"]
            lbs = sorted((inv1(lat, lon, m[0], m[1])[2] - L / 2, j)
                         for j, (m, L) in enumerate(zip(mids, elen)))
            best, hbest = math.inf, 0.0
            for lb, j in lbs:
                if lb > best:
                    break
                _, _, a, b = edges[j]
                d, h = brute_segment(lat, lon, a[0], a[1], b[0], b[1])
                if d < best:
                    best, hbest = d, h
            gap = best - q["boundary_dist_m"]
            gmin, gmax = min(gmin, gap), max(gmax, gap)
            check(gap >= -1e-6, "%s: boundary ref > brute %r %r" % (poly["name"], best, q))
            check(gap <= hbest / 2 + 1e-6, "%s: boundary ref << brute %r %r" % (
                poly["name"], best, q))
            dbn = inv1(lat, lon, q["boundary_nlat"], q["boundary_nlon"])[2]
            check(abs(dbn - q["boundary_dist_m"]) < 1e-6, "%s: |P Nb| %r" % (poly["name"], q))
            if q.get("on_boundary"):
                check(q["dist_m"] == 0.0 and q["boundary_dist_m"] == 0.0,
                      "%s: on_boundary %r" % (poly["name"], q))
                continue
            ins, err = winding_inside(lat, lon, rings)
            check(err < 1e-6, "winding not a multiple of 360 %r" % q)
            check(ins == q["inside"], "%s: inside mismatch %r" % (poly["name"], q))
            if q["inside"]:
                check(q["dist_m"] == 0.0 and (q["nlat"], q["nlon"]) == (lat, lon),
                      "%s: inside dist %r" % (poly["name"], q))
            else:
                check(q["dist_m"] == q["boundary_dist_m"] and q["dist_m"] > 0,
                      "%s: outside dist %r" % (poly["name"], q))
            if q["kind"].startswith("near_edge"):
                check(q["boundary_dist_m"] <= 1.0, "near_edge > 1 m %r" % q)
                check(q["inside"] == (q["kind"] == "near_edge_inside"), "near_edge side %r" % q)
            if q["kind"] in ("in_hole", "outside_far", "outside_near"):
                check(not q["inside"], "%s should be outside" % q["kind"])
            if not q["inside"] and q["dist_m"] > 5000 * KM:
                nfar += 1
        # shape requirements
        name = poly["name"]
        lats = [v[0] for r in rings for v in r]
        if name == "country_concave":
            diam = max(inv1(a[0], a[1], b[0], b[1])[2] for a in ext for b in ext)
            check(nv >= 12 and reflex >= 1 and 700 * KM < diam < 1300 * KM,
                  "country_concave shape %r, diameter %r" % (stats, diam))
        if name == "with_hole":
            check(len(poly["holes"]) >= 1 and kinds.get("in_hole", 0) > 0, "with_hole")
        if name == "antimeridian_fiji":
            check(any(abs(a[1] - b[1]) > 180 for _, _, a, b in edges), "fiji crosses 180")
        if name == "high_lat_80N":
            check(min(lats) > 75 and not winding_inside(90.0, 0.0, rings)[0], "high_lat_80N")
        if name == "high_lat_south":
            check(max(lats) < -75 and not winding_inside(-90.0, 0.0, rings)[0], "high_lat_south")
        if name == "long_edges":
            check(min(elen) > 2000 * KM, "long_edges %r" % stats)
        if name == "triangle":
            check(nv == 3, "triangle")
        if name == "small_10km":
            check(max(inv1(a[0], a[1], b[0], b[1])[2] for a in ext for b in ext) < 15 * KM,
                  "small_10km size")
        print("  %-18s %r queries %d, brute-ref in [%.3g, %.3g] m %r" % (
            name, stats, len(poly["queries"]), gmin, gmax, kinds))
    print("  outside queries more than 5000 km away: %d" % nfar)
    check(nfar >= 9, "too few far queries")


def main():
    print("pyproj %s (PROJ %s)" % (pyproj.__version__, pyproj.proj_version_str))
    for name in ("point_to_point.csv", "direct.csv", "point_to_segment.csv",
                 "point_to_polygon.json"):
        size = os.path.getsize(os.path.join(FIX, name))
        print("%s: %d bytes" % (name, size))
        check(size < 1000000, "%s too big" % name)
    t0 = time.time()
    check_p2p()
    check_direct()
    check_segments()
    check_polygons()
    print("checked in %.1f s: %s" % (time.time() - t0,
                                     "%d FAILURES" % len(failures) if failures else "all OK"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
