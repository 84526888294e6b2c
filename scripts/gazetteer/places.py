"""data/places.tsv and data/place-keys.tsv from GeoNames and OurAirports.

See data/README.md ("Gazetteer") for the rules implemented here.
"""

import csv
import gzip
import io
import json
import re
from collections import Counter, defaultdict

import numpy as np
import shapely
import shapely.ops
from pyproj import Geod
from shapely.geometry import Point

from common import fold, fmt_coord, name_script

FOCUS = ("UA", "RU", "BY", "MD", "PL", "SK", "HU", "RO")
AIRFIELD_TYPES = ("small_airport", "medium_airport", "large_airport", "closed")
CRIMEA = ("UA-43", "UA-40")
OCCUPIED = ("UA-14", "UA-09", "UA-23", "UA-65")
NEAREST_MAX_M = 5000.0
# ISO 3166-1 codes of French overseas departments, whose Natural Earth
# regions (FR-GF, FR-GP, FR-MQ, FR-RE, FR-YT) have country FR.
SAME_COUNTRY = {"GF": {"FR"}, "GP": {"FR"}, "MQ": {"FR"}, "RE": {"FR"}, "YT": {"FR"}}


def country_ok(region_country, row_country):
    return region_country == row_country or region_country in SAME_COUNTRY.get(row_country, ())
GEOD = Geod(ellps="WGS84")

COLUMNS = ["id", "kind", "name", "lat", "lon", "country", "region", "population", "names", "codes"]

# ---------------------------------------------------------------- airfields
# "air_base" when the *name* says so.
AIR_BASE_RE = re.compile(r"\b(air\s*base|airbase|afb|air force base|naval air station)\b", re.I)
# Military when the name or the keywords say so (selection worldwide).
MILITARY_RE = re.compile(
    r"\b(air\s*base|airbase|air force|afb|military|naval air|army air\s*field|army airfield|"
    r"marine corps air|air national guard|coast guard air|militar|"
    r"base a[eé]rea|base a[eé]rienne|base aeronaval|fliegerhorst|militärflugplatz|"
    r"baza lotnicza|lotnisko wojskowe|letecká základna|baza aeriană|katonai repülőtér|"
    r"авиабаза|авіабаза|военный аэродром|військовий аеродром|аэродром военн|военно)",
    re.I,
)
# Abbreviations, case-sensitive: RAF Lakenheath, NAS Pensacola.
MILITARY_ABBR_RE = re.compile(r"\b(RAF|NAS|NAF|ANGB|AAF)\b")
# Suffixes taken off an airfield's name (and its keywords) to give a short
# alias: "Olenya Air Base" -> "Olenya". Longest first.
NAME_SUFFIXES = [
    "International Airport", "Regional Airport", "Municipal Airport", "Air Force Base", "Naval Air Station",
    "Army Air Field", "Army Airfield", "Air Base", "Airbase", "AFB", "Airport", "Airfield", "Air Field",
    "Aerodrome", "Airstrip", "Air Station",
]
_SUFFIX_RE = re.compile(r"^(.*?\S)\s+(" + "|".join(re.escape(s) for s in NAME_SUFFIXES) + r")$", re.I)
# Russian/Ukrainian words in front of a Cyrillic keyword: "Аэродром Дягилево".
_PREFIX_RE = re.compile(
    r"^(военный аэродром|аэродром|аэропорт|авиабаза|посадочная площадка|аеродром|аеропорт|авіабаза|"
    r"військовий аеродром|международный аэропорт|міжнародний аеропорт)\s+(\S.*)$",
    re.I,
)
# Russian internal (ICAO-like) transliteration of Latin code letters:
# XLMO is written ЬЛМО. Keywords that are such a form of one of the row's
# codes are dropped.
RU_ICAO = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "АБЦДЕФГХИЙКЛМНОПЩРСТУЖВЬЫЗ"))
CODE_LIKE_RE = re.compile(r"^[A-Z0-9А-ЯЁ\-]{2,7}$")


def strip_suffix(name):
    m = _SUFFIX_RE.match(name)
    if m:
        return m.group(1).strip(" -,/")
    m = _PREFIX_RE.match(name)
    if m:
        return m.group(2).strip()
    return None


