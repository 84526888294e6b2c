#!/usr/bin/env python3
"""Generate the geodesic test fixtures of strikemap (tests/fixtures/).

Reference library: GeographicLib's Python package (``geographiclib``), ellipsoid
``Geodesic.WGS84`` (a = 6378137 m, f = 1/298.257223563).

Files written (paths relative to the repository root):

* tests/fixtures/point_to_point.csv   Geodesic.WGS84.Inverse
* tests/fixtures/direct.csv           Geodesic.WGS84.Direct
* tests/fixtures/point_to_segment.csv brute-force + golden-section reference
* tests/fixtures/point_to_polygon.json

Usage (from the repository root or anywhere):

    pip install -r scripts/requirements-fixtures.txt
    python3 scripts/gen_geodesic_fixtures.py            # all files
    python3 scripts/check_geodesic_fixtures.py          # independent check with pyproj

The output is deterministic: every category draws from its own
``random.Random`` seeded with a fixed constant, and the date written in the
headers is the constant FIXTURE_DATE (override with the environment variable
FIXTURE_DATE), so rerunning gives byte-identical files on the same platform.
(GeographicLib's Python code uses the platform's libm, so another platform may
differ in the last bit of some numbers.)  The work is spread over
``--jobs`` processes (default: all CPUs); results do not depend on it.

Point-to-segment reference method (deliberately naive, independent of any
clever algorithm):

1. The segment A-B is the geodesic returned by ``Geodesic.WGS84.InverseLine(A, B)``
   (the shortest geodesic, the one ``Inverse(A, B)`` gives), of length L = s13.
2. It is sampled at n + 1 equally spaced arc positions, n = max(2000, ceil(L / 5 km)).
   The distance from P to each sample is ``Inverse(P, X).s12``.
3. Every discrete local minimum of the samples (at most the 20 lowest of those
   whose value minus the sample spacing is below the best sample) is refined
   by golden-section search on the arc position s of
   ``Inverse(P, line.Position(s)).s12`` inside the bracket of its two
   neighbouring samples, down to a bracket width of 1e-8 m + 1e-15 L (far
   tighter than the 1e-9 L / 1e-6 m asked for).
4. The distances to both endpoints A and B are always included; the minimum of
   everything wins (endpoints win ties, and are reported with their exact
   input coordinates and frac = 0 or 1).
5. Only the location of an interior N is then polished: bisection on the sign
   of the distance's derivative, -cos(azimuth X->P - segment azimuth at X),
   which crosses zero linearly where the distance itself is flat; the polished
   s is kept only if the distance there is not larger (to 3e-8 m).  This takes
   N from ~0.1 m (P thousands of km away) to ~1e-7 m.  The distance is
   accurate to ~1e-8 m in all cases.
"""

import argparse
import json
import math
import os
import platform
import random
import sys
import time
from multiprocessing import Pool

import geographiclib
from geographiclib.geodesic import Geodesic

G = Geodesic.WGS84
GEOGRAPHICLIB_VERSION = geographiclib.__version__
FIXTURE_DATE = os.environ.get("FIXTURE_DATE", "2026-11-26")
SEED = 20261126

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")

HALF_MERIDIAN = G.Inverse(90.0, 0.0, -90.0, 0.0)["s12"]  # 20003931.458625447 m
KM = 1000.0

LATLON = Geodesic.LATITUDE | Geodesic.LONGITUDE


def rng_for(name):
    """One independent, fixed-seed RNG per category (so categories don't shift
    each other when one of them changes)."""
    return random.Random("%d:%s" % (SEED, name))


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------

def wrap180(x):
    """Angle to (-180, 180]."""
    y = math.remainder(x, 360.0)
    return 180.0 if y == -180.0 else y


def wrap360(x):
    """Angle to [0, 360)."""
    y = math.fmod(x, 360.0)
    if y < 0:
        y += 360.0
    return 0.0 if y == 360.0 else y


def norm_lon(lon):
    """Longitude to [-180, 180) except that +180 stays +180."""
    return wrap180(lon)


def rand_point(rng):
    """Uniform on the sphere (uniform in area up to the ellipsoid's tiny
    distortion)."""
    lat = math.degrees(math.asin(rng.uniform(-1.0, 1.0)))
    lon = rng.uniform(-180.0, 180.0)
    return lat, lon


def rand_cap_lat(rng, lat_min):
    """Latitude uniform in area in the polar cap |lat| >= lat_min (north)."""
    s0 = math.sin(math.radians(lat_min))
    return math.degrees(math.asin(rng.uniform(s0, 1.0)))


def direct(lat, lon, azi, s):
    r = G.Direct(lat, lon, azi, s)
    return r["lat2"], r["lon2"], r["azi2"]


def inv(lat1, lon1, lat2, lon2):
    return G.Inverse(lat1, lon1, lat2, lon2)


def dist(p, q):
    return G.Inverse(p[0], p[1], q[0], q[1], Geodesic.DISTANCE)["s12"]


def antipode(lat, lon):
    return -lat, norm_lon(lon + 180.0)


def fl(x):
    """Full-precision, round-trippable text for a float (Python repr)."""
    return repr(float(x))


def header_lines(kind, extra):
    lines = [
        "# strikemap geodesic test fixture: %s" % kind,
        "# generator: scripts/gen_geodesic_fixtures.py (seed %d)" % SEED,
        "# reference: GeographicLib (Python package geographiclib) %s, Geodesic.WGS84 "
        "(a = 6378137 m, f = 1/298.257223563)" % GEOGRAPHICLIB_VERSION,
        "# python: %s" % platform.python_version(),
        "# date: %s" % FIXTURE_DATE,
        "# units: degrees (lat, lon, azimuths clockwise from north), metres (distances)",
    ]
    lines += ["# " + e for e in extra]
    return lines


def write_csv(path, kind, extra, columns, rows):
    with open(path, "w", newline="\n") as fh:
        for line in header_lines(kind, extra):
            fh.write(line + "\n")
        fh.write(",".join(columns) + "\n")
        for row in rows:
            fh.write(",".join(row[0:1] + [fl(v) for v in row[1:]]) + "\n")


# --------------------------------------------------------------------------
# point-to-segment reference
# --------------------------------------------------------------------------

MIN_SAMPLES = 2000
SAMPLE_SPACING = 5 * KM
MAX_REFINE = 20
NOISE = 3e-8  # metres: what counts as "not measurably different" for Inverse
INVPHI = (math.sqrt(5.0) - 1.0) / 2.0


def _golden(f, a, b, tol, best):
    """Golden-section minimisation of f on [a, b]; returns the best (value, s)
    seen (including the given ``best``)."""
    c = b - INVPHI * (b - a)
    d = a + INVPHI * (b - a)
    fc = f(c)
    fd = f(d)
    best = min(best, (fc, c), (fd, d))
    it = 0
    while b - a > tol and it < 300:
        it += 1
        if fc <= fd:
            b, d, fd = d, c, fc
            c = b - INVPHI * (b - a)
            fc = f(c)
            best = min(best, (fc, c))
        else:
            a, c, fc = c, d, fd
            d = a + INVPHI * (b - a)
            fd = f(d)
            best = min(best, (fd, d))
    return best


