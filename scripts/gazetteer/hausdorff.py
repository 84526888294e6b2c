"""Hausdorff distance in metres between a region's original and simplified boundary.

Both boundaries are taken as curves in the lon/lat plane (straight edges in
lon/lat, as strikemap tests points). Each is sampled densely (every vertex
plus points at most `step_m` apart along every edge), the samples are
projected to an azimuthal equidistant projection centred on the region, and
the distance of every sample to the other boundary (its edges, split every
0.01 degree so that the projected edges follow the lon/lat-straight ones) is
found with an STRtree. The largest distances in each direction are then
measured again on the ellipsoid (pyproj Geod.inv between the sample and its
nearest point taken back to lon/lat), and the larger of the two directed
maxima is the result. Sampling can miss at most half a step (the distance to
a set is 1-Lipschitz along the sampled curve).
"""

import math

import numpy as np
import shapely
from pyproj import Geod, Transformer

GEOD = Geod(ellps="WGS84")


def _center(geom):
    xy = shapely.get_coordinates(shapely.boundary(geom))
    lon = np.radians(xy[:, 0])
    lat = np.radians(xy[:, 1])
    x = np.mean(np.cos(lat) * np.cos(lon))
    y = np.mean(np.cos(lat) * np.sin(lon))
    z = np.mean(np.sin(lat))
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _samples(boundary, step_deg):
    return shapely.get_coordinates(shapely.segmentize(boundary, step_deg))


def _segments(boundary, tr):
    """Projected edges of a (Multi)LineString boundary, split every 0.01 degree."""
    dense = shapely.segmentize(boundary, 0.01)
    parts = list(dense.geoms) if hasattr(dense, "geoms") else [dense]
    segs = []
    for ln in parts:
        c = shapely.get_coordinates(ln)
        x, y = tr.transform(c[:, 0], c[:, 1])
        pts = np.column_stack([x, y])
        segs.append(shapely.linestrings(np.stack([pts[:-1], pts[1:]], axis=1)))
    return np.concatenate(segs) if segs else np.array([])


def _directed(src_boundary, dst_boundary, tr, step_deg, top=8):
    pts = _samples(src_boundary, step_deg)
    x, y = tr.transform(pts[:, 0], pts[:, 1])
    segs = _segments(dst_boundary, tr)
    tree = shapely.STRtree(segs)
    ppts = shapely.points(x, y)
    idx, dist = tree.query_nearest(ppts, return_distance=True, all_matches=False)
    # idx: (2, n) [input index, tree index]
    order = np.argsort(-dist)[:top]
    best = 0.0
    for k in order:
        i = idx[0][k]
        j = idx[1][k]
        p = ppts[i]
        q = shapely.ops.nearest_points(segs[j], p)[0]
        lon2, lat2 = tr.transform(q.x, q.y, direction="INVERSE")
        d = GEOD.inv(pts[i, 0], pts[i, 1], lon2, lat2)[2]
        best = max(best, d)
    return best, float(dist[order[0]]) if len(order) else 0.0, len(pts)


def hausdorff_m(orig, simp, step_m):
    """Hausdorff distance (metres) between the boundaries of two geometries."""
    import shapely.ops  # noqa: F401

    lat0, lon0 = _center(orig)
    tr = Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +ellps=WGS84 +units=m",
                              always_xy=True)
    step_deg = step_m / 111320.0
    bo = shapely.boundary(orig)
    bs = shapely.boundary(simp)
    d1, _, n1 = _directed(bo, bs, tr, step_deg)
    d2, _, n2 = _directed(bs, bo, tr, step_deg)
    return max(d1, d2), n1 + n2