# ---------------------------------------------------------------- names
def clean_names(main, candidates, stats):
    """Alternate names: Latin/Cyrillic only, distinct folded keys, not the main name."""
    seen = {fold(main)}
    out = []
    exact = set()
    for v in candidates:
        v = " ".join(v.split()) if v else v
        if not v:
            continue
        if v in exact:
            stats["dup_exact"] += 1
            continue
        exact.add(v)
        if "|" in v or "\t" in v:
            stats["bad_char"] += 1
            continue
        if len(v) < 2:
            stats["one_char"] += 1
            continue
        if name_script(v) is None:
            stats["script"] += 1
            continue
        k = fold(v)
        if not k:
            stats["empty_key"] += 1
            continue
        if k in seen:
            stats["dup_key"] += 1
            continue
        seen.add(k)
        out.append(v)
    return out


def name_pref(v):
    """Sort key for capping: Latin ASCII first, then other Latin, then Cyrillic."""
    s = name_script(v)
    if v.isascii():
        return 0
    if s == "latin":
        return 1
    if s == "cyrillic":
        return 2
    return 3


# ---------------------------------------------------------------- regions
class RegionIndex:
    def __init__(self, regions):
        self.regions = {r.code: r for r in regions}
        parts, owner = [], []
        for r in regions:
            geoms = list(r.geom.geoms) if hasattr(r.geom, "geoms") else [r.geom]
            for g in geoms:
                parts.append(g)
                owner.append(r.code)
        self.parts = parts
        self.owner = owner
        self.tree = shapely.STRtree(parts)
        self.gn = defaultdict(list)
        for r in regions:
            k = r.geonames_admin1
            if k and re.match(r"^[A-Z]{2}\.[A-Z0-9]+$", k):
                self.gn[k].append(r.code)

    def containing(self, lons, lats):
        """For each point the sorted list of region codes whose polygon covers it."""
        pts = shapely.points(np.asarray(lons), np.asarray(lats))
        idx_pt, idx_part = self.tree.query(pts, predicate="intersects")
        out = [set() for _ in range(len(pts))]
        for i, j in zip(idx_pt.tolist(), idx_part.tolist()):
            out[i].add(self.owner[j])
        return [sorted(s) for s in out]

    def nearest(self, lon, lat, country, max_m=NEAREST_MAX_M):
        """Nearest region of `country` within max_m (approximate), or None."""
        p = Point(lon, lat)
        deg = max_m / 111000.0 / max(0.05, np.cos(np.radians(lat))) * 1.5
        cand = self.tree.query(p.buffer(deg))
        best = None
        for j in cand.tolist():
            code = self.owner[j]
            if not country_ok(self.regions[code].country, country):
                continue
            q = shapely.ops.nearest_points(self.parts[j], p)[0]
            _, _, d = GEOD.inv(lon, lat, q.x, q.y)
            if d <= max_m and (best is None or d < best[0]):
                best = (d, code)
        return best[1] if best else None


def distance_m(geom, lon, lat):
    """Approximate geodesic distance from a point to a polygon (0 inside)."""
    p = Point(lon, lat)
    if geom.intersects(p):
        return 0.0
    q = shapely.ops.nearest_points(geom, p)[0]
    return GEOD.inv(lon, lat, q.x, q.y)[2]


# A source region key (GeoNames admin1, OurAirports iso_region) is rejected
# when most of its rows lie more than KEY_NEAR_M from the region it maps to
# (a wrong correspondence, e.g. GeoNames' French regions FR.32 vs Natural
# Earth's department FR-32); a single row's source region is ignored when the
# point is more than ROW_FAR_M from it (an error in the source).
KEY_NEAR_M = 5000.0
ROW_FAR_M = 50000.0