def segment_ref(plat, plon, alat, alon, blat, blon):
    """Reference shortest distance from P to the geodesic segment A-B.

    Returns dict(dist, nlat, nlon, frac, s, L, azi_n) where N = (nlat, nlon) is
    the nearest point, s its arc position from A, frac = s / L (0 for L = 0)
    and azi_n the forward azimuth of the segment at N (None for L = 0).
    """
    line = G.InverseLine(alat, alon, blat, blon)
    L = line.s13
    dA = G.Inverse(plat, plon, alat, alon, Geodesic.DISTANCE)["s12"]
    if L == 0.0:
        return dict(dist=dA, nlat=alat, nlon=alon, frac=0.0, s=0.0, L=0.0,
                    azi_n=None, end="A")
    dB = G.Inverse(plat, plon, blat, blon, Geodesic.DISTANCE)["s12"]

    def f(s):
        q = line.Position(s, LATLON)
        return G.Inverse(plat, plon, q["lat2"], q["lon2"], Geodesic.DISTANCE)["s12"]

    n = max(MIN_SAMPLES, int(math.ceil(L / SAMPLE_SPACING)))
    h = L / n
    ss = [L * i / n for i in range(n + 1)]
    ds = [dA] + [f(s) for s in ss[1:n]] + [dB]
    best_sample = min(ds)
    cands = []
    for i in range(1, n):
        if ds[i] <= ds[i - 1] and ds[i] <= ds[i + 1] and ds[i] - h <= best_sample:
            cands.append((ds[i], i))
    # the endpoints are local minima too: refine their one-sided brackets
    if ds[0] <= ds[1]:
        cands.append((ds[0], 0))
    if ds[n] <= ds[n - 1]:
        cands.append((ds[n], n))
    cands.sort()
    cands = cands[:MAX_REFINE]
    tol = 1e-8 + 1e-15 * L
    best = (math.inf, 0.0)
    for _, i in cands:
        lo = ss[max(i - 1, 0)]
        hi = ss[min(i + 1, n)]
        best = _golden(f, lo, hi, tol, min(best, (ds[i], ss[i])))
    # always consider both endpoints; endpoints win ties.  A refined minimum
    # that has crept to within 1e-6 m of an endpoint and is not measurably
    # (> NOISE, GeographicLib's Inverse is accurate to ~15 nm) below the
    # endpoint's distance is the endpoint itself.
    dmin, smin = best
    snap_a = smin < 1e-6 and dA <= dmin + NOISE
    snap_b = L - smin < 1e-6 and dB <= dmin + NOISE
    if snap_a or (not snap_b and dA <= dmin and dA <= dB):
        return dict(dist=dA, nlat=alat, nlon=alon, frac=0.0, s=0.0, L=L,
                    azi_n=line.azi1, end="A")
    if snap_b or dB <= dmin:
        q = line.Position(L, Geodesic.AZIMUTH)
        return dict(dist=dB, nlat=blat, nlon=blon, frac=1.0, s=L, L=L,
                    azi_n=q["azi2"], end="B")
    # Polish the location of N (not the distance): the distance is flat at
    # its minimum, so golden-section pins s only to ~sqrt(2 d eps), up to
    # ~0.1 m for P thousands of km away.  The derivative of the distance,
    # -cos(azimuth X->P minus segment azimuth at X), crosses zero linearly,
    # so bisection on it fixes N to ~1e-7 m.  Accepted only if the distance
    # there is not larger than the golden-section minimum (to noise level).
    if dmin > 1e-3:
        sp = _polish(line, plat, plon, smin, 2.0 * h, L)
        if sp is not None:
            dp = f(sp)
            if dp <= dmin + NOISE:
                smin, dmin = sp, min(dmin, dp)
    q = line.Position(smin, LATLON | Geodesic.AZIMUTH)
    return dict(dist=dmin, nlat=q["lat2"], nlon=q["lon2"], frac=smin / L,
                s=smin, L=L, azi_n=q["azi2"], end=None)


def _polish(line, plat, plon, s0, wmax, L):
    def fprime(s):
        q = line.Position(s, LATLON | Geodesic.AZIMUTH)
        r = G.Inverse(q["lat2"], q["lon2"], plat, plon, Geodesic.AZIMUTH)
        return -math.cos(math.radians(r["azi1"] - q["azi2"]))

    w = 1e-4
    while w <= wmax:
        a, b = max(s0 - w, 0.0), min(s0 + w, L)
        fa, fb = fprime(a), fprime(b)
        if fa < 0.0 < fb:
            for _ in range(100):
                m = 0.5 * (a + b)
                if not (a < m < b):
                    break
                fm = fprime(m)
                if fm < 0.0:
                    a = m
                elif fm > 0.0:
                    b = m
                else:
                    return m
            return 0.5 * (a + b)
        w *= 4.0
    return None


def _segment_task(t):
    p, a, b = t
    return segment_ref(p[0], p[1], a[0], a[1], b[0], b[1])


def segment_lower_bound(p, a, b):
    """Cheap rigorous lower bound on dist(P, segment): triangle inequality
    with the segment's midpoint M: d(P, X) >= d(P, M) - L/2."""
    line = G.InverseLine(a[0], a[1], b[0], b[1])
    m = line.Position(line.s13 / 2.0, LATLON)
    return dist(p, (m["lat2"], m["lon2"])) - line.s13 / 2.0


def stable_segment(a, b):
    """True if the shortest geodesic A-B is well defined (not on or near the
    cut locus of A, where a tiny change of B flips the route)."""
    r0 = inv(a[0], a[1], b[0], b[1])
    if r0["s12"] >= HALF_MERIDIAN - 1.0 * KM:
        return False
    if r0["s12"] < 19000 * KM:
        return True
    eps = 1e-6
    for dlat, dlon in ((eps, 0.0), (-eps, 0.0), (0.0, eps), (0.0, -eps)):
        r = inv(a[0], a[1], max(-90.0, min(90.0, b[0] + dlat)), b[1] + dlon)
        if abs(wrap180(r["azi1"] - r0["azi1"])) > 0.01:
            return False
    return True


# --------------------------------------------------------------------------
# 1. point to point (Inverse)
# --------------------------------------------------------------------------

