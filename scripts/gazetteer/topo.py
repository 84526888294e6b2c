"""Topology-preserving simplification of the admin-1 regions.

The regions' rings are cut into arcs at junctions (points where the rings
meeting there stop running together, as TopoJSON does); every arc is stored
once, simplified once (Douglas-Peucker with its end points fixed), and the
rings are put back together from the simplified arcs. A border two regions
share is therefore simplified identically for both: no gaps, no overlaps
along it.

Douglas-Peucker distances are metres in the lon/lat plane (the plane
strikemap's point-in-polygon test works in): the offset of a point from a
lon/lat-straight chord, scaled at the point by 111,320 m × cos(lat) per
degree of longitude and 110,574 m per degree of latitude.
"""

import math
import re
from collections import Counter, defaultdict

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.polygon import orient

M_PER_DEG_LON = 111320.0
M_PER_DEG_LAT = 110574.0


def _rings_of(geom):
    polys = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
    out = []
    for pi, p in enumerate(polys):
        rs = [p.exterior] + list(p.interiors)
        out.append([list(r.coords)[:-1] for r in rs])
    return out


def _offsets(lon, lat, i, j):
    """Metric offsets of points i+1..j-1 from the lon/lat chord i-j."""
    plon = lon[i + 1:j]
    plat = lat[i + 1:j]
    cp = np.cos(np.radians(plat)) * M_PER_DEG_LON
    ax = lon[i] * cp
    bx = lon[j] * cp
    px = plon * cp
    ay = lat[i] * M_PER_DEG_LAT
    by = lat[j] * M_PER_DEG_LAT
    py = plat * M_PER_DEG_LAT
    dx = bx - ax
    dy = by - ay
    l2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = ((px - ax) * dx + (py - ay) * dy) / l2
    t = np.where(l2 > 0, np.clip(t, 0.0, 1.0), 0.0)
    qx = ax + t * dx
    qy = ay + t * dy
    return np.hypot(px - qx, py - qy)


def dp_keep(lon, lat, tol, closed):
    """Indices kept by Douglas-Peucker (end points always kept).

    closed: the arc is a whole ring (first point == junction-less start); it
    is split at the point farthest from the start and at least 3 distinct
    points are kept.
    """
    n = len(lon)
    if n <= 2:
        return list(range(n))
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[n - 1] = True
    # Positions on the antimeridian or at a pole stay (the lon/lat metric
    # degenerates there and a corner such as (180, -90) must not be cut).
    keep |= (np.abs(lon) == 180) | (np.abs(lat) == 90)
    stack = [(0, n - 1)]
    if closed:
        # lon/lat arrays include the closing point (== point 0)
        d = np.hypot((lon - lon[0]) * np.cos(np.radians(lat)) * M_PER_DEG_LON, (lat - lat[0]) * M_PER_DEG_LAT)
        k = int(np.argmax(d[:-1]))
        if k == 0:
            return [0, n - 1]
        keep[k] = True
        stack = [(0, k), (k, n - 1)]
    forced = np.flatnonzero(keep).tolist()
    if len(forced) > 2:
        stack = []
        cuts = sorted(set(forced + ([k] if closed else [])))
        for a, b in zip(cuts, cuts[1:]):
            stack.append((a, b))
    best_extra = []
    while stack:
        i, j = stack.pop()
        if j - i < 2:
            continue
        off = _offsets(lon, lat, i, j)
        m = int(np.argmax(off))
        if closed:
            best_extra.append((off[m], i + 1 + m))
        if off[m] > tol:
            k = i + 1 + m
            keep[k] = True
            stack.append((i, k))
            stack.append((k, j))
    idx = np.flatnonzero(keep).tolist()
    if closed and len(idx) < 4 and best_extra:
        # keep the farthest point from a chord so that the ring has 3 points
        best_extra.sort(reverse=True)
        for _, k in best_extra:
            if not keep[k]:
                keep[k] = True
                break
        kept = set(np.flatnonzero(keep).tolist())
        ks = sorted(kept)
        for a, b in zip(ks, ks[1:]):
            _dp_range(lon, lat, a, b, tol, kept)
        idx = sorted(kept)
    return idx