def assign_regions(rows, index, stats, source_region):
    """Sets row['region'] (and the Crimea / occupied-oblast country rule).

    source_region(row) -> (code, key, method) or (None, None, None) gives the
    region from the source's own data (GeoNames admin1 via Natural Earth's
    gn_a1_code, OurAirports iso_region) and the key it came from.
    """
    lons = [r["_lon"] for r in rows]
    lats = [r["_lat"] for r in rows]
    inside = index.containing(lons, lats)
    src = [source_region(r) for r in rows]
    dist = [None] * len(rows)
    per_key = defaultdict(lambda: [0, 0])  # key -> [rows, rows far from the region]
    for i, (r, ins, (code, key, _)) in enumerate(zip(rows, inside, src)):
        if code is None:
            continue
        d = 0.0 if code in ins else distance_m(index.regions[code].geom, r["_lon"], r["_lat"])
        dist[i] = d
        per_key[key][0] += 1
        if d > KEY_NEAR_M:
            per_key[key][1] += 1
    rejected = {k for k, (n, far) in per_key.items() if far * 2 > n}
    stats["keys_rejected"] = sorted(f"{k} ({far}/{n} rows far)" for k, (n, far) in per_key.items() if k in rejected)
    how = Counter()
    disagree = Counter()
    far_rows = []
    for i, (r, ins) in enumerate(zip(rows, inside)):
        code, key, method = src[i]
        if code is not None and key in rejected:
            code = None
            how["source key rejected -> polygons"] += 0
        elif code is not None and dist[i] > ROW_FAR_M:
            far_rows.append(f"{r['id']} {r['name']} ({key} -> {code}, {dist[i] / 1000:.0f} km away; in {','.join(ins) or '-'})")
            code = None
        if code is not None:
            if code not in ins and ins:
                disagree[r["country"]] += 1
            how[method] += 1
        else:
            same = [c for c in ins if country_ok(index.regions[c].country, r["country"])]
            if len(same) == 1:
                code = same[0]
                how["point-in-polygon"] += 1
            elif len(same) > 1:
                code = same[0]
                how["point-in-polygon (on a shared border: first code)"] += 1
            else:
                code = index.nearest(r["_lon"], r["_lat"], r["country"])
                if code:
                    how[f"nearest region of the country within {NEAREST_MAX_M / 1000:.0f} km"] += 1
                else:
                    how["none"] += 1
                    code = ""
        # Crimea and Sevastopol are Ukraine (UN GA resolution 68/262), and so
        # are the other occupied oblasts. Between UA-43 and UA-40 the source's
        # choice is kept (Natural Earth's Sevastopol is smaller than the city's
        # territory).
        crimea_in = [c for c in ins if c in CRIMEA]
        if crimea_in:
            want = code if code in CRIMEA else crimea_in[0]
            if r["country"] != "UA" or code != want:
                stats["crimea_changed"].append(f"{r['id']} {r['name']}: {r['country']} {code or '-'} -> UA {want}")
            r["country"] = "UA"
            code = want
        elif code in CRIMEA and r["country"] != "UA":
            stats["crimea_changed"].append(f"{r['id']} {r['name']}: {r['country']} -> UA ({code})")
            r["country"] = "UA"
        occ_in = [c for c in ins if c in OCCUPIED]
        if code in OCCUPIED and r["country"] != "UA":
            stats["occupied_changed"].append(f"{r['id']} {r['name']}: {r['country']} -> UA ({code})")
            r["country"] = "UA"
        elif occ_in and r["country"] != "UA":
            stats["occupied_changed"].append(f"{r['id']} {r['name']}: {r['country']} {code or '-'} -> UA {occ_in[0]}")
            r["country"] = "UA"
            code = occ_in[0]
        r["region"] = code
    stats["region_how"] = +how
    stats["region_disagree"] = disagree
    stats["far_rows"] = far_rows


# ---------------------------------------------------------------- sources
def load_geonames(paths, stats):
    allp = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        stats[f"read {path.split('/')[-1]}"] = len(d)
        for k, v in d.items():
            allp[int(v["geonameid"])] = v
    return allp


def build_places(gn, regions_index, stats):
    rows = []
    nst = Counter()
    empty = 0
    for gid in sorted(gn):
        v = gn[gid]
        cc = v["countrycode"]
        pop = int(v["population"] or 0)
        if not ((cc in FOCUS and pop >= 1000) or pop >= 15000):
            continue
        name = (v["name"] or "").strip()
        if not name:
            empty += 1
            continue
        assert "\t" not in name and "|" not in name, name
        alts = clean_names(name, v.get("alternatenames") or [], nst)
        rows.append({
            "id": f"gn:{gid}", "kind": "place", "name": name, "_lat": float(v["latitude"]),
            "_lon": float(v["longitude"]), "country": cc, "region": "", "population": pop,
            "names": alts, "codes": [], "_admin1": (v.get("admin1code") or "").strip(), "_src_country": cc,
        })
    stats["gn_empty_name"] = empty
    stats["gn_names"] = nst
    return rows