def gen_point_to_point():
    rows = []

    def add(case, lat1, lon1, lat2, lon2):
        lat1, lon1, lat2, lon2 = float(lat1), float(lon1), float(lat2), float(lon2)
        r = inv(lat1, lon1, lat2, lon2)
        rows.append([case, lat1, lon1, lat2, lon2, r["s12"], r["azi1"], r["azi2"]])
        return r

    # random: uniform on the sphere
    rng = rng_for("p2p.random")
    for _ in range(550):
        a = rand_point(rng)
        b = rand_point(rng)
        add("random", a[0], a[1], b[0], b[1])

    # short: < 10 km apart, from 1 mm up
    rng = rng_for("p2p.short")
    for i in range(110):
        a = rand_point(rng)
        if i < 10:  # a few at high latitude / near the antimeridian
            a = (rng.choice([-1, 1]) * rng.uniform(85.0, 89.9), a[1]) if i < 5 \
                else (a[0], rng.choice([179.999, -179.999, 180.0, -180.0]))
        s = 10 ** rng.uniform(-3.0, math.log10(9999.0))
        lat2, lon2, _ = direct(a[0], a[1], rng.uniform(-180.0, 180.0), s)
        r = add("short", a[0], a[1], lat2, lon2)
        assert 0 < r["s12"] < 10 * KM

    # pole: one or both points at or within 1e-6 deg of +-90
    rng = rng_for("p2p.pole")
    for i in range(100):
        sgn = 1.0 if i % 2 == 0 else -1.0
        k = i % 5
        if k == 0:  # exactly at the pole, other point random
            p1 = (sgn * 90.0, rng.choice([0.0, 180.0, -180.0, rng.uniform(-180, 180)]))
            p2 = rand_point(rng)
        elif k == 1:  # within 1e-6 deg of the pole, other point random
            p1 = (sgn * (90.0 - rng.uniform(0.0, 1e-6)), rng.uniform(-180, 180))
            p2 = rand_point(rng)
        elif k == 2:  # pole to the same pole, different longitudes / tiny offsets
            p1 = (sgn * 90.0, rng.uniform(-180, 180))
            p2 = (sgn * (90.0 - rng.choice([0.0, rng.uniform(0.0, 1e-6)])),
                  rng.uniform(-180, 180))
        elif k == 3:  # pole to the opposite pole (or nearly)
            p1 = (sgn * (90.0 - rng.choice([0.0, rng.uniform(0.0, 1e-6)])),
                  rng.uniform(-180, 180))
            p2 = (-sgn * (90.0 - rng.choice([0.0, rng.uniform(0.0, 1e-6)])),
                  rng.uniform(-180, 180))
        else:  # random point to the pole (pole second)
            p1 = rand_point(rng)
            p2 = (sgn * (90.0 - rng.choice([0.0, rng.uniform(0.0, 1e-6)])),
                  rng.choice([0.0, 180.0, rng.uniform(-180, 180)]))
        add("pole", p1[0], p1[1], p2[0], p2[1])

    # antimeridian: pairs straddling lon +-180, including exactly 180 and -180
    rng = rng_for("p2p.antimeridian")
    specials = [180.0, -180.0]
    for i in range(150):
        lat1 = rng.uniform(-85.0, 85.0)
        lat2 = lat1 + rng.uniform(-10.0, 10.0)
        lat2 = max(-89.0, min(89.0, lat2))
        k = i % 6
        if k == 0:
            lon1, lon2 = 180.0, -rng.uniform(170.0, 180.0)
        elif k == 1:
            lon1, lon2 = -180.0, rng.uniform(170.0, 180.0)
        elif k == 2:
            lon1, lon2 = rng.choice(specials), rng.choice(specials)
        elif k == 3:  # tiny steps across
            lon1 = 180.0 - rng.uniform(0.0, 1e-3)
            lon2 = -180.0 + rng.uniform(0.0, 1e-3)
        else:
            lon1 = rng.uniform(170.0, 180.0)
            lon2 = -rng.uniform(170.0, 180.0)
        if rng.random() < 0.5:
            lat1, lon1, lat2, lon2 = lat2, lon2, lat1, lon1
        add("antimeridian", lat1, lon1, lat2, lon2)

    # antipodal: within 0.5 deg of antipodal, including exact cases
    rng = rng_for("p2p.antipodal")
    exact = [
        (0.0, 0.0, 0.0, 180.0), (0.0, 0.0, 0.0, -180.0), (0.0, 90.0, 0.0, -90.0),
        (0.0, -45.0, 0.0, 135.0), (0.0, 180.0, 0.0, 0.0), (0.0, 12.5, 0.0, -167.5),
        (30.0, 0.0, -30.0, 180.0), (-45.0, 10.0, 45.0, -170.0), (60.0, -120.0, -60.0, 60.0),
        (89.0, 0.0, -89.0, 180.0), (90.0, 0.0, -90.0, 0.0), (-90.0, 0.0, 90.0, 180.0),
        (10.0, 180.0, -10.0, 0.0), (1e-9, 0.0, -1e-9, 180.0),
    ]
    for e in exact:
        add("antipodal", *e)
    while len([r for r in rows if r[0] == "antipodal"]) < 150:
        i = len([r for r in rows if r[0] == "antipodal"])
        if i % 4 == 0:  # exactly antipodal, random position
            a = rand_point(rng)
            b = antipode(*a)
        elif i % 4 == 1:  # equatorial, near antipodal in longitude
            a = (0.0, rng.uniform(-180, 180))
            b = (0.0, norm_lon(a[1] + 180.0 + rng.uniform(-0.5, 0.5)))
        else:
            a = rand_point(rng)
            if i % 4 == 2:  # keep near the equator, the hardest zone
                a = (rng.uniform(-5.0, 5.0), a[1])
            b0 = antipode(*a)
            b = (max(-90.0, min(90.0, b0[0] + rng.uniform(-0.5, 0.5) / math.sqrt(2))),
                 norm_lon(b0[1] + rng.uniform(-0.5, 0.5) / math.sqrt(2)))
        add("antipodal", a[0], a[1], b[0], b[1])

    # coincident: identical points (also the same point written two ways)
    rng = rng_for("p2p.coincident")
    fixed = [
        (90.0, 0.0, 90.0, 0.0), (-90.0, 0.0, -90.0, 0.0), (90.0, 0.0, 90.0, 135.0),
        (-90.0, 180.0, -90.0, -60.0), (0.0, 180.0, 0.0, 180.0), (0.0, -180.0, 0.0, -180.0),
        (0.0, 180.0, 0.0, -180.0), (45.0, 180.0, 45.0, -180.0), (-33.0, -180.0, -33.0, 180.0),
        (0.0, 0.0, 0.0, 0.0), (0.0, -0.0, -0.0, 0.0),
    ]
    for e in fixed:
        add("coincident", *e)
    for i in range(50 - len(fixed)):
        if i % 5 == 0:
            a = (rng.uniform(-89.9, 89.9), rng.choice([180.0, -180.0]))
        elif i % 5 == 1:
            a = (rng.choice([90.0, -90.0]), rng.uniform(-180, 180))
        else:
            a = rand_point(rng)
        add("coincident", a[0], a[1], a[0], a[1])

    # equator: both on the equator, including |dlon| > (1-f)*180 where the
    # shortest path leaves the equator
    rng = rng_for("p2p.equator")
    for i in range(50):
        lon1 = rng.uniform(-180, 180)
        if i % 5 == 0:
            dl = rng.uniform(179.0, 180.0)
        elif i % 5 == 1:
            dl = rng.uniform(175.0, 179.5)
        else:
            dl = rng.uniform(0.0, 180.0)
        dl *= rng.choice([-1, 1])
        add("equator", 0.0, lon1, 0.0, norm_lon(lon1 + dl))

    # meridian: same longitude
    rng = rng_for("p2p.meridian")
    for i in range(50):
        lon = rng.choice([0.0, 180.0, -180.0, 90.0]) if i % 4 == 0 else rng.uniform(-180, 180)
        lat1 = rng.uniform(-90.0, 90.0)
        lat2 = rng.uniform(-90.0, 90.0)
        if i % 10 == 1:
            lat2 = rng.choice([90.0, -90.0])
        add("meridian", lat1, lon, lat2, lon)

    return rows


# --------------------------------------------------------------------------
# 1b. direct
# --------------------------------------------------------------------------

