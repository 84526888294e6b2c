#!/usr/bin/env python3
"""Measures every vertex of a buffer written by `strikemap buffer` with the
reference distance of fixtures.py (pyproj's GeographicLib), independently
of strikemap, and prints how far the vertices are from the stated distance.

  /tmp/gzvenv/bin/python scripts/buffer/check_vertices.py FILE.geojson (country:UA | LAT,LON) DISTANCE_M

Vertices the GeoJSON export adds to close a ring along a pole (latitude
+-90) are not on the boundary and are skipped. Vertices on +-180 are where
the export cut an edge: of the boundary (then on a geodesic edge, within
the buffer's tolerance of the boundary) or of a quadrant cut inside a
buffer larger than a hemisphere (then anywhere inside); they are counted
apart. Exits 1 if any other vertex is more than 100 m from the distance.
"""

import json
import sys

import fixtures as F


def main():
    path, target, distance = sys.argv[1], sys.argv[2], float(sys.argv[3])
    if target == "country:UA":
        shape = F.Shape(F.ukraine())
    else:
        lat, lon = (float(x) for x in target.split(","))
        shape = F.Shape({"type": "Point", "coordinates": [lon, lat]})
    with open(path) as f:
        geometry = json.load(f)["features"][0]["geometry"]
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    errors, edge = [], []
    for poly in polys:
        for ring in poly:
            for lon, lat in ring[:-1]:
                if abs(lat) == 90.0:
                    continue
                e = shape.distance(lon, lat) - distance
                (edge if abs(lon) == 180.0 else errors).append(e)
    worst = max(abs(e) for e in errors)
    mean = sum(abs(e) for e in errors) / len(errors)
    near = sum(1 for e in edge if abs(e) <= 100.0)
    print(f"{path}: {len(errors)} vertices, |distance - D| mean {mean:.3f} m, max {worst:.3f} m; "
          f"{len(edge)} on +-180 ({near} within 100 m)")
    sys.exit(1 if worst > 100.0 else 0)


if __name__ == "__main__":
    main()
