#!/usr/bin/env python3
"""Writes the seeds of the `export_shapes` fuzz target (fuzz/seeds/export_shapes/).

The byte layout is the one `fuzz/targets/export_shapes.rs` decodes: an
options byte (bits 0-4: spacing 100 + 30*n km; bits 5-6: precision 6, 7, 9
or 15; bit 7: bbox), then shapes, each a tag byte (0 ring, 1 arc, 2 polygon)
and its numbers. Run from the repository root: python3 fuzz/scripts/export_shapes_seeds.py
"""
import os
import struct

OUT = os.path.join(os.path.dirname(__file__), "..", "seeds", "export_shapes")


def frac(x):
    return struct.pack("<I", round(x * 0xFFFFFFFF))


def coord(value, limit):
    """Selector 4 and a 32-bit fraction of [-limit, limit]."""
    return bytes([4]) + frac((value / limit + 1) / 2)


def point(lat, lon):
    return coord(lat, 90) + coord(lon, 180)


POLE_N = bytes([0]) + bytes([2])  # lat = 90, lon = 0


def ring(centre, km):
    return bytes([0]) + centre + bytes([4]) + frac(km / 20000)


def arc(launch, how, target=b""):
    return bytes([1]) + launch + bytes([how]) + target


def polygon(points):
    return bytes([2, len(points) - 3]) + b"".join(point(*p) for p in points)


SEEDS = {
    "ring_ukrainka_4300_miles": bytes([0x02]) + ring(point(51.17, 128.45), 6920.18),
    "ring_round_north_pole": bytes([0x00]) + ring(POLE_N, 1000),
    "ring_across_antimeridian_bbox": bytes([0x80]) + ring(point(0, 179), 500),
    "ring_near_largest": bytes([0x1F]) + bytes([0]) + point(10, 20) + bytes([1]) + frac(0.5),
    "ring_tiny_precision_15": bytes([0x60]) + bytes([0]) + point(50, 30) + bytes([0]) + frac(0.5),
    "arc_engels_kyiv": bytes([0x00]) + arc(point(51.48, 46.2), 4, point(50.45, 30.52)),
    "arc_to_antipode": bytes([0x00]) + arc(point(20, 30), 0),
    "arc_to_north_pole_and_back": bytes([0x00]) + arc(point(60, -170), 1) + arc(POLE_N, 2, bytes([2])),
    "polygon_square_kyiv": bytes([0x00]) + polygon([(50, 30), (50, 31), (51, 31), (51, 30)]),
    "polygon_across_antimeridian": bytes([0x00]) + polygon([(60, 179), (60, -179), (61, -179), (61, 179)]),
    "mixed_four_shapes": bytes([0x85])
    + ring(point(68.15, 33.46), 4000)
    + arc(point(68.15, 33.46), 4, point(50.45, 30.52))
    + polygon([(-10, 170), (-10, -170), (10, -170), (10, 170)])
    + ring(point(-89.9, 0), 300),
}

os.makedirs(OUT, exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