def gen_direct():
    rows = []

    def add(case, lat1, lon1, azi1, s12):
        lat1, lon1, azi1, s12 = float(lat1), float(lon1), float(azi1), float(s12)
        r = G.Direct(lat1, lon1, azi1, s12)
        rows.append([case, lat1, lon1, azi1, s12, r["lat2"], r["lon2"], r["azi2"]])

    rng = rng_for("direct.random")
    for _ in range(120):
        a = rand_point(rng)
        add("random", a[0], a[1], rng.uniform(-180, 180), rng.uniform(0.0, 19000 * KM))

    rng = rng_for("direct.short")
    add("short", 12.0, 34.0, 56.0, 0.0)
    add("short", 90.0, 0.0, 30.0, 0.0)
    for _ in range(28):
        a = rand_point(rng)
        add("short", a[0], a[1], rng.uniform(-180, 180), 10 ** rng.uniform(-3.0, 4.0))

    rng = rng_for("direct.long")
    add("long", 0.0, 0.0, 90.0, 19000 * KM)
    add("long", 0.0, 0.0, 0.0, 19000 * KM)
    for _ in range(38):
        a = rand_point(rng)
        add("long", a[0], a[1], rng.uniform(-180, 180), rng.uniform(15000 * KM, 19000 * KM))

    rng = rng_for("direct.pole")
    for i in range(50):
        sgn = 1.0 if i % 2 == 0 else -1.0
        k = i % 5
        if k == 0:  # start exactly at a pole
            add("pole", sgn * 90.0, rng.choice([0.0, 180.0, rng.uniform(-180, 180)]),
                rng.uniform(-180, 180), rng.uniform(0.0, 19000 * KM))
        elif k == 1:  # start within 1e-6 deg of a pole
            add("pole", sgn * (90.0 - rng.uniform(0.0, 1e-6)), rng.uniform(-180, 180),
                rng.uniform(-180, 180), rng.uniform(0.0, 5000 * KM))
        elif k == 2:  # due north/south over the pole
            lat = sgn * rng.uniform(60.0, 89.0)
            azi = 0.0 if sgn > 0 else 180.0
            add("pole", lat, rng.uniform(-180, 180), azi, rng.uniform(200 * KM, 4000 * KM))
        elif k == 3:  # passing close to the pole
            lat = sgn * rng.uniform(70.0, 89.0)
            azi = (0.0 if sgn > 0 else 180.0) + rng.uniform(-1.0, 1.0)
            add("pole", lat, rng.uniform(-180, 180), azi, rng.uniform(1000 * KM, 6000 * KM))
        else:  # landing on/near a pole: distance to the pole along the meridian
            lat = sgn * rng.uniform(0.0, 89.0)
            lon = rng.uniform(-180, 180)
            s = inv(lat, lon, sgn * 90.0, lon)["s12"]
            add("pole", lat, lon, 0.0 if sgn > 0 else 180.0, s + rng.choice([0.0, 0.01, -0.01]))

    rng = rng_for("direct.antimeridian")
    for i in range(50):
        lat = rng.uniform(-80.0, 80.0)
        k = i % 5
        if k == 0:
            lon, azi = 180.0, rng.uniform(-180, 180)
        elif k == 1:
            lon, azi = -180.0, rng.uniform(-180, 180)
        elif k == 2:  # heading east just west of 180
            lon, azi = rng.uniform(175.0, 180.0), rng.uniform(45.0, 135.0)
        elif k == 3:  # heading west just east of -180
            lon, azi = -rng.uniform(175.0, 180.0), -rng.uniform(45.0, 135.0)
        else:
            lon, azi = rng.choice([1, -1]) * rng.uniform(170.0, 180.0), rng.uniform(-180, 180)
        add("antimeridian", lat, lon, azi, rng.uniform(1 * KM, 3000 * KM))

    rng = rng_for("direct.equator")
    for i in range(15):
        azi = [90.0, -90.0, 270.0][i % 3] if i < 9 else rng.uniform(-180, 180)
        add("equator", 0.0, rng.uniform(-180, 180), azi, rng.uniform(0.0, 19000 * KM))

    rng = rng_for("direct.meridian")
    for i in range(15):
        azi = [0.0, 180.0, -180.0][i % 3]
        add("meridian", rng.uniform(-89.0, 89.0), rng.uniform(-180, 180), azi,
            rng.uniform(0.0, 19000 * KM))
    return rows


# --------------------------------------------------------------------------
# 2. point to segment
# --------------------------------------------------------------------------

def offset_point(rng, line, s, d, azi_rel=None):
    """Point at distance d from line.Position(s) in a direction azi_rel (deg)
    relative to the segment direction there (random if None)."""
    q = line.Position(s, LATLON | Geodesic.AZIMUTH)
    if azi_rel is None:
        azi_rel = rng.uniform(-180, 180)
    lat, lon, _ = direct(q["lat2"], q["lon2"], q["azi2"] + azi_rel, d)
    return lat, lon