def load_airports(path):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build_airfields(airports, stats):
    rows = []
    nst = Counter()
    sel = Counter()
    kw_stats = Counter()
    for a in airports:
        t = a["type"]
        if t not in AIRFIELD_TYPES:
            continue
        cc = a["iso_country"]
        text = a["name"] + " , " + a["keywords"]
        military = bool(MILITARY_RE.search(text) or MILITARY_ABBR_RE.search(text))
        if cc in FOCUS:
            why = "focus country"
        elif t in ("medium_airport", "large_airport"):
            why = "medium/large airport"
        elif military:
            why = "military (name/keywords)"
        else:
            continue
        lat, lon = float(a["latitude_deg"]), float(a["longitude_deg"])
        if abs(lat) < 0.01 and abs(lon) < 0.01:
            # "Null Island": a vandalised record (US-7066, an advert posing as
            # a medium airport at 0, 0); nothing real is there.
            stats.setdefault("oa_null_island", []).append(f"{a['ident']} {a['name']}")
            continue
        sel[why] += 1
        name = " ".join(a["name"].split())
        kind = "air_base" if AIR_BASE_RE.search(name) else "airfield"
        codes = []
        for k in ("ident", "gps_code", "iata_code", "local_code"):
            c = a[k].strip()
            if c and c not in codes:
                codes.append(c)
        code_keys = {fold(c) for c in codes}
        code_cyr = {"".join(RU_ICAO.get(ch, ch) for ch in c.upper()) for c in codes}
        muni = fold(a["municipality"])
        cands = []
        s = strip_suffix(name)
        if s:
            cands.append(s)
        for k in re.split(r"[,;]", a["keywords"]):
            k = " ".join(k.split())
            if not k:
                continue
            if fold(k) in code_keys or k.upper() in code_cyr:
                kw_stats["code already in codes (or its Cyrillic form)"] += 1
                continue
            if muni and fold(k) == muni:
                kw_stats["keyword is the municipality (not a name of the airfield)"] += 1
                continue
            if CODE_LIKE_RE.match(k):
                kw_stats["other code-like keyword kept"] += 1
            cands.append(k)
            s = strip_suffix(k)
            if s:
                cands.append(s)
        alts = clean_names(name, cands, nst)
        rows.append({
            "id": f"oa:{a['ident']}", "kind": kind, "name": name, "_lat": float(a["latitude_deg"]),
            "_lon": float(a["longitude_deg"]), "country": cc, "region": "", "population": 0,
            "names": alts, "codes": codes, "_iso_region": a["iso_region"], "_src_country": cc,
            "_type": t, "_military": military,
        })
    stats["oa_selected"] = sel
    stats["oa_names"] = nst
    stats["oa_keywords"] = kw_stats
    return rows


# ---------------------------------------------------------------- output
def row_line(r):
    assert all("|" not in n and "\t" not in n for n in r["names"] + r["codes"])
    vals = [r["id"], r["kind"], r["name"], fmt_coord(r["_lat"]), fmt_coord(r["_lon"]), r["country"] or "",
            r["region"] or "", str(r["population"]), "|".join(r["names"]), "|".join(r["codes"])]
    for v in vals:
        assert "\t" not in v and "\n" not in v and "\r" not in v, v
    return "\t".join(vals)


def keys_of(rows):
    pairs = set()
    for i, r in enumerate(rows):
        for n in [r["name"], *r["names"], *r["codes"]]:
            k = fold(n)
            if k:
                pairs.add((k.encode("utf-8"), i))
    return sorted(pairs)


def render(rows):
    places = "\t".join(COLUMNS) + "\n" + "".join(row_line(r) + "\n" for r in rows)
    keys = "".join(f"{k.decode('utf-8')}\t{i}\n" for k, i in keys_of(rows))
    return places, keys


def cap_names(rows, cap):
    """Keep at most `cap` alternate names for places under 15,000 people."""
    dropped = 0
    for r in rows:
        if r["kind"] == "place" and r["population"] < 15000 and len(r["names"]) > cap:
            order = sorted(range(len(r["names"])), key=lambda i: (name_pref(r["names"][i]), i))
            keep = sorted(order[:cap])
            dropped += len(r["names"]) - cap
            r["names"] = [r["names"][i] for i in keep]
    return dropped