def _dp_range(lon, lat, i, j, tol, kept):
    """Douglas-Peucker between kept indices i and j, adding to `kept`."""
    stack = [(i, j)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        off = _offsets(lon, lat, a, b)
        m = int(np.argmax(off))
        if off[m] > tol:
            k = a + 1 + m
            kept.add(k)
            stack.append((a, k))
            stack.append((k, b))


class Topology:
    """Arcs of a set of regions (a list of shapely geometries)."""

    def __init__(self, geoms):
        self.geoms = geoms
        self.rings = []  # (geom index, polygon index, ring index, [points])
        for gi, g in enumerate(geoms):
            for pi, poly in enumerate(_rings_of(g)):
                for ri, pts in enumerate(poly):
                    self.rings.append((gi, pi, ri, pts))
        self._junctions()
        self._cut()

    def _junctions(self):
        first = {}
        junc = set()
        for _, _, _, pts in self.rings:
            n = len(pts)
            for i in range(n):
                p = pts[i]
                a = pts[i - 1]
                b = pts[(i + 1) % n]
                f = first.get(p)
                if f is None:
                    first[p] = (a, b)
                elif p not in junc and not ((f[0] == a and f[1] == b) or (f[0] == b and f[1] == a)):
                    junc.add(p)
        self.junctions = junc

    def _cut(self):
        arcs = []  # list of point lists
        index = {}  # tuple(points) -> arc id
        self.ring_arcs = []  # per ring: list of (arc id, reversed)
        self.closed = []  # arc is a whole ring
        junc = self.junctions
        for _, _, _, pts in self.rings:
            n = len(pts)
            starts = [i for i, p in enumerate(pts) if p in junc]
            pieces = []
            if not starts:
                # a ring without junctions: one closed arc, canonical rotation
                m = min(range(n), key=lambda i: pts[i])
                rot = pts[m:] + pts[:m]
                fwd = rot + [rot[0]]
                rev = [rot[0]] + rot[:0:-1] + [rot[0]]
                pieces.append((fwd, rev, True))
            else:
                s0 = starts[0]
                rot = pts[s0:] + pts[:s0]
                cut = [i for i, p in enumerate(rot) if p in junc] + [n]
                for a, b in zip(cut, cut[1:]):
                    seg = rot[a:b + 1] if b < n else rot[a:] + [rot[0]]
                    pieces.append((seg, seg[::-1], False))
            refs = []
            for fwd, rev, closed in pieces:
                kf = tuple(fwd)
                kr = tuple(rev)
                if kf in index:
                    refs.append((index[kf], False))
                elif kr in index:
                    refs.append((index[kr], True))
                else:
                    index[kf] = len(arcs)
                    arcs.append(fwd)
                    self.closed.append(closed)
                    refs.append((index[kf], False))
            self.ring_arcs.append(refs)
        self.arcs = arcs
        # which geometries use each arc
        self.arc_users = defaultdict(set)
        for (gi, _, _, _), refs in zip(self.rings, self.ring_arcs):
            for a, _ in refs:
                self.arc_users[a].add(gi)

    def stats(self):
        shared = sum(1 for a in range(len(self.arcs)) if len(self.arc_users[a]) > 1)
        return dict(rings=len(self.rings), junctions=len(self.junctions), arcs=len(self.arcs), shared_arcs=shared,
                    vertices=sum(len(p) for _, _, _, p in self.rings))

    def simplify(self, arc_tol):
        """Kept indices per arc (Douglas-Peucker with arc_tol[a] metres; 0 = all)."""
        out = []
        for a, pts in enumerate(self.arcs):
            arr = np.asarray(pts, dtype=float)
            tol = arc_tol[a]
            if tol > 0:
                out.append(dp_keep(arr[:, 0], arr[:, 1], tol, self.closed[a]))
            else:
                out.append(list(range(len(arr))))
        return out

    def refine(self, a, kept, near=None, box=None, tol=0.0):
        """Adds back, in arc a, the farthest original point of every kept
        segment (of those whose original points come within 0.02 degrees of
        the point `near`, or of the box (minx, miny, maxx, maxy), if given).
        Returns True if anything was added."""
        arr = np.asarray(self.arcs[a], dtype=float)
        ks = sorted(kept)
        add = []
        if near is not None:
            box = (near[0], near[1], near[0], near[1])
        for i, j in zip(ks, ks[1:]):
            if j - i < 2:
                continue
            if box is not None:
                seg = arr[i:j + 1]
                if (seg[:, 0].min() - 0.02 > box[2] or seg[:, 0].max() + 0.02 < box[0]
                        or seg[:, 1].min() - 0.02 > box[3] or seg[:, 1].max() + 0.02 < box[1]):
                    continue
            off = _offsets(arr[:, 0], arr[:, 1], i, j)
            add.append((i, i + 1 + int(np.argmax(off)), j))
        if add:
            for i, k, j in add:
                kept.add(k)
                # the new chords i-k and k-j must again keep every original
                # point within the tolerance
                _dp_range(arr[:, 0], arr[:, 1], i, k, tol, kept)
                _dp_range(arr[:, 0], arr[:, 1], k, j, tol, kept)
            return True
        return False

    def rounded(self, kept):
        """Arcs as rounded (n, 2) arrays without consecutive duplicates."""
        out = []
        for a, pts in enumerate(self.arcs):
            arr = np.asarray(pts, dtype=float)[sorted(kept[a])]
            arr = np.round(arr, 5)
            if len(arr) > 1:
                keep = np.ones(len(arr), dtype=bool)
                keep[1:] = np.any(arr[1:] != arr[:-1], axis=1)
                arr = arr[keep]
            out.append(arr)
        return out

    def assemble(self, arcs_s):
        """Per geometry: list of polygons (list of rings, each a closed (n, 2) array)."""
        geoms = defaultdict(lambda: defaultdict(dict))
        for (gi, pi, ri, _), refs in zip(self.rings, self.ring_arcs):
            parts = []
            for a, rev in refs:
                arr = arcs_s[a][::-1] if rev else arcs_s[a]
                parts.append(arr if not parts else arr[1:])
            ring = np.concatenate(parts) if parts else np.zeros((0, 2))
            if len(ring) > 1:
                keep = np.ones(len(ring), dtype=bool)
                keep[1:] = np.any(ring[1:] != ring[:-1], axis=1)
                ring = ring[keep]
            if len(ring) and np.any(ring[0] != ring[-1]):
                ring = np.vstack([ring, ring[:1]])
            geoms[gi][pi][ri] = ring
        out = []
        for gi in range(len(self.geoms)):
            polys = []
            for pi in sorted(geoms[gi]):
                rings = [geoms[gi][pi][ri] for ri in sorted(geoms[gi][pi])]
                polys.append(rings)
            out.append(polys)
        return out


def ring_ok(ring):
    """At least 3 distinct positions and non-zero area."""
    if len(ring) < 4:
        return False
    x = ring[:, 0]
    y = ring[:, 1]
    a = np.sum(x[:-1] * y[1:] - x[1:] * y[:-1])
    return a != 0


def to_shapely(polys):
    """Shapely MultiPolygon of assembled rings (degenerate holes/exteriors dropped)."""
    out = []
    dropped = 0
    for rings in polys:
        if not ring_ok(rings[0]):
            dropped += len(rings)
            continue
        holes = []
        for h in rings[1:]:
            if ring_ok(h):
                holes.append(h)
            else:
                dropped += 1
        out.append(Polygon(rings[0], holes))
    return MultiPolygon(out) if out else MultiPolygon(), dropped


def _reason_point(g):
    r = shapely.is_valid_reason(g)
    m = re.search(r"\[([-0-9.e+]+) ([-0-9.e+]+)\]", r)
    return (float(m.group(1)), float(m.group(2))) if m else None, r


def simplify_regions(geoms, arc_tol_fn, log, max_rounds=60):
    """Simplify all regions; returns (list of oriented shapely geometries, info).

    arc_tol_fn(users) -> tolerance in metres of an arc used by the geometries
    `users` (a set of indices; two or more for a shared border).

    Repairs, by adding original points back locally (shared arcs stay shared,
    so a neighbour gets the same points):
    - a ring that degenerates (fewer than 3 distinct positions or zero area
      after rounding): the farthest point of every kept segment of its arcs;
    - an invalid result (GEOS is_valid, e.g. a self-intersection): the
      farthest point of the kept segments of the region's arcs passing within
      0.02 degrees of the point GEOS reports;
    - an overlap of two regions (Natural Earth has none; simplification makes
      some where boundaries run close without sharing vertices): the same,
      around the overlap's bounding box, in both regions.
    Round after round until nothing is left to repair.
    """
    topo = Topology(geoms)
    st = topo.stats()
    log(f"topology: {st['rings']} rings, {st['vertices']} vertices, {st['junctions']} junctions, "
        f"{st['arcs']} arcs ({st['shared_arcs']} shared by two or more regions)")
    arc_tol = np.array([arc_tol_fn(topo.arc_users[a]) for a in range(len(topo.arcs))], dtype=float)
    kept = [set(k) for k in topo.simplify(arc_tol)]
    geom_arcs = defaultdict(set)
    ring_of = {}
    for (gi, pi, ri, _), refs in zip(topo.rings, topo.ring_arcs):
        ring_of[(gi, pi, ri)] = [a for a, _ in refs]
        for a, _ in refs:
            geom_arcs[gi].add(a)
    repaired = defaultdict(int)
    reasons = []
    pairs_fixed = set()
    todo = set(range(len(geoms)))  # geometries to (re)check for validity
    otodo = set(range(len(geoms)))  # geometries to (re)check for overlaps
    rounds = 0
    while rounds < max_rounds and todo:
        rounds += 1
        assembled = topo.assemble(topo.rounded(kept))
        touched = set()
        nbad = 0
        shapes = {}
        for gi in sorted(todo):
            polys = assembled[gi]
            g, dropped = to_shapely(polys)
            shapes[gi] = g
            fixed = False
            for pi, rings in enumerate(polys):
                for ri, ring in enumerate(rings):
                    if not ring_ok(ring):
                        for a in ring_of[(gi, pi, ri)]:
                            if topo.refine(a, kept[a], tol=arc_tol[a]):
                                fixed = True
                                touched.add(a)
            if not fixed and not g.is_empty and not g.is_valid:
                pt, why = _reason_point(g)
                reasons.append(why.split("[")[0])
                for a in geom_arcs[gi]:
                    if topo.refine(a, kept[a], near=pt, tol=arc_tol[a]):
                        fixed = True
                        touched.add(a)
            if dropped or g.is_empty or not g.is_valid:
                nbad += 1
                repaired[gi] += 1
        overl = 0
        if nbad == 0:
            todo = otodo
            otodo = set()
            # overlaps between the checked regions and their neighbours
            all_g = [to_shapely(p)[0] for p in assembled]
            tree = shapely.STRtree(all_g)
            for i in sorted(todo):
                for j in tree.query(all_g[i], predicate="intersects").tolist():
                    if j == i or (j in todo and j < i):
                        continue
                    inter = all_g[i].intersection(all_g[j])
                    if inter.area > 1e-12:
                        overl += 1
                        pairs_fixed.add((min(i, j), max(i, j)))
                        for g in (i, j):
                            repaired[g] += 1
                            for a in geom_arcs[g]:
                                if topo.refine(a, kept[a], box=inter.bounds, tol=arc_tol[a]):
                                    touched.add(a)
        log(f"repair round {rounds}: {nbad} region(s) invalid or with a degenerate ring, {overl} overlapping pair(s)")
        if nbad == 0 and overl == 0:
            todo = set()
            otodo = set()
            break
        new = set()
        for a in touched:
            new |= topo.arc_users[a]
        if not touched:
            break
        todo = new
        otodo |= new
    assembled = topo.assemble(topo.rounded(kept))
    out = []
    fallback = []
    for gi, polys in enumerate(assembled):
        g, dropped = to_shapely(polys)
        if dropped or not g.is_valid or g.is_empty:
            fallback.append(gi)
            g = shapely.make_valid(g)
            g = MultiPolygon([p for p in getattr(g, "geoms", [g]) if isinstance(p, Polygon)])
        polys = [orient(p, sign=1.0) for p in g.geoms]
        out.append(MultiPolygon(polys) if len(polys) != 1 else polys[0])
    info = dict(topology=st, lowered=dict(repaired), fallback=fallback, reasons=dict(Counter(reasons)),
                overlap_pairs=sorted(pairs_fixed), rounds=rounds, unfinished=bool(todo),
                arc_tol=arc_tol, topo=topo, kept=kept,
                vertices_out=sum(len(p.exterior.coords) - 1 + sum(len(h.coords) - 1 for h in p.interiors)
                                 for g in out for p in (g.geoms if hasattr(g, "geoms") else [g])))
    return out, info