def gen_segment_candidates(pool):
    """Returns a list of (case, P, A, B) and the matching reference results."""
    out = []

    def seg(case, p, a, b):
        out.append((case, (float(p[0]), float(p[1])), (float(a[0]), float(a[1])),
                    (float(b[0]), float(b[1]))))

    # random: uniform endpoints, any length (stable shortest geodesic)
    rng = rng_for("seg.random")
    n = 0
    while n < 300:
        a, b, p = rand_point(rng), rand_point(rng), rand_point(rng)
        if not stable_segment(a, b):
            continue
        seg("random", p, a, b)
        n += 1

    # long: L > 1000 km (up to 18000 km), P within 500 km
    rng = rng_for("seg.long")
    n = 0
    while n < 200:
        a = rand_point(rng)
        b = direct(a[0], a[1], rng.uniform(-180, 180), rng.uniform(1000 * KM, 18000 * KM))[:2]
        if not stable_segment(a, b):
            continue
        line = G.InverseLine(a[0], a[1], b[0], b[1])
        if line.s13 <= 1000 * KM:
            continue
        s = rng.uniform(-0.05, 1.05) * line.s13
        d = rng.choice([rng.uniform(0.0, 500 * KM), 10 ** rng.uniform(-2, 5)])
        if s < 0 or s > line.s13:
            d = min(d, 400 * KM)
            s = max(-100 * KM, min(line.s13 + 100 * KM, s))
        p = offset_point(rng, line, s, d, rng.choice([90.0, -90.0, None]))
        seg("long", p, a, b)
        n += 1

    # near: L 1-200 km, P within 0-50 km
    rng = rng_for("seg.near")
    for i in range(200):
        a = rand_point(rng)
        L = 10 ** rng.uniform(3.0, math.log10(200 * KM))
        b = direct(a[0], a[1], rng.uniform(-180, 180), L)[:2]
        line = G.InverseLine(a[0], a[1], b[0], b[1])
        s = rng.uniform(-0.2, 1.2) * line.s13
        d = rng.uniform(0.0, 50 * KM) if i % 3 else 10 ** rng.uniform(-3, 4)
        ext = max(0.0, -s, s - line.s13)  # beyond an end: keep P within 50 km
        d = min(d, 50 * KM - ext)
        p = offset_point(rng, line, s, d, rng.choice([90.0, -90.0, None]))
        seg("near", p, a, b)

    # high_lat: all of A, B, P with |lat| > 75
    rng = rng_for("seg.high_lat")
    for i in range(100):
        sgn = 1.0 if i % 2 == 0 else -1.0
        a = (sgn * rand_cap_lat(rng, 75.0), rng.uniform(-180, 180))
        b = (sgn * rand_cap_lat(rng, 75.0), rng.uniform(-180, 180))
        psgn = sgn if i % 10 != 9 else -sgn
        p = (psgn * rand_cap_lat(rng, 75.0), rng.uniform(-180, 180))
        if i % 10 == 3:
            p = (sgn * 90.0, rng.uniform(-180, 180))
        if i % 10 == 5:
            a = (sgn * 90.0, 0.0)
        if i % 10 == 7:  # short segment, P close
            b = direct(a[0], a[1], rng.uniform(-180, 180), rng.uniform(1 * KM, 100 * KM))[:2]
            if abs(b[0]) <= 75.0:
                b = (sgn * 76.0, b[1])
            line = G.InverseLine(a[0], a[1], b[0], b[1])
            p = offset_point(rng, line, rng.uniform(0, line.s13), rng.uniform(0, 20 * KM))
            if abs(p[0]) <= 75.0:
                p = (sgn * 80.0, p[1])
        seg("high_lat", p, a, b)

    # over_pole: segment passing over or within 1 deg of a pole
    rng = rng_for("seg.over_pole")
    n = 0
    fixed = [((80.0, 10.0), (80.0, -170.0)), ((-80.0, 10.0), (-80.0, -170.0)),
             ((89.0, 0.0), (89.0, 180.0)), ((60.0, 45.0), (70.0, -135.0)),
             ((85.0, 90.0), (75.0, -90.0)), ((-70.0, 0.0), (-88.0, 180.0))]
    while n < 60:
        if n < len(fixed):
            a, b = fixed[n]
            p = (a[0] / abs(a[0]) * rng.uniform(85.0, 90.0), rng.uniform(-180, 180))
        else:
            sgn = 1.0 if n % 2 == 0 else -1.0
            lon = rng.uniform(-180, 180)
            a = (sgn * rng.uniform(50.0, 89.5), lon)
            b = (sgn * rng.uniform(50.0, 89.5),
                 norm_lon(lon + 180.0 + rng.choice([0.0, rng.uniform(-5.0, 5.0)])))
            k = n % 4
            if k == 0:
                p = (sgn * 90.0, rng.uniform(-180, 180))
            elif k == 1:
                p = (sgn * rng.uniform(80.0, 90.0), rng.uniform(-180, 180))
            elif k == 2:
                p = rand_point(rng)
            else:
                line = G.InverseLine(a[0], a[1], b[0], b[1])
                p = offset_point(rng, line, rng.uniform(0, line.s13), rng.uniform(0, 300 * KM))
        # check that the geodesic passes within 1 deg of the pole
        line = G.InverseLine(a[0], a[1], b[0], b[1])
        mx = max(abs(line.Position(line.s13 * j / 400.0, LATLON)["lat2"]) for j in range(401))
        if mx < 89.0:
            continue
        seg("over_pole", p, a, b)
        n += 1

    # antimeridian: segments crossing lon 180
    rng = rng_for("seg.antimeridian")
    for i in range(100):
        lat1 = rng.uniform(-70.0, 70.0)
        lat2 = max(-80.0, min(80.0, lat1 + rng.uniform(-15.0, 15.0)))
        k = i % 5
        if k == 0:
            lon1, lon2 = 180.0, -rng.uniform(150.0, 179.0)
        elif k == 1:
            lon1, lon2 = rng.uniform(150.0, 179.0), -180.0
        elif k == 2:
            lon1, lon2 = 180.0 - rng.uniform(0, 1e-3), -180.0 + rng.uniform(0, 1e-3)
        else:
            lon1, lon2 = rng.uniform(150.0, 180.0), -rng.uniform(150.0, 180.0)
        a, b = (lat1, lon1), (lat2, lon2)
        if rng.random() < 0.5:
            a, b = b, a
        line = G.InverseLine(a[0], a[1], b[0], b[1])
        if i % 4 == 0:
            p = (rng.uniform(-80, 80), rng.choice([180.0, -180.0, rng.uniform(-180, 180)]))
        else:
            p = offset_point(rng, line, rng.uniform(-0.1, 1.1) * line.s13,
                             rng.uniform(0.0, 300 * KM))
        seg("antimeridian", p, a, b)

    # on_vertex: P is exactly A or B
    rng = rng_for("seg.on_vertex")
    for i in range(50):
        a = rand_point(rng)
        if i % 10 == 0:
            a = (rng.choice([90.0, -90.0]), rng.uniform(-180, 180))
        if i % 10 == 1:
            a = (rng.uniform(-80, 80), rng.choice([180.0, -180.0]))
        L = 10 ** rng.uniform(0.0, math.log10(15000 * KM))
        b = direct(a[0], a[1], rng.uniform(-180, 180), L)[:2]
        p = a if i % 2 == 0 else b
        seg("on_vertex", p, a, b)

    # on_edge: P = line.Position(s) for 0 < s < L
    rng = rng_for("seg.on_edge")
    for i in range(60):
        a = rand_point(rng)
        L = 10 ** rng.uniform(2.0, math.log10(18000 * KM))
        b = direct(a[0], a[1], rng.uniform(-180, 180), L)[:2]
        if not stable_segment(a, b):
            b = direct(a[0], a[1], rng.uniform(-180, 180), L / 2)[:2]
        line = G.InverseLine(a[0], a[1], b[0], b[1])
        q = line.Position(rng.uniform(0.01, 0.99) * line.s13, LATLON)
        seg("on_edge", (q["lat2"], q["lon2"]), a, b)

    # zero_length: A == B
    rng = rng_for("seg.zero_length")
    for i in range(50):
        a = rand_point(rng)
        if i % 10 == 0:
            a = (rng.choice([90.0, -90.0]), rng.uniform(-180, 180))
        if i % 10 == 1:
            a = (rng.uniform(-80, 80), rng.choice([180.0, -180.0]))
        k = i % 3
        if k == 0:
            p = rand_point(rng)
        elif k == 1:
            p = direct(a[0], a[1], rng.uniform(-180, 180), 10 ** rng.uniform(-3, 5))[:2]
        else:
            p = a if i % 6 == 2 else antipode(*a)
        seg("zero_length", p, a, a)

    # far: P more than 10,000 km from the segment (checked with a rigorous
    # lower bound from 200 coarse samples)
    rng = rng_for("seg.far")
    n = 0
    while n < 100:
        a = rand_point(rng)
        b = direct(a[0], a[1], rng.uniform(-180, 180), rng.uniform(10 * KM, 8000 * KM))[:2]
        line = G.InverseLine(a[0], a[1], b[0], b[1])
        s = rng.uniform(0, line.s13)
        c = line.Position(s, LATLON)
        ap = antipode(c["lat2"], c["lon2"])
        p = direct(ap[0], ap[1], rng.uniform(-180, 180), rng.uniform(0, 9000 * KM))[:2]
        h = line.s13 / 200.0
        lb = min(dist(p, (q["lat2"], q["lon2"])) for q in
                 (line.Position(line.s13 * j / 200.0, LATLON) for j in range(201))) - h
        if lb <= 10000 * KM + 1.0:
            continue
        seg("far", p, a, b)
        n += 1

    # near_antipodal_segment: A, B nearly (0.05..0.5 deg off) antipodal
    rng = rng_for("seg.near_antipodal")
    n = 0
    while n < 30:
        lat = rng.choice([1, -1]) * rng.uniform(5.0, 70.0)
        a = (lat, rng.uniform(-180, 180))
        ap = antipode(*a)
        dlat = rng.choice([1, -1]) * rng.uniform(0.05, 0.5)
        dlon = rng.uniform(-0.5, 0.5)
        b = (ap[0] + dlat, norm_lon(ap[1] + dlon))
        if not stable_segment(a, b):
            continue
        line = G.InverseLine(a[0], a[1], b[0], b[1])
        if n % 3 == 0:
            p = rand_point(rng)
        else:
            p = offset_point(rng, line, rng.uniform(0, line.s13), rng.uniform(0, 2000 * KM))
        seg("near_antipodal_segment", p, a, b)
        n += 1

    # perpendicular_far: L > 5000 km, P 3000-9000 km off, foot inside
    rng = rng_for("seg.perpendicular_far")
    pf = []
    while len(pf) < 90:
        a = rand_point(rng)
        b = direct(a[0], a[1], rng.uniform(-180, 180), rng.uniform(5200 * KM, 15000 * KM))[:2]
        if not stable_segment(a, b):
            continue
        line = G.InverseLine(a[0], a[1], b[0], b[1])
        if line.s13 <= 5000 * KM:
            continue
        s = rng.uniform(0.2, 0.8) * line.s13
        p = offset_point(rng, line, s, rng.uniform(3000 * KM, 9000 * KM),
                         rng.choice([90.0, -90.0]))
        pf.append(("perpendicular_far", (p[0], p[1]), a, b))

    cases = out + pf
    res = pool.map(_segment_task, [(p, a, b) for _, p, a, b in cases], chunksize=4)
    rows = []
    n_pf = 0
    for (case, p, a, b), r in zip(cases, res):
        if case == "perpendicular_far":
            if n_pf >= 60 or not (0.02 < r["frac"] < 0.98) or not (
                    2900 * KM < r["dist"] < 9100 * KM):
                continue
            n_pf += 1
        if case == "far":
            assert r["dist"] > 10000 * KM
        if case == "long":
            assert r["L"] > 1000 * KM and r["dist"] <= 500 * KM
        if case == "near":
            assert 1 * KM * 0.999 <= r["L"] <= 200 * KM * 1.001 and r["dist"] <= 50 * KM
        if case in ("random", "long", "near_antipodal_segment", "perpendicular_far"):
            assert r["L"] < HALF_MERIDIAN - 1.0 * KM
        if case == "on_vertex":
            assert r["dist"] == 0.0
        if case == "on_edge":
            assert r["dist"] < 1e-6, r
        if case == "zero_length":
            assert r["L"] == 0.0
        if case == "high_lat":
            assert all(abs(x[0]) > 75.0 for x in (p, a, b))
        rows.append([case, p[0], p[1], a[0], a[1], b[0], b[1], r["dist"], r["nlat"],
                     r["nlon"], r["frac"]])
    assert n_pf == 60, n_pf
    return rows


