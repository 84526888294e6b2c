"""The box strikemap reads for each region before its geometry.

For each feature: `bounds` [west, south, east, north] of its vertices,
`max_edge_deg` (its longest edge as hypot(dlat, dlon) in degrees, dlon
wrapped to [-180, 180]) and `crosses_antimeridian` (an edge with
|dlon| > 180). `src/places/bounds.rs` turns these into a box with a margin
for how far a geodesic edge bulges past its ends, exactly as it does from a
parsed geometry; a unit test (`regions::tests`) checks that the stored box
holds the one the geometry gives, for every region.
"""
import math


def _wrap(x):
    return (x + 180.0) % 360.0 - 180.0


def _rings(geometry):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        for ring in polygon:
            yield ring


def add(feature):
    """Adds bounds, max_edge_deg and crosses_antimeridian to the feature's properties."""
    w, s, e, n = 180.0, 90.0, -180.0, -90.0
    longest, crosses = 0.0, False
    for ring in _rings(feature["geometry"]):
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            for x, y in ((x0, y0), (x1, y1)):
                w, e, s, n = min(w, x), max(e, x), min(s, y), max(n, y)
            longest = max(longest, math.hypot(abs(y1 - y0), abs(_wrap(x1 - x0))))
            crosses |= abs(x1 - x0) > 180.0
    p = feature["properties"]
    p["bounds"] = [w, s, e, n]
    p["max_edge_deg"] = longest
    p["crosses_antimeridian"] = crosses


if __name__ == "__main__":
    # Applies the build's last step to a built file in place:
    #   python3 scripts/gazetteer/bounds.py data/regions-10m.geojson
    import json
    import sys

    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    dropped = [f["properties"]["code"] for f in fc["features"] if not f["properties"].get("country")]
    fc["features"] = [f for f in fc["features"] if f["properties"].get("country")]
    for feature in fc["features"]:
        add(feature)
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(fc, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{path}: {len(fc['features'])} features; left out (no country): {', '.join(dropped) or 'none'}")