# --------------------------------------------------------------------------
# 3. point to polygon
# --------------------------------------------------------------------------

def star_ring(center, radii_km, start_az, ccw=True, nd=6):
    """Ring from a centre, one vertex per radius at equally spaced azimuths.
    Counter-clockwise = decreasing azimuth (azimuths are clockwise)."""
    n = len(radii_km)
    pts = []
    for i, r in enumerate(radii_km):
        az = start_az + (-1 if ccw else 1) * i * 360.0 / n
        lat, lon, _ = direct(center[0], center[1], az, r * KM)
        pts.append([round(lat, nd), round(norm_lon(lon), nd)])
    return pts + [list(pts[0])]


def ring_area(ring):
    p = G.Polygon()
    for lat, lon in ring[:-1]:
        p.AddPoint(lat, lon)
    _, _, area = p.Compute(False, True)
    return area


def thin_ring(start, azi, length_km, width_km, nseg=2):
    line = G.DirectLine(start[0], start[1], azi, length_km * KM)
    right, left = [], []
    for j in range(nseg + 1):
        q = line.Position(length_km * KM * j / nseg, LATLON | Geodesic.AZIMUTH)
        r = direct(q["lat2"], q["lon2"], q["azi2"] + 90.0, width_km * KM / 2)
        l = direct(q["lat2"], q["lon2"], q["azi2"] - 90.0, width_km * KM / 2)
        right.append([round(r[0], 6), round(norm_lon(r[1]), 6)])
        left.append([round(l[0], 6), round(norm_lon(l[1]), 6)])
    ring = right + left[::-1]
    return ring + [list(ring[0])]


def polygon_defs():
    polys = []
    polys.append(dict(
        name="small_10km",
        description="~10 km across, concave, 8 vertices (Kyiv area)",
        center=(50.4501, 30.5234), size_km=10.0,
        exterior=star_ring((50.4501, 30.5234), [5.0, 3.2, 5.5, 4.0, 6.0, 2.5, 5.0, 4.5], 10.0),
        holes=[]))
    polys.append(dict(
        name="country_concave",
        description="~1000 km across, 16 vertices, concave (deep notches)",
        center=(49.0, 31.5), size_km=1000.0,
        exterior=star_ring((49.0, 31.5), [550, 420, 600, 250, 520, 480, 560, 300,
                                          500, 430, 580, 220, 540, 470, 510, 350], 5.0),
        holes=[]))
    polys.append(dict(
        name="with_hole",
        description="~600 km octagon-like star with a ~150 km pentagonal hole",
        center=(35.0, 40.0), size_km=600.0,
        exterior=star_ring((35.0, 40.0), [300, 280, 320, 290, 310, 270, 300, 330], 0.0),
        holes=[star_ring((35.2, 40.3), [80, 70, 90, 75, 85], 20.0, ccw=False)]))
    polys.append(dict(
        name="antimeridian_fiji",
        description="~500 km, crosses lon 180 (Fiji-like); one vertex at exactly lon 180",
        center=(-17.5, 179.8), size_km=500.0,
        exterior=None, holes=[]))
    # hand-made CCW ring across the antimeridian (interior on the left)
    fiji = [[-15.5, 177.0], [-19.8, 177.2], [-20.5, 179.0], [-19.5, -178.2],
            [-16.2, -178.8], [-15.9, 180.0], [-16.9, 178.8]]
    polys[-1]["exterior"] = fiji + [list(fiji[0])]
    polys.append(dict(
        name="high_lat_80N",
        description="around 80.5N 25E (Svalbard-like), 10 vertices, pole outside",
        center=(80.5, 25.0), size_km=800.0,
        exterior=star_ring((80.5, 25.0), [300, 420, 250, 380, 450, 280, 400, 330, 460, 260], 0.0),
        holes=[]))
    polys.append(dict(
        name="long_edges",
        description="pentagon with ~2900 km geodesic edges (Atlantic)",
        center=(15.0, -40.0), size_km=5000.0,
        exterior=star_ring((15.0, -40.0), [2500, 2400, 2600, 2450, 2550], 0.0),
        holes=[]))
    polys.append(dict(
        name="triangle",
        description="triangle ~700 km (South Africa)",
        center=(-28.0, 22.0), size_km=700.0,
        exterior=star_ring((-28.0, 22.0), [400, 420, 380], 30.0),
        holes=[]))
    polys.append(dict(
        name="long_thin",
        description="900 km long, 4 km wide strip (Iberia to France), 6 vertices",
        center=None, size_km=900.0, width_km=4.0,
        exterior=thin_ring((40.0, -5.0), 40.0, 900.0, 4.0),
        holes=[]))
    polys.append(dict(
        name="high_lat_south",
        description="around 79S 60W (Weddell-like), 7 vertices, pole outside",
        center=(-79.0, -60.0), size_km=600.0,
        exterior=star_ring((-79.0, -60.0), [300, 250, 340, 200, 310, 280, 260], 0.0),
        holes=[]))
    for p in polys:
        rings = [p["exterior"]] + p["holes"]
        assert ring_area(p["exterior"]) > 0, p["name"]  # counter-clockwise
        for h in p["holes"]:
            assert ring_area(h) < 0, p["name"]  # clockwise
        for r in rings:
            assert r[0] == r[-1]
    return polys


def winding_inside(p, rings):
    """Independent inside test: winding number from the azimuths at P of the
    ring vertices.  With exteriors CCW and holes CW, P is inside iff the total
    turning is -360 degrees."""
    tot = 0.0
    for ring in rings:
        azs = [inv(p[0], p[1], v[0], v[1])["azi1"] for v in ring]
        tot += sum(wrap180(azs[i + 1] - azs[i]) for i in range(len(azs) - 1))
    k = round(tot / 360.0)
    assert abs(tot - 360.0 * k) < 1e-6, tot
    return k == -1


def polygon_query_ref(p, rings):
    """Reference boundary distance (min over all edges of all rings, with a
    rigorous triangle-inequality prune) and inside/outside from the side of
    the nearest boundary point."""
    edges = []
    for ri, ring in enumerate(rings):
        for k in range(len(ring) - 1):
            a, b = ring[k], ring[k + 1]
            edges.append((segment_lower_bound(p, a, b), ri, k))
    edges.sort()
    best = None
    for lb, ri, k in edges:
        if best is not None and lb > best[0]["dist"]:
            break
        a, b = rings[ri][k], rings[ri][k + 1]
        r = segment_ref(p[0], p[1], a[0], a[1], b[0], b[1])
        if best is None or r["dist"] < best[0]["dist"]:
            best = (r, ri, k)
    r, ri, k = best
    out = dict(boundary_dist=r["dist"], blat=r["nlat"], blon=r["nlon"], ring=ri, edge=k,
               frac=r["frac"])
    if r["dist"] == 0.0:
        out["side"] = "boundary"
        return out
    ring = rings[ri]
    if r["end"] is None:
        # nearest point inside the edge: sign of the cross direction
        azp = inv(r["nlat"], r["nlon"], p[0], p[1])["azi1"]
        delta = wrap180(azp - r["azi_n"])
        assert abs(abs(delta) - 90.0) < 1e-3 or r["dist"] < 1e-6, (p, rings[ri][k:k + 2], delta, r)
        out["side"] = "inside" if delta < 0 else "outside"
        out["rule"] = "edge"
    else:
        # nearest point is a vertex: is the direction to P inside the
        # interior sector (from the outgoing edge counter-clockwise to the
        # reversed incoming edge)?
        vi = k if r["end"] == "A" else k + 1
        nv = len(ring) - 1
        vi %= nv
        u, v, w = ring[(vi - 1) % nv], ring[vi], ring[(vi + 1) % nv]
        az_in = inv(u[0], u[1], v[0], v[1])["azi2"]
        az_out = inv(v[0], v[1], w[0], w[1])["azi1"]
        azp = inv(v[0], v[1], p[0], p[1])["azi1"]
        span = wrap360(az_out - (az_in + 180.0))
        t = wrap360(az_out - azp)
        out["side"] = "inside" if 0.0 < t < span else "outside"
        out["rule"] = "vertex"
    return out


def _polygon_task(t):
    p, rings = t
    return polygon_query_ref(p, rings)


def gen_polygons(pool):
    polys = polygon_defs()
    tasks = []  # (poly index, kind, P, expected inside or None, reference or None, offset)
    for pi, poly in enumerate(polys):
        rng = rng_for("poly." + poly["name"])
        rings = [poly["exterior"]] + poly["holes"]
        size = poly["size_km"] * KM
        if poly["name"] == "long_thin":
            margin = 0.25 * poly["width_km"] * KM
            ref_line = G.InverseLine(poly["exterior"][0][0], poly["exterior"][0][1],
                                     poly["exterior"][2][0], poly["exterior"][2][1])

            def sample(rng, spread):
                s = rng.uniform(-0.05, 1.05) * ref_line.s13
                return offset_point(rng, ref_line, s, spread * math.sqrt(rng.random()))
        else:
            margin = 0.02 * size
            c = poly["center"]

            def sample(rng, spread, c=c):
                lat, lon, _ = direct(c[0], c[1], rng.uniform(-180, 180),
                                     spread * math.sqrt(rng.random()))
                return lat, lon

        def want(kind, count, draw, accept):
            """Draw candidates (cheap winding-number screen in ``draw``), compute
            their full reference in parallel batches, keep the first ``count``
            whose reference boundary distance passes ``accept``."""
            got = 0
            rounds = 0
            while got < count:
                rounds += 1
                assert rounds < 20, (poly["name"], kind)
                batch = []
                while len(batch) < 2 * (count - got) + 2:
                    p = draw()
                    if p is not None:
                        batch.append(p)
                res = pool.map(_polygon_task, [(p, rings) for p in batch], chunksize=1)
                for p, r in zip(batch, res):
                    if got < count and accept(r["boundary_dist"]):
                        tasks.append((pi, kind, p, kind == "inside", r, None))
                        got += 1

        def draw_side(spread, want_inside):
            p = sample(rng, spread)
            return p if winding_inside(p, rings) == want_inside else None

        # clearly inside (not in a hole) and clearly outside, near
        if poly["name"] == "long_thin":
            sp_in, sp_out = poly["width_km"] * KM, 20 * poly["width_km"] * KM
        else:
            sp_in, sp_out = 0.6 * size, 1.2 * size
        want("inside", 12, lambda: draw_side(sp_in, True), lambda d: d >= margin)
        want("outside_near", 10, lambda: draw_side(sp_out, False),
             lambda d: margin <= d <= size)
        # inside the hole(s): outside the polygon
        for h in poly["holes"]:
            hc = (sum(v[0] for v in h[:-1]) / (len(h) - 1),
                  sum(v[1] for v in h[:-1]) / (len(h) - 1))

            def draw_hole(h=h, hc=hc):
                lat, lon, _ = direct(hc[0], hc[1], rng.uniform(-180, 180),
                                     70 * KM * math.sqrt(rng.random()))
                p = (lat, lon)
                # outside the polygon, and inside the hole ring (reversed to CCW)
                if winding_inside(p, rings) or not winding_inside(p, [h[::-1]]):
                    return None
                return p

            want("in_hole", 8, draw_hole, lambda d: d >= 1 * KM)
        # far outside: more than 5000 km away (rigorous lower bound)
        got = 0
        while got < 5:
            p = rand_point(rng)
            lb = min(segment_lower_bound(p, ring[k], ring[k + 1])
                     for ring in rings for k in range(len(ring) - 1))
            if lb <= 5000 * KM + 1.0:
                continue
            tasks.append((pi, "outside_far", p, False, None, None))
            got += 1
        # within 1 m of an edge, both sides, cycling over all edges of all rings
        all_edges = [(ri, k) for ri, ring in enumerate(rings) for k in range(len(ring) - 1)]
        for j in range(16):
            ri, k = all_edges[(j // 2) * 7 % len(all_edges)] if len(all_edges) > 8 \
                else all_edges[(j // 2) % len(all_edges)]
            a, b = rings[ri][k], rings[ri][k + 1]
            line = G.InverseLine(a[0], a[1], b[0], b[1])
            d = 10 ** rng.uniform(-3.0, 0.0)
            left = (j % 2 == 0)
            p = offset_point(rng, line, rng.uniform(0.15, 0.85) * line.s13, d,
                             -90.0 if left else 90.0)
            # interior is on the left of every directed edge (holes included)
            tasks.append((pi, "near_edge_inside" if left else "near_edge_outside", p, left,
                          None, d))
        # exactly on a vertex
        verts = [v for ring in rings for v in ring[:-1]]
        for j in range(4):
            v = verts[(j * 3) % len(verts)]
            tasks.append((pi, "vertex", (v[0], v[1]), None, None, None))

    todo = [t for t in tasks if t[4] is None]
    res = iter(pool.map(_polygon_task, [(t[2], [polys[t[0]]["exterior"]] + polys[t[0]]["holes"])
                                        for t in todo], chunksize=2))
    results = [t[4] if t[4] is not None else next(res) for t in tasks]

    for poly in polys:
        poly["queries"] = []
    for (pi, kind, p, expected, _, offset), r in zip(tasks, results):
        poly = polys[pi]
        rings = [poly["exterior"]] + poly["holes"]
        if kind == "vertex":
            assert r["side"] == "boundary" and r["boundary_dist"] == 0.0
            inside = True
        else:
            assert r["side"] in ("inside", "outside"), (kind, r)
            inside = r["side"] == "inside"
            # three-way agreement: construction, nearest-edge side, winding number
            assert inside == winding_inside(p, rings), (poly["name"], kind, p, r)
            if expected is not None:
                assert inside == expected, (poly["name"], kind, p, r)
        if kind.startswith("near_edge"):
            assert r["boundary_dist"] <= 1.0 and r["rule"] == "edge", r
            assert abs(r["boundary_dist"] - offset) < 1e-7, (r, offset)
        if kind == "outside_far":
            assert r["boundary_dist"] > 5000 * KM
        q = dict(kind=kind, lat=float(p[0]), lon=float(p[1]), inside=inside,
                 on_boundary=(kind == "vertex"))
        if inside:
            q.update(dist_m=0.0, nlat=float(p[0]), nlon=float(p[1]))
        else:
            q.update(dist_m=r["boundary_dist"], nlat=r["blat"], nlon=r["blon"])
        q.update(boundary_dist_m=r["boundary_dist"], boundary_nlat=r["blat"],
                 boundary_nlon=r["blon"], ring=r["ring"], edge=r["edge"])
        poly["queries"].append(q)

    doc = {
        "generator": "scripts/gen_geodesic_fixtures.py (seed %d)" % SEED,
        "reference": "GeographicLib (Python package geographiclib) %s, Geodesic.WGS84 "
                     "(a = 6378137 m, f = 1/298.257223563)" % GEOGRAPHICLIB_VERSION,
        "python": platform.python_version(),
        "date": FIXTURE_DATE,
        "coordinates": "[lat, lon] in degrees (NOT GeoJSON's [lon, lat] order); distances in metres",
        "convention": (
            "Rings are closed (first vertex repeated last). Edges are the shortest geodesics "
            "(GeographicLib Inverse) between consecutive vertices. Exterior rings are "
            "counter-clockwise and holes clockwise, so the polygon's interior is always on the "
            "LEFT of every directed edge (GeographicLib's PolygonArea gives a positive area for "
            "exteriors and a negative one for holes)."),
        "method": (
            "boundary_dist_m = min over all edges of all rings of the point-to-segment reference "
            "distance (dense sampling of the GeodesicLine from InverseLine, >= 2000 samples, "
            "golden-section refinement of Inverse(P, line.Position(s)).s12 to 1e-8 m in s, "
            "endpoints always included, the location of an interior nearest point polished by "
            "bisection on the sign of -cos(azimuth X->P - edge azimuth at X); edges skipped only when the rigorous triangle-inequality "
            "bound d(P, midpoint) - L/2 exceeds the best distance found). inside: from the side of "
            "the nearest boundary point N: if N is inside its edge, P is inside iff the azimuth "
            "N->P is to the left of the edge azimuth at N; if N is a vertex, iff the direction "
            "vertex->P lies in the interior angular sector. Cross-checked for every query against "
            "an independent winding-number test and against construction (clear inside/outside "
            "samples, points offset 1 mm..1 m to the left/right of an edge, points in the hole)."),
        "fields": {
            "kind": "inside | outside_near | outside_far | in_hole | near_edge_inside | "
                    "near_edge_outside | vertex",
            "inside": "true if P is in the polygon (in a hole counts as outside)",
            "on_boundary": "true for queries exactly on a vertex: dist_m is 0 and 'inside' "
                           "(written true) may be either for an implementation",
            "dist_m": "distance from P to the polygon: 0 if inside, else boundary_dist_m",
            "nlat, nlon": "nearest point of the polygon: P itself if inside, else on the boundary",
            "boundary_dist_m": "distance from P to the boundary (all rings), also for inside points",
            "boundary_nlat, boundary_nlon": "nearest boundary point",
            "ring, edge": "ring index (0 = exterior, 1.. = holes) and edge index (edge k joins "
                          "vertex k and k+1) of the nearest boundary point",
        },
        "polygons": [
            dict(name=p["name"], description=p["description"], exterior=p["exterior"],
                 holes=p["holes"], queries=p["queries"]) for p in polys
        ],
    }
    return doc


# --------------------------------------------------------------------------

def count_cases(rows):
    counts = {}
    for r in rows:
        counts[r[0]] = counts.get(r[0], 0) + 1
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", default=FIXTURES, help="output directory (default tests/fixtures)")
    ap.add_argument("--only", default="p2p,direct,segment,polygon",
                    help="comma-separated subset of p2p,direct,segment,polygon")
    args = ap.parse_args()
    only = set(args.only.split(","))
    os.makedirs(args.out, exist_ok=True)
    t00 = time.time()
    print("geographiclib %s, python %s, %d jobs" % (GEOGRAPHICLIB_VERSION,
                                                    platform.python_version(), args.jobs))

    if "p2p" in only:
        t0 = time.time()
        rows = gen_point_to_point()
        write_csv(os.path.join(args.out, "point_to_point.csv"), "point to point (Inverse)",
                  ["rows: Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2); azi2 is the forward "
                   "azimuth at point 2", "case counts: %s" % count_cases(rows)],
                  ["case", "lat1", "lon1", "lat2", "lon2", "s12_m", "azi1_deg", "azi2_deg"],
                  rows)
        print("point_to_point.csv: %d rows %s (%.1f s)" % (len(rows), count_cases(rows),
                                                           time.time() - t0))

    if "direct" in only:
        t0 = time.time()
        rows = gen_direct()
        write_csv(os.path.join(args.out, "direct.csv"), "direct problem",
                  ["rows: Geodesic.WGS84.Direct(lat1, lon1, azi1, s12); lon2 in [-180, 180]; "
                   "azi2 is the forward azimuth at point 2", "case counts: %s" % count_cases(rows)],
                  ["case", "lat1", "lon1", "azi1_deg", "s12_m", "lat2", "lon2", "azi2_deg"],
                  rows)
        print("direct.csv: %d rows %s (%.1f s)" % (len(rows), count_cases(rows),
                                                   time.time() - t0))

    with Pool(args.jobs) as pool:
        if "segment" in only:
            t0 = time.time()
            rows = gen_segment_candidates(pool)
            write_csv(
                os.path.join(args.out, "point_to_segment.csv"), "point to geodesic segment",
                ["dist_m: shortest distance from P to the geodesic segment A-B (the shortest "
                 "geodesic, Inverse(A, B)); N = (nlat, nlon) the nearest point; frac = "
                 "(arc length A->N) / (length A-B), 0 for A == B",
                 "method: >= max(2000, L/5km) samples of InverseLine(A, B), golden-section "
                 "refinement of every sampled local minimum to 1e-8 m in arc length, both "
                 "endpoints always considered (endpoints win ties); then N polished by "
                 "bisection on the derivative sign (-cos of azimuth X->P minus segment azimuth)",
                 "note: dist_m is accurate to ~1e-8 m and N to ~1e-6 m, except that N and frac "
                 "are ill-conditioned where the distance is nearly constant along the segment "
                 "(P ~10,000 km away, near the pole of the segment's great circle)",
                 "case counts: %s" % count_cases(rows)],
                ["case", "plat", "plon", "alat", "alon", "blat", "blon", "dist_m", "nlat",
                 "nlon", "frac"], rows)
            print("point_to_segment.csv: %d rows %s (%.1f s)" % (len(rows), count_cases(rows),
                                                                 time.time() - t0))

        if "polygon" in only:
            t0 = time.time()
            doc = gen_polygons(pool)
            with open(os.path.join(args.out, "point_to_polygon.json"), "w",
                      newline="\n") as fh:
                json.dump(doc, fh, indent=1, allow_nan=False)
                fh.write("\n")
            nq = sum(len(p["queries"]) for p in doc["polygons"])
            kinds = {}
            for p in doc["polygons"]:
                for q in p["queries"]:
                    kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
            print("point_to_polygon.json: %d polygons, %d queries %s (%.1f s)" % (
                len(doc["polygons"]), nq, kinds, time.time() - t0))
    print("total %.1f s" % (time.time() - t00))


if __name__ == "__main__":
    sys.exit(main())
